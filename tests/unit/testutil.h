/* Helpers the reader unit tests share: parse-and-read, bounds-checked access to the model,
 * and message assertions. Header-only and static inline, so that a test includes what it
 * needs without unused-function warnings and tests/meson.build stays as it is. */
#pragma once

#include "reader.h"

#include <string.h>

static inline DateDay ymd(int y, int m, int d)
{
  return date_from_ymd(y, m, d);
}

/* Reads @len bytes of @text as the file @file with @opts, as main.c does; the messages of
 * parsing and reading go to @diags. */
static inline ModelCv *test_read_text(const char *file, const char *text, gsize len,
                                      const ReaderOptions *opts, DiagList *diags)
{
  ReaderSource *src = reader_source_new(file, text, len);
  ModelCv *cv = reader_read(src, opts, diags);
  reader_source_free(src);
  return cv;
}

static inline ModelGroup *group_at(const ModelCv *cv, guint i)
{
  g_assert_cmpuint(i, <, cv->groups->len);
  return g_ptr_array_index(cv->groups, i);
}

static inline ModelEntry *entry_at(const ModelCv *cv, guint group, guint index)
{
  ModelGroup *g = group_at(cv, group);
  g_assert_cmpuint(index, <, g->entries->len);
  return g_ptr_array_index(g->entries, index);
}

static inline const DateSpan *period_at(const ModelEntry *e, guint i)
{
  g_assert_cmpuint(i, <, e->periods->len);
  return &g_array_index(e->periods, DateSpan, i);
}

/* Asserts that message @i is @severity at @line:@column and contains @needle. */
static inline void assert_diag(const DiagList *diags, guint i, DiagSeverity severity, int line,
                               int column, const char *needle)
{
  g_assert_cmpuint(i, <, diag_len(diags));
  const Diag *d = diag_get(diags, i);
  g_assert_cmpint(d->severity, ==, severity);
  g_assert_cmpint(d->line, ==, line);
  g_assert_cmpint(d->column, ==, column);
  if (strstr(d->text, needle) == NULL)
    g_error("message '%s' lacks '%s'", d->text, needle);
}
