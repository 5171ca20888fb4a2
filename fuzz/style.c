/* fuzz: a style file over arbitrary bytes: style_layer_parse, then the cascade step
 * (style_apply onto `default`) and the queries layout makes of the result. */
#include "fuzz.h"

#include "diag.h"
#include "style.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fuzz_setup();
  DiagList *diags = diag_list_new();
  StyleLayer *layer = style_layer_parse("fuzz-style.yaml", (const char *)data, size, diags);
  if ((layer == NULL) != (diag_error_count(diags) > 0))
    abort();
  if (layer != NULL) {
    Style *style = style_resolve(NULL, 0, NULL, 0, diags);
    if (style == NULL)
      abort(); /* the built-in default always resolves */
    style_apply(style, layer);
    (void)style_layer_extends(layer);
    for (guint i = 0; i < style_property_count(); i++)
      (void)style_layer_is_set(layer, style_property_key(i));
    StylePaint paint;
    const char *keys[] = {"jobs", "education", "visiting", "custom", NULL};
    for (guint i = 0; keys[i]; i++)
      style_group_paint(style, keys[i], i, &paint);
    (void)style_class(style, "highlight");
    if (style->palette->len == 0 || style->patterns->len == 0)
      abort(); /* layout takes colours in turn from these */
    style_free(style);
  }
  style_layer_free(layer);
  diag_list_free(diags);

  /* The first line (up to a newline or NUL) as a --set KEY=VALUE, as main passes it. */
  const char *start = (const char *)data;
  size_t n = 0;
  while (n < size && start[n] != '\n' && start[n] != '\0')
    n++;
  char *line = g_malloc(n + 1);
  memcpy(line, start, n);
  line[n] = '\0';
  if (strchr(line, '=') != NULL && g_utf8_validate(line, -1, NULL)) {
    diags = diag_list_new();
    StyleLayer *set = style_layer_parse_set(line, diags);
    if ((set == NULL) != (diag_error_count(diags) > 0))
      abort();
    style_layer_free(set);
    diag_list_free(diags);
  }
  g_free(line);
  return 0;
}
