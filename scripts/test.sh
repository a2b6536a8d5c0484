#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test (CTest). CI runs this.
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
