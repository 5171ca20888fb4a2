/* csvdoc: CSV through libcsv (csvdoc.h). libcsv reports fields and record ends but no
 * positions, so the text is fed one line at a time: a record's first line is the line
 * being fed when its first byte goes in, and a field's column is its number. */
#include "csvdoc.h"

#include "strutil.h"

#include <csv.h>
#include <string.h>

typedef struct {
  const char *file;
  DiagList *diags;
  GPtrArray *rows;
  GStringChunk *text;
  GArray *cells;    /* of YdocNode: the record being read */
  int line;         /* the line being fed */
  int record_line;  /* the line the record being read started on */
  gboolean pending; /* bytes of a record have gone in since the last record end */
  guint total;      /* cells so far */
  gboolean too_many;
  gboolean warned_utf8, warned_nul;
} CsvParse;

/* The separator: a comma, unless the first line has more semicolons or tabs outside
 * quotes (spreadsheets saved in some locales). */
static unsigned char csv_sniff_delimiter(const char *data, gsize len)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;
  for (gsize i = 0; i < len && (quoted || (data[i] != '\n' && data[i] != '\r')); i++) {
    if (data[i] == '"')
      quoted = !quoted;
    else if (!quoted && data[i] == ',')
      commas++;
    else if (!quoted && data[i] == ';')
      semicolons++;
    else if (!quoted && data[i] == '\t')
      tabs++;
  }
  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas)
    return '\t';
  return ',';
}

static void csv_on_field(void *field, size_t len, void *data)
{
  CsvParse *p = data;
  if (p->too_many)
    return;
  if (++p->total > CSVDOC_MAX_CELLS) {
    p->too_many = TRUE;
    return;
  }
  const char *bytes = field != NULL ? field : "";
  YdocNode cell = {.kind = YDOC_SCALAR, .line = p->record_line, .column = (int)p->cells->len + 1};
  GString *s = NULL;
  if (memchr(bytes, '\0', len) != NULL) {
    s = g_string_sized_new(len);
    for (size_t i = 0; i < len; i++)
      if (bytes[i] != '\0')
        g_string_append_c(s, bytes[i]);
    if (!p->warned_nul)
      diag_warning(p->diags, p->file, cell.line, cell.column, "NUL bytes in the text are dropped");
    p->warned_nul = TRUE;
  }
  const char *text = s != NULL ? s->str : bytes;
  gsize text_len = s != NULL ? s->len : len;
  char *valid = NULL;
  if (!g_utf8_validate(text, (gssize)text_len, NULL)) {
    valid = g_utf8_make_valid(text, (gssize)text_len);
    if (!p->warned_utf8)
      diag_warning(p->diags, p->file, cell.line, cell.column,
                   "not valid UTF-8: the bytes that are not are replaced");
    p->warned_utf8 = TRUE;
    text = valid;
    text_len = strlen(valid);
  }
  cell.text = g_string_chunk_insert_len(p->text, text, (gssize)text_len);
  cell.text_len = text_len;
  g_array_append_val(p->cells, cell);
  g_free(valid);
  if (s != NULL)
    g_string_free(s, TRUE);
}

static void csv_on_record(int terminator, void *data)
{
  (void)terminator;
  CsvParse *p = data;
  p->pending = FALSE;
  if (p->too_many || p->cells->len == 0) {
    g_array_set_size(p->cells, 0);
    return;
  }
  CsvdocRow *row = g_new0(CsvdocRow, 1);
  row->line = p->record_line;
  row->n = p->cells->len;
  row->cells = (YdocNode *)g_array_free(p->cells, FALSE);
  p->cells = g_array_new(FALSE, TRUE, sizeof(YdocNode));
  g_ptr_array_add(p->rows, row);
}

static void csv_row_free(gpointer data)
{
  CsvdocRow *row = data;
  g_free(row->cells);
  g_free(row);
}

/* The bytes as UTF-8: UTF-16 (with its byte order mark) converted, a UTF-8 byte order
 * mark skipped, text that is no UTF-8 at all read as Windows-1252 (a spreadsheet's save;
 * *@legacy set to the line of the first byte that is not UTF-8; may be NULL). *@owned receives a converted copy to free, or NULL. */
static const char *csv_text(const char *data, gsize *len, char **owned, int *legacy)
{
  *owned = NULL;
  if (legacy != NULL)
    *legacy = 0;
  const guchar *u = (const guchar *)data;
  if (*len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
    gsize out_len = 0;
    *owned = g_convert(data, (gssize)*len, "UTF-8", "UTF-16", NULL, &out_len, NULL);
    if (*owned != NULL) {
      data = *owned;
      *len = out_len;
      u = (const guchar *)data;
    }
  }
  if (*len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    data += 3;
    *len -= 3;
  }
  gsize out_len = 0;
  char *converted = *owned == NULL ? strutil_legacy_to_utf8(data, *len, &out_len) : NULL;
  if (converted != NULL) {
    if (legacy != NULL)
      *legacy = strutil_invalid_utf8_line(data, *len);
    *owned = converted;
    *len = out_len;
    data = converted;
  }
  return data;
}

/* Feeds @data to @parser a line at a time (a line ends at LF, CR or CRLF), keeping
 * @p->line and the line each record starts on. */
static void csv_feed(struct csv_parser *parser, CsvParse *p, const char *data, gsize len,
                     gboolean (*stop)(CsvParse *))
{
  gsize i = 0;
  p->line = 1;
  while (i < len && !p->too_many && (stop == NULL || !stop(p))) {
    gsize j = i;
    while (j < len && data[j] != '\n' && data[j] != '\r')
      j++;
    gsize end = j < len ? j + 1 : len; /* the chunk includes its line end */
    if (!p->pending && j > i) {
      p->record_line = p->line;
      p->pending = TRUE;
    }
    csv_parse(parser, data + i, end - i, csv_on_field, csv_on_record, p);
    if (j < len && !(data[j] == '\r' && j + 1 < len && data[j + 1] == '\n'))
      p->line++;
    i = end;
  }
}

static void csv_parse_init(CsvParse *p, const char *file, DiagList *diags)
{
  memset(p, 0, sizeof *p);
  p->file = file;
  p->diags = diags;
  p->rows = g_ptr_array_new_with_free_func(csv_row_free);
  p->text = g_string_chunk_new(4096);
  p->cells = g_array_new(FALSE, TRUE, sizeof(YdocNode));
}

CsvdocTable *csvdoc_parse(const char *file, const char *data, gsize len, DiagList *diags)
{
  char *owned;
  int legacy;
  data = csv_text(data, &len, &owned, &legacy);
  if (legacy > 0)
    diag_warning(diags, file, legacy, 0, "not UTF-8: read as Windows-1252");
  CsvParse p;
  csv_parse_init(&p, file, diags);
  struct csv_parser parser;
  csv_init(&parser, CSV_APPEND_NULL);
  csv_set_delim(&parser, csv_sniff_delimiter(data, len));
  csv_feed(&parser, &p, data, len, NULL);
  /* A quote left open swallows every later row into one field (a file cut short):
   * an error at the field it opens, rather than rows silently missing. Strict at the
   * end only: a stray quote inside a field is read as spreadsheets read it. */
  csv_set_opts(&parser, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI);
  if (!p.too_many && csv_fini(&parser, csv_on_field, csv_on_record, &p) != 0)
    diag_error(diags, file, p.record_line, (int)p.cells->len + 1,
               "a quoted field is not closed: it runs to the end of the file");
  csv_free(&parser);
  g_array_free(p.cells, TRUE);
  g_free(owned);
  if (p.too_many) {
    diag_error(diags, file, p.record_line, 0, "more than %u fields; not read", CSVDOC_MAX_CELLS);
    g_ptr_array_unref(p.rows);
    g_string_chunk_free(p.text);
    return NULL;
  }
  CsvdocTable *t = g_new0(CsvdocTable, 1);
  t->file = g_strdup(file);
  t->rows = p.rows;
  t->text = p.text;
  return t;
}

void csvdoc_free(CsvdocTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref(table->rows);
  g_string_chunk_free(table->text);
  g_free(table->file);
  g_free(table);
}

static gboolean csv_have_row(CsvParse *p)
{
  return p->rows->len > 0;
}

char **csvdoc_first_row(const char *data, gsize len)
{
  char *owned;
  data = csv_text(data, &len, &owned, NULL);
  /* Only the header is wanted: a NUL early on means binary data, not text. */
  gsize head = len < 65536 ? len : 65536;
  if (memchr(data, '\0', head) != NULL) {
    g_free(owned);
    return NULL;
  }
  DiagList *sink = diag_list_new();
  CsvParse p;
  csv_parse_init(&p, "", sink);
  struct csv_parser parser;
  csv_init(&parser, CSV_APPEND_NULL);
  csv_set_delim(&parser, csv_sniff_delimiter(data, head));
  csv_feed(&parser, &p, data, head, csv_have_row);
  if (p.rows->len == 0)
    csv_fini(&parser, csv_on_field, csv_on_record, &p);
  csv_free(&parser);
  char **out = NULL;
  if (p.rows->len > 0) {
    const CsvdocRow *row = g_ptr_array_index(p.rows, 0);
    out = g_new0(char *, row->n + 1);
    for (guint i = 0; i < row->n; i++)
      out[i] = g_strstrip(g_strdup(row->cells[i].text)); /* compared as names, not read */
  }
  g_array_free(p.cells, TRUE);
  g_ptr_array_unref(p.rows);
  g_string_chunk_free(p.text);
  diag_list_free(sink);
  g_free(owned);
  return out;
}
