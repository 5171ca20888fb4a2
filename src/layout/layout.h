/* layout: turns a timeline and a style into a scene (doc/architecture.md "The scene"):
 * every shape and text run with its final coordinates (origin top left, px; pt for PDF),
 * each tagged with what it belongs to and which part of it it draws, plus records of the
 * things drawn (groups, entries, milestones, ticks) that copy what renderers say about
 * them, so that no renderer reads the model. --dump-layout prints the records
 * (doc/layout-dump.md). */
#pragma once

#include "date.h"
#include "diag.h"
#include "style.h"
#include "text.h"

/* timeline.h; the scene keeps nothing of it, so renderers never see the model. */
struct Timeline;

typedef struct {
  double x, y, w, h;
} LayoutBox;

/* No shape, or no record. */
#define LAYOUT_NONE G_MAXUINT

/* --- Shapes: the one store of coordinates, in paint order --- */

typedef enum {
  LAYOUT_SHAPE_RECT,    /* box; radius; fill; optional stroke; fades; pattern */
  LAYOUT_SHAPE_LINE,    /* from (x, y) to (x + w, y + h); stroke, stroke_width, dash */
  LAYOUT_SHAPE_DIAMOND, /* inscribed in box; fill; optional stroke */
  LAYOUT_SHAPE_CIRCLE,  /* inscribed in box */
  LAYOUT_SHAPE_TEXT,    /* text in font, top-left of its logical box at (x, y); fill is
                           its colour; w, h are its measured size */
} LayoutShapeKind;

/* What a shape belongs to. The first five are the chart's own furniture; the last three
 * are records, and the shape's owner index says which. */
typedef enum {
  LAYOUT_OWNER_PAGE,      /* the background */
  LAYOUT_OWNER_TITLE,     /* the CV's name and headline */
  LAYOUT_OWNER_LEGEND,    /* sub: the legend item, which is also its group's index */
  LAYOUT_OWNER_AXIS,      /* sub: the tick */
  LAYOUT_OWNER_TODAY,     /* the today line and its label */
  LAYOUT_OWNER_TRACK,     /* the milestone track's hairline */
  LAYOUT_OWNER_GROUP,     /* index: scene->groups */
  LAYOUT_OWNER_ENTRY,     /* index: scene->entries */
  LAYOUT_OWNER_MILESTONE, /* index: scene->milestones */
} LayoutOwnerKind;

/* Which part of its owner a shape draws. */
typedef enum {
  LAYOUT_PART_BACKGROUND,
  LAYOUT_PART_TITLE,
  LAYOUT_PART_HEADLINE,
  LAYOUT_PART_SWATCH,      /* a legend item's colour */
  LAYOUT_PART_LEGEND_NAME, /* a legend item's name */
  LAYOUT_PART_TICK_LABEL,  /* the tick's label in the dump */
  LAYOUT_PART_TICK_ECHO,   /* the same label again above the plot (axis: both) */
  LAYOUT_PART_GRID,
  LAYOUT_PART_TODAY_LINE,
  LAYOUT_PART_TODAY_LABEL,
  LAYOUT_PART_SEPARATOR,     /* the line above a group */
  LAYOUT_PART_GROUP_NAME,    /* with group.label: above, its total too */
  LAYOUT_PART_GROUP_TOTAL,   /* the group's total on its own line under the name (label: left) */
  LAYOUT_PART_GAP,           /* a gap's band over the group's lanes; sub: the gap */
  LAYOUT_PART_GAP_LABEL,     /* a gap's length; sub: the gap */
  LAYOUT_PART_BAR,           /* a period; sub: the bar */
  LAYOUT_PART_SEGMENT,       /* a role segment; sub: the bar */
  LAYOUT_PART_CUT,           /* the line between segment sub and the next */
  LAYOUT_PART_JOIN,          /* the faint line joining an entry's periods */
  LAYOUT_PART_PLATE,         /* a plain plate under a label over a pattern; sub: the bar */
  LAYOUT_PART_LABEL,         /* an entry's or a milestone's own label (sub 1: an entry's org
                                beside its bar, when its title is inside) */
  LAYOUT_PART_CAPTION,       /* an entry's text under its bar (its roles, or its label) */
  LAYOUT_PART_CLIP,          /* the mark on a bar's end cut by the visible range; sub: the bar */
  LAYOUT_PART_SPAN,          /* a milestone's year (or season) on the track */
  LAYOUT_PART_LIST_ITEM,     /* a milestone's line in the list under the chart */
  LAYOUT_PART_SEGMENT_LABEL, /* a role segment's label; sub: the bar */
  LAYOUT_PART_MARKER,        /* a milestone's marker */
  LAYOUT_PART_LEADER,        /* the line from a marker down to its label */
  LAYOUT_PART_TRACK,
} LayoutPart;

typedef struct {
  LayoutOwnerKind kind;
  guint index; /* for a record kind, the record; else 0 */
  LayoutPart part;
  guint sub; /* which bar, tick or legend item (see the parts); else 0 */
} LayoutOwner;

typedef struct {
  LayoutShapeKind kind;
  LayoutOwner owner;
  double x, y, w, h;
  StyleColor fill;   /* a == 0: no fill */
  StyleColor stroke; /* a == 0: no stroke */
  double stroke_width;
  double dash[4];
  guint n_dash;
  double radius;                      /* rect corners */
  gboolean square_left, square_right; /* rect: those corners stay square (role joins) */
  /* Rect: widths over which the fill fades to transparent at the left/right end
   * (approximate or ongoing ends); 0 is a hard edge. */
  double fade_left, fade_right;
  StylePattern pattern; /* rect: drawn over the fill in pattern_color */
  StyleColor pattern_color;
  const char *text; /* text: owned by the scene; plain text */
  guint tone_from;  /* text: from this byte on (0: none) the text is drawn in tone */
  StyleColor tone;
  const char *font; /* text: owned by the scene */
} LayoutShape;

/* --- Records: what was drawn, and what to say about it --- */

/* Where an item's texts went (the completeness rule, doc/layout-dump.md): every text
 * drawn whole in its own labels; or some shortened (the run warned); or, for a
 * milestone, its number at the marker and its title in the list under the chart. */
typedef enum {
  LAYOUT_SHOWN_WHOLE,
  LAYOUT_SHOWN_SHORTENED,
  LAYOUT_SHOWN_LISTED,
} LayoutShown;

/* Where an entry's own label sits. */
typedef enum {
  LAYOUT_LABEL_NONE,
  LAYOUT_LABEL_INSIDE,
  LAYOUT_LABEL_RIGHT,
  LAYOUT_LABEL_LEFT,
} LayoutLabelPlace;

typedef struct {
  char *title;   /* owned, never NULL */
  DateSpan span; /* as the CV gave it */
  /* The span in words (date_words_span, in the scene's language), worded once for the
   * alt text and both tooltips that say it: owned; NULL in a scene made without it
   * (describe then words the span itself). */
  char *span_words;
} LayoutRole;

typedef struct {
  guint shape;                 /* its rect */
  guint label;                 /* a role segment's own label (a text shape), or LAYOUT_NONE */
  guint source;                /* what it draws: an index into the entry's roles if it has any, else
                                  into its periods */
  DateDay start, end;          /* the visible part, inclusive */
  gboolean cut_start, cut_end; /* continues beyond the visible range */
} LayoutBar;

typedef struct {
  guint group; /* an index into scene->groups */
  /* As the CV gave them, NULL when absent; all owned. The url as the model has it: the
   * readers keep only links that may be followed (readctx_link: http, https, mailto). */
  char *title, *org, *location, *note, *url, *class_name;
  gboolean approximate;
  GArray *periods; /* of DateSpan, unclipped; owned */
  GPtrArray *period_words; /* of char*: each period in words, as LayoutRole.span_words;
                              owned; NULL, or one per period */
  GArray *roles;   /* of LayoutRole, in order; empty unless the entry has roles; owned */
  int line, column;
  char *full_label; /* the full label text before shortening; owned */
  guint lane;
  GArray *bars; /* of LayoutBar, sorted by start, never empty; owned */
  guint label;  /* its label (a text shape), or LAYOUT_NONE */
  LayoutLabelPlace place; /* where that label sits */
  guint org_label; /* the org beside the bar when the title is inside, or LAYOUT_NONE */
  guint caption;   /* the text under the bar (the roles in order), or LAYOUT_NONE */
  LayoutShown shown;
} LayoutEntry;

/* A gap in a group's time longer than the style's gaps.min, marked over its lanes. */
typedef struct {
  DateDay start, end; /* the first and the last day with nothing, inclusive */
  char *dates;        /* "Nov 2008 to Aug 2009", at the precision the CV gave, in the
                         scene's language (summary_span_text_in); owned */
  char *text;         /* its length, "10 m" (summary_duration_text_in); owned */
  int line, column;   /* where the entry after it is in the CV */
  guint band;         /* its band (a rect shape) */
  guint label;        /* its length drawn (a text shape), or LAYOUT_NONE */
  LayoutShown shown;  /* WHOLE, or SHORTENED: no room for the length (the run warned) */
} LayoutGap;

typedef struct {
  char *name, *key; /* owned */
  guint lanes;
  LayoutBox box;
  guint label; /* its name (a text shape), or LAYOUT_NONE */
  StyleColor color;
  guint first_entry, n_entries; /* its entries: a run of scene->entries */
  /* The merged total shown beside the name (group.total): "about 19 y"; NULL when not
   * shown (group.total off, or group.label none). Owned. */
  char *total;
  guint total_label;       /* the total on its own line (label: left), or LAYOUT_NONE (in
                              the name's line, label: above) */
  LayoutShown total_shown; /* WHOLE, or SHORTENED (the run warned) */
  GArray *gaps;            /* of LayoutGap, in date order (gaps.show); owned */
} LayoutGroup;

typedef struct {
  DateDay date; /* the first day of its date */
  DatePrecision precision;
  gboolean approximate;
  char *title;                   /* owned, as drawn before shortening */
  char *note, *url, *class_name; /* owned; NULL when absent; url as for entries */
  int line, column;              /* where it is in the CV */
  double x, y;                   /* the marker's centre */
  guint tier;                    /* its label's line, counted out from the track */
  gboolean above;                /* its label is above the track */
  gboolean left;                 /* its label ends at the marker's leader */
  guint marker; /* its marker's shape */
  guint label;  /* its label (a text shape: the title, or the number when listed), or
                   LAYOUT_NONE */
  LayoutShown shown;
  guint number;    /* when listed: its number, from 1 */
  guint list_item; /* when listed: its line in the list (a text shape), or LAYOUT_NONE */
} LayoutMilestone;

typedef struct {
  DateDay date;
  double x;
  guint label; /* a text shape, or LAYOUT_NONE */
} LayoutTick;

typedef struct {
  double width, height;
  StyleColor background; /* the page's (a == 0: transparent) */
  StyleColor ink;        /* the page's text colour (page.color) */
  DateDay range_start, range_end;
  DateDay today;
  gboolean today_visible;
  double today_x;
  char *tick_unit;       /* "decade", "year", "quarter", "month"; owned */
  GArray *shapes;        /* of LayoutShape, in paint order; owned */
  GArray *groups;        /* of LayoutGroup, owned */
  GArray *entries;       /* of LayoutEntry, group after group; owned */
  GArray *milestones;    /* of LayoutMilestone, by date; owned */
  GArray *ticks;         /* of LayoutTick, owned */
  LayoutBox plot;        /* the area where dates map to x */
  gboolean newest_first; /* lanes read newest first (group.order) */
  gboolean show_org;     /* entry labels name the org (bar.show-org) */
  char *title;           /* the CV's name, or NULL; owned */
  char *headline;        /* or NULL; owned */
  Lang *lang;            /* the chart's language (its words, describe's); owned, never NULL */
  GStringChunk *strings; /* private: storage of the shapes' texts and fonts */
} LayoutScene;

/* The label colour layout draws inside a bar of @fill in @style: bar.color, or under
 * `color: auto` a near-black ink or white, whichever reads better over the page. */
StyleColor layout_label_color(const Style *style, StyleColor fill);

/* The fill of every other role segment of a bar of @fill whose labels are drawn in
 * @label: the fill moved 15 % away from the label (darker under white text, lighter
 * under dark text), so the segments part and their labels read better, never worse. */
StyleColor layout_segment_tint(StyleColor fill, StyleColor label);

/* Builds the scene. Returns a new scene owned by the caller, which keeps nothing of
 * @timeline or @style. Adds an error to @diags and returns NULL only when the chart
 * cannot be laid out (e.g. a width too small for the margins). */
LayoutScene *layout_build(const struct Timeline *timeline, const Style *style, TextCtx *text,
                          DiagList *diags);

/* The chart again in the colours of another style and nothing else of it, so that every
 * shape keeps its place (the SVG's dark scheme, svg.dark; the HTML page's): @scheme (a
 * style name or file) resolved on top of @styles and @sets as style_resolve stacks them,
 * its colours copied (style_copy_colors) onto the style @styles and @sets make alone,
 * and @timeline laid out with that. Layout owns this second layout; main.c only says
 * which scheme. Of the scheme's stack only errors reach @diags (its other styles were
 * read once already), named "svg.dark" where they would say "--style", since what fails
 * now is the scheme; of the second layout only errors too (its warnings are the first's
 * again); the plain style's messages as style_resolve gives them. Returns a new scene
 * owned by the caller, or NULL after an error. *@scheme_style receives the resolved
 * scheme (owned by the caller, NULL when it failed): its `files` are what it read. */
LayoutScene *layout_build_scheme(const struct Timeline *timeline, const char *const *styles,
                                 guint n_styles, const char *scheme, const char *const *sets,
                                 guint n_sets, TextCtx *text, Style **scheme_style,
                                 DiagList *diags);

/* Frees a scene; accepts NULL. */
void layout_scene_free(LayoutScene *scene);

/* An empty scene of @width × @height: no shapes, no records (for tests, and for any other
 * way of building a scene). Owned by the caller; free with layout_scene_free. */
LayoutScene *layout_scene_new(double width, double height);

/* Append a record with empty arrays and no shapes (LAYOUT_NONE) and return it; the
 * scene owns it and every string and array put into it. The pointer is valid until the
 * next record of that kind is added. A group starts with no entries and takes copies of
 * @key and @name; an entry joins @group, which must be the last group added. */
LayoutGroup *layout_scene_add_group(LayoutScene *scene, const char *key, const char *name);
LayoutEntry *layout_scene_add_entry(LayoutScene *scene, guint group);
LayoutMilestone *layout_scene_add_milestone(LayoutScene *scene);

/* Shape @index of @scene, or NULL for LAYOUT_NONE. */
const LayoutShape *layout_shape(const LayoutScene *scene, guint index);

/* The box of shape @index (all zero for LAYOUT_NONE). */
LayoutBox layout_shape_box(const LayoutScene *scene, guint index);

/* The record that @shape belongs to, or NULL when its owner is another kind. */
const LayoutEntry *layout_shape_entry(const LayoutScene *scene, const LayoutShape *shape);
const LayoutMilestone *layout_shape_milestone(const LayoutScene *scene, const LayoutShape *shape);

/* The url a click on @shape follows (a bar, segment or marker of a record with one), or
 * NULL. */
const char *layout_shape_link(const LayoutScene *scene, const LayoutShape *shape);

/* Whether text shape @shape is one of the page's other texts (title, headline, legend,
 * today, the repeated tick row): not the label of a group, entry, milestone or tick. */
gboolean layout_shape_is_free_text(const LayoutShape *shape);

/* Entry @i of @group. */
const LayoutEntry *layout_group_entry(const LayoutScene *scene, const LayoutGroup *group, guint i);

/* --- What every renderer draws alike: a rect's corners, fades and patterns --- */

/* Pattern geometry, in px: dense enough to read as texture, sparse enough to keep the
 * fill's colour recognisable. The outline is a border of half its width inside the rect. */
#define LAYOUT_HATCH_SPACING 6.0
#define LAYOUT_HATCH_WIDTH 1.0
#define LAYOUT_DOT_SPACING 5.0
#define LAYOUT_DOT_RADIUS 1.0
#define LAYOUT_OUTLINE_WIDTH 2.0

/* The corner radii of rect @s on its left and right side: its radius, at most half its
 * width and height, 0 on a side layout marked square (the inner joins of role segments). */
void layout_rect_corners(const LayoutShape *s, double *left, double *right);

/* The widths over which rect @s fades out at its left and right end, shrunk
 * proportionally when together they exceed its width. */
void layout_rect_fades(const LayoutShape *s, double *left, double *right);

/* Calls @line with the ends of each hatch line across rect @s's box, "/" for @dir +1 and
 * "\" for -1, on a grid anchored at the page origin so that neighbouring bars' hatches line
 * up (the renderer clips them to the rect). */
void layout_rect_hatch(const LayoutShape *s, int dir,
                       void (*line)(gpointer closure, double x0, double y0, double x1, double y1),
                       gpointer closure);

/* Calls @line with the ends of each straight line across rect @s's box, vertical ones
 * when @vertical, else horizontal ones, on the page's grid (clipped by the renderer). */
void layout_rect_lines(const LayoutShape *s, gboolean vertical,
                       void (*line)(gpointer closure, double x0, double y0, double x1, double y1),
                       gpointer closure);

/* Calls @dot with the centre of each dot of the dots pattern over rect @s's box (of radius
 * LAYOUT_DOT_RADIUS, on the page's grid; the renderer clips them to the rect). Hostile
 * sizes cannot make these loops long: boxes lie within the page, whose size is capped. */
void layout_rect_dots(const LayoutShape *s, void (*dot)(gpointer closure, double x, double y),
                      gpointer closure);
