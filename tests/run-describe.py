#!/usr/bin/env python3
"""Words for people (issue 10, describe.c): the alt text (--alt-text, the SVG's <desc>)
and the SVG's tooltips keep each date at the precision the CV gave it, for native, JSON
Resume and RenderCV CVs with year, month and day dates, seasons, academic years,
approximate dates and ongoing ones; a role segment's tooltip names its neighbours, not
the whole progression; --summary words each span as the tooltips do, in every language;
the career summary's marks (a gap's band, a group's total) are worded too, in the chart's
language.

    run-describe.py PATH/TO/cvtimeline
"""
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import TODAY, Tap, binary_from_argv, describe, run  # noqa: E402

SVG_NS = "{http://www.w3.org/2000/svg}"

NATIVE = """name: Precision Test
jobs:
  - {title: Engineer, org: Acme, start: 2010, end: Aug 2016}
  - {title: Lead, org: Acme, start: 2020-01, end: present}
  - {title: Contractor, org: Beta, start: 2017-03-03, end: 2017-03-14}
  - {title: Intern, org: IBM, date: summer 2015}
  - {title: Assistant, org: Library, start: ~2003, end: c. 2005}
  - org: Big Research
    roles:
      - {title: Resident, start: 2011-09, end: 2012-08}
      - {title: Researcher, start: 2012-09, end: 2014}
      - {title: Director, start: 2015, end: 2016-06-30}
education:
  - {title: MSc, org: Uni, periods: [2005/06, 2007/2008]}
milestones:
  - {title: Prize, date: 2019-01}
  - {title: Paper, date: ~2009}
  - {title: Fest, date: winter 2014}
"""

JSONRESUME = """{"basics": {"name": "JR Test"},
 "work": [
  {"name": "Acme", "position": "Engineer", "startDate": "2010", "endDate": "2016-08"},
  {"name": "Beta", "position": "Lead", "startDate": "2020-01"},
  {"name": "Gamma", "position": "Contractor", "startDate": "2017-03-03", "endDate": "2017-03-14"},
  {"name": "Delta", "position": "Fellow", "startDate": "~2004", "endDate": "summer 2006"},
  {"name": "Omega", "position": "Analyst", "startDate": "2012", "endDate": "2014"},
  {"name": "Omega", "position": "Manager", "startDate": "2014-02", "endDate": "2015-05"}
 ],
 "volunteer": [{"organization": "Club", "position": "Helper", "startDate": "c. 2001",
                "endDate": "~2002-05"}],
 "awards": [{"title": "Prize", "date": "2019-01"}, {"title": "Medal", "date": "2012"}]
}
"""

RENDERCV = """cv:
  name: RCV Test
  sections:
    experience:
      - {company: Acme, position: Engineer, start_date: "2010", end_date: 2016-08}
      - {company: Beta, position: Lead, start_date: 2020-01, end_date: present}
      - {company: Gamma, position: Contractor, start_date: 2017-03-03, end_date: 2017-03-14}
      - {company: Delta, position: TA, date: "2005/06"}
      - {company: Epsilon, position: Fellow, start_date: "~2004", end_date: "summer 2006"}
      - {company: Zeta, position: Intern, date: "summer 2015"}
      - {company: Eta, position: Helper, start_date: "c. 2009-05", end_date: "2010"}
    publications:
      - {title: A paper, authors: [Me], date: 2019-01}
"""

# (file name, text, what the alt text says, what some tooltip says)
CASES = [
    ("native.yaml", NATIVE,
     ["Engineer, Acme, 2010 to Aug 2016", "Lead, Acme, Jan 2020 to present",
      "Contractor, Beta, 3 to 14 Mar 2017", "Intern, IBM, summer 2015",
      "Assistant, Library, about 2003 to about 2005",
      "Resident Sep 2011 to Aug 2012; Researcher Sep 2012 to 2014; Director 2015 to 30 Jun 2016",
      "MSc, Uni, 2005/06 and 2007/08", "Prize, Jan 2019", "Paper, about 2009", "Fest, winter 2014"],
     ["Engineer, Acme\n2010 to Aug 2016", "Intern, IBM\nsummer 2015",
      "Researcher, Big Research\nSep 2012 to 2014\nRole 2 of 3: after Resident, before Director",
      "Prize\nJan 2019", "Paper\nabout 2009", "MSc, Uni\n2005/06"]),
    ("jsonresume.json", JSONRESUME,
     ["Engineer, Acme, 2010 to Aug 2016", "Lead, Beta, Jan 2020 to present",
      "Contractor, Gamma, 3 to 14 Mar 2017", "Fellow, Delta, about 2004 to summer 2006",
      "Medal, 2012", "Prize, Jan 2019", "Helper, Club, about 2001 to about May 2002",
      # A role "2012 to 2014" trimmed to end before the next one's February 2014 (a
      # warning says so) ends in January, as drawn, not in "2014", which it overlaps.
      "Omega (Analyst 2012 to Jan 2014; Manager Feb 2014 to May 2015)"],
     ["Engineer, Acme\n2010 to Aug 2016", "Lead, Beta\nJan 2020 to present", "Prize\nJan 2019",
      "Analyst, Omega\n2012 to Jan 2014\nRole 1 of 2: before Manager"]),
    ("rendercv.yaml", RENDERCV,
     ["Engineer, Acme, 2010 to Aug 2016", "Lead, Beta, Jan 2020 to present",
      "Contractor, Gamma, 3 to 14 Mar 2017", "TA, Delta, 2005/06", "A paper, Jan 2019",
      "Fellow, Epsilon, about 2004 to summer 2006", "Intern, Zeta, summer 2015",
      "Helper, Eta, about May 2009 to 2010"],
     ["Engineer, Acme\n2010 to Aug 2016", "TA, Delta\n2005/06", "A paper\nJan 2019",
      "Intern, Zeta\nsummer 2015", "Helper, Eta\nabout May 2009 to 2010"]),
]


def tooltips(svg):
    """Every tooltip: the <title> of each item's group and of each bar (not the root's)."""
    root = ET.fromstring(svg)
    return [t.text or "" for g in root.iter(SVG_NS + "g") for t in g.findall(SVG_NS + "title")]


def check_case(t, exe, tmp, name, text, alt_want, tip_want):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    status, out, err = run([exe, "--today", TODAY, "--alt-text", path])
    alt = out.decode("utf-8", "replace")
    missing = [w for w in alt_want if w not in alt]
    t.ok(status == 0 and not missing, "%s: the alt text keeps each date's precision" % name,
         describe(status, err) + "\nmissing: %r\nalt text:\n%s" % (missing, alt))
    svg_path = os.path.join(tmp, name + ".svg")
    status, _, err = run([exe, "--today", TODAY, "-o", svg_path, path])
    if not t.ok(status == 0, "%s: renders to SVG" % name, describe(status, err)):
        return
    svg = open(svg_path, "rb").read()
    tips = tooltips(svg)
    missing = [w for w in tip_want if not any(w in tip for tip in tips)]
    t.ok(not missing, "%s: the tooltips keep each date's precision" % name,
         "missing: %r\ntooltips: %r" % (missing, tips))
    desc = ET.fromstring(svg).find(SVG_NS + "desc")
    clean = re.sub(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", "", alt).strip()
    t.ok(desc is not None and desc.text == clean, "%s: the SVG's <desc> is the alt text" % name)


def roles_cv(n):
    lines = ["name: Roles", "jobs:", "  - org: Big Research", "    roles:"]
    for i in range(n):
        lines.append("      - {title: Role %d, start: %04d-01, end: %04d-12}" % (i, 1100 + i, 1100 + i))
    return "\n".join(lines) + "\n"


def check_bounded(t, exe, tmp):
    """A role segment's tooltip names its neighbours: its size does not grow with the
    number of roles."""
    sizes = {}
    for n in (10, 400):
        path = os.path.join(tmp, "roles%d.yaml" % n)
        with open(path, "w", encoding="utf-8") as f:
            f.write(roles_cv(n))
        out = path + ".svg"
        status, _, err = run([exe, "--today", TODAY, "-o", out, path])
        if not t.ok(status == 0, "%d roles render" % n, describe(status, err)):
            return
        tips = [tip for tip in tooltips(open(out, "rb").read()) if tip.startswith("Role 5, ")]
        sizes[n] = max(len(tip) for tip in tips) if tips else None
        t.ok(tips and "Role 6 of %d: after Role 4, before Role 6" % n in tips[0]
             and "Role 7" not in tips[0],
             "%d roles: a segment's tooltip names its place and neighbours only" % n, repr(tips))
    if sizes.get(10) and sizes.get(400):
        t.ok(sizes[400] <= sizes[10] + 2, "a segment's tooltip does not grow with the roles",
             repr(sizes))


SAME = """name: Same Words
jobs:
  - {title: T0, org: O0, start: 2010, end: Aug 2016}
  - {title: T1, org: O1, start: 2020-01, end: present}
  - {title: T2, org: O2, start: 2017-03-03, end: 2017-03-14}
  - {title: T3, org: O3, date: summer 2015}
  - {title: T4, org: O4, start: ~2003, end: c. 2005}
  - {title: T5, org: O5, start: 2019-05-01, end: 2019-06}
visiting:
  - {title: T6, org: O6, periods: [2005/06]}
  - {title: T7, org: O7, start: winter 2007, end: ~2008-11-20}
"""


def check_same_wording(t, exe, tmp):
    """A span reads the same in a tooltip and in --summary (one module words both): each
    entry's one-period tooltip ends in its span, and its organisation's summary line ends
    in the same words, in each language."""
    path = os.path.join(tmp, "same.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(SAME)
    for lang in ("en", "de", "fr", "pl", "tr", "zh", "ja"):
        svg_path = os.path.join(tmp, "same-%s.svg" % lang)
        status, _, err = run([exe, "--today", TODAY, "--lang", lang, "-o", svg_path, path])
        if not t.ok(status == 0, "--lang %s: renders" % lang, describe(status, err)):
            continue
        spans = {}
        for tip in tooltips(open(svg_path, "rb").read()):
            lines = tip.split("\n")
            if len(lines) == 2 and lines[0].startswith("T"):
                spans[lines[0][1]] = lines[1]
        status, out, err = run([exe, "--today", TODAY, "--lang", lang, "--summary=text", path])
        text = out.decode("utf-8", "replace").splitlines()
        differ = []
        for i in "01234567":
            line = next((ln for ln in text if ln.startswith("  O%s" % i)), None)
            if i not in spans or line is None or not line.endswith(spans[i]):
                differ.append((spans.get(i), line))
        t.ok(status == 0 and not differ,
             "--lang %s: --summary words each span as its tooltip does" % lang,
             describe(status, err) + "\n%r" % differ)


GAPS = """name: Marks Test
jobs:
  - {title: A, org: Acme, start: 2010-01, end: 2012-12}
  - {title: B, org: Beta, start: 2014-01, end: 2015-12}
"""


def check_summary_marks(t, exe, tmp):
    """The career summary on the chart has words too: the band's tooltip names the gap's
    dates and length, the alt text the total and the gaps; --gap chooses the gaps marked
    as it chooses those listed, and a --set gaps.min after it wins."""
    path = os.path.join(tmp, "gaps.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(GAPS)
    on = ["--set", "group.total=true", "--set", "gaps.show=true"]
    gap = "Gap: Jan 2013 to Dec 2013 (1 y)"
    for extra, marked in (([], True), (["--gap", "1y"], False), (["--gap", "11m"], True),
                          (["--gap", "1y", "--set", "gaps.min=11m"], True)):
        svg_path = os.path.join(tmp, "gaps.svg")
        cmd = [exe, "--today", TODAY, "-o", svg_path] + on + extra + [path]
        status, _, err = run(cmd)
        if not t.ok(status == 0, "gaps %s: renders to SVG" % " ".join(extra), describe(status, err)):
            continue
        tips = tooltips(open(svg_path, "rb").read())
        t.ok((gap in tips) == marked, "gaps %s: the band's tooltip is %s" % (
            " ".join(extra), "there" if marked else "not there (a gap of 12 months is not longer "
            "than 1y)"), repr(tips))
    status, out, err = run([exe, "--today", TODAY, "--alt-text"] + on + [path])
    alt = out.decode("utf-8", "replace")
    t.ok(status == 0 and "Experience (5 y): " in alt and "Gaps: Jan 2013 to Dec 2013 (1 y)."
         in alt, "the alt text names the total and the gap the chart shows", alt)
    status, out, err = run([exe, "--today", TODAY, "--alt-text", path])
    alt = out.decode("utf-8", "replace")
    t.ok(status == 0 and "Gap" not in alt and "(5 y)" not in alt,
         "without the style keys the alt text says neither", alt)
    # In the chart's language, with its punctuation: the total, the gap's dates and length.
    for lang, tip, alt_want, total in (
            ("de", "L\u00fccke: Jan. 2013 bis Dez. 2013 (1 J.)",
             ["Berufserfahrung (5 J.): ", ". L\u00fccken: Jan. 2013 bis Dez. 2013 (1 J.).\n"],
             "5 J."),
            ("ja", "\u7a7a\u767d\u671f\u9593\uff1a2013\u5e741\u6708\uff5e2013\u5e7412\u6708"
             "\uff081\u5e74\uff09",
             ["\u8077\u6b74\uff085\u5e74\uff09\uff1a",
              "\u3002\u7a7a\u767d\u671f\u9593\uff1a2013\u5e741\u6708\uff5e2013\u5e7412\u6708"
              "\uff081\u5e74\uff09\u3002\n"], "5\u5e74")):
        svg_path = os.path.join(tmp, "gaps-%s.svg" % lang)
        status, _, err = run([exe, "--today", TODAY, "--lang", lang, "-o", svg_path] + on + [path])
        tips = tooltips(open(svg_path, "rb").read()) if status == 0 else []
        t.ok(tip in tips, "--lang %s: the band's tooltip is in the language" % lang,
             describe(status, err) + "\n%r" % tips)
        status, out, err = run([exe, "--today", TODAY, "--lang", lang, "--alt-text"] + on + [path])
        alt = out.decode("utf-8", "replace")
        t.ok(status == 0 and all(w in alt for w in alt_want),
             "--lang %s: the alt text's total and gaps are in the language" % lang, alt)
        status, out, err = run([exe, "--today", TODAY, "--lang", lang, "--dump-layout"] + on +
                               [path])
        t.ok(status == 0 and ('total: {text: "%s"' % total) in out.decode("utf-8", "replace"),
             "--lang %s: the total drawn is in the language" % lang, describe(status, err))


def main():
    exe = binary_from_argv()
    t = Tap()
    with tempfile.TemporaryDirectory(prefix="cvt-describe-") as tmp:
        for name, text, alt_want, tip_want in CASES:
            check_case(t, exe, tmp, name, text, alt_want, tip_want)
        check_bounded(t, exe, tmp)
        check_same_wording(t, exe, tmp)
        check_summary_marks(t, exe, tmp)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
