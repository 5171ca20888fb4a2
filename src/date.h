/* Dates of the CV format (doc/cv-format.md "Dates"): years, months, days, seasons,
 * `present`, approximate markers, and the `periods` item forms (ranges, academic years),
 * with month, season and present words in the CV's language (lang.h) or English.
 * Pure functions: no clock, no locale. */
#pragma once

#include "lang.h"
#include <glib.h>

/* A calendar day as GDate's Julian day number: 0001-01-01 is 1. */
typedef gint32 DateDay;

typedef enum {
  DATE_PREC_DAY,
  DATE_PREC_MONTH,
  DATE_PREC_SEASON,
  DATE_PREC_YEAR,
  DATE_PREC_ACADEMIC, /* an academic year (`2005/06`): September to June */
} DatePrecision;

typedef struct {
  DateDay first; /* first day of the span the text names (unset when present) */
  DateDay last;  /* last day, inclusive (unset when present) */
  DatePrecision precision;
  gboolean approximate; /* written with `~` or `c.` */
  gboolean present;     /* `present`, `now`, `ongoing` (also `today`) */
} DateValue;

/* An inclusive span of days that remembers how each end was written, so that what is
 * said about it keeps the CV's precision ("2010 to Aug 2016", "summer 2015",
 * "c. 2004"). Shared by the model, the timeline and the scene. */
typedef struct {
  DateDay start;
  DateDay end;                                  /* inclusive; for an ongoing span: today */
  DatePrecision start_precision, end_precision; /* an ongoing end: DATE_PREC_DAY */
  gboolean start_approx;
  gboolean end_approx;
  gboolean ongoing; /* the end was `present`/`now`/`ongoing` or omitted */
} DateSpan;

/* A length of time as a person writes it on the command line or in a style ("6m", "2w",
 * "1y6m"): whole calendar months plus days. */
typedef struct {
  int months, days;
} DateLength;

/* Shown after an unparsable length (--gap, --fail-on-gap, the style's gaps.min). */
#define DATE_LENGTH_HINT "expected a number and a unit d, w, m or y, e.g. 6m, 2w or 1y6m"

/* Shown after "unparsable date" messages. */
#define DATE_FORMS_HINT                                                                            \
  "expected YYYY, YYYY-MM, YYYY-MM-DD, MM/YYYY, 'Aug 2019', 'summer 2015' or 'present', "          \
  "optionally after '~' or 'c.'"

/* Parses one date (surrounding spaces allowed). Years 1000..9999. FALSE if unparsable.
 * Words are read in @lang first ("März 2019", "marzo de 2019", "heute"), then in English;
 * @lang NULL is English alone. The Chinese and Japanese forms ("2019年3月", "2019年3月15日",
 * "2019年", "2019年夏") are read in any language. date_parse is date_parse_in in English. */
gboolean date_parse_in(const char *text, const Lang *lang, DateValue *out);
gboolean date_parse(const char *text, DateValue *out);

/* Parses a `periods` item written as a scalar: any single date (its whole span), a range
 * `A..B` / `A - B` / `A – B` / `A to B`, or with a hyphen, en or em dash without spaces or
 * doubled (`2020-2021`, `2019–present`, `2019--2020`; a date's own hyphens come first:
 * `2019-08` is a month), a range ending in two digits after a year (`2016-19`,
 * `2012 - 13`), or an academic year `2005/06` or `2005/2006` (1 Sep to 30 Jun). For a
 * single date @start and @end are the same value. FALSE if unparsable. */
gboolean date_parse_period(const char *text, DateValue *start, DateValue *end);
/* date_parse_period with each date read as date_parse_in reads it in @lang. */
gboolean date_parse_period_in(const char *text, const Lang *lang, DateValue *start, DateValue *end);

/* One period of a free-text date, as date_parse_period gives it. */
typedef struct {
  DateValue start, end;
} DatePeriod;

/* Parses free text naming one or more periods (RenderCV's `date`, the native `periods`
 * items): anything date_parse_period reads, or a list of such items separated by `,`,
 * `;`, `&` or `and` ("2023, 2024", "2019 and 2021-2022"), in which a bare year after a
 * season is that season again ("Summer 2019 and 2020") and a season alone takes the year
 * of the next item ("Spring and Fall 2019"). Returns a new array of DatePeriod owned by
 * the caller, in the order written, or NULL when any item is unparsable.
 * date_parse_periods_in reads each item as date_parse_period_in does in @lang and also
 * splits at @lang's word for `and` (LANG_AND: "Sommer 2019 und 2020", "2019年、2021年");
 * date_parse_periods is it in English. */
GArray *date_parse_periods_in(const char *text, const Lang *lang);
GArray *date_parse_periods(const char *text);

/* The one rule for a day that does not exist: when @day is past the end of @month
 * (1..12) of @year (as date_parse accepts it), returns TRUE and, when @clamped is not
 * NULL, sets it to the month's last day, at day precision; FALSE for a day that exists
 * or parts that make no month. Every reader that reads such a day as the month's last
 * (reader_parts_date, date_day_overflow) decides it here and says so with
 * readctx_day_clamped. */
gboolean date_day_past_end(int year, int month, int day, DateValue *clamped);

/* When @text has the form YYYY-MM-DD (optionally approximate) with a real month but a
 * day past the month's end ("2024-09-31"; up to 31), returns TRUE and, when @clamped is
 * not NULL, sets it to the month's last day (approximate as @text is). FALSE for any
 * other text. What is wrong is worded by date_words_day_overflow. */
gboolean date_day_overflow(const char *text, DateValue *clamped);

/* Parses a length: numbers with units d, w (7 days), m, y (12 months), case-insensitive,
 * strung together ("1y6m"); at most 9999 years in all. FALSE, leaving @out untouched,
 * when unparsable. */
gboolean date_parse_length(const char *text, DateLength *out);

/* Calendar helpers. date_from_ymd returns 0 for an invalid date. */
DateDay date_from_ymd(int year, int month, int day);
void date_to_ymd(DateDay day, int *year, int *month, int *day_of_month);
/* Writes "YYYY-MM-DD" into @buf (at least DATE_ISO_SIZE bytes) and returns it. */
#define DATE_ISO_SIZE 11
const char *date_format_iso(DateDay day, char *buf);
/* "Jan".."Dec" for 1..12 (English; "?" for any other number); a static string. */
const char *date_month_abbrev(int month);
/* The season @day falls in, as lang_season counts them (0 winter, 1 spring, 2 summer,
 * 3 autumn), with the year that names it in *@year (winter 2015 runs into February 2016). */
int date_season_of(DateDay day, int *year);
/* The span of days that a date at @precision names, from any day @day of it, as the
 * parser gives it (DateValue's first and last): the day itself, its month, its season
 * (winter 2015 is December 2015 to February 2016), its year, or its academic year
 * (1 September to 30 June; a day of July or August counts with the year that starts
 * in the September after it). Either of @first and @last may be NULL. */
void date_named_span(DateDay day, DatePrecision precision, DateDay *first, DateDay *last);
/* Fractional year of a day's start, e.g. 2020-07-02 is about 2020.5 (for axis scaling). */
double date_to_year_fraction(DateDay day);
