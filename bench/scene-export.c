/* scene-export: the benchmark's bridge from cvtimeline to the floor (bench/floor.c). It
 * runs cvtimeline's own pipeline (the core library, default style, no options) on a CV
 * and prints the scene as a flat draw list, so that the floor draws exactly the same
 * shapes and texts in the same fonts on a page of the same size. Not timed.
 *
 *   scene-export CV.yaml > scene.tsv
 *
 * Format: first line "page W H"; then one shape per line, fields tab-separated:
 *   R x y w h radius fill(r g b a) stroke(r g b a) stroke_width     (rect)
 *   L x y w h stroke(r g b a) stroke_width                           (line)
 *   D|C x y w h fill(r g b a) stroke(r g b a) stroke_width           (diamond, circle)
 *   T x y fill(r g b a) font text                                    (text) */
#include "layout.h"
#include "reader.h"
#include "style.h"
#include "timeline.h"
#include "ydoc.h"

#include <stdio.h>
#include <stdlib.h>

static void color(const StyleColor *c)
{
  printf("\t%.17g\t%.17g\t%.17g\t%.17g", c->r, c->g, c->b, c->a);
}

static void shape(const LayoutShape *s)
{
  static const char kinds[] = {[LAYOUT_SHAPE_RECT] = 'R', [LAYOUT_SHAPE_LINE] = 'L',
                               [LAYOUT_SHAPE_DIAMOND] = 'D', [LAYOUT_SHAPE_CIRCLE] = 'C',
                               [LAYOUT_SHAPE_TEXT] = 'T'};
  if (s->kind == LAYOUT_SHAPE_TEXT) {
    if (s->text == NULL || s->text[0] == '\0' || s->fill.a <= 0)
      return;
    printf("T\t%.17g\t%.17g", s->x, s->y);
    color(&s->fill);
    printf("\t%s\t%s\n", s->font, s->text); /* layout keeps tabs and newlines out */
    return;
  }
  printf("%c\t%.17g\t%.17g\t%.17g\t%.17g", kinds[s->kind], s->x, s->y, s->w, s->h);
  if (s->kind == LAYOUT_SHAPE_RECT)
    printf("\t%.17g", s->radius);
  if (s->kind != LAYOUT_SHAPE_LINE)
    color(&s->fill);
  color(&s->stroke);
  printf("\t%.17g\n", s->stroke_width);
}

int main(int argc, char **argv)
{
  if (argc != 2) {
    fprintf(stderr, "usage: scene-export CV.yaml > scene.tsv\n");
    return 2;
  }
  DiagList *diags = diag_list_new();
  gsize len = 0;
  char *data = ydoc_read_file(argv[1], YDOC_MAX_BYTES, &len, diags);
  ReaderSource *src = data ? reader_source_new(argv[1], data, len) : NULL;
  ReaderOptions ropts = READER_DEFAULT_OPTIONS;
  ropts.clock_today = date_from_ymd(2026, 11, 25);
  ModelCv *cv = src ? reader_read(src, &ropts, diags) : NULL;
  Style *style = style_resolve(NULL, 0, NULL, 0, diags);
  TimelineOptions topts = {0};
  Timeline *tl = cv && style ? timeline_build(cv, &topts, NULL) : NULL;
  TextCtx *text = text_ctx_new();
  LayoutScene *scene = tl ? layout_build(tl, style, text, diags) : NULL;
  int code = 1;
  if (scene && diag_error_count(diags) == 0) {
    printf("page\t%.17g\t%.17g\n", scene->width, scene->height);
    for (guint i = 0; i < scene->shapes->len; i++)
      shape(&g_array_index(scene->shapes, LayoutShape, i));
    code = fflush(stdout) == 0 ? 0 : 1;
  } else {
    diag_print(diags, stderr, TRUE);
  }
  layout_scene_free(scene);
  text_ctx_free(text);
  timeline_free(tl);
  style_free(style);
  model_cv_free(cv);
  reader_source_free(src);
  g_free(data);
  diag_list_free(diags);
  return code;
}
