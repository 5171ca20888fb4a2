#!/usr/bin/env python3
"""The career summary (doc/summary.md): --summary=json of every example, case and
imported CV validates against doc/schema/summary.schema.json, --summary=yaml is the same
data, the text of the example CV says the hand-checked totals, the output is the same
bytes in every run and locale, --summary writes a chart only with -o, --fail-on-gap
exits 1 or 0 as the gaps say, and wrong values are command-line errors (exit 2).

Usage: python3 tests/run-summary.py PATH/TO/cvtimeline
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import SRC, TODAY, Tap, binary_from_argv, cv_files, describe, run  # noqa: E402

try:
    import jsonschema
except ImportError:  # python3-jsonschema (scripts/test.sh installs it)
    jsonschema = None

EXAMPLE = "data/bruno-magalhaes.yaml"
IMPORTS = ["tests/import/jsonresume-v1.json", "tests/import/jsonresume-legacy.json",
           "tests/import/rendercv.yaml"]


def summary(exe, cv, fmt, extra=()):
    return run([exe, cv, "--summary=" + fmt, "--today", TODAY] + list(extra))


def schema_checks(t, exe):
    with open(os.path.join(SRC, "doc", "schema", "summary.schema.json")) as f:
        schema = json.load(f)
    if jsonschema is None:
        t.skip("JSON summaries validate against the schema", "python3-jsonschema missing")
        return
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    variants = [[], ["--only", "jobs"], ["--from", "2016", "--to", "2020-06"], ["--gap", "0d"]]
    for cv in cv_files() + IMPORTS:
        for extra in variants:
            what = "%s %s" % (cv, " ".join(extra))
            status, out, err = summary(exe, cv, "json", extra)
            if status != 0 and "--only" in extra and "no group 'jobs'" in err:
                continue  # a CV without jobs: --only jobs is rightly refused
            if status != 0 and "nothing to show" in err:
                continue  # the range lies outside this CV
            if not t.ok(status == 0, what + ": --summary=json succeeds", describe(status, err)):
                continue
            try:
                doc = json.loads(out)
            except ValueError as e:
                t.ok(False, what + ": the output is JSON", str(e))
                continue
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
            t.ok(not errors, what + ": the JSON validates against the schema",
                 "\n".join("%s: %s" % (list(e.path), e.message) for e in errors[:5]))
            status, yout, err = summary(exe, cv, "yaml", extra)
            t.ok(status == 0 and yaml.safe_load(yout) == doc,
                 what + ": --summary=yaml holds the same data", describe(status, err))


def example_text(t, exe):
    status, out, err = summary(exe, EXAMPLE, "text")
    text = out.decode("utf-8")
    # The figures of tests/unit/test-summary.c's example test, worked out by hand there.
    for line in ["Bruno Magalhaes: career summary",
                 "Periods still going on are counted to today, 25 Nov 2026.",
                 "Whole CV: 24 y 2 m, Oct 2002 \u2013 today",
                 "  Longest tenure: \u00c9cole Polytechnique F\u00e9d\u00e9rale de Lausanne "
                 "(EPFL), 8 y 6 m",
                 "Experience: 18 y 11 m, Mar 2007 \u2013 today",
                 "  Microsoft Research: 4 y 2 m, Sep 2019 \u2013 Oct 2023 (AI Resident, "
                 "Researcher, Senior Researcher)",
                 "  Synthesia: 3 y 1 m, Nov 2023 \u2013 today",
                 "    Nov 2008 \u2013 Aug 2009 (10 m), after Analyst programmer \u00b7 Investment "
                 "Property Databank, before Junior Architect for IT infrastructures \u00b7 "
                 "Noble Group",
                 "Education: 10 y 2 m, Oct 2002 \u2013 Jun 2019",
                 "    Oct 2009 \u2013 Feb 2015 (5 y 5 m), after MSc Advanced Computing \u00b7 "
                 "Imperial College London, before PhD Computational Neuroscience \u00b7 EPFL",
                 "Visiting: about 2 y 7 m, c. summer 2004 \u2013 summer 2017"]:
        t.ok(status == 0 and line in text.splitlines(), "example text: '%s'" % line,
             describe(status, err) + "\n" + text)
    status, out2, err = summary(exe, EXAMPLE, "text")
    t.ok(out2 == out, "the same text in a second run")
    env = dict(os.environ, LC_ALL="fr_FR.UTF-8")
    for fmt in ["text", "json"]:
        _, a, _ = summary(exe, EXAMPLE, fmt)
        status, b, err = run([exe, EXAMPLE, "--summary=" + fmt, "--today", TODAY], env=env)
        t.ok(status == 0 and a == b, "--summary=%s: the same bytes under fr_FR.UTF-8" % fmt,
             describe(status, err))
    data = open(os.path.join(SRC, EXAMPLE), "rb").read()
    status, out3, err = run([exe, "-", "--summary", "--today", TODAY], input_bytes=data)
    t.ok(status == 0 and out3 == out, "--summary reads standard input without -o",
         describe(status, err))


def output_files(t, exe):
    with tempfile.TemporaryDirectory(prefix="cvt-summary-") as tmp:
        cv = os.path.join(tmp, "cv.yaml")
        shutil.copy(os.path.join(SRC, EXAMPLE), cv)
        status, out, err = run([exe, "cv.yaml", "--summary", "--today", TODAY], cwd=tmp)
        t.ok(status == 0 and out and not os.path.exists(os.path.join(tmp, "cv.svg")),
             "--summary alone writes no chart", describe(status, err))
        status, out, err = run([exe, "cv.yaml", "--summary=json", "--today", TODAY,
                                "-o", "chart.svg"], cwd=tmp)
        t.ok(status == 0 and out.startswith(b"{") and
             os.path.getsize(os.path.join(tmp, "chart.svg")) > 0,
             "--summary with -o prints the summary and writes the chart", describe(status, err))

        # --fail-on-gap: the example's whole CV has no gap; its jobs one of 10 months
        # (Nov 2008 - Aug 2009) before the entry at line 39, column 5.
        cases = [(["--check", "--fail-on-gap=6m"], 0, None),
                 (["--check", "--fail-on-gap=1d"], 0, None),
                 (["--check", "--only", "jobs", "--fail-on-gap=6m"], 1,
                  "cv.yaml:39:5: error: a gap of 10 m (Nov 2008 \u2013 Aug 2009) after "
                  "'Analyst programmer \u00b7 Investment Property Databank' and before 'Junior "
                  "Architect for IT infrastructures \u00b7 Noble Group' is longer than "
                  "--fail-on-gap (6 m)\n"),
                 (["--check", "--only", "jobs", "--fail-on-gap=9m"], 1, None),
                 (["--check", "--only", "jobs", "--fail-on-gap=10m"], 0, None),
                 (["--check", "--only", "jobs", "--fail-on-gap=1y"], 0, None),
                 (["--check", "--only", "education", "--fail-on-gap=5y5m"], 0, None),
                 (["--check", "--only", "education", "--fail-on-gap=5y4m"], 1, None),
                 (["--check", "--only", "education", "--fail-on-gap=1y"], 1, None)]
        for args, want, stderr in cases:
            status, out, err = run([exe, "cv.yaml", "--today", TODAY] + args, cwd=tmp)
            what = " ".join(args)
            t.ok(status == want, "%s: exit %d" % (what, want), describe(status, err))
            if stderr is not None:
                t.ok(err == stderr, "%s: names the gap" % what, err)
        n = err.count("error:")
        t.ok(n == 2, "--only education --fail-on-gap=1y: one message per gap (two)", err)

        # Not only with --check: a failing run writes no chart, a passing one does.
        status, out, err = run([exe, "cv.yaml", "--today", TODAY, "--only", "jobs",
                                "--fail-on-gap=6m", "-o", "failed.svg"], cwd=tmp)
        t.ok(status == 1 and not os.path.exists(os.path.join(tmp, "failed.svg")),
             "--fail-on-gap fails a drawing run before anything is written",
             describe(status, err))
        status, out, err = run([exe, "cv.yaml", "--today", TODAY, "--fail-on-gap=6m",
                                "-o", "passed.svg"], cwd=tmp)
        t.ok(status == 0 and os.path.exists(os.path.join(tmp, "passed.svg")),
             "a drawing run without a long gap writes its chart", describe(status, err))
        status, out, err = run([exe, "cv.yaml", "--today", TODAY, "--summary", "--only",
                                "jobs", "--fail-on-gap=6m"], cwd=tmp)
        t.ok(status == 1 and b"Experience: 18 y 11 m" in out,
             "--summary with a failing --fail-on-gap prints the summary, then fails",
             describe(status, err))


def bad_options(t, exe):
    with tempfile.TemporaryDirectory(prefix="cvt-summary-") as tmp:
        shutil.copy(os.path.join(SRC, EXAMPLE), os.path.join(tmp, "cv.yaml"))
        cases = [(["--summary=xml"], "--summary: unknown format 'xml'"),
                 (["--summary="], "--summary: unknown format ''"),
                 (["--summary", "-o", "-", "--format", "svg"], "--summary prints on standard"),
                 (["--summary", "--gap", "6"], "--gap: '6': expected a number and a unit"),
                 (["--summary", "--gap", "6 months"], "--gap: '6 months'"),
                 (["--fail-on-gap", "-1m"], "--fail-on-gap: '-1m'"),
                 (["--fail-on-gap", "10000y"], "--fail-on-gap: '10000y'")]
        for args, needle in cases:
            status, out, err = run([exe, "cv.yaml"] + args, cwd=tmp)
            t.ok(status == 2 and needle in err and not out, "%s: exit 2" % " ".join(args),
                 describe(status, err))
        t.ok(sorted(os.listdir(tmp)) == ["cv.yaml"], "no wrong command line wrote a file",
             os.listdir(tmp))


def main():
    exe = binary_from_argv()
    t = Tap()
    schema_checks(t, exe)
    example_text(t, exe)
    output_files(t, exe)
    bad_options(t, exe)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
