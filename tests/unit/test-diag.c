/* Unit tests for diag: escaping at insertion, sorted printing, the cap, --strict, --quiet. */
#include "diag.h"

#include <string.h>

/* diag_print into a string. */
static char *print_to_string(const DiagList *list, gboolean quiet)
{
  char *buf = NULL;
  size_t size = 0;
  FILE *f = open_memstream(&buf, &size);
  g_assert_nonnull(f);
  diag_print(list, f, quiet);
  fclose(f);
  return buf;
}

typedef struct {
  const char *input;
  const char *escaped;
} EscapeCase;

static const EscapeCase escape_cases[] = {
    {"plain text", "plain text"},
    {"caf\xC3\xA9 \xE2\x80\xA6 \xF0\x9F\x98\x80", "café … 😀"},
    {"a\nb", "a\\nb"},
    {"tab\there\r", "tab\\there\\r"},
    {"\x1b[31mred\x1b[0m", "\\x1B[31mred\\x1B[0m"},
    {"bell\x07 del\x7f", "bell\\x07 del\\x7F"},
    {"c1 csi \xC2\x9B"
     "2J",
     "c1 csi \\u009B2J"},
    {"nel \xC2\x85", "nel \\u0085"},
    {"bidi \xE2\x80\xAE"
     "txt",
     "bidi \\u202Etxt"},
    {"isolate \xE2\x81\xA6", "isolate \\u2066"},
    {"ls \xE2\x80\xA8", "ls \\u2028"},
    {"bom \xEF\xBB\xBF", "bom \\uFEFF"},
    {"bad \xFF\xFE", "bad \\xFF\\xFE"},
    {"truncated \xE2\x80", "truncated \\xE2\\x80"},
    {"overlong \xC0\xAF", "overlong \\xC0\\xAF"},
    {"surrogate \xED\xA0\x80", "surrogate \\xED\\xA0\\x80"},
    {"lone continuation \x80 ok", "lone continuation \\x80 ok"},
    {"nbsp\xC2\xA0ok", "nbsp\xC2\xA0ok"},
    {"", ""},
};

static void test_escape(gconstpointer data)
{
  const EscapeCase *c = data;
  char *got = diag_escape(c->input);
  g_assert_cmpstr(got, ==, c->escaped);
  g_assert_true(g_utf8_validate(got, -1, NULL));
  g_free(got);
  /* The same escaping applies to messages added through %s. */
  DiagList *list = diag_list_new();
  diag_error(list, "f.yaml", 1, 1, "value '%s'", c->input);
  char *expected = g_strdup_printf("value '%s'", c->escaped);
  g_assert_cmpstr(diag_get(list, 0)->text, ==, expected);
  g_free(expected);
  diag_list_free(list);
}

static void test_escape_null(void)
{
  char *got = diag_escape(NULL);
  g_assert_cmpstr(got, ==, "");
  g_free(got);
}

static void test_no_control_bytes_survive(void)
{
  /* Every single byte and every pair of bytes: the output never holds a control byte. */
  DiagList *list = diag_list_new();
  for (int a = 1; a < 256; a++) {
    for (int b = 0; b < 256; b += 7) {
      char in[3] = {(char)a, (char)b, '\0'};
      char *got = diag_escape(in);
      g_assert_true(g_utf8_validate(got, -1, NULL));
      for (const char *p = got; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar u = g_utf8_get_char(p);
        g_assert_false(u < 0x20 || (u >= 0x7f && u <= 0x9f));
      }
      g_free(got);
    }
  }
  diag_list_free(list);
}

static void test_file_escaped(void)
{
  DiagList *list = diag_list_new();
  diag_error(list, "evil\x1b]0;title\x07.yaml", 2, 3, "x");
  g_assert_cmpstr(diag_get(list, 0)->file, ==, "evil\\x1B]0;title\\x07.yaml");
  diag_list_free(list);
}

static void test_format(void)
{
  DiagList *list = diag_list_new();
  diag_error(list, "cv.yaml", 14, 12, "end (%s) is before start (%s)", "2019-06", "2019-08");
  diag_warning(list, "cv.yaml", 3, 1, "unknown key `%s`", "jbos");
  diag_error(list, "cv.yaml", 0, 0, "cannot open: %s", "No such file or directory");
  diag_error(list, "cv.yaml", 5, 0, "line only");
  diag_error(list, NULL, 0, 0, "no file");
  diag_error(list, "neg.yaml", -3, 4, "negative line means no position");
  char *out = print_to_string(list, FALSE);
  g_assert_cmpstr(out, ==,
                  "cvtimeline: error: no file\n"
                  "cv.yaml: error: cannot open: No such file or directory\n"
                  "cv.yaml:3:1: warning: unknown key `jbos`\n"
                  "cv.yaml:5: error: line only\n"
                  "cv.yaml:14:12: error: end (2019-06) is before start (2019-08)\n"
                  "neg.yaml: error: negative line means no position\n");
  free(out);
  g_assert_cmpuint(diag_error_count(list), ==, 5);
  g_assert_cmpuint(diag_warning_count(list), ==, 1);
  g_assert_cmpuint(diag_len(list), ==, 6);
  /* Kept in the order added. */
  g_assert_cmpint(diag_get(list, 0)->line, ==, 14);
  g_assert_cmpint(diag_get(list, 1)->severity, ==, DIAG_WARNING);
  diag_list_free(list);
}

static void test_sort_stable(void)
{
  DiagList *list = diag_list_new();
  diag_error(list, "b.yaml", 1, 1, "b first");
  diag_error(list, "a.yaml", 9, 1, "a line 9");
  diag_error(list, "a.yaml", 2, 7, "a 2:7 first");
  diag_error(list, "a.yaml", 2, 3, "a 2:3");
  diag_error(list, "a.yaml", 2, 7, "a 2:7 second");
  diag_warning(list, "a.yaml", 2, 7, "a 2:7 third");
  diag_error(list, "a.yaml", 10, 1, "a line 10 (numeric, not text, order)");
  char *out = print_to_string(list, FALSE);
  g_assert_cmpstr(out, ==,
                  "a.yaml:2:3: error: a 2:3\n"
                  "a.yaml:2:7: error: a 2:7 first\n"
                  "a.yaml:2:7: error: a 2:7 second\n"
                  "a.yaml:2:7: warning: a 2:7 third\n"
                  "a.yaml:9:1: error: a line 9\n"
                  "a.yaml:10:1: error: a line 10 (numeric, not text, order)\n"
                  "b.yaml:1:1: error: b first\n");
  free(out);
  diag_list_free(list);
}

static void test_quiet(void)
{
  DiagList *list = diag_list_new();
  diag_warning(list, "cv.yaml", 1, 1, "a warning");
  diag_error(list, "cv.yaml", 2, 1, "an error");
  char *out = print_to_string(list, TRUE);
  g_assert_cmpstr(out, ==, "cv.yaml:2:1: error: an error\n");
  free(out);
  diag_list_free(list);
}

static void test_strict(void)
{
  DiagList *list = diag_list_new();
  diag_warning(list, "cv.yaml", 1, 1, "before");
  g_assert_cmpuint(diag_warning_count(list), ==, 1);
  g_assert_cmpuint(diag_error_count(list), ==, 0);
  diag_set_strict(list, TRUE);
  g_assert_cmpuint(diag_warning_count(list), ==, 0);
  g_assert_cmpuint(diag_error_count(list), ==, 1);
  diag_warning(list, "cv.yaml", 2, 1, "after");
  g_assert_cmpuint(diag_error_count(list), ==, 2);
  g_assert_cmpint(diag_get(list, 1)->severity, ==, DIAG_ERROR);
  /* Quiet hides warnings, not promoted ones. */
  char *out = print_to_string(list, TRUE);
  g_assert_cmpstr(out, ==, "cv.yaml:1:1: error: before\ncv.yaml:2:1: error: after\n");
  free(out);
  diag_list_free(list);
}

static void test_cap(void)
{
  DiagList *list = diag_list_new();
  for (int i = 1; i <= DIAG_MAX_KEPT + 5; i++)
    diag_error(list, "cv.yaml", i, 1, "error %d", i);
  for (int i = 1; i <= DIAG_MAX_KEPT + 1; i++)
    diag_warning(list, "cv.yaml", i, 2, "warning %d", i);
  g_assert_cmpuint(diag_error_count(list), ==, DIAG_MAX_KEPT + 5);
  g_assert_cmpuint(diag_warning_count(list), ==, DIAG_MAX_KEPT + 1);
  g_assert_cmpuint(diag_len(list), ==, 2 * DIAG_MAX_KEPT);
  char *out = print_to_string(list, FALSE);
  char **lines = g_strsplit(out, "\n", -1);
  guint n = g_strv_length(lines);
  g_assert_cmpuint(n, ==, 2 * DIAG_MAX_KEPT + 3); /* + two count lines + the empty tail */
  g_assert_cmpstr(lines[0], ==, "cv.yaml:1:1: error: error 1");
  g_assert_cmpstr(lines[1], ==, "cv.yaml:1:2: warning: warning 1");
  g_assert_cmpstr(lines[2 * DIAG_MAX_KEPT], ==, "cvtimeline: 5 more errors not shown");
  g_assert_cmpstr(lines[2 * DIAG_MAX_KEPT + 1], ==, "cvtimeline: 1 more warning not shown");
  g_strfreev(lines);
  free(out);
  out = print_to_string(list, TRUE);
  g_assert_true(g_str_has_suffix(out, "error 100\ncvtimeline: 5 more errors not shown\n"));
  free(out);
  /* Strict moves the dropped warnings into the dropped errors. */
  diag_set_strict(list, TRUE);
  g_assert_cmpuint(diag_error_count(list), ==, 2 * DIAG_MAX_KEPT + 6);
  out = print_to_string(list, TRUE);
  g_assert_true(g_str_has_suffix(out, "cvtimeline: 6 more errors not shown\n"));
  free(out);
  diag_list_free(list);
}

static void test_warnings_cannot_hide_errors(void)
{
  DiagList *list = diag_list_new();
  for (int i = 0; i < 3 * DIAG_MAX_KEPT; i++)
    diag_warning(list, "cv.yaml", 1, 1, "noise");
  diag_error(list, "cv.yaml", 99, 1, "the real problem");
  char *out = print_to_string(list, TRUE);
  g_assert_cmpstr(out, ==, "cv.yaml:99:1: error: the real problem\n");
  free(out);
  diag_list_free(list);
}

static void test_empty(void)
{
  DiagList *list = diag_list_new();
  char *out = print_to_string(list, FALSE);
  g_assert_cmpstr(out, ==, "");
  free(out);
  g_assert_cmpuint(diag_len(list), ==, 0);
  diag_list_free(list);
  diag_list_free(NULL);
  g_assert_cmpuint(diag_error_count(NULL), ==, 0);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS(escape_cases); i++) {
    char *name = g_strdup_printf("/diag/escape/%" G_GSIZE_FORMAT, i);
    g_test_add_data_func(name, &escape_cases[i], test_escape);
    g_free(name);
  }
  g_test_add_func("/diag/escape/null", test_escape_null);
  g_test_add_func("/diag/escape/exhaustive", test_no_control_bytes_survive);
  g_test_add_func("/diag/escape/file", test_file_escaped);
  g_test_add_func("/diag/format", test_format);
  g_test_add_func("/diag/sort-stable", test_sort_stable);
  g_test_add_func("/diag/quiet", test_quiet);
  g_test_add_func("/diag/strict", test_strict);
  g_test_add_func("/diag/cap", test_cap);
  g_test_add_func("/diag/warnings-cannot-hide-errors", test_warnings_cannot_hide_errors);
  g_test_add_func("/diag/empty", test_empty);
  return g_test_run();
}
