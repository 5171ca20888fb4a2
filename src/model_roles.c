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

/* ---- What a date's precision allows ---- */

/* The first day of the span that @s's end names (its end for a day or an ongoing end). */
static DateDay merge_end_named_first(const DateSpan *s)
{
  DateDay first;
  date_named_span(s->end, s->ongoing ? DATE_PREC_DAY : s->end_precision, &first, NULL);
  return first;
}

/* The last day of the span that @s's start names (its start for a day). */
static DateDay merge_start_named_last(const DateSpan *s)
{
  DateDay last;
  date_named_span(s->start, s->start_precision, NULL, &last);
  return last;
}

/* ---- Chains: roles that follow one another ---- */

typedef struct {
  ModelEntry *entry;
  guint index;   /* the entry's place in its run: file order */
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

/* Chronological order of the links of a run: by start, then end, then file order. */
static int merge_compare(gconstpointer pa, gconstpointer pb)
{
  const MergeLink *a = pa, *b = pb;
  if (a->span.start != b->span.start)
    return a->span.start < b->span.start ? -1 : 1;
  if (a->span.end != b->span.end)
    return a->span.end < b->span.end ? -1 : 1;
  if (a->entry->line != b->entry->line)
    return a->entry->line < b->entry->line ? -1 : 1;
  if (a->entry->column != b->entry->column)
    return a->entry->column < b->entry->column ? -1 : 1;
  return (a->index > b->index) - (a->index < b->index);
}

/* ---- Placing: the entries of a run, in start order, onto chains ----
 *
 * Each entry goes to the chain it fits best (after one, the smallest gap; else the
 * smallest trim; ties: the older chain), or into a new chain of its own. Looking at
 * every chain for every entry is quadratic in a run (100,000 roles at one employer), so
 * the chains are filed where only the candidates are looked at:
 *
 * - A chain whose last link starts on or after the entry's start (the same start, or a
 *   start trimmed later) cannot take it: merge_fit wants a later start. Such a chain
 *   waits, by that start, until the entries come past it (they come in start order).
 * - The other chains are open, ordered by their last link's end. After one: the best is
 *   the latest end before the entry's start, if its gap is small enough. Overlapping:
 *   the trim costs the last link's end minus the entry's start, so the best is the
 *   earliest end on or after the entry's start; and among ends of one precision, if a
 *   link fits, every link ending earlier fits too (each condition in merge_fit only gets
 *   easier as the end moves back to the entry's start). So the open chains are kept in
 *   one order per end precision, and the first of each decides for its precision.
 *
 * Every step is a search in a GSequence: O(n log n) for a run of n. */

/* Where a chain is filed, in the order of the set it is in: a day, then the older. */
typedef struct {
  DateDay day;
  gint64 age; /* creation order; a search probe uses -1 */
} MergeKey;

typedef struct {
  MergeKey key;  /* first, so that a chain can be compared as its key */
  GArray *links; /* of MergeLink, chronological */
  GSequenceIter *where;
} MergeChain;

/* The end precisions that merge_end_named_first tells apart. */
enum { MERGE_END_DAY, MERGE_END_MONTH, MERGE_END_SEASON, MERGE_END_YEAR, MERGE_END_CLASSES };

typedef struct {
  GPtrArray *chains;                  /* of MergeChain*, owned, in creation order */
  GSequence *waiting;                 /* keyed by the last link's start */
  GSequence *open[MERGE_END_CLASSES]; /* keyed by the last link's end */
  int max_gap_days;
  GPtrArray *trims;
} MergePlacer;

static void merge_chain_free(MergeChain *chain)
{
  g_array_unref(chain->links);
  g_free(chain);
}

static int merge_key_compare(gconstpointer pa, gconstpointer pb, gpointer unused)
{
  (void)unused;
  const MergeKey *a = pa, *b = pb;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  return (a->age > b->age) - (a->age < b->age);
}

static MergeLink *merge_last(const MergeChain *chain)
{
  return &g_array_index(chain->links, MergeLink, chain->links->len - 1);
}

static int merge_end_class(const DateSpan *s)
{
  switch (s->ongoing ? DATE_PREC_DAY : s->end_precision) {
  case DATE_PREC_YEAR:
    return MERGE_END_YEAR;
  case DATE_PREC_SEASON:
    return MERGE_END_SEASON;
  case DATE_PREC_MONTH:
  case DATE_PREC_ACADEMIC:
    return MERGE_END_MONTH;
  case DATE_PREC_DAY:
    break;
  }
  return MERGE_END_DAY;
}

/* Files @chain in @set under @day. */
static void merge_file(GSequence *set, MergeChain *chain, DateDay day)
{
  chain->key.day = day;
  chain->where = g_sequence_insert_sorted(set, chain, merge_key_compare, NULL);
}

/* The first chain in @set filed on or after @day, or NULL. */
static MergeChain *merge_first_from(GSequence *set, DateDay day)
{
  MergeKey probe = {.day = day, .age = -1};
  GSequenceIter *it = g_sequence_search(set, &probe, merge_key_compare, NULL);
  return g_sequence_iter_is_end(it) ? NULL : g_sequence_get(it);
}

/* The oldest of the chains in @set filed on the latest day before @day, or NULL. */
static MergeChain *merge_latest_before(GSequence *set, DateDay day)
{
  MergeKey probe = {.day = day, .age = -1};
  GSequenceIter *it = g_sequence_search(set, &probe, merge_key_compare, NULL);
  if (g_sequence_iter_is_begin(it))
    return NULL;
  const MergeChain *latest = g_sequence_get(g_sequence_iter_prev(it));
  return merge_first_from(set, latest->key.day);
}

/* Opens every waiting chain whose last link starts before @start. */
static void merge_open_before(MergePlacer *p, DateDay start)
{
  while (g_sequence_get_length(p->waiting) > 0) {
    GSequenceIter *first = g_sequence_get_begin_iter(p->waiting);
    MergeChain *chain = g_sequence_get(first);
    if (chain->key.day >= start)
      break;
    g_sequence_remove(first);
    const DateSpan *last = &merge_last(chain)->span;
    merge_file(p->open[merge_end_class(last)], chain, last->end);
  }
}

/* Puts @link, the next of the run in start order, at the end of the chain it fits best,
 * or into a new chain of its own. */
static void merge_place(MergePlacer *p, MergeLink link)
{
  merge_open_before(p, link.span.start);
  MergeChain *best = NULL;
  MergeFit best_fit = FIT_NONE;
  gint64 best_cost = 0;
  for (int c = 0; c < MERGE_END_CLASSES; c++) {
    MergeChain *chain = merge_latest_before(p->open[c], link.span.start);
    gint64 cost;
    if (chain == NULL ||
        merge_fit(&merge_last(chain)->span, &link.span, p->max_gap_days, &cost) != FIT_AFTER)
      continue;
    if (best == NULL || cost < best_cost || (cost == best_cost && chain->key.age < best->key.age)) {
      best = chain;
      best_fit = FIT_AFTER;
      best_cost = cost;
    }
  }
  for (int c = 0; c < MERGE_END_CLASSES && best_fit != FIT_AFTER; c++) {
    MergeChain *chain = merge_first_from(p->open[c], link.span.start);
    gint64 cost;
    MergeFit fit =
        chain ? merge_fit(&merge_last(chain)->span, &link.span, p->max_gap_days, &cost) : FIT_NONE;
    if (fit == FIT_NONE)
      continue;
    if (best == NULL || cost < best_cost || (cost == best_cost && chain->key.age < best->key.age)) {
      best = chain;
      best_fit = fit;
      best_cost = cost;
    }
  }
  if (best == NULL) {
    best = g_new0(MergeChain, 1);
    best->key.age = p->chains->len;
    best->links = g_array_new(FALSE, FALSE, sizeof(MergeLink));
    g_ptr_array_add(p->chains, best);
  } else {
    g_sequence_remove(best->where);
  }
  MergeLink *last = best->links->len > 0 ? merge_last(best) : NULL;
  if (best_fit == FIT_TRIM_END) {
    merge_note_trim(p->trims, last->entry, link.entry, link.span.start, last->span.end, FALSE);
    last->span.end = link.span.start - 1;
    last->span.ongoing = FALSE;
  } else if (best_fit == FIT_TRIM_START) {
    merge_note_trim(p->trims, link.entry, last->entry, link.span.start, last->span.end, TRUE);
    link.span.start = last->span.end + 1;
  }
  g_array_append_val(best->links, link);
  merge_file(p->waiting, best, link.span.start);
}

static int merge_compare_index(gconstpointer pa, gconstpointer pb)
{
  const MergeLink *a = *(MergeLink *const *)pa, *b = *(MergeLink *const *)pb;
  return (a->index > b->index) - (a->index < b->index);
}

/* Builds one entry with role segments from @chain (chronological, at least two links),
 * taking ownership of their strings; the members are left for the caller to free.
 * The member first in file order gives the entry its position, and location and url
 * come from the first member in file order that has them. */
static ModelEntry *merge_build(GArray *chain)
{
  g_autoptr(GPtrArray) in_file = g_ptr_array_sized_new(chain->len);
  for (guint k = 0; k < chain->len; k++)
    g_ptr_array_add(in_file, &g_array_index(chain, MergeLink, k));
  g_ptr_array_sort(in_file, merge_compare_index);
  ModelEntry *first = ((MergeLink *)g_ptr_array_index(in_file, 0))->entry;
  ModelEntry *merged = model_entry_new();
  merged->org = g_steal_pointer(&first->org);
  merged->line = first->line;
  merged->column = first->column;
  for (guint i = 0; i < in_file->len; i++) {
    ModelEntry *m = ((MergeLink *)g_ptr_array_index(in_file, i))->entry;
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
 * the file order of each chain's first member. Takes ownership of the run's entries.
 * O(n log n) in the run's length. */
static void merge_run(GPtrArray *run, int max_gap_days, GPtrArray *trims, GPtrArray *out)
{
  g_autoptr(GArray) sorted = g_array_sized_new(FALSE, FALSE, sizeof(MergeLink), run->len);
  for (guint i = 0; i < run->len; i++) {
    ModelEntry *entry = g_ptr_array_index(run, i);
    MergeLink link = {.entry = entry, .index = i, .span = *merge_span(entry)};
    g_array_append_val(sorted, link);
  }
  g_array_sort(sorted, merge_compare);
  g_autoptr(GPtrArray) chains = g_ptr_array_new_with_free_func((GDestroyNotify)merge_chain_free);
  MergePlacer placer = {.chains = chains,
                        .waiting = g_sequence_new(NULL),
                        .max_gap_days = max_gap_days,
                        .trims = trims};
  for (int c = 0; c < MERGE_END_CLASSES; c++)
    placer.open[c] = g_sequence_new(NULL);
  for (guint i = 0; i < sorted->len; i++)
    merge_place(&placer, g_array_index(sorted, MergeLink, i));
  g_sequence_free(placer.waiting);
  for (int c = 0; c < MERGE_END_CLASSES; c++)
    g_sequence_free(placer.open[c]);
  /* Slot k holds what the run's k-th entry becomes: the entry, a merged one, or NULL. */
  g_autofree gpointer *slots = g_new0(gpointer, run->len);
  for (guint c = 0; c < chains->len; c++) {
    GArray *links = ((MergeChain *)g_ptr_array_index(chains, c))->links;
    guint first = run->len;
    for (guint k = 0; k < links->len; k++)
      first = MIN(first, g_array_index(links, MergeLink, k).index);
    if (links->len == 1) {
      slots[first] = g_array_index(links, MergeLink, 0).entry;
      continue;
    }
    slots[first] = merge_build(links);
    for (guint k = 0; k < links->len; k++)
      model_entry_free(g_array_index(links, MergeLink, k).entry);
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
