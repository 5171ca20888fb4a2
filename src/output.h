/* output: writes the finished bytes. A file is replaced atomically: a temporary file in
 * the same folder, flushed and synced, then renamed over the target; on any failure the
 * temporary file is removed and an existing target stays as it was (spec/cli.md). */
#pragma once

#include <glib.h>

/* Writes @data to @path ("-": standard output). Returns FALSE with @error set (a message
 * naming the path and the reason) when it could not. */
gboolean output_write(const char *path, GBytes *data, GError **error);
