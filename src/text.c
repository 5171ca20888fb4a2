/* text: measuring and drawing plain text with Pango (DESIGN.md "layout": one small
 * module, measure + draw). Both go through one PangoContext with fixed font options, so
 * that what layout measured is what render draws, at any scale. Each measured text keeps
 * its shaped PangoLayout, so that drawing it does not shape it a second time. */
#include "text.h"

#include "text_private.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

struct TextCtx {
  PangoFontMap *font_map;
  PangoContext *context;
  PangoLayout *layout;      /* scratch: text_fit's candidates, texts drawn unmeasured */
  GHashTable *fonts;        /* description string -> PangoFontDescription* */
  GHashTable *measured;     /* "font\x1ftext" -> TextEntry* */
  GString *key;             /* scratch for cache keys */
  const char *layout_font;  /* the description currently set on the layout (key in fonts) */
  /* The cairo state the context was last synchronised with (text_sync): the linear part
   * of the matrix and the target surface's font options. */
  gboolean synced;
  double matrix[4];
  cairo_font_options_t *surface_options;
};

/* A measured text: its extents and, unless it was only a candidate, its shaped layout. */
typedef struct {
  TextExtents extents;
  PangoLayout *layout; /* or NULL */
} TextEntry;

static void text_entry_free(gpointer p)
{
  TextEntry *e = p;
  if (e->layout)
    g_object_unref(e->layout);
  g_free(e);
}

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
  ctx->measured = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, text_entry_free);
  ctx->key = g_string_new(NULL);
  ctx->surface_options = cairo_font_options_create();
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
  g_hash_table_destroy(ctx->measured);
  g_string_free(ctx->key, TRUE);
  cairo_font_options_destroy(ctx->surface_options);
  g_free(ctx);
}

static PangoFontDescription *text_font(TextCtx *ctx, const char *font, const char **key_out)
{
  gpointer key = NULL, desc = NULL;
  if (!g_hash_table_lookup_extended(ctx->fonts, font, &key, &desc)) {
    desc = pango_font_description_from_string(font);
    key = g_strdup(font);
    g_hash_table_insert(ctx->fonts, key, desc);
  }
  if (key_out)
    *key_out = key;
  return desc;
}

/* Sets @font on the shared layout, parsing each description once. */
static void text_use_font(TextCtx *ctx, const char *font)
{
  if (ctx->layout_font && strcmp(ctx->layout_font, font) == 0)
    return;
  PangoFontDescription *desc = text_font(ctx, font, &ctx->layout_font);
  pango_layout_set_font_description(ctx->layout, desc);
}

static void text_set(TextCtx *ctx, const char *font, const char *text)
{
  text_use_font(ctx, font);
  pango_layout_set_text(ctx->layout, text, -1);
}

/* With no usable font at all (an empty fontconfig setup), Pango draws hex boxes whose
 * reported line height can be absurd; a line is never taller than a few em. */
static void text_sanitize_extents(PangoLayout *layout, TextExtents *out)
{
  const PangoFontDescription *desc = pango_layout_get_font_description(layout);
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

/* A new layout holding @text in @font, set up like the shared one. */
static PangoLayout *text_new_layout(TextCtx *ctx, const char *font, const char *text)
{
  PangoLayout *layout = pango_layout_new(ctx->context);
  pango_layout_set_single_paragraph_mode(layout, TRUE);
  pango_layout_set_font_description(layout, text_font(ctx, font, NULL));
  pango_layout_set_text(layout, text, -1);
  return layout;
}

static void text_extents_of(PangoLayout *layout, TextExtents *out)
{
  PangoRectangle logical;
  pango_layout_get_extents(layout, NULL, &logical);
  out->width = (double)logical.width / PANGO_SCALE;
  out->height = (double)logical.height / PANGO_SCALE;
  out->baseline = (double)pango_layout_get_baseline(layout) / PANGO_SCALE;
  text_sanitize_extents(layout, out);
}

static TextEntry *text_lookup(TextCtx *ctx, const char *font, const char *text)
{
  g_string_assign(ctx->key, font);
  g_string_append_c(ctx->key, '\x1f');
  g_string_append(ctx->key, text);
  return g_hash_table_lookup(ctx->measured, ctx->key->str);
}

/* Measures @text (the key already in ctx->key), keeping its layout when @keep. */
static TextEntry *text_measure_new(TextCtx *ctx, const char *font, const char *text,
                                   gboolean keep)
{
  TextEntry *e = g_new0(TextEntry, 1);
  if (keep) {
    e->layout = text_new_layout(ctx, font, text);
    text_extents_of(e->layout, &e->extents);
  } else {
    text_set(ctx, font, text);
    text_extents_of(ctx->layout, &e->extents);
  }
  g_hash_table_insert(ctx->measured, g_strdup(ctx->key->str), e);
  return e;
}

void text_measure(TextCtx *ctx, const char *font, const char *text, TextExtents *out)
{
  TextEntry *e = text_lookup(ctx, font, text);
  if (e == NULL)
    e = text_measure_new(ctx, font, text, TRUE);
  *out = e->extents;
}

/* For text_fit's candidates: most are never drawn, so no layout is kept. */
static double text_width(TextCtx *ctx, const char *font, const char *text)
{
  TextEntry *e = text_lookup(ctx, font, text);
  if (e == NULL)
    e = text_measure_new(ctx, font, text, FALSE);
  return e->extents.width;
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

/* Whether the first @n_chars characters of @text with the ellipsis fit in @max_width. */
static gboolean prefix_fits(TextCtx *ctx, const char *font, const char *text, glong n_chars,
                            double max_width)
{
  char *candidate = text_prefix_with_ellipsis(text, n_chars);
  gboolean fits = text_width(ctx, font, candidate) <= max_width;
  g_free(candidate);
  return fits;
}

/* Where the prefix that fits probably ends, in characters: the character under x =
 * max_width minus the ellipsis in the whole text's one shaping. Exact for plain
 * left-to-right text; only a first guess elsewhere. */
static glong text_fit_guess(TextCtx *ctx, const char *font, const char *text, double max_width)
{
  double room = max_width - text_width(ctx, font, "…");
  if (room <= 0)
    return 0;
  /* text_fit measured the whole text first, keeping its shaped layout. */
  TextEntry *e = text_lookup(ctx, font, text);
  PangoLayout *layout = e && e->layout ? e->layout : ctx->layout;
  if (layout == ctx->layout)
    text_set(ctx, font, text);
  int index = 0, trailing = 0;
  pango_layout_xy_to_index(layout, (int)(room * PANGO_SCALE), 0, &index, &trailing);
  return g_utf8_strlen(text, index);
}

char *text_fit(TextCtx *ctx, const char *font, const char *text, double max_width)
{
  TextExtents whole;
  text_measure(ctx, font, text, &whole);
  if (whole.width <= max_width)
    return g_strdup(text);
  glong n = g_utf8_strlen(text, -1);
  /* The longest prefix that fits, by binary search (the width grows with the prefix),
   * probing the guess and the one after it first: a long title costs two or three
   * measurements rather than one per halving. */
  glong lo = 0, hi = n - 1;
  glong guess = CLAMP(text_fit_guess(ctx, font, text, max_width), 1, MAX(n - 1, 1));
  glong probes[2] = {guess, guess + 1};
  for (int i = 0; i < 2 && lo < hi; i++) {
    glong mid = probes[i];
    if (mid <= lo || mid > hi)
      break;
    if (prefix_fits(ctx, font, text, mid, max_width))
      lo = mid;
    else
      hi = mid - 1;
  }
  while (lo < hi) {
    glong mid = lo + (hi - lo + 1) / 2;
    if (prefix_fits(ctx, font, text, mid, max_width))
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo == 0 ? NULL : text_prefix_with_ellipsis(text, lo);
}

/* Brings the context in line with @cr's matrix and target, as pango_cairo_update_context
 * does, but only when they changed: updating marks every layout as changed, which would
 * shape each measured text again when it is drawn. */
static void text_sync(TextCtx *ctx, cairo_t *cr)
{
  cairo_matrix_t m;
  cairo_get_matrix(cr, &m);
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_surface_get_font_options(cairo_get_target(cr), options);
  gboolean identity = m.xx == 1 && m.yx == 0 && m.xy == 0 && m.yy == 1;
  gboolean same = !ctx->synced ? identity : ctx->matrix[0] == m.xx && ctx->matrix[1] == m.yx &&
                  ctx->matrix[2] == m.xy && ctx->matrix[3] == m.yy &&
                  cairo_font_options_equal(options, ctx->surface_options);
  if (!same || !ctx->synced) {
    if (!same)
      pango_cairo_update_context(cr, ctx->context);
    ctx->synced = TRUE;
    ctx->matrix[0] = m.xx;
    ctx->matrix[1] = m.yx;
    ctx->matrix[2] = m.xy;
    ctx->matrix[3] = m.yy;
    cairo_font_options_destroy(ctx->surface_options);
    ctx->surface_options = options;
  } else {
    cairo_font_options_destroy(options);
  }
}

void text_draw(TextCtx *ctx, cairo_t *cr, const char *font, const char *text, double x, double y,
               StyleColor color)
{
  text_draw_toned(ctx, cr, font, text, x, y, color, 0, color);
}

static void text_set_source(cairo_t *cr, StyleColor c)
{
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

static void text_show_glyphs(cairo_t *cr, PangoGlyphItem *run, double x, double y, StyleColor c)
{
  text_set_source(cr, c);
  cairo_move_to(cr, x, y);
  pango_cairo_show_glyph_string(cr, run->item->analysis.font, run->glyphs);
}

/* Draws the one line of @layout run by run, from byte @tone_from on in @tone. The runs
 * are the ones measured: a colour change must not shape the text again (a colour
 * attribute would make Pango lay the whole text out anew). A right-to-left run that
 * holds the change keeps one colour. */
static void text_show_toned(cairo_t *cr, PangoLayout *layout, double x, double y,
                            StyleColor color, int tone_from, StyleColor tone)
{
  const char *text = pango_layout_get_text(layout);
  PangoLayoutIter *iter = pango_layout_get_iter(layout);
  double baseline = y + (double)pango_layout_iter_get_baseline(iter) / PANGO_SCALE;
  do {
    PangoGlyphItem *run = pango_layout_iter_get_run_readonly(iter);
    if (!run)
      continue;
    PangoRectangle logical;
    pango_layout_iter_get_run_extents(iter, NULL, &logical);
    double rx = x + (double)logical.x / PANGO_SCALE;
    int start = run->item->offset, end = start + run->item->length;
    gboolean rtl = run->item->analysis.level % 2 == 1;
    if (tone_from <= start || tone_from >= end || rtl) {
      text_show_glyphs(cr, run, rx, baseline, tone_from <= start && !rtl ? tone : color);
      continue;
    }
    PangoGlyphItem *tail = pango_glyph_item_copy(run);
    PangoGlyphItem *head = pango_glyph_item_split(tail, text, tone_from - start);
    text_show_glyphs(cr, head, rx, baseline, color);
    double head_w = (double)pango_glyph_string_get_width(head->glyphs) / PANGO_SCALE;
    text_show_glyphs(cr, tail, rx + head_w, baseline, tone);
    pango_glyph_item_free(head);
    pango_glyph_item_free(tail);
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
}

void text_draw_toned(TextCtx *ctx, cairo_t *cr, const char *font, const char *text, double x,
                     double y, StyleColor color, gsize tone_from, StyleColor tone)
{
  text_sync(ctx, cr);
  TextEntry *e = text_lookup(ctx, font, text);
  PangoLayout *layout = e && e->layout ? e->layout : ctx->layout;
  if (layout == ctx->layout)
    text_set(ctx, font, text);
  cairo_save(cr);
  if (tone_from > 0 && tone_from < strlen(text)) {
    text_show_toned(cr, layout, x, y, color, (int)tone_from, tone);
  } else {
    text_set_source(cr, color);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
  }
  cairo_restore(cr);
}

void text_foreach_run(TextCtx *ctx, const char *font, const char *text, TextRunFunc func,
                      gpointer closure)
{
  TextEntry *e = text_lookup(ctx, font, text);
  PangoLayout *layout = e && e->layout ? e->layout : ctx->layout;
  if (layout == ctx->layout)
    text_set(ctx, font, text);
  /* The positions text_show_toned draws the runs at. */
  PangoLayoutIter *iter = pango_layout_get_iter(layout);
  double baseline = (double)pango_layout_iter_get_baseline(iter) / PANGO_SCALE;
  do {
    PangoGlyphItem *run = pango_layout_iter_get_run_readonly(iter);
    if (!run)
      continue;
    PangoRectangle logical;
    pango_layout_iter_get_run_extents(iter, NULL, &logical);
    func(closure, pango_layout_get_text(layout), run, (double)logical.x / PANGO_SCALE, baseline);
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
}
