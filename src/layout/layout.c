/* layout: from a timeline and a style to a scene of placed shapes and labels
 * (doc/architecture.md "The scene"; the structure is what doc/layout-dump.md describes).
 * This file assembles the page from top to bottom; the parts are layout_header.c,
 * layout_axis.c, layout_labels.c, layout_groups.c, layout_milestones.c and layout_fit.c.
 * Labels are placed before lanes are packed, so that a lane's occupied span includes the
 * room its label takes beside the bar: nothing ever collides. */
#include "layout_private.h"

#include <math.h>

/* The left column's width: the groups' names and totals, and the milestone track's name
 * (@track: NULL when there is no track). */
static double layout_group_column(LayoutCtx *ctx, LayoutPrepared *groups, guint n,
                                  const char *track)
{
  if (ctx->style->group.label != STYLE_GROUP_LABEL_LEFT)
    return 0;
  double w = track ? layout_text_width(ctx, ctx->style->group.font, track) : 0;
  for (guint i = 0; i < n; i++) {
    w = MAX(w, layout_text_width(ctx, ctx->style->group.font, groups[i].name));
    /* The total goes on a line of its own under the name. */
    if (groups[i].total)
      w = MAX(w, layout_text_width(ctx, ctx->style->group.font, groups[i].total));
  }
  /* A long custom group name is shortened rather than squeezing the plot. */
  w = MIN(w, (ctx->right - ctx->left) / 5);
  return w > 0 ? ceil(w) + LAYOUT_COLUMN_GAP : 0;
}

static void layout_set_plot(LayoutCtx *ctx, double column)
{
  LayoutScene *scene = ctx->scene;
  ctx->x0 = ctx->left + column;
  ctx->x1 = ctx->right;
  double days = (double)(scene->range_end - scene->range_start + 1);
  ctx->px_per_day = (ctx->x1 - ctx->x0) / days;
  /* Known before any label is placed: labels keep clear of it. */
  ctx->today_shown = scene->today_visible;
  ctx->today_x = round(layout_x(ctx, scene->today) + ctx->px_per_day / 2) + 0.5;
}

static GArray *layout_legend_items(LayoutPrepared *groups, guint n)
{
  GArray *items = g_array_new(FALSE, FALSE, sizeof(LayoutLegendItem));
  for (guint i = 0; i < n; i++) {
    LayoutLegendItem item = {groups[i].name, groups[i].paint.color, groups[i].paint.pattern};
    g_array_append_val(items, item);
  }
  return items;
}

static LayoutScene *layout_scene_for(const Timeline *t, const Style *style)
{
  LayoutScene *scene = layout_scene_new(0, 0);
  scene->range_start = t->start;
  scene->range_end = t->end;
  scene->today = t->today;
  scene->today_visible = t->today_visible && style->today.show;
  scene->title = t->cv->name ? g_strdup(t->cv->name) : NULL;
  scene->headline = t->cv->headline ? g_strdup(t->cv->headline) : NULL;
  lang_free(scene->lang);
  scene->lang = lang_copy(t->cv->language);
  return scene;
}

static void layout_ctx_init(LayoutCtx *ctx, const Style *style, TextCtx *text, LayoutScene *scene)
{
  ctx->style = style;
  ctx->text = text;
  ctx->scene = scene;
  for (guint i = 0; i < LAYER_COUNT; i++)
    ctx->layers[i] = g_array_new(FALSE, TRUE, sizeof(LayoutShape));
  ctx->left = style->page.margin;
  ctx->right = style->page.width - style->page.margin;
  TextExtents e;
  text_measure(text, style->bar.font, "Ag", &e);
  ctx->label_h = e.height;
  ctx->label_baseline = e.baseline;
  ctx->bar_h = style->bar.height;
  ctx->lane_h = MAX(ctx->bar_h, ceil(e.height));
  ctx->lane_pitch = ctx->lane_h + style->bar.gap;
  ctx->caption_gap = MAX(4, round(style->bar.padding / 2));
  /* Wider than a role segment's cut and than the bars' rounded corners, so that two
   * entries never read as one bar (8 px by default, 16 on a slide). */
  ctx->entry_gap = MAX(2 * style->bar.radius, ceil(ctx->bar_h / 3));
}

/* The page's background, first in paint order, once the page's size is final (after a
 * fixed height has been fitted). */
static void layout_add_background(LayoutScene *scene, const Style *style)
{
  if (style->page.background.a <= 0)
    return;
  LayoutShape bg = {
      .kind = LAYOUT_SHAPE_RECT,
      .owner = LAYOUT_OWNER(PAGE, 0, BACKGROUND, 0),
      .w = scene->width,
      .h = scene->height,
      .fill = style->page.background,
  };
  g_array_prepend_val(scene->shapes, bg);
}

static void layout_flatten(LayoutCtx *ctx)
{
  for (guint i = 0; i < LAYER_COUNT; i++) {
    g_array_append_vals(ctx->scene->shapes, ctx->layers[i]->data, ctx->layers[i]->len);
    g_array_unref(ctx->layers[i]);
  }
}

static gboolean layout_check_width(const Style *style, DiagList *diags)
{
  if (style->page.width - 2 * style->page.margin >= 120)
    return TRUE;
  diag_error(diags, NULL, 0, 0,
             "the chart is too narrow: page.width %g leaves less than 120 px between the "
             "margins (%g each); raise --width or page.width",
             style->page.width, style->page.margin);
  return FALSE;
}

/* Points the records at their shapes, now that the paint order is final: each shape's
 * owner says whose bar, label or marker it is. */
static void layout_link(LayoutScene *scene)
{
  for (guint i = 0; i < scene->ticks->len; i++)
    g_array_index(scene->ticks, LayoutTick, i).label = LAYOUT_NONE;
  for (guint i = 0; i < scene->shapes->len; i++) {
    const LayoutOwner *o = &g_array_index(scene->shapes, LayoutShape, i).owner;
    switch (o->kind) {
    case LAYOUT_OWNER_ENTRY: {
      LayoutEntry *e = &g_array_index(scene->entries, LayoutEntry, o->index);
      if (o->part == LAYOUT_PART_LABEL && o->sub == 0)
        e->label = i;
      else if (o->part == LAYOUT_PART_LABEL)
        e->org_label = i;
      else if (o->part == LAYOUT_PART_CAPTION)
        e->caption = i;
      else if (o->part == LAYOUT_PART_BAR || o->part == LAYOUT_PART_SEGMENT)
        g_array_index(e->bars, LayoutBar, o->sub).shape = i;
      else if (o->part == LAYOUT_PART_SEGMENT_LABEL)
        g_array_index(e->bars, LayoutBar, o->sub).label = i;
      break;
    }
    case LAYOUT_OWNER_GROUP: {
      LayoutGroup *g = &g_array_index(scene->groups, LayoutGroup, o->index);
      if (o->part == LAYOUT_PART_GROUP_NAME)
        g->label = i;
      else if (o->part == LAYOUT_PART_GROUP_TOTAL)
        g->total_label = i;
      else if (o->part == LAYOUT_PART_GAP)
        g_array_index(g->gaps, LayoutGap, o->sub).band = i;
      else if (o->part == LAYOUT_PART_GAP_LABEL)
        g_array_index(g->gaps, LayoutGap, o->sub).label = i;
      break;
    }
    case LAYOUT_OWNER_MILESTONE: {
      LayoutMilestone *m = &g_array_index(scene->milestones, LayoutMilestone, o->index);
      if (o->part == LAYOUT_PART_MARKER)
        m->marker = i;
      else if (o->part == LAYOUT_PART_LABEL)
        m->label = i;
      else if (o->part == LAYOUT_PART_LIST_ITEM)
        m->list_item = i;
      break;
    }
    case LAYOUT_OWNER_AXIS:
      if (o->part == LAYOUT_PART_TICK_LABEL)
        g_array_index(scene->ticks, LayoutTick, o->sub).label = i;
      break;
    case LAYOUT_OWNER_PAGE:
    case LAYOUT_OWNER_TITLE:
    case LAYOUT_OWNER_LEGEND:
    case LAYOUT_OWNER_TODAY:
    case LAYOUT_OWNER_TRACK:
      break;
    }
  }
}

/* Lays out everything at the natural height, the header at the top margin and the rest
 * @top px lower; returns the scene (its records not yet linked to their shapes). */
LayoutScene *layout_natural(const Timeline *t, const Style *style, const SummaryReport *summary,
                            TextCtx *text, double top)
{
  LayoutScene *scene = layout_scene_for(t, style);
  LayoutCtx ctx;
  layout_ctx_init(&ctx, style, text, scene);
  ctx.summary = summary;

  guint n_groups = t->groups->len, custom_index = 0;
  LayoutPrepared *groups = g_new0(LayoutPrepared, n_groups ? n_groups : 1);
  /* Names (and totals) first: the column they need sets where the plot starts. */
  for (guint i = 0; i < n_groups; i++) {
    const TimelineGroup *tg = g_ptr_array_index(t->groups, i);
    layout_name_group(style, tg, &custom_index, &groups[i]);
    groups[i].total = layout_group_total(&ctx, tg);
  }
  layout_set_plot(&ctx, layout_group_column(&ctx, groups, n_groups,
                                            t->milestones->len ? layout_track_name(&ctx) : NULL));
  for (guint i = 0; i < n_groups; i++)
    layout_prepare_group(&ctx, g_ptr_array_index(t->groups, i), &groups[i]);

  GArray *legend = layout_legend_items(groups, n_groups);
  /* A slide's title stays where a slide's title is; the chart takes the height left. */
  double y = layout_header(&ctx, legend, style->page.margin) + top;

  layout_ticks(&ctx);
  double today_label_y = y;
  const char *today_label = layout_today_label(style, scene);
  if (scene->today_visible && *today_label) {
    TextExtents e;
    text_measure(text, style->today.font, today_label, &e);
    y += e.height + 4;
  }
  double body_top = y;
  if (style->axis.position != STYLE_AXIS_BOTTOM) {
    y += layout_tick_labels(&ctx, y, style->axis.position == STYLE_AXIS_TOP) + 8;
  }
  double lanes_top = y;
  for (guint i = 0; i < n_groups; i++) {
    if (i > 0) {
      double gap = style->group.spacing;
      if (style->group.separator.a > 0)
        layout_line(&ctx, LAYER_BACK, LAYOUT_OWNER(GROUP, i, SEPARATOR, 0), ctx.left,
                    round(y + gap / 2) + 0.5, ctx.right, round(y + gap / 2) + 0.5,
                    style->group.separator, 1);
      y += gap;
    }
    y = layout_emit_group(&ctx, &groups[i], y);
  }
  double lanes_bottom = y;
  /* One gap between the last lane, the milestone track and the axis, whatever is there. */
  double gap = MAX(12, round(style->group.spacing * 2 / 3));
  gboolean *listed = NULL;
  char **titles = NULL;
  if (t->milestones->len)
    y = layout_milestones(&ctx, t, y + gap, &listed, &titles);
  double body_bottom = y + gap / 2;
  if (style->axis.position != STYLE_AXIS_TOP) {
    y += gap;
    y += layout_tick_labels(&ctx, y, TRUE);
  }
  if (listed)
    y = layout_milestones_list(&ctx, t, listed, titles, y + gap);
  layout_grid(&ctx, body_top, body_bottom);
  if (scene->today_visible)
    layout_today(&ctx, today_label_y, body_top, MAX(lanes_bottom, lanes_top + 1));
  if (style->legend.show && style->legend.position == STYLE_LEGEND_BOTTOM && legend->len) {
    y += 14;
    y += layout_legend_draw(&ctx, legend, ctx.left, y);
  }
  scene->plot = (LayoutBox){ctx.x0, body_top, ctx.x1 - ctx.x0, body_bottom - body_top};
  scene->width = style->page.width;
  scene->height = ceil(y + style->page.margin);
  scene->background = style->page.background;
  scene->ink = style->page.color;
  scene->newest_first = style->group.order == STYLE_GROUP_ORDER_NEWEST_FIRST;
  scene->show_org = style->bar.show_org;

  layout_flatten(&ctx);

  g_array_unref(legend);
  for (guint i = 0; i < n_groups; i++)
    layout_prepared_clear(&groups[i]);
  g_free(groups);
  return scene;
}

/* @text for a message: at most 60 characters, then "…". A new string. */
static char *layout_quote(const char *text)
{
  if (g_utf8_strlen(text, -1) <= 60)
    return g_strdup(text);
  char *head = g_utf8_substring(text, 0, 59);
  char *quoted = g_strconcat(head, "…", NULL);
  g_free(head);
  return quoted;
}

/* The completeness rule's last resort (doc/layout-dump.md): every text the chart had to
 * shorten is named, at its item's place in the CV (--strict makes it an error). */
static void layout_warn_shortened(const LayoutScene *scene, const Timeline *t, DiagList *diags)
{
  const char *file = t->cv->file;
  for (guint i = 0; i < scene->entries->len; i++) {
    const LayoutEntry *e = &g_array_index(scene->entries, LayoutEntry, i);
    if (e->shown != LAYOUT_SHOWN_SHORTENED)
      continue;
    const LayoutShape *label = layout_shape(scene, e->label);
    char *full = layout_quote(e->full_label);
    if (label) {
      diag_warning(diags, file, e->line, e->column,
                   "'%s' is shortened to '%s': it fits whole nowhere near its bar at this width "
                   "(a wider page, -W, shows it whole)",
                   full, label->text);
    } else {
      diag_warning(diags, file, e->line, e->column,
                   "'%s' is not drawn: not even a shortened label fits near its bar at this width "
                   "(a wider page, -W, shows it)",
                   full);
    }
    g_free(full);
  }
  for (guint i = 0; i < scene->milestones->len; i++) {
    const LayoutMilestone *m = &g_array_index(scene->milestones, LayoutMilestone, i);
    if (m->shown != LAYOUT_SHOWN_SHORTENED)
      continue;
    char *title = layout_quote(m->title);
    diag_warning(diags, file, m->line, m->column,
                 "milestone '%s' is wider than the page: shortened in the list under the chart",
                 title);
    g_free(title);
  }
  for (guint i = 0; i < scene->groups->len; i++) {
    const LayoutGroup *g = &g_array_index(scene->groups, LayoutGroup, i);
    const ModelGroup *mg = ((const TimelineGroup *)g_ptr_array_index(t->groups, i))->group;
    if (g->total_shown == LAYOUT_SHOWN_SHORTENED)
      diag_warning(diags, file, mg->line, mg->column,
                   "the total of '%s' (%s) is shortened: the group's label has no room for it "
                   "at this width (a wider page, -W, shows it whole)",
                   g->name, g->total);
    for (guint k = 0; k < g->gaps->len; k++) {
      const LayoutGap *gap = &g_array_index(g->gaps, LayoutGap, k);
      if (gap->shown == LAYOUT_SHOWN_SHORTENED)
        diag_warning(diags, file, gap->line, gap->column,
                     "the gap of %s in '%s' (%s) is marked without its length: there is no room "
                     "for it beside the labels at this width (a wider page, -W, shows it)",
                     gap->text, g->name, gap->dates);
    }
  }
}

/* Where a text shape's owner is in the CV (0, 0 when it has no place there). */
static void layout_owner_position(const LayoutScene *scene, const LayoutShape *s, int *line,
                                  int *column)
{
  const LayoutEntry *e = layout_shape_entry(scene, s);
  const LayoutMilestone *m = layout_shape_milestone(scene, s);
  *line = e ? e->line : m ? m->line : 0;
  *column = e ? e->column : m ? m->column : 0;
}

/* A character no installed font can draw shows as a box: warn once for each script
 * that has one, at the first place it is drawn, naming a Debian package that covers it. */
static void layout_warn_glyphs(const LayoutScene *scene, const Timeline *t, TextCtx *text,
                               DiagList *diags)
{
  GHashTable *warned = g_hash_table_new(g_str_hash, g_str_equal);
  GArray *missing = g_array_new(FALSE, FALSE, sizeof(TextMissing));
  for (guint i = 0; i < scene->shapes->len; i++) {
    const LayoutShape *s = &g_array_index(scene->shapes, LayoutShape, i);
    if (s->kind != LAYOUT_SHAPE_TEXT || !s->text || !s->font)
      continue;
    g_array_set_size(missing, 0);
    text_missing_glyphs(text, s->font, s->text, missing);
    for (guint k = 0; k < missing->len; k++) {
      gunichar ch = g_array_index(missing, TextMissing, k).ch;
      const char *script = text_script_name(ch);
      if (!g_hash_table_add(warned, (gpointer)script))
        continue;
      char utf8[8] = {0};
      g_unichar_to_utf8(ch, utf8);
      int line, column;
      layout_owner_position(scene, s, &line, &column);
      char *quoted = layout_quote(s->text);
      diag_warning(diags, t->cv->file, line, column,
                   "no installed font draws '%s' (U+%04X, %s) in '%s': it shows as a box; "
                   "the Debian package %s has fonts for it",
                   utf8, ch, script, quoted, text_script_package(ch));
      g_free(quoted);
    }
  }
  g_array_unref(missing);
  g_hash_table_destroy(warned);
}

LayoutScene *layout_build(const Timeline *timeline, const Style *style, TextCtx *text,
                          DiagList *diags)
{
  if (!layout_check_width(style, diags))
    return NULL;
  /* Shaped in the chart's language: its fonts and glyph forms (Japanese or Chinese Han). */
  text_ctx_set_language(text, lang_code(timeline->cv->language));
  /* Counted once, for every layout a fixed height tries; only when the chart shows it. */
  SummaryReport *summary = style->group.total || style->gaps.show
                               ? summary_build(timeline, &SUMMARY_DEFAULT_OPTIONS)
                               : NULL;
  LayoutScene *scene = layout_fit(timeline, style, summary, text, diags);
  summary_report_free(summary);
  if (scene == NULL)
    return NULL;
  layout_add_background(scene, style);
  layout_link(scene);
  layout_warn_shortened(scene, timeline, diags);
  layout_warn_glyphs(scene, timeline, text, diags);
  return scene;
}

LayoutScene *layout_scene_new(double width, double height)
{
  LayoutScene *scene = g_new0(LayoutScene, 1);
  scene->width = width;
  scene->height = height;
  scene->strings = g_string_chunk_new(4096);
  scene->shapes = g_array_new(FALSE, TRUE, sizeof(LayoutShape));
  scene->groups = g_array_new(FALSE, TRUE, sizeof(LayoutGroup));
  g_array_set_clear_func(scene->groups, layout_group_clear);
  scene->entries = g_array_new(FALSE, TRUE, sizeof(LayoutEntry));
  g_array_set_clear_func(scene->entries, layout_entry_clear);
  scene->milestones = g_array_new(FALSE, TRUE, sizeof(LayoutMilestone));
  g_array_set_clear_func(scene->milestones, layout_milestone_clear);
  scene->ticks = g_array_new(FALSE, TRUE, sizeof(LayoutTick));
  scene->lang = lang_copy(NULL);
  return scene;
}

LayoutGroup *layout_scene_add_group(LayoutScene *scene, const char *key, const char *name)
{
  LayoutGroup g = {
      .key = g_strdup(key),
      .name = g_strdup(name),
      .label = LAYOUT_NONE,
      .first_entry = scene->entries->len,
      .total_label = LAYOUT_NONE,
      .gaps = g_array_new(FALSE, TRUE, sizeof(LayoutGap)),
  };
  g_array_set_clear_func(g.gaps, layout_gap_clear);
  g_array_append_val(scene->groups, g);
  return &g_array_index(scene->groups, LayoutGroup, scene->groups->len - 1);
}

LayoutEntry *layout_scene_add_entry(LayoutScene *scene, guint group)
{
  g_return_val_if_fail(group + 1 == scene->groups->len, NULL);
  g_array_index(scene->groups, LayoutGroup, group).n_entries++;
  LayoutEntry e = {
      .group = group,
      .periods = g_array_new(FALSE, FALSE, sizeof(DateSpan)),
      .roles = g_array_new(FALSE, FALSE, sizeof(LayoutRole)),
      .bars = g_array_new(FALSE, TRUE, sizeof(LayoutBar)),
      .label = LAYOUT_NONE,
      .org_label = LAYOUT_NONE,
      .caption = LAYOUT_NONE,
  };
  g_array_append_val(scene->entries, e);
  return &g_array_index(scene->entries, LayoutEntry, scene->entries->len - 1);
}

LayoutMilestone *layout_scene_add_milestone(LayoutScene *scene)
{
  LayoutMilestone m = {.marker = LAYOUT_NONE, .label = LAYOUT_NONE, .list_item = LAYOUT_NONE};
  g_array_append_val(scene->milestones, m);
  return &g_array_index(scene->milestones, LayoutMilestone, scene->milestones->len - 1);
}

void layout_scene_free(LayoutScene *scene)
{
  if (!scene)
    return;
  g_array_unref(scene->shapes);
  g_array_unref(scene->groups);
  g_array_unref(scene->entries);
  g_array_unref(scene->milestones);
  g_array_unref(scene->ticks);
  g_string_chunk_free(scene->strings);
  g_free(scene->tick_unit);
  g_free(scene->title);
  g_free(scene->headline);
  lang_free(scene->lang);
  g_free(scene);
}

/* --- Reading a scene --- */

const LayoutShape *layout_shape(const LayoutScene *scene, guint index)
{
  return index < scene->shapes->len ? &g_array_index(scene->shapes, LayoutShape, index) : NULL;
}

LayoutBox layout_shape_box(const LayoutScene *scene, guint index)
{
  const LayoutShape *s = layout_shape(scene, index);
  return s ? (LayoutBox){s->x, s->y, s->w, s->h} : (LayoutBox){0, 0, 0, 0};
}

const LayoutEntry *layout_shape_entry(const LayoutScene *scene, const LayoutShape *shape)
{
  if (shape->owner.kind != LAYOUT_OWNER_ENTRY || shape->owner.index >= scene->entries->len)
    return NULL;
  return &g_array_index(scene->entries, LayoutEntry, shape->owner.index);
}

const LayoutMilestone *layout_shape_milestone(const LayoutScene *scene, const LayoutShape *shape)
{
  if (shape->owner.kind != LAYOUT_OWNER_MILESTONE || shape->owner.index >= scene->milestones->len)
    return NULL;
  return &g_array_index(scene->milestones, LayoutMilestone, shape->owner.index);
}

const char *layout_shape_link(const LayoutScene *scene, const LayoutShape *shape)
{
  LayoutPart part = shape->owner.part;
  if (part == LAYOUT_PART_BAR || part == LAYOUT_PART_SEGMENT) {
    const LayoutEntry *e = layout_shape_entry(scene, shape);
    return e ? e->url : NULL;
  }
  if (part == LAYOUT_PART_MARKER) {
    const LayoutMilestone *m = layout_shape_milestone(scene, shape);
    return m ? m->url : NULL;
  }
  return NULL;
}

gboolean layout_shape_is_free_text(const LayoutShape *shape)
{
  LayoutOwnerKind kind = shape->owner.kind;
  return shape->kind == LAYOUT_SHAPE_TEXT &&
         (kind == LAYOUT_OWNER_TITLE || kind == LAYOUT_OWNER_LEGEND || kind == LAYOUT_OWNER_TODAY ||
          kind == LAYOUT_OWNER_TRACK ||
          (kind == LAYOUT_OWNER_AXIS && shape->owner.part == LAYOUT_PART_TICK_ECHO));
}

const LayoutEntry *layout_group_entry(const LayoutScene *scene, const LayoutGroup *group, guint i)
{
  return &g_array_index(scene->entries, LayoutEntry, group->first_entry + i);
}

void layout_rect_corners(const LayoutShape *s, double *left, double *right)
{
  double r = isfinite(s->radius) ? MAX(0, MIN(s->radius, MIN(s->w, s->h) / 2)) : 0;
  *left = s->square_left ? 0 : r;
  *right = s->square_right ? 0 : r;
}

void layout_rect_fades(const LayoutShape *s, double *left, double *right)
{
  double l = (isfinite(s->fade_left) && s->fade_left > 0) ? s->fade_left : 0;
  double r = (isfinite(s->fade_right) && s->fade_right > 0) ? s->fade_right : 0;
  if (l + r > s->w && l + r > 0) {
    double k = s->w / (l + r);
    l *= k;
    r *= k;
  }
  *left = l;
  *right = r;
}

void layout_rect_hatch(const LayoutShape *s, int dir,
                       void (*line)(gpointer closure, double x0, double y0, double x1, double y1),
                       gpointer closure)
{
  double span = s->w + s->h;
  double first =
      floor((dir > 0 ? s->x : s->x - s->h) / LAYOUT_HATCH_SPACING) * LAYOUT_HATCH_SPACING;
  for (double u = first; u <= s->x + span; u += LAYOUT_HATCH_SPACING) {
    if (dir > 0)
      line(closure, u, s->y + s->h, u + s->h, s->y);
    else
      line(closure, u, s->y, u + s->h, s->y + s->h);
  }
}

void layout_rect_lines(const LayoutShape *s, gboolean vertical,
                       void (*line)(gpointer closure, double x0, double y0, double x1, double y1),
                       gpointer closure)
{
  double lo = vertical ? s->x : s->y, hi = lo + (vertical ? s->w : s->h);
  for (double u = floor(lo / LAYOUT_HATCH_SPACING) * LAYOUT_HATCH_SPACING +
                  LAYOUT_HATCH_SPACING / 2;
       u <= hi; u += LAYOUT_HATCH_SPACING) {
    if (vertical)
      line(closure, u, s->y, u, s->y + s->h);
    else
      line(closure, s->x, u, s->x + s->w, u);
  }
}

void layout_rect_dots(const LayoutShape *s, void (*dot)(gpointer closure, double x, double y),
                      gpointer closure)
{
  double x0 = floor(s->x / LAYOUT_DOT_SPACING) * LAYOUT_DOT_SPACING + LAYOUT_DOT_SPACING / 2;
  double y0 = floor(s->y / LAYOUT_DOT_SPACING) * LAYOUT_DOT_SPACING + LAYOUT_DOT_SPACING / 2;
  for (double y = y0; y < s->y + s->h + LAYOUT_DOT_RADIUS; y += LAYOUT_DOT_SPACING)
    for (double x = x0; x < s->x + s->w + LAYOUT_DOT_RADIUS; x += LAYOUT_DOT_SPACING)
      dot(closure, x, y);
}

/* Adds the errors of @from to @to, under @rename's file name "svg.dark" for the file
 * "--style" when @rename. */
static void layout_copy_errors(DiagList *to, DiagList *from, gboolean rename)
{
  for (guint i = 0; i < diag_len(from); i++) {
    const Diag *d = diag_get(from, i);
    if (d->severity == DIAG_ERROR)
      diag_error(to, rename && g_strcmp0(d->file, "--style") == 0 ? "svg.dark" : d->file,
                 d->line, d->column, "%s", d->text);
  }
}

LayoutScene *layout_build_scheme(const Timeline *timeline, const char *const *styles,
                                 guint n_styles, const char *scheme, const char *const *sets,
                                 guint n_sets, TextCtx *text, Style **scheme_style,
                                 DiagList *diags)
{
  const char **stack = g_new(const char *, n_styles + 1);
  for (guint i = 0; i < n_styles; i++)
    stack[i] = styles[i];
  stack[n_styles] = scheme;
  DiagList *style_diags = diag_list_new();
  *scheme_style = style_resolve(stack, n_styles + 1, sets, n_sets, style_diags);
  g_free(stack);
  layout_copy_errors(diags, style_diags, TRUE);
  diag_list_free(style_diags);
  if (*scheme_style == NULL)
    return NULL;
  /* The user's styles again: their warnings were given with the chart's own. */
  DiagList *user_diags = diag_list_new();
  Style *colours = style_resolve(styles, n_styles, sets, n_sets, user_diags);
  layout_copy_errors(diags, user_diags, FALSE);
  diag_list_free(user_diags);
  if (colours == NULL)
    return NULL;
  style_copy_colors(colours, *scheme_style);
  DiagList *again = diag_list_new();
  LayoutScene *scene = layout_build(timeline, colours, text, again);
  layout_copy_errors(diags, again, FALSE);
  diag_list_free(again);
  style_free(colours);
  return scene;
}
