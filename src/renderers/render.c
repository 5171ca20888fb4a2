/* render: the table of output formats and what every format shares: the checks before
 * drawing, and writing into memory. Each format lives in its own render_FORMAT.c. */
#include "render_private.h"

#include <math.h>

const RenderFormat *const render_formats[] = {
    &render_format_svg,
    &render_format_png,
    &render_format_pdf,
    &render_format_html,
    NULL,
};

const RenderFormat *render_format_find(const char *name)
{
  for (guint i = 0; name != NULL && render_formats[i] != NULL; i++)
    if (g_ascii_strcasecmp(name, render_formats[i]->name) == 0)
      return render_formats[i];
  return NULL;
}

const RenderFormat *render_format_for_extension(const char *ext)
{
  for (guint i = 0; ext != NULL && render_formats[i] != NULL; i++)
    for (const char *const *e = render_formats[i]->extensions; *e != NULL; e++)
      if (g_ascii_strcasecmp(ext, *e) == 0)
        return render_formats[i];
  return NULL;
}

static const RenderFormat *render_format_of(const RenderOptions *opts)
{
  return opts->format != NULL ? opts->format : render_formats[0];
}

gboolean render_check(const LayoutScene *scene, const RenderOptions *opts, GError **error)
{
  g_return_val_if_fail(scene != NULL && opts != NULL, FALSE);
  if (!(isfinite(scene->width) && isfinite(scene->height) && scene->width >= 1 &&
        scene->height >= 1)) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                "the chart has no area (%g × %g); raise --width or --height", scene->width,
                scene->height);
    return FALSE;
  }
  const RenderFormat *format = render_format_of(opts);
  return format->check == NULL || format->check(scene, opts, error);
}

gboolean render_scene_to(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                         RenderSink sink, gpointer closure, GError **error)
{
  g_return_val_if_fail(scene != NULL && opts != NULL && sink != NULL, FALSE);
  if (!render_check(scene, opts, error))
    return FALSE;
  return render_format_of(opts)->write(scene, text, opts, sink, closure, error);
}

static gboolean append_to_array(gpointer closure, const guint8 *data, gsize len)
{
  g_byte_array_append(closure, data, (guint)len);
  return TRUE;
}

GBytes *render_scene(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                     GError **error)
{
  g_return_val_if_fail(scene != NULL && opts != NULL, NULL);
  GByteArray *buf = g_byte_array_new();
  if (!render_scene_to(scene, text, opts, append_to_array, buf, error)) {
    g_byte_array_unref(buf);
    return NULL;
  }
  return g_byte_array_free_to_bytes(buf);
}
