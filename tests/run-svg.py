#!/usr/bin/env python3
"""The SVG written from the scene (issue 11), checked against what it replaces and what it
promises:

- no Cairo SVG surface anywhere: the binary imports no cairo_svg_* symbol and no source
  includes cairo-svg.h, so the SVG does not depend on the Cairo version;
- `paths` mode rendered by rsvg-convert and by headless Chromium matches the PNG of the same
  chart within antialiasing (webtest.MEAN_TOLERANCE, STRONG_TOLERANCE), at --scale 1 and 2,
  in every built-in style; `text` mode in Chromium likewise, also with no DejaVu Sans
  installed (so the embedded fonts drew it), and not without them (the check can fail);
- two, and ten, different charts inlined in one HTML page render exactly as each does alone
  (tolerance 0), and no id appears in two files; with two charts given the same ids they
  do not (the check can fail);
- with --svg-dark, Chromium's emulated dark scheme shows the dark colours (the `-s dark`
  PNG, within antialiasing), inline and as <img>, and the light scheme the light ones;
- both modes well-formed (xmllint), byte-identical on every run, small.

Usage: python3 tests/run-svg.py PATH/TO/cvtimeline
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cvtest  # noqa: E402
from cvtest import BUILD, SRC, TODAY, Tap, binary_from_argv, png_size  # noqa: E402
from webtest import (browser_fonts, chromium_screenshot, describe_difference,  # noqa: E402
                     find_chromium, image_difference, png_decode, within_tolerance)

SVG_NS = "{http://www.w3.org/2000/svg}"


def run(cmd, **kw):
    return cvtest.run(cmd, stdin=subprocess.DEVNULL, timeout=kw.pop("timeout", 120), **kw)


class Svg:
    def __init__(self, exe, tap, tmp):
        self.exe, self.tap, self.tmp = exe, tap, tmp

    def render(self, cv, fmt, *args):
        """@cv rendered to @fmt with @args: the file's bytes, or None (a failed test)."""
        out = os.path.join(self.tmp, "out-%d.%s" % (time.monotonic_ns(), fmt))
        status, _, err = run([self.exe, "--today", TODAY, cv, "-o", out] + list(args))
        if not self.tap.ok(status == 0 and os.path.exists(out),
                           "renders %s %s %s" % (os.path.basename(cv), fmt, " ".join(args)), err):
            return None
        with open(out, "rb") as f:
            data = f.read()
        os.unlink(out)
        return data

    def save(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb" if isinstance(data, bytes) else "w") as f:
            f.write(data)
        return path


def data_cv(name):
    return os.path.join(SRC, "data", name + ".yaml")


def case_cv(name):
    return os.path.join(SRC, "tests", "cases", name + ".yaml")


def ids_of(svg):
    return [e.get("id") for e in ET.fromstring(svg).iter() if e.get("id")]


def inline(svg):
    """The SVG as a page inlines it: from the <svg> start tag on."""
    text = svg.decode("utf-8")
    return text[text.index("<svg"):]


# --- No Cairo SVG surface ---

def test_no_cairo_svg(t, exe):
    status, out, err = run(["nm", "-D", "--undefined-only", exe])
    if not t.ok(status == 0, "nm lists the binary's imported symbols", err):
        return
    syms = out.decode("utf-8", "replace")
    t.ok("cairo_pdf_surface_create_for_stream" in syms and "cairo_svg" not in syms,
         "the binary uses Cairo's PDF surface but no cairo_svg_* symbol",
         "\n".join(l for l in syms.splitlines() if "cairo_svg" in l))
    core = os.path.join(BUILD, "src", "libcvtcore.a") if BUILD else ""
    if os.path.exists(core):
        status, out, _ = run(["nm", "--undefined-only", core])
        t.ok(status == 0 and b"cairo_svg" not in out,
             "the core library references no cairo_svg_* symbol")
    src = os.path.join(SRC, "src")
    users = [f for f in sorted(os.listdir(src)) if f.endswith((".c", ".h"))
             and re.search(r"cairo-svg\.h|cairo_svg_", open(os.path.join(src, f),
                                                              encoding="utf-8").read())]
    t.ok(not users, "no source file includes cairo-svg.h or calls cairo_svg_*", repr(users))


# --- Against the PNG ---

STYLES = ("default", "dark", "print", "slides")


def test_rsvg_matches_png(s):
    """Paths mode through librsvg, which draws the glyph outlines with Cairo's rasteriser:
    the PNG within antialiasing, in every style and at --scale 2 (three decimals)."""
    if shutil.which("rsvg-convert") is None:
        s.tap.skip("rsvg-convert draws the paths SVG like the PNG", "no rsvg-convert installed")
        return
    cases = [(data_cv(n), st) for n in ("bruno-magalhaes", "dense", "short") for st in STYLES]
    cases += [(case_cv("roles"), "default"), (case_cv("unicode-names"), "default")]
    for cv, style in cases:
        # (Not unicode-names at 2x: Pango sizes the boxes it draws for missing characters
        # by the device's pixels, so the 2x PNG's title runs wider than its layout.)
        scales = ("1", "2") if style == "default" and "/data/" in cv else ("1",)
        for scale in scales:
            args = ["-s", style, "--scale", scale]
            svg, png = s.render(cv, "svg", *args), s.render(cv, "png", *args)
            if svg is None or png is None:
                continue
            path = s.save("rsvg.svg", svg)
            status, shot, err = run(["rsvg-convert", path])
            diff = image_difference(shot, png) if status == 0 else None
            s.tap.ok(within_tolerance(diff), "rsvg: %s (%s, --scale %s) matches the PNG (%s)"
                     % (os.path.basename(cv), style, scale, describe_difference(diff)), err)
    # The tolerance is not loose: a chart drawn one pixel off is caught.
    cv = data_cv("short")
    svg, png = s.render(cv, "svg"), s.render(cv, "png")
    if svg is not None and png is not None:
        text = svg.decode("utf-8")
        shifted = re.sub(r"(<svg[^>]*>)", r'\1<g transform="translate(1 0)">', text, count=1)
        shifted = shifted.replace("</svg>", "</g></svg>")
        status, shot, _ = run(["rsvg-convert", s.save("shifted.svg", shifted)])
        diff = image_difference(shot, png) if status == 0 else None
        s.tap.ok(diff is not None and not within_tolerance(diff),
                 "rsvg: the same chart one pixel to the right is beyond the tolerance (%s)"
                 % describe_difference(diff))


def test_chromium_matches_png(s, browser):
    fonts, serif = browser_fonts(s.tmp), browser_fonts(s.tmp, only_serif=True)
    for name, style in [("bruno-magalhaes", "default"), ("bruno-magalhaes", "print"),
                        ("dense", "default"), ("short", "dark")]:
        cv = data_cv(name)
        png = s.render(cv, "png", "-s", style)
        if png is None:
            continue
        W, H = png_size(png)
        for mode in ("paths", "text"):
            svg = s.render(cv, "svg", "-s", style, "--svg-text=" + mode)
            if svg is None:
                continue
            path = s.save("%s-%s-%s.svg" % (name, style, mode), svg)
            for conf, which in ((fonts, "the tests' fonts"), (serif, "no DejaVu Sans installed")):
                if mode == "paths" and conf is serif:
                    continue
                shot, err = chromium_screenshot(s.tmp, browser, path, W, H, fonts=conf)
                diff = image_difference(shot, png) if shot else None
                s.tap.ok(within_tolerance(diff), "chromium: %s (%s, %s mode, %s) matches the "
                         "PNG (%s)" % (name, style, mode, which, describe_difference(diff)), err)
    # Without its embedded fonts, the text-mode chart falls back to DejaVu Serif there.
    cv = data_cv("short")
    png = s.render(cv, "png")
    svg = s.render(cv, "svg", "--svg-text=text")
    if png is not None and svg is not None:
        bare = re.sub(r"@font-face\{[^}]*\}\n?", "", svg.decode("utf-8"))
        W, H = png_size(png)
        shot, err = chromium_screenshot(s.tmp, browser, s.save("nofonts.svg", bare), W, H,
                                        fonts=serif)
        diff = image_difference(shot, png) if shot else None
        s.tap.ok(diff is not None and not within_tolerance(diff),
                 "chromium: the text-mode chart without its @font-face rules is beyond the "
                 "tolerance (%s): the embedded fonts are what draws it"
                 % describe_difference(diff), err)


# --- Inlined together ---

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>charts</title>
<style>body {{ margin: 0 }} div {{ width: {w}px; overflow: hidden }} svg {{ display: block }}</style>
</head><body>
{body}
</body></html>
"""

# Ten different charts: other CVs, styles, both text modes (each mode's ids must hold).
TEN = [(data_cv("short"), []), (data_cv("bruno-magalhaes"), []),
       (case_cv("roles"), ["--svg-text=text"]), (case_cv("periods"), ["-s", "dark"]),
       (case_cv("milestones-close"), ["-s", "print"]), (case_cv("unicode-names"), []),
       (case_cv("promotions"), ["--svg-text=text", "-s", "dark"]),
       (case_cv("long-labels"), ["-s", "minimal"]), (case_cv("custom-groups"), []),
       (case_cv("approximate"), ["--svg-text=text"])]
WIDTH = 600


def page_of(charts, present):
    """An HTML page stacking @charts (SVG bytes), those not in @present as empty boxes of
    the same size, so that every chart sits where it sits in the full page."""
    body = []
    for i, svg in enumerate(charts):
        h = float(ET.fromstring(svg).get("height"))
        body.append('<div style="height:%gpx">%s</div>' % (h, inline(svg) if i in present else ""))
    return PAGE.format(w=WIDTH, body="\n".join(body))


def rows(png, top, height):
    """The RGBA rows [top, top + height) of a decoded screenshot."""
    w, h, px = png
    return px[4 * w * top:4 * w * min(h, top + height)]


def test_inlined_together(s, browser):
    fonts = browser_fonts(s.tmp)
    for count in (2, 10):
        charts = []
        for cv, args in TEN[:count]:
            svg = s.render(cv, "svg", "-W", str(WIDTH), *args)
            if svg is None:
                return
            charts.append(svg)
        ids = [set(ids_of(svg)) for svg in charts]
        pairs = [(i, j, sorted(ids[i] & ids[j])[:3]) for i in range(count)
                 for j in range(i + 1, count) if ids[i] & ids[j]]
        s.tap.ok(not pairs, "%d charts: no id appears in two files" % count, repr(pairs[:5]))
        heights = [int(float(ET.fromstring(svg).get("height")) + 0.999) for svg in charts]
        total = sum(float(ET.fromstring(svg).get("height")) for svg in charts)
        together_path = s.save("together-%d.html" % count, page_of(charts, set(range(count))))
        shot, err = chromium_screenshot(s.tmp, browser, together_path, WIDTH, int(total) + 1,
                                        fonts=fonts)
        if not s.tap.ok(shot is not None, "chromium: the page of %d charts" % count, err):
            continue
        together = png_decode(shot)
        bad = []
        top = 0.0
        for i in range(count):
            alone_path = s.save("alone-%d-%d.html" % (count, i), page_of(charts, {i}))
            shot_i, err = chromium_screenshot(s.tmp, browser, alone_path, WIDTH, int(total) + 1,
                                              fonts=fonts)
            if shot_i is None:
                bad.append("chart %d: no screenshot: %s" % (i, err[-300:]))
                continue
            y = int(top)
            if rows(png_decode(shot_i), y, heights[i]) != rows(together, y, heights[i]):
                bad.append("chart %d (%s %s) differs" % (i, os.path.basename(TEN[i][0]),
                                                         " ".join(TEN[i][1])))
            top += float(ET.fromstring(charts[i]).get("height"))
        s.tap.ok(not bad, "chromium: %d different charts inlined in one page render exactly as "
                 "each does alone (tolerance 0)" % count, "\n".join(bad))
    # The check can fail: the second chart given the first one's ids borrows its glyphs.
    a = s.render(data_cv("short"), "svg", "-W", str(WIDTH))
    b = s.render(data_cv("bruno-magalhaes"), "svg", "-W", str(WIDTH))
    if a is None or b is None:
        return
    pa = ids_of(a)[0].split("-")[0]
    pb = ids_of(b)[0].split("-")[0]
    b_as_a = b.replace(pb.encode(), pa.encode())
    charts = [a, b_as_a]
    total = sum(float(ET.fromstring(svg).get("height")) for svg in charts)
    ha = float(ET.fromstring(a).get("height"))
    hb = int(float(ET.fromstring(b).get("height")) + 0.999)
    shot_t, _ = chromium_screenshot(s.tmp, browser, s.save("clash.html", page_of(charts, {0, 1})),
                                    WIDTH, int(total) + 1, fonts=fonts)
    shot_b, _ = chromium_screenshot(s.tmp, browser, s.save("clash-b.html", page_of(charts, {1})),
                                    WIDTH, int(total) + 1, fonts=fonts)
    s.tap.ok(shot_t is not None and shot_b is not None and
             rows(png_decode(shot_t), int(ha), hb) != rows(png_decode(shot_b), int(ha), hb),
             "chromium: two charts sharing their ids do not render as each alone (the check "
             "can fail)")


# --- Dark mode ---

IMG_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>body { margin: 0 } img { display: block }</style></head>
<body><img src="%s" width="%s" height="%s"></body></html>
"""


def test_dark(s, browser):
    fonts = browser_fonts(s.tmp)
    for name in ("short", "bruno-magalhaes"):
        cv = data_cv(name)
        light_png, dark_png = s.render(cv, "png"), s.render(cv, "png", "-s", "dark")
        if light_png is None or dark_png is None:
            continue
        W, H = png_size(light_png)
        t = s.tap
        t.ok(png_size(dark_png) == (W, H), "%s: the dark style keeps the default's size" % name)
        for mode in ("paths", "text"):
            svg = s.render(cv, "svg", "--svg-dark", "--svg-text=" + mode)
            if svg is None:
                continue
            text = svg.decode("utf-8")
            t.ok(text.count("@media (prefers-color-scheme:dark){") == 1,
                 "%s (%s): one dark block in the style sheet" % (name, mode))
            path = s.save("%s-dark-%s.svg" % (name, mode), svg)
            img = s.save("%s-dark-%s.html" % (name, mode),
                         IMG_PAGE % (os.path.basename(path), W, H))
            for target, how in ((path, "inline"), (img, "as <img>")):
                for scheme, png, args in (("dark", dark_png, ["--force-dark-mode"]),
                                          ("light", light_png, [])):
                    shot, err = chromium_screenshot(s.tmp, browser, target, W, H, *args,
                                                    fonts=fonts)
                    diff = image_difference(shot, png) if shot else None
                    t.ok(within_tolerance(diff), "%s (%s mode, %s): Chromium's %s scheme shows "
                         "the %s colours (%s)" % (name, mode, how, scheme, scheme,
                                                  describe_difference(diff)), err)
    # The check can fail: without --svg-dark, the dark scheme changes nothing.
    cv = data_cv("short")
    svg, dark_png = s.render(cv, "svg"), s.render(cv, "png", "-s", "dark")
    if svg is not None and dark_png is not None:
        W, H = png_size(dark_png)
        shot, _ = chromium_screenshot(s.tmp, browser, s.save("nodark.svg", svg), W, H,
                                      "--force-dark-mode", fonts=fonts)
        diff = image_difference(shot, dark_png) if shot else None
        s.tap.ok(diff is not None and not within_tolerance(diff),
                 "without --svg-dark the dark scheme keeps the light colours (%s)"
                 % describe_difference(diff))


# --- Files ---

def test_files(s):
    t = s.tap
    cv = data_cv("bruno-magalhaes")
    sizes = {}
    for mode in ("paths", "text"):
        for dark in ([], ["--svg-dark"]):
            args = ["--svg-text=" + mode] + dark
            a, b = s.render(cv, "svg", *args), s.render(cv, "svg", *args)
            if a is None or b is None:
                continue
            t.ok(a == b, "reproducible: %s twice gives the same bytes" % " ".join(args))
            path = s.save("file.svg", a)
            if shutil.which("xmllint"):
                status, _, err = run(["xmllint", "--noout", path])
                t.ok(status == 0, "xmllint: %s is well-formed" % " ".join(args), err)
            sizes[" ".join(args)] = len(a)
    # Text mode embeds only what was drawn; with the tests' fonts (DejaVu) both stay small.
    t.ok(sizes.get("--svg-text=text", 1e9) < 60000 and sizes.get("--svg-text=paths", 1e9) < 150000,
         "the example CV: text mode under 60 KB with its fonts, paths mode under 150 KB",
         repr(sizes))


def main():
    exe = binary_from_argv()
    t = Tap()
    tmp = tempfile.mkdtemp(prefix="cvt-svg-")
    s = Svg(exe, t, tmp)
    try:
        test_no_cairo_svg(t, exe)
        test_files(s)
        test_rsvg_matches_png(s)
        browser = find_chromium()
        if browser is None:
            t.skip("Chromium: both text modes, inlined charts, dark mode",
                   "no chromium installed (apt-get install chromium; scripts/test.sh does)")
        else:
            test_chromium_matches_png(s, browser)
            test_inlined_together(s, browser)
            test_dark(s, browser)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
