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

ReaderOptions fuzz_reader_options(const char *format)
{
  ReaderOptions opts = READER_DEFAULT_OPTIONS;
  opts.format = format != NULL ? reader_format_find(format) : NULL;
  if (format != NULL && opts.format == NULL)
    abort();
  opts.has_today = TRUE;
  opts.today = date_from_ymd(2026, 11, 25);
  opts.clock_today = opts.today;
  return opts;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  fuzz_setup();
  return 0;
}
