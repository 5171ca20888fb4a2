/* describe: the chart's items in words (alt text, tooltips), from the scene's records,
 * with each date at the precision the CV wrote it (spec/cv-format.md "Dates"). */
#include "describe.h"

#include <string.h>

/* The word for an approximate date, before it. */
#define DESCRIBE_ABOUT "about "

void describe_date(GString *out, DateDay day, DatePrecision precision, gboolean approximate)
{
  int y, m, d;
  date_to_ymd(day, &y, &m, &d);
  if (approximate)
    g_string_append(out, DESCRIBE_ABOUT);
  if (y < 1) {
    g_string_append(out, "?");
    return;
  }
  switch (precision) {
  case DATE_PREC_DAY:
    g_string_append_printf(out, "%d %s %d", d, date_month_abbrev(m), y);
    break;
  case DATE_PREC_MONTH:
    g_string_append_printf(out, "%s %d", date_month_abbrev(m), y);
    break;
  case DATE_PREC_SEASON: {
    int sy;
    const char *season = date_season_name(day, &sy);
    g_string_append_printf(out, "%s %d", season, sy);
    break;
  }
  case DATE_PREC_YEAR:
    g_string_append_printf(out, "%d", y);
    break;
  case DATE_PREC_ACADEMIC: {
    /* September to June: a day from July on starts the year named by its own. */
    int first = m >= 7 ? y : y - 1;
    g_string_append_printf(out, "%d/%02d", first, (first + 1) % 100);
    break;
  }
  }
}

void describe_span(GString *out, const DateSpan *span)
{
  if (span->ongoing) {
    describe_date(out, span->start, span->start_precision, span->start_approx);
    g_string_append(out, " to present");
    return;
  }
  GString *a = g_string_new(NULL), *b = g_string_new(NULL);
  describe_date(a, span->start, span->start_precision, span->start_approx);
  describe_date(b, span->end, span->end_precision, span->end_approx);
  int ya, ma, da, yb, mb, db;
  date_to_ymd(span->start, &ya, &ma, &da);
  date_to_ymd(span->end, &yb, &mb, &db);
  if (g_string_equal(a, b)) {
    g_string_append_len(out, a->str, (gssize)a->len);
  } else if (span->start_precision == DATE_PREC_DAY && span->end_precision == DATE_PREC_DAY &&
             !span->start_approx && !span->end_approx && ya == yb && ma == mb && ya > 0) {
    /* "3 to 14 Mar 2019" rather than the month and year twice. */
    g_string_append_printf(out, "%d to %s", da, b->str);
  } else {
    g_string_append_printf(out, "%s to %s", a->str, b->str);
  }
  g_string_free(a, TRUE);
  g_string_free(b, TRUE);
}

void describe_name(GString *out, const char *title, const char *org)
{
  if (title && org)
    g_string_append_printf(out, "%s, %s", title, org);
  else
    g_string_append(out, title ? title : org ? org : "untitled");
}

static const LayoutRole *describe_role(const LayoutEntry *entry, guint i)
{
  return &g_array_index(entry->roles, LayoutRole, i);
}

/* "Engineer, Big Co, 2019 to present" or "Big Co (Resident Sep 2019 to 2020; ...)". */
static void describe_entry_line(GString *out, const LayoutEntry *e)
{
  describe_name(out, e->title, e->org);
  if (e->roles->len > 0) {
    g_string_append(out, " (");
    for (guint i = 0; i < e->roles->len; i++) {
      g_string_append_printf(out, "%s%s ", i ? "; " : "", describe_role(e, i)->title);
      describe_span(out, &describe_role(e, i)->span);
    }
    g_string_append(out, ")");
    return;
  }
  for (guint i = 0; i < e->periods->len; i++) {
    g_string_append(out, i ? " and " : ", ");
    describe_span(out, &g_array_index(e->periods, DateSpan, i));
  }
}

char *describe_alt_text(const LayoutScene *scene)
{
  GString *out = g_string_new(NULL);
  int y0, y1, m, d;
  date_to_ymd(scene->range_start, &y0, &m, &d);
  date_to_ymd(scene->range_end, &y1, &m, &d);
  if (scene->title != NULL)
    g_string_append_printf(out, "%s%s%s: career timeline", scene->title,
                           scene->headline ? ", " : "", scene->headline ? scene->headline : "");
  else
    g_string_append(out, "Career timeline");
  if (y0 == y1)
    g_string_append_printf(out, ", %d.\n", y0);
  else
    g_string_append_printf(out, " from %d to %d.\n", y0, y1);
  for (guint g = 0; g < scene->groups->len; g++) {
    const LayoutGroup *group = &g_array_index(scene->groups, LayoutGroup, g);
    g_string_append_printf(out, "%s: ", group->name ? group->name : group->key);
    for (guint i = 0; i < group->n_entries; i++) {
      if (i > 0)
        g_string_append(out, "; ");
      describe_entry_line(out, layout_group_entry(scene, group, i));
    }
    g_string_append(out, ".\n");
  }
  if (scene->milestones->len > 0) {
    g_string_append(out, "Milestones: ");
    for (guint i = 0; i < scene->milestones->len; i++) {
      const LayoutMilestone *ms = &g_array_index(scene->milestones, LayoutMilestone, i);
      g_string_append(out, i ? "; " : "");
      describe_name(out, ms->title, NULL);
      g_string_append(out, ", ");
      describe_date(out, ms->date, ms->precision, ms->approximate);
    }
    g_string_append(out, ".\n");
  }
  return g_string_free(out, FALSE);
}

char *describe_entry(const LayoutEntry *e)
{
  GString *out = g_string_new(NULL);
  describe_name(out, e->title, e->org);
  if (e->location)
    g_string_append_printf(out, "\n%s", e->location);
  if (e->roles->len > 0) {
    for (guint i = 0; i < e->roles->len; i++) {
      g_string_append_printf(out, "\n%s: ", describe_role(e, i)->title);
      describe_span(out, &describe_role(e, i)->span);
    }
  } else if (e->periods->len > 0) {
    g_string_append_c(out, '\n');
    for (guint i = 0; i < e->periods->len; i++) {
      g_string_append(out, i ? ", " : "");
      describe_span(out, &g_array_index(e->periods, DateSpan, i));
    }
  }
  if (e->note)
    g_string_append_printf(out, "\n%s", e->note);
  return g_string_free(out, FALSE);
}

/* "Role 2 of 5: after Resident, before Director" for role @i. */
static void describe_role_place(GString *out, const LayoutEntry *e, guint i)
{
  guint n = e->roles->len;
  g_string_append_printf(out, "\nRole %u of %u", i + 1, n);
  if (i > 0)
    g_string_append_printf(out, ": after %s", describe_role(e, i - 1)->title);
  if (i + 1 < n)
    g_string_append_printf(out, "%s before %s", i > 0 ? "," : ":", describe_role(e, i + 1)->title);
}

char *describe_bar(const LayoutEntry *e, guint bar_index)
{
  const LayoutBar *bar =
      bar_index < e->bars->len ? &g_array_index(e->bars, LayoutBar, bar_index) : NULL;
  const LayoutRole *role = NULL;
  const DateSpan *span = NULL;
  if (bar != NULL && e->roles->len > 0 && bar->source < e->roles->len) {
    role = describe_role(e, bar->source);
    span = &role->span;
  } else if (bar != NULL && bar->source < e->periods->len) {
    span = &g_array_index(e->periods, DateSpan, bar->source);
  }
  GString *out = g_string_new(NULL);
  /* A role segment leads with its role. */
  describe_name(out, role ? role->title : e->title, e->org);
  if (e->location)
    g_string_append_printf(out, "\n%s", e->location);
  if (span != NULL) {
    g_string_append_c(out, '\n');
    describe_span(out, span);
  }
  if (role != NULL && e->roles->len > 1)
    describe_role_place(out, e, bar->source);
  if (e->note)
    g_string_append_printf(out, "\n%s", e->note);
  return g_string_free(out, FALSE);
}

char *describe_milestone(const LayoutMilestone *m)
{
  GString *out = g_string_new(NULL);
  describe_name(out, m->title, NULL);
  g_string_append_c(out, '\n');
  describe_date(out, m->date, m->precision, m->approximate);
  if (m->note)
    g_string_append_printf(out, "\n%s", m->note);
  return g_string_free(out, FALSE);
}
