#!/usr/bin/env bash
# Kaiku's whole test run (what CI runs through .ci/run):
#   1. scripts/setup-test-deps.sh           PostgreSQL, Chromium, wrk, ... (skips what is there)
#   2. swift build --build-tests
#   3. swift test on SQLite                 (KAIKU_TEST_DATABASE_URL unset)
#   4. swift test on PostgreSQL             (KAIKU_TEST_DATABASE_URL from scripts/with-postgres.sh)
#   5. system checks: `kaiku demo` on SQLite (port 18080) and on PostgreSQL (18081),
#      each with the browser/accessibility checks (public form, public figures and widget,
#      staff pages, Open311 with the georeport client, the offline kiosk) and schemathesis
# A failing step does not stop the later ones (except a failed setup or build);
# the exit status is non-zero if anything failed.
#
# Environment:
#   KAIKU_TEST_STEPS   comma-separated subset of setup,build,sqlite,postgres,system
#                      (default: all), e.g. KAIKU_TEST_STEPS=system after a build
#   KAIKU_BIN          server binary for the system checks (default .build/debug/kaiku)
#   KAIKU_KEEP_LOGS=1  keep the temporary directory with the logs
#   SWIFT_TEST_ARGS    extra arguments for both `swift test` runs (e.g. "--filter Core")
#   SWIFT              the swift driver (default: swift from PATH)
#   KAIKU_SWIFT_TEST_TIMEOUT   seconds before a hanging `swift test` is stopped (default 1800)
#   KAIKU_ST_MAX_EXAMPLES_PG   schemathesis examples per operation on PostgreSQL (default 25; 50 on SQLite)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
STEPS=",${KAIKU_TEST_STEPS:-setup,build,sqlite,postgres,system},"
want() { [[ "$STEPS" == *",$1,"* ]]; }

export KAIKU_ADMIN_EMAIL=${KAIKU_ADMIN_EMAIL:-ci-admin@example.org}
export KAIKU_ADMIN_PASSWORD=${KAIKU_ADMIN_PASSWORD:-ci-Admin-password-1}
export KAIKU_BIN=${KAIKU_BIN:-$ROOT/.build/debug/kaiku}
SWIFT=${SWIFT:-swift}
# The tests choose their database from KAIKU_TEST_DATABASE_URL only.
unset DATABASE_URL KAIKU_TEST_DATABASE_URL

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kaiku-test.XXXXXX")
export KAIKU_LOG_DIR=$WORK/logs
export KAIKU_RESULTS_FILE=$WORK/system-results
export KAIKU_ARTIFACTS=$WORK/browser-artifacts
export KAIKU_ST_REPORT_DIR=$WORK/schemathesis
mkdir -p "$KAIKU_LOG_DIR"
: >"$KAIKU_RESULTS_FILE"

START=$SECONDS
SUMMARY=()
passed=0
failed=0
child=

fmt() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
banner() { printf '\n==== %s\n' "$*"; }
record() { # record PASS|FAIL NAME SECONDS
  if [[ "$1" == PASS ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  if [[ -n "${3:-}" ]]; then
    SUMMARY+=("$(printf '%-4s  %-36s %s' "$1" "$2" "$(fmt "$3")")")
  else
    SUMMARY+=("$(printf '%-4s  %s' "$1" "$2")")
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  # Our current step (and through its own trap, any server it started).
  if [[ -n "$child" ]]; then kill -TERM "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
  if [[ "${KAIKU_KEEP_LOGS:-}" == 1 || $rc != 0 ]]; then
    echo "logs kept in $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# run CMD...: runs it as a job so that INT/TERM reach our trap at once.
run() {
  "$@" <&0 &
  child=$!
  local rc=0
  wait "$child" || rc=$?
  child=
  return "$rc"
}

print_summary() {
  banner "summary ($(fmt $((SECONDS - START))) in all)"
  local line
  for line in "${SUMMARY[@]}"; do echo "$line"; done
  echo "all: $passed passed, $failed failed"
}

# 1. ---------------------------------------------------------------- setup
if want setup; then
  banner "1. test dependencies"
  t=$SECONDS
  if ! run bash scripts/setup-test-deps.sh; then
    record FAIL "setup-test-deps" $((SECONDS - t)); print_summary; exit 1
  fi
  echo "ok ($(fmt $((SECONDS - t))))"
fi

# 2. ---------------------------------------------------------------- build
if want build; then
  banner "2. swift build --build-tests"
  t=$SECONDS
  if ! run "$SWIFT" build --build-tests; then
    record FAIL "swift build --build-tests" $((SECONDS - t)); print_summary; exit 1
  fi
  echo "built in $(fmt $((SECONDS - t)))"
fi

# A hanging test must not eat CI's whole time: stop it (and its test process)
# after KAIKU_SWIFT_TEST_TIMEOUT seconds.
# shellcheck disable=SC2206
SWIFT_TEST=(timeout --kill-after=30 "${KAIKU_SWIFT_TEST_TIMEOUT:-1800}" "$SWIFT" test ${SWIFT_TEST_ARGS:-})
timed_out() { (($1 == 124)) && echo "swift test did not finish within ${KAIKU_SWIFT_TEST_TIMEOUT:-1800} s: stopped"; return 0; }

# 3. ---------------------------------------------------------- tests, SQLite
if want sqlite; then
  banner "3. swift test on SQLite"
  t=$SECONDS
  rc=0
  run "${SWIFT_TEST[@]}" || rc=$?
  timed_out "$rc"
  if ((rc == 0)); then
    record PASS "swift test (SQLite)" $((SECONDS - t))
  else
    record FAIL "swift test (SQLite)" $((SECONDS - t))
  fi
fi

# 4. ------------------------------------------------------ tests, PostgreSQL
if want postgres; then
  banner "4. swift test on PostgreSQL"
  t=$SECONDS
  # The URL is only known inside with-postgres.sh; DATABASE_URL itself is
  # dropped so that the tests see nothing but KAIKU_TEST_DATABASE_URL.
  rc=0
  KAIKU_PG_FAST=1 run bash scripts/with-postgres.sh \
    bash -c 'export KAIKU_TEST_DATABASE_URL=$DATABASE_URL; unset DATABASE_URL; exec "$@"' _ "${SWIFT_TEST[@]}" || rc=$?
  timed_out "$rc"
  if ((rc == 0)); then
    record PASS "swift test (PostgreSQL)" $((SECONDS - t))
  else
    record FAIL "swift test (PostgreSQL)" $((SECONDS - t))
  fi
fi

# 5. ------------------------------------------------------------ system checks
if want system; then
  banner "5a. system checks on SQLite (port 18080)"
  t=$SECONDS
  run bash scripts/system-checks.sh sqlite 18080 || true
  echo "($(fmt $((SECONDS - t))))"

  banner "5b. system checks on PostgreSQL (port 18081)"
  t=$SECONDS
  # Schemathesis on PostgreSQL is bounded to fewer examples per operation than on SQLite (same server
  # code, 50 there): its four export operations stream a year of the demo's answers per example and
  # took 18 of its 22 minutes with 50 (BENCHMARKS.md, "CI: what each step costs").
  KAIKU_ST_MAX_EXAMPLES=${KAIKU_ST_MAX_EXAMPLES_PG:-25} KAIKU_PG_FAST=1 \
    run bash scripts/with-postgres.sh bash scripts/system-checks.sh postgres 18081 || true
  echo "($(fmt $((SECONDS - t))))"

  sys_pass=0 sys_fail=0
  while read -r status name; do
    [[ -n "$status" ]] || continue
    record "$status" "$name"
    if [[ "$status" == PASS ]]; then sys_pass=$((sys_pass + 1)); else sys_fail=$((sys_fail + 1)); fi
  done <"$KAIKU_RESULTS_FILE"
  # Every check of system-checks.sh, on each database.
  expected=$((2 * $(bash scripts/system-checks.sh --list | wc -l)))
  if ((sys_pass + sys_fail < expected)); then
    # A run that died before reporting all of its checks.
    record FAIL "system checks: $((expected - sys_pass - sys_fail)) check(s) never reported"
    sys_fail=$((expected - sys_pass))
  fi
  echo "system checks: $sys_pass passed, $sys_fail failed"
fi

print_summary
((failed == 0))
