#!/usr/bin/env bash
# Export benchmark: streams the answer and national exports of a generated
# organisation over HTTP and prints rows/s and the server's peak RSS (VmHWM).
# Prints figures; it is not a timed test.
#
#   scripts/bench-export.sh                         1,000,000 answers, release build, SQLite
#   KAIKU_BENCH_ANSWERS=200000 KAIKU_BIN=.build/debug/kaiku scripts/bench-export.sh
#   KAIKU_BENCH_DBS="sqlite postgres" scripts/bench-export.sh
#
# Environment: KAIKU_BIN (default .build/release/kaiku; built if missing),
# KAIKU_BENCH_ANSWERS (1000000), KAIKU_BENCH_UNITS (500), KAIKU_BENCH_DBS (sqlite),
# KAIKU_BENCH_DATA_DIR (SQLite: generate there once and reuse it afterwards;
# the encryption key must then be the same KAIKU_ENCRYPTION_KEY each run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
source "$ROOT/scripts/lib/bench-server.sh"
export KAIKU_ADMIN_EMAIL=${KAIKU_ADMIN_EMAIL:-bench-admin@example.org}
export KAIKU_ADMIN_PASSWORD=${KAIKU_ADMIN_PASSWORD:-bench-Admin-password-1}
export KAIKU_ENCRYPTION_KEY=${KAIKU_ENCRYPTION_KEY:-$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')}
ANSWERS=${KAIKU_BENCH_ANSWERS:-1000000}
UNITS=${KAIKU_BENCH_UNITS:-500}

if [[ "${1:-}" == --one ]]; then
  LABEL=$2 PORT=$3 URL=http://127.0.0.1:$3
  LOG=$(mktemp "${TMPDIR:-/tmp}/kaiku-bench-export-$LABEL.XXXXXX.log")
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
  where=()
  if [[ -z "${DATABASE_URL:-}" && -n "${KAIKU_BENCH_DATA_DIR:-}" ]]; then
    where=(--data-dir "$KAIKU_BENCH_DATA_DIR")
  elif [[ -z "${DATABASE_URL:-}" ]]; then
    DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kaiku-bench-export.XXXXXX")
    where=(--data-dir "$DATA_DIR")
  fi
  if [[ -n "${KAIKU_BENCH_DATA_DIR:-}" && -f "$KAIKU_BENCH_DATA_DIR/kaiku.sqlite" ]]; then
    echo "[bench-export $LABEL] reusing the data set in $KAIKU_BENCH_DATA_DIR"
  else
    "$KAIKU_BIN" generate --answers "$ANSWERS" --units "$UNITS" "${where[@]}" 2>>"$LOG" | sed "s/^/[bench-export $LABEL] /"
  fi
  "$KAIKU_BIN" serve --hostname 127.0.0.1 --port "$PORT" "${where[@]}" >>"$LOG" 2>&1 &
  server=$!
  bench_wait_ready "bench-export $LABEL" "$URL" "$server" || exit 1
  TOKEN=$(bench_admin_token "$URL")
  rss() { awk '/^VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$server/status"; }
  echo "[bench-export $LABEL] server ready, peak RSS so far $(rss)"
  PERIOD="from=$(date -d '-400 days' +%F)&to=$(date -d '+1 day' +%F)"
  for export in answers.csv answers.json national.csv national.json; do
    start=$(date +%s.%N)
    lines=$(curl -sS --fail -H "Authorization: Bearer $TOKEN" "$URL/api/v1/exports/$export?$PERIOD" | wc -l)
    end=$(date +%s.%N)
    # Header and closing bracket lines are not rows; generated open texts have no line breaks, so none inside fields.
    python3 - "$LABEL" "$export" "$lines" "$start" "$end" "$(rss)" <<'PY'
import sys
label, export, lines, start, end, rss = sys.argv[1:]
rows = int(lines) - (2 if export.endswith(".json") else 1)
seconds = float(end) - float(start)
print(f"[bench-export {label}] {export}: {rows} rows in {seconds:.2f} s = {rows / seconds:,.0f} rows/s; server peak RSS {rss}")
PY
  done
  exit 0
fi

export KAIKU_BIN=${KAIKU_BIN:-$ROOT/.build/release/kaiku}
if [[ ! -x "$KAIKU_BIN" ]]; then swift build -c release --product kaiku; fi
echo "commit $(git rev-parse --short HEAD), $(nproc) cores, binary $KAIKU_BIN, $ANSWERS answers over $UNITS units"
rc=0
for db in ${KAIKU_BENCH_DBS:-sqlite}; do
  echo "== $db"
  case $db in
    sqlite) (unset DATABASE_URL; bash "$0" --one sqlite 18097) || rc=1 ;;
    postgres) scripts/with-postgres.sh bash "$0" --one postgres 18098 || rc=1 ;;
  esac
done
exit $rc
