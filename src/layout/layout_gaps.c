/* layout_gaps: the career summary on the chart (doc/summary.md "On the chart"): the
 * group's merged total for its label (group.total), and each gap in its time longer than
 * gaps.min marked over its lanes (gaps.show): a faint band behind the bars, with its
 * length where that collides with nothing, or the run warns. */
#include "layout_private.h"

#include <math.h>

/* Room between a gap's length and a shape beside it, and inside its band's edges; from
 * a text beside it, LAYOUT_LABEL_CLEAR, so that the two never read as one. */
#define LAYOUT_GAP_CLEAR 3.0

char *layout_group_total(const LayoutCtx *ctx, const TimelineGroup *tg)
{
  const Style *st = ctx->style;
  if (!st->group.total || st->group.label == STYLE_GROUP_LABEL_NONE || ctx->summary == NULL)
    return NULL;
  const SummaryScope *scope = summary_find_group(ctx->summary, tg->group->key);
  return scope && !scope->empty ? summary_duration_text_in(&scope->total, ctx->scene->lang) : NULL;
}

/* What a shape covers, its stroke included, and the room to keep from it. */
typedef struct {
  double x0, y0, x1, y1, clear;
} LayoutExtent;

static LayoutExtent layout_extent(const LayoutShape *s)
{
  if (s->kind == LAYOUT_SHAPE_LINE) {
    double half = s->stroke_width / 2;
    return (LayoutExtent){MIN(s->x, s->x + s->w) - half, MIN(s->y, s->y + s->h) - half,
                          MAX(s->x, s->x + s->w) + half, MAX(s->y, s->y + s->h) + half,
                          LAYOUT_GAP_CLEAR};
  }
  double clear = s->kind == LAYOUT_SHAPE_TEXT ? LAYOUT_LABEL_CLEAR : LAYOUT_GAP_CLEAR;
  return (LayoutExtent){s->x, s->y, s->x + s->w, s->y + s->h, clear};
}

/* The shapes of @layer from @from on that reach into [@x0, @x1], into @out. */
static void layout_gap_obstacles(const LayoutCtx *ctx, LayoutLayer layer, guint from, double x0,
                                 double x1, GArray *out)
{
  const GArray *shapes = ctx->layers[layer];
  for (guint i = from; i < shapes->len; i++) {
    LayoutExtent e = layout_extent(&g_array_index(shapes, LayoutShape, i));
    if (e.x1 > x0 && e.x0 < x1)
      g_array_append_val(out, e);
  }
}

/* The centre nearest @want in [@lo, @hi] at which a text @w wide in the row from @y0 to
 * @y1 keeps its room from every obstacle; NAN when there is none. The centres an
 * obstacle forbids form an open interval, so the answer is @want (clamped) or an end of
 * one of them. */
static double layout_gap_slot(const GArray *obstacles, double y0, double y1, double w, double lo,
                              double hi, double want)
{
  if (lo > hi)
    return NAN;
  GArray *forbid = g_array_new(FALSE, FALSE, sizeof(double));
  for (guint i = 0; i < obstacles->len; i++) {
    const LayoutExtent *o = &g_array_index(obstacles, LayoutExtent, i);
    if (o->y1 <= y0 + 0.05 || o->y0 >= y1 - 0.05)
      continue;
    double a = o->x0 - w / 2 - o->clear, b = o->x1 + w / 2 + o->clear;
    g_array_append_val(forbid, a);
    g_array_append_val(forbid, b);
  }
  double best = NAN;
  for (guint c = 0; c <= forbid->len; c++) {
    double x = c == forbid->len ? CLAMP(want, lo, hi) : g_array_index(forbid, double, c);
    if (x < lo || x > hi || (!isnan(best) && fabs(x - want) >= fabs(best - want)))
      continue;
    gboolean free = TRUE;
    for (guint k = 0; free && k < forbid->len; k += 2)
      free = !(x > g_array_index(forbid, double, k) && x < g_array_index(forbid, double, k + 1));
    if (free)
      best = x;
  }
  g_array_unref(forbid);
  return best;
}

/* The tops of the rows a gap's length may sit in: each lane's label line and each
 * caption band's, top to bottom, for a text @h high. */
static GArray *layout_gap_rows(const LayoutCtx *ctx, const LayoutPrepared *p, const double *lane_y,
                               double h, double baseline)
{
  GArray *rows = g_array_new(FALSE, FALSE, sizeof(double));
  for (guint k = 0; k < p->lanes; k++) {
    double y = lane_y[k] + (ctx->lane_h - h) / 2;
    y = round(y + baseline) - baseline;
    g_array_append_val(rows, y);
    if (p->lane_caption[k]) {
      double cy = lane_y[k] + round((ctx->lane_h - ctx->bar_h) / 2) + ctx->bar_h +
                  ctx->caption_gap + (ceil(ctx->label_h) - h) / 2;
      cy = round(cy + baseline) - baseline;
      g_array_append_val(rows, cy);
    }
  }
  return rows;
}

/* Where gap @gap's length @w wide goes: the row and centre nearest the band's middle,
 * inside the band if it can be, else centred over it and running out of it; FALSE
 * when every place collides. */
static gboolean layout_gap_place(const LayoutCtx *ctx, const GArray *rows, double h, double w,
                                 double bx0, double bx1, guint bars_from, guint text_from,
                                 double *x, double *y)
{
  GArray *obstacles = g_array_new(FALSE, FALSE, sizeof(LayoutExtent));
  double reach = w + LAYOUT_LABEL_CLEAR;
  layout_gap_obstacles(ctx, LAYER_BARS, bars_from, bx0 - reach, bx1 + reach, obstacles);
  layout_gap_obstacles(ctx, LAYER_TEXT, text_from, bx0 - reach, bx1 + reach, obstacles);
  double want = (bx0 + bx1) / 2, best = NAN;
  for (int loose = 0; loose < 2 && isnan(best); loose++) {
    double inset = loose ? 0 : w / 2 + LAYOUT_GAP_CLEAR;
    double lo = MAX(bx0 + inset, ctx->x0 + w / 2), hi = MIN(bx1 - inset, ctx->x1 - w / 2);
    for (guint r = 0; r < rows->len; r++) {
      double ry = g_array_index(rows, double, r);
      double cx = layout_gap_slot(obstacles, ry, ry + h, w, lo, hi, want);
      if (!isnan(cx) && (isnan(best) || fabs(cx - want) < fabs(best - want))) {
        best = cx;
        *y = ry;
      }
    }
  }
  g_array_unref(obstacles);
  *x = best - w / 2;
  return !isnan(best);
}

/* A gap being marked: its band's ends and its length's width. */
typedef struct {
  double x0, x1, w;
  gboolean placed;
} LayoutGapPlan;

double layout_gaps(LayoutCtx *ctx, guint index, const LayoutPrepared *p, const double *lane_y,
                   guint bars_from, guint text_from)
{
  const Style *st = ctx->style;
  double top = lane_y[0], bottom = lane_y[p->lanes] - st->bar.gap;
  const SummaryScope *scope =
      st->gaps.show && ctx->summary ? summary_find_group(ctx->summary, p->tg->group->key) : NULL;
  if (scope == NULL || p->lanes == 0)
    return bottom;
  LayoutGroup *g = &g_array_index(ctx->scene->groups, LayoutGroup, index);
  const char *font = st->axis.font;
  TextExtents e;
  text_measure(ctx->text, font, "0", &e);
  GArray *rows = layout_gap_rows(ctx, p, lane_y, e.height, e.baseline);
  GArray *plans = g_array_new(FALSE, FALSE, sizeof(LayoutGapPlan));
  /* First in the lanes, where they take no room of their own. */
  for (guint i = 0; i < scope->gaps->len; i++) {
    const SummaryGap *sg = g_ptr_array_index(scope->gaps, i);
    if (!summary_gap_longer(sg, &st->gaps.min))
      continue;
    LayoutGap gap = {
        .start = sg->span.start.day,
        .end = sg->span.end.day,
        .dates = summary_span_text_in(&sg->span, ctx->scene->lang),
        .text = summary_duration_text_in(&sg->length, ctx->scene->lang),
        .line = sg->line,
        .column = sg->column,
        .band = LAYOUT_NONE,
        .label = LAYOUT_NONE,
    };
    /* Whole px, as the bars' ends (layout_item_bars): the band meets them exactly. */
    LayoutGapPlan plan = {round(layout_x(ctx, gap.start)), round(layout_x(ctx, gap.end + 1)),
                          layout_text_width(ctx, font, gap.text), FALSE};
    double x = 0, y = 0;
    if (layout_gap_place(ctx, rows, e.height, plan.w, plan.x0, plan.x1, bars_from, text_from, &x,
                         &y)) {
      LayoutBox box = layout_text(ctx, LAYOUT_OWNER(GROUP, index, GAP_LABEL, g->gaps->len), font,
                                  gap.text, x, y, st->page.muted);
      /* The band reaches the text's own bottom: a fallback font (CJK) may draw it taller
       * than the "0" the rows were measured with. */
      bottom = MAX(bottom, box.y + box.h);
      plan.placed = TRUE;
    }
    g_array_append_val(g->gaps, gap);
    g_array_append_val(plans, plan);
  }
  /* Then, for those the lanes' labels leave no room for, a row of their own under the
   * lanes, into which the bands reach. */
  double row_y = round(bottom + ctx->caption_gap + e.baseline) - e.baseline;
  g_array_set_size(rows, 0);
  g_array_append_val(rows, row_y);
  for (guint k = 0; k < plans->len; k++) {
    LayoutGapPlan *plan = &g_array_index(plans, LayoutGapPlan, k);
    LayoutGap *gap = &g_array_index(g->gaps, LayoutGap, k);
    double x = 0, y = 0;
    if (plan->placed)
      continue;
    if (layout_gap_place(ctx, rows, e.height, plan->w, plan->x0, plan->x1, bars_from, text_from, &x,
                         &y)) {
      LayoutBox box = layout_text(ctx, LAYOUT_OWNER(GROUP, index, GAP_LABEL, k), font, gap->text, x,
                                  y, st->page.muted);
      bottom = MAX(bottom, MAX(row_y + e.height, box.y + box.h));
    } else {
      gap->shown = LAYOUT_SHOWN_SHORTENED;
    }
  }
  for (guint k = 0; k < plans->len; k++) {
    const LayoutGapPlan *plan = &g_array_index(plans, LayoutGapPlan, k);
    LayoutShape band = {
        .kind = LAYOUT_SHAPE_RECT,
        .owner = LAYOUT_OWNER(GROUP, index, GAP, k),
        .x = plan->x0,
        .y = top,
        .w = plan->x1 - plan->x0,
        .h = bottom - top,
        .fill = st->gaps.color,
    };
    layout_push(ctx, LAYER_BACK, &band);
  }
  g_array_unref(plans);
  g_array_unref(rows);
  return bottom;
}
