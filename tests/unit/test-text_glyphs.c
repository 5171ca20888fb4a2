/* Unit tests for text_glyphs: the glyphs and positions are the ones text_draw paints (the
 * outlines filled at them match text_draw's pixels), two-tone splits like
 * text_draw_toned, font facts for CSS, and subsets that keep the glyphs, characters and
 * names asked for. */
#include "text_glyphs.h"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <hb-ot.h>
#include <hb.h>
#include <math.h>
#include <string.h>

#define FONT "DejaVu Sans 12"
#define BOLD "DejaVu Sans Bold 11"

static const StyleColor BLACK = {0, 0, 0, 1};

static void test_positions(void)
{
  TextCtx *ctx = text_ctx_new();
  TextGlyphs *g = text_glyphs_new();
  const char *text = "AVA Wave, office";
  text_glyphs_shape(ctx, FONT, text, g);
  g_assert_cmpuint(g->runs->len, >=, 1);
  const TextGlyphRun *run = &g_array_index(g->runs, TextGlyphRun, 0);
  g_assert_cmpuint(run->start, ==, 0);
  g_assert_false(run->rtl);
  /* "ffi" may be a ligature: at most one glyph per character, at least one per word. */
  g_assert_cmpuint(g->glyphs->len, <=, strlen(text));
  g_assert_cmpuint(g->glyphs->len, >=, strlen(text) - 2);
  TextExtents ext;
  text_measure(ctx, FONT, text, &ext);
  double prev = -1;
  for (guint i = 0; i < g->glyphs->len; i++) {
    const TextGlyph *gl = &g_array_index(g->glyphs, TextGlyph, i);
    g_assert_cmpfloat(gl->x, >, prev);
    g_assert_cmpfloat(gl->x, <, ext.width);
    g_assert_cmpfloat(fabs(gl->y - ext.baseline), <, 1e-9);
    prev = gl->x;
  }
  /* Kerning: "AV" sits closer than "A" then a space would suggest. */
  const TextGlyph *a = &g_array_index(g->glyphs, TextGlyph, 0);
  const TextGlyph *v = &g_array_index(g->glyphs, TextGlyph, 1);
  TextExtents a_alone;
  text_measure(ctx, FONT, "A", &a_alone);
  g_assert_cmpfloat(v->x - a->x, <, a_alone.width);
  text_glyphs_shape(ctx, FONT, "", g);
  g_assert_cmpuint(g->runs->len, ==, 0);
  g_assert_cmpuint(g->glyphs->len, ==, 0);
  text_glyphs_free(g);
  text_ctx_free(ctx);
}

/* --- Outlines, filled, against text_draw --- */

static void path_move(gpointer c, double x, double y)
{
  cairo_move_to(c, x, y);
}

static void path_line(gpointer c, double x, double y)
{
  cairo_line_to(c, x, y);
}

static void path_quad(gpointer c, double cx, double cy, double x, double y)
{
  double x0, y0;
  cairo_get_current_point(c, &x0, &y0);
  cairo_curve_to(c, x0 + 2.0 / 3 * (cx - x0), y0 + 2.0 / 3 * (cy - y0), x + 2.0 / 3 * (cx - x),
                 y + 2.0 / 3 * (cy - y), x, y);
}

static void path_cubic(gpointer c, double ax, double ay, double bx, double by, double x, double y)
{
  cairo_curve_to(c, ax, ay, bx, by, x, y);
}

static void path_close(gpointer c)
{
  cairo_close_path(c);
}

static const TextPathFuncs CAIRO_PATH = {path_move, path_line, path_quad, path_cubic, path_close};

static cairo_surface_t *blank(int w, int h)
{
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, w, h);
  return s;
}

/* The mean difference per pixel (0..255) and the largest one between two A8 images. */
static void difference(cairo_surface_t *a, cairo_surface_t *b, double *mean, int *worst)
{
  cairo_surface_flush(a);
  cairo_surface_flush(b);
  int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
  int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
  const guint8 *pa = cairo_image_surface_get_data(a), *pb = cairo_image_surface_get_data(b);
  double total = 0;
  *worst = 0;
  for (int y = 0; y < h; y++) {
    for (int x = 0; x < w; x++) {
      int d = abs(pa[y * sa + x] - pb[y * sb + x]);
      total += d;
      *worst = MAX(*worst, d);
    }
  }
  *mean = total / (w * h);
}

/* The Cairo font of @run (the opaque TextGlyphFont is the PangoFont: a test may know). */
static cairo_scaled_font_t *cairo_font_of(const TextGlyphRun *run)
{
  return pango_cairo_font_get_scaled_font((PangoCairoFont *)run->font);
}

/* @g's glyphs of @run as Cairo glyphs at (@x, @y) plus their positions. */
static cairo_glyph_t *cairo_glyphs_of(const TextGlyphs *g, const TextGlyphRun *run, double x,
                                      double y)
{
  cairo_glyph_t *out = g_new(cairo_glyph_t, MAX(run->n, 1));
  for (guint i = 0; i < run->n; i++) {
    const TextGlyph *gl = &g_array_index(g->glyphs, TextGlyph, run->first + i);
    out[i] = (cairo_glyph_t){gl->glyph, x + gl->x, y + gl->y};
  }
  return out;
}

typedef enum { DRAW_TEXT, SHOW_GLYPHS, CAIRO_OUTLINES, HB_OUTLINES } Drawing;

/* Draws @text at (@x, @y) on a new A8 image @scale times larger, one of four ways:
 * text_draw; Cairo showing text_glyphs' glyphs at their positions; filling Cairo's
 * outlines of them; filling text_glyph_outline's. */
static cairo_surface_t *draw(TextCtx *ctx, const char *font, const char *text, double x, double y,
                             double scale, Drawing how)
{
  TextExtents ext;
  text_measure(ctx, font, text, &ext);
  int w = (int)ceil((x + ext.width + 4) * scale), h = (int)ceil((y + ext.height + 4) * scale);
  cairo_surface_t *s = blank(w, h);
  cairo_t *cr = cairo_create(s);
  cairo_scale(cr, scale, scale);
  if (how == DRAW_TEXT) {
    text_draw(ctx, cr, font, text, x, y, BLACK);
    cairo_destroy(cr);
    return s;
  }
  TextGlyphs *g = text_glyphs_new();
  text_glyphs_shape(ctx, font, text, g);
  for (guint r = 0; r < g->runs->len; r++) {
    const TextGlyphRun *run = &g_array_index(g->runs, TextGlyphRun, r);
    cairo_glyph_t *glyphs = cairo_glyphs_of(g, run, x, y);
    if (how == SHOW_GLYPHS) {
      cairo_set_scaled_font(cr, cairo_font_of(run));
      cairo_show_glyphs(cr, glyphs, (int)run->n);
    } else if (how == CAIRO_OUTLINES) {
      cairo_set_scaled_font(cr, cairo_font_of(run));
      cairo_glyph_path(cr, glyphs, (int)run->n);
    } else {
      for (guint i = 0; i < run->n; i++) {
        cairo_save(cr);
        cairo_translate(cr, glyphs[i].x, glyphs[i].y);
        text_glyph_outline(run->font, (guint)glyphs[i].index, &CAIRO_PATH, cr);
        cairo_restore(cr);
      }
    }
    g_free(glyphs);
  }
  if (how != SHOW_GLYPHS)
    cairo_fill(cr);
  cairo_destroy(cr);
  text_glyphs_free(g);
  return s;
}

static double ink_of(cairo_surface_t *s)
{
  cairo_surface_t *none =
      blank(cairo_image_surface_get_width(s), cairo_image_surface_get_height(s));
  double mean;
  int worst;
  difference(s, none, &mean, &worst);
  cairo_surface_destroy(none);
  return mean;
}

#define SAMPLE "Hamburg & Zürich, 2019–2024 (ffi) AVA"

/* text_draw paints exactly text_glyphs' glyphs at its positions (the same pixels: both
 * go through Cairo, which places glyphs alike), and text_glyph_outline's outlines are the
 * ones Cairo fills for those glyphs, within antialiasing. */
static void test_glyphs_are_what_draw_paints(void)
{
  static const char *const fonts[] = {FONT,
                                      BOLD,
                                      "DejaVu Sans Oblique 10",
                                      "DejaVu Serif 14",
                                      "DejaVu Sans Mono 9",
                                      "DejaVu Math TeX Gyre Italic 14",
                                      "DejaVu Sans Condensed Bold 11"};
  static const double scales[] = {1, 2.5, 4};
  TextCtx *ctx = text_ctx_new();
  for (gsize i = 0; i < G_N_ELEMENTS(fonts); i++) {
    for (gsize k = 0; k < G_N_ELEMENTS(scales); k++) {
      /* Off the pixel grid: x = 10.3, y = 5.6. */
      cairo_surface_t *drawn = draw(ctx, fonts[i], SAMPLE, 10.3, 5.6, scales[k], DRAW_TEXT);
      cairo_surface_t *shown = draw(ctx, fonts[i], SAMPLE, 10.3, 5.6, scales[k], SHOW_GLYPHS);
      cairo_surface_t *cairo_paths =
          draw(ctx, fonts[i], SAMPLE, 10.3, 5.6, scales[k], CAIRO_OUTLINES);
      cairo_surface_t *hb_paths = draw(ctx, fonts[i], SAMPLE, 10.3, 5.6, scales[k], HB_OUTLINES);
      double mean, ink = ink_of(drawn);
      int worst;
      g_assert_cmpfloat(ink, >, 5);
      difference(drawn, shown, &mean, &worst);
      difference(cairo_paths, hb_paths, &mean, &worst);
      g_test_message("%s at %gx: outlines differ by %.4f on average (ink %.2f), at most %d",
                     fonts[i], scales[k], mean, ink, worst);
      g_assert_cmpfloat(mean, <, 0.5);
      g_assert_cmpint(worst, <=, 32);
      cairo_surface_destroy(drawn);
      cairo_surface_destroy(shown);
      cairo_surface_destroy(cairo_paths);
      cairo_surface_destroy(hb_paths);
    }
  }
  text_ctx_free(ctx);
}

/* The tolerance catches a quarter of a pixel's shift. */
static void test_outline_comparison_can_fail(void)
{
  TextCtx *ctx = text_ctx_new();
  cairo_surface_t *cairo_paths = draw(ctx, FONT, SAMPLE, 10.3, 5.6, 1, CAIRO_OUTLINES);
  cairo_surface_t *hb_paths = draw(ctx, FONT, SAMPLE, 10.55, 5.6, 1, HB_OUTLINES);
  double mean;
  int worst;
  difference(cairo_paths, hb_paths, &mean, &worst);
  g_test_message("shifted by 0.25 px: %.3f on average, at most %d", mean, worst);
  g_assert_true(mean >= 0.5 || worst > 32);
  cairo_surface_destroy(cairo_paths);
  cairo_surface_destroy(hb_paths);
  text_ctx_free(ctx);
}

static void test_toned(void)
{
  TextCtx *ctx = text_ctx_new();
  TextGlyphs *g = text_glyphs_new();
  const char *text = "Engineer, Example";
  gsize from = strlen("Engineer, ");
  text_glyphs_shape(ctx, FONT, text, g);
  const TextGlyphRun *run = &g_array_index(g->runs, TextGlyphRun, 0);
  guint toned = 0;
  for (guint i = 0; i < g->glyphs->len; i++) {
    const TextGlyph *gl = &g_array_index(g->glyphs, TextGlyph, i);
    gboolean t = text_glyphs_toned(g, run, gl, from);
    g_assert_cmpint(t, ==, gl->byte >= from);
    toned += t;
    g_assert_false(text_glyphs_toned(g, run, gl, 0));
  }
  g_assert_cmpuint(toned, ==, strlen("Example"));
  text_glyphs_free(g);
  text_ctx_free(ctx);
}

static void test_font_info(void)
{
  TextCtx *ctx = text_ctx_new();
  TextGlyphs *g = text_glyphs_new();
  text_glyphs_shape(ctx, BOLD, "Bold", g);
  TextGlyphFont *bold = g_array_index(g->runs, TextGlyphRun, 0).font;
  TextFontInfo info;
  text_glyph_font_info(bold, &info);
  g_assert_cmpstr(info.family, ==, "DejaVu Sans");
  g_assert_cmpint(info.weight, ==, 700);
  g_assert_cmpint(info.style, ==, TEXT_STYLE_NORMAL);
  g_assert_cmpfloat(fabs(info.size - 11), <, 1e-9);
  g_free(info.family);
  TextGlyphFace *bold_face = text_glyph_font_face(bold);
  text_glyph_font_ref(bold);
  /* The same face at another size is the same face; another weight is not. */
  text_glyphs_shape(ctx, "DejaVu Sans Bold 20", "Bold", g);
  g_assert_true(text_glyph_font_face(g_array_index(g->runs, TextGlyphRun, 0).font) == bold_face);
  text_glyphs_shape(ctx, "DejaVu Sans Oblique 11", "Oblique", g);
  TextGlyphFont *oblique = g_array_index(g->runs, TextGlyphRun, 0).font;
  g_assert_true(text_glyph_font_face(oblique) != bold_face);
  text_glyph_font_info(oblique, &info);
  g_assert_cmpint(info.style, ==, TEXT_STYLE_OBLIQUE);
  g_assert_cmpint(info.weight, ==, 400);
  g_free(info.family);
  text_glyph_font_unref(bold);
  text_glyphs_free(g);
  text_ctx_free(ctx);
}

/* Characters no font has are boxes Pango draws itself: no glyph of any font. */
static void test_missing_characters(void)
{
  TextCtx *ctx = text_ctx_new();
  TextGlyphs *g = text_glyphs_new();
  text_glyphs_shape(ctx, FONT,
                    "A\xe2\x80\x8b"
                    "B",
                    g); /* a zero-width space between */
  guint visible = g->glyphs->len;
  g_assert_cmpuint(visible, >=, 2);
  text_glyphs_shape(ctx, FONT,
                    "A\xf0\x9f\x82\xa1"
                    "B",
                    g); /* a playing card */
  for (guint i = 0; i < g->glyphs->len; i++)
    g_assert_cmpuint(g_array_index(g->glyphs, TextGlyph, i).glyph, <, 0x10000000);
  text_glyphs_free(g);
  text_ctx_free(ctx);
}

static void test_subset(void)
{
  TextCtx *ctx = text_ctx_new();
  TextGlyphs *g = text_glyphs_new();
  const char *text = "Hello";
  text_glyphs_shape(ctx, FONT, text, g);
  TextGlyphFont *font = g_array_index(g->runs, TextGlyphRun, 0).font;
  GArray *ids = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint i = 0; i < g->glyphs->len; i++)
    g_array_append_val(ids, g_array_index(g->glyphs, TextGlyph, i).glyph);
  gunichar chars[] = {'H', 'e', 'l', 'o'};
  GBytes *bytes = text_face_subset(text_glyph_font_face(font), (guint *)ids->data, ids->len, chars,
                                   G_N_ELEMENTS(chars));
  g_assert_nonnull(bytes);
  gsize len;
  const char *data = g_bytes_get_data(bytes, &len);
  g_test_message("subset of \"Hello\": %zu bytes", len);
  g_assert_cmpuint(len, <, 20000);
  hb_blob_t *blob = hb_blob_create(data, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
  hb_face_t *face = hb_face_create(blob, 0);
  hb_font_t *hb = hb_font_create(face);
  hb_codepoint_t gid;
  g_assert_true(hb_font_get_nominal_glyph(hb, 'H', &gid));
  g_assert_true(hb_font_get_nominal_glyph(hb, 'o', &gid));
  g_assert_false(hb_font_get_nominal_glyph(hb, 'Z', &gid));
  g_assert_cmpuint(hb_face_get_glyph_count(face), <, 20);
  char family[64];
  unsigned int n = sizeof family;
  hb_ot_name_get_utf8(face, HB_OT_NAME_ID_FONT_FAMILY, HB_LANGUAGE_INVALID, &n, family);
  g_assert_cmpstr(family, ==, "DejaVu Sans");
  hb_font_destroy(hb);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  g_bytes_unref(bytes);
  g_array_unref(ids);
  text_glyphs_free(g);
  text_ctx_free(ctx);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/text_glyphs/positions", test_positions);
  g_test_add_func("/text_glyphs/what-draw-paints", test_glyphs_are_what_draw_paints);
  g_test_add_func("/text_glyphs/comparison-can-fail", test_outline_comparison_can_fail);
  g_test_add_func("/text_glyphs/toned", test_toned);
  g_test_add_func("/text_glyphs/font-info", test_font_info);
  g_test_add_func("/text_glyphs/missing-characters", test_missing_characters);
  g_test_add_func("/text_glyphs/subset", test_subset);
  return g_test_run();
}
