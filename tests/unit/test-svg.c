/* Unit tests for svg.c: escaping (controls removed, markup escaped), C-locale numbers,
 * stable ids, the accessible root, the stream against the whole-buffer code it replaced
 * at any chunking, and the invisible layer (one <text> per text shape on its box,
 * tooltips over bars and markers, safe links only, well-formed XML). */
#include "describe.h"
#include "render.h"
#include "svg.h"

#include <locale.h>
#include <math.h>
#include <string.h>

static const StyleColor BLACK = {0, 0, 0, 1};
static const StyleColor RED = {1, 0, 0, 1};
#define FONT "DejaVu Sans Bold 12"

static void test_escape(void)
{
  char *s = svg_escape("a<b>&\"c'\x01\x7f\xc2\x85 d", FALSE);
  g_assert_cmpstr(s, ==, "a&lt;b&gt;&amp;&quot;c&apos; d");
  g_free(s);
  s = svg_escape("line 1\nline\t2\r", TRUE);
  g_assert_cmpstr(s, ==, "line 1\nline 2 ");
  g_free(s);
  s = svg_escape("line 1\nline 2", FALSE);
  g_assert_cmpstr(s, ==, "line 1 line 2");
  g_free(s);
  /* Invalid UTF-8 is repaired, the non-characters U+FFFE/U+FFFF dropped. */
  s = svg_escape("x\xff y \xef\xbf\xbe\xef\xbf\xbf z", FALSE);
  g_assert_true(g_utf8_validate(s, -1, NULL));
  g_assert_null(strstr(s, "\xef\xbf\xbe"));
  g_assert_nonnull(strstr(s, " y  z"));
  g_free(s);
  s = svg_escape(NULL, FALSE);
  g_assert_cmpstr(s, ==, "");
  g_free(s);
}

static void test_number(void)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_assert_cmpstr(svg_number(buf, 1200), ==, "1200");
  g_assert_cmpstr(svg_number(buf, 12.5), ==, "12.5");
  g_assert_cmpstr(svg_number(buf, 1.0 / 3), ==, "0.333");
  g_assert_cmpstr(svg_number(buf, 2.9996), ==, "3");
  g_assert_cmpstr(svg_number(buf, -0.0001), ==, "0");
  g_assert_cmpstr(svg_number(buf, -4.25), ==, "-4.25");
  g_assert_cmpstr(svg_number(buf, NAN), ==, "0");
  /* Exact ties and huge values take the printf path (rounding the binary value, half to
   * even), which the fast integer path must agree with everywhere else. */
  g_assert_cmpstr(svg_number(buf, 0.0625), ==, "0.062");
  g_assert_cmpstr(svg_number(buf, -0.0625), ==, "-0.062");
  g_assert_cmpstr(svg_number(buf, -0.0005), ==, "-0.001");
  g_assert_cmpstr(svg_number(buf, 1e16), ==, "10000000000000000");
  /* A decimal comma locale changes nothing. */
  if (setlocale(LC_NUMERIC, "fr_FR.UTF-8") != NULL) {
    g_assert_cmpstr(svg_number(buf, 12.5), ==, "12.5");
    setlocale(LC_NUMERIC, "C");
  }
}

static GByteArray *bytes_of(const char *text)
{
  GByteArray *b = g_byte_array_new();
  g_byte_array_append(b, (const guint8 *)text, strlen(text));
  return b;
}

static char *text_of(GByteArray *b)
{
  return g_strndup((const char *)b->data, b->len);
}

static gboolean collect(gpointer closure, const char *data, gsize len)
{
  g_string_append_len(closure, data, (gssize)len);
  return TRUE;
}

/* @doc through a stream in one chunk, with @layer before the end; NULL (with the
 * failure checked to be a malformed document) when the stream refuses it. */
static char *streamed(const char *doc, const SvgRoot *root, const char *layer)
{
  GString *out = g_string_new(NULL);
  SvgStream *stream = svg_stream_new(root, collect, out);
  g_assert_true(svg_stream_write(stream, doc, strlen(doc)));
  gboolean malformed;
  gboolean ok = svg_stream_finish(stream, layer, &malformed);
  svg_stream_free(stream);
  g_assert_cmpint(malformed, ==, !ok);
  return g_string_free(out, !ok);
}

static const SvgRoot BARE_ROOT = {.width = 2, .height = 1, .view_width = 2, .view_height = 1};

static void test_stable_ids(void)
{
  char *s = streamed("<svg x><g id=\"surface7\"><use xlink:href=\"#surface9\"/>"
                     "<use xlink:href=\"#surface7\"/>surface12 notsurface3</g></svg>",
                     &BARE_ROOT, "");
  g_assert_true(g_str_has_suffix(s, "<g id=\"surface1\"><use xlink:href=\"#surface2\"/>"
                                    "<use xlink:href=\"#surface1\"/>surface12 notsurface3</g>"
                                    "</svg>"));
  g_free(s);
}

static const char CAIRO_SVG[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
    "width=\"300px\" height=\"150.5px\" viewBox=\"0 0 300 150.5\" version=\"1.1\">\n"
    "<g id=\"surface1\">\n</g>\n</svg>\n";

static void test_root(void)
{
  SvgRoot root = {.title = "Ada \x02<Lovelace>",
                  .desc = "Line one & two.\nLine three.\n",
                  .width = 600,
                  .height = 301,
                  .view_width = 300,
                  .view_height = 150.5};
  char *s = streamed(CAIRO_SVG, &root, "");
  g_assert_cmpstr(
      s, ==,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
      "width=\"600\" height=\"301\" viewBox=\"0 0 300 150.5\" version=\"1.1\" role=\"img\" "
      "aria-labelledby=\"cvt-title\" aria-describedby=\"cvt-desc\">\n"
      "<title id=\"cvt-title\">Ada &lt;Lovelace&gt;</title>\n"
      "<desc id=\"cvt-desc\">Line one &amp; two.\nLine three.</desc>\n"
      "<g id=\"surface1\">\n</g>\n</svg>\n");
  g_free(s);

  /* No desc: no aria-describedby; no title: a generic one. The layer goes before the end. */
  root = (SvgRoot){.width = 300, .height = 150.5, .view_width = 300, .view_height = 150.5};
  s = streamed(CAIRO_SVG, &root, "<g id=\"x\"/>\n");
  g_assert_null(strstr(s, "aria-describedby"));
  g_assert_null(strstr(s, "<desc"));
  g_assert_nonnull(strstr(s, "<title id=\"cvt-title\">Career timeline</title>"));
  g_assert_true(g_str_has_suffix(s, "</g>\n<g id=\"x\"/>\n</svg>\n"));
  g_free(s);

  g_assert_null(streamed("<html></html>", &root, "x"));
  g_assert_null(streamed("<svg x>no end", &root, "x"));
}

/* --- The stream in chunks against a whole-document reference --- */

/* The whole-document versions svg.c had before it streamed, kept as the reference. */
static void ref_splice(GByteArray *buf, gsize from, gsize to, const char *text)
{
  GByteArray *tail = g_byte_array_new();
  g_byte_array_append(tail, buf->data + to, buf->len - to);
  g_byte_array_set_size(buf, from);
  g_byte_array_append(buf, (const guint8 *)text, strlen(text));
  g_byte_array_append(buf, tail->data, tail->len);
  g_byte_array_unref(tail);
}

static void ref_stable_ids(GByteArray *buf)
{
  GString *out = g_string_new(NULL);
  GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  const char *p = (const char *)buf->data, *end = p + buf->len;
  while (p < end) {
    const char *hit = g_strstr_len(p, end - p, "surface");
    if (hit == NULL) {
      g_string_append_len(out, p, end - p);
      break;
    }
    const char *digits = hit + 7, *q = digits;
    while (q < end && g_ascii_isdigit(*q))
      q++;
    gboolean is_id = q > digits && hit > p && (hit[-1] == '"' || hit[-1] == '#');
    g_string_append_len(out, p, digits - p);
    if (is_id) {
      char *old = g_strndup(digits, q - digits);
      guint n = GPOINTER_TO_UINT(g_hash_table_lookup(ids, old));
      if (n == 0) {
        n = g_hash_table_size(ids) + 1;
        g_hash_table_insert(ids, old, GUINT_TO_POINTER(n));
      } else {
        g_free(old);
      }
      g_string_append_printf(out, "%u", n);
      p = q;
    } else {
      p = digits;
    }
  }
  g_byte_array_set_size(buf, 0);
  g_byte_array_append(buf, (const guint8 *)out->str, out->len);
  g_string_free(out, TRUE);
  g_hash_table_destroy(ids);
}

/* The root replacement on the whole document, with @tag as the new start tag. */
static gboolean ref_set_root(GByteArray *buf, const char *tag)
{
  if (buf->len == 0)
    return FALSE; /* (g_strstr_len takes no NULL; Cairo never wrote an empty document) */
  const char *start = (const char *)buf->data;
  const char *svg = g_strstr_len(start, buf->len, "<svg ");
  const char *gt = svg ? memchr(svg, '>', buf->len - (svg - start)) : NULL;
  if (gt == NULL)
    return FALSE;
  ref_splice(buf, (gsize)(svg - start), (gsize)(gt - start) + 1, tag);
  return TRUE;
}

static gboolean ref_insert_before_end(GByteArray *buf, const char *fragment)
{
  const char *start = (const char *)buf->data, *end = NULL;
  for (const char *p = start; (p = g_strstr_len(p, buf->len - (p - start), "</svg>")) != NULL; p++)
    end = p;
  if (end == NULL)
    return FALSE;
  ref_splice(buf, (gsize)(end - start), (gsize)(end - start), fragment);
  return TRUE;
}

/* Streams @doc in chunks of random sizes (1 to @max bytes) and checks the result against
 * the reference: the same bytes, or a failure exactly where the reference fails. */
static void check_stream(const char *doc, GRand *rng, gint32 max)
{
  const SvgRoot root = {.title = "T", .desc = "D", .width = 2, .height = 1,
                        .view_width = 2, .view_height = 1};
  /* The tag the stream puts in place: what it gives on a bare root, less the end. */
  char *tag = streamed("<svg x></svg>", &root, "");
  g_assert_true(g_str_has_suffix(tag, "</svg>"));
  tag[strlen(tag) - strlen("</svg>")] = '\0';

  GByteArray *ref = bytes_of(doc);
  ref_stable_ids(ref);
  gboolean ref_ok = ref_set_root(ref, tag) && ref_insert_before_end(ref, "<LAYER/>");

  GString *out = g_string_new(NULL), *cuts = g_string_new(NULL);
  SvgStream *stream = svg_stream_new(&root, collect, out);
  gsize len = strlen(doc);
  for (gsize at = 0; at < len;) {
    gsize n = (gsize)g_rand_int_range(rng, 1, max + 1);
    n = MIN(n, len - at);
    g_assert_true(svg_stream_write(stream, doc + at, n));
    g_string_append_printf(cuts, " %zu", at);
    at += n;
  }
  gboolean malformed;
  gboolean ok = svg_stream_finish(stream, "<LAYER/>", &malformed);
  svg_stream_free(stream);
  g_assert_cmpint(ok, ==, ref_ok);
  g_assert_cmpint(malformed, ==, !ref_ok);
  if (ok) {
    char *want = text_of(ref);
    if (strcmp(out->str, want) != 0)
      g_printerr("chunks starting at%s\n", cuts->str);
    g_assert_cmpstr(out->str, ==, want);
    g_free(want);
  }
  g_string_free(out, TRUE);
  g_string_free(cuts, TRUE);
  g_byte_array_unref(ref);
  g_free(tag);
}

static void test_stream_chunks(void)
{
  static const char *const docs[] = {
      CAIRO_SVG,
      "<?xml?>\n<svg a=\"1\">\n<g id=\"surface7\"><use xlink:href=\"#surface9\"/>"
      "<use xlink:href=\"#surface7\"/>surface12 notsurface3 \"surface \"surface\"surface5"
      "#surface00012 #surface12 \"surfsurface4 \"surfacesurface8</g>\n</svg>\n",
      /* several ends, partial ends, something after the last one */
      "<svg ><a></svg></s</sv</svg</svg>x</svg>tail</s",
      "<svg\n<svg  x=\">\">y</svg>",
      "<sv<svg <svg>></svg></svg></svg>",
      "surface1\"surface2<svg k=\"#surface2\">#surface3</svg>\"surface3</svg>",
      /* failures: no root, no end, a root never closed */
      "<html></html>",
      "<svg x></sv",
      "<svg x=\"1\" </svg",
      "",
  };
  GRand *rng = g_rand_new_with_seed(42);
  for (gsize d = 0; d < G_N_ELEMENTS(docs); d++) {
    for (int round = 0; round < 400; round++)
      check_stream(docs[d], rng, round < 200 ? 3 : 40);
  }
  g_rand_free(rng);
}

/* A scene as layout would make it: a title, one entry with two role segments (one
 * labelled) and a label beside, one with a javascript: url (which layout drops) and a
 * two-tone label, and a milestone. */
typedef struct {
  LayoutScene *scene;
} Fixture;

static void add_shape(Fixture *f, LayoutShape s)
{
  g_array_append_val(f->scene->shapes, s);
}

/* A text shape of @owner; returns its index. */
static guint add_text(Fixture *f, TextCtx *text, const char *s, double x, double y,
                      LayoutOwner owner)
{
  TextExtents e;
  text_measure(text, FONT, s, &e);
  add_shape(f, (LayoutShape){.kind = LAYOUT_SHAPE_TEXT,
                             .owner = owner,
                             .x = x,
                             .y = y,
                             .w = e.width,
                             .h = e.height,
                             .fill = BLACK,
                             .text = s,
                             .font = FONT});
  return f->scene->shapes->len - 1;
}

static guint add_bar(Fixture *f, guint entry, guint sub, double x, double y, double w)
{
  add_shape(f, (LayoutShape){.kind = LAYOUT_SHAPE_RECT,
                             .owner = {LAYOUT_OWNER_ENTRY, entry, LAYOUT_PART_SEGMENT, sub},
                             .x = x,
                             .y = y,
                             .w = w,
                             .h = 20,
                             .fill = RED});
  return f->scene->shapes->len - 1;
}

static void add_role(LayoutEntry *e, const char *title, DateSpan span)
{
  LayoutRole r = {g_strdup(title), span};
  g_array_append_val(e->roles, r);
}

static void fixture_init(Fixture *f, TextCtx *text)
{
  LayoutScene *scene = f->scene = layout_scene_new(400, 200);
  scene->title = g_strdup("Ada");
  scene->range_start = date_from_ymd(2015, 1, 1);
  scene->range_end = date_from_ymd(2022, 12, 31);
  layout_scene_add_group(scene, "jobs", "Experience");

  LayoutEntry *m = layout_scene_add_entry(scene, 0);
  m->org = g_strdup("Big & Co");
  m->location = g_strdup("Cambridge, UK");
  m->note = g_strdup("A <note>.");
  m->url = g_strdup("https://example.org/?a=1&b=2");
  DateSpan r1 = {date_from_ymd(2019, 9, 1), date_from_ymd(2020, 12, 31), DATE_PREC_MONTH,
                 DATE_PREC_MONTH};
  DateSpan r2 = {date_from_ymd(2021, 1, 1), date_from_ymd(2022, 12, 31), DATE_PREC_YEAR,
                 DATE_PREC_DAY, .ongoing = TRUE};
  add_role(m, "Resident", r1);
  add_role(m, "Researcher", r2);
  DateSpan whole = {r1.start, r2.end, DATE_PREC_MONTH, DATE_PREC_DAY, .ongoing = TRUE};
  g_array_append_val(m->periods, whole);
  LayoutBar b1 = {.source = 0, .start = r1.start, .end = r1.end, .label = LAYOUT_NONE};
  LayoutBar b2 = {.source = 1, .start = r2.start, .end = r2.end, .label = LAYOUT_NONE};
  g_array_append_val(m->bars, b1);
  g_array_append_val(m->bars, b2);

  LayoutEntry *e = layout_scene_add_entry(scene, 0);
  e->title = g_strdup("Evil");
  DateSpan es = {date_from_ymd(2015, 1, 1), date_from_ymd(2016, 6, 30), DATE_PREC_MONTH,
                 DATE_PREC_MONTH, .start_approx = TRUE};
  g_array_append_val(e->periods, es);
  LayoutBar b3 = {.source = 0, .start = es.start, .end = es.end, .label = LAYOUT_NONE};
  g_array_append_val(e->bars, b3);

  LayoutMilestone *ms = layout_scene_add_milestone(scene);
  ms->date = date_from_ymd(2018, 3, 1);
  ms->precision = DATE_PREC_MONTH;
  ms->title = g_strdup("Paper");
  ms->url = g_strdup("https://example.org/paper");
  ms->x = 150.5;
  ms->y = 150;

  /* Paint order as layout's: bars and markers, then every text. */
  LayoutEntry *big = &g_array_index(scene->entries, LayoutEntry, 0);
  LayoutEntry *evil = &g_array_index(scene->entries, LayoutEntry, 1);
  g_array_index(big->bars, LayoutBar, 0).shape = add_bar(f, 0, 0, 100, 50, 80);
  g_array_index(big->bars, LayoutBar, 1).shape = add_bar(f, 0, 1, 180, 50, 100);
  g_array_index(evil->bars, LayoutBar, 0).shape = add_bar(f, 1, 0, 10, 80, 60);
  add_shape(f, (LayoutShape){.kind = LAYOUT_SHAPE_DIAMOND,
                             .owner = {LAYOUT_OWNER_MILESTONE, 0, LAYOUT_PART_MARKER, 0},
                             .x = 145.5,
                             .y = 145,
                             .w = 10,
                             .h = 10,
                             .fill = RED});
  ms->marker = scene->shapes->len - 1;
  add_text(f, text, "Title <&>", 10, 10, (LayoutOwner){LAYOUT_OWNER_TITLE, 0, LAYOUT_PART_TITLE, 0});
  g_array_index(big->bars, LayoutBar, 1).label =
      add_text(f, text, "Researcher", 186, 53,
               (LayoutOwner){LAYOUT_OWNER_ENTRY, 0, LAYOUT_PART_SEGMENT_LABEL, 1});
  big->label = add_text(f, text, "Big & Co", 20, 53,
                        (LayoutOwner){LAYOUT_OWNER_ENTRY, 0, LAYOUT_PART_LABEL, 0});
  ms->label = add_text(f, text, "Paper", 140, 160,
                       (LayoutOwner){LAYOUT_OWNER_MILESTONE, 0, LAYOUT_PART_LABEL, 0});
  /* A two-tone label: one shape, its second tone from " · " on. */
  evil->label = add_text(f, text, "Evil · X", 80, 83,
                         (LayoutOwner){LAYOUT_OWNER_ENTRY, 1, LAYOUT_PART_LABEL, 0});
  g_array_index(scene->shapes, LayoutShape, evil->label).tone_from = 4;
}

static void fixture_clear(Fixture *f)
{
  layout_scene_free(f->scene);
}

static void test_tooltips(void)
{
  TextCtx *text = text_ctx_new();
  Fixture f;
  fixture_init(&f, text);
  const LayoutEntry *big = &g_array_index(f.scene->entries, LayoutEntry, 0);
  const LayoutEntry *evil = &g_array_index(f.scene->entries, LayoutEntry, 1);
  char *tip = describe_bar(big, 1);
  g_assert_cmpstr(tip, ==,
                  "Researcher, Big & Co\nCambridge, UK\n2021 to present\n"
                  "Role 2 of 2: after Resident\nA <note>.");
  g_free(tip);
  tip = describe_entry(big);
  g_assert_cmpstr(tip, ==,
                  "Big & Co\nCambridge, UK\nResident: Sep 2019 to Dec 2020\n"
                  "Researcher: 2021 to present\nA <note>.");
  g_free(tip);
  tip = describe_bar(evil, 0);
  g_assert_cmpstr(tip, ==, "Evil\nabout Jan 2015 to Jun 2016");
  g_free(tip);
  fixture_clear(&f);
  text_ctx_free(text);
}

/* Counts elements by name while checking that GMarkup accepts the document. */
static void count_start(GMarkupParseContext *ctx, const char *name, const char **names,
                        const char **values, gpointer data, GError **error)
{
  (void)ctx, (void)names, (void)values, (void)error;
  GHashTable *counts = data;
  g_hash_table_insert(counts, g_strdup(name),
                      GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(counts, name)) + 1));
}

static guint count(GHashTable *counts, const char *name)
{
  return GPOINTER_TO_UINT(g_hash_table_lookup(counts, name));
}

/* A number as the layer writes it: at most 2 decimals, no trailing zeros. */
static const char *num2(char *buf, double v)
{
  g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", v);
  char *end = buf + strlen(buf);
  while (end[-1] == '0')
    *--end = '\0';
  if (end[-1] == '.')
    end[-1] = '\0';
  return buf;
}

/* Texts in another font than most say only what differs, against the group's font. */
static void test_layer_fonts(void)
{
  TextCtx *text = text_ctx_new();
  LayoutScene *scene = layout_scene_new(100, 100);
  const char *fonts[] = {"Serif Italic 9", "Sans 10", "Sans 10", "Sans Bold 10"};
  for (guint i = 0; i < G_N_ELEMENTS(fonts); i++) {
    LayoutShape s = {.kind = LAYOUT_SHAPE_TEXT, .x = i, .y = 0, .w = 5, .h = 5,
                     .text = "t", .font = fonts[i], .fill = BLACK};
    g_array_append_val(scene->shapes, s);
  }
  char *layer = svg_text_layer(scene, text);
  g_assert_true(g_str_has_prefix(layer, "<g id=\"cvt-layer\" fill=\"#000\" fill-opacity=\"0\" "
                                        "stroke=\"none\" font-family=\"sans-serif, sans-serif\" "
                                        "font-size=\"10\">\n"));
  g_assert_nonnull(strstr(layer, "<text x=\"0\" y=\""));
  g_assert_nonnull(strstr(layer, " font-family=\"Serif, sans-serif\" font-size=\"9\" "
                                 "font-style=\"italic\" textLength=\"5\""));
  g_assert_nonnull(strstr(layer, "<text x=\"2\" y=\""));
  g_assert_nonnull(strstr(layer, " font-weight=\"700\" textLength=\"5\""));
  /* The two in the group's font carry no font attribute. */
  const char *t1 = strstr(layer, "<text x=\"1\"");
  g_assert_nonnull(t1);
  const char *close = strchr(t1, '>');
  g_assert_null(g_strstr_len(t1, close - t1, "font"));
  g_free(layer);
  layout_scene_free(scene);
  text_ctx_free(text);
}

static void test_layer(void)
{
  TextCtx *text = text_ctx_new();
  Fixture f;
  fixture_init(&f, text);
  char *layer = svg_text_layer(f.scene, text);
  TextExtents e;
  text_measure(text, FONT, "Title <&>", &e);
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], w[G_ASCII_DTOSTR_BUF_SIZE];
  /* Numbers with at most 2 decimals; the font, shared by every text, on the group. */
  char *want = g_strdup_printf("<text x=\"10\" y=\"%s\" textLength=\"%s\" "
                               "lengthAdjust=\"spacingAndGlyphs\">Title &lt;&amp;&gt;</text>",
                               num2(y, 10 + e.baseline), num2(w, e.width));
  (void)x;
  g_assert_nonnull(strstr(layer, want));
  g_free(want);
  g_assert_true(g_str_has_prefix(layer, "<g id=\"cvt-layer\" fill=\"#000\" fill-opacity=\"0\" "
                                        "stroke=\"none\" font-family=\"'DejaVu Sans', sans-serif\" "
                                        "font-size=\"12\" font-weight=\"700\">\n"));
  g_assert_null(strstr(layer, "<text x=\"10\" y=\"10.")); /* (not 3 decimals) */
  /* The entry: a link (safe url), a group titled with the whole entry, one tooltip rect
   * per bar, then its two labels in paint order; in that order. */
  const char *a = strstr(layer, "<a href=\"https://example.org/?a=1&amp;b=2\"");
  const char *r1 = strstr(layer, "<rect x=\"100\" y=\"50\" width=\"80\" height=\"20\"><title>"
                                 "Resident, Big &amp; Co");
  const char *r2 = strstr(layer, "<rect x=\"180\" y=\"50\" width=\"100\" height=\"20\">");
  const char *l1 = strstr(layer, ">Researcher</text>");
  const char *l2 = strstr(layer, ">Big &amp; Co</text>");
  g_assert_true(a && r1 && r2 && l1 && l2);
  g_assert_true(a < r1 && r1 < r2 && r2 < l1 && l1 < l2);
  /* The title comes first (paint order), the entry without a label last. */
  g_assert_true(strstr(layer, ">Title &lt;&amp;&gt;</text>") < a);
  const char *evil = strstr(layer, "<title>Evil\nabout Jan 2015 to Jun 2016</title>");
  g_assert_nonnull(evil);
  g_assert_true(evil > l2);
  g_assert_null(strstr(layer, "javascript"));
  /* A two-tone label is one <text>, on its whole box. */
  TextExtents whole;
  text_measure(text, FONT, "Evil · X", &whole);
  char *two_tone = g_strdup_printf("<text x=\"80\" y=\"%s\"", num2(y, 83 + whole.baseline));
  const char *tt = strstr(layer, two_tone);
  g_assert_nonnull(tt);
  g_assert_true(tt > evil);
  char *length = g_strdup_printf("textLength=\"%s\"", num2(w, whole.width));
  g_assert_nonnull(strstr(tt, length));
  g_free(length);
  g_assert_nonnull(strstr(tt, ">Evil · X</text>"));
  g_free(two_tone);
  /* The milestone: its marker's tooltip and link. */
  g_assert_nonnull(strstr(layer, "<a href=\"https://example.org/paper\""));
  g_assert_nonnull(strstr(layer, "<rect x=\"145.5\" y=\"145\" width=\"10\" height=\"10\">"
                                 "<title>Paper\nMar 2018</title></rect>"));

  /* Well-formed, with the expected element counts. */
  char *doc = g_strdup_printf("<svg>%s</svg>", layer);
  GHashTable *counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  GMarkupParser parser = {.start_element = count_start};
  GMarkupParseContext *ctx = g_markup_parse_context_new(&parser, 0, counts, NULL);
  GError *error = NULL;
  g_assert_true(g_markup_parse_context_parse(ctx, doc, -1, &error));
  g_assert_true(g_markup_parse_context_end_parse(ctx, &error));
  g_assert_no_error(error);
  g_assert_cmpuint(count(counts, "text"), ==, 5);
  g_assert_cmpuint(count(counts, "rect"), ==, 4); /* three bars, one marker */
  g_assert_cmpuint(count(counts, "a"), ==, 2);
  g_markup_parse_context_free(ctx);
  g_hash_table_destroy(counts);
  g_free(doc);
  g_free(layer);
  fixture_clear(&f);
  text_ctx_free(text);
}

/* The whole SVG from render: title, desc (the alt text), layer last, ids stable across
 * renders, --scale on the root only. */
static void test_render_svg(void)
{
  TextCtx *text = text_ctx_new();
  Fixture f;
  fixture_init(&f, text);
  RenderOptions opts = {.format = render_format_find("svg"), .scale = 2, .title = "Ada"};
  GError *error = NULL;
  GBytes *one = render_scene(f.scene, text, &opts, &error);
  g_assert_no_error(error);
  GBytes *two = render_scene(f.scene, text, &opts, &error);
  g_assert_no_error(error);
  g_assert_true(g_bytes_equal(one, two));
  char *s = g_strndup(g_bytes_get_data(one, NULL), g_bytes_get_size(one));
  g_assert_nonnull(strstr(s, " width=\"800\" height=\"400\" viewBox=\"0 0 400 200\""));
  char *alt = describe_alt_text(f.scene);
  char *desc = svg_escape(alt, TRUE);
  g_strchomp(desc);
  char *want = g_strdup_printf("<desc id=\"cvt-desc\">%s</desc>", desc);
  g_assert_nonnull(strstr(s, want));
  const char *layer = strstr(s, "<g id=\"cvt-layer\"");
  g_assert_nonnull(layer);
  g_assert_true(g_str_has_suffix(s, "</g>\n</svg>\n"));
  g_assert_null(strstr(layer + 1, "<g id=\"surface"));
  g_free(want);
  g_free(desc);
  g_free(alt);
  g_free(s);
  g_bytes_unref(one);
  g_bytes_unref(two);
  fixture_clear(&f);
  text_ctx_free(text);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/svg/escape", test_escape);
  g_test_add_func("/svg/number", test_number);
  g_test_add_func("/svg/stable-ids", test_stable_ids);
  g_test_add_func("/svg/root", test_root);
  g_test_add_func("/svg/stream-chunks", test_stream_chunks);
  g_test_add_func("/svg/tooltips", test_tooltips);
  g_test_add_func("/svg/layer", test_layer);
  g_test_add_func("/svg/layer-fonts", test_layer_fonts);
  g_test_add_func("/svg/render", test_render_svg);
  return g_test_run();
}
