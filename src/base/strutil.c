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

/* 10^0 .. 10^17, all exact in a double (5^17 < 2^53). */
static const double pow10_table[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,
                                     1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17};

/* The exact path: printf rounds the binary value exactly, half to even. Only for values
 * whose scaled magnitude is 2^52 or more (an integer part of 16 digits and up), which the
 * integer path cannot hold; and for NaN and infinities. */
static gsize format_number_printf(char *buf, double value, int decimals)
{
  char format[16];
  g_snprintf(format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd(buf, STRUTIL_NUMBER_MAX, format, value);
  gsize n = strlen(buf);
  if (!isfinite(value))
    return n;
  if (strchr(buf, '.') != NULL) {
    while (n > 0 && buf[n - 1] == '0')
      buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == '.')
      buf[--n] = '\0';
  }
  if (strcmp(buf, "-0") == 0) {
    strcpy(buf, "0");
    n = 1;
  }
  return n;
}

/* Writes the decimal digits of @v (at least @min_digits of them, zero-padded) ending just
 * before @end; returns where they start. */
static char *write_digits(char *end, guint64 v, int min_digits)
{
  char *p = end;
  while (v > 0 || min_digits > 0) {
    *--p = (char)('0' + v % 10);
    v /= 10;
    min_digits--;
  }
  return p;
}

guint strutil_hash_bytes(const void *data, gsize len)
{
  /* Each word multiplied in (the 64-bit golden ratio), and murmur3's finaliser to mix
   * the high bits down. */
  const guint64 k = 0x9e3779b97f4a7c15ull;
  const unsigned char *p = data;
  guint64 h = len * k;
  for (; len >= 8; p += 8, len -= 8) {
    guint64 w;
    memcpy(&w, p, 8);
    h = (h ^ w) * k;
    h ^= h >> 29;
  }
  guint64 tail = 0;
  if (len > 0) /* an empty GBytes' data may be NULL, which memcpy must not see */
    memcpy(&tail, p, len);
  h = (h ^ tail) * k;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return (guint)h;
}

guint strutil_str_hash(gconstpointer key)
{
  return strutil_hash_bytes(key, strlen(key));
}

gsize strutil_number_to(char *buf, double value, int decimals)
{
  decimals = CLAMP(decimals, 0, 17);
  double a = fabs(value);
  double unit = pow10_table[decimals];
  double s = a * unit;
  /* Below 2^52 the scaled value's fraction and 0.5 are both multiples of its ulp, so the
   * fraction decides the rounding unless it is exactly one half; then the product's exact
   * residual (fma) says which side of the tie the true value lies on. */
  if (!(s < 4503599627370496.0))
    return format_number_printf(buf, value, decimals);
  double whole = floor(s);
  double frac = s - whole;
  guint64 q = (guint64)whole;
  if (frac > 0.5) {
    q++;
  } else if (frac == 0.5) {
    double residual = fma(a, unit, -s);
    if (residual > 0 || (residual == 0 && (q & 1)))
      q++;
  }
  if (q == 0) {
    strcpy(buf, "0");
    return 1;
  }
  guint64 scale = (guint64)unit;
  guint64 ipart = q / scale, fpart = q % scale;
  char tmp[48];
  char *end = tmp + sizeof tmp, *p = end;
  int digits = decimals;
  while (digits > 0 && fpart % 10 == 0 && fpart > 0) {
    fpart /= 10;
    digits--;
  }
  if (fpart > 0) {
    p = write_digits(p, fpart, digits);
    *--p = '.';
  }
  p = write_digits(p, ipart, 1);
  if (value < 0)
    *--p = '-';
  gsize n = (gsize)(end - p);
  memcpy(buf, p, n);
  buf[n] = '\0';
  return n;
}

const char *strutil_format_number(char *buf, gsize size, double value, int decimals)
{
  g_return_val_if_fail(buf != NULL && size > 0, buf);
  if (size >= STRUTIL_NUMBER_MAX) {
    strutil_number_to(buf, value, decimals);
    return buf;
  }
  char full[STRUTIL_NUMBER_MAX];
  strutil_number_to(full, value, decimals);
  g_strlcpy(buf, full, size);
  return buf;
}

void strutil_append_number(GString *out, double value, int decimals)
{
  gsize len = out->len;
  g_string_set_size(out, len + STRUTIL_NUMBER_MAX);
  gsize n = strutil_number_to(out->str + len, value, decimals);
  g_string_truncate(out, len + n);
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
gboolean strutil_is_dropped(gunichar c)
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
  /* Printable ASCII stays as it is: the usual text goes in at once, not by character. */
  const char *start = text ? text : "", *plain = start;
  while ((unsigned char)*plain >= 0x20 && (unsigned char)*plain < 0x7f)
    plain++;
  g_string_append_len(out, start, plain - start);
  for (const char *p = plain; *p; p = g_utf8_next_char(p)) {
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

gboolean strutil_is_blank(const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace(*p))
      return FALSE;
  return TRUE;
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

gboolean strutil_url_scheme_ok(const char *url)
{
  static const char *const schemes[] = {"https://", "http://", "mailto:"};
  for (gsize i = 0; url != NULL && i < G_N_ELEMENTS(schemes); i++) {
    gsize n = strlen(schemes[i]);
    if (g_ascii_strncasecmp(url, schemes[i], n) == 0 && url[n] != '\0')
      return TRUE;
  }
  return FALSE;
}

gboolean strutil_url_has_space(const char *url)
{
  if (strutil_has_unclean(url))
    return TRUE;
  for (const char *p = url; *p; p = g_utf8_next_char(p))
    if (g_unichar_isspace(g_utf8_get_char(p)))
      return TRUE;
  return FALSE;
}

gboolean strutil_url_followable(const char *url)
{
  return url != NULL && g_utf8_validate(url, -1, NULL) && strutil_url_scheme_ok(url) &&
         !strutil_url_has_space(url);
}
