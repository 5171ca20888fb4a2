/* Unit tests for reader.c: the table of formats, detection, dispatch, and the source that
 * parses its bytes once for every reader that asks (and never for one that does not). */
#include "testutil.h"

static const ReaderFormat *detect_text(const char *text)
{
  ReaderSource *src = reader_source_new("x", text, strlen(text));
  const ReaderFormat *format = reader_detect(src);
  reader_source_free(src);
  return format;
}

static void test_detect(void)
{
  static const struct {
    const char *text;
    const ReaderFormat *format;
  } cases[] = {
      {"cv: {name: A}\n", &reader_format_rendercv},
      {"cv:\n  name: A\n", &reader_format_rendercv},
      {"basics: {name: A}\n", &reader_format_jsonresume},
      {"work: []\n", &reader_format_jsonresume},
      {"{\"basics\": {\"name\": \"A\"}}", &reader_format_jsonresume},
      {"{\"work\": []}", &reader_format_jsonresume},
      {"{\"basics\": {}, \"work\": []}", &reader_format_jsonresume},
      /* `cv:` names RenderCV even beside a JSON Resume key. */
      {"basics: {}\ncv: {}\n", &reader_format_rendercv},
      {"jobs: []\n", &reader_format_native},
      {"name: A\njobs: []\n", &reader_format_native},
      {"- cv\n", &reader_format_native},
      {"- a\n- b\n", &reader_format_native},
      {"cv\n", &reader_format_native},
      {"", &reader_format_native},
      /* What does not parse is the native reader's to report. */
      {"cv: [\n", &reader_format_native},
      {"\xff\xfe", &reader_format_native},
      /* A duplicate key leaves a usable tree: it is still detected. */
      {"cv: {}\ncv: {}\n", &reader_format_rendercv},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
    if (detect_text(cases[i].text) != cases[i].format)
      g_error("case %" G_GSIZE_FORMAT " (%s): detected %s, expected %s", i, cases[i].text,
              detect_text(cases[i].text)->name, cases[i].format->name);
}

static void test_table(void)
{
  g_assert_cmpuint(reader_formats_count, ==, 3);
  for (guint i = 0; i < reader_formats_count; i++) {
    const ReaderFormat *f = reader_formats[i];
    g_assert_true(reader_format_find(f->name) == f);
    g_assert_nonnull(f->description);
    g_assert_nonnull(f->detect);
    g_assert_nonnull(f->read);
  }
  g_assert_true(reader_format_find("native") == &reader_format_native);
  g_assert_true(reader_format_find("jsonresume") == &reader_format_jsonresume);
  g_assert_true(reader_format_find("rendercv") == &reader_format_rendercv);
  g_assert_null(reader_format_find("auto"));
  g_assert_null(reader_format_find("Native"));
  g_assert_null(reader_format_find("json"));
  g_assert_null(reader_format_find(""));
  g_assert_null(reader_format_find(NULL));
  g_autofree char *bar = reader_format_names("|", "|");
  g_assert_cmpstr(bar, ==, "native|jsonresume|rendercv");
  g_autofree char *words = reader_format_names(", ", " or ");
  g_assert_cmpstr(words, ==, "native, jsonresume or rendercv");
}

/* Detection parses quietly; the reader then gets the parse's messages, once. */
static void test_source_messages(void)
{
  const char *text = "cv: {name: A}\ncv: {name: B}\n";
  ReaderSource *src = reader_source_new("cv.yaml", text, strlen(text));
  g_assert_cmpstr(reader_source_name(src), ==, "cv.yaml");
  gsize len = 0;
  g_assert_true(reader_source_bytes(src, &len) == text);
  g_assert_cmpuint(len, ==, strlen(text));
  g_assert_true(reader_detect(src) == &reader_format_rendercv);
  DiagList *diags = diag_list_new();
  ReaderOptions opts = READER_DEFAULT_OPTIONS;
  opts.has_today = TRUE;
  opts.today = ymd(2026, 11, 25);
  g_assert_null(reader_read(src, &opts, diags));
  g_assert_cmpuint(diag_len(diags), ==, 1);
  assert_diag(diags, 0, DIAG_ERROR, 2, 1, "duplicate key 'cv' (first given at 1:1)");
  /* Asked again, the document is the same and nothing is said twice. */
  const YdocDoc *doc = reader_source_yaml(src, diags);
  g_assert_nonnull(doc);
  g_assert_true(reader_source_yaml(src, NULL) == doc);
  g_assert_cmpuint(diag_len(diags), ==, 1);
  diag_list_free(diags);
  reader_source_free(src);
  reader_source_free(NULL);

  /* A syntax error: detection says native, and the native reader reports it. */
  diags = diag_list_new();
  g_assert_null(test_read_text("bad.yaml", "cv: [\n", 6, &opts, diags));
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  g_assert_cmpuint(diag_len(diags), ==, 1);
  diag_list_free(diags);
}

/* Only text that looks like JSON takes the JSON path (its surrogate-pair fix-up). */
static void test_source_json_path(void)
{
  const char *json = "{\"basics\": {\"name\": \"Ada \\ud83d\\ude80\"}}";
  ReaderSource *src = reader_source_new("cv.json", json, strlen(json));
  const YdocDoc *doc = reader_source_yaml(src, NULL);
  g_assert_nonnull(doc);
  g_assert_cmpstr(ydoc_get(ydoc_get(doc->root, "basics"), "name")->text, ==, "Ada \U0001F680");
  reader_source_free(src);

  const char *yaml = "basics:\n  name: \"Ada \\ud83d\\ude80\"\n";
  src = reader_source_new("cv.yaml", yaml, strlen(yaml));
  DiagList *diags = diag_list_new();
  g_assert_null(reader_source_yaml(src, diags));
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  diag_list_free(diags);
  reader_source_free(src);
}

/* A reader of another syntax reads the bytes: nothing parses them as YAML. */
static guint bytes_detect(ReaderSource *src)
{
  (void)src;
  return READER_DETECT_NO;
}

static ModelCv *bytes_read(ReaderSource *src, const ReaderOptions *opts, DiagList *diags)
{
  (void)opts;
  (void)diags;
  gsize len;
  const char *data = reader_source_bytes(src, &len);
  ModelCv *cv = model_cv_new(reader_source_name(src));
  cv->name = g_strndup(data, len);
  return cv;
}

static void test_bytes_reader(void)
{
  static const ReaderFormat bytes = {"bytes", "the bytes as the title", bytes_detect, bytes_read};
  const char *text = "Name,Title\n\"a: [\",b\n"; /* no YAML */
  ReaderOptions opts = READER_DEFAULT_OPTIONS;
  opts.format = &bytes;
  DiagList *diags = diag_list_new();
  ModelCv *cv = test_read_text("Positions.csv", text, strlen(text), &opts, diags);
  g_assert_nonnull(cv);
  g_assert_cmpstr(cv->name, ==, text);
  g_assert_cmpstr(cv->file, ==, "Positions.csv");
  g_assert_cmpuint(diag_len(diags), ==, 0);
  model_cv_free(cv);
  diag_list_free(diags);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/reader/detect", test_detect);
  g_test_add_func("/reader/table", test_table);
  g_test_add_func("/reader/source-messages", test_source_messages);
  g_test_add_func("/reader/source-json-path", test_source_json_path);
  g_test_add_func("/reader/bytes-reader", test_bytes_reader);
  return g_test_run();
}
