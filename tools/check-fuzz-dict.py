#!/usr/bin/env python3
"""Checks libFuzzer dictionaries the way libFuzzer reads them.

libFuzzer refuses a whole run when one dictionary line does not parse
(FuzzerUtil.cpp, ParseOneDictionaryEntry: only printable ASCII and spaces between
the quotes, escapes \\\\, \\" and \\xHH); the fuzz binaries exist only in a clang
build, so this check lets the ordinary test suite catch such a line, a UTF-8 word
written as it is, before CI's fuzzing stage does.
Usage: check-fuzz-dict.py FILE.dict...
"""
import string
import sys

PRINTABLE = set(range(0x20, 0x7F)) | {ord(c) for c in " \t\n\r\v\f"}
HEX = set(string.hexdigits)


def entry_error(line):
    """None when libFuzzer accepts LINE as an entry, else why it does not."""
    s = line.strip(" \t\n\r\v\f")
    if len(s) < 3 or not s.endswith('"'):
        return "an entry is [name=]\"value\""
    left = s.find('"')
    if left >= len(s) - 1:
        return "no opening quote"
    body = s[left + 1:-1].encode("utf-8")
    i = 0
    while i < len(body):
        b = body[i]
        if b not in PRINTABLE:
            return "byte 0x%02X must be written \\x%02X" % (b, b)
        if b == ord("\\"):
            nxt = body[i + 1:i + 2]
            if nxt in (b"\\", b'"'):
                i += 2
                continue
            if nxt == b"x" and len(body) >= i + 4 and \
                    all(chr(c) in HEX for c in body[i + 2:i + 4]):
                i += 4
                continue
            return "invalid escape at byte %d" % i
        i += 1
    return None


def main(paths):
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                t = line.strip(" \t\n\r\v\f")
                if not t or t.startswith("#"):
                    continue
                why = entry_error(line)
                if why:
                    print("%s:%d:1: error: %s" % (path, n, why))
                    bad += 1
    print("%d dictionaries, %d bad entries" % (len(paths), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
