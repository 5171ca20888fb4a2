/* Style files (spec/style-format.md): a table-driven property registry, parsing a style
 * file into a layer that records what it set, and the cascade (built-in `default`, then
 * `extends` chains, repeated -s, --set) that applies layers by copying only set fields. */
#include "style.h"

#include "strutil.h"
#include "ydoc.h"

#include <math.h>
#include <pango/pango.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- colours */

typedef struct {
  const char *name;
  guint32 rgb;
} NamedColor;

/* The CSS Color Module Level 4 named colours, all 148 of them. */
static const NamedColor css_colors[] = {
    {"aliceblue", 0xf0f8ff},
    {"antiquewhite", 0xfaebd7},
    {"aqua", 0x00ffff},
    {"aquamarine", 0x7fffd4},
    {"azure", 0xf0ffff},
    {"beige", 0xf5f5dc},
    {"bisque", 0xffe4c4},
    {"black", 0x000000},
    {"blanchedalmond", 0xffebcd},
    {"blue", 0x0000ff},
    {"blueviolet", 0x8a2be2},
    {"brown", 0xa52a2a},
    {"burlywood", 0xdeb887},
    {"cadetblue", 0x5f9ea0},
    {"chartreuse", 0x7fff00},
    {"chocolate", 0xd2691e},
    {"coral", 0xff7f50},
    {"cornflowerblue", 0x6495ed},
    {"cornsilk", 0xfff8dc},
    {"crimson", 0xdc143c},
    {"cyan", 0x00ffff},
    {"darkblue", 0x00008b},
    {"darkcyan", 0x008b8b},
    {"darkgoldenrod", 0xb8860b},
    {"darkgray", 0xa9a9a9},
    {"darkgreen", 0x006400},
    {"darkgrey", 0xa9a9a9},
    {"darkkhaki", 0xbdb76b},
    {"darkmagenta", 0x8b008b},
    {"darkolivegreen", 0x556b2f},
    {"darkorange", 0xff8c00},
    {"darkorchid", 0x9932cc},
    {"darkred", 0x8b0000},
    {"darksalmon", 0xe9967a},
    {"darkseagreen", 0x8fbc8f},
    {"darkslateblue", 0x483d8b},
    {"darkslategray", 0x2f4f4f},
    {"darkslategrey", 0x2f4f4f},
    {"darkturquoise", 0x00ced1},
    {"darkviolet", 0x9400d3},
    {"deeppink", 0xff1493},
    {"deepskyblue", 0x00bfff},
    {"dimgray", 0x696969},
    {"dimgrey", 0x696969},
    {"dodgerblue", 0x1e90ff},
    {"firebrick", 0xb22222},
    {"floralwhite", 0xfffaf0},
    {"forestgreen", 0x228b22},
    {"fuchsia", 0xff00ff},
    {"gainsboro", 0xdcdcdc},
    {"ghostwhite", 0xf8f8ff},
    {"gold", 0xffd700},
    {"goldenrod", 0xdaa520},
    {"gray", 0x808080},
    {"green", 0x008000},
    {"greenyellow", 0xadff2f},
    {"grey", 0x808080},
    {"honeydew", 0xf0fff0},
    {"hotpink", 0xff69b4},
    {"indianred", 0xcd5c5c},
    {"indigo", 0x4b0082},
    {"ivory", 0xfffff0},
    {"khaki", 0xf0e68c},
    {"lavender", 0xe6e6fa},
    {"lavenderblush", 0xfff0f5},
    {"lawngreen", 0x7cfc00},
    {"lemonchiffon", 0xfffacd},
    {"lightblue", 0xadd8e6},
    {"lightcoral", 0xf08080},
    {"lightcyan", 0xe0ffff},
    {"lightgoldenrodyellow", 0xfafad2},
    {"lightgray", 0xd3d3d3},
    {"lightgreen", 0x90ee90},
    {"lightgrey", 0xd3d3d3},
    {"lightpink", 0xffb6c1},
    {"lightsalmon", 0xffa07a},
    {"lightseagreen", 0x20b2aa},
    {"lightskyblue", 0x87cefa},
    {"lightslategray", 0x778899},
    {"lightslategrey", 0x778899},
    {"lightsteelblue", 0xb0c4de},
    {"lightyellow", 0xffffe0},
    {"lime", 0x00ff00},
    {"limegreen", 0x32cd32},
    {"linen", 0xfaf0e6},
    {"magenta", 0xff00ff},
    {"maroon", 0x800000},
    {"mediumaquamarine", 0x66cdaa},
    {"mediumblue", 0x0000cd},
    {"mediumorchid", 0xba55d3},
    {"mediumpurple", 0x9370db},
    {"mediumseagreen", 0x3cb371},
    {"mediumslateblue", 0x7b68ee},
    {"mediumspringgreen", 0x00fa9a},
    {"mediumturquoise", 0x48d1cc},
    {"mediumvioletred", 0xc71585},
    {"midnightblue", 0x191970},
    {"mintcream", 0xf5fffa},
    {"mistyrose", 0xffe4e1},
    {"moccasin", 0xffe4b5},
    {"navajowhite", 0xffdead},
    {"navy", 0x000080},
    {"oldlace", 0xfdf5e6},
    {"olive", 0x808000},
    {"olivedrab", 0x6b8e23},
    {"orange", 0xffa500},
    {"orangered", 0xff4500},
    {"orchid", 0xda70d6},
    {"palegoldenrod", 0xeee8aa},
    {"palegreen", 0x98fb98},
    {"paleturquoise", 0xafeeee},
    {"palevioletred", 0xdb7093},
    {"papayawhip", 0xffefd5},
    {"peachpuff", 0xffdab9},
    {"peru", 0xcd853f},
    {"pink", 0xffc0cb},
    {"plum", 0xdda0dd},
    {"powderblue", 0xb0e0e6},
    {"purple", 0x800080},
    {"rebeccapurple", 0x663399},
    {"red", 0xff0000},
    {"rosybrown", 0xbc8f8f},
    {"royalblue", 0x4169e1},
    {"saddlebrown", 0x8b4513},
    {"salmon", 0xfa8072},
    {"sandybrown", 0xf4a460},
    {"seagreen", 0x2e8b57},
    {"seashell", 0xfff5ee},
    {"sienna", 0xa0522d},
    {"silver", 0xc0c0c0},
    {"skyblue", 0x87ceeb},
    {"slateblue", 0x6a5acd},
    {"slategray", 0x708090},
    {"slategrey", 0x708090},
    {"snow", 0xfffafa},
    {"springgreen", 0x00ff7f},
    {"steelblue", 0x4682b4},
    {"tan", 0xd2b48c},
    {"teal", 0x008080},
    {"thistle", 0xd8bfd8},
    {"tomato", 0xff6347},
    {"turquoise", 0x40e0d0},
    {"violet", 0xee82ee},
    {"wheat", 0xf5deb3},
    {"white", 0xffffff},
    {"whitesmoke", 0xf5f5f5},
    {"yellow", 0xffff00},
    {"yellowgreen", 0x9acd32},
};

static int hex_digit(char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* #rgb, #rgba, #rrggbb, #rrggbbaa. */
static gboolean parse_hex_color(const char *hex, StyleColor *out)
{
  size_t n = strlen(hex);
  int d[8];
  if (n != 3 && n != 4 && n != 6 && n != 8)
    return FALSE;
  for (size_t i = 0; i < n; i++)
    if ((d[i] = hex_digit(hex[i])) < 0)
      return FALSE;
  double ch[4] = {0, 0, 0, 1};
  guint channels = (n == 4 || n == 8) ? 4 : 3;
  for (guint i = 0; i < channels; i++)
    ch[i] = (n <= 4 ? d[i] * 17 : d[2 * i] * 16 + d[2 * i + 1]) / 255.0;
  *out = (StyleColor){ch[0], ch[1], ch[2], ch[3]};
  return TRUE;
}

gboolean style_color_parse(const char *text, StyleColor *out)
{
  if (text == NULL)
    return FALSE;
  if (text[0] == '#')
    return parse_hex_color(text + 1, out);
  if (g_ascii_strcasecmp(text, "transparent") == 0) {
    *out = (StyleColor){0, 0, 0, 0};
    return TRUE;
  }
  for (size_t i = 0; i < G_N_ELEMENTS(css_colors); i++) {
    if (g_ascii_strcasecmp(text, css_colors[i].name) == 0) {
      guint32 v = css_colors[i].rgb;
      *out = (StyleColor){((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0,
                          1.0};
      return TRUE;
    }
  }
  return FALSE;
}

/* The CSS name nearest to a misspelt colour, for "did you mean". */
static const char *closest_color_name(const char *text)
{
  static const char *names[G_N_ELEMENTS(css_colors) + 2];
  if (names[0] == NULL) {
    for (size_t i = 0; i < G_N_ELEMENTS(css_colors); i++)
      names[i] = css_colors[i].name;
    names[G_N_ELEMENTS(css_colors)] = "transparent";
  }
  g_autofree char *lower = g_ascii_strdown(text, -1);
  return strutil_closest(lower, names);
}

static StyleColor color_over(StyleColor fg, StyleColor bg)
{
  double a = fg.a + bg.a * (1 - fg.a);
  if (a <= 0)
    return (StyleColor){0, 0, 0, 0};
  return (StyleColor){(fg.r * fg.a + bg.r * bg.a * (1 - fg.a)) / a,
                      (fg.g * fg.a + bg.g * bg.a * (1 - fg.a)) / a,
                      (fg.b * fg.a + bg.b * bg.a * (1 - fg.a)) / a, a};
}

static double srgb_linear(double c)
{
  return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(StyleColor c)
{
  return 0.2126 * srgb_linear(c.r) + 0.7152 * srgb_linear(c.g) + 0.0722 * srgb_linear(c.b);
}

double style_contrast_ratio(StyleColor fg, StyleColor bg, StyleColor page)
{
  /* A transparent page shows whatever is under it; assume white, as browsers do. */
  StyleColor base = color_over(page, (StyleColor){1, 1, 1, 1});
  StyleColor b = color_over(bg, base);
  StyleColor f = color_over(fg, b);
  double l1 = luminance(f), l2 = luminance(b);
  if (l1 < l2) {
    double t = l1;
    l1 = l2;
    l2 = t;
  }
  return (l1 + 0.05) / (l2 + 0.05);
}

/* ---------------------------------------------------------------- registry */

typedef enum {
  PT_NUMBER,      /* double, min..max */
  PT_AUTO_NUMBER, /* double: `auto` is 0, else min..max */
  PT_BOOL,        /* gboolean */
  PT_COLOR,       /* StyleColor */
  PT_COLOR_NONE,  /* StyleColor; `none` is fully transparent */
  PT_AUTO_COLOR,  /* StyleColor + gboolean at offset2: `auto` sets the flag */
  PT_FONT,        /* char*, a Pango description with a size */
  PT_STRING,      /* char* */
  PT_ENUM,        /* int, names[] */
  PT_DASH,        /* double[4] + guint count at offset2 */
  PT_COLORS,      /* GArray* of StyleColor, non-empty */
  PT_PATTERNS,    /* GArray* of StylePattern, non-empty */
} PropType;

typedef struct {
  const char *key;
  PropType type;
  size_t offset;
  size_t offset2;
  double min, max;
  const char *const *names; /* PT_ENUM: indexed by value, NULL-terminated */
} StyleProp;

static const char *const axis_position_names[] = {"bottom", "top", "both", NULL};
static const char *const ticks_names[] = {"auto", "decade", "year", "quarter", "month", NULL};
static const char *const bar_label_names[] = {"auto", "inside", "outside", NULL};
static const char *const group_label_names[] = {"left", "above", "none", NULL};
static const char *const legend_position_names[] = {"top", "bottom", NULL};
static const char *const shape_names[] = {"diamond", "circle", "square", NULL};
static const char *const pattern_names[] = {"solid", "hatch",   "crosshatch",
                                            "dots",  "outline", NULL};
static const char *const paint_fields[] = {"color", "pattern", "label", NULL};

/* Enums are stored through an int; this holds for every enum in style.h. */
G_STATIC_ASSERT(sizeof(StyleTicks) == sizeof(int));
G_STATIC_ASSERT(sizeof(StylePattern) == sizeof(int));

#define OFF(field) offsetof(Style, field)
/* One registry row; the short forms below cover the rows with no second field, no range
 * and no names. */
#define PROP(k, type, f, f2, lo, hi, n)                                                            \
  {                                                                                                \
    k, type, OFF(f), f2, lo, hi, n                                                                 \
  }
#define NUM(k, f, lo, hi) PROP(k, PT_NUMBER, f, 0, lo, hi, NULL)
#define BOOL(k, f) PROP(k, PT_BOOL, f, 0, 0, 0, NULL)
#define COLOR(k, f) PROP(k, PT_COLOR, f, 0, 0, 0, NULL)
#define COLOR_NONE(k, f) PROP(k, PT_COLOR_NONE, f, 0, 0, 0, NULL)
#define FONT(k, f) PROP(k, PT_FONT, f, 0, 0, 0, NULL)
#define STRING(k, f) PROP(k, PT_STRING, f, 0, 0, 0, NULL)
#define ENUM(k, f, n) PROP(k, PT_ENUM, f, 0, 0, 0, n)

/* Sizes are bounded so that a typo cannot ask for a gigapixel canvas. */
#define MAX_PAGE 20000.0

static const StyleProp props[] = {
    STRING("description", description),
    NUM("page.width", page.width, 1, MAX_PAGE),
    {"page.height", PT_AUTO_NUMBER, OFF(page.height), 0, 1, MAX_PAGE, NULL},
    NUM("page.margin", page.margin, 0, 2000),
    COLOR("page.background", page.background),
    FONT("page.font", page.font),
    COLOR("page.color", page.color),
    COLOR("page.muted", page.muted),
    BOOL("title.show", title.show),
    FONT("title.font", title.font),
    COLOR("title.color", title.color),
    BOOL("subtitle.show", subtitle.show),
    FONT("subtitle.font", subtitle.font),
    COLOR("subtitle.color", subtitle.color),
    ENUM("axis.position", axis.position, axis_position_names),
    ENUM("axis.ticks", axis.ticks, ticks_names),
    FONT("axis.font", axis.font),
    COLOR("axis.color", axis.color),
    COLOR_NONE("axis.grid", axis.grid),
    BOOL("today.show", today.show),
    COLOR("today.color", today.color),
    NUM("today.width", today.width, 0, 100),
    {"today.dash", PT_DASH, OFF(today.dash), OFF(today.n_dash), 0, 1000, NULL},
    STRING("today.label", today.label),
    FONT("today.font", today.font),
    NUM("bar.height", bar.height, 1, 1000),
    NUM("bar.gap", bar.gap, 0, 1000),
    NUM("bar.radius", bar.radius, 0, 500),
    NUM("bar.padding", bar.padding, 0, 1000),
    ENUM("bar.label", bar.label, bar_label_names),
    FONT("bar.font", bar.font),
    {"bar.color", PT_AUTO_COLOR, OFF(bar.color), OFF(bar.color_auto), 0, 0, NULL},
    BOOL("bar.show-org", bar.show_org),
    BOOL("bar.show-location", bar.show_location),
    NUM("bar.border-width", bar.border_width, 0, 100),
    COLOR_NONE("bar.border", bar.border),
    ENUM("group.label", group.label, group_label_names),
    FONT("group.font", group.font),
    COLOR("group.color", group.color),
    NUM("group.spacing", group.spacing, 0, 2000),
    COLOR_NONE("group.separator", group.separator),
    {"palette", PT_COLORS, OFF(palette), 0, 0, 0, NULL},
    {"patterns", PT_PATTERNS, OFF(patterns), 0, 0, 0, NULL},
    ENUM("milestone.shape", milestone.shape, shape_names),
    NUM("milestone.size", milestone.size, 1, 500),
    COLOR("milestone.color", milestone.color),
    FONT("milestone.font", milestone.font),
    COLOR("milestone.label-color", milestone.label_color),
    BOOL("legend.show", legend.show),
    ENUM("legend.position", legend.position, legend_position_names),
    FONT("legend.font", legend.font),
};
#define N_PROPS G_N_ELEMENTS(props)

/* Mappings whose keys are property names (as opposed to `groups` and `classes`). */
static const char *const sections[] = {"page", "title", "subtitle",  "axis",   "today",
                                       "bar",  "group", "milestone", "legend", NULL};

guint style_property_count(void)
{
  return N_PROPS;
}

const char *style_property_key(guint index)
{
  return index < N_PROPS ? props[index].key : NULL;
}

static const StyleProp *prop_find(const char *key)
{
  for (size_t i = 0; i < N_PROPS; i++)
    if (strcmp(props[i].key, key) == 0)
      return &props[i];
  return NULL;
}

static gboolean in_table(const char *word, const char *const *table)
{
  for (; *table; table++)
    if (strcmp(*table, word) == 0)
      return TRUE;
  return FALSE;
}

#define FIELD(style, p, type) ((type *)(void *)((char *)(style) + (p)->offset))
#define FIELD2(style, p, type) ((type *)(void *)((char *)(style) + (p)->offset2))

/* ---------------------------------------------------------------- styles and layers */

struct StyleLayer {
  Style values;        /* only the fields marked in `set` mean anything */
  guint8 set[N_PROPS]; /* which registry properties this layer set */
  char *extends;       /* the `extends` value, or NULL */
  char *file;          /* the name used in messages */
  int extends_line, extends_column;
  gboolean is_default; /* the built-in `default`: the floor, applied once, first */
};

static void paint_free(gpointer data)
{
  StylePaint *paint = data;
  if (paint) {
    g_free(paint->label);
    g_free(paint);
  }
}

static GHashTable *paint_table_new(void)
{
  return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, paint_free);
}

static void style_init(Style *style)
{
  memset(style, 0, sizeof *style);
  style->groups = paint_table_new();
  style->classes = paint_table_new();
  style->palette = g_array_new(FALSE, TRUE, sizeof(StyleColor));
  style->patterns = g_array_new(FALSE, TRUE, sizeof(StylePattern));
  style->files = g_ptr_array_new_with_free_func(g_free);
}

static void style_clear(Style *style)
{
  for (size_t i = 0; i < N_PROPS; i++)
    if (props[i].type == PT_FONT || props[i].type == PT_STRING)
      g_free(*FIELD(style, &props[i], char *));
  g_clear_pointer(&style->groups, g_hash_table_unref);
  g_clear_pointer(&style->classes, g_hash_table_unref);
  g_clear_pointer(&style->palette, g_array_unref);
  g_clear_pointer(&style->patterns, g_array_unref);
  g_clear_pointer(&style->files, g_ptr_array_unref);
}

Style *style_new_empty(void)
{
  Style *style = g_new(Style, 1);
  style_init(style);
  return style;
}

void style_free(Style *style)
{
  if (style == NULL)
    return;
  style_clear(style);
  g_free(style);
}

static StyleLayer *layer_new(const char *file)
{
  StyleLayer *layer = g_new0(StyleLayer, 1);
  style_init(&layer->values);
  layer->file = g_strdup(file);
  return layer;
}

void style_layer_free(StyleLayer *layer)
{
  if (layer == NULL)
    return;
  style_clear(&layer->values);
  g_free(layer->extends);
  g_free(layer->file);
  g_free(layer);
}

const char *style_layer_extends(const StyleLayer *layer)
{
  return layer->extends;
}

static guint paint_field_bit(const char *name)
{
  if (strcmp(name, "color") == 0)
    return STYLE_PAINT_COLOR;
  if (strcmp(name, "pattern") == 0)
    return STYLE_PAINT_PATTERN;
  if (strcmp(name, "label") == 0)
    return STYLE_PAINT_LABEL;
  return 0;
}

gboolean style_layer_is_set(const StyleLayer *layer, const char *key)
{
  const StyleProp *p = prop_find(key);
  if (p)
    return layer->set[p - props] != 0;
  GHashTable *table = g_str_has_prefix(key, "groups.")    ? layer->values.groups
                      : g_str_has_prefix(key, "classes.") ? layer->values.classes
                                                          : NULL;
  const char *dot = strrchr(key, '.');
  const char *first = strchr(key, '.');
  if (table == NULL || dot == first)
    return FALSE;
  g_autofree char *name = g_strndup(first + 1, (gsize)(dot - first - 1));
  const StylePaint *paint = g_hash_table_lookup(table, name);
  return paint && (paint->set & paint_field_bit(dot + 1));
}

static StylePaint *paint_get(GHashTable *table, const char *name)
{
  StylePaint *paint = g_hash_table_lookup(table, name);
  if (paint == NULL) {
    paint = g_new0(StylePaint, 1);
    g_hash_table_insert(table, g_strdup(name), paint);
  }
  return paint;
}

static void copy_prop(Style *dst, const Style *src, const StyleProp *p)
{
  switch (p->type) {
  case PT_NUMBER:
  case PT_AUTO_NUMBER:
    *FIELD(dst, p, double) = *FIELD(src, p, double);
    break;
  case PT_BOOL:
    *FIELD(dst, p, gboolean) = *FIELD(src, p, gboolean);
    break;
  case PT_ENUM:
    *FIELD(dst, p, int) = *FIELD(src, p, int);
    break;
  case PT_COLOR:
  case PT_COLOR_NONE:
    *FIELD(dst, p, StyleColor) = *FIELD(src, p, StyleColor);
    break;
  case PT_AUTO_COLOR:
    *FIELD(dst, p, StyleColor) = *FIELD(src, p, StyleColor);
    *FIELD2(dst, p, gboolean) = *FIELD2(src, p, gboolean);
    break;
  case PT_FONT:
  case PT_STRING:
    g_free(*FIELD(dst, p, char *));
    *FIELD(dst, p, char *) = g_strdup(*FIELD(src, p, char *));
    break;
  case PT_DASH:
    memcpy(FIELD(dst, p, double), FIELD(src, p, double), 4 * sizeof(double));
    *FIELD2(dst, p, guint) = *FIELD2(src, p, guint);
    break;
  case PT_COLORS:
  case PT_PATTERNS: {
    GArray *from = *FIELD(src, p, GArray *);
    GArray **to = FIELD(dst, p, GArray *);
    g_array_set_size(*to, 0);
    g_array_append_vals(*to, from->data, from->len);
    break;
  }
  }
}

static void apply_paints(GHashTable *dst, GHashTable *src)
{
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init(&iter, src);
  while (g_hash_table_iter_next(&iter, &key, &value)) {
    const StylePaint *from = value;
    StylePaint *to = paint_get(dst, key);
    if (from->set & STYLE_PAINT_COLOR)
      to->color = from->color;
    if (from->set & STYLE_PAINT_PATTERN)
      to->pattern = from->pattern;
    if (from->set & STYLE_PAINT_LABEL) {
      g_free(to->label);
      to->label = g_strdup(from->label);
    }
    to->set |= from->set;
  }
}

void style_apply(Style *style, const StyleLayer *layer)
{
  for (size_t i = 0; i < N_PROPS; i++)
    if (layer->set[i])
      copy_prop(style, &layer->values, &props[i]);
  apply_paints(style->groups, layer->values.groups);
  apply_paints(style->classes, layer->values.classes);
}

/* ---------------------------------------------------------------- parsing values */

typedef struct {
  StyleLayer *layer;
  DiagList *diags;
  const char *file;
  gboolean positions; /* FALSE for --set: the value's own positions mean nothing */
  gboolean is_set;    /* parsing a --set assignment */
} Ctx;

static void ctx_error(Ctx *c, const YdocNode *at, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
static void ctx_error(Ctx *c, const YdocNode *at, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_autofree char *text = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  gboolean pos = c->positions && at;
  diag_error(c->diags, c->file, pos ? at->line : 0, pos ? at->column : 0, "%s", text);
}

/* "a list", "a mapping", "'abc'", or "nothing" for a null: what a value was. */
static char *describe(const YdocNode *node)
{
  if (node->kind != YDOC_SCALAR)
    return g_strdup(ydoc_kind_name(node->kind));
  if (ydoc_is_null(node))
    return g_strdup("nothing");
  return g_strdup_printf("'%s'", node->text);
}

static gboolean expect_scalar(Ctx *c, const char *key, const YdocNode *v, const char *what)
{
  if (v->kind == YDOC_SCALAR && !ydoc_is_null(v))
    return TRUE;
  g_autofree char *found = describe(v);
  ctx_error(c, v, "'%s' must be %s, found %s", key, what, found);
  return FALSE;
}

/* YAML's spellings of NaN and the infinities, and anything strtod reads as non-finite. */
static gboolean is_non_finite(const char *text)
{
  const char *t = text;
  if (*t == '+' || *t == '-')
    t++;
  if (*t == '.')
    t++;
  return g_ascii_strcasecmp(t, "nan") == 0 || g_ascii_strcasecmp(t, "inf") == 0 ||
         g_ascii_strcasecmp(t, "infinity") == 0 || g_ascii_strcasecmp(t, "infinite") == 0;
}

static gboolean parse_number(Ctx *c, const char *key, const YdocNode *v, double min, double max,
                             double *out)
{
  if (!expect_scalar(c, key, v, "a number"))
    return FALSE;
  double x;
  if (!strutil_parse_number(v->text, &x)) {
    if (is_non_finite(v->text))
      ctx_error(c, v, "'%s' must be a finite number, found '%s'", key, v->text);
    else
      ctx_error(c, v, "'%s' must be a number, found '%s'", key, v->text);
    return FALSE;
  }
  char lo[32], hi[32];
  strutil_format_number(lo, sizeof lo, min, 3);
  strutil_format_number(hi, sizeof hi, max, 3);
  if (x < 0 && min >= 0) {
    ctx_error(c, v, "'%s' must not be negative, found %s", key, v->text);
    return FALSE;
  }
  if (x < min) {
    ctx_error(c, v, "'%s' must be at least %s, found %s", key, lo, v->text);
    return FALSE;
  }
  if (x > max) {
    ctx_error(c, v, "'%s' must be at most %s, found %s", key, hi, v->text);
    return FALSE;
  }
  *out = x;
  return TRUE;
}

static gboolean parse_color(Ctx *c, const char *key, const YdocNode *v, gboolean allow_none,
                            StyleColor *out)
{
  if (v->kind == YDOC_SCALAR && ydoc_is_null(v) && c->positions) {
    /* The usual cause: an unquoted #rrggbb, which YAML reads as a comment. */
    ctx_error(c, v,
              "'%s' must be a colour, found nothing (quote colours that start with #, "
              "e.g. \"#1f2933\")",
              key);
    return FALSE;
  }
  if (!expect_scalar(c, key, v, "a colour"))
    return FALSE;
  if (allow_none && g_ascii_strcasecmp(v->text, "none") == 0) {
    *out = (StyleColor){0, 0, 0, 0};
    return TRUE;
  }
  if (style_color_parse(v->text, out))
    return TRUE;
  if (g_ascii_strcasecmp(v->text, "none") == 0) {
    ctx_error(c, v, "'%s' cannot be none (use a colour, or transparent)", key);
    return FALSE;
  }
  const char *near = v->text[0] == '#' ? NULL : closest_color_name(v->text);
  const char *forms = allow_none ? "#rgb, #rrggbb, #rrggbbaa, a CSS colour name or none"
                                 : "#rgb, #rrggbb, #rrggbbaa or a CSS colour name";
  if (near)
    ctx_error(c, v, "'%s' is not a colour: '%s' (did you mean '%s'?)", key, v->text, near);
  else
    ctx_error(c, v, "'%s' is not a colour: '%s' (use %s)", key, v->text, forms);
  return FALSE;
}

static gboolean parse_bool(Ctx *c, const char *key, const YdocNode *v, gboolean *out)
{
  static const char *const yes[] = {"true", "yes", "on", NULL};
  static const char *const no[] = {"false", "no", "off", NULL};
  if (v->kind == YDOC_SCALAR && v->plain) {
    g_autofree char *lower = g_ascii_strdown(v->text, -1);
    if (in_table(lower, yes) || in_table(lower, no)) {
      *out = in_table(lower, yes);
      return TRUE;
    }
  }
  g_autofree char *found = describe(v);
  ctx_error(c, v, "'%s' must be true or false, found %s", key, found);
  return FALSE;
}

static gboolean parse_enum(Ctx *c, const char *key, const YdocNode *v, const char *const *names,
                           int *out)
{
  if (v->kind == YDOC_SCALAR) {
    for (int i = 0; names[i]; i++) {
      if (strcmp(v->text, names[i]) == 0) {
        *out = i;
        return TRUE;
      }
    }
  }
  g_autofree char *list = g_strjoinv(", ", (char **)names);
  g_autofree char *found = describe(v);
  ctx_error(c, v, "'%s' must be one of %s; found %s", key, list, found);
  return FALSE;
}

static gboolean parse_font(Ctx *c, const char *key, const YdocNode *v, char **out)
{
  if (!expect_scalar(c, key, v, "a font description such as \"DejaVu Sans 11\""))
    return FALSE;
  PangoFontDescription *desc = pango_font_description_from_string(v->text);
  gboolean has_size = (pango_font_description_get_set_fields(desc) & PANGO_FONT_MASK_SIZE) != 0;
  double size = pango_font_description_get_size(desc) / (double)PANGO_SCALE;
  const char *family = pango_font_description_get_family(desc);
  gboolean has_family = family && *family;
  pango_font_description_free(desc);
  if (!has_family) {
    ctx_error(c, v, "'%s' names no font family: '%s'", key, v->text);
    return FALSE;
  }
  if (!has_size) {
    ctx_error(c, v, "'%s' needs a size, e.g. '%s 11': '%s'", key, v->text, v->text);
    return FALSE;
  }
  if (size <= 0 || size > 500) {
    char buf[32];
    strutil_format_number(buf, sizeof buf, size, 2);
    ctx_error(c, v, "'%s' has font size %s; a size must be above 0 and at most 500", key, buf);
    return FALSE;
  }
  g_free(*out);
  *out = g_strdup(v->text);
  return TRUE;
}

static gboolean parse_string(Ctx *c, const char *key, const YdocNode *v, char **out)
{
  if (v->kind != YDOC_SCALAR) {
    ctx_error(c, v, "'%s' must be a string, found %s", key, ydoc_kind_name(v->kind));
    return FALSE;
  }
  g_free(*out);
  *out = ydoc_is_null(v) ? NULL : g_strdup(v->text);
  return TRUE;
}

static gboolean expect_list(Ctx *c, const char *key, const YdocNode *v, const char *what)
{
  if (v->kind == YDOC_SEQUENCE)
    return TRUE;
  g_autofree char *found = describe(v);
  ctx_error(c, v, "'%s' must be a list of %s, found %s", key, what, found);
  return FALSE;
}

/* `[4, 3]`: dash and gap lengths; `[]` or `none`: solid. */
static gboolean parse_dash(Ctx *c, const StyleProp *p, const YdocNode *v, double *dash,
                           guint *n_dash)
{
  if (v->kind == YDOC_SCALAR && v->plain && strcmp(v->text, "none") == 0) {
    *n_dash = 0;
    return TRUE;
  }
  if (!expect_list(c, p->key, v, "dash lengths (or none)"))
    return FALSE;
  if (v->n > 4) {
    ctx_error(c, v, "'%s' takes at most 4 lengths, found %u", p->key, v->n);
    return FALSE;
  }
  double total = 0;
  for (guint i = 0; i < v->n; i++) {
    if (!parse_number(c, p->key, v->items[i], p->min, p->max, &dash[i]))
      return FALSE;
    total += dash[i];
  }
  if (v->n > 0 && total <= 0) {
    ctx_error(c, v, "'%s' lengths must not all be 0", p->key);
    return FALSE;
  }
  *n_dash = v->n;
  return TRUE;
}

#define MAX_LIST 64

static gboolean parse_list(Ctx *c, const StyleProp *p, const YdocNode *v, GArray *out)
{
  const char *what = p->type == PT_COLORS ? "colours" : "patterns";
  if (!expect_list(c, p->key, v, what))
    return FALSE;
  if (v->n == 0 || v->n > MAX_LIST) {
    ctx_error(c, v, "'%s' must list between 1 and %d %s, found %u", p->key, MAX_LIST, what, v->n);
    return FALSE;
  }
  g_array_set_size(out, 0);
  for (guint i = 0; i < v->n; i++) {
    if (p->type == PT_COLORS) {
      StyleColor col;
      if (!parse_color(c, p->key, v->items[i], FALSE, &col))
        return FALSE;
      g_array_append_val(out, col);
    } else {
      int pat;
      if (!parse_enum(c, p->key, v->items[i], pattern_names, &pat))
        return FALSE;
      StylePattern sp = (StylePattern)pat;
      g_array_append_val(out, sp);
    }
  }
  return TRUE;
}

static gboolean parse_prop(Ctx *c, const StyleProp *p, const YdocNode *v)
{
  Style *s = &c->layer->values;
  switch (p->type) {
  case PT_NUMBER:
    return parse_number(c, p->key, v, p->min, p->max, FIELD(s, p, double));
  case PT_AUTO_NUMBER:
    if (v->kind == YDOC_SCALAR && strcmp(v->text, "auto") == 0) {
      *FIELD(s, p, double) = 0;
      return TRUE;
    }
    if (v->kind == YDOC_SCALAR && !ydoc_is_null(v) &&
        !strutil_parse_number(v->text, &(double){0}) && !is_non_finite(v->text)) {
      ctx_error(c, v, "'%s' must be auto or a number, found '%s'", p->key, v->text);
      return FALSE;
    }
    return parse_number(c, p->key, v, p->min, p->max, FIELD(s, p, double));
  case PT_BOOL:
    return parse_bool(c, p->key, v, FIELD(s, p, gboolean));
  case PT_ENUM:
    return parse_enum(c, p->key, v, p->names, FIELD(s, p, int));
  case PT_COLOR:
  case PT_COLOR_NONE:
    return parse_color(c, p->key, v, p->type == PT_COLOR_NONE, FIELD(s, p, StyleColor));
  case PT_AUTO_COLOR:
    if (v->kind == YDOC_SCALAR && strcmp(v->text, "auto") == 0) {
      *FIELD(s, p, StyleColor) = (StyleColor){0, 0, 0, 1};
      *FIELD2(s, p, gboolean) = TRUE;
      return TRUE;
    }
    *FIELD2(s, p, gboolean) = FALSE;
    return parse_color(c, p->key, v, FALSE, FIELD(s, p, StyleColor));
  case PT_FONT:
    return parse_font(c, p->key, v, FIELD(s, p, char *));
  case PT_STRING:
    return parse_string(c, p->key, v, FIELD(s, p, char *));
  case PT_DASH:
    return parse_dash(c, p, v, FIELD(s, p, double), FIELD2(s, p, guint));
  case PT_COLORS:
  case PT_PATTERNS:
    return parse_list(c, p, v, *FIELD(s, p, GArray *));
  }
  return FALSE;
}

/* ---------------------------------------------------------------- walking a style tree */

/* Warns about an unknown key @path, suggesting the nearest sibling. */
static void unknown_key(Ctx *c, const char *path, const YdocNode *at)
{
  const char *dot = strrchr(path, '.');
  gsize parent_len = dot ? (gsize)(dot - path) : 0;
  g_autoptr(GPtrArray) cands = g_ptr_array_new_with_free_func(g_free);
  if (parent_len == 0) {
    for (guint i = 0; sections[i]; i++)
      g_ptr_array_add(cands, g_strdup(sections[i]));
    for (const char *const *w = (const char *const[]){"description", "palette", "patterns",
                                                      "groups", "classes", "extends", NULL};
         *w; w++)
      g_ptr_array_add(cands, g_strdup(*w));
  } else if (g_str_has_prefix(path, "groups.") || g_str_has_prefix(path, "classes.")) {
    for (guint i = 0; paint_fields[i]; i++)
      g_ptr_array_add(cands, g_strdup_printf("%.*s.%s", (int)parent_len, path, paint_fields[i]));
  } else {
    for (size_t i = 0; i < N_PROPS; i++)
      if (strncmp(props[i].key, path, parent_len + 1) == 0)
        g_ptr_array_add(cands, g_strdup(props[i].key));
  }
  g_ptr_array_add(cands, NULL);
  const char *near = strutil_closest(path, (const char *const *)cands->pdata);
  gboolean pos = c->positions && at;
  if (c->is_set) {
    /* An unknown --set key does nothing at all: that is an error, not a warning. */
    if (near)
      diag_error(c->diags, c->file, 0, 0, "unknown key '%s' (did you mean '%s'?)", path, near);
    else
      diag_error(c->diags, c->file, 0, 0, "unknown key '%s'", path);
  } else if (near) {
    diag_warning(c->diags, c->file, pos ? at->line : 0, pos ? at->column : 0,
                 "unknown key '%s' (did you mean '%s'?)", path, near);
  } else {
    diag_warning(c->diags, c->file, pos ? at->line : 0, pos ? at->column : 0, "unknown key '%s'",
                 path);
  }
}

static gboolean expect_mapping(Ctx *c, const char *path, const YdocNode *v)
{
  if (v->kind == YDOC_MAPPING)
    return TRUE;
  g_autofree char *found = describe(v);
  ctx_error(c, v, "'%s' must be a mapping, found %s", path, found);
  return FALSE;
}

static void paint_field(Ctx *c, GHashTable *table, const char *name, const char *path, guint bit,
                        const YdocNode *v)
{
  StylePaint tmp = {0};
  gboolean ok = FALSE;
  if (bit == STYLE_PAINT_COLOR) {
    ok = parse_color(c, path, v, FALSE, &tmp.color);
  } else if (bit == STYLE_PAINT_PATTERN) {
    int pat = 0;
    ok = parse_enum(c, path, v, pattern_names, &pat);
    tmp.pattern = (StylePattern)pat;
  } else {
    ok = parse_string(c, path, v, &tmp.label);
  }
  if (!ok)
    return;
  StylePaint *paint = paint_get(table, name);
  if (bit == STYLE_PAINT_COLOR)
    paint->color = tmp.color;
  else if (bit == STYLE_PAINT_PATTERN)
    paint->pattern = tmp.pattern;
  else {
    g_free(paint->label);
    paint->label = tmp.label;
  }
  paint->set |= bit;
}

static void walk(Ctx *c, const char *path, const YdocNode *key, const YdocNode *v);

/* One field of a group's or class's paint; @path is the full dotted key for messages. */
static void walk_paint_field(Ctx *c, GHashTable *table, const char *name, const char *path,
                             const char *field, const YdocNode *key, const YdocNode *v)
{
  guint bit = paint_field_bit(field);
  if (bit)
    paint_field(c, table, name, path, bit, v);
  else
    unknown_key(c, path, key);
}

/* `NAME: {color: ..., pattern: ..., label: ...}` under `groups` or `classes` (@prefix). */
static void walk_paint(Ctx *c, const char *prefix, GHashTable *table, const char *name,
                       const YdocNode *v)
{
  g_autofree char *path = g_strdup_printf("%s.%s", prefix, name);
  if (!expect_mapping(c, path, v))
    return;
  if (v->n == 0)
    paint_get(table, name); /* `groups: {x: {}}` still names the group */
  for (guint i = 0; i < v->n; i++) {
    const char *field = v->pairs[i].key->text;
    g_autofree char *sub = g_strdup_printf("%s.%s", path, field);
    walk_paint_field(c, table, name, sub, field, v->pairs[i].key, v->pairs[i].value);
  }
}

static void walk_children(Ctx *c, const char *path, const YdocNode *v)
{
  if (!expect_mapping(c, path, v))
    return;
  for (guint i = 0; i < v->n; i++) {
    g_autofree char *sub = g_strdup_printf("%s.%s", path, v->pairs[i].key->text);
    walk(c, sub, v->pairs[i].key, v->pairs[i].value);
  }
}

static void walk(Ctx *c, const char *path, const YdocNode *key, const YdocNode *v)
{
  const StyleProp *p = prop_find(path);
  if (p) {
    if (parse_prop(c, p, v))
      c->layer->set[p - props] = 1;
    return;
  }
  if (in_table(path, sections)) {
    walk_children(c, path, v);
    return;
  }
  GHashTable *table = NULL;
  const char *rest = NULL;
  if (g_str_has_prefix(path, "groups")) {
    table = c->layer->values.groups;
    rest = path + strlen("groups");
  } else if (g_str_has_prefix(path, "classes")) {
    table = c->layer->values.classes;
    rest = path + strlen("classes");
  }
  if (table && *rest == '\0') {
    if (!expect_mapping(c, path, v))
      return;
    for (guint i = 0; i < v->n; i++)
      walk_paint(c, path, table, v->pairs[i].key->text, v->pairs[i].value);
    return;
  }
  if (table && rest[0] == '.' && rest[1] != '\0') {
    /* A dotted key (--set, or written flat): `groups.NAME` or `groups.NAME.FIELD`. */
    const char *name = rest + 1;
    const char *dot = strchr(name, '.');
    g_autofree char *prefix = g_strndup(path, (gsize)(rest - path));
    if (dot == NULL) {
      walk_paint(c, prefix, table, name, v);
    } else {
      g_autofree char *group = g_strndup(name, (gsize)(dot - name));
      walk_paint_field(c, table, group, path, dot + 1, key, v);
    }
    return;
  }
  if (strcmp(path, "extends") == 0) {
    if (c->is_set) {
      diag_error(c->diags, c->file, 0, 0, "'extends' cannot be set with --set; use -s NAME");
      return;
    }
    if (!expect_scalar(c, path, v, "a style name or path"))
      return;
    g_free(c->layer->extends);
    c->layer->extends = g_strdup(v->text);
    c->layer->extends_line = v->line;
    c->layer->extends_column = v->column;
    return;
  }
  unknown_key(c, path, key);
}

static StyleLayer *layer_from_doc(Ctx *c, const YdocDoc *doc)
{
  guint errors = diag_error_count(c->diags);
  const YdocNode *root = doc->root;
  if (root && !ydoc_is_null(root)) {
    if (root->kind != YDOC_MAPPING) {
      ctx_error(c, root, "a style must be a mapping of keys, found %s", ydoc_kind_name(root->kind));
    } else {
      for (guint i = 0; i < root->n; i++)
        walk(c, root->pairs[i].key->text, root->pairs[i].key, root->pairs[i].value);
    }
  }
  if (diag_error_count(c->diags) != errors) {
    style_layer_free(c->layer);
    return NULL;
  }
  return c->layer;
}

/* Style files are small; a tighter cap than the CV's keeps hostile input cheap. */
#define STYLE_MAX_BYTES (1024u * 1024u)

static YdocLimits style_limits(void)
{
  YdocLimits limits = YDOC_DEFAULT_LIMITS;
  limits.max_bytes = STYLE_MAX_BYTES;
  limits.max_depth = 16;
  limits.max_nodes = 100000;
  return limits;
}

StyleLayer *style_layer_parse(const char *file, const char *text, gsize len, DiagList *diags)
{
  YdocLimits limits = style_limits();
  guint errors = diag_error_count(diags);
  YdocDoc *doc = ydoc_parse(file, text, len, &limits, diags);
  if (doc == NULL)
    return NULL;
  Ctx c = {.layer = layer_new(file), .diags = diags, .file = file, .positions = TRUE};
  StyleLayer *layer = layer_from_doc(&c, doc);
  ydoc_free(doc);
  /* A duplicate key leaves a usable tree (so its other mistakes are reported too), but a
   * style with any error is not used. */
  if (layer != NULL && diag_error_count(diags) != errors) {
    style_layer_free(layer);
    return NULL;
  }
  return layer;
}

StyleLayer *style_layer_parse_set(const char *assignment, DiagList *diags)
{
  const char *file = "--set";
  const char *eq = strchr(assignment, '=');
  if (eq == NULL || eq == assignment) {
    diag_error(diags, file, 0, 0, "expected KEY=VALUE, found '%s'", assignment);
    return NULL;
  }
  g_autofree char *key = g_strstrip(g_strndup(assignment, (gsize)(eq - assignment)));
  const char *value = eq + 1;
  if (value[0] == '#') {
    /* On a command line `#fff` means a colour, not a YAML comment. */
    Ctx c = {.layer = layer_new(file), .diags = diags, .file = file, .is_set = TRUE};
    YdocNode scalar = {.kind = YDOC_SCALAR, .text = (char *)value, .plain = FALSE};
    scalar.text_len = strlen(value);
    guint errors = diag_error_count(diags);
    walk(&c, key, NULL, &scalar);
    if (diag_error_count(diags) != errors) {
      style_layer_free(c.layer);
      return NULL;
    }
    return c.layer;
  }
  YdocLimits limits = style_limits();
  /* Parsed as a YAML node so that `palette=[red, blue]` and `today.dash=[2,2]` work; the
   * value's positions would be relative to the value only, so messages carry none. */
  DiagList *parse_diags = diag_list_new();
  YdocDoc *doc = ydoc_parse(file, value, strlen(value), &limits, parse_diags);
  if (doc == NULL || diag_error_count(parse_diags) > 0) {
    ydoc_free(doc);
    const Diag *d = diag_len(parse_diags) ? diag_get(parse_diags, 0) : NULL;
    diag_error(diags, file, 0, 0, "%s: the value is not valid YAML%s%s", key, d ? ": " : "",
               d ? d->text : "");
    diag_list_free(parse_diags);
    return NULL;
  }
  diag_list_free(parse_diags);
  Ctx c = {.layer = layer_new(file), .diags = diags, .file = file, .is_set = TRUE};
  guint errors = diag_error_count(diags);
  if (doc->root == NULL) {
    /* `--set today.label=` means an empty value. */
    YdocNode empty = {.kind = YDOC_SCALAR, .text = (char *)"", .plain = TRUE};
    walk(&c, key, NULL, &empty);
  } else {
    walk(&c, key, NULL, doc->root);
  }
  ydoc_free(doc);
  if (diag_error_count(diags) != errors) {
    style_layer_free(c.layer);
    return NULL;
  }
  return c.layer;
}

/* ---------------------------------------------------------------- the cascade */

static const StyleBuiltin *builtin_find(const char *name)
{
  for (unsigned i = 0; i < style_builtins_count; i++)
    if (strcmp(style_builtins[i].name, name) == 0)
      return &style_builtins[i];
  return NULL;
}

/* A name without `/` and without a .yaml/.yml suffix is a built-in; anything else a path. */
static gboolean is_builtin_name(const char *name)
{
  return strchr(name, '/') == NULL && !g_str_has_suffix(name, ".yaml") &&
         !g_str_has_suffix(name, ".yml");
}

static void unknown_builtin(DiagList *diags, const char *file, int line, int column,
                            const char *name)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new();
  for (unsigned i = 0; i < style_builtins_count; i++)
    g_ptr_array_add(names, (gpointer)style_builtins[i].name);
  g_ptr_array_add(names, NULL);
  g_autofree char *list = g_strjoinv(", ", (char **)names->pdata);
  const char *near = strutil_closest(name, (const char *const *)names->pdata);
  if (near)
    diag_error(diags, file, line, column, "unknown built-in style '%s' (did you mean '%s'?)", name,
               near);
  else
    diag_error(diags, file, line, column, "unknown built-in style '%s' (built-in styles: %s)", name,
               list);
}

/* Loads @name (built-in or path) and its `extends` chain, appending layers base first to
 * @layers. @chain holds the identities being loaded, for cycle detection; @from_file,
 * @line, @column say where @name was asked for (NULL file: the command line). */
static gboolean load_chain(const char *name, const char *from_file, int line, int column,
                           GPtrArray *chain, GPtrArray *layers, Style *style, DiagList *diags)
{
  const char *msg_file = from_file ? from_file : "--style";
  g_autofree char *identity = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  const StyleBuiltin *builtin = NULL;
  if (is_builtin_name(name)) {
    builtin = builtin_find(name);
    if (builtin == NULL) {
      unknown_builtin(diags, msg_file, line, column, name);
      return FALSE;
    }
    identity = g_strdup(name);
    path = g_strdup(name);
  } else {
    /* A path in a style file is relative to that file; on the command line, to the
     * working directory. A built-in extending a path has no folder: the working one. */
    if (from_file && !g_path_is_absolute(name) && !builtin_find(from_file)) {
      g_autofree char *dir = g_path_get_dirname(from_file);
      path = strcmp(dir, ".") == 0 ? g_strdup(name) : g_build_filename(dir, name, NULL);
    } else {
      path = g_strdup(name);
    }
    char *real = realpath(path, NULL);
    identity = real ? g_strdup(real) : g_strdup(path);
    free(real);
  }
  /* @chain alternates identity and the name shown in messages. */
  for (guint i = 0; i < chain->len; i += 2) {
    if (strcmp(chain->pdata[i], identity) == 0) {
      g_autoptr(GString) cycle = g_string_new(NULL);
      for (guint j = i; j < chain->len; j += 2)
        g_string_append_printf(cycle, "%s -> ", (char *)chain->pdata[j + 1]);
      g_string_append(cycle, path);
      diag_error(diags, msg_file, line, column, "style extends itself: %s", cycle->str);
      return FALSE;
    }
  }
  if (builtin) {
    text = g_strdup(builtin->text);
    len = strlen(text);
  } else {
    /* A file named by `extends:` that cannot be read is that line's mistake: the
     * message points at it (read_file's own messages have no position). */
    DiagList *read_diags = from_file ? diag_list_new() : diags;
    text = ydoc_read_file(path, STYLE_MAX_BYTES, &len, read_diags);
    if (from_file) {
      for (guint i = 0; i < diag_len(read_diags); i++)
        diag_error(diags, msg_file, line, column, "cannot use style '%s': %s", path,
                   diag_get(read_diags, i)->text);
      diag_list_free(read_diags);
    }
    if (text == NULL)
      return FALSE;
    g_ptr_array_add(style->files, g_strdup(path));
  }
  StyleLayer *layer = style_layer_parse(path, text, len, diags);
  if (layer == NULL)
    return FALSE;
  layer->is_default = builtin && strcmp(builtin->name, "default") == 0;
  gboolean ok = TRUE;
  if (layer->extends) {
    g_ptr_array_add(chain, g_strdup(identity));
    g_ptr_array_add(chain, g_strdup(path));
    ok = load_chain(layer->extends, path, layer->extends_line, layer->extends_column, chain, layers,
                    style, diags);
    g_ptr_array_set_size(chain, chain->len - 2);
  }
  g_ptr_array_add(layers, layer);
  return ok;
}

/* Applies @name's chain, base first. The built-in `default` is already under everything,
 * so a chain reaching it (most do) does not apply it again: otherwise `-s slides -s
 * mine.yaml`, with mine extending dark, would reset every size slides set. */
static gboolean apply_named(Style *style, const char *name, gboolean skip_default, DiagList *diags)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func((GDestroyNotify)style_layer_free);
  if (!load_chain(name, NULL, 0, 0, chain, layers, style, diags))
    return FALSE;
  for (guint i = 0; i < layers->len; i++) {
    const StyleLayer *layer = layers->pdata[i];
    if (!(skip_default && layer->is_default))
      style_apply(style, layer);
  }
  return TRUE;
}

Style *style_resolve(const char *const *styles, guint n_styles, const char *const *sets,
                     guint n_sets, DiagList *diags)
{
  guint errors = diag_error_count(diags);
  Style *style = style_new_empty();
  apply_named(style, "default", FALSE, diags);
  for (guint i = 0; i < n_styles; i++)
    apply_named(style, styles[i], TRUE, diags);
  for (guint i = 0; i < n_sets; i++) {
    StyleLayer *layer = style_layer_parse_set(sets[i], diags);
    if (layer)
      style_apply(style, layer);
    style_layer_free(layer);
  }
  if (diag_error_count(diags) != errors) {
    style_free(style);
    return NULL;
  }
  return style;
}

/* ---------------------------------------------------------------- queries */

void style_group_paint(const Style *style, const char *key, guint custom_index, StylePaint *out)
{
  const StylePaint *own = key ? g_hash_table_lookup(style->groups, key) : NULL;
  guint set = own ? own->set : 0;
  *out = (StylePaint){0};
  if (set & STYLE_PAINT_COLOR)
    out->color = own->color;
  else if (style->palette->len)
    out->color = g_array_index(style->palette, StyleColor, custom_index % style->palette->len);
  if (set & STYLE_PAINT_PATTERN)
    out->pattern = own->pattern;
  else if (style->patterns->len)
    out->pattern =
        g_array_index(style->patterns, StylePattern, custom_index % style->patterns->len);
  out->label = (set & STYLE_PAINT_LABEL) ? own->label : NULL;
  out->set = set;
}

const StylePaint *style_class(const Style *style, const char *name)
{
  return name ? g_hash_table_lookup(style->classes, name) : NULL;
}

char *style_builtin_description(const char *name)
{
  const StyleBuiltin *builtin = builtin_find(name);
  if (builtin == NULL)
    return NULL;
  DiagList *diags = diag_list_new();
  YdocLimits limits = style_limits();
  YdocDoc *doc = ydoc_parse(name, builtin->text, strlen(builtin->text), &limits, diags);
  diag_list_free(diags);
  const YdocNode *d = doc ? ydoc_get(doc->root, "description") : NULL;
  char *out = d && d->kind == YDOC_SCALAR && !ydoc_is_null(d) ? g_strdup(d->text) : NULL;
  ydoc_free(doc);
  return out;
}

const char *style_paint_field(guint index)
{
  return index < G_N_ELEMENTS(paint_fields) - 1 ? paint_fields[index] : NULL;
}
