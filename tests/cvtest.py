"""Helpers shared by the tests/run-*.py runners: where the sources are, TAP output,
running the binary, the lists of CV files, and a PNG's size."""
import os
import struct
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

    def skip(self, desc, why):
        self.n += 1
        print("ok %d - %s # SKIP %s" % (self.n, desc, why))
        sys.stdout.flush()

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


def run(cmd, cwd=None, stdin=None, timeout=30, input_bytes=None, env=None):
    """Runs cmd; returns (status, stdout bytes, stderr text). status is negative for
    a signal and None for a timeout."""
    try:
        p = subprocess.run(cmd, cwd=cwd or SRC, stdin=stdin, input=input_bytes, env=env,
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


def png_size(data):
    """(width, height) from the IHDR chunk, or None when data is not a PNG."""
    if (data is None or len(data) < 24 or not data.startswith(b"\x89PNG\r\n\x1a\n")
            or data[12:16] != b"IHDR"):
        return None
    return struct.unpack(">II", data[16:24])


def cv_files(with_cases=True, with_data=True):
    """The native CVs under tests/cases and data, as paths relative to SRC (not the
    goldens, NAME.layout.yaml, nor a case's own style, NAME.style.yaml)."""
    out = []
    for d in (["tests/cases"] if with_cases else []) + (["data"] if with_data else []):
        full = os.path.join(SRC, d)
        if not os.path.isdir(full):
            continue
        for f in sorted(os.listdir(full)):
            if f.endswith(".yaml") and not f.endswith((".layout.yaml", ".style.yaml")):
                out.append(d + "/" + f)
    return out


# What tests/import holds: a file per import format, by extension, and folders (a
# LinkedIn data export unpacked).
IMPORT_EXTENSIONS = (".json", ".yaml", ".csv", ".zip", ".bib", ".xml")


# Which runner counts each import fixture's dated entries against the file itself:
# run-import-count.py these (JSON Resume and RenderCV with a reader of its own, and
# ORCID's download), run-import.py every other one (LinkedIn, ORCID, BibTeX, FRESH, with
# each format's own parser). run-import.py fails on a fixture neither counts, and
# run-import-count.py on one of these it did not count, so a new fixture cannot go
# uncounted.
COUNTED_BY_IMPORT_COUNT = {
    "jsonresume-0.0.16.json", "jsonresume-draft-2014.json", "jsonresume-eight-jobs.json",
    "jsonresume-legacy.json", "jsonresume-v1.json", "rendercv-0.10.yaml", "rendercv-0.5.yaml",
    "rendercv-1.x.yaml", "rendercv-2.8.yaml", "rendercv-academic.yaml", "rendercv-locale.yaml",
    "rendercv.yaml", "orcid-download.zip", "orcid-unpacked",
}


def import_files():
    """The files and folders under tests/import that are CVs of their own, relative to
    SRC: by extension, and every folder."""
    full = os.path.join(SRC, "tests", "import")
    if not os.path.isdir(full):
        return []
    out = []
    for f in sorted(os.listdir(full)):
        if f.startswith("."):
            continue
        if f.endswith(IMPORT_EXTENSIONS) or os.path.isdir(os.path.join(full, f)):
            out.append("tests/import/" + f)
    return out


def case_style(rel):
    """The style a golden case is drawn in: tests/cases/NAME.style.yaml beside
    tests/cases/NAME.yaml when there is one (for what only a style turns on), else None
    (the default style). Relative to SRC."""
    if not rel.endswith(".yaml"):
        return None
    style = rel[:-len(".yaml")] + ".style.yaml"
    return style if os.path.exists(os.path.join(SRC, style)) else None


def load_checker():
    """tools/check-layout.py as a module (check_dump, completeness, ...)."""
    import importlib.util
    path = os.path.join(SRC, "tools", "check-layout.py")
    spec = importlib.util.spec_from_file_location("check_layout", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
