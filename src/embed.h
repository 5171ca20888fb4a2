/* Text files built into the binary at build time (tools/embed_text.py): the JSON Schemas
 * of the CV and style formats (doc/schema/) and the starter CV of --new, so that the
 * executable prints them wherever it runs, installed or not. */
#pragma once

typedef struct {
  const char *name; /* the file's base name, e.g. "cv.schema.json" */
  const char *text; /* its bytes, NUL-terminated */
} EmbedFile;
extern const EmbedFile embed_files[];
extern const unsigned embed_files_count;

/* The text of the embedded file @name (static), or NULL when there is none. */
const char *embed_get(const char *name);
