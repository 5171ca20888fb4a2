/* svg_glyphs: glyph definitions and embedded font subsets for the SVG (spec/visual.md
 * "SVG"). The outlines and subsets come from text_glyphs, that is from the very fonts
 * Pango laid the text out with, so the SVG draws what the PNG draws. */
#include "svg_glyphs.h"

#include "strutil.h"
#include "svg_woff.h"

#include <math.h>
#include <string.h>

/* A face at a size: what a glyph definition is drawn from. */
typedef struct {
  TextGlyphFace *face;
  double size;
  TextGlyphFont *font; /* a reference, for drawing its outlines */
  GArray *by_glyph;    /* of guint: def + 1 (0: none yet), by glyph below SVG_GLYPHS_DIRECT */
} FontSlot;

/* Glyph ids below this are looked up in their slot's array (a font's glyphs are at most
 * 65,535); Pango's others (empty, unknown characters) in the hash table. A chart draws
 * glyphs some 900,000 times for 10,000 entries, so the look-up is an index. */
#define SVG_GLYPHS_DIRECT 65536

typedef struct {
  char *path; /* its outline as path data; "" for a glyph that draws nothing */
} GlyphDef;

/* A word: glyphs that recur together at the same offsets from the first. */
typedef struct {
  guint first, n; /* its glyphs in SvgGlyphs.members */
} Word;

typedef struct {
  guint def;
  double dx, dy; /* from the word's first glyph */
} Member;

struct SvgGlyphs {
  int decimals;
  GArray *slots;        /* of FontSlot */
  GHashTable *by_font;  /* TextGlyphFont* (referenced) -> slot + 1 */
  TextGlyphFont *last_font; /* the font font_slot found last (a key of by_font) */
  guint last_slot;
  GArray *defs;         /* of GlyphDef, in order of first use */
  GHashTable *by_glyph; /* (slot << 32 | glyph) as gint64* -> def + 1, for glyphs past
                           SVG_GLYPHS_DIRECT */
  GArray *words;        /* of Word */
  GArray *members;      /* of Member */
  GHashTable *by_word;  /* word key (word_key_hash) -> word + 1; keys owned */
  double unit;          /* 10^decimals: offsets are keyed at the precision written */
  GString *key;         /* scratch */
};

/* A word's key: its length in bytes (a guint32), then the bytes: each glyph's
 * definition and rounded offsets as three gint64. Looked up some 500,000 times for
 * 10,000 entries, so the probe is the scratch buffer itself, not an allocated GBytes. */
static guint32 word_key_len(gconstpointer key)
{
  guint32 n;
  memcpy(&n, key, sizeof n);
  return n;
}

static guint word_key_hash(gconstpointer key)
{
  return strutil_hash_bytes((const char *)key + sizeof(guint32), word_key_len(key));
}

static gboolean word_key_equal(gconstpointer a, gconstpointer b)
{
  guint32 n = word_key_len(a);
  return n == word_key_len(b) &&
         memcmp((const char *)a + sizeof n, (const char *)b + sizeof n, n) == 0;
}

static void glyph_def_clear(gpointer p)
{
  g_free(((GlyphDef *)p)->path);
}

SvgGlyphs *svg_glyphs_new(int decimals)
{
  SvgGlyphs *g = g_new0(SvgGlyphs, 1);
  g->decimals = decimals;
  g->slots = g_array_new(FALSE, FALSE, sizeof(FontSlot));
  g->by_font = g_hash_table_new(g_direct_hash, g_direct_equal);
  g->defs = g_array_new(FALSE, FALSE, sizeof(GlyphDef));
  g_array_set_clear_func(g->defs, glyph_def_clear);
  g->by_glyph = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
  g->words = g_array_new(FALSE, FALSE, sizeof(Word));
  g->members = g_array_new(FALSE, FALSE, sizeof(Member));
  g->by_word = g_hash_table_new_full(word_key_hash, word_key_equal, g_free, NULL);
  g->unit = pow(10, decimals);
  g->key = g_string_new(NULL);
  return g;
}

static void drop_font_key(gpointer key, gpointer value, gpointer data)
{
  (void)value, (void)data;
  text_glyph_font_unref(key);
}

void svg_glyphs_free(SvgGlyphs *g)
{
  if (g == NULL)
    return;
  for (guint i = 0; i < g->slots->len; i++) {
    text_glyph_font_unref(g_array_index(g->slots, FontSlot, i).font);
    g_array_unref(g_array_index(g->slots, FontSlot, i).by_glyph);
  }
  g_array_unref(g->slots);
  g_hash_table_foreach(g->by_font, drop_font_key, NULL);
  g_hash_table_destroy(g->by_font);
  g_array_unref(g->defs);
  g_hash_table_destroy(g->by_glyph);
  g_array_unref(g->words);
  g_array_unref(g->members);
  g_hash_table_destroy(g->by_word);
  g_string_free(g->key, TRUE);
  g_free(g);
}

static guint font_slot_find(SvgGlyphs *g, TextGlyphFont *font)
{
  gpointer found = g_hash_table_lookup(g->by_font, font);
  if (found != NULL)
    return GPOINTER_TO_UINT(found) - 1;
  TextFontInfo info;
  text_glyph_font_info(font, &info);
  g_free(info.family);
  TextGlyphFace *face = text_glyph_font_face(font);
  guint slot = G_MAXUINT;
  for (guint i = 0; i < g->slots->len; i++) {
    const FontSlot *s = &g_array_index(g->slots, FontSlot, i);
    if (s->face == face && s->size == info.size)
      slot = i;
  }
  if (slot == G_MAXUINT) {
    FontSlot s = {face, info.size, text_glyph_font_ref(font),
                  g_array_new(FALSE, TRUE, sizeof(guint))};
    g_array_append_val(g->slots, s);
    slot = g->slots->len - 1;
  }
  /* Referenced: a pointer freed and reused for another font must not find this slot. */
  g_hash_table_insert(g->by_font, text_glyph_font_ref(font), GUINT_TO_POINTER(slot + 1));
  return slot;
}

/* The slot of @font. A text's glyphs come in runs of one font: the last one found is
 * checked first (by_font holds a reference, so its address cannot be another font's). */
static guint font_slot(SvgGlyphs *g, TextGlyphFont *font)
{
  if (font != g->last_font) {
    g->last_slot = font_slot_find(g, font);
    g->last_font = font;
  }
  return g->last_slot;
}

/* --- Path data --- */

typedef struct {
  GString *d;
  int decimals;
  char last; /* the last command letter written, to leave out repeats */
} PathWriter;

/* A number of path data: "0.5" as ".5", "-0.5" as "-.5", a space before it unless it
 * starts with '-' (the sign separates it) or follows a command letter. */
static void path_num(PathWriter *w, double v, gboolean after_command)
{
  char buf[STRUTIL_NUMBER_MAX];
  gsize n = strutil_number_to(buf, isfinite(v) ? v : 0, w->decimals);
  const char *p = buf;
  gsize negative = buf[0] == '-' ? 1 : 0;
  if (n > 1 + negative && buf[negative] == '0' && buf[negative + 1] == '.') {
    /* Drop the leading zero: "-0.5" -> "-.5", "0.5" -> ".5". */
    memmove(buf + negative, buf + negative + 1, n - negative);
    n--;
  }
  if (!after_command && p[0] != '-')
    g_string_append_c(w->d, ' ');
  g_string_append_len(w->d, p, (gssize)n);
}

static void path_points(PathWriter *w, char cmd, const double *xy, int n)
{
  /* A repeated L, Q or C is implied; M never repeats (a second pair after M is a line). */
  gboolean fresh = cmd != w->last || cmd == 'M';
  if (fresh)
    g_string_append_c(w->d, cmd);
  w->last = cmd;
  for (int i = 0; i < n; i++)
    path_num(w, xy[i], fresh && i == 0);
}

static void on_move(gpointer c, double x, double y)
{
  path_points(c, 'M', (double[]){x, y}, 2);
}

static void on_line(gpointer c, double x, double y)
{
  path_points(c, 'L', (double[]){x, y}, 2);
}

static void on_quad(gpointer c, double cx, double cy, double x, double y)
{
  path_points(c, 'Q', (double[]){cx, cy, x, y}, 4);
}

static void on_cubic(gpointer c, double ax, double ay, double bx, double by, double x, double y)
{
  path_points(c, 'C', (double[]){ax, ay, bx, by, x, y}, 6);
}

static void on_close(gpointer c)
{
  PathWriter *w = c;
  g_string_append_c(w->d, 'Z');
  w->last = 'Z';
}

static const TextPathFuncs PATH_FUNCS = {on_move, on_line, on_quad, on_cubic, on_close};

char *svg_glyphs_path(TextGlyphFont *font, guint glyph, int decimals)
{
  PathWriter w = {g_string_new(NULL), decimals, 0};
  text_glyph_outline(font, glyph, &PATH_FUNCS, &w);
  return g_string_free(w.d, FALSE);
}

char *svg_glyphs_missing_path(const TextGlyphs *glyphs, int decimals)
{
  PathWriter w = {g_string_new(NULL), decimals, 0};
  gboolean any = text_glyphs_missing_outline(glyphs, &PATH_FUNCS, &w);
  return g_string_free(w.d, !any);
}

/* A new definition of @glyph drawn from @slot's font; returns its index. */
static guint glyph_def_add(SvgGlyphs *g, const FontSlot *slot, guint glyph)
{
  GlyphDef def = {svg_glyphs_path(slot->font, glyph, g->decimals)};
  g_array_append_val(g->defs, def);
  return g->defs->len - 1;
}

guint svg_glyphs_def(SvgGlyphs *g, TextGlyphFont *font, guint glyph)
{
  guint slot = font_slot(g, font);
  FontSlot *s = &g_array_index(g->slots, FontSlot, slot);
  if (glyph >= SVG_GLYPHS_DIRECT) {
    gint64 key = ((gint64)slot << 32) | glyph;
    gpointer found = g_hash_table_lookup(g->by_glyph, &key);
    if (found != NULL)
      return GPOINTER_TO_UINT(found) - 1;
    guint def = glyph_def_add(g, s, glyph);
    g_hash_table_insert(g->by_glyph, g_memdup2(&key, sizeof key), GUINT_TO_POINTER(def + 1));
    return def;
  }
  if (glyph >= s->by_glyph->len)
    g_array_set_size(s->by_glyph, glyph + 1); /* made with clear: grows by zeros */
  guint *known = &g_array_index(s->by_glyph, guint, glyph);
  if (*known == 0)
    *known = glyph_def_add(g, s, glyph) + 1; /* adds to g->defs, not to this array */
  return *known - 1;
}

gboolean svg_glyphs_empty(const SvgGlyphs *g, guint def)
{
  return g_array_index(g->defs, GlyphDef, def).path[0] == '\0';
}

double svg_glyphs_font_size(SvgGlyphs *g, TextGlyphFont *font)
{
  guint slot = font_slot(g, font); /* may grow the array: before indexing it */
  return g_array_index(g->slots, FontSlot, slot).size;
}

guint svg_glyphs_count(const SvgGlyphs *g)
{
  return g->defs->len;
}

guint svg_glyphs_word(SvgGlyphs *g, const guint *defs, const double *dx, const double *dy, guint n)
{
  /* The key is what the word draws at the precision written (occurrences that round
   * alike draw alike), as binary words: a word's key costs no formatting. */
  guint32 len = (guint32)(n * 3 * sizeof(gint64));
  g_string_set_size(g->key, sizeof len + len);
  char *key = g->key->str;
  memcpy(key, &len, sizeof len);
  for (guint i = 0; i < n; i++) {
    gint64 v[3] = {defs[i], llround(dx[i] * g->unit), llround(dy[i] * g->unit)};
    memcpy(key + sizeof len + i * sizeof v, v, sizeof v);
  }
  gpointer found = g_hash_table_lookup(g->by_word, key);
  if (found != NULL)
    return GPOINTER_TO_UINT(found) - 1;
  Word word = {g->members->len, n};
  for (guint i = 0; i < n; i++) {
    Member m = {defs[i], dx[i], dy[i]};
    g_array_append_val(g->members, m);
  }
  g_array_append_val(g->words, word);
  g_hash_table_insert(g->by_word, g_memdup2(key, sizeof len + len),
                      GUINT_TO_POINTER(g->words->len));
  return g->words->len - 1;
}

static void write_href(SvgOut *out, const char *prefix, char kind, guint n)
{
  svg_out_str(out, "<use xlink:href=\"#");
  svg_out_str(out, prefix);
  svg_out_c(out, '-');
  svg_out_c(out, kind);
  svg_out_uint(out, n);
  svg_out_c(out, '"');
}

void svg_glyphs_write_use(SvgOut *out, const char *prefix, gboolean word, guint n, double x,
                          double y)
{
  write_href(out, prefix, word ? 'w' : 'g', n);
  if (x != 0)
    svg_out_attr(out, " x=\"", x);
  if (y != 0)
    svg_out_attr(out, " y=\"", y);
  svg_out_str(out, "/>");
}

void svg_glyphs_write_defs(const SvgGlyphs *g, SvgOut *out, const char *prefix)
{
  for (guint i = 0; i < g->defs->len; i++) {
    const GlyphDef *def = &g_array_index(g->defs, GlyphDef, i);
    if (def->path[0] == '\0')
      continue;
    svg_out_str(out, "<path id=\"");
    svg_out_str(out, prefix);
    svg_out_str(out, "-g");
    svg_out_uint(out, i);
    svg_out_str(out, "\" d=\"");
    svg_out_str(out, def->path);
    svg_out_str(out, "\"/>\n");
  }
  for (guint i = 0; i < g->words->len; i++) {
    const Word *word = &g_array_index(g->words, Word, i);
    svg_out_str(out, "<g id=\"");
    svg_out_str(out, prefix);
    svg_out_str(out, "-w");
    svg_out_uint(out, i);
    svg_out_str(out, "\">");
    for (guint k = 0; k < word->n; k++) {
      const Member *m = &g_array_index(g->members, Member, word->first + k);
      svg_glyphs_write_use(out, prefix, FALSE, m->def, m->dx, m->dy);
    }
    svg_out_str(out, "</g>\n");
  }
}

/* --- Embedded fonts --- */

typedef struct {
  TextGlyphFace *face;
  TextGlyphFont *font; /* a reference: keeps the face alive */
  char *family;
  int weight;
  TextStyle style;
  GHashTable *chars; /* characters drawn, as keys */
} FontFace;

struct SvgFonts {
  GArray *faces;       /* of FontFace, in order of first use */
  GHashTable *by_font; /* TextGlyphFont* (referenced) -> face + 1 */
};

SvgFonts *svg_fonts_new(void)
{
  SvgFonts *f = g_new0(SvgFonts, 1);
  f->faces = g_array_new(FALSE, FALSE, sizeof(FontFace));
  f->by_font = g_hash_table_new(g_direct_hash, g_direct_equal);
  return f;
}

void svg_fonts_free(SvgFonts *f)
{
  if (f == NULL)
    return;
  for (guint i = 0; i < f->faces->len; i++) {
    FontFace *face = &g_array_index(f->faces, FontFace, i);
    text_glyph_font_unref(face->font);
    g_free(face->family);
    g_hash_table_destroy(face->chars);
  }
  g_array_unref(f->faces);
  g_hash_table_foreach(f->by_font, drop_font_key, NULL);
  g_hash_table_destroy(f->by_font);
  g_free(f);
}

guint svg_fonts_face(SvgFonts *f, TextGlyphFont *font)
{
  gpointer found = g_hash_table_lookup(f->by_font, font);
  if (found != NULL)
    return GPOINTER_TO_UINT(found) - 1;
  TextGlyphFace *face = text_glyph_font_face(font);
  guint index = G_MAXUINT;
  for (guint i = 0; i < f->faces->len; i++)
    if (g_array_index(f->faces, FontFace, i).face == face)
      index = i;
  if (index == G_MAXUINT) {
    TextFontInfo info;
    text_glyph_font_info(font, &info);
    FontFace ff = {
        .face = face,
        .font = text_glyph_font_ref(font),
        .family = info.family,
        .weight = info.weight,
        .style = info.style,
        .chars = g_hash_table_new(g_direct_hash, g_direct_equal),
    };
    g_array_append_val(f->faces, ff);
    index = f->faces->len - 1;
  }
  g_hash_table_insert(f->by_font, text_glyph_font_ref(font), GUINT_TO_POINTER(index + 1));
  return index;
}

void svg_fonts_add_text(SvgFonts *f, guint face, const char *text, guint start, guint end)
{
  GHashTable *chars = g_array_index(f->faces, FontFace, face).chars;
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (c != 0)
      g_hash_table_add(chars, GUINT_TO_POINTER(c));
  }
}

const char *svg_fonts_family(const SvgFonts *f, guint face)
{
  return g_array_index(f->faces, FontFace, face).family;
}

int svg_fonts_weight(const SvgFonts *f, guint face)
{
  return g_array_index(f->faces, FontFace, face).weight;
}

const char *svg_fonts_style(const SvgFonts *f, guint face)
{
  TextStyle style = g_array_index(f->faces, FontFace, face).style;
  return style == TEXT_STYLE_ITALIC ? "italic" : style == TEXT_STYLE_OBLIQUE ? "oblique" : "normal";
}

static gint compare_uint(gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;
  return x < y ? -1 : x > y;
}

/* The keys of @set, sorted (the subset must not depend on hash order). */
static GArray *sorted_keys(GHashTable *set)
{
  GArray *out = g_array_sized_new(FALSE, FALSE, sizeof(guint), g_hash_table_size(set));
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init(&it, set);
  while (g_hash_table_iter_next(&it, &key, NULL)) {
    guint v = GPOINTER_TO_UINT(key);
    g_array_append_val(out, v);
  }
  g_array_sort(out, compare_uint);
  return out;
}

static void write_font_face(SvgOut *out, const char *prefix, guint index, const FontFace *ff)
{
  /* By characters: the subset's closure keeps the glyphs shaping them needs (ligatures,
   * contextual forms), which is what the browser will shape them with. */
  GArray *chars = sorted_keys(ff->chars);
  GBytes *subset = text_face_subset(ff->face, NULL, 0, (const gunichar *)chars->data, chars->len);
  g_array_unref(chars);
  if (subset == NULL)
    return;
  GBytes *woff = svg_woff_from_sfnt(subset);
  gsize len;
  const guint8 *data = g_bytes_get_data(woff ? woff : subset, &len);
  svg_out_str(out, "@font-face{font-family:\"");
  svg_out_str(out, prefix);
  svg_out_str(out, "-f");
  svg_out_uint(out, index);
  svg_out_str(out, "\";font-weight:");
  svg_out_uint(out, (guint64)ff->weight);
  svg_out_str(out, ";font-style:");
  svg_out_str(out, ff->style == TEXT_STYLE_ITALIC    ? "italic"
                   : ff->style == TEXT_STYLE_OBLIQUE ? "oblique"
                                                     : "normal");
  gboolean cff = len >= 8 && memcmp(data + (woff ? 4 : 0), "OTTO", 4) == 0;
  svg_out_str(out, woff  ? ";src:url(data:font/woff;base64,"
                   : cff ? ";src:url(data:font/otf;base64,"
                         : ";src:url(data:font/ttf;base64,");
  char *b64 = g_base64_encode(data, len);
  svg_out_str(out, b64);
  g_free(b64);
  svg_out_str(out, woff  ? ") format(\"woff\")}\n"
                   : cff ? ") format(\"opentype\")}\n"
                         : ") format(\"truetype\")}\n");
  if (woff)
    g_bytes_unref(woff);
  g_bytes_unref(subset);
}

void svg_fonts_write_css(const SvgFonts *f, SvgOut *out, const char *prefix)
{
  for (guint i = 0; i < f->faces->len; i++)
    write_font_face(out, prefix, i, &g_array_index(f->faces, FontFace, i));
}
