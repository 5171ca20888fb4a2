/* The CV model every reader produces (spec/cv-format.md): groups of entries with
 * resolved periods or role segments, and milestones. Plain data: no I/O, no clock
 * (the reader resolves `present` with the `today` it is given). */
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
  /* The periods, sorted by start, not overlapping in a way that matters for drawing.
   * For an entry with roles: exactly one span, from the first role's start to the last
   * role's end. Empty when nothing remains to draw (e.g. a present period after today). */
  GArray *periods;  /* of DateSpan, owned */
  GArray *roles;    /* of ModelRole, owned, in order; empty unless the entry had roles */
  int line, column; /* the entry's mapping in the source */
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
} ModelMilestone;

typedef struct {
  char *file;            /* the name used in messages; owned */
  char *name;            /* owned; NULL when absent */
  char *headline;        /* owned; NULL when absent */
  DateDay today;         /* what `present` meant while reading */
  GPtrArray *groups;     /* of ModelGroup*, owned, in file order; never empty groups */
  GPtrArray *milestones; /* of ModelMilestone*, owned, sorted by date (stable) */
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

/* The group with @key, or NULL. */
ModelGroup *model_cv_find_group(const ModelCv *cv, const char *key);

/* Sorts milestones by date, keeping file order among equal dates. */
void model_cv_sort_milestones(ModelCv *cv);

/* The display name of a built-in group key ("jobs" -> "Experience"), or NULL. */
const char *model_builtin_group_name(const char *key);

/* Total number of entries over all groups. */
guint model_cv_entry_count(const ModelCv *cv);

/* Makes @entry's role segments drawable side by side (roles that overlap are a warning,
 * not an error, so they reach the model): sorts the roles by start and, where two
 * overlap, lets the later-starting one win its span. The earlier role then ends the day
 * before; if it went on past the later one's end, its remainder becomes a further
 * segment with the same title (Professor | Dean | Professor). Roles with the same start
 * are taken longest first, so a shorter one shows its span and the longer the rest.
 * Spans that do not overlap are left as they are (gaps stay gaps). */
void model_entry_settle_roles(ModelEntry *entry);

/* Merges, in every group of @cv, consecutive entries with the same org (compared without
 * case) whose periods touch or leave a gap of at most @max_gap_days into one entry with
 * role segments, settled as model_entry_settle_roles does. Entries that cannot be roles
 * (no title or org, several periods, roles of their own) are left as they are and end a
 * run. Implemented in model_roles.c; the import readers call it. */
void model_merge_roles(ModelCv *cv, int max_gap_days);
