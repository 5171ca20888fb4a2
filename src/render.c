/* render: paints a LayoutScene with Cairo onto an SVG, PNG or PDF surface held in memory
 * (DESIGN.md "render"; spec/visual.md for fades and patterns). It decides nothing about
 * positions, and it is deterministic: no timestamps, stable ids, fixed PDF dates. */
#include "render.h"

#include "svg.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <math.h>
#include <string.h>

/* Pattern geometry, in px: dense enough to read as texture, sparse enough to keep the
 * fill's colour recognisable. */
#define HATCH_SPACING 6.0
#define HATCH_WIDTH 1.0
#define DOT_SPACING 5.0
#define DOT_RADIUS 1.0
#define OUTLINE_WIDTH 2.0

gboolean render_format_parse(const char *name, RenderFormat *out)
{
  static const struct {
    const char *name;
    RenderFormat format;
  } table[] = {{"svg", RENDER_SVG}, {"png", RENDER_PNG}, {"pdf", RENDER_PDF}};
  if (name == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS(table); i++) {
    if (g_ascii_strcasecmp(name, table[i].name) == 0) {
      *out = table[i].format;
      return TRUE;
    }
  }
  return FALSE;
}

const char *render_format_name(RenderFormat format)
{
  switch (format) {
  case RENDER_SVG:
    return "svg";
  case RENDER_PNG:
    return "png";
  case RENDER_PDF:
    return "pdf";
  }
  return "svg";
}

/* --- Streams --- */

/* Where Cairo's write callbacks go: the caller's sink. */
typedef struct {
  RenderSink sink;
  gpointer closure;
} Sink;

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int length)
{
  Sink *s = closure;
  return s->sink(s->closure, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* --- Paint sources --- */

static void set_color(cairo_t *cr, StyleColor c)
{
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

/* The fade widths of a rect, shrunk proportionally when together they exceed its width. */
static void fade_widths(const LayoutShape *s, double *left, double *right)
{
  double l = (isfinite(s->fade_left) && s->fade_left > 0) ? s->fade_left : 0;
  double r = (isfinite(s->fade_right) && s->fade_right > 0) ? s->fade_right : 0;
  if (l + r > s->w && l + r > 0) {
    double k = s->w / (l + r);
    l *= k;
    r *= k;
  }
  *left = l;
  *right = r;
}

/* Sets @c as the source for painting rect @s: solid, or a horizontal gradient whose
 * alpha goes to 0 at a faded end, so that fill, pattern and border all fade alike. */
static void set_rect_source(cairo_t *cr, const LayoutShape *s, StyleColor c)
{
  double l, r;
  fade_widths(s, &l, &r);
  if (l <= 0 && r <= 0) {
    set_color(cr, c);
    return;
  }
  cairo_pattern_t *grad = cairo_pattern_create_linear(s->x, 0, s->x + s->w, 0);
  cairo_pattern_add_color_stop_rgba(grad, 0, c.r, c.g, c.b, l > 0 ? 0 : c.a);
  if (l > 0)
    cairo_pattern_add_color_stop_rgba(grad, l / s->w, c.r, c.g, c.b, c.a);
  if (r > 0)
    cairo_pattern_add_color_stop_rgba(grad, 1 - r / s->w, c.r, c.g, c.b, c.a);
  cairo_pattern_add_color_stop_rgba(grad, 1, c.r, c.g, c.b, r > 0 ? 0 : c.a);
  cairo_set_source(cr, grad);
  cairo_pattern_destroy(grad);
}

/* --- Shapes --- */

/* The rect's outline: rounded corners, except on a side layout marked square (the inner
 * joins of role segments). */
static void rounded_rect_path(cairo_t *cr, const LayoutShape *s)
{
  double x = s->x, y = s->y, w = s->w, h = s->h;
  double r = isfinite(s->radius) ? MAX(0, MIN(s->radius, MIN(w, h) / 2)) : 0;
  double rl = s->square_left ? 0 : r, rr = s->square_right ? 0 : r;
  cairo_new_sub_path(cr);
  if (rl <= 0 && rr <= 0) {
    cairo_rectangle(cr, x, y, w, h);
    return;
  }
  if (rr > 0) {
    cairo_arc(cr, x + w - rr, y + rr, rr, -G_PI / 2, 0);
    cairo_arc(cr, x + w - rr, y + h - rr, rr, 0, G_PI / 2);
  } else {
    cairo_line_to(cr, x + w, y);
    cairo_line_to(cr, x + w, y + h);
  }
  if (rl > 0) {
    cairo_arc(cr, x + rl, y + h - rl, rl, G_PI / 2, G_PI);
    cairo_arc(cr, x + rl, y + rl, rl, G_PI, 3 * G_PI / 2);
  } else {
    cairo_line_to(cr, x, y + h);
    cairo_line_to(cr, x, y);
  }
  cairo_close_path(cr);
}

/* Diagonal lines across the box; @dir is +1 for "/" and -1 for "\". Lines start on a grid
 * anchored at the page origin, so that neighbouring bars' hatches line up. */
static void hatch_path(cairo_t *cr, const LayoutShape *s, int dir)
{
  double span = s->w + s->h;
  double first = floor((dir > 0 ? s->x : s->x - s->h) / HATCH_SPACING) * HATCH_SPACING;
  for (double u = first; u <= s->x + span; u += HATCH_SPACING) {
    if (dir > 0) {
      cairo_move_to(cr, u, s->y + s->h);
      cairo_line_to(cr, u + s->h, s->y);
    } else {
      cairo_move_to(cr, u, s->y);
      cairo_line_to(cr, u + s->h, s->y + s->h);
    }
  }
}

static void dots_path(cairo_t *cr, const LayoutShape *s)
{
  double x0 = floor(s->x / DOT_SPACING) * DOT_SPACING + DOT_SPACING / 2;
  double y0 = floor(s->y / DOT_SPACING) * DOT_SPACING + DOT_SPACING / 2;
  for (double y = y0; y < s->y + s->h + DOT_RADIUS; y += DOT_SPACING) {
    for (double x = x0; x < s->x + s->w + DOT_RADIUS; x += DOT_SPACING) {
      cairo_new_sub_path(cr);
      cairo_arc(cr, x, y, DOT_RADIUS, 0, 2 * G_PI);
    }
  }
}

/* Patterns are drawn over the fill, clipped to the rounded rect. Hostile sizes cannot
 * make this loop long: layout's boxes lie within the page, whose pixel count is capped. */
static void paint_pattern(cairo_t *cr, const LayoutShape *s)
{
  if (s->pattern == STYLE_PATTERN_SOLID || s->pattern_color.a <= 0)
    return;
  cairo_save(cr);
  rounded_rect_path(cr, s);
  cairo_clip(cr);
  cairo_new_path(cr);
  set_rect_source(cr, s, s->pattern_color);
  switch (s->pattern) {
  case STYLE_PATTERN_HATCH:
    hatch_path(cr, s, 1);
    cairo_set_line_width(cr, HATCH_WIDTH);
    cairo_stroke(cr);
    break;
  case STYLE_PATTERN_CROSSHATCH:
    hatch_path(cr, s, 1);
    hatch_path(cr, s, -1);
    cairo_set_line_width(cr, HATCH_WIDTH);
    cairo_stroke(cr);
    break;
  case STYLE_PATTERN_DOTS:
    dots_path(cr, s);
    cairo_fill(cr);
    break;
  case STYLE_PATTERN_OUTLINE:
    /* The clip keeps the inner half of a stroke on the edge: a border of OUTLINE_WIDTH/2
     * that never grows the bar beyond its box. */
    rounded_rect_path(cr, s);
    cairo_set_line_width(cr, OUTLINE_WIDTH * 2);
    cairo_stroke(cr);
    break;
  case STYLE_PATTERN_SOLID:
    break;
  }
  cairo_restore(cr);
}

static void apply_dash(cairo_t *cr, const LayoutShape *s)
{
  guint n = MIN(s->n_dash, G_N_ELEMENTS(s->dash));
  cairo_set_dash(cr, s->dash, (int)n, 0);
}

/* Fills the current path with @s's fill and strokes it with its stroke, where set. */
static void fill_and_stroke(cairo_t *cr, const LayoutShape *s, gboolean fades)
{
  if (s->fill.a > 0) {
    if (fades)
      set_rect_source(cr, s, s->fill);
    else
      set_color(cr, s->fill);
    cairo_fill_preserve(cr);
  }
  if (s->stroke.a > 0 && s->stroke_width > 0) {
    if (fades)
      set_rect_source(cr, s, s->stroke);
    else
      set_color(cr, s->stroke);
    cairo_set_line_width(cr, s->stroke_width);
    apply_dash(cr, s);
    cairo_stroke_preserve(cr);
  }
  cairo_new_path(cr);
}

static void paint_rect(cairo_t *cr, const LayoutShape *s)
{
  if (!(s->w > 0 && s->h > 0))
    return;
  rounded_rect_path(cr, s);
  if (s->fill.a > 0) {
    set_rect_source(cr, s, s->fill);
    cairo_fill(cr);
  }
  paint_pattern(cr, s);
  if (s->stroke.a > 0 && s->stroke_width > 0) {
    rounded_rect_path(cr, s);
    set_rect_source(cr, s, s->stroke);
    cairo_set_line_width(cr, s->stroke_width);
    apply_dash(cr, s);
    cairo_stroke(cr);
  }
  cairo_new_path(cr);
}

static void paint_line(cairo_t *cr, const LayoutShape *s)
{
  if (s->stroke.a <= 0 || !(s->stroke_width > 0))
    return;
  cairo_move_to(cr, s->x, s->y);
  cairo_line_to(cr, s->x + s->w, s->y + s->h);
  set_color(cr, s->stroke);
  cairo_set_line_width(cr, s->stroke_width);
  apply_dash(cr, s);
  cairo_stroke(cr);
}

static void paint_diamond(cairo_t *cr, const LayoutShape *s)
{
  double cx = s->x + s->w / 2, cy = s->y + s->h / 2;
  cairo_move_to(cr, cx, s->y);
  cairo_line_to(cr, s->x + s->w, cy);
  cairo_line_to(cr, cx, s->y + s->h);
  cairo_line_to(cr, s->x, cy);
  cairo_close_path(cr);
  fill_and_stroke(cr, s, FALSE);
}

static void paint_circle(cairo_t *cr, const LayoutShape *s)
{
  double r = MIN(s->w, s->h) / 2;
  if (!(r > 0))
    return;
  cairo_new_sub_path(cr);
  cairo_arc(cr, s->x + s->w / 2, s->y + s->h / 2, r, 0, 2 * G_PI);
  fill_and_stroke(cr, s, FALSE);
}

/* A URI as PDF link target: everything outside a conservative ASCII set is
 * percent-encoded (so no quote, backslash, parenthesis or control character reaches
 * the PDF's string syntax), then wrapped in Cairo's quoted attribute syntax. */
static char *link_attributes(const char *url)
{
  GString *out = g_string_new("uri='");
  for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
    if (g_ascii_isalnum(*p) || strchr("-._~:/?#[]@!$&*+,;=%", *p) != NULL)
      g_string_append_c(out, (char)*p);
    else
      g_string_append_printf(out, "%%%02X", *p);
  }
  g_string_append_c(out, '\'');
  return g_string_free(out, FALSE);
}

gboolean render_url_allowed(const char *url)
{
  static const char *const schemes[] = {"https://", "http://", "mailto:"};
  for (gsize i = 0; url != NULL && i < G_N_ELEMENTS(schemes); i++)
    if (g_ascii_strncasecmp(url, schemes[i], strlen(schemes[i])) == 0 && url[strlen(schemes[i])])
      return TRUE;
  return FALSE;
}

static void paint_shape(cairo_t *cr, TextCtx *text, const LayoutShape *s)
{
  cairo_save(cr);
  switch (s->kind) {
  case LAYOUT_SHAPE_RECT:
    paint_rect(cr, s);
    break;
  case LAYOUT_SHAPE_LINE:
    paint_line(cr, s);
    break;
  case LAYOUT_SHAPE_DIAMOND:
    paint_diamond(cr, s);
    break;
  case LAYOUT_SHAPE_CIRCLE:
    paint_circle(cr, s);
    break;
  case LAYOUT_SHAPE_TEXT:
    if (s->text != NULL && s->text[0] != '\0' && s->fill.a > 0)
      text_draw_toned(text, cr, s->font, s->text, s->x, s->y, s->fill, s->tone_from, s->tone);
    break;
  }
  cairo_restore(cr);
}

static void paint_scene(cairo_t *cr, TextCtx *text, const LayoutScene *scene, gboolean links)
{
  for (guint i = 0; i < scene->shapes->len; i++) {
    const LayoutShape *s = &g_array_index(scene->shapes, LayoutShape, i);
    gboolean link = links && render_url_allowed(s->url);
    char *attrs = link ? link_attributes(s->url) : NULL;
    if (link)
      cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
    paint_shape(cr, text, s);
    if (link)
      cairo_tag_end(cr, CAIRO_TAG_LINK);
    g_free(attrs);
  }
}

/* --- Surfaces --- */

static gboolean check_cairo(cairo_status_t status, const char *what, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "could not draw the %s: %s", what,
              cairo_status_to_string(status));
  return FALSE;
}

/* Paints onto a vector @surface (SVG or PDF) writing into a stream, then finishes it. */
static gboolean paint_vector(cairo_surface_t *surface, TextCtx *text, const LayoutScene *scene,
                             double scale, gboolean links, const char *what, GError **error)
{
  cairo_t *cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  paint_scene(cr, text, scene, links);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  return check_cairo(status, what, error);
}

/* The scale that @opts asks for: finite and positive, else 1. */
static double render_scale(const RenderOptions *opts)
{
  return (isfinite(opts->scale) && opts->scale > 0) ? opts->scale : 1;
}

static gboolean svg_to_sink(gpointer closure, const char *data, gsize len)
{
  Sink *s = closure;
  return s->sink(s->closure, (const guint8 *)data, len);
}

static cairo_status_t svg_stream_cb(void *closure, const unsigned char *data, unsigned int length)
{
  return svg_stream_write(closure, (const char *)data, length) ? CAIRO_STATUS_SUCCESS
                                                               : CAIRO_STATUS_WRITE_ERROR;
}

/* Cairo's SVG through svg.c's stream: stable ids, the accessible root (title, the alt
 * text as desc, exact size) and the invisible text layer before the end. --scale makes
 * the root's size N times the viewBox: the same drawing, displayed larger. */
static gboolean render_svg(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                           Sink *sink, GError **error)
{
  double scale = render_scale(opts);
  char *desc = render_alt_text(scene);
  SvgRoot root = {
      .title = opts->title,
      .desc = desc,
      .width = scene->width * scale,
      .height = scene->height * scale,
      .view_width = scene->width,
      .view_height = scene->height,
  };
  SvgStream *stream = svg_stream_new(&root, svg_to_sink, sink);
  g_free(desc);
  cairo_surface_t *surface =
      cairo_svg_surface_create_for_stream(svg_stream_cb, stream, scene->width, scene->height);
  cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
  gboolean ok = paint_vector(surface, text, scene, 1, FALSE, "SVG", error);
  if (ok) {
    /* After Cairo's own buffers are gone: the layer is the larger part left to build. */
    char *layer = svg_text_layer(scene, text);
    gboolean malformed;
    ok = svg_stream_finish(stream, layer, &malformed);
    g_free(layer);
    if (!ok)
      g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "could not draw the SVG: %s",
                  malformed ? "Cairo wrote no <svg> element" : "the output stopped");
  }
  svg_stream_free(stream);
  return ok;
}

/* "2000-01-01T00:00:00Z" for the PDF's creation date. */
static char *pdf_date(gint64 seconds)
{
  GDateTime *dt = g_date_time_new_from_unix_utc(seconds);
  if (dt == NULL)
    dt = g_date_time_new_from_unix_utc(946684800); /* 2000-01-01, out-of-range input */
  char *text = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%SZ");
  g_date_time_unref(dt);
  return text;
}

static void pdf_metadata(cairo_surface_t *surface, cairo_pdf_metadata_t key, const char *value)
{
  if (value != NULL && value[0] != '\0' && g_utf8_validate(value, -1, NULL))
    cairo_pdf_surface_set_metadata(surface, key, value);
}

static gboolean render_pdf(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                           Sink *sink, GError **error)
{
  /* --scale makes the page N times larger, the drawing scaled with it. */
  double scale = render_scale(opts);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(
      sink_write, sink, scene->width * scale, scene->height * scale);
  char *date = pdf_date(opts->creation_time);
  pdf_metadata(surface, CAIRO_PDF_METADATA_TITLE, opts->title);
  pdf_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, opts->author);
  pdf_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "cvtimeline");
  pdf_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  pdf_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  g_free(date);
  return paint_vector(surface, text, scene, scale, TRUE, "PDF", error);
}

/* The PNG's pixel size, or FALSE with an error naming what to change. */
static gboolean png_size(const LayoutScene *scene, double scale, int *w, int *h, GError **error)
{
  double pw = ceil(scene->width * scale), ph = ceil(scene->height * scale);
  if (pw > RENDER_MAX_PIXELS) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                "the PNG would be %.0f pixels wide, more than the limit of %d; "
                "lower --scale or --width (style key page.width)",
                pw, RENDER_MAX_PIXELS);
    return FALSE;
  }
  if (ph > RENDER_MAX_PIXELS) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                "the PNG would be %.0f pixels high, more than the limit of %d; "
                "lower --scale or --height (style key page.height)",
                ph, RENDER_MAX_PIXELS);
    return FALSE;
  }
  if (pw * ph > RENDER_MAX_AREA) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                "the PNG would have %.0f × %.0f pixels, more than the limit of %.0f million; "
                "lower --scale, --width (page.width) or --height (page.height)",
                pw, ph, RENDER_MAX_AREA / 1e6);
    return FALSE;
  }
  *w = (int)pw;
  *h = (int)ph;
  return TRUE;
}

static gboolean render_png(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                           Sink *sink, GError **error)
{
  double scale = render_scale(opts);
  int w, h;
  if (!png_size(scene, scale, &w, &h, error))
    return FALSE;
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  if (!check_cairo(cairo_surface_status(surface), "PNG", error)) {
    cairo_surface_destroy(surface);
    return FALSE;
  }
  cairo_t *cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  paint_scene(cr, text, scene, FALSE);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream(surface, sink_write, sink);
  cairo_surface_destroy(surface);
  return check_cairo(status, "PNG", error);
}

gboolean render_check(const LayoutScene *scene, const RenderOptions *opts, GError **error)
{
  g_return_val_if_fail(scene != NULL && opts != NULL, FALSE);
  if (!(isfinite(scene->width) && isfinite(scene->height) && scene->width >= 1 &&
        scene->height >= 1)) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                "the chart has no area (%g × %g); raise --width or --height", scene->width,
                scene->height);
    return FALSE;
  }
  int w, h;
  return opts->format != RENDER_PNG || png_size(scene, render_scale(opts), &w, &h, error);
}

gboolean render_scene_to(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                         RenderSink sink, gpointer closure, GError **error)
{
  g_return_val_if_fail(scene != NULL && opts != NULL && sink != NULL, FALSE);
  if (!render_check(scene, opts, error))
    return FALSE;
  Sink s = {sink, closure};
  switch (opts->format) {
  case RENDER_SVG:
    return render_svg(scene, text, opts, &s, error);
  case RENDER_PNG:
    return render_png(scene, text, opts, &s, error);
  case RENDER_PDF:
    return render_pdf(scene, text, opts, &s, error);
  }
  return FALSE;
}

static gboolean append_to_array(gpointer closure, const guint8 *data, gsize len)
{
  g_byte_array_append(closure, data, (guint)len);
  return TRUE;
}

GBytes *render_scene(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                     GError **error)
{
  g_return_val_if_fail(scene != NULL && opts != NULL, NULL);
  GByteArray *buf = g_byte_array_new();
  if (!render_scene_to(scene, text, opts, append_to_array, buf, error)) {
    g_byte_array_unref(buf);
    return NULL;
  }
  return g_byte_array_free_to_bytes(buf);
}

/* --- Alt text --- */

typedef enum { ALT_YEAR, ALT_MONTH, ALT_DAY } AltPrecision;

/* The coarsest unit a day is the start (or, with @is_end, the end) of: 1 January is a
 * year's start, 31 December its end, the 1st a month's start. Model spans keep no
 * precision, so this recovers the one the CV most likely gave. */
static AltPrecision day_precision(DateDay day, gboolean is_end)
{
  int y, m, d, ny, nm, nd;
  date_to_ymd(day, &y, &m, &d);
  date_to_ymd(day + 1, &ny, &nm, &nd);
  if (is_end ? (nm == 1 && nd == 1) : (m == 1 && d == 1))
    return ALT_YEAR;
  if (is_end ? nd == 1 : d == 1)
    return ALT_MONTH;
  return ALT_DAY;
}

/* "2019", "Nov 2019" or "12 Nov 2019". English month names: the summary must not depend
 * on the locale. */
static void append_day(GString *out, DateDay day, AltPrecision prec)
{
  int y, m, d;
  date_to_ymd(day, &y, &m, &d);
  if (y < 1 || m < 1 || m > 12)
    g_string_append(out, "?");
  else if (prec == ALT_YEAR)
    g_string_append_printf(out, "%d", y);
  else if (prec == ALT_MONTH)
    g_string_append_printf(out, "%s %d", date_month_abbrev(m), y);
  else
    g_string_append_printf(out, "%d %s %d", d, date_month_abbrev(m), y);
}

/* Both ends at one precision, the finer of the two, so that a span never reads
 * "Mar 2015 to 14 Mar 2015". */
void render_append_span(GString *out, const DateSpan *span)
{
  AltPrecision prec = day_precision(span->start, FALSE);
  if (!span->ongoing)
    prec = MAX(prec, day_precision(span->end, TRUE));
  if (span->start_approx)
    g_string_append(out, "c. ");
  append_day(out, span->start, prec);
  if (span->ongoing) {
    g_string_append(out, " to present");
    return;
  }
  GString *start = g_string_new(NULL), *end = g_string_new(NULL);
  append_day(start, span->start, prec);
  append_day(end, span->end, prec);
  /* "2019" rather than "2019 to 2019". */
  if (!g_str_equal(start->str, end->str) || span->end_approx)
    g_string_append_printf(out, " to %s%s", span->end_approx ? "c. " : "", end->str);
  g_string_free(start, TRUE);
  g_string_free(end, TRUE);
}

static void append_entry(GString *out, const LayoutEntry *le)
{
  const ModelEntry *e = le->entry;
  const char *title = le->title ? le->title : (e ? e->title : NULL);
  const char *org = le->org ? le->org : (e ? e->org : NULL);
  if (title && org)
    g_string_append_printf(out, "%s, %s", title, org);
  else
    g_string_append(out, title ? title : org ? org : "untitled");
  if (e == NULL)
    return;
  if (e->roles->len > 0) {
    g_string_append(out, " (");
    for (guint i = 0; i < e->roles->len; i++) {
      const ModelRole *role = &g_array_index(e->roles, ModelRole, i);
      g_string_append_printf(out, "%s%s ", i ? "; " : "", role->title);
      render_append_span(out, &role->span);
    }
    g_string_append(out, ")");
    return;
  }
  for (guint i = 0; i < e->periods->len; i++) {
    g_string_append(out, i ? " and " : ", ");
    render_append_span(out, &g_array_index(e->periods, DateSpan, i));
  }
}

void render_append_day(GString *out, DateDay day)
{
  append_day(out, day, day_precision(day, FALSE));
}

static void append_milestones(GString *out, const LayoutScene *scene)
{
  if (scene->milestones == NULL || scene->milestones->len == 0)
    return;
  g_string_append(out, "Milestones: ");
  for (guint i = 0; i < scene->milestones->len; i++) {
    const LayoutMilestone *m = g_ptr_array_index(scene->milestones, i);
    g_string_append_printf(out, "%s%s, ", i ? "; " : "", m->title ? m->title : "untitled");
    render_append_day(out, m->date);
  }
  g_string_append(out, ".\n");
}

char *render_alt_text(const LayoutScene *scene)
{
  GString *out = g_string_new(NULL);
  int y0, y1, m, d;
  date_to_ymd(scene->range_start, &y0, &m, &d);
  date_to_ymd(scene->range_end, &y1, &m, &d);
  if (scene->title != NULL)
    g_string_append_printf(out, "%s%s%s: career timeline", scene->title,
                           scene->headline ? ", " : "", scene->headline ? scene->headline : "");
  else
    g_string_append(out, "Career timeline");
  if (y0 == y1)
    g_string_append_printf(out, ", %d.\n", y0);
  else
    g_string_append_printf(out, " from %d to %d.\n", y0, y1);
  for (guint g = 0; scene->groups != NULL && g < scene->groups->len; g++) {
    const LayoutGroup *group = g_ptr_array_index(scene->groups, g);
    g_string_append_printf(out, "%s: ", group->name ? group->name : group->key);
    for (guint i = 0; i < group->entries->len; i++) {
      if (i > 0)
        g_string_append(out, "; ");
      append_entry(out, g_ptr_array_index(group->entries, i));
    }
    g_string_append(out, ".\n");
  }
  append_milestones(out, scene);
  return g_string_free(out, FALSE);
}
