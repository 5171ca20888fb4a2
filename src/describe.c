/* describe: the chart's items in words (alt text, tooltips), from the scene's records,
 * with each date at the precision the CV wrote it (doc/cv-format.md "Dates"), in the
 * words and patterns of the scene's language (lang.h). Dates, spans and names are worded
 * by date_words.c and lang.c, which the career summary shares; this file makes the
 * sentences. */
#include "describe.h"

#include "date_words.h"

static const LayoutRole *describe_role(const LayoutEntry *entry, guint i)
{
  return &g_array_index(entry->roles, LayoutRole, i);
}

/* @span in words: @words, as the layout worded it, or worded now. */
static void describe_span(GString *out, const Lang *lang, const DateSpan *span, const char *words)
{
  if (words != NULL)
    g_string_append(out, words);
  else
    date_words_span(out, lang, span);
}

static void describe_role_span(GString *out, const Lang *lang, const LayoutEntry *e, guint i)
{
  describe_span(out, lang, &describe_role(e, i)->span, describe_role(e, i)->span_words);
}

static const char *describe_period_words(const LayoutEntry *e, guint i)
{
  return e->period_words && i < e->period_words->len ? g_ptr_array_index(e->period_words, i)
                                                     : NULL;
}

static void describe_period(GString *out, const Lang *lang, const LayoutEntry *e, guint i)
{
  describe_span(out, lang, &g_array_index(e->periods, DateSpan, i), describe_period_words(e, i));
}

/* A new line of @text, if there is one. Tooltips are made for every entry: appends, not
 * printf, which formats into a string of its own first. */
static void describe_line(GString *out, const char *text)
{
  if (text == NULL)
    return;
  g_string_append_c(out, '\n');
  g_string_append(out, text);
}

/* A gap's dates and its length: "Nov 2008 to Aug 2009 (10 m)". */
static void describe_gap_words(GString *out, const Lang *lang, const LayoutGap *gap)
{
  g_string_append(out, gap->dates);
  lang_expand(out, lang_word(lang, LANG_ASIDE), 'x', gap->text, 0);
}

/* "Engineer, Big Co, 2019 to present" or "Big Co (Resident Sep 2019 to 2020; ...)". */
static void describe_entry_line(GString *out, const Lang *lang, const LayoutEntry *e)
{
  lang_append_name(out, lang, e->title, e->org);
  if (e->roles->len > 0) {
    GString *roles = g_string_new(NULL);
    for (guint i = 0; i < e->roles->len; i++) {
      if (i > 0)
        g_string_append(roles, lang_word(lang, LANG_SEMICOLON));
      g_string_append(roles, describe_role(e, i)->title);
      g_string_append_c(roles, ' ');
      describe_role_span(roles, lang, e, i);
    }
    lang_expand(out, lang_word(lang, LANG_ASIDE), 'x', roles->str, 0);
    g_string_free(roles, TRUE);
    return;
  }
  for (guint i = 0; i < e->periods->len; i++) {
    g_string_append(out, i ? lang_word(lang, LANG_AND) : lang_word(lang, LANG_COMMA));
    describe_period(out, lang, e, i);
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
  date_words(a, lang, scene->range_start, DATE_PREC_YEAR, FALSE);
  date_words(b, lang, scene->range_end, DATE_PREC_YEAR, FALSE);
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
      lang_expand(out, lang_word(lang, LANG_ASIDE), 'x', group->total, 0);
    g_string_append(out, lang_word(lang, LANG_COLON));
    for (guint i = 0; i < group->n_entries; i++) {
      if (i > 0)
        g_string_append(out, lang_word(lang, LANG_SEMICOLON));
      describe_entry_line(out, lang, layout_group_entry(scene, group, i));
    }
    for (guint k = 0; k < group->gaps->len; k++) {
      const LayoutGap *gap = &g_array_index(group->gaps, LayoutGap, k);
      if (k == 0) {
        /* A new sentence; a full-width stop ("。") needs no space after it. */
        const char *stop = lang_word(lang, LANG_STOP);
        g_string_append_printf(out, "%s%s%s%s", stop, (guchar)*stop < 0x80 ? " " : "",
                               lang_word(lang, LANG_GAPS), lang_word(lang, LANG_COLON));
      } else {
        g_string_append(out, lang_word(lang, LANG_SEMICOLON));
      }
      describe_gap_words(out, lang, gap);
    }
    g_string_append_printf(out, "%s\n", lang_word(lang, LANG_STOP));
  }
  if (scene->milestones->len > 0) {
    g_string_append_printf(out, "%s%s", lang_word(lang, LANG_MILESTONES),
                           lang_word(lang, LANG_COLON));
    for (guint i = 0; i < scene->milestones->len; i++) {
      const LayoutMilestone *ms = &g_array_index(scene->milestones, LayoutMilestone, i);
      g_string_append(out, i ? lang_word(lang, LANG_SEMICOLON) : "");
      lang_append_name(out, lang, ms->title, NULL);
      g_string_append(out, lang_word(lang, LANG_COMMA));
      date_words(out, lang, ms->date, ms->precision, ms->approximate);
    }
    g_string_append_printf(out, "%s\n", lang_word(lang, LANG_STOP));
  }
  return g_string_free(out, FALSE);
}

char *describe_entry(const Lang *lang, const LayoutEntry *e)
{
  GString *out = g_string_new(NULL);
  lang_append_name(out, lang, e->title, e->org);
  describe_line(out, e->location);
  if (e->roles->len > 0) {
    for (guint i = 0; i < e->roles->len; i++) {
      describe_line(out, describe_role(e, i)->title);
      g_string_append(out, lang_word(lang, LANG_COLON));
      describe_role_span(out, lang, e, i);
    }
  } else if (e->periods->len > 0) {
    g_string_append_c(out, '\n');
    for (guint i = 0; i < e->periods->len; i++) {
      g_string_append(out, i ? lang_word(lang, LANG_COMMA) : "");
      describe_period(out, lang, e, i);
    }
  }
  describe_line(out, e->note);
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
  const char *span_words = NULL;
  if (bar != NULL && e->roles->len > 0 && bar->source < e->roles->len) {
    role = describe_role(e, bar->source);
    span = &role->span;
    span_words = role->span_words;
  } else if (bar != NULL && bar->source < e->periods->len) {
    span = &g_array_index(e->periods, DateSpan, bar->source);
    span_words = describe_period_words(e, bar->source);
  }
  GString *out = g_string_new(NULL);
  /* A role segment leads with its role. */
  lang_append_name(out, lang, role ? role->title : e->title, e->org);
  describe_line(out, e->location);
  if (span != NULL) {
    g_string_append_c(out, '\n');
    describe_span(out, lang, span, span_words);
  }
  if (role != NULL && e->roles->len > 1)
    describe_role_place(out, lang, e, bar->source);
  describe_line(out, e->note);
  return g_string_free(out, FALSE);
}

char *describe_gap(const Lang *lang, const LayoutGap *gap)
{
  GString *out = g_string_new(lang_word(lang, LANG_GAP));
  g_string_append(out, lang_word(lang, LANG_COLON));
  describe_gap_words(out, lang, gap);
  return g_string_free(out, FALSE);
}

char *describe_milestone(const Lang *lang, const LayoutMilestone *m)
{
  GString *out = g_string_new(NULL);
  lang_append_name(out, lang, m->title, NULL);
  g_string_append_c(out, '\n');
  date_words(out, lang, m->date, m->precision, m->approximate);
  describe_line(out, m->note);
  return g_string_free(out, FALSE);
}
