/* svg_write: the SVG from the scene (spec/visual.md "SVG"). Two passes over the shapes:
 * the plan gives every shape its paint class, gradient, clip and glyphs, so that the
 * <style> and <defs> can come first; the second writes the drawing in paint order. Every
 * id and class carries a prefix hashed from the content, so that charts inlined in one
 * page never share one. Painting follows render.c's Cairo drawing shape for shape. */
#include "svg_write.h"

#include "describe.h"
#include "strutil.h"
#include "svg_glyphs.h"
#include "svg_items.h"
#include "svg_paint.h"
#include "text_glyphs.h"

#include <math.h>
#include <string.h>

#define NONE G_MAXUINT

gboolean svg_text_mode_parse(const char *name, SvgTextMode *out)
{
  if (name != NULL && g_ascii_strcasecmp(name, "paths") == 0)
    *out = SVG_TEXT_PATHS;
  else if (name != NULL && g_ascii_strcasecmp(name, "text") == 0)
    *out = SVG_TEXT_TEXT;
  else
    return FALSE;
  return TRUE;
}

const char *svg_text_mode_name(SvgTextMode mode)
{
  return mode == SVG_TEXT_TEXT ? "text" : "paths";
}

int svg_decimals_for_scale(double scale)
{
  if (!(isfinite(scale) && scale > 0))
    scale = 1;
  /* 0.5 * 10^-d <= 1 / (64 * scale) */
  int d = (int)ceil(log10(32 * scale) - 1e-9);
  return CLAMP(d, 2, 6);
}

/* --- The plan --- */

typedef struct {
  guint cls;         /* the shape's class; NONE: it draws nothing */
  guint stroke_cls;  /* a rect with a pattern: its stroke, drawn after the pattern */
  guint tone_cls;    /* text: the second tone's class, or NONE */
  guint text_cls;    /* text, paths mode: the invisible real text's class */
  guint pattern_cls; /* rect: the pattern's class, or NONE */
  guint clip;        /* rect with a pattern: its clip path */
  guint first, n;    /* text, paths mode: its glyph uses */
  double baseline;   /* text: from the top of its box */
  char *missing;     /* text, paths mode: the boxes for characters no font has, or NULL */
  gboolean rtl;      /* text: some run is right to left */
} Plan;

/* A glyph or a word of them, drawn with one <use>. */
typedef struct {
  guint ref; /* a glyph definition, or a word */
  gboolean word;
  double x, y; /* from the text's origin (left end of its baseline) */
  gboolean toned;
} GlyphUse;

typedef struct {
  SvgOut *out;
  const LayoutScene *scene;
  TextCtx *text;
  const SvgOptions *opts;
  gboolean dark;   /* a dark scheme is given */
  char prefix[12]; /* of every id and class */
  SvgPaint *paint;
  SvgGlyphs *glyphs; /* paths mode */
  SvgFonts *fonts;   /* text mode */
  Plan *plans;
  GArray *uses;                /* of GlyphUse */
  GArray *text_uses;           /* scratch: one text's glyphs, of GlyphUse */
  const LayoutShape **dark_of; /* per shape: its shape in the dark scene, or NULL */
  guint *bar_of;               /* per shape: the bar of its entry it draws, or NONE */
  GString *defs;               /* gradients and clips, written in the plan */
  GHashTable *gradients;       /* key -> id + 1 */
  guint n_gradients, n_clips;
  GHashTable *text_fonts; /* font description (+ faces) -> CSS font declarations */
  const char *plain_font;  /* the key font_decls last found with no faces */
  const char *plain_decls; /* and its declarations */
  TextGlyphs *tg;
  GString *light, *dark_css; /* scratch */
} Writer;

/* --- Content hash ---
 * Two 64-bit multiply-xorshift lanes over the scene's numbers and strings: not a
 * cryptographic hash (nobody gains from making two charts collide), but fast enough to
 * cost nothing beside writing the file, where SHA-256 cost a third of it. */

typedef struct {
  guint64 a, b;
} Hash;

static inline void hash_word(Hash *h, guint64 v)
{
  h->a = (h->a ^ v) * 0x9e3779b97f4a7c15ull;
  h->a ^= h->a >> 29;
  h->b = (h->b + v) * 0xbf58476d1ce4e5b9ull;
  h->b ^= h->b >> 31;
}

static void hash_doubles(Hash *h, const double *v, gsize n)
{
  for (gsize i = 0; i < n; i++) {
    guint64 bits;
    memcpy(&bits, &v[i], sizeof bits);
    hash_word(h, bits);
  }
}

static void hash_string(Hash *h, const char *s)
{
  if (s == NULL) {
    hash_word(h, 0xffull);
    return;
  }
  gsize n = strlen(s);
  for (gsize i = 0; i < n; i += 8) {
    guint64 w = 0;
    memcpy(&w, s + i, MIN(8, n - i));
    hash_word(h, w);
  }
  /* The length keeps "ab" + "c" apart from "a" + "bc". */
  hash_word(h, n);
}

static void hash_color(Hash *h, StyleColor c)
{
  hash_doubles(h, (double[]){c.r, c.g, c.b, c.a}, 4);
}

static void hash_shapes(Hash *h, const LayoutScene *scene, gboolean colours_only)
{
  for (guint i = 0; i < scene->shapes->len; i++) {
    const LayoutShape *s = &g_array_index(scene->shapes, LayoutShape, i);
    hash_color(h, s->fill);
    hash_color(h, s->stroke);
    hash_color(h, s->pattern_color);
    hash_color(h, s->tone);
    if (colours_only)
      continue;
    double fields[] = {s->kind,        s->x,
                       s->y,           s->w,
                       s->h,           s->stroke_width,
                       s->dash[0],     s->dash[1],
                       s->dash[2],     s->dash[3],
                       s->n_dash,      s->radius,
                       s->square_left, s->square_right,
                       s->fade_left,   s->fade_right,
                       s->pattern,     s->tone_from};
    hash_doubles(h, fields, G_N_ELEMENTS(fields));
    hash_string(h, s->text);
    hash_string(h, s->font);
  }
}

static guint64 hash_final(guint64 x)
{
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

/* The prefix: a letter, then 7 of base32, 40 bits of a hash over everything the file
 * shows. The same input gives the same ids; two different charts practically never share
 * them (ten charts in a page: a chance of about 4e-11). */
static void content_prefix(Writer *w)
{
  Hash h = {0x243f6a8885a308d3ull, 0x13198a2e03707344ull};
  const LayoutScene *scene = w->scene;
  hash_doubles(&h, (double[]){scene->width, scene->height, w->opts->scale, w->opts->text}, 4);
  hash_string(&h, w->opts->title);
  hash_string(&h, w->opts->desc);
  hash_shapes(&h, scene, FALSE);
  if (w->opts->dark)
    hash_shapes(&h, w->opts->dark, TRUE);
  guint64 bits = hash_final(h.a ^ hash_final(h.b));
  static const char base32[] = "abcdefghijklmnopqrstuvwxyz234567";
  w->prefix[0] = (char)('a' + (bits >> 59) % 26);
  for (int i = 1; i < 8; i++)
    w->prefix[i] = base32[(bits >> (59 - 5 * i)) & 31];
  w->prefix[8] = '\0';
}

/* --- Dark scheme: which dark shape paints each shape --- */

/* What identifies a shape in both schemes: its kind, geometry and text. */
static void shape_key(GString *key, const LayoutShape *s)
{
  g_string_printf(key, "%d %a %a %a %a %a", s->kind, s->x, s->y, s->w, s->h, s->radius);
  if (s->text) {
    g_string_append_c(key, '\x1f');
    g_string_append(key, s->text);
  }
}

/* Pairs each shape with the first unpaired dark shape of the same key, in paint order. */
static void pair_dark(Writer *w)
{
  const LayoutScene *dark = w->opts->dark;
  w->dark_of = g_new0(const LayoutShape *, w->scene->shapes->len + 1);
  if (dark == NULL)
    return;
  GHashTable *queues =
      g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_queue_free);
  GString *key = g_string_new(NULL);
  for (guint i = 0; i < dark->shapes->len; i++) {
    const LayoutShape *s = &g_array_index(dark->shapes, LayoutShape, i);
    shape_key(key, s);
    GQueue *q = g_hash_table_lookup(queues, key->str);
    if (q == NULL) {
      q = g_queue_new();
      g_hash_table_insert(queues, g_strdup(key->str), q);
    }
    g_queue_push_tail(q, (gpointer)s);
  }
  for (guint i = 0; i < w->scene->shapes->len; i++) {
    shape_key(key, &g_array_index(w->scene->shapes, LayoutShape, i));
    GQueue *q = g_hash_table_lookup(queues, key->str);
    w->dark_of[i] = q ? g_queue_pop_head(q) : NULL;
  }
  g_string_free(key, TRUE);
  g_hash_table_destroy(queues);
}

/* --- Classes --- */

/* The class of the declarations built in w->light (and w->dark_css with a dark scheme);
 * @hidden: the shape has no counterpart in the dark scheme. */
static guint finish_class(Writer *w, gboolean hidden)
{
  if (!w->dark)
    return svg_paint_class(w->paint, w->light->str, NULL);
  if (hidden)
    g_string_assign(w->dark_css, "display:none");
  return svg_paint_class(w->paint, w->light->str, w->dark_css->str);
}

static void both_append(Writer *w, const char *s)
{
  g_string_append(w->light, s);
  if (w->dark)
    g_string_append(w->dark_css, s);
}

static void both_reset(Writer *w)
{
  g_string_truncate(w->light, 0);
  g_string_truncate(w->dark_css, 0);
}

/* `;` between declarations. */
static void both_sep(Writer *w)
{
  if (w->light->len > 0)
    g_string_append_c(w->light, ';');
  if (w->dark && w->dark_css->len > 0)
    g_string_append_c(w->dark_css, ';');
}

static void both_color(Writer *w, const char *property, StyleColor light, StyleColor dark)
{
  both_sep(w);
  svg_paint_append_color(w->light, property, light, w->dark);
  if (w->dark)
    svg_paint_append_color(w->dark_css, property, dark, TRUE);
}

static void append_id(GString *s, const Writer *w, const char *kind, guint n)
{
  g_string_append(s, w->prefix);
  g_string_append_c(s, '-');
  g_string_append(s, kind);
  g_string_append_printf(s, "%u", n);
}

static void append_num(GString *s, double v, int decimals)
{
  strutil_append_number(s, isfinite(v) ? v : 0, decimals);
}

/* --- Fades --- */

/* `PROPERTY:#rrggbb;PROPERTY-opacity:A` with the opacity always given; @property
 * "stop" gives stop-color and stop-opacity. */
static void append_stop(GString *css, StyleColor c)
{
  svg_paint_append_color(css, "stop-color", (StyleColor){c.r, c.g, c.b, 1}, FALSE);
  g_string_append(css, ";stop-opacity:");
  append_num(css, CLAMP(c.a, 0, 1), 3);
}

/* The class of a gradient stop in @light (and @dark), at @alpha times their opacity. A
 * stop at opacity 0 keeps its colour: "none" means nothing to stop-color. */
static guint stop_class(Writer *w, StyleColor light, StyleColor dark, double alpha)
{
  both_reset(w);
  light.a *= alpha;
  dark.a *= alpha;
  append_stop(w->light, light);
  if (w->dark)
    append_stop(w->dark_css, dark);
  return svg_paint_class(w->paint, w->light->str, w->dark ? w->dark_css->str : NULL);
}

/* The gradient painting rect @s in @light/@dark with its fades, as render.c's
 * set_rect_source; its id number. Over the rect's own box (objectBoundingBox) gradients
 * are shared by every rect with the same stops; @user_space gives one over the rect's x
 * extent in user space, for a pattern whose box is not the rect's. */
static guint fade_gradient(Writer *w, const LayoutShape *s, StyleColor light, StyleColor dark,
                           gboolean user_space)
{
  double l, r;
  layout_rect_fades(s, &l, &r);
  guint stops[4];
  double offsets[4];
  guint n = 0;
  stops[n] = stop_class(w, light, dark, l > 0 ? 0 : 1);
  offsets[n++] = 0;
  if (l > 0) {
    stops[n] = stop_class(w, light, dark, 1);
    offsets[n++] = l / s->w;
  }
  if (r > 0) {
    stops[n] = stop_class(w, light, dark, 1);
    offsets[n++] = 1 - r / s->w;
  }
  stops[n] = stop_class(w, light, dark, r > 0 ? 0 : 1);
  offsets[n++] = 1;
  /* What follows the id: the same body is the same gradient, written once. */
  GString *body = g_string_new(NULL);
  if (user_space) {
    g_string_append(body, " gradientUnits=\"userSpaceOnUse\" x1=\"");
    append_num(body, s->x, w->out->decimals);
    g_string_append(body, "\" x2=\"");
    append_num(body, s->x + s->w, w->out->decimals);
    g_string_append(body, "\" y2=\"0\"");
  }
  g_string_append(body, ">");
  for (guint i = 0; i < n; i++) {
    g_string_append(body, "<stop offset=\"");
    append_num(body, offsets[i], 4);
    g_string_append(body, "\" class=\"");
    g_string_append(body, w->prefix);
    g_string_append_printf(body, "-%u\"/>", stops[i]);
  }
  g_string_append(body, "</linearGradient>\n");
  gpointer found = g_hash_table_lookup(w->gradients, body->str);
  if (found != NULL) {
    g_string_free(body, TRUE);
    return GPOINTER_TO_UINT(found) - 1;
  }
  guint id = w->n_gradients++;
  g_string_append(w->defs, "<linearGradient id=\"");
  append_id(w->defs, w, "k", id);
  g_string_append_c(w->defs, '"');
  g_string_append(w->defs, body->str);
  g_hash_table_insert(w->gradients, g_string_free(body, FALSE), GUINT_TO_POINTER(id + 1));
  return id;
}

/* `PROPERTY:url(#ID)` for gradient @id. */
static void both_gradient(Writer *w, const char *property, guint id)
{
  both_sep(w);
  GString *decl = g_string_new(property);
  g_string_append(decl, ":url(#");
  append_id(decl, w, "k", id);
  g_string_append_c(decl, ')');
  both_append(w, decl->str);
  g_string_free(decl, TRUE);
}

/* --- Shapes' classes --- */

static StyleColor dark_or(const LayoutShape *d, StyleColor fallback, int which)
{
  if (d == NULL)
    return fallback;
  switch (which) {
  case 0:
    return d->fill;
  case 1:
    return d->stroke;
  case 2:
    return d->pattern_color;
  default:
    return d->tone;
  }
}

static gboolean has_stroke(const LayoutShape *s)
{
  return s->stroke.a > 0 && s->stroke_width > 0;
}

/* The stroke's width and dashes (Cairo's defaults otherwise: butt caps, miter joins at
 * limit 10). */
static void stroke_geometry(Writer *w, const LayoutShape *s)
{
  GString *d = g_string_new("stroke-width:");
  append_num(d, s->stroke_width, 3);
  guint n = MIN(s->n_dash, G_N_ELEMENTS(s->dash));
  if (n > 0) {
    g_string_append(d, ";stroke-dasharray:");
    for (guint i = 0; i < n; i++) {
      if (i)
        g_string_append_c(d, ' ');
      append_num(d, s->dash[i], 3);
    }
  }
  if (s->kind == LAYOUT_SHAPE_DIAMOND || s->kind == LAYOUT_SHAPE_RECT)
    g_string_append(d, ";stroke-miterlimit:10");
  both_sep(w);
  both_append(w, d->str);
  g_string_free(d, TRUE);
}

/* Fill and/or stroke of a shape, faded for rects. */
static guint shape_class(Writer *w, guint i, gboolean fill, gboolean stroke)
{
  const LayoutShape *s = &g_array_index(w->scene->shapes, LayoutShape, i);
  const LayoutShape *d = w->dark_of[i];
  gboolean fades = s->kind == LAYOUT_SHAPE_RECT && (s->fade_left > 0 || s->fade_right > 0);
  guint fill_grad = NONE, stroke_grad = NONE;
  /* Gradients first: they use the scratch buffers for their stops. */
  if (fades && fill && s->fill.a > 0)
    fill_grad = fade_gradient(w, s, s->fill, dark_or(d, s->fill, 0), FALSE);
  if (fades && stroke && has_stroke(s))
    stroke_grad = fade_gradient(w, s, s->stroke, dark_or(d, s->stroke, 1), FALSE);
  both_reset(w);
  if (!fill || !(s->fill.a > 0))
    both_color(w, "fill", (StyleColor){0}, (StyleColor){0});
  else if (fill_grad != NONE)
    both_gradient(w, "fill", fill_grad);
  else
    both_color(w, "fill", s->fill, dark_or(d, s->fill, 0));
  if (stroke && has_stroke(s)) {
    if (stroke_grad != NONE)
      both_gradient(w, "stroke", stroke_grad);
    else
      both_color(w, "stroke", s->stroke, dark_or(d, s->stroke, 1));
    stroke_geometry(w, s);
  }
  return finish_class(w, w->dark && d == NULL);
}

/* The CSS font of text in @font: in paths mode the description's own families (for the
 * invisible text), in text mode the embedded faces @faces first. */
static const char *font_decls_new(Writer *w, const char *font, const GArray *faces);

/* The CSS font declarations of @font drawn with @faces (text mode's embedded faces, or
 * NULL), made once per description and faces. Paths mode asks twice per label with no
 * faces: the last such answer is checked first. */
static const char *font_decls(Writer *w, const char *font, const GArray *faces)
{
  gboolean plain = faces == NULL || faces->len == 0;
  if (plain && w->plain_font && strcmp(w->plain_font, font) == 0)
    return w->plain_decls;
  GString *key = g_string_new(font);
  for (guint i = 0; faces && i < faces->len; i++) {
    g_string_append_c(key, '\x1f');
    strutil_append_number(key, g_array_index(faces, guint, i), 0);
  }
  gpointer stored = NULL, found = NULL;
  if (!g_hash_table_lookup_extended(w->text_fonts, key->str, &stored, &found)) {
    found = (gpointer)font_decls_new(w, font, faces);
    stored = key->str;
    g_hash_table_insert(w->text_fonts, g_string_free(key, FALSE), found);
  } else {
    g_string_free(key, TRUE);
  }
  if (plain) {
    w->plain_font = stored; /* the key is the description itself */
    w->plain_decls = found;
  }
  return found;
}

static const char *font_decls_new(Writer *w, const char *font, const GArray *faces)
{
  TextFontInfo info;
  text_font_describe(font, &info);
  int weight = info.weight;
  TextStyle style = info.style;
  GString *css = g_string_new("font:");
  if (faces && faces->len > 0) {
    /* The embedded face's own weight and style, so that no browser synthesises bold or
     * a slant on top of a face that has them. */
    guint first = g_array_index(faces, guint, 0);
    weight = svg_fonts_weight(w->fonts, first);
    const char *st = svg_fonts_style(w->fonts, first);
    style = strcmp(st, "italic") == 0    ? TEXT_STYLE_ITALIC
            : strcmp(st, "oblique") == 0 ? TEXT_STYLE_OBLIQUE
                                         : TEXT_STYLE_NORMAL;
  }
  if (style != TEXT_STYLE_NORMAL)
    g_string_append(css, style == TEXT_STYLE_ITALIC ? "italic " : "oblique ");
  g_string_append_printf(css, "%d ", weight);
  append_num(css, info.size > 0 ? info.size : 10, 3);
  g_string_append(css, "px ");
  /* Text mode: the embedded faces, then the families of the faces drawn (not the ones
   * the style asked for: a viewer that ignores embedded fonts should find what was
   * measured, not a font this machine lacked). Paths mode: the style's families, for
   * the invisible text, whose length is fitted anyway. */
  GPtrArray *families = g_ptr_array_new();
  for (guint i = 0; faces && i < faces->len; i++) {
    guint face = g_array_index(faces, guint, i);
    g_string_append_printf(css, "\"%s-f%u\",", w->prefix, face);
    const char *family = svg_fonts_family(w->fonts, face);
    if (!g_ptr_array_find_with_equal_func(families, family, g_str_equal, NULL))
      g_ptr_array_add(families, (gpointer)family);
  }
  for (guint i = 0; i < families->len; i++) {
    svg_css_append_string(css, g_ptr_array_index(families, i));
    g_string_append_c(css, ',');
  }
  g_ptr_array_unref(families);
  char **names = g_strsplit(faces && faces->len > 0 ? "" : info.family, ",", -1);
  for (char **n = names; *n; n++) {
    char *name = g_strstrip(*n);
    if (name[0] == '\0')
      continue;
    if (g_ascii_strcasecmp(name, "sans") == 0 || g_ascii_strcasecmp(name, "sans-serif") == 0 ||
        g_ascii_strcasecmp(name, "serif") == 0 || g_ascii_strcasecmp(name, "monospace") == 0)
      continue;
    svg_css_append_string(css, name);
    g_string_append_c(css, ',');
  }
  g_strfreev(names);
  g_free(info.family);
  /* Pango's own fallback for a family it does not know is the sans-serif one. */
  g_string_append(css, "sans-serif");
  return g_string_free(css, FALSE);
}

/* Moves w->text_uses into w->uses as words: the glyphs between two that draw nothing
 * (spaces), in one tone, become one <use> of a word drawn once in <defs>. A chart's labels
 * are made of a few hundred distinct words, each recurring many times. */
static void plan_words(Writer *w)
{
  GArray *in = w->text_uses;
  guint n = in->len;
  guint *defs = g_new(guint, MAX(n, 1));
  double *dx = g_new(double, MAX(n, 1)), *dy = g_new(double, MAX(n, 1));
  for (guint k = 0; k < n;) {
    const GlyphUse *first = &g_array_index(in, GlyphUse, k);
    if (svg_glyphs_empty(w->glyphs, first->ref)) {
      k++;
      continue;
    }
    guint end = k + 1;
    while (end < n && !svg_glyphs_empty(w->glyphs, g_array_index(in, GlyphUse, end).ref) &&
           g_array_index(in, GlyphUse, end).toned == first->toned)
      end++;
    GlyphUse use = *first;
    if (end - k > 1) {
      for (guint i = k; i < end; i++) {
        const GlyphUse *u = &g_array_index(in, GlyphUse, i);
        defs[i - k] = u->ref;
        dx[i - k] = u->x - first->x;
        dy[i - k] = u->y - first->y;
      }
      use.ref = svg_glyphs_word(w->glyphs, defs, dx, dy, end - k);
      use.word = TRUE;
    }
    g_array_append_val(w->uses, use);
    k = end;
  }
  g_free(defs);
  g_free(dx);
  g_free(dy);
}

/* The class of the invisible text over a paths-mode label: selectable and found by a
 * search, adding no pixel (fill-opacity 0, not display:none or visibility:hidden). */
static guint invisible_text_class(Writer *w, const char *font)
{
  both_reset(w);
  both_append(w, "fill-opacity:0;");
  both_append(w, font_decls(w, font, NULL));
  return svg_paint_class(w->paint, w->light->str, NULL);
}

/* Plans text shape @i: its glyphs (paths mode) or fonts (text mode), and its classes. */
static void plan_text(Writer *w, guint i, Plan *p)
{
  const LayoutShape *s = &g_array_index(w->scene->shapes, LayoutShape, i);
  const LayoutShape *d = w->dark_of[i];
  if (s->text == NULL || s->text[0] == '\0' || !(s->fill.a > 0) || s->font == NULL)
    return;
  TextExtents ext;
  text_measure(w->text, s->font, s->text, &ext);
  p->baseline = ext.baseline;
  text_glyphs_shape(w->text, s->font, s->text, w->tg);
  gsize len = strlen(s->text);
  gsize tone_from = s->tone_from > 0 && s->tone_from < len ? s->tone_from : 0;
  GArray *faces = NULL;
  p->first = w->uses->len;
  g_array_set_size(w->text_uses, 0);
  for (guint r = 0; r < w->tg->runs->len; r++) {
    const TextGlyphRun *run = &g_array_index(w->tg->runs, TextGlyphRun, r);
    p->rtl = p->rtl || run->rtl;
    guint face = NONE;
    if (w->fonts) {
      face = svg_fonts_face(w->fonts, run->font);
      if (faces == NULL)
        faces = g_array_new(FALSE, FALSE, sizeof(guint));
      gboolean seen = FALSE;
      for (guint k = 0; k < faces->len; k++)
        seen = seen || g_array_index(faces, guint, k) == face;
      if (!seen)
        g_array_append_val(faces, face);
      svg_fonts_add_text(w->fonts, face, s->text, run->start, run->end);
    }
    /* Glyphs that fall wholly outside the page draw nothing (Cairo leaves them out of
     * the PNG and PDF alike): a margin of a few em keeps every part of one inside. */
    if (w->fonts)
      continue; /* text mode: the characters above are what the subset keeps */
    double margin = 4 * MAX(svg_glyphs_font_size(w->glyphs, run->font), 1);
    guint at = w->text_uses->len, kept = 0;
    g_array_set_size(w->text_uses, at + run->n); /* then written in place */
    GlyphUse *uses = &g_array_index(w->text_uses, GlyphUse, at);
    for (guint k = run->first; k < run->first + run->n; k++) {
      const TextGlyph *gl = &g_array_index(w->tg->glyphs, TextGlyph, k);
      double ax = s->x + gl->x, ay = s->y + gl->y;
      if (!(ax > -margin && ax < w->scene->width + margin && ay > -margin &&
            ay < w->scene->height + margin))
        continue;
      uses[kept++] = (GlyphUse){
          .ref = svg_glyphs_def(w->glyphs, run->font, gl->glyph),
          .x = gl->x,
          .y = gl->y - ext.baseline,
          .toned = text_glyphs_toned(w->tg, run, gl, tone_from),
      };
    }
    g_array_set_size(w->text_uses, at + kept);
  }
  if (w->glyphs) {
    plan_words(w);
    p->missing = svg_glyphs_missing_path(w->tg, w->out->decimals);
  }
  p->n = w->uses->len - p->first;
  const char *font = font_decls(w, s->font, faces);
  both_reset(w);
  if (w->opts->text == SVG_TEXT_PATHS) {
    /* The glyphs' colour; the invisible text has its own class. */
    both_color(w, "fill", s->fill, dark_or(d, s->fill, 0));
  } else {
    both_color(w, "fill", s->fill, dark_or(d, s->fill, 0));
    both_sep(w);
    both_append(w, font);
  }
  p->cls = finish_class(w, w->dark && d == NULL);
  if (w->opts->text == SVG_TEXT_PATHS)
    p->text_cls = invisible_text_class(w, s->font);
  if (tone_from > 0) {
    both_reset(w);
    both_color(w, "fill", s->tone, dark_or(d, s->tone, 3));
    p->tone_cls = finish_class(w, w->dark && d == NULL);
  }
  if (faces)
    g_array_unref(faces);
}

static void append_pair(GString *out, const char *cmd, double x, double y, int decimals)
{
  g_string_append(out, cmd);
  append_num(out, x, decimals);
  g_string_append_c(out, ' ');
  append_num(out, y, decimals);
}

/* A clockwise quarter circle of radius @r to (@x, @y). */
static void append_arc(GString *out, double r, double x, double y, int decimals)
{
  append_pair(out, "A", r, r, decimals);
  append_pair(out, " 0 0 1 ", x, y, decimals);
}

/* The rounded rect of @s as an element's geometry (layout_rect_corners, as render_cairo
 * draws it): <rect> when both sides are alike, else a path; appended to @out without the
 * element's end. */
static void append_rect_geometry(GString *out, const LayoutShape *s, int decimals)
{
  double x = s->x, y = s->y, wd = s->w, h = s->h, rl, rr;
  layout_rect_corners(s, &rl, &rr);
  if (rl == rr) {
    g_string_append(out, "<rect x=\"");
    append_num(out, x, decimals);
    g_string_append(out, "\" y=\"");
    append_num(out, y, decimals);
    g_string_append(out, "\" width=\"");
    append_num(out, wd, decimals);
    g_string_append(out, "\" height=\"");
    append_num(out, h, decimals);
    g_string_append_c(out, '"');
    if (rl > 0) {
      g_string_append(out, " rx=\"");
      append_num(out, rl, decimals);
      g_string_append_c(out, '"');
    }
    return;
  }
  /* Clockwise from the top-left corner's end. */
  g_string_append(out, "<path d=\"");
  append_pair(out, "M", x + rl, y, decimals);
  g_string_append(out, "H");
  append_num(out, x + wd - rr, decimals);
  if (rr > 0)
    append_arc(out, rr, x + wd, y + rr, decimals);
  g_string_append(out, "V");
  append_num(out, y + h - rr, decimals);
  if (rr > 0)
    append_arc(out, rr, x + wd - rr, y + h, decimals);
  g_string_append(out, "H");
  append_num(out, x + rl, decimals);
  if (rl > 0)
    append_arc(out, rl, x, y + h - rl, decimals);
  g_string_append(out, "V");
  append_num(out, y + rl, decimals);
  if (rl > 0)
    append_arc(out, rl, x + rl, y, decimals);
  g_string_append(out, "Z\"");
}

/* A pattern over rect @i: a clip path of the rect, and the pattern's class (stroked lines,
 * filled dots or a stroked border, in the pattern colour, faded like the fill). */
static void plan_pattern(Writer *w, guint i, Plan *p)
{
  const LayoutShape *s = &g_array_index(w->scene->shapes, LayoutShape, i);
  const LayoutShape *d = w->dark_of[i];
  if (s->pattern == STYLE_PATTERN_SOLID || !(s->pattern_color.a > 0))
    return;
  p->clip = w->n_clips++;
  g_string_append(w->defs, "<clipPath id=\"");
  append_id(w->defs, w, "c", p->clip);
  g_string_append(w->defs, "\">");
  append_rect_geometry(w->defs, s, w->out->decimals);
  g_string_append(w->defs, "/></clipPath>\n");
  gboolean fades = s->fade_left > 0 || s->fade_right > 0;
  StyleColor dark = dark_or(d, s->pattern_color, 2);
  /* The hatch's and the dots' boxes are not the rect's: a fade is laid in user space. */
  guint grad =
      fades ? fade_gradient(w, s, s->pattern_color, dark, s->pattern != STYLE_PATTERN_OUTLINE)
            : NONE;
  both_reset(w);
  const char *paint = s->pattern == STYLE_PATTERN_DOTS ? "fill" : "stroke";
  if (s->pattern != STYLE_PATTERN_DOTS)
    both_color(w, "fill", (StyleColor){0}, (StyleColor){0});
  if (grad != NONE)
    both_gradient(w, paint, grad);
  else
    both_color(w, paint, s->pattern_color, dark);
  if (s->pattern != STYLE_PATTERN_DOTS) {
    both_sep(w);
    /* The clip keeps the inner half of an outline stroke: a border of LAYOUT_OUTLINE_WIDTH. */
    GString *width = g_string_new("stroke-width:");
    append_num(width,
               s->pattern == STYLE_PATTERN_OUTLINE ? 2 * LAYOUT_OUTLINE_WIDTH : LAYOUT_HATCH_WIDTH,
               3);
    both_append(w, width->str);
    g_string_free(width, TRUE);
  }
  p->pattern_cls = finish_class(w, w->dark && d == NULL);
}

static void plan_shapes(Writer *w)
{
  const LayoutScene *scene = w->scene;
  w->plans = g_new(Plan, scene->shapes->len + 1);
  for (guint i = 0; i < scene->shapes->len; i++) {
    const LayoutShape *s = &g_array_index(scene->shapes, LayoutShape, i);
    Plan *p = &w->plans[i];
    *p = (Plan){.cls = NONE,
                .stroke_cls = NONE,
                .tone_cls = NONE,
                .text_cls = NONE,
                .pattern_cls = NONE,
                .clip = NONE};
    switch (s->kind) {
    case LAYOUT_SHAPE_RECT:
      if (!(s->w > 0 && s->h > 0))
        break;
      plan_pattern(w, i, p);
      if (p->pattern_cls != NONE && has_stroke(s)) {
        /* Fill, pattern, then stroke on top, as render.c paints them. */
        p->cls = shape_class(w, i, TRUE, FALSE);
        p->stroke_cls = shape_class(w, i, FALSE, TRUE);
      } else {
        p->cls = shape_class(w, i, TRUE, TRUE);
      }
      break;
    case LAYOUT_SHAPE_LINE:
      if (has_stroke(s))
        p->cls = shape_class(w, i, FALSE, TRUE);
      break;
    case LAYOUT_SHAPE_DIAMOND:
    case LAYOUT_SHAPE_CIRCLE:
      if (s->fill.a > 0 || has_stroke(s))
        p->cls = shape_class(w, i, TRUE, TRUE);
      break;
    case LAYOUT_SHAPE_TEXT:
      plan_text(w, i, p);
      break;
    }
  }
}

/* --- Writing --- */

static void out_id(Writer *w, const char *kind, guint n)
{
  svg_out_str(w->out, w->prefix);
  svg_out_c(w->out, '-');
  svg_out_str(w->out, kind);
  svg_out_uint(w->out, n);
}

static void out_class(Writer *w, guint cls)
{
  svg_out_str(w->out, " class=\"");
  svg_out_str(w->out, w->prefix);
  svg_out_c(w->out, '-');
  svg_out_uint(w->out, cls);
  svg_out_c(w->out, '"');
}

static void write_root(Writer *w)
{
  SvgOut *out = w->out;
  double scale = isfinite(w->opts->scale) && w->opts->scale > 0 ? w->opts->scale : 1;
  /* Unitless width and height (CSS px) and the scene's own size as the viewBox, so that
   * the chart scales cleanly when a page sets only one of them. */
  svg_out_str(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                   "xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
  svg_out_attr(out, " width=\"", w->scene->width * scale);
  svg_out_attr(out, " height=\"", w->scene->height * scale);
  svg_out_str(out, " viewBox=\"0 0 ");
  svg_out_num(out, w->scene->width);
  svg_out_c(out, ' ');
  svg_out_num(out, w->scene->height);
  /* geometricPrecision: a browser draws the text unhinted at its exact positions, as
   * Cairo drew what layout measured (whatever the reader's hinting settings); and spaces
   * in a label stay as many as were measured. */
  svg_out_str(out, "\" version=\"1.1\" text-rendering=\"geometricPrecision\" "
                   "xml:space=\"preserve\" role=\"img\" aria-labelledby=\"");
  out_id(w, "t", 0);
  svg_out_c(out, '"');
  if (w->opts->desc != NULL) {
    svg_out_str(out, " aria-describedby=\"");
    out_id(w, "d", 0);
    svg_out_c(out, '"');
  }
  svg_out_str(out, ">\n<title id=\"");
  out_id(w, "t", 0);
  svg_out_str(out, "\">");
  const char *title = w->opts->title && w->opts->title[0] ? w->opts->title : "Career timeline";
  svg_out_text(out, title, FALSE);
  svg_out_str(out, "</title>\n");
  if (w->opts->desc != NULL) {
    svg_out_str(out, "<desc id=\"");
    out_id(w, "d", 0);
    svg_out_str(out, "\">");
    char *desc = svg_clean_text(w->opts->desc, TRUE);
    g_strchomp(desc);
    svg_out_text(out, desc, TRUE);
    g_free(desc);
    svg_out_str(out, "</desc>\n");
  }
}

static void write_style_and_defs(Writer *w)
{
  SvgOut *out = w->out;
  svg_out_str(out, "<style>\n");
  if (w->fonts)
    svg_fonts_write_css(w->fonts, out, w->prefix);
  svg_paint_write_css(w->paint, out, w->prefix);
  svg_out_str(out, "</style>\n");
  if ((w->glyphs == NULL || svg_glyphs_count(w->glyphs) == 0) && w->defs->len == 0)
    return;
  svg_out_str(out, "<defs>\n");
  if (w->glyphs) {
    svg_glyphs_write_defs(w->glyphs, out, w->prefix);
  }
  svg_out_raw(out, w->defs->str, w->defs->len);
  svg_out_str(out, "</defs>\n");
}

static void write_geometry(Writer *w, const LayoutShape *s)
{
  GString *g = g_string_new(NULL);
  append_rect_geometry(g, s, w->out->decimals);
  svg_out_raw(w->out, g->str, g->len);
  g_string_free(g, TRUE);
}

static void write_pattern_line(gpointer out, double x0, double y0, double x1, double y1)
{
  svg_out_c(out, 'M');
  svg_out_num(out, x0);
  svg_out_c(out, ' ');
  svg_out_num(out, y0);
  svg_out_c(out, 'l');
  svg_out_num(out, x1 - x0);
  svg_out_c(out, ' ');
  svg_out_num(out, y1 - y0);
}

/* A circle of LAYOUT_DOT_RADIUS around (@x, @y): two half arcs. */
static void write_dot(gpointer out, double x, double y)
{
  double r = LAYOUT_DOT_RADIUS;
  svg_out_c(out, 'M');
  svg_out_num(out, x - r);
  svg_out_c(out, ' ');
  svg_out_num(out, y);
  for (int half = 0; half < 2; half++) {
    svg_out_c(out, 'a');
    svg_out_num(out, r);
    svg_out_c(out, ' ');
    svg_out_num(out, r);
    svg_out_str(out, " 0 1 0 ");
    svg_out_num(out, half ? -2 * r : 2 * r);
    svg_out_str(out, " 0");
  }
}

/* The hatch lines, dots or border of rect @s, clipped to it (as render_cairo paints it). */
static void write_pattern(Writer *w, const LayoutShape *s, const Plan *p)
{
  SvgOut *out = w->out;
  if (s->pattern == STYLE_PATTERN_OUTLINE) {
    write_geometry(w, s);
  } else {
    svg_out_str(out, "<path d=\"");
    StylePattern pattern = s->pattern;
    if (pattern == STYLE_PATTERN_DOTS)
      layout_rect_dots(s, write_dot, out);
    if (pattern == STYLE_PATTERN_HATCH || pattern == STYLE_PATTERN_CROSSHATCH)
      layout_rect_hatch(s, 1, write_pattern_line, out);
    if (pattern == STYLE_PATTERN_BACKHATCH || pattern == STYLE_PATTERN_CROSSHATCH)
      layout_rect_hatch(s, -1, write_pattern_line, out);
    if (pattern == STYLE_PATTERN_VERTICAL || pattern == STYLE_PATTERN_GRID)
      layout_rect_lines(s, TRUE, write_pattern_line, out);
    if (pattern == STYLE_PATTERN_HORIZONTAL || pattern == STYLE_PATTERN_GRID)
      layout_rect_lines(s, FALSE, write_pattern_line, out);
    svg_out_c(out, '"');
  }
  out_class(w, p->pattern_cls);
  svg_out_str(out, " clip-path=\"url(#");
  out_id(w, "c", p->clip);
  svg_out_str(out, ")\"/>\n");
}

static void write_rect(Writer *w, const LayoutShape *s, const Plan *p)
{
  SvgOut *out = w->out;
  write_geometry(w, s);
  out_class(w, p->cls);
  svg_out_str(out, "/>\n");
  if (p->pattern_cls == NONE)
    return;
  write_pattern(w, s, p);
  if (p->stroke_cls != NONE) {
    write_geometry(w, s);
    out_class(w, p->stroke_cls);
    svg_out_str(out, "/>\n");
  }
}

static void write_line(Writer *w, const LayoutShape *s, const Plan *p)
{
  SvgOut *out = w->out;
  svg_out_str(out, "<path d=\"M");
  svg_out_num(out, s->x);
  svg_out_c(out, ' ');
  svg_out_num(out, s->y);
  if (s->h == 0) {
    svg_out_c(out, 'h');
    svg_out_num(out, s->w);
  } else if (s->w == 0) {
    svg_out_c(out, 'v');
    svg_out_num(out, s->h);
  } else {
    svg_out_c(out, 'l');
    svg_out_num(out, s->w);
    svg_out_c(out, ' ');
    svg_out_num(out, s->h);
  }
  svg_out_c(out, '"');
  out_class(w, p->cls);
  svg_out_str(out, "/>\n");
}

static void write_diamond(Writer *w, const LayoutShape *s, const Plan *p)
{
  SvgOut *out = w->out;
  double cx = s->x + s->w / 2, cy = s->y + s->h / 2;
  svg_out_str(out, "<path d=\"M");
  svg_out_num(out, cx);
  svg_out_c(out, ' ');
  svg_out_num(out, s->y);
  svg_out_c(out, 'L');
  svg_out_num(out, s->x + s->w);
  svg_out_c(out, ' ');
  svg_out_num(out, cy);
  svg_out_c(out, ' ');
  svg_out_num(out, cx);
  svg_out_c(out, ' ');
  svg_out_num(out, s->y + s->h);
  svg_out_c(out, ' ');
  svg_out_num(out, s->x);
  svg_out_c(out, ' ');
  svg_out_num(out, cy);
  svg_out_str(out, "Z\"");
  out_class(w, p->cls);
  svg_out_str(out, "/>\n");
}

static void write_circle(Writer *w, const LayoutShape *s, const Plan *p)
{
  double r = MIN(s->w, s->h) / 2;
  if (!(r > 0))
    return;
  SvgOut *out = w->out;
  svg_out_attr(out, "<circle cx=\"", s->x + s->w / 2);
  svg_out_attr(out, " cy=\"", s->y + s->h / 2);
  svg_out_attr(out, " r=\"", r);
  out_class(w, p->cls);
  svg_out_str(out, "/>\n");
}

/* The text itself, as character data (@from .. @to of it). */
static void write_text_content(Writer *w, const char *text, gsize from, gsize to)
{
  char *part = g_strndup(text + from, to - from);
  svg_out_text(w->out, part, FALSE);
  g_free(part);
}

/* ` x="X" y="Y"` of a text's start, and its textLength. */
static void write_text_position(Writer *w, const LayoutShape *s, const Plan *p, gboolean length)
{
  svg_out_attr(w->out, " x=\"", s->x);
  svg_out_attr(w->out, " y=\"", s->y + p->baseline);
  if (length && s->w > 0)
    svg_out_attr(w->out, " textLength=\"", s->w);
}

/* Paths mode: the glyphs in a group at the text's origin, the second tone nested, then
 * the invisible real text on the same box. */
static void write_text_paths(Writer *w, const LayoutShape *s, const Plan *p)
{
  SvgOut *out = w->out;
  svg_out_str(out, "<g");
  out_class(w, p->cls);
  svg_out_str(out, " transform=\"translate(");
  svg_out_num(out, s->x);
  svg_out_c(out, ' ');
  svg_out_num(out, s->y + p->baseline);
  svg_out_str(out, ")\">");
  const GlyphUse *uses = &g_array_index(w->uses, GlyphUse, p->first);
  for (guint k = 0; k < p->n; k++)
    if (!uses[k].toned)
      svg_glyphs_write_use(out, w->prefix, uses[k].word, uses[k].ref, uses[k].x, uses[k].y);
  if (p->missing != NULL) {
    /* From the box's top left, in a group at its baseline. */
    svg_out_str(out, "<path transform=\"translate(0 ");
    svg_out_num(out, -p->baseline);
    svg_out_str(out, ")\" d=\"");
    svg_out_str(out, p->missing);
    svg_out_str(out, "\"/>");
  }
  if (p->tone_cls != NONE) {
    svg_out_str(out, "<g");
    out_class(w, p->tone_cls);
    svg_out_c(out, '>');
    for (guint k = 0; k < p->n; k++)
      if (uses[k].toned)
        svg_glyphs_write_use(out, w->prefix, uses[k].word, uses[k].ref, uses[k].x, uses[k].y);
    svg_out_str(out, "</g>");
  }
  svg_out_str(out, "</g>\n<text");
  out_class(w, p->text_cls);
  write_text_position(w, s, p, TRUE);
  svg_out_str(out, " lengthAdjust=\"spacingAndGlyphs\">");
  write_text_content(w, s->text, 0, strlen(s->text));
  svg_out_str(out, "</text>\n");
}

/* Text mode: a visible <text> at Pango's origin, stretched to the measured length, the
 * second tone as a <tspan>. A text with a right-to-left run gives each run its own x:
 * the browser's bidi then orders the runs' characters, not the whole line's. */
static void write_text_text(Writer *w, const LayoutShape *s, const Plan *p)
{
  SvgOut *out = w->out;
  gsize len = strlen(s->text);
  gsize tone_from = p->tone_cls != NONE ? s->tone_from : len;
  svg_out_str(out, "<text");
  out_class(w, p->cls);
  write_text_position(w, s, p, !p->rtl);
  svg_out_c(out, '>');
  if (!p->rtl) {
    write_text_content(w, s->text, 0, tone_from);
    if (tone_from < len) {
      svg_out_str(out, "<tspan");
      out_class(w, p->tone_cls);
      svg_out_c(out, '>');
      write_text_content(w, s->text, tone_from, len);
      svg_out_str(out, "</tspan>");
    }
  } else {
    text_glyphs_shape(w->text, s->font, s->text, w->tg);
    for (guint r = 0; r < w->tg->runs->len; r++) {
      const TextGlyphRun *run = &g_array_index(w->tg->runs, TextGlyphRun, r);
      if (run->n == 0)
        continue;
      double left = G_MAXDOUBLE;
      for (guint k = run->first; k < run->first + run->n; k++)
        left = MIN(left, g_array_index(w->tg->glyphs, TextGlyph, k).x);
      svg_out_str(out, "<tspan");
      if (!run->rtl && tone_from <= run->start)
        out_class(w, p->tone_cls);
      svg_out_attr(out, " x=\"", s->x + left);
      svg_out_c(out, '>');
      write_text_content(w, s->text, run->start, run->end);
      svg_out_str(out, "</tspan>");
    }
  }
  svg_out_str(out, "</text>\n");
}

static void write_shape(Writer *w, guint i)
{
  const LayoutShape *s = &g_array_index(w->scene->shapes, LayoutShape, i);
  const Plan *p = &w->plans[i];
  if (p->cls == NONE)
    return;
  switch (s->kind) {
  case LAYOUT_SHAPE_RECT:
    write_rect(w, s, p);
    break;
  case LAYOUT_SHAPE_LINE:
    write_line(w, s, p);
    break;
  case LAYOUT_SHAPE_DIAMOND:
    write_diamond(w, s, p);
    break;
  case LAYOUT_SHAPE_CIRCLE:
    write_circle(w, s, p);
    break;
  case LAYOUT_SHAPE_TEXT:
    if (w->opts->text == SVG_TEXT_TEXT)
      write_text_text(w, s, p);
    else
      write_text_paths(w, s, p);
    break;
  }
}

/* --- Items --- */

static const char *owner_name(LayoutOwnerKind kind)
{
  switch (kind) {
  case LAYOUT_OWNER_PAGE:
    return "page";
  case LAYOUT_OWNER_TITLE:
    return "title";
  case LAYOUT_OWNER_LEGEND:
    return "legend";
  case LAYOUT_OWNER_AXIS:
    return "axis";
  case LAYOUT_OWNER_TODAY:
    return "today";
  case LAYOUT_OWNER_TRACK:
    return "track";
  case LAYOUT_OWNER_GROUP:
    return "group";
  case LAYOUT_OWNER_ENTRY:
    return "entry";
  case LAYOUT_OWNER_MILESTONE:
    return "milestone";
  }
  return "page";
}

static void write_title(Writer *w, char *tooltip)
{
  svg_out_str(w->out, "<title>");
  svg_out_text(w->out, tooltip, TRUE);
  svg_out_str(w->out, "</title>");
  g_free(tooltip);
}

/* Per shape: the bar of its entry it draws, or NONE (one pass over the records, so that
 * an entry of many roles stays linear). */
static guint *bars_by_shape(const LayoutScene *scene)
{
  guint *bar = g_new(guint, scene->shapes->len + 1);
  for (guint i = 0; i < scene->shapes->len; i++)
    bar[i] = NONE;
  for (guint e = 0; e < scene->entries->len; e++) {
    const LayoutEntry *entry = &g_array_index(scene->entries, LayoutEntry, e);
    for (guint b = 0; b < entry->bars->len; b++) {
      guint shape = g_array_index(entry->bars, LayoutBar, b).shape;
      if (shape < scene->shapes->len)
        bar[shape] = b;
    }
  }
  return bar;
}

/* The gap whose band or length shape i draws, or NULL. */
static const LayoutGap *gap_of(const LayoutScene *scene, guint i)
{
  const LayoutShape *s = &g_array_index(scene->shapes, LayoutShape, i);
  if (s->owner.kind != LAYOUT_OWNER_GROUP ||
      (s->owner.part != LAYOUT_PART_GAP && s->owner.part != LAYOUT_PART_GAP_LABEL) ||
      s->owner.index >= scene->groups->len)
    return NULL;
  const LayoutGroup *group = &g_array_index(scene->groups, LayoutGroup, s->owner.index);
  return s->owner.sub < group->gaps->len ? &g_array_index(group->gaps, LayoutGap, s->owner.sub)
                                         : NULL;
}

/* One item: a link around it where its record has a url, a <g> naming its owner with the
 * record's tooltip, and its shapes, each bar whose tooltip says more, and each gap's band
 * and length, in a <g> of its own with that tooltip. */
static void write_item(Writer *w, const SvgItems *items, const SvgItem *item)
{
  SvgOut *out = w->out;
  const LayoutScene *scene = w->scene;
  const LayoutEntry *entry = NULL;
  const LayoutMilestone *milestone = NULL;
  if (item->kind == LAYOUT_OWNER_ENTRY && item->index < scene->entries->len)
    entry = &g_array_index(scene->entries, LayoutEntry, item->index);
  if (item->kind == LAYOUT_OWNER_MILESTONE && item->index < scene->milestones->len)
    milestone = &g_array_index(scene->milestones, LayoutMilestone, item->index);
  const char *url = entry ? entry->url : milestone ? milestone->url : NULL;
  gboolean link = url != NULL && strutil_url_followable(url);
  if (link) {
    svg_out_str(out, "<a href=\"");
    svg_out_text(out, url, FALSE);
    svg_out_str(out, "\" xlink:href=\"");
    svg_out_text(out, url, FALSE);
    svg_out_str(out, "\">");
  }
  svg_out_str(out, "<g data-owner=\"");
  svg_out_str(out, owner_name(item->kind));
  svg_out_c(out, '"');
  if (item->kind == LAYOUT_OWNER_GROUP || entry || milestone) {
    svg_out_str(out, " data-index=\"");
    svg_out_uint(out, item->index);
    svg_out_c(out, '"');
  }
  svg_out_c(out, '>');
  const Lang *lang = scene->lang;
  char *tip = entry       ? describe_entry(lang, entry)
              : milestone ? describe_milestone(lang, milestone)
                          : NULL;
  if (tip != NULL)
    write_title(w, g_strdup(tip));
  gsize tip_len = tip != NULL ? strlen(tip) : 0;
  svg_out_c(out, '\n');
  for (guint k = 0; k < item->n; k++) {
    guint i = g_array_index(items->shapes, guint, item->first + k);
    guint bar = entry ? w->bar_of[i] : NONE;
    const LayoutGap *gap = item->kind == LAYOUT_OWNER_GROUP ? gap_of(scene, i) : NULL;
    char *bar_tip = bar != NONE ? describe_bar(lang, entry, bar)
                    : gap != NULL ? describe_gap(lang, gap)
                                  : NULL;
    /* A bar that says what its entry says shows the entry's tooltip: most entries have
     * one bar, and that would be every tooltip twice. Lengths first: the entry's tip of
     * a job of 100,000 roles lists them all, and a strcmp that measures both strings
     * (ASan's strict_string_checks) would make the bars quadratic. */
    if (bar_tip != NULL && tip != NULL && strlen(bar_tip) == tip_len &&
        memcmp(bar_tip, tip, tip_len) == 0)
      g_clear_pointer(&bar_tip, g_free);
    if (bar_tip != NULL) {
      svg_out_str(out, "<g>");
      write_title(w, bar_tip);
    }
    write_shape(w, i);
    if (bar_tip != NULL)
      svg_out_str(out, "</g>\n");
  }
  g_free(tip);
  svg_out_str(out, link ? "</g></a>\n" : "</g>\n");
}

gboolean svg_write_scene(const LayoutScene *scene, TextCtx *text, const SvgOptions *opts,
                         SvgOutSink sink, gpointer closure)
{
  Writer w = {
      .scene = scene,
      .text = text,
      .opts = opts,
      .dark = opts->dark != NULL,
      .paint = svg_paint_new(),
      .uses = g_array_new(FALSE, FALSE, sizeof(GlyphUse)),
      .text_uses = g_array_new(FALSE, FALSE, sizeof(GlyphUse)),
      .defs = g_string_new(NULL),
      .gradients = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
      .text_fonts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
      .tg = text_glyphs_new(),
      .light = g_string_new(NULL),
      .dark_css = g_string_new(NULL),
  };
  w.out = svg_out_new(sink, closure, svg_decimals_for_scale(opts->scale));
  if (opts->text == SVG_TEXT_TEXT)
    w.fonts = svg_fonts_new();
  else
    w.glyphs = svg_glyphs_new(w.out->decimals);
  content_prefix(&w);
  pair_dark(&w);
  plan_shapes(&w);
  gboolean *drawn = g_new(gboolean, scene->shapes->len + 1);
  for (guint i = 0; i < scene->shapes->len; i++)
    drawn[i] = w.plans[i].cls != NONE;
  SvgItems *items = svg_items_build(scene, drawn);
  w.bar_of = bars_by_shape(scene);
  g_free(drawn);
  write_root(&w);
  write_style_and_defs(&w);
  for (guint i = 0; i < items->items->len; i++)
    write_item(&w, items, &g_array_index(items->items, SvgItem, i));
  svg_out_str(w.out, "</svg>\n");
  gboolean ok = svg_out_flush(w.out);
  svg_items_free(items);
  svg_out_free(w.out);
  svg_paint_free(w.paint);
  svg_glyphs_free(w.glyphs);
  svg_fonts_free(w.fonts);
  for (guint i = 0; i < scene->shapes->len; i++)
    g_free(w.plans[i].missing);
  g_free(w.plans);
  g_array_unref(w.uses);
  g_array_unref(w.text_uses);
  g_free(w.dark_of);
  g_free(w.bar_of);
  g_string_free(w.defs, TRUE);
  g_hash_table_destroy(w.gradients);
  g_hash_table_destroy(w.text_fonts);
  text_glyphs_free(w.tg);
  g_string_free(w.light, TRUE);
  g_string_free(w.dark_css, TRUE);
  return ok;
}
