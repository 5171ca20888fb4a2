#!/usr/bin/env python3
"""Write the bash, zsh or fish completion of cvtimeline from the program itself.

Usage: tools/gen-completion.py PATH/TO/cvtimeline bash|zsh|fish OUTPUT

The options, their descriptions and their value lists come from `cvtimeline --help`
(GOption's table, so a new option is completed as soon as it exists), the style names
from `--list-styles`, the style keys for --set from the hidden `--print-keys=style`.
Only the meaning of a few metavars is known here: a list `a|b|c` is its words,
`NAME|FILE` a style (built-in name or .yaml file), `KEY=VALUE` a style key, `FILE` of
--output a file of one of the --format words, `FILE` of --milestones a CV file (a .bib
above all); other values (N, DATE, NAME) have nothing to complete. meson runs this at build time (completions/meson.build);
tests/run-completion.py checks the result in each shell.
"""
import re
import subprocess
import sys

# What a CV-FILE operand may be (doc/importing.md): a native, RenderCV or FRESH YAML file,
# a JSON Resume, FRESH or ORCID JSON file, an ORCID XML file, a LinkedIn export's CSV
# files or its zip (or the folder it unpacks to, and folders are always offered), a
# BibTeX file.
CV_EXTENSIONS = ["yaml", "yml", "json", "csv", "zip", "bib", "xml"]
STYLE_EXTENSIONS = ["yaml", "yml"]
CHOICES = re.compile(r"^[a-z][a-z0-9-]*(\|[a-z][a-z0-9-]*)+$")
# The CV format's built-in groups, whose paint --set can change (groups.jobs.color=...).
BUILTIN_GROUPS = ["jobs", "education", "visiting"]


class Option:
    def __init__(self, short, long, metavar, text):
        self.short, self.long, self.metavar, self.text = short, long, metavar, text
        self.optional = False  # the value may be left out (then only --opt=VALUE gives one)

    @property
    def choices(self):
        return self.metavar.split("|") if self.metavar and CHOICES.match(self.metavar) else None

    @property
    def kind(self):
        """What the value is: choices, style, style-key, output, cv (a file read as a CV's
        milestones), other, or None (a flag)."""
        if self.metavar is None:
            return None
        if self.choices:
            return "choices"
        if self.metavar == "NAME|FILE":
            return "style"
        if self.metavar == "KEY=VALUE":
            return "style-key"
        if self.metavar == "FILE" and self.long == "output":
            return "output"
        if self.metavar == "FILE" and self.long == "milestones":
            return "cv"
        return "other"


def capture(exe, *args, check=True):
    p = subprocess.run([exe] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"}, stdin=subprocess.DEVNULL)
    if not check:
        return p.stderr.decode("utf-8")
    if p.returncode != 0:
        sys.exit("gen-completion.py: %s %s failed: %s" % (exe, " ".join(args),
                                                          p.stderr.decode()))
    return p.stdout.decode("utf-8")


def options(help_text):
    out = []
    for line in help_text.splitlines():
        m = re.match(r"^  (?:-(\w), )?--([a-z][a-z0-9-]*)(?:=(\S+))?\s+(.*)$", line)
        if m:
            out.append(Option(m.group(1), m.group(2), m.group(3), m.group(4).strip()))
    if not any(o.long == "help" for o in out) or len(out) < 10:
        sys.exit("gen-completion.py: could not read the options from --help")
    return out


def styles(list_text):
    out = []
    for line in list_text.splitlines():
        name, _, desc = line.partition(" ")
        if name:
            out.append((name, desc.strip()))
    return out


def style_keys(exe):
    import yaml  # only here: PyYAML is a build dependency of the tests, not of this
    keys = yaml.safe_load(capture(exe, "--print-keys=style"))
    out = list(keys["properties"])
    out += ["groups.%s.%s" % (g, f) for g in BUILTIN_GROUPS for f in keys["paint"]]
    return out


def output_extensions(opts):
    fmt = next((o for o in opts if o.long == "format" and o.choices), None)
    return fmt.choices if fmt else ["svg", "png", "pdf"]


# ---- bash

def bash(opts, style_list, keys):
    words = sorted(["--" + o.long for o in opts] + ["-" + o.short for o in opts if o.short])
    cases = []
    for o in opts:
        if o.kind is None or (o.optional and o.kind == "other"):
            continue  # a flag, or an optional value (given as --opt=VALUE): the next word is free
        names = "|".join((["-" + o.short] if o.short else []) + ["--" + o.long])
        if o.kind == "choices":
            body = '_cvtimeline_words "%s"' % " ".join(o.choices)
        elif o.kind == "style":
            body = '_cvtimeline_words "%s"; _cvtimeline_files "%s"' % (
                " ".join(n for n, _ in style_list), "|".join(STYLE_EXTENSIONS))
        elif o.kind == "style-key":
            body = '_cvtimeline_keys'
        elif o.kind == "output":
            body = '_cvtimeline_files "%s"' % "|".join(output_extensions(opts))
        elif o.kind == "cv":
            body = '_cvtimeline_files "%s"' % "|".join(CV_EXTENSIONS)
        else:
            body = ":"  # a number, a date, a name: nothing to offer
        cases.append("    %s) %s; return 0 ;;" % (names, body))
    return """# bash completion for cvtimeline
# Generated by tools/gen-completion.py from cvtimeline --help; do not edit.

# Adds the words of $1 that start with $cur (with $prefix put back, see below).
_cvtimeline_words() {
  local w
  for w in $(compgen -W "$1" -- "$cur"); do COMPREPLY+=("$prefix$w"); done
}

# Adds folders and the files whose extension is one of $1 (a|b|c).
_cvtimeline_files() {
  if [[ -z $prefix ]] && declare -F _filedir >/dev/null; then
    _filedir "@($1)"  # bash-completion: quoting, ~ and folders done right
    return
  fi
  local IFS=$'\\n' f
  compopt -o filenames 2>/dev/null
  for f in $(compgen -d -- "$cur"); do COMPREPLY+=("$prefix$f"); done
  for f in $(shopt -s extglob; compgen -f -X "!*.@($1)" -- "$cur"); do
    [[ -d $f ]] || COMPREPLY+=("$prefix$f")
  done
}

# --set KEY=VALUE: the style keys, each followed by "=".
_cvtimeline_keys() {
  local k
  compopt -o nospace 2>/dev/null
  for k in $(compgen -W "%(keys)s" -- "$cur"); do COMPREPLY+=("$prefix$k="); done
}

_cvtimeline() {
  COMPREPLY=()
  local cur=${COMP_WORDS[COMP_CWORD]} prev=
  local i=$COMP_CWORD prefix=
  # --opt=value: with '=' in COMP_WORDBREAKS (the default) bash gives "--opt" "=" "value".
  if [[ $cur == "=" ]]; then
    cur=
  elif (( i > 0 )) && [[ ${COMP_WORDS[i-1]} == "=" ]]; then
    i=$((i - 1))
  else
    i=-1
  fi
  if (( i > 0 )); then
    prev=${COMP_WORDS[i-1]}
    # --set KEY=VALUE: after the "=" comes a value, and values are not completed.
    (( i > 1 )) && [[ ${COMP_WORDS[i-2]} == --set ]] && return 0
  elif [[ $cur == --*=* ]]; then
    # '=' is not a word break here: complete after it, and put "--opt=" back in front.
    prev=${cur%%%%=*}
    prefix=$prev=
    cur=${cur#*=}
  elif (( COMP_CWORD > 0 )); then
    prev=${COMP_WORDS[COMP_CWORD-1]}
  fi
  case $prev in
%(cases)s
  esac
  if [[ $cur == -* && -z $prefix ]]; then
    _cvtimeline_words "%(words)s"
    return 0
  fi
  [[ -n $prefix ]] && return 0
  _cvtimeline_files "%(cv)s"
}
complete -F _cvtimeline cvtimeline
""" % {"keys": " ".join(keys), "cases": "\n".join(cases), "words": " ".join(words),
       "cv": "|".join(CV_EXTENSIONS)}


# ---- zsh

def zsh_word(text):
    """@text as one single-quoted zsh word."""
    return "'" + text.replace("'", "'\\''") + "'"


def zsh_description(text):
    """@text for the [description] of an _arguments spec, inside a single-quoted word."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(
        "'", "'\\''")


def zsh(opts, style_list, keys):
    specs = []
    for o in opts:
        desc = "[%s]" % zsh_description(o.text)
        if o.kind is None:
            action = ""
        else:
            message = o.metavar.lower().replace(":", "")
            if o.kind == "choices":
                action = ":%s:(%s)" % (message, " ".join(o.choices))
            elif o.kind == "style":
                action = ":style:_cvtimeline_styles"
            elif o.kind == "style-key":
                action = ":style key:_cvtimeline_keys"
            elif o.kind == "output":
                action = ':output file:_files -g "*.(%s)(-.)"' % "|".join(
                    output_extensions(opts))
            elif o.kind == "cv":
                action = ':file:_files -g "*.(%s)(-.)"' % "|".join(CV_EXTENSIONS)
            else:
                action = ":%s: " % message
        names = (["-" + o.short] if o.short else []) + ["--" + o.long]
        arg = "" if o.kind is None else "+"
        for n in names:
            # GOption takes any option again (the last value wins, lists add up). An
            # optional value can only follow an "=" (or a short option directly).
            suffix = ("=" if n.startswith("--") else "+") if arg else ""
            if arg and o.optional:
                suffix = "=-" if n.startswith("--") else "-"
            specs.append("  '*%s%s%s%s'" % (n, suffix, desc, action))
    style_words = " ".join(zsh_word("%s:%s" % (n, d)) for n, d in style_list)
    return """#compdef cvtimeline
# zsh completion for cvtimeline
# Generated by tools/gen-completion.py from cvtimeline --help; do not edit.

_cvtimeline_styles() {
  local -a builtin
  builtin=(%(styles)s)
  _describe -t styles 'built-in style' builtin
  _files -g '*.(%(style_ext)s)(-.)'
}

_cvtimeline_keys() {
  local -a keys
  keys=(%(keys)s)
  compadd -S '=' -q -a keys
}

_arguments -s -S \\
%(specs)s \\
  '*:CV file (YAML, JSON, LinkedIn CSV or zip, BibTeX, ORCID XML):_files -g "*.(%(cv_ext)s)(-.)"'
""" % {"styles": style_words, "style_ext": "|".join(STYLE_EXTENSIONS), "keys": " ".join(keys),
       "specs": " \\\n".join(specs), "cv_ext": "|".join(CV_EXTENSIONS)}


# ---- fish

def fish_quote(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def fish(opts, style_list, keys):
    lines = []
    for o in opts:
        names = ("-s %s " % o.short if o.short else "") + "-l " + o.long
        if o.kind == "style":
            # The built-in names with their descriptions, then (below) files too.
            args = " ".join('%s\\t"%s"' % (n, d.replace("\\", "\\\\").replace('"', '\\"')
                                           .replace("$", "\\$")) for n, d in style_list)
            lines.append("complete -c cvtimeline %s -r -f -a %s" % (names, fish_quote(args)))
        if o.kind is None:
            flags = ""
        elif o.kind == "choices":
            flags = " -x -a %s" % fish_quote(" ".join(o.choices))
        elif o.kind == "style":
            flags = " -r -F"
        elif o.kind == "style-key":
            flags = " -x -a %s" % fish_quote(" ".join(k + "=" for k in keys))
        elif o.kind in ("output", "cv"):
            flags = " -r -F"
        elif o.optional:
            flags = ""  # fish then completes it only as --opt=VALUE
        else:
            flags = " -x"
        lines.append("complete -c cvtimeline %s%s -d %s" % (names, flags, fish_quote(o.text)))
    return """# fish completion for cvtimeline
# Generated by tools/gen-completion.py from cvtimeline --help; do not edit.

%s
""" % "\n".join(lines)


def main():
    if len(sys.argv) != 4 or sys.argv[2] not in ("bash", "zsh", "fish"):
        sys.exit("usage: gen-completion.py PATH/TO/cvtimeline bash|zsh|fish OUTPUT")
    exe, shell, output = sys.argv[1:]
    opts = options(capture(exe, "--help"))
    # --help does not say which values are optional (--summary[=FORMAT]); GOption does,
    # by refusing an option given alone whose value is required.
    for o in opts:
        if o.metavar is not None:
            o.optional = "Missing argument for --" not in capture(exe, "--" + o.long, check=False)
    style_list = styles(capture(exe, "--list-styles"))
    keys = style_keys(exe)
    text = {"bash": bash, "zsh": zsh, "fish": fish}[shell](opts, style_list, keys)
    with open(output, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
