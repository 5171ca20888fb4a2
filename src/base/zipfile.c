/* zipfile: listing and extracting the members of an in-memory zip archive with libarchive
 * (zipfile.h). Each call opens the archive afresh: archives are small next to the cost of
 * decompressing members nobody asked for, and no state outlives a call. */
#include "zipfile.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

gboolean zipfile_is_zip(const char *data, gsize len)
{
  return len >= 4 && data[0] == 'P' && data[1] == 'K' &&
         ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6));
}

static void member_free(gpointer p)
{
  ZipfileMember *m = p;
  g_free(m->path);
  g_free(m);
}

static struct archive *zipfile_open(const char *data, gsize len, GError **error)
{
  struct archive *a = archive_read_new();
  archive_read_support_format_zip(a);
  if (archive_read_open_memory(a, data, len) != ARCHIVE_OK) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "not a readable zip archive: %s",
                archive_error_string(a) ? archive_error_string(a) : "unknown error");
    archive_read_free(a);
    return NULL;
  }
  return a;
}

/* Moves to the next regular file; FALSE at the end (with @error set when the archive is
 * broken). */
static gboolean zipfile_next_file(struct archive *a, struct archive_entry **entry, GError **error)
{
  for (;;) {
    int r = archive_read_next_header(a, entry);
    if (r == ARCHIVE_EOF)
      return FALSE;
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
      g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "not a readable zip archive: %s",
                  archive_error_string(a) ? archive_error_string(a) : "unknown error");
      return FALSE;
    }
    if (archive_entry_filetype(*entry) == AE_IFREG)
      return TRUE;
  }
}

GPtrArray *zipfile_list(const char *data, gsize len, guint max_members, GError **error)
{
  struct archive *a = zipfile_open(data, len, error);
  if (a == NULL)
    return NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func(member_free);
  struct archive_entry *entry;
  GError *err = NULL;
  while (zipfile_next_file(a, &entry, &err)) {
    if (out->len >= max_members) {
      g_set_error(&err, G_FILE_ERROR, G_FILE_ERROR_INVAL, "more than %u members", max_members);
      break;
    }
    const char *path = archive_entry_pathname(entry);
    ZipfileMember *m = g_new0(ZipfileMember, 1);
    /* Names in old archives are in whatever code page the zipper used. */
    m->path = g_utf8_make_valid(path != NULL ? path : "", -1);
    m->size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
    g_ptr_array_add(out, m);
  }
  archive_read_free(a);
  if (err != NULL) {
    g_propagate_error(error, err);
    g_ptr_array_unref(out);
    return NULL;
  }
  return out;
}

char *zipfile_extract(const char *data, gsize len, guint index, gsize max_bytes, gsize *len_out,
                      GError **error)
{
  struct archive *a = zipfile_open(data, len, error);
  if (a == NULL)
    return NULL;
  struct archive_entry *entry;
  GError *err = NULL;
  guint at = 0;
  gboolean found = FALSE;
  while (!found && zipfile_next_file(a, &entry, &err))
    found = at++ == index;
  GByteArray *buf = NULL;
  if (found) {
    buf = g_byte_array_new();
    char chunk[16384];
    for (;;) {
      la_ssize_t n = archive_read_data(a, chunk, sizeof chunk);
      if (n == 0)
        break;
      if (n < 0) {
        g_set_error(&err, G_FILE_ERROR, G_FILE_ERROR_INVAL, "cannot read from the archive: %s",
                    archive_error_string(a) ? archive_error_string(a) : "unknown error");
        break;
      }
      /* The header's size may lie (or be absent): the cap is on what comes out. */
      if (buf->len + (gsize)n > max_bytes) {
        g_set_error(&err, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "larger than %" G_GSIZE_FORMAT " MiB",
                    max_bytes / (1024 * 1024));
        break;
      }
      g_byte_array_append(buf, (const guint8 *)chunk, (guint)n);
    }
  } else if (err == NULL) {
    g_set_error(&err, G_FILE_ERROR, G_FILE_ERROR_NOENT, "no member %u in the archive", index);
  }
  archive_read_free(a);
  if (err != NULL) {
    g_propagate_error(error, err);
    if (buf != NULL)
      g_byte_array_unref(buf);
    return NULL;
  }
  *len_out = buf->len;
  g_byte_array_append(buf, (const guint8 *)"", 1);
  return (char *)g_byte_array_free(buf, FALSE);
}
