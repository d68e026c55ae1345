# Sourced by the bench scripts that measure a server over a `kaiku generate`
# data set (bench-reports.sh, bench-feed.sh): generate (or reuse) the data
# set on SQLite and PostgreSQL, serve it on loopback, run the measuring
# Python script against it, and clean up.
#
# bench_generated NAME ANSWERS UNITS SCRIPT SQLITE_PORT POSTGRES_PORT "$@"
#   NAME      tag of the messages and temporary files ("bench-reports")
#   ANSWERS, UNITS  the data set (KAIKU_BENCH_ANSWERS / KAIKU_BENCH_UNITS win)
#   SCRIPT    Tests/system/… measuring script, called with URL and the server's PID
# Called with `--one LABEL PORT` (what it does itself per database), it runs
# one database from DATABASE_URL, or a SQLite file of its own when unset.
source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"

bench_generated() {
  local name=$1 answers=$2 units=$3 script=$4 sqlite_port=$5 postgres_port=$6
  shift 6
  local root=$PWD
  export KAIKU_ADMIN_EMAIL=${KAIKU_ADMIN_EMAIL:-bench-admin@example.org}
  export KAIKU_ADMIN_PASSWORD=${KAIKU_ADMIN_PASSWORD:-bench-Admin-password-1}
  export KAIKU_ENCRYPTION_KEY=${KAIKU_ENCRYPTION_KEY:-$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')}
  ANSWERS=${KAIKU_BENCH_ANSWERS:-$answers}
  UNITS=${KAIKU_BENCH_UNITS:-$units}
  if [[ "${1:-}" == --one ]]; then
    ONE_LABEL=$2 ONE_PORT=$3 bench_generated_one "$name" "$root/$script"
    exit $?
  fi
  export KAIKU_BIN=${KAIKU_BIN:-$root/.build/release/kaiku}
  if [[ ! -x "$KAIKU_BIN" ]]; then swift build -c release --product kaiku; fi
  bash scripts/setup-test-deps.sh >/dev/null
  echo "commit $(git rev-parse --short HEAD), $(nproc) cores, binary $KAIKU_BIN, $ANSWERS answers over $UNITS units"
  local rc=0 db
  for db in ${KAIKU_BENCH_DBS:-sqlite postgres}; do
    echo "== $db"
    case $db in
      sqlite) (unset DATABASE_URL; bash "$0" --one sqlite "$sqlite_port") || rc=1 ;;
      postgres) scripts/with-postgres.sh bash "$0" --one postgres "$postgres_port" || rc=1 ;;
    esac
  done
  exit $rc
}

# Runs in the `--one` child, for ONE_LABEL on ONE_PORT.
bench_generated_one() {
  local name=$1 script=$2
  LABEL=$ONE_LABEL PORT=$ONE_PORT URL=http://127.0.0.1:$ONE_PORT
  LOG=$(mktemp "${TMPDIR:-/tmp}/kaiku-$name-$LABEL.XXXXXX.log")
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
  local fresh
  if [[ -z "${DATABASE_URL:-}" ]]; then
    DATA_DIR=${KAIKU_BENCH_DATA_DIR:-}
    if [[ -z "$DATA_DIR" ]]; then TEMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kaiku-$name.XXXXXX"); DATA_DIR=$TEMP_DIR; fi
    mkdir -p "$DATA_DIR"
    export DATABASE_URL="sqlite://$DATA_DIR/kaiku.sqlite"
    [[ -f "$DATA_DIR/kaiku.sqlite" ]] && fresh=0 || fresh=1
  else
    [[ "${KAIKU_BENCH_GENERATED:-0}" == 1 ]] && fresh=0 || fresh=1
  fi
  if ((fresh)); then
    echo "[$name $LABEL] kaiku generate --answers $ANSWERS --units $UNITS"
    /usr/bin/time -f "[$name $LABEL] generated in %e s, peak RSS %M kB" \
      "$KAIKU_BIN" generate --answers "$ANSWERS" --units "$UNITS" >"$LOG" 2>&1 || { tail -n 20 "$LOG"; exit 1; }
    tail -n 1 "$LOG"
  else
    echo "[$name $LABEL] reusing $DATABASE_URL"
  fi
  "$KAIKU_BIN" serve --hostname 127.0.0.1 --port "$PORT" >>"$LOG" 2>&1 &
  server=$!
  bench_wait_ready "$name $LABEL" "$URL" "$server" || exit 1
  if [[ "$LABEL" == sqlite ]]; then echo "[$name $LABEL] database file $(du -h "${DATABASE_URL#sqlite://}" | cut -f1)"; fi
  KAIKU_BENCH_DATABASE=$LABEL python3 "$script" "$URL" "$server"
}
