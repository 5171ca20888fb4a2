/* fuzz: one reader over arbitrary bytes: reader_read in the format chosen at build time
 * (FUZZ_READER_FORMAT: a reader's name, "native", "jsonresume", "rendercv", "linkedin",
 * ...). Every result must be freeable and errors must carry text. The bytes may also be a
 * zip archive, which the readers of archives (LinkedIn, ORCID) open. */
#include "fuzz.h"

#include "diag.h"

#include <stdlib.h>

#ifndef FUZZ_READER_FORMAT
#error "define FUZZ_READER_FORMAT"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fuzz_setup();
  DiagList *diags = diag_list_new();
  ReaderSource *src = reader_source_new("fuzz.yaml", (const char *)data, size);
  ReaderOptions opts = fuzz_reader_options(FUZZ_READER_FORMAT);
  ModelCv *cv = reader_read(src, &opts, diags);
  /* The contract: a model exactly when no error was reported (a failed parse must say
   * why, too). */
  if ((cv == NULL) != (diag_error_count(diags) > 0))
    abort();
  if (cv != NULL)
    (void)model_cv_entry_count(cv);
  model_cv_free(cv);
  reader_source_free(src);
  for (guint i = 0; i < diag_len(diags); i++)
    if (diag_get(diags, i)->text == NULL || diag_get(diags, i)->text[0] == '\0')
      abort();
  diag_list_free(diags);
  return 0;
}
