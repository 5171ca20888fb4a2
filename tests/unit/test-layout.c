/* Unit tests of layout: tick choice from span and width, label placement (inside,
 * beside, shortened), role segments, milestone tiers, the career summary's marks (group
 * totals, gap bands), and the scene's invariants (every label inside the page, no two
 * labels overlapping, no label over a foreign bar). */
#include "layout.h"
#include "timeline.h"

#include <math.h>
#include <string.h>

static ModelEntry *entry_new(const char *title, const char *org, DateDay start, DateDay end)
{
  ModelEntry *e = model_entry_new();
  e->title = g_strdup(title);
  e->org = g_strdup(org);
  DateSpan span = {.start = start, .end = end};
  g_array_append_val(e->periods, span);
  return e;
}

static ModelCv *cv_new(void)
{
  ModelCv *cv = model_cv_new("t.yaml");
  cv->name = g_strdup("Test Person");
  cv->today = date_from_ymd(2026, 11, 25);
  return cv;
}

static ModelGroup *cv_group(ModelCv *cv, const char *key)
{
  ModelGroup *g = model_cv_find_group(cv, key);
  if (!g) {
    const char *name = model_builtin_group_name(key, NULL);
    g = model_group_new(key, name ? name : key, name != NULL);
    model_cv_add_group(cv, g);
  }
  return g;
}

typedef struct {
  ModelCv *cv;
  Style *style;
  TextCtx *text;
  Timeline *timeline;
  LayoutScene *scene;
} Fixture;

static void fixture_build(Fixture *f, ModelCv *cv, const char *const *sets, guint n_sets)
{
  DiagList *diags = diag_list_new();
  f->cv = cv;
  f->style = style_resolve(NULL, 0, sets, n_sets, diags);
  g_assert_nonnull(f->style);
  f->text = text_ctx_new();
  TimelineOptions opts = {0};
  f->timeline = timeline_build(cv, &opts, NULL);
  g_assert_nonnull(f->timeline);
  f->scene = layout_build(f->timeline, f->style, f->text, diags);
  g_assert_nonnull(f->scene);
  g_assert_cmpuint(diag_error_count(diags), ==, 0);
  diag_list_free(diags);
}

static void fixture_free(Fixture *f)
{
  layout_scene_free(f->scene);
  timeline_free(f->timeline);
  text_ctx_free(f->text);
  style_free(f->style);
  model_cv_free(f->cv);
}

/* --- The invariants, checked on the scene itself --- */

typedef struct {
  LayoutBox box;
  const LayoutEntry *owner; /* the entry a label belongs to, or NULL */
  const char *what;
} Labelled;

static void add_label(GArray *out, const LayoutScene *scene, guint label, const LayoutEntry *owner)
{
  const LayoutShape *s = layout_shape(scene, label);
  if (s != NULL)
    g_array_append_val(out, ((Labelled){{s->x, s->y, s->w, s->h}, owner, s->text}));
}

static void collect_labels(const LayoutScene *scene, GArray *out)
{
  for (guint g = 0; g < scene->groups->len; g++) {
    const LayoutGroup *group = &g_array_index(scene->groups, LayoutGroup, g);
    add_label(out, scene, group->label, NULL);
    add_label(out, scene, group->total_label, NULL);
    for (guint k = 0; k < group->gaps->len; k++)
      add_label(out, scene, g_array_index(group->gaps, LayoutGap, k).label, NULL);
    for (guint e = 0; e < group->n_entries; e++) {
      const LayoutEntry *entry = layout_group_entry(scene, group, e);
      add_label(out, scene, entry->label, entry);
      for (guint b = 0; b < entry->bars->len; b++)
        add_label(out, scene, g_array_index(entry->bars, LayoutBar, b).label, entry);
    }
  }
  for (guint m = 0; m < scene->milestones->len; m++)
    add_label(out, scene, g_array_index(scene->milestones, LayoutMilestone, m).label, NULL);
  for (guint t = 0; t < scene->ticks->len; t++)
    add_label(out, scene, g_array_index(scene->ticks, LayoutTick, t).label, NULL);
  for (guint i = 0; i < scene->shapes->len; i++) {
    const LayoutShape *s = &g_array_index(scene->shapes, LayoutShape, i);
    if (layout_shape_is_free_text(s))
      add_label(out, scene, i, NULL);
  }
}

static LayoutBox bar_box(const LayoutScene *scene, const LayoutEntry *entry, guint i)
{
  return layout_shape_box(scene, g_array_index(entry->bars, LayoutBar, i).shape);
}

static const char *label_text(const LayoutScene *scene, guint label)
{
  const LayoutShape *s = layout_shape(scene, label);
  g_assert_nonnull(s);
  return s->text;
}

static gboolean boxes_overlap(const LayoutBox *a, const LayoutBox *b)
{
  const double eps = 0.05;
  return a->x + a->w > b->x + eps && b->x + b->w > a->x + eps && a->y + a->h > b->y + eps &&
         b->y + b->h > a->y + eps;
}

/* Every shape names a record that exists, and every record's shapes name it back. */
static void assert_owners(const LayoutScene *scene)
{
  for (guint i = 0; i < scene->shapes->len; i++) {
    const LayoutOwner *o = &g_array_index(scene->shapes, LayoutShape, i).owner;
    if (o->kind == LAYOUT_OWNER_ENTRY) {
      g_assert_cmpuint(o->index, <, scene->entries->len);
      const LayoutEntry *e = &g_array_index(scene->entries, LayoutEntry, o->index);
      if (o->part == LAYOUT_PART_BAR || o->part == LAYOUT_PART_SEGMENT)
        g_assert_cmpuint(g_array_index(e->bars, LayoutBar, o->sub).shape, ==, i);
      if (o->part == LAYOUT_PART_LABEL)
        g_assert_cmpuint(e->label, ==, i);
    } else if (o->kind == LAYOUT_OWNER_MILESTONE) {
      g_assert_cmpuint(o->index, <, scene->milestones->len);
    } else if (o->kind == LAYOUT_OWNER_GROUP) {
      g_assert_cmpuint(o->index, <, scene->groups->len);
      const LayoutGroup *g = &g_array_index(scene->groups, LayoutGroup, o->index);
      if (o->part == LAYOUT_PART_GAP)
        g_assert_cmpuint(g_array_index(g->gaps, LayoutGap, o->sub).band, ==, i);
      if (o->part == LAYOUT_PART_GAP_LABEL)
        g_assert_cmpuint(g_array_index(g->gaps, LayoutGap, o->sub).label, ==, i);
      if (o->part == LAYOUT_PART_GROUP_TOTAL)
        g_assert_cmpuint(g->total_label, ==, i);
    }
  }
  for (guint e = 0; e < scene->entries->len; e++) {
    const LayoutEntry *entry = &g_array_index(scene->entries, LayoutEntry, e);
    for (guint b = 0; b < entry->bars->len; b++) {
      const LayoutBar *bar = &g_array_index(entry->bars, LayoutBar, b);
      const LayoutShape *s = layout_shape(scene, bar->shape);
      g_assert_nonnull(s);
      g_assert_true(layout_shape_entry(scene, s) == entry);
      g_assert_cmpuint(s->owner.sub, ==, b);
      g_assert_cmpuint(bar->source, <, entry->roles->len ? entry->roles->len : entry->periods->len);
    }
  }
  for (guint m = 0; m < scene->milestones->len; m++) {
    const LayoutMilestone *ms = &g_array_index(scene->milestones, LayoutMilestone, m);
    const LayoutShape *s = layout_shape(scene, ms->marker);
    g_assert_nonnull(s);
    g_assert_true(layout_shape_milestone(scene, s) == ms);
  }
}

static void assert_invariants(const LayoutScene *scene)
{
  assert_owners(scene);
  GArray *labels = g_array_new(FALSE, FALSE, sizeof(Labelled));
  collect_labels(scene, labels);
  for (guint i = 0; i < labels->len; i++) {
    const Labelled *a = &g_array_index(labels, Labelled, i);
    if (a->box.x < -0.01 || a->box.y < -0.01 || a->box.x + a->box.w > scene->width + 0.01 ||
        a->box.y + a->box.h > scene->height + 0.01)
      g_error("label '%s' leaves the %gx%g page", a->what, scene->width, scene->height);
    for (guint j = i + 1; j < labels->len; j++) {
      const Labelled *b = &g_array_index(labels, Labelled, j);
      if (boxes_overlap(&a->box, &b->box))
        g_error("labels '%s' and '%s' overlap", a->what, b->what);
    }
    for (guint e = 0; e < scene->entries->len; e++) {
      const LayoutEntry *entry = &g_array_index(scene->entries, LayoutEntry, e);
      if (entry == a->owner)
        continue;
      for (guint k = 0; k < entry->bars->len; k++) {
        LayoutBox box = bar_box(scene, entry, k);
        if (boxes_overlap(&a->box, &box))
          g_error("label '%s' lies on a bar of '%s'", a->what, entry->full_label);
      }
    }
  }
  g_array_unref(labels);
}

/* --- Ticks --- */

typedef struct {
  int from_year, to_year, to_month;
  const char *width;
  const char *unit;
} TickCase;

static const TickCase tick_cases[] = {
    {2002, 2026, 11, "1200", "year"},  {2025, 2026, 3, "1200", "month"},
    {2023, 2026, 6, "1200", "quarter"}, {1900, 2026, 1, "1200", "decade"},
    {1980, 2026, 1, "600", "year"},    {1800, 2026, 1, "400", "decade"},
};

static void test_tick_choice(void)
{
  for (guint c = 0; c < G_N_ELEMENTS(tick_cases); c++) {
    const TickCase *tc = &tick_cases[c];
    ModelCv *cv = cv_new();
    g_ptr_array_add(cv_group(cv, "jobs")->entries,
                    entry_new("A", NULL, date_from_ymd(tc->from_year, 1, 1),
                              date_from_ymd(tc->to_year, tc->to_month, 28)));
    char *set = g_strdup_printf("page.width=%s", tc->width);
    const char *sets[] = {set};
    Fixture f;
    fixture_build(&f, cv, sets, 1);
    g_test_message("%d..%d at %s", tc->from_year, tc->to_year, tc->width);
    g_assert_cmpstr(f.scene->tick_unit, ==, tc->unit);
    /* Calendar-aligned: every tick on the first of a month, decades on years ending in 0. */
    for (guint i = 0; i < f.scene->ticks->len; i++) {
      const LayoutTick *tick = &g_array_index(f.scene->ticks, LayoutTick, i);
      int y, m, d;
      date_to_ymd(tick->date, &y, &m, &d);
      g_assert_cmpint(d, ==, 1);
      if (strcmp(tc->unit, "decade") == 0 && tick->label != LAYOUT_NONE)
        g_assert_cmpint(y % 10, ==, 0);
    }
    assert_invariants(f.scene);
    fixture_free(&f);
    g_free(set);
  }
}

/* --- Labels --- */

static const LayoutEntry *find_entry(const LayoutScene *scene, const char *title)
{
  for (guint e = 0; e < scene->entries->len; e++) {
    const LayoutEntry *entry = &g_array_index(scene->entries, LayoutEntry, e);
    if (g_strcmp0(entry->title, title) == 0 || g_strcmp0(entry->org, title) == 0)
      return entry;
  }
  g_assert_not_reached();
  return NULL;
}

static gboolean box_inside(const LayoutBox *inner, const LayoutBox *outer)
{
  return inner->x >= outer->x - 0.01 && inner->x + inner->w <= outer->x + outer->w + 0.01;
}

static void test_label_placement(void)
{
  ModelCv *cv = cv_new();
  ModelGroup *jobs = cv_group(cv, "jobs");
  /* Long: the label fits inside. Short: beside. Two overlapping: two lanes. */
  g_ptr_array_add(jobs->entries, entry_new("Long", "Org", date_from_ymd(2000, 1, 1),
                                           date_from_ymd(2015, 12, 31)));
  g_ptr_array_add(jobs->entries, entry_new("Short stay somewhere", NULL,
                                           date_from_ymd(2016, 1, 1), date_from_ymd(2016, 3, 31)));
  g_ptr_array_add(jobs->entries, entry_new("Overlap", NULL, date_from_ymd(2010, 1, 1),
                                           date_from_ymd(2012, 12, 31)));
  Fixture f;
  fixture_build(&f, cv, NULL, 0);
  const LayoutEntry *longe = find_entry(f.scene, "Long");
  g_assert_cmpstr(label_text(f.scene, longe->label), ==, "Long · Org");
  LayoutBox long_label = layout_shape_box(f.scene, longe->label);
  LayoutBox long_bar = bar_box(f.scene, longe, 0);
  g_assert_true(box_inside(&long_label, &long_bar));
  const LayoutEntry *shorte = find_entry(f.scene, "Short stay somewhere");
  LayoutBox bar = bar_box(f.scene, shorte, 0);
  LayoutBox short_label = layout_shape_box(f.scene, shorte->label);
  /* It ends the range: beside it means on its left. */
  g_assert_cmpfloat(short_label.x + short_label.w, <=, bar.x);
  const LayoutEntry *overlap = find_entry(f.scene, "Overlap");
  g_assert_cmpuint(overlap->lane, !=, longe->lane);
  const LayoutGroup *group = &g_array_index(f.scene->groups, LayoutGroup, 0);
  g_assert_cmpuint(group->lanes, ==, 2);
  assert_invariants(f.scene);
  fixture_free(&f);
}

/* A label beside its bar is in two tones from the " · " after the title: a title that
 * itself holds " · " is never split, whole or shortened. */
static void test_label_tone_after_title(void)
{
  ModelCv *cv = cv_new();
  ModelGroup *jobs = cv_group(cv, "jobs");
  g_ptr_array_add(jobs->entries, entry_new("Research · Teaching", "Some University",
                                           date_from_ymd(2000, 1, 1), date_from_ymd(2024, 12, 31)));
  g_ptr_array_add(jobs->entries, entry_new("Dev · Ops", "ACME", date_from_ymd(2025, 1, 1),
                                           date_from_ymd(2025, 3, 31)));
  Fixture f;
  fixture_build(&f, cv, NULL, 0);
  const LayoutEntry *e = find_entry(f.scene, "Dev · Ops");
  const LayoutShape *label = layout_shape(f.scene, e->label);
  g_assert_cmpstr(label->text, ==, "Dev · Ops · ACME");
  g_assert_cmpuint(label->tone_from, ==, strlen("Dev · Ops"));
  fixture_free(&f);

  /* Shortened within the title: no tone at all. */
  cv = cv_new();
  g_ptr_array_add(cv_group(cv, "jobs")->entries,
                  entry_new("X", NULL, date_from_ymd(2000, 1, 1), date_from_ymd(2024, 12, 31)));
  g_ptr_array_add(cv_group(cv, "jobs")->entries,
                  entry_new("Research · Teaching · Outreach · Administration and much more",
                            "Some University", date_from_ymd(2025, 1, 1),
                            date_from_ymd(2025, 3, 31)));
  const char *sets[] = {"page.width=400"};
  fixture_build(&f, cv, sets, 1);
  e = find_entry(f.scene, "Research · Teaching · Outreach · Administration and much more");
  label = layout_shape(f.scene, e->label);
  g_test_message("shortened: %s, place %d", label->text, e->place);
  g_assert_cmpint(e->place, !=, LAYOUT_LABEL_INSIDE);
  g_assert_true(g_str_has_suffix(label->text, "…"));
  g_assert_true(g_str_has_prefix(label->text, "Research · "));
  g_assert_cmpuint(label->tone_from, ==, 0);
  fixture_free(&f);
}

static void test_label_shortened(void)
{
  ModelCv *cv = cv_new();
  g_ptr_array_add(cv_group(cv, "jobs")->entries,
                  entry_new("An extraordinarily long title that cannot possibly fit anywhere on "
                            "this narrow page whatever we do",
                            "An organisation with a long name as well",
                            date_from_ymd(2000, 1, 1), date_from_ymd(2026, 11, 25)));
  const char *sets[] = {"page.width=420"};
  Fixture f;
  fixture_build(&f, cv, sets, 1);
  const LayoutGroup *group = &g_array_index(f.scene->groups, LayoutGroup, 0);
  const LayoutEntry *entry = layout_group_entry(f.scene, group, 0);
  g_assert_true(g_str_has_suffix(label_text(f.scene, entry->label), "…"));
  g_assert_true(g_str_has_prefix(entry->full_label, "An extraordinarily long title"));
  assert_invariants(f.scene);
  fixture_free(&f);
}

/* A CV of one job at "Big Research" with three roles, role i from @bounds[i] to the day
 * before @bounds[i + 1]. */
static ModelCv *roles_cv(const char *const titles[3], const DateDay bounds[4])
{
  ModelCv *cv = cv_new();
  ModelEntry *e = model_entry_new();
  e->org = g_strdup("Big Research");
  for (int i = 0; i < 3; i++) {
    ModelRole role = {.title = g_strdup(titles[i]),
                      .span = {.start = bounds[i], .end = bounds[i + 1] - 1}};
    g_array_append_val(e->roles, role);
  }
  DateSpan all = {.start = bounds[0], .end = bounds[3] - 1};
  g_array_append_val(e->periods, all);
  g_ptr_array_add(cv_group(cv, "jobs")->entries, e);
  return cv;
}

static void test_roles_one_bar(void)
{
  const char *titles[] = {"Resident", "Researcher", "Senior Researcher"};
  DateDay bounds[] = {date_from_ymd(2008, 1, 1), date_from_ymd(2013, 1, 1),
                      date_from_ymd(2018, 1, 1), date_from_ymd(2024, 1, 1)};
  Fixture f;
  fixture_build(&f, roles_cv(titles, bounds), NULL, 0);
  const LayoutEntry *le = find_entry(f.scene, "Big Research");
  g_assert_cmpuint(le->bars->len, ==, 3);
  for (guint i = 0; i < 3; i++) {
    const LayoutBar *b = &g_array_index(le->bars, LayoutBar, i);
    g_assert_cmpuint(b->source, ==, i);
    g_assert_cmpstr(g_array_index(le->roles, LayoutRole, b->source).title, ==, titles[i]);
    g_assert_true(g_str_has_suffix(label_text(f.scene, b->label), titles[i]));
    LayoutBox label = layout_shape_box(f.scene, b->label), box = bar_box(f.scene, le, i);
    g_assert_true(box_inside(&label, &box));
    /* The shapes say whose they are. */
    const LayoutShape *rect = layout_shape(f.scene, b->shape);
    g_assert_true(layout_shape_entry(f.scene, rect) == le);
    g_assert_cmpint(rect->owner.part, ==, LAYOUT_PART_SEGMENT);
    g_assert_cmpuint(rect->owner.sub, ==, i);
    if (i > 0) {
      /* One continuous bar: each segment starts where the previous one ends. */
      LayoutBox prev = bar_box(f.scene, le, i - 1);
      g_assert_cmpfloat(fabs(prev.x + prev.w - box.x), <, 0.01);
    }
  }
  /* The bar fills the plot: no room beside it, so the org joins the first segment, first,
   * naming the whole bar rather than one role. */
  g_assert_cmpuint(le->label, ==, LAYOUT_NONE);
  g_assert_cmpstr(label_text(f.scene, g_array_index(le->bars, LayoutBar, 0).label), ==,
                  "Big Research · Resident");
  assert_invariants(f.scene);
  fixture_free(&f);
}

/* When a role's title does not fit its segment, the progression is told under or beside
 * the bar, and then no segment repeats a role's title (visual review 1, item 4). */
static void test_roles_told_once(void)
{
  const char *titles[] = {"Resident", "Researcher", "Senior Researcher with a long title"};
  DateDay bounds[] = {date_from_ymd(2008, 1, 1), date_from_ymd(2015, 1, 1),
                      date_from_ymd(2022, 1, 1), date_from_ymd(2022, 6, 1)};
  Fixture f;
  fixture_build(&f, roles_cv(titles, bounds), NULL, 0);
  const LayoutEntry *le = find_entry(f.scene, "Big Research");
  g_assert_cmpuint(le->bars->len, ==, 3);
  const char *told = le->caption != LAYOUT_NONE ? label_text(f.scene, le->caption)
                                                : label_text(f.scene, le->label);
  g_assert_nonnull(strstr(told, "Resident › Researcher › Senior Researcher"));
  for (guint i = 0; i < 3; i++) {
    const LayoutBar *b = &g_array_index(le->bars, LayoutBar, i);
    if (b->label == LAYOUT_NONE)
      continue;
    const char *text = label_text(f.scene, b->label);
    for (guint k = 0; k < 3; k++)
      g_assert_null(strstr(text, titles[k]));
  }
  assert_invariants(f.scene);
  fixture_free(&f);
}

/* A CV of one job from 2000 to 2020, for milestones to be added to. */
static ModelCv *job_cv(void)
{
  ModelCv *cv = cv_new();
  g_ptr_array_add(cv_group(cv, "jobs")->entries,
                  entry_new("Job", NULL, date_from_ymd(2000, 1, 1), date_from_ymd(2020, 1, 1)));
  return cv;
}

/* Adds a milestone @title (taken) on @date to @cv; returns it. */
static ModelMilestone *add_milestone(ModelCv *cv, char *title, DateDay date)
{
  ModelMilestone *ms = model_milestone_new();
  ms->title = title;
  ms->date = date;
  g_ptr_array_add(cv->milestones, ms);
  return ms;
}

static void test_milestone_tiers(void)
{
  ModelCv *cv = job_cv();
  for (int i = 0; i < 6; i++)
    add_milestone(cv, g_strdup_printf("A milestone with a title of some length %d", i),
                  date_from_ymd(2010, 1 + i, 1));
  Fixture f;
  fixture_build(&f, cv, NULL, 0);
  g_assert_cmpuint(f.scene->milestones->len, ==, 6);
  guint max_tier = 0;
  for (guint i = 0; i < 6; i++) {
    const LayoutMilestone *ms = &g_array_index(f.scene->milestones, LayoutMilestone, i);
    g_assert_cmpuint(ms->label, !=, LAYOUT_NONE);
    max_tier = MAX(max_tier, ms->tier);
    /* A flag: the label hangs wholly to one side of its leader. */
    LayoutBox b = layout_shape_box(f.scene, ms->label);
    g_assert_true(b.x > ms->x || b.x + b.w < ms->x);
    /* Its marker is centred on it. */
    LayoutBox m = layout_shape_box(f.scene, ms->marker);
    g_assert_cmpfloat(fabs(m.x + m.w / 2 - ms->x), <, 0.01);
  }
  /* Six labels a month apart cannot share one tier, and need no more than one each. */
  g_assert_cmpuint(max_tier, >=, 1);
  g_assert_cmpuint(max_tier, <=, 5);
  assert_invariants(f.scene);
  fixture_free(&f);
}

/* Milestones of one day share a stacked label; its leader runs along the stack to the
 * outermost line, so that no line of it reads as an orphan (visual review 1, item 1). */
static void test_milestone_stack_leader(void)
{
  ModelCv *cv = job_cv();
  for (int i = 0; i < 3; i++)
    add_milestone(cv, g_strdup_printf("Award %d", i), date_from_ymd(2010, 6, 1));
  Fixture f;
  fixture_build(&f, cv, NULL, 0);
  guint leaders = 0;
  double top = INFINITY, bottom = -INFINITY;
  for (guint k = 0; k < f.scene->shapes->len; k++) {
    const LayoutShape *s = &g_array_index(f.scene->shapes, LayoutShape, k);
    if (s->kind != LAYOUT_SHAPE_LINE || s->owner.kind != LAYOUT_OWNER_MILESTONE ||
        s->owner.part != LAYOUT_PART_LEADER)
      continue;
    leaders++;
    top = MIN(s->y, s->y + s->h);
    bottom = MAX(s->y, s->y + s->h);
  }
  g_assert_cmpuint(leaders, ==, 1);
  for (guint i = 0; i < 3; i++) {
    const LayoutMilestone *ms = &g_array_index(f.scene->milestones, LayoutMilestone, i);
    g_assert_cmpuint(ms->label, !=, LAYOUT_NONE);
    /* The leader reaches into every line of the stack. */
    LayoutBox b = layout_shape_box(f.scene, ms->label);
    g_assert_cmpfloat(bottom, >, b.y);
    g_assert_cmpfloat(top, <, b.y + b.h);
  }
  assert_invariants(f.scene);
  fixture_free(&f);
}

/* The track is named in the group column, level with its hairline, and a year-only
 * milestone's year stops short of the next year's (visual review 1, item 15). */
static void test_milestone_track_name(void)
{
  ModelCv *cv = job_cv();
  for (int i = 0; i < 2; i++)
    add_milestone(cv, g_strdup_printf("Award %d", i), date_from_ymd(2010 + i, 1, 1))->precision =
        DATE_PREC_YEAR;
  Fixture f;
  fixture_build(&f, cv, NULL, 0);
  const LayoutShape *name = NULL, *track = NULL;
  double span_end = -INFINITY, next_start = INFINITY;
  for (guint k = 0; k < f.scene->shapes->len; k++) {
    const LayoutShape *s = &g_array_index(f.scene->shapes, LayoutShape, k);
    if (s->owner.kind == LAYOUT_OWNER_TRACK && s->kind == LAYOUT_SHAPE_TEXT)
      name = s;
    else if (s->owner.kind == LAYOUT_OWNER_TRACK)
      track = s;
    else if (s->owner.kind == LAYOUT_OWNER_MILESTONE && s->owner.part == LAYOUT_PART_SPAN) {
      if (s->owner.index == 0)
        span_end = s->x + s->w;
      else
        next_start = s->x;
    }
  }
  g_assert_nonnull(name);
  g_assert_nonnull(track);
  g_assert_cmpstr(name->text, ==, "Milestones");
  g_assert_cmpfloat(name->x + name->w, <=, f.scene->plot.x);
  g_assert_cmpfloat(name->y, <, track->y);
  g_assert_cmpfloat(name->y + name->h, >, track->y);
  g_assert_cmpfloat(next_start - span_end, >=, 4);
  assert_invariants(f.scene);
  fixture_free(&f);
}

static ModelCv *overlapping_cv(void)
{
  ModelCv *cv = cv_new();
  ModelGroup *jobs = cv_group(cv, "jobs");
  for (int i = 0; i < 12; i++)
    g_ptr_array_add(jobs->entries, entry_new("Overlapping job", NULL,
                                             date_from_ymd(2000 + i % 5, 1, 1),
                                             date_from_ymd(2020, 1, 1)));
  return cv;
}

static void test_fixed_height_fits(void)
{
  Fixture natural;
  fixture_build(&natural, overlapping_cv(), NULL, 0);
  double h = natural.scene->height;
  fixture_free(&natural);

  /* A little less room than the chart wants: it is scaled into it, nothing cut. */
  char *set = g_strdup_printf("page.height=%.0f", floor(h * 0.85));
  const char *sets[] = {set};
  Fixture f;
  fixture_build(&f, overlapping_cv(), sets, 1);
  g_assert_cmpfloat(f.scene->height, ==, floor(h * 0.85));
  assert_invariants(f.scene);
  fixture_free(&f);
  g_free(set);

  /* Far less: the labels would become illegible, which is an error, not a picture. */
  DiagList *diags = diag_list_new();
  set = g_strdup_printf("page.height=%.0f", floor(h * 0.3));
  const char *small[] = {set};
  Style *style = style_resolve(NULL, 0, small, 1, diags);
  ModelCv *cv = overlapping_cv();
  TimelineOptions opts = {0};
  Timeline *t = timeline_build(cv, &opts, NULL);
  TextCtx *text = text_ctx_new();
  g_assert_null(layout_build(t, style, text, diags));
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "give it at least"));
  text_ctx_free(text);
  timeline_free(t);
  model_cv_free(cv);
  style_free(style);
  diag_list_free(diags);
  g_free(set);
}

/* A short chart on a tall fixed page: the title stays at the top margin, as a slide's
 * title does, and the chart under it takes the height left (visual review 1, item 11). */
static void test_fixed_height_title_on_top(void)
{
  ModelCv *cv = cv_new();
  g_ptr_array_add(cv_group(cv, "jobs")->entries,
                  entry_new("Job", "Org", date_from_ymd(2020, 1, 1), date_from_ymd(2024, 1, 1)));
  const char *sets[] = {"page.height=1400"};
  Fixture f;
  fixture_build(&f, cv, sets, 1);
  g_assert_cmpfloat(f.scene->height, ==, 1400);
  const LayoutShape *title = NULL;
  for (guint k = 0; k < f.scene->shapes->len && !title; k++) {
    const LayoutShape *s = &g_array_index(f.scene->shapes, LayoutShape, k);
    if (s->kind == LAYOUT_SHAPE_TEXT && s->owner.kind == LAYOUT_OWNER_TITLE)
      title = s;
  }
  g_assert_nonnull(title);
  /* At the margin, which grows with the chart's scale (at most 1.5 times). */
  g_assert_cmpfloat(title->y, <=, 1.5 * f.style->page.margin + 0.01);
  /* The chart itself is not left at the top: it is centred in what the header leaves. */
  g_assert_cmpfloat(f.scene->plot.y, >, title->y + title->h + 100);
  assert_invariants(f.scene);
  fixture_free(&f);
}

/* The legend's swatch side for a legend font: it grows with the type. */
static double legend_swatch(const char *font_set)
{
  ModelCv *cv = cv_new();
  g_ptr_array_add(cv_group(cv, "jobs")->entries,
                  entry_new("Job", "Org", date_from_ymd(2020, 1, 1), date_from_ymd(2024, 1, 1)));
  const char *sets[] = {font_set};
  Fixture f;
  fixture_build(&f, cv, sets, font_set ? 1 : 0);
  double w = 0;
  for (guint k = 0; k < f.scene->shapes->len; k++) {
    const LayoutShape *s = &g_array_index(f.scene->shapes, LayoutShape, k);
    if (s->owner.kind == LAYOUT_OWNER_LEGEND && s->owner.part == LAYOUT_PART_SWATCH)
      w = s->w;
  }
  assert_invariants(f.scene);
  fixture_free(&f);
  return w;
}

static void test_legend_swatch_scales(void)
{
  g_assert_cmpfloat(legend_swatch(NULL), ==, 11);
  g_assert_cmpfloat(legend_swatch("legend.font=DejaVu Sans 24"), >=, 18);
}

static void test_empty_cv(void)
{
  Fixture f;
  fixture_build(&f, cv_new(), NULL, 0);
  g_assert_cmpuint(f.scene->groups->len, ==, 0);
  g_assert_cmpfloat(f.scene->height, >, 0);
  g_assert_cmpuint(f.scene->ticks->len, >, 0);
  assert_invariants(f.scene);
  fixture_free(&f);
}

static void test_too_narrow(void)
{
  DiagList *diags = diag_list_new();
  const char *sets[] = {"page.width=100", "page.margin=40"};
  Style *style = style_resolve(NULL, 0, sets, 2, diags);
  g_assert_nonnull(style);
  ModelCv *cv = cv_new();
  TimelineOptions opts = {0};
  Timeline *t = timeline_build(cv, &opts, NULL);
  TextCtx *text = text_ctx_new();
  g_assert_null(layout_build(t, style, text, diags));
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  text_ctx_free(text);
  timeline_free(t);
  model_cv_free(cv);
  style_free(style);
  diag_list_free(diags);
}

/* --- The career summary on the chart --- */

/* Jobs A (2010-2012) and B (2014-2015) with 2013 empty: a total of 5 y, a gap of 1 y. */
static ModelCv *gap_cv(void)
{
  ModelCv *cv = cv_new();
  ModelGroup *jobs = cv_group(cv, "jobs");
  const int years[][2] = {{2010, 2012}, {2014, 2015}};
  const char *titles[] = {"A", "B"};
  for (guint i = 0; i < 2; i++) {
    ModelEntry *e = entry_new(titles[i], "Org", date_from_ymd(years[i][0], 1, 1),
                              date_from_ymd(years[i][1], 12, 31));
    DateSpan *span = &g_array_index(e->periods, DateSpan, 0);
    span->start_precision = span->end_precision = DATE_PREC_MONTH;
    g_ptr_array_add(jobs->entries, e);
  }
  return cv;
}

static const LayoutGroup *first_group(const LayoutScene *scene)
{
  g_assert_cmpuint(scene->groups->len, >, 0);
  return &g_array_index(scene->groups, LayoutGroup, 0);
}

static void test_summary_off(void)
{
  Fixture f;
  fixture_build(&f, gap_cv(), NULL, 0);
  const LayoutGroup *g = first_group(f.scene);
  g_assert_null(g->total);
  g_assert_cmpuint(g->total_label, ==, LAYOUT_NONE);
  g_assert_cmpuint(g->gaps->len, ==, 0);
  g_assert_cmpstr(label_text(f.scene, g->label), ==, "Experience");
  fixture_free(&f);
}

static void test_gap_band(void)
{
  const char *sets[] = {"gaps.show=true", "group.total=true"};
  Fixture f;
  fixture_build(&f, gap_cv(), sets, 2);
  assert_invariants(f.scene);
  const LayoutGroup *g = first_group(f.scene);
  /* The total, on a line of its own under the name in the left column. */
  g_assert_cmpstr(g->total, ==, "5 y");
  g_assert_cmpint(g->total_shown, ==, LAYOUT_SHOWN_WHOLE);
  g_assert_cmpstr(label_text(f.scene, g->label), ==, "Experience");
  g_assert_cmpstr(label_text(f.scene, g->total_label), ==, "5 y");
  LayoutBox name = layout_shape_box(f.scene, g->label);
  LayoutBox total = layout_shape_box(f.scene, g->total_label);
  g_assert_cmpfloat(fabs(total.x - name.x), <, 0.01);
  g_assert_cmpfloat(total.y, >=, name.y + name.h - 0.01);
  g_assert_cmpfloat(total.x + total.w, <=, f.scene->plot.x);

  g_assert_cmpuint(g->gaps->len, ==, 1);
  const LayoutGap *gap = &g_array_index(g->gaps, LayoutGap, 0);
  g_assert_cmpint(gap->start, ==, date_from_ymd(2013, 1, 1));
  g_assert_cmpint(gap->end, ==, date_from_ymd(2013, 12, 31));
  g_assert_cmpstr(gap->dates, ==, "Jan 2013 to Dec 2013");
  g_assert_cmpstr(gap->text, ==, "1 y");
  g_assert_cmpint(gap->shown, ==, LAYOUT_SHOWN_WHOLE);
  /* The band runs from A's end to B's start, over the whole lane area, behind the bars. */
  const LayoutShape *band = layout_shape(f.scene, gap->band);
  g_assert_nonnull(band);
  g_assert_cmpint(band->kind, ==, LAYOUT_SHAPE_RECT);
  g_assert_cmpfloat(band->fill.a, >, 0);
  const LayoutEntry *a = layout_group_entry(f.scene, g, 0), *b = layout_group_entry(f.scene, g, 1);
  LayoutBox abox = bar_box(f.scene, a, 0), bbox = bar_box(f.scene, b, 0);
  g_assert_cmpfloat(fabs(band->x - (abox.x + abox.w)), <, 0.01);
  g_assert_cmpfloat(fabs(band->x + band->w - bbox.x), <, 0.01);
  for (guint e = 0; e < g->n_entries; e++) {
    const LayoutEntry *entry = layout_group_entry(f.scene, g, e);
    LayoutBox box = bar_box(f.scene, entry, 0);
    g_assert_cmpfloat(box.y, >=, band->y);
    g_assert_cmpfloat(box.y + box.h, <=, band->y + band->h);
    g_assert_cmpuint(gap->band, <, g_array_index(entry->bars, LayoutBar, 0).shape);
  }
  /* Its length over it. */
  g_assert_cmpstr(label_text(f.scene, gap->label), ==, "1 y");
  LayoutBox lab = layout_shape_box(f.scene, gap->label);
  g_assert_cmpfloat(lab.x, >=, band->x);
  g_assert_cmpfloat(lab.x + lab.w, <=, band->x + band->w);
  g_assert_cmpfloat(lab.y, >=, band->y);
  g_assert_cmpfloat(lab.y + lab.h, <=, band->y + band->h);
  fixture_free(&f);
}

/* Exactly twelve months is not longer than 1y; it is longer than 11m and 1y-less-a-day. */
static void test_gap_threshold(void)
{
  const char *mins[] = {"gaps.min=1y", "gaps.min=11m", "gaps.min=364d", "gaps.min=365d"};
  const guint want[] = {0, 1, 1, 0};
  for (guint i = 0; i < G_N_ELEMENTS(mins); i++) {
    const char *sets[] = {"gaps.show=true", mins[i]};
    Fixture f;
    fixture_build(&f, gap_cv(), sets, 2);
    g_test_message("%s", mins[i]);
    g_assert_cmpuint(first_group(f.scene)->gaps->len, ==, want[i]);
    fixture_free(&f);
  }
}

static void test_total_above_and_none(void)
{
  const char *above[] = {"group.total=true", "group.label=above"};
  Fixture f;
  fixture_build(&f, gap_cv(), above, 2);
  const LayoutGroup *g = first_group(f.scene);
  g_assert_cmpuint(g->total_label, ==, LAYOUT_NONE);
  const LayoutShape *name = layout_shape(f.scene, g->label);
  g_assert_cmpstr(name->text, ==, "Experience \xc2\xb7 5 y");
  g_assert_cmpuint(name->tone_from, ==, strlen("Experience")); /* the total in the muted tone */
  assert_invariants(f.scene);
  fixture_free(&f);

  /* No group labels, no total: the style asked for none. */
  const char *none[] = {"group.total=true", "group.label=none"};
  fixture_build(&f, gap_cv(), none, 2);
  g = first_group(f.scene);
  g_assert_null(g->total);
  g_assert_cmpuint(g->label, ==, LAYOUT_NONE);
  g_assert_cmpuint(g->total_label, ==, LAYOUT_NONE);
  fixture_free(&f);
}

/* One entry of two periods joined by a line across the gap: its lane has no room for the
 * length, which goes to a row of its own under the lane, into which the band reaches. */
static void test_gap_row_under(void)
{
  ModelCv *cv = cv_new();
  ModelEntry *e = entry_new("Tutor", NULL, date_from_ymd(2010, 1, 1), date_from_ymd(2011, 12, 31));
  DateSpan second = {.start = date_from_ymd(2014, 1, 1), .end = date_from_ymd(2015, 12, 31)};
  g_array_append_val(e->periods, second);
  g_ptr_array_add(cv_group(cv, "jobs")->entries, e);
  const char *sets[] = {"gaps.show=true"};
  Fixture f;
  fixture_build(&f, cv, sets, 1);
  assert_invariants(f.scene);
  const LayoutGroup *g = first_group(f.scene);
  g_assert_cmpuint(g->gaps->len, ==, 1);
  const LayoutGap *gap = &g_array_index(g->gaps, LayoutGap, 0);
  g_assert_cmpint(gap->shown, ==, LAYOUT_SHOWN_WHOLE);
  LayoutBox lab = layout_shape_box(f.scene, gap->label);
  LayoutBox bar = bar_box(f.scene, layout_group_entry(f.scene, g, 0), 0);
  LayoutBox band = layout_shape_box(f.scene, gap->band);
  g_assert_cmpfloat(lab.y, >=, bar.y + bar.h);
  g_assert_cmpfloat(lab.y + lab.h, <=, band.y + band.h + 0.01);
  g_assert_cmpfloat(g->box.y + g->box.h, >=, lab.y + lab.h - 0.01);
  fixture_free(&f);
}

/* A fixed page height lays the chart out again: the marks come along. */
static void test_summary_fixed_height(void)
{
  const char *sets[] = {"gaps.show=true", "group.total=true", "page.height=600"};
  Fixture f;
  fixture_build(&f, gap_cv(), sets, 3);
  const LayoutGroup *g = first_group(f.scene);
  g_assert_cmpstr(g->total, ==, "5 y");
  g_assert_cmpuint(g->gaps->len, ==, 1);
  g_assert_nonnull(layout_shape(f.scene, g_array_index(g->gaps, LayoutGap, 0).label));
  assert_invariants(f.scene);
  fixture_free(&f);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/layout/ticks", test_tick_choice);
  g_test_add_func("/layout/label/placement", test_label_placement);
  g_test_add_func("/layout/label/shortened", test_label_shortened);
  g_test_add_func("/layout/label/tone-after-title", test_label_tone_after_title);
  g_test_add_func("/layout/roles", test_roles_one_bar);
  g_test_add_func("/layout/legend/swatch-scales", test_legend_swatch_scales);
  g_test_add_func("/layout/fixed-height/title-on-top", test_fixed_height_title_on_top);
  g_test_add_func("/layout/roles/told-once", test_roles_told_once);
  g_test_add_func("/layout/milestones/tiers", test_milestone_tiers);
  g_test_add_func("/layout/milestones/stack-leader", test_milestone_stack_leader);
  g_test_add_func("/layout/milestones/track-name", test_milestone_track_name);
  g_test_add_func("/layout/fixed-height", test_fixed_height_fits);
  g_test_add_func("/layout/empty", test_empty_cv);
  g_test_add_func("/layout/too-narrow", test_too_narrow);
  g_test_add_func("/layout/summary/off", test_summary_off);
  g_test_add_func("/layout/summary/gap-band", test_gap_band);
  g_test_add_func("/layout/summary/gap-threshold", test_gap_threshold);
  g_test_add_func("/layout/summary/total-above-none", test_total_above_and_none);
  g_test_add_func("/layout/summary/gap-row-under", test_gap_row_under);
  g_test_add_func("/layout/summary/fixed-height", test_summary_fixed_height);
  return g_test_run();
}
