/* RenderCV reader (rendercv.com YAML input: `cv.name`, `cv.sections`, and before 1.0 the
 * sections directly under `cv`) onto the CV model; see doc/importing.md for the mapping,
 * doc/cli.md for detection. Entry kinds are told apart by their keys, as RenderCV itself
 * does. */
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

/* Section names RenderCV users give their jobs, degrees and visits (compared without case,
 * with spaces and hyphens read as underscores): these take the built-in groups. */
static const struct {
  const char *section, *group;
} rcv_builtin_sections[] = {
    {"experience", "jobs"},
    {"work_experience", "jobs"},
    {"professional_experience", "jobs"},
    {"relevant_experience", "jobs"},
    {"industry_experience", "jobs"},
    {"research_experience", "jobs"},
    {"employment", "jobs"},
    {"employment_history", "jobs"},
    {"work_history", "jobs"},
    {"professional_history", "jobs"},
    {"work", "jobs"},
    {"career", "jobs"},
    {"positions", "jobs"},
    {"academic_positions", "jobs"},
    {"appointments", "jobs"},
    {"academic_appointments", "jobs"},
    {"jobs", "jobs"},
    {"education", "education"},
    {"education_and_training", "education"},
    {"education_and_qualifications", "education"},
    {"academic_background", "education"},
    {"educational_background", "education"},
    {"academic_qualifications", "education"},
    {"academic_history", "education"},
    {"studies", "education"},
    {"degrees", "education"},
    {"visiting", "visiting"},
    {"visiting_positions", "visiting"},
    {"research_visits", "visiting"},
    {"academic_visits", "visiting"},
    {"visits", "visiting"},
};

/* The built-in group key a section named @key takes, or NULL. */
static const char *rcv_builtin_for(const char *key)
{
  g_autofree char *name = g_ascii_strdown(key, -1);
  g_strstrip(name);
  for (char *p = name; *p != '\0'; p++)
    if (*p == ' ' || *p == '-')
      *p = '_';
  for (gsize i = 0; i < G_N_ELEMENTS(rcv_builtin_sections); i++)
    if (strcmp(name, rcv_builtin_sections[i].section) == 0)
      return rcv_builtin_sections[i].group;
  return NULL;
}

/* The group a section becomes: one of jobs (experience, work_experience, employment...),
 * education or visiting takes that built-in key (and so its colours) the first time;
 * anything else is a custom group named by its title (the key, cleaned as all user text
 * is). */
static ModelGroup *rcv_group_for(ReadCtx *c, const ModelCv *cv, const YdocNode *key_node)
{
  g_autofree char *clean = readctx_text(c, key_node, key_node->text);
  g_autofree char *title = rcv_section_title(clean != NULL ? clean : "");
  const char *builtin = rcv_builtin_for(key_node->text);
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

/* ---- RenderCV's markup: its text fields hold markdown (`[text](url)`, `**bold**`,
 * `*italic*`), and since RenderCV 2 raw Typst passes through (`#underline[Link]`,
 * `#link("url")[text]`, `#h(1fr)`, `$$x$$`), also inside a link's text
 * (`[#underline[Link]](https://a)`). A chart shows the text only; the first link's url
 * becomes the entry's link when it has none. ---- */

/* The characters a backslash escapes in markdown and Typst. */
static gboolean rcv_escapable(char ch)
{
  return ch != '\0' && strchr("\\#[]()*_$`", ch) != NULL;
}

/* For each `[` and `(` of @md (@n bytes), the index of its matching `]` or `)`, or -1;
 * escaped ones and those inside a Typst string ("...") are not brackets. One pass with a
 * stack, so that text full of brackets costs linear time. */
static gssize *rcv_match_brackets(const char *md, gsize n)
{
  gssize *match = g_new(gssize, n + 1);
  GArray *open = g_array_new(FALSE, FALSE, sizeof(gsize));
  guint open_square = 0, open_round = 0; /* of each kind in @open */
  gboolean in_string = FALSE;
  for (gsize i = 0; i < n; i++) {
    match[i] = -1;
    char ch = md[i];
    if (ch == '\\' && rcv_escapable(md[i + 1])) {
      match[++i] = -1;
      continue;
    }
    if (ch == '"' && open->len > 0 && md[g_array_index(open, gsize, open->len - 1)] == '(')
      in_string = !in_string; /* strings only in a call's arguments: ("url") */
    if (in_string)
      continue;
    if (ch == '[' || ch == '(') {
      g_array_append_val(open, i);
      *(ch == '[' ? &open_square : &open_round) += 1;
    } else if ((ch == ']' && open_square > 0) || (ch == ')' && open_round > 0)) {
      /* A closer matches the innermost opener of its kind; openers of the other kind
       * left open inside it are dropped (they stay text), so each is popped once. */
      char want = ch == ']' ? '[' : '(';
      for (;;) {
        gsize at = g_array_index(open, gsize, open->len - 1);
        g_array_set_size(open, open->len - 1);
        *(md[at] == '[' ? &open_square : &open_round) -= 1;
        if (md[at] == want) {
          match[at] = (gssize)i;
          break;
        }
      }
    }
  }
  match[n] = -1;
  g_array_unref(open);
  return match;
}

/* The length of the Typst identifier (letters, digits, `-`, `_`, `.`) at @p after `#`,
 * which must start with a letter; 0 when there is none. */
static gsize rcv_typst_ident(const char *p)
{
  if (!g_ascii_isalpha(*p))
    return 0;
  gsize n = 1;
  while (g_ascii_isalnum(p[n]) || p[n] == '-' || p[n] == '_' ||
         (p[n] == '.' && g_ascii_isalpha(p[n + 1])))
    n++;
  return n;
}

/* The first quoted string of Typst arguments @args (@n bytes, without the parentheses),
 * as a new string, or NULL. */
static char *rcv_first_string(const char *args, gsize n)
{
  const char *q = memchr(args, '"', n);
  const char *e = q != NULL ? memchr(q + 1, '"', n - (gsize)(q + 1 - args)) : NULL;
  return e != NULL ? g_strndup(q + 1, (gsize)(e - q - 1)) : NULL;
}

/* Appends @md without its markup: a markdown link `[text](url)` becomes its text, a
 * Typst call `#name(args)[content][content]` its contents (nothing when it has none:
 * `#h(1fr)`, `#sym.dagger`), `$$math$$` its text, and an escaped character itself; a
 * `#` before anything else (`C#`, `#1`, `#tag`) and brackets that close nothing stay.
 * *@link_out (when not NULL and still NULL) receives the first link's url. */
static void rcv_unlink(const char *md, GString *out, char **link_out)
{
  gsize n = strlen(md);
  g_autofree gssize *match = rcv_match_brackets(md, n);
  /* jump[i] >= 0: on reaching @i, go on at jump[i] (the end of a link's url, a Typst
   * call's next content block); set ahead of the scan, at closers it has found. */
  g_autofree gssize *jump = g_new(gssize, n + 1);
  for (gsize i = 0; i <= n; i++)
    jump[i] = -1;
  gsize i = 0;
  while (i < n) {
    if (jump[i] >= 0) {
      i = (gsize)jump[i];
      continue;
    }
    char ch = md[i];
    if (ch == '\\' && rcv_escapable(md[i + 1])) {
      g_string_append_c(out, md[i + 1]);
      i += 2;
      continue;
    }
    if (ch == '$' && md[i + 1] == '$') {
      i += 2; /* the text of Typst math is kept, its delimiters not */
      continue;
    }
    if (ch == '[' && match[i] >= 0 && md[match[i] + 1] == '(' && match[match[i] + 1] >= 0) {
      gsize close = (gsize)match[i], url_end = (gsize)match[close + 1];
      if (link_out != NULL && *link_out == NULL && url_end > close + 2)
        *link_out = g_strndup(md + close + 2, url_end - close - 2);
      jump[close] = (gssize)url_end + 1;
      i++;
      continue;
    }
    gsize ident = ch == '#' ? rcv_typst_ident(md + i + 1) : 0;
    gsize after = i + 1 + ident;
    gboolean dotted = ident > 0 && memchr(md + i + 1, '.', ident) != NULL;
    if (ident > 0 && (md[after] == '(' || md[after] == '[' || dotted)) {
      gsize p = after;
      if (md[p] == '(' && match[p] >= 0) {
        if (link_out != NULL && *link_out == NULL && ident == 4 &&
            strncmp(md + i + 1, "link", 4) == 0)
          *link_out = rcv_first_string(md + p + 1, (gsize)match[p] - p - 1);
        p = (gsize)match[p] + 1;
      } else if (md[p] == '(') {
        g_string_append_c(out, ch); /* an unclosed call is text */
        i++;
        continue;
      }
      /* Each content block's closer leads into the next block, the last one past it. */
      gsize next = p;
      while (md[next] == '[' && match[next] >= 0) {
        gsize close = (gsize)match[next];
        jump[close] =
            md[close + 1] == '[' && match[close + 1] >= 0 ? (gssize)close + 2 : (gssize)close + 1;
        next = close + 1;
      }
      i = md[p] == '[' && match[p] >= 0 ? p + 1 : p;
      continue;
    }
    g_string_append_c(out, ch);
    i++;
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

/* @md as plain text (a new string; NULL for NULL, or when nothing is left), trimmed as
 * readctx_text trims: markup that drew nothing (`Lab move #h(1fr)`) leaves no space. */
static char *rcv_plain(const char *md)
{
  if (md == NULL)
    return NULL;
  g_autoptr(GString) unlinked = g_string_new(NULL);
  rcv_unlink(md, unlinked, NULL);
  GString *out = g_string_new(NULL);
  rcv_unemphasise(unlinked->str, out);
  char *plain = g_strstrip(g_string_free(out, FALSE));
  if (*plain == '\0')
    g_clear_pointer(&plain, g_free);
  return plain;
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

/* A free-text `date` read as periods (date_parse_periods: a date, a range, or a list of
 * them such as "2023, 2024" or "Summer 2019 and 2020"), or a day past its month's end
 * read as that month's last day (with a warning). NULL (with a warning naming @what,
 * the entry) when it cannot be read; the entry is then drawn nowhere. */
static GArray *rcv_free_date(ReadCtx *c, const YdocNode *node, const char *what)
{
  g_autofree char *text = g_strstrip(g_strdup(node->text));
  GArray *periods = date_parse_periods_in(text, c->lang);
  if (periods != NULL && !g_array_index(periods, DatePeriod, 0).start.present)
    return periods;
  g_clear_pointer(&periods, g_array_unref);
  DatePeriod one;
  if (reader_import_clamped_day(c, node, text, &one.start)) {
    one.end = one.start;
    periods = g_array_new(FALSE, FALSE, sizeof(DatePeriod));
    g_array_append_val(periods, one);
    return periods;
  }
  g_autofree char *shown = readctx_shown(text);
  g_autofree char *name = readctx_shown(what);
  g_autofree char *langs = readctx_date_languages(c->lang, text, TRUE);
  readctx_warning(c, node,
                  "cannot read the date '%s' of '%s' as a date, a range or a list of them%s; the "
                  "entry is not drawn",
                  shown, name, langs);
  return NULL;
}

/* A free-text `date` must still be a scalar: a list or a mapping is an error. */
static gboolean rcv_date_scalar(ReadCtx *c, const YdocNode *node)
{
  if (node->kind == YDOC_SCALAR)
    return TRUE;
  readctx_error(c, node, "expected a date, found %s", readctx_found(node));
  return FALSE;
}

/* Adds the span @start..@end (@end NULL: ongoing) to @entry unless it is left out. */
static gboolean rcv_add_span(ReadCtx *c, ModelEntry *entry, const DateValue *start,
                             const YdocNode *from, const DateValue *end, const YdocNode *to)
{
  DateSpan span;
  gboolean empty;
  if (!reader_import_span(c, start, from, "start_date", end, to, &span, &empty))
    return FALSE;
  if (!empty)
    g_array_append_val(entry->periods, span);
  entry->approximate = entry->approximate || span.start_approx || span.end_approx;
  return TRUE;
}

/* Fills @entry->periods from RenderCV's date fields, with RenderCV's own precedence:
 * `date` wins; an `end_date` alone is a date; a `start_date` alone runs to present.
 * @what names the entry in messages. FALSE when the entry is to be skipped (no dates,
 * or a reported problem). */
static gboolean rcv_read_dates(ReadCtx *c, const YdocNode *item, const char *what,
                               ModelEntry *entry)
{
  const YdocNode *date_node = reader_import_field(item, "date", NULL);
  const YdocNode *start_node = reader_import_field(item, "start_date", NULL);
  const YdocNode *end_node = reader_import_field(item, "end_date", NULL);
  if (date_node != NULL) {
    if (!rcv_date_scalar(c, date_node))
      return FALSE;
    g_autoptr(GArray) periods = rcv_free_date(c, date_node, what);
    if (periods == NULL)
      return FALSE;
    for (guint i = 0; i < periods->len; i++) {
      const DatePeriod *p = &g_array_index(periods, DatePeriod, i);
      if (!p->end.present && p->end.last < p->start.first) {
        /* Free text, so valid for RenderCV: not drawn, rather than an error. */
        g_autofree char *shown = readctx_shown(date_node->text);
        g_autofree char *name = readctx_shown(what);
        readctx_warning(c, date_node,
                        "the date '%s' of '%s' ends before it starts; the entry is not drawn",
                        shown, name);
        return FALSE;
      }
      if (!rcv_add_span(c, entry, &p->start, date_node, &p->end, date_node))
        return FALSE;
    }
    return TRUE;
  }
  DateValue start, end;
  ReaderDateResult rs = reader_import_date(c, start_node, &start);
  ReaderDateResult re = reader_import_date(c, end_node, &end);
  if (rs == READER_DATE_BAD || re == READER_DATE_BAD)
    return FALSE;
  if (rs == READER_DATE_ABSENT && re == READER_DATE_ABSENT)
    return FALSE; /* RenderCV allows undated entries; there is nothing to draw */
  if (rs == READER_DATE_ABSENT && end.present)
    return FALSE; /* `end_date: present` alone dates nothing */
  if (rs == READER_DATE_ABSENT)
    return rcv_add_span(c, entry, &end, end_node, &end, end_node);
  return rcv_add_span(c, entry, &start, start_node, re == READER_DATE_OK ? &end : NULL,
                      re == READER_DATE_OK ? end_node : NULL);
}

/* Education's title: "degree in area", or whichever of the two is given. */
static char *rcv_education_title(ReadCtx *c, const YdocNode *item)
{
  g_autofree char *degree = rcv_text(c, item, "degree", NULL);
  if (degree == NULL) /* RenderCV before 1.0 */
    degree = rcv_text(c, item, "study_type", NULL);
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
  const char *what = entry->title != NULL ? entry->title : entry->org != NULL ? entry->org : "";
  if (!rcv_read_dates(c, item, what, entry)) {
    model_entry_free(entry);
    return NULL;
  }
  if (entry->title == NULL && entry->org == NULL) {
    /* RenderCV requires the text; an empty one leaves a bar nothing could name. */
    readctx_warning(c, item,
                    "an entry with a date but no text to show (its %s is empty) is not drawn",
                    kind == RCV_EXPERIENCE  ? "'company' and 'position'"
                    : kind == RCV_EDUCATION ? "'institution', 'degree' and 'area'"
                                            : "'name'");
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
  g_autoptr(GArray) periods = rcv_free_date(c, date_node, title);
  if (periods == NULL)
    return;
  /* A publication is one milestone: at the first date it names. */
  const DateValue *start = &g_array_index(periods, DatePeriod, 0).start;
  ModelMilestone *m = model_milestone_new();
  m->date = start->first;
  m->precision = start->precision;
  m->approximate = start->approximate;
  m->title = g_steal_pointer(&title);
  m->url = g_steal_pointer(&url);
  m->line = item->line;
  m->column = item->column;
  g_ptr_array_add(cv->milestones, m);
}

/* Reads the entries @list of the section titled by @key_node into a group of @cv. */
static void rcv_read_section(ReadCtx *c, ModelCv *cv, const YdocNode *key_node,
                             const YdocNode *list)
{
  if (ydoc_is_null(list) || !readctx_expect(c, list, YDOC_SEQUENCE))
    return;
  ModelGroup *group = rcv_group_for(c, cv, key_node);
  for (guint i = 0; i < list->n && !c->over_limit; i++) {
    const YdocNode *item = list->items[i];
    RcvKind kind = rcv_kind(item);
    if (kind == RCV_SKIP)
      continue;
    if (kind == RCV_UNKNOWN) {
      readctx_warning(c, item,
                      "entry %u of section '%s' is of no RenderCV kind this reader knows; skipped",
                      i + 1, key_node->text);
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

/* The sections RenderCV before 1.0 read directly under `cv:` (its 0.10 data model; 0.5
 * had a subset), besides `custom_sections`. */
static const char *const rcv_old_sections[] = {
    "education",
    "experience",
    "work_experience",
    "projects",
    "academic_projects",
    "university_projects",
    "personal_projects",
    "publications",
    "certificates",
    "extracurricular_activities",
    "test_scores",
    "programming_skills",
    "skills",
    "other_skills",
    "awards",
    "interests",
    NULL,
};

static gboolean rcv_is_old_section(const char *key)
{
  for (const char *const *k = rcv_old_sections; *k != NULL; k++)
    if (strcmp(*k, key) == 0)
      return TRUE;
  return FALSE;
}

/* RenderCV before 1.0: `custom_sections`, a list of {title, entry_type, entries}. */
static void rcv_read_custom_sections(ReadCtx *c, ModelCv *cv, const YdocNode *list)
{
  if (ydoc_is_null(list) || !readctx_expect(c, list, YDOC_SEQUENCE))
    return;
  for (guint i = 0; i < list->n && !c->over_limit; i++) {
    const YdocNode *section = list->items[i];
    if (!readctx_expect(c, section, YDOC_MAPPING))
      continue;
    const YdocNode *title = reader_import_field(section, "title", NULL);
    const YdocNode *entries = reader_import_field(section, "entries", NULL);
    if (entries == NULL)
      continue;
    if (title == NULL || !readctx_expect(c, title, YDOC_SCALAR)) {
      /* RenderCV requires the title; without one the section is still drawn. */
      g_autofree char *name = g_strdup_printf("Custom Section %u", i + 1);
      YdocNode named = readctx_cell(section->line, section->column, name);
      rcv_read_section(c, cv, &named, entries);
      continue;
    }
    rcv_read_section(c, cv, title, entries);
  }
}

/* The CV's sections in file order: those under `cv.sections` (RenderCV 1.0 and later),
 * and those RenderCV before 1.0 read directly under `cv:`. */
static void rcv_read_cv(ReadCtx *c, ModelCv *cv, const YdocNode *node)
{
  cv->name = rcv_text(c, node, "name", NULL);
  cv->headline = rcv_text(c, node, "headline", NULL);
  if (cv->headline == NULL) /* RenderCV before 2.5 called it `label` */
    cv->headline = rcv_text(c, node, "label", NULL);
  for (guint i = 0; i < node->n && !c->over_limit; i++) {
    const YdocPair *pair = &node->pairs[i];
    const char *key = pair->key->text;
    if (strcmp(key, "sections") == 0) {
      const YdocNode *sections = pair->value;
      if (ydoc_is_null(sections) || !readctx_expect(c, sections, YDOC_MAPPING))
        continue;
      for (guint k = 0; k < sections->n && !c->over_limit; k++)
        rcv_read_section(c, cv, sections->pairs[k].key, sections->pairs[k].value);
    } else if (strcmp(key, "custom_sections") == 0) {
      rcv_read_custom_sections(c, cv, pair->value);
    } else if (rcv_is_old_section(key)) {
      rcv_read_section(c, cv, pair->key, pair->value);
    }
  }
}

/* Twelve strings of the list @key in @locale, copied into @out (freed by the caller with
 * g_strfreev); NULL when absent, or after a warning when it is not 12 strings. */
static char **rcv_months(ReadCtx *c, const YdocNode *locale, const char *key, const char *old_key)
{
  const YdocNode *node = reader_import_field(locale, key, old_key);
  if (node == NULL)
    return NULL;
  gboolean ok = node->kind == YDOC_SEQUENCE && node->n == 12;
  for (guint i = 0; ok && i < 12; i++)
    ok = node->items[i]->kind == YDOC_SCALAR && !ydoc_is_null(node->items[i]) &&
         *node->items[i]->text != '\0';
  if (!ok) {
    readctx_warning(c, node, "'%s' is not a list of 12 month names; not used",
                    ydoc_get(locale, key) != NULL ? key : old_key);
    return NULL;
  }
  char **out = g_new0(char *, 13);
  for (guint i = 0; i < 12; i++) {
    out[i] = readctx_text(c, node->items[i], node->items[i]->text);
    if (out[i] == NULL) { /* nothing left once cleaned */
      g_strfreev(out);
      readctx_warning(c, node, "'%s' is not a list of 12 month names; not used",
                      ydoc_get(locale, key) != NULL ? key : old_key);
      return NULL;
    }
  }
  return out;
}

/* The CV's language from RenderCV's `locale:` (2.x: `language` as a code up to 2.3, as
 * RenderCV's name for it, "german", from 2.4; `month_names`, `month_abbreviations`,
 * `present`), or `locale_catalog:` (1.x: no language; `full_names_of_months`,
 * `abbreviations_for_months`, `present`, `to`). Its words replace the catalog's. NULL
 * when the file has neither section, else a new language owned by the caller. The other
 * fields (phone numbers, "last updated") have nothing to do on a chart and are not read. */
static Lang *rcv_locale(ReadCtx *c, const YdocNode *root)
{
  const YdocNode *locale = ydoc_get(root, "locale");
  if (locale == NULL || ydoc_is_null(locale))
    locale = ydoc_get(root, "locale_catalog");
  if (locale == NULL || ydoc_is_null(locale) || !readctx_expect(c, locale, YDOC_MAPPING))
    return NULL;
  const YdocNode *language = reader_import_field(locale, "language", NULL);
  Lang *lang = lang_copy(language != NULL ? readctx_language(c, language) : NULL);
  g_auto(GStrv) names = rcv_months(c, locale, "month_names", "full_names_of_months");
  g_auto(GStrv) abbrevs = rcv_months(c, locale, "month_abbreviations", "abbreviations_for_months");
  lang_set_months(lang, (const char *const *)names, (const char *const *)abbrevs);
  g_autofree char *present = reader_import_text(c, locale, "present");
  if (present != NULL)
    lang_set_present(lang, present);
  g_autofree char *to = reader_import_text(c, locale, "to");
  if (to != NULL)
    lang_set_to(lang, to);
  return lang;
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
  Lang *locale = rcv_locale(&c, root);
  reader_set_language(&c, cv, opts, locale);
  rcv_read_cv(&c, cv, node);
  reader_import_require_drawable(&c, cv, node,
                                 "no entry with a date or date range in the sections under "
                                 "'cv.sections' (or, before RenderCV 1.0, directly under 'cv')");
  cv = reader_import_finish(&c, opts, cv);
  lang_free(locale);
  return cv;
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
