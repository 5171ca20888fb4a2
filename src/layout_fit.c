/* layout_fit: a chart on a page of fixed height (-H, slides): a short chart's lanes grow
 * into the room, a tall one is scaled down into it, never below legible text. */
#include "layout_private.h"

#include <math.h>
#include <pango/pango.h>

/* A chart fitted into a fixed height shrinks at most until its labels are this small. */
#define LAYOUT_MIN_FITTED_TEXT 8.0

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

LayoutScene *layout_fit(const Timeline *timeline, const Style *style, TextCtx *text,
                        LayoutScene *scene, DiagList *diags)
{
  scene = layout_stretched(timeline, style, text, scene);
  double fixed = style->page.height;
  if (fixed <= 0)
    return scene;
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
  return scene;
}
