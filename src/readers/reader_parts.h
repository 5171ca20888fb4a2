/* Helpers the readers of exported data share (LinkedIn, ORCID, BibTeX, FRESH;
 * doc/importing.md): dates from their parts or from the free forms exporters write
 * (month names in several languages), the name an entry goes by in messages, and the
 * "nothing to draw" step. Pure functions over the model and the reading context. */
#pragma once

#include "reader.h"

/* The month 1..12 that @word names in any of the catalogs' languages (lang.h: English
 * first, then German, French, Spanish, Portuguese, Italian, Polish, Dutch, Turkish...),
 * in full or abbreviated ("Jun", "juin", "juil.", "Mär", "okt", "dez"), any case, a
 * trailing dot allowed; else 0. */
int reader_parts_month(const char *word);

/* A date from a year (1000..9999), a month (0: none given) and a day (0: none given),
 * with the precision of the parts given. A day past the month's end (Feb 29 of 1930,
 * Sep 31; date_day_past_end) becomes the month's last day and sets *@clamped (may be
 * NULL): the caller says so with readctx_day_clamped. FALSE for a
 * year out of range, a month outside 1..12, or a day without a month. */
gboolean reader_parts_date(int year, int month, int day, DateValue *out, gboolean *clamped);

/* Reads the free date forms of exported files into @out: every form of date_parse
 * (`2019`, `2019-06`, `Jun 2018`, `present`, ...), and also "June 2018", "juin 2018",
 * "jun. de 2018", "Mar 15, 2019", "15 Mar 2019", "15.03.2019", "3/15/2019" (US order), a
 * day past the month's end (clamped, *@clamped set), `current`. FALSE when it cannot. */
gboolean reader_parts_parse_date(const char *text, DateValue *out, gboolean *clamped);

/* How an entry is named in messages: "'TITLE at ORG'", "'TITLE'" or "'ORG'", each part
 * cut to READCTX_SHOWN_CHARS; "the entry" when both are NULL. A new string. */
char *reader_parts_entry_name(const char *title, const char *org);

/* The short form of a publication's venue (doc/importing.md "Publications as
 * milestones"): an acronym the venue gives in parentheses or braces ("... (ICML)" is
 * "ICML"), a series of a few words ("CHI '19" is "CHI"), a name of at most two words or
 * 20 characters as it is ("Nature Physics", "arXiv"), else the publisher's acronyms and
 * the initials of the other significant words ("IEEE Transactions on Pattern Analysis
 * and Machine Intelligence" is "IEEE TPAMI", "Journal of Machine Learning Research"
 * "JMLR"). Years, ordinals, "Proceedings", "Conference", "International", "Annual",
 * "Workshop", "Symposium", "Advances" and small words are dropped first. NULL when
 * @venue is NULL or blank. A new string. */
char *reader_parts_venue(const char *venue);

/* A publication's title as drawn: "TITLE (VENUE YEAR)", "TITLE (VENUE)", "TITLE (YEAR)"
 * or "TITLE", where TITLE is the part before a colon when that part has at most 40
 * characters ("BERT: Pre-training of..." is "BERT"), else the title cut at a word to at
 * most 60 characters with "…". @venue is already short (reader_parts_venue); @year 0 for
 * none. A new string. */
char *reader_parts_publication_title(const char *title, const char *venue, int year);

typedef enum {
  READER_PARTS_ABSENT, /* no node, null, or blank */
  READER_PARTS_OK,
  READER_PARTS_BAD, /* a warning was reported: the item is left out */
} ReaderPartsDate;

/* Reads the date scalar @node (may be NULL) with reader_parts_parse_date. A node that is
 * no scalar, or text that is no date, is the warning "WHO: cannot read the WHAT 'TEXT'
 * as a date; left out"; a day past its month's end is read as the last day, with
 * readctx_day_clamped's warning after "WHO: ". For exported data, where a date the reader cannot read means an entry left
 * out, not a file refused. */
ReaderPartsDate reader_parts_read_date(ReadCtx *c, const YdocNode *node, const char *what,
                                       const char *who, DateValue *out);

/* For a detect function: the top-level mapping of @src's YAML or JSON document, or NULL
 * when it does not parse or is no mapping (nothing reported). Borrowed from @src. */
const YdocNode *reader_parts_detect_root(ReaderSource *src);

/* The YAML or JSON document of @src set up for reading (reader_import_begin): its
 * top-level mapping, or NULL after the parse's or readctx_root's error. */
const YdocNode *reader_parts_open(ReadCtx *c, ReaderSource *src, const ReaderOptions *opts,
                                  DiagList *diags);

/* The last steps of a reader of exported data: groups left empty are dropped; when
 * @nothing is not NULL and no error was reported, a model with nothing to draw is the
 * error "nothing to draw: NOTHING" at line 1, column 1 of the file (where the document
 * starts), or without a position when @folder (a folder or an archive has no lines);
 * then reader_import_finish. Returns @cv, or frees it and returns NULL. */
ModelCv *reader_parts_finish(ReadCtx *c, const ReaderOptions *opts, ModelCv *cv,
                             gboolean folder, const char *nothing);
