/* csvdoc: rows and cells with positions (the record's first line, the field's number),
 * quoting, line ends, byte order marks, other separators, bad bytes, the cell guard. */
#include "csvdoc.h"

#include <string.h>

static CsvdocTable *parse(const char *text, gsize len, DiagList *diags)
{
  return csvdoc_parse("t.csv", text, len, diags);
}

static const YdocNode *cell(const CsvdocTable *t, guint row, guint col)
{
  g_assert_cmpuint(row, <, t->rows->len);
  const CsvdocRow *r = g_ptr_array_index(t->rows, row);
  g_assert_cmpuint(col, <, r->n);
  return &r->cells[col];
}

static void test_positions(void)
{
  const char *text = "Company Name,Title,Description\n"
                     "Acme,Engineer,\"line one\nline two, with a comma\"\n"
                     "\n"
                     "Beta,\"Say \"\"hi\"\"\",x\n"
                     "Gamma,Lead";
  DiagList *diags = diag_list_new();
  CsvdocTable *t = parse(text, strlen(text), diags);
  g_assert_nonnull(t);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpuint(t->rows->len, ==, 4);
  g_assert_cmpstr(cell(t, 0, 0)->text, ==, "Company Name");
  g_assert_cmpint(cell(t, 1, 2)->line, ==, 2);
  g_assert_cmpint(cell(t, 1, 2)->column, ==, 3);
  g_assert_cmpstr(cell(t, 1, 2)->text, ==, "line one\nline two, with a comma");
  /* After a record over two lines and a blank line, the next starts on line 5. */
  g_assert_cmpint(cell(t, 2, 0)->line, ==, 5);
  g_assert_cmpstr(cell(t, 2, 1)->text, ==, "Say \"hi\"");
  g_assert_cmpint(cell(t, 3, 1)->line, ==, 6);
  g_assert_cmpstr(cell(t, 3, 1)->text, ==, "Lead");
  csvdoc_free(t);
  diag_list_free(diags);
}

static void test_line_ends_and_bom(void)
{
  const char *text = "\xEF\xBB\xBF"
                     "A,B\r\n1,2\r\n\r\n3,4\r5,6\r\n";
  DiagList *diags = diag_list_new();
  CsvdocTable *t = parse(text, strlen(text), diags);
  g_assert_cmpuint(t->rows->len, ==, 4);
  g_assert_cmpstr(cell(t, 0, 0)->text, ==, "A");
  g_assert_cmpint(cell(t, 1, 1)->line, ==, 2);
  g_assert_cmpint(cell(t, 2, 0)->line, ==, 4);
  g_assert_cmpint(cell(t, 3, 0)->line, ==, 5);
  g_assert_cmpstr(cell(t, 3, 1)->text, ==, "6");
  csvdoc_free(t);
  diag_list_free(diags);
}

static void test_separators(void)
{
  const char *text = "School Name;Start Date;End Date\nUni;2010;2014\n";
  DiagList *diags = diag_list_new();
  CsvdocTable *t = parse(text, strlen(text), diags);
  g_assert_cmpstr(cell(t, 1, 2)->text, ==, "2014");
  csvdoc_free(t);
  const char *tabbed = "a\tb\n1\t2\n";
  t = parse(tabbed, strlen(tabbed), diags);
  g_assert_cmpstr(cell(t, 1, 1)->text, ==, "2");
  csvdoc_free(t);
  diag_list_free(diags);
}

static void test_utf16(void)
{
  /* "A,B\n1,2\n" in UTF-16LE with its byte order mark. */
  const char text[] = "\xFF\xFE"
                      "A\0,\0B\0\n\0"
                      "1\0,\0\xE9\0\n\0";
  DiagList *diags = diag_list_new();
  CsvdocTable *t = parse(text, sizeof text - 1, diags);
  g_assert_nonnull(t);
  g_assert_cmpuint(t->rows->len, ==, 2);
  g_assert_cmpstr(cell(t, 1, 1)->text, ==, "\xC3\xA9");
  csvdoc_free(t);
  diag_list_free(diags);
}

static void test_bad_bytes(void)
{
  const char text[] = "A,B\nx\xFFy,a\0b\nc\xFE,d\0\n";
  DiagList *diags = diag_list_new();
  CsvdocTable *t = parse(text, sizeof text - 1, diags);
  g_assert_nonnull(t);
  g_assert_true(g_utf8_validate(cell(t, 1, 0)->text, -1, NULL));
  g_assert_cmpstr(cell(t, 1, 1)->text, ==, "ab");
  /* One warning of each kind, at the first place. */
  g_assert_cmpuint(diag_warning_count(diags), ==, 2);
  const Diag *d = diag_get(diags, 0);
  g_assert_cmpint(d->line, ==, 2);
  g_assert_cmpint(d->column, ==, 1);
  csvdoc_free(t);
  diag_list_free(diags);
}

static void test_legacy(void)
{
  /* Saved again by a spreadsheet in Windows-1252: "Müller", "€". */
  const char text[] = "Name,Price\nM\xfcller,\x80 5\n";
  DiagList *diags = diag_list_new();
  CsvdocTable *t = parse(text, sizeof text - 1, diags);
  g_assert_cmpstr(cell(t, 1, 0)->text, ==, "M\xc3\xbcller");
  g_assert_cmpstr(cell(t, 1, 1)->text, ==, "\xe2\x82\xac 5");
  g_assert_cmpuint(diag_warning_count(diags), ==, 1);
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "read as Windows-1252"));
  g_assert_cmpint(diag_get(diags, 0)->line, ==, 2);
  csvdoc_free(t);
  diag_list_free(diags);
}

/* A quote left open (a file cut short) is an error at the field it opens; a stray quote
 * inside an unquoted field is text, as spreadsheets read it. */
static void test_open_quote(void)
{
  const char text[] = "Company Name,Title\nA,\"B\nC,D\n";
  DiagList *diags = diag_list_new();
  CsvdocTable *t = parse(text, sizeof text - 1, diags);
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  g_assert_cmpint(diag_get(diags, 0)->line, ==, 2);
  g_assert_cmpint(diag_get(diags, 0)->column, ==, 2);
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "quoted field is not closed"));
  csvdoc_free(t);
  diag_list_free(diags);
  const char stray[] = "Title,Size\nScreen,5\" wide\n";
  diags = diag_list_new();
  t = parse(stray, sizeof stray - 1, diags);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpstr(cell(t, 1, 1)->text, ==, "5\" wide");
  csvdoc_free(t);
  diag_list_free(diags);
}

static void test_first_row(void)
{
  const char *text = "\n\xEF\xBB\xBF Title , \"Started On\"\nx,y\n";
  char **row = csvdoc_first_row(text, strlen(text));
  g_assert_nonnull(row);
  g_assert_cmpuint(g_strv_length(row), ==, 2);
  g_assert_cmpstr(row[1], ==, "Started On");
  g_strfreev(row);
  const char bin[] = "PK\x03\x04\0\0";
  g_assert_null(csvdoc_first_row(bin, sizeof bin - 1));
  g_assert_null(csvdoc_first_row("", 0));
}

static void test_too_many_cells(void)
{
  gsize n = CSVDOC_MAX_CELLS + 10;
  char *text = g_malloc(n + 1);
  memset(text, ',', n);
  text[n] = '\0';
  DiagList *diags = diag_list_new();
  g_assert_null(parse(text, n, diags));
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "fields"));
  diag_list_free(diags);
  g_free(text);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/csvdoc/positions", test_positions);
  g_test_add_func("/csvdoc/line-ends-and-bom", test_line_ends_and_bom);
  g_test_add_func("/csvdoc/separators", test_separators);
  g_test_add_func("/csvdoc/utf16", test_utf16);
  g_test_add_func("/csvdoc/bad-bytes", test_bad_bytes);
  g_test_add_func("/csvdoc/legacy", test_legacy);
  g_test_add_func("/csvdoc/first-row", test_first_row);
  g_test_add_func("/csvdoc/too-many-cells", test_too_many_cells);
  g_test_add_func("/csvdoc/open-quote", test_open_quote);
  return g_test_run();
}
