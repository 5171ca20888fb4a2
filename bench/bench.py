#!/usr/bin/env python3
"""The benchmark's driver (run by bench/run.sh, which builds the programs first).

For each input (the example CV, then generated CVs of N items) and each format, it runs
every tool on the same chart, alternated (run i starts with tool i mod n, so that each
tool meets the same machine load), RUNS times each after one warm-up run of each:

- cvtimeline: the release binary on the CV;
- text: the same in SVG's text mode (`--svg-text text`: real text, fonts embedded as
  subsets), SVG rows only;
- floor: bench/floor.c, which parses the same YAML and draws cvtimeline's chart (its draw
  list, from bench/scene-export.c) with Cairo and Pango and nothing else;
- graphviz: `neato -n2` on the chart as a graph (bench/tools.py), positions as given;
- gnuplot: the chart as a gnuplot script (bench/tools.py), `svg` or `pngcairo`;
- lower bound: bench/lower-bound.c, a process that starts fontconfig and Pango and lays
  out one word (SVG rows only: it writes nothing);
- texts: the same program laying out, each with a PangoLayout, every text the chart
  draws in its font (`--scene`, the draw list's T rows): what measuring the chart's
  labels the usual way costs, before any layout decision or drawing (SVG rows only);
- before (with --before BIN): another cvtimeline binary, e.g. the main branch's, so that
  a change is measured against its base in the same run.

Per run it takes from wait4's rusage the wall time, the CPU time (user + system) and the
peak resident memory (what GNU time -v reports). It prints, as Markdown, one table of
medians (memory: the largest run) and one of the ratios the performance targets name.
CPU time is the steadier measure on a shared machine; both are shown.

PNG charts taller than Cairo's 32,767-pixel limit are drawn at a lower --scale (every
tool the same), which the table shows; past 10,000 items that scale would be below 1/8,
and PNG is not measured."""
import argparse
import os
import statistics
import subprocess
import sys
import time

LIMIT_PX = 32767  # Cairo's image size limit, which cvtimeline also enforces
TODAY = "2026-11-25"  # what bench/scene-export.c takes as today
WRITE_NOTHING = ("lower", "texts")  # the tools that measure and write no file


def run(cmd):
    """(wall s, cpu s, peak MB, exit status, stderr) of one run."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, \
        os.waitstatus_to_exitcode(status), err.decode(errors="replace")


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
    return {"ex": 20, "10": 20, "100": 20, "1000": 10, "10000": 5, "r1000": 10}.get(size, 3)


def page_height(scene):
    with open(scene, encoding="utf-8") as f:
        return float(f.readline().split("\t")[2])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvt", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--lower", required=True, help="bench/lower-bound")
    ap.add_argument("--export", required=True, help="bench/scene-export")
    ap.add_argument("--example", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sizes", default="ex 10 100 1000 10000 100000")
    ap.add_argument("--formats", default="svg png")
    ap.add_argument("--tools", default="cvtimeline text floor graphviz gnuplot lower texts")
    ap.add_argument("--before", help="a second cvtimeline binary, run as the tool 'before'")
    ap.add_argument("--runs", type=int, default=0)
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(a.out, exist_ok=True)
    wanted = a.tools.split() + (["before"] if a.before else [])
    results = {}  # (size, fmt) -> {tool: (wall, cpu, mb, kb)}
    print("| input | items | format | tool | CPU (s) | wall (s) | CPU / cvtimeline "
          "| µs CPU per item | peak MB | output KB |")
    print("|---|---:|---|---|---:|---:|---:|---:|---:|---:|")
    sys.stdout.flush()
    for size in a.sizes.split():
        if size == "ex":
            cv, name = a.example, "example"
            items = count_items(cv)
        else:
            # "rN": one job of N successive roles (gen-cv.py --roles), the shape whose
            # progression label and segments a step quadratic in the roles would show.
            roles = size.startswith("r")
            cv, items = os.path.join(a.out, f"cv-{size}.yaml"), int(size.lstrip("r"))
            name = "one job, roles" if roles else "generated"
            if not os.path.exists(cv):
                with open(cv, "w", encoding="utf-8") as f:
                    subprocess.run([sys.executable, os.path.join(here, "gen-cv.py")]
                                   + (["--roles", str(items)] if roles else [size]),
                                   stdout=f, check=True)
        work = os.path.join(a.out, f"w-{size}")
        scene = os.path.join(work, "scene.tsv")
        os.makedirs(work, exist_ok=True)
        with open(scene, "w", encoding="utf-8") as f:
            subprocess.run([a.export, cv], stdout=f, check=True)
        height = page_height(scene)
        scale = 1.0
        while height * scale > LIMIT_PX:
            scale /= 2
        subprocess.run([sys.executable, os.path.join(here, "tools.py"), scene, work,
                        "--scale", f"{scale:g}"], check=True)
        n = runs_for(size, a.runs)
        for fmt in a.formats.split():
            if fmt == "png" and scale < 1 / 8:
                continue
            sc = scale if fmt == "png" else 1.0
            out = lambda tool: os.path.join(work, f"{tool}.{fmt}")
            cmds = {
                "cvtimeline": [a.cvt, cv, "--today", TODAY, "-o", out("cvtimeline")]
                + (["--scale", f"{sc:g}"] if sc != 1 else []),
                "floor": [a.floor, cv, scene, out("floor")] + ([f"{sc:g}"] if sc != 1 else []),
                "graphviz": ["neato", "-n2", f"-T{fmt}", os.path.join(work, f"chart-{fmt}.dot"),
                             "-o", out("graphviz")],
                "gnuplot": ["gnuplot", "-c", os.path.join(work, f"chart-{fmt}.gp"),
                            out("gnuplot")],
                "text": [a.cvt, cv, "--today", TODAY, "--svg-text", "text", "-o", out("text")],
                "lower": [a.lower],
                "texts": [a.lower, "--scene", scene],
                "before": [a.before or "", cv, "--today", TODAY, "-o", out("before")]
                + (["--scale", f"{sc:g}"] if sc != 1 else []),
            }
            tools = [t for t in wanted if t not in WRITE_NOTHING + ("text",) or fmt == "svg"]
            label = f"{fmt}" + (f" (scale {sc:g})" if sc != 1 else "")
            failed = []
            for t in tools:  # the warm-up runs
                r = run(cmds[t])
                if r[3] != 0:
                    msg = (r[4].strip().splitlines() or ["?"])[-1].replace("|", "/")[:120]
                    print(f"| {name} | {items:,} | {label} | {t} | exit {r[3]}: {msg} ||||||")
                    failed.append(t)
            # A tool that cannot draw this chart (graphviz refuses a label of 100,000
            # role titles) is left out of it; the others are still measured.
            tools = [t for t in tools if t not in failed]
            if not tools:
                sys.stdout.flush()
                continue
            rs = {t: [] for t in tools}
            for i in range(n):
                for k in range(len(tools)):
                    t = tools[(i + k) % len(tools)]
                    r = run(cmds[t])
                    if r[3] != 0:
                        sys.exit(f"bench: a run of {t} failed: {r[4]}")
                    rs[t].append(r)
            row = {}
            for t in tools:
                wall = statistics.median(r[0] for r in rs[t])
                cpu = statistics.median(r[1] for r in rs[t])
                mb = max(r[2] for r in rs[t])
                kb = os.path.getsize(out(t)) / 1024 if t not in WRITE_NOTHING else 0
                row[t] = (wall, cpu, mb, kb)
            results[(size, fmt)] = row
            base = row.get("cvtimeline")
            for t in tools:
                wall, cpu, mb, kb = row[t]
                ratio = f"{cpu / base[1]:.2f}" if base else ""
                per = f"{cpu / items * 1e6:.0f}" if t not in WRITE_NOTHING else ""
                print(f"| {name} | {items:,} | {label} | {t} | {cpu:.3f} | {wall:.3f} | {ratio} "
                      f"| {per} | {mb:.0f} | {kb:,.0f} |" if t not in WRITE_NOTHING else
                      f"| {name} | {items:,} | {label} | {t} | {cpu:.3f} | {wall:.3f} | {ratio} "
                      f"| | {mb:.0f} | |")
            sys.stdout.flush()
    targets(results)


def size_name(size):
    """How the targets' table names a --sizes word."""
    if size == "ex":
        return "example"
    if size.startswith("r"):
        return f"{int(size[1:]):,} roles of one job"
    return f"{int(size):,}"


def targets(results):
    """The ratios the performance targets name (CPU medians, cvtimeline / other)."""
    def ratio(size, fmt, other, k=1):
        row = results.get((size, fmt), {})
        if "cvtimeline" not in row or other not in row:
            return None
        return row["cvtimeline"][k] / row[other][k]

    lines = []

    def add(what, value, limit):
        if value is None:
            return
        ok = "yes" if value <= limit else "no"
        lines.append(f"| {what} | {value:.2f} | {limit:g} | {ok} |")

    def before(size, fmt, k=1):
        row = results.get((size, fmt), {})
        if "cvtimeline" in row and "before" in row:
            name = size_name(size)
            lines.append(f"| {name} → {fmt.upper()}, {'CPU' if k == 1 else 'peak memory'} / before "
                         f"| {row['cvtimeline'][k] / row['before'][k]:.2f} | | |")

    add("example → SVG, CPU / graphviz", ratio("ex", "svg", "graphviz"), 1.0)
    add("example → SVG, CPU / lower bound", ratio("ex", "svg", "lower"), 1.4)
    texts = ratio("ex", "svg", "texts")
    if texts is not None:
        lines.append(f"| example → SVG, CPU / its texts laid out by Pango (no target) | {texts:.2f} | | |")
    add("example → PNG, CPU / graphviz", ratio("ex", "png", "graphviz"), 0.8)
    add("10,000 → SVG, CPU / graphviz", ratio("10000", "svg", "graphviz"), 1.5)
    row = results.get(("10000", "svg"), {})
    if "text" in row and "graphviz" in row:
        add("10,000 → SVG in text mode, CPU / graphviz", row["text"][1] / row["graphviz"][1], 1.0)
    add("10,000 → SVG, peak memory / graphviz", ratio("10000", "svg", "graphviz", 2), 1.5)
    for kind, what in (("", "items"), ("r", "roles of one job")):
        a, b = results.get((kind + "1000", "svg"), {}), results.get((kind + "100000", "svg"), {})
        if "cvtimeline" in a and "cvtimeline" in b:
            per = (b["cvtimeline"][1] / 100000) / (a["cvtimeline"][1] / 1000)
            add(f"100,000 {what} → SVG, CPU per item / 1,000's", per, 1.2)
            add(f"100,000 {what} → SVG, CPU (s)", b["cvtimeline"][1], 5)
    for size, fmt in results:  # in the order measured
        before(size, fmt)
    if "before" in results.get(("10000", "svg"), {}):
        before("10000", "svg", 2)
    if lines:
        print("\n| target | measured | at most | met |\n|---|---:|---:|---|")
        print("\n".join(lines))


if __name__ == "__main__":
    main()
