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
  const ReaderFormat *best = &reader_format_native;
  guint best_score = 0;
  for (guint i = 0; i < reader_formats_count; i++) {
    guint score = reader_formats[i]->detect(src);
    if (score > best_score) {
      best = reader_formats[i];
      best_score = score;
    }
  }
  return best;
}

ModelCv *reader_read(ReaderSource *src, const ReaderOptions *opts, DiagList *diags)
{
  guint errors = diag_error_count(diags);
  const ReaderFormat *format = opts->format != NULL ? opts->format : reader_detect(src);
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

/* ---- Sources ---- */

struct ReaderSource {
  char *name;
  const char *data; /* borrowed */
  gsize len;
  YdocDoc *doc;        /* the parsed document, or NULL */
  gboolean parsed;     /* doc is what the bytes give */
  gboolean reported;   /* the parse's messages went to a caller's list */
  gboolean had_issues; /* the parse gave messages (when parsed without a list) */
};

ReaderSource *reader_source_new(const char *name, const char *data, gsize len)
{
  ReaderSource *src = g_new0(ReaderSource, 1);
  src->name = g_strdup(name ? name : "");
  src->data = data ? data : "";
  src->len = data ? len : 0;
  return src;
}

void reader_source_free(ReaderSource *src)
{
  if (src == NULL)
    return;
  ydoc_free(src->doc);
  g_free(src->name);
  g_free(src);
}

const char *reader_source_name(const ReaderSource *src)
{
  return src->name;
}

const char *reader_source_bytes(const ReaderSource *src, gsize *len_out)
{
  if (len_out != NULL)
    *len_out = src->len;
  return src->data;
}

const YdocDoc *reader_source_yaml(ReaderSource *src, DiagList *diags)
{
  if (src->parsed && (src->reported || !src->had_issues || diags == NULL))
    return src->doc;
  /* A parse made for detection that had something to say is made again into @diags: the
   * messages then come exactly as ydoc gives them (order, count past the cap), and only
   * for a file that is wrong. */
  ydoc_free(src->doc);
  DiagList *sink = diags != NULL ? diags : diag_list_new();
  guint before = diag_error_count(sink) + diag_warning_count(sink);
  YdocLimits limits = YDOC_DEFAULT_LIMITS;
  src->doc = ydoc_looks_like_json(src->data, src->len)
                 ? ydoc_parse_json(src->name, src->data, src->len, &limits, sink)
                 : ydoc_parse(src->name, src->data, src->len, &limits, sink);
  src->had_issues = diag_error_count(sink) + diag_warning_count(sink) > before;
  src->parsed = TRUE;
  src->reported = diags != NULL;
  if (diags == NULL)
    diag_list_free(sink);
  return src->doc;
}
