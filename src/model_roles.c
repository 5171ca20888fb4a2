/* Role merging (model.h; doc/importing.md "Several roles at one employer"): JSON Resume
 * and RenderCV list each role at an employer as its own entry; the native format's
 * `roles:` draws them as one bar cut into segments. This turns a run of such entries
 * back into that shape. */
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

/* Builds one entry with role segments from @cluster (chronological, at least two),
 * taking ownership of their strings; the members are left for the caller to free.
 * The member first in @run (file order) gives the entry its position, and location and
 * url come from the first member in file order that has them. */
static ModelEntry *merge_build(GPtrArray *cluster, GPtrArray *run)
{
  g_autoptr(GPtrArray) in_file = g_ptr_array_copy(cluster, NULL, NULL);
  for (guint i = 1; i < in_file->len; i++) /* insertion sort by file order: runs are short */
    for (guint k = i; k > 0 && merge_index(run, g_ptr_array_index(in_file, k)) <
                                   merge_index(run, g_ptr_array_index(in_file, k - 1));
         k--) {
      gpointer t = in_file->pdata[k];
      in_file->pdata[k] = in_file->pdata[k - 1];
      in_file->pdata[k - 1] = t;
    }
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
  DateSpan whole = *merge_span(g_ptr_array_index(cluster, 0));
  for (guint i = 0; i < cluster->len; i++) {
    ModelEntry *m = g_ptr_array_index(cluster, i);
    const DateSpan *s = merge_span(m);
    ModelRole role = {
        .title = g_steal_pointer(&m->title), .span = *s, .line = m->line, .column = m->column};
    g_array_append_val(merged->roles, role);
    /* The bar ends where the latest role ends; an ongoing role wins a tie. */
    if (s->end > whole.end || (s->end == whole.end && s->ongoing)) {
      whole.end = s->end;
      whole.end_precision = s->end_precision;
      whole.end_approx = s->end_approx;
      whole.ongoing = s->ongoing;
    }
  }
  /* Entries that overlap (a promotion written "2015-2017", then "2017-02-") are cut so
   * the segments lie side by side. */
  model_entry_settle_roles(merged);
  g_array_append_val(merged->periods, whole);
  return merged;
}

/* Splits @run (file order, same org, all candidates) into chronological clusters of
 * touching periods and appends to @out one entry per cluster, merged when it has
 * several members, in the file order of each cluster's first member. Takes ownership
 * of the run's entries. */
static void merge_run(GPtrArray *run, int max_gap_days, GPtrArray *out)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy(run, NULL, NULL);
  g_ptr_array_sort(sorted, merge_compare);
  /* Slot k holds what the run's k-th entry becomes: the entry, a merged one, or NULL. */
  g_autofree gpointer *slots = g_new0(gpointer, run->len);
  guint i = 0;
  while (i < sorted->len) {
    g_autoptr(GPtrArray) cluster = g_ptr_array_new();
    DateDay reach = merge_span(g_ptr_array_index(sorted, i))->end;
    g_ptr_array_add(cluster, g_ptr_array_index(sorted, i));
    for (i++; i < sorted->len; i++) {
      const DateSpan *s = merge_span(g_ptr_array_index(sorted, i));
      /* Touching means starting the day after; allow max_gap_days more. */
      if ((gint64)s->start - (gint64)reach - 1 > max_gap_days)
        break;
      g_ptr_array_add(cluster, g_ptr_array_index(sorted, i));
      reach = MAX(reach, s->end);
    }
    guint first = run->len;
    for (guint c = 0; c < cluster->len; c++)
      first = MIN(first, merge_index(run, g_ptr_array_index(cluster, c)));
    if (cluster->len == 1) {
      slots[first] = g_ptr_array_index(cluster, 0);
      continue;
    }
    slots[first] = merge_build(cluster, run);
    for (guint c = 0; c < cluster->len; c++)
      model_entry_free(g_ptr_array_index(cluster, c));
  }
  for (guint k = 0; k < run->len; k++)
    if (slots[k] != NULL)
      g_ptr_array_add(out, slots[k]);
}

static void merge_group(ModelGroup *group, int max_gap_days)
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
    merge_run(run, max_gap_days, out);
  }
  /* Hand the (possibly fewer) entries back without freeing them. */
  g_free(g_ptr_array_steal(entries, NULL));
  for (guint k = 0; k < out->len; k++)
    g_ptr_array_add(entries, g_ptr_array_index(out, k));
}

void model_merge_roles(ModelCv *cv, int max_gap_days)
{
  for (guint g = 0; g < cv->groups->len; g++)
    merge_group(g_ptr_array_index(cv->groups, g), max_gap_days);
}
