#!/usr/bin/env python3
"""Files that are not plain files, and outputs that are not plain paths (doc/cvtimeline.1,
FILES and OUTPUT; README "Limits and guarantees"):
- FIFOs and pipes as the CV, a style (-s) or a style's `extends:`: without a writer, with
  a writer that never writes, that stops half-way or that never stops, and with one that
  writes a CV; `<(cmd)`, standard input; devices that must not be opened;
- -o through symbolic links: to a file (replaced, the link kept), a folder, nothing, a
  loop, 40 and 41 links, links in sticky shared folders owned by others (not followed),
  files and FIFOs of others in such folders, read-only targets, owners and modes kept;
- -o FIFOs without a reader or with a reader that never reads, /dev/stdout, devices;
- signals (SIGINT, SIGTERM, SIGHUP, and SIGKILL where the file system has O_TMPFILE)
  during a large render, with the anonymous temporary file and the named one
  (CVT_TEST_NAMED_TEMP, the fallback), and a file size limit (ulimit -f).
Every run must end within its limit, fail with exit 1 (input) or 3 (output) and an
`error:` line, or succeed; a failing run leaves an existing output byte-identical and
never leaves a temporary file behind.

Usage: python3 tests/run-io.py PATH/TO/cvtimeline
"""
import os
import resource
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import SRC, TODAY, Tap, binary_from_argv, describe  # noqa: E402

LIMIT = 20  # seconds per run: the hostile corpus's own limit
# CVTIMELINE_PIPE_TIMEOUT for the runs that must give up waiting, and only for them: a run
# that must succeed waits the default 10 s, and every case is arranged so that what it
# checks does not depend on how fast the machine is (no timed assertions).
WAIT = "1"
GOOD_CV = "name: IO Test\njobs:\n  - {title: Engineer, org: Company, start: 2015-01, end: 2019-12}\n"
SENTINEL = b"<!-- an earlier output that a failed run must leave as it was -->\n"
ROOT = os.geteuid() == 0
OTHER, THIRD = 65534, 65533  # uids that are neither the caller nor each other


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
    """A writer of @fifo that does @what: "hold" it open writing nothing, "half" (a part,
    then holds), "trickle" (a line at a time, forever) or "all" (writes @data and closes).
    Stopped by stop().

    "hold", "half" and "trickle" open the FIFO (read-write, which never blocks) and write
    their first part before the program starts, so that what the program sees within its
    wait (a writer and nothing, or a part and no end) does not depend on when this thread
    runs. "all" opens it once the program has (it must close for the program to see the
    end), and the program then waits the default 10 s for it."""

    def __init__(self, fifo, what, data=b""):
        super().__init__(daemon=True)
        self.fifo, self.what, self.data = fifo, what, data
        self.done = threading.Event()
        self.fd = None
        if what != "all":
            self.fd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
            if what == "half":
                os.write(self.fd, data[:len(data) // 2])
            elif what == "trickle":
                os.write(self.fd, b"# more\n")
        self.start()

    def run(self):
        fd = self.fd
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
    status, _, err = run(exe, [f, "--today", TODAY, "-o", target])
    w.stop()
    t.ok(status == 0 and is_svg(read(target)), "a CV FIFO with a writer: renders",
         describe(status, err))
    w = Writer(s, "all", b"bar: {height: 30}\n")
    status, _, err = run(exe, [cv, "-s", s, "--today", TODAY, "-o", target])
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


# --- Outputs: FIFOs, devices, standard output ---

def fifo_output_cases(t, exe, tmp):
    d = os.path.join(tmp, "fifo-out")
    os.mkdir(d)
    cv = write(os.path.join(d, "cv.yaml"), GOOD_CV)
    env = {"CVTIMELINE_PIPE_TIMEOUT": WAIT}
    f = os.path.join(d, "out.svg")
    os.mkfifo(f)
    status, _, err = run(exe, [cv, "-o", f], env=env)
    check_failed(t, "-o a FIFO without a reader", status, err, 3, d, ["cv.yaml", "out.svg"],
                 message="no program is reading from it")
    t.ok(stat.S_ISFIFO(os.lstat(f).st_mode), "-o a FIFO without a reader: still a FIFO")
    # A reader that comes late: it opens a moment after the program has started, and the
    # program waits the default 10 s for it (were it early, the run would pass too).
    got = []

    def late_reader():
        time.sleep(0.3)
        with open(f, "rb") as r:
            got.append(r.read())

    th = threading.Thread(target=late_reader, daemon=True)
    th.start()
    status, _, err = run(exe, [cv, "--today", TODAY, "-o", f])
    th.join(10)
    t.ok(status == 0 and got and is_svg(got[0]), "-o a FIFO whose reader comes late: written",
         describe(status, err))
    # A reader that opens and never reads: opened (without blocking) before the program
    # starts and held until it has given up, so that the program always finds it.
    reader_fd = os.open(f, os.O_RDONLY | os.O_NONBLOCK)
    many = big_cv(os.path.join(tmp, "many.yaml"), 300)  # an SVG larger than a pipe holds
    status, _, err = run(exe, [many, "-q", "--today", TODAY, "-o", f, "--format", "svg"], env=env)
    os.close(reader_fd)
    check_failed(t, "-o a FIFO whose reader never reads", status, err, 3,
                 message="the reader stopped reading")
    # Standard output a pipe that nobody reads: -o - and --dump-layout give up too.
    for what, args in [("-o - onto a pipe nobody reads", ["-o", "-", "--format", "svg"]),
                       ("--dump-layout onto a pipe nobody reads", ["--dump-layout"])]:
        r, w_fd = os.pipe()
        with tempfile.TemporaryFile() as err_file:
            p = subprocess.Popen([exe, many, "-q", "--today", TODAY] + args, cwd=SRC,
                                 env=dict(os.environ, **env), stdin=subprocess.DEVNULL,
                                 stdout=w_fd, stderr=err_file)
            os.close(w_fd)
            try:
                status = p.wait(LIMIT)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
                status = None
            os.close(r)
            err_file.seek(0)
            err = err_file.read().decode("utf-8", "replace")
        check_failed(t, what, status, err, 3, message="the reader stopped reading")
    # /dev/stdout and /dev/fd/N reach the open file through procfs: written in place.
    status, out, err = run(exe, [cv, "--today", TODAY, "-o", "/dev/stdout", "--format", "svg"])
    t.ok(status == 0 and is_svg(out), "-o /dev/stdout onto a pipe: written", describe(status, err))
    into = os.path.join(d, "stdout.svg")
    with open(into, "wb") as f_out:
        p = subprocess.run([exe, cv, "--today", TODAY, "-o", "/dev/stdout", "--format", "svg"],
                           cwd=SRC, stdout=f_out, stderr=subprocess.PIPE, timeout=LIMIT)
    t.ok(p.returncode == 0 and is_svg(read(into)), "-o /dev/stdout onto a file: written",
         p.stderr.decode("utf-8", "replace"))
    status, _, err = run("/bin/bash", ["-c", '"$0" "$1" --today %s -o >(cat > "$2") --format svg;'
                                       ' s=$?; wait; exit $s' % TODAY, exe, cv,
                                       os.path.join(d, "procsub.svg")])
    t.ok(status == 0 and is_svg(read(os.path.join(d, "procsub.svg"))),
         "-o >(cmd): written", describe(status, err))
    status, _, err = run(exe, [cv, "-o", "/dev/null", "--format", "svg"])
    t.ok(status == 0, "-o /dev/null: fine", describe(status, err))
    if ROOT:
        node = os.path.join(d, "device.svg")
        for kind in (stat.S_IFCHR, stat.S_IFBLK):
            os.mknod(node, kind | 0o600, os.makedev(240, 7))
            status, _, err = run(exe, [cv, "-o", node])
            check_failed(t, "-o a %s device" % ("character" if kind == stat.S_IFCHR else "block"),
                         status, err, 3, message="it is a device")
            t.ok(os.lstat(node).st_mode & kind == kind, "-o a device: the node is left alone")
            os.unlink(node)
    else:
        t.skip("-o devices", "needs root to make device nodes")


# --- Outputs: symbolic links ---

def link_cases(t, exe, tmp):
    d = os.path.join(tmp, "links")
    os.mkdir(d)
    cv = write(os.path.join(d, "cv.yaml"), GOOD_CV)
    other = os.path.join(d, "other")
    os.mkdir(other)

    def fresh(name):
        p = os.path.join(d, name)
        if os.path.lexists(p):
            os.unlink(p)
        return p

    # A link to a file: the file is replaced (its mode kept), the link stays; a hard link
    # to the old file keeps the old bytes (the replacement is a new file).
    victim = write(os.path.join(other, "victim.svg"), SENTINEL, 0o640)
    hard = os.path.join(other, "hard.svg")
    os.link(victim, hard)
    link = fresh("out.svg")
    os.symlink("other/victim.svg", link)
    status, _, err = run(exe, [cv, "--today", TODAY, "-o", link])
    t.ok(status == 0, "-o a link to a file: written", describe(status, err))
    t.ok(os.path.islink(link) and os.readlink(link) == "other/victim.svg",
         "-o a link to a file: the link is kept")
    t.ok(is_svg(read(victim)) and stat.S_IMODE(os.stat(victim).st_mode) == 0o640,
         "-o a link to a file: the file it points to is replaced, its mode kept")
    t.ok(read(hard) == SENTINEL, "-o a link to a file: a hard link keeps the old bytes")
    t.ok(listing(d) == ["cv.yaml", "other", "out.svg"] and
         listing(other) == ["hard.svg", "victim.svg"], "-o a link to a file: no stray file",
         "%s %s" % (listing(d), listing(other)))
    # Chains: relative links through folders, 40 links (allowed) and 41 (refused).
    sub = os.path.join(d, "sub")
    os.mkdir(sub)
    os.symlink("../other/victim.svg", os.path.join(sub, "hop.svg"))
    chain = fresh("chain.svg")
    os.symlink("sub/hop.svg", chain)
    write(victim, SENTINEL)
    status, _, err = run(exe, [cv, "--today", TODAY, "-o", chain])
    t.ok(status == 0 and is_svg(read(victim)), "-o a chain of relative links: written",
         describe(status, err))
    for n, ok in [(40, True), (41, False)]:
        cdir = os.path.join(d, "chain%d" % n)
        os.mkdir(cdir)
        write(os.path.join(cdir, "end.svg"), SENTINEL)
        for i in range(n):
            os.symlink("l%d.svg" % (i + 1) if i + 1 < n else "end.svg",
                       os.path.join(cdir, "l%d.svg" % i))
        status, _, err = run(exe, [cv, "--today", TODAY, "-o", os.path.join(cdir, "l0.svg")])
        end = read(os.path.join(cdir, "end.svg"))
        if ok:
            t.ok(status == 0 and is_svg(end), "-o through %d links: written" % n,
                 describe(status, err))
        else:
            check_failed(t, "-o through %d links" % n, status, err, 3,
                         message="too many levels of symbolic links")
            t.ok(end == SENTINEL, "-o through %d links: nothing written" % n)
    # A new file in a folder reached through a link (the link is not the last name).
    os.symlink("other", os.path.join(d, "other-link"))
    status, _, err = run(exe, [cv, "--today", TODAY, "-o", os.path.join(d, "other-link", "new.svg")])
    t.ok(status == 0 and is_svg(read(os.path.join(other, "new.svg"))),
         "-o a new file in a folder reached through a link: created there", describe(status, err))
    os.unlink(os.path.join(other, "new.svg"))
    # A link to a folder, to nothing, a loop: refused, nothing created anywhere.
    cases = [("a link to a folder", "other", "it is a folder"),
             ("a dangling link", "other/missing.svg", "which does not exist"),
             ("a link into a missing folder", "nowhere/x.svg", "does not exist"),
             ("a link to itself", "self.svg", "too many levels")]
    for what, to, message in cases:
        link = fresh("self.svg" if "itself" in what else "bad.svg")
        os.symlink(to, link)
        before, other_before = listing(d), listing(other)
        status, _, err = run(exe, [cv, "-o", link])
        check_failed(t, "-o %s" % what, status, err, 3, d, before, message=message)
        t.ok(listing(other) == other_before and os.path.islink(link) and os.readlink(link) == to,
             "-o %s: the link and what it points at are left alone" % what)
        os.unlink(link)
    a, b = fresh("loop-a.svg"), fresh("loop-b.svg")
    os.symlink("loop-b.svg", a)
    os.symlink("loop-a.svg", b)
    status, _, err = run(exe, [cv, "-o", a])
    check_failed(t, "-o a link loop", status, err, 3, message="too many levels")
    # The CV itself through a link stays a command-line error.
    cvlink = fresh("cv-link.svg")
    os.symlink("cv.yaml", cvlink)
    status, _, err = run(exe, [cv, "-o", cvlink])
    t.ok(status == 2 and read(cv) == GOOD_CV.encode(), "-o a link to the CV: exit 2, CV kept",
         describe(status, err))
    # A long name: the temporary file's name is shortened to fit NAME_MAX.
    long_name = os.path.join(d, "n" * 250 + ".svg")
    status, _, err = run(exe, [cv, "--today", TODAY, "-o", long_name])
    t.ok(status == 0 and is_svg(read(long_name)), "-o a 254-byte name: written",
         describe(status, err))


def as_user(uid):
    def preexec():
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    return preexec


def reachable(exe, tmp):
    """Whether another user can run the binary and reach the scratch folder."""
    def parents(path):
        out, path = [], os.path.dirname(os.path.abspath(path))
        while True:
            out.append(path)
            if os.path.dirname(path) == path:
                return out
            path = os.path.dirname(path)
    return all(os.stat(p).st_mode & 0o001 for p in parents(exe) + parents(tmp))


def sticky_cases(t, exe, tmp):
    """The kernel's sticky-folder rules, applied by cvtimeline whatever fs.protected_*
    say: in a sticky world-writable folder, a link is followed only when it belongs to the
    caller or to the folder's owner; an existing file or FIFO there is written only when
    it belongs to one of them."""
    if not ROOT:
        t.skip("links and files of other users in sticky folders", "needs root to chown")
        return
    cv = write(os.path.join(tmp, "sticky-cv.yaml"), GOOD_CV)
    safe = os.path.join(tmp, "safe")
    os.mkdir(safe, 0o755)
    secret = write(os.path.join(safe, "root-only.txt"), SENTINEL, 0o600)

    def shared(name, owner, mode=0o1777):
        p = os.path.join(tmp, name)
        os.mkdir(p)
        os.chown(p, owner, owner)
        os.chmod(p, mode)
        return p

    def link_owned(folder, name, to, uid):
        p = os.path.join(folder, name)
        os.symlink(to, p)
        os.lchown(p, uid, uid)
        return p

    root_tmp = shared("sticky-root", 0)        # like /tmp
    user_tmp = shared("sticky-user", OTHER)    # a sticky folder owned by someone else
    group_tmp = shared("sticky-group", 0, 0o1770)  # sticky, not world-writable
    refused = [
        ("a link of another user in a sticky folder", root_tmp, OTHER),
        ("a link of a third user in another user's sticky folder", user_tmp, THIRD),
    ]
    for i, (what, folder, uid) in enumerate(refused):
        link = link_owned(folder, "out%d.svg" % i, secret, uid)
        before = listing(folder)
        status, _, err = run(exe, [cv, "-o", link])
        check_failed(t, "-o " + what, status, err, 3, folder, before,
                     message="belongs to another user, in the shared folder")
        t.ok(read(secret) == SENTINEL and os.stat(secret).st_mode & 0o777 == 0o600 and
             listing(safe) == ["root-only.txt"], "-o %s: what it points at is untouched" % what)
        t.ok(os.path.islink(link), "-o %s: the link is left alone" % what)
    # A folder on the way that is such a link is refused too.
    dlink = link_owned(root_tmp, "dir-link", safe, OTHER)
    status, _, err = run(exe, [cv, "-o", os.path.join(dlink, "root-only.txt"), "--format", "svg"])
    check_failed(t, "-o through a folder link of another user in a sticky folder", status, err,
                 3, message="belongs to another user")
    t.ok(read(secret) == SENTINEL and listing(safe) == ["root-only.txt"],
         "-o through a folder link of another user: the folder is untouched")
    followed = [
        ("a link of the caller in a sticky folder", root_tmp, 0),
        ("a link of the folder's owner in their sticky folder", user_tmp, OTHER),
        ("a link of another user in a sticky folder others cannot write", group_tmp, OTHER),
    ]
    for i, (what, folder, uid) in enumerate(followed):
        target = write(os.path.join(safe, "mine%d.svg" % i), SENTINEL)
        link = link_owned(folder, "ok%d.svg" % i, target, uid)
        status, _, err = run(exe, [cv, "--today", TODAY, "-o", link])
        t.ok(status == 0 and is_svg(read(target)) and os.path.islink(link),
             "-o %s: followed" % what, describe(status, err))
    # Existing files and FIFOs of others in a sticky folder (protected_regular=2,
    # protected_fifos=2): not written; the caller's own: replaced.
    theirs = write(os.path.join(root_tmp, "theirs.svg"), SENTINEL, 0o666)
    os.chown(theirs, OTHER, OTHER)
    before = listing(root_tmp)
    status, _, err = run(exe, [cv, "-o", theirs])
    check_failed(t, "-o a file of another user in a sticky folder", status, err, 3, root_tmp,
                 before, theirs, "belongs to another user")
    fifo = os.path.join(root_tmp, "theirs-fifo.svg")
    os.mkfifo(fifo)
    os.chown(fifo, OTHER, OTHER)
    status, _, err = run(exe, [cv, "-o", fifo], env={"CVTIMELINE_PIPE_TIMEOUT": WAIT})
    check_failed(t, "-o a FIFO of another user in a sticky folder", status, err, 3,
                 message="belongs to another user")
    in_group = write(os.path.join(group_tmp, "theirs.svg"), SENTINEL)
    os.chown(in_group, OTHER, OTHER)
    status, _, err = run(exe, [cv, "-o", in_group])
    check_failed(t, "-o a file of another user in a group-writable sticky folder", status,
                 err, 3, target=in_group, message="belongs to another user")
    mine = write(os.path.join(root_tmp, "mine.svg"), SENTINEL)
    status, _, err = run(exe, [cv, "--today", TODAY, "-o", mine])
    t.ok(status == 0 and is_svg(read(mine)), "-o the caller's file in a sticky folder: replaced",
         describe(status, err))
    # As that other user, the same rules from the other side.
    if not reachable(exe, tmp):
        t.skip("sticky folders as another user", "the build is not reachable for uid %d" % OTHER)
        return
    os.chmod(tmp, 0o755)
    os.chmod(cv, 0o644)
    mine = link_owned(root_tmp, "root-link.svg", os.path.join(user_tmp, "t.svg"), 0)
    write(os.path.join(user_tmp, "t.svg"), SENTINEL)
    os.chown(os.path.join(user_tmp, "t.svg"), OTHER, OTHER)
    status, _, err = run(exe, [cv, "--today", TODAY, "-o", mine], preexec_fn=as_user(OTHER))
    t.ok(status == 0 and is_svg(read(os.path.join(user_tmp, "t.svg"))),
         "as another user, -o a link of the sticky folder's owner: followed",
         describe(status, err))
    link = link_owned(root_tmp, "third.svg", os.path.join(user_tmp, "t.svg"), THIRD)
    write(os.path.join(user_tmp, "t.svg"), SENTINEL)
    status, _, err = run(exe, [cv, "-o", link], preexec_fn=as_user(OTHER))
    check_failed(t, "as another user, -o a link of a third user in a sticky folder", status,
                 err, 3, target=os.path.join(user_tmp, "t.svg"), message="belongs to another user")


def permission_cases(t, exe, tmp):
    """Read-only targets stay; a replaced file keeps its owner and group (when the caller
    may give them) and its permissions, less set-user-ID and the like."""
    d = os.path.join(tmp, "perms")
    os.mkdir(d)
    os.chmod(d, 0o777)
    cv = write(os.path.join(tmp, "perms-cv.yaml"), GOOD_CV)
    os.chmod(cv, 0o644)
    ro = write(os.path.join(d, "read-only.svg"), SENTINEL, 0o444)
    link = os.path.join(d, "link-to-read-only.svg")
    os.symlink("read-only.svg", link)
    if ROOT and reachable(exe, tmp):
        os.chmod(tmp, 0o755)
        os.chown(ro, OTHER, OTHER)
        for what, path in [("a read-only file", ro), ("a link to a read-only file", link)]:
            before = listing(d)
            status, _, err = run(exe, [cv, "-o", path], preexec_fn=as_user(OTHER))
            check_failed(t, "as its owner, -o %s" % what, status, err, 3, d, before, ro,
                         "permission denied")
        os.chown(ro, 0, 0)
    elif not ROOT:
        for what, path in [("a read-only file", ro), ("a link to a read-only file", link)]:
            before = listing(d)
            status, _, err = run(exe, [cv, "-o", path])
            check_failed(t, "-o %s" % what, status, err, 3, d, before, ro, "permission denied")
    else:
        t.skip("read-only targets as a user", "the build is not reachable for uid %d" % OTHER)
    if ROOT:
        # Root may write a read-only file, so it may replace it; the mode stays 0444.
        status, _, err = run(exe, [cv, "--today", TODAY, "-o", link])
        t.ok(status == 0 and is_svg(read(ro)) and stat.S_IMODE(os.stat(ro).st_mode) == 0o444,
             "as root, -o a link to a read-only file: replaced, still 0444",
             describe(status, err))
        theirs = write(os.path.join(d, "theirs.svg"), SENTINEL, 0o4755)
        os.chown(theirs, OTHER, OTHER)
        os.chmod(theirs, 0o4755)
        status, _, err = run(exe, [cv, "--today", TODAY, "-o", theirs])
        st = os.stat(theirs)
        t.ok(status == 0 and is_svg(read(theirs)) and (st.st_uid, st.st_gid) == (OTHER, OTHER)
             and stat.S_IMODE(st.st_mode) == 0o755,
             "as root, -o a user's file: replaced, still theirs, 0755 without set-user-ID",
             "%s; uid %d gid %d mode %o" % (describe(status, err), st.st_uid, st.st_gid,
                                            st.st_mode))
    # A read-only file system (a read-only bind mount, as root).
    if ROOT:
        src, mnt = os.path.join(tmp, "ro-src"), os.path.join(tmp, "ro-mnt")
        os.mkdir(src)
        os.mkdir(mnt)
        write(os.path.join(src, "out.svg"), SENTINEL)
        mounted = all(subprocess.run(c, stderr=subprocess.DEVNULL).returncode == 0 for c in
                      (["mount", "--bind", src, mnt], ["mount", "-o", "remount,ro,bind", mnt]))
        if mounted:
            link = os.path.join(d, "link-to-ro-mount.svg")
            os.symlink(os.path.join(mnt, "out.svg"), link)
            try:
                status, _, err = run(exe, [cv, "-o", link])
                check_failed(t, "-o a link to a file on a read-only file system", status, err, 3,
                             mnt, ["out.svg"], os.path.join(mnt, "out.svg"),
                             "read-only file system")
            finally:
                subprocess.run(["umount", mnt], stderr=subprocess.DEVNULL)
        else:
            subprocess.run(["umount", mnt], stderr=subprocess.DEVNULL)
            t.skip("-o a link onto a read-only file system", "cannot mount here")


# --- Temporary files and signals ---

def big_cv(path, entries=10000):
    lines = ["name: Big", "jobs:"]
    for i in range(entries):
        lines.append("  - {title: Job number %d with a longer title, org: Organisation %d, "
                     "start: %d-%02d, end: %d-%02d}" % (i, i, 1950 + i % 70, 1 + i % 12,
                                                       1952 + i % 70, 1 + (i + 5) % 12))
    return write(path, "\n".join(lines) + "\n")


def temp_open_in(pid, folder):
    """The process's open file in @folder (its temporary file), or None."""
    try:
        fds = os.listdir("/proc/%d/fd" % pid)
    except OSError:
        return None
    for fd in fds:
        try:
            where = os.readlink("/proc/%d/fd/%s" % (pid, fd))
        except OSError:
            continue
        if where.startswith(folder + "/"):
            return where
    return None


def signal_cases(t, exe, tmp):
    d = os.path.join(tmp, "signals")
    os.mkdir(d)
    out = os.path.join(d, "out")
    os.mkdir(out)
    cv = big_cv(os.path.join(d, "big.yaml"))
    target = os.path.join(out, "big.pdf")
    modes = [("anonymous", {}), ("named", {"CVT_TEST_NAMED_TEMP": "1"})]
    sigs = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]
    for mode, extra in modes:
        for sig in sigs + ([signal.SIGKILL] if mode == "anonymous" else []):
            what = "%s during a 10,000-entry PDF (%s temporary file)" % (sig.name, mode)
            env = dict(os.environ)
            env.update(extra)
            caught = None
            for _ in range(5):  # a render too quick to catch is tried again
                write(target, SENTINEL)
                p = subprocess.Popen([exe, cv, "-q", "--today", TODAY, "-o", target], env=env,
                                     cwd=SRC, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
                while p.poll() is None and caught is None:
                    caught = temp_open_in(p.pid, out)
                if caught is not None:
                    p.send_signal(sig)
                try:
                    status = p.wait(LIMIT)
                except subprocess.TimeoutExpired:
                    p.kill()
                    status = p.wait()
                if caught is not None:
                    break
            if caught is None:
                t.ok(False, "%s: the temporary file was seen open" % what,
                     "the render always ended first")
                continue
            t.ok(status == -sig, "%s: the run ends by the signal" % what, "status %s" % status)
            t.ok(listing(out) == ["big.pdf"], "%s: no temporary file left" % what,
                 "left: %s (the file was %s)" % (listing(out), caught))
            t.ok(read(target) == SENTINEL, "%s: the earlier output is unchanged" % what)
    # Both kinds of temporary file complete normally, with nothing left beside.
    for mode, extra in modes:
        write(target, SENTINEL)
        status, _, err = run(exe, [cv, "-q", "--today", TODAY, "-o", target], env=extra)
        t.ok(status == 0 and read(target).startswith(b"%PDF") and listing(out) == ["big.pdf"],
             "a 10,000-entry PDF through the %s temporary file: written, nothing beside" % mode,
             "%s; folder: %s" % (describe(status, err), listing(out)))
    # A file size limit (ulimit -f): a write error, not SIGXFSZ; nothing left.
    for mode, extra in modes:
        write(target, SENTINEL)
        status, _, err = run(exe, [cv, "-q", "--today", TODAY, "-o", target], env=extra,
                             preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE,
                                                                   (100000, 100000)))
        check_failed(t, "a 100 kB file size limit (%s temporary file)" % mode, status, err, 3,
                     out, ["big.pdf"], target, "file too large")


def closed_fd_cases(t, exe, tmp):
    """Standard descriptors closed by the caller: using one fails as on a closed one, and
    nothing meant for them reaches the chart."""
    d = os.path.join(tmp, "closed")
    os.mkdir(d)
    cv = write(os.path.join(d, "cv.yaml"), GOOD_CV)
    warn = write(os.path.join(d, "warn.yaml"), GOOD_CV + "bogus_key: 1\n")

    def closing(*fds):
        return lambda: [os.close(fd) for fd in fds]

    status, _, err = run(exe, [cv, "-o", "-", "--format", "svg"], preexec_fn=closing(1))
    check_failed(t, "-o - with standard output closed", status, err, 3,
                 message="could not write to standard output")
    status, _, err = run(exe, ["-", "-o", os.path.join(d, "x.svg")], preexec_fn=closing(0))
    check_failed(t, "- with standard input closed", status, err, 1, message="<stdin>: error:")
    target = os.path.join(d, "out.svg")
    status, _, _ = run(exe, [warn, "--today", TODAY, "-o", target], preexec_fn=closing(0, 1, 2))
    data = read(target) if os.path.exists(target) else b""
    t.ok(status == 0 and is_svg(data) and b"bogus" not in data,
         "all three standard descriptors closed, with a warning: a clean chart",
         "status %s; %r" % (status, data[:200]))
    t.ok(listing(d) == ["cv.yaml", "out.svg", "warn.yaml"],
         "all three standard descriptors closed: nothing else written", str(listing(d)))


def main():
    exe = binary_from_argv()
    t = Tap()
    tmp = tempfile.mkdtemp(prefix="cvt-io-")
    try:
        input_cases(t, exe, tmp)
        fifo_output_cases(t, exe, tmp)
        link_cases(t, exe, tmp)
        sticky_cases(t, exe, tmp)
        permission_cases(t, exe, tmp)
        signal_cases(t, exe, tmp)
        closed_fd_cases(t, exe, tmp)
    finally:
        subprocess.run(["rm", "-rf", tmp])
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
