/* svg_items: shapes grouped by their owner in paint order (spec/visual.md "SVG"). Whether
 * a shape may move back into its item's group is a question about the shapes painted
 * since that group began; a grid of cells over the page keeps it to the few shapes near
 * the one that moves, so a chart of 10,000 entries groups in linear time. */
#include "svg_items.h"

#include <math.h>

typedef struct {
  double x0, y0, x1, y1;
} Box;

#define NONE G_MAXUINT

/* A shape placed in a cell; the cell's entries are a list through @next. */
typedef struct {
  guint group; /* the group the shape went into */
  guint shape;
  guint next; /* the cell's next entry, or NONE */
} CellEntry;

typedef struct {
  const LayoutScene *scene;
  Box *boxes;      /* per shape: what it may paint on, with a margin for antialiasing */
  guint *group_of; /* per shape: its group, or NONE (not drawn) */
  guint n_groups;
  GArray *group_kind; /* per group: the owner of its shapes, as owner_slot */
  guint *last;        /* per owner slot: its last group, or NONE */
  guint *cell_head;   /* ncx * ncy: each cell's first entry, or NONE */
  guint *cell_max;    /* ncx * ncy: the highest group placed in each cell */
  GArray *entries;    /* of CellEntry */
  guint ncx, ncy;
  double cell;
} Grouping;

/* One item per record, and one for each kind of the chart's own furniture (all the axis'
 * ticks and grid lines, all the legend): a slot for each, furniture first. */
#define FURNITURE 6

static guint owner_slot(const LayoutScene *scene, const LayoutShape *s)
{
  guint groups = scene->groups->len, entries = scene->entries->len;
  switch (s->owner.kind) {
  case LAYOUT_OWNER_GROUP:
    if (s->owner.index < groups)
      return FURNITURE + s->owner.index;
    break;
  case LAYOUT_OWNER_ENTRY:
    if (s->owner.index < entries)
      return FURNITURE + groups + s->owner.index;
    break;
  case LAYOUT_OWNER_MILESTONE:
    if (s->owner.index < scene->milestones->len)
      return FURNITURE + groups + entries + s->owner.index;
    break;
  case LAYOUT_OWNER_PAGE:
  case LAYOUT_OWNER_TITLE:
  case LAYOUT_OWNER_LEGEND:
  case LAYOUT_OWNER_AXIS:
  case LAYOUT_OWNER_TODAY:
  case LAYOUT_OWNER_TRACK:
    break;
  }
  /* Furniture, or a record index out of range: one item per kind. */
  return (guint)s->owner.kind % FURNITURE;
}

/* Where @s may put ink: its box, a line's stroke, a text's glyphs that reach past its
 * logical box (italics, accents), and a pixel's antialiasing around it all. */
static Box shape_box(const LayoutShape *s)
{
  double x0 = MIN(s->x, s->x + s->w), x1 = MAX(s->x, s->x + s->w);
  double y0 = MIN(s->y, s->y + s->h), y1 = MAX(s->y, s->y + s->h);
  double m = 1;
  if (s->stroke.a > 0 && s->stroke_width > 0)
    m += s->stroke_width / 2;
  if (s->kind == LAYOUT_SHAPE_TEXT)
    m += MAX(2, s->h * 0.25);
  if (!isfinite(m))
    m = 1;
  return (Box){x0 - m, y0 - m, x1 + m, y1 + m};
}

static gboolean overlap(const Box *a, const Box *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* The cells @b covers, clamped to the grid. */
static void cell_range(const Grouping *g, const Box *b, guint *cx0, guint *cy0, guint *cx1,
                       guint *cy1)
{
  double c = g->cell;
  double v[4] = {b->x0 / c, b->y0 / c, b->x1 / c, b->y1 / c};
  guint max[4] = {g->ncx - 1, g->ncy - 1, g->ncx - 1, g->ncy - 1};
  guint out[4];
  for (int i = 0; i < 4; i++)
    out[i] = !(v[i] > 0) ? 0 : v[i] >= max[i] ? max[i] : (guint)v[i];
  *cx0 = out[0];
  *cy0 = out[1];
  *cx1 = out[2];
  *cy1 = out[3];
}

/* Whether shape @s, moved back into group @group, would change places with an
 * overlapping shape of a later group. */
static gboolean conflicts(const Grouping *g, guint s, guint group)
{
  guint cx0, cy0, cx1, cy1;
  cell_range(g, &g->boxes[s], &cx0, &cy0, &cx1, &cy1);
  for (guint cy = cy0; cy <= cy1; cy++) {
    for (guint cx = cx0; cx <= cx1; cx++) {
      gsize c = (gsize)cy * g->ncx + cx;
      /* Nothing of a later group here: the common case, and the one that keeps a cell
       * crowded with one item's shapes (a job of 100,000 roles) from being walked once
       * per shape. */
      if (g->cell_head[c] == NONE || g->cell_max[c] <= group)
        continue;
      for (guint e = g->cell_head[c]; e != NONE;) {
        const CellEntry *entry = &g_array_index(g->entries, CellEntry, e);
        if (entry->group > group && overlap(&g->boxes[s], &g->boxes[entry->shape]))
          return TRUE;
        e = entry->next;
      }
    }
  }
  return FALSE;
}

static void place(Grouping *g, guint s, guint group)
{
  guint cx0, cy0, cx1, cy1;
  cell_range(g, &g->boxes[s], &cx0, &cy0, &cx1, &cy1);
  for (guint cy = cy0; cy <= cy1; cy++) {
    for (guint cx = cx0; cx <= cx1; cx++) {
      gsize c = (gsize)cy * g->ncx + cx;
      guint *head = &g->cell_head[c];
      g->cell_max[c] = MAX(g->cell_max[c], group);
      CellEntry e = {group, s, *head};
      *head = g->entries->len;
      g_array_append_val(g->entries, e);
    }
  }
  g->group_of[s] = group;
}

SvgItems *svg_items_build(const LayoutScene *scene, const gboolean *drawn)
{
  guint n = scene->shapes->len;
  guint slots = FURNITURE + scene->groups->len + scene->entries->len + scene->milestones->len;
  Grouping g = {.scene = scene,
                .boxes = g_new(Box, MAX(n, 1)),
                .group_of = g_new(guint, MAX(n, 1)),
                .group_kind = g_array_new(FALSE, FALSE, sizeof(guint)),
                .last = g_new(guint, slots),
                .entries = g_array_sized_new(FALSE, FALSE, sizeof(CellEntry), n * 2 + 16)};
  for (guint i = 0; i < slots; i++)
    g.last[i] = NONE;
  /* Cells of at least 64 px, at most about 250,000 of them over the page. */
  double w = isfinite(scene->width) && scene->width > 1 ? scene->width : 1;
  double h = isfinite(scene->height) && scene->height > 1 ? scene->height : 1;
  g.cell = MAX(64, sqrt(w * h / 250000));
  g.ncx = (guint)MIN(ceil(w / g.cell) + 1, 4096);
  g.ncy = (guint)MIN(ceil(h / g.cell) + 1, 1 << 20);
  gsize n_cells = (gsize)g.ncx * g.ncy;
  g.cell_head = g_new(guint, n_cells);
  g.cell_max = g_new0(guint, n_cells);
  for (gsize c = 0; c < n_cells; c++)
    g.cell_head[c] = NONE;
  for (guint i = 0; i < n; i++) {
    g.group_of[i] = NONE;
    if (!drawn[i])
      continue;
    const LayoutShape *s = &g_array_index(scene->shapes, LayoutShape, i);
    g.boxes[i] = shape_box(s);
    guint slot = owner_slot(scene, s);
    guint group = g.last[slot];
    if (group == NONE || conflicts(&g, i, group)) {
      group = g.n_groups++;
      g_array_append_val(g.group_kind, slot);
      g.last[slot] = group;
    }
    place(&g, i, group);
  }
  /* The groups' shapes, group after group, each in paint order: a counting sort. */
  guint *start = g_new0(guint, g.n_groups + 1);
  for (guint i = 0; i < n; i++)
    if (g.group_of[i] != NONE)
      start[g.group_of[i] + 1]++;
  for (guint k = 0; k < g.n_groups; k++)
    start[k + 1] += start[k];
  SvgItems *items = g_new0(SvgItems, 1);
  items->items = g_array_sized_new(FALSE, FALSE, sizeof(SvgItem), g.n_groups);
  items->shapes = g_array_sized_new(FALSE, FALSE, sizeof(guint), start[g.n_groups]);
  g_array_set_size(items->shapes, start[g.n_groups]);
  guint *fill = g_memdup2(start, sizeof(guint) * (g.n_groups + 1));
  for (guint i = 0; i < n; i++)
    if (g.group_of[i] != NONE)
      g_array_index(items->shapes, guint, fill[g.group_of[i]]++) = i;
  for (guint k = 0; k < g.n_groups; k++) {
    const LayoutShape *first =
        &g_array_index(scene->shapes, LayoutShape, g_array_index(items->shapes, guint, start[k]));
    gboolean record = g_array_index(g.group_kind, guint, k) >= FURNITURE;
    SvgItem item = {first->owner.kind, record ? first->owner.index : 0, start[k],
                    start[k + 1] - start[k]};
    g_array_append_val(items->items, item);
  }
  g_free(fill);
  g_free(start);
  g_free(g.cell_head);
  g_free(g.cell_max);
  g_array_unref(g.entries);
  g_free(g.boxes);
  g_free(g.group_of);
  g_free(g.last);
  g_array_unref(g.group_kind);
  return items;
}

void svg_items_free(SvgItems *items)
{
  if (items == NULL)
    return;
  g_array_unref(items->items);
  g_array_unref(items->shapes);
  g_free(items);
}
