/* render_pdf: the PDF renderer: one page the scene's size (times --scale), painted with
 * Cairo, bars and markers linking to their entries' urls, and reproducible metadata (a
 * fixed creation date). */
#include "render_private.h"

#include "describe.h"

#include <cairo-pdf.h>

/* "2000-01-01T00:00:00Z" for the PDF's creation date. */
static char *pdf_date(gint64 seconds)
{
  GDateTime *dt = g_date_time_new_from_unix_utc(seconds);
  if (dt == NULL)
    dt = g_date_time_new_from_unix_utc(946684800); /* 2000-01-01, out-of-range input */
  char *text = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%SZ");
  g_date_time_unref(dt);
  return text;
}

static void pdf_metadata(cairo_surface_t *surface, cairo_pdf_metadata_t key, const char *value)
{
  if (value != NULL && value[0] != '\0' && g_utf8_validate(value, -1, NULL))
    cairo_pdf_surface_set_metadata(surface, key, value);
}

static gboolean render_pdf_write(const LayoutScene *scene, TextCtx *text, const RenderOptions *opts,
                                 RenderSink sink_func, gpointer closure, GError **error)
{
  RenderCairoSink sink_data = {sink_func, closure}, *sink = &sink_data;
  /* --scale makes the page N times larger, the drawing scaled with it. */
  double scale = render_scale(opts);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(
      render_cairo_write, sink, scene->width * scale, scene->height * scale);
  char *date = pdf_date(opts->creation_time);
  pdf_metadata(surface, CAIRO_PDF_METADATA_TITLE, opts->title);
  pdf_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, opts->author);
  /* The alt text's first line, what the chart is ("NAME: career timeline from 2010 to
   * 2024."), as the document's subject. A PDF link can carry no text of its own: Cairo's
   * link tags take a target and its rectangles only (uri, dest, rect). */
  char *alt = describe_alt_text(scene);
  alt[strcspn(alt, "\n")] = '\0';
  pdf_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, alt);
  g_free(alt);
  pdf_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "cvtimeline");
  pdf_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  pdf_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  g_free(date);
  return render_cairo_vector(surface, text, scene, scale, TRUE, "PDF", error);
}

static const char *const render_pdf_extensions[] = {"pdf", NULL};

const RenderFormat render_format_pdf = {
    .name = "pdf",
    .extensions = render_pdf_extensions,
    .description = "vector, for print, with links",
    .check = NULL,
    .write = render_pdf_write,
};
