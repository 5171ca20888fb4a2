/* layout_groups: a group's entries packed into lanes (label-aware, through
 * timeline_pack) and emitted: bars, role segments, label plates, labels, the group's name. */
#include "layout_private.h"

#include <math.h>

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

void layout_group_free(gpointer data)
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
/* The group's paint and display name; groups without a colour of their own take the
 * palette's colours in turn. */
void layout_name_group(const Style *style, const TimelineGroup *tg, guint *custom_index,
                              LayoutPrepared *out)
{
  const StylePaint *own = g_hash_table_lookup(style->groups, tg->group->key);
  gboolean own_color = own && (own->set & STYLE_PAINT_COLOR);
  out->tg = tg;
  style_group_paint(style, tg->group->key, own_color ? 0 : (*custom_index)++, &out->paint);
  out->name = layout_clean_text(out->paint.label ? out->paint.label : tg->group->name);
}

/* Places every entry's label and packs the entries into lanes. */
void layout_prepare_group(LayoutCtx *ctx, const TimelineGroup *tg, LayoutPrepared *out)
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

void layout_prepared_clear(LayoutPrepared *p)
{
  for (guint i = 0; i < p->n_items; i++)
    layout_item_clear(&p->items[i]);
  g_free(p->items);
  g_free(p->name);
}

/* Draws a prepared group from @y; returns the y below it. */
double layout_emit_group(LayoutCtx *ctx, LayoutPrepared *p, double y)
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
