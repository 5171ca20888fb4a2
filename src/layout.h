/* layout: turns a timeline and a style into a scene: every shape and text run with
 * its final coordinates (origin top left, px; pt for PDF), plus the structure that
 * --dump-layout prints (spec/cli.md "The layout dump", spec/visual.md). */
#pragma once

#include "diag.h"
#include "style.h"
#include "text.h"
#include "timeline.h"

typedef struct {
  double x, y, w, h;
} LayoutBox;

/* --- What render paints, in order --- */

typedef enum {
  LAYOUT_SHAPE_RECT,    /* box; radius; fill; optional stroke; fades; pattern */
  LAYOUT_SHAPE_LINE,    /* from (x, y) to (x + w, y + h); stroke, stroke_width, dash */
  LAYOUT_SHAPE_DIAMOND, /* inscribed in box; fill; optional stroke */
  LAYOUT_SHAPE_CIRCLE,  /* inscribed in box */
  LAYOUT_SHAPE_TEXT,    /* text in font, top-left of its logical box at (x, y); fill is
                           its colour; w, h are its measured size */
} LayoutShapeKind;

typedef struct {
  LayoutShapeKind kind;
  double x, y, w, h;
  StyleColor fill;   /* a == 0: no fill */
  StyleColor stroke; /* a == 0: no stroke */
  double stroke_width;
  double dash[4];
  guint n_dash;
  double radius;     /* rect corners */
  gboolean square_left, square_right; /* rect: those corners stay square (role joins) */
  /* Rect: widths over which the fill fades to transparent at the left/right end
   * (approximate or ongoing ends); 0 is a hard edge. */
  double fade_left, fade_right;
  StylePattern pattern;     /* rect: drawn over the fill in pattern_color */
  StyleColor pattern_color;
  const char *text; /* text: owned by the scene; plain text */
  guint tone_from;  /* text: from this byte on (0: none) the text is drawn in tone */
  StyleColor tone;
  const char *font; /* text: owned by the scene */
  const char *url;  /* optional link target (PDF); owned by the scene */
} LayoutShape;

/* --- What --dump-layout prints --- */

typedef struct {
  char *text;    /* as drawn (possibly shortened with "…"); owned */
  LayoutBox box; /* the text's logical box */
} LayoutLabel;

typedef struct {
  DateDay start, end;
  LayoutBox box;
  gboolean has_label;
  LayoutLabel label; /* a role segment's own label, when drawn */
  char *role;        /* the role's title for a segment, else NULL; owned */
} LayoutBar;

typedef struct {
  char *title, *org; /* owned; NULL when absent */
  char *full_label;  /* the full text before shortening; owned */
  guint lane;
  int line, column;
  GArray *bars; /* of LayoutBar, owned */
  gboolean has_label;
  LayoutLabel label;
  const ModelEntry *entry; /* not owned; for render's metadata (url, note) */
} LayoutEntry;

typedef struct {
  char *name, *key; /* owned */
  guint lanes;
  LayoutBox box;
  gboolean has_label;
  LayoutLabel label;
  StyleColor color;
  GPtrArray *entries; /* of LayoutEntry*, owned */
} LayoutGroup;

typedef struct {
  const ModelMilestone *milestone; /* not owned; for render's metadata (url, note) */
  DateDay date;
  char *title; /* owned */
  double x, y; /* the marker's centre */
  guint tier;
  gboolean has_label;
  LayoutLabel label;
} LayoutMilestone;

typedef struct {
  DateDay date;
  double x;
  gboolean has_label;
  LayoutLabel label;
} LayoutTick;

typedef struct {
  double width, height;
  DateDay range_start, range_end;
  DateDay today;
  gboolean today_visible;
  double today_x;
  char *tick_unit; /* "decade", "year", "quarter", "month"; owned */
  GArray *shapes;  /* of LayoutShape, in paint order; owned */
  GPtrArray *groups;     /* of LayoutGroup*, owned */
  GPtrArray *milestones; /* of LayoutMilestone*, owned */
  GArray *ticks;         /* of LayoutTick, owned */
  GPtrArray *texts;      /* every other label drawn (title, legend, today, ...) as
                            LayoutLabel*, for overlap checks; owned */
  LayoutBox plot;        /* the area where dates map to x */
  char *title;           /* the CV's name, or NULL; owned */
  char *headline;        /* or NULL; owned */
  GStringChunk *strings; /* private: storage of the shapes' texts and fonts */
} LayoutScene;

/* Builds the scene. Returns a new scene owned by the caller (it keeps pointers into
 * @timeline's model, which must outlive it; nothing into @style). Adds an error to @diags and returns
 * NULL only when the chart cannot be laid out (e.g. a width too small for the margins). */
LayoutScene *layout_build(const Timeline *timeline, const Style *style, TextCtx *text,
                          DiagList *diags);

/* Frees a scene; accepts NULL. */
void layout_scene_free(LayoutScene *scene);
