/* Unit tests for date_words.c: spans whose ends are not where their precision puts them
 * (the day after an academic year, a year-long end trimmed to May), an end whose span
 * holds the other end, lengths in years, months and days with their plural forms, and the
 * same in other catalogs. The common forms, as the alt text and tooltips use them, are
 * test-describe.c's. */
#include "date_words.h"

#define Y DATE_PREC_YEAR
#define M DATE_PREC_MONTH
#define D DATE_PREC_DAY
#define S DATE_PREC_SEASON
#define A DATE_PREC_ACADEMIC

/* A span from @start to @end (date_parse's forms, "~" for approximate; NULL: ongoing,
 * with today 25 Nov 2026), each end at its precision, and how it reads in @lang. */
typedef struct {
  const char *lang;
  const char *start;
  DatePrecision p0;
  const char *end;
  DatePrecision p1;
  const char *want;
} SpanCase;

static const SpanCase span_cases[] = {
    /* A start the day after "2005/06" ended, an end the day before it began. */
    {"en", "2006-07-01", A, "2007-08-31", M, "Jul 2006 to Aug 2007"},
    {"en", "~2004-09-01", S, "2005-08-31", A, "about autumn 2004 to Aug 2005"},
    /* A year-long end trimmed to a month's end, or to a day. */
    {"en", "2015-01-01", Y, "2019-05-31", Y, "2015 to May 2019"},
    {"en", "2015-01-01", Y, "2019-06-14", Y, "2015 to 14 Jun 2019"},
    /* An end whose span holds the other, a day. */
    {"en", "2020-06-01", M, "2020-06-15", D, "1 to 15 Jun 2020"},
    {"en", "2020-06-10", D, "2020-06-30", M, "10 to 30 Jun 2020"},
    {"en", "2019-01-01", Y, "2019-03-15", D, "1 Jan 2019 to 15 Mar 2019"},
    /* ... but not one that does not hold it: the CV's precision stays. */
    {"en", "2015-01-01", D, "2019-12-31", M, "1 Jan 2015 to Dec 2019"},
    {"en", "2015-06-01", D, "2016-12-31", Y, "1 Jun 2015 to 2016"},
    /* One end's date names the whole span: said once. */
    {"en", "2019-01-01", Y, "2019-12-31", M, "2019"},
    {"en", "2015-06-01", M, "2015-08-31", S, "summer 2015"},
    {"en", "~2019-01-01", Y, "2019-12-31", M, "about 2019 to Dec 2019"},
    {"en", "2023-11-01", M, NULL, D, "Nov 2023 to present"},
    {"de", "2023-11-01", M, NULL, D, "Nov. 2023 bis heute"},
    {"de", "~2006-10-01", M, "2007-07-31", M, "ca. Okt. 2006 bis Juli 2007"},
    {"de", "2020-06-01", M, "2020-06-15", D, "1. bis 15. Juni 2020"},
    {"ja", "2015-03-01", M, "2019-06-30", M, "2015年3月～2019年6月"},
    {"ja", "~2004-06-01", S, "~2004-08-31", S, "2004年夏頃"},
    {"ja", "2020-06-01", M, "2020-06-15", D, "2020年6月1日～2020年6月15日"},
    {"fr", "2005-09-01", A, "2007-06-30", A, "2005/06 – 2006/07"},
};

static void test_span(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(span_cases); i++) {
    const SpanCase *c = &span_cases[i];
    DateValue a, b = {.first = date_from_ymd(2026, 11, 25), .present = TRUE};
    g_assert_true(date_parse(c->start, &a));
    g_assert_true(c->end == NULL || date_parse(c->end, &b));
    DateSpan s = {
        .start = a.first,
        .start_precision = c->p0,
        .start_approx = a.approximate,
        .end = b.first,
        .end_precision = c->p1,
        .end_approx = b.approximate,
        .ongoing = b.present,
    };
    GString *out = g_string_new(NULL);
    date_words_span(out, lang_find(c->lang), &s);
    g_assert_cmpstr(out->str, ==, c->want);
    g_string_free(out, TRUE);
  }
}

static void test_length(void)
{
  static const struct {
    const char *lang;
    int months, days;
    gboolean approx;
    const char *want;
  } cases[] = {
      {"en", 50, 0, FALSE, "4 y 2 m"},       {"en", 36, 0, FALSE, "3 y"},
      {"en", 10, 0, FALSE, "10 m"},          {"en", 0, 18, FALSE, "18 d"},
      {"en", 1, 10, FALSE, "1 m 10 d"},      {"en", 0, 0, FALSE, "0 d"},
      {"en", 31, 0, TRUE, "about 2 y 7 m"},  {"de", 50, 0, FALSE, "4 J. 2 Mon."},
      {"de", 0, 1, FALSE, "1 Tag"},          {"de", 31, 0, TRUE, "ca. 2 J. 7 Mon."},
      {"fr", 13, 0, FALSE, "1 an 1 mois"},   {"fr", 26, 0, TRUE, "environ 2 ans 2 mois"},
      {"es", 13, 0, FALSE, "1 año 1 mes"},   {"pt", 25, 0, FALSE, "2 anos 1 mês"},
      {"it", 14, 0, FALSE, "1 anno 2 mesi"}, {"pl", 62, 0, FALSE, "5 lat 2 mies."},
      {"pl", 0, 22, FALSE, "22 dni"},        {"nl", 15, 0, FALSE, "1 jaar 3 maanden"},
      {"tr", 50, 0, FALSE, "4 yıl 2 ay"},    {"zh", 50, 0, FALSE, "4年2个月"},
      {"ja", 50, 0, FALSE, "4年2か月"},      {"ja", 31, 0, TRUE, "約2年7か月"},
      {"ja", 0, 18, FALSE, "18日間"},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    GString *out = g_string_new(NULL);
    date_words_length(out, lang_find(cases[i].lang), cases[i].months, cases[i].days,
                      cases[i].approx);
    g_assert_cmpstr(out->str, ==, cases[i].want);
    g_string_free(out, TRUE);
  }
}

static void test_date(void)
{
  GString *out = g_string_new(NULL);
  /* Any day of an academic year, July and August with the year after them. */
  date_words(out, NULL, date_from_ymd(2006, 3, 1), A, FALSE);
  g_string_append_c(out, '|');
  date_words(out, NULL, date_from_ymd(2006, 8, 1), A, FALSE);
  g_string_append_c(out, '|');
  date_words(out, lang_find("zh"), date_from_ymd(2009, 1, 1), Y, TRUE);
  g_string_append_c(out, '|');
  date_words(out, NULL, 0, D, FALSE);
  g_assert_cmpstr(out->str, ==, "2005/06|2006/07|约2009年|?");
  g_string_free(out, TRUE);
}

/* What is wrong with a day past its month's end: English, and February with its year. */
static void test_day_overflow(void)
{
  static const struct {
    int year, month, day;
    const char *want;
  } cases[] = {
      {2024, 9, 30, "September has 30 days"},    {2023, 2, 28, "February 2023 has 28 days"},
      {2024, 2, 29, "February 2024 has 29 days"}, {2019, 4, 30, "April has 30 days"},
      {2019, 1, 31, "January has 31 days"},       {2019, 12, 31, "December has 31 days"},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *why =
        date_words_day_overflow(date_from_ymd(cases[i].year, cases[i].month, cases[i].day));
    g_assert_cmpstr(why, ==, cases[i].want);
  }
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/date_words/span", test_span);
  g_test_add_func("/date_words/length", test_length);
  g_test_add_func("/date_words/date", test_date);
  g_test_add_func("/date_words/day-overflow", test_day_overflow);
  return g_test_run();
}
