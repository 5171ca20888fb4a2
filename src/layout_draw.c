/* layout_draw: the small steps every part of layout takes: shapes and texts into the
 * context's layers (text measured through text.c), user text cleaned for drawing, and the
 * label colour inside a bar (spec/visual.md "Text"). */
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

/* A label beside a bar in two tones: what the person was in the text colour, and from the
 * first " · " on (the org, the location) in the muted colour. Returns its box. */
LayoutBox layout_text_two_tone(LayoutCtx *ctx, LayoutOwner owner, const char *font,
                               const char *text, double x, double y, StyleColor color,
                               StyleColor muted)
{
  LayoutBox box = layout_text(ctx, owner, font, text, x, y, color);
  const char *cut = strstr(text, " · ");
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

/* User text is drawn as it is, but never with control characters (Pango would draw
 * boxes for them, and a newline would break the line). */
char *layout_clean_text(const char *text)
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
StyleColor layout_inside_color(const LayoutCtx *ctx, StyleColor fill)
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
