/* Helpers shared by the JSON Resume and RenderCV readers (doc/importing.md), over the
 * reading context (readctx.h): field lookup with older names, dates that may be absent,
 * spans with a named start, and the finishing steps. Implemented in reader_import.c.
 * Private to the two import readers. */
#pragma once

#include "reader.h"

/* The import readers accept at most this gap between two roles at one organisation and
 * still draw them as one bar (about three months). */
#define READER_IMPORT_MERGE_GAP_DAYS 100

/* Sets up @c for @doc (reader_context_init, and ISO timestamps accepted as dates, as
 * exporters write them) and returns the document's top-level mapping, or NULL after
 * readctx_root's error. */
const YdocNode *reader_import_begin(ReadCtx *c, const YdocDoc *doc, const ReaderOptions *opts,
                                    DiagList *diags);

/* The text of the scalar @key in @map as a new string owned by the caller, as
 * readctx_text gives it (cleaned, trimmed, shortened with a warning). NULL when absent,
 * null or blank (exporters write "" for a field they have no value for); NULL with an
 * error when it is a list or a mapping. */
char *reader_import_text(ReadCtx *c, const YdocNode *map, const char *key);

/* The first of @key and @old_key (may be NULL) that @map has, as reader_import_text. */
char *reader_import_text2(ReadCtx *c, const YdocNode *map, const char *key, const char *old_key);

/* The url in the first of @key and @old_key (may be NULL) that @map has, checked by
 * readctx_link (a refused one is a warning, and NULL); NULL when absent, null or blank,
 * and with an error when it is a list or a mapping. */
char *reader_import_url(ReadCtx *c, const YdocNode *map, const char *key, const char *old_key);

/* The node of the first of @key and @old_key present and not null in @map, or NULL. */
const YdocNode *reader_import_field(const YdocNode *map, const char *key, const char *old_key);

typedef enum {
  READER_DATE_ABSENT, /* missing, null or an empty string */
  READER_DATE_OK,
  READER_DATE_BAD, /* an error was reported */
} ReaderDateResult;

/* When @text (at @node) is a date naming a day past its month's end ("2024-09-31", which
 * JSON Resume's date pattern accepts), warns "impossible date '2024-09-31': September has
 * 30 days; read as 2024-09-30", sets *@out to that last day and returns TRUE; else FALSE
 * without a message. */
gboolean reader_import_clamped_day(ReadCtx *c, const YdocNode *node, const char *text,
                                   DateValue *out);

/* Reads the date scalar @node (may be NULL) with readctx_date, `present` allowed; a day
 * past its month's end is read as reader_import_clamped_day says. */
ReaderDateResult reader_import_date(ReadCtx *c, const YdocNode *node, DateValue *out);

/* Builds the span from @start (not present: "START_NAME cannot be 'present'") to @end
 * (NULL or present: ongoing, up to today) with readctx_span. @start_node and @end_node
 * give positions for messages (@end_node may be NULL when @end is). Returns FALSE after
 * an error. Sets *@empty when the span is ongoing but starts after today (a warning is
 * reported then). */
gboolean reader_import_span(ReadCtx *c, const DateValue *start, const YdocNode *start_node,
                            const char *start_name, const DateValue *end, const YdocNode *end_node,
                            DateSpan *out, gboolean *empty);

/* Whether @cv has anything to draw: an entry with a period, or a milestone. An import
 * reader that finds nothing reports "nothing to draw: ..." naming what it looked for
 * (issue 13: a file read as empty used to draw an empty chart without a word). */
gboolean reader_import_drawable(const ModelCv *cv);

/* The one wording of that error: "nothing to draw: @what" at @at, when no error was
 * reported before and @cv has nothing to draw. @what names what the reader looked for. */
void reader_import_require_drawable(ReadCtx *c, const ModelCv *cv, const YdocNode *at,
                                    const char *what);

/* Adds @group to @cv when it has entries, else frees it. */
void reader_import_add_group(ModelCv *cv, ModelGroup *group);

/* The final steps shared by both readers: overlapping periods joined
 * (model_cv_normalise_periods), role merging (unless @opts turns it off; each
 * overlap trimmed to put two roles on one bar is a warning at the trimmed role),
 * milestone order, today. Returns @cv, or frees it and returns NULL when errors were
 * reported since reader_import_begin. */
ModelCv *reader_import_finish(ReadCtx *c, const ReaderOptions *opts, ModelCv *cv);
