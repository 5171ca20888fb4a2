#!/usr/bin/env python3
"""What cvtimeline links: not libarchive, which zipfile.c opens only when a zip archive
is read (linked, it and what it brings cost every run some 10 million instructions), nor
what only libarchive brings (libxml2, ICU); read from the binary's DT_NEEDED
(tools/elf_dynamic.py) and, where ldd is, from every library the loader would map.

Usage: python3 tests/run-linking.py PATH/TO/cvtimeline
"""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import SRC, Tap, binary_from_argv  # noqa: E402

sys.path.insert(0, os.path.join(SRC, "tools"))
from elf_dynamic import needed  # noqa: E402

# Names (up to the first dot of the SONAME) that must not be loaded at start-up.
LAZY = re.compile(r"^(libarchive|libxml2|libicu\w*)\.so\b")


def main():
    exe = binary_from_argv()
    t = Tap()
    names = needed(exe)
    # (A reader that found nothing would pass vacuously.)
    t.ok(any(n.startswith("libglib-2.0.so") for n in names),
         "the binary's DT_NEEDED is read (GLib is in it)", str(names))
    t.ok(not [n for n in names if LAZY.match(n)],
         "cvtimeline does not link libarchive, libxml2 or ICU", str(names))
    if shutil.which("ldd") is None:
        t.skip("nor does any library it links", "no ldd")
    else:
        p = subprocess.run(["ldd", exe], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        loaded = [line.split()[0] for line in p.stdout.splitlines() if line.strip()]
        lazy = [n for n in loaded if LAZY.match(n)]
        t.ok(p.returncode == 0 and not lazy, "nor does any library it links (ldd)",
             p.stdout if p.returncode != 0 else str(lazy))
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
