/* Input readers: format names, detection (spec/cli.md: a top-level `cv:` is RenderCV,
 * `basics:` or `work:` is JSON Resume, else native) and dispatch to one reader. */
#include "reader.h"

#include <string.h>

static const struct {
  ReaderFormat format;
  const char *name;
} format_names[] = {
    {READER_NATIVE, "native"},
    {READER_JSONRESUME, "jsonresume"},
    {READER_RENDERCV, "rendercv"},
};

const char *reader_format_name(ReaderFormat format) {
  for (gsize i = 0; i < G_N_ELEMENTS(format_names); i++) {
    if (format_names[i].format == format)
      return format_names[i].name;
  }
  return "auto";
}

gboolean reader_format_parse(const char *name, ReaderFormat *out) {
  if (name == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS(format_names); i++) {
    if (strcmp(format_names[i].name, name) == 0) {
      *out = format_names[i].format;
      return TRUE;
    }
  }
  return FALSE;
}

ReaderFormat reader_detect(const YdocDoc *doc) {
  const YdocNode *root = doc ? doc->root : NULL;
  if (root == NULL || root->kind != YDOC_MAPPING)
    return READER_NATIVE;
  if (ydoc_get(root, "cv") != NULL)
    return READER_RENDERCV;
  if (ydoc_get(root, "basics") != NULL || ydoc_get(root, "work") != NULL)
    return READER_JSONRESUME;
  return READER_NATIVE;
}

ModelCv *reader_read(const YdocDoc *doc, const ReaderOptions *opts, DiagList *diags) {
  ReaderFormat format = opts->format == READER_AUTO ? reader_detect(doc) : opts->format;
  switch (format) {
  case READER_JSONRESUME:
    return reader_jsonresume(doc, opts, diags);
  case READER_RENDERCV:
    return reader_rendercv(doc, opts, diags);
  case READER_AUTO:
  case READER_NATIVE:
    break;
  }
  return reader_native(doc, opts, diags);
}
