#!/usr/bin/env python3
"""Layout invariants (doc/architecture.md "Tests"): for every data/*.yaml and
tests/cases/*.yaml, with every built-in style and at 800, 1200 and 2400 px, as the style
has it and with the career summary's marks on (group totals and gap bands), the layout
dump must pass tools/check-layout.py: all labels and bars inside the page, no two labels
overlapping, no label over a foreign bar, every text whole or owned up to.

Usage: python3 tests/run-invariants.py PATH/TO/cvtimeline
"""

import yaml

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import (BUILD, SRC, TODAY, Tap, binary_from_argv, cv_files,  # noqa: E402
                    describe, load_checker, run)

STYLES = ["default", "dark", "print", "slides", "minimal"]
WIDTHS = ["800", "1200", "2400"]
# As the style has it, and with everything the chart can show of the career summary.
VARIANTS = [[], ["--set", "group.total=true", "--set", "gaps.show=true"]]
MAX_SHOWN = 15  # problems printed per failing dump


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
        for style, width, extra in ((s, w, v) for s in STYLES for w in WIDTHS for v in VARIANTS):
            cmd = [exe, "--dump-layout", "--today", TODAY, "-s", style, "-W", width] + extra
            cmd.append(rel)
            what = " ".join([rel, "-s", style, "-W", width] + extra)
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
