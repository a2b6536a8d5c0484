#!/usr/bin/env bash
# Configures (once) and builds Knotwork in build/ with the default preset.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  cmake --preset default >/dev/null
fi
cmake --build --preset default
