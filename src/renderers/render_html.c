/* render_html: one self-contained page (doc/cli.md "HTML"): the chart inline as the
 * text-mode SVG with its fonts embedded and its dark scheme, the title, the career summary
 * (RenderOptions.summary, which main.c words), and a list of every entry and milestone
 * whose details (describe.c's words) show on hover and on keyboard focus, and which a
 * screen reader announces. Nothing is fetched: a Content-Security-Policy forbids every
 * resource but inline styles and data: fonts and images, and the page has no script. */
#include "render_private.h"

#include "describe.h"
#include "lang.h"
#include "svg_paint.h"
#include "svg_write.h"

#include <string.h>

typedef struct {
  RenderSink sink;
  gpointer closure;
  gboolean ok;
  gboolean in_prolog; /* dropping the SVG's XML declaration, which a page cannot hold */
} Page;

static void page_raw(Page *p, const char *s, gsize len)
{
  if (p->ok && len > 0)
    p->ok = p->sink(p->closure, (const guint8 *)s, len);
}

static void page_str(Page *p, const char *s)
{
  page_raw(p, s, strlen(s));
}

/* @text escaped for element content and quoted attributes alike. */
static void page_text(Page *p, const char *text)
{
  char *escaped = g_markup_escape_text(text != NULL ? text : "", -1);
  page_str(p, escaped);
  g_free(escaped);
}

static void page_printf(Page *p, const char *format, ...) G_GNUC_PRINTF(2, 3);
static void page_printf(Page *p, const char *format, ...)
{
  va_list args;
  va_start(args, format);
  char *s = g_strdup_vprintf(format, args);
  va_end(args);
  page_str(p, s);
  g_free(s);
}

/* The SVG writer's bytes, less its first line (`<?xml ...?>`). */
static gboolean svg_to_page(gpointer closure, const char *data, gsize len)
{
  Page *p = closure;
  if (p->in_prolog) {
    const char *nl = memchr(data, '\n', len);
    if (nl == NULL)
      return p->ok;
    p->in_prolog = FALSE;
    len -= (gsize)(nl + 1 - data);
    data = nl + 1;
  }
  page_raw(p, data, len);
  return p->ok;
}

/* A colour property from the scene's colours, written as the SVG's classes write them
 * (a transparent page shows the browser's own background). */
static void page_color(Page *p, const char *property, StyleColor c)
{
  g_autoptr(GString) css = g_string_new(NULL);
  svg_paint_append_color(css, property, c, FALSE);
  g_string_append_c(css, ';');
  page_raw(p, css->str, css->len);
}

static void page_scheme(Page *p, const LayoutScene *scene)
{
  page_str(p, "body{");
  page_color(p, "background", scene->background);
  page_color(p, "color", scene->ink);
  page_str(p, "}\n");
}

/* Hidden details stay in the accessibility tree (not display:none), so that
 * aria-describedby reads them; hover and focus bring them into view. */
static const char PAGE_CSS[] =
    /* Whole pixels down to the chart, so that it lies on the pixel grid as it does alone. */
    "body{margin:0;font:15px/22px \"DejaVu Sans\",system-ui,sans-serif}\n"
    "main{padding:16px 24px}\n"
    "h1{font-size:24px;line-height:30px;margin:0 0 8px}\n"
    "h2{font-size:18px;line-height:26px;margin:20px 0 8px}\n"
    "h3{font-size:15px;margin:14px 0 4px}\n"

    ".cvt-chart{margin:0;overflow-x:auto}\n"
    ".cvt-chart>svg{display:block}\n"
    ".cvt-summary{white-space:pre-wrap;font:inherit;margin:0}\n"
    ".cvt-items{list-style:none;margin:0;padding:0}\n"
    ".cvt-item{position:relative;padding:.2em .4em;border-radius:4px;outline-offset:1px}\n"
    ".cvt-item:hover,.cvt-item:focus{background:rgba(127,127,127,.15)}\n"
    ".cvt-item:focus{outline:2px solid currentColor}\n"
    ".cvt-details{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip-path:inset(50%);white-space:nowrap}\n"
    ".cvt-item:hover .cvt-details,.cvt-item:focus .cvt-details,"
    ".cvt-item:focus-within .cvt-details{position:static;width:auto;height:auto;"
    "overflow:visible;clip-path:none;white-space:normal;display:block;"
    "padding:.2em 0 .3em 1em;opacity:.85}\n";

static const char PAGE_CSP[] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                               "font-src data:; base-uri 'none'; form-action 'none'";

/* One item of the list: its name (the first line of @words), then the rest as its details,
 * line by line. */
static void page_item(Page *p, const char *id, const char *words)
{
  const char *nl = strchr(words, '\n');
  char *name = nl != NULL ? g_strndup(words, (gsize)(nl - words)) : g_strdup(words);
  page_printf(p,
              "<li class=\"cvt-item\" tabindex=\"0\" aria-describedby=\"%s\">"
              "<span class=\"cvt-name\">",
              id);
  page_text(p, name);
  page_printf(p, "</span><span class=\"cvt-details\" id=\"%s\">", id);
  if (nl != NULL) {
    char **lines = g_strsplit(nl + 1, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++) {
      if (i > 0)
        page_str(p, "<br/>");
      page_text(p, lines[i]);
    }
    g_strfreev(lines);
  }
  page_str(p, "</span></li>\n");
  g_free(name);
}

static void page_items(Page *p, const LayoutScene *scene)
{
  const Lang *lang = scene->lang;
  for (guint g = 0; g < scene->groups->len; g++) {
    const LayoutGroup *group = &g_array_index(scene->groups, LayoutGroup, g);
    if (group->n_entries == 0)
      continue;
    page_str(p, "<h3>");
    page_text(p, group->name);
    page_str(p, "</h3>\n<ul class=\"cvt-items\">\n");
    for (guint i = 0; i < group->n_entries; i++) {
      char *words = describe_entry(lang, layout_group_entry(scene, group, i));
      char *id = g_strdup_printf("cvt-e%u", group->first_entry + i);
      page_item(p, id, words);
      g_free(id);
      g_free(words);
    }
    page_str(p, "</ul>\n");
  }
  if (scene->milestones->len == 0)
    return;
  page_str(p, "<h3>");
  page_text(p, lang_word(lang, LANG_MILESTONES));
  page_str(p, "</h3>\n<ul class=\"cvt-items\">\n");
  for (guint i = 0; i < scene->milestones->len; i++) {
    char *words = describe_milestone(lang, &g_array_index(scene->milestones, LayoutMilestone, i));
    char *id = g_strdup_printf("cvt-m%u", i);
    page_item(p, id, words);
    g_free(id);
    g_free(words);
  }
  page_str(p, "</ul>\n");
}

static gboolean render_html_write(const LayoutScene *scene, TextCtx *text,
                                  const RenderOptions *opts, RenderSink sink, gpointer closure,
                                  GError **error)
{
  Page p = {sink, closure, TRUE, FALSE};
  const char *title = opts->title != NULL && opts->title[0] != '\0'
                          ? opts->title
                          : lang_word(scene->lang, LANG_TIMELINE);
  page_str(&p, "<!DOCTYPE html>\n<html lang=\"");
  page_text(&p, lang_code(scene->lang));
  page_str(&p, "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
               "<meta http-equiv=\"Content-Security-Policy\" content=\"");
  page_str(&p, PAGE_CSP);
  page_str(&p, "\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
  if (opts->svg_dark != NULL)
    page_str(&p, "<meta name=\"color-scheme\" content=\"light dark\"/>\n");
  page_str(&p, "<title>");
  page_text(&p, title);
  page_str(&p, "</title>\n<style>\n");
  page_str(&p, PAGE_CSS);
  page_scheme(&p, scene);
  if (opts->svg_dark != NULL) {
    page_str(&p, "@media (prefers-color-scheme:dark){\n");
    page_scheme(&p, opts->svg_dark);
    page_str(&p, "}\n");
  }
  page_str(&p, "</style>\n</head>\n<body>\n<main>\n<h1>");
  page_text(&p, title);
  page_str(&p, "</h1>\n");
  page_str(&p, "<figure class=\"cvt-chart\">\n");
  char *desc = describe_alt_text(scene);
  SvgOptions svg = {
      .title = opts->title,
      .desc = desc,
      .scale = render_scale(opts),
      .text = SVG_TEXT_TEXT,
      .dark = opts->svg_dark,
  };
  p.in_prolog = TRUE;
  if (p.ok && !svg_write_scene(scene, text, &svg, svg_to_page, &p))
    p.ok = FALSE;
  p.in_prolog = FALSE;
  g_free(desc);
  page_str(&p, "</figure>\n");
  if (opts->summary != NULL && opts->summary[0] != '\0') {
    page_str(&p, "<section class=\"cvt-summary-part\" aria-labelledby=\"cvt-summary-h\">\n"
                 "<h2 id=\"cvt-summary-h\">");
    /* The summary's first line is its heading ("NAME: career summary"). */
    const char *nl = strchr(opts->summary, '\n');
    char *head = nl != NULL ? g_strndup(opts->summary, (gsize)(nl - opts->summary))
                            : g_strdup(opts->summary);
    page_text(&p, head);
    g_free(head);
    page_str(&p, "</h2>\n<pre class=\"cvt-summary\">");
    page_text(&p, nl != NULL ? nl + 1 : "");
    page_str(&p, "</pre>\n</section>\n");
  }
  page_str(&p,
           "<section class=\"cvt-list\" aria-labelledby=\"cvt-list-h\">\n<h2 id=\"cvt-list-h\">");
  page_text(&p, lang_word(scene->lang, LANG_TIMELINE));
  page_str(&p, "</h2>\n");
  page_items(&p, scene);
  page_str(&p, "</section>\n</main>\n</body>\n</html>\n");
  if (!p.ok)
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                "could not write the HTML page: the output stopped");
  return p.ok;
}

static const char *const render_html_extensions[] = {"html", "htm", NULL};

const RenderFormat render_format_html = {
    .name = "html",
    .extensions = render_html_extensions,
    .description = "one self-contained page: the chart, the career summary, each entry's "
                   "details on hover and focus; follows dark mode",
    .check = NULL,
    .write = render_html_write,
    .wants = RENDER_WANTS_DARK | RENDER_WANTS_DARK_BY_DEFAULT | RENDER_WANTS_SUMMARY,
};
