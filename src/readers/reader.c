/* Input readers: the table of formats, detection (doc/cli.md: a top-level `cv:` is
 * RenderCV, `basics:` or `work:` is JSON Resume, else native), dispatch, and the source
 * every reader reads from, with its document parsed once for all of them. */
#include "reader.h"

#include "strutil.h"

#include <string.h>

/* ---- The table: add a row here (and its declaration in reader.h) for a new format. */

const ReaderFormat *const reader_formats[] = {
    &reader_format_native,
    &reader_format_jsonresume,
    &reader_format_rendercv,
    &reader_format_linkedin,
    &reader_format_orcid,
    &reader_format_bibtex,
    &reader_format_fresh,
};
const guint reader_formats_count = G_N_ELEMENTS(reader_formats);

const ReaderFormat *reader_format_find(const char *name)
{
  for (guint i = 0; name != NULL && i < reader_formats_count; i++)
    if (strcmp(reader_formats[i]->name, name) == 0)
      return reader_formats[i];
  return NULL;
}

char *reader_format_names(const char *sep, const char *last_sep)
{
  g_autofree const char **names = g_new(const char *, reader_formats_count + 1);
  for (guint i = 0; i < reader_formats_count; i++)
    names[i] = reader_formats[i]->name;
  return strutil_join(names, reader_formats_count, sep, last_sep);
}

const ReaderFormat *reader_detect(ReaderSource *src)
{
  gboolean archive = reader_source_is_archive(src);
  const ReaderFormat *best = archive ? NULL : &reader_format_native;
  guint best_score = 0;
  for (guint i = 0; i < reader_formats_count; i++) {
    if (archive && !reader_formats[i]->archives)
      continue;
    guint score = reader_formats[i]->detect(src);
    if (score > best_score) {
      best = reader_formats[i];
      best_score = score;
    }
  }
  return best;
}

/* "a LinkedIn data export (Positions.csv, ...)", from the rows that read archives. */
static char *reader_archive_hints(void)
{
  GString *out = g_string_new(NULL);
  for (guint i = 0; i < reader_formats_count; i++) {
    if (reader_formats[i]->archive_hint == NULL)
      continue;
    if (out->len > 0)
      g_string_append(out, " or ");
    g_string_append(out, reader_formats[i]->archive_hint);
  }
  return g_string_free(out, FALSE);
}

ModelCv *reader_read(ReaderSource *src, const ReaderOptions *opts, DiagList *diags)
{
  guint errors = diag_error_count(diags);
  gboolean archive = reader_source_is_archive(src);
  const ReaderFormat *format = opts->format != NULL ? opts->format : reader_detect(src);
  const char *name = reader_source_name(src);
  if (format == NULL) {
    /* A broken archive says so rather than that it holds no CV. */
    reader_source_member_count(src, diags);
    if (diag_error_count(diags) == errors) {
      g_autofree char *hints = reader_archive_hints();
      diag_error(diags, name, 0, 0, "no CV found in the %s: expected %s",
                 reader_source_is_folder(src) ? "folder" : "archive", hints);
    }
    return NULL;
  }
  if (archive && !format->archives) {
    diag_error(diags, name, 0, 0, "is a %s; the %s format reads a single file",
               reader_source_is_folder(src) ? "folder" : "zip archive",
               format->name);
    return NULL;
  }
  ModelCv *cv = format->read(src, opts, diags);
  /* ydoc may hand over a usable tree with errors of its own (a duplicate key), so that
   * every mistake is reported in one run; the file is still wrong. */
  if (cv && diag_error_count(diags) > errors) {
    model_cv_free(cv);
    return NULL;
  }
  return cv;
}

void reader_context_init(ReadCtx *c, const char *file, const ReaderOptions *opts, DiagList *diags)
{
  readctx_init(c, file, diags);
  c->max_text_chars = opts->max_text_chars;
  c->max_items = opts->max_entries;
  c->today = opts->has_today ? opts->today : opts->clock_today;
  c->lang = opts->lang;
}

void reader_set_language(ReadCtx *c, ModelCv *cv, const ReaderOptions *opts, const Lang *file_lang)
{
  lang_free(cv->language);
  cv->language = lang_copy(opts->lang != NULL ? opts->lang : file_lang);
  /* The CV's own words read its dates, whatever language the chart speaks. */
  c->lang = file_lang != NULL ? file_lang : opts->lang;
}
