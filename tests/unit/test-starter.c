/* Unit tests for starter: YAML quoting of the name (each escape, and a round trip
 * through ydoc for awkward names) and the filled-in template. */
#include "starter.h"

#include "ydoc.h"

#include <string.h>

typedef struct {
  const char *text, *quoted;
} QuoteCase;

static const QuoteCase quote_cases[] = {
    {"Ada Example", "\"Ada Example\""},
    {"", "\"\""},
    {"Say \"hi\"", "\"Say \\\"hi\\\"\""},
    {"C:\\path", "\"C:\\\\path\""},
    {"a: b # c", "\"a: b # c\""},
    {"two\nlines", "\"two\\nlines\""},
    {"tab\there\r", "\"tab\\there\\r\""},
    {"bell\a del\x7f", "\"bell\\x07 del\\x7F\""},
    {"next\xc2\x85line", "\"next\\x85line\""},
    {"line\xe2\x80\xa8sep", "\"line\\u2028sep\""},
    {"\xef\xbb\xbf" "bom", "\"\\uFEFFbom\""},
    {"Ren\xc3\xa9 \xe5\xbc\xa0 \xf0\x9f\x99\x82", "\"Ren\xc3\xa9 \xe5\xbc\xa0 \xf0\x9f\x99\x82\""},
    {"@SCHEMA@ @NAME@", "\"@SCHEMA@ @NAME@\""},
};

static void test_quote(gconstpointer data)
{
  const QuoteCase *c = data;
  g_autofree char *got = starter_yaml_quote(c->text);
  g_assert_cmpstr(got, ==, c->quoted);
}

/* The name line of a starter CV, parsed by the CV reader's own YAML layer. */
static char *read_back(const char *name)
{
  g_autofree char *text = starter_cv(name, "cv.schema.json");
  DiagList *diags = diag_list_new();
  YdocLimits limits = YDOC_DEFAULT_LIMITS;
  YdocDoc *doc = ydoc_parse("starter", text, strlen(text), &limits, diags);
  g_assert_nonnull(doc);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  const YdocNode *node = ydoc_get(doc->root, "name");
  g_assert_nonnull(node);
  char *out = g_strdup(node->text);
  ydoc_free(doc);
  diag_list_free(diags);
  return out;
}

static void test_round_trip(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(quote_cases); i++) {
    if (quote_cases[i].text[0] == '\0')
      continue; /* an empty name reads back as null: main refuses it */
    g_autofree char *got = read_back(quote_cases[i].text);
    g_assert_cmpstr(got, ==, quote_cases[i].text);
  }
}

static void test_template(void)
{
  g_autofree char *text = starter_cv("Ada \"A\" Example", "/usr/share/x/cv.schema.json");
  g_assert_true(g_str_has_prefix(text,
                                 "# yaml-language-server: $schema=/usr/share/x/cv.schema.json\n"));
  g_assert_nonnull(strstr(text, "\nname: \"Ada \\\"A\\\" Example\"\n"));
  g_assert_null(strstr(text, "@NAME@"));
  g_assert_null(strstr(text, "@SCHEMA@"));
  /* A name that looks like a placeholder stays the name. */
  g_autofree char *odd = starter_cv("@SCHEMA@", "s.json");
  g_assert_nonnull(strstr(odd, "\nname: \"@SCHEMA@\"\n"));
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS(quote_cases); i++) {
    g_autofree char *name = g_strdup_printf("/starter/quote/%" G_GSIZE_FORMAT, i);
    g_test_add_data_func(name, &quote_cases[i], test_quote);
  }
  g_test_add_func("/starter/round-trip", test_round_trip);
  g_test_add_func("/starter/template", test_template);
  return g_test_run();
}
