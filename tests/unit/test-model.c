/* Unit tests for model.c: ownership (run under valgrind/ASan to see leaks), group lookup,
 * the stable milestone sort, built-in group names and the entry count. */
#include "model.h"

static ModelMilestone *milestone(DateDay date, const char *title)
{
  ModelMilestone *m = model_milestone_new();
  m->date = date;
  m->title = g_strdup(title);
  return m;
}

static void test_lifecycle(void)
{
  ModelCv *cv = model_cv_new("cv.yaml");
  g_assert_cmpstr(cv->file, ==, "cv.yaml");
  g_assert_cmpuint(model_cv_entry_count(cv), ==, 0);

  ModelGroup *jobs = model_group_new("jobs", model_builtin_group_name("jobs"), TRUE);
  ModelEntry *e = model_entry_new();
  e->title = g_strdup("Engineer");
  ModelSpan span = {.start = date_from_ymd(2020, 1, 1), .end = date_from_ymd(2021, 1, 1)};
  g_array_append_val(e->periods, span);
  ModelRole role = {.title = g_strdup("Junior"), .span = span};
  g_array_append_val(e->roles, role);
  g_ptr_array_add(jobs->entries, e);
  g_ptr_array_add(jobs->entries, model_entry_new());
  g_ptr_array_add(cv->groups, jobs);

  ModelGroup *custom = model_group_new("Volunteering", NULL, FALSE);
  g_assert_cmpstr(custom->name, ==, "Volunteering");
  g_ptr_array_add(custom->entries, model_entry_new());
  g_ptr_array_add(cv->groups, custom);

  g_assert_cmpuint(model_cv_entry_count(cv), ==, 3);
  g_assert_true(model_cv_find_group(cv, "jobs") == jobs);
  g_assert_true(model_cv_find_group(cv, "Volunteering") == custom);
  g_assert_null(model_cv_find_group(cv, "education"));
  g_assert_null(model_cv_find_group(cv, NULL));
  model_cv_free(cv);

  model_cv_free(NULL);
  model_group_free(NULL);
  model_entry_free(NULL);
  model_milestone_free(NULL);
  g_assert_cmpuint(model_cv_entry_count(NULL), ==, 0);
}

static void test_builtin_names(void)
{
  g_assert_cmpstr(model_builtin_group_name("jobs"), ==, "Experience");
  g_assert_cmpstr(model_builtin_group_name("education"), ==, "Education");
  g_assert_cmpstr(model_builtin_group_name("visiting"), ==, "Visiting");
  g_assert_null(model_builtin_group_name("degrees"));
  g_assert_null(model_builtin_group_name("Jobs"));
  g_assert_null(model_builtin_group_name(NULL));
}

static void test_sort_milestones(void)
{
  ModelCv *cv = model_cv_new("x");
  /* Many equal dates, so an unstable sort would be caught. */
  const int n = 200;
  for (int i = 0; i < n; i++) {
    char title[16];
    g_snprintf(title, sizeof title, "%d", i);
    g_ptr_array_add(cv->milestones, milestone(1000 + (n - i) % 3, title));
  }
  model_cv_sort_milestones(cv);
  g_assert_cmpuint(cv->milestones->len, ==, (guint)n);
  for (int i = 1; i < n; i++) {
    ModelMilestone *a = g_ptr_array_index(cv->milestones, i - 1);
    ModelMilestone *b = g_ptr_array_index(cv->milestones, i);
    g_assert_cmpint(a->date, <=, b->date);
    if (a->date == b->date)
      g_assert_cmpint(atoi(a->title), <, atoi(b->title));
  }
  model_cv_free(cv);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/model/lifecycle", test_lifecycle);
  g_test_add_func("/model/builtin-names", test_builtin_names);
  g_test_add_func("/model/sort-milestones", test_sort_milestones);
  return g_test_run();
}
