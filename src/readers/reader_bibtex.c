/* BibTeX reader (doc/importing.md "BibTeX publications"): each entry of a .bib file a
 * milestone at its year and month, titled by the short form of its title and venue.
 * Parsed with btparse (Debian's libbtparse); the only module that includes btparse.h.
 * Macros (@string and the month names) are expanded here, under a budget, rather than by
 * btparse, whose expansion has none. */
#include "reader_parts.h"
#include "strutil.h"

#include <btparse.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- btparse's messages ---- */

/* btparse reports through report_error, which formats the message and hands it to a
 * handler that 0.89 does not let a caller set (it prints to stderr). Defining
 * report_error here interposes it (ELF symbol interposition: the library calls it
 * through its PLT, and the program's definition wins), so the messages come to the list
 * of the parse under way instead; and so its syntax errors are no longer formatted
 * twice: btparse passes a message that quotes the offending text as the *format* ("found
 * \"{50%s off}\""), which printf then reads arguments for that were never given (a
 * crash, found by fuzzing). Its lexer's own messages go through the function pointer
 * zzerr, which btparse does export. */
void report_error(bt_errclass errclass, char *filename, int line, char *item_desc, int item,
                  char *fmt, va_list arglist) G_GNUC_PRINTF(6, 0);
/* PCCTS's lexer, under btparse: exported, but not declared by btparse.h. */
extern void (*zzerr)(const char *);
extern int zzline;
extern char *zzlextext;
void zzskip(void);

typedef struct {
  DiagList *diags;
  const char *file;
  guint errors; /* syntax and lexical errors reported */
} BibSink;

static BibSink *bib_sink;

void report_error(bt_errclass errclass, char *filename, int line, char *item_desc, int item,
                  char *fmt, va_list arglist)
{
  (void)filename;
  (void)item_desc;
  (void)item;
  /* btparse aborts after an internal error: so do we, on a state it says is broken. */
  if (errclass == BTERR_INTERNAL)
    abort();
  if (bib_sink == NULL || fmt == NULL || errclass == BTERR_NOTIFY)
    return;
  /* zzsyn's messages are finished text that quotes the input (see above). */
  gboolean literal = errclass == BTERR_SYNTAX &&
                     (g_str_has_prefix(fmt, "found \"") || g_str_has_prefix(fmt, "at end of input"));
  char *text = literal ? g_strdup(fmt) : g_strdup_vprintf(fmt, arglist);
  /* Text between entries is a comment to BibTeX, whatever btparse thinks of it. */
  if (strstr(text, "junk seen at toplevel") == NULL) {
    int at = line > 0 ? line : 0;
    /* A "usage error" comes from the tree btparse's error recovery built from bad input
     * (bt_postprocess_field meeting a string where a field should be); btparse would exit
     * the process. Going on is safe there: the entry is left out as an error. */
    if (errclass == BTERR_LEXERR || errclass == BTERR_SYNTAX || errclass == BTERR_USAGEERR) {
      diag_error(bib_sink->diags, bib_sink->file, at, 0, "%s", text);
      bib_sink->errors++;
    } else {
      diag_warning(bib_sink->diags, bib_sink->file, at, 0, "%s", text);
    }
  }
  g_free(text);
}

/* The lexer's messages (a character it has no token for): a warning; what it breaks is
 * then a syntax error of its own. */
static void bib_lexer_error(const char *what)
{
  if (bib_sink == NULL)
    return;
  g_autofree char *valid = g_utf8_make_valid(zzlextext != NULL ? zzlextext : "", -1);
  g_autofree char *shown = readctx_shown(valid);
  diag_warning(bib_sink->diags, bib_sink->file, zzline > 0 ? zzline : 0, 0, "%s (text was '%s')",
               what != NULL ? what : "lexical error", shown);
}

/* ---- Values and macros ---- */

/* A value expands to at most this much text; @string chains beyond it are cut. */
#define BIB_MAX_VALUE 65536

typedef struct {
  ReadCtx *c;
  GHashTable *macros; /* lower-case name -> expanded text (owned) */
  GHashTable *entries; /* lower-case key -> BibEntry* (owned by the list) */
  GPtrArray *list;     /* of BibEntry*, owned, in file order */
} BibFile;

typedef struct {
  char *type, *key; /* lower-case type; key as written */
  int line;
  GHashTable *fields; /* lower-case name -> expanded text (owned) */
  GHashTable *macro_months; /* fields written as a bare month macro: name -> 1..12 */
  gboolean crossref_target;
} BibEntry;

static void bib_entry_free(gpointer p)
{
  BibEntry *e = p;
  g_free(e->type);
  g_free(e->key);
  g_hash_table_unref(e->fields);
  g_hash_table_unref(e->macro_months);
  g_free(e);
}

static const char *const bib_month_macros[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                               "jul", "aug", "sep", "oct", "nov", "dec"};

/* The text of a field's or a macro's value: its parts pasted, numbers as written,
 * macros expanded (the month names are BibTeX's own); an undefined macro is a warning
 * and stands for nothing. *@month_macro receives the month of a value that is one bare
 * month macro (month = jan), else 0. */
static char *bib_value(BibFile *bf, AST *value_of, int line, const char *what, int *month_macro)
{
  GString *out = g_string_new(NULL);
  bt_nodetype type;
  char *text;
  AST *v = NULL;
  guint parts = 0;
  if (month_macro != NULL)
    *month_macro = 0;
  while ((v = bt_next_value(value_of, v, &type, &text)) != NULL) {
    parts++;
    const char *piece = text != NULL ? text : "";
    if (type == BTAST_MACRO) {
      g_autofree char *valid_name = g_utf8_make_valid(piece, -1);
      g_autofree char *name = g_ascii_strdown(valid_name, -1);
      const char *def = g_hash_table_lookup(bf->macros, name);
      int month = 0;
      for (int m = 0; m < 12 && def == NULL; m++)
        if (strcmp(name, bib_month_macros[m]) == 0)
          month = m + 1;
      if (month > 0) {
        if (month_macro != NULL)
          *month_macro = month;
        piece = date_month_abbrev(month);
      } else if (def != NULL) {
        piece = def;
      } else {
        YdocNode at = readctx_cell(line, 0, "");
        g_autofree char *shown = readctx_shown(name);
        readctx_warning(bf->c, &at, "%s: undefined macro '%s'", what, shown);
        piece = "";
      }
    }
    if (out->len + strlen(piece) > BIB_MAX_VALUE) {
      YdocNode at = readctx_cell(line, 0, "");
      readctx_warning(bf->c, &at, "%s: longer than %u bytes once its macros are expanded; cut",
                      what, BIB_MAX_VALUE);
      break;
    }
    g_string_append(out, piece);
  }
  if (parts != 1 && month_macro != NULL)
    *month_macro = 0;
  /* Whatever the file's bytes, text is UTF-8 from here on (the model and messages need it). */
  char *valid = g_utf8_make_valid(out->str, (gssize)out->len);
  g_string_free(out, TRUE);
  return valid;
}

/* ---- TeX to text ---- */

/* The combining mark of an accent command (\'e, \"o, \c{c}...), or 0. */
static gunichar bib_accent(char cmd)
{
  switch (cmd) {
  case '\'': return 0x0301;
  case '`': return 0x0300;
  case '^': return 0x0302;
  case '"': return 0x0308;
  case '~': return 0x0303;
  case '=': return 0x0304;
  case '.': return 0x0307;
  case 'u': return 0x0306;
  case 'v': return 0x030C;
  case 'H': return 0x030B;
  case 'c': return 0x0327;
  case 'k': return 0x0328;
  case 'r': return 0x030A;
  case 'd': return 0x0323;
  case 'b': return 0x0331;
  default: return 0;
  }
}

/* Commands that stand for a character or a word. */
static const struct {
  const char *name, *text;
} bib_symbols[] = {
    {"ss", "ß"},        {"o", "ø"},          {"O", "Ø"},        {"ae", "æ"},     {"AE", "Æ"},
    {"oe", "œ"},        {"OE", "Œ"},         {"aa", "å"},       {"AA", "Å"},     {"l", "ł"},
    {"L", "Ł"},         {"i", "ı"},          {"j", "ȷ"},        {"dh", "ð"},     {"th", "þ"},
    {"textendash", "–"}, {"textemdash", "—"}, {"ldots", "…"},   {"dots", "…"},  {"LaTeX", "LaTeX"},
    {"TeX", "TeX"},     {"BibTeX", "BibTeX"}, {"textregistered", "®"}, {"copyright", "©"},
    {"texttrademark", "™"}, {"textquoteright", "’"}, {"textquoteleft", "‘"},
    {"textasciitilde", "~"}, {"textbackslash", "\\"}, {"alpha", "α"}, {"beta", "β"},
    {"gamma", "γ"},     {"delta", "δ"},      {"epsilon", "ε"},  {"varepsilon", "ε"},
    {"lambda", "λ"},    {"mu", "μ"},         {"pi", "π"},       {"sigma", "σ"},  {"tau", "τ"},
    {"phi", "φ"},       {"omega", "ω"},      {"Omega", "Ω"},    {"Delta", "Δ"},  {"Gamma", "Γ"},
    {"theta", "θ"},     {"infty", "∞"},      {"times", "×"},    {"pm", "±"},     {"leq", "≤"},
    {"geq", "≥"},       {"le", "≤"},         {"ge", "≥"},       {"to", "→"},     {"rightarrow", "→"},
    {"cdot", "·"},      {"approx", "≈"},     {"neq", "≠"},      {"euro", "€"},   {"pounds", "£"},
};

/* The text of TeX source @s: accents composed, symbols replaced, other commands dropped
 * (their argument kept), braces and math shifts removed, dashes and quotes made
 * characters, white space collapsed. A new string, valid UTF-8. */
static char *bib_detex(const char *s)
{
  GString *out = g_string_new(NULL);
  gunichar pending_accent = 0;
  for (const char *p = s; *p != '\0';) {
    if (*p == '\\') {
      p++;
      if (*p == '\0')
        break;
      gunichar accent = bib_accent(*p);
      /* An accent letter (u, v, H...) is a command only when no letter follows. */
      if (accent != 0 && (!g_ascii_isalpha(*p) || !g_ascii_isalpha(p[1]))) {
        p++;
        while (*p == ' ' || *p == '{')
          p++;
        pending_accent = accent;
        continue;
      }
      if (g_ascii_isalpha(*p)) {
        const char *start = p;
        while (g_ascii_isalpha(*p))
          p++;
        g_autofree char *name = g_strndup(start, (gsize)(p - start));
        const char *symbol = NULL;
        for (gsize i = 0; i < G_N_ELEMENTS(bib_symbols) && symbol == NULL; i++)
          if (strcmp(name, bib_symbols[i].name) == 0)
            symbol = bib_symbols[i].text;
        if (symbol != NULL) {
          g_string_append(out, symbol);
          /* "\ss{}" and "\o " end the command: the space or braces are not text. */
          if (*p == '{' && p[1] == '}')
            p += 2;
          else if (*p == ' ' && strlen(symbol) > 1)
            p++;
        } else if (strcmp(name, "href") == 0 && *p == '{') {
          /* \href{URL}{TEXT}: the text. */
          int depth = 0;
          do {
            depth += *p == '{' ? 1 : *p == '}' ? -1 : 0;
            p++;
          } while (*p != '\0' && depth > 0);
        }
        /* Any other command: dropped, its argument (in the braces that follow) kept. */
        continue;
      }
      /* \& \% \$ \# \_ \{ \} and \\ (a line break: a space). */
      g_string_append_c(out, *p == '\\' ? ' ' : *p);
      p++;
      continue;
    }
    if (*p == '{' || *p == '}' || *p == '$') {
      p++;
      continue;
    }
    if (*p == '~' || *p == '\n' || *p == '\t' || *p == '\r') {
      g_string_append_c(out, ' ');
      p++;
      continue;
    }
    if (g_str_has_prefix(p, "---")) {
      g_string_append(out, "—");
      p += 3;
      continue;
    }
    if (g_str_has_prefix(p, "--")) {
      g_string_append(out, "–");
      p += 2;
      continue;
    }
    if (g_str_has_prefix(p, "``") || g_str_has_prefix(p, "''")) {
      g_string_append_c(out, '"');
      p += 2;
      continue;
    }
    const char *next = g_utf8_find_next_char(p, NULL);
    gsize n = next != NULL ? (gsize)(next - p) : strlen(p);
    g_string_append_len(out, p, (gssize)n);
    if (pending_accent != 0) {
      g_string_append_unichar(out, pending_accent);
      pending_accent = 0;
    }
    p += n;
  }
  g_autofree char *valid = g_utf8_make_valid(out->str, (gssize)out->len);
  g_string_free(out, TRUE);
  g_autofree char *composed = g_utf8_normalize(valid, -1, G_NORMALIZE_NFC);
  /* Collapse runs of spaces, trim. Not readctx_text's work done twice: it keeps a text's
   * own runs of spaces, and the detexed text is measured and joined before it gets there
   * (the "has no title" test, "TITLE. VENUE, YEAR." for the note, the venue in the
   * title), where a TeX line break or `~` at an end would leave a stray space. */
  GString *clean = g_string_new(NULL);
  for (const char *p = composed != NULL ? composed : valid; *p != '\0'; p++) {
    if (*p == ' ' && (clean->len == 0 || clean->str[clean->len - 1] == ' '))
      continue;
    g_string_append_c(clean, *p);
  }
  while (clean->len > 0 && clean->str[clean->len - 1] == ' ')
    g_string_truncate(clean, clean->len - 1);
  return g_string_free(clean, FALSE);
}

/* ---- Entries ---- */

static const char *bib_field(const BibEntry *e, const char *name)
{
  const char *v = g_hash_table_lookup(e->fields, name);
  return strutil_is_blank(v) ? NULL : v;
}

/* The field @name of @e, or of the entry it crossrefs (BibTeX's inheritance). */
static const char *bib_get(BibFile *bf, const BibEntry *e, const char *name)
{
  const char *v = bib_field(e, name);
  if (v != NULL)
    return v;
  const char *ref = bib_field(e, "crossref");
  if (ref == NULL)
    return NULL;
  g_autofree char *key = g_ascii_strdown(ref, -1);
  g_strstrip(key);
  const BibEntry *parent = g_hash_table_lookup(bf->entries, key);
  return parent != NULL && parent != e ? bib_field(parent, name) : NULL;
}

/* Reads a parsed entry into @bf (a regular entry kept for later, a macro defined). */
static void bib_take_entry(BibFile *bf, AST *ast)
{
  bt_metatype meta = bt_entry_metatype(ast);
  char *name;
  if (meta == BTE_MACRODEF) {
    AST *m = NULL;
    while ((m = bt_next_macro(ast, m, &name)) != NULL) {
      g_autofree char *valid_name = g_utf8_make_valid(name != NULL ? name : "", -1);
      g_autofree char *shown = readctx_shown(valid_name);
      g_autofree char *what = g_strdup_printf("@string '%s'", shown);
      char *text = bib_value(bf, m, ast->line, what, NULL);
      g_hash_table_replace(bf->macros, g_ascii_strdown(valid_name, -1), text);
    }
    return;
  }
  if (meta != BTE_REGULAR)
    return;
  BibEntry *e = g_new0(BibEntry, 1);
  g_autofree char *type = g_utf8_make_valid(bt_entry_type(ast) != NULL ? bt_entry_type(ast) : "", -1);
  e->type = g_ascii_strdown(type, -1);
  e->key = g_utf8_make_valid(bt_entry_key(ast) != NULL ? bt_entry_key(ast) : "", -1);
  e->line = ast->line;
  e->fields = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  e->macro_months = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  AST *f = NULL;
  while ((f = bt_next_field(ast, f, &name)) != NULL) {
    g_autofree char *valid_name = g_utf8_make_valid(name != NULL ? name : "", -1);
    g_autofree char *field = g_ascii_strdown(valid_name, -1);
    g_autofree char *shown_field = readctx_shown(field), *shown_key = readctx_shown(e->key);
    g_autofree char *what = g_strdup_printf("'%s' in '%s'", shown_field, shown_key);
    int month = 0;
    char *text = bib_value(bf, f, f->line, what, &month);
    if (month > 0)
      g_hash_table_replace(e->macro_months, g_strdup(field), GINT_TO_POINTER(month));
    g_hash_table_replace(e->fields, g_steal_pointer(&field), text);
  }
  g_ptr_array_add(bf->list, e);
  g_autofree char *key = g_ascii_strdown(e->key, -1);
  if (*key != '\0' && !g_hash_table_contains(bf->entries, key))
    g_hash_table_insert(bf->entries, g_steal_pointer(&key), e);
}

/* The first number of four digits in @text (1000..9999: "2019", "{2019}", "2019a"), or 0. */
static int bib_year(const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++) {
    if (!g_ascii_isdigit(*p) || (p > text && g_ascii_isdigit(p[-1])))
      continue;
    int n = 0;
    while (g_ascii_isdigit(p[n]))
      n++;
    if (n == 4 && *p != '0')
      return (int)g_ascii_strtoll(p, NULL, 10);
  }
  return 0;
}

/* The month of a `month` field: a macro (jan), a name in any language reader_parts
 * knows ("May", "mai"), a number (5, "05"), or the first of a range ("jun--jul"); 0 when
 * none is found. */
static int bib_month(const BibEntry *e, const char *text)
{
  gpointer macro = g_hash_table_lookup(e->macro_months, "month");
  if (macro != NULL)
    return GPOINTER_TO_INT(macro);
  g_autofree char *t = bib_detex(text);
  for (char *p = t; *p != '\0'; p++)
    if (*p == '-' || *p == '/' || *p == ',' || *p == '.' || *p == '~')
      *p = ' ';
  char **words = g_strsplit(t, " ", -1);
  int month = 0;
  for (char **w = words; *w != NULL && month == 0; w++) {
    if (**w == '\0')
      continue;
    int m = reader_parts_month(*w);
    if (m == 0 && g_ascii_isdigit(**w) && strlen(*w) <= 2)
      m = (int)g_ascii_strtoll(*w, NULL, 10);
    if (m >= 1 && m <= 12)
      month = m;
  }
  g_strfreev(words);
  return month;
}

/* The venue's text as written (braces kept, for the acronyms they protect) and the
 * kind of work it is when there is no venue (theses). */
static const char *bib_venue_source(BibFile *bf, const BibEntry *e)
{
  const char *series = bib_get(bf, e, "series");
  /* ACM's series is the conference ("CHI '19"); Springer's a book series (LNCS). */
  if (series != NULL && g_utf8_strlen(series, -1) <= 15)
    return series;
  const char *keys[] = {"journal", "journaltitle", "booktitle", "eventtitle", "series",
                        "institution", "school", "organization", "publisher", NULL};
  for (const char **k = keys; *k != NULL; k++) {
    const char *v = bib_get(bf, e, *k);
    if (v != NULL)
      return v;
  }
  const char *eprint = bib_get(bf, e, "archiveprefix");
  if (eprint == NULL)
    eprint = bib_get(bf, e, "eprinttype");
  return eprint;
}

/* The entry as a milestone, or NULL after a warning naming it. */
static ModelMilestone *bib_milestone(BibFile *bf, const BibEntry *e)
{
  ReadCtx *c = bf->c;
  YdocNode at = readctx_cell(e->line, 0, "");
  const char *raw_title = bib_get(bf, e, "title");
  g_autofree char *title = raw_title != NULL ? bib_detex(raw_title) : NULL;
  g_autofree char *shown = title != NULL ? readctx_shown(title) : NULL;
  g_autofree char *key = readctx_shown(e->key);
  g_autofree char *who = shown != NULL && *shown != '\0' ? g_strdup_printf("'%s'", shown)
                                                          : g_strdup_printf("entry '%s'", key);
  if (title == NULL || *title == '\0') {
    readctx_warning(c, &at, "%s (@%s) has no title; left out", who, e->type);
    return NULL;
  }
  /* biblatex's date (2019-05-12, 2019-05/2019-06) wins over year and month. */
  const char *date_field = bib_get(bf, e, "date");
  DateValue date;
  gboolean have_date = FALSE, clamped = FALSE;
  g_autofree char *date_text = NULL; /* the date as written, for a clamped day's warning */
  if (date_field != NULL) {
    date_text = g_strdup(date_field);
    char *slash = strchr(date_text, '/');
    if (slash != NULL)
      *slash = '\0';
    have_date = reader_parts_parse_date(date_text, &date, &clamped) && !date.present;
  }
  if (!have_date) {
    const char *year_field = bib_get(bf, e, "year");
    int year = bib_year(year_field);
    if (year == 0) {
      if (year_field != NULL) {
        g_autofree char *year_shown = readctx_shown(year_field);
        readctx_warning(c, &at, "%s: cannot read the year '%s'; left out", who, year_shown);
      } else {
        readctx_warning(c, &at, "%s has no year; left out", who);
      }
      return NULL;
    }
    const char *month_field = bib_get(bf, e, "month");
    int month = month_field != NULL ? bib_month(e, month_field) : 0;
    int day = 0;
    const char *day_field = bib_get(bf, e, "day");
    if (month > 0 && day_field != NULL) {
      int d = (int)g_ascii_strtoll(day_field, NULL, 10);
      day = d >= 1 && d <= 31 ? d : 0;
    }
    reader_parts_date(year, month, day, &date, &clamped);
    g_free(date_text);
    date_text = g_strdup_printf("%04d-%02d-%02d", year, month, day);
  }
  if (clamped)
    readctx_day_clamped(c, &at, who, date_text, &date);
  if (!readctx_count(c, &at))
    return NULL;
  const char *venue_src = bib_venue_source(bf, e);
  g_autofree char *venue_short = reader_parts_venue(venue_src);
  g_autofree char *venue = venue_short != NULL ? bib_detex(venue_short) : NULL;
  if (strstr(e->type, "thesis") != NULL) {
    /* "(PhD thesis, MIT 2013)": the kind of work first, then the school. */
    const char *kind = strcmp(e->type, "phdthesis") == 0         ? "PhD thesis"
                       : strcmp(e->type, "mastersthesis") == 0 ? "Master's thesis"
                                                                : "Thesis";
    char *v = venue != NULL ? g_strdup_printf("%s, %s", kind, venue) : g_strdup(kind);
    g_free(venue);
    venue = v;
  }
  int year;
  date_to_ymd(date.first, &year, NULL, NULL);
  ModelMilestone *m = model_milestone_new();
  g_autofree char *shown_title = reader_parts_publication_title(title, venue, year);
  m->title = readctx_text(c, &at, shown_title);
  g_autofree char *venue_full = venue_src != NULL ? bib_detex(venue_src) : NULL;
  g_autofree char *note = venue_full != NULL ? g_strdup_printf("%s. %s, %d.", title, venue_full, year)
                                             : g_strdup_printf("%s. %d.", title, year);
  m->note = readctx_text(c, &at, note);
  m->date = date.first;
  m->precision = date.precision;
  const char *doi = bib_get(bf, e, "doi");
  if (doi != NULL) {
    /* Trimmed here although readctx_link trims: "https://doi.org/" goes before it. */
    g_autofree char *d = g_strstrip(g_strdup(doi));
    g_autofree char *link = g_str_has_prefix(d, "http") ? g_strdup(d)
                                                        : g_strdup_printf("https://doi.org/%s", d);
    m->url = readctx_link(c, &at, link);
  }
  const char *url = bib_get(bf, e, "url");
  if (m->url == NULL && url != NULL)
    m->url = readctx_link(c, &at, url);
  m->line = e->line;
  m->column = 0;
  return m;
}

/* ---- Parsing ---- */

/* At most this many fields in one entry: btparse's parser stack holds about 96, and past
 * them it exits the process ("attrib/AST stack overflow"). */
#define BIB_MAX_FIELDS 64

/* Blanks bytes [@from, @to) of @buf, keeping line ends so that lines still count. */
static void bib_blank(char *buf, gsize from, gsize to)
{
  for (gsize i = from; i < to; i++)
    if (buf[i] != '\n')
      buf[i] = ' ';
}

/* Where an entry starting with the '@' at @at opens its body: the index of its '{' or
 * '(' (in *@open), with *@counted FALSE for @comment and @preamble, which hold no
 * fields; FALSE when that '@' starts no entry. */
static gboolean bib_entry_open(const char *data, gsize len, gsize at, gsize *open,
                               gboolean *counted)
{
  gsize j = at + 1;
  while (j < len && g_ascii_isspace(data[j]))
    j++;
  gsize name = j;
  while (j < len && (g_ascii_isalnum(data[j]) || data[j] == '_' || data[j] == '-'))
    j++;
  *counted = !(j - name == 7 && g_ascii_strncasecmp(data + name, "comment", 7) == 0) &&
             !(j - name == 8 && g_ascii_strncasecmp(data + name, "preamble", 8) == 0);
  while (j < len && g_ascii_isspace(data[j]))
    j++;
  if (j >= len || j == name || (data[j] != '{' && data[j] != '('))
    return FALSE;
  *open = j;
  return TRUE;
}

/* The end (one past the close, or @len) of the entry whose body opens at @open, as
 * BibTeX delimits it (braces nest, quotes at the entry's own level), and its fields: the
 * '=' at its own level. */
static gsize bib_entry_end(const char *data, gsize len, gsize open, guint *fields)
{
  char close = data[open] == '{' ? '}' : ')';
  int depth = 0;
  gboolean quoted = FALSE;
  *fields = 0;
  for (gsize k = open + 1; k < len; k++) {
    char ch = data[k];
    if (ch == '{')
      depth++;
    else if (ch == '}' && depth > 0)
      depth--;
    else if (depth == 0 && ch == '"')
      quoted = !quoted;
    else if (depth == 0 && !quoted && ch == close)
      return k + 1;
    else if (depth == 0 && !quoted && ch == '=')
      (*fields)++;
  }
  return len;
}

/* Line numbers for the guard's warnings, counted forward from the last one asked for, so
 * that a file of many dropped entries is still read in linear time. */
typedef struct {
  gsize pos;
  int line;
} BibLines;

static int bib_line_at(BibLines *lines, const char *data, gsize at)
{
  if (at < lines->pos)
    *lines = (BibLines){0, 1};
  for (; lines->pos < at; lines->pos++)
    lines->line += data[lines->pos] == '\n';
  return lines->line;
}

/* Blanks the entry at @at..@end of @data into *@copy (made on first need), with the
 * warning. */
static void bib_drop_entry(const char *file, const char *data, gsize len, gsize at, gsize end,
                           BibLines *lines, char **copy, DiagList *diags)
{
  if (*copy == NULL)
    *copy = g_memdup2(data, len);
  bib_blank(*copy, at, end);
  diag_warning(diags, file, bib_line_at(lines, data, at), 0, "an entry with more than %u fields; left out",
               BIB_MAX_FIELDS);
}

/* What btparse cannot be given: a NUL byte (its lexer reads C strings, cuts a token short
 * and fails an assertion: an abort) becomes a space; an entry with more than
 * BIB_MAX_FIELDS fields is blanked, each with a warning. Scans entries as BibTeX delimits
 * them (braces nest, quotes at the entry's own level, % comments between entries).
 * btparse, after an error, starts again at the next '@' wherever it is, inside another
 * entry's value too, so every '@' that opens an entry is checked as one, not only those
 * between entries; a budget of bytes so scanned keeps a file of nested '@'s linear, and
 * past it the rest of the enclosing entry is left out.
 * Returns a changed copy of @data to parse instead, or NULL when it needs no change. */
static char *bib_guard(const char *file, const char *data, gsize len, DiagList *diags)
{
  char *copy = NULL;
  BibLines lines = {0, 1};
  const char *nul = memchr(data, '\0', len);
  if (nul != NULL) {
    copy = g_memdup2(data, len);
    diag_warning(diags, file, bib_line_at(&lines, data, (gsize)(nul - data)), 0,
                 "NUL bytes in the file are read as spaces");
    for (gsize i = 0; i < len; i++)
      if (copy[i] == '\0')
        copy[i] = ' ';
  }
  gsize budget = 16 * len + 4096;
  for (gsize i = 0; i < len; i++) {
    if (data[i] == '%') {
      while (i + 1 < len && data[i + 1] != '\n')
        i++;
      continue;
    }
    if (data[i] != '@')
      continue;
    gsize open;
    gboolean counted;
    if (!bib_entry_open(data, len, i, &open, &counted)) {
      /* An @ that starts no entry ("mail me@example.org" between entries) is text to
       * BibTeX; btparse would take it for one and stumble on what follows ('@i""' makes
       * it exit). */
      if (copy == NULL)
        copy = g_memdup2(data, len);
      copy[i] = ' ';
      continue;
    }
    guint fields;
    gsize end = bib_entry_end(data, len, open, &fields);
    if (counted && fields > BIB_MAX_FIELDS) {
      bib_drop_entry(file, data, len, i, end, &lines, &copy, diags);
      i = end - 1;
      continue;
    }
    /* The entries btparse may find inside this one's values. */
    for (gsize k = open + 1; k < end; k++) {
      gsize inner_open;
      gboolean inner_counted;
      if (data[k] != '@' || !bib_entry_open(data, len, k, &inner_open, &inner_counted) ||
          !inner_counted)
        continue;
      guint inner_fields;
      gsize inner_end = bib_entry_end(data, len, inner_open, &inner_fields);
      gsize cost = inner_end - k;
      if (inner_fields > BIB_MAX_FIELDS || cost > budget) {
        bib_drop_entry(file, data, len, k, MAX(inner_end, end), &lines, &copy, diags);
        break;
      }
      budget -= cost;
    }
    i = end - 1;
  }
  return copy;
}

/* What the probe's child process ends with when btparse exits it (any other status
 * than 0 is read the same way: btparse did not get to the end). */
#define BIB_PROBE_DIED 3
#define BIB_PROBE_LOST 4
/* Fewer commas than this in a file, and btparse's parser stack (about 96 fields deep)
 * cannot overflow. */
#define BIB_PROBE_COMMAS 48

/* Runs btparse over @data, one entry per call, handing each entry it read without an
 * error to bib_take_entry (when @bf is not NULL). btparse keeps the stream it reads in
 * a static between calls and frees its state only when it is called again at the end of
 * the stream: the loop always gets there, even after input so bad that a call returns
 * nothing (the rest is then skipped), or the next file would be refused ("you can't
 * interleave calls across different files") with an exit. When @progress_fd is not -1,
 * the offset where each call starts reading is written to it first (the probe's
 * report, below). */
static void bib_run(BibFile *bf, const char *file, const char *data, gsize len, int progress_fd)
{
  FILE *in = fmemopen((void *)data, len, "r");
  if (in == NULL) {
    if (bib_sink != NULL)
      diag_error(bib_sink->diags, file, 0, 0, "cannot be read: %s", g_strerror(errno));
    return;
  }
  zzerr = bib_lexer_error;
  g_autofree char *name = g_strdup(file);
  long last = -1;
  guint errors_before = bib_sink != NULL ? bib_sink->errors : 0;
  for (;;) {
    gboolean at_end = feof(in);
    if (progress_fd != -1) {
      gint64 at = ftell(in);
      if (write(progress_fd, &at, sizeof at) != (ssize_t)sizeof at)
        _exit(BIB_PROBE_LOST);
    }
    boolean ok = TRUE;
    /* BTO_NOSTORE: btparse's own macro table stays empty; its storing expands and pastes
     * @string values into a buffer it sizes wrongly for long chains (a crash). */
    AST *entry = bt_parse_entry(in, name, BTO_NOSTORE, &ok);
    if (at_end)
      break; /* that call was the clean-up */
    if (entry != NULL) {
      /* btparse counts errors in report_error, which is ours now: the sink counts. */
      guint errors = bib_sink != NULL ? bib_sink->errors : 0;
      if (bf != NULL && ok && errors == errors_before)
        bib_take_entry(bf, entry);
      bt_free_ast(entry);
      errors_before = errors;
      continue;
    }
    long pos = ftell(in);
    if (pos == last) {
      /* No progress: give up on the rest, and let the next call clean up. */
      fseek(in, 0, SEEK_END);
      (void)fgetc(in);
    }
    last = pos;
  }
  /* A file that ends inside a value leaves btparse's lexer (PCCTS's DLG) told to append
   * the next token to the last one, whose buffer the clean-up has just freed: the next
   * file would be read into freed memory. zzskip() is DLG's own way to clear that. */
  zzskip();
  fclose(in);
}

static void bib_probe_exit(void)
{
  /* btparse called exit(): end now, before the handlers of whoever ran us (a fuzzer's,
   * a sanitizer's leak check) take this child for the program. */
  _exit(BIB_PROBE_DIED);
}

/* btparse's parser (PCCTS) has fixed stacks and exits the process when one overflows
 * ("attrib/AST stack overflow"), and its error recovery starts again at any '@', so no
 * scan of the text can promise it will not. bib_guard keeps ordinary files away from
 * that; this makes sure of it for the rest: a child process reads @data first, telling
 * where each of btparse's calls starts. Returns TRUE when btparse read it to the end;
 * else *@fatal_at is where the call that never came back started reading. */
static gboolean bib_probe(const char *file, const char *data, gsize len, gsize *fatal_at)
{
  /* The stack that overflows grows by one level per field, each after a comma: a file
   * with few commas cannot get there, and is spared the fork. */
  guint commas = 0;
  for (gsize i = 0; i < len && commas < BIB_PROBE_COMMAS; i++)
    commas += data[i] == ',';
  if (commas < BIB_PROBE_COMMAS)
    return TRUE;
  int fds[2];
  if (pipe(fds) != 0)
    return TRUE; /* cannot probe: read it as it is */
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return TRUE;
  }
  if (pid == 0) {
    close(fds[0]);
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull != -1)
      dup2(devnull, STDERR_FILENO); /* btparse's last words are not the user's concern */
    atexit(bib_probe_exit);
    bib_sink = NULL;
    bib_run(NULL, file, data, len, fds[1]);
    _exit(0);
  }
  close(fds[1]);
  gint64 at, last = 0;
  ssize_t n;
  while ((n = read(fds[0], &at, sizeof at)) == (ssize_t)sizeof at || (n < 0 && errno == EINTR))
    if (n > 0)
      last = at;
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
    return TRUE;
  *fatal_at = (gsize)CLAMP(last, 0, (gint64)len);
  return FALSE;
}

/* At most this many entries are left out for making btparse exit before the rest of the
 * file is given up. */
#define BIB_MAX_FATAL 16

/* Leaves out of *@copy (made on first need) the entry whose call made btparse exit: the
 * first that opens at or after @at (btparse has read one byte ahead), blanked as BibTeX
 * delimits it; the rest of the file when none does or @give_up. */
static void bib_drop_fatal(const char *file, const char *data, gsize len, gsize at,
                           gboolean give_up, char **copy, DiagList *diags)
{
  if (*copy == NULL)
    *copy = g_memdup2(data, len);
  BibLines lines = {0, 1};
  gsize from = at > 0 ? at - 1 : 0;
  for (gsize i = from; i < len && !give_up; i++) {
    gsize open;
    gboolean counted;
    guint fields;
    if ((*copy)[i] != '@' || !bib_entry_open(*copy, len, i, &open, &counted))
      continue;
    gsize end = bib_entry_end(*copy, len, open, &fields);
    bib_blank(*copy, i, end);
    diag_warning(diags, file, bib_line_at(&lines, *copy, i), 0,
                 "an entry btparse cannot read without stopping the program; left out");
    return;
  }
  bib_blank(*copy, from, len);
  diag_warning(diags, file, bib_line_at(&lines, *copy, from), 0,
               "btparse cannot read on from here without stopping the program; the rest of "
               "the file is left out");
}

/* Parses every entry of @data into @bf, btparse's messages going to @diags. */
static void bib_parse(BibFile *bf, const char *file, const char *data, gsize len, DiagList *diags)
{
  static gboolean initialized;
  if (!initialized) {
    bt_initialize();
    initialized = TRUE;
  }
  /* Values are pasted and expanded here, with a budget. */
  bt_set_stringopts(BTE_REGULAR, BTO_MINIMAL);
  bt_set_stringopts(BTE_MACRODEF, BTO_MINIMAL);
  if (len == 0)
    return;
  /* Old .bib files are Latin-1 or Windows-1252 more often than not. */
  gsize legacy_len = 0;
  g_autofree char *legacy = strutil_legacy_to_utf8(data, len, &legacy_len);
  if (legacy != NULL) {
    diag_warning(diags, file, strutil_invalid_utf8_line(data, len), 0,
                 "not UTF-8: read as Windows-1252");
    data = legacy;
    len = legacy_len;
  }
  g_autofree char *copy = bib_guard(file, data, len, diags);
  gsize fatal_at;
  for (guint dropped = 0; !bib_probe(file, copy != NULL ? copy : data, len, &fatal_at);
       dropped++) {
    if (dropped > BIB_MAX_FATAL) {
      fatal_at = 0; /* what is left still stops it: nothing is read */
    }
    bib_drop_fatal(file, data, len, fatal_at, dropped >= BIB_MAX_FATAL, &copy, diags);
  }
  BibSink sink = {.diags = diags, .file = file};
  bib_sink = &sink;
  bib_run(bf, file, copy != NULL ? copy : data, len, -1);
  bib_sink = NULL;
}

static ModelCv *bib_read(ReaderSource *src, const ReaderOptions *opts, DiagList *diags)
{
  ReadCtx c;
  reader_context_init(&c, reader_source_name(src), opts, diags);
  BibFile bf = {.c = &c};
  bf.macros = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  bf.entries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  bf.list = g_ptr_array_new_with_free_func(bib_entry_free);
  gsize len;
  const char *data = reader_source_bytes(src, &len);
  bib_parse(&bf, reader_source_name(src), data, len, diags);
  /* An entry others take their fields from (@proceedings of a crossref) is a volume, not
   * a publication of the CV's owner. */
  for (guint i = 0; i < bf.list->len; i++) {
    const char *ref = bib_field(g_ptr_array_index(bf.list, i), "crossref");
    if (ref == NULL)
      continue;
    g_autofree char *key = g_ascii_strdown(ref, -1);
    g_strstrip(key);
    BibEntry *parent = g_hash_table_lookup(bf.entries, key);
    if (parent != NULL)
      parent->crossref_target = TRUE;
  }
  ModelCv *cv = model_cv_new(reader_source_name(src));
  reader_set_language(&c, cv, opts, NULL);
  for (guint i = 0; i < bf.list->len && !c.over_limit; i++) {
    const BibEntry *e = g_ptr_array_index(bf.list, i);
    if (e->crossref_target)
      continue;
    ModelMilestone *m = bib_milestone(&bf, e);
    if (m != NULL)
      g_ptr_array_add(cv->milestones, m);
  }
  if (!readctx_failed(&c) && cv->milestones->len == 0)
    diag_error(diags, reader_source_name(src), 1, 1,
               "nothing to draw: no entry with a title and a year (of %u entries)", bf.list->len);
  g_ptr_array_unref(bf.list);
  g_hash_table_unref(bf.entries);
  g_hash_table_unref(bf.macros);
  if (readctx_failed(&c)) {
    model_cv_free(cv);
    return NULL;
  }
  model_cv_sort_milestones(cv);
  cv->today = c.today;
  return cv;
}

/* SURE when the first thing after blank lines and %-comments is an entry: "@word{" or
 * "@word(". LIKELY for a .bib file whose entries start further down. */
static guint bib_detect(ReaderSource *src)
{
  gsize len;
  const char *data = reader_source_bytes(src, &len);
  gsize i = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  gboolean first = TRUE;
  while (i < len) {
    while (i < len && g_ascii_isspace(data[i]))
      i++;
    if (i < len && data[i] == '%') {
      while (i < len && data[i] != '\n')
        i++;
      continue;
    }
    if (i < len && data[i] == '@') {
      gsize j = i + 1;
      while (j < len && g_ascii_isspace(data[j]))
        j++;
      gsize word = j;
      while (j < len && (g_ascii_isalnum(data[j]) || data[j] == '_' || data[j] == '-'))
        j++;
      while (j < len && g_ascii_isspace(data[j]))
        j++;
      if (j > word && j < len && (data[j] == '{' || data[j] == '('))
        return first ? READER_DETECT_SURE : READER_DETECT_LIKELY;
    }
    if (!g_str_has_suffix(reader_source_name(src), ".bib") || i >= len || i > 65536)
      return READER_DETECT_NO;
    /* Text before the first entry is a comment to BibTeX: look on from the next line. */
    first = FALSE;
    while (i < len && data[i] != '\n')
      i++;
  }
  return READER_DETECT_NO;
}

const ReaderFormat reader_format_bibtex = {
    .name = "bibtex",
    .description = "BibTeX or biblatex file: publications as milestones",
    .detect = bib_detect,
    .read = bib_read,
};
