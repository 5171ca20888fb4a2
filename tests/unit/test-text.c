/* Unit tests of text.c's coverage functions: which characters no installed font can
 * draw, and what to install for them. Run with the test suite's pinned fonts (DejaVu
 * only), which have Latin but neither Hangul nor emoji. */
#include "text.h"

#include <string.h>

static const char *const font = "DejaVu Sans 11";

static void test_covered(void)
{
  TextCtx *ctx = text_ctx_new();
  GArray *out = g_array_new(FALSE, FALSE, sizeof(TextMissing));
  g_assert_cmpuint(text_missing_glyphs(ctx, font, "Senior Engineer · Zürich", out), ==, 0);
  g_assert_cmpuint(text_missing_glyphs(ctx, font, "", out), ==, 0);
  g_assert_cmpuint(out->len, ==, 0);
  g_array_unref(out);
  text_ctx_free(ctx);
}

static void test_missing(void)
{
  TextCtx *ctx = text_ctx_new();
  GArray *out = g_array_new(FALSE, FALSE, sizeof(TextMissing));
  /* Found both before and after the text was measured (the kept shaping is reused). */
  const char *text = "Lead 🚀 at 네이버";
  for (int pass = 0; pass < 2; pass++) {
    g_array_set_size(out, 0);
    g_assert_cmpuint(text_missing_glyphs(ctx, font, text, out), ==, 4);
    const TextMissing *m = &g_array_index(out, TextMissing, 0);
    g_assert_cmpuint(m[0].ch, ==, 0x1F680);
    g_assert_cmpuint(m[0].offset, ==, strlen("Lead "));
    g_assert_cmpuint(m[1].ch, ==, g_utf8_get_char("네"));
    g_assert_cmpuint(m[1].offset, ==, strlen("Lead 🚀 at "));
    g_assert_cmpuint(m[3].ch, ==, g_utf8_get_char("버"));
    TextExtents e;
    text_measure(ctx, font, text, &e);
  }
  /* Appends: what was there stays. */
  g_assert_cmpuint(text_missing_glyphs(ctx, font, "한", out), ==, 1);
  g_assert_cmpuint(out->len, ==, 5);
  g_array_unref(out);
  text_ctx_free(ctx);
}

static void test_scripts(void)
{
  static const struct {
    const char *ch, *name, *package;
  } cases[] = {
      {"한", "Hangul", "fonts-wqy-microhei"},
      {"東", "Han", "fonts-wqy-microhei"},
      {"か", "Hiragana", "fonts-wqy-microhei"},
      {"🚀", "emoji", "fonts-noto-color-emoji"},
      {"☕", "emoji", "fonts-noto-color-emoji"},
      {"🇫", "emoji", "fonts-noto-color-emoji"},
      {"ก", "Thai", "fonts-noto-core"},
      {"ع", "Arabic", "fonts-noto-core"},
      {"ⴰ", "other script", "fonts-noto-core"}, /* Tifinagh: no entry, still a package to try */
      {"⌘", "symbol", "fonts-noto-core"},
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    gunichar ch = g_utf8_get_char(cases[i].ch);
    g_assert_cmpstr(text_script_name(ch), ==, cases[i].name);
    g_assert_cmpstr(text_script_package(ch), ==, cases[i].package);
  }
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/text/coverage/covered", test_covered);
  g_test_add_func("/text/coverage/missing", test_missing);
  g_test_add_func("/text/coverage/scripts", test_scripts);
  return g_test_run();
}
