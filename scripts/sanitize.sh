#!/usr/bin/env bash
# Builds the libraries, knotwork-cli and every test with AddressSanitizer and
# UndefinedBehaviorSanitizer (clang, preset "asan", in build-asan/; the wxWidgets windows are left
# out) and runs every test there, the libFuzzer smoke runs included. Any sanitizer report fails
# the run: UBSan does not recover, ASan stops at the first error. scripts/test.sh runs this after
# the normal tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f build-asan/build.ninja ]; then
  cmake --preset asan >/dev/null
fi
cmake --build --preset asan

# Symbolised stack traces in the reports.
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && command -v llvm-symbolizer >/dev/null 2>&1; then
  export ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer)"
fi
# The sanitizer options live in the "asan" test preset (CMakePresets.json).
ctest --preset asan
