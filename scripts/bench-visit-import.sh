#!/usr/bin/env bash
# Visit import benchmark: `kaiku visits import` of a CSV of N visits into a
# generated organisation whose SMS survey is on, printing rows/s and the
# command's peak RSS. Prints figures; it is not a timed test.
#
#   scripts/bench-visit-import.sh                   20,000 visits, release build, SQLite
#   KAIKU_BENCH_VISITS=5000 KAIKU_BIN=.build/debug/kaiku scripts/bench-visit-import.sh
#   scripts/with-postgres.sh scripts/bench-visit-import.sh
#
# Environment: KAIKU_BIN (default .build/release/kaiku; built if missing),
# KAIKU_BENCH_VISITS (20000), KAIKU_BENCH_PORT (18097).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
source "$ROOT/scripts/lib/bench-server.sh"
export KAIKU_ADMIN_EMAIL=${KAIKU_ADMIN_EMAIL:-bench-admin@example.org}
export KAIKU_ADMIN_PASSWORD=${KAIKU_ADMIN_PASSWORD:-bench-Admin-password-1}
export KAIKU_ENCRYPTION_KEY=${KAIKU_ENCRYPTION_KEY:-$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')}
export KAIKU_BIN=${KAIKU_BIN:-$ROOT/.build/release/kaiku}
if [[ ! -x "$KAIKU_BIN" ]]; then swift build -c release --product kaiku; fi
VISITS=${KAIKU_BENCH_VISITS:-20000}
PORT=${KAIKU_BENCH_PORT:-18097}
URL=http://127.0.0.1:$PORT
LABEL=$([[ -n "${DATABASE_URL:-}" ]] && echo postgres || echo sqlite)
say() { echo "[bench-visit-import $LABEL] $*"; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kaiku-bench-visits.XXXXXX")
LOG=$WORK/server.log
server=''
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$server" ]]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  ((rc == 0)) || tail -n 40 "$LOG" 2>/dev/null | sed 's/^/    | /'
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
where=()
[[ -n "${DATABASE_URL:-}" ]] || where=(--data-dir "$WORK/data")

"$KAIKU_BIN" generate --answers 1000 --units 50 "${where[@]}" 2>>"$LOG" | sed "s/^/[bench-visit-import $LABEL] /"
# The survey's settings go through the API, as an administrator would set them.
"$KAIKU_BIN" serve --hostname 127.0.0.1 --port "$PORT" "${where[@]}" >>"$LOG" 2>&1 &
server=$!
bench_wait_ready "bench-visit-import $LABEL" "$URL" "$server" || exit 1
TOKEN=$(bench_admin_token "$URL")
curl -sS --fail -o /dev/null -X PUT "$URL/api/v1/organisation/sms-survey" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"enabled":true,"delayMinutes":120,"quietFrom":"21:00","quietTo":"08:00","oncePerDays":90,"units":["SYN"]}'
kill -TERM "$server"; wait "$server" 2>/dev/null || true; server=''

python3 - "$WORK/visits.csv" "$VISITS" <<'PY'
import datetime, sys
path, count = sys.argv[1], int(sys.argv[2])
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
with open(path, "w") as f:
    f.write("visit_id;time;unit;phone;language;consent;non_disclosure\n")
    for i in range(count):
        # The 50 units of `kaiku generate --units 50`, under its round(sqrt(50)) = 7 areas;
        # one visit in fifty with non-disclosure, one in twenty in Swedish.
        n = i % 50 + 1
        unit = "SYN-A%d-U%d" % ((n - 1) % 7 + 1, n)
        time = (now - datetime.timedelta(minutes=i % 600)).isoformat()
        f.write("B-%d;%s;%s;+35840%07d;%s;1;%d\n" % (i, time, unit, i, "sv" if i % 20 == 0 else "fi", 1 if i % 50 == 0 else 0))
PY
python3 - "$LABEL" "$VISITS" "$KAIKU_BIN" "$WORK/visits.csv" "${where[@]}" <<'PY'
import resource, subprocess, sys, time
label, visits, binary, path, where = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5:]
start = time.monotonic()
done = subprocess.run([binary, "visits", "import", path, *where], capture_output=True, text=True)
seconds = time.monotonic() - start
if done.returncode != 0:
    sys.exit("[bench-visit-import %s] the import failed: %s" % (label, done.stderr[-2000:]))
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print("[bench-visit-import %s] %s" % (label, done.stdout.strip()))
print("[bench-visit-import %s] %d visits in %.1f s = %.0f visits/s; peak RSS %.0f MB" % (label, visits, seconds, visits / seconds, peak))
PY
