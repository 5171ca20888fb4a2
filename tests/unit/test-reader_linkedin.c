/* Unit tests of the LinkedIn data export reader (doc/importing.md): single CSV files known
 * by name or by header, a folder through a loader, a zip archive; positions of messages
 * (the record's line, the field's number); rows left out and why; roles at one company. */
#include "testutil.h"
#include "testzip.h"

static ModelCv *read_csv(const char *name, const char *text, DiagList **diags)
{
  ReaderOptions opts = test_import_options();
  *diags = diag_list_new();
  return test_read_text(name, text, strlen(text), &opts, *diags);
}

static const char *positions =
    "Company Name,Title,Description,Location,Started On,Finished On\r\n"
    "Acme,Lead Engineer,\"Runs the team, \"\"mostly\"\"\r\nand more\",Berlin,Mar 2021,\r\n"
    "Acme,Engineer,,Berlin,Jan 2019,Feb 2021\r\n"
    "Beta,Intern,,,,\r\n"
    "Gamma,Analyst,,,Sometime,2018\r\n"
    "Delta,Clerk,,,2015,2014\r\n"
    ",,,,,\r\n"
    " Epsilon,\" Trainee\t\",,,2012-02-30,Present\r\n"; /* readctx_text trims cells */

static void test_positions(void)
{
  DiagList *diags;
  ModelCv *cv = read_csv("Positions.csv", positions, &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(cv->groups->len, ==, 1);
  ModelGroup *g = group_at(cv, 0);
  g_assert_cmpstr(g->key, ==, "jobs");
  g_assert_cmpuint(g->entries->len, ==, 2);
  /* The two rows at Acme are one bar of two roles, in time order. */
  ModelEntry *acme = entry_at(cv, 0, 0);
  g_assert_cmpstr(acme->org, ==, "Acme");
  g_assert_cmpuint(acme->roles->len, ==, 2);
  g_assert_cmpstr(g_array_index(acme->roles, ModelRole, 0).title, ==, "Engineer");
  g_assert_cmpint(period_at(acme, 0)->start, ==, ymd(2019, 1, 1));
  g_assert_true(period_at(acme, 0)->ongoing);
  g_assert_cmpint(acme->line, ==, 2);
  ModelEntry *eps = entry_at(cv, 0, 1);
  g_assert_cmpstr(eps->title, ==, "Trainee");
  g_assert_cmpstr(eps->org, ==, "Epsilon");
  g_assert_cmpint(period_at(eps, 0)->start, ==, ymd(2012, 2, 29));
  g_assert_true(period_at(eps, 0)->ongoing);
  /* Each row left out is named, at its record's line (the multi-line record takes two). */
  g_assert_cmpuint(diag_error_count(diags), ==, 0);
  assert_diag(diags, 0, DIAG_WARNING, 5, 5, "'Intern at Beta' has no start date; left out");
  assert_diag(diags, 1, DIAG_WARNING, 6, 5,
              "'Analyst at Gamma': cannot read the start date 'Sometime' as a date; left out");
  assert_diag(diags, 2, DIAG_WARNING, 7, 6, "'Clerk at Delta' ends (2014) before it starts (2015)");
  assert_diag(diags, 3, DIAG_WARNING, 9, 5,
              "impossible date '2012-02-30': February 2012 has 29 days; read as 2012-02-29");
  g_assert_cmpuint(diag_len(diags), ==, 4);
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_header_decides(void)
{
  /* No known name (standard input), columns in another order, older names, an extra
   * column, a semicolon as the separator. */
  DiagList *diags;
  ModelCv *cv = read_csv("<stdin>",
                         "Title;Start Date;Company Name;End Date;Employment Type\n"
                         "Engineer;Sept 2016;Acme;juin 2018;Full-time\n",
                         &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  ModelEntry *e = entry_at(cv, 0, 0);
  g_assert_cmpstr(e->title, ==, "Engineer");
  g_assert_cmpstr(e->org, ==, "Acme");
  g_assert_cmpint(period_at(e, 0)->start, ==, ymd(2016, 9, 1));
  g_assert_cmpint(period_at(e, 0)->end, ==, ymd(2018, 6, 30));
  model_cv_free(cv);
  diag_list_free(diags);
  /* Volunteering has a Role column besides Company Name. */
  cv = read_csv("export.csv",
                "Company Name,Role,Cause,Started On,Finished On,Description\n"
                "Red Cross,Driver,Health,Jan 2010,Dec 2011,\n",
                &diags);
  g_assert_nonnull(cv);
  g_assert_cmpstr(group_at(cv, 0)->key, ==, "Volunteering");
  g_assert_cmpstr(entry_at(cv, 0, 0)->title, ==, "Driver");
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_education_and_milestones(void)
{
  DiagList *diags;
  ModelCv *cv = read_csv("Education.csv",
                         "School Name,Start Date,End Date,Notes,Degree Name,Activities,Field Of Study\n"
                         "Uni,2010,2014,,BSc,Chess,Physics\n"
                         "School,,,,,,\n",
                         &diags);
  g_assert_nonnull(cv);
  ModelEntry *e = entry_at(cv, 0, 0);
  g_assert_cmpstr(e->title, ==, "BSc in Physics");
  g_assert_cmpint(period_at(e, 0)->start, ==, ymd(2010, 1, 1));
  g_assert_cmpint(period_at(e, 0)->end, ==, ymd(2014, 12, 31));
  assert_diag(diags, 0, DIAG_WARNING, 3, 2, "'School' has no start date; left out");
  model_cv_free(cv);
  diag_list_free(diags);
  cv = read_csv("Certifications.csv",
                "Name,Url,Authority,Started On,Finished On,License Number\n"
                "Cloud Architect,https://c.example/1,Example,Nov 2021,Nov 2023,X\n"
                "Old cert,,,,,\n",
                &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(cv->milestones->len, ==, 1);
  ModelMilestone *m = g_ptr_array_index(cv->milestones, 0);
  g_assert_cmpstr(m->title, ==, "Cloud Architect (Example)");
  g_assert_cmpstr(m->url, ==, "https://c.example/1");
  g_assert_cmpint(m->date, ==, ymd(2021, 11, 1));
  g_assert_cmpint(m->precision, ==, DATE_PREC_MONTH);
  assert_diag(diags, 0, DIAG_WARNING, 3, 4, "'Old cert' has no date; left out");
  model_cv_free(cv);
  diag_list_free(diags);
  cv = read_csv("Publications.csv",
                "Name,Published On,Description,Publisher,Url\n"
                "Paper,\"Mar 15, 2019\",,J,javascript:alert(1)\n",
                &diags);
  m = g_ptr_array_index(cv->milestones, 0);
  g_assert_cmpint(m->date, ==, ymd(2019, 3, 15));
  g_assert_null(m->url);
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_nothing_to_draw(void)
{
  DiagList *diags;
  g_assert_null(read_csv("Honors.csv", "Title,Description,Issued On\nPrize,,\n", &diags));
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  const Diag *d = diag_get(diags, diag_len(diags) - 1);
  g_assert_nonnull(strstr(d->text, "nothing to draw: no dated rows in Positions.csv"));
  diag_list_free(diags);
  /* A profile alone gives a title, for the other files of one chart. */
  ModelCv *cv = read_csv("Profile.csv", "First Name,Last Name,Headline\nAda,Byte,Engineer\n", &diags);
  g_assert_nonnull(cv);
  g_assert_cmpstr(cv->name, ==, "Ada Byte");
  g_assert_cmpstr(cv->headline, ==, "Engineer");
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_detection(void)
{
  const char *csv = "Company Name,Title,Description,Location,Started On,Finished On\n";
  ReaderSource *src = reader_source_new("<stdin>", csv, strlen(csv));
  g_assert_true(reader_detect(src) == &reader_format_linkedin);
  reader_source_free(src);
  /* Connections.csv's columns are not Positions'. */
  const char *conn = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
  src = reader_source_new("c.csv", conn, strlen(conn));
  g_assert_true(reader_detect(src) == &reader_format_native);
  reader_source_free(src);
  const char *yaml = "name: A\njobs: []\n";
  src = reader_source_new("Positions.csv", yaml, strlen(yaml));
  g_assert_true(reader_detect(src) != &reader_format_linkedin);
  reader_source_free(src);
}

/* A folder's members, handed over from a table instead of the disk. */
static const char *folder_files[] = {
    "export/Profile.csv",   "First Name,Last Name,Headline\nAda,Byte,Engineer\n",
    "export/Positions.csv", "Company Name,Title,Started On,Finished On\nAcme,Engineer,2019,\n",
    "export/Honors.csv",    "Title,Description,Issued On\nPrize,,May 2020\n",
};

static ReaderSource *table_load(const char *path, gpointer data, GError **error)
{
  guint *calls = data;
  (*calls)++;
  for (gsize i = 0; i < G_N_ELEMENTS(folder_files); i += 2)
    if (strcmp(path, folder_files[i]) == 0)
      return reader_source_new(path, folder_files[i + 1], strlen(folder_files[i + 1]));
  g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "cannot open: No such file");
  return NULL;
}

static void test_folder(void)
{
  const char *paths[] = {"Honors.csv", "Positions.csv", "Profile.csv", "messages.csv",
                         "Jobs/Saved Jobs.csv", NULL};
  guint calls = 0;
  ReaderSource *src = reader_source_new_folder("export", paths, table_load, &calls);
  g_assert_true(reader_source_is_archive(src));
  g_assert_true(reader_detect(src) == &reader_format_linkedin);
  ReaderOptions opts = test_import_options();
  DiagList *diags = diag_list_new();
  ModelCv *cv = reader_read(src, &opts, diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpstr(cv->name, ==, "Ada Byte");
  g_assert_cmpstr(entry_at(cv, 0, 0)->org, ==, "Acme");
  g_assert_cmpuint(cv->milestones->len, ==, 1);
  /* Only the files it knows are read: not messages.csv. */
  g_assert_cmpuint(calls, ==, 3);
  model_cv_free(cv);
  diag_list_free(diags);
  reader_source_free(src);
}

static void test_zip(void)
{
  const char *members[] = {"Positions.csv", ("Company Name,Title,Started On,Finished On\n"
                                             "Acme,Engineer,2019,\nBeta,Intern,,\n"),
                           "Education.csv", "School Name,Start Date,End Date\nUni,2010,2014\n"};
  GBytes *zip = test_make_zip(members, 2);
  gsize len;
  const char *data = g_bytes_get_data(zip, &len);
  ReaderSource *src = reader_source_new("export.zip", data, len);
  g_assert_true(reader_detect(src) == &reader_format_linkedin);
  ReaderOptions opts = test_import_options();
  DiagList *diags = diag_list_new();
  ModelCv *cv = reader_read(src, &opts, diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(cv->groups->len, ==, 2);
  g_assert_cmpstr(group_at(cv, 1)->key, ==, "education");
  /* Messages name the member. */
  g_assert_cmpuint(diag_len(diags), ==, 1);
  const Diag *d = diag_get(diags, 0);
  g_assert_cmpstr(d->file, ==, "export.zip/Positions.csv");
  g_assert_cmpint(d->line, ==, 3);
  model_cv_free(cv);
  diag_list_free(diags);
  reader_source_free(src);
  /* A zip without any export file is no CV. */
  const char *other[] = {"notes.txt", "hello\n"};
  GBytes *zip2 = test_make_zip(other, 1);
  data = g_bytes_get_data(zip2, &len);
  src = reader_source_new("other.zip", data, len);
  diags = diag_list_new();
  g_assert_null(reader_read(src, &opts, diags));
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "no CV found in the archive: expected a LinkedIn"));
  diag_list_free(diags);
  reader_source_free(src);
  /* A broken one says so. */
  src = reader_source_new("broken.zip", data, 30);
  diags = diag_list_new();
  g_assert_null(reader_read(src, &opts, diags));
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "zip archive"));
  diag_list_free(diags);
  reader_source_free(src);
  g_bytes_unref(zip2);
  g_bytes_unref(zip);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/linkedin/positions", test_positions);
  g_test_add_func("/linkedin/header-decides", test_header_decides);
  g_test_add_func("/linkedin/education-and-milestones", test_education_and_milestones);
  g_test_add_func("/linkedin/nothing-to-draw", test_nothing_to_draw);
  g_test_add_func("/linkedin/detection", test_detection);
  g_test_add_func("/linkedin/folder", test_folder);
  g_test_add_func("/linkedin/zip", test_zip);
  return g_test_run();
}
