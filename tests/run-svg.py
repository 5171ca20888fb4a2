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
  every label on an opaque bar reads at 4.5:1 in both schemes (and would not with the
  light label colours on the dark bars);
- what main's scene carries beyond the data CVs: the career summary's gap bands and
  lengths (each under its tooltip) and group totals, charts in German and Japanese (the
  CJK fallback font embedded in text mode), against the PNG like the rest;
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


def case_style(name):
    """The style a golden case is drawn in (its NAME.style.yaml, else default)."""
    style = cvtest.case_style("tests/cases/%s.yaml" % name)
    return os.path.join(SRC, style) if style else "default"


# Cases whose scene carries what the data CVs do not: the career summary's totals and gap
# bands (with their tooltips), and labels in Japanese drawn by the CJK fallback font.
SUMMARY_AND_LANGUAGE = ("gaps", "gaps-above", "lang-ja", "lang-de")


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
    cases += [(case_cv(n), case_style(n)) for n in SUMMARY_AND_LANGUAGE]
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
                     % (os.path.basename(cv), os.path.basename(style), scale,
                        describe_difference(diff)), err)
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
    cases = [(data_cv(n), st) for n, st in [("bruno-magalhaes", "default"),
                                            ("bruno-magalhaes", "print"),
                                            ("dense", "default"), ("short", "dark")]]
    # (Of the summary and language cases, one of each in Chromium: rsvg takes them all.)
    cases += [(case_cv(n), case_style(n)) for n in ("gaps", "lang-ja")]
    for cv, style in cases:
        name = os.path.basename(cv)[:-len(".yaml")]
        style_name = os.path.basename(style).split(".")[0]
        png = s.render(cv, "png", "-s", style)
        if png is None:
            continue
        W, H = png_size(png)
        for mode in ("paths", "text"):
            svg = s.render(cv, "svg", "-s", style, "--svg-text=" + mode)
            if svg is None:
                continue
            path = s.save("%s-%s-%s.svg" % (name, style_name, mode), svg)
            for conf, which in ((fonts, "the tests' fonts"), (serif, "no DejaVu Sans installed")):
                if mode == "paths" and conf is serif:
                    continue
                shot, err = chromium_screenshot(s.tmp, browser, path, W, H, fonts=conf)
                diff = image_difference(shot, png) if shot else None
                s.tap.ok(within_tolerance(diff), "chromium: %s (%s, %s mode, %s) matches the "
                         "PNG (%s)" % (name, style_name, mode, which, describe_difference(diff)),
                         err)
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
    # (The gaps case in its own style: the dark scheme is that style with dark on top, the
    # gap bands' colour too.)
    for cv, base in ((data_cv("short"), []), (data_cv("bruno-magalhaes"), []),
                     (case_cv("gaps"), ["-s", case_style("gaps")])):
        name = os.path.basename(cv)[:-len(".yaml")]
        light_png = s.render(cv, "png", *base)
        dark_png = s.render(cv, "png", *base, "-s", "dark")
        if light_png is None or dark_png is None:
            continue
        W, H = png_size(light_png)
        t = s.tap
        t.ok(png_size(dark_png) == (W, H), "%s: the dark style keeps the default's size" % name)
        for mode in ("paths", "text"):
            svg = s.render(cv, "svg", *base, "--svg-dark", "--svg-text=" + mode)
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


# --- Label contrast in both schemes ---

def parse_rules(css):
    """({class: declarations} outside @media, the same inside the dark block)."""
    m = re.search(r"@media \(prefers-color-scheme:dark\)\{(.*)\}\s*$", css, re.S)
    dark_css = m.group(1) if m else ""
    light_css = css[:m.start()] if m else css
    rules = lambda text: {k: dict(d.split(":", 1) for d in v.split(";") if ":" in d)
                          for k, v in re.findall(r"\.([\w-]+)\{([^}]*)\}", text)}
    return rules(light_css), rules(dark_css)


def rgb(hex_colour):
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))


def luminance(c):
    lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(decls, page, prop="fill"):
    """A fill as seen over the page colour, or None for gradients and none."""
    v = decls.get(prop)
    if v is None or not v.startswith("#"):
        return None
    c, a = rgb(v), float(decls.get(prop + "-opacity", "1"))
    return tuple(a * x + (1 - a) * y for x, y in zip(c, page))


def rect_path_box(d):
    """The box of a bar drawn as a path (M, H, V, A and Z, as svg_write writes rounded
    rects with square sides), or None for any other path."""
    tokens = re.findall(r"[MHVAZ]|-?[\d.]+", d)
    if not tokens or tokens[0] != "M" or any(t in ("L", "C", "Q") for t in tokens):
        return None
    xs, ys, i, cmd = [], [], 0, None
    while i < len(tokens):
        if tokens[i] in "MHVAZ":
            cmd = tokens[i]
            i += 1
            continue
        n = {"M": 2, "H": 1, "V": 1, "A": 7}.get(cmd)
        if n is None or i + n > len(tokens):
            return None
        v = [float(t) for t in tokens[i:i + n]]
        if cmd == "M":
            xs.append(v[0]), ys.append(v[1])
        elif cmd == "H":
            xs.append(v[0])
        elif cmd == "V":
            ys.append(v[0])
        else:
            xs.append(v[5]), ys.append(v[6])
        i += n
    return (min(xs), min(ys), max(xs), max(ys)) if xs and ys else None


def labels_on_bars(root):
    """[(failures, checks)] of every label drawn on an opaque bar against it, in the light
    scheme and the dark one: failures below 4.5:1."""
    light, dark = parse_rules(root.find(SVG_NS + "style").text)
    cls = lambda el: el.get("class")
    page = root.find(".//%sg[@data-owner='page']/%srect" % (SVG_NS, SVG_NS))
    page_key = cls(page)
    checked, bad = 0, []
    for g in root.iter(SVG_NS + "g"):
        if g.get("data-owner") != "entry":
            continue
        bars = []
        for el in g.iter():
            if el.tag == SVG_NS + "rect" and el.get("width"):
                x, y, w, h = (float(el.get(k)) for k in ("x", "y", "width", "height"))
                bars.append(((x, y, x + w, y + h), cls(el)))
            elif el.tag == SVG_NS + "path" and rect_path_box(el.get("d", "")):
                bars.append((rect_path_box(el.get("d")), cls(el)))
        for t in g.iter(SVG_NS + "text"):
            x, y, length = float(t.get("x")), float(t.get("y")), float(t.get("textLength", 0))
            on = [k for (box, k) in bars
                  if box[0] <= x and x + length <= box[2] and box[1] < y <= box[3]]
            if not on:
                continue
            # (A role segment drawn translucent takes the label colour of its opaque hue,
            # in layout: that is layout's choice, not the SVG's.)
            if float((light.get(on[-1]) or {}).get("fill-opacity", "1")) < 1:
                continue
            for scheme, rules in (("light", light), ("dark", dark)):
                p_ = over(rules.get(page_key) or light.get(page_key, {}), (1, 1, 1))
                bar = over(rules.get(on[-1]) or light.get(on[-1], {}), p_ or (1, 1, 1))
                fg = over(rules.get(cls(t)) or light.get(cls(t), {}), bar or (1, 1, 1))
                if bar is None or fg is None:
                    continue
                checked += 1
                if contrast(fg, bar) < 4.5:
                    bad.append("%s (%s): %.2f:1" % ("".join(t.itertext()), scheme,
                                                    contrast(fg, bar)))
    return bad, checked


def test_label_contrast(s):
    """Each label drawn on a bar reads at 4.5:1 against it in the light scheme and, with
    --svg-dark, in the dark one: each scheme's label colour is chosen for its own bars."""
    total = 0
    for cv in (data_cv("bruno-magalhaes"), data_cv("dense"), case_cv("roles"),
               case_cv("promotions"), case_cv("custom-groups")):
        name = os.path.basename(cv)
        svg = s.render(cv, "svg", "--svg-dark", "--svg-text=text")
        if svg is None:
            continue
        bad, checked = labels_on_bars(ET.fromstring(svg))
        total += checked
        s.tap.ok(not bad, "%s: every label on a bar (%d checks) reads at 4.5:1 "
                 "in both schemes" % (name, checked), "\n".join(bad[:10]))
        if name != "roles.yaml":
            continue
        # The check can fail: with the light label colours in the dark scheme too (the dark
        # block's rules for the texts' classes taken out), the light hues' labels do not read.
        root = ET.fromstring(svg)
        used = {t.get("class") for t in root.iter(SVG_NS + "text")}
        text = svg.decode("utf-8")
        head, _, block = text.partition("@media (prefers-color-scheme:dark){")
        block = re.sub(r"\.([\w-]+)\{[^}]*\}\n?",
                       lambda m: "" if m.group(1) in used else m.group(0), block)
        bad, _ = labels_on_bars(ET.fromstring(head + "@media (prefers-color-scheme:dark){" + block))
        s.tap.ok(bad, "%s: the light label colours on the dark scheme's bars do not read (the "
                 "check can fail): %s" % (name, "; ".join(bad[:3])))
    # (The example's labels now sit beside and under its bars: the others have them on.)
    s.tap.ok(total > 0, "labels on bars were found to check (%d checks)" % total)

# --- What main's scene gained: the career summary, other languages ---

def test_summary_and_language(s):
    """Every gap band and gap length is in its group's <g> under a <title> of the gap's
    dates and length, every group total is text of its group, in both modes; a German CV
    says its title, desc and tooltips in German; a Japanese one embeds the CJK fallback
    font its labels were laid out with."""
    import yaml
    t = s.tap
    for name in ("gaps", "gaps-above"):
        cv, style = case_cv(name), case_style(name)
        status, out, err = run([s.exe, "--today", TODAY, cv, "-s", style, "--dump-layout"])
        if not t.ok(status == 0, "%s: the layout dump" % name, err):
            continue
        groups = yaml.safe_load(out)["groups"]
        gaps = [(g, gap) for g, group in enumerate(groups) for gap in group.get("gaps", [])]
        totals = [(g, group["total"]["text"]) for g, group in enumerate(groups)
                  if group.get("total")]
        t.ok(gaps and totals, "%s: the dump has gaps and totals to look for" % name)
        for mode in ("paths", "text"):
            svg = s.render(cv, "svg", "-s", style, "--svg-text=" + mode)
            if svg is None:
                continue
            root = ET.fromstring(svg)
            missing = []
            by_group = {}
            for g in root.iter(SVG_NS + "g"):
                if g.get("data-owner") == "group":
                    by_group.setdefault(int(g.get("data-index")), []).append(g)
            for g, gap in gaps:
                tip = "Gap: %s (%s)" % (gap["dates"], gap["text"])
                tipped = [sub for grp in by_group.get(g, []) for sub in grp.iter(SVG_NS + "g")
                          if sub.findtext(SVG_NS + "title") == tip]
                box = gap["box"]
                band = [r for sub in tipped for r in sub.iter(SVG_NS + "rect")
                        if abs(float(r.get("x")) - box["x"]) < 0.01
                        and abs(float(r.get("width")) - box["w"]) < 0.01]
                label = [x for sub in tipped for x in sub.iter(SVG_NS + "text")
                         if "".join(x.itertext()) == gap["text"]]
                if not band or ("label" in gap) != bool(label):
                    missing.append("%s: band %d, label %d" % (tip, len(band), len(label)))
            for g, total in totals:
                texts = ["".join(x.itertext()) for grp in by_group.get(g, [])
                         for x in grp.iter(SVG_NS + "text")]
                if not any(total in x for x in texts):
                    missing.append("group %d's total %r in %r" % (g, total, texts))
            t.ok(not missing, "%s (%s mode): every gap's band and length under its tooltip, "
                 "every total in its group" % (name, mode), "\n".join(missing))
    svg = s.render(case_cv("lang-de"), "svg")
    if svg is not None:
        root = ET.fromstring(svg)
        tips = [x.text for x in root.iter(SVG_NS + "title")]
        desc = root.findtext(SVG_NS + "desc") or ""
        t.ok("bis heute" in desc and any("Dez. 2025 bis März 2026" in (x or "") for x in tips),
             "lang-de: the desc and the tooltips in German", desc + "\n" + repr(tips))
    svg = s.render(case_cv("lang-ja"), "svg", "--svg-text=text")
    if svg is not None:
        text = svg.decode("utf-8")
        faces = re.findall(r"@font-face\{", text)
        t.ok(len(faces) >= 2 and '"Droid Sans Fallback"' in text and "修士" in text,
             "lang-ja (text mode): the CJK fallback font embedded beside DejaVu, the labels "
             "real text", "%d faces" % len(faces))


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
        test_label_contrast(s)
        test_summary_and_language(s)
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
