/* timeline: from the CV model to what is visible: resolves the visible range (--from,
 * --to, or the CV's whole span), clips periods to it, filters groups (--only), orders
 * entries. Lanes are packed by layout (layout_lanes.h), which knows the labels' widths. */
#pragma once

#include "model.h"
#include <glib.h>

typedef struct {
  DateDay start, end; /* clipped to the visible range, inclusive */
  gboolean fade_start, fade_end; /* approximate ends */
  gboolean ongoing;              /* ends at today because it is still going on */
  gboolean cut_start, cut_end;   /* continues beyond the visible range */
  const char *role;              /* the role's title for a role segment, else NULL; not owned */
  guint source; /* what it draws: an index into the entry's roles if it has any, else into
                   its periods */
} TimelineBar;

typedef struct {
  const ModelEntry *entry; /* not owned */
  GArray *bars;            /* of TimelineBar, owned, sorted by start; never empty */
  gboolean has_roles;
} TimelineEntry;

typedef struct {
  const ModelGroup *group; /* not owned */
  GPtrArray *entries;      /* of TimelineEntry*, owned, sorted by start (stable) */
} TimelineGroup;

typedef struct Timeline {
  DateDay start, end; /* the visible range, inclusive */
  DateDay today;
  gboolean today_visible;
  const ModelCv *cv;       /* not owned */
  GPtrArray *groups;       /* of TimelineGroup*, owned, in the CV's order; no empty group */
  GPtrArray *milestones;   /* of const ModelMilestone*, visible ones, sorted by date */
} Timeline;

typedef struct {
  gboolean has_from, has_to;
  DateDay from, to;         /* --from (first day of its span) and --to (last day) */
  const char *const *only;  /* NULL-terminated group keys, or NULL for all; "milestones"
                               selects the milestone track */
} TimelineOptions;

GQuark timeline_error_quark(void);
#define TIMELINE_ERROR timeline_error_quark()

/* Builds the visible timeline. Returns a new timeline owned by the caller (it borrows
 * from @cv, which must outlive it), or NULL with @error set when --only names a group the
 * CV does not have or the range is empty. An empty CV gives a timeline with no groups. */
Timeline *timeline_build(const ModelCv *cv, const TimelineOptions *opts, GError **error);

/* Frees a timeline; accepts NULL. */
void timeline_free(Timeline *timeline);
