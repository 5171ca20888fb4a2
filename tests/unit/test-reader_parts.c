/* The helpers of the readers of exported data: month names in several languages, dates
 * from parts (with the day past a month's end), the free forms exporters write. */
#include "reader_parts.h"

#include "testutil.h"

static void test_months(void)
{
  static const struct {
    const char *word;
    int month;
  } cases[] = {
      {"Jun", 6},   {"JUNE", 6},  {"juin", 6},  {"juil.", 7}, {"Mär", 3},  {"mrt", 3},
      {"okt", 10},  {"Dez", 12},  {"déc.", 12}, {"août", 8},  {"set", 9},  {"out", 10},
      {"gennaio", 1}, {"fev", 2}, {"Sept.", 9}, {"mei", 5},   {"Mai", 5},  {"abr", 4},
      {"", 0},      {"xyz", 0},   {"2019", 0},  {".", 0},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
    if (reader_parts_month(cases[i].word) != cases[i].month)
      g_error("'%s': expected %d, got %d", cases[i].word, cases[i].month,
              reader_parts_month(cases[i].word));
  g_assert_cmpint(reader_parts_month("\xff"), ==, 0);
}

static void test_parts(void)
{
  DateValue v;
  gboolean clamped;
  g_assert_true(reader_parts_date(1930, 2, 29, &v, &clamped));
  g_assert_true(clamped);
  g_assert_cmpint(v.first, ==, ymd(1930, 2, 28));
  g_assert_cmpint(v.precision, ==, DATE_PREC_DAY);
  g_assert_true(reader_parts_date(2019, 0, 0, &v, &clamped));
  g_assert_false(clamped);
  g_assert_cmpint(v.precision, ==, DATE_PREC_YEAR);
  g_assert_cmpint(v.last, ==, ymd(2019, 12, 31));
  g_assert_true(reader_parts_date(2019, 9, 0, &v, NULL));
  g_assert_cmpint(v.last, ==, ymd(2019, 9, 30));
  g_assert_false(reader_parts_date(999, 1, 1, &v, NULL));
  g_assert_false(reader_parts_date(2019, 13, 0, &v, NULL));
  g_assert_false(reader_parts_date(2019, 0, 5, &v, NULL));
}

static void test_free_forms(void)
{
  static const struct {
    const char *text;
    int y, m, d; /* of the first day */
    DatePrecision precision;
  } cases[] = {
      {"Jun 2018", 2018, 6, 1, DATE_PREC_MONTH},      {"June 2018", 2018, 6, 1, DATE_PREC_MONTH},
      {"juin 2018", 2018, 6, 1, DATE_PREC_MONTH},     {"jun. de 2018", 2018, 6, 1, DATE_PREC_MONTH},
      {"Mar 15, 2019", 2019, 3, 15, DATE_PREC_DAY},   {"15 Mar 2019", 2019, 3, 15, DATE_PREC_DAY},
      {"15. März 2019", 2019, 3, 15, DATE_PREC_DAY},  {"15.03.2019", 2019, 3, 15, DATE_PREC_DAY},
      {"3/15/2019", 2019, 3, 15, DATE_PREC_DAY},      {"15/03/2019", 2019, 3, 15, DATE_PREC_DAY},
      {"2019", 2019, 1, 1, DATE_PREC_YEAR},           {" 2019-06 ", 2019, 6, 1, DATE_PREC_MONTH},
      {"2024-09-31", 2024, 9, 30, DATE_PREC_DAY},     {"March 3rd 2020", 2020, 3, 3, DATE_PREC_DAY},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    DateValue v;
    if (!reader_parts_parse_date(cases[i].text, &v, NULL))
      g_error("'%s' was not read", cases[i].text);
    g_assert_cmpint(v.first, ==, ymd(cases[i].y, cases[i].m, cases[i].d));
    g_assert_cmpint(v.precision, ==, cases[i].precision);
  }
  DateValue v;
  g_assert_true(reader_parts_parse_date("Present", &v, NULL));
  g_assert_true(v.present);
  g_assert_true(reader_parts_parse_date("current", &v, NULL));
  g_assert_true(v.present);
  gboolean clamped;
  g_assert_true(reader_parts_parse_date("2023-02-29", &v, &clamped));
  g_assert_true(clamped);
  const char *bad[] = {"", "  ", "someday", "13/13/2019", "Jun", "2019 2020", "1 2 3 4 5", NULL};
  for (const char **b = bad; *b; b++)
    if (reader_parts_parse_date(*b, &v, NULL))
      g_error("'%s' should not be read", *b);
}

static void test_entry_name(void)
{
  g_autofree char *a = reader_parts_entry_name("Engineer", "Acme");
  g_assert_cmpstr(a, ==, "'Engineer at Acme'");
  g_autofree char *b = reader_parts_entry_name(NULL, "Acme");
  g_assert_cmpstr(b, ==, "'Acme'");
  g_autofree char *c = reader_parts_entry_name(NULL, NULL);
  g_assert_cmpstr(c, ==, "the entry");
}

static void test_venues(void)
{
  static const struct {
    const char *venue, *want;
  } cases[] = {
      {"Proceedings of the 36th International Conference on Machine Learning, {ICML} 2019",
       "ICML"},
      {"Advances in Neural Information Processing Systems 32 (NeurIPS 2019)", "NeurIPS"},
      {"IEEE Transactions on Pattern Analysis and Machine Intelligence", "IEEE TPAMI"},
      {"Journal of Machine Learning Research", "JMLR"},
      {"Physical Review Letters", "PRL"},
      {"Nature", "Nature"},
      {"Nature Communications", "Nature Communications"},
      {"Journal of Psychoceramics", "Journal of Psychoceramics"},
      {"Proceedings of the AAAI Conference on Artificial Intelligence", "AAAI"},
      {"arXiv preprint arXiv:1810.04805", "arXiv"},
      {"CHI '19", "CHI"},
      {"Transactions of the Association for Computational Linguistics", "TACL"},
      {"   ", NULL},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *got = reader_parts_venue(cases[i].venue);
    if (g_strcmp0(got, cases[i].want) != 0)
      g_error("'%s': expected '%s', got '%s'", cases[i].venue, cases[i].want, got);
  }
  g_assert_null(reader_parts_venue(NULL));
}

static void test_publication_title(void)
{
  g_autofree char *a = reader_parts_publication_title(
      "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding", "NAACL",
      2019);
  g_assert_cmpstr(a, ==, "BERT (NAACL 2019)");
  g_autofree char *b = reader_parts_publication_title("A short title", NULL, 2020);
  g_assert_cmpstr(b, ==, "A short title (2020)");
  g_autofree char *c = reader_parts_publication_title(
      "On the extremely long and winding titles that some papers carry for no good reason at all",
      "Nature", 0);
  g_assert_cmpstr(c, ==, "On the extremely long and winding titles that some papers\u2026 (Nature)");
  g_autofree char *d = reader_parts_publication_title("Title", NULL, 0);
  g_assert_cmpstr(d, ==, "Title");
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/reader_parts/months", test_months);
  g_test_add_func("/reader_parts/parts", test_parts);
  g_test_add_func("/reader_parts/free-forms", test_free_forms);
  g_test_add_func("/reader_parts/entry-name", test_entry_name);
  g_test_add_func("/reader_parts/venues", test_venues);
  g_test_add_func("/reader_parts/publication-title", test_publication_title);
  return g_test_run();
}
