/* layout: from a timeline and a style to a scene of placed shapes and labels
 * (spec/visual.md; the structure is what spec/cli.md "The layout dump" prints). This file
 * assembles the page from top to bottom; the parts are layout_header.c, layout_axis.c,
 * layout_labels.c, layout_groups.c, layout_milestones.c and layout_fit.c.
 * Labels are placed before lanes are packed, so that a lane's occupied span includes the
 * room its label takes beside the bar: nothing ever collides. */
#include "layout_private.h"

#include <math.h>

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
LayoutScene *layout_natural(const Timeline *t, const Style *style, TextCtx *text)
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

LayoutScene *layout_build(const Timeline *timeline, const Style *style, TextCtx *text,
                          DiagList *diags)
{
  if (!layout_check_width(style, diags))
    return NULL;
  LayoutScene *scene =
      layout_fit(timeline, style, text, layout_natural(timeline, style, text), diags);
  if (scene == NULL)
    return NULL;
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
