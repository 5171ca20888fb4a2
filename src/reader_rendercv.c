/* RenderCV reader (rendercv.com YAML input: `cv.name`, `cv.sections`) onto the CV model;
 * see doc/importing.md for the mapping, spec/cli.md for detection. Entry kinds are told
 * apart by their keys, as RenderCV itself does. */
#include "reader_import.h"

#include <string.h>

typedef enum {
  RCV_SKIP,        /* one-line, bullet, numbered and text entries: nothing to draw */
  RCV_EXPERIENCE,  /* company, position */
  RCV_EDUCATION,   /* institution, area, degree */
  RCV_NORMAL,      /* name */
  RCV_PUBLICATION, /* title, date */
  RCV_UNKNOWN,
} RcvKind;

static RcvKind rcv_kind(const YdocNode *item)
{
  if (item->kind == YDOC_SCALAR)
    return RCV_SKIP; /* a text entry */
  if (item->kind != YDOC_MAPPING)
    return RCV_UNKNOWN;
  if (ydoc_get(item, "bullet") != NULL || ydoc_get(item, "number") != NULL ||
      ydoc_get(item, "reversed_number") != NULL ||
      (ydoc_get(item, "label") != NULL && ydoc_get(item, "details") != NULL))
    return RCV_SKIP;
  if (ydoc_get(item, "company") != NULL)
    return RCV_EXPERIENCE;
  if (ydoc_get(item, "institution") != NULL)
    return RCV_EDUCATION;
  if (ydoc_get(item, "name") != NULL)
    return RCV_NORMAL;
  if (ydoc_get(item, "title") != NULL)
    return RCV_PUBLICATION;
  return RCV_UNKNOWN;
}

/* Words RenderCV leaves in lower case when it turns a key into a section title. */
static const char *const rcv_small_words[] = {
    "a",    "and",  "as",   "at",  "but",  "by",   "for",  "from", "if", "in",
    "into", "like", "near", "nor", "of",   "off",  "on",   "onto", "or", "over",
    "so",   "than", "that", "to",  "upon", "when", "with", "yet",  NULL,
};

static gboolean rcv_is_small_word(const char *word)
{
  for (const char *const *w = rcv_small_words; *w != NULL; w++)
    if (strcmp(*w, word) == 0)
      return TRUE;
  return FALSE;
}

static gboolean rcv_has_upper(const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p))
    if (g_unichar_isupper(g_utf8_get_char(p)))
      return TRUE;
  return FALSE;
}

/* The section title RenderCV shows for a key: a key with a space or a capital is kept;
 * otherwise underscores become spaces and each word but the small ones is capitalised
 * ("work_experience" -> "Work Experience"). */
static char *rcv_section_title(const char *key)
{
  if (strchr(key, ' ') != NULL || rcv_has_upper(key))
    return g_strdup(key);
  g_auto(GStrv) words = g_strsplit(key, "_", -1);
  GString *title = g_string_new(NULL);
  for (guint i = 0; words[i] != NULL; i++) {
    if (i > 0)
      g_string_append_c(title, ' ');
    const char *w = words[i];
    if (*w != '\0' && !rcv_is_small_word(w)) {
      gunichar first = g_unichar_totitle(g_utf8_get_char(w));
      g_string_append_unichar(title, first);
      w = g_utf8_next_char(w);
    }
    g_string_append(title, w);
  }
  return g_string_free(title, FALSE);
}

/* A group key not yet used in @cv: @base, else "@base (2)", "@base (3)"... */
static char *rcv_unique_key(const ModelCv *cv, const char *base)
{
  char *key = g_strdup(base);
  for (guint n = 2; model_cv_find_group(cv, key) != NULL; n++) {
    g_free(key);
    key = g_strdup_printf("%s (%u)", base, n);
  }
  return key;
}

/* The group a section becomes: `experience` and `education` take the built-in keys (and
 * so their colours), anything else is a custom group named by its title (the key,
 * cleaned as all user text is). */
static ModelGroup *rcv_group_for(ReadCtx *c, const ModelCv *cv, const YdocNode *key_node)
{
  g_autofree char *clean = readctx_text(c, key_node, key_node->text);
  g_autofree char *title = rcv_section_title(clean != NULL ? clean : "");
  const char *builtin = NULL;
  if (g_ascii_strcasecmp(key_node->text, "experience") == 0)
    builtin = "jobs";
  else if (g_ascii_strcasecmp(key_node->text, "education") == 0)
    builtin = "education";
  ModelGroup *group;
  if (builtin != NULL && model_cv_find_group(cv, builtin) == NULL) {
    group = model_group_new(builtin, title, TRUE);
  } else {
    g_autofree char *key = rcv_unique_key(cv, title);
    group = model_group_new(key, key, FALSE);
  }
  group->line = key_node->line;
  group->column = key_node->column;
  return group;
}

/* ---- RenderCV's markdown: its text fields may hold `[text](url)`, `**bold**` and
 * `*italic*`; a chart shows the text only (the first link's url becomes the entry's link
 * when it has none). */

/* Appends @md with every `[text](url)` replaced by its text; *@link_out (when not NULL
 * and still NULL) receives the first url. */
static void rcv_unlink(const char *md, GString *out, char **link_out)
{
  const char *p = md;
  while (*p != '\0') {
    const char *close = *p == '[' ? strchr(p + 1, ']') : NULL;
    const char *end = close != NULL && close[1] == '(' ? strchr(close + 2, ')') : NULL;
    if (end == NULL || memchr(p + 1, '[', (gsize)(close - p - 1)) != NULL) {
      g_string_append_c(out, *p++);
      continue;
    }
    g_string_append_len(out, p + 1, close - p - 1);
    if (link_out != NULL && *link_out == NULL && end > close + 2)
      *link_out = g_strndup(close + 2, (gsize)(end - close - 2));
    p = end + 1;
  }
}

/* Appends @md without the `**` and `*` that wrap a run of text (a marker must touch the
 * text it wraps, as in markdown, so "5 * 3" and a lone "*" stay). */
static void rcv_unemphasise(const char *md, GString *out)
{
  const char *p = md;
  while (*p != '\0') {
    gsize n = p[0] == '*' ? (p[1] == '*' ? 2 : 1) : 0;
    const char *inner = p + n;
    const char *close = NULL;
    if (n > 0 && *inner != '\0' && *inner != ' ' && *inner != '*') {
      for (const char *q = strstr(inner, n == 2 ? "**" : "*"); q != NULL;
           q = strstr(q + 1, n == 2 ? "**" : "*"))
        if (q[-1] != ' ') {
          close = q;
          break;
        }
    }
    if (close == NULL) {
      g_string_append_c(out, *p++);
      continue;
    }
    g_string_append_len(out, inner, close - inner);
    p = close + n;
  }
}

/* @md as plain text (a new string; NULL for NULL). */
static char *rcv_plain(const char *md)
{
  if (md == NULL)
    return NULL;
  g_autoptr(GString) unlinked = g_string_new(NULL);
  rcv_unlink(md, unlinked, NULL);
  GString *out = g_string_new(NULL);
  rcv_unemphasise(unlinked->str, out);
  return g_string_free(out, FALSE);
}

/* A text field of @map, as plain text; see rcv_plain. *@link_out (when not NULL and
 * still NULL) receives the field's first link, taken from the text as written and kept
 * only when readctx_link accepts it. */
static char *rcv_text(ReadCtx *c, const YdocNode *map, const char *key, char **link_out)
{
  g_autofree char *md = reader_import_text(c, map, key);
  const YdocNode *node = ydoc_get(map, key);
  if (md != NULL && link_out != NULL && *link_out == NULL) {
    g_autoptr(GString) scratch = g_string_new(NULL);
    g_autofree char *link = NULL;
    rcv_unlink(node->text, scratch, &link);
    if (link != NULL)
      *link_out = readctx_link(c, node, link);
  }
  return rcv_plain(md);
}

/* A free-text `date`: a single date or a range in the native grammar. FALSE (with a
 * warning naming the position) when it cannot be read; the entry is then skipped. */
static gboolean rcv_free_date(ReadCtx *c, const YdocNode *node, DateValue *start, DateValue *end)
{
  g_autofree char *text = g_strstrip(g_strdup(node->text));
  if (date_parse_period(text, start, end) && !start->present)
    return TRUE;
  readctx_warning(c, node, "cannot read the date '%s' as a date or a range; entry skipped", text);
  return FALSE;
}

/* A free-text `date` must still be a scalar: a list or a mapping is an error. */
static gboolean rcv_date_scalar(ReadCtx *c, const YdocNode *node)
{
  if (node->kind == YDOC_SCALAR)
    return TRUE;
  readctx_error(c, node, "expected a date, found %s", readctx_found(node));
  return FALSE;
}

/* Fills @entry->periods from RenderCV's date fields, with RenderCV's own precedence:
 * `date` wins; an `end_date` alone is a date; a `start_date` alone runs to present.
 * FALSE when the entry is to be skipped (no dates, or a reported problem). */
static gboolean rcv_read_dates(ReadCtx *c, const YdocNode *item, ModelEntry *entry)
{
  const YdocNode *date_node = reader_import_field(item, "date", NULL);
  const YdocNode *start_node = reader_import_field(item, "start_date", NULL);
  const YdocNode *end_node = reader_import_field(item, "end_date", NULL);
  DateValue start, end;
  const YdocNode *from = NULL, *to = NULL;
  if (date_node != NULL) {
    if (!rcv_date_scalar(c, date_node))
      return FALSE;
    if (!rcv_free_date(c, date_node, &start, &end))
      return FALSE;
    from = to = date_node;
  } else {
    ReaderDateResult rs = reader_import_date(c, start_node, &start);
    ReaderDateResult re = reader_import_date(c, end_node, &end);
    if (rs == READER_DATE_BAD || re == READER_DATE_BAD)
      return FALSE;
    if (rs == READER_DATE_ABSENT && re == READER_DATE_ABSENT)
      return FALSE; /* RenderCV allows undated entries; there is nothing to draw */
    if (rs == READER_DATE_ABSENT && end.present)
      return FALSE; /* `end_date: present` alone dates nothing */
    if (rs == READER_DATE_ABSENT) {
      start = end;
      from = to = end_node;
    } else {
      from = start_node;
      to = re == READER_DATE_OK ? end_node : NULL;
    }
  }
  DateSpan span;
  gboolean empty;
  if (!reader_import_span(c, &start, from, "start_date", to != NULL ? &end : NULL, to, &span,
                          &empty))
    return FALSE;
  if (!empty)
    g_array_append_val(entry->periods, span);
  entry->approximate = span.start_approx || span.end_approx;
  return TRUE;
}

/* Education's title: "degree in area", or whichever of the two is given. */
static char *rcv_education_title(ReadCtx *c, const YdocNode *item)
{
  g_autofree char *degree = rcv_text(c, item, "degree", NULL);
  g_autofree char *area = rcv_text(c, item, "area", NULL);
  if (degree != NULL && area != NULL)
    return g_strdup_printf("%s in %s", degree, area);
  return g_strdup(degree != NULL ? degree : area);
}

static ModelEntry *rcv_read_entry(ReadCtx *c, RcvKind kind, const YdocNode *item)
{
  ModelEntry *entry = model_entry_new();
  entry->line = item->line;
  entry->column = item->column;
  g_autofree char *link = NULL;
  switch (kind) {
  case RCV_EXPERIENCE:
    entry->title = rcv_text(c, item, "position", &link);
    entry->org = rcv_text(c, item, "company", &link);
    break;
  case RCV_EDUCATION:
    entry->title = rcv_education_title(c, item);
    entry->org = rcv_text(c, item, "institution", &link);
    break;
  case RCV_NORMAL:
    entry->title = rcv_text(c, item, "name", &link);
    break;
  case RCV_SKIP:
  case RCV_PUBLICATION:
  case RCV_UNKNOWN:
    g_assert_not_reached();
  }
  entry->location = rcv_text(c, item, "location", NULL);
  entry->url = reader_import_url(c, item, "url", NULL);
  if (entry->url == NULL)
    entry->url = g_steal_pointer(&link);
  if (!rcv_read_dates(c, item, entry) || (entry->title == NULL && entry->org == NULL)) {
    model_entry_free(entry);
    return NULL;
  }
  return entry;
}

/* A publication's link: its DOI when given (and the link accepted), else its url. */
static char *rcv_publication_url(ReadCtx *c, const YdocNode *item)
{
  const YdocNode *doi = reader_import_field(item, "doi", NULL);
  if (doi != NULL && readctx_expect(c, doi, YDOC_SCALAR)) {
    g_autofree char *id = g_strstrip(g_strdup(doi->text));
    g_autofree char *url = *id != '\0' ? g_strconcat("https://doi.org/", id, NULL) : NULL;
    char *link = url != NULL ? readctx_link(c, doi, url) : NULL;
    if (link != NULL)
      return link;
  }
  return reader_import_url(c, item, "url", NULL);
}

static void rcv_read_publication(ReadCtx *c, ModelCv *cv, const YdocNode *item)
{
  g_autofree char *link = NULL;
  g_autofree char *title = rcv_text(c, item, "title", &link);
  g_autofree char *url = rcv_publication_url(c, item);
  if (url == NULL)
    url = g_steal_pointer(&link);
  const YdocNode *date_node = reader_import_field(item, "date", NULL);
  if (date_node == NULL || title == NULL)
    return; /* an undated publication has no place on a timeline */
  if (!rcv_date_scalar(c, date_node))
    return;
  DateValue start, end;
  if (!rcv_free_date(c, date_node, &start, &end))
    return;
  ModelMilestone *m = model_milestone_new();
  m->date = start.first;
  m->precision = start.precision;
  m->approximate = start.approximate;
  m->title = g_steal_pointer(&title);
  m->url = g_steal_pointer(&url);
  m->line = item->line;
  m->column = item->column;
  g_ptr_array_add(cv->milestones, m);
}

static void rcv_read_section(ReadCtx *c, ModelCv *cv, const YdocPair *pair)
{
  const YdocNode *list = pair->value;
  if (ydoc_is_null(list) || !readctx_expect(c, list, YDOC_SEQUENCE))
    return;
  ModelGroup *group = rcv_group_for(c, cv, pair->key);
  for (guint i = 0; i < list->n && !c->over_limit; i++) {
    const YdocNode *item = list->items[i];
    RcvKind kind = rcv_kind(item);
    if (kind == RCV_SKIP)
      continue;
    if (kind == RCV_UNKNOWN) {
      readctx_warning(c, item,
                      "entry %u of section '%s' is of no RenderCV kind this reader knows; skipped",
                      i + 1, pair->key->text);
      continue;
    }
    if (!readctx_count(c, item))
      break;
    if (kind == RCV_PUBLICATION) {
      rcv_read_publication(c, cv, item);
      continue;
    }
    ModelEntry *entry = rcv_read_entry(c, kind, item);
    if (entry != NULL)
      g_ptr_array_add(group->entries, entry);
  }
  reader_import_add_group(cv, group);
}

static void rcv_read_cv(ReadCtx *c, ModelCv *cv, const YdocNode *node)
{
  cv->name = rcv_text(c, node, "name", NULL);
  cv->headline = rcv_text(c, node, "headline", NULL);
  const YdocNode *sections = ydoc_get(node, "sections");
  if (sections == NULL || ydoc_is_null(sections) || !readctx_expect(c, sections, YDOC_MAPPING))
    return;
  for (guint i = 0; i < sections->n && !c->over_limit; i++)
    rcv_read_section(c, cv, &sections->pairs[i]);
}

static ModelCv *rcv_read(ReaderSource *src, const ReaderOptions *opts, DiagList *diags)
{
  const YdocDoc *doc = reader_source_yaml(src, diags);
  if (doc == NULL)
    return NULL;
  ReadCtx c;
  const YdocNode *root = reader_import_begin(&c, doc, opts, diags);
  if (root == NULL)
    return NULL;
  const YdocNode *node = ydoc_get(root, "cv");
  if (node == NULL) {
    readctx_error(&c, root, "no 'cv' key at the top level: not a RenderCV file");
    return NULL;
  }
  if (!readctx_expect(&c, node, YDOC_MAPPING))
    return NULL;
  ModelCv *cv = model_cv_new(doc->file);
  rcv_read_cv(&c, cv, node);
  return reader_import_finish(&c, opts, cv);
}

/* A top-level `cv:`: RenderCV puts the whole CV under it, and no other format does. */
static guint rcv_detect(ReaderSource *src)
{
  const YdocDoc *doc = reader_source_yaml(src, NULL);
  return ydoc_get(doc != NULL ? doc->root : NULL, "cv") != NULL ? READER_DETECT_SURE
                                                                : READER_DETECT_NO;
}

const ReaderFormat reader_format_rendercv = {
    .name = "rendercv",
    .description = "RenderCV's YAML input (rendercv.com)",
    .detect = rcv_detect,
    .read = rcv_read,
};
