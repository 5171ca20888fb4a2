#!/bin/bash
# Regenerates the golden layouts that tests/run-golden.py compares against: for every
# tests/cases/NAME.yaml and data/NAME.yaml, the output of
# `cvtimeline --dump-layout --today 2026-11-25 FILE` with the test suite's pinned fonts.
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

for cv in tests/cases/*.yaml data/*.yaml; do
  case $cv in *.layout.yaml) continue ;; esac
  name=$(basename "$cv" .yaml)
  case $cv in data/*) name=data-$name ;; esac
  golden=tests/cases/$name.layout.yaml
  # Written through a temporary file so a failure never leaves a truncated golden.
  "$exe" --dump-layout --today 2026-11-25 "$cv" > "$golden.tmp"
  mv "$golden.tmp" "$golden"
  echo "wrote $golden"
done
