#!/usr/bin/env bash
# Pantau public service desk benchmark: the portal pages and the tracking page at 64 connections
# (issue 13: p99 under 10 ms), and submissions from the portal with every acknowledged one
# counted in the database afterwards (issue 13: 1,000 a minute, every acknowledged one stored).
#   PANTAU_BIN=build/pantau bash bench/services/run.sh
# Knobs (environment): PANTAU_BIN (build/pantau), BENCH_DURATION (10 s), BENCH_WARMUP (3 s),
# BENCH_CONNECTIONS (64), BENCH_SUBMIT_DURATION (60 s), BENCH_SUBMIT_CONNECTIONS (8),
# BENCH_PORT (18097), BENCH_SERVER_CPU (0), BENCH_CLIENT_CPU (1), BENCH_QUIET_WAIT (20 s),
# BENCH_OUT (bench/services/results/latest.md), BENCH_KEEP=1 keeps the temp dir.
# Method as bench/run.sh: the server pinned to one core, wrk to the other, a warm-up before each
# measured run. The portal's per-address limits are raised for the run (all requests come from
# 127.0.0.1); SQLite, demo data. Only 127.0.0.1 is contacted. Needs wrk, curl, taskset, sqlite3.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/services"
BIN="${PANTAU_BIN:-$ROOT/build/pantau}"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN";; esac
PORT="${BENCH_PORT:-18097}"
DUR="${BENCH_DURATION:-10}"
WARM="${BENCH_WARMUP:-3}"
CONNS="${BENCH_CONNECTIONS:-64}"
SDUR="${BENCH_SUBMIT_DURATION:-60}"
SCONNS="${BENCH_SUBMIT_CONNECTIONS:-8}"
SCPU="${BENCH_SERVER_CPU:-0}"
CCPU="${BENCH_CLIENT_CPU:-1}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-20}"
OUT="${BENCH_OUT:-$HERE/results/latest.md}"
BASE="http://127.0.0.1:$PORT"
PUB="$BASE/api/v1/public/layanan"

for tool in wrk curl taskset awk sqlite3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "bench: $BIN not found; build it first or set PANTAU_BIN" >&2; exit 2; }
if curl -s -o /dev/null --max-time 1 "$BASE/healthz"; then echo "bench: port $PORT is in use (set BENCH_PORT)" >&2; exit 2; fi

TMP="$(mktemp -d /tmp/pantau-services-bench.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

log "seeding $TMP/pantau.db"
"$BIN" seed --demo --db "$TMP/pantau.db" --data "$ROOT/data" --files "$TMP/files" >"$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log" >&2; exit 1; }

PANTAU_LAYANAN_READS_PER_MINUTE=100000000 PANTAU_LAYANAN_SUBMITS_PER_MINUTE=100000000 \
  taskset -c "$SCPU" "$BIN" serve --db "$TMP/pantau.db" --listen "127.0.0.1:$PORT" --files "$TMP/files" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
wait_http "$BASE/readyz" "$SERVER_PID"

# One request to track: its number and secret are given once, at submission.
SUB="$(curl -s -H 'Content-Type: application/json' -d '{"kind":"COMPLAINT","office":"63.71","applicant_name":"Warga","applicant_contact":"081234567890","subject":"Antrean","body":"Lama."}' "$PUB/requests")"
BENCH_REG_NO="$(printf '%s' "$SUB" | sed -n 's/.*"reg_no":"\([^"]*\)".*/\1/p')"
BENCH_SECRET="$(printf '%s' "$SUB" | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')"
[ -n "$BENCH_REG_NO" ] && [ -n "$BENCH_SECRET" ] || { log "submission failed: $SUB"; exit 1; }
export BENCH_REG_NO BENCH_SECRET
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "{\"reg_no\":\"$BENCH_REG_NO\",\"secret\":\"$BENCH_SECRET\"}" "$PUB/track")
[ "$code" = 200 ] || { log "tracking answered $code"; exit 1; }

ROWS=()
measure() {  # measure NAME URL SCRIPT
  local line
  line="$(wrk_measure "$TMP/$1" "$SERVER_PID" "$CONNS" "$DUR" "$WARM" "$2" "$HERE/$3")"
  ROWS+=("$1	$line")
  log "$1: $line"
}
measure "portal: service list" "$PUB/offices" get.lua
measure "portal: one office's standards" "$PUB/offices/63.71" get.lua
measure "tracking (valid secret)" "$PUB/track" track.lua

# Submissions: every acknowledged (201) one must be a stored row.
BEFORE="$(sqlite3 "$TMP/pantau.db" "SELECT COUNT(*) FROM svc_cases WHERE channel = 'PORTAL'")"
export BENCH_CREATED_FILE="$TMP/created.txt"
: >"$BENCH_CREATED_FILE"
wait_quiet
taskset -c "$CCPU" wrk -t2 -c"$SCONNS" -d"${SDUR}s" --timeout 30s --latency -s "$HERE/submit.lua" "$PUB/requests" >"$TMP/submit.txt" 2>&1
ACKED="$(awk '{s += $1} END {print s + 0}' "$BENCH_CREATED_FILE")"
AFTER="$(sqlite3 "$TMP/pantau.db" "SELECT COUNT(*) FROM svc_cases WHERE channel = 'PORTAL'")"
STORED=$((AFTER - BEFORE))
SUB_RPS="$(awk '/^Requests\/sec:/ {print $2}' "$TMP/submit.txt")"
SUB_P99="$(to_ms "$(awk '$1=="99%" {print $2}' "$TMP/submit.txt")")"
log "submissions: $ACKED acknowledged, $STORED stored, $SUB_RPS/s, p99 $SUB_P99 ms"

mkdir -p "$(dirname "$OUT")"
{
  echo "# Public service desk benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "Server pinned to CPU $SCPU, wrk on CPU $CCPU; $CONNS connections, ${DUR} s after a ${WARM} s warm-up; SQLite, demo data."
  echo
  echo "| what | req/s | p50 ms | p99 ms | p90 ms | non-2xx | server CPU % |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for r in "${ROWS[@]}"; do
    IFS=$'\t' read -r name rps p50 p99 reqs non2xx sockerr cpu other us p90 <<<"$r"
    echo "| $name | $(fmt_int "$rps") | $p50 | $p99 | $p90 | $non2xx | $cpu |"
  done
  echo
  echo "Submissions from the portal, $SCONNS connections for ${SDUR} s: $(fmt_int "$SUB_RPS")/s ($(fmt_int "$(awk -v r="$SUB_RPS" 'BEGIN {print r * 60}')") a minute), p99 $SUB_P99 ms; acknowledged (201) $ACKED, rows stored $STORED."
} >"$OUT"
cat "$OUT"
[ "$ACKED" = "$STORED" ] || { log "acknowledged $ACKED but stored $STORED"; exit 1; }
