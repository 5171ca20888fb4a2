/* Role merging (model.h; doc/importing.md "Several roles at one employer"): JSON Resume
 * and RenderCV list each role at an employer as its own entry; the native format's
 * `roles:` draws them as one bar cut into segments. This turns the roles of a run of such
 * entries that follow one another back into that shape, and leaves overlapping ones as
 * bars of their own, so that no role loses a day beyond a small, reported trim. */
#include "model.h"

/* Case-insensitive equality of two organisation names; NULL never matches. */
static gboolean merge_same_org(const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  g_autofree char *fa = g_utf8_casefold(a, -1);
  g_autofree char *fb = g_utf8_casefold(b, -1);
  return g_strcmp0(fa, fb) == 0;
}

/* An entry can become a role: one titled period, no roles of its own. */
static gboolean merge_candidate(const ModelEntry *entry)
{
  return entry->title != NULL && entry->org != NULL && entry->periods->len == 1 &&
         entry->roles->len == 0;
}

static const DateSpan *merge_span(const ModelEntry *entry)
{
  return &g_array_index(entry->periods, DateSpan, 0);
}

/* Chronological order of the entries of a run: by start, then end, then file order. */
static int merge_compare(gconstpointer pa, gconstpointer pb)
{
  const ModelEntry *a = *(ModelEntry *const *)pa;
  const ModelEntry *b = *(ModelEntry *const *)pb;
  const DateSpan *sa = merge_span(a), *sb = merge_span(b);
  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  if (sa->end != sb->end)
    return sa->end < sb->end ? -1 : 1;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  return (a->column > b->column) - (a->column < b->column);
}

/* The index of @entry in @run, which holds it. */
static guint merge_index(GPtrArray *run, const ModelEntry *entry)
{
  guint index = 0;
  gboolean found = g_ptr_array_find(run, entry, &index);
  g_assert(found);
  return index;
}

/* ---- What a date's precision allows ---- */

/* The first day of the month, season or year that @s's end names (its end for a day). */
static DateDay merge_end_named_first(const DateSpan *s)
{
  int y, m, d;
  date_to_ymd(s->end, &y, &m, &d);
  switch (s->ongoing ? DATE_PREC_DAY : s->end_precision) {
  case DATE_PREC_YEAR:
    return date_from_ymd(y, 1, 1);
  case DATE_PREC_SEASON: /* a season ends on its third month's last day */
    m -= 2;
    if (m < 1) {
      m += 12;
      y--;
    }
    return date_from_ymd(y, m, 1);
  case DATE_PREC_MONTH:
  case DATE_PREC_ACADEMIC:
    return date_from_ymd(y, m, 1);
  case DATE_PREC_DAY:
    break;
  }
  return s->end;
}

/* The last day of the month, season or year that @s's start names (its start for a day). */
static DateDay merge_start_named_last(const DateSpan *s)
{
  int y, m, d;
  date_to_ymd(s->start, &y, &m, &d);
  switch (s->start_precision) {
  case DATE_PREC_YEAR:
    return date_from_ymd(y, 12, 31);
  case DATE_PREC_SEASON: /* three months from its first day */
    m += 2;
    if (m > 12) {
      m -= 12;
      y++;
    }
    return date_from_ymd(y, m, g_date_get_days_in_month((GDateMonth)m, (GDateYear)y));
  case DATE_PREC_MONTH:
  case DATE_PREC_ACADEMIC:
    return date_from_ymd(y, m, g_date_get_days_in_month((GDateMonth)m, (GDateYear)y));
  case DATE_PREC_DAY:
    break;
  }
  return s->start;
}

/* ---- Chains: roles that follow one another ---- */

typedef struct {
  ModelEntry *entry;
  DateSpan span; /* the entry's period, as trimmed to fit the chain */
} MergeLink;

typedef enum { FIT_NONE, FIT_AFTER, FIT_TRIM_END, FIT_TRIM_START } MergeFit;

/* How @next (starting no earlier than @last) can follow @last on one bar: after it, with a
 * gap of at most @max_gap_days (*@cost: the gap), or overlapping it a little, trimmed off
 * @last's end or @next's start (*@cost: the overlap); FIT_NONE when they overlap more,
 * or @next lies within @last. */
static MergeFit merge_fit(const DateSpan *last, const DateSpan *next, int max_gap_days,
                          gint64 *cost)
{
  if (next->start > last->end) {
    *cost = (gint64)next->start - last->end - 1;
    return *cost <= max_gap_days ? FIT_AFTER : FIT_NONE;
  }
  /* Overlapping: only a role that starts later and ends later can follow. */
  if (next->start <= last->start || next->end <= last->end)
    return FIT_NONE;
  *cost = (gint64)last->end - next->start + 1;
  if (next->start - 1 >= merge_end_named_first(last))
    return FIT_TRIM_END;
  if (last->end + 1 <= merge_start_named_last(next))
    return FIT_TRIM_START;
  return *cost <= MODEL_MERGE_TRIM_DAYS ? FIT_TRIM_END : FIT_NONE;
}

/* Appends to @trims (when not NULL) what was taken off @cut, overlapping @other. */
static void merge_note_trim(GPtrArray *trims, const ModelEntry *cut, const ModelEntry *other,
                            DateDay from, DateDay to, gboolean at_start)
{
  if (trims == NULL)
    return;
  ModelTrim *t = g_new0(ModelTrim, 1);
  t->title = g_strdup(cut->title);
  t->other = g_strdup(other->title);
  t->org = g_strdup(cut->org);
  t->line = cut->line;
  t->column = cut->column;
  t->from = from;
  t->to = to;
  t->at_start = at_start;
  g_ptr_array_add(trims, t);
}

void model_trim_free(ModelTrim *trim)
{
  if (trim == NULL)
    return;
  g_free(trim->title);
  g_free(trim->other);
  g_free(trim->org);
  g_free(trim);
}

/* Puts @entry, the next of the run in start order, at the end of the chain it fits best
 * (after one, the smallest gap; else the smallest trim; ties: the older chain), or into
 * a new chain of its own. */
static void merge_place(GPtrArray *chains, ModelEntry *entry, int max_gap_days, GPtrArray *trims)
{
  MergeLink link = {.entry = entry, .span = *merge_span(entry)};
  GArray *best = NULL;
  MergeFit best_fit = FIT_NONE;
  gint64 best_cost = 0;
  for (guint i = 0; i < chains->len; i++) {
    GArray *chain = g_ptr_array_index(chains, i);
    const MergeLink *last = &g_array_index(chain, MergeLink, chain->len - 1);
    gint64 cost;
    MergeFit fit = merge_fit(&last->span, &link.span, max_gap_days, &cost);
    if (fit == FIT_NONE)
      continue;
    gboolean after = fit == FIT_AFTER, best_after = best_fit == FIT_AFTER;
    if (best == NULL || (after && !best_after) || (after == best_after && cost < best_cost)) {
      best = chain;
      best_fit = fit;
      best_cost = cost;
    }
  }
  if (best == NULL) {
    best = g_array_new(FALSE, FALSE, sizeof(MergeLink));
    g_ptr_array_add(chains, best);
  }
  MergeLink *last = best->len > 0 ? &g_array_index(best, MergeLink, best->len - 1) : NULL;
  if (best_fit == FIT_TRIM_END) {
    merge_note_trim(trims, last->entry, entry, link.span.start, last->span.end, FALSE);
    last->span.end = link.span.start - 1;
    last->span.ongoing = FALSE;
  } else if (best_fit == FIT_TRIM_START) {
    merge_note_trim(trims, entry, last->entry, link.span.start, last->span.end, TRUE);
    link.span.start = last->span.end + 1;
  }
  g_array_append_val(best, link);
}

/* Builds one entry with role segments from @chain (chronological, at least two links),
 * taking ownership of their strings; the members are left for the caller to free.
 * The member first in @run (file order) gives the entry its position, and location and
 * url come from the first member in file order that has them. */
static ModelEntry *merge_build(GArray *chain, GPtrArray *run)
{
  g_autoptr(GPtrArray) in_file = g_ptr_array_new();
  for (guint i = 0; i < run->len; i++)
    for (guint k = 0; k < chain->len; k++)
      if (g_array_index(chain, MergeLink, k).entry == g_ptr_array_index(run, i))
        g_ptr_array_add(in_file, g_ptr_array_index(run, i));
  ModelEntry *first = g_ptr_array_index(in_file, 0);
  ModelEntry *merged = model_entry_new();
  merged->org = g_steal_pointer(&first->org);
  merged->line = first->line;
  merged->column = first->column;
  for (guint i = 0; i < in_file->len; i++) {
    ModelEntry *m = g_ptr_array_index(in_file, i);
    if (merged->location == NULL)
      merged->location = g_steal_pointer(&m->location);
    if (merged->url == NULL)
      merged->url = g_steal_pointer(&m->url);
    if (merged->class_name == NULL)
      merged->class_name = g_steal_pointer(&m->class_name);
    merged->approximate = merged->approximate || m->approximate;
  }
  DateSpan whole = g_array_index(chain, MergeLink, 0).span;
  for (guint i = 0; i < chain->len; i++) {
    MergeLink *link = &g_array_index(chain, MergeLink, i);
    ModelRole role = {.title = g_steal_pointer(&link->entry->title),
                      .span = link->span,
                      .line = link->entry->line,
                      .column = link->entry->column};
    g_array_append_val(merged->roles, role);
    /* The bar ends where the latest role ends; an ongoing role wins a tie. */
    const DateSpan *s = &link->span;
    if (s->end > whole.end || (s->end == whole.end && s->ongoing)) {
      whole.end = s->end;
      whole.end_precision = s->end_precision;
      whole.end_approx = s->end_approx;
      whole.ongoing = s->ongoing;
    }
  }
  /* The links of a chain do not overlap, so this only orders them. */
  model_entry_settle_roles(merged);
  g_array_append_val(merged->periods, whole);
  return merged;
}

/* Splits @run (file order, same org, all candidates) into chains of roles that follow one
 * another and appends to @out one entry per chain, merged when it has several members, in
 * the file order of each chain's first member. Takes ownership of the run's entries. */
static void merge_run(GPtrArray *run, int max_gap_days, GPtrArray *trims, GPtrArray *out)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy(run, NULL, NULL);
  g_ptr_array_sort(sorted, merge_compare);
  g_autoptr(GPtrArray) chains = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
  for (guint i = 0; i < sorted->len; i++)
    merge_place(chains, g_ptr_array_index(sorted, i), max_gap_days, trims);
  /* Slot k holds what the run's k-th entry becomes: the entry, a merged one, or NULL. */
  g_autofree gpointer *slots = g_new0(gpointer, run->len);
  for (guint c = 0; c < chains->len; c++) {
    GArray *chain = g_ptr_array_index(chains, c);
    guint first = run->len;
    for (guint k = 0; k < chain->len; k++)
      first = MIN(first, merge_index(run, g_array_index(chain, MergeLink, k).entry));
    if (chain->len == 1) {
      slots[first] = g_array_index(chain, MergeLink, 0).entry;
      continue;
    }
    slots[first] = merge_build(chain, run);
    for (guint k = 0; k < chain->len; k++)
      model_entry_free(g_array_index(chain, MergeLink, k).entry);
  }
  for (guint k = 0; k < run->len; k++)
    if (slots[k] != NULL)
      g_ptr_array_add(out, slots[k]);
}

static void merge_group(ModelGroup *group, int max_gap_days, GPtrArray *trims)
{
  GPtrArray *entries = group->entries;
  g_autoptr(GPtrArray) out = g_ptr_array_new();
  guint i = 0;
  while (i < entries->len) {
    ModelEntry *entry = g_ptr_array_index(entries, i);
    if (!merge_candidate(entry)) {
      g_ptr_array_add(out, entry);
      i++;
      continue;
    }
    g_autoptr(GPtrArray) run = g_ptr_array_new();
    g_ptr_array_add(run, entry);
    for (i++; i < entries->len; i++) {
      ModelEntry *next = g_ptr_array_index(entries, i);
      if (!merge_candidate(next) || !merge_same_org(entry->org, next->org))
        break;
      g_ptr_array_add(run, next);
    }
    merge_run(run, max_gap_days, trims, out);
  }
  /* Hand the (possibly fewer) entries back without freeing them. */
  g_free(g_ptr_array_steal(entries, NULL));
  for (guint k = 0; k < out->len; k++)
    g_ptr_array_add(entries, g_ptr_array_index(out, k));
}

void model_merge_roles(ModelCv *cv, int max_gap_days, GPtrArray *trims)
{
  for (guint g = 0; g < cv->groups->len; g++)
    merge_group(g_ptr_array_index(cv->groups, g), max_gap_days, trims);
}
