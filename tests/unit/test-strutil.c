/* Unit tests for strutil: edit distance, closest, UTF-8 truncation, C-locale number
 * formatting and parsing (also under a comma-decimal locale), and boolean words. */
#include "strutil.h"

#include <locale.h>
#include <math.h>
#include <string.h>

typedef struct {
  const char *a, *b;
  guint distance;
} DistanceCase;

static const DistanceCase distance_cases[] = {
    {"", "", 0},
    {"abc", "", 3},
    {"", "abc", 3},
    {"jobs", "jobs", 0},
    {"jbos", "jobs", 2},
    {"job", "jobs", 1},
    {"kitten", "sitting", 3},
    {"flaw", "lawn", 2},
    {"education", "eduction", 1},
    {"abc", "xyz", 3},
};

static void test_distance(gconstpointer data)
{
  const DistanceCase *c = data;
  g_assert_cmpuint(strutil_edit_distance(c->a, c->b), ==, c->distance);
  g_assert_cmpuint(strutil_edit_distance(c->b, c->a), ==, c->distance);
}

static const char *const keys[] = {"name",    "jobs",  "education", "milestones",
                                   "periods", "title", "org",       NULL};

typedef struct {
  const char *word;
  const char *expected; /* NULL: nothing close enough */
} ClosestCase;

static const ClosestCase closest_cases[] = {
    {"jbos", "jobs"},
    {"job", "jobs"},
    {"Jobs", "jobs"},
    {"eduaction", "education"},
    {"milestone", "milestones"},
    {"titel", "title"},
    {"or", "org"},
    {"name", "name"},
    {"xyzzy", NULL},
    {"completelyunrelated", NULL},
    {"", NULL}, /* "org" is 3 away, the limit 2 */
};

static void test_closest(gconstpointer data)
{
  const ClosestCase *c = data;
  const char *got = strutil_closest(c->word, keys);
  g_assert_cmpstr(got, ==, c->expected);
}

static void test_closest_limits(void)
{
  /* The limit is max(1, len/3) + 1: 2 for short words, 4 for a 9-letter one. */
  static const char *const t[] = {"ab", "abcdefghi", NULL};
  g_assert_cmpstr(strutil_closest("xy", t), ==, "ab");               /* distance 2 */
  g_assert_null(strutil_closest("xyz", t));                          /* 3 from "ab" */
  g_assert_cmpstr(strutil_closest("abcdxxxxi", t), ==, "abcdefghi"); /* distance 4 */
  g_assert_null(strutil_closest("abxxxxxxi", t));                    /* distance 6 */
  g_assert_null(strutil_closest(NULL, t));
  g_assert_null(strutil_closest("x", NULL));
  /* The first of equally close entries wins, so suggestions are deterministic. */
  static const char *const tie[] = {"cat", "bat", NULL};
  g_assert_cmpstr(strutil_closest("hat", tie), ==, "cat");
}

static void test_closest_huge_word_fast(void)
{
  char *huge = g_malloc(1024 * 1024 + 1);
  memset(huge, 'j', 1024 * 1024);
  huge[1024 * 1024] = '\0';
  gint64 start = g_get_monotonic_time();
  g_assert_null(strutil_closest(huge, keys));
  g_assert_cmpint(g_get_monotonic_time() - start, <, G_USEC_PER_SEC / 10);
  g_free(huge);
}

typedef struct {
  const char *text;
  guint max;
  const char *expected;
} TruncCase;

static const TruncCase trunc_cases[] = {
    {"hello", 10, "hello"},
    {"hello", 5, "hello"},
    {"hello", 4, "hel…"},
    {"hello", 1, "…"},
    {"hello", 0, ""},
    {"", 0, ""},
    {"héllo wörld", 6, "héllo…"},
    {"日本語のテキスト", 4, "日本語…"},
    {"😀😀😀", 2, "😀…"},
    {"😀😀", 2, "😀😀"},
};

static void test_truncate(gconstpointer data)
{
  const TruncCase *c = data;
  char *got = strutil_truncate_utf8(c->text, c->max);
  g_assert_cmpstr(got, ==, c->expected);
  g_assert_true(g_utf8_validate(got, -1, NULL));
  g_assert_cmpint(g_utf8_strlen(got, -1), <=, (glong)c->max);
  g_free(got);
}

typedef struct {
  double value;
  int decimals;
  const char *expected;
} FormatCase;

static const FormatCase format_cases[] = {
    {12.5, 2, "12.5"}, {3.0, 2, "3"},        {-0.25, 3, "-0.25"},
    {0.0, 2, "0"},     {-0.0, 2, "0"},       {-0.001, 2, "0"},
    {-0.004, 2, "0"},  {-0.006, 2, "-0.01"}, {1234567.891, 2, "1234567.89"},
    {1.005, 0, "1"},   {2.5, 0, "2"},        {10.0, 0, "10"},
    {100.0, 3, "100"}, {0.1, 1, "0.1"},      {1.23456789, 4, "1.2346"},
    {1e-9, 3, "0"},    {-5.0, -1, "-5"},     {1.0 / 3.0, 40, "0.33333333333333331"},
    /* Exact ties go to even, like printf; near-ties follow the binary value. */
    {0.125, 2, "0.12"}, {0.375, 2, "0.38"},  {3.5, 0, "4"},         {-2.5, 0, "-2"},
    {0.0625, 3, "0.062"}, {-0.0625, 3, "-0.062"}, {-0.0005, 3, "-0.001"}, {1.005, 2, "1"},
    {0.15, 1, "0.1"},  {0.35, 1, "0.3"},     {0.45, 1, "0.5"},      {2.675, 2, "2.67"},
    {4503599627370495.5, 0, "4503599627370496"}, {4503599627370494.5, 0, "4503599627370494"},
    /* Huge values: the exact printf path. */
    {1e16, 3, "10000000000000000"}, {-1e20, 2, "-100000000000000000000"},
    {123456789012.345678, 3, "123456789012.346"}, {9007199254740993.0, 0, "9007199254740992"},
    {-0.0, 0, "0"},    {-1e-300, 17, "0"},   {5e-324, 17, "0"},    {0.999999, 3, "1"},
    {-0.9995, 3, "-1"}, {-0.9985, 3, "-0.999"}, {1e-17, 17, "0.00000000000000001"},
};

static void check_format(const FormatCase *c)
{
  char buf[64];
  const char *got = strutil_format_number(buf, sizeof buf, c->value, c->decimals);
  g_assert_true(got == buf);
  g_assert_cmpstr(got, ==, c->expected);
}

static void test_format(gconstpointer data)
{
  check_format(data);
}

static void test_format_small_buffer(void)
{
  char buf[4];
  strutil_format_number(buf, sizeof buf, 123456.0, 0);
  g_assert_cmpuint(strlen(buf), <, sizeof buf);
  g_assert_cmpstr(buf, ==, "123");
}

/* The reference: printf's rounding of the exact binary value, trimmed. */
static void reference_format(char *buf, double value, int decimals)
{
  char format[16];
  g_snprintf(format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd(buf, STRUTIL_NUMBER_MAX, format, value);
  gsize n = strlen(buf);
  if (strchr(buf, '.') != NULL) {
    while (buf[n - 1] == '0')
      buf[--n] = '\0';
    if (buf[n - 1] == '.')
      buf[--n] = '\0';
  }
  if (strcmp(buf, "-0") == 0)
    strcpy(buf, "0");
}

/* The integer path agrees with printf on many values: random ones at every magnitude,
 * and ties (k + 0.5) / 10^d with their neighbours one ulp away. */
static void test_format_against_printf(void)
{
  GRand *rand = g_rand_new_with_seed(11);
  char got[STRUTIL_NUMBER_MAX], want[STRUTIL_NUMBER_MAX];
  for (int i = 0; i < 200000; i++) {
    int decimals = g_rand_int_range(rand, 0, 8);
    double value;
    switch (i % 3) {
    case 0:
      value = g_rand_double_range(rand, -1, 1) * pow(10, g_rand_int_range(rand, -6, 17));
      break;
    case 1: {
      double tie = ((double)g_rand_int_range(rand, -100000, 100000) + 0.5) / pow(10, decimals);
      int step = g_rand_int_range(rand, -1, 2);
      value = step == 0 ? tie : nextafter(tie, step * INFINITY);
      break;
    }
    default:
      value = (double)g_rand_int_range(rand, -5000000, 5000000) / 64.0;
      break;
    }
    gsize n = strutil_number_to(got, value, decimals);
    reference_format(want, value, decimals);
    if (strcmp(got, want) != 0)
      g_error("%.17g with %d decimals: got %s, printf gives %s", value, decimals, got, want);
    g_assert_cmpuint(n, ==, strlen(got));
  }
  g_rand_free(rand);
}

static void test_append_number(void)
{
  GString *s = g_string_new("x=");
  strutil_append_number(s, -12.5, 2);
  g_string_append_c(s, ',');
  strutil_append_number(s, 1e300, 0);
  g_assert_true(g_str_has_prefix(s->str, "x=-12.5,1000000000000000052504760255204420248704"));
  g_assert_cmpuint(s->len, ==, 2 + 5 + 1 + 301);
  g_string_free(s, TRUE);
}

typedef struct {
  const char *text;
  gboolean ok;
  double value;
} ParseCase;

static const ParseCase parse_cases[] = {
    {"12", TRUE, 12},        {"-0.5", TRUE, -0.5}, {"+3.25", TRUE, 3.25},  {".5", TRUE, 0.5},
    {"5.", TRUE, 5},         {"1e3", TRUE, 1000},  {"2.5E-1", TRUE, 0.25}, {"0", TRUE, 0},
    {"", FALSE, 0},          {" 1", FALSE, 0},     {"1 ", FALSE, 0},       {"1,5", FALSE, 0},
    {"12px", FALSE, 0},      {"nan", FALSE, 0},    {"NaN", FALSE, 0},      {"inf", FALSE, 0},
    {"-Infinity", FALSE, 0}, {"0x1A", FALSE, 0},   {"1e999", FALSE, 0},    {"-1e999", FALSE, 0},
    {".", FALSE, 0},         {"-", FALSE, 0},      {"1e", FALSE, 0},       {"1..2", FALSE, 0},
    {"--1", FALSE, 0},       {"e5", FALSE, 0},     {"1\n", FALSE, 0},
};

static void check_parse(const ParseCase *c)
{
  double value = -12345.0;
  gboolean ok = strutil_parse_number(c->text, &value);
  g_assert_cmpint(ok, ==, c->ok);
  if (c->ok)
    g_assert_cmpfloat(value, ==, c->value);
  else
    g_assert_cmpfloat(value, ==, -12345.0);
}

static void test_parse(gconstpointer data)
{
  check_parse(data);
}

static void test_parse_null_out(void)
{
  g_assert_true(strutil_parse_number("1.5", NULL));
  g_assert_false(strutil_parse_number(NULL, NULL));
}

typedef struct {
  const char *text;
  gboolean ok;
  gboolean value;
} BoolCase;

static const BoolCase bool_cases[] = {
    {"true", TRUE, TRUE},    {"True", TRUE, TRUE},    {"TRUE", TRUE, TRUE},
    {"tRuE", TRUE, TRUE},    {"yes", TRUE, TRUE},     {"YES", TRUE, TRUE},
    {"on", TRUE, TRUE},      {"On", TRUE, TRUE},      {"false", TRUE, FALSE},
    {"False", TRUE, FALSE},  {"no", TRUE, FALSE},     {"NO", TRUE, FALSE},
    {"off", TRUE, FALSE},    {"OFF", TRUE, FALSE},    {"", FALSE, FALSE},
    {"1", FALSE, FALSE},     {"0", FALSE, FALSE},     {"y", FALSE, FALSE},
    {"n", FALSE, FALSE},     {"t", FALSE, FALSE},     {" true", FALSE, FALSE},
    {"true ", FALSE, FALSE}, {"yess", FALSE, FALSE},  {"null", FALSE, FALSE},
    {"~", FALSE, FALSE},     {"maybe", FALSE, FALSE},
};

static void test_bool(gconstpointer data)
{
  const BoolCase *c = data;
  /* A value neither TRUE nor FALSE shows whether @out was written. */
  gboolean value = 7;
  g_assert_cmpint(strutil_parse_bool(c->text, &value), ==, c->ok);
  g_assert_cmpint(value, ==, c->ok ? c->value : 7);
  g_assert_cmpint(strutil_parse_bool(c->text, NULL), ==, c->ok);
}

static void test_bool_null(void)
{
  gboolean value = 7;
  g_assert_false(strutil_parse_bool(NULL, &value));
  g_assert_cmpint(value, ==, 7);
}

typedef struct {
  const char *text, *clean;
} CleanCase;

static const CleanCase clean_cases[] = {
    {"Engineer", "Engineer"},
    {"", ""},
    {"  padded \t", "padded"},
    {"r\xC3\xA9sum\xC3\xA9 \xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA", /* RTL text itself stays */
     "r\xC3\xA9sum\xC3\xA9 \xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA"},
    /* Bidi embeddings, overrides and isolates are dropped. */
    {"a\u202Agnp.exe\u202C", "agnp.exe"},
    {"\u202Eevil\u202B\u202D", "evil"},
    {"x\u2066y\u2067z\u2068w\u2069", "xyzw"},
    {"\u200F\u061C", "\u200F\u061C"}, /* marks are no embeddings: kept */
    /* Noncharacters, in the BMP and in every plane. */
    {"a\uFFFEb\uFFFFc", "abc"},
    {"a\uFDD0b\uFDEFc\uFDCFd\uFDF0", "abc\uFDCFd\uFDF0"},
    {"a\U0001FFFEb\U0001FFFFc\U0010FFFFd\U0010FFFE", "abcd"},
    {"\uFFFD", "\uFFFD"}, /* the replacement character is a character */
    /* Controls become one space; no space is doubled by one. */
    {"a\nb\tc\rd", "a b c d"},
    {"Quotes \abell", "Quotes bell"},
    {"a\x1b[31mred", "a [31mred"},
    {"a\x7f\xC2\x85\xC2\x9F b", "a b"},
    {"a\a b", "a b"},
    {"a \a  b", "a   b"}, /* its own three spaces */
    {"a\u2028b\u2029c", "a b c"},
    {"\n\ttitle\n", "title"},
    {"a  b", "a  b"}, /* the text's own spaces stay */
    {"\u202E\uFFFE", ""},
};

static void test_clean(gconstpointer data)
{
  const CleanCase *c = data;
  g_autofree char *clean = strutil_clean_text(c->text);
  g_assert_cmpstr(clean, ==, c->clean);
  g_assert_true(g_utf8_validate(clean, -1, NULL));
  g_assert_false(strutil_has_unclean(clean));
  g_autofree char *again = strutil_clean_text(clean);
  g_assert_cmpstr(again, ==, clean);
}

static void test_clean_null(void)
{
  g_autofree char *clean = strutil_clean_text(NULL);
  g_assert_cmpstr(clean, ==, "");
  g_assert_false(strutil_has_unclean(NULL));
  g_assert_false(strutil_has_unclean("https://example.org/a?b=c&d=(e) \xC3\xA9"));
  g_assert_true(strutil_has_unclean("a\tb"));
  g_assert_true(strutil_has_unclean("a\xC2\x85"));
  g_assert_true(strutil_has_unclean("\u202E"));
  g_assert_true(strutil_has_unclean("\U0003FFFF"));
}

/* The whole format and parse tables again with a comma as the decimal separator. */
static void test_locale_independent(void)
{
  const char *saved = setlocale(LC_ALL, NULL);
  char *restore = g_strdup(saved);
  if (setlocale(LC_ALL, "fr_FR.UTF-8") == NULL && setlocale(LC_ALL, "fr_FR.utf8") == NULL &&
      setlocale(LC_ALL, "de_DE.UTF-8") == NULL) {
    g_test_skip("no comma-decimal locale (fr_FR.UTF-8) installed");
    g_free(restore);
    return;
  }
  /* Prove the locale really is a comma one, or the test would prove nothing. */
  char probe[16];
  g_snprintf(probe, sizeof probe, "%.1f", 1.5);
  g_assert_cmpstr(probe, ==, "1,5");
  for (gsize i = 0; i < G_N_ELEMENTS(format_cases); i++)
    check_format(&format_cases[i]);
  for (gsize i = 0; i < G_N_ELEMENTS(parse_cases); i++)
    check_parse(&parse_cases[i]);
  setlocale(LC_ALL, restore);
  g_free(restore);
}

/* Registers @test once for each row of @cases, named PREFIX/INDEX. */
static void add_cases(const char *prefix, const void *cases, gsize n, gsize size,
                      GTestDataFunc test)
{
  for (gsize i = 0; i < n; i++) {
    char *name = g_strdup_printf("%s/%" G_GSIZE_FORMAT, prefix, i);
    g_test_add_data_func(name, (const char *)cases + i * size, test);
    g_free(name);
  }
}
#define ADD_CASES(prefix, cases, test)                                                             \
  add_cases(prefix, cases, G_N_ELEMENTS(cases), sizeof(cases)[0], test)

static void test_is_blank(void)
{
  g_assert_true(strutil_is_blank(NULL));
  g_assert_true(strutil_is_blank(""));
  g_assert_true(strutil_is_blank(" \t\r\n\f"));
  g_assert_false(strutil_is_blank(" x "));
  g_assert_false(strutil_is_blank("."));
  /* ASCII white space only, as trimming: a no-break space is text. */
  g_assert_false(strutil_is_blank("\xc2\xa0"));
  g_autofree char *clean = strutil_clean_text(" \t ");
  g_assert_cmpstr(clean, ==, "");
}

static void test_join(void)
{
  const char *const words[] = {"svg", "png", "pdf"};
  g_autofree char *three = strutil_join(words, 3, ", ", " or ");
  g_assert_cmpstr(three, ==, "svg, png or pdf");
  g_autofree char *two = strutil_join(words, 2, ", ", " or ");
  g_assert_cmpstr(two, ==, "svg or png");
  g_autofree char *one = strutil_join(words, 1, ", ", " or ");
  g_assert_cmpstr(one, ==, "svg");
  g_autofree char *none = strutil_join(words, 0, ", ", " or ");
  g_assert_cmpstr(none, ==, "");
  g_autofree char *same = strutil_join(words, 3, "|", NULL);
  g_assert_cmpstr(same, ==, "svg|png|pdf");
}

/* The line of the first byte that is not UTF-8, counting LF, CR and CRLF once each. */
static void test_invalid_utf8_line(void)
{
  g_assert_cmpint(strutil_invalid_utf8_line("caf\xc3\xa9\nok", 8), ==, 0);
  g_assert_cmpint(strutil_invalid_utf8_line("\xe9", 1), ==, 1);
  g_assert_cmpint(strutil_invalid_utf8_line("a\r\nb\rc\nM\xfcller", 11), ==, 4);
}

static void test_legacy_to_utf8(void)
{
  gsize n = 0;
  g_assert_null(strutil_legacy_to_utf8("plain", 5, &n));
  g_assert_null(strutil_legacy_to_utf8("caf\xc3\xa9", 5, &n));
  g_assert_null(strutil_legacy_to_utf8("a\0\xff", 3, &n));
  g_autofree char *cp = strutil_legacy_to_utf8("caf\xe9 \x80", 6, &n);
  g_assert_cmpstr(cp, ==, "caf\xc3\xa9 \xe2\x82\xac");
  g_assert_cmpuint(n, ==, strlen(cp));
  /* 0x81 is no Windows-1252 character: ISO-8859-1 takes it. */
  g_autofree char *latin = strutil_legacy_to_utf8("\x81\xe9", 2, &n);
  g_assert_cmpstr(latin, ==, "\xc2\x81\xc3\xa9");
}

static void test_url_followable(void)
{
  g_assert_true(strutil_url_followable("https://example.org/a?b=c&d=(e)"));
  g_assert_true(strutil_url_followable("HTTP://EXAMPLE.ORG"));
  g_assert_true(strutil_url_followable("mailto:ada@example.org"));
  g_assert_true(strutil_url_followable("https://example.org/日本"));
  g_assert_false(strutil_url_followable("javascript:alert(1)"));
  g_assert_false(strutil_url_followable("https://"));
  g_assert_false(strutil_url_followable("file:///etc/passwd"));
  g_assert_false(strutil_url_followable(NULL));
  /* Control characters, spaces, bidi controls: refused, not repaired. */
  g_assert_false(strutil_url_followable("https://example.org/a\nb"));
  g_assert_false(strutil_url_followable("https://example.org/a\tb"));
  g_assert_false(strutil_url_followable("https://example.org/a b"));
  g_assert_false(strutil_url_followable("https://example.org/\x7f"));
  g_assert_false(strutil_url_followable("https://example.org/\xc2\x85"));
  g_assert_false(strutil_url_followable("https://example.org/\xe2\x80\xae"
                                 "gpj.exe"));
  g_assert_false(strutil_url_followable("https://example.org/\xff"));
}

/* The hash reads every byte: for keys of 0 to 40 bytes, changing any one byte (or the
 * length) changes it, and equal keys hash alike however they are held. */
static void test_hash_every_byte(void)
{
  char key[42] = {0};
  for (gsize len = 0; len <= 40; len++) {
    for (gsize i = 0; i < len; i++)
      key[i] = (char)('a' + (i * 7) % 26);
    guint h = strutil_hash_bytes(key, len);
    g_assert_cmpuint(h, !=, strutil_hash_bytes(key, len + 1));
    for (gsize i = 0; i < len; i++) {
      key[i] ^= 1;
      g_assert_cmpuint(strutil_hash_bytes(key, len), !=, h);
      key[i] ^= 1;
    }
    key[len] = '\0';
    g_assert_cmpuint(strutil_str_hash(key), ==, h);
  }
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS(distance_cases); i++) {
    char *name =
        g_strdup_printf("/strutil/distance/%s-%s", distance_cases[i].a, distance_cases[i].b);
    g_test_add_data_func(name, &distance_cases[i], test_distance);
    g_free(name);
  }
  ADD_CASES("/strutil/closest", closest_cases, test_closest);
  g_test_add_func("/strutil/hash/every-byte", test_hash_every_byte);
  g_test_add_func("/strutil/closest/limits", test_closest_limits);
  g_test_add_func("/strutil/closest/huge-word", test_closest_huge_word_fast);
  ADD_CASES("/strutil/truncate", trunc_cases, test_truncate);
  ADD_CASES("/strutil/format", format_cases, test_format);
  g_test_add_func("/strutil/format/small-buffer", test_format_small_buffer);
  g_test_add_func("/strutil/format/against-printf", test_format_against_printf);
  g_test_add_func("/strutil/format/append", test_append_number);
  ADD_CASES("/strutil/parse", parse_cases, test_parse);
  g_test_add_func("/strutil/parse/null", test_parse_null_out);
  ADD_CASES("/strutil/bool", bool_cases, test_bool);
  g_test_add_func("/strutil/bool/null", test_bool_null);
  ADD_CASES("/strutil/clean", clean_cases, test_clean);
  g_test_add_func("/strutil/clean/null", test_clean_null);
  g_test_add_func("/strutil/locale-independent", test_locale_independent);
  g_test_add_func("/strutil/is-blank", test_is_blank);
  g_test_add_func("/strutil/join", test_join);
  g_test_add_func("/strutil/url-followable", test_url_followable);
  g_test_add_func("/strutil/legacy-to-utf8", test_legacy_to_utf8);
  g_test_add_func("/strutil/invalid-utf8-line", test_invalid_utf8_line);
  return g_test_run();
}
