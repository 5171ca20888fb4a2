/* emit: one tree of maps, lists, strings, numbers and booleans written as JSON (by
 * hand: nothing in it needs a library) or as YAML (through libyaml's emitter), so that a
 * report or the layout dump walks its data once for either format. Strings are always
 * quoted, so the YAML reads back as the same data as the JSON; only words the format
 * itself defines (emit_word) are plain in YAML. Locale-independent, byte-reproducible. */
#pragma once

#include <glib.h>

typedef enum {
  EMIT_JSON,
  EMIT_YAML,
} EmitFormat;

typedef struct Emit Emit;

/* Returns a new writer owned by the caller; finish it with emit_finish. */
Emit *emit_new(EmitFormat format);

/* A mapping (keys then values, alternately) or a list. A @compact mapping, or a list
 * started with emit_compact_list_start, is written on one line (YAML flow style); it
 * holds only scalars and compact mappings and lists. */
void emit_map_start(Emit *e, gboolean compact);
void emit_map_end(Emit *e);
void emit_list_start(Emit *e);
void emit_compact_list_start(Emit *e);
void emit_list_end(Emit *e);

/* A mapping key the format defines (ASCII, never user text). */
void emit_key(Emit *e, const char *key);
/* A string value (valid UTF-8); NULL writes null. */
void emit_string(Emit *e, const char *text);
/* A word the format defines (ASCII, never user text, not a YAML keyword such as true or
 * null): a date such as 2019-09-01, a name such as inside. Quoted in JSON, plain in YAML. */
void emit_word(Emit *e, const char *word);
void emit_int(Emit *e, gint64 value);
/* @value with at most @decimals decimals and no trailing zeros (strutil_format_number);
 * null when it is not finite (neither JSON nor the dump has a word for that). */
void emit_number(Emit *e, double value, int decimals);
void emit_bool(Emit *e, gboolean value);
void emit_null(Emit *e);

/* A key and its value in one call. */
void emit_key_string(Emit *e, const char *key, const char *text);
void emit_key_word(Emit *e, const char *key, const char *word);
void emit_key_int(Emit *e, const char *key, gint64 value);
void emit_key_number(Emit *e, const char *key, double value, int decimals);
void emit_key_bool(Emit *e, const char *key, gboolean value);

/* Ends the document and frees @e. Returns the text, owned by the caller (newline at the
 * end), or NULL when the calls did not make one well-formed document. */
char *emit_finish(Emit *e);
