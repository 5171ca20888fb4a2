#!/usr/bin/env python3
"""One job with 100,000 roles (issue 10, issue "robustness"): it renders in every format,
and costs per role what a small chart costs per role and a job costs per job. No timing:
the checks are on output sizes, which a quadratic step (a tooltip repeating the whole
progression, a search over every role per bar) would blow up; meson's timeout bounds the
time. bench/ measures the time and memory.

    run-scale.py PATH/TO/cvtimeline
"""
import datetime
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


def render(t, exe, tmp, name, text, fmt):
    """Renders @text to @fmt; returns the output's bytes, or None after a failed test."""
    cv = os.path.join(tmp, name + ".yaml")
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
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
