/* ydoc's JSON path: JSON is read as YAML's flow style, after the fix-ups that make real
 * JSON files valid YAML (doc/importing.md). ydoc.c itself knows only YAML; what JSON
 * alone needs lives here, so YAML files never meet it. */
#include "ydoc.h"

#include <string.h>

/* Where the text starts: after a UTF-8 byte order mark, if any. */
static gsize json_bom_length(const char *data, gsize len)
{
  return len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

gboolean ydoc_looks_like_json(const char *data, gsize len)
{
  if (data == NULL)
    return FALSE;
  for (gsize i = json_bom_length(data, len); i < len; i++) {
    if (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')
      continue;
    return data[i] == '{' || data[i] == '[';
  }
  return FALSE;
}

/* ---- Surrogate pairs ----
 * JSON writers that escape non-ASCII (Python's json.dump by default) write a character
 * outside the BMP, such as an emoji, as a UTF-16 surrogate pair "\uD83D\uDE80"; YAML
 * (and libyaml) accept only "\U0001F680". JSON strings are easy to find exactly, so the
 * pairs are rewritten before libyaml sees them. Columns after such a pair on its line
 * shift left by two; a lone surrogate is left for libyaml to report. */

/* The value of the four hex digits at @p, or -1. */
static int hex4(const char *p)
{
  int v = 0;
  for (int i = 0; i < 4; i++) {
    int d = g_ascii_xdigit_value(p[i]);
    if (d < 0)
      return -1;
    v = v * 16 + d;
  }
  return v;
}

/* A copy of @data with the surrogate pairs of its strings rewritten, or NULL when there
 * is nothing to rewrite. */
static char *json_rewrite_surrogates(const char *data, gsize len, gsize *len_out)
{
  if (g_strstr_len(data, (gssize)len, "\\u") == NULL)
    return NULL;
  GString *out = NULL;
  gboolean in_string = FALSE;
  gsize copied = 0;
  for (gsize i = json_bom_length(data, len); i < len; i++) {
    char c = data[i];
    if (!in_string) {
      in_string = c == '"';
      continue;
    }
    if (c == '"') {
      in_string = FALSE;
      continue;
    }
    if (c != '\\' || i + 1 >= len)
      continue;
    int hi, lo;
    if (data[i + 1] == 'u' && i + 12 <= len && (hi = hex4(data + i + 2)) >= 0xD800 &&
        hi <= 0xDBFF && data[i + 6] == '\\' && data[i + 7] == 'u' &&
        (lo = hex4(data + i + 8)) >= 0xDC00 && lo <= 0xDFFF) {
      if (out == NULL)
        out = g_string_sized_new(len);
      g_string_append_len(out, data + copied, (gssize)(i - copied));
      g_string_append_printf(out, "\\U%08X", 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
      i += 11;
      copied = i + 1;
      continue;
    }
    i++; /* the escaped character, so that \" and \\ are not read as delimiters */
  }
  if (out == NULL)
    return NULL;
  g_string_append_len(out, data + copied, (gssize)(len - copied));
  *len_out = out->len;
  return g_string_free(out, FALSE);
}

YdocDoc *ydoc_parse_json(const char *file, const char *data, gsize len, const YdocLimits *limits,
                         DiagList *diags)
{
  YdocLimits lim = limits != NULL ? *limits : YDOC_DEFAULT_LIMITS;
  /* Input ydoc_parse refuses (too large, not UTF-8) goes to it untouched, so that the
   * message and its position are those of the file as it is. */
  if (data == NULL || len > lim.max_bytes || !g_utf8_validate_len(data, len, NULL))
    return ydoc_parse_with(file, data, len, &lim, YDOC_DUPLICATES_LAST_WINS, diags);
  gsize fixed_len = 0;
  g_autofree char *fixed = json_rewrite_surrogates(data, len, &fixed_len);
  if (fixed != NULL)
    return ydoc_parse_with(file, fixed, fixed_len, &lim, YDOC_DUPLICATES_LAST_WINS, diags);
  return ydoc_parse_with(file, data, len, &lim, YDOC_DUPLICATES_LAST_WINS, diags);
}
