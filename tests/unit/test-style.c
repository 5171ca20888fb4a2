/* Unit tests of style.c (doc/styles.md): colour parsing, WCAG contrast, the
 * registry and set-masks, the cascade (extends, -s, --set), every validation message,
 * and legibility of the built-in styles computed from the styles themselves. */
#include "layout.h"
#include "style.h"

#include "embed.h"
#include "readctx.h"

#include <glib/gstdio.h>
#include <math.h>
#include <pango/pango.h>
#include <string.h>

/* ---------------------------------------------------------------- helpers */

/* All messages of @diags, one per line, as FILE:LINE:COLUMN: SEVERITY: TEXT. */
static char *diags_text(const DiagList *diags)
{
  GString *out = g_string_new(NULL);
  for (guint i = 0; i < diag_len(diags); i++) {
    const Diag *d = diag_get(diags, i);
    const char *sev = d->severity == DIAG_ERROR ? "error" : "warning";
    if (d->line > 0)
      g_string_append_printf(out, "%s:%d:%d: %s: %s\n", d->file, d->line, d->column, sev, d->text);
    else
      g_string_append_printf(out, "%s: %s: %s\n", d->file, sev, d->text);
  }
  return g_string_free(out, FALSE);
}

static gboolean color_eq(StyleColor a, StyleColor b)
{
  return fabs(a.r - b.r) < 1e-9 && fabs(a.g - b.g) < 1e-9 && fabs(a.b - b.b) < 1e-9 &&
         fabs(a.a - b.a) < 1e-9;
}

static StyleColor rgb(guint32 v)
{
  return (StyleColor){((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0, 1};
}

static const char *builtin(const char *name)
{
  return style_builtin_text(name);
}

/* A fresh temporary folder, removed by the caller with rm_tree. */
static char *temp_dir(void)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp("test-style-XXXXXX", &error);
  g_assert_no_error(error);
  return dir;
}

static void write_file(const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename(dir, name, NULL);
  GError *error = NULL;
  g_file_set_contents(path, text, -1, &error);
  g_assert_no_error(error);
}

static void rm_tree(const char *dir)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name(d))) {
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_remove(path);
  }
  if (d)
    g_dir_close(d);
  g_rmdir(dir);
}

/* ---------------------------------------------------------------- colours */

static void test_color_parse(void)
{
  static const struct {
    const char *text;
    gboolean ok;
    guint32 rgb;
    double a;
  } cases[] = {
      {"#fff", TRUE, 0xffffff, 1},
      {"#000", TRUE, 0x000000, 1},
      {"#1f2933", TRUE, 0x1f2933, 1},
      {"#1F2933", TRUE, 0x1f2933, 1},
      {"#abc", TRUE, 0xaabbcc, 1},
      {"#11223380", TRUE, 0x112233, 128 / 255.0},
      {"#abcd", TRUE, 0xaabbcc, 0xdd / 255.0},
      {"red", TRUE, 0xff0000, 1},
      {"RED", TRUE, 0xff0000, 1},
      {"RebeccaPurple", TRUE, 0x663399, 1},
      {"lightgoldenrodyellow", TRUE, 0xfafad2, 1},
      {"grey", TRUE, 0x808080, 1},
      {"darkslategrey", TRUE, 0x2f4f4f, 1},
      {"yellowgreen", TRUE, 0x9acd32, 1},
      {"aliceblue", TRUE, 0xf0f8ff, 1},
      {"transparent", TRUE, 0x000000, 0},
      {"Transparent", TRUE, 0x000000, 0},
      {"", FALSE, 0, 0},
      {"#", FALSE, 0, 0},
      {"#ff", FALSE, 0, 0},
      {"#fffff", FALSE, 0, 0},
      {"#fffffff", FALSE, 0, 0},
      {"#fffffffff", FALSE, 0, 0},
      {"#ggg", FALSE, 0, 0},
      {"ffffff", FALSE, 0, 0},
      {"redd", FALSE, 0, 0},
      {"none", FALSE, 0, 0}, /* only where a colour may be absent, handled by the loader */
      {" red", FALSE, 0, 0},
      {"rgb(1,2,3)", FALSE, 0, 0},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    StyleColor c = {9, 9, 9, 9};
    gboolean ok = style_color_parse(cases[i].text, &c);
    g_test_message("colour '%s'", cases[i].text);
    g_assert_cmpint(ok, ==, cases[i].ok);
    if (ok) {
      StyleColor want = rgb(cases[i].rgb);
      want.a = cases[i].a;
      g_assert_true(color_eq(c, want));
    }
  }
  g_assert_false(style_color_parse(NULL, &(StyleColor){0}));
}

static void test_contrast(void)
{
  StyleColor white = rgb(0xffffff), black = rgb(0x000000);
  g_assert_cmpfloat_with_epsilon(style_contrast_ratio(black, white, white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon(style_contrast_ratio(white, black, white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon(style_contrast_ratio(white, white, white), 1.0, 1e-9);
  /* The WCAG threshold grey: #767676 on white is 4.54:1. */
  g_assert_cmpfloat_with_epsilon(style_contrast_ratio(rgb(0x767676), white, white), 4.54, 0.01);
  /* A transparent bar shows the page: contrast is then against the page. */
  StyleColor clear = {0, 0, 0, 0};
  g_assert_cmpfloat_with_epsilon(style_contrast_ratio(black, clear, white), 21.0, 1e-9);
  /* Half-transparent black text on white composites to mid grey. */
  StyleColor half = {0, 0, 0, 0.5};
  double r = style_contrast_ratio(half, white, white);
  g_assert_cmpfloat(r, >, 3.0);
  g_assert_cmpfloat(r, <, 5.0);
}

/* ---------------------------------------------------------------- registry, layers */

static void test_default_sets_everything(void)
{
  const char *def = builtin("default");
  g_assert_nonnull(def);
  DiagList *diags = diag_list_new();
  StyleLayer *layer = style_layer_parse("default", def, strlen(def), diags);
  g_autofree char *msgs = diags_text(diags);
  g_assert_cmpstr(msgs, ==, "");
  g_assert_nonnull(layer);
  g_assert_cmpuint(style_property_count(), >, 40);
  for (guint i = 0; i < style_property_count(); i++) {
    g_test_message("default sets %s", style_property_key(i));
    g_assert_true(style_layer_is_set(layer, style_property_key(i)));
  }
  g_assert_null(style_layer_extends(layer));
  g_assert_null(style_property_key(style_property_count()));
  style_layer_free(layer);
  diag_list_free(diags);
}

static void test_builtins_clean(void)
{
  const char *const *names = style_builtin_names();
  g_assert_cmpuint(g_strv_length((char **)names), >=, 5);
  for (unsigned i = 0; names[i] != NULL; i++) {
    const char *name = names[i];
    DiagList *diags = diag_list_new();
    const char *styles[] = {name};
    Style *style = style_resolve(styles, 1, NULL, 0, diags);
    g_autofree char *msgs = diags_text(diags);
    g_test_message("built-in %s", name);
    g_assert_cmpstr(msgs, ==, "");
    g_assert_nonnull(style);
    g_assert_cmpuint(style->files->len, ==, 0);
    g_assert_cmpuint(style->palette->len, >=, 1);
    g_assert_cmpuint(style->patterns->len, >=, 1);
    /* Each is short and extends another, except the base. */
    if (strcmp(name, "default") != 0)
      g_assert_nonnull(strstr(builtin(name), "extends:"));
    /* Served from the one table of embedded files. */
    g_autofree char *file = g_strdup_printf("styles/%s.yaml", name);
    g_assert_true(builtin(name) == embed_get(file));
    g_autofree char *desc = style_builtin_description(name);
    g_assert_nonnull(desc);
    g_assert_cmpuint(strlen(desc), >, 10);
    style_free(style);
    diag_list_free(diags);
  }
  g_assert_null(style_builtin_description("nope"));
}

static void test_builtin_values(void)
{
  const char *slides[] = {"slides"};
  DiagList *diags = diag_list_new();
  Style *s = style_resolve(slides, 1, NULL, 0, diags);
  g_assert_nonnull(s);
  g_assert_cmpfloat(s->page.width, ==, 1920);
  g_assert_cmpfloat(s->page.height, ==, 1080);
  g_assert_true(s->group.total); /* read from afar, at a glance */
  g_assert_false(s->gaps.show);
  style_free(s);
  Style *d = style_resolve(NULL, 0, NULL, 0, diags);
  g_assert_false(d->group.total);
  g_assert_false(d->gaps.show);
  g_assert_cmpint(d->gaps.min.months, ==, 6); /* as --gap's default */
  g_assert_cmpint(d->gaps.min.days, ==, 0);
  g_assert_cmpfloat(d->page.height, ==, 0); /* auto */
  g_assert_true(d->bar.color_auto);
  g_assert_cmpuint(d->today.n_dash, ==, 2);
  g_assert_cmpint(d->axis.position, ==, STYLE_AXIS_BOTTOM);
  g_assert_cmpint(d->bar.label, ==, STYLE_BAR_LABEL_AUTO);
  g_assert_true(color_eq(d->page.background, rgb(0xffffff)));
  g_assert_cmpfloat(d->bar.border.a, ==, 0); /* none */
  style_free(d);
  const char *minimal[] = {"minimal"};
  Style *m = style_resolve(minimal, 1, NULL, 0, diags);
  g_assert_false(m->legend.show);
  g_assert_false(m->title.show);
  g_assert_cmpfloat(m->axis.grid.a, ==, 0);
  g_assert_cmpfloat(m->bar.height, <, 24);
  style_free(m);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  diag_list_free(diags);
}

/* ---------------------------------------------------------------- legibility */

static double font_size(const char *font)
{
  PangoFontDescription *desc = pango_font_description_from_string(font);
  double size = pango_font_description_get_size(desc) / (double)PANGO_SCALE;
  pango_font_description_free(desc);
  return size;
}

/* The label colour on a bar of @fill: bar.color, or the better of the two colours that
 * layout chooses between under `color: auto` (layout_ctx_init: a near-black ink and white;
 * not pure black, so a grey that passes with black may still fail with the ink). */
static double label_contrast(const Style *s, StyleColor fill)
{
  if (!s->bar.color_auto)
    return style_contrast_ratio(s->bar.color, fill, s->page.background);
  StyleColor ink = {0.07, 0.09, 0.15, 1};
  return MAX(style_contrast_ratio(ink, fill, s->page.background),
             style_contrast_ratio(rgb(0xffffff), fill, s->page.background));
}

static void check_text(const Style *s, const char *what, StyleColor fg)
{
  double r = style_contrast_ratio(fg, s->page.background, s->page.background);
  g_test_message("%s on the page: %.2f", what, r);
  g_assert_cmpfloat(r, >=, 4.5);
}

/* Built-in style @i resolved on its own; owned by the caller. */
static Style *builtin_style(unsigned i)
{
  const char *name = style_builtin_names()[i];
  g_test_message("style %s", name);
  DiagList *diags = diag_list_new();
  Style *s = style_resolve(&name, 1, NULL, 0, diags);
  g_assert_nonnull(s);
  diag_list_free(diags);
  return s;
}

/* Calls @check (with @data) on every colour a bar can take in @s: each group's, with
 * @classes each class's that sets one, each of the palette's. */
typedef void (*BarColorCheck)(const Style *s, const char *what, StyleColor c, gconstpointer data);

static void for_each_bar_color(const Style *s, gboolean classes, BarColorCheck check,
                               gconstpointer data)
{
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init(&iter, s->groups);
  while (g_hash_table_iter_next(&iter, &key, &value)) {
    StylePaint paint;
    style_group_paint(s, key, 0, &paint);
    check(s, key, paint.color, data);
  }
  g_hash_table_iter_init(&iter, s->classes);
  while (classes && g_hash_table_iter_next(&iter, &key, &value)) {
    const StylePaint *paint = value;
    if (paint->set & STYLE_PAINT_COLOR)
      check(s, key, paint->color, data);
  }
  for (guint j = 0; j < s->palette->len; j++)
    check(s, "palette", g_array_index(s->palette, StyleColor, j), data);
}

/* A bar's label (black or white, whichever reads better) reads at 4.5:1 on @fill. */
static void check_label(const Style *s, const char *what, StyleColor fill, gconstpointer data)
{
  (void)data;
  g_test_message("%s: %.2f", what, label_contrast(s, fill));
  g_assert_cmpfloat(label_contrast(s, fill), >=, 4.5);
}

static void test_legibility(void)
{
  for (unsigned i = 0; style_builtin_names()[i] != NULL; i++) {
    Style *s = builtin_style(i);
    for_each_bar_color(s, TRUE, check_label, NULL);
    check_text(s, "page.color", s->page.color);
    check_text(s, "page.muted", s->page.muted);
    /* A gap's length is drawn on its band, and labels beside bars reach into bands. */
    for (int t = 0; t < 2; t++) {
      StyleColor fg = t ? s->page.color : s->page.muted;
      double r = style_contrast_ratio(fg, s->gaps.color, s->page.background);
      g_test_message("%s on a gap's band: %.2f", t ? "page.color" : "page.muted", r);
      g_assert_cmpfloat(r, >=, 4.5);
    }
    check_text(s, "title.color", s->title.color);
    check_text(s, "subtitle.color", s->subtitle.color);
    check_text(s, "axis.color", s->axis.color);
    check_text(s, "group.color", s->group.color);
    check_text(s, "today.color", s->today.color);
    check_text(s, "milestone.label-color", s->milestone.label_color);

    const char *fonts[] = {s->page.font,  s->title.font,     s->subtitle.font,
                           s->axis.font,  s->today.font,     s->bar.font,
                           s->group.font, s->milestone.font, s->legend.font};
    /* Nothing under 9 px; on a slide, nothing under 9 px at a 1200 px-wide equivalent. */
    double floor = 9.0 * MAX(1.0, s->page.width / 1200.0);
    for (size_t f = 0; f < G_N_ELEMENTS(fonts); f++) {
      g_test_message("font %s", fonts[f]);
      g_assert_cmpfloat(font_size(fonts[f]), >=, floor);
    }
    /* The title stands out from the base text. */
    g_assert_cmpfloat(font_size(s->title.font), >, font_size(s->page.font));
    style_free(s);
  }
}

/* Every other role segment is tinted (layout_segment_tint) under the same label colour
 * as the bar: its label still reads at 4.5:1 or better, for every colour a bar can take. */
static void check_tint(const Style *s, const char *what, StyleColor fill, gconstpointer data)
{
  (void)data;
  StyleColor label = layout_label_color(s, fill);
  StyleColor tint = layout_segment_tint(fill, label);
  double plain = style_contrast_ratio(label, fill, s->page.background);
  double tinted = style_contrast_ratio(label, tint, s->page.background);
  g_test_message("%s: %.2f, tinted %.2f", what, plain, tinted);
  g_assert_cmpfloat(tinted, >=, 4.5);
  /* The tint moves away from the label: it never reads worse than the bar. */
  g_assert_cmpfloat(tinted, >=, plain);
}

static void test_segment_tints(void)
{
  for (unsigned i = 0; style_builtin_names()[i] != NULL; i++) {
    Style *s = builtin_style(i);
    for_each_bar_color(s, TRUE, check_tint, NULL);
    style_free(s);
  }
}

/* ---------------------------------------------------------------- emphasis */

/* CIE L*a*b* (D65) of an sRGB colour, alpha ignored. */
static void srgb_to_lab(StyleColor c, double lab[3])
{
  double rgb[3] = {c.r, c.g, c.b};
  for (int i = 0; i < 3; i++)
    rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow((rgb[i] + 0.055) / 1.055, 2.4);
  double xyz[3] = {
      (0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2]) / 0.95047,
      0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2],
      (0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2]) / 1.08883,
  };
  for (int i = 0; i < 3; i++)
    xyz[i] = xyz[i] > 216.0 / 24389 ? cbrt(xyz[i]) : (24389.0 / 27 * xyz[i] + 16) / 116;
  lab[0] = 116 * xyz[1] - 16;
  lab[1] = 500 * (xyz[0] - xyz[1]);
  lab[2] = 200 * (xyz[1] - xyz[2]);
}

static double deg(double rad)
{
  return rad * 180 / G_PI;
}

static double rad(double deg)
{
  return deg * G_PI / 180;
}

/* CIEDE2000 colour difference of two L*a*b* colours (Sharma, Wu and Dalal 2005). About
 * 1 is just noticeable; 20 and more reads as another colour at a glance. */
static double delta_e2000(const double lab1[3], const double lab2[3])
{
  double c1 = hypot(lab1[1], lab1[2]), c2 = hypot(lab2[1], lab2[2]);
  double c7 = pow((c1 + c2) / 2, 7);
  double g = 0.5 * (1 - sqrt(c7 / (c7 + pow(25, 7))));
  double a1 = (1 + g) * lab1[1], a2 = (1 + g) * lab2[1];
  double cp1 = hypot(a1, lab1[2]), cp2 = hypot(a2, lab2[2]);
  double h1 = cp1 == 0 ? 0 : fmod(deg(atan2(lab1[2], a1)) + 360, 360);
  double h2 = cp2 == 0 ? 0 : fmod(deg(atan2(lab2[2], a2)) + 360, 360);
  double dl = lab2[0] - lab1[0], dc = cp2 - cp1, dh = 0;
  if (cp1 * cp2 != 0) {
    dh = h2 - h1;
    if (dh > 180)
      dh -= 360;
    else if (dh < -180)
      dh += 360;
  }
  double dhh = 2 * sqrt(cp1 * cp2) * sin(rad(dh / 2));
  double lm = (lab1[0] + lab2[0]) / 2, cm = (cp1 + cp2) / 2, hm = h1 + h2;
  if (cp1 * cp2 != 0) {
    if (fabs(h1 - h2) <= 180)
      hm = (h1 + h2) / 2;
    else
      hm = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  }
  double t = 1 - 0.17 * cos(rad(hm - 30)) + 0.24 * cos(rad(2 * hm)) + 0.32 * cos(rad(3 * hm + 6)) -
             0.20 * cos(rad(4 * hm - 63));
  double dtheta = 30 * exp(-pow((hm - 275) / 25, 2));
  double cm7 = pow(cm, 7);
  double rc = 2 * sqrt(cm7 / (cm7 + pow(25, 7)));
  double sl = 1 + 0.015 * pow(lm - 50, 2) / sqrt(20 + pow(lm - 50, 2));
  double sc = 1 + 0.045 * cm, sh = 1 + 0.015 * cm * t;
  double rt = -sin(rad(2 * dtheta)) * rc;
  return sqrt(pow(dl / sl, 2) + pow(dc / sc, 2) + pow(dhh / sh, 2) + rt * (dc / sc) * (dhh / sh));
}

static double color_difference(StyleColor a, StyleColor b)
{
  double la[3], lb[3];
  srgb_to_lab(a, la);
  srgb_to_lab(b, lb);
  return delta_e2000(la, lb);
}

/* The reference pairs of Sharma, Wu and Dalal, including those that catch the usual
 * mistakes (hue wrap-around, the mean hue of colours on either side of 0°). */
static void test_delta_e2000(void)
{
  static const double pairs[][7] = {
      {50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425},
      {50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615},
      {50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669},
      {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792},
      {50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195},
      {50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045},
      {50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492},
      {50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030},
      {60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644},
      {63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.2630},
      {22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373},
      {90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381},
      {2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(pairs); i++) {
    g_assert_cmpfloat_with_epsilon(delta_e2000(pairs[i], pairs[i] + 3), pairs[i][6], 1e-4);
    g_assert_cmpfloat_with_epsilon(delta_e2000(pairs[i] + 3, pairs[i]), pairs[i][6], 1e-4);
  }
  g_assert_cmpfloat(color_difference(rgb(0xc0392b), rgb(0xc0392b)), ==, 0);
}

/* The colour a class gives, or none. */
static gboolean class_color(const Style *s, const char *name, StyleColor *out)
{
  const StylePaint *paint = style_class(s, name);
  if (!paint || !(paint->set & STYLE_PAINT_COLOR))
    return FALSE;
  *out = paint->color;
  return TRUE;
}

static void check_distinct(const char *what, StyleColor highlight, StyleColor other)
{
  double d = color_difference(highlight, other);
  g_test_message("highlight vs %s: dE2000 %.1f", what, d);
  g_assert_cmpfloat(d, >=, 20);
}

static void check_distinct_bar(const Style *s, const char *what, StyleColor c, gconstpointer hl)
{
  (void)s;
  check_distinct(what, *(const StyleColor *)hl, c);
}

/* `highlight` must stand out (issue "Colour and emphasis"): at least ΔE2000 20 from every
 * group hue a chart can show (the named groups, and custom groups taking the palette in
 * turn) and from the today line, which would otherwise read as part of it. */
static void test_highlight_stands_out(void)
{
  for (unsigned i = 0; style_builtin_names()[i] != NULL; i++) {
    Style *s = builtin_style(i);
    StyleColor hl = {0};
    g_assert_true(class_color(s, "highlight", &hl));
    for_each_bar_color(s, FALSE, check_distinct_bar, &hl);
    if (s->today.show)
      check_distinct("today", hl, s->today.color);
    style_free(s);
  }
}

/* ---------------------------------------------------------------- cascade */

static void test_apply_copies_only_set(void)
{
  DiagList *diags = diag_list_new();
  const char *text = "bar: {height: 30}\ngroups: {jobs: {label: Work}}\n";
  StyleLayer *layer = style_layer_parse("t.yaml", text, strlen(text), diags);
  g_assert_nonnull(layer);
  g_assert_true(style_layer_is_set(layer, "bar.height"));
  g_assert_false(style_layer_is_set(layer, "bar.gap"));
  g_assert_true(style_layer_is_set(layer, "groups.jobs.label"));
  g_assert_false(style_layer_is_set(layer, "groups.jobs.color"));
  g_assert_false(style_layer_is_set(layer, "groups.other.label"));
  g_assert_false(style_layer_is_set(layer, "nonsense"));

  Style *s = style_resolve(NULL, 0, NULL, 0, diags);
  StyleColor jobs = ((StylePaint *)g_hash_table_lookup(s->groups, "jobs"))->color;
  double gap = s->bar.gap;
  g_autofree char *font = g_strdup(s->bar.font);
  style_apply(s, layer);
  g_assert_cmpfloat(s->bar.height, ==, 30);
  g_assert_cmpfloat(s->bar.gap, ==, gap);
  g_assert_cmpstr(s->bar.font, ==, font);
  const StylePaint *p = g_hash_table_lookup(s->groups, "jobs");
  g_assert_cmpstr(p->label, ==, "Work");
  g_assert_true(color_eq(p->color, jobs));
  g_assert_true(p->set & STYLE_PAINT_COLOR);

  /* Onto an empty style: only what the layer set appears. */
  Style *e = style_new_empty();
  style_apply(e, layer);
  g_assert_cmpfloat(e->bar.height, ==, 30);
  g_assert_cmpfloat(e->bar.gap, ==, 0);
  g_assert_null(e->bar.font);
  g_assert_cmpuint(((StylePaint *)g_hash_table_lookup(e->groups, "jobs"))->set, ==,
                   STYLE_PAINT_LABEL);
  style_free(e);
  style_free(s);
  style_layer_free(layer);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  diag_list_free(diags);
}

/* Style text that reaches the chart is cleaned as CV text is (strutil_clean_text). */
static void test_text_cleaned(void)
{
  DiagList *diags = diag_list_new();
  const char *text = "today: {label: \"to\\u202Eday\\uFFFE\\n\"}\n"
                     "groups: {jobs: {label: \"W\\u2066ork\\U0001FFFE\"}}\n"
                     "description: \"A\\tstyle\\u202E\"\n"
                     "legend: {title: ''}\n";
  StyleLayer *layer = style_layer_parse("t.yaml", text, strlen(text), diags);
  g_autofree char *msgs = diags_text(diags);
  g_assert_cmpstr(msgs, ==,
                  "t.yaml:4:10: warning: unknown key 'legend.title' (did you mean "
                  "'legend.show'?)\n");
  g_assert_nonnull(layer);
  Style *s = style_new_empty();
  style_apply(s, layer);
  g_assert_cmpstr(s->today.label, ==, "today");
  g_assert_cmpstr(s->description, ==, "A style");
  g_assert_cmpstr(((StylePaint *)g_hash_table_lookup(s->groups, "jobs"))->label, ==, "Work");
  style_free(s);
  style_layer_free(layer);
  diag_list_free(diags);
}

static void test_extends_chain(void)
{
  g_autofree char *dir = temp_dir();
  write_file(dir, "a.yaml", "extends: b.yaml\nbar: {height: 31}\n");
  write_file(dir, "b.yaml", "extends: c.yaml\nbar: {height: 20, gap: 9}\n");
  write_file(dir, "c.yaml", "extends: dark\nbar: {radius: 1, gap: 2}\npage: {margin: 5}\n");
  g_autofree char *a = g_build_filename(dir, "a.yaml", NULL);
  DiagList *diags = diag_list_new();
  const char *styles[] = {a};
  Style *s = style_resolve(styles, 1, NULL, 0, diags);
  g_autofree char *msgs = diags_text(diags);
  g_assert_cmpstr(msgs, ==, "");
  g_assert_nonnull(s);
  g_assert_cmpfloat(s->bar.height, ==, 31); /* a wins over b */
  g_assert_cmpfloat(s->bar.gap, ==, 9);     /* b wins over c */
  g_assert_cmpfloat(s->bar.radius, ==, 1);  /* c */
  g_assert_cmpfloat(s->page.margin, ==, 5);
  g_assert_true(color_eq(s->page.background, rgb(0x0f172a))); /* dark */
  g_assert_cmpfloat(s->page.width, ==, 1200);                 /* default under it all */
  g_assert_cmpuint(s->files->len, ==, 3);
  style_free(s);

  /* -s order: later wins. */
  const char *two[] = {"slides", a};
  s = style_resolve(two, 2, NULL, 0, diags);
  g_assert_cmpfloat(s->page.width, ==, 1920);
  g_assert_cmpfloat(s->bar.height, ==, 31);
  style_free(s);
  const char *two_rev[] = {a, "slides"};
  s = style_resolve(two_rev, 2, NULL, 0, diags);
  g_assert_cmpfloat(s->bar.height, ==, 44);
  g_assert_cmpfloat(s->page.margin, ==, 64);
  g_assert_cmpfloat(s->bar.gap, ==, 12);
  style_free(s);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  diag_list_free(diags);
  rm_tree(dir);
}

static void test_extends_cycle(void)
{
  g_autofree char *dir = temp_dir();
  write_file(dir, "a.yaml", "extends: b.yaml\n");
  write_file(dir, "b.yaml", "bar: {height: 3}\nextends: ./c.yaml\n");
  write_file(dir, "c.yaml", "extends: a.yaml\n");
  write_file(dir, "self.yml", "extends: self.yml\n");
  g_autofree char *a = g_build_filename(dir, "a.yaml", NULL);
  g_autofree char *b = g_build_filename(dir, "b.yaml", NULL);
  g_autofree char *c_via_b = g_build_filename(dir, "./c.yaml", NULL);
  g_autofree char *a_via_c = g_build_filename(dir, ".", "a.yaml", NULL);
  g_autofree char *self = g_build_filename(dir, "self.yml", NULL);
  DiagList *diags = diag_list_new();
  const char *styles[] = {a};
  g_assert_null(style_resolve(styles, 1, NULL, 0, diags));
  g_autofree char *msgs = diags_text(diags);
  g_autofree char *want =
      g_strdup_printf("%s:1:10: error: style extends itself: %s -> %s -> %s -> %s\n", c_via_b, a, b,
                      c_via_b, a_via_c);
  g_assert_cmpstr(msgs, ==, want);
  diag_list_free(diags);

  diags = diag_list_new();
  const char *one[] = {self};
  g_assert_null(style_resolve(one, 1, NULL, 0, diags));
  g_autofree char *msgs2 = diags_text(diags);
  g_autofree char *want2 =
      g_strdup_printf("%s:1:10: error: style extends itself: %s -> %s\n", self, self, self);
  g_assert_cmpstr(msgs2, ==, want2);
  diag_list_free(diags);
  rm_tree(dir);
}

/* An `extends:` naming a file that cannot be read points at that line. */
static void test_extends_missing(void)
{
  g_autofree char *dir = temp_dir();
  write_file(dir, "a.yaml", "bar: {height: 3}\nextends: gone.yaml\n");
  g_autofree char *a = g_build_filename(dir, "a.yaml", NULL);
  g_autofree char *gone = g_build_filename(dir, "gone.yaml", NULL);
  DiagList *diags = diag_list_new();
  const char *styles[] = {a};
  g_assert_null(style_resolve(styles, 1, NULL, 0, diags));
  g_autofree char *msgs = diags_text(diags);
  g_autofree char *want = g_strdup_printf(
      "%s:2:10: error: cannot use style '%s': cannot open: No such file or directory\n", a, gone);
  g_assert_cmpstr(msgs, ==, want);
  diag_list_free(diags);
  rm_tree(dir);
}

static void test_set(void)
{
  const char *sets[] = {"bar.height=30",
                        "palette=[red, \"#00ff00\"]",
                        "today.dash=[2,2,1]",
                        "groups.jobs.color=black",
                        "groups.custom={color: navy, pattern: hatch, label: Side}",
                        "classes.faded.pattern=outline",
                        "page.height=auto",
                        "bar.color=#000",
                        "legend.show=false",
                        "today.label=",
                        "gaps.min=1Y2w",
                        "bar.height=32"};
  DiagList *diags = diag_list_new();
  const char *styles[] = {"slides"};
  Style *s = style_resolve(styles, 1, sets, G_N_ELEMENTS(sets), diags);
  g_autofree char *msgs = diags_text(diags);
  g_assert_cmpstr(msgs, ==, "");
  g_assert_nonnull(s);
  g_assert_cmpfloat(s->bar.height, ==, 32); /* the later --set wins */
  g_assert_cmpuint(s->palette->len, ==, 2);
  g_assert_true(color_eq(g_array_index(s->palette, StyleColor, 0), rgb(0xff0000)));
  g_assert_true(color_eq(g_array_index(s->palette, StyleColor, 1), rgb(0x00ff00)));
  g_assert_cmpuint(s->today.n_dash, ==, 3);
  g_assert_cmpfloat(s->today.dash[2], ==, 1);
  g_assert_cmpfloat(s->page.height, ==, 0);
  g_assert_cmpfloat(s->page.width, ==, 1920);
  g_assert_false(s->bar.color_auto);
  g_assert_true(color_eq(s->bar.color, rgb(0)));
  g_assert_false(s->legend.show);
  g_assert_true(s->today.label == NULL || *s->today.label == '\0');
  g_assert_cmpint(s->gaps.min.months, ==, 12);
  g_assert_cmpint(s->gaps.min.days, ==, 14);

  StylePaint paint;
  style_group_paint(s, "jobs", 0, &paint);
  g_assert_true(color_eq(paint.color, rgb(0)));
  g_assert_null(paint.label); /* the CV's name for it, in the CV's language */
  style_group_paint(s, "custom", 0, &paint);
  g_assert_true(color_eq(paint.color, rgb(0x000080)));
  g_assert_cmpint(paint.pattern, ==, STYLE_PATTERN_HATCH);
  g_assert_cmpstr(paint.label, ==, "Side");
  /* Groups without a colour take the palette (and patterns) in turn. */
  style_group_paint(s, "unknown", 3, &paint);
  g_assert_true(color_eq(paint.color, rgb(0x00ff00)));
  g_assert_null(paint.label);
  g_assert_cmpint(paint.pattern, ==, STYLE_PATTERN_SOLID);

  const StylePaint *faded = style_class(s, "faded");
  g_assert_nonnull(faded);
  g_assert_cmpuint(faded->set, ==, STYLE_PAINT_PATTERN);
  g_assert_cmpint(faded->pattern, ==, STYLE_PATTERN_OUTLINE);
  g_assert_nonnull(style_class(s, "highlight"));
  g_assert_null(style_class(s, "nope"));
  g_assert_null(style_class(s, NULL));
  style_free(s);
  diag_list_free(diags);
}

static void test_print_patterns(void)
{
  const char *styles[] = {"print"};
  DiagList *diags = diag_list_new();
  Style *s = style_resolve(styles, 1, NULL, 0, diags);
  StylePaint a, b, c;
  style_group_paint(s, "jobs", 0, &a);
  style_group_paint(s, "education", 0, &b);
  style_group_paint(s, "visiting", 0, &c);
  g_assert_cmpint(a.pattern, !=, b.pattern);
  g_assert_cmpint(b.pattern, !=, c.pattern);
  g_assert_cmpint(a.pattern, !=, c.pattern);
  /* No two groups share a pattern: the named groups' and those custom groups take in
   * turn, as many custom groups as there are patterns to take (six). */
  guint seen = (1u << a.pattern) | (1u << b.pattern) | (1u << c.pattern);
  g_assert_cmpuint(s->patterns->len, >=, 6);
  for (guint k = 0; k < s->patterns->len; k++) {
    StylePaint custom;
    style_group_paint(s, "a custom group", k, &custom);
    g_test_message("custom group %u: pattern %d", k, custom.pattern);
    g_assert_false(seen & (1u << custom.pattern));
    seen |= 1u << custom.pattern;
  }
  /* Greys only. */
  for (guint i = 0; i < s->palette->len; i++) {
    StyleColor col = g_array_index(s->palette, StyleColor, i);
    g_assert_true(col.r == col.g && col.g == col.b);
  }
  style_free(s);
  diag_list_free(diags);
}

/* ---------------------------------------------------------------- validation messages */

typedef struct {
  const char *text; /* the style file */
  const char *want; /* every message, FILE:LINE:COLUMN: SEVERITY: TEXT */
  gboolean fails;   /* style_resolve returns NULL */
} ErrorCase;

static const ErrorCase error_cases[] = {
    {"pgae: {width: 3}\n", "s.yaml:1:1: warning: unknown key 'pgae' (did you mean 'page'?)\n",
     FALSE},
    {"page:\n  widht: 1000\n",
     "s.yaml:2:3: warning: unknown key 'page.widht' (did you mean 'page.width'?)\n", FALSE},
    {"page: {zzzzzzzz: 1}\n", "s.yaml:1:8: warning: unknown key 'page.zzzzzzzz'\n", FALSE},
    {"groups: {jobs: {colour: red}}\n",
     "s.yaml:1:17: warning: unknown key 'groups.jobs.colour' (did you mean "
     "'groups.jobs.color'?)\n",
     FALSE},
    {"bar: {show-orgs: true}\n",
     "s.yaml:1:7: warning: unknown key 'bar.show-orgs' (did you mean 'bar.show-org'?)\n", FALSE},
    {"page: {width: wide}\n", "s.yaml:1:15: error: 'page.width' must be a number, found 'wide'\n",
     TRUE},
    {"page: {width: [1]}\n", "s.yaml:1:15: error: 'page.width' must be a number, found a list\n",
     TRUE},
    {"page: {width: .nan}\n",
     "s.yaml:1:15: error: 'page.width' must be a finite number, found '.nan'\n", TRUE},
    {"page: {width: -.inf}\n",
     "s.yaml:1:15: error: 'page.width' must be a finite number, found '-.inf'\n", TRUE},
    {"page: {width: 50000}\n",
     "s.yaml:1:15: error: 'page.width' must be at most 20000, found 50000\n", TRUE},
    {"bar: {gap: -2}\n", "s.yaml:1:12: error: 'bar.gap' must not be negative, found -2\n", TRUE},
    {"bar: {height: 0}\n", "s.yaml:1:15: error: 'bar.height' must be at least 1, found 0\n", TRUE},
    {"page: {height: tall}\n",
     "s.yaml:1:16: error: 'page.height' must be auto or a number, found 'tall'\n", TRUE},
    {"page: {height: 30000}\n",
     "s.yaml:1:16: error: 'page.height' must be at most 20000, found 30000\n", TRUE},
    {"page: {background: blu}\n",
     "s.yaml:1:20: error: 'page.background' is not a colour: 'blu' (did you mean 'blue'?)\n", TRUE},
    {"page: {background: \"#12345\"}\n",
     "s.yaml:1:20: error: 'page.background' is not a colour: '#12345' (use #rgb, #rrggbb, "
     "#rrggbbaa or a CSS colour name)\n",
     TRUE},
    {"axis: {grid: \"#zzz\"}\n",
     "s.yaml:1:14: error: 'axis.grid' is not a colour: '#zzz' (use #rgb, #rrggbb, #rrggbbaa, a "
     "CSS colour name or none)\n",
     TRUE},
    {"page: {color: none}\n",
     "s.yaml:1:15: error: 'page.color' cannot be none (use a colour, or transparent)\n", TRUE},
    {"page:\n  color: #123456\n",
     "s.yaml:2:9: error: 'page.color' must be a colour, found an empty value (quote colours "
     "that start with #, e.g. \"#1f2933\")\n",
     TRUE},
    {"axis: {position: left}\n",
     "s.yaml:1:18: error: 'axis.position' must be one of bottom, top, both; found 'left'\n", TRUE},
    {"legend: {position: [top]}\n",
     "s.yaml:1:20: error: 'legend.position' must be one of top, bottom; found a list\n", TRUE},
    {"title: {show: maybe}\n",
     "s.yaml:1:15: error: 'title.show' must be true or false, found 'maybe'\n", TRUE},
    {"title: {font: \"Inter 0\"}\n",
     "s.yaml:1:15: error: 'title.font' has font size 0; a size must be above 0 and at most 500\n",
     TRUE},
    {"title: {font: \"Inter 600\"}\n",
     "s.yaml:1:15: error: 'title.font' has font size 600; a size must be above 0 and at most "
     "500\n",
     TRUE},
    {"title: {font: \"Inter Bold\"}\n",
     "s.yaml:1:15: error: 'title.font' needs a size, e.g. 'Inter Bold 11': 'Inter Bold'\n", TRUE},
    {"title: {font: \"12\"}\n", "s.yaml:1:15: error: 'title.font' names no font family: '12'\n",
     TRUE},
    {"today: {dash: [1, 2, 3, 4, 5]}\n",
     "s.yaml:1:15: error: 'today.dash' takes at most 4 lengths, found 5\n", TRUE},
    {"today: {dash: [1, -2]}\n",
     "s.yaml:1:19: error: 'today.dash' must not be negative, found -2\n", TRUE},
    {"today: {dash: [0, 0]}\n", "s.yaml:1:15: error: 'today.dash' lengths must not all be 0\n",
     TRUE},
    {"today: {dash: 4}\n",
     "s.yaml:1:15: error: 'today.dash' must be a list of dash lengths (or none), found '4'\n",
     TRUE},
    {"palette: []\n", "s.yaml:1:10: error: 'palette' must list between 1 and 64 colours, found 0\n",
     TRUE},
    {"palette: red\n", "s.yaml:1:10: error: 'palette' must be a list of colours, found 'red'\n",
     TRUE},
    {"palette: [red, gren]\n",
     "s.yaml:1:16: error: 'palette' is not a colour: 'gren' (did you mean 'green'?)\n", TRUE},
    {"patterns: [solid, stripes]\n",
     "s.yaml:1:19: error: 'patterns' must be one of solid, hatch, crosshatch, dots, outline, "
     "backhatch, vertical, horizontal, grid; found 'stripes'\n",
     TRUE},
    {"groups: {jobs: {pattern: zigzag}}\n",
     "s.yaml:1:26: error: 'groups.jobs.pattern' must be one of solid, hatch, crosshatch, dots, "
     "outline, backhatch, vertical, horizontal, grid; found 'zigzag'\n",
     TRUE},
    {"groups: {jobs: red}\n", "s.yaml:1:16: error: 'groups.jobs' must be a mapping, found 'red'\n",
     TRUE},
    {"classes: {x: {color: [1]}}\n",
     "s.yaml:1:22: error: 'classes.x.color' must be a colour, found a list\n", TRUE},
    {"page: 3\n", "s.yaml:1:7: error: 'page' must be a mapping, found '3'\n", TRUE},
    {"- a\n- b\n", "s.yaml:1:1: error: a style must be a mapping of keys, found a list\n", TRUE},
    {"description: [a]\n", "s.yaml:1:14: error: 'description' must be a string, found a list\n",
     TRUE},
    {"extends: [a]\n", "s.yaml:1:10: error: 'extends' must be a style name or path, found a list\n",
     TRUE},
    {"extends: drak\n",
     "s.yaml:1:10: error: unknown built-in style 'drak' (did you mean "
     "'dark'?)\n",
     TRUE},
    {"extends: zzzzzzzzzz\n",
     "s.yaml:1:10: error: unknown built-in style 'zzzzzzzzzz' (built-in styles: default, dark, "
     "print, slides, minimal)\n",
     TRUE},
    {"bar: {height: 1e9, gap: x}\npage: {width: 0}\n",
     "s.yaml:1:15: error: 'bar.height' must be at most 1000, found 1e9\n"
     "s.yaml:1:25: error: 'bar.gap' must be a number, found 'x'\n"
     "s.yaml:2:15: error: 'page.width' must be at least 1, found 0\n",
     TRUE},
    {"", "", FALSE},
    {"# only a comment\n", "", FALSE},
    /* A style reads booleans as a CV does (readctx_bool): quoted too. */
    {"title: {show: \"no\"}\n", "", FALSE},
};

static void test_errors(void)
{
  g_autofree char *dir = temp_dir();
  g_autofree char *cwd = g_get_current_dir();
  g_assert_cmpint(g_chdir(dir), ==, 0);
  for (size_t i = 0; i < G_N_ELEMENTS(error_cases); i++) {
    const ErrorCase *ec = &error_cases[i];
    g_test_message("case: %s", ec->text);
    write_file(dir, "s.yaml", ec->text);
    DiagList *diags = diag_list_new();
    const char *styles[] = {"s.yaml"};
    Style *s = style_resolve(styles, 1, NULL, 0, diags);
    g_autofree char *msgs = diags_text(diags);
    g_assert_cmpstr(msgs, ==, ec->want);
    if (ec->fails)
      g_assert_null(s);
    else
      g_assert_nonnull(s);
    style_free(s);
    diag_list_free(diags);
  }
  g_assert_cmpint(g_chdir(cwd), ==, 0);
  rm_tree(dir);
}

/* A style's booleans and texts are read as a CV's are (readctx): a quoted "no" is false,
 * and a text longer than the cap is shortened, with the CV's warning. */
static void test_read_as_cv(void)
{
  g_autofree char *dir = temp_dir();
  g_autofree char *path = g_build_filename(dir, "s.yaml", NULL);
  g_autofree char *label = g_strnfill(READCTX_MAX_TEXT_CHARS + 20, 'x');
  g_autofree char *text = g_strdup_printf("title: {show: \"no\"}\ntoday: {label: %s}\n", label);
  write_file(dir, "s.yaml", text);
  DiagList *diags = diag_list_new();
  const char *styles[] = {path};
  Style *s = style_resolve(styles, 1, NULL, 0, diags);
  g_autofree char *msgs = diags_text(diags);
  g_autofree char *want =
      g_strdup_printf("%s:2:16: warning: text longer than %d characters, shortened\n", path,
                      READCTX_MAX_TEXT_CHARS);
  g_assert_cmpstr(msgs, ==, want);
  g_assert_nonnull(s);
  g_assert_false(s->title.show);
  g_assert_cmpint(g_utf8_strlen(s->today.label, -1), ==, READCTX_MAX_TEXT_CHARS);
  style_free(s);
  diag_list_free(diags);
  rm_tree(dir);
}

/* page.font is the base of every text: a layer that sets it moves the fonts it does not
 * set to its family, style words and scale; the fonts it sets stay as written. */
static void test_page_font_is_the_base(void)
{
  DiagList *diags = diag_list_new();
  const char *sets[] = {"page.font=DejaVu Serif 22", "bar.font=Sans 9"};
  Style *s = style_resolve(NULL, 0, sets, 1, diags);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  g_assert_cmpstr(s->page.font, ==, "DejaVu Serif 22");
  g_assert_cmpstr(s->bar.font, ==, "DejaVu Serif Medium 22"); /* default: ... Medium 11 */
  g_assert_cmpstr(s->title.font, ==, "DejaVu Serif Bold 40"); /* default: ... Bold 20 */
  g_assert_cmpstr(s->axis.font, ==, "DejaVu Serif 20");       /* default: ... 10 */
  style_free(s);

  /* A later layer's own font wins; its style words reach the texts it leaves alone. */
  s = style_resolve(NULL, 0, sets, 2, diags);
  g_assert_cmpstr(s->bar.font, ==, "Sans 9");
  style_free(s);
  const char *italic[] = {"page.font=DejaVu Serif Italic 11"};
  s = style_resolve(NULL, 0, italic, 1, diags);
  g_assert_cmpstr(s->title.font, ==, "DejaVu Serif Bold Italic 20");
  style_free(s);

  /* One layer setting both: its bar.font is more specific than its page.font. */
  g_autofree char *dir = temp_dir();
  g_autofree char *path = g_build_filename(dir, "s.yaml", NULL);
  write_file(dir, "s.yaml", "page: {font: \"DejaVu Serif 22\"}\nbar: {font: \"Sans 9\"}\n");
  const char *styles[] = {path};
  s = style_resolve(styles, 1, NULL, 0, diags);
  g_assert_cmpstr(s->bar.font, ==, "Sans 9");
  g_assert_cmpstr(s->legend.font, ==, "DejaVu Serif 20");
  style_free(s);
  g_assert_cmpuint(diag_len(diags), ==, 0);
  diag_list_free(diags);
  rm_tree(dir);
}

/* style_named_keys lists exactly the top-level keys read by name: each is read (no
 * unknown-key warning), and a top-level key neither listed nor in the registry is not. */
static void test_named_keys(void)
{
  const char *const *named = style_named_keys();
  g_assert_cmpstr(named[0], ==, "extends");
  g_autofree char *dir = temp_dir();
  g_autofree char *base = g_build_filename(dir, "base.yaml", NULL);
  write_file(dir, "base.yaml", "bar: {height: 20}\n");
  for (guint i = 0; named[i] != NULL; i++) {
    g_autofree char *text = g_str_equal(named[i], "extends")
                                ? g_strdup_printf("extends: \"%s\"\n", base)
                                : g_strdup_printf("%s: {}\n", named[i]);
    DiagList *diags = diag_list_new();
    StyleLayer *layer = style_layer_parse("s.yaml", text, strlen(text), diags);
    g_test_message("named key %s", named[i]);
    g_assert_nonnull(layer);
    g_assert_cmpuint(diag_len(diags), ==, 0);
    style_layer_free(layer);
    diag_list_free(diags);
  }
  DiagList *diags = diag_list_new();
  StyleLayer *layer = style_layer_parse("s.yaml", "layers: {}\n", 11, diags);
  g_autofree char *msgs = diags_text(diags);
  g_assert_cmpstr(msgs, ==, "s.yaml:1:1: warning: unknown key 'layers'\n");
  style_layer_free(layer);
  diag_list_free(diags);
  rm_tree(dir);
}

static void test_set_errors(void)
{
  static const struct {
    const char *set;
    const char *want;
  } cases[] = {
      {"bar.height", "--set: error: expected KEY=VALUE, found 'bar.height'\n"},
      {"=3", "--set: error: expected KEY=VALUE, found '=3'\n"},
      {"bar.hieght=3", "--set: error: unknown key 'bar.hieght' (did you mean 'bar.height'?)\n"},
      {"bar.height=big", "--set: error: 'bar.height' must be a number, found 'big'\n"},
      {"bar.height=-1", "--set: error: 'bar.height' must not be negative, found -1\n"},
      {"palette=[red, nope]", "--set: error: 'palette' is not a colour: 'nope' (use #rgb, "
                              "#rrggbb, #rrggbbaa or a CSS colour name)\n"},
      {"page.color=", "--set: error: 'page.color' must be a colour, found an empty value\n"},
      {"extends=dark", "--set: error: 'extends' cannot be set with --set; use -s NAME\n"},
      {"groups.jobs.colour=red",
       "--set: error: unknown key 'groups.jobs.colour' (did you mean 'groups.jobs.color'?)\n"},
      {"gaps.min=6", "--set: error: 'gaps.min' must be a length of time, found '6' (expected a "
                     "number and a unit d, w, m or y, e.g. 6m, 2w or 1y6m)\n"},
      {"gaps.min=10000y", "--set: error: 'gaps.min' must be a length of time, found '10000y' "
                          "(expected a number and a unit d, w, m or y, e.g. 6m, 2w or 1y6m)\n"},
      {"gaps.mni=6m", "--set: error: unknown key 'gaps.mni' (did you mean 'gaps.min'?)\n"},
      {"title.show=maybe", "--set: error: 'title.show' must be true or false, found 'maybe'\n"},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_test_message("--set %s", cases[i].set);
    DiagList *diags = diag_list_new();
    const char *sets[] = {cases[i].set};
    Style *s = style_resolve(NULL, 0, sets, 1, diags);
    g_autofree char *msgs = diags_text(diags);
    g_assert_cmpstr(msgs, ==, cases[i].want);
    g_assert_null(s);
    diag_list_free(diags);
  }
  /* An unparsable value is reported under --set, with the key, and no position. */
  DiagList *diags = diag_list_new();
  const char *bad[] = {"palette=[red"};
  g_assert_null(style_resolve(NULL, 0, bad, 1, diags));
  g_assert_cmpuint(diag_len(diags), ==, 1);
  const Diag *d = diag_get(diags, 0);
  g_assert_cmpstr(d->file, ==, "--set");
  g_assert_cmpint(d->line, ==, 0);
  g_assert_true(g_str_has_prefix(d->text, "palette: the value is not valid YAML"));
  diag_list_free(diags);
}

static void test_style_names(void)
{
  DiagList *diags = diag_list_new();
  const char *styles[] = {"drak"};
  g_assert_null(style_resolve(styles, 1, NULL, 0, diags));
  g_autofree char *msgs = diags_text(diags);
  g_assert_cmpstr(msgs, ==,
                  "--style: error: unknown built-in style 'drak' (did you mean 'dark'?)\n");
  diag_list_free(diags);

  /* A name with a .yaml suffix is a path, even without a folder. */
  diags = diag_list_new();
  const char *file[] = {"no-such-style-file.yaml"};
  g_assert_null(style_resolve(file, 1, NULL, 0, diags));
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  g_assert_cmpstr(diag_get(diags, 0)->file, ==, "no-such-style-file.yaml");
  diag_list_free(diags);
}

/* A warning alone does not stop a style; under --strict it does. */
static void test_strict(void)
{
  g_autofree char *dir = temp_dir();
  write_file(dir, "w.yaml", "bar: {heigth: 3}\n");
  g_autofree char *w = g_build_filename(dir, "w.yaml", NULL);
  const char *styles[] = {w};
  DiagList *diags = diag_list_new();
  Style *s = style_resolve(styles, 1, NULL, 0, diags);
  g_assert_nonnull(s);
  g_assert_cmpuint(diag_warning_count(diags), ==, 1);
  style_free(s);
  diag_list_free(diags);
  diags = diag_list_new();
  diag_set_strict(diags, TRUE);
  g_assert_null(style_resolve(styles, 1, NULL, 0, diags));
  diag_list_free(diags);
  rm_tree(dir);
}

/* The SVG's dark scheme: the dark style's colours onto the default's, and nothing else. */
static void test_copy_colors(void)
{
  DiagList *diags = diag_list_new();
  const char *dark_name[] = {"dark"}, *print_name[] = {"print"};
  const char *sets[] = {"groups.mine.color=#123456", "bar.height=40"};
  Style *light = style_resolve(print_name, 1, sets, 1, diags);
  Style *dark = style_resolve(dark_name, 1, sets, 2, diags);
  g_assert_nonnull(light);
  g_assert_nonnull(dark);
  double height = light->bar.height;
  StylePattern pattern = style_class(light, "highlight") ? style_class(light, "highlight")->pattern
                                                          : STYLE_PATTERN_SOLID;
  char *font = g_strdup(light->bar.font);
  style_copy_colors(light, dark);
  g_assert_cmpfloat(light->page.background.b, ==, dark->page.background.b);
  g_assert_cmpfloat(light->page.color.r, ==, dark->page.color.r);
  g_assert_cmpfloat(light->axis.grid.g, ==, dark->axis.grid.g);
  g_assert_cmpint(light->bar.color_auto, ==, dark->bar.color_auto);
  g_assert_cmpuint(light->palette->len, ==, dark->palette->len);
  StylePaint a, b;
  style_group_paint(light, "jobs", 0, &a);
  style_group_paint(dark, "jobs", 0, &b);
  g_assert_cmpfloat(a.color.b, ==, b.color.b);
  /* What is not a colour stays: the print style's patterns, sizes and fonts. */
  style_group_paint(light, "education", 0, &a);
  g_assert_cmpint(a.pattern, ==, STYLE_PATTERN_HATCH);
  g_assert_cmpfloat(light->bar.height, ==, height);
  g_assert_cmpstr(light->bar.font, ==, font);
  g_assert_cmpint(style_class(light, "highlight") ? style_class(light, "highlight")->pattern
                                                  : STYLE_PATTERN_SOLID, ==, pattern);
  style_group_paint(light, "mine", 0, &a);
  g_assert_cmpfloat(fabs(a.color.r - 0x12 / 255.0), <, 1e-9);
  g_free(font);
  style_free(light);
  style_free(dark);
  diag_list_free(diags);
}

/* ---------------------------------------------------------------- documentation */

static void test_doc_lists_every_key(void)
{
  const char *root = g_getenv("CVT_SOURCE_ROOT");
  if (root == NULL) {
    g_test_skip("CVT_SOURCE_ROOT not set");
    return;
  }
  g_autofree char *path = g_build_filename(root, "doc", "styles.md", NULL);
  g_autofree char *doc = NULL;
  g_assert_true(g_file_get_contents(path, &doc, NULL, NULL));
  for (guint i = 0; i < style_property_count(); i++) {
    g_autofree char *quoted = g_strdup_printf("`%s`", style_property_key(i));
    g_test_message("doc has %s", quoted);
    g_assert_nonnull(strstr(doc, quoted));
  }
  const char *extra[] = {"`extends`",
                         "`groups.KEY.color`",
                         "`groups.KEY.label`",
                         "`groups.KEY.pattern`",
                         "`classes.NAME.color`",
                         "`classes.NAME.pattern`",
                         "`classes.NAME.label`"};
  for (size_t i = 0; i < G_N_ELEMENTS(extra); i++)
    g_assert_nonnull(strstr(doc, extra[i]));
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/style/color-parse", test_color_parse);
  g_test_add_func("/style/contrast", test_contrast);
  g_test_add_func("/style/default-sets-everything", test_default_sets_everything);
  g_test_add_func("/style/builtins-clean", test_builtins_clean);
  g_test_add_func("/style/builtin-values", test_builtin_values);
  g_test_add_func("/style/legibility", test_legibility);
  g_test_add_func("/style/segment-tints", test_segment_tints);
  g_test_add_func("/style/delta-e2000", test_delta_e2000);
  g_test_add_func("/style/highlight-stands-out", test_highlight_stands_out);
  g_test_add_func("/style/apply-copies-only-set", test_apply_copies_only_set);
  g_test_add_func("/style/text-cleaned", test_text_cleaned);
  g_test_add_func("/style/extends-chain", test_extends_chain);
  g_test_add_func("/style/extends-cycle", test_extends_cycle);
  g_test_add_func("/style/extends-missing", test_extends_missing);
  g_test_add_func("/style/set", test_set);
  g_test_add_func("/style/print-patterns", test_print_patterns);
  g_test_add_func("/style/read-as-cv", test_read_as_cv);
  g_test_add_func("/style/named-keys", test_named_keys);
  g_test_add_func("/style/page-font-is-the-base", test_page_font_is_the_base);
  g_test_add_func("/style/errors", test_errors);
  g_test_add_func("/style/set-errors", test_set_errors);
  g_test_add_func("/style/names", test_style_names);
  g_test_add_func("/style/strict", test_strict);
  g_test_add_func("/style/doc", test_doc_lists_every_key);
  g_test_add_func("/style/copy-colors", test_copy_colors);
  return g_test_run();
}
