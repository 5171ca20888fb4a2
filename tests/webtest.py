"""Helpers of the runners that look at pictures (run-web.py, run-svg.py): PNG decoding
and comparison with zlib alone (no imaging library), and headless Chromium: screenshots
and pages run with --dump-dom, with the fonts Chromium may use pinned."""
import os
import shutil
import struct
import tempfile
import time
import zlib

import subprocess

from cvtest import run as cvtest_run

# "Pixel for pixel within antialiasing": Cairo 1.16's PNG sets each glyph on a whole
# pixel, while an SVG renderer draws the outline where it is (up to half a pixel away),
# and Skia, librsvg and Cairo antialias edges each their own way. So the mean channel
# difference over the picture stays small, and a pixel differs strongly (by more than
# 128 in a channel) only at a few text edges. A shape off by a pixel, a wrong colour, a
# missing or extra label or another font goes far beyond either bound.
MEAN_TOLERANCE = 2.5
STRONG_TOLERANCE = 0.001


def within_tolerance(diff):
    """Whether an image_difference result is within antialiasing."""
    return diff is not None and diff[0] < MEAN_TOLERANCE and diff[1] < STRONG_TOLERANCE


def describe_difference(diff):
    if diff is None:
        return "sizes differ"
    return "mean diff %.2f, strong diffs %.4f%%, worst %d" % (diff[0], 100 * diff[1], diff[2])


# --- PNG decoding (zlib only: no imaging library needed) ---

def png_decode(data):
    """Returns (width, height, RGBA bytes) of an 8-bit, non-interlaced PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, ihdr = 8, [], None
    while pos + 8 <= len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    w, h, depth, ctype, _, _, interlace = ihdr
    if depth != 8 or interlace != 0 or ctype not in (0, 2, 4, 6):
        raise ValueError("unsupported PNG (depth %d, colour type %d, interlace %d)"
                         % (depth, ctype, interlace))
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
    raw = zlib.decompress(b"".join(idat))
    stride = w * bpp
    out = bytearray(h * stride)
    prev = bytearray(stride)
    for y in range(h):
        start = y * (stride + 1)
        f = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        out[y * stride:(y + 1) * stride] = line
        prev = line
    if ctype == 6:
        return w, h, bytes(out)
    rgba = bytearray(w * h * 4)
    for i in range(w * h):
        if ctype == 2:
            rgba[4 * i:4 * i + 3] = out[3 * i:3 * i + 3]
            rgba[4 * i + 3] = 255
        elif ctype == 0:
            rgba[4 * i:4 * i + 3] = bytes([out[i]] * 3)
            rgba[4 * i + 3] = 255
        else:
            rgba[4 * i:4 * i + 3] = bytes([out[2 * i]] * 3)
            rgba[4 * i + 3] = out[2 * i + 1]
    return w, h, bytes(rgba)


def rgb_over_white(rgba):
    """RGB bytes of RGBA composited over white (a browser shows an SVG on white)."""
    if rgba[3::4].count(255) == len(rgba) // 4:
        out = bytearray(len(rgba) // 4 * 3)
        for c in range(3):
            out[c::3] = rgba[c::4]
        return out
    out = bytearray(len(rgba) // 4 * 3)
    for i in range(len(rgba) // 4):
        a = rgba[4 * i + 3]
        for c in range(3):
            out[3 * i + c] = (rgba[4 * i + c] * a + 255 * (255 - a) + 127) // 255
    return out


def image_difference(png_a, png_b):
    """(mean absolute channel difference, fraction of pixels differing by more than 128
    in some channel, max difference), both images composited over white; None when the
    sizes differ."""
    wa, ha, a = png_decode(png_a)
    wb, hb, b = png_decode(png_b)
    if (wa, ha) != (wb, hb):
        return None
    a, b = rgb_over_white(a), rgb_over_white(b)
    if a == b:
        return 0.0, 0.0, 0
    total = 0
    worst = 0
    big = bytearray(len(a) // 3)
    for c in range(3):
        d = [abs(x - y) for x, y in zip(a[c::3], b[c::3])]
        total += sum(d)
        worst = max(worst, max(d))
        for i, v in enumerate(d):
            if v > 128:
                big[i] = 1
    n = len(a) // 3
    return total / (3 * n), sum(big) / n, worst


def same_pixels(png_a, png_b):
    """Pixel-identical (the PNG bytes may still differ through encoder choices)."""
    if png_a == png_b:
        return True
    wa, ha, a = png_decode(png_a)
    wb, hb, b = png_decode(png_b)
    return (wa, ha) == (wb, hb) and a == b


# --- Chromium ---

def find_chromium():
    """The browser to run, or None: none installed, or CVT_SKIP_BROWSER set (CI's
    sanitizer and locale passes, where the browser would draw the same SVG again: the
    plain pass has already compared it, and the browser's time is not the program's)."""
    if os.environ.get("CVT_SKIP_BROWSER"):
        return None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


SERIF_ONLY = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>%s</cachedir>
  <selectfont><rejectfont>
    <glob>*/DejaVuSans.*</glob><glob>*/DejaVuSans-*</glob><glob>*/DejaVuSansCondensed*</glob>
    <glob>*/DejaVuMath*</glob>
  </rejectfont></selectfont>
</fontconfig>
"""


def browser_fonts(tmp, only_serif=False):
    """The fontconfig file Chromium runs with: the tests' fonts (FONTCONFIG_FILE), as
    installed, hinting settings and all; with @only_serif, DejaVu Serif and Mono only, so
    that a page drawn in DejaVu Sans shows that it used the fonts it embeds."""
    if not only_serif:
        return os.environ.get("FONTCONFIG_FILE")
    path = os.path.join(tmp, "fonts-serif.conf")
    with open(path, "w", encoding="utf-8") as f:
        f.write(SERIF_ONLY % os.path.join(tmp, "fontcache"))
    return path


def chromium(tmp, browser, *args, timeout=90, fonts=None):
    """Runs headless Chromium with @args; @fonts is a fontconfig file (browser_fonts)."""
    profile = tempfile.mkdtemp(dir=tmp)
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
           "--user-data-dir=" + profile] + list(args)
    env = dict(os.environ)
    if fonts:
        env["FONTCONFIG_FILE"] = fonts
    # The browser's own messages (D-Bus, GPU) are noise unless it fails.
    return cvtest_run(cmd, timeout=timeout, cwd=tmp, stdin=subprocess.DEVNULL, env=env)


def chromium_screenshot(tmp, browser, path, width, height, *args, fonts=None):
    """(PNG bytes or None, stderr) of @path in a @width x @height window. A page's load
    waits for its fonts, data: URIs included, so the shot shows them."""
    shot = os.path.join(tmp, "shot-%d.png" % time.monotonic_ns())
    status, _, err = chromium(tmp, browser, "--screenshot=" + shot,
                              "--window-size=%d,%d" % (width, height), *args,
                              "file://" + path, fonts=fonts)
    if status != 0 or not os.path.exists(shot):
        return None, err
    with open(shot, "rb") as f:
        data = f.read()
    os.unlink(shot)
    return data, err
