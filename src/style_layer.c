/* Reading a style (doc/styles.md "Keys"): a style file's YAML tree,
 * or one --set KEY=VALUE, walked key by key into a layer that records which properties
 * and which paint fields it set. `extends` is recorded here and followed by the cascade. */
#include "style_private.h"

#include <string.h>

static StyleLayer *layer_new(void)
{
  StyleLayer *layer = g_new0(StyleLayer, 1);
  style_init(&layer->values);
  layer->set = g_new0(guint8, style_property_count());
  return layer;
}

void style_layer_free(StyleLayer *layer)
{
  if (layer == NULL)
    return;
  style_clear(&layer->values);
  g_free(layer->set);
  g_free(layer->extends);
  g_free(layer);
}

const char *style_layer_extends(const StyleLayer *layer)
{
  return layer->extends;
}

gboolean style_layer_is_set(const StyleLayer *layer, const char *key)
{
  int index = style_prop_index(key);
  if (index >= 0)
    return layer->set[index] != 0;
  GHashTable *table = g_str_has_prefix(key, "groups.")    ? layer->values.groups
                      : g_str_has_prefix(key, "classes.") ? layer->values.classes
                                                          : NULL;
  const char *dot = strrchr(key, '.');
  const char *first = strchr(key, '.');
  if (table == NULL || dot == first)
    return FALSE;
  g_autofree char *name = g_strndup(first + 1, (gsize)(dot - first - 1));
  const StylePaint *paint = g_hash_table_lookup(table, name);
  guint bit = style_paint_field_bit(dot + 1);
  return paint && bit && (paint->set & bit);
}

/* ---------------------------------------------------------------- walking a style tree */

/* The keys read by name below; walk uses these entries, so that a new one is listed. */
enum { NAMED_EXTENDS, NAMED_GROUPS, NAMED_CLASSES };
static const char *const named_keys[] = {"extends", "groups", "classes", NULL};

const char *const *style_named_keys(void)
{
  return named_keys;
}

/* Warns about an unknown key @path (an error for --set: it would do nothing at all),
 * suggesting the nearest sibling. */
static void unknown_key(StyleCtx *c, const char *path, const YdocNode *at)
{
  g_autoptr(GPtrArray) cands = g_ptr_array_new_with_free_func(g_free);
  style_key_candidates(path, cands);
  g_ptr_array_add(cands, NULL);
  readctx_unknown_key(&c->rc, at, path, (const char *const *)cands->pdata);
}

static void paint_field(StyleCtx *c, GHashTable *table, const char *name, const char *path,
                        guint bit, const YdocNode *v)
{
  /* Parsed aside first: a field in error must not name the group. */
  StylePaint tmp = {.set = bit};
  if (style_paint_field_parse(c, bit, path, v, &tmp))
    style_paint_merge(style_paint_get(table, name), &tmp);
  g_free(tmp.label);
}

static void walk(StyleCtx *c, const char *path, const YdocNode *key, const YdocNode *v);

/* One field of a group's or class's paint; @path is the full dotted key for messages. */
static void walk_paint_field(StyleCtx *c, GHashTable *table, const char *name, const char *path,
                             const char *field, const YdocNode *key, const YdocNode *v)
{
  guint bit = style_paint_field_bit(field);
  if (bit)
    paint_field(c, table, name, path, bit, v);
  else
    unknown_key(c, path, key);
}

/* `NAME: {color: ..., pattern: ..., label: ...}` under `groups` or `classes` (@prefix). */
static void walk_paint(StyleCtx *c, const char *prefix, GHashTable *table, const char *name,
                       const YdocNode *v)
{
  g_autofree char *path = g_strdup_printf("%s.%s", prefix, name);
  if (!style_expect_mapping(c, path, v))
    return;
  if (v->n == 0)
    style_paint_get(table, name); /* `groups: {x: {}}` still names the group */
  for (guint i = 0; i < v->n; i++) {
    const char *field = v->pairs[i].key->text;
    g_autofree char *sub = g_strdup_printf("%s.%s", path, field);
    walk_paint_field(c, table, name, sub, field, v->pairs[i].key, v->pairs[i].value);
  }
}

static void walk_children(StyleCtx *c, const char *path, const YdocNode *v)
{
  if (!style_expect_mapping(c, path, v))
    return;
  for (guint i = 0; i < v->n; i++) {
    g_autofree char *sub = g_strdup_printf("%s.%s", path, v->pairs[i].key->text);
    walk(c, sub, v->pairs[i].key, v->pairs[i].value);
  }
}

static void walk(StyleCtx *c, const char *path, const YdocNode *key, const YdocNode *v)
{
  int index = style_prop_index(path);
  if (index >= 0) {
    if (style_prop_parse(c, (guint)index, v, &c->layer->values))
      c->layer->set[index] = 1;
    return;
  }
  if (style_is_section(path)) {
    walk_children(c, path, v);
    return;
  }
  GHashTable *table = NULL;
  const char *rest = NULL;
  if (g_str_has_prefix(path, named_keys[NAMED_GROUPS])) {
    table = c->layer->values.groups;
    rest = path + strlen(named_keys[NAMED_GROUPS]);
  } else if (g_str_has_prefix(path, named_keys[NAMED_CLASSES])) {
    table = c->layer->values.classes;
    rest = path + strlen(named_keys[NAMED_CLASSES]);
  }
  if (table && *rest == '\0') {
    if (!style_expect_mapping(c, path, v))
      return;
    for (guint i = 0; i < v->n; i++)
      walk_paint(c, path, table, v->pairs[i].key->text, v->pairs[i].value);
    return;
  }
  if (table && rest[0] == '.' && rest[1] != '\0') {
    /* A dotted key (--set, or written flat): `groups.NAME` or `groups.NAME.FIELD`. */
    const char *name = rest + 1;
    const char *dot = strchr(name, '.');
    g_autofree char *prefix = g_strndup(path, (gsize)(rest - path));
    if (dot == NULL) {
      walk_paint(c, prefix, table, name, v);
    } else {
      g_autofree char *group = g_strndup(name, (gsize)(dot - name));
      walk_paint_field(c, table, group, path, dot + 1, key, v);
    }
    return;
  }
  if (strcmp(path, named_keys[NAMED_EXTENDS]) == 0) {
    if (c->is_set) {
      readctx_error(&c->rc, NULL, "'extends' cannot be set with --set; use -s NAME");
      return;
    }
    if (!style_expect_scalar(c, path, v, "a style name or path"))
      return;
    g_free(c->layer->extends);
    c->layer->extends = g_strdup(v->text);
    c->layer->extends_line = v->line;
    c->layer->extends_column = v->column;
    return;
  }
  unknown_key(c, path, key);
}

static void walk_root(StyleCtx *c, const YdocNode *root)
{
  if (root == NULL || ydoc_is_null(root))
    return;
  if (root->kind != YDOC_MAPPING) {
    readctx_error(&c->rc, root, "a style must be a mapping of keys, found %s", readctx_found(root));
    return;
  }
  for (guint i = 0; i < root->n; i++)
    walk(c, root->pairs[i].key->text, root->pairs[i].key, root->pairs[i].value);
}

/* @c's layer, or NULL (freeing it) when errors were added since its context began: a
 * broken style never half-applies. */
static StyleLayer *layer_unless_errors(StyleCtx *c)
{
  if (readctx_failed(&c->rc)) {
    style_layer_free(c->layer);
    return NULL;
  }
  return c->layer;
}

YdocLimits style_ydoc_limits(void)
{
  YdocLimits limits = YDOC_DEFAULT_LIMITS;
  limits.max_bytes = STYLE_MAX_BYTES;
  limits.max_depth = 16;
  limits.max_nodes = 100000;
  return limits;
}

StyleLayer *style_layer_parse(const char *file, const char *text, gsize len, DiagList *diags)
{
  YdocLimits limits = style_ydoc_limits();
  guint errors = diag_error_count(diags);
  YdocDoc *doc = ydoc_parse(file, text, len, &limits, diags);
  if (doc == NULL)
    return NULL;
  StyleCtx c = {.layer = layer_new()};
  readctx_init(&c.rc, file, diags);
  c.rc.max_text_chars = READCTX_MAX_TEXT_CHARS;
  /* A duplicate key leaves a usable tree (so its other mistakes are reported too), but a
   * style with any error is not used: count from before the parse. */
  c.rc.errors_before = errors;
  walk_root(&c, doc->root);
  ydoc_free(doc);
  return layer_unless_errors(&c);
}

/* The layer of `--set @key=<@v>`, or NULL after errors. */
static StyleLayer *set_layer(const char *key, const YdocNode *v, DiagList *diags)
{
  StyleCtx c = {.layer = layer_new(), .is_set = TRUE};
  readctx_init(&c.rc, "--set", diags);
  c.rc.max_text_chars = READCTX_MAX_TEXT_CHARS;
  c.rc.positions = FALSE;
  c.rc.unknown_is_error = TRUE;
  walk(&c, key, NULL, v);
  return layer_unless_errors(&c);
}

StyleLayer *style_layer_parse_set(const char *assignment, DiagList *diags)
{
  const char *file = "--set";
  const char *eq = strchr(assignment, '=');
  if (eq == NULL || eq == assignment) {
    diag_error(diags, file, 0, 0, "expected KEY=VALUE, found '%s'", assignment);
    return NULL;
  }
  g_autofree char *key = g_strstrip(g_strndup(assignment, (gsize)(eq - assignment)));
  const char *value = eq + 1;
  if (value[0] == '#') {
    /* On a command line `#fff` means a colour, not a YAML comment. */
    YdocNode scalar = {.kind = YDOC_SCALAR, .text = (char *)value, .plain = FALSE};
    scalar.text_len = strlen(value);
    return set_layer(key, &scalar, diags);
  }
  YdocLimits limits = style_ydoc_limits();
  /* Parsed as a YAML node so that `palette=[red, blue]` and `today.dash=[2,2]` work; the
   * value's positions would be relative to the value only, so messages carry none. */
  DiagList *parse_diags = diag_list_new();
  YdocDoc *doc = ydoc_parse(file, value, strlen(value), &limits, parse_diags);
  if (doc == NULL || diag_error_count(parse_diags) > 0) {
    ydoc_free(doc);
    const Diag *d = diag_len(parse_diags) ? diag_get(parse_diags, 0) : NULL;
    diag_error(diags, file, 0, 0, "%s: the value is not valid YAML%s%s", key, d ? ": " : "",
               d ? d->text : "");
    diag_list_free(parse_diags);
    return NULL;
  }
  diag_list_free(parse_diags);
  /* `--set today.label=` means an empty value. */
  YdocNode empty = {.kind = YDOC_SCALAR, .text = (char *)"", .plain = TRUE};
  StyleLayer *layer = set_layer(key, doc->root ? doc->root : &empty, diags);
  ydoc_free(doc);
  return layer;
}
