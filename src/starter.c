/* The starter CV of --new: the embedded template data/starter.yaml.in with the name
 * and the schema reference filled in (starter.h). */
#include "starter.h"

#include "embed.h"

#include <string.h>

/* YAML 1.2 "c-printable" minus what a reader may fold or drop: NEL (a line break to
 * YAML 1.1 readers), the line and paragraph separators, and the BOM. */
static gboolean prints_raw(gunichar c)
{
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
    return FALSE;
  return c != 0x2028 && c != 0x2029 && c != 0xfeff && c != 0xfffe && c != 0xffff;
}

char *starter_yaml_quote(const char *text)
{
  GString *out = g_string_new("\"");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (c == '"' || c == '\\')
      g_string_append_printf(out, "\\%c", (char)c);
    else if (c == '\n')
      g_string_append(out, "\\n");
    else if (c == '\t')
      g_string_append(out, "\\t");
    else if (c == '\r')
      g_string_append(out, "\\r");
    else if (prints_raw(c))
      g_string_append_len(out, p, g_utf8_next_char(p) - p);
    else if (c < 0x100)
      g_string_append_printf(out, "\\x%02X", c);
    else
      g_string_append_printf(out, "\\u%04X", c);
  }
  g_string_append_c(out, '"');
  return g_string_free(out, FALSE);
}

/* Appends @template to @out with every @placeholder replaced by @value. */
static void append_replaced(GString *out, const char *template, const char *placeholder,
                            const char *value)
{
  gsize n = strlen(placeholder);
  for (const char *at; (at = strstr(template, placeholder)) != NULL; template = at + n) {
    g_string_append_len(out, template, at - template);
    g_string_append(out, value);
  }
  g_string_append(out, template);
}

char *starter_cv(const char *name, const char *schema)
{
  const char *template = embed_get("data/starter.yaml.in");
  g_return_val_if_fail(template != NULL, NULL);
  g_autofree char *quoted = starter_yaml_quote(name);
  /* The schema first: the name is user text and may contain "@SCHEMA@" itself. */
  GString *with_schema = g_string_new(NULL);
  append_replaced(with_schema, template, "@SCHEMA@", schema);
  GString *out = g_string_new(NULL);
  append_replaced(out, with_schema->str, "@NAME@", quoted);
  g_string_free(with_schema, TRUE);
  return g_string_free(out, FALSE);
}
