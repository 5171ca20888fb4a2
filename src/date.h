/* Dates of the CV format (spec/cv-format.md "Dates"): years, months, days, seasons,
 * `present`, approximate markers, and the `periods` item forms (ranges, academic years).
 * Pure functions: no clock, no locale. */
#pragma once

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
  DateDay end; /* inclusive; for an ongoing span: today */
  DatePrecision start_precision, end_precision; /* an ongoing end: DATE_PREC_DAY */
  gboolean start_approx;
  gboolean end_approx;
  gboolean ongoing; /* the end was `present`/`now`/`ongoing` or omitted */
} DateSpan;

/* Shown after "unparsable date" messages. */
#define DATE_FORMS_HINT                                                                            \
  "expected YYYY, YYYY-MM, YYYY-MM-DD, MM/YYYY, 'Aug 2019', 'summer 2015' or 'present', "          \
  "optionally after '~' or 'c.'"

/* Parses one date (surrounding spaces allowed). Years 1000..9999. FALSE if unparsable. */
gboolean date_parse(const char *text, DateValue *out);

/* Parses a `periods` item written as a scalar: any single date (its whole span), a range
 * `A..B` / `A - B` / `A – B` / `A to B`, or an academic year `2005/06` or `2005/2006`
 * (1 Sep to 30 Jun). For a single date @start and @end are the same value.
 * FALSE if unparsable. */
gboolean date_parse_period(const char *text, DateValue *start, DateValue *end);

/* Calendar helpers. date_from_ymd returns 0 for an invalid date. */
DateDay date_from_ymd(int year, int month, int day);
void date_to_ymd(DateDay day, int *year, int *month, int *day_of_month);
/* Writes "YYYY-MM-DD" into @buf (at least DATE_ISO_SIZE bytes) and returns it. */
#define DATE_ISO_SIZE 11
const char *date_format_iso(DateDay day, char *buf);
/* "Jan".."Dec" for 1..12 (English; "?" for any other number); a static string. */
const char *date_month_abbrev(int month);
/* Fractional year of a day's start, e.g. 2020-07-02 is about 2020.5 (for axis scaling). */
double date_to_year_fraction(DateDay day);
