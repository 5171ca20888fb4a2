/* Helpers both import readers share (reader_import.h): typed field access with positioned
 * errors, dates and spans, the entry cap, and the finishing steps (role merging, model_roles.c). */
#include "reader_import.h"
#include "strutil.h"

#include <string.h>


gboolean reader_import_expect(ReaderImport *ri, const YdocNode *node, YdocKind kind)
{
  if (node->kind == kind)
    return TRUE;
  diag_error(ri->diags, ri->file, node->line, node->column, "expected %s, found %s",
             ydoc_kind_name(kind), ydoc_kind_name(node->kind));
  return FALSE;
}

const YdocNode *reader_import_field(const YdocNode *map, const char *key, const char *old_key)
{
  const YdocNode *node = ydoc_get(map, key);
  if ((node == NULL || ydoc_is_null(node)) && old_key != NULL)
    node = ydoc_get(map, old_key);
  if (node == NULL || ydoc_is_null(node))
    return NULL;
  return node;
}

/* The text of a scalar @node, or NULL (with an error for a list or mapping). */
static char *import_node_text(ReaderImport *ri, const YdocNode *node)
{
  if (node == NULL || ydoc_is_null(node))
    return NULL;
  if (!reader_import_expect(ri, node, YDOC_SCALAR))
    return NULL;
  /* Exporters often write "" for a field they have no value for. */
  const char *text = node->text;
  while (g_ascii_isspace(*text))
    text++;
  if (*text == '\0')
    return NULL;
  char *copy = g_strstrip(g_strdup(text));
  guint max = ri->opts->max_text_chars;
  if (max > 0 && g_utf8_strlen(copy, -1) > (glong)max) {
    diag_warning(ri->diags, ri->file, node->line, node->column,
                 "text longer than %u characters, shortened", max);
    char *cut = strutil_truncate_utf8(copy, max);
    g_free(copy);
    copy = cut;
  }
  return copy;
}

char *reader_import_text(ReaderImport *ri, const YdocNode *map, const char *key)
{
  return import_node_text(ri, ydoc_get(map, key));
}

char *reader_import_text2(ReaderImport *ri, const YdocNode *map, const char *key,
                          const char *old_key)
{
  return import_node_text(ri, reader_import_field(map, key, old_key));
}

/* "2019-08-01T00:00:00.000Z" -> "2019-08-01": exporters and some editors write full ISO
 * timestamps where the schema wants a date. NULL when @text is no such timestamp. */
static char *import_strip_timestamp(const char *text)
{
  if (strlen(text) <= 10 || text[10] != 'T')
    return NULL;
  for (int i = 0; i < 10; i++) {
    gboolean dash = i == 4 || i == 7;
    if (dash ? text[i] != '-' : !g_ascii_isdigit(text[i]))
      return NULL;
  }
  return g_strndup(text, 10);
}

ReaderDateResult reader_import_date(ReaderImport *ri, const YdocNode *node, DateValue *out)
{
  if (node == NULL || ydoc_is_null(node))
    return READER_DATE_ABSENT;
  if (node->kind != YDOC_SCALAR) {
    diag_error(ri->diags, ri->file, node->line, node->column, "expected a date, found %s",
               ydoc_kind_name(node->kind));
    return READER_DATE_BAD;
  }
  g_autofree char *trimmed = g_strstrip(g_strdup(node->text));
  if (*trimmed == '\0')
    return READER_DATE_ABSENT;
  if (date_parse(trimmed, out))
    return READER_DATE_OK;
  g_autofree char *day = import_strip_timestamp(trimmed);
  if (day != NULL && date_parse(day, out))
    return READER_DATE_OK;
  diag_error(ri->diags, ri->file, node->line, node->column,
             "unparsable date '%s': " DATE_FORMS_HINT, trimmed);
  return READER_DATE_BAD;
}

gboolean reader_import_span(ReaderImport *ri, const DateValue *start, const YdocNode *start_node,
                            const char *start_name, const DateValue *end, const YdocNode *end_node,
                            DateSpan *out, gboolean *empty)
{
  memset(out, 0, sizeof(*out));
  *empty = FALSE;
  if (start->present) {
    g_autofree char *text = g_strstrip(g_strdup(start_node->text));
    diag_error(ri->diags, ri->file, start_node->line, start_node->column, "%s cannot be '%s'",
               start_name, text);
    return FALSE;
  }
  out->start = start->first;
  out->start_precision = start->precision;
  out->start_approx = start->approximate;
  if (end == NULL || end->present) {
    out->ongoing = TRUE;
    out->end = ri->today;
    out->end_precision = DATE_PREC_DAY;
    if (ri->today < start->first) {
      char today[DATE_ISO_SIZE];
      g_autofree char *text = g_strstrip(g_strdup(start_node->text));
      diag_warning(ri->diags, ri->file, start_node->line, start_node->column,
                   "today (%s) is before start (%s); the ongoing period is left out",
                   date_format_iso(ri->today, today), text);
      *empty = TRUE;
    }
    return TRUE;
  }
  if (end->last < start->first) {
    const YdocNode *at = end_node != NULL ? end_node : start_node;
    g_autofree char *e = g_strstrip(g_strdup(end_node != NULL ? end_node->text : ""));
    g_autofree char *s = g_strstrip(g_strdup(start_node->text));
    diag_error(ri->diags, ri->file, at->line, at->column, "end (%s) is before start (%s)", e, s);
    return FALSE;
  }
  out->end = end->last;
  out->end_precision = end->precision;
  out->end_approx = end->approximate;
  return TRUE;
}

gboolean reader_import_count(ReaderImport *ri, const YdocNode *node)
{
  if (ri->items >= ri->opts->max_entries) {
    if (!ri->too_many)
      diag_error(ri->diags, ri->file, node->line, node->column,
                 "more than %u entries and milestones; the rest is not read",
                 ri->opts->max_entries);
    ri->too_many = TRUE;
    return FALSE;
  }
  ri->items++;
  return TRUE;
}

void reader_import_add_group(ModelCv *cv, ModelGroup *group)
{
  if (group->entries->len > 0)
    g_ptr_array_add(cv->groups, group);
  else
    model_group_free(group);
}

ModelCv *reader_import_finish(ReaderImport *ri, ModelCv *cv)
{
  if (diag_error_count(ri->diags) > ri->errors_before) {
    model_cv_free(cv);
    return NULL;
  }
  if (ri->opts->merge_roles)
    model_merge_roles(cv, READER_IMPORT_MERGE_GAP_DAYS);
  model_cv_sort_milestones(cv);
  cv->today = ri->today;
  return cv;
}

const YdocNode *reader_import_begin(ReaderImport *ri, const YdocDoc *doc,
                                    const ReaderOptions *opts, DiagList *diags)
{
  memset(ri, 0, sizeof(*ri));
  ri->file = doc->file;
  ri->opts = opts;
  ri->diags = diags;
  ri->today = opts->has_today ? opts->today : opts->clock_today;
  ri->errors_before = diag_error_count(diags);
  const YdocNode *root = doc->root;
  if (root == NULL) {
    diag_error(diags, doc->file, 1, 1, "the file is empty: expected a mapping at the top level");
    return NULL;
  }
  if (root->kind != YDOC_MAPPING) {
    diag_error(diags, doc->file, root->line, root->column,
               "expected a mapping at the top level, found %s", ydoc_kind_name(root->kind));
    return NULL;
  }
  return root;
}
