/* What text.c shares with text_glyphs.c only: the shaped runs of a text, as text_draw
 * draws them. Includes Pango; nothing outside the text modules includes this. */
#pragma once

#include "text.h"

#include <pango/pango.h>

/* Receives one run of @text (the bytes @run's item covers) with its left edge at @x and
 * its baseline at @baseline, both from the top left of the text's logical box, px. */
typedef void (*TextRunFunc)(gpointer closure, const char *text, PangoGlyphItem *run, double x,
                            double baseline);

/* Calls @func for each run of @text set in @font, in visual order, with the glyphs and
 * positions text_draw_toned would draw (the measured shaping where there is one). The
 * run is borrowed for the call. */
void text_foreach_run(TextCtx *ctx, const char *font, const char *text, TextRunFunc func,
                      gpointer closure);
