/* Helpers both import readers share (reader_import.h), over the reading context: field
 * lookup with older names, optional dates, spans, and the finishing steps (role
 * merging, model_roles.c). */
#include "reader_import.h"

#include "strutil.h"

#include <string.h>

const YdocNode *reader_import_begin(ReadCtx *c, const YdocDoc *doc, const ReaderOptions *opts,
                                    DiagList *diags)
{
  reader_context_init(c, doc->file, opts, diags);
  c->accept_timestamps = TRUE;
  return readctx_root(c, doc);
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
static char *import_node_text(ReadCtx *c, const YdocNode *node)
{
  char *text = NULL;
  if (node != NULL)
    readctx_string(c, node, &text);
  return text;
}

char *reader_import_text(ReadCtx *c, const YdocNode *map, const char *key)
{
  return import_node_text(c, ydoc_get(map, key));
}

char *reader_import_text2(ReadCtx *c, const YdocNode *map, const char *key, const char *old_key)
{
  return import_node_text(c, reader_import_field(map, key, old_key));
}

char *reader_import_url(ReadCtx *c, const YdocNode *map, const char *key, const char *old_key)
{
  const YdocNode *node = reader_import_field(map, key, old_key);
  char *url = NULL;
  if (node != NULL)
    readctx_url(c, node, &url);
  return url;
}

gboolean reader_import_clamped_day(ReadCtx *c, const YdocNode *node, const char *text,
                                   DateValue *out)
{
  DateValue v;
  if (!date_day_overflow(text, &v))
    return FALSE;
  readctx_day_clamped(c, node, NULL, text, &v);
  *out = v;
  return TRUE;
}

ReaderDateResult reader_import_date(ReadCtx *c, const YdocNode *node, DateValue *out)
{
  if (node == NULL || ydoc_is_null(node))
    return READER_DATE_ABSENT;
  if (node->kind == YDOC_SCALAR && strutil_is_blank(node->text))
    return READER_DATE_ABSENT;
  if (node->kind == YDOC_SCALAR && reader_import_clamped_day(c, node, node->text, out))
    return READER_DATE_OK;
  return readctx_date(c, node, NULL, out) ? READER_DATE_OK : READER_DATE_BAD;
}

gboolean reader_import_span(ReadCtx *c, const DateValue *start, const YdocNode *start_node,
                            const char *start_name, const DateValue *end, const YdocNode *end_node,
                            DateSpan *out, gboolean *empty)
{
  memset(out, 0, sizeof(*out));
  *empty = FALSE;
  if (start->present) {
    g_autofree char *text = readctx_shown(start_node->text);
    readctx_error(c, start_node, "%s cannot be '%s'", start_name, text);
    return FALSE;
  }
  gboolean keep;
  if (!readctx_span(c, start, start_node, end, end_node, FALSE, out, &keep))
    return FALSE;
  *empty = !keep;
  return TRUE;
}

void reader_import_require_drawable(ReadCtx *c, const ModelCv *cv, const YdocNode *at,
                                    const char *what)
{
  if (diag_error_count(c->diags) == 0 && !reader_import_drawable(cv))
    readctx_error(c, at, "nothing to draw: %s", what);
}

gboolean reader_import_drawable(const ModelCv *cv)
{
  if (cv->milestones->len > 0)
    return TRUE;
  for (guint g = 0; g < cv->groups->len; g++) {
    const ModelGroup *group = g_ptr_array_index(cv->groups, g);
    for (guint i = 0; i < group->entries->len; i++)
      if (((const ModelEntry *)g_ptr_array_index(group->entries, i))->periods->len > 0)
        return TRUE;
  }
  return FALSE;
}

void reader_import_add_group(ModelCv *cv, ModelGroup *group)
{
  if (group->entries->len > 0)
    model_cv_add_group(cv, group);
  else
    model_group_free(group);
}

/* Says which days of a role were trimmed so that it shares a bar with the next (or the
 * previous) role, at the role's entry. */
static void import_report_trim(ReadCtx *c, const ModelTrim *t)
{
  char from[DATE_ISO_SIZE], to[DATE_ISO_SIZE], edge[DATE_ISO_SIZE];
  g_autofree char *title = readctx_shown(t->title);
  g_autofree char *other = readctx_shown(t->other);
  g_autofree char *org = readctx_shown(t->org);
  YdocNode at = readctx_cell(t->line, t->column, "");
  date_format_iso(t->from, from);
  date_format_iso(t->to, to);
  date_format_iso(t->at_start ? t->to + 1 : t->from - 1, edge);
  readctx_warning(c, &at, "role '%s' at '%s' overlaps the %s role '%s' from %s to %s: drawn %s %s",
                  title, org, t->at_start ? "previous" : "next", other, from, to,
                  t->at_start ? "starting" : "ending", edge);
}

ModelCv *reader_import_finish(ReadCtx *c, const ReaderOptions *opts, ModelCv *cv)
{
  if (readctx_failed(c)) {
    model_cv_free(cv);
    return NULL;
  }
  /* A RenderCV `date: "2019, 2019-2021"` is two periods that overlap. Before merging,
   * which takes only entries of one period as roles. */
  model_cv_normalise_periods(cv);
  if (opts->merge_roles) {
    g_autoptr(GPtrArray) trims = g_ptr_array_new_with_free_func((GDestroyNotify)model_trim_free);
    model_merge_roles(cv, READER_IMPORT_MERGE_GAP_DAYS, trims);
    for (guint i = 0; i < trims->len; i++)
      import_report_trim(c, g_ptr_array_index(trims, i));
  }
  model_cv_sort_milestones(cv);
  cv->today = c->today;
  return cv;
}
