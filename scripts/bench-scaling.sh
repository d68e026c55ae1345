#!/usr/bin/env bash
# How the report's cost grows with the answers and with the units: the whole
# organisation's summary by unit (last 12 months and calendar year) at 1, 3
# and 10 million answers over 500 units, and at 100, 500 and 2,000 units with
# one million answers. Each data set is made by `kaiku generate` and measured
# by scripts/bench-reports.sh (Tests/system/bench_reports.py, those two cases
# only); a table of the medians follows at the end. Prints figures; it is not
# a timed test.
#
#   scripts/bench-scaling.sh                      SQLite, the five data sets
#   KAIKU_BENCH_DBS="sqlite postgres" scripts/bench-scaling.sh
#   KAIKU_SCALING_DIR=/var/tmp/kscale scripts/bench-scaling.sh
#       keeps the SQLite sets there (DIR/a<answers>-u<units>) and reuses them
#   KAIKU_SCALING_SETS="1000000:100 1000000:2000" scripts/bench-scaling.sh
#
# Environment: KAIKU_SCALING_SETS (answers:units, space-separated),
# KAIKU_SCALING_LIMIT (seconds per data set, generation included: 1800; a set
# over it is stopped and reported), KAIKU_BENCH_DBS (sqlite),
# KAIKU_BENCH_REQUESTS (20), KAIKU_BIN, as bench-reports.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sets=${KAIKU_SCALING_SETS:-1000000:500 3000000:500 10000000:500 1000000:100 1000000:2000}
limit=${KAIKU_SCALING_LIMIT:-1800}
export KAIKU_BENCH_DBS=${KAIKU_BENCH_DBS:-sqlite}
export KAIKU_BENCH_REQUESTS=${KAIKU_BENCH_REQUESTS:-20}
export KAIKU_BENCH_CASES="whole organisation, calendar year, by unit|whole organisation, rolling 12 months, by unit"
export KAIKU_BENCH_RESULTS
KAIKU_BENCH_RESULTS=$(mktemp "${TMPDIR:-/tmp}/kaiku-scaling.XXXXXX.jsonl")
keep=${KAIKU_SCALING_DIR:-}
dir=${keep:-$(mktemp -d "${TMPDIR:-/tmp}/kaiku-scaling.XXXXXX")}
cleanup() {
  rm -f "$KAIKU_BENCH_RESULTS"
  [[ -n "$keep" ]] || rm -rf "$dir"
}
trap cleanup EXIT
started=$SECONDS
for set in $sets; do
  answers=${set%%:*} units=${set##*:}
  echo "=== $answers answers over $units units ($(uptime | sed 's/.*load/load/'))"
  # timeout signals the whole process group, so the server and a throwaway
  # PostgreSQL that bench-reports.sh started are stopped by their own traps.
  KAIKU_BENCH_TAG=$set KAIKU_BENCH_ANSWERS=$answers KAIKU_BENCH_UNITS=$units KAIKU_BENCH_DATA_DIR=$dir/a$answers-u$units \
    timeout -k 60 "$limit" bash scripts/bench-reports.sh || echo "=== $set: failed, or stopped after $limit s"
  # Without a kept directory a set is removed once measured: ten million answers take 5 GB.
  [[ -n "$keep" ]] || rm -rf "${dir:?}/a$answers-u$units"
done
echo "=== all sets in $((SECONDS - started)) s"
python3 - "$KAIKU_BENCH_RESULTS" "$sets" <<'EOF'
import json, sys

results = [json.loads(line) for line in open(sys.argv[1])]
p50 = {(r["tag"], r["database"], r["case"]): r for r in results}
print(f"{'answers':>10} {'units':>6} {'database':<9} {'last 12 months p50':>19} {'calendar year p50':>18} {'server RSS':>11}")
for tag in sys.argv[2].split():
    answers, units = tag.split(":")
    for database in dict.fromkeys(r["database"] for r in results if r["tag"] == tag):
        figure = lambda words: next((f"{r['p50']:.1f} ms" for (t, d, c), r in p50.items() if t == tag and d == database and words in c), "-")
        rss = next((f"{r['rss_mb']:.0f} MB" for r in results if r["tag"] == tag and r["database"] == database and "rss_mb" in r), "-")
        print(f"{int(answers):>10,} {int(units):>6,} {database:<9} {figure('rolling 12 months'):>19} {figure('calendar year'):>18} {rss:>11}")
EOF
