#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh CMD [ARGS...]
#
# Creates a throwaway PostgreSQL 15 cluster in a temporary directory (trust
# auth, loopback only, its own socket directory), creates the database
# kaiku_test, exports
#   DATABASE_URL=postgres://postgres@127.0.0.1:PORT/kaiku_test?sslmode=disable
# (also KAIKU_PG_URL, and PGHOST/PGPORT/PGUSER/PGDATABASE for psql), runs CMD,
# then stops the cluster and removes it, whatever happened. Exits with CMD's
# exit code.
#
# Environment:
#   KAIKU_PG_PORT   first port to try (default 54329); the next free one is used
#   KAIKU_PG_FAST=1 fsync=off, synchronous_commit=off, full_page_writes=off,
#                   max_connections=300 (parallel test suites):
#                   for tests; leave unset for benchmarks
#   KAIKU_PG_KEEP=1 keep the cluster's directory (its log is DIR/postgres.log)
set -euo pipefail

if (($# == 0)); then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

PGBIN=${KAIKU_PG_BIN:-/usr/lib/postgresql/15/bin}
if [[ ! -x "$PGBIN/initdb" ]]; then
  echo "with-postgres: $PGBIN/initdb not found (run scripts/setup-test-deps.sh)" >&2
  exit 2
fi

log() { printf 'with-postgres: %s\n' "$*" >&2; }

# Run a PostgreSQL tool as the postgres user when we are root (initdb refuses
# to run as root), as ourselves otherwise. cd into the cluster directory so
# that the postgres user never needs access to the caller's working directory.
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then
    (cd "$PGDIR" && runuser -u postgres -- "$@")
  else
    (cd "$PGDIR" && "$@")
  fi
}

port_in_use() {
  # Something listens on 127.0.0.1:$1 (bash's /dev/tcp connect succeeds).
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

PORT=${KAIKU_PG_PORT:-54329}
for ((i = 0; i < 100; i++)); do
  port_in_use "$PORT" || break
  PORT=$((PORT + 1))
done
if port_in_use "$PORT"; then
  log "no free port found from ${KAIKU_PG_PORT:-54329}"
  exit 2
fi

PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/kaiku-pg.XXXXXX")
chmod 0755 "$PGDIR"
if [[ "$(id -u)" == 0 ]]; then
  chown postgres:postgres "$PGDIR"
fi

started=0
child=
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if ((started)); then
    as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
  fi
  if [[ "${KAIKU_PG_KEEP:-}" == 1 ]]; then
    log "kept $PGDIR"
  else
    rm -rf "$PGDIR"
  fi
  exit "$rc"
}
# On INT/TERM: stop CMD first (TERM: a background job ignores INT), then clean up.
on_signal() {
  if [[ -n "$child" ]]; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  exit "$1"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

if ! as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$PGDIR/initdb.log" 2>&1; then
  cat "$PGDIR/initdb.log" >&2
  log "initdb failed"
  exit 2
fi

opts="-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1"
if [[ "${KAIKU_PG_FAST:-}" == 1 ]]; then
  opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
fi
started=1
if ! as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -o "$opts" -l "$PGDIR/postgres.log" -w -t 60 start >/dev/null; then
  tail -n 30 "$PGDIR/postgres.log" >&2 || true
  log "pg_ctl start failed"
  exit 2
fi

if ! as_pg "$PGBIN/createdb" -h "$PGDIR" -p "$PORT" -U postgres kaiku_test; then
  log "createdb failed"
  exit 2
fi

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/kaiku_test?sslmode=disable"
export KAIKU_PG_URL=$DATABASE_URL
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres PGDATABASE=kaiku_test
log "PostgreSQL $("$PGBIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$PORT (data $PGDIR/data)"

# CMD runs as a job so that a signal reaches our trap at once; <&0 keeps
# its standard input (a job's would be /dev/null).
set +e
"$@" <&0 &
child=$!
wait "$child"
rc=$?
set -e
exit "$rc"
