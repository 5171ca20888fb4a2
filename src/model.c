/* The CV model (spec/cv-format.md "Shape"): constructors, destructors and the few
 * queries every stage needs. Plain data, no I/O. */
#include "model.h"

#include <string.h>

ModelCv *model_cv_new(const char *file)
{
  ModelCv *cv = g_new0(ModelCv, 1);
  cv->file = g_strdup(file ? file : "");
  cv->groups = g_ptr_array_new_with_free_func((GDestroyNotify)model_group_free);
  cv->milestones = g_ptr_array_new_with_free_func((GDestroyNotify)model_milestone_free);
  return cv;
}

void model_cv_free(ModelCv *cv)
{
  if (cv == NULL)
    return;
  g_free(cv->file);
  g_free(cv->name);
  g_free(cv->headline);
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

ModelGroup *model_cv_find_group(const ModelCv *cv, const char *key)
{
  if (cv == NULL || key == NULL)
    return NULL;
  for (guint i = 0; i < cv->groups->len; i++) {
    ModelGroup *group = g_ptr_array_index(cv->groups, i);
    if (strcmp(group->key, key) == 0)
      return group;
  }
  return NULL;
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

const char *model_builtin_group_name(const char *key)
{
  static const struct {
    const char *key, *name;
  } builtins[] = {
      {"jobs", "Experience"},
      {"education", "Education"},
      {"visiting", "Visiting"},
  };
  if (key == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS(builtins); i++) {
    if (strcmp(key, builtins[i].key) == 0)
      return builtins[i].name;
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

/* Start order; for equal starts the longer role first, so the shorter one wins its span. */
static int role_start_cmp(gconstpointer pa, gconstpointer pb)
{
  const DateSpan *a = &((const ModelRole *)pa)->span, *b = &((const ModelRole *)pb)->span;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return (a->end < b->end) - (a->end > b->end);
}

void model_entry_settle_roles(ModelEntry *entry)
{
  if (entry == NULL || entry->roles->len < 2)
    return;
  GArray *in = entry->roles;
  g_array_set_clear_func(in, NULL); /* titles move to @out */
  g_array_sort(in, role_start_cmp); /* stable: file order among equal spans */
  GArray *out = g_array_new(FALSE, TRUE, sizeof(ModelRole));
  g_array_set_clear_func(out, role_clear);
  for (guint i = 0; i < in->len; i++) {
    ModelRole r = g_array_index(in, ModelRole, i);
    /* Every earlier segment that overlaps @r keeps what lies before it and, when it
     * goes on after @r, a tail; both are built before @r is added. */
    for (guint k = 0; k < out->len; k++) {
      ModelRole *s = &g_array_index(out, ModelRole, k);
      if (s->span.end < r.span.start || s->span.start > r.span.end)
        continue;
      if (s->span.end > r.span.end) {
        ModelRole tail = *s;
        tail.title = g_strdup(s->title);
        tail.span.start = r.span.end + 1;
        tail.span.start_precision = r.span.end_precision;
        tail.span.start_approx = r.span.end_approx;
        g_array_append_val(out, tail);
        s = &g_array_index(out, ModelRole, k); /* the append may have moved it */
      }
      if (s->span.start < r.span.start) {
        s->span.end = r.span.start - 1;
        s->span.end_precision = r.span.start_precision;
        s->span.end_approx = r.span.start_approx;
        s->span.ongoing = FALSE;
      } else { /* wholly covered by @r: nothing of it is left to draw */
        g_array_remove_index(out, k);
        k--;
      }
    }
    g_array_append_val(out, r);
  }
  g_array_sort(out, role_start_cmp);
  g_array_unref(in);
  entry->roles = out;
}
