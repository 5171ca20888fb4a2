/* svg_write: the SVG written directly from the scene (spec/visual.md "SVG"; issue "SVG
 * written from the scene"): exact, small, safe to inline in a page beside other charts,
 * following the reader's light or dark scheme. Cairo's SVG surface is not used. */
#pragma once

#include "layout.h"
#include "svg_out.h"
#include "text.h"

#include <glib.h>

typedef enum {
  SVG_TEXT_PATHS, /* glyph outlines (one definition per glyph, reused) plus invisible
                     real text: looks the same in every viewer */
  SVG_TEXT_TEXT,  /* visible real text in the fonts drawn, embedded as subsets */
} SvgTextMode;

typedef struct {
  const char *title; /* the root's <title> (the CV's name); NULL or "": "Career timeline" */
  const char *desc;  /* the root's <desc> (the alt text), or NULL */
  double scale;      /* the root's size is this times the viewBox (--scale); <= 0: 1 */
  SvgTextMode text;
  /* The same chart laid out with the dark scheme's colours, or NULL: its colours go into a
   * `@media (prefers-color-scheme: dark)` block. Shapes are matched by kind, geometry and
   * text; a shape the dark scene does not have is hidden in the dark scheme. */
  const LayoutScene *dark;
} SvgOptions;

/* "paths", "text" <-> SvgTextMode. */
gboolean svg_text_mode_parse(const char *name, SvgTextMode *out);
const char *svg_text_mode_name(SvgTextMode mode);

/* Writes the SVG of @scene to @sink as it goes (never holding the document whole); @text
 * is the context that measured the scene. Returns FALSE when the sink failed. */
gboolean svg_write_scene(const LayoutScene *scene, TextCtx *text, const SvgOptions *opts,
                         SvgOutSink sink, gpointer closure);

/* The decimals that matter at --scale @scale: a rounding error below 1/64 of a device
 * pixel (2 at 1x, 3 from 3.2x). */
int svg_decimals_for_scale(double scale);
