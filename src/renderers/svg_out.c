/* svg_out: buffered output, C-locale numbers and safe text for the SVG writer
 * (spec/visual.md "SVG"; DESIGN.md "Locale never changes output"). */
#include "svg_out.h"

#include "strutil.h"

#include <math.h>
#include <string.h>

/* Big enough that a 30 MB document costs a few hundred sink calls. */
#define SVG_OUT_CHUNK (64 * 1024)

SvgOut *svg_out_new(SvgOutSink sink, gpointer closure, int decimals)
{
  SvgOut *out = g_new0(SvgOut, 1);
  out->cap = SVG_OUT_CHUNK;
  out->buf = g_malloc(out->cap);
  out->sink = sink;
  out->closure = closure;
  out->decimals = decimals;
  return out;
}

void svg_out_free(SvgOut *out)
{
  if (out == NULL)
    return;
  g_free(out->buf);
  g_free(out);
}

gboolean svg_out_flush(SvgOut *out)
{
  if (out->len > 0 && !out->failed && !out->sink(out->closure, out->buf, out->len))
    out->failed = TRUE;
  out->len = 0;
  return !out->failed;
}

char *svg_out_reserve(SvgOut *out, gsize n)
{
  if (out->len + n > out->cap) {
    svg_out_flush(out);
    if (n > out->cap) {
      out->cap = n;
      out->buf = g_realloc(out->buf, out->cap);
    }
  }
  return out->buf + out->len;
}

void svg_out_num_at(SvgOut *out, double value, int decimals)
{
  if (!isfinite(value))
    value = 0;
  char *p = svg_out_reserve(out, STRUTIL_NUMBER_MAX);
  svg_out_commit(out, strutil_number_to(p, value, decimals));
}

void svg_out_num(SvgOut *out, double value)
{
  svg_out_num_at(out, value, out->decimals);
}

void svg_out_attr(SvgOut *out, const char *name_eq, double value)
{
  svg_out_str(out, name_eq);
  svg_out_num(out, value);
  svg_out_c(out, '"');
}

void svg_out_uint(SvgOut *out, guint64 value)
{
  char tmp[24], *end = tmp + sizeof tmp, *p = end;
  do {
    *--p = (char)('0' + value % 10);
    value /= 10;
  } while (value > 0);
  svg_out_raw(out, p, (gsize)(end - p));
}

gboolean svg_char_allowed(gunichar c)
{
  /* What XML cannot hold (controls) and what the readers' cleaning drops, by its own rule,
   * so that the SVG's text is the text the other formats draw: directional marks (U+200E,
   * U+200F, U+061C) stay, as they do there. */
  if (c < 0x20)
    return c == '\t' || c == '\n';
  if (c >= 0x7f && c <= 0x9f)
    return FALSE;
  return !strutil_is_dropped(c);
}

/* One character of @p (before @end) as it may be written: *@n bytes at *@bytes, or none
 * (*@n 0) for a character left out. Invalid UTF-8 is U+FFFD; tab, CR and newline (unless
 * @keep_newlines) a space. Returns where the next character starts. Inline: it runs over
 * every label and tooltip of a large chart. */
static inline const char *next_allowed(const char *p, const char *end, gboolean keep_newlines,
                                       const char **bytes, gsize *n)
{
  unsigned char b = (unsigned char)*p;
  if (b < 0x80) {
    *bytes = p;
    *n = 1;
    if (b == '\t' || b == '\r' || (b == '\n' && !keep_newlines))
      *bytes = " ";
    else if ((b < 0x20 && b != '\n') || b == 0x7f)
      *n = 0;
    return p + 1;
  }
  gunichar c = g_utf8_get_char_validated(p, end - p);
  if (c == (gunichar)-1 || c == (gunichar)-2) {
    *bytes = "\xef\xbf\xbd";
    *n = 3;
    return p + 1;
  }
  const char *next = g_utf8_next_char(p);
  *bytes = p;
  *n = svg_char_allowed(c) ? (gsize)(next - p) : 0;
  return next;
}

/* A byte that XML character data and attribute values take as it is: printable ASCII
 * other than the five that out_entity escapes. */
static inline gboolean plain_ascii(unsigned char b)
{
  return b >= 0x20 && b < 0x7f && b != '&' && b != '<' && b != '>' && b != '"' && b != '\'';
}

static void out_entity(SvgOut *out, char c)
{
  switch (c) {
  case '&':
    svg_out_raw(out, "&amp;", 5);
    break;
  case '<':
    svg_out_raw(out, "&lt;", 4);
    break;
  case '>':
    svg_out_raw(out, "&gt;", 4);
    break;
  case '"':
    svg_out_raw(out, "&quot;", 6);
    break;
  case '\'':
    svg_out_raw(out, "&apos;", 6);
    break;
  default:
    svg_out_c(out, c);
    break;
  }
}

void svg_out_text(SvgOut *out, const char *text, gboolean keep_newlines)
{
  if (text == NULL)
    return;
  const char *p = text, *end = text + strlen(text), *bytes;
  gsize n;
  while (p < end) {
    /* Most of a tooltip is printable ASCII that needs no escape: written as runs. */
    const char *run = p;
    while (p < end && plain_ascii((unsigned char)*p))
      p++;
    if (p > run)
      svg_out_raw(out, run, (gsize)(p - run));
    if (p == end)
      break;
    p = next_allowed(p, end, keep_newlines, &bytes, &n);
    if (n == 1)
      out_entity(out, bytes[0]);
    else
      svg_out_raw(out, bytes, n);
  }
}

/* One ASCII character of a CSS string. */
static void css_char(GString *css, char c)
{
  if (g_ascii_isalnum(c) || c == ' ' || c == '-' || c == '_') {
    g_string_append_c(css, c);
    return;
  }
  /* "\27 ": the space ends the escape, so that a hex digit after it stays a character;
   * no quote, backslash, '<' or '&' is left to end the string or the <style> element. */
  static const char hex[] = "0123456789ABCDEF";
  unsigned char b = (unsigned char)c;
  char esc[4] = {'\\', hex[b >> 4], hex[b & 15], ' '};
  g_string_append_len(css, esc, 4);
}

void svg_css_append_string(GString *css, const char *text)
{
  g_string_append_c(css, '"');
  const char *p = text ? text : "", *end = p + strlen(p), *bytes;
  gsize n;
  while (p < end) {
    p = next_allowed(p, end, FALSE, &bytes, &n);
    if (n == 1)
      css_char(css, bytes[0]);
    else
      g_string_append_len(css, bytes, (gssize)n);
  }
  g_string_append_c(css, '"');
}

char *svg_clean_text(const char *text, gboolean keep_newlines)
{
  GString *s = g_string_sized_new(text ? strlen(text) : 0);
  const char *p = text ? text : "", *end = p + strlen(p), *bytes;
  /* The characters kept as they are go in as runs, not one by one. */
  const char *run = p;
  gsize n;
  while (p < end) {
    const char *next = next_allowed(p, end, keep_newlines, &bytes, &n);
    if (bytes != p || n != (gsize)(next - p)) {
      g_string_append_len(s, run, p - run);
      g_string_append_len(s, bytes, (gssize)n);
      run = next;
    }
    p = next;
  }
  g_string_append_len(s, run, p - run);
  return g_string_free(s, FALSE);
}

