/* FRESH résumé reader (HackMyResume's format, fresh-standard/fresh-resume-schema;
 * doc/importing.md): its histories (employment, education, service, affiliation) and
 * lists with dates (projects, governance, extracurricular) become groups; writing,
 * recognition, speaking and samples milestones. YAML or JSON, through ydoc. */
#include "reader_import.h"
#include "reader_parts.h"
#include "strutil.h"

#include <string.h>

/* A FRESH section that becomes a group. */
typedef struct {
  const char *section;   /* the top-level key */
  gboolean history;      /* the list is section.history (employment, education...) */
  const char *group_key; /* the model's group */
  gboolean builtin;
  const char *title_key, *title_old; /* what the person was */
  const char *org_key, *org_old;     /* where */
} FreshGroupSpec;

static const FreshGroupSpec fresh_groups[] = {
    {"employment", TRUE, "jobs", TRUE, "position", "title", "employer", "organization"},
    {"education", TRUE, "education", TRUE, NULL, NULL, "institution", "school"},
    {"service", TRUE, "Service", FALSE, "position", "role", "organization", "employer"},
    {"affiliation", TRUE, "Affiliations", FALSE, "role", "position", "organization", NULL},
    {"governance", FALSE, "Governance", FALSE, "role", "summary", "organization", NULL},
    {"projects", FALSE, "Projects", FALSE, "title", "name", "organization", NULL},
    {"extracurricular", FALSE, "Extracurricular", FALSE, "title", "activity", "organization", NULL},
};

/* A FRESH section that becomes milestones. */
typedef struct {
  const char *section;
  const char *title_key;
} FreshMilestoneSpec;

static const FreshMilestoneSpec fresh_milestones[] = {
    {"writing", "title"},
    {"recognition", "title"},
    {"speaking", "title"},
    {"samples", "title"},
};

/* Education's title: its `title`, else "studyType in area", else whichever is given. */
static char *fresh_education_title(ReadCtx *c, const YdocNode *item)
{
  char *title = reader_import_text(c, item, "title");
  if (title != NULL)
    return title;
  g_autofree char *type = reader_import_text2(c, item, "studyType", "degree");
  g_autofree char *area = reader_import_text2(c, item, "area", "major");
  if (type != NULL && area != NULL)
    return g_strdup_printf("%s in %s", type, area);
  return g_strdup(type != NULL ? type : area);
}

static ModelEntry *fresh_read_entry(ReadCtx *c, const FreshGroupSpec *spec, const YdocNode *item)
{
  guint errors_before = diag_error_count(c->diags);
  g_autofree char *title = spec->title_key != NULL
                               ? reader_import_text2(c, item, spec->title_key, spec->title_old)
                               : fresh_education_title(c, item);
  g_autofree char *org = reader_import_text2(c, item, spec->org_key, spec->org_old);
  if (diag_error_count(c->diags) > errors_before)
    return NULL;
  g_autofree char *who = reader_parts_entry_name(title, org);
  if (title == NULL && org == NULL) {
    readctx_warning(c, item, "'%s' entry with neither '%s' nor '%s'; left out", spec->section,
                    spec->title_key != NULL ? spec->title_key : "title", spec->org_key);
    return NULL;
  }
  const YdocNode *start_node = ydoc_get(item, "start");
  const YdocNode *end_node = ydoc_get(item, "end");
  DateValue start, end;
  ReaderPartsDate ds = reader_parts_read_date(c, start_node, "start", who, &start);
  ReaderPartsDate de = reader_parts_read_date(c, end_node, "end", who, &end);
  if (ds == READER_PARTS_BAD || de == READER_PARTS_BAD)
    return NULL;
  if (ds == READER_PARTS_ABSENT) {
    readctx_warning(c, item, "%s has no start date; left out", who);
    return NULL;
  }
  if (start.present) {
    readctx_warning(c, start_node, "%s starts '%s'; left out", who, start_node->text);
    return NULL;
  }
  /* `current: true` (HackMyResume's) says the end is now, whatever `end` says. */
  gboolean current = FALSE;
  const YdocNode *current_node = ydoc_get(item, "current");
  if (current_node != NULL && current_node->kind == YDOC_SCALAR)
    strutil_parse_bool(current_node->text, &current);
  gboolean has_end = de == READER_PARTS_OK && !current;
  if (has_end && !end.present && end.last < start.first) {
    readctx_warning(c, end_node, "%s ends before it starts; left out", who);
    return NULL;
  }
  if (!readctx_count(c, item))
    return NULL;
  DateSpan span;
  gboolean keep;
  readctx_span(c, &start, start_node, has_end ? &end : NULL, end_node, FALSE, &span, &keep);
  ModelEntry *entry = model_entry_new();
  entry->title = g_steal_pointer(&title);
  entry->org = g_steal_pointer(&org);
  entry->location = reader_import_text(c, item, "location");
  entry->url = reader_import_url(c, item, "url", "repo");
  entry->line = item->line;
  entry->column = item->column;
  if (keep)
    g_array_append_val(entry->periods, span);
  return entry;
}

/* The list of a group's section: section.history, or the section itself. */
static const YdocNode *fresh_list(ReadCtx *c, const FreshGroupSpec *spec, const YdocNode *value)
{
  if (ydoc_is_null(value))
    return NULL;
  if (spec->history) {
    if (!readctx_expect(c, value, YDOC_MAPPING))
      return NULL;
    value = ydoc_get(value, "history");
    if (value == NULL || ydoc_is_null(value))
      return NULL;
  }
  return readctx_expect(c, value, YDOC_SEQUENCE) ? value : NULL;
}

static void fresh_read_group(ReadCtx *c, ModelCv *cv, const FreshGroupSpec *spec,
                             const YdocPair *pair)
{
  const YdocNode *list = fresh_list(c, spec, pair->value);
  if (list == NULL)
    return;
  ModelGroup *group = model_cv_find_group(cv, spec->group_key);
  if (group == NULL) {
    const char *name = spec->builtin ? model_builtin_group_name(spec->group_key, cv->language) : spec->group_key;
    group = model_group_new(spec->group_key, name, spec->builtin);
    group->line = pair->key->line;
    group->column = pair->key->column;
    model_cv_add_group(cv, group);
  }
  for (guint i = 0; i < list->n && !c->over_limit; i++) {
    const YdocNode *item = list->items[i];
    if (!readctx_expect(c, item, YDOC_MAPPING))
      continue;
    ModelEntry *entry = fresh_read_entry(c, spec, item);
    if (entry != NULL)
      g_ptr_array_add(group->entries, entry);
  }
}

static void fresh_read_milestones(ReadCtx *c, ModelCv *cv, const FreshMilestoneSpec *spec,
                                  const YdocNode *list)
{
  if (ydoc_is_null(list) || !readctx_expect(c, list, YDOC_SEQUENCE))
    return;
  for (guint i = 0; i < list->n && !c->over_limit; i++) {
    const YdocNode *item = list->items[i];
    if (!readctx_expect(c, item, YDOC_MAPPING))
      continue;
    g_autofree char *title = reader_import_text2(c, item, spec->title_key, "name");
    if (title == NULL) {
      readctx_warning(c, item, "'%s' entry without a title; left out", spec->section);
      continue;
    }
    g_autofree char *shown = readctx_shown(title);
    g_autofree char *who = g_strdup_printf("'%s'", shown);
    DateValue date;
    const YdocNode *date_node = ydoc_get(item, "date");
    ReaderPartsDate dd = reader_parts_read_date(c, date_node, "date", who, &date);
    if (dd == READER_PARTS_BAD)
      continue;
    if (dd == READER_PARTS_ABSENT) {
      readctx_warning(c, item, "%s has no date; left out", who);
      continue;
    }
    if (date.present) {
      readctx_warning(c, date_node, "%s is dated '%s'; left out", who, date_node->text);
      continue;
    }
    if (!readctx_count(c, item))
      break;
    ModelMilestone *m = model_milestone_new();
    m->title = g_steal_pointer(&title);
    m->date = date.first;
    m->precision = date.precision;
    m->url = reader_import_url(c, item, "url", NULL);
    m->line = item->line;
    m->column = item->column;
    g_ptr_array_add(cv->milestones, m);
  }
}

static void fresh_read_section(ReadCtx *c, ModelCv *cv, const YdocPair *pair)
{
  const char *key = pair->key->text;
  if (strcmp(key, "name") == 0) {
    if (pair->value->kind == YDOC_SCALAR && !ydoc_is_null(pair->value))
      readctx_string(c, pair->value, &cv->name);
    return;
  }
  if (strcmp(key, "info") == 0) {
    if (pair->value->kind == YDOC_MAPPING)
      cv->headline = reader_import_text(c, pair->value, "label");
    return;
  }
  for (gsize i = 0; i < G_N_ELEMENTS(fresh_groups); i++)
    if (strcmp(key, fresh_groups[i].section) == 0) {
      fresh_read_group(c, cv, &fresh_groups[i], pair);
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS(fresh_milestones); i++)
    if (strcmp(key, fresh_milestones[i].section) == 0) {
      fresh_read_milestones(c, cv, &fresh_milestones[i], pair->value);
      return;
    }
}

static ModelCv *fresh_read(ReaderSource *src, const ReaderOptions *opts, DiagList *diags)
{
  ReadCtx c;
  const YdocNode *root = reader_parts_open(&c, src, opts, diags);
  if (root == NULL)
    return NULL;
  ModelCv *cv = model_cv_new(c.file);
  reader_set_language(&c, cv, opts, NULL);
  for (guint i = 0; i < root->n && !c.over_limit; i++)
    fresh_read_section(&c, cv, &root->pairs[i]);
  return reader_parts_finish(&c, opts, cv, FALSE,
                             "no dated entries in employment, education, service or "
                             "affiliation history, projects, governance, extracurricular, "
                             "writing, recognition, speaking or samples");
}

/* SURE for `meta.format: FRESH@...`; LIKELY for an employment or education with a
 * `history` list, FRESH's shape. */
static guint fresh_detect(ReaderSource *src)
{
  const YdocNode *root = reader_parts_detect_root(src);
  if (root == NULL)
    return READER_DETECT_NO;
  const YdocNode *format = ydoc_get(ydoc_get(root, "meta"), "format");
  if (format != NULL && format->kind == YDOC_SCALAR &&
      g_ascii_strncasecmp(format->text, "FRESH", 5) == 0)
    return READER_DETECT_SURE;
  const YdocNode *history = ydoc_get(ydoc_get(root, "employment"), "history");
  if (history == NULL)
    history = ydoc_get(ydoc_get(root, "education"), "history");
  if (history != NULL && history->kind == YDOC_SEQUENCE)
    return READER_DETECT_LIKELY;
  return READER_DETECT_NO;
}

const ReaderFormat reader_format_fresh = {
    .name = "fresh",
    .description = "FRESH resume (HackMyResume), JSON or YAML",
    .detect = fresh_detect,
    .read = fresh_read,
};
