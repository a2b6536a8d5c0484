#!/usr/bin/env bash
# The benchmark suite in one command: builds Knotwork, makes the large demo practice once
# (20,000 clients, twenty years; kept in bench-data/ and reused), runs knotwork-bench on it, and
# times the desktop app's cold start to a usable main window under Xvfb.
# Usage: scripts/bench.sh [--small] [--markdown]
#   --small     a 200-client practice and few runs: proves the suite works (CI), measures nothing
#   --markdown  print the table as Markdown, as docs/PERFORMANCE.md shows it
set -euo pipefail
cd "$(dirname "$0")/.."

clients=20000 years=20 runs=15 starts=7 markdown=()
for arg in "$@"; do
  case "$arg" in
    --small) clients=200 years=3 runs=3 starts=2 ;;
    --markdown) markdown=(--markdown) ;;
    *) echo "usage: scripts/bench.sh [--small] [--markdown]" >&2; exit 2 ;;
  esac
done

scripts/build.sh >/dev/null
# A fixed "today" and seed: the same practice, and the same subjects measured, on every machine.
today=2026-11-02
data=bench-data
file=$data/practice-$clients.knotwork
mkdir -p "$data"
if [ ! -f "$file" ]; then
  echo "Writing the demo practice ($clients clients, $years years) to $file ..."
  build/app/cli/knotwork-cli demo "$file.part" --clients "$clients" --years "$years" --seed 7 --today "$today" --quiet
  build/app/cli/knotwork-cli check "$file.part" >/dev/null
  mv "$file.part" "$file"
  rm -f "$file.part-wal" "$file.part-shm"
fi

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
build/bench/knotwork-bench "$file" --runs "$runs" --today "$today" "${markdown[@]}"

# Cold start: process start to the first idle after the main window shows its data. Each run in
# a fresh home folder (no preferences, no window geometry); the practice is in the page cache.
if command -v xvfb-run >/dev/null; then
  home=$(mktemp -d)
  trap 'rm -rf "$home"' EXIT
  times=()
  for _ in $(seq "$starts"); do
    rm -rf "${home:?}"/* && mkdir -p "$home/.config" "$home/.local/share"
    ms=$(HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
         xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
           start=$(date +%s%N)
           "$1" --quit-when-ready "$2" 2>/dev/null
           echo $(( ($(date +%s%N) - start) / 1000000 ))' _ "$PWD/build/app/gui/knotwork" "$PWD/$file")
    times+=("$ms")
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(printf '%s\n' "$sorted" | sed -n "$(( (${#times[@]} + 1) / 2 ))p")
  if [ ${#markdown[@]} -gt 0 ]; then
    echo "| desktop cold start | $median ms | | | 1000 ms | $([ "$median" -le 1000 ] && echo yes || echo '**no**') | process start to a filled main window, median of $starts |"
  else
    printf '%-34s %7s ms %21s %6s ms  %s\n' "desktop cold start" "$median" "" "1000" "$([ "$median" -le 1000 ] || echo MISSED)"
    printf '%-34s %s\n' "" "process start to a filled main window under Xvfb, median of $starts: ${times[*]} ms"
  fi
else
  echo "desktop cold start: not measured (xvfb-run not installed)"
fi
