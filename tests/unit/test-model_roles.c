/* Unit tests for model_roles.c (model_merge_roles): which consecutive entries at one
 * organisation become one entry with role segments, and what that entry keeps. The
 * import readers' use of it is tested with them. */
#include "model.h"

static DateDay ymd(int y, int m, int d)
{
  return date_from_ymd(y, m, d);
}

/* An entry @title at @org from @start to @end (0: ongoing, ending 2026-11-25), at @line. */
static ModelEntry *entry(const char *title, const char *org, DateDay start, DateDay end, int line)
{
  ModelEntry *e = model_entry_new();
  e->title = g_strdup(title);
  e->org = g_strdup(org);
  e->line = line;
  e->column = 5;
  DateSpan s = {.start = start,
                .end = end ? end : ymd(2026, 11, 25),
                .start_precision = DATE_PREC_MONTH,
                .end_precision = end ? DATE_PREC_MONTH : DATE_PREC_DAY,
                .ongoing = end == 0};
  g_array_append_val(e->periods, s);
  return e;
}

/* A CV of one group holding @entries (NULL-terminated), merged with a 100-day gap. */
static ModelCv *merged(ModelEntry *first, ...)
{
  ModelCv *cv = model_cv_new("cv.json");
  ModelGroup *g = model_group_new("jobs", "Experience", TRUE);
  va_list ap;
  va_start(ap, first);
  for (ModelEntry *e = first; e != NULL; e = va_arg(ap, ModelEntry *))
    g_ptr_array_add(g->entries, e);
  va_end(ap);
  g_ptr_array_add(cv->groups, g);
  model_merge_roles(cv, 100);
  return cv;
}

static ModelEntry *at(const ModelCv *cv, guint i)
{
  const ModelGroup *g = g_ptr_array_index(cv->groups, 0);
  g_assert_cmpuint(i, <, g->entries->len);
  return g_ptr_array_index(g->entries, i);
}

static guint count(const ModelCv *cv)
{
  return ((const ModelGroup *)g_ptr_array_index(cv->groups, 0))->entries->len;
}

/* Two roles at "A", the first 2019-01..2020-01-31, the second from @start2; how many
 * entries remain. */
static guint merged_count(DateDay start2, DateDay end2, const char *org2)
{
  ModelCv *cv = merged(entry("One", "A", ymd(2019, 1, 1), ymd(2020, 1, 31), 1),
                       entry("Two", org2, start2, end2, 2), NULL);
  guint n = count(cv);
  model_cv_free(cv);
  return n;
}

static void test_gap(void)
{
  g_assert_cmpuint(merged_count(ymd(2020, 2, 1), ymd(2021, 12, 31), "A"), ==, 1);  /* touching */
  g_assert_cmpuint(merged_count(ymd(2020, 5, 10), ymd(2021, 12, 31), "A"), ==, 1); /* 99 days */
  g_assert_cmpuint(merged_count(ymd(2020, 5, 11), ymd(2021, 12, 31), "A"), ==, 1); /* 100 */
  g_assert_cmpuint(merged_count(ymd(2020, 5, 12), ymd(2021, 12, 31), "A"), ==, 2); /* 101 */
  g_assert_cmpuint(merged_count(ymd(2019, 6, 1), 0, "A"), ==, 1);                  /* overlap */
  g_assert_cmpuint(merged_count(ymd(2020, 2, 1), ymd(2021, 12, 31), "a"), ==, 1);  /* case */
  g_assert_cmpuint(merged_count(ymd(2020, 2, 1), ymd(2021, 12, 31), "B"), ==, 2);  /* other org */
  g_assert_cmpuint(merged_count(ymd(2010, 1, 1), ymd(2011, 12, 31), "A"), ==, 2);  /* long before */
}

/* Newest first, as JSON Resume files list them: the merged entry takes the position of
 * the first in the file, location and url from the first that has them, and its roles
 * in time order. */
static void test_shape(void)
{
  ModelEntry *resident = entry("Resident", "Big", ymd(2019, 9, 1), ymd(2020, 12, 31), 4);
  resident->location = g_strdup("UK");
  resident->url = g_strdup("https://big.example");
  ModelCv *cv = merged(entry("Senior", "Big", ymd(2022, 1, 1), ymd(2023, 10, 31), 2),
                       entry("Researcher", "big", ymd(2021, 1, 1), ymd(2021, 12, 31), 3), resident,
                       entry("Postdoc", "Other", ymd(2019, 3, 1), ymd(2019, 8, 31), 5), NULL);
  g_assert_cmpuint(count(cv), ==, 2);
  ModelEntry *e = at(cv, 0);
  g_assert_null(e->title);
  g_assert_cmpstr(e->org, ==, "Big");
  g_assert_cmpstr(e->location, ==, "UK");
  g_assert_cmpstr(e->url, ==, "https://big.example");
  g_assert_cmpint(e->line, ==, 2);
  g_assert_cmpuint(e->periods->len, ==, 1);
  const DateSpan *whole = &g_array_index(e->periods, DateSpan, 0);
  g_assert_cmpint(whole->start, ==, ymd(2019, 9, 1));
  g_assert_cmpint(whole->end, ==, ymd(2023, 10, 31));
  g_assert_cmpuint(e->roles->len, ==, 3);
  const char *titles[] = {"Resident", "Researcher", "Senior"};
  const int lines[] = {4, 3, 2};
  for (guint i = 0; i < 3; i++) {
    g_assert_cmpstr(g_array_index(e->roles, ModelRole, i).title, ==, titles[i]);
    g_assert_cmpint(g_array_index(e->roles, ModelRole, i).line, ==, lines[i]);
  }
  g_assert_cmpstr(at(cv, 1)->title, ==, "Postdoc");
  model_cv_free(cv);
}

/* Overlapping entries become segments side by side: the earlier ends the day before the
 * later starts. */
static void test_overlap(void)
{
  ModelCv *cv = merged(entry("Senior", "acme", ymd(2017, 2, 1), ymd(2019, 5, 31), 1),
                       entry("Engineer", "ACME", ymd(2015, 1, 1), ymd(2017, 12, 31), 2), NULL);
  ModelEntry *e = at(cv, 0);
  g_assert_cmpuint(e->roles->len, ==, 2);
  const ModelRole *a = &g_array_index(e->roles, ModelRole, 0);
  const ModelRole *b = &g_array_index(e->roles, ModelRole, 1);
  g_assert_cmpstr(a->title, ==, "Engineer");
  g_assert_cmpint(a->span.start, ==, ymd(2015, 1, 1));
  g_assert_cmpint(a->span.end, ==, ymd(2017, 1, 31));
  g_assert_cmpstr(b->title, ==, "Senior");
  g_assert_cmpint(b->span.start, ==, ymd(2017, 2, 1));
  g_assert_cmpint(g_array_index(e->periods, DateSpan, 0).start, ==, ymd(2015, 1, 1));
  g_assert_cmpint(g_array_index(e->periods, DateSpan, 0).end, ==, ymd(2019, 5, 31));
  model_cv_free(cv);
}

/* An ongoing role makes the merged bar ongoing. */
static void test_ongoing(void)
{
  ModelCv *cv = merged(entry("Lead", "A", ymd(2024, 1, 1), 0, 1),
                       entry("Dev", "A", ymd(2021, 1, 1), ymd(2023, 12, 31), 2), NULL);
  ModelEntry *e = at(cv, 0);
  g_assert_cmpuint(e->roles->len, ==, 2);
  g_assert_true(g_array_index(e->periods, DateSpan, 0).ongoing);
  g_assert_cmpint(g_array_index(e->periods, DateSpan, 0).end, ==, ymd(2026, 11, 25));
  g_assert_cmpstr(g_array_index(e->roles, ModelRole, 0).title, ==, "Dev");
  g_assert_true(g_array_index(e->roles, ModelRole, 1).span.ongoing);
  model_cv_free(cv);
}

/* Only entries with a title, an org and one period are roles; any other ends the run. */
static void test_candidates(void)
{
  ModelEntry *untitled = entry(NULL, "A", ymd(2020, 2, 1), ymd(2020, 12, 31), 2);
  ModelCv *cv = merged(entry("One", "A", ymd(2019, 1, 1), ymd(2020, 1, 31), 1), untitled,
                       entry("Three", "A", ymd(2021, 1, 1), ymd(2021, 12, 31), 3), NULL);
  g_assert_cmpuint(count(cv), ==, 3);
  model_cv_free(cv);

  ModelEntry *two = entry("Two", "A", ymd(2020, 2, 1), ymd(2020, 6, 30), 2);
  DateSpan more = {.start = ymd(2021, 1, 1), .end = ymd(2021, 6, 30)};
  g_array_append_val(two->periods, more);
  cv = merged(entry("One", "A", ymd(2019, 1, 1), ymd(2020, 1, 31), 1), two, NULL);
  g_assert_cmpuint(count(cv), ==, 2);
  model_cv_free(cv);

  cv = merged(entry("One", NULL, ymd(2019, 1, 1), ymd(2020, 1, 31), 1),
              entry("Two", NULL, ymd(2020, 2, 1), ymd(2020, 12, 31), 2), NULL);
  g_assert_cmpuint(count(cv), ==, 2); /* no org never matches */
  model_cv_free(cv);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/model_roles/gap", test_gap);
  g_test_add_func("/model_roles/shape", test_shape);
  g_test_add_func("/model_roles/overlap", test_overlap);
  g_test_add_func("/model_roles/ongoing", test_ongoing);
  g_test_add_func("/model_roles/candidates", test_candidates);
  return g_test_run();
}
