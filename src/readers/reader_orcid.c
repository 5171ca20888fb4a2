/* ORCID record reader (the public API's JSON or XML, v3.0 and v2.x; doc/importing.md):
 * the whole record (/record), the activities (/activities), one section (/employments,
 * /works...) or one item (/employment/PUT-CODE). XML is read into the JSON's tree. Affiliations become groups or milestones, works
 * milestones. Each affiliation summary says what it is by its key (employment-summary,
 * education-summary...), so a section is read the same wherever it sits. */
#include "reader_import.h"
#include "reader_parts.h"
#include "strutil.h"
#include "xmldoc.h"

#include <stdlib.h>
#include <string.h>

/* The reading context of one reading, with the activities it has read: ReadCtx is its
 * first member, so that the functions below, which take the ReadCtx, reach the rest
 * (C11 6.7.2.1: a pointer to a struct is a pointer to its first member). */
typedef struct {
  ReadCtx c;
  GHashTable *seen; /* "employment 4001": the kinds and put-codes read, owned */
} OrcidRead;

/* TRUE when an activity of @what with @item's put-code was read already (ORCID's
 * download holds an activity in the record and again in a file of its own), else notes
 * it. An item without a put-code is always read. */
static gboolean orcid_seen_before(ReadCtx *c, const char *what, const YdocNode *item)
{
  OrcidRead *r = (OrcidRead *)c;
  const YdocNode *code = ydoc_get(item, "put-code");
  if (code == NULL || code->kind != YDOC_SCALAR || ydoc_is_null(code))
    return FALSE;
  char *key = g_strdup_printf("%s %s", what, code->text);
  if (g_hash_table_contains(r->seen, key)) {
    g_free(key);
    return TRUE;
  }
  g_hash_table_add(r->seen, key);
  return FALSE;
}

/* The file an entry read now comes from, for the model: the member being read when it
 * is not the CV's own file (a folder or an archive), else NULL. A new string. */
static char *orcid_member_file(const ReadCtx *c, const ModelCv *cv)
{
  return strcmp(c->file, cv->file) != 0 ? g_strdup(c->file) : NULL;
}

/* What an affiliation summary becomes. */
typedef struct {
  const char *summary_key; /* "employment-summary" */
  const char *section;     /* the section's key in activities-summary: "employments" */
  const char *group_key;   /* the model's group, or NULL for milestones */
  gboolean builtin;
  const char *what; /* in messages: "employment" */
} OrcidKind;

static const OrcidKind orcid_kinds[] = {
    {"employment-summary", "employments", "jobs", TRUE, "employment"},
    {"education-summary", "educations", "education", TRUE, "education"},
    {"qualification-summary", "qualifications", "education", TRUE, "qualification"},
    {"invited-position-summary", "invited-positions", "visiting", TRUE, "invited position"},
    {"distinction-summary", "distinctions", NULL, FALSE, "distinction"},
    {"membership-summary", "memberships", "Memberships", FALSE, "membership"},
    {"service-summary", "services", "Service", FALSE, "service"},
    {"funding-summary", "fundings", "Funding", FALSE, "funding"},
};

/* The text of @node, which ORCID writes as {"value": "..."} or, in places, bare; NULL
 * for null, absent, blank or anything else. Borrowed. */
static const YdocNode *orcid_value_node(const YdocNode *node)
{
  if (node != NULL && node->kind == YDOC_MAPPING)
    node = ydoc_get(node, "value");
  if (node == NULL || node->kind != YDOC_SCALAR || ydoc_is_null(node) ||
      strutil_is_blank(node->text))
    return NULL;
  return node;
}

static char *orcid_text(ReadCtx *c, const YdocNode *node)
{
  const YdocNode *v = orcid_value_node(node);
  return v != NULL ? readctx_text(c, v, v->text) : NULL;
}

/* A number of a fuzzy date's part ("2019", "02"); 0 when absent; -1 when not a number. */
static int orcid_part(const YdocNode *date, const char *key)
{
  const YdocNode *v = orcid_value_node(ydoc_get(date, key));
  if (v == NULL)
    return 0;
  g_autofree char *t = g_strstrip(g_strdup(v->text));
  char *end;
  long n = strtol(t, &end, 10);
  return *end == '\0' && n > 0 && n < 100000 ? (int)n : -1;
}

typedef enum { ORCID_DATE_ABSENT, ORCID_DATE_OK, ORCID_DATE_BAD } OrcidDate;

/* A fuzzy date {year, month, day} (month and day optional); null is absent. Parts that
 * make no date are a warning naming @who; a day past the month's end is clamped. */
static OrcidDate orcid_date(ReadCtx *c, const YdocNode *date, const char *what, const char *who,
                            DateValue *out)
{
  if (date == NULL || date->kind != YDOC_MAPPING)
    return ORCID_DATE_ABSENT;
  int year = orcid_part(date, "year"), month = orcid_part(date, "month"),
      day = orcid_part(date, "day");
  if (year == 0 && month == 0 && day == 0)
    return ORCID_DATE_ABSENT;
  gboolean clamped;
  if (year <= 0 || month < 0 || day < 0 || !reader_parts_date(year, month, day, out, &clamped)) {
    /* The parts as the file gives them, the absent ones left out. */
    GString *parts = g_string_new(NULL);
    static const char *const keys[] = {"year", "month", "day"};
    for (gsize i = 0; i < G_N_ELEMENTS(keys); i++) {
      const YdocNode *v = orcid_value_node(ydoc_get(date, keys[i]));
      if (v != NULL)
        g_string_append_printf(parts, "%s%s '%s'", parts->len ? ", " : "", keys[i], v->text);
    }
    readctx_warning(c, date, "%s: the %s (%s) is no date; left out", who, what, parts->str);
    g_string_free(parts, TRUE);
    return ORCID_DATE_BAD;
  }
  if (clamped) {
    g_autofree char *text = g_strdup_printf("%04d-%02d-%02d", year, month, day);
    readctx_day_clamped(c, date, who, text, out);
  }
  return ORCID_DATE_OK;
}

static ModelGroup *orcid_group(ModelCv *cv, const OrcidKind *kind, const YdocNode *at)
{
  ModelGroup *group = model_cv_find_group(cv, kind->group_key);
  if (group == NULL) {
    const char *name = kind->builtin ? model_builtin_group_name(kind->group_key, cv->language) : kind->group_key;
    group = model_group_new(kind->group_key, name, kind->builtin);
    group->line = at->line;
    group->column = at->column;
    model_cv_add_group(cv, group);
  }
  return group;
}

/* The organisation's name, and its city for the location. */
static void orcid_org(ReadCtx *c, const YdocNode *item, char **org, char **city)
{
  const YdocNode *o = ydoc_get(item, "organization");
  *org = orcid_text(c, ydoc_get(o, "name"));
  *city = orcid_text(c, ydoc_get(ydoc_get(o, "address"), "city"));
}

/* One affiliation summary (or a funding summary) of @kind. */
static void orcid_read_affiliation(ReadCtx *c, ModelCv *cv, const OrcidKind *kind,
                                   const YdocNode *item)
{
  if (item->kind != YDOC_MAPPING || orcid_seen_before(c, kind->what, item))
    return;
  g_autofree char *org = NULL, *city = NULL;
  orcid_org(c, item, &org, &city);
  g_autofree char *role = orcid_text(c, ydoc_get(item, "role-title"));
  g_autofree char *dept = orcid_text(c, ydoc_get(item, "department-name"));
  /* A funding's title is a {title: {value}} as a work's. */
  g_autofree char *funding = orcid_text(c, ydoc_get(ydoc_get(item, "title"), "title"));
  /* ORCID leaves role-title empty often: the department then says what it was. */
  char *title = role != NULL ? g_steal_pointer(&role)
                : dept != NULL ? g_steal_pointer(&dept)
                               : g_steal_pointer(&funding);
  g_autofree char *who_owned = reader_parts_entry_name(title, org);
  g_autofree char *who = g_strdup_printf("%s %s", kind->what, who_owned);
  if (title == NULL && org == NULL) {
    readctx_warning(c, item, "%s with neither role-title nor organization; left out", kind->what);
    return;
  }
  DateValue start, end;
  const YdocNode *start_node = ydoc_get(item, "start-date");
  const YdocNode *end_node = ydoc_get(item, "end-date");
  OrcidDate ds = orcid_date(c, start_node, "start-date", who, &start);
  OrcidDate de = orcid_date(c, end_node, "end-date", who, &end);
  if (ds == ORCID_DATE_BAD || de == ORCID_DATE_BAD) {
    g_free(title);
    return;
  }
  if (ds == ORCID_DATE_ABSENT && de == ORCID_DATE_ABSENT) {
    readctx_warning(c, item, "%s has no start-date or end-date; left out", who);
    g_free(title);
    return;
  }
  if (!readctx_count(c, item)) {
    g_free(title);
    return;
  }
  if (kind->group_key == NULL) {
    /* A distinction: a milestone on the day it was given (its start). */
    ModelMilestone *m = model_milestone_new();
    const DateValue *d = ds == ORCID_DATE_OK ? &start : &end;
    m->date = d->first;
    m->precision = d->precision;
    m->title = title != NULL && org != NULL ? g_strdup_printf("%s (%s)", title, org)
                                            : g_strdup(title != NULL ? title : org);
    m->line = item->line;
    m->column = item->column;
    m->file = orcid_member_file(c, cv);
    g_ptr_array_add(cv->milestones, m);
    g_free(title);
    return;
  }
  /* Only an end (a degree with its year of completion): the span of that date. */
  if (ds == ORCID_DATE_ABSENT) {
    start = end;
    start_node = end_node;
  }
  if (de == ORCID_DATE_OK && end.last < start.first) {
    readctx_warning(c, end_node, "%s ends (%s) before it starts; left out", who, "end-date");
    g_free(title);
    return;
  }
  DateSpan span;
  gboolean keep;
  readctx_span(c, &start, start_node, de == ORCID_DATE_OK ? &end : NULL, end_node, FALSE, &span,
               &keep);
  ModelEntry *entry = model_entry_new();
  entry->title = title;
  entry->org = g_steal_pointer(&org);
  entry->location = g_steal_pointer(&city);
  const YdocNode *url = orcid_value_node(ydoc_get(item, "url"));
  entry->url = url != NULL ? readctx_link(c, url, url->text) : NULL;
  entry->line = item->line;
  entry->column = item->column;
  entry->file = orcid_member_file(c, cv);
  if (keep)
    g_array_append_val(entry->periods, span);
  g_ptr_array_add(orcid_group(cv, kind, item)->entries, entry);
}

/* The kind whose summary key @key is, or NULL. */
static const OrcidKind *orcid_kind_of_summary(const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS(orcid_kinds); i++)
    if (strcmp(key, orcid_kinds[i].summary_key) == 0)
      return &orcid_kinds[i];
  return NULL;
}

/* Reads the first KIND-summary of mapping @s (a sequence of them: its first); FALSE
 * when it has none. */
static gboolean orcid_read_summary_in(ReadCtx *c, ModelCv *cv, const YdocNode *s)
{
  if (s->kind != YDOC_MAPPING)
    return FALSE;
  for (guint k = 0; k < s->n; k++) {
    const OrcidKind *kind = orcid_kind_of_summary(s->pairs[k].key->text);
    const YdocNode *v = s->pairs[k].value;
    if (kind != NULL && v->kind == YDOC_SEQUENCE)
      v = v->n > 0 ? v->items[0] : NULL;
    if (kind != NULL && v != NULL) {
      orcid_read_affiliation(c, cv, kind, v);
      return TRUE;
    }
  }
  return FALSE;
}

/* A summaries list (v3.0: [{"employment-summary": {...}}, ...]) of one group: ORCID puts
 * the versions of one affiliation from several sources in one group and shows one, the
 * first; so is it read. */
static void orcid_read_summaries(ReadCtx *c, ModelCv *cv, const YdocNode *summaries)
{
  if (summaries == NULL || summaries->kind != YDOC_SEQUENCE)
    return;
  for (guint i = 0; i < summaries->n; i++)
    if (orcid_read_summary_in(c, cv, summaries->items[i]))
      return;
}

/* A section: {"affiliation-group": [...]} (v3.0), {"employment-summary": [...]} (v2.x),
 * or fundings' {"group": [{"funding-summary": [...]}]}. */
static void orcid_read_section(ReadCtx *c, ModelCv *cv, const YdocNode *section)
{
  if (section == NULL || section->kind != YDOC_MAPPING)
    return;
  const YdocNode *groups = ydoc_get(section, "affiliation-group");
  if (groups != NULL && groups->kind == YDOC_SEQUENCE)
    for (guint i = 0; i < groups->n && !c->over_limit; i++) {
      const YdocNode *g = groups->items[i];
      /* The XML has no "summaries": the group holds its summaries itself. */
      const YdocNode *summaries = ydoc_get(g, "summaries");
      if (summaries != NULL)
        orcid_read_summaries(c, cv, summaries);
      else
        orcid_read_summary_in(c, cv, g);
    }
  for (guint k = 0; k < section->n; k++) {
    const OrcidKind *kind = orcid_kind_of_summary(section->pairs[k].key->text);
    const YdocNode *list = section->pairs[k].value;
    if (kind == NULL || list->kind != YDOC_SEQUENCE)
      continue;
    for (guint i = 0; i < list->n && !c->over_limit; i++)
      orcid_read_affiliation(c, cv, kind, list->items[i]);
  }
  const YdocNode *fgroups = ydoc_get(section, "group");
  if (fgroups != NULL && fgroups->kind == YDOC_SEQUENCE)
    for (guint i = 0; i < fgroups->n && !c->over_limit; i++) {
      const YdocNode *list = ydoc_get(fgroups->items[i], "funding-summary");
      if (list != NULL && list->kind == YDOC_SEQUENCE && list->n > 0)
        orcid_read_affiliation(c, cv, orcid_kind_of_summary("funding-summary"), list->items[0]);
    }
}

/* One work summary: a milestone at its publication date, titled by its short form. */
static void orcid_read_work(ReadCtx *c, ModelCv *cv, const YdocNode *work)
{
  if (work == NULL || work->kind != YDOC_MAPPING || orcid_seen_before(c, "work", work))
    return;
  g_autofree char *title = orcid_text(c, ydoc_get(ydoc_get(work, "title"), "title"));
  if (title == NULL) {
    readctx_warning(c, work, "a work without a title; left out");
    return;
  }
  g_autofree char *shown = readctx_shown(title);
  g_autofree char *who = g_strdup_printf("work '%s'", shown);
  DateValue date;
  OrcidDate dd = orcid_date(c, ydoc_get(work, "publication-date"), "publication-date", who, &date);
  if (dd == ORCID_DATE_BAD)
    return;
  if (dd == ORCID_DATE_ABSENT) {
    readctx_warning(c, work, "%s has no publication-date; left out", who);
    return;
  }
  if (!readctx_count(c, work))
    return;
  g_autofree char *journal = orcid_text(c, ydoc_get(work, "journal-title"));
  g_autofree char *venue = reader_parts_venue(journal);
  int year = 0;
  date_to_ymd(date.first, &year, NULL, NULL);
  ModelMilestone *m = model_milestone_new();
  m->title = reader_parts_publication_title(title, venue, year);
  m->note = journal != NULL ? g_strdup_printf("%s. %s.", title, journal) : g_strdup(title);
  m->date = date.first;
  m->precision = date.precision;
  /* The work's DOI, else its url. */
  const YdocNode *ids = ydoc_get(ydoc_get(work, "external-ids"), "external-id");
  for (guint i = 0; ids != NULL && ids->kind == YDOC_SEQUENCE && i < ids->n && !m->url; i++) {
    const YdocNode *type = ydoc_get(ids->items[i], "external-id-type");
    const YdocNode *rel = ydoc_get(ids->items[i], "external-id-relationship");
    const YdocNode *value = orcid_value_node(ydoc_get(ids->items[i], "external-id-value"));
    if (type != NULL && type->kind == YDOC_SCALAR && strcmp(type->text, "doi") == 0 &&
        value != NULL && (rel == NULL || rel->kind != YDOC_SCALAR || strcmp(rel->text, "self") == 0)) {
      g_autofree char *doi = g_strdup_printf("https://doi.org/%s", value->text);
      m->url = readctx_link(c, value, doi);
    }
  }
  const YdocNode *url = orcid_value_node(ydoc_get(work, "url"));
  if (m->url == NULL && url != NULL)
    m->url = readctx_link(c, url, url->text);
  m->line = work->line;
  m->column = work->column;
  m->file = orcid_member_file(c, cv);
  g_ptr_array_add(cv->milestones, m);
}

/* The works section: {"group": [{"work-summary": [...]}, ...]}: one work per group (the
 * versions of one work from several sources), the first, as ORCID shows it. */
static void orcid_read_works(ReadCtx *c, ModelCv *cv, const YdocNode *works)
{
  const YdocNode *groups = ydoc_get(works, "group");
  if (groups == NULL || groups->kind != YDOC_SEQUENCE)
    return;
  for (guint i = 0; i < groups->n && !c->over_limit; i++) {
    const YdocNode *list = ydoc_get(groups->items[i], "work-summary");
    if (list != NULL && list->kind == YDOC_SEQUENCE && list->n > 0)
      orcid_read_work(c, cv, list->items[0]);
  }
}

static void orcid_read_name(ReadCtx *c, ModelCv *cv, const YdocNode *person)
{
  if (cv->name != NULL)
    return; /* a download's person file, and its record again */
  const YdocNode *name = ydoc_get(person, "name");
  char *credit = orcid_text(c, ydoc_get(name, "credit-name"));
  if (credit != NULL) {
    cv->name = credit;
    return;
  }
  g_autofree char *given = orcid_text(c, ydoc_get(name, "given-names"));
  g_autofree char *family = orcid_text(c, ydoc_get(name, "family-name"));
  if (given != NULL || family != NULL)
    cv->name = given != NULL && family != NULL ? g_strdup_printf("%s %s", given, family)
                                               : g_strdup(given != NULL ? given : family);
}

/* The activities: every known section, in the chart's order. */
static void orcid_read_activities(ReadCtx *c, ModelCv *cv, const YdocNode *activities)
{
  for (gsize i = 0; i < G_N_ELEMENTS(orcid_kinds) && !c->over_limit; i++)
    orcid_read_section(c, cv, ydoc_get(activities, orcid_kinds[i].section));
  orcid_read_works(c, cv, ydoc_get(activities, "works"));
}

/* The kind of a single item (/employment/PUT-CODE) from its path, or NULL. */
static const OrcidKind *orcid_kind_of_item(const YdocNode *root)
{
  const YdocNode *path = ydoc_get(root, "path");
  if (path == NULL || path->kind != YDOC_SCALAR || ydoc_get(root, "organization") == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS(orcid_kinds); i++) {
    /* "/0000-0002-1825-0097/employment/4288": the section's name without its "s". */
    g_autofree char *item = g_strndup(orcid_kinds[i].section, strlen(orcid_kinds[i].section) - 1);
    g_autofree char *needle = g_strdup_printf("/%s/", item);
    if (strstr(path->text, needle) != NULL)
      return &orcid_kinds[i];
  }
  return NULL;
}

/* TRUE when @root is a {"group": [{"KEY": [...]}, ...]} section (works, fundings). */
static gboolean orcid_group_of(const YdocNode *root, const char *key)
{
  const YdocNode *groups = ydoc_get(root, "group");
  return groups != NULL && groups->kind == YDOC_SEQUENCE && groups->n > 0 &&
         ydoc_get(groups->items[0], key) != NULL;
}

/* The elements that ORCID's XML repeats where its JSON has a list, even when one is
 * written: read as sequences, so that both shapes meet the same tree. */
static const char *const orcid_xml_lists[] = {
    "affiliation-group",        "group",          "work-summary",
    "funding-summary",          "external-id",    "employment-summary",
    "education-summary",        "qualification-summary", "invited-position-summary",
    "distinction-summary",      "membership-summary",    "service-summary",
    NULL,
};

/* The namespace every ORCID XML document declares. */
#define ORCID_XML_NS "http://www.orcid.org/ns/"

/* The kind that XML root element @name is (an activity "employment", or its section
 * "employments" with *@section set), or NULL. */
static const OrcidKind *orcid_kind_of_element(const char *name, gboolean *section)
{
  for (gsize i = 0; i < G_N_ELEMENTS(orcid_kinds); i++) {
    const char *plural = orcid_kinds[i].section;
    gsize n = strlen(plural) - 1; /* "employments" without its "s" */
    *section = strcmp(name, plural) == 0;
    if (*section || (strlen(name) == n && strncmp(name, plural, n) == 0))
      return &orcid_kinds[i];
  }
  return NULL;
}

/* Reads a document's tree (a JSON answer, or an XML one whose root element is @element;
 * NULL for JSON) from its top-level mapping @root into @cv; sets *@person when it names
 * the person. FALSE, reading nothing, for an XML root of no kind drawn (a peer review,
 * the person's keywords...). */
static gboolean orcid_read_root(ReadCtx *c, ModelCv *cv, const YdocNode *root, const char *element,
                                gboolean *person)
{
  const YdocNode *p = ydoc_get(root, "person");
  if (element != NULL && strcmp(element, "person") == 0)
    p = root;
  else if (p == NULL && ydoc_get(ydoc_get(root, "name"), "family-name") != NULL)
    p = root; /* /person */
  if (p != NULL) {
    orcid_read_name(c, cv, p);
    *person = TRUE;
  }
  if (element != NULL && strcmp(element, "record") != 0 &&
      strcmp(element, "activities-summary") != 0) {
    /* XML says what it is by its root element: the files of ORCID's download hold one
     * activity each, their sections, or the person. */
    gboolean section = FALSE;
    const OrcidKind *kind = orcid_kind_of_element(element, &section);
    if (strcmp(element, "work") == 0)
      orcid_read_work(c, cv, root);
    else if (strcmp(element, "works") == 0)
      orcid_read_works(c, cv, root);
    else if (kind != NULL && section)
      orcid_read_section(c, cv, root);
    else if (kind != NULL)
      orcid_read_affiliation(c, cv, kind, root);
    else
      return strcmp(element, "person") == 0;
    return TRUE;
  }
  const YdocNode *activities = ydoc_get(root, "activities-summary");
  const OrcidKind *item_kind = orcid_kind_of_item(root);
  if (activities != NULL)
    orcid_read_activities(c, cv, activities);
  else if (item_kind != NULL)
    orcid_read_affiliation(c, cv, item_kind, root);
  else if (orcid_group_of(root, "work-summary"))
    orcid_read_works(c, cv, root);
  else if (orcid_group_of(root, "funding-summary") || ydoc_get(root, "affiliation-group") != NULL)
    orcid_read_section(c, cv, root);
  else
    orcid_read_activities(c, cv, root);
  return TRUE;
}

/* TRUE for what an archiver adds beside the files (macOS's __MACOSX/ and ._NAME forks,
 * hidden files), which a folder's listing leaves out too: not the user's, so no
 * warning. */
static gboolean orcid_member_is_litter(const char *path)
{
  const char *slash = strrchr(path, '/');
  const char *base = slash != NULL ? slash + 1 : path;
  return g_str_has_prefix(path, "__MACOSX/") || base[0] == '.';
}

/* TRUE when @path ends in ".xml", in any case. */
static gboolean orcid_is_xml_name(const char *path)
{
  gsize n = strlen(path);
  return n >= 4 && g_ascii_strcasecmp(path + n - 4, ".xml") == 0;
}

#define ORCID_KINDS_DRAWN                                                                      \
  "employments, educations, qualifications, invited positions, distinctions, memberships, "   \
  "services, fundings or works"

static void orcid_begin(OrcidRead *r, ReaderSource *src, const ReaderOptions *opts,
                        DiagList *diags)
{
  reader_context_init(&r->c, reader_source_name(src), opts, diags);
  r->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
}

/* ORCID's "Download all my data" (a zip of XML files, one per activity, the person's
 * file, maybe the record), unpacked or not, and the public data file's folders of the
 * same files: every member that is ORCID XML is read into one chart, an activity met
 * twice (one put-code) once; any other member is skipped with a warning naming it. */
static ModelCv *orcid_read_archive(ReaderSource *src, const ReaderOptions *opts, DiagList *diags)
{
  OrcidRead r;
  orcid_begin(&r, src, opts, diags);
  const char *name = reader_source_name(src);
  ModelCv *cv = model_cv_new(name);
  reader_set_language(&r.c, cv, opts, NULL);
  guint n = reader_source_member_count(src, diags);
  for (guint i = 0; i < n && !r.c.over_limit; i++) {
    if (orcid_member_is_litter(reader_source_member_path(src, i)))
      continue;
    ReaderSource *member = reader_source_member(src, i, diags);
    if (member == NULL)
      continue; /* reported */
    gsize len = 0;
    const char *bytes = reader_source_bytes(member, &len);
    const char *file = reader_source_name(member);
    if (!xmldoc_looks_like(bytes, len, ORCID_XML_NS)) {
      diag_warning(diags, file, 0, 0, "not an ORCID XML file; skipped");
      continue;
    }
    XmldocDoc *xml = xmldoc_parse(file, bytes, len, orcid_xml_lists, diags);
    if (xml == NULL)
      continue; /* reported at its place */
    gboolean person = FALSE;
    r.c.file = xml->file;
    if (xml->root->kind != YDOC_MAPPING ||
        !orcid_read_root(&r.c, cv, xml->root, xml->root_name, &person))
      diag_warning(diags, file, xml->root->line, xml->root->column,
                   "ORCID's '%s' is not among the kinds drawn (%s); skipped", xml->root_name,
                   ORCID_KINDS_DRAWN);
    r.c.file = name;
    xmldoc_free(xml);
  }
  g_hash_table_unref(r.seen);
  g_autofree char *nothing =
      g_strdup_printf("no ORCID XML file in the %s with dated " ORCID_KINDS_DRAWN,
                      reader_source_is_folder(src) ? "folder" : "archive");
  return reader_parts_finish(&r.c, opts, cv, TRUE, nothing);
}

static ModelCv *orcid_read(ReaderSource *src, const ReaderOptions *opts, DiagList *diags)
{
  if (reader_source_is_archive(src))
    return orcid_read_archive(src, opts, diags);
  OrcidRead r;
  gsize len = 0;
  const char *bytes = reader_source_bytes(src, &len);
  XmldocDoc *xml = NULL;
  const YdocNode *root;
  if (bytes != NULL && xmldoc_looks_like(bytes, len, ORCID_XML_NS)) {
    /* The public API's default answer, and what ORCID's own tools write. */
    orcid_begin(&r, src, opts, diags);
    xml = xmldoc_parse(reader_source_name(src), bytes, len, orcid_xml_lists, diags);
    root = xml != NULL && xml->root->kind == YDOC_MAPPING ? xml->root : NULL;
    if (xml != NULL && root == NULL)
      readctx_error(&r.c, xml->root, "expected an ORCID record, found an element with only text");
  } else {
    root = reader_parts_open(&r.c, src, opts, diags);
    r.seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  }
  if (root == NULL) {
    g_hash_table_unref(r.seen);
    xmldoc_free(xml);
    return NULL;
  }
  ModelCv *cv = model_cv_new(r.c.file);
  reader_set_language(&r.c, cv, opts, NULL);
  gboolean person = FALSE;
  orcid_read_root(&r.c, cv, root, xml != NULL ? xml->root_name : NULL, &person);
  g_hash_table_unref(r.seen);
  xmldoc_free(xml);
  /* A record whose activities are all private shows nothing through the public API. */
  return reader_parts_finish(&r.c, opts, cv, FALSE,
                             person ? "the record has no dated " ORCID_KINDS_DRAWN
                                      " (are they private?)"
                                    : "no dated " ORCID_KINDS_DRAWN);
}

/* TRUE when @path is an ORCID API path ("/0000-0002-1825-0097/works"). */
static gboolean orcid_is_path(const YdocNode *path)
{
  if (path == NULL || path->kind != YDOC_SCALAR)
    return FALSE;
  const char *t = path->text;
  if (*t == '/')
    t++;
  /* An ORCID iD: four groups of four, the last character a digit or X. */
  for (int i = 0; i < 19; i++) {
    gboolean dash = i == 4 || i == 9 || i == 14;
    if (t[i] == '\0' || (dash ? t[i] != '-' : !(g_ascii_isdigit(t[i]) || (i == 18 && t[i] == 'X'))))
      return FALSE;
  }
  return TRUE;
}

/* SURE for what only ORCID writes: XML in ORCID's namespaces, orcid-identifier,
 * activities-summary, the plural section keys, or an ORCID iD path. */
static guint orcid_detect(ReaderSource *src)
{
  if (reader_source_is_archive(src)) {
    /* A download: an .xml member in ORCID's namespaces. */
    guint n = reader_source_member_count(src, NULL);
    for (guint i = 0; i < n; i++) {
      const char *path = reader_source_member_path(src, i);
      if (!orcid_is_xml_name(path) || orcid_member_is_litter(path))
        continue;
      ReaderSource *member = reader_source_member(src, i, NULL);
      gsize len = 0;
      const char *bytes = member != NULL ? reader_source_bytes(member, &len) : NULL;
      if (bytes != NULL && xmldoc_looks_like(bytes, len, ORCID_XML_NS))
        return READER_DETECT_SURE;
    }
    return READER_DETECT_NO;
  }
  gsize len = 0;
  const char *bytes = reader_source_bytes(src, &len);
  if (bytes != NULL && xmldoc_looks_like(bytes, len, ORCID_XML_NS))
    return READER_DETECT_SURE;
  const YdocNode *root = reader_parts_detect_root(src);
  if (root == NULL)
    return READER_DETECT_NO;
  if (ydoc_get(root, "orcid-identifier") != NULL || ydoc_get(root, "activities-summary") != NULL)
    return READER_DETECT_SURE;
  if (orcid_is_path(ydoc_get(root, "path")))
    return READER_DETECT_SURE;
  if (ydoc_get(root, "employments") != NULL && ydoc_get(root, "educations") != NULL)
    return READER_DETECT_SURE;
  if (ydoc_get(root, "affiliation-group") != NULL)
    return READER_DETECT_LIKELY;
  return READER_DETECT_NO;
}

const ReaderFormat reader_format_orcid = {
    .name = "orcid",
    .description = "ORCID record, activities, a section or an item (the public API's JSON or "
                   "XML), or ORCID's download of XML files (its .zip or folder)",
    .detect = orcid_detect,
    .read = orcid_read,
    .archives = TRUE,
    .archive_hint = "ORCID's download (.xml files of a record, its employments, works, ...)",
};
