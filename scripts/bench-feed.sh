#!/usr/bin/env bash
# Feedback feed benchmark: GET /api/v1/feedback over a generated data set
# (default a million answers over 50 units, a fifth of them with open text,
# classified as they are made), on SQLite and PostgreSQL, over loopback.
# Prints figures (generation time, then first/p50/p99 per typical filter and
# the server's peak RSS); it is not a timed test. See Tests/system/bench_feed.py.
#
#   scripts/bench-feed.sh                            release build, both databases
#   KAIKU_BENCH_DBS=sqlite KAIKU_BIN=.build/debug/kaiku scripts/bench-feed.sh
#   KAIKU_BENCH_DATA_DIR=/var/tmp/k1m scripts/bench-feed.sh
#       keeps the SQLite data set there and reuses it on the next run
#
# Environment: KAIKU_BIN (default .build/release/kaiku; built if missing),
# KAIKU_BENCH_DBS ("sqlite postgres"), KAIKU_BENCH_ANSWERS (1000000),
# KAIKU_BENCH_UNITS (50), KAIKU_BENCH_REQUESTS (200 per filter),
# KAIKU_BENCH_GENERATED=1 with DATABASE_URL: that database already holds a
# generated data set (run `--one LABEL PORT` directly).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/bench-generated.sh
bench_generated bench-feed 1000000 50 Tests/system/bench_feed.py 18093 18094 "$@"
