#!/bin/bash
# Regenerates the golden layouts that tests/run-golden.py compares against: for every
# tests/cases/NAME.yaml, data/NAME.yaml and tests/import/NAME.{json,yaml}, the output of
# `cvtimeline --dump-layout --today 2026-11-25 FILE` with the test suite's pinned fonts
# (and `-s tests/cases/NAME.style.yaml` where a case has a style of its own beside it).
# Usage: tools/regen-goldens.sh [BUILD-DIR]   (default: build). Review the diff after.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
exe=$build/src/cvtimeline
if [ ! -x "$exe" ] || [ ! -f "$build/tests/fonts.conf" ]; then
  echo "error: $exe or $build/tests/fonts.conf missing; build first (ninja -C $build)" >&2
  exit 1
fi
export FONTCONFIG_FILE=$PWD/$build/tests/fonts.conf
export LC_ALL=C.UTF-8

for cv in tests/cases/*.yaml data/*.yaml tests/import/*.json tests/import/*.yaml; do
  case $cv in *.layout.yaml | *.style.yaml) continue ;; esac
  name=$(basename "$cv"); name=${name%.*}
  case $cv in data/*) name=data-$name ;; tests/import/*) name=import-$name ;; esac
  golden=tests/cases/$name.layout.yaml
  # Written through a temporary file so a failure never leaves a truncated golden.
  style=()
  case $cv in tests/cases/*) [ ! -f "${cv%.yaml}.style.yaml" ] || style=(-s "${cv%.yaml}.style.yaml") ;; esac
  "$exe" --dump-layout --today 2026-11-25 "${style[@]}" "$cv" > "$golden.tmp"
  mv "$golden.tmp" "$golden"
  echo "wrote $golden"
done
