/* layout_tiers: where milestone labels go (doc/layout-dump.md "milestones"): above or
 * below the track, right or left of their marker, in the tier nearest the track that
 * keeps every label whole and apart and every leader clear of other labels; or, when
 * none does, into the numbered list under the chart. Pure: the caller measures. */
#pragma once

#include <glib.h>

typedef struct {
  double x;      /* the marker's centre (a group's first marker) */
  double w;      /* its label's width (the widest line, for a group of milestones) */
  guint lines;   /* its label's lines: 1, or one per milestone of a group */
  double spread; /* a group: from its first marker to its last (a label to the right
                    hangs from the last, one to the left from the first); else 0 */
} LayoutTierMarker;

typedef enum {
  LAYOUT_TIER_ABOVE,  /* between the lanes and the track */
  LAYOUT_TIER_BELOW,  /* between the track and the axis */
  LAYOUT_TIER_LISTED, /* no room: a number at the marker, the title in the list */
} LayoutTierHalf;

typedef struct {
  LayoutTierHalf half;
  guint tier;    /* the label's first line: 0 is next to the track, counting outwards */
  gboolean left; /* the label ends at the marker's leader rather than starting there */
  double a;      /* the label's left edge */
} LayoutTierPlace;

typedef struct {
  double left, right; /* where labels may go */
  double flag_gap;    /* between a marker's leader and its label */
  double gap;         /* least room between two labels in one tier */
  guint max_tiers;    /* tiers on each half of the track */
  double marker;      /* a marker's width: a label in the tier next to the track keeps this
                         clear of every other marker, so it never reads as that one's (0: no
                         such rule) */
  gboolean above;     /* labels may go above the track (else below only) */
} LayoutTierParams;

/* Places the labels of @markers (sorted by x) and writes each one's place; returns how
 * many went to the list. Tiers are shared as much as the labels allow: the placement
 * is found greedily from each end of the track and the better of the two is kept (fewer
 * listed, then fewer tiers, then labels nearer the track). Never shortens a label.
 * O(n log n) for n markers. */
guint layout_tiers_place(const LayoutTierMarker *markers, guint n, const LayoutTierParams *p,
                         LayoutTierPlace *out);

/* The tiers a placement uses on @half (0: none): one more than the outermost line. */
guint layout_tiers_used(const LayoutTierMarker *markers, guint n, const LayoutTierPlace *places,
                        LayoutTierHalf half);
