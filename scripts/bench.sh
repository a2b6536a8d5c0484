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
  times=() memory=()
  for _ in $(seq "$starts"); do
    rm -rf "${home:?}"/* && mkdir -p "$home/.config" "$home/.local/share"
    # Prints the milliseconds, then the peak resident kilobytes (GNU time).
    read -r ms kb < <(HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
         xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
           start=$(date +%s%N)
           /usr/bin/time -f %M -o "$3" "$1" --quit-when-ready "$2" 2>/dev/null
           echo $(( ($(date +%s%N) - start) / 1000000 )) $(tail -1 "$3")' _ \
         "$PWD/build/app/gui/knotwork" "$PWD/$file" "$home/rss")
    times+=("$ms") memory+=("$kb")
  done
  median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
  ms=$(median "${times[@]}")
  mb=$(( $(median "${memory[@]}") / 1024 ))
  if [ ${#markdown[@]} -gt 0 ]; then
    echo "| desktop cold start | $ms ms | | | 1000 ms | $([ "$ms" -le 1000 ] && echo yes || echo '**no**') | process start to a filled main window, median of $starts |"
    echo "| desktop peak memory | $mb MB | | | 200 MB | $([ "$mb" -le 200 ] && echo yes || echo '**no**') | resident, the desktop with the practice open on its first screen |"
  else
    printf '%-34s %7s ms %21s %6s ms  %s\n' "desktop cold start" "$ms" "" "1000" "$([ "$ms" -le 1000 ] || echo MISSED)"
    printf '%-34s %s\n' "" "process start to a filled main window under Xvfb, median of $starts: ${times[*]} ms"
    printf '%-34s %7s MB %21s %6s MB  %s\n' "desktop peak memory" "$mb" "" "200" "$([ "$mb" -le 200 ] || echo MISSED)"
    printf '%-34s %s\n' "" "resident, the desktop with the practice open on its first screen"
  fi
else
  echo "desktop cold start: not measured (xvfb-run not installed)"
fi
