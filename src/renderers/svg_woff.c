/* svg_woff: sfnt to WOFF 1.0 (https://www.w3.org/TR/WOFF/): the same tables, each
 * zlib-compressed where that makes it smaller, behind a 44-byte header and a directory. */
#include "svg_woff.h"

#include <string.h>
#include <zlib.h>

#define WOFF_HEADER 44
#define WOFF_ENTRY 20
#define SFNT_HEADER 12
#define SFNT_ENTRY 16

typedef struct {
  guint32 tag, checksum, offset, length;
} Table;

static guint32 get32(const guint8 *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

static void put32(GByteArray *out, gsize at, guint32 v)
{
  guint8 *p = out->data + at;
  p[0] = (guint8)(v >> 24);
  p[1] = (guint8)(v >> 16);
  p[2] = (guint8)(v >> 8);
  p[3] = (guint8)v;
}

static void put16(GByteArray *out, gsize at, guint16 v)
{
  out->data[at] = (guint8)(v >> 8);
  out->data[at + 1] = (guint8)v;
}

static gint compare_tags(gconstpointer a, gconstpointer b)
{
  guint32 x = ((const Table *)a)->tag, y = ((const Table *)b)->tag;
  return x < y ? -1 : x > y;
}

/* Pads @out with zeros to a multiple of 4 bytes. */
static void pad4(GByteArray *out)
{
  static const guint8 zeros[3] = {0};
  if (out->len % 4)
    g_byte_array_append(out, zeros, 4 - out->len % 4);
}

GBytes *svg_woff_from_sfnt(GBytes *sfnt)
{
  gsize len;
  const guint8 *data = g_bytes_get_data(sfnt, &len);
  if (len < SFNT_HEADER)
    return NULL;
  guint n = (guint)data[4] << 8 | data[5];
  if (n == 0 || n > 256 || len < SFNT_HEADER + (gsize)n * SFNT_ENTRY)
    return NULL;
  Table *tables = g_new(Table, n);
  guint32 sfnt_size = SFNT_HEADER + n * SFNT_ENTRY;
  for (guint i = 0; i < n; i++) {
    const guint8 *e = data + SFNT_HEADER + i * SFNT_ENTRY;
    tables[i] = (Table){get32(e), get32(e + 4), get32(e + 8), get32(e + 12)};
    if (tables[i].offset > len || tables[i].length > len - tables[i].offset) {
      g_free(tables);
      return NULL;
    }
    sfnt_size += (tables[i].length + 3) & ~3u;
  }
  /* The directory is sorted by tag (the sfnt's usually is already). */
  qsort(tables, n, sizeof *tables, compare_tags);
  GByteArray *out = g_byte_array_sized_new((guint)len);
  g_byte_array_set_size(out, WOFF_HEADER + n * WOFF_ENTRY);
  memset(out->data, 0, out->len);
  memcpy(out->data, "wOFF", 4);
  memcpy(out->data + 4, data, 4); /* flavor: the sfnt's version, 0x00010000 or 'OTTO' */
  put16(out, 12, (guint16)n);
  put32(out, 16, sfnt_size);
  for (guint i = 0; i < n; i++) {
    const Table *t = &tables[i];
    uLongf clen = compressBound(t->length);
    guint8 *z = g_malloc(clen);
    gboolean packed =
        compress2(z, &clen, data + t->offset, t->length, Z_BEST_COMPRESSION) == Z_OK &&
        clen < t->length;
    gsize at = out->len;
    if (packed)
      g_byte_array_append(out, z, (guint)clen);
    else
      g_byte_array_append(out, data + t->offset, t->length);
    g_free(z);
    gsize entry = WOFF_HEADER + i * WOFF_ENTRY;
    put32(out, entry, t->tag);
    put32(out, entry + 4, (guint32)at);
    put32(out, entry + 8, packed ? (guint32)clen : t->length);
    put32(out, entry + 12, t->length);
    put32(out, entry + 16, t->checksum);
    pad4(out);
  }
  put32(out, 8, out->len);
  g_free(tables);
  return g_byte_array_free_to_bytes(out);
}
