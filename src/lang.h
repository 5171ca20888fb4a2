/* lang: the chart's languages (doc/languages.md): one catalog per language of the words
 * the chart writes (group names, month names on the axis and in descriptions, "today",
 * "present", "about", spans) and of the words a CV may be written with (month names,
 * seasons, "present"). Tables only: no locale, no gettext, nothing read from the system,
 * so that the output depends on the CV and the options alone. */
#pragma once

#include <glib.h>

/* A language: a built-in catalog, or one with some words replaced (RenderCV's `locale:`).
 * Opaque; the built-in ones are static (lang_find), the others are made by lang_copy. */
typedef struct Lang Lang;

/* The words and patterns a chart writes. A pattern holds placeholders, a letter in braces
 * ("{a} to {b}"), that lang_expand fills. */
typedef enum {
  LANG_GROUP_JOBS, /* the built-in groups' names, as CV section titles */
  LANG_GROUP_EDUCATION,
  LANG_GROUP_VISITING,
  LANG_TODAY,          /* the today line's label */
  LANG_PRESENT,        /* the open end of an ongoing span, {p} in LANG_ONGOING */
  LANG_UNTITLED,       /* an item with no name */
  LANG_MILESTONES,     /* the milestones' heading in the alt text; the track's name */
  LANG_AND,            /* between an entry's periods, spaces included: " and " */
  LANG_YEAR,           /* {y}: "2019", "2019年" */
  LANG_MONTH_YEAR,     /* {m} a month's date form (lang_date_month), {y}: "Mar 2019" */
  LANG_DAY_MONTH_YEAR, /* {d} {m} {y}: "3 Mar 2019" */
  LANG_SEASON_YEAR,    /* {s} (lang_season) {y}: "summer 2015" */
  LANG_ABOUT,          /* {x} an approximate date: "about 2004" */
  LANG_SPAN,           /* {a} {b}: "2010 to Aug 2016" */
  LANG_ONGOING,        /* {a} {p}: "Mar 2015 to present" */
  LANG_DAYS_SPAN,      /* {d} the first day, {b} the last date, within one month: "3 to 14
                          Mar 2019"; "" where the language says both dates in full */
  LANG_TIMELINE,       /* the alt text's subject without a name: "Career timeline" */
  LANG_TIMELINE_OF,    /* {n} the name: "Ada Lovelace: career timeline" */
  LANG_YEARS,          /* {a} {b} years (LANG_YEAR): " from 2010 to 2020" */
  LANG_ONE_YEAR,       /* {y} (LANG_YEAR): ", 2019" */
  LANG_ROLE_OF,        /* {i} {n}: "Role 2 of 5" */
  LANG_AFTER,          /* {t} the role before: "after Resident" */
  LANG_BEFORE,         /* {t} the role after: "before Director" */
  LANG_COLON,          /* punctuation of the alt text and tooltips, spaces included: ": " */
  LANG_COMMA,          /* ", " */
  LANG_SEMICOLON,      /* "; " */
  LANG_STOP,           /* "." at the end of a sentence */
  /* Lengths of time (date_words_length). A count word holds its plural forms, "|"-separated
   * in CLDR's order (one|other; Polish one|few|many), of which lang_expand_count picks one. */
  LANG_N_YEARS,      /* {n}: "4 y" */
  LANG_N_MONTHS,     /* {n}: "2 m" */
  LANG_N_DAYS,       /* {n}: "18 d" */
  LANG_LENGTH_JOIN,  /* between a length's parts: " " ("4 y 2 m"); "" in Chinese and Japanese */
  LANG_ABOUT_LENGTH, /* {x} an approximate length: "about 2 y 7 m" (LANG_ABOUT is for dates) */
  /* The career summary's text (doc/summary.md "Text"). */
  LANG_ASIDE,            /* {x} said in passing, its space included: " (10 m)" */
  LANG_SUMMARY,          /* its heading for a CV without a name: "Career summary" */
  LANG_SUMMARY_OF,       /* {n} the name: "Ada Lovelace: career summary" */
  LANG_SUMMARY_TODAY,    /* {d} today: "Periods still going on are counted to today, {d}." */
  LANG_SUMMARY_RANGE,    /* {a} {b}: "Counted only from {a} to {b} (--from/--to)." */
  LANG_SUMMARY_GROUPS,   /* {g} the group names: "Groups counted: {g}." */
  LANG_SUMMARY_WHOLE,    /* the scope of every group together: "Whole CV" */
  LANG_SUMMARY_EMPTY,    /* a scope with no day: "nothing to count" */
  LANG_SUMMARY_LONGEST,  /* "Longest tenure" */
  LANG_SUMMARY_OVERLAPS, /* "Two or more at once" */
  LANG_SUMMARY_UP_TO,    /* {n}: "up to 3 at once" */
  LANG_SUMMARY_GAPS,     /* {t} the --gap length: "Gaps longer than 6 m" */
  LANG_SUMMARY_NONE,     /* after LANG_SUMMARY_OVERLAPS or _GAPS: "none" */
  LANG_SUMMARY_AROUND,   /* {a} {b} what ended before a gap and began after it */
  LANG_SUMMARY_NOTE,     /* {x} LANG_ABOUT_LENGTH's word: what "about" means */
  /* The career summary on the chart (doc/summary.md "On the chart"). */
  LANG_GAP,  /* a gap band's tooltip: "Gap: Nov 2008 to Aug 2009 (10 m)" */
  LANG_GAPS, /* the alt text's list of a group's gaps: "Gaps: ..." */
  LANG_N_WORDS
} LangWord;

/* ---- The catalogs ---- */

/* The number of built-in languages, and the @i-th (0 <= @i < lang_count(), in the order
 * of doc/languages.md; English is the first). Static. */
guint lang_count(void);
const Lang *lang_nth(guint i);

/* English, the language of a CV that names none. Static. */
const Lang *lang_english(void);

/* The built-in language @name names, or NULL: a language tag or code in any case
 * ("de", "de-AT", "pt_BR", "zh-Hans"; its first subtag decides), the language's English
 * name or its own name ("German", "Deutsch"), or RenderCV's name for it
 * ("mandarin_chinese"). Static. */
const Lang *lang_find(const char *name);

/* The built-in codes joined by ", " ("en, de, fr, ..."). A new string owned by the caller. */
char *lang_codes(void);

/* A language's code ("de"), its own name ("Deutsch") and its English name ("German"),
 * as in the catalog it is based on; @lang NULL means English. Static strings. */
const char *lang_code(const Lang *lang);
const char *lang_name(const Lang *lang);
const char *lang_english_name(const Lang *lang);

/* ---- Writing ---- */

/* The word or pattern @word of @lang (NULL: English); never NULL. Owned by @lang. */
const char *lang_word(const Lang *lang, LangWord word);

/* Month @month (1..12) as a tick label on its own (CLDR's stand-alone abbreviation: "Mär")
 * and inside a date (the format abbreviation CLDR's yMMM pattern uses: "März 2019"); "?"
 * for another number. Owned by @lang. */
const char *lang_axis_month(const Lang *lang, int month);
const char *lang_date_month(const Lang *lang, int month);

/* The name of season @season (0 winter, 1 spring, 2 summer, 3 autumn) inside a date. */
const char *lang_season(const Lang *lang, int season);

/* Appends the count word @word of @lang with {n} replaced by @n, in the plural form
 * @lang's rule (CLDR's cardinal plural rules) picks for @n: "1 an", "2 ans"; "1 rok",
 * "2 lata", "5 lat". A word with one form is that form for every number. */
void lang_expand_count(GString *out, const Lang *lang, LangWord word, gint64 n);

/* Appends an item's name in running text, "title, org" (LANG_COMMA), whichever of the
 * two there is, or LANG_UNTITLED: the alt text's and the tooltips' form. */
void lang_append_name(GString *out, const Lang *lang, const char *title, const char *org);

/* Appends an item's name as the chart's labels join it, "title · org" (LANG_LABEL_JOIN),
 * whichever there is, or LANG_UNTITLED: the form for lists whose items are separated by
 * commas (the summary's), since an organisation's name may hold a comma itself. */
#define LANG_LABEL_JOIN " \xc2\xb7 "
void lang_append_label(GString *out, const Lang *lang, const char *title, const char *org);

/* Appends @pattern to @out with each placeholder {X} replaced by the value given for
 * letter X in the (letter, const char *value) pairs that follow, ended by a 0 letter.
 * A placeholder with no value given is left out; any other text is copied. */
void lang_expand(GString *out, const char *pattern, ...);

/* ---- Reading ---- */

/* @text as the catalogs compare words: decomposed, case-folded, without combining marks,
 * dotless i as i, a typographic apostrophe as "'" ("März" -> "marz", "AĞUSTOS" ->
 * "agustos"). Independent of the locale. A new string owned by the caller. */
char *lang_fold(const char *text);

/* The month (1..12) that the folded word @folded names in @lang (NULL: English): a full
 * name (either case form), an abbreviation (without its dot) or a common variant; else 0. */
int lang_read_month(const Lang *lang, const char *folded);

/* The season (0 winter .. 3 autumn) the folded word @folded names in @lang, else -1. */
int lang_read_season(const Lang *lang, const char *folded);

/* Whether the folded text @folded is one of @lang's words or phrases for an end that is
 * still open ("present", "heute", "en cours", "至今"). */
gboolean lang_read_present(const Lang *lang, const char *folded);

/* The folded word that may stand between a month and its year ("de" in "marzo de 2019"),
 * or NULL. */
const char *lang_year_joiner(const Lang *lang);

/* ---- Languages with some words replaced ---- */

/* A new language equal to @lang (NULL: English), owned by the caller; free with
 * lang_free, which accepts NULL. */
Lang *lang_copy(const Lang *lang);
void lang_free(Lang *lang);

/* Replaces the month names of @lang: @names (full, may be NULL) are then read too,
 * @abbreviations (may be NULL) are written on the axis and in dates and read too. Each a
 * NULL or 12 strings, copied. */
void lang_set_months(Lang *lang, const char *const *names, const char *const *abbreviations);

/* Replaces the word for the open end (written, and read too); copied. */
void lang_set_present(Lang *lang, const char *present);

/* Replaces the word between a span's two ends ("{a} TO {b}"); copied. */
void lang_set_to(Lang *lang, const char *to);

/* Whether two languages write and read the same words. */
gboolean lang_equal(const Lang *a, const Lang *b);
