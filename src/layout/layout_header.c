/* layout_header: the title, the headline and the legend above (or below) the chart
 * (doc/styles.md "title, subtitle" and "legend"). */
#include "layout_private.h"

#include <math.h>

/* A legend swatch's side: 11 px beside the default 10 pt names, growing with larger
 * type (a slide's 20 pt names had 11 px swatches; visual review 1). */
static double layout_legend_swatch(LayoutCtx *ctx)
{
  TextExtents e;
  text_measure(ctx->text, ctx->style->legend.font, "Ag", &e);
  return MAX(11, round(e.height * 0.7));
}

static double layout_legend_width(LayoutCtx *ctx, GArray *items)
{
  const char *font = ctx->style->legend.font;
  double w = 0, lead = layout_legend_swatch(ctx) + 5;
  for (guint i = 0; i < items->len; i++) {
    const LayoutLegendItem *item = &g_array_index(items, LayoutLegendItem, i);
    w += (i ? 18 : 0) + lead + layout_text_width(ctx, font, item->name);
  }
  return w;
}

/* Draws the legend from (@x, @y), flowing into further rows at the right edge; returns
 * its height. A name wider than the page is shortened. */
double layout_legend_draw(LayoutCtx *ctx, GArray *items, double x, double y)
{
  const char *font = ctx->style->legend.font;
  TextExtents e;
  text_measure(ctx->text, font, "Ag", &e);
  double row_x = x, top = y;
  double sw = layout_legend_swatch(ctx), lead = sw + 5; /* the swatch, then its name */
  for (guint i = 0; i < items->len; i++) {
    const LayoutLegendItem *item = &g_array_index(items, LayoutLegendItem, i);
    char *name = text_fit(ctx->text, font, item->name, MAX(ctx->right - row_x - lead, 1));
    double w = name ? layout_text_width(ctx, font, name) : 0;
    if (x > row_x && x + lead + w > ctx->right) {
      x = row_x;
      y += e.height + 6;
      g_free(name);
      name = text_fit(ctx->text, font, item->name, MAX(ctx->right - row_x - lead, 1));
      w = name ? layout_text_width(ctx, font, name) : 0;
    }
    LayoutShape swatch = {
        .kind = LAYOUT_SHAPE_RECT,
        .owner = LAYOUT_OWNER(LEGEND, 0, SWATCH, i),
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
    if (name)
      layout_text(ctx, LAYOUT_OWNER(LEGEND, 0, LEGEND_NAME, i), font, name, x + lead, y,
                  ctx->style->page.color);
    g_free(name);
    x += lead + w + 18;
  }
  return y - top + e.height;
}

/* A one-line text at (@x, @y), shortened to the page's inner width; its box (w = 0 when
 * not even an ellipsis fits). */
static LayoutBox layout_header_text(LayoutCtx *ctx, LayoutPart part, const char *font,
                                    const char *text, double x, double y, StyleColor color)
{
  char *fitted = text_fit(ctx->text, font, text, ctx->right - x);
  LayoutBox box = {x, y, 0, 0};
  if (fitted) {
    box =
        layout_text(ctx, (LayoutOwner){LAYOUT_OWNER_TITLE, 0, part, 0}, font, fitted, x, y, color);
  } else {
    TextExtents e;
    text_measure(ctx->text, font, text, &e);
    box.h = e.height;
  }
  g_free(fitted);
  return box;
}

/* Draws the title, headline and (top) legend from @y; returns the y below them. */
double layout_header(LayoutCtx *ctx, GArray *legend, double y)
{
  const Style *st = ctx->style;
  LayoutScene *scene = ctx->scene;
  double top = y, text_right = ctx->left;
  if (st->title.show && scene->title) {
    LayoutBox box = layout_header_text(ctx, LAYOUT_PART_TITLE, st->title.font, scene->title,
                                       ctx->left, y, st->title.color);
    text_right = MAX(text_right, box.x + box.w);
    y += box.h + 2;
  }
  if (st->subtitle.show && scene->headline) {
    LayoutBox box = layout_header_text(ctx, LAYOUT_PART_HEADLINE, st->subtitle.font,
                                       scene->headline, ctx->left, y, st->subtitle.color);
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
