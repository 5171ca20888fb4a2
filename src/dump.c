/* dump: the layout dump of spec/cli.md "The layout dump", written with libyaml's
 * emitter (never printf) so that any text is quoted correctly. Numbers are formatted in
 * the C locale; user text is always double-quoted, so "2019" stays a string. */
#include "dump.h"

#include "strutil.h"
#include <yaml.h>

typedef struct {
  yaml_emitter_t emitter;
  GString *out;
  gboolean failed;
} Dump;

static int dump_write(void *data, unsigned char *buffer, size_t size)
{
  g_string_append_len(((Dump *)data)->out, (const char *)buffer, (gssize)size);
  return 1;
}

static void dump_emit(Dump *d, yaml_event_t *event)
{
  if (d->failed || !yaml_emitter_emit(&d->emitter, event))
    d->failed = TRUE;
}

static void dump_scalar_style(Dump *d, const char *text, yaml_scalar_style_t style)
{
  yaml_event_t event;
  yaml_scalar_event_initialize(&event, NULL, NULL, (yaml_char_t *)text, -1, 1, 1, style);
  dump_emit(d, &event);
}

/* A key or a value the dump defines (never user text): plain. */
static void dump_plain(Dump *d, const char *text)
{
  dump_scalar_style(d, text, YAML_PLAIN_SCALAR_STYLE);
}

/* User text: always double-quoted. */
static void dump_text(Dump *d, const char *text)
{
  dump_scalar_style(d, text ? text : "", YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

static void dump_number(Dump *d, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  dump_plain(d, strutil_format_number(buf, sizeof buf, value, 2));
}

static void dump_int(Dump *d, long value)
{
  char buf[32];
  g_snprintf(buf, sizeof buf, "%ld", value);
  dump_plain(d, buf);
}

static void dump_date(Dump *d, DateDay day)
{
  char buf[DATE_ISO_SIZE];
  dump_plain(d, date_format_iso(day, buf));
}

static void dump_map_start(Dump *d, gboolean flow)
{
  yaml_event_t event;
  yaml_mapping_start_event_initialize(&event, NULL, NULL, 1,
                                      flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
  dump_emit(d, &event);
}

static void dump_map_end(Dump *d)
{
  yaml_event_t event;
  yaml_mapping_end_event_initialize(&event);
  dump_emit(d, &event);
}

static void dump_seq_start(Dump *d)
{
  yaml_event_t event;
  yaml_sequence_start_event_initialize(&event, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
  dump_emit(d, &event);
}

static void dump_seq_end(Dump *d)
{
  yaml_event_t event;
  yaml_sequence_end_event_initialize(&event);
  dump_emit(d, &event);
}

static void dump_key_number(Dump *d, const char *key, double value)
{
  dump_plain(d, key);
  dump_number(d, value);
}

static void dump_key_int(Dump *d, const char *key, long value)
{
  dump_plain(d, key);
  dump_int(d, value);
}

static void dump_key_date(Dump *d, const char *key, DateDay day)
{
  dump_plain(d, key);
  dump_date(d, day);
}

static void dump_key_text(Dump *d, const char *key, const char *text)
{
  dump_plain(d, key);
  dump_text(d, text);
}

static void dump_box_fields(Dump *d, const LayoutBox *box)
{
  dump_key_number(d, "x", box->x);
  dump_key_number(d, "y", box->y);
  dump_key_number(d, "w", box->w);
  dump_key_number(d, "h", box->h);
}

static void dump_box(Dump *d, const char *key, const LayoutBox *box)
{
  dump_plain(d, key);
  dump_map_start(d, TRUE);
  dump_box_fields(d, box);
  dump_map_end(d);
}

/* {text: "…", x:, y:, w:, h:}: a text shape as the dump names a label. */
static void dump_label_map(Dump *d, const LayoutShape *label)
{
  LayoutBox box = {label->x, label->y, label->w, label->h};
  dump_map_start(d, TRUE);
  dump_key_text(d, "text", label->text);
  dump_box_fields(d, &box);
  dump_map_end(d);
}

/* `key: {text:, x:, ...}` for shape @label, or nothing when there is none. */
static void dump_label(Dump *d, const LayoutScene *scene, const char *key, guint label)
{
  const LayoutShape *shape = layout_shape(scene, label);
  if (shape == NULL)
    return;
  dump_plain(d, key);
  dump_label_map(d, shape);
}

static void dump_bar(Dump *d, const LayoutScene *scene, const LayoutEntry *entry,
                     const LayoutBar *bar)
{
  LayoutBox box = layout_shape_box(scene, bar->shape);
  dump_map_start(d, TRUE);
  dump_key_date(d, "start", bar->start);
  dump_key_date(d, "end", bar->end);
  dump_box_fields(d, &box);
  if (entry->roles->len > 0 && bar->source < entry->roles->len)
    dump_key_text(d, "role", g_array_index(entry->roles, LayoutRole, bar->source).title);
  const LayoutShape *label = layout_shape(scene, bar->label);
  if (label != NULL) {
    LayoutBox label_box = {label->x, label->y, label->w, label->h};
    dump_key_text(d, "label", label->text);
    dump_box(d, "label_box", &label_box);
  }
  dump_map_end(d);
}

static const char *const dump_shown_names[] = {"whole", "shortened", "listed"};
static const char *const dump_place_names[] = {"none", "inside", "right", "left"};

/* `shown: whole|shortened|listed` (doc/layout-dump.md). */
static void dump_key_shown(Dump *d, LayoutShown shown)
{
  dump_plain(d, "shown");
  dump_plain(d, dump_shown_names[shown]);
}

/* `label: {text:, place:, x:, ...}`: an entry's own label and where it sits. */
static void dump_entry_label(Dump *d, const LayoutScene *scene, const LayoutEntry *entry)
{
  const LayoutShape *shape = layout_shape(scene, entry->label);
  if (shape == NULL)
    return;
  LayoutBox box = {shape->x, shape->y, shape->w, shape->h};
  dump_plain(d, "label");
  dump_map_start(d, TRUE);
  dump_key_text(d, "text", shape->text);
  dump_plain(d, "place");
  dump_plain(d, dump_place_names[entry->place]);
  dump_box_fields(d, &box);
  dump_map_end(d);
}

static void dump_entry(Dump *d, const LayoutScene *scene, const LayoutEntry *entry)
{
  dump_map_start(d, FALSE);
  if (entry->title)
    dump_key_text(d, "title", entry->title);
  if (entry->org)
    dump_key_text(d, "org", entry->org);
  dump_key_int(d, "lane", entry->lane);
  dump_plain(d, "source");
  dump_map_start(d, TRUE);
  dump_key_int(d, "line", entry->line);
  dump_key_int(d, "column", entry->column);
  dump_map_end(d);
  dump_key_text(d, "full_label", entry->full_label);
  dump_key_shown(d, entry->shown);
  dump_plain(d, "bars");
  dump_seq_start(d);
  for (guint i = 0; i < entry->bars->len; i++)
    dump_bar(d, scene, entry, &g_array_index(entry->bars, LayoutBar, i));
  dump_seq_end(d);
  dump_entry_label(d, scene, entry);
  dump_label(d, scene, "org_label", entry->org_label);
  dump_label(d, scene, "caption", entry->caption);
  dump_map_end(d);
}

/* `{start:, end:, dates:, text:, shown:, box: {…}, label: {…}}`: a gap's band, and its
 * length where it was drawn. */
static void dump_gap(Dump *d, const LayoutScene *scene, const LayoutGap *gap)
{
  LayoutBox box = layout_shape_box(scene, gap->band);
  dump_map_start(d, TRUE);
  dump_key_date(d, "start", gap->start);
  dump_key_date(d, "end", gap->end);
  dump_key_text(d, "dates", gap->dates);
  dump_key_text(d, "text", gap->text);
  dump_key_shown(d, gap->shown);
  dump_box(d, "box", &box);
  dump_label(d, scene, "label", gap->label);
  dump_map_end(d);
}

static void dump_group(Dump *d, const LayoutScene *scene, const LayoutGroup *group)
{
  dump_map_start(d, FALSE);
  dump_key_text(d, "name", group->name);
  dump_key_text(d, "key", group->key);
  dump_key_int(d, "lanes", group->lanes);
  dump_box(d, "box", &group->box);
  dump_label(d, scene, "label", group->label);
  if (group->total) {
    dump_plain(d, "total");
    dump_map_start(d, TRUE);
    dump_key_text(d, "text", group->total);
    dump_key_shown(d, group->total_shown);
    dump_map_end(d);
    dump_label(d, scene, "total_label", group->total_label);
  }
  if (group->gaps->len > 0) {
    dump_plain(d, "gaps");
    dump_seq_start(d);
    for (guint i = 0; i < group->gaps->len; i++)
      dump_gap(d, scene, &g_array_index(group->gaps, LayoutGap, i));
    dump_seq_end(d);
  }
  dump_plain(d, "entries");
  dump_seq_start(d);
  for (guint i = 0; i < group->n_entries; i++)
    dump_entry(d, scene, layout_group_entry(scene, group, i));
  dump_seq_end(d);
  dump_map_end(d);
}

static void dump_milestone(Dump *d, const LayoutScene *scene, const LayoutMilestone *ms)
{
  dump_map_start(d, TRUE);
  dump_key_date(d, "date", ms->date);
  dump_key_text(d, "title", ms->title);
  dump_key_number(d, "x", ms->x);
  dump_key_number(d, "y", ms->y);
  dump_key_shown(d, ms->shown);
  if (ms->shown == LAYOUT_SHOWN_LISTED)
    dump_key_int(d, "number", ms->number);
  if (ms->label != LAYOUT_NONE) {
    dump_key_int(d, "tier", ms->tier);
    dump_plain(d, "half");
    dump_plain(d, ms->above ? "above" : "below");
    dump_plain(d, "side");
    dump_plain(d, ms->left ? "left" : "right");
  }
  dump_label(d, scene, "label", ms->label);
  dump_map_end(d);
}

static void dump_tick(Dump *d, const LayoutScene *scene, const LayoutTick *tick)
{
  dump_map_start(d, TRUE);
  dump_key_date(d, "date", tick->date);
  dump_key_number(d, "x", tick->x);
  dump_label(d, scene, "label", tick->label);
  dump_map_end(d);
}

static void dump_scene(Dump *d, const LayoutScene *scene)
{
  dump_map_start(d, FALSE);
  dump_key_number(d, "width", scene->width);
  dump_key_number(d, "height", scene->height);
  dump_plain(d, "range");
  dump_map_start(d, TRUE);
  dump_key_date(d, "start", scene->range_start);
  dump_key_date(d, "end", scene->range_end);
  dump_map_end(d);
  dump_key_date(d, "today", scene->today);
  if (scene->today_visible)
    dump_key_number(d, "today_x", scene->today_x);
  dump_box(d, "plot", &scene->plot);
  dump_plain(d, "tick_unit");
  dump_plain(d, scene->tick_unit ? scene->tick_unit : "year");
  /* What the completeness rule expects of every entry's labels, and the lanes' order. */
  dump_plain(d, "label_fields");
  yaml_event_t event;
  yaml_sequence_start_event_initialize(&event, NULL, NULL, 1, YAML_FLOW_SEQUENCE_STYLE);
  dump_emit(d, &event);
  dump_plain(d, "title");
  if (scene->show_org)
    dump_plain(d, "org");
  dump_seq_end(d);
  dump_plain(d, "lane_order");
  dump_plain(d, scene->newest_first ? "newest-first" : "oldest-first");

  dump_plain(d, "groups");
  dump_seq_start(d);
  for (guint i = 0; i < scene->groups->len; i++)
    dump_group(d, scene, &g_array_index(scene->groups, LayoutGroup, i));
  dump_seq_end(d);

  dump_plain(d, "milestones");
  dump_seq_start(d);
  for (guint i = 0; i < scene->milestones->len; i++)
    dump_milestone(d, scene, &g_array_index(scene->milestones, LayoutMilestone, i));
  dump_seq_end(d);

  /* The numbered list under the chart, in number order. */
  gboolean any_listed = FALSE;
  for (guint i = 0; i < scene->milestones->len; i++)
    any_listed = any_listed ||
                 g_array_index(scene->milestones, LayoutMilestone, i).list_item != LAYOUT_NONE;
  if (any_listed) {
    dump_plain(d, "milestone_list");
    dump_seq_start(d);
    for (guint i = 0; i < scene->milestones->len; i++) {
      const LayoutMilestone *ms = &g_array_index(scene->milestones, LayoutMilestone, i);
      const LayoutShape *item = layout_shape(scene, ms->list_item);
      if (item == NULL)
        continue;
      LayoutBox box = {item->x, item->y, item->w, item->h};
      dump_map_start(d, TRUE);
      dump_key_int(d, "number", ms->number);
      dump_key_text(d, "text", item->text);
      dump_box_fields(d, &box);
      dump_map_end(d);
    }
    dump_seq_end(d);
  }

  dump_plain(d, "ticks");
  dump_seq_start(d);
  for (guint i = 0; i < scene->ticks->len; i++)
    dump_tick(d, scene, &g_array_index(scene->ticks, LayoutTick, i));
  dump_seq_end(d);

  dump_plain(d, "texts");
  dump_seq_start(d);
  /* Every other text drawn (title, legend, today, ...), in paint order. */
  for (guint i = 0; i < scene->shapes->len; i++) {
    const LayoutShape *s = &g_array_index(scene->shapes, LayoutShape, i);
    if (layout_shape_is_free_text(s))
      dump_label_map(d, s);
  }
  dump_seq_end(d);
  dump_map_end(d);
}

char *dump_layout(const LayoutScene *scene)
{
  Dump d = {.out = g_string_new(NULL)};
  yaml_emitter_initialize(&d.emitter);
  yaml_emitter_set_output(&d.emitter, dump_write, &d);
  yaml_emitter_set_unicode(&d.emitter, 1);
  yaml_emitter_set_width(&d.emitter, -1);
  yaml_emitter_set_indent(&d.emitter, 2);

  yaml_event_t event;
  yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING);
  dump_emit(&d, &event);
  yaml_document_start_event_initialize(&event, NULL, NULL, NULL, 1);
  dump_emit(&d, &event);
  dump_scene(&d, scene);
  yaml_document_end_event_initialize(&event, 1);
  dump_emit(&d, &event);
  yaml_stream_end_event_initialize(&event);
  dump_emit(&d, &event);
  yaml_emitter_delete(&d.emitter);
  /* The emitter only fails on invalid UTF-8, which ydoc never lets through. */
  g_warn_if_fail(!d.failed);
  return g_string_free(d.out, FALSE);
}
