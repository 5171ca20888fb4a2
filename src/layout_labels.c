/* layout_labels: an entry's bars in x and where its label goes (spec/visual.md "Bars"
 * and "Text"): inside the widest bar, beside it, shortened, or for roles one label per
 * segment; the span the entry then occupies in its lane. */
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

double layout_fade_width(double w)
{
  return MIN(28.0, w * 0.35);
}

gboolean layout_bar_fades_left(const TimelineBar *bar)
{
  return bar->fade_start || bar->cut_start;
}

gboolean layout_bar_fades_right(const TimelineBar *bar)
{
  return bar->fade_end || bar->ongoing || bar->cut_end;
}

/* The part of bar @i that is not faded, where a label inside stays legible. */
void layout_bar_solid(const LayoutItem *item, guint i, double *x0, double *x1)
{
  const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
  double w = layout_bar_x1(item, i) - layout_bar_x0(item, i);
  *x0 = layout_bar_x0(item, i) + (layout_bar_fades_left(bar) ? layout_fade_width(w) : 0);
  *x1 = layout_bar_x1(item, i) - (layout_bar_fades_right(bar) ? layout_fade_width(w) : 0);
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

/* Tries to place @text inside, to the right, then to the left. */
static gboolean layout_try_place(LayoutCtx *ctx, LayoutItem *item, const char *text,
                                 gboolean inside_ok)
{
  const char *font = ctx->style->bar.font;
  double w = layout_text_width(ctx, font, text);
  double pad = ctx->style->bar.padding;
  guint widest = layout_widest_bar(item);
  guint last = item->te->bars->len - 1;
  if (inside_ok && layout_inside_allowed(ctx) && w + 2 * pad <= layout_bar_room(item, widest)) {
    item->place = PLACE_INSIDE;
    item->inside_bar = widest;
  } else if (layout_beside_allowed(ctx) &&
             layout_bar_x1(item, last) + LAYOUT_LABEL_GAP + w <= ctx->right) {
    item->place = PLACE_RIGHT;
  } else if (layout_beside_allowed(ctx) &&
             layout_bar_x0(item, 0) - LAYOUT_LABEL_GAP - w >= ctx->x0) {
    item->place = PLACE_LEFT;
  } else {
    return FALSE;
  }
  item->text = g_strdup(text);
  item->text_w = w;
  return TRUE;
}

/* No candidate fits whole: shorten the first one into the largest room there is. */
static void layout_place_shortened(LayoutCtx *ctx, LayoutItem *item, const char *text,
                                   gboolean inside_ok)
{
  double pad = ctx->style->bar.padding;
  guint widest = layout_widest_bar(item);
  guint last = item->te->bars->len - 1;
  double rooms[3] = {
      inside_ok && layout_inside_allowed(ctx) ? layout_bar_room(item, widest) - 2 * pad : 0,
      layout_beside_allowed(ctx) ? ctx->right - layout_bar_x1(item, last) - LAYOUT_LABEL_GAP : 0,
      layout_beside_allowed(ctx) ? layout_bar_x0(item, 0) - LAYOUT_LABEL_GAP - ctx->x0 : 0,
  };
  const LayoutPlace places[3] = {PLACE_INSIDE, PLACE_RIGHT, PLACE_LEFT};
  guint best = 0;
  for (guint i = 1; i < 3; i++)
    if (rooms[i] > rooms[best] + 0.5)
      best = i;
  if (rooms[best] < LAYOUT_MIN_ELLIPSIS)
    return;
  char *fitted = text_fit(ctx->text, ctx->style->bar.font, text, rooms[best]);
  if (!fitted)
    return;
  item->place = places[best];
  item->inside_bar = widest;
  item->text_w = layout_text_width(ctx, ctx->style->bar.font, fitted);
  item->text = fitted;
}

/* "Title · Org · Location" as far as the style shows them. */
static char *layout_entry_full_label(const Style *st, const ModelEntry *entry)
{
  GString *s = g_string_new(NULL);
  if (entry->title)
    g_string_append(s, entry->title);
  if (entry->org && (st->bar.show_org || !entry->title))
    g_string_append_printf(s, "%s%s", s->len ? " · " : "", entry->org);
  if (entry->location && st->bar.show_location)
    g_string_append_printf(s, "%s%s", s->len ? " · " : "", entry->location);
  char *clean = layout_clean_text(s->str);
  g_string_free(s, TRUE);
  return clean;
}

/* Whether role segment @i shows its whole title inside. */
static gboolean layout_segment_fits(LayoutCtx *ctx, const LayoutItem *item, guint i)
{
  if (!layout_inside_allowed(ctx))
    return FALSE;
  const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
  char *title = layout_clean_text(bar->role);
  double w = layout_text_width(ctx, ctx->style->bar.font, title);
  g_free(title);
  return w + 2 * ctx->style->bar.padding <= layout_bar_room(item, i);
}

static gboolean layout_any_segment_fits(LayoutCtx *ctx, const LayoutItem *item)
{
  for (guint i = 0; i < item->te->bars->len; i++)
    if (layout_segment_fits(ctx, item, i))
      return TRUE;
  return FALSE;
}

/* Segment @i's label: its title (with the org, for the segment chosen to carry it),
 * shortened when the segment is too short for all of it; NULL when not even a few
 * characters would show. */
char *layout_segment_text(LayoutCtx *ctx, const LayoutItem *item, guint i)
{
  const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
  if (!bar->role || !layout_inside_allowed(ctx))
    return NULL;
  if (item->org_segment == (gint)i)
    return g_strdup(item->org_segment_text);
  char *title = layout_clean_text(bar->role);
  double room = layout_bar_room(item, i) - 2 * ctx->style->bar.padding;
  char *fitted =
      room >= LAYOUT_MIN_ELLIPSIS ? text_fit(ctx->text, ctx->style->bar.font, title, room) : NULL;
  g_free(title);
  return fitted;
}

/* No room beside a bar that fills the plot: the org joins the title of the first
 * segment with room for both ("Researcher · Big Research"). */
static gboolean layout_org_in_segment(LayoutCtx *ctx, LayoutItem *item, const char *org)
{
  for (guint i = 0; i < item->te->bars->len; i++) {
    const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
    char *both = g_strdup_printf("%s · %s", bar->role, org);
    char *clean = layout_clean_text(both);
    double w = layout_text_width(ctx, ctx->style->bar.font, clean);
    g_free(both);
    if (layout_inside_allowed(ctx) && w + 2 * ctx->style->bar.padding <= layout_bar_room(item, i)) {
      item->org_segment = (gint)i;
      item->org_segment_text = clean;
      return TRUE;
    }
    g_free(clean);
  }
  return FALSE;
}

/* Roles (visual.md "Bars"): each segment carries its title where it fits, and the org is
 * named once beside the bar; when no title fits, one label beside tells the progression. */
static void layout_place_roles(LayoutCtx *ctx, LayoutItem *item)
{
  const ModelEntry *entry = item->te->entry;
  char *org = layout_clean_text(entry->org ? entry->org : entry->title);
  GString *progression = g_string_new(NULL);
  for (guint i = 0; i < item->te->bars->len; i++) {
    const TimelineBar *bar = &g_array_index(item->te->bars, TimelineBar, i);
    g_string_append_printf(progression, "%s%s", i ? " › " : "", bar->role);
  }
  char *roles = layout_clean_text(progression->str);
  g_string_free(progression, TRUE);
  item->full = g_strdup_printf("%s · %s", roles, org);

  item->segment_labels = layout_any_segment_fits(ctx, item);
  if (item->segment_labels) {
    if (!layout_try_place(ctx, item, org, FALSE) && !layout_org_in_segment(ctx, item, org))
      layout_place_shortened(ctx, item, org, FALSE);
  } else if (!layout_try_place(ctx, item, item->full, FALSE)) {
    const TimelineBar *last = &g_array_index(item->te->bars, TimelineBar, item->te->bars->len - 1);
    char *recent = g_strdup_printf("%s · %s", last->role, org);
    char *clean = layout_clean_text(recent);
    if (!layout_try_place(ctx, item, clean, FALSE) && !layout_try_place(ctx, item, org, FALSE))
      layout_place_shortened(ctx, item, org, FALSE);
    g_free(clean);
    g_free(recent);
  }
  g_free(roles);
  g_free(org);
}

/* The title alone fitted inside: the org follows, shortened, when enough of it shows to
 * be worth reading (visual.md "Text": a shortened label ends with an ellipsis). */
static void layout_extend_inside(LayoutCtx *ctx, LayoutItem *item, const char *title)
{
  if (strcmp(item->full, title) == 0)
    return;
  double room = layout_bar_room(item, item->inside_bar) - 2 * ctx->style->bar.padding;
  char *fitted = text_fit(ctx->text, ctx->style->bar.font, item->full, room);
  /* " · " and at least four characters of the org, then the ellipsis. */
  if (fitted && g_utf8_strlen(fitted, -1) >= g_utf8_strlen(title, -1) + 8) {
    g_free(item->text);
    item->text = fitted;
    item->text_w = layout_text_width(ctx, ctx->style->bar.font, fitted);
  } else {
    g_free(fitted);
  }
}

void layout_place_label(LayoutCtx *ctx, LayoutItem *item)
{
  if (item->te->has_roles) {
    layout_place_roles(ctx, item);
    return;
  }
  const ModelEntry *entry = item->te->entry;
  item->full = layout_entry_full_label(ctx->style, entry);
  char *shorter = layout_clean_text(entry->title ? entry->title : entry->org);
  /* The full label anywhere it fits, then the title alone, then the full label shortened. */
  if (!layout_try_place(ctx, item, item->full, TRUE) && !layout_try_place(ctx, item, shorter, TRUE))
    layout_place_shortened(ctx, item, item->full, TRUE);
  else if (item->place == PLACE_INSIDE && g_strcmp0(item->text, shorter) == 0)
    layout_extend_inside(ctx, item, shorter);
  g_free(shorter);
}

/* The span an item occupies in its lane: its bars and the label beside them. */
void layout_item_span(LayoutItem *item)
{
  guint last = item->te->bars->len - 1;
  item->lo = layout_bar_x0(item, 0);
  item->hi = layout_bar_x1(item, last);
  /* A label beside its bar keeps further clear of its neighbour than a bar does: two
   * labels a pack gap apart would read as one phrase. */
  if (item->place == PLACE_RIGHT)
    item->hi += LAYOUT_LABEL_GAP + item->text_w + LAYOUT_PACK_GAP;
  else if (item->place == PLACE_LEFT)
    item->lo -= LAYOUT_LABEL_GAP + item->text_w + LAYOUT_PACK_GAP;
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
