#!/usr/bin/env python3
"""Error messages (DESIGN.md, tests tier 3): for every tests/errors/NAME.yaml that has
NAME.stderr and NAME.status beside it, `cvtimeline --check tests/errors/NAME.yaml` (run
from the source root) must print exactly NAME.stderr and exit with NAME.status. Then the
same CV is rendered onto an existing TMP/out.svg: the exit status must be the same, and
when it is 1 the old file must be byte-identical afterwards with no other file left.

Usage: python3 tests/run-errors.py PATH/TO/cvtimeline
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

OLD_BYTES = b"<svg xmlns='http://www.w3.org/2000/svg'><!-- the previous output --></svg>\n"


def main():
    exe = binary_from_argv()
    t = Tap()
    edir = os.path.join(SRC, "tests", "errors")
    names = []
    if os.path.isdir(edir):
        for f in sorted(os.listdir(edir)):
            name, ext = os.path.splitext(f)
            if ext in (".yaml", ".json"):
                if all(os.path.exists(os.path.join(edir, name + e))
                       for e in (".stderr", ".status")):
                    names.append((name, ext))
    if not names:
        print("1..0 # SKIP no tests/errors/NAME.yaml (or .json) with .stderr and .status")
        return 77  # meson's "skipped"
    for name, ext in names:
        rel = "tests/errors/%s%s" % (name, ext)
        with open(os.path.join(edir, name + ".stderr"), encoding="utf-8") as f:
            want_err = f.read()
        with open(os.path.join(edir, name + ".status"), encoding="utf-8") as f:
            want_status = int(f.read().strip())

        status, out, err = run([exe, "--check", rel])
        t.ok(status == want_status, "%s: --check exits %d" % (rel, want_status),
             describe(status, err))
        diff = "".join(difflib.unified_diff(want_err.splitlines(True), err.splitlines(True),
                                            name + ".stderr", "actual stderr"))
        t.ok(err == want_err, "%s: --check stderr is exactly %s.stderr" % (rel, name), diff)
        t.ok(out == b"", "%s: --check writes nothing on stdout" % rel,
             out.decode("utf-8", "replace")[:2000])

        with tempfile.TemporaryDirectory(prefix="cvt-errors-") as tmp:
            target = os.path.join(tmp, "out.svg")
            with open(target, "wb") as f:
                f.write(OLD_BYTES)
            status, out, err = run([exe, rel, "-o", target])
            t.ok(status == want_status, "%s: rendering exits %d" % (rel, want_status),
                 describe(status, err))
            if want_status == 1:
                with open(target, "rb") as f:
                    now = f.read()
                t.ok(now == OLD_BYTES, "%s: failed render leaves the old output as it was" % rel,
                     "out.svg now holds %d bytes: %r" % (len(now), now[:200]))
                left = sorted(os.listdir(tmp))
                t.ok(left == ["out.svg"], "%s: failed render leaves no other file" % rel,
                     "files in the output folder: %s" % left)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
