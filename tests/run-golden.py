#!/usr/bin/env python3
"""Golden layouts (doc/architecture.md "Tests"): for every tests/cases/NAME.yaml and
data/NAME.yaml, `cvtimeline --dump-layout --today 2026-11-25 FILE` (run from the source
root) must print exactly tests/cases/NAME.layout.yaml (data-NAME.layout.yaml for data/).
A case with a style of its own beside it (tests/cases/NAME.style.yaml, for what only a
style turns on) is drawn with `-s` that style.
Regenerate the goldens with tools/regen-goldens.sh after an intended change.

Usage: python3 tests/run-golden.py PATH/TO/cvtimeline
"""
import difflib

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import (BUILD, SRC, TODAY, Tap, binary_from_argv, case_style,  # noqa: E402
                    cv_files, describe, run)


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
        style = case_style(rel)
        status, out, err = run([exe, "--dump-layout", "--today", TODAY]
                               + (["-s", style] if style else []) + [rel])
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
