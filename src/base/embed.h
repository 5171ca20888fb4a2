/* Text files built into the binary at build time (tools/embed_text.py): the JSON Schemas
 * (doc/schema/), the starter CV of --new and the built-in styles (styles/), so that the
 * executable has them wherever it runs, installed or not. */
#pragma once

typedef struct {
  const char *name; /* its folder's name and its own: "schema/cv.schema.json",
                       "data/starter.yaml.in", "styles/dark.yaml" */
  const char *text; /* its bytes, NUL-terminated */
} EmbedFile;
extern const EmbedFile embed_files[];
extern const unsigned embed_files_count;

/* The text of the embedded file @name (static), or NULL when there is none. */
const char *embed_get(const char *name);
