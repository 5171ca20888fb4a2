#!/usr/bin/env python3
"""The JSON Schemas of doc/schema/ (README "Editors, shells and packages"):

- both are valid draft-07 schemas, and --print-schema prints them (and the summary's
  schema) byte for byte;
  style.schema.json is what tools/gen-style-schema.py makes of doc/styles.md;
- every example, native test case and built-in style validates (read as YAML 1.2, as
  editors read it), and every example points at the schema from its first line;
- each bad file in tests/schema/ is refused by the schema at exactly the places that
  `cvtimeline --check --strict` names;
- each schema lists exactly the keys its reader accepts (--print-keys, from the
  readers' own tables);
- for every style key, the schema and cvtimeline accept and refuse the same probe
  values, and the enums and number ranges are cvtimeline's (taken from its messages).

Usage: python3 tests/run-schema.py PATH/TO/cvtimeline
"""
import os
import re
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import SRC, Tap, binary_from_argv, cv_files, describe, run  # noqa: E402

try:
    import jsonschema
    import schemacheck
    import yaml12
except ImportError as e:  # python3-jsonschema is in scripts/test.sh's list
    print("1..0 # SKIP %s" % e)
    sys.exit(0)

# Probe values (YAML text) tried on every style key. Left out on purpose, where the
# schema cannot follow the reader: quoted numbers (the reader takes "12", the schema
# wants a number), quoted booleans (the reader refuses "true", the schema cannot tell
# quotes) and font sizes out of range (a pattern cannot compare numbers).
PROBES = ["12", "0", "0.5", "-1", "100000", "2.5", "true", "yes", "OFF", "maybe", "red",
          "SteelBlue", '"#ff0000"', '"#ff000080"', '"#12"', "transparent", "none", "None",
          "auto", "solid", "hatch", "bottom", "left", "inside", "diamond",
          "DejaVu Sans 10", "DejaVu Sans", '"Inter, DejaVu Sans Bold 20"', "Sans 10 Bold",
          "[red, blue]", "[solid, dots]", "[4, 3]", "[]", "[1, 2, 3, 4, 5]", "[-1]", "[0.5]", "[100000]", "{a: 1}", "",
          "hello world"]
# A paint field is probed in both tables, under these names.
PAINT_OWNERS = ["groups.jobs", "classes.highlight"]


def is_native(path):
    """TRUE unless cvtimeline would detect RenderCV or JSON Resume (doc/cli.md)."""
    with open(os.path.join(SRC, path), encoding="utf-8") as f:
        data = yaml12.load(f.read())
    return not (isinstance(data, dict) and ({"cv", "basics", "work"} & set(data)))


def read(path):
    with open(os.path.join(SRC, path), encoding="utf-8") as f:
        return f.read()


def keys_of(exe, which):
    status, out, err = run([exe, "--print-keys=" + which])
    if status != 0:
        raise RuntimeError(describe(status, err))
    return yaml.safe_load(out)


def resolve(sch, node):
    """@node with its $ref (into @sch's definitions) followed."""
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        node = sch
        for part in ref[2:].split("/"):
            node = node[part]
    return node


def schema_files(t, exe):
    for name in ("cv", "style", "summary"):
        path = os.path.join(schemacheck.SCHEMA_DIR, name + ".schema.json")
        sch = schemacheck.schema(name)
        draft = "draft-07" if name != "summary" else "its own draft"
        try:
            jsonschema.validators.validator_for(sch).check_schema(sch)
            t.ok(name == "summary" or sch.get("$schema", "").startswith(
                "http://json-schema.org/draft-07/"), "%s.schema.json is a valid %s schema" % (
                    name, draft))
        except (jsonschema.SchemaError, ValueError) as e:
            t.ok(False, "%s.schema.json is a valid %s schema" % (name, draft), str(e)[:2000])
        status, out, err = run([exe, "--print-schema=" + name])
        with open(path, "rb") as f:
            want = f.read()
        t.ok(status == 0 and out == want,
             "--print-schema=%s prints doc/schema/%s.schema.json byte for byte" % (name, name),
             describe(status, err))
    status, out, err = run([exe, "--print-schema=resume"])
    t.ok(status == 2 and "expected cv, style or summary" in err,
         "--print-schema with an unknown name exits 2 and names the choices",
         describe(status, err))
    gen = subprocess.run([sys.executable, os.path.join(SRC, "tools", "gen-style-schema.py"), "-"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    t.ok(gen.returncode == 0 and gen.stdout.decode() == read("doc/schema/style.schema.json"),
         "style.schema.json is tools/gen-style-schema.py's output for doc/styles.md "
         "(run it after editing doc/styles.md)",
         gen.stderr.decode()[:2000] or "differs")


def good_files(t):
    cv = schemacheck.validator("cv")
    style = schemacheck.validator("style")
    cases = [p for p in cv_files() if is_native(p)]
    t.ok(len(cases) >= 20, "at least 20 native CVs to validate (%d)" % len(cases))
    for path in cases:
        errors = schemacheck.error_texts(cv, read(path))
        t.ok(not errors, "%s validates against cv.schema.json" % path, "\n".join(errors))
    styles = sorted("styles/" + f for f in os.listdir(os.path.join(SRC, "styles"))
                    if f.endswith(".yaml"))
    for path in styles:
        errors = schemacheck.error_texts(style, read(path))
        t.ok(not errors, "%s validates against style.schema.json" % path, "\n".join(errors))
    for path in cv_files(with_cases=False):
        target = schemacheck.modeline_target(os.path.join(SRC, path))
        want = os.path.join(schemacheck.SCHEMA_DIR, "cv.schema.json")
        t.ok(target == want, "%s names doc/schema/cv.schema.json on its first line" % path,
             "first line points at %s" % target)


def bad_files(t, exe):
    folder = os.path.join(SRC, "tests", "schema")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yaml"):
            continue
        path = os.path.join("tests", "schema", name)
        kind = "style" if name.startswith("style-") else "cv"
        cmd = [exe, "--check", "--strict"]
        cmd += ["-s", path, "data/short.yaml"] if kind == "style" else [path]
        status, _, err = run(cmd)
        t.ok(status == 1, "%s: cvtimeline --check --strict refuses it" % path,
             describe(status, err))
        said = schemacheck.message_places(err, path)
        refused = schemacheck.error_places(schemacheck.validator(kind), read(path))
        t.ok(len(said) >= 3, "%s: cvtimeline names at least 3 places (%d)" % (path, len(said)),
             err)
        detail = "cvtimeline only: %s\nschema only: %s\ncvtimeline said:\n%s\nschema said:\n%s" % (
            sorted(said - refused), sorted(refused - said), err,
            "\n".join(schemacheck.error_texts(schemacheck.validator(kind), read(path))))
        t.ok(said == refused,
             "%s: the schema refuses it at the same %d places as cvtimeline" % (path, len(said)),
             detail)


def cv_keys(t, exe):
    sch = schemacheck.schema("cv")
    got = keys_of(exe, "cv")
    defs = sch["definitions"]
    period_object = next(b for b in defs["period"]["anyOf"] if b.get("type") == "object")
    in_schema = {
        "top": sch["properties"],
        "entry": defs["entry"]["properties"],
        "role": defs["role"]["properties"],
        "period": period_object["properties"],
        "milestone": defs["milestone"]["properties"],
    }
    t.ok(set(got) == set(in_schema), "--print-keys=cv names the five kinds of mapping",
         str(got))
    for kind, props in in_schema.items():
        reader = set(got.get(kind) or [])
        t.ok(reader == set(props), "cv.schema.json: the %s keys are the reader's" % kind,
             "reader only: %s\nschema only: %s" % (sorted(reader - set(props)),
                                                   sorted(set(props) - reader)))


def style_keys(t, exe):
    sch = schemacheck.schema("style")
    got = keys_of(exe, "style")
    registry, paint, other = set(got["properties"]), set(got["paint"]), set(got["other"])
    top = sch["properties"]
    sections = {k for k, v in top.items() if "." not in k and k not in other and
                resolve(sch, v).get("type") == "object"}
    nested = {"%s.%s" % (s, f) for s in sections for f in top[s]["properties"]}
    plain = {k for k in top if "." not in k} - sections - other
    flat = {k for k in top if "." in k}
    dotted = {k for k in registry if "." in k}
    t.ok(nested | plain == registry, "style.schema.json: its nested keys are the registry's",
         "registry only: %s\nschema only: %s" % (sorted(registry - nested - plain),
                                                 sorted((nested | plain) - registry)))
    t.ok(flat == dotted, "style.schema.json: every dotted key may also be written flat",
         "registry only: %s\nschema only: %s" % (sorted(dotted - flat), sorted(flat - dotted)))
    t.ok(other <= set(top), "style.schema.json has extends, groups and classes",
         str(sorted(other - set(top))))
    fields = set(resolve(sch, {"$ref": "#/definitions/paint"})["properties"])
    t.ok(fields == paint, "style.schema.json: a paint's fields are the reader's",
         "reader: %s, schema: %s" % (sorted(paint), sorted(fields)))
    patterns = sch.get("patternProperties", {})
    for owner in PAINT_OWNERS:
        for field in sorted(paint) + ["zzz"]:
            key = "%s.%s" % (owner, field)
            hit = any(re.search(p, key) for p in patterns)
            t.ok(hit == (field != "zzz"),
                 "style.schema.json: flat '%s' is %s" % (key, "taken" if hit else "refused"))


def probe_file(keys, value):
    return "".join("%s: %s\n" % (k, value) for k in keys)


def style_probes(t, exe):
    got = keys_of(exe, "style")
    keys = [k for k in got["properties"]]
    keys += ["%s.%s" % (o, f) for o in PAINT_OWNERS for f in got["paint"]]
    v = schemacheck.validator("style")
    sch = schemacheck.schema("style")
    mismatches = []
    enums, lows, highs = {}, {}, {}
    with tempfile.TemporaryDirectory(prefix="cvt-schema-") as tmp:
        for value in PROBES:
            path = os.path.join(tmp, "probe.yaml")
            text = probe_file(keys, value)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            status, _, err = run([exe, "--check", "-s", path, "data/short.yaml"])
            refused_by_cvt = {line for line, _ in schemacheck.message_places(err, path)}
            refused_by_schema = {line for line, _ in schemacheck.error_places(v, text)}
            for i, key in enumerate(keys):
                a, b = (i + 1) in refused_by_cvt, (i + 1) in refused_by_schema
                if a != b:
                    mismatches.append("%s: %s: cvtimeline %s, schema %s" % (
                        key, value or "(empty)", "refuses" if a else "takes",
                        "refuses" if b else "takes"))
            for m in re.finditer(r"'([a-z.-]+)' must be one of ([a-z, -]+); found", err):
                enums.setdefault(m.group(1), set(m.group(2).split(", ")))
            for m in re.finditer(r"'([a-z.-]+)' must be at least ([0-9.]+), found", err):
                lows[m.group(1)] = float(m.group(2))
            for m in re.finditer(r"'([a-z.-]+)' must not be negative", err):
                lows.setdefault(m.group(1), 0.0)
            for m in re.finditer(r"'([a-z.-]+)' must be at most ([0-9.]+), found", err):
                highs[m.group(1)] = float(m.group(2))
    t.ok(not mismatches, "for every style key and %d probe values, the schema takes and "
         "refuses what cvtimeline does" % len(PROBES), "\n".join(mismatches))

    def node_for(key):
        owner = next((o for o in PAINT_OWNERS if key.startswith(o + ".")), None)
        if owner:
            return resolve(sch, sch["definitions"]["paint"]["properties"][key.split(".")[-1]])
        return resolve(sch, sch["properties"][key])

    def branches(node):
        node = resolve(sch, node)
        out = [node]
        for b in node.get("anyOf", []):
            out += branches(b)
        if node.get("type") == "array" and "items" in node:
            out += branches(node["items"])
        return out

    for key in sorted(enums):
        want = set()
        for b in branches(node_for(key)):
            if "enum" in b and len(b["enum"]) < 20:  # not the colour names
                want |= set(b["enum"])
        t.ok(want == enums[key], "style.schema.json: '%s' takes exactly %s" % (
            key, ", ".join(sorted(enums[key]))), "schema: %s" % sorted(want))
    numeric = sorted(set(lows) | set(highs))
    t.ok(len(numeric) >= 10, "cvtimeline named ranges for %d number keys" % len(numeric))
    for key in numeric:
        nums = [b for b in branches(node_for(key)) if b.get("type") == "number"]
        got_range = (nums[0].get("minimum"), nums[0].get("maximum")) if nums else None
        t.ok(got_range == (lows.get(key), highs.get(key)),
             "style.schema.json: '%s' is a number from %s to %s" % (key, lows.get(key),
                                                                   highs.get(key)),
             "schema: %s" % (got_range,))


def main():
    exe = binary_from_argv()
    t = Tap()
    schema_files(t, exe)
    good_files(t)
    bad_files(t, exe)
    cv_keys(t, exe)
    style_keys(t, exe)
    style_probes(t, exe)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
