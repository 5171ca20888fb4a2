#!/usr/bin/env python3
"""Layout invariants (DESIGN.md, tests tier 5): for every data/*.yaml and
tests/cases/*.yaml, with every built-in style and at several widths, the layout dump
must pass tools/check-layout.py: all labels and bars inside the page, no two labels
overlapping, no label over a foreign bar.

Usage: python3 tests/run-invariants.py PATH/TO/cvtimeline
"""
import importlib.util

import yaml

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

STYLES = ["default", "dark", "print", "slides", "minimal"]
WIDTHS = ["800", "1200", "1600"]
MAX_SHOWN = 15  # problems printed per failing dump


def load_checker():
    path = os.path.join(SRC, "tools", "check-layout.py")
    spec = importlib.util.spec_from_file_location("check_layout", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    exe = binary_from_argv()
    checker = load_checker()
    t = Tap()
    files = cv_files() + ["tests/import/" + f for f in sorted(os.listdir(
        os.path.join(SRC, "tests", "import"))) if f.endswith((".json", ".yaml"))]
    if not files:
        print("no CV files found under %s" % SRC)
        return 1
    for rel in files:
        for style in STYLES:
            for width in WIDTHS:
                cmd = [exe, "--dump-layout", "--today", TODAY, "-s", style, "-W", width, rel]
                what = "%s -s %s -W %s" % (rel, style, width)
                status, out, err = run(cmd)
                if not t.ok(status == 0, what + ": --dump-layout succeeds", describe(status, err)):
                    continue
                try:
                    dump = yaml.safe_load(out)
                except yaml.YAMLError as e:
                    t.ok(False, what + ": the dump is YAML", str(e))
                    continue
                problems = checker.check_dump(dump)
                shown = problems[:MAX_SHOWN]
                if len(problems) > MAX_SHOWN:
                    shown.append("... and %d more" % (len(problems) - MAX_SHOWN))
                t.ok(not problems, what + ": layout invariants hold",
                     "\n".join(shown) + "\n(reproduce: cvtimeline " + " ".join(cmd[1:])
                     + " | tools/check-layout.py)")
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
