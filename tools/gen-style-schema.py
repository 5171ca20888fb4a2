#!/usr/bin/env python3
"""Write doc/schema/style.schema.json from the key tables of doc/styles.md.

Usage: tools/gen-style-schema.py [OUTPUT]   (default: doc/schema/style.schema.json)

doc/styles.md is where every style key is documented (type, range, default, meaning);
the schema says the same to editors, so it is generated from there rather than kept by
hand. The CSS colour names come from the table the style reader itself uses
(src/style*.c). tests/run-schema.py checks that the committed schema is this script's
output, that its keys are the reader's (cvtimeline --print-keys=style), and that it
accepts and refuses the same values as cvtimeline.
"""
import glob
import json
import os
import re
import sys

SRC = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PAINT_PARENTS = ("groups", "classes")


def any_case(words):
    """A pattern matching exactly @words in any ASCII case (JSON Schema patterns have no
    flags)."""
    def word(w):
        return "".join("[%s%s]" % (c.upper(), c) if c.isalpha() else c for c in w)
    return "^(%s)$" % "|".join(word(w) for w in words)


# The value types of doc/styles.md "Value types", as schema fragments.
DEFINITIONS_HEAD = {
    "text": {
        "description": "Text (any scalar is read as its text); empty for none.",
        "type": ["string", "number", "boolean", "null"],
    },
    "boolean": {
        "description": "true or false (yes/no and on/off are read too, in any case).",
        "anyOf": [
            {"type": "boolean"},
            {"type": "string", "pattern": any_case(["true", "false", "yes", "no", "on", "off"])},
        ],
    },
    "font": {
        "description": "A Pango font description with a size: families with fallbacks, "
                       "then style words, then the size, e.g. \"Inter, DejaVu Sans "
                       "SemiBold 11\".",
        "type": "string",
        # A family, then a size (a number, optionally "px") as the last word: what Pango
        # must find for the reader to accept it. The size's range (above 0, at most 500)
        # is left to cvtimeline.
        "pattern": "^\\s*\\S.*[\\s,]\\s*\\+?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?(px)?\\s*$",
        "examples": ["Inter, DejaVu Sans 11", "DejaVu Sans Bold 20"],
    },
    "length": {
        "description": "A length of time: numbers with a unit d, w, m or y (any case), "
                       "strung together, e.g. 6m, 2w, 1y6m; the same as --gap takes.",
        "type": "string",
        # The bound (at most 9999 years in all) is left to cvtimeline.
        "pattern": "^([0-9]+[dDwWmMyY])+$",
        "examples": ["6m", "2w", "1y6m"],
    },
    "pattern": {
        "description": "A fill pattern: solid, hatch (diagonal lines over the fill), "
                       "backhatch (the other diagonal), crosshatch, vertical, horizontal, "
                       "grid (both), dots, outline (light fill, strong border).",
        "enum": None,  # pattern_names() fills it in: the reader's own table
    },
}


def pattern_names():
    """The pattern words of the style reader's table (pattern_names[] in
    src/style_registry.c), in its order, so that a new pattern reaches the schema."""
    with open(os.path.join(SRC, "src", "style_registry.c"), encoding="utf-8") as f:
        m = re.search(r"pattern_names\[\]\s*=\s*\{(.*?)\};", f.read(), re.S)
    if not m:
        sys.exit("gen-style-schema.py: no pattern_names[] in src/style_registry.c")
    return re.findall(r'"([a-z]+)"', m.group(1))


def colour_names():
    """The CSS names of the style reader's colour table, in its order."""
    names = []
    for path in sorted(glob.glob(os.path.join(SRC, "src", "style*.c"))):
        with open(path, encoding="utf-8") as f:
            names += re.findall(r'^\s*\{"([a-z]+)", 0x[0-9a-f]{6}\},$', f.read(), re.M)
    if len(names) < 140:
        sys.exit("gen-style-schema.py: found %d CSS colour names in src/style*.c" % len(names))
    return names


def colour_definitions():
    names = colour_names() + ["transparent"]
    hex_form = {"type": "string",
                "pattern": "^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$"}
    # Names are read in any case: the enum offers them for completion, the pattern
    # accepts "SteelBlue" as the reader does.
    colour = {
        "description": "A colour: #rgb, #rgba, #rrggbb, #rrggbbaa (quote it: a bare # starts "
                       "a YAML comment), a CSS colour name (any case) or transparent.",
        "anyOf": [hex_form, {"enum": names}, {"type": "string", "pattern": any_case(names)}],
    }
    return {
        "colour": colour,
        "colour-or-none": {
            "description": "A colour, or none for \"do not draw\".",
            "anyOf": [{"$ref": "#/definitions/colour"}, {"enum": ["none"]},
                      {"type": "string", "pattern": any_case(["none"])}],
        },
        "colour-or-auto": {
            "description": "A colour, or auto: black or white, whichever contrasts more.",
            "anyOf": [{"enum": ["auto"]}, {"$ref": "#/definitions/colour"}],
        },
    }


def number(lo, hi):
    out = {"type": "number"}
    for word, text in (("minimum", lo), ("maximum", hi)):
        v = float(text)
        out[word] = int(v) if v.is_integer() else v
    return out


def type_schema(text):
    """The schema fragment for the type column of a key table."""
    t = text.strip()
    m = re.fullmatch(r"number (\S+)\.\.(\S+)", t)
    if m:
        return number(*m.groups())
    m = re.fullmatch(r"`auto` or number (\S+)\.\.(\S+)", t)
    if m:
        return {"anyOf": [{"enum": ["auto"]}, number(*m.groups())]}
    m = re.fullmatch(r"list of (\d+) to (\d+) (colours|patterns)", t)
    if m:
        item = "colour" if m.group(3) == "colours" else "pattern"
        return {"type": "array", "minItems": int(m.group(1)), "maxItems": int(m.group(2)),
                "items": {"$ref": "#/definitions/" + item}}
    m = re.fullmatch(r"list of up to (\d+) numbers (\S+)\.\.(\S+), or `none`", t)
    if m:
        return {"anyOf": [{"enum": ["none"]},
                          {"type": "array", "maxItems": int(m.group(1)),
                           "items": number(m.group(2), m.group(3))}]}
    if re.fullmatch(r"`[a-z-]+`(, `[a-z-]+`)+", t):
        return {"enum": re.findall(r"`([a-z-]+)`", t)}
    simple = {"colour": "colour", "colour or none": "colour-or-none",
              "`auto` or colour": "colour-or-auto", "font": "font", "boolean": "boolean",
              "string": "text", "pattern": "pattern", "length": "length"}
    if t in simple:
        return {"$ref": "#/definitions/" + simple[t]}
    if t == "built-in name or path":
        return {"type": "string", "examples": ["default", "dark", "print", "slides", "minimal"]}
    sys.exit("gen-style-schema.py: doc/styles.md: unknown type %r" % t)


def key_rows(markdown):
    """(key, type, default, meaning) for every row of the key tables."""
    rows = []
    for line in markdown.splitlines():
        m = re.fullmatch(r"\| `([a-zA-Z.-]+)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|", line.strip())
        if m:
            rows.append(tuple(s.strip() for s in m.groups()))
    return rows


def with_description(schema, default, meaning):
    text = meaning[0].upper() + meaning[1:]
    if not text.endswith("."):
        text += "."
    if default not in ("(none)", "(unset)"):
        text += " Default: %s." % default.replace("`", "")
    out = {"description": text}
    out.update(schema)
    return out


def build(markdown):
    defs = {k: dict(v) for k, v in DEFINITIONS_HEAD.items()}
    defs["pattern"]["enum"] = pattern_names()
    defs.update(colour_definitions())
    top, sections, paint = {}, {}, {}
    for key, typ, default, meaning in key_rows(markdown):
        schema = with_description(type_schema(typ), default, meaning)
        parts = key.split(".")
        if len(parts) == 1:
            top[key] = schema
        elif len(parts) == 3 and parts[0] in PAINT_PARENTS:
            # groups.KEY.FIELD and classes.NAME.FIELD: one paint, described by both rows.
            paint.setdefault(parts[2], []).append((parts[0], typ, meaning))
        elif len(parts) == 2:
            defs[key] = schema
            sections.setdefault(parts[0], []).append(parts[1])
        else:
            sys.exit("gen-style-schema.py: doc/styles.md: unexpected key %r" % key)
    paint_fields = {}
    for field, rows in paint.items():
        if len({typ for _, typ, _ in rows}) != 1:
            sys.exit("gen-style-schema.py: paint field %r has two types" % field)
        meaning = "; ".join("%s: %s" % (parent, m) for parent, _, m in rows)
        paint_fields[field] = with_description(type_schema(rows[0][1]), "(none)", meaning)
    defs["paint"] = {
        "description": "How a group or a class paints its bars; each field may be set alone.",
        "type": "object", "additionalProperties": False, "properties": paint_fields,
    }
    props = {}
    for key in ("extends", "description", "palette", "patterns"):
        props[key] = top.pop(key)
    if top:
        sys.exit("gen-style-schema.py: top-level keys with no place: %s" % sorted(top))
    props["groups"] = {
        "description": "Per group key (jobs, education, visiting, or a custom group's key): "
                       "its paint. Custom groups without a colour take palette colours in turn.",
        "type": "object", "additionalProperties": {"$ref": "#/definitions/paint"},
    }
    props["classes"] = {
        "description": "Per class name (an entry's class): a paint that overrides the "
                       "group's field by field.",
        "type": "object", "additionalProperties": {"$ref": "#/definitions/paint"},
    }
    for section, fields in sections.items():
        props[section] = {
            "type": "object", "additionalProperties": False,
            "properties": {f: {"$ref": "#/definitions/%s.%s" % (section, f)} for f in fields},
        }
    # Any key may also be written flat ("bar.height: 20" at the top level).
    for section, fields in sections.items():
        for f in fields:
            props["%s.%s" % (section, f)] = {"$ref": "#/definitions/%s.%s" % (section, f)}
    parents = "|".join(PAINT_PARENTS)
    pattern_props = {"^(%s)\\.[^.]+$" % parents: {"$ref": "#/definitions/paint"}}
    for field in paint_fields:
        pattern_props["^(%s)\\.[^.]+\\.%s$" % (parents, field)] = {
            "$ref": "#/definitions/paint/properties/" + field}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$comment": "Generated from doc/styles.md by tools/gen-style-schema.py; do not edit. "
                    "Read as YAML 1.2, as editors do.",
        "title": "cvtimeline style",
        "description": "A cvtimeline style: how the chart looks (doc/styles.md).",
        "type": "object",
        "additionalProperties": False,
        "properties": props,
        "patternProperties": pattern_props,
        "definitions": defs,
    }


def dump(value, indent=0, width=100):
    """JSON with two-space indentation, lists of scalars and small objects kept on one
    line (lists wrapped at @width), so that the file reads like a hand-written one."""
    flat = json.dumps(value, ensure_ascii=False)
    pad = " " * indent
    nested = isinstance(value, dict) and any(isinstance(v, dict) for v in value.values())
    if not isinstance(value, (list, dict)) or (len(pad) + len(flat) <= width and not nested):
        return flat
    if isinstance(value, list) and all(not isinstance(v, (list, dict)) for v in value):
        lines, line = [], []
        for item in (json.dumps(v, ensure_ascii=False) for v in value):
            if line and len(pad) + 2 + len(", ".join(line + [item])) + 1 > width:
                lines.append(", ".join(line))
                line = []
            line.append(item)
        lines.append(", ".join(line))
        return "[\n" + ",\n".join(pad + "  " + l for l in lines) + "\n" + pad + "]"
    if isinstance(value, list):
        items = [pad + "  " + dump(v, indent + 2, width) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    items = [pad + "  " + json.dumps(k) + ": " + dump(v, indent + 2, width)
             for k, v in value.items()]
    return "{\n" + ",\n".join(items) + "\n" + pad + "}"


def main():
    if len(sys.argv) > 2 or (len(sys.argv) == 2 and sys.argv[1].startswith("-")
                             and sys.argv[1] != "-"):
        # An option is never an output path: `--help` once wrote a file of that name.
        sys.exit(__doc__.strip().splitlines()[0] if __doc__ else "usage: gen-style-schema.py [OUTPUT]")
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(SRC, "doc", "schema",
                                                            "style.schema.json")
    with open(os.path.join(SRC, "doc", "styles.md"), encoding="utf-8") as f:
        schema = build(f.read())
    text = dump(schema) + "\n"
    if out == "-":
        sys.stdout.write(text)
    else:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
