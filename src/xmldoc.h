/* xmldoc: an XML document (an ORCID record as the public API answers by default) as a
 * tree of the YdocNodes that the readers know, through GLib's GMarkup: no DTD, no
 * entity beyond XML's five and character references. Element names lose their
 * namespace prefix ("common:year" is "year"). */
#pragma once

#include "diag.h"
#include "ydoc.h"

/* The tree of one document; the root is its root element. An element is a scalar of its
 * text (trimmed) when it has neither children nor attributes, else a mapping: its
 * attributes (scalars), then its children by name in the order each name first occurs.
 * A name that occurs more than once, or that @lists names, is a sequence of those
 * children. Every node keeps its element's 1-based line and column. */
typedef struct {
  char *file;     /* the name used in messages, owned */
  YdocNode *root; /* never NULL */
  const char *root_name; /* the root element's local name ("employment"), in the tree */
  /* private */
  GPtrArray *blocks;
  GStringChunk *text;
} XmldocDoc;

/* At most this many elements and attributes in one document, and this deep (guards). */
#define XMLDOC_MAX_NODES 1000000u
#define XMLDOC_MAX_DEPTH 64u

/* Parses the @len bytes at @data. @lists (NULL-terminated, may be NULL) names the
 * elements always read as sequences. Returns a new tree owned by the caller, or NULL
 * after an error in @diags at its position (a syntax error, text that is not UTF-8, a
 * guard). */
XmldocDoc *xmldoc_parse(const char *file, const char *data, gsize len, const char *const *lists,
                        DiagList *diags);

/* Frees the tree; accepts NULL. */
void xmldoc_free(XmldocDoc *doc);

/* TRUE when @data (after a byte order mark and white space) starts as XML does ("<?xml"
 * or an element) and names the namespace @ns (such as "http://www.orcid.org/ns/") in
 * its first 4 KiB. */
gboolean xmldoc_looks_like(const char *data, gsize len, const char *ns);
