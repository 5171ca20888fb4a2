/* layout_labels: an entry's bars in x and where its label goes (README "What the chart
 * shows"): inside the widest bar, beside it, shortened, or for roles one label per segment;
 * the span the entry then occupies in its lane. */
#include "layout_private.h"

#include <math.h>
#include <string.h>

double layout_bar_x0(const LayoutItem *item, guint i)
{
  return g_array_index(item->xs, double, 2 * i);
}

double layout_bar_x1(const LayoutItem *item, guint i)
{
  return g_array_index(item->xs, double, 2 * i + 1);
}

/* Pixel extents of each bar: whole pixels, at least 3 px wide so a short stay shows. */
void layout_item_bars(LayoutCtx *ctx, LayoutItem *item)
{
  item->xs = g_array_new(FALSE, FALSE, sizeof(double));
  for (guint i = 0; i < item->te->bars->len; i++) {
    const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
    double x0 = round(layout_x(ctx, bar->start));
    double x1 = round(layout_x(ctx, bar->end + 1));
    if (x1 - x0 < 3)
      x1 = x0 + 3;
    if (x1 > ctx->x1) {
      x1 = MAX(ctx->x1, x0 + 1);
      x0 = MIN(x0, x1 - 3);
    }
    g_array_append_val(item->xs, x0);
    g_array_append_val(item->xs, x1);
  }
}

void layout_bar_fades(const LayoutItem *item, guint i, double *left, double *right)
{
  const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
  double w = layout_bar_x1(item, i) - layout_bar_x0(item, i);
  /* A cut end is drawn as cut, not as uncertain: it keeps its hard edge. */
  gboolean l = bar->fade_start && !bar->cut_start;
  gboolean r = (bar->fade_end || bar->ongoing) && !bar->cut_end;
  double each = MIN(28.0, w / 4);
  *left = l ? each : 0;
  *right = r ? each : 0;
}

gboolean layout_bar_clip_mark(const LayoutItem *item, guint i, gboolean end)
{
  const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
  return (end ? bar->cut_end : bar->cut_start) &&
         layout_bar_x1(item, i) - layout_bar_x0(item, i) >= LAYOUT_CLIP_MARK;
}

/* The part of bar @i that is neither faded nor under a cut mark, where a label inside
 * stays legible. */
void layout_bar_solid(const LayoutItem *item, guint i, double *x0, double *x1)
{
  double fl, fr;
  layout_bar_fades(item, i, &fl, &fr);
  *x0 = layout_bar_x0(item, i) + fl + (layout_bar_clip_mark(item, i, FALSE) ? LAYOUT_CLIP_MARK : 0);
  *x1 = layout_bar_x1(item, i) - fr - (layout_bar_clip_mark(item, i, TRUE) ? LAYOUT_CLIP_MARK : 0);
}

static double layout_bar_room(const LayoutItem *item, guint i)
{
  double x0, x1;
  layout_bar_solid(item, i, &x0, &x1);
  return x1 - x0;
}

static gboolean layout_inside_allowed(const LayoutCtx *ctx)
{
  return ctx->style->bar.label != STYLE_BAR_LABEL_OUTSIDE && ctx->label_h <= ctx->bar_h + 1;
}

static gboolean layout_beside_allowed(const LayoutCtx *ctx)
{
  return ctx->style->bar.label != STYLE_BAR_LABEL_INSIDE;
}

/* The bar of an entry with the most solid room (where an inside label goes). */
static guint layout_widest_bar(const LayoutItem *item)
{
  guint best = 0;
  for (guint i = 1; i < item->te->bars->len; i++)
    if (layout_bar_room(item, i) > layout_bar_room(item, best))
      best = i;
  return best;
}

static double layout_item_x0(const LayoutItem *item)
{
  return layout_bar_x0(item, 0);
}

static double layout_item_x1(const LayoutItem *item)
{
  return layout_bar_x1(item, item->te->bars->len - 1);
}

/* Whether a label over [@a, @b] keeps clear of the today line: its dash never cuts
 * through glyphs. */
static gboolean layout_clear_of_today(const LayoutCtx *ctx, double a, double b)
{
  return !ctx->today_shown || b <= ctx->today_x - LAYOUT_TODAY_CLEAR ||
         a >= ctx->today_x + LAYOUT_TODAY_CLEAR;
}

/* How far right a label starting at @a may reach: the page's edge, or short of the today
 * line when it starts left of it. */
static double layout_right_limit(const LayoutCtx *ctx, double a)
{
  if (ctx->today_shown && a < ctx->today_x + LAYOUT_TODAY_CLEAR)
    return MIN(ctx->right, ctx->today_x - LAYOUT_TODAY_CLEAR);
  return ctx->right;
}

/* How far left a label ending at @b may reach. */
static double layout_left_limit(const LayoutCtx *ctx, double b)
{
  if (ctx->today_shown && b > ctx->today_x - LAYOUT_TODAY_CLEAR)
    return MAX(ctx->x0, ctx->today_x + LAYOUT_TODAY_CLEAR);
  return ctx->x0;
}

/* Whether text @w wide fits inside bar @bar (with the padding on both sides). */
static gboolean layout_fits_inside(const LayoutCtx *ctx, const LayoutItem *item, guint bar, double w)
{
  double x0, x1, pad = ctx->style->bar.padding;
  layout_bar_solid(item, bar, &x0, &x1);
  return layout_inside_allowed(ctx) && w + 2 * pad <= x1 - x0 &&
         layout_clear_of_today(ctx, x0 + pad, x0 + pad + w);
}

static gboolean layout_fits_right(const LayoutCtx *ctx, const LayoutItem *item, double w)
{
  double a = layout_item_x1(item) + LAYOUT_LABEL_GAP;
  return layout_beside_allowed(ctx) && a + w <= layout_right_limit(ctx, a);
}

static gboolean layout_fits_left(const LayoutCtx *ctx, const LayoutItem *item, double w)
{
  double b = layout_item_x0(item) - LAYOUT_LABEL_GAP;
  return layout_beside_allowed(ctx) && b - w >= layout_left_limit(ctx, b);
}

/* Where a caption @w wide under the entry's bars starts: under the first bar where it
 * fits there, else ending under the last bar, else as near as the plot allows (clear of
 * the today line); FALSE when there is no such place. */
static gboolean layout_caption_x(const LayoutCtx *ctx, const LayoutItem *item, double w, double *x)
{
  if (!layout_beside_allowed(ctx))
    return FALSE;
  double a0 = layout_item_x0(item), b1 = layout_item_x1(item);
  double near[4] = {a0, b1 - w, ctx->right - w,
                    ctx->today_shown ? ctx->today_x - LAYOUT_TODAY_CLEAR - w : ctx->right - w};
  for (guint i = 0; i < G_N_ELEMENTS(near); i++) {
    double a = near[i];
    if (a >= ctx->x0 && a + w <= ctx->right && layout_clear_of_today(ctx, a, a + w)) {
      *x = a;
      return TRUE;
    }
  }
  return FALSE;
}

void layout_label_option_clear(LayoutLabelOption *o)
{
  g_free(o->text);
  g_free(o->org_text);
  g_free(o->org_segment_text);
  g_free(o->caption);
  *o = (LayoutLabelOption){.org_segment = -1};
}

/* The option's room in the lane: the bars with half the gap between two entries at each
 * bare end (two bars closer would read as one bar cut into roles), a label or org beside
 * them with the room it keeps clear of its neighbour (two labels closer would read as one
 * phrase), and the width of the caption under them. */
static void layout_option_span(const LayoutCtx *ctx, const LayoutItem *item, LayoutLabelOption *o,
                               double cost)
{
  double lo = layout_item_x0(item) - ctx->entry_gap / 2;
  double hi = layout_item_x1(item) + ctx->entry_gap / 2;
  double beside_w[2] = {0, 0}; /* right, left */
  if (o->place == PLACE_RIGHT)
    beside_w[0] = o->text_w;
  else if (o->place == PLACE_LEFT)
    beside_w[1] = o->text_w;
  if (o->org_place == PLACE_RIGHT)
    beside_w[0] = o->org_w;
  else if (o->org_place == PLACE_LEFT)
    beside_w[1] = o->org_w;
  if (beside_w[0] > 0)
    hi = layout_item_x1(item) + LAYOUT_LABEL_GAP + beside_w[0] + LAYOUT_LABEL_CLEAR;
  if (beside_w[1] > 0)
    lo = layout_item_x0(item) - LAYOUT_LABEL_GAP - beside_w[1] - LAYOUT_LABEL_CLEAR;
  o->lane = (LayoutLaneOption){lo, hi, 0, 0, cost};
  if (o->caption) {
    /* Text under a bar reads as that bar's: no other bar of the lane may stand over it. */
    double cap_lo = o->caption_x, cap_hi = o->caption_x + o->caption_w + LAYOUT_LABEL_CLEAR;
    o->lane = (LayoutLaneOption){MIN(lo, cap_lo), MAX(hi, cap_hi), cap_lo, cap_hi, cost};
  }
}

/* Adds @o (taking what it holds) with @cost. */
static void layout_add_option(const LayoutCtx *ctx, LayoutItem *item, LayoutLabelOption *o,
                              double cost)
{
  layout_option_span(ctx, item, o, cost);
  g_array_append_val(item->options, *o);
  *o = (LayoutLabelOption){.org_segment = -1};
}

/* An option with @text as the entry's label at @place (inside the widest bar, or beside). */
static void layout_add_label(LayoutCtx *ctx, LayoutItem *item, const char *text, LayoutPlace place,
                             double cost)
{
  LayoutLabelOption o = {.org_segment = -1};
  o.place = place;
  o.text = g_strdup(text);
  o.text_w = layout_text_width(ctx, ctx->style->bar.font, text);
  o.inside_bar = layout_widest_bar(item);
  layout_add_option(ctx, item, &o, cost);
}

/* Options placing @text, whole, as the entry's one label: inside, right, left. */
static void layout_label_whole(LayoutCtx *ctx, LayoutItem *item, const char *text, gboolean inside_ok,
                               double cost)
{
  double w = layout_text_width(ctx, ctx->style->bar.font, text);
  if (inside_ok && layout_fits_inside(ctx, item, layout_widest_bar(item), w))
    layout_add_label(ctx, item, text, PLACE_INSIDE, cost);
  if (layout_fits_right(ctx, item, w))
    layout_add_label(ctx, item, text, PLACE_RIGHT, cost + 1);
  if (layout_fits_left(ctx, item, w))
    layout_add_label(ctx, item, text, PLACE_LEFT, cost + 2);
}

/* @o with @caption under the bar, if it fits the plot; adds it and returns TRUE. */
static gboolean layout_add_captioned(LayoutCtx *ctx, LayoutItem *item, LayoutLabelOption *o,
                                     const char *caption, double cost)
{
  double w = layout_text_width(ctx, ctx->style->bar.font, caption);
  double x;
  if (!layout_caption_x(ctx, item, w, &x)) {
    layout_label_option_clear(o);
    return FALSE;
  }
  o->caption = g_strdup(caption);
  o->caption_w = w;
  o->caption_x = x;
  layout_add_option(ctx, item, o, cost);
  return TRUE;
}

/* No whole placement: @text shortened into the largest room there is (inside, right or
 * left), as the last resort; or no label at all where not even that fits. */
static void layout_label_shortened(LayoutCtx *ctx, LayoutItem *item, const char *text,
                                   gboolean inside_ok)
{
  double pad = ctx->style->bar.padding;
  guint widest = layout_widest_bar(item);
  double right_a = layout_item_x1(item) + LAYOUT_LABEL_GAP;
  double left_b = layout_item_x0(item) - LAYOUT_LABEL_GAP;
  double rooms[3] = {
      inside_ok && layout_inside_allowed(ctx) ? layout_bar_room(item, widest) - 2 * pad : 0,
      layout_beside_allowed(ctx) ? layout_right_limit(ctx, right_a) - right_a : 0,
      layout_beside_allowed(ctx) ? left_b - layout_left_limit(ctx, left_b) : 0,
  };
  const LayoutPlace places[3] = {PLACE_INSIDE, PLACE_RIGHT, PLACE_LEFT};
  guint best = 0;
  for (guint i = 1; i < 3; i++)
    if (rooms[i] > rooms[best] + 0.5)
      best = i;
  LayoutLabelOption o = {.org_segment = -1, .shortened = TRUE};
  char *fitted = rooms[best] >= LAYOUT_MIN_ELLIPSIS
                     ? text_fit(ctx->text, ctx->style->bar.font, text, rooms[best])
                     : NULL;
  if (fitted) {
    o.place = places[best];
    o.text = fitted;
    o.text_w = layout_text_width(ctx, ctx->style->bar.font, fitted);
    o.inside_bar = widest;
  }
  /* Dearer than any whole placement, however many lanes those take. */
  layout_add_option(ctx, item, &o, 1e6);
}

/* "Title · Org · Location" as far as the style shows them. */
static char *layout_entry_full_label(const Style *st, const ModelEntry *entry)
{
  GString *s = g_string_new(NULL);
  if (entry->title)
    g_string_append(s, entry->title);
  const char *parts[] = {entry->org && (st->bar.show_org || !entry->title) ? entry->org : NULL,
                         entry->location && st->bar.show_location ? entry->location : NULL};
  for (guint i = 0; i < G_N_ELEMENTS(parts); i++) {
    if (parts[i] == NULL)
      continue;
    if (s->len > 0)
      g_string_append(s, " · ");
    g_string_append(s, parts[i]);
  }
  return g_string_free(s, FALSE);
}

/* What follows the title in the full label (" · Org · Location" without its " · "), or
 * NULL when the label is the title alone. */
static const char *layout_after_title(const char *full, const char *title)
{
  gsize n = strlen(title);
  if (strncmp(full, title, n) != 0 || strncmp(full + n, " · ", strlen(" · ")) != 0)
    return NULL;
  return full + n + strlen(" · ");
}

/* A plain entry: the full label inside, right or left; the title inside and the rest
 * beside or under the bar; the full label under the bar. */
static void layout_options_plain(LayoutCtx *ctx, LayoutItem *item)
{
  const ModelEntry *entry = item->te->entry;
  const char *font = ctx->style->bar.font;
  item->full = layout_entry_full_label(ctx->style, entry);
  item->heads[0] = g_strdup(entry->title);
  layout_label_whole(ctx, item, item->full, TRUE, 0);

  char *title = entry->title ? g_strdup(entry->title) : NULL;
  const char *rest = title ? layout_after_title(item->full, title) : NULL;
  guint widest = layout_widest_bar(item);
  if (rest && layout_fits_inside(ctx, item, widest, layout_text_width(ctx, font, title))) {
    double rest_w = layout_text_width(ctx, font, rest);
    for (int left = 0; left < 2; left++) {
      if (!(left ? layout_fits_left(ctx, item, rest_w) : layout_fits_right(ctx, item, rest_w)))
        continue;
      LayoutLabelOption o = {.org_segment = -1, .place = PLACE_INSIDE, .inside_bar = widest};
      o.text = g_strdup(title);
      o.text_w = layout_text_width(ctx, font, title);
      o.org_place = left ? PLACE_LEFT : PLACE_RIGHT;
      o.org_text = g_strdup(rest);
      o.org_w = rest_w;
      layout_add_option(ctx, item, &o, 3 + left * 0.5);
    }
    LayoutLabelOption o = {.org_segment = -1, .place = PLACE_INSIDE, .inside_bar = widest};
    o.text = g_strdup(title);
    o.text_w = layout_text_width(ctx, font, title);
    o.caption_org = TRUE;
    layout_add_captioned(ctx, item, &o, rest, 4.5);
  }
  LayoutLabelOption o = {.org_segment = -1};
  layout_add_captioned(ctx, item, &o, item->full, 4);
  if (item->options->len == 0)
    layout_label_shortened(ctx, item, item->full, TRUE);
  g_free(title);
}

/* Whether role segment @i shows its whole title inside. */
static gboolean layout_segment_fits(LayoutCtx *ctx, const LayoutItem *item, guint i)
{
  const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
  char *title = g_strdup(bar->role);
  double w = layout_text_width(ctx, ctx->style->bar.font, title);
  g_free(title);
  return layout_fits_inside(ctx, item, i, w);
}

char *layout_segment_text(LayoutCtx *ctx, const LayoutItem *item, guint i)
{
  (void)ctx;
  const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
  if (item->label.org_segment == (gint)i)
    return g_strdup(item->label.org_segment_text);
  if (!bar->role || !item->segment_fits || !item->segment_fits[i] || item->label.roles_told)
    return NULL;
  return g_strdup(bar->role);
}

/* The org inside the first segment, first, before that role's title ("Big Research ·
 * Resident"), or with @with_role FALSE alone: there it names the whole bar, where in a
 * later segment it would read as that one role's (visual review 1, item 5). Returns 0
 * and the label into @text, or -1 when it does not fit. */
static gint layout_org_segment(LayoutCtx *ctx, const LayoutItem *item, const char *who,
                               gboolean with_role, char **text)
{
  guint n = MIN(item->te->bars->len, 1);
  for (guint i = 0; i < n; i++) {
    const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
    char *both = with_role ? g_strdup_printf("%s · %s", who, bar->role) : g_strdup(who);
    if (layout_fits_inside(ctx, item, i, layout_text_width(ctx, ctx->style->bar.font, both))) {
      *text = both;
      return (gint)i;
    }
    g_free(both);
  }
  return -1;
}

/* Roles (visual.md "Bars"): each segment carries its title where the whole title fits;
 * the org is named once, beside the bar or in a segment with room for both; and when any
 * title does not fit its segment, the progression of all of them is told beside the bar
 * with the org, or in a caption under it, and then the segments carry no titles (a role
 * told twice, in the bar and under it, reads as two things; visual review 1, item 4). */
static void layout_options_roles(LayoutCtx *ctx, LayoutItem *item)
{
  const ModelEntry *entry = item->te->entry;
  guint n = item->te->bars->len;
  char *who = layout_entry_full_label(ctx->style, entry);
  GString *progression = g_string_new(NULL);
  gboolean all_fit = TRUE;
  item->segment_fits = g_new0(gboolean, n);
  /* The same role again (Professor | Dean | Professor) is told once. */
  GHashTable *told = g_hash_table_new(g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++) {
    const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
    if (g_hash_table_add(told, (gpointer)bar->role))
      g_string_append_printf(progression, "%s%s", progression->len ? " › " : "", bar->role);
    item->segment_fits[i] = layout_segment_fits(ctx, item, i);
    all_fit = all_fit && item->segment_fits[i];
  }
  g_hash_table_destroy(told);
  char *roles = g_strdup(progression->str);
  g_string_free(progression, TRUE);
  item->full = g_strdup_printf("%s · %s", roles, who);
  item->heads[0] = g_strdup(roles);
  item->heads[1] = g_strdup(entry->title);

  char *seg_text = NULL;
  gint seg = all_fit ? layout_org_segment(ctx, item, who, TRUE, &seg_text)
                     : layout_org_segment(ctx, item, who, FALSE, &seg_text);
  /* The roles are the entry's titles: the org beside or under them is muted. */
  gboolean who_org = entry->title == NULL;
  if (all_fit) {
    guint first = item->options->len;
    layout_label_whole(ctx, item, who, FALSE, 0);
    for (guint k = first; k < item->options->len; k++)
      g_array_index(item->options, LayoutLabelOption, k).text_org = who_org;
    if (seg >= 0) {
      LayoutLabelOption o = {.org_segment = seg, .org_segment_text = g_strdup(seg_text)};
      layout_add_option(ctx, item, &o, 1.5);
    }
    LayoutLabelOption o = {.org_segment = -1, .caption_org = who_org};
    layout_add_captioned(ctx, item, &o, who, 4);
  } else {
    guint first = item->options->len;
    layout_label_whole(ctx, item, item->full, FALSE, 0);
    for (guint k = first; k < item->options->len; k++)
      g_array_index(item->options, LayoutLabelOption, k).roles_told = TRUE;
    double who_w = layout_text_width(ctx, ctx->style->bar.font, who);
    for (int left = 0; left < 2; left++) {
      if (!(left ? layout_fits_left(ctx, item, who_w) : layout_fits_right(ctx, item, who_w)))
        continue;
      LayoutLabelOption o = {.org_segment = -1, .place = left ? PLACE_LEFT : PLACE_RIGHT,
                             .text_org = who_org, .roles_told = TRUE};
      o.text = g_strdup(who);
      o.text_w = who_w;
      layout_add_captioned(ctx, item, &o, roles, 4 + left * 0.5);
    }
    /* The org alone inside the bar, the roles under it: the bar reads as the org's. */
    if (seg >= 0) {
      LayoutLabelOption o = {.org_segment = seg, .org_segment_text = g_strdup(seg_text),
                             .roles_told = TRUE};
      layout_add_captioned(ctx, item, &o, roles, 4.2);
    }
    LayoutLabelOption o = {.org_segment = -1, .roles_told = TRUE};
    layout_add_captioned(ctx, item, &o, item->full, 5);
  }
  if (item->options->len == 0)
    layout_label_shortened(ctx, item, item->full, FALSE);
  g_free(seg_text);
  g_free(roles);
  g_free(who);
}

void layout_label_options(LayoutCtx *ctx, LayoutItem *item)
{
  item->options = g_array_new(FALSE, TRUE, sizeof(LayoutLabelOption));
  item->label = (LayoutLabelOption){.org_segment = -1};
  if (item->te->has_roles)
    layout_options_roles(ctx, item);
  else
    layout_options_plain(ctx, item);
}

void layout_label_choose(LayoutItem *item, guint i)
{
  for (guint k = 0; k < item->options->len; k++) {
    LayoutLabelOption *o = &g_array_index(item->options, LayoutLabelOption, k);
    if (k == i)
      item->label = *o;
    else
      layout_label_option_clear(o);
  }
  g_array_unref(item->options);
  item->options = NULL;
}

void layout_item_paint(const LayoutCtx *ctx, LayoutItem *item, const StylePaint *group)
{
  item->color = group->color;
  item->pattern = group->pattern;
  const char *class_name = item->te->entry->class_name;
  const StylePaint *cls = class_name ? style_class(ctx->style, class_name) : NULL;
  if (cls && (cls->set & STYLE_PAINT_COLOR))
    item->color = cls->color;
  if (cls && (cls->set & STYLE_PAINT_PATTERN))
    item->pattern = cls->pattern;
}

/* Text y so that the label is centred on the lane with its baseline on a whole pixel. */
