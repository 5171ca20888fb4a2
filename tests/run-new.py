#!/usr/bin/env python3
"""--new NAME (README "Editors, shells and packages"): the starter CV on standard output
points editors at the installed schema from its first line, validates against
doc/schema/cv.schema.json, renders as is with --strict and no message, shows each
feature once (roles, periods, seasons, approximate, milestones, a custom group), and
carries any name (quotes, colons, '#', newlines, YAML words) exactly. A missing or
blank name is a command-line error; a failed write is exit 3.

Usage: python3 tests/run-new.py PATH/TO/cvtimeline
"""
import os
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import TODAY, Tap, binary_from_argv, describe, run  # noqa: E402

try:
    import schemacheck
    import yaml12
except ImportError as e:  # python3-jsonschema is in scripts/test.sh's list
    schemacheck = None
    MISSING = str(e)

NAMES = [
    "Ada Example",
    'Ada "The Countess" Lovelace',
    "O'Brien: a CV # not a comment",
    "two\nlines",
    "back\\slash and tab\there",
    "  padded  ",
    "null", "true", "2019", "- dash", "[list]", "{map}", "&anchor *alias !tag %YAML @at `tick`",
    "René Müller-Lüdenscheidt 张伟 \U0001F642",
    "control\x07 and del\x7f",
    "@NAME@ @SCHEMA@",
]


def new(exe, name, tmp):
    return run([exe, "--new", name], cwd=tmp)


def starter(t, exe, tmp):
    status, out, err = new(exe, "Ada Example", tmp)
    if not t.ok(status == 0, "--new 'Ada Example' exits 0", describe(status, err)):
        return
    text = out.decode("utf-8")
    first = text.splitlines()[0]
    t.ok(first.startswith(schemacheck.MODELINE if schemacheck else "# yaml-language-server") and
         first.endswith("/cvtimeline/schema/cv.schema.json") and
         first.split("=", 1)[1].startswith("/"),
         "the first line points editors at the installed cv.schema.json", first)
    t.ok(os.listdir(tmp) == [], "--new writes no file", str(os.listdir(tmp)))
    path = os.path.join(tmp, "cv.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    if schemacheck:
        errors = schemacheck.error_texts(schemacheck.validator("cv"), text)
        t.ok(not errors, "the starter CV validates against cv.schema.json", "\n".join(errors))
    else:
        t.skip("the starter CV validates against cv.schema.json", MISSING)
    status, _, err = run([exe, "--strict", "cv.yaml"], cwd=tmp)
    t.ok(status == 0 and err == "", "it renders as is (cvtimeline --strict cv.yaml), silently",
         describe(status, err))
    t.ok(os.path.getsize(os.path.join(tmp, "cv.svg")) > 1000, "it wrote cv.svg")
    for fmt in ("png", "pdf"):
        status, _, err = run([exe, "--strict", "--today", TODAY, "cv.yaml", "-o", "cv." + fmt],
                             cwd=tmp)
        t.ok(status == 0 and err == "", "it renders to %s with --strict, silently" % fmt,
             describe(status, err))
    features(t, exe, tmp, yaml.safe_load(text))


def features(t, exe, tmp, cv):
    entries = [e for key in ("jobs", "education", "visiting") for e in cv.get(key) or []]
    entries += [e for g in (cv.get("groups") or {}).values() for e in g]
    t.ok(any(len(e.get("roles") or []) >= 2 for e in entries), "it shows roles")
    periods = [p for e in entries for p in e.get("periods") or []]
    t.ok(len(periods) >= 2, "it shows separate periods")
    t.ok(any(str(p).split()[0] in ("spring", "summer", "autumn", "fall", "winter")
             for p in periods), "it shows a season")
    t.ok(any(e.get("approximate") is True for e in entries), "it shows approximate dates")
    t.ok(len(cv.get("milestones") or []) >= 1, "it shows milestones")
    t.ok(len(cv.get("groups") or {}) == 1, "it shows a custom group")
    t.ok(cv.get("headline") and any(e.get("location") for e in entries),
         "it shows a headline and a location")
    status, out, err = run([exe, "--dump-layout", "--today", TODAY, "cv.yaml"], cwd=tmp)
    dump = yaml.safe_load(out) if status == 0 else {}
    keys = [g.get("key") for g in dump.get("groups") or []]
    t.ok(keys == ["jobs", "education", "visiting", "Volunteering"],
         "the chart draws the three built-in groups and the custom one", str(keys))
    t.ok(len(dump.get("milestones") or []) == len(cv["milestones"]),
         "the chart draws every milestone")
    status, out, err = run([exe, "--alt-text", "--today", TODAY, "cv.yaml"], cwd=tmp)
    t.ok(b"about 2008" in out, "the approximate dates are said so (about 2008)", out.decode()[:500])


def names(t, exe, tmp):
    for name in NAMES:
        status, out, err = new(exe, name, tmp)
        if not t.ok(status == 0, "--new %r exits 0" % name, describe(status, err)):
            continue
        text = out.decode("utf-8")
        t.ok(yaml.safe_load(text).get("name") == name,
             "--new %r: PyYAML reads the name back exactly" % name,
             [l for l in text.splitlines() if l.startswith("name:")])
        if schemacheck:
            t.ok(yaml12.load(text).get("name") == name,
                 "--new %r: read as YAML 1.2 (editors), the name is exact" % name)
        path = os.path.join(tmp, "named.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        # The test fonts (DejaVu) have no Han or emoji: the only message allowed is the
        # warning that says so, which is about the fonts, not the YAML.
        status, _, err = run([exe, "--check", "named.yaml"], cwd=tmp)
        others = [l for l in err.splitlines()
                  if "no installed font draws" not in l]
        t.ok(status == 0 and not others, "--new %r: cvtimeline --check takes it with no other "
             "message than a missing font's" % name, describe(status, err))
        os.unlink(path)


def refusals(t, exe, tmp):
    for name, what in [("", "an empty name"), ("   ", "a blank name")]:
        status, out, err = new(exe, name, tmp)
        t.ok(status == 2 and out == b"" and "--new" in err, "--new with %s exits 2" % what,
             describe(status, err))
    status, out, err = run([exe, "--new", b"bad \xff name"], cwd=tmp)
    t.ok(status == 2 and out == b"" and "UTF-8" in err,
         "--new with a name that is not UTF-8 exits 2", describe(status, err))
    status, out, err = run([exe, "--new"], cwd=tmp)
    t.ok(status == 2, "--new without a name exits 2", describe(status, err))
    with open("/dev/full", "wb") as full:
        p = subprocess.run([exe, "--new", "Ada"], cwd=tmp, stdout=full, stderr=subprocess.PIPE,
                           timeout=30)
    err = p.stderr.decode("utf-8", "replace")
    t.ok(p.returncode == 3 and "error" in err, "--new onto a full disk (/dev/full) exits 3",
         describe(p.returncode, err))


def main():
    exe = binary_from_argv()
    t = Tap()
    with tempfile.TemporaryDirectory(prefix="cvt-new-") as tmp:
        starter(t, exe, tmp)
    with tempfile.TemporaryDirectory(prefix="cvt-new-") as tmp:
        names(t, exe, tmp)
        refusals(t, exe, tmp)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
