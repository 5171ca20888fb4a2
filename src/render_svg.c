/* render_svg: the SVG renderer. For now Cairo draws the scene (render_cairo.c) and svg.c
 * rewrites its document on the way to the sink: stable ids, the accessible root with the
 * alt text as <desc>, and the invisible layer of real text and tooltips. */
#include "render_private.h"

#include "describe.h"
#include "svg.h"

#include <cairo-svg.h>

static gboolean svg_to_sink(gpointer closure, const char *data, gsize len)
{
  RenderCairoSink *s = closure;
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
static gboolean render_svg_write(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                                 RenderSink sink_func, gpointer closure, GError **error)
{
  RenderCairoSink sink_data = {sink_func, closure}, *sink = &sink_data;
  double scale = render_scale(opts);
  char *desc = describe_alt_text(scene);
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
  gboolean ok = render_cairo_vector(surface, text, scene, 1, FALSE, "SVG", error);
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

static const char *const render_svg_extensions[] = {"svg", NULL};

const RenderFormat render_format_svg = {
    .name = "svg",
    .extensions = render_svg_extensions,
    .description = "scalable, accessible, with selectable text and tooltips",
    .check = NULL,
    .write = render_svg_write,
};
