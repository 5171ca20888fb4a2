/* Unit tests of the ORCID reader (doc/importing.md): the v3.0 nesting
 * (affiliation-group / summaries / KIND-summary), v2.x lists, a single section or item,
 * fuzzy dates, titles from role-title, department or organisation, works as milestones
 * (one per group), what is left out and why, detection. */
#include "testutil.h"

static ModelCv *read_json(const char *json, DiagList **diags)
{
  ReaderOptions opts = test_import_options();
  *diags = diag_list_new();
  return test_read_text("orcid.json", json, strlen(json), &opts, *diags);
}

#define Y(y) "{\"year\": {\"value\": \"" y "\"}, \"month\": null, \"day\": null}"
#define YM(y, m) "{\"year\": {\"value\": \"" y "\"}, \"month\": {\"value\": \"" m "\"}, \"day\": null}"
#define YMD(y, m, d)                                                                               \
  "{\"year\": {\"value\": \"" y "\"}, \"month\": {\"value\": \"" m "\"}, \"day\": {\"value\": \"" d  \
  "\"}}"

static const char *record =
    "{\n"
    "  \"orcid-identifier\": {\"path\": \"0000-0002-1825-0097\"},\n"
    "  \"person\": {\"name\": {\"given-names\": {\"value\": \"Josie\"},\n"
    "                        \"family-name\": {\"value\": \"Carr\"}, \"credit-name\": null}},\n"
    "  \"activities-summary\": {\n"
    "    \"employments\": {\"affiliation-group\": [\n"
    "      {\"summaries\": [{\"employment-summary\": {\"role-title\": \"Professor\",\n"
    "        \"department-name\": \"Ceramics\", \"start-date\": " YMD("1930", "02", "29") ",\n"
    "        \"end-date\": null, \"organization\": {\"name\": \"Wes U\",\n"
    "        \"address\": {\"city\": \"Middletown\"}}}}]},\n"
    "      {\"summaries\": [{\"employment-summary\": {\"role-title\": null,\n"
    "        \"department-name\": \"Physics\", \"start-date\": " YM("1920", "09") ",\n"
    "        \"end-date\": " Y("1929") ", \"organization\": {\"name\": \"Brown\"}}}]},\n"
    "      {\"summaries\": [{\"employment-summary\": {\"start-date\": " Y("1915") ",\n"
    "        \"end-date\": " Y("1919") ", \"organization\": {\"name\": \"Acme\"}}}]},\n"
    "      {\"summaries\": [{\"employment-summary\": {\"role-title\": \"Clerk\",\n"
    "        \"start-date\": null, \"end-date\": null, \"organization\": {\"name\": \"Nowhere\"}}}]}\n"
    "    ]},\n"
    "    \"educations\": {\"affiliation-group\": [\n"
    "      {\"summaries\": [{\"education-summary\": {\"role-title\": \"BA\",\n"
    "        \"start-date\": null, \"end-date\": " Y("1914") ",\n"
    "        \"organization\": {\"name\": \"Yale\"}}}]}\n"
    "    ]},\n"
    "    \"distinctions\": {\"affiliation-group\": [\n"
    "      {\"summaries\": [{\"distinction-summary\": {\"role-title\": \"Medal\",\n"
    "        \"start-date\": " YM("1950", "05") ", \"organization\": {\"name\": \"Society\"}}}]}\n"
    "    ]},\n"
    "    \"works\": {\"group\": [\n"
    "      {\"work-summary\": [\n"
    "        {\"title\": {\"title\": {\"value\": \"Cracked Pots: a study\"}},\n"
    "         \"publication-date\": " Y("2012") ",\n"
    "         \"journal-title\": {\"value\": \"Journal of Psychoceramics\"},\n"
    "         \"external-ids\": {\"external-id\": [{\"external-id-type\": \"doi\",\n"
    "           \"external-id-value\": \"10.5555/123\", \"external-id-relationship\": \"self\"}]}},\n"
    "        {\"title\": {\"title\": {\"value\": \"Cracked Pots: a study\"}},\n"
    "         \"publication-date\": " Y("2012") "}\n"
    "      ]},\n"
    "      {\"work-summary\": [{\"title\": {\"title\": {\"value\": \"Undated\"}},\n"
    "         \"publication-date\": null}]},\n"
    "      {\"work-summary\": [{\"title\": {\"title\": {\"value\": \"Odd\"}},\n"
    "         \"publication-date\": " YM("2013", "13") "}]}\n"
    "    ]}\n"
    "  }\n"
    "}\n";

static void test_record(void)
{
  DiagList *diags;
  ModelCv *cv = read_json(record, &diags);
  g_assert_nonnull(cv);
  g_assert_cmpstr(cv->name, ==, "Josie Carr");
  g_assert_cmpuint(cv->groups->len, ==, 2);
  ModelGroup *jobs = group_at(cv, 0);
  g_assert_cmpstr(jobs->key, ==, "jobs");
  g_assert_cmpuint(jobs->entries->len, ==, 3);
  /* role-title, else the department, else the organisation alone. */
  ModelEntry *prof = entry_at(cv, 0, 0);
  g_assert_cmpstr(prof->title, ==, "Professor");
  g_assert_cmpstr(prof->org, ==, "Wes U");
  g_assert_cmpstr(prof->location, ==, "Middletown");
  g_assert_cmpint(period_at(prof, 0)->start, ==, ymd(1930, 2, 28));
  g_assert_true(period_at(prof, 0)->ongoing);
  ModelEntry *phys = entry_at(cv, 0, 1);
  g_assert_cmpstr(phys->title, ==, "Physics");
  g_assert_cmpint(period_at(phys, 0)->start, ==, ymd(1920, 9, 1));
  g_assert_cmpint(period_at(phys, 0)->end, ==, ymd(1929, 12, 31));
  ModelEntry *acme = entry_at(cv, 0, 2);
  g_assert_null(acme->title);
  g_assert_cmpstr(acme->org, ==, "Acme");
  /* Only an end: the span of that date. */
  ModelEntry *ba = entry_at(cv, 1, 0);
  g_assert_cmpint(period_at(ba, 0)->start, ==, ymd(1914, 1, 1));
  g_assert_cmpint(period_at(ba, 0)->end, ==, ymd(1914, 12, 31));
  /* A distinction and one work per group: two milestones. */
  g_assert_cmpuint(cv->milestones->len, ==, 2);
  ModelMilestone *medal = g_ptr_array_index(cv->milestones, 0);
  g_assert_cmpstr(medal->title, ==, "Medal (Society)");
  ModelMilestone *work = g_ptr_array_index(cv->milestones, 1);
  g_assert_cmpstr(work->title, ==, "Cracked Pots (Journal of Psychoceramics 2012)");
  g_assert_cmpstr(work->url, ==, "https://doi.org/10.5555/123");
  g_assert_cmpint(work->precision, ==, DATE_PREC_YEAR);
  /* What was left out, and why. */
  g_assert_cmpuint(diag_error_count(diags), ==, 0);
  gboolean clamped = FALSE, clerk = FALSE, undated = FALSE, odd = FALSE;
  for (guint i = 0; i < diag_len(diags); i++) {
    const char *t = diag_get(diags, i)->text;
    clamped = clamped || strstr(t, "impossible date '1930-02-29': February 1930 has 28 days; "
                                  "read as 1930-02-28") != NULL;
    clerk = clerk || strstr(t, "employment 'Clerk at Nowhere' has no start-date or end-date; "
                               "left out") != NULL;
    undated = undated || strstr(t, "work 'Undated' has no publication-date; left out") != NULL;
    odd = odd || strstr(t, "work 'Odd': the publication-date (year '2013', month '13') is no "
                           "date; left out") != NULL;
  }
  g_assert_true(clamped && clerk && undated && odd);
  g_assert_cmpuint(diag_len(diags), ==, 4);
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_sections_and_items(void)
{
  DiagList *diags;
  /* The /works answer alone. */
  ModelCv *cv = read_json("{\"group\": [{\"work-summary\": [{\"title\": {\"title\": {\"value\": "
                          "\"A\"}}, \"publication-date\": " YMD("2019", "06", "01") "}]}], "
                          "\"path\": \"/0000-0002-1825-0097/works\"}",
                          &diags);
  g_assert_nonnull(cv);
  g_assert_cmpuint(cv->milestones->len, ==, 1);
  g_assert_cmpstr(((ModelMilestone *)g_ptr_array_index(cv->milestones, 0))->title, ==, "A (2019)");
  model_cv_free(cv);
  diag_list_free(diags);
  /* v2.x: summaries straight under the section. */
  cv = read_json("{\"employments\": {\"employment-summary\": [{\"role-title\": \"Analyst\",\n"
                 "  \"start-date\": " Y("2001") ", \"organization\": {\"name\": \"X\"}}]},\n"
                 " \"educations\": {\"education-summary\": []}}",
                 &diags);
  g_assert_nonnull(cv);
  g_assert_cmpstr(entry_at(cv, 0, 0)->title, ==, "Analyst");
  model_cv_free(cv);
  diag_list_free(diags);
  /* One item: /invited-position/PUT-CODE. */
  cv = read_json("{\"path\": \"/0000-0002-1825-0097/invited-position/77\", \"role-title\": "
                 "\"Visitor\", \"start-date\": " YM("2018", "04") ", \"end-date\": " YM("2018", "06")
                 ", \"organization\": {\"name\": \"Inria\"}}",
                 &diags);
  g_assert_nonnull(cv);
  g_assert_cmpstr(group_at(cv, 0)->key, ==, "visiting");
  model_cv_free(cv);
  diag_list_free(diags);
}

static void test_nothing_to_draw(void)
{
  DiagList *diags;
  g_assert_null(read_json("{\"orcid-identifier\": {}, \"person\": {}, \"activities-summary\": "
                          "{\"employments\": {\"affiliation-group\": []}}}",
                          &diags));
  g_assert_cmpuint(diag_error_count(diags), ==, 1);
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "nothing to draw: the record has no dated"));
  diag_list_free(diags);
}

/* A folder of ORCID's download, its files in memory: {path, text} pairs. */
static const char *const download[] = {
    "person.xml",
    "<person:person xmlns:person=\"http://www.orcid.org/ns/person\"><person:name>"
    "<given-names>Ada</given-names><family-name>Byron</family-name></person:name>"
    "</person:person>",
    "activities.xml",
    "<activities:activities-summary xmlns:activities=\"http://www.orcid.org/ns/activities\">"
    "<employments><affiliation-group><employment-summary put-code=\"7\">"
    "<role-title>Analyst</role-title><start-date><year>2001</year></start-date>"
    "<organization><name>X</name></organization></employment-summary></affiliation-group>"
    "</employments></activities:activities-summary>",
    "x/employments/x_employments_7.xml",
    "<employment:employment xmlns:employment=\"http://www.orcid.org/ns/employment\" "
    "put-code=\"7\"><role-title>Analyst</role-title><start-date><year>2001</year></start-date>"
    "<organization><name>X</name></organization></employment:employment>",
    "x/works/x_works_9.xml",
    "<work:work xmlns:work=\"http://www.orcid.org/ns/work\" put-code=\"9\"><title><title>"
    "Paper</title></title><publication-date><year>2005</year></publication-date></work:work>",
    "notes.txt",
    "hello",
    NULL,
};

static ReaderSource *load_member(const char *path, gpointer data, GError **error)
{
  (void)data;
  (void)error;
  for (const char *const *p = download; *p != NULL; p += 2)
    if (g_str_has_suffix(path, p[0]))
      return reader_source_new(path, p[1], strlen(p[1]));
  return NULL;
}

static void test_download(void)
{
  const char *paths[G_N_ELEMENTS(download) / 2 + 1] = {NULL};
  for (gsize i = 0; download[2 * i] != NULL; i++)
    paths[i] = download[2 * i];
  ReaderSource *src = reader_source_new_folder("dl", paths, load_member, NULL);
  g_assert_true(reader_detect(src) == &reader_format_orcid);
  ReaderOptions opts = test_import_options();
  DiagList *diags = diag_list_new();
  ModelCv *cv = reader_read(src, &opts, diags);
  g_assert_nonnull(cv);
  g_assert_cmpstr(cv->name, ==, "Ada Byron");
  /* The employment in the activities and in its own file: one put-code, one entry. */
  g_assert_cmpuint(cv->groups->len, ==, 1);
  g_assert_cmpuint(group_at(cv, 0)->entries->len, ==, 1);
  g_assert_cmpstr(entry_at(cv, 0, 0)->file, ==, "dl/activities.xml");
  g_assert_cmpuint(cv->milestones->len, ==, 1);
  g_assert_cmpuint(diag_len(diags), ==, 1);
  g_assert_cmpstr(diag_get(diags, 0)->file, ==, "dl/notes.txt");
  g_assert_nonnull(strstr(diag_get(diags, 0)->text, "not an ORCID XML file; skipped"));
  model_cv_free(cv);
  diag_list_free(diags);
  reader_source_free(src);
}

static const ReaderFormat *detect(const char *json)
{
  ReaderSource *src = reader_source_new("x.json", json, strlen(json));
  const ReaderFormat *f = reader_detect(src);
  reader_source_free(src);
  return f;
}

static void test_detection(void)
{
  g_assert_true(detect("{\"orcid-identifier\": {}}") == &reader_format_orcid);
  g_assert_true(detect("{\"activities-summary\": {}}") == &reader_format_orcid);
  g_assert_true(detect("{\"group\": [], \"path\": \"/0000-0001-7345-210X/works\"}") ==
                &reader_format_orcid);
  g_assert_true(detect("{\"employments\": {}, \"educations\": {}}") == &reader_format_orcid);
  g_assert_true(detect("{\"affiliation-group\": []}") == &reader_format_orcid);
  g_assert_true(detect("{\"path\": \"/works\"}") == &reader_format_native);
  g_assert_true(detect("{\"basics\": {}, \"work\": []}") == &reader_format_jsonresume);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/orcid/record", test_record);
  g_test_add_func("/orcid/sections-and-items", test_sections_and_items);
  g_test_add_func("/orcid/nothing-to-draw", test_nothing_to_draw);
  g_test_add_func("/orcid/detection", test_detection);
  g_test_add_func("/orcid/download", test_download);
  return g_test_run();
}
