#!/usr/bin/env python3
"""The chart in the CV's language (doc/languages.md), end to end:

- the German, Japanese and Portuguese cases, and a RenderCV file with a French locale,
  write their own words: group names, month ticks, the today label, the alt text;
- --lang wins over the CV's language, for every catalog, and the layout invariants
  (tools/check-layout.py) hold in each language and every built-in style, also with the
  career summary's totals and gap bands on;
- each date keeps its precision (year, month, day, season, academic year, approximate,
  ongoing) in the language's words, in the alt text and the tooltips, for a native CV
  (`language: de`), a JSON Resume (`meta.language: ja`) and a RenderCV file (`locale:`
  pt);
- an unknown --lang is a usage error that lists the catalogs;
- the process locale changes nothing: SVG, PNG, dump and alt text are byte-identical
  under LC_ALL=C and every other installed locale of de_DE, fr_FR, tr_TR, ja_JP;
- text is shaped in the chart's language, not the environment's: with a font
  configuration that draws Han differently when fontconfig is asked for Japanese, an
  English CV with Han text is byte-identical under LANG, LC_ALL, FC_LANG, PANGO_LANGUAGE
  and LANGUAGE set to Japanese, and a Japanese CV is drawn with the Japanese rule.

Usage: python3 tests/run-lang.py PATH/TO/cvtimeline
"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

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

# (file name, text, in the alt text, among the tooltips)
PRECISION = [
    ("de.yaml", """name: Präzision
language: de
jobs:
  - {title: Ingenieur, org: Acme, start: 2010, end: August 2016}
  - {title: Leiter, org: Acme, start: 2020-01, end: heute}
  - {title: Auftrag, org: Beta, start: 2017-03-03, end: 2017-03-14}
  - {title: Praktikum, org: IBM, date: Sommer 2015}
  - {title: Hilfskraft, org: Bibliothek, start: ~2003, end: c. 2005}
education:
  - {title: MSc, org: Uni, periods: [2005/06]}
milestones:
  - {title: Preis, date: 2019-01}
  - {title: Artikel, date: ~2009}
""", ["Ingenieur, Acme, 2010 bis Aug. 2016", "Leiter, Acme, Jan. 2020 bis heute",
      "Auftrag, Beta, 3. bis 14. März 2017", "Praktikum, IBM, Sommer 2015",
      "Hilfskraft, Bibliothek, ca. 2003 bis ca. 2005", "MSc, Uni, 2005/06.",
      "Meilensteine: Artikel, ca. 2009; Preis, Jan. 2019."],
     ["Ingenieur, Acme\n2010 bis Aug. 2016", "Praktikum, IBM\nSommer 2015", "MSc, Uni\n2005/06",
      "Artikel\nca. 2009", "Preis\nJan. 2019"]),
    ("ja.json", """{"basics": {"name": "JR"}, "meta": {"language": "ja"},
 "work": [
  {"name": "Acme", "position": "Engineer", "startDate": "2010", "endDate": "2016-08"},
  {"name": "Beta", "position": "Lead", "startDate": "2020-01"},
  {"name": "Gamma", "position": "Contractor", "startDate": "2017-03-03", "endDate": "2017-03-14"},
  {"name": "Delta", "position": "Fellow", "startDate": "~2004", "endDate": "summer 2006"}
 ],
 "awards": [{"title": "Prize", "date": "2019-01"}, {"title": "Medal", "date": "2012"}]
}
""", ["Engineer、Acme、2010年～2016年8月", "Lead、Beta、2020年1月～現在",
      "Contractor、Gamma、2017年3月3日～2017年3月14日", "Fellow、Delta、2004年頃～2006年夏",
      "主な出来事：Medal、2012年；Prize、2019年1月。"],
     ["Engineer、Acme\n2010年～2016年8月", "Fellow、Delta\n2004年頃～2006年夏", "Prize\n2019年1月"]),
    ("pt.yaml", """cv:
  name: RCV
  sections:
    experience:
      - {company: Acme, position: Engenheiro, start_date: "2010", end_date: 2016-08}
      - {company: Beta, position: Chefe, start_date: 2020-01, end_date: present}
      - {company: Gamma, position: Contrato, start_date: 2017-03-03, end_date: 2017-03-14}
      - {company: Delta, position: Monitor, date: "2005/06"}
      - {company: Epsilon, position: Bolsista, start_date: "~2004", end_date: "summer 2006"}
locale:
  language: pt
""", ["Engenheiro, Acme, 2010 – ago. de 2016", "Chefe, Beta, jan. de 2020 – presente",
      "Contrato, Gamma, 3–14 de mar. de 2017", "Monitor, Delta, 2005/06",
      "Bolsista, Epsilon, cerca de 2004 – verão de 2006"],
     ["Engenheiro, Acme\n2010 – ago. de 2016", "Monitor, Delta\n2005/06",
      "Bolsista, Epsilon\ncerca de 2004 – verão de 2006"]),
]


def check_precision(exe, t):
    """Each date at its precision, in the CV's language, on each kind of input."""
    with tempfile.TemporaryDirectory(prefix="cvt-lang-") as tmp:
        for name, text, alt_want, tip_want in PRECISION:
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            status, out, err = run([exe, "--alt-text", "--today", TODAY, path])
            alt = out.decode("utf-8", "replace")
            missing = [w for w in alt_want if w not in alt]
            t.ok(status == 0 and not missing, name + ": the alt text keeps each date's precision",
                 "missing %r in:\n%s\n%s" % (missing, alt, err))
            svg = path + ".svg"
            status, _, err = run([exe, "--today", TODAY, "-o", svg, path])
            tips = []
            if status == 0:
                tips = [e.text or "" for e in ET.parse(svg).getroot().iter(
                    "{http://www.w3.org/2000/svg}title")]
            missing = [w for w in tip_want if w not in tips]
            t.ok(status == 0 and not missing, name + ": the tooltips keep each date's precision",
                 "missing %r in %r\n%s" % (missing, tips, err))


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
    # The career summary's marks in longer (German, Polish) and CJK words: totals beside
    # the names, gap bands' lengths, every style, and the layout still holds.
    for code in ("de", "pl", "ja"):
        for style in STYLES:
            what = "example --lang %s -s %s, group.total and gaps.show" % (code, style)
            dump = dump_of(exe, t, what, ["--lang", code, "-s", style, "--set", "group.total=true",
                                          "--set", "gaps.show=true", "data/bruno-magalhaes.yaml"])
            if dump is None:
                continue
            problems = checker.check_dump(dump)
            totals = [g.get("total", {}).get("text") for g in dump["groups"]]
            t.ok(not problems and all(totals), what + ": layout invariants hold, totals shown",
                 "\n".join(problems[:15]) + "\ntotals: %r" % totals)
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


# The test fonts, and one rule that makes the language fontconfig is asked for visible:
# Han set for Japanese is drawn emboldened.
LANG_RULE_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <dir>/usr/share/fonts/truetype/droid</dir>
  <cachedir>%s</cachedir>
  %s
  <config><rescan><int>0</int></rescan></config>
</fontconfig>
"""
JA_RULE = """<match target="font">
    <test target="pattern" name="lang" compare="eq"><string>ja</string></test>
    <edit name="embolden" mode="assign"><bool>true</bool></edit>
  </match>"""
HAN_CV = """name: Wang Xiaoming
jobs:
  - {title: 软件工程师 骨 直 角, org: 北京大学, start: 2019-01, end: 2021-06}
"""
LOCALE_VARS = ("LC_ALL", "LC_CTYPE", "LANG", "LANGUAGE", "FC_LANG", "PANGO_LANGUAGE")


def check_shaping_language(exe, t):
    with tempfile.TemporaryDirectory() as tmp:
        confs = {}
        for name, rule in (("rule", JA_RULE), ("plain", "")):
            confs[name] = os.path.join(tmp, name + ".conf")
            with open(confs[name], "w") as f:
                f.write(LANG_RULE_CONF % (os.path.join(tmp, "cache"), rule))
        cvs = {}
        for name, text in (("han", HAN_CV), ("ja", "language: ja\n" + HAN_CV)):
            cvs[name] = os.path.join(tmp, name + ".yaml")
            with open(cvs[name], "w") as f:
                f.write(text)

        def png(cv, conf, **env_vars):
            env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARS}
            env["FONTCONFIG_FILE"] = confs[conf]
            env.update(env_vars)
            status, out, err = run([exe, "--today", TODAY, "-f", "png", "-o", "-", cvs[cv]],
                                   env=env)
            return out if status == 0 else ("failed", describe(status, err))

        want = png("han", "rule", LC_ALL="C")
        t.ok(isinstance(want, bytes), "a CV with Han text renders with the rule", want)
        for var in ("LANG", "LC_ALL", "LC_CTYPE", "FC_LANG", "PANGO_LANGUAGE", "LANGUAGE"):
            value = "ja_JP.UTF-8" if var.startswith(("LANG", "LC_")) and var != "LANGUAGE" \
                else "ja"
            got = png("han", "rule", **{var: value})
            t.ok(got == want, "%s=%s: Han text shaped as under LC_ALL=C (the chart's language, "
                 "not the environment's)" % (var, value), "differs")
        t.ok(png("ja", "rule") != png("ja", "plain"),
             "a Japanese CV's text is shaped in Japanese (fontconfig's rule for ja applies)",
             "the same bytes with and without the rule")


def main():
    exe = binary_from_argv()
    t = Tap()
    for rel, want in CASES.items():
        check_case(exe, t, rel, want)
    check_precision(exe, t)
    check_override(exe, t, load_checker())
    check_locales(exe, t)
    check_shaping_language(exe, t)
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
