/* A Style's life (doc/styles.md): construction with empty tables, freeing, and
 * the lookups layout makes: a group's paint (its own, or the palette's in turn) and a
 * class's. Reading and cascading styles are style_layer.c and style_cascade.c. */
#include "style_private.h"

#include <string.h>

static void paint_free(gpointer data)
{
  StylePaint *paint = data;
  if (paint) {
    g_free(paint->label);
    g_free(paint);
  }
}

static GHashTable *paint_table_new(void)
{
  return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, paint_free);
}

void style_init(Style *style)
{
  memset(style, 0, sizeof *style);
  style->groups = paint_table_new();
  style->classes = paint_table_new();
  style->palette = g_array_new(FALSE, TRUE, sizeof(StyleColor));
  style->patterns = g_array_new(FALSE, TRUE, sizeof(StylePattern));
  style->files = g_ptr_array_new_with_free_func(g_free);
}

void style_clear(Style *style)
{
  style_props_free(style);
  g_clear_pointer(&style->groups, g_hash_table_unref);
  g_clear_pointer(&style->classes, g_hash_table_unref);
  g_clear_pointer(&style->palette, g_array_unref);
  g_clear_pointer(&style->patterns, g_array_unref);
  g_clear_pointer(&style->files, g_ptr_array_unref);
}

Style *style_new_empty(void)
{
  Style *style = g_new(Style, 1);
  style_init(style);
  return style;
}

void style_free(Style *style)
{
  if (style == NULL)
    return;
  style_clear(style);
  g_free(style);
}

StylePaint *style_paint_get(GHashTable *table, const char *name)
{
  StylePaint *paint = g_hash_table_lookup(table, name);
  if (paint == NULL) {
    paint = g_new0(StylePaint, 1);
    g_hash_table_insert(table, g_strdup(name), paint);
  }
  return paint;
}

void style_group_paint(const Style *style, const char *key, guint custom_index, StylePaint *out)
{
  const StylePaint *own = key ? g_hash_table_lookup(style->groups, key) : NULL;
  guint set = own ? own->set : 0;
  *out = (StylePaint){0};
  if (set & STYLE_PAINT_COLOR)
    out->color = own->color;
  else if (style->palette->len)
    out->color = g_array_index(style->palette, StyleColor, custom_index % style->palette->len);
  if (set & STYLE_PAINT_PATTERN)
    out->pattern = own->pattern;
  else if (style->patterns->len)
    out->pattern =
        g_array_index(style->patterns, StylePattern, custom_index % style->patterns->len);
  out->label = (set & STYLE_PAINT_LABEL) ? own->label : NULL;
  out->set = set;
}

const StylePaint *style_class(const Style *style, const char *name)
{
  return name ? g_hash_table_lookup(style->classes, name) : NULL;
}
