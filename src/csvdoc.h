/* csvdoc: a CSV file (RFC 4180, as spreadsheets and exporters write it) as rows of cells
 * that keep their position, read through libcsv; the only module that includes csv.h.
 * Quoted commas, quotes and line breaks, a byte order mark, CRLF or CR line ends, UTF-16
 * text and `;` or tab as the separator are all accepted. */
#pragma once

#include "diag.h"
#include "ydoc.h"

/* One record. Its cells are scalar YdocNodes, so that the reading context (readctx.h)
 * reports at them like at any node: line is the line the record starts on, column the
 * field's number (1-based); text is valid UTF-8 without NUL, as written, not trimmed. */
typedef struct {
  int line;
  guint n;
  YdocNode *cells;
} CsvdocRow;

typedef struct {
  char *file;      /* the name used in messages, owned */
  GPtrArray *rows; /* of CsvdocRow*, owned, in file order; blank lines are not rows */
  /* private */
  GStringChunk *text;
} CsvdocTable;

/* At most this many cells in one file (a guard: a file of commas is many cells). */
#define CSVDOC_MAX_CELLS 2000000u

/* Parses the @len bytes at @data as CSV. @file names the file in messages. Returns a new
 * table owned by the caller; NULL after an error in @diags ("more than N fields"). Bytes
 * that are not UTF-8 are replaced by U+FFFD and NUL bytes dropped, with one warning each
 * at the first place ("not valid UTF-8: the bytes that are not are replaced"). */
CsvdocTable *csvdoc_parse(const char *file, const char *data, gsize len, DiagList *diags);

/* Frees the table; accepts NULL. */
void csvdoc_free(CsvdocTable *table);

/* The fields of the first non-blank record of @data, as a new NULL-terminated array
 * owned by the caller (g_strfreev), each trimmed; NULL when there is none, or when the
 * text holds a NUL byte before its end. Reads no further than that record, so that
 * detectors can ask cheaply what a file's header says. */
char **csvdoc_first_row(const char *data, gsize len);
