/* The native CV reader (doc/cv-format.md): maps a ydoc tree onto the CV model. Every
 * problem is reported with the position of the offending node, and reading goes on after
 * an error (the bad entry is skipped) so that one run reports all of them. */
#include "reader.h"

#include <string.h>

static const char *const top_keys[] = {"name",       "headline",  "today",   "language",
                                       "jobs",       "education", "degrees", "visiting",
                                       "milestones", "groups",    NULL};
static const char *const entry_keys[] = {"title", "org",     "location", "start",       "end",
                                         "date",  "periods", "roles",    "approximate", "url",
                                         "note",  "class",   NULL};
static const char *const role_keys[] = {"title", "start", "end", "approximate", NULL};
static const char *const period_keys[] = {"start", "end", NULL};
static const char *const milestone_keys[] = {"date", "title", "class", "url", "note", NULL};

/* The kinds of mapping, in reader_native_mappings's order. */
static const char *const mapping_names[] = {"top", "entry", "role", "period", "milestone", NULL};
static const char *const *const mapping_keys[] = {top_keys, entry_keys, role_keys, period_keys,
                                                  milestone_keys};
G_STATIC_ASSERT(G_N_ELEMENTS(mapping_names) == G_N_ELEMENTS(mapping_keys) + 1);

const char *const *reader_native_mappings(void)
{
  return mapping_names;
}

const char *const *reader_native_keys(const char *mapping)
{
  for (gsize i = 0; mapping != NULL && mapping_names[i] != NULL; i++)
    if (strcmp(mapping_names[i], mapping) == 0)
      return mapping_keys[i];
  return NULL;
}

/* ---- small helpers ---- */

static gboolean is_key(const YdocPair *pair, const char *name)
{
  return strcmp(pair->key->text, name) == 0;
}

static const char *iso(DateDay day, char *buf)
{
  return date_format_iso(day, buf);
}

/* ---- spans ---- */

/* Where a span came from, for messages. */
typedef struct {
  DateValue start, end;
  gboolean has_end;           /* FALSE: omitted, i.e. present */
  const YdocNode *start_node; /* where "today before start" is reported */
  const YdocNode *end_node;   /* where "end before start" is reported */
  const char *period_text;    /* a period written as one scalar: named whole in messages */
} SpanIn;

/* Resolves @in (readctx_span) and adds it to @entry's periods unless it is left out.
 * FALSE after an error. */
static gboolean add_span(ReadCtx *c, const SpanIn *in, gboolean approx, ModelEntry *entry)
{
  const DateValue *end = in->has_end ? &in->end : NULL;
  if (in->period_text != NULL && (end == NULL || end->present) && c->today < in->start.first) {
    char buf[DATE_ISO_SIZE];
    g_autofree char *s = readctx_shown(in->period_text);
    readctx_warning(c, in->start_node,
                    "today (%s) is before the start of period '%s'; the period is left out",
                    iso(c->today, buf), s);
    return TRUE;
  }
  DateSpan span;
  gboolean keep;
  if (!readctx_span(c, &in->start, in->start_node, end, in->end_node, approx, &span, &keep))
    return FALSE;
  if (keep)
    g_array_append_val(entry->periods, span);
  return TRUE;
}

/* ---- periods ---- */

static gboolean read_period_mapping(ReadCtx *c, const YdocNode *node, gboolean approx,
                                    ModelEntry *entry)
{
  SpanIn in = {0};
  gboolean ok = TRUE;
  for (guint i = 0; i < node->n; i++) {
    const YdocPair *p = &node->pairs[i];
    if (is_key(p, "start")) {
      in.start_node = p->value;
      ok = readctx_date(c, p->value, "a period's start", &in.start) && ok;
    } else if (is_key(p, "end")) {
      in.end_node = p->value;
      if (!ydoc_is_null(p->value)) {
        in.has_end = TRUE;
        ok = readctx_date(c, p->value, NULL, &in.end) && ok;
      }
    } else {
      readctx_unknown_key(c, p->key, p->key->text, period_keys);
    }
  }
  if (in.start_node == NULL) {
    readctx_error(c, node, "a period needs a 'start'");
    return FALSE;
  }
  if (!ok)
    return FALSE;
  return add_span(c, &in, approx, entry);
}

/* A `periods` item written as text: a date, a range, an academic year, or a list of them
 * ("2023, 2024", "summer 2019 and 2020"), each a period of its own. */
static gboolean read_period_scalar(ReadCtx *c, const YdocNode *node, gboolean approx,
                                   ModelEntry *entry)
{
  g_autofree char *s = readctx_shown(node->text);
  g_autoptr(GArray) periods = date_parse_periods_in(node->text, c->lang);
  if (periods == NULL) {
    g_autofree char *langs = readctx_date_languages(c->lang, node->text, TRUE);
    readctx_error(c, node,
                  "unparsable period '%s': expected a date, a range such as '2019-09..2020-12' or "
                  "an academic year such as '2005/06'%s",
                  s, langs);
    return FALSE;
  }
  gboolean ok = TRUE;
  for (guint i = 0; i < periods->len && ok; i++) {
    const DatePeriod *p = &g_array_index(periods, DatePeriod, i);
    SpanIn in = {.has_end = TRUE, .start_node = node, .end_node = node};
    in.start = p->start;
    in.end = p->end;
    if (in.start.present) {
      readctx_error(c, node, "a period cannot start at '%s'", s);
      return FALSE;
    }
    if (!in.end.present && in.end.last < in.start.first) {
      readctx_error(c, node, "period '%s' ends before it starts", s);
      return FALSE;
    }
    in.period_text = node->text;
    ok = add_span(c, &in, approx, entry);
  }
  return ok;
}

static gboolean read_periods(ReadCtx *c, const YdocNode *node, gboolean approx, ModelEntry *entry)
{
  if (!readctx_expect(c, node, YDOC_SEQUENCE))
    return FALSE;
  if (node->n == 0) {
    readctx_error(c, node, "'periods' is empty");
    return FALSE;
  }
  gboolean ok = TRUE;
  for (guint i = 0; i < node->n; i++) {
    const YdocNode *item = node->items[i];
    if (item->kind == YDOC_MAPPING)
      ok = read_period_mapping(c, item, approx, entry) && ok;
    else if (item->kind == YDOC_SCALAR && !ydoc_is_null(item))
      ok = read_period_scalar(c, item, approx, entry) && ok;
    else {
      readctx_error(c, item, "expected a date or a mapping, found %s", readctx_found(item));
      ok = FALSE;
    }
  }
  model_entry_normalise_periods(entry);
  return ok;
}

/* ---- roles ---- */

typedef struct {
  const YdocNode *node;
  char *title;
  const YdocNode *start_node, *end_node;
  DateValue start, end;
  gboolean approx;
  /* resolved */
  DateSpan span;
  gboolean start_derived, end_derived;
} RoleIn;

static gboolean read_role(ReadCtx *c, const YdocNode *node, RoleIn *r)
{
  r->node = node;
  if (!readctx_expect(c, node, YDOC_MAPPING))
    return FALSE;
  gboolean ok = TRUE;
  for (guint i = 0; i < node->n; i++) {
    const YdocPair *p = &node->pairs[i];
    if (is_key(p, "title")) {
      ok = readctx_string(c, p->value, &r->title) && ok;
    } else if (is_key(p, "start")) {
      if (ydoc_is_null(p->value))
        continue;
      r->start_node = p->value;
      ok = readctx_date(c, p->value, "start", &r->start) && ok;
    } else if (is_key(p, "end")) {
      if (ydoc_is_null(p->value))
        continue;
      r->end_node = p->value;
      ok = readctx_date(c, p->value, NULL, &r->end) && ok;
    } else if (is_key(p, "approximate")) {
      ok = readctx_bool(c, p->value, &r->approx) && ok;
    } else {
      readctx_unknown_key(c, p->key, p->key->text, role_keys);
    }
  }
  if (ok && r->title == NULL) {
    readctx_error(c, node, "a role needs a 'title'");
    ok = FALSE;
  }
  if (ok && r->start_node == NULL && r->end_node == NULL) {
    readctx_error(c, node, "a role needs a 'start' or an 'end'");
    ok = FALSE;
  }
  return ok;
}

/* Fills in omitted starts and ends: a role's omitted start is the day after the previous
 * role's end, an omitted end the day before the next role's start, the last one's
 * `present`. */
static gboolean resolve_roles(ReadCtx *c, RoleIn *roles, guint n, gboolean approx)
{
  gboolean ok = TRUE;
  for (guint i = 0; i < n; i++) {
    RoleIn *r = &roles[i];
    DateSpan *s = &r->span;
    s->end_approx = approx || r->approx;
    if (r->end_node != NULL && !r->end.present) {
      s->end = r->end.last;
      s->end_precision = r->end.precision;
      s->end_approx |= r->end.approximate;
    } else if (r->end_node != NULL || i + 1 == n) {
      s->end = c->today;
      s->end_precision = DATE_PREC_DAY;
      s->ongoing = TRUE;
      s->end_approx |= r->end_node != NULL && r->end.approximate;
    } else if (roles[i + 1].start_node != NULL) {
      s->end = roles[i + 1].start.first - 1;
      s->end_precision = roles[i + 1].start.precision;
      s->end_approx |= roles[i + 1].start.approximate;
      r->end_derived = TRUE;
    } else {
      readctx_error(c, r->node,
                    "the end of this role is unknown: it has no 'end' and the next role "
                    "has no 'start'");
      ok = FALSE;
    }
  }
  for (guint i = 0; ok && i < n; i++) {
    RoleIn *r = &roles[i];
    DateSpan *s = &r->span;
    s->start_approx = approx || r->approx;
    if (r->start_node != NULL) {
      s->start = r->start.first;
      s->start_precision = r->start.precision;
      s->start_approx |= r->start.approximate;
    } else if (i == 0) {
      readctx_error(c, r->node, "the first role needs a 'start'");
      ok = FALSE;
    } else {
      s->start = roles[i - 1].span.end + 1;
      s->start_precision = roles[i - 1].span.end_precision;
      s->start_approx |= roles[i - 1].span.end_approx;
      r->start_derived = TRUE;
    }
  }
  return ok;
}

/* `end` before `start` (error) and a `today` before an ongoing role's start (warning:
 * the role is dropped, *@keep FALSE). */
static gboolean check_role(ReadCtx *c, const RoleIn *r, gboolean *keep)
{
  char a[DATE_ISO_SIZE], b[DATE_ISO_SIZE];
  *keep = TRUE;
  if (r->span.ongoing) {
    if (c->today < r->span.start) {
      g_autofree char *s =
          r->start_node ? readctx_shown(r->start_node->text) : g_strdup(iso(r->span.start, b));
      readctx_warning(c, r->start_node ? r->start_node : r->node,
                      "today (%s) is before start (%s); the ongoing role is left out",
                      iso(c->today, a), s);
      *keep = FALSE;
    }
    return TRUE;
  }
  if (r->span.end >= r->span.start)
    return TRUE;
  g_autofree char *e = r->end_derived ? g_strdup_printf("%s, the day before the next role's start",
                                                        iso(r->span.end, a))
                                      : readctx_shown(r->end_node->text);
  g_autofree char *s =
      r->start_derived
          ? g_strdup_printf("%s, the day after the previous role's end", iso(r->span.start, b))
          : readctx_shown(r->start_node->text);
  const YdocNode *at = r->end_derived || r->start_derived ? r->node : r->end_node;
  readctx_error(c, at, "end (%s) is before start (%s)", e, s);
  return FALSE;
}

static void check_role_joint(ReadCtx *c, const RoleIn *prev, const RoleIn *next)
{
  char a[DATE_ISO_SIZE], b[DATE_ISO_SIZE];
  g_autofree char *pt = readctx_shown(prev->title);
  g_autofree char *nt = readctx_shown(next->title);
  const YdocNode *at = next->start_node ? next->start_node : next->node;
  if (next->span.start <= prev->span.end)
    readctx_warning(c, at,
                    "role '%s' overlaps the previous role '%s': it starts %s, before '%s' ends %s",
                    nt, pt, iso(next->span.start, a), pt, iso(prev->span.end, b));
  else if (next->span.start > prev->span.end + 1)
    readctx_warning(c, at, "gap before role '%s': the previous role '%s' ends %s, '%s' starts %s",
                    nt, pt, iso(prev->span.end, a), nt, iso(next->span.start, b));
}

/* Chronological order of roles (g_ptr_array_sort is stable: file order among equals). */
static int role_in_start_cmp(gconstpointer pa, gconstpointer pb)
{
  const RoleIn *a = *(RoleIn *const *)pa, *b = *(RoleIn *const *)pb;
  return (a->span.start > b->span.start) - (a->span.start < b->span.start);
}

static gboolean read_roles(ReadCtx *c, const YdocNode *node, gboolean approx, ModelEntry *entry)
{
  if (!readctx_expect(c, node, YDOC_SEQUENCE))
    return FALSE;
  if (node->n == 0) {
    readctx_error(c, node, "'roles' is empty");
    return FALSE;
  }
  guint n = node->n;
  RoleIn *roles = g_new0(RoleIn, n);
  gboolean ok = TRUE;
  gboolean *read_ok = g_new0(gboolean, n);
  for (guint i = 0; i < n; i++) {
    read_ok[i] = read_role(c, node->items[i], &roles[i]);
    ok = read_ok[i] && ok;
  }
  /* With a broken role the others cannot be resolved, but a role that gives both of its
   * dates can still be checked, so that one run reports all. */
  for (guint i = 0; !ok && i < n; i++)
    if (read_ok[i] && roles[i].start_node && roles[i].end_node && !roles[i].end.present &&
        roles[i].end.last < roles[i].start.first) {
      g_autofree char *e = readctx_shown(roles[i].end_node->text);
      g_autofree char *st = readctx_shown(roles[i].start_node->text);
      readctx_error(c, roles[i].end_node, "end (%s) is before start (%s)", e, st);
    }
  g_free(read_ok);
  ok = ok && resolve_roles(c, roles, n, approx);
  g_autoptr(GPtrArray) kept = g_ptr_array_new();
  for (guint i = 0; ok && i < n; i++) {
    gboolean keep;
    if (!check_role(c, &roles[i], &keep)) {
      ok = FALSE;
      continue;
    }
    if (!keep)
      continue;
    g_ptr_array_add(kept, &roles[i]);
    ModelRole role = {.title = g_strdup(roles[i].title),
                      .span = roles[i].span,
                      .line = roles[i].node->line,
                      .column = roles[i].node->column};
    g_array_append_val(entry->roles, role);
  }
  /* Overlaps and gaps are between roles that follow each other in time, whatever order
   * the file lists them in (newest first is common). */
  g_ptr_array_sort(kept, role_in_start_cmp);
  const RoleIn *reach = kept->len ? kept->pdata[0] : NULL; /* the latest-ending so far */
  for (guint i = 1; ok && i < kept->len; i++) {
    const RoleIn *next = kept->pdata[i];
    check_role_joint(c, reach, next);
    if (next->span.end > reach->span.end)
      reach = next;
  }
  if (ok)
    model_entry_settle_roles(entry);
  if (ok && entry->roles->len > 0) {
    /* One bar from the earliest start to the latest end. */
    DateSpan all = g_array_index(entry->roles, ModelRole, 0).span;
    for (guint i = 1; i < entry->roles->len; i++) {
      const DateSpan *s = &g_array_index(entry->roles, ModelRole, i).span;
      if (s->start < all.start) {
        all.start = s->start;
        all.start_precision = s->start_precision;
        all.start_approx = s->start_approx;
      }
      if (s->end > all.end || (s->end == all.end && s->ongoing)) {
        all.end = s->end;
        all.end_precision = s->end_precision;
        all.end_approx = s->end_approx;
        all.ongoing = s->ongoing;
      }
    }
    g_array_append_val(entry->periods, all);
  }
  for (guint i = 0; i < n; i++)
    g_free(roles[i].title);
  g_free(roles);
  return ok;
}

/* ---- entries ---- */

typedef enum { KIND_NONE, KIND_START, KIND_DATE, KIND_PERIODS, KIND_ROLES } EntryKind;

static EntryKind kind_of_key(const char *key)
{
  if (strcmp(key, "start") == 0 || strcmp(key, "end") == 0)
    return KIND_START;
  if (strcmp(key, "date") == 0)
    return KIND_DATE;
  if (strcmp(key, "periods") == 0)
    return KIND_PERIODS;
  if (strcmp(key, "roles") == 0)
    return KIND_ROLES;
  return KIND_NONE;
}

typedef struct {
  EntryKind kind;
  const YdocNode *kind_key; /* the first key that chose the kind */
  const YdocNode *start, *end, *date, *periods, *roles;
} EntryDates;

/* Records a date-bearing key, or reports that it conflicts with the kind already chosen. */
static gboolean note_kind(ReadCtx *c, EntryDates *d, const YdocPair *p, EntryKind kind)
{
  if (d->kind != KIND_NONE && d->kind != kind) {
    readctx_error(c, p->key,
                  "'%s' cannot be combined with '%s': an entry has exactly one of 'start', 'date', "
                  "'periods' or 'roles'",
                  p->key->text, d->kind_key->text);
    return FALSE;
  }
  if (d->kind == KIND_NONE) {
    d->kind = kind;
    d->kind_key = p->key;
  }
  const YdocNode **slot = kind == KIND_DATE      ? &d->date
                          : kind == KIND_PERIODS ? &d->periods
                          : kind == KIND_ROLES   ? &d->roles
                          : is_key(p, "start")   ? &d->start
                                                 : &d->end;
  *slot = p->value;
  return TRUE;
}

static gboolean read_entry_dates(ReadCtx *c, const YdocNode *node, const EntryDates *d,
                                 ModelEntry *entry)
{
  gboolean approx = entry->approximate;
  switch (d->kind) {
  case KIND_NONE:
    readctx_error(c, node, "an entry needs one of 'start', 'date', 'periods' or 'roles'");
    return FALSE;
  case KIND_START: {
    if (d->start == NULL) {
      readctx_error(c, d->kind_key, "'end' without 'start'");
      return FALSE;
    }
    SpanIn in = {.start_node = d->start, .end_node = d->end};
    gboolean ok = readctx_date(c, d->start, "start", &in.start);
    if (d->end && !ydoc_is_null(d->end)) {
      in.has_end = TRUE;
      ok = readctx_date(c, d->end, NULL, &in.end) && ok;
    }
    if (!ok)
      return FALSE;
    return add_span(c, &in, approx, entry);
  }
  case KIND_DATE: {
    DateValue v;
    if (!readctx_date(c, d->date, "date", &v))
      return FALSE;
    DateSpan span = {.start = v.first,
                     .end = v.last,
                     .start_precision = v.precision,
                     .end_precision = v.precision,
                     .start_approx = v.approximate || approx,
                     .end_approx = v.approximate || approx};
    g_array_append_val(entry->periods, span);
    return TRUE;
  }
  case KIND_PERIODS:
    return read_periods(c, d->periods, approx, entry);
  case KIND_ROLES:
    return read_roles(c, d->roles, approx, entry);
  }
  return FALSE;
}

static ModelEntry *read_entry(ReadCtx *c, const YdocNode *node)
{
  if (!readctx_count(c, node))
    return NULL;
  if (!readctx_expect(c, node, YDOC_MAPPING))
    return NULL;
  ModelEntry *entry = model_entry_new();
  entry->line = node->line;
  entry->column = node->column;
  EntryDates d = {0};
  gboolean ok = TRUE, names_ok = TRUE;
  for (guint i = 0; i < node->n; i++) {
    const YdocPair *p = &node->pairs[i];
    EntryKind kind = kind_of_key(p->key->text);
    if (kind != KIND_NONE)
      ok = note_kind(c, &d, p, kind) && ok;
    else if (is_key(p, "title"))
      names_ok = readctx_string(c, p->value, &entry->title) && names_ok;
    else if (is_key(p, "org"))
      names_ok = readctx_string(c, p->value, &entry->org) && names_ok;
    else if (is_key(p, "location"))
      ok = readctx_string(c, p->value, &entry->location) && ok;
    else if (is_key(p, "url"))
      ok = readctx_url(c, p->value, &entry->url) && ok;
    else if (is_key(p, "note"))
      ok = readctx_string(c, p->value, &entry->note) && ok;
    else if (is_key(p, "class"))
      ok = readctx_string(c, p->value, &entry->class_name) && ok;
    else if (is_key(p, "approximate"))
      ok = readctx_bool(c, p->value, &entry->approximate) && ok;
    else
      readctx_unknown_key(c, p->key, p->key->text, entry_keys);
  }
  /* Dates are read after every key, so that `approximate` applies wherever it is. */
  ok = read_entry_dates(c, node, &d, entry) && ok;
  /* Not repeated when a title or org was there but of the wrong type. */
  if (names_ok && entry->title == NULL && entry->org == NULL) {
    readctx_error(c, node, "an entry needs a 'title' or an 'org'");
    ok = FALSE;
  }
  ok = ok && names_ok;
  if (!ok) {
    model_entry_free(entry);
    return NULL;
  }
  return entry;
}

/* ---- groups and milestones ---- */

static void read_group(ReadCtx *c, ModelCv *cv, const YdocNode *key, const char *group_key,
                       const YdocNode *value, gboolean builtin)
{
  if (!readctx_given(c, value, YDOC_SEQUENCE))
    return;
  ModelGroup *existing = model_cv_find_group(cv, group_key);
  if (existing != NULL) {
    g_autofree char *k = readctx_shown(key->text);
    if (strcmp(key->text, group_key) == 0)
      readctx_error(c, key, "group '%s' is given twice (first at line %d)", k, existing->line);
    else
      readctx_error(c, key, "'%s' is the same group as '%s' (line %d)", k, group_key,
                    existing->line);
    return;
  }
  const char *name = builtin ? model_builtin_group_name(group_key, cv->language) : group_key;
  ModelGroup *group = model_group_new(group_key, name, builtin);
  group->line = key->line;
  group->column = key->column;
  /* Added even while empty so that a repeated key is caught; empty groups are removed at
   * the end. */
  model_cv_add_group(cv, group);
  for (guint i = 0; i < value->n; i++) {
    ModelEntry *entry = read_entry(c, value->items[i]);
    if (entry)
      g_ptr_array_add(group->entries, entry);
  }
}

/* TRUE for a text of nothing but white space (any Unicode space), or empty. Wider than
 * strutil_is_blank (ASCII white space, what trimming removes) on purpose: the name has
 * been cleaned and trimmed already, and a name of U+3000 or no-break spaces would still
 * draw as no name. */
static gboolean is_blank(const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p))
    if (!g_unichar_isspace(g_utf8_get_char(p)))
      return FALSE;
  return TRUE;
}

static void read_custom_groups(ReadCtx *c, ModelCv *cv, const YdocNode *value)
{
  if (!readctx_given(c, value, YDOC_MAPPING))
    return;
  for (guint i = 0; i < value->n; i++) {
    const YdocPair *p = &value->pairs[i];
    g_autofree char *name = NULL;
    readctx_string(c, p->key, &name);
    if (name == NULL || is_blank(name)) {
      /* A name of spaces (or of nothing once cleaned) would be drawn as no name at all,
       * in the column and legend. */
      readctx_error(c, p->key, "a group name cannot be empty");
      continue;
    }
    read_group(c, cv, p->key, name, p->value, FALSE);
  }
}

static ModelMilestone *read_milestone(ReadCtx *c, const YdocNode *node)
{
  if (!readctx_count(c, node))
    return NULL;
  if (!readctx_expect(c, node, YDOC_MAPPING))
    return NULL;
  ModelMilestone *m = model_milestone_new();
  m->line = node->line;
  m->column = node->column;
  gboolean ok = TRUE, has_date = FALSE;
  for (guint i = 0; i < node->n; i++) {
    const YdocPair *p = &node->pairs[i];
    if (is_key(p, "date")) {
      DateValue v;
      has_date = TRUE;
      if (readctx_date(c, p->value, "date", &v)) {
        m->date = v.first;
        m->precision = v.precision;
        m->approximate = v.approximate;
      } else {
        ok = FALSE;
      }
    } else if (is_key(p, "title")) {
      ok = readctx_string(c, p->value, &m->title) && ok;
    } else if (is_key(p, "class")) {
      ok = readctx_string(c, p->value, &m->class_name) && ok;
    } else if (is_key(p, "url")) {
      ok = readctx_url(c, p->value, &m->url) && ok;
    } else if (is_key(p, "note")) {
      ok = readctx_string(c, p->value, &m->note) && ok;
    } else {
      readctx_unknown_key(c, p->key, p->key->text, milestone_keys);
    }
  }
  if (!has_date) {
    readctx_error(c, node, "a milestone needs a 'date'");
    ok = FALSE;
  }
  if (ok && m->title == NULL) {
    readctx_error(c, node, "a milestone needs a 'title'");
    ok = FALSE;
  }
  if (!ok) {
    model_milestone_free(m);
    return NULL;
  }
  return m;
}

/* `milestones: {from: pubs.bib}`, or such an item among the milestones: another file's
 * milestones (reader_milestones_from). */
static gboolean read_milestones_from(ReadCtx *c, ModelCv *cv, const YdocNode *node,
                                     const ReaderOptions *opts)
{
  const YdocNode *from = ydoc_get(node, "from");
  if (node->kind != YDOC_MAPPING || from == NULL)
    return FALSE;
  static const char *const from_keys[] = {"from", NULL};
  for (guint i = 0; i < node->n; i++)
    if (strcmp(node->pairs[i].key->text, "from") != 0)
      readctx_unknown_key(c, node->pairs[i].key, node->pairs[i].key->text, from_keys);
  reader_milestones_from(c, from, opts, cv);
  return TRUE;
}

static void read_milestones(ReadCtx *c, ModelCv *cv, const YdocNode *value,
                            const ReaderOptions *opts)
{
  if (read_milestones_from(c, cv, value, opts))
    return;
  if (!readctx_given(c, value, YDOC_SEQUENCE))
    return;
  for (guint i = 0; i < value->n; i++) {
    if (read_milestones_from(c, cv, value->items[i], opts))
      continue;
    ModelMilestone *m = read_milestone(c, value->items[i]);
    if (m)
      g_ptr_array_add(cv->milestones, m);
  }
}

/* ---- the top level ---- */

/* `--today` wins over the file's `today`, which wins over the clock. The file's value is
 * checked even when overridden: it is still part of the file. Month or year precision
 * means the last day of that month or year, as for an `end`. */
static DateDay resolve_today(ReadCtx *c, const ReaderOptions *opts, const YdocNode *root)
{
  const YdocNode *node = ydoc_get(root, "today");
  DateDay file_today = 0;
  DateValue v;
  if (node != NULL && !ydoc_is_null(node) && readctx_date(c, node, "today", &v))
    file_today = v.last;
  if (opts->has_today)
    return opts->today;
  return file_today ? file_today : opts->clock_today;
}

static void read_top_pair(ReadCtx *c, ModelCv *cv, const YdocPair *p, const ReaderOptions *opts)
{
  const char *key = p->key->text;
  if (is_key(p, "name"))
    readctx_string(c, p->value, &cv->name);
  else if (is_key(p, "headline"))
    readctx_string(c, p->value, &cv->headline);
  else if (is_key(p, "today") || is_key(p, "language"))
    return; /* read first, by resolve_today and native_read */
  else if (is_key(p, "jobs") || is_key(p, "education") || is_key(p, "visiting"))
    read_group(c, cv, p->key, key, p->value, TRUE);
  else if (is_key(p, "degrees"))
    read_group(c, cv, p->key, "education", p->value, TRUE);
  else if (is_key(p, "milestones"))
    read_milestones(c, cv, p->value, opts);
  else if (is_key(p, "groups"))
    read_custom_groups(c, cv, p->value);
  else
    readctx_unknown_key(c, p->key, p->key->text, top_keys);
}

static ModelCv *native_read(ReaderSource *src, const ReaderOptions *opts, DiagList *diags)
{
  const YdocDoc *doc = reader_source_yaml(src, diags);
  if (doc == NULL)
    return NULL;
  ReadCtx c;
  reader_context_init(&c, doc->file, opts, diags);
  const YdocNode *root = readctx_root(&c, doc);
  if (root == NULL)
    return NULL;
  ModelCv *cv = model_cv_new(doc->file);
  /* Before anything else: dates and the built-in groups' names are in the CV's language. */
  const YdocNode *language = ydoc_get(root, "language");
  reader_set_language(&c, cv, opts, language ? readctx_language(&c, language) : NULL);
  c.today = cv->today = resolve_today(&c, opts, root);
  for (guint i = 0; i < root->n; i++)
    read_top_pair(&c, cv, &root->pairs[i], opts);
  model_cv_drop_empty_groups(cv);
  model_cv_sort_milestones(cv);
  if (readctx_failed(&c)) {
    model_cv_free(cv);
    return NULL;
  }
  return cv;
}

/* Any YAML or JSON document: what no other reader claims is read as the native format. */
static guint native_detect(ReaderSource *src)
{
  (void)src;
  return READER_DETECT_ANY;
}

const ReaderFormat reader_format_native = {
    .name = "native",
    .description = "cvtimeline's own YAML format (the default)",
    .detect = native_detect,
    .read = native_read,
};
