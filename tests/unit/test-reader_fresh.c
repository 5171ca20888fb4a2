/* Unit tests of the FRESH reader (doc/importing.md): detection by meta.format and by
 * shape, histories and lists into groups, milestones, `current`, what is left out. */
#include "testutil.h"

static ModelCv *read_text(const char *text, DiagList **diags)
{
  ReaderOptions opts = test_import_options();
  *diags = diag_list_new();
  return test_read_text("r.json", text, strlen(text), &opts, *diags);
}

static const char *resume =
    "{\n"
    "  \"name\": \"Jane\", \"meta\": {\"format\": \"FRESH@0.6.0\"},\n"
    "  \"info\": {\"label\": \"Developer\"},\n"
    "  \"employment\": {\"history\": [\n"
    "    {\"employer\": \"Area 52\", \"position\": \"Lead\", \"start\": \"2013-09\",\n"
    "     \"end\": \"2014-01\", \"current\": true},\n"
    "    {\"employer\": \"Stark\", \"position\": \"Admin\", \"start\": \"2008-10\", \"end\": \"2011-06\"},\n"
    "    {\"employer\": \"Dunder\", \"position\": \"Intern\"},\n"
    "    {\"employer\": \"Oops\", \"position\": \"Temp\", \"start\": \"sometime\"}\n"
    "  ]},\n"
    "  \"education\": {\"level\": \"degree\", \"history\": [\n"
    "    {\"institution\": \"Cornell\", \"title\": \"BSCS\", \"start\": \"2005-09\", \"end\": \"2008-05\"},\n"
    "    {\"institution\": \"Medfield\", \"title\": \"\", \"studyType\": \"AA\", \"area\": \"Arts\",\n"
    "     \"start\": \"2003\", \"end\": \"2005\"}\n"
    "  ]},\n"
    "  \"projects\": [{\"title\": \"HackMyResume\", \"repo\": \"https://git.example/h\",\n"
    "    \"start\": \"2015-09\"}],\n"
    "  \"recognition\": [{\"title\": \"Mention\", \"from\": \"Google\", \"date\": \"2012\"},\n"
    "    {\"title\": \"Undated\"}],\n"
    "  \"reading\": [{\"title\": \"A book\", \"date\": \"2014-09\"}]\n"
    "}\n";

static void test_resume(void)
{
  DiagList *diags;
  ModelCv *cv = read_text(resume, &diags);
  g_assert_nonnull(cv);
  g_assert_cmpstr(cv->name, ==, "Jane");
  g_assert_cmpstr(cv->headline, ==, "Developer");
  g_assert_cmpuint(cv->groups->len, ==, 3);
  g_assert_cmpstr(group_at(cv, 0)->key, ==, "jobs");
  ModelEntry *lead = entry_at(cv, 0, 0);
  g_assert_cmpstr(lead->title, ==, "Lead");
  g_assert_cmpstr(lead->org, ==, "Area 52");
  /* current: true wins over end. */
  g_assert_true(period_at(lead, 0)->ongoing);
  g_assert_cmpuint(group_at(cv, 0)->entries->len, ==, 2);
  g_assert_cmpstr(entry_at(cv, 1, 1)->title, ==, "AA in Arts");
  ModelEntry *proj = entry_at(cv, 2, 0);
  g_assert_cmpstr(group_at(cv, 2)->key, ==, "Projects");
  g_assert_cmpstr(proj->url, ==, "https://git.example/h");
  /* One recognition drawn; reading is not. */
  g_assert_cmpuint(cv->milestones->len, ==, 1);
  g_assert_cmpuint(diag_error_count(diags), ==, 0);
  assert_diag(diags, 0, DIAG_WARNING, 8, 5, "'Intern at Dunder' has no start date; left out");
  assert_diag(diags, 1, DIAG_WARNING, 9, 55, "'Temp at Oops': cannot read the start 'sometime'");
  assert_diag(diags, 2, DIAG_WARNING, 19, 5, "'Undated' has no date; left out");
  g_assert_cmpuint(diag_len(diags), ==, 3);
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_nothing_to_draw(void)
{
  DiagList *diags;
  g_assert_null(read_text("{\"name\": \"A\", \"meta\": {\"format\": \"FRESH@1.0.0\"}, \"skills\": {}}",
                          &diags));
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "nothing to draw: no dated entries in employment"));
  diag_list_free(diags);
}

static const ReaderFormat *detect(const char *text)
{
  ReaderSource *src = reader_source_new("x", text, strlen(text));
  const ReaderFormat *f = reader_detect(src);
  reader_source_free(src);
  return f;
}

static void test_detection(void)
{
  g_assert_true(detect("{\"meta\": {\"format\": \"FRESH@0.1.0\"}}") == &reader_format_fresh);
  g_assert_true(detect("meta: {format: fresh@1.0.0}\nname: A\n") == &reader_format_fresh);
  g_assert_true(detect("{\"employment\": {\"history\": []}}") == &reader_format_fresh);
  g_assert_true(detect("{\"basics\": {}, \"work\": []}") == &reader_format_jsonresume);
  g_assert_true(detect("education:\n  - {title: BSc, start: 2010}\n") == &reader_format_native);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/fresh/resume", test_resume);
  g_test_add_func("/fresh/nothing-to-draw", test_nothing_to_draw);
  g_test_add_func("/fresh/detection", test_detection);
  return g_test_run();
}
