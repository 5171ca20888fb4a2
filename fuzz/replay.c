/* fuzz: the replay driver: runs every file named on the command line (folders are
 * walked, sorted) once through the target's LLVMFuzzerTestOneInput, so that ordinary
 * builds (gcc, no libFuzzer) re-run the committed corpus in `meson test`. A crash or an
 * abort fails the test; the name of each input is printed first so that it is known. */
#include "fuzz.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

static int replay_file(const char *path)
{
  gchar *bytes = NULL;
  gsize len = 0;
  GError *error = NULL;
  if (!g_file_get_contents(path, &bytes, &len, &error)) {
    fprintf(stderr, "replay: %s\n", error->message);
    g_error_free(error);
    return 1;
  }
  printf("%s\n", path);
  fflush(stdout);
  /* A private copy of exactly @len bytes, so that ASan and valgrind see overreads
   * (never NULL, as under libFuzzer, even for an empty input). */
  guint8 *copy = g_malloc(len ? len : 1);
  memcpy(copy, bytes, len);
  LLVMFuzzerTestOneInput(copy, len);
  g_free(copy);
  g_free(bytes);
  return 0;
}

static gint compare_paths(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_path(const char *path, guint *count)
{
  if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
    (*count)++;
    return replay_file(path);
  }
  GError *error = NULL;
  GDir *dir = g_dir_open(path, 0, &error);
  if (dir == NULL) {
    fprintf(stderr, "replay: %s\n", error->message);
    g_error_free(error);
    return 1;
  }
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  for (const char *name; (name = g_dir_read_name(dir)) != NULL;)
    g_ptr_array_add(names, g_build_filename(path, name, NULL));
  g_dir_close(dir);
  g_ptr_array_sort(names, compare_paths);
  int status = 0;
  for (guint i = 0; i < names->len; i++)
    status |= replay_path(g_ptr_array_index(names, i), count);
  g_ptr_array_unref(names);
  return status;
}

int main(int argc, char **argv)
{
  LLVMFuzzerInitialize(&argc, &argv);
  int status = 0;
  guint count = 0;
  for (int i = 1; i < argc; i++)
    status |= replay_path(argv[i], &count);
  printf("replayed %u inputs\n", count);
  if (count == 0) {
    fprintf(stderr, "replay: no inputs\n");
    return 1;
  }
  return status;
}
