#!/bin/bash
# Renders the before/after gallery of doc/gallery.md: the example CVs (data/*.yaml) in
# every built-in style, and two of the test CVs in the default style, with BEFORE (a
# cvtimeline built from an earlier commit) into doc/gallery/before-after/before/ and with
# this build into doc/gallery/before-after/after/, in the fonts installed here; and, with
# the career summary's style keys on, into doc/gallery/before-after/summary/.
# Usage: tools/before-after.sh BEFORE-EXE [BUILD-DIR]   (BEFORE-EXE "-" keeps the old PNGs)
#        tools/before-after.sh --review BEFORE-EXE [BUILD-DIR]
# --review renders doc/gallery.md's "Visual review 1" pairs instead: the charts each fix of
# notes/visual-review-1.md shows, with BEFORE-EXE (main before the fixes) into
# doc/gallery/review-1/before/ and with this build into doc/gallery/review-1/after/.
set -eu
cd "$(dirname "$0")/.."
if [ "${1:-}" = --review ]; then
  before=$2
  exe=${3:-build}/src/cvtimeline
  out=doc/gallery/review-1
  mkdir -p "$out/before" "$out/after"
  # NAME CV OPTIONS...: one pair.
  pair() {
    name=$1 cv=$2
    shift 2
    "$before" "$cv" --today 2026-11-25 "$@" -o "$out/before/$name.png" 2>/dev/null || true
    "$exe" "$cv" --today 2026-11-25 "$@" -o "$out/after/$name.png" 2>/dev/null || true
  }
  pair example data/bruno-magalhaes.yaml
  pair example-800 data/bruno-magalhaes.yaml -W 800
  pair example-slides data/bruno-magalhaes.yaml -s slides
  pair example-cut data/bruno-magalhaes.yaml --from 2012 --to 2022
  pair dense-800 data/dense.yaml -W 800
  pair dense-slides data/dense.yaml -s slides
  pair short-slides data/short.yaml -s slides
  pair milestones-same-date tests/cases/milestones-same-date.yaml
  pair academic-papers tests/cases/academic-papers.yaml
  pair promotions tests/cases/promotions.yaml
  pair sequential-jobs tests/cases/sequential-jobs.yaml
  pair rendercv-2.8 tests/import/rendercv-2.8.yaml
  echo "wrote $out/before and $out/after"
  exit 0
fi
before=$1
exe=${2:-build}/src/cvtimeline
out=doc/gallery/before-after
mkdir -p "$out/before" "$out/after"
render() { # EXE CV STYLE NAME DIR
  "$1" "$2" --today 2026-11-25 -s "$3" -o "$out/$5/$4-$3.png" 2>/dev/null || true
}
for cv in data/bruno-magalhaes.yaml data/dense.yaml data/short.yaml; do
  name=$(basename "$cv" .yaml)
  for style in default dark print slides minimal; do
    [ "$before" = - ] || render "$before" "$cv" "$style" "$name" before
    render "$exe" "$cv" "$style" "$name" after
  done
done
for cv in tests/cases/academic-papers.yaml tests/import/jsonresume-eight-jobs.json; do
  name=$(basename "$cv"); name=${name%.*}
  [ "$before" = - ] || render "$before" "$cv" default "$name" before
  render "$exe" "$cv" default "$name" after
done
# The career summary on the chart (doc/gallery.md's last section), beside after/.
mkdir -p "$out/summary"
for cv in data/bruno-magalhaes.yaml data/dense.yaml; do
  name=$(basename "$cv" .yaml)
  for style in default dark print slides minimal; do
    "$exe" "$cv" --today 2026-11-25 -s "$style" --set group.total=true --set gaps.show=true \
      -o "$out/summary/$name-$style.png" 2>/dev/null || true
  done
done
echo "wrote $out/before, $out/after and $out/summary"
