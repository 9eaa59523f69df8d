#!/usr/bin/env bash
# Registries benchmark: 100,000 ormas with 1,000,000 board members and 100,000 foreigners on a
# fresh SQLite database (and on PostgreSQL too when PANTAU_TEST_PG_URL is set: that database's
# public schema is DROPPED and recreated, use a throwaway cluster, e.g. scripts/pg-cluster.sh).
#   bash bench/registries/run.sh
# Knobs (environment): BENCH_BUILD (build), BENCH_QUERIES (200 per thread, 8 threads), BENCH_WARMUP_QUERIES (50 per thread, not counted),
# BENCH_ORMAS (100000), BENCH_FOREIGNERS (100000), BENCH_JOBS (2), BENCH_IMPORT_ONLY=1 (stop after the
# import case).
# Budgets: import of 100,000 rows < 10 s; searches p99 < 30 ms; suggestions p99 < 20 ms.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${BENCH_BUILD:-$ROOT/build}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD";; esac
JOBS="${BENCH_JOBS:-2}"
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" -j "$JOBS" --target bench_registries >/dev/null
BIN="$BUILD/bench_registries"
TMP="$(mktemp -d /tmp/pantau-registries-bench.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT

echo "registries ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ))"
echo "-- SQLite"
"$BIN" "$TMP/bench.db" "$ROOT/data" "${BENCH_QUERIES:-200}"
if [ -n "${PANTAU_TEST_PG_URL:-}" ]; then
  echo "-- PostgreSQL"
  "$BIN" "$PANTAU_TEST_PG_URL" "$ROOT/data" "${BENCH_QUERIES:-200}"
else
  echo "(PostgreSQL skipped: set PANTAU_TEST_PG_URL to a throwaway database to measure it too)"
fi
