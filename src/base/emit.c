/* emit: JSON written by hand (RFC 8259: two-space indents, compact mappings on one line)
 * and YAML through libyaml's emitter, behind one set of calls. */
#include "emit.h"

#include "strutil.h"
#include <math.h>
#include <yaml.h>

typedef struct {
  gboolean is_map, compact;
  guint count;         /* entries (map) or items (list) written so far */
  gboolean want_value; /* map: a key was written, its value is next */
} EmitFrame;

struct Emit {
  EmitFormat format;
  GString *out;
  GArray *stack; /* of EmitFrame */
  gboolean failed;
  gboolean done; /* the top-level value is complete */
  yaml_emitter_t yaml;
};

static int emit_yaml_write(void *data, unsigned char *buffer, size_t size)
{
  g_string_append_len(((Emit *)data)->out, (const char *)buffer, (gssize)size);
  return 1;
}

static void emit_yaml_event(Emit *e, yaml_event_t *event)
{
  if (e->failed)
    yaml_event_delete(event); /* the emitter frees only what it was given */
  else if (!yaml_emitter_emit(&e->yaml, event))
    e->failed = TRUE;
}

Emit *emit_new(EmitFormat format)
{
  Emit *e = g_new0(Emit, 1);
  e->format = format;
  e->out = g_string_new(NULL);
  e->stack = g_array_new(FALSE, FALSE, sizeof(EmitFrame));
  if (format == EMIT_YAML) {
    yaml_emitter_initialize(&e->yaml);
    yaml_emitter_set_output(&e->yaml, emit_yaml_write, e);
    yaml_emitter_set_unicode(&e->yaml, 1);
    yaml_emitter_set_width(&e->yaml, -1);
    yaml_emitter_set_indent(&e->yaml, 2);
    yaml_event_t event;
    yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING);
    emit_yaml_event(e, &event);
    yaml_document_start_event_initialize(&event, NULL, NULL, NULL, 1);
    emit_yaml_event(e, &event);
  }
  return e;
}

static EmitFrame *emit_top(Emit *e)
{
  return e->stack->len ? &g_array_index(e->stack, EmitFrame, e->stack->len - 1) : NULL;
}

static void emit_json_newline(Emit *e, guint depth)
{
  g_string_append_c(e->out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append(e->out, "  ");
}

/* Checks that a value may come here and writes what separates it from the previous one. */
static gboolean emit_before_value(Emit *e)
{
  EmitFrame *top = emit_top(e);
  if (e->failed || e->done || (top && top->is_map && !top->want_value)) {
    e->failed = TRUE;
    return FALSE;
  }
  if (top && top->is_map) {
    top->want_value = FALSE;
  } else if (top) {
    if (e->format == EMIT_JSON && top->compact) {
      if (top->count)
        g_string_append(e->out, ", ");
    } else if (e->format == EMIT_JSON) {
      if (top->count)
        g_string_append_c(e->out, ',');
      emit_json_newline(e, e->stack->len);
    }
    top->count++;
  }
  return TRUE;
}

/* After a scalar, or a mapping or list closed: the document is complete at the top. */
static void emit_after_value(Emit *e)
{
  if (e->stack->len == 0)
    e->done = TRUE;
}

static void emit_json_string(GString *out, const char *text)
{
  g_string_append_c(out, '"');
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
    switch (*p) {
    case '"':
      g_string_append(out, "\\\"");
      break;
    case '\\':
      g_string_append(out, "\\\\");
      break;
    case '\n':
      g_string_append(out, "\\n");
      break;
    case '\t':
      g_string_append(out, "\\t");
      break;
    case '\r':
      g_string_append(out, "\\r");
      break;
    default:
      if (*p < 0x20 || *p == 0x7f)
        g_string_append_printf(out, "\\u%04x", *p);
      else
        g_string_append_c(out, (char)*p);
    }
  }
  g_string_append_c(out, '"');
}

static void emit_scalar(Emit *e, const char *text, gboolean quoted)
{
  if (!emit_before_value(e))
    return;
  if (e->format == EMIT_JSON) {
    if (quoted)
      emit_json_string(e->out, text);
    else
      g_string_append(e->out, text);
  } else {
    yaml_event_t event;
    yaml_scalar_event_initialize(&event, NULL, NULL, (yaml_char_t *)text, -1, 1, 1,
                                 quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
                                        : YAML_PLAIN_SCALAR_STYLE);
    emit_yaml_event(e, &event);
  }
  emit_after_value(e);
}

void emit_string(Emit *e, const char *text)
{
  if (text == NULL)
    emit_null(e);
  else if (!g_utf8_validate(text, -1, NULL))
    e->failed = TRUE;
  else
    emit_scalar(e, text, TRUE);
}

void emit_word(Emit *e, const char *word)
{
  if (e->format == EMIT_JSON)
    emit_string(e, word);
  else
    emit_scalar(e, word, FALSE);
}

void emit_number(Emit *e, double value, int decimals)
{
  if (!isfinite(value)) {
    emit_null(e);
    return;
  }
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  emit_scalar(e, strutil_format_number(buf, sizeof buf, value, decimals), FALSE);
}

void emit_int(Emit *e, gint64 value)
{
  char buf[32];
  g_snprintf(buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  emit_scalar(e, buf, FALSE);
}

void emit_bool(Emit *e, gboolean value)
{
  emit_scalar(e, value ? "true" : "false", FALSE);
}

void emit_null(Emit *e)
{
  emit_scalar(e, "null", FALSE);
}

void emit_key(Emit *e, const char *key)
{
  EmitFrame *top = emit_top(e);
  if (e->failed || top == NULL || !top->is_map || top->want_value) {
    e->failed = TRUE;
    return;
  }
  if (e->format == EMIT_JSON) {
    if (top->count)
      g_string_append(e->out, top->compact ? ", " : ",");
    if (!top->compact)
      emit_json_newline(e, e->stack->len);
    emit_json_string(e->out, key);
    g_string_append(e->out, ": ");
  } else {
    yaml_event_t event;
    yaml_scalar_event_initialize(&event, NULL, NULL, (yaml_char_t *)key, -1, 1, 1,
                                 YAML_PLAIN_SCALAR_STYLE);
    emit_yaml_event(e, &event);
  }
  top->count++;
  top->want_value = TRUE;
}

void emit_key_string(Emit *e, const char *key, const char *text)
{
  emit_key(e, key);
  emit_string(e, text);
}

void emit_key_word(Emit *e, const char *key, const char *word)
{
  emit_key(e, key);
  emit_word(e, word);
}

void emit_key_number(Emit *e, const char *key, double value, int decimals)
{
  emit_key(e, key);
  emit_number(e, value, decimals);
}

void emit_key_int(Emit *e, const char *key, gint64 value)
{
  emit_key(e, key);
  emit_int(e, value);
}

void emit_key_bool(Emit *e, const char *key, gboolean value)
{
  emit_key(e, key);
  emit_bool(e, value);
}

static void emit_open(Emit *e, gboolean is_map, gboolean compact)
{
  EmitFrame *top = emit_top(e);
  if (top && top->compact && !compact)
    e->failed = TRUE; /* nothing on one line holds a block */
  if (!emit_before_value(e))
    return;
  if (e->format == EMIT_JSON) {
    g_string_append_c(e->out, is_map ? '{' : '[');
  } else {
    yaml_event_t event;
    if (is_map)
      yaml_mapping_start_event_initialize(
          &event, NULL, NULL, 1, compact ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
    else
      yaml_sequence_start_event_initialize(
          &event, NULL, NULL, 1, compact ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
    emit_yaml_event(e, &event);
  }
  EmitFrame frame = {.is_map = is_map, .compact = compact};
  g_array_append_val(e->stack, frame);
}

static void emit_close(Emit *e, gboolean is_map)
{
  EmitFrame *top = emit_top(e);
  if (e->failed || top == NULL || top->is_map != is_map || top->want_value) {
    e->failed = TRUE;
    return;
  }
  guint count = top->count;
  gboolean compact = top->compact;
  g_array_set_size(e->stack, e->stack->len - 1);
  if (e->format == EMIT_JSON) {
    if (count && !compact)
      emit_json_newline(e, e->stack->len);
    g_string_append_c(e->out, is_map ? '}' : ']');
  } else {
    yaml_event_t event;
    if (is_map)
      yaml_mapping_end_event_initialize(&event);
    else
      yaml_sequence_end_event_initialize(&event);
    emit_yaml_event(e, &event);
  }
  emit_after_value(e);
}

void emit_map_start(Emit *e, gboolean compact)
{
  emit_open(e, TRUE, compact);
}

void emit_map_end(Emit *e)
{
  emit_close(e, TRUE);
}

void emit_list_start(Emit *e)
{
  emit_open(e, FALSE, FALSE);
}

void emit_compact_list_start(Emit *e)
{
  emit_open(e, FALSE, TRUE);
}

void emit_list_end(Emit *e)
{
  emit_close(e, FALSE);
}

char *emit_finish(Emit *e)
{
  if (!e->done)
    e->failed = TRUE;
  if (e->format == EMIT_YAML) {
    yaml_event_t event;
    yaml_document_end_event_initialize(&event, 1);
    emit_yaml_event(e, &event);
    yaml_stream_end_event_initialize(&event);
    emit_yaml_event(e, &event);
    yaml_emitter_delete(&e->yaml);
  } else {
    g_string_append_c(e->out, '\n');
  }
  gboolean failed = e->failed;
  char *text = g_string_free(e->out, failed);
  g_array_unref(e->stack);
  g_free(e);
  return failed ? NULL : text;
}
