/* readctx: the one reading context for everything read from a ydoc tree (the CV readers;
 * styles): messages at nodes, typed getters, unknown keys with "did you mean", the item
 * cap, each message in one wording (doc/cv-format.md "Messages"). Modelled on foot's
 * `struct context`. A reader sets the fields it needs, then reads through the getters;
 * every getter reports its own problem and returns FALSE (or NULL) after an error. */
#pragma once

#include "date.h"
#include "diag.h"
#include "ydoc.h"

/* User text quoted in a message is cut to this many characters (readctx_shown). */
#define READCTX_SHOWN_CHARS 40

/* The usual cap on one user text, in characters (a CV's by default, a style's always). */
#define READCTX_MAX_TEXT_CHARS 500

typedef struct {
  /* Set by readctx_init; borrowed. */
  const char *file; /* the name in messages */
  DiagList *diags;
  /* Policy, set by the reader after readctx_init. */
  gboolean positions;         /* messages carry the node's line:column (default TRUE) */
  guint max_text_chars;       /* longer text is shortened, with a warning; 0: no limit */
  guint max_items;            /* entries and milestones (readctx_count); 0: no limit */
  gboolean accept_timestamps; /* a date may be an ISO timestamp, read as its day */
  gboolean unknown_is_error;  /* an unknown key is an error, not a warning (--set) */
  DateDay today;              /* what `present` means (readctx_span) */
  const Lang *lang;           /* whose month and present words dates are read in, then
                                 English's (NULL: English alone); borrowed */
  const char *key;            /* the key being read, for a reader whose messages name it (a style:
                                 --set has no position to point at); NULL: none; borrowed */
  /* Kept by the getters. */
  guint items;         /* counted so far */
  gboolean over_limit; /* the cap was reported: read nothing more */
  guint errors_before; /* errors in @diags at readctx_init */
} ReadCtx;

/* Starts a pass over @file's tree: messages go to @diags (both borrowed for as long as
 * @c is used), with positions, and no limits. */
void readctx_init(ReadCtx *c, const char *file, DiagList *diags);

/* A scalar node holding @text (borrowed) at @line:@column, for text read in another
 * syntax (a CSV cell, a BibTeX field): it then goes through the same getters, with its
 * own position in messages. Never a null: an empty cell is read as absent text. */
YdocNode readctx_cell(int line, int column, const char *text);

/* TRUE when errors were reported since readctx_init (warnings too, under --strict). */
gboolean readctx_failed(const ReadCtx *c);

/* An error or a warning at @at (NULL, or positions off: no position). */
void readctx_error(ReadCtx *c, const YdocNode *at, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
void readctx_warning(ReadCtx *c, const YdocNode *at, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* @text as quoted in messages: trimmed and cut to READCTX_SHOWN_CHARS. Caller frees. */
char *readctx_shown(const char *text);

/* What @node is, for "found ...": "a string", "a list", "a mapping", or "an empty value"
 * for a null. Static text. */
const char *readctx_found(const YdocNode *node);

/* What @node is, quoting a scalar's text: "'abc'" (readctx_shown), else as
 * readctx_found. A new string owned by the caller. */
char *readctx_found_value(const YdocNode *node);

/* TRUE when @node is of @kind (a null is no string); otherwise "expected KIND, found
 * WHAT" at @node and FALSE. */
gboolean readctx_expect(ReadCtx *c, const YdocNode *node, YdocKind kind);

/* FALSE for a null (nothing given: no message) and, after readctx_expect's error, for a
 * node not of @kind. */
gboolean readctx_given(ReadCtx *c, const YdocNode *node, YdocKind kind);

/* The top-level mapping of @doc, or NULL after an error: "the file is empty: expected a
 * mapping at the top level", or "expected a mapping at the top level, found WHAT". */
const YdocNode *readctx_root(ReadCtx *c, const YdocDoc *doc);

/* @text (of the node @at) as a new string to keep: cleaned (strutil_clean_text: no bidi
 * controls, noncharacters or control characters; trimmed), then shortened to
 * max_text_chars with the warning "text longer than N characters, shortened" at @at.
 * NULL when nothing is left. Every user text a reader keeps goes through here, so the
 * model holds only clean text. */
char *readctx_text(ReadCtx *c, const YdocNode *at, const char *text);

/* Reads an optional string into *@out (freed first; a new string, or NULL when null or
 * nothing is left), as readctx_text. FALSE after "expected a string, found WHAT". */
gboolean readctx_string(ReadCtx *c, const YdocNode *node, char **out);

/* @text (trimmed of ASCII white space) as a link to keep, or NULL: the one URL policy.
 * Only http:, https: and mailto: links (any case), and only as written: a refused link
 * is never changed, and is a warning at @at: "url 'TEXT' has a space or a control
 * character: not linked", "url 'TEXT' is not http, https or mailto: not linked" or "url
 * longer than N characters: not linked" (max_text_chars). NULL without a message for an
 * empty @text. */
char *readctx_link(ReadCtx *c, const YdocNode *at, const char *text);

/* Reads an optional url into *@out (freed first) with readctx_link; NULL when null,
 * empty or refused. FALSE after "expected a string, found WHAT". */
gboolean readctx_url(ReadCtx *c, const YdocNode *node, char **out);

/* Reads a boolean in the one vocabulary (strutil_parse_bool: true/yes/on, false/no/off,
 * any case; quoted too). FALSE after "expected true or false, found
 * 'TEXT'" (or "found WHAT" for a list, a mapping or a null); with @c->key set, "'KEY' must
 * be true or false, found ...", as a style words every value's error. */
gboolean readctx_bool(ReadCtx *c, const YdocNode *node, gboolean *out);

/* Reads a date (date_parse_in @c->lang; with accept_timestamps also
 * `2019-08-01T00:00:00Z` as its day). @what names the field for the error "WHAT cannot be
 * 'present'", or is NULL when `present` is allowed. FALSE after that error, "expected a
 * date, found WHAT", for a day past its month's end "impossible date 'TEXT': September has
 * 30 days" (date_day_overflow, date_words_day_overflow), or "unparsable date 'TEXT': " DATE_FORMS_HINT followed by
 * readctx_date_languages's words. */
gboolean readctx_date(ReadCtx *c, const YdocNode *node, const char *what, DateValue *out);

/* The one warning for a day past its month's end that a reader reads as the month's
 * last day @clamped (date_day_past_end, date_day_overflow): "impossible date 'TEXT':
 * September has 30 days; read as 2024-09-30", the explanation readctx_date's error gives,
 * after "WHO: " when @who (the entry, for readers of exported data) is not NULL. @text is
 * the date as the file wrote it. */
void readctx_day_clamped(ReadCtx *c, const YdocNode *node, const char *who, const char *text,
                         const DateValue *clamped);

/* What an "unparsable date" message adds about languages, for @text read in @lang (NULL:
 * English): " (words read as German, then English)", or " (words read as English)"; then,
 * when another catalog reads @text as a date (as periods, date_parse_periods_in, with
 * @period), "; as
 * Portuguese it is a date: set the CV's language to 'pt'". A new string owned by the
 * caller. */
char *readctx_date_languages(const Lang *lang, const char *text, gboolean period);

/* Builds the span from @start (not present) to @end: NULL (omitted) or present means
 * ongoing, up to today. @approx marks both ends approximate. Reports "end (E) is before
 * start (S)" at @end_node (error, FALSE) and, for an ongoing span starting after today,
 * "today (T) is before start (S); the ongoing period is left out" at @start_node
 * (warning; *@keep is then FALSE). S and E are the nodes' text. */
gboolean readctx_span(ReadCtx *c, const DateValue *start, const YdocNode *start_node,
                      const DateValue *end, const YdocNode *end_node, gboolean approx,
                      DateSpan *out, gboolean *keep);

/* The built-in language the string @node names (lang_find: "de", "de-AT", "German",
 * RenderCV's "german"), or NULL: after "expected a string, found WHAT" (error), for a null
 * (nothing), or for a name no catalog has, with the warning "unknown language 'NAME':
 * words are read and written in English (languages: CODES)". */
const Lang *readctx_language(ReadCtx *c, const YdocNode *node);

/* Warns (an error with unknown_is_error) "unknown key 'KEY'" at @at, with " (did you mean
 * 'NEAR'?)" when the NULL-terminated @table holds a key close to @key. */
void readctx_unknown_key(ReadCtx *c, const YdocNode *at, const char *key, const char *const *table);

/* Counts one more entry or milestone; FALSE once past max_items, the first time with the
 * error "more than N entries and milestones; the rest is not read" at @node. */
gboolean readctx_count(ReadCtx *c, const YdocNode *node);
