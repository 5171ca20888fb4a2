#!/usr/bin/env python3
"""Golden layouts (DESIGN.md, tests tier 2): for every tests/cases/NAME.yaml and
data/NAME.yaml, `cvtimeline --dump-layout --today 2026-11-25 FILE` (run from the source
root) must print exactly tests/cases/NAME.layout.yaml (data-NAME.layout.yaml for data/).
Regenerate the goldens with tools/regen-goldens.sh after an intended change.

Usage: python3 tests/run-golden.py PATH/TO/cvtimeline
"""
import difflib

# --- shared by the tests/run-*.py runners (kept inline so each runs on its own) ---
import os
import subprocess
import sys
import tempfile

SRC = os.path.abspath(os.environ.get("CVT_SOURCE_ROOT")
                      or os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
BUILD = os.environ.get("CVT_BUILD_ROOT", "")
TODAY = "2026-11-25"


class Tap:
    """Prints TAP lines; remembers failures so the runner can exit 1."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, desc, detail=""):
        self.n += 1
        if cond:
            print("ok %d - %s" % (self.n, desc))
        else:
            self.failed += 1
            print("not ok %d - %s" % (self.n, desc))
            for line in str(detail).rstrip("\n").splitlines():
                print("#   " + line)
        sys.stdout.flush()
        return cond

    def done(self):
        print("1..%d" % self.n)
        if self.failed:
            print("# %d of %d failed" % (self.failed, self.n))
        return 1 if self.failed else 0


def binary_from_argv():
    if len(sys.argv) != 2:
        print("usage: %s PATH/TO/cvtimeline" % os.path.basename(sys.argv[0]), file=sys.stderr)
        sys.exit(2)
    exe = os.path.abspath(sys.argv[1])
    if not os.access(exe, os.X_OK):
        print("not executable: %s" % exe, file=sys.stderr)
        sys.exit(1)
    return exe


def run(cmd, cwd=None, stdin=None, timeout=30, input_bytes=None):
    """Runs cmd; returns (status, stdout bytes, stderr text). status is negative for
    a signal and None for a timeout."""
    try:
        p = subprocess.run(cmd, cwd=cwd or SRC, stdin=stdin, input=input_bytes,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", (e.stderr or b"").decode("utf-8", "replace")
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def describe(status, err):
    if status is None:
        what = "timed out"
    elif status < 0:
        what = "killed by signal %d" % -status
    else:
        what = "exit status %d" % status
    return "%s; stderr:\n%s" % (what, err if err.strip() else "(empty)")


def cv_files(with_cases=True, with_data=True):
    """The native CVs under tests/cases and data, as paths relative to SRC."""
    out = []
    for d in (["tests/cases"] if with_cases else []) + (["data"] if with_data else []):
        full = os.path.join(SRC, d)
        if not os.path.isdir(full):
            continue
        for f in sorted(os.listdir(full)):
            if f.endswith(".yaml") and not f.endswith(".layout.yaml"):
                out.append(d + "/" + f)
    return out
# --- end of shared part ---


def golden_for(rel):
    """tests/cases/NAME.yaml -> tests/cases/NAME.layout.yaml; data/NAME.yaml ->
    tests/cases/data-NAME.layout.yaml; tests/import/NAME.EXT ->
    tests/cases/import-NAME.layout.yaml (tools/regen-goldens.sh uses the same rule)."""
    d, f = rel.split("/")[-2], os.path.splitext(rel.split("/")[-1])[0]
    prefix = {"data": "data-", "import": "import-"}.get(d, "")
    return "tests/cases/%s%s.layout.yaml" % (prefix, f)


def import_files():
    """The JSON Resume and RenderCV files under tests/import, relative to SRC."""
    full = os.path.join(SRC, "tests", "import")
    if not os.path.isdir(full):
        return []
    return ["tests/import/" + f for f in sorted(os.listdir(full))
            if f.endswith((".json", ".yaml"))]


def main():
    exe = binary_from_argv()
    t = Tap()
    files = cv_files() + import_files()
    if not files:
        print("no CV files found under %s" % SRC)
        return 1
    for rel in files:
        golden = golden_for(rel)
        status, out, err = run([exe, "--dump-layout", "--today", TODAY, rel])
        if not t.ok(status == 0, "%s: --dump-layout succeeds" % rel, describe(status, err)):
            continue
        gpath = os.path.join(SRC, golden)
        if not os.path.exists(gpath):
            t.ok(False, "%s: matches %s" % (rel, golden),
                 "the golden %s is missing; create it with tools/regen-goldens.sh" % golden)
            continue
        with open(gpath, encoding="utf-8") as f:
            want = f.read()
        got = out.decode("utf-8", "replace")
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                            golden, "cvtimeline --dump-layout " + rel))
        t.ok(got == want, "%s: matches %s" % (rel, golden), diff)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
