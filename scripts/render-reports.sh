#!/usr/bin/env bash
# Builds the demo practice and renders progress reports from it to PDF, and every page to PNG
# (pdftoppm -r 60), so anyone can look at what leaves the practice. The reports are chosen for what
# they show: diacritics, CJK, Hebrew and Arabic names; a discharge, a discontinued plan, a client
# early in treatment, a red-flag referral with no treatment at all, an unsigned note left out; A4
# and US Letter; a date range; a 120-session history over many pages; a 50,000-character comment;
# and the batch for every client with an active plan (PDF only).
# Usage: scripts/render-reports.sh [OUT_DIR]   (default: out/reports)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-out/reports}")
mkdir -p "$out"
rm -rf "$out"/*.pdf "$out"/*.png "$out/batch"

cli=build/app/cli/knotwork-cli
bench=build/bench/knotwork-report-bench
if [ ! -x "$cli" ] || [ ! -x "$bench" ]; then
  [ -f build/build.ninja ] || cmake --preset default >/dev/null
  cmake --build --preset default --target knotwork-cli knotwork-report-bench
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
practice="$work/demo.knotwork"
today=2026-03-04
"$cli" demo "$practice" --clients 40 --seed 1 --today "$today" --quiet >/dev/null

report() { # NAME ARGS...
  local name=$1
  shift
  "$cli" report "$practice" --date "$today" --out "$out/$name.pdf" "$@" >/dev/null
}

report 02-discharge-vietnamese --client 2
report 37-cjk-letter --client 37 --paper letter
report 28-hebrew-early --client 28
report 07-arabic-discontinued --client 7
report 40-red-flag-no-treatment --client 40
report 01-greek-unsigned-left-out --client 1 --comment "Responding well; the unsigned note of the last session will follow." \
  --adherence "Stretches most days; kept the pain journal for the first three weeks."
report 25-letter --client 25 --paper letter --recommend modify --comment "Plateau after eight sessions: adding home exercise and moving to fortnightly visits."
report 25-whole-history --client 25 --from 2023-01-01 --to "$today"
long_comment=$(printf 'The client reports steady progress at work and at home, sleeps better and sits through meetings. %.0s' $(seq 1 520))
report 02-long-comment --client 2 --comment "$long_comment"
"$bench" --sessions 120 --runs 1 --out "$out/long-120-sessions.pdf" >/dev/null
"$bench" --sessions 120 --runs 1 --paper letter --out "$out/long-120-sessions-letter.pdf" >/dev/null
"$cli" report "$practice" --all-active --out-dir "$out/batch" --date "$today" >/dev/null

for pdf in "$out"/*.pdf; do
  pdftoppm -r 60 -png "$pdf" "${pdf%.pdf}"
  printf '  %-40s %s pages\n' "$(basename "$pdf")" "$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
done
echo "  batch/: $(find "$out/batch" -name '*.pdf' | wc -l) reports, one per client with an active plan"
echo "Reports and their pages (PNG) in $out"
