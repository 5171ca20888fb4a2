/* layout_fit: a chart on a page of fixed height (-H, slides). A short chart's lanes grow
 * into the room; a tall one is laid out again with its fonts and sizes scaled down (the
 * page keeps its width), never below legible text; either is then centred on the page by
 * laying it out a whole number of px lower. Every variant is a fresh layout, so nothing
 * has to move a finished scene and no field can be forgotten. */
#include "layout_private.h"

#include <math.h>
#include <pango/pango.h>

/* A chart fitted into a fixed height shrinks at most until its labels are this small. */
#define LAYOUT_MIN_FITTED_TEXT 8.0
/* Layouts tried to find the scale at which a tall chart fits. */
#define LAYOUT_FIT_TRIES 8

/* A Pango description with its size multiplied by @s; a new string. */
static char *layout_scaled_font(const char *font, double s)
{
  PangoFontDescription *desc = pango_font_description_from_string(font);
  double size = pango_font_description_get_size(desc) * s;
  if (pango_font_description_get_size_is_absolute(desc))
    pango_font_description_set_absolute_size(desc, size);
  else
    pango_font_description_set_size(desc, (gint)lround(size));
  char *text = pango_font_description_to_string(desc);
  pango_font_description_free(desc);
  return text;
}

/* How a variant differs from the style: sizes scaled by @scale, lanes grown by @grow,
 * everything laid out @top px lower. */
typedef struct {
  double scale, grow, top;
} LayoutVariant;

/* Lays out @t in @style changed as @v says; returns the new scene. */
static LayoutScene *layout_variant(const Timeline *t, const Style *style, TextCtx *text,
                                   const LayoutVariant *v)
{
  if (v->scale == 1 && v->grow == 1)
    return layout_natural(t, style, text, v->top);
  Style s = *style; /* a shallow copy: numbers change, and fonts in owned copies below */
  if (v->grow != 1) {
    s.bar.height = floor(style->bar.height * v->grow);
    s.bar.gap = floor(style->bar.gap * v->grow);
  }
  char **fonts[] = {&s.page.font, &s.title.font, &s.subtitle.font,  &s.axis.font,  &s.today.font,
                    &s.bar.font,  &s.group.font, &s.milestone.font, &s.legend.font};
  if (v->scale != 1) {
    double k = v->scale;
    for (gsize i = 0; i < G_N_ELEMENTS(fonts); i++)
      *fonts[i] = *fonts[i] ? layout_scaled_font(*fonts[i], k) : NULL;
    s.page.margin *= k;
    s.bar.height *= k;
    s.bar.gap *= k;
    s.bar.radius *= k;
    s.bar.padding *= k;
    s.bar.border_width *= k;
    s.group.spacing *= k;
    s.milestone.size *= k;
    s.today.width *= k;
    for (guint d = 0; d < s.today.n_dash && d < G_N_ELEMENTS(s.today.dash); d++)
      s.today.dash[d] *= k;
  }
  LayoutScene *scene = layout_natural(t, &s, text, v->top);
  if (v->scale != 1)
    for (gsize i = 0; i < G_N_ELEMENTS(fonts); i++)
      g_free(*fonts[i]);
  return scene;
}

static guint layout_total_lanes(const LayoutScene *scene)
{
  guint lanes = 0;
  for (guint g = 0; g < scene->groups->len; g++)
    lanes += g_array_index(scene->groups, LayoutGroup, g).lanes;
  return lanes;
}

/* A chart shorter than a fixed page height (slides) uses the room: lanes grow, up to
 * 1.6 times, rather than leaving the page empty below a small chart. Sets @v->grow and
 * returns the scene to keep (@scene or a taller one). */
static LayoutScene *layout_stretched(const Timeline *timeline, const Style *style, TextCtx *text,
                                     LayoutScene *scene, LayoutVariant *v)
{
  double fixed = style->page.height;
  guint lanes = layout_total_lanes(scene);
  if (scene->height >= fixed || lanes == 0)
    return scene;
  double pitch = MAX(style->bar.height, 1) + style->bar.gap;
  double grow = MIN((fixed - scene->height) / lanes, pitch * 0.6);
  if (grow < 1)
    return scene;
  LayoutVariant taller_v = {1, (pitch + grow) / pitch, 0};
  LayoutScene *taller = layout_variant(timeline, style, text, &taller_v);
  if (taller->height > fixed) {
    layout_scene_free(taller);
    return scene;
  }
  layout_scene_free(scene);
  *v = taller_v;
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

static void layout_too_tall(DiagList *diags, double natural, double fixed, double least)
{
  diag_error(diags, NULL, 0, 0,
             "the chart needs %.0f px of height: fitted into page.height (or --height) %g, "
             "its labels would be smaller than %g px; give it at least %.0f",
             natural, fixed, LAYOUT_MIN_FITTED_TEXT, ceil(least));
}

/* A chart taller than the page, laid out again at smaller scales until it fits. The page
 * keeps its width, so labels find more room at a smaller scale and the chart may come
 * out well shorter than the page: the largest scale that fits is searched for between the
 * first that fits and the last that did not. Sets @v->scale; NULL (with an error) when it
 * would not fit before its labels became illegible. Takes @scene. */
static LayoutScene *layout_shrunk(const Timeline *timeline, const Style *style, TextCtx *text,
                                  LayoutScene *scene, LayoutVariant *v, DiagList *diags)
{
  double fixed = style->page.height, natural = scene->height;
  double min_fit = layout_min_fit(style);
  double too_big = 1, s = fixed / natural;
  if (s < min_fit) {
    layout_too_tall(diags, natural, fixed, natural * min_fit);
    layout_scene_free(scene);
    return NULL;
  }
  /* Down until it fits: each try scales by how much the last one was too tall. */
  for (guint i = 0;; i++) {
    layout_scene_free(scene);
    scene = layout_variant(timeline, style, text, &(LayoutVariant){s, 1, 0});
    if (scene->height <= fixed)
      break;
    if (s <= min_fit) {
      layout_too_tall(diags, natural, fixed, scene->height);
      layout_scene_free(scene);
      return NULL;
    }
    too_big = s;
    s = i + 2 < LAYOUT_FIT_TRIES ? MAX(min_fit, s * fixed / scene->height * 0.995) : min_fit;
  }
  /* Then up again, by halves, while there is room. */
  for (guint i = 0; i < LAYOUT_FIT_TRIES && too_big - s > 0.005; i++) {
    double mid = (s + too_big) / 2;
    LayoutScene *larger = layout_variant(timeline, style, text, &(LayoutVariant){mid, 1, 0});
    if (larger->height <= fixed) {
      layout_scene_free(scene);
      scene = larger;
      s = mid;
    } else {
      layout_scene_free(larger);
      too_big = mid;
    }
  }
  v->scale = s;
  return scene;
}

LayoutScene *layout_fit(const Timeline *timeline, const Style *style, TextCtx *text,
                        DiagList *diags)
{
  LayoutVariant v = {1, 1, 0};
  LayoutScene *scene = layout_variant(timeline, style, text, &v);
  double fixed = style->page.height;
  if (fixed <= 0)
    return scene;
  if (scene->height <= fixed)
    scene = layout_stretched(timeline, style, text, scene, &v);
  else
    scene = layout_shrunk(timeline, style, text, scene, &v, diags);
  if (scene == NULL)
    return NULL;
  /* Centred by whole px, so that lines snapped to the pixel grid stay sharp. */
  v.top = floor((fixed - scene->height) / 2);
  if (v.top > 0) {
    layout_scene_free(scene);
    scene = layout_variant(timeline, style, text, &v);
  }
  scene->height = fixed;
  return scene;
}
