/* Unit tests of timeline: lane packing (optimal, stable, gap-aware, O(n log n) on large
 * inputs) and the visible range (--from/--to clipping, --only). */
#include "timeline.h"

#include <string.h>

typedef struct {
  const char *name;
  double gap;
  guint n;
  TimelineInterval items[8];
  guint expected_lanes;
  guint expected[8];
} PackCase;

static const PackCase pack_cases[] = {
    {"empty", 0, 0, {{0}}, 0, {0}},
    {"one", 0, 1, {{0, 10}}, 1, {0}},
    {"disjoint share a lane", 0, 3, {{0, 10}, {10, 20}, {20, 30}}, 1, {0, 0, 0}},
    {"gap separates touching", 1, 2, {{0, 10}, {10, 20}}, 2, {0, 1}},
    {"gap respected when room", 2, 2, {{0, 10}, {12, 20}}, 1, {0, 0}},
    {"overlap needs two", 0, 2, {{0, 10}, {5, 15}}, 2, {0, 1}},
    /* Lowest free lane first: c reuses lane 0 (free) rather than lane 1. */
    {"lowest free lane", 0, 4, {{0, 10}, {1, 30}, {11, 20}, {21, 25}}, 2, {0, 1, 0, 0}},
    /* Unsorted input: lanes by start, ties by index. */
    {"unsorted", 0, 3, {{20, 30}, {0, 25}, {0, 5}}, 2, {1, 0, 1}},
    {"clique of three", 0, 3, {{0, 10}, {2, 12}, {4, 14}}, 3, {0, 1, 2}},
};

static void test_pack_table(void)
{
  for (guint c = 0; c < G_N_ELEMENTS(pack_cases); c++) {
    const PackCase *pc = &pack_cases[c];
    guint lanes[8] = {0};
    guint n = timeline_pack(pc->items, pc->n, pc->gap, lanes);
    g_test_message("case %s", pc->name);
    g_assert_cmpuint(n, ==, pc->expected_lanes);
    for (guint i = 0; i < pc->n; i++)
      g_assert_cmpuint(lanes[i], ==, pc->expected[i]);
  }
}

/* Brute force: the lane count equals the maximum number of intervals over one point
 * (with the gap added to each end), which is the optimum for interval partitioning. */
static guint max_overlap(const TimelineInterval *items, guint n, double gap)
{
  guint best = 0;
  for (guint i = 0; i < n; i++) {
    guint count = 0;
    for (guint j = 0; j < n; j++)
      if (items[j].lo <= items[i].lo && items[i].lo < items[j].hi + gap)
        count++;
    best = MAX(best, count);
  }
  return best;
}

static void test_pack_random_optimal_and_valid(void)
{
  GRand *rand = g_rand_new_with_seed(42);
  for (int round = 0; round < 200; round++) {
    guint n = g_rand_int_range(rand, 1, 60);
    TimelineInterval *items = g_new(TimelineInterval, n);
    for (guint i = 0; i < n; i++) {
      double lo = g_rand_int_range(rand, 0, 500);
      items[i] = (TimelineInterval){lo, lo + g_rand_int_range(rand, 1, 120)};
    }
    double gap = g_rand_int_range(rand, 0, 10);
    guint *lanes = g_new(guint, n);
    guint count = timeline_pack(items, n, gap, lanes);
    g_assert_cmpuint(count, ==, max_overlap(items, n, gap));
    for (guint i = 0; i < n; i++)
      for (guint j = i + 1; j < n; j++)
        if (lanes[i] == lanes[j])
          g_assert_true(items[i].hi + gap <= items[j].lo || items[j].hi + gap <= items[i].lo);
    g_free(lanes);
    g_free(items);
  }
  g_rand_free(rand);
}

static void test_pack_large(void)
{
  guint n = 200000;
  TimelineInterval *items = g_new(TimelineInterval, n);
  for (guint i = 0; i < n; i++)
    items[i] = (TimelineInterval){(double)(i * 7 % 100000), (double)(i * 7 % 100000) + 50};
  guint *lanes = g_new(guint, n);
  guint count = timeline_pack(items, n, 0, lanes);
  g_assert_cmpuint(count, >, 0);
  g_assert_cmpuint(count, <=, 200);
  g_free(lanes);
  g_free(items);
}

/* --- timeline_build --- */

static ModelEntry *span_entry(const char *title, DateDay start, DateDay end)
{
  ModelEntry *e = model_entry_new();
  e->title = g_strdup(title);
  DateSpan span = {.start = start, .end = end};
  g_array_append_val(e->periods, span);
  return e;
}

static ModelCv *sample_cv(void)
{
  ModelCv *cv = model_cv_new("t.yaml");
  cv->today = date_from_ymd(2026, 11, 25);
  ModelGroup *jobs = model_group_new("jobs", "Experience", TRUE);
  g_ptr_array_add(jobs->entries, span_entry("B", date_from_ymd(2015, 1, 1), date_from_ymd(2018, 12, 31)));
  g_ptr_array_add(jobs->entries, span_entry("A", date_from_ymd(2010, 1, 1), date_from_ymd(2012, 6, 30)));
  g_ptr_array_add(cv->groups, jobs);
  ModelGroup *edu = model_group_new("education", "Education", TRUE);
  g_ptr_array_add(edu->entries, span_entry("C", date_from_ymd(2005, 9, 1), date_from_ymd(2009, 6, 30)));
  g_ptr_array_add(cv->groups, edu);
  ModelMilestone *ms = model_milestone_new();
  ms->title = g_strdup("M");
  ms->date = date_from_ymd(2020, 1, 1);
  g_ptr_array_add(cv->milestones, ms);
  return cv;
}

static void test_build_natural_range(void)
{
  ModelCv *cv = sample_cv();
  TimelineOptions opts = {0};
  GError *error = NULL;
  Timeline *t = timeline_build(cv, &opts, &error);
  g_assert_no_error(error);
  g_assert_cmpint(t->start, ==, date_from_ymd(2005, 9, 1));
  g_assert_cmpint(t->end, ==, date_from_ymd(2020, 1, 1));
  g_assert_false(t->today_visible);
  g_assert_cmpuint(t->groups->len, ==, 2);
  /* Entries ordered by start: A before B. */
  TimelineGroup *jobs = g_ptr_array_index(t->groups, 0);
  TimelineEntry *first = g_ptr_array_index(jobs->entries, 0);
  g_assert_cmpstr(first->entry->title, ==, "A");
  g_assert_cmpuint(t->milestones->len, ==, 1);
  timeline_free(t);
  model_cv_free(cv);
}

static void test_build_clip(void)
{
  ModelCv *cv = sample_cv();
  TimelineOptions opts = {.has_from = TRUE, .from = date_from_ymd(2011, 1, 1),
                          .has_to = TRUE, .to = date_from_ymd(2016, 12, 31)};
  Timeline *t = timeline_build(cv, &opts, NULL);
  g_assert_nonnull(t);
  /* Education ended before 2011: its group is not drawn. */
  g_assert_cmpuint(t->groups->len, ==, 1);
  TimelineGroup *jobs = g_ptr_array_index(t->groups, 0);
  TimelineEntry *a = g_ptr_array_index(jobs->entries, 0);
  TimelineBar *bar = &g_array_index(a->bars, TimelineBar, 0);
  g_assert_cmpint(bar->start, ==, date_from_ymd(2011, 1, 1));
  g_assert_true(bar->cut_start);
  TimelineEntry *b = g_ptr_array_index(jobs->entries, 1);
  bar = &g_array_index(b->bars, TimelineBar, 0);
  g_assert_cmpint(bar->end, ==, date_from_ymd(2016, 12, 31));
  g_assert_true(bar->cut_end);
  g_assert_cmpuint(t->milestones->len, ==, 0);
  timeline_free(t);
  model_cv_free(cv);
}

static void test_build_only(void)
{
  ModelCv *cv = sample_cv();
  const char *only[] = {"education", NULL};
  TimelineOptions opts = {.only = only};
  Timeline *t = timeline_build(cv, &opts, NULL);
  g_assert_cmpuint(t->groups->len, ==, 1);
  g_assert_cmpuint(t->milestones->len, ==, 0);
  g_assert_cmpint(t->end, ==, date_from_ymd(2009, 6, 30));
  timeline_free(t);

  const char *bad[] = {"jobz", NULL};
  opts.only = bad;
  GError *error = NULL;
  g_assert_null(timeline_build(cv, &opts, &error));
  g_assert_error(error, TIMELINE_ERROR, 1);
  g_assert_nonnull(strstr(error->message, "'jobz'"));
  g_clear_error(&error);
  model_cv_free(cv);
}

static void test_build_empty_range(void)
{
  ModelCv *cv = sample_cv();
  TimelineOptions opts = {.has_from = TRUE, .from = date_from_ymd(2020, 1, 1),
                          .has_to = TRUE, .to = date_from_ymd(2019, 1, 1)};
  GError *error = NULL;
  g_assert_null(timeline_build(cv, &opts, &error));
  g_assert_error(error, TIMELINE_ERROR, 2);
  g_clear_error(&error);
  model_cv_free(cv);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/timeline/pack/table", test_pack_table);
  g_test_add_func("/timeline/pack/random", test_pack_random_optimal_and_valid);
  g_test_add_func("/timeline/pack/large", test_pack_large);
  g_test_add_func("/timeline/build/natural-range", test_build_natural_range);
  g_test_add_func("/timeline/build/clip", test_build_clip);
  g_test_add_func("/timeline/build/only", test_build_only);
  g_test_add_func("/timeline/build/empty-range", test_build_empty_range);
  return g_test_run();
}
