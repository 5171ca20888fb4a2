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

  ModelGroup *jobs = model_group_new("jobs", model_builtin_group_name("jobs", NULL), TRUE);
  ModelEntry *e = model_entry_new();
  e->title = g_strdup("Engineer");
  DateSpan span = {.start = date_from_ymd(2020, 1, 1), .end = date_from_ymd(2021, 1, 1)};
  g_array_append_val(e->periods, span);
  ModelRole role = {.title = g_strdup("Junior"), .span = span};
  g_array_append_val(e->roles, role);
  g_ptr_array_add(jobs->entries, e);
  g_ptr_array_add(jobs->entries, model_entry_new());
  model_cv_add_group(cv, jobs);

  ModelGroup *custom = model_group_new("Volunteering", NULL, FALSE);
  g_assert_cmpstr(custom->name, ==, "Volunteering");
  g_ptr_array_add(custom->entries, model_entry_new());
  model_cv_add_group(cv, custom);

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

/* The key index follows every change: the first group of a key is found, a stolen one
 * no longer is (its namesake is), dropped empty groups are gone. */
static void test_group_index(void)
{
  ModelCv *cv = model_cv_new("index.yaml");
  ModelGroup *a = model_group_new("talks", "Talks", FALSE);
  ModelGroup *b = model_group_new("talks", "Talks again", FALSE);
  ModelGroup *c = model_group_new("jobs", NULL, TRUE);
  g_ptr_array_add(c->entries, model_entry_new());
  model_cv_add_group(cv, a);
  model_cv_add_group(cv, b);
  model_cv_add_group(cv, c);
  g_assert_true(model_cv_find_group(cv, "talks") == a);
  g_assert_true(model_cv_find_group(cv, "jobs") == c);
  g_assert_null(model_cv_find_group(cv, "none"));
  g_assert_true(model_cv_steal_group(cv, 0) == a);
  g_assert_true(model_cv_find_group(cv, "talks") == b);
  model_group_free(a);
  model_cv_drop_empty_groups(cv); /* b has no entry */
  g_assert_null(model_cv_find_group(cv, "talks"));
  g_assert_cmpuint(cv->groups->len, ==, 1);
  g_assert_true(model_cv_find_group(cv, "jobs") == c);
  model_cv_free(cv);
}

static void test_builtin_names(void)
{
  g_assert_cmpstr(model_builtin_group_name("jobs", NULL), ==, "Experience");
  g_assert_cmpstr(model_builtin_group_name("education", NULL), ==, "Education");
  g_assert_cmpstr(model_builtin_group_name("visiting", NULL), ==, "Visiting");
  g_assert_null(model_builtin_group_name("degrees", NULL));
  g_assert_null(model_builtin_group_name("Jobs", NULL));
  g_assert_null(model_builtin_group_name(NULL, NULL));
  g_assert_cmpstr(model_builtin_group_name("jobs", lang_find("de")), ==, "Berufserfahrung");
  g_assert_cmpstr(model_builtin_group_name("education", lang_find("ja")), ==, "学歴");
  g_assert_null(model_builtin_group_name("degrees", lang_find("de")));
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

static void add_role(ModelEntry *e, const char *title, int y0, int m0, int y1, int m1,
                     gboolean ongoing)
{
  ModelRole role = {.title = g_strdup(title),
                    .span = {.start = date_from_ymd(y0, m0, 1),
                             .end = date_from_ymd(y1, m1, 28),
                             .ongoing = ongoing},
                    .line = y0};
  g_array_append_val(e->roles, role);
}

/* "T:YYYY-MM-DD..YYYY-MM-DD" for every role, in order. */
static char *roles_text(const ModelEntry *e)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < e->roles->len; i++) {
    const ModelRole *r = &g_array_index(e->roles, ModelRole, i);
    char a[DATE_ISO_SIZE], b[DATE_ISO_SIZE];
    date_format_iso(r->span.start, a);
    date_format_iso(r->span.end, b);
    g_string_append_printf(s, "%s%s:%s..%s%s", i ? " " : "", r->title, a, b,
                           r->span.ongoing ? "+" : "");
  }
  return g_string_free(s, FALSE);
}

/* Settles @e's roles, checks them against @expected (as roles_text) and frees @e. */
static void expect_settled(ModelEntry *e, const char *expected)
{
  model_entry_settle_roles(e);
  g_autofree char *got = roles_text(e);
  g_assert_cmpstr(got, ==, expected);
  model_entry_free(e);
}

static void test_settle_roles(void)
{
  /* Newest first, touching: only sorted. */
  ModelEntry *e = model_entry_new();
  add_role(e, "B", 2021, 1, 2022, 12, TRUE);
  add_role(e, "A", 2019, 1, 2020, 12, FALSE);
  expect_settled(e, "A:2019-01-01..2020-12-28 B:2021-01-01..2022-12-28+");

  /* A promotion written with year precision overlaps: the earlier role ends the day
   * before the later one starts, and is no longer ongoing. */
  e = model_entry_new();
  add_role(e, "Engineer", 2015, 1, 2017, 12, TRUE);
  add_role(e, "Senior", 2017, 2, 2019, 5, FALSE);
  expect_settled(e, "Engineer:2015-01-01..2017-01-31 Senior:2017-02-01..2019-05-28");

  /* A role inside another splits it; a role covering another with the same start
   * takes the rest; a gap stays a gap. */
  e = model_entry_new();
  add_role(e, "Professor", 2010, 1, 2020, 6, TRUE);
  add_role(e, "Dean", 2014, 1, 2016, 6, FALSE);
  add_role(e, "Chair", 2014, 1, 2015, 6, FALSE);
  add_role(e, "Emeritus", 2022, 1, 2023, 6, FALSE);
  expect_settled(e, "Professor:2010-01-01..2013-12-31 Chair:2014-01-01..2015-06-28 "
                    "Dean:2015-06-29..2016-06-28 Professor:2016-06-29..2020-06-28+ "
                    "Emeritus:2022-01-01..2023-06-28");

  /* Identical spans: the later in the file wins. */
  e = model_entry_new();
  add_role(e, "X", 2010, 1, 2011, 1, FALSE);
  add_role(e, "Y", 2010, 1, 2011, 1, FALSE);
  expect_settled(e, "Y:2010-01-01..2011-01-28");
  model_entry_settle_roles(NULL); /* a no-op, as for the other model functions */
}

/* The settling rule as first written, one role at a time against every segment so far
 * (quadratic): the oracle the sweep must agree with. */
static int reference_cmp(gconstpointer pa, gconstpointer pb)
{
  const DateSpan *a = &((const ModelRole *)pa)->span, *b = &((const ModelRole *)pb)->span;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return (a->end < b->end) - (a->end > b->end);
}

static GArray *reference_settle(const GArray *roles)
{
  GArray *in = g_array_copy((GArray *)roles);
  g_array_sort(in, reference_cmp);
  GArray *out = g_array_new(FALSE, TRUE, sizeof(ModelRole));
  for (guint i = 0; i < in->len; i++) {
    ModelRole r = g_array_index(in, ModelRole, i);
    for (guint k = 0; k < out->len; k++) {
      ModelRole *s = &g_array_index(out, ModelRole, k);
      if (s->span.end < r.span.start || s->span.start > r.span.end)
        continue;
      if (s->span.end > r.span.end) {
        ModelRole tail = *s;
        tail.span.start = r.span.end + 1;
        tail.span.start_precision = r.span.end_precision;
        tail.span.start_approx = r.span.end_approx;
        g_array_append_val(out, tail);
        s = &g_array_index(out, ModelRole, k);
      }
      if (s->span.start < r.span.start) {
        s->span.end = r.span.start - 1;
        s->span.end_precision = r.span.start_precision;
        s->span.end_approx = r.span.start_approx;
        s->span.ongoing = FALSE;
      } else {
        g_array_remove_index(out, k);
        k--;
      }
    }
    g_array_append_val(out, r);
  }
  g_array_sort(out, reference_cmp);
  g_array_unref(in);
  return out;
}

/* Random roles, many overlapping, at random precisions: the sweep settles them exactly
 * as the reference does (titles, days, precisions, approximation, ongoing). */
static void test_settle_roles_sweep(void)
{
  GRand *rng = g_rand_new_with_seed(7);
  for (int round = 0; round < 400; round++) {
    ModelEntry *e = model_entry_new();
    int n = g_rand_int_range(rng, 2, round < 300 ? 8 : 60);
    for (int i = 0; i < n; i++) {
      DateDay start = date_from_ymd(2000, 1, 1) + g_rand_int_range(rng, 0, 400);
      ModelRole role = {
          .title = g_strdup_printf("R%d", i),
          .span = {.start = start,
                   .end = start + g_rand_int_range(rng, 0, 120),
                   .start_precision = (DatePrecision)g_rand_int_range(rng, 0, 5),
                   .end_precision = (DatePrecision)g_rand_int_range(rng, 0, 5),
                   .start_approx = g_rand_boolean(rng),
                   .end_approx = g_rand_boolean(rng),
                   .ongoing = g_rand_int_range(rng, 0, 4) == 0},
          .line = i,
      };
      g_array_append_val(e->roles, role);
    }
    GArray *want = reference_settle(e->roles);
    /* The reference shares the titles: compare before the entry frees them. */
    GString *a = g_string_new(NULL), *b = g_string_new(NULL);
    for (guint i = 0; i < want->len; i++) {
      const ModelRole *r = &g_array_index(want, ModelRole, i);
      g_string_append_printf(a, "%s %d..%d p%d/%d a%d/%d o%d l%d; ", r->title, r->span.start,
                             r->span.end, r->span.start_precision, r->span.end_precision,
                             r->span.start_approx, r->span.end_approx, r->span.ongoing,
                             r->line);
    }
    model_entry_settle_roles(e);
    for (guint i = 0; i < e->roles->len; i++) {
      const ModelRole *r = &g_array_index(e->roles, ModelRole, i);
      g_string_append_printf(b, "%s %d..%d p%d/%d a%d/%d o%d l%d; ", r->title, r->span.start,
                             r->span.end, r->span.start_precision, r->span.end_precision,
                             r->span.start_approx, r->span.end_approx, r->span.ongoing,
                             r->line);
    }
    g_assert_cmpstr(b->str, ==, a->str);
    g_string_free(a, TRUE);
    g_string_free(b, TRUE);
    g_array_unref(want);
    model_entry_free(e);
  }
  g_rand_free(rng);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/model/lifecycle", test_lifecycle);
  g_test_add_func("/model/group-index", test_group_index);
  g_test_add_func("/model/builtin-names", test_builtin_names);
  g_test_add_func("/model/sort-milestones", test_sort_milestones);
  g_test_add_func("/model/settle-roles", test_settle_roles);
  g_test_add_func("/model/settle-roles-sweep", test_settle_roles_sweep);
  return g_test_run();
}
