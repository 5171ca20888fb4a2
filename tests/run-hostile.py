#!/usr/bin/env python3
"""Hostile input (DESIGN.md "no crash/leak/hang"): empty, binary, invalid UTF-8, deeply
nested, alias bombs, huge files, NUL bytes, missing files, a directory, a FIFO, empty
stdin, and unwritable outputs. Each must end within a time limit with the right exit
status (1 bad input, 3 unwritable output), at least one `error:` line on stderr, no
signal, and nothing written.

Usage: python3 tests/run-hostile.py PATH/TO/cvtimeline
"""
import random
import stat
import threading
import time

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

LIMIT = 10  # seconds per run
GOOD_CV = "name: Hostile Test\njobs:\n  - {title: Engineer, org: Company, start: 2015-01, end: 2019-12}\n"


# The inputs that are also wrong as a style file (an empty style, or one with only
# unknown keys, may well be valid: those are not tried as styles).
AS_STYLE = {"a directory", "binary data", "invalid UTF-8", "NUL bytes",
            "10,000-deep flow nesting", "10,000-deep flow mappings",
            "10,000-deep block sequences", "2,000-deep block mappings", "an alias bomb",
            "an undefined alias", "a 50 MB file", "a missing file", "a top-level scalar",
            "a top-level list"}


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def alias_bomb(levels=9, width=9):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        lines.append("a%d: &a%d [%s]" % (i, i, ", ".join(["*a%d" % (i - 1)] * width)))
    return "\n".join(lines) + "\njobs: *a%d\n" % levels


def block_mapping(depth):
    return "".join(" " * i + "k:\n" for i in range(depth)) + " " * depth + "x\n"


def inputs(tmp):
    """(name, path or '-', stdin) for every bad CV."""
    rng = random.Random(20261125)
    big = os.path.join(tmp, "big.yaml")
    with open(big, "wb") as f:  # valid YAML, but 50 MB: only the size cap can reject it
        f.write(b"name: Big\n")
        chunk = (b"# " + b"x" * 1021 + b"\n") * 1024
        for _ in range(50):
            f.write(chunk)
    adir = os.path.join(tmp, "a-directory.yaml")
    os.mkdir(adir)
    return [
        ("an empty file", write(os.path.join(tmp, "empty.yaml"), b"")),
        ("only a comment", write(os.path.join(tmp, "comment.yaml"), b"# nothing\n")),
        ("a directory", adir),
        ("binary data", write(os.path.join(tmp, "binary.yaml"),
                              bytes(rng.randrange(256) for _ in range(65536)))),
        ("invalid UTF-8", write(os.path.join(tmp, "latin1.yaml"),
                                "name: Jos\xe9\njobs: []\n".encode("latin-1"))),
        ("a lone UTF-8 continuation byte in a key",
         write(os.path.join(tmp, "cont.yaml"), b"na\x80me: X\n")),
        ("NUL bytes", write(os.path.join(tmp, "nul.yaml"), b"name: A\x00B\njobs: []\n")),
        ("10,000-deep flow nesting",
         write(os.path.join(tmp, "flow.yaml"), "jobs: " + "[" * 10000 + "]" * 10000 + "\n")),
        ("10,000-deep flow mappings",
         write(os.path.join(tmp, "flowmap.yaml"), "jobs: " + "{a: " * 10000 + "1" + "}" * 10000 + "\n")),
        ("10,000-deep block sequences",
         write(os.path.join(tmp, "block.yaml"), "jobs:\n" + "- " * 10000 + "x\n")),
        ("2,000-deep block mappings", write(os.path.join(tmp, "blockmap.yaml"), block_mapping(2000))),
        ("an alias bomb", write(os.path.join(tmp, "bomb.yaml"), alias_bomb())),
        ("an undefined alias", write(os.path.join(tmp, "undef.yaml"), "jobs: *nowhere\n")),
        ("a 50 MB file", big),
        ("a missing file", os.path.join(tmp, "no-such-file.yaml")),
        ("stdin from /dev/null", "-"),
        ("a top-level scalar", write(os.path.join(tmp, "scalar.yaml"), "just text\n")),
        ("a top-level list", write(os.path.join(tmp, "list.yaml"), "- a\n- b\n")),
        ("a huge date", write(os.path.join(tmp, "date.yaml"),
                              "jobs:\n  - {title: A, start: 99999999999999999999-01}\n")),
        ("a year far out of range", write(os.path.join(tmp, "year.yaml"),
                                          "jobs:\n  - {title: A, start: -5000, end: 2019}\n")),
        ("multiple documents", write(os.path.join(tmp, "multi.yaml"), "name: A\n---\nname: B\n")),
    ]


def check(t, what, status, err, want, outdir, before, elapsed):
    ok_status = t.ok(status == want, "%s: exits %d" % (what, want),
                     describe(status, err) + "\n(after %.1f s)" % elapsed)
    if status is None or (status is not None and status < 0):
        return
    t.ok(any("error:" in line for line in err.splitlines()),
         "%s: prints an error: line" % what, "stderr:\n" + (err or "(empty)"))
    after = sorted(os.listdir(outdir))
    t.ok(after == before, "%s: writes nothing" % what,
         "output folder before: %s, after: %s" % (before, after))
    return ok_status


def run_timed(cmd, cwd=None, stdin=None):
    start = time.monotonic()
    status, out, err = run(cmd, cwd=cwd, stdin=stdin, timeout=LIMIT)
    return status, out, err, time.monotonic() - start


def fifo_case(t, exe, tmp, outdir):
    fifo = os.path.join(tmp, "pipe.yaml")
    try:
        os.mkfifo(fifo)
    except (AttributeError, OSError) as e:
        print("# skipped the FIFO case: %s" % e)
        return
    done = threading.Event()

    def writer():  # opens the FIFO once a reader has, then closes it with nothing written
        while not done.is_set():
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.01)
                continue
            os.close(fd)
            return

    th = threading.Thread(target=writer, daemon=True)
    th.start()
    before = sorted(os.listdir(outdir))
    status, _, err, el = run_timed([exe, fifo, "-o", os.path.join(outdir, "out.svg")])
    done.set()
    th.join(1)
    check(t, "a FIFO whose writer closes at once", status, err, 1, outdir, before, el)


def output_cases(t, exe, tmp):
    cv = write(os.path.join(tmp, "good.yaml"), GOOD_CV)
    base = os.path.join(tmp, "outputs")
    os.mkdir(base)
    adir = os.path.join(base, "a-directory.svg")
    os.mkdir(adir)
    cases = [
        ("output into a missing directory", os.path.join(base, "missing", "out.svg")),
        ("output onto a directory", adir),
    ]
    for what, target in cases:
        before = sorted(os.listdir(base))
        status, _, err, el = run_timed([exe, cv, "-o", target])
        check(t, what, status, err, 3, base, before, el)
        t.ok(sorted(os.listdir(adir)) == [], "%s: nothing inside the directory" % what,
             str(os.listdir(adir)))
    if os.path.exists("/dev/full"):
        with open("/dev/full", "wb") as full:
            start = time.monotonic()
            try:
                p = subprocess.run([exe, cv, "-o", "-", "--format", "svg"], cwd=SRC,
                                   stdout=full, stderr=subprocess.PIPE, timeout=LIMIT)
                status, err = p.returncode, p.stderr.decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                status, err = None, ""
            el = time.monotonic() - start
        t.ok(status == 3, "stdout onto a full device: exits 3",
             describe(status, err) + "\n(after %.1f s)" % el)
        t.ok(status is not None and "error:" in err, "stdout onto a full device: prints an error: line",
             err or "(empty)")


def main():
    exe = binary_from_argv()
    t = Tap()
    with tempfile.TemporaryDirectory(prefix="cvt-hostile-") as tmp:
        outdir = os.path.join(tmp, "out")
        os.mkdir(outdir)
        for what, path in inputs(tmp):
            before = sorted(os.listdir(outdir))
            target = os.path.join(outdir, "out.svg")
            if path == "-":
                with open(os.devnull, "rb") as devnull:
                    status, _, err, el = run_timed([exe, "-", "-o", target], stdin=devnull)
            else:
                status, _, err, el = run_timed([exe, path, "-o", target])
            check(t, what, status, err, 1, outdir, before, el)
            # The same input through --check and as a style file must not crash either.
            if path != "-":
                status, _, err, el = run_timed([exe, "--check", path])
                t.ok(status == 1, "%s: --check exits 1" % what, describe(status, err))
                if what not in AS_STYLE:
                    continue
                status, _, err, el = run_timed([exe, "-s", path, "--check",
                                                write(os.path.join(tmp, "ok.yaml"), GOOD_CV)])
                t.ok(status == 1 and "error:" in err, "%s as a style file: exits 1 with an error"
                     % what, describe(status, err))
        fifo_case(t, exe, tmp, outdir)
        output_cases(t, exe, tmp)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
