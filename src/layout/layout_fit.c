/* layout_fit: a chart on a page of fixed height (-H, slides). A short chart grows into
 * the room: as a whole (type, bars, gaps) up to a limit, then its lanes; a tall one is
 * laid out again with its fonts and sizes scaled down (the page keeps its width), never
 * below legible text, and smaller still where that shows a shortened text whole; either
 * is then centred on the page by laying it out a whole number of px lower. Every variant
 * is a fresh layout, so nothing has to move a finished scene and no field can be
 * forgotten. */
#include "layout_private.h"

#include <math.h>
#include <pango/pango.h>

/* A chart fitted into a fixed height shrinks at most until its labels are this small. */
#define LAYOUT_MIN_FITTED_TEXT 8.0
/* Layouts tried to find the scale at which a tall chart fits. */
#define LAYOUT_FIT_TRIES 8
/* A short chart on a fixed page grows at most this much (type, bars, gaps). */
#define LAYOUT_MAX_FIT_SCALE 1.5

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
 * everything under the header laid out @top px lower. */
typedef struct {
  double scale, grow, top;
} LayoutVariant;

/* Lays out @t in @style changed as @v says; returns the new scene. */
static LayoutScene *layout_variant(const Timeline *t, const Style *style,
                                   const SummaryReport *summary, TextCtx *text,
                                   const LayoutVariant *v)
{
  if (v->scale == 1 && v->grow == 1)
    return layout_natural(t, style, summary, text, v->top);
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
  LayoutScene *scene = layout_natural(t, &s, summary, text, v->top);
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

/* How many entries, milestones, group totals and gap lengths a scene could not show
 * whole. */
static guint layout_shortened(const LayoutScene *scene)
{
  guint n = 0;
  for (guint g = 0; g < scene->groups->len; g++) {
    const LayoutGroup *group = &g_array_index(scene->groups, LayoutGroup, g);
    n += group->total_shown == LAYOUT_SHOWN_SHORTENED;
    for (guint k = 0; k < group->gaps->len; k++)
      n += g_array_index(group->gaps, LayoutGap, k).shown == LAYOUT_SHOWN_SHORTENED;
  }
  for (guint i = 0; i < scene->entries->len; i++)
    n += g_array_index(scene->entries, LayoutEntry, i).shown == LAYOUT_SHOWN_SHORTENED;
  for (guint i = 0; i < scene->milestones->len; i++)
    n += g_array_index(scene->milestones, LayoutMilestone, i).shown == LAYOUT_SHOWN_SHORTENED;
  return n;
}

/* The least scale a fitted chart may take: the labels' font at LAYOUT_MIN_FITTED_TEXT. */
static double layout_min_fit(const Style *style)
{
  PangoFontDescription *desc = pango_font_description_from_string(style->bar.font);
  double size = (double)pango_font_description_get_size(desc) / PANGO_SCALE;
  pango_font_description_free(desc);
  return size > LAYOUT_MIN_FITTED_TEXT ? LAYOUT_MIN_FITTED_TEXT / size : 1.0;
}

/* The largest scale a chart on a fixed page may grow to: type at most half as large
 * again, and a bar no taller than a tenth of the page. */
static double layout_max_fit(const Style *style)
{
  double bar = MAX(style->bar.height, 1);
  return MAX(1.0, MIN(LAYOUT_MAX_FIT_SCALE, style->page.height / 10 / bar));
}

static void layout_too_tall(DiagList *diags, double natural, double fixed, double least)
{
  diag_error(diags, NULL, 0, 0,
             "the chart needs %.0f px of height: fitted into page.height (or --height) %g, "
             "its labels would be smaller than %g px; give it at least %.0f",
             natural, fixed, LAYOUT_MIN_FITTED_TEXT, ceil(least));
}

/* What a scale is asked to give: to fit the page's height, and (when @whole) to show
 * every text whole. */
static gboolean layout_fits(const LayoutScene *scene, double fixed, gboolean whole)
{
  return scene->height <= fixed && (!whole || layout_shortened(scene) == 0);
}

/* The largest scale in [@lo, @hi] at which the chart fits (@lo is known to, @hi not),
 * by halves; takes @scene (laid out at @lo) and returns the scene kept, its scale in
 * @s. */
static LayoutScene *layout_largest(const Timeline *timeline, const Style *style,
                                   const SummaryReport *summary, TextCtx *text, LayoutScene *scene,
                                   double lo, double hi, gboolean whole, double *s)
{
  double fixed = style->page.height;
  for (guint i = 0; i < LAYOUT_FIT_TRIES && hi - lo > 0.005; i++) {
    double mid = (lo + hi) / 2;
    LayoutScene *try = layout_variant(timeline, style, summary, text, &(LayoutVariant){mid, 1, 0});
    if (layout_fits(try, fixed, whole)) {
      layout_scene_free(scene);
      scene = try;
      lo = mid;
    } else {
      layout_scene_free(try);
      hi = mid;
    }
  }
  *s = lo;
  return scene;
}

/* A chart taller than the page, laid out again at smaller scales until it fits. The page
 * keeps its width, so labels find more room at a smaller scale and the chart may come
 * out well shorter than the page: the largest scale that fits is searched for between the
 * first that fits and the last that did not. Sets @v->scale; NULL (with an error) when it
 * would not fit before its labels became illegible. Takes @scene. */
static LayoutScene *layout_shrunk(const Timeline *timeline, const Style *style,
                                  const SummaryReport *summary, TextCtx *text, LayoutScene *scene,
                                  LayoutVariant *v, DiagList *diags)
{
  double fixed = style->page.height, natural = scene->height;
  double min_fit = layout_min_fit(style);
  double too_big = 1, s = MIN(1, fixed / natural);
  if (s < min_fit) {
    layout_too_tall(diags, natural, fixed, natural * min_fit);
    layout_scene_free(scene);
    return NULL;
  }
  /* Down until it fits: each try scales by how much the last one was too tall. */
  for (guint i = 0;; i++) {
    layout_scene_free(scene);
    scene = layout_variant(timeline, style, summary, text, &(LayoutVariant){s, 1, 0});
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
  scene = layout_largest(timeline, style, summary, text, scene, s, too_big, FALSE, &s);
  /* Smaller still where that shows a shortened text whole (the last resort is to
   * shorten, not to keep the larger type), down to legible type. */
  if (layout_shortened(scene) > 0 && s > min_fit) {
    LayoutScene *least =
        layout_variant(timeline, style, summary, text, &(LayoutVariant){min_fit, 1, 0});
    if (layout_fits(least, fixed, TRUE)) {
      double whole_s;
      least = layout_largest(timeline, style, summary, text, least, min_fit, s, TRUE, &whole_s);
      layout_scene_free(scene);
      scene = least;
      s = whole_s;
    } else {
      layout_scene_free(least);
    }
  }
  v->scale = s;
  return scene;
}

/* A chart shorter than a fixed page (slides) uses the room: first it grows as a whole
 * (type, bars, gaps, up to layout_max_fit) while it still fits and shows everything;
 * then its lanes grow, up to 1.6 times and the largest bar, into the height left. Sets
 * @v and returns the scene to keep. Takes @scene. */
static LayoutScene *layout_grown(const Timeline *timeline, const Style *style,
                                 const SummaryReport *summary, TextCtx *text, LayoutScene *scene,
                                 LayoutVariant *v)
{
  double fixed = style->page.height, max_fit = layout_max_fit(style);
  double s = 1;
  if (max_fit > 1 && layout_fits(scene, fixed, layout_shortened(scene) == 0)) {
    LayoutScene *top =
        layout_variant(timeline, style, summary, text, &(LayoutVariant){max_fit, 1, 0});
    if (layout_fits(top, fixed, layout_shortened(scene) == 0)) {
      layout_scene_free(scene);
      scene = top;
      s = max_fit;
    } else {
      layout_scene_free(top);
      scene = layout_largest(timeline, style, summary, text, scene, 1, max_fit,
                             layout_shortened(scene) == 0, &s);
    }
  }
  v->scale = s;
  guint lanes = layout_total_lanes(scene);
  if (scene->height >= fixed || lanes == 0)
    return scene;
  double pitch = MAX(style->bar.height, 1) * s + style->bar.gap * s;
  double grow = MIN((fixed - scene->height) / lanes, pitch * 0.6);
  double max_bar = fixed / 10;
  grow = MIN(grow, MAX(0, (max_bar - style->bar.height * s) * pitch / MAX(style->bar.height * s, 1)));
  if (grow < 1)
    return scene;
  LayoutVariant taller_v = {s, (pitch + grow) / pitch, 0};
  LayoutScene *taller = layout_variant(timeline, style, summary, text, &taller_v);
  if (!layout_fits(taller, fixed, layout_shortened(scene) == 0)) {
    layout_scene_free(taller);
    return scene;
  }
  layout_scene_free(scene);
  *v = taller_v;
  return taller;
}

LayoutScene *layout_fit(const Timeline *timeline, const Style *style, const SummaryReport *summary,
                        TextCtx *text, DiagList *diags)
{
  LayoutVariant v = {1, 1, 0};
  LayoutScene *scene = layout_variant(timeline, style, summary, text, &v);
  double fixed = style->page.height;
  if (fixed <= 0)
    return scene;
  if (scene->height <= fixed && layout_shortened(scene) == 0)
    scene = layout_grown(timeline, style, summary, text, scene, &v);
  else
    scene = layout_shrunk(timeline, style, summary, text, scene, &v, diags);
  if (scene == NULL)
    return NULL;
  /* The header stays at the top margin and the chart under it is centred in the height
   * left (visual review 1, item 11: a short CV's title floated a fifth of the way down);
   * by whole px, so that lines snapped to the pixel grid stay sharp. */
  v.top = floor((fixed - scene->height) / 2);
  if (v.top > 0) {
    layout_scene_free(scene);
    scene = layout_variant(timeline, style, summary, text, &v);
  }
  scene->height = fixed;
  return scene;
}
