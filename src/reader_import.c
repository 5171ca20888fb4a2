/* Helpers both import readers share (reader_import.h), over the reading context: field
 * lookup with older names, optional dates, spans, and the finishing steps (role
 * merging, model_roles.c). */
#include "reader_import.h"

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

ReaderDateResult reader_import_date(ReadCtx *c, const YdocNode *node, DateValue *out)
{
  if (node == NULL || ydoc_is_null(node))
    return READER_DATE_ABSENT;
  if (node->kind == YDOC_SCALAR) {
    g_autofree char *trimmed = g_strstrip(g_strdup(node->text));
    if (*trimmed == '\0')
      return READER_DATE_ABSENT;
  }
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

void reader_import_add_group(ModelCv *cv, ModelGroup *group)
{
  if (group->entries->len > 0)
    g_ptr_array_add(cv->groups, group);
  else
    model_group_free(group);
}

ModelCv *reader_import_finish(ReadCtx *c, const ReaderOptions *opts, ModelCv *cv)
{
  if (readctx_failed(c)) {
    model_cv_free(cv);
    return NULL;
  }
  if (opts->merge_roles)
    model_merge_roles(cv, READER_IMPORT_MERGE_GAP_DAYS);
  model_cv_sort_milestones(cv);
  cv->today = c->today;
  return cv;
}
