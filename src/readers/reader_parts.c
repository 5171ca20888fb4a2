/* Shared helpers of the readers of exported data (reader_parts.h): dates from parts and
 * from exporters' free forms, entry names for messages, the "nothing to draw" test. */
#include "reader_parts.h"

#include "lang.h"
#include "reader_import.h"

#include <stdlib.h>
#include <string.h>

int reader_parts_month(const char *word)
{
  if (word == NULL || *word == '\0' || !g_utf8_validate(word, -1, NULL))
    return 0;
  g_autofree char *w = g_strdup(word);
  gsize n = strlen(w);
  if (n > 1 && w[n - 1] == '.')
    w[n - 1] = '\0';
  g_autofree char *folded = lang_fold(w);
  /* The export says not which language it speaks: every catalog is asked, English
   * first; the first that knows the word wins. */
  for (guint i = 0; i < lang_count(); i++) {
    int month = lang_read_month(lang_nth(i), folded);
    if (month > 0)
      return month;
  }
  return 0;
}

gboolean reader_parts_date(int year, int month, int day, DateValue *out, gboolean *clamped)
{
  memset(out, 0, sizeof *out);
  if (clamped != NULL)
    *clamped = FALSE;
  if (year < 1000 || year > 9999 || month < 0 || month > 12 || day < 0 || (day > 0 && month == 0))
    return FALSE;
  if (month == 0) {
    out->first = date_from_ymd(year, 1, 1);
    out->last = date_from_ymd(year, 12, 31);
    out->precision = DATE_PREC_YEAR;
    return TRUE;
  }
  int days = g_date_get_days_in_month((GDateMonth)month, (GDateYear)year);
  if (day == 0) {
    out->first = date_from_ymd(year, month, 1);
    out->last = date_from_ymd(year, month, days);
    out->precision = DATE_PREC_MONTH;
    return TRUE;
  }
  if (date_day_past_end(year, month, day, out)) {
    if (clamped != NULL)
      *clamped = TRUE;
    return TRUE;
  }
  out->first = out->last = date_from_ymd(year, month, day);
  out->precision = DATE_PREC_DAY;
  return TRUE;
}

/* A whole number of 1 to @max_digits digits filling @word; -1 otherwise. */
static int parts_number(const char *word, int max_digits)
{
  int n = (int)strlen(word);
  if (n == 0 || n > max_digits)
    return -1;
  for (int i = 0; i < n; i++)
    if (!g_ascii_isdigit(word[i]))
      return -1;
  return atoi(word);
}

/* Reads words: a year, a month name, a day, in the orders "MONTH YEAR", "MONTH DAY
 * YEAR", "DAY MONTH YEAR", "YEAR MONTH DAY" and "DAY.MONTH.YEAR"; "de" (Spanish,
 * Portuguese) and commas are skipped. */
static gboolean parts_words(char **words, DateValue *out, gboolean *clamped)
{
  int year = 0, month = 0, day = 0, n = 0;
  const char *kept[4];
  for (char **w = words; *w != NULL; w++) {
    if (**w == '\0' || g_ascii_strcasecmp(*w, "de") == 0 || g_ascii_strcasecmp(*w, "of") == 0)
      continue;
    if (n == 4)
      return FALSE;
    kept[n++] = *w;
  }
  for (int i = 0; i < n; i++) {
    int m = reader_parts_month(kept[i]);
    g_autofree char *digits = g_strdup(kept[i]);
    gsize len = strlen(digits);
    /* "15." (German), "15th" are days. */
    if (len > 1 && digits[len - 1] == '.')
      digits[--len] = '\0';
    if (len > 2 && (g_str_has_suffix(digits, "st") || g_str_has_suffix(digits, "nd") ||
                    g_str_has_suffix(digits, "rd") || g_str_has_suffix(digits, "th")))
      digits[len - 2] = '\0';
    int v = parts_number(digits, 4);
    if (m > 0 && month == 0)
      month = m;
    else if (v >= 1000 && year == 0 && strlen(digits) == 4)
      year = v;
    else if (v >= 1 && v <= 31 && day == 0)
      day = v;
    else
      return FALSE;
  }
  if (year == 0 || month == 0)
    return FALSE;
  return reader_parts_date(year, month, day, out, clamped);
}

/* "2019-09-31" (a day past the month's end), "15.03.2019", "3/15/2019". */
static gboolean parts_numeric(const char *text, DateValue *out, gboolean *clamped)
{
  int a, b, c;
  char tail;
  if (sscanf(text, "%4d-%2d-%2d%c", &a, &b, &c, &tail) == 3 && strlen(text) == 10)
    return reader_parts_date(a, b, c, out, clamped);
  if (sscanf(text, "%2d.%2d.%4d%c", &a, &b, &c, &tail) == 3 && c >= 1000)
    return reader_parts_date(c, b, a, out, clamped);
  if (sscanf(text, "%2d/%2d/%4d%c", &a, &b, &c, &tail) == 3 && c >= 1000) {
    /* US order unless that cannot be (15/03/2019). */
    if (a > 12)
      return reader_parts_date(c, b, a, out, clamped);
    return reader_parts_date(c, a, b, out, clamped);
  }
  return FALSE;
}

gboolean reader_parts_parse_date(const char *text, DateValue *out, gboolean *clamped)
{
  if (clamped != NULL)
    *clamped = FALSE;
  if (text == NULL || !g_utf8_validate(text, -1, NULL))
    return FALSE;
  g_autofree char *t = g_strstrip(g_strdup(text));
  if (*t == '\0')
    return FALSE;
  if (date_parse(t, out))
    return TRUE;
  memset(out, 0, sizeof *out);
  for (char *p = t; *p != '\0'; p++)
    if (*p == ',' || *p == '\t')
      *p = ' ';
  if (parts_numeric(t, out, clamped))
    return TRUE;
  char **words = g_strsplit(t, " ", -1);
  /* "15.03.2019" split no further; "15. März 2019" and "Mar. 15" are words. */
  gboolean ok = parts_words(words, out, clamped);
  g_strfreev(words);
  return ok;
}

char *reader_parts_entry_name(const char *title, const char *org)
{
  g_autofree char *t = title != NULL ? readctx_shown(title) : NULL;
  g_autofree char *o = org != NULL ? readctx_shown(org) : NULL;
  if (t != NULL && o != NULL)
    return g_strdup_printf("'%s at %s'", t, o);
  if (t != NULL || o != NULL)
    return g_strdup_printf("'%s'", t != NULL ? t : o);
  return g_strdup("the entry");
}

/* ---- Publications ---- */

/* Words left out of a venue before it is shortened. */
static gboolean parts_venue_noise(const char *word)
{
  static const char *const noise[] = {
      "proceedings", "proc", "proc.", "conference", "conf", "conf.", "international", "intl",
      "annual", "workshop", "symposium", "advances", "of", "the", "on", "and", "for", "in",
      "at", "to", "a", "an", "&", "joint", "meeting", "volume", "vol", "vol.", "part", NULL};
  g_autofree char *low = g_ascii_strdown(word, -1);
  for (const char *const *n = noise; *n != NULL; n++)
    if (strcmp(low, *n) == 0)
      return TRUE;
  /* Years, ordinals (36th, 2nd), numbers, and the apostrophe years of series ('19). */
  gsize len = strlen(low);
  gsize digits = 0;
  while (digits < len && g_ascii_isdigit(low[digits]))
    digits++;
  if (digits > 0 && (digits == len || strcmp(low + digits, "th") == 0 ||
                     strcmp(low + digits, "st") == 0 || strcmp(low + digits, "nd") == 0 ||
                     strcmp(low + digits, "rd") == 0))
    return TRUE;
  if (low[0] == '\'' && len <= 3)
    return TRUE;
  static const char *const ordinals[] = {"first", "second", "third", "fourth", "fifth", "sixth",
                                         "seventh", "eighth", "ninth", "tenth", NULL};
  for (const char *const *o = ordinals; *o != NULL; o++)
    if (strcmp(low, *o) == 0)
      return TRUE;
  return FALSE;
}

/* Publishers and societies whose acronym comes before a journal's initials. */
static gboolean parts_publisher(const char *word)
{
  static const char *const publishers[] = {"IEEE", "ACM", "SIAM", "IFIP", "USENIX", "IET", "IOP",
                                           "AIP", "APS", "RSC", "SPIE", "CVF", "AMS", "ASME",
                                           "ACS", "IEEE/CVF", "IEEE/ACM", NULL};
  for (const char *const *p = publishers; *p != NULL; p++)
    if (strcmp(word, *p) == 0)
      return TRUE;
  return FALSE;
}

/* An acronym: two or more letters (digits allowed after the first), more than half of
 * the letters upper case ("ICML", "NeurIPS", "SIGGRAPH", "CoRR", "3DV" is not). */
static gboolean parts_acronym(const char *word)
{
  guint upper = 0, letters = 0;
  if (!g_ascii_isalpha(word[0]))
    return FALSE;
  for (const char *p = word; *p != '\0'; p++) {
    if (g_ascii_isalpha(*p)) {
      letters++;
      upper += g_ascii_isupper(*p) ? 1 : 0;
    } else if (!g_ascii_isdigit(*p) && *p != '-' && *p != '/') {
      return FALSE;
    }
  }
  return letters >= 2 && upper >= 2 && upper * 2 > letters;
}

/* The words of @text, punctuation around them removed. */
static char **parts_words_of(const char *text)
{
  g_autofree char *t = g_strdup(text);
  for (char *p = t; *p != '\0'; p++)
    if (*p == ',' || *p == ':' || *p == ';' || *p == '(' || *p == ')' || *p == '{' || *p == '}' ||
        *p == '"' || *p == '\t' || *p == '\n')
      *p = ' ';
  char **words = g_strsplit(t, " ", -1);
  for (char **w = words; *w != NULL; w++) {
    gsize n = strlen(*w);
    while (n > 0 && ((*w)[n - 1] == '.' && n > 4))
      (*w)[--n] = '\0';
  }
  return words;
}

/* An acronym inside parentheses or braces: "(ICML)", "{NeurIPS} 2019", "(EMNLP-IJCNLP)". */
static char *parts_bracketed_acronym(const char *venue)
{
  for (const char *p = venue; *p != '\0'; p++) {
    if (*p != '(' && *p != '{')
      continue;
    char close = *p == '(' ? ')' : '}';
    const char *end = strchr(p + 1, close);
    if (end == NULL)
      continue;
    g_autofree char *inside = g_strndup(p + 1, (gsize)(end - p - 1));
    char **words = parts_words_of(inside);
    GString *kept = g_string_new(NULL);
    guint n = 0;
    gboolean all_acronyms = TRUE;
    for (char **w = words; *w != NULL; w++) {
      if (**w == '\0' || parts_venue_noise(*w))
        continue;
      all_acronyms = all_acronyms && parts_acronym(*w);
      if (n++ > 0)
        g_string_append_c(kept, ' ');
      g_string_append(kept, *w);
    }
    g_strfreev(words);
    if (n >= 1 && n <= 2 && all_acronyms)
      return g_string_free(kept, FALSE);
    g_string_free(kept, TRUE);
  }
  return NULL;
}

char *reader_parts_venue(const char *venue)
{
  if (venue == NULL)
    return NULL;
  g_autofree char *v = g_strstrip(g_strdup(venue));
  if (*v == '\0')
    return NULL;
  if (strstr(v, "arXiv") != NULL || strstr(v, "arxiv") != NULL || strstr(v, "ARXIV") != NULL)
    return g_strdup("arXiv");
  char *bracketed = parts_bracketed_acronym(v);
  if (bracketed != NULL)
    return bracketed;
  char **words = parts_words_of(v);
  GPtrArray *kept = g_ptr_array_new();
  for (char **w = words; *w != NULL; w++)
    if (**w != '\0' && !parts_venue_noise(*w))
      g_ptr_array_add(kept, *w);
  char *out = NULL;
  /* A venue that names its own acronym ("the AAAI Conference on ...", "ICML 2019"). */
  for (guint i = 0; i < kept->len && out == NULL; i++) {
    const char *w = g_ptr_array_index(kept, i);
    if (parts_acronym(w) && !parts_publisher(w))
      out = g_strdup(w);
  }
  if (out == NULL && kept->len > 0 && (kept->len <= 2 || g_utf8_strlen(v, -1) <= 20)) {
    /* Short names as they are written, without the years and numbers. */
    GString *s = g_string_new(NULL);
    for (char **w = words; *w != NULL; w++) {
      if (**w == '\0' || (g_ascii_isdigit(**w) && parts_venue_noise(*w)))
        continue;
      g_string_append_printf(s, "%s%s", s->len > 0 ? " " : "", *w);
    }
    out = g_string_free(s, FALSE);
  }
  if (out == NULL && kept->len > 0) {
    GString *prefix = g_string_new(NULL), *initials = g_string_new(NULL);
    for (guint i = 0; i < kept->len; i++) {
      const char *w = g_ptr_array_index(kept, i);
      if (parts_publisher(w) && initials->len == 0)
        g_string_append_printf(prefix, "%s ", w);
      else
        g_string_append_unichar(initials, g_unichar_toupper(g_utf8_get_char(w)));
    }
    g_string_append(prefix, initials->str);
    g_string_free(initials, TRUE);
    out = g_strstrip(g_string_free(prefix, FALSE));
  }
  g_ptr_array_unref(kept);
  g_strfreev(words);
  if (out != NULL && *out == '\0')
    g_clear_pointer(&out, g_free);
  return out;
}

#define PARTS_TITLE_HEAD_CHARS 40
#define PARTS_TITLE_MAX_CHARS 60

/* The title as drawn: its head before a colon, or the title cut at a word. */
static char *parts_short_title(const char *title)
{
  g_autofree char *t = g_strstrip(g_strdup(title));
  const char *colon = strstr(t, ": ");
  if (colon != NULL && colon > t) {
    g_autofree char *head = g_strstrip(g_strndup(t, (gsize)(colon - t)));
    glong n = g_utf8_strlen(head, -1);
    if (n >= 2 && n <= PARTS_TITLE_HEAD_CHARS)
      return g_steal_pointer(&head);
  }
  if (g_utf8_strlen(t, -1) <= PARTS_TITLE_MAX_CHARS)
    return g_steal_pointer(&t);
  /* Cut at the last space within the limit, leaving room for the ellipsis. */
  const char *limit = g_utf8_offset_to_pointer(t, PARTS_TITLE_MAX_CHARS - 1);
  const char *cut = limit;
  for (const char *p = t; p < limit; p = g_utf8_next_char(p))
    if (*p == ' ')
      cut = p;
  if (cut == t)
    cut = limit;
  g_autofree char *head = g_strndup(t, (gsize)(cut - t));
  g_strchomp(head);
  gsize n = strlen(head);
  while (n > 0 && (head[n - 1] == ',' || head[n - 1] == ';' || head[n - 1] == ':' ||
                   head[n - 1] == '-'))
    head[--n] = '\0';
  return g_strdup_printf("%s\u2026", head);
}

char *reader_parts_publication_title(const char *title, const char *venue, int year)
{
  g_autofree char *t = parts_short_title(title);
  if (venue != NULL && year > 0)
    return g_strdup_printf("%s (%s %d)", t, venue, year);
  if (venue != NULL)
    return g_strdup_printf("%s (%s)", t, venue);
  if (year > 0)
    return g_strdup_printf("%s (%d)", t, year);
  return g_steal_pointer(&t);
}

ReaderPartsDate reader_parts_read_date(ReadCtx *c, const YdocNode *node, const char *what,
                                       const char *who, DateValue *out)
{
  if (node == NULL || ydoc_is_null(node))
    return READER_PARTS_ABSENT;
  if (node->kind != YDOC_SCALAR) {
    readctx_warning(c, node, "%s: the %s is %s, not a date; left out", who, what,
                    readctx_found(node));
    return READER_PARTS_BAD;
  }
  g_autofree char *shown = readctx_shown(node->text);
  if (*shown == '\0')
    return READER_PARTS_ABSENT;
  gboolean clamped;
  if (!reader_parts_parse_date(node->text, out, &clamped)) {
    readctx_warning(c, node, "%s: cannot read the %s '%s' as a date; left out", who, what, shown);
    return READER_PARTS_BAD;
  }
  if (clamped)
    readctx_day_clamped(c, node, who, node->text, out);
  return READER_PARTS_OK;
}

const YdocNode *reader_parts_detect_root(ReaderSource *src)
{
  const YdocDoc *doc = reader_source_yaml(src, NULL);
  const YdocNode *root = doc != NULL ? doc->root : NULL;
  return root != NULL && root->kind == YDOC_MAPPING ? root : NULL;
}

const YdocNode *reader_parts_open(ReadCtx *c, ReaderSource *src, const ReaderOptions *opts,
                                  DiagList *diags)
{
  const YdocDoc *doc = reader_source_yaml(src, diags);
  return doc != NULL ? reader_import_begin(c, doc, opts, diags) : NULL;
}

ModelCv *reader_parts_finish(ReadCtx *c, const ReaderOptions *opts, ModelCv *cv,
                             gboolean folder, const char *nothing)
{
  model_cv_drop_empty_groups(cv);
  if (nothing != NULL && !readctx_failed(c) && !reader_import_drawable(cv))
    diag_error(c->diags, cv->file, folder ? 0 : 1, folder ? 0 : 1, "nothing to draw: %s", nothing);
  return reader_import_finish(c, opts, cv);
}
