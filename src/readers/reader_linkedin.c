/* LinkedIn data export reader ("Get a copy of your data"; doc/importing.md): the export's
 * folder, its zip archive, or one of its CSV files. Positions, education, volunteering
 * and projects become groups, certifications, honors and publications milestones, the
 * profile the chart's title. Columns are found by name (exports changed their names and
 * order over the years), each CSV's kind by its file name or else by its header. */
#include "csvdoc.h"
#include "reader_import.h"
#include "reader_parts.h"
#include "strutil.h"

#include <string.h>

typedef enum {
  LI_PROFILE,
  LI_POSITIONS,
  LI_EDUCATION,
  LI_VOLUNTEERING,
  LI_PROJECTS,
  LI_CERTIFICATIONS,
  LI_HONORS,
  LI_PUBLICATIONS,
  LI_KINDS
} LiKind;

/* Columns by what they hold; each a NULL-terminated list of the names exports used. */
typedef enum {
  COL_TITLE,
  COL_ORG,
  COL_LOCATION,
  COL_START,
  COL_END,
  COL_DATE,
  COL_URL,
  COL_FIELD, /* education: the field of study */
  COL_FIRST,
  COL_LAST,
  COL_HEADLINE,
  COL_KINDS
} LiColumn;

typedef struct {
  const char *file;      /* the export's file name */
  const char *group_key; /* a group's key, or NULL for milestones (or the profile) */
  gboolean builtin;
  const char *names[COL_KINDS][4];
  /* A header with a column of each of these kinds is this kind, when the file's name does
   * not say. */
  LiColumn signature[3];
  guint n_signature;
} LiSpec;

static const LiSpec li_specs[LI_KINDS] = {
    [LI_PROFILE] = {"Profile.csv",
                    NULL,
                    FALSE,
                    {[COL_FIRST] = {"First Name"},
                     [COL_LAST] = {"Last Name"},
                     [COL_HEADLINE] = {"Headline"}},
                    {COL_FIRST, COL_LAST, COL_HEADLINE},
                    3},
    [LI_POSITIONS] = {"Positions.csv",
                      "jobs",
                      TRUE,
                      {[COL_TITLE] = {"Title", "Position", "Job Title"},
                       [COL_ORG] = {"Company Name", "Company", "Organization"},
                       [COL_LOCATION] = {"Location"},
                       [COL_START] = {"Started On", "Start Date", "From"},
                       [COL_END] = {"Finished On", "End Date", "To"}},
                      {COL_ORG, COL_TITLE, COL_START},
                      3},
    [LI_EDUCATION] = {"Education.csv",
                      "education",
                      TRUE,
                      {[COL_TITLE] = {"Degree Name", "Degree"},
                       [COL_ORG] = {"School Name", "School", "Institution"},
                       [COL_FIELD] = {"Field Of Study", "Field of Study", "Major"},
                       [COL_START] = {"Start Date", "Started On", "From"},
                       [COL_END] = {"End Date", "Finished On", "To"}},
                      {COL_ORG},
                      1},
    [LI_VOLUNTEERING] = {"Volunteering.csv",
                         "Volunteering",
                         FALSE,
                         {[COL_TITLE] = {"Role", "Title"},
                          [COL_ORG] = {"Company Name", "Organization", "Company"},
                          [COL_START] = {"Started On", "Start Date"},
                          [COL_END] = {"Finished On", "End Date"}},
                         {COL_ORG, COL_TITLE, COL_START},
                         3},
    [LI_PROJECTS] = {"Projects.csv",
                     "Projects",
                     FALSE,
                     {[COL_TITLE] = {"Title", "Name"},
                      [COL_URL] = {"Url", "URL"},
                      [COL_START] = {"Started On", "Start Date"},
                      [COL_END] = {"Finished On", "End Date"}},
                     {COL_TITLE, COL_URL, COL_START},
                     3},
    [LI_CERTIFICATIONS] = {"Certifications.csv",
                           NULL,
                           FALSE,
                           {[COL_TITLE] = {"Name"},
                            [COL_ORG] = {"Authority", "Issuing Organization", "Issuer"},
                            [COL_URL] = {"Url", "URL"},
                            [COL_DATE] = {"Started On", "Issued On", "Issue Date"}},
                           {COL_TITLE, COL_ORG, COL_DATE},
                           3},
    [LI_HONORS] = {"Honors.csv",
                   NULL,
                   FALSE,
                   {[COL_TITLE] = {"Title", "Name"}, [COL_DATE] = {"Issued On", "Date"}},
                   {COL_TITLE, COL_DATE},
                   2},
    [LI_PUBLICATIONS] = {"Publications.csv",
                         NULL,
                         FALSE,
                         {[COL_TITLE] = {"Name", "Title"},
                          [COL_URL] = {"Url", "URL"},
                          [COL_DATE] = {"Published On", "Date"}},
                         {COL_TITLE, COL_DATE},
                         2},
};

/* The order groups and files are read in: the chart's group order. */
static const LiKind li_order[] = {LI_PROFILE,  LI_POSITIONS,      LI_EDUCATION, LI_VOLUNTEERING,
                                  LI_PROJECTS, LI_CERTIFICATIONS, LI_HONORS,    LI_PUBLICATIONS};

/* One CSV being read: where each column is, and its header row. */
typedef struct {
  const LiSpec *spec;
  const CsvdocTable *table;
  guint header;              /* the index of the header row */
  int col[COL_KINDS];        /* a cell index, or -1 */
  const YdocNode *col_at[COL_KINDS]; /* the header cell, for messages */
} LiCsv;

/* The header cell's text as compared: trimmed, ASCII case ignored. */
static gboolean li_name_is(const char *cell, const char *name)
{
  g_autofree char *t = g_strstrip(g_strdup(cell));
  return g_ascii_strcasecmp(t, name) == 0;
}

/* The index of a column named one of @names in @row, or -1. */
static int li_find_column(const CsvdocRow *row, const char *const *names)
{
  for (guint k = 0; k < 4 && names[k] != NULL; k++)
    for (guint i = 0; i < row->n; i++)
      if (li_name_is(row->cells[i].text, names[k]))
        return (int)i;
  return -1;
}

/* TRUE when the header cells @cells (trimmed) have a column of each signature kind of
 * @spec, by any of its names. */
static gboolean li_header_matches(const LiSpec *spec, char **cells)
{
  for (guint s = 0; s < spec->n_signature; s++) {
    const char *const *names = spec->names[spec->signature[s]];
    gboolean found = FALSE;
    for (char **c = cells; *c != NULL && !found; c++)
      for (guint k = 0; k < 4 && names[k] != NULL && !found; k++)
        found = g_ascii_strcasecmp(*c, names[k]) == 0;
    if (!found)
      return FALSE;
  }
  return TRUE;
}

/* The kind a header says, or LI_KINDS. Kinds with a longer signature are tried first, so
 * that Positions (Company Name, Title, Started On) is not taken for Education. */
static LiKind li_kind_from_header(char **cells)
{
  static const LiKind by_specificity[] = {LI_PROFILE,        LI_POSITIONS, LI_VOLUNTEERING,
                                          LI_PROJECTS,       LI_CERTIFICATIONS,
                                          LI_PUBLICATIONS,   LI_HONORS,    LI_EDUCATION};
  if (cells == NULL)
    return LI_KINDS;
  /* Volunteering also has Company Name, Title-like Role and Started On: a Role column
   * tells it from Positions. */
  gboolean role = FALSE;
  for (char **c = cells; *c != NULL; c++)
    role = role || g_ascii_strcasecmp(*c, "Role") == 0;
  for (gsize i = 0; i < G_N_ELEMENTS(by_specificity); i++) {
    LiKind k = by_specificity[i];
    if (k == LI_POSITIONS && role)
      continue;
    if (k == LI_VOLUNTEERING && !role)
      continue;
    if (li_header_matches(&li_specs[k], cells))
      return k;
  }
  return LI_KINDS;
}

/* The kind the file @name (its last component) is, or LI_KINDS. */
static LiKind li_kind_from_name(const char *name)
{
  const char *slash = strrchr(name, '/');
  const char *base = slash != NULL ? slash + 1 : name;
  for (int k = 0; k < LI_KINDS; k++)
    if (g_ascii_strcasecmp(base, li_specs[k].file) == 0)
      return (LiKind)k;
  return LI_KINDS;
}

/* A cell as read: NULL when the column is absent, the row too short, or the text blank. */
static const YdocNode *li_cell(const LiCsv *csv, const CsvdocRow *row, LiColumn col)
{
  int i = csv->col[col];
  if (i < 0 || (guint)i >= row->n)
    return NULL;
  const YdocNode *cell = &row->cells[i];
  return strutil_is_blank(cell->text) ? NULL : cell;
}

static char *li_text(ReadCtx *c, const LiCsv *csv, const CsvdocRow *row, LiColumn col)
{
  const YdocNode *cell = li_cell(csv, row, col);
  return cell != NULL ? readctx_text(c, cell, cell->text) : NULL;
}

/* A link, by the one URL policy (readctx_link: a refused one is a warning). */
static char *li_url(ReadCtx *c, const LiCsv *csv, const CsvdocRow *row)
{
  const YdocNode *cell = li_cell(csv, row, COL_URL);
  return cell != NULL ? readctx_link(c, cell, cell->text) : NULL;
}

/* A row with nothing but blanks (exports end some files with one). */
static gboolean li_row_blank(const CsvdocRow *row)
{
  for (guint i = 0; i < row->n; i++)
    if (!strutil_is_blank(row->cells[i].text))
      return FALSE;
  return TRUE;
}

/* Reads the date in column @col (reader_parts_read_date: a form that cannot be read is a
 * warning naming @who, and the row is left out). */
static ReaderPartsDate li_date(ReadCtx *c, const LiCsv *csv, const CsvdocRow *row, LiColumn col,
                               const char *what, const char *who, DateValue *out)
{
  return reader_parts_read_date(c, li_cell(csv, row, col), what, who, out);
}

/* The header row: the first whose cells name one of the kind's signature columns (a
 * preamble of notes before it, as Connections.csv has, is skipped). */
static gboolean li_locate_header(LiCsv *csv)
{
  for (guint r = 0; r < csv->table->rows->len && r < 20; r++) {
    const CsvdocRow *row = g_ptr_array_index(csv->table->rows, r);
    if (li_find_column(row, csv->spec->names[csv->spec->signature[0]]) >= 0) {
      csv->header = r;
      for (int k = 0; k < COL_KINDS; k++) {
        csv->col[k] = csv->spec->names[k][0] != NULL ? li_find_column(row, csv->spec->names[k]) : -1;
        csv->col_at[k] = csv->col[k] >= 0 ? &row->cells[csv->col[k]] : NULL;
      }
      return TRUE;
    }
  }
  return FALSE;
}

/* Education's title: "DEGREE in FIELD", or whichever is given. */
static char *li_education_title(ReadCtx *c, const LiCsv *csv, const CsvdocRow *row)
{
  g_autofree char *degree = li_text(c, csv, row, COL_TITLE);
  g_autofree char *field = li_text(c, csv, row, COL_FIELD);
  if (degree != NULL && field != NULL && strstr(degree, field) == NULL)
    return g_strdup_printf("%s in %s", degree, field);
  return g_strdup(degree != NULL ? degree : field);
}

/* Where @row's field of column @k is (or would be: a short row): its line, and the
 * column's number when the header has it. */
static YdocNode li_at(const LiCsv *csv, const CsvdocRow *row, int k)
{
  return readctx_cell(row->line, csv->col[k] >= 0 ? csv->col[k] + 1 : 0, "");
}

/* A row that becomes an entry of @group. */
static void li_read_entry(ReadCtx *c, const LiCsv *csv, const CsvdocRow *row, ModelGroup *group)
{
  g_autofree char *title = csv->spec == &li_specs[LI_EDUCATION] ? li_education_title(c, csv, row)
                                                                 : li_text(c, csv, row, COL_TITLE);
  g_autofree char *org = li_text(c, csv, row, COL_ORG);
  g_autofree char *who = reader_parts_entry_name(title, org);
  YdocNode at = readctx_cell(row->line, 0, "");
  if (title == NULL && org == NULL) {
    YdocNode at_title = li_at(csv, row, COL_TITLE);
    readctx_warning(c, &at_title, "a row with neither %s nor %s; left out",
                    csv->spec->names[COL_TITLE][0], csv->spec->names[COL_ORG][0] != NULL
                                                        ? csv->spec->names[COL_ORG][0]
                                                        : "a name");
    return;
  }
  DateValue start, end;
  ReaderPartsDate ds = li_date(c, csv, row, COL_START, "start date", who, &start);
  ReaderPartsDate de = li_date(c, csv, row, COL_END, "end date", who, &end);
  if (ds == READER_PARTS_BAD || de == READER_PARTS_BAD)
    return;
  if (ds == READER_PARTS_ABSENT) {
    YdocNode at_start = li_at(csv, row, COL_START);
    readctx_warning(c, &at_start, "%s has no start date; left out", who);
    return;
  }
  const YdocNode *start_cell = li_cell(csv, row, COL_START);
  const YdocNode *end_cell = li_cell(csv, row, COL_END);
  if (start.present) {
    readctx_warning(c, start_cell, "%s starts '%s'; left out", who, start_cell->text);
    return;
  }
  if (de == READER_PARTS_OK && !end.present && end.last < start.first) {
    g_autofree char *e = readctx_shown(end_cell->text);
    g_autofree char *s = readctx_shown(start_cell->text);
    readctx_warning(c, end_cell, "%s ends (%s) before it starts (%s); left out", who, e, s);
    return;
  }
  if (!readctx_count(c, &at))
    return;
  DateSpan span;
  gboolean keep;
  readctx_span(c, &start, start_cell, de == READER_PARTS_OK ? &end : NULL, end_cell, FALSE, &span,
               &keep);
  ModelEntry *entry = model_entry_new();
  entry->title = g_steal_pointer(&title);
  entry->org = g_steal_pointer(&org);
  entry->location = li_text(c, csv, row, COL_LOCATION);
  entry->url = li_url(c, csv, row);
  entry->line = row->line;
  entry->column = 1;
  if (keep)
    g_array_append_val(entry->periods, span);
  g_ptr_array_add(group->entries, entry);
}

/* A row that becomes a milestone (certifications, honors, publications). */
static void li_read_milestone(ReadCtx *c, const LiCsv *csv, const CsvdocRow *row, ModelCv *cv)
{
  g_autofree char *title = li_text(c, csv, row, COL_TITLE);
  g_autofree char *org = li_text(c, csv, row, COL_ORG);
  g_autofree char *who = reader_parts_entry_name(title, NULL);
  YdocNode at = readctx_cell(row->line, 0, "");
  if (title == NULL) {
    YdocNode at_title = li_at(csv, row, COL_TITLE);
    readctx_warning(c, &at_title, "a row without %s; left out", csv->spec->names[COL_TITLE][0]);
    return;
  }
  DateValue date;
  ReaderPartsDate dd = li_date(c, csv, row, COL_DATE, "date", who, &date);
  if (dd == READER_PARTS_BAD)
    return;
  if (dd == READER_PARTS_ABSENT) {
    YdocNode at_date = li_at(csv, row, COL_DATE);
    readctx_warning(c, &at_date, "%s has no date; left out", who);
    return;
  }
  const YdocNode *date_cell = li_cell(csv, row, COL_DATE);
  if (date.present) {
    readctx_warning(c, date_cell, "%s is dated '%s'; left out", who, date_cell->text);
    return;
  }
  if (!readctx_count(c, &at))
    return;
  ModelMilestone *m = model_milestone_new();
  /* A certification is named with its authority, as LinkedIn shows it. */
  m->title = org != NULL ? g_strdup_printf("%s (%s)", title, org) : g_steal_pointer(&title);
  m->date = date.first;
  m->precision = date.precision;
  m->url = li_url(c, csv, row);
  m->line = row->line;
  m->column = 1;
  g_ptr_array_add(cv->milestones, m);
}

/* The profile's first row that names someone (a profile has one row). */
static void li_read_profile(ReadCtx *c, const LiCsv *csv, const CsvdocRow *row, ModelCv *cv)
{
  if (cv->name != NULL)
    return;
  g_clear_pointer(&cv->headline, g_free);
  g_autofree char *first = li_text(c, csv, row, COL_FIRST);
  g_autofree char *last = li_text(c, csv, row, COL_LAST);
  if (first != NULL || last != NULL)
    cv->name = first != NULL && last != NULL ? g_strdup_printf("%s %s", first, last)
                                             : g_strdup(first != NULL ? first : last);
  cv->headline = li_text(c, csv, row, COL_HEADLINE);
}

/* Reads one CSV of @kind from @src into @cv. */
static void li_read_csv(ReadCtx *c, ReaderSource *src, LiKind kind, ModelCv *cv, DiagList *diags)
{
  gsize len;
  const char *data = reader_source_bytes(src, &len);
  CsvdocTable *table = csvdoc_parse(reader_source_name(src), data, len, diags);
  if (table == NULL)
    return;
  const char *file_before = c->file;
  c->file = table->file;
  LiCsv csv = {.spec = &li_specs[kind], .table = table};
  if (!li_locate_header(&csv)) {
    if (table->rows->len > 0)
      diag_warning(diags, table->file, 1, 0, "no '%s' column in the header; the file is left out",
                   csv.spec->names[csv.spec->signature[0]][0]);
    c->file = file_before;
    csvdoc_free(table);
    return;
  }
  ModelGroup *group = NULL;
  if (csv.spec->group_key != NULL) {
    group = model_cv_find_group(cv, csv.spec->group_key);
    if (group == NULL) {
      const char *name = csv.spec->builtin ? model_builtin_group_name(csv.spec->group_key, cv->language)
                                           : csv.spec->group_key;
      group = model_group_new(csv.spec->group_key, name, csv.spec->builtin);
      group->line = (int)((const CsvdocRow *)g_ptr_array_index(table->rows, csv.header))->line;
      group->column = 1;
      model_cv_add_group(cv, group);
    }
  }
  for (guint r = csv.header + 1; r < table->rows->len && !c->over_limit; r++) {
    const CsvdocRow *row = g_ptr_array_index(table->rows, r);
    if (li_row_blank(row))
      continue;
    if (kind == LI_PROFILE)
      li_read_profile(c, &csv, row, cv);
    else if (group != NULL)
      li_read_entry(c, &csv, row, group);
    else
      li_read_milestone(c, &csv, row, cv);
  }
  c->file = file_before;
  csvdoc_free(table);
}

/* The kind of a single CSV: its name, else its header. */
static LiKind li_kind_of(ReaderSource *src)
{
  LiKind kind = li_kind_from_name(reader_source_name(src));
  if (kind != LI_KINDS)
    return kind;
  gsize len;
  const char *data = reader_source_bytes(src, &len);
  char **header = csvdoc_first_row(data, len);
  kind = li_kind_from_header(header);
  g_strfreev(header);
  return kind;
}

/* "Positions.csv, Education.csv, ... or Publications.csv", for messages. */
static char *li_files_looked_for(void)
{
  GString *out = g_string_new(NULL);
  for (gsize i = 1; i < G_N_ELEMENTS(li_order); i++) {
    if (i > 1)
      g_string_append(out, i + 1 == G_N_ELEMENTS(li_order) ? " or " : ", ");
    g_string_append(out, li_specs[li_order[i]].file);
  }
  return g_string_free(out, FALSE);
}

static ModelCv *li_read(ReaderSource *src, const ReaderOptions *opts, DiagList *diags)
{
  ReadCtx c;
  reader_context_init(&c, reader_source_name(src), opts, diags);
  ModelCv *cv = model_cv_new(reader_source_name(src));
  /* An export names no language: the chart speaks --lang's. */
  reader_set_language(&c, cv, opts, NULL);
  gboolean archive = reader_source_is_archive(src);
  if (archive) {
    reader_source_member_count(src, diags);
    for (gsize i = 0; i < G_N_ELEMENTS(li_order) && !c.over_limit; i++) {
      int m = reader_source_find_member(src, li_specs[li_order[i]].file);
      ReaderSource *member = m >= 0 ? reader_source_member(src, (guint)m, diags) : NULL;
      if (member != NULL)
        li_read_csv(&c, member, li_order[i], cv, diags);
    }
  } else {
    LiKind kind = li_kind_of(src);
    if (kind == LI_KINDS) {
      g_autofree char *files = li_files_looked_for();
      diag_error(diags, reader_source_name(src), 1, 0,
                 "not a file of a LinkedIn data export: expected the header of %s", files);
    } else {
      li_read_csv(&c, src, kind, cv, diags);
    }
  }
  /* A profile alone is a title for other files' entries (cvtimeline Profile.csv
   * Positions.csv); anything else with nothing to draw is an error. */
  g_autofree char *files = li_files_looked_for();
  g_autofree char *nothing = g_strdup_printf("no dated rows in %s", files);
  return reader_parts_finish(&c, opts, cv, archive,
                             archive || li_kind_of(src) != LI_PROFILE ? nothing : NULL);
}

/* SURE for an export (a folder or zip with one of its files) and for one of its CSVs,
 * known by name or by header. */
static guint li_detect(ReaderSource *src)
{
  if (reader_source_is_archive(src)) {
    guint n = reader_source_member_count(src, NULL);
    for (guint i = 0; i < n; i++) {
      const char *path = reader_source_member_path(src, i);
      if (li_kind_from_name(path) != LI_KINDS || g_str_has_suffix(path, "Connections.csv"))
        return READER_DETECT_SURE;
    }
    return READER_DETECT_NO;
  }
  gsize len;
  const char *data = reader_source_bytes(src, &len);
  char **header = csvdoc_first_row(data, len);
  LiKind by_header = li_kind_from_header(header);
  LiKind by_name = li_kind_from_name(reader_source_name(src));
  gboolean named_csv = header != NULL && by_name != LI_KINDS && g_strv_length(header) > 1;
  g_strfreev(header);
  return by_header != LI_KINDS || named_csv ? READER_DETECT_SURE : READER_DETECT_NO;
}

const ReaderFormat reader_format_linkedin = {
    .name = "linkedin",
    .description = "LinkedIn data export: its folder, its .zip, or one of its CSV files",
    .detect = li_detect,
    .read = li_read,
    .archives = TRUE,
    .archive_hint = "a LinkedIn data export (Positions.csv, Education.csv, ...)",
};
