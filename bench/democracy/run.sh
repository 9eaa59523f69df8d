#!/usr/bin/env bash
# Provisional democracy index benchmark: every province and kab/kota of Indonesia (38 + 514)
# recomputed from 1,000,000 evidence items of one year, on a fresh SQLite database, and on
# PostgreSQL too when PANTAU_TEST_PG_URL is set (that database's public schema is DROPPED and
# recreated: use a throwaway cluster, e.g. scripts/pg-cluster.sh).
#   bash bench/democracy/run.sh
# Knobs (environment): BENCH_BUILD (build), BENCH_ITEMS (1000000), BENCH_ITERATIONS (10),
# BENCH_WARMUP (2), BENCH_JOBS (2). Prints one line per backend. Budget: under 2000 ms.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${BENCH_BUILD:-$ROOT/build}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD";; esac
ITEMS="${BENCH_ITEMS:-1000000}"
ITER="${BENCH_ITERATIONS:-10}"
WARM="${BENCH_WARMUP:-2}"
JOBS="${BENCH_JOBS:-2}"

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" -j "$JOBS" --target bench_democracy >/dev/null
BIN="$BUILD/bench_democracy"

TMP="$(mktemp -d /tmp/pantau-idi-bench.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT

echo "provisional IDI: $ITEMS evidence items, $ITER runs after $WARM warm-up runs ($(nproc) cores, $(date -u +%Y-%m-%d))"
"$BIN" "$TMP/bench.db" "$ROOT/data" "$ITEMS" "$ITER" "$WARM"
if [ -n "${PANTAU_TEST_PG_URL:-}" ]; then
  "$BIN" "$PANTAU_TEST_PG_URL" "$ROOT/data" "$ITEMS" "$ITER" "$WARM"
else
  echo "(PostgreSQL skipped: set PANTAU_TEST_PG_URL to a throwaway database to measure it too)"
fi
