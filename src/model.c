/* The CV model (doc/cv-format.md): constructors, destructors and the few
 * queries every stage needs. Plain data, no I/O. */
#include "model.h"

#include <string.h>

ModelCv *model_cv_new(const char *file)
{
  ModelCv *cv = g_new0(ModelCv, 1);
  cv->file = g_strdup(file ? file : "");
  cv->language = lang_copy(NULL);
  cv->groups = g_ptr_array_new_with_free_func((GDestroyNotify)model_group_free);
  cv->milestones = g_ptr_array_new_with_free_func((GDestroyNotify)model_milestone_free);
  cv->group_keys = g_hash_table_new(g_str_hash, g_str_equal);
  return cv;
}

void model_cv_free(ModelCv *cv)
{
  if (cv == NULL)
    return;
  g_free(cv->file);
  g_free(cv->name);
  g_free(cv->headline);
  lang_free(cv->language);
  g_hash_table_destroy(cv->group_keys);
  g_ptr_array_unref(cv->groups);
  g_ptr_array_unref(cv->milestones);
  g_free(cv);
}

ModelGroup *model_group_new(const char *key, const char *name, gboolean builtin)
{
  ModelGroup *group = g_new0(ModelGroup, 1);
  group->key = g_strdup(key);
  group->name = g_strdup(name ? name : key);
  group->builtin = builtin;
  group->entries = g_ptr_array_new_with_free_func((GDestroyNotify)model_entry_free);
  return group;
}

void model_group_free(ModelGroup *group)
{
  if (group == NULL)
    return;
  g_free(group->key);
  g_free(group->name);
  g_ptr_array_unref(group->entries);
  g_free(group);
}

static void role_clear(gpointer data)
{
  ModelRole *role = data;
  g_free(role->title);
}

ModelEntry *model_entry_new(void)
{
  ModelEntry *entry = g_new0(ModelEntry, 1);
  entry->periods = g_array_new(FALSE, TRUE, sizeof(DateSpan));
  entry->roles = g_array_new(FALSE, TRUE, sizeof(ModelRole));
  g_array_set_clear_func(entry->roles, role_clear);
  return entry;
}

void model_entry_free(ModelEntry *entry)
{
  if (entry == NULL)
    return;
  g_free(entry->title);
  g_free(entry->org);
  g_free(entry->location);
  g_free(entry->url);
  g_free(entry->note);
  g_free(entry->class_name);
  g_free(entry->file);
  g_array_unref(entry->periods);
  g_array_unref(entry->roles);
  g_free(entry);
}

ModelMilestone *model_milestone_new(void)
{
  return g_new0(ModelMilestone, 1);
}

void model_milestone_free(ModelMilestone *milestone)
{
  if (milestone == NULL)
    return;
  g_free(milestone->title);
  g_free(milestone->class_name);
  g_free(milestone->url);
  g_free(milestone->note);
  g_free(milestone->file);
  g_free(milestone);
}

/* The index holds each key's first group, by the groups' own key strings: a reader that
 * adds 20,000 custom groups looks each new key up (a repeated key is an error), and a
 * scan of the groups made that quadratic (7 s of a chart's 8). */
ModelGroup *model_cv_find_group(const ModelCv *cv, const char *key)
{
  if (cv == NULL || key == NULL)
    return NULL;
  return g_hash_table_lookup(cv->group_keys, key);
}

void model_cv_add_group(ModelCv *cv, ModelGroup *group)
{
  g_ptr_array_add(cv->groups, group);
  if (!g_hash_table_contains(cv->group_keys, group->key))
    g_hash_table_insert(cv->group_keys, group->key, group);
}

ModelGroup *model_cv_steal_group(ModelCv *cv, guint index)
{
  ModelGroup *group = g_ptr_array_steal_index(cv->groups, index);
  if (g_hash_table_lookup(cv->group_keys, group->key) == group) {
    g_hash_table_remove(cv->group_keys, group->key);
    /* Another group of that key, if any, is found from now on. */
    for (guint i = 0; i < cv->groups->len; i++) {
      ModelGroup *other = g_ptr_array_index(cv->groups, i);
      if (strcmp(other->key, group->key) == 0) {
        g_hash_table_insert(cv->group_keys, other->key, other);
        break;
      }
    }
  }
  return group;
}

void model_cv_drop_empty_groups(ModelCv *cv)
{
  for (guint i = cv->groups->len; i-- > 0;)
    if (((ModelGroup *)g_ptr_array_index(cv->groups, i))->entries->len == 0)
      model_group_free(model_cv_steal_group(cv, i));
}

/* g_ptr_array_sort is not guaranteed stable, so sort (index, pointer) pairs and break
 * ties on the original position. */
typedef struct {
  ModelMilestone *milestone;
  guint index;
} MilestoneSlot;

static int milestone_slot_cmp(gconstpointer a, gconstpointer b)
{
  const MilestoneSlot *x = a, *y = b;
  if (x->milestone->date != y->milestone->date)
    return x->milestone->date < y->milestone->date ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

void model_cv_sort_milestones(ModelCv *cv)
{
  if (cv == NULL || cv->milestones->len < 2)
    return;
  guint n = cv->milestones->len;
  MilestoneSlot *slots = g_new(MilestoneSlot, n);
  for (guint i = 0; i < n; i++)
    slots[i] = (MilestoneSlot){g_ptr_array_index(cv->milestones, i), i};
  qsort(slots, n, sizeof *slots, milestone_slot_cmp);
  for (guint i = 0; i < n; i++)
    cv->milestones->pdata[i] = slots[i].milestone;
  g_free(slots);
}

const char *model_builtin_group_name(const char *key, const Lang *lang)
{
  static const struct {
    const char *key;
    LangWord name;
  } builtins[] = {
      {"jobs", LANG_GROUP_JOBS},
      {"education", LANG_GROUP_EDUCATION},
      {"visiting", LANG_GROUP_VISITING},
  };
  if (key == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS(builtins); i++) {
    if (strcmp(key, builtins[i].key) == 0)
      return lang_word(lang, builtins[i].name);
  }
  return NULL;
}

guint model_cv_entry_count(const ModelCv *cv)
{
  guint count = 0;
  if (cv == NULL)
    return 0;
  for (guint i = 0; i < cv->groups->len; i++) {
    const ModelGroup *group = g_ptr_array_index(cv->groups, i);
    count += group->entries->len;
  }
  return count;
}

/* Start order; for equal starts the shorter period first (it is merged into the longer). */
static int period_cmp(gconstpointer a, gconstpointer b)
{
  const DateSpan *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->end > y->end) - (x->end < y->end);
}

void model_entry_normalise_periods(ModelEntry *entry)
{
  GArray *periods = entry->periods;
  if (periods->len < 2)
    return;
  g_array_sort(periods, period_cmp);
  guint out = 0;
  for (guint i = 1; i < periods->len; i++) {
    DateSpan *last = &g_array_index(periods, DateSpan, out);
    const DateSpan *next = &g_array_index(periods, DateSpan, i);
    if (next->start <= last->end) {
      if (next->end > last->end) {
        last->end = next->end;
        last->end_precision = next->end_precision;
        last->end_approx = next->end_approx;
        last->ongoing = next->ongoing;
      }
    } else {
      g_array_index(periods, DateSpan, ++out) = *next;
    }
  }
  g_array_set_size(periods, out + 1);
}

void model_cv_normalise_periods(ModelCv *cv)
{
  for (guint g = 0; g < cv->groups->len; g++) {
    const ModelGroup *group = g_ptr_array_index(cv->groups, g);
    for (guint i = 0; i < group->entries->len; i++)
      model_entry_normalise_periods(g_ptr_array_index(group->entries, i));
  }
}

/* Start order; for equal starts the longer role first, so the shorter one wins its span. */
static int role_start_cmp(gconstpointer pa, gconstpointer pb)
{
  const DateSpan *a = &((const ModelRole *)pa)->span, *b = &((const ModelRole *)pb)->span;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return (a->end < b->end) - (a->end > b->end);
}

static int day_cmp(const void *a, const void *b)
{
  DateDay x = *(const DateDay *)a, y = *(const DateDay *)b;
  return (x > y) - (x < y);
}

/* Adds role @r's segment [@from, @to] to @out. An end that is not the role's own was cut
 * by another role and takes that role's precision there: @start_from's end precision, or
 * @end_from's start precision (G_MAXUINT: the role's own). */
static void settle_emit(GArray *out, const GArray *roles, guint r, DateDay from, DateDay to,
                        guint start_from, guint end_from, gboolean first_piece)
{
  const ModelRole *role = &g_array_index(roles, ModelRole, r);
  ModelRole seg = *role;
  seg.title = first_piece ? role->title : g_strdup(role->title);
  seg.span.start = from;
  seg.span.end = to;
  if (start_from != G_MAXUINT) {
    const DateSpan *b = &g_array_index(roles, ModelRole, start_from).span;
    seg.span.start_precision = b->end_precision;
    seg.span.start_approx = b->end_approx;
  }
  if (to != role->span.end)
    seg.span.ongoing = FALSE;
  if (end_from != G_MAXUINT) {
    const DateSpan *a = &g_array_index(roles, ModelRole, end_from).span;
    seg.span.end_precision = a->start_precision;
    seg.span.end_approx = a->start_approx;
  }
  g_array_append_val(out, seg);
}

/* (end, index) of a role, to find the roles that end on a given day. */
typedef struct {
  DateDay end;
  guint index;
} RoleEnd;

static int role_end_cmp(const void *pa, const void *pb)
{
  const RoleEnd *a = pa, *b = pb;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return (a->index > b->index) - (a->index < b->index);
}

/* The first role after @r (in start order) that ends on @day, or G_MAXUINT. */
static guint first_ending(const RoleEnd *ends, guint n, DateDay day, guint r)
{
  guint lo = 0, hi = n;
  while (lo < hi) {
    guint mid = lo + (hi - lo) / 2;
    if (ends[mid].end < day || (ends[mid].end == day && ends[mid].index <= r))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && ends[lo].end == day ? ends[lo].index : G_MAXUINT;
}

/* In start order each role wins its span over the roles before it, so a day belongs to
 * the last role in that order that covers it: one sweep over the days where a role
 * starts or ends finds every day's owner in O(n log n) (the sorting; the sweep itself is
 * linear), and each run of one owner becomes a segment. The roles started so far sit on
 * a stack in start order; once those that have ended are popped off its top, the top is
 * the owner (a role ended but buried lower is popped when it surfaces). Where a run is
 * cut short, the cut takes the precision of the role that cut it first when roles were
 * taken one at a time: for an end, the first role to start the next day; for a start
 * (the rest of a role after another), the first later role to end the day before. */
void model_entry_settle_roles(ModelEntry *entry)
{
  if (entry == NULL || entry->roles->len < 2)
    return;
  GArray *in = entry->roles;
  g_array_set_clear_func(in, NULL); /* titles move to @out */
  g_array_sort(in, role_start_cmp); /* stable: file order among equal spans */
  guint n = in->len;
  DateDay *points = g_new(DateDay, 2 * n);
  RoleEnd *ends = g_new(RoleEnd, n);
  for (guint i = 0; i < n; i++) {
    const DateSpan *s = &g_array_index(in, ModelRole, i).span;
    points[2 * i] = s->start;
    points[2 * i + 1] = s->end + 1;
    ends[i] = (RoleEnd){s->end, i};
  }
  qsort(points, 2 * n, sizeof *points, day_cmp);
  qsort(ends, n, sizeof *ends, role_end_cmp);
  GArray *out = g_array_sized_new(FALSE, TRUE, sizeof(ModelRole), n);
  g_array_set_clear_func(out, role_clear);
  GArray *started = g_array_new(FALSE, FALSE, sizeof(guint));
  gboolean *placed = g_new0(gboolean, n);
  guint next = 0;               /* the first role not yet active */
  guint owner = G_MAXUINT;      /* the open run's role */
  guint owner_from = G_MAXUINT; /* where its start's precision comes from */
  DateDay run_start = 0;
  for (guint k = 0; k < 2 * n; k++) {
    DateDay day = points[k];
    if (k + 1 < 2 * n && points[k + 1] == day)
      continue; /* one step per distinct day */
    guint first_start = G_MAXUINT;
    while (next < n && g_array_index(in, ModelRole, next).span.start <= day) {
      if (first_start == G_MAXUINT)
        first_start = next;
      g_array_append_val(started, next);
      next++;
    }
    while (started->len > 0 &&
           g_array_index(in, ModelRole, g_array_index(started, guint, started->len - 1)).span.end <
               day)
      g_array_set_size(started, started->len - 1);
    guint now = started->len > 0 ? g_array_index(started, guint, started->len - 1) : G_MAXUINT;
    if (now == owner)
      continue;
    if (owner != G_MAXUINT) {
      gboolean cut = day - 1 != g_array_index(in, ModelRole, owner).span.end;
      settle_emit(out, in, owner, run_start, day - 1, owner_from, cut ? first_start : G_MAXUINT,
                  !placed[owner]);
      placed[owner] = TRUE;
    }
    owner = now;
    run_start = day;
    owner_from = now != G_MAXUINT && day != g_array_index(in, ModelRole, now).span.start
                     ? first_ending(ends, n, day - 1, now)
                     : G_MAXUINT;
  }
  /* The last point is past every end: no run is left open. Roles that no day is left to
   * (covered by later ones) give their titles back. */
  for (guint i = 0; i < n; i++)
    if (!placed[i])
      g_free(g_array_index(in, ModelRole, i).title);
  g_free(placed);
  g_array_unref(started);
  g_free(ends);
  g_free(points);
  g_array_unref(in);
  entry->roles = out;
}
