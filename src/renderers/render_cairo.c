/* render_cairo: paints a scene with Cairo, shape by shape in paint order (README "What
 * the chart shows" for fades, doc/styles.md for patterns), for the PNG, PDF and SVG
 * renderers. Deterministic: patterns on a grid anchored at the page origin, nothing from
 * the clock. */
#include "render_private.h"

#include <math.h>
#include <string.h>

cairo_status_t render_cairo_write(void *closure, const unsigned char *data, unsigned int length)
{
  RenderCairoSink *s = closure;
  return s->sink(s->closure, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* --- Paint sources --- */

static void set_color(cairo_t *cr, StyleColor c)
{
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

/* Sets @c as the source for painting rect @s: solid, or a horizontal gradient whose
 * alpha goes to 0 at a faded end, so that fill, pattern and border all fade alike. */
static void set_rect_source(cairo_t *cr, const LayoutShape *s, StyleColor c)
{
  double l, r;
  layout_rect_fades(s, &l, &r);
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
  double x = s->x, y = s->y, w = s->w, h = s->h, rl, rr;
  layout_rect_corners(s, &rl, &rr);
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

static void line(gpointer cr, double x0, double y0, double x1, double y1)
{
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
}

static void dot(gpointer cr, double x, double y)
{
  cairo_new_sub_path(cr);
  cairo_arc(cr, x, y, LAYOUT_DOT_RADIUS, 0, 2 * G_PI);
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
    layout_rect_hatch(s, 1, line, cr);
    cairo_set_line_width(cr, LAYOUT_HATCH_WIDTH);
    cairo_stroke(cr);
    break;
  case STYLE_PATTERN_CROSSHATCH:
    layout_rect_hatch(s, 1, line, cr);
    layout_rect_hatch(s, -1, line, cr);
    cairo_set_line_width(cr, LAYOUT_HATCH_WIDTH);
    cairo_stroke(cr);
    break;
  case STYLE_PATTERN_BACKHATCH:
    layout_rect_hatch(s, -1, line, cr);
    cairo_set_line_width(cr, LAYOUT_HATCH_WIDTH);
    cairo_stroke(cr);
    break;
  case STYLE_PATTERN_VERTICAL:
  case STYLE_PATTERN_HORIZONTAL:
  case STYLE_PATTERN_GRID:
    if (s->pattern != STYLE_PATTERN_HORIZONTAL)
      layout_rect_lines(s, TRUE, line, cr);
    if (s->pattern != STYLE_PATTERN_VERTICAL)
      layout_rect_lines(s, FALSE, line, cr);
    cairo_set_line_width(cr, LAYOUT_HATCH_WIDTH);
    cairo_stroke(cr);
    break;
  case STYLE_PATTERN_DOTS:
    layout_rect_dots(s, dot, cr);
    cairo_fill(cr);
    break;
  case STYLE_PATTERN_OUTLINE:
    /* The clip keeps the inner half of a stroke on the edge: a border of LAYOUT_OUTLINE_WIDTH/2
     * that never grows the bar beyond its box. */
    rounded_rect_path(cr, s);
    cairo_set_line_width(cr, LAYOUT_OUTLINE_WIDTH * 2);
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

void render_cairo_paint(cairo_t *cr, TextCtx *text, const LayoutScene *scene, gboolean links)
{
  for (guint i = 0; i < scene->shapes->len; i++) {
    const LayoutShape *s = &g_array_index(scene->shapes, LayoutShape, i);
    const char *url = links ? layout_shape_link(scene, s) : NULL;
    gboolean link = url != NULL;
    char *attrs = link ? link_attributes(url) : NULL;
    if (link)
      cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
    paint_shape(cr, text, s);
    if (link)
      cairo_tag_end(cr, CAIRO_TAG_LINK);
    g_free(attrs);
  }
}

gboolean render_cairo_check(cairo_status_t status, const char *what, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "could not draw the %s: %s", what,
              cairo_status_to_string(status));
  return FALSE;
}

gboolean render_cairo_vector(cairo_surface_t *surface, TextCtx *text, const LayoutScene *scene,
                             double scale, gboolean links, const char *what, GError **error)
{
  cairo_t *cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  render_cairo_paint(cr, text, scene, links);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  return render_cairo_check(status, what, error);
}

double render_scale(const RenderOptions *opts)
{
  return (isfinite(opts->scale) && opts->scale > 0) ? opts->scale : 1;
}
