/* Unit tests for text: what text_measure, text_fit and text_draw give is what a
 * PangoLayout in single-paragraph mode gives for the same text (text.c shapes labels run
 * by run without one), to the Pango unit, the pixel and the SVG byte: mixed scripts,
 * right-to-left runs, fallback fonts, combining marks, words shaped once for all the
 * labels they are in, glyphs no font has, and the texts
 * that still go through a layout; and which characters no installed font draws. */
#include "text.h"

#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <string.h>

/* The math font has a BASE table: runs that fall back to another font sit off its
 * baseline and are aligned to it. */
static const char *const fonts[] = {"DejaVu Sans 11", "DejaVu Serif Bold 13",
                                    "DejaVu Sans Mono 9", "DejaVu Sans Condensed Oblique 20",
                                    "DejaVu Math TeX Gyre 12"};

static const char *const texts[] = {
    "Senior Engineer · ACME Labs",
    /* U+0138, which the math font lacks: that label is Pango's, the font's other Latin
     * labels, before and after it, still one copied item (text_latin_item). */
    "Kalâtdlit Nunât · ĸ",
    "Zoë Ångström — Ünïcødé",
    "مهندس برمجيات · جامعة الملك عبدالله",
    "abc שלום 123 def",
    "Ελληνικά · Кириллица · Հայերեն",
    "Ва́ся Пу́пкин (e\xcc\x81 a\xcc\x88) Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚ȯ̆",
    "研究員 · 東京大学 🚀 👩‍🔬",
    "東京 abc مهندس ∑", /* an ideographic first run: other fonts' runs are aligned to it */
    "…",
    /* Shaped word by word from a cache (text.c): kerning and ligatures within words,
     * runs of spaces, a mark just after a space (then the whole run is shaped). */
    "AVATAR Ta To. Yo fi ffl  WAVE  LT\xc2\xa0Ty",
    /* Then a few new words among known ones, one of them twice: each new one shaped
     * alone with its neighbours, its second time found as its first kept it. */
    "AVATAR Qz To. Yo. Qz fi ffl  WAVE",
    ("word \xcc\x81" "after a space"), /* (split: \x81a would be one escape) */
    " leading and trailing ",
    "",          /* through a layout: empty */
    "tab\there", /* through a layout: a control character */
    "line\xe2\x80\xa8separator",
    "x\tbetween words to shorten", /* a shortened candidate that needs a layout */
};

/* A context set up as text.c sets up its own. */
static PangoContext *reference_context(void)
{
  PangoFontMap *map = pango_cairo_font_map_new();
  PangoContext *context = pango_font_map_create_context(map);
  g_object_unref(map);
  pango_cairo_context_set_resolution(context, 72.0);
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context, FALSE);
  pango_context_set_language(context, pango_language_from_string("en"));
  return context;
}

static PangoLayout *reference_layout(PangoContext *context, const char *font, const char *text)
{
  PangoLayout *layout = pango_layout_new(context);
  pango_layout_set_single_paragraph_mode(layout, TRUE);
  PangoFontDescription *desc = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  pango_layout_set_text(layout, text, -1);
  return layout;
}

static void test_measure_like_layout(void)
{
  TextCtx *ctx = text_ctx_new();
  PangoContext *context = reference_context();
  for (guint f = 0; f < G_N_ELEMENTS(fonts); f++) {
    for (guint t = 0; t < G_N_ELEMENTS(texts); t++) {
      if (texts[t][0] == '\0')
        continue; /* text.c sanitizes an empty line's height; nothing to compare */
      PangoLayout *layout = reference_layout(context, fonts[f], texts[t]);
      PangoRectangle logical;
      pango_layout_get_extents(layout, NULL, &logical);
      TextExtents e;
      text_measure(ctx, fonts[f], texts[t], &e);
      g_test_message("%s / %s", fonts[f], texts[t]);
      g_assert_cmpfloat(e.width, ==, (double)logical.width / PANGO_SCALE);
      g_assert_cmpfloat(e.height, ==, (double)logical.height / PANGO_SCALE);
      g_assert_cmpfloat(e.baseline, ==, (double)pango_layout_get_baseline(layout) / PANGO_SCALE);
      g_object_unref(layout);
    }
  }
  g_object_unref(context);
  text_ctx_free(ctx);
}

/* The cache holds what was measured until text_ctx_reset (main: every run) or a new
 * language; measuring again after either gives the same extents. */
static void test_cache_reset(void)
{
  TextCtx *ctx = text_ctx_new();
  TextExtents a, b;
  text_measure(ctx, "DejaVu Sans 11", "Engineer", &a);
  text_measure(ctx, "DejaVu Sans 12", "Engineer", &b);
  g_assert_cmpuint(text_ctx_cached(ctx), ==, 2);
  text_ctx_reset(ctx);
  g_assert_cmpuint(text_ctx_cached(ctx), ==, 0);
  text_measure(ctx, "DejaVu Sans 11", "Engineer", &b);
  g_assert_cmpfloat(a.width, ==, b.width);
  g_assert_cmpuint(text_ctx_cached(ctx), ==, 1);
  text_ctx_set_language(ctx, "en"); /* the language it has: nothing to forget */
  g_assert_cmpuint(text_ctx_cached(ctx), ==, 1);
  text_ctx_set_language(ctx, "ja");
  g_assert_cmpuint(text_ctx_cached(ctx), ==, 0);
  /* The shared layout forgot its font with the table: drawing sets it again. */
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 100, 20);
  cairo_t *cr = cairo_create(surface);
  text_draw(ctx, cr, "DejaVu Sans 11", "Engineer", 0, 0, (StyleColor){0, 0, 0, 1});
  text_ctx_reset(ctx);
  text_draw(ctx, cr, "DejaVu Sans 11", "Engineer", 0, 0, (StyleColor){0, 0, 0, 1});
  g_assert_cmpint(cairo_status(cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  text_ctx_free(ctx);
}

/* text_fit's answer against a search over every prefix measured by layouts. */
static void test_fit_like_layout(void)
{
  TextCtx *ctx = text_ctx_new();
  PangoContext *context = reference_context();
  const char *font = fonts[0];
  for (guint t = 0; t < G_N_ELEMENTS(texts); t++) {
    const char *text = texts[t];
    glong n = g_utf8_strlen(text, -1);
    for (double max = 10; max < 200; max += 23.5) {
      char *want = NULL;
      PangoLayout *whole = reference_layout(context, font, text);
      int w = 0;
      pango_layout_get_size(whole, &w, NULL);
      g_object_unref(whole);
      if ((double)w / PANGO_SCALE <= max) {
        want = g_strdup(text);
      } else {
        for (glong k = n - 1; k >= 1 && want == NULL; k--) {
          const char *end = g_utf8_offset_to_pointer(text, k);
          while (end > text && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
          char *candidate = g_strdup_printf("%.*s…", (int)(end - text), text);
          PangoLayout *l = reference_layout(context, font, candidate);
          pango_layout_get_size(l, &w, NULL);
          g_object_unref(l);
          if ((double)w / PANGO_SCALE <= max)
            want = candidate;
          else
            g_free(candidate);
        }
      }
      char *got = text_fit(ctx, font, text, max);
      g_test_message("'%s' in %g: want '%s', got '%s'", text, max, want ? want : "(none)",
                     got ? got : "(none)");
      g_assert_cmpstr(got, ==, want);
      g_free(got);
      g_free(want);
    }
  }
  g_object_unref(context);
  text_ctx_free(ctx);
}

static cairo_status_t append(void *closure, const unsigned char *data, unsigned int len)
{
  g_byte_array_append(closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

typedef enum { SURFACE_IMAGE, SURFACE_SVG } SurfaceKind;

/* Draws every text in every font at fractional positions, with text_draw or through
 * layouts, at @scale; returns the pixels or the SVG. */
static GBytes *draw_all(SurfaceKind kind, double scale, gboolean with_text_c)
{
  GByteArray *svg = g_byte_array_new();
  cairo_surface_t *surface =
      kind == SURFACE_IMAGE
          ? cairo_image_surface_create(
                CAIRO_FORMAT_ARGB32, (int)(700 * scale),
                (int)(2 * 30 * G_N_ELEMENTS(texts) * G_N_ELEMENTS(fonts) * scale))
          : cairo_svg_surface_create_for_stream(append, svg, 700, 4000);
  cairo_t *cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  TextCtx *ctx = with_text_c ? text_ctx_new() : NULL;
  PangoContext *context = with_text_c ? NULL : reference_context();
  if (context && scale != 1) /* text.c too updates its context only when the matrix moved */
    pango_cairo_update_context(cr, context);
  StyleColor ink = {0.1, 0.2, 0.3, 1};
  double y = 3.3;
  /* Shortened texts too: text_fit measures its candidates without keeping them, and
   * the one it returns is then drawn. */
  TextCtx *fitter = ctx ? ctx : text_ctx_new();
  GPtrArray *all = g_ptr_array_new_with_free_func(g_free);
  for (guint t = 0; t < G_N_ELEMENTS(texts); t++)
    g_ptr_array_add(all, g_strdup(texts[t]));
  for (guint t = 0; t < G_N_ELEMENTS(texts); t++) {
    char *fit = text_fit(fitter, fonts[0], texts[t], 60);
    if (fit)
      g_ptr_array_add(all, fit);
  }
  if (fitter != ctx)
    text_ctx_free(fitter);
  for (guint f = 0; f < G_N_ELEMENTS(fonts); f++) {
    for (guint t = 0; t < all->len; t++, y += 29.71) {
      const char *text = g_ptr_array_index(all, t);
      double x = 5.17 + 0.37 * t;
      if (ctx) {
        TextExtents e;
        if (t % 2 == 0 && t < G_N_ELEMENTS(texts)) /* measured first, and drawn unmeasured */
          text_measure(ctx, fonts[f], text, &e);
        text_draw(ctx, cr, fonts[f], text, x, y, ink);
      } else {
        PangoLayout *layout = reference_layout(context, fonts[f], text);
        cairo_set_source_rgba(cr, ink.r, ink.g, ink.b, ink.a);
        cairo_move_to(cr, x, y);
        pango_cairo_show_layout(cr, layout);
        g_object_unref(layout);
      }
    }
  }
  g_ptr_array_unref(all);
  cairo_destroy(cr);
  GBytes *out;
  if (kind == SURFACE_IMAGE) {
    cairo_surface_flush(surface);
    gsize size = (gsize)cairo_image_surface_get_stride(surface) *
                 (gsize)cairo_image_surface_get_height(surface);
    out = g_bytes_new(cairo_image_surface_get_data(surface), size);
    cairo_surface_destroy(surface);
    g_byte_array_unref(svg);
  } else {
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    /* Cairo numbers surfaces per process: "surface1" here is "surface6" there. */
    g_byte_array_append(svg, (const guint8 *)"", 1);
    GRegex *id = g_regex_new("id=\"surface[0-9]+\"", 0, 0, NULL);
    char *same = g_regex_replace_literal(id, (const char *)svg->data, -1, 0, "id=\"surface\"", 0,
                                         NULL);
    g_regex_unref(id);
    g_byte_array_unref(svg);
    out = g_bytes_new_take(same, strlen(same));
  }
  text_ctx_free(ctx);
  if (context)
    g_object_unref(context);
  return out;
}

static void check_draw(SurfaceKind kind, double scale)
{
  GBytes *want = draw_all(kind, scale, FALSE);
  GBytes *got = draw_all(kind, scale, TRUE);
  g_assert_true(g_bytes_equal(got, want));
  g_bytes_unref(want);
  g_bytes_unref(got);
}

static void test_draw_image(void)
{
  check_draw(SURFACE_IMAGE, 1);
}

static void test_draw_image_scaled(void)
{
  check_draw(SURFACE_IMAGE, 1.5);
}

static void test_draw_svg(void)
{
  check_draw(SURFACE_SVG, 1);
}

/* text.c's coverage functions: which characters no installed font can
 * draw, and what to install for them. Run with the test suite's pinned fonts (DejaVu
 * only), which have Latin but neither Hangul nor emoji. */
static const char *const coverage_font = "DejaVu Sans 11";

static void test_covered(void)
{
  TextCtx *ctx = text_ctx_new();
  GArray *out = g_array_new(FALSE, FALSE, sizeof(TextMissing));
  g_assert_cmpuint(text_missing_glyphs(ctx, coverage_font, "Senior Engineer · Zürich", out), ==, 0);
  g_assert_cmpuint(text_missing_glyphs(ctx, coverage_font, "", out), ==, 0);
  g_assert_cmpuint(out->len, ==, 0);
  g_array_unref(out);
  text_ctx_free(ctx);
}

static void test_missing(void)
{
  TextCtx *ctx = text_ctx_new();
  GArray *out = g_array_new(FALSE, FALSE, sizeof(TextMissing));
  /* Found both before and after the text was measured (the kept shaping is reused). */
  const char *text = "Lead 🚀 at 네이버";
  for (int pass = 0; pass < 2; pass++) {
    g_array_set_size(out, 0);
    g_assert_cmpuint(text_missing_glyphs(ctx, coverage_font, text, out), ==, 4);
    const TextMissing *m = &g_array_index(out, TextMissing, 0);
    g_assert_cmpuint(m[0].ch, ==, 0x1F680);
    g_assert_cmpuint(m[0].offset, ==, strlen("Lead "));
    g_assert_cmpuint(m[1].ch, ==, g_utf8_get_char("네"));
    g_assert_cmpuint(m[1].offset, ==, strlen("Lead 🚀 at "));
    g_assert_cmpuint(m[3].ch, ==, g_utf8_get_char("버"));
    TextExtents e;
    text_measure(ctx, coverage_font, text, &e);
  }
  /* Appends: what was there stays. */
  g_assert_cmpuint(text_missing_glyphs(ctx, coverage_font, "한", out), ==, 1);
  g_assert_cmpuint(out->len, ==, 5);
  g_array_unref(out);
  text_ctx_free(ctx);
}

static void test_scripts(void)
{
  static const struct {
    const char *ch, *name, *package;
  } cases[] = {
      {"한", "Hangul", "fonts-wqy-microhei"},
      {"東", "Han", "fonts-wqy-microhei"},
      {"か", "Hiragana", "fonts-wqy-microhei"},
      {"🚀", "emoji", "fonts-noto-color-emoji"},
      {"☕", "emoji", "fonts-noto-color-emoji"},
      {"🇫", "emoji", "fonts-noto-color-emoji"},
      {"ก", "Thai", "fonts-noto-core"},
      {"ع", "Arabic", "fonts-noto-core"},
      {"ⴰ", "other script", "fonts-noto-core"}, /* Tifinagh: no entry, still a package to try */
      {"⌘", "symbol", "fonts-noto-core"},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    gunichar ch = g_utf8_get_char(cases[i].ch);
    g_assert_cmpstr(text_script_name(ch), ==, cases[i].name);
    g_assert_cmpstr(text_script_package(ch), ==, cases[i].package);
  }
}

/* Whether drawing @text at the top left of a small surface inks any pixel. */
static gboolean draws_ink(TextCtx *ctx, const char *text)
{
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 20);
  cairo_t *cr = cairo_create(surface);
  text_draw(ctx, cr, fonts[0], text, 0, 0, (StyleColor){0, 0, 0, 1});
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  const unsigned char *px = cairo_image_surface_get_data(surface);
  gboolean ink = FALSE;
  for (int i = 0; i < cairo_image_surface_get_stride(surface) * 20 && !ink; i++)
    ink = px[i] != 0;
  cairo_surface_destroy(surface);
  return ink;
}

/* A text too long for Pango's int widths (the progression label of a job of 100,000
 * roles, over 2^31 Pango units): measured wider than any page, never 0 after a wrap;
 * fitted by a prefix with the ellipsis; drawn as nothing rather than over itself. */
static void test_too_long(void)
{
  TextCtx *ctx = text_ctx_new();
  GString *long_text = g_string_new(NULL);
  for (guint i = 0; long_text->len < 1200000; i++)
    g_string_append_printf(long_text, "Role %u \xe2\x80\xba ", i);
  TextExtents e;
  text_measure(ctx, fonts[0], long_text->str, &e);
  g_assert_cmpfloat(e.width, >, 20000); /* style pages are at most 20,000 px wide */
  g_assert_cmpfloat(e.height, >, 0);
  char *fit = text_fit(ctx, fonts[0], long_text->str, 300);
  g_assert_nonnull(fit);
  g_assert_true(g_str_has_prefix(fit, "Role 0 \xe2\x80\xba Role 1"));
  g_assert_true(g_str_has_suffix(fit, "\xe2\x80\xa6"));
  text_measure(ctx, fonts[0], fit, &e);
  g_assert_cmpfloat(e.width, <=, 300);
  g_assert_cmpfloat(e.width, >, 250);
  /* Its shortened form draws where the whole one draws nothing (the first proves the
   * second could have inked that spot). */
  g_assert_true(draws_ink(ctx, fit));
  g_assert_false(draws_ink(ctx, long_text->str));
  g_free(fit);
  g_string_free(long_text, TRUE);
  text_ctx_free(ctx);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/text/measure-like-layout", test_measure_like_layout);
  g_test_add_func("/text/fit-like-layout", test_fit_like_layout);
  g_test_add_func("/text/cache-reset", test_cache_reset);
  g_test_add_func("/text/draw-image", test_draw_image);
  g_test_add_func("/text/draw-image-scaled", test_draw_image_scaled);
  g_test_add_func("/text/draw-svg", test_draw_svg);
  g_test_add_func("/text/coverage/covered", test_covered);
  g_test_add_func("/text/coverage/missing", test_missing);
  g_test_add_func("/text/coverage/scripts", test_scripts);
  g_test_add_func("/text/too-long", test_too_long);
  return g_test_run();
}
