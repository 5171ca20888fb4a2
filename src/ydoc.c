/* ydoc: one YAML document as a tree with 1-based positions, built from libyaml's event
 * API with every guard applied as events arrive (doc/architecture.md "Conventions",
 * doc/cv-format.md "Limits"). The only file that includes yaml.h. */
#include "ydoc.h"

#include "strutil.h"
#include "sysio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

/* ---- Arena: every node, array and string of a document, freed in one go ---- */

#define ARENA_BLOCK (64u * 1024u)

typedef struct {
  GPtrArray *blocks; /* of g_malloc'd blocks */
  char *cur;
  gsize left;
} Arena;

static Arena *arena_new(void)
{
  Arena *a = g_new0(Arena, 1);
  a->blocks = g_ptr_array_new_with_free_func(g_free);
  return a;
}

static void arena_free(Arena *a)
{
  if (a == NULL)
    return;
  g_ptr_array_unref(a->blocks);
  g_free(a);
}

/* Zeroed memory that lives as long as the arena. */
static void *arena_alloc(Arena *a, gsize size)
{
  size = (size + 15u) & ~(gsize)15u;
  if (size > ARENA_BLOCK / 4) {
    /* Big arrays and strings get a block of their own, so blocks are never wasted. */
    void *p = g_malloc0(size);
    g_ptr_array_add(a->blocks, p);
    return p;
  }
  if (size > a->left) {
    a->cur = g_malloc(ARENA_BLOCK);
    a->left = ARENA_BLOCK;
    g_ptr_array_add(a->blocks, a->cur);
  }
  void *p = a->cur;
  a->cur += size;
  a->left -= size;
  memset(p, 0, size);
  return p;
}

/* ---- Positions ---- */

static const char utf8_bom[] = "\xEF\xBB\xBF";

static gsize bom_length(const char *data, gsize len)
{
  return len >= 3 && memcmp(data, utf8_bom, 3) == 0 ? 3 : 0;
}

/* The 1-based line and column of byte @offset, counting lines and characters the way
 * libyaml does (CR LF, CR, LF, NEL, LS and PS end a line; a leading BOM takes no column).
 * The bytes before @offset must be valid UTF-8. */
static void offset_position(const char *data, gsize len, gsize offset, int *line, int *column)
{
  int l = 1;
  int c = 1;
  gsize i = bom_length(data, len);
  offset = MIN(offset, len);
  while (i < offset) {
    guchar b = (guchar)data[i];
    if (b == '\r' && i + 1 < len && data[i + 1] == '\n') {
      i += 2;
      l++, c = 1;
    } else if (b == '\r' || b == '\n') {
      i++;
      l++, c = 1;
    } else if (b == 0xC2 && i + 1 < len && (guchar)data[i + 1] == 0x85) {
      i += 2;
      l++, c = 1;
    } else if (b == 0xE2 && i + 2 < len && (guchar)data[i + 1] == 0x80 &&
               ((guchar)data[i + 2] == 0xA8 || (guchar)data[i + 2] == 0xA9)) {
      i += 3;
      l++, c = 1;
    } else {
      i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      c++;
    }
  }
  *line = l;
  *column = c;
}

/* "16 MiB" rather than "16777216 bytes" in messages. */
static char *format_size(gsize bytes)
{
  if (bytes >= 1024u * 1024u && bytes % (1024u * 1024u) == 0)
    return g_strdup_printf("%" G_GSIZE_FORMAT " MiB", bytes / (1024u * 1024u));
  if (bytes >= 1024u && bytes % 1024u == 0)
    return g_strdup_printf("%" G_GSIZE_FORMAT " KiB", bytes / 1024u);
  return g_strdup_printf("%" G_GSIZE_FORMAT " bytes", bytes);
}

static void error_too_large(DiagList *diags, const char *file, gsize max_bytes)
{
  char *size = format_size(max_bytes);
  diag_error(diags, file, 0, 0, "file is larger than %s", size);
  g_free(size);
}

/* ---- Reading a file ---- */

/* Reads at most @cap bytes into *@buf_out and sets *@len_out; FALSE with errno set on
 * failure (ETIMEDOUT when the run's wait for its inputs ran out), *@len_out then saying
 * how much had come. With @wait, each read waits first for data (a FIFO opened without
 * blocking reads as empty until a writer comes); without it, only a read that would
 * block waits (/proc/kmsg is a regular file that blocks). */
static gboolean read_capped(int fd, gsize cap, gsize size_hint, gboolean wait, char **buf_out,
                            gsize *len_out)
{
  gsize alloc = MAX(MIN(cap, size_hint > 0 ? size_hint : 64u * 1024u), 1u);
  char *buf = g_malloc(alloc + 1);
  gsize len = 0;
  guint idle_wakes = 0; /* ready, yet nothing to read: bounded, so that it cannot spin */
  int err = 0;
  while (len < cap && err == 0) {
    if (len == alloc) {
      alloc = alloc > cap / 2 ? cap : alloc * 2;
      buf = g_realloc(buf, alloc + 1);
    }
    int ready = wait ? sysio_wait_input(fd) : 1;
    if (ready <= 0) {
      err = ready == 0 ? ETIMEDOUT : errno;
      break;
    }
    ssize_t n = read(fd, buf + len, alloc - len);
    if (n == 0)
      break;
    if (n > 0) {
      len += (gsize)n;
      idle_wakes = 0;
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      if (wait && ++idle_wakes > 1000)
        err = errno;
      wait = TRUE;
    } else if (errno != EINTR) {
      err = errno;
    }
  }
  *len_out = len;
  if (err != 0) {
    g_free(buf);
    errno = err;
    return FALSE;
  }
  buf[len] = '\0';
  *buf_out = buf;
  return TRUE;
}

/* The message for a read that gave up waiting. */
static void error_timed_out(DiagList *diags, const char *path, gboolean got_nothing)
{
  guint ms = sysio_wait_limit();
  char *limit = ms % 1000 == 0 ? g_strdup_printf("%u s", ms / 1000) : g_strdup_printf("%u ms", ms);
  diag_error(diags, path, 0, 0,
             "cannot read: %s within %s (CVTIMELINE_PIPE_TIMEOUT sets how long to wait)",
             got_nothing ? "nothing arrived" : "the input did not end", limit);
  g_free(limit);
}

char *ydoc_read_file(const char *path, gsize max_bytes, gsize *len_out, DiagList *diags)
{
  gboolean is_stdin = strcmp(path, "-") == 0;
  const char *shown = is_stdin ? "<stdin>" : path; /* as ydoc_parse's messages name it */
  struct stat st;
  /* Looked at before opening: opening some devices does something (a watchdog arms). */
  if (!is_stdin && stat(path, &st) == 0 && !sysio_may_open(&st)) {
    diag_error(diags, shown, 0, 0, "cannot open: it is a device, not a file");
    return NULL;
  }
  /* Without blocking: opening a FIFO waits for a writer, possibly forever. */
  int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    diag_error(diags, shown, 0, 0, "cannot open: %s", g_strerror(errno));
    return NULL;
  }
  char *buf = NULL;
  if (fstat(fd, &st) != 0) {
    diag_error(diags, shown, 0, 0, "cannot read: %s", g_strerror(errno));
  } else if (S_ISDIR(st.st_mode)) {
    diag_error(diags, shown, 0, 0, "is a directory");
  } else if (!is_stdin && !sysio_may_open(&st)) {
    diag_error(diags, shown, 0, 0, "cannot open: it is a device, not a file");
  } else if (S_ISREG(st.st_mode) && (guint64)st.st_size > (guint64)max_bytes) {
    error_too_large(diags, shown, max_bytes);
  } else {
    /* One byte past the cap tells "exactly the cap" from "more": an endless pipe such as
     * /dev/zero stops there. Pipes, FIFOs and devices wait for data within the run's
     * limit, except a terminal on standard input: a person typing. */
    gsize cap = max_bytes < G_MAXSIZE / 2 ? max_bytes + 1 : G_MAXSIZE / 2;
    gsize hint = S_ISREG(st.st_mode) ? (gsize)st.st_size + 1 : 0;
    gboolean wait = !S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode) && !(is_stdin && isatty(fd));
    gsize n = 0;
    if (!read_capped(fd, cap, hint, wait, &buf, &n) && errno == ETIMEDOUT) {
      error_timed_out(diags, shown, n == 0);
    } else if (buf == NULL) {
      diag_error(diags, shown, 0, 0, "cannot read: %s", g_strerror(errno));
    } else if (n > max_bytes) {
      error_too_large(diags, shown, max_bytes);
      g_clear_pointer(&buf, g_free);
    } else if (len_out != NULL) {
      *len_out = n;
    }
  }
  if (!is_stdin)
    close(fd);
  return buf;
}

/* ---- Building the tree from events ---- */

typedef struct {
  YdocNode *node; /* NULL while pending: the anchored node is still open */
  gsize size;     /* nodes in the subtree, aliases inside counted expanded */
  gsize bytes;    /* scalar bytes in the subtree, aliases inside counted expanded */
  guint height;   /* 0 for a scalar, 1 + the children's for a collection */
} Anchor;

typedef struct {
  YdocNode *node;
  GPtrArray *items;   /* YDOC_SEQUENCE: of YdocNode* */
  GArray *pairs;      /* YDOC_MAPPING: of YdocPair */
  GHashTable *keys;   /* YDOC_MAPPING: key text -> first key node */
  gboolean have_key;  /* YDOC_MAPPING: the next node is a value */
  YdocNode *key;      /* the key waiting for that value */
  gboolean drop_pair; /* the key was rejected: the value is parsed but not kept */
  guint replace_pair; /* JSON's duplicate key: 1 + the index of the pair it replaces, or 0 */
  gsize nodes_before; /* the node count before this collection */
  gsize bytes_before; /* the text byte count before this collection */
  guint height;
  char *anchor; /* owned, or NULL */
} Frame;

typedef struct {
  const char *file;
  const char *data; /* the whole input, for reader-error positions */
  gsize len;
  gsize bom;
  YdocLimits lim;
  DiagList *diags;
  Arena *arena;
  GArray *stack;       /* of Frame */
  GHashTable *anchors; /* name -> Anchor* */
  gsize nodes;
  gsize bytes; /* scalar text so far, aliases counted as copies (capped at max_bytes) */
  guint documents;
  gboolean failed; /* an error that leaves no usable tree was reported */
  YdocDuplicates duplicates;
  YdocNode *root;
} Builder;

static void frame_clear(Frame *f)
{
  if (f->items != NULL)
    g_ptr_array_unref(f->items);
  if (f->pairs != NULL)
    g_array_unref(f->pairs);
  if (f->keys != NULL)
    g_hash_table_unref(f->keys);
  g_free(f->anchor);
  memset(f, 0, sizeof *f);
}

static void error_at(Builder *b, yaml_mark_t mark, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

static void error_at(Builder *b, yaml_mark_t mark, const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  char *text = g_strdup_vprintf(fmt, args);
  va_end(args);
  diag_error(b->diags, b->file, (int)mark.line + 1, (int)mark.column + 1, "%s", text);
  g_free(text);
  b->failed = TRUE;
}

static void error_at_node(Builder *b, const YdocNode *node, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);

static void error_at_node(Builder *b, const YdocNode *node, const char *fmt, ...)
{
  va_list args;
  va_start(args, fmt);
  char *text = g_strdup_vprintf(fmt, args);
  va_end(args);
  diag_error(b->diags, b->file, node->line, node->column, "%s", text);
  g_free(text);
  /* Not b->failed: the offending pair is dropped and the tree stays usable, so the
   * reader can go on to report the file's other mistakes in the same run. */
}

/* Counts @n more nodes against the budget; FALSE (after an error) when over it. */
static gboolean count_nodes(Builder *b, gsize n, yaml_mark_t mark)
{
  if (n > b->lim.max_nodes || b->nodes > b->lim.max_nodes - n) {
    error_at(b, mark,
             "the document has more than %" G_GSIZE_FORMAT
             " nodes (aliases count as copies of what they refer to)",
             b->lim.max_nodes);
    return FALSE;
  }
  b->nodes += n;
  return TRUE;
}

/* Counts @n more bytes of scalar text against max_bytes; FALSE (after an error) when
 * over it. Aliases count as copies, so that a few anchors of long strings cannot make
 * the readers walk gigabytes of text: the document may hold no more text, expanded,
 * than the largest file accepted. */
static gboolean count_bytes(Builder *b, gsize n, yaml_mark_t mark)
{
  if (n > b->lim.max_bytes || b->bytes > b->lim.max_bytes - n) {
    char *size = format_size(b->lim.max_bytes);
    error_at(b, mark, "the document holds more than %s of text (aliases count as copies of "
                      "what they refer to)", size);
    g_free(size);
    return FALSE;
  }
  b->bytes += n;
  return TRUE;
}

static YdocNode *new_node(Builder *b, YdocKind kind, yaml_mark_t mark)
{
  YdocNode *node = arena_alloc(b->arena, sizeof *node);
  node->kind = kind;
  node->line = (int)mark.line + 1;
  node->column = (int)mark.column + 1;
  return node;
}

static char *key_for_message(const YdocNode *key)
{
  return strutil_truncate_utf8(key->text, 60);
}

/* Hands a finished node (of subtree @height) to the open collection, or makes it the
 * root. Checks mapping keys: scalars only, each given once. */
static void attach(Builder *b, YdocNode *node, guint height)
{
  if (b->stack->len == 0) {
    b->root = node;
    return;
  }
  Frame *top = &g_array_index(b->stack, Frame, b->stack->len - 1);
  top->height = MAX(top->height, height + 1);
  if (top->node->kind == YDOC_SEQUENCE) {
    g_ptr_array_add(top->items, node);
    return;
  }
  if (top->have_key) {
    if (top->replace_pair > 0) {
      YdocPair *earlier = &g_array_index(top->pairs, YdocPair, top->replace_pair - 1);
      earlier->key = top->key;
      earlier->value = node;
    } else if (!top->drop_pair) {
      YdocPair pair = {.key = top->key, .value = node};
      g_array_append_val(top->pairs, pair);
    }
    top->replace_pair = 0;
    top->have_key = FALSE;
    top->key = NULL;
    top->drop_pair = FALSE;
    return;
  }
  top->have_key = TRUE;
  top->key = node;
  if (node->kind != YDOC_SCALAR) {
    error_at_node(b, node, "a mapping key must be a string, not %s", ydoc_kind_name(node->kind));
    top->drop_pair = TRUE;
    return;
  }
  const YdocNode *first = g_hash_table_lookup(top->keys, node->text);
  if (first != NULL && b->duplicates == YDOC_DUPLICATES_LAST_WINS) {
    /* JSON allows it and every JSON parser keeps the last; the value takes the place of
     * the earlier pair, so the mapping still has each key once. */
    char *shown = key_for_message(node);
    diag_warning(b->diags, b->file, node->line, node->column,
                 "duplicate key '%s' (first given at %d:%d); the last one is used", shown,
                 first->line, first->column);
    g_free(shown);
    for (guint i = 0; i < top->pairs->len; i++)
      if (strcmp(g_array_index(top->pairs, YdocPair, i).key->text, node->text) == 0)
        top->replace_pair = i + 1;
    /* The earlier one was dropped (its key was no string): nothing to replace. */
    top->drop_pair = top->replace_pair == 0;
    return;
  }
  if (first != NULL) {
    char *shown = key_for_message(node);
    error_at_node(b, node, "duplicate key '%s' (first given at %d:%d)", shown, first->line,
                  first->column);
    g_free(shown);
    top->drop_pair = TRUE;
    return;
  }
  g_hash_table_insert(top->keys, node->text, node);
}

static void anchor_set(Builder *b, const yaml_char_t *name, YdocNode *node, gsize size,
                       gsize bytes, guint height)
{
  Anchor *a = g_new0(Anchor, 1);
  a->node = node;
  a->size = size;
  a->bytes = bytes;
  a->height = height;
  /* A later anchor of the same name replaces the earlier one, as YAML says. */
  g_hash_table_replace(b->anchors, g_strdup((const char *)name), a);
}

static gboolean on_collection_start(Builder *b, const yaml_event_t *ev, YdocKind kind,
                                    const yaml_char_t *anchor)
{
  if (b->stack->len + 1 > b->lim.max_depth) {
    error_at(b, ev->start_mark, "lists and mappings are nested more than %u levels deep",
             b->lim.max_depth);
    return FALSE;
  }
  gsize before = b->nodes;
  if (!count_nodes(b, 1, ev->start_mark))
    return FALSE;
  Frame f = {0};
  f.node = new_node(b, kind, ev->start_mark);
  f.nodes_before = before;
  f.bytes_before = b->bytes;
  f.height = 1;
  if (kind == YDOC_SEQUENCE) {
    f.items = g_ptr_array_new();
  } else {
    f.pairs = g_array_new(FALSE, FALSE, sizeof(YdocPair));
    f.keys = g_hash_table_new(g_str_hash, g_str_equal);
  }
  if (anchor != NULL) {
    f.anchor = g_strdup((const char *)anchor);
    anchor_set(b, anchor, NULL, 0, 0, 0); /* pending: an alias to it now is recursive */
  }
  g_array_append_val(b->stack, f);
  return TRUE;
}

static void on_collection_end(Builder *b)
{
  Frame f = g_array_index(b->stack, Frame, b->stack->len - 1);
  g_array_set_size(b->stack, b->stack->len - 1);
  YdocNode *node = f.node;
  if (node->kind == YDOC_SEQUENCE) {
    node->n = f.items->len;
    node->items = arena_alloc(b->arena, sizeof(YdocNode *) * MAX(node->n, 1u));
    if (node->n > 0)
      memcpy(node->items, f.items->pdata, sizeof(YdocNode *) * node->n);
  } else {
    node->n = f.pairs->len;
    node->pairs = arena_alloc(b->arena, sizeof(YdocPair) * MAX(node->n, 1u));
    if (node->n > 0)
      memcpy(node->pairs, f.pairs->data, sizeof(YdocPair) * node->n);
  }
  if (f.anchor != NULL)
    anchor_set(b, (const yaml_char_t *)f.anchor, node, b->nodes - f.nodes_before,
               b->bytes - f.bytes_before, f.height);
  guint height = f.height;
  frame_clear(&f);
  attach(b, node, height);
}

static gboolean on_scalar(Builder *b, const yaml_event_t *ev)
{
  if (!count_nodes(b, 1, ev->start_mark))
    return FALSE;
  gsize len = ev->data.scalar.length;
  if (len > b->lim.max_scalar) {
    char *size = format_size(b->lim.max_scalar);
    error_at(b, ev->start_mark, "a string longer than %s", size);
    g_free(size);
    return FALSE;
  }
  if (!count_bytes(b, len, ev->start_mark))
    return FALSE;
  YdocNode *node = new_node(b, YDOC_SCALAR, ev->start_mark);
  node->text = arena_alloc(b->arena, len + 1);
  memcpy(node->text, ev->data.scalar.value, len);
  node->text[len] = '\0';
  node->text_len = len;
  node->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
  /* A quoted "\0" escape is the only way a NUL gets this far. */
  if (memchr(node->text, '\0', len) != NULL)
    error_at(b, ev->start_mark, "a string may not contain a NUL character");
  if (ev->data.scalar.anchor != NULL)
    anchor_set(b, ev->data.scalar.anchor, node, 1, len, 0);
  attach(b, node, 0);
  return TRUE;
}

static gboolean on_alias(Builder *b, const yaml_event_t *ev)
{
  const char *name = (const char *)ev->data.alias.anchor;
  const Anchor *a = g_hash_table_lookup(b->anchors, name);
  if (a == NULL) {
    error_at(b, ev->start_mark, "unknown anchor '%s'", name);
    return FALSE;
  }
  if (a->node == NULL) {
    error_at(b, ev->start_mark, "alias '*%s' refers to a node that contains it", name);
    return FALSE;
  }
  if (!count_nodes(b, a->size, ev->start_mark) || !count_bytes(b, a->bytes, ev->start_mark))
    return FALSE;
  if (b->stack->len + a->height > b->lim.max_depth) {
    error_at(b, ev->start_mark, "alias '*%s' nests lists and mappings more than %u levels deep",
             name, b->lim.max_depth);
    return FALSE;
  }
  /* Share the anchored subtree; only the top node is copied so it can carry the alias's
   * own position. */
  YdocNode *node = arena_alloc(b->arena, sizeof *node);
  *node = *a->node;
  node->line = (int)ev->start_mark.line + 1;
  node->column = (int)ev->start_mark.column + 1;
  attach(b, node, a->height);
  return TRUE;
}

/* Handles one event; FALSE stops parsing (after an error). */
static gboolean on_event(Builder *b, const yaml_event_t *ev)
{
  switch (ev->type) {
  case YAML_DOCUMENT_START_EVENT:
    if (++b->documents > 1) {
      error_at(b, ev->start_mark, "a second YAML document; the file must hold only one");
      return FALSE;
    }
    return TRUE;
  case YAML_SEQUENCE_START_EVENT:
    return on_collection_start(b, ev, YDOC_SEQUENCE, ev->data.sequence_start.anchor);
  case YAML_MAPPING_START_EVENT:
    return on_collection_start(b, ev, YDOC_MAPPING, ev->data.mapping_start.anchor);
  case YAML_SEQUENCE_END_EVENT:
  case YAML_MAPPING_END_EVENT:
    on_collection_end(b);
    return TRUE;
  case YAML_SCALAR_EVENT:
    return on_scalar(b, ev);
  case YAML_ALIAS_EVENT:
    return on_alias(b, ev);
  case YAML_NO_EVENT:
  case YAML_STREAM_START_EVENT:
  case YAML_STREAM_END_EVENT:
  case YAML_DOCUMENT_END_EVENT:
    return TRUE;
  }
  return TRUE;
}

/* libyaml's own message and position (its marks are 0-based; converted here, once). */
static void report_libyaml_error(Builder *b, const yaml_parser_t *parser)
{
  const char *problem = parser->problem != NULL ? parser->problem : "invalid YAML";
  switch (parser->error) {
  case YAML_READER_ERROR: {
    int line, column;
    offset_position(b->data, b->len, b->bom + parser->problem_offset, &line, &column);
    if (parser->problem_value >= 0)
      diag_error(b->diags, b->file, line, column, "%s (U+%04X)", problem,
                 (unsigned)parser->problem_value);
    else
      diag_error(b->diags, b->file, line, column, "%s", problem);
    break;
  }
  case YAML_SCANNER_ERROR:
  case YAML_PARSER_ERROR:
    if (parser->context != NULL)
      diag_error(b->diags, b->file, (int)parser->problem_mark.line + 1,
                 (int)parser->problem_mark.column + 1, "%s (%s that started at %d:%d)", problem,
                 parser->context, (int)parser->context_mark.line + 1,
                 (int)parser->context_mark.column + 1);
    else
      diag_error(b->diags, b->file, (int)parser->problem_mark.line + 1,
                 (int)parser->problem_mark.column + 1, "%s", problem);
    break;
  case YAML_MEMORY_ERROR:
    diag_error(b->diags, b->file, 0, 0, "out of memory while reading YAML");
    break;
  case YAML_NO_ERROR:
  case YAML_COMPOSER_ERROR:
  case YAML_WRITER_ERROR:
  case YAML_EMITTER_ERROR:
    diag_error(b->diags, b->file, 0, 0, "%s", problem);
    break;
  }
  b->failed = TRUE;
}

/* NUL bytes and invalid UTF-8, found before libyaml sees the input so the position is the
 * first bad byte's. FALSE after an error. */
static gboolean check_encoding(Builder *b)
{
  const gchar *end = NULL;
  if (g_utf8_validate_len(b->data, b->len, &end))
    return TRUE;
  gsize offset = (gsize)(end - b->data);
  int line, column;
  offset_position(b->data, b->len, offset, &line, &column);
  if (b->data[offset] == '\0')
    diag_error(b->diags, b->file, line, column, "a NUL byte; a CV is a text file");
  else
    diag_error(b->diags, b->file, line, column, "not valid UTF-8 (byte 0x%02X)",
               (guchar)b->data[offset]);
  b->failed = TRUE;
  return FALSE;
}

static void run_parser(Builder *b)
{
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) {
    diag_error(b->diags, b->file, 0, 0, "out of memory while reading YAML");
    b->failed = TRUE;
    return;
  }
  yaml_parser_set_input_string(&parser, (const unsigned char *)b->data + b->bom, b->len - b->bom);
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
  for (;;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) {
      report_libyaml_error(b, &parser);
      break;
    }
    gboolean done = ev.type == YAML_STREAM_END_EVENT;
    gboolean go_on = on_event(b, &ev);
    yaml_event_delete(&ev);
    if (done || !go_on)
      break;
  }
  yaml_parser_delete(&parser);
}

static void anchor_free(gpointer p)
{
  g_free(p);
}

YdocDoc *ydoc_parse(const char *file, const char *data, gsize len, const YdocLimits *limits,
                    DiagList *diags)
{
  return ydoc_parse_with(file, data, len, limits, YDOC_DUPLICATES_ERROR, diags);
}

YdocDoc *ydoc_parse_with(const char *file, const char *data, gsize len, const YdocLimits *limits,
                         YdocDuplicates duplicates, DiagList *diags)
{
  Builder b = {0};
  b.duplicates = duplicates;
  if (data == NULL)
    data = "";
  b.file = file;
  b.data = data;
  b.len = len;
  b.lim = limits != NULL ? *limits : YDOC_DEFAULT_LIMITS;
  b.diags = diags;
  if (len > b.lim.max_bytes) {
    error_too_large(diags, file, b.lim.max_bytes);
    return NULL;
  }
  b.bom = bom_length(data, len);
  if (!check_encoding(&b))
    return NULL;
  b.arena = arena_new();
  b.stack = g_array_new(FALSE, FALSE, sizeof(Frame));
  b.anchors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, anchor_free);
  run_parser(&b);
  for (guint i = 0; i < b.stack->len; i++)
    frame_clear(&g_array_index(b.stack, Frame, i));
  g_array_unref(b.stack);
  g_hash_table_unref(b.anchors);
  if (b.failed) {
    arena_free(b.arena);
    return NULL;
  }
  YdocDoc *doc = g_new0(YdocDoc, 1);
  doc->file = g_strdup(file);
  /* A document with no content at all ("", comments only, or a bare "---") reads as an
   * empty plain scalar: that is "no root", not a string. */
  if (b.root != NULL && b.root->kind == YDOC_SCALAR && b.root->plain && b.root->text_len == 0)
    b.root = NULL;
  doc->root = b.root;
  doc->arena = b.arena;
  return doc;
}

void ydoc_free(YdocDoc *doc)
{
  if (doc == NULL)
    return;
  arena_free(doc->arena);
  g_free(doc->file);
  g_free(doc);
}

const YdocNode *ydoc_get(const YdocNode *map, const char *key)
{
  if (map == NULL || map->kind != YDOC_MAPPING || key == NULL)
    return NULL;
  for (guint i = 0; i < map->n; i++)
    if (strcmp(map->pairs[i].key->text, key) == 0)
      return map->pairs[i].value;
  return NULL;
}

gboolean ydoc_is_null(const YdocNode *node)
{
  if (node == NULL || node->kind != YDOC_SCALAR || !node->plain)
    return FALSE;
  const char *t = node->text;
  return t[0] == '\0' || strcmp(t, "~") == 0 || strcmp(t, "null") == 0 || strcmp(t, "Null") == 0 ||
         strcmp(t, "NULL") == 0;
}

const char *ydoc_kind_name(YdocKind kind)
{
  switch (kind) {
  case YDOC_SCALAR:
    return "a string";
  case YDOC_SEQUENCE:
    return "a list";
  case YDOC_MAPPING:
    return "a mapping";
  }
  return "a node";
}
