/* Unit tests of the JSON Resume reader (doc/importing.md), with the role merging it
 * applies (model_merge_roles; its own cases are in test-model_roles.c). */
#include "testutil.h"

static ReaderOptions test_options(gboolean merge)
{
  ReaderOptions opts = READER_DEFAULT_OPTIONS;
  opts.format = &reader_format_jsonresume;
  opts.has_today = TRUE;
  opts.today = ymd(2026, 11, 25);
  opts.clock_today = ymd(2030, 1, 1);
  opts.merge_roles = merge;
  return opts;
}

/* Parses @json and reads it; *@diags_out keeps the messages (caller frees). */
static ModelCv *read_json_opts(const char *json, const ReaderOptions *opts, DiagList **diags_out)
{
  *diags_out = diag_list_new();
  return test_read_text("cv.json", json, strlen(json), opts, *diags_out);
}

static ModelCv *read_json(const char *json, DiagList **diags_out)
{
  ReaderOptions opts = test_options(TRUE);
  return read_json_opts(json, &opts, diags_out);
}

static void test_basics_and_work(void)
{
  DiagList *diags;
  ModelCv *cv =
      read_json("{\n"
                "  \"basics\": {\"name\": \"Ada\", \"label\": \"HPC\"},\n"
                "  \"work\": [\n"
                "    {\"name\": \"Labs\", \"position\": \"Engineer\", \"url\": \"https://l\",\n"
                "     \"location\": \"Zurich\", \"startDate\": \"2023-11\"},\n"
                "    {\"name\": \"Uni\", \"position\": \"TA\", \"startDate\": \"2010\",\n"
                "     \"endDate\": \"2011-02-15\"}\n"
                "  ]\n"
                "}\n",
                &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpstr(cv->name, ==, "Ada");
  g_assert_cmpstr(cv->headline, ==, "HPC");
  g_assert_cmpint(cv->today, ==, ymd(2026, 11, 25));
  g_assert_cmpuint(cv->groups->len, ==, 1);
  ModelGroup *g = g_ptr_array_index(cv->groups, 0);
  g_assert_cmpstr(g->key, ==, "jobs");
  g_assert_cmpstr(g->name, ==, "Experience");
  g_assert_true(g->builtin);
  g_assert_cmpint(g->line, ==, 3);
  g_assert_cmpint(g->column, ==, 3);
  ModelEntry *e = entry_at(cv, 0, 0);
  g_assert_cmpstr(e->title, ==, "Engineer");
  g_assert_cmpstr(e->org, ==, "Labs");
  g_assert_cmpstr(e->url, ==, "https://l");
  g_assert_cmpstr(e->location, ==, "Zurich");
  g_assert_cmpint(e->line, ==, 4);
  g_assert_cmpint(e->column, ==, 5);
  g_assert_cmpuint(e->periods->len, ==, 1);
  g_assert_cmpint(period_at(e, 0)->start, ==, ymd(2023, 11, 1));
  g_assert_cmpint(period_at(e, 0)->end, ==, ymd(2026, 11, 25));
  g_assert_true(period_at(e, 0)->ongoing);
  e = entry_at(cv, 0, 1);
  g_assert_cmpint(period_at(e, 0)->start, ==, ymd(2010, 1, 1));
  g_assert_cmpint(period_at(e, 0)->end, ==, ymd(2011, 2, 15));
  g_assert_false(period_at(e, 0)->ongoing);
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_older_names(void)
{
  DiagList *diags;
  ModelCv *cv = read_json("{\"work\": [{\"company\": \"Old Co\", \"website\": \"http://o\",\n"
                          "  \"position\": \"Dev\", \"startDate\": \"2001-01-01\",\n"
                          "  \"endDate\": \"\"}],\n"
                          " \"awards\": [{\"title\": \"Prize\", \"awardDate\": \"2004-05\"}],\n"
                          " \"publications\": [{\"name\": \"Paper\", \"releaseDate\": \"2003\"}],\n"
                          " \"certificates\": [{\"name\": \"Cert\", \"date\": \"2005-02-03\"}]}\n",
                          &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  ModelEntry *e = entry_at(cv, 0, 0);
  g_assert_cmpstr(e->org, ==, "Old Co");
  g_assert_cmpstr(e->url, ==, "http://o");
  /* An empty endDate, as many exporters write, means present. */
  g_assert_true(period_at(e, 0)->ongoing);
  g_assert_cmpuint(cv->milestones->len, ==, 3);
  ModelMilestone *m = g_ptr_array_index(cv->milestones, 0);
  g_assert_cmpstr(m->title, ==, "Paper");
  g_assert_cmpint(m->date, ==, ymd(2003, 1, 1));
  g_assert_cmpint(m->precision, ==, DATE_PREC_YEAR);
  m = g_ptr_array_index(cv->milestones, 1);
  g_assert_cmpstr(m->title, ==, "Prize");
  g_assert_cmpint(m->date, ==, ymd(2004, 5, 1));
  g_assert_cmpint(m->precision, ==, DATE_PREC_MONTH);
  m = g_ptr_array_index(cv->milestones, 2);
  g_assert_cmpstr(m->title, ==, "Cert");
  g_assert_cmpint(m->precision, ==, DATE_PREC_DAY);
  model_cv_free(cv);
  diag_list_free(diags);
}

/* The 2014 drafts before schema 0.0.0 (issue 13): `bio` with `firstName` and `lastName`
 * (the chart was untitled), `bio.name`, a top-level `name`, `education[].name` for the
 * institution and `awards[].name`; detected by `bio` alone too. */
static void test_pre_0_0_0(void)
{
  DiagList *diags;
  ReaderOptions opts = test_options(TRUE);
  opts.format = NULL; /* detected */
  ModelCv *cv = read_json_opts(
      "{\"bio\": {\"firstName\": \"Ada\", \"lastName\": \"Example\", \"email\": {\"work\": "
      "\"\"}},\n"
      " \"education\": [{\"name\": \"Uni\", \"studyType\": \"BS\", \"startDate\": \"2010\",\n"
      "   \"endDate\": \"2014\"}],\n"
      " \"awards\": [{\"name\": \"Prize\", \"date\": \"2013\"}]}\n",
      &opts, &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpstr(cv->name, ==, "Ada Example");
  g_assert_cmpstr(entry_at(cv, 0, 0)->org, ==, "Uni");
  g_assert_cmpstr(entry_at(cv, 0, 0)->title, ==, "BS");
  g_assert_cmpstr(((ModelMilestone *)g_ptr_array_index(cv->milestones, 0))->title, ==, "Prize");
  model_cv_free(cv);
  diag_list_free(diags);

  cv = read_json("{\"bio\": {\"name\": \"Bo\", \"firstName\": \"B\"},\n"
                 " \"work\": [{\"company\": \"Co\", \"startDate\": \"2010\"}]}\n",
                 &diags);
  g_assert_cmpstr(cv->name, ==, "Bo");
  model_cv_free(cv);
  diag_list_free(diags);
  cv = read_json("{\"bio\": {\"lastName\": \"Lovelace\"},\n"
                 " \"work\": [{\"company\": \"Co\", \"startDate\": \"2010\"}]}\n",
                 &diags);
  g_assert_cmpstr(cv->name, ==, "Lovelace");
  model_cv_free(cv);
  diag_list_free(diags);
  /* The first drafts: a top-level name, `bio` a text. */
  cv = read_json(
      "{\"name\": \"Cy\", \"bio\": \"Writes code.\",\n"
      " \"work\": [{\"name\": \"Co\", \"position\": \"Dev\", \"startDate\": \"2010\"}]}\n",
      &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpstr(cv->name, ==, "Cy");
  model_cv_free(cv);
  diag_list_free(diags);
  /* `basics` wins over a `bio` beside it, in either order. */
  cv = read_json("{\"bio\": {\"name\": \"Old\"}, \"basics\": {\"name\": \"New\"},\n"
                 " \"work\": [{\"name\": \"Co\", \"startDate\": \"2010\"}]}\n",
                 &diags);
  g_assert_cmpstr(cv->name, ==, "New");
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_groups_in_file_order(void)
{
  DiagList *diags;
  ModelCv *cv = read_json(
      "{\"projects\": [{\"name\": \"Loader\", \"startDate\": \"2024-02\", \"endDate\": "
      "\"2024-05\"}],\n"
      " \"education\": [{\"institution\": \"EPFL\", \"studyType\": \"PhD\", \"area\": \"Neuro\",\n"
      "   \"startDate\": \"2015\", \"endDate\": \"2019\"},\n"
      "  {\"institution\": \"Lisbon\", \"area\": \"CS\", \"startDate\": \"2005\", \"endDate\": "
      "\"2007\"},\n"
      "  {\"institution\": \"School\", \"studyType\": \"Diploma\", \"startDate\": \"2002\",\n"
      "   \"endDate\": \"2005\"}],\n"
      " \"volunteer\": [{\"organization\": \"Club\", \"position\": \"Mentor\",\n"
      "   \"startDate\": \"2018\", \"endDate\": \"2020\"}],\n"
      " \"work\": []}\n",
      &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpuint(cv->groups->len, ==, 3); /* the empty work list draws nothing */
  ModelGroup *g = g_ptr_array_index(cv->groups, 0);
  g_assert_cmpstr(g->key, ==, "Projects");
  g_assert_false(g->builtin);
  g_assert_cmpstr(entry_at(cv, 0, 0)->title, ==, "Loader");
  g = g_ptr_array_index(cv->groups, 1);
  g_assert_cmpstr(g->key, ==, "education");
  g_assert_true(g->builtin);
  g_assert_cmpstr(entry_at(cv, 1, 0)->title, ==, "PhD in Neuro");
  g_assert_cmpstr(entry_at(cv, 1, 0)->org, ==, "EPFL");
  g_assert_cmpint(period_at(entry_at(cv, 1, 0), 0)->end, ==, ymd(2019, 12, 31));
  g_assert_cmpint(period_at(entry_at(cv, 1, 0), 0)->start_precision, ==, DATE_PREC_YEAR);
  g_assert_cmpint(period_at(entry_at(cv, 1, 0), 0)->end_precision, ==, DATE_PREC_YEAR);
  g_assert_cmpstr(entry_at(cv, 1, 1)->title, ==, "CS");
  g_assert_cmpstr(entry_at(cv, 1, 2)->title, ==, "Diploma");
  g = g_ptr_array_index(cv->groups, 2);
  g_assert_cmpstr(g->key, ==, "Volunteering");
  g_assert_cmpstr(entry_at(cv, 2, 0)->title, ==, "Mentor");
  g_assert_cmpstr(entry_at(cv, 2, 0)->org, ==, "Club");
  model_cv_free(cv);
  diag_list_free(diags);
}

/* Three roles at one employer, newest first as JSON Resume files list them. */
static const char *roles_json = "{\"work\": [\n"
                                "{\"name\": \"Big\", \"position\": \"Senior\", \"startDate\": "
                                "\"2022-01\", \"endDate\": \"2023-10\"},\n"
                                "{\"name\": \"big\", \"position\": \"Researcher\", \"startDate\": "
                                "\"2021-01\", \"endDate\": \"2021-12\"},\n"
                                "{\"name\": \"Big\", \"position\": \"Resident\", \"startDate\": "
                                "\"2019-09\", \"endDate\": \"2020-12\", \"location\": \"UK\"},\n"
                                "{\"name\": \"Other\", \"position\": \"Postdoc\", \"startDate\": "
                                "\"2019-03\", \"endDate\": \"2019-08\"}\n"
                                "]}\n";

static void test_merge_roles(void)
{
  DiagList *diags;
  ModelCv *cv = read_json(roles_json, &diags);
  g_assert_nonnull(cv);
  ModelGroup *g = g_ptr_array_index(cv->groups, 0);
  g_assert_cmpuint(g->entries->len, ==, 2);
  ModelEntry *e = entry_at(cv, 0, 0);
  g_assert_null(e->title);
  g_assert_cmpstr(e->org, ==, "Big");
  g_assert_cmpstr(e->location, ==, "UK");
  g_assert_cmpint(e->line, ==, 2);
  g_assert_cmpuint(e->roles->len, ==, 3);
  g_assert_cmpuint(e->periods->len, ==, 1);
  g_assert_cmpint(period_at(e, 0)->start, ==, ymd(2019, 9, 1));
  g_assert_cmpint(period_at(e, 0)->end, ==, ymd(2023, 10, 31));
  const char *titles[] = {"Resident", "Researcher", "Senior"};
  const int lines[] = {4, 3, 2};
  for (guint i = 0; i < 3; i++) {
    ModelRole *r = &g_array_index(e->roles, ModelRole, i);
    g_assert_cmpstr(r->title, ==, titles[i]);
    g_assert_cmpint(r->line, ==, lines[i]);
  }
  g_assert_cmpint(g_array_index(e->roles, ModelRole, 1).span.start, ==, ymd(2021, 1, 1));
  g_assert_cmpint(g_array_index(e->roles, ModelRole, 1).span.end, ==, ymd(2021, 12, 31));
  g_assert_cmpstr(entry_at(cv, 0, 1)->title, ==, "Postdoc");
  model_cv_free(cv);
  diag_list_free(diags);

  ReaderOptions opts = test_options(FALSE);
  cv = read_json_opts(roles_json, &opts, &diags);
  g_assert_nonnull(cv);
  g = g_ptr_array_index(cv->groups, 0);
  g_assert_cmpuint(g->entries->len, ==, 4);
  g_assert_cmpuint(entry_at(cv, 0, 0)->roles->len, ==, 0);
  model_cv_free(cv);
  diag_list_free(diags);
}

/* The reproductions: identical dates at one company (two bars), a role whose
 * later part overlaps the next (both whole), and a one-month overlap, trimmed with a
 * warning at the trimmed role. */
static void test_merge_overlaps(void)
{
  DiagList *diags;
  ModelCv *cv =
      read_json("{\"work\": [\n"
                "{\"name\": \"Co\", \"position\": \"Junior Web/Android Developer\",\n"
                " \"startDate\": \"2015-10-01\", \"endDate\": \"2016-08-01\"},\n"
                "{\"name\": \"Co\", \"position\": \"Intern\",\n"
                " \"startDate\": \"2015-10-01\", \"endDate\": \"2016-08-01\"},\n"
                "{\"name\": \"Org\", \"position\": \"B\", \"startDate\": \"2017-01\", \"endDate\": "
                "\"2020-12\"},\n"
                "{\"name\": \"Org\", \"position\": \"A\", \"startDate\": \"2015-01\", \"endDate\": "
                "\"2018-12\"},\n"
                "{\"name\": \"Lab\", \"position\": \"Two\", \"startDate\": \"2019-06\"},\n"
                "{\"name\": \"Lab\", \"position\": \"One\", \"startDate\": \"2017-01\", "
                "\"endDate\": \"2019-06\"}\n"
                "]}\n",
                &diags);
  g_assert_nonnull(cv);
  ModelGroup *g = g_ptr_array_index(cv->groups, 0);
  g_assert_cmpuint(g->entries->len, ==, 5);
  g_assert_cmpstr(entry_at(cv, 0, 0)->title, ==, "Junior Web/Android Developer");
  g_assert_cmpstr(entry_at(cv, 0, 1)->title, ==, "Intern");
  g_assert_cmpstr(entry_at(cv, 0, 2)->title, ==, "B");
  g_assert_cmpstr(entry_at(cv, 0, 3)->title, ==, "A");
  g_assert_cmpint(period_at(entry_at(cv, 0, 3), 0)->end, ==, ymd(2018, 12, 31));
  ModelEntry *lab = entry_at(cv, 0, 4);
  g_assert_cmpuint(lab->roles->len, ==, 2);
  g_assert_cmpint(g_array_index(lab->roles, ModelRole, 0).span.end, ==, ymd(2019, 5, 31));
  g_assert_cmpuint(diag_len(diags), ==, 1);
  assert_diag(diags, 0, DIAG_WARNING, 9, 1,
              "role 'One' at 'Lab' overlaps the next role 'Two' from 2019-06-01 to 2019-06-30: "
              "drawn ending 2019-05-31");
  model_cv_free(cv);
  diag_list_free(diags);
}

/* An impossible day, which JSON Resume's date pattern accepts: a warning saying what is
 * wrong, and the month's last day (issue 13). */
static void test_impossible_day(void)
{
  DiagList *diags;
  ModelCv *cv = read_json("{\"work\": [{\"name\": \"Co\", \"position\": \"Dev\",\n"
                          "  \"startDate\": \"2023-02-29\", \"endDate\": \"2024-09-31\"}]}\n",
                          &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_error_count(diags), ==, 0);
  assert_diag(diags, 0, DIAG_WARNING, 2, 16,
              "impossible date '2023-02-29': February 2023 has 28 days; read as 2023-02-28");
  assert_diag(diags, 1, DIAG_WARNING, 2, 41,
              "impossible date '2024-09-31': September has 30 days; read as 2024-09-30");
  g_assert_cmpint(period_at(entry_at(cv, 0, 0), 0)->start, ==, ymd(2023, 2, 28));
  g_assert_cmpint(period_at(entry_at(cv, 0, 0), 0)->end, ==, ymd(2024, 9, 30));
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_errors(void)
{
  DiagList *diags;
  ModelCv *cv = read_json("{\n"
                          "  \"work\": [\n"
                          "    {\"name\": \"A\", \"startDate\": \"2019-13\"},\n"
                          "    {\"name\": \"B\", \"startDate\": \"2019\", \"endDate\": \"2018\"},\n"
                          "    {\"name\": [\"C\"], \"startDate\": \"2019\"},\n"
                          "    \"D\"\n"
                          "  ],\n"
                          "  \"education\": {\"institution\": \"E\"},\n"
                          "  \"awards\": [{\"title\": \"F\", \"date\": \"soon\"}]\n"
                          "}\n",
                          &diags);
  g_assert_null(cv);
  g_assert_cmpuint(diag_error_count(diags), ==, 6);
  assert_diag(diags, 0, DIAG_ERROR, 3, 32, "unparsable date '2019-13': expected");
  assert_diag(diags, 1, DIAG_ERROR, 4, 51, "end (2018) is before start (2019)");
  assert_diag(diags, 2, DIAG_ERROR, 5, 14, "expected a string, found a list");
  assert_diag(diags, 3, DIAG_ERROR, 6, 5, "expected a mapping, found a string");
  assert_diag(diags, 4, DIAG_ERROR, 8, 16, "expected a list, found a mapping");
  assert_diag(diags, 5, DIAG_ERROR, 9, 37, "unparsable date 'soon': expected");
  diag_list_free(diags);

  cv = read_json("[1, 2]", &diags);
  g_assert_null(cv);
  assert_diag(diags, 0, DIAG_ERROR, 1, 1, "expected a mapping at the top level, found a list");
  diag_list_free(diags);

  cv = read_json("{\"work\": [{\"name\": \"A\", \"startDate\": \"present\"}]}", &diags);
  g_assert_null(cv);
  assert_diag(diags, 0, DIAG_ERROR, 1, 38, "startDate cannot be 'present'");
  diag_list_free(diags);
}

static void test_warnings(void)
{
  DiagList *diags;
  ModelCv *cv = read_json("{\"work\": [\n"
                          "  {\"name\": \"A\", \"position\": \"Dev\"},\n"
                          "  {\"startDate\": \"2019\"},\n"
                          "  {\"name\": \"B\", \"startDate\": \"2027-01\"},\n"
                          "  {\"name\": \"C\", \"startDate\": \"2019-08-01T00:00:00.000Z\"}\n"
                          "], \"awards\": [{\"title\": \"Undated\"}]}\n",
                          &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_error_count(diags), ==, 0);
  g_assert_cmpuint(diag_warning_count(diags), ==, 4);
  assert_diag(diags, 0, DIAG_WARNING, 2, 3,
              "'work' entry 'Dev' without 'startDate' cannot be drawn; skipped");
  assert_diag(diags, 1, DIAG_WARNING, 3, 3, "'work' entry with neither 'position' nor 'name'");
  assert_diag(diags, 2, DIAG_WARNING, 4, 30,
              "today (2026-11-25) is before start (2027-01); the ongoing period is left out");
  assert_diag(diags, 3, DIAG_WARNING, 6, 15, "'awards' entry without 'date'");
  ModelGroup *g = g_ptr_array_index(cv->groups, 0);
  g_assert_cmpuint(g->entries->len, ==, 2);
  g_assert_cmpuint(entry_at(cv, 0, 0)->periods->len, ==, 0); /* nothing left to draw */
  g_assert_cmpint(period_at(entry_at(cv, 0, 1), 0)->start, ==, ymd(2019, 8, 1));
  g_assert_cmpuint(cv->milestones->len, ==, 0);
  model_cv_free(cv);
  diag_list_free(diags);
}

/* Text is cleaned as it is read; a url that is not http, https or mailto is a warning
 * and no link, the older `website` included. */
static void test_clean_text_and_urls(void)
{
  DiagList *diags;
  ModelCv *cv =
      read_json("{\"basics\": {\"name\": \"Ada\\u202e \\ufffe\"},\n"
                " \"work\": [{\"name\": \"A\", \"startDate\": \"2019\", \"url\": \"ftp://a\"},\n"
                "  {\"name\": \"B\", \"startDate\": \"2019\", \"website\": \"https://b\"}],\n"
                " \"awards\": [{\"title\": \"P\", \"date\": \"2020\", \"url\": \"https://x y\"}]}",
                &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 2);
  assert_diag(diags, 0, DIAG_WARNING, 2, 53, "url 'ftp://a' is not http, https or mailto");
  assert_diag(diags, 1, DIAG_WARNING, 4, 51, "url 'https://x y' has a space or a control");
  g_assert_cmpstr(cv->name, ==, "Ada");
  g_assert_null(entry_at(cv, 0, 0)->url);
  g_assert_cmpstr(entry_at(cv, 0, 1)->url, ==, "https://b");
  g_assert_null(((ModelMilestone *)g_ptr_array_index(cv->milestones, 0))->url);
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_long_text_and_guard(void)
{
  ReaderOptions opts = test_options(TRUE);
  opts.max_text_chars = 10;
  opts.max_entries = 2;
  DiagList *diags;
  ModelCv *cv = read_json_opts("{\"work\": [{\"name\": \"Organisation name\", \"startDate\": "
                               "\"2019\"}, {\"name\": \"B\", \"startDate\": \"2019\"}, "
                               "{\"name\": \"C\", \"startDate\": \"2019\"}]}",
                               &opts, &diags);
  g_assert_null(cv);
  assert_diag(diags, 0, DIAG_WARNING, 1, 20, "text longer than 10 characters, shortened");
  assert_diag(diags, 1, DIAG_ERROR, 1, 99, "more than 2 entries");
  diag_list_free(diags);
}

/* JSON writers escape characters outside the BMP as UTF-16 surrogate pairs, which YAML
 * does not know; the JSON path rewrites them (ydoc_json.c, tested in test-ydoc_json.c).
 * Escaped quotes and backslashes must not confuse it. */
static void test_surrogate_pairs(void)
{
  DiagList *diags;
  ModelCv *cv =
      read_json("{\"basics\": {\"name\": \"Ada \\ud83d\\ude80 \\\"A\\\" \\\\\",\n"
                "  \"label\": \"x\\\\ud83d\\\\ude80\"}, \"work\": [\"\\ud83d\\ude80\", 1]}",
                &diags);
  g_assert_null(cv); /* the work items are not mappings, to learn their columns */
  assert_diag(diags, 0, DIAG_ERROR, 2, 41, "expected a mapping");
  /* After a rewritten pair the column is two less than in the file (57). */
  assert_diag(diags, 1, DIAG_ERROR, 2, 55, "expected a mapping");
  diag_list_free(diags);
  cv = read_json("{\"basics\": {\"name\": \"Ada \\ud83d\\ude80 \\\"A\\\" \\\\\",\n"
                 "  \"label\": \"x\\\\ud83d\\\\ude80\"}, \"awards\": [{\"title\": \"P\", \"date\": "
                 "\"2019\"}]}",
                 &diags);
  g_assert_nonnull(cv);
  g_assert_cmpstr(cv->name, ==, "Ada \U0001F680 \"A\" \\");
  g_assert_cmpstr(cv->headline, ==, "x\\ud83d\\ude80"); /* escaped backslashes: no escape */
  model_cv_free(cv);
  diag_list_free(diags);
}

static char *import_path(const char *name)
{
  const char *root = g_getenv("CVT_SOURCE_ROOT");
  if (root == NULL)
    root = ".";
  return g_build_filename(root, "tests", "import", name, NULL);
}

static ModelCv *read_file(const char *name, DiagList **diags_out)
{
  g_autofree char *path = import_path(name);
  g_autofree char *data = NULL;
  gsize len;
  g_assert_true(g_file_get_contents(path, &data, &len, NULL));
  ReaderOptions opts = test_options(TRUE);
  opts.format = NULL;
  *diags_out = diag_list_new();
  return test_read_text(name, data, len, &opts, *diags_out);
}

static void test_file_v1(void)
{
  DiagList *diags;
  ModelCv *cv = read_file("jsonresume-v1.json", &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpstr(cv->name, ==, "Ada Example");
  g_assert_cmpuint(cv->groups->len, ==, 4);
  const char *keys[] = {"jobs", "Volunteering", "education", "Projects"};
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr(((ModelGroup *)g_ptr_array_index(cv->groups, i))->key, ==, keys[i]);
  ModelGroup *jobs = g_ptr_array_index(cv->groups, 0);
  g_assert_cmpuint(jobs->entries->len, ==, 3); /* Big Research's three roles are one bar */
  g_assert_cmpuint(entry_at(cv, 0, 1)->roles->len, ==, 3);
  g_assert_cmpstr(entry_at(cv, 0, 1)->location, ==, "Cambridge, UK");
  g_assert_cmpuint(cv->milestones->len, ==, 3);
  g_assert_cmpstr(((ModelMilestone *)g_ptr_array_index(cv->milestones, 0))->title, ==,
                  "Best Paper Award");
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_file_legacy(void)
{
  DiagList *diags;
  ModelCv *cv = read_file("jsonresume-legacy.json", &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_error_count(diags), ==, 0);
  g_assert_cmpstr(cv->name, ==, "Bruno Magalh\u00e3es");
  g_assert_cmpuint(cv->groups->len, ==, 2);
  ModelGroup *jobs = g_ptr_array_index(cv->groups, 0);
  g_assert_cmpuint(jobs->entries->len, ==, 6);
  ModelEntry *e = entry_at(cv, 0, 0);
  g_assert_cmpstr(e->org, ==, "Synthesia");
  g_assert_cmpstr(e->url, ==, "https://www.synthesia.io"); /* PHP-style "\/" */
  g_assert_true(period_at(e, 0)->ongoing);
  g_assert_cmpuint(entry_at(cv, 0, 1)->roles->len, ==, 3);
  /* EPFL's two roles are four years apart: two bars. */
  g_assert_cmpstr(entry_at(cv, 0, 2)->org, ==,
                  "\u00c9cole Polytechnique F\u00e9d\u00e9rale de Lausanne (EPFL)");
  g_assert_cmpuint(entry_at(cv, 0, 2)->roles->len, ==, 0);
  g_assert_cmpuint(entry_at(cv, 0, 3)->roles->len, ==, 0);
  g_assert_cmpstr(entry_at(cv, 0, 2)->title, ==, "Postdoctoral researcher"); /* file order */
  g_assert_cmpstr(entry_at(cv, 0, 3)->title, ==, "HPC engineer");
  ModelEntry *ipd = entry_at(cv, 0, 5);
  g_assert_cmpint(ipd->line, ==, 67);
  g_assert_cmpint(ipd->column, ==, 3);
  g_assert_cmpuint(cv->milestones->len, ==, 2);
  ModelMilestone *award = g_ptr_array_index(cv->milestones, 0);
  g_assert_cmpstr(award->title, ==, "Best Paper Award, ISC");
  g_assert_cmpint(award->date, ==, ymd(2016, 6, 20));
  model_cv_free(cv);
  diag_list_free(diags);
}

/* `meta.language` (or `meta.lang`) picks the language; a country code never does. */
static void test_language(void)
{
  DiagList *diags;
  ModelCv *cv = read_json("{\"work\": [{\"name\": \"Acme\", \"position\": \"Dev\", "
                          "\"startDate\": \"2019-03\"}],\n"
                          " \"meta\": {\"language\": \"ja\"}}",
                          &diags);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpstr(lang_code(cv->language), ==, "ja");
  g_assert_cmpstr(((ModelGroup *)g_ptr_array_index(cv->groups, 0))->name, ==, "職歴");
  model_cv_free(cv);
  diag_list_free(diags);
  cv = read_json("{\"work\": [{\"name\": \"Acme\", \"startDate\": \"2019-03\"}],"
                 " \"meta\": {\"lang\": \"pt-BR\"}}",
                 &diags);
  g_assert_cmpstr(lang_code(cv->language), ==, "pt");
  model_cv_free(cv);
  diag_list_free(diags);
  cv = read_json("{\"basics\": {\"name\": \"A\", \"location\": {\"countryCode\": \"DE\"}},"
                 " \"work\": [{\"name\": \"Acme\", \"startDate\": \"2019-03\"}]}",
                 &diags);
  g_assert_cmpstr(lang_code(cv->language), ==, "en");
  model_cv_free(cv);
  diag_list_free(diags);
  /* --lang wins over meta.language. */
  ReaderOptions opts = test_options(TRUE);
  opts.lang = lang_find("de");
  cv = read_json_opts("{\"work\": [{\"name\": \"Acme\", \"startDate\": \"2019-03\"}],"
                      " \"meta\": {\"language\": \"fr\"}}",
                      &opts, &diags);
  g_assert_cmpstr(lang_code(cv->language), ==, "de");
  model_cv_free(cv);
  diag_list_free(diags);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/reader_jsonresume/basics_and_work", test_basics_and_work);
  g_test_add_func("/reader_jsonresume/older_names", test_older_names);
  g_test_add_func("/reader_jsonresume/pre_0_0_0", test_pre_0_0_0);
  g_test_add_func("/reader_jsonresume/groups_in_file_order", test_groups_in_file_order);
  g_test_add_func("/reader_jsonresume/merge_roles", test_merge_roles);
  g_test_add_func("/reader_jsonresume/merge_overlaps", test_merge_overlaps);
  g_test_add_func("/reader_jsonresume/errors", test_errors);
  g_test_add_func("/reader_jsonresume/impossible_day", test_impossible_day);
  g_test_add_func("/reader_jsonresume/warnings", test_warnings);
  g_test_add_func("/reader_jsonresume/clean_text_and_urls", test_clean_text_and_urls);
  g_test_add_func("/reader_jsonresume/long_text_and_guard", test_long_text_and_guard);
  g_test_add_func("/reader_jsonresume/surrogate_pairs", test_surrogate_pairs);
  g_test_add_func("/reader_jsonresume/file_v1", test_file_v1);
  g_test_add_func("/reader_jsonresume/file_legacy", test_file_legacy);
  g_test_add_func("/reader_jsonresume/language", test_language);
  return g_test_run();
}
