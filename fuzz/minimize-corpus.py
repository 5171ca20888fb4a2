#!/usr/bin/env python3
"""Shrinks a fuzz corpus to few files that keep its edge coverage: runs the libFuzzer
binary in merge mode over the given folders with a control file (per-file features,
edges only: no hit counters, no value profile), then picks files greedily, the one
covering the most uncovered edges first (ties: the smaller), at most MAX of them, and
copies them into OUT (seeds keep their seed-* name, other files are named by SHA-1).
The first files cover most edges; a small MAX keeps the committed corpus small while
the seeds can always be made again with fuzz/seed-corpus.py.

Usage: python3 fuzz/minimize-corpus.py [--max N] build-fuzz/fuzz/fuzz-NAME OUT DIR...
"""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile


def features(binary, dirs, workdir):
    control = os.path.join(workdir, "control")
    empty = os.path.join(workdir, "empty")
    os.mkdir(empty)
    env = dict(os.environ)
    supp = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                        "suppressions", "lsan.supp")
    env["LSAN_OPTIONS"] = "suppressions=" + os.path.abspath(supp)
    subprocess.run([binary, "-merge=1", "-use_counters=0", "-use_value_profile=0",
                    "-merge_control_file=" + control, empty] + dirs,
                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    with open(control) as f:
        lines = f.read().splitlines()
    n = int(lines[0])
    files = lines[2:2 + n]
    feats = {}
    for line in lines[2 + n:]:
        parts = line.split()
        if parts and parts[0] == "FT":
            feats[files[int(parts[1])]] = set(int(x) for x in parts[2:])
    return feats


def main():
    args = sys.argv[1:]
    limit = None
    if len(args) > 1 and args[0] == "--max":
        limit = int(args[1])
        args = args[2:]
    if len(args) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, out, dirs = args[0], args[1], args[2:]
    with tempfile.TemporaryDirectory() as work:
        feats = features(binary, dirs, work)
    covered = set()
    chosen = []
    rest = dict(feats)
    while limit is None or len(chosen) < limit:
        best, gain = None, 0
        for p, f in rest.items():
            g = len(f - covered)
            if g > gain or (g == gain and g > 0 and os.path.getsize(p) < os.path.getsize(best)):
                best, gain = p, g
        if best is None:
            break
        chosen.append(best)
        covered |= rest.pop(best)
    os.makedirs(out, exist_ok=True)
    for p in chosen:
        name = os.path.basename(p)
        if not name.startswith("seed-"):
            with open(p, "rb") as f:
                name = hashlib.sha1(f.read()).hexdigest()
        shutil.copyfile(p, os.path.join(out, name))
    total = set().union(*feats.values()) if feats else set()
    print("%d of %d files keep %d of %d edges" % (len(chosen), len(feats), len(covered),
                                                 len(total)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
