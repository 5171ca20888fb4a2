/* layout_groups: a group's entries put into lanes that read in time order (each lane a
 * run of consecutive entries, their labels chosen with the lanes by layout_lanes) and
 * emitted: bars, role segments, cut marks, label plates, labels, captions, the group's
 * name. */
#include "layout_private.h"

#include "date_words.h"

#include <math.h>
#include <string.h>

static double layout_label_y(const LayoutCtx *ctx, double lane_y)
{
  double y = lane_y + (ctx->lane_h - ctx->label_h) / 2;
  return round(y + ctx->label_baseline) - ctx->label_baseline;
}

/* A pattern under a label makes it hard to read: the label sits on a plate of the bar's
 * plain colour (the pattern still shows around it). */
static void layout_label_plate(LayoutCtx *ctx, const LayoutItem *item, guint bar, LayoutBox box)
{
  if (item->pattern == STYLE_PATTERN_SOLID || item->pattern == STYLE_PATTERN_OUTLINE)
    return;
  LayoutShape plate = {
      .kind = LAYOUT_SHAPE_RECT,
      .owner = LAYOUT_OWNER(ENTRY, item->index, PLATE, bar),
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
 * returns its record. */
static LayoutBar layout_emit_bar(LayoutCtx *ctx, const LayoutItem *item, guint i, double lane_y,
                                 StyleColor inside)
{
  const Style *st = ctx->style;
  guint n = item->te->bars->len;
  const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
  double bar_y = lane_y + round((ctx->lane_h - ctx->bar_h) / 2);
  double x0 = layout_bar_x0(item, i), x1 = layout_bar_x1(item, i), w = x1 - x0;
  /* Role segments are drawn as one bar: rounded only at the outer ends. */
  gboolean roles = item->te->has_roles;
  gboolean inner_left = roles && i > 0;
  gboolean inner_right = roles && i + 1 < n;
  LayoutShape rect = {
      .kind = LAYOUT_SHAPE_RECT,
      .owner = {LAYOUT_OWNER_ENTRY, item->index, roles ? LAYOUT_PART_SEGMENT : LAYOUT_PART_BAR, i},
      .x = x0,
      .y = bar_y,
      .w = w,
      .h = ctx->bar_h,
      .fill = item->color,
      .stroke = st->bar.border_width > 0 ? st->bar.border : (StyleColor){0},
      .stroke_width = st->bar.border_width,
      .radius = MIN(st->bar.radius, MIN(w, ctx->bar_h) / 2),
      .square_left = inner_left || bar->cut_start,
      .square_right = inner_right || bar->cut_end,
      .pattern = item->pattern,
      .pattern_color = layout_with_alpha(inside, 0.55),
  };
  /* Alternating tints tell the segments apart even where the cut is a hairline. */
  if (roles && i % 2 == 1)
    rect.fill = layout_segment_tint(item->color, inside);
  layout_bar_fades(item, i, &rect.fade_left, &rect.fade_right);
  layout_push(ctx, LAYER_BARS, &rect);
  /* A bar cut by the visible range ends hard, with a break mark across the cut end:
   * it goes on out of view, which a fade (uncertain) or a round end would not say. */
  for (int end = 0; end < 2; end++) {
    if (!layout_bar_clip_mark(item, i, end))
      continue;
    double ex = end ? x1 - 5 : x0 + 5;
    StyleColor page = st->page.background.a > 0 ? st->page.background : (StyleColor){1, 1, 1, 1};
    for (int k = 0; k < 2; k++) {
      double cx = ex + (k ? -3 : 0) * (end ? 1 : -1);
      layout_line(ctx, LAYER_BARS, LAYOUT_OWNER(ENTRY, item->index, CLIP, i), cx + 1.5, bar_y - 0.5,
                  cx - 1.5, bar_y + ctx->bar_h + 0.5, page, 1.5);
    }
  }
  if (inner_right)
    layout_line(ctx, LAYER_BARS, LAYOUT_OWNER(ENTRY, item->index, CUT, i), x1, bar_y, x1,
                bar_y + ctx->bar_h,
                st->page.background.a > 0 ? st->page.background : (StyleColor){1, 1, 1, 1}, 1.5);

  LayoutBar lb = {
      .shape = LAYOUT_NONE,
      .label = LAYOUT_NONE,
      .source = bar->source,
      .start = bar->start,
      .end = bar->end,
      .cut_start = bar->cut_start,
      .cut_end = bar->cut_end,
  };
  char *title = layout_segment_text(ctx, item, i);
  if (title) {
    double solid_x0, solid_x1;
    layout_bar_solid(item, i, &solid_x0, &solid_x1);
    LayoutBox box =
        layout_text(ctx, LAYOUT_OWNER(ENTRY, item->index, SEGMENT_LABEL, i), st->bar.font, title,
                    solid_x0 + st->bar.padding, layout_label_y(ctx, lane_y), inside);
    layout_label_plate(ctx, item, i, box);
    g_free(title);
  }
  return lb;
}

/* Emits the entry's own label where placement put it, the org beside the bar when the
 * title is inside, and the caption under the bar. */
static void layout_emit_label(LayoutCtx *ctx, const LayoutItem *item, double lane_y,
                              StyleColor inside)
{
  const Style *st = ctx->style;
  const LayoutLabelOption *o = &item->label;
  double y = layout_label_y(ctx, lane_y);
  double x0 = layout_bar_x0(item, 0), x1 = layout_bar_x1(item, item->te->bars->len - 1);
  LayoutOwner owner = LAYOUT_OWNER(ENTRY, item->index, LABEL, 0);
  if (o->text && o->place == PLACE_INSIDE) {
    double x, solid_x1;
    layout_bar_solid(item, o->inside_bar, &x, &solid_x1);
    LayoutBox box = layout_text(ctx, owner, st->bar.font, o->text, x + st->bar.padding, y, inside);
    layout_label_plate(ctx, item, o->inside_bar, box);
  } else if (o->text && o->place != PLACE_NONE) {
    double x = o->place == PLACE_RIGHT ? x1 + LAYOUT_LABEL_GAP : x0 - LAYOUT_LABEL_GAP - o->text_w;
    layout_text_two_tone(ctx, owner, st->bar.font, o->text, (const char *const *)item->heads, x, y,
                         o->text_org ? st->page.muted : st->page.color, st->page.muted);
  }
  if (o->org_text) {
    double x = o->org_place == PLACE_RIGHT ? x1 + LAYOUT_LABEL_GAP : x0 - LAYOUT_LABEL_GAP - o->org_w;
    layout_text(ctx, LAYOUT_OWNER(ENTRY, item->index, LABEL, 1), st->bar.font, o->org_text, x, y,
                st->page.muted);
  }
  if (o->caption) {
    double cy = lane_y + round((ctx->lane_h - ctx->bar_h) / 2) + ctx->bar_h + ctx->caption_gap;
    cy = round(cy + ctx->label_baseline) - ctx->label_baseline;
    layout_text_two_tone(ctx, LAYOUT_OWNER(ENTRY, item->index, CAPTION, 0), st->bar.font,
                         o->caption, (const char *const *)item->heads, o->caption_x, cy,
                         o->caption_org ? st->page.muted : st->page.color, st->page.muted);
  }
}

static LayoutLabelPlace layout_record_place(LayoutPlace place)
{
  switch (place) {
  case PLACE_INSIDE:
    return LAYOUT_LABEL_INSIDE;
  case PLACE_RIGHT:
    return LAYOUT_LABEL_RIGHT;
  case PLACE_LEFT:
    return LAYOUT_LABEL_LEFT;
  case PLACE_NONE:
    break;
  }
  return LAYOUT_LABEL_NONE;
}

static char *layout_span_words(const Lang *lang, const DateSpan *span)
{
  GString *out = g_string_new(NULL);
  date_words_span(out, lang, span);
  return g_string_free(out, FALSE);
}

/* Fills the entry's record: what the scene says about it, copied from the model, and
 * its dates in @lang's words. */
static void layout_entry_record(LayoutEntry *le, const ModelEntry *entry, const char *full,
                                guint lane, const Lang *lang)
{
  le->title = g_strdup(entry->title);
  le->org = g_strdup(entry->org);
  le->location = g_strdup(entry->location);
  le->note = g_strdup(entry->note);
  le->url = g_strdup(entry->url);
  le->class_name = g_strdup(entry->class_name);
  le->approximate = entry->approximate;
  le->line = entry->line;
  le->column = entry->column;
  le->full_label = g_strdup(full);
  le->lane = lane;
  g_array_append_vals(le->periods, entry->periods->data, entry->periods->len);
  le->period_words = g_ptr_array_new_full(entry->periods->len, g_free);
  for (guint i = 0; i < entry->periods->len; i++)
    g_ptr_array_add(le->period_words,
                    layout_span_words(lang, &g_array_index(entry->periods, DateSpan, i)));
  for (guint i = 0; i < entry->roles->len; i++) {
    const ModelRole *role = &g_array_index(entry->roles, ModelRole, i);
    LayoutRole lr = {g_strdup(role->title), role->span, layout_span_words(lang, &role->span)};
    g_array_append_val(le->roles, lr);
  }
}

/* Emits one entry's shapes at lane top @lane_y and adds its record to the scene. */
static void layout_item_emit(LayoutCtx *ctx, LayoutItem *item, guint group, double lane_y)
{
  guint n = item->te->bars->len;
  StyleColor inside = layout_inside_color(ctx, item->color);
  item->index = ctx->scene->entries->len;
  LayoutEntry *le = layout_scene_add_entry(ctx->scene, group);
  layout_entry_record(le, item->te->entry, item->full, item->lane, ctx->scene->lang);
  le->place = item->label.text ? layout_record_place(item->label.place) : LAYOUT_LABEL_NONE;
  le->shown = item->label.shortened ? LAYOUT_SHOWN_SHORTENED : LAYOUT_SHOWN_WHOLE;
  GArray *bars = le->bars;

  /* Separate periods read as one thing: a faint line joins them (visual.md "Bars"). */
  if (n > 1 && !item->te->has_roles) {
    double mid_y = lane_y + round((ctx->lane_h - ctx->bar_h) / 2) + ctx->bar_h / 2;
    layout_line(ctx, LAYER_BARS, LAYOUT_OWNER(ENTRY, item->index, JOIN, 0), layout_bar_x1(item, 0),
                mid_y, layout_bar_x0(item, n - 1), mid_y, layout_with_alpha(item->color, 0.45),
                1.5);
  }
  for (guint i = 0; i < n; i++) {
    LayoutBar lb = layout_emit_bar(ctx, item, i, lane_y, inside);
    g_array_append_val(bars, lb);
  }
  layout_emit_label(ctx, item, lane_y, inside);
}

static void layout_item_clear(LayoutItem *item)
{
  g_array_unref(item->xs);
  g_free(item->full);
  for (guint i = 0; i < G_N_ELEMENTS(item->heads); i++)
    g_free(item->heads[i]);
  g_free(item->segment_fits);
  layout_label_option_clear(&item->label);
}

void layout_group_clear(gpointer data)
{
  LayoutGroup *g = data;
  g_free(g->name);
  g_free(g->key);
  g_free(g->total);
  if (g->gaps)
    g_array_unref(g->gaps);
}

void layout_gap_clear(gpointer data)
{
  LayoutGap *gap = data;
  g_free(gap->dates);
  g_free(gap->text);
}

void layout_entry_clear(gpointer data)
{
  LayoutEntry *e = data;
  g_free(e->title);
  g_free(e->org);
  g_free(e->location);
  g_free(e->note);
  g_free(e->url);
  g_free(e->class_name);
  g_free(e->full_label);
  if (e->periods)
    g_array_unref(e->periods);
  if (e->period_words)
    g_ptr_array_unref(e->period_words);
  for (guint i = 0; e->roles && i < e->roles->len; i++) {
    g_free(g_array_index(e->roles, LayoutRole, i).title);
    g_free(g_array_index(e->roles, LayoutRole, i).span_words);
  }
  if (e->roles)
    g_array_unref(e->roles);
  if (e->bars)
    g_array_unref(e->bars);
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
  out->name = g_strdup(out->paint.label ? out->paint.label : tg->group->name);
}

/* The height a caption adds under its lane. */
static double layout_caption_band(const LayoutCtx *ctx)
{
  return ctx->caption_gap + ceil(ctx->label_h);
}

/* Finds every entry's ways to be labelled whole and puts the entries into lanes in
 * reading order (group.order), choosing each one's label with the lanes. */
void layout_prepare_group(LayoutCtx *ctx, const TimelineGroup *tg, LayoutPrepared *out)
{
  guint n = tg->entries->len;
  out->n_items = n;
  out->items = g_new0(LayoutItem, n);
  for (guint i = 0; i < n; i++) {
    LayoutItem *item = &out->items[i];
    item->te = g_ptr_array_index(tg->entries, i);
    layout_item_paint(ctx, item, &out->paint);
    layout_item_bars(ctx, item);
    layout_label_options(ctx, item);
  }
  /* The timeline orders entries by start; newest first reads them backwards, and a lane
   * then runs right to left, so its spans are mirrored for the lane programme. */
  gboolean newest = ctx->style->group.order == STYLE_GROUP_ORDER_NEWEST_FIRST;
  LayoutLaneItem *lane_items = g_new(LayoutLaneItem, n ? n : 1);
  GPtrArray *mirrored = g_ptr_array_new_with_free_func(g_free);
  for (guint k = 0; k < n; k++) {
    const LayoutItem *item = &out->items[newest ? n - 1 - k : k];
    guint m = item->options->len;
    LayoutLaneOption *spans = g_new(LayoutLaneOption, m);
    for (guint o = 0; o < m; o++) {
      const LayoutLabelOption *lo = &g_array_index(item->options, LayoutLabelOption, o);
      spans[o] = lo->lane;
      if (newest)
        spans[o] = (LayoutLaneOption){-lo->lane.hi, -lo->lane.lo, -lo->lane.cap_hi,
                                      -lo->lane.cap_lo, lo->lane.cost};
    }
    g_ptr_array_add(mirrored, spans);
    lane_items[k] = (LayoutLaneItem){spans, m};
  }
  LayoutLaneCosts costs = {0, ctx->lane_pitch, layout_caption_band(ctx)};
  guint *lanes = g_new(guint, n ? n : 1), *chosen = g_new(guint, n ? n : 1);
  out->lanes = layout_lanes_assign(lane_items, n, &costs, lanes, chosen);
  out->lane_caption = g_new0(gboolean, out->lanes ? out->lanes : 1);
  for (guint k = 0; k < n; k++) {
    LayoutItem *item = &out->items[newest ? n - 1 - k : k];
    item->lane = lanes[k];
    layout_label_choose(item, chosen[k]);
    if (item->label.caption)
      out->lane_caption[item->lane] = TRUE;
  }
  g_ptr_array_unref(mirrored);
  g_free(lane_items);
  g_free(lanes);
  g_free(chosen);
}

void layout_prepared_clear(LayoutPrepared *p)
{
  for (guint i = 0; i < p->n_items; i++)
    layout_item_clear(&p->items[i]);
  g_free(p->items);
  g_free(p->lane_caption);
  g_free(p->name);
  g_free(p->total);
}

/* The group's name on a line above its lanes at @y, with its total after it in the
 * muted colour ("Experience · about 19 y"); returns the line's height. */
static double layout_name_above(LayoutCtx *ctx, LayoutGroup *g, guint index,
                                const LayoutPrepared *p, double y)
{
  const Style *st = ctx->style;
  LayoutOwner owner = LAYOUT_OWNER(GROUP, index, GROUP_NAME, 0);
  char *full = p->total ? g_strconcat(p->name, " · ", p->total, NULL) : g_strdup(p->name);
  char *name = text_fit(ctx->text, st->group.font, full, ctx->x1 - ctx->x0);
  TextExtents e;
  text_measure(ctx->text, st->group.font, full, &e);
  if (name) {
    layout_text(ctx, owner, st->group.font, name, ctx->x0, y, st->group.color);
    gsize cut = strlen(p->name);
    if (p->total && strlen(name) > cut) {
      LayoutShape *shape =
          &g_array_index(ctx->layers[LAYER_TEXT], LayoutShape, ctx->layers[LAYER_TEXT]->len - 1);
      shape->tone_from = (guint)cut;
      shape->tone = st->page.muted;
    }
  }
  if (p->total && (name == NULL || strcmp(name, full) != 0))
    g->total_shown = LAYOUT_SHOWN_SHORTENED;
  g_free(name);
  g_free(full);
  return e.height;
}

/* The group's name in the left column, level with its first lane at @y, and its total on
 * a line under it; returns the bottom of what was drawn (@y when nothing was). */
static double layout_name_left(LayoutCtx *ctx, LayoutGroup *g, guint index, const LayoutPrepared *p,
                               double y)
{
  const Style *st = ctx->style;
  double room = ctx->x0 - ctx->left - LAYOUT_COLUMN_GAP, bottom = y;
  char *name = text_fit(ctx->text, st->group.font, p->name, room);
  TextExtents e;
  text_measure(ctx->text, st->group.font, name ? name : p->name, &e);
  double ly = round(y + (ctx->lane_h - e.height) / 2 + e.baseline) - e.baseline;
  if (name) {
    LayoutBox box = layout_text(ctx, LAYOUT_OWNER(GROUP, index, GROUP_NAME, 0), st->group.font,
                                name, ctx->left, ly, st->group.color);
    bottom = box.y + box.h;
  }
  g_free(name);
  if (p->total == NULL)
    return bottom;
  char *total = text_fit(ctx->text, st->group.font, p->total, room);
  if (total) {
    LayoutBox box = layout_text(ctx, LAYOUT_OWNER(GROUP, index, GROUP_TOTAL, 0), st->group.font,
                                total, ctx->left, ly + e.height, st->page.muted);
    bottom = box.y + box.h;
  }
  if (total == NULL || strcmp(total, p->total) != 0)
    g->total_shown = LAYOUT_SHOWN_SHORTENED;
  g_free(total);
  return bottom;
}

/* Draws a prepared group from @y; returns the y below it. */
double layout_emit_group(LayoutCtx *ctx, LayoutPrepared *p, double y)
{
  const Style *st = ctx->style;
  guint index = ctx->scene->groups->len;
  LayoutGroup *g = layout_scene_add_group(ctx->scene, p->tg->group->key, p->name);
  g->lanes = p->lanes;
  g->color = p->paint.color;
  g->total = g_strdup(p->total);
  double top = y;
  if (st->group.label == STYLE_GROUP_LABEL_ABOVE)
    y += layout_name_above(ctx, g, index, p, y) + 6;
  /* Each lane's top: a lane with a caption under it is taller by the caption's band. */
  double *lane_y = g_new(double, p->lanes + 1);
  lane_y[0] = y;
  for (guint k = 0; k < p->lanes; k++)
    lane_y[k + 1] = lane_y[k] + ctx->lane_pitch + (p->lane_caption[k] ? layout_caption_band(ctx) : 0);
  guint bars_from = ctx->layers[LAYER_BARS]->len, text_from = ctx->layers[LAYER_TEXT]->len;
  for (guint i = 0; i < p->n_items; i++) {
    LayoutItem *item = &p->items[i];
    layout_item_emit(ctx, item, index, lane_y[item->lane]);
  }
  /* Only entries were added since: @g is still valid. */
  double bottom = layout_gaps(ctx, index, p, lane_y, bars_from, text_from);
  g_free(lane_y);
  if (st->group.label == STYLE_GROUP_LABEL_LEFT) {
    double name_bottom = layout_name_left(ctx, g, index, p, y);
    bottom = MAX(bottom, name_bottom);
  }
  g->box = (LayoutBox){ctx->left, top, ctx->right - ctx->left, bottom - top};
  return bottom;
}
