/* svg_out: the SVG writer's output buffer (spec/visual.md "SVG"): bytes collected in a
 * fixed buffer and handed to a sink in large chunks, numbers in the C locale through
 * strutil's one formatter, user text made safe for XML and family names for CSS. The
 * document is never held whole. */
#pragma once

#include <glib.h>
#include <string.h>

/* Receives the document's bytes in order; FALSE (a write error the sink keeps to report)
 * stops the writer: every later write is dropped. */
typedef gboolean (*SvgOutSink)(gpointer closure, const char *data, gsize len);

typedef struct {
  char *buf;
  gsize len, cap;
  SvgOutSink sink;
  gpointer closure;
  gboolean failed;
  int decimals; /* of svg_out_num */
} SvgOut;

/* A writer to @sink writing numbers with at most @decimals decimals; free with
 * svg_out_free after svg_out_flush. */
SvgOut *svg_out_new(SvgOutSink sink, gpointer closure, int decimals);
void svg_out_free(SvgOut *out);

/* Hands what is buffered to the sink. FALSE once the sink has failed. */
gboolean svg_out_flush(SvgOut *out);

/* Makes room for @n more bytes in out->buf (flushing first when needed) and returns where
 * they go; svg_out_commit then says how many were written. */
char *svg_out_reserve(SvgOut *out, gsize n);
static inline void svg_out_commit(SvgOut *out, gsize n)
{
  out->len += n;
}

/* Appends @n bytes as they are (markup the writer made itself). */
static inline void svg_out_raw(SvgOut *out, const char *s, gsize n)
{
  if (out->len + n <= out->cap) {
    memcpy(out->buf + out->len, s, n);
    out->len += n;
    return;
  }
  memcpy(svg_out_reserve(out, n), s, n);
  svg_out_commit(out, n);
}

static inline void svg_out_str(SvgOut *out, const char *s)
{
  svg_out_raw(out, s, strlen(s));
}

static inline void svg_out_c(SvgOut *out, char c)
{
  if (out->len < out->cap)
    out->buf[out->len++] = c;
  else
    svg_out_raw(out, &c, 1);
}

/* A number at the writer's precision (0 for NaN and infinities; never "-0"). */
void svg_out_num(SvgOut *out, double value);
/* The same with @decimals decimals. */
void svg_out_num_at(SvgOut *out, double value, int decimals);
/* ` NAME="NUMBER"`; @name_eq is ` NAME="`. */
void svg_out_attr(SvgOut *out, const char *name_eq, double value);
/* An unsigned integer in decimal. */
void svg_out_uint(SvgOut *out, guint64 value);

/* @text as XML character data or attribute value (svg_clean_text, then &, <, >, " and '
 * escaped). */
void svg_out_text(SvgOut *out, const char *text, gboolean keep_newlines);

/* Appends @text as a quoted CSS string safe inside an XML <style> element: every ASCII
 * character but letters, digits, space, '-' and '_' written as a CSS escape (`O'Reilly`
 * -> "O\27 Reilly", a trailing backslash -> "\5C "), printable non-ASCII characters as
 * they are, and what svg_clean_text removes left out. */
void svg_css_append_string(GString *css, const char *text);

/* Whether code point @c may reach the SVG's text, title, desc and tooltips: not a control
 * character (C0 but tab and newline, DEL, C1), not a Unicode noncharacter (U+FDD0..U+FDEF,
 * U+nFFFE, U+nFFFF), not a bidi control (U+061C, U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069): those would reorder the text around them in a page. */
gboolean svg_char_allowed(gunichar c);

/* @text with invalid UTF-8 repaired (U+FFFD), the characters svg_char_allowed refuses
 * removed, and tab, CR and (unless @keep_newlines) newline made spaces. Returns a new
 * string owned by the caller; NULL gives "". */
char *svg_clean_text(const char *text, gboolean keep_newlines);

