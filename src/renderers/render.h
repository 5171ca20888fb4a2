/* render: one renderer per output format behind one table (render_formats), each
 * writing a scene's file as a stream of bytes. Renderers decide nothing about positions:
 * they paint what layout placed, and say what describe.c words. main.c builds --format's
 * help, its messages and the extension detection from the table, so a new format is one
 * file and one row (doc/architecture.md "Adding an output format"). */
#pragma once

#include "layout.h"
#include "svg_write.h"
#include "text.h"
#include <glib.h>

typedef struct RenderFormat RenderFormat;

/* What a format needs besides the scene, which main.c prepares (RenderFormat.wants). */
typedef enum {
  RENDER_WANTS_DARK = 1 << 0,            /* the dark scheme's scene (svg.dark) in svg_dark */
  RENDER_WANTS_DARK_BY_DEFAULT = 1 << 1, /* ... the built-in dark when svg.dark names none,
                                            unless --svg-dark=none */
  RENDER_WANTS_SUMMARY = 1 << 2,         /* the career summary's text in summary */
} RenderWants;

typedef struct {
  const RenderFormat *format; /* NULL: the first of render_formats */
  double scale;               /* PNG pixel density; SVG: the root's size is N times the viewBox;
                                 PDF: the page is N times larger, the drawing scaled with it */
  const char *title;          /* document title (the CV's name), or NULL */
  const char *author;         /* or NULL */
  gint64 creation_time;       /* PDF creation date, seconds since the epoch (reproducible) */
  SvgTextMode svg_text;       /* SVG: glyph outlines (the default) or real text, fonts embedded */
  /* SVG: the same chart laid out with the colours of the dark scheme
   * (@media (prefers-color-scheme: dark)), or NULL for none. Not owned. */
  const LayoutScene *svg_dark;
  /* HTML: the career summary as `--summary text` words it, or NULL for none. Not owned. */
  const char *summary;
} RenderOptions;

/* Receives the file's bytes in order as they are produced; FALSE (a write error, which
 * the sink keeps to report) stops rendering. */
typedef gboolean (*RenderSink)(gpointer closure, const guint8 *data, gsize len);

/* One output format. */
struct RenderFormat {
  const char *name;              /* what --format takes, lower case: "svg" */
  const char *const *extensions; /* file name endings without the dot, NULL-terminated;
                                    the first is the default output's */
  const char *description;       /* a few words for --help */
  /* What this format refuses before drawing anything, besides what every format refuses
   * (render_check): FALSE with @error set, naming the option or style key to change.
   * NULL: nothing more. */
  gboolean (*check)(const LayoutScene *scene, const RenderOptions *opts, GError **error);
  /* Writes @scene's whole file to @sink; FALSE with @error set when it failed (also when
   * @sink returned FALSE). Called only after the checks passed. */
  gboolean (*write)(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                    RenderSink sink, gpointer closure, GError **error);
  RenderWants wants;
};

/* Every format, NULL-terminated, in the order --help lists them; the first is the
 * default. */
extern const RenderFormat *const render_formats[];

/* The format named @name (case-insensitive), or NULL. */
const RenderFormat *render_format_find(const char *name);

/* The format whose extension @ext is (without the dot, case-insensitive), or NULL. */
const RenderFormat *render_format_for_extension(const char *ext);

/* Cairo's largest image side, in pixels. */
#define RENDER_MAX_PIXELS 32767
/* The largest PNG in pixels (width × height): 4 bytes each in memory, so 400 MB. */
#define RENDER_MAX_AREA 100e6

/* What rendering @scene in @opts' format refuses before drawing anything: a chart with no
 * area, and the format's own limits (a PNG larger than RENDER_MAX_PIXELS or
 * RENDER_MAX_AREA). FALSE with @error set (naming the option or style key to change), so
 * that a caller can check before opening its output. */
gboolean render_check(const LayoutScene *scene, const RenderOptions *opts, GError **error);

/* Checks, then writes @scene in @opts' format to @sink as the bytes come, holding no copy
 * of the file. Returns FALSE with @error set when it failed, also when @sink returned
 * FALSE (then the sink's own error is the one to report); the sink may then have
 * received part of a file. */
gboolean render_scene_to(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                         RenderSink sink, gpointer closure, GError **error);

/* The same into memory: the whole file's bytes (a new reference owned by the caller), or
 * NULL with @error set. */
GBytes *render_scene(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                     GError **error);
