/* xmldoc: XML through GMarkup into YdocNodes (xmldoc.h). GMarkup reports elements,
 * attributes and text; each element is built when it ends, from what its children left
 * on the stack. */
#include "xmldoc.h"

#include <string.h>

typedef struct {
  const char *name; /* local name, in the document's string chunk */
  YdocNode *node;
} XmlChild;

typedef struct {
  int line, column;
  GArray *children; /* of XmlChild: attributes first, then child elements */
  GString *text;
} XmlFrame;

typedef struct {
  XmldocDoc *doc;
  const char *data;
  gsize len;
  GArray *line_starts; /* of gsize: the byte offset of each line */
  GPtrArray *stack;    /* of XmlFrame* */
  const char *const *lists;
  guint nodes;
  YdocNode *root;
} XmlParse;

static gpointer xml_alloc(XmldocDoc *doc, gsize size)
{
  gpointer p = g_malloc0(size);
  g_ptr_array_add(doc->blocks, p);
  return p;
}

static const char *xml_local(const char *name)
{
  const char *colon = strrchr(name, ':');
  return colon != NULL ? colon + 1 : name;
}

static YdocNode *xml_scalar(XmldocDoc *doc, const char *text, gsize len, int line, int column)
{
  YdocNode *n = xml_alloc(doc, sizeof *n);
  n->kind = YDOC_SCALAR;
  n->line = line;
  n->column = column;
  n->text = g_string_chunk_insert_len(doc->text, text, (gssize)len);
  n->text_len = len;
  return n;
}

static void xml_frame_free(gpointer p)
{
  XmlFrame *f = p;
  g_array_unref(f->children);
  g_string_free(f->text, TRUE);
  g_free(f);
}

static gboolean xml_count(XmlParse *p, GError **error)
{
  if (++p->nodes <= XMLDOC_MAX_NODES)
    return TRUE;
  g_set_error(error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
              "more than %u elements and attributes; not read", XMLDOC_MAX_NODES);
  return FALSE;
}

/* The 1-based line and column of the start tag of @element that GMarkup has just read:
 * GMarkup tells where it is (past the tag), so the tag's '<' is looked for back from
 * there. */
static void xml_tag_position(XmlParse *p, GMarkupParseContext *ctx, const char *element,
                             int *line, int *column)
{
  int l = 0, ch = 0;
  g_markup_parse_context_get_position(ctx, &l, &ch);
  gsize at = p->len;
  if (l >= 1 && (guint)l <= p->line_starts->len) {
    gsize start = g_array_index(p->line_starts, gsize, l - 1);
    const char *q = p->data + start;
    for (int i = 1; i < ch && q < p->data + p->len; i++)
      q = g_utf8_next_char(q);
    at = MIN((gsize)(q - p->data), p->len);
  }
  /* GMarkup may have read on into the next tag: the nearest '<' back that opens this
   * element's name, looked for over a bounded stretch (else where GMarkup is). */
  gsize n = strlen(element);
  gsize tag = at, floor = at > 65536 ? at - 65536 : 0;
  gboolean found = FALSE;
  while (tag > floor && !found) {
    tag--;
    found = p->data[tag] == '<' && tag + 1 + n <= p->len &&
            memcmp(p->data + tag + 1, element, n) == 0;
  }
  if (!found)
    tag = MIN(at, p->len ? p->len - 1 : 0);
  /* The line holding the tag, by bisection over the line starts. */
  guint lo = 0, hi = p->line_starts->len;
  while (hi - lo > 1) {
    guint mid = lo + (hi - lo) / 2;
    if (g_array_index(p->line_starts, gsize, mid) <= tag)
      lo = mid;
    else
      hi = mid;
  }
  gsize line_start = g_array_index(p->line_starts, gsize, lo);
  *line = (int)lo + 1;
  *column = (int)g_utf8_strlen(p->data + line_start, (gssize)(tag - line_start)) + 1;
}

static void xml_start(GMarkupParseContext *ctx, const char *element, const char **names,
                      const char **values, gpointer data, GError **error)
{
  XmlParse *p = data;
  if (p->stack->len >= XMLDOC_MAX_DEPTH) {
    g_set_error(error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                "elements nested deeper than %u; not read", XMLDOC_MAX_DEPTH);
    return;
  }
  if (!xml_count(p, error))
    return;
  XmlFrame *f = g_new0(XmlFrame, 1);
  xml_tag_position(p, ctx, element, &f->line, &f->column);
  f->children = g_array_new(FALSE, FALSE, sizeof(XmlChild));
  f->text = g_string_new(NULL);
  g_ptr_array_add(p->stack, f);
  for (guint i = 0; names[i] != NULL; i++) {
    /* Namespace declarations say nothing about the record. */
    if (strcmp(names[i], "xmlns") == 0 || g_str_has_prefix(names[i], "xmlns:"))
      continue;
    if (!xml_count(p, error))
      return;
    XmlChild c = {g_string_chunk_insert_const(p->doc->text, xml_local(names[i])),
                  xml_scalar(p->doc, values[i], strlen(values[i]), f->line, f->column)};
    g_array_append_val(f->children, c);
  }
}

static gboolean xml_is_list(const XmlParse *p, const char *name)
{
  for (guint i = 0; p->lists != NULL && p->lists[i] != NULL; i++)
    if (strcmp(p->lists[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* The node of the element @f closes: its text, or a mapping of its children by name. */
static YdocNode *xml_build(XmlParse *p, XmlFrame *f)
{
  if (f->children->len == 0) {
    char *t = g_strstrip(f->text->str);
    return xml_scalar(p->doc, t, strlen(t), f->line, f->column);
  }
  /* Names in the order they first occur, each with the indices of its children. */
  GPtrArray *names = g_ptr_array_new();
  GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify)g_array_unref);
  for (guint i = 0; i < f->children->len; i++) {
    const XmlChild *c = &g_array_index(f->children, XmlChild, i);
    GArray *idx = g_hash_table_lookup(seen, c->name);
    if (idx == NULL) {
      idx = g_array_new(FALSE, FALSE, sizeof(guint));
      g_hash_table_insert(seen, (gpointer)c->name, idx);
      g_ptr_array_add(names, (gpointer)c->name);
    }
    g_array_append_val(idx, i);
  }
  YdocNode *map = xml_alloc(p->doc, sizeof *map);
  map->kind = YDOC_MAPPING;
  map->line = f->line;
  map->column = f->column;
  map->n = names->len;
  map->pairs = xml_alloc(p->doc, sizeof(YdocPair) * names->len);
  for (guint k = 0; k < names->len; k++) {
    const char *name = g_ptr_array_index(names, k);
    GArray *idx = g_hash_table_lookup(seen, name);
    const XmlChild *first = &g_array_index(f->children, XmlChild, g_array_index(idx, guint, 0));
    YdocNode *value = first->node;
    if (idx->len > 1 || xml_is_list(p, name)) {
      value = xml_alloc(p->doc, sizeof *value);
      value->kind = YDOC_SEQUENCE;
      value->line = first->node->line;
      value->column = first->node->column;
      value->n = idx->len;
      value->items = xml_alloc(p->doc, sizeof(YdocNode *) * idx->len);
      for (guint j = 0; j < idx->len; j++)
        value->items[j] = g_array_index(f->children, XmlChild, g_array_index(idx, guint, j)).node;
    }
    map->pairs[k].key =
        xml_scalar(p->doc, name, strlen(name), first->node->line, first->node->column);
    map->pairs[k].value = value;
  }
  g_hash_table_unref(seen);
  g_ptr_array_unref(names);
  return map;
}

static void xml_end(GMarkupParseContext *ctx, const char *element, gpointer data, GError **error)
{
  XmlParse *p = data;
  (void)ctx;
  (void)error;
  XmlFrame *f = g_ptr_array_steal_index(p->stack, p->stack->len - 1);
  YdocNode *node = xml_build(p, f);
  xml_frame_free(f);
  if (p->stack->len == 0) {
    p->root = node;
    p->doc->root_name = g_string_chunk_insert_const(p->doc->text, xml_local(element));
    return;
  }
  XmlFrame *parent = g_ptr_array_index(p->stack, p->stack->len - 1);
  XmlChild c = {g_string_chunk_insert_const(p->doc->text, xml_local(element)), node};
  g_array_append_val(parent->children, c);
}

static void xml_text(GMarkupParseContext *ctx, const char *text, gsize len, gpointer data,
                     GError **error)
{
  XmlParse *p = data;
  (void)ctx;
  (void)error;
  if (p->stack->len > 0)
    g_string_append_len(((XmlFrame *)g_ptr_array_index(p->stack, p->stack->len - 1))->text, text,
                        (gssize)len);
}

static const char *xml_skip_bom(const char *data, gsize *len)
{
  if (*len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
    *len -= 3;
    return data + 3;
  }
  return data;
}

XmldocDoc *xmldoc_parse(const char *file, const char *data, gsize len, const char *const *lists,
                        DiagList *diags)
{
  data = xml_skip_bom(data, &len);
  XmldocDoc *doc = g_new0(XmldocDoc, 1);
  doc->file = g_strdup(file);
  doc->blocks = g_ptr_array_new_with_free_func(g_free);
  doc->text = g_string_chunk_new(4096);
  XmlParse p = {.doc = doc,
                .data = data,
                .len = len,
                .line_starts = g_array_new(FALSE, FALSE, sizeof(gsize)),
                .stack = g_ptr_array_new_with_free_func(xml_frame_free),
                .lists = lists};
  /* Lines as GMarkup counts them: each LF ends one. */
  gsize zero = 0;
  g_array_append_val(p.line_starts, zero);
  for (gsize i = 0; i < len; i++)
    if (data[i] == '\n') {
      gsize next = i + 1;
      g_array_append_val(p.line_starts, next);
    }
  static const GMarkupParser parser = {xml_start, xml_end, xml_text, NULL, NULL};
  GMarkupParseContext *ctx =
      g_markup_parse_context_new(&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &p, NULL);
  GError *error = NULL;
  if (memchr(data, '\0', len) != NULL)
    g_set_error(&error, G_MARKUP_ERROR, G_MARKUP_ERROR_BAD_UTF8, "a NUL byte in the text");
  else if (g_markup_parse_context_parse(ctx, data, (gssize)len, &error))
    g_markup_parse_context_end_parse(ctx, &error);
  if (error == NULL && p.root == NULL)
    g_set_error(&error, G_MARKUP_ERROR, G_MARKUP_ERROR_EMPTY, "no element");
  if (error != NULL) {
    int line = 0, column = 0;
    g_markup_parse_context_get_position(ctx, &line, &column);
    /* GMarkup's own messages start "Error on line N char M: "; the position is ours. */
    const char *text = error->message;
    const char *colon = g_str_has_prefix(text, "Error on line ") ? strstr(text, ": ") : NULL;
    diag_error(diags, file, line, column > 0 ? column : 1, "%s", colon != NULL ? colon + 2 : text);
    g_error_free(error);
    xmldoc_free(doc);
    doc = NULL;
  } else {
    doc->root = p.root;
  }
  g_markup_parse_context_free(ctx);
  g_ptr_array_unref(p.stack);
  g_array_unref(p.line_starts);
  return doc;
}

void xmldoc_free(XmldocDoc *doc)
{
  if (doc == NULL)
    return;
  g_ptr_array_unref(doc->blocks);
  g_string_chunk_free(doc->text);
  g_free(doc->file);
  g_free(doc);
}

gboolean xmldoc_looks_like(const char *data, gsize len, const char *ns)
{
  data = xml_skip_bom(data, &len);
  gsize i = 0;
  while (i < len && g_ascii_isspace(data[i]))
    i++;
  if (i >= len || data[i] != '<')
    return FALSE;
  gsize head = MIN(len, 4096);
  gsize n = strlen(ns);
  for (gsize j = i; j + n <= head; j++)
    if (memcmp(data + j, ns, n) == 0)
      return TRUE;
  return FALSE;
}
