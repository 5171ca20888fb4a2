#!/usr/bin/env python3
"""The command line (doc/cli.md): exit status 2 for a wrong command line, --version,
--help, --list-styles, --check, the default output name, --format over the extension,
-o -, --only, --from/--to, --today, -W/-H, --strict/--quiet, --alt-text.

Usage: python3 tests/run-cli.py PATH/TO/cvtimeline
"""
import datetime
import re
import shutil

import yaml

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import (BUILD, SRC, TODAY, Tap, binary_from_argv, cv_files,  # noqa: E402
                    describe, run)

STYLES = ["default", "dark", "print", "slides", "minimal"]


def d(v):
    """A dump date as text, whether PyYAML read it as a date or a string."""
    return v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else str(v)


def dump_of(t, exe, what, args):
    status, out, err = run([exe, "--dump-layout"] + args)
    if not t.ok(status == 0, what + ": --dump-layout succeeds", describe(status, err)):
        return None
    try:
        dump = yaml.safe_load(out)
    except yaml.YAMLError as e:
        t.ok(False, what + ": the dump is YAML", str(e))
        return None
    if not t.ok(isinstance(dump, dict), what + ": the dump is a mapping", out[:300]):
        return None
    return dump


def bars_of(dump):
    for g in dump.get("groups") or []:
        for e in g.get("entries") or []:
            for b in e.get("bars") or []:
                yield g, e, b


def bad_options(t, exe):
    # A copy in a scratch folder: a wrongly accepted command line may write a chart
    # next to the CV, and that must not land in the source tree.
    cv = "cv.yaml"
    cases = [
        ("an unknown option", ["--no-such-option", cv]),
        ("no CV file", []),
        ("two CV files", [cv, cv]),
        ("a width that is not a number", ["-W", "wide", cv]),
        ("a negative width", ["-W", "-5", cv]),
        ("a zero scale", ["--scale", "0", cv]),
        ("an unknown format", ["--format", "gif", cv]),
        ("-o - without --format", ["-o", "-", cv]),
        ("an unknown input format", ["--input-format", "docx", cv]),
        ("an unparsable --from", ["--from", "someday", cv]),
        ("an unparsable --today", ["--today", "2026-13-45", cv]),
        ("--from after --to", ["--from", "2020", "--to", "2010", cv]),
        ("--set without =", ["--set", "bar.height", cv]),
        ("an option missing its value", [cv, "-o"]),
    ]
    for what, args in cases:
        with tempfile.TemporaryDirectory(prefix="cvt-cli-") as tmp:
            shutil.copy(os.path.join(SRC, "data", "short.yaml"), os.path.join(tmp, cv))
            status, out, err = run([exe] + args, cwd=tmp)
            t.ok(status == 2, "%s: exits 2" % what, describe(status, err))
            t.ok(err.strip() != "", "%s: says why on stderr" % what, "stderr is empty")
            t.ok(os.listdir(tmp) == [cv], "%s: writes no file" % what, str(os.listdir(tmp)))


def info_options(t, exe):
    status, out, err = run([exe, "--version"])
    text = out.decode("utf-8", "replace")
    version = None
    with open(os.path.join(SRC, "meson.build"), encoding="utf-8") as f:
        m = re.search(r"version:\s*'([^']+)'", f.read())
        version = m.group(1) if m else None
    t.ok(status == 0 and version is not None and version in text,
         "--version prints the version (%s)" % version, describe(status, err) + "\nstdout: " + text)
    status, out, err = run([exe, "-V"])
    t.ok(status == 0 and version in out.decode("utf-8", "replace"), "-V is --version",
         describe(status, err))

    status, out, err = run([exe, "--help"])
    text = out.decode("utf-8", "replace")
    missing = [o for o in ("--output", "--format", "--style", "--dump-layout", "--check",
                           "--today", "--only") if o not in text]
    t.ok(status == 0 and not missing, "--help lists the options on stdout",
         describe(status, err) + "\nmissing from --help: %s" % missing)
    # Built from render's table of formats: each one named with its description.
    rows = re.findall(r"^  (svg|png|pdf|html) +\S", text, re.M)
    t.ok("Output formats:" in text and rows == ["svg", "png", "pdf", "html"]
         and "--format=svg|png|pdf|html" in text and "(.svg, .png, .pdf, .html, .htm)" in text,
         "--help names every output format from the table", text)

    status, out, err = run([exe, "--list-styles"])
    lines = out.decode("utf-8", "replace").splitlines()
    firsts = [l.split()[0] for l in lines if l.split()]
    missing = [s for s in STYLES if s not in firsts]
    t.ok(status == 0 and not missing, "--list-styles lists the five built-in styles",
         describe(status, err) + "\nstdout:\n%s\nmissing: %s" % ("\n".join(lines), missing))
    described = [l for l in lines if l.split() and l.split()[0] in STYLES and len(l.split()) > 1]
    t.ok(len(described) == len(STYLES), "--list-styles gives each a description",
         "\n".join(lines))


def files_and_names(t, exe):
    with tempfile.TemporaryDirectory(prefix="cvt-cli-") as tmp:
        shutil.copy(os.path.join(SRC, "data", "short.yaml"), os.path.join(tmp, "cv.yaml"))

        status, out, err = run([exe, "--check", "cv.yaml"], cwd=tmp)
        t.ok(status == 0, "--check on a good CV exits 0", describe(status, err))
        t.ok(out == b"", "--check prints nothing on stdout", out[:300])
        t.ok(sorted(os.listdir(tmp)) == ["cv.yaml"], "--check writes no file",
             str(sorted(os.listdir(tmp))))

        status, out, err = run([exe, "cv.yaml"], cwd=tmp)
        t.ok(status == 0 and os.path.exists(os.path.join(tmp, "cv.svg")),
             "the default output of cv.yaml is cv.svg", describe(status, err)
             + "\nfiles: %s" % sorted(os.listdir(tmp)))
        if os.path.exists(os.path.join(tmp, "cv.svg")):
            with open(os.path.join(tmp, "cv.svg"), "rb") as f:
                t.ok(b"<svg" in f.read(4096), "cv.svg holds an SVG")
        t.ok(sorted(os.listdir(tmp)) == ["cv.svg", "cv.yaml"], "no other file is written",
             str(sorted(os.listdir(tmp))))

        status, out, err = run([exe, "cv.yaml", "-o", "chart.svg", "--format", "png"], cwd=tmp)
        data = b""
        if os.path.exists(os.path.join(tmp, "chart.svg")):
            with open(os.path.join(tmp, "chart.svg"), "rb") as f:
                data = f.read(8)
        t.ok(status == 0 and data.startswith(b"\x89PNG"), "--format png wins over .svg",
             describe(status, err) + "\nfile starts %r" % data)
        status, out, err = run([exe, "cv.yaml", "-o", "chart.pdf", "-f", "svg"], cwd=tmp)
        data = b""
        if os.path.exists(os.path.join(tmp, "chart.pdf")):
            with open(os.path.join(tmp, "chart.pdf"), "rb") as f:
                data = f.read(4096)
        t.ok(status == 0 and b"<svg" in data, "-f svg wins over .pdf",
             describe(status, err) + "\nfile starts %r" % data[:16])

        for fmt, magic in (("svg", b"<svg"), ("png", b"\x89PNG"), ("pdf", b"%PDF")):
            status, out, err = run([exe, "cv.yaml", "-o", "-", "--format", fmt], cwd=tmp)
            t.ok(status == 0 and magic in out[:4096], "-o - --format %s writes to stdout" % fmt,
                 describe(status, err) + "\nstdout starts %r" % out[:16])

        with open(os.path.join(SRC, "data", "short.yaml"), "rb") as f:
            cv_bytes = f.read()
        status, out, err = run([exe, "-", "-o", "-", "--format", "svg"], cwd=tmp,
                               input_bytes=cv_bytes)
        t.ok(status == 0 and b"<svg" in out, "- reads the CV from stdin", describe(status, err))


def only_range_today(t, exe):
    dense = "data/dense.yaml"
    dump = dump_of(t, exe, "--only education", ["--today", TODAY, "--only", "education", dense])
    if dump:
        keys = [g.get("key") for g in dump.get("groups") or []]
        t.ok(keys == ["education"], "--only education draws only education", "groups: %s" % keys)
        t.ok(not dump.get("milestones"), "--only education draws no milestones",
             "milestones: %s" % dump.get("milestones"))
    dump = dump_of(t, exe, "--only jobs,milestones,Teaching",
                   ["--today", TODAY, "--only", "jobs,milestones,Teaching", dense])
    if dump:
        keys = [g.get("key") for g in dump.get("groups") or []]
        t.ok(keys == ["jobs", "Teaching"], "--only jobs,milestones,Teaching keeps those groups in order",
             "groups: %s" % keys)
        t.ok(bool(dump.get("milestones")), "--only ...,milestones keeps the milestones")
    status, _, err = run([exe, "--only", "no-such-group", "--check", dense])
    t.ok(status in (1, 2) and "error:" in err, "--only with an unknown group is an error",
         describe(status, err))
    status, _, err = run([exe, "--only", "", "--check", dense])
    t.ok(status == 2 and "error:" in err, "--only '' is a usage error, not an empty chart",
         describe(status, err))

    dump = dump_of(t, exe, "--from 2010 --to 2015", ["--today", TODAY, "--from", "2010",
                                                     "--to", "2015", dense])
    if dump:
        rng = dump.get("range") or {}
        t.ok(d(rng.get("start")) == "2010-01-01" and d(rng.get("end")) == "2015-12-31",
             "--from 2010 --to 2015 sets the range to the years' ends", "range: %s" % rng)
        outside = [(e.get("title"), d(b.get("start")), d(b.get("end"))) for _, e, b in bars_of(dump)
                   if d(b.get("start")) < "2010-01-01" or d(b.get("end")) > "2015-12-31"]
        t.ok(not outside, "--from/--to clips every bar to the range", "outside: %s" % outside)

    short = "data/short.yaml"
    for today in ("2026-01-15", "2027-03-31"):
        dump = dump_of(t, exe, "--today " + today, ["--today", today, short])
        if dump:
            ends = [d(b.get("end")) for _, e, b in bars_of(dump) if e.get("title") == "Data Engineer"]
            t.ok(ends == [today], "--today %s ends the ongoing job there" % today, "ends: %s" % ends)
            t.ok(d((dump.get("range") or {}).get("end")) == today,
                 "--today %s ends the default range there" % today, "range: %s" % dump.get("range"))
    # dense.yaml says today: 2026-11-25; the command line wins.
    dump = dump_of(t, exe, "--today over the CV's today", ["--today", "2026-06-30", dense])
    if dump:
        ends = [d(b.get("end")) for _, e, b in bars_of(dump) if e.get("title") == "Board member"]
        t.ok(ends == ["2026-06-30"], "--today wins over the CV's today:", "ends: %s" % ends)
    # A month or a year means its last day on the command line as in the CV's today:,
    # so that moving the date from one to the other changes nothing.
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(SRC, short), encoding="utf-8") as f:
            text = f.read()
        in_file = os.path.join(tmp, "today-in-file.yaml")
        with open(in_file, "w", encoding="utf-8") as f:
            f.write("today: 2026-03\n" + re.sub(r"(?m)^today:.*\n", "", text))
        for what, args in (("today: 2026-03 in the CV", [in_file]),
                           ("--today 2026-03", ["--today", "2026-03", short])):
            dump = dump_of(t, exe, what, args)
            if dump:
                ends = [d(b.get("end")) for _, e, b in bars_of(dump) if e.get("title") == "Data Engineer"]
                t.ok(ends == ["2026-03-31"], what + " ends the ongoing job on the month's last day",
                     "ends: %s" % ends)


def sizes_and_messages(t, exe):
    short = "data/short.yaml"
    for w in ("640", "1000"):
        dump = dump_of(t, exe, "-W " + w, ["--today", TODAY, "-W", w, short])
        if dump:
            t.ok(dump.get("width") == int(w), "-W %s sets the width" % w, "width: %s" % dump.get("width"))
    dump = dump_of(t, exe, "-H 700", ["--today", TODAY, "-H", "700", short])
    if dump:
        t.ok(dump.get("height") == 700, "-H 700 sets the height", "height: %s" % dump.get("height"))

    with tempfile.TemporaryDirectory(prefix="cvt-cli-") as tmp:
        cv = os.path.join(tmp, "warn.yaml")
        with open(cv, "w", encoding="utf-8") as f:
            f.write("name: Warn\njbos: []\njobs:\n  - {title: A, org: B, start: 2019, end: 2020}\n")
        status, _, err = run([exe, "--check", cv])
        t.ok(status == 0 and "warning:" in err and "jobs" in err,
             "an unknown key is a warning that suggests the known key", describe(status, err))
        status, _, err = run([exe, "--check", "-q", cv])
        t.ok(status == 0 and err == "", "-q silences warnings", describe(status, err))
        status, _, err = run([exe, "--check", "--strict", cv])
        t.ok(status == 1 and "error:" in err, "--strict makes the warning an error",
             describe(status, err))
        # --svg-dark reads the user's styles a second time, for the dark scheme: their
        # warnings are still given once.
        style = os.path.join(tmp, "style.yaml")
        with open(style, "w", encoding="utf-8") as f:
            f.write("extends: default\nfoo: 1\n")
        out_svg = os.path.join(tmp, "dark.svg")
        status, _, err = run([exe, "--today", TODAY, "--style", style, "--svg-dark",
                              "-o", out_svg, os.path.join(SRC, short)])
        t.ok(status == 0 and err.count("unknown key 'foo'") == 1,
             "with --svg-dark a style's warning is given once", describe(status, err))
        # Optional values are given after '=' only: the next word stays a CV file.
        status, out, err = run([exe, "--today", TODAY, "--summary", os.path.join(SRC, short)])
        t.ok(status == 0 and b"career summary" in out,
             "--summary CV prints the summary of CV (the word is not taken as a format)",
             describe(status, err))
        status, _, err = run([exe, "--today", TODAY, "--svg-dark", os.path.join(SRC, short),
                              "-o", out_svg])
        with open(out_svg, encoding="utf-8") as f:
            dark = "prefers-color-scheme:dark" in f.read()
        t.ok(status == 0 and dark, "--svg-dark CV draws CV with the dark scheme",
             describe(status, err))

    # In a scratch folder: whether --alt-text also writes the chart is not specified.
    with tempfile.TemporaryDirectory(prefix="cvt-cli-") as tmp:
        shutil.copy(os.path.join(SRC, short), os.path.join(tmp, "cv.yaml"))
        status, out, err = run([exe, "--alt-text", "--today", TODAY, "cv.yaml"], cwd=tmp)
    text = out.decode("utf-8", "replace")
    t.ok(status == 0 and "Lena Okafor" in text and "Northwind Analytics" in text,
         "--alt-text summarises the chart on stdout", describe(status, err) + "\nstdout:\n" + text)


def main():
    exe = binary_from_argv()
    t = Tap()
    bad_options(t, exe)
    info_options(t, exe)
    files_and_names(t, exe)
    only_range_today(t, exe)
    sizes_and_messages(t, exe)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
