/* layout's own header, shared by the layout_*.c files and by nothing else: the context
 * a scene is built in, an entry while it is placed, and the functions one part of
 * layout calls in another. layout.h is the stage's public contract. */
#pragma once

#include "layout.h"
#include "layout_lanes.h"
#include "summary.h"
#include "timeline.h"

/* An owner for a shape: (kind, record index, part, sub). */
#define LAYOUT_OWNER(kind, index, part, sub)                                                       \
  ((LayoutOwner){LAYOUT_OWNER_##kind, (index), LAYOUT_PART_##part, (sub)})

/* Room between neighbours, in px, where the style has no say. */
#define LAYOUT_LABEL_GAP 6.0     /* between a bar and a label beside it */
#define LAYOUT_LABEL_CLEAR 12.0  /* between a label beside a bar and its lane neighbour */
#define LAYOUT_COLUMN_GAP 16.0   /* between the group column and the plot */
#define LAYOUT_MIN_ELLIPSIS 36.0 /* narrower than this, a shortened label says nothing */
#define LAYOUT_CLIP_MARK 8.0     /* the "//" across a cut end, and bars too short to carry it */
#define LAYOUT_TODAY_CLEAR 6.0   /* between the today line and an entry's label */

typedef enum {
  LAYER_BACK, /* background, grid, separators */
  LAYER_BARS, /* join lines, bars, segment cuts, today line */
  LAYER_TEXT, /* every label */
  LAYER_COUNT,
} LayoutLayer;

typedef struct {
  const Style *style;
  TextCtx *text;
  LayoutScene *scene;
  GArray *layers[LAYER_COUNT];
  double left, right; /* the page's inner edges (margins) */
  double x0, x1;      /* the plot: where dates map to x */
  double px_per_day;
  gboolean today_shown; /* the today line is drawn, at today_x */
  double today_x;
  double bar_h;      /* a bar's height */
  double lane_h;     /* a lane's height: the bar, or the label line when taller */
  double lane_pitch; /* lane_h + the gap */
  double label_h, label_baseline;
  double caption_gap; /* between a bar and the caption under it: glyphs never graze the bar */
  double entry_gap;   /* least room between two entries' bars in one lane */
  const SummaryReport *summary; /* the career summary when the style shows some of it
                                   (group.total, gaps.show), else NULL */
} LayoutCtx;

typedef struct {
  const char *name;
  StyleColor color;
  StylePattern pattern;
} LayoutLegendItem;

typedef enum {
  PLACE_NONE,
  PLACE_INSIDE,
  PLACE_RIGHT,
  PLACE_LEFT,
} LayoutPlace;

/* One way to label an entry (the completeness rule, doc/layout-dump.md): its label,
 * the org beside the bar when the title is inside, a caption under the bar; and the room
 * this takes in the entry's lane, for layout_lanes to choose with. */
typedef struct {
  LayoutPlace place; /* the label's place, or PLACE_NONE */
  char *text;        /* the label, or NULL; owned */
  double text_w;
  guint inside_bar;       /* the bar an inside label sits in */
  LayoutPlace org_place;  /* PLACE_RIGHT or PLACE_LEFT: the org beside, the title inside */
  char *org_text;         /* owned */
  double org_w;
  gint org_segment;       /* roles: the segment whose label also names the org, or -1 */
  char *org_segment_text; /* that label; owned */
  char *caption;          /* under the bar, or NULL; owned */
  double caption_x, caption_w;
  /* The label beside the bar, or the caption, names only the org (and location) of an
   * entry whose title or roles are told elsewhere: drawn muted, like every other org. */
  gboolean text_org, caption_org;
  /* Roles: the label or the caption tells the whole progression, so the segments carry
   * no titles of their own (each role told once). */
  gboolean roles_told;
  gboolean shortened; /* some text of the entry is not drawn whole */
  LayoutLaneOption lane;
} LayoutLabelOption;

/* An entry while its group is being laid out. */
typedef struct {
  const TimelineEntry *te;
  GArray *xs; /* of double pairs: each bar's [x0, x1) */
  StyleColor color;
  StylePattern pattern;
  char *full;             /* the full label text */
  char *heads[3];         /* what labels begin with and is never split: the roles'
                             progression, the title (NULL-terminated); owned */
  gboolean *segment_fits; /* roles: segment i shows its whole title inside; owned */
  GArray *options;        /* of LayoutLabelOption, while lanes are chosen; owned */
  LayoutLabelOption label; /* the option chosen (owned) */
  guint lane;
  guint index; /* its record in scene->entries, once emitted */
} LayoutItem;

/* A group prepared for drawing: its items placed and packed, not yet at a y. */
typedef struct {
  const TimelineGroup *tg;
  LayoutItem *items;
  guint n_items;
  guint lanes;
  gboolean *lane_caption; /* lane k has a caption band under it; owned */
  StylePaint paint;
  char *name;
  char *total; /* the merged total to show beside the name, or NULL; owned */
} LayoutPrepared;

/* --- layout_draw.c: shapes and texts into the context's layers --- */

/* @s kept in the scene's string storage (NULL stays NULL); the scene owns the copy. */
const char *layout_str(LayoutScene *scene, const char *s);
/* Appends a copy of @shape to @layer. */
void layout_push(LayoutCtx *ctx, LayoutLayer layer, const LayoutShape *shape);
/* Where @day starts on the plot. */
double layout_x(const LayoutCtx *ctx, DateDay day);
double layout_text_width(LayoutCtx *ctx, const char *font, const char *text);
/* Adds a text shape of @owner whose logical box starts at (@x, @y); returns that box. */
LayoutBox layout_text(LayoutCtx *ctx, LayoutOwner owner, const char *font, const char *text,
                      double x, double y, StyleColor color);
/* The same in two tones: what the person was in @color, and from the " · " after it on
 * (the org, the location) in @muted. @heads (NULL-terminated; NULL for none) are the
 * texts that may begin @text and are never split however many " · " they hold (a title
 * "Research · Teaching", a progression of roles): the muted part starts at the first
 * " · " after the head @text begins with, else at the first one. */
LayoutBox layout_text_two_tone(LayoutCtx *ctx, LayoutOwner owner, const char *font,
                               const char *text, const char *const *heads, double x, double y,
                               StyleColor color, StyleColor muted);
void layout_line(LayoutCtx *ctx, LayoutLayer layer, LayoutOwner owner, double x0, double y0,
                 double x1, double y1, StyleColor color, double width);
StyleColor layout_with_alpha(StyleColor c, double alpha);
/* The label colour that reads best inside a bar of @fill. */
StyleColor layout_inside_color(const LayoutCtx *ctx, StyleColor fill);

/* --- layout_header.c: title, headline, legend --- */

/* Draws the legend from (@x, @y), flowing into further rows; returns its height. */
double layout_legend_draw(LayoutCtx *ctx, GArray *items, double x, double y);
/* Draws the title, headline and (top) legend from @y; returns the y below them. */
double layout_header(LayoutCtx *ctx, GArray *legend, double y);

/* --- layout_axis.c: ticks, tick labels, grid, the today line --- */

/* Chooses the tick step and fills the scene's ticks and tick unit. */
void layout_ticks(LayoutCtx *ctx);
/* A row of tick labels at @y, kept in the ticks when @record, else as texts; its height. */
double layout_tick_labels(LayoutCtx *ctx, double y, gboolean record);
/* The today line from @top to @bottom, its label at @label_y. */
void layout_today(LayoutCtx *ctx, double label_y, double top, double bottom);
/* The today line's label: the style's today.label, or for `auto` the word of the scene's
 * language; "" for none. Owned by the style or the scene. */
const char *layout_today_label(const Style *style, const LayoutScene *scene);
/* A grid line at every labelled tick from @top to @bottom. */
void layout_grid(LayoutCtx *ctx, double top, double bottom);

/* --- layout_labels.c: an entry's bars in x, and where its label goes --- */

double layout_bar_x0(const LayoutItem *item, guint i);
double layout_bar_x1(const LayoutItem *item, guint i);
/* Fills @item->xs with each bar's pixel extent. */
void layout_item_bars(LayoutCtx *ctx, LayoutItem *item);
/* How far bar @i's ends fade (approximate or ongoing ends; a cut end does not fade): at
 * most a quarter of the bar each, so a solid core of at least half its length stays. */
void layout_bar_fades(const LayoutItem *item, guint i, double *left, double *right);
/* Whether bar @i carries a cut mark at its start (or, with @end, its end). */
gboolean layout_bar_clip_mark(const LayoutItem *item, guint i, gboolean end);
/* The part of bar @i that is neither faded nor under a cut mark. */
void layout_bar_solid(const LayoutItem *item, guint i, double *x0, double *x1);
/* Role segment @i's label (its whole title, or the one that also names the org), or
 * NULL; a new string. */
char *layout_segment_text(LayoutCtx *ctx, const LayoutItem *item, guint i);
/* Every way to label the entry whole that fits the page, cheapest first; or, when none
 * does, the best shortened one. Fills @item->options. */
void layout_label_options(LayoutCtx *ctx, LayoutItem *item);
/* Keeps option @i as the entry's label and frees the rest. */
void layout_label_choose(LayoutItem *item, guint i);
/* Frees what a label option holds. */
void layout_label_option_clear(LayoutLabelOption *o);
/* The item's colour and pattern: its group's, or its class's. */
void layout_item_paint(const LayoutCtx *ctx, LayoutItem *item, const StylePaint *group);

/* --- layout_groups.c: groups of entries, packed into lanes and emitted --- */

/* Free what a record holds (GArray clear functions). */
void layout_group_clear(gpointer data);
void layout_gap_clear(gpointer data);
void layout_entry_clear(gpointer data);
/* The group's paint and display name into @out. */
void layout_name_group(const Style *style, const TimelineGroup *tg, guint *custom_index,
                       LayoutPrepared *out);
/* Places every entry's label and packs the entries into lanes. */
void layout_prepare_group(LayoutCtx *ctx, const TimelineGroup *tg, LayoutPrepared *out);
void layout_prepared_clear(LayoutPrepared *p);
/* Draws a prepared group from @y; returns the y below it. */
double layout_emit_group(LayoutCtx *ctx, LayoutPrepared *p, double y);

/* --- layout_gaps.c: the gaps in a group's time --- */

/* The text of group @tg's merged total to show beside its name ("about 19 y"), or NULL
 * when the style shows none (group.total off, or no group labels); a new string. */
char *layout_group_total(const LayoutCtx *ctx, const TimelineGroup *tg);
/* Marks the gaps longer than gaps.min in group @index (prepared as @p, its lanes' tops at
 * @lane_y, p->lanes + 1 of them) with a band behind the bars over all its lanes, and its
 * length where that collides with none of the shapes pushed since @bars_from and
 * @text_from in the bars' and the texts' layers (the group's own): in a lane, or else in
 * a row added under them. Adds the records; returns the bottom of the lanes and that row. */
double layout_gaps(LayoutCtx *ctx, guint index, const LayoutPrepared *p, const double *lane_y,
                   guint bars_from, guint text_from);

/* --- layout_milestones.c: the milestone track --- */

/* Frees what a LayoutMilestone holds (a GArray clear function). */
void layout_milestone_clear(gpointer data);
/* The milestone track's name in the left column, in the chart's language; owned by the
 * scene's language. */
const char *layout_track_name(const LayoutCtx *ctx);
/* The milestone track from @y; returns the y below it. Hands over which milestones went
 * to the list and every title as drawn (both owned by the caller, for
 * layout_milestones_list). */
double layout_milestones(LayoutCtx *ctx, const Timeline *t, double y, gboolean **listed,
                         char ***titles);
/* The numbered list of the listed milestones from @y, under the axis; frees @listed and
 * @titles; returns the y below it (@y when nothing was listed). */
double layout_milestones_list(LayoutCtx *ctx, const Timeline *t, gboolean *listed, char **titles,
                              double y);

/* --- layout.c: the whole scene --- */

/* Lays out everything at the natural height, the header (title, headline, top legend) at
 * the top margin and the rest @top px below it; returns a new scene whose records are not
 * yet linked to their shapes. */
LayoutScene *layout_natural(const Timeline *t, const Style *style, const SummaryReport *summary,
                            TextCtx *text, double top);

/* --- layout_fit.c: a fixed page height --- */

/* Lays out @timeline (with @summary, or NULL, for what the style shows of it), fitted
 * into the style's fixed page height if it has one; NULL with an error in @diags when
 * its labels would become too small. */
LayoutScene *layout_fit(const Timeline *timeline, const Style *style, const SummaryReport *summary,
                        TextCtx *text, DiagList *diags);
