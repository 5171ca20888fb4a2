/* readctx: the reading context every reader of a ydoc tree shares (readctx.h): where
 * messages go and in which words, and the typed getters that report their own problems
 * (spec/cv-format.md "Errors"). */
#include "readctx.h"

#include "strutil.h"

#include <stdarg.h>
#include <string.h>

void readctx_init(ReadCtx *c, const char *file, DiagList *diags)
{
  memset(c, 0, sizeof *c);
  c->file = file;
  c->diags = diags;
  c->positions = TRUE;
  c->errors_before = diag_error_count(diags);
}

gboolean readctx_failed(const ReadCtx *c)
{
  return diag_error_count(c->diags) > c->errors_before;
}

static void readctx_report(ReadCtx *c, DiagSeverity severity, const YdocNode *at, const char *fmt,
                           va_list ap) G_GNUC_PRINTF(4, 0);

static void readctx_report(ReadCtx *c, DiagSeverity severity, const YdocNode *at, const char *fmt,
                           va_list ap)
{
  g_autofree char *text = g_strdup_vprintf(fmt, ap);
  gboolean pos = c->positions && at != NULL;
  int line = pos ? at->line : 0, column = pos ? at->column : 0;
  if (severity == DIAG_ERROR)
    diag_error(c->diags, c->file, line, column, "%s", text);
  else
    diag_warning(c->diags, c->file, line, column, "%s", text);
}

void readctx_error(ReadCtx *c, const YdocNode *at, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  readctx_report(c, DIAG_ERROR, at, fmt, ap);
  va_end(ap);
}

void readctx_warning(ReadCtx *c, const YdocNode *at, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  readctx_report(c, DIAG_WARNING, at, fmt, ap);
  va_end(ap);
}

char *readctx_shown(const char *text)
{
  g_autofree char *t = g_strstrip(g_strdup(text ? text : ""));
  return strutil_truncate_utf8(t, READCTX_SHOWN_CHARS);
}

const char *readctx_found(const YdocNode *node)
{
  if (node->kind == YDOC_SCALAR && ydoc_is_null(node))
    return "an empty value";
  return ydoc_kind_name(node->kind);
}

gboolean readctx_expect(ReadCtx *c, const YdocNode *node, YdocKind kind)
{
  if (node->kind == kind && !(kind == YDOC_SCALAR && ydoc_is_null(node)))
    return TRUE;
  readctx_error(c, node, "expected %s, found %s", ydoc_kind_name(kind), readctx_found(node));
  return FALSE;
}

gboolean readctx_given(ReadCtx *c, const YdocNode *node, YdocKind kind)
{
  return !ydoc_is_null(node) && readctx_expect(c, node, kind);
}

const YdocNode *readctx_root(ReadCtx *c, const YdocDoc *doc)
{
  const YdocNode *root = doc->root;
  if (root == NULL) {
    diag_error(c->diags, c->file, 1, 1, "the file is empty: expected a mapping at the top level");
    return NULL;
  }
  if (root->kind != YDOC_MAPPING) {
    readctx_error(c, root, "expected a mapping at the top level, found %s", readctx_found(root));
    return NULL;
  }
  return root;
}

char *readctx_text(ReadCtx *c, const YdocNode *at, const char *text)
{
  guint max = c->max_text_chars;
  if (max > 0 && g_utf8_strlen(text, -1) > (glong)max) {
    readctx_warning(c, at, "text longer than %u characters, shortened", max);
    return strutil_truncate_utf8(text, max);
  }
  return g_strdup(text);
}

gboolean readctx_string(ReadCtx *c, const YdocNode *node, char **out)
{
  g_clear_pointer(out, g_free);
  if (node->kind == YDOC_SCALAR && ydoc_is_null(node))
    return TRUE;
  if (node->kind != YDOC_SCALAR) {
    readctx_error(c, node, "expected a string, found %s", readctx_found(node));
    return FALSE;
  }
  if (node->text_len == 0)
    return TRUE;
  *out = readctx_text(c, node, node->text);
  return TRUE;
}

gboolean readctx_bool(ReadCtx *c, const YdocNode *node, gboolean *out)
{
  if (node->kind == YDOC_SCALAR) {
    if (strutil_parse_bool(node->text, out))
      return TRUE;
    if (!ydoc_is_null(node)) {
      g_autofree char *s = readctx_shown(node->text);
      readctx_error(c, node, "expected true or false, found '%s'", s);
      return FALSE;
    }
  }
  readctx_error(c, node, "expected true or false, found %s", readctx_found(node));
  return FALSE;
}

/* "2019-08-01T00:00:00.000Z" -> "2019-08-01": exporters and some editors write full ISO
 * timestamps where the schema wants a date. NULL when @text is no such timestamp. */
static char *readctx_timestamp_day(const char *text)
{
  while (g_ascii_isspace(*text))
    text++;
  if (strlen(text) <= 10 || text[10] != 'T')
    return NULL;
  for (int i = 0; i < 10; i++) {
    gboolean dash = i == 4 || i == 7;
    if (dash ? text[i] != '-' : !g_ascii_isdigit(text[i]))
      return NULL;
  }
  return g_strndup(text, 10);
}

gboolean readctx_date(ReadCtx *c, const YdocNode *node, const char *what, DateValue *out)
{
  if (node->kind != YDOC_SCALAR || ydoc_is_null(node)) {
    readctx_error(c, node, "expected a date, found %s", readctx_found(node));
    return FALSE;
  }
  g_autofree char *s = readctx_shown(node->text);
  gboolean ok = date_parse(node->text, out);
  if (!ok && c->accept_timestamps) {
    g_autofree char *day = readctx_timestamp_day(node->text);
    ok = day != NULL && date_parse(day, out);
  }
  if (!ok) {
    readctx_error(c, node, "unparsable date '%s': " DATE_FORMS_HINT, s);
    return FALSE;
  }
  if (out->present && what != NULL) {
    readctx_error(c, node, "%s cannot be '%s'", what, s);
    return FALSE;
  }
  return TRUE;
}

gboolean readctx_span(ReadCtx *c, const DateValue *start, const YdocNode *start_node,
                      const DateValue *end, const YdocNode *end_node, gboolean approx,
                      DateSpan *out, gboolean *keep)
{
  memset(out, 0, sizeof *out);
  *keep = TRUE;
  out->start = start->first;
  out->start_precision = start->precision;
  out->start_approx = start->approximate || approx;
  out->ongoing = end == NULL || end->present;
  out->end_approx = (end != NULL && end->approximate) || approx;
  if (out->ongoing) {
    out->end = c->today;
    out->end_precision = DATE_PREC_DAY;
    if (c->today < out->start) {
      char today[DATE_ISO_SIZE];
      g_autofree char *s = readctx_shown(start_node->text);
      readctx_warning(c, start_node,
                      "today (%s) is before start (%s); the ongoing period is left out",
                      date_format_iso(c->today, today), s);
      *keep = FALSE;
    }
    return TRUE;
  }
  out->end = end->last;
  out->end_precision = end->precision;
  if (out->end < out->start) {
    g_autofree char *e = readctx_shown(end_node->text);
    g_autofree char *s = readctx_shown(start_node->text);
    readctx_error(c, end_node, "end (%s) is before start (%s)", e, s);
    return FALSE;
  }
  return TRUE;
}

void readctx_unknown_key(ReadCtx *c, const YdocNode *key, const char *const *table)
{
  g_autofree char *name = readctx_shown(key->text);
  const char *near = strutil_closest(key->text, table);
  if (near)
    readctx_warning(c, key, "unknown key '%s'; did you mean '%s'?", name, near);
  else
    readctx_warning(c, key, "unknown key '%s'", name);
}

gboolean readctx_count(ReadCtx *c, const YdocNode *node)
{
  if (c->over_limit)
    return FALSE;
  if (c->max_items > 0 && c->items >= c->max_items) {
    readctx_error(c, node, "more than %u entries and milestones; the rest is not read",
                  c->max_items);
    c->over_limit = TRUE;
    return FALSE;
  }
  c->items++;
  return TRUE;
}
