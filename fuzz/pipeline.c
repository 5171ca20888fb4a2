/* fuzz: the whole pipeline short of writing a file: bytes -> ydoc -> reader (format
 * detected) -> style -> timeline -> career summary (text, JSON, YAML) -> layout -> layout
 * dump and alt text, and a render in every output format when the page is small. An input may carry a style
 * after a line `#style`: the part before is the CV, the part after a style layer applied onto
 * `default` (page sizes clamped so that one input cannot ask for a huge canvas). A first
 * line `#range FROM TO` stands for --from and --to (either may be `-`), and `#only KEYS`
 * for --only (comma-separated), as main would pass them. */
#include "fuzz.h"

#include "date.h"
#include "describe.h"
#include "diag.h"
#include "dump.h"
#include "layout.h"
#include "render.h"
#include "style.h"
#include "summary.h"
#include "text.h"
#include "timeline.h"
#include "ydoc.h"

#include <stdlib.h>
#include <string.h>

#define STYLE_MARK "\n#style\n"
#define MAX_FUZZ_PAGE 2000.0
/* The text cache grows with every new string measured: a fresh context every so many
 * inputs keeps the fuzzer's memory flat without paying Pango's setup on each input. */
#define TEXT_CTX_REUSE 200

/* The career summary in every format: each must make a document, and --fail-on-gap's
 * messages must be well-formed (they go to a list of their own). */
static void summarise(const Timeline *timeline)
{
  SummaryOptions opts = SUMMARY_DEFAULT_OPTIONS;
  SummaryReport *report = summary_build(timeline, &opts);
  char *outs[] = {summary_format_text(report), summary_format_json(report),
                  summary_format_yaml(report)};
  for (size_t i = 0; i < G_N_ELEMENTS(outs); i++) {
    if (outs[i] == NULL)
      abort();
    g_free(outs[i]);
  }
  DiagList *gaps = diag_list_new();
  summary_check_gaps(report, &(SummaryThreshold){0, 0}, "fuzz.yaml", gaps);
  diag_list_free(gaps);
  summary_report_free(report);
}

static TextCtx *shared_text(void)
{
  static TextCtx *ctx;
  static unsigned uses;
  if (ctx != NULL && ++uses >= TEXT_CTX_REUSE) {
    text_ctx_free(ctx);
    ctx = NULL;
    uses = 0;
  }
  if (ctx == NULL)
    ctx = text_ctx_new();
  return ctx;
}

static Style *fuzz_style(const char *text, size_t len, DiagList *diags)
{
  Style *style = style_resolve(NULL, 0, NULL, 0, diags);
  if (style == NULL)
    abort(); /* the built-in default always resolves */
  if (text == NULL)
    return style;
  StyleLayer *layer = style_layer_parse("fuzz-style.yaml", text, len, diags);
  if (layer == NULL) {
    style_free(style);
    return NULL;
  }
  style_apply(style, layer);
  style_layer_free(layer);
  if (style->page.width > MAX_FUZZ_PAGE)
    style->page.width = MAX_FUZZ_PAGE;
  if (style->page.height > MAX_FUZZ_PAGE)
    style->page.height = MAX_FUZZ_PAGE;
  return style;
}

/* Renders @scene in every output format (the PDF path once failed on text SVG and PNG
 * drew: all of them must run). A large page is skipped and PNG is drawn at a quarter of
 * the pixels, with the CV's name as the PDF's title and author (as main passes it), so that one input cannot make the fuzzer slow. A refusal must say why. */
static void render_small(const LayoutScene *scene, TextCtx *text, const char *title)
{
  if (scene->width * scene->height > 4e6)
    return;
  for (guint i = 0; render_formats[i] != NULL; i++) {
    const RenderFormat *format = render_formats[i];
    RenderOptions ropts = {.format = format,
                           .scale = g_str_equal(format->name, "png") ? 0.5 : 1,
                           .title = title,
                           .author = title,
                           .creation_time = 946684800};
    GError *error = NULL;
    GBytes *bytes = render_scene(scene, text, &ropts, &error);
    if (bytes == NULL) {
      if (error == NULL || error->message == NULL)
        abort();
      g_error_free(error);
      continue;
    }
    g_bytes_unref(bytes);
  }
}

/* Reads the optional `#range` / `#only` first lines into @opts. Returns the strings to
 * free (a NULL-terminated vector for --only, or NULL). */
static char **command_line(const char *text, size_t len, TimelineOptions *opts)
{
  char **only = NULL;
  size_t pos = 0;
  while (pos < len && text[pos] == '#') {
    const char *nl = memchr(text + pos, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;
    char *line = g_strndup(text + pos, n);
    if (g_str_has_prefix(line, "#range ")) {
      char **parts = g_strsplit(line + 7, " ", 3);
      DateValue v;
      if (parts[0] && date_parse(parts[0], &v) && !v.present) {
        opts->has_from = TRUE;
        opts->from = v.first;
      }
      if (parts[0] && parts[1] && date_parse(parts[1], &v) && !v.present) {
        opts->has_to = TRUE;
        opts->to = v.last;
      }
      g_strfreev(parts);
    } else if (g_str_has_prefix(line, "#only ") && only == NULL) {
      only = g_strsplit(line + 6, ",", 16);
      opts->only = (const char *const *)only;
    }
    g_free(line);
    pos += n + 1;
  }
  return only;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fuzz_setup();
  const char *cv_text = (const char *)data;
  size_t cv_len = size;
  const char *style_text = NULL;
  size_t style_len = 0;
  const char *mark = memmem(data, size, STYLE_MARK, strlen(STYLE_MARK));
  if (mark != NULL) {
    cv_len = (size_t)(mark - cv_text) + 1;
    style_text = mark + strlen(STYLE_MARK);
    style_len = size - (size_t)(style_text - cv_text);
  }

  DiagList *diags = diag_list_new();
  ReaderSource *src = reader_source_new("fuzz.yaml", cv_text, cv_len);
  ReaderOptions opts = fuzz_reader_options(NULL);
  ModelCv *cv = reader_read(src, &opts, diags);
  Style *style = fuzz_style(style_text, style_len, diags);
  TimelineOptions topts = {0};
  char **only = command_line(cv_text, cv_len, &topts);
  if (cv != NULL && style != NULL && diag_error_count(diags) == 0) {
    GError *error = NULL;
    Timeline *timeline = timeline_build(cv, &topts, &error);
    if (timeline == NULL) {
      /* Only --from, --to and --only can make it fail, and then it must say why. */
      if (error == NULL || (topts.only == NULL && !topts.has_from && !topts.has_to))
        abort();
      g_error_free(error);
      goto done;
    }
    summarise(timeline);
    TextCtx *text = shared_text();
    LayoutScene *scene = layout_build(timeline, style, text, diags);
    if (scene != NULL) {
      char *yaml = dump_layout(scene);
      g_free(yaml);
      char *alt = describe_alt_text(scene);
      g_free(alt);
      render_small(scene, text, cv->name);
    } else if (diag_error_count(diags) == 0) {
      abort(); /* a failed layout must say why */
    }
    layout_scene_free(scene);
    timeline_free(timeline);
  }
done:
  g_strfreev(only);
  style_free(style);
  model_cv_free(cv);
  reader_source_free(src);
  diag_list_free(diags);
  return 0;
}
