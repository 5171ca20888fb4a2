/* Unit tests for the SVG writer: svg_out (numbers, XML and CSS escaping, urls), svg_paint
 * (classes, the dark block), svg_glyphs (path data, words) and svg_write (well-formed,
 * every id carries the content prefix, same input same bytes in any locale, different
 * input different ids, both text modes, dark colours, patterns and fades). */
#include "svg_glyphs.h"
#include "svg_out.h"
#include "svg_paint.h"
#include "svg_woff.h"
#include "svg_write.h"
#include "testscene.h"

#include <zlib.h>

#include <locale.h>
#include <math.h>
#include <string.h>

static const StyleColor RED = {1, 0, 0, 1};
static const StyleColor BLACK = {0, 0, 0, 1};
static const StyleColor WHITE = {1, 1, 1, 1};
static const StyleColor NAVY = {0, 0, 0.5, 1};
#define FONT "DejaVu Sans 11"

/* --- svg_out --- */

static gboolean to_string(gpointer closure, const char *data, gsize len)
{
  g_string_append_len(closure, data, (gssize)len);
  return TRUE;
}

/* What @write writes through a fresh SvgOut with @decimals, as a new string. */
#define CAPTURE(decimals, out, body)                                                               \
  ({                                                                                               \
    GString *captured_ = g_string_new(NULL);                                                       \
    SvgOut *out = svg_out_new(to_string, captured_, decimals);                                     \
    body;                                                                                          \
    svg_out_flush(out);                                                                            \
    svg_out_free(out);                                                                             \
    g_string_free(captured_, FALSE);                                                               \
  })

static void test_numbers(void)
{
  char *s = CAPTURE(2, out, {
    svg_out_num(out, 12.5);
    svg_out_c(out, ' ');
    svg_out_num(out, -0.004);
    svg_out_c(out, ' ');
    svg_out_num(out, 1.0 / 3);
    svg_out_c(out, ' ');
    svg_out_num(out, NAN);
    svg_out_c(out, ' ');
    svg_out_num(out, INFINITY);
    svg_out_c(out, ' ');
    svg_out_num_at(out, 2.0 / 3, 4);
    svg_out_attr(out, " x=\"", 1200);
    svg_out_c(out, ' ');
    svg_out_uint(out, 0);
    svg_out_c(out, ' ');
    svg_out_uint(out, G_MAXUINT64);
  });
  g_assert_cmpstr(s, ==, "12.5 0 0.33 0 0 0.6667 x=\"1200\" 0 18446744073709551615");
  g_free(s);
  g_assert_cmpint(svg_decimals_for_scale(1), ==, 2);
  g_assert_cmpint(svg_decimals_for_scale(2), ==, 2);
  g_assert_cmpint(svg_decimals_for_scale(4), ==, 3);
  g_assert_cmpint(svg_decimals_for_scale(16), ==, 3);
  g_assert_cmpint(svg_decimals_for_scale(0), ==, 2);
}

/* Writes much more than one chunk: everything arrives, in order. */
static void test_large_output(void)
{
  char *s = CAPTURE(2, out, {
    for (int i = 0; i < 100000; i++) {
      svg_out_uint(out, (guint64)i);
      svg_out_c(out, '\n');
    }
    char big[200000];
    memset(big, 'x', sizeof big);
    svg_out_raw(out, big, sizeof big);
  });
  g_assert_true(g_str_has_prefix(s, "0\n1\n2\n"));
  g_assert_nonnull(strstr(s, "\n99999\nxxx"));
  g_assert_cmpuint(strlen(s), ==, 488890 + 100000 + 200000);
  g_free(s);
}

static gboolean failing_sink(gpointer closure, const char *data, gsize len)
{
  (void)data, (void)len;
  (*(int *)closure)++;
  return FALSE;
}

static void test_sink_failure(void)
{
  int calls = 0;
  SvgOut *out = svg_out_new(failing_sink, &calls, 2);
  for (int i = 0; i < 100000; i++)
    svg_out_str(out, "some text ");
  g_assert_false(svg_out_flush(out));
  g_assert_cmpint(calls, ==, 1);
  svg_out_free(out);
}

static void test_text_escaping(void)
{
  char *s = CAPTURE(2, out, svg_out_text(out, "a<b>&\"c'\x01\x7f\xc2\x85 d\te", FALSE));
  g_assert_cmpstr(s, ==, "a&lt;b&gt;&amp;&quot;c&apos; d e");
  g_free(s);
  s = CAPTURE(2, out, svg_out_text(out, "line 1\nline 2\r", TRUE));
  g_assert_cmpstr(s, ==, "line 1\nline 2 ");
  g_free(s);
  /* Bidi controls and noncharacters never reach the file (the readers' rule: directional
   * marks, no embeddings, stay); invalid UTF-8 is repaired. */
  const char *hostile = "A\xe2\x80\xae"
                        "B\xe2\x81\xa6"
                        "C\xe2\x80\x8f"
                        "D\xd8\x9c"
                        "E"
                        "\xef\xbf\xbe"
                        "F\xef\xb7\x90"
                        "G\xf4\x8f\xbf\xbf"
                        "H\xff"
                        "I"
                        "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d";
  s = CAPTURE(2, out, svg_out_text(out, hostile, FALSE));
  g_assert_cmpstr(s, ==, "ABC\xe2\x80\x8f" "D\xd8\x9c" "EFGH\xef\xbf\xbdI\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
  g_free(s);
  char *clean = svg_clean_text(hostile, FALSE);
  g_assert_cmpstr(clean, ==, "ABC\xe2\x80\x8f" "D\xd8\x9c" "EFGH\xef\xbf\xbdI\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
  g_free(clean);
  clean = svg_clean_text(NULL, FALSE);
  g_assert_cmpstr(clean, ==, "");
  g_free(clean);
  g_assert_false(svg_char_allowed(0x202e));
  g_assert_false(svg_char_allowed(0x2067));
  g_assert_false(svg_char_allowed(0x1fffe));
  g_assert_false(svg_char_allowed(0xfdd5));
  g_assert_false(svg_char_allowed(0x85));
  g_assert_true(svg_char_allowed(0x5d0));
  g_assert_true(svg_char_allowed(0x200f));
  g_assert_true(svg_char_allowed('\n'));
  g_assert_true(svg_char_allowed(0x1f600));
}

static void test_css_strings(void)
{
  static const struct {
    const char *in, *out;
  } cases[] = {
      {"DejaVu Sans", "\"DejaVu Sans\""},
      {"O'Reilly", "\"O\\27 Reilly\""},
      {"Ends with \\", "\"Ends with \\5C \""},
      {"a\"b", "\"a\\22 b\""},
      {"x</style><script>", "\"x\\3C \\2F style\\3E \\3C script\\3E \""},
      {"Fira & Co; }", "\"Fira \\26  Co\\3B  \\7D \""},
      {"Noto Sans 日本", "\"Noto Sans 日本\""},
      {"bidi\xe2\x80\xae"
       "x",
       "\"bidix\""},
      {"", "\"\""},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    GString *css = g_string_new(NULL);
    svg_css_append_string(css, cases[i].in);
    g_assert_cmpstr(css->str, ==, cases[i].out);
    /* Nothing that ends a string, a rule or the <style> element, nor an XML entity. */
    g_assert_null(strpbrk(css->str + 1, "'<>&{}"));
    g_assert_cmpuint(strchr(css->str + 1, '"') - css->str, ==, css->len - 1);
    g_string_free(css, TRUE);
  }
}


/* --- svg_paint --- */

static void test_paint_classes(void)
{
  SvgPaint *p = svg_paint_new();
  GString *a = g_string_new(NULL), *b = g_string_new(NULL);
  svg_paint_append_color(a, "fill", RED, FALSE);
  g_assert_cmpstr(a->str, ==, "fill:#f00");
  svg_paint_append_color(b, "stroke", (StyleColor){0.1, 0.2, 0.3, 0.5}, FALSE);
  g_assert_cmpstr(b->str, ==, "stroke:#1a334d;stroke-opacity:.5");
  GString *c = g_string_new(NULL);
  svg_paint_append_color(c, "fill", (StyleColor){1, 1, 1, 0}, FALSE);
  g_assert_cmpstr(c->str, ==, "fill:none");
  g_string_truncate(c, 0);
  svg_paint_append_color(c, "stop-color", (StyleColor){0, 0, 0, 0.25}, TRUE);
  g_assert_cmpstr(c->str, ==, "stop-color:#000;stop-opacity:.25");
  g_string_truncate(c, 0);
  svg_paint_append_color(c, "fill", WHITE, TRUE);
  g_assert_cmpstr(c->str, ==, "fill:#fff;fill-opacity:1");
  g_assert_cmpuint(svg_paint_class(p, a->str, NULL), ==, 0);
  g_assert_cmpuint(svg_paint_class(p, b->str, NULL), ==, 1);
  g_assert_cmpuint(svg_paint_class(p, a->str, a->str), ==, 0);
  g_assert_cmpuint(svg_paint_class(p, a->str, "fill:#000"), ==, 2);
  g_assert_cmpuint(svg_paint_class(p, a->str, "fill:#000"), ==, 2);
  g_assert_cmpuint(svg_paint_count(p), ==, 3);
  char *css = CAPTURE(2, out, svg_paint_write_css(p, out, "px"));
  g_assert_cmpstr(css, ==,
                  ".px-0{fill:#f00}\n.px-1{stroke:#1a334d;stroke-opacity:.5}\n.px-2{fill:#f00}\n"
                  "@media (prefers-color-scheme:dark){\n.px-2{fill:#000}\n}\n");
  g_free(css);
  g_string_free(a, TRUE);
  g_string_free(b, TRUE);
  g_string_free(c, TRUE);
  svg_paint_free(p);
}

/* --- svg_glyphs --- */

/* The glyphs of @text in FONT. */
static TextGlyphs *shape(TextCtx *ctx, const char *text)
{
  TextGlyphs *g = text_glyphs_new();
  text_glyphs_shape(ctx, FONT, text, g);
  return g;
}

static void test_glyph_paths(void)
{
  TextCtx *ctx = text_ctx_new();
  TextGlyphs *g = shape(ctx, "H l");
  TextGlyphFont *font = g_array_index(g->runs, TextGlyphRun, 0).font;
  guint h = g_array_index(g->glyphs, TextGlyph, 0).glyph;
  guint space = g_array_index(g->glyphs, TextGlyph, 1).glyph;
  char *d = svg_glyphs_path(font, h, 2);
  g_test_message("H: %s", d);
  /* DejaVu's H: two stems and a bar, closed, in px above the baseline (y up is negative). */
  g_assert_true(g_str_has_prefix(d, "M"));
  g_assert_nonnull(strchr(d, 'Z'));
  g_assert_nonnull(strstr(d, "-8.02"));
  g_assert_null(strchr(d, ','));
  g_free(d);
  d = svg_glyphs_path(font, space, 2);
  g_assert_cmpstr(d, ==, "");
  g_free(d);
  SvgGlyphs *defs = svg_glyphs_new(2);
  guint dh = svg_glyphs_def(defs, font, h), ds = svg_glyphs_def(defs, font, space);
  g_assert_cmpuint(dh, ==, 0);
  g_assert_cmpuint(ds, ==, 1);
  g_assert_cmpuint(svg_glyphs_def(defs, font, h), ==, 0);
  g_assert_false(svg_glyphs_empty(defs, dh));
  g_assert_true(svg_glyphs_empty(defs, ds));
  guint ids[] = {dh, dh};
  double dx[] = {0, 8.2}, dy[] = {0, 0}, dx2[] = {0, 8.3};
  g_assert_cmpuint(svg_glyphs_word(defs, ids, dx, dy, 2), ==, 0);
  g_assert_cmpuint(svg_glyphs_word(defs, ids, dx, dy, 2), ==, 0);
  g_assert_cmpuint(svg_glyphs_word(defs, ids, dx2, dy, 2), ==, 1);
  char *out = CAPTURE(2, o, svg_glyphs_write_defs(defs, o, "pp"));
  /* The space draws nothing and gets no definition. */
  g_assert_true(g_str_has_prefix(out, "<path id=\"pp-g0\" d=\"M"));
  g_assert_null(strstr(out, "pp-g1"));
  g_assert_nonnull(strstr(out, "<g id=\"pp-w0\"><use xlink:href=\"#pp-g0\"/><use "
                               "xlink:href=\"#pp-g0\" x=\"8.2\"/></g>\n"));
  g_assert_nonnull(strstr(out, "<g id=\"pp-w1\">"));
  g_free(out);
  svg_glyphs_free(defs);
  text_glyphs_free(g);
  text_ctx_free(ctx);
}

/* --- svg_woff --- */

static guint32 be32(const guint8 *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

/* A subset wrapped as WOFF: the header describes the file, and every table unpacks to the
 * sfnt's bytes of that table. */
static void test_woff(void)
{
  TextCtx *ctx = text_ctx_new();
  TextGlyphs *g = shape(ctx, "Hamburg");
  TextGlyphFont *font = g_array_index(g->runs, TextGlyphRun, 0).font;
  GArray *ids = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint i = 0; i < g->glyphs->len; i++)
    g_array_append_val(ids, g_array_index(g->glyphs, TextGlyph, i).glyph);
  gunichar chars[] = {'H', 'a', 'm', 'b', 'u', 'r', 'g'};
  GBytes *sfnt = text_face_subset(text_glyph_font_face(font), (guint *)ids->data, ids->len, chars,
                                  G_N_ELEMENTS(chars));
  GBytes *woff = svg_woff_from_sfnt(sfnt);
  g_assert_nonnull(woff);
  gsize slen, wlen;
  const guint8 *s = g_bytes_get_data(sfnt, &slen), *w = g_bytes_get_data(woff, &wlen);
  g_test_message("sfnt %zu bytes, woff %zu", slen, wlen);
  g_assert_cmpuint(wlen, <, slen);
  g_assert_cmpmem(w, 4, "wOFF", 4);
  g_assert_cmpmem(w + 4, 4, s, 4);
  g_assert_cmpuint(be32(w + 8), ==, wlen);
  guint n = (guint)w[12] << 8 | w[13];
  g_assert_cmpuint(n, ==, (guint)s[4] << 8 | s[5]);
  guint32 prev = 0;
  for (guint i = 0; i < n; i++) {
    const guint8 *e = w + 44 + 20 * i;
    guint32 tag = be32(e), off = be32(e + 4), clen = be32(e + 8), olen = be32(e + 12);
    g_assert_cmpuint(tag, >, prev);
    prev = tag;
    g_assert_cmpuint(off % 4, ==, 0);
    g_assert_cmpuint(off + clen, <=, wlen);
    /* The same table in the sfnt. */
    const guint8 *orig = NULL;
    for (guint k = 0; k < n; k++)
      if (be32(s + 12 + 16 * k) == tag) {
        orig = s + be32(s + 12 + 16 * k + 8);
        g_assert_cmpuint(be32(s + 12 + 16 * k + 12), ==, olen);
        g_assert_cmpuint(be32(s + 12 + 16 * k + 4), ==, be32(e + 16));
      }
    g_assert_nonnull(orig);
    guint8 *table = g_malloc(olen + 1);
    uLongf got = olen;
    if (clen < olen)
      g_assert_cmpint(uncompress(table, &got, w + off, clen), ==, Z_OK);
    else
      memcpy(table, w + off, olen);
    g_assert_cmpuint(got, ==, olen);
    g_assert_cmpmem(table, olen, orig, olen);
    g_free(table);
  }
  /* Not an sfnt: nothing. */
  GBytes *junk = g_bytes_new_static("\0\1\0\0\0\x09"
                                    "abcdefgh",
                                    14);
  g_assert_null(svg_woff_from_sfnt(junk));
  g_bytes_unref(junk);
  g_bytes_unref(woff);
  g_bytes_unref(sfnt);
  g_array_unref(ids);
  text_glyphs_free(g);
  text_ctx_free(ctx);
}

/* --- svg_write on a hand-built scene --- */

static void scene_free(LayoutScene *scene)
{
  layout_scene_free(scene);
}

static void add(LayoutScene *scene, LayoutShape shape)
{
  g_array_append_val(scene->shapes, shape);
}

/* One of every shape kind, pattern and fade; @text is the label's. */
static LayoutScene *sample_scene(const char *text, StyleColor bar)
{
  LayoutScene *s = layout_scene_new(200, 100);
  testscene_every_shape(s, WHITE, bar, BLACK, (LayoutOwner){0});
  /* A first role segment, square on the right; a middle one, square on both sides,
   * whatever its radius. */
  add(s, (LayoutShape){.kind = LAYOUT_SHAPE_RECT,
                       .x = 150,
                       .y = 75,
                       .w = 30,
                       .h = 20,
                       .radius = 4,
                       .square_right = TRUE,
                       .fill = bar});
  add(s, (LayoutShape){.kind = LAYOUT_SHAPE_RECT,
                       .x = 185,
                       .y = 10,
                       .w = 10,
                       .h = 20,
                       .radius = 4,
                       .square_left = TRUE,
                       .square_right = TRUE,
                       .fill = bar});
  TextCtx *ctx = text_ctx_new();
  TextExtents e;
  text_measure(ctx, FONT, text, &e);
  text_ctx_free(ctx);
  const char *cut = strstr(text, " · ");
  add(s, (LayoutShape){.kind = LAYOUT_SHAPE_TEXT,
                       .x = 60,
                       .y = 75,
                       .w = e.width,
                       .h = e.height,
                       .fill = BLACK,
                       .tone = NAVY,
                       .tone_from = cut ? (guint)(cut - text) : 0,
                       .font = FONT,
                       .text = text});
  return s;
}

static char *write_svg(const LayoutScene *scene, SvgTextMode mode, const LayoutScene *dark,
                       const char *title)
{
  TextCtx *text = text_ctx_new();
  SvgOptions opts = {.title = title,
                     .desc = "Line one\nline <two> \xe2\x80\xae",
                     .scale = 1,
                     .text = mode,
                     .dark = dark};
  GString *out = g_string_new(NULL);
  g_assert_true(svg_write_scene(scene, text, &opts, to_string, out));
  text_ctx_free(text);
  return g_string_free(out, FALSE);
}

/* Well-formedness through GMarkup, collecting every id and every reference to one. */
typedef struct {
  GHashTable *ids;
  GPtrArray *refs;
  guint elements;
  GString *text; /* character data of <text> elements */
  gboolean in_text;
} Parsed;

static void on_start(GMarkupParseContext *ctx, const char *name, const char **attrs,
                     const char **values, gpointer data, GError **error)
{
  (void)ctx, (void)error;
  Parsed *p = data;
  p->elements++;
  if (strcmp(name, "text") == 0)
    p->in_text = TRUE;
  for (guint i = 0; attrs[i]; i++) {
    if (strcmp(attrs[i], "id") == 0) {
      g_assert_false(g_hash_table_contains(p->ids, values[i]));
      g_hash_table_add(p->ids, g_strdup(values[i]));
    }
    const char *v = values[i];
    if (strcmp(attrs[i], "xlink:href") == 0 && v[0] == '#')
      g_ptr_array_add(p->refs, g_strdup(v + 1));
    if (strncmp(attrs[i], "aria-", 5) == 0)
      g_ptr_array_add(p->refs, g_strdup(v));
    const char *url = strstr(v, "url(#");
    if (url)
      g_ptr_array_add(p->refs, g_strndup(url + 5, strcspn(url + 5, ")")));
  }
}

static void on_end(GMarkupParseContext *ctx, const char *name, gpointer data, GError **error)
{
  (void)ctx, (void)error;
  if (strcmp(name, "text") == 0)
    ((Parsed *)data)->in_text = FALSE;
}

static void on_text(GMarkupParseContext *ctx, const char *text, gsize len, gpointer data,
                    GError **error)
{
  (void)ctx, (void)error;
  Parsed *p = data;
  if (p->in_text)
    g_string_append_len(p->text, text, (gssize)len);
}

static Parsed parse(const char *svg)
{
  Parsed p = {g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
              g_ptr_array_new_with_free_func(g_free), 0, g_string_new(NULL), FALSE};
  GMarkupParser parser = {on_start, on_end, on_text, NULL, NULL};
  GMarkupParseContext *ctx = g_markup_parse_context_new(&parser, 0, &p, NULL);
  GError *error = NULL;
  gboolean ok = g_markup_parse_context_parse(ctx, svg, -1, &error) &&
                g_markup_parse_context_end_parse(ctx, &error);
  if (!ok)
    g_error("not well-formed: %s", error->message);
  g_markup_parse_context_free(ctx);
  return p;
}

static void parsed_clear(Parsed *p)
{
  g_hash_table_destroy(p->ids);
  g_ptr_array_unref(p->refs);
  g_string_free(p->text, TRUE);
}

/* The content prefix: the first id's part before '-'. */
static char *prefix_of(const char *svg)
{
  const char *id = strstr(svg, "<title id=\"");
  g_assert_nonnull(id);
  id += strlen("<title id=\"");
  return g_strndup(id, strcspn(id, "-"));
}

/* Every id, class and reference carries the prefix, and every reference resolves. */
static void check_ids(const char *svg, const Parsed *p)
{
  char *prefix = prefix_of(svg);
  g_assert_cmpuint(strlen(prefix), ==, 8);
  g_assert_true(g_ascii_isalpha(prefix[0]));
  GHashTableIter it;
  gpointer id;
  g_hash_table_iter_init(&it, p->ids);
  while (g_hash_table_iter_next(&it, &id, NULL))
    g_assert_true(g_str_has_prefix(id, prefix));
  for (guint i = 0; i < p->refs->len; i++) {
    const char *ref = g_ptr_array_index(p->refs, i);
    if (!g_hash_table_contains(p->ids, ref))
      g_error("reference to a missing id: %s", ref);
  }
  for (const char *c = strstr(svg, "class=\""); c; c = strstr(c + 1, "class=\""))
    g_assert_true(strncmp(c + 7, prefix, 8) == 0 && c[15] == '-');
  for (const char *c = strstr(svg, "\n."); c; c = strstr(c + 1, "\n."))
    g_assert_true(strncmp(c + 2, prefix, 8) == 0);
  g_free(prefix);
}

static void test_write_structure(gconstpointer data)
{
  SvgTextMode mode = GPOINTER_TO_INT(data);
  LayoutScene *scene = sample_scene("Engineer · Ada & <Co> 'x'", RED);
  char *svg = write_svg(scene, mode, NULL, "Ada \"<Lovelace>\"\x01");
  Parsed p = parse(svg);
  check_ids(svg, &p);
  g_assert_true(g_str_has_prefix(
      svg,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""));
  g_assert_nonnull(strstr(svg, " width=\"200\" height=\"100\" viewBox=\"0 0 200 100\""));
  g_assert_nonnull(strstr(svg, " role=\"img\" aria-labelledby=\""));
  g_assert_nonnull(strstr(svg, "\">Ada &quot;&lt;Lovelace&gt;&quot;</title>"));
  g_assert_nonnull(strstr(svg, "\">Line one\nline &lt;two&gt;</desc>"));
  g_assert_null(strstr(svg, "\xe2\x80\xae"));
  g_assert_null(strstr(svg, "@media"));
  g_assert_cmpstr(p.text->str, ==, "Engineer · Ada & <Co> 'x'");
  /* The second tone is its own class; the fade a gradient; the patterns clipped. */
  g_assert_nonnull(strstr(svg, "<linearGradient id=\""));
  g_assert_nonnull(strstr(svg, "gradientUnits=\"userSpaceOnUse\""));
  g_assert_nonnull(strstr(svg, "<clipPath id=\""));
  g_assert_nonnull(strstr(svg, "a1 1 0 1 0 2 0a1 1 0 1 0 -2 0"));
  g_assert_nonnull(strstr(svg, "stroke-dasharray:4 2"));
  g_assert_nonnull(strstr(svg, "<circle cx=\"45\" cy=\"80\" r=\"5\""));
  g_assert_nonnull(strstr(svg, "<rect x=\"185\" y=\"10\" width=\"10\" height=\"20\" class"));
  g_assert_nonnull(strstr(svg, "<rect x=\"10\" y=\"10\" width=\"80\" height=\"20\" rx=\"4\""));
  g_assert_nonnull(
      strstr(svg, "<path d=\"M154 75H180V95H154A4 4 0 0 1 150 91V79A4 4 0 0 1 154 75Z\""));
  g_assert_nonnull(strstr(svg, "{fill:#000080}"));
  if (mode == SVG_TEXT_PATHS) {
    g_assert_nonnull(strstr(svg, "<use xlink:href=\"#"));
    g_assert_nonnull(strstr(svg, "fill-opacity:0;font:400 11px \"DejaVu Sans\",sans-serif"));
    g_assert_nonnull(strstr(svg, "lengthAdjust=\"spacingAndGlyphs\""));
    g_assert_null(strstr(svg, "@font-face"));
  } else {
    g_assert_null(strstr(svg, "<use"));
    g_assert_nonnull(strstr(svg, "@font-face{font-family:\""));
    g_assert_nonnull(strstr(svg, ";src:url(data:font/woff;base64,"));
    g_assert_nonnull(strstr(svg, "-f0\",\"DejaVu Sans\",sans-serif"));
    g_assert_nonnull(strstr(svg, "<tspan class=\""));
  }
  g_test_message("%s mode: %zu bytes, %u elements", svg_text_mode_name(mode), strlen(svg),
                 p.elements);
  parsed_clear(&p);
  g_free(svg);
  scene_free(scene);
}

/* Same input, same bytes, in any locale; another chart, other ids. */
static void test_write_reproducible(void)
{
  LayoutScene *a = sample_scene("Engineer · Ada", RED);
  LayoutScene *b = sample_scene("Engineer · Bea", RED);
  char *first = write_svg(a, SVG_TEXT_PATHS, NULL, "Ada");
  char *again = write_svg(a, SVG_TEXT_PATHS, NULL, "Ada");
  g_assert_cmpstr(first, ==, again);
  char *other = write_svg(b, SVG_TEXT_PATHS, NULL, "Ada");
  char *pa = prefix_of(first), *pb = prefix_of(other);
  g_assert_cmpstr(pa, !=, pb);
  char *text_mode = write_svg(a, SVG_TEXT_TEXT, NULL, "Ada");
  char *pt = prefix_of(text_mode);
  g_assert_cmpstr(pa, !=, pt);
  char *retitled = write_svg(a, SVG_TEXT_PATHS, NULL, "Bea");
  char *pr = prefix_of(retitled);
  g_assert_cmpstr(pa, !=, pr);
  const char *saved = setlocale(LC_ALL, NULL);
  char *restore = g_strdup(saved);
  if (setlocale(LC_ALL, "fr_FR.UTF-8") || setlocale(LC_ALL, "de_DE.UTF-8")) {
    char *localized = write_svg(a, SVG_TEXT_PATHS, NULL, "Ada");
    g_assert_cmpstr(localized, ==, first);
    g_free(localized);
    setlocale(LC_ALL, restore);
  }
  g_free(restore);
  g_free(pa);
  g_free(pb);
  g_free(pt);
  g_free(pr);
  g_free(first);
  g_free(again);
  g_free(other);
  g_free(text_mode);
  g_free(retitled);
  scene_free(a);
  scene_free(b);
}

/* A dark scene: its colours in the @media block, for the classes whose colour changes;
 * a shape only the light scene has is hidden in the dark scheme. */
static void test_write_dark(void)
{
  LayoutScene *light = sample_scene("Engineer · Ada", RED);
  LayoutScene *dark = sample_scene("Engineer · Ada", (StyleColor){0.2, 0.4, 1, 1});
  g_array_index(dark->shapes, LayoutShape, 0).fill = (StyleColor){0.06, 0.09, 0.16, 1};
  g_array_index(dark->shapes, LayoutShape, 11).fill = WHITE;
  /* The dashed line only in the light scheme. */
  g_array_remove_index(dark->shapes, 6);
  char *svg = write_svg(light, SVG_TEXT_PATHS, dark, "Ada");
  Parsed p = parse(svg);
  check_ids(svg, &p);
  const char *media = strstr(svg, "@media (prefers-color-scheme:dark){\n");
  g_assert_nonnull(media);
  g_assert_true(media < strstr(svg, "</style>"));
  g_assert_nonnull(strstr(media, "{fill:#0f1729;fill-opacity:1}"));
  g_assert_nonnull(strstr(media, "{fill:#fff;fill-opacity:1}"));
  g_assert_nonnull(strstr(media, "stop-color:#36f;stop-opacity:0}"));
  g_assert_nonnull(strstr(media, "{display:none}"));
  g_assert_nonnull(strstr(svg, "{fill:#f00;fill-opacity:1}"));
  parsed_clear(&p);
  g_free(svg);
  scene_free(light);
  scene_free(dark);
}

/* Glyphs wholly outside the page are left out, as Cairo leaves them out of the PNG. */
static void test_write_culls_off_page(void)
{
  LayoutScene *scene = layout_scene_new(200, 100);
  for (int k = 0; k < 2; k++) {
    LayoutShape t = {.kind = LAYOUT_SHAPE_TEXT,
                     .x = k ? -5000 : 10,
                     .y = 10,
                     .w = 40,
                     .h = 14,
                     .fill = BLACK,
                     .font = FONT,
                     .text = "Wxyz"};
    g_array_append_val(scene->shapes, t);
  }
  char *svg = write_svg(scene, SVG_TEXT_PATHS, NULL, "Ada");
  const char *first = strstr(svg, "transform=\"translate(10 ");
  const char *off = strstr(svg, "transform=\"translate(-5000 ");
  g_assert_nonnull(first);
  g_assert_nonnull(off);
  g_assert_nonnull(strstr(first, "<use"));
  g_assert_true(g_str_has_prefix(strchr(off, '>'), "></g>"));
  g_free(svg);
  layout_scene_free(scene);
}

/* Hostile text: markup and entities stay text, bidi controls go. */
static void test_write_hostile_text(gconstpointer data)
{
  SvgTextMode mode = GPOINTER_TO_INT(data);
  const char *text = "]]></text><script>alert(1)</script> &amp; \xe2\x80\xae"
                     "gnp.exe";
  LayoutScene *scene = sample_scene(text, RED);
  char *svg = write_svg(scene, mode, NULL, "</title><script>x</script>");
  Parsed p = parse(svg);
  g_assert_null(strstr(svg, "<script"));
  g_assert_null(strstr(svg, "\xe2\x80\xae"));
  g_assert_cmpstr(p.text->str, ==, "]]></text><script>alert(1)</script> &amp; gnp.exe");
  parsed_clear(&p);
  g_free(svg);
  scene_free(scene);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/svg_out/numbers", test_numbers);
  g_test_add_func("/svg_out/large", test_large_output);
  g_test_add_func("/svg_out/sink-failure", test_sink_failure);
  g_test_add_func("/svg_out/text", test_text_escaping);
  g_test_add_func("/svg_out/css", test_css_strings);
  g_test_add_func("/svg_paint/classes", test_paint_classes);
  g_test_add_func("/svg_glyphs/paths", test_glyph_paths);
  g_test_add_func("/svg_woff/subset", test_woff);
  g_test_add_data_func("/svg_write/structure/paths", GINT_TO_POINTER(SVG_TEXT_PATHS),
                       test_write_structure);
  g_test_add_data_func("/svg_write/structure/text", GINT_TO_POINTER(SVG_TEXT_TEXT),
                       test_write_structure);
  g_test_add_func("/svg_write/reproducible", test_write_reproducible);
  g_test_add_func("/svg_write/dark", test_write_dark);
  g_test_add_func("/svg_write/culls-off-page", test_write_culls_off_page);
  g_test_add_data_func("/svg_write/hostile/paths", GINT_TO_POINTER(SVG_TEXT_PATHS),
                       test_write_hostile_text);
  g_test_add_data_func("/svg_write/hostile/text", GINT_TO_POINTER(SVG_TEXT_TEXT),
                       test_write_hostile_text);
  return g_test_run();
}
