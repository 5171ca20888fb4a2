/* Unit tests for lang.c: every catalog has every word and pattern with its placeholders,
 * every written month and season reads back, the reading lists are folded and never name
 * two months with one word, CLDR spot checks, lang_find's names, folding, expansion, and
 * languages with replaced words. */
#include "lang.h"

#include <string.h>

static void test_every_word(void)
{
  g_assert_cmpuint(lang_count(), >=, 11);
  for (guint i = 0; i < lang_count(); i++) {
    const Lang *l = lang_nth(i);
    g_test_message("%s", lang_code(l));
    g_assert_nonnull(lang_name(l));
    g_assert_nonnull(lang_english_name(l));
    g_assert_true(lang_find(lang_code(l)) == l);
    g_assert_true(lang_find(lang_english_name(l)) == l);
    g_assert_true(lang_find(lang_name(l)) == l);
    for (int w = 0; w < LANG_N_WORDS; w++) {
      const char *word = lang_word(l, (LangWord)w);
      g_assert_nonnull(word);
      /* A word a catalog leaves out reads as "": only Chinese and Japanese write a length
       * without spaces and days within a month in full, so only they may. */
      gboolean cjk = strcmp(lang_code(l), "zh") == 0 || strcmp(lang_code(l), "ja") == 0;
      if (!(cjk && (w == LANG_DAYS_SPAN || w == LANG_LENGTH_JOIN)))
        g_assert_cmpstr(word, !=, "");
      g_assert_true(g_utf8_validate(word, -1, NULL));
    }
    for (int m = 1; m <= 12; m++) {
      g_assert_cmpstr(lang_axis_month(l, m), !=, "?");
      g_assert_cmpstr(lang_date_month(l, m), !=, "?");
    }
    for (int s = 0; s < 4; s++)
      g_assert_cmpstr(lang_season(l, s), !=, "?");
  }
}

/* Each pattern holds exactly the placeholders its callers fill (others would be left out
 * silently). */
static void test_placeholders(void)
{
  static const struct {
    LangWord word;
    const char *letters; /* the placeholders it must have, in any order */
    const char *optional;
  } rules[] = {
      {LANG_YEAR, "y", ""},
      {LANG_MONTH_YEAR, "my", ""},
      {LANG_DAY_MONTH_YEAR, "dmy", ""},
      {LANG_SEASON_YEAR, "sy", ""},
      {LANG_ABOUT, "x", ""},
      {LANG_SPAN, "ab", ""},
      {LANG_ONGOING, "a", "p"},
      {LANG_TIMELINE_OF, "n", ""},
      {LANG_YEARS, "ab", ""},
      {LANG_ONE_YEAR, "y", ""},
      {LANG_ROLE_OF, "in", ""},
      {LANG_AFTER, "t", ""},
      {LANG_BEFORE, "t", ""},
      {LANG_TIMELINE, "", ""},
      {LANG_TODAY, "", ""},
      {LANG_N_YEARS, "n", ""},
      {LANG_N_MONTHS, "n", ""},
      {LANG_N_DAYS, "n", ""},
      {LANG_ABOUT_LENGTH, "x", ""},
      {LANG_ASIDE, "x", ""},
      {LANG_SUMMARY, "", ""},
      {LANG_SUMMARY_OF, "n", ""},
      {LANG_SUMMARY_TODAY, "d", ""},
      {LANG_SUMMARY_RANGE, "ab", ""},
      {LANG_SUMMARY_GROUPS, "g", ""},
      {LANG_SUMMARY_WHOLE, "", ""},
      {LANG_SUMMARY_EMPTY, "", ""},
      {LANG_SUMMARY_LONGEST, "", ""},
      {LANG_SUMMARY_OVERLAPS, "", ""},
      {LANG_SUMMARY_UP_TO, "n", ""},
      {LANG_SUMMARY_GAPS, "t", ""},
      {LANG_SUMMARY_NONE, "", ""},
      {LANG_SUMMARY_AROUND, "ab", ""},
      {LANG_SUMMARY_NOTE, "x", ""},
      {LANG_GAP, "", ""},
      {LANG_GAPS, "", ""},
  };
  for (guint i = 0; i < lang_count(); i++) {
    const Lang *l = lang_nth(i);
    for (gsize r = 0; r < G_N_ELEMENTS(rules); r++) {
      const char *p = lang_word(l, rules[r].word);
      GString *found = g_string_new(NULL);
      for (const char *q = strchr(p, '{'); q != NULL; q = strchr(q + 1, '{'))
        if (q[1] != '\0' && q[2] == '}')
          g_string_append_c(found, q[1]);
      for (const char *c = rules[r].letters; *c; c++)
        g_assert_nonnull(strchr(found->str, *c));
      for (const char *c = found->str; *c; c++)
        g_assert_true(strchr(rules[r].letters, *c) || strchr(rules[r].optional, *c));
      g_string_free(found, TRUE);
    }
    const char *days = lang_word(l, LANG_DAYS_SPAN);
    g_assert_true(*days == '\0' || (strstr(days, "{d}") && strstr(days, "{b}")));
  }
}

/* A written month (without its dot) folds to a word that reads as that month. */
static void assert_reads_as_month(const Lang *l, const char *written, int month)
{
  g_autofree char *folded = lang_fold(written);
  gsize n = strlen(folded);
  if (n > 0 && folded[n - 1] == '.')
    folded[n - 1] = '\0';
  if (lang_read_month(l, folded) != month)
    g_error("%s: '%s' (%s) does not read as month %d", lang_code(l), written, folded, month);
}

static void test_written_forms_read_back(void)
{
  for (guint i = 0; i < lang_count(); i++) {
    const Lang *l = lang_nth(i);
    /* Chinese and Japanese months are digits with 月, read by date.c's CJK forms. */
    if (strcmp(lang_code(l), "zh") == 0 || strcmp(lang_code(l), "ja") == 0)
      continue;
    for (int m = 1; m <= 12; m++) {
      assert_reads_as_month(l, lang_axis_month(l, m), m);
      assert_reads_as_month(l, lang_date_month(l, m), m);
    }
    for (int s = 0; s < 4; s++) {
      g_autofree char *folded = lang_fold(lang_season(l, s));
      g_assert_cmpint(lang_read_season(l, folded), ==, s);
    }
    g_autofree char *present = lang_fold(lang_word(l, LANG_PRESENT));
    g_assert_true(lang_read_present(l, present));
  }
}

/* The reading lists hold folded words, and no word names two months of one language. */
static void test_reading_lists(void)
{
  static const char *const samples[] = {
      "jan",  "mar",      "mai",  "may", "set", "sep", "ago",  "dec",   "dez",  "lis",
      "lip",  "paz",      "kas",  "eki", "mrt", "mei", "marz", "marco", "ekim", "lut",
      "luty", "listopad", "aout", "agu", "gen", "giu", "out",  "okt",   "nov",  "ara",
  };
  for (guint i = 0; i < lang_count(); i++) {
    const Lang *l = lang_nth(i);
    for (gsize s = 0; s < G_N_ELEMENTS(samples); s++) {
      int hits = 0;
      for (int m = 1; m <= 12; m++)
        hits += lang_read_month(l, samples[s]) == m;
      g_assert_cmpint(hits, <=, 1);
    }
  }
  /* Folding a folded word changes nothing: the lists can only hold folded words, or
   * they would never match. Checked through words known to be in them. */
  static const char *const folded[] = {"marz",        "fevrier", "aout",   "otono", "verao",
                                       "pazdziernik", "agustos", "aralik", "eylul", "kis"};
  for (gsize i = 0; i < G_N_ELEMENTS(folded); i++) {
    g_autofree char *again = lang_fold(folded[i]);
    g_assert_cmpstr(again, ==, folded[i]);
  }
}

/* Spot checks against CLDR's gregorian months (format abbreviated / stand-alone
 * abbreviated). */
static void test_cldr(void)
{
  static const struct {
    const char *code;
    int month;
    const char *date, *axis;
  } cases[] = {
      {"en", 9, "Sep", "Sep"},    {"de", 3, "März", "Mär"},    {"de", 9, "Sept.", "Sep"},
      {"de", 6, "Juni", "Jun"},   {"fr", 2, "févr.", "févr."}, {"fr", 8, "août", "août"},
      {"es", 9, "sept", "sept"},  {"es", 1, "ene", "ene"},     {"pt", 9, "set.", "set."},
      {"pt", 10, "out.", "out."}, {"it", 6, "giu", "giu"},     {"it", 5, "mag", "mag"},
      {"pl", 10, "paź", "paź"},   {"pl", 6, "cze", "cze"},     {"nl", 3, "mrt.", "mrt."},
      {"nl", 5, "mei", "mei"},    {"tr", 2, "Şub", "Şub"},     {"tr", 8, "Ağu", "Ağu"},
      {"zh", 12, "12月", "12月"}, {"ja", 3, "3月", "3月"},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    const Lang *l = lang_find(cases[i].code);
    g_assert_nonnull(l);
    g_assert_cmpstr(lang_date_month(l, cases[i].month), ==, cases[i].date);
    g_assert_cmpstr(lang_axis_month(l, cases[i].month), ==, cases[i].axis);
  }
  /* CLDR's year patterns: y年 in Chinese and Japanese, yMMM "MMM 'de' y" in Portuguese. */
  GString *out = g_string_new(NULL);
  lang_expand(out, lang_word(lang_find("ja"), LANG_MONTH_YEAR), 'y', "2019", 'm', "3月", 0);
  g_assert_cmpstr(out->str, ==, "2019年3月");
  g_string_truncate(out, 0);
  lang_expand(out, lang_word(lang_find("pt"), LANG_MONTH_YEAR), 'y', "2019", 'm', "mar.", 0);
  g_assert_cmpstr(out->str, ==, "mar. de 2019");
  g_string_free(out, TRUE);
}

static void test_find(void)
{
  const Lang *de = lang_find("de");
  g_assert_nonnull(de);
  g_assert_true(lang_find("DE") == de);
  g_assert_true(lang_find("de-AT") == de);
  g_assert_true(lang_find(" de_CH ") == de);
  g_assert_true(lang_find("german") == de);
  g_assert_true(lang_find("Deutsch") == de);
  g_assert_true(lang_find("pt_BR") == lang_find("portuguese"));
  g_assert_true(lang_find("zh-Hans-CN") == lang_find("mandarin_chinese"));
  g_assert_true(lang_find("中文") == lang_find("zh"));
  g_assert_true(lang_find("en") == lang_english());
  g_assert_null(lang_find("ko"));
  g_assert_null(lang_find("korean"));
  g_assert_null(lang_find(""));
  g_assert_null(lang_find("d"));
  g_assert_null(lang_find("deu"));
  g_assert_null(lang_find(NULL));
  g_autofree char *codes = lang_codes();
  g_assert_true(g_str_has_prefix(codes, "en, de, fr, es, pt, it, pl, nl, tr, zh, ja"));
}

static void test_fold(void)
{
  static const struct {
    const char *in, *out;
  } cases[] = {
      {"März", "marz"},         {"MÄRZ", "marz"},
      {"Ma\xcc\x88rz", "marz"}, /* decomposed */
      {"AĞUSTOS", "agustos"},   {"EKİM", "ekim"},
      {"Aralık", "aralik"},     {"ARALIK", "aralik"},
      {"Août", "aout"},         {"aujourd’hui", "aujourd'hui"},
      {"otoño", "otono"},       {"Październik", "pazdziernik"},
      {"至今", "至今"},         {"", ""},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *f = lang_fold(cases[i].in);
    g_assert_cmpstr(f, ==, cases[i].out);
  }
  g_autofree char *bad = lang_fold("\xff");
  g_assert_cmpstr(bad, ==, "");
}

static void test_expand(void)
{
  GString *out = g_string_new(NULL);
  lang_expand(out, "{a} to {b}", 'a', "2010", 'b', "Aug 2016", 0);
  g_assert_cmpstr(out->str, ==, "2010 to Aug 2016");
  g_string_truncate(out, 0);
  lang_expand(out, "{a} – {p}!", 'a', "x", 0);
  g_assert_cmpstr(out->str, ==, "x – !");
  g_string_truncate(out, 0);
  lang_expand(out, "{ab} {", 0);
  g_assert_cmpstr(out->str, ==, "{ab} {");
  g_string_free(out, TRUE);
}

static void test_replaced_words(void)
{
  static const char *const names[12] = {"Januar", "Februar", "März",     "April",
                                        "Mai",    "Juni",    "Juli",     "August",
                                        "Sept",   "Oktober", "Novembär", "Dezember"};
  static const char *const abbrevs[12] = {"Jn", "Fb", "Mz", "Ap", "Mi", "Jn2",
                                          "Jl", "Ag", "Sp", "Ok", "Nv", "Dz"};
  Lang *l = lang_copy(lang_find("de"));
  g_assert_true(lang_equal(l, lang_find("de")));
  lang_set_months(l, names, abbrevs);
  lang_set_present(l, "Jetzt-bald");
  lang_set_to(l, "bis zum");
  g_assert_false(lang_equal(l, lang_find("de")));
  g_assert_cmpstr(lang_axis_month(l, 3), ==, "Mz");
  g_assert_cmpstr(lang_date_month(l, 3), ==, "Mz");
  g_assert_cmpint(lang_read_month(l, "novembar"), ==, 11);
  g_assert_cmpint(lang_read_month(l, "jn2"), ==, 6);
  g_assert_cmpint(lang_read_month(l, "marz"), ==, 3); /* the catalog's words still read */
  g_assert_cmpstr(lang_word(l, LANG_PRESENT), ==, "Jetzt-bald");
  g_assert_true(lang_read_present(l, "jetzt-bald"));
  g_assert_true(lang_read_present(l, "heute"));
  g_assert_cmpstr(lang_word(l, LANG_SPAN), ==, "{a} bis zum {b}");
  Lang *copy = lang_copy(l);
  g_assert_true(lang_equal(copy, l));
  lang_free(copy);
  lang_free(l);
  lang_free(NULL);
  /* NULL is English everywhere. */
  g_assert_cmpstr(lang_word(NULL, LANG_TODAY), ==, "today");
  g_assert_cmpstr(lang_code(NULL), ==, "en");
}

/* Count words take the plural form of each language's rule; the name joiners. */
static void test_counts_and_names(void)
{
  static const struct {
    const char *lang;
    LangWord word;
    gint64 n;
    const char *want;
  } cases[] = {
      {"en", LANG_N_YEARS, 1, "1 y"},      {"en", LANG_N_YEARS, 4, "4 y"},
      {"de", LANG_N_DAYS, 1, "1 Tag"},     {"de", LANG_N_DAYS, 18, "18 Tage"},
      {"de", LANG_N_MONTHS, 2, "2 Mon."},  {"fr", LANG_N_YEARS, 0, "0 an"},
      {"fr", LANG_N_YEARS, 1, "1 an"},     {"fr", LANG_N_YEARS, 2, "2 ans"},
      {"es", LANG_N_MONTHS, 1, "1 mes"},   {"es", LANG_N_MONTHS, 0, "0 meses"},
      {"pl", LANG_N_YEARS, 1, "1 rok"},    {"pl", LANG_N_YEARS, 2, "2 lata"},
      {"pl", LANG_N_YEARS, 5, "5 lat"},    {"pl", LANG_N_YEARS, 12, "12 lat"},
      {"pl", LANG_N_YEARS, 22, "22 lata"}, {"pl", LANG_N_YEARS, 114, "114 lat"},
      {"pl", LANG_N_MONTHS, 5, "5 mies."}, {"pl", LANG_N_DAYS, 3, "3 dni"},
      {"ja", LANG_N_MONTHS, 2, "2か月"},   {"zh", LANG_N_MONTHS, 2, "2个月"},
      {"nl", LANG_N_YEARS, 1, "1 jaar"},   {"nl", LANG_N_MONTHS, 3, "3 maanden"},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    GString *out = g_string_new(NULL);
    lang_expand_count(out, lang_find(cases[i].lang), cases[i].word, cases[i].n);
    g_assert_cmpstr(out->str, ==, cases[i].want);
    g_string_free(out, TRUE);
  }
  GString *out = g_string_new(NULL);
  lang_append_name(out, NULL, "Engineer", "Acme");
  g_string_append_c(out, '|');
  lang_append_label(out, NULL, "Engineer", "Acme");
  g_string_append_c(out, '|');
  lang_append_label(out, NULL, NULL, "Acme");
  g_string_append_c(out, '|');
  lang_append_name(out, lang_find("ja"), "技術者", "東芝");
  g_string_append_c(out, '|');
  lang_append_label(out, lang_find("de"), NULL, NULL);
  g_assert_cmpstr(out->str, ==,
                  "Engineer, Acme|Engineer \xc2\xb7 Acme|Acme|技術者、東芝|ohne Titel");
  g_string_free(out, TRUE);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/lang/every-word", test_every_word);
  g_test_add_func("/lang/placeholders", test_placeholders);
  g_test_add_func("/lang/written-forms-read-back", test_written_forms_read_back);
  g_test_add_func("/lang/reading-lists", test_reading_lists);
  g_test_add_func("/lang/cldr", test_cldr);
  g_test_add_func("/lang/find", test_find);
  g_test_add_func("/lang/fold", test_fold);
  g_test_add_func("/lang/expand", test_expand);
  g_test_add_func("/lang/counts-and-names", test_counts_and_names);
  g_test_add_func("/lang/replaced-words", test_replaced_words);
  return g_test_run();
}
