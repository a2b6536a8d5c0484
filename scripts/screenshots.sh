#!/usr/bin/env bash
# Starts Knotwork on the demo practice under Xvfb and saves a screenshot of the main window and
# each dialog into a folder (default: shots/), so anyone can look at the UI.
# Usage: scripts/screenshots.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-shots}")
mkdir -p "$out"
[ -x build/app/gui/knotwork ] || scripts/build.sh

if [ -z "${KNOTWORK_IN_XVFB:-}" ]; then
  export KNOTWORK_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$out"
fi

home=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; rm -rf "$home"' EXIT
export HOME=$home XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config
mkdir -p "$XDG_DATA_HOME/knotwork"
build/app/cli/knotwork-cli demo "$XDG_DATA_HOME/knotwork/demo.knotwork" --clients 40 --seed 1 --quiet

shot() { sleep "${2:-1.2}"; import -window root "$out/$1.png"; echo "  $out/$1.png"; }
keys() { xdotool key --delay 80 "$@"; }

build/app/gui/knotwork --demo --client 2 &
app=$!
xdotool search --sync --onlyvisible --class knotwork >/dev/null
shot main 2
keys alt+2; shot chart-assessments 0.8
keys alt+3; shot chart-plans 0.8
keys alt+4; shot chart-sessions 0.8
keys alt+5; shot chart-reports 0.8
keys alt+r; shot reports-menu 0.8; keys u; shot page-setup 2; keys Escape
keys ctrl+t; shot today 0.8
keys ctrl+n; shot intake; keys Escape
keys ctrl+shift+a; shot assessment; keys Escape
keys ctrl+shift+p; shot plan; keys Escape
keys ctrl+shift+o; shot session-note; keys Escape
keys ctrl+shift+f; xdotool type --delay 60 "piriformis"; shot note-search; keys Escape
keys ctrl+comma; shot preferences; keys Escape
# A correction to the client's profile, then the client's history showing it, old and new.
keys ctrl+e; sleep 1.2; keys Tab Tab; xdotool type --delay 60 "Bao"; keys Return; sleep 1
keys ctrl+shift+h; shot client-history; keys Down; shot client-history-details 0.8; keys Escape
keys ctrl+d; shot schedule; keys ctrl+w
# File > Export, then the calendar's options.
keys alt+f e; shot export-menu 0.8; keys c; shot calendar-export; keys Escape
# File > Connect to Clinic Server, then the answer for a server that is not there.
keys alt+f s; shot connect-server
xdotool type --delay 40 "127.0.0.1"; keys Tab; xdotool type --delay 40 "1"; keys Tab
xdotool type --delay 40 "practice"; keys Tab; xdotool type --delay 40 "desk_sam"
keys Return; shot connect-server-refused 1.5; keys Escape
kill $app; wait $app 2>/dev/null || true

# A front-desk account on a clinic server, when KNOTWORK_TEST_PG_URL names one (trusting local
# accounts, as scripts/pg-test-cluster.sh sets it up): the demo practice in a schema of its own,
# removed afterwards with the account.
if [ -n "${KNOTWORK_TEST_PG_URL:-}" ] && command -v psql >/dev/null; then
  schema=knotwork_shots_$$
  desk=desk_sam_$$
  case "$KNOTWORK_TEST_PG_URL" in *\?*) sep='&' ;; *) sep='?' ;; esac
  owner_url="$KNOTWORK_TEST_PG_URL${sep}options=-c%20search_path%3D$schema"
  desk_url=$(echo "$owner_url" | sed -E "s#^(postgres(ql)?://)([^@/]*@)?#\1$desk@#")
  cleanup_server() {
    psql -q "$KNOTWORK_TEST_PG_URL" -c "DROP SCHEMA IF EXISTS $schema CASCADE" \
      -c "DROP OWNED BY $desk" -c "DROP ROLE IF EXISTS $desk" >/dev/null 2>&1 || true
  }
  trap 'kill $app 2>/dev/null || true; cleanup_server; rm -rf "$home"' EXIT
  psql -q "$KNOTWORK_TEST_PG_URL" -c "CREATE SCHEMA $schema"
  build/app/cli/knotwork-cli demo "$owner_url" --clients 40 --seed 1 --quiet
  psql -q "$KNOTWORK_TEST_PG_URL" -c "CREATE ROLE $desk LOGIN IN ROLE knotwork_front_desk"
  build/app/gui/knotwork "$desk_url" --client 2 &
  app=$!
  xdotool search --sync --onlyvisible --class knotwork >/dev/null
  shot front-desk-main 2
  keys alt+2; shot front-desk-assessments 0.8
  keys ctrl+t; shot front-desk-today 0.8
  keys ctrl+d; shot front-desk-schedule
  kill $app; wait $app 2>/dev/null || true
fi
echo "Screenshots in $out"
