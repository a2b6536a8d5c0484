#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and opens Knotwork on a practice file.
# Without an argument it uses the demo practice under the XDG data folder, creating it first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/knotwork"
practice="${1:-$data_dir/demo.knotwork}"
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
