/* The CV model every reader produces (doc/cv-format.md): groups of entries with
 * resolved periods or role segments, and milestones. Plain data: no I/O, no clock
 * (the reader resolves `present` with the `today` it is given). Every text in it is
 * clean (readctx_text: no controls, no bidi embeddings, trimmed), so later stages draw
 * it as it is. */
#pragma once

#include "date.h"
#include <glib.h>

typedef struct {
  char *title; /* owned, never NULL */
  DateSpan span;
  int line, column; /* the role's mapping in the source */
} ModelRole;

typedef struct {
  char *title;      /* owned; NULL when absent (then org is set) */
  char *org;        /* owned; NULL when absent */
  char *location;   /* owned; NULL when absent */
  char *url;        /* owned; NULL when absent */
  char *note;       /* owned; NULL when absent */
  char *class_name; /* owned; NULL when absent */
  gboolean approximate;
  /* The periods, sorted by start, not overlapping (model_entry_normalise_periods).
   * For an entry with roles: exactly one span, from the first role's start to the last
   * role's end. Empty when nothing remains to draw (e.g. a present period after today). */
  GArray *periods;  /* of DateSpan, owned */
  GArray *roles;    /* of ModelRole, owned, in order; empty unless the entry had roles */
  int line, column; /* the entry's mapping in the source */
  char *file;       /* owned; the source when not the CV's own file (a chart of several
                     * files), else NULL */
} ModelEntry;

typedef struct {
  char *key;          /* "jobs", "education", "visiting", or a custom group's name; owned */
  char *name;         /* display name: "Experience", "Education", "Visiting", or the key */
  gboolean builtin;   /* one of the three built-in keys */
  GPtrArray *entries; /* of ModelEntry*, owned, in file order */
  int line, column;   /* the group's key in the source */
} ModelGroup;

typedef struct {
  DateDay date; /* first day of the date's span */
  DatePrecision precision;
  gboolean approximate;
  char *title;      /* owned, never NULL */
  char *class_name; /* owned; NULL when absent */
  char *url;        /* owned; NULL when absent */
  char *note;       /* owned; NULL when absent */
  int line, column;
  char *file; /* owned; the source when not the CV's own file, else NULL */
} ModelMilestone;

typedef struct {
  char *file;            /* the name used in messages; owned */
  char *name;            /* owned; NULL when absent */
  char *headline;        /* owned; NULL when absent */
  DateDay today;         /* what `present` meant while reading */
  Lang *language;        /* the chart's language (--lang, else the CV's own); owned, never NULL */
  GPtrArray *groups;     /* of ModelGroup*, owned, in file order; never empty groups;
                          * changed only through model_cv_add_group and _remove_group */
  GPtrArray *milestones; /* of ModelMilestone*, owned, sorted by date (stable) */
  GHashTable *group_keys; /* key -> ModelGroup* in groups: model_cv_find_group's index */
} ModelCv;

/* Constructors return new objects owned by the caller; the _free functions accept NULL.
 * Adding an entry/group/milestone transfers its ownership to the container. */
ModelCv *model_cv_new(const char *file);
void model_cv_free(ModelCv *cv);

ModelGroup *model_group_new(const char *key, const char *name, gboolean builtin);
void model_group_free(ModelGroup *group);

ModelEntry *model_entry_new(void);
void model_entry_free(ModelEntry *entry);

ModelMilestone *model_milestone_new(void);
void model_milestone_free(ModelMilestone *milestone);

/* The group with @key, or NULL (the first, were two given one key). */
ModelGroup *model_cv_find_group(const ModelCv *cv, const char *key);

/* Appends @group (taken) to @cv's groups. */
void model_cv_add_group(ModelCv *cv, ModelGroup *group);

/* Removes the group at @index from @cv's groups and returns it, owned by the caller. */
ModelGroup *model_cv_steal_group(ModelCv *cv, guint index);

/* Frees and removes the groups that have no entry. */
void model_cv_drop_empty_groups(ModelCv *cv);

/* Sorts milestones by date, keeping file order among equal dates. */
void model_cv_sort_milestones(ModelCv *cv);

/* The display name of a built-in group key in @lang (NULL: English): "jobs" ->
 * "Experience", "Berufserfahrung"; NULL for another key. Owned by @lang. */
const char *model_builtin_group_name(const char *key, const Lang *lang);

/* Total number of entries over all groups. */
guint model_cv_entry_count(const ModelCv *cv);

/* Sorts @entry's periods by start and joins those that overlap into one (its start,
 * the latest end among them), so that drawing never stacks two bars of one entry on
 * each other: what ModelEntry.periods promises. Readers call it once an entry's periods
 * are read. */
void model_entry_normalise_periods(ModelEntry *entry);

/* model_entry_normalise_periods on every entry of @cv. */
void model_cv_normalise_periods(ModelCv *cv);

/* Makes @entry's role segments drawable side by side (roles that overlap are a warning,
 * not an error, so they reach the model): sorts the roles by start and, where two
 * overlap, lets the later-starting one win its span. The earlier role then ends the day
 * before; if it went on past the later one's end, its remainder becomes a further
 * segment with the same title (Professor | Dean | Professor). Roles with the same start
 * are taken longest first, so a shorter one shows its span and the longer the rest.
 * Spans that do not overlap are left as they are (gaps stay gaps). One sweep over the
 * roles' starts and ends: O(n log n) in the number of roles. */
void model_entry_settle_roles(ModelEntry *entry);

/* A role that model_merge_roles shortened so that it sits beside the next one on one bar:
 * the days @from..@to (inclusive) were taken off its end, or off its start when @at_start. */
typedef struct {
  char *title;      /* owned: the shortened role */
  char *other;      /* owned: the role it overlapped */
  char *org;        /* owned */
  int line, column; /* the shortened role's entry */
  DateDay from, to;
  gboolean at_start;
} ModelTrim;

/* Frees @trim and its strings; accepts NULL. */
void model_trim_free(ModelTrim *trim);

/* The largest overlap, in days, that model_merge_roles trims whatever the dates' precision. */
#define MODEL_MERGE_TRIM_DAYS 31

/* Merges, in every group of @cv, the entries of each run of consecutive entries with the
 * same org (compared without case) that follow one another into one entry with role
 * segments: a role follows another when it starts after it ends, leaving a gap of at most
 * @max_gap_days, or when the two overlap only a little. A little is at most
 * MODEL_MERGE_TRIM_DAYS days, or an overlap that ends within the month, season or year
 * the earlier role's end names (a role "2015 to 2017" and one from Feb 2017: the first
 * is drawn ending Jan 2017, still in 2017), or that begins within what the later role's
 * start names; that overlap is trimmed off one of the two and appended to @trims (of
 * ModelTrim*, owned by the caller, who sets its free function; may be NULL). Roles that
 * overlap more (two roles with the same dates, one inside another, concurrent roles)
 * stay separate bars, whole: merging never drops a day of any role but the trimmed
 * ones. A run's entries are put into as few such chains as the greedy order allows, in
 * order of start. Entries that cannot be roles (no title or org, several periods, roles
 * of their own) are left as they are and end a run. O(n log n) in a run's length.
 * Implemented in model_roles.c; the import readers call it. */
void model_merge_roles(ModelCv *cv, int max_gap_days, GPtrArray *trims);
