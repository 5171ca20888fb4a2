/* readctx: the reading context every reader of a ydoc tree shares (readctx.h): where
 * messages go and in which words, and the typed getters that report their own problems
 * (doc/cv-format.md "Messages"). */
#include "readctx.h"

#include "date_words.h"
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

YdocNode readctx_cell(int line, int column, const char *text)
{
  text = text != NULL ? text : "";
  return (YdocNode){.kind = YDOC_SCALAR,
                    .line = line,
                    .column = column,
                    .text = (char *)text,
                    .text_len = strlen(text)};
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

char *readctx_found_value(const YdocNode *node)
{
  if (node->kind != YDOC_SCALAR || ydoc_is_null(node))
    return g_strdup(readctx_found(node));
  g_autofree char *s = readctx_shown(node->text);
  return g_strdup_printf("'%s'", s);
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
  char *clean = strutil_clean_text(text);
  if (*clean == '\0') {
    g_free(clean);
    return NULL;
  }
  guint max = c->max_text_chars;
  if (max > 0 && g_utf8_strlen(clean, -1) > (glong)max) {
    readctx_warning(c, at, "text longer than %u characters, shortened", max);
    char *cut = strutil_truncate_utf8(clean, max);
    g_free(clean);
    return cut;
  }
  return clean;
}

/* A scalar's text, or NULL: nothing for a null, an error for a list or a mapping. */
static const char *readctx_scalar_text(ReadCtx *c, const YdocNode *node, gboolean *ok)
{
  *ok = TRUE;
  if (node->kind == YDOC_SCALAR && ydoc_is_null(node))
    return NULL;
  if (node->kind != YDOC_SCALAR) {
    readctx_error(c, node, "expected a string, found %s", readctx_found(node));
    *ok = FALSE;
    return NULL;
  }
  return node->text;
}

gboolean readctx_string(ReadCtx *c, const YdocNode *node, char **out)
{
  g_clear_pointer(out, g_free);
  gboolean ok;
  const char *text = readctx_scalar_text(c, node, &ok);
  if (text != NULL)
    *out = readctx_text(c, node, text);
  return ok;
}

char *readctx_link(ReadCtx *c, const YdocNode *at, const char *text)
{
  g_autofree char *url = g_strstrip(g_strdup(text ? text : ""));
  if (*url == '\0')
    return NULL;
  gboolean spaced = strutil_url_has_space(url);
  g_autofree char *s = readctx_shown(url);
  guint max = c->max_text_chars;
  if (spaced)
    readctx_warning(c, at, "url '%s' has a space or a control character: not linked", s);
  else if (!strutil_url_scheme_ok(url))
    readctx_warning(c, at, "url '%s' is not http, https or mailto: not linked", s);
  else if (max > 0 && g_utf8_strlen(url, -1) > (glong)max)
    readctx_warning(c, at, "url longer than %u characters: not linked", max);
  else
    return g_steal_pointer(&url);
  return NULL;
}

gboolean readctx_url(ReadCtx *c, const YdocNode *node, char **out)
{
  g_clear_pointer(out, g_free);
  gboolean ok;
  const char *text = readctx_scalar_text(c, node, &ok);
  if (text != NULL)
    *out = readctx_link(c, node, text);
  return ok;
}

gboolean readctx_bool(ReadCtx *c, const YdocNode *node, gboolean *out)
{
  if (node->kind == YDOC_SCALAR && strutil_parse_bool(node->text, out))
    return TRUE;
  g_autofree char *found = readctx_found_value(node);
  if (c->key != NULL)
    readctx_error(c, node, "'%s' must be true or false, found %s", c->key, found);
  else
    readctx_error(c, node, "expected true or false, found %s", found);
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

/* The one wording of a day past its month's end: "impossible date 'TEXT': September has
 * 30 days", @last the month's last day. A new string. */
static char *readctx_impossible_date(const char *text, DateDay last)
{
  g_autofree char *s = readctx_shown(text);
  g_autofree char *why = date_words_day_overflow(last);
  return g_strdup_printf("impossible date '%s': %s", s, why);
}

void readctx_day_clamped(ReadCtx *c, const YdocNode *node, const char *who, const char *text,
                         const DateValue *clamped)
{
  g_autofree char *what = readctx_impossible_date(text, clamped->first);
  char day[DATE_ISO_SIZE];
  date_format_iso(clamped->first, day);
  if (who != NULL)
    readctx_warning(c, node, "%s: %s; read as %s", who, what, day);
  else
    readctx_warning(c, node, "%s; read as %s", what, day);
}

gboolean readctx_date(ReadCtx *c, const YdocNode *node, const char *what, DateValue *out)
{
  if (node->kind != YDOC_SCALAR || ydoc_is_null(node)) {
    readctx_error(c, node, "expected a date, found %s", readctx_found(node));
    return FALSE;
  }
  g_autofree char *s = readctx_shown(node->text);
  gboolean ok = date_parse_in(node->text, c->lang, out);
  if (!ok && c->accept_timestamps) {
    g_autofree char *day = readctx_timestamp_day(node->text);
    ok = day != NULL && date_parse(day, out);
  }
  if (!ok) {
    /* A date of the right form naming a day that does not exist: say which. */
    DateValue last;
    if (date_day_overflow(node->text, &last)) {
      g_autofree char *why = readctx_impossible_date(node->text, last.first);
      readctx_error(c, node, "%s", why);
    } else {
      g_autofree char *langs = readctx_date_languages(c->lang, node->text, FALSE);
      readctx_error(c, node, "unparsable date '%s': " DATE_FORMS_HINT "%s", s, langs);
    }
    return FALSE;
  }
  if (out->present && what != NULL) {
    readctx_error(c, node, "%s cannot be '%s'", what, s);
    return FALSE;
  }
  return TRUE;
}

char *readctx_date_languages(const Lang *lang, const char *text, gboolean period)
{
  /* English with replaced words (RenderCV's locale_catalog) is still English. */
  if (lang != NULL && strcmp(lang_code(lang), lang_code(lang_english())) == 0)
    lang = NULL;
  GString *out = g_string_new(" (words read as ");
  if (lang != NULL)
    g_string_append_printf(out, "%s, then ", lang_english_name(lang));
  g_string_append_printf(out, "%s)", lang_english_name(lang_english()));
  /* A German CV that forgot its `language:` is told which one reads it. */
  for (guint i = 0; i < lang_count(); i++) {
    const Lang *other = lang_nth(i);
    if (other == lang_english() || (lang != NULL && strcmp(lang_code(other), lang_code(lang)) == 0))
      continue;
    DateValue v;
    g_autoptr(GArray) periods = period ? date_parse_periods_in(text, other) : NULL;
    if (period ? periods == NULL : !date_parse_in(text, other, &v))
      continue;
    g_string_append_printf(out, "; as %s it is a date: set the CV's language to '%s'",
                           lang_english_name(other), lang_code(other));
    break;
  }
  return g_string_free(out, FALSE);
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

const Lang *readctx_language(ReadCtx *c, const YdocNode *node)
{
  if (!readctx_given(c, node, YDOC_SCALAR))
    return NULL;
  const Lang *lang = lang_find(node->text);
  if (lang == NULL) {
    g_autofree char *s = readctx_shown(node->text);
    g_autofree char *codes = lang_codes();
    readctx_warning(c, node,
                    "unknown language '%s': words are read and written in English (languages: %s)",
                    s, codes);
  }
  return lang;
}

void readctx_unknown_key(ReadCtx *c, const YdocNode *at, const char *key, const char *const *table)
{
  g_autofree char *name = readctx_shown(key);
  const char *near = strutil_closest(key, table);
  g_autofree char *hint = near ? g_strdup_printf(" (did you mean '%s'?)", near) : g_strdup("");
  if (c->unknown_is_error)
    readctx_error(c, at, "unknown key '%s'%s", name, hint);
  else
    readctx_warning(c, at, "unknown key '%s'%s", name, hint);
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
