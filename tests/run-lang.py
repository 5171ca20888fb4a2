#!/usr/bin/env python3
"""The chart in the CV's language (doc/languages.md), end to end:

- the German, Japanese and Portuguese cases, and a RenderCV file with a French locale,
  write their own words: group names, month ticks, the today label, the alt text;
- --lang wins over the CV's language, for every catalog, and the layout invariants
  (tools/check-layout.py) hold in each language and every built-in style;
- an unknown --lang is a usage error that lists the catalogs;
- the process locale changes nothing: SVG, PNG, dump and alt text are byte-identical
  under LC_ALL=C and every other installed locale of de_DE, fr_FR, tr_TR, ja_JP.

Usage: python3 tests/run-lang.py PATH/TO/cvtimeline
"""
import os
import subprocess
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cvtest import TODAY, Tap, binary_from_argv, describe, load_checker, run  # noqa: E402

CASES = {
    "tests/cases/lang-de.yaml": {
        "groups": ["Berufserfahrung", "Ausbildung", "Gastaufenthalte"],
        "ticks": ["Okt 2025", "Dez", "Mär", "Mai"],
        "today": "heute",
        "alt": ["beruflicher Werdegang von 2025 bis 2026.", "Juli 2026 bis heute",
                "Meilensteine: Bester Vortrag, Mai 2026."],
    },
    "tests/cases/lang-ja.yaml": {
        "groups": ["職歴", "学歴"],
        "ticks": ["2024年4月", "7月", "10月"],
        "today": "今日",
        "alt": ["経歴年表（2024年～2026年）", "2025年7月～現在", "主な出来事：最優秀論文賞、2025年11月。"],
    },
    "tests/cases/lang-pt.yaml": {
        "groups": ["Experiência profissional", "Formação", "Visitas acadêmicas"],
        "ticks": ["out. de 2024", "abr.", "jul."],
        "today": "hoje",
        "alt": ["trajetória profissional de 2024 a 2026.", "mar. de 2025 – presente",
                "verão de 2025"],
    },
    "tests/import/rendercv-locale.yaml": {
        "groups": ["Experience", "Education"],  # RenderCV's own section titles
        "ticks": ["avr.", "juil."],
        "today": "aujourd’hui",
        "alt": ["parcours professionnel de 2023 à 2026.", "avr. 2025 – à ce jour"],
    },
}
STYLES = ["default", "dark", "print", "slides", "minimal"]
LOCALES = ["de_DE.UTF-8", "fr_FR.UTF-8", "tr_TR.UTF-8", "ja_JP.UTF-8"]
CODES = ["en", "de", "fr", "es", "pt", "it", "pl", "nl", "tr", "zh", "ja"]


def dump_of(exe, t, what, args):
    status, out, err = run([exe, "--dump-layout", "--today", TODAY] + args)
    if not t.ok(status == 0, what + ": --dump-layout succeeds", describe(status, err)):
        return None
    return yaml.safe_load(out)


def texts(dump):
    return [s.get("text") for s in dump.get("texts") or [] if s.get("text") is not None]


def check_case(exe, t, rel, want):
    dump = dump_of(exe, t, rel, [rel])
    if dump is None:
        return
    names = [g["name"] for g in dump["groups"]]
    t.ok(names == want["groups"], rel + ": the groups carry the language's names",
         "got %r, want %r" % (names, want["groups"]))
    ticks = [tk["label"]["text"] for tk in dump["ticks"] if tk.get("label")]
    missing = [w for w in want["ticks"] if w not in ticks]
    t.ok(not missing, rel + ": the ticks name the months in the language",
         "missing %r in %r" % (missing, ticks))
    t.ok(want["today"] in texts(dump), rel + ": the today line says '%s'" % want["today"],
         "texts: %r" % texts(dump))
    status, out, err = run([exe, "--alt-text", "--today", TODAY, rel])
    alt = out.decode("utf-8", "replace")
    missing = [w for w in want["alt"] if w not in alt]
    t.ok(status == 0 and not missing, rel + ": the alt text is in the language",
         "missing %r in:\n%s\n%s" % (missing, alt, err))


def check_override(exe, t, checker):
    """--lang over lang-de.yaml: every catalog names the groups in its own words, the
    layout holds in every style, and the German dates still read."""
    rel = "tests/cases/lang-de.yaml"
    seen = {}
    for code in CODES:
        for style in STYLES:
            dump = dump_of(exe, t, "%s --lang %s -s %s" % (rel, code, style),
                           ["--lang", code, "-s", style, rel])
            if dump is None:
                continue
            problems = checker.check_dump(dump)
            t.ok(not problems, "%s --lang %s -s %s: layout invariants hold" % (rel, code, style),
                 "\n".join(problems[:15]))
            seen[code] = dump["groups"][0]["name"]
    t.ok(len(set(seen.values())) == len(CODES), "--lang: each catalog has its own group names",
         repr(seen))
    t.ok(seen.get("fr") == "Expérience professionnelle" and seen.get("en") == "Experience",
         "--lang fr and --lang en win over the CV's language: de", repr(seen))
    dump = dump_of(exe, t, "--lang de --from 'März 2026' --to Juni 2026",
                   ["--lang", "de", "--from", "März 2026", "--to", "Juni 2026", rel])
    t.ok(dump is not None and str(dump["range"]["start"]) == "2026-03-01"
         and str(dump["range"]["end"]) == "2026-06-30",
         "--from and --to are read in --lang's words", repr(dump and dump["range"]))
    status, _, err = run([exe, "--check", "--from", "März 2026", rel])
    t.ok(status == 2, "--from in German without --lang is a usage error", describe(status, err))
    status, _, err = run([exe, "--check", "--lang", "xx", rel])
    t.ok(status == 2 and "--lang: unknown language 'xx' (expected one of en, de, fr" in err,
         "--lang xx: a usage error naming the catalogs", describe(status, err))


def installed_locales():
    try:
        out = subprocess.run(["locale", "-a"], stdout=subprocess.PIPE, check=False).stdout
    except OSError:
        return set()
    return {line.strip().lower().replace("utf-8", "utf8") for line in out.decode().splitlines()}


def outputs(exe, env):
    """Every output of the three cases under @env, in one list of bytes."""
    got = []
    for rel in CASES:
        for args in (["--dump-layout"], ["--alt-text"], ["-f", "svg", "-o", "-"],
                     ["-f", "png", "-o", "-"]):
            status, out, err = run([exe, "--today", TODAY] + args + [rel], env=env)
            got.append((rel, args[0], status, out))
    return got


def check_locales(exe, t):
    have = installed_locales()
    base = dict(os.environ)
    base["LC_ALL"] = "C"
    want = outputs(exe, base)
    failed = [(w[0], w[1]) for w in want if w[2] != 0 or not w[3]]
    t.ok(not failed, "LC_ALL=C: every output written", "failed: %r" % failed)
    tried = 0
    for loc in LOCALES:
        if loc.lower().replace("utf-8", "utf8") not in have:
            t.skip("LC_ALL=%s: byte-identical output" % loc, "locale not installed")
            continue
        tried += 1
        env = dict(os.environ)
        env["LC_ALL"] = loc
        env["LANG"] = loc
        got = outputs(exe, env)
        diff = [(a[0], a[1]) for a, b in zip(want, got) if a != b]
        t.ok(not diff, "LC_ALL=%s: output byte-identical to LC_ALL=C" % loc,
             "differs: %r" % diff)
    if tried == 0:
        t.skip("byte-identical output under other locales", "none of %s installed" % LOCALES)


def main():
    exe = binary_from_argv()
    t = Tap()
    for rel, want in CASES.items():
        check_case(exe, t, rel, want)
    check_override(exe, t, load_checker())
    check_locales(exe, t)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
