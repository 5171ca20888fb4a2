/* svg_paint: colour classes and their dark scheme (spec/visual.md "SVG"). A chart has a
 * few dozen distinct paints however many shapes it has, so a class costs each shape a
 * short attribute and lets a page's colour scheme change them all at once. */
#include "svg_paint.h"

#include "strutil.h"

#include <math.h>
#include <string.h>

typedef struct {
  char *light, *dark; /* dark NULL: as light */
} PaintClass;

struct SvgPaint {
  GArray *classes;    /* of PaintClass, in order of first use */
  GHashTable *lookup; /* "light\x1fdark" -> index + 1 */
  GString *key;       /* scratch */
};

static void paint_class_clear(gpointer p)
{
  PaintClass *c = p;
  g_free(c->light);
  g_free(c->dark);
}

SvgPaint *svg_paint_new(void)
{
  SvgPaint *p = g_new0(SvgPaint, 1);
  p->classes = g_array_new(FALSE, FALSE, sizeof(PaintClass));
  g_array_set_clear_func(p->classes, paint_class_clear);
  p->lookup = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  p->key = g_string_new(NULL);
  return p;
}

void svg_paint_free(SvgPaint *p)
{
  if (p == NULL)
    return;
  g_array_unref(p->classes);
  g_hash_table_destroy(p->lookup);
  g_string_free(p->key, TRUE);
  g_free(p);
}

guint svg_paint_class(SvgPaint *p, const char *light, const char *dark)
{
  if (dark != NULL && strcmp(dark, light) == 0)
    dark = NULL;
  g_string_assign(p->key, light);
  if (dark != NULL) {
    g_string_append_c(p->key, '\x1f');
    g_string_append(p->key, dark);
  }
  gpointer found = g_hash_table_lookup(p->lookup, p->key->str);
  if (found != NULL)
    return GPOINTER_TO_UINT(found) - 1;
  PaintClass c = {g_strdup(light), g_strdup(dark)};
  g_array_append_val(p->classes, c);
  g_hash_table_insert(p->lookup, g_strdup(p->key->str), GUINT_TO_POINTER(p->classes->len));
  return p->classes->len - 1;
}

guint svg_paint_count(const SvgPaint *p)
{
  return p->classes->len;
}

/* A channel as two hex digits: Cairo stores 8 bits per channel in the PNG alike. */
static int channel(double v)
{
  if (!(v > 0))
    return 0;
  return v >= 1 ? 255 : (int)lround(v * 255);
}

void svg_paint_append_color(GString *css, const char *property, StyleColor c,
                            gboolean explicit_opacity)
{
  g_string_append(css, property);
  if (!(c.a > 0)) {
    g_string_append(css, ":none");
    return;
  }
  static const char hex[] = "0123456789abcdef";
  int r = channel(c.r), g = channel(c.g), b = channel(c.b);
  char rgb[8] = {'#',         hex[r >> 4], hex[r & 15], hex[g >> 4],
                 hex[g & 15], hex[b >> 4], hex[b & 15], 0};
  /* #aabbcc -> #abc */
  if (rgb[1] == rgb[2] && rgb[3] == rgb[4] && rgb[5] == rgb[6]) {
    rgb[2] = rgb[3];
    rgb[3] = rgb[5];
    rgb[4] = 0;
  }
  g_string_append_c(css, ':');
  g_string_append(css, rgb);
  if (c.a < 1 || explicit_opacity) {
    const char *opacity = strcmp(property, "stop-color") == 0 ? "stop" : property;
    char buf[16];
    /* "0.82" -> ".82" */
    strutil_format_number(buf, sizeof buf, CLAMP(c.a, 0, 1), 3);
    g_string_append_printf(css, ";%s-opacity:%s", opacity, buf[0] == '0' && buf[1] ? buf + 1 : buf);
  }
}

static void write_rule(SvgOut *out, const char *prefix, guint index, const char *decls)
{
  svg_out_c(out, '.');
  svg_out_str(out, prefix);
  svg_out_c(out, '-');
  svg_out_uint(out, index);
  svg_out_c(out, '{');
  svg_out_str(out, decls);
  svg_out_raw(out, "}\n", 2);
}

void svg_paint_write_css(const SvgPaint *p, SvgOut *out, const char *prefix)
{
  gboolean dark = FALSE;
  for (guint i = 0; i < p->classes->len; i++) {
    const PaintClass *c = &g_array_index(p->classes, PaintClass, i);
    write_rule(out, prefix, i, c->light);
    dark = dark || c->dark != NULL;
  }
  if (!dark)
    return;
  svg_out_str(out, "@media (prefers-color-scheme:dark){\n");
  for (guint i = 0; i < p->classes->len; i++) {
    const PaintClass *c = &g_array_index(p->classes, PaintClass, i);
    if (c->dark != NULL)
      write_rule(out, prefix, i, c->dark);
  }
  svg_out_str(out, "}\n");
}
