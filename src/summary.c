/* summary: the career summary of doc/summary.md. Every period (or role) of the selected
 * groups becomes an item; a scope (the whole CV, a group, an organisation) merges its
 * items' days, walks the merged spans in calendar months, and sweeps them for overlaps and
 * gaps. Dates are GDate arithmetic on Julian days. The text is in the chart's language
 * (the model's), worded by date_words.c as the alt text and tooltips are; the JSON and
 * YAML, and the diagnostics, are the same in every language (English words). */
#include "summary.h"

#include "date_words.h"
#include "emit.h"

#include <stdlib.h>
#include <string.h>

/* One period or role segment, clipped to the timeline's range. */
typedef struct {
  SummarySpan span;
  const ModelEntry *entry;
  char *label;       /* owned: "Role · Org", "Title · Org", "Org" or "Title" */
  const char *org;   /* what it counts under: the entry's org, else its title; borrowed */
  gboolean by_title; /* @org is a title */
  const char *title; /* the role's or the entry's title; NULL when the entry has none */
  int line, column;
  guint order; /* position in the CV, for stable sorting */
} Item;

/* A maximal run of days that some item of a scope covers. */
typedef struct {
  SummarySpan span;
  const Item *first; /* an item that starts it */
  const Item *last;  /* an item that ends it */
} Piece;

/* --- Calendar arithmetic --- */

static DateDay add_months(DateDay day, int months)
{
  GDate d;
  g_date_clear(&d, 1);
  g_date_set_julian(&d, (guint32)day);
  g_date_add_months(&d, (guint)months);
  return (DateDay)g_date_get_julian(&d);
}

/* [start, end] as whole months walked from @start (a month from the 31st ends on the last
 * day of a shorter month), plus the days left. */
static void walk_months(DateDay start, DateDay end, int *months, int *days)
{
  int y0, m0, d0, y1, m1, d1;
  DateDay after = end + 1;
  date_to_ymd(start, &y0, &m0, &d0);
  date_to_ymd(after, &y1, &m1, &d1);
  int m = MAX(0, (y1 - y0) * 12 + (m1 - m0));
  while (m > 0 && add_months(start, m) > after)
    m--;
  while (add_months(start, m + 1) <= after)
    m++;
  *months = m;
  *days = after - add_months(start, m);
}

/* Coarser than a month, or written approximately: the true end may lie elsewhere. */
static gboolean end_vague(const SummaryEnd *e)
{
  return e->approximate || e->precision == DATE_PREC_YEAR || e->precision == DATE_PREC_SEASON ||
         e->precision == DATE_PREC_ACADEMIC;
}

static void duration_add(SummaryDuration *d, DateDay start, DateDay end)
{
  int months, days;
  walk_months(start, end, &months, &days);
  d->calendar_days += end - start + 1;
  d->months += months;
  d->days += days;
  /* Leftover days of several spans: 30 to a month, while more than a month's worth. */
  while (d->days > 30) {
    d->months++;
    d->days -= 30;
  }
}

static SummaryDuration span_length(const SummarySpan *s)
{
  SummaryDuration d = {0};
  duration_add(&d, s->start.day, s->end.day);
  d.approximate = end_vague(&s->start) || end_vague(&s->end);
  return d;
}

gboolean summary_parse_threshold(const char *text, SummaryThreshold *out)
{
  return date_parse_length(text, out);
}

gboolean summary_gap_longer(const SummaryGap *gap, const SummaryThreshold *threshold)
{
  return add_months(gap->span.start.day, threshold->months) + threshold->days <= gap->span.end.day;
}

/* --- Items --- */

static SummaryEnd end_from(const DateSpan *s, gboolean is_end)
{
  if (!is_end)
    return (SummaryEnd){
        .day = s->start, .precision = s->start_precision, .approximate = s->start_approx};
  return (SummaryEnd){.day = s->end,
                      .precision = s->end_precision,
                      .approximate = s->end_approx,
                      .ongoing = s->ongoing};
}

static char *joined_label(const Lang *lang, const char *title, const char *org)
{
  GString *out = g_string_new(NULL);
  lang_append_label(out, lang, title, org);
  return g_string_free(out, FALSE);
}

static void item_free(gpointer data)
{
  Item *item = data;
  g_free(item->label);
  g_free(item);
}

/* Adds @s clipped to [@lo, @hi] as an item; nothing when it lies outside. */
static void add_item(GPtrArray *items, const Lang *lang, const ModelEntry *entry, const DateSpan *s,
                     const ModelRole *role, DateDay lo, DateDay hi)
{
  if (s->end < lo || s->start > hi || s->end < s->start)
    return;
  Item *item = g_new0(Item, 1);
  item->span.start = end_from(s, FALSE);
  item->span.end = end_from(s, TRUE);
  if (s->start < lo)
    item->span.start = (SummaryEnd){.day = lo, .precision = DATE_PREC_DAY, .cut = TRUE};
  if (s->end > hi)
    item->span.end = (SummaryEnd){.day = hi, .precision = DATE_PREC_DAY, .cut = TRUE};
  item->entry = entry;
  item->org = entry->org ? entry->org : entry->title;
  item->by_title = entry->org == NULL;
  item->title = role ? role->title : entry->title;
  item->label = role ? joined_label(lang, role->title, entry->org ? entry->org : entry->title)
                     : joined_label(lang, entry->title, entry->org);
  item->line = role ? role->line : entry->line;
  item->column = role ? role->column : entry->column;
  item->order = items->len;
  g_ptr_array_add(items, item);
}

static gint item_cmp(gconstpointer a, gconstpointer b)
{
  const Item *x = *(Item *const *)a, *y = *(Item *const *)b;
  if (x->span.start.day != y->span.start.day)
    return x->span.start.day < y->span.start.day ? -1 : 1;
  return (x->order > y->order) - (x->order < y->order);
}

/* The items of one group: role segments for an entry with roles (so that a gap between
 * roles stays a gap), else its periods. */
static void group_items(const Timeline *tl, const Lang *lang, const TimelineGroup *tg,
                        GPtrArray *items)
{
  for (guint e = 0; e < tg->entries->len; e++) {
    const ModelEntry *entry = ((const TimelineEntry *)g_ptr_array_index(tg->entries, e))->entry;
    if (entry->roles->len > 0) {
      for (guint r = 0; r < entry->roles->len; r++) {
        const ModelRole *role = &g_array_index(entry->roles, ModelRole, r);
        add_item(items, lang, entry, &role->span, role, tl->start, tl->end);
      }
    } else {
      for (guint p = 0; p < entry->periods->len; p++)
        add_item(items, lang, entry, &g_array_index(entry->periods, DateSpan, p), NULL, tl->start,
                 tl->end);
    }
  }
}

/* --- Merging --- */

/* Of two ends on one day, the one to show: exact before vague, today before a date. */
static gboolean end_better(const SummaryEnd *a, const SummaryEnd *b)
{
  if (end_vague(a) != end_vague(b))
    return !end_vague(a);
  return a->ongoing && !b->ongoing;
}

/* @items sorted by start: the runs of days they cover (days that touch join up). */
static GArray *merge_items(const GPtrArray *items)
{
  GArray *pieces = g_array_new(FALSE, FALSE, sizeof(Piece));
  for (guint i = 0; i < items->len; i++) {
    const Item *it = g_ptr_array_index(items, i);
    Piece *cur = pieces->len ? &g_array_index(pieces, Piece, pieces->len - 1) : NULL;
    if (cur == NULL || it->span.start.day > cur->span.end.day + 1) {
      Piece p = {it->span, it, it};
      g_array_append_val(pieces, p);
      continue;
    }
    if (it->span.start.day == cur->span.start.day &&
        end_better(&it->span.start, &cur->span.start)) {
      cur->span.start = it->span.start;
      cur->first = it;
    }
    if (it->span.end.day > cur->span.end.day ||
        (it->span.end.day == cur->span.end.day && end_better(&it->span.end, &cur->span.end))) {
      cur->span.end = it->span.end;
      cur->last = it;
    }
  }
  return pieces;
}

static gint day_cmp(gconstpointer a, gconstpointer b)
{
  DateDay x = *(const DateDay *)a, y = *(const DateDay *)b;
  return (x > y) - (x < y);
}

/* How many of the sorted @days are at most @limit. */
static guint count_upto(const DateDay *days, guint n, DateDay limit)
{
  guint lo = 0, hi = n;
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    if (days[mid] <= limit)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* How many of the items with sorted @starts and @ends cover @day. */
static guint cover(const DateDay *starts, const DateDay *ends, guint n, DateDay day)
{
  return count_upto(starts, n, day) - count_upto(ends, n, day - 1);
}

/* Whether the merged length of @items hangs on a vague end: one that, moved by a day
 * either way, would add or remove a day that no other item covers. A guessed date
 * inside a longer period (an internship during a degree) leaves the total exact. */
static gboolean items_approximate(const GPtrArray *items)
{
  guint n = items->len;
  DateDay *starts = g_new(DateDay, n ? n : 1), *ends = g_new(DateDay, n ? n : 1);
  for (guint i = 0; i < n; i++) {
    const Item *it = g_ptr_array_index(items, i);
    starts[i] = it->span.start.day;
    ends[i] = it->span.end.day;
  }
  qsort(starts, n, sizeof *starts, day_cmp);
  qsort(ends, n, sizeof *ends, day_cmp);
  gboolean approx = FALSE;
  for (guint i = 0; i < n && !approx; i++) {
    const Item *it = g_ptr_array_index(items, i);
    DateDay s = it->span.start.day, e = it->span.end.day;
    if (end_vague(&it->span.start) &&
        (cover(starts, ends, n, s - 1) == 0 || cover(starts, ends, n, s) == 1))
      approx = TRUE;
    if (end_vague(&it->span.end) &&
        (cover(starts, ends, n, e + 1) == 0 || cover(starts, ends, n, e) == 1))
      approx = TRUE;
  }
  g_free(starts);
  g_free(ends);
  return approx;
}

/* The merged length of @items (sorted by start); @pieces_out, when given, receives the
 * merged runs (owned by the caller). */
static SummaryDuration items_length(const GPtrArray *items, GArray **pieces_out)
{
  SummaryDuration d = {0};
  GArray *pieces = merge_items(items);
  for (guint i = 0; i < pieces->len; i++) {
    const Piece *p = &g_array_index(pieces, Piece, i);
    duration_add(&d, p->span.start.day, p->span.end.day);
  }
  d.approximate = items_approximate(items);
  if (pieces_out)
    *pieces_out = pieces;
  else
    g_array_unref(pieces);
  return d;
}

static SummarySpan pieces_extent(const GArray *pieces)
{
  SummarySpan s = g_array_index(pieces, Piece, 0).span;
  s.end = g_array_index(pieces, Piece, pieces->len - 1).span.end;
  return s;
}

/* --- Organisations --- */

static void org_free(gpointer data)
{
  SummaryOrg *org = data;
  g_free(org->name);
  g_ptr_array_unref(org->titles);
  g_free(org);
}

/* The organisations of @items (sorted by start), each with its items merged. */
static void scope_orgs(SummaryScope *scope, const GPtrArray *items)
{
  GHashTable *index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *members = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < items->len; i++) {
    const Item *it = g_ptr_array_index(items, i);
    char *key = g_strconcat(it->by_title ? "t:" : "o:", it->org, NULL);
    gpointer at;
    if (!g_hash_table_lookup_extended(index, key, NULL, &at)) {
      at = GUINT_TO_POINTER(members->len);
      g_hash_table_insert(index, key, at);
      SummaryOrg *org = g_new0(SummaryOrg, 1);
      org->name = g_strdup(it->org);
      org->by_title = it->by_title;
      org->titles = g_ptr_array_new_with_free_func(g_free);
      g_ptr_array_add(scope->orgs, org);
      g_ptr_array_add(members, g_ptr_array_new());
    } else {
      g_free(key);
    }
    guint k = GPOINTER_TO_UINT(at);
    g_ptr_array_add(g_ptr_array_index(members, k), (gpointer)it);
  }
  for (guint k = 0; k < scope->orgs->len; k++) {
    SummaryOrg *org = g_ptr_array_index(scope->orgs, k);
    const GPtrArray *mine = g_ptr_array_index(members, k);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < mine->len; i++) {
      const Item *it = g_ptr_array_index(mine, i);
      if (it->title && g_hash_table_add(seen, (gpointer)it->title))
        g_ptr_array_add(org->titles, g_strdup(it->title));
    }
    g_hash_table_unref(seen);
    GArray *pieces;
    org->time = items_length(mine, &pieces);
    org->span = pieces_extent(pieces);
    g_array_unref(pieces);
    if (scope->longest == NULL || org->time.calendar_days > scope->longest->time.calendar_days)
      scope->longest = org;
  }
  g_ptr_array_unref(members);
  g_hash_table_unref(index);
}

/* --- Overlaps --- */

typedef struct {
  DateDay day;
  gboolean starts; /* else: the day after the item's end */
  const Item *item;
} Event;

static gint event_cmp(gconstpointer a, gconstpointer b)
{
  const Event *x = a, *y = b;
  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return (x->item->order > y->item->order) - (x->item->order < y->item->order);
}

static void overlap_free(gpointer data)
{
  SummaryOverlap *o = data;
  g_ptr_array_unref(o->items);
  g_free(o);
}

/* Of the events from @from to @to on one day, the end to show (vague if any is, since the
 * spell hangs on all of them). */
static SummaryEnd event_end(const Event *ev, guint from, guint to, gboolean starts)
{
  SummaryEnd best = {0};
  gboolean any = FALSE;
  for (guint i = from; i < to; i++) {
    if (ev[i].starts != starts)
      continue;
    const SummaryEnd *e = starts ? &ev[i].item->span.start : &ev[i].item->span.end;
    if (!any || (end_vague(e) && !end_vague(&best)))
      best = *e;
    any = TRUE;
  }
  return best;
}

/* Appends @item's label to @o unless there already (@seen: the labels appended). */
static void overlap_add(SummaryOverlap *o, GHashTable *seen, const Item *item)
{
  if (g_hash_table_contains(seen, item->label))
    return;
  g_hash_table_add(seen, item->label);
  g_ptr_array_add(o->items, g_strdup(item->label));
}

/* The maximal spells during which items of two or more entries ran at once. One sweep
 * over the starts and ends: O(n log n) however many run at once. */
static void scope_overlaps(SummaryScope *scope, const GPtrArray *items)
{
  guint n = items->len * 2;
  Event *ev = g_new(Event, n ? n : 1);
  for (guint i = 0; i < items->len; i++) {
    const Item *it = g_ptr_array_index(items, i);
    ev[2 * i] = (Event){it->span.start.day, TRUE, it};
    ev[2 * i + 1] = (Event){it->span.end.day + 1, FALSE, it};
  }
  qsort(ev, n, sizeof *ev, event_cmp);
  GHashTable *running = g_hash_table_new(NULL, NULL); /* entry -> its items running */
  GHashTable *active = g_hash_table_new(NULL, NULL);  /* the items running */
  SummaryOverlap *cur = NULL;
  GHashTable *seen = NULL;
  for (guint i = 0; i < n;) {
    guint j = i;
    while (j < n && ev[j].day == ev[i].day)
      j++;
    for (guint k = i; k < j; k++) {
      gpointer key = (gpointer)ev[k].item->entry;
      guint c = GPOINTER_TO_UINT(g_hash_table_lookup(running, key));
      c = ev[k].starts ? c + 1 : c - 1;
      if (c)
        g_hash_table_insert(running, key, GUINT_TO_POINTER(c));
      else
        g_hash_table_remove(running, key);
      if (ev[k].starts)
        g_hash_table_add(active, (gpointer)ev[k].item);
      else
        g_hash_table_remove(active, ev[k].item);
    }
    guint at_once = g_hash_table_size(running);
    if (at_once >= 2 && cur == NULL) {
      cur = g_new0(SummaryOverlap, 1);
      cur->items = g_ptr_array_new_with_free_func(g_free);
      cur->span.start = event_end(ev, i, j, TRUE);
      seen = g_hash_table_new(g_str_hash, g_str_equal);
      /* What runs as it begins: one entry's item from before, and those starting now. */
      GPtrArray *now = g_ptr_array_new();
      GHashTableIter it;
      gpointer item;
      g_hash_table_iter_init(&it, active);
      while (g_hash_table_iter_next(&it, &item, NULL))
        g_ptr_array_add(now, item);
      g_ptr_array_sort(now, item_cmp);
      for (guint k = 0; k < now->len; k++)
        overlap_add(cur, seen, g_ptr_array_index(now, k));
      g_ptr_array_unref(now);
    } else if (at_once >= 2) {
      for (guint k = i; k < j; k++)
        if (ev[k].starts)
          overlap_add(cur, seen, ev[k].item);
    } else if (cur != NULL) {
      cur->span.end = event_end(ev, i, j, FALSE);
      cur->length = span_length(&cur->span);
      g_ptr_array_add(scope->overlaps, cur);
      g_hash_table_unref(seen);
      cur = NULL;
    }
    if (cur)
      cur->most_at_once = MAX(cur->most_at_once, at_once);
    i = j;
  }
  g_hash_table_unref(active);
  g_hash_table_unref(running);
  g_free(ev);
}

/* --- Scopes --- */

static void gap_free(gpointer data)
{
  SummaryGap *gap = data;
  g_free(gap->after);
  g_free(gap->before);
  g_free(gap);
}

static void scope_free(gpointer data)
{
  SummaryScope *scope = data;
  if (scope == NULL)
    return;
  g_free(scope->key);
  g_free(scope->name);
  g_ptr_array_unref(scope->orgs);
  g_ptr_array_unref(scope->overlaps);
  g_ptr_array_unref(scope->gaps);
  g_free(scope);
}

/* The day after @e, as its precision would write it ("after Oct 2008" is Nov 2008). */
static SummaryEnd after_end(const SummaryEnd *e)
{
  return (SummaryEnd){.day = e->day + 1, .precision = e->precision, .approximate = e->approximate};
}

static SummaryEnd before_start(const SummaryEnd *s)
{
  return (SummaryEnd){.day = s->day - 1, .precision = s->precision, .approximate = s->approximate};
}

static void scope_gaps(SummaryScope *scope, const GArray *pieces)
{
  for (guint i = 1; i < pieces->len; i++) {
    const Piece *a = &g_array_index(pieces, Piece, i - 1), *b = &g_array_index(pieces, Piece, i);
    SummaryGap *gap = g_new0(SummaryGap, 1);
    gap->span.start = after_end(&a->span.end);
    gap->span.end = before_start(&b->span.start);
    gap->length = span_length(&gap->span);
    gap->after = g_strdup(a->last->label);
    gap->before = g_strdup(b->first->label);
    gap->line = b->first->line;
    gap->column = b->first->column;
    g_ptr_array_add(scope->gaps, gap);
  }
}

/* @items sorted by start. */
static SummaryScope *scope_build(const char *key, const char *name, const GPtrArray *items)
{
  SummaryScope *scope = g_new0(SummaryScope, 1);
  scope->key = g_strdup(key);
  scope->name = g_strdup(name);
  scope->orgs = g_ptr_array_new_with_free_func(org_free);
  scope->overlaps = g_ptr_array_new_with_free_func(overlap_free);
  scope->gaps = g_ptr_array_new_with_free_func(gap_free);
  scope->empty = items->len == 0;
  if (scope->empty)
    return scope;
  GArray *pieces;
  scope->total = items_length(items, &pieces);
  scope->span = pieces_extent(pieces);
  scope_gaps(scope, pieces);
  g_array_unref(pieces);
  scope_orgs(scope, items);
  scope_overlaps(scope, items);
  return scope;
}

SummaryReport *summary_build(const Timeline *tl, const SummaryOptions *opts)
{
  SummaryReport *r = g_new0(SummaryReport, 1);
  r->name = g_strdup(tl->cv ? tl->cv->name : NULL);
  r->lang = lang_copy(tl->cv ? tl->cv->language : NULL);
  r->today = tl->today;
  r->range_start = tl->start;
  r->range_end = tl->end;
  r->gap = opts->gap;
  r->all_groups = tl->cv == NULL || tl->groups->len == tl->cv->groups->len;
  r->groups = g_ptr_array_new_with_free_func(scope_free);
  GPtrArray *all = g_ptr_array_new_with_free_func(item_free);
  for (guint g = 0; g < tl->groups->len; g++) {
    const TimelineGroup *tg = g_ptr_array_index(tl->groups, g);
    guint first = all->len;
    group_items(tl, r->lang, tg, all);
    GPtrArray *mine = g_ptr_array_new();
    for (guint i = first; i < all->len; i++)
      g_ptr_array_add(mine, g_ptr_array_index(all, i));
    g_ptr_array_sort(mine, item_cmp);
    g_ptr_array_add(r->groups, scope_build(tg->group->key, tg->group->name, mine));
    g_ptr_array_unref(mine);
  }
  for (guint i = 0; i < all->len; i++) {
    const Item *it = g_ptr_array_index(all, i);
    r->cut = r->cut || it->span.start.cut || it->span.end.cut;
  }
  /* A view that sorts without taking the items from @all, which frees them. */
  GPtrArray *sorted = g_ptr_array_sized_new(all->len);
  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add(sorted, g_ptr_array_index(all, i));
  g_ptr_array_sort(sorted, item_cmp);
  r->cv = scope_build(NULL, NULL, sorted);
  g_ptr_array_unref(sorted);
  g_ptr_array_unref(all);
  return r;
}

void summary_report_free(SummaryReport *report)
{
  if (report == NULL)
    return;
  g_free(report->name);
  lang_free(report->lang);
  scope_free(report->cv);
  g_ptr_array_unref(report->groups);
  g_free(report);
}

const SummaryScope *summary_find_group(const SummaryReport *report, const char *key)
{
  for (guint i = 0; i < report->groups->len; i++) {
    const SummaryScope *s = g_ptr_array_index(report->groups, i);
    if (g_str_equal(s->key, key))
      return s;
  }
  return NULL;
}

/* --- Words --- */

/* @span as date_words_span reads it: each end at the CV's precision, or the month or the
 * day where a gap's derived end does not fit that precision ("Jul 2006" after 2005/06). */
static DateSpan date_span_of(const SummarySpan *span)
{
  return (DateSpan){.start = span->start.day,
                    .end = span->end.day,
                    .start_precision = span->start.precision,
                    .end_precision = span->end.precision,
                    .start_approx = span->start.approximate,
                    .end_approx = span->end.approximate,
                    .ongoing = span->end.ongoing};
}

static void append_span(GString *out, const Lang *lang, const SummarySpan *span)
{
  DateSpan s = date_span_of(span);
  date_words_span(out, lang, &s);
}

/* To the nearest month; under a month, the days. */
static void append_duration(GString *out, const Lang *lang, const SummaryDuration *d)
{
  int months = d->months ? d->months + (d->days >= 15) : 0;
  date_words_length(out, lang, months, months ? 0 : d->days, d->approximate);
}

char *summary_span_text_in(const SummarySpan *span, const Lang *lang)
{
  GString *out = g_string_new(NULL);
  append_span(out, lang, span);
  return g_string_free(out, FALSE);
}

char *summary_span_text(const SummarySpan *span)
{
  return summary_span_text_in(span, NULL);
}

char *summary_duration_text_in(const SummaryDuration *d, const Lang *lang)
{
  GString *out = g_string_new(NULL);
  append_duration(out, lang, d);
  return g_string_free(out, FALSE);
}

char *summary_duration_text(const SummaryDuration *d)
{
  return summary_duration_text_in(d, NULL);
}

/* "6 m", "1 y 6 m", "14 d", "1 m 10 d": exactly, for the thresholds. */
static char *threshold_text(const SummaryThreshold *t, const Lang *lang)
{
  GString *out = g_string_new(NULL);
  date_words_length(out, lang, t->months, t->days, FALSE);
  return g_string_free(out, FALSE);
}

guint summary_check_gaps(const SummaryReport *report, const SummaryThreshold *threshold,
                         const char *file, DiagList *diags)
{
  guint n = 0;
  /* Diagnostics are English, as every message is. */
  char *limit = threshold_text(threshold, NULL);
  for (guint i = 0; i < report->cv->gaps->len; i++) {
    const SummaryGap *gap = g_ptr_array_index(report->cv->gaps, i);
    if (!summary_gap_longer(gap, threshold))
      continue;
    char *len = summary_duration_text(&gap->length), *when = summary_span_text(&gap->span);
    diag_error(diags, file, gap->line, gap->column,
               "a gap of %s (%s) after '%s' and before '%s' is longer than --fail-on-gap (%s)", len,
               when, gap->after, gap->before, limit);
    g_free(len);
    g_free(when);
    n++;
  }
  g_free(limit);
  return n;
}

/* --- Text --- */

typedef struct {
  GString *out;
  const SummaryReport *report;
  const Lang *lang;
  gboolean approximate; /* some printed length is */
} TextOut;

static const char *text_word(const TextOut *t, LangWord word)
{
  return lang_word(t->lang, word);
}

static void text_duration(TextOut *t, const SummaryDuration *d)
{
  append_duration(t->out, t->lang, d);
  t->approximate = t->approximate || d->approximate;
}

/* @d in a new string to go inside an aside. */
static GString *text_length(TextOut *t, const SummaryDuration *d)
{
  GString *out = g_string_new(NULL);
  append_duration(out, t->lang, d);
  t->approximate = t->approximate || d->approximate;
  return out;
}

static void text_list(GString *out, const GPtrArray *texts, const char *sep)
{
  for (guint i = 0; i < texts->len; i++)
    g_string_append_printf(out, "%s%s", i ? sep : "", (const char *)g_ptr_array_index(texts, i));
}

/* Appends @inner (consumed) in the language's parentheses: " (10 m)". */
static void text_aside(TextOut *t, GString *inner)
{
  lang_expand(t->out, text_word(t, LANG_ASIDE), 'x', inner->str, 0);
  g_string_free(inner, TRUE);
}

/* "  Two or more at once: none", or the heading alone when a list follows (the colon
 * without its trailing space). */
static void text_heading(TextOut *t, const char *heading, gboolean none)
{
  g_string_append_printf(t->out, "  %s%s", heading, text_word(t, LANG_COLON));
  if (none)
    g_string_append(t->out, text_word(t, LANG_SUMMARY_NONE));
  else
    while (t->out->len > 0 && t->out->str[t->out->len - 1] == ' ')
      g_string_truncate(t->out, t->out->len - 1);
  g_string_append_c(t->out, '\n');
}

static void text_orgs(TextOut *t, const SummaryScope *scope)
{
  for (guint i = 0; i < scope->orgs->len; i++) {
    const SummaryOrg *org = g_ptr_array_index(scope->orgs, i);
    g_string_append_printf(t->out, "  %s%s", org->name, text_word(t, LANG_COLON));
    text_duration(t, &org->time);
    g_string_append(t->out, text_word(t, LANG_COMMA));
    append_span(t->out, t->lang, &org->span);
    if (org->titles->len > 1) {
      GString *titles = g_string_new(NULL);
      text_list(titles, org->titles, text_word(t, LANG_COMMA));
      text_aside(t, titles);
    }
    g_string_append_c(t->out, '\n');
  }
}

static void text_overlaps(TextOut *t, const SummaryScope *scope)
{
  text_heading(t, text_word(t, LANG_SUMMARY_OVERLAPS), scope->overlaps->len == 0);
  for (guint i = 0; i < scope->overlaps->len; i++) {
    const SummaryOverlap *o = g_ptr_array_index(scope->overlaps, i);
    g_string_append(t->out, "    ");
    append_span(t->out, t->lang, &o->span);
    GString *aside = text_length(t, &o->length);
    if (o->most_at_once > 2) {
      char n[16];
      g_snprintf(n, sizeof n, "%u", o->most_at_once);
      g_string_append(aside, text_word(t, LANG_COMMA));
      lang_expand(aside, text_word(t, LANG_SUMMARY_UP_TO), 'n', n, 0);
    }
    text_aside(t, aside);
    g_string_append(t->out, text_word(t, LANG_COLON));
    text_list(t->out, o->items, text_word(t, LANG_SEMICOLON));
    g_string_append_c(t->out, '\n');
  }
}

static void text_gaps(TextOut *t, const SummaryScope *scope)
{
  char *limit = threshold_text(&t->report->gap, t->lang);
  GString *heading = g_string_new(NULL);
  lang_expand(heading, text_word(t, LANG_SUMMARY_GAPS), 't', limit, 0);
  guint n = 0;
  for (guint i = 0; i < scope->gaps->len; i++) {
    const SummaryGap *gap = g_ptr_array_index(scope->gaps, i);
    if (!summary_gap_longer(gap, &t->report->gap))
      continue;
    if (n++ == 0)
      text_heading(t, heading->str, FALSE);
    g_string_append(t->out, "    ");
    append_span(t->out, t->lang, &gap->span);
    text_aside(t, text_length(t, &gap->length));
    g_string_append(t->out, text_word(t, LANG_COMMA));
    lang_expand(t->out, text_word(t, LANG_SUMMARY_AROUND), 'a', gap->after, 'b', gap->before, 0);
    g_string_append_c(t->out, '\n');
  }
  if (n == 0)
    text_heading(t, heading->str, TRUE);
  g_string_free(heading, TRUE);
  g_free(limit);
}

static void text_scope(TextOut *t, const SummaryScope *scope)
{
  g_string_append_printf(t->out, "\n%s%s",
                         scope->name ? scope->name : text_word(t, LANG_SUMMARY_WHOLE),
                         text_word(t, LANG_COLON));
  if (scope->empty) {
    g_string_append_printf(t->out, "%s\n", text_word(t, LANG_SUMMARY_EMPTY));
    return;
  }
  text_duration(t, &scope->total);
  g_string_append(t->out, text_word(t, LANG_COMMA));
  append_span(t->out, t->lang, &scope->span);
  g_string_append_c(t->out, '\n');
  /* The whole CV's organisations are the groups' again; its longest tenure is its own. */
  if (scope->key != NULL)
    text_orgs(t, scope);
  if (scope->longest) {
    g_string_append_printf(t->out, "  %s%s%s%s", text_word(t, LANG_SUMMARY_LONGEST),
                           text_word(t, LANG_COLON), scope->longest->name,
                           text_word(t, LANG_COMMA));
    text_duration(t, &scope->longest->time);
    g_string_append_c(t->out, '\n');
  }
  text_overlaps(t, scope);
  text_gaps(t, scope);
}

static gboolean report_has_ongoing(const SummaryReport *r)
{
  return !r->cv->empty && r->cv->span.end.ongoing;
}

/* The day @day in words, for the header's dates; a new string. */
static char *day_text(const Lang *lang, DateDay day)
{
  GString *out = g_string_new(NULL);
  date_words(out, lang, day, DATE_PREC_DAY, FALSE);
  return g_string_free(out, FALSE);
}

char *summary_format_text(const SummaryReport *r)
{
  TextOut t = {g_string_new(NULL), r, r->lang, FALSE};
  if (r->name)
    lang_expand(t.out, text_word(&t, LANG_SUMMARY_OF), 'n', r->name, 0);
  else
    g_string_append(t.out, text_word(&t, LANG_SUMMARY));
  g_string_append_c(t.out, '\n');
  if (report_has_ongoing(r)) {
    g_autofree char *today = day_text(t.lang, r->today);
    lang_expand(t.out, text_word(&t, LANG_SUMMARY_TODAY), 'd', today, 0);
    g_string_append_c(t.out, '\n');
  }
  if (r->cut) {
    g_autofree char *from = day_text(t.lang, r->range_start);
    g_autofree char *to = day_text(t.lang, r->range_end);
    lang_expand(t.out, text_word(&t, LANG_SUMMARY_RANGE), 'a', from, 'b', to, 0);
    g_string_append_c(t.out, '\n');
  }
  if (!r->all_groups && r->groups->len) {
    GString *names = g_string_new(NULL);
    for (guint i = 0; i < r->groups->len; i++)
      g_string_append_printf(names, "%s%s", i ? text_word(&t, LANG_COMMA) : "",
                             ((const SummaryScope *)g_ptr_array_index(r->groups, i))->name);
    lang_expand(t.out, text_word(&t, LANG_SUMMARY_GROUPS), 'g', names->str, 0);
    g_string_append_c(t.out, '\n');
    g_string_free(names, TRUE);
  }
  text_scope(&t, r->cv);
  for (guint i = 0; i < r->groups->len; i++)
    text_scope(&t, g_ptr_array_index(r->groups, i));
  if (t.approximate) {
    /* The note quotes the word that marks an approximate length ("about", "約"). */
    GString *about = g_string_new(NULL);
    lang_expand(about, text_word(&t, LANG_ABOUT_LENGTH), 'x', "", 0);
    g_strstrip(about->str);
    g_string_append_c(t.out, '\n');
    lang_expand(t.out, text_word(&t, LANG_SUMMARY_NOTE), 'x', about->str, 0);
    g_string_append_c(t.out, '\n');
    g_string_free(about, TRUE);
  }
  return g_string_free(t.out, FALSE);
}

/* --- JSON and YAML (doc/schema/summary.schema.json) --- */

static const char *precision_name(DatePrecision p)
{
  switch (p) {
  case DATE_PREC_DAY:
    return "day";
  case DATE_PREC_MONTH:
    return "month";
  case DATE_PREC_SEASON:
    return "season";
  case DATE_PREC_YEAR:
    return "year";
  case DATE_PREC_ACADEMIC:
    return "academic";
  }
  return "day";
}

static void emit_day(Emit *e, const char *key, DateDay day)
{
  char buf[DATE_ISO_SIZE];
  emit_key(e, key);
  emit_string(e, date_format_iso(day, buf));
}

static void emit_end(Emit *e, const char *key, const SummaryEnd *end)
{
  emit_key(e, key);
  emit_map_start(e, TRUE);
  emit_day(e, "date", end->day);
  emit_key_string(e, "precision", precision_name(end->precision));
  emit_key_bool(e, "approximate", end->approximate);
  emit_key_bool(e, "ongoing", end->ongoing);
  emit_key_bool(e, "cut", end->cut);
  emit_map_end(e);
}

static void emit_span(Emit *e, const SummarySpan *span)
{
  emit_end(e, "start", &span->start);
  emit_end(e, "end", &span->end);
  char *text = summary_span_text(span);
  emit_key_string(e, "dates", text);
  g_free(text);
}

static void emit_duration(Emit *e, const char *key, const SummaryDuration *d)
{
  emit_key(e, key);
  emit_map_start(e, TRUE);
  emit_key_int(e, "months", d->months);
  emit_key_int(e, "days", d->days);
  emit_key_int(e, "calendar_days", d->calendar_days);
  emit_key_bool(e, "approximate", d->approximate);
  char *text = summary_duration_text(d);
  emit_key_string(e, "text", text);
  g_free(text);
  emit_map_end(e);
}

static void emit_texts(Emit *e, const char *key, const GPtrArray *texts)
{
  emit_key(e, key);
  emit_list_start(e);
  for (guint i = 0; i < texts->len; i++)
    emit_string(e, g_ptr_array_index(texts, i));
  emit_list_end(e);
}

static void emit_org(Emit *e, const SummaryOrg *org)
{
  emit_map_start(e, FALSE);
  emit_key_string(e, "name", org->name);
  emit_key_string(e, "named_by", org->by_title ? "title" : "org");
  emit_duration(e, "time", &org->time);
  emit_span(e, &org->span);
  emit_texts(e, "titles", org->titles);
  emit_map_end(e);
}

/* Opens the mapping of an overlap or a gap: its dates and its length. */
static void emit_spell_open(Emit *e, const SummarySpan *span, const SummaryDuration *length)
{
  emit_map_start(e, FALSE);
  emit_span(e, span);
  emit_duration(e, "length", length);
}

static void emit_scope(Emit *e, const SummaryScope *s, const SummaryThreshold *gap_limit)
{
  emit_map_start(e, FALSE);
  emit_key_string(e, "key", s->key);
  emit_key_string(e, "name", s->name);
  emit_duration(e, "total", &s->total);
  if (s->empty) {
    emit_key_string(e, "start", NULL); /* null */
    emit_key_string(e, "end", NULL);
    emit_key_string(e, "dates", NULL);
  } else {
    emit_span(e, &s->span);
  }
  emit_key(e, "organisations");
  emit_list_start(e);
  for (guint i = 0; i < s->orgs->len; i++)
    emit_org(e, g_ptr_array_index(s->orgs, i));
  emit_list_end(e);
  emit_key(e, "longest_tenure");
  if (s->longest) {
    emit_map_start(e, FALSE);
    emit_key_string(e, "name", s->longest->name);
    emit_duration(e, "time", &s->longest->time);
    emit_map_end(e);
  } else {
    emit_null(e);
  }
  emit_key(e, "overlaps");
  emit_list_start(e);
  for (guint i = 0; i < s->overlaps->len; i++) {
    const SummaryOverlap *o = g_ptr_array_index(s->overlaps, i);
    emit_spell_open(e, &o->span, &o->length);
    emit_key_int(e, "most_at_once", o->most_at_once);
    emit_texts(e, "items", o->items);
    emit_map_end(e);
  }
  emit_list_end(e);
  emit_key(e, "gaps");
  emit_list_start(e);
  for (guint i = 0; i < s->gaps->len; i++) {
    const SummaryGap *g = g_ptr_array_index(s->gaps, i);
    if (!summary_gap_longer(g, gap_limit))
      continue;
    emit_spell_open(e, &g->span, &g->length);
    emit_key_string(e, "after", g->after);
    emit_key_string(e, "before", g->before);
    emit_map_end(e);
  }
  emit_list_end(e);
  emit_map_end(e);
}

static char *format_tree(const SummaryReport *r, EmitFormat format)
{
  Emit *e = emit_new(format);
  emit_map_start(e, FALSE);
  emit_key_string(e, "format", "cvtimeline-summary");
  emit_key_int(e, "version", 1);
  emit_key_string(e, "name", r->name);
  emit_day(e, "today", r->today);
  emit_key(e, "range");
  emit_map_start(e, TRUE);
  emit_day(e, "start", r->range_start);
  emit_day(e, "end", r->range_end);
  emit_key_bool(e, "cut", r->cut);
  emit_map_end(e);
  emit_key(e, "gap_threshold");
  emit_map_start(e, TRUE);
  emit_key_int(e, "months", r->gap.months);
  emit_key_int(e, "days", r->gap.days);
  emit_map_end(e);
  emit_key(e, "cv");
  emit_scope(e, r->cv, &r->gap);
  emit_key(e, "groups");
  emit_list_start(e);
  for (guint i = 0; i < r->groups->len; i++)
    emit_scope(e, g_ptr_array_index(r->groups, i), &r->gap);
  emit_list_end(e);
  emit_map_end(e);
  return emit_finish(e);
}

char *summary_format_json(const SummaryReport *report)
{
  return format_tree(report, EMIT_JSON);
}

char *summary_format_yaml(const SummaryReport *report)
{
  return format_tree(report, EMIT_YAML);
}
