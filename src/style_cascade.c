/* The cascade (doc/styles.md "How styles combine"): the built-in `default`, then each -s
 * with its `extends` chain (built-ins or files read from disk, cycles refused), then each
 * --set, every layer applied by copying only what it set; and built-in styles' descriptions. */
#include "style_private.h"

#include "embed.h"
#include "strutil.h"

#include <stdlib.h>
#include <string.h>

static void apply_paints(GHashTable *dst, GHashTable *src)
{
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init(&iter, src);
  while (g_hash_table_iter_next(&iter, &key, &value))
    style_paint_merge(style_paint_get(dst, key), value);
}

void style_apply(Style *style, const StyleLayer *layer)
{
  /* page.font is the base of every text: the fonts this layer leaves alone follow it. */
  int page_font = style_prop_index("page.font");
  if (layer->set[page_font])
    style_fonts_follow_page(style, layer->values.page.font, layer->set);
  for (guint i = 0; i < style_property_count(); i++)
    if (layer->set[i])
      style_prop_copy(style, &layer->values, i);
  apply_paints(style->groups, layer->values.groups);
  apply_paints(style->classes, layer->values.classes);
}

#define BUILTIN_PREFIX "styles/"
#define BUILTIN_SUFFIX ".yaml"

const char *const *style_builtin_names(void)
{
  /* Built once from the embedded table and kept: the names are the files'. */
  static const char *const *names;
  if (g_once_init_enter(&names)) {
    GPtrArray *list = g_ptr_array_new();
    for (unsigned i = 0; i < embed_files_count; i++) {
      const char *file = embed_files[i].name;
      gsize n = strlen(file) - strlen(BUILTIN_PREFIX) - strlen(BUILTIN_SUFFIX);
      if (g_str_has_prefix(file, BUILTIN_PREFIX) && g_str_has_suffix(file, BUILTIN_SUFFIX))
        g_ptr_array_add(list, g_strndup(file + strlen(BUILTIN_PREFIX), n));
    }
    g_ptr_array_add(list, NULL);
    g_once_init_leave(&names, (const char *const *)g_ptr_array_free(list, FALSE));
  }
  return names;
}

const char *style_builtin_text(const char *name)
{
  if (name == NULL || strchr(name, '/') != NULL)
    return NULL;
  g_autofree char *file = g_strconcat(BUILTIN_PREFIX, name, BUILTIN_SUFFIX, NULL);
  return embed_get(file);
}

/* A name without `/` and without a .yaml/.yml suffix is a built-in; anything else a path. */
static gboolean is_builtin_name(const char *name)
{
  return strchr(name, '/') == NULL && !g_str_has_suffix(name, ".yaml") &&
         !g_str_has_suffix(name, ".yml");
}

static void unknown_builtin(DiagList *diags, const char *file, int line, int column,
                            const char *name)
{
  const char *const *names = style_builtin_names();
  g_autofree char *list = g_strjoinv(", ", (char **)names);
  const char *near = strutil_closest(name, names);
  if (near)
    diag_error(diags, file, line, column, "unknown built-in style '%s' (did you mean '%s'?)", name,
               near);
  else
    diag_error(diags, file, line, column, "unknown built-in style '%s' (built-in styles: %s)", name,
               list);
}

/* Loads @name (built-in or path) and its `extends` chain, appending layers base first to
 * @layers. @chain holds the identities being loaded, for cycle detection; @from_file,
 * @line, @column say where @name was asked for (NULL file: the command line). */
static gboolean load_chain(const char *name, const char *from_file, int line, int column,
                           GPtrArray *chain, GPtrArray *layers, Style *style, DiagList *diags)
{
  const char *msg_file = from_file ? from_file : "--style";
  g_autofree char *identity = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  const char *builtin = NULL; /* the built-in's text */
  if (is_builtin_name(name)) {
    builtin = style_builtin_text(name);
    if (builtin == NULL) {
      unknown_builtin(diags, msg_file, line, column, name);
      return FALSE;
    }
    identity = g_strdup(name);
    path = g_strdup(name);
  } else {
    /* A path in a style file is relative to that file; on the command line, to the
     * working directory. A built-in extending a path has no folder: the working one. */
    if (from_file && !g_path_is_absolute(name) && !style_builtin_text(from_file)) {
      g_autofree char *dir = g_path_get_dirname(from_file);
      path = strcmp(dir, ".") == 0 ? g_strdup(name) : g_build_filename(dir, name, NULL);
    } else {
      path = g_strdup(name);
    }
    char *real = realpath(path, NULL);
    identity = real ? g_strdup(real) : g_strdup(path);
    free(real);
  }
  /* @chain alternates identity and the name shown in messages. */
  for (guint i = 0; i < chain->len; i += 2) {
    if (strcmp(chain->pdata[i], identity) == 0) {
      g_autoptr(GString) cycle = g_string_new(NULL);
      for (guint j = i; j < chain->len; j += 2)
        g_string_append_printf(cycle, "%s -> ", (char *)chain->pdata[j + 1]);
      g_string_append(cycle, path);
      diag_error(diags, msg_file, line, column, "style extends itself: %s", cycle->str);
      return FALSE;
    }
  }
  if (builtin) {
    text = g_strdup(builtin);
    len = strlen(text);
  } else {
    /* A file named by `extends:` that cannot be read is that line's mistake: the
     * message points at it (read_file's own messages have no position). */
    DiagList *read_diags = from_file ? diag_list_new() : diags;
    text = ydoc_read_file(path, STYLE_MAX_BYTES, &len, read_diags);
    if (from_file) {
      for (guint i = 0; i < diag_len(read_diags); i++)
        diag_error(diags, msg_file, line, column, "cannot use style '%s': %s", path,
                   diag_get(read_diags, i)->text);
      diag_list_free(read_diags);
    }
    if (text == NULL)
      return FALSE;
    g_ptr_array_add(style->files, g_strdup(path));
  }
  StyleLayer *layer = style_layer_parse(path, text, len, diags);
  if (layer == NULL)
    return FALSE;
  layer->is_default = builtin && strcmp(name, "default") == 0;
  gboolean ok = TRUE;
  if (layer->extends) {
    g_ptr_array_add(chain, g_strdup(identity));
    g_ptr_array_add(chain, g_strdup(path));
    ok = load_chain(layer->extends, path, layer->extends_line, layer->extends_column, chain, layers,
                    style, diags);
    g_ptr_array_set_size(chain, chain->len - 2);
  }
  g_ptr_array_add(layers, layer);
  return ok;
}

/* Applies @name's chain, base first. The built-in `default` is already under everything,
 * so a chain reaching it (most do) does not apply it again: otherwise `-s slides -s
 * mine.yaml`, with mine extending dark, would reset every size slides set. */
static gboolean apply_named(Style *style, const char *name, gboolean skip_default, DiagList *diags)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func((GDestroyNotify)style_layer_free);
  if (!load_chain(name, NULL, 0, 0, chain, layers, style, diags))
    return FALSE;
  for (guint i = 0; i < layers->len; i++) {
    const StyleLayer *layer = layers->pdata[i];
    if (!(skip_default && layer->is_default))
      style_apply(style, layer);
  }
  return TRUE;
}

Style *style_resolve(const char *const *styles, guint n_styles, const char *const *sets,
                     guint n_sets, DiagList *diags)
{
  guint errors = diag_error_count(diags);
  Style *style = style_new_empty();
  apply_named(style, "default", FALSE, diags);
  for (guint i = 0; i < n_styles; i++)
    apply_named(style, styles[i], TRUE, diags);
  for (guint i = 0; i < n_sets; i++) {
    StyleLayer *layer = style_layer_parse_set(sets[i], diags);
    if (layer)
      style_apply(style, layer);
    style_layer_free(layer);
  }
  if (diag_error_count(diags) != errors) {
    style_free(style);
    return NULL;
  }
  return style;
}

char *style_builtin_description(const char *name)
{
  const char *builtin = style_builtin_text(name);
  if (builtin == NULL)
    return NULL;
  DiagList *diags = diag_list_new();
  YdocLimits limits = style_ydoc_limits();
  YdocDoc *doc = ydoc_parse(name, builtin, strlen(builtin), &limits, diags);
  diag_list_free(diags);
  const YdocNode *d = doc ? ydoc_get(doc->root, "description") : NULL;
  char *out = d && d->kind == YDOC_SCALAR && !ydoc_is_null(d) ? g_strdup(d->text) : NULL;
  ydoc_free(doc);
  return out;
}
