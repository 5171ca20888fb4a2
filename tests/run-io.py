#!/usr/bin/env python3
"""Files that are not plain files (doc/cvtimeline.1, INPUT FILES; README "Limits and
guarantees"): FIFOs and pipes as the CV, a style (-s) or a style's `extends:`: without a
writer, with a writer that never writes, that stops half-way or that never stops, and
with one that writes a CV; `<(cmd)`, standard input; devices that must not be opened.
Every run must end within its limit, fail with exit 1 and an `error:` line naming the
file, or succeed; a failing run leaves an existing output byte-identical.

Usage: python3 tests/run-io.py PATH/TO/cvtimeline
"""
import os
import stat
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import SRC, TODAY, Tap, binary_from_argv, describe  # noqa: E402

LIMIT = 20  # seconds per run: the hostile corpus's own limit
WAIT = "1"  # CVTIMELINE_PIPE_TIMEOUT for the runs that must give up waiting
GOOD_CV = "name: IO Test\njobs:\n  - {title: Engineer, org: Company, start: 2015-01, end: 2019-12}\n"
SENTINEL = b"<!-- an earlier output that a failed run must leave as it was -->\n"
ROOT = os.geteuid() == 0


def write(path, data, mode=None):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    if mode is not None:
        os.chmod(path, mode)
    return path


def read(path):
    with open(path, "rb") as f:
        return f.read()


def listing(d):
    return sorted(os.listdir(d))


def run(exe, args, env=None, stdin=subprocess.DEVNULL, preexec_fn=None, cwd=None):
    """(status, stdout, stderr); status None after LIMIT seconds, negative for a signal."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    try:
        p = subprocess.run([exe] + args, cwd=cwd or SRC, env=full_env, stdin=stdin,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=LIMIT,
                           preexec_fn=preexec_fn)
    except subprocess.TimeoutExpired as e:
        return None, e.stdout or b"", (e.stderr or b"").decode("utf-8", "replace")
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def is_svg(data):
    return data.startswith(b"<?xml") and data.rstrip().endswith(b"</svg>")


class Writer(threading.Thread):
    """Opens @fifo for writing once a reader has (never blocking), then does @what:
    "close" at once, "hold" it open writing nothing, "half" (a part, then holds),
    "trickle" (a line at a time, forever) or "all" (writes @data and closes). Stopped by
    stop()."""

    def __init__(self, fifo, what, data=b""):
        super().__init__(daemon=True)
        self.fifo, self.what, self.data = fifo, what, data
        self.done = threading.Event()
        self.start()

    def run(self):
        fd = None
        while fd is None and not self.done.is_set():
            try:
                fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.01)
        if fd is None:
            return
        os.set_blocking(fd, True)
        try:
            if self.what == "all":
                os.write(fd, self.data)
            elif self.what == "half":
                os.write(fd, self.data[:len(self.data) // 2])
            while self.what in ("hold", "half") and not self.done.wait(0.05):
                pass
            while self.what == "trickle" and not self.done.wait(0.05):
                os.write(fd, b"# more\n")
        except OSError:
            pass
        finally:
            os.close(fd)

    def stop(self):
        self.done.set()
        self.join(5)


def check_failed(t, what, status, err, want, outdir=None, before=None, target=None,
                 message=None):
    """A failed run: its status, an error: line (and @message in it), and when @outdir is
    given, the folder as it was and @target still the sentinel."""
    t.ok(status == want, "%s: exits %d" % (what, want), describe(status, err))
    t.ok(status is not None and "error:" in err and (message is None or message in err),
         "%s: says why%s" % (what, " (%r)" % message if message else ""), err or "(empty)")
    if outdir is not None:
        t.ok(listing(outdir) == before, "%s: no file added or removed" % what,
             "before: %s\nafter: %s" % (before, listing(outdir)))
    if target is not None:
        t.ok(os.path.exists(target) and read(target) == SENTINEL,
             "%s: the earlier output is unchanged" % what)


# --- Inputs ---

def input_cases(t, exe, tmp):
    d = os.path.join(tmp, "inputs")
    os.mkdir(d)
    out = os.path.join(d, "out")
    os.mkdir(out)
    target = write(os.path.join(out, "out.svg"), SENTINEL)
    cv = write(os.path.join(d, "cv.yaml"), GOOD_CV)
    env = {"CVTIMELINE_PIPE_TIMEOUT": WAIT}

    def fifo(name):
        path = os.path.join(d, name)
        if os.path.exists(path):
            os.unlink(path)
        os.mkfifo(path)
        return path

    # The CV, a style and a style's extends: as FIFOs nobody writes to.
    f = fifo("cv-fifo.yaml")
    status, _, err = run(exe, [f, "-o", target], env=env)
    check_failed(t, "a CV FIFO without a writer", status, err, 1, out, ["out.svg"], target,
                 "%s: error: cannot read: nothing arrived within 1 s" % f)
    s = fifo("style-fifo.yaml")
    status, _, err = run(exe, [cv, "-s", s, "-o", target], env=env)
    check_failed(t, "a style FIFO without a writer", status, err, 1, out, ["out.svg"], target,
                 "%s: error: cannot read: nothing arrived" % s)
    ext = write(os.path.join(d, "extends.yaml"), "extends: style-fifo.yaml\n")
    status, _, err = run(exe, [cv, "-s", ext, "-o", target], env=env)
    check_failed(t, "extends: a FIFO without a writer", status, err, 1, out, ["out.svg"], target,
                 "%s:1:10: error: cannot use style '%s': cannot read: nothing arrived"
                 % (ext, s))
    # Both the CV and the style: one run reports both (one wait shared by the inputs).
    status, _, err = run(exe, [f, "-s", s, "-o", target], env=env)
    check_failed(t, "a CV FIFO and a style FIFO without writers", status, err, 1, out,
                 ["out.svg"], target)
    t.ok(f + ": error:" in err and s + ": error:" in err,
         "a CV FIFO and a style FIFO without writers: both are reported", err)
    # A writer that opens and never writes, stops half-way, or never stops.
    for what, mode, message in [
            ("a CV FIFO whose writer writes nothing", "hold", "nothing arrived within 1 s"),
            ("a CV FIFO whose writer stops half-way", "half", "the input did not end within 1 s"),
            ("a CV FIFO whose writer never stops", "trickle", "the input did not end within 1 s")]:
        w = Writer(f, mode, GOOD_CV.encode())
        status, _, err = run(exe, [f, "-o", target], env=env)
        w.stop()
        check_failed(t, what, status, err, 1, out, ["out.svg"], target, message)
    # No wait at all.
    status, _, err = run(exe, [f, "-o", target], env={"CVTIMELINE_PIPE_TIMEOUT": "0"})
    check_failed(t, "a CV FIFO without a writer, CVTIMELINE_PIPE_TIMEOUT=0", status, err, 1,
                 out, ["out.svg"], target, "nothing arrived within 0 s")
    # A FIFO whose writer writes a CV, as the CV and as a style.
    w = Writer(f, "all", GOOD_CV.encode())
    status, _, err = run(exe, [f, "--today", TODAY, "-o", target], env=env)
    w.stop()
    t.ok(status == 0 and is_svg(read(target)), "a CV FIFO with a writer: renders",
         describe(status, err))
    w = Writer(s, "all", b"bar: {height: 30}\n")
    status, _, err = run(exe, [cv, "-s", s, "--today", TODAY, "-o", target], env=env)
    w.stop()
    t.ok(status == 0, "a style FIFO with a writer: renders", describe(status, err))
    # <(cmd): a pipe through /dev/fd, from a writer that takes a while to start.
    status, _, err = run("/bin/bash", ["-c", '"$0" <(sleep 0.3; cat "$1") --today %s -o "$2"'
                                       % TODAY, exe, cv, target])
    t.ok(status == 0 and is_svg(read(target)), "<(cmd) as the CV: renders",
         describe(status, err))
    # Standard input: a file, a pipe, a pipe nobody writes to.
    with open(cv, "rb") as f_in:
        status, _, err = run(exe, ["-", "--today", TODAY, "-o", target], stdin=f_in)
    t.ok(status == 0, "standard input from a file: renders", describe(status, err))
    p = subprocess.Popen(["cat", cv], stdout=subprocess.PIPE)
    status, _, err = run(exe, ["-", "--today", TODAY, "-o", target], stdin=p.stdout)
    p.stdout.close()
    p.wait()
    t.ok(status == 0, "standard input from a pipe: renders", describe(status, err))
    write(target, SENTINEL)
    r, w_fd = os.pipe()
    status, _, err = run(exe, ["-", "-o", target], env=env, stdin=r)
    os.close(r)
    os.close(w_fd)
    check_failed(t, "standard input from a pipe nobody writes to", status, err, 1, out,
                 ["out.svg"], target, "<stdin>: error: cannot read: nothing arrived")
    # Endless devices still stop at the cap; devices with side effects are not opened.
    status, _, err = run(exe, ["/dev/zero", "-o", target])
    check_failed(t, "/dev/zero as the CV", status, err, 1, out, ["out.svg"], target,
                 "larger than 16 MiB")
    status, _, err = run(exe, [cv, "-s", "/dev/urandom", "-o", target])
    check_failed(t, "/dev/urandom as a style", status, err, 1, out, ["out.svg"], target,
                 "larger than 1 MiB")
    if ROOT:
        # Device numbers that no driver has (the range for local use), so that the test
        # is harmless even if the device were opened.
        for kind, dev, what in [(stat.S_IFCHR, os.makedev(240, 7), "a character device"),
                                (stat.S_IFBLK, os.makedev(240, 7), "a block device")]:
            node = os.path.join(d, "device.yaml")
            os.mknod(node, kind | 0o600, dev)
            status, _, err = run(exe, [node, "-o", target])
            check_failed(t, "%s as the CV" % what, status, err, 1, out, ["out.svg"], target,
                         "cannot open: it is a device, not a file")
            status, _, err = run(exe, [cv, "-s", node, "-o", target])
            check_failed(t, "%s as a style" % what, status, err, 1, out, ["out.svg"], target,
                         "cannot open: it is a device, not a file")
            os.unlink(node)
    else:
        t.skip("devices as inputs", "needs root to make device nodes")
    # A bad wait setting is a command-line error.
    for value in ["-1", "abc", "1e9", ""]:
        status, _, err = run(exe, [cv, "-o", target], env={"CVTIMELINE_PIPE_TIMEOUT": value})
        check_failed(t, "CVTIMELINE_PIPE_TIMEOUT=%r" % value, status, err, 2, out, ["out.svg"],
                     target, "CVTIMELINE_PIPE_TIMEOUT")


def main():
    exe = binary_from_argv()
    t = Tap()
    tmp = tempfile.mkdtemp(prefix="cvt-io-")
    try:
        input_cases(t, exe, tmp)
    finally:
        subprocess.run(["rm", "-rf", tmp])
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
