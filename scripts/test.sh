#!/bin/bash
# Installs what the build and the test suite need on Debian 12 (only what is missing),
# builds, and runs every test. The exit status is meson test's. Run as root; safe to
# run again.
set -eu
cd "$(dirname "$0")/.."
. scripts/common.sh

# Test tools: SVG/PNG/PDF checkers, valgrind, clang with its sanitizer and libFuzzer
# runtimes, locales (to run the suite under another locale), python3-jsonschema (the
# summary's JSON and doc/schema/'s examples are validated against their schemas), the
# shells whose completions are tested (bash-completion, zsh and fish: a few MB), and
# Chromium (the web test renders the SVG in a real browser; it skips that part where
# Chromium is missing).
# shellcheck disable=SC2086
cvt_install_missing $CVT_BUILD_PACKAGES $CVT_FONT_PACKAGES librsvg2-bin libxml2-utils \
  poppler-utils valgrind clang libclang-rt-14-dev locales python3-jsonschema bash-completion \
  zsh fish
cvt_ensure_locale fr_FR.UTF-8
# fonts-droid-fallback: the test fonts' Chinese and Japanese (tests/fonts.conf.in).
cvt_install_missing fonts-droid-fallback
# The language tests run the chart under locales whose own words and case rules differ
# (German month names, Turkish dotted and dotless i) to prove they change nothing.
cvt_ensure_locale de_DE.UTF-8
cvt_ensure_locale tr_TR.UTF-8
cvt_install_missing chromium || echo "warning: chromium could not be installed; the browser checks will be skipped" >&2
cvt_build

status=0
meson test -C build --print-errorlogs || status=$?
exit "$status"
