/* describe: the one place that words the chart's items for people: the alt text
 * (--alt-text, the SVG's <desc>), the tooltips (the SVG's <title>s), and the dates in them,
 * each at the precision the CV gave ("2010 to Aug 2016", "summer 2015", "2005/06",
 * "about 2004"), in the words and patterns of a language's catalog (lang.h; @lang NULL is
 * English), independent of the locale. Reads only the scene's records: one item's words
 * are bounded by that item alone. */
#pragma once

#include "date.h"
#include "layout.h"
#include <glib.h>

/* Appends one date at @precision: "3 Mar 2019", "Mar 2019", "summer 2015", "2019",
 * "2005/06"; "about " before it when @approximate. @day is any day of that date's span
 * (its first, or its last for a span's end). */
void describe_date(GString *out, const Lang *lang, DateDay day, DatePrecision precision,
                   gboolean approximate);

/* Appends a span, each end at its own precision: "2010 to Aug 2016", "Mar 2015 to
 * present", "about 2004 to 2006"; one date when both ends read alike ("2019", "summer
 * 2015", "2005/06"), and "3 to 14 Mar 2019" for days within one month. */
void describe_span(GString *out, const Lang *lang, const DateSpan *span);

/* Appends "title, org", whichever of the two there is, or "untitled" in @lang. */
void describe_name(GString *out, const Lang *lang, const char *title, const char *org);

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

/* The tooltip over a gap's band: "Gap: Nov 2008 – Aug 2009 (10 m)". Returns a new string
 * owned by the caller. */
char *describe_gap(const Lang *lang, const LayoutGap *gap);

/* The tooltip over a milestone's marker: its title, date and note. Returns a new string
 * owned by the caller. */
char *describe_milestone(const Lang *lang, const LayoutMilestone *milestone);
