/* Unit tests for the SVG renderer on a scene as layout makes it: one <g> per item naming
 * its owner, with the record's tooltip (describe.c) and one per bar, links only where
 * safe, labels in their entry's group unless that would change what paints over what,
 * the root's title, desc (the alt text) and --scale, the same bytes on every render, and
 * no Cairo SVG surface anywhere. */
#include "describe.h"
#include "render.h"
#include "svg_items.h"
#include "svg_out.h"

#include <string.h>

static const StyleColor BLACK = {0, 0, 0, 1};
static const StyleColor RED = {1, 0, 0, 1};
#define FONT "DejaVu Sans Bold 12"

/* A scene as layout would make it: a title, one entry with two role segments (one
 * labelled) and a label beside, one without a url (the readers refuse a javascript: one)
 * and a two-tone label, and a milestone. */
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
  add_text(f, text, "Title <&>", 10, 10,
           (LayoutOwner){LAYOUT_OWNER_TITLE, 0, LAYOUT_PART_TITLE, 0});
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
  char *tip = describe_bar(NULL, big, 1);
  g_assert_cmpstr(tip, ==,
                  "Researcher, Big & Co\nCambridge, UK\n2021 to present\n"
                  "Role 2 of 2: after Resident\nA <note>.");
  g_free(tip);
  tip = describe_entry(NULL, big);
  g_assert_cmpstr(tip, ==,
                  "Big & Co\nCambridge, UK\nResident: Sep 2019 to Dec 2020\n"
                  "Researcher: 2021 to present\nA <note>.");
  g_free(tip);
  tip = describe_bar(NULL, evil, 0);
  g_assert_cmpstr(tip, ==, "Evil\nabout Jan 2015 to Jun 2016");
  g_free(tip);
  fixture_clear(&f);
  text_ctx_free(text);
}

static gboolean to_string(gpointer closure, const char *data, gsize len)
{
  g_string_append_len(closure, data, (gssize)len);
  return TRUE;
}

static char *write_svg(const LayoutScene *scene, TextCtx *text, SvgTextMode mode)
{
  GString *out = g_string_new(NULL);
  SvgOptions opts = {.title = "Ada", .scale = 1, .text = mode};
  g_assert_true(svg_write_scene(scene, text, &opts, to_string, out));
  return g_string_free(out, FALSE);
}

/* The part of @svg from the <g> of @owner (e.g. "entry\" data-index=\"0") to its end. */
static char *item_of(const char *svg, const char *owner)
{
  char *start = g_strdup_printf("<g data-owner=\"%s\"", owner);
  const char *g = strstr(svg, start);
  g_free(start);
  if (g == NULL)
    return NULL;
  /* Items do not nest: the first "</g>\n" at depth 0 ends it. */
  int depth = 0;
  for (const char *p = g; *p; p++) {
    if (g_str_has_prefix(p, "<g"))
      depth++;
    else if (g_str_has_prefix(p, "</g>") && --depth == 0)
      return g_strndup(g, p + 4 - g);
  }
  return NULL;
}

static void test_items(gconstpointer data)
{
  SvgTextMode mode = GPOINTER_TO_INT(data);
  TextCtx *text = text_ctx_new();
  Fixture f;
  fixture_init(&f, text);
  char *svg = write_svg(f.scene, text, mode);
  /* The entry with a safe url: a link around one group holding its tooltip, each bar
   * with its own, and both of its labels (nothing painted between overlaps them). */
  const char *a =
      strstr(svg, "<a href=\"https://example.org/?a=1&amp;b=2\" "
                  "xlink:href=\"https://example.org/?a=1&amp;b=2\"><g data-owner=\"entry\"");
  g_assert_nonnull(a);
  char *big = item_of(svg, "entry\" data-index=\"0");
  g_assert_nonnull(big);
  g_assert_true(g_str_has_prefix(big, "<g data-owner=\"entry\" data-index=\"0\"><title>Big &amp; "
                                      "Co\nCambridge, UK\nResident: Sep 2019 to Dec 2020\n"));
  g_assert_nonnull(strstr(big, "<g><title>Resident, Big &amp; Co\nCambridge, UK\n"));
  g_assert_nonnull(strstr(big, "<g><title>Researcher, Big &amp; Co\nCambridge, UK\n2021 to "
                               "present\nRole 2 of 2: after Resident\nA &lt;note&gt;.</title>"));
  if (mode == SVG_TEXT_TEXT) {
    g_assert_nonnull(strstr(big, ">Researcher</text>"));
    g_assert_nonnull(strstr(big, ">Big &amp; Co</text>"));
  } else {
    g_assert_nonnull(strstr(big, "lengthAdjust=\"spacingAndGlyphs\">Researcher</text>"));
    g_assert_nonnull(strstr(big, "<use xlink:href=\"#"));
  }
  /* Its group appears once. */
  g_assert_null(strstr(strstr(svg, "data-owner=\"entry\" data-index=\"0\"") + 1,
                       "data-owner=\"entry\" data-index=\"0\""));
  /* javascript: was dropped by layout; the two-tone label is in its entry's group. */
  g_assert_null(strstr(svg, "javascript"));
  char *evil = item_of(svg, "entry\" data-index=\"1");
  g_assert_nonnull(evil);
  g_assert_true(g_str_has_prefix(evil, "<g data-owner=\"entry\" data-index=\"1\"><title>Evil\n"
                                       "about Jan 2015 to Jun 2016</title>"));
  g_assert_nonnull(
      strstr(evil, mode == SVG_TEXT_TEXT ? ">Evil<tspan class=\"" : ">Evil · X</text>"));
  /* The milestone: linked, its tooltip on its group, over marker and label alike. */
  g_assert_nonnull(strstr(svg, "<a href=\"https://example.org/paper\""));
  char *ms = item_of(svg, "milestone\" data-index=\"0");
  g_assert_nonnull(ms);
  g_assert_true(g_str_has_prefix(ms, "<g data-owner=\"milestone\" data-index=\"0\"><title>Paper\n"
                                     "Mar 2018</title>\n<path d=\"M150.5 145L155.5 150 150.5 155 "
                                     "145.5 150Z\""));
  char *title = item_of(svg, "title");
  g_assert_nonnull(title);
  g_assert_null(strstr(title, "<title>"));
  g_free(title);
  g_free(ms);
  g_free(evil);
  g_free(big);
  g_free(svg);
  fixture_clear(&f);
  text_ctx_free(text);
}

/* A line painted between an entry's bar and its label that crosses the label: the label
 * stays above it, in a second group of the entry; one that does not cross leaves one. */
static void test_items_keep_paint_order(void)
{
  TextCtx *text = text_ctx_new();
  for (int crossing = 0; crossing <= 1; crossing++) {
    Fixture f;
    fixture_init(&f, text);
    LayoutShape line = {.kind = LAYOUT_SHAPE_LINE,
                        .owner = {LAYOUT_OWNER_TODAY, 0, LAYOUT_PART_TODAY_LINE, 0},
                        .x = crossing ? 30 : 390,
                        .y = 0,
                        .h = 200,
                        .stroke = RED,
                        .stroke_width = 1};
    /* After the bars and the marker, before the texts (layout's layers). */
    g_array_insert_val(f.scene->shapes, 4, line);
    for (guint e = 0; e < f.scene->entries->len; e++) {
      LayoutEntry *entry = &g_array_index(f.scene->entries, LayoutEntry, e);
      entry->label =
          entry->label != LAYOUT_NONE && entry->label >= 4 ? entry->label + 1 : entry->label;
      for (guint b = 0; b < entry->bars->len; b++) {
        LayoutBar *bar = &g_array_index(entry->bars, LayoutBar, b);
        if (bar->label != LAYOUT_NONE && bar->label >= 4)
          bar->label++;
      }
    }
    gboolean *drawn = g_new(gboolean, f.scene->shapes->len);
    for (guint i = 0; i < f.scene->shapes->len; i++)
      drawn[i] = TRUE;
    SvgItems *items = svg_items_build(f.scene, drawn);
    guint entry0 = 0, last = 0;
    for (guint i = 0; i < items->items->len; i++) {
      const SvgItem *item = &g_array_index(items->items, SvgItem, i);
      if (item->kind == LAYOUT_OWNER_ENTRY && item->index == 0)
        entry0++;
      /* Every shape once, paint order kept within each item. */
      for (guint k = 1; k < item->n; k++)
        g_assert_cmpuint(g_array_index(items->shapes, guint, item->first + k), >,
                         g_array_index(items->shapes, guint, item->first + k - 1));
      last += item->n;
    }
    g_assert_cmpuint(last, ==, f.scene->shapes->len);
    /* The line crosses "Big & Co" at x 20..: the label moves into a group of its own. */
    g_assert_cmpuint(entry0, ==, crossing ? 2 : 1);
    svg_items_free(items);
    g_free(drawn);
    fixture_clear(&f);
  }
  text_ctx_free(text);
}

/* The whole SVG through render: title, desc (the alt text), --scale on the root only, the
 * same bytes twice. */
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
  g_assert_true(g_str_has_prefix(
      s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""));
  g_assert_nonnull(strstr(s, " width=\"800\" height=\"400\" viewBox=\"0 0 400 200\""));
  g_assert_nonnull(strstr(s, " role=\"img\" aria-labelledby=\""));
  g_assert_nonnull(strstr(s, "-t0\">Ada</title>"));
  char *alt = describe_alt_text(f.scene);
  GString *want = g_string_new("-d0\">");
  char *clean = svg_clean_text(alt, TRUE);
  g_strchomp(clean);
  char *esc = g_markup_escape_text(clean, -1);
  g_string_append_printf(want, "%s</desc>", esc);
  g_assert_nonnull(strstr(s, want->str));
  g_assert_true(g_str_has_suffix(s, "</svg>\n"));
  /* Nothing of Cairo's SVG surface: no surfaceN, no glyphN-M ids. */
  g_assert_null(strstr(s, "surface"));
  g_assert_null(strstr(s, "id=\"glyph"));
  g_free(esc);
  g_free(clean);
  g_string_free(want, TRUE);
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
  g_test_add_func("/svg/tooltips", test_tooltips);
  g_test_add_data_func("/svg/items/paths", GINT_TO_POINTER(SVG_TEXT_PATHS), test_items);
  g_test_add_data_func("/svg/items/text", GINT_TO_POINTER(SVG_TEXT_TEXT), test_items);
  g_test_add_func("/svg/items/paint-order", test_items_keep_paint_order);
  g_test_add_func("/svg/render", test_render_svg);
  return g_test_run();
}
