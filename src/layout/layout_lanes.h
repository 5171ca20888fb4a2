/* layout_lanes: which lane each entry of a group takes, and which of its label
 * placements, so that the lanes read in time order (doc/layout-dump.md "lane_order").
 * Pure: the caller measures the text and hands in spans in px. */
#pragma once

#include <glib.h>

/* One way to place an entry's label, as the room it takes in its lane. */
typedef struct {
  double lo, hi;   /* the span the entry occupies in its lane row: bars and a label beside
                      them, with the clearance a label keeps from its neighbours */
  double cap_lo;   /* a caption under the bar, in a band below the lane: its span; */
  double cap_hi;   /* cap_hi <= cap_lo: no caption */
  double cost;     /* how much worse than the best placement, in px of chart height */
} LayoutLaneOption;

typedef struct {
  const LayoutLaneOption *options; /* at least one; not owned */
  guint n_options;
} LayoutLaneItem;

/* What a lane costs the chart, in px: a lane of its own, and the caption band a lane
 * gains under it when any entry in it has a caption. */
typedef struct {
  double gap;          /* least room between two things in one lane row or caption band */
  double lane_cost;    /* a lane's pitch */
  double caption_cost; /* a caption band's height */
} LayoutLaneCosts;

/* Assigns @items (in reading order: sorted by start, oldest or newest first) to lanes
 * made of runs of consecutive items, so that reading the lanes top to bottom, each left
 * to right, meets the items in that order; two items share a lane where the first's
 * span ends, and its caption ends, a gap before the second's begin. Among such layouts
 * it picks, by dynamic programming over the items and their options, the one of least
 * total cost (lanes, caption bands, option costs); ties keep the earlier option. Writes
 * each item's lane and option index; returns the number of lanes. O(n k^2) for n items
 * of at most k options; allocates O(n k). */
guint layout_lanes_assign(const LayoutLaneItem *items, guint n, const LayoutLaneCosts *costs,
                          guint *lane_out, guint *option_out);
