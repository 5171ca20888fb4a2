#!/usr/bin/env python3
"""User text as every output carries it (readctx_text, strutil_clean_text) and the one URL
policy (readctx_link), through the built binary, for each input format:
- a name, headline, titles, orgs, locations, notes, roles, milestones and group names
  holding Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0, U+1FFFE), bidi controls (U+202E,
  U+2066), C0 and C1 controls and U+2028 render to SVG, PNG and PDF (exit 0), and none of
  those characters reaches the SVG (its <title>, <desc>, tooltips, text), the PDF's Title
  and Author (pdfinfo), --dump-layout or --alt-text;
- a url that is not http, https or mailto, or holds a space or a control character, is a
  warning naming it, at its position, and becomes no link (SVG <a>, PDF /URI); --strict
  makes it an error.

Usage: python3 tests/run-text.py PATH/TO/cvtimeline
"""
import os
import re
import shutil
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import TODAY, Tap, binary_from_argv, describe, run  # noqa: E402

# Each escaped for YAML and JSON strings alike.
BAD = "\\uFFFE\\uFFFF\\uFDD0\\U0001FFFE\\u202E\\u2066\\u0007\\u0085\\u2028"
# As JSON has no \U escape: U+1FFFE as its surrogate pair.
BAD_JSON = BAD.replace("\\U0001FFFE", "\\uD83F\\uDFFE")


def is_bad(cp):
    """A character no output may carry (strutil_clean_text drops or spaces it)."""
    return ((0x202A <= cp <= 0x202E) or (0x2066 <= cp <= 0x2069) or (0xFDD0 <= cp <= 0xFDEF)
            or (cp & 0xFFFE) == 0xFFFE or cp < 0x09 or 0x0B <= cp <= 0x0C or 0x0E <= cp < 0x20
            or 0x7F <= cp <= 0x9F or cp in (0x2028, 0x2029))


def bad_in(text):
    """The bad characters of @text, also those written as XML character references."""
    found = [c for c in text if is_bad(ord(c))]
    for m in re.finditer(r"&#(x[0-9a-fA-F]+|[0-9]+);", text):
        v = m.group(1)
        cp = int(v[1:], 16) if v[0] == "x" else int(v)
        if is_bad(cp):
            found.append(m.group(0))
    return ["U+%04X" % ord(c) if len(c) == 1 else c for c in found]


def strings(node):
    """Every string in a parsed YAML document (keys too)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from strings(k)
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)


NATIVE = """\
name: "Ada {b}Lovelace"
headline: "Head{b}line"
jobs:
  - title: "Engineer{b}"
    org: "gnp{b}.exe"
    location: "Zurich{b}"
    note: "note {b}gnp.exe"
    start: 2015
    end: 2019
  - org: "Big{b}"
    roles:
      - {{title: "Resident{b}", start: 2016-09, end: 2017-12}}
      - {{title: "Researcher{b}", start: 2018-01, end: 2018-12}}
groups:
  "Side{b}":
    - {{title: "Side job{b}", start: 2012, end: 2013}}
milestones:
  - {{date: 2020-05, title: "Paper{b}", note: "n{b}"}}
"""

JSONRESUME = """\
{{"basics": {{"name": "Ada {b}Lovelace", "label": "Head{b}line"}},
 "work": [{{"name": "gnp{b}.exe", "position": "Engineer{b}", "location": "Zurich{b}",
           "startDate": "2015", "endDate": "2019"}}],
 "awards": [{{"title": "Prize{b}", "date": "2020-05"}}]}}
"""

RENDERCV = """\
cv:
  name: "Ada {b}Lovelace"
  headline: "Head{b}line"
  sections:
    "Side{b}":
      - {{name: "Project{b}", start_date: 2012, end_date: 2013}}
    experience:
      - {{company: "gnp{b}.exe", position: "Engineer **{b}**", start_date: 2015, end_date: 2019}}
    publications:
      - {{title: "Paper{b}", date: 2020-05}}
"""

LINKS = """\
name: Links
jobs:
  - {title: Web, start: 2010, end: 2011, url: "https://example.org/ok"}
  - {title: Mail, start: 2011, end: 2012, url: "MAILTO:ada@example.org"}
  - {title: Script, start: 2012, end: 2013, url: "javascript:alert(1)"}
  - {title: File, start: 2013, end: 2014, url: "file:///etc/passwd"}
  - {title: Space, start: 2014, end: 2015, url: "https://example.org/a b"}
  - {title: Bell, start: 2015, end: 2016, url: "https://example.org/a\\u0007b"}
  - {title: Bidi, start: 2016, end: 2017, url: "https://example.org/\\u202Egnp.exe"}
  - {title: Bare, start: 2017, end: 2018, url: "https://"}
milestones:
  - {date: 2019, title: Data, url: "data:text/html,<script>"}
"""

LINK_WARNINGS = [
    "links.yaml:5:50: warning: url 'javascript:alert(1)' is not http, https or mailto: not linked",
    "links.yaml:6:48: warning: url 'file:///etc/passwd' is not http, https or mailto: not linked",
    "links.yaml:7:49: warning: url 'https://example.org/a b' has a space or a control character: "
    "not linked",
    "links.yaml:8:48: warning: url 'https://example.org/a\\x07b' has a space or a control "
    "character: not linked",
    "links.yaml:9:48: warning: url 'https://example.org/\\u202Egnp.exe' has a space or a control "
    "character: not linked",
    "links.yaml:10:48: warning: url 'https://' is not http, https or mailto: not linked",
    "links.yaml:12:36: warning: url 'data:text/html,<script>' is not http, https or mailto: not "
    "linked",
]

RENDERCV_LINKS = """\
cv:
  name: Links
  sections:
    experience:
      - {company: "[Acme](javascript:x)", position: Dev, start_date: 2015, end_date: 2016}
      - {company: "[Good](https://good.example)", position: Dev, start_date: 2017, end_date: 2018}
    publications:
      - {title: Paper, date: 2020, doi: "10.1000/a b"}
      - {title: Other, date: 2021, doi: "10.1000/ok"}
"""

RENDERCV_LINK_WARNINGS = [
    "rcv.yaml:5:19: warning: url 'javascript:x' is not http, https or mailto: not linked",
    "rcv.yaml:8:41: warning: url 'https://doi.org/10.1000/a b' has a space or a control "
    "character: not linked",
]


def check_clean(t, exe, tmp, name, text):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    for fmt in ("svg", "png", "pdf"):
        out = os.path.join(tmp, "out." + fmt)
        status, _, err = run([exe, path, "--today", TODAY, "-o", out])
        t.ok(status == 0 and os.path.getsize(out) > 0,
             "%s with noncharacters and controls renders to %s" % (name, fmt.upper()),
             describe(status, err))
    with open(os.path.join(tmp, "out.svg"), encoding="utf-8") as f:
        svg = f.read()
    t.ok("<title" in svg and not bad_in(svg),
         "%s: no noncharacter, bidi or control character in the SVG (title, desc, tooltips, text)"
         % name, repr(bad_in(svg)[:20]))
    status, out, err = run([exe, path, "--today", TODAY, "--dump-layout"])
    dumped = list(strings(yaml.safe_load(out.decode("utf-8")))) if status == 0 else []
    bad = [s for s in dumped if bad_in(s)]
    t.ok(status == 0 and dumped and not bad, "%s: none in --dump-layout" % name,
         describe(status, err) + repr(bad[:5]))
    status, out, err = run([exe, path, "--today", TODAY, "--alt-text"])
    alt = out.decode("utf-8")
    t.ok(status == 0 and "Ada Lovelace" in alt.replace("  ", " ") and not bad_in(alt),
         "%s: none in --alt-text, and the name reads whole" % name,
         describe(status, err) + repr(bad_in(alt)) + "\n" + alt[:300])
    if shutil.which("pdfinfo") is None:
        t.skip("%s: PDF Title and Author are clean" % name, "no pdfinfo")
        return
    status, info, err = run(["pdfinfo", os.path.join(tmp, "out.pdf")])
    info = info.decode("utf-8", "replace")
    meta = [l for l in info.splitlines() if l.startswith(("Title:", "Author:"))]
    t.ok(status == 0 and len(meta) == 2 and all("Ada Lovelace" in l.replace("  ", " ")
                                                and not bad_in(l) for l in meta),
         "%s: PDF Title and Author are the clean name (pdfinfo)" % name, info + err)


def check_links(t, exe, tmp, name, text, warnings, good, bad):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    status, _, err = run([exe, name, "--check"], cwd=tmp)
    got = [l for l in err.splitlines() if l]
    t.ok(status == 0 and got == warnings,
         "%s: each refused url is one warning at its position, naming it" % name,
         describe(status, err) + "\nwanted:\n" + "\n".join(warnings))
    status, _, err = run([exe, path, "--check", "--strict"], cwd=tmp)
    t.ok(status == 1, "%s: --strict makes a refused url an error" % name, describe(status, err))
    svg = os.path.join(tmp, "links.svg")
    status, _, err = run([exe, path, "--today", TODAY, "-o", svg], cwd=tmp)
    with open(svg, encoding="utf-8") as f:
        data = f.read()
    hrefs = re.findall(r'<a [^>]*href="([^"]*)"', data)
    t.ok(status == 0 and sorted(hrefs) == sorted(good),
         "%s: SVG links exactly the accepted urls" % name, describe(status, err) + repr(hrefs))
    pdf = os.path.join(tmp, "links.pdf")
    status, _, err = run([exe, path, "--today", TODAY, "-o", pdf], cwd=tmp)
    with open(pdf, "rb") as f:
        raw = f.read()
    uris = [u.decode("latin-1") for u in re.findall(rb"/URI\s*\(([^)]*)\)", raw)]
    t.ok(status == 0 and len(uris) == len(good) and not any(b in u for u in uris for b in bad),
         "%s: PDF links exactly the accepted urls" % name, describe(status, err) + repr(uris))


def main():
    exe = binary_from_argv()
    t = Tap()
    with tempfile.TemporaryDirectory(prefix="cvt-text-") as tmp:
        check_clean(t, exe, tmp, "native.yaml", NATIVE.format(b=BAD))
        check_clean(t, exe, tmp, "resume.json", JSONRESUME.format(b=BAD_JSON))
        check_clean(t, exe, tmp, "rendercv.yaml", RENDERCV.format(b=BAD))
        check_links(t, exe, tmp, "links.yaml", LINKS, LINK_WARNINGS,
                    ["https://example.org/ok", "MAILTO:ada@example.org"],
                    ["javascript", "file:", "a b", "data:", "gnp"])
        check_links(t, exe, tmp, "rcv.yaml", RENDERCV_LINKS, RENDERCV_LINK_WARNINGS,
                    ["https://good.example", "https://doi.org/10.1000/ok"],
                    ["javascript", "a b"])
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
