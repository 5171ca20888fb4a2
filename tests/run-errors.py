#!/usr/bin/env python3
"""Error messages (doc/architecture.md "Tests"): for every tests/errors/NAME.yaml that has
NAME.stderr and NAME.status beside it, `cvtimeline --check tests/errors/NAME.yaml` (run
from the source root) must print exactly NAME.stderr and exit with NAME.status. Then the
same CV is rendered onto an existing TMP/out.svg: the exit status must be the same, and
when it is 1 the old file must be byte-identical afterwards with no other file left.

Usage: python3 tests/run-errors.py PATH/TO/cvtimeline
"""
import difflib

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import (BUILD, SRC, TODAY, Tap, binary_from_argv, cv_files,  # noqa: E402
                    describe, run)

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
