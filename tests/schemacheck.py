"""JSON Schema checks shared by the runners (run-schema.py, run-new.py): the schemas of
doc/schema/, validation of a YAML file as an editor sees it (tests/yaml12.py), and the
places where a schema refuses a file, in the form cvtimeline's messages give them.
"""
import json
import os
import re

import jsonschema

import yaml12
from cvtest import SRC

SCHEMA_DIR = os.path.join(SRC, "doc", "schema")
MODELINE = "# yaml-language-server: $schema="


def schema(name):
    """The schema doc/schema/NAME.schema.json, parsed."""
    with open(os.path.join(SCHEMA_DIR, name + ".schema.json"), encoding="utf-8") as f:
        return json.load(f)


def validator(name):
    return jsonschema.Draft7Validator(schema(name))


def _type_mismatch(error):
    """TRUE when @error says only that the value is of another type than a branch wants
    (so that branch is not the one the value was meant for)."""
    if error.validator == "type":
        return True
    if error.validator in ("anyOf", "oneOf") and error.context:
        return all(_type_mismatch(e) for e in error.context
                   if list(e.absolute_path) == list(error.absolute_path))
    return False


def _leaf_errors(error):
    """@error, or for an anyOf/oneOf whose value fits the type of one branch only (a
    period mapping among period forms), that branch's own errors, as an editor shows
    them."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    branches = {}
    for e in error.context:
        branches.setdefault(e.schema_path[0], []).append(e)
    fitting = [errs for errs in branches.values() if not any(_type_mismatch(e) for e in errs)]
    if len(fitting) != 1:
        return [error]
    return [leaf for e in fitting[0] for leaf in _leaf_errors(e)]


def error_places(v, text):
    """The (line, column) of each place @v's schema refuses in the YAML @text, as
    cvtimeline would name it: an unexpected key at the key, anything else at the value
    (for a mapping that lacks a key: the mapping)."""
    data = yaml12.load(text)
    root = yaml12.compose(text)
    places = set()
    for error in (leaf for e in v.iter_errors(data) for leaf in _leaf_errors(e)):
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = error.schema.get("properties", {})
            patterns = error.schema.get("patternProperties", {})
            for key in error.instance:
                if key not in known and not any(re.search(p, key) for p in patterns):
                    places.add(yaml12.position(root, path, key=key))
        else:
            places.add(yaml12.position(root, path))
    return places


def error_texts(v, text):
    """Every refusal as 'PATH: MESSAGE', for test output."""
    out = []
    for e in v.iter_errors(yaml12.load(text)):
        out.append("%s: %s" % ("/".join(str(p) for p in e.absolute_path) or "(top)",
                               e.message[:200]))
    return out


def message_places(stderr, file):
    """The (line, column) of every error and warning cvtimeline printed for @file."""
    places = set()
    for line in stderr.splitlines():
        m = re.match(r"^(.*?):(\d+):(\d+): (?:error|warning): ", line)
        if m and m.group(1) == file:
            places.add((int(m.group(2)), int(m.group(3))))
    return places


def modeline_target(path):
    """The file the first line's `# yaml-language-server: $schema=...` names, resolved
    as the language server does (relative to the YAML file), or None without one."""
    with open(path, encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
    if not first.startswith(MODELINE):
        return None
    ref = first[len(MODELINE):].strip()
    return os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)), ref))
