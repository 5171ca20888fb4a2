/* xmldoc: XML as YdocNodes with positions: prefixes dropped, text-only elements as
 * scalars, repeated or listed names as sequences, attributes as keys; errors and guards
 * at their place. */
#include "xmldoc.h"

#include <string.h>

static const char *const lists[] = {"group", NULL};

static void test_tree(void)
{
  const char text[] = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n"
                      "<a:works xmlns:a=\"http://www.orcid.org/ns/a\" path=\"/x/works\">\n"
                      "  <a:group><w:title>One &amp; two</w:title></a:group>\n"
                      "  <w:item>1</w:item>\n"
                      "    <w:item>2</w:item>\n"
                      "  <w:empty/>\n"
                      "</a:works>\n";
  DiagList *diags = diag_list_new();
  XmldocDoc *doc = xmldoc_parse("t.xml", text, sizeof text - 1, lists, diags);
  g_assert_nonnull(doc);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  const YdocNode *root = doc->root;
  g_assert_cmpint(root->kind, ==, YDOC_MAPPING);
  g_assert_cmpint(root->line, ==, 2);
  g_assert_cmpint(root->column, ==, 1);
  /* The root element says what the document is, without its prefix. */
  g_assert_cmpstr(doc->root_name, ==, "works");
  g_assert_cmpstr(ydoc_get(root, "path")->text, ==, "/x/works");
  g_assert_null(ydoc_get(root, "xmlns:a"));
  /* A listed name is a sequence even once. */
  const YdocNode *group = ydoc_get(root, "group");
  g_assert_cmpint(group->kind, ==, YDOC_SEQUENCE);
  g_assert_cmpuint(group->n, ==, 1);
  g_assert_cmpstr(ydoc_get(group->items[0], "title")->text, ==, "One & two");
  g_assert_cmpint(group->items[0]->line, ==, 3);
  g_assert_cmpint(group->items[0]->column, ==, 3);
  /* A repeated one is a sequence too, each item at its own tag. */
  const YdocNode *item = ydoc_get(root, "item");
  g_assert_cmpint(item->kind, ==, YDOC_SEQUENCE);
  g_assert_cmpuint(item->n, ==, 2);
  g_assert_cmpstr(item->items[1]->text, ==, "2");
  g_assert_cmpint(item->items[1]->line, ==, 5);
  g_assert_cmpint(item->items[1]->column, ==, 5);
  g_assert_cmpstr(ydoc_get(root, "empty")->text, ==, "");
  xmldoc_free(doc);
  diag_list_free(diags);
}

static void test_errors(void)
{
  DiagList *diags = diag_list_new();
  const char bad[] = "<a>\n  <b></a>\n";
  g_assert_null(xmldoc_parse("t.xml", bad, sizeof bad - 1, NULL, diags));
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  g_assert_cmpint(diag_get(diags, 0)->line, ==, 2);
  g_assert_null(strstr(diag_get(diags, 0)->text, "Error on line"));
  diag_list_free(diags);
  /* Nested past the guard. */
  GString *deep = g_string_new(NULL);
  for (guint i = 0; i < XMLDOC_MAX_DEPTH + 1; i++)
    g_string_append(deep, "<a>");
  diags = diag_list_new();
  g_assert_null(xmldoc_parse("t.xml", deep->str, deep->len, NULL, diags));
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "nested deeper"));
  g_string_free(deep, TRUE);
  diag_list_free(diags);
  diags = diag_list_new();
  g_assert_null(xmldoc_parse("t.xml", "", 0, NULL, diags));
  g_assert_null(xmldoc_parse("t.xml", "<a>\0</a>", 8, NULL, diags));
  g_assert_cmpuint(diag_error_count(diags), ==, 2);
  diag_list_free(diags);
}

static void test_looks_like(void)
{
  const char *ns = "http://www.orcid.org/ns/";
  g_assert_true(xmldoc_looks_like("\n<r xmlns:c=\"http://www.orcid.org/ns/common\"/>", 45, ns));
  g_assert_false(xmldoc_looks_like("<r/>", 4, ns));
  g_assert_false(xmldoc_looks_like("{\"x\": \"http://www.orcid.org/ns/\"}", 33, ns));
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/xmldoc/tree", test_tree);
  g_test_add_func("/xmldoc/errors", test_errors);
  g_test_add_func("/xmldoc/looks-like", test_looks_like);
  return g_test_run();
}
