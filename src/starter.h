/* The starter CV of --new (data/starter.yaml.in, embedded at build time): a commented
 * native CV (doc/cv-format.md) that shows each feature once and renders as is. */
#pragma once

#include <glib.h>

/* @text (valid UTF-8) as a YAML double-quoted scalar that reads back as exactly @text:
 * quotes, backslashes and every character YAML does not print raw (controls, DEL, C1,
 * NEL, the line and paragraph separators, the BOM, U+FFFE/U+FFFF) escaped. Newly
 * allocated; the caller frees it. */
char *starter_yaml_quote(const char *text);

/* The starter CV titled @name (valid UTF-8), its first line pointing editors at @schema
 * (a path or URL of cv.schema.json). Newly allocated; the caller frees it. */
char *starter_cv(const char *name, const char *schema);
