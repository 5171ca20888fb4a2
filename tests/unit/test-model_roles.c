/* Unit tests for model_roles.c (model_merge_roles): which consecutive entries at one
 * organisation become one entry with role segments, what that entry keeps, which
 * overlaps are trimmed, and (over many random runs) that no role loses a day that is not
 * reported as trimmed. The import readers' use of it is tested with them. */
#include "model.h"

#include <string.h>

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

static GPtrArray *last_trims;

/* A CV of one group holding @entries (NULL-terminated), merged with a 100-day gap; the
 * trims are left in last_trims. */
static ModelCv *merged(ModelEntry *first, ...)
{
  ModelCv *cv = model_cv_new("cv.json");
  ModelGroup *g = model_group_new("jobs", "Experience", TRUE);
  va_list ap;
  va_start(ap, first);
  for (ModelEntry *e = first; e != NULL; e = va_arg(ap, ModelEntry *))
    g_ptr_array_add(g->entries, e);
  va_end(ap);
  model_cv_add_group(cv, g);
  g_clear_pointer(&last_trims, g_ptr_array_unref);
  last_trims = g_ptr_array_new_with_free_func((GDestroyNotify)model_trim_free);
  model_merge_roles(cv, 100, last_trims);
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
  g_assert_cmpuint(merged_count(ymd(2019, 6, 1), 0, "A"), ==, 2);                  /* overlap */
  g_assert_cmpuint(merged_count(ymd(2020, 1, 1), 0, "A"), ==, 1);                  /* a month */
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

static const ModelRole *role_at(const ModelEntry *e, guint i)
{
  g_assert_cmpuint(i, <, e->roles->len);
  return &g_array_index(e->roles, ModelRole, i);
}

/* Roles that overlap by more than a little stay bars of their own, whole (issue 13: a
 * 2015-01..2017-12 and a 2017-02..2019-05 at one org; the first was drawn ending in
 * January 2017). */
static void test_overlap(void)
{
  ModelCv *cv = merged(entry("Senior", "acme", ymd(2017, 2, 1), ymd(2019, 5, 31), 1),
                       entry("Engineer", "ACME", ymd(2015, 1, 1), ymd(2017, 12, 31), 2), NULL);
  g_assert_cmpuint(count(cv), ==, 2);
  g_assert_cmpstr(at(cv, 0)->title, ==, "Senior");
  g_assert_cmpint(g_array_index(at(cv, 0)->periods, DateSpan, 0).start, ==, ymd(2017, 2, 1));
  g_assert_cmpstr(at(cv, 1)->title, ==, "Engineer");
  g_assert_cmpint(g_array_index(at(cv, 1)->periods, DateSpan, 0).end, ==, ymd(2017, 12, 31));
  g_assert_cmpuint(last_trims->len, ==, 0);
  model_cv_free(cv);
}

/* Two roles with the same dates are two bars (issue 13: only "Intern" was drawn). */
static void test_same_dates(void)
{
  ModelCv *cv = merged(entry("Junior Developer", "Co", ymd(2015, 10, 1), ymd(2016, 8, 1), 1),
                       entry("Intern", "Co", ymd(2015, 10, 1), ymd(2016, 8, 1), 2), NULL);
  g_assert_cmpuint(count(cv), ==, 2);
  g_assert_cmpstr(at(cv, 0)->title, ==, "Junior Developer");
  g_assert_cmpstr(at(cv, 1)->title, ==, "Intern");
  g_assert_cmpuint(at(cv, 0)->roles->len, ==, 0);
  model_cv_free(cv);
}

/* A degree inside another at one university: both whole, each with its title; a third
 * that follows the outer one joins it. */
static void test_inside(void)
{
  ModelCv *cv = merged(entry("Postdoc", "Uni", ymd(2016, 9, 1), ymd(2018, 8, 31), 1),
                       entry("PhD", "Uni", ymd(2011, 9, 1), ymd(2016, 6, 30), 2),
                       entry("MS", "Uni", ymd(2012, 9, 1), ymd(2014, 6, 30), 3), NULL);
  g_assert_cmpuint(count(cv), ==, 2);
  ModelEntry *bar = at(cv, 0);
  g_assert_cmpuint(bar->roles->len, ==, 2);
  g_assert_cmpstr(role_at(bar, 0)->title, ==, "PhD");
  g_assert_cmpint(role_at(bar, 0)->span.start, ==, ymd(2011, 9, 1));
  g_assert_cmpint(role_at(bar, 0)->span.end, ==, ymd(2016, 6, 30));
  g_assert_cmpstr(role_at(bar, 1)->title, ==, "Postdoc");
  g_assert_cmpstr(at(cv, 1)->title, ==, "MS");
  g_assert_cmpint(g_array_index(at(cv, 1)->periods, DateSpan, 0).start, ==, ymd(2012, 9, 1));
  g_assert_cmpint(g_array_index(at(cv, 1)->periods, DateSpan, 0).end, ==, ymd(2014, 6, 30));
  model_cv_free(cv);

  /* The same start: the shorter is not followed by the longer. */
  cv = merged(entry("PhD", "Uni", ymd(2010, 9, 1), ymd(2016, 6, 30), 1),
              entry("MS", "Uni", ymd(2010, 9, 1), ymd(2012, 6, 30), 2), NULL);
  g_assert_cmpuint(count(cv), ==, 2);
  g_assert_cmpuint(at(cv, 0)->roles->len + at(cv, 1)->roles->len, ==, 0);
  model_cv_free(cv);
}

/* A role with its end at year precision ("2015 to 2017") and one from Feb 2017: the
 * overlap lies within the year the first one's end names, so it is trimmed off that end
 * (still in 2017), and reported. */
static void test_trim_within_precision(void)
{
  ModelEntry *engineer = entry("Engineer", "Acme", ymd(2015, 1, 1), ymd(2017, 12, 31), 2);
  g_array_index(engineer->periods, DateSpan, 0).end_precision = DATE_PREC_YEAR;
  ModelCv *cv =
      merged(entry("Senior", "Acme", ymd(2017, 2, 1), ymd(2019, 5, 31), 1), engineer, NULL);
  g_assert_cmpuint(count(cv), ==, 1);
  ModelEntry *e = at(cv, 0);
  g_assert_cmpuint(e->roles->len, ==, 2);
  g_assert_cmpint(role_at(e, 0)->span.end, ==, ymd(2017, 1, 31));
  g_assert_cmpint(role_at(e, 0)->span.end_precision, ==, DATE_PREC_YEAR);
  g_assert_cmpint(role_at(e, 1)->span.start, ==, ymd(2017, 2, 1));
  g_assert_cmpuint(last_trims->len, ==, 1);
  const ModelTrim *t = g_ptr_array_index(last_trims, 0);
  g_assert_cmpstr(t->title, ==, "Engineer");
  g_assert_cmpstr(t->other, ==, "Senior");
  g_assert_cmpstr(t->org, ==, "Acme");
  g_assert_cmpint(t->line, ==, 2);
  g_assert_cmpint(t->from, ==, ymd(2017, 2, 1));
  g_assert_cmpint(t->to, ==, ymd(2017, 12, 31));
  g_assert_false(t->at_start);
  model_cv_free(cv);

  /* A later role from "2017" after one to June 2017: its start moves to July, still in
   * 2017. */
  ModelEntry *later = entry("Lead", "Acme", ymd(2017, 1, 1), ymd(2020, 12, 31), 2);
  g_array_index(later->periods, DateSpan, 0).start_precision = DATE_PREC_YEAR;
  cv = merged(entry("Dev", "Acme", ymd(2014, 3, 1), ymd(2017, 6, 30), 1), later, NULL);
  g_assert_cmpuint(count(cv), ==, 1);
  g_assert_cmpint(role_at(at(cv, 0), 0)->span.end, ==, ymd(2017, 6, 30));
  g_assert_cmpint(role_at(at(cv, 0), 1)->span.start, ==, ymd(2017, 7, 1));
  g_assert_cmpuint(last_trims->len, ==, 1);
  t = g_ptr_array_index(last_trims, 0);
  g_assert_true(t->at_start);
  g_assert_cmpstr(t->title, ==, "Lead");
  g_assert_cmpint(t->from, ==, ymd(2017, 1, 1));
  g_assert_cmpint(t->to, ==, ymd(2017, 6, 30));
  model_cv_free(cv);

  /* An end written as an academic year ("2016/17") names September to June, as the
   * parser and the describe stage read it, not only June: trimmed to January 2017, it
   * is still within 2016/17. */
  ModelEntry *tutor = entry("Tutor", "Uni", ymd(2015, 9, 1), ymd(2017, 6, 30), 2);
  g_array_index(tutor->periods, DateSpan, 0).end_precision = DATE_PREC_ACADEMIC;
  cv = merged(entry("Lecturer", "Uni", ymd(2017, 2, 1), ymd(2019, 5, 31), 1), tutor, NULL);
  g_assert_cmpuint(count(cv), ==, 1);
  g_assert_cmpint(role_at(at(cv, 0), 0)->span.end, ==, ymd(2017, 1, 31));
  g_assert_cmpint(role_at(at(cv, 0), 0)->span.end_precision, ==, DATE_PREC_ACADEMIC);
  model_cv_free(cv);
}

/* An overlap of at most MODEL_MERGE_TRIM_DAYS days is trimmed at day precision too; one
 * day more is not. */
static void test_trim_days(void)
{
  DateDay end = ymd(2019, 6, 30);
  for (int extra = 0; extra <= 1; extra++) {
    ModelEntry *a = entry("A", "X", ymd(2018, 1, 1), end, 1);
    ModelEntry *b = entry("B", "X", end - MODEL_MERGE_TRIM_DAYS + 1 - extra, ymd(2020, 1, 1), 2);
    g_array_index(a->periods, DateSpan, 0).end_precision = DATE_PREC_DAY;
    g_array_index(b->periods, DateSpan, 0).start_precision = DATE_PREC_DAY;
    ModelCv *cv = merged(a, b, NULL);
    g_assert_cmpuint(count(cv), ==, extra ? 2 : 1);
    g_assert_cmpuint(last_trims->len, ==, extra ? 0 : 1);
    model_cv_free(cv);
  }
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

/* ---- The property: over many random runs, no day of any role is lost but the reported
 * trims, no role disappears, and the segments of a bar lie side by side. ---- */

#define PROP_TITLES 4
#define PROP_DAYS (45 * 366) /* 1995 to 2039 */

static const char *const prop_titles[PROP_TITLES] = {"Engineer", "Senior", "Lead", "PhD"};
static const char *const prop_orgs[] = {"Acme", "ACME", "Uni"};
static const DatePrecision prop_precisions[] = {DATE_PREC_DAY, DATE_PREC_MONTH, DATE_PREC_SEASON,
                                                DATE_PREC_YEAR};

static DateDay last_of(int y, int m)
{
  return ymd(y, m, g_date_get_days_in_month((GDateMonth)m, (GDateYear)y));
}

/* The first day of the month, season or year @day lies in: a start written at @prec. */
static DateDay snap_start(DateDay day, DatePrecision prec)
{
  int y, m, d;
  date_to_ymd(day, &y, &m, &d);
  if (prec == DATE_PREC_YEAR)
    return ymd(y, 1, 1);
  if (prec == DATE_PREC_SEASON) /* Mar, Jun, Sep, Dec */
    return m < 3 ? ymd(y - 1, 12, 1) : ymd(y, m - m % 3, 1);
  if (prec == DATE_PREC_MONTH)
    return ymd(y, m, 1);
  return day;
}

/* The last day of the month, season or year @day lies in: an end written at @prec. */
static DateDay snap_end(DateDay day, DatePrecision prec)
{
  int y, m, d;
  date_to_ymd(day, &y, &m, &d);
  if (prec == DATE_PREC_YEAR)
    return ymd(y, 12, 31);
  if (prec == DATE_PREC_SEASON) /* May, Aug, Nov, Feb */
    return m == 12 ? last_of(y + 1, 2) : m < 3 ? last_of(y, 2) : last_of(y, m - m % 3 + 2);
  if (prec == DATE_PREC_MONTH)
    return last_of(y, m);
  return day;
}

/* Marks @from..@to in the day map of @title (one map of PROP_DAYS per title). */
static void mark(guint8 *maps, const char *title, DateDay from, DateDay to)
{
  guint t = 0;
  while (t < PROP_TITLES && strcmp(prop_titles[t], title) != 0)
    t++;
  g_assert_cmpuint(t, <, PROP_TITLES);
  DateDay base = ymd(1995, 1, 1);
  g_assert_cmpint(from, >=, base);
  g_assert_cmpint(to, <, base + PROP_DAYS);
  for (DateDay d = from; d <= to; d++)
    maps[t * PROP_DAYS + (d - base)] = 1;
}

/* A random run: mostly at one org, each role's start often near the previous one's end,
 * at random precisions, some ongoing, some without a title (not a role). */
static ModelCv *prop_cv(GRand *rng, guint8 *before, guint *roles_in)
{
  ModelCv *cv = model_cv_new("cv.json");
  ModelGroup *g = model_group_new("jobs", "Experience", TRUE);
  model_cv_add_group(cv, g);
  DateDay today = ymd(2026, 11, 25);
  DateDay prev_end = ymd(2001 + g_rand_int_range(rng, 0, 10), 1, 1);
  guint n = (guint)g_rand_int_range(rng, 1, 9);
  *roles_in = 0;
  for (guint i = 0; i < n; i++) {
    DatePrecision sp = prop_precisions[g_rand_int_range(rng, 0, 4)];
    DatePrecision ep = prop_precisions[g_rand_int_range(rng, 0, 4)];
    DateDay start = g_rand_boolean(rng) ? prev_end + g_rand_int_range(rng, -400, 150)
                                        : ymd(2001 + g_rand_int_range(rng, 0, 24), 1, 1) +
                                              g_rand_int_range(rng, 0, 365);
    start = snap_start(MIN(start, today - 30), sp);
    gboolean ongoing = g_rand_int_range(rng, 0, 6) == 0;
    DateDay end = ongoing ? today : snap_end(start + g_rand_int_range(rng, 0, 2000), ep);
    ModelEntry *e = model_entry_new();
    e->line = (int)i + 1;
    e->column = 3;
    e->org = g_strdup(prop_orgs[g_rand_int_range(rng, 0, 4) % 3 == 2 ? 2 : 0]);
    if (g_rand_int_range(rng, 0, 10) > 0) {
      e->title = g_strdup(prop_titles[g_rand_int_range(rng, 0, PROP_TITLES)]);
      mark(before, e->title, start, end);
      (*roles_in)++;
    }
    DateSpan span = {.start = start,
                     .end = end,
                     .start_precision = sp,
                     .end_precision = ongoing ? DATE_PREC_DAY : ep,
                     .ongoing = ongoing};
    g_array_append_val(e->periods, span);
    g_ptr_array_add(g->entries, e);
    prev_end = end;
  }
  return cv;
}

/* Checks one merged run against the days it started with. */
static void prop_check(const ModelCv *cv, const guint8 *before, guint roles_in,
                       const GPtrArray *trims)
{
  guint8 *after = g_new0(guint8, PROP_TITLES * PROP_DAYS);
  guint8 *cut = g_new0(guint8, PROP_TITLES * PROP_DAYS);
  guint roles_out = 0;
  const ModelGroup *g = g_ptr_array_index(cv->groups, 0);
  for (guint i = 0; i < g->entries->len; i++) {
    const ModelEntry *e = g_ptr_array_index(g->entries, i);
    g_assert_cmpuint(e->periods->len, ==, 1);
    const DateSpan *whole = &g_array_index(e->periods, DateSpan, 0);
    g_assert_cmpint(whole->start, <=, whole->end);
    if (e->roles->len == 0) {
      if (e->title != NULL) {
        mark(after, e->title, whole->start, whole->end);
        roles_out++;
      }
      continue;
    }
    g_assert_null(e->title);
    g_assert_cmpuint(e->roles->len, >=, 2);
    for (guint k = 0; k < e->roles->len; k++) {
      const DateSpan *s = &g_array_index(e->roles, ModelRole, k).span;
      g_assert_cmpint(s->start, <=, s->end);
      g_assert_cmpint(s->start, >=, whole->start);
      g_assert_cmpint(s->end, <=, whole->end);
      if (k > 0) /* side by side, in order */
        g_assert_cmpint(s->start, >, g_array_index(e->roles, ModelRole, k - 1).span.end);
      mark(after, g_array_index(e->roles, ModelRole, k).title, s->start, s->end);
      roles_out++;
    }
  }
  for (guint i = 0; i < trims->len; i++) {
    const ModelTrim *t = g_ptr_array_index(trims, i);
    g_assert_cmpint(t->from, <=, t->to);
    g_assert_cmpint(t->to - t->from, <, 366); /* at most a year's precision */
    mark(cut, t->title, t->from, t->to);
  }
  g_assert_cmpuint(roles_out, ==, roles_in);
  for (guint i = 0; i < PROP_TITLES * PROP_DAYS; i++) {
    if (after[i])
      g_assert_true(before[i]); /* nothing is made up */
    if (cut[i])
      g_assert_true(before[i]); /* a trim takes off days the role had */
    if (before[i] && !after[i])
      g_assert_true(cut[i]); /* every day lost was reported */
  }
  g_free(after);
  g_free(cut);
}

static void test_property(void)
{
  GRand *rng = g_rand_new_with_seed(13);
  guint8 *before = g_new0(guint8, PROP_TITLES * PROP_DAYS);
  guint merged_bars = 0, trimmed = 0;
  for (int run = 0; run < 3000; run++) {
    memset(before, 0, PROP_TITLES * PROP_DAYS);
    guint roles_in;
    ModelCv *cv = prop_cv(rng, before, &roles_in);
    GPtrArray *trims = g_ptr_array_new_with_free_func((GDestroyNotify)model_trim_free);
    model_merge_roles(cv, run % 3 == 0 ? 0 : 100, trims);
    prop_check(cv, before, roles_in, trims);
    const ModelGroup *g = g_ptr_array_index(cv->groups, 0);
    for (guint i = 0; i < g->entries->len; i++)
      merged_bars += ((const ModelEntry *)g_ptr_array_index(g->entries, i))->roles->len > 0;
    trimmed += trims->len;
    g_ptr_array_unref(trims);
    model_cv_free(cv);
  }
  /* The runs exercise both merging and trimming, not only separate bars. */
  g_assert_cmpuint(merged_bars, >, 300);
  g_assert_cmpuint(trimmed, >, 100);
  g_free(before);
  g_rand_free(rng);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/model_roles/gap", test_gap);
  g_test_add_func("/model_roles/shape", test_shape);
  g_test_add_func("/model_roles/overlap", test_overlap);
  g_test_add_func("/model_roles/same-dates", test_same_dates);
  g_test_add_func("/model_roles/inside", test_inside);
  g_test_add_func("/model_roles/trim-within-precision", test_trim_within_precision);
  g_test_add_func("/model_roles/trim-days", test_trim_days);
  g_test_add_func("/model_roles/property", test_property);
  g_test_add_func("/model_roles/ongoing", test_ongoing);
  g_test_add_func("/model_roles/candidates", test_candidates);
  int status = g_test_run();
  g_clear_pointer(&last_trims, g_ptr_array_unref);
  return status;
}
