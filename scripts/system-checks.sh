#!/usr/bin/env bash
# Usage: scripts/system-checks.sh LABEL PORT
#
# Starts `kaiku demo` on 127.0.0.1:PORT (on PostgreSQL when DATABASE_URL is set,
# else on SQLite in a new temporary data dir), waits for GET /readyz = 200,
# runs the browser/accessibility checks of the public form, the public figures
# and widget, the staff pages, the sweep of every page (check_all_pages.py), the feedback feed (check_feedback_feed.py), the idea bank
# (check_ideas.py) and the annual report (check_annual_report.py), the Open311 check with a published GeoReport
# client (check_open311.py), the offline kiosk check (check_kiosk.py, on a
# server of its own that it stops and restarts), the into-service check
# (check_into_service.py: a county set up through the pages on an empty
# database of its own, on PORT+200), the single sign-on check (check_oidc.py, through
# oidc-provider-mock, on PORT+300), and schemathesis, stops it.
# Used by scripts/test.sh (step 5); also handy on its own after a build:
#
#   scripts/system-checks.sh sqlite 18080
#   scripts/with-postgres.sh scripts/system-checks.sh postgres 18081
#
# Environment:
#   KAIKU_BIN             the server binary (default .build/debug/kaiku)
#   KAIKU_ADMIN_EMAIL/_PASSWORD   the administrator the demo makes sure exists
#                         (default ci-admin@example.org / ci-Admin-password-1)
#   KAIKU_READY_TIMEOUT   seconds to wait for /readyz (default 180)
#   KAIKU_LOG_DIR         where the server log goes (default: a temp dir)
#   KAIKU_RESULTS_FILE    if set, one line per check is appended: "PASS name" / "FAIL name"
# Exit status: 0 when every check passed. `scripts/system-checks.sh --list` prints the checks' names.
set -euo pipefail

# Every check this script runs, in order: when the server cannot start, each is reported failed.
CHECKS=("browser check" "public figures check" "staff pages check" "page sweep" "feedback feed check" "idea bank check"
        "annual report check" "open311 check" "kiosk check" "into-service check" "single sign-on check" "schemathesis")
if [[ "${1:-}" == --list ]]; then
  printf '%s\n' "${CHECKS[@]}"
  exit 0
fi

LABEL=${1:?usage: $0 LABEL PORT}
PORT=${2:?usage: $0 LABEL PORT}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

BIN=${KAIKU_BIN:-$ROOT/.build/debug/kaiku}
export KAIKU_ADMIN_EMAIL=${KAIKU_ADMIN_EMAIL:-ci-admin@example.org}
export KAIKU_ADMIN_PASSWORD=${KAIKU_ADMIN_PASSWORD:-ci-Admin-password-1}
# Kaiku refuses PostgreSQL without a key for contact details at rest; a
# throwaway one per run is right for throwaway databases.
export KAIKU_ENCRYPTION_KEY=${KAIKU_ENCRYPTION_KEY:-$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')}
# The SMS gateway's shared secret, so that schemathesis reaches the webhooks' logic.
export KAIKU_SMS_WEBHOOK_TOKEN=${KAIKU_SMS_WEBHOOK_TOKEN:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')}
READY_TIMEOUT=${KAIKU_READY_TIMEOUT:-180}
LOG_DIR=${KAIKU_LOG_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/kaiku-system.XXXXXX")}
mkdir -p "$LOG_DIR"
LOG=$LOG_DIR/server-$LABEL.log
URL=http://127.0.0.1:$PORT

say() { printf '[system %s] %s\n' "$LABEL" "$*"; }
result() { # result PASS|FAIL NAME
  say "$1: $2"
  if [[ -n "${KAIKU_RESULTS_FILE:-}" ]]; then echo "$1 $2 ($LABEL)" >>"$KAIKU_RESULTS_FILE"; fi
}
fail_all() {
  local name
  for name in "${CHECKS[@]}"; do result FAIL "$name"; done
}
show_log() {
  say "last lines of the server log ($LOG):"
  tail -n "${1:-60}" "$LOG" | sed 's/^/    | /' || true
}

server=
child=
stop_server() {
  [[ -n "$server" ]] || return 0
  if kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$server" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$server" 2>/dev/null; then
      say "server did not stop in 15 s; killing it"
      kill -KILL "$server" 2>/dev/null || true
    fi
  fi
  wait "$server" 2>/dev/null || true
  server=
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$child" ]]; then kill -TERM "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
  stop_server
  if [[ -n "${DATA_DIR:-}" ]]; then rm -rf "$DATA_DIR"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a check as a job (so that a signal reaches our trap at once); returns its status.
run_check() {
  "$@" <&0 &
  child=$!
  local rc=0
  wait "$child" || rc=$?
  child=
  return "$rc"
}

if [[ ! -x "$BIN" ]]; then
  say "no server binary at $BIN (build first)"
  fail_all
  exit 1
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  say "port $PORT is already in use: another server is running there"
  fail_all
  exit 1
fi

DATA_DIR=
if [[ -n "${DATABASE_URL:-}" ]]; then
  say "starting $BIN demo --port $PORT on ${DATABASE_URL%%\?*}"
  "$BIN" demo --port "$PORT" >"$LOG" 2>&1 &
else
  unset DATABASE_URL
  DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kaiku-demo-$LABEL.XXXXXX")
  say "starting $BIN demo --data-dir $DATA_DIR --port $PORT (SQLite)"
  "$BIN" demo --data-dir "$DATA_DIR" --port "$PORT" >"$LOG" 2>&1 &
fi
server=$!

t0=$SECONDS
ready=0
while ((SECONDS - t0 < READY_TIMEOUT)); do
  if ! kill -0 "$server" 2>/dev/null; then
    wait "$server" && rc=0 || rc=$?
    server=
    say "the server exited (status $rc) before it was ready"
    break
  fi
  code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$URL/readyz" || true)
  if [[ "$code" == 200 ]]; then ready=1; break; fi
  sleep 1
done
if ((!ready)); then
  ((SECONDS - t0 >= READY_TIMEOUT)) && say "GET /readyz was not 200 within $READY_TIMEOUT s"
  show_log 80
  fail_all
  exit 1
fi
say "ready after $((SECONDS - t0)) s"

failed=0
# check NAME COMMAND...: runs one check as a job, records PASS or FAIL and how long it took.
check() {
  local name=$1 t1=$SECONDS
  shift
  if run_check "$@"; then result PASS "$name"; else result FAIL "$name"; failed=1; fi
  say "$name took $((SECONDS - t1)) s"
}
# The checks that start servers of their own (kiosk, into-service, single sign-on) run this binary.
export KAIKU_BIN="$BIN"
where=()
[[ -n "$DATA_DIR" ]] && where=(--data-dir "$DATA_DIR")

check "browser check" python3 "$ROOT/Tests/system/check_public_form.py" "$URL"
check "public figures check" python3 "$ROOT/Tests/system/check_public_figures.py" "$URL"
check "staff pages check" python3 "$ROOT/Tests/system/check_staff_pages.py" "$URL"
# Every page at 320, 390 and 1366 px with axe and screenshots. Page markup does not depend on the database, so
# the second database (PostgreSQL) sweeps every page once, in Finnish at 390 px, to see its data render.
if [[ -n "${DATABASE_URL:-}" ]]; then
  check "page sweep" env KAIKU_SWEEP_PASSES=${KAIKU_SWEEP_PASSES:-fi:390} python3 "$ROOT/Tests/system/check_all_pages.py" "$URL"
else
  check "page sweep" python3 "$ROOT/Tests/system/check_all_pages.py" "$URL"
fi
check "feedback feed check" python3 "$ROOT/Tests/system/check_feedback_feed.py" "$URL"
check "idea bank check" python3 "$ROOT/Tests/system/check_ideas.py" "$URL"
check "annual report check" python3 "$ROOT/Tests/system/check_annual_report.py" "$URL"

# An approved client's key, issued as an administrator would, on the server's own database.
if KAIKU_OPEN311_KEY=$("$BIN" api-key create --name "Open311 system check" "${where[@]}" 2>>"$LOG") && [[ -n "$KAIKU_OPEN311_KEY" ]]; then
  export KAIKU_OPEN311_KEY
  check "open311 check" python3 "$ROOT/Tests/system/check_open311.py" "$URL"
else
  result FAIL "open311 check"; failed=1
fi

# The kiosk check stops and restarts a server of its own (same database on PostgreSQL, a new demo on SQLite).
check "kiosk check" python3 "$ROOT/Tests/system/check_kiosk.py" "http://127.0.0.1:$((PORT + 100))"
# The into-service check starts `kaiku serve` of its own on a new, empty SQLite data dir (on the PostgreSQL
# label too: an empty database is its point) and sets a county up through the pages, from the setup address on.
check "into-service check" python3 "$ROOT/Tests/system/check_into_service.py" "http://127.0.0.1:$((PORT + 200))"
# The single sign-on check starts oidc-provider-mock on a free loopback port and a demo of its own on PORT+300
# with KAIKU_OIDC_* naming that provider, then signs in through it in fi, sv and en.
check "single sign-on check" python3 "$ROOT/Tests/system/check_oidc.py" "http://127.0.0.1:$((PORT + 300))"

# A key of its own with the visits scope, so that POST /api/v1/visits is fuzzed past the 401 and 403.
if KAIKU_ST_API_KEY=$("$BIN" api-key create --name "schemathesis" --scope visits "${where[@]}" 2>>"$LOG") && [[ -n "$KAIKU_ST_API_KEY" ]]; then
  export KAIKU_ST_API_KEY
  check "schemathesis" bash "$ROOT/Tests/system/run_schemathesis.sh" "$URL"
else
  result FAIL "schemathesis"; failed=1
fi

if ! kill -0 "$server" 2>/dev/null; then
  say "the server is no longer running (it crashed during the checks)"
  failed=1
fi
if ((failed)); then show_log 60; fi
stop_server
exit "$failed"
