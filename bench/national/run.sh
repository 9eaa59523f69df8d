#!/usr/bin/env bash
# National benchmark on PostgreSQL: the national data set, 10,000 sessions over every Kesbangpol
# office, what one Pantau core carries per endpoint, the election-day mix at the rate those
# sessions send, and the sizing table that follows from them.
#   PANTAU_BIN=build/pantau bash bench/national/run.sh
# Knobs (environment): NAT_SESSIONS (10000), NAT_EVENTS (200000 fast reports in the data set),
# NAT_DURATION (15 s per endpoint), NAT_MIX_DURATION (60 s), NAT_CONNS (64: per-endpoint capacity),
# NAT_MIX_CONNS (400: connections of the election-day mix), BENCH_SERVER_CPU (0), BENCH_CLIENT_CPU (1),
# BENCH_QUIET_WAIT (60 s), BENCH_OUT (bench/national/results/latest.md), BENCH_KEEP=1 keeps the temp dir.
# Pantau runs pinned to one core; PostgreSQL (a throwaway cluster, scripts/pg-cluster.sh) and wrk
# share the other, and the CPU of each is read from /proc, so the figures are per core of Pantau
# and per core of PostgreSQL. Needs wrk, curl, taskset, python3, sqlite3, psql, postgresql-15.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="${PANTAU_BIN:-$ROOT/build/pantau}"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN";; esac
SESSIONS="${NAT_SESSIONS:-10000}"
DUR="${NAT_DURATION:-15}"
MIX_DUR="${NAT_MIX_DURATION:-60}"
CONNS="${NAT_CONNS:-64}"
MIX_CONNS="${NAT_MIX_CONNS:-400}"
SCPU="${BENCH_SERVER_CPU:-0}"
CCPU="${BENCH_CLIENT_CPU:-1}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-60}"
OUT="${BENCH_OUT:-$HERE/results/latest.md}"
PASSWORD="Uji-Beban-2026-Pantau"
for tool in wrk curl taskset python3 sqlite3 psql; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found (scripts/install-deps.sh --bench)" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "bench: $BIN not found; build it first (make build) or set PANTAU_BIN" >&2; exit 2; }

TMP="$(mktemp -d /tmp/pantau-national.XXXXXX)"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  bash "$ROOT/scripts/pg-cluster.sh" stop "$TMP/pg" || true
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT INT TERM
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# --- data set --------------------------------------------------------------------------------
T0=$EPOCHREALTIME
URL="$(bash "$ROOT/scripts/pg-cluster.sh" start "$TMP/pg")"
PG_HOME="$(cat "$TMP/pg/location" 2>/dev/null || echo "$TMP/pg")"
PM_PID="$(head -1 "$PG_HOME/data/postmaster.pid")"
log "PostgreSQL at $URL (postmaster $PM_PID); seeding both databases"
for db in "$TMP/national.db" "$URL"; do
  PANTAU_DEMO_PASSWORD="$PASSWORD" "$BIN" seed --demo --db "$db" --data "$ROOT/data" --files "$TMP/files" >>"$TMP/seed.log" 2>&1 \
    || { cat "$TMP/seed.log" >&2; exit 1; }
done
log "generating the national data set"
python3 "$ROOT/bench/monitoring/generate.py" "$TMP/national.db" --events "${NAT_EVENTS:-200000}" 2>&1 | tail -3 >&2
log "copying it into PostgreSQL and creating $SESSIONS sessions"
python3 "$HERE/load_pg.py" "$TMP/national.db" "$URL" --sessions "$SESSIONS" --out "$TMP/sessions.tsv"
export NAT_SESSIONS="$TMP/sessions.tsv"
SETUP_S="$(awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.0f", b - a}')"
pg() { psql -X -qAt "$URL" -c "$1"; }
N_REPORTS="$(pg 'SELECT COUNT(*) FROM periodic_reports')"
N_EVENTS0="$(pg 'SELECT COUNT(*) FROM political_events')"
N_FILES0="$(pg 'SELECT COUNT(*) FROM evidence_files')"
N_DOCS="$(pg 'SELECT COUNT(*) FROM search_docs')"
N_OFFICES="$(pg "SELECT COUNT(*) FROM org_units WHERE kind = 'KESBANGPOL'")"
N_SESS="$(pg 'SELECT COUNT(*) FROM sessions')"
DB_MB0="$(pg "SELECT pg_database_size(current_database()) / 1048576")"

# PostgreSQL's processes (the postmaster and every backend it forks) on the client core.
taskset -a -cp "$CCPU" "$PM_PID" >/dev/null
for p in $(pgrep -P "$PM_PID"); do taskset -a -cp "$CCPU" "$p" >/dev/null || true; done
pg_jiffies() {  # the postmaster and its children (Pantau keeps its connections open)
  local s=0 p
  for p in "$PM_PID" $(pgrep -P "$PM_PID"); do
    s=$((s + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$s"
}

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
taskset -c "$SCPU" "$BIN" serve --db "$URL" --listen "127.0.0.1:$PORT" --web "$ROOT/web/dist" --files "$TMP/files" \
  --access-log "$TMP/access.log" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
wait_http "$BASE/readyz" "$SERVER_PID" || { tail -20 "$TMP/server.log" >&2; exit 1; }
for p in $(pgrep -P "$PM_PID"); do taskset -a -cp "$CCPU" "$p" >/dev/null || true; done

# One request of each kind must answer 2xx before anything is measured.
for e in submit events upload dashboard geo reports search; do
  NAT_ONLY=$e taskset -c "$CCPU" wrk -t1 -c1 -d1s -s "$HERE/mix.lua" "$BASE" -- "probe" >"$TMP/probe-$e.txt" 2>&1 || true
  if grep -q "Non-2xx" "$TMP/probe-$e.txt" || ! grep -q "requests in" "$TMP/probe-$e.txt"; then
    log "probe of $e failed:"; cat "$TMP/probe-$e.txt" >&2; tail -5 "$TMP/access.log" >&2; exit 1
  fi
done

# measure NAME CONNS DURATION [RATE] -> one line in $TMP/results.tsv:
# name, req/s, p50, p99, requests, non-2xx, Pantau CPU %, Pantau µs/req, PostgreSQL CPU %, PostgreSQL µs/req
measure() {
  local name="$1" conns="$2" dur="$3" rate="${4:-0}" threads=2 only=""
  [ "$name" = mix ] || only="$name"
  wait_quiet
  NAT_ONLY="$only" NAT_RATE="$rate" NAT_CONNS="$conns" taskset -c "$CCPU" wrk -t$threads -c"$conns" -d3s --timeout 30s \
    -s "$HERE/mix.lua" "$BASE" -- "w$name" >"$TMP/wrk-$name-warm.txt" 2>&1 || true
  sleep 2  # the warm-up's last requests are answered and flushed to the log before it is emptied
  : >"$TMP/access.log"
  local j0 j1 q0 q1 t0 t1 out="$TMP/wrk-$name.txt"
  j0=$(pid_jiffies "$SERVER_PID"); q0=$(pg_jiffies); t0=$EPOCHREALTIME
  NAT_ONLY="$only" NAT_RATE="$rate" NAT_CONNS="$conns" taskset -c "$CCPU" wrk -t$threads -c"$conns" -d"${dur}s" --timeout 30s --latency \
    -s "$HERE/mix.lua" "$BASE" -- "m$name" >"$out" 2>&1 || true
  j1=$(pid_jiffies "$SERVER_PID"); q1=$(pg_jiffies); t1=$EPOCHREALTIME
  sleep 2  # the server flushes its access log every second
  cp "$TMP/access.log" "$TMP/access-$name.log"
  local secs rps reqs
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out"); reqs=$(awk '/requests in/ {print $1}' "$out")
  [ -n "$rps" ] || { log "wrk failed for $name:"; cat "$out" >&2; exit 1; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" \
    "$(to_ms "$(awk '$1=="50%" {print $2}' "$out")")" "$(to_ms "$(awk '$1=="99%" {print $2}' "$out")")" "$reqs" \
    "$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out" | grep . || echo 0)" \
    "$(awk -v j=$((j1 - j0)) -v s="$secs" -v h="$CLK_TCK" 'BEGIN {printf "%.0f", j / h / s * 100}')" \
    "$(awk -v j=$((j1 - j0)) -v h="$CLK_TCK" -v r="$reqs" 'BEGIN {printf "%.0f", (r > 0 ? j / h / r * 1e6 : 0)}')" \
    "$(awk -v j=$((q1 - q0)) -v s="$secs" -v h="$CLK_TCK" 'BEGIN {printf "%.0f", j / h / s * 100}')" \
    "$(awk -v j=$((q1 - q0)) -v h="$CLK_TCK" -v r="$reqs" 'BEGIN {printf "%.0f", (r > 0 ? j / h / r * 1e6 : 0)}')" >>"$TMP/results.tsv"
  log "$(tail -1 "$TMP/results.tsv")"
}

# Server-side time per endpoint from the access log: NAME count p50 p99 (ms).
per_endpoint() {
  awk '{
    m = $0; sub(/^[^"]*"/, "", m); split(m, a, " "); method = a[1]; path = a[2]; sub(/"$/, "", path); sub(/\?.*/, "", path)
    ms = $NF; sub(/ms$/, "", ms)
    if (path == "/api/v1/monitoring/events" && method == "POST") n = "submit"
    else if (path == "/api/v1/monitoring/events") n = "events"
    else if (path == "/api/v1/files") n = "upload"
    else if (path == "/api/v1/dashboard") n = "dashboard"
    else if (path ~ /^\/api\/v1\/geo\//) n = "geo"
    else if (path == "/api/v1/monitoring/reports") n = "reports"
    else if (path == "/api/v1/search") n = "search"
    else n = "other"
    print n, ms }' "$1" | sort -k1,1 -k2,2g | awk '
    { if ($1 != cur) { if (cur != "") out(); cur = $1; n = 0 } v[++n] = $2 }
    function out() { printf "%s %d %.1f %.1f\n", cur, n, v[int((n + 1) * 0.5)], v[(int(n * 0.99) > 0 ? int(n * 0.99) : 1)] }
    END { if (cur != "") out() }'
}

: >"$TMP/results.tsv"
for e in submit events upload dashboard geo reports search; do measure "$e" "$CONNS" "$DUR"; done
# The election-day rate of these sessions (mix.lua: per-session rates).
RATE="$(awk -F'\t' '$3=="kec" {k++} $3=="office" {o++} END {printf "%.1f", k * (1/900 + 1/900 + 1/1800) + o * (1/60 + 1/120 + 3/300)}' "$NAT_SESSIONS")"
measure mix "$MIX_CONNS" "$MIX_DUR" "$RATE"
MIX_EP="$(per_endpoint "$TMP/access-mix.log")"

# Nothing acknowledged is lost: every 2xx fast report and upload of every run is a row.
# (The measured runs' requests carry the label "m<run>"; warm-ups and probes have their own.)
ACK_EVENTS="$(cat "$TMP"/access-*.log | awk 'index($0, "\"POST /api/v1/monitoring/events\"") && $(NF-2) ~ /^20/' | wc -l)"
STORED_EVENTS="$(pg "SELECT COUNT(*) FROM political_events WHERE title LIKE 'Uji nasional lapor cepat m%'")"
N_EVENTS1="$(pg 'SELECT COUNT(*) FROM political_events')"
DB_MB1="$(pg "SELECT pg_database_size(current_database()) / 1048576")"
RSS_KB="$(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status")"

# --- report ----------------------------------------------------------------------------------
python3 "$HERE/report.py" --results "$TMP/results.tsv" --mix-endpoints <(echo "$MIX_EP") --rate "$RATE" --mix-conns "$MIX_CONNS" \
  --sessions "$N_SESS" --offices "$N_OFFICES" --reports "$N_REPORTS" --events "$N_EVENTS0" --files "$N_FILES0" \
  --docs "$N_DOCS" --acked "$ACK_EVENTS" --stored "$STORED_EVENTS" --events-after "$N_EVENTS1" --db-mb "$DB_MB0" --db-mb-after "$DB_MB1" --rss-kb "$RSS_KB" --setup-s "$SETUP_S" \
  --commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" --load "$(cut -d' ' -f1-3 /proc/loadavg)" \
  --cpu "$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)" >"$TMP/report.md"
mkdir -p "$(dirname "$OUT")"
cp "$TMP/report.md" "$OUT"
cat "$OUT"
# Stored may exceed acknowledged (requests in flight when wrk stops are answered after the log was copied).
[ "$STORED_EVENTS" -ge "$ACK_EVENTS" ] || { log "LOST: $ACK_EVENTS fast reports acknowledged, $STORED_EVENTS stored"; exit 1; }
# Answers other than 2xx in the election-day mix, by status and path (they are counted in the report).
awk '$(NF-2) !~ /^2/ {m = $0; sub(/^[^"]*"/, "", m); sub(/\?.*/, "", m); sub(/".*/, "", m); print $(NF-2), m}' "$TMP/access-mix.log" | sort | uniq -c >&2 || true
