/* describe: the chart's items in words (alt text, tooltips), from the scene's records,
 * with each date at the precision the CV wrote it (spec/cv-format.md "Dates"), in the
 * words and patterns of the scene's language (lang.h). */
#include "describe.h"

#include <string.h>

/* The career summary's words on the chart (doc/summary.md "On the chart"): English, as
 * the summary's own lengths and dates (summary_duration_text, summary_span_text) still
 * are; they join the catalog (lang.h) with those. */
#define DESCRIBE_GAP "Gap"
#define DESCRIBE_GAPS "Gaps"

/* The date without its approximate marker. */
static void describe_exact_date(GString *out, const Lang *lang, DateDay day,
                                DatePrecision precision)
{
  int y, m, d;
  date_to_ymd(day, &y, &m, &d);
  if (y < 1) {
    g_string_append(out, "?");
    return;
  }
  char year[16], dom[8];
  g_snprintf(year, sizeof year, "%d", y);
  g_snprintf(dom, sizeof dom, "%d", d);
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
    g_snprintf(year, sizeof year, "%d", sy);
    lang_expand(out, lang_word(lang, LANG_SEASON_YEAR), 's', lang_season(lang, season), 'y', year,
                0);
    break;
  }
  case DATE_PREC_YEAR:
    lang_expand(out, lang_word(lang, LANG_YEAR), 'y', year, 0);
    break;
  case DATE_PREC_ACADEMIC: {
    /* September to June: a day from July on starts the year named by its own. */
    int first = m >= 7 ? y : y - 1;
    g_string_append_printf(out, "%d/%02d", first, (first + 1) % 100);
    break;
  }
  }
}

void describe_date(GString *out, const Lang *lang, DateDay day, DatePrecision precision,
                   gboolean approximate)
{
  if (!approximate) {
    describe_exact_date(out, lang, day, precision);
    return;
  }
  GString *exact = g_string_new(NULL);
  describe_exact_date(exact, lang, day, precision);
  lang_expand(out, lang_word(lang, LANG_ABOUT), 'x', exact->str, 0);
  g_string_free(exact, TRUE);
}

void describe_span(GString *out, const Lang *lang, const DateSpan *span)
{
  GString *a = g_string_new(NULL), *b = g_string_new(NULL);
  describe_date(a, lang, span->start, span->start_precision, span->start_approx);
  if (span->ongoing) {
    lang_expand(out, lang_word(lang, LANG_ONGOING), 'a', a->str, 'p', lang_word(lang, LANG_PRESENT),
                0);
    g_string_free(a, TRUE);
    g_string_free(b, TRUE);
    return;
  }
  describe_date(b, lang, span->end, span->end_precision, span->end_approx);
  int ya, ma, da, yb, mb, db;
  date_to_ymd(span->start, &ya, &ma, &da);
  date_to_ymd(span->end, &yb, &mb, &db);
  const char *days = lang_word(lang, LANG_DAYS_SPAN);
  if (g_string_equal(a, b)) {
    g_string_append_len(out, a->str, (gssize)a->len);
  } else if (span->start_precision == DATE_PREC_DAY && span->end_precision == DATE_PREC_DAY &&
             !span->start_approx && !span->end_approx && ya == yb && ma == mb && ya > 0 &&
             *days != '\0') {
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

void describe_name(GString *out, const Lang *lang, const char *title, const char *org)
{
  if (title && org)
    g_string_append_printf(out, "%s%s%s", title, lang_word(lang, LANG_COMMA), org);
  else
    g_string_append(out, title ? title : org ? org : lang_word(lang, LANG_UNTITLED));
}

static const LayoutRole *describe_role(const LayoutEntry *entry, guint i)
{
  return &g_array_index(entry->roles, LayoutRole, i);
}

/* "Engineer, Big Co, 2019 to present" or "Big Co (Resident Sep 2019 to 2020; ...)". */
static void describe_entry_line(GString *out, const Lang *lang, const LayoutEntry *e)
{
  describe_name(out, lang, e->title, e->org);
  if (e->roles->len > 0) {
    g_string_append(out, " (");
    for (guint i = 0; i < e->roles->len; i++) {
      g_string_append_printf(out, "%s%s ", i ? lang_word(lang, LANG_SEMICOLON) : "",
                             describe_role(e, i)->title);
      describe_span(out, lang, &describe_role(e, i)->span);
    }
    g_string_append(out, ")");
    return;
  }
  for (guint i = 0; i < e->periods->len; i++) {
    g_string_append(out, i ? lang_word(lang, LANG_AND) : lang_word(lang, LANG_COMMA));
    describe_span(out, lang, &g_array_index(e->periods, DateSpan, i));
  }
}

char *describe_alt_text(const LayoutScene *scene)
{
  const Lang *lang = scene->lang;
  GString *out = g_string_new(NULL);
  int y0, y1, m, d;
  date_to_ymd(scene->range_start, &y0, &m, &d);
  date_to_ymd(scene->range_end, &y1, &m, &d);
  if (scene->title != NULL) {
    g_autofree char *name =
        g_strdup_printf("%s%s%s", scene->title, scene->headline ? lang_word(lang, LANG_COMMA) : "",
                        scene->headline ? scene->headline : "");
    lang_expand(out, lang_word(lang, LANG_TIMELINE_OF), 'n', name, 0);
  } else {
    g_string_append(out, lang_word(lang, LANG_TIMELINE));
  }
  GString *a = g_string_new(NULL), *b = g_string_new(NULL);
  describe_exact_date(a, lang, scene->range_start, DATE_PREC_YEAR);
  describe_exact_date(b, lang, scene->range_end, DATE_PREC_YEAR);
  if (y0 == y1)
    lang_expand(out, lang_word(lang, LANG_ONE_YEAR), 'y', a->str, 0);
  else
    lang_expand(out, lang_word(lang, LANG_YEARS), 'a', a->str, 'b', b->str, 0);
  g_string_append_printf(out, "%s\n", lang_word(lang, LANG_STOP));
  g_string_free(a, TRUE);
  g_string_free(b, TRUE);
  for (guint g = 0; g < scene->groups->len; g++) {
    const LayoutGroup *group = &g_array_index(scene->groups, LayoutGroup, g);
    g_string_append(out, group->name ? group->name : group->key);
    /* What the chart shows of the career summary, it says too. */
    if (group->total)
      g_string_append_printf(out, " (%s)", group->total);
    g_string_append(out, lang_word(lang, LANG_COLON));
    for (guint i = 0; i < group->n_entries; i++) {
      if (i > 0)
        g_string_append(out, lang_word(lang, LANG_SEMICOLON));
      describe_entry_line(out, lang, layout_group_entry(scene, group, i));
    }
    for (guint k = 0; k < group->gaps->len; k++) {
      const LayoutGap *gap = &g_array_index(group->gaps, LayoutGap, k);
      if (k == 0)
        g_string_append_printf(out, "%s %s%s", lang_word(lang, LANG_STOP), DESCRIBE_GAPS,
                               lang_word(lang, LANG_COLON));
      else
        g_string_append(out, lang_word(lang, LANG_SEMICOLON));
      g_string_append_printf(out, "%s (%s)", gap->dates, gap->text);
    }
    g_string_append_printf(out, "%s\n", lang_word(lang, LANG_STOP));
  }
  if (scene->milestones->len > 0) {
    g_string_append_printf(out, "%s%s", lang_word(lang, LANG_MILESTONES),
                           lang_word(lang, LANG_COLON));
    for (guint i = 0; i < scene->milestones->len; i++) {
      const LayoutMilestone *ms = &g_array_index(scene->milestones, LayoutMilestone, i);
      g_string_append(out, i ? lang_word(lang, LANG_SEMICOLON) : "");
      describe_name(out, lang, ms->title, NULL);
      g_string_append(out, lang_word(lang, LANG_COMMA));
      describe_date(out, lang, ms->date, ms->precision, ms->approximate);
    }
    g_string_append_printf(out, "%s\n", lang_word(lang, LANG_STOP));
  }
  return g_string_free(out, FALSE);
}

char *describe_entry(const Lang *lang, const LayoutEntry *e)
{
  GString *out = g_string_new(NULL);
  describe_name(out, lang, e->title, e->org);
  if (e->location)
    g_string_append_printf(out, "\n%s", e->location);
  if (e->roles->len > 0) {
    for (guint i = 0; i < e->roles->len; i++) {
      g_string_append_printf(out, "\n%s%s", describe_role(e, i)->title,
                             lang_word(lang, LANG_COLON));
      describe_span(out, lang, &describe_role(e, i)->span);
    }
  } else if (e->periods->len > 0) {
    g_string_append_c(out, '\n');
    for (guint i = 0; i < e->periods->len; i++) {
      g_string_append(out, i ? lang_word(lang, LANG_COMMA) : "");
      describe_span(out, lang, &g_array_index(e->periods, DateSpan, i));
    }
  }
  if (e->note)
    g_string_append_printf(out, "\n%s", e->note);
  return g_string_free(out, FALSE);
}

/* "Role 2 of 5: after Resident, before Director" for role @i. */
static void describe_role_place(GString *out, const Lang *lang, const LayoutEntry *e, guint i)
{
  guint n = e->roles->len;
  char which[16], count[16];
  g_snprintf(which, sizeof which, "%u", i + 1);
  g_snprintf(count, sizeof count, "%u", n);
  g_string_append_c(out, '\n');
  lang_expand(out, lang_word(lang, LANG_ROLE_OF), 'i', which, 'n', count, 0);
  if (i > 0) {
    g_string_append(out, lang_word(lang, LANG_COLON));
    lang_expand(out, lang_word(lang, LANG_AFTER), 't', describe_role(e, i - 1)->title, 0);
  }
  if (i + 1 < n) {
    g_string_append(out, lang_word(lang, i > 0 ? LANG_COMMA : LANG_COLON));
    lang_expand(out, lang_word(lang, LANG_BEFORE), 't', describe_role(e, i + 1)->title, 0);
  }
}

char *describe_bar(const Lang *lang, const LayoutEntry *e, guint bar_index)
{
  const LayoutBar *bar =
      bar_index < e->bars->len ? &g_array_index(e->bars, LayoutBar, bar_index) : NULL;
  const LayoutRole *role = NULL;
  const DateSpan *span = NULL;
  if (bar != NULL && e->roles->len > 0 && bar->source < e->roles->len) {
    role = describe_role(e, bar->source);
    span = &role->span;
  } else if (bar != NULL && bar->source < e->periods->len) {
    span = &g_array_index(e->periods, DateSpan, bar->source);
  }
  GString *out = g_string_new(NULL);
  /* A role segment leads with its role. */
  describe_name(out, lang, role ? role->title : e->title, e->org);
  if (e->location)
    g_string_append_printf(out, "\n%s", e->location);
  if (span != NULL) {
    g_string_append_c(out, '\n');
    describe_span(out, lang, span);
  }
  if (role != NULL && e->roles->len > 1)
    describe_role_place(out, lang, e, bar->source);
  if (e->note)
    g_string_append_printf(out, "\n%s", e->note);
  return g_string_free(out, FALSE);
}

char *describe_gap(const Lang *lang, const LayoutGap *gap)
{
  return g_strdup_printf("%s%s%s (%s)", DESCRIBE_GAP, lang_word(lang, LANG_COLON), gap->dates,
                         gap->text);
}

char *describe_milestone(const Lang *lang, const LayoutMilestone *m)
{
  GString *out = g_string_new(NULL);
  describe_name(out, lang, m->title, NULL);
  g_string_append_c(out, '\n');
  describe_date(out, lang, m->date, m->precision, m->approximate);
  if (m->note)
    g_string_append_printf(out, "\n%s", m->note);
  return g_string_free(out, FALSE);
}
