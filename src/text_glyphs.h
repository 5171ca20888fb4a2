/* text_glyphs: the glyphs text.c shaped for a text and the fonts they come from, for a
 * writer that draws text itself (the SVG, spec/visual.md "SVG"): where each glyph goes,
 * its outline, and a subset of its font file to embed. The positions are the ones
 * text_draw paints, so text written from them looks like the PNG. */
#pragma once

#include "text.h"

#include <glib.h>

/* A font at one size, as Pango chose it for a run (fallback included). Opaque; borrowed
 * from the TextCtx's font map unless referenced with text_glyph_font_ref. */
typedef struct TextGlyphFont TextGlyphFont;

/* The font file (face) a TextGlyphFont is an instance of: fonts of one face at several
 * sizes share it. Opaque, compared by pointer; lives as long as a font of it does. */
typedef struct TextGlyphFace TextGlyphFace;

typedef struct {
  guint glyph; /* its index in its font */
  guint byte;  /* where its cluster starts in the text */
  double x, y; /* its origin from the top left of the text's logical box, px */
} TextGlyph;

typedef struct {
  TextGlyphFont *font; /* borrowed: alive while the TextCtx and this TextGlyphs are */
  guint start, end;    /* the run's bytes in the text */
  gboolean rtl;
  guint first, n; /* its glyphs: TextGlyphs.glyphs[first .. first + n) */
} TextGlyphRun;

typedef struct {
  GArray *runs;    /* of TextGlyphRun, in visual order */
  GArray *glyphs;  /* of TextGlyph, run by run, each run's in visual order */
  GPtrArray *refs; /* private: references to the runs' fonts */
  GArray *missing; /* private: the runs that hold characters no font has */
} TextGlyphs;

/* A new, empty TextGlyphs, owned by the caller; reuse it for many texts. */
TextGlyphs *text_glyphs_new(void);
/* Frees it; accepts NULL. */
void text_glyphs_free(TextGlyphs *glyphs);

/* Replaces @out's runs and glyphs with those of @text set in @font, as text_draw draws
 * them. Glyphs that draw nothing (empty glyphs, the boxes Pango draws for characters no
 * font has) are left out. */
void text_glyphs_shape(TextCtx *ctx, const char *font, const char *text, TextGlyphs *out);

/* The colour each glyph of @g is drawn in by text_draw_toned with @tone_from: TRUE for
 * the tone. A right-to-left run keeps the first colour, as text_draw_toned draws it. */
gboolean text_glyphs_toned(const TextGlyphs *g, const TextGlyphRun *run, const TextGlyph *glyph,
                           gsize tone_from);

/* A new reference to @font / releases one. */
TextGlyphFont *text_glyph_font_ref(TextGlyphFont *font);
void text_glyph_font_unref(TextGlyphFont *font);

/* The face @font is an instance of. */
TextGlyphFace *text_glyph_font_face(TextGlyphFont *font);

/* How CSS names @font: its family as fontconfig knows it, its weight (100 to 1000), its
 * style, its size in px. The family is a new string owned by the caller. */
typedef enum {
  TEXT_STYLE_NORMAL,
  TEXT_STYLE_ITALIC,
  TEXT_STYLE_OBLIQUE,
} TextStyle;

typedef struct {
  char *family;
  int weight;
  TextStyle style;
  double size;
} TextFontInfo;

void text_glyph_font_info(TextGlyphFont *font, TextFontInfo *out);

/* The same for a font description as a style gives it (@font, e.g. "Inter, DejaVu Sans
 * Bold 11"): the family is the description's list of families as written, comma
 * separated; the size 0 when it has none. */
void text_font_describe(const char *font, TextFontInfo *out);

/* Receives a glyph's outline in px, y down, from the glyph's origin. */
typedef struct {
  void (*move_to)(gpointer closure, double x, double y);
  void (*line_to)(gpointer closure, double x, double y);
  void (*quad_to)(gpointer closure, double cx, double cy, double x, double y);
  void (*cubic_to)(gpointer closure, double c1x, double c1y, double c2x, double c2y, double x,
                   double y);
  void (*close)(gpointer closure);
} TextPathFuncs;

/* Sends to @funcs the boxes Pango draws for the characters of @g no font has (a frame
 * with the code point in hex digits), as one filled outline from the top left of the
 * text's logical box, as text_draw draws them. FALSE, sending nothing, when there are
 * none. */
gboolean text_glyphs_missing_outline(const TextGlyphs *g, const TextPathFuncs *funcs,
                                     gpointer closure);

/* Sends the outline of @glyph in @font to @funcs, as the font draws it at its size. */
void text_glyph_outline(TextGlyphFont *font, guint glyph, const TextPathFuncs *funcs,
                        gpointer closure);

/* A subset of @face's font file that keeps the @n_glyphs glyphs, the @n_chars characters
 * (and what shaping them needs: its layout tables' closure) and the face's names, without
 * hinting. Returns the file's bytes (a new reference owned by the caller), or NULL when the
 * face cannot be subset (then the caller embeds nothing). */
GBytes *text_face_subset(TextGlyphFace *face, const guint *glyphs, guint n_glyphs,
                         const gunichar *chars, guint n_chars);
