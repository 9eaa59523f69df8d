#!/usr/bin/env bash
# Pantau conflict early-warning benchmark on a national data set (1,000,000 incidents over all
# kab/kota and kecamatan, 10 years): the clustered map of a province, the national choropleth of
# a period, recomputing every region's vulnerability for a period, and bulk CSV import. Builds nothing.
#   PANTAU_BIN=build-cf/pantau bash bench/conflict/run.sh
# Knobs (environment): PANTAU_BIN (build/pantau), BENCH_INCIDENTS (1000000), BENCH_DURATION (10 s),
# BENCH_WARMUP (3 s), BENCH_CONNECTIONS (8), BENCH_PORT (18095), BENCH_SERVER_CPU (0),
# BENCH_CLIENT_CPU (1), BENCH_OUT (bench/conflict/results/latest.md), BENCH_KEEP=1 keeps the temp dir.
# Method as bench/monitoring/run.sh: server pinned to one core, wrk (or curl) to the other, a
# warm-up before each measured run. Only 127.0.0.1 is contacted. Needs wrk, curl, taskset, python3, sqlite3.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/conflict"
BIN="${PANTAU_BIN:-$ROOT/build/pantau}"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN";; esac
PORT="${BENCH_PORT:-18095}"
DUR="${BENCH_DURATION:-10}"
WARM="${BENCH_WARMUP:-3}"
CONNS="${BENCH_CONNECTIONS:-8}"
SCPU="${BENCH_SERVER_CPU:-0}"
CCPU="${BENCH_CLIENT_CPU:-1}"
OUT="${BENCH_OUT:-$HERE/results/latest.md}"
BASE="http://127.0.0.1:$PORT"
PASSWORD="Uji-Beban-2026-Pantau"
PERIOD="2026-Q3"

for tool in wrk curl taskset awk python3 sqlite3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "bench: $BIN not found; build it first or set PANTAU_BIN" >&2; exit 2; }
if curl -s -o /dev/null --max-time 1 "$BASE/healthz"; then echo "bench: port $PORT is in use (set BENCH_PORT)" >&2; exit 2; fi

TMP="$(mktemp -d /tmp/pantau-conflict-bench.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
log() { echo "bench: $*" >&2; }
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.2f", n }'
}

log "seeding $TMP/pantau.db"
PANTAU_DEMO_PASSWORD="$PASSWORD" "$BIN" seed --demo --db "$TMP/pantau.db" --data "$ROOT/data" >"$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log" >&2; exit 1; }
log "generating ${BENCH_INCIDENTS:-1000000} incidents"
GEN_T0=$EPOCHREALTIME
python3 "$HERE/generate.py" "$TMP/pantau.db" --incidents "${BENCH_INCIDENTS:-1000000}" --csv "$TMP/import" 2>&1 | tee "$TMP/generate.log" >&2
GEN_S="$(awk -v a="$GEN_T0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.0f", b - a}')"
N_INC="$(sqlite3 "$TMP/pantau.db" 'SELECT COUNT(*) FROM conflict_incidents')"
N_63="$(sqlite3 "$TMP/pantau.db" "SELECT COUNT(*) FROM conflict_incidents WHERE region_code >= '63' AND region_code < '63/' AND lat IS NOT NULL")"
DB_MB="$(du -m "$TMP/pantau.db" | cut -f1)"

taskset -c "$SCPU" "$BIN" serve --db "$TMP/pantau.db" --listen "127.0.0.1:$PORT" --web "$ROOT/web/dist" --files "$TMP/files" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do curl -s -o /dev/null --max-time 1 "$BASE/readyz" && break; sleep 0.1; done

login() {
  curl -s -c "$TMP/cookies-$1" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/session" >"$TMP/login-$1.json"
  grep -Eo '"csrf_token":"[^"]+"' "$TMP/login-$1.json" | cut -d'"' -f4 >"$TMP/csrf-$1"
  awk '$6 == "pantau_session" {print "pantau_session=" $7}' "$TMP/cookies-$1" >"$TMP/cookie-$1"
  [ -s "$TMP/cookie-$1" ] || { log "login of $1 failed"; cat "$TMP/login-$1.json" >&2; exit 1; }
}
login admin
login kalsel.kaban
post() {  # post USER PATH CONTENT-TYPE BODY-FILE -> writes $TMP/post.json, prints "status seconds"
  taskset -c "$CCPU" curl -s -o "$TMP/post.json" -w '%{http_code} %{time_total}' -H "Cookie: $(cat "$TMP/cookie-$1")" \
    -H "X-CSRF-Token: $(cat "$TMP/csrf-$1")" -H "Content-Type: $3" --data-binary "@$4" "$BASE$2"
  echo
}

# --- recompute every region's vulnerability for a period (the server's own timing and curl's) --
echo "{\"period\":\"$PERIOD\"}" >"$TMP/period.json"
: >"$TMP/recompute.tsv"
for i in 1 2 3 4; do
  read -r code secs < <(post admin /api/v1/conflict/vulnerability/recompute application/json "$TMP/period.json")
  [ "$code" = 200 ] || { log "recompute answered $code"; cat "$TMP/post.json" >&2; exit 1; }
  [ "$i" = 1 ] && { REGIONS="$(grep -Eo '"regions":[0-9]+' "$TMP/post.json" | cut -d: -f2)"; continue; }  # warm-up
  printf '%s\n' "$secs" >>"$TMP/recompute.tsv"
done
RECOMPUTE_S="$(sort -g "$TMP/recompute.tsv" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
RECOMPUTE_MAX="$(sort -g "$TMP/recompute.tsv" | tail -1)"
log "recompute: $REGIONS regions, median $RECOMPUTE_S s, max $RECOMPUTE_MAX s"

# --- wrk runs ----------------------------------------------------------------------------------
run_wrk() {  # run_wrk NAME USER URL -> "rps p50 p99 requests non2xx"
  local threads=2; [ "$CONNS" -lt 2 ] && threads=1
  export PANTAU_BENCH_COOKIE; PANTAU_BENCH_COOKIE="$(cat "$TMP/cookie-$2")"
  taskset -c "$CCPU" wrk -t"$threads" -c"$CONNS" -d"${WARM}s" -s "$HERE/get.lua" "$3" >/dev/null 2>&1 || true
  taskset -c "$CCPU" wrk -t"$threads" -c"$CONNS" -d"${DUR}s" --timeout 30s --latency -s "$HERE/get.lua" "$3" >"$TMP/wrk-$1.txt" 2>&1 || true
  local rps p50 p99 reqs non2xx
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$TMP/wrk-$1.txt")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' "$TMP/wrk-$1.txt")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' "$TMP/wrk-$1.txt")")
  reqs=$(awk '/requests in/ {print $1}' "$TMP/wrk-$1.txt")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$TMP/wrk-$1.txt"); non2xx=${non2xx:-0}
  [ -n "$rps" ] || { log "wrk failed for $1"; cat "$TMP/wrk-$1.txt" >&2; exit 1; }
  log "$1: $rps req/s, p50 $p50 ms, p99 $p99 ms, $reqs requests, non-2xx $non2xx"
  echo "$rps $p50 $p99 $reqs $non2xx"
}
U_CL_ALL="$BASE/api/v1/conflict/incidents/clusters?region=63&zoom=7"
U_CL_YEAR="$BASE/api/v1/conflict/incidents/clusters?region=63&zoom=9&from=2026-01-01&to=2026-12-31"
U_CHORO="$BASE/api/v1/conflict/vulnerability?level=kabkota&period=$PERIOD"
U_CHORO_P="$BASE/api/v1/conflict/vulnerability?level=provinsi&period=$PERIOD"
curl -s -o "$TMP/cl.json" -H "Cookie: $(cat "$TMP/cookie-kalsel.kaban")" "$U_CL_ALL"
CL_TOTAL="$(grep -Eo '"total":[0-9]+' "$TMP/cl.json" | cut -d: -f2)"; CL_N="$(grep -o '"count"' "$TMP/cl.json" | wc -l)"; CL_B="$(wc -c <"$TMP/cl.json")"
curl -s -o "$TMP/ch.json" -H "Cookie: $(cat "$TMP/cookie-admin")" "$U_CHORO"
CH_N="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["values"]))' "$TMP/ch.json")"; CH_B="$(wc -c <"$TMP/ch.json")"
read -r CL_RPS CL_P50 CL_P99 CL_REQ CL_BAD < <(run_wrk clusters_all kalsel.kaban "$U_CL_ALL")
read -r CY_RPS CY_P50 CY_P99 CY_REQ CY_BAD < <(run_wrk clusters_year kalsel.kaban "$U_CL_YEAR")
read -r CH_RPS CH_P50 CH_P99 CH_REQ CH_BAD < <(run_wrk choropleth_kabkota admin "$U_CHORO")
read -r CP_RPS CP_P50 CP_P99 CP_REQ CP_BAD < <(run_wrk choropleth_provinsi admin "$U_CHORO_P")
# Service time without queueing: one connection.
read -r C1_RPS C1_P50 C1_P99 C1_REQ C1_BAD < <(CONNS=1 run_wrk clusters_all_c1 kalsel.kaban "$U_CL_ALL")
read -r H1_RPS H1_P50 H1_P99 H1_REQ H1_BAD < <(CONNS=1 run_wrk choropleth_kabkota_c1 admin "$U_CHORO")

# --- bulk import (all or nothing; 1 MB bodies) -------------------------------------------------
IMPORTED=0; IMPORT_S=0
for f in "$TMP"/import.*.csv; do
  read -r code secs < <(post kalsel.kaban /api/v1/conflict/incidents/import text/csv "$f")
  [ "$code" = 201 ] || { log "import answered $code"; head -c 600 "$TMP/post.json" >&2; exit 1; }
  n="$(grep -Eo '"imported":[0-9]+' "$TMP/post.json" | cut -d: -f2)"
  IMPORTED=$((IMPORTED + n)); IMPORT_S="$(awk -v a="$IMPORT_S" -v b="$secs" 'BEGIN {print a + b}')"
done
IMPORT_RPS="$(awk -v n="$IMPORTED" -v s="$IMPORT_S" 'BEGIN {printf "%.0f", n / s}')"
log "import: $IMPORTED rows in $IMPORT_S s = $IMPORT_RPS rows/s"

mkdir -p "$(dirname "$OUT")"
{
  echo "# Conflict early-warning benchmark"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(nproc) cores, server pinned to core $SCPU, client to core $CCPU."
  echo "Data: $N_INC incidents over all kab/kota and kecamatan, 10 years (generated in $GEN_S s; database $DB_MB MB); $N_63 with coordinates in province 63."
  echo
  echo "| measurement | target | result |"
  echo "|---|---|---|"
  echo "| clustered map of a province, all 10 years (\`clusters?region=63&zoom=7\`, $CL_TOTAL incidents, $CL_N clusters, $CL_B B), $CONNS connections | p99 < 100 ms | p99 $CL_P99 ms, p50 $CL_P50 ms, $CL_RPS req/s, non-2xx $CL_BAD |"
  echo "| the same, 1 connection (service time) | p99 < 100 ms | p99 $C1_P99 ms, p50 $C1_P50 ms, $C1_RPS req/s |"
  echo "| clustered map of a province, one year (zoom 9) | p99 < 100 ms | p99 $CY_P99 ms, p50 $CY_P50 ms, $CY_RPS req/s, non-2xx $CY_BAD |"
  echo "| national choropleth of a period, kab/kota (\`vulnerability?level=kabkota&period=$PERIOD\`, $CH_N regions, $CH_B B) | p99 < 50 ms | p99 $CH_P99 ms, p50 $CH_P50 ms, $CH_RPS req/s, non-2xx $CH_BAD |"
  echo "| the same, 1 connection (service time) | p99 < 50 ms | p99 $H1_P99 ms, p50 $H1_P50 ms, $H1_RPS req/s |"
  echo "| national choropleth of a period, provinces | p99 < 50 ms | p99 $CP_P99 ms, p50 $CP_P50 ms, $CP_RPS req/s, non-2xx $CP_BAD |"
  echo "| recompute every region's vulnerability for $PERIOD ($REGIONS regions x 3 clearance levels), 3 runs | < 2 s | median $RECOMPUTE_S s, max $RECOMPUTE_MAX s |"
  echo "| bulk CSV import, $IMPORTED rows in files of 10,000 | >= 20,000 rows/s | $IMPORT_RPS rows/s ($IMPORT_S s) |"
} >"$OUT"
cat "$OUT"
