#!/usr/bin/env python3
"""The career summary (doc/summary.md): --summary=json of every example, case and
imported CV validates against doc/schema/summary.schema.json, --summary=yaml is the same
data, the text of the example CV says the hand-checked totals, in English, German and
Japanese (from --lang or the CV's `language:`) while the JSON stays the same in every
language, the output is the same bytes in every run and locale, --summary writes a chart only with -o, --fail-on-gap
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
                 "Whole CV: 24 y 2 m, Oct 2002 to present",
                 "  Longest tenure: \u00c9cole Polytechnique F\u00e9d\u00e9rale de Lausanne "
                 "(EPFL), 8 y 6 m",
                 "Experience: 18 y 11 m, Mar 2007 to present",
                 "  Microsoft Research: 4 y 2 m, Sep 2019 to Oct 2023 (AI Resident, "
                 "Researcher, Senior Researcher)",
                 "  Synthesia: 3 y 1 m, Nov 2023 to present",
                 "    Nov 2008 to Aug 2009 (10 m), after Analyst programmer \u00b7 Investment "
                 "Property Databank, before Junior Architect for IT infrastructures \u00b7 "
                 "Noble Group",
                 "Education: 10 y 2 m, Oct 2002 to Jun 2019",
                 "    Oct 2009 to Feb 2015 (5 y 5 m), after MSc Advanced Computing \u00b7 "
                 "Imperial College London, before PhD Computational Neuroscience \u00b7 EPFL",
                 "Visiting: about 2 y 7 m, about summer 2004 to summer 2017"]:
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


def languages(t, exe):
    """The text in the chart's language, with the same numbers; the JSON the same in every
    language but for the groups' display names."""
    expect = {
        "de": ["Bruno Magalhaes: \u00dcbersicht des Werdegangs",
               "Noch laufende Zeitr\u00e4ume z\u00e4hlen bis heute, 25. Nov. 2026.",
               "Gesamter Lebenslauf: 24 J. 2 Mon., Okt. 2002 bis heute",
               "Berufserfahrung: 18 J. 11 Mon., M\u00e4rz 2007 bis heute",
               "  Synthesia: 3 J. 1 Mon., Nov. 2023 bis heute",
               "  Zwei oder mehr gleichzeitig: keine",
               "  L\u00fccken \u00fcber 6 Mon.:",
               "    Nov. 2008 bis Aug. 2009 (10 Mon.), nach Analyst programmer \u00b7 "
               "Investment Property Databank, vor Junior Architect for IT infrastructures "
               "\u00b7 Noble Group",
               "Gastaufenthalte: ca. 2 J. 7 Mon., ca. Sommer 2004 bis Sommer 2017"],
        "ja": ["Bruno Magalhaes\uff1a\u7d4c\u6b74\u306e\u6982\u8981",
               "\u7d4c\u6b74\u5168\u4f53\uff1a24\u5e742\u304b\u6708\u3001"
               "2002\u5e7410\u6708\uff5e\u73fe\u5728",
               "  Synthesia\uff1a3\u5e741\u304b\u6708\u3001"
               "2023\u5e7411\u6708\uff5e\u73fe\u5728",
               "    2008\u5e7411\u6708\uff5e2009\u5e748\u6708\uff0810\u304b\u6708"
               "\uff09\u3001\u524d\uff1aAnalyst programmer \u00b7 Investment Property "
               "Databank\u3001\u5f8c\uff1aJunior Architect for IT infrastructures \u00b7 "
               "Noble Group"],
    }
    for lang, lines in expect.items():
        status, out, err = summary(exe, EXAMPLE, "text", ["--lang", lang])
        text = out.decode("utf-8")
        for line in lines:
            t.ok(status == 0 and line in text.splitlines(),
                 "--lang %s text: '%s'" % (lang, line), describe(status, err) + "\n" + text)
    # The CV's own language, without --lang.
    with tempfile.TemporaryDirectory(prefix="cvt-summary-") as tmp:
        cv = os.path.join(tmp, "cv.yaml")
        with open(cv, "w", encoding="utf-8") as f:
            f.write("language: de\njobs:\n  - {title: A, org: X, start: M\u00e4rz 2019, "
                    "end: heute}\n")
        status, out, err = summary(exe, cv, "text")
        t.ok(status == 0 and "  X: 7 J. 9 Mon., M\u00e4rz 2019 bis heute\n" in
             out.decode("utf-8"), "a CV's language: de words its summary in German",
             describe(status, err) + "\n" + out.decode("utf-8", "replace"))

    def without_names(doc):
        for scope in [doc["cv"]] + doc["groups"]:
            scope["name"] = None
        return doc

    status, english, err = summary(exe, EXAMPLE, "json")
    for lang in ["de", "ja", "pl"]:
        status2, other, err2 = summary(exe, EXAMPLE, "json", ["--lang", lang])
        t.ok(status == 0 and status2 == 0 and
             without_names(json.loads(english)) == without_names(json.loads(other)),
             "--lang %s: the JSON is the same but for the groups' names" % lang,
             describe(status2, err2))


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
                  "cv.yaml:39:5: error: a gap of 10 m (Nov 2008 to Aug 2009) after "
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
    languages(t, exe)
    output_files(t, exe)
    bad_options(t, exe)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
