/* svg_items: the scene's shapes grouped by the item they belong to (spec/visual.md "SVG":
 * one <g> per item, with its owner and tooltip), without changing what paints over what.
 * Layout paints in layers (backgrounds, bars, labels), so an item's shapes are apart in
 * paint order; a shape joins its item's earlier group only when nothing painted between
 * overlaps it, else the item gets another group there. */
#pragma once

#include "layout.h"

#include <glib.h>

typedef struct {
  LayoutOwnerKind kind;
  guint index;    /* the record, for a group, entry or milestone; else 0 */
  guint first, n; /* its shapes: SvgItems.shapes[first .. first + n), in paint order */
} SvgItem;

typedef struct {
  GArray *items;  /* of SvgItem, in the order they are written */
  GArray *shapes; /* of guint, shape indexes, item after item */
} SvgItems;

/* Groups the shapes of @scene for which @drawn is TRUE (one flag per shape). Returns a
 * new grouping owned by the caller. */
SvgItems *svg_items_build(const LayoutScene *scene, const gboolean *drawn);

/* Frees it; accepts NULL. */
void svg_items_free(SvgItems *items);
