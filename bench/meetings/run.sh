#!/usr/bin/env bash
# Meetings benchmark: the Berita Acara of 100 signed participants and 20 agreements as a PDF
# (budget 300 ms) and the first page of the tracker over 50,000 action items, on a fresh SQLite
# database, and on PostgreSQL too when PANTAU_TEST_PG_URL is set (THROWAWAY: its public schema is
# dropped). Knobs: BENCH_BUILD (build), BENCH_ITERATIONS (30), BENCH_WARMUP (3), BENCH_JOBS (2).
#   bash bench/meetings/run.sh
# Over HTTP (100 check-ins from one address, the tracker at 8 clients with wrk): bench/meetings/http.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${BENCH_BUILD:-$ROOT/build}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD";; esac
if [ ! -f "$BUILD/CMakeCache.txt" ]; then cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null; fi
cmake --build "$BUILD" -j "${BENCH_JOBS:-2}" --target bench_meetings >/dev/null
TMP="$(mktemp -d /tmp/pantau-meetings-bench.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT
echo "meetings: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$BUILD/bench_meetings" "$TMP/bench.db" "${BENCH_ITERATIONS:-30}" "${BENCH_WARMUP:-3}"
if [ -n "${PANTAU_TEST_PG_URL:-}" ]; then
  "$BUILD/bench_meetings" "$PANTAU_TEST_PG_URL" "${BENCH_ITERATIONS:-30}" "${BENCH_WARMUP:-3}"
else
  echo "(PostgreSQL skipped: set PANTAU_TEST_PG_URL to a throwaway database to measure it too)"
fi
