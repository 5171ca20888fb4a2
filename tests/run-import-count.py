#!/usr/bin/env python3
"""Every dated entry drawn (issue 13, "How it will be checked"): for each JSON Resume and
RenderCV file under tests/import, and for ORCID's download (its .zip and the folder), the dated entries and milestones are counted in the
source, independently of cvtimeline (a small reader of each schema here), and compared
with what `cvtimeline --dump-layout` draws: every dated source entry must be drawn (as
a bar, a role segment of a merged bar, or a milestone), or be named by a warning that
says it is left out ("not drawn", "skipped", "left out"), and nothing else may be drawn.

Usage: python3 tests/run-import-count.py PATH/TO/cvtimeline
"""
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import (COUNTED_BY_IMPORT_COUNT, SRC, TODAY, Tap, binary_from_argv,  # noqa: E402
                    describe, import_files, run)


class Node:
    """A value with the 1-based lines where it starts and ends in its file."""

    def __init__(self, value, line, end_line):
        self.value, self.line, self.end_line = value, line, end_line

    def get(self, key):
        """The value Node of @key in a mapping Node, or None."""
        if isinstance(self.value, dict):
            return self.value.get(key)
        return None


def from_yaml(node):
    """PyYAML's composed node (marks as libyaml gives them) as Nodes."""
    line, end = node.start_mark.line + 1, node.end_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return Node({k.value: from_yaml(v) for k, v in node.value}, line, end)
    if isinstance(node, yaml.SequenceNode):
        return Node([from_yaml(v) for v in node.value], line, end)
    null = node.style is None and node.value in ("", "~", "null", "Null", "NULL")
    return Node(None if null else node.value, line, end)


class JsonReader:
    """A small JSON reader that keeps lines (json does not); for well-formed files."""

    def __init__(self, text):
        self.t, self.i, self.line = text.lstrip("\ufeff"), 0, 1

    def ws(self):
        while self.i < len(self.t) and self.t[self.i] in " \t\r\n":
            self.line += self.t[self.i] == "\n"
            self.i += 1

    def value(self):
        self.ws()
        start, c = self.line, self.t[self.i]
        if c == "{":
            self.i += 1
            out = {}
            self.ws()
            while self.t[self.i] != "}":
                key = self.value().value
                self.ws()
                self.i += 1  # ':'
                out[key] = self.value()  # a duplicate key: the last wins, as in JSON
                self.ws()
                if self.t[self.i] == ",":
                    self.i += 1
                    self.ws()
            self.i += 1
            return Node(out, start, self.line)
        if c == "[":
            self.i += 1
            out = []
            self.ws()
            while self.t[self.i] != "]":
                out.append(self.value())
                self.ws()
                if self.t[self.i] == ",":
                    self.i += 1
                    self.ws()
            self.i += 1
            return Node(out, start, self.line)
        if c == '"':
            j = self.i + 1
            while self.t[j] != '"':
                j += 2 if self.t[j] == "\\" else 1
            raw = self.t[self.i:j + 1]
            self.i = j + 1
            return Node(yaml.safe_load(raw) if "\\" in raw else raw[1:-1], start, start)
        m = re.compile(r"-?[0-9.eE+-]+|true|false|null").match(self.t, self.i)
        self.i = m.end()
        return Node(None if m.group() == "null" else m.group(), start, start)


def text(node):
    """The text of a scalar Node, stripped; '' for absent, null or not a scalar."""
    if node is None or node.value is None or isinstance(node.value, (dict, list)):
        return ""
    return str(node.value).strip()


def jsonresume_items(root):
    """(dated entries, dated milestones) of a JSON Resume file, as Nodes."""
    entries, milestones = [], []
    for section in ("work", "education", "volunteer", "projects"):
        for item in (root.get(section).value if root.get(section) else None) or []:
            if isinstance(item.value, dict) and text(item.get("startDate")):
                entries.append(item)
    for section, titles, dates in (("awards", ("title", "name"), ("date", "awardDate")),
                                   ("certificates", ("name", "title"), ("date",)),
                                   ("publications", ("name", "title"), ("releaseDate", "date"))):
        for item in (root.get(section).value if root.get(section) else None) or []:
            if (isinstance(item.value, dict) and any(text(item.get(k)) for k in titles)
                    and any(text(item.get(k)) for k in dates)):
                milestones.append(item)
    return entries, milestones


OLD_SECTIONS = {"education", "experience", "work_experience", "projects", "academic_projects",
                "university_projects", "personal_projects", "publications", "certificates",
                "extracurricular_activities", "test_scores", "programming_skills", "skills",
                "other_skills", "awards", "interests"}


def rendercv_items(root):
    """(dated entries, dated milestones) of a RenderCV file (0.5 to 2.x), as Nodes."""
    cv = root.get("cv")
    lists = []
    for key, value in cv.value.items():
        if key == "sections" and isinstance(value.value, dict):
            lists += list(value.value.values())
        elif key in OLD_SECTIONS:
            lists.append(value)
        elif key == "custom_sections":
            lists += [s.get("entries") for s in value.value or [] if s.get("entries")]
    entries, milestones = [], []
    for section in lists:
        for item in section.value if isinstance(section.value, list) else []:
            keys = item.value if isinstance(item.value, dict) else None
            if keys is None or {"bullet", "number", "reversed_number"} & set(keys):
                continue  # text, bullet and numbered entries
            if "label" in keys and "details" in keys:
                continue  # one-line entries (RenderCV 1.x and later): no dates
            if "title" in keys and not {"company", "institution", "name"} & set(keys):
                if text(item.get("date")):
                    milestones.append(item)
                continue
            end = text(item.get("end_date"))
            if text(item.get("date")) or text(item.get("start_date")) or (end and end != "present"):
                entries.append(item)
    return entries, milestones


def read_source(path):
    with open(path, encoding="utf-8") as f:
        data = f.read()
    if data.lstrip("\ufeff \t\r\n")[:1] in "{[":
        return JsonReader(data).value()
    return from_yaml(yaml.compose(data))


def drawn(dump):
    """(how many source entries are drawn, the source lines of the unmerged ones, how
    many milestones)."""
    count, lines = 0, []
    for group in dump.get("groups") or []:
        for entry in group.get("entries") or []:
            roles = [b for b in entry.get("bars") or [] if "role" in b]
            if roles:
                count += len(roles)  # a merged bar: one segment per role
            else:
                count += 1
                lines.append(entry["source"]["line"])
    return count, lines, len(dump.get("milestones") or [])


LEFT_OUT = re.compile(r"^[^:]+:(\d+):\d+: warning: (.*(not drawn|skipped|left out).*)$")


ORCID_NS = "{http://www.orcid.org/ns/"
# The activities drawn, by element (an activity's own file, or its summary in a record):
# True for a bar, False for a milestone.
ORCID_DRAWN = {"employment": True, "education": True, "qualification": True,
               "invited-position": True, "membership": True, "service": True,
               "funding": True, "distinction": False, "work": False}


def orcid_members(path):
    """{member path: bytes} of a download, a .zip or a folder."""
    import zipfile
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            return {n: z.read(n) for n in z.namelist() if not n.endswith("/")}
    out = {}
    for d, _, names in os.walk(path):
        for n in names:
            full = os.path.join(d, n)
            with open(full, "rb") as f:
                out[os.path.relpath(full, path)] = f.read()
    return out


def orcid_download_counts(members):
    """(dated bars, dated milestones, undated, skipped members) of ORCID's download, read
    with ElementTree: every activity once by its kind and put-code, wherever it is (its
    own file or a summary in the record); dated by its start or end (a work by its
    publication date). Members that are no ORCID XML of a kind drawn are skipped."""
    import xml.etree.ElementTree as ET
    seen, bars, milestones, undated, skipped = set(), 0, 0, 0, []
    for name, data in sorted(members.items()):
        try:
            root = ET.fromstring(data)
        except ET.ParseError:
            skipped.append(name)
            continue
        if not root.tag.startswith(ORCID_NS):
            skipped.append(name)
            continue
        local = root.tag.split("}")[1]
        items = [e for e in root.iter()
                 if e.tag.split("}")[-1].replace("-summary", "") in ORCID_DRAWN
                 and e.tag.startswith(ORCID_NS) and e.get("put-code")]
        if not items and local not in ("person", "record", "activities-summary"):
            skipped.append(name)
        for e in items:
            kind = e.tag.split("}")[-1].replace("-summary", "")
            if (kind, e.get("put-code")) in seen:
                continue
            seen.add((kind, e.get("put-code")))
            dates = ["publication-date"] if kind == "work" else ["start-date", "end-date"]
            if not any(e.find(ORCID_NS + "common}" + d) is not None for d in dates):
                undated += 1
            elif ORCID_DRAWN[kind]:
                bars += 1
            else:
                milestones += 1
    return bars, milestones, undated, skipped


def orcid_download(t, exe):
    for rel in ["tests/import/orcid-download.zip", "tests/import/orcid-unpacked"]:
        bars, milestones, undated, skipped = orcid_download_counts(
            orcid_members(os.path.join(SRC, rel)))
        status, out, err = run([exe, "--dump-layout", "--today", TODAY, rel])
        if not t.ok(status == 0, "%s: --dump-layout succeeds" % rel, describe(status, err)):
            continue
        n_drawn, _, n_milestones = drawn(yaml.safe_load(out))
        t.ok((n_drawn, n_milestones) == (bars, milestones),
             "%s: every dated activity drawn once (%d bars, %d milestones)"
             % (rel, bars, milestones), "drawn %d bars, %d milestones" % (n_drawn, n_milestones))
        left_out = [l for l in err.splitlines() if l.endswith("left out")]
        t.ok(len(left_out) == undated, "%s: a warning for each of the %d undated activities"
             % (rel, undated), err)
        named = [m for m in skipped if "%s/%s: " % (rel, m) in err or "%s/%s:2:1: " % (rel, m) in err]
        t.ok(named == skipped and err.count("skipped") == len(skipped),
             "%s: each of the %d other members skipped with a warning naming it"
             % (rel, len(skipped)), "skipped: %s\n%s" % (skipped, err))


def main():
    exe = binary_from_argv()
    t = Tap()
    orcid_download(t, exe)
    folder = os.path.join(SRC, "tests", "import")
    names = sorted(f for f in os.listdir(folder) if f.endswith((".json", ".yaml")))
    for name in names:
        rel = "tests/import/" + name
        root = read_source(os.path.join(SRC, rel))
        keys = root.value if isinstance(root.value, dict) else {}
        if "cv" in keys:
            entries, milestones = rendercv_items(root)
        elif "basics" in keys or "work" in keys or isinstance(
                (keys.get("bio") or Node(None, 0, 0)).value, dict):
            entries, milestones = jsonresume_items(root)
        else:
            t.ok(name not in COUNTED_BY_IMPORT_COUNT, "%s: counted here or by run-import.py" % rel,
                 "cvtest.COUNTED_BY_IMPORT_COUNT names it, but it is neither JSON Resume nor "
                 "RenderCV")
            continue
        status, out, err = run([exe, "--dump-layout", "--today", TODAY, rel])
        if not t.ok(status == 0, "%s: --dump-layout succeeds" % rel, describe(status, err)):
            continue
        n_drawn, lines, n_milestones = drawn(yaml.safe_load(out))
        items = entries + milestones
        # A warning about an entry lies within the entry's lines (at the entry or a field).
        left_out = {}
        for line in err.splitlines():
            m = LEFT_OUT.match(line)
            if not m:
                continue
            at = int(m.group(1))
            owner = [i for i in items if i.line <= at <= i.end_line]
            if owner:
                left_out.setdefault(id(owner[-1]), (owner[-1], m.group(2)))
        starts = {i.line for i in entries}
        t.ok(all(line in starts for line in lines),
             "%s: every bar drawn is a dated entry of the source" % rel,
             "drawn at lines %s; dated entries at %s" % (sorted(lines), sorted(starts)))
        doubled = [i.line for i, _ in left_out.values() if i.line in lines]
        t.ok(not doubled, "%s: no entry both drawn and said to be left out" % rel,
             "lines %s" % doubled)
        want = len(items) - len(left_out)
        t.ok(n_drawn + n_milestones == want,
             "%s: %d dated entries and milestones in the source, %d named as left out, "
             "%d drawn" % (rel, len(items), len(left_out), n_drawn + n_milestones),
             "drawn %d entries and %d milestones; the source has %d dated entries and %d "
             "dated milestones, and %d are named in warnings as left out:\n%s"
             % (n_drawn, n_milestones, len(entries), len(milestones), len(left_out),
                "\n".join("line %d: %s" % (i.line, w) for i, w in left_out.values())))
    present = {os.path.basename(rel) for rel in import_files()}
    stale = sorted(COUNTED_BY_IMPORT_COUNT - present)
    t.ok(not stale, "every fixture cvtest.COUNTED_BY_IMPORT_COUNT names exists", "missing: %s" % stale)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
