/* Unit tests of timeline: the visible range (--from/--to clipping, --only). Lane packing
 * is layout's, tested in test-layout_lanes.c. */
#include "timeline.h"

#include <string.h>

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
  model_cv_add_group(cv, jobs);
  ModelGroup *edu = model_group_new("education", "Education", TRUE);
  g_ptr_array_add(edu->entries, span_entry("C", date_from_ymd(2005, 9, 1), date_from_ymd(2009, 6, 30)));
  model_cv_add_group(cv, edu);
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
  g_test_add_func("/timeline/build/natural-range", test_build_natural_range);
  g_test_add_func("/timeline/build/clip", test_build_clip);
  g_test_add_func("/timeline/build/only", test_build_only);
  g_test_add_func("/timeline/build/empty-range", test_build_empty_range);
  return g_test_run();
}
