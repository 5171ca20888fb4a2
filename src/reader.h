/* Input readers: one table of formats, each a row {name, description, detect, read}
 * that maps the bytes of a CV onto the one CV model, reporting problems with positions
 * (doc/cv-format.md; detection and --input-format in doc/cli.md). A reader of YAML or
 * JSON asks its source for the parsed document; a reader of another syntax reads the
 * bytes and never meets YAML. doc/architecture.md "An input format" says how to add one. */
#pragma once

#include "diag.h"
#include "model.h"
#include "readctx.h"
#include "ydoc.h"

/* ---- Sources ---- */

/* What a reader reads: a name for messages and the bytes, with the YAML (or JSON)
 * document they hold, parsed on first request and shared by every reader that asks.
 * Opaque, so that it can later hold several named members (a folder, a zip). */
typedef struct ReaderSource ReaderSource;

/* A new source named @name (copied) over @len bytes at @data, which it borrows: they
 * must outlive it. Free with reader_source_free. */
ReaderSource *reader_source_new(const char *name, const char *data, gsize len);
/* Frees the source and its parsed document; accepts NULL. */
void reader_source_free(ReaderSource *src);

/* The name used in messages ("cv.yaml", "<stdin>"); owned by the source. */
const char *reader_source_name(const ReaderSource *src);
/* The bytes, borrowed; *@len_out (may be NULL) receives their length. */
const char *reader_source_bytes(const ReaderSource *src, gsize *len_out);

/* The bytes as a YAML document (JSON text, as ydoc_looks_like_json tells it, goes through
 * ydoc_parse_json), parsed once and owned by the source; NULL when they do not parse.
 * With @diags NULL (detection) nothing is reported; the first call with a @diags gets the
 * parse's messages, as ydoc_parse gives them: check @diags for errors too, since a tree
 * can come back with some (a duplicate key). Later calls report nothing again. */
const YdocDoc *reader_source_yaml(ReaderSource *src, DiagList *diags);

/* ---- Options ---- */

typedef struct ReaderFormat ReaderFormat;

typedef struct {
  const ReaderFormat *format; /* --input-format, or NULL to detect */
  gboolean has_today;         /* --today given: wins over the file's `today` */
  DateDay today;
  DateDay clock_today;  /* the current date, used when neither gives one */
  gboolean merge_roles; /* JSON Resume / RenderCV: merge consecutive entries at one org */
  guint max_entries;    /* entries beyond this are an error (guard) */
  guint max_text_chars; /* longer titles, orgs, notes are shortened, with a warning */
  const Lang *lang;     /* --lang: the chart's language, over the CV's own; NULL: the CV's.
                           Dates are read in the CV's own language, else in this one. */
} ReaderOptions;

#define READER_DEFAULT_OPTIONS                                                                     \
  ((ReaderOptions){                                                                                \
      .merge_roles = TRUE, .max_entries = 100000, .max_text_chars = READCTX_MAX_TEXT_CHARS})

/* Starts a CV reader's pass over @file (readctx_init): texts shortened at
 * @opts->max_text_chars, at most @opts->max_entries entries and milestones, `present`
 * meaning --today, else the clock's day (the native reader then takes the file's own
 * `today` when there is no --today), and dates read in --lang's words. */
void reader_context_init(ReadCtx *c, const char *file, const ReaderOptions *opts, DiagList *diags);

/* Settles the languages once a reader has found the CV's own (@file_lang, NULL when it
 * names none; borrowed, and it must outlive the reading): dates are read in the CV's
 * language, else in --lang's; @cv speaks --lang, else the CV's language, else English.
 * Call before reading anything with words: group names and dates depend on it. */
void reader_set_language(ReadCtx *c, ModelCv *cv, const ReaderOptions *opts, const Lang *file_lang);

/* ---- The table ---- */

/* How sure a detector is that a source is in its format. The highest score wins; the
 * table's order breaks ties. */
enum {
  READER_DETECT_NO = 0,
  READER_DETECT_ANY = 10,    /* reads anything of its syntax: the fallback (native) */
  READER_DETECT_LIKELY = 20, /* top-level keys the format uses (JSON Resume's basics, work) */
  READER_DETECT_SURE = 30,   /* a key or signature that names the format (RenderCV's cv) */
};

struct ReaderFormat {
  const char *name;        /* for --input-format and messages: "jsonresume" */
  const char *description; /* one line for --help: "JSON Resume (jsonresume.org)" */
  /* A READER_DETECT_* score for @src. Reports nothing (a detector that needs the
   * document asks reader_source_yaml with NULL diags). */
  guint (*detect)(ReaderSource *src);
  /* Reads @src into a new model owned by the caller, or returns NULL after reporting
   * errors in @diags. May return a model while @diags holds errors of its own (the
   * table's caller, reader_read, then drops it). */
  ModelCv *(*read)(ReaderSource *src, const ReaderOptions *opts, DiagList *diags);
};

/* The rows, each defined in its reader's file. */
extern const ReaderFormat reader_format_native;     /* reader_native.c */
extern const ReaderFormat reader_format_jsonresume; /* reader_jsonresume.c */
extern const ReaderFormat reader_format_rendercv;   /* reader_rendercv.c */

/* The table (reader.c), in the order of --help and of ties in detection. */
extern const ReaderFormat *const reader_formats[];
extern const guint reader_formats_count;

/* The format called @name (exactly), or NULL. */
const ReaderFormat *reader_format_find(const char *name);

/* The formats' names joined by @sep, the last two by @last_sep: ("|", "|") gives
 * "native|jsonresume|rendercv", (", ", " or ") gives "native, jsonresume or rendercv".
 * A new string owned by the caller. */
char *reader_format_names(const char *sep, const char *last_sep);

/* The format whose detector scores @src highest (cli.md: a top-level `cv:` is RenderCV;
 * `basics:` or `work:` is JSON Resume; else native). Never NULL. */
const ReaderFormat *reader_detect(ReaderSource *src);

/* Reads @src in @opts->format (detected when NULL). Returns a new model owned by the
 * caller, or NULL when @diags received any error while reading (also one of the parse's,
 * such as a duplicate key). Warnings do not make it fail. (Under --strict, @diags turns
 * warnings into errors, so they do.) */
ModelCv *reader_read(ReaderSource *src, const ReaderOptions *opts, DiagList *diags);

/* The keys the native reader accepts in one kind of mapping: "top", "entry", "role",
 * "period" or "milestone"; a static NULL-terminated list, or NULL for any other @mapping.
 * For --print-keys, whose output tests/run-schema.py compares with doc/schema/. */
const char *const *reader_native_keys(const char *mapping);

/* The kinds of mapping reader_native_keys knows ("top", "entry", ...): a static
 * NULL-terminated list, so that --print-keys lists a new kind without being told. */
const char *const *reader_native_mappings(void);
