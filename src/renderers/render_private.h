/* render's own header, shared by render.c and the format files (render_*.c) and by
 * nothing else: the rows of the format table, and Cairo painting of a scene, which PNG,
 * PDF and (for now) SVG share. */
#pragma once

#include "render.h"

#include <cairo.h>

/* The rows of render_formats, one per render_FORMAT.c. */
extern const RenderFormat render_format_svg;
extern const RenderFormat render_format_png;
extern const RenderFormat render_format_pdf;
extern const RenderFormat render_format_html;

/* --- render_cairo.c --- */

/* A RenderSink as Cairo's write callback wants it (render_cairo_write's closure). */
typedef struct {
  RenderSink sink;
  gpointer closure;
} RenderCairoSink;

/* Cairo's write callback into a RenderCairoSink. */
cairo_status_t render_cairo_write(void *closure, const unsigned char *data, unsigned int length);

/* Paints @scene onto @cr in paint order. With @links, the shapes a click follows
 * (layout_shape_link: bars and markers of records with a url) become links. */
void render_cairo_paint(cairo_t *cr, TextCtx *text, const LayoutScene *scene, gboolean links);

/* TRUE for CAIRO_STATUS_SUCCESS; else FALSE with @error "could not draw the WHAT: ...". */
gboolean render_cairo_check(cairo_status_t status, const char *what, GError **error);

/* Paints @scene scaled by @scale onto a vector @surface (SVG or PDF) that writes into a
 * stream, then finishes and destroys the surface. */
gboolean render_cairo_vector(cairo_surface_t *surface, TextCtx *text, const LayoutScene *scene,
                             double scale, gboolean links, const char *what, GError **error);

/* The scale that @opts asks for: finite and positive, else 1. */
double render_scale(const RenderOptions *opts);
