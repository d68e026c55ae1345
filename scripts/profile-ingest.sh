#!/usr/bin/env bash
# Where a submission's time goes, counted in instructions: unlike requests per
# second on a shared two-core machine, callgrind's counts repeat from run to
# run, so a change to the write path can be judged by them.
#
#   scripts/profile-ingest.sh              .build/release/kaiku, SQLite
#   KAIKU_BIN=/path/to/kaiku scripts/profile-ingest.sh
#
# Seeds a demo database with the binary as it is, serves it again under
# `valgrind --tool=callgrind --instr-atstart=no`, sends a warm-up of full
# answers (the recommendation and every 1..5 statement of the first target's
# survey, as Tests/system/ingest.lua does), switches counting on, sends
# KAIKU_PROFILE_REQUESTS more over KAIKU_PROFILE_CONNECTIONS connections,
# and prints the instructions per request and the functions that cost most
# (inclusive, names demangled). The whole callgrind file stays in the log
# directory for `callgrind_annotate` or KCachegrind.
#
# Known limit (2026-12-07): Debian's valgrind 3.19 cannot read the DWARF 5
# debug information of a Swift 6.3 release binary and gives up at start; with
# the debug information stripped it crashes. Until a newer valgrind is at
# hand, profile with `perf record -g -p PID` under `scripts/bench-ingest.sh`'s
# load (BENCHMARKS.md, "Issue 20, step 2" of the ingest section).
#
# Environment:
#   KAIKU_BIN                   server binary (default .build/release/kaiku)
#   KAIKU_PROFILE_REQUESTS      counted requests (default 2000)
#   KAIKU_PROFILE_CONNECTIONS   concurrent connections (default 16)
#   KAIKU_PROFILE_PORT          (default 18092)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
source "$ROOT/scripts/lib/bench-server.sh"
BIN=${KAIKU_BIN:-$ROOT/.build/release/kaiku}
PORT=${KAIKU_PROFILE_PORT:-18092}
URL=http://127.0.0.1:$PORT
REQUESTS=${KAIKU_PROFILE_REQUESTS:-2000}
CONNECTIONS=${KAIKU_PROFILE_CONNECTIONS:-16}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/kaiku-profile.XXXXXX")
DATA_DIR=$OUT/data
say() { printf '[profile-ingest] %s\n' "$*"; }

server=''
cleanup() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

[[ -x "$BIN" ]] || { say "no server binary at $BIN"; exit 1; }
say "seeding a demo database in $DATA_DIR"
"$BIN" demo --data-dir "$DATA_DIR" --port "$PORT" >"$OUT/seed.log" 2>&1 &
server=$!
bench_wait_ready profile-ingest "$URL" "$server" 300
kill -TERM "$server"; wait "$server" 2>/dev/null || true

say "serving it under callgrind"
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$OUT/callgrind.out" \
  "$BIN" demo --data-dir "$DATA_DIR" --port "$PORT" >"$OUT/server.log" 2>&1 &
server=$!
bench_wait_ready profile-ingest "$URL" "$server" 600

# send.py N CONNECTIONS: full answers to the first target, each checked for its 201.
send() {
  python3 - "$URL" "$@" <<'EOF'
import http.client, json, random, sys, threading, urllib.request
base, total, connections = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
target = json.load(urllib.request.urlopen(base + "/api/v1/targets?lang=fi"))[0]["code"]
survey = json.load(urllib.request.urlopen(base + "/api/v1/targets/" + target + "/survey?lang=fi"))
statements = [q["id"] for q in survey["questions"] if q["type"] == "scale1to5"]
host, port = base.split("//")[1].split(":")
failures = []
def worker(count, seed):
    rng = random.Random(seed)
    conn = http.client.HTTPConnection(host, int(port), timeout=600)
    for _ in range(count):
        answers = {"nps": rng.randint(0, 10)}
        for s in statements:
            v = rng.randint(0, 5)
            answers[s] = None if v == 0 else v
        body = json.dumps({"target": target, "channel": "web", "language": "fi", "answers": answers}, separators=(",", ":"))
        conn.request("POST", "/api/v1/responses", body, {"Content-Type": "application/json", "Accept": "application/json"})
        r = conn.getresponse(); r.read()
        if r.status != 201:
            failures.append(r.status)
threads = [threading.Thread(target=worker, args=(total // connections + (i < total % connections), i)) for i in range(connections)]
for t in threads: t.start()
for t in threads: t.join()
if failures:
    sys.exit(f"{len(failures)} requests did not get 201: {sorted(set(failures))}")
EOF
}

say "warm-up: 200 requests"
send 200 "$CONNECTIONS"
callgrind_control -i on "$server" >/dev/null
say "counting $REQUESTS requests over $CONNECTIONS connections"
send "$REQUESTS" "$CONNECTIONS"
callgrind_control -d "$server" >/dev/null
callgrind_control -i off "$server" >/dev/null

dump=$(ls -t "$OUT"/callgrind.out* | grep -v '\.out$' | head -1 || true)
dump=${dump:-$OUT/callgrind.out}
total=$(awk '/^(summary|totals):/ {print $2; exit}' "$dump")
say "instructions: $total in $REQUESTS requests = $((total / REQUESTS)) per request (callgrind file $dump)"
callgrind_annotate --inclusive=yes --threshold=99 "$dump" 2>/dev/null | swift demangle --simplified | head -60 >"$OUT/top-inclusive.txt"
callgrind_annotate --threshold=99 "$dump" 2>/dev/null | swift demangle --simplified | head -60 >"$OUT/top-self.txt"
say "top functions: $OUT/top-inclusive.txt and $OUT/top-self.txt"
sed -n '1,45p' "$OUT/top-self.txt" | cut -c1-220
