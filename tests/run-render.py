#!/usr/bin/env python3
"""Rendering (doc/architecture.md "Tests"): every data/*.yaml rendered to SVG (parses as
XML, renders with rsvg-convert), PNG (IHDR size equals the layout dump's width x height,
doubled with --scale 2), PDF (pdfinfo opens it, Title is the CV's name, Subject the alt
text's first line, page size is the
dump's), HTML (a page holding one SVG, well-formed as XML; run-html.py checks the rest); `-o -` with --format; same input gives the same bytes; atomic replacement (an
existing output is replaced, a failed run leaves it identical, no temp file remains).

Usage: python3 tests/run-render.py PATH/TO/cvtimeline
"""
import shutil

import yaml

import os
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import (BUILD, SRC, TODAY, Tap, binary_from_argv, cv_files,  # noqa: E402
                    describe, png_size, run)

MAGIC = {"svg": None, "png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-", "html": b"<!DOCTYPE html>\n"}


def looks_like(fmt, data):
    if fmt == "svg":
        head = data[:512].lstrip()
        return (head.startswith(b"<?xml") or head.startswith(b"<svg")) and b"<svg" in data
    return data.startswith(MAGIC[fmt])


def near(got, want, tol=1.0):
    return abs(got - want) <= tol


def tool(name):
    path = shutil.which(name)
    if path is None:
        print("# %s not found: install it (scripts/test.sh does)" % name)
    return path


def check_svg(t, rel, path, tmp):
    xmllint, rsvg = tool("xmllint"), tool("rsvg-convert")
    t.ok(xmllint is not None, "%s: xmllint is installed" % rel)
    t.ok(rsvg is not None, "%s: rsvg-convert is installed" % rel)
    if xmllint:
        status, _, err = run([xmllint, "--noout", path])
        t.ok(status == 0, "%s: the SVG parses as XML" % rel, describe(status, err))
    if rsvg:
        png = os.path.join(tmp, "via-rsvg.png")
        status, _, err = run([rsvg, "-o", png, path], timeout=60)
        ok = status == 0 and os.path.exists(png)
        if ok:
            with open(png, "rb") as f:
                ok = png_size(f.read(32)) is not None
        t.ok(ok, "%s: rsvg-convert renders the SVG to a PNG" % rel, describe(status, err))


def check_pdf(t, rel, path, name, dump):
    pdfinfo = tool("pdfinfo")
    if not t.ok(pdfinfo is not None, "%s: pdfinfo is installed" % rel):
        return
    status, out, err = run([pdfinfo, "-enc", "UTF-8", path])
    if not t.ok(status == 0, "%s: pdfinfo opens the PDF" % rel, describe(status, err)):
        return
    info = {}
    for line in out.decode("utf-8", "replace").splitlines():
        k, _, v = line.partition(":")
        info[k.strip()] = v.strip()
    if name is not None:
        t.ok(info.get("Title") == name, "%s: the PDF's Title is the CV's name" % rel,
             "Title: %r, want %r" % (info.get("Title"), name))
        # The Subject is the alt text's first line: what the chart is, in one sentence.
        subject = info.get("Subject", "")
        t.ok(subject.startswith(name) and subject.endswith("."),
             "%s: the PDF's Subject says what the chart is" % rel, "Subject: %r" % subject)
    size = info.get("Page size", "").split()
    # "Page size:      1200 x 640 pts"
    ok = len(size) >= 3 and near(float(size[0]), dump["width"]) and near(float(size[2]), dump["height"])
    t.ok(ok, "%s: the PDF page is the dump's size" % rel,
         "Page size: %r, dump: %s x %s" % (info.get("Page size"), dump["width"], dump["height"]))


def render_one(t, exe, rel, tmp):
    with open(os.path.join(SRC, rel), encoding="utf-8") as f:
        name = (yaml.safe_load(f) or {}).get("name")
    base = os.path.basename(rel)[:-len(".yaml")]
    status, out, err = run([exe, "--dump-layout", "--today", TODAY, rel])
    if not t.ok(status == 0, "%s: --dump-layout succeeds" % rel, describe(status, err)):
        return
    dump = yaml.safe_load(out)
    if not t.ok(isinstance(dump, dict) and isinstance(dump.get("width"), (int, float))
                and isinstance(dump.get("height"), (int, float)),
                "%s: the dump has a width and a height" % rel, out[:500]):
        return

    outputs = {}
    for fmt in ("svg", "png", "pdf", "html"):
        path = os.path.join(tmp, "%s.%s" % (base, fmt))
        status, _, err = run([exe, "--today", TODAY, rel, "-o", path], timeout=60)
        if not t.ok(status == 0 and os.path.exists(path), "%s: renders to %s" % (rel, fmt),
                    describe(status, err)):
            continue
        with open(path, "rb") as f:
            data = f.read()
        outputs[fmt] = data
        t.ok(looks_like(fmt, data), "%s: the .%s file holds %s" % (rel, fmt, fmt.upper()),
             repr(data[:64]))
        if fmt == "svg":
            check_svg(t, rel, path, tmp)
        elif fmt == "png":
            size = png_size(data)
            t.ok(size is not None and near(size[0], dump["width"]) and near(size[1], dump["height"]),
                 "%s: the PNG is the dump's size" % rel,
                 "PNG %s, dump %s x %s" % (size, dump["width"], dump["height"]))
        elif fmt == "html":
            try:
                ET.fromstring(data[len(MAGIC["html"]):])
                t.ok(data.count(b"<svg ") == 1, "%s: the page holds the chart" % rel)
            except ET.ParseError as e:
                t.ok(False, "%s: the page is well-formed" % rel, str(e))
        else:
            check_pdf(t, rel, path, name, dump)

    # --scale 2 doubles the PNG.
    path = os.path.join(tmp, base + "@2x.png")
    status, _, err = run([exe, "--today", TODAY, "--scale", "2", rel, "-o", path], timeout=60)
    if t.ok(status == 0, "%s: renders a PNG with --scale 2" % rel, describe(status, err)):
        with open(path, "rb") as f:
            size = png_size(f.read(32))
        t.ok(size is not None and near(size[0], 2 * dump["width"], 2)
             and near(size[1], 2 * dump["height"], 2),
             "%s: --scale 2 doubles the PNG's size" % rel,
             "PNG %s, dump %s x %s" % (size, dump["width"], dump["height"]))

    # Standard output, with --format; the same bytes as the file (determinism).
    for fmt in ("svg", "png", "pdf", "html"):
        status, data, err = run([exe, "--today", TODAY, rel, "-o", "-", "--format", fmt],
                                timeout=60)
        if not t.ok(status == 0, "%s: -o - --format %s succeeds" % (rel, fmt),
                    describe(status, err)):
            continue
        t.ok(looks_like(fmt, data), "%s: -o - --format %s writes %s" % (rel, fmt, fmt.upper()),
             repr(data[:64]))
        if fmt in ("svg", "png", "html") and fmt in outputs:
            t.ok(data == outputs[fmt], "%s: %s output is deterministic (stdout = file)" % (rel, fmt),
                 "%d bytes on stdout, %d in the file" % (len(data), len(outputs[fmt])))


def atomic(t, exe, tmp):
    """An existing output is replaced by a good run and kept by a failed one."""
    good = "data/short.yaml"
    bad = os.path.join(tmp, "bad.yaml")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("name: Bad\njobs:\n  - {title: X, start: 2019-08, end: 2019-06}\n")
    old = b"previous contents\n"
    outdir = os.path.join(tmp, "atomic")
    os.mkdir(outdir)
    for fmt in ("svg", "png", "pdf"):
        target = os.path.join(outdir, "chart." + fmt)
        with open(target, "wb") as f:
            f.write(old)
        status, _, err = run([exe, "--today", TODAY, good, "-o", target], timeout=60)
        with open(target, "rb") as f:
            data = f.read()
        t.ok(status == 0 and looks_like(fmt, data),
             "atomic: a good run replaces an existing .%s" % fmt,
             describe(status, err) + "\nfile starts %r" % data[:32])
        with open(target, "wb") as f:
            f.write(old)
        status, _, err = run([exe, "--today", TODAY, bad, "-o", target], timeout=60)
        with open(target, "rb") as f:
            data = f.read()
        t.ok(status == 1 and data == old,
             "atomic: a failed run leaves an existing .%s as it was" % fmt,
             describe(status, err) + "\nfile now starts %r" % data[:32])
    left = sorted(os.listdir(outdir))
    t.ok(left == ["chart.pdf", "chart.png", "chart.svg"], "atomic: no temporary file is left",
         "files in the output folder: %s" % left)


def main():
    exe = binary_from_argv()
    t = Tap()
    files = cv_files(with_cases=False)
    if not files:
        print("no data/*.yaml under %s" % SRC)
        return 1
    with tempfile.TemporaryDirectory(prefix="cvt-render-") as tmp:
        for rel in files:
            render_one(t, exe, rel, tmp)
        atomic(t, exe, tmp)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
