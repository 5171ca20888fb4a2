/* A zip archive written in memory with libarchive, for the tests of readers that take
 * archives (a LinkedIn data export). Header-only, like testutil.h. */
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <glib.h>
#include <string.h>

/* A zip of @n members given as path, text, path, text, ... (a path ending in '/' is a
 * folder). The caller frees the bytes. */
static inline GBytes *test_make_zip(const char *const *members, guint n)
{
  gsize cap = 1 << 20, used = 0;
  char *buf = g_malloc(cap);
  struct archive *a = archive_write_new();
  archive_write_set_format_zip(a);
  g_assert_cmpint(archive_write_open_memory(a, buf, cap, &used), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++) {
    const char *path = members[2 * i], *text = members[2 * i + 1];
    struct archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, path);
    gboolean dir = g_str_has_suffix(path, "/");
    archive_entry_set_filetype(e, dir ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, dir ? 0 : (la_int64_t)strlen(text));
    archive_write_header(a, e);
    if (!dir)
      archive_write_data(a, text, strlen(text));
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return g_bytes_new_take(buf, used);
}
