#!/usr/bin/env bash
# Builds Knotwork's Debian package and proves it: a Release build with Debian's hardening flags in
# build-package/, cpack -G DEB, lintian (no error, no warning), the desktop entry and the AppStream
# metadata validated as shipped, then the package installed with apt-get, both programs run from
# /usr/bin, the launcher, icons, file type and manual pages checked in place, and the package
# purged again with nothing left behind. Any failure stops it with a non-zero exit.
# Usage: scripts/package.sh                    (as root, or with sudo for apt-get)
#        scripts/package.sh --from-build DIR   packages the programs already built in DIR (an
#          existing CMake build, such as the one scripts/test.sh has just tested) instead of
#          making the hardened Release build: what CI does, so the package holds exactly the
#          programs the tests ran and CI does not compile everything a third time.
# The package is left in build-package/packages/. See installer/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=build-package
from_build=""
if [ "${1:-}" = "--from-build" ]; then
  [ -n "${2:-}" ] && [ -f "$2/CMakeCache.txt" ] || { echo "usage: $0 [--from-build DIR]" >&2; exit 2; }
  from_build=$2
  build=$2
fi

scripts/install-deps.sh

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

start=$SECONDS
step() { printf '\n== %s (%ss)\n' "$1" $((SECONDS - start)); }
fail() { echo "package.sh: $*" >&2; exit 1; }

work=$(mktemp -d)
installed_by_us=""
cleanup() {
  if [ -n "$installed_by_us" ]; then
    DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq knotwork >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$from_build" ]; then
  step "Configuring a Release build in $build/"
  # Debian's own flags for a package: -O2 (the optimisation docs/PERFORMANCE.md measures) and the
  # hardening (fortify, stack protector, format checks, relro, bind now), without -g since the
  # programs are stripped into the package; NDEBUG as in any Release build.
  export DEB_BUILD_MAINT_OPTIONS="hardening=+all" DEB_CXXFLAGS_MAINT_STRIP="-g"
  cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
  ldflags="$(dpkg-buildflags --get LDFLAGS)"
  # ccache can then reuse the compilations that include the desktop program's precompiled header.
  export CCACHE_SLOPPINESS="pch_defines,time_macros"
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DKNOTWORK_BUILD_TESTS=OFF -DKNOTWORK_BUILD_BENCH=OFF -DKNOTWORK_FUZZ=OFF \
    -DKNOTWORK_RELEASE_CHECKS=ON \
    -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_CXX_FLAGS_RELEASE="-DNDEBUG" \
    -DCMAKE_EXE_LINKER_FLAGS="$ldflags" >/dev/null

  step "Building"
  cmake --build "$build" -j2
else
  step "Using the programs built in $build/"
fi

step "Packaging (cpack -G DEB)"
rm -f "$build"/packages/*.deb
(cd "$build" && cpack -G DEB >/dev/null)
debs=("$build"/packages/knotwork_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "cpack made no single knotwork_*.deb"
deb=${debs[0]}
version=$(dpkg-deb -f "$deb" Version)
echo "$deb: $(du -k "$deb" | cut -f1) KiB, installed $(dpkg-deb -f "$deb" Installed-Size) KiB, version $version"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"

step "lintian"
lintian --fail-on error,warning "$deb"
echo "lintian: no errors, no warnings"

step "Validating the desktop entry and the AppStream metadata as shipped"
unpacked=$work/unpacked
dpkg-deb -x "$deb" "$unpacked"
desktop_file=usr/share/applications/org.knotwork.Knotwork.desktop
metainfo=usr/share/metainfo/org.knotwork.Knotwork.metainfo.xml
desktop-file-validate "$unpacked/$desktop_file"
echo "desktop-file-validate: passed"
appstreamcli validate --no-net "$unpacked/$metainfo"
xmllint --noout "$unpacked/usr/share/mime/packages/org.knotwork.Knotwork.xml"

step "Installing with apt-get"
# A folder apt's download user can read, so apt installs the local file without complaint.
chmod 755 "$work"
cp "$deb" "$work/"
installed_by_us=yes
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --reinstall "$work/$(basename "$deb")" >/dev/null

step "Checking the installed package"
[ -x /usr/bin/knotwork ] || fail "/usr/bin/knotwork is missing"
[ -x /usr/bin/knotwork-cli ] || fail "/usr/bin/knotwork-cli is missing"
for program in /usr/bin/knotwork /usr/bin/knotwork-cli; do
  if ldd "$program" | grep -q "not found"; then
    ldd "$program" | grep "not found" >&2
    fail "$program links a library the package does not depend on"
  fi
done
[ "$(/usr/bin/knotwork-cli --version)" = "knotwork-cli $version" ] ||
  fail "knotwork-cli --version says '$(/usr/bin/knotwork-cli --version)', not 'knotwork-cli $version'"
echo "$(/usr/bin/knotwork-cli --version)"

# Both programs on a practice of their own, with a home folder of their own.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
/usr/bin/knotwork-cli init "$work/empty.knotwork"
/usr/bin/knotwork-cli demo "$work/demo.knotwork" --clients 12 --seed 1
/usr/bin/knotwork-cli check "$work/demo.knotwork" >/dev/null
if command -v xvfb-run >/dev/null; then
  timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
    /usr/bin/knotwork --quit-when-ready "$work/demo.knotwork" 2>/dev/null ||
    fail "the installed knotwork did not open the demo practice"
  echo "knotwork opened the demo practice and quit (under Xvfb)"
fi

for size in 16 32 48 64 128 256; do
  [ -f "/usr/share/icons/hicolor/${size}x${size}/apps/org.knotwork.Knotwork.png" ] ||
    fail "the ${size}x${size} icon is missing"
done
[ -f /usr/share/icons/hicolor/scalable/apps/org.knotwork.Knotwork.svg ] || fail "the SVG icon is missing"
[ -f "/$desktop_file" ] || fail "the desktop entry is missing"
[ -f "/$metainfo" ] || fail "the AppStream metadata is missing"
grep -q '^application/x-knotwork-practice=.*org\.knotwork\.Knotwork\.desktop' /usr/share/applications/mimeinfo.cache ||
  fail "the desktop database does not offer Knotwork for practice files"
[ -f /usr/share/mime/application/x-knotwork-practice.xml ] || fail "the file type is not in the MIME database"
# The file type by name, and by content alone (the SQLite header with Knotwork's application id).
cp "$work/demo.knotwork" "$work/practice-without-extension"
for file in demo.knotwork practice-without-extension; do
  type=$(XDG_DATA_DIRS=/usr/share gio info -a standard::content-type "$work/$file" | awk '/content-type/ {print $2}')
  [ "$type" = application/x-knotwork-practice ] || fail "$file is seen as '$type', not application/x-knotwork-practice"
done
man -w knotwork-cli >/dev/null && man -w knotwork >/dev/null || fail "a manual page is missing"
zcat /usr/share/doc/knotwork/changelog.gz | head -1 | grep -q "^knotwork ($version)" || fail "the changelog lacks $version"
[ -f /usr/share/doc/knotwork/copyright ] || fail "the copyright file is missing"
echo "programs, launcher, icons, file type, manual pages and documentation in place"

step "Removing the package"
DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq knotwork >/dev/null
installed_by_us=""
left=$(ls /usr/bin/knotwork* 2>/dev/null || true)
[ -z "$left" ] || fail "left behind in /usr/bin: $left"
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {sub(/^\./, "", $6); print $6}' > "$work/files"
while read -r file; do
  [ ! -e "$file" ] || fail "left behind: $file"
done < "$work/files"
[ ! -e /usr/share/mime/application/x-knotwork-practice.xml ] || fail "the file type is still in the MIME database"
echo "removed: nothing left of the package's $(wc -l < "$work/files") files"

step "Done"
echo "$root/$deb"
