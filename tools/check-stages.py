#!/usr/bin/env python3
"""Keeps the pipeline one-way (doc/architecture.md "Stages"): a file in src/ may include
only headers of its own stage or an earlier one, no two modules include each other
(directly or round a longer loop), and no file of the describe or renderer stages
reaches model.h or timeline.h, even through another header.

A file's stage follows from its name: the longest entry of STAGES that is the name
itself or a prefix followed by "_" (reader_csv.c is a reader, layout_gaps.c part of
layout), so a new file needs no edit here unless it starts a new module.

src/ is flat but for the stages of more than five .c files: each of those has a folder
named after it (src/readers/), which holds its files and no other stage's, and a
library of its own in src/meson.build. A flat stage that grows a sixth .c file is
reported, to be given its folder.

    check-stages.py [SRC_DIR]    # prints each problem, exits 1 if there is any
    check-stages.py --self-test  # proves that a backward include and a cycle fail
"""
import os
import re
import shutil
import sys
import tempfile

# In pipeline order; a file may include headers of its own stage or earlier ones.
STAGES = [
    ("base", ["diag", "strutil", "emit", "sysio", "embed", "zipfile"]),
    ("ydoc", ["ydoc", "csvdoc", "xmldoc"]),
    ("lang", ["lang"]),
    ("date", ["date"]),
    ("readctx", ["readctx"]),
    ("model", ["model"]),
    ("readers", ["reader"]),
    ("style", ["style"]),
    ("timeline", ["timeline", "summary"]),
    ("text", ["text"]),
    ("layout", ["layout"]),
    ("describe", ["describe"]),
    ("renderers", ["dump", "render", "svg", "png_encode"]),
    ("output", ["output"]),
    ("main", ["main", "starter"]),
]
# What describe and the renderers must never see: they read the scene only.
MODEL_HEADERS = {"model.h", "timeline.h"}
SCENE_ONLY = {"describe", "renderers"}

# A stage of more than this many .c files has a folder of its own.
MAX_FLAT_SOURCES = 5

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def module_of(name):
    """The module a file belongs to: its name without the extension, where X_private.h
    (the header a module's own files share) belongs to X."""
    base = os.path.splitext(os.path.basename(name))[0]
    return base[: -len("_private")] if base.endswith("_private") else base


def stage_of(module):
    """(index, stage name) for @module, or None when no entry of STAGES names it."""
    best = None
    for index, (stage, prefixes) in enumerate(STAGES):
        for p in prefixes:
            if module == p or module.startswith(p + "_"):
                if best is None or len(p) > best[2]:
                    best = (index, stage, len(p))
    return best[:2] if best else None


def list_files(src):
    """{file name: folder}: the .c and .h files in @src ("") and in its folders (the
    folder's name). Names are unique across folders, as the includes name no folder."""
    out = {}
    for folder in [""] + sorted(d for d in os.listdir(src)
                                if os.path.isdir(os.path.join(src, d))):
        for f in os.listdir(os.path.join(src, folder)):
            if f.endswith((".c", ".h")):
                out.setdefault(f, []).append(folder)
    return out


def read_includes(src, files):
    """{file name: [included header names that exist in src]}, for @files from
    list_files."""
    present = set(files)
    out = {}
    for f in sorted(files):
        path = os.path.join(src, files[f][0], f)
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        # Comments could hold an example include; drop them first.
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        text = re.sub(r"//[^\n]*", "", text)
        out[f] = [h for h in INCLUDE.findall(text) if h in present]
    return out


def find_cycle(edges):
    """A list of modules forming a cycle in @edges ({module: set(modules)}), or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {m: WHITE for m in edges}
    stack = []

    def visit(m):
        colour[m] = GREY
        stack.append(m)
        for n in sorted(edges.get(m, ())):
            if colour.get(n, WHITE) == GREY:
                return stack[stack.index(n):] + [n]
            if colour.get(n, WHITE) == WHITE:
                found = visit(n)
                if found:
                    return found
        stack.pop()
        colour[m] = BLACK
        return None

    for m in sorted(edges):
        if colour[m] == WHITE:
            found = visit(m)
            if found:
                return found
    return None


def header_closure(header, includes, seen=None):
    """Every header @header includes, directly or through others."""
    seen = set() if seen is None else seen
    for h in includes.get(header, []):
        if h not in seen:
            seen.add(h)
            header_closure(h, includes, seen)
    return seen


def check_folders(files):
    """The problems with where @files (from list_files) are: a name in two folders, a
    folder that is no stage's or holds another stage's file, a file of a foldered stage
    outside its folder, a flat stage of more than MAX_FLAT_SOURCES .c files."""
    problems = []
    stage_names = {stage for stage, _ in STAGES}
    folders = {d for where in files.values() for d in where if d}
    for d in sorted(folders - stage_names):
        problems.append("src/%s/: no stage of that name in STAGES" % d)
    flat_sources = {}
    for f, where in sorted(files.items()):
        if len(where) > 1:
            problems.append("%s: in more than one folder (%s)" % (f, ", ".join(
                "src/" + (d + "/" if d else "") for d in where)))
        stage = stage_of(module_of(f))
        if stage is None:
            continue
        folder, name = where[0], stage[1]
        if folder and folder != name:
            problems.append("src/%s/%s (stage %s) belongs in %s" % (
                folder, f, name, "src/" + name + "/" if name in folders else "src/"))
        elif not folder and name in folders:
            problems.append("src/%s (stage %s) belongs in src/%s/" % (f, name, name))
        elif not folder and f.endswith(".c"):
            flat_sources.setdefault(name, []).append(f)
    for name, sources in sorted(flat_sources.items()):
        if len(sources) > MAX_FLAT_SOURCES:
            problems.append("stage %s has %d .c files in src/, more than %d: give it a "
                            "folder, src/%s/, and a library in src/meson.build"
                            % (name, len(sources), MAX_FLAT_SOURCES, name))
    return problems


def check(src):
    """The problems found in @src, as lines of text."""
    files = list_files(src)
    includes = read_includes(src, files)
    problems = []
    for f in includes:
        if stage_of(module_of(f)) is None:
            problems.append("%s: no stage for module '%s'; add it to STAGES in "
                            "tools/check-stages.py" % (f, module_of(f)))
    problems += check_folders(files)
    edges = {}
    for f, headers in includes.items():
        mine = stage_of(module_of(f))
        for h in headers:
            theirs = stage_of(module_of(h))
            if mine and theirs and theirs[0] > mine[0]:
                problems.append("%s (stage %s) includes %s of a later stage (%s)"
                                % (f, mine[1], h, theirs[1]))
            if module_of(h) != module_of(f):
                edges.setdefault(module_of(f), set()).add(module_of(h))
        edges.setdefault(module_of(f), set())
        if mine and mine[1] in SCENE_ONLY:
            reached = header_closure(f, includes) & MODEL_HEADERS
            for h in sorted(reached):
                problems.append("%s (stage %s) reaches %s: it must read the scene only"
                                % (f, mine[1], h))
    cycle = find_cycle(edges)
    if cycle:
        problems.append("include cycle: " + " -> ".join(cycle))
    return problems


def self_test(src):
    """Copies @src, breaks it in each way the check is for, and checks that each is
    caught; also that the tree itself passes."""
    if check(src):
        print("self-test: the tree itself has problems; run without --self-test")
        return False
    cases = [
        ("a backward include", [("date.c", '#include "layout.h"')], "of a later stage"),
        ("a new reader file including a later stage",
         [("readers/reader_csv.c", '#include "style.h"')], "of a later stage"),
        ("a renderer reaching the model through a header",
         [("renderers/render.h", '#include "timeline.h"')], "must read the scene only"),
        ("two modules of one stage including each other",
         [("layout/layout_a.h", ""), ("layout/layout_b.h", ""),
          ("layout/layout_a.c", '#include "layout_b.h"'),
          ("layout/layout_b.c", '#include "layout_a.h"')], "include cycle"),
        ("a file of no known stage", [("gizmo.c", '#include "date.h"')], "no stage for module"),
        ("a reader file outside the readers' folder", [("reader_csv.c", "")], "belongs in"),
        ("a layout file in the renderers' folder", [("renderers/layout_x.c", "")],
         "belongs in"),
        ("a sixth .c file of a flat stage", [("style_extra.c", "")], "give it a folder"),
    ]
    ok = True
    for what, edits, want in cases:
        with tempfile.TemporaryDirectory(prefix="cvt-stages-") as tmp:
            copy = os.path.join(tmp, "src")
            shutil.copytree(src, copy)
            for name, line in edits:
                path = os.path.join(copy, name)
                old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(line + "\n" + old)
            hit = any(want in p for p in check(copy))
            print("%s: %s is refused" % ("ok" if hit else "FAILED", what))
            ok = ok and hit
    return ok


def main(argv):
    root = os.environ.get("CVT_SOURCE_ROOT") or os.path.join(os.path.dirname(__file__), "..")
    args = [a for a in argv[1:] if a != "--self-test"]
    src = args[0] if args else os.path.join(root, "src")
    if "--self-test" in argv:
        return 0 if self_test(src) else 1
    problems = check(src)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
