/* Unit tests for ydoc_json.c: what is JSON text, and the fix-ups of the JSON path
 * (surrogate pairs), which YAML input never meets. */
#include "ydoc.h"

#include <string.h>

static void test_looks_like_json(void)
{
  g_assert_true(ydoc_looks_like_json("{}", 2));
  g_assert_true(ydoc_looks_like_json(" \t\r\n[1]", 7));
  g_assert_true(ydoc_looks_like_json("\xEF\xBB\xBF{\"a\": 1}", 11));
  g_assert_false(ydoc_looks_like_json("a: {}", 5));
  g_assert_false(ydoc_looks_like_json("# {\n{}", 6));
  g_assert_false(ydoc_looks_like_json("", 0));
  g_assert_false(ydoc_looks_like_json("   ", 3));
  g_assert_false(ydoc_looks_like_json(NULL, 0));
  g_assert_false(ydoc_looks_like_json("{}", 0)); /* only @len bytes count */
}

/* The string value of @key in the top-level mapping of @json, parsed on the JSON path. */
static char *json_value(const char *json, const char *key, DiagList *diags)
{
  YdocDoc *doc = ydoc_parse_json("cv.json", json, strlen(json), NULL, diags);
  g_assert_nonnull(doc);
  const YdocNode *v = ydoc_get(doc->root, key);
  g_assert_nonnull(v);
  char *text = g_strdup(v->text);
  ydoc_free(doc);
  return text;
}

static void test_surrogate_pairs(void)
{
  DiagList *diags = diag_list_new();
  g_autofree char *rocket = json_value("{\"a\": \"x \\ud83d\\ude80 y\"}", "a", diags);
  g_assert_cmpstr(rocket, ==, "x \U0001F680 y");
  g_autofree char *upper = json_value("{\"a\": \"\\uD83D\\uDE80\"}", "a", diags);
  g_assert_cmpstr(upper, ==, "\U0001F680");
  /* Escaped quotes and backslashes are not delimiters, and "\\u" is no escape. */
  g_autofree char *quoted =
      json_value("{\"a\": \"\\\"\\ud83d\\ude80\\\\\", \"b\": \"\\\\ud83d\\\\ude80\"}", "b", diags);
  g_assert_cmpstr(quoted, ==, "\\ud83d\\ude80");
  /* Outside strings nothing is rewritten, and a BOM does not hide the text. */
  g_autofree char *bom = json_value("\xEF\xBB\xBF{\"a\": \"\\ud83d\\ude80\"}", "a", diags);
  g_assert_cmpstr(bom, ==, "\U0001F680");
  g_assert_cmpuint(diag_len(diags), ==, 0);
  diag_list_free(diags);
}

/* Positions after a rewritten pair shift left by two on its line only. */
static void test_positions(void)
{
  const char *json = "{\"a\": \"\\ud83d\\ude80\", \"b\": 1,\n \"c\": 2}";
  YdocDoc *doc = ydoc_parse_json("cv.json", json, strlen(json), NULL, NULL);
  g_assert_nonnull(doc);
  g_assert_cmpint(ydoc_get(doc->root, "b")->column, ==, 28 - 2);
  g_assert_cmpint(ydoc_get(doc->root, "c")->line, ==, 2);
  g_assert_cmpint(ydoc_get(doc->root, "c")->column, ==, 7);
  ydoc_free(doc);
}

/* A lone surrogate is libyaml's to report; what ydoc refuses anyway (not UTF-8, too
 * large) is reported at the file's own positions. */
static void test_errors(void)
{
  DiagList *diags = diag_list_new();
  const char *lone = "{\"name\": \"\\ud83d x\"}";
  g_assert_null(ydoc_parse_json("cv.json", lone, strlen(lone), NULL, diags));
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  diag_list_free(diags);

  diags = diag_list_new();
  const char *bad = "{\"a\": \"\\ud83d\\ude80\", \"b\": \"\xff\"}";
  g_assert_null(ydoc_parse_json("cv.json", bad, strlen(bad), NULL, diags));
  g_assert_cmpuint(diag_len(diags), ==, 1);
  g_assert_cmpint(diag_get(diags, 0)->column, ==, 29);
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "not valid UTF-8"));
  diag_list_free(diags);

  /* 25 bytes, 23 after the rewrite: still over a 24-byte cap. */
  diags = diag_list_new();
  const char *big = "{\"a\": \"\\ud83d\\ude80\", \"\"}";
  YdocLimits limits = YDOC_DEFAULT_LIMITS;
  limits.max_bytes = strlen(big) - 1;
  g_assert_null(ydoc_parse_json("cv.json", big, strlen(big), &limits, diags));
  g_assert_cmpuint(diag_len(diags), ==, 1);
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "file is larger than"));
  diag_list_free(diags);
}

/* The YAML path leaves the pair alone: libyaml refuses it. */
static void test_yaml_untouched(void)
{
  DiagList *diags = diag_list_new();
  const char *json = "{\"a\": \"\\ud83d\\ude80\"}";
  g_assert_null(ydoc_parse("cv.yaml", json, strlen(json), NULL, diags));
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  diag_list_free(diags);
}

/* A key given twice: JSON allows it and every JSON parser keeps the last, so on the JSON
 * path it is a warning and the last value takes the first one's place (issue 13: a
 * second "languages": [] stopped the file). The same text as YAML stays an error. */
static void test_duplicate_keys(void)
{
  const char *json = "{\"languages\": [1],\n \"work\": [],\n \"languages\": [2, 3],\n"
                     " \"x\": {\"a\": 1, \"a\": 2, \"a\": 3}}";
  DiagList *diags = diag_list_new();
  YdocDoc *doc = ydoc_parse_json("cv.json", json, strlen(json), NULL, diags);
  g_assert_nonnull(doc);
  g_assert_cmpuint(diag_error_count(diags), ==, 0);
  g_assert_cmpuint(diag_warning_count(diags), ==, 3);
  const Diag *d = diag_get(diags, 0);
  g_assert_cmpint(d->line, ==, 3);
  g_assert_cmpint(d->column, ==, 2);
  g_assert_cmpstr(d->text, ==,
                  "duplicate key 'languages' (first given at 1:2); the last one is used");
  g_assert_cmpstr(diag_get(diags, 2)->text, ==,
                  "duplicate key 'a' (first given at 4:8); the last one is used");
  g_assert_cmpuint(doc->root->n, ==, 3); /* each key once, in first-given order */
  g_assert_cmpstr(doc->root->pairs[0].key->text, ==, "languages");
  g_assert_cmpint(doc->root->pairs[0].key->line, ==, 3);
  const YdocNode *langs = ydoc_get(doc->root, "languages");
  g_assert_cmpuint(langs->n, ==, 2);
  const YdocNode *x = ydoc_get(doc->root, "x");
  g_assert_cmpuint(x->n, ==, 1);
  g_assert_cmpstr(ydoc_get(x, "a")->text, ==, "3");
  ydoc_free(doc);
  diag_list_free(diags);

  diags = diag_list_new();
  doc = ydoc_parse("cv.yaml", json, strlen(json), NULL, diags);
  g_assert_nonnull(doc);
  g_assert_cmpuint(diag_error_count(diags), ==, 3);
  g_assert_cmpuint(ydoc_get(doc->root, "languages")->n, ==, 1); /* YAML: the first is kept */
  ydoc_free(doc);
  diag_list_free(diags);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/ydoc_json/looks-like-json", test_looks_like_json);
  g_test_add_func("/ydoc_json/surrogate-pairs", test_surrogate_pairs);
  g_test_add_func("/ydoc_json/positions", test_positions);
  g_test_add_func("/ydoc_json/errors", test_errors);
  g_test_add_func("/ydoc_json/duplicate-keys", test_duplicate_keys);
  g_test_add_func("/ydoc_json/yaml-untouched", test_yaml_untouched);
  return g_test_run();
}
