/* svg_items: shapes grouped by their owner in paint order (spec/visual.md "SVG"). Whether
 * a shape may move back into its item's group is a question about the shapes painted
 * since that group began; a grid of cells over the page keeps it to the few shapes near
 * the one that moves, so a chart of 10,000 entries groups in linear time. */
#include "svg_items.h"

#include <math.h>

typedef struct {
  double x0, y0, x1, y1;
} Box;

typedef struct {
  guint group; /* the group the shape went into */
  guint shape;
} CellEntry;

typedef struct {
  const LayoutScene *scene;
  Box *boxes;        /* per shape: what it may paint on, with a margin for antialiasing */
  GPtrArray *groups; /* of GArray of guint (shape indexes); the item's owner via its first */
  GHashTable *last;  /* owner key -> its last group + 1 */
  GArray **cells;    /* ncx * ncy, each NULL or of CellEntry */
  guint ncx, ncy;
  double cell;
} Grouping;

/* One item per record, and one for each kind of the chart's own furniture (all the axis'
 * ticks and grid lines, all the legend). */
static guint64 owner_key(const LayoutShape *s)
{
  switch (s->owner.kind) {
  case LAYOUT_OWNER_GROUP:
  case LAYOUT_OWNER_ENTRY:
  case LAYOUT_OWNER_MILESTONE:
    return (guint64)s->owner.kind << 32 | s->owner.index;
  case LAYOUT_OWNER_PAGE:
  case LAYOUT_OWNER_TITLE:
  case LAYOUT_OWNER_LEGEND:
  case LAYOUT_OWNER_AXIS:
  case LAYOUT_OWNER_TODAY:
  case LAYOUT_OWNER_TRACK:
    break;
  }
  return (guint64)s->owner.kind << 32;
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
      GArray *cell = g->cells[(gsize)cy * g->ncx + cx];
      for (guint i = 0; cell && i < cell->len; i++) {
        const CellEntry *e = &g_array_index(cell, CellEntry, i);
        if (e->group > group && overlap(&g->boxes[s], &g->boxes[e->shape]))
          return TRUE;
      }
    }
  }
  return FALSE;
}

static void place(Grouping *g, guint s, guint group)
{
  guint cx0, cy0, cx1, cy1;
  cell_range(g, &g->boxes[s], &cx0, &cy0, &cx1, &cy1);
  CellEntry e = {group, s};
  for (guint cy = cy0; cy <= cy1; cy++) {
    for (guint cx = cx0; cx <= cx1; cx++) {
      GArray **cell = &g->cells[(gsize)cy * g->ncx + cx];
      if (*cell == NULL)
        *cell = g_array_new(FALSE, FALSE, sizeof(CellEntry));
      g_array_append_val(*cell, e);
    }
  }
  g_array_append_val((GArray *)g_ptr_array_index(g->groups, group), s);
}

SvgItems *svg_items_build(const LayoutScene *scene, const gboolean *drawn)
{
  guint n = scene->shapes->len;
  Grouping g = {.scene = scene,
                .boxes = g_new(Box, MAX(n, 1)),
                .groups = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref),
                .last = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL)};
  /* Cells of at least 64 px, at most about 250,000 of them over the page. */
  double w = isfinite(scene->width) && scene->width > 1 ? scene->width : 1;
  double h = isfinite(scene->height) && scene->height > 1 ? scene->height : 1;
  g.cell = MAX(64, sqrt(w * h / 250000));
  g.ncx = (guint)MIN(ceil(w / g.cell) + 1, 4096);
  g.ncy = (guint)MIN(ceil(h / g.cell) + 1, 1 << 20);
  g.cells = g_new0(GArray *, (gsize)g.ncx * g.ncy);
  for (guint i = 0; i < n; i++) {
    if (!drawn[i])
      continue;
    const LayoutShape *s = &g_array_index(scene->shapes, LayoutShape, i);
    g.boxes[i] = shape_box(s);
    guint64 key = owner_key(s);
    gpointer found = g_hash_table_lookup(g.last, &key);
    guint group = found ? GPOINTER_TO_UINT(found) - 1 : G_MAXUINT;
    if (group == G_MAXUINT || conflicts(&g, i, group)) {
      group = g.groups->len;
      g_ptr_array_add(g.groups, g_array_new(FALSE, FALSE, sizeof(guint)));
      g_hash_table_insert(g.last, g_memdup2(&key, sizeof key), GUINT_TO_POINTER(group + 1));
    }
    place(&g, i, group);
  }
  SvgItems *items = g_new0(SvgItems, 1);
  items->items = g_array_sized_new(FALSE, FALSE, sizeof(SvgItem), g.groups->len);
  items->shapes = g_array_new(FALSE, FALSE, sizeof(guint));
  for (guint k = 0; k < g.groups->len; k++) {
    GArray *shapes = g_ptr_array_index(g.groups, k);
    const LayoutShape *first =
        &g_array_index(scene->shapes, LayoutShape, g_array_index(shapes, guint, 0));
    SvgItem item = {first->owner.kind, (guint)(owner_key(first) & G_MAXUINT32), items->shapes->len,
                    shapes->len};
    g_array_append_vals(items->shapes, shapes->data, shapes->len);
    g_array_append_val(items->items, item);
  }
  for (gsize c = 0; c < (gsize)g.ncx * g.ncy; c++)
    if (g.cells[c])
      g_array_unref(g.cells[c]);
  g_free(g.cells);
  g_free(g.boxes);
  g_ptr_array_unref(g.groups);
  g_hash_table_destroy(g.last);
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
