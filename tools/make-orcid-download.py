#!/usr/bin/env python3
"""Writes the test fixture of ORCID's "Download all my data" (Account settings): the
unpacked folder tests/import/orcid-unpacked/ and the same files as
tests/import/orcid-download.zip, in the shape ORCID's v3.0 XML has (one file per
activity, `ID/employments/ID_employments_PUTCODE.xml` as in the public data file, the
person's file, the activities' summary), for an invented researcher. The zip is
byte-reproducible (fixed times, sorted members). Run from anywhere; review the diff.

Usage: python3 tools/make-orcid-download.py
"""
import os
import shutil
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDER = os.path.join(ROOT, "tests", "import", "orcid-unpacked")
ZIP = os.path.join(ROOT, "tests", "import", "orcid-download.zip")
ID = "0000-0002-7316-1648"
NAME = "Ines Varga-Lindqvist"
NS = "http://www.orcid.org/ns/"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
STAMP = "2024-02-11T09:30:00.000Z"


def xmlns(*prefixes):
    return " ".join('xmlns:%s="%s%s"' % (p, NS, p) for p in prefixes)


def source(indent):
    pad = " " * indent
    return (f"{pad}<common:created-date>{STAMP}</common:created-date>\n"
            f"{pad}<common:last-modified-date>{STAMP}</common:last-modified-date>\n"
            f"{pad}<common:source>\n"
            f"{pad}    <common:source-orcid>\n"
            f"{pad}        <common:uri>https://orcid.org/{ID}</common:uri>\n"
            f"{pad}        <common:path>{ID}</common:path>\n"
            f"{pad}        <common:host>orcid.org</common:host>\n"
            f"{pad}    </common:source-orcid>\n"
            f"{pad}    <common:source-name>{NAME}</common:source-name>\n"
            f"{pad}</common:source>\n")


def date(tag, ymd, indent):
    if ymd is None:
        return ""
    pad = " " * indent
    parts = "".join(f"{pad}    <common:{k}>{v}</common:{k}>\n"
                    for k, v in zip(("year", "month", "day"), ymd.split("-")))
    return f"{pad}<common:{tag}>\n{parts}{pad}</common:{tag}>\n"


def affiliation_body(a, indent):
    pad = " " * indent
    out = source(indent)
    if a.get("dept"):
        out += f"{pad}<common:department-name>{a['dept']}</common:department-name>\n"
    if a.get("role"):
        out += f"{pad}<common:role-title>{a['role']}</common:role-title>\n"
    out += date("start-date", a.get("start"), indent) + date("end-date", a.get("end"), indent)
    out += (f"{pad}<common:organization>\n"
            f"{pad}    <common:name>{a['org']}</common:name>\n"
            f"{pad}    <common:address>\n"
            f"{pad}        <common:city>{a['city']}</common:city>\n"
            f"{pad}        <common:country>{a['country']}</common:country>\n"
            f"{pad}    </common:address>\n"
            f"{pad}    <common:disambiguated-organization>\n"
            f"{pad}        <common:disambiguated-organization-identifier>https://ror.org/0ex{a['code']}"
            f"</common:disambiguated-organization-identifier>\n"
            f"{pad}        <common:disambiguation-source>ROR</common:disambiguation-source>\n"
            f"{pad}    </common:disambiguated-organization>\n"
            f"{pad}</common:organization>\n")
    return out


def attrs(kind, code):
    return (f'put-code="{code}" path="/{ID}/{kind}/{code}" visibility="public" '
            f'display-index="0"')


def affiliation_file(kind, a):
    return (HEAD + f'<{kind}:{kind} {xmlns("common", kind)} {attrs(kind, a["code"])}>\n'
            + affiliation_body(a, 4) + f"</{kind}:{kind}>\n")


def work_body(w, tag, indent):
    pad = " " * indent
    out = source(indent)
    out += f"{pad}<{tag}:title>\n{pad}    <common:title>{w['title']}</common:title>\n{pad}</{tag}:title>\n"
    if w.get("journal"):
        out += f"{pad}<{tag}:journal-title>{w['journal']}</{tag}:journal-title>\n"
    out += f"{pad}<{tag}:type>journal-article</{tag}:type>\n"
    out += date("publication-date", w.get("date"), indent)
    out += f"{pad}<common:external-ids>\n"
    if w.get("doi"):
        out += (f"{pad}    <common:external-id>\n"
                f"{pad}        <common:external-id-type>doi</common:external-id-type>\n"
                f"{pad}        <common:external-id-value>{w['doi']}</common:external-id-value>\n"
                f"{pad}        <common:external-id-url>https://doi.org/{w['doi']}</common:external-id-url>\n"
                f"{pad}        <common:external-id-relationship>self</common:external-id-relationship>\n"
                f"{pad}    </common:external-id>\n")
    out += f"{pad}</common:external-ids>\n"
    return out


def work_file(w):
    return (HEAD + f'<work:work {xmlns("common", "work")} {attrs("work", w["code"])}>\n'
            + work_body(w, "work", 4)
            + "    <work:contributors>\n        <work:contributor>\n"
            + f"            <work:credit-name>{NAME}</work:credit-name>\n"
            + "        </work:contributor>\n    </work:contributors>\n</work:work>\n")


EMPLOYMENTS = [
    {"code": 4001, "role": "Postdoctoral researcher", "dept": "Department of Earth Sciences",
     "start": "2016-09", "end": "2019-08", "org": "Uppsala University", "city": "Uppsala",
     "country": "SE"},
    # No role-title: the department says what it was.
    {"code": 4002, "dept": "Centre for Glacier Dynamics", "start": "2019-09", "org":
     "Norwegian Polar Institute", "city": "Tromsø", "country": "NO"},
]
# Only in the activities' summary (activities.xml), not as a file of its own.
SUMMARY_ONLY = {"code": 4003, "role": "Research assistant", "start": "2012-06", "end": "2012-09",
                "org": "Geological Survey of Finland", "city": "Espoo", "country": "FI"}
EDUCATIONS = [
    {"code": 4101, "role": "PhD Glaciology", "start": "2011-09", "end": "2016-06",
     "org": "Stockholm University", "city": "Stockholm", "country": "SE"},
    # The year of completion alone, as many records give a degree.
    {"code": 4102, "role": "MSc Geophysics", "end": "2011", "org": "University of Helsinki",
     "city": "Helsinki", "country": "FI"},
]
OTHERS = [
    ("qualifications", "qualification",
     {"code": 4151, "role": "Certificate in Polar Field Safety", "start": "2017-03",
      "end": "2017-03", "org": "University Centre in Svalbard", "city": "Longyearbyen",
      "country": "NO"}),
    ("invited-positions", "invited-position",
     {"code": 4201, "role": "Visiting scientist", "start": "2018-01", "end": "2018-04",
      "org": "Alfred Wegener Institute", "city": "Bremerhaven", "country": "DE"}),
    ("services", "service",
     {"code": 4301, "role": "Associate editor", "start": "2021-01",
      "org": "Journal of Glacial Studies", "city": "Cambridge", "country": "GB"}),
    ("memberships", "membership",
     {"code": 4351, "role": "Member", "start": "2014",
      "org": "International Glaciological Society", "city": "Cambridge", "country": "GB"}),
    ("distinctions", "distinction",
     {"code": 4401, "role": "Early Career Researcher Award", "start": "2020-11-05",
      "org": "Nordic Geoscience Union", "city": "Oslo", "country": "NO"}),
    # Undated: left out with a warning.
    ("memberships", "membership",
     {"code": 4352, "role": "Member", "org": "Swedish Society for Anthropology and Geography",
      "city": "Stockholm", "country": "SE"}),
]
WORKS = [
    {"code": 5001, "title": "Basal melt beneath fast-flowing outlet glaciers",
     "journal": "Journal of Geophysical Research: Earth Surface", "date": "2018-04-12",
     "doi": "10.5555/jgr.2018.0412"},
    {"code": 5002, "title": "Seasonal velocity of Svalbard tidewater glaciers",
     "journal": "The Cryosphere", "date": "2021"},
    # No publication date: left out with a warning.
    {"code": 5003, "title": "Field notes from Austfonna", "journal": "Polar Record"},
]


def activities_file():
    """The activities' summary: an employment and a work that have files of their own
    too (one put-code: read once), and one employment only here."""
    e, w = EMPLOYMENTS[0], WORKS[0]
    out = HEAD + (f'<activities:activities-summary {xmlns("common", "activities", "employment", "work")} '
                  f'path="/{ID}/activities">\n'
                  f"    <common:last-modified-date>{STAMP}</common:last-modified-date>\n"
                  f'    <activities:employments path="/{ID}/employments">\n')
    for a in (e, SUMMARY_ONLY):
        out += ("        <activities:affiliation-group>\n"
                f"            <common:last-modified-date>{STAMP}</common:last-modified-date>\n"
                "            <common:external-ids/>\n"
                f'            <employment:employment-summary {attrs("employment", a["code"])}>\n'
                + affiliation_body(a, 16)
                + "            </employment:employment-summary>\n"
                "        </activities:affiliation-group>\n")
    out += "    </activities:employments>\n"
    out += (f'    <activities:works path="/{ID}/works">\n'
            "        <activities:group>\n"
            f"            <common:last-modified-date>{STAMP}</common:last-modified-date>\n"
            f'            <work:work-summary {attrs("work", w["code"])}>\n'
            + work_body(w, "work", 16)
            + "            </work:work-summary>\n        </activities:group>\n"
            "    </activities:works>\n</activities:activities-summary>\n")
    return out


def person_file():
    return HEAD + (f'<person:person {xmlns("common", "person", "personal-details", "email", "keyword")} '
                   f'path="/{ID}/person">\n'
                   f"    <common:last-modified-date>{STAMP}</common:last-modified-date>\n"
                   f'    <person:name visibility="public" path="{ID}">\n'
                   f"        <common:created-date>{STAMP}</common:created-date>\n"
                   f"        <common:last-modified-date>{STAMP}</common:last-modified-date>\n"
                   "        <personal-details:given-names>Ines</personal-details:given-names>\n"
                   "        <personal-details:family-name>Varga-Lindqvist</personal-details:family-name>\n"
                   "    </person:name>\n"
                   f'    <email:emails path="/{ID}/email">\n'
                   '        <email:email visibility="private" verified="true" primary="true">\n'
                   "            <email:email>ines.varga@example.org</email:email>\n"
                   "        </email:email>\n    </email:emails>\n"
                   f'    <keyword:keywords path="/{ID}/keywords">\n'
                   '        <keyword:keyword put-code="7001" visibility="public" display-index="0">\n'
                   "            <keyword:content>glaciology</keyword:content>\n"
                   "        </keyword:keyword>\n    </keyword:keywords>\n</person:person>\n")


def peer_review_file():
    """A kind the chart does not draw: skipped with a warning."""
    return HEAD + (f'<peer-review:peer-review {xmlns("common", "peer-review")} '
                   f'{attrs("peer-review", 6001)}>\n' + source(4)
                   + "    <peer-review:reviewer-role>reviewer</peer-review:reviewer-role>\n"
                   "    <peer-review:review-type>review</peer-review:review-type>\n"
                   + date("review-completion-date", "2022-05", 4)
                   + "</peer-review:peer-review>\n")


def files():
    out = {"person.xml": person_file(), f"{ID}/activities.xml": activities_file(),
           "README.txt": "ORCID data of %s, downloaded %s.\n" % (ID, STAMP[:10])}
    for a in EMPLOYMENTS:
        out[f"{ID}/employments/{ID}_employments_{a['code']}.xml"] = affiliation_file("employment", a)
    for a in EDUCATIONS:
        out[f"{ID}/educations/{ID}_educations_{a['code']}.xml"] = affiliation_file("education", a)
    for section, kind, a in OTHERS:
        out[f"{ID}/{section}/{ID}_{section}_{a['code']}.xml"] = affiliation_file(kind, a)
    for w in WORKS:
        out[f"{ID}/works/{ID}_works_{w['code']}.xml"] = work_file(w)
    out[f"{ID}/peer-reviews/{ID}_peer-reviews_6001.xml"] = peer_review_file()
    return out


def main():
    shutil.rmtree(FOLDER, ignore_errors=True)
    written = files()
    with zipfile.ZipFile(ZIP, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(written):
            full = os.path.join(FOLDER, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(written[path])
            info = zipfile.ZipInfo(path, date_time=(2024, 2, 11, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, written[path].encode("utf-8"))


if __name__ == "__main__":
    main()
