#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test (CTest), the benchmark suite on
# a small practice, then every test again under the sanitizers (scripts/sanitize.sh). CI runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
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
