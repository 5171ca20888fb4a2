/* Several files into one chart (doc/importing.md "Several files into one chart"): each
 * source read in its own format, then merged into one model: groups of one key joined in
 * file order, milestones together, the title from the first file that has a name. */
#include "reader.h"

#include <string.h>

/* Marks what @from holds as coming from @from's file, unless it already says. */
static void reader_merge_mark(ModelCv *from)
{
  for (guint g = 0; g < from->groups->len; g++) {
    ModelGroup *group = g_ptr_array_index(from->groups, g);
    for (guint e = 0; e < group->entries->len; e++) {
      ModelEntry *entry = g_ptr_array_index(group->entries, e);
      if (entry->file == NULL)
        entry->file = g_strdup(from->file);
    }
  }
  for (guint m = 0; m < from->milestones->len; m++) {
    ModelMilestone *milestone = g_ptr_array_index(from->milestones, m);
    if (milestone->file == NULL)
      milestone->file = g_strdup(from->file);
  }
}

/* Moves @from's groups, entries and milestones into @into (groups of one key joined,
 * new ones after), and takes its name and headline when @into has none. Frees @from.
 * What came from another file keeps that file's name (ModelEntry.file), so that later
 * messages about it (--fail-on-gap) point into the right file. */
static void reader_merge_into(ModelCv *into, ModelCv *from, gboolean milestones_only)
{
  if (g_strcmp0(into->file, from->file) != 0)
    reader_merge_mark(from);
  if (!milestones_only) {
    if (into->name == NULL && from->name != NULL) {
      into->name = g_steal_pointer(&from->name);
      g_free(into->headline);
      into->headline = g_steal_pointer(&from->headline);
    }
    if (into->headline == NULL)
      into->headline = g_steal_pointer(&from->headline);
    for (guint g = 0; g < from->groups->len; g++) {
      ModelGroup *group = g_ptr_array_index(from->groups, g);
      ModelGroup *same = model_cv_find_group(into, group->key);
      if (same == NULL) {
        model_cv_add_group(into, model_cv_steal_group(from, g--));
        continue;
      }
      for (guint e = 0; e < group->entries->len; e++)
        g_ptr_array_add(same->entries, g_ptr_array_index(group->entries, e));
      g_ptr_array_set_free_func(group->entries, NULL);
      g_ptr_array_set_size(group->entries, 0);
      g_ptr_array_set_free_func(group->entries, (GDestroyNotify)model_entry_free);
    }
  }
  for (guint m = 0; m < from->milestones->len; m++)
    g_ptr_array_add(into->milestones, g_ptr_array_index(from->milestones, m));
  g_ptr_array_set_free_func(from->milestones, NULL);
  g_ptr_array_set_size(from->milestones, 0);
  model_cv_free(from);
}

ModelCv *reader_read_all(ReaderSource *const *sources, guint n, const gboolean *milestones_only,
                         const ReaderOptions *opts, DiagList *diags)
{
  ReaderOptions o = *opts;
  ModelCv *all = NULL;
  gboolean failed = FALSE;
  for (guint i = 0; i < n; i++) {
    ModelCv *cv = reader_read(sources[i], &o, diags);
    if (cv == NULL) {
      failed = TRUE;
      continue;
    }
    /* The first file decides what `present` means for the files after it (a native CV's
     * own `today:`), unless --today did. */
    if (!o.has_today) {
      o.has_today = TRUE;
      o.today = cv->today;
    }
    if (all == NULL && !(milestones_only != NULL && milestones_only[i])) {
      all = cv;
      continue;
    }
    if (all == NULL) {
      all = model_cv_new(cv->file);
      all->today = cv->today;
      lang_free(all->language);
      all->language = lang_copy(cv->language);
    }
    reader_merge_into(all, cv, milestones_only != NULL && milestones_only[i]);
  }
  if (failed) {
    model_cv_free(all);
    return NULL;
  }
  if (all != NULL)
    model_cv_sort_milestones(all);
  return all;
}

void reader_milestones_from(ReadCtx *c, const YdocNode *from, const ReaderOptions *opts,
                            ModelCv *cv)
{
  g_autofree char *path = NULL;
  if (!readctx_string(c, from, &path))
    return;
  if (path == NULL) {
    readctx_error(c, from, "'from' needs a file name");
    return;
  }
  g_autofree char *shown = readctx_shown(path);
  if (opts->load == NULL || opts->depth > 0) {
    readctx_error(c, from, "cannot read '%s': %s", shown,
                  opts->load == NULL ? "no further files are read here"
                                     : "a file named by 'from' cannot name others");
    return;
  }
  /* Relative to the CV's folder, as a LaTeX document's \bibliography is to it. */
  g_autofree char *dir = g_path_get_dirname(c->file);
  gboolean beside = !g_path_is_absolute(path) && strcmp(c->file, "<stdin>") != 0 &&
                    strcmp(dir, ".") != 0;
  g_autofree char *full = beside ? g_build_filename(dir, path, NULL) : g_strdup(path);
  GError *error = NULL;
  ReaderSource *src = opts->load(full, opts->load_data, &error);
  if (src == NULL) {
    readctx_error(c, from, "cannot read '%s': %s", shown, error != NULL ? error->message : "?");
    g_clear_error(&error);
    return;
  }
  ReaderOptions sub = *opts;
  sub.format = NULL;
  sub.depth = opts->depth + 1;
  sub.has_today = TRUE;
  sub.today = c->today;
  ModelCv *other = reader_read(src, &sub, c->diags);
  if (other != NULL) {
    guint entries = model_cv_entry_count(other);
    if (entries > 0)
      readctx_warning(c, from, "only the milestones of '%s' are drawn, not its %u entries", shown,
                      entries);
    reader_merge_into(cv, other, TRUE);
  }
  reader_source_free(src);
}
