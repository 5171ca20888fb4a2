#!/usr/bin/env python3
"""Imports through the command line (doc/importing.md): every dated entry of each
fixture under tests/import is drawn (counted against the source, with the format's own
parser here: Python's csv and zipfile), the warnings name each entry left out; several
files make one chart titled by the first with a name; folders, zip archives and standard
input; the default output's name; what is refused.

Usage: python3 tests/run-import.py PATH/TO/cvtimeline
"""
import csv
import io
import json
import os
import re
import shutil
import sys
import tempfile
import zipfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import (COUNTED_BY_IMPORT_COUNT, SRC, TODAY, Tap, binary_from_argv,  # noqa: E402
                    describe, import_files, run)

IMPORT = os.path.join(SRC, "tests", "import")

# LinkedIn: the files read, the column that dates a row, and whether a row is a bar.
LINKEDIN = {
    "Positions.csv": (["Started On", "Start Date"], True),
    "Education.csv": (["Start Date", "Started On"], True),
    "Volunteering.csv": (["Started On", "Start Date"], True),
    "Projects.csv": (["Started On", "Start Date"], True),
    "Certifications.csv": (["Started On"], False),
    "Honors.csv": (["Issued On"], False),
    "Publications.csv": (["Published On"], False),
}


def dump_of(t, exe, args, what):
    status, out, err = run([exe, "--dump-layout", "--today", TODAY] + args)
    if not t.ok(status == 0, what + ": --dump-layout succeeds", describe(status, err)):
        return None, err
    return yaml.safe_load(out), err


def drawn(dump):
    """(bars and role segments, milestones) in a dump: one per dated source entry."""
    bars = 0
    for g in dump.get("groups") or []:
        for e in g.get("entries") or []:
            bars += len(e.get("bars") or [])
    return bars, len(dump.get("milestones") or [])


def linkedin_rows(files):
    """(dated bar rows, dated milestone rows, undated rows) of an export given as
    {name: text}, read with Python's csv module."""
    bars = milestones = undated = 0
    for name, text in files.items():
        base = name.rsplit("/", 1)[-1]
        if base not in LINKEDIN:
            continue
        columns, is_bar = LINKEDIN[base]
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
        for row in rows:
            if not any((v or "").strip() for v in row.values()):
                continue
            key = next((c for c in columns if c in row), None)
            if key is None or not (row.get(key) or "").strip():
                undated += 1
            elif is_bar:
                bars += 1
            else:
                milestones += 1
    return bars, milestones, undated


def read_export(path):
    if os.path.isdir(path):
        out = {}
        for name in sorted(os.listdir(path)):
            with open(os.path.join(path, name), encoding="utf-8", newline="") as f:
                out[name] = f.read()
        return out
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            return {n: z.read(n).decode("utf-8") for n in z.namelist() if not n.endswith("/")}
    with open(path, encoding="utf-8", newline="") as f:
        return {"Positions.csv": f.read()}


COUNTED = set()  # the fixtures counted here, for every_fixture_counted


def check_counts(t, exe, rel, counts):
    """Draws @rel and compares with @counts (the fixture's dated bars, dated milestones and
    undated entries, as read here): every dated entry drawn, a warning for each other."""
    COUNTED.add(os.path.basename(rel))
    dump, err = dump_of(t, exe, [rel], rel)
    if dump is None:
        return
    bars, milestones, undated = counts
    got = drawn(dump)
    t.ok(got == (bars, milestones), "%s: every dated entry is drawn (%d bars, %d milestones)"
         % (rel, bars, milestones), "drawn: %d bars, %d milestones" % got)
    left_out = [l for l in err.splitlines() if "left out" in l]
    t.ok(len(left_out) == undated, "%s: a warning for each of the %d undated entries"
         % (rel, undated), err)


def counted_against_source(t, exe):
    for name in ["linkedin", "linkedin-export.zip", "linkedin-positions.csv"]:
        rel = "tests/import/" + name
        check_counts(t, exe, rel, linkedin_rows(read_export(os.path.join(SRC, rel))))


ORCID_SECTIONS = ["employments", "educations", "qualifications", "invited-positions",
                  "distinctions", "memberships", "services"]
ORCID_MILESTONES = {"distinction-summary"}


def orcid_counts(doc):
    """(dated bars, dated milestones, undated) of an ORCID answer, read with json: one
    affiliation or work per group, as ORCID shows them."""
    acts = doc.get("activities-summary", doc)
    bars = milestones = undated = 0
    for name in ORCID_SECTIONS:
        section = acts.get(name) or {}
        items = []
        for g in section.get("affiliation-group") or []:
            s = (g.get("summaries") or [{}])[0]
            items += list(s.items())[:1]
        for key, value in section.items():
            if key.endswith("-summary"):
                items += [(key, v) for v in value]
        for key, item in items:
            if not (item.get("start-date") or item.get("end-date")):
                undated += 1
            elif key in ORCID_MILESTONES:
                milestones += 1
            else:
                bars += 1
    for g in (acts.get("fundings") or {}).get("group") or []:
        f = (g.get("funding-summary") or [{}])[0]
        if f.get("start-date") or f.get("end-date"):
            bars += 1
        else:
            undated += 1
    for g in (acts.get("works") or {}).get("group") or []:
        w = (g.get("work-summary") or [{}])[0]
        if w.get("publication-date"):
            milestones += 1
        else:
            undated += 1
    return bars, milestones, undated


def json_summaries(node):
    """How many KIND-summary items (not activities-summary) a JSON answer holds."""
    if isinstance(node, list):
        return sum(json_summaries(v) for v in node)
    if not isinstance(node, dict):
        return 0
    n = 0
    for k, v in node.items():
        if k.endswith("-summary") and k != "activities-summary" and v is not None:
            n += len(v) if isinstance(v, list) else 1
        n += json_summaries(v)
    return n


# The XML answers of the public API, written in the shape ORCID's XML has for the same
# record as the JSON beside them.
ORCID_XML_TWINS = {"orcid-xml-record.xml": "orcid-record.json",
                   "orcid-xml-works.xml": "orcid-works.json"}


def orcid_counted(t, exe):
    counts = {}
    for name in ["orcid-record.json", "orcid-works.json", "orcid-activities-v2.json"]:
        rel = "tests/import/" + name
        with open(os.path.join(SRC, rel), encoding="utf-8") as f:
            doc = json.load(f)
        if "group" in doc and "activities-summary" not in doc:
            doc = {"works": doc}
        counts[name] = orcid_counts(doc)
        check_counts(t, exe, rel, counts[name])
    import xml.etree.ElementTree as ET
    for name, twin in ORCID_XML_TWINS.items():
        rel = "tests/import/" + name
        tree = ET.parse(os.path.join(SRC, rel))
        summaries = [e for e in tree.iter() if e.tag.endswith("-summary")
                     and e.tag.split("}")[-1] != "activities-summary"]
        with open(os.path.join(SRC, "tests/import/" + twin), encoding="utf-8") as f:
            in_json = json_summaries(json.load(f))
        t.ok(len(summaries) == in_json > 0, "%s: the XML holds the summaries of %s (%d, %d)"
             % (rel, twin, len(summaries), in_json))
        check_counts(t, exe, rel, counts[twin])
        a, _ = dump_of(t, exe, [rel], rel)
        b, _ = dump_of(t, exe, ["tests/import/" + twin], twin)
        if a and b:
            labels = lambda d: ([e.get("full_label") for g in d.get("groups") or []
                                 for e in g.get("entries") or []],
                                [m.get("title") for m in d.get("milestones") or []])
            t.ok(labels(a) == labels(b), "%s: the same chart as %s" % (rel, twin),
                 "%s\n%s" % (labels(a), labels(b)))
    # Broken XML is an error at its place.
    status, _, err = run([exe, "--check", "-"], input_bytes=b'<?xml version="1.0"?>\n'
                         b'<record:record xmlns:record="http://www.orcid.org/ns/record">\n'
                         b'  <common:year>2019</record:record>\n')
    t.ok(status == 1 and err.startswith("<stdin>:3:") and "error:" in err,
         "ORCID XML that does not parse: exit 1, an error at its line", describe(status, err))


def orcid_download_errors(t, exe):
    """ORCID's download: what goes wrong in one member is said at that member's place."""
    members = {}
    with zipfile.ZipFile(os.path.join(IMPORT, "orcid-download.zip")) as z:
        for n in z.namelist():
            members[n] = z.read(n)
    work = next(n for n in members if n.endswith("_works_5001.xml"))
    person = members["person.xml"]

    def zip_of(path, files):
        with zipfile.ZipFile(path, "w") as z:
            for name, data in files.items():
                z.writestr(name, data)

    with tempfile.TemporaryDirectory(prefix="cvt-orcid-") as tmp:
        broken = dict(members)
        broken[work] = members[work].replace(b"</work:title>", b"</work:titel>", 1)
        zip_of(os.path.join(tmp, "broken.zip"), broken)
        status, _, err = run([exe, "--check", "broken.zip"], cwd=tmp)
        t.ok(status == 1 and re.search(r"^broken\.zip/%s:\d+:\d+: error: " % re.escape(work),
                                       err, re.M),
             "a member that does not parse: exit 1, an error at ARCHIVE/PATH:LINE:COLUMN",
             describe(status, err))
        zip_of(os.path.join(tmp, "person-only.zip"), {"person.xml": person})
        status, _, err = run([exe, "--check", "person-only.zip"], cwd=tmp)
        t.ok(status == 1 and "person-only.zip: error: nothing to draw: no ORCID XML file in the "
             "archive with dated employments" in err,
             "a download with only the person: exit 1, nothing to draw", describe(status, err))
        zip_of(os.path.join(tmp, "other.zip"), {"notes.xml": b"<notes><a>1</a></notes>\n",
                                                 "README.txt": b"hello\n"})
        status, _, err = run([exe, "--check", "other.zip"], cwd=tmp)
        t.ok(status == 1 and "other.zip: error: no CV found in the archive: expected" in err
             and "ORCID's download" in err,
             "a zip of XML that is not ORCID's is claimed by no format", describe(status, err))
        with open(os.path.join(tmp, "work.xml"), "wb") as f:
            f.write(members[work])
        dump, err = dump_of(t, exe, [os.path.join(tmp, "work.xml")], "a single work:work file")
        t.ok(dump is not None and len(dump.get("milestones") or []) == 1,
             "a single work:work file: one milestone", err)
        # The download given twice in one zip (re-downloaded into one folder): read once.
        twice = dict(members)
        twice.update({"again/" + n: d for n, d in members.items() if n.endswith(".xml")})
        # What macOS's archiver adds is no member of the user's: no warning.
        twice["__MACOSX/._person.xml"] = b"\x00\x05\x16\x07"
        twice["._README.txt"] = b"\x00\x05\x16\x07"
        zip_of(os.path.join(tmp, "twice.zip"), twice)
        a, _ = dump_of(t, exe, [os.path.join(tmp, "twice.zip")], "a download twice in one zip")
        b, _ = dump_of(t, exe, [os.path.join(IMPORT, "orcid-download.zip")], "the download")
        if a and b:
            count = lambda d: (sum(len(g.get("entries") or []) for g in d.get("groups") or []),
                               len(d.get("milestones") or []))
            t.ok(count(a) == count(b), "every activity of one put-code is drawn once",
                 "%s, %s" % (count(a), count(b)))
        status, _, err = run([exe, "--check", "--today", TODAY, "twice.zip"], cwd=tmp)
        t.ok(status == 0 and "MACOSX" not in err and "._README" not in err
             and err.count("skipped") == 3,
             "an archiver's litter is passed over in silence; the other members are named",
             describe(status, err))


def bibtex_entries(text):
    """(dated entries, undated) of a .bib file, counted without btparse: each @type{ that
    is not @string/@comment/@preamble/@proceedings is one publication; one with a
    four-digit year or a date is dated."""
    import re
    dated = undated = 0
    for m in re.finditer(r"@(\w+)\s*[{(]", text):
        kind = m.group(1).lower()
        if kind in ("string", "comment", "preamble", "proceedings"):
            continue
        rest = text[m.end():]
        nxt = re.search(r"\n@\w+\s*[{(]", rest)
        body = rest[:nxt.start()] if nxt else rest
        year = re.search(r"\b(year|date)\s*=\s*[{\"]?\s*(\d{4})", body, re.I)
        if year or re.search(r"crossref\s*=", body, re.I):
            dated += 1
        else:
            undated += 1
    return dated, undated


def bibtex_counted(t, exe):
    rel = "tests/import/bibtex-publications.bib"
    with open(os.path.join(SRC, rel), encoding="utf-8") as f:
        dated, undated = bibtex_entries(f.read())
    check_counts(t, exe, rel, (0, dated, undated))
    status, out, err = run([exe, "--dump-layout", "--today", TODAY,
                            "tests/import/native-with-bibtex.yaml"])
    milestones = len((yaml.safe_load(out) or {}).get("milestones") or []) if status == 0 else -1
    COUNTED.add("native-with-bibtex.yaml")
    t.ok(milestones == dated + 1, "milestones: {from: FILE} adds the file's %d to the CV's own 1"
         % dated, describe(status, err))
    status, out, err = run([exe, "--alt-text", "--today", TODAY, "data/short.yaml", rel])
    t.ok(status == 0 and b"(Nature Geoscience 2017)" in out,
         "a CV and a .bib on the command line: one chart", describe(status, err))


FRESH_GROUPS = [("employment", True), ("education", True), ("service", True),
                ("affiliation", True), ("governance", False), ("projects", False),
                ("extracurricular", False)]
FRESH_MILESTONES = ["writing", "recognition", "speaking", "samples"]


def fresh_counts(doc):
    """(dated bars, dated milestones, undated) of a FRESH résumé."""
    bars = milestones = undated = 0
    for key, history in FRESH_GROUPS:
        items = doc.get(key) or ({} if history else [])
        items = (items.get("history") or []) if history else items
        for item in items:
            if item.get("start"):
                bars += 1
            else:
                undated += 1
    for key in FRESH_MILESTONES:
        for item in doc.get(key) or []:
            if item.get("date"):
                milestones += 1
            else:
                undated += 1
    return bars, milestones, undated


def fresh_counted(t, exe):
    for name in ["fresh-resume.json", "fresh-yaml.yaml"]:
        rel = "tests/import/" + name
        with open(os.path.join(SRC, rel), encoding="utf-8") as f:
            check_counts(t, exe, rel, fresh_counts(yaml.safe_load(f)))


def several_files(t, exe):
    li = "tests/import/linkedin/"
    dump, _ = dump_of(t, exe, [li + "Positions.csv", li + "Education.csv"], "two CSV files")
    if dump:
        names = [g["name"] for g in dump.get("groups") or []]
        t.ok(names == ["Experience", "Education"], "two CSV files: both groups, in file order",
             str(names))
        status, out, err = run([exe, "--alt-text", "--today", TODAY, li + "Positions.csv",
                                li + "Education.csv"])
        t.ok(out.startswith(b"Career timeline"), "two CSV files: no name, no title",
             describe(status, err) + out.decode())
    files = [li + "Positions.csv", li + "Profile.csv", li + "Honors.csv"]
    status, out, err = run([exe, "--alt-text", "--today", TODAY] + files)
    text = out.decode("utf-8", "replace")
    t.ok(status == 0 and text.startswith("Rosa Quill, Data engineer"),
         "the title is that of the first file with a name", describe(status, err) + text)
    t.ok("Best Paper Award" in text, "milestones of a later file are drawn", text)
    # The same Positions twice by two names is refused; once with --milestones taking
    # only the milestones of a file.
    status, _, err = run([exe, "--check", li + "Positions.csv", "./" + li + "Positions.csv"])
    t.ok(status == 2 and "given twice" in err, "a file given twice: exit 2",
         describe(status, err))
    # A message about an entry of the second file names that file and its line.
    with tempfile.TemporaryDirectory(prefix="cvt-import-") as tmp:
        for name, rows in [("a.csv", "A,X,Jan 2010,Dec 2011\n"), ("b.csv", "\n\nB,Y,Jan 2015,Dec 2016\n")]:
            with open(os.path.join(tmp, name), "w") as f:
                f.write("Company Name,Title,Started On,Finished On\n" + rows)
        status, _, err = run([exe, "--check", "--today", TODAY, "--fail-on-gap=1y", "a.csv", "b.csv"],
                             cwd=tmp)
        t.ok(status == 1 and "b.csv:4:1: error: a gap of 3 y" in err,
             "a gap before an entry of the second file is reported in that file", describe(status, err))
    dump, _ = dump_of(t, exe, ["data/short.yaml", "--milestones", li + "Positions.csv",
                               "--milestones", li + "Honors.csv"], "--milestones")
    if dump:
        groups = [g["name"] for g in dump.get("groups") or []]
        t.ok("Experience" in groups and len(dump.get("milestones") or []) >= 1,
             "--milestones: the file's milestones, not its groups", str(groups))
        exp = [g for g in dump["groups"] if g["name"] == "Experience"][0]
        orgs = [e.get("org") for e in exp.get("entries") or []]
        t.ok("Lumen Analytics" not in orgs, "--milestones: no entries of that file", str(orgs))


def inputs(t, exe):
    li = os.path.join(IMPORT, "linkedin")
    with open(os.path.join(li, "Positions.csv"), "rb") as f:
        positions = f.read()
    status, out, err = run([exe, "--dump-layout", "--today", TODAY, "-"], input_bytes=positions)
    t.ok(status == 0 and b"Lumen Analytics" in out, "a CSV on standard input, known by its header",
         describe(status, err))
    status, out, err = run([exe, "--dump-layout", "--today", TODAY, "-",
                            "tests/import/linkedin/Education.csv"], input_bytes=positions)
    t.ok(status == 0 and b"INSA Lyon" in out and b"Lumen" in out,
         "standard input beside a file", describe(status, err))
    with tempfile.TemporaryDirectory(prefix="cvt-import-") as tmp:
        export = os.path.join(tmp, "export")
        shutil.copytree(li, export)
        status, _, err = run([exe, "--today", TODAY, "export/"], cwd=tmp)
        t.ok(status == 0 and os.path.exists(os.path.join(tmp, "export.svg")),
             "a folder writes FOLDER.svg beside it", describe(status, err) + str(os.listdir(tmp)))
        zip_path = os.path.join(tmp, "LinkedInDataExport.zip")
        shutil.copy(os.path.join(IMPORT, "linkedin-export.zip"), zip_path)
        status, _, err = run([exe, "--today", TODAY, "LinkedInDataExport.zip", "-o", "z.png"],
                             cwd=tmp)
        t.ok(status == 0 and os.path.getsize(os.path.join(tmp, "z.png")) > 0,
             "a zip archive is read as it was downloaded", describe(status, err))
        t.ok("LinkedInDataExport.zip/Positions.csv:6:3: warning: 'Volunteer translator at Open "
             "Docs Project' has no start date; left out" in err,
             "a message in an archive names the member, the row's line", err)
        # A machine without libarchive, which is opened only to read an archive
        # (CVT_TEST_LIBARCHIVE, a test hook, names one that is not there): the archive is
        # an error naming what is missing; its folder is read as ever.
        env = dict(os.environ, CVT_TEST_LIBARCHIVE="libcvt-test-absent.so.0")
        status, _, err = run([exe, "--check", "LinkedInDataExport.zip"], cwd=tmp, env=env)
        t.ok(status == 1 and err == "LinkedInDataExport.zip: error: zip archives need libarchive "
             "(libcvt-test-absent.so.0): cannot open shared object file: No such file or "
             "directory\n", "without libarchive, an archive is one error naming it",
             describe(status, err))
        status, _, err = run([exe, "--check", "export/"], cwd=tmp, env=env)
        t.ok(status == 0, "without libarchive, the export's folder is read",
             describe(status, err))
        empty = os.path.join(tmp, "empty")
        os.mkdir(empty)
        with open(os.path.join(empty, "notes.txt"), "w") as f:
            f.write("hello\n")
        status, _, err = run([exe, "--check", "empty"], cwd=tmp)
        t.ok(status == 1 and "empty: error: no CV found in the folder: expected a LinkedIn" in err,
             "a folder that holds no CV: exit 1, saying what was looked for",
             describe(status, err))
        status, _, err = run([exe, "--check", "--input-format", "native", "export"], cwd=tmp)
        t.ok(status == 1 and "is a folder" in err, "a folder given to the native format",
             describe(status, err))
        with open(os.path.join(tmp, "Honors.csv"), "w") as f:
            f.write("Title,Description,Issued On\nPrize,,\n")
        status, _, err = run([exe, "--check", "Honors.csv"], cwd=tmp)
        t.ok(status == 1 and "nothing to draw: no dated rows in Positions.csv" in err
             and "'Prize' has no date; left out" in err,
             "an export with nothing to draw: exit 1, naming the files looked for",
             describe(status, err))


def every_fixture_counted(t):
    names = {os.path.basename(rel) for rel in import_files()}
    missing = sorted(names - COUNTED - COUNTED_BY_IMPORT_COUNT)
    t.ok(not missing, "every fixture under tests/import is counted against its source, here or "
         "in run-import-count.py", "counted by neither: %s" % missing)


def main():
    exe = binary_from_argv()
    t = Tap()
    counted_against_source(t, exe)
    orcid_counted(t, exe)
    orcid_download_errors(t, exe)
    bibtex_counted(t, exe)
    fresh_counted(t, exe)
    several_files(t, exe)
    inputs(t, exe)
    every_fixture_counted(t)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
