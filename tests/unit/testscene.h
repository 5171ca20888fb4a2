/* A hand-built scene the renderer unit tests share (test-render, test-svg_write): one of
 * every shape kind, pattern and fade, as layout would paint them. Header-only and static
 * inline, like testutil.h. */
#pragma once

#include "layout.h"

static inline void testscene_add(LayoutScene *scene, LayoutShape shape)
{
  g_array_append_val(scene->shapes, shape);
}

/* Appends to @s (at least 200 x 100): the page in @page, a bar in @bar fading out on the
 * right (owned by @bar_owner), a hatched bar with a border, a crosshatched one fading in,
 * a dotted one, an outlined one, a dashed line, a diamond and a circle with a border. */
static inline void testscene_every_shape(LayoutScene *s, StyleColor page, StyleColor bar,
                                         StyleColor ink, LayoutOwner bar_owner)
{
  testscene_add(s, (LayoutShape){.kind = LAYOUT_SHAPE_RECT, .w = 200, .h = 100, .fill = page});
  testscene_add(s, (LayoutShape){.kind = LAYOUT_SHAPE_RECT,
                                 .owner = bar_owner,
                                 .x = 10,
                                 .y = 10,
                                 .w = 80,
                                 .h = 20,
                                 .radius = 4,
                                 .fill = bar,
                                 .fade_right = 20});
  testscene_add(s, (LayoutShape){.kind = LAYOUT_SHAPE_RECT,
                                 .x = 100,
                                 .y = 10,
                                 .w = 80,
                                 .h = 20,
                                 .radius = 4,
                                 .fill = bar,
                                 .pattern = STYLE_PATTERN_HATCH,
                                 .pattern_color = ink,
                                 .stroke = ink,
                                 .stroke_width = 1});
  testscene_add(s, (LayoutShape){.kind = LAYOUT_SHAPE_RECT,
                                 .x = 10,
                                 .y = 40,
                                 .w = 50,
                                 .h = 20,
                                 .fill = bar,
                                 .pattern = STYLE_PATTERN_CROSSHATCH,
                                 .pattern_color = ink,
                                 .fade_left = 10});
  testscene_add(s, (LayoutShape){.kind = LAYOUT_SHAPE_RECT,
                                 .x = 70,
                                 .y = 40,
                                 .w = 50,
                                 .h = 20,
                                 .fill = bar,
                                 .pattern = STYLE_PATTERN_DOTS,
                                 .pattern_color = ink});
  testscene_add(s, (LayoutShape){.kind = LAYOUT_SHAPE_RECT,
                                 .x = 130,
                                 .y = 40,
                                 .w = 50,
                                 .h = 20,
                                 .fill = page,
                                 .pattern = STYLE_PATTERN_OUTLINE,
                                 .pattern_color = bar});
  testscene_add(s, (LayoutShape){.kind = LAYOUT_SHAPE_LINE,
                                 .y = 70,
                                 .w = 200,
                                 .stroke = ink,
                                 .stroke_width = 1,
                                 .dash = {4, 2},
                                 .n_dash = 2});
  testscene_add(
      s,
      (LayoutShape){.kind = LAYOUT_SHAPE_DIAMOND, .x = 20, .y = 75, .w = 10, .h = 10, .fill = ink});
  testscene_add(s, (LayoutShape){.kind = LAYOUT_SHAPE_CIRCLE,
                                 .x = 40,
                                 .y = 75,
                                 .w = 10,
                                 .h = 10,
                                 .fill = bar,
                                 .stroke = ink,
                                 .stroke_width = 1});
}
