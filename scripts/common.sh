# Shared by setup.sh and test.sh (sourced, not run): install missing Debian packages
# quietly, and configure + build the project in ./build.

# Installs those of the named packages that are not installed yet; runs apt-get update
# only when something is missing, so a second run touches nothing.
cvt_install_missing() {
  missing=""
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $pkg"
    fi
  done
  if [ -z "$missing" ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: missing packages:$missing (run as root, e.g. with sudo)" >&2
    exit 1
  fi
  echo "installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086 # the list is meant to split into words
  apt-get install -qq -y --no-install-recommends $missing >/dev/null
}

# Generates the locale @1 (e.g. fr_FR.UTF-8) when it is missing, for the CI pass that
# runs the suite under another locale; needs the locales package and root.
cvt_ensure_locale() {
  want=$(printf '%s' "$1" | sed 's/UTF-8$/utf8/')
  if locale -a 2>/dev/null | grep -qx "$want"; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "warning: locale $1 missing (run as root to generate it)" >&2
    return 0
  fi
  if grep -q "^# *$1 UTF-8" /etc/locale.gen 2>/dev/null; then
    sed -i "s/^# *\($1 UTF-8\)/\1/" /etc/locale.gen
  elif ! grep -q "^$1 UTF-8" /etc/locale.gen 2>/dev/null; then
    echo "$1 UTF-8" >>/etc/locale.gen
  fi
  locale-gen >/dev/null
}

# Configures ./build (or reconfigures it when it exists, so new tests are picked up)
# and builds everything.
cvt_build() {
  if [ -d build ] && [ -f build/build.ninja ]; then
    meson setup --reconfigure build >/dev/null
  else
    meson setup build >/dev/null
  fi
  ninja -C build
}

CVT_BUILD_PACKAGES="libcairo2-dev libpango1.0-dev libharfbuzz-dev libpng-dev libyaml-dev zlib1g-dev
  libarchive-dev libcsv-dev libbtparse-dev meson ninja-build pkg-config gcc
  fonts-dejavu-core fonts-inter python3 python3-yaml"

# Fonts for what Inter and DejaVu cannot draw: colour emoji (10.7 MB installed) and one
# font for Chinese, Japanese and Korean. WenQuanYi Micro Hei covers Han, kana and all of
# Hangul in 5.1 MB installed (1.6 MB to download); fonts-noto-cjk would be 91 MB (56 MB
# to download). The styles name Noto Sans CJK first, so it is used where installed.
# (fonts-droid-fallback, often present already, has Han and kana but no Hangul.)
CVT_FONT_PACKAGES="fonts-noto-color-emoji fonts-wqy-microhei"
