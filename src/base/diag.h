/* Diagnostics as values: errors and warnings with 1-based positions, printed as
 * `FILE:LINE:COLUMN: error: TEXT` (doc/cli.md "Messages", doc/cv-format.md "Messages").
 * Library code adds to a DiagList; only main.c prints it. */
#pragma once

#include <glib.h>
#include <stdio.h>

typedef enum {
  DIAG_ERROR,
  DIAG_WARNING,
} DiagSeverity;

typedef struct {
  DiagSeverity severity;
  char *file; /* owned by the list */
  int line;   /* 1-based; 0 when the message has no position */
  int column; /* 1-based; 0 when the message has no position */
  char *text; /* owned; control characters and invalid UTF-8 already escaped */
} Diag;

typedef struct DiagList DiagList;

/* How many errors, and separately how many warnings, are kept; further ones are only
 * counted and printed as one line "cvtimeline: N more errors not shown". Capping the two
 * apart means a flood of warnings can never hide an error. */
#define DIAG_MAX_KEPT 100

/* Returns a new empty list, owned by the caller (free with diag_list_free). */
DiagList *diag_list_new(void);
/* Frees the list and its messages; accepts NULL. */
void diag_list_free(DiagList *list);

/* Escapes @text for a terminal: ASCII controls and DEL become \n, \t, \r or \xNN; invalid
 * UTF-8 bytes become \xNN; C1 controls, bidi overrides, U+2028/9 and U+FEFF become \uNNNN.
 * @text may be NULL (gives ""). Returns a new string owned by the caller. */
char *diag_escape(const char *text);

/* Adds an error or a warning (an error when strict). A line of 0 means no position
 * ("FILE: error: TEXT"); a column of 0 with a line prints "FILE:LINE: error: TEXT".
 * A NULL @file prints as "cvtimeline". The formatted text is escaped before it is stored, so
 * user text may be passed through %s safely. @file is copied (escaped too). */
void diag_error(DiagList *list, const char *file, int line, int column, const char *fmt, ...)
    G_GNUC_PRINTF(5, 6);
void diag_warning(DiagList *list, const char *file, int line, int column, const char *fmt, ...)
    G_GNUC_PRINTF(5, 6);

/* Number of errors (resp. warnings) added, including those past DIAG_MAX_KEPT. */
guint diag_error_count(const DiagList *list);
guint diag_warning_count(const DiagList *list);
/* Kept messages, in the order added. The pointer stays owned by the list. */
guint diag_len(const DiagList *list);
const Diag *diag_get(const DiagList *list, guint index);

/* --strict: turns every warning (present and future) into an error. */
void diag_set_strict(DiagList *list, gboolean strict);

/* Prints every kept message, one per line, sorted by file, line, column (stable), then
 * a count of those not kept. Warnings are skipped when @quiet. */
void diag_print(const DiagList *list, FILE *out, gboolean quiet);
