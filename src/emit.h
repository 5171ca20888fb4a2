/* emit: one tree of maps, lists, strings, integers and booleans written as JSON (by
 * hand: nothing in it needs a library) or as YAML (through libyaml's emitter), so that a
 * report walks its data once for both formats. Strings are always quoted, so the YAML
 * reads back as the same data as the JSON. Locale-independent, byte-reproducible. */
#pragma once

#include <glib.h>

typedef enum {
  EMIT_JSON,
  EMIT_YAML,
} EmitFormat;

typedef struct Emit Emit;

/* Returns a new writer owned by the caller; finish it with emit_finish. */
Emit *emit_new(EmitFormat format);

/* A mapping (keys then values, alternately) or a list. A @compact mapping is written on
 * one line (a YAML flow mapping); it must hold only scalars. */
void emit_map_start(Emit *e, gboolean compact);
void emit_map_end(Emit *e);
void emit_list_start(Emit *e);
void emit_list_end(Emit *e);

/* A mapping key the format defines (ASCII, never user text). */
void emit_key(Emit *e, const char *key);
/* A string value (valid UTF-8); NULL writes null. */
void emit_string(Emit *e, const char *text);
void emit_int(Emit *e, gint64 value);
void emit_bool(Emit *e, gboolean value);
void emit_null(Emit *e);

/* A key and its value in one call. */
void emit_key_string(Emit *e, const char *key, const char *text);
void emit_key_int(Emit *e, const char *key, gint64 value);
void emit_key_bool(Emit *e, const char *key, gboolean value);

/* Ends the document and frees @e. Returns the text, owned by the caller (newline at the
 * end), or NULL when the calls did not make one well-formed document. */
char *emit_finish(Emit *e);
