/* layout_draw: the small steps every part of layout takes: shapes and texts into the
 * context's layers (text measured through text.c), user text cleaned for drawing, and the
 * label colour inside a bar (doc/styles.md `bar.color`). */
#include "layout_private.h"

#include <string.h>

const char *layout_str(LayoutScene *scene, const char *s)
{
  return s ? g_string_chunk_insert_const(scene->strings, s) : NULL;
}

void layout_push(LayoutCtx *ctx, LayoutLayer layer, const LayoutShape *shape)
{
  g_array_append_vals(ctx->layers[layer], shape, 1);
}

double layout_x(const LayoutCtx *ctx, DateDay day)
{
  return ctx->x0 + (double)(day - ctx->scene->range_start) * ctx->px_per_day;
}

double layout_text_width(LayoutCtx *ctx, const char *font, const char *text)
{
  TextExtents e;
  text_measure(ctx->text, font, text, &e);
  return e.width;
}

/* Adds a text shape whose logical box starts at (x, y) and returns that box. */
LayoutBox layout_text(LayoutCtx *ctx, LayoutOwner owner, const char *font, const char *text,
                      double x, double y, StyleColor color)
{
  TextExtents e;
  text_measure(ctx->text, font, text, &e);
  LayoutShape shape = {
      .kind = LAYOUT_SHAPE_TEXT,
      .owner = owner,
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

/* A label beside a bar in two tones. Returns its box. */
LayoutBox layout_text_two_tone(LayoutCtx *ctx, LayoutOwner owner, const char *font,
                               const char *text, const char *const *heads, double x, double y,
                               StyleColor color, StyleColor muted)
{
  LayoutBox box = layout_text(ctx, owner, font, text, x, y, color);
  /* What is drawn of @text before a shortened one's ellipsis. */
  gsize drawn = strlen(text);
  if (g_str_has_suffix(text, "…"))
    drawn -= strlen("…");
  gsize from = 0;
  for (guint i = 0; heads && heads[i] && from == 0; i++) {
    gsize n = strlen(heads[i]);
    if (drawn <= n && strncmp(text, heads[i], drawn) == 0)
      return box; /* all of it is the head, or what is left of it */
    if (strncmp(text, heads[i], n) == 0 && g_str_has_prefix(text + n, " · "))
      from = n;
  }
  const char *cut = strstr(text + from, " · ");
  if (cut && cut > text) {
    LayoutShape *shape =
        &g_array_index(ctx->layers[LAYER_TEXT], LayoutShape, ctx->layers[LAYER_TEXT]->len - 1);
    shape->tone_from = (guint)(cut - text);
    shape->tone = muted;
  }
  return box;
}

void layout_line(LayoutCtx *ctx, LayoutLayer layer, LayoutOwner owner, double x0, double y0,
                 double x1, double y1, StyleColor color, double width)
{
  LayoutShape shape = {
      .kind = LAYOUT_SHAPE_LINE,
      .owner = owner,
      .x = x0,
      .y = y0,
      .w = x1 - x0,
      .h = y1 - y0,
      .stroke = color,
      .stroke_width = width,
  };
  layout_push(ctx, layer, &shape);
}

StyleColor layout_with_alpha(StyleColor c, double alpha)
{
  c.a *= alpha;
  return c;
}

/* The two label colours of `color: auto`: a near-black ink (not pure black, so a grey
 * that passes with black may still fail with it) and white. */
static const StyleColor layout_label_dark = {0.07, 0.09, 0.15, 1};
static const StyleColor layout_label_light = {1, 1, 1, 1};

/* visual.md "Text": light or dark, whichever reads better, or the style's fixed colour. */
StyleColor layout_label_color(const Style *style, StyleColor fill)
{
  if (!style->bar.color_auto)
    return style->bar.color;
  /* The bar as the eye sees it, over the page (white where the page is transparent). */
  StyleColor page = style->page.background;
  return style_contrast_ratio(layout_label_light, fill, page) >=
                 style_contrast_ratio(layout_label_dark, fill, page)
             ? layout_label_light
             : layout_label_dark;
}

StyleColor layout_inside_color(const LayoutCtx *ctx, StyleColor fill)
{
  return layout_label_color(ctx->style, fill);
}

StyleColor layout_segment_tint(StyleColor fill, StyleColor label)
{
  /* Away from the label: towards black under light text, towards white under dark. */
  double luma = 0.2126 * label.r + 0.7152 * label.g + 0.0722 * label.b;
  double to = luma > 0.5 ? 0 : 1, k = 0.15;
  fill.r += (to - fill.r) * k;
  fill.g += (to - fill.g) * k;
  fill.b += (to - fill.b) * k;
  return fill;
}
