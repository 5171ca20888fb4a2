/* lower-bound: what any Pango-based tool pays before it draws anything, to measure
 * cvtimeline against (bench/run.sh, bench/RESULTS.md): the process starts and links
 * Cairo and Pango, fontconfig reads its configuration, and one word is laid out in the
 * chart's body font with the settings of src/text.c (72 dpi, unhinted metrics). Nothing
 * is drawn or written.
 *
 *   lower-bound [FONT]    (default "Inter, DejaVu Sans 10", the default style's labels) */
#include <pango/pangocairo.h>
#include <stdio.h>

int main(int argc, char **argv)
{
  const char *font = argc > 1 ? argv[1] : "Inter, DejaVu Sans 10";
  PangoFontMap *map = pango_cairo_font_map_new();
  PangoContext *context = pango_font_map_create_context(map);
  pango_cairo_context_set_resolution(context, 72.0);
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  PangoLayout *layout = pango_layout_new(context);
  PangoFontDescription *desc = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, desc);
  pango_layout_set_text(layout, "Timeline", -1);
  PangoRectangle logical;
  pango_layout_get_extents(layout, NULL, &logical);
  /* Printed so that the work cannot be optimised away. */
  printf("%d\n", logical.width);
  pango_font_description_free(desc);
  g_object_unref(layout);
  g_object_unref(context);
  g_object_unref(map);
  return 0;
}
