#!/usr/bin/env bash
# Renders installer/windows/knotwork.ico (16 to 256 px) from the SVG icon. The Windows installer
# uses the committed .ico, since a Windows build machine has no rsvg-convert; run this again
# after changing the SVG. Needs rsvg-convert (librsvg2-bin) and ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pngs=()
for size in 16 24 32 48 64 128 256; do
  rsvg-convert --width=$size --height=$size --output="$work/$size.png" icons/org.knotwork.Knotwork.svg
  pngs+=("$work/$size.png")
done
convert "${pngs[@]}" windows/knotwork.ico
echo "Wrote installer/windows/knotwork.ico"
