/* Unit tests for png_encode: the PNG it writes decodes to the same bytes as the one Cairo's
 * own writer makes from the same surface (RGB when opaque, else unpremultiplied RGBA
 * with Cairo's rounding), through libpng and through Cairo's reader; a refusing sink
 * stops it with an error. */
#include "png_encode.h"

#include <png.h>
#include <string.h>

static gboolean append(gpointer closure, const guint8 *data, gsize len)
{
  g_byte_array_append(closure, data, (guint)len);
  return TRUE;
}

static cairo_status_t cairo_append(void *closure, const unsigned char *data, unsigned int len)
{
  g_byte_array_append(closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* A surface with every alpha value and colour channels that exercise the rounding of
 * unpremultiplying (@opaque: alpha 255 everywhere). */
static cairo_surface_t *test_surface(cairo_format_t format, gboolean opaque)
{
  int w = 256, h = 64;
  cairo_surface_t *s = cairo_image_surface_create(format, w, h);
  cairo_surface_flush(s);
  guint8 *data = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < h; y++) {
    guint32 *row = (guint32 *)(void *)(data + y * stride);
    for (int x = 0; x < w; x++) {
      guint a = opaque ? 255 : (guint)x;
      guint r = (guint)(y * 4 + x) % 256 * a / 255, g = (guint)(x * 7 + y) % 256 * a / 255,
            b = (guint)(255 - y * 3) % 256 * a / 255;
      row[x] = a << 24 | r << 16 | g << 8 | b;
    }
  }
  cairo_surface_mark_dirty(s);
  /* A drawn shape too, as charts are made. */
  cairo_t *cr = cairo_create(s);
  cairo_set_source_rgba(cr, 0.2, 0.5, 0.9, opaque ? 1 : 0.6);
  cairo_arc(cr, 100.3, 30.7, 20.2, 0, 6.3);
  cairo_fill(cr);
  cairo_destroy(cr);
  cairo_surface_flush(s);
  return s;
}

/* Decodes @png with libpng into 8-bit RGBA; returns the pixels and the colour type. */
static GBytes *decode(GByteArray *png, int *color_type)
{
  png_image image = {.version = PNG_IMAGE_VERSION};
  g_assert_true(png_image_begin_read_from_memory(&image, png->data, png->len));
  *color_type = image.format & PNG_FORMAT_FLAG_ALPHA ? PNG_COLOR_TYPE_RGB_ALPHA
                                                     : PNG_COLOR_TYPE_RGB;
  image.format = PNG_FORMAT_RGBA;
  gsize size = PNG_IMAGE_SIZE(image);
  guint8 *pixels = g_malloc(size);
  g_assert_true(png_image_finish_read(&image, NULL, pixels, 0, NULL));
  png_image_free(&image);
  return g_bytes_new_take(pixels, size);
}

typedef struct {
  GByteArray *a;
  guint at;
} Reader;

static cairo_status_t cairo_read(void *closure, unsigned char *data, unsigned int len)
{
  Reader *r = closure;
  if (r->at + len > r->a->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy(data, r->a->data + r->at, len);
  r->at += len;
  return CAIRO_STATUS_SUCCESS;
}

/* Cairo's reader's premultiplied pixels of @png. */
static GBytes *cairo_pixels(GByteArray *png)
{
  Reader r = {png, 0};
  cairo_surface_t *s = cairo_image_surface_create_from_png_stream(cairo_read, &r);
  g_assert_cmpint(cairo_surface_status(s), ==, CAIRO_STATUS_SUCCESS);
  gsize size = (gsize)cairo_image_surface_get_stride(s) * (gsize)cairo_image_surface_get_height(s);
  GBytes *b = g_bytes_new(cairo_image_surface_get_data(s), size);
  cairo_surface_destroy(s);
  return b;
}

static void check_same_pixels(cairo_format_t format, gboolean opaque)
{
  cairo_surface_t *s = test_surface(format, opaque);
  GByteArray *ours = g_byte_array_new(), *cairos = g_byte_array_new();
  GError *error = NULL;
  g_assert_true(png_encode_surface(s, append, ours, &error));
  g_assert_no_error(error);
  g_assert_cmpint(cairo_surface_write_to_png_stream(s, cairo_append, cairos), ==,
                  CAIRO_STATUS_SUCCESS);
  int type_ours = -1, type_cairo = -2;
  GBytes *a = decode(ours, &type_ours), *b = decode(cairos, &type_cairo);
  g_assert_cmpint(type_ours, ==, type_cairo);
  g_assert_cmpint(type_ours, ==, opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA);
  g_assert_true(g_bytes_equal(a, b));
  GBytes *c = cairo_pixels(ours), *d = cairo_pixels(cairos);
  g_assert_true(g_bytes_equal(c, d));
  g_bytes_unref(a);
  g_bytes_unref(b);
  g_bytes_unref(c);
  g_bytes_unref(d);
  g_byte_array_unref(ours);
  g_byte_array_unref(cairos);
  cairo_surface_destroy(s);
}

static void test_opaque(void)
{
  check_same_pixels(CAIRO_FORMAT_ARGB32, TRUE);
}

static void test_alpha(void)
{
  check_same_pixels(CAIRO_FORMAT_ARGB32, FALSE);
}

static void test_rgb24(void)
{
  check_same_pixels(CAIRO_FORMAT_RGB24, TRUE);
}

static gboolean refuse_after(gpointer closure, const guint8 *data, gsize len)
{
  (void)data;
  gsize *budget = closure;
  if (len > *budget)
    return FALSE;
  *budget -= len;
  return TRUE;
}

static void test_sink_refuses(void)
{
  cairo_surface_t *s = test_surface(CAIRO_FORMAT_ARGB32, FALSE);
  for (gsize at = 0; at < 200; at += 37) {
    gsize budget = at;
    GError *error = NULL;
    g_assert_false(png_encode_surface(s, refuse_after, &budget, &error));
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
    g_assert_nonnull(strstr(error->message, "error while writing"));
    g_clear_error(&error);
  }
  cairo_surface_destroy(s);
}

static void test_not_an_image(void)
{
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 10, 10);
  GByteArray *out = g_byte_array_new();
  GError *error = NULL;
  g_assert_false(png_encode_surface(s, append, out, &error));
  g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_clear_error(&error);
  g_assert_cmpuint(out->len, ==, 0);
  g_byte_array_unref(out);
  cairo_surface_destroy(s);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/png_encode/opaque-like-cairo", test_opaque);
  g_test_add_func("/png_encode/alpha-like-cairo", test_alpha);
  g_test_add_func("/png_encode/rgb24-like-cairo", test_rgb24);
  g_test_add_func("/png_encode/sink-refuses", test_sink_refuses);
  g_test_add_func("/png_encode/not-an-image", test_not_an_image);
  return g_test_run();
}
