#!/bin/bash
# Renders the README's pictures with the tool itself: doc/example.png (the seed CV in the
# default style), doc/gallery/STYLE.png (the seed CV in every built-in style) and
# doc/gallery/summary.png (with group totals and gap bands), with the
# fonts installed on this machine (Inter when fonts-inter is there).
# Usage: tools/gallery.sh [BUILD-DIR]   (default: build)
set -eu
cd "$(dirname "$0")/.."
exe=${1:-build}/src/cvtimeline
cv=data/bruno-magalhaes.yaml
mkdir -p doc/gallery
"$exe" "$cv" --today 2026-11-25 -o doc/example.png
for style in dark print slides minimal; do
  "$exe" "$cv" --today 2026-11-25 -s "$style" -o "doc/gallery/$style.png"
  echo "wrote doc/gallery/$style.png"
done
"$exe" data/dense.yaml --today 2026-11-25 -o doc/gallery/dense.png
# The career summary on the chart (README "The career summary").
"$exe" "$cv" --today 2026-11-25 --set group.total=true --set gaps.show=true \
  -o doc/gallery/summary.png
echo "wrote doc/example.png, doc/gallery/dense.png, doc/gallery/summary.png"
