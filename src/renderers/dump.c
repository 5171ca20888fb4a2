/* dump: the layout dump of doc/layout-dump.md, written through emit (libyaml's
 * emitter, never printf) so that any text is quoted correctly. Numbers are formatted in
 * the C locale; user text is always double-quoted, so "2019" stays a string. */
#include "dump.h"

#include "emit.h"

/* The dump's numbers: two decimals at most, C locale. */
static void dump_key_number(Emit *e, const char *key, double value)
{
  emit_key_number(e, key, value, 2);
}

static void dump_key_date(Emit *e, const char *key, DateDay day)
{
  char buf[DATE_ISO_SIZE];
  emit_key_word(e, key, date_format_iso(day, buf));
}

/* User text: always double-quoted; a missing text is "" (the dump has no nulls). */
static void dump_key_text(Emit *e, const char *key, const char *text)
{
  emit_key_string(e, key, text ? text : "");
}

static void dump_box_fields(Emit *e, const LayoutBox *box)
{
  dump_key_number(e, "x", box->x);
  dump_key_number(e, "y", box->y);
  dump_key_number(e, "w", box->w);
  dump_key_number(e, "h", box->h);
}

static void dump_box(Emit *e, const char *key, const LayoutBox *box)
{
  emit_key(e, key);
  emit_map_start(e, TRUE);
  dump_box_fields(e, box);
  emit_map_end(e);
}

/* {text: "…", x:, y:, w:, h:}: a text shape as the dump names a label. */
static void dump_label_map(Emit *e, const LayoutShape *label)
{
  LayoutBox box = {label->x, label->y, label->w, label->h};
  emit_map_start(e, TRUE);
  dump_key_text(e, "text", label->text);
  dump_box_fields(e, &box);
  emit_map_end(e);
}

/* `key: {text:, x:, ...}` for shape @label, or nothing when there is none. */
static void dump_label(Emit *e, const LayoutScene *scene, const char *key, guint label)
{
  const LayoutShape *shape = layout_shape(scene, label);
  if (shape == NULL)
    return;
  emit_key(e, key);
  dump_label_map(e, shape);
}

static void dump_bar(Emit *e, const LayoutScene *scene, const LayoutEntry *entry,
                     const LayoutBar *bar)
{
  LayoutBox box = layout_shape_box(scene, bar->shape);
  emit_map_start(e, TRUE);
  dump_key_date(e, "start", bar->start);
  dump_key_date(e, "end", bar->end);
  dump_box_fields(e, &box);
  if (entry->roles->len > 0 && bar->source < entry->roles->len)
    dump_key_text(e, "role", g_array_index(entry->roles, LayoutRole, bar->source).title);
  const LayoutShape *label = layout_shape(scene, bar->label);
  if (label != NULL) {
    LayoutBox label_box = {label->x, label->y, label->w, label->h};
    dump_key_text(e, "label", label->text);
    dump_box(e, "label_box", &label_box);
  }
  emit_map_end(e);
}

static const char *const dump_shown_names[] = {"whole", "shortened", "listed"};
static const char *const dump_place_names[] = {"none", "inside", "right", "left"};

/* `shown: whole|shortened|listed` (doc/layout-dump.md). */
static void dump_key_shown(Emit *e, LayoutShown shown)
{
  emit_key_word(e, "shown", dump_shown_names[shown]);
}

/* `label: {text:, place:, x:, ...}`: an entry's own label and where it sits. */
static void dump_entry_label(Emit *e, const LayoutScene *scene, const LayoutEntry *entry)
{
  const LayoutShape *shape = layout_shape(scene, entry->label);
  if (shape == NULL)
    return;
  LayoutBox box = {shape->x, shape->y, shape->w, shape->h};
  emit_key(e, "label");
  emit_map_start(e, TRUE);
  dump_key_text(e, "text", shape->text);
  emit_key_word(e, "place", dump_place_names[entry->place]);
  dump_box_fields(e, &box);
  emit_map_end(e);
}

static void dump_entry(Emit *e, const LayoutScene *scene, const LayoutEntry *entry)
{
  emit_map_start(e, FALSE);
  if (entry->title)
    dump_key_text(e, "title", entry->title);
  if (entry->org)
    dump_key_text(e, "org", entry->org);
  emit_key_int(e, "lane", entry->lane);
  emit_key(e, "source");
  emit_map_start(e, TRUE);
  emit_key_int(e, "line", entry->line);
  emit_key_int(e, "column", entry->column);
  emit_map_end(e);
  dump_key_text(e, "full_label", entry->full_label);
  dump_key_shown(e, entry->shown);
  emit_key(e, "bars");
  emit_list_start(e);
  for (guint i = 0; i < entry->bars->len; i++)
    dump_bar(e, scene, entry, &g_array_index(entry->bars, LayoutBar, i));
  emit_list_end(e);
  dump_entry_label(e, scene, entry);
  dump_label(e, scene, "org_label", entry->org_label);
  dump_label(e, scene, "caption", entry->caption);
  emit_map_end(e);
}

/* `{start:, end:, dates:, text:, shown:, box: {…}, label: {…}}`: a gap's band, and its
 * length where it was drawn. */
static void dump_gap(Emit *e, const LayoutScene *scene, const LayoutGap *gap)
{
  LayoutBox box = layout_shape_box(scene, gap->band);
  emit_map_start(e, TRUE);
  dump_key_date(e, "start", gap->start);
  dump_key_date(e, "end", gap->end);
  dump_key_text(e, "dates", gap->dates);
  dump_key_text(e, "text", gap->text);
  dump_key_shown(e, gap->shown);
  dump_box(e, "box", &box);
  dump_label(e, scene, "label", gap->label);
  emit_map_end(e);
}

static void dump_group(Emit *e, const LayoutScene *scene, const LayoutGroup *group)
{
  emit_map_start(e, FALSE);
  dump_key_text(e, "name", group->name);
  dump_key_text(e, "key", group->key);
  emit_key_int(e, "lanes", group->lanes);
  dump_box(e, "box", &group->box);
  dump_label(e, scene, "label", group->label);
  if (group->total) {
    emit_key(e, "total");
    emit_map_start(e, TRUE);
    dump_key_text(e, "text", group->total);
    dump_key_shown(e, group->total_shown);
    emit_map_end(e);
    dump_label(e, scene, "total_label", group->total_label);
  }
  if (group->gaps->len > 0) {
    emit_key(e, "gaps");
    emit_list_start(e);
    for (guint i = 0; i < group->gaps->len; i++)
      dump_gap(e, scene, &g_array_index(group->gaps, LayoutGap, i));
    emit_list_end(e);
  }
  emit_key(e, "entries");
  emit_list_start(e);
  for (guint i = 0; i < group->n_entries; i++)
    dump_entry(e, scene, layout_group_entry(scene, group, i));
  emit_list_end(e);
  emit_map_end(e);
}

static void dump_milestone(Emit *e, const LayoutScene *scene, const LayoutMilestone *ms)
{
  emit_map_start(e, TRUE);
  dump_key_date(e, "date", ms->date);
  dump_key_text(e, "title", ms->title);
  dump_key_number(e, "x", ms->x);
  dump_key_number(e, "y", ms->y);
  dump_key_shown(e, ms->shown);
  if (ms->shown == LAYOUT_SHOWN_LISTED)
    emit_key_int(e, "number", ms->number);
  if (ms->label != LAYOUT_NONE) {
    emit_key_int(e, "tier", ms->tier);
    emit_key_word(e, "half", ms->above ? "above" : "below");
    emit_key_word(e, "side", ms->left ? "left" : "right");
  }
  dump_label(e, scene, "label", ms->label);
  emit_map_end(e);
}

static void dump_tick(Emit *e, const LayoutScene *scene, const LayoutTick *tick)
{
  emit_map_start(e, TRUE);
  dump_key_date(e, "date", tick->date);
  dump_key_number(e, "x", tick->x);
  dump_label(e, scene, "label", tick->label);
  emit_map_end(e);
}

static void dump_scene(Emit *e, const LayoutScene *scene)
{
  emit_map_start(e, FALSE);
  dump_key_number(e, "width", scene->width);
  dump_key_number(e, "height", scene->height);
  emit_key(e, "range");
  emit_map_start(e, TRUE);
  dump_key_date(e, "start", scene->range_start);
  dump_key_date(e, "end", scene->range_end);
  emit_map_end(e);
  dump_key_date(e, "today", scene->today);
  if (scene->today_visible)
    dump_key_number(e, "today_x", scene->today_x);
  dump_box(e, "plot", &scene->plot);
  emit_key_word(e, "tick_unit", scene->tick_unit ? scene->tick_unit : "year");
  /* What the completeness rule expects of every entry's labels, and the lanes' order. */
  emit_key(e, "label_fields");
  emit_compact_list_start(e);
  emit_word(e, "title");
  if (scene->show_org)
    emit_word(e, "org");
  emit_list_end(e);
  emit_key_word(e, "lane_order", scene->newest_first ? "newest-first" : "oldest-first");

  emit_key(e, "groups");
  emit_list_start(e);
  for (guint i = 0; i < scene->groups->len; i++)
    dump_group(e, scene, &g_array_index(scene->groups, LayoutGroup, i));
  emit_list_end(e);

  emit_key(e, "milestones");
  emit_list_start(e);
  for (guint i = 0; i < scene->milestones->len; i++)
    dump_milestone(e, scene, &g_array_index(scene->milestones, LayoutMilestone, i));
  emit_list_end(e);

  /* The numbered list under the chart, in number order. */
  gboolean any_listed = FALSE;
  for (guint i = 0; i < scene->milestones->len; i++)
    any_listed =
        any_listed || g_array_index(scene->milestones, LayoutMilestone, i).list_item != LAYOUT_NONE;
  if (any_listed) {
    emit_key(e, "milestone_list");
    emit_list_start(e);
    for (guint i = 0; i < scene->milestones->len; i++) {
      const LayoutMilestone *ms = &g_array_index(scene->milestones, LayoutMilestone, i);
      const LayoutShape *item = layout_shape(scene, ms->list_item);
      if (item == NULL)
        continue;
      LayoutBox box = {item->x, item->y, item->w, item->h};
      emit_map_start(e, TRUE);
      emit_key_int(e, "number", ms->number);
      dump_key_text(e, "text", item->text);
      dump_box_fields(e, &box);
      emit_map_end(e);
    }
    emit_list_end(e);
  }

  emit_key(e, "ticks");
  emit_list_start(e);
  for (guint i = 0; i < scene->ticks->len; i++)
    dump_tick(e, scene, &g_array_index(scene->ticks, LayoutTick, i));
  emit_list_end(e);

  emit_key(e, "texts");
  emit_list_start(e);
  /* Every other text drawn (title, legend, today, ...), in paint order. */
  for (guint i = 0; i < scene->shapes->len; i++) {
    const LayoutShape *s = &g_array_index(scene->shapes, LayoutShape, i);
    if (layout_shape_is_free_text(s))
      dump_label_map(e, s);
  }
  emit_list_end(e);
  emit_map_end(e);
}

char *dump_layout(const LayoutScene *scene)
{
  Emit *e = emit_new(EMIT_YAML);
  dump_scene(e, scene);
  char *yaml = emit_finish(e);
  /* emit only fails on invalid UTF-8, which ydoc never lets through. */
  g_warn_if_fail(yaml != NULL);
  return yaml ? yaml : g_strdup("");
}
