/* Unit tests of summary: every number below is worked out by hand (the comments show the
 * arithmetic) for overlaps, nesting, one-day periods, year-only dates, seasons, academic
 * years, present with a given today, approximate dates, roles with gaps, periods, the
 * --gap thresholds, --from/--to and --only; then the example CV, data/bruno-magalhaes.yaml. */
#include "summary.h"

#include "testutil.h"

#include <string.h>

#define TODAY ymd(2026, 11, 25)

/* Reads @yaml (a native CV) with today @today, builds the timeline with @topts (NULL: the
 * whole CV) and the report with @sopts (NULL: the defaults). The model and the timeline
 * are freed before the report is returned: the report must not borrow from them. */
static SummaryReport *report_of(const char *yaml, DateDay today, const TimelineOptions *topts,
                                const SummaryOptions *sopts)
{
  DiagList *diags = diag_list_new();
  ReaderOptions ropts = READER_DEFAULT_OPTIONS;
  ropts.has_today = TRUE;
  ropts.today = today;
  ModelCv *cv = test_read_text("cv.yaml", yaml, strlen(yaml), &ropts, diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(diag_error_count(diags), ==, 0);
  TimelineOptions none = {0};
  Timeline *tl = timeline_build(cv, topts ? topts : &none, NULL);
  g_assert_nonnull(tl);
  SummaryOptions defaults = SUMMARY_DEFAULT_OPTIONS;
  SummaryReport *r = summary_build(tl, sopts ? sopts : &defaults);
  timeline_free(tl);
  model_cv_free(cv);
  diag_list_free(diags);
  return r;
}

static SummaryReport *report_simple(const char *yaml)
{
  return report_of(yaml, TODAY, NULL, NULL);
}

static const SummaryScope *group(const SummaryReport *r, const char *key)
{
  const SummaryScope *s = summary_find_group(r, key);
  g_assert_nonnull(s);
  return s;
}

static const SummaryOrg *org_at(const SummaryScope *s, guint i)
{
  g_assert_cmpuint(i, <, s->orgs->len);
  return g_ptr_array_index(s->orgs, i);
}

static const SummaryOverlap *overlap_at(const SummaryScope *s, guint i)
{
  g_assert_cmpuint(i, <, s->overlaps->len);
  return g_ptr_array_index(s->overlaps, i);
}

static const SummaryGap *gap_at(const SummaryScope *s, guint i)
{
  g_assert_cmpuint(i, <, s->gaps->len);
  return g_ptr_array_index(s->gaps, i);
}

/* Asserts a duration: whole months, days left, calendar days, approximate, and its text. */
static void assert_duration(const SummaryDuration *d, int months, int days, gint64 calendar_days,
                            gboolean approximate, const char *text)
{
  g_assert_cmpint(d->months, ==, months);
  g_assert_cmpint(d->days, ==, days);
  g_assert_cmpint(d->calendar_days, ==, calendar_days);
  g_assert_cmpint(d->approximate, ==, approximate);
  char *t = summary_duration_text(d);
  g_assert_cmpstr(t, ==, text);
  g_free(t);
}

static void assert_span_text(const SummarySpan *span, const char *text)
{
  char *t = summary_span_text(span);
  g_assert_cmpstr(t, ==, text);
  g_free(t);
}

static void assert_items(const SummaryOverlap *o, const char *const *labels)
{
  guint n = g_strv_length((char **)labels);
  g_assert_cmpuint(o->items->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr(g_ptr_array_index(o->items, i), ==, labels[i]);
}

/* --- Totals, overlaps, nesting --- */

static void test_overlap(void)
{
  SummaryReport *r = report_simple("jobs:\n"
                                   "  - {title: A, org: Alpha, start: 2010-01, end: 2012-12}\n"
                                   "  - {title: B, org: Beta, start: 2012-01, end: 2013-06}\n");
  const SummaryScope *jobs = group(r, "jobs");
  /* Merged: Jan 2010 to Jun 2013 = 3 y 6 m = 42 months; days: 365 + 365 + 366 (2012) +
   * 181 (Jan-Jun 2013) = 1277. Summed apart it would be 36 + 18 = 54 months. */
  assert_duration(&jobs->total, 42, 0, 1277, FALSE, "3 y 6 m");
  assert_span_text(&jobs->span, "Jan 2010 to Jun 2013");
  assert_duration(&org_at(jobs, 0)->time, 36, 0, 1096, FALSE, "3 y");
  g_assert_cmpstr(org_at(jobs, 0)->name, ==, "Alpha");
  assert_duration(&org_at(jobs, 1)->time, 18, 0, 547, FALSE, "1 y 6 m");
  g_assert_true(jobs->longest == org_at(jobs, 0));
  /* Both ran in 2012: 12 months, 366 days. */
  g_assert_cmpuint(jobs->overlaps->len, ==, 1);
  const SummaryOverlap *o = overlap_at(jobs, 0);
  assert_span_text(&o->span, "Jan 2012 to Dec 2012");
  assert_duration(&o->length, 12, 0, 366, FALSE, "1 y");
  g_assert_cmpuint(o->most_at_once, ==, 2);
  assert_items(o, (const char *[]){"A \xc2\xb7 Alpha", "B \xc2\xb7 Beta", NULL});
  g_assert_cmpuint(jobs->gaps->len, ==, 0);
  /* One group: the whole CV says the same. */
  assert_duration(&r->cv->total, 42, 0, 1277, FALSE, "3 y 6 m");
  summary_report_free(r);
}

static void test_nesting(void)
{
  SummaryReport *r = report_simple("jobs:\n"
                                   "  - {title: Long, start: 2010-01, end: 2015-12}\n"
                                   "  - {title: Inner, start: 2012-03, end: 2012-08}\n"
                                   "  - {title: Innermost, start: 2012-05, end: 2012-05}\n");
  const SummaryScope *jobs = group(r, "jobs");
  /* Six whole years, counted once: 72 months; 6 * 365 + 1 (29 Feb 2012) = 2191 days. */
  assert_duration(&jobs->total, 72, 0, 2191, FALSE, "6 y");
  /* One spell, Mar to Aug 2012 (6 months, 31+30+31+30+31+31 = 184 days), three at once in
   * May. */
  g_assert_cmpuint(jobs->overlaps->len, ==, 1);
  const SummaryOverlap *o = overlap_at(jobs, 0);
  assert_duration(&o->length, 6, 0, 184, FALSE, "6 m");
  g_assert_cmpuint(o->most_at_once, ==, 3);
  assert_items(o, (const char *[]){"Long", "Inner", "Innermost", NULL});
  /* No org: each entry is listed by its title. */
  g_assert_cmpuint(jobs->orgs->len, ==, 3);
  g_assert_true(org_at(jobs, 0)->by_title);
  g_assert_cmpstr(org_at(jobs, 2)->name, ==, "Innermost");
  assert_duration(&org_at(jobs, 2)->time, 1, 0, 31, FALSE, "1 m");
  summary_report_free(r);
}

static void test_same_day(void)
{
  SummaryReport *r = report_simple("jobs:\n"
                                   "  - {title: Talk, start: 2020-05-04, end: 2020-05-04}\n"
                                   "  - {title: Panel, date: 2020-05-04}\n"
                                   "  - {title: Visit, start: 2020-05-06, end: 2020-05-22}\n");
  const SummaryScope *jobs = group(r, "jobs");
  /* 4 May (1 day) and 6 to 22 May (17 days): 18 days; the 5th is a gap of one day. */
  assert_duration(&jobs->total, 0, 18, 18, FALSE, "18 d");
  const SummaryOverlap *o = overlap_at(jobs, 0);
  assert_span_text(&o->span, "4 May 2020");
  assert_duration(&o->length, 0, 1, 1, FALSE, "1 d");
  g_assert_cmpuint(jobs->gaps->len, ==, 1);
  const SummaryGap *gap = gap_at(jobs, 0);
  assert_span_text(&gap->span, "5 May 2020");
  assert_duration(&gap->length, 0, 1, 1, FALSE, "1 d");
  g_assert_cmpstr(gap->after, ==, "Talk"); /* the first of the two that end on the 4th */
  g_assert_cmpstr(gap->before, ==, "Visit");
  SummaryThreshold zero = {0, 0};
  g_assert_true(summary_gap_longer(gap, &zero));
  g_assert_false(summary_gap_longer(gap, &r->gap));
  summary_report_free(r);
}

/* --- Precision --- */

static void test_year_only(void)
{
  SummaryReport *r = report_simple("jobs:\n"
                                   "  - {title: Y, start: 2015, end: 2017}\n"
                                   "education:\n"
                                   "  - {title: M, start: 2015-03, end: 2017}\n");
  /* 1 Jan 2015 to 31 Dec 2017: 36 months (1096 days with 2016's leap day), approximate:
   * both ends are years counted in full. */
  const SummaryScope *jobs = group(r, "jobs");
  assert_duration(&jobs->total, 36, 0, 1096, TRUE, "about 3 y");
  assert_span_text(&jobs->span, "2015 to 2017");
  g_assert_cmpint(jobs->span.end.precision, ==, DATE_PREC_YEAR);
  /* A year-only end counts to the end of that year: Mar 2015 to Dec 2017 = 34 months,
   * 1096 - 59 (Jan and Feb 2015) = 1037 days. */
  const SummaryScope *edu = group(r, "education");
  assert_duration(&edu->total, 34, 0, 1037, TRUE, "about 2 y 10 m");
  assert_span_text(&edu->span, "Mar 2015 to 2017");
  summary_report_free(r);
}

static void test_seasons(void)
{
  SummaryOptions two = {.gap = {2, 0}};
  SummaryReport *r = report_of("visiting:\n"
                               "  - {title: V, periods: [summer 2015, winter 2015]}\n",
                               TODAY, NULL, &two);
  const SummaryScope *v = group(r, "visiting");
  /* Jun-Aug 2015 (92 days) and Dec 2015-Feb 2016 (31+31+29 = 91 days, 2016 is a leap
   * year): 6 months, 183 days, approximate (seasons are counted in full). */
  assert_duration(&v->total, 6, 0, 183, TRUE, "about 6 m");
  assert_span_text(&v->span, "summer 2015 to winter 2015");
  /* Between them, Sep to Nov: autumn, 3 months (91 days), longer than --gap 2m. */
  const SummaryGap *gap = gap_at(v, 0);
  assert_span_text(&gap->span, "autumn 2015");
  assert_duration(&gap->length, 3, 0, 91, TRUE, "about 3 m");
  g_assert_true(summary_gap_longer(gap, &r->gap));
  g_assert_false(summary_gap_longer(gap, &(SummaryThreshold){3, 0}));
  summary_report_free(r);
}

static void test_academic_years(void)
{
  SummaryReport *r = report_simple("visiting:\n"
                                   "  - {title: Exchange, org: U, periods: [2005/06, 2007/08]}\n");
  const SummaryScope *v = group(r, "visiting");
  /* 1 Sep to 30 Jun is 10 months: 2005/06 has 303 days, 2007/08 304 (29 Feb 2008). */
  assert_duration(&v->total, 20, 0, 607, TRUE, "about 1 y 8 m");
  assert_span_text(&org_at(v, 0)->span, "2005/06 to 2007/08");
  /* Jul 2006 to Aug 2007: 14 months, 427 days; the ends are months (they do not fall on
   * an academic year's ends). */
  const SummaryGap *gap = gap_at(v, 0);
  assert_span_text(&gap->span, "Jul 2006 to Aug 2007");
  assert_duration(&gap->length, 14, 0, 427, TRUE, "about 1 y 2 m");
  g_assert_true(summary_gap_longer(gap, &r->gap));
  summary_report_free(r);
}

static void test_present_with_today(void)
{
  const char *cv = "jobs:\n  - {title: Now, org: N, start: 2023-11, end: present}\n";
  SummaryReport *r = report_of(cv, ymd(2026, 11, 25), NULL, NULL);
  const SummaryScope *jobs = group(r, "jobs");
  /* 1 Nov 2023 + 36 months = 1 Nov 2026, then 1 to 25 Nov: 36 months 25 days, shown as
   * 3 y 1 m (25 days round up). Days: 365 + 366 (2024) + 365 = 1096, + 25 = 1121. */
  assert_duration(&jobs->total, 36, 25, 1121, FALSE, "3 y 1 m");
  assert_span_text(&jobs->span, "Nov 2023 to present");
  g_assert_true(jobs->span.end.ongoing);
  g_assert_cmpint(r->today, ==, ymd(2026, 11, 25));
  summary_report_free(r);
  /* On 10 Nov: 36 months 10 days, which round down. */
  r = report_of(cv, ymd(2026, 11, 10), NULL, NULL);
  assert_duration(&group(r, "jobs")->total, 36, 10, 1106, FALSE, "3 y");
  summary_report_free(r);
}

static void test_approximate(void)
{
  /* A guess inside an exact period leaves the total exact: 2009-2012 is 48 months,
   * 1461 days; the guessed job is about 12 months on its own. */
  SummaryReport *r =
      report_simple("jobs:\n"
                    "  - {title: A, start: 2009-01, end: 2012-12}\n"
                    "  - {title: B, start: 2010-01, end: 2010-12, approximate: true}\n");
  const SummaryScope *jobs = group(r, "jobs");
  assert_duration(&jobs->total, 48, 0, 1461, FALSE, "4 y");
  assert_duration(&org_at(jobs, 1)->time, 12, 0, 365, TRUE, "about 1 y");
  g_assert_true(overlap_at(jobs, 0)->length.approximate);
  summary_report_free(r);

  /* An approximate end where two periods meet can open a gap or close one: about. */
  r = report_simple("jobs:\n"
                    "  - {title: A, start: 2009-01, end: ~2010-06}\n"
                    "  - {title: B, start: 2010-07, end: 2012-12}\n");
  jobs = group(r, "jobs");
  assert_duration(&jobs->total, 48, 0, 1461, TRUE, "about 4 y");
  assert_span_text(&org_at(jobs, 0)->span, "Jan 2009 to about Jun 2010");
  summary_report_free(r);

  /* So does one at the outer edge. */
  r = report_simple("jobs:\n  - {title: A, start: c. 2009-01, end: 2012-12}\n");
  assert_duration(&group(r, "jobs")->total, 48, 0, 1461, TRUE, "about 4 y");
  summary_report_free(r);
}

/* --- Organisations --- */

static void test_roles_with_gaps(void)
{
  SummaryReport *r = report_simple("jobs:\n"
                                   "  - org: Acme\n"
                                   "    roles:\n"
                                   "      - {title: Engineer, start: 2010-01, end: 2010-12}\n"
                                   "      - {title: Lead, start: 2012-01, end: 2012-12}\n"
                                   "  - {title: Other, org: Beta, start: 2013-01, end: 2013-03}\n");
  const SummaryScope *jobs = group(r, "jobs");
  /* Roles summed: 12 + 12 = 24 months (365 + 366 days), not the 36 from first to last. */
  const SummaryOrg *acme = org_at(jobs, 0);
  g_assert_cmpstr(acme->name, ==, "Acme");
  g_assert_false(acme->by_title);
  assert_duration(&acme->time, 24, 0, 731, FALSE, "2 y");
  assert_span_text(&acme->span, "Jan 2010 to Dec 2012");
  g_assert_cmpuint(acme->titles->len, ==, 2);
  g_assert_cmpstr(g_ptr_array_index(acme->titles, 1), ==, "Lead");
  /* The group: 24 + 3 = 27 months; the year between the roles is a gap. */
  assert_duration(&jobs->total, 27, 0, 731 + 90, FALSE, "2 y 3 m");
  g_assert_cmpuint(jobs->gaps->len, ==, 1);
  const SummaryGap *gap = gap_at(jobs, 0);
  assert_span_text(&gap->span, "Jan 2011 to Dec 2011");
  assert_duration(&gap->length, 12, 0, 365, FALSE, "1 y");
  g_assert_cmpstr(gap->after, ==, "Engineer \xc2\xb7 Acme");
  g_assert_cmpstr(gap->before, ==, "Lead \xc2\xb7 Acme");
  g_assert_cmpint(gap->line, ==, 5); /* the role after the gap */
  g_assert_true(jobs->longest == acme);
  summary_report_free(r);
}

static void test_periods(void)
{
  SummaryReport *r =
      report_simple("jobs:\n"
                    "  - {title: P, org: Q, periods: [2019-01..2019-03, 2019-06 - 2019-08]}\n");
  const SummaryScope *jobs = group(r, "jobs");
  /* Jan-Mar (90 days) and Jun-Aug (92 days): 6 months; Apr-May (61 days) between. */
  assert_duration(&jobs->total, 6, 0, 182, FALSE, "6 m");
  assert_duration(&gap_at(jobs, 0)->length, 2, 0, 61, FALSE, "2 m");
  g_assert_cmpuint(jobs->overlaps->len, ==, 0);
  summary_report_free(r);
}

static void test_org_across_groups(void)
{
  SummaryReport *r =
      report_simple("jobs:\n"
                    "  - {title: PhD student, org: EPFL, start: 2015-03, end: 2019-06}\n"
                    "education:\n"
                    "  - {title: PhD, org: EPFL, start: 2015-03, end: 2019-06}\n"
                    "  - {title: MSc, org: ETH, start: 2013-09, end: 2014-08}\n");
  /* Each group counts the PhD once (52 months, 1583 days); the whole CV counts the
   * calendar once: 12 + 52 = 64 months, and EPFL's two entries are one organisation. */
  assert_duration(&group(r, "jobs")->total, 52, 0, 1583, FALSE, "4 y 4 m");
  assert_duration(&r->cv->total, 64, 0, 1583 + 365, FALSE, "5 y 4 m");
  g_assert_cmpuint(r->cv->orgs->len, ==, 2);
  g_assert_cmpstr(r->cv->longest->name, ==, "EPFL");
  assert_duration(&r->cv->longest->time, 52, 0, 1583, FALSE, "4 y 4 m");
  g_assert_cmpuint(r->cv->longest->titles->len, ==, 2);
  /* Sep 2014 to Feb 2015: 6 months exactly, which is not longer than 6m. */
  const SummaryGap *gap = gap_at(r->cv, 0);
  assert_duration(&gap->length, 6, 0, 181, FALSE, "6 m");
  g_assert_false(summary_gap_longer(gap, &r->gap));
  g_assert_true(summary_gap_longer(gap, &(SummaryThreshold){5, 27}));
  g_assert_false(summary_gap_longer(gap, &(SummaryThreshold){5, 28}));
  summary_report_free(r);
}

static void test_month_carry(void)
{
  SummaryReport *r = report_simple("jobs:\n"
                                   "  - {title: A, start: 2020-01-01, end: 2020-01-20}\n"
                                   "  - {title: B, start: 2020-03-01, end: 2020-03-20}\n");
  /* 20 + 20 = 40 leftover days: one month of 30, and 10. */
  assert_duration(&group(r, "jobs")->total, 1, 10, 40, FALSE, "1 m");
  summary_report_free(r);
}

/* --- Options --- */

typedef struct {
  const char *text;
  gboolean ok;
  int months, days;
} ThresholdCase;

static void test_thresholds(void)
{
  static const ThresholdCase cases[] = {
      {"6m", TRUE, 6, 0},   {"2w", TRUE, 0, 14},     {"10d", TRUE, 0, 10},
      {"1y", TRUE, 12, 0},  {"1Y6M", TRUE, 18, 0},   {"1m2w3d", TRUE, 1, 17},
      {"0d", TRUE, 0, 0},   {"", FALSE, 0, 0},       {"6", FALSE, 0, 0},
      {"m", FALSE, 0, 0},   {"6x", FALSE, 0, 0},     {"-1m", FALSE, 0, 0},
      {"6 m", FALSE, 0, 0}, {"10000y", FALSE, 0, 0}, {"99999999999999d", FALSE, 0, 0},
  };
  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    SummaryThreshold t = {-1, -1};
    g_test_message("threshold '%s'", cases[i].text);
    g_assert_cmpint(summary_parse_threshold(cases[i].text, &t), ==, cases[i].ok);
    if (cases[i].ok) {
      g_assert_cmpint(t.months, ==, cases[i].months);
      g_assert_cmpint(t.days, ==, cases[i].days);
    } else {
      g_assert_cmpint(t.months, ==, -1);
    }
  }
}

static void test_gap_thresholds(void)
{
  /* A gap of 1 to 15 Jun 2020 (15 days) and one of Jan-Jun 2021 (6 months, 181 days). */
  SummaryReport *r = report_simple("jobs:\n"
                                   "  - {title: A, start: 2020-01, end: 2020-05}\n"
                                   "  - {title: B, start: 2020-06-16, end: 2020-12}\n"
                                   "  - {title: C, start: 2021-07, end: 2021-08}\n");
  const SummaryScope *jobs = group(r, "jobs");
  g_assert_cmpuint(jobs->gaps->len, ==, 2);
  const SummaryGap *short_gap = gap_at(jobs, 0), *long_gap = gap_at(jobs, 1);
  assert_duration(&short_gap->length, 0, 15, 15, FALSE, "15 d");
  assert_span_text(&short_gap->span, "1 to 15 Jun 2020");
  g_assert_true(summary_gap_longer(short_gap, &(SummaryThreshold){0, 14}));  /* 2w */
  g_assert_false(summary_gap_longer(short_gap, &(SummaryThreshold){0, 15})); /* 15d */
  g_assert_false(summary_gap_longer(short_gap, &(SummaryThreshold){1, 0}));
  g_assert_true(summary_gap_longer(long_gap, &(SummaryThreshold){5, 0}));
  g_assert_false(summary_gap_longer(long_gap, &(SummaryThreshold){6, 0}));
  g_assert_true(summary_gap_longer(long_gap, &(SummaryThreshold){0, 180}));
  g_assert_false(summary_gap_longer(long_gap, &(SummaryThreshold){0, 181}));
  g_assert_false(summary_gap_longer(long_gap, &(SummaryThreshold){12, 0}));

  /* --fail-on-gap: one error per gap of the whole CV longer than the threshold, at the
   * entry after it. */
  DiagList *diags = diag_list_new();
  g_assert_cmpuint(summary_check_gaps(r, &(SummaryThreshold){0, 14}, "cv.yaml", diags), ==, 2);
  assert_diag(diags, 0, DIAG_ERROR, 3, 5, "a gap of 15 d");
  assert_diag(diags, 1, DIAG_ERROR, 4, 5, "before 'C' is longer than --fail-on-gap (14 d)");
  g_assert_cmpuint(summary_check_gaps(r, &(SummaryThreshold){6, 0}, "cv.yaml", diags), ==, 0);
  diag_list_free(diags);
  summary_report_free(r);
}

static void test_range_and_only(void)
{
  const char *cv = "jobs:\n"
                   "  - {title: A, start: 2010-01, end: 2019-12}\n"
                   "  - {title: B, start: 2021-01, end: present}\n"
                   "education:\n"
                   "  - {title: E, start: 2005-01, end: 2009-12}\n";
  /* --from 2015 --to 2020-06: A counts from 1 Jan 2015 to Dec 2019 (60 months), B not at
   * all; the cut end is exact. */
  TimelineOptions topts = {
      .has_from = TRUE, .from = ymd(2015, 1, 1), .has_to = TRUE, .to = ymd(2020, 6, 30)};
  SummaryReport *r = report_of(cv, TODAY, &topts, NULL);
  g_assert_true(r->cut);
  g_assert_cmpuint(r->groups->len, ==, 1); /* education lies before the range */
  const SummaryScope *jobs = group(r, "jobs");
  assert_duration(&jobs->total, 60, 0, 1826, FALSE, "5 y");
  g_assert_true(jobs->span.start.cut);
  assert_span_text(&jobs->span, "1 Jan 2015 to Dec 2019");
  summary_report_free(r);

  /* --only jobs: the whole CV is the jobs; education's years leave no gap to fill. */
  const char *only[] = {"jobs", NULL};
  TimelineOptions only_jobs = {.only = only};
  r = report_of(cv, TODAY, &only_jobs, NULL);
  g_assert_cmpuint(r->groups->len, ==, 1);
  g_assert_null(summary_find_group(r, "education"));
  char *text = summary_format_text(r);
  g_assert_nonnull(strstr(text, "\nGroups counted: Experience.\n\nWhole CV: 15 y 11 m"));
  g_free(text);
  /* 120 months (A) + 1 Jan 2021 to 25 Nov 2026: 70 months 25 days. */
  assert_duration(&r->cv->total, 190, 25, 3652 + 2155, FALSE, "15 y 11 m");
  g_assert_cmpuint(r->cv->gaps->len, ==, 1);
  assert_span_text(&gap_at(r->cv, 0)->span, "Jan 2020 to Dec 2020");
  summary_report_free(r);
}

static void test_empty(void)
{
  SummaryReport *r = report_simple("name: Nobody\nmilestones:\n  - {date: 2020, title: M}\n");
  g_assert_true(r->cv->empty);
  g_assert_cmpuint(r->groups->len, ==, 0);
  char *text = summary_format_text(r);
  g_assert_cmpstr(text, ==, "Nobody: career summary\n\nWhole CV: nothing to count\n");
  g_free(text);
  char *json = summary_format_json(r);
  g_assert_nonnull(strstr(json, "\"start\": null"));
  g_free(json);
  summary_report_free(r);
}

/* --- Formats --- */

/* The CV of the text tests. */
static const char TEXT_CV[] = "name: Ada\n"
                              "jobs:\n"
                              "  - {title: A, org: Alpha, start: 2010-01, end: 2012-12}\n"
                              "  - org: Beta\n"
                              "    roles:\n"
                              "      - {title: X, start: 2014-01, end: 2014-12}\n"
                              "      - {title: Y, start: 2015-01, end: present}\n"
                              "visiting:\n"
                              "  - {title: V, org: Alpha, date: summer 2012}\n";

static void test_text(void)
{
  SummaryReport *r = report_simple(TEXT_CV);
  char *text = summary_format_text(r);
  /* Alpha 36 months; Beta 2014 to 25 Nov 2026: 12 y 10 m 25 d, 154 months + 25 days,
   * shown 12 y 11 m. Jobs 36 + 154 = 190 months, 25 days: 15 y 11 m. The gap: 2013. */
  g_assert_cmpstr(text, ==,
                  "Ada: career summary\n"
                  "Periods still going on are counted to today, 25 Nov 2026.\n"
                  "\n"
                  "Whole CV: 15 y 11 m, Jan 2010 to present\n"
                  "  Longest tenure: Beta, 12 y 11 m\n"
                  "  Two or more at once:\n"
                  "    summer 2012 (about 3 m): A \xc2\xb7 Alpha; V \xc2\xb7 Alpha\n"
                  "  Gaps longer than 6 m:\n"
                  "    Jan 2013 to Dec 2013 (1 y), after A \xc2\xb7 Alpha, before X "
                  "\xc2\xb7 Beta\n"
                  "\n"
                  "Experience: 15 y 11 m, Jan 2010 to present\n"
                  "  Alpha: 3 y, Jan 2010 to Dec 2012\n"
                  "  Beta: 12 y 11 m, Jan 2014 to present (X, Y)\n"
                  "  Longest tenure: Beta, 12 y 11 m\n"
                  "  Two or more at once: none\n"
                  "  Gaps longer than 6 m:\n"
                  "    Jan 2013 to Dec 2013 (1 y), after A \xc2\xb7 Alpha, before X "
                  "\xc2\xb7 Beta\n"
                  "\n"
                  "Visiting: about 3 m, summer 2012\n"
                  "  Alpha: about 3 m, summer 2012\n"
                  "  Longest tenure: Alpha, about 3 m\n"
                  "  Two or more at once: none\n"
                  "  Gaps longer than 6 m: none\n"
                  "\n"
                  "\"about\": the length hangs on a date given as approximate, or only as a "
                  "year, a season or an academic year (counted in full).\n");
  g_free(text);
  summary_report_free(r);
}

/* The text in the CV's language (`language:`), with the numbers of test_text; the JSON
 * the same in every language (but for the groups' own names, which are the chart's). */
static void test_text_languages(void)
{
  const char *body = TEXT_CV;
  g_autofree char *de_cv = g_strconcat("language: de\n", body, NULL);
  SummaryReport *r = report_simple(de_cv);
  char *text = summary_format_text(r);
  g_assert_cmpstr(text, ==,
                  "Ada: \xc3\x9c"
                  "bersicht des Werdegangs\n"
                  "Noch laufende Zeitr\xc3\xa4ume z\xc3\xa4hlen bis heute, 25. Nov. 2026.\n"
                  "\n"
                  "Gesamter Lebenslauf: 15 J. 11 Mon., Jan. 2010 bis heute\n"
                  "  L\xc3\xa4ngste Station: Beta, 12 J. 11 Mon.\n"
                  "  Zwei oder mehr gleichzeitig:\n"
                  "    Sommer 2012 (ca. 3 Mon.): A \xc2\xb7 Alpha; V \xc2\xb7 Alpha\n"
                  "  L\xc3\xbc"
                  "cken \xc3\xbc"
                  "ber 6 Mon.:\n"
                  "    Jan. 2013 bis Dez. 2013 (1 J.), nach A \xc2\xb7 Alpha, vor X \xc2\xb7 Beta\n"
                  "\n"
                  "Berufserfahrung: 15 J. 11 Mon., Jan. 2010 bis heute\n"
                  "  Alpha: 3 J., Jan. 2010 bis Dez. 2012\n"
                  "  Beta: 12 J. 11 Mon., Jan. 2014 bis heute (X, Y)\n"
                  "  L\xc3\xa4ngste Station: Beta, 12 J. 11 Mon.\n"
                  "  Zwei oder mehr gleichzeitig: keine\n"
                  "  L\xc3\xbc"
                  "cken \xc3\xbc"
                  "ber 6 Mon.:\n"
                  "    Jan. 2013 bis Dez. 2013 (1 J.), nach A \xc2\xb7 Alpha, vor X \xc2\xb7 Beta\n"
                  "\n"
                  "Gastaufenthalte: ca. 3 Mon., Sommer 2012\n"
                  "  Alpha: ca. 3 Mon., Sommer 2012\n"
                  "  L\xc3\xa4ngste Station: Alpha, ca. 3 Mon.\n"
                  "  Zwei oder mehr gleichzeitig: keine\n"
                  "  L\xc3\xbc"
                  "cken \xc3\xbc"
                  "ber 6 Mon.: keine\n"
                  "\n"
                  "\xe2\x80\x9e"
                  "ca.\xe2\x80\x9c: Die Dauer h\xc3\xa4ngt an einem ungef\xc3\xa4hren "
                  "Datum oder an einem, das nur als Jahr, Jahreszeit oder Studienjahr angegeben "
                  "ist (voll gez\xc3\xa4hlt).\n");
  g_free(text);
  char *de_json = summary_format_json(r);
  summary_report_free(r);

  g_autofree char *ja_cv = g_strconcat("language: ja\n", body, NULL);
  r = report_simple(ja_cv);
  text = summary_format_text(r);
  /* Lines of it: full-width punctuation, no spaces between a length's parts. */
  static const char *const ja_lines[] = {
      "Ada：経歴の概要\n",
      "継続中の期間は今日（2026年11月25日）まで数えています。\n",
      "\n経歴全体：15年11か月、2010年1月～現在\n",
      "  最も長い所属：Beta、12年11か月\n",
      "  二つ以上の重なり：\n    2012年夏（約3か月）：A \xc2\xb7 Alpha；V \xc2\xb7 Alpha\n",
      "  6か月を超える空白期間：\n    2013年1月～2013年12月（1年）、前：A · Alpha、後：X · Beta\n",
      "  Beta：12年11か月、2014年1月～現在（X、Y）\n",
      "  二つ以上の重なり：なし\n",
      "\n「約」：",
  };
  for (gsize i = 0; i < G_N_ELEMENTS(ja_lines); i++)
    if (strstr(text, ja_lines[i]) == NULL)
      g_error("'%s' is not in:\n%s", ja_lines[i], text);
  g_free(text);
  char *ja_json = summary_format_json(r);
  summary_report_free(r);

  r = report_simple(body);
  char *en_json = summary_format_json(r);
  summary_report_free(r);
  /* The built-in groups' names are the chart's words; all else is the same bytes. */
  static const char *const names[][3] = {{"Experience", "Berufserfahrung", "職歴"},
                                         {"Visiting", "Gastaufenthalte", "在外研究"}};
  for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
    g_autofree char *from = g_strdup_printf("\"%s\"", names[i][0]);
    for (int l = 1; l <= 2; l++) {
      g_autofree char *to = g_strdup_printf("\"%s\"", names[i][l]);
      char **json = l == 1 ? &de_json : &ja_json;
      g_auto(GStrv) parts = g_strsplit(*json, to, -1);
      g_free(*json);
      *json = g_strjoinv(from, parts);
    }
  }
  g_assert_cmpstr(de_json, ==, en_json);
  g_assert_cmpstr(ja_json, ==, en_json);
  g_free(de_json);
  g_free(ja_json);
  g_free(en_json);
}

static void test_json_yaml(void)
{
  SummaryReport *r =
      report_simple("jobs:\n  - {title: \"Say \\\"hi\\\"\", start: 2019, end: 2019}\n");
  char *json = summary_format_json(r), *yaml = summary_format_yaml(r);
  g_assert_nonnull(strstr(json, "\"total\": {\"months\": 12, \"days\": 0, \"calendar_days\": 365, "
                                "\"approximate\": true, \"text\": \"about 1 y\"}"));
  g_assert_nonnull(strstr(json, "\"start\": {\"date\": \"2019-01-01\", \"precision\": \"year\", "
                                "\"approximate\": false, \"ongoing\": false, \"cut\": false}"));
  g_assert_nonnull(strstr(json, "\"name\": \"Say \\\"hi\\\"\""));
  g_assert_nonnull(strstr(json, "\"name\": null")); /* the CV has no name */
  g_assert_nonnull(strstr(yaml, "today: \"2026-11-25\"\n"));
  g_assert_nonnull(strstr(yaml, "dates: \"2019\"\n"));
  /* Byte-identical from one run to the next. */
  char *again = summary_format_json(r);
  g_assert_cmpstr(json, ==, again);
  g_free(again);
  g_free(json);
  g_free(yaml);
  summary_report_free(r);
}

/* --- The example CV --- */

static char *example_path(void)
{
  const char *root = g_getenv("CVT_SOURCE_ROOT");
  return g_build_filename(root ? root : ".", "data", "bruno-magalhaes.yaml", NULL);
}

static void test_example_cv(void)
{
  char *path = example_path(), *text = NULL;
  gsize len;
  g_assert_true(g_file_get_contents(path, &text, &len, NULL));
  SummaryReport *r = report_of(text, TODAY, NULL, NULL);
  g_free(text);
  g_free(path);

  /* Experience (month dates; inclusive ends):
   *   Investment Property Databank  Mar 2007 - Oct 2008    20 months
   *   Noble Group                   Sep 2009 - Feb 2011    18 months
   *   EPFL, three roles             Mar 2011 - Aug 2019   102 months (48 + 52 + 2)
   *   Microsoft Research, 3 roles   Sep 2019 - Oct 2023    50 months (16 + 12 + 22)
   *   Synthesia                     Nov 2023 - 25 Nov 2026 36 months 25 days
   * Sep 2009 to today is one run (each starts the month after the last ends):
   * 18 + 102 + 50 + 36 = 206 months 25 days; with IPD, 226 months 25 days: 18 y 11 m.
   * Days: 611 (IPD) + 1 Sep 2009 to 25 Nov 2026 (6295) = 6906. The gap: Nov 2008 to
   * Aug 2009, 10 months (30+31+31+28+31+30+31+30+31+31 = 304 days). */
  const SummaryScope *jobs = group(r, "jobs");
  assert_duration(&jobs->total, 226, 25, 6906, FALSE, "18 y 11 m");
  g_assert_cmpuint(jobs->orgs->len, ==, 5);
  assert_duration(&org_at(jobs, 0)->time, 20, 0, 611, FALSE, "1 y 8 m");
  assert_duration(&org_at(jobs, 1)->time, 18, 0, 546, FALSE, "1 y 6 m");
  assert_duration(&org_at(jobs, 2)->time, 102, 0, 3106, FALSE, "8 y 6 m");
  assert_duration(&org_at(jobs, 3)->time, 50, 0, 1522, FALSE, "4 y 2 m");
  assert_duration(&org_at(jobs, 4)->time, 36, 25, 1121, FALSE, "3 y 1 m");
  g_assert_cmpstr(jobs->longest->name, ==,
                  "\xc3\x89"
                  "cole Polytechnique F\xc3\xa9"
                  "d\xc3\xa9rale de Lausanne (EPFL)");
  g_assert_cmpuint(jobs->overlaps->len, ==, 0);
  g_assert_cmpuint(jobs->gaps->len, ==, 1);
  assert_span_text(&gap_at(jobs, 0)->span, "Nov 2008 to Aug 2009");
  assert_duration(&gap_at(jobs, 0)->length, 10, 0, 304, FALSE, "10 m");

  /* Education: BSc Oct 2002 - Jul 2007 (58 months, 1765 days), MSc Oct 2008 - Sep 2009
   * (12, 365), PhD Mar 2015 - Jun 2019 (52, 1583): 122 months = 10 y 2 m, 3713 days.
   * Gaps: Aug 2007 - Sep 2008 (14 months, 427 days) and Oct 2009 - Feb 2015 (65 months:
   * 5 y 5 m, 1977 days). */
  const SummaryScope *edu = group(r, "education");
  assert_duration(&edu->total, 122, 0, 3713, FALSE, "10 y 2 m");
  g_assert_cmpstr(edu->longest->name, ==, "University of Minho");
  g_assert_cmpuint(edu->gaps->len, ==, 2);
  assert_duration(&gap_at(edu, 0)->length, 14, 0, 427, FALSE, "1 y 2 m");
  assert_duration(&gap_at(edu, 1)->length, 65, 0, 1977, FALSE, "5 y 5 m");

  /* Visiting: IBM summer 2004 (3 months, a guess), Maribor 2005/06 (10), CERN Oct 2006 -
   * Jun 2007 (9, a guess), CREST three summers (9): 31 months = 2 y 7 m, about (seasons,
   * an academic year, guesses at the edges). Days: 92 + 303 + 273 + 3 * 92 = 944.
   * Gaps: autumn 2004 - Aug 2005 (12), Jul 2007 - spring 2015 (95), and two of nine
   * months between the summers; Jul - Sep 2006 (3) is not longer than 6 months. */
  const SummaryScope *vis = group(r, "visiting");
  assert_duration(&vis->total, 31, 0, 944, TRUE, "about 2 y 7 m");
  g_assert_cmpuint(vis->gaps->len, ==, 5);
  g_assert_false(summary_gap_longer(gap_at(vis, 1), &r->gap));
  assert_duration(&gap_at(vis, 0)->length, 12, 0, 365, TRUE, "about 1 y");
  assert_span_text(&gap_at(vis, 0)->span, "about autumn 2004 to Aug 2005");
  assert_duration(&gap_at(vis, 2)->length, 95, 0, 2892, TRUE, "about 7 y 11 m");
  assert_duration(&gap_at(vis, 3)->length, 9, 0, 274, TRUE, "about 9 m");

  /* The whole CV: Oct 2002 to today with no day empty (BSc to Jul 2007, IPD from Mar
   * 2007 to Oct 2008, MSc from Oct 2008, Noble from Sep 2009, then the jobs above):
   * 1 Oct 2002 + 289 months = 1 Nov 2026, and 25 days: 24 y 2 m; 8822 days. Exact: the
   * guessed and seasonal visits all lie inside the BSc or the PhD. */
  assert_duration(&r->cv->total, 289, 25, 8822, FALSE, "24 y 2 m");
  g_assert_cmpuint(r->cv->gaps->len, ==, 0);
  g_assert_cmpstr(r->cv->longest->name, ==, jobs->longest->name);
  /* Two or more at once: IBM in the BSc; Maribor in the BSc; Oct 2006 - Jul 2007 (CERN
   * and then IPD with the BSc, three in Mar - Jun 2007); Oct 2008 (IPD and MSc); Sep 2009
   * (MSc and Noble); Mar 2015 - Jun 2019 (the PhD with the PhD candidate role, and the
   * summers at CREST). */
  g_assert_cmpuint(r->cv->overlaps->len, ==, 6);
  const SummaryOverlap *o = overlap_at(r->cv, 2);
  assert_span_text(&o->span, "about Oct 2006 to Jul 2007");
  assert_duration(&o->length, 10, 0, 304, TRUE, "about 10 m");
  g_assert_cmpuint(o->most_at_once, ==, 3);
  o = overlap_at(r->cv, 3);
  assert_span_text(&o->span, "Oct 2008");
  assert_duration(&o->length, 1, 0, 31, FALSE, "1 m");
  o = overlap_at(r->cv, 5);
  assert_duration(&o->length, 52, 0, 1583, FALSE, "4 y 4 m");
  g_assert_cmpuint(o->most_at_once, ==, 3);
  g_assert_cmpuint(o->items->len, ==, 3);
  summary_report_free(r);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/summary/overlap", test_overlap);
  g_test_add_func("/summary/nesting", test_nesting);
  g_test_add_func("/summary/same-day", test_same_day);
  g_test_add_func("/summary/year-only", test_year_only);
  g_test_add_func("/summary/seasons", test_seasons);
  g_test_add_func("/summary/academic-years", test_academic_years);
  g_test_add_func("/summary/present-with-today", test_present_with_today);
  g_test_add_func("/summary/approximate", test_approximate);
  g_test_add_func("/summary/roles-with-gaps", test_roles_with_gaps);
  g_test_add_func("/summary/periods", test_periods);
  g_test_add_func("/summary/org-across-groups", test_org_across_groups);
  g_test_add_func("/summary/month-carry", test_month_carry);
  g_test_add_func("/summary/thresholds", test_thresholds);
  g_test_add_func("/summary/gap-thresholds", test_gap_thresholds);
  g_test_add_func("/summary/range-and-only", test_range_and_only);
  g_test_add_func("/summary/empty", test_empty);
  g_test_add_func("/summary/text", test_text);
  g_test_add_func("/summary/text-languages", test_text_languages);
  g_test_add_func("/summary/json-yaml", test_json_yaml);
  g_test_add_func("/summary/example-cv", test_example_cv);
  return g_test_run();
}
