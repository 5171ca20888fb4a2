/* JSON Resume reader (jsonresume.org schema v1.0.0 and the older field names still found
 * in the wild) onto the CV model; see doc/importing.md for the mapping, doc/cli.md for
 * detection. The helpers it shares with the RenderCV reader are in reader_import.c. */
#include "reader_import.h"
#include "strutil.h"

#include <string.h>

/* ---- JSON Resume ---------------------------------------------------------------------- */

/* A JSON Resume section that becomes a group of periods. */
typedef struct {
  const char *section;   /* the top-level key */
  const char *group_key; /* the model's group key */
  gboolean builtin;
  const char *title_key, *title_old; /* what the person was */
  const char *org_key, *org_old;     /* where */
} JrGroupSpec;

static const JrGroupSpec jr_groups[] = {
    {"work", "jobs", TRUE, "position", NULL, "name", "company"},
    {"education", "education", TRUE, NULL, NULL, "institution", "name"},
    {"volunteer", "Volunteering", FALSE, "position", NULL, "organization", "organisation"},
    {"projects", "Projects", FALSE, "name", NULL, "entity", NULL},
};

/* A JSON Resume section that becomes milestones. */
typedef struct {
  const char *section;
  const char *title_key, *title_old;
  const char *date_key, *date_old;
} JrMilestoneSpec;

static const JrMilestoneSpec jr_milestones[] = {
    {"awards", "title", "name", "date", "awardDate"},
    {"certificates", "name", "title", "date", NULL},
    {"publications", "name", "title", "releaseDate", "date"},
};

/* Education's title: "studyType in area", or whichever of the two is given. */
static char *jr_education_title(ReadCtx *c, const YdocNode *item)
{
  g_autofree char *type = reader_import_text(c, item, "studyType");
  g_autofree char *area = reader_import_text(c, item, "area");
  if (type != NULL && area != NULL)
    return g_strdup_printf("%s in %s", type, area);
  return g_strdup(type != NULL ? type : area);
}

/* Reads the start/end pair of @item into @entry's periods. @what is the section, @name
 * the entry's title or org (NULL when it has neither), for messages. FALSE when the entry
 * is to be skipped (an error or a warning was reported). */
static gboolean jr_read_dates(ReadCtx *c, const YdocNode *item, const char *what, const char *name,
                              ModelEntry *entry)
{
  const YdocNode *start_node = reader_import_field(item, "startDate", NULL);
  const YdocNode *end_node = reader_import_field(item, "endDate", NULL);
  DateValue start, end;
  ReaderDateResult rs = reader_import_date(c, start_node, &start);
  ReaderDateResult re = reader_import_date(c, end_node, &end);
  if (rs == READER_DATE_BAD || re == READER_DATE_BAD)
    return FALSE;
  if (rs == READER_DATE_ABSENT) {
    g_autofree char *shown = name != NULL ? readctx_shown(name) : NULL;
    g_autofree char *named = shown != NULL ? g_strdup_printf(" '%s'", shown) : g_strdup("");
    readctx_warning(c, item, "'%s' entry%s without 'startDate' cannot be drawn; skipped", what,
                    named);
    return FALSE;
  }
  DateSpan span;
  gboolean empty;
  if (!reader_import_span(c, &start, start_node, "startDate", re == READER_DATE_OK ? &end : NULL,
                          re == READER_DATE_OK ? end_node : NULL, &span, &empty))
    return FALSE;
  if (!empty)
    g_array_append_val(entry->periods, span);
  entry->approximate = span.start_approx || span.end_approx;
  return TRUE;
}

static ModelEntry *jr_read_entry(ReadCtx *c, const JrGroupSpec *spec, const YdocNode *item)
{
  guint errors_before = diag_error_count(c->diags);
  g_autofree char *title = spec->title_key != NULL
                               ? reader_import_text2(c, item, spec->title_key, spec->title_old)
                               : jr_education_title(c, item);
  g_autofree char *org = reader_import_text2(c, item, spec->org_key, spec->org_old);
  char *url = reader_import_url(c, item, "url", "website");
  char *location = reader_import_text(c, item, "location");
  ModelEntry *entry = model_entry_new();
  entry->url = url;
  entry->location = location;
  entry->line = item->line;
  entry->column = item->column;
  /* A field of the wrong type was reported already: say nothing more of this entry. */
  if (diag_error_count(c->diags) > errors_before ||
      !jr_read_dates(c, item, spec->section, title != NULL ? title : org, entry)) {
    model_entry_free(entry);
    return NULL;
  }
  if (title == NULL && org == NULL) {
    readctx_warning(c, item, "'%s' entry with neither '%s' nor '%s' cannot be drawn; skipped",
                    spec->section, spec->title_key != NULL ? spec->title_key : "studyType",
                    spec->org_key);
    model_entry_free(entry);
    return NULL;
  }
  entry->title = g_steal_pointer(&title);
  entry->org = g_steal_pointer(&org);
  return entry;
}

static void jr_read_group(ReadCtx *c, ModelCv *cv, const JrGroupSpec *spec, const YdocPair *pair)
{
  const YdocNode *list = pair->value;
  if (ydoc_is_null(list) || !readctx_expect(c, list, YDOC_SEQUENCE))
    return;
  const char *name =
      spec->builtin ? model_builtin_group_name(spec->group_key, cv->language) : spec->group_key;
  ModelGroup *group = model_group_new(spec->group_key, name, spec->builtin);
  group->line = pair->key->line;
  group->column = pair->key->column;
  for (guint i = 0; i < list->n; i++) {
    const YdocNode *item = list->items[i];
    if (!readctx_expect(c, item, YDOC_MAPPING))
      continue;
    if (!readctx_count(c, item))
      break;
    ModelEntry *entry = jr_read_entry(c, spec, item);
    if (entry != NULL)
      g_ptr_array_add(group->entries, entry);
  }
  reader_import_add_group(cv, group);
}

static void jr_read_milestones(ReadCtx *c, ModelCv *cv, const JrMilestoneSpec *spec,
                               const YdocNode *list)
{
  if (ydoc_is_null(list) || !readctx_expect(c, list, YDOC_SEQUENCE))
    return;
  for (guint i = 0; i < list->n; i++) {
    const YdocNode *item = list->items[i];
    if (!readctx_expect(c, item, YDOC_MAPPING))
      continue;
    if (!readctx_count(c, item))
      break;
    const YdocNode *date_node = reader_import_field(item, spec->date_key, spec->date_old);
    const char *date_name = date_node != NULL && date_node == ydoc_get(item, spec->date_key)
                                ? spec->date_key
                                : spec->date_old;
    DateValue date;
    ReaderDateResult rd = reader_import_date(c, date_node, &date);
    g_autofree char *title = reader_import_text2(c, item, spec->title_key, spec->title_old);
    char *url = reader_import_url(c, item, "url", NULL);
    if (rd == READER_DATE_OK && date.present) {
      g_autofree char *text = readctx_shown(date_node->text);
      readctx_error(c, date_node, "%s cannot be '%s'", date_name, text);
      rd = READER_DATE_BAD;
    }
    if (rd == READER_DATE_ABSENT || (rd == READER_DATE_OK && title == NULL))
      readctx_warning(c, item, "'%s' entry without '%s' cannot be drawn; skipped", spec->section,
                      rd == READER_DATE_ABSENT ? spec->date_key : spec->title_key);
    if (rd != READER_DATE_OK || title == NULL) {
      g_free(url);
      continue;
    }
    ModelMilestone *m = model_milestone_new();
    m->date = date.first;
    m->precision = date.precision;
    m->approximate = date.approximate;
    m->title = g_steal_pointer(&title);
    m->url = url;
    m->line = item->line;
    m->column = item->column;
    g_ptr_array_add(cv->milestones, m);
  }
}

/* `basics` (the schema since 0.0.0), or `bio` (the drafts of mid-2014, which gave the
 * name as `firstName` and `lastName`, or as `name`). */
static void jr_read_basics(ReadCtx *c, ModelCv *cv, const YdocNode *basics)
{
  if (ydoc_is_null(basics) || !readctx_expect(c, basics, YDOC_MAPPING))
    return;
  g_clear_pointer(&cv->name, g_free);
  g_clear_pointer(&cv->headline, g_free);
  cv->name = reader_import_text(c, basics, "name");
  if (cv->name == NULL) {
    g_autofree char *first = reader_import_text(c, basics, "firstName");
    g_autofree char *last = reader_import_text(c, basics, "lastName");
    if (first != NULL || last != NULL)
      cv->name = first != NULL && last != NULL ? g_strdup_printf("%s %s", first, last)
                                               : g_strdup(first != NULL ? first : last);
  }
  cv->headline = reader_import_text(c, basics, "label");
}

/* Dispatches one top-level key; anything else is ignored without a warning, as the schema
 * has many sections a timeline has no use for (skills, languages, references, meta...). */
static void jr_read_section(ReadCtx *c, ModelCv *cv, const YdocNode *root, const YdocPair *pair)
{
  const char *key = pair->key->text;
  if (strcmp(key, "basics") == 0 || strcmp(key, "bio") == 0) {
    /* `basics` wins over a `bio` left beside it; the first drafts' `bio` was a string. */
    if (strcmp(key, "bio") == 0 &&
        (ydoc_get(root, "basics") != NULL || pair->value->kind == YDOC_SCALAR))
      return;
    jr_read_basics(c, cv, pair->value);
    return;
  }
  for (gsize i = 0; i < G_N_ELEMENTS(jr_groups); i++)
    if (strcmp(key, jr_groups[i].section) == 0) {
      jr_read_group(c, cv, &jr_groups[i], pair);
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS(jr_milestones); i++)
    if (strcmp(key, jr_milestones[i].section) == 0) {
      jr_read_milestones(c, cv, &jr_milestones[i], pair->value);
      return;
    }
}

/* The CV's language: the schema has no field for it, so only the explicit ones themes use,
 * `meta.language` (jsonresume-theme-class) or `meta.lang` (the schema's open proposal);
 * never a guess from `basics.location.countryCode`. NULL when there is none. */
static const Lang *jr_language(ReadCtx *c, const YdocNode *root)
{
  const YdocNode *meta = ydoc_get(root, "meta");
  if (meta == NULL || meta->kind != YDOC_MAPPING)
    return NULL;
  const YdocNode *node = reader_import_field(meta, "language", "lang");
  return node != NULL ? readctx_language(c, node) : NULL;
}

static ModelCv *jr_read(ReaderSource *src, const ReaderOptions *opts, DiagList *diags)
{
  const YdocDoc *doc = reader_source_yaml(src, diags);
  if (doc == NULL)
    return NULL;
  ReadCtx c;
  const YdocNode *root = reader_import_begin(&c, doc, opts, diags);
  if (root == NULL)
    return NULL;
  ModelCv *cv = model_cv_new(doc->file);
  reader_set_language(&c, cv, opts, jr_language(&c, root));
  for (guint i = 0; i < root->n && !c.over_limit; i++)
    jr_read_section(&c, cv, root, &root->pairs[i]);
  /* The very first drafts (June 2014) had the name at the top level. */
  const YdocNode *top_name = ydoc_get(root, "name");
  if (cv->name == NULL && top_name != NULL && top_name->kind == YDOC_SCALAR)
    cv->name = reader_import_text(&c, root, "name");
  reader_import_require_drawable(&c, cv, root,
                                 "no entry with a 'startDate' in 'work', 'education', "
                                 "'volunteer' or 'projects', and no dated 'awards', "
                                 "'certificates' or 'publications'");
  return reader_import_finish(&c, opts, cv);
}

/* A top-level `basics:` or `work:`, the two sections nearly every JSON Resume file has
 * (or `bio:`, what the 2014 drafts called `basics`). */
static guint jr_detect(ReaderSource *src)
{
  const YdocDoc *doc = reader_source_yaml(src, NULL);
  const YdocNode *root = doc != NULL ? doc->root : NULL;
  const YdocNode *bio = ydoc_get(root, "bio");
  if (ydoc_get(root, "basics") != NULL || ydoc_get(root, "work") != NULL ||
      (bio != NULL && bio->kind == YDOC_MAPPING))
    return READER_DETECT_LIKELY;
  return READER_DETECT_NO;
}

const ReaderFormat reader_format_jsonresume = {
    .name = "jsonresume",
    .description = "JSON Resume (jsonresume.org), schema v1.0.0 and older field names",
    .detect = jr_detect,
    .read = jr_read,
};
