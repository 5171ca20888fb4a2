/* Unit tests for render.c: each format from a hand-built scene is valid (SVG parses and
 * renders, PNG has the expected pixel size, PDF opens with its title), output is
 * byte-identical across renders, fades and patterns paint where they should. */
#include "describe.h"
#include "render.h"
#include "testscene.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

static const StyleColor RED = {1, 0, 0, 1};
static const StyleColor BLACK = {0, 0, 0, 1};
static const StyleColor WHITE = {1, 1, 1, 1};

static LayoutScene *scene_new(double width, double height)
{
  return layout_scene_new(width, height);
}

static void scene_free(LayoutScene *scene)
{
  layout_scene_free(scene);
}

static void add(LayoutScene *scene, LayoutShape shape)
{
  g_array_append_val(scene->shapes, shape);
}

/* A scene with one of every shape kind; its first bar belongs to an entry with a url. */
static LayoutScene *sample_scene(void)
{
  LayoutScene *s = scene_new(200, 100);
  layout_scene_add_group(s, "jobs", "Experience");
  layout_scene_add_entry(s, 0)->url = g_strdup("https://example.org/a'b(c)\\d\"e");
  testscene_every_shape(s, WHITE, RED, BLACK,
                        (LayoutOwner){LAYOUT_OWNER_ENTRY, 0, LAYOUT_PART_BAR, 0});
  add(s, (LayoutShape){.kind = LAYOUT_SHAPE_TEXT,
                       .x = 60,
                       .y = 75,
                       .w = 60,
                       .h = 14,
                       .fill = BLACK,
                       .font = "DejaVu Sans 11",
                       .text = "Ada <&> Lovelace"});
  return s;
}

static GBytes *render(const LayoutScene *scene, const char *format, double scale, GError **error)
{
  RenderOptions opts = {.format = render_format_find(format),
                        .scale = scale,
                        .title = "Ada \"<Lovelace>\"\x01",
                        .author = "Ada",
                        .creation_time = 946684800};
  TextCtx *text = text_ctx_new();
  GBytes *bytes = render_scene(scene, text, &opts, error);
  text_ctx_free(text);
  return bytes;
}

static char *write_temp(GBytes *bytes, const char *suffix)
{
  char *tmpl = g_strdup_printf("cvt-render-XXXXXX%s", suffix);
  char *path = NULL;
  int fd = g_file_open_tmp(tmpl, &path, NULL);
  g_assert_cmpint(fd, >=, 0);
  close(fd);
  gsize len;
  const char *data = g_bytes_get_data(bytes, &len);
  g_assert_true(g_file_set_contents(path, data, (gssize)len, NULL));
  g_free(tmpl);
  return path;
}

/* Runs @argv; returns its standard output, or NULL (and skips the test) when the tool is
 * missing. Fails the test when it exits with an error. */
static char *run_tool(const char *const *argv)
{
  char *prog = g_find_program_in_path(argv[0]);
  if (prog == NULL) {
    g_test_skip(argv[0]);
    return NULL;
  }
  g_free(prog);
  char *out = NULL, *err = NULL;
  int status = 0;
  GError *error = NULL;
  g_assert_true(g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                             &status, &error));
  g_assert_no_error(error);
  if (!g_spawn_check_wait_status(status, NULL))
    g_error("%s failed: %s", argv[0], err);
  g_free(err);
  return out;
}

static void png_dimensions(GBytes *png, guint32 *w, guint32 *h)
{
  gsize len;
  const guint8 *d = g_bytes_get_data(png, &len);
  g_assert_cmpuint(len, >, 24);
  g_assert_cmpmem(d, 8, "\x89PNG\r\n\x1a\n", 8);
  *w = (guint32)d[16] << 24 | (guint32)d[17] << 16 | (guint32)d[18] << 8 | d[19];
  *h = (guint32)d[20] << 24 | (guint32)d[21] << 16 | (guint32)d[22] << 8 | d[23];
}

static void test_svg_valid(void)
{
  LayoutScene *scene = sample_scene();
  GError *error = NULL;
  GBytes *svg = render(scene, "svg", 1, &error);
  g_assert_no_error(error);
  char *text = g_strndup(g_bytes_get_data(svg, NULL), g_bytes_get_size(svg));
  /* The root's size is unitless (CSS px) and the viewBox matches the chart; the title is
   * escaped, its control character removed. */
  g_assert_nonnull(strstr(text, " width=\"200\" height=\"100\" viewBox=\"0 0 200 100\""));
  g_assert_nonnull(strstr(text, "-t0\">Ada &quot;&lt;Lovelace&gt;&quot;</title>"));
  g_assert_nonnull(strstr(text, "linearGradient"));
  char *path = write_temp(svg, ".svg");
  char *png = g_strconcat(path, ".png", NULL);
  char *out = run_tool((const char *const[]){"xmllint", "--noout", path, NULL});
  g_free(out);
  if (!g_test_failed()) {
    out = run_tool((const char *const[]){"rsvg-convert", "-o", png, path, NULL});
    g_free(out);
  }
  g_unlink(png);
  g_unlink(path);
  g_free(png);
  g_free(path);
  g_free(text);
  g_bytes_unref(svg);
  scene_free(scene);
}

static void test_png_size(void)
{
  LayoutScene *scene = sample_scene();
  scene->width = 200.5; /* a fractional size rounds up */
  GError *error = NULL;
  guint32 w, h;
  GBytes *png = render(scene, "png", 1, &error);
  g_assert_no_error(error);
  png_dimensions(png, &w, &h);
  g_assert_cmpuint(w, ==, 201);
  g_assert_cmpuint(h, ==, 100);
  g_bytes_unref(png);
  png = render(scene, "png", 2, &error);
  g_assert_no_error(error);
  png_dimensions(png, &w, &h);
  g_assert_cmpuint(w, ==, 401);
  g_assert_cmpuint(h, ==, 200);
  g_bytes_unref(png);
  scene_free(scene);
}

static void test_png_too_large(void)
{
  LayoutScene *scene = sample_scene();
  GError *error = NULL;
  scene->width = 20000;
  GBytes *png = render(scene, "png", 2, &error);
  g_assert_null(png);
  g_assert_nonnull(error);
  g_assert_nonnull(strstr(error->message, "--scale"));
  g_assert_nonnull(strstr(error->message, "page.width"));
  g_clear_error(&error);
  scene->width = 200;
  scene->height = 40000;
  png = render(scene, "png", 1, &error);
  g_assert_null(png);
  g_assert_nonnull(strstr(error->message, "page.height"));
  g_clear_error(&error);
  /* Each side within the limit, the area not. */
  scene->width = 20000;
  scene->height = 20000;
  png = render(scene, "png", 1, &error);
  g_assert_null(png);
  g_assert_nonnull(strstr(error->message, "--height"));
  g_clear_error(&error);
  scene->height = 0;
  png = render(scene, "svg", 1, &error);
  g_assert_null(png);
  g_assert_nonnull(error);
  g_clear_error(&error);
  scene_free(scene);
}

/* Decodes @png and returns the ARGB32 pixel at (x, y) (premultiplied). */
static guint32 png_pixel(GBytes *png, int x, int y)
{
  gsize len;
  const guint8 *data = g_bytes_get_data(png, &len);
  char *path = write_temp(png, ".png");
  cairo_surface_t *img = cairo_image_surface_create_from_png(path);
  g_assert_cmpint(cairo_surface_status(img), ==, CAIRO_STATUS_SUCCESS);
  (void)data;
  const guint8 *px = cairo_image_surface_get_data(img);
  int stride = cairo_image_surface_get_stride(img);
  guint32 v = *(const guint32 *)(px + y * stride + x * 4);
  cairo_surface_destroy(img);
  g_unlink(path);
  g_free(path);
  return v;
}

static void test_png_pixels(void)
{
  LayoutScene *s = scene_new(100, 40);
  /* Transparent page: the fade is visible in the alpha channel. */
  add(s, (LayoutShape){.kind = LAYOUT_SHAPE_RECT,
                       .x = 0,
                       .y = 0,
                       .w = 100,
                       .h = 20,
                       .fill = RED,
                       .fade_left = 20,
                       .fade_right = 20});
  add(s, (LayoutShape){.kind = LAYOUT_SHAPE_RECT,
                       .x = 0,
                       .y = 20,
                       .w = 100,
                       .h = 20,
                       .fill = WHITE,
                       .pattern = STYLE_PATTERN_HATCH,
                       .pattern_color = BLACK});
  GError *error = NULL;
  GBytes *png = render(s, "png", 1, &error);
  g_assert_no_error(error);
  g_assert_cmphex(png_pixel(png, 50, 10), ==, 0xffff0000); /* solid middle */
  g_assert_cmpuint(png_pixel(png, 0, 10) >> 24, <, 0x20);  /* faded ends */
  g_assert_cmpuint(png_pixel(png, 99, 10) >> 24, <, 0x20);
  g_assert_cmpuint(png_pixel(png, 10, 10) >> 24, >, 0x60); /* half-way up the ramp */
  g_assert_cmpuint(png_pixel(png, 10, 10) >> 24, <, 0xa0);
  /* The hatch darkens some pixels of the white row, not all. */
  guint dark = 0;
  for (int x = 0; x < 100; x++)
    dark += (png_pixel(png, x, 30) & 0xff) < 0x80;
  g_assert_cmpuint(dark, >, 5);
  g_assert_cmpuint(dark, <, 60);
  g_bytes_unref(png);
  scene_free(s);
}

static void test_pdf_valid(void)
{
  LayoutScene *scene = sample_scene();
  GError *error = NULL;
  GBytes *pdf = render(scene, "pdf", 1, &error);
  g_assert_no_error(error);
  gsize len;
  const char *data = g_bytes_get_data(pdf, &len);
  g_assert_true(len > 5 && memcmp(data, "%PDF-", 5) == 0);
  /* The link's quotes, parentheses and backslash are percent-encoded. */
  static const char uri[] = "example.org/a%27b%28c%29%5Cd%22e";
  g_assert_nonnull(memmem(data, len, uri, strlen(uri)));
  char *path = write_temp(pdf, ".pdf");
  char *out = run_tool((const char *const[]){"pdfinfo", path, NULL});
  if (out != NULL) {
    g_assert_nonnull(strstr(out, "Ada \"<Lovelace>\""));
    g_assert_nonnull(strstr(out, "200 x 100 pts"));
    g_assert_nonnull(strstr(out, "2000"));
  }
  g_free(out);
  g_unlink(path);
  g_free(path);
  g_bytes_unref(pdf);
  scene_free(scene);
}

static void test_deterministic(void)
{
  LayoutScene *scene = sample_scene();
  for (guint i = 0; render_formats[i] != NULL; i++) {
    const char *f = render_formats[i]->name;
    GError *error = NULL;
    GBytes *a = render(scene, f, 1, &error);
    g_assert_no_error(error);
    GBytes *b = render(scene, f, 1, &error);
    g_assert_no_error(error);
    g_assert_true(g_bytes_equal(a, b));
    g_bytes_unref(a);
    g_bytes_unref(b);
  }
  scene_free(scene);
}

/* The table: names and extensions found case-insensitively, svg first (the default),
 * every row complete. */
/* The page holds the text-mode SVG without its XML declaration, the title escaped, the
 * entry as a focusable item pointing at its details, the summary only when given. */
static void test_html_page(void)
{
  LayoutScene *scene = sample_scene();
  g_array_index(scene->entries, LayoutEntry, 0).title = g_strdup("Eng </li><script>");
  g_array_index(scene->entries, LayoutEntry, 0).location = g_strdup("Leeds & Co");
  TextCtx *text = text_ctx_new();
  RenderOptions opts = {.format = render_format_find("html"),
                        .scale = 1,
                        .title = "Ada <b>\"x\"</b>",
                        .summary = "Ada: career summary\n\nWhole CV: 1 y <2>\n"};
  GError *error = NULL;
  GBytes *bytes = render_scene(scene, text, &opts, &error);
  g_assert_no_error(error);
  char *page = g_strndup(g_bytes_get_data(bytes, NULL), g_bytes_get_size(bytes));
  g_assert_true(g_str_has_prefix(page, "<!DOCTYPE html>\n<html lang=\"en\">"));
  g_assert_null(strstr(page, "<?xml"));
  g_assert_null(strstr(page, "<script"));
  g_assert_null(strstr(page, "<b>"));
  g_assert_nonnull(strstr(page, "<title>Ada &lt;b&gt;&quot;x&quot;&lt;/b&gt;</title>"));
  g_assert_nonnull(strstr(page, "content=\"default-src 'none';"));
  g_assert_nonnull(strstr(page, "<svg "));
  g_assert_nonnull(strstr(page, "@font-face"));
  g_assert_nonnull(strstr(page, "<li class=\"cvt-item\" tabindex=\"0\" aria-describedby=\"cvt-e0\">"
                                "<span class=\"cvt-name\">Eng &lt;/li&gt;&lt;script&gt;</span>"
                                "<span class=\"cvt-details\" id=\"cvt-e0\">Leeds &amp; Co"));
  g_assert_nonnull(strstr(page, "Whole CV: 1 y &lt;2&gt;"));
  g_assert_null(strstr(page, "prefers-color-scheme"));
  g_free(page);
  g_bytes_unref(bytes);
  opts.summary = NULL;
  bytes = render_scene(scene, text, &opts, &error);
  g_assert_no_error(error);
  g_assert_null(g_strstr_len(g_bytes_get_data(bytes, NULL), (gssize)g_bytes_get_size(bytes),
                             "career summary"));
  g_bytes_unref(bytes);
  text_ctx_free(text);
  scene_free(scene);
}

static void test_format_table(void)
{
  g_assert_cmpstr(render_format_find("PNG")->name, ==, "png");
  g_assert_true(render_format_find("svg") == render_formats[0]);
  g_assert_null(render_format_find("jpeg"));
  g_assert_null(render_format_find(NULL));
  g_assert_cmpstr(render_format_for_extension("PDF")->name, ==, "pdf");
  g_assert_null(render_format_for_extension("yaml"));
  for (guint i = 0; render_formats[i] != NULL; i++) {
    const RenderFormat *f = render_formats[i];
    g_assert_nonnull(f->name);
    g_assert_nonnull(f->extensions[0]);
    g_assert_nonnull(f->description);
    g_assert_nonnull(f->write);
    g_assert_true(render_format_find(f->name) == f);
    for (const char *const *e = f->extensions; *e; e++)
      g_assert_true(render_format_for_extension(*e) == f);
  }
}

/* The alt text keeps each date's precision, from the scene's own records. */
static void test_alt_text(void)
{
  LayoutScene *scene = scene_new(200, 100);
  scene->title = g_strdup("Ada Lovelace");
  scene->range_start = date_from_ymd(2010, 1, 1);
  scene->range_end = date_from_ymd(2026, 11, 25);
  layout_scene_add_group(scene, "jobs", "Experience");
  LayoutEntry *job = layout_scene_add_entry(scene, 0);
  job->title = g_strdup("Engineer");
  job->org = g_strdup("Analytical Engines");
  DateSpan span = {.start = date_from_ymd(2019, 9, 1),
                   .end = date_from_ymd(2026, 11, 25),
                   .start_precision = DATE_PREC_MONTH,
                   .ongoing = TRUE};
  g_array_append_val(job->periods, span);
  layout_scene_add_group(scene, "education", "Education");
  LayoutEntry *school = layout_scene_add_entry(scene, 1);
  school->title = g_strdup("Mathematics");
  DateSpan s1 = {.start = date_from_ymd(2010, 1, 1),
                 .end = date_from_ymd(2012, 12, 31),
                 .start_precision = DATE_PREC_YEAR,
                 .end_precision = DATE_PREC_YEAR,
                 .end_approx = TRUE};
  DateSpan s2 = {.start = date_from_ymd(2015, 3, 1), .end = date_from_ymd(2015, 3, 14)};
  g_array_append_val(school->periods, s1);
  g_array_append_val(school->periods, s2);
  LayoutMilestone *m = layout_scene_add_milestone(scene);
  m->date = date_from_ymd(2018, 6, 1);
  m->precision = DATE_PREC_MONTH;
  m->title = g_strdup("Award");
  char *text = describe_alt_text(scene);
  g_assert_cmpstr(text, ==,
                  "Ada Lovelace: career timeline from 2010 to 2026.\n"
                  "Experience: Engineer, Analytical Engines, Sep 2019 to present.\n"
                  "Education: Mathematics, 2010 to about 2012 and 1 to 14 Mar 2015.\n"
                  "Milestones: Award, Jun 2018.\n");
  g_free(text);
  scene_free(scene);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/render/svg-valid", test_svg_valid);
  g_test_add_func("/render/png-size", test_png_size);
  g_test_add_func("/render/png-too-large", test_png_too_large);
  g_test_add_func("/render/png-pixels", test_png_pixels);
  g_test_add_func("/render/pdf-valid", test_pdf_valid);
  g_test_add_func("/render/deterministic", test_deterministic);
  g_test_add_func("/render/format-table", test_format_table);
  g_test_add_func("/render/html-page", test_html_page);
  g_test_add_func("/render/alt-text", test_alt_text);
  return g_test_run();
}
