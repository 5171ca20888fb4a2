/* png_encode: a Cairo image surface to PNG through libpng (see png_encode.h). */
#include "png_encode.h"

#include <png.h>
#include <string.h>

/* Measured (bench/RESULTS.md) on the example CV in the five styles and a 1,000-item
 * chart: Cairo's writer (zlib level 6, every filter tried on every row) took 14.8 ms for
 * the example and 409 ms for the 1,000 items; level 4 with no filter takes 6.1 ms and
 * 165 ms, for files 1 % (slides) to 7 % (print) larger. Charts are flat colours and
 * antialiased edges, which filters barely help: they cost more time than they saved
 * bytes at every level. Levels 1 to 3 (zlib's fast matcher) were 13 % to 17 % larger
 * for the dark and slides styles. */
#define PNG_ENCODE_LEVEL 4
#define PNG_ENCODE_FILTERS PNG_FILTER_NONE

typedef struct {
  PngSink sink;
  gpointer closure;
  gboolean sink_failed;
  char message[200];
} Writer;

static void writer_write(png_structp png, png_bytep data, size_t len)
{
  Writer *w = png_get_io_ptr(png);
  if (!w->sink(w->closure, data, len)) {
    w->sink_failed = TRUE;
    png_error(png, "write error");
  }
}

static void writer_flush(png_structp png)
{
  (void)png;
}

static void writer_error(png_structp png, png_const_charp message)
{
  Writer *w = png_get_error_ptr(png);
  g_strlcpy(w->message, message, sizeof w->message);
  png_longjmp(png, 1);
}

static void writer_warning(png_structp png, png_const_charp message)
{
  (void)png;
  (void)message;
}

/* Whether every pixel of @data is opaque (Cairo writes those as RGB). */
static gboolean all_opaque(const guint8 *data, int width, int height, int stride)
{
  for (int y = 0; y < height; y++) {
    const guint32 *row = (const guint32 *)(const void *)(data + (gsize)y * (gsize)stride);
    for (int x = 0; x < width; x++)
      if ((row[x] >> 24) != 0xff)
        return FALSE;
  }
  return TRUE;
}

/* One row of native-endian premultiplied ARGB into RGB bytes (the image is opaque). */
static void convert_row_rgb(const guint32 *src, guint8 *out, int width)
{
  for (int x = 0; x < width; x++, out += 3) {
    guint32 p = src[x];
    out[0] = (guint8)(p >> 16);
    out[1] = (guint8)(p >> 8);
    out[2] = (guint8)p;
  }
}

/* The same into unpremultiplied RGBA, with Cairo's rounding (cairo-png.c,
 * unpremultiply_data). */
static void convert_row_rgba(const guint32 *src, guint8 *out, int width)
{
  for (int x = 0; x < width; x++, out += 4) {
    guint32 p = src[x];
    guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
    if (a == 0) {
      memset(out, 0, 4);
    } else if (a == 0xff) {
      out[0] = (guint8)r;
      out[1] = (guint8)g;
      out[2] = (guint8)b;
      out[3] = 0xff;
    } else {
      out[0] = (guint8)((r * 255 + a / 2) / a);
      out[1] = (guint8)((g * 255 + a / 2) / a);
      out[2] = (guint8)((b * 255 + a / 2) / a);
      out[3] = (guint8)a;
    }
  }
}

/* The libpng part, apart so that nothing it changes lives across its longjmp. */
static gboolean encode(Writer *w, const guint8 *data, int width, int height, int stride,
                       gboolean alpha, guint8 *row)
{
  png_structp png =
      png_create_write_struct(PNG_LIBPNG_VER_STRING, w, writer_error, writer_warning);
  if (png == NULL) {
    g_strlcpy(w->message, "out of memory", sizeof w->message);
    return FALSE;
  }
  png_infop info = png_create_info_struct(png);
  if (info == NULL || setjmp(png_jmpbuf(png))) {
    if (info == NULL)
      g_strlcpy(w->message, "out of memory", sizeof w->message);
    png_destroy_write_struct(&png, info ? &info : NULL);
    return FALSE;
  }
  png_set_write_fn(png, w, writer_write, writer_flush);
  png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
               alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  /* The white background chunk Cairo's writer adds, for viewers that use it. */
  png_color_16 white = {.red = 0xff, .green = 0xff, .blue = 0xff, .gray = 0xff};
  png_set_bKGD(png, info, &white);
  png_set_compression_level(png, PNG_ENCODE_LEVEL);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_ENCODE_FILTERS);
  png_write_info(png, info);
  for (int y = 0; y < height; y++) {
    const guint32 *src = (const guint32 *)(const void *)(data + (gsize)y * (gsize)stride);
    if (alpha)
      convert_row_rgba(src, row, width);
    else
      convert_row_rgb(src, row, width);
    png_write_row(png, row);
  }
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return TRUE;
}

gboolean png_encode_surface(cairo_surface_t *image, PngSink sink, gpointer closure,
                            GError **error)
{
  g_return_val_if_fail(image != NULL && sink != NULL, FALSE);
  cairo_format_t format = cairo_image_surface_get_format(image);
  int width = cairo_image_surface_get_width(image);
  int height = cairo_image_surface_get_height(image);
  int stride = cairo_image_surface_get_stride(image);
  const guint8 *data = cairo_image_surface_get_data(image);
  if (cairo_surface_get_type(image) != CAIRO_SURFACE_TYPE_IMAGE || data == NULL ||
      (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24) || width <= 0 ||
      height <= 0) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                "could not draw the PNG: not an ARGB32 or RGB24 image");
    return FALSE;
  }
  gboolean alpha = format == CAIRO_FORMAT_ARGB32 && !all_opaque(data, width, height, stride);
  if (format == CAIRO_FORMAT_RGB24) {
    /* RGB24's unused byte is undefined: read it as opaque. */
    alpha = FALSE;
  }
  Writer w = {.sink = sink, .closure = closure};
  guint8 *row = g_malloc((gsize)width * 4);
  gboolean ok = encode(&w, data, width, height, stride, alpha, row);
  g_free(row);
  /* The wording of render.c's Cairo errors, which these replace. */
  if (!ok)
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "could not draw the PNG: %s",
                w.sink_failed ? cairo_status_to_string(CAIRO_STATUS_WRITE_ERROR) : w.message);
  return ok;
}
