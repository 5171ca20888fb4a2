/* text: the one place that measures and draws text with Pango, so that layout and
 * render agree to the pixel. Text is always plain (never Pango markup). Resolution is
 * 72 dpi, so a font size of 11 is 11 px (pt in PDF). Measurements are cached by
 * (font, text). */
#pragma once

#include "style.h"
#include <cairo.h>
#include <glib.h>

typedef struct TextCtx TextCtx;

typedef struct {
  double width;    /* logical width */
  double height;   /* logical height (line height) */
  double baseline; /* from the top of the logical box */
} TextExtents;

/* A new measuring context, owned by the caller. */
TextCtx *text_ctx_new(void);
/* Frees it; accepts NULL. */
void text_ctx_free(TextCtx *ctx);

/* Sets the language text is shaped in, a BCP 47 tag such as "ja" (NULL: "en", as a new
 * context has): Pango and fontconfig then pick the fonts and glyph forms meant for it (a
 * Japanese or a Chinese font for Han), never the locale's. A new language empties the
 * cache (text_ctx_reset): what was measured in another one may differ. */
void text_ctx_set_language(TextCtx *ctx, const char *tag);

/* Forgets every measured text and parsed font description. Main calls it before each
 * run, so that a long --watch session holds what the current chart uses, not every
 * edit's texts and every fitted font size since it started. */
void text_ctx_reset(TextCtx *ctx);

/* How many measured texts the cache holds (for the tests). */
guint text_ctx_cached(const TextCtx *ctx);

/* Measures @text set in @font (a Pango font description) on one line. */
void text_measure(TextCtx *ctx, const char *font, const char *text, TextExtents *out);

/* @text if it fits in @max_width, else its longest prefix (whole characters, trailing
 * spaces dropped) followed by "…" that fits; NULL when not even one character and the
 * ellipsis fit. Returns a new string owned by the caller. */
char *text_fit(TextCtx *ctx, const char *font, const char *text, double max_width);

/* Draws @text with the top-left of its logical box at (@x, @y). */
void text_draw(TextCtx *ctx, cairo_t *cr, const char *font, const char *text, double x, double y,
               StyleColor color);

/* The same, with the text from byte @tone_from on drawn in @tone (0: no second tone). */
void text_draw_toned(TextCtx *ctx, cairo_t *cr, const char *font, const char *text, double x,
                     double y, StyleColor color, gsize tone_from, StyleColor tone);

/* --- Coverage: characters no installed font can draw --- */

/* A character that was drawn as a missing-glyph box. */
typedef struct {
  gsize offset; /* byte offset of the character in the text */
  gunichar ch;
} TextMissing;

/* Appends to @out (of TextMissing) every character of @text, set in @font, for which
 * no available font has a glyph, in text order; returns how many were appended. Uses
 * the shaping text_measure keeps, so a measured text is not shaped again. */
guint text_missing_glyphs(TextCtx *ctx, const char *font, const char *text, GArray *out);

/* What kind of writing @ch belongs to, for a message ("Hangul", "Han", "emoji", ...), and
 * the Debian package whose fonts cover it (NULL when none is known). Static strings. */
const char *text_script_name(gunichar ch);
const char *text_script_package(gunichar ch);
