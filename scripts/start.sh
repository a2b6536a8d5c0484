#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and starts Knotwork.
#   scripts/start.sh            the desktop app; the first start offers a new practice or the demo
#   scripts/start.sh FILE       the desktop app on that practice file
# Without a display it prints the practice's summary and today's schedule instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec build/app/gui/knotwork "$@"
fi

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/knotwork"
practice="${1:-$data_dir/demo.knotwork}"
echo "No display: showing the practice from the command line instead."
if [ ! -e "$practice" ]; then
  mkdir -p "$(dirname "$practice")"
  echo "No practice file at $practice yet: creating the demo practice."
  build/app/cli/knotwork-cli demo "$practice" --clients 40 --seed 1
fi
build/app/cli/knotwork-cli check "$practice"
echo
build/app/cli/knotwork-cli schedule "$practice"
echo
echo "Clients in $practice (first 15):"
build/app/cli/knotwork-cli clients "$practice" --limit 15
