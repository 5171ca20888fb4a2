/* floor: the least work any renderer of cvtimeline's chart must do, to measure
 * cvtimeline against (bench/run.sh, bench/RESULTS.md). It
 *   1. reads the CV and parses it with libyaml, keeping every scalar (reading the input);
 *   2. reads the chart as a flat draw list (bench/scene-export.c: the same page size,
 *      shapes, texts, fonts and colours cvtimeline computed; this stands for the
 *      decisions, which the floor does not make);
 *   3. creates the surface, fills and strokes every shape (rounded bars, lines, markers,
 *      plain colours: no fades or patterns), and lays out and draws every label once with
 *      Pango, one PangoLayout, one font description per distinct font;
 *   4. writes the SVG or PNG file.
 * No layout decisions, no measuring before drawing, no validation, no atomic write.
 *
 *   floor CV.yaml SCENE.tsv OUT.svg|OUT.png [SCALE]
 *
 * SCALE (PNG only, default 1) is the pixel density, as cvtimeline's --scale.
 *
 * CVT_FLOOR_TIMES=1 prints the time of each step on standard error. */
#include <cairo-svg.h>
#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Step 1: parse the CV; every scalar is copied out, as any reader must. */
static gsize parse_yaml(const char *path, GStringChunk *store)
{
  gchar *data = NULL;
  gsize len = 0, scalars = 0;
  if (!g_file_get_contents(path, &data, &len, NULL)) {
    fprintf(stderr, "floor: cannot read %s\n", path);
    exit(1);
  }
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
  for (gboolean done = FALSE; !done;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) {
      fprintf(stderr, "floor: %s: YAML error\n", path);
      exit(1);
    }
    if (ev.type == YAML_SCALAR_EVENT) {
      g_string_chunk_insert_len(store, (const char *)ev.data.scalar.value,
                                (gssize)ev.data.scalar.length);
      scalars++;
    }
    done = ev.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&ev);
  }
  yaml_parser_delete(&parser);
  g_free(data);
  return scalars;
}

/* Step 2: the draw list. */
typedef struct {
  char kind;
  double x, y, w, h, radius, stroke_width;
  double fill[4], stroke[4];
  const char *font, *text; /* into the file's buffer */
} Shape;

static double field_num(char **p)
{
  char *end;
  double v = strtod(*p, &end);
  *p = *end == '\t' ? end + 1 : end;
  return v;
}

static const char *field_str(char **p)
{
  char *s = *p, *tab = strchr(s, '\t');
  if (tab) {
    *tab = '\0';
    *p = tab + 1;
  } else {
    *p = s + strlen(s);
  }
  return s;
}

static void field_color(char **p, double c[4])
{
  for (int i = 0; i < 4; i++)
    c[i] = field_num(p);
}

static GArray *read_scene(const char *path, char **buf, double *w, double *h)
{
  gsize len;
  if (!g_file_get_contents(path, buf, &len, NULL)) {
    fprintf(stderr, "floor: cannot read %s\n", path);
    exit(1);
  }
  GArray *shapes = g_array_new(FALSE, TRUE, sizeof(Shape));
  char *line = *buf;
  while (*line) {
    char *nl = strchr(line, '\n'), *p;
    if (nl)
      *nl = '\0';
    Shape s = {.kind = line[0]};
    p = line + 2;
    switch (s.kind) {
    case 'p': /* page W H */
      p = line + 5;
      *w = field_num(&p);
      *h = field_num(&p);
      break;
    case 'T':
      s.x = field_num(&p);
      s.y = field_num(&p);
      field_color(&p, s.fill);
      s.font = field_str(&p);
      s.text = field_str(&p);
      break;
    default:
      s.x = field_num(&p);
      s.y = field_num(&p);
      s.w = field_num(&p);
      s.h = field_num(&p);
      if (s.kind == 'R')
        s.radius = field_num(&p);
      if (s.kind != 'L')
        field_color(&p, s.fill);
      field_color(&p, s.stroke);
      s.stroke_width = field_num(&p);
      break;
    }
    if (s.kind != 'p')
      g_array_append_val(shapes, s);
    if (!nl)
      break;
    line = nl + 1;
  }
  return shapes;
}

/* Step 3: drawing. */
static void rect_path(cairo_t *cr, const Shape *s)
{
  double r = MAX(0, MIN(s->radius, MIN(s->w, s->h) / 2));
  if (r <= 0) {
    cairo_rectangle(cr, s->x, s->y, s->w, s->h);
    return;
  }
  cairo_new_sub_path(cr);
  cairo_arc(cr, s->x + s->w - r, s->y + r, r, -G_PI / 2, 0);
  cairo_arc(cr, s->x + s->w - r, s->y + s->h - r, r, 0, G_PI / 2);
  cairo_arc(cr, s->x + r, s->y + s->h - r, r, G_PI / 2, G_PI);
  cairo_arc(cr, s->x + r, s->y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path(cr);
}

static void fill_stroke(cairo_t *cr, const Shape *s)
{
  if (s->fill[3] > 0) {
    cairo_set_source_rgba(cr, s->fill[0], s->fill[1], s->fill[2], s->fill[3]);
    cairo_fill_preserve(cr);
  }
  if (s->stroke[3] > 0 && s->stroke_width > 0) {
    cairo_set_source_rgba(cr, s->stroke[0], s->stroke[1], s->stroke[2], s->stroke[3]);
    cairo_set_line_width(cr, s->stroke_width);
    cairo_stroke_preserve(cr);
  }
  cairo_new_path(cr);
}

typedef struct {
  PangoContext *context;
  PangoLayout *layout;
  GHashTable *fonts; /* font string -> PangoFontDescription* */
  const char *current;
} Text;

static void draw_text(cairo_t *cr, Text *t, const Shape *s)
{
  if (t->current == NULL || strcmp(t->current, s->font) != 0) {
    PangoFontDescription *desc = g_hash_table_lookup(t->fonts, s->font);
    if (desc == NULL) {
      desc = pango_font_description_from_string(s->font);
      g_hash_table_insert(t->fonts, (gpointer)s->font, desc);
    }
    pango_layout_set_font_description(t->layout, desc);
    t->current = s->font;
  }
  pango_layout_set_text(t->layout, s->text, -1);
  cairo_set_source_rgba(cr, s->fill[0], s->fill[1], s->fill[2], s->fill[3]);
  cairo_move_to(cr, s->x, s->y);
  pango_cairo_show_layout(cr, t->layout);
}

static void draw(cairo_t *cr, GArray *shapes)
{
  /* The same text settings as cvtimeline (src/text.c), so that glyphs and positions
   * are the same. */
  PangoFontMap *map = pango_cairo_font_map_new();
  Text t = {.context = pango_font_map_create_context(map),
            .fonts = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify)pango_font_description_free)};
  pango_cairo_context_set_resolution(t.context, 72.0);
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(t.context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(t.context, FALSE);
  pango_cairo_update_context(cr, t.context);
  t.layout = pango_layout_new(t.context);
  pango_layout_set_single_paragraph_mode(t.layout, TRUE);
  for (guint i = 0; i < shapes->len; i++) {
    const Shape *s = &g_array_index(shapes, Shape, i);
    switch (s->kind) {
    case 'R':
      if (s->w > 0 && s->h > 0) {
        rect_path(cr, s);
        fill_stroke(cr, s);
      }
      break;
    case 'L':
      if (s->stroke[3] > 0 && s->stroke_width > 0) {
        cairo_move_to(cr, s->x, s->y);
        cairo_line_to(cr, s->x + s->w, s->y + s->h);
        cairo_set_source_rgba(cr, s->stroke[0], s->stroke[1], s->stroke[2], s->stroke[3]);
        cairo_set_line_width(cr, s->stroke_width);
        cairo_stroke(cr);
      }
      break;
    case 'D':
      cairo_move_to(cr, s->x + s->w / 2, s->y);
      cairo_line_to(cr, s->x + s->w, s->y + s->h / 2);
      cairo_line_to(cr, s->x + s->w / 2, s->y + s->h);
      cairo_line_to(cr, s->x, s->y + s->h / 2);
      cairo_close_path(cr);
      fill_stroke(cr, s);
      break;
    case 'C':
      cairo_new_sub_path(cr);
      cairo_arc(cr, s->x + s->w / 2, s->y + s->h / 2, MIN(s->w, s->h) / 2, 0, 2 * G_PI);
      fill_stroke(cr, s);
      break;
    case 'T':
      draw_text(cr, &t, s);
      break;
    default:
      break;
    }
  }
  g_object_unref(t.layout);
  g_object_unref(t.context);
  g_object_unref(map);
  g_hash_table_destroy(t.fonts);
}

static double now(void)
{
  return (double)g_get_monotonic_time() / 1e6;
}

int main(int argc, char **argv)
{
  if (argc != 4 && argc != 5) {
    fprintf(stderr, "usage: floor CV.yaml SCENE.tsv OUT.svg|OUT.png [SCALE]\n");
    return 2;
  }
  gboolean png = g_str_has_suffix(argv[3], ".png");
  double scale = argc == 5 ? g_ascii_strtod(argv[4], NULL) : 1.0;
  double t0 = now();
  GStringChunk *store = g_string_chunk_new(4096);
  gsize scalars = parse_yaml(argv[1], store);
  double t1 = now();
  char *buf = NULL;
  double w = 0, h = 0;
  GArray *shapes = read_scene(argv[2], &buf, &w, &h);
  double t2 = now();
  cairo_surface_t *surface;
  if (png) {
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)ceil(w * scale),
                                         (int)ceil(h * scale));
  } else {
    surface = cairo_svg_surface_create(argv[3], w, h);
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
  }
  cairo_t *cr = cairo_create(surface);
  if (png)
    cairo_scale(cr, scale, scale);
  draw(cr, shapes);
  cairo_destroy(cr);
  double t3 = now();
  cairo_status_t status;
  if (png) {
    status = cairo_surface_write_to_png(surface, argv[3]);
  } else {
    cairo_surface_finish(surface);
    status = cairo_surface_status(surface);
  }
  cairo_surface_destroy(surface);
  double t4 = now();
  if (status != CAIRO_STATUS_SUCCESS) {
    fprintf(stderr, "floor: %s: %s\n", argv[3], cairo_status_to_string(status));
    return 3;
  }
  if (getenv("CVT_FLOOR_TIMES"))
    fprintf(stderr, "floor: %zu scalars, %u shapes; parse %.3f s, draw list %.3f s, "
                    "draw %.3f s, write %.3f s\n",
            scalars, shapes->len, t1 - t0, t2 - t1, t3 - t2, t4 - t3);
  g_array_unref(shapes);
  g_free(buf);
  g_string_chunk_free(store);
  return 0;
}
