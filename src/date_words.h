/* date_words: dates, spans and lengths of time in words for people, each date at the
 * precision the CV gave it ("2010 to Aug 2016", "summer 2015", "2005/06", "about 2004",
 * "3 to 14 Mar 2019", "4 y 2 m"), in the words and patterns of a language's catalog
 * (lang.h; @lang NULL is English), independent of the locale. The one wording of dates
 * that the describe stage (alt text, tooltips) and the career summary share. */
#pragma once

#include "date.h"
#include "lang.h"
#include <glib.h>

/* Appends one date at @precision: "3 Mar 2019", "Mar 2019", "summer 2015", "2019",
 * "2005/06", and LANG_ABOUT around it when @approximate ("about 2019"). @day is any day
 * of the span the date names (date_named_span); "?" for a day before year 1. */
void date_words(GString *out, const Lang *lang, DateDay day, DatePrecision precision,
                gboolean approximate);

/* Appends a span, each end at its own precision: "2010 to Aug 2016" (LANG_SPAN), "Mar
 * 2015 to present" (LANG_ONGOING), "about 2004 to 2006"; one date when both ends read
 * alike ("2019", "summer 2015", "2005/06") or one end's date names the whole span (2019
 * to Dec 2019 is "2019"), and "3 to 14 Mar 2019" (LANG_DAYS_SPAN) for
 * days within one month. An end that is not where its precision puts it (a start on the
 * first day of what it names, an end on the last: the day after "2005/06" ends, or a
 * year-long end trimmed to May) is said as its month when it is a month's edge, else as
 * its day ("Jul 2006", "31 May 2019"); and an end whose span holds the other end, when
 * that one is a day, is said as a day too: "1 to 15 Jun 2020", never "Jun 2020 to
 * 15 Jun 2020". */
void date_words_span(GString *out, const Lang *lang, const DateSpan *span);

/* Appends a length of @months calendar months and @days days in years, months and days
 * (LANG_N_YEARS, LANG_N_MONTHS, LANG_N_DAYS, joined by LANG_LENGTH_JOIN), leaving out
 * the parts that are 0: "4 y 2 m", "3 y", "1 m 10 d", "18 d", "0 d" for nothing; in
 * LANG_ABOUT_LENGTH when @approximate ("about 2 y 7 m"). It rounds nothing. */
void date_words_length(GString *out, const Lang *lang, int months, int days, gboolean approximate);

/* What is wrong with a day past its month's end, in English whatever the CV's language
 * (it is a diagnostic): "September has 30 days", and for February, whose length depends
 * on the year, "February 2023 has 28 days". @last is the month's last day (the day
 * date_day_overflow clamps to). A new string owned by the caller. */
char *date_words_day_overflow(DateDay last);
