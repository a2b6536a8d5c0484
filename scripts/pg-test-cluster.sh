#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL cluster owned by the postgres user, for tests.
# `eval "$(scripts/pg-test-cluster.sh start)"` exports KNOTWORK_TEST_PG_URL.
set -euo pipefail
dir=/tmp/knotwork-pg-test
port=55432
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
case "${1:-}" in
  start)
    as_postgres "$bin/pg_ctl" -D "$dir" stop -m immediate >/dev/null 2>&1 || true
    rm -rf "$dir"
    mkdir -p "$dir" && chown postgres "$dir" 2>/dev/null || true
    # UTF-8 whatever the calling shell's locale: practice text is UTF-8, and the server folds case
    # and accents only with a UTF-8 character type.
    as_postgres "$bin/initdb" -D "$dir" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$bin/pg_ctl" -D "$dir" -w -l "$dir/log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
    as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres knotwork_test
    echo "export KNOTWORK_TEST_PG_URL='postgresql://postgres@127.0.0.1:$port/knotwork_test'"
    ;;
  stop)
    as_postgres "$bin/pg_ctl" -D "$dir" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
