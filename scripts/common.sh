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

CVT_BUILD_PACKAGES="libcairo2-dev libpango1.0-dev libyaml-dev meson ninja-build pkg-config gcc
  fonts-dejavu-core fonts-inter python3 python3-yaml"
