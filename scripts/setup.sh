#!/bin/bash
# Installs what cvtimeline needs on Debian 12 (only what is missing), builds it, and
# renders the example CV to timeline.svg and timeline.png. Run as root: it is safe to
# run again.
set -eu
cd "$(dirname "$0")/.."
. scripts/common.sh

# shellcheck disable=SC2086
cvt_install_missing $CVT_BUILD_PACKAGES $CVT_FONT_PACKAGES
cvt_build

./build/src/cvtimeline data/bruno-magalhaes.yaml -o timeline.svg
./build/src/cvtimeline data/bruno-magalhaes.yaml -o timeline.png
echo "built:    $PWD/build/src/cvtimeline"
echo "rendered: $PWD/timeline.svg"
echo "rendered: $PWD/timeline.png"
