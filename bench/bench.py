#!/usr/bin/env python3
"""The benchmark's driver (run by bench/run.sh, which builds the programs first).

For each input (the example CV, then generated CVs of N items) and each format, it runs
cvtimeline and the floor alternately, RUNS times each after one warm-up run of each, and
records per run the wall time, the CPU time (user + system) and the peak resident memory
(from wait4's rusage, what GNU time -v reports). It prints a Markdown table of medians
and the ratios cvtimeline / floor. Alternating the two programs exposes both to the same
machine load, which on a shared machine moves wall times by tens of percent; CPU time is
the steadier of the two measures."""
import argparse
import os
import statistics
import subprocess
import sys
import time


def run(cmd):
    """(wall s, cpu s, peak MB, exit status, stderr) of one run."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, proc.returncode, err.decode()


def count_items(path):
    """Entries and milestones of a native CV (what ReaderOptions.max_entries counts)."""
    import yaml  # python3-yaml; only for the example's count
    doc = yaml.safe_load(open(path, encoding="utf-8"))
    n = 0
    for key, value in doc.items():
        if key in ("jobs", "education", "degrees", "visiting", "milestones") and value:
            n += len(value)
        elif key == "groups" and value:
            n += sum(len(v or []) for v in value.values())
    return n


def runs_for(size, forced):
    if forced:
        return forced
    return {"ex": 20, "10": 20, "100": 20, "1000": 10, "10000": 5}.get(size, 3)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvt", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--export", required=True, help="bench/scene-export")
    ap.add_argument("--example", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sizes", default="ex 10 100 1000 10000 100000")
    ap.add_argument("--formats", default="svg png")
    ap.add_argument("--runs", type=int, default=0)
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(a.out, exist_ok=True)
    print("| input | items | format | cvtimeline wall (s) | floor wall (s) | wall ratio "
          "| cvtimeline CPU (s) | floor CPU (s) | CPU ratio | µs CPU per item "
          "| peak MB cvt / floor | output KB cvt / floor |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    sys.stdout.flush()
    for size in a.sizes.split():
        if size == "ex":
            cv, name = a.example, "example"
            items = count_items(cv)
        else:
            cv, name, items = os.path.join(a.out, f"cv-{size}.yaml"), "generated", int(size)
            if not os.path.exists(cv):
                with open(cv, "w", encoding="utf-8") as f:
                    subprocess.run([sys.executable, os.path.join(here, "gen-cv.py"), size],
                                   stdout=f, check=True)
        scene = os.path.join(a.out, f"scene-{size}.tsv")
        with open(scene, "w", encoding="utf-8") as f:
            subprocess.run([a.export, cv], stdout=f, check=True)
        n = runs_for(size, a.runs)
        for fmt in a.formats.split():
            c_out = os.path.join(a.out, f"cvt-{size}.{fmt}")
            f_out = os.path.join(a.out, f"floor-{size}.{fmt}")
            cvt = [a.cvt, cv, "-o", c_out]
            flo = [a.floor, cv, scene, f_out]
            first = run(cvt)
            if first[3] != 0:
                msg = first[4].strip().splitlines()[-1].replace("|", "/")
                print(f"| {name} | {items:,} | {fmt} | exit {first[3]}: {msg} |||||||||")
                sys.stdout.flush()
                continue
            run(flo)
            rc, rf = [], []
            for i in range(n):
                pair = (cvt, flo) if i % 2 == 0 else (flo, cvt)
                r1, r2 = run(pair[0]), run(pair[1])
                (rc, rf)[0].append(r1 if pair[0] is cvt else r2)
                (rc, rf)[1].append(r2 if pair[0] is cvt else r1)
            for r in rc + rf:
                if r[3] != 0:
                    sys.exit(f"bench: a run failed: {r[4]}")
            med = lambda rs, k: statistics.median(r[k] for r in rs)
            wc, wf, cc, cf = med(rc, 0), med(rf, 0), med(rc, 1), med(rf, 1)
            mc, mf = max(r[2] for r in rc), max(r[2] for r in rf)
            kc, kf = os.path.getsize(c_out) / 1024, os.path.getsize(f_out) / 1024
            print(f"| {name} | {items:,} | {fmt} | {wc:.3f} | {wf:.3f} | {wc / wf:.2f} "
                  f"| {cc:.3f} | {cf:.3f} | {cc / cf:.2f} | {cc / items * 1e6:.0f} "
                  f"| {mc:.0f} / {mf:.0f} | {kc:,.0f} / {kf:,.0f} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
