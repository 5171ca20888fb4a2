/* png_encode: writes a Cairo image surface as PNG with libpng, with the filter and zlib
 * level chosen by measurement (bench/RESULTS.md) rather than Cairo's writer's defaults,
 * which spent more time compressing a chart than drawing it. The pixels are the ones
 * cairo_surface_write_to_png writes: RGB when the image is opaque, else RGBA
 * unpremultiplied with Cairo's rounding. */
#pragma once

#include <cairo.h>
#include <glib.h>

/* Receives the PNG's bytes in order; FALSE (a write error) stops the encoding. */
typedef gboolean (*PngSink)(gpointer closure, const guint8 *data, gsize len);

/* Writes @image (an ARGB32 or RGB24 image surface, flushed; still owned by the caller) as
 * a PNG to @sink. FALSE with @error set when the surface is not such an image, when
 * libpng fails, or when the sink refuses bytes (the sink may have received part of the
 * file). */
gboolean png_encode_surface(cairo_surface_t *image, PngSink sink, gpointer closure,
                            GError **error);
