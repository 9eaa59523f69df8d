#!/usr/bin/env bash
# Registries benchmark: 100,000 ormas with 1,000,000 board members and 100,000 foreigners on a
# fresh SQLite database (and on PostgreSQL too when PANTAU_TEST_PG_URL is set: that database's
# public schema is DROPPED and recreated, use a throwaway cluster, e.g. scripts/pg-cluster.sh).
#   bash bench/registries/run.sh
# Knobs (environment): BENCH_BUILD (build), BENCH_QUERIES (200 per thread, 8 threads), BENCH_WARMUP_QUERIES (50 per thread, not counted),
# BENCH_ORMAS (100000), BENCH_FOREIGNERS (100000), BENCH_JOBS (2), BENCH_IMPORT_ONLY=1 (stop after the
# import case), BENCH_HTTP=0 (skip the HTTP case), BENCH_PORT (18095).
# After the in-process queries, the SQLite data set gets the demo offices and users (`pantau seed
# --demo`) and is served by `pantau serve` on both cores; 8 clients (`bench_registries http`: threads
# with one keep-alive connection each, no pause) send the same query mix as a kab/kota operator
# (banjarmasin.operator), a province analyst (kalsel.analis) and the ministry (admin), and report
# the wall time of each request as a client sees it. That is the measure of the budgets "at 8 clients".
# Budgets: import of 100,000 rows < 10 s; searches p99 < 30 ms; suggestions p99 < 20 ms.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${BENCH_BUILD:-$ROOT/build}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD";; esac
JOBS="${BENCH_JOBS:-2}"
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" -j "$JOBS" --target bench_registries pantau >/dev/null
BIN="$BUILD/bench_registries"
TMP="$(mktemp -d /tmp/pantau-registries-bench.XXXXXX)"
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$TMP"' EXIT

echo "registries ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ))"
echo "-- SQLite"
BENCH_HTTP_QUERIES="$TMP/queries.tsv" "$BIN" "$TMP/bench.db" "$ROOT/data" "${BENCH_QUERIES:-200}"
if [ "${BENCH_HTTP:-1}" != 0 ] && [ -z "${BENCH_IMPORT_ONLY:-}" ]; then
  PANTAU="$BUILD/pantau"
  PORT="${BENCH_PORT:-18095}"
  BASE="http://127.0.0.1:$PORT"
  PASSWORD="Uji-Beban-2026-Pantau"
  PANTAU_DEMO_PASSWORD="$PASSWORD" "$PANTAU" seed --demo --db "$TMP/bench.db" --data "$ROOT/data" --files "$TMP/files" >"$TMP/seed.log" 2>&1 \
    || { cat "$TMP/seed.log" >&2; exit 1; }
  "$PANTAU" serve --db "$TMP/bench.db" --listen "127.0.0.1:$PORT" --files "$TMP/files" --web "$TMP/no-web" >"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    curl -s -o /dev/null --max-time 1 "$BASE/readyz" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$TMP/server.log" >&2; exit 1; }
    sleep 0.1
  done
  login() {  # login USER -> the session cookie
    curl -s -c - -o /dev/null -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" \
      "$BASE/api/v1/session" | awk '$6 == "pantau_session" {print "pantau_session=" $7}'
  }
  K="$(login banjarmasin.operator)"; P="$(login kalsel.analis)"; N="$(login admin)"
  [ -n "$K" ] && [ -n "$P" ] && [ -n "$N" ] || { echo "login failed" >&2; exit 1; }
  echo "-- SQLite over HTTP (pantau serve on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
  "$BIN" http "$PORT" "$TMP/queries.tsv" "$K" "$P" "$N" "${BENCH_QUERIES:-200}"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
fi
if [ -n "${PANTAU_TEST_PG_URL:-}" ]; then
  echo "-- PostgreSQL"
  "$BIN" "$PANTAU_TEST_PG_URL" "$ROOT/data" "${BENCH_QUERIES:-200}"
else
  echo "(PostgreSQL skipped: set PANTAU_TEST_PG_URL to a throwaway database to measure it too)"
fi
