/* layout_lanes: lanes that read in time order (doc/layout-dump.md "lane_order"). A
 * lane holds a run of consecutive entries, so the only choice is where runs break and
 * how each entry is labelled; a dynamic programme over (entry, label option) makes both
 * at once, sharing a lane wherever the labels allow it. */
#include "layout_lanes.h"

#include <math.h>

/* The best way found to lay out items 0..i with item i in a given option. */
typedef struct {
  double cost;
  double hi;      /* where the item's span ends in its lane row */
  double band_hi; /* where the lane's caption band is taken up to (-inf: empty) */
  gboolean has_caption;
} LayoutLaneState;

static gboolean layout_lane_has_caption(const LayoutLaneOption *o)
{
  return o->cap_hi > o->cap_lo;
}

/* The state of item i in option @o after a break (a new lane) following @prev (NULL for
 * the first item). */
static LayoutLaneState layout_lane_break(const LayoutLaneState *prev, const LayoutLaneOption *o,
                                         const LayoutLaneCosts *c)
{
  gboolean cap = layout_lane_has_caption(o);
  return (LayoutLaneState){
      .cost = (prev ? prev->cost : 0) + c->lane_cost + o->cost + (cap ? c->caption_cost : 0),
      .hi = o->hi,
      .band_hi = cap ? o->cap_hi : -INFINITY,
      .has_caption = cap,
  };
}

/* Whether item i in option @o can follow the state @prev in its lane, and the state it
 * then has. */
static gboolean layout_lane_share(const LayoutLaneState *prev, const LayoutLaneOption *o,
                                  const LayoutLaneCosts *c, LayoutLaneState *out)
{
  gboolean cap = layout_lane_has_caption(o);
  if (prev->hi + c->gap > o->lo || (cap && prev->band_hi + c->gap > o->cap_lo))
    return FALSE;
  *out = (LayoutLaneState){
      .cost = prev->cost + o->cost + (cap && !prev->has_caption ? c->caption_cost : 0),
      .hi = o->hi,
      .band_hi = cap ? MAX(prev->band_hi, o->cap_hi) : prev->band_hi,
      .has_caption = prev->has_caption || cap,
  };
  return TRUE;
}

/* Whether @a is better than @b: cheaper, then (equal cost) leaving more room after it. */
static gboolean layout_lane_better(const LayoutLaneState *a, const LayoutLaneState *b)
{
  if (a->cost != b->cost)
    return a->cost < b->cost;
  if (a->hi != b->hi)
    return a->hi < b->hi;
  return a->band_hi < b->band_hi;
}

guint layout_lanes_assign(const LayoutLaneItem *items, guint n, const LayoutLaneCosts *costs,
                          guint *lane_out, guint *option_out)
{
  if (n == 0)
    return 0;
  guint k = 1;
  for (guint i = 0; i < n; i++)
    k = MAX(k, items[i].n_options);
  /* Two rows of states (the previous item's and this one's), and for every (item,
   * option) the predecessor's option and whether a lane began there. */
  LayoutLaneState *prev = g_new(LayoutLaneState, k), *cur = g_new(LayoutLaneState, k);
  guint *back = g_new(guint, (gsize)n * k);
  gboolean *broke = g_new(gboolean, (gsize)n * k);

  for (guint o = 0; o < items[0].n_options; o++) {
    prev[o] = layout_lane_break(NULL, &items[0].options[o], costs);
    back[o] = 0;
    broke[o] = TRUE;
  }
  for (guint i = 1; i < n; i++) {
    const LayoutLaneItem *it = &items[i];
    for (guint o = 0; o < it->n_options; o++) {
      const LayoutLaneOption *opt = &it->options[o];
      gboolean found = FALSE;
      LayoutLaneState best = {0};
      guint best_p = 0;
      gboolean best_broke = TRUE;
      for (guint p = 0; p < items[i - 1].n_options; p++) {
        LayoutLaneState s;
        if (layout_lane_share(&prev[p], opt, costs, &s) &&
            (!found || layout_lane_better(&s, &best))) {
          best = s;
          best_p = p;
          best_broke = FALSE;
          found = TRUE;
        }
        s = layout_lane_break(&prev[p], opt, costs);
        if (!found || layout_lane_better(&s, &best)) {
          best = s;
          best_p = p;
          best_broke = TRUE;
          found = TRUE;
        }
      }
      cur[o] = best;
      back[(gsize)i * k + o] = best_p;
      broke[(gsize)i * k + o] = best_broke;
    }
    LayoutLaneState *t = prev;
    prev = cur;
    cur = t;
  }

  guint o = 0;
  for (guint j = 1; j < items[n - 1].n_options; j++)
    if (layout_lane_better(&prev[j], &prev[o]))
      o = j;
  /* Walk back for the options and the breaks, then number the lanes forward. */
  for (guint i = n; i-- > 0;) {
    option_out[i] = o;
    lane_out[i] = broke[(gsize)i * k + o];
    o = back[(gsize)i * k + o];
  }
  guint lanes = 0;
  for (guint i = 0; i < n; i++) {
    if (lane_out[i])
      lanes++;
    lane_out[i] = lanes - 1;
  }
  g_free(prev);
  g_free(cur);
  g_free(back);
  g_free(broke);
  return lanes;
}
