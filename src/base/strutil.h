/* Small string helpers shared by the readers and the style loader: "did you mean"
 * suggestions, UTF-8 shortening, locale-independent number formatting, the one
 * vocabulary of boolean words, the one cleaning of user text, and a hash for long keys. */
#pragma once

#include <glib.h>

/* Levenshtein distance between two ASCII/UTF-8 byte strings. */
guint strutil_edit_distance(const char *a, const char *b);

/* The entry of the NULL-terminated @table nearest to @word, or NULL when none is close
 * enough to be a plausible typo (distance at most max(1, strlen(word)/3) + 1).
 * The result points into @table. */
const char *strutil_closest(const char *word, const char *const *table);

/* A copy of @text cut to at most @max_chars characters, "…" appended when cut (the "…"
 * is one of the @max_chars; with @max_chars 0 the result is ""). @text must be valid UTF-8. Returns
 * a new string owned by the caller. */
char *strutil_truncate_utf8(const char *text, guint max_chars);

/* A hash of the @len bytes at @data, eight at a time: for hash tables keyed by long
 * strings or byte runs (labels, a word's glyphs), where GLib's g_str_hash and
 * g_bytes_hash take a step per byte. Only for tables whose order nothing reads (it
 * differs from GLib's hashes, so an iteration would visit keys in another order). */
guint strutil_hash_bytes(const void *data, gsize len);
/* strutil_hash_bytes as a GHashFunc, of a NUL-terminated string. */
guint strutil_str_hash(gconstpointer key);

/* The most bytes a formatted number takes, with its NUL: "-", 309 integer digits, ".",
 * 17 decimals. */
#define STRUTIL_NUMBER_MAX 336

/* Formats @value in the C locale with at most @decimals decimals, trailing zeros and a
 * trailing point removed ("12.5", "3", "-0.25"); never "-0". Rounds the exact binary value
 * to nearest, an exact tie to even (as printf does: 2.5 -> "2", 0.0625 -> "0.062"), by
 * integer arithmetic below 2^52 after scaling and by printf above. Writes into @buf
 * (truncated like snprintf when too small) and returns it. @decimals is clamped to 0..17.
 * A non-finite @value gives "nan", "inf" or "-inf": callers should not pass one. */
const char *strutil_format_number(char *buf, gsize size, double value, int decimals);

/* The same into @buf of at least STRUTIL_NUMBER_MAX bytes; returns the length written
 * (without the NUL). The form for writers of many numbers. */
gsize strutil_number_to(char *buf, double value, int decimals);

/* The same appended to @out. */
void strutil_append_number(GString *out, double value, int decimals);

/* Parses a whole string as a finite number in the C locale. Only decimal notation with an
 * optional sign and exponent ("12", "-0.5", ".5", "1e3"): FALSE for NaN, infinities,
 * hexadecimal, surrounding whitespace, trailing garbage, overflow or an empty string.
 * @out is left untouched on failure and may be NULL. */
gboolean strutil_parse_number(const char *text, double *out);

/* Parses a whole string as a boolean: `true`, `yes`, `on` give TRUE and `false`, `no`,
 * `off` give FALSE, in any ASCII case; anything else (NULL, "", "1", " true") is FALSE
 * with @out left untouched. @out may be NULL. The one vocabulary of CV and style files. */
gboolean strutil_parse_bool(const char *text, gboolean *out);

/* User text as every output may carry it (the one cleaning step, applied when text is
 * read): bidi embeddings, overrides and isolates (U+202A..202E, U+2066..2069) and Unicode
 * noncharacters (U+FDD0..FDEF, U+xFFFE and U+xFFFF in every plane) are dropped; C0 and C1
 * controls, DEL and the line and paragraph separators U+2028/2029 become a space, one
 * with the spaces beside them ("a \abell" and "a\a b" are "a b..."), while the text's own
 * runs of spaces stay; then ASCII white space is
 * trimmed from both ends. @text must be valid UTF-8 (NULL gives ""). Returns a new string
 * owned by the caller. */
char *strutil_clean_text(const char *text);

/* TRUE for a character strutil_clean_text drops (bidi embeddings, overrides and
 * isolates; noncharacters), so that a writer guarding its own output keeps the same rule. */
gboolean strutil_is_dropped(gunichar c);

/* TRUE when @text is NULL, empty or nothing but ASCII white space: the text that
 * trimming (g_strstrip, strutil_clean_text) leaves empty, so a reader can ask before
 * reading it. */
gboolean strutil_is_blank(const char *text);

/* The first @n of @words joined with @sep, and @last (NULL: @sep) before the last one:
 * "svg, png or pdf". Returns a new string owned by the caller ("" for none). */
char *strutil_join(const char *const *words, guint n, const char *sep, const char *last);

/* TRUE when @text holds a character strutil_clean_text would drop or turn into a space. */
gboolean strutil_has_unclean(const char *text);

/* The one URL policy (the readers apply it with their warnings, writers as a guard):
 * http://, https:// or mailto: in any case with something after it ... */
gboolean strutil_url_scheme_ok(const char *url);
/* ... no space, line break, control or character strutil_clean_text would change (@url
 * valid UTF-8) ... */
gboolean strutil_url_has_space(const char *url);
/* ... and both, on valid UTF-8: whether @url may be a link target (refused, not
 * repaired). */
gboolean strutil_url_followable(const char *url);

/* @len bytes of text that are not UTF-8, read as what files that are not UTF-8 mostly are
 * (Windows-1252, else ISO-8859-1, which takes any byte), as a new NUL-terminated UTF-8
 * string owned by the caller (its length in *@out_len); NULL when the bytes are valid
 * UTF-8 already, or hold a NUL. For old .bib files and CSV files saved again by a
 * spreadsheet. */
char *strutil_legacy_to_utf8(const char *data, gsize len, gsize *out_len);

/* The 1-based line (ended by LF, CR or CRLF) of the first byte of @len bytes at @data
 * that is not UTF-8; 0 when all are. For the warning that names where a file stops
 * being UTF-8. */
int strutil_invalid_utf8_line(const char *data, gsize len);
