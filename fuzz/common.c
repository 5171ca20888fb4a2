/* fuzz: setup shared by the targets (see fuzz.h). */
#include "fuzz.h"

#include <glib.h>
#include <stdlib.h>

void fuzz_setup(void)
{
  static gboolean done;
  if (done)
    return;
  done = TRUE;
  g_log_set_always_fatal(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
#ifdef CVT_FUZZ_FONTS_CONF
  setenv("FONTCONFIG_FILE", CVT_FUZZ_FONTS_CONF, 0);
#endif
}

/* Files a CV names (`milestones: {from: FILE}`): one small BibTeX file for any name, so
 * that the path through a second reader is fuzzed too, without touching the disk. */
static ReaderSource *fuzz_load(const char *path, gpointer data, GError **error)
{
  (void)data;
  static const char bib[] = "@string{j = \"Journal of Tests\"}\n"
                            "@article{a, title = {Fuzzing: a study}, journal = j, year = 2019,\n"
                            "  month = jun, doi = {10.5555/1}}\n";
  if (g_str_has_suffix(path, ".missing")) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "cannot open: No such file or directory");
    return NULL;
  }
  return reader_source_new(path, bib, sizeof bib - 1);
}

ReaderOptions fuzz_reader_options(const char *format)
{
  ReaderOptions opts = READER_DEFAULT_OPTIONS;
  opts.format = format != NULL ? reader_format_find(format) : NULL;
  if (format != NULL && opts.format == NULL)
    abort();
  opts.has_today = TRUE;
  opts.today = date_from_ymd(2026, 11, 25);
  opts.clock_today = opts.today;
  opts.load = fuzz_load;
  return opts;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  fuzz_setup();
  return 0;
}
