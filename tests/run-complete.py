#!/usr/bin/env python3
"""The completeness rule and reading order as the issue checks them (doc/layout-dump.md):
the example CV at 800, 1200 and 2400 px in every style shows every title, org, role and
milestone whole, with no ellipsis anywhere; at 1200 px its milestones take at most three
tiers and Experience's five sequential jobs read top to bottom in time; a text that
cannot fit is shortened with a warning naming it, an error under --strict; slides of a
dense and a short CV use at least 90 % of the page's width.

Usage: python3 tests/run-complete.py PATH/TO/cvtimeline
"""
import os
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import (SRC, TODAY, Tap, binary_from_argv, describe, load_checker,  # noqa: E402
                    run)

STYLES = ["default", "dark", "print", "slides", "minimal"]
EXAMPLE = os.path.join(SRC, "data", "bruno-magalhaes.yaml")
ELLIPSIS = "\u2026"


def dump(t, exe, what, args):
    status, out, err = run([exe, "--dump-layout", "--today", TODAY] + args)
    if not t.ok(status == 0, what + ": --dump-layout succeeds", describe(status, err)):
        return None, err
    return yaml.safe_load(out), err


def drawn_texts(d):
    for g in d.get("groups") or []:
        for e in g.get("entries") or []:
            for key in ("label", "org_label", "caption"):
                if isinstance(e.get(key), dict):
                    yield e[key]["text"]
            for b in e.get("bars") or []:
                if b.get("label"):
                    yield b["label"]
    for m in d.get("milestones") or []:
        if isinstance(m.get("label"), dict):
            yield m["label"]["text"]
    for m in d.get("milestone_list") or []:
        yield m["text"]


def example(t, exe, check):
    for style in STYLES:
        for width in ("800", "1200", "2400"):
            what = "example -s %s -W %s" % (style, width)
            d, err = dump(t, exe, what, ["-s", style, "-W", width, EXAMPLE])
            if d is None:
                continue
            problems = check.check_dump(d, strict=True)
            t.ok(not problems, what + ": everything shown whole, lanes in time order",
                 "\n".join(problems[:10]))
            cut = [x for x in drawn_texts(d) if ELLIPSIS in x]
            t.ok(not cut and "warning" not in err, what + ": no ellipsis, no warning",
                 "\n".join(cut) + err)
    d, _ = dump(t, exe, "example at 1200", ["-W", "1200", EXAMPLE])
    if d is None:
        return
    jobs = next(g for g in d["groups"] if g["key"] == "jobs")
    roles = {b["role"] for e in jobs["entries"] for b in e["bars"] if b.get("role")}
    named = " ".join(drawn_texts(d))
    t.ok(len(roles) == 6 and all(r in named for r in roles),
         "example at 1200: every role of MSR and EPFL is named", repr(sorted(roles)))
    starts = sorted((e["bars"][0]["start"], e["lane"]) for e in jobs["entries"])
    lanes = [lane for _, lane in starts]
    t.ok(lanes == sorted(lanes) and jobs["lanes"] <= len(jobs["entries"]),
         "example at 1200: the five jobs read top to bottom in time, a lane each at most",
         repr(starts))
    tiers = {}
    for m in d["milestones"]:
        if m.get("half"):
            tiers[m["half"]] = max(tiers.get(m["half"], 0), m["tier"] + 1)
    t.ok(all(v <= 3 for v in tiers.values()) and not d.get("milestone_list"),
         "example at 1200: milestones in at most 3 tiers, none listed", repr(tiers))


def shortened(t, exe):
    with tempfile.TemporaryDirectory(prefix="cvt-complete-") as tmp:
        cv = os.path.join(tmp, "long.yaml")
        with open(cv, "w", encoding="utf-8") as f:
            f.write("jobs:\n  - title: \"%s\"\n    org: Acme\n    start: 2010-01\n"
                    "    end: 2012-01\n" % ("A very long job title " * 12).strip())
        args = ["--today", TODAY, "-W", "600", cv]
        status, _, err = run([exe, "--check"] + args)
        t.ok(status == 0 and "warning:" in err and "is shortened to" in err and ":2:5:" in err,
             "a label that cannot fit whole is shortened, with a warning at its entry",
             describe(status, err))
        status, _, err = run([exe, "--check", "--strict"] + args)
        t.ok(status == 1 and "error:" in err and "is shortened to" in err,
             "--strict makes the shortened label an error", describe(status, err))


def slides_width(t, exe):
    for name in ("dense", "short"):
        d, _ = dump(t, exe, "slides " + name,
                    ["-s", "slides", os.path.join(SRC, "data", name + ".yaml")])
        if d is None:
            continue
        xs = []
        for g in d["groups"]:
            for e in g["entries"]:
                for b in e["bars"]:
                    xs += [b["x"], b["x"] + b["w"]]
                for key in ("label", "org_label", "caption"):
                    if isinstance(e.get(key), dict):
                        xs += [e[key]["x"], e[key]["x"] + e[key]["w"]]
            if isinstance(g.get("label"), dict):
                xs += [g["label"]["x"]]
        used = (max(xs) - min(xs)) / d["width"] if xs else 0
        t.ok(used >= 0.9, "slides: %s's content uses %.0f %% of the page's width" % (name, used * 100),
             "from %s to %s of %s" % (min(xs), max(xs), d["width"]))


def main():
    exe = binary_from_argv()
    check = load_checker()
    t = Tap()
    example(t, exe, check)
    shortened(t, exe)
    slides_width(t, exe)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
