/* layout_axis: the date axis (doc/styles.md "axis"): the tick step, calendar-aligned
 * ticks, their labels in a row, the grid, and the today line. */
#include "layout_private.h"

#include <math.h>
#include <string.h>

typedef struct {
  int months;       /* step */
  const char *unit; /* what the dump calls it */
} LayoutTickStep;

static const LayoutTickStep layout_tick_steps[] = {
    {1, "month"},     {3, "quarter"},   {12, "year"},     {24, "year"},
    {60, "year"},     {120, "decade"},  {240, "decade"},  {600, "decade"},
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

/* Copies @text into @buf (of @size bytes), cut at a character boundary when too long: a
 * month's name may be the CV's own (RenderCV's month_abbreviations). */
static void layout_copy_label(char *buf, gsize size, const char *text)
{
  g_strlcpy(buf, text, size);
  const char *end;
  if (!g_utf8_validate(buf, -1, &end))
    buf[end - buf] = '\0';
}

/* A tick's label: the year at January, else the month's short name in the chart's
 * language. */
static void layout_tick_text(const LayoutScene *scene, char *buf, gsize size, int year, int month)
{
  if (month == 1)
    g_snprintf(buf, size, "%d", year);
  else
    layout_copy_label(buf, size, lang_axis_month(scene->lang, month));
}

/* The widest of the language's month labels ("May" in English, "févr." in French). */
static double layout_month_width(LayoutCtx *ctx, const char *font)
{
  double w = 0;
  for (int m = 2; m <= 12; m++)
    w = MAX(w, layout_text_width(ctx, font, lang_axis_month(ctx->scene->lang, m)));
  return w;
}

const char *layout_today_label(const Style *style, const LayoutScene *scene)
{
  const char *label = style->today.label;
  if (label == NULL)
    return "";
  return strcmp(label, "auto") == 0 ? lang_word(scene->lang, LANG_TODAY) : label;
}

/* The finest calendar step whose labels do not crowd (visual.md "Axis"). */
static guint layout_choose_step(LayoutCtx *ctx)
{
  const char *font = ctx->style->axis.font;
  double year_w = layout_text_width(ctx, font, "2000");
  double month_w = MAX(year_w, layout_month_width(ctx, font));
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

void layout_ticks(LayoutCtx *ctx)
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
  for (;; index += step) {
    int ty = (int)(index / 12), tm = (int)(index % 12) + 1;
    DateDay day = date_from_ymd(ty, tm, 1);
    if (!day || day > scene->range_end + 1)
      break;
    LayoutTick tick = {.date = day, .x = round(layout_x(ctx, day)), .label = LAYOUT_NONE};
    g_array_append_val(scene->ticks, tick);
  }
}

/* Places the tick labels in a row at @y, shifted inside the page at its edges and left
 * out where they would touch their neighbour. Returns the row's height. The row that is
 * not @record repeats the labels (an axis on both sides). */
double layout_tick_labels(LayoutCtx *ctx, double y, gboolean record)
{
  const char *font = ctx->style->axis.font;
  double last_right = -G_MAXDOUBLE, row_h = 0;
  gboolean year_named = FALSE;
  for (guint i = 0; i < ctx->scene->ticks->len; i++) {
    LayoutTick *tick = &g_array_index(ctx->scene->ticks, LayoutTick, i);
    int ty, tm, td;
    date_to_ymd(tick->date, &ty, &tm, &td);
    char buf[128];
    layout_tick_text(ctx->scene, buf, sizeof buf, ty, tm);
    /* A month axis that starts after January still says which year it is in. */
    if (!year_named && tm != 1) {
      char year[16];
      g_snprintf(year, sizeof year, "%d", ty);
      GString *named = g_string_new(NULL);
      lang_expand(named, lang_word(ctx->scene->lang, LANG_MONTH_YEAR), 'm',
                  lang_axis_month(ctx->scene->lang, tm), 'y', year, 0);
      layout_copy_label(buf, sizeof buf, named->str);
      g_string_free(named, TRUE);
    }
    TextExtents e;
    text_measure(ctx->text, font, buf, &e);
    double x = CLAMP(tick->x - e.width / 2, ctx->left, ctx->right - e.width);
    row_h = MAX(row_h, e.height);
    if (x < last_right + 8)
      continue;
    year_named = TRUE;
    last_right = x + e.width;
    LayoutOwner owner = {LAYOUT_OWNER_AXIS, 0,
                         record ? LAYOUT_PART_TICK_LABEL : LAYOUT_PART_TICK_ECHO, i};
    layout_text(ctx, owner, font, buf, x, y, ctx->style->axis.color);
    /* Its place in the text layer, until layout_link makes it a scene index. */
    if (record)
      tick->label = ctx->layers[LAYER_TEXT]->len - 1;
  }
  return row_h;
}

/* --- The today line --- */

void layout_today(LayoutCtx *ctx, double label_y, double top, double bottom)
{
  const Style *st = ctx->style;
  LayoutScene *scene = ctx->scene;
  double x = ctx->today_x;
  scene->today_x = x;
  LayoutShape line = {
      .kind = LAYOUT_SHAPE_LINE,
      .owner = LAYOUT_OWNER(TODAY, 0, TODAY_LINE, 0),
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
  const char *label = layout_today_label(st, scene);
  if (*label) {
    double w = layout_text_width(ctx, st->today.font, label);
    double lx = CLAMP(x - w / 2, ctx->left, ctx->right - w);
    layout_text(ctx, LAYOUT_OWNER(TODAY, 0, TODAY_LABEL, 0), st->today.font, label, lx,
                label_y, st->today.color);
  }
}

void layout_grid(LayoutCtx *ctx, double top, double bottom)
{
  StyleColor grid = ctx->style->axis.grid;
  if (grid.a <= 0)
    return;
  for (guint i = 0; i < ctx->scene->ticks->len; i++) {
    const LayoutTick *tick = &g_array_index(ctx->scene->ticks, LayoutTick, i);
    if (tick->label == LAYOUT_NONE && ctx->scene->ticks->len > 1)
      continue;
    layout_line(ctx, LAYER_BACK, LAYOUT_OWNER(AXIS, 0, GRID, i), tick->x + 0.5, top, tick->x + 0.5,
                bottom, grid, 1);
  }
}

/* Concatenates the layers into the scene's paint order. */
