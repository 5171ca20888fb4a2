/* text: measuring and drawing plain text with Pango (doc/architecture.md "Conventions": one
 * small module, measure + draw). Both go through one PangoContext with fixed font options,
 * so that what layout measured is what render draws, at any scale. Each measured text keeps
 * its shaped runs, so that drawing it does not shape it a second time.
 *
 * A label is one line: it is itemized and shaped run by run, the runs put in visual
 * order and measured exactly as PangoLayout does for a single paragraph with no width,
 * and drawn as PangoLayout draws them. A PangoLayout would also ask each font for its
 * metrics (a line height that one-line labels never use), and Pango answers that by
 * laying out a sample sentence with a second font pattern per font: a fontconfig
 * substitution, match and sort over every installed font, six times for a chart, more
 * than the labels' own shaping costs. Texts that need more than a line of runs (none
 * from a CV: empty ones, control characters, small-caps or vertical fonts) still go
 * through a PangoLayout. */
#include "text.h"

#include "text_private.h"

#include "strutil.h"

#include <hb-ot.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

struct TextCtx {
  PangoFontMap *font_map;
  PangoContext *context;
  PangoLayout *layout;      /* scratch: layout-only texts measured or drawn unkept */
  GHashTable *fonts;        /* description string -> TextFont* */
  const char *last_key;     /* the description text_font found last (a key of fonts) */
  struct TextFont *last_font;
  GPtrArray *word_sets;     /* of TextWordSet*: shaped words (text_shape_words) */
  GString *word;            /* scratch for word_sets' keys */
  GPtrArray *parts;         /* scratch: the words text_shape_words found */
  const char *layout_font;  /* the description currently set on the layout (key in fonts) */
  /* The cairo state the context was last synchronised with (text_sync): the linear part
   * of the matrix and the target surface's font options. */
  gboolean synced;
  double matrix[4];
  cairo_font_options_t *surface_options;
};

/* The signs of typeset text that text_in_latin_set takes beyond U+017F; each character
 * of the set has a slot in a TextFont's bitmaps: its code point below U+0180, else
 * U+0180 and up in this order. */
static const gunichar text_latin_signs[] = {0x2013, 0x2014, 0x2018, 0x2019,
                                            0x201c, 0x201d, 0x2022, 0x2026};
#define TEXT_LATIN_SLOTS (0x180 + 8)

/* A parsed font description and the attributes a PangoLayout would give its text: the
 * font for itemizing, "show line breaks" (single-paragraph mode) for shaping. */
typedef struct TextFont {
  PangoFontDescription *desc;
  /* The texts measured in this font: text -> TextEntry*, whose text is its key. Per font,
   * so that a look-up hashes and compares the label only, not the description too. */
  GHashTable *measured;
  PangoAttrList *itemize;
  PangoAttrList *shape;
  gboolean runs_ok; /* no variant or gravity, which only a layout handles */
  /* The item a text_is_latin_words text of the characters in latin_in is itemized into,
   * in the context as it was at latin_serial (text_latin_item); latin_out holds the
   * characters found to need Pango (bits by text_latin_slot). */
  PangoItem *latin_item;
  gboolean latin_valid;
  guint latin_serial;
  guint8 latin_in[TEXT_LATIN_SLOTS / 8];
  guint8 latin_out[TEXT_LATIN_SLOTS / 8];
} TextFont;

static void text_font_free(gpointer p)
{
  TextFont *f = p;
  /* The entries point at the font: before it. */
  g_hash_table_destroy(f->measured);
  pango_font_description_free(f->desc);
  pango_attr_list_unref(f->itemize);
  pango_attr_list_unref(f->shape);
  if (f->latin_item)
    pango_item_free(f->latin_item);
  g_free(f);
}

/* One shaped run, placed on its line. */
typedef struct {
  PangoItem *item;
  PangoGlyphString *glyphs;
  int x;        /* its left edge, Pango units from the line's origin */
  int y_offset; /* how far its baseline is raised to the line's (Pango units) */
} TextRun;

/* A measured text: its extents and, unless it was only a candidate, its shaped runs (or,
 * for the few texts a line of runs cannot hold, its layout). */
typedef struct {
  TextExtents extents;
  const char *text;    /* into the entry's key */
  TextFont *font;
  PangoLayout *layout; /* or NULL */
  TextRun *runs;       /* visual order, or NULL */
  guint n_runs;
  int origin;          /* the line's left edge (Pango units) */
  int baseline;        /* from the top of the line (Pango units) */
  guint serial;        /* the context's serial when the runs were shaped */
  gboolean is_line;    /* shaped as runs when measured (else drawn through a layout) */
  gboolean too_long;   /* longer than text_max_chars: not shaped, never drawn */
} TextEntry;

static void text_runs_free(TextEntry *e)
{
  for (guint i = 0; i < e->n_runs; i++) {
    pango_item_free(e->runs[i].item);
    pango_glyph_string_free(e->runs[i].glyphs);
  }
  g_free(e->runs);
  e->runs = NULL;
  e->n_runs = 0;
}

static void text_entry_free(gpointer p)
{
  TextEntry *e = p;
  if (e->layout)
    g_object_unref(e->layout);
  text_runs_free(e);
  g_free(e);
}

/* The words shaped once for every label they are in (text_shape_words), in one font,
 * language and script. The set holds a reference to its font, so that no other font can
 * take the address it is found by. */
typedef struct {
  PangoFont *font;
  PangoLanguage *language;
  int script;
  GHashTable *words; /* text -> PangoGlyphString* (both owned) */
} TextWordSet;

static void text_word_set_free(gpointer p)
{
  TextWordSet *set = p;
  g_object_unref(set->font);
  g_hash_table_destroy(set->words);
  g_free(set);
}

static void text_glyphs_free(gpointer p)
{
  pango_glyph_string_free(p);
}

/* Metrics that do not depend on the device scale: what layout measures at 1x is what a
 * 2x PNG or a PDF draws. */
static cairo_font_options_t *text_font_options(void)
{
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  return options;
}

TextCtx *text_ctx_new(void)
{
  TextCtx *ctx = g_new0(TextCtx, 1);
  ctx->font_map = pango_cairo_font_map_new();
  ctx->context = pango_font_map_create_context(ctx->font_map);
  /* 72 dpi: a font size of 11 is 11 px in SVG and PNG, 11 pt in PDF. */
  pango_cairo_context_set_resolution(ctx->context, 72.0);
  cairo_font_options_t *options = text_font_options();
  pango_cairo_context_set_font_options(ctx->context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(ctx->context, FALSE);
  /* A fixed language, not the locale's (pango_language_get_default). */
  pango_context_set_language(ctx->context, pango_language_from_string("en"));
  ctx->layout = pango_layout_new(ctx->context);
  pango_layout_set_single_paragraph_mode(ctx->layout, TRUE);
  /* Nothing iterates these tables: their keys (font and label) hash faster so. */
  ctx->fonts = g_hash_table_new_full(strutil_str_hash, g_str_equal, g_free, text_font_free);
  ctx->word_sets = g_ptr_array_new_with_free_func(text_word_set_free);
  ctx->word = g_string_new(NULL);
  ctx->parts = g_ptr_array_new();
  ctx->surface_options = cairo_font_options_create();
  return ctx;
}

void text_ctx_free(TextCtx *ctx)
{
  if (!ctx)
    return;
  g_object_unref(ctx->layout);
  g_object_unref(ctx->context);
  g_object_unref(ctx->font_map);
  g_hash_table_destroy(ctx->fonts);
  g_ptr_array_unref(ctx->word_sets);
  g_string_free(ctx->word, TRUE);
  g_ptr_array_unref(ctx->parts);
  cairo_font_options_destroy(ctx->surface_options);
  g_free(ctx);
}

void text_ctx_reset(TextCtx *ctx)
{
  /* Each font holds its measured texts; the layout's font is a key of fonts. */
  g_hash_table_remove_all(ctx->fonts);
  g_ptr_array_set_size(ctx->word_sets, 0);
  ctx->layout_font = NULL;
  ctx->last_key = NULL;
  ctx->last_font = NULL;
}

void text_ctx_set_language(TextCtx *ctx, const char *tag)
{
  PangoLanguage *lang = pango_language_from_string(tag ? tag : "en");
  if (lang == pango_context_get_language(ctx->context))
    return;
  pango_context_set_language(ctx->context, lang);
  pango_layout_context_changed(ctx->layout);
  text_ctx_reset(ctx);
}

guint text_ctx_cached(const TextCtx *ctx)
{
  guint n = 0;
  GHashTableIter iter;
  gpointer value;
  g_hash_table_iter_init(&iter, ctx->fonts);
  while (g_hash_table_iter_next(&iter, NULL, &value))
    n += g_hash_table_size(((TextFont *)value)->measured);
  return n;
}

/* The parsed @font, made on first use. Labels come in runs of one font: the last one
 * found is checked first. */
static TextFont *text_font(TextCtx *ctx, const char *font, const char **key_out)
{
  if (ctx->last_key && strcmp(ctx->last_key, font) == 0) {
    if (key_out)
      *key_out = ctx->last_key;
    return ctx->last_font;
  }
  gpointer key = NULL, value = NULL;
  if (!g_hash_table_lookup_extended(ctx->fonts, font, &key, &value)) {
    TextFont *f = g_new0(TextFont, 1);
    f->measured = g_hash_table_new_full(strutil_str_hash, g_str_equal, g_free, text_entry_free);
    f->desc = pango_font_description_from_string(font);
    f->itemize = pango_attr_list_new();
    pango_attr_list_insert(f->itemize, pango_attr_font_desc_new(f->desc));
    f->shape = pango_attr_list_new();
    pango_attr_list_insert(f->shape, pango_attr_show_new(PANGO_SHOW_LINE_BREAKS));
    f->runs_ok = pango_font_description_get_variant(f->desc) == PANGO_VARIANT_NORMAL &&
                 pango_font_description_get_gravity(f->desc) == PANGO_GRAVITY_SOUTH;
    key = g_strdup(font);
    value = f;
    g_hash_table_insert(ctx->fonts, key, value);
  }
  ctx->last_key = key;
  ctx->last_font = value;
  if (key_out)
    *key_out = key;
  return value;
}

/* Sets @font on the shared layout, parsing each description once. */
static void text_use_font(TextCtx *ctx, const char *font)
{
  if (ctx->layout_font && strcmp(ctx->layout_font, font) == 0)
    return;
  TextFont *f = text_font(ctx, font, &ctx->layout_font);
  pango_layout_set_font_description(ctx->layout, f->desc);
}

static void text_set(TextCtx *ctx, const char *font, const char *text)
{
  text_use_font(ctx, font);
  pango_layout_set_text(ctx->layout, text, -1);
}

/* With no usable font at all (an empty fontconfig setup), Pango draws hex boxes whose
 * reported line height can be absurd; a line is never taller than a few em. */
static void text_sanitize_extents(const PangoFontDescription *desc, TextExtents *out)
{
  double size = desc ? (double)pango_font_description_get_size(desc) / PANGO_SCALE : 0;
  if (size <= 0)
    size = 10;
  if (!(out->height >= 0 && out->height <= 4 * size)) {
    out->height = ceil(1.25 * size);
    out->baseline = size;
  }
  if (!(out->width >= 0 && out->width < 1e7))
    out->width = 0;
}

/* The width given a text too long to shape (text_max_chars): more than any page has. */
#define TEXT_TOO_LONG_WIDTH ((double)G_MAXINT / PANGO_SCALE)

/* The most characters a text in @f is shaped with. Pango keeps widths and positions in
 * ints of 1/1024 px, which pass 2^31 at 2,097,152 px: the progression label of a job of
 * 100,000 roles (over a megabyte) wrapped around to a width of 0, so it "fit" and was
 * drawn over itself. Past this count (at 8 em a character, no text can wrap) a text is
 * wider than any page (style pages are at most 20,000 px), so nothing is lost by not
 * shaping it: the layout shortens it or leaves it out, with a warning, as any text too
 * wide. */
static glong text_max_chars(const TextFont *f)
{
  double size = (double)pango_font_description_get_size(f->desc) / PANGO_SCALE;
  if (!(size > 1))
    size = 1;
  return MAX(256, (glong)(TEXT_TOO_LONG_WIDTH / (8 * size)));
}

/* Whether @text has more than text_max_chars characters in @f (counted only when its
 * bytes could be that many characters). */
static gboolean text_is_too_long(const TextFont *f, const char *text)
{
  glong max = text_max_chars(f);
  gsize bytes = strlen(text);
  return bytes > (gsize)max && g_utf8_strlen(text, (gssize)bytes) > max;
}

/* A new layout holding @text in @font, set up like the shared one. */
static PangoLayout *text_new_layout(TextCtx *ctx, const char *font, const char *text)
{
  PangoLayout *layout = pango_layout_new(ctx->context);
  pango_layout_set_single_paragraph_mode(layout, TRUE);
  pango_layout_set_font_description(layout, text_font(ctx, font, NULL)->desc);
  pango_layout_set_text(layout, text, -1);
  return layout;
}

static void text_extents_of(PangoLayout *layout, TextExtents *out)
{
  PangoRectangle logical;
  pango_layout_get_extents(layout, NULL, &logical);
  out->width = (double)logical.width / PANGO_SCALE;
  out->height = (double)logical.height / PANGO_SCALE;
  out->baseline = (double)pango_layout_get_baseline(layout) / PANGO_SCALE;
  text_sanitize_extents(pango_layout_get_font_description(layout), out);
}

/* Whether @text is one line of runs: not empty, no control characters or line or
 * paragraph separators (which a layout would break or show). */
static gboolean text_is_line(const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029)
      return FALSE;
  }
  return TRUE;
}

/* Aligns the baselines of @runs (logical order) as PangoLayout does: the first run's
 * script names the baseline (alphabetic, hanging, ideographic), each run is raised by
 * how far that baseline lies below the first run's in its own font. A fallback font
 * (CJK in a Latin label) sits a few units off without it. */
static void text_align_baselines(TextRun *runs, guint n)
{
  hb_ot_layout_baseline_tag_t tag = 0;
  hb_position_t first = 0;
  for (guint i = 0; i < n; i++) {
    PangoItem *item = runs[i].item;
    if (item->analysis.font == NULL)
      continue;
    hb_font_t *hb_font = pango_font_get_hb_font(item->analysis.font);
    hb_script_t script = (hb_script_t)g_unicode_script_to_iso15924(item->analysis.script);
    hb_language_t language =
        hb_language_from_string(pango_language_to_string(item->analysis.language), -1);
    hb_tag_t script_tags[HB_OT_MAX_TAGS_PER_SCRIPT], lang_tags[HB_OT_MAX_TAGS_PER_LANGUAGE];
    unsigned int script_count = HB_OT_MAX_TAGS_PER_SCRIPT;
    unsigned int lang_count = HB_OT_MAX_TAGS_PER_LANGUAGE;
    hb_ot_tags_from_script_and_language(script, language, &script_count, script_tags,
                                        &lang_count, lang_tags);
    gboolean is_first = tag == 0;
    if (is_first)
      tag = hb_ot_layout_get_horizontal_baseline_tag_for_script(script);
    hb_position_t baseline = 0;
    hb_ot_layout_get_baseline_with_fallback(
        hb_font, tag, HB_DIRECTION_LTR,
        script_count ? script_tags[script_count - 1] : HB_OT_TAG_DEFAULT_SCRIPT,
        lang_count ? lang_tags[lang_count - 1] : HB_TAG_NONE, &baseline);
    if (is_first)
      first = baseline;
    runs[i].y_offset = first - baseline;
  }
}

/* Puts @runs (logical order) in visual order: each maximal sequence at a level or higher
 * reversed, from the highest level down to the lowest odd one (Unicode bidi rule L2 on
 * whole runs, as pango_layout_line_reorder does; HarfBuzz ordered the glyphs within). */
static void text_reorder(TextRun *runs, guint n)
{
  guint8 max = 0, min_odd = G_MAXUINT8;
  for (guint i = 0; i < n; i++) {
    guint8 level = runs[i].item->analysis.level;
    max = MAX(max, level);
    if (level % 2 == 1)
      min_odd = MIN(min_odd, level);
  }
  for (int level = max; level >= (int)min_odd && level > 0; level--) {
    for (guint i = 0; i < n;) {
      if (runs[i].item->analysis.level < level) {
        i++;
        continue;
      }
      guint j = i;
      while (j < n && runs[j].item->analysis.level >= level)
        j++;
      for (guint a = i, b = j - 1; a < b; a++, b--) {
        TextRun t = runs[a];
        runs[a] = runs[b];
        runs[b] = t;
      }
      i = j;
    }
  }
}

/* Gives back the room Pango's doubling left in @glyphs: kept runs are a fifth of a large
 * chart's memory. (Pango frees the arrays with g_free and grows them by their space.) */
static void text_trim_glyphs(PangoGlyphString *glyphs)
{
  if (glyphs->num_glyphs <= 0 || glyphs->space <= glyphs->num_glyphs)
    return;
  glyphs->glyphs = g_renew(PangoGlyphInfo, glyphs->glyphs, glyphs->num_glyphs);
  glyphs->log_clusters = g_renew(gint, glyphs->log_clusters, glyphs->num_glyphs);
  glyphs->space = glyphs->num_glyphs;
}

/* Whether @item's shaping is the same as that of its words and spaces shaped one by one,
 * glued: a left-to-right item of a script whose shaping does not reach across a space
 * (HarfBuzz's context before and after a buffer serves joining scripts only), with no
 * attribute but the shape list's own, and no word that starts with a mark (alone at the
 * start of a buffer, HarfBuzz would give it a dotted circle). */
static gboolean text_item_by_words(const PangoItem *item, const char *text)
{
  if (item->analysis.level % 2 != 0)
    return FALSE;
  PangoScript script = (PangoScript)item->analysis.script;
  if (script != PANGO_SCRIPT_COMMON && script != PANGO_SCRIPT_LATIN &&
      script != PANGO_SCRIPT_GREEK && script != PANGO_SCRIPT_CYRILLIC)
    return FALSE;
  for (GSList *l = item->analysis.extra_attrs; l; l = l->next)
    if (((PangoAttribute *)l->data)->klass->type != PANGO_ATTR_SHOW)
      return FALSE;
  const char *end = text + item->offset + item->length;
  gboolean at_start = TRUE;
  for (const char *p = text + item->offset; p < end; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (at_start && g_unichar_ismark(c))
      return FALSE;
    at_start = c == ' ';
  }
  return TRUE;
}

/* The words of @item's font, language and script. */
static TextWordSet *text_word_set(TextCtx *ctx, const PangoItem *item)
{
  const PangoAnalysis *a = &item->analysis;
  /* A chart has a few sets (a font per script its text is in): a scan finds one. */
  for (guint i = 0; i < ctx->word_sets->len; i++) {
    TextWordSet *s = g_ptr_array_index(ctx->word_sets, i);
    if (s->font == a->font && s->language == a->language && s->script == a->script)
      return s;
  }
  TextWordSet *set = g_new0(TextWordSet, 1);
  set->font = g_object_ref(a->font);
  set->language = a->language;
  set->script = a->script;
  set->words = g_hash_table_new_full(strutil_str_hash, g_str_equal, g_free, text_glyphs_free);
  g_ptr_array_add(ctx->word_sets, set);
  return set;
}

/* The end of the word or run of spaces that starts at @p, before @end. */
static const char *text_word_end(const char *p, const char *end)
{
  gboolean space = *p == ' ';
  while (p < end && (*p == ' ') == space)
    p++;
  return p;
}

/* One unit of an item (a word, or a run of spaces) with the characters next to it,
 * which pair kerning reaches into (Inter kerns a comma with the space after it): the
 * unit's glyphs in a label depend on them, not on anything further. */
typedef struct {
  const char *p, *q;       /* the unit */
  const char *from, *to;   /* with the character before and after it, where there is one */
} TextUnit;

static TextUnit text_unit(const char *start, const char *end, const char *p)
{
  TextUnit u = {p, text_word_end(p, end), p, NULL};
  u.to = u.q;
  if (p > start)
    u.from = g_utf8_prev_char(p);
  if (u.q < end)
    u.to = g_utf8_next_char(u.q);
  return u;
}

/* Leaves in ctx->word the key of unit @u: the neighbour before, a separator, the unit, a
 * separator, the neighbour after (no separator can be mistaken for text: labels are
 * cleaned of control characters). */
static void text_unit_key(TextCtx *ctx, const TextUnit *u)
{
  g_string_truncate(ctx->word, 0);
  g_string_append_len(ctx->word, u->from, u->p - u->from);
  g_string_append_c(ctx->word, '\x1f');
  g_string_append_len(ctx->word, u->p, u->q - u->p);
  g_string_append_c(ctx->word, '\x1f');
  g_string_append_len(ctx->word, u->q, u->to - u->q);
}

static PangoGlyphString *text_word_lookup(TextCtx *ctx, TextWordSet *set, const TextUnit *u)
{
  text_unit_key(ctx, u);
  return g_hash_table_lookup(set->words, ctx->word->str);
}

/* Keeps in @set, under the key in ctx->word, the glyphs of @all whose clusters are in
 * [@lo, @hi) (byte offsets from where @all's clusters count), with clusters counted from
 * @lo. The search starts at glyph *@from (@all is left to right: clusters never go
 * down), and leaves there the first glyph after the unit: a label's units taken in order
 * cost one pass over its glyphs, not one per unit (a progression label of 100,000 roles
 * has 400,000 units). */
static PangoGlyphString *text_word_keep(TextCtx *ctx, TextWordSet *set,
                                        const PangoGlyphString *all, int lo, int hi, int *from)
{
  int first = *from;
  while (first < all->num_glyphs && all->log_clusters[first] < lo)
    first++;
  int last = first;
  while (last < all->num_glyphs && all->log_clusters[last] < hi)
    last++;
  *from = last;
  PangoGlyphString *word = pango_glyph_string_new();
  pango_glyph_string_set_size(word, last - first);
  memcpy(word->glyphs, all->glyphs + first, sizeof *word->glyphs * (gsize)(last - first));
  for (int i = first; i < last; i++)
    word->log_clusters[i - first] = all->log_clusters[i] - lo;
  g_hash_table_insert(set->words, g_strdup(ctx->word->str), word);
  return word;
}

/* Shapes unit @u of @item with its neighbours, with the rest of @text (@len bytes) as
 * context, and keeps the unit's own glyphs in @set under the key text_word_lookup left
 * in ctx->word. text_item_by_words holds for @item: they are the glyphs the unit has in
 * the whole item. */
static PangoGlyphString *text_word_shape(TextCtx *ctx, TextWordSet *set, const PangoItem *item,
                                         const char *text, int len, const TextUnit *u)
{
  PangoItem *piece = pango_item_copy((PangoItem *)item);
  piece->offset = (int)(u->from - text);
  piece->length = (int)(u->to - u->from);
  piece->num_chars = (int)g_utf8_strlen(u->from, u->to - u->from);
  PangoGlyphString *all = pango_glyph_string_new();
  pango_shape_item(piece, text, len, NULL, all, PANGO_SHAPE_NONE);
  pango_item_free(piece);
  int from = 0;
  PangoGlyphString *word =
      text_word_keep(ctx, set, all, (int)(u->p - u->from), (int)(u->q - u->from), &from);
  pango_glyph_string_free(all);
  return word;
}

/* Keeps in @set the units of @item that it lacks, cut out of @glyphs, the whole item's
 * shaping. */
static void text_words_learn(TextCtx *ctx, TextWordSet *set, const PangoItem *item,
                             const char *text, const PangoGlyphString *glyphs)
{
  const char *start = text + item->offset, *end = start + item->length;
  int from = 0;
  for (const char *p = start; p < end;) {
    TextUnit u = text_unit(start, end, p);
    if (text_word_lookup(ctx, set, &u) == NULL)
      text_word_keep(ctx, set, glyphs, (int)(u.p - start), (int)(u.q - start), &from);
    p = u.q;
  }
}

/* Shapes @item of @text (@len bytes) into @glyphs: glued from its words and runs of
 * spaces, each kept with its neighbours from the labels it was in (text_item_by_words
 * says when that gives the same). A chart of 100,000 entries has 100,000 labels but a
 * few thousand words: shaping was most of its time. The new units of a label (a number,
 * a name) are shaped alone with their neighbours, unless that is more text than the
 * label: then the label is shaped whole, once, and its units kept (measured: fewer
 * instructions for the example CV and for 10,000 entries than either way alone). */
static void text_shape_words(TextCtx *ctx, const PangoItem *item, const char *text, int len,
                             PangoGlyphString *glyphs)
{
  TextWordSet *set = text_word_set(ctx, item);
  const char *start = text + item->offset, *end = start + item->length;
  int n = 0, missing = 0, missing_bytes = 0;
  g_ptr_array_set_size(ctx->parts, 0);
  for (const char *p = start; p < end;) {
    TextUnit u = text_unit(start, end, p);
    PangoGlyphString *part = text_word_lookup(ctx, set, &u);
    if (part == NULL) {
      missing++;
      missing_bytes += (int)(u.to - u.from);
    } else {
      n += part->num_glyphs;
    }
    g_ptr_array_add(ctx->parts, part);
    p = u.q;
  }
  if (missing_bytes > item->length) {
    pango_shape_item((PangoItem *)item, text, len, NULL, glyphs, PANGO_SHAPE_NONE);
    text_words_learn(ctx, set, item, text, glyphs);
    return;
  }
  guint k = 0;
  for (const char *p = start; missing > 0 && p < end; k++) {
    TextUnit u = text_unit(start, end, p);
    if (g_ptr_array_index(ctx->parts, k) == NULL) {
      /* Looked up again: a unit can be twice in a label, and kept by its first. */
      PangoGlyphString *part = text_word_lookup(ctx, set, &u);
      if (part == NULL)
        part = text_word_shape(ctx, set, item, text, len, &u);
      g_ptr_array_index(ctx->parts, k) = part;
      n += part->num_glyphs;
      missing--;
    }
    p = u.q;
  }
  pango_glyph_string_set_size(glyphs, n);
  n = 0;
  k = 0;
  for (const char *p = start; p < end; k++) {
    const char *q = text_word_end(p, end);
    const PangoGlyphString *part = g_ptr_array_index(ctx->parts, k);
    memcpy(glyphs->glyphs + n, part->glyphs, sizeof *part->glyphs * (gsize)part->num_glyphs);
    for (int i = 0; i < part->num_glyphs; i++)
      glyphs->log_clusters[n + i] = part->log_clusters[i] + (int)(p - start);
    n += part->num_glyphs;
    p = q;
  }
}

/* The characters of labels that text_itemize can give one item without asking Pango:
 * printable ASCII, Latin-1's and Latin Extended-A's letters and signs (but the soft
 * hyphen, drawn only at a break, the two that are also emoji, and the deprecated ŉ that
 * fonts such as Inter leave out), and the dashes,
 * quotes, bullet and ellipsis of typeset text. All left to right or neutral, Latin or
 * Common: a text of them with a letter is one Latin run, at level 0. */
static gboolean text_in_latin_set(gunichar c)
{
  if (c >= 0x20 && c <= 0x7e)
    return TRUE;
  if (c >= 0xa0 && c <= 0x17f)
    return c != 0xad && c != 0xa9 && c != 0xae && c != 0x149;
  for (guint i = 0; i < G_N_ELEMENTS(text_latin_signs); i++)
    if (c == text_latin_signs[i])
      return TRUE;
  return FALSE;
}

/* @c's slot in a TextFont's bitmaps (@c is in text_in_latin_set). */
static guint text_latin_slot(gunichar c)
{
  if (c < 0x180)
    return c;
  guint i = 0;
  while (text_latin_signs[i] != c)
    i++;
  return 0x180 + i;
}

static gboolean text_bit(const guint8 *bits, guint slot)
{
  return (bits[slot / 8] >> (slot % 8)) & 1;
}

static void text_set_bit(guint8 *bits, guint slot)
{
  bits[slot / 8] |= (guint8)(1u << (slot % 8));
}

/* Whether @text is made of text_in_latin_set's characters, with a letter. */
static gboolean text_is_latin_words(const char *text)
{
  gboolean letter = FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (!text_in_latin_set(c))
      return FALSE;
    letter |= g_unichar_isalpha(c);
  }
  return letter;
}

/* "A" and @chars itemized as one left-to-right text: their one item, newly allocated,
 * or NULL when Pango makes more than one of them. */
static PangoItem *text_latin_itemize(TextCtx *ctx, TextFont *f, const char *chars)
{
  g_autofree char *sample = g_strconcat("A", chars, NULL);
  GList *items = pango_itemize_with_base_dir(ctx->context, PANGO_DIRECTION_LTR, sample, 0,
                                             (int)strlen(sample), f->itemize, NULL);
  PangoItem *one = NULL;
  if (items != NULL && items->next == NULL)
    one = items->data;
  else
    g_list_free_full(g_steal_pointer(&items), (GDestroyNotify)pango_item_free);
  g_list_free(items);
  return one;
}

/* Whether two items of one font's texts were itemized alike. */
static gboolean text_items_alike(const PangoItem *a, const PangoItem *b)
{
  return a->analysis.font == b->analysis.font && a->analysis.level == b->analysis.level &&
         a->analysis.gravity == b->analysis.gravity && a->analysis.flags == b->analysis.flags &&
         a->analysis.script == b->analysis.script && a->analysis.language == b->analysis.language;
}

/* What pango_itemize gives for @text, a text that text_is_latin_words, as one item to
 * copy, or NULL when Pango must itemize it: Pango would look every character up in the
 * fontset again for each label, a tenth of a large chart's time. The characters are
 * checked once per font and context, as they first come, by itemizing "A" and the new
 * ones of a label together: when that is one item, so is every text of checked
 * characters. Checking the whole set at once instead costs more than a small chart's
 * labels do. */
static const PangoItem *text_latin_item(TextCtx *ctx, TextFont *f, const char *text)
{
  guint serial = pango_context_get_serial(ctx->context);
  if (!f->latin_valid || f->latin_serial != serial) {
    if (f->latin_item)
      pango_item_free(f->latin_item);
    f->latin_item = NULL;
    memset(f->latin_in, 0, sizeof f->latin_in);
    memset(f->latin_out, 0, sizeof f->latin_out);
    f->latin_valid = TRUE;
    f->latin_serial = serial;
  }
  GString *fresh = NULL; /* the label's characters not checked yet */
  for (const char *p = text; *p; p = g_utf8_next_char(p)) {
    guint slot = text_latin_slot(g_utf8_get_char(p));
    if (text_bit(f->latin_out, slot)) {
      if (fresh)
        g_string_free(fresh, TRUE);
      return NULL;
    }
    if (!text_bit(f->latin_in, slot)) {
      fresh = fresh ? fresh : g_string_new(NULL);
      g_string_append_len(fresh, p, g_utf8_next_char(p) - p);
    }
  }
  if (fresh == NULL)
    return f->latin_item;
  PangoItem *one = text_latin_itemize(ctx, f, fresh->str);
  gboolean ok = one != NULL && (f->latin_item == NULL || text_items_alike(one, f->latin_item));
  if (ok && f->latin_item == NULL)
    f->latin_item = g_steal_pointer(&one);
  if (one)
    pango_item_free(one);
  /* On success every new character is in; else those that fail even alone are out
   * (and this label is Pango's). */
  for (const char *p = fresh->str; *p; p = g_utf8_next_char(p)) {
    guint slot = text_latin_slot(g_utf8_get_char(p));
    if (ok) {
      text_set_bit(f->latin_in, slot);
      continue;
    }
    g_autofree char *alone = g_strndup(p, g_utf8_next_char(p) - p);
    PangoItem *single = text_latin_itemize(ctx, f, alone);
    if (single == NULL || (f->latin_item && !text_items_alike(single, f->latin_item)))
      text_set_bit(f->latin_out, slot);
    if (single)
      pango_item_free(single);
  }
  g_string_free(fresh, TRUE);
  return ok ? f->latin_item : NULL;
}

/* The items of @text in @f, as pango_itemize_with_base_dir gives them for @dir. */
static GList *text_itemize(TextCtx *ctx, TextFont *f, const char *text, int len, PangoDirection dir)
{
  const PangoItem *latin = text_is_latin_words(text) ? text_latin_item(ctx, f, text) : NULL;
  if (latin == NULL)
    return pango_itemize_with_base_dir(ctx->context, dir, text, 0, len, f->itemize, NULL);
  PangoItem *item = pango_item_copy((PangoItem *)latin);
  item->offset = 0;
  item->length = len;
  item->num_chars = (int)g_utf8_strlen(text, len);
  return g_list_prepend(NULL, item);
}

/* A run's logical box, as pango_glyph_string_extents gives it without its ink: Pango's
 * Cairo fonts give every glyph the font's own ascent and height, so only the advances
 * add up. Asking Pango glyph by glyph instead makes Cairo load each glyph through
 * FreeType for an ink box nobody reads (6 % of drawing the example CV). A run with a
 * hex box, or no font, is left to Pango. */
static void text_run_logical(PangoGlyphString *glyphs, PangoFont *font, PangoRectangle *out)
{
  gboolean hex_box = FALSE;
  for (int i = 0; i < glyphs->num_glyphs && !hex_box; i++)
    hex_box = (glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0;
  if (font == NULL || hex_box) {
    pango_glyph_string_extents(glyphs, font, NULL, out);
    return;
  }
  *out = (PangoRectangle){0, 0, pango_glyph_string_get_width(glyphs), 0};
  if (glyphs->num_glyphs > 0) {
    PangoRectangle font_box;
    pango_font_get_glyph_extents(font, PANGO_GLYPH_EMPTY, NULL, &font_box);
    out->y = font_box.y;
    out->height = font_box.height;
  }
}

/* Shapes @e's text as the one line of a PangoLayout in single-paragraph mode with no
 * width: the same itemizing (base direction from the first strong character), the same
 * shaping of each item, the runs in visual order; then its extents, by the layout's
 * arithmetic (the line's logical box, into @out, is the union of the runs' boxes and
 * the origin). FALSE (nothing kept) when a run needs what only a layout does. */
static gboolean text_shape(TextCtx *ctx, TextEntry *e, PangoRectangle *out)
{
  const char *text = e->text;
  int len = (int)strlen(text);
  /* What the layout itself calls (deprecated for applications, not removed). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  PangoDirection dir = pango_find_base_dir(text, len);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (dir == PANGO_DIRECTION_NEUTRAL)
    dir = pango_context_get_base_dir(ctx->context);
  GList *items = text_itemize(ctx, e->font, text, len, dir);
  PangoAttrIterator *iter = pango_attr_list_get_iterator(e->font->shape);
  guint n = g_list_length(items), i = 0;
  TextRun *runs = g_new0(TextRun, n);
  gboolean ok = n > 0;
  for (GList *l = items; l; l = l->next, i++) {
    PangoItem *item = l->data;
    pango_item_apply_attrs(item, iter);
    runs[i].item = item;
    runs[i].glyphs = pango_glyph_string_new();
    if (text_item_by_words(item, text))
      text_shape_words(ctx, item, text, len, runs[i].glyphs);
    else
      pango_shape_item(item, text, len, NULL, runs[i].glyphs, PANGO_SHAPE_NONE);
    text_trim_glyphs(runs[i].glyphs);
    if (item->analysis.flags & PANGO_ANALYSIS_FLAG_CENTERED_BASELINE)
      ok = FALSE;
  }
  pango_attr_iterator_destroy(iter);
  g_list_free(items);
  text_runs_free(e);
  e->runs = runs;
  e->n_runs = n;
  if (!ok) {
    text_runs_free(e);
    return FALSE;
  }
  text_align_baselines(runs, n);
  text_reorder(runs, n);
  PangoRectangle line = {0, 0, 0, 0};
  int x = 0;
  for (i = 0; i < n; i++) {
    PangoRectangle r;
    text_run_logical(runs[i].glyphs, runs[i].item->analysis.font, &r);
    r.y -= runs[i].y_offset;
    runs[i].x = x;
    int pos = MIN(line.x, x + r.x);
    line.width = MAX(line.x + line.width, x + r.x + r.width) - pos;
    line.x = pos;
    pos = MIN(line.y, r.y);
    line.height = MAX(line.y + line.height, r.y + r.height) - pos;
    line.y = pos;
    x += r.width;
  }
  e->origin = line.x;
  e->baseline = -line.y;
  e->serial = pango_context_get_serial(ctx->context);
  *out = line;
  return TRUE;
}

/* The byte index of the grapheme under @x (Pango units from the line's origin), as
 * pango_layout_xy_to_index would find it on the line. */
static int text_runs_x_to_index(const TextEntry *e, int x)
{
  const char *text = e->text;
  int len = (int)strlen(text), n_chars = (int)g_utf8_strlen(text, len);
  for (guint i = 0; i < e->n_runs; i++) {
    const TextRun *r = &e->runs[i];
    int w = pango_glyph_string_get_width(r->glyphs);
    if (x < r->x || x >= r->x + w)
      continue;
    int pos = 0, trailing = 0;
    pango_glyph_string_x_to_index(r->glyphs, (char *)text + r->item->offset, r->item->length,
                                  &r->item->analysis, x - r->x, &pos, &trailing);
    int index = r->item->offset + pos;
    PangoLogAttr *attrs = g_new0(PangoLogAttr, n_chars + 1);
    pango_get_log_attrs(text, len, -1, r->item->analysis.language, attrs, n_chars + 1);
    int offset = (int)g_utf8_pointer_to_offset(text, text + index);
    while (offset > 0 && !attrs[offset].is_cursor_position) {
      index = (int)(g_utf8_prev_char(text + index) - text);
      offset--;
    }
    g_free(attrs);
    return index;
  }
  /* Past the line: its last character, as the layout picks for a left-to-right line. */
  return (int)(g_utf8_prev_char(text + len) - text);
}

static TextEntry *text_lookup(TextCtx *ctx, const char *font, const char *text)
{
  return g_hash_table_lookup(text_font(ctx, font, NULL)->measured, text);
}

/* Measures @text in @font into @e, keeping its runs (or, for a text that is not one line
 * of runs, its layout) when @keep; @text must outlive @e. */
static void text_entry_init(TextCtx *ctx, TextEntry *e, const char *font, const char *text,
                            gboolean keep)
{
  PangoRectangle line;
  e->text = text;
  e->font = text_font(ctx, font, NULL);
  if (text_is_too_long(e->font, text)) {
    /* Its height and baseline are its first characters' (its scripts' fonts). */
    char *head = g_utf8_substring(text, 0, text_max_chars(e->font));
    text_set(ctx, font, head);
    text_extents_of(ctx->layout, &e->extents);
    pango_layout_set_text(ctx->layout, "", 0);
    g_free(head);
    e->too_long = TRUE;
    e->extents.width = TEXT_TOO_LONG_WIDTH;
    return;
  }
  if (e->font->runs_ok && text_is_line(text) && text_shape(ctx, e, &line)) {
    e->is_line = TRUE;
    e->extents.width = (double)line.width / PANGO_SCALE;
    e->extents.height = (double)line.height / PANGO_SCALE;
    e->extents.baseline = (double)e->baseline / PANGO_SCALE;
    text_sanitize_extents(e->font->desc, &e->extents);
    if (!keep)
      text_runs_free(e);
  } else if (keep) {
    e->layout = text_new_layout(ctx, font, text);
    text_extents_of(e->layout, &e->extents);
  } else {
    text_set(ctx, font, text);
    text_extents_of(ctx->layout, &e->extents);
  }
}

/* Measures @text in @font into a new cache entry, whose text is the key's copy. */
static TextEntry *text_measure_new(TextCtx *ctx, const char *font, const char *text,
                                   gboolean keep)
{
  TextEntry *e = g_new0(TextEntry, 1);
  char *key = g_strdup(text);
  text_entry_init(ctx, e, font, key, keep);
  g_hash_table_insert(e->font->measured, key, e);
  return e;
}

/* Whether @e has runs shaped in the context as it is now (drawing at another scale
 * changes the context, and a layout would then shape its text again). */
static gboolean text_runs_current(TextCtx *ctx, TextEntry *e)
{
  if (!e->is_line)
    return FALSE;
  PangoRectangle line;
  if (!e->runs || e->serial != pango_context_get_serial(ctx->context))
    return text_shape(ctx, e, &line);
  return TRUE;
}

void text_measure(TextCtx *ctx, const char *font, const char *text, TextExtents *out)
{
  TextEntry *e = text_lookup(ctx, font, text);
  if (e == NULL)
    e = text_measure_new(ctx, font, text, TRUE);
  *out = e->extents;
}

/* For text_fit's candidates: most are never drawn, so no layout is kept. */
static double text_width(TextCtx *ctx, const char *font, const char *text)
{
  TextEntry *e = text_lookup(ctx, font, text);
  if (e == NULL)
    e = text_measure_new(ctx, font, text, FALSE);
  return e->extents.width;
}

/* The first @n_chars characters of @text without trailing spaces, plus "…". */
static char *text_prefix_with_ellipsis(const char *text, glong n_chars)
{
  const char *end = g_utf8_offset_to_pointer(text, n_chars);
  while (end > text && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  GString *s = g_string_new_len(text, end - text);
  g_string_append(s, "…");
  return g_string_free(s, FALSE);
}

/* Whether the first @n_chars characters of @text with the ellipsis fit in @max_width. */
static gboolean prefix_fits(TextCtx *ctx, const char *font, const char *text, glong n_chars,
                            double max_width)
{
  char *candidate = text_prefix_with_ellipsis(text, n_chars);
  gboolean fits = text_width(ctx, font, candidate) <= max_width;
  g_free(candidate);
  return fits;
}

/* Where the prefix that fits probably ends, in characters: the character under x =
 * max_width minus the ellipsis in the whole text's one shaping. Exact for plain
 * left-to-right text; only a first guess elsewhere. */
static glong text_fit_guess(TextCtx *ctx, const char *font, const char *text, double max_width)
{
  double room = max_width - text_width(ctx, font, "…");
  if (room <= 0)
    return 0;
  /* text_fit measured the whole text first, keeping its runs or layout. */
  TextEntry *e = text_lookup(ctx, font, text);
  int x = (int)(room * PANGO_SCALE), index = 0, trailing = 0;
  if (e && text_runs_current(ctx, e)) {
    index = text_runs_x_to_index(e, x);
  } else {
    PangoLayout *layout = e && e->layout ? e->layout : ctx->layout;
    if (layout == ctx->layout)
      text_set(ctx, font, text);
    pango_layout_xy_to_index(layout, x, 0, &index, &trailing);
  }
  return g_utf8_strlen(text, index);
}

/* The longest prefix of @text (@n characters, measured) shorter than itself that fits
 * in @max_width with the ellipsis, or NULL. */
static char *text_fit_prefix(TextCtx *ctx, const char *font, const char *text, glong n,
                             double max_width)
{
  /* The longest prefix that fits, by binary search (the width grows with the prefix),
   * probing the guess and the one after it first: a long title costs two or three
   * measurements rather than one per halving. */
  glong lo = 0, hi = n - 1;
  glong guess = CLAMP(text_fit_guess(ctx, font, text, max_width), 1, MAX(n - 1, 1));
  glong probes[2] = {guess, guess + 1};
  for (int i = 0; i < 2 && lo < hi; i++) {
    glong mid = probes[i];
    if (mid <= lo || mid > hi)
      break;
    if (prefix_fits(ctx, font, text, mid, max_width))
      lo = mid;
    else
      hi = mid - 1;
  }
  while (lo < hi) {
    glong mid = lo + (hi - lo + 1) / 2;
    if (prefix_fits(ctx, font, text, mid, max_width))
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo == 0 ? NULL : text_prefix_with_ellipsis(text, lo);
}

char *text_fit(TextCtx *ctx, const char *font, const char *text, double max_width)
{
  TextExtents whole;
  text_measure(ctx, font, text, &whole);
  if (whole.width <= max_width)
    return g_strdup(text);
  glong n = g_utf8_strlen(text, -1), max = text_max_chars(text_font(ctx, font, NULL));
  if (n <= max)
    return text_fit_prefix(ctx, font, text, n, max_width);
  /* A text too long to shape is fitted by its first characters, shaped. */
  char *head = g_utf8_substring(text, 0, max);
  text_measure(ctx, font, head, &whole);
  char *fit = text_fit_prefix(ctx, font, head, max, max_width);
  g_free(head);
  return fit;
}

/* Brings the context in line with @cr's matrix and target, as pango_cairo_update_context
 * does, but only when they changed: updating marks every layout as changed, which would
 * shape each measured text again when it is drawn. */
static void text_sync(TextCtx *ctx, cairo_t *cr)
{
  cairo_matrix_t m;
  cairo_get_matrix(cr, &m);
  cairo_font_options_t *options = cairo_font_options_create();
  cairo_surface_get_font_options(cairo_get_target(cr), options);
  gboolean identity = m.xx == 1 && m.yx == 0 && m.xy == 0 && m.yy == 1;
  gboolean same = !ctx->synced ? identity : ctx->matrix[0] == m.xx && ctx->matrix[1] == m.yx &&
                  ctx->matrix[2] == m.xy && ctx->matrix[3] == m.yy &&
                  cairo_font_options_equal(options, ctx->surface_options);
  if (!same || !ctx->synced) {
    if (!same)
      pango_cairo_update_context(cr, ctx->context);
    ctx->synced = TRUE;
    ctx->matrix[0] = m.xx;
    ctx->matrix[1] = m.yx;
    ctx->matrix[2] = m.xy;
    ctx->matrix[3] = m.yy;
    cairo_font_options_destroy(ctx->surface_options);
    ctx->surface_options = options;
  } else {
    cairo_font_options_destroy(options);
  }
}

void text_draw(TextCtx *ctx, cairo_t *cr, const char *font, const char *text, double x, double y,
               StyleColor color)
{
  text_draw_toned(ctx, cr, font, text, x, y, color, 0, color);
}

static void text_set_source(cairo_t *cr, StyleColor c)
{
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

static void text_show_glyphs(cairo_t *cr, PangoGlyphItem *run, double x, double y, StyleColor c)
{
  text_set_source(cr, c);
  cairo_move_to(cr, x, y);
  pango_cairo_show_glyph_string(cr, run->item->analysis.font, run->glyphs);
}

/* Draws @run of @text at (@rx, @baseline), from byte @tone_from on in @tone. The runs are
 * the ones measured: a colour change must not shape the text again (a colour attribute
 * would make Pango lay the whole text out anew). A right-to-left run that holds the
 * change keeps one colour. */
static void text_show_run_toned(cairo_t *cr, const char *text, PangoGlyphItem *run, double rx,
                                double baseline, StyleColor color, int tone_from,
                                StyleColor tone)
{
  int start = run->item->offset, end = start + run->item->length;
  gboolean rtl = run->item->analysis.level % 2 == 1;
  if (tone_from <= start || tone_from >= end || rtl) {
    text_show_glyphs(cr, run, rx, baseline, tone_from <= start && !rtl ? tone : color);
    return;
  }
  PangoGlyphItem *tail = pango_glyph_item_copy(run);
  PangoGlyphItem *head = pango_glyph_item_split(tail, text, tone_from - start);
  text_show_glyphs(cr, head, rx, baseline, color);
  double head_w = (double)pango_glyph_string_get_width(head->glyphs) / PANGO_SCALE;
  text_show_glyphs(cr, tail, rx + head_w, baseline, tone);
  pango_glyph_item_free(head);
  pango_glyph_item_free(tail);
}

/* Calls @func for each run of the one line of @layout, with its left edge and baseline
 * from the top left of the layout. */
static void text_layout_runs(PangoLayout *layout, TextRunFunc func, gpointer closure)
{
  const char *text = pango_layout_get_text(layout);
  PangoLayoutIter *iter = pango_layout_get_iter(layout);
  double baseline = (double)pango_layout_iter_get_baseline(iter) / PANGO_SCALE;
  do {
    PangoGlyphItem *run = pango_layout_iter_get_run_readonly(iter);
    if (!run)
      continue;
    PangoRectangle logical;
    pango_layout_iter_get_run_extents(iter, NULL, &logical);
    func(closure, text, run, (double)logical.x / PANGO_SCALE, baseline);
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
}

typedef struct {
  cairo_t *cr;
  double x, y;
  StyleColor color, tone;
  int tone_from;
} TonedDrawing;

static void text_show_toned_run(gpointer closure, const char *text, PangoGlyphItem *run,
                                double x, double baseline)
{
  TonedDrawing *d = closure;
  text_show_run_toned(d->cr, text, run, d->x + x, d->y + baseline, d->color,
                      d->tone_from, d->tone);
}

/* The one line of @layout, run by run (see text_show_run_toned). */
static void text_show_layout_toned(cairo_t *cr, PangoLayout *layout, double x, double y,
                                   StyleColor color, int tone_from, StyleColor tone)
{
  TonedDrawing d = {cr, x, y, color, tone, tone_from};
  text_layout_runs(layout, text_show_toned_run, &d);
}

/* @e's runs, the same way (the positions a layout's iterator would give them: every run
 * on the line's baseline, as text_show_layout_toned draws them). */
static void text_show_runs_toned(cairo_t *cr, TextEntry *e, double x, double y,
                                 StyleColor color, int tone_from, StyleColor tone)
{
  double baseline = y + (double)e->baseline / PANGO_SCALE;
  for (guint i = 0; i < e->n_runs; i++) {
    PangoGlyphItem run = {.item = e->runs[i].item, .glyphs = e->runs[i].glyphs};
    double rx = x + (double)(e->origin + e->runs[i].x) / PANGO_SCALE;
    text_show_run_toned(cr, e->text, &run, rx, baseline, color, tone_from, tone);
  }
}

/* Shifts every glyph of @glyphs by (@dx, @dy) Pango units. */
static void text_shift_glyphs(PangoGlyphString *glyphs, int dx, int dy)
{
  for (int i = 0; i < glyphs->num_glyphs; i++) {
    glyphs->glyphs[i].geometry.x_offset += dx;
    glyphs->glyphs[i].geometry.y_offset += dy;
  }
}

/* Draws @e's runs with the top-left of the line at the current point, to the same device
 * coordinates as pango_cairo_show_layout: that reads the current point once and places
 * each run at that point plus the run's offset in Pango units, where drawing each run at
 * its own cairo point would round every run's start to cairo's fixed-point grid. So each
 * run is drawn from the line's point with its offset carried by its glyphs (the sums
 * are exact in doubles: multiples of 1/1024 of a few thousand pixels). */
static void text_show_runs(cairo_t *cr, TextEntry *e)
{
  for (guint i = 0; i < e->n_runs; i++) {
    PangoGlyphItem run = {.item = e->runs[i].item, .glyphs = e->runs[i].glyphs};
    int dx = e->origin + e->runs[i].x, dy = e->baseline - e->runs[i].y_offset;
    text_shift_glyphs(run.glyphs, dx, dy);
    pango_cairo_show_glyph_item(cr, e->text, &run);
    text_shift_glyphs(run.glyphs, -dx, -dy);
  }
}

void text_draw_toned(TextCtx *ctx, cairo_t *cr, const char *font, const char *text, double x,
                     double y, StyleColor color, gsize tone_from, StyleColor tone)
{
  text_sync(ctx, cr);
  /* A text drawn unmeasured is shaped for this drawing only. */
  TextEntry scratch = {0}, *e = text_lookup(ctx, font, text);
  if (e == NULL) {
    e = &scratch;
    text_entry_init(ctx, e, font, text, TRUE);
  }
  if (e->too_long)
    return; /* wider than the page: the layout never places it */
  gboolean toned = tone_from > 0 && tone_from < strlen(text);
  cairo_save(cr);
  if (text_runs_current(ctx, e)) {
    if (toned) {
      text_show_runs_toned(cr, e, x, y, color, (int)tone_from, tone);
    } else {
      text_set_source(cr, color);
      cairo_move_to(cr, x, y);
      text_show_runs(cr, e);
    }
  } else {
    PangoLayout *layout = e->layout ? e->layout : ctx->layout;
    if (layout == ctx->layout)
      text_set(ctx, font, text);
    if (toned) {
      text_show_layout_toned(cr, layout, x, y, color, (int)tone_from, tone);
    } else {
      text_set_source(cr, color);
      cairo_move_to(cr, x, y);
      pango_cairo_show_layout(cr, layout);
    }
  }
  cairo_restore(cr);
  if (e == &scratch) {
    if (scratch.layout)
      g_object_unref(scratch.layout);
    text_runs_free(&scratch);
  }
}

void text_foreach_run(TextCtx *ctx, const char *font, const char *text, TextRunFunc func,
                      gpointer closure)
{
  TextEntry scratch = {0}, *e = text_lookup(ctx, font, text);
  if (e == NULL) {
    e = &scratch;
    text_entry_init(ctx, e, font, text, TRUE);
  }
  if (e->too_long)
    return; /* never drawn: no runs */
  if (text_runs_current(ctx, e)) {
    /* The positions text_show_runs draws them at. */
    for (guint i = 0; i < e->n_runs; i++) {
      PangoGlyphItem run = {.item = e->runs[i].item, .glyphs = e->runs[i].glyphs};
      func(closure, e->text, &run, (double)(e->origin + e->runs[i].x) / PANGO_SCALE,
           (double)(e->baseline - e->runs[i].y_offset) / PANGO_SCALE);
    }
  } else {
    PangoLayout *layout = e->layout ? e->layout : ctx->layout;
    if (layout == ctx->layout)
      text_set(ctx, font, text);
    text_layout_runs(layout, func, closure);
  }
  if (e == &scratch) {
    if (scratch.layout)
      g_object_unref(scratch.layout);
    text_runs_free(&scratch);
  }
}

/* --- Coverage --- */

typedef struct {
  GArray *out;
  gsize len;
} MissingFound;

static void text_missing_in_run(gpointer closure, const char *text, PangoGlyphItem *run,
                                double x, double baseline)
{
  (void)x;
  (void)baseline;
  MissingFound *f = closure;
  for (int i = 0; i < run->glyphs->num_glyphs; i++) {
    PangoGlyph glyph = run->glyphs->glyphs[i].glyph;
    if (!(glyph & PANGO_GLYPH_UNKNOWN_FLAG))
      continue;
    TextMissing m = {(gsize)(run->item->offset + run->glyphs->log_clusters[i]),
                     glyph & ~PANGO_GLYPH_UNKNOWN_FLAG};
    /* Pango reports the character itself in the glyph; take it from the text where it
     * can be read there (the two agree; the text is the one the user wrote). */
    if (m.offset < f->len)
      m.ch = g_utf8_get_char(text + m.offset);
    g_array_append_val(f->out, m);
  }
}

guint text_missing_glyphs(TextCtx *ctx, const char *font, const char *text, GArray *out)
{
  /* The runs text_draw draws (the measured ones, not shaped again through a layout,
   * which for a chart's every label cost a third of its time). */
  TextExtents e;
  text_measure(ctx, font, text, &e);
  guint before = out->len;
  MissingFound f = {out, strlen(text)};
  text_foreach_run(ctx, font, text, text_missing_in_run, &f);
  guint n = out->len - before;
  if (n == 0)
    return 0; /* and no pointer into an array that may have no storage yet */
  /* A run's glyphs are in visual order: right-to-left runs come reversed. */
  TextMissing *found = &g_array_index(out, TextMissing, before);
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && found[j - 1].offset > found[j].offset; j--) {
      TextMissing t = found[j];
      found[j] = found[j - 1];
      found[j - 1] = t;
    }
  return n;
}

/* Pictographs that have no script of their own (GLib calls them Common), in the blocks
 * where emoji live. */
static gboolean text_is_emoji(gunichar ch)
{
  return (ch >= 0x1F000 && ch <= 0x1FAFF) || (ch >= 0x2600 && ch <= 0x27BF) ||
         (ch >= 0x2B00 && ch <= 0x2BFF) || (ch >= 0x1F1E6 && ch <= 0x1F1FF) || ch == 0x200D ||
         (ch >= 0xFE00 && ch <= 0xFE0F);
}

typedef struct {
  GUnicodeScript script;
  const char *name;
  const char *package;
} TextScriptFont;

/* Where Debian's fonts for a script are: the CJK ones in one package, most other living
 * scripts in Noto's core set. */
static const TextScriptFont text_script_fonts[] = {
    {G_UNICODE_SCRIPT_HAN, "Han", "fonts-wqy-microhei"},
    {G_UNICODE_SCRIPT_HANGUL, "Hangul", "fonts-wqy-microhei"},
    {G_UNICODE_SCRIPT_HIRAGANA, "Hiragana", "fonts-wqy-microhei"},
    {G_UNICODE_SCRIPT_KATAKANA, "Katakana", "fonts-wqy-microhei"},
    {G_UNICODE_SCRIPT_BOPOMOFO, "Bopomofo", "fonts-wqy-microhei"},
    {G_UNICODE_SCRIPT_ARABIC, "Arabic", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_HEBREW, "Hebrew", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_DEVANAGARI, "Devanagari", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_BENGALI, "Bengali", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_GURMUKHI, "Gurmukhi", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_GUJARATI, "Gujarati", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_TAMIL, "Tamil", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_TELUGU, "Telugu", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_KANNADA, "Kannada", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_MALAYALAM, "Malayalam", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_SINHALA, "Sinhala", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_THAI, "Thai", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_LAO, "Lao", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_KHMER, "Khmer", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_MYANMAR, "Myanmar", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_TIBETAN, "Tibetan", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_GEORGIAN, "Georgian", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_ARMENIAN, "Armenian", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_ETHIOPIC, "Ethiopic", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_SYRIAC, "Syriac", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_THAANA, "Thaana", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_MONGOLIAN, "Mongolian", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_CHEROKEE, "Cherokee", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_CANADIAN_ABORIGINAL, "Canadian Aboriginal", "fonts-noto-core"},
    /* Beyond DejaVu's reach in these (rare letters, polytonic Greek) */
    {G_UNICODE_SCRIPT_LATIN, "Latin", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_GREEK, "Greek", "fonts-noto-core"},
    {G_UNICODE_SCRIPT_CYRILLIC, "Cyrillic", "fonts-noto-core"},
};

static const TextScriptFont *text_script_font(gunichar ch)
{
  GUnicodeScript script = g_unichar_get_script(ch);
  for (gsize i = 0; i < G_N_ELEMENTS(text_script_fonts); i++)
    if (text_script_fonts[i].script == script)
      return &text_script_fonts[i];
  return NULL;
}

const char *text_script_name(gunichar ch)
{
  if (text_is_emoji(ch))
    return "emoji";
  const TextScriptFont *f = text_script_font(ch);
  if (f)
    return f->name;
  GUnicodeScript script = g_unichar_get_script(ch);
  return script == G_UNICODE_SCRIPT_COMMON || script == G_UNICODE_SCRIPT_INHERITED ||
                 script == G_UNICODE_SCRIPT_UNKNOWN
             ? "symbol"
             : "other script";
}

const char *text_script_package(gunichar ch)
{
  if (text_is_emoji(ch))
    return "fonts-noto-color-emoji";
  const TextScriptFont *f = text_script_font(ch);
  /* Most symbols are in Noto's core set too. */
  return f ? f->package : "fonts-noto-core";
}
