/* text: measuring and drawing plain text with Pango (DESIGN.md "layout": one small
 * module, measure + draw). Both go through one PangoContext with fixed font options, so
 * that what layout measured is what render draws, at any scale. */
#include "text.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

struct TextCtx {
  PangoFontMap *font_map;
  PangoContext *context;
  PangoLayout *layout;      /* reused for every measurement and every draw */
  GHashTable *fonts;        /* description string -> PangoFontDescription* */
  GHashTable *extents;      /* "font\x1ftext" -> TextExtents* */
  GString *key;             /* scratch for cache keys */
  const char *layout_font;  /* the description currently set on the layout (key in fonts) */
};

/* Metrics that do not depend on the device scale: what layout measures at 1x is what a
 * 2x PNG or a PDF draws. */
static cairo_font_options_t *text_font_options(void)
{
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  return options;
}

TextCtx *text_ctx_new(void)
{
  TextCtx *ctx = g_new0(TextCtx, 1);
  ctx->font_map = pango_cairo_font_map_new();
  ctx->context = pango_font_map_create_context(ctx->font_map);
  /* 72 dpi: a font size of 11 is 11 px in SVG and PNG, 11 pt in PDF. */
  pango_cairo_context_set_resolution(ctx->context, 72.0);
  cairo_font_options_t *options = text_font_options();
  pango_cairo_context_set_font_options(ctx->context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(ctx->context, FALSE);
  ctx->layout = pango_layout_new(ctx->context);
  pango_layout_set_single_paragraph_mode(ctx->layout, TRUE);
  ctx->fonts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify)pango_font_description_free);
  ctx->extents = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  ctx->key = g_string_new(NULL);
  return ctx;
}

void text_ctx_free(TextCtx *ctx)
{
  if (!ctx)
    return;
  g_object_unref(ctx->layout);
  g_object_unref(ctx->context);
  g_object_unref(ctx->font_map);
  g_hash_table_destroy(ctx->fonts);
  g_hash_table_destroy(ctx->extents);
  g_string_free(ctx->key, TRUE);
  g_free(ctx);
}

/* Sets @font on the shared layout, parsing each description once. */
static void text_use_font(TextCtx *ctx, const char *font)
{
  if (ctx->layout_font && strcmp(ctx->layout_font, font) == 0)
    return;
  gpointer key = NULL, desc = NULL;
  if (!g_hash_table_lookup_extended(ctx->fonts, font, &key, &desc)) {
    desc = pango_font_description_from_string(font);
    key = g_strdup(font);
    g_hash_table_insert(ctx->fonts, key, desc);
  }
  pango_layout_set_font_description(ctx->layout, desc);
  ctx->layout_font = key;
}

static void text_set(TextCtx *ctx, const char *font, const char *text)
{
  text_use_font(ctx, font);
  pango_layout_set_text(ctx->layout, text, -1);
}

/* With no usable font at all (an empty fontconfig setup), Pango draws hex boxes whose
 * reported line height can be absurd; a line is never taller than a few em. */
static void text_sanitize_extents(TextCtx *ctx, TextExtents *out)
{
  const PangoFontDescription *desc = pango_layout_get_font_description(ctx->layout);
  double size = desc ? (double)pango_font_description_get_size(desc) / PANGO_SCALE : 0;
  if (size <= 0)
    size = 10;
  if (!(out->height >= 0 && out->height <= 4 * size)) {
    out->height = ceil(1.25 * size);
    out->baseline = size;
  }
  if (!(out->width >= 0 && out->width < 1e7))
    out->width = 0;
}

void text_measure(TextCtx *ctx, const char *font, const char *text, TextExtents *out)
{
  g_string_assign(ctx->key, font);
  g_string_append_c(ctx->key, '\x1f');
  g_string_append(ctx->key, text);
  const TextExtents *cached = g_hash_table_lookup(ctx->extents, ctx->key->str);
  if (cached) {
    *out = *cached;
    return;
  }
  text_set(ctx, font, text);
  PangoRectangle logical;
  pango_layout_get_extents(ctx->layout, NULL, &logical);
  out->width = (double)logical.width / PANGO_SCALE;
  out->height = (double)logical.height / PANGO_SCALE;
  out->baseline = (double)pango_layout_get_baseline(ctx->layout) / PANGO_SCALE;
  text_sanitize_extents(ctx, out);
  g_hash_table_insert(ctx->extents, g_strdup(ctx->key->str), g_memdup2(out, sizeof *out));
}

static double text_width(TextCtx *ctx, const char *font, const char *text)
{
  TextExtents extents;
  text_measure(ctx, font, text, &extents);
  return extents.width;
}

/* The first @n_chars characters of @text without trailing spaces, plus "…". */
static char *text_prefix_with_ellipsis(const char *text, glong n_chars)
{
  const char *end = g_utf8_offset_to_pointer(text, n_chars);
  while (end > text && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  GString *s = g_string_new_len(text, end - text);
  g_string_append(s, "…");
  return g_string_free(s, FALSE);
}

char *text_fit(TextCtx *ctx, const char *font, const char *text, double max_width)
{
  if (text_width(ctx, font, text) <= max_width)
    return g_strdup(text);
  glong n = g_utf8_strlen(text, -1);
  /* Binary search for the longest prefix that fits: the width grows with the prefix. */
  glong lo = 0, hi = n - 1;
  char *best = NULL;
  while (lo < hi) {
    glong mid = lo + (hi - lo + 1) / 2;
    char *candidate = text_prefix_with_ellipsis(text, mid);
    if (text_width(ctx, font, candidate) <= max_width) {
      g_free(best);
      best = candidate;
      lo = mid;
    } else {
      g_free(candidate);
      hi = mid - 1;
    }
  }
  if (lo == 0) {
    g_free(best);
    return NULL;
  }
  if (!best)
    best = text_prefix_with_ellipsis(text, lo);
  return best;
}

void text_draw(TextCtx *ctx, cairo_t *cr, const char *font, const char *text, double x, double y,
               StyleColor color)
{
  text_set(ctx, font, text);
  cairo_save(cr);
  pango_cairo_update_context(cr, ctx->context);
  pango_layout_context_changed(ctx->layout);
  cairo_set_source_rgba(cr, color.r, color.g, color.b, color.a);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, ctx->layout);
  cairo_restore(cr);
}
