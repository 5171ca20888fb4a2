/* zipfile: listing and extracting members of an in-memory zip; broken archives, the size
 * cap, directories left out; what a machine without libarchive says. Archives are written
 * here with libarchive's own writer. */
#include "zipfile.h"

#include "testzip.h"

#include <string.h>

static void test_list_and_extract(void)
{
  const char *members[] = {"Positions.csv", "Company Name,Title\nAcme,Engineer\n", "Jobs/", "",
                           "Jobs/Saved Jobs.csv", "x\n", "Education.csv", ""};
  GBytes *zip = test_make_zip(members, 4);
  gsize len;
  const char *data = g_bytes_get_data(zip, &len);
  g_assert_true(zipfile_is_zip(data, len));
  GError *error = NULL;
  GPtrArray *list = zipfile_list(data, len, 100, &error);
  g_assert_no_error(error);
  g_assert_cmpuint(list->len, ==, 3);
  g_assert_cmpstr(((ZipfileMember *)g_ptr_array_index(list, 1))->path, ==, "Jobs/Saved Jobs.csv");
  g_ptr_array_unref(list);
  gsize n = 0;
  char *text = zipfile_extract(data, len, 0, 1000, &n, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(text, ==, members[1]);
  g_assert_cmpuint(n, ==, strlen(members[1]));
  g_free(text);
  text = zipfile_extract(data, len, 2, 1000, &n, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(text, ==, "");
  g_free(text);
  /* The cap is on what comes out. */
  g_assert_null(zipfile_extract(data, len, 0, 5, &n, &error));
  g_assert_nonnull(strstr(error->message, "larger than"));
  g_clear_error(&error);
  g_assert_null(zipfile_extract(data, len, 7, 1000, &n, &error));
  g_clear_error(&error);
  /* Too many members for the guard. */
  g_assert_null(zipfile_list(data, len, 2, &error));
  g_assert_nonnull(strstr(error->message, "more than 2 members"));
  g_clear_error(&error);
  g_bytes_unref(zip);
}

static void test_broken(void)
{
  const char *members[] = {"a.csv", "hello, world\n"};
  GBytes *zip = test_make_zip(members, 1);
  gsize len;
  const char *data = g_bytes_get_data(zip, &len);
  /* Cut in the middle: the listing or the extraction says it is broken, never crashes. */
  for (gsize cut = 4; cut < len; cut += 7) {
    GError *error = NULL;
    GPtrArray *list = zipfile_list(data, cut, 100, &error);
    if (list == NULL) {
      g_assert_nonnull(error);
      g_clear_error(&error);
      continue;
    }
    for (guint i = 0; i < list->len; i++) {
      gsize n;
      char *text = zipfile_extract(data, cut, i, 1000, &n, &error);
      g_assert_true((text == NULL) == (error != NULL));
      g_free(text);
      g_clear_error(&error);
    }
    g_ptr_array_unref(list);
  }
  g_assert_false(zipfile_is_zip("PK", 2));
  g_assert_false(zipfile_is_zip("name: x\n", 8));
  GError *error = NULL;
  g_assert_null(zipfile_list("PK\x03\x04garbage", 11, 100, &error));
  g_assert_nonnull(strstr(error->message, "not a readable zip archive"));
  g_clear_error(&error);
  g_bytes_unref(zip);
}

/* Without libarchive (CVT_TEST_LIBARCHIVE names a library that is not there, or one without
 * libarchive's functions), listing and extracting fail saying what is missing. In a
 * subprocess: the library is opened once per process. */
static void test_no_libarchive(gconstpointer param)
{
  const char *const *c = param; /* the library's name, what the message says of it */
  if (!g_test_subprocess()) {
    g_test_trap_subprocess(NULL, 0, 0);
    g_test_trap_assert_passed();
    return;
  }
  g_setenv("CVT_TEST_LIBARCHIVE", c[0], TRUE);
  const char *members[] = {"a.csv", "hello, world\n"};
  GBytes *zip = test_make_zip(members, 1);
  gsize len, n;
  const char *data = g_bytes_get_data(zip, &len);
  g_autofree char *want = g_strdup_printf("zip archives need libarchive (%s): %s", c[0], c[1]);
  GError *error = NULL;
  g_assert_null(zipfile_list(data, len, 100, &error));
  g_assert_cmpstr(error->message, ==, want);
  g_clear_error(&error);
  /* Asked again, it says the same, without trying again. */
  g_assert_null(zipfile_extract(data, len, 0, 1000, &n, &error));
  g_assert_cmpstr(error->message, ==, want);
  g_clear_error(&error);
  g_assert_true(zipfile_is_zip(data, len));
  g_bytes_unref(zip);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/zipfile/list-and-extract", test_list_and_extract);
  g_test_add_func("/zipfile/broken", test_broken);
  static const char *const absent[] = {"libcvt-test-absent.so.0",
                                       "cannot open shared object file: No such file or directory"};
  static const char *const other[] = {"libglib-2.0.so.0", "it has no archive_read_new"};
  g_test_add_data_func("/zipfile/no-libarchive/absent", absent, test_no_libarchive);
  g_test_add_data_func("/zipfile/no-libarchive/other-library", other, test_no_libarchive);
  return g_test_run();
}
