#!/usr/bin/env bash
# The democracy-index chart answers over HTTP at 8 clients: the province choropleth of a year and
# aspect, and a province's trend, on the demo database. Server pinned to one core, wrk to the
# other, a warm-up before each measured run; only 127.0.0.1 is contacted. Budget: p99 under 20 ms.
# Each answer is measured twice: "quiet" (nothing else happens) and "writes" (a Pokja member
# records an evidence item every BENCH_WRITE_INTERVAL seconds meanwhile, as in real use, where
# other modules' writes never stop either).
#   PANTAU_BIN=build/pantau bash bench/democracy/http.sh
# Knobs: BENCH_DURATION (10 s), BENCH_WARMUP (3 s), BENCH_CONNECTIONS (8), BENCH_PORT (18096),
# BENCH_SERVER_CPU (0), BENCH_CLIENT_CPU (1), BENCH_WRITE_INTERVAL (0.05). Needs wrk, curl, taskset.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${PANTAU_BIN:-$ROOT/build/pantau}"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN";; esac
PORT="${BENCH_PORT:-18096}"
DUR="${BENCH_DURATION:-10}"
WARM="${BENCH_WARMUP:-3}"
CONNS="${BENCH_CONNECTIONS:-8}"
SCPU="${BENCH_SERVER_CPU:-0}"
CCPU="${BENCH_CLIENT_CPU:-1}"
WRITE_INTERVAL="${BENCH_WRITE_INTERVAL:-0.05}"
BASE="http://127.0.0.1:$PORT"
PASSWORD="Uji-Beban-2026-Pantau"
for tool in wrk curl taskset; do command -v "$tool" >/dev/null || { echo "bench: $tool not found" >&2; exit 2; }; done
[ -x "$BIN" ] || { echo "bench: $BIN not found" >&2; exit 2; }

TMP="$(mktemp -d /tmp/pantau-idi-http.XXXXXX)"
SERVER_PID=""
WRITER_PID=""
cleanup() {
  if [ -n "$WRITER_PID" ]; then kill "$WRITER_PID" 2>/dev/null || true; wait "$WRITER_PID" 2>/dev/null || true; fi
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

PANTAU_DEMO_PASSWORD="$PASSWORD" "$BIN" seed --demo --db "$TMP/pantau.db" --data "$ROOT/data" --files "$TMP/files" >"$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log" >&2; exit 1; }
taskset -c "$SCPU" "$BIN" serve --db "$TMP/pantau.db" --listen "127.0.0.1:$PORT" --web "$ROOT/web/dist" --files "$TMP/files" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do curl -s -o /dev/null --max-time 1 "$BASE/readyz" && break; sleep 0.1; done
curl -s -c "$TMP/cookies" -H 'Content-Type: application/json' -d "{\"username\":\"kalsel.kabid\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/session" >/dev/null
export PANTAU_BENCH_COOKIE="pantau_session=$(awk '$6 == "pantau_session" {print $7}' "$TMP/cookies")"
# The writer: kalsel.analis (a Pokja member) records evidence items in a loop.
curl -s -c "$TMP/cookies-w" -H 'Content-Type: application/json' -d "{\"username\":\"kalsel.analis\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/session" >"$TMP/login-w.json"
WRITE_COOKIE="pantau_session=$(awk '$6 == "pantau_session" {print $7}' "$TMP/cookies-w")"
WRITE_CSRF="$(grep -Eo '"csrf_token":"[^"]+"' "$TMP/login-w.json" | cut -d'"' -f4)"
[ -n "$WRITE_CSRF" ] || { echo "bench: login of kalsel.analis failed" >&2; cat "$TMP/login-w.json" >&2; exit 1; }
writer() {
  local n=0
  while true; do
    n=$((n + 1))
    curl -s -o /dev/null -H "Cookie: $WRITE_COOKIE" -H "X-CSRF-Token: $WRITE_CSRF" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: bench-idi-$$-$n" \
      -d "{\"region_code\":\"63\",\"event_date\":\"$(date -u +%Y-%m-%d)\",\"description\":\"Butir uji beban $n\",\"source\":\"bench\",\"indicator_no\":$(( n % 22 + 1 )),\"sign\":-1}" \
      -w '%{http_code}\n' "$BASE/api/v1/democracy/evidence" >>"$WRITE_LOG"
    sleep "$WRITE_INTERVAL"
  done
}

echo "democracy chart answers: $CONNS connections, ${DUR}s after ${WARM}s warm-up ($(nproc) cores, $(date -u +%Y-%m-%d), load average$(uptime | sed 's/.*load average//')"
measure() {  # measure PATH MODE
  local path="$1" mode="$2" out rps p50 p99 non2xx
  taskset -c "$CCPU" wrk -t1 -c"$CONNS" -d"${WARM}s" -s "$ROOT/bench/conflict/get.lua" "$BASE$path" >/dev/null
  out="$(taskset -c "$CCPU" wrk -t1 -c"$CONNS" -d"${DUR}s" --latency -s "$ROOT/bench/conflict/get.lua" "$BASE$path")"
  rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  p50="$(echo "$out" | awk '$1 == "50%" {print $2}')"
  p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
  non2xx="$(echo "$out" | awk '/Non-2xx/ {print $NF}')"
  echo "$path  $mode  req/s=$rps  p50=$p50  p99=$p99  non2xx=${non2xx:-0}"
}
for path in "/api/v1/democracy/choropleth?year=2023&aspect=TOTAL" "/api/v1/democracy/choropleth?year=2022&aspect=KEBEBASAN" "/api/v1/democracy/trend?province=63" "/api/v1/democracy/trend?province=64"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $PANTAU_BENCH_COOKIE" "$BASE$path")"
  [ "$code" = 200 ] || { echo "bench: $path answered $code" >&2; exit 1; }
  measure "$path" quiet
  WRITE_LOG="$TMP/writes"; : >"$WRITE_LOG"
  taskset -c "$CCPU" bash -c "$(declare -f writer); WRITE_COOKIE='$WRITE_COOKIE' WRITE_CSRF='$WRITE_CSRF' WRITE_INTERVAL='$WRITE_INTERVAL' BASE='$BASE' WRITE_LOG='$WRITE_LOG'; writer" &
  WRITER_PID=$!
  measure "$path" writes
  kill "$WRITER_PID" 2>/dev/null || true; wait "$WRITER_PID" 2>/dev/null || true; WRITER_PID=""
  echo "  (evidence items written meanwhile: $(grep -c '^201$' "$WRITE_LOG"), refused: $(grep -vc '^201$' "$WRITE_LOG"))"
done
