/* output: writes the finished bytes. A file is replaced atomically: a temporary file in the
 * same folder, flushed and synced, then renamed over the target; on any failure the
 * temporary file is removed and an existing target stays as it was (doc/cli.md "Output
 * formats"). The temporary file has no name until the rename (O_TMPFILE); where the file
 * system lacks that, its name is removed on any signal that would end the process (a
 * handler is installed meanwhile for those signals nothing else handles; one output at a
 * time). Symbolic links on the path are followed under the kernel's sticky-folder rules,
 * and FIFOs and harmless devices are written in place (doc/cvtimeline.1, OUTPUT). */
#pragma once

#include <glib.h>

/* Writes @data to @path ("-": standard output). Returns FALSE with @error set (a message
 * naming the path and the reason) when it could not. */
gboolean output_write(const char *path, GBytes *data, GError **error);

/* The same, with the bytes given in pieces as a renderer produces them, so that no copy
 * of the whole file is held: a regular file's bytes go to its temporary file as they
 * come (opened at the first byte); standard output and devices gather them and are
 * written only by output_commit, so that they receive nothing from a failed render. */
typedef struct OutputFile OutputFile;

/* Never fails: problems with @path are found at the first byte or at output_commit. */
OutputFile *output_open(const char *path);
/* Appends @len bytes; FALSE once anything failed (output_error says what). */
gboolean output_append(OutputFile *out, const void *data, gsize len);
/* The first failure of output_append, or NULL. */
const GError *output_error(const OutputFile *out);
/* Finishes the file (synced, renamed over the target) or writes the gathered bytes.
 * FALSE with @error set (the target as it was) on failure. Frees @out either way. */
gboolean output_commit(OutputFile *out, GError **error);
/* Gives up: the temporary file is removed, the target stays as it was. Frees @out. */
void output_abort(OutputFile *out);
