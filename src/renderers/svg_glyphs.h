/* svg_glyphs: glyph outlines for the SVG's `paths` text mode (spec/visual.md "SVG"): one
 * <path> per glyph, face and size, from the fonts that laid the text out, for the text to
 * reuse with <use>; and, for the `text` mode, the fonts drawn, embedded as subsets through
 * @font-face. */
#pragma once

#include "svg_out.h"
#include "text_glyphs.h"

#include <glib.h>

typedef struct SvgGlyphs SvgGlyphs;

/* A new, empty set of definitions writing coordinates with @decimals decimals, owned by
 * the caller. */
SvgGlyphs *svg_glyphs_new(int decimals);
/* Frees it (and the font references it holds); accepts NULL. */
void svg_glyphs_free(SvgGlyphs *glyphs);

/* The definition of @glyph of @font: a number in order of first use, one per glyph of a
 * face at a size (fonts Pango loaded for another device scale share it). */
guint svg_glyphs_def(SvgGlyphs *glyphs, TextGlyphFont *font, guint glyph);
guint svg_glyphs_count(const SvgGlyphs *glyphs);
/* The size in px of @font, as its definitions are drawn. */
double svg_glyphs_font_size(SvgGlyphs *glyphs, TextGlyphFont *font);
/* Whether definition @def draws nothing (a space): it needs no <use>. */
gboolean svg_glyphs_empty(const SvgGlyphs *glyphs, guint def);

/* The word of the @n definitions @defs at offsets (@dx, @dy) from the first (the first
 * at 0, 0): a number in order of first use, one per distinct sequence at the writer's
 * precision, so that a word that recurs costs one <use> each time. */
guint svg_glyphs_word(SvgGlyphs *glyphs, const guint *defs, const double *dx, const double *dy,
                      guint n);

/* Writes `<path id="PREFIX-gN" d="..."/>` for every definition that draws something
 * (the outline in px from the glyph's origin), then `<g id="PREFIX-wN">` for every word,
 * its glyphs as <use>. */
void svg_glyphs_write_defs(const SvgGlyphs *glyphs, SvgOut *out, const char *prefix);

/* Writes `<use xlink:href="#PREFIX-gN"/>` (or -wN for a @word) at (@x, @y), a coordinate
 * left out where 0. */
void svg_glyphs_write_use(SvgOut *out, const char *prefix, gboolean word, guint n, double x,
                          double y);

/* The outline of @glyph of @font as path data with @decimals decimals (what
 * svg_glyphs_write_defs writes in d=""). Returns a new string owned by the caller. */
char *svg_glyphs_path(TextGlyphFont *font, guint glyph, int decimals);

/* The boxes Pango draws for @glyphs' characters no font has, as path data from the top
 * left of the text's box with @decimals decimals: a new string owned by the caller, or
 * NULL when there are none. */
char *svg_glyphs_missing_path(const TextGlyphs *glyphs, int decimals);

/* --- Embedded fonts (the `text` mode) --- */

typedef struct SvgFonts SvgFonts;

SvgFonts *svg_fonts_new(void);
void svg_fonts_free(SvgFonts *fonts);

/* The face of @font as a number in order of first use; the text drawn with it should be
 * given with svg_fonts_add_text. */
guint svg_fonts_face(SvgFonts *fonts, TextGlyphFont *font);
/* Records that @face drew the characters of @text from byte @start to @end. */
void svg_fonts_add_text(SvgFonts *fonts, guint face, const char *text, guint start, guint end);
/* The face's family as fontconfig names it, for the fallback after the embedded font;
 * points into @fonts. */
const char *svg_fonts_family(const SvgFonts *fonts, guint face);
/* The weight (100..1000) and the CSS style ("normal", "italic", "oblique") of @face. */
int svg_fonts_weight(const SvgFonts *fonts, guint face);
const char *svg_fonts_style(const SvgFonts *fonts, guint face);

/* Writes an @font-face rule per face: family `PREFIX-fN`, its weight and style, and a
 * `data:` URI holding the subset of the characters it drew. A face that cannot
 * be subset gets no rule (the text then falls back to the installed family). */
void svg_fonts_write_css(const SvgFonts *fonts, SvgOut *out, const char *prefix);
