/* timeline: what of the CV is visible (doc/cli.md --from, --to, --only, --today): the
 * range, clipped periods, the groups shown, entries in order. Lanes are the layout's
 * (layout_lanes.c: they need the labels' widths). */
#include "timeline.h"

#include <string.h>

G_DEFINE_QUARK(cvt-timeline-error-quark, timeline_error)

static void timeline_entry_free(gpointer data)
{
  TimelineEntry *entry = data;
  if (!entry)
    return;
  g_array_unref(entry->bars);
  g_free(entry);
}

static void timeline_group_free(gpointer data)
{
  TimelineGroup *group = data;
  if (!group)
    return;
  g_ptr_array_unref(group->entries);
  g_free(group);
}

void timeline_free(Timeline *timeline)
{
  if (!timeline)
    return;
  g_ptr_array_unref(timeline->groups);
  g_ptr_array_unref(timeline->milestones);
  g_free(timeline);
}

static gboolean timeline_only_has(const TimelineOptions *opts, const char *key)
{
  if (!opts->only)
    return TRUE;
  for (const char *const *k = opts->only; *k; k++)
    if (strcmp(*k, key) == 0)
      return TRUE;
  return FALSE;
}

/* Every --only name must be a group of the CV (or "milestones"). */
static gboolean timeline_check_only(const ModelCv *cv, const TimelineOptions *opts,
                                    GError **error)
{
  if (!opts->only)
    return TRUE;
  for (const char *const *k = opts->only; *k; k++) {
    if (strcmp(*k, "milestones") == 0 || model_cv_find_group(cv, *k))
      continue;
    GString *known = g_string_new(NULL);
    for (guint i = 0; i < cv->groups->len; i++) {
      const ModelGroup *g = g_ptr_array_index(cv->groups, i);
      g_string_append_printf(known, "%s%s", known->len ? ", " : "", g->key);
    }
    if (cv->milestones->len)
      g_string_append_printf(known, "%smilestones", known->len ? ", " : "");
    g_set_error(error, TIMELINE_ERROR, 1, "--only: the CV has no group '%s' (it has: %s)", *k,
                known->len ? known->str : "no groups");
    g_string_free(known, TRUE);
    return FALSE;
  }
  return TRUE;
}

/* The CV's whole span over the selected groups and milestones; FALSE when empty. */
static gboolean timeline_natural_range(const ModelCv *cv, const TimelineOptions *opts,
                                       DateDay *start, DateDay *end)
{
  gboolean any = FALSE;
  for (guint g = 0; g < cv->groups->len; g++) {
    const ModelGroup *group = g_ptr_array_index(cv->groups, g);
    if (!timeline_only_has(opts, group->key))
      continue;
    for (guint e = 0; e < group->entries->len; e++) {
      const ModelEntry *entry = g_ptr_array_index(group->entries, e);
      for (guint p = 0; p < entry->periods->len; p++) {
        const DateSpan *span = &g_array_index(entry->periods, DateSpan, p);
        if (!any || span->start < *start)
          *start = span->start;
        if (!any || span->end > *end)
          *end = span->end;
        any = TRUE;
      }
    }
  }
  if (timeline_only_has(opts, "milestones")) {
    for (guint m = 0; m < cv->milestones->len; m++) {
      const ModelMilestone *ms = g_ptr_array_index(cv->milestones, m);
      if (!any || ms->date < *start)
        *start = ms->date;
      if (!any || ms->date > *end)
        *end = ms->date;
      any = TRUE;
    }
  }
  return any;
}

/* Adds @span clipped to the timeline's range as a bar; FALSE when nothing is visible. */
static gboolean timeline_add_bar(const Timeline *t, GArray *bars, const DateSpan *span,
                                 const ModelRole *role, guint source)
{
  if (span->end < t->start || span->start > t->end || span->end < span->start)
    return FALSE;
  TimelineBar bar = {
      .start = MAX(span->start, t->start),
      .end = MIN(span->end, t->end),
      .fade_start = span->start_approx,
      .fade_end = span->end_approx,
      .ongoing = span->ongoing,
      .cut_start = span->start < t->start,
      .cut_end = span->end > t->end,
      .role = role ? role->title : NULL,
      .source = source,
  };
  g_array_append_val(bars, bar);
  return TRUE;
}

static gint timeline_bar_cmp(gconstpointer a, gconstpointer b)
{
  const TimelineBar *x = a, *y = b;
  return (x->start > y->start) - (x->start < y->start);
}

static TimelineEntry *timeline_entry_build(const Timeline *t, const ModelEntry *entry)
{
  GArray *bars = g_array_new(FALSE, FALSE, sizeof(TimelineBar));
  gboolean has_roles = entry->roles->len > 0;
  if (has_roles) {
    for (guint r = 0; r < entry->roles->len; r++) {
      const ModelRole *role = &g_array_index(entry->roles, ModelRole, r);
      timeline_add_bar(t, bars, &role->span, role, r);
    }
  } else {
    for (guint p = 0; p < entry->periods->len; p++)
      timeline_add_bar(t, bars, &g_array_index(entry->periods, DateSpan, p), NULL, p);
  }
  if (bars->len == 0) {
    g_array_unref(bars);
    return NULL;
  }
  /* Roles and periods arrive in order already; sorting is for hand-built models. */
  g_array_sort(bars, timeline_bar_cmp);
  TimelineEntry *te = g_new0(TimelineEntry, 1);
  te->entry = entry;
  te->bars = bars;
  te->has_roles = has_roles;
  return te;
}

static gint timeline_entry_cmp(gconstpointer a, gconstpointer b)
{
  const TimelineEntry *x = *(TimelineEntry *const *)a, *y = *(TimelineEntry *const *)b;
  DateDay xs = g_array_index(x->bars, TimelineBar, 0).start;
  DateDay ys = g_array_index(y->bars, TimelineBar, 0).start;
  return (xs > ys) - (xs < ys);
}

static void timeline_add_groups(Timeline *t, const ModelCv *cv, const TimelineOptions *opts)
{
  for (guint g = 0; g < cv->groups->len; g++) {
    const ModelGroup *group = g_ptr_array_index(cv->groups, g);
    if (!timeline_only_has(opts, group->key))
      continue;
    GPtrArray *entries = g_ptr_array_new_with_free_func(timeline_entry_free);
    for (guint e = 0; e < group->entries->len; e++) {
      TimelineEntry *te = timeline_entry_build(t, g_ptr_array_index(group->entries, e));
      if (te)
        g_ptr_array_add(entries, te);
    }
    if (entries->len == 0) {
      g_ptr_array_unref(entries);
      continue;
    }
    /* g_ptr_array_sort is a merge sort (stable): equal starts keep file order. */
    g_ptr_array_sort(entries, timeline_entry_cmp);
    TimelineGroup *tg = g_new0(TimelineGroup, 1);
    tg->group = group;
    tg->entries = entries;
    g_ptr_array_add(t->groups, tg);
  }
}

/* Says which option emptied the range: --from after --to, or one of them beyond what
 * the CV covers. */
static void timeline_empty_range_error(const TimelineOptions *opts, DateDay start, DateDay end,
                                       GError **error)
{
  char a[DATE_ISO_SIZE], b[DATE_ISO_SIZE];
  date_format_iso(start, a);
  date_format_iso(end, b);
  if (opts->has_from && opts->has_to)
    g_set_error(error, TIMELINE_ERROR, 2, "--from (%s) is after --to (%s): nothing to show", a, b);
  else if (opts->has_from)
    g_set_error(error, TIMELINE_ERROR, 2,
                "--from (%s) is after the CV's last date (%s): nothing to show", a, b);
  else
    g_set_error(error, TIMELINE_ERROR, 2,
                "--to (%s) is before the CV's first date (%s): nothing to show", b, a);
}

Timeline *timeline_build(const ModelCv *cv, const TimelineOptions *opts, GError **error)
{
  if (!timeline_check_only(cv, opts, error))
    return NULL;
  DateDay start = cv->today, end = cv->today;
  if (!timeline_natural_range(cv, opts, &start, &end)) {
    /* Nothing dated: show the year of today, so that an empty CV still draws an axis. */
    int y, m, d;
    date_to_ymd(cv->today, &y, &m, &d);
    start = date_from_ymd(y, 1, 1);
    end = date_from_ymd(y, 12, 31);
  }
  if (opts->has_from)
    start = opts->from;
  if (opts->has_to)
    end = opts->to;
  if (end < start) {
    timeline_empty_range_error(opts, start, end, error);
    return NULL;
  }
  Timeline *t = g_new0(Timeline, 1);
  t->start = start;
  t->end = end;
  t->today = cv->today;
  t->today_visible = cv->today >= start && cv->today <= end;
  t->cv = cv;
  t->groups = g_ptr_array_new_with_free_func(timeline_group_free);
  t->milestones = g_ptr_array_new();
  timeline_add_groups(t, cv, opts);
  if (timeline_only_has(opts, "milestones")) {
    for (guint m = 0; m < cv->milestones->len; m++) {
      const ModelMilestone *ms = g_ptr_array_index(cv->milestones, m);
      if (ms->date >= start && ms->date <= end)
        g_ptr_array_add(t->milestones, (gpointer)ms);
    }
  }
  return t;
}
