/* svg_woff: a font file (sfnt: TrueType or OpenType) wrapped as WOFF 1.0, each table
 * compressed with zlib, for the SVG's embedded fonts (spec/visual.md "SVG"): every
 * browser reads WOFF, and it is about half the size of the bare file. */
#pragma once

#include <glib.h>

/* @sfnt as a WOFF file: a new reference owned by the caller, or NULL when @sfnt is not a
 * well-formed sfnt (a table outside the file, too many tables). */
GBytes *svg_woff_from_sfnt(GBytes *sfnt);
