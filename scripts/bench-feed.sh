#!/usr/bin/env bash
# Feedback feed benchmark: GET /api/v1/feedback over a generated data set
# (default a million answers over 50 units, a fifth of them with open text,
# classified as they are made), on SQLite and PostgreSQL, over loopback.
# Prints figures (generation time, then first/p50/p99 per typical filter and
# the server's peak RSS); it is not a timed test. See Tests/system/bench_feed.py.
#
#   scripts/bench-feed.sh                            release build, both databases
#   KAIKU_BENCH_DBS=sqlite KAIKU_BIN=.build/debug/kaiku scripts/bench-feed.sh
#   KAIKU_BENCH_DATA_DIR=/var/tmp/k1m scripts/bench-feed.sh
#       keeps the SQLite data set there and reuses it on the next run
#
# Environment: KAIKU_BIN (default .build/release/kaiku; built if missing),
# KAIKU_BENCH_DBS ("sqlite postgres"), KAIKU_BENCH_ANSWERS (1000000),
# KAIKU_BENCH_UNITS (50), KAIKU_BENCH_REQUESTS (200 per filter),
# KAIKU_BENCH_GENERATED=1 with DATABASE_URL: that database already holds a
# generated data set (run `--one LABEL PORT` directly).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
source "$ROOT/scripts/lib/bench-server.sh"
export KAIKU_ADMIN_EMAIL=${KAIKU_ADMIN_EMAIL:-bench-admin@example.org}
export KAIKU_ADMIN_PASSWORD=${KAIKU_ADMIN_PASSWORD:-bench-Admin-password-1}
export KAIKU_ENCRYPTION_KEY=${KAIKU_ENCRYPTION_KEY:-$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')}
ANSWERS=${KAIKU_BENCH_ANSWERS:-1000000}
UNITS=${KAIKU_BENCH_UNITS:-50}

if [[ "${1:-}" == --one ]]; then
  LABEL=$2 PORT=$3 URL=http://127.0.0.1:$3
  LOG=$(mktemp "${TMPDIR:-/tmp}/kaiku-bench-feed-$LABEL.XXXXXX.log")
  server='' TEMP_DIR=''
  cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$server" ]]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    [[ -z "$TEMP_DIR" ]] || rm -rf "$TEMP_DIR"
    ((rc == 0)) || tail -n 40 "$LOG" | sed 's/^/    | /'
    exit "$rc"
  }
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  if [[ -z "${DATABASE_URL:-}" ]]; then
    DATA_DIR=${KAIKU_BENCH_DATA_DIR:-}
    if [[ -z "$DATA_DIR" ]]; then TEMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kaiku-bench-feed.XXXXXX"); DATA_DIR=$TEMP_DIR; fi
    mkdir -p "$DATA_DIR"
    export DATABASE_URL="sqlite://$DATA_DIR/kaiku.sqlite"
    [[ -f "$DATA_DIR/kaiku.sqlite" ]] && fresh=0 || fresh=1
  else
    [[ "${KAIKU_BENCH_GENERATED:-0}" == 1 ]] && fresh=0 || fresh=1
  fi
  if ((fresh)); then
    echo "[bench-feed $LABEL] kaiku generate --answers $ANSWERS --units $UNITS"
    /usr/bin/time -f "[bench-feed $LABEL] generated in %e s, peak RSS %M kB" \
      "$KAIKU_BIN" generate --answers "$ANSWERS" --units "$UNITS" >"$LOG" 2>&1 || { tail -n 20 "$LOG"; exit 1; }
    tail -n 1 "$LOG"
  else
    echo "[bench-feed $LABEL] reusing $DATABASE_URL"
  fi
  "$KAIKU_BIN" serve --hostname 127.0.0.1 --port "$PORT" >>"$LOG" 2>&1 &
  server=$!
  bench_wait_ready "bench-feed $LABEL" "$URL" "$server" || exit 1
  if [[ "$LABEL" == sqlite ]]; then echo "[bench-feed $LABEL] database file $(du -h "${DATABASE_URL#sqlite://}" | cut -f1)"; fi
  python3 "$ROOT/Tests/system/bench_feed.py" "$URL" "$server"
  exit $?
fi

export KAIKU_BIN=${KAIKU_BIN:-$ROOT/.build/release/kaiku}
if [[ ! -x "$KAIKU_BIN" ]]; then swift build -c release --product kaiku; fi
bash scripts/setup-test-deps.sh >/dev/null
echo "commit $(git rev-parse --short HEAD), $(nproc) cores, binary $KAIKU_BIN, $ANSWERS answers over $UNITS units"
rc=0
for db in ${KAIKU_BENCH_DBS:-sqlite postgres}; do
  echo "== $db"
  case $db in
    sqlite) (unset DATABASE_URL; bash "$0" --one sqlite 18093) || rc=1 ;;
    postgres) scripts/with-postgres.sh bash "$0" --one postgres 18094 || rc=1 ;;
  esac
done
exit $rc
