#!/usr/bin/env bash
# Installs every Debian 12 package Knotwork needs to build, test, run and package.
# Idempotent: does nothing when everything is already installed and the test locales exist.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config ccache
  libboost-date-time-dev libboost-test-dev
  libsoci-dev libsqlite3-dev sqlite3 libpq-dev
  libwxgtk3.2-dev libcairo2-dev libpango1.0-dev
  nlohmann-json3-dev
  # tests, screenshots and report checks
  xvfb xauth xdotool imagemagick poppler-utils librsvg2-bin locales time
  fonts-dejavu-core fonts-noto-cjk
  # clinic server tests
  postgresql
  # packaging (scripts/package.sh): the Debian package's dependencies (dpkg-shlibdeps, file), its
  # checks, and the file type and launcher databases its install is checked against
  dpkg-dev file lintian appstream desktop-file-utils shared-mime-info libglib2.0-bin
  # fuzzing, sanitizers (llvm: llvm-symbolizer for readable reports) and benchmarks
  clang libclang-rt-14-dev llvm libbenchmark-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The locales the GUI tests format dates and numbers in (tests/gui/test_locale_formatting.cpp).
# Generated only; the system's own locale settings are left alone.
for l in de_DE en_GB en_US; do
  if ! locale -a 2>/dev/null | grep -qix "$l.utf-\?8"; then
    echo "Generating locale $l.UTF-8"
    $sudo localedef -i "$l" -f UTF-8 "$l.UTF-8"
  fi
done
