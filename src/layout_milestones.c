/* layout_milestones: the milestone track (spec/visual.md "Milestones"): a marker per
 * milestone and labels hanging below in as few tiers as keep them and their leaders apart. */
#include "layout_private.h"

#include <math.h>

void layout_milestone_clear(gpointer data)
{
  LayoutMilestone *m = data;
  g_free(m->title);
  g_free(m->note);
  g_free(m->url);
  g_free(m->class_name);
}

/* Room between a leader line and its label, and between labels in one tier. */
#define LAYOUT_FLAG_GAP 4.0
#define LAYOUT_TIER_GAP 12.0
/* Narrower than this, a milestone label shortened to fit beside the page's edge is not
 * worth drawing there. */
#define LAYOUT_MIN_FLAG 60.0

/* A milestone label while tiers are chosen: its span and its marker's x. */
typedef struct {
  double a, b, x;
} LayoutTierLabel;

typedef struct {
  double x;
  guint depth; /* the tier its label hangs in: the leader runs down to there */
} LayoutLeader;

/* Labels and leaders placed so far. Placement goes right to left, so both arrays hold
 * markers in order of decreasing x, and a scan from the newest can stop early. */
typedef struct {
  GArray *tiers[LAYOUT_MAX_TIERS]; /* of LayoutTierLabel */
  GArray *leaders;                 /* of LayoutLeader */
  double reach;                    /* no label lies further than this from its marker */
} LayoutTiers;

/* Whether a label in tier @t comes within @margin of [a, b]. */
static gboolean layout_tier_hits(const LayoutTiers *s, guint t, double a, double b, double margin)
{
  const GArray *arr = s->tiers[t];
  for (guint i = arr->len; i-- > 0;) {
    const LayoutTierLabel *l = &g_array_index(arr, LayoutTierLabel, i);
    if (l->x - s->reach > b + margin)
      break; /* this one and all older ones lie further right */
    if (l->a < b + margin && a < l->b + margin)
      return TRUE;
  }
  return FALSE;
}

/* Whether a placed leader runs down through [a, b] in tier @t. */
static gboolean layout_leader_hits(const LayoutTiers *s, guint t, double a, double b)
{
  for (guint i = s->leaders->len; i-- > 0;) {
    const LayoutLeader *l = &g_array_index(s->leaders, LayoutLeader, i);
    if (l->x > b + 2)
      break;
    if (l->x >= a - 2 && l->depth >= t)
      return TRUE;
  }
  return FALSE;
}

/* Whether a leader at @x running down to tier @t would strike through a label above. */
static gboolean layout_column_blocked(const LayoutTiers *s, guint t, double x)
{
  for (guint k = 0; k < t; k++)
    if (layout_tier_hits(s, k, x - 2, x + 2, 0))
      return TRUE;
  return FALSE;
}

/* A milestone's label, once placed. */
typedef struct {
  char *text; /* owned; NULL: no label */
  double w, a;
  gint tier;
} LayoutFlag;

/* Whether a marker other than @k lies within [a, b] (@xs sorted). */
static gboolean layout_covers_marker(const double *xs, guint n, guint k, double a, double b)
{
  guint lo = 0, hi = n;
  while (lo < hi) { /* the first marker at or right of a - 2 */
    guint mid = lo + (hi - lo) / 2;
    if (xs[mid] < a - 2)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (guint j = lo; j < n && xs[j] <= b + 2; j++)
    if (j != k)
      return TRUE;
  return FALSE;
}

/* A flag on @side (0: right of the leader, 1: left) for @text, shortened to the room
 * there when @shorten; FALSE when it does not fit. */
static gboolean layout_flag_on(LayoutCtx *ctx, const char *text, double w, double x, guint side,
                               gboolean shorten, LayoutFlag *out)
{
  double room = side == 0 ? ctx->right - x - LAYOUT_FLAG_GAP : x - LAYOUT_FLAG_GAP - ctx->left;
  char *fitted = NULL;
  if (w <= room)
    fitted = g_strdup(text);
  else if (shorten && room >= LAYOUT_MIN_FLAG)
    fitted = text_fit(ctx->text, ctx->style->milestone.font, text, room);
  if (!fitted)
    return FALSE;
  double fw = layout_text_width(ctx, ctx->style->milestone.font, fitted);
  *out = (LayoutFlag){fitted, fw, side == 0 ? x + LAYOUT_FLAG_GAP : x - LAYOUT_FLAG_GAP - fw, -1};
  return TRUE;
}

/* The ways milestone @k's label can hang, with their rank (lower is better): whole to
 * the right of its leader, or whole to the left where that covers no other marker (rank
 * 0); shortened to the right (1); to the left over other markers, whole or shortened (2). */
static guint layout_flag_candidates(LayoutCtx *ctx, const char *text, double w, const double *xs,
                                    guint n, guint k, LayoutFlag out[4], guint ranks[4])
{
  guint count = 0;
  LayoutFlag left;
  gboolean left_whole = layout_flag_on(ctx, text, w, xs[k], 1, FALSE, &left);
  if (layout_flag_on(ctx, text, w, xs[k], 0, FALSE, &out[count]))
    ranks[count++] = 0;
  if (left_whole && !layout_covers_marker(xs, n, k, left.a, left.a + left.w)) {
    ranks[count] = 0;
    out[count++] = left;
    left_whole = FALSE;
  }
  if (layout_flag_on(ctx, text, w, xs[k], 0, TRUE, &out[count]))
    ranks[count++] = 1;
  if (left_whole) {
    ranks[count] = 2;
    out[count++] = left;
  } else if (layout_flag_on(ctx, text, w, xs[k], 1, TRUE, &out[count])) {
    ranks[count++] = 2;
  }
  return count;
}

/* The shallowest tier where a label over [a, b] touches no other label, no leader runs
 * through it, and the leader at @x strikes through no label on its way down; -1: none. */
static gint layout_flag_tier(const LayoutTiers *s, double x, double a, double b)
{
  for (guint t = 0; t < LAYOUT_MAX_TIERS; t++) {
    if (layout_column_blocked(s, t, x))
      return -1; /* deeper tiers would cross the same label */
    if (!layout_tier_hits(s, t, a, b, LAYOUT_TIER_GAP) && !layout_leader_hits(s, t, a, b))
      return (gint)t;
  }
  return -1;
}

/* Chooses milestone @k's side and tier (visual.md "Milestones": no two labels touch, and
 * leaders stay clear of labels): the best-ranked candidate that has a tier, the
 * shallowest tier among equals, the right side on a tie. */
static void layout_place_flag(LayoutCtx *ctx, LayoutTiers *s, const char *text, const double *xs,
                              guint n, guint k, LayoutFlag *out)
{
  double w = layout_text_width(ctx, ctx->style->milestone.font, text);
  LayoutFlag cands[4];
  guint ranks[4];
  guint count = layout_flag_candidates(ctx, text, w, xs, n, k, cands, ranks);
  gint best = -1, best_tier = -1;
  for (guint i = 0; i < count; i++) {
    gint tier = layout_flag_tier(s, xs[k], cands[i].a, cands[i].a + cands[i].w);
    if (tier < 0)
      continue;
    if (best < 0 || ranks[i] < ranks[best] || (ranks[i] == ranks[best] && tier < best_tier)) {
      best = (gint)i;
      best_tier = tier;
    }
  }
  *out = (LayoutFlag){NULL, 0, 0, -1};
  if (best >= 0) {
    *out = cands[best];
    out->tier = best_tier;
    cands[best].text = NULL;
    LayoutTierLabel label = {out->a, out->a + out->w, xs[k]};
    g_array_append_val(s->tiers[best_tier], label);
    LayoutLeader leader = {xs[k], (guint)best_tier};
    g_array_append_val(s->leaders, leader);
  }
  for (guint i = 0; i < count; i++)
    g_free(cands[i].text);
}

/* The widest a milestone label may be: a third of the page, so that one label cannot
 * fill a tier (but never under 200 px where the page has them). */
static double layout_milestone_max_width(const LayoutCtx *ctx)
{
  double inner = ctx->right - ctx->left;
  return MAX(inner / 3, MIN(inner, 200));
}

/* Places every milestone's label, right to left (@flags[k] for marker k at @xs[k]). */
static void layout_milestone_flags(LayoutCtx *ctx, guint n, const double *xs, char **texts,
                                   LayoutFlag *flags)
{
  LayoutTiers s = {.leaders = g_array_new(FALSE, FALSE, sizeof(LayoutLeader))};
  for (guint t = 0; t < LAYOUT_MAX_TIERS; t++)
    s.tiers[t] = g_array_new(FALSE, FALSE, sizeof(LayoutTierLabel));
  s.reach = layout_milestone_max_width(ctx) + LAYOUT_FLAG_GAP;
  for (guint k = n; k-- > 0;) {
    flags[k] = (LayoutFlag){NULL, 0, 0, -1};
    if (texts[k])
      layout_place_flag(ctx, &s, texts[k], xs, n, k, &flags[k]);
  }
  for (guint t = 0; t < LAYOUT_MAX_TIERS; t++)
    g_array_unref(s.tiers[t]);
  g_array_unref(s.leaders);
}

/* The milestone track from @y: a hairline, a marker per milestone, and labels hanging
 * below in as many tiers as keep them apart. Returns the y below it. */
double layout_milestones(LayoutCtx *ctx, const Timeline *t, double y)
{
  const Style *st = ctx->style;
  guint n = t->milestones->len;
  if (n == 0)
    return y;
  double size = st->milestone.size;
  double base_y = round(y + size / 2 + 2) + 0.5;
  layout_line(ctx, LAYER_BACK, LAYOUT_OWNER(TRACK, 0, TRACK, 0), ctx->x0, base_y, ctx->x1, base_y,
              layout_with_alpha(st->axis.color, 0.5), 1);
  TextExtents e;
  text_measure(ctx->text, st->milestone.font, "Ag", &e);
  double tier_h = e.height + 4;
  double first_tier_y = base_y + size / 2 + 5;
  double *xs = g_new(double, n);
  char **texts = g_new0(char *, n);
  LayoutFlag *flags = g_new(LayoutFlag, n);
  for (guint i = 0; i < n; i++) {
    const ModelMilestone *ms = g_ptr_array_index(t->milestones, i);
    xs[i] = round(layout_x(ctx, ms->date)) + 0.5;
    char *title = layout_clean_text(ms->title);
    texts[i] = text_fit(ctx->text, st->milestone.font, title, layout_milestone_max_width(ctx));
    g_free(title);
  }
  layout_milestone_flags(ctx, n, xs, texts, flags);

  guint tiers_used = 0;
  for (guint i = 0; i < n; i++) {
    const ModelMilestone *ms = g_ptr_array_index(t->milestones, i);
    LayoutMilestone *lm = layout_scene_add_milestone(ctx->scene);
    lm->date = ms->date;
    lm->precision = ms->precision;
    lm->approximate = ms->approximate;
    lm->title = layout_clean_text(ms->title);
    lm->note = g_strdup(ms->note);
    lm->url = layout_link_url(ms->url);
    lm->class_name = g_strdup(ms->class_name);
    lm->x = xs[i];
    lm->y = base_y;
    const StylePaint *cls = ms->class_name ? style_class(st, ms->class_name) : NULL;
    LayoutShape marker = {
        .kind = st->milestone.shape == STYLE_SHAPE_CIRCLE   ? LAYOUT_SHAPE_CIRCLE
                : st->milestone.shape == STYLE_SHAPE_SQUARE ? LAYOUT_SHAPE_RECT
                                                            : LAYOUT_SHAPE_DIAMOND,
        .owner = LAYOUT_OWNER(MILESTONE, i, MARKER, 0),
        .x = lm->x - size / 2,
        .y = base_y - size / 2,
        .w = size,
        .h = size,
        .fill = cls && (cls->set & STYLE_PAINT_COLOR) ? cls->color : st->milestone.color,
    };
    layout_push(ctx, LAYER_BARS, &marker);
    const LayoutFlag *flag = &flags[i];
    if (flag->tier >= 0) {
      guint tier = (guint)flag->tier;
      tiers_used = MAX(tiers_used, tier + 1);
      double ly = first_tier_y + tier * tier_h;
      /* Above the grid, so a milestone on 1 January keeps its leader visible. */
      layout_line(ctx, LAYER_BARS, LAYOUT_OWNER(MILESTONE, i, LEADER, 0), lm->x, base_y + size / 2,
                  lm->x, ly + e.height * 0.75, layout_with_alpha(st->axis.color, 0.7), 1);
      layout_text(ctx, LAYOUT_OWNER(MILESTONE, i, LABEL, 0), st->milestone.font, flag->text,
                  flag->a, ly, st->milestone.label_color);
      lm->tier = tier;
    }
    g_free(flags[i].text);
    g_free(texts[i]);
  }
  g_free(flags);
  g_free(texts);
  g_free(xs);
  return first_tier_y + tiers_used * tier_h;
}
