/* svg_paint: the SVG's colours as classes in one <style> block (spec/visual.md "SVG"):
 * each distinct set of CSS declarations becomes one class, with, when a dark scheme is
 * given, its dark declarations in a `@media (prefers-color-scheme: dark)` block. */
#pragma once

#include "style.h"
#include "svg_out.h"

#include <glib.h>

typedef struct SvgPaint SvgPaint;

/* A new, empty registry, owned by the caller. */
SvgPaint *svg_paint_new(void);
/* Frees it; accepts NULL. */
void svg_paint_free(SvgPaint *paint);

/* The class (a number, in order of first use) whose declarations are @light, and @dark in
 * the dark scheme (NULL: the same as @light). Both are copied. */
guint svg_paint_class(SvgPaint *paint, const char *light, const char *dark);

/* How many classes there are. */
guint svg_paint_count(const SvgPaint *paint);

/* Appends `PROPERTY:#rrggbb` for @c, with `;PROPERTY-opacity:A` when it is not opaque or
 * @explicit_opacity (a dark rule must set every property its light rule set), or
 * `PROPERTY:none` when it is fully transparent. @property is "fill", "stroke" or
 * "stop-color" (whose opacity property is "stop-opacity"). */
void svg_paint_append_color(GString *css, const char *property, StyleColor c,
                            gboolean explicit_opacity);

/* Writes the rules: `.PREFIX-N{...}` for every class, then the dark block with the
 * classes whose dark declarations differ. */
void svg_paint_write_css(const SvgPaint *paint, SvgOut *out, const char *prefix);
