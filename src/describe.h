/* describe: the one place that words the chart's items for people: the alt text
 * (--alt-text, the SVG's <desc>) and the tooltips (the SVG's <title>s), in the words and
 * patterns of a language's catalog (lang.h; @lang NULL is English), independent of the
 * locale. Dates keep the precision the CV gave ("2010 to Aug 2016", "summer 2015",
 * "2005/06", "about 2004"): date_words.h words them, as it does for the career summary.
 * Reads only the scene's records: one item's words are bounded by that item alone. */
#pragma once

#include "date.h"
#include "layout.h"
#include <glib.h>

/* A plain-text summary of the chart for `<img alt>`: the name and the visible range,
 * then one line per group listing its entries with their dates in reading order, then
 * the milestones, in the scene's language. Returns a new string owned by the caller. */
char *describe_alt_text(const LayoutScene *scene);

/* The tooltip over @entry as a whole: its name, location, every period or role with its
 * dates, the note; one per line. Returns a new string owned by the caller. */
char *describe_entry(const Lang *lang, const LayoutEntry *entry);

/* The tooltip over bar @bar of @entry: its role (for a role segment) or title with the
 * organisation, the location, the span it draws, for a role segment its place among the
 * roles and its neighbours' titles, the note. Bounded by those few fields, however many
 * roles the entry has. Returns a new string owned by the caller. */
char *describe_bar(const Lang *lang, const LayoutEntry *entry, guint bar);

/* The tooltip over a gap's band: "Gap: Nov 2008 to Aug 2009 (10 m)", "Lücke: Nov. 2008
 * bis Aug. 2009 (10 Mon.)". Returns a new string owned by the caller. */
char *describe_gap(const Lang *lang, const LayoutGap *gap);

/* The tooltip over a milestone's marker: its title, date and note. Returns a new string
 * owned by the caller. */
char *describe_milestone(const Lang *lang, const LayoutMilestone *milestone);
