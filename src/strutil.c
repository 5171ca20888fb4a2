/* String helpers: edit distance for "did you mean" (doc/cv-format.md "Messages"), UTF-8
 * shortening for labels, C-locale number formatting and parsing (doc/architecture.md
 * "Conventions": the locale is never read), and the boolean words of CV and style files. */
#include "strutil.h"

#include <math.h>
#include <string.h>

guint strutil_edit_distance(const char *a, const char *b)
{
  gsize la = strlen(a);
  gsize lb = strlen(b);
  /* Two rows are enough: row i only reads row i-1. */
  guint *prev = g_new(guint, lb + 1);
  guint *cur = g_new(guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    prev[j] = (guint)j;
  for (gsize i = 1; i <= la; i++) {
    cur[0] = (guint)i;
    for (gsize j = 1; j <= lb; j++) {
      guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
      guint best = prev[j - 1] + cost;
      best = MIN(best, prev[j] + 1);
      best = MIN(best, cur[j - 1] + 1);
      cur[j] = best;
    }
    guint *tmp = prev;
    prev = cur;
    cur = tmp;
  }
  guint result = prev[lb];
  g_free(prev);
  g_free(cur);
  return result;
}

const char *strutil_closest(const char *word, const char *const *table)
{
  if (word == NULL || table == NULL)
    return NULL;
  gsize len = strlen(word);
  guint limit = (guint)MAX(1, len / 3) + 1;
  const char *best = NULL;
  guint best_distance = G_MAXUINT;
  for (const char *const *entry = table; *entry != NULL; entry++) {
    gsize elen = strlen(*entry);
    /* The length difference bounds the distance from below: skipping here keeps a
     * hostile megabyte-long key from costing megabytes times the table. */
    gsize diff = elen > len ? elen - len : len - elen;
    if (diff > limit)
      continue;
    guint d = strutil_edit_distance(word, *entry);
    if (d <= limit && d < best_distance) {
      best = *entry;
      best_distance = d;
    }
  }
  return best;
}

char *strutil_truncate_utf8(const char *text, guint max_chars)
{
  g_return_val_if_fail(text != NULL, NULL);
  glong chars = g_utf8_strlen(text, -1);
  if (chars <= (glong)max_chars)
    return g_strdup(text);
  if (max_chars == 0)
    return g_strdup("");
  /* The ellipsis counts as one of the max_chars characters. */
  const char *cut = g_utf8_offset_to_pointer(text, max_chars - 1);
  GString *out = g_string_new_len(text, cut - text);
  g_string_append(out, "…");
  return g_string_free(out, FALSE);
}

const char *strutil_format_number(char *buf, gsize size, double value, int decimals)
{
  g_return_val_if_fail(buf != NULL && size > 0, buf);
  char format[16];
  decimals = CLAMP(decimals, 0, 17);
  g_snprintf(format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd(buf, (gint)MIN(size, (gsize)G_MAXINT), format, value);
  if (!isfinite(value))
    return buf;
  if (strchr(buf, '.') != NULL) {
    gsize n = strlen(buf);
    while (n > 0 && buf[n - 1] == '0')
      buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == '.')
      buf[--n] = '\0';
  }
  /* -0.001 with two decimals rounds to "-0", which means nothing to a reader. */
  if (strcmp(buf, "-0") == 0)
    g_strlcpy(buf, "0", size);
  return buf;
}

gboolean strutil_parse_number(const char *text, double *out)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  /* Only decimal notation: this rules out "nan", "inf", hexadecimal and the leading
   * whitespace that g_ascii_strtod would otherwise accept. */
  if (text[strspn(text, "0123456789+-.eE")] != '\0')
    return FALSE;
  char *end = NULL;
  double value = g_ascii_strtod(text, &end);
  if (end == text || *end != '\0' || !isfinite(value))
    return FALSE;
  if (out != NULL)
    *out = value;
  return TRUE;
}

gboolean strutil_parse_bool(const char *text, gboolean *out)
{
  static const struct {
    const char *word;
    gboolean value;
  } words[] = {
      {"true", TRUE}, {"yes", TRUE}, {"on", TRUE}, {"false", FALSE}, {"no", FALSE}, {"off", FALSE},
  };
  if (text == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS(words); i++) {
    /* g_ascii_strcasecmp, not strcasecmp: the locale must not decide what "on" is. */
    if (g_ascii_strcasecmp(text, words[i].word) == 0) {
      if (out != NULL)
        *out = words[i].value;
      return TRUE;
    }
  }
  return FALSE;
}

/* Dropped: embeddings, overrides and isolates would reorder what follows the text too
 * (the " · org" after a title, "exe.png" read backwards; the bidi algorithm alone still
 * lays out right-to-left text); noncharacters are not for interchange, and Cairo's PDF
 * surface refuses them as invalid UTF-8. */
static gboolean strutil_is_dropped(gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/* A space instead: controls would be drawn as boxes, and a line break would break the
 * one-line labels. */
static gboolean strutil_is_spaced(gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

char *strutil_clean_text(const char *text)
{
  GString *out = g_string_sized_new(text ? strlen(text) : 0);
  gboolean made = FALSE; /* the last character out is a space made from a control */
  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (strutil_is_dropped(c))
      continue;
    gboolean after_space = out->len > 0 && out->str[out->len - 1] == ' ';
    if (strutil_is_spaced(c)) {
      if (!after_space) {
        g_string_append_c(out, ' ');
        made = TRUE;
      }
      continue;
    }
    if (c == ' ' && made && after_space)
      continue; /* "a\a b": one space, not two */
    made = FALSE;
    g_string_append_len(out, p, g_utf8_next_char(p) - p);
  }
  return g_strstrip(g_string_free(out, FALSE));
}

char *strutil_join(const char *const *words, guint n, const char *sep, const char *last)
{
  GString *out = g_string_new(NULL);
  for (guint i = 0; i < n; i++) {
    if (i > 0)
      g_string_append(out, i + 1 == n && last != NULL ? last : sep);
    g_string_append(out, words[i]);
  }
  return g_string_free(out, FALSE);
}

gboolean strutil_has_unclean(const char *text)
{
  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (strutil_is_dropped(c) || strutil_is_spaced(c))
      return TRUE;
  }
  return FALSE;
}

int strutil_invalid_utf8_line(const char *data, gsize len)
{
  const char *end = NULL;
  if (g_utf8_validate(data, (gssize)len, &end))
    return 0;
  int line = 1;
  for (const char *p = data; p < end; p++)
    if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n')))
      line++;
  return line;
}

char *strutil_legacy_to_utf8(const char *data, gsize len, gsize *out_len)
{
  if (g_utf8_validate(data, (gssize)len, NULL) || memchr(data, '\0', len) != NULL)
    return NULL;
  char *out = g_convert(data, (gssize)len, "UTF-8", "WINDOWS-1252", NULL, out_len, NULL);
  if (out == NULL)
    out = g_convert(data, (gssize)len, "UTF-8", "ISO-8859-1", NULL, out_len, NULL);
  return out;
}
