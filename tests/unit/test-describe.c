/* Unit tests for describe.c: every date at the precision the CV gave it (year, month,
 * day, season, academic year, approximate, ongoing), spans that read as one date, the
 * name formatter, and tooltips bounded by an item's own fields (a role segment names its
 * neighbours, not the whole progression). */
#include "describe.h"

#include "date_words.h"

#include <string.h>

typedef struct {
  const char *name;
  int y0, m0, d0;
  DatePrecision p0;
  gboolean a0;
  int y1, m1, d1; /* y1 == 0: ongoing */
  DatePrecision p1;
  gboolean a1;
  const char *want;
} SpanCase;

#define Y DATE_PREC_YEAR
#define M DATE_PREC_MONTH
#define D DATE_PREC_DAY
#define S DATE_PREC_SEASON
#define A DATE_PREC_ACADEMIC

static const SpanCase span_cases[] = {
    {"year-to-month", 2010, 1, 1, Y, FALSE, 2016, 8, 31, M, FALSE, "2010 to Aug 2016"},
    {"month-to-month", 2015, 3, 1, M, FALSE, 2019, 6, 30, M, FALSE, "Mar 2015 to Jun 2019"},
    {"month-to-present", 2020, 1, 1, M, FALSE, 0, 0, 0, D, FALSE, "Jan 2020 to present"},
    {"year-to-present", 2021, 1, 1, Y, FALSE, 0, 0, 0, D, FALSE, "2021 to present"},
    {"one-year", 2019, 1, 1, Y, FALSE, 2019, 12, 31, Y, FALSE, "2019"},
    {"one-month", 2019, 5, 1, M, FALSE, 2019, 5, 31, M, FALSE, "May 2019"},
    {"one-day", 2019, 3, 3, D, FALSE, 2019, 3, 3, D, FALSE, "3 Mar 2019"},
    {"days-in-a-month", 2019, 3, 3, D, FALSE, 2019, 3, 14, D, FALSE, "3 to 14 Mar 2019"},
    {"days-across-months", 2019, 3, 3, D, FALSE, 2019, 4, 14, D, FALSE,
     "3 Mar 2019 to 14 Apr 2019"},
    {"day-to-year", 2015, 6, 1, D, FALSE, 2016, 12, 31, Y, FALSE, "1 Jun 2015 to 2016"},
    {"season", 2015, 6, 1, S, FALSE, 2015, 8, 31, S, FALSE, "summer 2015"},
    {"winter-into-next-year", 2015, 12, 1, S, FALSE, 2016, 2, 29, S, FALSE, "winter 2015"},
    {"season-to-season", 2014, 9, 1, S, FALSE, 2015, 5, 31, S, FALSE, "autumn 2014 to spring 2015"},
    {"academic", 2005, 9, 1, A, FALSE, 2006, 6, 30, A, FALSE, "2005/06"},
    {"academic-century", 1999, 9, 1, A, FALSE, 2000, 6, 30, A, FALSE, "1999/00"},
    {"approximate-start", 2004, 1, 1, Y, TRUE, 2006, 12, 31, Y, FALSE, "about 2004 to 2006"},
    {"approximate-end", 2003, 1, 1, Y, FALSE, 2005, 12, 31, Y, TRUE, "2003 to about 2005"},
    {"approximate-one", 2004, 1, 1, Y, TRUE, 2004, 12, 31, Y, TRUE, "about 2004"},
    {"approximate-season", 2004, 6, 1, S, TRUE, 2004, 8, 31, S, TRUE, "about summer 2004"},
    {"approximate-present", 2006, 10, 1, M, TRUE, 0, 0, 0, D, FALSE, "about Oct 2006 to present"},
    {"approximate-days", 2019, 3, 3, D, TRUE, 2019, 3, 14, D, FALSE,
     "about 3 Mar 2019 to 14 Mar 2019"},
};

static DateSpan span_of(const SpanCase *c)
{
  DateSpan s = {
      .start = date_from_ymd(c->y0, c->m0, c->d0),
      .start_precision = c->p0,
      .start_approx = c->a0,
      .end_precision = c->p1,
      .end_approx = c->a1,
  };
  if (c->y1 == 0) {
    s.ongoing = TRUE;
    s.end = date_from_ymd(2026, 11, 25);
  } else {
    s.end = date_from_ymd(c->y1, c->m1, c->d1);
  }
  return s;
}

static void test_span(gconstpointer data)
{
  const SpanCase *c = data;
  DateSpan s = span_of(c);
  GString *out = g_string_new(NULL);
  date_words_span(out, NULL, &s);
  g_assert_cmpstr(out->str, ==, c->want);
  g_string_free(out, TRUE);
}

typedef struct {
  const char *name;
  int y, m, d;
  DatePrecision p;
  gboolean approx;
  const char *want;
} DateCase;

static const DateCase date_cases[] = {
    {"year", 2019, 1, 1, Y, FALSE, "2019"},
    {"month", 2019, 1, 1, M, FALSE, "Jan 2019"},
    {"day", 2019, 11, 3, D, FALSE, "3 Nov 2019"},
    {"spring", 2015, 3, 1, S, FALSE, "spring 2015"},
    {"autumn", 2015, 9, 1, S, FALSE, "autumn 2015"},
    {"winter", 2015, 12, 1, S, FALSE, "winter 2015"},
    {"academic", 2005, 9, 1, A, FALSE, "2005/06"},
    {"approximate-year", 2009, 1, 1, Y, TRUE, "about 2009"},
    {"approximate-month", 2009, 5, 1, M, TRUE, "about May 2009"},
};

static void test_date(gconstpointer data)
{
  const DateCase *c = data;
  GString *out = g_string_new(NULL);
  date_words(out, NULL, date_from_ymd(c->y, c->m, c->d), c->p, c->approx);
  g_assert_cmpstr(out->str, ==, c->want);
  g_string_free(out, TRUE);
}

static void test_name(void)
{
  GString *out = g_string_new(NULL);
  lang_append_name(out, NULL, "Engineer", "Acme");
  g_string_append_c(out, '|');
  lang_append_name(out, NULL, NULL, "Acme");
  g_string_append_c(out, '|');
  lang_append_name(out, NULL, "Engineer", NULL);
  g_string_append_c(out, '|');
  lang_append_name(out, NULL, NULL, NULL);
  g_assert_cmpstr(out->str, ==, "Engineer, Acme|Acme|Engineer|untitled");
  g_string_free(out, TRUE);
}

/* An entry with @n roles, one a year from 1000, each drawn as one bar. */
static LayoutEntry *entry_with_roles(LayoutScene *scene, guint n)
{
  layout_scene_add_group(scene, "jobs", "Experience");
  LayoutEntry *e = layout_scene_add_entry(scene, 0);
  e->org = g_strdup("Big Research");
  e->note = g_strdup("A note.");
  for (guint i = 0; i < n; i++) {
    LayoutRole r = {
        g_strdup_printf("Role %u", i),
        {date_from_ymd(1000 + (int)i, 1, 1), date_from_ymd(1000 + (int)i, 12, 31), Y, Y}};
    g_array_append_val(e->roles, r);
    LayoutBar b = {.source = i, .start = r.span.start, .end = r.span.end, .label = LAYOUT_NONE};
    g_array_append_val(e->bars, b);
  }
  return e;
}

static void test_bar_tooltip(void)
{
  LayoutScene *scene = layout_scene_new(100, 100);
  const LayoutEntry *e = entry_with_roles(scene, 3);
  char *tip = describe_bar(NULL, e, 0);
  g_assert_cmpstr(tip, ==, "Role 0, Big Research\n1000\nRole 1 of 3: before Role 1\nA note.");
  g_free(tip);
  tip = describe_bar(NULL, e, 1);
  g_assert_cmpstr(tip, ==,
                  "Role 1, Big Research\n1001\nRole 2 of 3: after Role 0, before Role 2\nA note.");
  g_free(tip);
  tip = describe_bar(NULL, e, 2);
  g_assert_cmpstr(tip, ==, "Role 2, Big Research\n1002\nRole 3 of 3: after Role 1\nA note.");
  g_free(tip);
  layout_scene_free(scene);
}

/* A segment's tooltip has the same size whether the entry has 10 roles or 10,000: it
 * names its neighbours, never the whole progression. */
static void test_bar_tooltip_bounded(void)
{
  LayoutScene *small = layout_scene_new(100, 100), *large = layout_scene_new(100, 100);
  const LayoutEntry *a = entry_with_roles(small, 10), *b = entry_with_roles(large, 10000);
  char *ta = describe_bar(NULL, a, 5), *tb = describe_bar(NULL, b, 5);
  g_assert_cmpuint(strlen(tb), <=, strlen(ta) + 4); /* "of 10" -> "of 10000" */
  g_free(ta);
  g_free(tb);
  layout_scene_free(small);
  layout_scene_free(large);
}

static void test_milestone(void)
{
  LayoutMilestone m = {.date = date_from_ymd(2019, 1, 1),
                       .precision = DATE_PREC_MONTH,
                       .title = (char *)"Prize",
                       .note = (char *)"For a paper."};
  char *tip = describe_milestone(NULL, &m);
  g_assert_cmpstr(tip, ==, "Prize\nJan 2019\nFor a paper.");
  g_free(tip);
  m.precision = DATE_PREC_YEAR;
  m.approximate = TRUE;
  m.note = NULL;
  tip = describe_milestone(NULL, &m);
  g_assert_cmpstr(tip, ==, "Prize\nabout 2019");
  g_free(tip);
}

/* The same items in other catalogs' words and patterns. */
static void test_languages(void)
{
  static const struct {
    const char *lang;
    int y, m, d;
    DatePrecision p;
    gboolean approx;
    const char *want;
  } dates[] = {
      {"de", 2019, 3, 1, M, FALSE, "März 2019"},
      {"de", 2019, 9, 1, M, FALSE, "Sept. 2019"},
      {"de", 2019, 3, 4, D, FALSE, "4. März 2019"},
      {"de", 2015, 6, 1, S, FALSE, "Sommer 2015"},
      {"de", 2004, 1, 1, Y, TRUE, "ca. 2004"},
      {"pt", 2019, 3, 1, M, FALSE, "mar. de 2019"},
      {"pt", 2019, 3, 4, D, FALSE, "4 de mar. de 2019"},
      {"pt", 2015, 6, 1, S, FALSE, "verão de 2015"},
      {"ja", 2019, 3, 1, M, FALSE, "2019年3月"},
      {"ja", 2019, 3, 4, D, FALSE, "2019年3月4日"},
      {"ja", 2004, 1, 1, Y, TRUE, "2004年頃"},
      {"ja", 2015, 6, 1, S, FALSE, "2015年夏"},
      {"zh", 2015, 12, 1, S, FALSE, "2015年冬季"},
      {"tr", 2015, 6, 1, S, FALSE, "2015 yazı"},
      {"fr", 2019, 8, 1, M, FALSE, "août 2019"},
      {"ja", 2005, 9, 1, A, FALSE, "2005/06"},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(dates); i++) {
    GString *out = g_string_new(NULL);
    date_words(out, lang_find(dates[i].lang), date_from_ymd(dates[i].y, dates[i].m, dates[i].d),
               dates[i].p, dates[i].approx);
    g_assert_cmpstr(out->str, ==, dates[i].want);
    g_string_free(out, TRUE);
  }
  DateSpan ongoing = {date_from_ymd(2015, 3, 1), date_from_ymd(2026, 11, 25), M, D};
  ongoing.ongoing = TRUE;
  DateSpan days = {date_from_ymd(2019, 3, 3), date_from_ymd(2019, 3, 14), D, D};
  const struct {
    const char *lang;
    const DateSpan *span;
    const char *want;
  } spans[] = {
      {"de", &ongoing, "März 2015 bis heute"},      {"de", &days, "3. bis 14. März 2019"},
      {"pt", &ongoing, "mar. de 2015 – presente"},  {"ja", &ongoing, "2015年3月～現在"},
      {"ja", &days, "2019年3月3日～2019年3月14日"}, {"es", &ongoing, "de mar 2015 a la actualidad"},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(spans); i++) {
    GString *out = g_string_new(NULL);
    date_words_span(out, lang_find(spans[i].lang), spans[i].span);
    g_assert_cmpstr(out->str, ==, spans[i].want);
    g_string_free(out, TRUE);
  }
  /* Tooltips and the alt text. */
  LayoutScene *scene = layout_scene_new(100, 100);
  lang_free(scene->lang);
  scene->lang = lang_copy(lang_find("de"));
  const LayoutEntry *e = entry_with_roles(scene, 3);
  char *tip = describe_bar(scene->lang, e, 1);
  g_assert_cmpstr(tip, ==,
                  "Role 1, Big Research\n1001\nPosition 2 von 3: nach Role 0, vor Role 2\nA note.");
  g_free(tip);
  scene->range_start = date_from_ymd(1000, 1, 1);
  scene->range_end = date_from_ymd(1002, 12, 31);
  scene->title = g_strdup("Erika Mustermann");
  char *alt = describe_alt_text(scene);
  g_assert_true(
      g_str_has_prefix(alt, "Erika Mustermann: beruflicher Werdegang von 1000 bis 1002.\n"));
  g_free(alt);
  lang_free(scene->lang);
  scene->lang = lang_copy(lang_find("ja"));
  alt = describe_alt_text(scene);
  g_assert_true(g_str_has_prefix(alt, "Erika Mustermann：経歴年表（1000年～1002年）。\n"));
  /* The roles in the language's parentheses, full-width here. */
  if (strstr(alt, "Big Research（Role 0 1000年；Role 1 1001年；Role 2 1002年）") == NULL)
    g_error("no full-width role list in:\n%s", alt);
  g_free(alt);
  layout_scene_free(scene);
  LayoutMilestone m = {.date = date_from_ymd(2019, 1, 1), .precision = DATE_PREC_MONTH};
  tip = describe_milestone(lang_find("pl"), &m);
  g_assert_cmpstr(tip, ==, "bez tytułu\nsty 2019");
  g_free(tip);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS(span_cases); i++) {
    char *path = g_strdup_printf("/describe/span/%s", span_cases[i].name);
    g_test_add_data_func(path, &span_cases[i], test_span);
    g_free(path);
  }
  for (gsize i = 0; i < G_N_ELEMENTS(date_cases); i++) {
    char *path = g_strdup_printf("/describe/date/%s", date_cases[i].name);
    g_test_add_data_func(path, &date_cases[i], test_date);
    g_free(path);
  }
  g_test_add_func("/describe/name", test_name);
  g_test_add_func("/describe/bar-tooltip", test_bar_tooltip);
  g_test_add_func("/describe/bar-tooltip-bounded", test_bar_tooltip_bounded);
  g_test_add_func("/describe/milestone", test_milestone);
  g_test_add_func("/describe/languages", test_languages);
  return g_test_run();
}
