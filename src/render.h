/* render: paints a scene with Cairo onto an SVG, PNG or PDF surface. It decides
 * nothing about positions; it only paints what layout placed. */
#pragma once

#include "layout.h"
#include "text.h"
#include <glib.h>

typedef enum {
  RENDER_SVG,
  RENDER_PNG,
  RENDER_PDF,
} RenderFormat;

typedef struct {
  RenderFormat format;
  double scale;         /* PNG pixel density; SVG: the root's size is N times the viewBox;
                           PDF: the page is N times larger, the drawing scaled with it */
  const char *title;    /* document title (the CV's name), or NULL */
  const char *author;   /* or NULL */
  gint64 creation_time; /* PDF creation date, seconds since the epoch (reproducible) */
} RenderOptions;

/* Cairo's largest image side, in pixels. */
#define RENDER_MAX_PIXELS 32767
/* The largest PNG in pixels (width × height): 4 bytes each in memory, so 400 MB. */
#define RENDER_MAX_AREA 100e6

/* "svg", "png", "pdf" <-> RenderFormat; parsing is case-insensitive. */
gboolean render_format_parse(const char *name, RenderFormat *out);
const char *render_format_name(RenderFormat format);

/* Paints @scene and returns the whole file's bytes (a new reference owned by the caller),
 * or NULL with @error set (e.g. a PNG larger than RENDER_MAX_PIXELS, naming the option or
 * style key to change). */
GBytes *render_scene(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                     GError **error);

/* Receives the file's bytes in order as they are produced; FALSE (a write error, which
 * the sink keeps to report) stops rendering. */
typedef gboolean (*RenderSink)(gpointer closure, const guint8 *data, gsize len);

/* What render_scene refuses before drawing anything: a chart with no area, a PNG larger
 * than RENDER_MAX_PIXELS or RENDER_MAX_AREA. FALSE with @error set (naming the option or
 * style key to change), so that a caller can check before opening its output. */
gboolean render_check(const LayoutScene *scene, const RenderOptions *opts, GError **error);

/* Paints @scene and hands the file's bytes to @sink as they come, holding no copy of the
 * file (for SVG, svg.c's stream rewrites Cairo's output on the way). Returns FALSE with
 * @error set when it failed, also when @sink returned FALSE (then the sink's own error
 * is the one to report); the sink may then have received part of a file. */
gboolean render_scene_to(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                         RenderSink sink, gpointer closure, GError **error);
