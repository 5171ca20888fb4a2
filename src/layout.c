/* layout: from a timeline and a style to a scene of placed shapes and labels
 * (spec/visual.md; the structure is what spec/cli.md "The layout dump" prints).
 * Labels are placed before lanes are packed, so that a lane's occupied span includes the
 * room its label takes beside the bar: nothing ever collides. */
#include "layout.h"

#include <math.h>
#include <pango/pango.h>
#include <string.h>

/* Room between neighbours, in px, where the style has no say. */
#define LAYOUT_LABEL_GAP 6.0   /* between a bar and a label beside it */
#define LAYOUT_PACK_GAP 8.0    /* between two things in one lane */
#define LAYOUT_COLUMN_GAP 16.0 /* between the group column and the plot */
#define LAYOUT_MIN_ELLIPSIS 36.0 /* narrower than this, a shortened label says nothing */
#define LAYOUT_MAX_TIERS 8     /* milestone label tiers before a label is left out */
/* A chart fitted into a fixed height shrinks at most until its labels are this small. */
#define LAYOUT_MIN_FITTED_TEXT 8.0

typedef enum {
  LAYER_BACK,  /* background, grid, separators */
  LAYER_BARS,  /* join lines, bars, segment cuts, today line */
  LAYER_TEXT,  /* every label */
  LAYER_COUNT,
} LayoutLayer;

typedef struct {
  const Style *style;
  TextCtx *text;
  LayoutScene *scene;
  GArray *layers[LAYER_COUNT];
  double left, right; /* the page's inner edges (margins) */
  double x0, x1;      /* the plot: where dates map to x */
  double px_per_day;
  double bar_h;       /* a bar's height */
  double lane_h;      /* a lane's height: the bar, or the label line when taller */
  double lane_pitch;  /* lane_h + the gap */
  double label_h, label_baseline;
  StyleColor label_dark, label_light; /* inside-bar label colours under `color: auto` */
} LayoutCtx;

/* --- Small helpers --- */

static const char *layout_str(LayoutScene *scene, const char *s)
{
  return s ? g_string_chunk_insert_const(scene->strings, s) : NULL;
}

static void layout_push(LayoutCtx *ctx, LayoutLayer layer, const LayoutShape *shape)
{
  g_array_append_vals(ctx->layers[layer], shape, 1);
}

static double layout_x(const LayoutCtx *ctx, DateDay day)
{
  return ctx->x0 + (double)(day - ctx->scene->range_start) * ctx->px_per_day;
}

static double layout_text_width(LayoutCtx *ctx, const char *font, const char *text)
{
  TextExtents e;
  text_measure(ctx->text, font, text, &e);
  return e.width;
}

/* Adds a text shape whose logical box starts at (x, y) and returns that box. */
static LayoutBox layout_text(LayoutCtx *ctx, const char *font, const char *text, double x,
                             double y, StyleColor color)
{
  TextExtents e;
  text_measure(ctx->text, font, text, &e);
  LayoutShape shape = {
      .kind = LAYOUT_SHAPE_TEXT,
      .x = x,
      .y = y,
      .w = e.width,
      .h = e.height,
      .fill = color,
      .text = layout_str(ctx->scene, text),
      .font = layout_str(ctx->scene, font),
  };
  layout_push(ctx, LAYER_TEXT, &shape);
  return (LayoutBox){x, y, e.width, e.height};
}

/* A label beside a bar in two tones: what the person was in the text colour, and from the
 * first " · " on (the org, the location) in the muted colour. Returns its box. */
static LayoutBox layout_text_two_tone(LayoutCtx *ctx, const char *font, const char *text,
                                      double x, double y, StyleColor color, StyleColor muted)
{
  LayoutBox box = layout_text(ctx, font, text, x, y, color);
  const char *cut = strstr(text, " · ");
  if (cut && cut > text) {
    LayoutShape *shape = &g_array_index(ctx->layers[LAYER_TEXT], LayoutShape,
                                        ctx->layers[LAYER_TEXT]->len - 1);
    shape->tone_from = (guint)(cut - text);
    shape->tone = muted;
  }
  return box;
}

/* A label kept for the overlap checks of --dump-layout (title, legend, today, ...). */
static void layout_note_text(LayoutCtx *ctx, const char *text, LayoutBox box)
{
  LayoutLabel *label = g_new0(LayoutLabel, 1);
  label->text = g_strdup(text);
  label->box = box;
  g_ptr_array_add(ctx->scene->texts, label);
}

static void layout_line(LayoutCtx *ctx, LayoutLayer layer, double x0, double y0, double x1,
                        double y1, StyleColor color, double width)
{
  LayoutShape shape = {
      .kind = LAYOUT_SHAPE_LINE,
      .x = x0,
      .y = y0,
      .w = x1 - x0,
      .h = y1 - y0,
      .stroke = color,
      .stroke_width = width,
  };
  layout_push(ctx, layer, &shape);
}

static StyleColor layout_with_alpha(StyleColor c, double alpha)
{
  c.a *= alpha;
  return c;
}

/* User text is drawn as it is, but never with control characters (Pango would draw
 * boxes for them, and a newline would break the line). */
static char *layout_clean_text(const char *text)
{
  GString *out = g_string_sized_new(text ? strlen(text) : 0);
  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    /* Embeddings, overrides and isolates would reorder what follows the field too (the
     * " · org" after a title, "exe.png" read backwards); the bidi algorithm alone still
     * lays out right-to-left text. */
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
      continue;
    if (c < 0x20 || c == 0x7f)
      g_string_append_c(out, ' ');
    else
      g_string_append_len(out, p, g_utf8_next_char(p) - p);
  }
  return g_strstrip(g_string_free(out, FALSE));
}

/* The label colour inside a bar of @fill (visual.md "Text": light or dark, whichever
 * reads better), or the style's fixed colour. */
static StyleColor layout_inside_color(const LayoutCtx *ctx, StyleColor fill)
{
  if (!ctx->style->bar.color_auto)
    return ctx->style->bar.color;
  /* The bar as the eye sees it, over the page (white where the page is transparent). */
  StyleColor page = ctx->style->page.background;
  return style_contrast_ratio(ctx->label_light, fill, page) >=
                 style_contrast_ratio(ctx->label_dark, fill, page)
             ? ctx->label_light
             : ctx->label_dark;
}

/* --- Header: title, headline, legend --- */

typedef struct {
  const char *name;
  StyleColor color;
  StylePattern pattern;
} LayoutLegendItem;

static double layout_legend_width(LayoutCtx *ctx, GArray *items)
{
  const char *font = ctx->style->legend.font;
  double w = 0;
  for (guint i = 0; i < items->len; i++) {
    const LayoutLegendItem *item = &g_array_index(items, LayoutLegendItem, i);
    w += (i ? 18 : 0) + 16 + layout_text_width(ctx, font, item->name);
  }
  return w;
}

/* Draws the legend from (@x, @y), flowing into further rows at the right edge; returns
 * its height. A name wider than the page is shortened. */
static double layout_legend_draw(LayoutCtx *ctx, GArray *items, double x, double y)
{
  const char *font = ctx->style->legend.font;
  TextExtents e;
  text_measure(ctx->text, font, "Ag", &e);
  double row_x = x, top = y;
  for (guint i = 0; i < items->len; i++) {
    const LayoutLegendItem *item = &g_array_index(items, LayoutLegendItem, i);
    char *name = text_fit(ctx->text, font, item->name, MAX(ctx->right - row_x - 16, 1));
    double w = name ? layout_text_width(ctx, font, name) : 0;
    if (x > row_x && x + 16 + w > ctx->right) {
      x = row_x;
      y += e.height + 6;
      g_free(name);
      name = text_fit(ctx->text, font, item->name, MAX(ctx->right - row_x - 16, 1));
      w = name ? layout_text_width(ctx, font, name) : 0;
    }
    double sw = 11;
    LayoutShape swatch = {
        .kind = LAYOUT_SHAPE_RECT,
        .x = x,
        .y = y + round((e.height - sw) / 2),
        .w = sw,
        .h = sw,
        .fill = item->color,
        .radius = 2.5,
        .pattern = item->pattern,
        .pattern_color = layout_inside_color(ctx, item->color),
    };
    layout_push(ctx, LAYER_BARS, &swatch);
    if (name) {
      LayoutBox box = layout_text(ctx, font, name, x + 16, y, ctx->style->page.color);
      layout_note_text(ctx, name, box);
    }
    g_free(name);
    x += 16 + w + 18;
  }
  return y - top + e.height;
}

/* A one-line text at (@x, @y), shortened to the page's inner width; its box (w = 0 when
 * not even an ellipsis fits). Noted for the overlap checks. */
static LayoutBox layout_header_text(LayoutCtx *ctx, const char *font, const char *text, double x,
                                    double y, StyleColor color)
{
  char *fitted = text_fit(ctx->text, font, text, ctx->right - x);
  LayoutBox box = {x, y, 0, 0};
  if (fitted) {
    box = layout_text(ctx, font, fitted, x, y, color);
    layout_note_text(ctx, fitted, box);
  } else {
    TextExtents e;
    text_measure(ctx->text, font, text, &e);
    box.h = e.height;
  }
  g_free(fitted);
  return box;
}

/* Draws the title, headline and (top) legend from @y; returns the y below them. */
static double layout_header(LayoutCtx *ctx, GArray *legend, double y)
{
  const Style *st = ctx->style;
  LayoutScene *scene = ctx->scene;
  double top = y, text_right = ctx->left;
  if (st->title.show && scene->title) {
    LayoutBox box =
        layout_header_text(ctx, st->title.font, scene->title, ctx->left, y, st->title.color);
    text_right = MAX(text_right, box.x + box.w);
    y += box.h + 2;
  }
  if (st->subtitle.show && scene->headline) {
    LayoutBox box = layout_header_text(ctx, st->subtitle.font, scene->headline, ctx->left, y,
                                       st->subtitle.color);
    text_right = MAX(text_right, box.x + box.w);
    y += box.h;
  }
  if (st->legend.show && st->legend.position == STYLE_LEGEND_TOP && legend->len) {
    double w = layout_legend_width(ctx, legend);
    if (y > top && text_right + 32 + w <= ctx->right) {
      /* Beside the title, on its band, aligned right. */
      layout_legend_draw(ctx, legend, ctx->right - w, top + 4);
    } else {
      y += y > top ? 10 : 0;
      y += layout_legend_draw(ctx, legend, ctx->left, y);
    }
  }
  return y > top ? y + 18 : y;
}

/* --- Ticks --- */

typedef struct {
  int months;       /* step */
  const char *unit; /* what the dump calls it */
} LayoutTickStep;

static const LayoutTickStep layout_tick_steps[] = {
    {1, "month"},    {3, "quarter"},   {12, "year"},     {24, "year"},
    {60, "year"},    {120, "decade"},  {240, "decade"},  {600, "decade"},
    {1200, "decade"}, {2400, "decade"}, {6000, "decade"}, {12000, "decade"},
};

static guint layout_first_step(StyleTicks ticks)
{
  switch (ticks) {
  case STYLE_TICKS_MONTH:
  case STYLE_TICKS_AUTO:
    return 0;
  case STYLE_TICKS_QUARTER:
    return 1;
  case STYLE_TICKS_YEAR:
    return 2;
  case STYLE_TICKS_DECADE:
    return 5;
  }
  return 0;
}

static const char *const layout_month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* A tick's label: the year at January, else the month's short name. */
static void layout_tick_text(char *buf, gsize size, int year, int month)
{
  if (month == 1)
    g_snprintf(buf, size, "%d", year);
  else
    g_snprintf(buf, size, "%s", layout_month_names[month - 1]);
}

/* The finest calendar step whose labels do not crowd (visual.md "Axis"). */
static guint layout_choose_step(LayoutCtx *ctx)
{
  const char *font = ctx->style->axis.font;
  double year_w = layout_text_width(ctx, font, "2000");
  double month_w = MAX(year_w, layout_text_width(ctx, font, "May"));
  guint n = G_N_ELEMENTS(layout_tick_steps);
  for (guint i = layout_first_step(ctx->style->axis.ticks); i < n; i++) {
    int months = layout_tick_steps[i].months;
    double label_w = months < 12 ? month_w : year_w;
    /* The shortest such step in days: 28 for a month, 365 for a year. */
    double days = months < 12 ? 28.0 * months : 365.0 * (months / 12);
    if (days * ctx->px_per_day >= label_w + 18)
      return i;
  }
  return n - 1;
}

static void layout_ticks(LayoutCtx *ctx)
{
  LayoutScene *scene = ctx->scene;
  guint step_i = layout_choose_step(ctx);
  int step = layout_tick_steps[step_i].months;
  scene->tick_unit = g_strdup(layout_tick_steps[step_i].unit);

  int y, m, d;
  date_to_ymd(scene->range_start, &y, &m, &d);
  /* Calendar-aligned: the first month at or after the start that is a multiple of the step
   * (years: multiples of step/12, so decades fall on years ending in 0). */
  long index = (long)y * 12 + (m - 1);
  if (d > 1)
    index++;
  long rem = index % step;
  if (rem)
    index += step - rem;
  for (; ; index += step) {
    int ty = (int)(index / 12), tm = (int)(index % 12) + 1;
    DateDay day = date_from_ymd(ty, tm, 1);
    if (!day || day > scene->range_end + 1)
      break;
    LayoutTick tick = {.date = day, .x = round(layout_x(ctx, day))};
    g_array_append_val(scene->ticks, tick);
  }
}

/* Places the tick labels in a row at @y, shifted inside the page at its edges and left
 * out where they would touch their neighbour. Returns the row's height. */
static double layout_tick_labels(LayoutCtx *ctx, double y, gboolean record)
{
  const char *font = ctx->style->axis.font;
  double last_right = -G_MAXDOUBLE, row_h = 0;
  gboolean year_named = FALSE;
  for (guint i = 0; i < ctx->scene->ticks->len; i++) {
    LayoutTick *tick = &g_array_index(ctx->scene->ticks, LayoutTick, i);
    int ty, tm, td;
    date_to_ymd(tick->date, &ty, &tm, &td);
    char buf[32];
    layout_tick_text(buf, sizeof buf, ty, tm);
    /* A month axis that starts after January still says which year it is in. */
    if (!year_named && tm != 1)
      g_snprintf(buf, sizeof buf, "%s %d", layout_month_names[tm - 1], ty);
    TextExtents e;
    text_measure(ctx->text, font, buf, &e);
    double x = CLAMP(tick->x - e.width / 2, ctx->left, ctx->right - e.width);
    row_h = MAX(row_h, e.height);
    if (x < last_right + 8)
      continue;
    year_named = TRUE;
    last_right = x + e.width;
    LayoutBox box = layout_text(ctx, font, buf, x, y, ctx->style->axis.color);
    if (record) {
      tick->has_label = TRUE;
      tick->label = (LayoutLabel){g_strdup(buf), box};
    } else {
      layout_note_text(ctx, buf, box);
    }
  }
  return row_h;
}

/* --- Entries: labels, then lanes --- */

typedef enum {
  PLACE_NONE,
  PLACE_INSIDE,
  PLACE_RIGHT,
  PLACE_LEFT,
} LayoutPlace;

/* An entry while its group is being laid out. */
typedef struct {
  const TimelineEntry *te;
  GArray *xs;         /* of double pairs: each bar's [x0, x1) */
  StyleColor color;
  StylePattern pattern;
  char *full;         /* the full label text */
  char *text;         /* what is drawn, or NULL */
  double text_w;
  LayoutPlace place;
  guint inside_bar;   /* the bar an inside label sits in */
  gboolean segment_labels; /* roles: segments labelled with their titles where they fit */
  gint org_segment;        /* roles: the segment whose label also names the org, or -1 */
  char *org_segment_text;  /* that label */
  double lo, hi;      /* occupied span: bars and label */
  guint lane;
} LayoutItem;

static double layout_bar_x0(const LayoutItem *item, guint i)
{
  return g_array_index(item->xs, double, 2 * i);
}

static double layout_bar_x1(const LayoutItem *item, guint i)
{
  return g_array_index(item->xs, double, 2 * i + 1);
}

/* Pixel extents of each bar: whole pixels, at least 3 px wide so a short stay shows. */
static void layout_item_bars(LayoutCtx *ctx, LayoutItem *item)
{
  item->xs = g_array_new(FALSE, FALSE, sizeof(double));
  for (guint i = 0; i < item->te->bars->len; i++) {
    const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
    double x0 = round(layout_x(ctx, bar->start));
    double x1 = round(layout_x(ctx, bar->end + 1));
    if (x1 - x0 < 3)
      x1 = x0 + 3;
    if (x1 > ctx->x1) {
      x1 = MAX(ctx->x1, x0 + 1);
      x0 = MIN(x0, x1 - 3);
    }
    g_array_append_val(item->xs, x0);
    g_array_append_val(item->xs, x1);
  }
}

static double layout_fade_width(double w)
{
  return MIN(28.0, w * 0.35);
}

static gboolean layout_bar_fades_left(const TimelineBar *bar)
{
  return bar->fade_start || bar->cut_start;
}

static gboolean layout_bar_fades_right(const TimelineBar *bar)
{
  return bar->fade_end || bar->ongoing || bar->cut_end;
}

/* The part of bar @i that is not faded, where a label inside stays legible. */
static void layout_bar_solid(const LayoutItem *item, guint i, double *x0, double *x1)
{
  const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
  double w = layout_bar_x1(item, i) - layout_bar_x0(item, i);
  *x0 = layout_bar_x0(item, i) + (layout_bar_fades_left(bar) ? layout_fade_width(w) : 0);
  *x1 = layout_bar_x1(item, i) - (layout_bar_fades_right(bar) ? layout_fade_width(w) : 0);
}

static double layout_bar_room(const LayoutItem *item, guint i)
{
  double x0, x1;
  layout_bar_solid(item, i, &x0, &x1);
  return x1 - x0;
}

static gboolean layout_inside_allowed(const LayoutCtx *ctx)
{
  return ctx->style->bar.label != STYLE_BAR_LABEL_OUTSIDE && ctx->label_h <= ctx->bar_h + 1;
}

static gboolean layout_beside_allowed(const LayoutCtx *ctx)
{
  return ctx->style->bar.label != STYLE_BAR_LABEL_INSIDE;
}

/* The bar of an entry with the most solid room (where an inside label goes). */
static guint layout_widest_bar(const LayoutItem *item)
{
  guint best = 0;
  for (guint i = 1; i < item->te->bars->len; i++)
    if (layout_bar_room(item, i) > layout_bar_room(item, best))
      best = i;
  return best;
}

/* Tries to place @text inside, to the right, then to the left. */
static gboolean layout_try_place(LayoutCtx *ctx, LayoutItem *item, const char *text,
                                 gboolean inside_ok)
{
  const char *font = ctx->style->bar.font;
  double w = layout_text_width(ctx, font, text);
  double pad = ctx->style->bar.padding;
  guint widest = layout_widest_bar(item);
  guint last = item->te->bars->len - 1;
  if (inside_ok && layout_inside_allowed(ctx) && w + 2 * pad <= layout_bar_room(item, widest)) {
    item->place = PLACE_INSIDE;
    item->inside_bar = widest;
  } else if (layout_beside_allowed(ctx) &&
             layout_bar_x1(item, last) + LAYOUT_LABEL_GAP + w <= ctx->right) {
    item->place = PLACE_RIGHT;
  } else if (layout_beside_allowed(ctx) &&
             layout_bar_x0(item, 0) - LAYOUT_LABEL_GAP - w >= ctx->x0) {
    item->place = PLACE_LEFT;
  } else {
    return FALSE;
  }
  item->text = g_strdup(text);
  item->text_w = w;
  return TRUE;
}

/* No candidate fits whole: shorten the first one into the largest room there is. */
static void layout_place_shortened(LayoutCtx *ctx, LayoutItem *item, const char *text,
                                   gboolean inside_ok)
{
  double pad = ctx->style->bar.padding;
  guint widest = layout_widest_bar(item);
  guint last = item->te->bars->len - 1;
  double rooms[3] = {
      inside_ok && layout_inside_allowed(ctx) ? layout_bar_room(item, widest) - 2 * pad : 0,
      layout_beside_allowed(ctx) ? ctx->right - layout_bar_x1(item, last) - LAYOUT_LABEL_GAP
                                 : 0,
      layout_beside_allowed(ctx) ? layout_bar_x0(item, 0) - LAYOUT_LABEL_GAP - ctx->x0 : 0,
  };
  const LayoutPlace places[3] = {PLACE_INSIDE, PLACE_RIGHT, PLACE_LEFT};
  guint best = 0;
  for (guint i = 1; i < 3; i++)
    if (rooms[i] > rooms[best] + 0.5)
      best = i;
  if (rooms[best] < LAYOUT_MIN_ELLIPSIS)
    return;
  char *fitted = text_fit(ctx->text, ctx->style->bar.font, text, rooms[best]);
  if (!fitted)
    return;
  item->place = places[best];
  item->inside_bar = widest;
  item->text_w = layout_text_width(ctx, ctx->style->bar.font, fitted);
  item->text = fitted;
}

/* "Title · Org · Location" as far as the style shows them. */
static char *layout_entry_full_label(const Style *st, const ModelEntry *entry)
{
  GString *s = g_string_new(NULL);
  if (entry->title)
    g_string_append(s, entry->title);
  if (entry->org && (st->bar.show_org || !entry->title))
    g_string_append_printf(s, "%s%s", s->len ? " · " : "", entry->org);
  if (entry->location && st->bar.show_location)
    g_string_append_printf(s, "%s%s", s->len ? " · " : "", entry->location);
  char *clean = layout_clean_text(s->str);
  g_string_free(s, TRUE);
  return clean;
}

/* Whether role segment @i shows its whole title inside. */
static gboolean layout_segment_fits(LayoutCtx *ctx, const LayoutItem *item, guint i)
{
  if (!layout_inside_allowed(ctx))
    return FALSE;
  const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
  char *title = layout_clean_text(bar->role);
  double w = layout_text_width(ctx, ctx->style->bar.font, title);
  g_free(title);
  return w + 2 * ctx->style->bar.padding <= layout_bar_room(item, i);
}

static gboolean layout_any_segment_fits(LayoutCtx *ctx, const LayoutItem *item)
{
  for (guint i = 0; i < item->te->bars->len; i++)
    if (layout_segment_fits(ctx, item, i))
      return TRUE;
  return FALSE;
}

/* Segment @i's label: its title (with the org, for the segment chosen to carry it),
 * shortened when the segment is too short for all of it; NULL when not even a few
 * characters would show. */
static char *layout_segment_text(LayoutCtx *ctx, const LayoutItem *item, guint i)
{
  const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
  if (!bar->role || !layout_inside_allowed(ctx))
    return NULL;
  if (item->org_segment == (gint)i)
    return g_strdup(item->org_segment_text);
  char *title = layout_clean_text(bar->role);
  double room = layout_bar_room(item, i) - 2 * ctx->style->bar.padding;
  char *fitted = room >= LAYOUT_MIN_ELLIPSIS ? text_fit(ctx->text, ctx->style->bar.font, title, room)
                                             : NULL;
  g_free(title);
  return fitted;
}

/* No room beside a bar that fills the plot: the org joins the title of the first
 * segment with room for both ("Researcher · Big Research"). */
static gboolean layout_org_in_segment(LayoutCtx *ctx, LayoutItem *item, const char *org)
{
  for (guint i = 0; i < item->te->bars->len; i++) {
    const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
    char *both = g_strdup_printf("%s · %s", bar->role, org);
    char *clean = layout_clean_text(both);
    double w = layout_text_width(ctx, ctx->style->bar.font, clean);
    g_free(both);
    if (layout_inside_allowed(ctx) && w + 2 * ctx->style->bar.padding <= layout_bar_room(item, i)) {
      item->org_segment = (gint)i;
      item->org_segment_text = clean;
      return TRUE;
    }
    g_free(clean);
  }
  return FALSE;
}

/* Roles (visual.md "Bars"): each segment carries its title where it fits, and the org is
 * named once beside the bar; when no title fits, one label beside tells the progression. */
static void layout_place_roles(LayoutCtx *ctx, LayoutItem *item)
{
  const ModelEntry *entry = item->te->entry;
  char *org = layout_clean_text(entry->org ? entry->org : entry->title);
  GString *progression = g_string_new(NULL);
  for (guint i = 0; i < item->te->bars->len; i++) {
    const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
    g_string_append_printf(progression, "%s%s", i ? " › " : "", bar->role);
  }
  char *roles = layout_clean_text(progression->str);
  g_string_free(progression, TRUE);
  item->full = g_strdup_printf("%s · %s", roles, org);

  item->segment_labels = layout_any_segment_fits(ctx, item);
  if (item->segment_labels) {
    if (!layout_try_place(ctx, item, org, FALSE) && !layout_org_in_segment(ctx, item, org))
      layout_place_shortened(ctx, item, org, FALSE);
  } else if (!layout_try_place(ctx, item, item->full, FALSE)) {
    const TimelineBar *last = &g_array_index(item->te->bars, TimelineBar,
                                             item->te->bars->len - 1);
    char *recent = g_strdup_printf("%s · %s", last->role, org);
    char *clean = layout_clean_text(recent);
    if (!layout_try_place(ctx, item, clean, FALSE) && !layout_try_place(ctx, item, org, FALSE))
      layout_place_shortened(ctx, item, org, FALSE);
    g_free(clean);
    g_free(recent);
  }
  g_free(roles);
  g_free(org);
}

/* The title alone fitted inside: the org follows, shortened, when enough of it shows to
 * be worth reading (visual.md "Text": a shortened label ends with an ellipsis). */
static void layout_extend_inside(LayoutCtx *ctx, LayoutItem *item, const char *title)
{
  if (strcmp(item->full, title) == 0)
    return;
  double room = layout_bar_room(item, item->inside_bar) - 2 * ctx->style->bar.padding;
  char *fitted = text_fit(ctx->text, ctx->style->bar.font, item->full, room);
  /* " · " and at least four characters of the org, then the ellipsis. */
  if (fitted && g_utf8_strlen(fitted, -1) >= g_utf8_strlen(title, -1) + 8) {
    g_free(item->text);
    item->text = fitted;
    item->text_w = layout_text_width(ctx, ctx->style->bar.font, fitted);
  } else {
    g_free(fitted);
  }
}

static void layout_place_label(LayoutCtx *ctx, LayoutItem *item)
{
  if (item->te->has_roles) {
    layout_place_roles(ctx, item);
    return;
  }
  const ModelEntry *entry = item->te->entry;
  item->full = layout_entry_full_label(ctx->style, entry);
  char *shorter = layout_clean_text(entry->title ? entry->title : entry->org);
  /* The full label anywhere it fits, then the title alone, then the full label shortened. */
  if (!layout_try_place(ctx, item, item->full, TRUE) &&
      !layout_try_place(ctx, item, shorter, TRUE))
    layout_place_shortened(ctx, item, item->full, TRUE);
  else if (item->place == PLACE_INSIDE && g_strcmp0(item->text, shorter) == 0)
    layout_extend_inside(ctx, item, shorter);
  g_free(shorter);
}

/* The span an item occupies in its lane: its bars and the label beside them. */
static void layout_item_span(LayoutItem *item)
{
  guint last = item->te->bars->len - 1;
  item->lo = layout_bar_x0(item, 0);
  item->hi = layout_bar_x1(item, last);
  /* A label beside its bar keeps further clear of its neighbour than a bar does: two
   * labels a pack gap apart would read as one phrase. */
  if (item->place == PLACE_RIGHT)
    item->hi += LAYOUT_LABEL_GAP + item->text_w + LAYOUT_PACK_GAP;
  else if (item->place == PLACE_LEFT)
    item->lo -= LAYOUT_LABEL_GAP + item->text_w + LAYOUT_PACK_GAP;
}

static void layout_item_paint(const LayoutCtx *ctx, LayoutItem *item, const StylePaint *group)
{
  item->color = group->color;
  item->pattern = group->pattern;
  const char *class_name = item->te->entry->class_name;
  const StylePaint *cls = class_name ? style_class(ctx->style, class_name) : NULL;
  if (cls && (cls->set & STYLE_PAINT_COLOR))
    item->color = cls->color;
  if (cls && (cls->set & STYLE_PAINT_PATTERN))
    item->pattern = cls->pattern;
}

/* Text y so that the label is centred on the lane with its baseline on a whole pixel. */
static double layout_label_y(const LayoutCtx *ctx, double lane_y)
{
  double y = lane_y + (ctx->lane_h - ctx->label_h) / 2;
  return round(y + ctx->label_baseline) - ctx->label_baseline;
}

/* A pattern under a label makes it hard to read: the label sits on a plate of the bar's
 * plain colour (the pattern still shows around it). */
static void layout_label_plate(LayoutCtx *ctx, const LayoutItem *item, LayoutBox box)
{
  if (item->pattern == STYLE_PATTERN_SOLID || item->pattern == STYLE_PATTERN_OUTLINE)
    return;
  LayoutShape plate = {
      .kind = LAYOUT_SHAPE_RECT,
      .x = box.x - 3,
      .y = box.y,
      .w = box.w + 6,
      .h = box.h,
      .fill = item->color,
      .radius = 2,
  };
  layout_push(ctx, LAYER_BARS, &plate);
}

/* Emits one entry's shapes at lane top @lane_y and fills its dump record. */
/* Emits bar @i of an entry (a period or a role segment) with its segment label, and
 * returns its dump record. */
static LayoutBar layout_emit_bar(LayoutCtx *ctx, const LayoutItem *item, guint i, double lane_y,
                                 StyleColor inside)
{
  const Style *st = ctx->style;
  guint n = item->te->bars->len;
  const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
  double bar_y = lane_y + round((ctx->lane_h - ctx->bar_h) / 2);
  double x0 = layout_bar_x0(item, i), x1 = layout_bar_x1(item, i), w = x1 - x0;
  /* Role segments are drawn as one bar: rounded only at the outer ends. */
  gboolean inner_left = item->te->has_roles && i > 0;
  gboolean inner_right = item->te->has_roles && i + 1 < n;
  LayoutShape rect = {
      .kind = LAYOUT_SHAPE_RECT,
      .x = x0,
      .y = bar_y,
      .w = w,
      .h = ctx->bar_h,
      .fill = item->color,
      .stroke = st->bar.border_width > 0 ? st->bar.border : (StyleColor){0},
      .stroke_width = st->bar.border_width,
      .radius = MIN(st->bar.radius, MIN(w, ctx->bar_h) / 2),
      .square_left = inner_left,
      .square_right = inner_right,
      .fade_left = layout_bar_fades_left(bar) ? layout_fade_width(w) : 0,
      .fade_right = layout_bar_fades_right(bar) ? layout_fade_width(w) : 0,
      .pattern = item->pattern,
      .pattern_color = layout_with_alpha(inside, 0.55),
      .url = layout_str(ctx->scene, item->te->entry->url),
  };
  /* Alternating tints tell the segments apart even where the cut is a hairline. */
  if (item->te->has_roles && i % 2 == 1)
    rect.fill = layout_with_alpha(item->color, 0.82);
  layout_push(ctx, LAYER_BARS, &rect);
  if (inner_right)
    layout_line(ctx, LAYER_BARS, x1, bar_y, x1, bar_y + ctx->bar_h,
                st->page.background.a > 0 ? st->page.background : (StyleColor){1, 1, 1, 1}, 1.5);

  LayoutBar lb = {.start = bar->start, .end = bar->end, .box = {x0, bar_y, w, ctx->bar_h}};
  lb.role = g_strdup(bar->role);
  char *title = item->segment_labels ? layout_segment_text(ctx, item, i) : NULL;
  if (title) {
    double solid_x0, solid_x1;
    layout_bar_solid(item, i, &solid_x0, &solid_x1);
    LayoutBox box = layout_text(ctx, st->bar.font, title, solid_x0 + st->bar.padding,
                                layout_label_y(ctx, lane_y), inside);
    layout_label_plate(ctx, item, box);
    lb.has_label = TRUE;
    lb.label = (LayoutLabel){title, box};
  }
  return lb;
}

/* Emits the entry's own label where placement put it; returns its box. */
static LayoutBox layout_emit_label(LayoutCtx *ctx, const LayoutItem *item, double lane_y,
                                   StyleColor inside)
{
  const Style *st = ctx->style;
  double y = layout_label_y(ctx, lane_y);
  if (item->place == PLACE_INSIDE) {
    double x, solid_x1;
    layout_bar_solid(item, item->inside_bar, &x, &solid_x1);
    LayoutBox box = layout_text(ctx, st->bar.font, item->text, x + st->bar.padding, y, inside);
    layout_label_plate(ctx, item, box);
    return box;
  }
  double x = item->place == PLACE_RIGHT
                 ? layout_bar_x1(item, item->te->bars->len - 1) + LAYOUT_LABEL_GAP
                 : layout_bar_x0(item, 0) - LAYOUT_LABEL_GAP - item->text_w;
  return layout_text_two_tone(ctx, st->bar.font, item->text, x, y, st->page.color,
                              st->page.muted);
}

/* Emits one entry's shapes at lane top @lane_y and fills its dump record. */
static LayoutEntry *layout_item_emit(LayoutCtx *ctx, LayoutItem *item, double lane_y)
{
  const ModelEntry *entry = item->te->entry;
  guint n = item->te->bars->len;
  StyleColor inside = layout_inside_color(ctx, item->color);
  LayoutEntry *le = g_new0(LayoutEntry, 1);
  le->title = g_strdup(entry->title);
  le->org = g_strdup(entry->org);
  le->full_label = g_strdup(item->full);
  le->lane = item->lane;
  le->line = entry->line;
  le->column = entry->column;
  le->entry = entry;
  le->bars = g_array_new(FALSE, TRUE, sizeof(LayoutBar));

  /* Separate periods read as one thing: a faint line joins them (visual.md "Bars"). */
  if (n > 1 && !item->te->has_roles) {
    double mid_y = lane_y + round((ctx->lane_h - ctx->bar_h) / 2) + ctx->bar_h / 2;
    layout_line(ctx, LAYER_BARS, layout_bar_x1(item, 0), mid_y, layout_bar_x0(item, n - 1),
                mid_y, layout_with_alpha(item->color, 0.45), 1.5);
  }
  for (guint i = 0; i < n; i++) {
    LayoutBar lb = layout_emit_bar(ctx, item, i, lane_y, inside);
    g_array_append_val(le->bars, lb);
  }
  if (item->text) {
    le->has_label = TRUE;
    le->label = (LayoutLabel){g_strdup(item->text), layout_emit_label(ctx, item, lane_y, inside)};
  }
  return le;
}

static void layout_item_clear(LayoutItem *item)
{
  g_free(item->org_segment_text);
  g_array_unref(item->xs);
  g_free(item->full);
  g_free(item->text);
}

static void layout_group_free(gpointer data)
{
  LayoutGroup *g = data;
  g_free(g->name);
  g_free(g->key);
  g_free(g->label.text);
  g_ptr_array_unref(g->entries);
  g_free(g);
}

static void layout_entry_free(gpointer data)
{
  LayoutEntry *e = data;
  g_free(e->title);
  g_free(e->org);
  g_free(e->full_label);
  g_free(e->label.text);
  for (guint i = 0; i < e->bars->len; i++) {
    LayoutBar *b = &g_array_index(e->bars, LayoutBar, i);
    g_free(b->label.text);
    g_free(b->role);
  }
  g_array_unref(e->bars);
  g_free(e);
}

/* A group prepared for drawing: its items placed and packed, not yet at a y. */
typedef struct {
  const TimelineGroup *tg;
  LayoutItem *items;
  guint n_items;
  guint lanes;
  StylePaint paint;
  char *name;
} LayoutPrepared;

/* The group's paint and display name; groups without a colour of their own take the
 * palette's colours in turn. */
static void layout_name_group(const Style *style, const TimelineGroup *tg, guint *custom_index,
                              LayoutPrepared *out)
{
  const StylePaint *own = g_hash_table_lookup(style->groups, tg->group->key);
  gboolean own_color = own && (own->set & STYLE_PAINT_COLOR);
  out->tg = tg;
  style_group_paint(style, tg->group->key, own_color ? 0 : (*custom_index)++, &out->paint);
  out->name = layout_clean_text(out->paint.label ? out->paint.label : tg->group->name);
}

/* Places every entry's label and packs the entries into lanes. */
static void layout_prepare_group(LayoutCtx *ctx, const TimelineGroup *tg, LayoutPrepared *out)
{
  out->n_items = tg->entries->len;
  out->items = g_new0(LayoutItem, out->n_items);

  TimelineInterval *spans = g_new(TimelineInterval, out->n_items ? out->n_items : 1);
  guint *lanes = g_new(guint, out->n_items ? out->n_items : 1);
  for (guint i = 0; i < out->n_items; i++) {
    LayoutItem *item = &out->items[i];
    item->te = g_ptr_array_index(tg->entries, i);
    item->org_segment = -1;
    layout_item_paint(ctx, item, &out->paint);
    layout_item_bars(ctx, item);
    layout_place_label(ctx, item);
    layout_item_span(item);
    spans[i] = (TimelineInterval){item->lo, item->hi};
  }
  out->lanes = timeline_pack(spans, out->n_items, LAYOUT_PACK_GAP, lanes);
  for (guint i = 0; i < out->n_items; i++)
    out->items[i].lane = lanes[i];
  g_free(spans);
  g_free(lanes);
}

static void layout_prepared_clear(LayoutPrepared *p)
{
  for (guint i = 0; i < p->n_items; i++)
    layout_item_clear(&p->items[i]);
  g_free(p->items);
  g_free(p->name);
}

/* Draws a prepared group from @y; returns the y below it. */
static double layout_emit_group(LayoutCtx *ctx, LayoutPrepared *p, double y)
{
  const Style *st = ctx->style;
  LayoutGroup *g = g_new0(LayoutGroup, 1);
  g->key = g_strdup(p->tg->group->key);
  g->name = g_strdup(p->name);
  g->lanes = p->lanes;
  g->color = p->paint.color;
  g->entries = g_ptr_array_new_with_free_func(layout_entry_free);
  double top = y;
  if (st->group.label == STYLE_GROUP_LABEL_ABOVE) {
    char *name = text_fit(ctx->text, st->group.font, p->name, ctx->x1 - ctx->x0);
    TextExtents e;
    text_measure(ctx->text, st->group.font, p->name, &e);
    if (name) {
      LayoutBox box = layout_text(ctx, st->group.font, name, ctx->x0, y, st->group.color);
      g->has_label = TRUE;
      g->label = (LayoutLabel){name, box};
    }
    y += e.height + 6;
  }
  for (guint i = 0; i < p->n_items; i++) {
    LayoutItem *item = &p->items[i];
    g_ptr_array_add(g->entries, layout_item_emit(ctx, item, y + item->lane * ctx->lane_pitch));
  }
  double bottom = y + p->lanes * ctx->lane_pitch - st->bar.gap;
  char *name = st->group.label == STYLE_GROUP_LABEL_LEFT
                   ? text_fit(ctx->text, st->group.font, p->name,
                              ctx->x0 - ctx->left - LAYOUT_COLUMN_GAP)
                   : NULL;
  if (name) {
    TextExtents e;
    text_measure(ctx->text, st->group.font, name, &e);
    double ly = round(y + (ctx->lane_h - e.height) / 2 + e.baseline) - e.baseline;
    LayoutBox box = layout_text(ctx, st->group.font, name, ctx->left, ly, st->group.color);
    g->has_label = TRUE;
    g->label = (LayoutLabel){name, box};
    bottom = MAX(bottom, box.y + box.h);
  }
  g->box = (LayoutBox){ctx->left, top, ctx->right - ctx->left, bottom - top};
  g_ptr_array_add(ctx->scene->groups, g);
  return bottom;
}

/* --- Milestones --- */

static void layout_milestone_free(gpointer data)
{
  LayoutMilestone *m = data;
  g_free(m->title);
  g_free(m->label.text);
  g_free(m);
}

/* Room between a leader line and its label, and between labels in one tier. */
#define LAYOUT_FLAG_GAP 4.0
#define LAYOUT_TIER_GAP 12.0
/* Narrower than this, a milestone label shortened to fit beside the page's edge is not
 * worth drawing there. */
#define LAYOUT_MIN_FLAG 60.0

/* A milestone label while tiers are chosen: its span and its marker's x. */
typedef struct {
  double a, b, x;
} LayoutTierLabel;

typedef struct {
  double x;
  guint depth; /* the tier its label hangs in: the leader runs down to there */
} LayoutLeader;

/* Labels and leaders placed so far. Placement goes right to left, so both arrays hold
 * markers in order of decreasing x, and a scan from the newest can stop early. */
typedef struct {
  GArray *tiers[LAYOUT_MAX_TIERS]; /* of LayoutTierLabel */
  GArray *leaders;                 /* of LayoutLeader */
  double reach;                    /* no label lies further than this from its marker */
} LayoutTiers;

/* Whether a label in tier @t comes within @margin of [a, b]. */
static gboolean layout_tier_hits(const LayoutTiers *s, guint t, double a, double b, double margin)
{
  const GArray *arr = s->tiers[t];
  for (guint i = arr->len; i-- > 0;) {
    const LayoutTierLabel *l = &g_array_index(arr, LayoutTierLabel, i);
    if (l->x - s->reach > b + margin)
      break; /* this one and all older ones lie further right */
    if (l->a < b + margin && a < l->b + margin)
      return TRUE;
  }
  return FALSE;
}

/* Whether a placed leader runs down through [a, b] in tier @t. */
static gboolean layout_leader_hits(const LayoutTiers *s, guint t, double a, double b)
{
  for (guint i = s->leaders->len; i-- > 0;) {
    const LayoutLeader *l = &g_array_index(s->leaders, LayoutLeader, i);
    if (l->x > b + 2)
      break;
    if (l->x >= a - 2 && l->depth >= t)
      return TRUE;
  }
  return FALSE;
}

/* Whether a leader at @x running down to tier @t would strike through a label above. */
static gboolean layout_column_blocked(const LayoutTiers *s, guint t, double x)
{
  for (guint k = 0; k < t; k++)
    if (layout_tier_hits(s, k, x - 2, x + 2, 0))
      return TRUE;
  return FALSE;
}

/* A milestone's label, once placed. */
typedef struct {
  char *text; /* owned; NULL: no label */
  double w, a;
  gint tier;
} LayoutFlag;

/* Whether a marker other than @k lies within [a, b] (@xs sorted). */
static gboolean layout_covers_marker(const double *xs, guint n, guint k, double a, double b)
{
  guint lo = 0, hi = n;
  while (lo < hi) { /* the first marker at or right of a - 2 */
    guint mid = lo + (hi - lo) / 2;
    if (xs[mid] < a - 2)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (guint j = lo; j < n && xs[j] <= b + 2; j++)
    if (j != k)
      return TRUE;
  return FALSE;
}

/* A flag on @side (0: right of the leader, 1: left) for @text, shortened to the room
 * there when @shorten; FALSE when it does not fit. */
static gboolean layout_flag_on(LayoutCtx *ctx, const char *text, double w, double x, guint side,
                               gboolean shorten, LayoutFlag *out)
{
  double room = side == 0 ? ctx->right - x - LAYOUT_FLAG_GAP : x - LAYOUT_FLAG_GAP - ctx->left;
  char *fitted = NULL;
  if (w <= room)
    fitted = g_strdup(text);
  else if (shorten && room >= LAYOUT_MIN_FLAG)
    fitted = text_fit(ctx->text, ctx->style->milestone.font, text, room);
  if (!fitted)
    return FALSE;
  double fw = layout_text_width(ctx, ctx->style->milestone.font, fitted);
  *out = (LayoutFlag){fitted, fw, side == 0 ? x + LAYOUT_FLAG_GAP : x - LAYOUT_FLAG_GAP - fw, -1};
  return TRUE;
}

/* The ways milestone @k's label can hang, with their rank (lower is better): whole to
 * the right of its leader, or whole to the left where that covers no other marker (rank
 * 0); shortened to the right (1); to the left over other markers, whole or shortened (2). */
static guint layout_flag_candidates(LayoutCtx *ctx, const char *text, double w, const double *xs,
                                    guint n, guint k, LayoutFlag out[4], guint ranks[4])
{
  guint count = 0;
  LayoutFlag left;
  gboolean left_whole = layout_flag_on(ctx, text, w, xs[k], 1, FALSE, &left);
  if (layout_flag_on(ctx, text, w, xs[k], 0, FALSE, &out[count]))
    ranks[count++] = 0;
  if (left_whole && !layout_covers_marker(xs, n, k, left.a, left.a + left.w)) {
    ranks[count] = 0;
    out[count++] = left;
    left_whole = FALSE;
  }
  if (layout_flag_on(ctx, text, w, xs[k], 0, TRUE, &out[count]))
    ranks[count++] = 1;
  if (left_whole) {
    ranks[count] = 2;
    out[count++] = left;
  } else if (layout_flag_on(ctx, text, w, xs[k], 1, TRUE, &out[count])) {
    ranks[count++] = 2;
  }
  return count;
}

/* The shallowest tier where a label over [a, b] touches no other label, no leader runs
 * through it, and the leader at @x strikes through no label on its way down; -1: none. */
static gint layout_flag_tier(const LayoutTiers *s, double x, double a, double b)
{
  for (guint t = 0; t < LAYOUT_MAX_TIERS; t++) {
    if (layout_column_blocked(s, t, x))
      return -1; /* deeper tiers would cross the same label */
    if (!layout_tier_hits(s, t, a, b, LAYOUT_TIER_GAP) && !layout_leader_hits(s, t, a, b))
      return (gint)t;
  }
  return -1;
}

/* Chooses milestone @k's side and tier (visual.md "Milestones": no two labels touch, and
 * leaders stay clear of labels): the best-ranked candidate that has a tier, the
 * shallowest tier among equals, the right side on a tie. */
static void layout_place_flag(LayoutCtx *ctx, LayoutTiers *s, const char *text, const double *xs,
                              guint n, guint k, LayoutFlag *out)
{
  double w = layout_text_width(ctx, ctx->style->milestone.font, text);
  LayoutFlag cands[4];
  guint ranks[4];
  guint count = layout_flag_candidates(ctx, text, w, xs, n, k, cands, ranks);
  gint best = -1, best_tier = -1;
  for (guint i = 0; i < count; i++) {
    gint tier = layout_flag_tier(s, xs[k], cands[i].a, cands[i].a + cands[i].w);
    if (tier < 0)
      continue;
    if (best < 0 || ranks[i] < ranks[best] || (ranks[i] == ranks[best] && tier < best_tier)) {
      best = (gint)i;
      best_tier = tier;
    }
  }
  *out = (LayoutFlag){NULL, 0, 0, -1};
  if (best >= 0) {
    *out = cands[best];
    out->tier = best_tier;
    cands[best].text = NULL;
    LayoutTierLabel label = {out->a, out->a + out->w, xs[k]};
    g_array_append_val(s->tiers[best_tier], label);
    LayoutLeader leader = {xs[k], (guint)best_tier};
    g_array_append_val(s->leaders, leader);
  }
  for (guint i = 0; i < count; i++)
    g_free(cands[i].text);
}

/* The widest a milestone label may be: a third of the page, so that one label cannot
 * fill a tier (but never under 200 px where the page has them). */
static double layout_milestone_max_width(const LayoutCtx *ctx)
{
  double inner = ctx->right - ctx->left;
  return MAX(inner / 3, MIN(inner, 200));
}

/* Places every milestone's label, right to left (@flags[k] for marker k at @xs[k]). */
static void layout_milestone_flags(LayoutCtx *ctx, guint n, const double *xs, char **texts,
                                   LayoutFlag *flags)
{
  LayoutTiers s = {.leaders = g_array_new(FALSE, FALSE, sizeof(LayoutLeader))};
  for (guint t = 0; t < LAYOUT_MAX_TIERS; t++)
    s.tiers[t] = g_array_new(FALSE, FALSE, sizeof(LayoutTierLabel));
  s.reach = layout_milestone_max_width(ctx) + LAYOUT_FLAG_GAP;
  for (guint k = n; k-- > 0;) {
    flags[k] = (LayoutFlag){NULL, 0, 0, -1};
    if (texts[k])
      layout_place_flag(ctx, &s, texts[k], xs, n, k, &flags[k]);
  }
  for (guint t = 0; t < LAYOUT_MAX_TIERS; t++)
    g_array_unref(s.tiers[t]);
  g_array_unref(s.leaders);
}

/* The milestone track from @y: a hairline, a marker per milestone, and labels hanging
 * below in as many tiers as keep them apart. Returns the y below it. */
static double layout_milestones(LayoutCtx *ctx, const Timeline *t, double y)
{
  const Style *st = ctx->style;
  guint n = t->milestones->len;
  if (n == 0)
    return y;
  double size = st->milestone.size;
  double base_y = round(y + size / 2 + 2) + 0.5;
  layout_line(ctx, LAYER_BACK, ctx->x0, base_y, ctx->x1, base_y,
              layout_with_alpha(st->axis.color, 0.5), 1);
  TextExtents e;
  text_measure(ctx->text, st->milestone.font, "Ag", &e);
  double tier_h = e.height + 4;
  double first_tier_y = base_y + size / 2 + 5;
  double *xs = g_new(double, n);
  char **texts = g_new0(char *, n);
  LayoutFlag *flags = g_new(LayoutFlag, n);
  for (guint i = 0; i < n; i++) {
    const ModelMilestone *ms = g_ptr_array_index(t->milestones, i);
    xs[i] = round(layout_x(ctx, ms->date)) + 0.5;
    char *title = layout_clean_text(ms->title);
    texts[i] = text_fit(ctx->text, st->milestone.font, title, layout_milestone_max_width(ctx));
    g_free(title);
  }
  layout_milestone_flags(ctx, n, xs, texts, flags);

  guint tiers_used = 0;
  for (guint i = 0; i < n; i++) {
    const ModelMilestone *ms = g_ptr_array_index(t->milestones, i);
    LayoutMilestone *lm = g_new0(LayoutMilestone, 1);
    lm->milestone = ms;
    lm->date = ms->date;
    lm->title = layout_clean_text(ms->title);
    lm->x = xs[i];
    lm->y = base_y;
    const StylePaint *cls = ms->class_name ? style_class(st, ms->class_name) : NULL;
    LayoutShape marker = {
        .kind = st->milestone.shape == STYLE_SHAPE_CIRCLE ? LAYOUT_SHAPE_CIRCLE
                : st->milestone.shape == STYLE_SHAPE_SQUARE ? LAYOUT_SHAPE_RECT
                                                            : LAYOUT_SHAPE_DIAMOND,
        .x = lm->x - size / 2,
        .y = base_y - size / 2,
        .w = size,
        .h = size,
        .fill = cls && (cls->set & STYLE_PAINT_COLOR) ? cls->color : st->milestone.color,
        .url = layout_str(ctx->scene, ms->url),
    };
    layout_push(ctx, LAYER_BARS, &marker);
    const LayoutFlag *flag = &flags[i];
    if (flag->tier >= 0) {
      guint tier = (guint)flag->tier;
      tiers_used = MAX(tiers_used, tier + 1);
      double ly = first_tier_y + tier * tier_h;
      /* Above the grid, so a milestone on 1 January keeps its leader visible. */
      layout_line(ctx, LAYER_BARS, lm->x, base_y + size / 2, lm->x, ly + e.height * 0.75,
                  layout_with_alpha(st->axis.color, 0.7), 1);
      LayoutBox box = layout_text(ctx, st->milestone.font, flag->text, flag->a, ly,
                                  st->milestone.label_color);
      lm->tier = tier;
      lm->has_label = TRUE;
      lm->label = (LayoutLabel){g_strdup(flag->text), box};
    }
    g_ptr_array_add(ctx->scene->milestones, lm);
    g_free(flags[i].text);
    g_free(texts[i]);
  }
  g_free(flags);
  g_free(texts);
  g_free(xs);
  return first_tier_y + tiers_used * tier_h;
}

/* --- The today line --- */

static void layout_today(LayoutCtx *ctx, double label_y, double top, double bottom)
{
  const Style *st = ctx->style;
  LayoutScene *scene = ctx->scene;
  double x = round(layout_x(ctx, scene->today) + ctx->px_per_day / 2) + 0.5;
  scene->today_x = x;
  LayoutShape line = {
      .kind = LAYOUT_SHAPE_LINE,
      .x = x,
      .y = top,
      .w = 0,
      .h = bottom - top,
      .stroke = st->today.color,
      .stroke_width = st->today.width,
      .n_dash = st->today.n_dash,
  };
  memcpy(line.dash, st->today.dash, sizeof line.dash);
  layout_push(ctx, LAYER_BARS, &line);
  if (st->today.label && *st->today.label) {
    double w = layout_text_width(ctx, st->today.font, st->today.label);
    double lx = CLAMP(x - w / 2, ctx->left, ctx->right - w);
    LayoutBox box = layout_text(ctx, st->today.font, st->today.label, lx, label_y,
                                st->today.color);
    layout_note_text(ctx, st->today.label, box);
  }
}

/* --- The whole scene --- */

static double layout_group_column(LayoutCtx *ctx, LayoutPrepared *groups, guint n)
{
  if (ctx->style->group.label != STYLE_GROUP_LABEL_LEFT)
    return 0;
  double w = 0;
  for (guint i = 0; i < n; i++)
    w = MAX(w, layout_text_width(ctx, ctx->style->group.font, groups[i].name));
  /* A long custom group name is shortened rather than squeezing the plot. */
  w = MIN(w, (ctx->right - ctx->left) / 5);
  return w > 0 ? ceil(w) + LAYOUT_COLUMN_GAP : 0;
}

static void layout_set_plot(LayoutCtx *ctx, double column)
{
  LayoutScene *scene = ctx->scene;
  ctx->x0 = ctx->left + column;
  ctx->x1 = ctx->right;
  double days = (double)(scene->range_end - scene->range_start + 1);
  ctx->px_per_day = (ctx->x1 - ctx->x0) / days;
}

static GArray *layout_legend_items(LayoutPrepared *groups, guint n)
{
  GArray *items = g_array_new(FALSE, FALSE, sizeof(LayoutLegendItem));
  for (guint i = 0; i < n; i++) {
    LayoutLegendItem item = {groups[i].name, groups[i].paint.color, groups[i].paint.pattern};
    g_array_append_val(items, item);
  }
  return items;
}

static LayoutScene *layout_scene_new(const Timeline *t, const Style *style)
{
  LayoutScene *scene = g_new0(LayoutScene, 1);
  scene->strings = g_string_chunk_new(4096);
  scene->shapes = g_array_new(FALSE, TRUE, sizeof(LayoutShape));
  scene->groups = g_ptr_array_new_with_free_func(layout_group_free);
  scene->milestones = g_ptr_array_new_with_free_func(layout_milestone_free);
  scene->ticks = g_array_new(FALSE, TRUE, sizeof(LayoutTick));
  scene->texts = g_ptr_array_new();
  scene->range_start = t->start;
  scene->range_end = t->end;
  scene->today = t->today;
  scene->today_visible = t->today_visible && style->today.show;
  scene->title = t->cv->name ? layout_clean_text(t->cv->name) : NULL;
  scene->headline = t->cv->headline ? layout_clean_text(t->cv->headline) : NULL;
  return scene;
}

static void layout_ctx_init(LayoutCtx *ctx, const Style *style, TextCtx *text, LayoutScene *scene)
{
  ctx->style = style;
  ctx->text = text;
  ctx->scene = scene;
  for (guint i = 0; i < LAYER_COUNT; i++)
    ctx->layers[i] = g_array_new(FALSE, TRUE, sizeof(LayoutShape));
  ctx->left = style->page.margin;
  ctx->right = style->page.width - style->page.margin;
  TextExtents e;
  text_measure(text, style->bar.font, "Ag", &e);
  ctx->label_h = e.height;
  ctx->label_baseline = e.baseline;
  ctx->bar_h = style->bar.height;
  ctx->lane_h = MAX(ctx->bar_h, ceil(e.height));
  ctx->lane_pitch = ctx->lane_h + style->bar.gap;
  ctx->label_dark = (StyleColor){0.07, 0.09, 0.15, 1};
  ctx->label_light = (StyleColor){1, 1, 1, 1};
}

/* The page's background, first in paint order, once the page's size is final (after a
 * fixed height has been fitted). */
static void layout_add_background(LayoutScene *scene, const Style *style)
{
  if (style->page.background.a <= 0)
    return;
  LayoutShape bg = {
      .kind = LAYOUT_SHAPE_RECT,
      .w = scene->width,
      .h = scene->height,
      .fill = style->page.background,
  };
  g_array_prepend_val(scene->shapes, bg);
}

static void layout_grid(LayoutCtx *ctx, double top, double bottom)
{
  StyleColor grid = ctx->style->axis.grid;
  if (grid.a <= 0)
    return;
  for (guint i = 0; i < ctx->scene->ticks->len; i++) {
    const LayoutTick *tick = &g_array_index(ctx->scene->ticks, LayoutTick, i);
    if (!tick->has_label && ctx->scene->ticks->len > 1)
      continue;
    layout_line(ctx, LAYER_BACK, tick->x + 0.5, top, tick->x + 0.5, bottom, grid, 1);
  }
}

/* Concatenates the layers into the scene's paint order. */
static void layout_flatten(LayoutCtx *ctx)
{
  for (guint i = 0; i < LAYER_COUNT; i++) {
    g_array_append_vals(ctx->scene->shapes, ctx->layers[i]->data, ctx->layers[i]->len);
    g_array_unref(ctx->layers[i]);
  }
}

static gboolean layout_check_width(const Style *style, DiagList *diags)
{
  if (style->page.width - 2 * style->page.margin >= 120)
    return TRUE;
  diag_error(diags, NULL, 0, 0,
             "the chart is too narrow: page.width %g leaves less than 120 px between the "
             "margins (%g each); raise --width or page.width",
             style->page.width, style->page.margin);
  return FALSE;
}

/* Lays out everything at the natural height; returns the scene. */
static LayoutScene *layout_natural(const Timeline *t, const Style *style, TextCtx *text)
{
  LayoutScene *scene = layout_scene_new(t, style);
  LayoutCtx ctx;
  layout_ctx_init(&ctx, style, text, scene);

  guint n_groups = t->groups->len, custom_index = 0;
  LayoutPrepared *groups = g_new0(LayoutPrepared, n_groups ? n_groups : 1);
  /* Names first: the column they need sets where the plot starts. */
  for (guint i = 0; i < n_groups; i++)
    layout_name_group(style, g_ptr_array_index(t->groups, i), &custom_index, &groups[i]);
  layout_set_plot(&ctx, layout_group_column(&ctx, groups, n_groups));
  for (guint i = 0; i < n_groups; i++)
    layout_prepare_group(&ctx, g_ptr_array_index(t->groups, i), &groups[i]);

  GArray *legend = layout_legend_items(groups, n_groups);
  double y = layout_header(&ctx, legend, style->page.margin);

  layout_ticks(&ctx);
  double today_label_y = y;
  if (scene->today_visible && style->today.label && *style->today.label) {
    TextExtents e;
    text_measure(text, style->today.font, style->today.label, &e);
    y += e.height + 4;
  }
  double body_top = y;
  if (style->axis.position != STYLE_AXIS_BOTTOM) {
    y += layout_tick_labels(&ctx, y, style->axis.position == STYLE_AXIS_TOP) + 8;
  }
  double lanes_top = y;
  for (guint i = 0; i < n_groups; i++) {
    if (i > 0) {
      double gap = style->group.spacing;
      if (style->group.separator.a > 0)
        layout_line(&ctx, LAYER_BACK, ctx.left, round(y + gap / 2) + 0.5, ctx.right,
                    round(y + gap / 2) + 0.5, style->group.separator, 1);
      y += gap;
    }
    y = layout_emit_group(&ctx, &groups[i], y);
  }
  double lanes_bottom = y;
  if (t->milestones->len)
    y = layout_milestones(&ctx, t, y + style->group.spacing);
  double body_bottom = y;
  if (style->axis.position != STYLE_AXIS_TOP) {
    y += 8;
    y += layout_tick_labels(&ctx, y, TRUE);
  }
  layout_grid(&ctx, body_top, body_bottom);
  if (scene->today_visible)
    layout_today(&ctx, today_label_y, body_top, MAX(lanes_bottom, lanes_top + 1));
  if (style->legend.show && style->legend.position == STYLE_LEGEND_BOTTOM && legend->len) {
    y += 14;
    y += layout_legend_draw(&ctx, legend, ctx.left, y);
  }
  scene->plot = (LayoutBox){ctx.x0, body_top, ctx.x1 - ctx.x0, body_bottom - body_top};
  scene->width = style->page.width;
  scene->height = ceil(y + style->page.margin);

  layout_flatten(&ctx);

  g_array_unref(legend);
  for (guint i = 0; i < n_groups; i++)
    layout_prepared_clear(&groups[i]);
  g_free(groups);
  return scene;
}

/* --- Fitting into a fixed height --- */

static void layout_box_map(LayoutBox *b, double s, double dx, double dy)
{
  b->x = b->x * s + dx;
  b->y = b->y * s + dy;
  b->w *= s;
  b->h *= s;
}

/* A Pango description with its size multiplied by @s, kept in the scene. */
static const char *layout_scaled_font(LayoutScene *scene, const char *font, double s)
{
  PangoFontDescription *desc = pango_font_description_from_string(font);
  double size = pango_font_description_get_size(desc) * s;
  pango_font_description_set_size(desc, (gint)lround(size));
  char *text = pango_font_description_to_string(desc);
  const char *kept = layout_str(scene, text);
  g_free(text);
  pango_font_description_free(desc);
  return kept;
}

/* Scales the whole scene by @s and moves it by (dx, dy): for a chart taller than the
 * fixed page height, so that it is fitted rather than cut. */
static void layout_scene_transform(LayoutScene *scene, double s, double dx, double dy)
{
  for (guint i = 0; i < scene->shapes->len; i++) {
    LayoutShape *sh = &g_array_index(scene->shapes, LayoutShape, i);
    sh->x = sh->x * s + dx;
    sh->y = sh->y * s + dy;
    sh->w *= s;
    sh->h *= s;
    sh->radius *= s;
    sh->stroke_width *= s;
    sh->fade_left *= s;
    sh->fade_right *= s;
    for (guint d = 0; d < sh->n_dash; d++)
      sh->dash[d] *= s;
    if (sh->kind == LAYOUT_SHAPE_TEXT)
      sh->font = layout_scaled_font(scene, sh->font, s);
  }
  for (guint g = 0; g < scene->groups->len; g++) {
    LayoutGroup *group = g_ptr_array_index(scene->groups, g);
    layout_box_map(&group->box, s, dx, dy);
    layout_box_map(&group->label.box, s, dx, dy);
    for (guint e = 0; e < group->entries->len; e++) {
      LayoutEntry *entry = g_ptr_array_index(group->entries, e);
      layout_box_map(&entry->label.box, s, dx, dy);
      for (guint b = 0; b < entry->bars->len; b++) {
        LayoutBar *bar = &g_array_index(entry->bars, LayoutBar, b);
        layout_box_map(&bar->box, s, dx, dy);
        layout_box_map(&bar->label.box, s, dx, dy);
      }
    }
  }
  for (guint m = 0; m < scene->milestones->len; m++) {
    LayoutMilestone *ms = g_ptr_array_index(scene->milestones, m);
    ms->x = ms->x * s + dx;
    ms->y = ms->y * s + dy;
    layout_box_map(&ms->label.box, s, dx, dy);
  }
  for (guint i = 0; i < scene->ticks->len; i++) {
    LayoutTick *tick = &g_array_index(scene->ticks, LayoutTick, i);
    tick->x = tick->x * s + dx;
    layout_box_map(&tick->label.box, s, dx, dy);
  }
  for (guint i = 0; i < scene->texts->len; i++)
    layout_box_map(&((LayoutLabel *)g_ptr_array_index(scene->texts, i))->box, s, dx, dy);
  layout_box_map(&scene->plot, s, dx, dy);
  scene->today_x = scene->today_x * s + dx;
}

static guint layout_total_lanes(const LayoutScene *scene)
{
  guint lanes = 0;
  for (guint g = 0; g < scene->groups->len; g++)
    lanes += ((const LayoutGroup *)g_ptr_array_index(scene->groups, g))->lanes;
  return lanes;
}

/* A chart shorter than a fixed page height (slides) uses the room: lanes grow, up to
 * 1.6 times, rather than leaving the page empty below a small chart. */
static LayoutScene *layout_stretched(const Timeline *timeline, const Style *style, TextCtx *text,
                                     LayoutScene *scene)
{
  double fixed = style->page.height;
  guint lanes = layout_total_lanes(scene);
  if (fixed <= 0 || scene->height >= fixed || lanes == 0)
    return scene;
  double pitch = MAX(style->bar.height, 1) + style->bar.gap;
  double grow = MIN((fixed - scene->height) / lanes, pitch * 0.6);
  if (grow < 1)
    return scene;
  double r = (pitch + grow) / pitch;
  Style stretched = *style; /* a shallow copy: only numbers change */
  stretched.bar.height = floor(style->bar.height * r);
  stretched.bar.gap = floor(style->bar.gap * r);
  LayoutScene *taller = layout_natural(timeline, &stretched, text);
  if (taller->height > fixed) {
    layout_scene_free(taller);
    return scene;
  }
  layout_scene_free(scene);
  return taller;
}

/* The least scale a fitted chart may take: the labels' font at LAYOUT_MIN_FITTED_TEXT. */
static double layout_min_fit(const Style *style)
{
  PangoFontDescription *desc = pango_font_description_from_string(style->bar.font);
  double size = (double)pango_font_description_get_size(desc) / PANGO_SCALE;
  pango_font_description_free(desc);
  return size > LAYOUT_MIN_FITTED_TEXT ? LAYOUT_MIN_FITTED_TEXT / size : 1.0;
}

LayoutScene *layout_build(const Timeline *timeline, const Style *style, TextCtx *text,
                          DiagList *diags)
{
  if (!layout_check_width(style, diags))
    return NULL;
  LayoutScene *scene = layout_stretched(timeline, style, text,
                                        layout_natural(timeline, style, text));
  double fixed = style->page.height;
  if (fixed > 0) {
    double natural = scene->height;
    double s = natural > fixed ? fixed / natural : 1.0;
    double min_fit = layout_min_fit(style);
    if (s < min_fit) {
      diag_error(diags, NULL, 0, 0,
                 "the chart needs %.0f px of height: fitted into page.height (or --height) %g, "
                 "its labels would be smaller than %g px; give it at least %.0f",
                 natural, fixed, LAYOUT_MIN_FITTED_TEXT, ceil(natural * min_fit));
      layout_scene_free(scene);
      return NULL;
    }
    double dx = (scene->width - scene->width * s) / 2;
    double dy = (fixed - natural * s) / 2;
    if (s < 1.0 || dy != 0)
      layout_scene_transform(scene, s, dx, dy);
    scene->height = fixed;
  }
  layout_add_background(scene, style);
  return scene;
}

static void layout_label_ptr_free(gpointer data)
{
  LayoutLabel *label = data;
  g_free(label->text);
  g_free(label);
}

void layout_scene_free(LayoutScene *scene)
{
  if (!scene)
    return;
  g_array_unref(scene->shapes);
  g_ptr_array_unref(scene->groups);
  g_ptr_array_unref(scene->milestones);
  for (guint i = 0; i < scene->ticks->len; i++)
    g_free(g_array_index(scene->ticks, LayoutTick, i).label.text);
  g_array_unref(scene->ticks);
  g_ptr_array_set_free_func(scene->texts, layout_label_ptr_free);
  g_ptr_array_unref(scene->texts);
  g_string_chunk_free(scene->strings);
  g_free(scene->tick_unit);
  g_free(scene->title);
  g_free(scene->headline);
  g_free(scene);
}
