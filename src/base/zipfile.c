/* zipfile: listing and extracting the members of an in-memory zip archive with libarchive
 * (zipfile.h). Each call opens the archive afresh: archives are small next to the cost of
 * decompressing members nobody asked for, and no state outlives a call.
 *
 * libarchive is opened here, the first time an archive is read, rather than linked: with
 * what it brings (libxml2, ICU, libstdc++, nettle, acl, five compressors) it cost every run
 * some 10 million instructions of loading and relocation, and only a zip (a LinkedIn or
 * ORCID download) needs it. dlopen itself, not GModule: given a bare SONAME, g_module_open
 * (GLib 2.74) looks in the working directory for NAME.la and loads the library that
 * libtool file names, which would run the code of whoever wrote into the folder
 * cvtimeline was started in. */
#include "zipfile.h"

#include <archive.h>
#include <archive_entry.h>
#include <dlfcn.h>
#include <string.h>

/* The libarchive functions this file calls, as archive.h declares them: name, return
 * type, parameters. Each gets a pointer in `la`, and a check that its type is the
 * header's (archive.h's own declarations are only read, never linked to). */
#define LIBARCHIVE_FUNCTIONS(X)                                                                    \
  X(archive_read_new, struct archive *, (void))                                                    \
  X(archive_read_support_format_zip, int, (struct archive *))                                      \
  X(archive_read_open_memory, int, (struct archive *, const void *, size_t))                       \
  X(archive_read_next_header, int, (struct archive *, struct archive_entry **))                    \
  X(archive_read_data, la_ssize_t, (struct archive *, void *, size_t))                             \
  X(archive_read_free, int, (struct archive *))                                                    \
  X(archive_error_string, const char *, (struct archive *))                                        \
  X(archive_entry_pathname, const char *, (struct archive_entry *))                                \
  X(archive_entry_size, la_int64_t, (struct archive_entry *))                                      \
  X(archive_entry_size_is_set, int, (struct archive_entry *))                                      \
  X(archive_entry_filetype, __LA_MODE_T, (struct archive_entry *))

#define LA_POINTER(name, ret, params) ret(*name) params;
static struct {
  LIBARCHIVE_FUNCTIONS(LA_POINTER)
} la;
#undef LA_POINTER

/* (_Generic's operand is not evaluated: no reference to the symbol reaches the linker.) */
#define LA_SAME_TYPE(name, ret, params)                                                            \
  _Static_assert(_Generic(&name, ret(*) params : 1, default : 0), #name " as archive.h has it");
LIBARCHIVE_FUNCTIONS(LA_SAME_TYPE)
#undef LA_SAME_TYPE

/* Opens the library and fills `la`; NULL, or why it cannot (a message for the user, kept
 * for the life of the process like the library). Run once, through g_once. */
static gpointer libarchive_open(gpointer unused)
{
  (void)unused;
  /* CVT_TEST_LIBARCHIVE (a test hook) opens another library, or one that does not exist,
   * so that the tests can see what a machine without libarchive says. */
  const char *name = g_getenv("CVT_TEST_LIBARCHIVE");
  if (name == NULL)
    name = CVT_LIBARCHIVE_SONAME; /* meson.build: the SONAME of the libarchive built against */
  void *lib = dlopen(name, RTLD_LAZY | RTLD_LOCAL);
  if (lib == NULL) {
    /* dlerror starts with the name, which the message already gives. */
    const char *reason = dlerror();
    gsize n = strlen(name);
    if (reason == NULL)
      reason = "unknown error";
    else if (strncmp(reason, name, n) == 0 && strncmp(reason + n, ": ", 2) == 0)
      reason += n + 2;
    return g_strdup_printf("zip archives need libarchive (%s): %s", name, reason);
  }
  void *sym;
#define LA_RESOLVE(fn, ret, params)                                                                \
  if ((sym = dlsym(lib, #fn)) == NULL) {                                                           \
    dlclose(lib);                                                                                  \
    return g_strdup_printf("zip archives need libarchive (%s): it has no %s", name, #fn);          \
  }                                                                                                \
  la.fn = (ret(*) params)sym;
  LIBARCHIVE_FUNCTIONS(LA_RESOLVE)
#undef LA_RESOLVE
  return NULL; /* (never closed: the functions are used until the process ends) */
}

/* TRUE when libarchive's functions are in `la`, opening it the first time; FALSE with
 * @error set otherwise. Safe from any thread. */
static gboolean libarchive_ready(GError **error)
{
  static GOnce once = G_ONCE_INIT;
  const char *failure = g_once(&once, libarchive_open, NULL);
  if (failure != NULL) {
    g_set_error_literal(error, G_FILE_ERROR, G_FILE_ERROR_NOSYS, failure);
    return FALSE;
  }
  return TRUE;
}

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

/* What libarchive says went wrong with @a. */
static const char *archive_reason(struct archive *a)
{
  const char *reason = la.archive_error_string(a);
  return reason != NULL ? reason : "unknown error";
}

static struct archive *zipfile_open(const char *data, gsize len, GError **error)
{
  if (!libarchive_ready(error))
    return NULL;
  struct archive *a = la.archive_read_new();
  la.archive_read_support_format_zip(a);
  if (la.archive_read_open_memory(a, data, len) != ARCHIVE_OK) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "not a readable zip archive: %s",
                archive_reason(a));
    la.archive_read_free(a);
    return NULL;
  }
  return a;
}

/* Moves to the next regular file; FALSE at the end (with @error set when the archive is
 * broken). */
static gboolean zipfile_next_file(struct archive *a, struct archive_entry **entry, GError **error)
{
  for (;;) {
    int r = la.archive_read_next_header(a, entry);
    if (r == ARCHIVE_EOF)
      return FALSE;
    if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
      g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "not a readable zip archive: %s",
                  archive_reason(a));
      return FALSE;
    }
    if (la.archive_entry_filetype(*entry) == AE_IFREG)
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
    const char *path = la.archive_entry_pathname(entry);
    ZipfileMember *m = g_new0(ZipfileMember, 1);
    /* Names in old archives are in whatever code page the zipper used. */
    m->path = g_utf8_make_valid(path != NULL ? path : "", -1);
    m->size = la.archive_entry_size_is_set(entry) ? la.archive_entry_size(entry) : -1;
    g_ptr_array_add(out, m);
  }
  la.archive_read_free(a);
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
      la_ssize_t n = la.archive_read_data(a, chunk, sizeof chunk);
      if (n == 0)
        break;
      if (n < 0) {
        g_set_error(&err, G_FILE_ERROR, G_FILE_ERROR_INVAL, "cannot read from the archive: %s",
                    archive_reason(a));
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
  la.archive_read_free(a);
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
