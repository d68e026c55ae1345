#!/usr/bin/env bash
# Builds kaiku (release) and measures the open-text classifier on the repository's labelled
# set (Evaluation/open-text-*.jsonl): figures per theme, macro-F1, sentiment accuracy before
# and after learning, the 20-example new theme, and timings. Extra arguments go to the command
# (e.g. --set path/to/own-set.jsonl). Record the output in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${KAIKU_BIN:-}" ]; then
    swift build -c release --product kaiku >&2
    KAIKU_BIN=.build/release/kaiku
fi
exec "$KAIKU_BIN" text evaluate "$@"
