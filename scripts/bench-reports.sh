#!/usr/bin/env bash
# Report benchmark: dashboards and the summary API over a generated data set
# (default 10 million answers over 500 units), on SQLite and PostgreSQL.
# Prints figures (generation time and peak memory, then first/p50/p90/p99
# per report and the server's peak RSS); it is not a timed test. See
# Tests/system/bench_reports.py.
#
#   scripts/bench-reports.sh                         release build, both databases
#   KAIKU_BENCH_DBS=sqlite KAIKU_BENCH_ANSWERS=1000000 scripts/bench-reports.sh
#   KAIKU_BENCH_DATA_DIR=/var/tmp/k10m scripts/bench-reports.sh
#       keeps the SQLite data set there and reuses it on the next run
#
# Environment: KAIKU_BIN (default .build/release/kaiku; built if missing),
# KAIKU_BENCH_DBS ("sqlite postgres"), KAIKU_BENCH_ANSWERS (10000000),
# KAIKU_BENCH_UNITS (500), KAIKU_BENCH_REQUESTS (40 per case),
# KAIKU_BENCH_GENERATED=1 with DATABASE_URL: that database already holds a
# generated data set (run `--one LABEL PORT` directly).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/bench-generated.sh
bench_generated bench-reports 10000000 500 Tests/system/bench_reports.py 18097 18098 "$@"
