/* Diagnostics as values: a list of errors and warnings with positions, escaped when added
 * and printed sorted as `FILE:LINE:COLUMN: error: TEXT` (doc/cli.md "Messages",
 * doc/cv-format.md "Messages"). */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct DiagList {
  GPtrArray *kept; /* of Diag*, in the order added */
  guint kept_errors;
  guint kept_warnings;
  guint dropped_errors;
  guint dropped_warnings;
  gboolean strict;
};

static void diag_free(gpointer data)
{
  Diag *d = data;
  g_free(d->file);
  g_free(d->text);
  g_free(d);
}

DiagList *diag_list_new(void)
{
  DiagList *list = g_new0(DiagList, 1);
  list->kept = g_ptr_array_new_with_free_func(diag_free);
  return list;
}

void diag_list_free(DiagList *list)
{
  if (list == NULL)
    return;
  g_ptr_array_unref(list->kept);
  g_free(list);
}

/* Code points that are valid UTF-8 yet can rewrite what a terminal or an editor shows:
 * C1 controls (CSI is U+009B), bidirectional overrides ("Trojan Source"), line and
 * paragraph separators, and the BOM. */
static gboolean is_dangerous_codepoint(gunichar u)
{
  return (u >= 0x80 && u <= 0x9f) || u == 0x200e || u == 0x200f || (u >= 0x202a && u <= 0x202e) ||
         (u >= 0x2066 && u <= 0x2069) || u == 0x2028 || u == 0x2029 || u == 0xfeff;
}

char *diag_escape(const char *text)
{
  if (text == NULL)
    return g_strdup("");
  GString *out = g_string_sized_new(strlen(text) + 8);
  const char *p = text;
  const char *end = text + strlen(text);
  while (p < end) {
    guchar c = (guchar)*p;
    if (c < 0x80) {
      if (c == '\n')
        g_string_append(out, "\\n");
      else if (c == '\t')
        g_string_append(out, "\\t");
      else if (c == '\r')
        g_string_append(out, "\\r");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf(out, "\\x%02X", c);
      else
        g_string_append_c(out, (char)c);
      p++;
      continue;
    }
    gunichar u = g_utf8_get_char_validated(p, end - p);
    if (u == (gunichar)-1 || u == (gunichar)-2) {
      /* Invalid or truncated sequence: show the one byte, resynchronise on the next. */
      g_string_append_printf(out, "\\x%02X", c);
      p++;
      continue;
    }
    const char *next = g_utf8_next_char(p);
    if (is_dangerous_codepoint(u))
      g_string_append_printf(out, "\\u%04X", u);
    else
      g_string_append_len(out, p, next - p);
    p = next;
  }
  return g_string_free(out, FALSE);
}

static void diag_add(DiagList *list, DiagSeverity severity, const char *file, int line, int column,
                     const char *fmt, va_list args) G_GNUC_PRINTF(6, 0);

static void diag_add(DiagList *list, DiagSeverity severity, const char *file, int line, int column,
                     const char *fmt, va_list args)
{
  g_return_if_fail(list != NULL);
  if (severity == DIAG_WARNING && list->strict)
    severity = DIAG_ERROR;
  guint *kept_count = severity == DIAG_ERROR ? &list->kept_errors : &list->kept_warnings;
  /* Errors and warnings are capped separately, so a flood of warnings can never hide
   * the error that explains why nothing was written. */
  if (*kept_count >= DIAG_MAX_KEPT) {
    if (severity == DIAG_ERROR)
      list->dropped_errors++;
    else
      list->dropped_warnings++;
    return;
  }
  char *raw = g_strdup_vprintf(fmt, args);
  Diag *d = g_new0(Diag, 1);
  d->severity = severity;
  d->file = file != NULL ? diag_escape(file) : NULL;
  d->line = line > 0 ? line : 0;
  d->column = d->line > 0 && column > 0 ? column : 0;
  d->text = diag_escape(raw);
  g_free(raw);
  g_ptr_array_add(list->kept, d);
  (*kept_count)++;
}

void diag_error(DiagList *list, const char *file, int line, int column, const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  diag_add(list, DIAG_ERROR, file, line, column, fmt, args);
  va_end(args);
}

void diag_warning(DiagList *list, const char *file, int line, int column, const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  diag_add(list, DIAG_WARNING, file, line, column, fmt, args);
  va_end(args);
}

guint diag_error_count(const DiagList *list)
{
  return list == NULL ? 0 : list->kept_errors + list->dropped_errors;
}

guint diag_warning_count(const DiagList *list)
{
  return list == NULL ? 0 : list->kept_warnings + list->dropped_warnings;
}

guint diag_len(const DiagList *list)
{
  return list == NULL ? 0 : list->kept->len;
}

const Diag *diag_get(const DiagList *list, guint index)
{
  g_return_val_if_fail(list != NULL && index < list->kept->len, NULL);
  return g_ptr_array_index(list->kept, index);
}

void diag_set_strict(DiagList *list, gboolean strict)
{
  g_return_if_fail(list != NULL);
  list->strict = strict;
  if (!strict)
    return;
  for (guint i = 0; i < list->kept->len; i++) {
    Diag *d = g_ptr_array_index(list->kept, i);
    if (d->severity == DIAG_WARNING)
      d->severity = DIAG_ERROR;
  }
  list->kept_errors += list->kept_warnings;
  list->kept_warnings = 0;
  list->dropped_errors += list->dropped_warnings;
  list->dropped_warnings = 0;
}

typedef struct {
  const Diag *diag;
  guint index; /* insertion order, the tie-breaker that makes the sort stable */
} SortItem;

static int compare_items(const void *pa, const void *pb)
{
  const SortItem *a = pa;
  const SortItem *b = pb;
  int c = g_strcmp0(a->diag->file, b->diag->file);
  if (c != 0)
    return c;
  if (a->diag->line != b->diag->line)
    return a->diag->line < b->diag->line ? -1 : 1;
  if (a->diag->column != b->diag->column)
    return a->diag->column < b->diag->column ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

static void print_one(const Diag *d, FILE *out)
{
  const char *severity = d->severity == DIAG_ERROR ? "error" : "warning";
  const char *file = d->file != NULL ? d->file : "cvtimeline";
  if (d->line > 0 && d->column > 0)
    fprintf(out, "%s:%d:%d: %s: %s\n", file, d->line, d->column, severity, d->text);
  else if (d->line > 0)
    fprintf(out, "%s:%d: %s: %s\n", file, d->line, severity, d->text);
  else
    fprintf(out, "%s: %s: %s\n", file, severity, d->text);
}

void diag_print(const DiagList *list, FILE *out, gboolean quiet)
{
  g_return_if_fail(list != NULL && out != NULL);
  guint n = list->kept->len;
  SortItem *items = g_new(SortItem, n > 0 ? n : 1);
  for (guint i = 0; i < n; i++) {
    items[i].diag = g_ptr_array_index(list->kept, i);
    items[i].index = i;
  }
  qsort(items, n, sizeof *items, compare_items);
  for (guint i = 0; i < n; i++) {
    if (quiet && items[i].diag->severity == DIAG_WARNING)
      continue;
    print_one(items[i].diag, out);
  }
  g_free(items);
  if (list->dropped_errors > 0)
    fprintf(out, "cvtimeline: %u more %s not shown\n", list->dropped_errors,
            list->dropped_errors == 1 ? "error" : "errors");
  if (list->dropped_warnings > 0 && !quiet)
    fprintf(out, "cvtimeline: %u more %s not shown\n", list->dropped_warnings,
            list->dropped_warnings == 1 ? "warning" : "warnings");
}
