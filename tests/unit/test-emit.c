/* Unit tests of emit: the same calls give the expected JSON and YAML, text is escaped or
 * quoted, and calls that do not make one document give NULL. */
#include "emit.h"

#include <math.h>

static void build(Emit *e)
{
  emit_map_start(e, FALSE);
  emit_key(e, "name");
  emit_string(e, "A \"quoted\" \\ name\twith\ncontrols \x01 and \xc3\xa9");
  emit_key(e, "n");
  emit_int(e, -42);
  emit_key(e, "flags");
  emit_map_start(e, TRUE);
  emit_key(e, "yes");
  emit_bool(e, TRUE);
  emit_key(e, "no");
  emit_bool(e, FALSE);
  emit_key(e, "none");
  emit_null(e);
  emit_map_end(e);
  emit_key(e, "line"); /* what the layout dump writes */
  emit_map_start(e, TRUE);
  emit_key_word(e, "date", "2019-09-01");
  emit_key_number(e, "x", 12.5, 2);
  emit_key_number(e, "y", 3.14159, 2);
  emit_key_number(e, "z", -0.001, 2);
  emit_key_number(e, "nan", NAN, 2);
  emit_key(e, "box");
  emit_map_start(e, TRUE);
  emit_key_int(e, "w", 2);
  emit_map_end(e);
  emit_key(e, "fields");
  emit_compact_list_start(e);
  emit_word(e, "title");
  emit_word(e, "org");
  emit_list_end(e);
  emit_map_end(e);
  emit_key(e, "list");
  emit_list_start(e);
  emit_string(e, "2019");
  emit_string(e, NULL);
  emit_map_start(e, FALSE);
  emit_key(e, "k");
  emit_int(e, 1);
  emit_map_end(e);
  emit_list_end(e);
  emit_key(e, "empty");
  emit_list_start(e);
  emit_list_end(e);
  emit_key(e, "nothing");
  emit_map_start(e, FALSE);
  emit_map_end(e);
  emit_map_end(e);
}

static void test_json(void)
{
  Emit *e = emit_new(EMIT_JSON);
  build(e);
  char *out = emit_finish(e);
  g_assert_cmpstr(
      out, ==,
      "{\n"
      "  \"name\": \"A \\\"quoted\\\" \\\\ name\\twith\\ncontrols \\u0001 and \xc3\xa9\",\n"
      "  \"n\": -42,\n"
      "  \"flags\": {\"yes\": true, \"no\": false, \"none\": null},\n"
      "  \"line\": {\"date\": \"2019-09-01\", \"x\": 12.5, \"y\": 3.14, \"z\": 0, \"nan\": null, "
      "\"box\": {\"w\": 2}, \"fields\": [\"title\", \"org\"]},\n"
      "  \"list\": [\n"
      "    \"2019\",\n"
      "    null,\n"
      "    {\n"
      "      \"k\": 1\n"
      "    }\n"
      "  ],\n"
      "  \"empty\": [],\n"
      "  \"nothing\": {}\n"
      "}\n");
  g_free(out);
}

static void test_yaml(void)
{
  Emit *e = emit_new(EMIT_YAML);
  build(e);
  char *out = emit_finish(e);
  /* Strings double-quoted, so "2019" stays a string when read back. */
  g_assert_cmpstr(out, ==,
                  "name: \"A \\\"quoted\\\" \\\\ name\\twith\\ncontrols \\x01 and \xc3\xa9\"\n"
                  "n: -42\n"
                  "flags: {yes: true, no: false, none: null}\n"
                  "line: {date: 2019-09-01, x: 12.5, y: 3.14, z: 0, nan: null, box: {w: 2}, "
                  "fields: [title, org]}\n"
                  "list:\n"
                  "- \"2019\"\n"
                  "- null\n"
                  "- k: 1\n"
                  "empty: []\n"
                  "nothing: {}\n");
  g_free(out);
}

static void test_misuse(void)
{
  for (int f = EMIT_JSON; f <= EMIT_YAML; f++) {
    Emit *e = emit_new((EmitFormat)f);
    emit_map_start(e, FALSE);
    emit_string(e, "a value where a key belongs");
    emit_map_end(e);
    g_assert_null(emit_finish(e));

    e = emit_new((EmitFormat)f);
    emit_list_start(e);
    g_assert_null(emit_finish(e)); /* not closed */

    e = emit_new((EmitFormat)f);
    emit_list_start(e);
    emit_map_end(e); /* the wrong close */
    g_assert_null(emit_finish(e));

    e = emit_new((EmitFormat)f);
    emit_map_start(e, TRUE);
    emit_key(e, "nested");
    emit_list_start(e); /* nothing on one line holds a block */
    emit_list_end(e);
    emit_map_end(e);
    g_assert_null(emit_finish(e));

    e = emit_new((EmitFormat)f);
    emit_string(e, "\xff not UTF-8");
    g_assert_null(emit_finish(e));

    e = emit_new((EmitFormat)f);
    emit_int(e, 1);
    emit_int(e, 2); /* two documents */
    g_assert_null(emit_finish(e));
  }
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/emit/json", test_json);
  g_test_add_func("/emit/yaml", test_yaml);
  g_test_add_func("/emit/misuse", test_misuse);
  return g_test_run();
}
