#!/usr/bin/env python3
"""Hostile input (README "Limits and guarantees"), well over a hundred cases:
- CVs: empty, binary, YAML attacks (deep nesting in every syntax, alias bombs, aliases
  of long strings, anchors and aliases as keys, huge scalars, tags, merge keys,
  directives), encodings (UTF-16/32 with and without BOM, overlong UTF-8, surrogates,
  lone continuation bytes, truncated sequences, NUL, CRLF and CR line ends), guard
  limits (entries), special files (/dev/zero, /dev/urandom, a FIFO, a directory,
  symlink loops, dangling links, an unreadable file);
- outputs: a missing folder, a directory, a read-only folder, /dev/full, a path longer
  than PATH_MAX, a name longer than NAME_MAX, the CV itself, /proc;
- styles: NaN, infinities, 1e308, negative and out-of-range numbers, huge fonts, pages
  giving a PNG over 32767 px, extends cycles, special files;
- options: --width, --height, --scale 0, -1, nan, 1e9, garbage dates, unknown groups.
Each must end within 10 s with the right exit status (1 bad input, 2 bad option, 3
unwritable output; 0 for the inputs that are odd but valid), at least one `error:`
line on stderr, no signal, no raw control character on stderr, an existing output left
byte-identical and no stray temporary file.

Usage: python3 tests/run-hostile.py PATH/TO/cvtimeline
"""
import random
import stat
import threading
import time

import os
import sys
import tempfile
import subprocess

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import (BUILD, SRC, TODAY, Tap, binary_from_argv, cv_files,  # noqa: E402
                    describe, run)

LIMIT = 10  # seconds per run
GOOD_CV = "name: Hostile Test\njobs:\n  - {title: Engineer, org: Company, start: 2015-01, end: 2019-12}\n"
SENTINEL = b"<!-- an earlier output that a failed run must leave as it was -->\n"
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def alias_bomb(levels=9, width=9):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        lines.append("a%d: &a%d [%s]" % (i, i, ", ".join(["*a%d" % (i - 1)] * width)))
    return "\n".join(lines) + "\njobs: *a%d\n" % levels


def mapping_bomb(levels=8, width=10):
    lines = ["m0: &m0 {k: lol}"]
    for i in range(1, levels + 1):
        lines.append("m%d: &m%d {%s}" % (i, i, ", ".join("k%d: *m%d" % (j, i - 1)
                                                        for j in range(width))))
    return "\n".join(lines) + "\n"


def block_mapping(depth):
    return "".join(" " * i + "k:\n" for i in range(depth)) + " " * depth + "x\n"


def utf16(text, bom, big=False):
    body = text.encode("utf-16-be" if big else "utf-16-le")
    return ((b"\xfe\xff" if big else b"\xff\xfe") if bom else b"") + body


def utf32(text, bom, big=False):
    body = text.encode("utf-32-be" if big else "utf-32-le")
    return ((b"\x00\x00\xfe\xff" if big else b"\xff\xfe\x00\x00") if bom else b"") + body


def entry(title="A", extra=""):
    return "jobs:\n  - {title: %s, start: 2015, end: 2019%s}\n" % (title, extra)


# Inputs whose names are also tried as a style file (all are wrong as styles too).
AS_STYLE = {"a directory", "binary data", "invalid UTF-8", "NUL bytes",
            "10,000-deep flow nesting", "10,000-deep flow mappings",
            "10,000-deep block sequences", "2,000-deep block mappings", "an alias bomb",
            "an undefined alias", "a 50 MB file", "a missing file", "a top-level scalar",
            "a top-level list", "a mapping alias bomb", "/dev/zero", "a symlink loop",
            "UTF-16 LE with a BOM", "UTF-32 BE with a BOM", "an overlong '/'",
            "a UTF-16 surrogate", "65-deep block mappings", "a 2 MiB string",
            "aliases of a long string past 16 MiB"}


def cv_inputs(tmp):
    """(name, bytes or a path, exit status) for every hostile CV. Bytes are written to a
    file first. Status 0 marks odd inputs that are valid and must simply work."""
    rng = random.Random(20261125)
    big = os.path.join(tmp, "big.yaml")
    with open(big, "wb") as f:  # valid YAML, but 50 MB: only the size cap can reject it
        f.write(b"name: Big\n")
        chunk = (b"# " + b"x" * 1021 + b"\n") * 1024
        for _ in range(50):
            f.write(chunk)
    adir = os.path.join(tmp, "a-directory.yaml")
    os.mkdir(adir)
    loop1, loop2 = os.path.join(tmp, "loop1.yaml"), os.path.join(tmp, "loop2.yaml")
    os.symlink(loop2, loop1)
    os.symlink(loop1, loop2)
    dangling = os.path.join(tmp, "dangling.yaml")
    os.symlink(os.path.join(tmp, "nowhere", "cv.yaml"), dangling)
    dirlink = os.path.join(tmp, "dir-link.yaml")
    os.symlink(adir, dirlink)
    long_s = "x" * (1024 * 1024)
    cases = [
        # Empty and non-text
        ("an empty file", b"", 1),
        ("only a comment", b"# nothing\n", 1),
        ("only a document marker", b"---\n", 1),
        ("only whitespace", b" \n\n\t\n", 1),
        ("binary data", bytes(rng.randrange(256) for _ in range(65536)), 1),
        ("a top-level scalar", b"just text\n", 1),
        ("a top-level list", b"- a\n- b\n", 1),
        ("a top-level null", b"~\n", 1),
        ("multiple documents", b"name: A\n---\nname: B\n", 1),
        ("a document end then text", b"name: A\n...\nname: B\n", 1),
        ("an unsupported YAML version", b"%YAML 2.0\n---\nname: A\n", 1),
        ("a tab used as indentation", b"jobs:\n\t- {title: A, start: 2019}\n", 1),
        ("an unclosed flow list", b"jobs: [{title: A, start: 2019}\n", 1),
        ("an unclosed quote", b'name: "A\njobs: []\n', 1),
        # Deep nesting, in every syntax
        ("10,000-deep flow nesting", "jobs: " + "[" * 10000 + "]" * 10000 + "\n", 1),
        ("10,000-deep flow mappings", "jobs: " + "{a: " * 10000 + "1" + "}" * 10000 + "\n", 1),
        ("10,000-deep block sequences", "jobs:\n" + "- " * 10000 + "x\n", 1),
        ("2,000-deep block mappings", block_mapping(2000), 1),
        ("65-deep block mappings", block_mapping(65), 1),
        ("65-deep flow lists", "[" * 65 + "]" * 65 + "\n", 1),
        ("5,000-deep mixed flow", "jobs: " + "[{a: " * 5000 + "1" + "}]" * 5000 + "\n", 1),
        ("3,000-deep explicit keys", "? " * 3000 + "x\n", 1),
        ("10,000 unclosed brackets", "jobs: " + "[" * 10000 + "\n", 1),
        ("1,000 aliases nesting lists", "l0: &l0 [x]\n" + "".join(
            "l%d: &l%d [*l%d]\n" % (i, i, i - 1) for i in range(1, 1000)) + "jobs: *l999\n", 1),
        # Aliases and anchors
        ("an alias bomb", alias_bomb(), 1),
        ("a mapping alias bomb", mapping_bomb(), 1),
        ("an alias bomb under an unused key", "x: " + alias_bomb().replace("\n", "\n  ")
         .replace("  jobs:", "  y:") + "name: A\n", 1),
        ("an undefined alias", b"jobs: *nowhere\n", 1),
        ("a recursive alias", b"jobs: &a [*a]\n", 1),
        ("a recursive alias in a mapping", b"jobs: &a {x: *a}\n", 1),
        ("aliases of a long string past 16 MiB", 's: &s "%s"\njobs:\n%s' % (
            long_s, "".join("  - {title: *s, start: 2019}\n" for _ in range(20))), 1),
        ("a mapping alias used as a key", b"a: &m {x: 1}\n? *m\n: 2\n", 1),
        ("a merge key", b"b: &b {title: A, start: 2019}\njobs:\n  - <<: *b\n    org: X\n", 1),
        ("an anchor redefined", b"a: &x 1\nb: &x [2]\njobs: *x\n", 1),
        ("100,000 anchors", "".join("a%d: &a%d x\n" % (i, i) for i in range(100000)) + entry(), 0),
        ("an anchor on a key", b"&k name: A\n" + entry().encode(), 0),
        ("an alias as a key", b"x: &k name\n*k : A\n" + entry().encode(), 0),
        # Huge scalars and many entries
        ("a 2 MiB string", "name: " + "x" * (2 * 1024 * 1024) + "\n", 1),
        ("a 2 MiB quoted string", 'name: "' + "x" * (2 * 1024 * 1024) + '"\n', 1),
        ("a 2 MiB block literal", "name: |\n  " + "x" * (2 * 1024 * 1024) + "\n", 1),
        ("a 2,000-character key", "k" * 2000 + ": 1\n", 1),
        ("100,001 entries", "jobs: [" + ", ".join(["{title: a, start: 2019}"] * 100001)
         + "]\n", 1),
        ("a 500,000-character title", entry("x" * 500000), 0),
        ("a 1 MiB comment", "# " + "c" * (1024 * 1024) + "\n" + entry(), 0),
        ("a 20-digit year", b"jobs:\n  - {title: A, start: 99999999999999999999-01}\n", 1),
        ("a negative year", b"jobs:\n  - {title: A, start: -5000, end: 2019}\n", 1),
        ("year 0", b"jobs:\n  - {title: A, start: 0000}\n", 1),
        ("February 30th", b"jobs:\n  - {title: A, start: 2019-02-30}\n", 1),
        ("month 13", b"jobs:\n  - {title: A, start: 2019-13}\n", 1),
        ("a 30-digit boolean", entry(extra=", approximate: " + "9" * 30), 1),
        # Tags and directives: a tag never runs anything; a valid document still works
        ("a !!binary tag", b"name: !!binary aGVsbG8=\n" + entry().encode(), 0),
        ("a !!python/object tag", b"name: !!python/object:os.system [ls]\n" + entry().encode(), 1),
        ("a !!python/object/apply tag on a mapping",
         b"x: !!python/object/apply:os.system {args: [ls]}\njobs: !!python/object/new:list []\n", 0),
        ("a local tag", b"name: !evil A\n" + entry().encode(), 0),
        ("a verbatim tag", b"name: !<tag:yaml.org,2002:str> A\n" + entry().encode(), 0),
        ("a %TAG directive", b"%TAG !e! tag:evil.example,2000:\n---\nname: !e!x A\n"
         + entry().encode(), 0),
        ("a !!set", b"jobs: !!set {a, b}\n", 1),
        # Encodings
        ("invalid UTF-8", "name: Jos\xe9\njobs: []\n".encode("latin-1"), 1),
        ("a lone UTF-8 continuation byte in a key", b"na\x80me: X\n", 1),
        ("a lone continuation byte in a value", b"name: A\x80B\n", 1),
        ("invalid UTF-8 in a comment", b"# caf\xe9\nname: A\n", 1),
        ("an overlong '/'", b"name: \xc0\xaf\n", 1),
        ("an overlong 3-byte sequence", b"name: \xe0\x80\xaf\n", 1),
        ("an overlong 4-byte sequence", b"name: \xf0\x80\x80\xaf\n", 1),
        ("a UTF-16 surrogate", b"name: \xed\xa0\x80\n", 1),
        ("a low surrogate", b"name: \xed\xb0\x80\n", 1),
        ("a code point past U+10FFFF", b"name: \xf4\x90\x80\x80\n", 1),
        ("a 5-byte sequence", b"name: \xf8\x88\x80\x80\x80\n", 1),
        ("bytes 0xFE 0xFF", b"name: \xfe\xff\n", 1),
        ("a sequence cut at the end of the file", b"name: ab\xe2\x82", 1),
        ("a sequence cut before a newline", b"name: ab\xe2\x82\njobs: []\n", 1),
        ("an escaped surrogate", b'name: "\\ud800"\n', 1),
        ("an escaped NUL", b'name: "a\\0b"\n', 1),
        ("an escaped NUL in a key", b'"a\\x00": 1\n', 1),
        ("UTF-16 LE with a BOM", utf16(GOOD_CV, True), 1),
        ("UTF-16 BE with a BOM", utf16(GOOD_CV, True, big=True), 1),
        ("UTF-16 LE without a BOM", utf16(GOOD_CV, False), 1),
        ("UTF-32 LE with a BOM", utf32(GOOD_CV, True), 1),
        ("UTF-32 BE with a BOM", utf32(GOOD_CV, True, big=True), 1),
        ("a UTF-8 BOM", b"\xef\xbb\xbf" + GOOD_CV.encode(), 0),
        ("a UTF-8 BOM in the middle of a name", b"name: A\xef\xbb\xbfB\n" + entry().encode(), 0),
        ("bidi overrides and escape sequences in a title",
         "jobs:\n  - {title: \"\\u202eevil\\x1b[31m\\u2028x\", start: 2015}\n", 0),
        ("NUL bytes", b"name: A\x00B\njobs: []\n", 1),
        ("a NUL byte first", b"\x00name: A\n", 1),
        ("a NUL byte last", GOOD_CV.encode() + b"\x00", 1),
        ("a NUL byte in a comment", b"# a\x00b\n" + GOOD_CV.encode(), 1),
        ("CRLF line ends", GOOD_CV.replace("\n", "\r\n"), 0),
        ("CR line ends", GOOD_CV.replace("\n", "\r"), 0),
        ("mixed line ends", b"name: A\r\njobs:\n  - {title: E, start: 2015, end: 2019}\r", 0),
        ("CRLF with an error on line 3", "name: A\r\njobs:\r\n  - {title: E, start: 2015, end: 2012}\r\n", 1),
        ("ANSI escapes in an unknown key", b'"\\e[2J\\e[31mkey": 1\n' + entry().encode(), 0),
        # Special files
        ("a 50 MB file", big, 1),
        ("a directory", adir, 1),
        ("a missing file", os.path.join(tmp, "no-such-file.yaml"), 1),
        ("/dev/zero", "/dev/zero", 1),
        ("/dev/urandom", "/dev/urandom", 1),
        ("/dev/null by name", "/dev/null", 1),
        ("a symlink loop", loop1, 1),
        ("a dangling symlink", dangling, 1),
        ("a symlink to a directory", dirlink, 1),
        ("stdin from /dev/null", "-", 1),
    ]
    if os.path.exists("/proc/self/mem"):
        cases.append(("/proc/self/mem", "/proc/self/mem", 1))
    out = []
    for i, (name, data, want) in enumerate(cases):
        if isinstance(data, bytes) or (isinstance(data, str) and not data.startswith("/")
                                       and data != "-"):
            data = write(os.path.join(tmp, "in-%03d.yaml" % i), data)
        out.append((name, data, want))
    return out


def stderr_clean(err):
    """No raw control character (other than newline) reaches the terminal."""
    return not any(ord(ch) < 32 and ch not in "\n" or ord(ch) == 127 for ch in err)


def check_failure(t, what, status, err, want, outdir, before, elapsed):
    """A failed run: the status, an error: line, clean stderr, the earlier output
    byte-identical and nothing else in the folder."""
    t.ok(status == want, "%s: exits %d" % (what, want),
         describe(status, err) + "\n(after %.1f s)" % elapsed)
    if status is None or status < 0:
        return
    t.ok(any("error:" in line for line in err.splitlines()),
         "%s: prints an error: line" % what, "stderr:\n" + (err or "(empty)"))
    t.ok(stderr_clean(err), "%s: no raw control character on stderr" % what, repr(err[:500]))
    after = sorted(os.listdir(outdir))
    with open(os.path.join(outdir, "out.svg"), "rb") as f:
        kept = f.read() == SENTINEL
    t.ok(after == before and kept, "%s: earlier output unchanged, no stray file" % what,
         "output folder before: %s, after: %s; earlier output kept: %s" % (before, after, kept))


def check_success(t, what, status, err, outdir, before, elapsed):
    """An odd but valid input: exit 0, a new SVG, no temporary file left."""
    t.ok(status == 0, "%s: exits 0" % what, describe(status, err) + "\n(after %.1f s)" % elapsed)
    if status != 0:
        return
    with open(os.path.join(outdir, "out.svg"), "rb") as f:
        data = f.read()
    t.ok(data.startswith(b"<?xml") and data.rstrip().endswith(b"</svg>"),
         "%s: writes a whole SVG" % what, repr(data[:200]))
    t.ok(stderr_clean(err), "%s: no raw control character on stderr" % what, repr(err[:500]))
    t.ok(sorted(os.listdir(outdir)) == before, "%s: no stray file" % what,
         str(sorted(os.listdir(outdir))))


def run_timed(cmd, cwd=None, stdin=None, preexec_fn=None):
    start = time.monotonic()
    if preexec_fn is None:
        status, out, err = run(cmd, cwd=cwd, stdin=stdin, timeout=LIMIT)
    else:
        try:
            p = subprocess.run(cmd, cwd=cwd or SRC, stdin=stdin, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=LIMIT, preexec_fn=preexec_fn)
            status, out, err = p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            status, out, err = None, b"", ""
    return status, out, err, time.monotonic() - start


def reset_output(outdir):
    write(os.path.join(outdir, "out.svg"), SENTINEL)
    return sorted(os.listdir(outdir))


def cv_cases(t, exe, tmp, outdir):
    good = write(os.path.join(tmp, "ok.yaml"), GOOD_CV)
    for what, path, want in cv_inputs(tmp):
        before = reset_output(outdir)
        target = os.path.join(outdir, "out.svg")
        cmd = [exe, path, "--today", TODAY, "-o", target]
        if path == "-":
            with open(os.devnull, "rb") as devnull:
                status, _, err, el = run_timed(cmd, stdin=devnull)
        else:
            status, _, err, el = run_timed(cmd)
        if want == 0:
            check_success(t, what, status, err, outdir, before, el)
        else:
            check_failure(t, what, status, err, want, outdir, before, el)
        if what == "CRLF with an error on line 3":
            t.ok(":3:" in err, "%s: the message names line 3" % what, err)
        if path == "-":
            continue
        # The same input through --check and as a style file must not crash either.
        status, _, err, el = run_timed([exe, "--check", "--today", TODAY, path])
        t.ok(status == want, "%s: --check exits %d" % (what, want), describe(status, err))
        if what in AS_STYLE:
            status, _, err, el = run_timed([exe, "-s", path, "--check", good])
            t.ok(status == 1 and "error:" in err, "%s as a style file: exits 1 with an error"
                 % what, describe(status, err))


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
    before = reset_output(outdir)
    status, _, err, el = run_timed([exe, fifo, "-o", os.path.join(outdir, "out.svg")])
    done.set()
    th.join(1)
    check_failure(t, "a FIFO whose writer closes at once", status, err, 1, outdir, before, el)


def unreadable_case(t, exe, tmp, outdir):
    """A file the user may not read. Root reads everything, so as root the run drops to
    the nobody user (when the binary is reachable for it); else it is skipped."""
    path = write(os.path.join(tmp, "unreadable.yaml"), GOOD_CV)
    os.chmod(path, 0)
    preexec = None
    if ROOT:
        def preexec():
            os.setgid(65534)
            os.setuid(65534)
        if not all(os.stat(d).st_mode & 0o001 for d in parents(exe) + parents(tmp)):
            print("# skipped the unreadable-file case: the build is not reachable for nobody")
            return
        os.chmod(tmp, 0o755)
        os.chmod(outdir, 0o777)
    before = reset_output(outdir)
    os.chmod(os.path.join(outdir, "out.svg"), 0o666)
    try:
        status, _, err, el = run_timed([exe, path, "-o", os.path.join(outdir, "out.svg")],
                                       preexec_fn=preexec)
    except OSError as e:
        print("# skipped the unreadable-file case: %s" % e)
        return
    check_failure(t, "an unreadable file", status, err, 1, outdir, before, el)


def parents(path):
    out = []
    path = os.path.dirname(os.path.abspath(path))
    while True:
        out.append(path)
        up = os.path.dirname(path)
        if up == path:
            return out
        path = up


def readonly_dir(base):
    """A folder nobody may write into: a read-only bind mount as root (root ignores
    permissions), a mode 0555 folder otherwise. Returns (path, cleanup) or (None, None)."""
    src = os.path.join(base, "ro-src")
    ro = os.path.join(base, "read-only")
    os.mkdir(src)
    os.mkdir(ro)
    write(os.path.join(src, "out.svg"), SENTINEL)
    if not ROOT:
        write(os.path.join(ro, "out.svg"), SENTINEL)
        os.chmod(ro, 0o555)
        return ro, lambda: os.chmod(ro, 0o755)
    for cmd in (["mount", "--bind", src, ro], ["mount", "-o", "remount,ro,bind", ro]):
        if subprocess.run(cmd, stderr=subprocess.DEVNULL).returncode != 0:
            subprocess.run(["umount", ro], stderr=subprocess.DEVNULL)
            return None, None
    return ro, lambda: subprocess.run(["umount", ro], stderr=subprocess.DEVNULL)


def output_cases(t, exe, tmp):
    cv = write(os.path.join(tmp, "good.yaml"), GOOD_CV)
    base = os.path.join(tmp, "outputs")
    os.mkdir(base)
    adir = os.path.join(base, "a-directory.svg")
    os.mkdir(adir)
    write(os.path.join(base, "out.svg"), SENTINEL)
    link_to_cv = os.path.join(base, "cv-link.svg")
    os.symlink(cv, link_to_cv)
    too_long = os.path.join(base, *(["d" * 200] * 25)) + "/out.svg"  # > PATH_MAX (4096)
    long_name = os.path.join(base, "n" * 300 + ".svg")  # > NAME_MAX (255)
    cases = [
        ("output into a missing directory", [os.path.join(base, "missing", "out.svg")], 3),
        ("output onto a directory", [adir], 3),
        ("output under a file", [os.path.join(cv, "out.svg")], 3),
        ("output to /dev/full", ["/dev/full", "--format", "svg"], 3),
        ("output into /proc", ["/proc/cvtimeline-test.svg"], 3),
        ("output path longer than PATH_MAX", [too_long], 3),
        ("output name longer than NAME_MAX", [long_name], 3),
        ("output equal to the input", [cv, "--format", "svg"], 2),
        ("output a symlink to the input", [link_to_cv], 2),
        ("output PNG to /dev/full", ["/dev/full", "--format", "png"], 3),
        ("output PDF to /dev/full", ["/dev/full", "--format", "pdf"], 3),
    ]
    ro, cleanup = readonly_dir(base)
    if ro is None:
        print("# skipped the read-only folder case: cannot make one here")
    else:
        cases.append(("output into a read-only folder", [os.path.join(ro, "out.svg")], 3))
    try:
        for what, args, want in cases:
            before = sorted(os.listdir(base))
            ro_before = sorted(os.listdir(ro)) if ro else None
            status, _, err, el = run_timed([exe, cv, "-o"] + args)
            t.ok(status == want, "%s: exits %d" % (what, want),
                 describe(status, err) + "\n(after %.1f s)" % el)
            t.ok(status is not None and "error:" in err, "%s: prints an error: line" % what,
                 err or "(empty)")
            with open(cv) as f:
                t.ok(f.read() == GOOD_CV, "%s: the CV is unchanged" % what)
            with open(os.path.join(base, "out.svg"), "rb") as f:
                t.ok(f.read() == SENTINEL and sorted(os.listdir(base)) == before
                     and sorted(os.listdir(adir)) == [] and
                     (ro is None or sorted(os.listdir(ro)) == ro_before),
                     "%s: nothing written, no stray temporary file" % what,
                     "before: %s, after: %s" % (before, sorted(os.listdir(base))))
    finally:
        if cleanup:
            cleanup()
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
        t.ok(status is not None and "error:" in err,
             "stdout onto a full device: prints an error: line", err or "(empty)")
        with open("/dev/full", "wb") as full:
            p = subprocess.run([exe, cv, "--dump-layout", "--today", TODAY], cwd=SRC,
                               stdout=full, stderr=subprocess.PIPE, timeout=LIMIT)
        t.ok(p.returncode == 3, "--dump-layout onto a full device: exits 3",
             describe(p.returncode, p.stderr.decode("utf-8", "replace")))


def style_cases(t, exe, tmp, outdir):
    """Hostile style files and --set values: exit 1 (2 where an option takes part)."""
    cv = write(os.path.join(tmp, "style-cv.yaml"), GOOD_CV)
    sdir = os.path.join(tmp, "styles")
    os.mkdir(sdir)
    write(os.path.join(sdir, "cycle-a.yaml"), "extends: cycle-b.yaml\n")
    write(os.path.join(sdir, "cycle-b.yaml"), "extends: cycle-a.yaml\n")
    write(os.path.join(sdir, "self.yaml"), "extends: self.yaml\n")
    chain = ["extends: c%03d.yaml\n" % (i + 1) for i in range(200)]
    for i, text in enumerate(chain):
        write(os.path.join(sdir, "c%03d.yaml" % i), text)
    write(os.path.join(sdir, "c200.yaml"), "extends: c000.yaml\n")
    os.mkdir(os.path.join(sdir, "a-dir.yaml"))
    number_values = [".nan", ".NaN", "nan", ".inf", "-.inf", "inf", "1e308", "-1e308", "-5",
                     "0x10", "1e-320", "20001", "[1]", "{a: 1}", "~", "''", "1_000", "0o17"]
    cases = [("page.width: %s" % v, "page:\n  width: %s\n" % v, [], 1) for v in number_values]
    cases += [
        ("bar.height: nan", "bar: {height: .nan}\n", [], 1),
        ("bar.height: -1", "bar: {height: -1}\n", [], 1),
        ("bar.height: 1e308", "bar: {height: 1e308}\n", [], 1),
        ("bar.radius: inf", "bar: {radius: .inf}\n", [], 1),
        ("page.margin: 1e308", "page: {margin: 1e308}\n", [], 1),
        ("page.margin wider than the page", "page: {margin: 2000, width: 100}\n", [], 1),
        ("today.dash with NaN", "today: {dash: [.nan, 1]}\n", [], 1),
        ("today.dash with 1,000 items", "today: {dash: [%s]}\n" % ", ".join(["1"] * 1000), [], 1),
        ("a font of size 100000", "bar: {font: 'Sans 100000'}\n", [], 1),
        ("a font of size 1e308", "bar: {font: 'Sans 1e308'}\n", [], 1),
        ("a font of size -5", "bar: {font: 'Sans -5'}\n", [], 1),
        ("a font of size 0", "bar: {font: 'Sans 0'}\n", [], 1),
        ("an empty palette", "palette: []\n", [], 1),
        ("a palette of 1,000 colours", "palette: [%s]\n" % ", ".join(["'#123456'"] * 1000), [], 1),
        ("a colour #GGGGGG", "page: {background: '#GGGGGG'}\n", [], 1),
        ("a 1 MiB colour", "page: {background: '%s'}\n" % ("a" * (1024 * 1024)), [], 1),
        ("a page giving a PNG over 32767 px high", "page: {width: 1000, height: 20000}\n",
         ["--scale", "2"], 2),
        ("a page giving a PNG over 100 Mpx", "page: {width: 20000, height: 20000}\n", [], 1),
        ("an extends cycle", os.path.join(sdir, "cycle-a.yaml"), [], 1),
        ("a style extending itself", os.path.join(sdir, "self.yaml"), [], 1),
        ("a 200-step extends cycle", os.path.join(sdir, "c000.yaml"), [], 1),
        ("extends a missing file", "extends: no-such-style.yaml\n", [], 1),
        ("extends /dev/zero", "extends: /dev/zero\n", [], 1),
        ("extends a directory", "extends: %s\n" % os.path.join(sdir, "a-dir.yaml"), [], 1),
        ("extends a list", "extends: [default, dark]\n", [], 1),
        ("a style that is a list", "- a\n", [], 1),
        ("a style with 10,000-deep nesting", "page: " + "[" * 10000 + "]" * 10000 + "\n", [], 1),
        ("a style that is /dev/zero", "/dev/zero", [], 1),
        ("a style that is a directory", os.path.join(sdir, "a-dir.yaml"), [], 1),
        ("a missing style", os.path.join(sdir, "missing.yaml"), [], 1),
    ]
    sets = [
        ("--set bar.height=nan", ["--set", "bar.height=nan"], 1),
        ("--set page.width=1e308", ["--set", "page.width=1e308"], 1),
        ("--set with an unknown key", ["--set", "bar.heigth=3"], 1),
        ("--set with a flow bomb", ["--set", "palette=" + "[" * 10000], 1),
        ("--set without a value", ["--set", "bar.height"], 2),
        ("--set with an empty key", ["--set", "=1"], 2),
        ("--set with invalid UTF-8", ["--set", b"bar.font=\xff".decode("utf-8", "surrogateescape")], 2),
    ]
    for i, (what, style, extra, want) in enumerate(cases):
        path = style if style.startswith("/") else write(os.path.join(sdir, "s%03d.yaml" % i), style)
        fmt = "png" if "PNG" in what else "svg"
        target = os.path.join(outdir, "out." + fmt)
        before = reset_output(outdir)
        status, _, err, el = run_timed([exe, cv, "-s", path, "-o", target] + extra)
        if fmt == "png":
            t.ok(not os.path.exists(target), "style %s: no PNG written" % what)
        check_failure(t, "style %s" % what, status, err, want, outdir, before, el)
    for what, args, want in sets:
        before = reset_output(outdir)
        status, _, err, el = run_timed([exe, cv, "-o", os.path.join(outdir, "out.svg")] + args)
        check_failure(t, what, status, err, want, outdir, before, el)


def option_cases(t, exe, tmp, outdir):
    """Hostile options: exit 2 before anything is read or written."""
    cv = write(os.path.join(tmp, "option-cv.yaml"), GOOD_CV)
    values = ["0", "-1", "nan", "NaN", "inf", "1e9", "1e308", "", "abc", "0x10", "1,5", " 5"]
    cases = [("--width %r" % v, ["--width", v]) for v in values]
    cases += [("--height %r" % v, ["--height", v]) for v in ["0", "-1", "nan", "1e9", "inf"]]
    cases += [("--scale %r" % v, ["--scale", v], "png")
              for v in ["0", "100", "nan", "-1", "inf", "1e-400", "16.01"]]
    cases += [
        ("--scale 16 with --width 20000", ["--scale", "16", "--width", "20000"], "png"),
        ("--from garbage", ["--from", "yesterday-ish"]),
        ("--from after --to", ["--from", "2020", "--to", "2010"]),
        ("--today present", ["--today", "present"]),
        ("--today year 0", ["--today", "0000-01-01"]),
        ("--to with invalid UTF-8", ["--to", b"20\xff".decode("utf-8", "surrogateescape")]),
        ("--only an unknown group", ["--only", "nope"]),
        ("--only an empty list", ["--only", ","]),
        ("--input-format unknown", ["--input-format", "xml"]),
        ("--format unknown", ["--format", "gif"]),
        ("an unknown option", ["--frobnicate"]),
        ("a second CV file", [cv]),
    ]
    for case in cases:
        what, args = case[0], case[1]
        fmt = case[2] if len(case) > 2 else "svg"
        target = os.path.join(outdir, "out." + fmt)
        before = reset_output(outdir)
        status, _, err, el = run_timed([exe, cv, "-o", target] + args)
        check_failure(t, what, status, err, 2, outdir, before, el)
    for what, args in [("no CV file", ["-o", os.path.join(outdir, "out.svg")]),
                       ("an unknown extension", [cv, "-o", os.path.join(outdir, "out.gif")]),
                       ("-o - without --format", [cv, "-o", "-"])]:
        before = reset_output(outdir)
        status, _, err, el = run_timed([exe] + args)
        check_failure(t, what, status, err, 2, outdir, before, el)


def main():
    exe = binary_from_argv()
    t = Tap()
    with tempfile.TemporaryDirectory(prefix="cvt-hostile-") as tmp:
        outdir = os.path.join(tmp, "out")
        os.mkdir(outdir)
        cv_cases(t, exe, tmp, outdir)
        fifo_case(t, exe, tmp, outdir)
        unreadable_case(t, exe, tmp, outdir)
        output_cases(t, exe, tmp)
        style_cases(t, exe, tmp, outdir)
        option_cases(t, exe, tmp, outdir)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
