/* Styles (doc/styles.md): how the chart looks. A style file is read into a layer
 * that records which properties it sets; `extends`, repeated -s and --set all apply
 * layers onto the built-in `default` by copying only the properties a layer set. */
#pragma once

#include "date.h"
#include "diag.h"
#include <glib.h>

typedef struct {
  double r, g, b, a; /* 0..1, not premultiplied */
} StyleColor;

typedef enum {
  STYLE_AXIS_BOTTOM,
  STYLE_AXIS_TOP,
  STYLE_AXIS_BOTH,
} StyleAxisPosition;

typedef enum {
  STYLE_TICKS_AUTO,
  STYLE_TICKS_DECADE,
  STYLE_TICKS_YEAR,
  STYLE_TICKS_QUARTER,
  STYLE_TICKS_MONTH,
} StyleTicks;

typedef enum {
  STYLE_BAR_LABEL_AUTO,    /* inside when it fits, else beside */
  STYLE_BAR_LABEL_INSIDE,  /* inside, shortened when needed */
  STYLE_BAR_LABEL_OUTSIDE, /* always beside */
} StyleBarLabel;

typedef enum {
  STYLE_GROUP_LABEL_LEFT,  /* a left column */
  STYLE_GROUP_LABEL_ABOVE, /* a line above the group's lanes */
  STYLE_GROUP_LABEL_NONE,
} StyleGroupLabel;

/* Which way a group's lanes read in time, top to bottom. */
typedef enum {
  STYLE_GROUP_ORDER_OLDEST_FIRST,
  STYLE_GROUP_ORDER_NEWEST_FIRST,
} StyleGroupOrder;

typedef enum {
  STYLE_LEGEND_TOP,
  STYLE_LEGEND_BOTTOM,
} StyleLegendPosition;

typedef enum {
  STYLE_SHAPE_DIAMOND,
  STYLE_SHAPE_CIRCLE,
  STYLE_SHAPE_SQUARE,
} StyleMarkerShape;

typedef enum {
  STYLE_PATTERN_SOLID,
  STYLE_PATTERN_HATCH,      /* diagonal lines over the fill */
  STYLE_PATTERN_CROSSHATCH, /* crossed diagonals */
  STYLE_PATTERN_DOTS,
  STYLE_PATTERN_OUTLINE,    /* light fill, strong border */
  STYLE_PATTERN_BACKHATCH,  /* diagonal lines the other way */
  STYLE_PATTERN_VERTICAL,   /* vertical lines */
  STYLE_PATTERN_HORIZONTAL, /* horizontal stripes */
  STYLE_PATTERN_GRID,       /* vertical and horizontal lines */
} StylePattern;

typedef enum {
  STYLE_SVG_PATHS, /* text as glyph outlines, with invisible real text over them */
  STYLE_SVG_TEXT,  /* real text, the fonts embedded */
} StyleSvgText;

/* Which fields of a StylePaint a style set (StylePaint.set). */
enum {
  STYLE_PAINT_COLOR = 1u << 0,
  STYLE_PAINT_PATTERN = 1u << 1,
  STYLE_PAINT_LABEL = 1u << 2,
};

/* How a group or a class paints its bars. */
typedef struct {
  StyleColor color;
  StylePattern pattern;
  char *label; /* the group's display name; NULL: the CV's name for it */
  guint set;   /* STYLE_PAINT_* bits: the fields some style set (a class overrides only these) */
} StylePaint;

typedef struct {
  char *description; /* for --list-styles; may be NULL */

  struct {
    double width;  /* px (pt for PDF) */
    double height; /* 0: follows the content ("auto"); else the chart is fitted into it */
    double margin;
    StyleColor background; /* a == 0: transparent */
    char *font;            /* base font, Pango description */
    StyleColor color;      /* text colour on the page */
    StyleColor muted;      /* secondary text (headline, location) */
  } page;

  struct {
    gboolean show;
    char *font;
    StyleColor color;
  } title, subtitle;

  struct {
    StyleAxisPosition position;
    StyleTicks ticks;
    char *font;
    StyleColor color; /* tick labels and the axis line */
    StyleColor grid;  /* a == 0: no grid */
  } axis;

  struct {
    gboolean show;
    StyleColor color;
    double width;
    double dash[4];
    guint n_dash; /* 0: solid */
    char *label;  /* "" or NULL: no label */
    char *font;
  } today;

  struct {
    double height;
    double gap; /* between lanes */
    double radius;
    double padding; /* horizontal room between a label and its bar's edge */
    StyleBarLabel label;
    char *font;
    StyleColor color;    /* label colour inside a bar, when !color_auto */
    gboolean color_auto; /* `color: auto`: black or white, whichever contrasts more */
    gboolean show_org;
    gboolean show_location;
    double border_width; /* 0: none */
    StyleColor border;
  } bar;

  struct {
    StyleGroupLabel label;
    StyleGroupOrder order; /* the lanes' direction in time */
    char *font;
    StyleColor color;
    double spacing;       /* vertical room between groups */
    StyleColor separator; /* a == 0: none */
    gboolean total;       /* the group's merged total beside its name (doc/summary.md) */
  } group;

  /* The gaps in each group's time, marked in its lane area (doc/summary.md). */
  struct {
    gboolean show;
    StyleColor color; /* the band's */
    DateLength min;   /* only gaps longer than this; --gap sets it too */
  } gaps;

  GHashTable *groups;  /* group key (char*) -> StylePaint*; owned */
  GArray *palette;     /* of StyleColor, at least one: colours for groups not in `groups` */
  GArray *patterns;    /* of StylePattern, at least one: patterns in turn, likewise */
  GHashTable *classes; /* class name (char*) -> StylePaint*; owned */

  struct {
    StyleMarkerShape shape;
    double size;
    StyleColor color;
    char *font;
    StyleColor label_color;
  } milestone;

  struct {
    gboolean show;
    StyleLegendPosition position;
    char *font;
  } legend;

  struct {
    StyleSvgText text;
    char *dark; /* the style whose colours a dark scheme uses; NULL or "none": no dark scheme */
  } svg;

  GPtrArray *files; /* of char*: every style file read (for --watch); owned */
} Style;

/* Builds the effective style: the built-in `default`, then each of @styles in order (a
 * built-in name or a path; each after its own `extends` chain, in which `default` itself
 * is skipped: it is already the floor), then each `KEY=VALUE` of @sets. Returns a new style owned
 * by the caller, or NULL when any error was added to
 * @diags (a broken style never half-applies). */
Style *style_resolve(const char *const *styles, guint n_styles, const char *const *sets,
                     guint n_sets, DiagList *diags);

/* Frees a style; accepts NULL. */
void style_free(Style *style);

/* Copies every colour of @src onto @dst, and nothing else: the page's, the texts', the
 * axis', the bars', the milestones', the palette, and the colours @src's groups and classes
 * set. For the SVG's dark scheme: another style's colours over this style's geometry. */
void style_copy_colors(Style *dst, const Style *src);

/* The paint of group @key: its `groups` entry where set, with colour and pattern taken in
 * turn from the palette and patterns by @custom_index (0 for the first group that has no
 * colour of its own) where not. Writes into @out; the label points into the style. */
void style_group_paint(const Style *style, const char *key, guint custom_index, StylePaint *out);

/* The class named @name, or NULL. */
const StylePaint *style_class(const Style *style, const char *name);

/* Parses `#rgb`, `#rrggbb`, `#rrggbbaa`, a CSS named colour or `transparent`. */
gboolean style_color_parse(const char *text, StyleColor *out);

/* WCAG 2 contrast ratio of @fg over @bg (both composited onto @page first when not
 * opaque), from 1 to 21. */
double style_contrast_ratio(StyleColor fg, StyleColor bg, StyleColor page);

/* The built-in styles' names, from the files embedded from styles/NAME.yaml at build
 * time (embed.h), in build order: a static NULL-terminated list. */
const char *const *style_builtin_names(void);

/* The built-in style @name's YAML text (static), or NULL when there is none. */
const char *style_builtin_text(const char *name);

/* The built-in style's `description`, newly allocated, or NULL. */
char *style_builtin_description(const char *name);

/* The lower layers of the cascade, public for --check, the fuzzer and the tests.
 * A layer is one parsed style file (or one --set): the values it gave and which
 * properties it set. */
typedef struct StyleLayer StyleLayer;

/* A new style with nothing set: zeroes, empty tables, palette and patterns empty. Owned
 * by the caller. Not usable for layout until `default` has been applied. */
Style *style_new_empty(void);

/* Parses style text into a new layer owned by the caller, or NULL after errors in
 * @diags. @file is the name used in messages. `extends` is recorded, not followed. */
StyleLayer *style_layer_parse(const char *file, const char *text, gsize len, DiagList *diags);

/* Parses one `KEY=VALUE` (VALUE a YAML scalar or flow node) into a new layer owned by
 * the caller, or NULL after errors in @diags (file name `--set`, no position). */
StyleLayer *style_layer_parse_set(const char *assignment, DiagList *diags);

/* Frees a layer; accepts NULL. */
void style_layer_free(StyleLayer *layer);

/* The layer's `extends` value, or NULL. Points into the layer. */
const char *style_layer_extends(const StyleLayer *layer);

/* TRUE when the layer set the registry property @key (e.g. "bar.height"), or the paint
 * field @key of the form "groups.NAME.FIELD" / "classes.NAME.FIELD". */
gboolean style_layer_is_set(const StyleLayer *layer, const char *key);

/* Copies onto @style exactly what @layer set (the cascade step of extends, -s, --set). */
void style_apply(Style *style, const StyleLayer *layer);

/* The property registry, for tests and documentation: the number of properties and the
 * dotted key of each (static strings). */
guint style_property_count(void);
const char *style_property_key(guint index);

/* The fields of a paint (`groups.NAME.FIELD`, `classes.NAME.FIELD`) by index, from 0:
 * static strings, NULL past the last. For --print-keys and the schema test. */
const char *style_paint_field(guint index);

/* The top-level keys the style reader takes by name besides the registry's (`extends`,
 * `groups`, `classes`): a static NULL-terminated list. For --print-keys and the schema
 * test, which then sees a new one. */
const char *const *style_named_keys(void);
