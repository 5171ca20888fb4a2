#!/usr/bin/env python3
"""The user documentation says what the code does (doc/cv-format.md, doc/cli.md,
doc/styles.md):

- every example marked for checking is run: before a fenced block,
  `<!-- check: cv NAME -->` writes the block to NAME and needs
  `cvtimeline --check --strict` to pass silently; `<!-- check: style NAME -->` the same
  for a style (with `-s NAME` on data/short.yaml); `<!-- check: file NAME -->` only writes
  it; `<!-- check: console -->` runs each `$ ` line of the block (in the folder the
  page's files were written to, `cvtimeline` being the binary under test) and needs its
  standard output and error, together, to be exactly the lines under it;
- the key tables are the readers' own (--print-keys): every CV key of doc/cv-format.md
  and every style key of doc/styles.md exists, and none is missing;
- every message of the native cases in tests/errors/ is in doc/cv-format.md;
- the defaults in doc/styles.md are those of styles/default.yaml;
- every option of --help is in doc/cli.md's table, with the values --help lists, and
  nothing else is; and in doc/cvtimeline.1.

Usage: python3 tests/run-docs.py PATH/TO/cvtimeline
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import SRC, TODAY, Tap, binary_from_argv, describe, run  # noqa: E402

MARK = re.compile(r"<!--\s*check:\s*(cv|style|file|console)\s*(\S*)\s*-->")
FENCE = re.compile(r"^```(\w*)\s*$")


def read(path):
    with open(os.path.join(SRC, path), encoding="utf-8") as f:
        return f.read()


def marked_blocks(text):
    """(kind, name, body, line) for every fenced block right after a check mark."""
    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        m = MARK.search(lines[i])
        if not m:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines) or not FENCE.match(lines[j]):
            out.append((m.group(1), m.group(2), None, i + 1))
            i = j
            continue
        k = j + 1
        while k < len(lines) and not lines[k].startswith("```"):
            k += 1
        out.append((m.group(1), m.group(2), "\n".join(lines[j + 1:k]) + "\n", j + 2))
        i = k + 1
    return out


def console_steps(body):
    """[(command, expected output)] of a console block."""
    steps = []
    for line in body.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            steps.append([line[2:], []])
        elif steps:
            steps[-1][1].append(line)
    return [(cmd, "\n".join(out) + ("\n" if out else "")) for cmd, out in steps]


def check_examples(t, exe, page):
    blocks = marked_blocks(read(page))
    if not blocks:
        return 0
    with tempfile.TemporaryDirectory(prefix="cvt-docs-") as tmp:
        bindir = os.path.join(tmp, ".bin")
        os.mkdir(bindir)
        os.symlink(exe, os.path.join(bindir, "cvtimeline"))
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))
        for kind, name, body, line in blocks:
            where = "%s:%d" % (page, line)
            if body is None:
                t.ok(False, "%s: a check mark is followed by a fenced block" % where)
                continue
            if kind in ("cv", "style", "file"):
                if not t.ok(bool(name), "%s: the %s block names its file" % (where, kind)):
                    continue
                with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                    f.write(body)
            if kind == "cv":
                status, _, err = run([exe, "--check", "--strict", "--today", TODAY, name],
                                     cwd=tmp)
                t.ok(status == 0 and not err, "%s: %s is a valid CV (--check --strict)"
                     % (where, name), describe(status, err))
            elif kind == "style":
                short = os.path.join(SRC, "data", "short.yaml")
                status, _, err = run([exe, "--check", "--strict", "--today", TODAY, "-s", name,
                                      short], cwd=tmp)
                t.ok(status == 0 and not err, "%s: %s is a valid style (--check --strict)"
                     % (where, name), describe(status, err))
            elif kind == "console":
                for cmd, want in console_steps(body):
                    p = subprocess.run(cmd, shell=True, cwd=tmp, env=env,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       timeout=60)
                    got = p.stdout.decode("utf-8", "replace")
                    t.ok(got == want, "%s: `%s` prints what the page shows" % (where, cmd),
                         "page:\n%sprogram:\n%s" % (want, got))
    return len(blocks)


def table_rows(text):
    """The first cell of every table row (header and rule rows left out)."""
    cells = []
    for line in text.split("\n"):
        if not line.startswith("|") or re.match(r"^\|[-| :]+\|$", line):
            continue
        first = line.split("|")[1].strip()
        cells.append(first)
    return cells


def section(text, title):
    """The text of the section headed exactly `title` (any level), up to the next heading
    of the same or a higher level."""
    m = re.search(r"^(#+) %s\s*$" % re.escape(title), text, re.M)
    if not m:
        return ""
    level = len(m.group(1))
    rest = text[m.end():]
    end = re.search(r"^#{1,%d} " % level, rest, re.M)
    return rest[:end.start()] if end else rest


def keys_in(cells):
    keys = set()
    for cell in cells:
        keys.update(re.findall(r"`([a-z][a-zA-Z0-9_.-]*)`", cell))
    return keys


def print_keys(exe, which):
    status, out, err = run([exe, "--print-keys=" + which])
    if status != 0:
        sys.exit("--print-keys=%s failed: %s" % (which, err))
    return yaml.safe_load(out.decode("utf-8"))


def check_cv_keys(t, exe):
    text = read("doc/cv-format.md")
    got = print_keys(exe, "cv")
    tables = {"top": "Top-level keys", "entry": "Entries", "milestone": "Milestones"}
    for kind, title in tables.items():
        body = section(text, title)
        # The entry table comes before the Periods and Roles subsections.
        body = body.split("\n### ")[0]
        doc = keys_in(table_rows(body))
        reader = set(got[kind])
        t.ok(doc == reader, "doc/cv-format.md '%s': the %s keys are the reader's" % (title, kind),
             "reader only: %s\ndoc only: %s" % (sorted(reader - doc), sorted(doc - reader)))
    for kind, title in (("role", "Roles"), ("period", "Periods")):
        body = section(text, title)
        missing = [k for k in got[kind] if "`%s`" % k not in body]
        t.ok(not missing, "doc/cv-format.md '%s' names every %s key" % (title, kind),
             "missing: %s" % missing)


def check_style_keys(t, exe):
    text = section(read("doc/styles.md"), "Keys")
    got = print_keys(exe, "style")
    want = set(got["properties"]) | {"extends"}
    want |= {"%s.%s.%s" % (o, n, f) for o, n in (("groups", "KEY"), ("classes", "NAME"))
             for f in got["paint"]}
    doc = keys_in(table_rows(text))
    t.ok(doc == want, "doc/styles.md 'Keys' documents exactly the reader's style keys",
         "reader only: %s\ndoc only: %s" % (sorted(want - doc), sorted(doc - want)))
    return text


def flatten(tree, prefix=""):
    out = {}
    for k, v in tree.items():
        key = prefix + str(k)
        if isinstance(v, dict) and k not in ("groups", "classes"):
            out.update(flatten(v, key + "."))
        else:
            out[key] = v
    return out


def documented_default(cell):
    """The default cell's value: its first `code`, else its text up to a '('."""
    m = re.match(r"\s*`([^`]*)`", cell)
    raw = m.group(1) if m else cell.split("(")[0].strip()
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError:
        return raw


def check_style_defaults(t, text):
    defaults = flatten(yaml.safe_load(read("styles/default.yaml")))
    wrong = []
    n = 0
    for line in text.split("\n"):
        if not line.startswith("| `") or line.count("|") < 5:
            continue
        cells = [c.strip() for c in line.split("|")[1:-1]]
        key = cells[0].strip("`")
        if key not in defaults:
            continue
        n += 1
        doc = documented_default(cells[2])
        real = defaults[key]
        if doc != real and str(doc) != str(real):
            wrong.append("%s: doc %r, styles/default.yaml %r" % (key, doc, real))
    t.ok(n >= 50, "doc/styles.md gives a default for the keys default.yaml sets (%d)" % n)
    t.ok(not wrong, "doc/styles.md's defaults are styles/default.yaml's", "\n".join(wrong))


def check_cli_options(t, exe):
    status, out, _ = run([exe, "--help"])
    helptext = out.decode("utf-8")
    options = set(re.findall(r"^\s+(?:-\w, )?(--[a-z-]+)", helptext, re.M))
    text = read("doc/cli.md")
    doc = set()
    for cell in table_rows(section(text, "Options")):
        doc.update(re.findall(r"(--[a-z][a-z-]*)", cell))
    t.ok(len(options) >= 25, "--help lists the options (%d)" % len(options))
    t.ok(options == doc, "doc/cli.md 'Options' has exactly the options of --help",
         "--help only: %s\ndoc only: %s" % (sorted(options - doc), sorted(doc - options)))
    rows = {}
    for line in section(text, "Options").split("\n"):
        if line.startswith("|"):
            for name in re.findall(r"(--[a-z][a-z-]*)", line.split("|")[1]):
                rows[name] = line
    wrong = []
    for name, choices in re.findall(r"^\s+(?:-\w, )?(--[a-z-]+)=([a-z]+(?:\|[a-z]+)+)\s",
                                    helptext, re.M):
        row = rows.get(name, "")
        missing = [c for c in choices.split("|") if not re.search(r"\b%s\b" % c, row)]
        if missing:
            wrong.append("%s: %s" % (name, ", ".join(missing)))
    t.ok(not wrong, "doc/cli.md names every value --help lists for an option "
         "(formats, languages, schemas)", "\n".join(wrong))
    man = read("doc/cvtimeline.1").replace("\\-", "-")
    absent = sorted(o for o in options if o not in man)
    t.ok(not absent, "doc/cvtimeline.1 describes every option of --help", str(absent))


def message_shape(text):
    """A message with its particulars made alike: quoted text, parentheses, numbers,
    runs of space, the language a date would be read in."""
    text = re.sub(r"(\w)'s\b", r"\1s", text)  # the CV's: not a quote
    text = re.sub(r"'[^']*'", "'X'", text)
    text = re.sub(r"\([^()]*\)", "(X)", text)
    text = re.sub(r"[0-9]+", "9", text)
    text = re.sub(r"as [A-Z][a-z]+ it is a date", "as L it is a date", text)
    return re.sub(r"\s+", " ", text).strip()


def check_messages(t):
    """Every message of the native cases in tests/errors/ is shown in doc/cv-format.md:
    a code span or a console line of the same shape (a `...` in the page stands for any
    text)."""
    doc = read("doc/cv-format.md")
    prose = re.sub(r"^```.*?^```", "", doc, flags=re.S | re.M)
    shapes = [message_shape(m.group(1)) for m in re.finditer(r"`([^`]+)`", prose)]
    shapes += [message_shape(m.group(1)) for m in
               re.finditer(r"^\S+:\d+:\d+: (?:error|warning): (.*)$", doc, re.M)]
    patterns = [re.compile("^" + ".*?".join(re.escape(p) for p in shape.split("...")) + "$")
                for shape in shapes]
    missing = []
    n = 0
    for path in sorted(glob.glob(os.path.join(SRC, "tests", "errors", "*.yaml"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            if re.search(r"^cv:", f.read(), re.M):
                continue  # RenderCV: doc/importing.md
        with open(path[:-len(".yaml")] + ".stderr", encoding="utf-8") as f:
            for line in f:
                m = re.match(r"^\S+?(?::\d+)*: (?:error|warning): (.*)$", line.rstrip("\n"))
                if not m:
                    continue
                n += 1
                shape = message_shape(m.group(1))
                if not any(p.match(shape) for p in patterns):
                    missing.append("%s: %s" % (os.path.basename(path), m.group(1)))
    t.ok(n >= 40, "tests/errors/ has native messages to compare (%d)" % n)
    t.ok(not missing, "doc/cv-format.md shows every message of tests/errors/ (native)",
         "\n".join(missing))


def main():
    exe = binary_from_argv()
    t = Tap()
    pages = sorted(glob.glob(os.path.join(SRC, "doc", "*.md"))) + [os.path.join(SRC, "README.md")]
    n = 0
    for page in pages:
        n += check_examples(t, exe, os.path.relpath(page, SRC))
    t.ok(n >= 10, "the pages mark at least 10 examples to check (%d)" % n)
    check_cv_keys(t, exe)
    check_messages(t)
    check_style_defaults(t, check_style_keys(t, exe))
    check_cli_options(t, exe)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
