/* output: writes the rendered bytes (spec/cli.md, the paragraph on atomic replacement).
 * A regular file is replaced through a temporary file in the same folder, synced, then
 * renamed over it; "-" and devices (/dev/stdout, a FIFO) are written in place. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A short reason for @err, worded for a user (g_strerror's wording varies by libc). */
static const char *reason(int err)
{
  switch (err) {
  case ENOSPC:
    return "no space left on device";
#ifdef EDQUOT
  case EDQUOT:
    return "disk quota exceeded";
#endif
  case EACCES:
  case EPERM:
    return "permission denied";
  case EROFS:
    return "read-only file system";
  case EPIPE:
    return "the reader closed the pipe";
  default:
    return g_strerror(err);
  }
}

/* Sets @error to "WHERE: REASON" (WHERE formatted from @fmt) and returns FALSE. */
static gboolean fail(GError **error, int err, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
static gboolean fail(GError **error, int err, const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  char *where = g_strdup_vprintf(fmt, args);
  va_end(args);
  g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err), "%s: %s", where, reason(err));
  g_free(where);
  return FALSE;
}

/* Writes all of @data to @fd, through short writes and interruptions; errno on failure. */
static gboolean write_all(int fd, const guint8 *data, gsize len)
{
  while (len > 0) {
    ssize_t n = write(fd, data, MIN(len, (gsize)G_MAXSSIZE));
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return FALSE;
    }
    if (n == 0) {
      errno = ENOSPC; /* no progress and no error: a full device */
      return FALSE;
    }
    data += n;
    len -= (gsize)n;
  }
  return TRUE;
}

static gboolean write_stdout(const guint8 *bytes, gsize len, GError **error)
{
  /* Anything buffered in stdio must come first (nothing is, in practice). */
  fflush(stdout);
  if (!write_all(STDOUT_FILENO, bytes, len))
    return fail(error, errno, "could not write to %s", "standard output");
  return TRUE;
}

/* Writes into an existing non-regular file (a character device, a FIFO): renaming over
 * it would replace the device node, and there is nothing to keep atomic anyway. */
static gboolean write_in_place(const char *path, const guint8 *bytes, gsize len,
                               GError **error)
{
  int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return fail(error, errno, "could not open '%s'", path);
  if (!write_all(fd, bytes, len)) {
    int err = errno;
    close(fd);
    return fail(error, err, "could not write '%s'", path);
  }
  if (close(fd) != 0)
    return fail(error, errno, "could not write '%s'", path);
  return TRUE;
}

/* The permissions for the new file: those of the file it replaces, else what a newly
 * created file gets (0666 less the umask), since mkstemp makes it 0600. */
static mode_t new_mode(const struct stat *existing, gboolean exists)
{
  if (exists)
    return existing->st_mode & 07777;
  mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

/* Opens a fresh temporary file "DIR/.NAME.XXXXXX" beside @target. */
static int open_temp(const char *target, char **tmp_out, GError **error)
{
  char *dir = g_path_get_dirname(target);
  char *base = g_path_get_basename(target);
  char *tmpl = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
  int fd = mkstemp(tmpl);
  if (fd < 0) {
    int err = errno;
    struct stat st;
    /* ENOENT also comes from folders that exist but take no new files (/proc). */
    if (err == ENOENT && stat(dir, &st) != 0)
      g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                  "could not write '%s': the folder '%s' does not exist", target, dir);
    else if (err == ENOTDIR || (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)))
      g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR,
                  "could not write '%s': '%s' is not a folder", target, dir);
    else
      fail(error, err, "could not create a file in the folder '%s'", dir);
    g_free(tmpl);
    tmpl = NULL;
  } else {
    fcntl(fd, F_SETFD, FD_CLOEXEC);
  }
  g_free(dir);
  g_free(base);
  *tmp_out = tmpl;
  return fd;
}

/* Makes the temporary file durable and gives it its final permissions. */
static gboolean finish_temp(int fd, const char *shown, mode_t mode, GError **error)
{
  if (fsync(fd) != 0 && errno != EINVAL)
    return fail(error, errno, "could not write '%s'", shown);
  if (fchmod(fd, mode) != 0)
    return fail(error, errno, "could not set the permissions of '%s'", shown);
  return TRUE;
}

/* Makes the rename durable too; best effort, since the file itself is already complete. */
static void sync_dir(const char *target)
{
  char *dir = g_path_get_dirname(target);
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
  g_free(dir);
}

/* --- Writing in pieces --- */

/* Small writes (Cairo's SVG header comes in pieces of a few bytes) are gathered; large
 * ones go straight to the file. */
#define OUTPUT_BUFFER (64 * 1024)

typedef enum {
  OUT_UNSTARTED, /* nothing looked at yet */
  OUT_MEMORY,    /* standard output or a device: gathered, written by output_commit */
  OUT_TEMP,      /* a regular file: a temporary file beside it */
  OUT_FAILED,    /* error is set */
} OutState;

struct OutputFile {
  OutState state;
  char *path;      /* as the user wrote it, for messages */
  char *target;    /* the file to replace or write (through symbolic links) */
  gboolean is_stdout;
  GByteArray *mem; /* OUT_MEMORY */
  int fd;          /* OUT_TEMP */
  char *tmp;
  mode_t mode;
  guint8 *buf;
  gsize used;
  GError *error;
};

OutputFile *output_open(const char *path)
{
  g_return_val_if_fail(path != NULL, NULL);
  OutputFile *out = g_new0(OutputFile, 1);
  out->path = g_strdup(path);
  out->fd = -1;
  return out;
}

/* Looks at the path and opens the temporary file: done at the first byte, not at
 * output_open, so that a failed render finds nothing to clean up and reports its own
 * error first, as when the whole file was rendered before anything was opened. */
static gboolean output_start(OutputFile *out)
{
  if (strcmp(out->path, "-") == 0) {
    out->is_stdout = TRUE;
    out->mem = g_byte_array_new();
    out->state = OUT_MEMORY;
    return TRUE;
  }
  out->state = OUT_FAILED;
  if (out->path[0] == '\0') {
    g_set_error(&out->error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "the output file name is empty");
    return FALSE;
  }
  /* Through a symbolic link, replace the file it points to and keep the link. */
  char *real = realpath(out->path, NULL);
  out->target = g_strdup(real != NULL ? real : out->path);
  free(real);
  struct stat st;
  gboolean exists = stat(out->target, &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    g_set_error(&out->error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                "could not write '%s': it is a folder", out->path);
    return FALSE;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    /* A device or a FIFO: written in place, and only once everything is there. */
    out->mem = g_byte_array_new();
    out->state = OUT_MEMORY;
    return TRUE;
  }
  out->fd = open_temp(out->target, &out->tmp, &out->error);
  if (out->fd < 0)
    return FALSE;
  out->mode = new_mode(&st, exists);
  out->buf = g_malloc(OUTPUT_BUFFER);
  out->state = OUT_TEMP;
  return TRUE;
}

/* Writes the gathered bytes to the temporary file. */
static gboolean flush_temp(OutputFile *out)
{
  if (out->used > 0 && !write_all(out->fd, out->buf, out->used)) {
    out->state = OUT_FAILED;
    return fail(&out->error, errno, "could not write '%s'", out->path);
  }
  out->used = 0;
  return TRUE;
}

gboolean output_append(OutputFile *out, const void *data, gsize len)
{
  if (out->state == OUT_UNSTARTED && !output_start(out))
    return FALSE;
  switch (out->state) {
  case OUT_MEMORY:
    g_byte_array_append(out->mem, data, (guint)len);
    return TRUE;
  case OUT_TEMP:
    if (out->used + len <= OUTPUT_BUFFER) {
      memcpy(out->buf + out->used, data, len);
      out->used += len;
      return TRUE;
    }
    if (!flush_temp(out))
      return FALSE;
    if (len < OUTPUT_BUFFER) {
      memcpy(out->buf, data, len);
      out->used = len;
      return TRUE;
    }
    if (!write_all(out->fd, data, len)) {
      out->state = OUT_FAILED;
      return fail(&out->error, errno, "could not write '%s'", out->path);
    }
    return TRUE;
  case OUT_UNSTARTED:
  case OUT_FAILED:
    break;
  }
  return FALSE;
}

const GError *output_error(const OutputFile *out)
{
  return out->error;
}

static void output_free(OutputFile *out)
{
  if (out->fd >= 0)
    close(out->fd);
  if (out->tmp != NULL)
    unlink(out->tmp); /* still there only when the rename did not happen */
  if (out->mem != NULL)
    g_byte_array_unref(out->mem);
  g_clear_error(&out->error);
  g_free(out->tmp);
  g_free(out->buf);
  g_free(out->target);
  g_free(out->path);
  g_free(out);
}

/* Completes the temporary file and renames it over the target. */
static gboolean commit_temp(OutputFile *out, GError **error)
{
  gboolean ok = flush_temp(out);
  if (!ok) {
    g_propagate_error(error, g_steal_pointer(&out->error));
    return FALSE;
  }
  ok = finish_temp(out->fd, out->path, out->mode, error);
  int fd = out->fd;
  out->fd = -1;
  if (close(fd) != 0 && ok)
    ok = fail(error, errno, "could not write '%s'", out->path);
  if (ok && rename(out->tmp, out->target) != 0)
    ok = fail(error, errno, "could not replace '%s'", out->path);
  if (ok) {
    g_clear_pointer(&out->tmp, g_free);
    sync_dir(out->target);
  }
  return ok;
}

gboolean output_commit(OutputFile *out, GError **error)
{
  if (out->state == OUT_UNSTARTED)
    output_start(out);
  gboolean ok = FALSE;
  if (out->state == OUT_TEMP)
    ok = commit_temp(out, error);
  else if (out->state == OUT_MEMORY && out->is_stdout)
    ok = write_stdout(out->mem->data, out->mem->len, error);
  else if (out->state == OUT_MEMORY)
    ok = write_in_place(out->target, out->mem->data, out->mem->len, error);
  else
    g_propagate_error(error, g_steal_pointer(&out->error));
  output_free(out);
  return ok;
}

void output_abort(OutputFile *out)
{
  if (out != NULL)
    output_free(out);
}

gboolean output_write(const char *path, GBytes *data, GError **error)
{
  g_return_val_if_fail(path != NULL && data != NULL, FALSE);
  gsize len;
  const guint8 *bytes = g_bytes_get_data(data, &len);
  OutputFile *out = output_open(path);
  if (!output_append(out, bytes, len)) {
    g_propagate_error(error, g_steal_pointer(&out->error));
    output_abort(out);
    return FALSE;
  }
  return output_commit(out, error);
}
