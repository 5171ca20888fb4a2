/* layout_milestones: the milestone track (README "What the chart shows", doc/layout-dump.md):
 * a marker per milestone at the middle of its date (a year-only one mid-year, with its
 * year marked on the track), labels whole on either side of their marker, above and
 * below the track, placed by layout_tiers; milestones of one moment share a stacked
 * label; what finds no room is numbered at its marker and named in a list under the
 * chart. */
#include "layout_private.h"
#include "layout_tiers.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void layout_milestone_clear(gpointer data)
{
  LayoutMilestone *m = data;
  g_free(m->title);
  g_free(m->note);
  g_free(m->url);
  g_free(m->class_name);
}

const char *layout_track_name(const LayoutCtx *ctx)
{
  return lang_word(ctx->scene->lang, LANG_MILESTONES);
}

/* Room between a leader line and its label, between labels in one tier, between the
 * marker and the first tier, and between tiers. */
#define LAYOUT_FLAG_GAP 4.0
#define LAYOUT_TIER_GAP 12.0
#define LAYOUT_TIER_PAD 4.0
#define LAYOUT_TIER_LEADING 3.0
/* Tiers on each half of the track before a label goes to the list: on a page of fixed
 * height every tier costs the whole chart's scale, so few; where the height follows the
 * content a tier costs one line, which is better than a number and a list (visual review
 * 1, item 3). The placement takes as few tiers as it can either way. */
#define LAYOUT_TIERS_PER_HALF 3
#define LAYOUT_TIERS_PER_HALF_AUTO 6
/* ... or, where the height follows the content, as many as the largest stack of one
 * moment has lines, up to this. */
#define LAYOUT_TIERS_MAX_STACK 12
/* Between a milestone's year marked on the track and the next year's, at each end. */
#define LAYOUT_SPAN_INSET 3.0
/* Between two columns of the list, and between a number and its title. */
#define LAYOUT_LIST_COLUMN_GAP 24.0

/* The last day of the span a milestone's date names (its first day is ms->date). */
static DateDay layout_milestone_last(const ModelMilestone *ms)
{
  DateDay last;
  date_named_span(ms->date, ms->precision, NULL, &last);
  return last;
}

/* One marker of the placement: a milestone, or several of one moment whose labels stack. */
typedef struct {
  guint first, count; /* positions [first, first + count) of the milestones in x order */
  double x;           /* the first one's marker */
  double spread;      /* from the first one's marker to the last one's */
} LayoutMoment;

static const double *layout_sort_xs;

static int layout_by_x(const void *a, const void *b)
{
  guint i = *(const guint *)a, j = *(const guint *)b;
  double d = layout_sort_xs[i] - layout_sort_xs[j];
  return d < 0 ? -1 : d > 0 ? 1 : (i > j) - (i < j);
}

/* The milestones' x (the middle of each one's date), their order in x (@order; a
 * year-only date sorts by its middle, not its 1 January), and the moments they form:
 * markers closer than a marker's width read as one moment. */
static GArray *layout_moments(LayoutCtx *ctx, const Timeline *t, double *xs, guint *order)
{
  guint n = t->milestones->len;
  for (guint i = 0; i < n; i++) {
    const ModelMilestone *ms = g_ptr_array_index(t->milestones, i);
    double a = layout_x(ctx, ms->date), b = layout_x(ctx, layout_milestone_last(ms) + 1);
    xs[i] = CLAMP(round((a + b) / 2), ctx->x0, ctx->x1) + 0.5;
    order[i] = i;
  }
  layout_sort_xs = xs;
  qsort(order, n, sizeof *order, layout_by_x);
  layout_sort_xs = NULL;
  GArray *moments = g_array_new(FALSE, FALSE, sizeof(LayoutMoment));
  for (guint p = 0; p < n; p++) {
    double x = xs[order[p]];
    LayoutMoment *last = moments->len ? &g_array_index(moments, LayoutMoment, moments->len - 1) : NULL;
    if (last && x - last->x < ctx->style->milestone.size) {
      last->count++;
      last->spread = x - last->x;
    } else {
      g_array_append_val(moments, ((LayoutMoment){p, 1, x, 0}));
    }
  }
  return moments;
}

/* A listed moment's label: its number, or the range of its numbers ("3–5"), one line. */
static void layout_moment_numbers(char *buf, gsize size, guint first, guint last)
{
  if (first == last)
    g_snprintf(buf, size, "%u", first);
  else
    g_snprintf(buf, size, "%u–%u", first, last);
}

/* Places the moments' labels (each milestone's title, or a listed moment's numbers),
 * until no further one goes to the list: a listed moment's numbers must find their
 * place too. Fills @places (one per moment) and @listed. */
static void layout_milestone_place(LayoutCtx *ctx, GArray *moments, const guint *order,
                                   char **titles, gboolean *listed, LayoutTierPlace *places)
{
  const char *font = ctx->style->milestone.font;
  guint n = moments->len;
  LayoutTierMarker *markers = g_new(LayoutTierMarker, n ? n : 1);
  LayoutTierParams params = {
      .left = ctx->left,
      .right = ctx->right,
      .flag_gap = LAYOUT_FLAG_GAP,
      .gap = LAYOUT_TIER_GAP,
      .max_tiers = LAYOUT_TIERS_PER_HALF,
      .marker = ctx->style->milestone.size,
      .above = TRUE,
  };
  if (ctx->style->page.height <= 0) {
    guint stack = 0;
    for (guint k = 0; k < n; k++)
      stack = MAX(stack, g_array_index(moments, LayoutMoment, k).count);
    params.max_tiers = CLAMP(stack, LAYOUT_TIERS_PER_HALF_AUTO, LAYOUT_TIERS_MAX_STACK);
  }
  /* Each round lists at least one more moment, so this ends. */
  for (;;) {
    for (guint k = 0; k < n; k++) {
      const LayoutMoment *mo = &g_array_index(moments, LayoutMoment, k);
      if (listed[order[mo->first]]) {
        /* Places in x order: never less than the numbers they will have. */
        char num[32];
        layout_moment_numbers(num, sizeof num, mo->first + 1, mo->first + mo->count);
        markers[k] = (LayoutTierMarker){mo->x, layout_text_width(ctx, font, num), 1, mo->spread};
        continue;
      }
      double w = 0;
      for (guint p = mo->first; p < mo->first + mo->count; p++)
        w = MAX(w, layout_text_width(ctx, font, titles[order[p]]));
      markers[k] = (LayoutTierMarker){mo->x, w, mo->count, mo->spread};
    }
    layout_tiers_place(markers, n, &params, places);
    gboolean more = FALSE;
    for (guint k = 0; k < n; k++) {
      const LayoutMoment *mo = &g_array_index(moments, LayoutMoment, k);
      if (places[k].half != LAYOUT_TIER_LISTED)
        continue;
      for (guint p = mo->first; p < mo->first + mo->count; p++) {
        more = more || !listed[order[p]];
        listed[order[p]] = TRUE;
      }
    }
    if (!more)
      break;
  }
  g_free(markers);
}

/* The list under the chart from @y: "N  Title" for every listed milestone, in columns
 * of equal width read down then across; returns the y below it. */
static double layout_milestone_list(LayoutCtx *ctx, const Timeline *t, char **titles,
                                    const gboolean *listed, double y)
{
  const char *font = ctx->style->milestone.font;
  GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
  GArray *index = g_array_new(FALSE, FALSE, sizeof(guint));
  double col_w = 0;
  guint n = t->milestones->len, listed_n = 0;
  guint *by_number = g_new0(guint, n + 1);
  for (guint i = 0; i < n; i++)
    if (listed[i]) {
      by_number[g_array_index(ctx->scene->milestones, LayoutMilestone, i).number - 1] = i;
      listed_n++;
    }
  for (guint k = 0; k < listed_n; k++) {
    guint i = by_number[k];
    const LayoutMilestone *lm = &g_array_index(ctx->scene->milestones, LayoutMilestone, i);
    char *item = g_strdup_printf("%u  %s", lm->number, titles[i]);
    col_w = MAX(col_w, layout_text_width(ctx, font, item));
    g_ptr_array_add(items, item);
    g_array_append_val(index, i);
  }
  g_free(by_number);
  if (items->len == 0) {
    g_ptr_array_unref(items);
    g_array_unref(index);
    return y;
  }
  double inner = ctx->right - ctx->left;
  col_w = MIN(col_w, inner);
  guint cols = MAX(1, (guint)floor((inner + LAYOUT_LIST_COLUMN_GAP) / (col_w + LAYOUT_LIST_COLUMN_GAP)));
  guint rows = (items->len + cols - 1) / cols;
  TextExtents e;
  text_measure(ctx->text, font, "Ag", &e);
  double line_h = ceil(e.height + LAYOUT_TIER_LEADING);
  for (guint k = 0; k < items->len; k++) {
    guint i = g_array_index(index, guint, k);
    LayoutMilestone *lm = &g_array_index(ctx->scene->milestones, LayoutMilestone, i);
    double x = ctx->left + (k / rows) * (col_w + LAYOUT_LIST_COLUMN_GAP);
    double ly = y + (k % rows) * line_h;
    /* Only a title wider than the whole page is shortened: the last resort. */
    char *text = text_fit(ctx->text, font, g_ptr_array_index(items, k), inner);
    if (text && strcmp(text, g_ptr_array_index(items, k)) != 0)
      lm->shown = LAYOUT_SHOWN_SHORTENED;
    if (text)
      layout_text(ctx, LAYOUT_OWNER(MILESTONE, i, LIST_ITEM, 0), font, text, x, ly,
                  ctx->style->milestone.label_color);
    g_free(text);
  }
  g_ptr_array_unref(items);
  g_array_unref(index);
  return y + rows * line_h - LAYOUT_TIER_LEADING;
}

/* The milestone's record, copied from the model. */
static LayoutMilestone *layout_milestone_record(LayoutCtx *ctx, const ModelMilestone *ms, double x,
                                                double y)
{
  LayoutMilestone *lm = layout_scene_add_milestone(ctx->scene);
  lm->date = ms->date;
  lm->precision = ms->precision;
  lm->approximate = ms->approximate;
  lm->title = g_strdup(ms->title);
  lm->note = g_strdup(ms->note);
  lm->url = g_strdup(ms->url);
  lm->class_name = g_strdup(ms->class_name);
  lm->line = ms->line;
  lm->column = ms->column;
  lm->x = x;
  lm->y = y;
  return lm;
}

/* The marker of milestone @i, and its date's span on the track where it is longer than a
 * month (a year-only milestone is drawn for its year, not on 1 January). */
static void layout_milestone_marker(LayoutCtx *ctx, const ModelMilestone *ms, guint i, double x,
                                    double base_y)
{
  const Style *st = ctx->style;
  double size = st->milestone.size;
  const StylePaint *cls = ms->class_name ? style_class(st, ms->class_name) : NULL;
  StyleColor color = cls && (cls->set & STYLE_PAINT_COLOR) ? cls->color : st->milestone.color;
  if (ms->precision == DATE_PREC_YEAR || ms->precision == DATE_PREC_SEASON ||
      ms->precision == DATE_PREC_ACADEMIC) {
    double a = MAX(ctx->x0, round(layout_x(ctx, ms->date)));
    double b = MIN(ctx->x1, round(layout_x(ctx, layout_milestone_last(ms) + 1)));
    /* Inset at both ends, so that the years of milestones in successive years read as
     * years apart rather than as one long period. */
    if (b - a > size + 2 * LAYOUT_SPAN_INSET)
      layout_line(ctx, LAYER_BARS, LAYOUT_OWNER(MILESTONE, i, SPAN, 0), a + LAYOUT_SPAN_INSET, base_y,
                  b - LAYOUT_SPAN_INSET, base_y, layout_with_alpha(color, 0.3), 3);
  }
  LayoutShape marker = {
      .kind = st->milestone.shape == STYLE_SHAPE_CIRCLE   ? LAYOUT_SHAPE_CIRCLE
              : st->milestone.shape == STYLE_SHAPE_SQUARE ? LAYOUT_SHAPE_RECT
                                                          : LAYOUT_SHAPE_DIAMOND,
      .owner = LAYOUT_OWNER(MILESTONE, i, MARKER, 0),
      .x = x - size / 2,
      .y = base_y - size / 2,
      .w = size,
      .h = size,
      .fill = color,
  };
  layout_push(ctx, LAYER_BARS, &marker);
}

/* The track's name in the left column, level with the hairline at @base_y, like a
 * group's name beside its lanes (visual review 1, item 15); not where the column is
 * too narrow for it whole or a milestone label (@boxes) reaches into it there. */
static void layout_track_label(LayoutCtx *ctx, double base_y, const GArray *boxes)
{
  const Style *st = ctx->style;
  if (st->group.label != STYLE_GROUP_LABEL_LEFT)
    return;
  const char *name = layout_track_name(ctx);
  TextExtents e;
  text_measure(ctx->text, st->group.font, name, &e);
  if (e.width > ctx->x0 - ctx->left - LAYOUT_COLUMN_GAP + 0.01)
    return;
  double y = round(base_y - e.height / 2 + e.baseline) - e.baseline;
  LayoutBox mine = {ctx->left, y, e.width, e.height};
  for (guint k = 0; k < boxes->len; k++) {
    const LayoutBox *b = &g_array_index(boxes, LayoutBox, k);
    if (b->x < mine.x + mine.w + LAYOUT_TIER_GAP && b->x + b->w > mine.x && b->y < mine.y + mine.h &&
        b->y + b->h > mine.y)
      return;
  }
  layout_text(ctx, LAYOUT_OWNER(TRACK, 0, LABEL, 0), st->group.font, name, ctx->left, y,
              st->group.color);
}

/* The milestone track from @y: the labels above it, the hairline with the markers, the
 * labels below it. Returns the y below it. What the list under the chart needs is handed
 * to the caller (owned) for layout_milestones_list. */
double layout_milestones(LayoutCtx *ctx, const Timeline *t, double y, gboolean **listed_out,
                         char ***titles_out)
{
  const Style *st = ctx->style;
  guint n = t->milestones->len;
  double size = st->milestone.size;
  double *xs = g_new(double, n);
  char **titles = g_new0(char *, n + 1);
  gboolean *listed = g_new0(gboolean, n);
  for (guint i = 0; i < n; i++)
    titles[i] = g_strdup(((const ModelMilestone *)g_ptr_array_index(t->milestones, i))->title);
  guint *order = g_new(guint, n ? n : 1);
  GArray *moments = layout_moments(ctx, t, xs, order);
  LayoutTierPlace *places = g_new(LayoutTierPlace, moments->len ? moments->len : 1);
  layout_milestone_place(ctx, moments, order, titles, listed, places);

  guint above = 0, below = 0;
  for (guint k = 0; k < moments->len; k++) {
    const LayoutMoment *mo = &g_array_index(moments, LayoutMoment, k);
    guint reach = places[k].tier + (listed[order[mo->first]] ? 1 : mo->count);
    if (places[k].half == LAYOUT_TIER_ABOVE)
      above = MAX(above, reach);
    else if (places[k].half == LAYOUT_TIER_BELOW)
      below = MAX(below, reach);
  }
  TextExtents e;
  text_measure(ctx->text, st->milestone.font, "Ag", &e);
  double tier_h = ceil(e.height + LAYOUT_TIER_LEADING);
  double top_room = above ? above * tier_h - LAYOUT_TIER_LEADING + LAYOUT_TIER_PAD : 0;
  double base_y = round(y + top_room + size / 2 + 2) + 0.5;
  layout_line(ctx, LAYER_BACK, LAYOUT_OWNER(TRACK, 0, TRACK, 0), ctx->x0, base_y, ctx->x1, base_y,
              layout_with_alpha(st->axis.color, 0.5), 1);
  for (guint i = 0; i < n; i++) {
    LayoutMilestone *lm = layout_milestone_record(ctx, g_ptr_array_index(t->milestones, i), xs[i], base_y);
    lm->shown = listed[i] ? LAYOUT_SHOWN_LISTED : LAYOUT_SHOWN_WHOLE;
    layout_milestone_marker(ctx, g_ptr_array_index(t->milestones, i), i, xs[i], base_y);
  }
  /* Numbered as they are read, left to right. */
  guint number = 0;
  for (guint p = 0; p < n; p++)
    if (listed[order[p]])
      g_array_index(ctx->scene->milestones, LayoutMilestone, order[p]).number = ++number;

  StyleColor leader_color = layout_with_alpha(st->axis.color, 0.7);
  GArray *boxes = g_array_new(FALSE, FALSE, sizeof(LayoutBox)); /* the labels drawn */
  for (guint k = 0; k < moments->len; k++) {
    const LayoutMoment *mo = &g_array_index(moments, LayoutMoment, k);
    const LayoutTierPlace *pl = &places[k];
    if (pl->half == LAYOUT_TIER_LISTED)
      continue; /* cannot happen: a listed number is placed in the last round */
    gboolean up = pl->half == LAYOUT_TIER_ABOVE;
    /* The first line's top, then each further line outwards from the track. */
    double first = up ? base_y - size / 2 - LAYOUT_TIER_PAD - e.height - pl->tier * tier_h
                      : base_y + size / 2 + LAYOUT_TIER_PAD + pl->tier * tier_h;
    /* The leader runs on along a stack of labels to its outermost line, so that every
     * line of the stack hangs from it (spec/visual.md "Milestones"). */
    guint lines = listed[order[mo->first]] ? 1 : mo->count;
    double outer = up ? first - (lines - 1) * tier_h : first + (lines - 1) * tier_h;
    double leader_end = up ? outer + e.height * 0.25 : outer + e.height * 0.75;
    /* Above the grid, so a milestone on 1 January keeps its leader visible. */
    double lx = pl->left ? mo->x : mo->x + mo->spread;
    guint anchor = order[pl->left ? mo->first : mo->first + mo->count - 1];
    layout_line(ctx, LAYER_BARS, LAYOUT_OWNER(MILESTONE, anchor, LEADER, 0), lx,
                up ? base_y - size / 2 : base_y + size / 2, lx, leader_end, leader_color, 1);
    gboolean numbers = listed[order[mo->first]];
    for (guint j = 0; j < (numbers ? 1 : mo->count); j++) {
      guint i = order[mo->first + j];
      char num[32];
      layout_moment_numbers(num, sizeof num,
                            g_array_index(ctx->scene->milestones, LayoutMilestone, i).number,
                            g_array_index(ctx->scene->milestones, LayoutMilestone,
                                          order[mo->first + mo->count - 1]).number);
      const char *text = numbers ? num : titles[i];
      double w = layout_text_width(ctx, st->milestone.font, text);
      double x = pl->left ? lx - LAYOUT_FLAG_GAP - w : lx + LAYOUT_FLAG_GAP;
      double ly = up ? first - j * tier_h : first + j * tier_h;
      LayoutBox box = layout_text(ctx, LAYOUT_OWNER(MILESTONE, i, LABEL, 0), st->milestone.font,
                                  text, x, ly, st->milestone.label_color);
      g_array_append_val(boxes, box);
      LayoutMilestone *lm = &g_array_index(ctx->scene->milestones, LayoutMilestone, i);
      lm->tier = pl->tier + j;
      lm->above = up;
      lm->left = pl->left;
    }
  }
  layout_track_label(ctx, base_y, boxes);
  g_array_unref(boxes);
  g_free(places);
  g_array_unref(moments);
  g_free(order);
  g_free(xs);
  *listed_out = listed;
  *titles_out = titles;
  return base_y + size / 2 + (below ? LAYOUT_TIER_PAD + below * tier_h - LAYOUT_TIER_LEADING : 2);
}

double layout_milestones_list(LayoutCtx *ctx, const Timeline *t, gboolean *listed, char **titles,
                              double y)
{
  double bottom = layout_milestone_list(ctx, t, titles, listed, y);
  g_strfreev(titles);
  g_free(listed);
  return bottom;
}
