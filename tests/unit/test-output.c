/* Unit tests for output.c: atomic replacement (doc/cli.md "Output formats"): a file is
 * replaced whole; a failed write leaves an existing file byte-identical and no temporary
 * file behind; standard output handles full devices and closed pipes; writing in pieces. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
  char *dir;
} Fixture;

static void fixture_setup(Fixture *f, gconstpointer data)
{
  (void)data;
  GError *error = NULL;
  f->dir = g_dir_make_tmp("cvt-output-XXXXXX", &error);
  g_assert_no_error(error);
}

/* Removes the fixture's folder, which must hold exactly the names in @expected (so a
 * forgotten temporary file fails the test). */
static void assert_dir_holds(const char *dir, const char *const *expected)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  g_assert_nonnull(d);
  guint n = 0;
  const char *name;
  while ((name = g_dir_read_name(d)) != NULL) {
    g_assert_true(g_strv_contains(expected, name));
    n++;
  }
  g_dir_close(d);
  g_assert_cmpuint(n, ==, g_strv_length((char **)expected));
}

static void remove_tree(const char *path)
{
  GDir *d = g_dir_open(path, 0, NULL);
  if (d != NULL) {
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
      char *child = g_build_filename(path, name, NULL);
      remove_tree(child);
      g_free(child);
    }
    g_dir_close(d);
    g_chmod(path, 0700);
    g_rmdir(path);
  } else {
    g_unlink(path);
  }
}

static void fixture_teardown(Fixture *f, gconstpointer data)
{
  (void)data;
  remove_tree(f->dir);
  g_free(f->dir);
}

static GBytes *bytes(const char *text)
{
  return g_bytes_new(text, strlen(text));
}

static void assert_contents(const char *path, const char *expected)
{
  char *got = NULL;
  gsize len = 0;
  g_assert_true(g_file_get_contents(path, &got, &len, NULL));
  g_assert_cmpmem(got, len, expected, strlen(expected));
  g_free(got);
}

static void test_create_and_replace(Fixture *f, gconstpointer data)
{
  (void)data;
  char *path = g_build_filename(f->dir, "chart.svg", NULL);
  GBytes *first = bytes("first version, longer than the second");
  GBytes *second = bytes("second");
  GError *error = NULL;
  mode_t mask = umask(022);
  g_assert_true(output_write(path, first, &error));
  g_assert_no_error(error);
  assert_contents(path, "first version, longer than the second");
  /* A new file has ordinary permissions, not mkstemp's 0600. */
  GStatBuf st;
  g_assert_cmpint(g_stat(path, &st), ==, 0);
  g_assert_cmpint(st.st_mode & 0777, ==, 0644);
  /* Replacing keeps the existing file's permissions and leaves no temporary file. */
  g_assert_cmpint(g_chmod(path, 0640), ==, 0);
  g_assert_true(output_write(path, second, &error));
  g_assert_no_error(error);
  assert_contents(path, "second");
  g_assert_cmpint(g_stat(path, &st), ==, 0);
  g_assert_cmpint(st.st_mode & 0777, ==, 0640);
  assert_dir_holds(f->dir, (const char *const[]){"chart.svg", NULL});
  umask(mask);
  g_bytes_unref(first);
  g_bytes_unref(second);
  g_free(path);
}

static void test_replace_through_symlink(Fixture *f, gconstpointer data)
{
  (void)data;
  char *real = g_build_filename(f->dir, "real.svg", NULL);
  char *link = g_build_filename(f->dir, "link.svg", NULL);
  g_assert_true(g_file_set_contents(real, "old", -1, NULL));
  g_assert_cmpint(symlink("real.svg", link), ==, 0);
  GBytes *b = bytes("new");
  GError *error = NULL;
  g_assert_true(output_write(link, b, &error));
  g_assert_no_error(error);
  g_assert_true(g_file_test(link, G_FILE_TEST_IS_SYMLINK));
  assert_contents(real, "new");
  assert_dir_holds(f->dir, (const char *const[]){"real.svg", "link.svg", NULL});
  g_bytes_unref(b);
  g_free(real);
  g_free(link);
}

/* A new file in a folder reached through a link is created there: only a link that is
 * itself the last name must lead to something. */
static void test_new_file_through_folder_link(Fixture *f, gconstpointer data)
{
  (void)data;
  char *sub = g_build_filename(f->dir, "sub", NULL);
  char *link = g_build_filename(f->dir, "linked", NULL);
  char *path = g_build_filename(link, "new.svg", NULL);
  char *made = g_build_filename(sub, "new.svg", NULL);
  g_assert_cmpint(g_mkdir(sub, 0755), ==, 0);
  g_assert_cmpint(symlink("sub", link), ==, 0);
  GBytes *b = bytes("new");
  GError *error = NULL;
  g_assert_true(output_write(path, b, &error));
  g_assert_no_error(error);
  assert_contents(made, "new");
  assert_dir_holds(sub, (const char *const[]){"new.svg", NULL});
  g_bytes_unref(b);
  g_free(sub);
  g_free(link);
  g_free(path);
  g_free(made);
}

static void test_target_is_directory(Fixture *f, gconstpointer data)
{
  (void)data;
  char *sub = g_build_filename(f->dir, "out.svg", NULL);
  g_assert_cmpint(g_mkdir(sub, 0755), ==, 0);
  GBytes *b = bytes("x");
  GError *error = NULL;
  g_assert_false(output_write(sub, b, &error));
  g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_nonnull(strstr(error->message, "out.svg"));
  g_assert_nonnull(strstr(error->message, "folder"));
  g_clear_error(&error);
  assert_dir_holds(f->dir, (const char *const[]){"out.svg", NULL});
  g_bytes_unref(b);
  g_free(sub);
}

static void test_missing_directory(Fixture *f, gconstpointer data)
{
  (void)data;
  char *path = g_build_filename(f->dir, "no-such-dir", "chart.svg", NULL);
  GBytes *b = bytes("x");
  GError *error = NULL;
  g_assert_false(output_write(path, b, &error));
  g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull(strstr(error->message, "does not exist"));
  g_assert_nonnull(strstr(error->message, "no-such-dir"));
  g_clear_error(&error);
  /* A path through a regular file. */
  char *file = g_build_filename(f->dir, "file", NULL);
  char *through = g_build_filename(file, "chart.svg", NULL);
  g_assert_true(g_file_set_contents(file, "keep", -1, NULL));
  g_assert_false(output_write(through, b, &error));
  g_assert_nonnull(strstr(error->message, "not a folder"));
  g_clear_error(&error);
  assert_contents(file, "keep");
  assert_dir_holds(f->dir, (const char *const[]){"file", NULL});
  g_bytes_unref(b);
  g_free(path);
  g_free(file);
  g_free(through);
}

/* An unwritable folder keeps the existing file. Root ignores permissions, so then a
 * folder of sysfs stands in. */
static void test_unwritable_directory(Fixture *f, gconstpointer data)
{
  (void)data;
  GBytes *b = bytes("new");
  GError *error = NULL;
  if (geteuid() == 0) {
    if (!g_file_test("/sys/kernel", G_FILE_TEST_IS_DIR)) {
      g_test_skip("running as root without /sys");
      g_bytes_unref(b);
      return;
    }
    g_assert_false(output_write("/sys/kernel/cvt-test.svg", b, &error));
    g_assert_nonnull(strstr(error->message, "/sys/kernel"));
    g_clear_error(&error);
    g_bytes_unref(b);
    return;
  }
  char *sub = g_build_filename(f->dir, "ro", NULL);
  char *path = g_build_filename(sub, "chart.svg", NULL);
  g_assert_cmpint(g_mkdir(sub, 0755), ==, 0);
  g_assert_true(g_file_set_contents(path, "old", -1, NULL));
  g_assert_cmpint(g_chmod(sub, 0555), ==, 0);
  g_assert_false(output_write(path, b, &error));
  g_assert_nonnull(strstr(error->message, "permission denied"));
  g_clear_error(&error);
  g_assert_cmpint(g_chmod(sub, 0755), ==, 0);
  assert_contents(path, "old");
  assert_dir_holds(sub, (const char *const[]){"chart.svg", NULL});
  g_bytes_unref(b);
  g_free(sub);
  g_free(path);
}

/* A device is written in place, never replaced; /dev/full reports a full disk. */
static void test_full_device(void)
{
  if (!g_file_test("/dev/full", G_FILE_TEST_EXISTS)) {
    g_test_skip("no /dev/full");
    return;
  }
  GBytes *b = bytes("data");
  GError *error = NULL;
  g_assert_false(output_write("/dev/full", b, &error));
  g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_assert_nonnull(strstr(error->message, "no space left on device"));
  g_clear_error(&error);
  GStatBuf st;
  g_assert_cmpint(g_stat("/dev/full", &st), ==, 0);
  g_assert_true(S_ISCHR(st.st_mode));
  g_assert_true(output_write("/dev/null", b, &error));
  g_assert_no_error(error);
  g_bytes_unref(b);
}

/* Runs output_write("-") with standard output redirected to @fd. */
static gboolean write_stdout_to(int fd, GBytes *b, GError **error)
{
  fflush(stdout);
  int saved = dup(STDOUT_FILENO);
  g_assert_cmpint(dup2(fd, STDOUT_FILENO), ==, STDOUT_FILENO);
  gboolean ok = output_write("-", b, error);
  g_assert_cmpint(dup2(saved, STDOUT_FILENO), ==, STDOUT_FILENO);
  close(saved);
  return ok;
}

static void test_stdout(Fixture *f, gconstpointer data)
{
  (void)data;
  char *path = g_build_filename(f->dir, "stdout", NULL);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint(fd, >=, 0);
  /* Larger than a pipe buffer, so short writes would show. */
  GString *big = g_string_new(NULL);
  for (int i = 0; i < 100000; i++)
    g_string_append_c(big, (char)('a' + i % 26));
  GBytes *b = g_bytes_new(big->str, big->len);
  GError *error = NULL;
  g_assert_true(write_stdout_to(fd, b, &error));
  g_assert_no_error(error);
  close(fd);
  assert_contents(path, big->str);

  fd = open("/dev/full", O_WRONLY);
  if (fd >= 0) {
    g_assert_false(write_stdout_to(fd, b, &error));
    g_assert_nonnull(strstr(error->message, "standard output"));
    g_assert_nonnull(strstr(error->message, "no space left on device"));
    g_clear_error(&error);
    close(fd);
  }

  /* A closed pipe is an error, not a crash (main ignores SIGPIPE; so does this test). */
  int fds[2];
  g_assert_cmpint(pipe(fds), ==, 0);
  close(fds[0]);
  g_assert_false(write_stdout_to(fds[1], b, &error));
  g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_PIPE);
  g_clear_error(&error);
  close(fds[1]);
  g_bytes_unref(b);
  g_string_free(big, TRUE);
  g_free(path);
}

static void test_empty_name(void)
{
  GBytes *b = bytes("x");
  GError *error = NULL;
  g_assert_false(output_write("", b, &error));
  g_assert_nonnull(error);
  g_clear_error(&error);
  g_bytes_unref(b);
}

/* A folder that exists but refuses new files with ENOENT (procfs) is not "missing". */
static void test_folder_refusing_files(void)
{
  if (!g_file_test("/proc/self", G_FILE_TEST_IS_DIR)) {
    g_test_skip("no /proc");
    return;
  }
  GBytes *b = bytes("x");
  GError *error = NULL;
  g_assert_false(output_write("/proc/chart.svg", b, &error));
  g_assert_null(strstr(error->message, "does not exist"));
  g_assert_nonnull(strstr(error->message, "'/proc'"));
  g_clear_error(&error);
  g_bytes_unref(b);
}

/* Written in pieces, small and large (past the gathering buffer): the same bytes; the
 * target untouched and no temporary file left while rendering, or when it is abandoned. */
static void test_pieces(Fixture *f, gconstpointer data)
{
  (void)data;
  char *path = g_build_filename(f->dir, "chart.svg", NULL);
  g_assert_true(g_file_set_contents(path, "old", -1, NULL));
  GString *want = g_string_new(NULL);
  OutputFile *out = output_open(path);
  char *big = g_strnfill(200 * 1024, 'x');
  for (int i = 0; i < 50; i++) {
    const char *piece = i % 7 == 3 ? big : "<g/>";
    g_assert_true(output_append(out, piece, strlen(piece)));
    g_string_append(want, piece);
  }
  g_assert_null(output_error(out));
  assert_contents(path, "old");
  output_abort(out);
  assert_contents(path, "old");
  assert_dir_holds(f->dir, (const char *const[]){"chart.svg", NULL});

  out = output_open(path);
  for (gsize at = 0; at < want->len; at += 1000)
    g_assert_true(output_append(out, want->str + at, MIN(1000, want->len - at)));
  GError *error = NULL;
  g_assert_true(output_commit(out, &error));
  g_assert_no_error(error);
  assert_contents(path, want->str);
  assert_dir_holds(f->dir, (const char *const[]){"chart.svg", NULL});

  /* Nothing appended: an empty file, as output_write with no bytes. */
  out = output_open(path);
  g_assert_true(output_commit(out, &error));
  assert_contents(path, "");
  g_string_free(want, TRUE);
  g_free(big);
  g_free(path);
}

/* Names in @dir other than @except. */
static guint count_others(const char *dir, const char *except)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  g_assert_nonnull(d);
  guint n = 0;
  const char *name;
  while ((name = g_dir_read_name(d)) != NULL)
    n += strcmp(name, except) != 0;
  g_dir_close(d);
  return n;
}

/* While the chart is being written, the temporary file has no name where the file system
 * has O_TMPFILE; with CVT_TEST_NAMED_TEMP (the fallback) it has one, which commit renames
 * and abort removes. */
static void test_temp_kinds(Fixture *f, gconstpointer data)
{
  (void)data;
  char *path = g_build_filename(f->dir, "chart.svg", NULL);
  g_assert_true(g_file_set_contents(path, "old", -1, NULL));
  int probe = open(f->dir, O_TMPFILE | O_WRONLY, 0600);
  if (probe >= 0) {
    close(probe);
    OutputFile *out = output_open(path);
    g_assert_true(output_append(out, "new", 3));
    g_assert_cmpuint(count_others(f->dir, "chart.svg"), ==, 0);
    GError *error = NULL;
    g_assert_true(output_commit(out, &error));
    g_assert_no_error(error);
    assert_contents(path, "new");
  }
  g_setenv("CVT_TEST_NAMED_TEMP", "1", TRUE);
  for (int commit = 0; commit < 2; commit++) {
    OutputFile *out = output_open(path);
    g_assert_true(output_append(out, "named", 5));
    g_assert_cmpuint(count_others(f->dir, "chart.svg"), ==, 1);
    if (commit) {
      GError *error = NULL;
      g_assert_true(output_commit(out, &error));
      g_assert_no_error(error);
      assert_contents(path, "named");
    } else {
      output_abort(out);
      assert_contents(path, probe >= 0 ? "new" : "old");
    }
    assert_dir_holds(f->dir, (const char *const[]){"chart.svg", NULL});
  }
  g_unsetenv("CVT_TEST_NAMED_TEMP");
  g_free(path);
}

/* Links that are not followed, and what is not written: each fails, and the folder
 * stays as it was. */
static void test_refused_links(Fixture *f, gconstpointer data)
{
  (void)data;
  static const struct {
    const char *name, *to, *message;
  } cases[] = {
      {"dangling.svg", "missing.svg", "which does not exist"},
      {"to-folder.svg", "sub", "it is a folder"},
      {"loop.svg", "loop.svg", "too many levels of symbolic links"},
      {"through-file.svg", "file/x.svg", "is not a folder"},
  };
  char *sub = g_build_filename(f->dir, "sub", NULL);
  char *file = g_build_filename(f->dir, "file", NULL);
  g_assert_cmpint(g_mkdir(sub, 0755), ==, 0);
  g_assert_true(g_file_set_contents(file, "keep", -1, NULL));
  GBytes *b = bytes("x");
  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    char *link = g_build_filename(f->dir, cases[i].name, NULL);
    g_assert_cmpint(symlink(cases[i].to, link), ==, 0);
    GError *error = NULL;
    g_assert_false(output_write(link, b, &error));
    g_assert_nonnull(error);
    if (strstr(error->message, cases[i].message) == NULL)
      g_error("%s: expected '%s' in: %s", cases[i].name, cases[i].message, error->message);
    g_clear_error(&error);
    g_assert_true(g_file_test(link, G_FILE_TEST_IS_SYMLINK));
    g_unlink(link);
    g_free(link);
  }
  assert_dir_holds(f->dir, (const char *const[]){"sub", "file", NULL});
  assert_dir_holds(sub, (const char *const[]){NULL});
  assert_contents(file, "keep");
  g_bytes_unref(b);
  g_free(sub);
  g_free(file);
}

/* A failed first byte (a missing folder) is remembered and reported by commit. */
static void test_pieces_missing_folder(Fixture *f, gconstpointer data)
{
  (void)data;
  char *path = g_build_filename(f->dir, "nope", "chart.svg", NULL);
  OutputFile *out = output_open(path);
  g_assert_false(output_append(out, "x", 1));
  g_assert_nonnull(output_error(out));
  g_assert_false(output_append(out, "y", 1));
  GError *error = NULL;
  g_assert_false(output_commit(out, &error));
  g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull(strstr(error->message, "does not exist"));
  g_error_free(error);
  g_free(path);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  signal(SIGPIPE, SIG_IGN);
  g_test_add("/output/create-and-replace", Fixture, NULL, fixture_setup, test_create_and_replace,
             fixture_teardown);
  g_test_add("/output/symlink", Fixture, NULL, fixture_setup, test_replace_through_symlink,
             fixture_teardown);
  g_test_add("/output/new-file-through-folder-link", Fixture, NULL, fixture_setup,
             test_new_file_through_folder_link, fixture_teardown);
  g_test_add("/output/target-is-directory", Fixture, NULL, fixture_setup, test_target_is_directory,
             fixture_teardown);
  g_test_add("/output/missing-directory", Fixture, NULL, fixture_setup, test_missing_directory,
             fixture_teardown);
  g_test_add("/output/unwritable-directory", Fixture, NULL, fixture_setup,
             test_unwritable_directory, fixture_teardown);
  g_test_add("/output/stdout", Fixture, NULL, fixture_setup, test_stdout, fixture_teardown);
  g_test_add("/output/pieces", Fixture, NULL, fixture_setup, test_pieces, fixture_teardown);
  g_test_add("/output/pieces-missing-folder", Fixture, NULL, fixture_setup,
             test_pieces_missing_folder, fixture_teardown);
  g_test_add("/output/temp-kinds", Fixture, NULL, fixture_setup, test_temp_kinds,
             fixture_teardown);
  g_test_add("/output/refused-links", Fixture, NULL, fixture_setup, test_refused_links,
             fixture_teardown);
  g_test_add_func("/output/full-device", test_full_device);
  g_test_add_func("/output/folder-refusing-files", test_folder_refusing_files);
  g_test_add_func("/output/empty-name", test_empty_name);
  return g_test_run();
}
