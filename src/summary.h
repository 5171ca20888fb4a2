/* summary: the career summary (--summary, doc/summary.md): for the whole CV and for each
 * group, the time with overlaps merged, the time per organisation, the longest tenure,
 * the spells when two or more things ran at once, and the gaps. Counted from the
 * timeline (its --only groups and --from/--to range) with the model's dates at the
 * precision the CV gave. Pure: no clock, no locale; the formatters return strings, the
 * text in the chart's language. */
#pragma once

#include "diag.h"
#include "timeline.h"
#include <glib.h>

/* One end of a counted span. */
typedef struct {
  DateDay day;             /* the first (of a start) or last (of an end) day counted */
  DatePrecision precision; /* as the CV wrote it; DATE_PREC_DAY at today or a cut */
  gboolean approximate;    /* written with `~`, `c.` or under `approximate: true` */
  gboolean ongoing;        /* an end that is today because the period is still going on */
  gboolean cut;            /* at the edge of --from/--to: the period goes on beyond it */
} SummaryEnd;

typedef struct {
  SummaryEnd start, end; /* inclusive */
} SummarySpan;

/* A length of time (doc/summary.md "Arithmetic"). */
typedef struct {
  gint64 calendar_days; /* every day counted once */
  int months, days;     /* the same length as whole calendar months plus 0..30 days */
  gboolean approximate; /* it depends on an end that is approximate, or a year, season or
                           academic year counted in full */
} SummaryDuration;

/* A length given on the command line (--gap, --fail-on-gap) or in a style (gaps.min):
 * months and days. */
typedef DateLength SummaryThreshold;

typedef struct {
  char *name;        /* the organisation, or the title of entries without one; owned */
  gboolean by_title; /* named by a title: the entries had no org */
  SummaryDuration time;
  SummarySpan span;  /* first start to last end */
  GPtrArray *titles; /* of char*, owned: the roles (or entry titles) held there, distinct,
                        in start order; may be empty */
} SummaryOrg;

typedef struct {
  SummarySpan span;
  SummaryDuration length;
  guint most_at_once; /* the most entries running on one day, at least 2 */
  GPtrArray *items;   /* of char*, owned: what ran during it, distinct, in start order */
} SummaryOverlap;

typedef struct {
  SummarySpan span; /* the first and last day with nothing; ends as the neighbours wrote them */
  SummaryDuration length;
  char *after;      /* owned: what ended just before it */
  char *before;     /* owned: what started just after it */
  int line, column; /* where @before is in the CV */
} SummaryGap;

typedef struct {
  char *key;  /* owned: the group's key; NULL for the whole CV */
  char *name; /* owned: the group's display name; NULL for the whole CV */
  SummaryDuration total;
  gboolean empty;            /* nothing to count; then @span is unset */
  SummarySpan span;          /* first start to last end */
  GPtrArray *orgs;           /* of SummaryOrg*, owned, by first start (stable) */
  const SummaryOrg *longest; /* the one of @orgs with the most time (first of equals); NULL
                                when empty */
  GPtrArray *overlaps;       /* of SummaryOverlap*, owned, in date order */
  GPtrArray *gaps;           /* of SummaryGap*, owned, in date order: every gap of a day or
                                more (summary_gap_longer picks those to report) */
} SummaryScope;

typedef struct {
  char *name;                     /* owned: the CV's name; NULL when absent */
  Lang *lang;                     /* owned: the text's language (the model's: --lang, else
                                     the CV's own), a copy */
  DateDay today;                  /* what ongoing periods were counted to */
  DateDay range_start, range_end; /* the timeline's range, inclusive */
  gboolean cut;                   /* --from/--to cut some period */
  gboolean all_groups;            /* every group of the CV is counted (no --only, nothing
                                     left out by --from/--to) */
  SummaryThreshold gap;           /* gaps longer than this are reported */
  SummaryScope *cv;               /* owned: every selected group together */
  GPtrArray *groups;              /* of SummaryScope*, owned, in the timeline's order */
} SummaryReport;

typedef struct {
  SummaryThreshold gap; /* --gap; 6 months by default */
} SummaryOptions;

#define SUMMARY_DEFAULT_OPTIONS ((SummaryOptions){.gap = {.months = 6, .days = 0}})

/* Shown after an unparsable --gap or --fail-on-gap. */
#define SUMMARY_THRESHOLD_HINT DATE_LENGTH_HINT

/* Parses "6m", "2w", "10d", "1y", "1y6m": date_parse_length, which the style's gaps.min
 * reads with too. FALSE, leaving @out untouched, when unparsable. */
gboolean summary_parse_threshold(const char *text, SummaryThreshold *out);

/* Counts @timeline's groups. Returns a new report owned by the caller that borrows nothing
 * (it may outlive the timeline and the model). */
SummaryReport *summary_build(const Timeline *timeline, const SummaryOptions *opts);

/* Frees a report; accepts NULL. */
void summary_report_free(SummaryReport *report);

/* The scope of the group with @key, or NULL; points into @report. */
const SummaryScope *summary_find_group(const SummaryReport *report, const char *key);

/* TRUE when @gap is longer than @threshold, counted from the gap's first day. */
gboolean summary_gap_longer(const SummaryGap *gap, const SummaryThreshold *threshold);

/* A length as the text writes it, to the nearest month, or the days under a month:
 * "4 y 2 m", "about 19 y", "12 d" (doc/summary.md "Text"), in @lang (NULL: English; "4 J.
 * 2 Mon.", "4年2か月"). summary_duration_text is it in English, as the JSON and YAML
 * write it. Each returns a new string owned by the caller. */
char *summary_duration_text(const SummaryDuration *duration);
char *summary_duration_text_in(const SummaryDuration *duration, const Lang *lang);

/* A span as the text writes it, at the precision the CV gave (date_words_span): "Mar 2015
 * to Jun 2019", "about summer 2004", "Nov 2023 to present", in @lang (NULL: English).
 * summary_span_text is it in English. Each returns a new string owned by the caller. */
char *summary_span_text(const SummarySpan *span);
char *summary_span_text_in(const SummarySpan *span, const Lang *lang);

/* --fail-on-gap: adds an error to @diags, positioned at the entry after the gap, for each
 * gap of the whole CV longer than @threshold; @file names the CV. Returns how many. */
guint summary_check_gaps(const SummaryReport *report, const SummaryThreshold *threshold,
                         const char *file, DiagList *diags);

/* The report as text, in @report's language, or as JSON or YAML, the same in every
 * language (doc/summary.md; the JSON and YAML follow doc/schema/summary.schema.json).
 * Each returns a new string owned by the caller. */
char *summary_format_text(const SummaryReport *report);
char *summary_format_json(const SummaryReport *report);
char *summary_format_yaml(const SummaryReport *report);
