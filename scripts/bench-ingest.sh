#!/usr/bin/env bash
# Ingest benchmark: how many feedback submissions per second the release build
# takes on this machine, on SQLite and on PostgreSQL, and whether every
# acknowledged one was stored. It prints figures; it is not a timed test (it
# fails only when the server misbehaves: no start, lost or phantom answers).
#
#   scripts/bench-ingest.sh                 build release, run both
#   KAIKU_BENCH_DBS=sqlite scripts/bench-ingest.sh
#
# For each database: starts `.build/release/kaiku demo` (SQLite in a temp data
# dir on port 18090; PostgreSQL through scripts/with-postgres.sh, durable
# settings, port 18091), runs
#   wrk -t2 -c64 -d20s --latency -s Tests/system/ingest.lua
# (POST /api/v1/responses, {"target", "channel": "web", "language": "fi",
# "answers": {"nps": 0..10, and every 1..5 statement of the target's survey
# (GET /api/v1/targets/T/survey): 1..5, or null for "cannot say"}}), prints requests/s, p50, p99, the non-2xx count
# and the server's peak RSS (VmHWM of a second start on the seeded data, so
# that the demo's seeding is not counted as serving), and checks that the number of stored
# responses (GET /api/v1/reports/summary?unit=ROOT, field n) grew by the number
# of 201s.
#
# Environment:
#   KAIKU_BIN              server binary (default .build/release/kaiku; set it to skip the build)
#   KAIKU_BENCH_DBS        "sqlite postgres" (default) or one of them
#   KAIKU_BENCH_DURATION   wrk duration (default 20s)
#   KAIKU_BENCH_CONNECTIONS, KAIKU_BENCH_THREADS   (default 64, 2)
#   KAIKU_BENCH_KILL_AFTER  seconds: SQLite only, kill -9 the server that long into
#                          the load, serve the same database again and check that
#                          every acknowledged answer is stored
#   KAIKU_ADMIN_EMAIL/_PASSWORD   (default ci-admin@example.org / ci-Admin-password-1)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
source "$ROOT/scripts/lib/bench-server.sh"
export KAIKU_ADMIN_EMAIL=${KAIKU_ADMIN_EMAIL:-ci-admin@example.org}
export KAIKU_ADMIN_PASSWORD=${KAIKU_ADMIN_PASSWORD:-ci-Admin-password-1}
# Kaiku refuses PostgreSQL without a key for contact details at rest; a
# throwaway one per run is right for throwaway databases.
export KAIKU_ENCRYPTION_KEY=${KAIKU_ENCRYPTION_KEY:-$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')}

# ----------------------------------------------------------------------------
# One run against one database: bench-ingest.sh --one LABEL PORT
# (on PostgreSQL when DATABASE_URL is set).
if [[ "${1:-}" == --one ]]; then
  LABEL=$2 PORT=$3
  URL=http://127.0.0.1:$PORT
  BIN=${KAIKU_BIN:?}
  LOG_DIR=${KAIKU_LOG_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/kaiku-bench.XXXXXX")}
  LOG=$LOG_DIR/server-$LABEL.log
  say() { printf '[bench %s] %s\n' "$LABEL" "$*"; }

  server='' DATA_DIR=''
  cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
      kill -TERM "$server" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$server" 2>/dev/null || true
      wait "$server" 2>/dev/null || true
    fi
    if [[ -n "$DATA_DIR" ]]; then rm -rf "$DATA_DIR"; fi
    if ((rc != 0)); then
      say "server log ($LOG), last lines:"
      tail -n 40 "$LOG" 2>/dev/null | sed 's/^/    | /' || true
    fi
    exit "$rc"
  }
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    say "port $PORT is in use"; exit 1
  fi
  if [[ -n "${DATABASE_URL:-}" ]]; then
    say "starting $BIN demo --port $PORT on ${DATABASE_URL%%\?*}"
    "$BIN" demo --port "$PORT" >"$LOG" 2>&1 &
  else
    DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kaiku-bench-$LABEL.XXXXXX")
    say "starting $BIN demo --data-dir $DATA_DIR --port $PORT (SQLite)"
    "$BIN" demo --data-dir "$DATA_DIR" --port "$PORT" >"$LOG" 2>&1 &
  fi
  server=$!
  bench_wait_ready "bench-ingest $LABEL" "$URL" "$server" "${KAIKU_READY_TIMEOUT:-180}" || exit 1
  # The demo's first start seeds a year of answers, which costs memory that
  # serving does not: the measured server is a second start on the same
  # data, so its peak RSS is that of serving (the seeding's is printed too).
  seeding_rss=$(awk '/^VmHWM/ {print $2 " " $3}' "/proc/$server/status" 2>/dev/null || echo "?")
  kill -TERM "$server"; wait "$server" 2>/dev/null || true
  say "seeded (peak RSS of the seeding start: $seeding_rss); starting again on the same data"
  if [[ -n "$DATA_DIR" ]]; then
    "$BIN" demo --data-dir "$DATA_DIR" --port "$PORT" >>"$LOG" 2>&1 &
  else
    "$BIN" demo --port "$PORT" >>"$LOG" 2>&1 &
  fi
  server=$!
  bench_wait_ready "bench-ingest $LABEL" "$URL" "$server" "${KAIKU_READY_TIMEOUT:-180}" || exit 1

  # api.py: the small JSON calls (sign in, target, root unit, stored count).
  api() {
    python3 - "$URL" "$@" <<'EOF'
import datetime, json, os, sys, time, urllib.parse, urllib.request
base, cmd = sys.argv[1], sys.argv[2]
def call(method, path, body=None, token=None):
    h = {"Accept": "application/json"}
    data = None
    if body is not None:
        data, h["Content-Type"] = json.dumps(body).encode(), "application/json"
    if token:
        h["Authorization"] = "Bearer " + token
    req = urllib.request.Request(base + path, data=data, headers=h, method=method)
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)
if cmd == "token":
    print(call("POST", "/api/v1/auth/token",
               {"email": os.environ["KAIKU_ADMIN_EMAIL"], "password": os.environ["KAIKU_ADMIN_PASSWORD"]})["token"])
elif cmd == "target":
    print(call("GET", "/api/v1/targets?lang=fi")[0]["code"])
elif cmd == "statements":
    # A full answer, as customers send it: every 1..5 statement of the target's survey.
    questions = call("GET", "/api/v1/targets/" + urllib.parse.quote(sys.argv[3]) + "/survey?lang=fi")["questions"]
    ids = [q["id"] for q in questions if q["type"] == "scale1to5"]
    if not ids:
        sys.exit("the target's survey has no 1..5 statements")
    print(",".join(ids))
elif cmd == "root":
    roots = [u["code"] for u in call("GET", "/api/v1/units", token=os.environ["TOKEN"]) if u.get("parent") is None]
    if not roots:
        sys.exit("no unit with parent null in GET /api/v1/units")
    print(roots[0])
elif cmd == "count":
    # n of the whole organisation; polled until it stops changing (and, when
    # given, reaches at least the expected value), since reports may be served
    # from rollups that are brought up to date a moment later.
    at_least = int(sys.argv[3]) if len(sys.argv) > 3 else None
    # The API takes periods of at most ten years; the demo's answers and the benchmark's all fall in the last two.
    today = datetime.date.today()
    q = urllib.parse.urlencode({"unit": os.environ["ROOT_UNIT"], "from": str(today - datetime.timedelta(days=3 * 365)),
                                "to": str(today + datetime.timedelta(days=1))})
    last, deadline = None, time.monotonic() + 60
    while True:
        n = call("GET", "/api/v1/reports/summary?" + q, token=os.environ["TOKEN"])["n"]
        if n == last and (at_least is None or n >= at_least):
            break
        if time.monotonic() > deadline:
            break
        last = n
        time.sleep(1)
    print(n)
EOF
  }
  TOKEN=$(api token) && export TOKEN
  TARGET=$(api target)
  STATEMENTS=$(api statements "$TARGET")
  ROOT_UNIT=$(api root) && export ROOT_UNIT
  before=$(api count)
  say "target $TARGET (statements $STATEMENTS), root unit $ROOT_UNIT, $before responses stored before"

  out=$LOG_DIR/wrk-$LABEL.txt
  say "wrk -t${KAIKU_BENCH_THREADS:-2} -c${KAIKU_BENCH_CONNECTIONS:-64} -d${KAIKU_BENCH_DURATION:-20s} --latency POST /api/v1/responses"
  run_wrk() {
    KAIKU_TARGET=$TARGET KAIKU_STATEMENTS=$STATEMENTS wrk -t"${KAIKU_BENCH_THREADS:-2}" -c"${KAIKU_BENCH_CONNECTIONS:-64}" \
      -d"${KAIKU_BENCH_DURATION:-20s}" --latency -s "$ROOT/Tests/system/ingest.lua" "$URL" >"$out"
  }
  killed=0
  if [[ -n "${KAIKU_BENCH_KILL_AFTER:-}" && -n "$DATA_DIR" ]]; then
    # The crash check: kill -9 the server under load, serve the same database
    # again, and count. Every answer acknowledged before the kill must be there.
    run_wrk &
    wrk_pid=$!
    sleep "$KAIKU_BENCH_KILL_AFTER"
    say "kill -9 the server after ${KAIKU_BENCH_KILL_AFTER} s of load"
    kill -KILL "$server"; wait "$server" 2>/dev/null || true
    wait "$wrk_pid" || true
    killed=1
    "$BIN" demo --data-dir "$DATA_DIR" --port "$PORT" >>"$LOG" 2>&1 &
    server=$!
    bench_wait_ready "bench-ingest $LABEL" "$URL" "$server" "${KAIKU_READY_TIMEOUT:-180}" || exit 1
  else
    run_wrk
  fi
  sed 's/^/    /' "$out"
  line=$(grep '^KAIKU_WRK ' "$out" || true)
  if [[ -z "$line" ]]; then say "wrk printed no KAIKU_WRK line"; exit 1; fi
  declare -A W=()
  for kv in ${line#KAIKU_WRK }; do W[${kv%%=*}]=${kv#*=}; done

  rss=$(awk '/^VmHWM/ {print $2 " " $3}' "/proc/$server/status" 2>/dev/null || echo "?")
  inflight=$((W[sent] - W[received]))
  after=$(api count $((before + W[created])))
  grew=$((after - before))

  ok=1
  verdict="stored +$grew = 201s $((W[created]))"
  if ((grew == W[created])); then
    :
  elif ((grew > W[created] && grew <= W[created] + inflight)); then
    # wrk stops with up to one request per connection unanswered; the server may
    # have stored those too. Not a loss, not a phantom.
    verdict="stored +$grew = 201s ${W[created]} + $((grew - W[created])) of the $inflight in flight when wrk stopped"
  else
    ok=0
    if ((grew < W[created])); then
      verdict="LOST: stored +$grew < ${W[created]} acknowledged (201)"
    else
      verdict="PHANTOM: stored +$grew > ${W[created]} acknowledged + $inflight in flight"
    fi
  fi
  if ! kill -0 "$server" 2>/dev/null; then say "the server died during the run"; ok=0; fi
  if ((killed)); then rss="(restarted after kill -9)"; fi

  printf '[bench %s] RESULT %-10s %8s req/s  p50 %7s ms  p99 %8s ms  non-2xx %s  socket errors %s  peak RSS %s (seeding start %s)  %s\n' \
    "$LABEL" "$LABEL" "${W[rps]}" "${W[p50_ms]}" "${W[p99_ms]}" "${W[non2xx]}" "${W[errors]}" "$rss" "$seeding_rss" "$verdict"
  ((ok))
  exit 0
fi

# ----------------------------------------------------------------------------
bash scripts/setup-test-deps.sh
if [[ -z "${KAIKU_BIN:-}" ]]; then
  echo "== swift build -c release"
  t=$SECONDS
  swift build -c release
  echo "built in $((SECONDS - t)) s"
  KAIKU_BIN=$ROOT/.build/release/kaiku
fi
export KAIKU_BIN
export KAIKU_LOG_DIR=${KAIKU_LOG_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/kaiku-bench.XXXXXX")}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); logs in $KAIKU_LOG_DIR"

rc=0
results=()
for db in ${KAIKU_BENCH_DBS:-sqlite postgres}; do
  echo
  echo "== $db"
  case $db in
    sqlite)   cmd=(bash "$0" --one sqlite 18090) ;;
    postgres) cmd=(bash scripts/with-postgres.sh bash "$0" --one postgres 18091) ;;
    *) echo "unknown database $db" >&2; exit 2 ;;
  esac
  if "${cmd[@]}" | tee "$KAIKU_LOG_DIR/bench-$db.out"; then :; else rc=1; fi
  results+=("$(grep -h 'RESULT' "$KAIKU_LOG_DIR/bench-$db.out" || echo "[bench $db] no result")")
done

echo
echo "== ingest benchmark ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit'), $(date -u +%Y-%m-%dT%H:%MZ))"
printf '%s\n' "${results[@]}"
exit "$rc"
