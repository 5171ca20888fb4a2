/* Unit tests for ydoc: positions, scalars, every guard, libyaml errors, file reading. */
#include "ydoc.h"

#include "sysio.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Parses @text; returns the doc (maybe NULL) and leaves messages in *diags_out. */
static YdocDoc *parse_with(const char *text, gsize len, const YdocLimits *limits,
                           DiagList **diags_out)
{
  DiagList *diags = diag_list_new();
  YdocDoc *doc = ydoc_parse("t.yaml", text, len, limits, diags);
  *diags_out = diags;
  return doc;
}

static YdocDoc *parse_ok(const char *text)
{
  DiagList *diags = NULL;
  YdocDoc *doc = parse_with(text, strlen(text), NULL, &diags);
  if (diag_len(diags) > 0)
    g_test_message("unexpected: %d:%d: %s", diag_get(diags, 0)->line, diag_get(diags, 0)->column,
                   diag_get(diags, 0)->text);
  g_assert_cmpuint(diag_error_count(diags), ==, 0);
  g_assert_nonnull(doc);
  diag_list_free(diags);
  return doc;
}

/* Expects exactly one failure; returns "LINE:COLUMN: TEXT" of the first message. */
static char *parse_error(const char *text, gsize len, const YdocLimits *limits)
{
  DiagList *diags = NULL;
  YdocDoc *doc = parse_with(text, len, limits, &diags);
  /* Duplicate and non-string keys leave a usable tree (NULL for every other error). */
  const char *first = diag_len(diags) ? diag_get(diags, 0)->text : "";
  gboolean recoverable =
      g_str_has_prefix(first, "duplicate key") || g_str_has_prefix(first, "a mapping key must");
  g_assert_true(recoverable ? doc != NULL : doc == NULL);
  ydoc_free(doc);
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  g_assert_cmpuint(diag_len(diags), ==, 1);
  const Diag *d = diag_get(diags, 0);
  g_assert_cmpstr(d->file, ==, "t.yaml");
  char *out = g_strdup_printf("%d:%d: %s", d->line, d->column, d->text);
  diag_list_free(diags);
  return out;
}

/* ---- Positions and scalars ---- */

static void test_positions(void)
{
  YdocDoc *doc = parse_ok("name: Ada\n"
                          "jobs:\n"
                          "  - title: \"Engineer\"\n"
                          "    org: 'ACME'\n"
                          "  - [a, b]\n");
  const YdocNode *root = doc->root;
  g_assert_cmpint(root->kind, ==, YDOC_MAPPING);
  g_assert_cmpuint(root->n, ==, 2);
  g_assert_cmpint(root->line, ==, 1);
  g_assert_cmpint(root->column, ==, 1);
  const YdocNode *name = ydoc_get(root, "name");
  g_assert_cmpstr(name->text, ==, "Ada");
  g_assert_cmpint(name->line, ==, 1);
  g_assert_cmpint(name->column, ==, 7);
  g_assert_true(name->plain);
  g_assert_cmpint(root->pairs[1].key->line, ==, 2);
  g_assert_cmpint(root->pairs[1].key->column, ==, 1);
  const YdocNode *jobs = ydoc_get(root, "jobs");
  g_assert_cmpint(jobs->kind, ==, YDOC_SEQUENCE);
  g_assert_cmpuint(jobs->n, ==, 2);
  g_assert_cmpint(jobs->line, ==, 3);
  g_assert_cmpint(jobs->column, ==, 3);
  const YdocNode *job = jobs->items[0];
  g_assert_cmpint(job->line, ==, 3);
  g_assert_cmpint(job->column, ==, 5);
  const YdocNode *title = ydoc_get(job, "title");
  g_assert_cmpstr(title->text, ==, "Engineer");
  g_assert_false(title->plain);
  g_assert_cmpint(title->line, ==, 3);
  g_assert_cmpint(title->column, ==, 12);
  const YdocNode *org = ydoc_get(job, "org");
  g_assert_false(org->plain);
  g_assert_cmpint(org->line, ==, 4);
  g_assert_cmpint(org->column, ==, 10);
  const YdocNode *flow = jobs->items[1];
  g_assert_cmpint(flow->kind, ==, YDOC_SEQUENCE);
  g_assert_cmpint(flow->column, ==, 5);
  g_assert_cmpint(flow->items[1]->column, ==, 9);
  g_assert_null(ydoc_get(root, "missing"));
  g_assert_null(ydoc_get(jobs, "title"));
  ydoc_free(doc);
}

typedef struct {
  const char *yaml; /* "v: ..." */
  gboolean is_null;
  gboolean plain;
  const char *text;
} NullCase;

static const NullCase null_cases[] = {
    {"v: ~", TRUE, TRUE, "~"},
    {"v: null", TRUE, TRUE, "null"},
    {"v: Null", TRUE, TRUE, "Null"},
    {"v: NULL", TRUE, TRUE, "NULL"},
    {"v:", TRUE, TRUE, ""},
    {"v: 'null'", FALSE, FALSE, "null"},
    {"v: \"~\"", FALSE, FALSE, "~"},
    {"v: ''", FALSE, FALSE, ""},
    {"v: nULL", FALSE, TRUE, "nULL"},
    {"v: true", FALSE, TRUE, "true"},
    {"v: |\n  a\n  b\n", FALSE, FALSE, "a\nb\n"},
    {"v: \"caf\\u00e9 \\t\"", FALSE, FALSE, "café \t"},
};

static void test_null_and_plain(gconstpointer data)
{
  const NullCase *c = data;
  YdocDoc *doc = parse_ok(c->yaml);
  const YdocNode *v = ydoc_get(doc->root, "v");
  g_assert_nonnull(v);
  g_assert_cmpint(v->kind, ==, YDOC_SCALAR);
  g_assert_cmpstr(v->text, ==, c->text);
  g_assert_cmpuint(v->text_len, ==, strlen(c->text));
  g_assert_cmpint(v->plain, ==, c->plain);
  g_assert_cmpint(ydoc_is_null(v), ==, c->is_null);
  ydoc_free(doc);
}

static void test_kind_names(void)
{
  g_assert_cmpstr(ydoc_kind_name(YDOC_SCALAR), ==, "a string");
  g_assert_cmpstr(ydoc_kind_name(YDOC_SEQUENCE), ==, "a list");
  g_assert_cmpstr(ydoc_kind_name(YDOC_MAPPING), ==, "a mapping");
  g_assert_false(ydoc_is_null(NULL));
}

static void test_empty_documents(void)
{
  const char *cases[] = {"", "# only a comment\n", "\n\n", "---\n", "---\n...\n", "\xEF\xBB\xBF"};
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    YdocDoc *doc = parse_ok(cases[i]);
    g_assert_null(doc->root);
    g_assert_cmpstr(doc->file, ==, "t.yaml");
    ydoc_free(doc);
  }
  /* NULL data with no length is an empty document too. */
  DiagList *diags = diag_list_new();
  YdocDoc *doc = ydoc_parse("t.yaml", NULL, 0, NULL, diags);
  g_assert_nonnull(doc);
  g_assert_null(doc->root);
  ydoc_free(doc);
  diag_list_free(diags);
  ydoc_free(NULL);
}

static void test_bom_skipped(void)
{
  YdocDoc *doc = parse_ok("\xEF\xBB\xBFkey: value\n");
  const YdocNode *v = ydoc_get(doc->root, "key");
  g_assert_cmpstr(v->text, ==, "value");
  g_assert_cmpint(v->line, ==, 1);
  g_assert_cmpint(v->column, ==, 6);
  ydoc_free(doc);
}

static void test_json_with_tabs(void)
{
  const char *json = "{\n"
                     "\t\"basics\": {\n"
                     "\t\t\"name\": \"Jos\\u00e9 \\\"J\\\" M\\u00fcller\",\n"
                     "\t\t\"n\": [1,\t2,\t{\"a\": null}]\n"
                     "\t},\n"
                     "\t\"empty\": []\n"
                     "}\n";
  YdocDoc *doc = parse_ok(json);
  const YdocNode *basics = ydoc_get(doc->root, "basics");
  g_assert_nonnull(basics);
  g_assert_cmpint(basics->line, ==, 2);
  g_assert_cmpint(basics->column, ==, 12);
  const YdocNode *name = ydoc_get(basics, "name");
  g_assert_cmpstr(name->text, ==, "José \"J\" Müller");
  g_assert_cmpint(name->line, ==, 3);
  g_assert_cmpint(name->column, ==, 11);
  const YdocNode *n = ydoc_get(basics, "n");
  g_assert_cmpuint(n->n, ==, 3);
  g_assert_true(ydoc_is_null(ydoc_get(n->items[2], "a")));
  g_assert_cmpuint(ydoc_get(doc->root, "empty")->n, ==, 0);
  ydoc_free(doc);
}

static void test_merge_key_is_ordinary(void)
{
  YdocDoc *doc = parse_ok("base: &b {x: 1}\n"
                          "other:\n"
                          "  <<: *b\n"
                          "  y: 2\n");
  const YdocNode *other = ydoc_get(doc->root, "other");
  g_assert_cmpuint(other->n, ==, 2);
  const YdocNode *merged = ydoc_get(other, "<<");
  g_assert_cmpint(merged->kind, ==, YDOC_MAPPING);
  g_assert_cmpstr(ydoc_get(merged, "x")->text, ==, "1");
  /* The alias keeps its own position; its children are the anchor's, shared. */
  g_assert_cmpint(merged->line, ==, 3);
  g_assert_cmpint(merged->column, ==, 7);
  const YdocNode *base = ydoc_get(doc->root, "base");
  g_assert_cmpint(base->line, ==, 1);
  g_assert_true(merged->pairs == base->pairs);
  ydoc_free(doc);
}

static void test_alias_scalar_key(void)
{
  YdocDoc *doc = parse_ok("a: &k name\n*k : 2\n");
  g_assert_cmpstr(ydoc_get(doc->root, "name")->text, ==, "2");
  ydoc_free(doc);
}

/* ---- Errors: table of input -> "LINE:COLUMN: TEXT" prefix ---- */

typedef struct {
  const char *name;
  const char *yaml;
  const char *expected; /* the first message, "LINE:COLUMN: TEXT" */
} ErrorCase;

static const ErrorCase error_cases[] = {
    {"duplicate-key", "a: 1\nb: 2\na: 3\n", "3:1: duplicate key 'a' (first given at 1:1)"},
    {"duplicate-nested", "x:\n  k: 1\n  k: 2\n", "3:3: duplicate key 'k' (first given at 2:3)"},
    {"duplicate-quoted", "{\"k\": 1, k: 2}", "1:10: duplicate key 'k' (first given at 1:2)"},
    {"duplicate-hostile", "\"k\\e]0;x\\a\\x9b\\u202e\": 1\n\"k\\e]0;x\\a\\x9b\\u202e\": 2\n",
     "2:1: duplicate key 'k\\x1B]0;x\\x07\\u009B\\u202E' (first given at 1:1)"},
    {"sequence-key", "? [a, b]\n: 1\n", "1:3: a mapping key must be a string, not a list"},
    {"mapping-key", "{{a: 1}: 2}", "1:2: a mapping key must be a string, not a mapping"},
    {"second-document", "a: 1\n---\nb: 2\n",
     "2:1: a second YAML document; the file must hold only one"},
    {"second-empty-document", "a: 1\n...\n---\n",
     "3:1: a second YAML document; the file must hold only one"},
    {"mapping-values", "a: 1\nb:\n  c: d: e\n",
     "3:7: mapping values are not allowed in this context"},
    {"unclosed-flow", "a: [1, 2\nb: 3\n",
     "2:2: did not find expected ',' or ']' (while parsing a flow sequence that started at 1:4)"},
    {"bad-indent", "a:\n  b: 1\n c: 2\n",
     "3:2: did not find expected key (while parsing a block mapping that started at 1:1)"},
    {"unknown-anchor", "a: *nope\n", "1:4: unknown anchor 'nope'"},
    {"recursive-alias", "a: &x [1, *x]\n", "1:11: alias '*x' refers to a node that contains it"},
    {"quoted-nul", "a: \"x\\0y\"\n", "1:4: a string may not contain a NUL character"},
    {"control-char", "a: \x1b[31mred\n", "1:4: control characters are not allowed (U+001B)"},
    {"invalid-utf8", "a: ok\nb: caf\xC3\n", "2:7: not valid UTF-8 (byte 0xC3)"},
    {"invalid-utf8-mid", "a: é\xFF\n", "1:5: not valid UTF-8 (byte 0xFF)"},
    {"invalid-utf8-crlf", "a: 1\r\nb: 2\r\nc: \xFF\r\n", "3:4: not valid UTF-8 (byte 0xFF)"},
    {"invalid-utf8-cr", "a: 1\rb: \xFF", "2:4: not valid UTF-8 (byte 0xFF)"},
    {"invalid-utf8-after-bom", "\xEF\xBB\xBF\xFF", "1:1: not valid UTF-8 (byte 0xFF)"},
    {"truncated-utf8-at-end", "a: \xE2\x82", "1:4: not valid UTF-8 (byte 0xE2)"},
    {"alias-mapping-key", "a: &m {x: 1}\n? *m\n: 2\n",
     "2:3: a mapping key must be a string, not a mapping"},
    {"error-after-crlf", "a: 1\r\nb: 2\r\n  c: 3\r\n",
     "3:4: mapping values are not allowed in this context"},
    {"overlong-utf8", "\xC0\xAF", "1:1: not valid UTF-8 (byte 0xC0)"},
    {"utf16-bom",
     "\xFF\xFE"
     "a\0:\0",
     "1:1: not valid UTF-8 (byte 0xFF)"},
    {"tab-indent", "a:\n\tb: 1\n",
     "2:1: found character that cannot start any token (while scanning for the next token that "
     "started at 2:1)"},
};

static void test_error_case(gconstpointer data)
{
  const ErrorCase *c = data;
  gsize len = strlen(c->yaml);
  if (strcmp(c->name, "utf16-bom") == 0)
    len = 6;
  char *got = parse_error(c->yaml, len, NULL);
  g_assert_cmpstr(got, ==, c->expected);
  g_free(got);
}

static void test_nul_byte(void)
{
  static const char data[] = "a: 1\nb: x\0y\n";
  char *got = parse_error(data, sizeof data - 1, NULL);
  g_assert_cmpstr(got, ==, "2:5: a NUL byte; a CV is a text file");
  g_free(got);
}

static void test_duplicates_all_reported(void)
{
  DiagList *diags = NULL;
  const char *text = "a: 1\na: 2\nb: {c: 1, c: 2}\n";
  YdocDoc *doc = parse_with(text, strlen(text), NULL, &diags);
  /* The tree stays usable, without the second pairs, so the reader can go on. */
  g_assert_nonnull(doc);
  g_assert_cmpuint(doc->root->n, ==, 2);
  g_assert_cmpstr(ydoc_get(doc->root, "a")->text, ==, "1");
  g_assert_cmpuint(ydoc_get(doc->root, "b")->n, ==, 1);
  ydoc_free(doc);
  g_assert_cmpuint(diag_error_count(diags), ==, 2);
  g_assert_cmpint(diag_get(diags, 1)->line, ==, 3);
  g_assert_cmpint(diag_get(diags, 1)->column, ==, 11);
  diag_list_free(diags);
}

static void test_long_duplicate_key_shortened(void)
{
  GString *key = g_string_new(NULL);
  for (int i = 0; i < 200; i++)
    g_string_append_c(key, 'k');
  char *text = g_strdup_printf("%s: 1\n%s: 2\n", key->str, key->str);
  char *got = parse_error(text, strlen(text), NULL);
  g_assert_true(g_str_has_prefix(got, "2:1: duplicate key 'kkk"));
  g_assert_nonnull(strstr(got, "…' (first given at 1:1)"));
  g_assert_cmpuint(strlen(got), <, 120);
  g_free(got);
  g_free(text);
  g_string_free(key, TRUE);
}

/* ---- Guards ---- */

static void test_size_cap(void)
{
  YdocLimits lim = YDOC_DEFAULT_LIMITS;
  lim.max_bytes = 8;
  char *got = parse_error("a: 123456\n", 10, &lim);
  g_assert_cmpstr(got, ==, "0:0: file is larger than 8 bytes");
  g_free(got);
  YdocDoc *doc = ydoc_parse("t.yaml", "a: 12345", 8, &lim, NULL);
  g_assert_nonnull(doc);
  ydoc_free(doc);
}

static char *repeat(const char *unit, int times)
{
  GString *s = g_string_new(NULL);
  for (int i = 0; i < times; i++)
    g_string_append(s, unit);
  return g_string_free(s, FALSE);
}

typedef struct {
  const char *unit; /* repeated 100,000 times */
  const char *expected;
} DeepCase;

static const DeepCase deep_cases[] = {
    {"[", "1:65: lists and mappings are nested more than 64 levels deep"},
    {"{", "1:65: lists and mappings are nested more than 64 levels deep"},
    {"{a: ", "1:257: lists and mappings are nested more than 64 levels deep"},
    {"- ", "1:129: lists and mappings are nested more than 64 levels deep"},
    {"[{a: ", "1:161: lists and mappings are nested more than 64 levels deep"},
};

static void test_depth_deep(gconstpointer data)
{
  const DeepCase *c = data;
  char *open = repeat(c->unit, 100000);
  gint64 start = g_get_monotonic_time();
  char *got = parse_error(open, strlen(open), NULL);
  gint64 elapsed = g_get_monotonic_time() - start;
  g_assert_cmpstr(got, ==, c->expected);
  g_assert_cmpint(elapsed, <, G_USEC_PER_SEC / 2);
  g_free(got);
  g_free(open);
}

static void test_depth_exact(void)
{
  /* 64 levels pass, 65 fail. */
  char *open = repeat("[", 64);
  char *close = repeat("]", 64);
  char *text = g_strconcat(open, close, NULL);
  YdocDoc *doc = parse_ok(text);
  const YdocNode *n = doc->root;
  int depth = 0;
  while (n != NULL && n->kind == YDOC_SEQUENCE) {
    depth++;
    n = n->n > 0 ? n->items[0] : NULL;
  }
  g_assert_cmpint(depth, ==, 64);
  ydoc_free(doc);
  g_free(text);
  g_free(open);
  g_free(close);
  open = repeat("[", 65);
  close = repeat("]", 65);
  text = g_strconcat(open, close, NULL);
  char *got = parse_error(text, strlen(text), NULL);
  g_assert_cmpstr(got, ==, "1:65: lists and mappings are nested more than 64 levels deep");
  g_free(got);
  g_free(text);
  g_free(open);
  g_free(close);
}

static void test_depth_block(void)
{
  GString *s = g_string_new(NULL);
  for (int i = 0; i < 100; i++) {
    for (int j = 0; j < i; j++)
      g_string_append_c(s, ' ');
    g_string_append(s, "k:\n");
  }
  char *got = parse_error(s->str, s->len, NULL);
  g_assert_cmpstr(got, ==, "65:65: lists and mappings are nested more than 64 levels deep");
  g_free(got);
  g_string_free(s, TRUE);
}

static void test_depth_through_alias(void)
{
  /* Each part is shallow enough; the alias puts a 40-deep list under 30 levels. */
  char *open = repeat("[", 40);
  char *close = repeat("]", 40);
  char *deep_open = repeat("[", 30);
  char *deep_close = repeat("]", 30);
  char *text = g_strdup_printf("a: &x %s%s\nb: %s*x%s\n", open, close, deep_open, deep_close);
  char *got = parse_error(text, strlen(text), NULL);
  g_assert_cmpstr(got, ==, "2:34: alias '*x' nests lists and mappings more than 64 levels deep");
  g_free(got);
  g_free(text);
  g_free(open);
  g_free(close);
  g_free(deep_open);
  g_free(deep_close);
}

static const char billion_laughs[] =
    "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";

static void test_billion_laughs(void)
{
  gint64 start = g_get_monotonic_time();
  char *got = parse_error(billion_laughs, strlen(billion_laughs), NULL);
  gint64 elapsed = g_get_monotonic_time() - start;
  /* a: 10 nodes, b: 91, c: 820, d: 7381, e: 66430, f: 597871: with the root and keys the
   * count is 672612 when g's list opens, so its first *f goes past a million. */
  g_assert_cmpstr(got, ==,
                  "7:8: the document has more than 1000000 nodes (aliases count as copies of "
                  "what they refer to)");
  g_assert_cmpint(elapsed, <, G_USEC_PER_SEC / 10);
  g_free(got);
}

static void test_alias_budget_counts_expansion(void)
{
  YdocLimits lim = YDOC_DEFAULT_LIMITS;
  /* root(1) a(1) [x, y](3) b(1) *s(3 again) = 9 nodes: 9 fits, 8 does not. */
  lim.max_nodes = 9;
  YdocDoc *doc = ydoc_parse("t.yaml", "a: &s [x, y]\nb: *s\n", 19, &lim, NULL);
  g_assert_nonnull(doc);
  ydoc_free(doc);
  lim.max_nodes = 8;
  char *got = parse_error("a: &s [x, y]\nb: *s\n", 19, &lim);
  g_assert_cmpstr(got, ==,
                  "2:4: the document has more than 8 nodes (aliases count as copies of what they "
                  "refer to)");
  g_free(got);
}

static void test_alias_text_budget(void)
{
  /* Few nodes but much text: each alias of a long string counts its bytes again, so a
   * handful of anchors cannot make the readers walk gigabytes. Keys count too:
   * keys a, b, c (3) + 10 + 10 + 10 = 33 fits, 32 does not. */
  YdocLimits lim = YDOC_DEFAULT_LIMITS;
  const char *text = "a: &s 0123456789\nb: *s\nc: *s\n";
  lim.max_bytes = 33;
  YdocDoc *doc = ydoc_parse("t.yaml", text, strlen(text), &lim, NULL);
  g_assert_nonnull(doc);
  ydoc_free(doc);
  lim.max_bytes = 32;
  char *got = parse_error(text, strlen(text), &lim);
  g_assert_cmpstr(got, ==,
                  "3:4: the document holds more than 32 bytes of text (aliases count as copies "
                  "of what they refer to)");
  g_free(got);
}

static void test_scalar_cap(void)
{
  YdocLimits lim = YDOC_DEFAULT_LIMITS;
  lim.max_scalar = 4;
  char *got = parse_error("a: abcd\nb: abcde\n", 17, &lim);
  g_assert_cmpstr(got, ==, "2:4: a string longer than 4 bytes");
  g_free(got);
}

static void test_many_errors_no_leak(void)
{
  /* Error paths with open frames, pending anchors and parsed values: run under valgrind. */
  const char *texts[] = {
      "a: &x {b: [1, {c: &y [2, *y]}]}",
      "a: {b: [1, 2, {c: d}], e: [",
      "x: &a [&b {k: v}, *b]\nx: 1\n",
      "a:\n  - b: &n [1]\n  - c: *n\n  - *missing\n",
  };
  for (gsize i = 0; i < G_N_ELEMENTS(texts); i++) {
    DiagList *diags = NULL;
    YdocDoc *doc = parse_with(texts[i], strlen(texts[i]), NULL, &diags);
    /* The duplicate key (third text) leaves a usable tree; the others none. */
    g_assert_true(i == 2 ? doc != NULL : doc == NULL);
    ydoc_free(doc);
    g_assert_cmpuint(diag_error_count(diags), >=, 1);
    diag_list_free(diags);
  }
}

/* ---- Reading files ---- */

static char *tmp_dir;

static char *write_tmp(const char *name, const char *content, gsize len)
{
  char *path = g_build_filename(tmp_dir, name, NULL);
  g_assert_true(g_file_set_contents(path, content, (gssize)len, NULL));
  return path;
}

static void test_read_regular(void)
{
  char *path = write_tmp("ok.yaml", "a: 1\n", 5);
  DiagList *diags = diag_list_new();
  gsize len = 0;
  char *data = ydoc_read_file(path, YDOC_MAX_BYTES, &len, diags);
  g_assert_cmpstr(data, ==, "a: 1\n");
  g_assert_cmpuint(len, ==, 5);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_free(data);
  /* Exactly at the cap is fine, one byte past is not. */
  data = ydoc_read_file(path, 5, &len, diags);
  g_assert_nonnull(data);
  g_free(data);
  data = ydoc_read_file(path, 4, &len, diags);
  g_assert_null(data);
  g_assert_cmpuint(diag_len(diags), ==, 1);
  g_assert_cmpstr(diag_get(diags, 0)->text, ==, "file is larger than 4 bytes");
  g_assert_cmpstr(diag_get(diags, 0)->file, ==, path);
  g_assert_cmpint(diag_get(diags, 0)->line, ==, 0);
  diag_list_free(diags);
  g_free(path);
}

static void expect_read_error(const char *path, gsize max, const char *expected)
{
  DiagList *diags = diag_list_new();
  gsize len = 12345;
  char *data = ydoc_read_file(path, max, &len, diags);
  g_assert_null(data);
  g_assert_cmpuint(len, ==, 12345);
  g_assert_cmpuint(diag_len(diags), ==, 1);
  const Diag *d = diag_get(diags, 0);
  g_assert_cmpstr(d->file, ==, path);
  g_assert_cmpint(d->line, ==, 0);
  g_assert_cmpint(d->column, ==, 0);
  g_assert_cmpstr(d->text, ==, expected);
  diag_list_free(diags);
}

static void test_read_errors(void)
{
  char *missing = g_build_filename(tmp_dir, "missing.yaml", NULL);
  char *expected = g_strdup_printf("cannot open: %s", g_strerror(ENOENT));
  expect_read_error(missing, YDOC_MAX_BYTES, expected);
  g_free(expected);
  g_free(missing);
  expect_read_error(tmp_dir, YDOC_MAX_BYTES, "is a directory");
  if (g_file_test("/dev/zero", G_FILE_TEST_EXISTS)) {
    gint64 start = g_get_monotonic_time();
    expect_read_error("/dev/zero", YDOC_MAX_BYTES, "file is larger than 16 MiB");
    g_assert_cmpint(g_get_monotonic_time() - start, <, 2 * G_USEC_PER_SEC);
  }
  if (getuid() != 0) {
    char *path = write_tmp("secret.yaml", "a: 1\n", 5);
    g_assert_cmpint(g_chmod(path, 0), ==, 0);
    expected = g_strdup_printf("cannot open: %s", g_strerror(EACCES));
    expect_read_error(path, YDOC_MAX_BYTES, expected);
    g_free(expected);
    g_free(path);
  }
}

static void test_read_big_regular(void)
{
  gsize size = 3 * 1024 * 1024 + 17;
  char *content = g_malloc(size);
  memset(content, 'x', size);
  char *path = write_tmp("big.yaml", content, size);
  gsize len = 0;
  char *data = ydoc_read_file(path, size, &len, NULL);
  g_assert_cmpuint(len, ==, size);
  g_assert_true(memcmp(data, content, size) == 0);
  g_assert_cmpint(data[size], ==, '\0');
  g_free(data);
  expect_read_error(path, 2 * 1024 * 1024, "file is larger than 2 MiB");
  g_free(path);
  g_free(content);
}

static void test_read_fifo(void)
{
  char *path = g_build_filename(tmp_dir, "fifo", NULL);
  if (mkfifo(path, 0600) != 0) {
    g_test_skip("mkfifo failed");
    g_free(path);
    return;
  }
  GPid pid = fork();
  g_assert_cmpint(pid, >=, 0);
  if (pid == 0) {
    int fd = open(path, O_WRONLY);
    ssize_t n = write(fd, "k: v\n", 5);
    _exit(n == 5 ? 0 : 1);
  }
  gsize len = 0;
  DiagList *diags = diag_list_new();
  char *data = ydoc_read_file(path, YDOC_MAX_BYTES, &len, diags);
  g_assert_cmpstr(data, ==, "k: v\n");
  g_assert_cmpuint(diag_len(diags), ==, 0);
  int status = 0;
  waitpid(pid, &status, 0);
  g_free(data);
  diag_list_free(diags);
  g_unlink(path);
  g_free(path);
}

/* A FIFO nobody writes to, and a pipe on standard input that nobody writes to, give up
 * after the wait; "-" is named "<stdin>" in the message. */
static void test_read_no_writer(void)
{
  char *path = g_build_filename(tmp_dir, "lonely-fifo", NULL);
  if (mkfifo(path, 0600) != 0) {
    g_test_skip("mkfifo failed");
    g_free(path);
    return;
  }
  sysio_set_wait_limit(50);
  expect_read_error(path, YDOC_MAX_BYTES,
                    "cannot read: nothing arrived within 50 ms (CVTIMELINE_PIPE_TIMEOUT sets how "
                    "long to wait)");
  int fds[2];
  g_assert_cmpint(pipe(fds), ==, 0);
  g_assert_cmpint(write(fds[1], "a: ", 3), ==, 3);
  int saved = dup(STDIN_FILENO);
  dup2(fds[0], STDIN_FILENO);
  sysio_reset_budget();
  DiagList *diags = diag_list_new();
  gsize len = 0;
  char *data = ydoc_read_file("-", YDOC_MAX_BYTES, &len, diags);
  dup2(saved, STDIN_FILENO);
  close(saved);
  g_assert_null(data);
  g_assert_cmpuint(diag_len(diags), ==, 1);
  g_assert_cmpstr(diag_get(diags, 0)->file, ==, "<stdin>");
  g_assert_cmpstr(diag_get(diags, 0)->text, ==,
                  "cannot read: the input did not end within 50 ms (CVTIMELINE_PIPE_TIMEOUT "
                  "sets how long to wait)");
  diag_list_free(diags);
  close(fds[0]);
  close(fds[1]);
  sysio_set_wait_limit(SYSIO_DEFAULT_WAIT_MS);
  g_unlink(path);
  g_free(path);
}

static void test_read_stdin(void)
{
  char *path = write_tmp("stdin.yaml", "s: 1\n", 5);
  int saved = dup(STDIN_FILENO);
  int fd = open(path, O_RDONLY);
  dup2(fd, STDIN_FILENO);
  close(fd);
  gsize len = 0;
  char *data = ydoc_read_file("-", YDOC_MAX_BYTES, &len, NULL);
  dup2(saved, STDIN_FILENO);
  close(saved);
  g_assert_cmpstr(data, ==, "s: 1\n");
  g_free(data);
  g_free(path);
}

static void remove_tree(const char *dir)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  const char *name;
  while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
    char *p = g_build_filename(dir, name, NULL);
    g_unlink(p);
    g_free(p);
  }
  if (d != NULL)
    g_dir_close(d);
  g_rmdir(dir);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp("test-ydoc-XXXXXX", NULL);
  g_assert_nonnull(tmp_dir);
  g_test_add_func("/ydoc/positions", test_positions);
  for (gsize i = 0; i < G_N_ELEMENTS(null_cases); i++) {
    char *name = g_strdup_printf("/ydoc/scalar/%" G_GSIZE_FORMAT, i);
    g_test_add_data_func(name, &null_cases[i], test_null_and_plain);
    g_free(name);
  }
  g_test_add_func("/ydoc/kind-names", test_kind_names);
  g_test_add_func("/ydoc/empty-documents", test_empty_documents);
  g_test_add_func("/ydoc/bom", test_bom_skipped);
  g_test_add_func("/ydoc/json-tabs", test_json_with_tabs);
  g_test_add_func("/ydoc/merge-key", test_merge_key_is_ordinary);
  g_test_add_func("/ydoc/alias-scalar-key", test_alias_scalar_key);
  for (gsize i = 0; i < G_N_ELEMENTS(error_cases); i++) {
    char *name = g_strdup_printf("/ydoc/error/%s", error_cases[i].name);
    g_test_add_data_func(name, &error_cases[i], test_error_case);
    g_free(name);
  }
  g_test_add_func("/ydoc/error/nul-byte", test_nul_byte);
  g_test_add_func("/ydoc/error/duplicates-all-reported", test_duplicates_all_reported);
  g_test_add_func("/ydoc/error/long-duplicate-key", test_long_duplicate_key_shortened);
  g_test_add_func("/ydoc/guard/size", test_size_cap);
  for (gsize i = 0; i < G_N_ELEMENTS(deep_cases); i++) {
    char *name = g_strdup_printf("/ydoc/guard/depth-100000/%" G_GSIZE_FORMAT, i);
    g_test_add_data_func(name, &deep_cases[i], test_depth_deep);
    g_free(name);
  }
  g_test_add_func("/ydoc/guard/depth-exact", test_depth_exact);
  g_test_add_func("/ydoc/guard/depth-block", test_depth_block);
  g_test_add_func("/ydoc/guard/depth-through-alias", test_depth_through_alias);
  g_test_add_func("/ydoc/guard/billion-laughs", test_billion_laughs);
  g_test_add_func("/ydoc/guard/alias-budget", test_alias_budget_counts_expansion);
  g_test_add_func("/ydoc/guard/alias-text", test_alias_text_budget);
  g_test_add_func("/ydoc/guard/scalar", test_scalar_cap);
  g_test_add_func("/ydoc/guard/error-paths", test_many_errors_no_leak);
  g_test_add_func("/ydoc/read/regular", test_read_regular);
  g_test_add_func("/ydoc/read/errors", test_read_errors);
  g_test_add_func("/ydoc/read/big", test_read_big_regular);
  g_test_add_func("/ydoc/read/fifo", test_read_fifo);
  g_test_add_func("/ydoc/read/no-writer", test_read_no_writer);
  g_test_add_func("/ydoc/read/stdin", test_read_stdin);
  int rc = g_test_run();
  remove_tree(tmp_dir);
  g_free(tmp_dir);
  return rc;
}
