#!/usr/bin/env python3
"""Copies the seed inputs of each fuzz target from the repository's examples into
fuzz/corpus/NAME/ as seed-*: CVs from tests/cases, tests/errors, tests/import and data/
for the readers and the pipeline, styles/ for the style target, and CV + `#style` +
style pairs for the pipeline. Run from anywhere; existing seeds are overwritten, other
corpus files (minimized fuzzer finds) are kept.

Usage: python3 fuzz/seed-corpus.py
"""
import glob
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


def files(pattern):
    return sorted(p for p in glob.glob(os.path.join(ROOT, pattern), recursive=True)
                  if not p.endswith((".layout.yaml", ".style.yaml")))


def flat(path):
    return os.path.relpath(path, ROOT).replace("/", "-")


def import_target(path):
    """The fuzz target of a file under tests/import, by its name."""
    name = os.path.basename(path)
    if name.startswith("orcid"):
        return "orcid"  # ORCID's download is a .zip too
    if name.endswith((".csv", ".zip")) or name.startswith("linkedin"):
        return "linkedin"
    if "rendercv" in name:
        return "rendercv"
    if name.endswith(".bib"):
        return "bibtex"
    if name.startswith("fresh"):
        return "fresh"
    if name.startswith("native"):
        return "native"
    return "jsonresume"


def main():
    native = files("tests/cases/*.yaml") + files("tests/errors/*.yaml") + files("data/*.yaml")
    for p in native:
        put("native", flat(p), read(p))
        put("pipeline", flat(p), read(p))
    for p in files("tests/import/*"):
        if os.path.isdir(p):
            # An unpacked export: each of its files is a seed of its own.
            target = import_target(p)
            for q in files(os.path.relpath(p, ROOT) + "/**/*"):
                if os.path.isfile(q):
                    put(target, flat(q), read(q))
                    put("pipeline", flat(q), read(q))
            continue
        target = import_target(p)
        put(target, flat(p), read(p))
        put("pipeline", flat(p), read(p))
        if target in ("rendercv", "jsonresume", "fresh"):
            put("native", flat(p), read(p))
    # The import formats' error cases (tests/errors/linkedin-*.csv, bibtex-*.bib, ...).
    for p in files("tests/errors/*.csv") + files("tests/errors/*.bib") + \
            files("tests/errors/orcid-*.json") + files("tests/errors/orcid-*.xml") + \
            files("tests/errors/fresh-*.json"):
        put(import_target(p), flat(p), read(p))
        put("pipeline", flat(p), read(p))
    # `milestones: {from: FILE}`, and one the loader cannot read.
    put("native", "milestones-from", b"name: A\nmilestones:\n  - {date: 2020, title: X}\n"
        b"  - from: pubs.bib\n")
    put("native", "milestones-from-missing", b"milestones: {from: gone.missing}\n")
    styles = files("styles/*.yaml") + sorted(glob.glob(os.path.join(ROOT, "tests/cases/*.style.yaml")))
    for p in styles:
        put("style", flat(p), read(p))
    cv = read("tests/cases/roles.yaml")
    for p in styles:
        put("pipeline", "roles-with-" + flat(p), cv.rstrip(b"\n") + b"\n#style\n" + read(p))
    put("style", "set-bar-height", b"bar.height=30\n")


if __name__ == "__main__":
    main()
