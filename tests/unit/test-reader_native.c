/* Unit tests for the native reader (doc/cv-format.md): CV text in, model and exact
 * messages out. The table, detection and sources are tested in test-reader.c. */
#include "testutil.h"

typedef struct {
  ModelCv *cv;
  DiagList *diags;
  char *messages; /* "LINE:COL: error: TEXT\n" per message, in the order added */
} Read;

static char *messages_of(const DiagList *diags)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < diag_len(diags); i++) {
    const Diag *d = diag_get(diags, i);
    g_string_append_printf(s, "%d:%d: %s: %s\n", d->line, d->column,
                           d->severity == DIAG_ERROR ? "error" : "warning", d->text);
  }
  return g_string_free(s, FALSE);
}

static Read read_with(const char *yaml, const ReaderOptions *opts)
{
  Read r = {0};
  r.diags = diag_list_new();
  r.cv = test_read_text("cv.yaml", yaml, strlen(yaml), opts, r.diags);
  r.messages = messages_of(r.diags);
  return r;
}

static ReaderOptions test_options(void)
{
  ReaderOptions opts = READER_DEFAULT_OPTIONS;
  opts.has_today = TRUE;
  opts.today = ymd(2026, 11, 25);
  opts.clock_today = ymd(2030, 1, 1);
  return opts;
}

static Read read_cv(const char *yaml)
{
  ReaderOptions opts = test_options();
  return read_with(yaml, &opts);
}

static void read_clear(Read *r)
{
  model_cv_free(r->cv);
  diag_list_free(r->diags);
  g_free(r->messages);
}

static const char *iso(DateDay day)
{
  static char buf[4][DATE_ISO_SIZE];
  static int next;
  next = (next + 1) % 4;
  return date_format_iso(day, buf[next]);
}

static const ModelRole *role_at(const ModelEntry *e, guint i)
{
  g_assert_cmpuint(i, <, e->roles->len);
  return &g_array_index(e->roles, ModelRole, i);
}

/* Expects exactly these messages (in the order added) and a failed or successful read. */
static void expect_messages(const Read *r, const char *expected)
{
  g_assert_cmpstr(r->messages, ==, expected);
}

static void expect_error(const char *yaml, const char *expected)
{
  Read r = read_cv(yaml);
  expect_messages(&r, expected);
  g_assert_null(r.cv);
  read_clear(&r);
}

static void expect_warning(const char *yaml, const char *expected)
{
  Read r = read_cv(yaml);
  expect_messages(&r, expected);
  g_assert_nonnull(r.cv);
  read_clear(&r);
}

static const char spec_example[] =
    "name: Ada Example\n"
    "headline: Numerical analysis and HPC\n"
    "today: 2026-11-25\n"
    "\n"
    "jobs:\n"
    "  - title: Senior Engineer\n"
    "    org: Example Labs\n"
    "    location: Zurich, Switzerland\n"
    "    start: 2023-11\n"
    "    end: present\n"
    "\n"
    "  - org: Big Research\n"
    "    location: Cambridge, UK\n"
    "    roles:\n"
    "      - {title: Resident, start: 2019-09, end: 2020-12}\n"
    "      - {title: Researcher, start: 2021-01}\n"
    "      - {title: Senior Researcher, start: 2022, end: 2023-10}\n"
    "\n"
    "education:\n"
    "  - title: PhD Computational Neuroscience\n"
    "    org: EPFL\n"
    "    start: 2015-03\n"
    "    end: 2019-06\n"
    "\n"
    "visiting:\n"
    "  - title: Visiting researcher\n"
    "    org: CREST, Indiana University\n"
    "    periods: [summer 2015, summer 2016, summer 2017]\n"
    "\n"
    "milestones:\n"
    "  - date: 2023-10\n"
    "    title: \"SOSP '23: Project Silica\"\n"
    "\n"
    "groups:\n"
    "  Volunteering:\n"
    "    - {title: Mentor, org: Code Club, start: 2018, end: 2020}\n";

static void test_spec_example(void)
{
  ReaderOptions opts = test_options();
  opts.has_today = FALSE;
  Read r = read_with(spec_example, &opts);
  expect_messages(&r, "");
  ModelCv *cv = r.cv;
  g_assert_nonnull(cv);
  g_assert_cmpstr(cv->file, ==, "cv.yaml");
  g_assert_cmpstr(cv->name, ==, "Ada Example");
  g_assert_cmpstr(cv->headline, ==, "Numerical analysis and HPC");
  g_assert_cmpstr(iso(cv->today), ==, "2026-11-25");
  g_assert_cmpuint(cv->groups->len, ==, 4);
  const char *keys[] = {"jobs", "education", "visiting", "Volunteering"};
  const char *names[] = {"Experience", "Education", "Visiting", "Volunteering"};
  for (guint i = 0; i < 4; i++) {
    ModelGroup *g = g_ptr_array_index(cv->groups, i);
    g_assert_cmpstr(g->key, ==, keys[i]);
    g_assert_cmpstr(g->name, ==, names[i]);
    g_assert_cmpint(g->builtin, ==, i < 3);
  }
  g_assert_cmpuint(model_cv_entry_count(cv), ==, 5);

  ModelEntry *e = entry_at(cv, 0, 0);
  g_assert_cmpstr(e->title, ==, "Senior Engineer");
  g_assert_cmpstr(e->org, ==, "Example Labs");
  g_assert_cmpstr(e->location, ==, "Zurich, Switzerland");
  g_assert_cmpint(e->line, ==, 6);
  g_assert_cmpint(e->column, ==, 5);
  g_assert_cmpuint(e->periods->len, ==, 1);
  g_assert_cmpstr(iso(period_at(e, 0)->start), ==, "2023-11-01");
  g_assert_cmpstr(iso(period_at(e, 0)->end), ==, "2026-11-25");
  g_assert_true(period_at(e, 0)->ongoing);

  e = entry_at(cv, 0, 1);
  g_assert_null(e->title);
  g_assert_cmpuint(e->roles->len, ==, 3);
  g_assert_cmpstr(role_at(e, 0)->title, ==, "Resident");
  g_assert_cmpstr(iso(role_at(e, 1)->span.start), ==, "2021-01-01");
  /* Omitted end: the day before the next role's start. */
  g_assert_cmpstr(iso(role_at(e, 1)->span.end), ==, "2021-12-31");
  g_assert_false(role_at(e, 1)->span.ongoing);
  g_assert_cmpstr(iso(role_at(e, 2)->span.end), ==, "2023-10-31");
  g_assert_cmpint(role_at(e, 2)->line, ==, 17);
  g_assert_cmpint(role_at(e, 2)->column, ==, 9);
  g_assert_cmpuint(e->periods->len, ==, 1);
  g_assert_cmpstr(iso(period_at(e, 0)->start), ==, "2019-09-01");
  g_assert_cmpstr(iso(period_at(e, 0)->end), ==, "2023-10-31");

  e = entry_at(cv, 2, 0);
  g_assert_cmpuint(e->periods->len, ==, 3);
  g_assert_cmpstr(iso(period_at(e, 2)->start), ==, "2017-06-01");
  g_assert_cmpstr(iso(period_at(e, 2)->end), ==, "2017-08-31");

  e = entry_at(cv, 3, 0);
  g_assert_cmpstr(iso(period_at(e, 0)->start), ==, "2018-01-01");
  g_assert_cmpstr(iso(period_at(e, 0)->end), ==, "2020-12-31");

  g_assert_cmpuint(cv->milestones->len, ==, 1);
  ModelMilestone *m = g_ptr_array_index(cv->milestones, 0);
  g_assert_cmpstr(m->title, ==, "SOSP '23: Project Silica");
  g_assert_cmpstr(iso(m->date), ==, "2023-10-01");
  g_assert_cmpint(m->precision, ==, DATE_PREC_MONTH);
  read_clear(&r);
}

static void test_today_sources(void)
{
  const char *with_today = "today: 2020-06\njobs:\n  - {title: A, start: 2019}\n";
  const char *without = "jobs:\n  - {title: A, start: 2019}\n";
  ReaderOptions opts = test_options();
  /* --today wins over the file. */
  Read r = read_with(with_today, &opts);
  g_assert_cmpstr(iso(r.cv->today), ==, "2026-11-25");
  read_clear(&r);
  /* The file's month means its last day; it wins over the clock. */
  opts.has_today = FALSE;
  r = read_with(with_today, &opts);
  g_assert_cmpstr(iso(r.cv->today), ==, "2020-06-30");
  g_assert_cmpstr(iso(period_at(entry_at(r.cv, 0, 0), 0)->end), ==, "2020-06-30");
  read_clear(&r);
  r = read_with(without, &opts);
  g_assert_cmpstr(iso(r.cv->today), ==, "2030-01-01");
  read_clear(&r);
  /* A bad `today` is an error even when --today is given. */
  expect_error("today: someday\njobs:\n  - {title: A, start: 2019}\n",
               "1:8: error: unparsable date 'someday': " DATE_FORMS_HINT
               " (words read as English)\n");
  expect_error("today: present\n", "1:8: error: today cannot be 'present'\n");
}

static void test_group_order_and_aliases(void)
{
  Read r = read_cv("groups:\n  Talks:\n    - {title: T, date: 2020}\n"
                   "degrees:\n  - {title: D, start: 2010, end: 2012}\n"
                   "jobs: []\nvisiting:\n"
                   "milestones:\n  - {date: 2021, title: B}\n  - {date: 2020-05-03, title: A}\n"
                   "  - {date: 2021, title: C}\n");
  expect_messages(&r, "");
  g_assert_cmpuint(r.cv->groups->len, ==, 2);
  ModelGroup *g = g_ptr_array_index(r.cv->groups, 0);
  g_assert_cmpstr(g->key, ==, "Talks");
  g_assert_false(g->builtin);
  g = g_ptr_array_index(r.cv->groups, 1);
  g_assert_cmpstr(g->key, ==, "education");
  g_assert_cmpstr(g->name, ==, "Education");
  g_assert_cmpint(g->line, ==, 4);
  g_assert_cmpint(g->column, ==, 1);
  /* Milestones sorted by date, file order kept among equal dates. */
  const char *order[] = {"A", "B", "C"};
  for (guint i = 0; i < 3; i++) {
    ModelMilestone *m = g_ptr_array_index(r.cv->milestones, i);
    g_assert_cmpstr(m->title, ==, order[i]);
  }
  read_clear(&r);

  expect_error("education:\n  - {title: A, date: 2019}\ndegrees:\n  - {title: B, date: 2019}\n",
               "3:1: error: 'degrees' is the same group as 'education' (line 1)\n");
}

static void test_dates_in_entries(void)
{
  Read r = read_cv("jobs:\n"
                   "  - {title: A, date: summer 2015}\n"
                   "  - {title: B, start: ~2011-03, end: c. Feb 2015}\n"
                   "  - {title: C, start: 2011, end: 2012, approximate: true}\n"
                   "  - {title: D, start: 2019-08-15, end: 2019-08-15}\n"
                   "  - {title: E, start: 2019, end: ongoing}\n"
                   "  - {title: F, start: 2019, end: 2019-01-01}\n"
                   "  - {title: G, start: '2019', end: }\n");
  expect_messages(&r, "");
  const DateSpan *s = period_at(entry_at(r.cv, 0, 0), 0);
  g_assert_cmpstr(iso(s->start), ==, "2015-06-01");
  g_assert_cmpstr(iso(s->end), ==, "2015-08-31");
  g_assert_false(s->ongoing);
  /* Each end keeps the precision it was written at, for the words about it. */
  g_assert_cmpint(s->start_precision, ==, DATE_PREC_SEASON);
  g_assert_cmpint(s->end_precision, ==, DATE_PREC_SEASON);
  s = period_at(entry_at(r.cv, 0, 1), 0);
  g_assert_cmpstr(iso(s->end), ==, "2015-02-28");
  g_assert_true(s->start_approx && s->end_approx);
  g_assert_cmpint(s->start_precision, ==, DATE_PREC_MONTH);
  g_assert_cmpint(s->end_precision, ==, DATE_PREC_MONTH);
  ModelEntry *e = entry_at(r.cv, 0, 2);
  g_assert_true(e->approximate);
  g_assert_true(period_at(e, 0)->start_approx && period_at(e, 0)->end_approx);
  g_assert_cmpint(period_at(e, 0)->start_precision, ==, DATE_PREC_YEAR);
  s = period_at(entry_at(r.cv, 0, 3), 0);
  g_assert_cmpint(s->start, ==, s->end);
  g_assert_cmpint(s->start_precision, ==, DATE_PREC_DAY);
  s = period_at(entry_at(r.cv, 0, 4), 0);
  g_assert_true(s->ongoing);
  g_assert_cmpstr(iso(s->end), ==, "2026-11-25");
  g_assert_cmpint(s->start_precision, ==, DATE_PREC_YEAR);
  s = period_at(entry_at(r.cv, 0, 5), 0);
  g_assert_cmpint(s->start_precision, ==, DATE_PREC_YEAR);
  g_assert_cmpint(s->end_precision, ==, DATE_PREC_DAY);
  s = period_at(entry_at(r.cv, 0, 6), 0);
  g_assert_true(s->ongoing);
  read_clear(&r);
}

static void test_periods(void)
{
  Read r = read_cv("visiting:\n"
                   "  - title: V\n"
                   "    approximate: true\n"
                   "    periods:\n"
                   "      - 2005/06\n"
                   "      - 2019-09..2020-12\n"
                   "      - 2021 to 2022\n"
                   "      - {start: 2003-02, end: 2003-05}\n"
                   "      - 2003-04 - 2003-08\n"
                   "      - {start: 2025}\n");
  expect_messages(&r, "");
  ModelEntry *e = entry_at(r.cv, 0, 0);
  /* Sorted by start; the two overlapping 2003 periods merged into one. */
  g_assert_cmpuint(e->periods->len, ==, 5);
  g_assert_cmpstr(iso(period_at(e, 0)->start), ==, "2003-02-01");
  g_assert_cmpstr(iso(period_at(e, 0)->end), ==, "2003-08-31");
  g_assert_cmpstr(iso(period_at(e, 1)->start), ==, "2005-09-01");
  g_assert_cmpstr(iso(period_at(e, 1)->end), ==, "2006-06-30");
  g_assert_cmpint(period_at(e, 1)->start_precision, ==, DATE_PREC_ACADEMIC);
  g_assert_cmpint(period_at(e, 1)->end_precision, ==, DATE_PREC_ACADEMIC);
  g_assert_cmpint(period_at(e, 2)->start_precision, ==, DATE_PREC_MONTH);
  g_assert_cmpstr(iso(period_at(e, 3)->end), ==, "2022-12-31");
  g_assert_cmpint(period_at(e, 3)->end_precision, ==, DATE_PREC_YEAR);
  /* Merged 2003 periods: the end is the later one's, written as a month. */
  g_assert_cmpint(period_at(e, 0)->end_precision, ==, DATE_PREC_MONTH);
  g_assert_true(period_at(e, 4)->ongoing);
  for (guint i = 0; i < e->periods->len; i++)
    g_assert_true(period_at(e, i)->start_approx && period_at(e, i)->end_approx);
  read_clear(&r);
}

/* The free-text forms RenderCV files use are periods too (issue 13): dashes without
 * spaces, two-digit end years, present, and lists as several periods. */
static void test_free_text_periods(void)
{
  Read r =
      read_cv("visiting:\n"
              "  - title: V\n"
              "    periods: ['2016-19', '2020\u20132021', 'summer 2022 and 2023', '2024, 2025',\n"
              "              '2026\u2013present']\n");
  expect_messages(&r, "");
  ModelEntry *e = entry_at(r.cv, 0, 0);
  g_assert_cmpuint(e->periods->len, ==, 7);
  g_assert_cmpstr(iso(period_at(e, 0)->start), ==, "2016-01-01");
  g_assert_cmpstr(iso(period_at(e, 0)->end), ==, "2019-12-31");
  g_assert_cmpstr(iso(period_at(e, 1)->start), ==, "2020-01-01");
  g_assert_cmpstr(iso(period_at(e, 1)->end), ==, "2021-12-31");
  g_assert_cmpstr(iso(period_at(e, 2)->start), ==, "2022-06-01");
  g_assert_cmpstr(iso(period_at(e, 2)->end), ==, "2022-08-31");
  g_assert_cmpstr(iso(period_at(e, 3)->start), ==, "2023-06-01");
  g_assert_cmpint(period_at(e, 3)->start_precision, ==, DATE_PREC_SEASON);
  g_assert_cmpstr(iso(period_at(e, 4)->end), ==, "2024-12-31");
  g_assert_cmpstr(iso(period_at(e, 5)->start), ==, "2025-01-01");
  g_assert_true(period_at(e, 6)->ongoing);
  read_clear(&r);
}

static void test_role_resolution(void)
{
  Read r = read_cv("jobs:\n"
                   "  - org: O\n"
                   "    roles:\n"
                   "      - {title: A, start: 2010-01, end: 2011-02}\n"
                   "      - {title: B, end: 2012-06}\n"
                   "      - {title: C, start: 2012-07}\n");
  expect_messages(&r, "");
  ModelEntry *e = entry_at(r.cv, 0, 0);
  g_assert_cmpstr(iso(role_at(e, 1)->span.start), ==, "2011-03-01");
  g_assert_cmpstr(iso(role_at(e, 1)->span.end), ==, "2012-06-30");
  /* A derived start takes the precision of the end it follows. */
  g_assert_cmpint(role_at(e, 1)->span.start_precision, ==, DATE_PREC_MONTH);
  g_assert_cmpint(role_at(e, 1)->span.end_precision, ==, DATE_PREC_MONTH);
  g_assert_true(role_at(e, 2)->span.ongoing);
  g_assert_cmpstr(iso(role_at(e, 2)->span.end), ==, "2026-11-25");
  g_assert_true(period_at(e, 0)->ongoing);
  read_clear(&r);

  expect_error("jobs:\n  - org: O\n    roles:\n      - {title: A, start: 2010}\n"
               "      - {title: B, end: 2012}\n",
               "4:9: error: the end of this role is unknown: it has no 'end' and the next role "
               "has no 'start'\n");
  expect_error("jobs:\n  - org: O\n    roles:\n      - {title: A, end: 2010}\n",
               "4:9: error: the first role needs a 'start'\n");
  expect_error("jobs:\n  - org: O\n    roles:\n      - {title: A, start: 2010, end: 2009}\n",
               "4:38: error: end (2009) is before start (2010)\n");
  expect_error("jobs:\n  - org: O\n    roles:\n      - {title: A, start: 2012}\n"
               "      - {title: B, start: 2011}\n",
               "4:9: error: end (2010-12-31, the day before the next role's start) is before "
               "start (2012)\n");
  expect_error("jobs:\n  - org: O\n    roles:\n      - {start: 2012}\n      - {title: B}\n"
               "      - []\n",
               "4:9: error: a role needs a 'title'\n"
               "5:9: error: a role needs a 'start' or an 'end'\n"
               "6:9: error: expected a mapping, found a list\n");
  expect_warning("jobs:\n  - org: O\n    roles:\n      - {title: A, start: 2010, end: 2011}\n"
                 "      - {title: B, start: 2011-06, end: 2012}\n"
                 "      - {title: C, start: 2013-03, end: 2014}\n",
                 "5:27: warning: role 'B' overlaps the previous role 'A': it starts 2011-06-01, "
                 "before 'A' ends 2011-12-31\n"
                 "6:27: warning: gap before role 'C': the previous role 'B' ends 2012-12-31, 'C' "
                 "starts 2013-03-01\n");
  expect_error("jobs:\n  - org: O\n    roles: []\n", "3:12: error: 'roles' is empty\n");
}

static void test_today_before_start(void)
{
  Read r = read_cv("jobs:\n  - {title: A, start: 2027-01}\n  - {title: B, start: 2020}\n"
                   "visiting:\n  - {title: V, periods: [2020, 2028..present]}\n");
  expect_messages(&r, "2:23: warning: today (2026-11-25) is before start (2027-01); the ongoing "
                      "period is left out\n"
                      "5:32: warning: today (2026-11-25) is before the start of period "
                      "'2028..present'; the period is left out\n");
  g_assert_nonnull(r.cv);
  g_assert_cmpuint(entry_at(r.cv, 0, 0)->periods->len, ==, 0);
  g_assert_cmpuint(entry_at(r.cv, 0, 1)->periods->len, ==, 1);
  g_assert_cmpuint(entry_at(r.cv, 1, 0)->periods->len, ==, 1);
  read_clear(&r);
}

static void test_entry_shape_errors(void)
{
  expect_error("jobs:\n  - {title: A}\n",
               "2:5: error: an entry needs one of 'start', 'date', 'periods' or 'roles'\n");
  expect_error("jobs:\n  - {title: A, start: 2010, date: 2011}\n",
               "2:29: error: 'date' cannot be combined with 'start': an entry has exactly one of "
               "'start', 'date', 'periods' or 'roles'\n");
  expect_error("jobs:\n  - {title: A, end: 2010}\n", "2:16: error: 'end' without 'start'\n");
  expect_error("jobs:\n  - {location: X, start: 2010}\n",
               "2:5: error: an entry needs a 'title' or an 'org'\n");
  expect_error("jobs:\n  - {title: A, start: present}\n",
               "2:23: error: start cannot be 'present'\n");
  expect_error("jobs:\n  - {title: A, start: 2019-08, end: 2019-06}\n",
               "2:37: error: end (2019-06) is before start (2019-08)\n");
  expect_error("jobs:\n  - {title: A, start: [2019]}\n",
               "2:23: error: expected a date, found a list\n");
  expect_error("jobs:\n  - {title: A, start: Agust 2019}\n",
               "2:23: error: unparsable date 'Agust 2019': " DATE_FORMS_HINT
               " (words read as English)\n");
  expect_error("jobs:\n  - {title: A, start: 2024-09-31}\n",
               "2:23: error: impossible date '2024-09-31': September has 30 days\n");
  expect_error("jobs:\n  - {title: [A], start: 2019, approximate: maybe}\n",
               "2:13: error: expected a string, found a list\n"
               "2:44: error: expected true or false, found 'maybe'\n");
  expect_error(
      "visiting:\n  - {title: A, periods: [2019..2018, present, 2005/07, [1], {end: 2010}]}\n",
      "2:26: error: period '2019..2018' ends before it starts\n"
      "2:38: error: a period cannot start at 'present'\n"
      "2:47: error: unparsable period '2005/07': expected a date, a range such as "
      "'2019-09..2020-12' or an academic year such as '2005/06' (words read as English)\n"
      "2:56: error: expected a date or a mapping, found a list\n"
      "2:61: error: a period needs a 'start'\n");
  expect_error("visiting:\n  - {title: A, periods: {start: 2010}}\n",
               "2:25: error: expected a list, found a mapping\n");
  expect_error("milestones:\n  - {title: A}\n  - {date: 2019}\n  - {date: now, title: B}\n",
               "2:5: error: a milestone needs a 'date'\n"
               "3:5: error: a milestone needs a 'title'\n"
               "4:12: error: date cannot be 'now'\n");
}

static void test_type_errors(void)
{
  expect_error("- a\n- b\n", "1:1: error: expected a mapping at the top level, found a list\n");
  expect_error("just text\n", "1:1: error: expected a mapping at the top level, found a string\n");
  expect_error("", "1:1: error: the file is empty: expected a mapping at the top level\n");
  expect_error("jobs: {a: 1}\n", "1:7: error: expected a list, found a mapping\n");
  expect_error("jobs: text\n", "1:7: error: expected a list, found a string\n");
  expect_error("jobs:\n  - text\n  -\n", "2:5: error: expected a mapping, found a string\n"
                                         "3:4: error: expected a mapping, found an empty value\n");
  expect_error("groups: [a]\n", "1:9: error: expected a mapping, found a list\n");
  expect_error("name: [a]\n", "1:7: error: expected a string, found a list\n");
}

static void test_all_errors_reported(void)
{
  Read r = read_cv("jobs:\n"
                   "  - {title: A, start: 2019-13}\n"
                   "  - {title: B, start: 2019, end: 2018}\n"
                   "  - {title: OK, start: 2019}\n"
                   "education:\n"
                   "  - {org: C}\n"
                   "milestones:\n"
                   "  - {title: M}\n");
  g_assert_null(r.cv);
  g_assert_cmpuint(diag_error_count(r.diags), ==, 4);
  read_clear(&r);
}

static void test_unknown_keys(void)
{
  expect_warning("jbos:\n  - {title: A, start: 2019, lcation: X}\nfoo: 1\n"
                 "milestones:\n  - {date: 2019, title: M, dat: 2}\n",
                 "1:1: warning: unknown key 'jbos' (did you mean 'jobs'?)\n"
                 "3:1: warning: unknown key 'foo'\n"
                 "5:28: warning: unknown key 'dat' (did you mean 'date'?)\n");
  expect_warning("jobs:\n  - {title: A, start: 2019, lcation: X}\n",
                 "2:29: warning: unknown key 'lcation' (did you mean 'location'?)\n");
}

static void test_strict(void)
{
  ReaderOptions opts = test_options();
  DiagList *diags = diag_list_new();
  diag_set_strict(diags, TRUE);
  const char *yaml = "jobs:\n  - {title: A, start: 2019, colour: red}\n";
  g_assert_null(test_read_text("cv.yaml", yaml, strlen(yaml), &opts, diags));
  /* Failed because of the unknown key, now an error, and for nothing else. */
  g_assert_cmpuint(diag_len(diags), ==, 1);
  assert_diag(diags, 0, DIAG_ERROR, 2, 29, "unknown key 'colour'");
  diag_list_free(diags);
}

static void test_guards(void)
{
  ReaderOptions opts = test_options();
  opts.max_entries = 2;
  Read r = read_with("jobs:\n  - {title: A, date: 2019}\n  - {title: B, date: 2019}\n"
                     "  - {title: C, date: 2019}\n  - {title: D, date: 2019}\n",
                     &opts);
  expect_messages(&r, "4:5: error: more than 2 entries and milestones; the rest is not read\n");
  g_assert_null(r.cv);
  read_clear(&r);

  opts = test_options();
  opts.max_text_chars = 5;
  r = read_with("jobs:\n  - {title: Abcdefgh, org: Abcde, date: 2019}\n", &opts);
  expect_messages(&r, "2:13: warning: text longer than 5 characters, shortened\n");
  g_assert_nonnull(r.cv);
  ModelEntry *e = entry_at(r.cv, 0, 0);
  g_assert_cmpuint(g_utf8_strlen(e->title, -1), <=, 5);
  g_assert_true(g_str_has_prefix(e->title, "Abcd"));
  g_assert_cmpstr(e->org, ==, "Abcde");
  read_clear(&r);
}

/* A forced native format reads a JSON Resume-looking file natively. */
static void test_forced(void)
{
  ReaderOptions opts = test_options();
  opts.format = &reader_format_native;
  Read r = read_with("work: []\n", &opts);
  expect_messages(&r, "1:1: warning: unknown key 'work'\n");
  read_clear(&r);
}

/* `approximate` takes the one boolean vocabulary of strutil_parse_bool, as styles do. */
static void test_bool_words(void)
{
  Read r = read_cv("jobs:\n"
                   "  - {title: A, start: 2011, end: 2012, approximate: yes}\n"
                   "  - {title: B, start: 2011, end: 2012, approximate: On}\n"
                   "  - {title: C, start: 2011, end: 2012, approximate: no}\n"
                   "  - {title: D, start: 2011, end: 2012, approximate: FALSE}\n");
  expect_messages(&r, "");
  g_assert_true(entry_at(r.cv, 0, 0)->approximate);
  g_assert_true(entry_at(r.cv, 0, 1)->approximate);
  g_assert_false(entry_at(r.cv, 0, 2)->approximate);
  g_assert_false(entry_at(r.cv, 0, 3)->approximate);
  read_clear(&r);
}

/* The model holds text as readctx_text cleaned it: a group name of bidi controls only is
 * empty, and a refused url is a warning and no url. */
static void test_clean_text_and_urls(void)
{
  Read r =
      read_cv("name: \"A\\u202Eda\\uFFFE\"\n"
              "groups:\n"
              "  \"\\u202E\\u2066\": [{title: X, date: 2019}]\n"
              "jobs:\n"
              "  - {title: \" T\\x07itle \", date: 2019, url: \"file:///etc\", note: \"a\\nb\"}\n"
              "milestones:\n"
              "  - {title: M, date: 2019, url: \"https://ok.example\"}\n");
  expect_messages(&r,
                  "3:3: error: a group name cannot be empty\n"
                  "5:45: warning: url 'file:///etc' is not http, https or mailto: not linked\n");
  g_assert_null(r.cv);
  read_clear(&r);
  r = read_cv("name: \"A\\u202Eda\\uFFFE\"\n"
              "jobs:\n"
              "  - {title: \" T\\x07itle \", date: 2019, url: \"file:///etc\", note: \"a\\nb\"}\n"
              "milestones:\n"
              "  - {title: M, date: 2019, url: \"https://ok.example\"}\n");
  g_assert_nonnull(r.cv);
  g_assert_cmpstr(r.cv->name, ==, "Ada");
  ModelEntry *e = entry_at(r.cv, 0, 0);
  g_assert_cmpstr(e->title, ==, "T itle");
  g_assert_cmpstr(e->note, ==, "a b");
  g_assert_null(e->url);
  g_assert_cmpstr(((ModelMilestone *)g_ptr_array_index(r.cv->milestones, 0))->url, ==,
                  "https://ok.example");
  read_clear(&r);
}

/* `language:` picks the words dates are read in and the built-in groups' names; --lang
 * overrides the chart's language but not the reading of the file's own words. */
static void test_language(void)
{
  const char *yaml = "jobs:\n"
                     "  - title: Entwicklerin\n"
                     "    start: März 2019\n"
                     "    end: heute\n"
                     "  - title: Praktikum\n"
                     "    start: Aug 2017\n"
                     "    end: Sommer 2018\n"
                     "language: de\n";
  Read r = read_cv(yaml);
  expect_messages(&r, "");
  g_assert_nonnull(r.cv);
  g_assert_cmpstr(lang_code(r.cv->language), ==, "de");
  const ModelGroup *jobs = g_ptr_array_index(r.cv->groups, 0);
  g_assert_cmpstr(jobs->name, ==, "Berufserfahrung");
  const ModelEntry *e = g_ptr_array_index(jobs->entries, 0);
  g_assert_cmpstr(iso(period_at(e, 0)->start), ==, "2019-03-01");
  g_assert_true(period_at(e, 0)->ongoing);
  e = g_ptr_array_index(jobs->entries, 1);
  g_assert_cmpstr(iso(period_at(e, 0)->end), ==, "2018-08-31");
  read_clear(&r);

  /* --lang fr: the chart speaks French, the German dates still read. */
  ReaderOptions opts = test_options();
  opts.lang = lang_find("fr");
  r = read_with(yaml, &opts);
  expect_messages(&r, "");
  g_assert_cmpstr(lang_code(r.cv->language), ==, "fr");
  jobs = g_ptr_array_index(r.cv->groups, 0);
  g_assert_cmpstr(jobs->name, ==, "Expérience professionnelle");
  read_clear(&r);

  /* --lang alone: a CV naming no language is read in it too. */
  opts.lang = lang_find("es");
  r = read_with("education:\n  - title: Grado\n    start: marzo de 2015\n    end: actualidad\n",
                &opts);
  expect_messages(&r, "");
  g_assert_cmpstr(((ModelGroup *)g_ptr_array_index(r.cv->groups, 0))->name, ==, "Formación");
  read_clear(&r);

  /* No language: English names, English words. */
  r = read_cv("jobs:\n  - title: X\n    start: 2019\n");
  g_assert_cmpstr(lang_code(r.cv->language), ==, "en");
  g_assert_cmpstr(((ModelGroup *)g_ptr_array_index(r.cv->groups, 0))->name, ==, "Experience");
  read_clear(&r);

  /* An unknown language is a warning; a list an error. */
  r = read_cv("language: tlh\njobs:\n  - title: X\n    start: 2019\n");
  expect_messages(&r, "1:11: warning: unknown language 'tlh': words are read and written in "
                      "English (languages: en, de, fr, es, pt, it, pl, nl, tr, zh, ja)\n");
  g_assert_nonnull(r.cv);
  read_clear(&r);
  expect_error("language: [de]\njobs:\n  - title: X\n    start: 2019\n",
               "1:11: error: expected a string, found a list\n");
  /* Lists and free-text ranges in the CV's words (issue 13's forms). */
  r = read_cv("language: de\nvisiting:\n  - title: V\n"
              "    periods: ['Sommer 2019 und 2020', 'Frühling und Herbst 2021', 'März 2022–heute']\n");
  expect_messages(&r, "");
  const ModelEntry *v = entry_at(r.cv, 0, 0);
  g_assert_cmpuint(v->periods->len, ==, 5);
  g_assert_cmpstr(iso(period_at(v, 1)->start), ==, "2020-06-01");
  g_assert_cmpstr(iso(period_at(v, 3)->start), ==, "2021-09-01");
  g_assert_cmpstr(iso(period_at(v, 4)->start), ==, "2022-03-01");
  g_assert_true(period_at(v, 4)->ongoing);
  read_clear(&r);
  /* The error names the languages tried; a period too, and a list. */
  expect_error("language: de\njobs:\n  - title: X\n    periods: [été 2019 et 2020]\n",
               "4:15: error: unparsable period 'été 2019 et 2020': expected a date, a range such "
               "as '2019-09..2020-12' or an academic year such as '2005/06' (words read as "
               "German, then English); as French it is a date: set the CV's language to 'fr'\n");
  expect_error("language: de\njobs:\n  - title: X\n    periods: [septembre 2015]\n",
               "4:15: error: unparsable period 'septembre 2015': expected a date, a range such "
               "as '2019-09..2020-12' or an academic year such as '2005/06' (words read as "
               "German, then English); as French it is a date: set the CV's language to 'fr'\n");
}

/* reader_native_mappings names every kind of mapping reader_native_keys knows, and only
 * those: --print-keys prints them all, so the schema test sees a new one. */
static void test_mappings(void)
{
  const char *const *m = reader_native_mappings();
  guint n = 0;
  for (; m[n] != NULL; n++)
    g_assert_nonnull(reader_native_keys(m[n]));
  g_assert_cmpuint(n, ==, 5);
  g_assert_cmpstr(m[0], ==, "top");
  g_assert_null(reader_native_keys("resume"));
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/reader/native/spec-example", test_spec_example);
  g_test_add_func("/reader/native/today", test_today_sources);
  g_test_add_func("/reader/native/groups", test_group_order_and_aliases);
  g_test_add_func("/reader/native/dates", test_dates_in_entries);
  g_test_add_func("/reader/native/periods", test_periods);
  g_test_add_func("/reader/native/free_text_periods", test_free_text_periods);
  g_test_add_func("/reader/native/role-resolution", test_role_resolution);
  g_test_add_func("/reader/native/today-before-start", test_today_before_start);
  g_test_add_func("/reader/native/entry-errors", test_entry_shape_errors);
  g_test_add_func("/reader/native/type-errors", test_type_errors);
  g_test_add_func("/reader/native/all-errors", test_all_errors_reported);
  g_test_add_func("/reader/native/unknown-keys", test_unknown_keys);
  g_test_add_func("/reader/native/strict", test_strict);
  g_test_add_func("/reader/native/guards", test_guards);
  g_test_add_func("/reader/native/forced", test_forced);
  g_test_add_func("/reader/native/bool-words", test_bool_words);
  g_test_add_func("/reader/native/clean-text-and-urls", test_clean_text_and_urls);
  g_test_add_func("/reader/native/language", test_language);
  g_test_add_func("/reader/native/mappings", test_mappings);
  return g_test_run();
}
