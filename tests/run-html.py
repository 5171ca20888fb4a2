"""The HTML page (`-o cv.html`, `--format html`; doc/cli.md "HTML"):

- well-formed (it parses as XML, and Python's HTML parser sees every element closed),
  byte-identical on every run, and free of external references: no src or href but the
  CV's own links, no url() but data:, a strict Content-Security-Policy, no script;
- a hostile title, org and note (`</script>`, `<img onerror>`, quotes) come out as text;
- every entry and milestone has its details (describe.c's words: dates, location, note),
  each in an item that takes keyboard focus and points at them with aria-describedby;
- the career summary is the one `--summary` prints, and is absent from an empty CV;
- in one headless Chromium session (the DevTools protocol, tests/devtools.py): the page is
  not blank, the chart in it matches the standalone text-mode SVG's pixels in the light and
  the emulated dark scheme, the page's background follows the scheme, Tab focuses the
  first item and shows its details (hidden before), and the console reports no error
  (which a page with an external image does: the check can fail).

Usage: python3 tests/run-html.py PATH/TO/cvtimeline
"""
import html
import html.parser
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cvtest  # noqa: E402
from cvtest import SRC, TODAY, Tap, binary_from_argv  # noqa: E402
from webtest import (describe_difference, find_chromium, image_difference,  # noqa: E402
                     png_decode, within_tolerance)

HOSTILE = """name: "Eve </script><script>alert(1)</script> <img src=x onerror=alert(2)>"
headline: "</title><b>bold</b>"
jobs:
  - title: "Engineer <img src=x onerror=alert(3)>"
    org: "O'Reilly & \\"Sons\\" </style>"
    location: "<svg onload=alert(4)>"
    url: https://example.org/eve?a=1&b=2
    note: "</span></li><script>alert(5)</script>"
    start: 2019-03
    end: 2021-06
  - title: Analyst
    org: Acme
    date: ~2016
    note: A plain note.
milestones:
  - {date: 2020-05, title: "Award <b>&amp;</b>", note: "A note of the milestone"}
"""

EMPTY = "name: Nobody\njobs: []\n"


def run(cmd, **kw):
    return cvtest.run(cmd, stdin=subprocess.DEVNULL, timeout=kw.pop("timeout", 120), **kw)


class Runner:
    def __init__(self, exe, tap, tmp):
        self.exe, self.tap, self.tmp = exe, tap, tmp
        self.n = 0

    def render(self, cv, ext, *args):
        self.n += 1
        out = os.path.join(self.tmp, "out-%d.%s" % (self.n, ext))
        status, _, err = run([self.exe, "--today", TODAY, cv, "-o", out] + list(args))
        if not self.tap.ok(status == 0 and os.path.exists(out),
                           "renders %s to %s %s" % (os.path.basename(cv), ext, " ".join(args)),
                           err):
            return None, None
        with open(out, "rb") as f:
            return f.read(), out

    def save(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "w" if isinstance(data, str) else "wb") as f:
            f.write(data)
        return path


class Strict(html.parser.HTMLParser):
    """Every element closed in order (void elements aside), and every attribute noted."""
    VOID = {"meta", "br", "link", "img", "input", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.attrs, self.tags, self.text = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v) for k, v in attrs)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v) for k, v in attrs)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else ""))
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def external_refs(parsed):
    """The src and href values that leave the page."""
    return [v for _, k, v in parsed.attrs if k in ("src", "href", "xlink:href") and
            not v.startswith(("#", "data:"))]


def well_formed_xml(tap, text, what):
    try:
        ET.fromstring(text[len("<!DOCTYPE html>\n"):])
        tap.ok(True, what)
    except ET.ParseError as e:
        tap.ok(False, what, str(e))


def parse(page):
    p = Strict()
    p.feed(page)
    p.close()
    if p.stack:
        p.errors.append("left open: %s" % p.stack)
    return p


def test_static(r, tap):
    cv = os.path.join(SRC, "data", "short.yaml")
    page, _ = r.render(cv, "html")
    if page is None:
        return
    again, _ = r.render(cv, "html")
    tap.ok(page == again, "byte-identical on a second run")
    fmt, _ = r.render(cv, "page", "--format", "html")
    tap.ok(fmt == page, "--format html writes the same page under another name")
    text = page.decode("utf-8")
    tap.ok(text.startswith("<!DOCTYPE html>\n") and "<?xml" not in text,
           "an HTML5 page, without the SVG's XML declaration")
    well_formed_xml(tap, text, "well-formed as XML too")
    p = parse(text)
    tap.ok(not p.errors, "every element closed in order", "; ".join(p.errors[:5]))
    tap.ok("script" not in p.tags and not any(k.startswith("on") for _, k, _ in p.attrs),
           "no script, no event handler")
    csp = [v for t, k, v in p.attrs if t == "meta" and k == "content" and "default-src" in v]
    tap.ok(csp and "default-src 'none'" in csp[0] and "http" not in csp[0],
           "a strict Content-Security-Policy", str(csp))
    tap.ok(text.count("<svg ") == 1 and "@font-face" in text and "<text" in text,
           "the chart inline in text mode with its fonts embedded")
    tap.ok("@media (prefers-color-scheme:dark)" in text and 'content="light dark"' in text,
           "a dark scheme, the page's and the chart's")
    refs = external_refs(p)
    tap.ok(not refs, "no external reference in src or href", str(refs[:5]))
    urls = [u for u in re.findall(r"url\(([^)]*)\)", text) if not u.startswith(("data:", "#"))]
    tap.ok(not urls, "no url() but data: and fragments", str(urls[:5]))
    status, summary, _ = run([r.exe, "--today", TODAY, cv, "--summary"])
    body = summary.decode("utf-8").split("\n", 1)[1].strip() if status == 0 else "?"
    tap.ok(html.escape(body, quote=True) in text,
           "the career summary, as --summary prints it")
    items = re.findall(r'<li class="cvt-item" tabindex="0" aria-describedby="([^"]+)">', text)
    ids = re.findall(r'<span class="cvt-details" id="([^"]+)"', text)
    tap.ok(len(items) == 4 and items == ids, "each of 3 entries and 1 milestone is an item "
           "that takes focus and points at its details", str(items))
    for want in ("Manchester, UK", "summer 2024", "Sep 2025 to present", "14 Jul 2025",
                 "Sep 2022 to Jun 2025"):
        tap.ok(re.search(r'class="cvt-details" id="[^"]+">[^<]*(<br/>[^<]*)*' + re.escape(want),
                         text) is not None, "details name %s" % want)

    empty = r.save("empty.yaml", EMPTY)
    page, _ = r.render(empty, "html")
    if page is not None:
        tap.ok(b"class=\"cvt-summary" not in page and b"career summary" not in page, "no summary when there is nothing to summarise")

    nodark, _ = r.render(cv, "html", "--svg-dark=none")
    if nodark is not None:
        tap.ok(b"prefers-color-scheme" not in nodark, "--svg-dark=none: light only")


def test_hostile(r, tap):
    cv = r.save("hostile.yaml", HOSTILE)
    page, _ = r.render(cv, "html")
    if page is None:
        return
    text = page.decode("utf-8")
    p = parse(text)
    tap.ok(not p.errors, "hostile: every element closed in order", "; ".join(p.errors[:5]))
    tap.ok("script" not in p.tags and "img" not in p.tags and "b" not in p.tags and
           not any(k.startswith("on") for _, k, _ in p.attrs),
           "hostile: no element or handler from the CV's text", str(sorted(set(p.tags))))
    words = "".join(p.text)
    for want in ("</script><script>alert(1)</script>", "<img src=x onerror=alert(3)>",
                 "O'Reilly & \"Sons\" </style>", "</span></li><script>alert(5)</script>",
                 "<svg onload=alert(4)>", "A note of the milestone", "A plain note.",
                 "about 2016"):
        tap.ok(want in words, "hostile: %r reads as text" % want)
    well_formed_xml(tap, text, "hostile: well-formed as XML")
    refs = external_refs(p)
    tap.ok(refs == ["https://example.org/eve?a=1&b=2"] * len(refs),
           "hostile: the one link is the CV's own", str(refs))
    return cv


def not_blank(png):
    w, h, rgba = png_decode(png)
    first = rgba[:4]
    return any(rgba[i:i + 4] != first for i in range(0, len(rgba), 4 * 97))


def test_browser(r, tap, browser, hostile_cv):
    from devtools import Browser, DevtoolsError
    cv = os.path.join(SRC, "data", "short.yaml")
    page, page_path = r.render(cv, "html")
    svg, svg_path = r.render(cv, "svg", "--svg-text=text", "--svg-dark")
    if page is None or svg is None:
        return
    b = Browser(browser, r.tmp, 1280, 1000)
    try:
        for scheme in ("light", "dark"):
            b.color_scheme(scheme)
            b.navigate("file://" + svg_path)
            alone = b.screenshot(0, 0, 1200, 278)
            b.navigate("file://" + page_path)
            box = b.evaluate("(() => { const r = document.querySelector('svg')"
                             ".getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })()")
            whole = b.screenshot(0, 0, 1280, 1000)
            tap.ok(not_blank(whole), "chromium (%s): the page is not blank" % scheme)
            tap.ok(box[2:] == [1200, 278] and box[0] == int(box[0]) and box[1] == int(box[1]),
                   "chromium (%s): the chart at its size on whole pixels" % scheme, str(box))
            inline = b.screenshot(box[0], box[1], 1200, 278)
            diff = image_difference(inline, alone)
            tap.ok(within_tolerance(diff), "chromium (%s): the chart in the page matches the "
                   "SVG alone" % scheme, describe_difference(diff))
            back = b.evaluate("getComputedStyle(document.body).backgroundColor")
            tap.ok(back == ("rgb(255, 255, 255)" if scheme == "light" else "rgb(15, 23, 42)"),
                   "chromium (%s): the page's background follows the scheme" % scheme, back)
        b.color_scheme("light")
        details = ("(() => { const e = document.querySelector('.cvt-item .cvt-details'); "
                   "const r = e.getBoundingClientRect(); return [r.width, r.height]; })()")
        before = b.evaluate(details)
        tap.ok(before[0] <= 1 and before[1] <= 1, "chromium: details hidden before focus",
               str(before))
        b.press("Tab", "Tab", 9)
        focused = b.evaluate("(() => { const a = document.activeElement; return a === "
                             "document.querySelector('.cvt-item') ? "
                             "a.getAttribute('aria-describedby') : a.tagName; })()")
        tap.ok(focused == "cvt-e0", "chromium: Tab focuses the first item", str(focused))
        after = b.evaluate(details)
        tap.ok(after[0] > 50 and after[1] > 10, "chromium: its details become visible",
               str(after))
        b.press("Tab", "Tab", 9)
        second = b.evaluate("document.activeElement.getAttribute('aria-describedby')")
        tap.ok(second == "cvt-e1", "chromium: Tab again focuses the second item", str(second))
        tap.ok(not b.console_errors(), "chromium: no console error", str(b.console_errors()))
        if hostile_cv is not None:
            hostile, hostile_path = r.render(hostile_cv, "html")
            b.navigate("file://" + hostile_path)
            ran = b.evaluate("document.querySelectorAll('script, img').length")
            tap.ok(ran == 0 and not b.console_errors(),
                   "chromium: the hostile page has no script or image and no error",
                   str(b.console_errors()))
        # The check can fail: an external image is refused, and the console says so.
        bad = page.decode("utf-8").replace("</main>", '<img src="https://example.invalid/x.png"'
                                           ' alt=""/></main>')
        b.navigate("file://" + r.save("external.html", bad))
        tap.ok(any("Content Security Policy" in e or "Refused" in e for e in b.console_errors()),
               "chromium: an external image breaks the policy and is reported",
               str(b.console_errors()))
    except DevtoolsError as e:
        tap.ok(False, "chromium: the DevTools session", str(e))
    finally:
        b.close()


def main():
    exe = binary_from_argv()
    tap = Tap()
    with tempfile.TemporaryDirectory() as tmp:
        r = Runner(exe, tap, tmp)
        test_static(r, tap)
        hostile = test_hostile(r, tap)
        browser = find_chromium()
        if browser is None:
            tap.skip("chromium checks", "no chromium installed")
        else:
            test_browser(r, tap, browser, hostile)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
