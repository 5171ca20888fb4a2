/* The property registry (doc/styles.md "Keys", "Value types"): a row per dotted key with
 * its type, range and offset into a Style, rows for a group's or class's paint fields, and
 * parsing, copying and freeing a value by its type, with each wrong value's message. */
#include "style_private.h"

#include "strutil.h"

#include <pango/pango.h>
#include <stddef.h>
#include <string.h>

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
  PT_LENGTH,      /* DateLength: "6m", "2w", "1y6m" */
} PropType;

/* One property (or paint field): where it lives and how it is read. */
typedef struct {
  const char *key;
  PropType type;
  size_t offset;
  size_t offset2;
  double min, max;
  const char *const *names; /* PT_ENUM: indexed by value, NULL-terminated */
  guint bit;                /* a paint field's STYLE_PAINT_* bit; 0 in `props` */
} StyleProp;

static const char *const axis_position_names[] = {"bottom", "top", "both", NULL};
static const char *const ticks_names[] = {"auto", "decade", "year", "quarter", "month", NULL};
static const char *const bar_label_names[] = {"auto", "inside", "outside", NULL};
static const char *const group_label_names[] = {"left", "above", "none", NULL};
static const char *const group_order_names[] = {"oldest-first", "newest-first", NULL};
static const char *const legend_position_names[] = {"top", "bottom", NULL};
static const char *const shape_names[] = {"diamond", "circle", "square", NULL};
static const char *const svg_text_names[] = {"paths", "text", NULL};
static const char *const pattern_names[] = {"solid",   "hatch",     "crosshatch", "dots",
                                            "outline", "backhatch", "vertical",   "horizontal",
                                            "grid",    NULL};

/* Enums are stored through an int; this holds for every enum in style.h. */
G_STATIC_ASSERT(sizeof(StyleTicks) == sizeof(int));
G_STATIC_ASSERT(sizeof(StylePattern) == sizeof(int));
G_STATIC_ASSERT(sizeof(StyleSvgText) == sizeof(int));

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
    ENUM("group.order", group.order, group_order_names),
    FONT("group.font", group.font),
    COLOR("group.color", group.color),
    NUM("group.spacing", group.spacing, 0, 2000),
    COLOR_NONE("group.separator", group.separator),
    BOOL("group.total", group.total),
    BOOL("gaps.show", gaps.show),
    COLOR("gaps.color", gaps.color),
    PROP("gaps.min", PT_LENGTH, gaps.min, 0, 0, 0, NULL),
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
    ENUM("svg.text", svg.text, svg_text_names),
    STRING("svg.dark", svg.dark),
};
#define N_PROPS G_N_ELEMENTS(props)

/* The fields of a group's or a class's paint (`groups.NAME.FIELD`), typed like `props`
 * but at offsets into a StylePaint. */
#define PAINT(k, type, f, n, b)                                                                    \
  {                                                                                                \
    k, type, offsetof(StylePaint, f), 0, 0, 0, n, b                                                \
  }
static const StyleProp paint_props[] = {
    PAINT("color", PT_COLOR, color, NULL, STYLE_PAINT_COLOR),
    PAINT("pattern", PT_ENUM, pattern, pattern_names, STYLE_PAINT_PATTERN),
    PAINT("label", PT_STRING, label, NULL, STYLE_PAINT_LABEL),
};

/* Mappings whose keys are property names (as opposed to `groups` and `classes`). */
static const char *const sections[] = {"page",  "title", "subtitle",  "axis",   "today",  "bar",
                                       "group", "gaps",  "milestone", "legend", "svg",    NULL};

guint style_property_count(void)
{
  return N_PROPS;
}

const char *style_property_key(guint index)
{
  return index < N_PROPS ? props[index].key : NULL;
}

const char *style_paint_field(guint index)
{
  return index < G_N_ELEMENTS(paint_props) ? paint_props[index].key : NULL;
}

int style_prop_index(const char *key)
{
  for (size_t i = 0; i < N_PROPS; i++)
    if (strcmp(props[i].key, key) == 0)
      return (int)i;
  return -1;
}

gboolean style_is_section(const char *key)
{
  for (const char *const *s = sections; *s; s++)
    if (strcmp(*s, key) == 0)
      return TRUE;
  return FALSE;
}

static const StyleProp *paint_prop_find(guint bit)
{
  for (size_t i = 0; i < G_N_ELEMENTS(paint_props); i++)
    if (paint_props[i].bit == bit)
      return &paint_props[i];
  return NULL;
}

guint style_paint_field_bit(const char *field)
{
  for (size_t i = 0; i < G_N_ELEMENTS(paint_props); i++)
    if (strcmp(paint_props[i].key, field) == 0)
      return paint_props[i].bit;
  return 0;
}

/* The field @p describes in @base (a Style, or a StylePaint for `paint_props`). */
#define FIELD(base, p, type) ((type *)(void *)((char *)(base) + (p)->offset))
#define FIELD2(base, p, type) ((type *)(void *)((char *)(base) + (p)->offset2))

/* Copies the field @p describes from @src to @dst (both Styles, or both StylePaints). */
static void copy_prop(void *dst, const void *src, const StyleProp *p)
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
  case PT_LENGTH:
    *FIELD(dst, p, DateLength) = *FIELD(src, p, DateLength);
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

void style_prop_copy(Style *dst, const Style *src, guint index)
{
  copy_prop(dst, src, &props[index]);
}

/* @font rebased on @to (page.font's new description), its size scaled by @to_size /
 * @from_size (Pango units). A new string owned by the caller. */
static char *font_follow(const char *font, const PangoFontDescription *to, gint64 from_size,
                         gint64 to_size)
{
  PangoFontDescription *desc = pango_font_description_from_string(font);
  pango_font_description_set_family(desc, pango_font_description_get_family(to));
  if (pango_font_description_get_weight(to) != PANGO_WEIGHT_NORMAL)
    pango_font_description_set_weight(desc, pango_font_description_get_weight(to));
  if (pango_font_description_get_style(to) != PANGO_STYLE_NORMAL)
    pango_font_description_set_style(desc, pango_font_description_get_style(to));
  if (pango_font_description_get_variant(to) != PANGO_VARIANT_NORMAL)
    pango_font_description_set_variant(desc, pango_font_description_get_variant(to));
  if (pango_font_description_get_stretch(to) != PANGO_STRETCH_NORMAL)
    pango_font_description_set_stretch(desc, pango_font_description_get_stretch(to));
  /* Integer arithmetic, rounded: the same size on every machine. */
  gint64 size = pango_font_description_get_size(desc);
  size = (size * to_size + from_size / 2) / from_size;
  pango_font_description_set_size(desc, (gint)CLAMP(size, 1, 500 * PANGO_SCALE));
  char *out = pango_font_description_to_string(desc);
  pango_font_description_free(desc);
  return out;
}

void style_fonts_follow_page(Style *style, const char *page_font, const guint8 *set)
{
  if (style->page.font == NULL || page_font == NULL)
    return;
  PangoFontDescription *from = pango_font_description_from_string(style->page.font);
  PangoFontDescription *to = pango_font_description_from_string(page_font);
  gint64 from_size = pango_font_description_get_size(from);
  gint64 to_size = pango_font_description_get_size(to);
  for (size_t i = 0; i < N_PROPS && from_size > 0; i++) {
    char **font = FIELD(style, &props[i], char *);
    if (props[i].type != PT_FONT || set[i] || *font == NULL || font == &style->page.font)
      continue;
    char *followed = font_follow(*font, to, from_size, to_size);
    g_free(*font);
    *font = followed;
  }
  pango_font_description_free(from);
  pango_font_description_free(to);
}

void style_props_free(Style *style)
{
  for (size_t i = 0; i < N_PROPS; i++)
    if (props[i].type == PT_FONT || props[i].type == PT_STRING)
      g_free(*FIELD(style, &props[i], char *));
}

static gboolean is_color(PropType type)
{
  return type == PT_COLOR || type == PT_COLOR_NONE || type == PT_AUTO_COLOR || type == PT_COLORS;
}

/* The colour of every paint in @from onto @to's paint of the same name. */
static void copy_paint_colors(GHashTable *to, GHashTable *from)
{
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init(&it, from);
  while (g_hash_table_iter_next(&it, &key, &value)) {
    const StylePaint *p = value;
    if (!(p->set & STYLE_PAINT_COLOR))
      continue;
    StylePaint *q = style_paint_get(to, key);
    q->color = p->color;
    q->set |= STYLE_PAINT_COLOR;
  }
}

void style_copy_colors(Style *dst, const Style *src)
{
  for (guint i = 0; i < N_PROPS; i++)
    if (is_color(props[i].type))
      copy_prop(dst, src, &props[i]);
  copy_paint_colors(dst->groups, src->groups);
  copy_paint_colors(dst->classes, src->classes);
}

void style_paint_merge(StylePaint *to, const StylePaint *from)
{
  for (size_t i = 0; i < G_N_ELEMENTS(paint_props); i++)
    if (from->set & paint_props[i].bit)
      copy_prop(to, from, &paint_props[i]);
  to->set |= from->set;
}

/* ---------------------------------------------------------------- parsing values */

gboolean style_expect_scalar(StyleCtx *c, const char *key, const YdocNode *v, const char *what)
{
  if (v->kind == YDOC_SCALAR && !ydoc_is_null(v))
    return TRUE;
  g_autofree char *found = readctx_found_value(v);
  readctx_error(&c->rc, v, "'%s' must be %s, found %s", key, what, found);
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

static gboolean parse_number(StyleCtx *c, const char *key, const YdocNode *v, double min,
                             double max, double *out)
{
  if (!style_expect_scalar(c, key, v, "a number"))
    return FALSE;
  double x;
  if (!strutil_parse_number(v->text, &x)) {
    if (is_non_finite(v->text))
      readctx_error(&c->rc, v, "'%s' must be a finite number, found '%s'", key, v->text);
    else
      readctx_error(&c->rc, v, "'%s' must be a number, found '%s'", key, v->text);
    return FALSE;
  }
  char lo[32], hi[32];
  strutil_format_number(lo, sizeof lo, min, 3);
  strutil_format_number(hi, sizeof hi, max, 3);
  if (x < 0 && min >= 0) {
    readctx_error(&c->rc, v, "'%s' must not be negative, found %s", key, v->text);
    return FALSE;
  }
  if (x < min) {
    readctx_error(&c->rc, v, "'%s' must be at least %s, found %s", key, lo, v->text);
    return FALSE;
  }
  if (x > max) {
    readctx_error(&c->rc, v, "'%s' must be at most %s, found %s", key, hi, v->text);
    return FALSE;
  }
  *out = x;
  return TRUE;
}

static gboolean parse_color(StyleCtx *c, const char *key, const YdocNode *v, gboolean allow_none,
                            StyleColor *out)
{
  if (v->kind == YDOC_SCALAR && ydoc_is_null(v) && c->rc.positions) {
    /* The usual cause: an unquoted #rrggbb, which YAML reads as a comment. */
    readctx_error(&c->rc, v,
                  "'%s' must be a colour, found an empty value (quote colours that start with #, "
                  "e.g. \"#1f2933\")",
                  key);
    return FALSE;
  }
  if (!style_expect_scalar(c, key, v, "a colour"))
    return FALSE;
  if (allow_none && g_ascii_strcasecmp(v->text, "none") == 0) {
    *out = (StyleColor){0, 0, 0, 0};
    return TRUE;
  }
  if (style_color_parse(v->text, out))
    return TRUE;
  if (g_ascii_strcasecmp(v->text, "none") == 0) {
    readctx_error(&c->rc, v, "'%s' cannot be none (use a colour, or transparent)", key);
    return FALSE;
  }
  const char *near = v->text[0] == '#' ? NULL : style_color_closest_name(v->text);
  const char *forms = allow_none ? "#rgb, #rrggbb, #rrggbbaa, a CSS colour name or none"
                                 : "#rgb, #rrggbb, #rrggbbaa or a CSS colour name";
  if (near)
    readctx_error(&c->rc, v, "'%s' is not a colour: '%s' (did you mean '%s'?)", key, v->text, near);
  else
    readctx_error(&c->rc, v, "'%s' is not a colour: '%s' (use %s)", key, v->text, forms);
  return FALSE;
}

/* The CV's boolean vocabulary and wording (readctx_bool), naming @key. */
static gboolean parse_bool(StyleCtx *c, const char *key, const YdocNode *v, gboolean *out)
{
  c->rc.key = key;
  gboolean ok = readctx_bool(&c->rc, v, out);
  c->rc.key = NULL;
  return ok;
}

static gboolean parse_enum(StyleCtx *c, const char *key, const YdocNode *v,
                           const char *const *names, int *out)
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
  g_autofree char *found = readctx_found_value(v);
  readctx_error(&c->rc, v, "'%s' must be one of %s; found %s", key, list, found);
  return FALSE;
}

static gboolean parse_font(StyleCtx *c, const char *key, const YdocNode *v, char **out)
{
  if (!style_expect_scalar(c, key, v, "a font description such as \"DejaVu Sans 11\""))
    return FALSE;
  PangoFontDescription *desc = pango_font_description_from_string(v->text);
  gboolean has_size = (pango_font_description_get_set_fields(desc) & PANGO_FONT_MASK_SIZE) != 0;
  double size = pango_font_description_get_size(desc) / (double)PANGO_SCALE;
  const char *family = pango_font_description_get_family(desc);
  gboolean has_family = family && *family;
  pango_font_description_free(desc);
  if (!has_family) {
    readctx_error(&c->rc, v, "'%s' names no font family: '%s'", key, v->text);
    return FALSE;
  }
  if (!has_size) {
    readctx_error(&c->rc, v, "'%s' needs a size, e.g. '%s 11': '%s'", key, v->text, v->text);
    return FALSE;
  }
  if (size <= 0 || size > 500) {
    char buf[32];
    strutil_format_number(buf, sizeof buf, size, 2);
    readctx_error(&c->rc, v, "'%s' has font size %s; a size must be above 0 and at most 500", key,
                  buf);
    return FALSE;
  }
  g_free(*out);
  *out = g_strdup(v->text);
  return TRUE;
}

/* Text that may reach the chart (a label, the today label, a description), cleaned and
 * capped as all user text is (readctx_text); "" stays "" (an empty label is not an absent
 * one). */
static gboolean parse_string(StyleCtx *c, const char *key, const YdocNode *v, char **out)
{
  if (v->kind != YDOC_SCALAR) {
    readctx_error(&c->rc, v, "'%s' must be a string, found %s", key, readctx_found(v));
    return FALSE;
  }
  g_free(*out);
  *out = NULL;
  if (!ydoc_is_null(v)) {
    *out = readctx_text(&c->rc, v, v->text);
    if (*out == NULL)
      *out = g_strdup("");
  }
  return TRUE;
}

/* A length as --gap takes it (date_parse_length), so that the two read alike. */
static gboolean parse_length(StyleCtx *c, const char *key, const YdocNode *v, DateLength *out)
{
  if (v->kind == YDOC_SCALAR && !ydoc_is_null(v) && date_parse_length(v->text, out))
    return TRUE;
  g_autofree char *found = readctx_found_value(v);
  readctx_error(&c->rc, v, "'%s' must be a length of time, found %s (%s)", key, found,
                DATE_LENGTH_HINT);
  return FALSE;
}

static gboolean expect_list(StyleCtx *c, const char *key, const YdocNode *v, const char *what)
{
  if (v->kind == YDOC_SEQUENCE)
    return TRUE;
  g_autofree char *found = readctx_found_value(v);
  readctx_error(&c->rc, v, "'%s' must be a list of %s, found %s", key, what, found);
  return FALSE;
}

/* `[4, 3]`: dash and gap lengths; `[]` or `none`: solid. */
static gboolean parse_dash(StyleCtx *c, const StyleProp *p, const YdocNode *v, double *dash,
                           guint *n_dash)
{
  if (v->kind == YDOC_SCALAR && v->plain && strcmp(v->text, "none") == 0) {
    *n_dash = 0;
    return TRUE;
  }
  if (!expect_list(c, p->key, v, "dash lengths (or none)"))
    return FALSE;
  if (v->n > 4) {
    readctx_error(&c->rc, v, "'%s' takes at most 4 lengths, found %u", p->key, v->n);
    return FALSE;
  }
  double total = 0;
  for (guint i = 0; i < v->n; i++) {
    if (!parse_number(c, p->key, v->items[i], p->min, p->max, &dash[i]))
      return FALSE;
    total += dash[i];
  }
  if (v->n > 0 && total <= 0) {
    readctx_error(&c->rc, v, "'%s' lengths must not all be 0", p->key);
    return FALSE;
  }
  *n_dash = v->n;
  return TRUE;
}

#define MAX_LIST 64

static gboolean parse_list(StyleCtx *c, const StyleProp *p, const YdocNode *v, GArray *out)
{
  const char *what = p->type == PT_COLORS ? "colours" : "patterns";
  if (!expect_list(c, p->key, v, what))
    return FALSE;
  if (v->n == 0 || v->n > MAX_LIST) {
    readctx_error(&c->rc, v, "'%s' must list between 1 and %d %s, found %u", p->key, MAX_LIST, what,
                  v->n);
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

/* Parses @v into the field @p describes in @s (a Style, or a StylePaint for `paint_props`);
 * @key names it in messages. */
static gboolean parse_prop(StyleCtx *c, const StyleProp *p, const char *key, const YdocNode *v,
                           void *s)
{
  switch (p->type) {
  case PT_NUMBER:
    return parse_number(c, key, v, p->min, p->max, FIELD(s, p, double));
  case PT_AUTO_NUMBER:
    if (v->kind == YDOC_SCALAR && strcmp(v->text, "auto") == 0) {
      *FIELD(s, p, double) = 0;
      return TRUE;
    }
    if (v->kind == YDOC_SCALAR && !ydoc_is_null(v) &&
        !strutil_parse_number(v->text, &(double){0}) && !is_non_finite(v->text)) {
      readctx_error(&c->rc, v, "'%s' must be auto or a number, found '%s'", key, v->text);
      return FALSE;
    }
    return parse_number(c, key, v, p->min, p->max, FIELD(s, p, double));
  case PT_BOOL:
    return parse_bool(c, key, v, FIELD(s, p, gboolean));
  case PT_ENUM:
    return parse_enum(c, key, v, p->names, FIELD(s, p, int));
  case PT_COLOR:
  case PT_COLOR_NONE:
    return parse_color(c, key, v, p->type == PT_COLOR_NONE, FIELD(s, p, StyleColor));
  case PT_AUTO_COLOR:
    if (v->kind == YDOC_SCALAR && strcmp(v->text, "auto") == 0) {
      *FIELD(s, p, StyleColor) = (StyleColor){0, 0, 0, 1};
      *FIELD2(s, p, gboolean) = TRUE;
      return TRUE;
    }
    *FIELD2(s, p, gboolean) = FALSE;
    return parse_color(c, key, v, FALSE, FIELD(s, p, StyleColor));
  case PT_FONT:
    return parse_font(c, key, v, FIELD(s, p, char *));
  case PT_STRING:
    return parse_string(c, key, v, FIELD(s, p, char *));
  case PT_LENGTH:
    return parse_length(c, key, v, FIELD(s, p, DateLength));
  case PT_DASH:
    return parse_dash(c, p, v, FIELD(s, p, double), FIELD2(s, p, guint));
  case PT_COLORS:
  case PT_PATTERNS:
    return parse_list(c, p, v, *FIELD(s, p, GArray *));
  }
  return FALSE;
}

gboolean style_expect_mapping(StyleCtx *c, const char *path, const YdocNode *v)
{
  if (v->kind == YDOC_MAPPING)
    return TRUE;
  g_autofree char *found = readctx_found_value(v);
  readctx_error(&c->rc, v, "'%s' must be a mapping, found %s", path, found);
  return FALSE;
}

gboolean style_prop_parse(StyleCtx *c, guint index, const YdocNode *v, Style *into)
{
  return parse_prop(c, &props[index], props[index].key, v, into);
}

gboolean style_paint_field_parse(StyleCtx *c, guint bit, const char *key, const YdocNode *v,
                                 StylePaint *out)
{
  return parse_prop(c, paint_prop_find(bit), key, v, out);
}

void style_key_candidates(const char *path, GPtrArray *out)
{
  const char *dot = strrchr(path, '.');
  gsize parent_len = dot ? (gsize)(dot - path) : 0;
  if (parent_len == 0) {
    for (guint i = 0; sections[i]; i++)
      g_ptr_array_add(out, g_strdup(sections[i]));
    for (const char *const *w = (const char *const[]){"description", "palette", "patterns",
                                                      "groups", "classes", "extends", NULL};
         *w; w++)
      g_ptr_array_add(out, g_strdup(*w));
  } else if (g_str_has_prefix(path, "groups.") || g_str_has_prefix(path, "classes.")) {
    for (size_t i = 0; i < G_N_ELEMENTS(paint_props); i++)
      g_ptr_array_add(out, g_strdup_printf("%.*s.%s", (int)parent_len, path, paint_props[i].key));
  } else {
    for (size_t i = 0; i < N_PROPS; i++)
      if (strncmp(props[i].key, path, parent_len + 1) == 0)
        g_ptr_array_add(out, g_strdup(props[i].key));
  }
}
