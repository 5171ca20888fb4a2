/* Unit tests of the BibTeX reader (doc/importing.md "BibTeX publications"): milestones by
 * year and month, macros and crossref, TeX turned to text, the short titles, btparse's
 * messages positioned and kept off stderr, one file after a broken one, the native
 * format's `milestones: {from: FILE}` through a loader. */
#include "testutil.h"

#include <stdio.h>
#include <unistd.h>

/* Reads @bib with stderr caught: *@stderr_out receives what was printed there. */
static ModelCv *read_bib(const char *name, const char *bib, DiagList **diags, char **stderr_out)
{
  ReaderOptions opts = test_import_options();
  *diags = diag_list_new();
  fflush(stderr);
  int saved = dup(2);
  char tmpl[] = "/tmp/test-bibtex-XXXXXX";
  int fd = mkstemp(tmpl);
  g_assert_cmpint(fd, >=, 0);
  dup2(fd, 2);
  ModelCv *cv = test_read_text(name, bib, strlen(bib), &opts, *diags);
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  close(fd);
  g_assert_true(g_file_get_contents(tmpl, stderr_out, NULL, NULL));
  unlink(tmpl);
  return cv;
}

static ModelMilestone *milestone_at(const ModelCv *cv, guint i)
{
  g_assert_cmpuint(i, <, cv->milestones->len);
  return g_ptr_array_index(cv->milestones, i);
}

static const char *bib = "% a comment line\n"
                         "@string{ nat = \"Nature Geoscience\" }\n"
                         "@article{a,\n"
                         "  title = {Wave mixing: {A} study of {\\\"O}resund},\n"
                         "  journal = nat, year = 2017, month = mar,\n"
                         "  doi = {10.5555/x}\n"
                         "}\n"
                         "@inproceedings{b, title = {Closures}, crossref = {proc}}\n"
                         "@proceedings{proc, title = {Proc.}, year = {2019}, month = {Dec.},\n"
                         "  booktitle = {Proceedings of the Conference on Things ({ICT})}}\n"
                         "@phdthesis{c, title = \"Fine sediment\", school = {MIT}, year = {2013}}\n"
                         "@article{d, title = {Dated}, date = {2020-06-15}, journaltitle = {ESSD}}\n"
                         "@misc{e, title = {No year here}}\n"
                         "@misc{f, title = {Soon}, year = {forthcoming}}\n"
                         "@misc{g, title = {Macro}, year = 2021, note = undefinedmacro}\n";

static void test_entries(void)
{
  DiagList *diags;
  char *err;
  ModelCv *cv = read_bib("pubs.bib", bib, &diags, &err);
  g_assert_nonnull(cv);
  g_assert_cmpstr(err, ==, "");
  g_assert_cmpuint(cv->milestones->len, ==, 5);
  /* In date order: c (2013), a (Mar 2017), b (Dec 2019), d (15 Jun 2020), g (2021). */
  ModelMilestone *c = milestone_at(cv, 0);
  g_assert_cmpstr(c->title, ==, "Fine sediment (PhD thesis, MIT 2013)");
  ModelMilestone *a = milestone_at(cv, 1);
  g_assert_cmpstr(a->title, ==, "Wave mixing (Nature Geoscience 2017)");
  g_assert_cmpstr(a->note, ==, "Wave mixing: A study of Öresund. Nature Geoscience, 2017.");
  g_assert_cmpint(a->date, ==, ymd(2017, 3, 1));
  g_assert_cmpint(a->precision, ==, DATE_PREC_MONTH);
  g_assert_cmpstr(a->url, ==, "https://doi.org/10.5555/x");
  g_assert_cmpint(a->line, ==, 3);
  /* Year, month and venue come from the crossref; the volume itself is not drawn. */
  ModelMilestone *b = milestone_at(cv, 2);
  g_assert_cmpstr(b->title, ==, "Closures (ICT 2019)");
  g_assert_cmpint(b->date, ==, ymd(2019, 12, 1));
  ModelMilestone *d = milestone_at(cv, 3);
  g_assert_cmpint(d->date, ==, ymd(2020, 6, 15));
  g_assert_cmpint(d->precision, ==, DATE_PREC_DAY);
  g_assert_cmpstr(d->title, ==, "Dated (ESSD 2020)");
  /* Left out, each with its line. */
  g_assert_cmpuint(diag_error_count(diags), ==, 0);
  assert_diag(diags, 0, DIAG_WARNING, 15, 0, "'note' in 'g': undefined macro 'undefinedmacro'");
  assert_diag(diags, 1, DIAG_WARNING, 13, 0, "'No year here' has no year; left out");
  assert_diag(diags, 2, DIAG_WARNING, 14, 0, "'Soon': cannot read the year 'forthcoming'; left out");
  g_assert_cmpuint(diag_len(diags), ==, 3);
  g_free(err);
  model_cv_free(cv);
  diag_list_free(diags);
}

/* A day past its month's end is the month's last, with the readers' one warning, from
 * biblatex's date and from year, month and day alike. */
static void test_clamped_day(void)
{
  DiagList *diags;
  char *err;
  ModelCv *cv = read_bib("days.bib",
                         "@article{a, title = {Leap}, date = {2019-02-30}}\n"
                         "@article{b, title = {Parts}, year = 2021, month = sep, day = 31}\n",
                         &diags, &err);
  g_assert_nonnull(cv);
  g_assert_cmpuint(cv->milestones->len, ==, 2);
  g_assert_cmpint(milestone_at(cv, 0)->date, ==, ymd(2019, 2, 28));
  g_assert_cmpint(milestone_at(cv, 1)->date, ==, ymd(2021, 9, 30));
  g_assert_cmpint(milestone_at(cv, 1)->precision, ==, DATE_PREC_DAY);
  assert_diag(diags, 0, DIAG_WARNING, 1, 0,
              "'Leap': impossible date '2019-02-30': February 2019 has 28 days; read as "
              "2019-02-28");
  assert_diag(diags, 1, DIAG_WARNING, 2, 0,
              "'Parts': impossible date '2021-09-31': September has 30 days; read as 2021-09-30");
  g_assert_cmpuint(diag_len(diags), ==, 2);
  g_free(err);
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_syntax_errors(void)
{
  DiagList *diags;
  char *err;
  /* A quote inside a quoted value, then a brace never closed: BibTeX errors, positioned,
   * and nothing printed by btparse itself. */
  const char *broken = "@article{ok, title = {Fine}, year = 2001}\n"
                       "\n"
                       "@article{bad, title = \"A \\\"o\", year = 2002}\n"
                       "@misc{open, title = {never closed,\n"
                       "  year = 2003}\n";
  ModelCv *cv = read_bib("bad.bib", broken, &diags, &err);
  g_assert_null(cv);
  g_assert_cmpstr(err, ==, "");
  g_assert_cmpuint(diag_error_count(diags), >=, 2);
  const Diag *first = diag_get(diags, 0);
  g_assert_cmpint(first->severity, ==, DIAG_ERROR);
  g_assert_cmpint(first->line, ==, 3);
  g_assert_cmpstr(first->file, ==, "bad.bib");
  g_free(err);
  diag_list_free(diags);
  /* The next file reads: btparse's state between files was cleaned up. */
  cv = read_bib("next.bib", "@book{x, title = {Next}, year = 1999}", &diags, &err);
  g_assert_nonnull(cv);
  g_assert_cmpuint(cv->milestones->len, ==, 1);
  g_assert_cmpstr(milestone_at(cv, 0)->title, ==, "Next (1999)");
  g_free(err);
  model_cv_free(cv);
  diag_list_free(diags);
  /* Nothing drawable is an error saying what was looked for. */
  g_assert_null(read_bib("empty.bib", "% nothing\n@comment{x}\n", &diags, &err));
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "nothing to draw: no entry with a title and a year"));
  g_free(err);
  diag_list_free(diags);
}

static void test_detex(void)
{
  DiagList *diags;
  char *err;
  ModelCv *cv = read_bib("t.bib",
                         "@misc{t, year = 2000, title = {Caf\\'e M{\\\"u}ller, \\c{c}a and "
                         "Stra\\ss e -- $\\alpha$-{LaTeX} \\emph{now}~\\& \\textbf{then}}}",
                         &diags, &err);
  g_assert_nonnull(cv);
  g_assert_cmpstr(milestone_at(cv, 0)->title, ==,
                  "Café Müller, ça and Straße – α-LaTeX now & then (2000)");
  g_free(err);
  model_cv_free(cv);
  diag_list_free(diags);
  /* An old file in Latin-1. */
  cv = read_bib("latin1.bib", "@misc{t, year = 2000,\n  title = {M\xfcller}}", &diags, &err);
  g_assert_nonnull(cv);
  g_assert_cmpstr(milestone_at(cv, 0)->title, ==, "Müller (2000)");
  /* At the line of the first byte that is not UTF-8. */
  assert_diag(diags, 0, DIAG_WARNING, 2, 0, "not UTF-8: read as Windows-1252");
  g_free(err);
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_macro_budget(void)
{
  /* @string chains double at each step: the value is cut, not grown without end. */
  GString *s = g_string_new("@string{a0 = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}\n");
  for (int i = 1; i < 40; i++)
    g_string_append_printf(s, "@string{a%d = a%d # a%d}\n", i, i - 1, i - 1);
  g_string_append(s, "@misc{m, title = a39, year = 2000}\n");
  DiagList *diags;
  char *err;
  ModelCv *cv = read_bib("bomb.bib", s->str, &diags, &err);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_warning_count(diags), >, 0);
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "once its macros are expanded; cut"));
  g_free(err);
  model_cv_free(cv);
  diag_list_free(diags);
  g_string_free(s, TRUE);
}

/* What btparse cannot take: found by fuzzing. */
static void test_hostile(void)
{
  DiagList *diags;
  char *err;
  /* A syntax error quoting a value with printf conversions in it (btparse formats that
   * quote as a format). */
  ModelCv *cv = read_bib("fmt.bib", "@misc{a, t = {x} {50%s off %s%s%s%n}}\n@misc{b, title = {B}, year = 2000}",
                         &diags, &err);
  g_assert_null(cv);
  g_assert_cmpstr(err, ==, "");
  assert_diag(diags, 0, DIAG_ERROR, 1, 0, "found \"{50%s off %s%s%s%n}\", expected end of entry");
  g_free(err);
  diag_list_free(diags);
  /* A NUL byte inside a value (btparse's lexer fails an assertion on it). */
  const char nul[] = "@misc{a, title = {x\0y}, year = 2001}";
  ReaderOptions opts = test_import_options();
  diags = diag_list_new();
  cv = test_read_text("nul.bib", nul, sizeof nul - 1, &opts, diags);
  g_assert_nonnull(cv);
  g_assert_cmpstr(milestone_at(cv, 0)->title, ==, "x y (2001)");
  assert_diag(diags, 0, DIAG_WARNING, 1, 0, "NUL bytes in the file are read as spaces");
  model_cv_free(cv);
  diag_list_free(diags);
  /* An entry with more fields than btparse's parser stack holds (it would exit). */
  GString *big = g_string_new("@misc{big,\n");
  for (int i = 0; i < 200; i++)
    g_string_append_printf(big, "  f%d = {x},\n", i);
  g_string_append(big, "  title = {Big}, year = 2000}\n@misc{small, title = {Small}, year = 2001}\n");
  cv = read_bib("big.bib", big->str, &diags, &err);
  g_assert_nonnull(cv);
  g_assert_cmpuint(cv->milestones->len, ==, 1);
  g_assert_cmpstr(milestone_at(cv, 0)->title, ==, "Small (2001)");
  g_assert_cmpint(milestone_at(cv, 0)->line, ==, 203);
  assert_diag(diags, 0, DIAG_WARNING, 1, 0, "an entry with more than 64 fields; left out");
  g_free(err);
  model_cv_free(cv);
  diag_list_free(diags);
  g_string_free(big, TRUE);
  /* The same entry inside an unclosed value: after the error btparse starts again at its
   * '@' (CI's fuzzer found the exit there), so it is checked as an entry too. */
  big = g_string_new("@misc{a, note = {unclosed,\n@misc{big,\n");
  for (int i = 0; i < 200; i++)
    g_string_append_printf(big, "  f%d = {x},\n", i);
  g_string_append(big, "  title = {Big}, year = 2000}\n");
  cv = read_bib("resync.bib", big->str, &diags, &err);
  g_assert_null(cv);
  assert_diag(diags, 0, DIAG_WARNING, 2, 0, "an entry with more than 64 fields; left out");
  g_free(err);
  diag_list_free(diags);
  g_string_free(big, TRUE);
  /* btparse keeps state from one file to the next (its parser's error recovery does):
   * read twice, this file made it exit the process on the second reading, past any scan
   * of the text (CI's fuzzer found it). The probe in a child process sees it coming. */
  GString *twice = g_string_new("@s{k n=@c{g,");
  for (int i = 0; i < 36; i++)
    g_string_append(twice, "f{},");
  g_string_append(twice, "f \x85\x7f},");
  for (int i = 0; i < 60; i++)
    g_string_append(twice, "f{},");
  g_string_append(twice, "f=");
  for (int pass = 0; pass < 2; pass++) {
    cv = read_bib("twice.bib", twice->str, &diags, &err);
    g_assert_null(cv);
    g_assert_cmpstr(err, ==, "");
    gboolean probed = FALSE;
    for (guint i = 0; i < diag_len(diags); i++)
      probed |= strstr(diag_get(diags, i)->text, "without stopping the program") != NULL;
    g_assert_true(pass == 0 || probed); /* the first reading depends on what came before */
    g_free(err);
    diag_list_free(diags);
  }
  g_string_free(twice, TRUE);
}

static const ReaderFormat *detect(const char *name, const char *text)
{
  ReaderSource *src = reader_source_new(name, text, strlen(text));
  const ReaderFormat *f = reader_detect(src);
  reader_source_free(src);
  return f;
}

static void test_detection(void)
{
  g_assert_true(detect("x", "\n% c\n@Article{a, title={T}}") == &reader_format_bibtex);
  g_assert_true(detect("x", "\xEF\xBB\xBF@book (b, title = \"T\")") == &reader_format_bibtex);
  g_assert_true(detect("x.bib", "Publications of A.\n\n@misc{a, title={T}}") == &reader_format_bibtex);
  g_assert_true(detect("x.yaml", "Publications of A.\n\n@misc{a, title={T}}") != &reader_format_bibtex);
  g_assert_true(detect("x", "name: '@misc{a}'\n") == &reader_format_native);
}

/* `milestones: {from: FILE}` through a loader that serves bytes from a table. */
static const char *from_files[] = {
    "cvs/pubs.bib", "@article{a, title = {Paper}, journal = {Nature}, year = 2015}\n",
    "cvs/cv.yaml",  "name: Self\nmilestones: {from: pubs.bib}\n",
    "cvs/jr.json",  ("{\"work\": [{\"name\": \"X\", \"position\": \"Y\", \"startDate\": \"2010\"}],"
                     " \"awards\": [{\"title\": \"Prize\", \"date\": \"2012\"}]}"),
};

static ReaderSource *table_load(const char *path, gpointer data, GError **error)
{
  GPtrArray *asked = data;
  g_ptr_array_add(asked, g_strdup(path));
  for (gsize i = 0; i < G_N_ELEMENTS(from_files); i += 2)
    if (strcmp(path, from_files[i]) == 0)
      return reader_source_new(path, from_files[i + 1], strlen(from_files[i + 1]));
  g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "cannot open: No such file or directory");
  return NULL;
}

static void test_native_from(void)
{
  GPtrArray *asked = g_ptr_array_new_with_free_func(g_free);
  ReaderOptions opts = test_import_options();
  opts.load = table_load;
  opts.load_data = asked;
  DiagList *diags = diag_list_new();
  const char *cv_text = "name: A\n"
                        "milestones:\n"
                        "  - {date: 2020, title: Own}\n"
                        "  - from: pubs.bib\n"
                        "  - from: jr.json\n";
  ModelCv *cv = test_read_text("cvs/cv2.yaml", cv_text, strlen(cv_text), &opts, diags);
  g_assert_nonnull(cv);
  /* Relative to the CV's folder; the JSON Resume file's award, not its work. */
  g_assert_cmpstr(g_ptr_array_index(asked, 0), ==, "cvs/pubs.bib");
  g_assert_cmpuint(cv->milestones->len, ==, 3);
  g_assert_cmpstr(milestone_at(cv, 0)->title, ==, "Prize");
  g_assert_cmpstr(milestone_at(cv, 1)->title, ==, "Paper (Nature 2015)");
  g_assert_cmpstr(milestone_at(cv, 2)->title, ==, "Own");
  assert_diag(diags, 0, DIAG_WARNING, 5, 11, "only the milestones of 'jr.json' are drawn, not its 1 entries");
  model_cv_free(cv);
  diag_list_free(diags);
  /* Errors at the `from`: a missing file, a file that names another, no loader. */
  diags = diag_list_new();
  const char *bad = "milestones:\n  - from: missing.bib\n  - from: cv.yaml\n";
  g_assert_null(test_read_text("cvs/cv3.yaml", bad, strlen(bad), &opts, diags));
  assert_diag(diags, 0, DIAG_ERROR, 2, 11, "cannot read 'missing.bib': cannot open: No such file");
  /* At the `from` inside the file named, under that file's name. */
  assert_diag(diags, 1, DIAG_ERROR, 2, 20, "cannot read 'pubs.bib': a file named by 'from' cannot name others");
  g_assert_cmpstr(diag_get(diags, 1)->file, ==, "cvs/cv.yaml");
  diag_list_free(diags);
  opts.load = NULL;
  diags = diag_list_new();
  const char *one = "milestones: {from: pubs.bib}\n";
  g_assert_null(test_read_text("cv.yaml", one, strlen(one), &opts, diags));
  assert_diag(diags, 0, DIAG_ERROR, 1, 20, "cannot read 'pubs.bib': no further files are read here");
  diag_list_free(diags);
  g_ptr_array_unref(asked);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/bibtex/entries", test_entries);
  g_test_add_func("/bibtex/clamped-day", test_clamped_day);
  g_test_add_func("/bibtex/syntax-errors", test_syntax_errors);
  g_test_add_func("/bibtex/detex", test_detex);
  g_test_add_func("/bibtex/macro-budget", test_macro_budget);
  g_test_add_func("/bibtex/hostile", test_hostile);
  g_test_add_func("/bibtex/detection", test_detection);
  g_test_add_func("/bibtex/native-from", test_native_from);
  return g_test_run();
}
