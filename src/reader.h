/* Input readers: map a ydoc tree onto the one CV model, reporting problems with
 * positions (spec/cv-format.md; detection and --input-format in spec/cli.md). */
#pragma once

#include "diag.h"
#include "model.h"
#include "ydoc.h"

typedef enum {
  READER_AUTO,
  READER_NATIVE,
  READER_JSONRESUME,
  READER_RENDERCV,
} ReaderFormat;

typedef struct {
  ReaderFormat format;
  gboolean has_today; /* --today given: wins over the file's `today` */
  DateDay today;
  DateDay clock_today; /* the current date, used when neither gives one */
  gboolean merge_roles; /* JSON Resume / RenderCV: merge consecutive entries at one org */
  guint max_entries;    /* entries beyond this are an error (guard) */
  guint max_text_chars; /* longer titles, orgs, notes are shortened, with a warning */
} ReaderOptions;

#define READER_DEFAULT_OPTIONS                                                                     \
  ((ReaderOptions){.format = READER_AUTO, .merge_roles = TRUE, .max_entries = 100000,              \
                   .max_text_chars = 500})

/* "native", "jsonresume", "rendercv"; parsing returns FALSE for an unknown name. */
const char *reader_format_name(ReaderFormat format);
gboolean reader_format_parse(const char *name, ReaderFormat *out);

/* Detection (cli.md): a top-level `cv:` is RenderCV; `basics:` or `work:` is JSON Resume;
 * else native. */
ReaderFormat reader_detect(const YdocDoc *doc);

/* Reads @doc in @opts->format (detected when READER_AUTO). Returns a new model owned by
 * the caller, or NULL when @diags holds any error (also one ydoc added while parsing
 * @doc). Warnings do not make it fail.
 * (Under --strict, @diags turns warnings into errors, so they do.) */
ModelCv *reader_read(const YdocDoc *doc, const ReaderOptions *opts, DiagList *diags);

/* The individual readers, with the same contract as reader_read. */
ModelCv *reader_native(const YdocDoc *doc, const ReaderOptions *opts, DiagList *diags);
ModelCv *reader_jsonresume(const YdocDoc *doc, const ReaderOptions *opts, DiagList *diags);
ModelCv *reader_rendercv(const YdocDoc *doc, const ReaderOptions *opts, DiagList *diags);

/* The keys the native reader accepts in one kind of mapping: "top", "entry", "role",
 * "period" or "milestone"; a static NULL-terminated list, or NULL for any other @mapping.
 * For --print-keys, whose output tests/run-schema.py compares with doc/schema/. */
const char *const *reader_native_keys(const char *mapping);

/* Merges, in every group of @cv, consecutive entries with the same org whose periods
 * touch or leave a gap of at most @max_gap_days into one entry with role segments.
 * Used by the JSON Resume and RenderCV readers. */
void reader_merge_roles(ModelCv *cv, int max_gap_days);
