/* date_words: dates, spans and lengths in a catalog's words (date_words.h), at the
 * precision the CV gave (doc/cv-format.md "Dates"). Shared by describe.c and summary.c,
 * so that a span reads the same in a tooltip, in the alt text and in --summary. */
#include "date_words.h"

#include "strutil.h"

/* The date without its approximate marker. */
static void exact_words(GString *out, const Lang *lang, DateDay day, DatePrecision precision)
{
  int y, m, d;
  date_to_ymd(day, &y, &m, &d);
  if (y < 1) {
    g_string_append(out, "?");
    return;
  }
  /* Not g_snprintf: a 10,000-entry chart says some 60,000 dates. */
  char year[STRUTIL_NUMBER_MAX], dom[STRUTIL_NUMBER_MAX];
  strutil_number_to(year, y, 0);
  strutil_number_to(dom, d, 0);
  switch (precision) {
  case DATE_PREC_DAY:
    lang_expand(out, lang_word(lang, LANG_DAY_MONTH_YEAR), 'd', dom, 'm', lang_date_month(lang, m),
                'y', year, 0);
    break;
  case DATE_PREC_MONTH:
    lang_expand(out, lang_word(lang, LANG_MONTH_YEAR), 'm', lang_date_month(lang, m), 'y', year, 0);
    break;
  case DATE_PREC_SEASON: {
    int sy;
    int season = date_season_of(day, &sy);
    strutil_number_to(year, sy, 0);
    lang_expand(out, lang_word(lang, LANG_SEASON_YEAR), 's', lang_season(lang, season), 'y', year,
                0);
    break;
  }
  case DATE_PREC_YEAR:
    lang_expand(out, lang_word(lang, LANG_YEAR), 'y', year, 0);
    break;
  case DATE_PREC_ACADEMIC: {
    DateDay first;
    date_named_span(day, DATE_PREC_ACADEMIC, &first, NULL);
    int fy;
    date_to_ymd(first, &fy, NULL, NULL);
    g_string_append_printf(out, "%d/%02d", fy, (fy + 1) % 100);
    break;
  }
  }
}

void date_words(GString *out, const Lang *lang, DateDay day, DatePrecision precision,
                gboolean approximate)
{
  if (!approximate) {
    exact_words(out, lang, day, precision);
    return;
  }
  GString *exact = g_string_new(NULL);
  exact_words(exact, lang, day, precision);
  lang_expand(out, lang_word(lang, LANG_ABOUT), 'x', exact->str, 0);
  g_string_free(exact, TRUE);
}

/* The precision to say an end at: its own when @day is the edge of what it names on
 * that side (the first day of a start, the last of an end), else the month when @day is
 * the month's edge, else the day. */
static DatePrecision said_precision(DateDay day, DatePrecision precision, gboolean is_end)
{
  DateDay first, last;
  date_named_span(day, precision, &first, &last);
  if ((is_end ? last : first) == day)
    return precision;
  date_named_span(day, DATE_PREC_MONTH, &first, &last);
  return (is_end ? last : first) == day ? DATE_PREC_MONTH : DATE_PREC_DAY;
}

/* Whether what @day names at @precision holds the day @other. */
static gboolean names_day(DateDay day, DatePrecision precision, DateDay other)
{
  DateDay first, last;
  date_named_span(day, precision, &first, &last);
  return first <= other && other <= last;
}

void date_words_span(GString *out, const Lang *lang, const DateSpan *span)
{
  GString *a = g_string_new(NULL), *b = g_string_new(NULL);
  DatePrecision pa = said_precision(span->start, span->start_precision, FALSE);
  if (span->ongoing) {
    date_words(a, lang, span->start, pa, span->start_approx);
    lang_expand(out, lang_word(lang, LANG_ONGOING), 'a', a->str, 'p', lang_word(lang, LANG_PRESENT),
                0);
    g_string_free(a, TRUE);
    g_string_free(b, TRUE);
    return;
  }
  DatePrecision pb = said_precision(span->end, span->end_precision, TRUE);
  /* "2019", not "2019 to Dec 2019", when one end's date names the whole span. */
  for (int i = 0; i < 2 && span->start_approx == span->end_approx; i++) {
    DatePrecision whole = i == 0 ? pa : pb;
    DateDay first, last;
    date_named_span(span->start, whole, &first, &last);
    if (whole != DATE_PREC_DAY && first == span->start && last == span->end) {
      date_words(out, lang, span->start, whole, span->start_approx);
      g_string_free(a, TRUE);
      g_string_free(b, TRUE);
      return;
    }
  }
  /* "1 to 15 Jun 2020", not "Jun 2020 to 15 Jun 2020". */
  if (pa == DATE_PREC_DAY && pb != DATE_PREC_DAY && names_day(span->end, pb, span->start))
    pb = DATE_PREC_DAY;
  else if (pb == DATE_PREC_DAY && pa != DATE_PREC_DAY && names_day(span->start, pa, span->end))
    pa = DATE_PREC_DAY;
  date_words(a, lang, span->start, pa, span->start_approx);
  date_words(b, lang, span->end, pb, span->end_approx);
  int ya, ma, da, yb, mb, db;
  date_to_ymd(span->start, &ya, &ma, &da);
  date_to_ymd(span->end, &yb, &mb, &db);
  const char *days = lang_word(lang, LANG_DAYS_SPAN);
  if (g_string_equal(a, b)) {
    g_string_append_len(out, a->str, (gssize)a->len);
  } else if (pa == DATE_PREC_DAY && pb == DATE_PREC_DAY && !span->start_approx &&
             !span->end_approx && ya == yb && ma == mb && ya > 0 && *days != '\0') {
    /* "3 to 14 Mar 2019" rather than the month and year twice. */
    char first[8];
    g_snprintf(first, sizeof first, "%d", da);
    lang_expand(out, days, 'd', first, 'b', b->str, 0);
  } else {
    lang_expand(out, lang_word(lang, LANG_SPAN), 'a', a->str, 'b', b->str, 0);
  }
  g_string_free(a, TRUE);
  g_string_free(b, TRUE);
}

void date_words_length(GString *out, const Lang *lang, int months, int days, gboolean approximate)
{
  GString *text = g_string_new(NULL);
  const char *join = lang_word(lang, LANG_LENGTH_JOIN);
  int parts[] = {months / 12, months % 12, days};
  static const LangWord words[] = {LANG_N_YEARS, LANG_N_MONTHS, LANG_N_DAYS};
  for (int i = 0; i < 3; i++) {
    /* The days of nothing at all: "0 d". */
    if (parts[i] == 0 && !(i == 2 && text->len == 0))
      continue;
    if (text->len > 0)
      g_string_append(text, join);
    lang_expand_count(text, lang, words[i], parts[i]);
  }
  if (approximate)
    lang_expand(out, lang_word(lang, LANG_ABOUT_LENGTH), 'x', text->str, 0);
  else
    g_string_append_len(out, text->str, (gssize)text->len);
  g_string_free(text, TRUE);
}

/* The month names of diagnostics, which are English whatever the CV's language. */
static const char *const diag_month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

char *date_words_day_overflow(DateDay last)
{
  int year, month, days;
  date_to_ymd(last, &year, &month, &days);
  if (month == 2)
    return g_strdup_printf("February %d has %d days", year, days);
  return g_strdup_printf("%s has %d days", diag_month_names[month - 1], days);
}
