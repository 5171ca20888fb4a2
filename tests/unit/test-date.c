/* Unit tests for date.c: every written form of doc/cv-format.md "Dates", period items,
 * calendar edge cases (leap years, winter spanning the year) and junk. Table-driven. */
#include "date.h"

#include <string.h>

typedef struct {
  const char *text;
  const char *first; /* ISO, or NULL for present */
  const char *last;
  DatePrecision precision;
  gboolean approximate;
  gboolean present;
} DateCase;

static const DateCase good_dates[] = {
    {"2019", "2019-01-01", "2019-12-31", DATE_PREC_YEAR, FALSE, FALSE},
    {"  2019  ", "2019-01-01", "2019-12-31", DATE_PREC_YEAR, FALSE, FALSE},
    {"1000", "1000-01-01", "1000-12-31", DATE_PREC_YEAR, FALSE, FALSE},
    {"9999", "9999-01-01", "9999-12-31", DATE_PREC_YEAR, FALSE, FALSE},
    {"2019-08", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"2019-8", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"2020-02", "2020-02-01", "2020-02-29", DATE_PREC_MONTH, FALSE, FALSE},
    {"2019-02", "2019-02-01", "2019-02-28", DATE_PREC_MONTH, FALSE, FALSE},
    {"1900-02", "1900-02-01", "1900-02-28", DATE_PREC_MONTH, FALSE, FALSE},
    {"2000-02", "2000-02-01", "2000-02-29", DATE_PREC_MONTH, FALSE, FALSE},
    {"08/2019", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"8/2019", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"12/2019", "2019-12-01", "2019-12-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"Aug 2019", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"aug 2019", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"AUG 2019", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"August 2019", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"Aug. 2019", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"August, 2019", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"Sept 2019", "2019-09-01", "2019-09-30", DATE_PREC_MONTH, FALSE, FALSE},
    {"Sep 2019", "2019-09-01", "2019-09-30", DATE_PREC_MONTH, FALSE, FALSE},
    {"September 2019", "2019-09-01", "2019-09-30", DATE_PREC_MONTH, FALSE, FALSE},
    {"jan 2000", "2000-01-01", "2000-01-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"February 2024", "2024-02-01", "2024-02-29", DATE_PREC_MONTH, FALSE, FALSE},
    {"Mar 2011", "2011-03-01", "2011-03-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"apr 2011", "2011-04-01", "2011-04-30", DATE_PREC_MONTH, FALSE, FALSE},
    {"May 2011", "2011-05-01", "2011-05-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"jun 2011", "2011-06-01", "2011-06-30", DATE_PREC_MONTH, FALSE, FALSE},
    {"July 2011", "2011-07-01", "2011-07-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"Oct 2011", "2011-10-01", "2011-10-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"nov 2011", "2011-11-01", "2011-11-30", DATE_PREC_MONTH, FALSE, FALSE},
    {"December 2011", "2011-12-01", "2011-12-31", DATE_PREC_MONTH, FALSE, FALSE},
    {"2019-08-15", "2019-08-15", "2019-08-15", DATE_PREC_DAY, FALSE, FALSE},
    {"2020-02-29", "2020-02-29", "2020-02-29", DATE_PREC_DAY, FALSE, FALSE},
    {"2000-02-29", "2000-02-29", "2000-02-29", DATE_PREC_DAY, FALSE, FALSE},
    {"2019-8-5", "2019-08-05", "2019-08-05", DATE_PREC_DAY, FALSE, FALSE},
    {"spring 2015", "2015-03-01", "2015-05-31", DATE_PREC_SEASON, FALSE, FALSE},
    {"Summer 2015", "2015-06-01", "2015-08-31", DATE_PREC_SEASON, FALSE, FALSE},
    {"autumn 2015", "2015-09-01", "2015-11-30", DATE_PREC_SEASON, FALSE, FALSE},
    {"FALL 2015", "2015-09-01", "2015-11-30", DATE_PREC_SEASON, FALSE, FALSE},
    {"winter 2015", "2015-12-01", "2016-02-29", DATE_PREC_SEASON, FALSE, FALSE},
    {"winter 2016", "2016-12-01", "2017-02-28", DATE_PREC_SEASON, FALSE, FALSE},
    {"winter 1899", "1899-12-01", "1900-02-28", DATE_PREC_SEASON, FALSE, FALSE},
    {"winter 1999", "1999-12-01", "2000-02-29", DATE_PREC_SEASON, FALSE, FALSE},
    {"~2019", "2019-01-01", "2019-12-31", DATE_PREC_YEAR, TRUE, FALSE},
    {"~ 2019-08", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, TRUE, FALSE},
    {"c. 2019", "2019-01-01", "2019-12-31", DATE_PREC_YEAR, TRUE, FALSE},
    {"c.2019", "2019-01-01", "2019-12-31", DATE_PREC_YEAR, TRUE, FALSE},
    {"C. Aug 2019", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, TRUE, FALSE},
    {"~summer 2015", "2015-06-01", "2015-08-31", DATE_PREC_SEASON, TRUE, FALSE},
    {"c. 08/2019", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, TRUE, FALSE},
    {"present", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE},
    {"Present", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE},
    {"now", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE},
    {"ONGOING", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE},
    {"today", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE},
    {"Current", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE},
    {"~present", NULL, NULL, DATE_PREC_DAY, TRUE, TRUE},
};

static const char *const bad_dates[] = {
    "",
    "   ",
    "~",
    "c.",
    "19",
    "999",
    "0999",
    "10000",
    "20190",
    "2019-13",
    "2019-00",
    "2019-02-29",
    "2021-02-29",
    "1900-02-29",
    "2019-04-31",
    "2019-08-32",
    "2019-08-00",
    "2019-",
    "2019-08-",
    "2019-008",
    "2019-08-015",
    "13/2019",
    "0/2019",
    "08/19",
    "08/20190",
    "123/2019",
    "2019/08",
    "Agust 2019",
    "Aug",
    "Aug2019",
    "2019 Aug",
    "summer",
    "summer 15",
    "winter 9999",
    "sommer 2015",
    "presently",
    "present 2019",
    "now!",
    "2019-08-15T10:00:00",
    "Augustus 2019",
    "Au 2019",
    "ju 2019",
    "- 2019",
    "-2019",
    "+2019",
    "2019.5",
    "1e3",
    "x",
    "2005/06",
    "2019..2020",
    "~~2019",
    "c 2019",
    "2019 to 2020",
    "\xc3\xa9t\xc3\xa9 2015",
    "Aug 2019 extra",
    "2019-08-15-01",
    "4294967297",
    "99999999999999999999",
    "January 2019 January 2019 January 2019 January 2019 January 2019 January 2019 January",
};

static void check_value(const char *text, const DateValue *v, const char *first, const char *last,
                        DatePrecision prec, gboolean approx, gboolean present)
{
  char a[DATE_ISO_SIZE], b[DATE_ISO_SIZE];
  g_test_message("date '%s'", text);
  g_assert_cmpint(v->present, ==, present);
  g_assert_cmpint(v->approximate, ==, approx);
  if (present)
    return;
  g_assert_cmpint(v->precision, ==, prec);
  g_assert_cmpstr(date_format_iso(v->first, a), ==, first);
  g_assert_cmpstr(date_format_iso(v->last, b), ==, last);
}

static void test_good_dates(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(good_dates); i++) {
    const DateCase *c = &good_dates[i];
    DateValue v;
    memset(&v, 0xab, sizeof v);
    if (!date_parse(c->text, &v))
      g_error("'%s' should parse", c->text);
    check_value(c->text, &v, c->first, c->last, c->precision, c->approximate, c->present);
  }
}

static void test_bad_dates(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(bad_dates); i++) {
    DateValue v = {0};
    if (date_parse(bad_dates[i], &v))
      g_error("'%s' should not parse", bad_dates[i]);
  }
  DateValue v;
  g_assert_false(date_parse(NULL, &v));
}

static void test_winter_leap(void)
{
  /* The winter of a year ends in February of the next one, leap day included. */
  for (int year = 1800; year <= 2400; year++) {
    char text[32], iso[DATE_ISO_SIZE];
    g_snprintf(text, sizeof text, "winter %d", year);
    DateValue v;
    g_assert_true(date_parse(text, &v));
    int y, m, d;
    date_to_ymd(v.last, &y, &m, &d);
    g_assert_cmpint(y, ==, year + 1);
    g_assert_cmpint(m, ==, 2);
    g_assert_cmpint(d, ==, g_date_is_leap_year((GDateYear)(year + 1)) ? 29 : 28);
    date_to_ymd(v.first, &y, &m, &d);
    g_assert_cmpint(y * 10000 + m * 100 + d, ==, year * 10000 + 1201);
    (void)iso;
  }
}

typedef struct {
  const char *text;
  const char *start_first, *start_last;
  const char *end_first, *end_last; /* NULL: present */
  gboolean start_approx, end_approx;
} PeriodCase;

static const PeriodCase good_periods[] = {
    {"2019-09..2020-12", "2019-09-01", "2019-09-30", "2020-12-01", "2020-12-31", FALSE, FALSE},
    {"2019-09 .. 2020-12", "2019-09-01", "2019-09-30", "2020-12-01", "2020-12-31", FALSE, FALSE},
    {"2019-09 - 2020-12", "2019-09-01", "2019-09-30", "2020-12-01", "2020-12-31", FALSE, FALSE},
    {"2019-09 \xe2\x80\x93 2020-12", "2019-09-01", "2019-09-30", "2020-12-01", "2020-12-31", FALSE,
     FALSE},
    {"2019-09 to 2020-12", "2019-09-01", "2019-09-30", "2020-12-01", "2020-12-31", FALSE, FALSE},
    {"Sep 2019 to Dec 2020", "2019-09-01", "2019-09-30", "2020-12-01", "2020-12-31", FALSE, FALSE},
    {"2015 - 2019", "2015-01-01", "2015-12-31", "2019-01-01", "2019-12-31", FALSE, FALSE},
    {"~2015..c. 2019", "2015-01-01", "2015-12-31", "2019-01-01", "2019-12-31", TRUE, TRUE},
    {"2019-09..present", "2019-09-01", "2019-09-30", NULL, NULL, FALSE, FALSE},
    {"summer 2015..winter 2015", "2015-06-01", "2015-08-31", "2015-12-01", "2016-02-29", FALSE,
     FALSE},
    {"2005/06", "2005-09-01", "2006-06-30", "2005-09-01", "2006-06-30", FALSE, FALSE},
    {"2005/2006", "2005-09-01", "2006-06-30", "2005-09-01", "2006-06-30", FALSE, FALSE},
    {"1999/00", "1999-09-01", "2000-06-30", "1999-09-01", "2000-06-30", FALSE, FALSE},
    {"1999/2000", "1999-09-01", "2000-06-30", "1999-09-01", "2000-06-30", FALSE, FALSE},
    {"~2005/06", "2005-09-01", "2006-06-30", "2005-09-01", "2006-06-30", TRUE, TRUE},
    {"summer 2015", "2015-06-01", "2015-08-31", "2015-06-01", "2015-08-31", FALSE, FALSE},
    {"2016", "2016-01-01", "2016-12-31", "2016-01-01", "2016-12-31", FALSE, FALSE},
    {"08/2019", "2019-08-01", "2019-08-31", "2019-08-01", "2019-08-31", FALSE, FALSE},
    /* Free text as RenderCV files write it (issue 13): dashes without spaces, doubled,
     * with a space on one side; two-digit end years; present. */
    {"2020-2021", "2020-01-01", "2020-12-31", "2021-01-01", "2021-12-31", FALSE, FALSE},
    {"2020\xe2\x80\x93"
     "2021",
     "2020-01-01", "2020-12-31", "2021-01-01", "2021-12-31", FALSE, FALSE},
    {"2020\xe2\x80\x94"
     "2021",
     "2020-01-01", "2020-12-31", "2021-01-01", "2021-12-31", FALSE, FALSE},
    {"2020 \xe2\x80\x93"
     "2021",
     "2020-01-01", "2020-12-31", "2021-01-01", "2021-12-31", FALSE, FALSE},
    {"2019 -2020", "2019-01-01", "2019-12-31", "2020-01-01", "2020-12-31", FALSE, FALSE},
    {"2019- 2020", "2019-01-01", "2019-12-31", "2020-01-01", "2020-12-31", FALSE, FALSE},
    {"2019 -- 2020", "2019-01-01", "2019-12-31", "2020-01-01", "2020-12-31", FALSE, FALSE},
    {"2019--2020", "2019-01-01", "2019-12-31", "2020-01-01", "2020-12-31", FALSE, FALSE},
    {"2016-19", "2016-01-01", "2016-12-31", "2019-01-01", "2019-12-31", FALSE, FALSE},
    {"2012-13", "2012-01-01", "2012-12-31", "2013-01-01", "2013-12-31", FALSE, FALSE},
    {"1998-02", "1998-02-01", "1998-02-28", "1998-02-01", "1998-02-28", FALSE, FALSE}, /* a month */
    {"1999-00", "1999-01-01", "1999-12-31", "2000-01-01", "2000-12-31", FALSE, FALSE},
    {"2012 - 13", "2012-01-01", "2012-12-31", "2013-01-01", "2013-12-31", FALSE, FALSE},
    {"2019\xe2\x80\x93present", "2019-01-01", "2019-12-31", NULL, NULL, FALSE, FALSE},
    {"2019-Present", "2019-01-01", "2019-12-31", NULL, NULL, FALSE, FALSE},
    {"Aug 2019-Dec 2020", "2019-08-01", "2019-08-31", "2020-12-01", "2020-12-31", FALSE, FALSE},
    {"2019-09-2020-12", "2019-09-01", "2019-09-30", "2020-12-01", "2020-12-31", FALSE, FALSE},
    {"2019-09-15-2020-01", "2019-09-15", "2019-09-15", "2020-01-01", "2020-01-31", FALSE, FALSE},
    {"~2015\xe2\x80\x93~2019", "2015-01-01", "2015-12-31", "2019-01-01", "2019-12-31", TRUE, TRUE},
};

static const char *const bad_periods[] = {
    "",
    "2019-09..",
    "..2020",
    "2019-13",
    "2019-00",
    "2019-99",
    "2019 - 2",
    "Aug 2019 - 20",
    "2019-08 - 20",
    "2019-",
    "-2019",
    "2019\xe2\x80\x93",
    "2019 - - 2020",
    "2023, 2024",
    "2005/07",
    "2005/2007",
    "2005/05",
    "2005/6",
    "2005/006",
    "9999/00",
    "2019 to",
    "Agust 2019",
    "2019..2020..2021",
    "2019 to 2020 to 2021",
    "2019-09 ... 2020",
    "08/2019..Agust 2020",
};

static void test_good_periods(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(good_periods); i++) {
    const PeriodCase *c = &good_periods[i];
    DateValue a, b;
    if (!date_parse_period(c->text, &a, &b))
      g_error("period '%s' should parse", c->text);
    check_value(c->text, &a, c->start_first, c->start_last, a.precision, c->start_approx, FALSE);
    check_value(c->text, &b, c->end_first, c->end_last, b.precision, c->end_approx,
                c->end_first == NULL);
  }
}

static void test_bad_periods(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(bad_periods); i++) {
    DateValue a, b;
    if (date_parse_period(bad_periods[i], &a, &b))
      g_error("period '%s' should not parse", bad_periods[i]);
  }
}

/* ---- Words in the CV's language (lang.h), then English ---- */

typedef struct {
  const char *lang; /* a code, or NULL for English alone */
  DateCase c;
} LangDateCase;

static const LangDateCase lang_good_dates[] = {
    {"de", {"März 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"de", {"MÄRZ 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"de", {"Marz 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"de", {"Ma\xcc\x88rz 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"de", {"Mär. 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"de", {"Okt. 2019", "2019-10-01", "2019-10-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"de", {"Dezember, 2019", "2019-12-01", "2019-12-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"de", {"Jänner 2019", "2019-01-01", "2019-01-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"de", {"Aug 2019", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"de", {"Sommer 2015", "2015-06-01", "2015-08-31", DATE_PREC_SEASON, FALSE, FALSE}},
    {"de", {"~ März 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, TRUE, FALSE}},
    {"de", {"c. Herbst 2015", "2015-09-01", "2015-11-30", DATE_PREC_SEASON, TRUE, FALSE}},
    {"de", {"heute", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"de", {"bis heute", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"de", {"Present", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"fr", {"septembre 2015", "2015-09-01", "2015-09-30", DATE_PREC_MONTH, FALSE, FALSE}},
    {"fr", {"févr. 2020", "2020-02-01", "2020-02-29", DATE_PREC_MONTH, FALSE, FALSE}},
    {"fr", {"août 2019", "2019-08-01", "2019-08-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"fr", {"été 2015", "2015-06-01", "2015-08-31", DATE_PREC_SEASON, FALSE, FALSE}},
    {"fr", {"aujourd’hui", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"fr", {"Aujourd'hui", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"fr", {"en cours", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"es", {"marzo de 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"es", {"sept 2019", "2019-09-01", "2019-09-30", DATE_PREC_MONTH, FALSE, FALSE}},
    {"es", {"verano de 2015", "2015-06-01", "2015-08-31", DATE_PREC_SEASON, FALSE, FALSE}},
    {"es", {"otoño 2015", "2015-09-01", "2015-11-30", DATE_PREC_SEASON, FALSE, FALSE}},
    {"es", {"actualidad", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"es", {"la actualidad", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"pt", {"março de 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"pt", {"mar. de 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"pt", {"out. 2019", "2019-10-01", "2019-10-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"pt", {"verão de 2015", "2015-06-01", "2015-08-31", DATE_PREC_SEASON, FALSE, FALSE}},
    {"pt", {"atual", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"it", {"gennaio 2019", "2019-01-01", "2019-01-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"it", {"oggi", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"pl", {"marzec 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"pl", {"marca 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"pl", {"paź 2019", "2019-10-01", "2019-10-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"pl", {"Październik 2019", "2019-10-01", "2019-10-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"pl", {"obecnie", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"nl", {"mrt. 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"nl", {"maart 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"nl", {"heden", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"tr", {"Mart 2019", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"tr", {"ŞUBAT 2019", "2019-02-01", "2019-02-28", DATE_PREC_MONTH, FALSE, FALSE}},
    {"tr", {"Aralık 2019", "2019-12-01", "2019-12-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"tr", {"ARALIK 2019", "2019-12-01", "2019-12-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"tr", {"EKİM 2019", "2019-10-01", "2019-10-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {"tr", {"günümüz", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"zh", {"至今", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"ja", {"現在", NULL, NULL, DATE_PREC_DAY, FALSE, TRUE}},
    {"ja", {"~2004年", "2004-01-01", "2004-12-31", DATE_PREC_YEAR, TRUE, FALSE}},
    /* The CJK forms, in any language. */
    {NULL, {"2019年3月", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {NULL, {"2019 年 3 月", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {NULL, {"2019年12月", "2019-12-01", "2019-12-31", DATE_PREC_MONTH, FALSE, FALSE}},
    {NULL, {"2020年2月29日", "2020-02-29", "2020-02-29", DATE_PREC_DAY, FALSE, FALSE}},
    {NULL, {"2019年", "2019-01-01", "2019-12-31", DATE_PREC_YEAR, FALSE, FALSE}},
    {NULL, {"2015年夏", "2015-06-01", "2015-08-31", DATE_PREC_SEASON, FALSE, FALSE}},
    {NULL, {"2015年冬季", "2015-12-01", "2016-02-29", DATE_PREC_SEASON, FALSE, FALSE}},
    {"de", {"2019年3月", "2019-03-01", "2019-03-31", DATE_PREC_MONTH, FALSE, FALSE}},
};

static const struct {
  const char *lang;
  const char *text;
} lang_bad_dates[] = {
    {NULL, "März 2019"},   {NULL, "Sommer 2015"},    {NULL, "heute"},
    {NULL, "至今"},        {"de", "heute 2019"},     {"de", "März"},
    {"de", "Märzen 2019"}, {"de", "März2019"},       {"pt", "marzo 2019"},
    {"es", "mai 2019"},    {"es", "marzo del 2019"}, {"fr", "de mars 2019"},
    {"pl", "marz 2019"},   {NULL, "2019年13月"},     {NULL, "2019年2月30日"},
    {NULL, "2019年3月 x"}, {NULL, "2019年3"},        {NULL, "2019年春秋"},
    {NULL, "19年3月"},     {"ja", "今日 2019"},      {"de", "\xff\xfe 2019"},
};

static void test_lang_dates(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(lang_good_dates); i++) {
    const LangDateCase *lc = &lang_good_dates[i];
    const Lang *lang = lc->lang ? lang_find(lc->lang) : NULL;
    g_assert_true(lc->lang == NULL || lang != NULL);
    DateValue v;
    memset(&v, 0xab, sizeof v);
    if (!date_parse_in(lc->c.text, lang, &v))
      g_error("'%s' should parse in %s", lc->c.text, lc->lang ? lc->lang : "en");
    check_value(lc->c.text, &v, lc->c.first, lc->c.last, lc->c.precision, lc->c.approximate,
                lc->c.present);
  }
  for (gsize i = 0; i < G_N_ELEMENTS(lang_bad_dates); i++) {
    const Lang *lang = lang_bad_dates[i].lang ? lang_find(lang_bad_dates[i].lang) : NULL;
    DateValue v;
    if (date_parse_in(lang_bad_dates[i].text, lang, &v))
      g_error("'%s' should not parse in %s", lang_bad_dates[i].text,
              lang_bad_dates[i].lang ? lang_bad_dates[i].lang : "en");
  }
  /* Every English bad date stays bad in German but for the ones German reads. */
  for (gsize i = 0; i < G_N_ELEMENTS(bad_dates); i++) {
    DateValue v;
    gboolean german = strcmp(bad_dates[i], "sommer 2015") == 0;
    g_assert_cmpint(date_parse_in(bad_dates[i], lang_find("de"), &v), ==, german);
  }
}

/* Broken text in every language: never read, never past its end. */
static void test_lang_hostile(void)
{
  static const char *const texts[] = {
      "2019\xe5\xb9",
      "2019\xe5\xb9\xb4\xe3",
      "\xc3",
      "M\xc3rz 2019",
      "年",
      "2019年月",
      "2019年3月日",
      "2019年 3 月 32 日",
      "’a", /* a typographic apostrophe first */
      "aujourd''hui",
      "'heute",
      "~",
      "c. ",
      "de 2019",
      "marzo de",
      "marzo de  de 2019",
      "ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ 2019",
      "\xcc\x88\xcc\x88 2019",
  };
  for (guint l = 0; l < lang_count(); l++)
    for (gsize i = 0; i < G_N_ELEMENTS(texts); i++) {
      DateValue v, w;
      g_assert_false(date_parse_in(texts[i], lang_nth(l), &v));
      g_assert_false(date_parse_period_in(texts[i], lang_nth(l), &v, &w));
    }
}

static void test_lang_periods(void)
{
  DateValue a, b;
  char x[DATE_ISO_SIZE], y[DATE_ISO_SIZE];
  g_assert_true(date_parse_period_in("März 2019 – Okt. 2020", lang_find("de"), &a, &b));
  g_assert_cmpstr(date_format_iso(a.first, x), ==, "2019-03-01");
  g_assert_cmpstr(date_format_iso(b.last, y), ==, "2020-10-31");
  g_assert_true(date_parse_period_in("2019年3月..2020年1月", NULL, &a, &b));
  g_assert_cmpstr(date_format_iso(b.last, y), ==, "2020-01-31");
  g_assert_true(date_parse_period_in("septembre 2015 - aujourd'hui", lang_find("fr"), &a, &b));
  g_assert_true(b.present);
  g_assert_false(date_parse_period("März 2019 – Okt. 2020", &a, &b));
  /* importfix's free-text forms, in the CV's words. */
  g_assert_true(date_parse_period_in("März 2019–heute", lang_find("de"), &a, &b));
  g_assert_cmpstr(date_format_iso(a.first, x), ==, "2019-03-01");
  g_assert_true(b.present);
  g_assert_false(date_parse_period_in("Okt. 2016-19", lang_find("de"), &a, &b));
  g_assert_true(date_parse_period_in("2016-19", lang_find("de"), &a, &b));
  g_assert_cmpstr(date_format_iso(b.last, y), ==, "2019-12-31");
  g_assert_true(date_parse_period_in("févr. 2020--août 2021", lang_find("fr"), &a, &b));
  g_assert_cmpstr(date_format_iso(b.last, y), ==, "2021-08-31");
  g_assert_true(date_parse_period_in("2019年3月-至今", lang_find("zh"), &a, &b));
  g_assert_true(b.present);
}

typedef struct {
  const char *lang; /* a code, or NULL for English alone */
  const char *text;
  const char *spans; /* "FIRST..LAST" of each period (start's first day, end's last, or
                        "present"), " " apart */
} ListCase;

static const ListCase good_lists[] = {
    {NULL, "2023, 2024", "2023-01-01..2023-12-31 2024-01-01..2024-12-31"},
    {NULL, "2023,2024;2026", "2023-01-01..2023-12-31 2024-01-01..2024-12-31 2026-01-01..2026-12-31"},
    {NULL, "2019 and 2021-2022", "2019-01-01..2019-12-31 2021-01-01..2022-12-31"},
    {NULL, "2019 & 2021", "2019-01-01..2019-12-31 2021-01-01..2021-12-31"},
    {NULL, "Summer 2019 and 2020", "2019-06-01..2019-08-31 2020-06-01..2020-08-31"},
    {NULL, "summer 2017 and 2018", "2017-06-01..2017-08-31 2018-06-01..2018-08-31"},
    {NULL, "Winter 2019, 2020", "2019-12-01..2020-02-29 2020-12-01..2021-02-28"},
    {NULL, "Spring and Fall 2019", "2019-03-01..2019-05-31 2019-09-01..2019-11-30"},
    {NULL, "Spring, Summer and Fall 2019",
     "2019-03-01..2019-05-31 2019-06-01..2019-08-31 2019-09-01..2019-11-30"},
    {NULL, "Aug 2019, 2020",
     "2019-08-01..2019-08-31 2020-01-01..2020-12-31"}, /* months are not repeated */
    {NULL, "August, 2019", "2019-08-01..2019-08-31"},        /* one date, with a comma */
    {NULL, "2016-19", "2016-01-01..2019-12-31"},
    {NULL, "2019", "2019-01-01..2019-12-31"},
    /* In the CV's language: its words inside the items, its `and` between them, and
     * English's still. */
    {"de", "Sommer 2019 und 2020", "2019-06-01..2019-08-31 2020-06-01..2020-08-31"},
    {"de", "Frühling und Herbst 2019", "2019-03-01..2019-05-31 2019-09-01..2019-11-30"},
    {"de", "März 2019, Okt. 2020–heute", "2019-03-01..2019-03-31 2020-10-01..present"},
    {"de", "Summer 2019 and 2020", "2019-06-01..2019-08-31 2020-06-01..2020-08-31"},
    {"de", "Spring und fall 2019", "2019-03-01..2019-05-31 2019-09-01..2019-11-30"},
    {"es", "verano de 2019 y 2020", "2019-06-01..2019-08-31 2020-06-01..2020-08-31"},
    {"fr", "2019 et 2021-2022", "2019-01-01..2019-12-31 2021-01-01..2022-12-31"},
    {"tr", "Mart 2019 ve Aralık 2020", "2019-03-01..2019-03-31 2020-12-01..2020-12-31"},
    {"zh", "2019年、2021年3月", "2019-01-01..2019-12-31 2021-03-01..2021-03-31"},
    {"ja", "2015年夏、2016", "2015-06-01..2015-08-31 2016-06-01..2016-08-31"},
};

static const char *const bad_lists[] = {
    "",
    "During my PhD",
    "2019, later",
    "2019 and",
    "My Date",
    "Spring and Fall",
    ", ,",
    "2019 and 2020 and Agust 2021",
    "spring 2019 and 20",
    NULL,
};

static void test_lists(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(good_lists); i++) {
    const Lang *lang = good_lists[i].lang ? lang_find(good_lists[i].lang) : NULL;
    g_assert_true(good_lists[i].lang == NULL || lang != NULL);
    g_autoptr(GArray) got = date_parse_periods_in(good_lists[i].text, lang);
    if (got == NULL)
      g_error("'%s' should parse as a list", good_lists[i].text);
    GString *spans = g_string_new(NULL);
    for (guint k = 0; k < got->len; k++) {
      const DatePeriod *p = &g_array_index(got, DatePeriod, k);
      char a[DATE_ISO_SIZE], b[DATE_ISO_SIZE];
      g_string_append_printf(spans, "%s%s..%s", k ? " " : "", date_format_iso(p->start.first, a),
                             p->end.present ? "present" : date_format_iso(p->end.last, b));
    }
    g_assert_cmpstr(spans->str, ==, good_lists[i].spans);
    g_string_free(spans, TRUE);
  }
  for (const char *const *t = bad_lists; *t != NULL; t++) {
    GArray *got = date_parse_periods(*t);
    if (got != NULL)
      g_error("'%s' should not parse as a list", *t);
  }
  g_assert_null(date_parse_periods(NULL));
  /* Another language's `and` is not English's, nor a word that only contains it. */
  g_assert_null(date_parse_periods("2019 und 2020"));
  g_assert_null(date_parse_periods_in("2019 und 2020", lang_find("fr")));
  g_assert_null(date_parse_periods_in("2019 sund 2020", lang_find("de")));
  g_assert_null(date_parse_periods_in("2019 unde 2020", lang_find("de")));
  /* The inherited season is a season. */
  g_autoptr(GArray) two = date_parse_periods("Summer 2019 and 2020");
  g_assert_cmpint(g_array_index(two, DatePeriod, 1).start.precision, ==, DATE_PREC_SEASON);
  /* Long lists are refused rather than scanned. */
  GString *many = g_string_new("2001");
  for (int i = 0; i < 80; i++)
    g_string_append(many, ", 2001");
  g_assert_null(date_parse_periods(many->str));
  g_string_free(many, TRUE);
}

/* Impossible days: the month's last day (date_words_day_overflow words what is wrong). */
static void test_day_overflow(void)
{
  DateValue v;
  g_assert_true(date_day_overflow("2024-09-31", &v));
  char buf[DATE_ISO_SIZE];
  g_assert_cmpstr(date_format_iso(v.first, buf), ==, "2024-09-30");
  g_assert_cmpint(v.last, ==, v.first);
  g_assert_cmpint(v.precision, ==, DATE_PREC_DAY);
  g_assert_false(v.approximate);
  g_assert_true(date_day_overflow(" ~2023-02-29 ", &v));
  g_assert_true(v.approximate);
  g_assert_cmpstr(date_format_iso(v.first, buf), ==, "2023-02-28");
  g_assert_true(date_day_overflow("2024-02-30", &v));
  g_assert_cmpstr(date_format_iso(v.first, buf), ==, "2024-02-29");
  g_assert_true(date_day_overflow("2019-4-31", NULL));
  static const char *const fine[] = {"2024-09-30",  "2019-08-32",  "2019-13-01", "2019-09-00",
                                     "2019-09",     "Sep 31 2019", "x",          "",
                                     "2024-09-31x", NULL};
  for (const char *const *t = fine; *t != NULL; t++)
    g_assert_false(date_day_overflow(*t, NULL));
  g_assert_false(date_day_overflow(NULL, NULL));
  /* The rule from parts, as the readers of exported data give them: any day past the end. */
  g_assert_true(date_day_past_end(1930, 2, 29, &v));
  g_assert_cmpstr(date_format_iso(v.first, buf), ==, "1930-02-28");
  g_assert_true(date_day_past_end(2019, 9, 45, NULL));
  g_assert_false(date_day_past_end(2024, 2, 29, NULL));
  g_assert_false(date_day_past_end(2019, 13, 31, NULL));
  g_assert_false(date_day_past_end(2019, 0, 31, NULL));
}

static void test_calendar(void)
{
  g_assert_cmpint(date_from_ymd(1, 1, 1), ==, 1);
  g_assert_cmpint(date_from_ymd(2019, 2, 29), ==, 0);
  g_assert_cmpint(date_from_ymd(2019, 13, 1), ==, 0);
  g_assert_cmpint(date_from_ymd(0, 1, 1), ==, 0);
  g_assert_cmpint(date_from_ymd(2020, 3, 1) - date_from_ymd(2020, 2, 28), ==, 2);
  g_assert_cmpint(date_from_ymd(2019, 3, 1) - date_from_ymd(2019, 2, 28), ==, 1);
  int y, m, d;
  date_to_ymd(date_from_ymd(2024, 2, 29), &y, &m, &d);
  g_assert_cmpint(y, ==, 2024);
  g_assert_cmpint(m, ==, 2);
  g_assert_cmpint(d, ==, 29);
  date_to_ymd(0, &y, &m, &d);
  g_assert_cmpint(y, ==, 0);
  char buf[DATE_ISO_SIZE];
  g_assert_cmpstr(date_format_iso(date_from_ymd(1000, 1, 9), buf), ==, "1000-01-09");
  g_assert_cmpfloat(date_to_year_fraction(date_from_ymd(2020, 1, 1)), ==, 2020.0);
  double half = date_to_year_fraction(date_from_ymd(2019, 7, 2));
  g_assert_cmpfloat_with_epsilon(half, 2019.5, 0.002);
  g_assert_cmpfloat(date_to_year_fraction(date_from_ymd(2020, 12, 31)), <, 2021.0);
}

/* date_named_span from any day of a date's span, and the parser giving the same span. */
static void test_named_span(void)
{
  static const struct {
    const char *day;
    DatePrecision precision;
    const char *first, *last;
  } cases[] = {
      {"2019-03-15", DATE_PREC_DAY, "2019-03-15", "2019-03-15"},
      {"2019-03-15", DATE_PREC_MONTH, "2019-03-01", "2019-03-31"},
      {"2024-02-10", DATE_PREC_MONTH, "2024-02-01", "2024-02-29"},
      {"2019-03-15", DATE_PREC_YEAR, "2019-01-01", "2019-12-31"},
      {"2015-07-04", DATE_PREC_SEASON, "2015-06-01", "2015-08-31"},
      {"2015-12-01", DATE_PREC_SEASON, "2015-12-01", "2016-02-29"},
      {"2016-02-29", DATE_PREC_SEASON, "2015-12-01", "2016-02-29"},
      {"2015-11-30", DATE_PREC_SEASON, "2015-09-01", "2015-11-30"},
      {"2005-09-01", DATE_PREC_ACADEMIC, "2005-09-01", "2006-06-30"},
      {"2006-06-30", DATE_PREC_ACADEMIC, "2005-09-01", "2006-06-30"},
      {"2006-01-15", DATE_PREC_ACADEMIC, "2005-09-01", "2006-06-30"},
      {"2006-07-01", DATE_PREC_ACADEMIC, "2006-09-01", "2007-06-30"}, /* summer: the next */
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    DateValue v;
    g_assert_true(date_parse(cases[i].day, &v));
    DateDay first = 0, last = 0;
    date_named_span(v.first, cases[i].precision, &first, &last);
    char a[DATE_ISO_SIZE], b[DATE_ISO_SIZE];
    g_assert_cmpstr(date_format_iso(first, a), ==, cases[i].first);
    g_assert_cmpstr(date_format_iso(last, b), ==, cases[i].last);
    date_named_span(v.first, cases[i].precision, NULL, &last);
    g_assert_cmpstr(date_format_iso(last, b), ==, cases[i].last);
  }
  /* What the parser gives is the span that any of its days names. */
  static const char *const written[] = {"2019", "Mar 2019", "winter 2015", "2019-03-15", "2005/06"};
  for (gsize i = 0; i < G_N_ELEMENTS(written); i++) {
    DateValue start, end;
    g_assert_true(date_parse_period(written[i], &start, &end));
    for (DateDay d = start.first; d <= end.last; d += 17) {
      DateDay first, last;
      date_named_span(d, start.precision, &first, &last);
      g_assert_cmpint(first, ==, start.first);
      g_assert_cmpint(last, ==, end.last);
    }
  }
}

/* The day numbers are GDate's: every day of years 1 to 3000 and of the last years a
 * GDate holds, both ways, and the dates that do not exist. */
static void test_day_numbers(void)
{
  GDate g;
  g_date_clear(&g, 1);
  for (guint32 j = 1; j <= 23936166; j++) {
    if (j == 1095728) /* 3000-12-31: on to the last years */
      j = 23936166 - 3 * 366;
    g_date_set_julian(&g, j);
    int y, m, d;
    date_to_ymd((DateDay)j, &y, &m, &d);
    if (y != g_date_get_year(&g) || m != (int)g_date_get_month(&g) || d != g_date_get_day(&g))
      g_error("day %u: %04d-%02d-%02d, GDate %04d-%02d-%02d", j, y, m, d, g_date_get_year(&g),
              g_date_get_month(&g), g_date_get_day(&g));
    g_assert_cmpint(date_from_ymd(y, m, d), ==, (DateDay)j);
  }
  g_assert_cmpint(date_from_ymd(1, 1, 1), ==, 1);
  /* Which days exist: GDate's answer, for every day number of a month of years 1 to
   * 3000 and of the last ones (date_from_ymd checks them itself). */
  for (int year = 1; year <= G_MAXUINT16; year++) {
    if (year == 3001)
      year = G_MAXUINT16 - 3;
    for (int month = 0; month <= 13; month++)
      for (int day = 0; day <= 32; day++) {
        gboolean valid = month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
                         g_date_valid_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year);
        if ((date_from_ymd(year, month, day) != 0) != valid)
          g_error("%04d-%02d-%02d: GDate says %s", year, month, day, valid ? "valid" : "invalid");
      }
  }
  g_assert_cmpint(date_from_ymd(2023, 2, 29), ==, 0);
  g_assert_cmpint(date_from_ymd(1900, 2, 29), ==, 0);
  g_assert_cmpint(date_from_ymd(2000, 2, 29), ==, date_from_ymd(2000, 3, 1) - 1);
  g_assert_cmpint(date_from_ymd(2024, 4, 31), ==, 0);
  g_assert_cmpint(date_from_ymd(0, 1, 1), ==, 0);
  g_assert_cmpint(date_from_ymd(65536, 1, 1), ==, 0);
  int y = -1;
  date_to_ymd(0, &y, NULL, NULL);
  g_assert_cmpint(y, ==, 0);
  date_to_ymd(-5, &y, NULL, NULL);
  g_assert_cmpint(y, ==, 0);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/date/day-numbers", test_day_numbers);
  g_test_add_func("/date/good", test_good_dates);
  g_test_add_func("/date/bad", test_bad_dates);
  g_test_add_func("/date/winter-leap", test_winter_leap);
  g_test_add_func("/date/period/good", test_good_periods);
  g_test_add_func("/date/period/bad", test_bad_periods);
  g_test_add_func("/date/calendar", test_calendar);
  g_test_add_func("/date/named-span", test_named_span);
  g_test_add_func("/date/lang", test_lang_dates);
  g_test_add_func("/date/lang-periods", test_lang_periods);
  g_test_add_func("/date/lang-hostile", test_lang_hostile);
  g_test_add_func("/date/lists", test_lists);
  g_test_add_func("/date/day-overflow", test_day_overflow);
  return g_test_run();
}
