/* render_svg: the SVG renderer (spec/visual.md "SVG"): svg_write.c writes it from the
 * scene directly, with the alt text as <desc> and describe.c's tooltips. No Cairo. */
#include "render_private.h"

#include "describe.h"
#include "svg_write.h"

typedef struct {
  RenderSink sink;
  gpointer closure;
} Sink;

static gboolean to_sink(gpointer closure, const char *data, gsize len)
{
  const Sink *s = closure;
  return s->sink(s->closure, (const guint8 *)data, len);
}

/* --scale makes the root's size N times the viewBox: the same drawing, displayed
 * larger. */
static gboolean render_svg_write(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                                 RenderSink sink, gpointer closure, GError **error)
{
  Sink s = {sink, closure};
  char *desc = describe_alt_text(scene);
  SvgOptions svg = {
      .title = opts->title,
      .desc = desc,
      .scale = render_scale(opts),
      .text = opts->svg_text,
      .dark = opts->svg_dark,
  };
  gboolean ok = svg_write_scene(scene, text, &svg, to_sink, &s);
  g_free(desc);
  if (!ok)
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                "could not write the SVG: the output stopped");
  return ok;
}

static const char *const render_svg_extensions[] = {"svg", NULL};

const RenderFormat render_format_svg = {
    .name = "svg",
    .extensions = render_svg_extensions,
    .description = "scalable, accessible, with real text and tooltips; follows dark mode",
    .check = NULL,
    .write = render_svg_write,
    .wants = RENDER_WANTS_DARK,
};
