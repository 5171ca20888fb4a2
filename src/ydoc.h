/* ydoc: a YAML document as a small tree whose every node keeps its 1-based line and
 * column. Built from libyaml's event API with guards applied as events arrive (size,
 * depth, alias budget, duplicate keys, UTF-8, NUL). The only module that includes yaml.h.
 * JSON is read through it too (JSON is YAML's flow style), after the fix-ups of its own
 * path (ydoc_json.c). */
#pragma once

#include "diag.h"
#include <glib.h>

typedef enum {
  YDOC_SCALAR,
  YDOC_SEQUENCE,
  YDOC_MAPPING,
} YdocKind;

typedef struct YdocNode YdocNode;

typedef struct {
  YdocNode *key; /* always a scalar */
  YdocNode *value;
} YdocPair;

struct YdocNode {
  YdocKind kind;
  int line;   /* 1-based start of the node (for an alias: of the alias) */
  int column; /* 1-based */
  /* YDOC_SCALAR */
  char *text;     /* NUL-terminated, valid UTF-8, no NUL inside */
  gsize text_len; /* bytes */
  gboolean plain; /* written without quotes: only then do `null`, `~`, `true` mean something */
  /* YDOC_SEQUENCE: items[0..n); YDOC_MAPPING: pairs[0..n), keys unique */
  guint n;
  YdocNode **items;
  YdocPair *pairs;
};

typedef struct {
  gsize max_bytes;  /* the input's size cap, and of its scalar text with aliases expanded */
  guint max_depth;  /* nesting of sequences and mappings */
  gsize max_nodes;  /* nodes in the tree, counting every alias as the size of its anchor */
  gsize max_scalar; /* bytes in one scalar */
} YdocLimits;

#define YDOC_MAX_BYTES (16u * 1024u * 1024u)
#define YDOC_DEFAULT_LIMITS                                                                        \
  ((YdocLimits){.max_bytes = YDOC_MAX_BYTES,                                                       \
                .max_depth = 64,                                                                   \
                .max_nodes = 1000000,                                                              \
                .max_scalar = 1024u * 1024u})

typedef struct {
  char *file;     /* the name used in messages, owned */
  YdocNode *root; /* NULL for an empty document (no content at all: "", comments only, a
                   * bare "---"; these read as an empty plain scalar, mapped to NULL) */
  /* private */
  gpointer arena;
} YdocDoc;

/* Reads a whole file ("-" is standard input, named "<stdin>" in messages) into a new NUL-terminated buffer owned by
 * the caller. Refuses directories, unreadable files, devices that sysio_may_open refuses
 * and anything larger than @max_bytes (an endless pipe stops at the cap) with an error in
 * @diags naming @path; returns NULL then. FIFOs, pipes and character devices are read
 * like files, but never block: a FIFO is opened without waiting for a writer, and data
 * is waited for within the run's limit (sysio_wait_input; not for a terminal on standard
 * input). These errors have no position (line 0: "cv.yaml: error: is a directory");
 * texts: "cannot open: <strerror>", "cannot open: it is a device, not a file", "cannot
 * read: <strerror>", "cannot read: nothing arrived within 10 s (...)", "cannot read: the
 * input did not end within 10 s (...)", "is a directory", "file is larger than 16 MiB".
 * At most @max_bytes + 1 bytes are ever read. @len_out is set only on success. */
char *ydoc_read_file(const char *path, gsize max_bytes, gsize *len_out, DiagList *diags);

/* Parses @data (not necessarily NUL-terminated) as one YAML document. @file is the name
 * used in messages. Returns a new document owned by the caller, or NULL after adding
 * errors to @diags (libyaml's own message and position for syntax errors, with its
 * context as "(while parsing a block mapping that started at 1:1)"). A second document in
 * the stream is an error. @limits may be NULL for YDOC_DEFAULT_LIMITS. Errors that leave
 * the tree usable (duplicate keys, non-scalar keys: the pair is dropped) do not stop
 * parsing, so all of them are reported, and the document is still returned so that its
 * reader can report the file's other mistakes too: a caller must check @diags for errors
 * as well as the result for NULL. Guard and syntax errors stop at the first and give NULL.
 * Aliases share the anchored subtree (only the top node is copied, to carry the alias's
 * position): treat the tree as read-only. A leading UTF-8 BOM is skipped. */
YdocDoc *ydoc_parse(const char *file, const char *data, gsize len, const YdocLimits *limits,
                    DiagList *diags);

/* What a key given twice in one mapping is. */
typedef enum {
  YDOC_DUPLICATES_ERROR,     /* YAML forbids it: an error, the later pair dropped */
  YDOC_DUPLICATES_LAST_WINS, /* JSON allows it: a warning, the later value replaces the first */
} YdocDuplicates;

/* ydoc_parse with a policy for duplicate keys (ydoc_parse: YDOC_DUPLICATES_ERROR). With
 * YDOC_DUPLICATES_LAST_WINS the warning is "duplicate key 'K' (first given at L:C); the
 * last one is used", and the pair keeps the first one's place with the last one's key
 * and value. */
YdocDoc *ydoc_parse_with(const char *file, const char *data, gsize len, const YdocLimits *limits,
                         YdocDuplicates duplicates, DiagList *diags);

/* TRUE when @data (@len bytes) is JSON text: the first thing after a byte order mark and
 * blanks is `{` or `[`. */
gboolean ydoc_looks_like_json(const char *data, gsize len);

/* Parses @data as JSON, with ydoc_parse's contract: first the fix-ups real JSON needs to
 * be read as YAML (the UTF-16 surrogate pairs "\uD83D\uDE80" that YAML does not know
 * become one escape; columns after one on its line shift left by two), then ydoc_parse,
 * except that a duplicate key is a warning and the last value wins, as in every JSON
 * parser (YDOC_DUPLICATES_LAST_WINS).
 * Implemented in ydoc_json.c. */
YdocDoc *ydoc_parse_json(const char *file, const char *data, gsize len, const YdocLimits *limits,
                         DiagList *diags);

/* Frees a document and all its nodes; accepts NULL. */
void ydoc_free(YdocDoc *doc);

/* The value for @key in a mapping node, or NULL when absent or @map is not a mapping. */
const YdocNode *ydoc_get(const YdocNode *map, const char *key);

/* TRUE for a plain scalar `~`, `null`, `Null`, `NULL` or an empty plain scalar; FALSE for
 * NULL (an absent key is not a null value) and for quoted scalars. */
gboolean ydoc_is_null(const YdocNode *node);

/* "a string", "a list", "a mapping": for messages such as "expected a list, found a mapping". */
const char *ydoc_kind_name(YdocKind kind);
