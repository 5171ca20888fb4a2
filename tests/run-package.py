#!/usr/bin/env python3
"""The Debian packaging in debian/ (README "Editors, shells and packages"), without
building it (.ci/run builds, unpacks and runs the package):

- Build-Depends are the packages scripts/common.sh installs (CVT_BUILD_PACKAGES; gcc
  comes with build-essential), and those needed only by the test suite are marked
  <!nocheck> and are in scripts/test.sh's list;
- debian/changelog's version is meson.build's, native (3.0 (native), no revision);
- debian/rules is executable and uses dh with meson;
- the binary package depends on libarchive by name, which cvtimeline opens rather than
  links (so dpkg-shlibdeps does not see it);
- .gitignore hides everything dpkg-buildpackage leaves in the tree.

Usage: python3 tests/run-package.py PATH/TO/cvtimeline
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import SRC, Tap, binary_from_argv  # noqa: E402

# What dpkg-buildpackage -b writes inside the tree (obj-*: the meson build folder).
LEFTOVERS = ["obj-x86_64-linux-gnu/build.ninja", "debian/.debhelper/generated/x",
             "debian/cvtimeline/usr/bin/cvtimeline", "debian/tmp/x", "debian/files",
             "debian/cvtimeline.substvars", "debian/debhelper-build-stamp",
             "debian/cvtimeline.debhelper.log"]
IMPLIED = {"gcc"}  # build-essential, which every Debian build has


def read(path):
    with open(os.path.join(SRC, path), encoding="utf-8") as f:
        return f.read()


def control_field(text, name):
    """The value of field @name in the first paragraph of a deb822 file, comments out."""
    lines = [l for l in text.splitlines() if not l.startswith("#")]
    value, inside = [], False
    for line in lines:
        if not line.strip():
            if inside:
                break
            continue
        if re.match(r"^%s:" % re.escape(name), line):
            inside = True
            value.append(line.split(":", 1)[1])
        elif inside and line[0] in " \t":
            value.append(line)
        elif inside:
            break
    return " ".join(value)


def relations(value):
    """[(package, profile text)] of a Build-Depends value."""
    out = []
    for item in value.split(","):
        item = item.strip()
        if not item:
            continue
        name = re.match(r"^([a-z0-9][a-z0-9+.-]*)", item).group(1)
        profile = " ".join(re.findall(r"<([^>]*)>", item))
        out.append((name, profile))
    return out


def shell_words(text, start, stop=None):
    """The words after @start (a regex) up to the closing quote or @stop."""
    m = re.search(start + r'"([^"]*)"', text, re.S) if stop is None else \
        re.search(start + r"(.*?)" + stop, text, re.S)
    if not m:
        return set()
    words = re.sub(r"\\\n", " ", m.group(1)).split()
    return {w for w in words if not w.startswith("$") and re.match(r"^[a-z0-9][a-z0-9+.-]*$", w)}


def build_depends(t):
    build = shell_words(read("scripts/common.sh"), r"CVT_BUILD_PACKAGES=") - IMPLIED
    tests = shell_words(read("scripts/test.sh"), r"cvt_install_missing \$CVT_BUILD_PACKAGES",
                        r"\n(?!\s)")
    t.ok(len(build) >= 8 and len(tests) >= 5, "read the package lists of scripts/",
         "common.sh: %s\ntest.sh: %s" % (sorted(build), sorted(tests)))
    deps = relations(control_field(read("debian/control"), "Build-Depends"))
    plain = {n for n, p in deps if not p} - {"debhelper-compat"}
    nocheck = {n for n, p in deps if p == "!nocheck"}
    others = [(n, p) for n, p in deps if p not in ("", "!nocheck")]
    t.ok(("debhelper-compat", "") in deps, "Build-Depends has debhelper-compat")
    t.ok(not others, "Build-Depends uses no profile but nocheck", str(others))
    t.ok(plain <= build, "every plain Build-Depends is in CVT_BUILD_PACKAGES",
         str(sorted(plain - build)))
    t.ok(build <= plain | nocheck, "every package of CVT_BUILD_PACKAGES is in Build-Depends",
         str(sorted(build - plain - nocheck)))
    t.ok(nocheck <= build | tests, "every <!nocheck> package is installed by scripts/test.sh",
         str(sorted(nocheck - build - tests)))
    t.ok(nocheck - build <= tests and nocheck & build <= {"fonts-dejavu-core", "fonts-inter"},
         "only the test fonts of CVT_BUILD_PACKAGES are test-only", str(sorted(nocheck & build)))


def versions(t):
    meson_version = re.search(r"version:\s*'([^']+)'", read("meson.build")).group(1)
    first = read("debian/changelog").splitlines()[0]
    m = re.match(r"^cvtimeline \(([^)]+)\) \S+; urgency=\w+$", first)
    t.ok(m is not None, "debian/changelog starts with a cvtimeline entry", first)
    if m:
        t.ok(m.group(1) == meson_version, "the package's version is meson.build's (%s)" %
             meson_version, m.group(1))
        t.ok("-" not in m.group(1), "a native version (no Debian revision)", m.group(1))
    t.ok(read("debian/source/format").strip() == "3.0 (native)", "source format 3.0 (native)")
    control = read("debian/control")
    t.ok(control_field(control, "Source").strip() == "cvtimeline" and
         "Package: cvtimeline" in control, "debian/control names the source and the binary")
    rules = os.path.join(SRC, "debian", "rules")
    t.ok(os.access(rules, os.X_OK), "debian/rules is executable")
    t.ok(re.search(r"dh \$@ --buildsystem=meson", read("debian/rules")) is not None,
         "debian/rules uses dh with meson")
    binary = "Package: cvtimeline\n" + control.split("\nPackage: cvtimeline\n", 1)[-1]
    depends = {w.strip().split()[0] for w in re.split(r"[,|]", control_field(binary, "Depends"))
               if w.strip() and not w.strip().startswith("$")}
    t.ok({"libarchive13", "libarchive13t64"} <= depends,
         "the package depends on libarchive, which zipfile.c opens rather than links",
         str(sorted(depends)))


def ignored(t):
    if subprocess.run(["git", "-C", SRC, "rev-parse"], stdout=subprocess.DEVNULL,
                      stderr=subprocess.DEVNULL).returncode != 0:
        t.skip(".gitignore hides what dpkg-buildpackage leaves", "not a git checkout")
        return
    p = subprocess.run(["git", "-C", SRC, "check-ignore", "--no-index"] + LEFTOVERS,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    hidden = set(p.stdout.decode().split())
    for path in LEFTOVERS:
        t.ok(path in hidden, ".gitignore hides %s, which dpkg-buildpackage leaves" % path)
    p = subprocess.run(["git", "-C", SRC, "check-ignore", "--no-index", "debian/control",
                        "debian/rules", "debian/changelog"], stdout=subprocess.PIPE)
    t.ok(p.stdout.decode().strip() == "", ".gitignore keeps debian/'s own files",
         p.stdout.decode())


def main():
    binary_from_argv()
    t = Tap()
    build_depends(t)
    versions(t)
    ignored(t)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
