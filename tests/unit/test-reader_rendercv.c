/* Unit tests of the RenderCV reader (doc/importing.md): sections to groups, entry kinds,
 * dates with RenderCV's precedence, free-text dates, role merging and positions. */
#include "testutil.h"

static ModelCv *read_yaml_merge(const char *yaml, gboolean merge, DiagList **diags_out)
{
  ReaderOptions opts = READER_DEFAULT_OPTIONS;
  opts.format = &reader_format_rendercv; /* detection is tested in test-reader.c */
  opts.has_today = TRUE;
  opts.today = ymd(2026, 11, 25);
  opts.merge_roles = merge;
  *diags_out = diag_list_new();
  return test_read_text("cv.yaml", yaml, strlen(yaml), &opts, *diags_out);
}

static ModelCv *read_yaml(const char *yaml, DiagList **diags_out)
{
  return read_yaml_merge(yaml, TRUE, diags_out);
}

/* The one period of @e. */
static const DateSpan *period(const ModelEntry *e)
{
  g_assert_cmpuint(e->periods->len, ==, 1);
  return period_at(e, 0);
}

static void test_sections(void)
{
  DiagList *diags;
  ModelCv *cv =
      read_yaml("cv:\n"
                "  name: Ada\n"
                "  sections:\n"
                "    work_experience_in_industry:\n"
                "      - {name: Consulting, start_date: 2001, end_date: 2002}\n"
                "    education:\n"
                "      - {institution: EPFL, area: Neuro, degree: PhD,\n"
                "         start_date: 2015-03, end_date: 2019-06}\n"
                "      - {institution: Lisbon, area: CS, start_date: 2005, end_date: 2007}\n"
                "    Honors and Awards:\n"
                "      - {name: Prize, date: 2010}\n"
                "    experience:\n"
                "      - {company: Labs, position: Engineer, location: Zurich,\n"
                "         start_date: 2023-11, end_date: present}\n"
                "      - {company: Uni, start_date: 2010-02-03}\n"
                "    skills:\n"
                "      - {label: Languages, details: C}\n"
                "      - {bullet: Reviewer}\n"
                "      - {number: One}\n"
                "      - Plain text\n"
                "design: {theme: classic}\n",
                &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpstr(cv->name, ==, "Ada");
  g_assert_cmpuint(cv->groups->len, ==, 4); /* skills has nothing dated */
  g_assert_cmpstr(group_at(cv, 0)->key, ==, "Work Experience in Industry");
  g_assert_false(group_at(cv, 0)->builtin);
  g_assert_cmpint(group_at(cv, 0)->line, ==, 4);
  g_assert_cmpint(group_at(cv, 0)->column, ==, 5);
  g_assert_cmpstr(group_at(cv, 1)->key, ==, "education");
  g_assert_cmpstr(group_at(cv, 1)->name, ==, "Education");
  g_assert_true(group_at(cv, 1)->builtin);
  g_assert_cmpstr(entry_at(cv, 1, 0)->title, ==, "PhD in Neuro");
  g_assert_cmpstr(entry_at(cv, 1, 0)->org, ==, "EPFL");
  g_assert_cmpint(period(entry_at(cv, 1, 0))->end, ==, ymd(2019, 6, 30));
  g_assert_cmpstr(entry_at(cv, 1, 1)->title, ==, "CS");
  g_assert_cmpstr(group_at(cv, 2)->key, ==, "Honors and Awards");
  g_assert_cmpint(period(entry_at(cv, 2, 0))->start, ==, ymd(2010, 1, 1));
  g_assert_cmpint(period(entry_at(cv, 2, 0))->end, ==, ymd(2010, 12, 31));
  g_assert_cmpstr(group_at(cv, 3)->key, ==, "jobs");
  g_assert_cmpstr(group_at(cv, 3)->name, ==, "Experience");
  ModelEntry *e = entry_at(cv, 3, 0);
  g_assert_cmpstr(e->title, ==, "Engineer");
  g_assert_cmpstr(e->org, ==, "Labs");
  g_assert_cmpstr(e->location, ==, "Zurich");
  g_assert_true(period(e)->ongoing);
  g_assert_cmpint(period(e)->end, ==, ymd(2026, 11, 25));
  e = entry_at(cv, 3, 1); /* no position: org only; start alone runs to present */
  g_assert_null(e->title);
  g_assert_cmpstr(e->org, ==, "Uni");
  g_assert_cmpint(period(e)->start, ==, ymd(2010, 2, 3));
  g_assert_true(period(e)->ongoing);
  model_cv_free(cv);
  diag_list_free(diags);
}

/* RenderCV's free-text dates as people write them (issue 13): ranges with dashes and
 * two-digit years, present, lists of years and seasons as periods of one entry; an
 * impossible day read as the month's last; what cannot be read is named and not drawn. */
static void test_free_text_dates(void)
{
  DiagList *diags;
  ModelCv *cv = read_yaml("cv:\n"
                          "  sections:\n"
                          "    projects:\n"
                          "      - {name: A, date: '2020-2021'}\n"
                          "      - {name: B, date: \"2020\u20132021\"}\n"
                          "      - {name: C, date: '2016-19'}\n"
                          "      - {name: D, date: \"2019\u2013present\"}\n"
                          "      - {name: E, date: '2023, 2024'}\n"
                          "      - {name: F, date: Summer 2019 and 2020}\n"
                          "      - {name: G, date: '2024-09-31'}\n"
                          "      - {name: H, date: '2021-2019'}\n"
                          "      - {name: I, date: sometime}\n"
                          "      - {name: '', date: 2020}\n",
                          &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_error_count(diags), ==, 0);
  g_assert_cmpuint(diag_warning_count(diags), ==, 4);
  assert_diag(diags, 3, DIAG_WARNING, 13, 9,
              "an entry with a date but no text to show (its 'name' is empty) is not drawn");
  assert_diag(diags, 0, DIAG_WARNING, 10, 25,
              "impossible date '2024-09-31': September has 30 days; read as 2024-09-30");
  assert_diag(diags, 1, DIAG_WARNING, 11, 25,
              "the date '2021-2019' of 'H' ends before it starts; the entry is not drawn");
  assert_diag(diags, 2, DIAG_WARNING, 12, 25, "'sometime' of 'I'");
  g_assert_cmpuint(group_at(cv, 0)->entries->len, ==, 7);
  for (guint i = 0; i < 2; i++) {
    g_assert_cmpint(period(entry_at(cv, 0, i))->start, ==, ymd(2020, 1, 1));
    g_assert_cmpint(period(entry_at(cv, 0, i))->end, ==, ymd(2021, 12, 31));
  }
  g_assert_cmpint(period(entry_at(cv, 0, 2))->end, ==, ymd(2019, 12, 31));
  g_assert_true(period(entry_at(cv, 0, 3))->ongoing);
  ModelEntry *e = entry_at(cv, 0, 4);
  g_assert_cmpuint(e->periods->len, ==, 2);
  g_assert_cmpint(g_array_index(e->periods, DateSpan, 1).start, ==, ymd(2024, 1, 1));
  e = entry_at(cv, 0, 5);
  g_assert_cmpuint(e->periods->len, ==, 2);
  g_assert_cmpint(g_array_index(e->periods, DateSpan, 1).start, ==, ymd(2020, 6, 1));
  g_assert_cmpint(g_array_index(e->periods, DateSpan, 1).end, ==, ymd(2020, 8, 31));
  g_assert_cmpint(period(entry_at(cv, 0, 6))->start, ==, ymd(2024, 9, 30));
  model_cv_free(cv);
  diag_list_free(diags);
}

/* Periods of one entry that overlap are one bar (model.h's promise; review item 2: two
 * stacked bars were drawn), in start order; once one period, the entry can be a role. */
static void test_overlapping_periods(void)
{
  DiagList *diags;
  ModelCv *cv =
      read_yaml("cv:\n"
                "  sections:\n"
                "    projects:\n"
                "      - {name: A, date: '2019, 2019-2021'}\n"
                "      - {name: B, date: '2020, 2015-2018, 2016-2017'}\n"
                "    experience:\n"
                "      - {company: Co, position: Two, date: '2020-2021, 2021'}\n"
                "      - {company: Co, position: One, start_date: 2018, end_date: 2019}\n",
                &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  const DateSpan *a = period(entry_at(cv, 0, 0));
  g_assert_cmpint(a->start, ==, ymd(2019, 1, 1));
  g_assert_cmpint(a->end, ==, ymd(2021, 12, 31));
  const ModelEntry *b = entry_at(cv, 0, 1);
  g_assert_cmpuint(b->periods->len, ==, 2);
  g_assert_cmpint(period_at(b, 0)->start, ==, ymd(2015, 1, 1));
  g_assert_cmpint(period_at(b, 0)->end, ==, ymd(2018, 12, 31));
  g_assert_cmpint(period_at(b, 1)->start, ==, ymd(2020, 1, 1));
  const ModelEntry *co = entry_at(cv, 1, 0);
  g_assert_cmpuint(group_at(cv, 1)->entries->len, ==, 1);
  g_assert_cmpuint(co->roles->len, ==, 2);
  g_assert_cmpint(period(co)->start, ==, ymd(2018, 1, 1));
  g_assert_cmpint(period(co)->end, ==, ymd(2021, 12, 31));
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_dates(void)
{
  DiagList *diags;
  ModelCv *cv = read_yaml("cv:\n"
                          "  sections:\n"
                          "    teaching:\n"
                          "      - {name: A, date: spring 2016 – spring 2018}\n"
                          "      - {name: B, date: 2012-09..2013-06, start_date: 2000}\n"
                          "      - {name: C, end_date: 2011-05}\n"
                          "      - {name: D, date: 2005/06}\n"
                          "      - {name: E, date: During my PhD}\n"
                          "      - {name: F}\n"
                          "      - {name: G, date: Aug 2019 - present}\n"
                          "    publications:\n"
                          "      - {title: Paper, authors: [A, B], doi: 10.1/x, date: 2019-04}\n"
                          "      - {title: Undated, authors: [A]}\n"
                          "      - {title: Odd, date: forthcoming}\n",
                          &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_error_count(diags), ==, 0);
  g_assert_cmpuint(diag_warning_count(diags), ==, 2);
  assert_diag(diags, 0, DIAG_WARNING, 8, 25,
              "cannot read the date 'During my PhD' of 'E' as a date, a range or a list of "
              "them (words read as English); the entry is not drawn");
  assert_diag(diags, 1, DIAG_WARNING, 14, 28, "'forthcoming'");
  ModelGroup *g = group_at(cv, 0);
  g_assert_cmpuint(g->entries->len, ==, 5);
  g_assert_cmpint(period(entry_at(cv, 0, 0))->start, ==, ymd(2016, 3, 1));
  g_assert_cmpint(period(entry_at(cv, 0, 0))->end, ==, ymd(2018, 5, 31));
  /* `date` wins over start_date, as in RenderCV. */
  g_assert_cmpint(period(entry_at(cv, 0, 1))->start, ==, ymd(2012, 9, 1));
  g_assert_cmpint(period(entry_at(cv, 0, 1))->end, ==, ymd(2013, 6, 30));
  /* An end_date alone is a date. */
  g_assert_cmpint(period(entry_at(cv, 0, 2))->start, ==, ymd(2011, 5, 1));
  g_assert_cmpint(period(entry_at(cv, 0, 2))->end, ==, ymd(2011, 5, 31));
  g_assert_cmpint(period(entry_at(cv, 0, 3))->start, ==, ymd(2005, 9, 1));
  g_assert_cmpint(period(entry_at(cv, 0, 3))->end, ==, ymd(2006, 6, 30));
  g_assert_cmpstr(entry_at(cv, 0, 4)->title, ==, "G");
  g_assert_true(period(entry_at(cv, 0, 4))->ongoing);
  g_assert_cmpuint(cv->milestones->len, ==, 1);
  ModelMilestone *m = g_ptr_array_index(cv->milestones, 0);
  g_assert_cmpstr(m->title, ==, "Paper");
  g_assert_cmpstr(m->url, ==, "https://doi.org/10.1/x");
  g_assert_cmpint(m->date, ==, ymd(2019, 4, 1));
  g_assert_cmpint(m->precision, ==, DATE_PREC_MONTH);
  g_assert_cmpint(m->line, ==, 12);
  g_assert_cmpint(m->column, ==, 9);
  model_cv_free(cv);
  diag_list_free(diags);
}

/* RenderCV before 1.0 put the sections directly under `cv:` (0.5 to 0.10), with
 * `custom_sections`, `study_type` and `label`; these were read as nothing (issue 13). */
static void test_before_1_0(void)
{
  DiagList *diags;
  ModelCv *cv =
      read_yaml("cv:\n"
                "  name: Ada\n"
                "  label: Engineer\n"
                "  section_order: [Education, Work Experience, My Talks]\n"
                "  education:\n"
                "    - {institution: Uni, area: Physics, study_type: BS,\n"
                "       start_date: '2015-09-01', end_date: '2019-06-01'}\n"
                "  work_experience:\n"
                "    - {company: Co, position: Dev, start_date: '2019-07-01', end_date: present}\n"
                "  publications:\n"
                "    - {title: Paper, authors: [A], doi: 10.1/x, date: '2020-03-01'}\n"
                "  skills:\n"
                "    - {name: Languages, details: C}\n"
                "  test_scores:\n"
                "    - {name: TOEFL, details: '110', date: '2018-10-01'}\n"
                "  custom_sections:\n"
                "    - title: My Talks\n"
                "      entry_type: NormalEntry\n"
                "      entries:\n"
                "        - {name: Keynote, date: Fall 2021}\n"
                "    - entry_type: OneLineEntry\n"
                "      entries:\n"
                "        - {name: Untitled section, date: '2022'}\n",
                &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpstr(cv->headline, ==, "Engineer");
  g_assert_cmpuint(cv->groups->len, ==, 5);
  g_assert_cmpstr(group_at(cv, 0)->key, ==, "education");
  g_assert_cmpstr(entry_at(cv, 0, 0)->title, ==, "BS in Physics");
  g_assert_cmpstr(group_at(cv, 1)->name, ==, "Work Experience");
  g_assert_cmpstr(group_at(cv, 1)->key, ==, "jobs"); /* the Experience colour (issue 13) */
  g_assert_true(group_at(cv, 1)->builtin);
  g_assert_true(period(entry_at(cv, 1, 0))->ongoing);
  g_assert_cmpstr(group_at(cv, 2)->name, ==, "Test Scores");
  g_assert_cmpstr(group_at(cv, 3)->name, ==, "My Talks");
  g_assert_cmpint(period(entry_at(cv, 3, 0))->start, ==, ymd(2021, 9, 1));
  g_assert_cmpstr(group_at(cv, 4)->name, ==, "Custom Section 2");
  g_assert_cmpuint(cv->milestones->len, ==, 1);
  model_cv_free(cv);
  diag_list_free(diags);
}

/* A CV with nothing to draw is an error naming what was looked for, in both import
 * formats (it drew an empty chart without a word). */
static void test_nothing_to_draw(void)
{
  DiagList *diags;
  ModelCv *cv =
      read_yaml("cv:\n  name: Ada\n  sections:\n    skills:\n"
                "      - {label: Languages, details: C}\n"
                "    projects:\n      - {name: Undated}\n      - {name: Odd, date: soon}\n",
                &diags);
  g_assert_null(cv);
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  assert_diag(diags, 0, DIAG_WARNING, 8, 27, "'soon' of 'Odd'");
  assert_diag(diags, 1, DIAG_ERROR, 2, 3, "nothing to draw: no entry with a date");
  diag_list_free(diags);

  ReaderOptions opts = READER_DEFAULT_OPTIONS;
  opts.format = &reader_format_jsonresume;
  diags = diag_list_new();
  const char *json = "{\"basics\": {\"name\": \"Ada\"}, \"work\": [{\"name\": \"X\"}]}";
  cv = test_read_text("cv.json", json, strlen(json), &opts, diags);
  g_assert_null(cv);
  assert_diag(diags, 1, DIAG_ERROR, 1, 1,
              "nothing to draw: no entry with a 'startDate' in 'work', 'education', "
              "'volunteer' or 'projects', and no dated 'awards', 'certificates' or "
              "'publications'");
  diag_list_free(diags);
}

static void test_errors(void)
{
  DiagList *diags;
  ModelCv *cv = read_yaml("cv:\n"
                          "  name: [A]\n"
                          "  sections:\n"
                          "    experience:\n"
                          "      - company: X\n"
                          "        start_date: 2019-14\n"
                          "      - company: Y\n"
                          "        start_date: 2020\n"
                          "        end_date: 2019\n"
                          "      - company: Z\n"
                          "        start_date: present\n"
                          "      - company: W\n"
                          "        date: [2019]\n"
                          "    education: {institution: E}\n"
                          "    misc:\n"
                          "      - [a, b]\n",
                          &diags);
  g_assert_null(cv);
  g_assert_cmpuint(diag_error_count(diags), ==, 6);
  assert_diag(diags, 0, DIAG_ERROR, 2, 9, "expected a string, found a list");
  assert_diag(diags, 1, DIAG_ERROR, 6, 21, "unparsable date '2019-14': expected");
  assert_diag(diags, 2, DIAG_ERROR, 9, 19, "end (2019) is before start (2020)");
  assert_diag(diags, 3, DIAG_ERROR, 11, 21, "start_date cannot be 'present'");
  assert_diag(diags, 4, DIAG_ERROR, 13, 15, "expected a date, found a list");
  assert_diag(diags, 5, DIAG_ERROR, 14, 16, "expected a list, found a mapping");
  assert_diag(diags, 6, DIAG_WARNING, 16, 9, "entry 1 of section 'misc'");
  diag_list_free(diags);

  static const struct {
    const char *yaml;
    int line, column;
    const char *text;
  } tops[] = {
      {"cv: [a]\n", 1, 5, "expected a mapping, found a list"},
      {"cv:\n  sections: [a]\n", 2, 13, "expected a mapping, found a list"},
      {"- a\n", 1, 1, "expected a mapping at the top level, found a list"},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(tops); i++) {
    cv = read_yaml(tops[i].yaml, &diags);
    g_assert_null(cv);
    assert_diag(diags, 0, DIAG_ERROR, tops[i].line, tops[i].column, tops[i].text);
    diag_list_free(diags);
  }
}

/* Forced with --input-format rendercv, a file without `cv:` is an error. */
static void test_forced_without_cv(void)
{
  ReaderOptions opts = READER_DEFAULT_OPTIONS;
  opts.format = &reader_format_rendercv;
  DiagList *diags = diag_list_new();
  const char *yaml = "name: A\njobs: []\n";
  g_assert_null(test_read_text("cv.yaml", yaml, strlen(yaml), &opts, diags));
  assert_diag(diags, 0, DIAG_ERROR, 1, 1, "no 'cv' key at the top level: not a RenderCV file");
  diag_list_free(diags);
}

static const char *roles_yaml =
    "cv:\n"
    "  sections:\n"
    "    experience:\n"
    "      - company: MSR\n"
    "        position: Senior\n"
    "        start_date: 2022-01\n"
    "        end_date: 2023-10\n"
    "      - company: MSR\n"
    "        position: Resident\n"
    "        start_date: 2019-09\n"
    "        end_date: 2021-12\n"
    "      - company: MSR\n"
    "        position: Again\n"
    "        start_date: 2025-01\n"
    "    projects:\n"
    "      - {name: P, company: MSR, start_date: 2010, end_date: 2011}\n";

static void test_merge_roles(void)
{
  DiagList *diags;
  ModelCv *cv = read_yaml(roles_yaml, &diags);
  g_assert_nonnull(cv);
  ModelGroup *g = group_at(cv, 0);
  g_assert_cmpuint(g->entries->len, ==, 2); /* the 2025 role is a year after: its own bar */
  ModelEntry *e = entry_at(cv, 0, 0);
  g_assert_cmpuint(e->roles->len, ==, 2);
  g_assert_cmpstr(g_array_index(e->roles, ModelRole, 0).title, ==, "Resident");
  g_assert_cmpint(g_array_index(e->roles, ModelRole, 0).line, ==, 8);
  g_assert_cmpint(period(e)->start, ==, ymd(2019, 9, 1));
  g_assert_cmpint(period(e)->end, ==, ymd(2023, 10, 31));
  g_assert_cmpstr(entry_at(cv, 0, 1)->title, ==, "Again");
  model_cv_free(cv);
  diag_list_free(diags);

  cv = read_yaml_merge(roles_yaml, FALSE, &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(group_at(cv, 0)->entries->len, ==, 3);
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_file(void)
{
  const char *root = g_getenv("CVT_SOURCE_ROOT");
  g_autofree char *path =
      g_build_filename(root ? root : ".", "tests", "import", "rendercv.yaml", NULL);
  g_autofree char *data = NULL;
  gsize len;
  g_assert_true(g_file_get_contents(path, &data, &len, NULL));
  DiagList *diags;
  ModelCv *cv = read_yaml(data, &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpstr(cv->name, ==, "Bruno Magalhaes");
  g_assert_cmpuint(cv->groups->len, ==, 3);
  g_assert_cmpstr(group_at(cv, 0)->key, ==, "jobs");
  g_assert_cmpstr(group_at(cv, 1)->key, ==, "education");
  g_assert_cmpstr(group_at(cv, 2)->key, ==, "Teaching");
  g_assert_cmpuint(group_at(cv, 0)->entries->len, ==, 4);
  ModelEntry *msr = entry_at(cv, 0, 1);
  g_assert_cmpstr(msr->org, ==, "Microsoft Research");
  g_assert_cmpuint(msr->roles->len, ==, 3);
  g_assert_cmpstr(g_array_index(msr->roles, ModelRole, 2).title, ==, "Senior Researcher");
  g_assert_cmpuint(cv->milestones->len, ==, 2);
  model_cv_free(cv);
  diag_list_free(diags);
}

/* RenderCV text fields are markdown: links and emphasis are shown as their text, and a
 * link's url becomes the entry's link when it has none. */
static void test_markdown(void)
{
  DiagList *diags;
  ModelCv *cv = read_yaml("cv:\n"
                          "  name: '**Jane** Doe'\n"
                          "  sections:\n"
                          "    projects:\n"
                          "      - name: '[FlashInfer](https://github.com/x/y)'\n"
                          "        start_date: 2023-01\n"
                          "      - name: '[A](https://a) and [B](https://b), *5 * 3*'\n"
                          "        url: https://own\n"
                          "        date: 2022\n"
                          "      - name: 'a * b, [not a link] (x), **unclosed'\n"
                          "        date: 2021\n"
                          "    publications:\n"
                          "      - title: '*Sparse* [MoE](https://arxiv.org/abs/1)'\n"
                          "        date: 2024-07\n",
                          &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpstr(cv->name, ==, "Jane Doe");
  ModelEntry *e = entry_at(cv, 0, 0);
  g_assert_cmpstr(e->title, ==, "FlashInfer");
  g_assert_cmpstr(e->url, ==, "https://github.com/x/y");
  e = entry_at(cv, 0, 1);
  g_assert_cmpstr(e->title, ==, "A and B, 5 * 3");
  g_assert_cmpstr(e->url, ==, "https://own");
  e = entry_at(cv, 0, 2);
  g_assert_cmpstr(e->title, ==, "a * b, [not a link] (x), **unclosed");
  g_assert_null(e->url);
  g_assert_cmpuint(cv->milestones->len, ==, 1);
  ModelMilestone *m = g_ptr_array_index(cv->milestones, 0);
  g_assert_cmpstr(m->title, ==, "Sparse MoE");
  g_assert_cmpstr(m->url, ==, "https://arxiv.org/abs/1");
  model_cv_free(cv);
  diag_list_free(diags);
}

/* RenderCV's `locale:` (2.x; `language` as a code or as RenderCV's name) and
 * `locale_catalog:` (1.x) pick the language and replace its words. */
static void test_locale(void)
{
  DiagList *diags;
  ModelCv *cv = read_yaml("cv:\n"
                          "  sections:\n"
                          "    experience:\n"
                          "      - company: Beispiel GmbH\n"
                          "        position: Entwicklerin\n"
                          "        date: Sommer 2019 – jetzt\n"
                          "locale:\n"
                          "  language: german\n"
                          "  present: jetzt\n"
                          "  month_abbreviations: [Jan, Feb, Mrz, Apr, Mai, Jun, Jul, Aug, Sep, "
                          "Okt, Nov, Dez]\n",
                          &diags);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_nonnull(cv);
  g_assert_cmpstr(lang_code(cv->language), ==, "de");
  g_assert_cmpstr(lang_word(cv->language, LANG_PRESENT), ==, "jetzt");
  g_assert_cmpstr(lang_axis_month(cv->language, 3), ==, "Mrz");
  const ModelEntry *e =
      g_ptr_array_index(((ModelGroup *)g_ptr_array_index(cv->groups, 0))->entries, 0);
  g_assert_true(period(e)->ongoing);
  model_cv_free(cv);
  diag_list_free(diags);

  /* 2.0 to 2.3: a code; 1.x: locale_catalog with its own names and `to`. */
  cv = read_yaml("cv:\n  sections:\n    experience:\n      - company: A\n        position: B\n"
                 "        start_date: 2019-03\nlocale:\n  language: pt\n",
                 &diags);
  g_assert_cmpstr(lang_code(cv->language), ==, "pt");
  model_cv_free(cv);
  diag_list_free(diags);
  cv = read_yaml("cv:\n  sections:\n    experience:\n      - company: A\n        position: B\n"
                 "        date: Lenz 2019 – 2020\n"
                 "locale_catalog:\n  to: bis\n  full_names_of_months: [Jänner, Feber, Lenz, "
                 "Ostermond, Wonnemond, Brachet, Heuet, Ernting, Scheiding, Gilbhart, Nebelung, "
                 "Julmond]\n",
                 &diags);
  g_assert_cmpstr(lang_code(cv->language), ==, "en");
  g_assert_cmpstr(lang_word(cv->language, LANG_SPAN), ==, "{a} bis {b}");
  g_assert_cmpuint(diag_len(diags), ==, 0);
  e = g_ptr_array_index(((ModelGroup *)g_ptr_array_index(cv->groups, 0))->entries, 0);
  g_assert_cmpint(period(e)->start, ==, ymd(2019, 3, 1));
  model_cv_free(cv);
  diag_list_free(diags);

  /* A list of the wrong length is a warning; an unknown language too. */
  cv =
      read_yaml("cv:\n  sections:\n    experience:\n      - company: A\n        position: B\n"
                "        start_date: 2019-03\nlocale:\n  language: korean\n  month_names: [a, b]\n",
                &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 2);
  g_assert_cmpstr(diag_get(diags, 0)->text, ==,
                  "unknown language 'korean': words are read and written in English "
                  "(languages: en, de, fr, es, pt, it, pl, nl, tr, zh, ja)");
  g_assert_cmpstr(diag_get(diags, 1)->text, ==,
                  "'month_names' is not a list of 12 month names; not used");
  model_cv_free(cv);
  diag_list_free(diags);
}

/* The section names people give jobs, degrees and visits take the built-in groups, the
 * first of each only; others are custom groups. */
static void test_builtin_sections(void)
{
  DiagList *diags;
  ModelCv *cv =
      read_yaml("cv:\n  sections:\n"
                "    Professional Experience:\n      - {company: A, position: P, date: 2020}\n"
                "    academic-background:\n      - {institution: U, area: X, date: 2010}\n"
                "    work_experience:\n      - {company: B, position: Q, date: 2018}\n"
                "    Research Visits:\n      - {name: Lab, date: 2019}\n"
                "    talks:\n      - {name: Keynote, date: 2021}\n",
                &diags);
  g_assert_nonnull(cv);
  const char *keys[] = {"jobs", "education", "Work Experience", "visiting", "Talks"};
  const gboolean builtin[] = {TRUE, TRUE, FALSE, TRUE, FALSE};
  g_assert_cmpuint(cv->groups->len, ==, 5);
  for (guint i = 0; i < 5; i++) {
    g_assert_cmpstr(group_at(cv, i)->key, ==, keys[i]);
    g_assert_cmpint(group_at(cv, i)->builtin, ==, builtin[i]);
  }
  g_assert_cmpstr(group_at(cv, 0)->name, ==, "Professional Experience");
  model_cv_free(cv);
  diag_list_free(diags);
}

/* Brackets inside a link's text and raw Typst, which RenderCV 2 passes through (issue
 * 13: `[#underline[Link]](https://a)` was drawn as written). */
static void test_typst_markup(void)
{
  static const struct {
    const char *in, *text, *url;
  } cases[] = {
      {"[#underline[Link]](https://a)", "Link", "https://a"},
      {"[see [1]](https://b) now", "see [1] now", "https://b"},
      {"#link(\"https://c\")[*Site*] and more", "Site and more", "https://c"},
      {"#strong[Big] #emph[small] #text(fill: rgb(\"#1c7ed6\"))[blue]", "Big small blue", NULL},
      {"A#h(1fr)B #v(2pt)C", "AB C", NULL},
      {"Doe#super[#sym.dagger], #underline[Lee]", "Doe, Lee", NULL},
      {"C# and F#, #1 in #rust", "C# and F#, #1 in #rust", NULL},
      {"\\#tag \\[x\\] 50\\*", "#tag [x] 50*", NULL},
      {"$$E = m c^2$$ paper", "E = m c^2 paper", NULL},
      {"[unclosed](https://x", "[unclosed](https://x", NULL},
      {"#call(unclosed [x]", "#call(unclosed [x]", NULL},
      {"(a [b) c]", "(a [b) c]", NULL},
      {"[Wiki](https://en.wikipedia.org/wiki/C_(language)) page", "Wiki page",
       "https://en.wikipedia.org/wiki/C_(language)"},
      {"#box[a][b]c", "abc", NULL},
      /* Markup that draws nothing leaves no space at either end: the model is trimmed. */
      {"Lab move #h(1fr)", "Lab move", NULL},
      {"#h(1fr) *Lab*", "Lab", NULL},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    /* In YAML double quotes: the case's backslashes and quotes escaped. */
    GString *q = g_string_new(NULL);
    for (const char *p = cases[i].in; *p; p++) {
      if (*p == '\\' || *p == '"')
        g_string_append_c(q, '\\');
      g_string_append_c(q, *p);
    }
    g_autofree char *escaped = g_string_free(q, FALSE);
    g_autofree char *yaml = g_strdup_printf(
        "cv:\n  sections:\n    projects:\n      - name: \"%s\"\n        date: 2020\n", escaped);
    DiagList *diags;
    ModelCv *cv = read_yaml(yaml, &diags);
    g_assert_nonnull(cv);
    g_test_message("%s", cases[i].in);
    ModelEntry *e = entry_at(cv, 0, 0);
    g_assert_cmpstr(e->title, ==, cases[i].text);
    g_assert_cmpstr(e->url, ==, cases[i].url);
    model_cv_free(cv);
    diag_list_free(diags);
  }
  /* Text full of brackets is read in linear time, not one scan per bracket. */
  GString *big = g_string_new("cv:\n  sections:\n    projects:\n      - name: '");
  for (int i = 0; i < 200000; i++)
    g_string_append(big, "([");
  g_string_append(big, "'\n        date: 2020\n");
  DiagList *diags;
  ModelCv *cv = read_yaml(big->str, &diags);
  g_assert_nonnull(cv);
  model_cv_free(cv);
  diag_list_free(diags);
  g_string_free(big, TRUE);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/reader_rendercv/sections", test_sections);
  g_test_add_func("/reader_rendercv/dates", test_dates);
  g_test_add_func("/reader_rendercv/free_text_dates", test_free_text_dates);
  g_test_add_func("/reader_rendercv/overlapping_periods", test_overlapping_periods);
  g_test_add_func("/reader_rendercv/errors", test_errors);
  g_test_add_func("/reader_rendercv/before_1_0", test_before_1_0);
  g_test_add_func("/reader_rendercv/nothing_to_draw", test_nothing_to_draw);
  g_test_add_func("/reader_rendercv/forced_without_cv", test_forced_without_cv);
  g_test_add_func("/reader_rendercv/merge_roles", test_merge_roles);
  g_test_add_func("/reader_rendercv/file", test_file);
  g_test_add_func("/reader_rendercv/markdown", test_markdown);
  g_test_add_func("/reader_rendercv/locale", test_locale);
  g_test_add_func("/reader_rendercv/typst_markup", test_typst_markup);
  g_test_add_func("/reader_rendercv/builtin_sections", test_builtin_sections);
  return g_test_run();
}
