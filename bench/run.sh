#!/usr/bin/env bash
# The benchmark: builds a release cvtimeline, the floor (bench/floor.c) and the lower bound
# (bench/lower-bound.c), installs graphviz and gnuplot from Debian when missing (bench
# only: the build does not need them), generates CVs of 10 to 100,000 items and one job
# of 1,000 and of 100,000 roles (bench/gen-cv.py; sizes "rN"), turns each chart into a
# graphviz graph and a gnuplot script (bench/tools.py), renders each and the example CV
# to SVG and PNG with every tool, alternated, and prints Markdown tables: CPU and wall
# medians, peak memory, output size, and the ratios the performance targets name.
# bench/RESULTS.md says what each tool does and holds the last results.
#
#   bash bench/run.sh                  # everything (11 to 30 minutes on 2 cores)
#   SIZES="ex 1000" RUNS=5 FORMATS=svg TOOLS="cvtimeline graphviz" bash bench/run.sh
#   BEFORE=/path/to/old/cvtimeline bash bench/run.sh   # also that binary, as "before"
#
# Needs: meson, ninja, a C compiler, the -dev packages of the build, python3 (and
# python3-yaml, to count the example's items). Timing and memory come from wait4's rusage
# in bench/bench.py, the same source GNU time -v reads.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BUILD:-build-release}
SIZES=${SIZES:-"ex 10 100 1000 10000 100000 r1000 r100000"}
OUT=${OUT:-$BUILD/bench/work}

for tool in meson ninja python3 pkg-config cc; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done
missing=()
command -v neato >/dev/null || missing+=(graphviz)
command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: installing ${missing[*]} from Debian" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get install -y -q "${missing[@]}" >/dev/null ||
    { "${SUDO[@]}" apt-get update -q >/dev/null && "${SUDO[@]}" apt-get install -y -q "${missing[@]}" >/dev/null; }
fi

# --- Build: the release binary, the floor, the lower bound and the scene exporter (not
# in the default build).
[ -d "$BUILD" ] || meson setup "$BUILD" --buildtype=release >/dev/null
ninja -C "$BUILD" src/cvtimeline src/libcvtcore.a >/dev/null
mkdir -p "$BUILD/bench" "$OUT"
PKG=$(pkg-config --cflags --libs pangocairo cairo glib-2.0 yaml-0.1)
CFLAGS="-O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror"
# shellcheck disable=SC2086
cc $CFLAGS bench/floor.c -o "$BUILD/bench/floor" $PKG -lm
# shellcheck disable=SC2086
cc $CFLAGS bench/lower-bound.c -o "$BUILD/bench/lower-bound" $(pkg-config --cflags --libs pangocairo)
# shellcheck disable=SC2086
# The core library needs every library meson links cvtimeline with (the readers' too):
# not libarchive, which zipfile.c opens when it reads a zip (dlopen is in glibc's libc).
CORE=$(pkg-config --cflags --libs pangocairo cairo glib-2.0 yaml-0.1 harfbuzz harfbuzz-subset \
  zlib libpng)
# shellcheck disable=SC2086
cc $CFLAGS -Isrc -Isrc/base -Isrc/readers -Isrc/layout -Isrc/renderers -I"$BUILD" \
  bench/scene-export.c "$BUILD/src/libcvtcore.a" \
  -o "$BUILD/bench/scene-export" $CORE -lcsv -lbtparse -lm
python3 bench/bench.py --cvt "$ROOT/$BUILD/src/cvtimeline" --floor "$ROOT/$BUILD/bench/floor" \
  --lower "$ROOT/$BUILD/bench/lower-bound" \
  --export "$ROOT/$BUILD/bench/scene-export" --example "$ROOT/data/bruno-magalhaes.yaml" \
  --out "$OUT" --sizes "$SIZES" ${RUNS:+--runs "$RUNS"} ${FORMATS:+--formats "$FORMATS"} \
  ${TOOLS:+--tools "$TOOLS"} ${BEFORE:+--before "$BEFORE"}
