/* What the style modules share beyond style.h: style.c (construction), style_color.c,
 * style_registry.c (properties by type), style_layer.c (reading a layer) and
 * style_cascade.c (applying layers). Only src/style*.c include this header. */
#pragma once

#include "readctx.h"
#include "style.h"
#include "ydoc.h"

/* ---------------------------------------------------------------- style.c */

/* Sets up @style in place with nothing set: zeroes and empty tables. */
void style_init(Style *style);

/* Frees everything @style owns (not @style itself); style_init makes it usable again. */
void style_clear(Style *style);

/* The paint named @name in @table (a Style's `groups` or `classes`), added empty when
 * missing. Owned by @table. */
StylePaint *style_paint_get(GHashTable *table, const char *name);

/* ---------------------------------------------------------------- style_color.c */

/* The CSS colour name (or `transparent`) nearest to the misspelt @text, for "did you
 * mean", or NULL. A static string. */
const char *style_color_closest_name(const char *text);

/* ---------------------------------------------------------------- style_registry.c */

/* The state of reading one style file or one --set: the reading context every reader
 * shares (readctx.h: where messages go, with or without positions), and what is being
 * read. The registry reports through rc; the layer reader also uses layer and is_set.
 * Owns nothing. */
typedef struct {
  ReadCtx rc;        /* positions FALSE and unknown_is_error for --set */
  StyleLayer *layer; /* what is being read */
  gboolean is_set;   /* parsing a --set assignment */
} StyleCtx;

/* TRUE when @v is a scalar that is not null; else an error "'@key' must be @what". */
gboolean style_expect_scalar(StyleCtx *c, const char *key, const YdocNode *v, const char *what);

/* TRUE when @v is a mapping; else an error naming @path. */
gboolean style_expect_mapping(StyleCtx *c, const char *path, const YdocNode *v);

/* The registry index (below style_property_count()) of the property @key, or -1. */
int style_prop_index(const char *key);

/* Parses @v as the property at @index into @into; FALSE after an error in @c. */
gboolean style_prop_parse(StyleCtx *c, guint index, const YdocNode *v, Style *into);

/* Copies the property at @index from @src onto @dst. */
void style_prop_copy(Style *dst, const Style *src, guint index);

/* What a layer setting page.font to @page_font does to the fonts it did not set (@set:
 * style_property_count() flags, as StyleLayer's): each takes @page_font's family, and
 * its weight, slant, variant and stretch where those are not the normal ones, and its
 * size is scaled as page.font's is (from @style's page.font to @page_font; at most 500),
 * so that `page.font=Serif 22` on the default draws every text in Serif at twice its
 * size. Call before the layer is applied; nothing happens while @style has no page.font. */
void style_fonts_follow_page(Style *style, const char *page_font, const guint8 *set);

/* Frees the strings the registry's properties hold in @style, leaving them dangling. */
void style_props_free(Style *style);

/* TRUE for a mapping whose keys are property names (`page`, `bar`, ...). */
gboolean style_is_section(const char *key);

/* The STYLE_PAINT_* bit of the paint field @field ("color", "pattern", "label"), or 0. */
guint style_paint_field_bit(const char *field);

/* Parses @v as the paint field @bit into @out, @key naming it in messages; FALSE after an
 * error in @c. A label written to @out is the caller's. */
gboolean style_paint_field_parse(StyleCtx *c, guint bit, const char *key, const YdocNode *v,
                                 StylePaint *out);

/* Copies onto @to the fields @from set, and marks them set in @to. */
void style_paint_merge(StylePaint *to, const StylePaint *from);

/* Appends to @out (freeing with g_free) every key the unknown @path may have meant: the
 * known keys beside it. */
void style_key_candidates(const char *path, GPtrArray *out);

/* ---------------------------------------------------------------- style_layer.c */

struct StyleLayer {
  Style values;  /* only the fields marked in `set` mean anything */
  guint8 *set;   /* style_property_count() flags: the registry properties this layer set */
  char *extends; /* the `extends` value, or NULL */
  int extends_line, extends_column;
  gboolean is_default; /* the built-in `default`: the floor, applied once, first */
};

/* Style files are small; a tighter cap than the CV's keeps hostile input cheap. */
#define STYLE_MAX_BYTES (1024u * 1024u)

/* The ydoc guards for style text (STYLE_MAX_BYTES, shallow, few nodes). */
YdocLimits style_ydoc_limits(void);
