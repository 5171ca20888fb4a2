/* Unit tests for readctx.c: each getter's result and its one wording of each message. */
#include "readctx.h"

#include <string.h>

typedef struct {
  YdocDoc *doc;
  DiagList *diags;
  ReadCtx c;
} Fixture;

/* Parses @yaml (which must parse) and starts a pass over it. */
static void setup(Fixture *f, const char *yaml)
{
  f->diags = diag_list_new();
  f->doc = ydoc_parse("t.yaml", yaml, strlen(yaml), NULL, f->diags);
  g_assert_nonnull(f->doc);
  g_assert_cmpuint(diag_len(f->diags), ==, 0);
  readctx_init(&f->c, "t.yaml", f->diags);
}

static void teardown(Fixture *f)
{
  ydoc_free(f->doc);
  diag_list_free(f->diags);
}

static const YdocNode *value(Fixture *f, const char *key)
{
  const YdocNode *v = ydoc_get(f->doc->root, key);
  g_assert_nonnull(v);
  return v;
}

/* The messages so far as "LINE:COL: error|warning: TEXT\n" lines; then forgets them. */
static char *take(Fixture *f)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < diag_len(f->diags); i++) {
    const Diag *d = diag_get(f->diags, i);
    g_string_append_printf(s, "%d:%d: %s: %s\n", d->line, d->column,
                           d->severity == DIAG_ERROR ? "error" : "warning", d->text);
  }
  diag_list_free(f->diags);
  f->diags = diag_list_new();
  f->c.diags = f->diags;
  f->c.errors_before = 0;
  return g_string_free(s, FALSE);
}

static void expect(Fixture *f, const char *want)
{
  g_autofree char *got = take(f);
  g_assert_cmpstr(got, ==, want);
}

static void test_kinds(void)
{
  Fixture f;
  setup(&f, "s: text\nn: ~\nq: ''\nl: [1]\nm: {a: 1}\n");
  g_assert_cmpstr(readctx_found(value(&f, "s")), ==, "a string");
  g_assert_cmpstr(readctx_found(value(&f, "n")), ==, "an empty value");
  g_assert_cmpstr(readctx_found(value(&f, "q")), ==, "a string"); /* quoted: not null */
  g_assert_cmpstr(readctx_found(value(&f, "l")), ==, "a list");
  g_assert_cmpstr(readctx_found(value(&f, "m")), ==, "a mapping");
  g_autofree char *quoted = readctx_found_value(value(&f, "s"));
  g_assert_cmpstr(quoted, ==, "'text'");
  g_autofree char *empty = readctx_found_value(value(&f, "n"));
  g_assert_cmpstr(empty, ==, "an empty value");
  g_autofree char *list = readctx_found_value(value(&f, "l"));
  g_assert_cmpstr(list, ==, "a list");
  g_assert_true(readctx_expect(&f.c, value(&f, "l"), YDOC_SEQUENCE));
  g_assert_false(readctx_expect(&f.c, value(&f, "n"), YDOC_SCALAR));
  g_assert_false(readctx_expect(&f.c, value(&f, "m"), YDOC_SEQUENCE));
  g_assert_false(readctx_given(&f.c, value(&f, "n"), YDOC_MAPPING)); /* silent */
  g_assert_false(readctx_given(&f.c, value(&f, "s"), YDOC_MAPPING));
  g_assert_true(readctx_failed(&f.c));
  expect(&f, "2:4: error: expected a string, found an empty value\n"
             "5:4: error: expected a list, found a mapping\n"
             "1:4: error: expected a mapping, found a string\n");
  g_assert_false(readctx_failed(&f.c));
  /* Without positions (a --set value), messages name only the file. */
  f.c.positions = FALSE;
  readctx_warning(&f.c, value(&f, "s"), "w %d", 1);
  readctx_error(&f.c, NULL, "e");
  expect(&f, "0:0: warning: w 1\n0:0: error: e\n");
  teardown(&f);
}

static void test_root(void)
{
  Fixture f;
  setup(&f, "a: 1\n");
  g_assert_true(readctx_root(&f.c, f.doc) == f.doc->root);
  teardown(&f);
  setup(&f, "- a\n");
  g_assert_null(readctx_root(&f.c, f.doc));
  expect(&f, "1:1: error: expected a mapping at the top level, found a list\n");
  teardown(&f);
  setup(&f, "# nothing\n");
  g_assert_null(readctx_root(&f.c, f.doc));
  expect(&f, "1:1: error: the file is empty: expected a mapping at the top level\n");
  teardown(&f);
}

static void test_string(void)
{
  Fixture f;
  setup(&f, "s: Engineer\nn: ~\ne: ''\nl: [a]\nlong: Abcdefgh\n");
  char *out = g_strdup("old");
  g_assert_true(readctx_string(&f.c, value(&f, "s"), &out));
  g_assert_cmpstr(out, ==, "Engineer");
  g_assert_true(readctx_string(&f.c, value(&f, "n"), &out));
  g_assert_null(out);
  g_assert_true(readctx_string(&f.c, value(&f, "e"), &out));
  g_assert_null(out);
  g_assert_false(readctx_string(&f.c, value(&f, "l"), &out));
  g_assert_null(out);
  f.c.max_text_chars = 5;
  g_assert_true(readctx_string(&f.c, value(&f, "long"), &out));
  g_assert_cmpstr(out, ==, "Abcd…");
  g_free(out);
  expect(&f, "4:4: error: expected a string, found a list\n"
             "5:7: warning: text longer than 5 characters, shortened\n");
  teardown(&f);
}

/* What a reader keeps is clean: no bidi controls, noncharacters or controls; trimmed. */
static void test_string_clean(void)
{
  Fixture f;
  setup(&f, "a: \"  T\\u202Eitle\\uFFFE \\U0001FFFE\\n\"\nb: \"\\u202E\\t\"\nc: \"a\\ab\"\n"
            "long: \" abc\\u202Edef \"\n");
  char *out = NULL;
  g_assert_true(readctx_string(&f.c, value(&f, "a"), &out));
  g_assert_cmpstr(out, ==, "Title");
  g_assert_true(readctx_string(&f.c, value(&f, "b"), &out));
  g_assert_null(out); /* nothing left */
  g_assert_true(readctx_string(&f.c, value(&f, "c"), &out));
  g_assert_cmpstr(out, ==, "a b");
  f.c.max_text_chars = 6; /* measured once clean: "abcdef" fits */
  g_assert_true(readctx_string(&f.c, value(&f, "long"), &out));
  g_assert_cmpstr(out, ==, "abcdef");
  g_free(out);
  expect(&f, "");
  teardown(&f);
}

static void test_links(void)
{
  Fixture f;
  setup(&f, "ok: \" https://example.org/a?b=c \"\nmail: MAILTO:a@b.example\nhttp: HTTP://x\n"
            "js: javascript:alert(1)\nspace: https://a b\nbell: \"https://a\\ab\"\n"
            "bidi: \"https://a\\u202Eb\"\nbare: \"https://\"\nnone: ~\nempty: ''\n"
            "list: [https://a]\nlong: https://example.org/0123456789\n");
  char *out = g_strdup("old");
  g_assert_true(readctx_url(&f.c, value(&f, "ok"), &out));
  g_assert_cmpstr(out, ==, "https://example.org/a?b=c");
  g_assert_true(readctx_url(&f.c, value(&f, "mail"), &out));
  g_assert_cmpstr(out, ==, "MAILTO:a@b.example");
  g_assert_true(readctx_url(&f.c, value(&f, "http"), &out));
  g_assert_cmpstr(out, ==, "HTTP://x");
  expect(&f, "");
  const char *refused[] = {"js", "space", "bell", "bidi", "bare", "none", "empty"};
  for (gsize i = 0; i < G_N_ELEMENTS(refused); i++) {
    g_assert_true(readctx_url(&f.c, value(&f, refused[i]), &out));
    g_assert_null(out);
  }
  g_assert_false(readctx_failed(&f.c)); /* a refused link is a warning */
  g_assert_false(readctx_url(&f.c, value(&f, "list"), &out));
  f.c.max_text_chars = 20;
  g_assert_true(readctx_url(&f.c, value(&f, "long"), &out));
  g_assert_null(out);
  expect(&f, "4:5: warning: url 'javascript:alert(1)' is not http, https or mailto: not linked\n"
             "5:8: warning: url 'https://a b' has a space or a control character: not linked\n"
             "6:7: warning: url 'https://a\\x07b' has a space or a control character: not "
             "linked\n"
             "7:7: warning: url 'https://a\\u202Eb' has a space or a control character: not "
             "linked\n"
             "8:7: warning: url 'https://' is not http, https or mailto: not linked\n"
             "11:7: error: expected a string, found a list\n"
             "12:7: warning: url longer than 20 characters: not linked\n");
  teardown(&f);
}

static void test_bool(void)
{
  Fixture f;
  setup(&f, "a: yes\nb: FALSE\nc: maybe\nd: ~\ne: [true]\n");
  gboolean v = FALSE;
  g_assert_true(readctx_bool(&f.c, value(&f, "a"), &v));
  g_assert_true(v);
  g_assert_true(readctx_bool(&f.c, value(&f, "b"), &v));
  g_assert_false(v);
  g_assert_false(readctx_bool(&f.c, value(&f, "c"), &v));
  g_assert_false(readctx_bool(&f.c, value(&f, "d"), &v));
  g_assert_false(readctx_bool(&f.c, value(&f, "e"), &v));
  expect(&f, "3:4: error: expected true or false, found 'maybe'\n"
             "4:4: error: expected true or false, found an empty value\n"
             "5:4: error: expected true or false, found a list\n");
  teardown(&f);
}

static void test_date(void)
{
  Fixture f;
  setup(&f, "a: 2019-08\nb: present\nc: soon\nd: [2019]\nt: 2019-08-01T00:00:00Z\n");
  DateValue v;
  g_assert_true(readctx_date(&f.c, value(&f, "a"), "start", &v));
  g_assert_cmpint(v.first, ==, date_from_ymd(2019, 8, 1));
  g_assert_true(readctx_date(&f.c, value(&f, "b"), NULL, &v));
  g_assert_true(v.present);
  g_assert_false(readctx_date(&f.c, value(&f, "b"), "start", &v));
  g_assert_false(readctx_date(&f.c, value(&f, "c"), NULL, &v));
  g_assert_false(readctx_date(&f.c, value(&f, "d"), NULL, &v));
  g_assert_false(readctx_date(&f.c, value(&f, "t"), NULL, &v));
  expect(&f, "2:4: error: start cannot be 'present'\n"
             "3:4: error: unparsable date 'soon': " DATE_FORMS_HINT " (words read as English)\n"
             "4:4: error: expected a date, found a list\n"
             "5:4: error: unparsable date '2019-08-01T00:00:00Z': " DATE_FORMS_HINT " (words read as English)\n");
  f.c.accept_timestamps = TRUE;
  g_assert_true(readctx_date(&f.c, value(&f, "t"), NULL, &v));
  g_assert_cmpint(v.first, ==, date_from_ymd(2019, 8, 1));
  g_assert_cmpint(v.precision, ==, DATE_PREC_DAY);
  teardown(&f);
}

static void test_span(void)
{
  Fixture f;
  setup(&f, "s: 2019-03\ne: 2018\nlate: 2030\n");
  f.c.today = date_from_ymd(2026, 11, 25);
  DateValue s, e, late;
  g_assert_true(readctx_date(&f.c, value(&f, "s"), NULL, &s));
  g_assert_true(readctx_date(&f.c, value(&f, "e"), NULL, &e));
  g_assert_true(readctx_date(&f.c, value(&f, "late"), NULL, &late));
  DateSpan span;
  gboolean keep;
  g_assert_true(readctx_span(&f.c, &s, value(&f, "s"), NULL, NULL, TRUE, &span, &keep));
  g_assert_true(keep && span.ongoing && span.start_approx && span.end_approx);
  g_assert_cmpint(span.end, ==, f.c.today);
  g_assert_cmpint(span.end_precision, ==, DATE_PREC_DAY);
  g_assert_true(readctx_span(&f.c, &e, value(&f, "e"), &s, value(&f, "s"), FALSE, &span, &keep));
  g_assert_cmpint(span.end, ==, date_from_ymd(2019, 3, 31));
  g_assert_false(span.ongoing || span.start_approx);
  g_assert_false(readctx_span(&f.c, &s, value(&f, "s"), &e, value(&f, "e"), FALSE, &span, &keep));
  g_assert_true(readctx_span(&f.c, &late, value(&f, "late"), NULL, NULL, FALSE, &span, &keep));
  g_assert_false(keep);
  expect(&f, "2:4: error: end (2018) is before start (2019-03)\n"
             "3:7: warning: today (2026-11-25) is before start (2030); the ongoing period is "
             "left out\n");
  teardown(&f);
}

static void test_unknown_key_and_shown(void)
{
  static const char *const keys[] = {"title", "org", NULL};
  Fixture f;
  setup(&f, "titel: 1\nzzzzzz: 2\n");
  const YdocNode *k0 = f.doc->root->pairs[0].key, *k1 = f.doc->root->pairs[1].key;
  readctx_unknown_key(&f.c, k0, k0->text, keys);
  readctx_unknown_key(&f.c, k1, k1->text, keys);
  f.c.unknown_is_error = TRUE; /* as for --set */
  readctx_unknown_key(&f.c, NULL, "orgg", keys);
  expect(&f, "1:1: warning: unknown key 'titel' (did you mean 'title'?)\n"
             "2:1: warning: unknown key 'zzzzzz'\n"
             "0:0: error: unknown key 'orgg' (did you mean 'org'?)\n");
  teardown(&f);
  g_autofree char *shown = readctx_shown("  a long value that goes on and on and on past forty  ");
  g_assert_cmpuint(g_utf8_strlen(shown, -1), ==, READCTX_SHOWN_CHARS);
  g_assert_true(g_str_has_prefix(shown, "a long value"));
  g_assert_true(g_str_has_suffix(shown, "…"));
}

/* Text of another syntax goes through the same getters, at its own position. */
static void test_cell(void)
{
  DiagList *diags = diag_list_new();
  ReadCtx c;
  readctx_init(&c, "Positions.csv", diags);
  YdocNode title = readctx_cell(3, 2, " Engineer\u202E ");
  YdocNode empty = readctx_cell(3, 4, "");
  YdocNode date = readctx_cell(3, 5, "Jun 2018");
  YdocNode url = readctx_cell(3, 6, "javascript:x");
  char *out = NULL;
  g_assert_true(readctx_string(&c, &title, &out));
  g_assert_cmpstr(out, ==, "Engineer");
  g_assert_true(readctx_string(&c, &empty, &out));
  g_assert_null(out);
  DateValue v;
  g_assert_true(readctx_date(&c, &date, NULL, &v));
  g_assert_cmpint(v.first, ==, date_from_ymd(2018, 6, 1));
  g_assert_true(readctx_url(&c, &url, &out));
  g_assert_null(out);
  g_assert_cmpuint(diag_len(diags), ==, 1);
  const Diag *d = diag_get(diags, 0);
  g_assert_cmpint(d->line, ==, 3);
  g_assert_cmpint(d->column, ==, 6);
  g_assert_cmpstr(d->file, ==, "Positions.csv");
  diag_list_free(diags);
}

static void test_count(void)
{
  Fixture f;
  setup(&f, "a: 1\nb: 2\nc: 3\nd: 4\n");
  f.c.max_items = 2;
  g_assert_true(readctx_count(&f.c, value(&f, "a")));
  g_assert_true(readctx_count(&f.c, value(&f, "b")));
  g_assert_false(readctx_count(&f.c, value(&f, "c")));
  g_assert_false(readctx_count(&f.c, value(&f, "d"))); /* said once */
  g_assert_true(f.c.over_limit);
  expect(&f, "3:4: error: more than 2 entries and milestones; the rest is not read\n");
  teardown(&f);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/readctx/kinds", test_kinds);
  g_test_add_func("/readctx/root", test_root);
  g_test_add_func("/readctx/string", test_string);
  g_test_add_func("/readctx/string-clean", test_string_clean);
  g_test_add_func("/readctx/links", test_links);
  g_test_add_func("/readctx/bool", test_bool);
  g_test_add_func("/readctx/date", test_date);
  g_test_add_func("/readctx/span", test_span);
  g_test_add_func("/readctx/unknown-key-and-shown", test_unknown_key_and_shown);
  g_test_add_func("/readctx/cell", test_cell);
  g_test_add_func("/readctx/count", test_count);
  return g_test_run();
}
