/* zipfile: the members of a zip archive held in memory (a LinkedIn data export is one),
 * read through libarchive; the only module that includes archive.h. No I/O: the caller
 * gives the bytes. Only the zip format is enabled, and every member is capped. */
#pragma once

#include <glib.h>

typedef struct {
  char *path;  /* as stored in the archive ("Positions.csv", "Jobs/Saved Jobs.csv"); valid UTF-8 */
  gint64 size; /* uncompressed size from the header, or -1 when it does not say */
} ZipfileMember;

/* TRUE when @data starts with a zip signature (a local file header or an empty
 * archive's end record). */
gboolean zipfile_is_zip(const char *data, gsize len);

/* The regular files of the archive in @data, in archive order, as a new array of
 * ZipfileMember* owned by the caller (freeing the array frees them). NULL with @error set
 * ("not a readable zip archive: REASON", "more than N members") when the archive cannot be
 * listed. Directories, links and other special members are left out. */
GPtrArray *zipfile_list(const char *data, gsize len, guint max_members, GError **error);

/* The bytes of the @index-th regular file (as zipfile_list numbers them) as a new
 * NUL-terminated buffer owned by the caller, its length in *@len_out. NULL with @error set
 * when it cannot be read (encrypted, broken, or larger than @max_bytes: "larger than N
 * MiB"). */
char *zipfile_extract(const char *data, gsize len, guint index, gsize max_bytes, gsize *len_out,
                      GError **error);
