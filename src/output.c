/* output: writes the rendered bytes (doc/cli.md on atomic replacement; doc/cvtimeline.1,
 * OUTPUT, for the rules). A regular file is replaced through a temporary file in its
 * folder, renamed over it when complete; FIFOs, terminals and /dev/null are written in
 * place. The path is looked up by hand, one name at a time, so that symbolic links obey
 * the kernel's sticky-folder rules whatever the system's settings, and the temporary file
 * has no name until the rename, so that no signal can leave it behind. */
#include "output.h"

#include "sysio.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/magic.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#define MAX_LINKS 40    /* symbolic links on one path, as the kernel allows */
#define FIFO_RETRY_MS 10 /* between looks for a FIFO's reader */

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
  case EFBIG:
    return "file too large";
  case ELOOP:
    return "too many levels of symbolic links";
  case ETIMEDOUT:
    return "the reader stopped reading (CVTIMELINE_PIPE_TIMEOUT sets how long to wait)";
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

/* Writes all of @data to @fd, through short writes, interruptions and full pipes (waited
 * on within the limit); errno on failure. With @bounded (a pipe or socket that may block,
 * such as standard output), each write waits first and writes at most PIPE_BUF, which a
 * pipe that polls writable always takes at once: a reader that never reads cannot hold
 * the run for longer than the limit. */
static gboolean write_all(int fd, const guint8 *data, gsize len, gboolean bounded)
{
  while (len > 0) {
    int ready = bounded ? sysio_wait_output(fd) : 1;
    if (ready == 0)
      errno = ETIMEDOUT;
    if (ready <= 0)
      return FALSE;
    ssize_t n = write(fd, data, MIN(len, bounded ? (gsize)PIPE_BUF : (gsize)G_MAXSSIZE));
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && !bounded) {
      bounded = TRUE; /* a non-blocking FIFO or device: wait for room */
      continue;
    }
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
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

/* Whether writes to @fd may block for as long as its reader likes. */
static gboolean may_block(int fd)
{
  struct stat st;
  return fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
}

static gboolean write_stdout(const guint8 *bytes, gsize len, GError **error)
{
  /* Anything buffered in stdio must come first (nothing is, in practice). */
  fflush(stdout);
  if (!write_all(STDOUT_FILENO, bytes, len, may_block(STDOUT_FILENO)))
    return fail(error, errno, "could not write to %s", "standard output");
  return TRUE;
}

/* --- Looking the path up --- */

typedef enum {
  TARGET_NEW,     /* nothing there yet */
  TARGET_FILE,    /* a regular file, to be replaced */
  TARGET_SPECIAL, /* a FIFO or a device, written in place */
  TARGET_PROC,    /* reached through a link of procfs (/dev/stdout): written in place,
                   * the kernel following the link */
} TargetKind;

typedef struct {
  int dir;         /* O_PATH descriptor of the folder that holds the target */
  char *name;      /* the target's name in it (no '/') */
  GString *folder; /* that folder as text, for messages */
  TargetKind kind;
  struct stat st; /* of the target when it exists */
} Target;

/* The target's folder for messages. */
static const char *folder_shown(const Target *t)
{
  return t->folder->len ? t->folder->str : ".";
}

static void target_clear(Target *t)
{
  if (t->dir >= 0)
    close(t->dir);
  t->dir = -1;
  g_clear_pointer(&t->name, g_free);
  if (t->folder != NULL)
    g_string_free(t->folder, TRUE);
  t->folder = NULL;
}

/* Pushes the names of @path onto the front of @todo, in order. A trailing '/' adds ".":
 * the name before it must be a folder. */
static void push_names(GQueue *todo, const char *path)
{
  char **parts = g_strsplit(path, "/", -1);
  guint n = g_strv_length(parts);
  if (n > 1 && parts[n - 1][0] == '\0')
    g_queue_push_head(todo, g_strdup("."));
  for (guint i = n; i-- > 0;)
    if (parts[i][0] != '\0')
      g_queue_push_head(todo, g_strdup(parts[i]));
  g_strfreev(parts);
}

/* "FOLDER/NAME" for messages. */
static char *folder_join(const GString *folder, const char *name)
{
  if (folder->len == 0)
    return g_strdup(name);
  return g_strconcat(folder->str, folder->str[folder->len - 1] == '/' ? "" : "/", name, NULL);
}

static void folder_enter(GString *folder, const char *name)
{
  if (strcmp(name, ".") == 0)
    return;
  char *joined = folder_join(folder, name);
  g_string_assign(folder, joined);
  g_free(joined);
}

/* Moves @t to the folder @name of its folder (@follow: even through a symbolic link,
 * which only procfs's are), or to "/" when @name is NULL. */
static gboolean enter(Target *t, const char *name, gboolean follow)
{
  int flags = O_PATH | O_DIRECTORY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW);
  int next = name != NULL ? openat(t->dir, name, flags) : open("/", flags);
  if (next < 0)
    return FALSE;
  close(t->dir);
  t->dir = next;
  if (name != NULL)
    folder_enter(t->folder, name);
  else
    g_string_assign(t->folder, "/");
  return TRUE;
}

static gboolean on_procfs(int dir)
{
  struct statfs fs;
  return fstatfs(dir, &fs) == 0 && fs.f_type == PROC_SUPER_MAGIC;
}

/* The kernel's protected_symlinks rule: in a sticky folder that everyone may write to
 * (/tmp), a symbolic link is followed only when it belongs to the caller or to the
 * folder's owner; anyone else may have planted it to point the caller at their files. */
static gboolean may_follow(const struct stat *dir, const struct stat *link)
{
  if ((dir->st_mode & (S_ISVTX | S_IWOTH)) != (S_ISVTX | S_IWOTH))
    return TRUE;
  return link->st_uid == geteuid() || link->st_uid == dir->st_uid;
}

/* The kernel's protected_regular=2 and protected_fifos=2 rules: in a sticky folder that
 * others may write to, an existing file or FIFO is written only when it belongs to the
 * caller or the folder's owner, since its owner would see (and own) what is written. */
static gboolean may_write(const struct stat *dir, const struct stat *file)
{
  if (!(dir->st_mode & S_ISVTX) || !(dir->st_mode & (S_IWOTH | S_IWGRP)))
    return TRUE;
  return file->st_uid == geteuid() || file->st_uid == dir->st_uid;
}

static char *read_link(int dir, const char *name)
{
  char buf[PATH_MAX + 1];
  ssize_t n = readlinkat(dir, name, buf, sizeof buf);
  if (n < 0)
    return NULL;
  if ((gsize)n >= sizeof buf) {
    errno = ENAMETOOLONG;
    return NULL;
  }
  return g_strndup(buf, (gsize)n);
}

static gboolean refuse_device(const char *path, GError **error)
{
  g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_PERM,
              "could not write '%s': it is a device; cvtimeline writes only to files, FIFOs, "
              "terminals and /dev/null",
              path);
  return FALSE;
}

/* Sorts out the last name of the path, @name in @t->dir, which is not a link. */
static gboolean settle(Target *t, const char *path, const char *name, GError **error)
{
  struct stat dir;
  const struct stat *st = &t->st;
  if (S_ISDIR(st->st_mode)) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "could not write '%s': it is a folder",
                path);
    return FALSE;
  }
  if ((S_ISREG(st->st_mode) || S_ISFIFO(st->st_mode)) && fstat(t->dir, &dir) == 0 &&
      !may_write(&dir, st)) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_PERM,
                "could not write '%s': it belongs to another user, in the shared folder '%s'",
                path, folder_shown(t));
    return FALSE;
  }
  if (S_ISSOCK(st->st_mode)) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NXIO, "could not write '%s': it is a socket",
                path);
    return FALSE;
  }
  if (!sysio_may_open(st))
    return refuse_device(path, error);
  /* Replaced only if it could be written to as it is: a read-only file stays. */
  if (S_ISREG(st->st_mode) && faccessat(t->dir, name, W_OK, AT_EACCESS) != 0)
    return fail(error, errno, "could not write '%s'", path);
  t->kind = S_ISREG(st->st_mode) ? TARGET_FILE : TARGET_SPECIAL;
  return TRUE;
}

/* The last name is a link of procfs (/dev/stdout leads to /proc/self/fd/1, whose target
 * is an open file, not a path): the kernel follows it, and it is written in place. */
static gboolean settle_proc(Target *t, const char *path, const char *name, GError **error)
{
  if (fstatat(t->dir, name, &t->st, 0) != 0)
    return fail(error, errno, "could not write '%s'", path);
  if (S_ISDIR(t->st.st_mode)) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "could not write '%s': it is a folder",
                path);
    return FALSE;
  }
  if (!sysio_may_open(&t->st))
    return refuse_device(path, error);
  t->kind = TARGET_PROC;
  return TRUE;
}

/* Follows the link @name of @t->dir: its target's names go first in @todo. */
static gboolean follow_link(Target *t, const char *path, const char *name,
                            const struct stat *link, GQueue *todo, guint *links, GError **error)
{
  struct stat dir;
  if (fstat(t->dir, &dir) != 0)
    return fail(error, errno, "could not write '%s'", path);
  if (!may_follow(&dir, link)) {
    char *shown = folder_join(t->folder, name);
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_PERM,
                "could not write '%s': the symbolic link '%s' belongs to another user, in the "
                "shared folder '%s', and is not followed",
                path, shown, folder_shown(t));
    g_free(shown);
    return FALSE;
  }
  if (++*links > MAX_LINKS)
    return fail(error, ELOOP, "could not write '%s'", path);
  char *to = read_link(t->dir, name);
  if (to == NULL)
    return fail(error, errno, "could not write '%s'", path);
  gboolean ok = to[0] != '/' || enter(t, NULL, FALSE);
  if (ok)
    push_names(todo, to);
  else
    fail(error, errno, "could not write '%s'", path);
  g_free(to);
  return ok;
}

/* Looks @path up a name at a time, as the kernel would, but following each symbolic link
 * by hand under may_follow, and settles what the last name is. A last name that does not
 * exist is a new file, unless a link led to it: a link to nothing is refused, since
 * following it would create a file wherever it points. */
static gboolean resolve(const char *path, Target *t, GError **error)
{
  t->folder = g_string_new(path[0] == '/' ? "/" : "");
  t->dir = open(path[0] == '/' ? "/" : ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (t->dir < 0)
    return fail(error, errno, "could not write '%s'", path);
  GQueue todo = G_QUEUE_INIT;
  push_names(&todo, path);
  guint links = 0;
  gboolean ok = FALSE, done = FALSE;
  gboolean last_from_link = FALSE; /* the last name came from a link's target */
  while (!done) {
    char *name = g_queue_pop_head(&todo);
    gboolean last = g_queue_is_empty(&todo);
    struct stat st;
    done = TRUE;
    if (fstatat(t->dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
      int err = errno;
      char *shown = folder_join(t->folder, name);
      if (err == ENOENT && last && !last_from_link) {
        t->kind = TARGET_NEW;
        ok = TRUE;
      } else if (err == ENOENT && last) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                    "could not write '%s': it is a symbolic link to '%s', which does not exist",
                    path, shown);
      } else if (err == ENOENT) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                    "could not write '%s': the folder '%s' does not exist", path, shown);
      } else {
        fail(error, err, "could not write '%s'", path);
      }
      g_free(shown);
    } else if (S_ISLNK(st.st_mode) && on_procfs(t->dir)) {
      if (last) {
        ok = settle_proc(t, path, name, error);
      } else if (enter(t, name, TRUE)) {
        done = FALSE;
      } else {
        fail(error, errno, "could not write '%s'", path);
      }
    } else if (S_ISLNK(st.st_mode)) {
      last_from_link = last_from_link || last;
      done = !follow_link(t, path, name, &st, &todo, &links, error);
    } else if (last) {
      t->st = st;
      ok = settle(t, path, name, error);
    } else if (!S_ISDIR(st.st_mode)) {
      char *shown = folder_join(t->folder, name);
      g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR,
                  "could not write '%s': '%s' is not a folder", path, shown);
      g_free(shown);
    } else if (enter(t, name, FALSE)) {
      done = FALSE;
    } else {
      fail(error, errno, "could not write '%s'", path);
    }
    if (ok && done && t->name == NULL)
      t->name = g_steal_pointer(&name);
    g_free(name);
  }
  g_queue_clear_full(&todo, g_free);
  return ok;
}

/* --- Temporary files that no signal leaves behind --- */

/* Signals whose default action ends the process without a core or with one. */
static const int fatal_signals[] = {SIGHUP,  SIGINT,  SIGQUIT, SIGTERM, SIGALRM,   SIGUSR1, SIGUSR2,
                                    SIGPIPE, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGABRT};
#define N_FATAL G_N_ELEMENTS(fatal_signals)

/* The one named temporary file that exists (only where O_TMPFILE is missing), for the
 * signal handler; changed only with the fatal signals blocked. */
static struct {
  volatile sig_atomic_t armed;
  int dir;
  char name[NAME_MAX + 1];
  gboolean installed[N_FATAL];
  struct sigaction previous[N_FATAL];
} cleanup;

static void block_fatal(sigset_t *saved)
{
  sigset_t set;
  sigemptyset(&set);
  for (guint i = 0; i < N_FATAL; i++)
    sigaddset(&set, fatal_signals[i]);
  sigprocmask(SIG_BLOCK, &set, saved);
}

static void restore_mask(const sigset_t *saved)
{
  sigprocmask(SIG_SETMASK, saved, NULL);
}

/* Removes the temporary file, then dies of the signal as if nothing had caught it. */
static void on_fatal_signal(int sig)
{
  int saved = errno;
  if (cleanup.armed)
    unlinkat(cleanup.dir, cleanup.name, 0);
  cleanup.armed = 0;
  signal(sig, SIG_DFL);
  raise(sig);
  errno = saved;
}

/* Catches the fatal signals that nothing else handles (--watch handles SIGINT and SIGTERM
 * itself, and finishes or abandons the file through output_commit or output_abort). Call
 * with the fatal signals blocked. */
static void arm_cleanup(int dir, const char *name)
{
  cleanup.dir = dir;
  g_strlcpy(cleanup.name, name, sizeof cleanup.name);
  cleanup.armed = 1;
  for (guint i = 0; i < N_FATAL; i++) {
    struct sigaction now;
    cleanup.installed[i] = FALSE;
    if (sigaction(fatal_signals[i], NULL, &now) != 0 || now.sa_handler != SIG_DFL ||
        (now.sa_flags & SA_SIGINFO))
      continue;
    struct sigaction sa = {0};
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    for (guint j = 0; j < N_FATAL; j++)
      sigaddset(&sa.sa_mask, fatal_signals[j]);
    cleanup.installed[i] = sigaction(fatal_signals[i], &sa, &cleanup.previous[i]) == 0;
  }
}

/* Call with the fatal signals blocked. */
static void disarm_cleanup(void)
{
  cleanup.armed = 0;
  for (guint i = 0; i < N_FATAL; i++)
    if (cleanup.installed[i])
      sigaction(fatal_signals[i], &cleanup.previous[i], NULL);
  memset(cleanup.installed, 0, sizeof cleanup.installed);
}

/* A fresh name ".NAME.XXXXXX" beside @name, NAME shortened so that it fits NAME_MAX. */
static char *temp_name(const char *name)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  char suffix[7];
  for (guint i = 0; i < 6; i++)
    suffix[i] = letters[g_random_int_range(0, (gint32)sizeof letters - 1)];
  suffix[6] = '\0';
  int keep = (int)MIN(strlen(name), (gsize)NAME_MAX - 8);
  return g_strdup_printf(".%.*s.%s", keep, name, suffix);
}

/* CVT_TEST_NAMED_TEMP (a test hook) makes the file systems without O_TMPFILE's behaviour
 * testable on any: a named temporary file from the start. */
static gboolean anonymous_allowed(void)
{
  return g_getenv("CVT_TEST_NAMED_TEMP") == NULL;
}

/* An anonymous file in @dir (O_TMPFILE), when the file system has them and /proc can
 * give it a name later; -1 otherwise. */
static int open_anonymous(int dir)
{
#ifdef O_TMPFILE
  if (!anonymous_allowed())
    return -1;
  int fd = openat(dir, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return -1;
  char proc[64];
  struct stat st;
  g_snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  if (fstatat(AT_FDCWD, proc, &st, AT_SYMLINK_NOFOLLOW) == 0)
    return fd;
  close(fd);
#else
  (void)dir;
#endif
  return -1;
}

/* A new named file beside @name, its name in *@tmp_out, armed for the signal handler. */
static int open_named(int dir, const char *name, char **tmp_out)
{
  for (int tries = 0; tries < 100; tries++) {
    char *tmp = temp_name(name);
    sigset_t saved;
    block_fatal(&saved);
    int fd = openat(dir, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    int err = errno;
    if (fd >= 0)
      arm_cleanup(dir, tmp);
    restore_mask(&saved);
    if (fd >= 0) {
      *tmp_out = tmp;
      return fd;
    }
    g_free(tmp);
    if (err != EEXIST) {
      errno = err;
      return -1;
    }
  }
  errno = EEXIST;
  return -1;
}

/* Gives the anonymous file @fd the fresh name returned, in @dir. */
static char *name_anonymous(int fd, int dir, const char *name)
{
  char proc[64];
  g_snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  for (int tries = 0; tries < 100; tries++) {
    char *tmp = temp_name(name);
    if (linkat(AT_FDCWD, proc, dir, tmp, AT_SYMLINK_FOLLOW) == 0)
      return tmp;
    int err = errno;
    g_free(tmp);
    if (err != EEXIST) {
      errno = err;
      return NULL;
    }
  }
  errno = EEXIST;
  return NULL;
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
  char *path; /* as the user wrote it, for messages */
  gboolean is_stdout;
  Target target;
  GByteArray *mem; /* OUT_MEMORY */
  int fd;          /* OUT_TEMP */
  char *tmp;       /* OUT_TEMP: the temporary file's name, when it has one */
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
  out->target.dir = -1;
  return out;
}

/* Opens the temporary file beside the target: anonymous where the file system allows. */
static gboolean open_temp(OutputFile *out)
{
  Target *t = &out->target;
  out->fd = open_anonymous(t->dir);
  if (out->fd < 0)
    out->fd = open_named(t->dir, t->name, &out->tmp);
  if (out->fd >= 0)
    return TRUE;
  int err = errno;
  const char *folder = folder_shown(t);
  if (err == ENOENT) /* from folders that take no new files (/proc) */
    g_set_error(&out->error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                "could not create a file in the folder '%s': it takes no new files", folder);
  else
    fail(&out->error, err, "could not create a file in the folder '%s'", folder);
  return FALSE;
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
  if (!resolve(out->path, &out->target, &out->error))
    return FALSE;
  if (out->target.kind == TARGET_SPECIAL || out->target.kind == TARGET_PROC) {
    /* Written in place, and only once everything is there. */
    out->mem = g_byte_array_new();
    out->state = OUT_MEMORY;
    return TRUE;
  }
  if (!open_temp(out))
    return FALSE;
  out->buf = g_malloc(OUTPUT_BUFFER);
  out->state = OUT_TEMP;
  return TRUE;
}

/* Writes the gathered bytes to the temporary file. */
static gboolean flush_temp(OutputFile *out)
{
  if (out->used > 0 && !write_all(out->fd, out->buf, out->used, FALSE)) {
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
    if (!write_all(out->fd, data, len, FALSE)) {
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
  if (out->tmp != NULL) {
    /* Still there only when the rename did not happen. */
    sigset_t saved;
    block_fatal(&saved);
    unlinkat(out->target.dir, out->tmp, 0);
    disarm_cleanup();
    restore_mask(&saved);
  }
  if (out->mem != NULL)
    g_byte_array_unref(out->mem);
  target_clear(&out->target);
  g_clear_error(&out->error);
  g_free(out->tmp);
  g_free(out->buf);
  g_free(out->path);
  g_free(out);
}

/* The permissions for the new file: those of the file it replaces (not set-user-ID and
 * the like, which a chart never needs), else what a newly created file gets (0666 less
 * the umask). */
static mode_t new_mode(const Target *t)
{
  if (t->kind == TARGET_FILE)
    return t->st.st_mode & 0777;
  mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

/* Makes the temporary file durable and gives it the replaced file's owner and group
 * (when the caller may: root replacing a user's file) and its final permissions. */
static gboolean finish_temp(OutputFile *out, GError **error)
{
  const Target *t = &out->target;
  struct stat now;
  if (t->kind == TARGET_FILE && fstat(out->fd, &now) == 0 &&
      (now.st_uid != t->st.st_uid || now.st_gid != t->st.st_gid) &&
      fchown(out->fd, t->st.st_uid, t->st.st_gid) != 0 &&
      fchown(out->fd, (uid_t)-1, t->st.st_gid) != 0) {
    /* Only root gives a file away, and only a member takes its group: else the file is
     * the caller's, as a new one would be. */
  }
  if (fsync(out->fd) != 0 && errno != EINVAL)
    return fail(error, errno, "could not write '%s'", out->path);
  if (fchmod(out->fd, new_mode(t)) != 0)
    return fail(error, errno, "could not set the permissions of '%s'", out->path);
  return TRUE;
}

/* Makes the rename durable too; best effort, since the file itself is already complete. */
static void sync_dir(int dir)
{
  int fd = openat(dir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
}

/* Puts the temporary file in the target's place. An anonymous file gets a name first and
 * is renamed at once, the fatal signals held back meanwhile, so that the name exists
 * only between two system calls that no signal interrupts. */
static gboolean rename_temp(OutputFile *out, GError **error)
{
  Target *t = &out->target;
  sigset_t saved;
  block_fatal(&saved);
  gboolean anonymous = out->tmp == NULL;
  if (anonymous && (out->tmp = name_anonymous(out->fd, t->dir, t->name)) == NULL) {
    restore_mask(&saved);
    return fail(error, errno, "could not write '%s'", out->path);
  }
  int err = renameat(t->dir, out->tmp, t->dir, t->name) == 0 ? 0 : errno;
  if (err != 0 && anonymous)
    unlinkat(t->dir, out->tmp, 0);
  if (err == 0 || anonymous) {
    g_clear_pointer(&out->tmp, g_free);
    disarm_cleanup();
  }
  restore_mask(&saved);
  if (err != 0)
    return fail(error, err, "could not replace '%s'", out->path);
  sync_dir(t->dir);
  return TRUE;
}

/* Completes the temporary file and renames it over the target. */
static gboolean commit_temp(OutputFile *out, GError **error)
{
  if (!flush_temp(out)) {
    g_propagate_error(error, g_steal_pointer(&out->error));
    return FALSE;
  }
  gboolean ok = finish_temp(out, error) && rename_temp(out, error);
  int fd = out->fd;
  out->fd = -1;
  if (close(fd) != 0 && ok)
    ok = fail(error, errno, "could not write '%s'", out->path); /* too late to undo: NFS */
  return ok;
}

/* Opens the FIFO or device in place, waiting within the limit for a FIFO's reader. */
static int open_in_place(const Target *t)
{
  int flags = O_WRONLY | O_TRUNC | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
  if (t->kind != TARGET_PROC)
    flags |= O_NOFOLLOW;
  gboolean fifo = t->kind == TARGET_SPECIAL && S_ISFIFO(t->st.st_mode);
  for (guint waited = 0;; waited += FIFO_RETRY_MS) {
    int fd = openat(t->dir, t->name, flags);
    if (fd >= 0 || errno != ENXIO || !fifo || waited >= sysio_wait_limit())
      return fd;
    g_usleep(FIFO_RETRY_MS * 1000);
  }
}

/* Writes into an existing FIFO or device: renaming over it would replace the node, and
 * there is nothing to keep atomic anyway. */
static gboolean write_in_place(OutputFile *out, GError **error)
{
  const Target *t = &out->target;
  int fd = open_in_place(t);
  if (fd < 0 && errno == ENXIO && S_ISFIFO(t->st.st_mode)) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NXIO,
                "could not write '%s': no program is reading from it (CVTIMELINE_PIPE_TIMEOUT "
                "sets how long to wait)",
                out->path);
    return FALSE;
  }
  if (fd < 0)
    return fail(error, errno, "could not open '%s'", out->path);
  /* What was opened must still be what was looked at. */
  struct stat st;
  if (fstat(fd, &st) != 0 || !sysio_may_open(&st) ||
      (S_ISREG(st.st_mode) && t->kind != TARGET_PROC)) {
    close(fd);
    return refuse_device(out->path, error);
  }
  if (!write_all(fd, out->mem->data, out->mem->len, may_block(fd))) {
    int err = errno;
    close(fd);
    return fail(error, err, "could not write '%s'", out->path);
  }
  if (close(fd) != 0)
    return fail(error, errno, "could not write '%s'", out->path);
  return TRUE;
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
    ok = write_in_place(out, error);
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
