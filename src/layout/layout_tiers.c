/* layout_tiers: milestone labels on both halves of the track and both sides of their
 * marker (doc/layout-dump.md "milestones"). Each label hangs from a leader, a vertical
 * line from its marker to the label's first line; a label keeps clear of every other
 * label in its tier and of every leader that runs past it to a tier further out. */
#include "layout_tiers.h"

#include <math.h>
#include <string.h>

/* A label's span in one tier. */
typedef struct {
  double a, b;
} LayoutTierSpan;

/* A placed marker's leader: it runs through the tiers below @tier on its half (@tier is
 * its label's last line: a stacked label's leader runs along its lines). */
typedef struct {
  double x;
  guint tier;
} LayoutTierLeader;

/* Room between a leader and a label it passes (so a leader never grazes a label). */
#define LAYOUT_TIER_LEADER_CLEAR 2.0

/* A tier's spans or a half's leaders: plain arrays rather than GArrays, because the
 * search below looks them up a hundred thousand times for a dozen crowded milestones and
 * the look-ups must inline. Each grows by doubling; the state frees them. */
typedef struct {
  LayoutTierSpan *v;
  guint len, cap;
} LayoutTierRow;

typedef struct {
  LayoutTierLeader *v;
  guint len, cap;
} LayoutTierLeaders;

/* One side of a marker's leader, as a label there would take it whatever is placed:
 * its left edge, its leader, and the two costs that depend on the markers alone. */
typedef struct {
  double a, lx;
  gboolean over_unplaced; /* over the leader of a marker placed after it (layout_tier_covers) */
  gboolean over_marker;   /* next to the track, over another marker (layout_tier_over_marker) */
} LayoutTierSide;

typedef struct {
  const LayoutTierParams *p;
  const LayoutTierMarker *markers; /* the cluster's, sorted by x: [lo, hi) */
  guint lo, hi;
  guint halves;
  LayoutTierRow *rows;          /* [half * max_tiers + tier]: sorted by a */
  LayoutTierLeaders leaders[2]; /* per half: sorted by x */
  LayoutTierSide *sides;        /* [2 * (k - lo) + left], for markers placed in the state's order */
} LayoutTierState;

/* Puts @elem (@size bytes) at index @at of the array *@v of *@len elements, growing it
 * (capacity *@cap) when full. */
static void layout_tier_insert(void **v, guint *len, guint *cap, gsize size, guint at,
                               const void *elem)
{
  if (*len == *cap) {
    *cap = MAX(8, *cap * 2);
    *v = g_realloc_n(*v, *cap, size);
  }
  char *base = *v;
  memmove(base + (at + 1) * size, base + at * size, (*len - at) * size);
  memcpy(base + at * size, elem, size);
  (*len)++;
}

/* Takes the element at index @at out of the array @v of *@len @size-byte elements. */
static void layout_tier_erase(void *v, guint *len, gsize size, guint at)
{
  char *base = v;
  (*len)--;
  memmove(base + at * size, base + (at + 1) * size, (*len - at) * size);
}

/* The first of the @len elements at @base (@size bytes each, sorted by the double at
 * byte @key of each) whose key is at least @x. Called with constant sizes and keys, so
 * it inlines to a plain loop. */
static inline guint layout_tier_bisect(const void *base, guint len, gsize size, gsize key, double x)
{
  guint lo = 0, hi = len;
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    double v;
    memcpy(&v, (const char *)base + (gsize)mid * size + key, sizeof v);
    if (v < x)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* The first span in @row whose end lies at or right of @x. */
static guint layout_tier_lower(const LayoutTierRow *row, double x)
{
  return layout_tier_bisect(row->v, row->len, sizeof *row->v, G_STRUCT_OFFSET(LayoutTierSpan, b),
                            x);
}

/* Whether a span of @row comes within [a, b] (spans in a row never overlap, so they are
 * sorted by both ends). */
static gboolean layout_tier_row_hits(const LayoutTierRow *row, double a, double b)
{
  guint i = layout_tier_lower(row, a);
  return i < row->len && row->v[i].a <= b;
}

static void layout_tier_row_add(LayoutTierRow *row, double a, double b)
{
  LayoutTierSpan span = {a, b};
  layout_tier_insert((void **)&row->v, &row->len, &row->cap, sizeof span,
                     layout_tier_lower(row, a), &span);
}

/* Takes back the span that layout_tier_row_add put at @a. */
static void layout_tier_row_remove(LayoutTierRow *row, double a)
{
  guint i = layout_tier_lower(row, a);
  while (i < row->len && row->v[i].a != a)
    i++;
  g_assert(i < row->len);
  layout_tier_erase(row->v, &row->len, sizeof *row->v, i);
}

/* The first leader at or right of @x. */
static guint layout_tier_leader_lower(const LayoutTierLeaders *leaders, double x)
{
  return layout_tier_bisect(leaders->v, leaders->len, sizeof *leaders->v,
                            G_STRUCT_OFFSET(LayoutTierLeader, x), x);
}

static void layout_tier_leader_add(LayoutTierLeaders *leaders, LayoutTierLeader leader)
{
  layout_tier_insert((void **)&leaders->v, &leaders->len, &leaders->cap, sizeof leader,
                     layout_tier_leader_lower(leaders, leader.x), &leader);
}

/* Takes back the leader at @x that ends in tier @tier. */
static void layout_tier_leader_remove(LayoutTierLeaders *leaders, double x, guint tier)
{
  guint i = layout_tier_leader_lower(leaders, x);
  while (leaders->v[i].tier != tier)
    i++;
  layout_tier_erase(leaders->v, &leaders->len, sizeof *leaders->v, i);
}

/* Neighbours looked at, at most, where a scan could otherwise meet every marker (a
 * hostile CV with thousands on one day); beyond that, the answer is the careful one. */
#define LAYOUT_TIER_MAX_SCAN 64

/* Whether a leader within [a, b] runs further out than tier @t. */
static gboolean layout_tier_leader_hits(const LayoutTierLeaders *leaders, double a, double b,
                                        guint t)
{
  guint i = layout_tier_leader_lower(leaders, a);
  for (guint seen = 0; i < leaders->len; i++, seen++) {
    const LayoutTierLeader *l = &leaders->v[i];
    if (l->x > b)
      break;
    if (l->tier > t || seen >= LAYOUT_TIER_MAX_SCAN)
      return TRUE;
  }
  return FALSE;
}

static LayoutTierRow *layout_tier_row(LayoutTierState *s, guint half, guint tier)
{
  return &s->rows[half * s->p->max_tiers + tier];
}

/* Whether a marker of the cluster other than @m lies under [a, b], widened by the
 * marker's width: a label next to the track right over another marker reads as its. */
static gboolean layout_tier_over_marker(const LayoutTierParams *p, const LayoutTierMarker *markers,
                                        guint from, guint to, const LayoutTierMarker *m, double a,
                                        double b)
{
  double size = p->marker;
  if (size <= 0)
    return FALSE;
  /* A moment spreads less than a marker's width (layout_milestones), so every marker
   * that can reach [a, b] starts at or right of a - 2 * size. */
  guint lo = from, hi = to;
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    if (markers[mid].x < a - 2 * size)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (guint j = lo, seen = 0; j < to && markers[j].x <= b + size; j++, seen++) {
    if (seen >= LAYOUT_TIER_MAX_SCAN)
      return TRUE;
    const LayoutTierMarker *o = &markers[j];
    if (o != m && o->x + o->spread + size >= a && o->x - size <= b)
      return TRUE;
  }
  return FALSE;
}

/* Whether a label placed at @pl lies in the tier next to the track right over a marker
 * other than its own: allowed, but a placement with fewer of them is the better. */
static gboolean layout_tier_place_covers(const LayoutTierParams *p, const LayoutTierMarker *markers,
                                         guint lo, guint hi, const LayoutTierMarker *m,
                                         const LayoutTierPlace *pl)
{
  return pl->half != LAYOUT_TIER_LISTED && pl->tier == 0 &&
         layout_tier_over_marker(p, markers, lo, hi, m, pl->a, pl->a + m->w);
}

/* Which tiers of @half marker @m's label fits in with its left edge at @a, hanging from a
 * leader at @lx, into @fits[t] (t < max_tiers): inside the chart, clear of the labels of
 * each tier it takes (with the gap), its own leader clear of every label on the way out
 * to tier t, and no placed leader running through it to a tier further out. Once the
 * leader meets a label, no tier further out fits either, so the scan stops there. */
static void layout_tier_fits(LayoutTierState *s, const LayoutTierMarker *m, guint half, double a,
                             double lx, guint reach, gboolean *fits)
{
  const LayoutTierParams *p = s->p;
  double b = a + m->w;
  memset(fits, 0, p->max_tiers * sizeof *fits);
  if (a < p->left - 1e-9 || b > p->right + 1e-9)
    return;
  guint tiers = MIN(p->max_tiers, reach);
  for (guint t = 0; t + m->lines <= tiers; t++) {
    gboolean clear = TRUE;
    for (guint u = t; u < t + m->lines && clear; u++)
      clear = !layout_tier_row_hits(layout_tier_row(s, half, u), a - p->gap, b + p->gap);
    fits[t] = clear && !layout_tier_leader_hits(&s->leaders[half], a - LAYOUT_TIER_LEADER_CLEAR,
                                                b + LAYOUT_TIER_LEADER_CLEAR, t);
    /* Its own leader, on its way out past tier t. */
    if (layout_tier_row_hits(layout_tier_row(s, half, t), lx - LAYOUT_TIER_LEADER_CLEAR,
                             lx + LAYOUT_TIER_LEADER_CLEAR))
      return;
  }
}

/* How far out a label at (@half, @t) with @lines lines reaches, as one rank over both
 * halves (above 0, below 0, above 1, ...): what the chart pays in height. */
static guint layout_tier_rank(const LayoutTierState *s, LayoutTierHalf half, guint t, guint lines)
{
  return (t + lines - 1) * s->halves + (half == LAYOUT_TIER_ABOVE ? 1 : 0);
}

/* Whether a marker not yet placed (index in [from, to)) lies under [a, b]. */
static gboolean layout_tier_covers(const LayoutTierMarker *markers, guint from, guint to,
                                   double a, double b)
{
  for (guint j = from; j < to; j++)
    if (markers[j].x >= a - LAYOUT_TIER_LEADER_CLEAR && markers[j].x <= b + LAYOUT_TIER_LEADER_CLEAR)
      return TRUE;
  return FALSE;
}

/* The unplaced markers a label of marker @k can reach, when markers are placed from one
 * end of [lo, hi): those within one label width on the side not yet placed. */
static void layout_tier_unplaced(const LayoutTierMarker *markers, guint lo, guint hi, guint k,
                                 gboolean right_to_left, double reach, guint *from, guint *to)
{
  if (right_to_left) {
    guint j = k;
    while (j > lo && k - j < LAYOUT_TIER_MAX_SCAN && markers[k].x - markers[j - 1].x <= reach)
      j--;
    *from = j;
    *to = k;
  } else {
    guint j = k + 1;
    while (j < hi && j - k <= LAYOUT_TIER_MAX_SCAN && markers[j].x - markers[k].x <= reach)
      j++;
    *from = k + 1;
    *to = j;
  }
}

/* A place a label could take, with what it costs. */
typedef struct {
  LayoutTierPlace place;
  double cost;
  gboolean covers; /* next to the track, over another marker (layout_tier_place_covers) */
} LayoutTierCandidate;

/* Every place where marker @k's label fits now with its last line inside the first
 * @reach[half] tiers of its half, cheapest first: rank (the chart's height), then a
 * label that leaves the leaders of the markers placed after it free, then the right
 * side. Returns how many (at most 4 * max_tiers). */
static guint layout_tier_candidates(LayoutTierState *s, guint k, const guint reach[2],
                                    LayoutTierCandidate *out)
{
  const LayoutTierParams *p = s->p;
  const LayoutTierMarker *m = &s->markers[k];
  const LayoutTierSide *sides = &s->sides[2 * (k - s->lo)];
  guint count = 0;
  /* Below the track first: a label hangs from it like a flag. */
  static const LayoutTierHalf halves[2] = {LAYOUT_TIER_BELOW, LAYOUT_TIER_ABOVE};
  gboolean fits_here[2 * 8];
  gboolean *fits = p->max_tiers <= 8 ? fits_here : g_new(gboolean, 2 * p->max_tiers);
  for (guint hi = 0; hi < s->halves; hi++) {
    LayoutTierHalf h = halves[hi];
    for (int left = 0; left < 2; left++)
      layout_tier_fits(s, m, h, sides[left].a, sides[left].lx, reach[h],
                       fits + left * p->max_tiers);
    /* Candidates in this order (tier, then side) so that equal costs keep it. */
    for (guint t = 0; t < p->max_tiers; t++) {
      for (int left = 0; left < 2; left++) {
        if (!fits[left * p->max_tiers + t])
          continue;
        /* Over another marker next to the track: dearer than the other half's same
         * tier, cheaper than a tier further out. */
        const LayoutTierSide *side = &sides[left];
        LayoutTierPlace here = {h, t, left, side->a};
        gboolean covers = t == 0 && side->over_marker;
        double cost = 4.0 * layout_tier_rank(s, h, t, m->lines) + (left ? 1 : 0) +
                      (side->over_unplaced ? 3 : 0) + (covers ? 5 : 0);
        guint i = count++;
        for (; i > 0 && out[i - 1].cost > cost; i--)
          out[i] = out[i - 1];
        out[i] = (LayoutTierCandidate){here, cost, covers};
      }
    }
  }
  if (fits != fits_here)
    g_free(fits);
  return count;
}

static void layout_tier_commit(LayoutTierState *s, const LayoutTierMarker *m,
                               const LayoutTierPlace *pl)
{
  for (guint u = pl->tier; u < pl->tier + m->lines; u++)
    layout_tier_row_add(layout_tier_row(s, pl->half, u), pl->a, pl->a + m->w);
  double lx = pl->left ? m->x : m->x + m->spread;
  /* Along its stack to the last line. */
  layout_tier_leader_add(&s->leaders[pl->half], (LayoutTierLeader){lx, pl->tier + m->lines - 1});
}

static void layout_tier_undo(LayoutTierState *s, const LayoutTierMarker *m,
                             const LayoutTierPlace *pl)
{
  for (guint u = pl->tier; u < pl->tier + m->lines; u++)
    layout_tier_row_remove(layout_tier_row(s, pl->half, u), pl->a);
  layout_tier_leader_remove(&s->leaders[pl->half], pl->left ? m->x : m->x + m->spread,
                            pl->tier + m->lines - 1);
}

/* A state for placing markers [lo, hi) one by one from the left end, or from the right
 * when @right_to_left: which markers are yet to come decides each side's over_unplaced. */
static void layout_tier_state_init(LayoutTierState *s, const LayoutTierParams *p,
                                   const LayoutTierMarker *markers, guint lo, guint hi,
                                   gboolean right_to_left)
{
  *s = (LayoutTierState){.p = p, .markers = markers, .lo = lo, .hi = hi, .halves = p->above ? 2 : 1};
  guint n_rows = 2 * MAX(p->max_tiers, 1);
  s->rows = g_new0(LayoutTierRow, n_rows);
  s->sides = g_new(LayoutTierSide, 2 * (hi - lo));
  for (guint k = lo; k < hi; k++) {
    const LayoutTierMarker *m = &markers[k];
    guint from, to;
    layout_tier_unplaced(markers, lo, hi, k, right_to_left, m->w + p->flag_gap, &from, &to);
    for (int left = 0; left < 2; left++) {
      double lx = left ? m->x : m->x + m->spread;
      double a = left ? lx - p->flag_gap - m->w : lx + p->flag_gap;
      s->sides[2 * (k - lo) + left] = (LayoutTierSide){
          .a = a,
          .lx = lx,
          .over_unplaced = layout_tier_covers(markers, from, to, a, a + m->w),
          .over_marker = layout_tier_over_marker(p, markers, lo, hi, m, a, a + m->w),
      };
    }
  }
}

static void layout_tier_state_clear(LayoutTierState *s)
{
  for (guint i = 0; i < 2 * MAX(s->p->max_tiers, 1); i++)
    g_free(s->rows[i].v);
  g_free(s->rows);
  g_free(s->sides);
  for (guint h = 0; h < 2; h++)
    g_free(s->leaders[h].v);
}

/* How a placement of markers [lo, hi) compares (lower is better, in this order): how
 * many are listed, how many tiers it takes on both halves, how many labels next to the
 * track lie over another marker (visual review 1, item 2), how far out its labels lie. */
typedef struct {
  guint listed, tiers;
  guint covers;
  guint sum;
} LayoutTierScore;

static gboolean layout_tier_score_less(const LayoutTierScore *a, const LayoutTierScore *b)
{
  if (a->listed != b->listed)
    return a->listed < b->listed;
  if (a->tiers != b->tiers)
    return a->tiers < b->tiers;
  if (a->covers != b->covers)
    return a->covers < b->covers;
  return a->sum < b->sum;
}

static LayoutTierScore layout_tier_score(const LayoutTierParams *p, const LayoutTierMarker *markers,
                                         guint lo, guint hi, const LayoutTierPlace *pl)
{
  LayoutTierScore sc = {0};
  guint used[2] = {0, 0};
  for (guint i = lo; i < hi; i++) {
    if (pl[i].half == LAYOUT_TIER_LISTED) {
      sc.listed++;
      continue;
    }
    used[pl[i].half] = MAX(used[pl[i].half], pl[i].tier + markers[i].lines);
    sc.sum += pl[i].tier;
    sc.covers += layout_tier_place_covers(p, markers, lo, hi, &markers[i], &pl[i]);
  }
  sc.tiers = used[0] + used[1];
  return sc;
}

/* One greedy pass over markers [lo, hi) from one end, each at its cheapest place. */
static void layout_tier_greedy(const LayoutTierMarker *markers, guint lo, guint hi,
                               const LayoutTierParams *p, gboolean right_to_left,
                               LayoutTierPlace *out)
{
  LayoutTierState s;
  layout_tier_state_init(&s, p, markers, lo, hi, right_to_left);
  LayoutTierCandidate *cands = g_new(LayoutTierCandidate, 4 * MAX(p->max_tiers, 1));
  static const guint anywhere[2] = {G_MAXUINT, G_MAXUINT};
  for (guint i = lo; i < hi; i++) {
    guint k = right_to_left ? hi - 1 - (i - lo) : i;
    if (layout_tier_candidates(&s, k, anywhere, cands) > 0) {
      out[k] = cands[0].place;
      layout_tier_commit(&s, &markers[k], &out[k]);
    } else {
      out[k] = (LayoutTierPlace){LAYOUT_TIER_LISTED, 0, FALSE, 0};
    }
  }
  g_free(cands);
  layout_tier_state_clear(&s);
}

/* A depth-first search over the places of markers [lo, hi), left to right, for a
 * better placement than the best so far; it gives up after a bounded number of steps,
 * keeping the best it found. */
typedef struct {
  const LayoutTierMarker *markers;
  guint lo, hi;
  LayoutTierState state;
  LayoutTierPlace *cur, *best;
  LayoutTierScore best_score;
  guint used[2]; /* tiers used so far on each half */
  LayoutTierScore partial;
  gulong steps, max_steps;
} LayoutTierSearch;

/* Steps the search may take per cluster: enough for the dozen crowded milestones of a
 * real CV to be searched through, bounded so that a hostile one costs milliseconds;
 * and the largest cluster searched at all (the search recurses once per marker). */
#define LAYOUT_TIER_MAX_STEPS 50000
#define LAYOUT_TIER_MAX_SEARCHED 48

/* Takes one step into a branch whose fixed part scores se->partial with se->used:
 * FALSE when the steps are spent or nothing in the branch can beat the best so far.
 * Checked before a candidate is committed, so that the many branches that end here cost
 * no commit. */
/* What the places fixed so far score. */
static LayoutTierScore layout_tier_now(const LayoutTierSearch *se)
{
  LayoutTierScore now = se->partial;
  now.tiers = se->used[0] + se->used[1];
  return now;
}

static gboolean layout_tier_enter(LayoutTierSearch *se)
{
  if (++se->steps > se->max_steps)
    return FALSE;
  LayoutTierScore now = layout_tier_now(se);
  return layout_tier_score_less(&now, &se->best_score);
}

/* How far out, on each half, the next label may reach and its branch still beat the
 * best: with as many listed as the best, no further than the best's tiers allow (the
 * other half keeps what it uses); with fewer listed, anywhere. A branch cut here is one
 * layout_tier_enter would refuse, so a search that ends within its steps finds the same
 * best (it just takes fewer steps to). */
static void layout_tier_reach(const LayoutTierSearch *se, guint reach[2])
{
  reach[0] = reach[1] = G_MAXUINT;
  if (se->partial.listed < se->best_score.listed)
    return;
  for (guint h = 0; h < 2; h++) {
    guint other = se->used[1 - h];
    reach[h] = se->best_score.tiers > other ? se->best_score.tiers - other : 0;
  }
}

/* Searches the places of markers [k, hi) under the fixed places of [lo, k), entered by
 * layout_tier_enter. */
static void layout_tier_search(LayoutTierSearch *se, guint k)
{
  if (k == se->hi) {
    se->best_score = layout_tier_now(se);
    memcpy(se->best + se->lo, se->cur + se->lo, (se->hi - se->lo) * sizeof *se->cur);
    return;
  }
  const LayoutTierMarker *m = &se->markers[k];
  const LayoutTierParams *p = se->state.p;
  LayoutTierCandidate cands[4 * 8];
  LayoutTierCandidate *c = p->max_tiers <= 8 ? cands : g_new(LayoutTierCandidate, 4 * p->max_tiers);
  guint reach[2];
  layout_tier_reach(se, reach);
  guint count = layout_tier_candidates(&se->state, k, reach, c);
  for (guint i = 0; i < count && se->steps <= se->max_steps; i++) {
    const LayoutTierPlace *pl = &c[i].place;
    guint saved[2] = {se->used[0], se->used[1]};
    se->used[pl->half] = MAX(se->used[pl->half], pl->tier + m->lines);
    se->partial.sum += pl->tier;
    se->partial.covers += c[i].covers;
    if (layout_tier_enter(se)) {
      se->cur[k] = *pl;
      layout_tier_commit(&se->state, m, pl);
      layout_tier_search(se, k + 1);
      layout_tier_undo(&se->state, m, pl);
    }
    se->partial.sum -= pl->tier;
    se->partial.covers -= c[i].covers;
    se->used[0] = saved[0];
    se->used[1] = saved[1];
  }
  if (c != cands)
    g_free(c);
  /* Listing it is always possible, and the dearest choice. */
  se->cur[k] = (LayoutTierPlace){LAYOUT_TIER_LISTED, 0, FALSE, 0};
  se->partial.listed++;
  if (layout_tier_enter(se))
    layout_tier_search(se, k + 1);
  se->partial.listed--;
}

/* Places markers [lo, hi), which reach no label outside them: the better of the two
 * greedy passes, then whatever the bounded search improves on it. */
static void layout_tier_cluster(const LayoutTierMarker *markers, guint lo, guint hi,
                                const LayoutTierParams *p, LayoutTierPlace *out)
{
  LayoutTierPlace *other = g_new(LayoutTierPlace, hi);
  layout_tier_greedy(markers, lo, hi, p, TRUE, out);
  layout_tier_greedy(markers, lo, hi, p, FALSE, other);
  LayoutTierScore a = layout_tier_score(p, markers, lo, hi, out);
  LayoutTierScore b = layout_tier_score(p, markers, lo, hi, other);
  if (layout_tier_score_less(&b, &a)) {
    memcpy(out + lo, other + lo, (hi - lo) * sizeof *out);
    a = b;
  }
  if ((a.listed > 0 || a.tiers > 1) && hi - lo <= LAYOUT_TIER_MAX_SEARCHED) {
    LayoutTierSearch se = {
        .markers = markers,
        .lo = lo,
        .hi = hi,
        .cur = other,
        .best = out,
        .best_score = a,
        .max_steps = LAYOUT_TIER_MAX_STEPS,
    };
    layout_tier_state_init(&se.state, p, markers, lo, hi, FALSE);
    if (layout_tier_enter(&se))
      layout_tier_search(&se, lo);
    layout_tier_state_clear(&se.state);
  }
  g_free(other);
}

guint layout_tiers_used(const LayoutTierMarker *markers, guint n, const LayoutTierPlace *places,
                        LayoutTierHalf half)
{
  guint used = 0;
  for (guint i = 0; i < n; i++)
    if (places[i].half == half)
      used = MAX(used, places[i].tier + markers[i].lines);
  return used;
}

guint layout_tiers_place(const LayoutTierMarker *markers, guint n, const LayoutTierParams *p,
                         LayoutTierPlace *out)
{
  /* Clusters: runs of markers whose labels could reach each other (a label lies within
   * its width and the flag gap of its marker, on either side). A cut before marker i
   * needs every later label's leftmost reach past every earlier one's rightmost: a long
   * label further right can reach back over several short ones. */
  double *reach_lo = g_new(double, n + 1);
  reach_lo[n] = INFINITY;
  for (guint i = n; i-- > 0;)
    reach_lo[i] = MIN(reach_lo[i + 1], markers[i].x - markers[i].w - p->flag_gap - p->gap);
  guint lo = 0;
  double reach_hi = -INFINITY;
  for (guint i = 0; i <= n; i++) {
    if (i > lo && reach_lo[i] > reach_hi) {
      layout_tier_cluster(markers, lo, i, p, out);
      lo = i;
      reach_hi = -INFINITY;
    }
    if (i < n)
      reach_hi = MAX(reach_hi, markers[i].x + markers[i].w + p->flag_gap + p->gap);
  }
  g_free(reach_lo);
  guint listed = 0;
  for (guint i = 0; i < n; i++)
    listed += out[i].half == LAYOUT_TIER_LISTED;
  return listed;
}
