/* render_png: the PNG renderer: the scene painted with Cairo onto an image --scale times
 * its size, refused before drawing when it would exceed Cairo's or memory's limits. */
#include "render_private.h"

#include "png_encode.h"

#include <math.h>

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

static gboolean render_png_check(const LayoutScene *scene, const RenderOptions *opts,
                                 GError **error)
{
  int w, h;
  return png_size(scene, render_scale(opts), &w, &h, error);
}

static gboolean render_png_write(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                                 RenderSink sink, gpointer closure, GError **error)
{
  double scale = render_scale(opts);
  int w, h;
  if (!png_size(scene, scale, &w, &h, error))
    return FALSE;
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  if (!render_cairo_check(cairo_surface_status(surface), "PNG", error)) {
    cairo_surface_destroy(surface);
    return FALSE;
  }
  cairo_t *cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  render_cairo_paint(cr, text, scene, FALSE);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  gboolean ok = render_cairo_check(status, "PNG", error) &&
                png_encode_surface(surface, sink, closure, error);
  cairo_surface_destroy(surface);
  return ok;
}

static const char *const render_png_extensions[] = {"png", NULL};

const RenderFormat render_format_png = {
    .name = "png",
    .extensions = render_png_extensions,
    .description = "an image, --scale times denser",
    .check = render_png_check,
    .write = render_png_write,
};
