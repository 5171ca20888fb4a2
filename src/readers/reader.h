/* Input readers: one table of formats, each a row {name, description, detect, read}
 * that maps the bytes of a CV onto the one CV model, reporting problems with positions
 * (doc/cv-format.md; detection and --input-format in doc/cli.md). A reader of YAML or
 * JSON asks its source for the parsed document; a reader of another syntax reads the
 * bytes and never meets YAML. doc/architecture.md "An input format" says how to add one.
 * Call the readers before making a Pango font map, which starts a thread: the BibTeX
 * reader forks (doc/architecture.md "The readers"). */
#pragma once

#include "diag.h"
#include "model.h"
#include "readctx.h"
#include "ydoc.h"

/* ---- Sources ---- */

/* What a reader reads: a name for messages and the bytes, with the YAML (or JSON)
 * document they hold, parsed on first request and shared by every reader that asks. A
 * source may also hold named members: a folder's files, or a zip archive's (a LinkedIn
 * data export, either way). Implemented in reader_source.c. */
typedef struct ReaderSource ReaderSource;

/* Reads the file at @path (a path as the user wrote it, or resolved against another
 * file's folder) into a new source named @path, owned by the caller; NULL with @error set
 * (its message says why, without the path) when it cannot. main.c reads from disk; tests
 * and the fuzzers hand over bytes. Readers do no I/O of their own: a reader that needs a
 * second file asks ReaderOptions' loader. */
typedef ReaderSource *(*ReaderLoadFunc)(const char *path, gpointer data, GError **error);

/* A new source named @name (copied) over @len bytes at @data, which it borrows: they
 * must outlive it. Free with reader_source_free. */
ReaderSource *reader_source_new(const char *name, const char *data, gsize len);
/* The same over @data (g_malloc'ed, NUL-terminated at @len), which the source takes. */
ReaderSource *reader_source_new_take(const char *name, char *data, gsize len);
/* A folder named @name (copied) whose files are @paths (NULL-terminated, relative to the
 * folder, copied), in that order. A member's bytes are read with @load (given
 * "NAME/PATH" and @load_data, which must outlive the source) when a reader asks. */
ReaderSource *reader_source_new_folder(const char *name, const char *const *paths,
                                       ReaderLoadFunc load, gpointer load_data);
/* Frees the source, its members and its parsed document; accepts NULL. */
void reader_source_free(ReaderSource *src);

/* The name used in messages ("cv.yaml", "<stdin>", "export.zip/Positions.csv"); owned by
 * the source. */
const char *reader_source_name(const ReaderSource *src);
/* The bytes, borrowed; *@len_out (may be NULL) receives their length. A folder has none. */
const char *reader_source_bytes(const ReaderSource *src, gsize *len_out);

/* The bytes as a YAML document (JSON text, as ydoc_looks_like_json tells it, goes through
 * ydoc_parse_json), parsed once and owned by the source; NULL when they do not parse.
 * With @diags NULL (detection) nothing is reported; the first call with a @diags gets the
 * parse's messages, as ydoc_parse gives them: check @diags for errors too, since a tree
 * can come back with some (a duplicate key). Later calls report nothing again. A folder
 * or a zip archive is never parsed: NULL, and nothing reported. */
const YdocDoc *reader_source_yaml(ReaderSource *src, DiagList *diags);

/* TRUE for a folder, and for bytes that start as a zip archive does: a source that holds
 * members rather than a CV of its own. */
gboolean reader_source_is_archive(const ReaderSource *src);
/* TRUE for a folder (reader_source_new_folder). */
gboolean reader_source_is_folder(const ReaderSource *src);

/* The number of members (0 for a plain file). A zip archive is listed on the first call;
 * when it cannot be (broken, too many members), it has none, and the first call with a
 * @diags reports why at the archive's name. At most READER_MAX_MEMBERS. */
#define READER_MAX_MEMBERS 10000
guint reader_source_member_count(ReaderSource *src, DiagList *diags);
/* The @i-th member's path inside the source ("Positions.csv", "Jobs/Saved Jobs.csv"),
 * owned by the source. */
const char *reader_source_member_path(ReaderSource *src, guint i);
/* The index of the member whose last path component is @basename (ASCII case ignored),
 * the one nearest the top when several are, else -1. */
int reader_source_find_member(ReaderSource *src, const char *basename);
/* The @i-th member as a source of its own (named "NAME/PATH"), read or extracted on the
 * first call and owned by @src; NULL after an error in @diags ("export.zip/Positions.csv:
 * error: larger than 16 MiB"), which is reported once. */
ReaderSource *reader_source_member(ReaderSource *src, guint i, DiagList *diags);

/* ---- Options ---- */

typedef struct ReaderFormat ReaderFormat;

typedef struct {
  const ReaderFormat *format; /* --input-format, or NULL to detect */
  gboolean has_today;         /* --today given: wins over the file's `today` */
  DateDay today;
  DateDay clock_today;  /* the current date, used when neither gives one */
  gboolean merge_roles; /* imported formats: merge consecutive entries at one org */
  guint max_entries;    /* entries beyond this are an error (guard) */
  guint max_text_chars; /* longer titles, orgs, notes are shortened, with a warning */
  /* Reads a further file a CV names (`milestones: {from: pubs.bib}`), relative paths
   * already resolved against the CV's folder; NULL: CVs cannot name further files. */
  ReaderLoadFunc load;
  gpointer load_data;
  guint depth; /* 0 for the files given; 1 while reading a file a CV named */
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
  /* Reads folders and zip archives (reader_source_is_archive) too; only such formats are
   * offered one. */
  gboolean archives;
  /* What the format looks for in a folder or archive, for the error when no format
   * claims one ("a LinkedIn data export (Positions.csv, Education.csv, ...)"); NULL for
   * formats that read no archives. */
  const char *archive_hint;
};

/* The rows, each defined in its reader's file. */
extern const ReaderFormat reader_format_native;     /* reader_native.c */
extern const ReaderFormat reader_format_jsonresume; /* reader_jsonresume.c */
extern const ReaderFormat reader_format_rendercv;   /* reader_rendercv.c */
extern const ReaderFormat reader_format_linkedin;   /* reader_linkedin.c */
extern const ReaderFormat reader_format_orcid;      /* reader_orcid.c */
extern const ReaderFormat reader_format_bibtex;     /* reader_bibtex.c */
extern const ReaderFormat reader_format_fresh;      /* reader_fresh.c */

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
 * `basics:` or `work:` is JSON Resume; else native). Never NULL for a single file; NULL
 * for a folder or archive that no format reading archives claims. */
const ReaderFormat *reader_detect(ReaderSource *src);

/* Reads @src in @opts->format (detected when NULL). Returns a new model owned by the
 * caller, or NULL when @diags received any error while reading (also one of the parse's,
 * such as a duplicate key). Warnings do not make it fail. (Under --strict, @diags turns
 * warnings into errors, so they do.) A folder or archive that no format claims is the
 * error "no CV found in the folder: expected EXPECTED" (the formats' archive_hint), and
 * one given to a format that reads single files is "is a folder"/"is a zip archive". */
ModelCv *reader_read(ReaderSource *src, const ReaderOptions *opts, DiagList *diags);

/* Adds to @cv the milestones of the file that @from (a scalar of a CV's tree, read with
 * @c) names: `milestones: {from: pubs.bib}`. A relative path is relative to the folder
 * of @c's file (the working folder for standard input); the file is read through
 * @opts->load and in its own format (detected), its messages under its own name; its
 * groups are not taken (a warning says how many entries are not drawn). Errors at @from:
 * "cannot read 'PATH': WHY", no loader, a file named from a file named by `from`.
 * Implemented in reader_merge.c. */
void reader_milestones_from(ReadCtx *c, const YdocNode *from, const ReaderOptions *opts,
                            ModelCv *cv);

/* Reads each of the @n sources in its own format (reader_read) and merges them into one
 * model owned by the caller (doc/importing.md "Several files into one chart"): groups
 * with one key are joined in file order, milestones are put together, and the first
 * file with a name gives the title (and its headline). Where @milestones_only (may be
 * NULL) is TRUE for a source, only its milestones are taken (--milestones). The first
 * file's `today` is what `present` means in the later ones, unless @opts has one. Every
 * source is read, so that one run reports all their mistakes; NULL when any failed.
 * Implemented in reader_merge.c. */
ModelCv *reader_read_all(ReaderSource *const *sources, guint n, const gboolean *milestones_only,
                         const ReaderOptions *opts, DiagList *diags);

/* The keys the native reader accepts in one kind of mapping: "top", "entry", "role",
 * "period" or "milestone"; a static NULL-terminated list, or NULL for any other @mapping.
 * For --print-keys, whose output tests/run-schema.py compares with doc/schema/. */
const char *const *reader_native_keys(const char *mapping);

/* The kinds of mapping reader_native_keys knows ("top", "entry", ...): a static
 * NULL-terminated list, so that --print-keys lists a new kind without being told. */
const char *const *reader_native_mappings(void);
