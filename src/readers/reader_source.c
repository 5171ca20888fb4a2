/* The source every reader reads from (reader.h "Sources"): the bytes with their document
 * parsed once for all the readers that ask, and the members of a folder or a zip archive,
 * each a source of its own, read or extracted only when a reader asks for it. */
#include "reader.h"

#include "zipfile.h"

#include <string.h>

typedef enum {
  SOURCE_BYTES,  /* a file: bytes, maybe a zip archive */
  SOURCE_FOLDER, /* members read through a loader */
} SourceKind;

struct ReaderSource {
  SourceKind kind;
  char *name;
  const char *data; /* borrowed, or owned (then == owned) */
  char *owned;
  gsize len;
  YdocDoc *doc;        /* the parsed document, or NULL */
  gboolean parsed;     /* doc is what the bytes give */
  gboolean reported;   /* the parse's messages went to a caller's list */
  gboolean had_issues; /* the parse gave messages (when parsed without a list) */
  /* Members (a folder, or a zip archive once listed). */
  gboolean listed;
  GPtrArray *paths;   /* of char*, owned */
  GPtrArray *members; /* of ReaderSource*, owned; NULL until read */
  GPtrArray *failed;  /* of char*, owned: why reading member i failed, or NULL */
  GPtrArray *failed_reported; /* of gboolean as pointers: that was reported */
  char *list_error;   /* why the archive could not be listed, or NULL */
  gboolean list_reported;
  ReaderLoadFunc load; /* a folder's */
  gpointer load_data;
};

ReaderSource *reader_source_new(const char *name, const char *data, gsize len)
{
  ReaderSource *src = g_new0(ReaderSource, 1);
  src->kind = SOURCE_BYTES;
  src->name = g_strdup(name ? name : "");
  src->data = data ? data : "";
  src->len = data ? len : 0;
  return src;
}

ReaderSource *reader_source_new_take(const char *name, char *data, gsize len)
{
  ReaderSource *src = reader_source_new(name, data, len);
  src->owned = data;
  return src;
}

static void source_set_members(ReaderSource *src, GPtrArray *paths)
{
  src->listed = TRUE;
  src->paths = paths;
  src->members = g_ptr_array_new_with_free_func((GDestroyNotify)reader_source_free);
  src->failed = g_ptr_array_new_with_free_func(g_free);
  src->failed_reported = g_ptr_array_new();
  g_ptr_array_set_size(src->members, (gint)paths->len);
  g_ptr_array_set_size(src->failed, (gint)paths->len);
  g_ptr_array_set_size(src->failed_reported, (gint)paths->len);
}

ReaderSource *reader_source_new_folder(const char *name, const char *const *paths,
                                       ReaderLoadFunc load, gpointer load_data)
{
  ReaderSource *src = reader_source_new(name, NULL, 0);
  src->kind = SOURCE_FOLDER;
  src->load = load;
  src->load_data = load_data;
  GPtrArray *list = g_ptr_array_new_with_free_func(g_free);
  for (const char *const *p = paths; p != NULL && *p != NULL; p++)
    if (list->len < READER_MAX_MEMBERS)
      g_ptr_array_add(list, g_strdup(*p));
  source_set_members(src, list);
  return src;
}

void reader_source_free(ReaderSource *src)
{
  if (src == NULL)
    return;
  ydoc_free(src->doc);
  if (src->paths)
    g_ptr_array_unref(src->paths);
  if (src->members)
    g_ptr_array_unref(src->members);
  if (src->failed)
    g_ptr_array_unref(src->failed);
  if (src->failed_reported)
    g_ptr_array_unref(src->failed_reported);
  g_free(src->list_error);
  g_free(src->owned);
  g_free(src->name);
  g_free(src);
}

const char *reader_source_name(const ReaderSource *src)
{
  return src->name;
}

const char *reader_source_bytes(const ReaderSource *src, gsize *len_out)
{
  if (len_out != NULL)
    *len_out = src->len;
  return src->data;
}

gboolean reader_source_is_archive(const ReaderSource *src)
{
  return src->kind == SOURCE_FOLDER || zipfile_is_zip(src->data, src->len);
}

gboolean reader_source_is_folder(const ReaderSource *src)
{
  return src->kind == SOURCE_FOLDER;
}

const YdocDoc *reader_source_yaml(ReaderSource *src, DiagList *diags)
{
  if (reader_source_is_archive(src))
    return NULL;
  if (src->parsed && (src->reported || !src->had_issues || diags == NULL))
    return src->doc;
  /* A parse made for detection that had something to say is made again into @diags: the
   * messages then come exactly as ydoc gives them (order, count past the cap), and only
   * for a file that is wrong. */
  ydoc_free(src->doc);
  DiagList *sink = diags != NULL ? diags : diag_list_new();
  guint before = diag_error_count(sink) + diag_warning_count(sink);
  YdocLimits limits = YDOC_DEFAULT_LIMITS;
  src->doc = ydoc_looks_like_json(src->data, src->len)
                 ? ydoc_parse_json(src->name, src->data, src->len, &limits, sink)
                 : ydoc_parse(src->name, src->data, src->len, &limits, sink);
  src->had_issues = diag_error_count(sink) + diag_warning_count(sink) > before;
  src->parsed = TRUE;
  src->reported = diags != NULL;
  if (diags == NULL)
    diag_list_free(sink);
  return src->doc;
}

/* Lists a zip archive's members once. */
static void source_list(ReaderSource *src)
{
  if (src->listed)
    return;
  GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
  if (zipfile_is_zip(src->data, src->len)) {
    GError *error = NULL;
    GPtrArray *list = zipfile_list(src->data, src->len, READER_MAX_MEMBERS, &error);
    if (list == NULL) {
      src->list_error = g_strdup(error->message);
      g_error_free(error);
    } else {
      for (guint i = 0; i < list->len; i++)
        g_ptr_array_add(paths, g_strdup(((ZipfileMember *)g_ptr_array_index(list, i))->path));
      g_ptr_array_unref(list);
    }
  }
  source_set_members(src, paths);
}

guint reader_source_member_count(ReaderSource *src, DiagList *diags)
{
  source_list(src);
  if (src->list_error != NULL && diags != NULL && !src->list_reported) {
    diag_error(diags, src->name, 0, 0, "%s", src->list_error);
    src->list_reported = TRUE;
  }
  return src->paths->len;
}

const char *reader_source_member_path(ReaderSource *src, guint i)
{
  source_list(src);
  g_return_val_if_fail(i < src->paths->len, NULL);
  return g_ptr_array_index(src->paths, i);
}

int reader_source_find_member(ReaderSource *src, const char *basename)
{
  source_list(src);
  int best = -1;
  guint best_depth = G_MAXUINT;
  for (guint i = 0; i < src->paths->len; i++) {
    const char *path = g_ptr_array_index(src->paths, i);
    const char *slash = strrchr(path, '/');
    const char *base = slash != NULL ? slash + 1 : path;
    if (g_ascii_strcasecmp(base, basename) != 0)
      continue;
    guint depth = 0;
    for (const char *p = path; *p != '\0'; p++)
      depth += *p == '/';
    if (depth < best_depth) {
      best = (int)i;
      best_depth = depth;
    }
  }
  return best;
}

/* Reports why member @i could not be read, once, when there is a list to report to. */
static void source_report_failure(ReaderSource *src, guint i, DiagList *diags)
{
  if (diags == NULL || g_ptr_array_index(src->failed_reported, i) != NULL)
    return;
  g_autofree char *name =
      g_strdup_printf("%s/%s", src->name, (const char *)g_ptr_array_index(src->paths, i));
  diag_error(diags, name, 0, 0, "%s", (const char *)g_ptr_array_index(src->failed, i));
  g_ptr_array_index(src->failed_reported, i) = GINT_TO_POINTER(1);
}

ReaderSource *reader_source_member(ReaderSource *src, guint i, DiagList *diags)
{
  source_list(src);
  g_return_val_if_fail(i < src->paths->len, NULL);
  ReaderSource *member = g_ptr_array_index(src->members, i);
  if (member != NULL)
    return member;
  if (g_ptr_array_index(src->failed, i) != NULL) {
    source_report_failure(src, i, diags);
    return NULL;
  }
  const char *path = g_ptr_array_index(src->paths, i);
  g_autofree char *name = g_strdup_printf("%s/%s", src->name, path);
  GError *error = NULL;
  if (src->kind == SOURCE_FOLDER) {
    member = src->load != NULL ? src->load(name, src->load_data, &error) : NULL;
    if (member == NULL && error == NULL)
      g_set_error(&error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "cannot be read");
  } else {
    gsize len = 0;
    char *data = zipfile_extract(src->data, src->len, i, YDOC_MAX_BYTES, &len, &error);
    if (data != NULL)
      member = reader_source_new_take(name, data, len);
  }
  if (member == NULL) {
    g_ptr_array_index(src->failed, i) = g_strdup(error->message);
    g_error_free(error);
    source_report_failure(src, i, diags);
    return NULL;
  }
  g_ptr_array_index(src->members, i) = member;
  return member;
}
