/* lower-bound: what any Pango-based tool pays before it draws anything, to measure
 * cvtimeline against (bench/run.sh, bench/RESULTS.md): the process starts and links
 * Cairo and Pango, fontconfig reads its configuration, and one word is laid out in the
 * chart's body font with the settings of src/text.c (72 dpi, unhinted metrics). Nothing
 * is drawn or written.
 *
 *   lower-bound [FONT]          (default "Inter, DejaVu Sans 10", the default style's labels)
 *   lower-bound --scene SCENE   every text the chart draws (the T rows of
 *                               bench/scene-export.c's draw list) laid out in its font,
 *                               each with a PangoLayout, as a tool would measure them */
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static PangoContext *new_context(void)
{
  PangoFontMap *map = pango_cairo_font_map_new();
  PangoContext *context = pango_font_map_create_context(map);
  g_object_unref(map);
  pango_cairo_context_set_resolution(context, 72.0);
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  return context;
}

/* The logical width of @text in @font, in Pango units. */
static int measure(PangoContext *context, const char *font, const char *text)
{
  PangoLayout *layout = pango_layout_new(context);
  PangoFontDescription *desc = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  pango_layout_set_text(layout, text, -1);
  PangoRectangle logical;
  pango_layout_get_extents(layout, NULL, &logical);
  g_object_unref(layout);
  return logical.width;
}

/* The texts of a draw list: "T x y r g b a font text" rows, tab-separated. */
static long measure_scene(PangoContext *context, const char *path)
{
  char *data = NULL;
  if (!g_file_get_contents(path, &data, NULL, NULL)) {
    fprintf(stderr, "lower-bound: cannot read %s\n", path);
    exit(1);
  }
  long total = 0;
  char **lines = g_strsplit(data, "\n", -1);
  for (char **l = lines; *l; l++) {
    char **f = g_strsplit(*l, "\t", -1);
    if (g_strv_length(f) >= 9 && strcmp(f[0], "T") == 0)
      total += measure(context, f[7], f[8]);
    g_strfreev(f);
  }
  g_strfreev(lines);
  g_free(data);
  return total;
}

int main(int argc, char **argv)
{
  PangoContext *context = new_context();
  /* Printed so that the work cannot be optimised away. */
  if (argc > 2 && strcmp(argv[1], "--scene") == 0)
    printf("%ld\n", measure_scene(context, argv[2]));
  else
    printf("%d\n", measure(context, argc > 1 ? argv[1] : "Inter, DejaVu Sans 10", "Timeline"));
  g_object_unref(context);
  return 0;
}
