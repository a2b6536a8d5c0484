#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test (CTest) on SQLite and on a
# throwaway PostgreSQL server, the benchmark suite on a small practice, every test again under the
# sanitizers (scripts/sanitize.sh), and builds, installs, runs and removes the Debian package
# (scripts/package.sh). CI runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
# ccache can then reuse the compilations that include the desktop program's precompiled header.
export CCACHE_SLOPPINESS="pch_defines,time_macros"
scripts/install-deps.sh
scripts/build.sh

# A throwaway PostgreSQL cluster for the clinic-server tests, unless one is given.
if [ -z "${KNOTWORK_TEST_PG_URL:-}" ] && command -v pg_ctlcluster >/dev/null 2>&1; then
  eval "$(scripts/pg-test-cluster.sh start)"
  trap 'scripts/pg-test-cluster.sh stop' EXIT
fi

ctest --preset default --output-on-failure -j2

# The benchmark suite once on a small practice: proves it still runs; its timings mean nothing
# here (scripts/bench.sh without --small measures the large practice).
scripts/bench.sh --small

# The same tests again under AddressSanitizer and UndefinedBehaviorSanitizer, with the fuzz
# smoke runs (clang; see scripts/sanitize.sh).
scripts/sanitize.sh

# The Debian package of the programs tested above: made, checked with lintian and the
# desktop/AppStream validators, installed with apt-get, run from /usr/bin and purged
# (scripts/package.sh without --from-build makes the hardened Release build for a release).
# Installing needs root (CI runs as root) or sudo without a password; otherwise this step says it
# was skipped.
if [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; then
  scripts/package.sh --from-build build
else
  echo "Debian package check skipped: installing it needs root (run scripts/package.sh with sudo)."
fi
