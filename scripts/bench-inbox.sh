#!/usr/bin/env bash
# Inbox benchmark: the staff inbox for a handler with 10,000 open cases, on
# SQLite and on PostgreSQL. Prints figures (first request, requests/s, p50,
# p99, peak RSS); it is not a timed test. See Tests/system/bench_inbox.py.
#
#   scripts/bench-inbox.sh                      release build, both databases
#   KAIKU_BENCH_DBS=sqlite scripts/bench-inbox.sh
#
# Environment: KAIKU_BIN (default .build/release/kaiku; built if missing),
# KAIKU_BENCH_DBS ("sqlite postgres"), KAIKU_BENCH_CASES (10000),
# KAIKU_BENCH_DURATION (wrk, 10s).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
source "$ROOT/scripts/lib/bench-server.sh"
export KAIKU_ADMIN_EMAIL=${KAIKU_ADMIN_EMAIL:-ci-admin@example.org}
export KAIKU_ADMIN_PASSWORD=${KAIKU_ADMIN_PASSWORD:-ci-Admin-password-1}
export KAIKU_ENCRYPTION_KEY=${KAIKU_ENCRYPTION_KEY:-$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')}
# The benchmark opens its 10,000 cases from one address: the per-address limit
# (KAIKU_CASE_RATE_LIMIT, 20 a minute) is lifted to its highest, 100,000 a minute.
export KAIKU_CASE_RATE_LIMIT=${KAIKU_CASE_RATE_LIMIT:-100000}

if [[ "${1:-}" == --one ]]; then
  LABEL=$2 PORT=$3 URL=http://127.0.0.1:$3
  LOG=$(mktemp "${TMPDIR:-/tmp}/kaiku-bench-inbox-$LABEL.XXXXXX.log")
  server='' DATA_DIR=''
  cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$server" ]]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    [[ -z "$DATA_DIR" ]] || rm -rf "$DATA_DIR"
    ((rc == 0)) || tail -n 40 "$LOG" | sed 's/^/    | /'
    exit "$rc"
  }
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  if [[ -n "${DATABASE_URL:-}" ]]; then
    "$KAIKU_BIN" demo --port "$PORT" >"$LOG" 2>&1 &
  else
    DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kaiku-bench-inbox.XXXXXX")
    "$KAIKU_BIN" demo --data-dir "$DATA_DIR" --port "$PORT" >"$LOG" 2>&1 &
  fi
  server=$!
  bench_wait_ready "bench-inbox $LABEL" "$URL" "$server" || exit 1
  python3 "$ROOT/Tests/system/bench_inbox.py" "$URL" "$server"
  exit $?
fi

export KAIKU_BIN=${KAIKU_BIN:-$ROOT/.build/release/kaiku}
if [[ ! -x "$KAIKU_BIN" ]]; then swift build -c release --product kaiku; fi
bash scripts/setup-test-deps.sh >/dev/null
echo "commit $(git rev-parse --short HEAD), $(nproc) cores, binary $KAIKU_BIN"
rc=0
for db in ${KAIKU_BENCH_DBS:-sqlite postgres}; do
  echo "== $db"
  case $db in
    sqlite) (unset DATABASE_URL; bash "$0" --one sqlite 18095) || rc=1 ;;
    postgres) scripts/with-postgres.sh bash "$0" --one postgres 18096 || rc=1 ;;
  esac
done
exit $rc
