/* Dates of the CV format (doc/cv-format.md "Dates" and "Periods"): a small hand-written
 * scanner; day numbers are GDate's (its Julian days), worked out here. No clock, no
 * locale: month, season and present words come from lang.c's catalogs (the CV's
 * language, then English), matched folded (any case, accents optional). */
#include "date.h"

#include <string.h>

/* Longer texts cannot be a date; refusing them early keeps the scanner trivially bounded. */
#define DATE_MAX_TEXT 80

#define YEAR_MIN 1000
#define YEAR_MAX 9999

/* GDate's day number of 0001-01-01 less the days from 0000-03-01 (the start of the era
 * below) to it: the civil-day arithmetic counts years from March, so that the leap day
 * ends a year (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"). A GDate per
 * conversion cost a 10,000-entry chart 6 % of its instructions. */
#define DATE_ERA_OFFSET (-305)
/* The last day a GDate can hold: 65535-12-31. */
#define DATE_DAY_LAST 23936166

static gboolean date_is_leap(int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* The days of @month (1 to 12) in @year, as GDate counts them (the Gregorian calendar
 * throughout). */
static int date_days_in_month(int year, int month)
{
  static const guint8 days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && date_is_leap(year) ? 29 : days[month - 1];
}

DateDay date_from_ymd(int year, int month, int day)
{
  /* The days a GDate holds (g_date_valid_dmy), checked here: a chart converts some
   * dates a million times. */
  if (year < 1 || year > G_MAXUINT16 || month < 1 || month > 12 || day < 1 ||
      day > date_days_in_month(year, month))
    return 0;
  int y = month <= 2 ? year - 1 : year;
  int era = y / 400; /* y >= 0 */
  int yoe = y - era * 400;
  int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (DateDay)(era * 146097 + doe + DATE_ERA_OFFSET);
}

void date_to_ymd(DateDay day, int *year, int *month, int *day_of_month)
{
  int y = 0, m = 0, dd = 0;
  if (day > 0 && day <= DATE_DAY_LAST) {
    int z = day - DATE_ERA_OFFSET;
    int era = z / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    dd = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = yoe + era * 400 + (m <= 2);
  } else if (day > 0) {
    /* Past the last day a GDate holds: what GDate makes of it, as before. */
    GDate d;
    g_date_clear(&d, 1);
    g_date_set_julian(&d, (guint32)day);
    y = g_date_get_year(&d);
    m = g_date_get_month(&d);
    dd = g_date_get_day(&d);
  }
  if (year)
    *year = y;
  if (month)
    *month = m;
  if (day_of_month)
    *day_of_month = dd;
}

const char *date_format_iso(DateDay day, char *buf)
{
  int y, m, d;
  date_to_ymd(day, &y, &m, &d);
  g_snprintf(buf, DATE_ISO_SIZE, "%04d-%02d-%02d", y, m, d);
  return buf;
}

double date_to_year_fraction(DateDay day)
{
  int y, m, d;
  date_to_ymd(day, &y, &m, &d);
  if (y == 0)
    return 0.0;
  DateDay jan1 = date_from_ymd(y, 1, 1);
  double len = date_is_leap(y) ? 366.0 : 365.0;
  return y + (day - jan1) / len;
}

static DateDay last_of_month(int year, int month)
{
  return month >= 1 && month <= 12 ? date_from_ymd(year, month, date_days_in_month(year, month))
                                   : 0;
}

void date_named_span(DateDay day, DatePrecision precision, DateDay *first, DateDay *last)
{
  int y, m, d;
  date_to_ymd(day, &y, &m, &d);
  DateDay a = day, b = day;
  if (y > 0) {
    switch (precision) {
    case DATE_PREC_DAY:
      break;
    case DATE_PREC_MONTH:
      a = date_from_ymd(y, m, 1);
      b = last_of_month(y, m);
      break;
    case DATE_PREC_SEASON: {
      int sy;
      int season = date_season_of(day, &sy); /* 0 winter: December to February */
      int fm = season == 0 ? 12 : season * 3;
      int lm = fm == 12 ? 2 : fm + 2;
      a = date_from_ymd(sy, fm, 1);
      b = last_of_month(fm == 12 ? sy + 1 : sy, lm);
      break;
    }
    case DATE_PREC_YEAR:
      a = date_from_ymd(y, 1, 1);
      b = date_from_ymd(y, 12, 31);
      break;
    case DATE_PREC_ACADEMIC: {
      /* A day from July on belongs to the academic year its September starts. */
      int sy = m >= 7 ? y : y - 1;
      a = date_from_ymd(sy, 9, 1);
      b = date_from_ymd(sy + 1, 6, 30);
      break;
    }
    }
  }
  /* At the calendar's edges (year 1, GDate's last year) keep the day itself. */
  if (first)
    *first = a ? a : day;
  if (last)
    *last = b ? b : day;
}

/* ---- the scanner ---- */

typedef struct {
  const char *p;
  const Lang *lang; /* whose month, season and present words are read */
} Scan;

static void skip_spaces(Scan *s)
{
  while (*s->p == ' ' || *s->p == '\t')
    s->p++;
}

/* Reads between @min and @max ASCII digits; FALSE (without moving) otherwise. */
static gboolean scan_number(Scan *s, int min, int max, int *out)
{
  int n = 0, value = 0;
  while (n < max && g_ascii_isdigit(s->p[n])) {
    value = value * 10 + (s->p[n] - '0');
    n++;
  }
  if (n < min || g_ascii_isdigit(s->p[n]))
    return FALSE;
  s->p += n;
  *out = value;
  return TRUE;
}

/* Reads a run of letters (any script: "März", "août", "Şubat"), with the combining marks
 * and apostrophes inside it, into @word (size @size); FALSE when there is none or it does
 * not fit. */
static gboolean scan_word(Scan *s, char *word, gsize size)
{
  const char *p = s->p;
  while (*p != '\0') {
    gunichar c = g_utf8_get_char_validated(p, -1);
    if (c == (gunichar)-1 || c == (gunichar)-2)
      return FALSE;
    GUnicodeType t = g_unichar_type(c);
    gboolean mark = t == G_UNICODE_NON_SPACING_MARK || t == G_UNICODE_SPACING_MARK;
    gboolean apostrophe = (c == '\'' || c == 0x2019) && p > s->p;
    if (!g_unichar_isalpha(c) && !mark && !apostrophe)
      break;
    p = g_utf8_next_char(p);
  }
  gsize n = (gsize)(p - s->p);
  if (n == 0 || n >= size)
    return FALSE;
  memcpy(word, s->p, n);
  word[n] = '\0';
  s->p = p;
  return TRUE;
}

const char *date_month_abbrev(int month)
{
  return lang_date_month(lang_english(), month);
}

typedef enum { SEASON_NONE, SEASON_SPRING, SEASON_SUMMER, SEASON_AUTUMN, SEASON_WINTER } Season;

/* lang.h counts seasons from winter. */
static Season season_of_index(int index)
{
  static const Season seasons[] = {SEASON_WINTER, SEASON_SPRING, SEASON_SUMMER, SEASON_AUTUMN};
  return index >= 0 && index < 4 ? seasons[index] : SEASON_NONE;
}

int date_season_of(DateDay day, int *year)
{
  int y, m, d;
  date_to_ymd(day, &y, &m, &d);
  /* Winter 2015 runs into February 2016. */
  *year = m <= 2 ? y - 1 : y;
  return (m % 12) / 3;
}

static gboolean valid_year(int year)
{
  return year >= YEAR_MIN && year <= YEAR_MAX;
}

static gboolean set_named(DateValue *out, DateDay day, DatePrecision precision)
{
  if (day == 0)
    return FALSE;
  date_named_span(day, precision, &out->first, &out->last);
  out->precision = precision;
  return TRUE;
}

static gboolean set_year(DateValue *out, int year)
{
  return set_named(out, date_from_ymd(year, 1, 1), DATE_PREC_YEAR);
}

static gboolean set_day(DateValue *out, int year, int month, int day)
{
  return set_named(out, date_from_ymd(year, month, day), DATE_PREC_DAY);
}

static gboolean set_month(DateValue *out, int year, int month)
{
  if (!valid_year(year) || month < 1 || month > 12)
    return FALSE;
  return set_named(out, date_from_ymd(year, month, 1), DATE_PREC_MONTH);
}

static gboolean set_season(DateValue *out, int year, Season season)
{
  if (!valid_year(year))
    return FALSE;
  static const int first_month[] = {
      [SEASON_SPRING] = 3, [SEASON_SUMMER] = 6, [SEASON_AUTUMN] = 9, [SEASON_WINTER] = 12};
  /* Winter 2015 runs into 2016: the last year cannot start a winter, its end would lie
   * outside the accepted years. */
  if (season == SEASON_NONE || (season == SEASON_WINTER && year + 1 > YEAR_MAX))
    return FALSE;
  return set_named(out, date_from_ymd(year, first_month[season], 1), DATE_PREC_SEASON);
}

/* `Aug 2019`, `August, 2019`, `Aug. 2019`, `summer 2015`, `present`, in @s->lang's words
 * ("März 2019", "marzo de 2019", "heute", "en cours"); @s is after the marker. */
static gboolean parse_words(Scan *s, DateValue *out)
{
  g_autofree char *rest = lang_fold(s->p);
  if (lang_read_present(s->lang, rest)) {
    out->present = TRUE;
    out->precision = DATE_PREC_DAY;
    return TRUE;
  }
  char word[48];
  if (!scan_word(s, word, sizeof word))
    return FALSE;
  g_autofree char *folded = lang_fold(word);
  int month = lang_read_month(s->lang, folded);
  Season season = month ? SEASON_NONE : season_of_index(lang_read_season(s->lang, folded));
  if (!month && season == SEASON_NONE)
    return FALSE;
  /* An abbreviation may carry its dot ("Aug.", "févr."), a name its comma ("August, 2019"). */
  if (month && *s->p == '.' && g_utf8_strlen(word, -1) <= 4)
    s->p++;
  if (*s->p == ',')
    s->p++;
  if (*s->p != ' ' && *s->p != '\t')
    return FALSE;
  skip_spaces(s);
  /* "marzo de 2019", "verão de 2015". */
  const char *joiner = lang_year_joiner(s->lang);
  gsize jn = joiner ? strlen(joiner) : 0;
  if (jn > 0 && g_ascii_strncasecmp(s->p, joiner, jn) == 0 &&
      (s->p[jn] == ' ' || s->p[jn] == '\t')) {
    s->p += jn;
    skip_spaces(s);
  }
  int year;
  if (!scan_number(s, 4, 4, &year) || *s->p != '\0')
    return FALSE;
  return month ? set_month(out, year, month) : set_season(out, year, season);
}

/* Skips @marker (UTF-8) and the spaces after it; FALSE (without moving) when @s is not at it. */
static gboolean scan_marker(Scan *s, const char *marker)
{
  gsize n = strlen(marker);
  if (strncmp(s->p, marker, n) != 0)
    return FALSE;
  s->p += n;
  skip_spaces(s);
  return TRUE;
}

/* The Chinese and Japanese forms after the year and its 年: `2019年`, `2019年3月`,
 * `2019年3月15日`, `2019年夏` (or 夏季, 夏天); spaces between the parts allowed. Digits
 * with markers cannot be misread, so they are read whatever the CV's language. */
static gboolean parse_cjk(Scan *s, int year, DateValue *out)
{
  static const struct {
    const char *name;
    Season season;
  } seasons[] = {
      {"春", SEASON_SPRING}, {"夏", SEASON_SUMMER}, {"秋", SEASON_AUTUMN}, {"冬", SEASON_WINTER}};
  if (*s->p == '\0')
    return set_year(out, year);
  for (gsize i = 0; i < G_N_ELEMENTS(seasons); i++)
    if (scan_marker(s, seasons[i].name)) {
      if (!scan_marker(s, "季"))
        scan_marker(s, "天");
      return *s->p == '\0' && set_season(out, year, seasons[i].season);
    }
  int month, day;
  if (!scan_number(s, 1, 2, &month))
    return FALSE;
  skip_spaces(s);
  if (!scan_marker(s, "月"))
    return FALSE;
  if (*s->p == '\0')
    return set_month(out, year, month);
  if (!scan_number(s, 1, 2, &day))
    return FALSE;
  skip_spaces(s);
  if (!scan_marker(s, "日") || *s->p != '\0')
    return FALSE;
  return set_day(out, year, month, day);
}

/* `2019`, `2019-08`, `2019-08-15`, `08/2019`; @s is after the marker. */
static gboolean parse_numeric(Scan *s, DateValue *out)
{
  int a;
  if (!scan_number(s, 1, 4, &a))
    return FALSE;
  if (*s->p == '/') {
    s->p++;
    int year;
    if (a > 99 || !scan_number(s, 4, 4, &year) || *s->p != '\0')
      return FALSE;
    return set_month(out, year, a);
  }
  if (!valid_year(a))
    return FALSE;
  if (*s->p == '\0')
    return set_year(out, a);
  Scan cjk = *s;
  skip_spaces(&cjk);
  if (scan_marker(&cjk, "年")) {
    *s = cjk;
    return parse_cjk(s, a, out);
  }
  int month, day;
  if (*s->p != '-')
    return FALSE;
  s->p++;
  if (!scan_number(s, 1, 2, &month))
    return FALSE;
  if (*s->p == '\0')
    return set_month(out, a, month);
  if (*s->p != '-')
    return FALSE;
  s->p++;
  if (!scan_number(s, 1, 2, &day) || *s->p != '\0')
    return FALSE;
  return set_day(out, a, month, day);
}

/* Copies @text without surrounding white space; NULL when too long to be a date. */
static char *trimmed_copy(const char *text, gsize len)
{
  if (len > DATE_MAX_TEXT)
    return NULL;
  return g_strstrip(g_strndup(text, len));
}

/* Reads the `~` / `c.` marker, if any. */
static gboolean scan_approx(Scan *s)
{
  if (*s->p == '~') {
    s->p++;
    skip_spaces(s);
    return TRUE;
  }
  if ((s->p[0] == 'c' || s->p[0] == 'C') && s->p[1] == '.') {
    s->p += 2;
    skip_spaces(s);
    return TRUE;
  }
  return FALSE;
}

/* One attempt in one language's words. */
static gboolean parse_trimmed_in(const char *text, const Lang *lang, DateValue *out)
{
  DateValue v = {0};
  Scan s = {text, lang};
  v.approximate = scan_approx(&s);
  gboolean ok = g_ascii_isdigit(*s.p) ? parse_numeric(&s, &v) : parse_words(&s, &v);
  if (ok)
    *out = v;
  return ok;
}

/* @lang's words first, then English's (a German CV may still write "Aug 2019"). */
static gboolean parse_trimmed(const char *text, const Lang *lang, DateValue *out)
{
  if (parse_trimmed_in(text, lang, out))
    return TRUE;
  return lang != NULL && lang != lang_english() && parse_trimmed_in(text, lang_english(), out);
}

static gboolean parse_len(const char *text, gsize len, const Lang *lang, DateValue *out)
{
  g_autofree char *t = trimmed_copy(text, len);
  return t != NULL && parse_trimmed(t, lang, out);
}

gboolean date_parse_in(const char *text, const Lang *lang, DateValue *out)
{
  if (text == NULL)
    return FALSE;
  return parse_len(text, strlen(text), lang, out);
}

gboolean date_parse(const char *text, DateValue *out)
{
  return date_parse_in(text, NULL, out);
}

/* `2005/06` or `2005/2006`, optionally approximate: 1 Sep to 30 Jun. */
static gboolean parse_academic(const char *text, DateValue *start, DateValue *end)
{
  Scan s = {text};
  gboolean approx = scan_approx(&s);
  int year, next;
  if (!scan_number(&s, 4, 4, &year) || *s.p != '/')
    return FALSE;
  s.p++;
  const char *digits = s.p;
  if (!scan_number(&s, 2, 4, &next) || *s.p != '\0')
    return FALSE;
  gsize n = (gsize)(s.p - digits);
  if (!valid_year(year) || !valid_year(year + 1))
    return FALSE;
  if (!((n == 2 && next == (year + 1) % 100) || (n == 4 && next == year + 1)))
    return FALSE;
  /* Both ends name the whole academic year, as a single date names its whole span. */
  DateValue a = {.approximate = approx};
  set_named(&a, date_from_ymd(year, 9, 1), DATE_PREC_ACADEMIC);
  *start = a;
  *end = a;
  return TRUE;
}

/* Where a range separator starts in @t, and its length; FALSE when there is none. */
static gboolean find_separator(const char *t, gsize *at, gsize *len)
{
  static const char *const separators[] = {"..", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " - ", " to "};
  g_autofree char *lower = g_ascii_strdown(t, -1);
  for (gsize i = 0; i < G_N_ELEMENTS(separators); i++) {
    const char *hit = strstr(lower, separators[i]);
    if (hit) {
      *at = (gsize)(hit - lower);
      *len = strlen(separators[i]);
      return TRUE;
    }
  }
  return FALSE;
}

/* The length of the hyphen, en dash or em dash at @p, or 0. */
static gsize dash_length(const char *p)
{
  if (*p == '-')
    return 1;
  if (p[0] == '\xe2' && p[1] == '\x80' && (p[2] == '\x93' || p[2] == '\x94'))
    return 3;
  return 0;
}

/* A range's end written as two digits after a year ("2016-19", "2012 - 13"): the year
 * they name, the first such year not before @start_year and less than 50 years after
 * it. FALSE when @t is not exactly two digits or no such year exists. */
static gboolean parse_two_digit_year(const char *t, int start_year, DateValue *out)
{
  if (strlen(t) != 2 || !g_ascii_isdigit(t[0]) || !g_ascii_isdigit(t[1]))
    return FALSE;
  int year = start_year - start_year % 100 + (t[0] - '0') * 10 + (t[1] - '0');
  if (year < start_year)
    year += 100;
  if (year - start_year >= 50 || !valid_year(year))
    return FALSE;
  *out = (DateValue){0};
  return set_year(out, year);
}

/* The range @t[0..@at) to @t[@at + @len..) in @lang's words: two dates, or a year and two
 * digits. */
static gboolean parse_range(const char *t, gsize at, gsize len, const Lang *lang,
                            DateValue *start, DateValue *end)
{
  DateValue a, b;
  if (!parse_len(t, at, lang, &a))
    return FALSE;
  g_autofree char *right = trimmed_copy(t + at + len, strlen(t + at + len));
  if (right == NULL)
    return FALSE;
  if (!parse_trimmed(right, lang, &b)) {
    int year;
    date_to_ymd(a.first, &year, NULL, NULL);
    if (a.present || a.precision != DATE_PREC_YEAR || !parse_two_digit_year(right, year, &b))
      return FALSE;
  }
  *start = a;
  *end = b;
  return TRUE;
}

gboolean date_parse_period(const char *text, DateValue *start, DateValue *end)
{
  return date_parse_period_in(text, NULL, start, end);
}

gboolean date_parse_period_in(const char *text, const Lang *lang, DateValue *start, DateValue *end)
{
  if (text == NULL)
    return FALSE;
  g_autofree char *t = trimmed_copy(text, strlen(text));
  if (t == NULL)
    return FALSE;
  gsize at, len;
  if (find_separator(t, &at, &len))
    return parse_range(t, at, len, lang, start, end);
  if (parse_academic(t, start, end))
    return TRUE;
  DateValue v;
  if (parse_trimmed(t, lang, &v)) {
    *start = *end = v;
    return TRUE;
  }
  /* A dash without spaces ("2020-2021", "2019–present", "Aug 2019-Dec 2020") or with a
   * space on one side only, or doubled as TeX writes an en dash ("2019--2020"): each run
   * of dashes is tried in turn, since a hyphen may also be inside a date. */
  for (gsize i = 1; t[0] != '\0' && t[i] != '\0';) {
    gsize n = dash_length(t + i);
    if (n == 0) {
      i++;
      continue;
    }
    gsize run = n;
    while ((n = dash_length(t + i + run)) > 0)
      run += n;
    if (parse_range(t, i, run, lang, start, end))
      return TRUE;
    i += run;
  }
  return FALSE;
}

/* ---- Lists of periods ---- */

#define DATE_MAX_LIST_TEXT 400
#define DATE_MAX_LIST_ITEMS 50

/* The season @t names alone ("Spring", "Herbst"), in @lang's words or English's, or
 * SEASON_NONE. */
static Season season_word_alone(const char *t, const Lang *lang)
{
  char word[48];
  Scan s = {t, lang};
  if (!scan_word(&s, word, sizeof word) || *s.p != '\0')
    return SEASON_NONE;
  g_autofree char *folded = lang_fold(word);
  int index = lang_read_season(lang, folded);
  if (index < 0)
    index = lang_read_season(lang_english(), folded);
  return season_of_index(index);
}

/* The season of a value read at season precision, or SEASON_NONE. */
static Season season_of(const DateValue *v)
{
  if (v->present || v->precision != DATE_PREC_SEASON)
    return SEASON_NONE;
  int year;
  return season_of_index(date_season_of(v->first, &year));
}

/* The length of the list separator @and (a word such as "and" or "und", or a mark such
 * as "、") at @p in @text, or 0. A word is matched in any ASCII case, between spaces (or
 * at the start). */
static gsize and_length(const char *text, const char *p, const char *and)
{
  gsize n = strlen(and);
  if (n == 0)
    return 0;
  if (!g_ascii_isalpha(and[0]))
    return strncmp(p, and, n) == 0 ? n : 0;
  if ((p == text || p[-1] == ' ') && g_ascii_strncasecmp(p, and, n) == 0 && p[n] == ' ')
    return n;
  return 0;
}

/* Splits @text at `,`, `;`, `&`, the word `and` and @lang's word for it (LANG_AND: "und",
 * "et", "、") into trimmed items (empty ones left out). A new array of new strings. */
static GPtrArray *split_list(const char *text, const Lang *lang)
{
  g_autofree char *own = g_strstrip(g_strdup(lang_word(lang, LANG_AND)));
  GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
  GString *item = g_string_new(NULL);
  for (const char *p = text;; p++) {
    gsize and = and_length(text, p, "and");
    if (and == 0)
      and = and_length(text, p, own);
    if (*p == '\0' || *p == ',' || *p == ';' || *p == '&' || and > 0) {
      g_strstrip(item->str);
      if (item->str[0] != '\0')
        g_ptr_array_add(items, g_strdup(item->str));
      g_string_truncate(item, 0);
      if (*p == '\0')
        break;
      if (and > 0)
        p += and - 1;
      continue;
    }
    g_string_append_c(item, *p);
  }
  g_string_free(item, TRUE);
  return items;
}

GArray *date_parse_periods(const char *text)
{
  return date_parse_periods_in(text, NULL);
}

GArray *date_parse_periods_in(const char *text, const Lang *lang)
{
  if (text == NULL || strlen(text) > DATE_MAX_LIST_TEXT)
    return NULL;
  GArray *out = g_array_new(FALSE, FALSE, sizeof(DatePeriod));
  DatePeriod p;
  if (date_parse_period_in(text, lang, &p.start, &p.end)) {
    g_array_append_val(out, p);
    return out;
  }
  g_autoptr(GPtrArray) items = split_list(text, lang);
  gboolean ok = items->len >= 2 && items->len <= DATE_MAX_LIST_ITEMS;
  for (guint i = 0; ok && i < items->len; i++) {
    const char *item = g_ptr_array_index(items, i);
    int year;
    Scan s = {item, lang};
    Season season =
        out->len > 0 ? season_of(&g_array_index(out, DatePeriod, out->len - 1).end) : SEASON_NONE;
    /* "Summer 2019 and 2020": a bare year after a season is that season. */
    gboolean bare_year = scan_number(&s, 4, 4, &year) && *s.p == '\0';
    if (!(bare_year && season != SEASON_NONE) &&
        date_parse_period_in(item, lang, &p.start, &p.end)) {
      g_array_append_val(out, p);
      continue;
    }
    ok = bare_year && season != SEASON_NONE;
    if (!ok && (season = season_word_alone(item, lang)) != SEASON_NONE) {
      /* "Spring and Fall 2019": a season alone takes the year of the next dated item. */
      for (guint k = i + 1; k < items->len && !ok; k++) {
        DatePeriod next;
        if (date_parse_period_in(g_ptr_array_index(items, k), lang, &next.start, &next.end) &&
            !next.start.present) {
          date_to_ymd(next.start.first, &year, NULL, NULL);
          ok = TRUE;
        }
      }
    }
    if (ok) {
      DateValue v = {0};
      ok = set_season(&v, year, season);
      p.start = p.end = v;
      g_array_append_val(out, p);
    }
  }
  if (!ok) {
    g_array_unref(out);
    return NULL;
  }
  return out;
}

/* ---- Days that do not exist ---- */

gboolean date_day_past_end(int year, int month, int day, DateValue *clamped)
{
  if (!valid_year(year) || month < 1 || month > 12 || day < 1)
    return FALSE;
  if (day <= g_date_get_days_in_month((GDateMonth)month, (GDateYear)year))
    return FALSE;
  if (clamped != NULL)
    *clamped = (DateValue){.first = last_of_month(year, month),
                           .last = last_of_month(year, month),
                           .precision = DATE_PREC_DAY};
  return TRUE;
}

gboolean date_day_overflow(const char *text, DateValue *clamped)
{
  if (text == NULL)
    return FALSE;
  g_autofree char *t = trimmed_copy(text, strlen(text));
  if (t == NULL)
    return FALSE;
  Scan s = {t, NULL};
  gboolean approx = scan_approx(&s);
  int year, month, day;
  if (!scan_number(&s, 4, 4, &year) || *s.p++ != '-' || !scan_number(&s, 1, 2, &month) ||
      *s.p++ != '-' || !scan_number(&s, 1, 2, &day) || *s.p != '\0')
    return FALSE;
  if (day > 31 || !date_day_past_end(year, month, day, clamped))
    return FALSE;
  if (clamped != NULL)
    clamped->approximate = approx;
  return TRUE;
}

/* A length's bounds: 9999 years, as months and as days. */
#define MAX_LENGTH_MONTHS (9999 * 12)
#define MAX_LENGTH_DAYS (9999 * 366)

gboolean date_parse_length(const char *text, DateLength *out)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  gint64 months = 0, days = 0;
  for (const char *p = text; *p;) {
    if (!g_ascii_isdigit(*p))
      return FALSE;
    gint64 n = 0;
    while (g_ascii_isdigit(*p) && n <= MAX_LENGTH_DAYS)
      n = n * 10 + (*p++ - '0');
    switch (g_ascii_tolower(*p)) {
    case 'd':
      days += n;
      break;
    case 'w':
      days += 7 * n;
      break;
    case 'm':
      months += n;
      break;
    case 'y':
      months += 12 * n;
      break;
    default:
      return FALSE;
    }
    p++;
    if (months > MAX_LENGTH_MONTHS || days > MAX_LENGTH_DAYS)
      return FALSE;
  }
  out->months = (int)months;
  out->days = (int)days;
  return TRUE;
}
