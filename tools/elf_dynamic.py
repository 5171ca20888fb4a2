#!/usr/bin/env python3
"""The dynamic section of an ELF file: its SONAME and the libraries it needs (DT_NEEDED),
read here rather than through readelf or objdump, which a build machine need not have and
whose output is made for people.

meson.build asks it for libarchive's SONAME, the name zipfile.c opens the library by
(the name the linker would have written into cvtimeline):

  elf_dynamic.py --soname archive [--cc CC ARGS... --] [LIBDIR...]

looks for libarchive.so in each LIBDIR (pkg-config's libdir: where the -L of the link
would point), then where the compiler itself would find it (CC -print-file-name, which gcc
and clang both answer), follows a GNU ld script (INPUT/GROUP) to the library it names,
and prints the SONAME of the first it finds. tests/run-linking.py uses needed():

  elf_dynamic.py --needed FILE
"""
import os
import re
import struct
import subprocess
import sys

DT_NULL, DT_NEEDED, DT_SONAME = 0, 1, 14
SHT_DYNAMIC = 6


def dynamic(path):
    """[(tag, string)] of the DT_NEEDED and DT_SONAME entries of the ELF file at @path;
    ValueError when it is no ELF file or has no dynamic section."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF":
        raise ValueError("%s: not an ELF file" % path)
    wide = {1: False, 2: True}.get(data[4])
    order = {1: "<", 2: ">"}.get(data[5])
    if wide is None or order is None:
        raise ValueError("%s: unknown ELF class or byte order" % path)
    if wide:
        shoff, = struct.unpack_from(order + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x3A)
        sh_fmt, dyn_fmt = order + "IIQQQQIIQQ", order + "qQ"
    else:
        shoff, = struct.unpack_from(order + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x2E)
        sh_fmt, dyn_fmt = order + "IIIIIIIIII", order + "iI"
    sections = [struct.unpack_from(sh_fmt, data, shoff + i * shentsize) for i in range(shnum)]
    for sh in sections:
        if sh[1] != SHT_DYNAMIC:
            continue
        offset, size, link = sh[4], sh[5], sh[6]
        strtab = sections[link][4]
        out = []
        for at in range(offset, offset + size, struct.calcsize(dyn_fmt)):
            tag, val = struct.unpack_from(dyn_fmt, data, at)
            if tag == DT_NULL:
                break
            if tag in (DT_NEEDED, DT_SONAME):
                end = data.index(b"\0", strtab + val)
                out.append((tag, data[strtab + val:end].decode("utf-8", "replace")))
        return out
    raise ValueError("%s: no dynamic section" % path)


def needed(path):
    """The DT_NEEDED names of the ELF file at @path, in order."""
    return [name for tag, name in dynamic(path) if tag == DT_NEEDED]


def soname(path):
    """The DT_SONAME of the shared library at @path; None when it has none."""
    return next((name for tag, name in dynamic(path) if tag == DT_SONAME), None)


def resolve_script(path):
    """@path itself when it is an ELF file; the first library a GNU ld script at @path names
    (INPUT(libfoo.so.1 -lbar), GROUP(/usr/lib/libfoo.so.1)) otherwise; None when neither."""
    with open(path, "rb") as f:
        head = f.read(4)
    if head == b"\x7fELF":
        return path
    with open(path, encoding="utf-8", errors="replace") as f:
        text = re.sub(r"/\*.*?\*/", " ", f.read(), flags=re.S)
    for group in re.findall(r"\b(?:INPUT|GROUP)\s*\(([^)]*)\)", text):
        for word in group.replace(",", " ").split():
            if word.startswith("-") or word == "AS_NEEDED" or ".so" not in word:
                continue
            found = word if os.path.isabs(word) else os.path.join(os.path.dirname(path), word)
            if os.path.exists(found):
                return resolve_script(found)
    return None


def find_soname(name, libdirs, cc):
    """The SONAME of lib@name.so as the link would find it (see the module's comment)."""
    candidates = [os.path.join(d, "lib%s.so" % name) for d in libdirs if d]
    if cc:
        p = subprocess.run(cc + ["-print-file-name=lib%s.so" % name], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, universal_newlines=True)
        # (Without a match, the compiler prints the bare name back.)
        if p.returncode == 0 and os.path.isabs(p.stdout.strip()):
            candidates.append(p.stdout.strip())
    tried = []
    for path in candidates:
        tried.append(path)
        if not os.path.exists(path):
            continue
        lib = resolve_script(path)
        found = soname(lib) if lib is not None else None
        if found:
            return found, tried
    return None, tried


def main(argv):
    if len(argv) == 2 and argv[0] == "--needed":
        print("\n".join(needed(argv[1])))
        return 0
    if len(argv) >= 2 and argv[0] == "--soname":
        name, rest, cc = argv[1], argv[2:], []
        if rest[:1] == ["--cc"]:
            end = rest.index("--")
            cc, rest = rest[1:end], rest[end + 1:]
        found, tried = find_soname(name, rest, cc)
        if found is None:
            print("no SONAME for lib%s.so; looked at: %s" % (name, ", ".join(tried) or "nothing"),
                  file=sys.stderr)
            return 1
        print(found)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
