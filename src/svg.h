/* svg: post-processing of the SVG that Cairo writes (DESIGN.md "render": SVG
 * post-processing lives beside it): stable ids, an accessible root (role, title, desc,
 * exact size), and an invisible layer of real text and tooltips over the drawing. */
#pragma once

#include "layout.h"
#include "text.h"
#include <glib.h>

/* Ids given to the root's <title> and <desc>, referenced by aria-labelledby and
 * aria-describedby; the layer's group id. */
#define SVG_TITLE_ID "cvt-title"
#define SVG_DESC_ID "cvt-desc"
#define SVG_LAYER_ID "cvt-layer"

typedef struct {
  const char *title; /* the root's <title> (the CV's name); NULL: "Career timeline" */
  const char *desc;  /* the root's <desc> (a plain-text summary), or NULL */
  double width;      /* the root's width and height, in CSS px (unitless) */
  double height;
  double view_width; /* the viewBox, in the scene's units: 0 0 view_width view_height */
  double view_height;
} SvgRoot;

/* @text made safe as XML character data or attribute value: invalid UTF-8 repaired,
 * control characters (C0 other than newline when @keep_newlines, DEL, C1) and the
 * non-characters U+FFFE/U+FFFF removed, then markup-escaped (&, <, >, ', ").
 * Returns a new string owned by the caller; NULL gives "". */
char *svg_escape(const char *text, gboolean keep_newlines);

/* A number as SVG writes it: C locale, at most 3 decimals, no trailing zeros, never "-0".
 * Writes into @buf (at least G_ASCII_DTOSTR_BUF_SIZE bytes) and returns it. */
const char *svg_number(char *buf, double value);

/* --- Streaming: Cairo's document in, the finished document out ---
 * As the bytes pass, the stream
 * - renumbers every `surfaceN` id and reference in order of first appearance: Cairo
 *   numbers its SVG surfaces with a process-wide counter ("surface1", "surface7"), so a
 *   second render in one process (--watch, tests) would otherwise differ;
 * - replaces the root element's start tag with one carrying the SvgRoot's size and
 *   viewBox, role="img" and the aria references, with the <title> and <desc> right
 *   after it;
 * - holds back the end from the last </svg> on, so that svg_stream_finish can put the
 *   layer before it.
 * Whatever the chunking, the output is the same, and the document is never held or
 * copied whole. */

/* Receives the finished bytes; FALSE (e.g. a write error) stops the stream. */
typedef gboolean (*SvgSinkFunc)(gpointer closure, const char *data, gsize len);

typedef struct SvgStream SvgStream;

/* A stream writing to @sink; @root is copied (only read here). Free with
 * svg_stream_free. */
SvgStream *svg_stream_new(const SvgRoot *root, SvgSinkFunc sink, gpointer closure);
/* Passes a chunk of Cairo's document; FALSE once the sink has failed. */
gboolean svg_stream_write(SvgStream *stream, const char *data, gsize len);
/* Ends the document, with @layer put before the last </svg>. FALSE when the sink failed,
 * or (*@malformed set) when the document had no <svg> start tag or no </svg>. */
gboolean svg_stream_finish(SvgStream *stream, const char *layer, gboolean *malformed);
void svg_stream_free(SvgStream *stream);

/* The invisible layer for @scene: one <g id="cvt-layer"> painted with fill-opacity 0
 * (selectable and found by find-in-page, but adding no pixel), holding a real <text>
 * for every text shape, placed on its box with its font and textLength, and an
 * invisible <rect> with a <title> tooltip over every bar and milestone marker, grouped by
 * the entry or milestone the scene says they belong to (tooltips worded by describe.c).
 * @text measures baselines. Returns a new string owned by the caller. */
char *svg_text_layer(const LayoutScene *scene, TextCtx *text);
