#!/usr/bin/env bash
# Banpol allocations benchmark: computing the allocations of every region of Indonesia for a
# fiscal year (38 provinces + 514 kab/kota, 18 parties) as one call of allocations_within, on a
# fresh SQLite database, and on PostgreSQL too when PANTAU_TEST_PG_URL is set (that database's
# public schema is DROPPED and recreated: use a throwaway cluster, e.g. scripts/pg-cluster.sh).
#   bash bench/party_aid/run.sh
# Knobs (environment): BENCH_BUILD (build: the CMake build folder in which the bench_party_aid
# target is built), BENCH_ITERATIONS (50), BENCH_WARMUP (3), BENCH_JOBS (2).
# Prints one line per backend: min / median / p99 / max in milliseconds. Budget: under 200 ms.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${BENCH_BUILD:-$ROOT/build}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD";; esac
ITER="${BENCH_ITERATIONS:-50}"
WARM="${BENCH_WARMUP:-3}"
JOBS="${BENCH_JOBS:-2}"

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" -j "$JOBS" --target bench_party_aid >/dev/null
BIN="$BUILD/bench_party_aid"

TMP="$(mktemp -d /tmp/pantau-banpol-bench.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT

echo "banpol allocations: $ITER runs after $WARM warm-up runs ($(nproc) cores, $(date -u +%Y-%m-%d))"
"$BIN" "$TMP/bench.db" "$ITER" "$WARM"
if [ -n "${PANTAU_TEST_PG_URL:-}" ]; then
  "$BIN" "$PANTAU_TEST_PG_URL" "$ITER" "$WARM"
else
  echo "(PostgreSQL skipped: set PANTAU_TEST_PG_URL to a throwaway database to measure it too)"
fi
