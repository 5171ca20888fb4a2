/* Helpers shared by the JSON Resume and RenderCV readers (spec/cli.md "input formats",
 * doc/importing.md): typed field access with positioned errors, dates and spans, text
 * shortening and the finishing steps. Implemented in reader_import.c. Private to the
 * two import readers. */
#pragma once

#include "reader.h"

/* The import readers accept at most this gap between two roles at one organisation and
 * still draw them as one bar (about three months). */
#define READER_IMPORT_MERGE_GAP_DAYS 100

/* One reading pass: where messages go and what `present` means. Borrowed pointers. */
typedef struct {
  const char *file;
  const ReaderOptions *opts;
  DiagList *diags;
  DateDay today;
  guint items;         /* entries and milestones read so far (max_entries guard) */
  gboolean too_many;   /* the max_entries error was reported */
  guint errors_before; /* errors in @diags before this pass: the read fails on any more */
} ReaderImport;

/* Sets up @ri for @doc (today is --today when given, else the clock's) and returns the
 * document's top-level mapping, or NULL after an error (an empty file, or another kind of
 * node at the top). */
const YdocNode *reader_import_begin(ReaderImport *ri, const YdocDoc *doc,
                                    const ReaderOptions *opts, DiagList *diags);

/* TRUE when @node is of @kind; otherwise reports "expected KIND, found KIND" at @node
 * (the wording of the native reader) and returns FALSE. */
gboolean reader_import_expect(ReaderImport *ri, const YdocNode *node, YdocKind kind);

/* The text of the scalar @key in @map as a new string owned by the caller, shortened to
 * max_text_chars with a warning. NULL when absent, null or empty; NULL with an error
 * when it is a list or a mapping. */
char *reader_import_text(ReaderImport *ri, const YdocNode *map, const char *key);

/* The first of @key and @old_key (may be NULL) that @map has, as reader_import_text. */
char *reader_import_text2(ReaderImport *ri, const YdocNode *map, const char *key,
                          const char *old_key);

/* The node of the first of @key and @old_key present and not null in @map, or NULL. */
const YdocNode *reader_import_field(const YdocNode *map, const char *key, const char *old_key);

typedef enum {
  READER_DATE_ABSENT, /* missing, null or an empty string */
  READER_DATE_OK,
  READER_DATE_BAD, /* an error was reported */
} ReaderDateResult;

/* Reads the date scalar @node (may be NULL). ISO timestamps
 * (`2019-08-01T00:00:00Z`) are read as their day. Unparsable dates and lists or
 * mappings are errors. */
ReaderDateResult reader_import_date(ReaderImport *ri, const YdocNode *node, DateValue *out);

/* Builds the span from @start (not present) to @end (NULL or present: ongoing, up to
 * today). @start_node and @end_node give positions for messages (@end_node may be NULL),
 * @start_name the start field's name.
 * Returns FALSE after an error (present as a start, end before start). Sets *@empty when
 * the span is ongoing but starts after today (a warning is reported then). */
gboolean reader_import_span(ReaderImport *ri, const DateValue *start, const YdocNode *start_node,
                            const char *start_name, const DateValue *end, const YdocNode *end_node,
                            DateSpan *out, gboolean *empty);

/* Counts one more entry or milestone; FALSE (with one error at @node) past max_entries. */
gboolean reader_import_count(ReaderImport *ri, const YdocNode *node);

/* Adds @group to @cv when it has entries, else frees it. */
void reader_import_add_group(ModelCv *cv, ModelGroup *group);

/* The final steps shared by both readers: role merging (unless turned off), milestone
 * order. Returns @cv, or frees it and returns NULL when errors were reported since
 * reader_import_begin. */
ModelCv *reader_import_finish(ReaderImport *ri, ModelCv *cv);
