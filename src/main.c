/* cvtimeline: the command line (doc/cli.md). Parses options, wires the pipeline
 * reader -> style -> timeline -> layout -> render -> output, maps results to exit
 * codes, and re-runs it under --watch. The only place that prints, exits or reads the clock. */
#include "config.h"

#include "date.h"
#include "describe.h"
#include "diag.h"
#include "dump.h"
#include "embed.h"
#include "layout.h"
#include "output.h"
#include "reader.h"
#include "render.h"
#include "starter.h"
#include "strutil.h"
#include "style.h"
#include "summary.h"
#include "sysio.h"
#include "text.h"
#include "timeline.h"
#include "ydoc.h"

#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum {
  EXIT_DONE = 0,
  EXIT_INPUT = 1,  /* the CV or a style is wrong */
  EXIT_USAGE = 2,  /* the command line is wrong */
  EXIT_OUTPUT = 3, /* the output could not be written */
};

#define MAX_SCALE 16.0
#define MAX_SIZE 1e6 /* -W/-H beyond this are typing mistakes, and would overflow layout */
#define WATCH_INTERVAL_US 300000
#define MAX_WAIT_S 86400.0 /* CVTIMELINE_PIPE_TIMEOUT: a day */
#define DEFAULT_PDF_EPOCH G_GINT64_CONSTANT(946684800) /* 2000-01-01T00:00:00Z */

/* What GOption fills in. Strings are read as FILENAME so that GOption does not convert
 * them from the locale's charset (main never calls setlocale: output must not depend on
 * the locale, and Pango would pick fonts by it); UTF-8 is checked where it matters. */
typedef struct {
  char *output, *format, *width, *height, *scale, *from, *to, *today, *input_format, *lang;
  char **styles, **sets, **only, **rest, **milestones;
  gboolean check, dump_layout, list_styles, no_merge_roles, watch, alt_text, strict, quiet, version;
  gboolean transparent;
  gboolean summary; /* --summary, with its format in summary_format (NULL: text) */
  char *summary_format, *gap, *fail_on_gap;
  char *svg_text, *svg_dark; /* --svg-text, --svg-dark ("dark" when given without a value) */
  char *new_name, *print_schema, *print_keys; /* --new, --print-schema, --print-keys */
} Args;

typedef enum { SUMMARY_TEXT, SUMMARY_JSON, SUMMARY_YAML } SummaryFormat;

/* --summary, --gap, --fail-on-gap, validated. */
typedef struct {
  SummaryOptions opts;
  SummaryFormat format;
  gboolean fail_on_gap;
  SummaryThreshold fail_gap;
} SummaryConfig;

/* The validated command line. */
typedef struct {
  const Args *args;
  const char *cv_path; /* the first input: the default output's name */
  GPtrArray *inputs;   /* of const char*, borrowed from args: the CV files, then --milestones */
  guint n_cv_inputs;   /* the first this many are CV files; the rest --milestones files */
  char *output;         /* NULL when nothing is written (--check, --dump-layout, ...) */
  RenderOptions render; /* title/author filled in per run */
  GPtrArray *sets;      /* of char*: -W/-H first, then --set */
  ReaderOptions reader; /* clock_today filled in per run */
  TimelineOptions timeline;
  char **only; /* NULL-terminated, split at commas */
  SummaryConfig summary;
} Config;

/* --- Messages --- */

static int usage_error(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
static int usage_error(const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  char *text = g_strdup_vprintf(fmt, args);
  va_end(args);
  char *escaped = diag_escape(text);
  fprintf(stderr, "cvtimeline: error: %s\nTry 'cvtimeline --help' for more information.\n",
          escaped);
  g_free(escaped);
  g_free(text);
  return EXIT_USAGE;
}

/* --- Output formats, as render's table lists them --- */

/* The formats' names or extensions joined: "svg, png or pdf", "svg|png|pdf",
 * ".svg, .png, .pdf" (@prefix before each, @sep between, @last before the last; NULL: @sep),
 * upper-cased when @upper. Returns a new string. */
static char *format_list(gboolean extensions, const char *prefix, const char *sep,
                         const char *last, gboolean upper)
{
  GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; render_formats[i] != NULL; i++) {
    const char *const name[] = {render_formats[i]->name, NULL};
    for (const char *const *w = extensions ? render_formats[i]->extensions : name; *w; w++) {
      g_autofree char *up = upper ? g_ascii_strup(*w, -1) : NULL;
      g_ptr_array_add(words, g_strconcat(prefix, up ? up : *w, NULL));
    }
  }
  char *out = strutil_join((const char *const *)words->pdata, words->len, sep, last);
  g_ptr_array_unref(words);
  return out;
}

/* "svg, png or pdf", for messages. */
static char *format_names(void)
{
  return format_list(FALSE, "", ", ", " or ", FALSE);
}

/* The help texts that name the formats, built once from the table. */
typedef struct {
  char *output, *format_arg, *input_arg, *summary, *description;
  char *lang, *lang_arg; /* --lang's help and its values, the catalogs' codes */
} FormatHelp;

static FormatHelp format_help_new(void)
{
  g_autofree char *codes = lang_codes();
  g_auto(GStrv) code_list = g_strsplit(codes, ", ", -1);
  char *exts = format_list(TRUE, ".", ", ", NULL, FALSE);
  char *upper = format_list(FALSE, "", ", ", " or ", TRUE);
  FormatHelp h = {
      .output = g_strdup_printf("Where to write; the format follows the extension (%s); - is "
                                "standard output. Default: the CV's name with .%s",
                                exts, render_formats[0]->extensions[0]),
      .format_arg = format_list(FALSE, "", "|", NULL, FALSE),
      .input_arg = reader_format_names("|", "|"),
      .lang = g_strdup("The chart's language (its words, month names, 'today'), over the CV's own"),
      .lang_arg = g_strjoinv("|", code_list),
      .summary = g_strdup_printf("Draw a career timeline from a CV (in one of the input "
                                 "formats below) as %s. Several files (a CV and a .bib, a "
                                 "LinkedIn export's CSV files) make one chart; a folder or "
                                 ".zip is a LinkedIn data export. '-' reads standard input.",
                                 upper),
  };
  GString *desc = g_string_new("Input formats (--input-format), detected from the content:\n");
  for (guint i = 0; i < reader_formats_count; i++)
    g_string_append_printf(desc, "  %-12s%s\n", reader_formats[i]->name,
                           reader_formats[i]->description);
  g_string_append(desc, "\nOutput formats:\n");
  for (guint i = 0; render_formats[i] != NULL; i++)
    g_string_append_printf(desc, "  %-12s%s\n", render_formats[i]->name,
                           render_formats[i]->description);
  g_string_append(desc, "\nExit status: 0 done; 1 the CV or a style is wrong; 2 the command "
                        "line is wrong;\n3 the output could not be written.\n");
  h.description = g_string_free(desc, FALSE);
  g_free(exts);
  g_free(upper);
  return h;
}

static void format_help_clear(FormatHelp *h)
{
  g_free(h->output);
  g_free(h->format_arg);
  g_free(h->input_arg);
  g_free(h->lang);
  g_free(h->lang_arg);
  g_free(h->summary);
  g_free(h->description);
}

/* --- Options --- */

/* --summary[=FORMAT]: GOption gives no value for a bare --summary. */
static gboolean take_summary(const char *name, const char *value, gpointer data, GError **error)
{
  (void)name;
  (void)error;
  Args *a = data;
  a->summary = TRUE;
  g_free(a->summary_format);
  a->summary_format = g_strdup(value);
  return TRUE;
}

static gboolean take_svg_dark(const char *name, const char *value, gpointer data,
                              GError **error)
{
  (void)name;
  (void)error;
  Args *a = data;
  g_free(a->svg_dark);
  a->svg_dark = g_strdup(value ? value : "dark");
  return TRUE;
}

static GOptionContext *option_context(Args *a, const FormatHelp *help)
{
  const GOptionEntry entries[] = {
      {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a->output, help->output, "FILE"},
      {"format", 'f', 0, G_OPTION_ARG_FILENAME, &a->format,
       "Output format, winning over the extension", help->format_arg},
      {"style", 's', 0, G_OPTION_ARG_FILENAME_ARRAY, &a->styles,
       "A built-in style or a style file; repeatable, later ones win", "NAME|FILE"},
      {"set", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->sets,
       "Override one style property, e.g. bar.height=30; repeatable, applied last", "KEY=VALUE"},
      {"width", 'W', 0, G_OPTION_ARG_FILENAME, &a->width,
       "Chart width in px (pt for PDF); same as --set page.width=N", "N"},
      {"height", 'H', 0, G_OPTION_ARG_FILENAME, &a->height,
       "Chart height; the chart is fitted into it", "N"},
      {"scale", 0, 0, G_OPTION_ARG_FILENAME, &a->scale,
       "Pixel density of PNG output (e.g. 2 for high-DPI screens), at most 16; SVG and PDF "
       "are drawn N times larger",
       "N"},
      {"transparent", 0, 0, G_OPTION_ARG_NONE, &a->transparent,
       "No page background (same as --set page.background=transparent)", NULL},
      {"svg-text", 0, 0, G_OPTION_ARG_FILENAME, &a->svg_text,
       "SVG labels as glyph outlines, alike in every viewer (paths, the default), or as real "
       "text with the fonts embedded (text); same as --set svg.text=...",
       "paths|text"},
      {"svg-dark", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer)take_svg_dark,
       "The SVG follows the reader's dark mode with this style's colours (the built-in dark "
       "when no STYLE is given; none: off); same as --set svg.dark=STYLE",
       "STYLE"},
      {"from", 0, 0, G_OPTION_ARG_FILENAME, &a->from, "Start of the visible range", "DATE"},
      {"to", 0, 0, G_OPTION_ARG_FILENAME, &a->to, "End of the visible range", "DATE"},
      {"today", 0, 0, G_OPTION_ARG_FILENAME, &a->today,
       "The date that 'present' means, for reproducible output", "DATE"},
      {"only", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->only,
       "Draw only these groups (jobs, education, visiting, milestones, or a custom group)",
       "GROUP[,GROUP...]"},
      {"input-format", 0, 0, G_OPTION_ARG_FILENAME, &a->input_format,
       "Skip detection of the CV's format", help->input_arg},
      {"milestones", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->milestones,
       "Add the milestones of this file (a BibTeX file's publications); repeatable", "FILE"},
      {"lang", 0, 0, G_OPTION_ARG_FILENAME, &a->lang, help->lang, help->lang_arg},
      {"check", 0, 0, G_OPTION_ARG_NONE, &a->check,
       "Read and validate the CV and the styles, report, write nothing", NULL},
      {"dump-layout", 0, 0, G_OPTION_ARG_NONE, &a->dump_layout,
       "Print the computed layout as YAML on standard output; write no file", NULL},
      {"list-styles", 0, 0, G_OPTION_ARG_NONE, &a->list_styles,
       "List the built-in styles with a description each", NULL},
      {"new", 0, 0, G_OPTION_ARG_FILENAME, &a->new_name,
       "Print a commented starter CV for NAME on standard output, e.g. --new 'Ada Example' "
       "> cv.yaml",
       "NAME"},
      {"print-schema", 0, 0, G_OPTION_ARG_FILENAME, &a->print_schema,
       "Print the JSON Schema of CV files or of style files (for editors), or of --summary=json",
       "cv|style|summary"},
      {"print-keys", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &a->print_keys,
       "Print the keys the CV or style reader accepts (for the schema test)", "cv|style"},
      {"no-merge-roles", 0, 0, G_OPTION_ARG_NONE, &a->no_merge_roles,
       "Imported formats: keep consecutive entries at one organisation apart", NULL},
      {"watch", 0, 0, G_OPTION_ARG_NONE, &a->watch,
       "Keep running; re-render when the CV or a style file changes", NULL},
      {"alt-text", 0, 0, G_OPTION_ARG_NONE, &a->alt_text,
       "Print a plain-text summary of the chart on standard output; write a file only with -o",
       NULL},
      {"summary", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer)take_summary,
       "Print the career summary (merged totals, time per organisation, overlaps, gaps) on "
       "standard output, as text, json or yaml (--summary=json); write a chart only with -o",
       "FORMAT"},
      {"gap", 0, 0, G_OPTION_ARG_FILENAME, &a->gap,
       "The summary lists gaps longer than this, and the chart marks them where the style shows "
       "gaps (same as --set gaps.min=DURATION; units d, w, m, y). Default: 6m",
       "DURATION"},
      {"fail-on-gap", 0, 0, G_OPTION_ARG_FILENAME, &a->fail_on_gap,
       "Exit 1, naming each, when the CV has a gap longer than this (e.g. with --check in CI)",
       "DURATION"},
      {"strict", 0, 0, G_OPTION_ARG_NONE, &a->strict, "Warnings are errors", NULL},
      {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a->quiet, "No warnings", NULL},
      {"version", 'V', 0, G_OPTION_ARG_NONE, &a->version, "Print the version and exit", NULL},
      {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->rest, NULL, NULL},
      {NULL, 0, 0, 0, NULL, NULL, NULL},
  };
  GOptionContext *ctx = g_option_context_new("CV-FILE...");
  g_option_context_set_summary(ctx, help->summary);
  g_option_context_set_description(ctx, help->description);
  /* The main group carries @a, for the callback of --summary's optional value. */
  GOptionGroup *group = g_option_group_new(NULL, NULL, NULL, a, NULL);
  g_option_group_add_entries(group, entries);
  g_option_context_set_main_group(ctx, group);
  return ctx;
}

static void args_clear(Args *a)
{
  g_free(a->output);
  g_free(a->format);
  g_free(a->width);
  g_free(a->height);
  g_free(a->scale);
  g_free(a->from);
  g_free(a->to);
  g_free(a->today);
  g_free(a->input_format);
  g_free(a->lang);
  g_free(a->summary_format);
  g_free(a->gap);
  g_free(a->fail_on_gap);
  g_free(a->svg_text);
  g_free(a->svg_dark);
  g_free(a->new_name);
  g_free(a->print_schema);
  g_free(a->print_keys);
  g_strfreev(a->styles);
  g_strfreev(a->sets);
  g_strfreev(a->only);
  g_strfreev(a->rest);
  g_strfreev(a->milestones);
}

/* A number for -W, -H or --scale: strutil_parse_number's plain decimal (no hex, inf or
 * nan, the whole text), in (0, @max]. Below DBL_MIN the value is subnormal, which
 * strtod reports as an underflow: refused like zero. */
static gboolean parse_positive(const char *text, double max, double *out)
{
  double v;
  if (!strutil_parse_number(text, &v) || v < DBL_MIN || v > max)
    return FALSE;
  *out = v;
  return TRUE;
}

/* The style module knows the valid range of page.width and page.height; asking it here
 * makes a -W the style refuses a command-line error (exit 2) that names the option. */
static int check_size_with_style(const char *option, const char *text, const char *set)
{
  DiagList *diags = diag_list_new();
  Style *style = style_resolve(NULL, 0, &set, 1, diags);
  int code = EXIT_DONE;
  if (style == NULL && diag_len(diags) > 0)
    code = usage_error("%s %s: %s", option, text, diag_get(diags, 0)->text);
  else if (style == NULL)
    code = usage_error("%s: '%s' is not a valid size", option, text);
  style_free(style);
  diag_list_free(diags);
  return code;
}

/* -W and -H become --set page.width= / page.height=, before the user's --set values. */
static int add_size_set(Config *cfg, const char *option, const char *text, const char *key)
{
  double v;
  if (text == NULL)
    return EXIT_DONE;
  if (!parse_positive(text, MAX_SIZE, &v))
    return usage_error("%s: expected a positive number, got '%s'", option, text);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *set = g_strdup_printf("%s=%s", key, g_ascii_dtostr(buf, sizeof buf, v));
  int code = check_size_with_style(option, text, set);
  g_ptr_array_add(cfg->sets, set);
  return code;
}

static int collect_sets(Config *cfg)
{
  const Args *a = cfg->args;
  int code = add_size_set(cfg, "--width", a->width, "page.width");
  if (code == EXIT_DONE)
    code = add_size_set(cfg, "--height", a->height, "page.height");
  /* --gap chooses the gaps the chart marks (gaps.min) as well as those the summary lists,
   * as -W sets page.width; a wrong one is left to collect_summary, which names it. */
  if (a->gap && summary_parse_threshold(a->gap, &(SummaryThreshold){0}))
    g_ptr_array_add(cfg->sets, g_strdup_printf("gaps.min=%s", a->gap));
  /* Before the user's --set values, which are applied last and so can still win. */
  if (a->transparent)
    g_ptr_array_add(cfg->sets, g_strdup("page.background=transparent"));
  SvgTextMode mode;
  if (code == EXIT_DONE && a->svg_text != NULL) {
    if (!svg_text_mode_parse(a->svg_text, &mode))
      return usage_error("--svg-text: expected paths or text, got '%s'", a->svg_text);
    g_ptr_array_add(cfg->sets, g_strdup_printf("svg.text=%s", svg_text_mode_name(mode)));
  }
  if (code == EXIT_DONE && a->svg_dark != NULL) {
    if (a->svg_dark[0] == '\0' || !g_utf8_validate(a->svg_dark, -1, NULL))
      return usage_error("--svg-dark: expected a style name or file, got '%s'", a->svg_dark);
    /* Quoted, so that a file name YAML would read otherwise ("a: b.yaml", "no") stays it. */
    GString *set = g_string_new("svg.dark=\"");
    for (const char *p = a->svg_dark; *p; p++) {
      if (*p == '"' || *p == '\\')
        g_string_append_c(set, '\\');
      g_string_append_c(set, *p);
    }
    g_string_append_c(set, '"');
    g_ptr_array_add(cfg->sets, g_string_free(set, FALSE));
  }
  for (char **s = a->sets; code == EXIT_DONE && s && *s; s++) {
    const char *eq = strchr(*s, '=');
    if (eq == NULL || eq == *s)
      return usage_error("--set: expected KEY=VALUE, e.g. --set bar.height=30, got '%s'", *s);
    if (!g_utf8_validate(*s, -1, NULL))
      return usage_error("--set: '%s' is not valid UTF-8", *s);
    g_ptr_array_add(cfg->sets, g_strdup(*s));
  }
  return code;
}

/* --from, --to, --today: a date of the CV format (in --lang's words, then English's),
 * not `present`. A month or year given to --today means its last day, as the CV's own
 * `today:` does, so that moving the date from the file to the command line changes
 * nothing. */
static int parse_date_option(const char *option, const char *text, const Lang *lang,
                             DateValue *out)
{
  if (!date_parse_in(text, lang, out) || out->present)
    return usage_error("%s: unparsable date '%s' (%s)", option, text,
                       out->present ? "give a calendar date" : DATE_FORMS_HINT);
  return EXIT_DONE;
}

static int collect_dates(Config *cfg)
{
  const Args *a = cfg->args;
  DateValue v;
  int code = EXIT_DONE;
  if (a->today && (code = parse_date_option("--today", a->today, cfg->reader.lang, &v)) == EXIT_DONE) {
    cfg->reader.has_today = TRUE;
    cfg->reader.today = v.last;
  }
  if (code == EXIT_DONE && a->from && (code = parse_date_option("--from", a->from, cfg->reader.lang, &v)) == 0) {
    cfg->timeline.has_from = TRUE;
    cfg->timeline.from = v.first;
  }
  if (code == EXIT_DONE && a->to && (code = parse_date_option("--to", a->to, cfg->reader.lang, &v)) == 0) {
    cfg->timeline.has_to = TRUE;
    cfg->timeline.to = v.last;
  }
  if (code == EXIT_DONE && cfg->timeline.has_from && cfg->timeline.has_to &&
      cfg->timeline.from > cfg->timeline.to)
    code = usage_error("--from %s is after --to %s", a->from, a->to);
  return code;
}

/* --only a,b --only c: one NULL-terminated list of group keys. */
static int collect_only(Config *cfg)
{
  if (cfg->args->only == NULL)
    return EXIT_DONE;
  GPtrArray *keys = g_ptr_array_new();
  for (char **o = cfg->args->only; *o; o++) {
    /* `--only ''` splits into nothing, and would draw an empty chart: read it as one
     * empty name, which is refused below. */
    char **parts = **o ? g_strsplit(*o, ",", -1) : g_strdupv((char *[]){(char *)"", NULL});
    for (char **p = parts; *p; p++) {
      char *key = g_strstrip(g_strdup(*p));
      if (key[0] == '\0' || !g_utf8_validate(key, -1, NULL)) {
        g_free(key);
        g_strfreev(parts);
        g_ptr_array_free(keys, TRUE);
        return usage_error("--only: expected a comma-separated list of group names, got '%s'", *o);
      }
      g_ptr_array_add(keys, key);
    }
    g_strfreev(parts);
  }
  g_ptr_array_add(keys, NULL);
  cfg->only = (char **)g_ptr_array_free(keys, FALSE);
  cfg->timeline.only = (const char *const *)cfg->only;
  return EXIT_DONE;
}

/* --summary's format, --gap and --fail-on-gap. */
static int collect_summary(Config *cfg)
{
  const Args *a = cfg->args;
  SummaryConfig *sc = &cfg->summary;
  sc->opts = SUMMARY_DEFAULT_OPTIONS;
  const char *f = a->summary_format;
  if (f == NULL || g_str_equal(f, "text"))
    sc->format = SUMMARY_TEXT;
  else if (g_str_equal(f, "json"))
    sc->format = SUMMARY_JSON;
  else if (g_str_equal(f, "yaml"))
    sc->format = SUMMARY_YAML;
  else
    return usage_error("--summary: unknown format '%s' (expected text, json or yaml)", f);
  if (a->summary && a->output && g_str_equal(a->output, "-"))
    return usage_error("--summary prints on standard output; give -o a file name");
  if (a->gap && !summary_parse_threshold(a->gap, &sc->opts.gap))
    return usage_error("--gap: '%s': %s", a->gap, SUMMARY_THRESHOLD_HINT);
  sc->fail_on_gap = a->fail_on_gap != NULL;
  if (a->fail_on_gap && !summary_parse_threshold(a->fail_on_gap, &sc->fail_gap))
    return usage_error("--fail-on-gap: '%s': %s", a->fail_on_gap, SUMMARY_THRESHOLD_HINT);
  return EXIT_DONE;
}

/* The CV's name with its extension replaced by that of @format ("cv.yaml" -> "cv.svg"). */
static char *default_output(const char *cv_path, const RenderFormat *format)
{
  /* A folder "export/" writes export.svg beside it, not inside. */
  g_autofree char *trimmed = g_strdup(cv_path);
  for (gsize n = strlen(trimmed); n > 1 && trimmed[n - 1] == '/'; n--)
    trimmed[n - 1] = '\0';
  cv_path = trimmed;
  char *dir = g_path_get_dirname(cv_path);
  char *base = g_path_get_basename(cv_path);
  char *dot = strrchr(base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  char *name = g_strdup_printf("%s.%s", base, format->extensions[0]);
  char *path = g_str_equal(dir, ".") && !g_str_has_prefix(cv_path, "./")
                   ? g_strdup(name)
                   : g_build_filename(dir, name, NULL);
  g_free(name);
  g_free(base);
  g_free(dir);
  return path;
}

/* TRUE when @a and @b name one existing file. */
static gboolean same_file(const char *a, const char *b)
{
  struct stat sa, sb;
  return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* --check and --dump-layout never write a file; --alt-text and --summary only when -o
 * asks for one too (a chart and its alt text from one run). */
static gboolean writes_file(const Args *a)
{
  return !a->check && !a->dump_layout && ((!a->alt_text && !a->summary) || a->output != NULL);
}

/* The output path and format: --format wins over the extension. */
static int choose_output(Config *cfg)
{
  const Args *a = cfg->args;
  gboolean has_format = a->format != NULL;
  if (has_format && (cfg->render.format = render_format_find(a->format)) == NULL) {
    char *names = format_names();
    int code = usage_error("--format: unknown format '%s' (expected %s)", a->format, names);
    g_free(names);
    return code;
  }
  if (!writes_file(a))
    return EXIT_DONE;
  if (a->output == NULL) {
    if (g_str_equal(cfg->cv_path, "-"))
      return usage_error("reading the CV from standard input: give -o FILE (or -o - with "
                         "--format)");
    cfg->output = default_output(cfg->cv_path, cfg->render.format);
  } else if (g_str_equal(a->output, "-")) {
    if (!has_format) {
      char *names = format_names();
      int code = usage_error("-o -: give --format %s", names);
      g_free(names);
      return code;
    }
    if (a->alt_text)
      return usage_error("--alt-text prints on standard output; give -o a file name");
    cfg->output = g_strdup("-");
  } else {
    const char *dot = strrchr(a->output, '.');
    const char *slash = strrchr(a->output, '/');
    const RenderFormat *ext = dot != NULL && (slash == NULL || dot > slash)
                                  ? render_format_for_extension(dot + 1)
                                  : NULL;
    if (ext != NULL && !has_format)
      cfg->render.format = ext;
    if (!has_format && ext == NULL) {
      char *exts = format_list(TRUE, ".", ", ", " or ", FALSE);
      int code = usage_error("-o %s: cannot tell the format from the extension; use %s, or give "
                             "--format",
                             a->output, exts);
      g_free(exts);
      return code;
    }
    cfg->output = g_strdup(a->output);
  }
  for (guint i = 0; i < cfg->inputs->len; i++) {
    const char *input = g_ptr_array_index(cfg->inputs, i);
    if (!g_str_equal(cfg->output, "-") && same_file(cfg->output, input))
      return usage_error("the output '%s' is the CV file itself; give another -o", cfg->output);
  }
  return EXIT_DONE;
}

/* SOURCE_DATE_EPOCH (reproducible-builds.org) if set and valid, else a fixed date: the
 * PDF's creation date must not make two runs differ. */
static gint64 pdf_creation_time(void)
{
  const char *env = g_getenv("SOURCE_DATE_EPOCH");
  gint64 v;
  if (env != NULL &&
      g_ascii_string_to_signed(env, 10, 0, G_GINT64_CONSTANT(253402300799), &v, NULL))
    return v;
  return DEFAULT_PDF_EPOCH;
}

/* CVTIMELINE_PIPE_TIMEOUT: how long to wait for a FIFO's or pipe's other end, in
 * seconds (default 10; 0 gives up at once). */
static int configure_wait(void)
{
  const char *env = g_getenv("CVTIMELINE_PIPE_TIMEOUT");
  double v;
  if (env == NULL)
    return EXIT_DONE;
  if (!strutil_parse_number(env, &v) || !(v >= 0) || v > MAX_WAIT_S)
    return usage_error("CVTIMELINE_PIPE_TIMEOUT: expected seconds from 0 to %g, got '%s'",
                       MAX_WAIT_S, env);
  sysio_set_wait_limit((guint)ceil(v * 1000));
  return EXIT_DONE;
}

/* The inputs: each at most once ("-" too), and no standard input under --watch. */
static int check_inputs(const Config *cfg)
{
  for (guint i = 0; i < cfg->inputs->len; i++) {
    const char *input = g_ptr_array_index(cfg->inputs, i);
    if (cfg->args->watch && g_str_equal(input, "-"))
      return usage_error("--watch needs a CV file, not standard input");
    for (guint j = 0; j < i; j++) {
      const char *earlier = g_ptr_array_index(cfg->inputs, j);
      if (g_str_equal(input, earlier) || same_file(input, earlier))
        return usage_error("'%s' is given twice", input);
    }
  }
  return EXIT_DONE;
}

static int configure(Config *cfg, const Args *a)
{
  cfg->args = a;
  cfg->sets = g_ptr_array_new_with_free_func(g_free);
  cfg->reader = READER_DEFAULT_OPTIONS;
  cfg->reader.merge_roles = !a->no_merge_roles;
  cfg->render =
      (RenderOptions){.format = render_formats[0], .scale = 1, .creation_time = pdf_creation_time()};
  guint n_rest = a->rest ? g_strv_length(a->rest) : 0;
  if (n_rest == 0)
    return usage_error("no CV file given");
  cfg->cv_path = a->rest[0];
  cfg->inputs = g_ptr_array_new();
  for (char **f = a->rest; *f; f++)
    g_ptr_array_add(cfg->inputs, *f);
  cfg->n_cv_inputs = cfg->inputs->len;
  for (char **f = a->milestones; f && *f; f++)
    g_ptr_array_add(cfg->inputs, *f);
  int code = check_inputs(cfg);
  if (code != EXIT_DONE)
    return code;
  if (a->scale && !parse_positive(a->scale, MAX_SCALE, &cfg->render.scale))
    return usage_error("--scale: expected a number greater than 0 and at most %g, got '%s'",
                       MAX_SCALE, a->scale);
  if (a->input_format && (cfg->reader.format = reader_format_find(a->input_format)) == NULL) {
    g_autofree char *names = reader_format_names(", ", " or ");
    return usage_error("--input-format: unknown format '%s' (expected %s)", a->input_format, names);
  }
  if (a->lang && (cfg->reader.lang = lang_find(a->lang)) == NULL) {
    g_autofree char *codes = lang_codes();
    return usage_error("--lang: unknown language '%s' (expected one of %s)", a->lang, codes);
  }
  code = configure_wait();
  if (code == EXIT_DONE)
    code = collect_sets(cfg);
  if (code == EXIT_DONE)
    code = collect_dates(cfg);
  if (code == EXIT_DONE)
    code = collect_only(cfg);
  if (code == EXIT_DONE)
    code = collect_summary(cfg);
  if (code == EXIT_DONE)
    code = choose_output(cfg);
  return code;
}

static void config_clear(Config *cfg)
{
  if (cfg->inputs)
    g_ptr_array_unref(cfg->inputs);
  g_free(cfg->output);
  if (cfg->sets)
    g_ptr_array_unref(cfg->sets);
  g_strfreev(cfg->only);
}

/* --- One run of the pipeline --- */

/* Everything one run makes; freed together. */
typedef struct {
  GPtrArray *sources; /* of ReaderSource*, owned: one per input */
  GPtrArray *read;    /* of char*, owned: every file read (folder members, `from:` files) */
  ModelCv *cv;
  Style *style;
  Timeline *timeline;
  LayoutScene *scene;
  Style *dark_style;       /* the SVG's dark scheme: the style named by svg.dark, or NULL */
  LayoutScene *dark_scene; /* the chart in that style's colours, or NULL */
  SummaryReport *summary;  /* with --gap's options, built on first need (run_summary) */
} Run;

static void run_clear(Run *r)
{
  layout_scene_free(r->dark_scene);
  summary_report_free(r->summary);
  style_free(r->dark_style);
  layout_scene_free(r->scene);
  timeline_free(r->timeline);
  style_free(r->style);
  model_cv_free(r->cv);
  if (r->sources)
    g_ptr_array_unref(r->sources);
  if (r->read)
    g_ptr_array_unref(r->read);
}

/* The career summary of the run's timeline with --gap's options: built once, for
 * --summary, --fail-on-gap and the HTML page alike. */
static const SummaryReport *run_summary(const Config *cfg, Run *r)
{
  if (r->summary == NULL)
    r->summary = summary_build(r->timeline, &cfg->summary.opts);
  return r->summary;
}

/* Today in the local time zone: the one place that reads the clock. */
static DateDay clock_today(void)
{
  GDateTime *now = g_date_time_new_now_local();
  DateDay day = date_from_ymd(g_date_time_get_year(now), g_date_time_get_month(now),
                              g_date_time_get_day_of_month(now));
  g_date_time_unref(now);
  return day;
}

/* Reads the file @path into a new source (ReaderLoadFunc): for folder members and the
 * files a CV names. Notes the path in the run's list, for --watch. */
static ReaderSource *load_file(const char *path, gpointer data, GError **error)
{
  Run *r = data;
  g_ptr_array_add(r->read, g_strdup(path));
  if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "is a directory");
    return NULL;
  }
  DiagList *diags = diag_list_new();
  gsize len = 0;
  char *bytes = ydoc_read_file(path, YDOC_MAX_BYTES, &len, diags);
  if (bytes == NULL)
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s",
                diag_len(diags) > 0 ? diag_get(diags, 0)->text : "cannot read");
  diag_list_free(diags);
  return bytes != NULL ? reader_source_new_take(path, bytes, len) : NULL;
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A folder's files three levels deep (a LinkedIn export has Jobs/..., ORCID's download
 * unpacked ID/works/...), as paths relative to it, sorted so that runs do not depend on
 * the order the system lists them in. */
#define FOLDER_MAX_DEPTH 3
static void list_folder(const char *root, const char *rel, guint depth, GPtrArray *out)
{
  g_autofree char *dir = rel != NULL ? g_build_filename(root, rel, NULL) : g_strdup(root);
  GDir *d = g_dir_open(dir, 0, NULL);
  if (d == NULL)
    return;
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  const char *name;
  while ((name = g_dir_read_name(d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add(names, g_strdup(name));
  g_dir_close(d);
  g_ptr_array_sort(names, compare_names);
  for (guint i = 0; i < names->len && out->len < READER_MAX_MEMBERS; i++) {
    const char *n = g_ptr_array_index(names, i);
    g_autofree char *child = rel != NULL ? g_strdup_printf("%s/%s", rel, n) : g_strdup(n);
    g_autofree char *full = g_build_filename(root, child, NULL);
    if (g_file_test(full, G_FILE_TEST_IS_DIR)) {
      if (depth + 1 < FOLDER_MAX_DEPTH)
        list_folder(root, child, depth + 1, out);
    } else if (g_file_test(full, G_FILE_TEST_IS_REGULAR)) {
      g_ptr_array_add(out, g_steal_pointer(&child));
    }
  }
  g_ptr_array_unref(names);
}

/* The source for one input: standard input, a folder (its files read on request), or a
 * file; NULL after an error in @diags. */
static ReaderSource *open_input(const char *path, Run *r, DiagList *diags)
{
  if (!g_str_equal(path, "-") && g_file_test(path, G_FILE_TEST_IS_DIR)) {
    GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
    list_folder(path, NULL, 0, paths);
    g_ptr_array_add(paths, NULL);
    /* "export/" names its members "export/Positions.csv". */
    g_autofree char *name = g_strdup(path);
    for (gsize n = strlen(name); n > 1 && name[n - 1] == '/'; n--)
      name[n - 1] = '\0';
    ReaderSource *src =
        reader_source_new_folder(name, (const char *const *)paths->pdata, load_file, r);
    g_ptr_array_unref(paths);
    return src;
  }
  gsize len = 0;
  char *bytes = ydoc_read_file(path, YDOC_MAX_BYTES, &len, diags);
  if (bytes == NULL)
    return NULL;
  return reader_source_new_take(g_str_equal(path, "-") ? "<stdin>" : path, bytes, len);
}

static ModelCv *read_cv(const Config *cfg, Run *r, DiagList *diags)
{
  r->sources = g_ptr_array_new_with_free_func((GDestroyNotify)reader_source_free);
  r->read = g_ptr_array_new_with_free_func(g_free);
  gboolean *milestones_only = g_new0(gboolean, cfg->inputs->len);
  gboolean ok = TRUE;
  for (guint i = 0; i < cfg->inputs->len; i++) {
    ReaderSource *src = open_input(g_ptr_array_index(cfg->inputs, i), r, diags);
    if (src == NULL) {
      ok = FALSE;
      continue;
    }
    milestones_only[r->sources->len] = i >= cfg->n_cv_inputs;
    g_ptr_array_add(r->sources, src);
  }
  ReaderOptions opts = cfg->reader;
  opts.clock_today = clock_today();
  opts.load = load_file;
  opts.load_data = r;
  ModelCv *cv = reader_read_all((ReaderSource *const *)r->sources->pdata, r->sources->len,
                                milestones_only, &opts, diags);
  g_free(milestones_only);
  if (!ok) {
    model_cv_free(cv);
    return NULL;
  }
  return cv;
}

static Style *resolve_style(const Config *cfg, DiagList *diags)
{
  const Args *a = cfg->args;
  guint n_styles = a->styles ? g_strv_length(a->styles) : 0;
  return style_resolve((const char *const *)a->styles, n_styles,
                       (const char *const *)cfg->sets->pdata, cfg->sets->len, diags);
}

/* The dark scheme of the formats that follow it (RENDER_WANTS_DARK: svg.dark; the HTML
 * page's the built-in dark unless --svg-dark=none), laid out by layout_build_scheme.
 * Returns FALSE when the style or the layout failed. */
static gboolean build_dark_scene(const Config *cfg, Run *r, TextCtx *text, DiagList *diags)
{
  const Args *a = cfg->args;
  RenderWants wants = cfg->render.format->wants;
  const char *name = r->style->svg.dark;
  gboolean none = name == NULL || g_ascii_strcasecmp(name, "none") == 0;
  if (none && (wants & RENDER_WANTS_DARK_BY_DEFAULT) &&
      !(a->svg_dark != NULL && g_ascii_strcasecmp(a->svg_dark, "none") == 0)) {
    name = "dark";
    none = FALSE;
  }
  if (cfg->output == NULL || !(wants & RENDER_WANTS_DARK) || none)
    return TRUE;
  guint n = a->styles ? g_strv_length(a->styles) : 0;
  r->dark_scene = layout_build_scheme(r->timeline, (const char *const *)a->styles, n, name,
                                      (const char *const *)cfg->sets->pdata, cfg->sets->len,
                                      text, &r->dark_style, diags);
  return r->dark_scene != NULL;
}

/* Prints @text on standard output; FALSE (with a message) when that failed. Through
 * output_write, so that a pipe nobody reads gives up after the wait like -o - does. */
static gboolean print_stdout(const char *text, DiagList *diags)
{
  GBytes *bytes = g_bytes_new_static(text, strlen(text));
  GError *error = NULL;
  gboolean ok = output_write("-", bytes, &error);
  g_bytes_unref(bytes);
  if (!ok) {
    diag_error(diags, NULL, 0, 0, "%s", error->message);
    g_error_free(error);
  }
  return ok;
}

static gboolean write_output(gpointer out, const guint8 *data, gsize len)
{
  return output_append(out, data, len);
}

/* After the layout: --dump-layout and --alt-text print; otherwise render and write. */
static int emit(const Config *cfg, Run *r, TextCtx *text, DiagList *diags)
{
  const Args *a = cfg->args;
  if (a->dump_layout) {
    char *yaml = dump_layout(r->scene);
    gboolean ok = print_stdout(yaml, diags);
    g_free(yaml);
    if (!ok)
      return EXIT_OUTPUT;
  }
  if (a->alt_text) {
    char *summary = describe_alt_text(r->scene);
    gboolean ok = print_stdout(summary, diags);
    g_free(summary);
    if (!ok)
      return EXIT_OUTPUT;
  }
  if (cfg->output == NULL)
    return EXIT_DONE;
  RenderOptions ropts = cfg->render;
  ropts.title = r->cv->name;
  ropts.author = r->cv->name;
  ropts.svg_text = r->style->svg.text == STYLE_SVG_TEXT ? SVG_TEXT_TEXT : SVG_TEXT_PATHS;
  ropts.svg_dark = r->dark_scene;
  /* The page's career summary: --summary's text, none when there is nothing to count. */
  char *summary = NULL;
  if (ropts.format->wants & RENDER_WANTS_SUMMARY) {
    const SummaryReport *report = run_summary(cfg, r);
    if (!report->cv->empty)
      summary = summary_format_text(report);
  }
  ropts.summary = summary;
  GError *error = NULL;
  /* Rendered straight into the output (a temporary file beside a regular one), so that
   * the file is never held whole in memory; a failure leaves the target as it was. */
  OutputFile *out = output_open(cfg->output);
  gboolean rendered = render_scene_to(r->scene, text, &ropts, write_output, out, &error);
  g_free(summary);
  if (!rendered) {
    /* The output's own failure (a full disk) when there was one, else the render's. */
    const GError *write_error = output_error(out);
    gboolean write_failed = write_error != NULL;
    diag_error(diags, NULL, 0, 0, "%s", write_failed ? write_error->message : error->message);
    g_error_free(error);
    output_abort(out);
    if (write_failed)
      return EXIT_OUTPUT;
    /* Too large a PNG: a command-line error when -W, -H or --scale took part (the message
     * names them), else the style asked for it, and a wrong style is exit 1. */
    return a->width || a->height || a->scale ? EXIT_USAGE : EXIT_INPUT;
  }
  if (!output_commit(out, &error)) {
    diag_error(diags, NULL, 0, 0, "%s", error->message);
    g_error_free(error);
    return EXIT_OUTPUT;
  }
  return EXIT_DONE;
}

/* After the timeline: --summary prints the career summary, --fail-on-gap fails on a gap
 * (with a message naming each). */
static int summarise(const Config *cfg, Run *r, DiagList *diags)
{
  const SummaryConfig *sc = &cfg->summary;
  if (!cfg->args->summary && !sc->fail_on_gap)
    return EXIT_DONE;
  const SummaryReport *report = run_summary(cfg, r);
  int code = EXIT_DONE;
  if (cfg->args->summary) {
    char *text = sc->format == SUMMARY_JSON   ? summary_format_json(report)
                 : sc->format == SUMMARY_YAML ? summary_format_yaml(report)
                                              : summary_format_text(report);
    if (text == NULL)
      diag_error(diags, NULL, 0, 0, "the summary could not be written");
    if (text == NULL || !print_stdout(text, diags))
      code = EXIT_OUTPUT;
    g_free(text);
  }
  if (code == EXIT_DONE && sc->fail_on_gap &&
      summary_check_gaps(report, &sc->fail_gap, r->cv->file, diags) > 0)
    code = EXIT_INPUT;
  return code;
}

/* The text context of a run: made on the first run's first need, after its inputs
 * are read, and kept for the next --watch runs, which measure only their own texts.
 * Not before the reading: pango_cairo_font_map_new starts fontconfig in a thread of
 * Pango's, and the BibTeX reader forks a child to probe btparse (reader_bibtex.c); a
 * fork while that thread holds a lock the child then needs (AddressSanitizer's
 * allocator has no fork handler) left the child waiting forever. */
static TextCtx *run_text(TextCtx **text)
{
  if (*text == NULL)
    *text = text_ctx_new();
  else
    text_ctx_reset(*text);
  return *text;
}

/* The pipeline, from the CV file to the written output; returns the exit status. */
static int pipeline(const Config *cfg, Run *r, TextCtx **shared, DiagList *diags)
{
  /* Both the CV and the style are read before failing, so one run reports all. */
  r->cv = read_cv(cfg, r, diags);
  r->style = resolve_style(cfg, diags);
  if (r->cv == NULL || r->style == NULL || diag_error_count(diags) > 0)
    return EXIT_INPUT;
  GError *error = NULL;
  r->timeline = timeline_build(r->cv, &cfg->timeline, &error);
  if (r->timeline == NULL) {
    /* Only the command line (--only, --from, --to) can make the timeline fail. */
    diag_error(diags, NULL, 0, 0, "%s", error->message);
    g_error_free(error);
    return EXIT_USAGE;
  }
  int code = summarise(cfg, r, diags);
  if (code != EXIT_DONE)
    return code;
  TextCtx *text = run_text(shared);
  r->scene = layout_build(r->timeline, r->style, text, diags);
  if (r->scene == NULL || diag_error_count(diags) > 0)
    return EXIT_INPUT;
  /* --check validates through the layout (a width too small for the margins is a style
   * error) but draws and writes nothing. */
  if (cfg->args->check)
    return EXIT_DONE;
  if (!build_dark_scene(cfg, r, text, diags) || diag_error_count(diags) > 0)
    return EXIT_INPUT;
  return emit(cfg, r, text, diags);
}

/* Whether what a run built is freed before the process ends: under a leak checker
 * (sanitizers, known at build time; valgrind, or CVT_FREE_AT_EXIT set, at run time),
 * so that it sees every allocation freed; otherwise the kernel takes the memory back at
 * once, where freeing a 100,000-entry chart piece by piece is a tenth of its run. */
static gboolean free_at_exit(void)
{
#if defined(__SANITIZE_ADDRESS__)
  return TRUE;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer) || \
    __has_feature(memory_sanitizer)
  return TRUE;
#endif
#endif
  const char *preload = g_getenv("LD_PRELOAD");
  const char *asked = g_getenv("CVT_FREE_AT_EXIT");
  return (asked != NULL && *asked != '\0') || (preload != NULL && strstr(preload, "vgpreload"));
}

/* Runs the pipeline once, prints every message once, and notes the files it read. */
static int run_once(const Config *cfg, TextCtx **text, GPtrArray *watched)
{
  DiagList *diags = diag_list_new();
  diag_set_strict(diags, cfg->args->strict);
  Run r = {0};
  sysio_reset_budget(); /* each --watch run waits for its inputs afresh */
  int code = pipeline(cfg, &r, text, diags);
  diag_print(diags, stderr, cfg->args->quiet);
  if (watched != NULL && r.style != NULL) {
    g_ptr_array_set_size(watched, 0);
    for (guint i = 0; i < cfg->inputs->len; i++)
      g_ptr_array_add(watched, g_strdup(g_ptr_array_index(cfg->inputs, i)));
    for (guint i = 0; r.read != NULL && i < r.read->len; i++)
      g_ptr_array_add(watched, g_strdup(g_ptr_array_index(r.read, i)));
    for (guint i = 0; i < r.style->files->len; i++)
      g_ptr_array_add(watched, g_strdup(g_ptr_array_index(r.style->files, i)));
    for (guint i = 0; r.dark_style && i < r.dark_style->files->len; i++)
      g_ptr_array_add(watched, g_strdup(g_ptr_array_index(r.dark_style->files, i)));
  }
  if (watched != NULL || free_at_exit()) {
    run_clear(&r);
    diag_list_free(diags);
  }
  return code;
}

/* --- --watch --- */

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
  (void)sig;
  interrupted = 1;
}

/* A fingerprint of the watched files: changes when any is written, replaced or removed. */
static GString *watch_snapshot(GPtrArray *files)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < files->len; i++) {
    struct stat st;
    if (stat(g_ptr_array_index(files, i), &st) != 0)
      g_string_append(s, "-;");
    else
      g_string_append_printf(s, "%ld.%ld:%lld:%llu;", (long)st.st_mtim.tv_sec,
                             (long)st.st_mtim.tv_nsec, (long long)st.st_size,
                             (unsigned long long)st.st_ino);
  }
  return s;
}

static void report_watch_run(const Config *cfg, int code)
{
  if (cfg->args->quiet)
    return;
  if (code == EXIT_DONE && cfg->output != NULL)
    fprintf(stderr, "cvtimeline: wrote %s\n", cfg->output);
  else if (code != EXIT_DONE)
    fprintf(stderr, "cvtimeline: kept the last good output; waiting for changes\n");
}

/* The watched paths, one per line: to tell whether a run changed the list. */
static char *watch_paths(GPtrArray *files)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < files->len; i++)
    g_string_append_printf(s, "%s\n", (const char *)g_ptr_array_index(files, i));
  return g_string_free(s, FALSE);
}

/* One run; returns the snapshot the next round compares with. It is taken before the
 * run, so that a file written while the run reads it is seen as changed next round (a
 * snapshot after the run would swallow that change); only when the run changed the list
 * of watched files (another style chain) is the new list snapshotted afterwards. */
static GString *watch_run(const Config *cfg, TextCtx **text, GPtrArray *watched)
{
  GString *before = watch_snapshot(watched);
  char *paths = watch_paths(watched);
  report_watch_run(cfg, run_once(cfg, text, watched));
  char *after = watch_paths(watched);
  if (!g_str_equal(paths, after)) {
    g_string_free(before, TRUE);
    before = watch_snapshot(watched);
  }
  g_free(after);
  g_free(paths);
  return before;
}

/* Re-runs whenever the CV or a style file changes, until Ctrl-C. A failed run writes
 * nothing (output is atomic and only follows a good render), so the last good output
 * stays. A change is acted on once the files have stopped changing for one interval,
 * so an editor's save in several steps gives one run. */
static int watch(const Config *cfg, TextCtx **text)
{
  struct sigaction sa = {0};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  GPtrArray *watched = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; i < cfg->inputs->len; i++)
    g_ptr_array_add(watched, g_strdup(g_ptr_array_index(cfg->inputs, i)));
  for (char **s = cfg->args->styles; s && *s; s++)
    if (g_file_test(*s, G_FILE_TEST_IS_REGULAR))
      g_ptr_array_add(watched, g_strdup(*s));
  GString *last = watch_run(cfg, text, watched);
  while (!interrupted) {
    g_usleep(WATCH_INTERVAL_US);
    GString *now = watch_snapshot(watched);
    gboolean changed = !g_string_equal(now, last);
    g_string_free(last, TRUE);
    last = now;
    if (!changed || interrupted)
      continue;
    g_usleep(WATCH_INTERVAL_US);
    GString *settled = watch_snapshot(watched);
    gboolean stable = g_string_equal(settled, last);
    g_string_free(settled, TRUE);
    if (!stable || interrupted)
      continue; /* still being written: look again next round */
    g_string_free(last, TRUE);
    last = watch_run(cfg, text, watched);
  }
  g_string_free(last, TRUE);
  g_ptr_array_unref(watched);
  return EXIT_DONE;
}

/* --- Informational options --- */

static int list_styles(void)
{
  for (const char *const *name = style_builtin_names(); *name != NULL; name++) {
    char *desc = style_builtin_description(*name);
    printf("%-10s %s\n", *name, desc ? desc : "");
    g_free(desc);
  }
  return fflush(stdout) == 0 ? EXIT_DONE : EXIT_OUTPUT;
}

/* --print-schema=cv|style|summary: the schema embedded from doc/schema/, byte for byte. */
static int print_schema(const char *which)
{
  g_autofree char *name = g_strdup_printf("schema/%s.schema.json", which);
  const char *text = embed_get(name);
  if (text == NULL)
    return usage_error("--print-schema: unknown schema '%s' (expected cv, style or summary)",
                       which);
  return fputs(text, stdout) >= 0 && fflush(stdout) == 0 ? EXIT_DONE : EXIT_OUTPUT;
}

/* Prints `NAME: [KEY, KEY, ...]`, one line of --print-keys (YAML, for the tests). */
static void print_key_line(const char *name, const char *const *keys)
{
  printf("%s: [", name);
  for (guint i = 0; keys[i] != NULL; i++)
    printf("%s%s", i ? ", " : "", keys[i]);
  printf("]\n");
}

/* --print-keys=cv|style: every key the reader accepts, from its own tables, so that
 * tests/run-schema.py fails when a key is added to a reader but not to its schema. */
static int print_keys(const char *which)
{
  if (g_str_equal(which, "cv")) {
    for (const char *const *m = reader_native_mappings(); *m != NULL; m++)
      print_key_line(*m, reader_native_keys(*m));
  } else if (g_str_equal(which, "style")) {
    g_autoptr(GPtrArray) keys = g_ptr_array_new();
    for (guint i = 0; i < style_property_count(); i++)
      g_ptr_array_add(keys, (gpointer)style_property_key(i));
    g_ptr_array_add(keys, NULL);
    print_key_line("properties", (const char *const *)keys->pdata);
    g_ptr_array_set_size(keys, 0);
    for (guint i = 0; style_paint_field(i) != NULL; i++)
      g_ptr_array_add(keys, (gpointer)style_paint_field(i));
    g_ptr_array_add(keys, NULL);
    print_key_line("paint", (const char *const *)keys->pdata);
    print_key_line("other", style_named_keys());
  } else {
    return usage_error("--print-keys: expected cv or style, got '%s'", which);
  }
  return fflush(stdout) == 0 ? EXIT_DONE : EXIT_OUTPUT;
}

/* --new NAME: the starter CV on standard output, pointing editors at the installed
 * schema. That path is fixed at build time (the same output on every run); when it is
 * not there (an uninstalled build), a note says how to get the schema. */
static int new_cv(const char *name)
{
  g_autofree char *trimmed = g_strstrip(g_strdup(name));
  if (!g_utf8_validate(name, -1, NULL))
    return usage_error("--new: the name is not valid UTF-8");
  if (trimmed[0] == '\0')
    return usage_error("--new: give the CV's name, e.g. --new 'Ada Example'");
  const char *schema = CVT_SCHEMA_DIR "/cv.schema.json";
  g_autofree char *text = starter_cv(name, schema);
  if (fputs(text, stdout) < 0 || fflush(stdout) != 0) {
    fprintf(stderr, "cvtimeline: error: could not write to standard output: %s\n",
            g_strerror(errno));
    return EXIT_OUTPUT;
  }
  if (!g_file_test(schema, G_FILE_TEST_IS_REGULAR))
    fprintf(stderr,
            "cvtimeline: note: %s is not installed yet; until it is, point the first line "
            "at a copy: cvtimeline --print-schema=cv > cv.schema.json\n",
            schema);
  return EXIT_DONE;
}

static int run_command(const Args *a)
{
  if (a->version) {
    printf("cvtimeline %s\n", CVT_VERSION);
    return EXIT_DONE;
  }
  if (a->list_styles)
    return list_styles();
  if (a->print_schema)
    return print_schema(a->print_schema);
  if (a->print_keys)
    return print_keys(a->print_keys);
  if (a->new_name)
    return new_cv(a->new_name);
  Config cfg = {0};
  int code = configure(&cfg, a);
  if (code == EXIT_DONE) {
    TextCtx *text = NULL; /* shared by layout and render, and across --watch runs */
    code = a->watch ? watch(&cfg, &text) : run_once(&cfg, &text, NULL);
    if (a->watch || free_at_exit())
      text_ctx_free(text);
  }
  config_clear(&cfg);
  return code;
}

/* A standard descriptor that was closed (cvtimeline ... 2>&-) would be handed to the
 * next file opened, and a message meant for standard error could then land in the
 * chart's temporary file: each closed one is held by /dev/null instead, opened the wrong
 * way round, so that using it still fails as on a closed one (EBADF). */
static void hold_standard_fds(void)
{
  for (int fd = 0; fd <= 2; fd++) {
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
      continue;
    int null = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
    if (null >= 0 && null != fd)
      close(null); /* a lower one was free after all */
  }
}

/* The chart is shaped in its own language (text_ctx_set_language), not the user's: without
 * these, fontconfig reads FC_LANG, LC_ALL, LC_CTYPE or LANG, and Pango PANGO_LANGUAGE or
 * LANGUAGE, to choose the font for text in other scripts (Han: Japanese or Chinese), and
 * the same CV would draw differently in another locale. Set before either library starts;
 * an empty PANGO_LANGUAGE is an empty list, which also hides LANGUAGE from Pango. */
static void neutral_text_languages(void)
{
  g_setenv("FC_LANG", "en", TRUE);
  g_setenv("PANGO_LANGUAGE", "", TRUE);
}

/* GOption gives an option with an optional value the next word as that value, so
 * `--summary cv.yaml` would read "cv.yaml" as the summary's format and find no CV. The
 * value of --summary and --svg-dark is only ever given after '=' (as --help shows): a
 * bare one is given its default value here (text; the built-in dark style). */
static void bare_optional_values(int argc, char **argv)
{
  static char summary[] = "--summary=text", svg_dark[] = "--svg-dark=dark";
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--") == 0)
      break;
    if (strcmp(argv[i], "--summary") == 0)
      argv[i] = summary;
    else if (strcmp(argv[i], "--svg-dark") == 0)
      argv[i] = svg_dark;
  }
}

int main(int argc, char **argv)
{
  hold_standard_fds();
  /* A closed pipe on -o - or --dump-layout is reported as a write error (exit 3), and so
   * is a file past the size limit (ulimit -f), rather than ending the run by a signal. */
  signal(SIGPIPE, SIG_IGN);
  signal(SIGXFSZ, SIG_IGN);
  neutral_text_languages();
  Args args = {0};
  FormatHelp help = format_help_new();
  GOptionContext *ctx = option_context(&args, &help);
  GError *error = NULL;
  int code;
  bare_optional_values(argc, argv);
  if (!g_option_context_parse(ctx, &argc, &argv, &error)) {
    code = usage_error("%s", error->message);
    g_error_free(error);
  } else {
    code = run_command(&args);
  }
  g_option_context_free(ctx);
  format_help_clear(&help);
  args_clear(&args);
  return code;
}
