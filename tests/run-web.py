#!/usr/bin/env python3
"""Websites and slides (issue 7, issue 11): the SVG is accessible (role, title, desc =
--alt-text, exact size), its labels are real text (invisible over the glyph outlines in
paths mode, visible in text mode) on their boxes, one <g> per item with its tooltip and
one per bar; the invisible text changes no pixel (rsvg-convert and Chromium); the PDF
has its metadata, links and embedded fonts; every format is byte-identical across runs
and locales; --width, --height, --scale and --transparent work for every format; the
slides style gives exactly 1920x1080 with nothing cut; --watch re-renders and keeps the
last good output; in headless Chromium the SVG renders like the PNG and its text is
found by a text search. (run-svg.py holds the SVG's own checks: both text modes against
the PNG, charts inlined together, dark mode, no Cairo SVG surface.)

Usage: python3 tests/run-web.py PATH/TO/cvtimeline
"""
import json
import html
import re
import shutil
import signal
import time
import xml.etree.ElementTree as ET

import yaml

import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cvtest  # noqa: E402
from cvtest import SRC, TODAY, Tap, binary_from_argv, png_size  # noqa: E402
from webtest import (browser_fonts, chromium, chromium_screenshot, describe_difference,  # noqa: E402
                     find_chromium, image_difference, png_decode, same_pixels,
                     within_tolerance)

SVG_NS = "{http://www.w3.org/2000/svg}"


def run(cmd, cwd=None, timeout=60, env=None):
    """cvtest.run with no standard input and a longer time limit (a browser starts)."""
    return cvtest.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, timeout=timeout, env=env)


# --- SVG helpers ---

def without_texts(svg_text):
    """The SVG with every <text> element cut out (in paths mode they draw nothing)."""
    return re.sub(r"<text[^>]*>.*?</text>", "", svg_text, flags=re.S)


def style_rules(root):
    """{class name: declarations} of the SVG's <style> block (outside @media)."""
    style = root.find(SVG_NS + "style")
    css = style.text if style is not None else ""
    css = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^}]*\})*[^}]*\}", "", css)
    return {m.group(1): m.group(2) for m in re.finditer(r"\.([\w-]+)\{([^}]*)\}", css)}


def full_text(el):
    return "".join(el.itertext())


def items(root):
    """[(owner, index or None, element)] of every item's <g> (one or more per item)."""
    return [(g.get("data-owner"), g.get("data-index"), g) for g in root.iter(SVG_NS + "g")
            if g.get("data-owner")]


def bar_tooltips(item):
    """The tooltips of an item's bars: the <title> of each <g> inside it that holds one."""
    return [t.text or "" for g in item.findall(SVG_NS + "g")
            for t in [g.find(SVG_NS + "title")] if t is not None]


def all_tooltips(root):
    """Every tooltip: each item's and each bar's <title>."""
    return [t.text or "" for g in root.iter(SVG_NS + "g") for t in g.findall(SVG_NS + "title")]


def dump_texts(dump):
    """Every label of a --dump-layout document as (text, x, y, w, h)."""
    out = []

    def box(b, text):
        out.append((text, b["x"], b["y"], b["w"], b["h"]))

    for g in dump.get("groups") or []:
        for lab in [g.get("label"), g.get("total_label")] + [
                gap.get("label") for gap in g.get("gaps") or []]:
            if isinstance(lab, dict):
                box(lab, lab["text"])
        for e in g.get("entries") or []:
            for key in ("label", "org_label", "caption"):
                if isinstance(e.get(key), dict):
                    box(e[key], e[key]["text"])
            for bar in e.get("bars") or []:
                if "label_box" in bar:
                    box(bar["label_box"], bar["label"])
    for m in dump.get("milestones") or []:
        if isinstance(m.get("label"), dict):
            box(m["label"], m["label"]["text"])
    for m in dump.get("milestone_list") or []:
        box(m, m["text"])
    for t in dump.get("ticks") or []:
        if isinstance(t.get("label"), dict):
            box(t["label"], t["label"]["text"])
    for t in dump.get("texts") or []:
        box(t, t["text"])
    return out


class Web:
    def __init__(self, exe, tap, tmp):
        self.exe = exe
        self.tap = tap
        self.tmp = tmp

    def cvt(self, *args, env=None, timeout=60):
        return run([self.exe, "--today", TODAY] + list(args), env=env, timeout=timeout)

    def render(self, cv, fmt, *args, env=None):
        """Renders @cv to a fresh file; returns its bytes, or None (with a failed test)."""
        out = os.path.join(self.tmp, "out-%d.%s" % (time.monotonic_ns(), fmt))
        status, _, err = self.cvt(cv, "-o", out, *args, env=env)
        if status != 0 or not os.path.exists(out):
            self.tap.ok(False, "render %s %s %s" % (cv, fmt, " ".join(args)), err)
            return None
        with open(out, "rb") as f:
            data = f.read()
        os.unlink(out)
        return data

    def dump(self, cv, *args):
        status, out, err = self.cvt(cv, "--dump-layout", *args)
        if status != 0:
            self.tap.ok(False, "dump %s" % cv, err)
            return None
        return yaml.safe_load(out)

    def write_cv(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path


# --- The tests ---

HOSTILE_CV = """\
name: "Ada <Test> & \\"Quotes\\" \\u0007bell"
headline: "Links & 'text' </svg>"
jobs:
  - title: "Engineer \\u0001 <b>bold</b>"
    org: "Example & Co"
    location: "Zurich, CH"
    url: "https://example.org/a?b=c&d=(e)"
    start: 2019-01
    end: 2021-06
    note: "note with <markup> & ]]> stuff"
  - title: Evil link
    org: X
    url: "javascript:alert(1)"
    start: 2020
  - org: Big Research
    roles:
      - {title: Resident, start: 2016-09, end: 2017-12}
      - {title: Researcher, start: 2018-01, end: 2018-12}
milestones:
  - {date: 2020-05, title: "Paper <1>", url: "https://example.org/paper"}
"""


def test_svg_structure(w, cv, label, *args):
    """Root, title, desc, real text and tooltips of one SVG against its dump and alt text."""
    tap = w.tap
    data = w.render(cv, "svg", *args)
    dump = w.dump(cv, *args)
    status, alt, _ = w.cvt(cv, "--alt-text", *args)
    if data is None or dump is None:
        return
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        tap.ok(False, "%s: SVG parses as XML" % label, str(e))
        return
    text = data.decode("utf-8")
    paths = "--svg-text=text" not in args
    tap.ok(not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|&#x?0*[0-8bcef];", text),
           "%s: no control characters in the SVG" % label)
    W, H = dump["width"], dump["height"]
    size_ok = (root.get("width") == ("%g" % W) and root.get("height") == ("%g" % H)
               and root.get("viewBox") == "0 0 %g %g" % (W, H))
    tap.ok(size_ok, "%s: root width/height unitless and viewBox exact (%gx%g)" % (label, W, H),
           "width=%s height=%s viewBox=%s" % (root.get("width"), root.get("height"),
                                              root.get("viewBox")))
    title = root.find(SVG_NS + "title")
    desc = root.find(SVG_NS + "desc")
    tap.ok(root.get("role") == "img" and title is not None and desc is not None
           and root.get("aria-labelledby") == title.get("id")
           and root.get("aria-describedby") == desc.get("id")
           and list(root).index(title) == 0 and list(root).index(desc) == 1,
           "%s: role=img, <title> and <desc> first, referenced by aria-*" % label)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    prefix = title.get("id").split("-")[0] if title is not None else ""
    tap.ok(len(prefix) == 8 and len(set(ids)) == len(ids)
           and all(i.startswith(prefix + "-") for i in ids)
           and all(c.startswith(prefix + "-") for e in root.iter() for c in
                   (e.get("class") or "").split()),
           "%s: every id and class unique and under one content prefix" % label,
           repr(sorted(set(i for i in ids if not i.startswith(prefix)))[:5]))
    tap.ok(not any(g.get("fill-opacity") == "0" for g in root.iter(SVG_NS + "g"))
           and "cvt-layer" not in text and "surface" not in text,
           "%s: no invisible layer, nothing of Cairo's SVG surface" % label)
    name = yaml.safe_load(open(cv, encoding="utf-8")).get("name") if cv.endswith(".yaml") else None
    if name is not None:
        clean = re.sub(r"[\x00-\x1f\x7f-\x9f]", "", name)
        tap.ok(title is not None and title.text == clean,
               "%s: <title> is the CV's name" % label, repr(title.text if title is not None else None))
    clean_alt = re.sub(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", "", alt.decode("utf-8")).strip()
    tap.ok(status == 0 and desc is not None and desc.text == clean_alt,
           "%s: <desc> is the --alt-text summary" % label,
           "desc: %r\nalt:  %r" % (desc.text if desc is not None else None, clean_alt))
    rules = style_rules(root)
    texts = [(full_text(t), t) for t in root.iter(SVG_NS + "text")]
    missing = []
    for (s_, x, y, tw, th) in dump_texts(dump):
        s_clean = re.sub(r"[\x00-\x1f\x7f-\x9f]", "", s_)
        found = False
        for (content, t) in texts:
            if content != s_clean:
                continue
            tx, ty = float(t.get("x")), float(t.get("y"))
            tl = float(t.get("textLength", "0"))
            if (abs(tx - x) < 0.011 and y < ty <= y + th + 0.011 and abs(tl - tw) < 0.011
                    and (not paths or t.get("lengthAdjust") == "spacingAndGlyphs")):
                found = True
                break
        if not found:
            missing.append("%r at %g,%g w %g" % (s_, x, y, tw))
    tap.ok(not missing and len(texts) == len(dump_texts(dump)),
           "%s: one <text> per drawn label (%d), on its box with its measured textLength"
           % (label, len(texts)), "\n".join(missing[:10]) + "\n%d texts in the SVG, %d in the dump"
           % (len(texts), len(dump_texts(dump))))
    if paths:
        hidden = [t for (_, t) in texts if "fill-opacity:0" not in rules.get(t.get("class"), "")]
        tap.ok(texts and not hidden,
               "%s: paths mode: the real text is invisible (fill-opacity 0, not display:none)"
               % label, repr([full_text(t) for t in hidden[:5]]))
    # Every entry's bars have a tooltip each, in the entry's group; it names the entry.
    # A lone bar whose tooltip would say what its entry's says shows the entry's.
    by_entry, entry_tip = {}, {}
    for owner, index, g in items(root):
        if owner == "entry":
            by_entry.setdefault(int(index), []).extend(bar_tooltips(g))
            t_ = g.find(SVG_NS + "title")
            entry_tip[int(index)] = t_.text if t_ is not None else None
    bad = []
    n_bars = 0
    k = 0
    for g in dump.get("groups") or []:
        for e in g.get("entries") or []:
            tips = by_entry.get(k, [])
            bars = e.get("bars") or []
            if len(bars) == 1 and not tips and entry_tip.get(k):
                tips = [entry_tip[k]]
            n_bars += len(bars)
            if len(tips) != len(bars):
                bad.append("entry %d (%r): %d bars, %d tooltips" % (k, e.get("title"), len(bars),
                                                                   len(tips)))
            for bar, tip in zip(bars, tips):
                want = [s_ for s_ in (bar.get("role") or e.get("title"), e.get("org")) if s_]
                if not all(re.sub(r"[\x00-\x1f]", "", s_) in tip for s_ in want):
                    bad.append("bar %s %r: %r" % (bar["start"], want, tip))
            k += 1
    tap.ok(n_bars > 0 and not bad, "%s: every bar (%d) has its tooltip in its entry's group"
           % (label, n_bars), "\n".join(bad[:10]))
    return data


def test_tooltip_content(w):
    tap = w.tap
    cv = w.write_cv("hostile.yaml", HOSTILE_CV)
    for mode in ("paths", "text"):
        data = test_svg_structure(w, cv, "hostile text (%s)" % mode, "--svg-text=" + mode)
        if data is None:
            return
        root = ET.fromstring(data)
        tips = all_tooltips(root)
        first = [t for t in tips if "Example & Co" in t]
        tap.ok(first and "Zurich, CH" in first[0] and "Jan 2019 to Jun 2021" in first[0]
               and "note with <markup> & ]]> stuff" in first[0],
               "tooltip: title, org, location, dates, note (escaped, read back intact)", repr(tips))
        role = [t for t in tips if t.startswith("Researcher, Big Research")]
        tap.ok(role and "2018" in role[0], "tooltip of a role segment leads with its role and dates",
               repr(tips))
        ms = [t for t in tips if t.startswith("Paper <1>")]
        tap.ok(ms and "May 2020" in ms[0], "milestone has a tooltip with its date", repr(tips))
        links = [a.get("href") for a in root.iter(SVG_NS + "a")]
        tap.ok(links == ["https://example.org/a?b=c&d=(e)", "https://example.org/paper"]
               and all(a.get("{http://www.w3.org/1999/xlink}href") == a.get("href")
                       for a in root.iter(SVG_NS + "a")),
               "SVG links: http(s) urls only, no javascript:", repr(links))


def test_pixels_unchanged_rsvg(w, cases):
    """The invisible text adds no pixel: rsvg-convert renders the paths-mode SVG with and
    without its <text> elements alike."""
    for cv, style in cases:
        data = w.render(cv, "svg", "-s", style)
        if data is None:
            continue
        a = os.path.join(w.tmp, "with.svg")
        b = os.path.join(w.tmp, "without.svg")
        with open(a, "wb") as f:
            f.write(data)
        with open(b, "w", encoding="utf-8") as f:
            f.write(without_texts(data.decode("utf-8")))
        sa, pa, ea = run(["rsvg-convert", a])
        sb, pb, eb = run(["rsvg-convert", b])
        if not w.tap.ok(sa == 0 and sb == 0, "rsvg-convert renders %s (%s)" % (cv, style), ea + eb):
            continue
        w.tap.ok(same_pixels(pa, pb), "rsvg: %s (%s) pixel-identical with and without the "
                 "invisible text" % (os.path.basename(cv), style))
        # The check can fail: the same text made visible changes the picture.
        if style == "default" and cv.endswith("short.yaml"):
            with open(b, "w", encoding="utf-8") as f:
                f.write(data.decode("utf-8").replace("fill-opacity:0;", "fill-opacity:1;"))
            sc, pc, _ = run(["rsvg-convert", b])
            w.tap.ok(sc == 0 and not same_pixels(pa, pc),
                     "rsvg: the same text made visible does change pixels (the check can fail)")


def test_pdf(w):
    tap = w.tap
    cv = w.write_cv("links.yaml", HOSTILE_CV)
    # Without SOURCE_DATE_EPOCH, which package builds (dpkg-buildpackage) set.
    no_epoch = dict(os.environ)
    no_epoch.pop("SOURCE_DATE_EPOCH", None)
    pdf = w.render(cv, "pdf", env=no_epoch)
    if pdf is None:
        return
    path = os.path.join(w.tmp, "links.pdf")
    with open(path, "wb") as f:
        f.write(pdf)
    status, info, err = run(["pdfinfo", path])
    info = info.decode("utf-8", "replace")
    name = 'Ada <Test> & "Quotes" bell'
    tap.ok(status == 0 and re.search(r"^Title:\s+Ada <Test> & \"Quotes\" .?bell$", info, re.M)
           and re.search(r"^Author:\s+Ada <Test> & \"Quotes\" .?bell$", info, re.M)
           and re.search(r"^Creator:\s+cvtimeline$", info, re.M),
           "PDF: title and author are the CV's name, creator cvtimeline", info + err + name)
    uris = re.findall(rb"/URI\s*\(([^)]*)\)", pdf)
    tap.ok(b"https://example.org/a?b=c&d=%28e%29" in uris and b"https://example.org/paper" in uris
           and not any(b"javascript" in u for u in uris),
           "PDF: /URI link annotations for http(s) urls, none for javascript:", repr(uris))
    tap.ok(pdf.count(b"/Subtype /Link") >= 2, "PDF: link annotations present")
    status, fonts, err = run(["pdffonts", path])
    rows = fonts.decode("utf-8", "replace").splitlines()[2:]
    tap.ok(status == 0 and rows and all(r.split()[-5] == "yes" for r in rows),
           "PDF: every font embedded (pdffonts)", fonts.decode("utf-8", "replace") + err)
    status, txt, err = run(["pdftotext", path, "-"])
    tap.ok(status == 0 and b"Example & Co" in txt and b"Evil link" in txt,
           "PDF: the text is text (pdftotext finds the labels)", txt[:400])
    tap.ok(re.search(r"^CreationDate:\s+Sat Jan  1 00:00:00 2000 UTC$", info, re.M) is not None,
           "PDF: without SOURCE_DATE_EPOCH the creation date is fixed (2000-01-01)", info)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", TZ="UTC")
    pdf2 = w.render(cv, "pdf", env=env)
    pdf3 = w.render(cv, "pdf", env=env)
    with open(path, "wb") as f:
        f.write(pdf2 or b"")
    _, info2, _ = run(["pdfinfo", path], env=env)
    tap.ok(pdf2 is not None and pdf2 == pdf3 and pdf2 != pdf
           and b"2023" in info2 and b"Nov 14 22:13:20 2023" in info2,
           "PDF: SOURCE_DATE_EPOCH sets the creation date, reproducibly", info2)


def locale_available(name):
    status, out, _ = run(["locale", "-a"])
    want = name.lower().replace("-", "")
    return status == 0 and any(l.strip().lower().replace("-", "") == want
                               for l in out.decode("utf-8", "replace").splitlines())


def test_reproducible(w):
    tap = w.tap
    cv = os.path.join(SRC, "data", "bruno-magalhaes.yaml")
    base_env = dict(os.environ, LC_ALL="C.UTF-8")
    base_env.pop("SOURCE_DATE_EPOCH", None)
    results = {}
    for fmt in ("svg", "png", "pdf"):
        a = w.render(cv, fmt, env=base_env)
        b = w.render(cv, fmt, env=base_env)
        results[fmt] = a
        tap.ok(a is not None and a == b, "reproducible: two runs give byte-identical %s" % fmt)
    # Another process, another time: Cairo's surface counter and the clock must not leak.
    time.sleep(1.1)
    for fmt in ("svg", "png", "pdf"):
        c = w.render(cv, fmt, "-s", "default", env=base_env)
        tap.ok(c is not None and c == results[fmt],
               "reproducible: a later run gives the same %s" % fmt)
    for loc in ("fr_FR.UTF-8", "de_DE.UTF-8"):
        if not locale_available(loc):
            tap.skip("reproducible under LC_ALL=%s" % loc,
                     "locale %s not installed (apt-get install locales; enable it in "
                     "/etc/locale.gen; locale-gen)" % loc)
            continue
        env = dict(base_env, LC_ALL=loc, LANG=loc)
        for fmt in ("svg", "png", "pdf"):
            d = w.render(cv, fmt, env=env)
            tap.ok(d is not None and d == results[fmt],
                   "reproducible: %s identical under LC_ALL=%s and C.UTF-8" % (fmt, loc))
        for opt in ("--alt-text", "--dump-layout"):
            s1, o1, _ = w.cvt(cv, opt, env=base_env)
            s2, o2, _ = w.cvt(cv, opt, env=env)
            tap.ok(s1 == 0 and o1 == o2, "reproducible: %s identical under %s" % (opt, loc))
        break


def pdf_page_size(w, data):
    path = os.path.join(w.tmp, "size.pdf")
    with open(path, "wb") as f:
        f.write(data)
    _, info, _ = run(["pdfinfo", path])
    m = re.search(rb"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    return (float(m.group(1)), float(m.group(2))) if m else None


def svg_size(data):
    root = ET.fromstring(data)
    return (float(root.get("width")), float(root.get("height")), root.get("viewBox"))


def test_sizes(w):
    tap = w.tap
    cv = os.path.join(SRC, "data", "short.yaml")
    dump = w.dump(cv, "-W", "900")
    W, H = dump["width"], dump["height"]
    tap.ok(W == 900, "-W 900: the layout is 900 wide")
    s = svg_size(w.render(cv, "svg", "-W", "900"))
    tap.ok(s == (W, H, "0 0 %g %g" % (W, H)), "-W 900: SVG %gx%g" % (W, H), repr(s))
    p = png_size(w.render(cv, "png", "-W", "900"))
    tap.ok(p == (900, int(-(-H // 1))), "-W 900: PNG 900 px wide", repr(p))
    d = pdf_page_size(w, w.render(cv, "pdf", "-W", "900"))
    tap.ok(d is not None and abs(d[0] - 900) < 0.01 and abs(d[1] - H) < 0.01,
           "-W 900: PDF page 900 pt wide", repr(d))
    # --height: the chart is fitted into it, for each format.
    s = svg_size(w.render(cv, "svg", "-W", "800", "-H", "700"))
    tap.ok(s == (800, 700, "0 0 800 700"), "-H 700: SVG 800x700", repr(s))
    p = png_size(w.render(cv, "png", "-W", "800", "-H", "700"))
    tap.ok(p == (800, 700), "-H 700: PNG 800x700", repr(p))
    d = pdf_page_size(w, w.render(cv, "pdf", "-W", "800", "-H", "700"))
    tap.ok(d == (800, 700), "-H 700: PDF 800x700 pt", repr(d))
    # --scale: PNG pixels, SVG display size (same viewBox), PDF page.
    s = svg_size(w.render(cv, "svg", "-W", "800", "-H", "700", "--scale", "2"))
    tap.ok(s == (1600, 1400, "0 0 800 700"), "--scale 2: SVG 1600x1400 over viewBox 800x700",
           repr(s))
    p = png_size(w.render(cv, "png", "-W", "800", "-H", "700", "--scale", "2"))
    tap.ok(p == (1600, 1400), "--scale 2: PNG 1600x1400", repr(p))
    d = pdf_page_size(w, w.render(cv, "pdf", "-W", "800", "-H", "700", "--scale", "1.5"))
    tap.ok(d == (1200, 1050), "--scale 1.5: PDF page 1200x1050 pt", repr(d))
    # Transparent background: the corner pixel is fully transparent; with the flag too.
    for args in (["--set", "page.background=transparent"], ["--transparent"]):
        png = w.render(cv, "png", *args)
        _, _, px = png_decode(png)
        opaque = w.render(cv, "png")
        _, _, px2 = png_decode(opaque)
        tap.ok(px[3] == 0 and px2[3] == 255,
               "%s: PNG corner transparent (opaque without it)" % " ".join(args),
               "alpha %d / %d" % (px[3], px2[3]))
        svg = w.render(cv, "svg", *args).decode("utf-8")
        tap.ok('data-owner="page"' not in svg and 'data-owner="page"' in
               w.render(cv, "svg").decode("utf-8"),
               "%s: SVG without the page's background rect" % " ".join(args))
    status, _, err = w.cvt(cv, "--transparent", "--set", "page.background=#ff0000", "-o",
                           os.path.join(w.tmp, "red.png"))
    if status == 0:
        _, _, px = png_decode(open(os.path.join(w.tmp, "red.png"), "rb").read())
        tap.ok(px[:4] == bytes([255, 0, 0, 255]), "--set wins over --transparent", repr(px[:4]))
    else:
        tap.ok(False, "--transparent with --set", err)


def test_slides(w):
    tap = w.tap
    sys.path.insert(0, os.path.join(SRC, "tools"))
    import importlib
    check = importlib.import_module("check-layout")
    for name in ("bruno-magalhaes", "dense", "short"):
        cv = os.path.join(SRC, "data", name + ".yaml")
        dump = w.dump(cv, "-s", "slides")
        if dump is None:
            continue
        problems = check.check_dump(dump)
        tap.ok(dump["width"] == 1920 and dump["height"] == 1080 and not problems,
               "slides: %s laid out on 1920x1080 with everything inside, no overlap" % name,
               "%sx%s\n%s" % (dump["width"], dump["height"], "\n".join(problems[:10])))
        p = png_size(w.render(cv, "png", "-s", "slides"))
        tap.ok(p == (1920, 1080), "slides: %s PNG exactly 1920x1080" % name, repr(p))
        p = png_size(w.render(cv, "png", "-s", "slides", "--scale", "2"))
        tap.ok(p == (3840, 2160), "slides: %s PNG at --scale 2 is 3840x2160" % name, repr(p))
        d = pdf_page_size(w, w.render(cv, "pdf", "-s", "slides"))
        tap.ok(d == (1920, 1080) and abs(d[0] / d[1] - 16 / 9) < 1e-9,
               "slides: %s PDF page 1920x1080 pt (16:9)" % name, repr(d))


def test_watch(w):
    tap = w.tap
    d = tempfile.mkdtemp(dir=w.tmp)
    cv = os.path.join(d, "cv.yaml")
    out = os.path.join(d, "cv.svg")
    errpath = os.path.join(d, "stderr")
    with open(cv, "w") as f:
        f.write("name: First Name\njobs:\n  - {title: Job, org: Org, start: 2019, end: 2021}\n")
    errf = open(errpath, "wb")
    proc = subprocess.Popen([w.exe, "--today", TODAY, "--watch", cv, "-o", out],
                            stdout=subprocess.DEVNULL, stderr=errf, stdin=subprocess.DEVNULL)

    def wait_for(cond, seconds=15):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if cond():
                return True
            if proc.poll() is not None:
                return False
            time.sleep(0.1)
        return False

    def read(path):
        try:
            with open(path, "rb") as f:
                return f.read()
        except OSError:
            return b""

    try:
        tap.ok(wait_for(lambda: b"First Name" in read(out)), "--watch: writes the output at start",
               read(errpath))
        first = read(out)
        time.sleep(0.05)
        with open(cv, "w") as f:
            f.write("name: Second Name\njobs:\n  - {title: Job, org: Org, start: 2019, end: 2022}\n")
        tap.ok(wait_for(lambda: b"Second Name" in read(out)),
               "--watch: re-renders when the CV changes", read(errpath))
        second = read(out)
        tap.ok(second != first and ET.fromstring(second) is not None,
               "--watch: the new output is a complete SVG")
        n_err = read(errpath).count(b"error:")
        with open(cv, "w") as f:
            f.write("name: Broken\njobs:\n  - {title: Job, start: 2019, end: 2018}\n  - [\n")
        tap.ok(wait_for(lambda: read(errpath).count(b"error:") > n_err
                        and b"kept the last good output" in read(errpath)),
               "--watch: a broken CV prints an error with its position", read(errpath))
        tap.ok(read(out) == second and re.search(rb"cv\.yaml:\d+:\d+: error:", read(errpath)),
               "--watch: the last good output is kept", read(errpath))
        tap.ok(proc.poll() is None, "--watch: keeps running after an error")
        with open(cv, "w") as f:
            f.write("name: Third Name\njobs:\n  - {title: Job, org: Org, start: 2019, end: 2023}\n")
        tap.ok(wait_for(lambda: b"Third Name" in read(out)),
               "--watch: recovers when the CV is fixed", read(errpath))
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            status = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            status = proc.wait()
        errf.close()
    tap.ok(status == 0, "--watch: ends cleanly on SIGTERM (status %r)" % status)
    leftovers = [n for n in os.listdir(d) if n.startswith(".")]
    tap.ok(not leftovers, "--watch: no temporary file left", repr(leftovers))


FIND_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>find</title></head>
<body style="margin:0">%s
<pre id="result"></pre>
<script>
const svg = document.querySelector('svg');
const r = {};
r.found = %s.map(q => { getSelection().removeAllRanges(); return window.find(q, true); });
r.notFound = window.find('no such label anywhere', true);
const range = document.createRange();
range.selectNodeContents(svg);
getSelection().removeAllRanges();
getSelection().addRange(range);
r.selection = getSelection().toString();
r.texts = [...svg.querySelectorAll('text')].map(t => {
  const b = t.getBBox(), start = t.getStartPositionOfChar(0);
  return [t.textContent, t.getComputedTextLength(), start.x, start.y, b.y, b.height];
});
r.opacity = getComputedStyle(svg.querySelector('text')).fillOpacity;
document.getElementById('result').textContent = JSON.stringify(r);
</script></body></html>
"""


def test_chromium(w):
    tap = w.tap
    browser = find_chromium()
    if browser is None:
        tap.skip("Chromium renders the SVG, finds its text, matches the PNG",
                 "no chromium installed (apt-get install chromium; scripts/test.sh does)")
        return
    fonts = browser_fonts(w.tmp)
    cases = [("bruno-magalhaes", "default"), ("short", "dark"), ("dense", "default")]
    for name, style in cases:
        cv = os.path.join(SRC, "data", name + ".yaml")
        svg = w.render(cv, "svg", "-s", style)
        png = w.render(cv, "png", "-s", style)
        dump = w.dump(cv, "-s", style)
        if svg is None or png is None or dump is None:
            continue
        W, H = png_size(png)
        path = os.path.join(w.tmp, "%s-%s.svg" % (name, style))
        with open(path, "wb") as f:
            f.write(svg)
        shot, err = chromium_screenshot(w.tmp, browser, path, W, H, fonts=fonts)
        if not tap.ok(shot is not None, "chromium: screenshot of %s (%s)" % (name, style), err):
            continue
        _, _, px = png_decode(shot)
        colours = len(set(px[i:i + 3] for i in range(0, len(px), 4 * 97)))
        tap.ok(png_size(shot) == (W, H) and colours > 3,
               "chromium: %s (%s) renders (%dx%d, %d colours sampled)"
               % (name, style, W, H, colours))
        diff = image_difference(shot, png)
        tap.ok(within_tolerance(diff), "chromium: %s (%s) matches the PNG output (%s)"
               % (name, style, describe_difference(diff)))
        if name == cases[0][0]:
            # The comparison can fail: the invisible text made visible is caught.
            visible = os.path.join(w.tmp, "visible.svg")
            with open(visible, "w", encoding="utf-8") as f:
                f.write(svg.decode("utf-8").replace("fill-opacity:0;", "fill-opacity:1;"))
            shot3, err = chromium_screenshot(w.tmp, browser, visible, W, H, fonts=fonts)
            diff3 = image_difference(shot3, png) if shot3 else None
            tap.ok(diff3 is not None and not within_tolerance(diff3),
                   "chromium: the text made visible is beyond the tolerance (%s)"
                   % describe_difference(diff3), err)
        bare = os.path.join(w.tmp, "%s-%s-bare.svg" % (name, style))
        with open(bare, "w", encoding="utf-8") as f:
            f.write(without_texts(svg.decode("utf-8")))
        shot2, err = chromium_screenshot(w.tmp, browser, bare, W, H, fonts=fonts)
        tap.ok(shot2 is not None and same_pixels(shot, shot2),
               "chromium: %s (%s) pixel-identical with and without the invisible text "
               "(tolerance 0)" % (name, style), err)
        # Text search in a page that inlines the SVG.
        labels = [t[0] for t in dump_texts(dump)]
        queries = sorted(set(l for l in labels if len(l) > 3), key=labels.index)[:12]
        svg_text = svg.decode("utf-8")
        page = FIND_PAGE % (svg_text[svg_text.index("<svg"):], json.dumps(queries))
        page_path = os.path.join(w.tmp, "%s-%s.html" % (name, style))
        with open(page_path, "w", encoding="utf-8") as f:
            f.write(page)
        status, dom, err = chromium(w.tmp, browser, "--dump-dom", "file://" + page_path,
                                    fonts=fonts)
        m = re.search(r'<pre id="result">(.*?)</pre>', dom.decode("utf-8", "replace"), re.S)
        if not tap.ok(status == 0 and m is not None and m.group(1),
                      "chromium: the find page runs (%s)" % name, err[-2000:]):
            continue
        r = json.loads(html.unescape(m.group(1)))
        tap.ok(all(r["found"]) and not r["notFound"],
               "chromium: window.find() finds the labels %s" % ", ".join(queries[:4]) + ", ...",
               repr(list(zip(queries, r["found"]))))
        tap.ok(all(q in r["selection"] for q in queries),
               "chromium: selecting the chart copies its labels as text")
        tap.ok(r["opacity"] == "0", "chromium: the real text's computed fill-opacity is 0",
               repr(r["opacity"]))
        # Every <text>, as the browser lays it out, lies on its label's box: the same start
        # and advance width, the baseline inside the box, the glyphs overlapping it.
        boxes = {}
        for t in dump_texts(dump):
            boxes.setdefault(t[0], []).append(t)
        bad = []
        for content, length, x, base, top, height in r["texts"]:
            cands = boxes.get(content, [])
            if not any(abs(x - bx) < 0.02 and abs(length - b_w) < 0.02 and by < base <= by + b_h
                       and top < by + b_h and top + height > by
                       for (_, bx, by, b_w, b_h) in cands):
                bad.append("%r at %.2f, baseline %.2f, length %.2f; dump: %r"
                           % (content, x, base, length, cands))
        tap.ok(r["texts"] and not bad, "chromium: every <text> (%d) lies on its label's box"
               % len(r["texts"]), "\n".join(bad[:8]))


def main():
    exe = binary_from_argv()
    tap = Tap()
    tmp = tempfile.mkdtemp(prefix="cvt-web-")
    w = Web(exe, tap, tmp)
    try:
        data = [os.path.join(SRC, "data", n) for n in sorted(os.listdir(os.path.join(SRC, "data")))
                if n.endswith(".yaml")]
        for cv in data:
            for style in ("default", "slides"):
                test_svg_structure(w, cv, "%s (%s)" % (os.path.basename(cv), style), "-s", style)
            test_svg_structure(w, cv, "%s (default, text mode)" % os.path.basename(cv),
                               "--svg-text=text")
        for case in ("roles", "periods", "milestones-close", "long-labels"):
            cv = os.path.join(SRC, "tests", "cases", case + ".yaml")
            if os.path.exists(cv):
                test_svg_structure(w, cv, case)
        # The career summary's marks: group totals and gap lengths are texts of the layer.
        test_svg_structure(w, os.path.join(SRC, "tests", "cases", "gaps.yaml"), "gaps", "-s",
                           os.path.join(SRC, "tests", "cases", "gaps.style.yaml"))
        test_tooltip_content(w)
        test_pixels_unchanged_rsvg(w, [(cv, s) for cv in data
                                       for s in ("default", "dark", "print", "slides")])
        test_pdf(w)
        test_reproducible(w)
        test_sizes(w)
        test_slides(w)
        test_watch(w)
        test_chromium(w)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
