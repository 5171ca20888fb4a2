/* text_glyphs: glyph positions, outlines and font subsets from the fonts Pango laid the
 * text out with (spec/visual.md "SVG"). Outlines come from HarfBuzz's drawing of the very
 * hb_font_t Pango shaped with; subsets from HarfBuzz's subsetter. */
#include "text_glyphs.h"

#include "text_private.h"

#include <hb-subset.h>
#include <hb.h>
#include <pango/pangocairo.h>
#include <string.h>

/* The opaque types are the Pango and HarfBuzz objects themselves. */
#define AS_PANGO(font) ((PangoFont *)(font))
#define AS_FACE(face) ((hb_face_t *)(face))

/* A run with characters no font has: its glyphs with all others made empty, where it
 * goes. */
typedef struct {
  PangoFont *font; /* a reference */
  PangoGlyphString *glyphs;
  double x, baseline;
} MissingRun;

static void missing_run_clear(gpointer p)
{
  MissingRun *m = p;
  g_object_unref(m->font);
  pango_glyph_string_free(m->glyphs);
}

TextGlyphs *text_glyphs_new(void)
{
  TextGlyphs *g = g_new0(TextGlyphs, 1);
  g->runs = g_array_new(FALSE, FALSE, sizeof(TextGlyphRun));
  g->glyphs = g_array_new(FALSE, FALSE, sizeof(TextGlyph));
  g->refs = g_ptr_array_new_with_free_func(g_object_unref);
  g->missing = g_array_new(FALSE, FALSE, sizeof(MissingRun));
  g_array_set_clear_func(g->missing, missing_run_clear);
  return g;
}

void text_glyphs_free(TextGlyphs *g)
{
  if (g == NULL)
    return;
  g_array_unref(g->runs);
  g_array_unref(g->glyphs);
  g_ptr_array_unref(g->refs);
  g_array_unref(g->missing);
  g_free(g);
}

static void add_run(gpointer closure, const char *text, PangoGlyphItem *run, double x,
                    double baseline)
{
  (void)text;
  TextGlyphs *out = closure;
  PangoFont *font = run->item->analysis.font;
  if (font == NULL)
    return;
  TextGlyphRun r = {
      .font = (TextGlyphFont *)font,
      .start = (guint)run->item->offset,
      .end = (guint)(run->item->offset + run->item->length),
      .rtl = run->item->analysis.level % 2 == 1,
      .first = out->glyphs->len,
  };
  /* pango_cairo_show_glyph_string's placement: each glyph at the sum of the widths before
   * it plus its own offsets, y down. 64 bits: a 100,000-role progression is one run
   * wider than an int of Pango units can count (2^31 / PANGO_SCALE is 2 million px). */
  gint64 advance = 0;
  const PangoGlyphString *gs = run->glyphs;
  gboolean missing = FALSE;
  /* Room for every glyph, then the ones drawn written in place: a chart of 100,000
   * entries places millions, one call to append each was a tenth of this. */
  g_array_set_size(out->glyphs, r.first + (guint)MAX(gs->num_glyphs, 0));
  TextGlyph *drawn = &g_array_index(out->glyphs, TextGlyph, r.first);
  guint n = 0;
  for (int i = 0; i < gs->num_glyphs; i++) {
    const PangoGlyphInfo *info = &gs->glyphs[i];
    missing = missing || (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG);
    if (info->glyph != PANGO_GLYPH_EMPTY && !(info->glyph & PANGO_GLYPH_UNKNOWN_FLAG)) {
      drawn[n++] = (TextGlyph){
          .glyph = info->glyph,
          .byte = (guint)(run->item->offset + gs->log_clusters[i]),
          .x = x + (double)(advance + info->geometry.x_offset) / PANGO_SCALE,
          .y = baseline + (double)info->geometry.y_offset / PANGO_SCALE,
      };
    }
    advance += info->geometry.width;
  }
  g_array_set_size(out->glyphs, r.first + n);
  r.n = n;
  if (missing) {
    MissingRun m = {g_object_ref(font), pango_glyph_string_copy(run->glyphs), x, baseline};
    for (int i = 0; i < m.glyphs->num_glyphs; i++)
      if (!(m.glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG))
        m.glyphs->glyphs[i].glyph = PANGO_GLYPH_EMPTY;
    g_array_append_val(out->missing, m);
  }
  g_ptr_array_add(out->refs, g_object_ref(font));
  g_array_append_val(out->runs, r);
}

void text_glyphs_shape(TextCtx *ctx, const char *font, const char *text, TextGlyphs *out)
{
  g_array_set_size(out->runs, 0);
  g_array_set_size(out->glyphs, 0);
  g_ptr_array_set_size(out->refs, 0);
  g_array_set_size(out->missing, 0);
  if (text == NULL || text[0] == '\0')
    return;
  text_foreach_run(ctx, font, text, add_run, out);
}

gboolean text_glyphs_toned(const TextGlyphs *g, const TextGlyphRun *run, const TextGlyph *glyph,
                           gsize tone_from)
{
  (void)g;
  if (tone_from == 0 || run->rtl)
    return FALSE;
  if (tone_from <= run->start)
    return TRUE;
  if (tone_from >= run->end)
    return FALSE;
  /* pango_glyph_item_split cuts between clusters: a glyph is in the tail from its
   * cluster's start on. */
  return glyph->byte >= tone_from;
}

TextGlyphFont *text_glyph_font_ref(TextGlyphFont *font)
{
  g_object_ref(AS_PANGO(font));
  return font;
}

void text_glyph_font_unref(TextGlyphFont *font)
{
  if (font)
    g_object_unref(AS_PANGO(font));
}

TextGlyphFace *text_glyph_font_face(TextGlyphFont *font)
{
  return (TextGlyphFace *)hb_font_get_face(pango_font_get_hb_font(AS_PANGO(font)));
}

/* Fills @out from @desc; the size is left to the caller. */
static void info_of(const PangoFontDescription *desc, TextFontInfo *out)
{
  const char *family = pango_font_description_get_family(desc);
  PangoStyle style = pango_font_description_get_style(desc);
  *out = (TextFontInfo){
      .family = g_strdup(family ? family : ""),
      .weight = CLAMP((int)pango_font_description_get_weight(desc), 1, 1000),
      .style = style == PANGO_STYLE_ITALIC    ? TEXT_STYLE_ITALIC
               : style == PANGO_STYLE_OBLIQUE ? TEXT_STYLE_OBLIQUE
                                              : TEXT_STYLE_NORMAL,
  };
}

void text_glyph_font_info(TextGlyphFont *font, TextFontInfo *out)
{
  PangoFontDescription *desc = pango_font_describe(AS_PANGO(font));
  info_of(desc, out);
  pango_font_description_free(desc);
  /* The description gives the device size when a cairo matrix scaled the context; the
   * hb_font keeps the size in user space (see text_glyph_outline). */
  int x_scale, y_scale;
  hb_font_get_scale(pango_font_get_hb_font(AS_PANGO(font)), &x_scale, &y_scale);
  out->size = (double)y_scale / PANGO_SCALE;
}

void text_font_describe(const char *font, TextFontInfo *out)
{
  PangoFontDescription *desc = pango_font_description_from_string(font ? font : "");
  info_of(desc, out);
  /* At 72 dpi (text.h) a size of N points is N px. */
  double size = (double)pango_font_description_get_size(desc) / PANGO_SCALE;
  out->size = size > 0 ? size : 0;
  pango_font_description_free(desc);
}

/* --- Outlines --- */

typedef struct {
  const TextPathFuncs *funcs;
  gpointer closure;
  double kx, ky; /* px per font unit; ky negative: fonts are y up */
} Drawing;

static void draw_move_to(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st, float x, float y,
                         void *user)
{
  (void)df, (void)st, (void)user;
  Drawing *d = data;
  d->funcs->move_to(d->closure, x * d->kx, y * d->ky);
}

static void draw_line_to(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st, float x, float y,
                         void *user)
{
  (void)df, (void)st, (void)user;
  Drawing *d = data;
  d->funcs->line_to(d->closure, x * d->kx, y * d->ky);
}

static void draw_quad_to(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st, float cx, float cy,
                         float x, float y, void *user)
{
  (void)df, (void)st, (void)user;
  Drawing *d = data;
  d->funcs->quad_to(d->closure, cx * d->kx, cy * d->ky, x * d->kx, y * d->ky);
}

static void draw_cubic_to(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st, float c1x,
                          float c1y, float c2x, float c2y, float x, float y, void *user)
{
  (void)df, (void)st, (void)user;
  Drawing *d = data;
  d->funcs->cubic_to(d->closure, c1x * d->kx, c1y * d->ky, c2x * d->kx, c2y * d->ky, x * d->kx,
                     y * d->ky);
}

static void draw_close(hb_draw_funcs_t *df, void *data, hb_draw_state_t *st, void *user)
{
  (void)df, (void)st, (void)user;
  Drawing *d = data;
  d->funcs->close(d->closure);
}

static hb_draw_funcs_t *draw_funcs(void)
{
  static gsize once = 0;
  static hb_draw_funcs_t *funcs;
  if (g_once_init_enter(&once)) {
    funcs = hb_draw_funcs_create();
    hb_draw_funcs_set_move_to_func(funcs, draw_move_to, NULL, NULL);
    hb_draw_funcs_set_line_to_func(funcs, draw_line_to, NULL, NULL);
    hb_draw_funcs_set_quadratic_to_func(funcs, draw_quad_to, NULL, NULL);
    hb_draw_funcs_set_cubic_to_func(funcs, draw_cubic_to, NULL, NULL);
    hb_draw_funcs_set_close_path_func(funcs, draw_close, NULL, NULL);
    hb_draw_funcs_make_immutable(funcs);
    g_once_init_leave(&once, 1);
  }
  return funcs;
}

void text_glyph_outline(TextGlyphFont *font, guint glyph, const TextPathFuncs *funcs,
                        gpointer closure)
{
  /* Pango scales its hb_font to the font's size in user space, in Pango units (also when
   * a cairo matrix made it load a font for a larger device size), so the outline's units
   * are 1/PANGO_SCALE px. */
  Drawing d = {
      .funcs = funcs,
      .closure = closure,
      .kx = 1.0 / PANGO_SCALE,
      .ky = -1.0 / PANGO_SCALE,
  };
  hb_font_t *hb = pango_font_get_hb_font(AS_PANGO(font));
#if HB_VERSION_ATLEAST(7, 0, 0)
  hb_font_draw_glyph(hb, glyph, draw_funcs(), &d);
#else
  hb_font_get_glyph_shape(hb, glyph, draw_funcs(), &d); /* its name before HarfBuzz 7 */
#endif
}

gboolean text_glyphs_missing_outline(const TextGlyphs *g, const TextPathFuncs *funcs,
                                     gpointer closure)
{
  if (g->missing->len == 0)
    return FALSE;
  /* Pango draws these boxes itself (a frame and hex digits in a small font): its path of
   * them, as Cairo holds it, is the outline. */
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create(surface);
  for (guint i = 0; i < g->missing->len; i++) {
    const MissingRun *m = &g_array_index(g->missing, MissingRun, i);
    cairo_move_to(cr, m->x, m->baseline);
    pango_cairo_glyph_string_path(cr, m->font, m->glyphs);
  }
  cairo_path_t *path = cairo_copy_path(cr);
  for (int i = 0; path->status == CAIRO_STATUS_SUCCESS && i < path->num_data;
       i += path->data[i].header.length) {
    const cairo_path_data_t *d = &path->data[i];
    switch (d->header.type) {
    case CAIRO_PATH_MOVE_TO:
      funcs->move_to(closure, d[1].point.x, d[1].point.y);
      break;
    case CAIRO_PATH_LINE_TO:
      funcs->line_to(closure, d[1].point.x, d[1].point.y);
      break;
    case CAIRO_PATH_CURVE_TO:
      funcs->cubic_to(closure, d[1].point.x, d[1].point.y, d[2].point.x, d[2].point.y, d[3].point.x,
                      d[3].point.y);
      break;
    case CAIRO_PATH_CLOSE_PATH:
      funcs->close(closure);
      break;
    }
  }
  cairo_path_destroy(path);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return TRUE;
}

/* --- Subsets --- */

GBytes *text_face_subset(TextGlyphFace *face, const guint *glyphs, guint n_glyphs,
                         const gunichar *chars, guint n_chars)
{
  hb_subset_input_t *input = hb_subset_input_create_or_fail();
  if (input == NULL)
    return NULL;
  hb_set_t *gids = hb_subset_input_glyph_set(input);
  for (guint i = 0; i < n_glyphs; i++)
    hb_set_add(gids, glyphs[i]);
  hb_set_t *unicodes = hb_subset_input_unicode_set(input);
  for (guint i = 0; i < n_chars; i++)
    hb_set_add(unicodes, chars[i]);
  /* A browser does not hint text at the sizes Cairo draws unhinted, and instructions are
   * much of a TrueType file. */
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  hb_face_t *subset = hb_subset_or_fail(AS_FACE(face), input);
  hb_subset_input_destroy(input);
  if (subset == NULL)
    return NULL;
  hb_blob_t *blob = hb_face_reference_blob(subset);
  unsigned int len = 0;
  const char *data = hb_blob_get_data(blob, &len);
  GBytes *bytes = len > 0 ? g_bytes_new(data, len) : NULL;
  hb_blob_destroy(blob);
  hb_face_destroy(subset);
  return bytes;
}
