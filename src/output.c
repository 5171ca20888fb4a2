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

static gboolean write_stdout(GBytes *data, GError **error)
{
  gsize len;
  const guint8 *bytes = g_bytes_get_data(data, &len);
  /* Anything buffered in stdio must come first (nothing is, in practice). */
  fflush(stdout);
  if (!write_all(STDOUT_FILENO, bytes, len))
    return fail(error, errno, "could not write to %s", "standard output");
  return TRUE;
}

/* Writes into an existing non-regular file (a character device, a FIFO): renaming over
 * it would replace the device node, and there is nothing to keep atomic anyway. */
static gboolean write_in_place(const char *path, GBytes *data, GError **error)
{
  gsize len;
  const guint8 *bytes = g_bytes_get_data(data, &len);
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

/* Fills the temporary file, makes it durable and gives it its final permissions. */
static gboolean fill_temp(int fd, const char *shown, GBytes *data, mode_t mode, GError **error)
{
  gsize len;
  const guint8 *bytes = g_bytes_get_data(data, &len);
  if (!write_all(fd, bytes, len))
    return fail(error, errno, "could not write '%s'", shown);
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

/* Replaces @target (@shown names it in messages: the path as the user wrote it). */
static gboolean write_atomic(const char *target, const char *shown, const struct stat *st,
                             gboolean exists, GBytes *data, GError **error)
{
  char *tmp = NULL;
  int fd = open_temp(target, &tmp, error);
  if (fd < 0)
    return FALSE;
  gboolean ok = fill_temp(fd, shown, data, new_mode(st, exists), error);
  if (close(fd) != 0 && ok)
    ok = fail(error, errno, "could not write '%s'", shown);
  if (ok && rename(tmp, target) != 0)
    ok = fail(error, errno, "could not replace '%s'", shown);
  if (!ok)
    unlink(tmp);
  else
    sync_dir(target);
  g_free(tmp);
  return ok;
}

gboolean output_write(const char *path, GBytes *data, GError **error)
{
  g_return_val_if_fail(path != NULL && data != NULL, FALSE);
  if (strcmp(path, "-") == 0)
    return write_stdout(data, error);
  if (path[0] == '\0') {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "the output file name is empty");
    return FALSE;
  }
  /* Through a symbolic link, replace the file it points to and keep the link. */
  char *real = realpath(path, NULL);
  const char *target = real != NULL ? real : path;
  struct stat st;
  gboolean exists = stat(target, &st) == 0;
  gboolean ok;
  if (exists && S_ISDIR(st.st_mode)) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "could not write '%s': it is a folder",
                path);
    ok = FALSE;
  } else if (exists && !S_ISREG(st.st_mode)) {
    ok = write_in_place(target, data, error);
  } else {
    ok = write_atomic(target, path, &st, exists, data, error);
  }
  free(real);
  return ok;
}
