#!/usr/bin/env python3
"""One job with 100,000 roles (issue 10, issue "robustness"): it renders in every format,
and costs per role what a small chart costs per role and a job costs per job. The same
from a JSON Resume file, where role merging builds that bar from 100,000 entries at one
employer, and 20,000 entries there that all overlap (each stays a bar of its own). No
timing: the checks are on output sizes and shapes, which a quadratic step (a tooltip
repeating the whole progression, a search over every role per bar) would blow up;
meson's timeout bounds the time (tests/meson.build: a quadratic role merge took minutes
here, and so did text.c cutting a word's glyphs out of the 400,000-word progression
label by a scan from its start). bench/ measures the time and memory.

    run-scale.py PATH/TO/cvtimeline
"""
import datetime
import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import TODAY, Tap, binary_from_argv, describe, png_size, run  # noqa: E402

FORMATS = ("svg", "png", "pdf")
LARGE = 100000


def days(i):
    """The i-th role's span: two days each, one after another from 1800."""
    a = datetime.date(1800, 1, 1) + datetime.timedelta(days=2 * i)
    return a.isoformat(), (a + datetime.timedelta(days=1)).isoformat()


def roles_cv(n):
    lines = ["name: Many roles", "jobs:", "  - org: Big Research", "    roles:"]
    for i in range(n):
        a, b = days(i)
        lines.append("      - {title: Role %d, start: %s, end: %s}" % (i, a, b))
    return "\n".join(lines) + "\n"


def jobs_cv(n):
    lines = ["name: Many jobs", "jobs:"]
    for i in range(n):
        a, b = days(i)
        lines.append("  - {title: Job %d, org: Org, start: %s, end: %s}" % (i, a, b))
    return "\n".join(lines) + "\n"


def bar_tooltips(svg):
    """[(y, tooltip)] of every bar of an SVG: a bar whose tooltip says more than its
    entry's is in a <g> of its own with it; a lone bar that would repeat its entry's
    tooltip is the first shape of the entry's <g> (svg_write.c, write_item)."""
    out = []
    for m in re.finditer(rb'<g(?: data-owner="entry" data-index="\d+")?><title>([^<]*)'
                         rb'</title>\n?<(?:rect|path) ([^>]*)>', svg):
        y = (re.search(rb'\by="([^"]*)"', m.group(2)) or
             re.search(rb'\bd="M[-\d.]+ ([-\d.]+)', m.group(2)))
        out.append((y.group(1) if y else b"", m.group(1)))
    return out


def resume_cv(n, overlapping):
    """A JSON Resume file with @n entries at one employer: one after another (role merging
    makes them one bar), or each starting a day after the last and all overlapping."""
    work = []
    for i in range(n):
        if overlapping:
            a = datetime.date(1800, 1, 1) + datetime.timedelta(days=i)
            span = a.isoformat(), (a + datetime.timedelta(days=100000)).isoformat()
        else:
            span = days(i)
        work.append({"name": "Big Research", "position": "Role %d" % i,
                     "startDate": span[0], "endDate": span[1]})
    return json.dumps({"basics": {"name": "Many roles"}, "work": work}, indent=1) + "\n"


def render(t, exe, tmp, name, text, fmt, ext=".yaml"):
    """Renders @text to @fmt; returns the output's bytes, or None after a failed test."""
    cv = os.path.join(tmp, name + ext)
    if not os.path.exists(cv):
        with open(cv, "w", encoding="utf-8") as f:
            f.write(text)
    out = os.path.join(tmp, name + "." + fmt)
    status, _, err = run([exe, "--today", TODAY, "-o", out, cv], timeout=500)
    if not t.ok(status == 0, "%s renders to %s" % (name, fmt.upper()), describe(status, err)):
        return None
    with open(out, "rb") as f:
        data = f.read()
    os.unlink(out)
    return data


def imports(t, exe, tmp):
    """JSON Resume: 100,000 roles that role merging joins, 20,000 that it keeps apart."""
    for overlapping, n in ((False, LARGE), (True, 20000)):
        kind = "overlapping" if overlapping else "consecutive"
        small = render(t, exe, tmp, "resume-%s-1000" % kind, resume_cv(1000, overlapping),
                       "svg", ".json")
        large = render(t, exe, tmp, "resume-%s-%d" % (kind, n), resume_cv(n, overlapping),
                       "svg", ".json")
        if not (small and large):
            continue
        # Consecutive: one bar of n segments, each tooltip saying which of the n it is;
        # overlapping: n bars of their own, one above another. One tooltip per role.
        tips = bar_tooltips(large)
        t.ok(len(tips) == n, "JSON Resume, %d %s roles: one tooltip per role" % (n, kind),
             "%d tooltips" % len(tips))
        rows = len({y for y, _ in tips})
        of_n = sum(1 for _, tip in tips if b" of %d: " % n in tip)
        want = (n, 0) if overlapping else (1, n)
        t.ok((rows, of_n) == want,
             "JSON Resume, %d %s roles: %s" %
             (n, kind, "as many bars" if overlapping else "one bar of as many segments"),
             "%d rows of bars, %d tooltips naming a segment of %d" % (rows, of_n, n))
        per_small, per_large = len(small) / 1000, len(large) / n
        t.ok(per_large <= 1.25 * per_small,
             "JSON Resume, %s roles: a role costs as many bytes among %d as among 1,000" %
             (kind, n), "%.0f bytes per role at %d, %.0f at 1000" % (per_large, n, per_small))


def progression_not_hidden(t, exe, tmp):
    """The progression label of 100,000 role titles (1.1 MB) is far wider than the page:
    it must be shortened or left out with a warning. Pango's widths are ints of 1/1024
    px; this one wrapped around to 0, so the label "fit" and was drawn whole over
    itself, with no warning (text.c, text_max_chars)."""
    cv = os.path.join(tmp, "roles-%d.yaml" % LARGE)
    status, out, err = run([exe, "--today", TODAY, "--dump-layout", cv], timeout=500)
    shown = re.findall(rb"^    shown: (\w+)$", out, re.M)
    warned = "'Role 0 \u203a Role 1 \u203a" in err
    t.ok(status == 0 and shown == [b"shortened"] and warned,
         "the progression of 100,000 roles is shortened or left out, with a warning",
         "exit %r, shown %r, warned %r" % (status, shown, warned))


def main():
    exe = binary_from_argv()
    t = Tap()
    with tempfile.TemporaryDirectory(prefix="cvt-scale-") as tmp:
        small = {f: render(t, exe, tmp, "roles-1000", roles_cv(1000), f) for f in FORMATS}
        large = {f: render(t, exe, tmp, "roles-%d" % LARGE, roles_cv(LARGE), f) for f in FORMATS}
        jobs = render(t, exe, tmp, "jobs-1000", jobs_cv(1000), "svg")
        if small["svg"] and large["svg"] and jobs:
            per_small = len(small["svg"]) / 1000
            per_large = len(large["svg"]) / LARGE
            per_job = len(jobs) / 1000
            t.ok(per_large <= 1.25 * per_small,
                 "SVG: a role costs as many bytes among 100,000 as among 1,000",
                 "%.0f bytes per role at %d, %.0f at 1000" % (per_large, LARGE, per_small))
            t.ok(per_large <= per_job,
                 "SVG: a role costs no more bytes than a job of its own",
                 "%.0f bytes per role, %.0f per job" % (per_large, per_job))
            # Every tooltip over a bar is bounded by its own role: no whole progression.
            tips = [len(m.group(1)) for m in
                    re.finditer(rb"<g><title>([^<]*)</title><(?:rect|path) ", large["svg"])]
            t.ok(len(tips) == LARGE and max(tips) < 200,
                 "SVG: one tooltip per role segment, none longer than 200 bytes",
                 "%d tooltips, the longest %d bytes" % (len(tips), max(tips) if tips else 0))
        if small["pdf"] and large["pdf"]:
            t.ok(len(large["pdf"]) <= 1.25 * len(small["pdf"]) * LARGE / 1000,
                 "PDF: no more than linear in the roles",
                 "%d bytes at 1000, %d at %d" % (len(small["pdf"]), len(large["pdf"]), LARGE))
        if large["png"]:
            size = png_size(large["png"])
            t.ok(size is not None and size[0] > 0, "PNG: a valid image", repr(size))
        progression_not_hidden(t, exe, tmp)
        imports(t, exe, tmp)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
