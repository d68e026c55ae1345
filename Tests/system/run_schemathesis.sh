#!/usr/bin/env bash
# Usage: Tests/system/run_schemathesis.sh URL [EXTRA SCHEMATHESIS ARGS...]
#
# Fuzzes the running server's API against its own OpenAPI document
# (URL/openapi.json) with schemathesis, signed in as the administrator
# (KAIKU_ADMIN_EMAIL / KAIKU_ADMIN_PASSWORD -> POST /api/v1/auth/token -> Bearer).
# Each security scheme of the document gets its own credential, so that the
# operations behind them are fuzzed past the 401: the staff token (bearer), a
# kiosk that the script registers and pairs (kioskDevice), and when given, an
# API key (apiKey, KAIKU_ST_API_KEY) and the SMS gateway's secret
# (smsWebhook, KAIKU_SMS_WEBHOOK_TOKEN, as the server has it).
# Checks: no 5xx, and the responses conform to the document (status code,
# content type, body schema). Loopback only. Bounded: at most
# KAIKU_ST_MAX_EXAMPLES (50) cases per operation and phase (KAIKU_ST_EXPORT_EXAMPLES
# (15) for the exports), and the whole run is
# interrupted after KAIKU_ST_TIMEOUT (2400) seconds, which counts as a failure.
#
# Environment:
#   KAIKU_ST_MAX_EXAMPLES  cases per operation (default 50)
#   KAIKU_ST_EXPORT_EXAMPLES  cases per export operation (default 15: each streams up to a year of answers)
#   KAIKU_ST_WORKERS       concurrent workers (default 1: with more, schemathesis runs
#                          threads, and CPython 3.11.7's ast module then fails now and
#                          then with "AST constructor recursion depth mismatch",
#                          CPython gh-106905, fixed in 3.11.8)
#   KAIKU_ST_TIMEOUT       hard limit in seconds for the whole run (default 2400; the four export operations stream a year of the demo's answers per example)
#   KAIKU_ST_MAX_TIME      if set, schemathesis' own time budget: fuzzing then
#                          goes on until it is spent (a soak, not for CI)
#   KAIKU_ST_SEED          seed, to replay a run (schemathesis prints the seed)
#   KAIKU_ST_REPORT_DIR    where the JUnit report goes (default: a temp dir)
set -euo pipefail

URL=${1:-${KAIKU_URL:-}}
if [[ -z "$URL" ]]; then
  echo "usage: $0 URL [extra schemathesis args...]" >&2
  exit 2
fi
shift || true
URL=${URL%/}

log() { printf 'run_schemathesis: %s\n' "$*" >&2; }

# Only ever against this machine.
host=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlsplit(sys.argv[1]).hostname or "")' "$URL")
case "$host" in
  127.*|localhost|::1) ;;
  *) log "refusing to fuzz $URL: only loopback addresses (127.0.0.0/8, localhost, ::1)"; exit 2 ;;
esac

ST=$(command -v schemathesis || true)
if [[ -z "$ST" ]]; then
  # pip put it next to the interpreter (pyenv shims may not be rehashed yet).
  ST=$(python3 -c 'import os, sys; print(os.path.join(os.path.dirname(sys.executable), "schemathesis"))')
fi
if [[ ! -x "$ST" ]]; then
  log "schemathesis not found (run scripts/setup-test-deps.sh)"
  exit 2
fi

if [[ -z "${KAIKU_ADMIN_EMAIL:-}" || -z "${KAIKU_ADMIN_PASSWORD:-}" ]]; then
  log "KAIKU_ADMIN_EMAIL and KAIKU_ADMIN_PASSWORD must be set"
  exit 2
fi

# Sign in, then register and pair a kiosk for one of the administrator's
# targets. Python keeps the credentials out of the process list and does the
# JSON; the two tokens come back on two lines.
TOKENS=$(python3 - "$URL" <<'EOF'
import json, os, sys, urllib.error, urllib.request
base = sys.argv[1]

def call(method, path, body=None, token=None):
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        sys.exit("%s %s -> %s %s" % (method, path, e.code, e.read()[:300]))
    except Exception as e:
        sys.exit("%s %s failed: %s" % (method, path, e))

token = call("POST", "/api/v1/auth/token",
             {"email": os.environ["KAIKU_ADMIN_EMAIL"], "password": os.environ["KAIKU_ADMIN_PASSWORD"]}).get("token")
if not token:
    sys.exit("POST /api/v1/auth/token: no token in the answer")
targets = call("GET", "/api/v1/targets", token=token)
if not targets:
    sys.exit("GET /api/v1/targets: no targets to offer on a kiosk")
target = targets[0]
pairing = call("POST", "/api/v1/kiosks", {"name": "Schemathesis", "unit": target["unit"], "targets": [target["code"]]}, token=token)
kiosk = call("POST", "/api/v1/kiosk/pair", {"code": pairing["pairingCode"]}).get("token")
if not kiosk:
    sys.exit("POST /api/v1/kiosk/pair: no token in the answer")
print(token)
print(kiosk)
EOF
) || { log "signing in or pairing the kiosk failed"; exit 1; }
KAIKU_ST_TOKEN=$(sed -n 1p <<<"$TOKENS")
KAIKU_ST_KIOSK_TOKEN=$(sed -n 2p <<<"$TOKENS")
export KAIKU_ST_TOKEN KAIKU_ST_KIOSK_TOKEN

REPORT_DIR=${KAIKU_ST_REPORT_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/kaiku-schemathesis.XXXXXX")}
mkdir -p "$REPORT_DIR"

args=()
# A project config, if there ever is one, is used explicitly: schemathesis runs
# in the report directory (it leaves .hypothesis/ and .schemathesis/ in its cwd).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# The credentials per security scheme: the file names the variables, schemathesis reads their values.
CONFIG=$REPORT_DIR/schemathesis.toml
# Examples per operation are set here, not on the command line, where they
# would override the exports' own bound: each export example streams up to a
# year of the demo's answers, and on PostgreSQL in the debug build the four
# export operations took 400 of the run's 530 s at 50 examples each.
{
  printf 'generation.max-examples = %d\n\n' "${KAIKU_ST_MAX_EXAMPLES:-50}"
  if [[ -f "$ROOT/schemathesis.toml" ]]; then cat "$ROOT/schemathesis.toml"; fi
  printf '\n[[operations]]\ninclude-path-regex = "/exports/"\ngeneration.max-examples = %d\n' "${KAIKU_ST_EXPORT_EXAMPLES:-15}"
} >"$CONFIG"
{
  printf '\n[auth.openapi.bearer]\nbearer = "${KAIKU_ST_TOKEN}"\n'
  printf '\n[auth.openapi.kioskDevice]\nbearer = "${KAIKU_ST_KIOSK_TOKEN}"\n'
  if [[ -n "${KAIKU_ST_API_KEY:-}" ]]; then printf '\n[auth.openapi.apiKey]\nbearer = "${KAIKU_ST_API_KEY}"\n'; fi
  if [[ -n "${KAIKU_SMS_WEBHOOK_TOKEN:-}" ]]; then printf '\n[auth.openapi.smsWebhook]\nbearer = "${KAIKU_SMS_WEBHOOK_TOKEN}"\n'; fi
} >>"$CONFIG"
export KAIKU_ST_API_KEY KAIKU_SMS_WEBHOOK_TOKEN
args+=(--config-file "$CONFIG")
# shellcheck disable=SC2054 # the commas separate check names
args+=(
  run "$URL/openapi.json"
  # The document's own base path, but always this scheme, host and port,
  # whatever servers[] says.
  --origin "$URL"
  --wait-for-schema 30
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
  --workers "${KAIKU_ST_WORKERS:-1}"
  --request-timeout 30
  --suppress-health-check too_slow
  --generation-database none
  --report junit --report-dir "$REPORT_DIR"
  --no-color
)
if [[ -n "${KAIKU_ST_MAX_TIME:-}" ]]; then args+=(--max-time "$KAIKU_ST_MAX_TIME"); fi
if [[ -n "${KAIKU_ST_SEED:-}" ]]; then args+=(--seed "$KAIKU_ST_SEED"); fi
args+=("$@")

limit=${KAIKU_ST_TIMEOUT:-2400}
log "schemathesis $("$ST" --version 2>/dev/null | awk '{print $NF}') against $URL/openapi.json (max ${KAIKU_ST_MAX_EXAMPLES:-50} examples per operation, ${KAIKU_ST_EXPORT_EXAMPLES:-15} per export, limit ${limit} s)"
# SIGINT lets schemathesis stop and print what it found; KILL 30 s later if not.
# It runs as a job so that a TERM to this script reaches it too (timeout passes
# the signal on).
child=
trap 'if [[ -n "$child" ]]; then kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; fi; exit 143' TERM
trap 'if [[ -n "$child" ]]; then kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; fi; exit 130' INT
set +e
(cd "$REPORT_DIR" && exec timeout --signal=INT --kill-after=30 "$limit" "$ST" "${args[@]}") <&0 &
child=$!
wait "$child"
rc=$?
child=
set -e
if ((rc == 124)); then
  log "schemathesis did not finish within ${limit} s: failed"
elif ((rc != 0)); then
  log "schemathesis failed (exit $rc); JUnit report in $REPORT_DIR"
else
  log "schemathesis passed; JUnit report in $REPORT_DIR"
fi
exit "$rc"
