/* zipfile: the members of a zip archive held in memory (a LinkedIn data export is one),
 * read through libarchive, which it opens the first time an archive is read (cvtimeline
 * does not link it); the only module that includes archive.h. No I/O: the caller gives
 * the bytes. Only the zip format is enabled, and every member is capped. Any thread may
 * call it. */
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
 * ("not a readable zip archive: REASON", "more than N members", or "zip archives need
 * libarchive (SONAME): REASON" when the library cannot be opened) when the archive cannot
 * be listed. Directories, links and other special members are left out. */
GPtrArray *zipfile_list(const char *data, gsize len, guint max_members, GError **error);

/* The bytes of the @index-th regular file (as zipfile_list numbers them) as a new
 * NUL-terminated buffer owned by the caller, its length in *@len_out. NULL with @error set
 * when it cannot be read (encrypted, broken, larger than @max_bytes: "larger than N MiB",
 * or no libarchive, as for zipfile_list). */
char *zipfile_extract(const char *data, gsize len, guint index, gsize max_bytes, gsize *len_out,
                      GError **error);
