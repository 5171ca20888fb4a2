#!/usr/bin/env python3
"""The SVG's two text modes against an earlier build, side by side in one run (issue 11's
targets: at most 0.8x the earlier time in paths mode and 0.6x in text mode, at most 0.7x
and 0.35x the size).

    python3 bench/svg-modes.py --before OLD/cvtimeline --after build-release/src/cvtimeline \\
        --cv build-release/bench/work/cv-10000.yaml [--runs 7]

Runs the earlier build's SVG, then paths and text mode of the new one, alternating their
order from round to round after one warm-up each, and prints the medians of wall and CPU
time (user + system, from wait4's rusage, the steadier on a shared machine), the output
sizes and the ratios to the earlier build."""
import argparse
import os
import statistics
import subprocess
import tempfile
import time


def run(cmd):
    """(wall s, cpu s) of one run; exits on failure."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, ru = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("svg-modes: %s failed: %s" % (" ".join(cmd), err.decode()))
    return time.perf_counter() - t0, ru.ru_utime + ru.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", required=True, help="the earlier cvtimeline")
    ap.add_argument("--after", required=True, help="the cvtimeline to measure")
    ap.add_argument("--cv", required=True)
    ap.add_argument("--today", default="2026-12-01")
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    out = tempfile.mkdtemp(prefix="cvt-svg-modes-")
    cmds = {
        "before": [a.before, "--today", a.today, a.cv, "-o", os.path.join(out, "before.svg")],
        "paths": [a.after, "--today", a.today, a.cv, "-o", os.path.join(out, "paths.svg")],
        "text": [a.after, "--today", a.today, a.cv, "--svg-text=text", "-o",
                 os.path.join(out, "text.svg")],
    }
    for cmd in cmds.values():
        run(cmd)
    times = {k: [] for k in cmds}
    for i in range(a.runs):
        for k in (list(cmds) if i % 2 == 0 else list(reversed(list(cmds)))):
            times[k].append(run(cmds[k]))
    med = {k: (statistics.median(t[0] for t in v), statistics.median(t[1] for t in v))
           for k, v in times.items()}
    size = {k: os.path.getsize(cmds[k][-1]) for k in cmds}
    print("| SVG | wall (s) | CPU (s) | size (bytes) | wall / before | CPU / before | size / before |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for k in cmds:
        print("| %s | %.3f | %.3f | %d | %.2f | %.2f | %.3f |"
              % (k, med[k][0], med[k][1], size[k], med[k][0] / med["before"][0],
                 med[k][1] / med["before"][1], size[k] / size["before"]))
    for k in cmds:
        os.unlink(cmds[k][-1])
    os.rmdir(out)


if __name__ == "__main__":
    main()
