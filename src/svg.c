/* svg: post-processing of Cairo's SVG (DESIGN.md "render", SVG post-processing beside it;
 * issue "Made for websites and slides"): stable ids, an accessible root with <title> and
 * <desc>, and an invisible layer of real <text> and tooltips that adds no pixel. */
#include "svg.h"

#include "describe.h"
#include "strutil.h"

/* Only to read family, size, weight and style out of a font description: measuring and
 * drawing stay in text.c. */
#include <pango/pango.h>

#include <math.h>
#include <string.h>

/* --- Escaping and numbers --- */

/* Whether code point @c may appear in the layer: XML 1.0 forbids C0 controls but tab and
 * newlines, and U+FFFE/U+FFFF; DEL and C1 controls are allowed but mean nothing here. */
static gboolean svg_char_ok(gunichar c, gboolean keep_newlines)
{
  if (c == '\n')
    return keep_newlines;
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
    return FALSE;
  return c != 0xfffe && c != 0xffff;
}

/* XML's five entities, as g_markup_escape_text writes them. */
static gboolean svg_append_entity(GString *out, char c)
{
  switch (c) {
  case '&':
    g_string_append(out, "&amp;");
    return TRUE;
  case '<':
    g_string_append(out, "&lt;");
    return TRUE;
  case '>':
    g_string_append(out, "&gt;");
    return TRUE;
  case '"':
    g_string_append(out, "&quot;");
    return TRUE;
  case '\'':
    g_string_append(out, "&apos;");
    return TRUE;
  default:
    return FALSE;
  }
}

/* One pass over the text (it runs for every label of a large chart): invalid UTF-8
 * becomes U+FFFD, characters XML cannot hold are dropped (tabs and line breaks become a
 * space), and the rest is escaped as g_markup_escape_text would. */
char *svg_escape(const char *text, gboolean keep_newlines)
{
  if (text == NULL)
    return g_strdup("");
  gsize len = strlen(text);
  GString *out = g_string_sized_new(len + 16);
  const char *p = text, *end = text + len;
  while (p < end) {
    unsigned char b = (unsigned char)*p;
    if (b < 0x80) {
      if (svg_char_ok(b, keep_newlines)) {
        if (!svg_append_entity(out, (char)b))
          g_string_append_c(out, (char)b);
      } else if (b == '\t' || b == '\n' || b == '\r') {
        g_string_append_c(out, ' '); /* a word break stays a word break */
      }
      p++;
      continue;
    }
    gunichar c = g_utf8_get_char_validated(p, end - p);
    if (c == (gunichar)-1 || c == (gunichar)-2) {
      g_string_append_unichar(out, 0xFFFD);
      p++;
      /* Like g_utf8_make_valid: one replacement for the bad byte, then go on. */
      continue;
    }
    if (svg_char_ok(c, keep_newlines))
      g_string_append_len(out, p, g_utf8_next_char(p) - p);
    p = g_utf8_next_char(p);
  }
  return g_string_free(out, FALSE);
}

/* format_number by integer arithmetic, for the common case (a large chart writes some
 * 100,000 numbers): FALSE where rounding could differ from printf's, which rounds the
 * exact binary value (a value at or near a tie, or a huge one). */
static gboolean format_number_fast(char *buf, double value, int decimals)
{
  long long unit = decimals == 2 ? 100 : 1000;
  double scaled = value * (double)unit;
  if (!(fabs(scaled) < 1e15))
    return FALSE;
  double rounded = nearbyint(scaled);
  if (fabs(fabs(scaled - rounded) - 0.5) < 1e-6)
    return FALSE;
  long long r = llround(scaled);
  if (r == 0) {
    strcpy(buf, "0");
    return TRUE;
  }
  unsigned long long a = (unsigned long long)(r < 0 ? -r : r);
  int n = sprintf(buf, "%s%llu", r < 0 ? "-" : "", a / (unsigned long long)unit);
  unsigned long long frac = a % (unsigned long long)unit;
  if (frac) {
    int digits = decimals == 2 ? 2 : 3;
    while (frac % 10 == 0) {
      frac /= 10;
      digits--;
    }
    sprintf(buf + n, ".%0*llu", digits, frac);
  }
  return TRUE;
}

/* @value in C locale with at most @decimals decimals, no trailing zeros, never "-0"
 * (strutil_format_number, with the integer fast path first and 0 for NaN and infinities). */
static const char *format_number(char *buf, double value, int decimals)
{
  if (!isfinite(value))
    value = 0;
  if (format_number_fast(buf, value, decimals))
    return buf;
  return strutil_format_number(buf, G_ASCII_DTOSTR_BUF_SIZE, value, decimals);
}

const char *svg_number(char *buf, double value)
{
  return format_number(buf, value, 3);
}

/* Appends `NAME="VALUE"` with @value as an SVG number. */
static void append_num_attr(GString *out, const char *name, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append_printf(out, " %s=\"%s\"", name, svg_number(buf, value));
}

/* The same with at most 2 decimals, for the layer: 0.005 px is far below anything a
 * selection highlight or a pointer can show, and the layer has tens of thousands of
 * numbers in a large chart. */
static void append_layer_num(GString *out, const char *name, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append_c(out, ' ');
  g_string_append(out, name);
  g_string_append(out, "=\"");
  g_string_append(out, format_number(buf, value, 2));
  g_string_append_c(out, '"');
}

/* --- Streaming ---
 *
 * Cairo writes the whole SVG document through a callback, in chunks that can be a few
 * bytes or hundreds of MB. Three stages rewrite it as it passes, each keeping at most a
 * few bytes that might begin a pattern cut by a chunk's end, so the document is never
 * copied whole: ids -> root -> end -> the sink. */

/* Where a stage hands its output: the next stage or the final sink. Once a call fails,
 * every later one fails without calling it again. */
typedef struct {
  SvgSinkFunc func;
  gpointer closure;
  gboolean failed;
} SvgNext;

static gboolean next_emit(SvgNext *next, const char *data, gsize len)
{
  if (next->failed)
    return FALSE;
  if (len > 0 && !next->func(next->closure, data, len))
    next->failed = TRUE;
  return !next->failed;
}

/* The length of the longest suffix of @data that is a proper prefix of @key. The keys
 * used here ("surface", "<svg ", "</svg>") have no border (no proper prefix that is
 * also a suffix), so a held prefix that fails to grow holds no other start of @key. */
static gsize key_partial_suffix(const char *data, gsize len, const char *key)
{
  gsize klen = strlen(key);
  for (gsize k = MIN(klen - 1, len); k > 0; k--)
    if (memcmp(data + len - k, key, k) == 0)
      return k;
  return 0;
}

/* The last occurrence of @key in @data, or NULL. */
static const char *last_occurrence(const char *data, gsize len, const char *key)
{
  gsize klen = strlen(key);
  if (len < klen)
    return NULL;
  const char *p = data + len - klen + 1; /* candidates lie before p */
  while (p > data) {
    const char *lt = memrchr(data, key[0], (gsize)(p - data));
    if (lt == NULL)
      return NULL;
    if (memcmp(lt, key, klen) == 0)
      return lt;
    p = lt;
  }
  return NULL;
}

/* -- Stage 1: stable ids. Cairo numbers its SVG surfaces with a process-wide counter
 * ("surface1", "surface7"), so a second render in one process (--watch, tests) would
 * differ: every "surface" followed by digits and preceded by '"' or '#' has its digits
 * replaced by its number in order of first appearance. */

#define ID_KEY "surface"
#define ID_KEY_LEN 7

typedef struct {
  SvgNext next;
  GHashTable *ids;  /* old digits -> new number */
  GString *pending; /* a possible id cut by a chunk's end: a proper prefix of "surface",
                     * or "surface" and digits */
  char prev;        /* the input byte before the pending one (or the next chunk) */
} IdStage;

static void id_stage_init(IdStage *s, SvgSinkFunc func, gpointer closure)
{
  *s = (IdStage){.next = {func, closure, FALSE},
                 .ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
                 .pending = g_string_new(NULL)};
}

static void id_stage_clear(IdStage *s)
{
  g_hash_table_destroy(s->ids);
  g_string_free(s->pending, TRUE);
}

static gboolean id_emit_number(IdStage *s, const char *digits, gsize len)
{
  char *old = g_strndup(digits, len);
  guint n = GPOINTER_TO_UINT(g_hash_table_lookup(s->ids, old));
  if (n == 0) {
    n = g_hash_table_size(s->ids) + 1;
    g_hash_table_insert(s->ids, old, GUINT_TO_POINTER(n));
  } else {
    g_free(old);
  }
  char num[16];
  int k = g_snprintf(num, sizeof num, "%u", n);
  return next_emit(&s->next, num, (gsize)k);
}

/* Passes @data on with its ids renumbered. Unless @final, a possible id running into the
 * end of @data goes to s->pending instead. */
static gboolean id_filter(IdStage *s, const char *data, gsize len, gboolean final)
{
  const char *p = data, *end = data + len;
  while (p < end) {
    const char *hit = memmem(p, (gsize)(end - p), ID_KEY, ID_KEY_LEN);
    if (hit == NULL) {
      gsize keep = final ? 0 : key_partial_suffix(p, (gsize)(end - p), ID_KEY);
      const char *cut = end - keep;
      if (cut > data)
        s->prev = cut[-1];
      g_string_append_len(s->pending, cut, (gssize)keep);
      return next_emit(&s->next, p, (gsize)(cut - p));
    }
    const char *digits = hit + ID_KEY_LEN, *q = digits;
    while (q < end && g_ascii_isdigit(*q))
      q++;
    char before = hit > data ? hit[-1] : s->prev;
    if (q == end && !final) {
      s->prev = before;
      g_string_append_len(s->pending, hit, end - hit);
      return next_emit(&s->next, p, (gsize)(hit - p));
    }
    if (!next_emit(&s->next, p, (gsize)(digits - p)))
      return FALSE;
    if (q > digits && (before == '"' || before == '#')) {
      if (!id_emit_number(s, digits, (gsize)(q - digits)))
        return FALSE;
      p = q;
    } else {
      p = digits;
    }
  }
  if (len > 0)
    s->prev = end[-1];
  return TRUE;
}

/* Passes pending on as it is final. */
static gboolean id_flush_pending(IdStage *s)
{
  GString *done = s->pending;
  s->pending = g_string_new(NULL);
  gboolean ok = id_filter(s, done->str, done->len, TRUE);
  g_string_free(done, TRUE);
  return ok;
}

static gboolean id_stage_write(IdStage *s, const char *data, gsize len)
{
  const char *p = data, *end = data + len;
  /* First complete a possible id left over from the last chunk, byte by byte. */
  while (s->pending->len > 0 && p < end) {
    gsize n = s->pending->len;
    gboolean takes = n < ID_KEY_LEN ? *p == ID_KEY[n] : g_ascii_isdigit(*p);
    if (takes)
      g_string_append_c(s->pending, *p++);
    else if (!id_flush_pending(s))
      return FALSE;
  }
  return id_filter(s, p, (gsize)(end - p), FALSE);
}

static gboolean id_stage_finish(IdStage *s)
{
  return id_flush_pending(s);
}

/* -- Stage 2: the root. The first "<svg " start tag, up to its '>', is replaced with
 * @tag; the bytes before it pass as they are, a possible "<svg " cut by a chunk's end
 * is held. */

typedef enum { ROOT_SEEK, ROOT_SKIP, ROOT_PASS } RootState;

#define ROOT_KEY "<svg "

typedef struct {
  SvgNext next;
  char *tag; /* the new start tag, with the title and desc after it */
  RootState state;
  char held[8]; /* a proper prefix of "<svg " */
  gsize n_held;
} RootStage;

static gboolean root_stage_write(RootStage *s, const char *data, gsize len)
{
  const char *p = data, *end = data + len;
  while (p < end) {
    if (s->state == ROOT_PASS)
      return next_emit(&s->next, p, (gsize)(end - p));
    if (s->state == ROOT_SKIP) {
      const char *gt = memchr(p, '>', (gsize)(end - p));
      if (gt == NULL)
        return TRUE;
      s->state = ROOT_PASS;
      p = gt + 1;
      continue;
    }
    if (s->n_held > 0) {
      /* Grow the held prefix byte by byte, or give it up. */
      if (*p == ROOT_KEY[s->n_held]) {
        s->held[s->n_held++] = *p++;
        if (s->n_held == strlen(ROOT_KEY)) {
          s->n_held = 0;
          s->state = ROOT_SKIP;
          if (!next_emit(&s->next, s->tag, strlen(s->tag)))
            return FALSE;
        }
        continue;
      }
      gsize n = s->n_held;
      s->n_held = 0;
      if (!next_emit(&s->next, s->held, n))
        return FALSE;
    }
    const char *svg = memmem(p, (gsize)(end - p), ROOT_KEY, strlen(ROOT_KEY));
    if (svg == NULL) {
      gsize keep = key_partial_suffix(p, (gsize)(end - p), ROOT_KEY);
      memcpy(s->held, end - keep, keep);
      s->n_held = keep;
      return next_emit(&s->next, p, (gsize)(end - keep - p));
    }
    if (!next_emit(&s->next, p, (gsize)(svg - p)) ||
        !next_emit(&s->next, s->tag, strlen(s->tag)))
      return FALSE;
    s->state = ROOT_SKIP;
    p = svg + strlen(ROOT_KEY);
  }
  return TRUE;
}

/* FALSE when the stream held no complete root start tag. */
static gboolean root_stage_finish(RootStage *s)
{
  if (s->state != ROOT_PASS && s->n_held > 0)
    next_emit(&s->next, s->held, s->n_held);
  return s->state == ROOT_PASS;
}

/* The root start tag for @root, with the <title> and <desc> after it. */
static char *root_tag(const SvgRoot *root)
{
  /* The width and height are unitless (CSS px) and the viewBox is the scene's own size,
   * so the chart scales cleanly when a page sets only one of width or height. */
  GString *tag = g_string_new("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                              "xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
  append_num_attr(tag, "width", root->width);
  append_num_attr(tag, "height", root->height);
  char vw[G_ASCII_DTOSTR_BUF_SIZE], vh[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append_printf(tag, " viewBox=\"0 0 %s %s\"", svg_number(vw, root->view_width),
                         svg_number(vh, root->view_height));
  g_string_append(tag, " version=\"1.1\" role=\"img\" aria-labelledby=\"" SVG_TITLE_ID "\"");
  if (root->desc != NULL)
    g_string_append(tag, " aria-describedby=\"" SVG_DESC_ID "\"");
  char *title = svg_escape(root->title && root->title[0] ? root->title : "Career timeline", FALSE);
  g_string_append_printf(tag, ">\n<title id=\"" SVG_TITLE_ID "\">%s</title>", title);
  g_free(title);
  if (root->desc != NULL) {
    char *desc = svg_escape(root->desc, TRUE);
    g_strchomp(desc);
    g_string_append_printf(tag, "\n<desc id=\"" SVG_DESC_ID "\">%s</desc>", desc);
    g_free(desc);
  }
  return g_string_free(tag, FALSE);
}

/* -- Stage 3: the end. Everything from the last "</svg>" on is held back, so that the
 * layer can go before it once the stream is complete; everything before passes. */

#define END_KEY "</svg>"
#define END_KEY_LEN 6

typedef struct {
  SvgNext next;
  GString *held;  /* found: "</svg>" and what followed it; else a proper prefix of it */
  gboolean found;
} EndStage;

static gboolean end_stage_write(EndStage *s, const char *data, gsize len)
{
  const char *p = data, *end = data + len;
  /* Grow a held prefix of "</svg>" byte by byte, or give it up. */
  while (!s->found && s->held->len > 0 && p < end) {
    if (*p != END_KEY[s->held->len]) {
      if (!next_emit(&s->next, s->held->str, s->held->len))
        return FALSE;
      g_string_truncate(s->held, 0);
      break;
    }
    g_string_append_c(s->held, *p++);
    s->found = s->held->len == END_KEY_LEN;
  }
  if (p == end)
    return TRUE;
  gsize n = (gsize)(end - p);
  const char *last = last_occurrence(p, n, END_KEY);
  if (last != NULL) {
    /* A later end: what was held, and what comes before it, pass. */
    if (!next_emit(&s->next, s->held->str, s->held->len) ||
        !next_emit(&s->next, p, (gsize)(last - p)))
      return FALSE;
    g_string_truncate(s->held, 0);
    g_string_append_len(s->held, last, end - last);
    s->found = TRUE;
    return TRUE;
  }
  if (!s->found) {
    gsize keep = key_partial_suffix(p, n, END_KEY);
    g_string_append_len(s->held, end - keep, (gssize)keep);
    return next_emit(&s->next, p, n - keep);
  }
  /* After an end: an end cut between what is held and @data is a later one. */
  for (gsize k = 1; k < END_KEY_LEN && k <= s->held->len; k++) {
    if (n >= END_KEY_LEN - k && memcmp(s->held->str + s->held->len - k, END_KEY, k) == 0 &&
        memcmp(p, &END_KEY[k], END_KEY_LEN - k) == 0) {
      if (!next_emit(&s->next, s->held->str, s->held->len - k))
        return FALSE;
      g_string_erase(s->held, 0, (gssize)(s->held->len - k));
      break;
    }
  }
  g_string_append_len(s->held, p, (gssize)n);
  return TRUE;
}

/* Passes @fragment, then the held end. FALSE when the stream had no "</svg>". */
static gboolean end_stage_finish(EndStage *s, const char *fragment)
{
  if (!s->found) {
    next_emit(&s->next, s->held->str, s->held->len);
    return FALSE;
  }
  return next_emit(&s->next, fragment, strlen(fragment)) &&
         next_emit(&s->next, s->held->str, s->held->len);
}

/* -- The three stages together. */

struct SvgStream {
  IdStage ids;
  RootStage root;
  EndStage end;
  gboolean malformed;
};

static gboolean to_root(gpointer closure, const char *data, gsize len)
{
  return root_stage_write(closure, data, len);
}

static gboolean to_end(gpointer closure, const char *data, gsize len)
{
  return end_stage_write(closure, data, len);
}

SvgStream *svg_stream_new(const SvgRoot *root, SvgSinkFunc sink, gpointer closure)
{
  SvgStream *s = g_new0(SvgStream, 1);
  s->end = (EndStage){.next = {sink, closure, FALSE}, .held = g_string_new(NULL)};
  s->root = (RootStage){.next = {to_end, &s->end, FALSE}, .tag = root_tag(root)};
  id_stage_init(&s->ids, to_root, &s->root);
  return s;
}

gboolean svg_stream_write(SvgStream *s, const char *data, gsize len)
{
  return id_stage_write(&s->ids, data, len);
}

gboolean svg_stream_finish(SvgStream *s, const char *layer, gboolean *malformed)
{
  *malformed = FALSE;
  if (!id_stage_finish(&s->ids) || s->end.next.failed)
    return FALSE;
  if (!root_stage_finish(&s->root) || !end_stage_finish(&s->end, layer)) {
    *malformed = !s->end.next.failed;
    return FALSE;
  }
  return TRUE;
}

void svg_stream_free(SvgStream *s)
{
  if (s == NULL)
    return;
  id_stage_clear(&s->ids);
  g_free(s->root.tag);
  g_string_free(s->end.held, TRUE);
  g_free(s);
}

/* --- The layer --- */

/* Quotes a family name for the CSS font-family list where it is not a generic one. */
static void append_families(GString *out, const char *families)
{
  char **names = g_strsplit(families ? families : "", ",", -1);
  gboolean any = FALSE;
  for (char **n = names; *n; n++) {
    char *name = g_strstrip(*n);
    if (name[0] == '\0')
      continue;
    if (g_ascii_strcasecmp(name, "sans") == 0 || g_ascii_strcasecmp(name, "sans-serif") == 0 ||
        g_ascii_strcasecmp(name, "serif") == 0 || g_ascii_strcasecmp(name, "monospace") == 0) {
      g_string_append_printf(out, "%s%s", any ? ", " : "",
                             g_ascii_strcasecmp(name, "sans") == 0 ? "sans-serif" : name);
    } else {
      char *esc = svg_escape(name, FALSE);
      g_string_append_printf(out, "%s'%s'", any ? ", " : "", esc);
      g_free(esc);
    }
    any = TRUE;
  }
  g_strfreev(names);
  g_string_append_printf(out, "%ssans-serif", any ? ", " : "");
}

/* A font as the layer's attributes give it. */
typedef struct {
  char *family; /* the CSS font-family list, escaped */
  double size;  /* px; 0: none given */
  int weight;
  PangoStyle style;
} LayerFont;

static LayerFont layer_font(const char *font)
{
  PangoFontDescription *desc = pango_font_description_from_string(font ? font : "");
  GString *family = g_string_new(NULL);
  append_families(family, pango_font_description_get_family(desc));
  /* At 72 dpi (text.h) a size of N points is N px, in the scene's units. */
  double size = (double)pango_font_description_get_size(desc) / PANGO_SCALE;
  LayerFont f = {
      .family = g_string_free(family, FALSE),
      .size = size > 0 ? size : 0,
      .weight = CLAMP((int)pango_font_description_get_weight(desc), 1, 1000),
      .style = pango_font_description_get_style(desc),
  };
  pango_font_description_free(desc);
  return f;
}

static const char *style_name(PangoStyle style)
{
  return style == PANGO_STYLE_ITALIC ? "italic" : style == PANGO_STYLE_OBLIQUE ? "oblique" : "normal";
}

/* The attributes that set @f where it differs from @base (the layer group's font, which
 * every <text> inherits); @base NULL: against the SVG defaults. */
static void append_font_attrs(GString *out, const LayerFont *f, const LayerFont *base)
{
  if (base == NULL || strcmp(f->family, base->family) != 0)
    g_string_append_printf(out, " font-family=\"%s\"", f->family);
  if (f->size > 0 && (base == NULL || f->size != base->size))
    append_num_attr(out, "font-size", f->size);
  if (base ? f->weight != base->weight : f->weight != PANGO_WEIGHT_NORMAL)
    g_string_append_printf(out, " font-weight=\"%d\"", f->weight);
  if (base ? f->style != base->style : f->style != PANGO_STYLE_NORMAL)
    g_string_append_printf(out, " font-style=\"%s\"", style_name(f->style));
}

/* What the layer's texts share: measuring, and their font attributes by font string,
 * given relative to the most common font, which the layer group sets once. */
typedef struct {
  TextCtx *text;
  LayerFont base;
  GHashTable *font_attrs; /* font string -> attribute text */
} Layer;

static const char *layer_font_attrs(Layer *layer, const char *font)
{
  const char *key = font ? font : "";
  const char *attrs = g_hash_table_lookup(layer->font_attrs, key);
  if (attrs == NULL) {
    LayerFont f = layer_font(key);
    GString *a = g_string_new(NULL);
    append_font_attrs(a, &f, &layer->base);
    g_free(f.family);
    attrs = a->str;
    g_hash_table_insert(layer->font_attrs, g_strdup(key), g_string_free(a, FALSE));
  }
  return attrs;
}

/* One real <text> on the box of text shape @s: baseline where Pango put it, stretched to
 * the measured width so that selection highlights cover the drawn glyphs. */
static void append_text(GString *out, Layer *layer, const LayoutShape *s)
{
  char *content = svg_escape(s->text, FALSE);
  if (content[0] == '\0') {
    g_free(content);
    return;
  }
  TextExtents ext;
  text_measure(layer->text, s->font, s->text, &ext);
  g_string_append(out, "<text");
  append_layer_num(out, "x", s->x);
  append_layer_num(out, "y", s->y + ext.baseline);
  g_string_append(out, layer_font_attrs(layer, s->font));
  if (s->w > 0) {
    append_layer_num(out, "textLength", s->w);
    g_string_append(out, " lengthAdjust=\"spacingAndGlyphs\"");
  }
  g_string_append_c(out, '>');
  g_string_append(out, content);
  g_string_append(out, "</text>\n");
  g_free(content);
}

/* An invisible rect over @box with a <title> tooltip. */
static void append_tooltip_rect(GString *out, LayoutBox box, const char *tooltip)
{
  if (!(box.w > 0 && box.h > 0))
    return;
  char *esc = svg_escape(tooltip, TRUE);
  g_string_append(out, "<rect");
  append_layer_num(out, "x", box.x);
  append_layer_num(out, "y", box.y);
  append_layer_num(out, "width", box.w);
  append_layer_num(out, "height", box.h);
  g_string_append_printf(out, "><title>%s</title></rect>\n", esc);
  g_free(esc);
}

/* An entry or milestone: a group whose <title> shows over its labels, an invisible rect
 * with its own tooltip over each bar (or over the marker), then its labels, in paint
 * order. Its url (the scene keeps only safe ones) makes the group a link, as the PDF's
 * bars are. */
static void append_owner_group(GString *out, const char *url, const char *tip)
{
  if (url != NULL) {
    char *href = svg_escape(url, FALSE);
    g_string_append_printf(out, "<a href=\"%s\" xlink:href=\"%s\">\n", href, href);
    g_free(href);
  }
  char *esc = svg_escape(tip, TRUE);
  g_string_append_printf(out, "<g><title>%s</title>\n", esc);
  g_free(esc);
}

static void append_owner_end(GString *out, const char *url)
{
  g_string_append(out, "</g>\n");
  if (url != NULL)
    g_string_append(out, "</a>\n");
}

/* Whether the layer writes text shape @s (a text with something to say). */
static gboolean is_text(const LayoutShape *s)
{
  return s != NULL && s->kind == LAYOUT_SHAPE_TEXT && s->text != NULL && s->font != NULL;
}

static void append_label(GString *out, Layer *layer, const LayoutScene *scene, guint label)
{
  const LayoutShape *s = layout_shape(scene, label);
  if (is_text(s))
    append_text(out, layer, s);
}

static void append_entry(GString *out, Layer *layer, const LayoutScene *scene,
                         const LayoutEntry *entry)
{
  char *tip = describe_entry(entry);
  append_owner_group(out, entry->url, tip);
  g_free(tip);
  for (guint b = 0; b < entry->bars->len; b++) {
    char *bar_tip = describe_bar(entry, b);
    append_tooltip_rect(out, layout_shape_box(scene, g_array_index(entry->bars, LayoutBar, b).shape),
                        bar_tip);
    g_free(bar_tip);
  }
  /* Segment labels come before the entry's own label in paint order. */
  for (guint b = 0; b < entry->bars->len; b++)
    append_label(out, layer, scene, g_array_index(entry->bars, LayoutBar, b).label);
  append_label(out, layer, scene, entry->label);
  append_owner_end(out, entry->url);
}

static void append_milestone(GString *out, Layer *layer, const LayoutScene *scene,
                             const LayoutMilestone *ms)
{
  char *tip = describe_milestone(ms);
  append_owner_group(out, ms->url, tip);
  if (ms->marker != LAYOUT_NONE)
    append_tooltip_rect(out, layout_shape_box(scene, ms->marker), tip);
  g_free(tip);
  append_label(out, layer, scene, ms->label);
  append_owner_end(out, ms->url);
}

/* The font of most of the texts the layer writes (the first of equals), or NULL. */
static const char *most_common_font(const LayoutScene *scene)
{
  GHashTable *counts = g_hash_table_new(g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_n = 0;
  for (guint i = 0; i < scene->shapes->len; i++) {
    const LayoutShape *s = &g_array_index(scene->shapes, LayoutShape, i);
    if (!is_text(s))
      continue;
    guint n = GPOINTER_TO_UINT(g_hash_table_lookup(counts, s->font)) + 1;
    g_hash_table_insert(counts, (gpointer)s->font, GUINT_TO_POINTER(n));
    if (n > best_n) {
      best = s->font;
      best_n = n;
    }
  }
  g_hash_table_destroy(counts);
  return best;
}

char *svg_text_layer(const LayoutScene *scene, TextCtx *text)
{
  /* fill-opacity 0, not display:none or visibility:hidden: the text stays selectable and
   * searchable, and the rects keep catching the pointer for their tooltips, while no
   * pixel changes. */
  Layer layer = {.text = text,
                 .base = layer_font(most_common_font(scene)),
                 .font_attrs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free)};
  GString *out = g_string_new("<g id=\"" SVG_LAYER_ID "\" fill=\"#000\" fill-opacity=\"0\" "
                              "stroke=\"none\"");
  append_font_attrs(out, &layer.base, NULL);
  g_string_append(out, ">\n");
  gboolean *entry_done = g_new0(gboolean, scene->entries->len + 1);
  gboolean *milestone_done = g_new0(gboolean, scene->milestones->len + 1);
  /* Paint order puts the title and the axis first, then the labels: reading order. An
   * entry or milestone comes where its first label does. */
  for (guint i = 0; i < scene->shapes->len; i++) {
    const LayoutShape *s = &g_array_index(scene->shapes, LayoutShape, i);
    if (!is_text(s))
      continue;
    const LayoutEntry *entry = layout_shape_entry(scene, s);
    const LayoutMilestone *ms = layout_shape_milestone(scene, s);
    if (entry != NULL) {
      if (!entry_done[s->owner.index])
        append_entry(out, &layer, scene, entry);
      entry_done[s->owner.index] = TRUE;
    } else if (ms != NULL) {
      if (!milestone_done[s->owner.index])
        append_milestone(out, &layer, scene, ms);
      milestone_done[s->owner.index] = TRUE;
    } else {
      append_text(out, &layer, s);
    }
  }
  /* Entries and milestones without a drawn label still get their tooltips. */
  for (guint i = 0; i < scene->entries->len; i++)
    if (!entry_done[i])
      append_entry(out, &layer, scene, &g_array_index(scene->entries, LayoutEntry, i));
  for (guint i = 0; i < scene->milestones->len; i++)
    if (!milestone_done[i])
      append_milestone(out, &layer, scene,
                       &g_array_index(scene->milestones, LayoutMilestone, i));
  g_string_append(out, "</g>\n");
  g_free(entry_done);
  g_free(milestone_done);
  g_hash_table_destroy(layer.font_attrs);
  g_free(layer.base.family);
  return g_string_free(out, FALSE);
}
