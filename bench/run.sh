#!/usr/bin/env bash
# Pantau benchmark: start-up time, read throughput/latency, durable write throughput, peak RSS.
#   make bench                       (builds build/pantau first)
#   PANTAU_BIN=build-bench/pantau bash bench/run.sh
# Knobs (environment): BENCH_ROUNDS (3), BENCH_DURATION (10 s), BENCH_WARMUP (3 s),
# BENCH_CONNECTIONS (64), BENCH_STARTUP_RUNS (7), BENCH_PORT (18089), BENCH_SERVER_CPU (0),
# BENCH_CLIENT_CPU (1), BENCH_OUT (bench/results/latest.md), BENCH_QUIET_WAIT (120 s: how long
# to wait for a quiet machine before each measurement), BENCH_KEEP=1 keeps the temp dir.
# The server and wrk are pinned to different cores (taskset), and a run is repeated when other
# processes used more than 25% of the server's core during it. Only 127.0.0.1 is contacted.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${PANTAU_BIN:-$ROOT/build/pantau}"
PORT="${BENCH_PORT:-18089}"
ROUNDS="${BENCH_ROUNDS:-3}"
DUR="${BENCH_DURATION:-10}"
WARM="${BENCH_WARMUP:-3}"
CONNS="${BENCH_CONNECTIONS:-64}"
STARTUP_RUNS="${BENCH_STARTUP_RUNS:-7}"
SCPU="${BENCH_SERVER_CPU:-0}"
CCPU="${BENCH_CLIENT_CPU:-1}"
OUT="${BENCH_OUT:-$ROOT/bench/results/latest.md}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-120}"
MAX_FOREIGN=25   # % of the server's core used by other processes before a run is repeated
RETRIES=2
BASE="http://127.0.0.1:$PORT"
PASSWORD="Uji-Beban-2026-Pantau"

for tool in wrk curl taskset awk sort; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found (apt-get install wrk curl util-linux)" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "bench: $BIN not found; build it first (make build) or set PANTAU_BIN" >&2; exit 2; }
if curl -s -o /dev/null --max-time 1 "$BASE/healthz"; then
  echo "bench: something already listens on port $PORT (set BENCH_PORT)" >&2
  exit 2
fi

TMP="$(mktemp -d /tmp/pantau-bench.XXXXXX)"
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() {
  stop_server
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT INT TERM

# shellcheck source=lib.sh
source "$ROOT/bench/lib.sh"
# Context switches (voluntary + involuntary) summed over all threads of a process.
pid_ctxsw() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ {s += $2} END {print s + 0}'; }

start_server() {
  taskset -c "$SCPU" "$BIN" serve --db "$TMP/pantau.db" --listen "127.0.0.1:$PORT" --web "$ROOT/web/dist" \
    --files "$TMP/files" --access-log "$TMP/access.log" >>"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
}

# Waits (pinned to the client core) for the first 200 on /readyz; prints elapsed ms since $1.
wait_ready() {
  local t0="$1" code
  for _ in $(seq 1 2000); do
    code=$(taskset -c "$CCPU" curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/readyz" || true)
    if [ "$code" = 200 ]; then
      awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.1f", (b - a) * 1000}'
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { log "server exited during start-up:"; tail -20 "$TMP/server.log" >&2; return 1; }
  done
  log "server not ready after 2000 polls"
  return 1
}

# Waits until the machine is quiet (both cores < 50% busy over 1 s), at most $QUIET_WAIT s.

# Logs in as the admin and exports the cookie and CSRF token for the wrk scripts.
login() {
  curl -s -c "$TMP/cookies" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/session" >"$TMP/login.json"
  local csrf token
  csrf="$(grep -Eo '"csrf_token":"[^"]+"' "$TMP/login.json" | cut -d'"' -f4)"
  token="$(awk '$6 == "pantau_session" {print $7}' "$TMP/cookies")"
  if [ -z "$csrf" ] || [ -z "$token" ]; then log "login failed:"; cat "$TMP/login.json" >&2; exit 1; fi
  export PANTAU_BENCH_COOKIE="pantau_session=$token" PANTAU_BENCH_CSRF="$csrf"
}

# The machine is shared: if the server disappeared (a crash, or another process stopped it),
# print its last log lines, start it again and log in again (at most 3 times in a run).
# Returns 1 when it had to restart, so that the caller repeats the measurement.
RESTARTS=0
ensure_server() {
  kill -0 "$SERVER_PID" 2>/dev/null && return 0
  local rc=0
  wait "$SERVER_PID" 2>/dev/null || rc=$?
  log "the server (pid $SERVER_PID) is gone during $1 (exit status $rc); its last log lines:"
  tail -5 "$TMP/server.log" >&2
  SERVER_PID=""
  RESTARTS=$((RESTARTS + 1))
  [ "$RESTARTS" -le 3 ] || { log "too many restarts"; exit 1; }
  start_server
  wait_ready "$EPOCHREALTIME" >/dev/null || exit 1
  login
  return 1
}

# run_wrk NAME LABEL URL [SCRIPT [ARG]] -> appends one result line to $TMP/results.tsv:
# name, round, req/s, p50 ms, p99 ms, requests, non-2xx, socket errors, server CPU %, other CPU % on
# the server core, steal % on the server core, server context switches per request, server CPU µs per request.
run_wrk() {
  local name="$1" round="$2" url="$3" script="${4:-}" arg="${5:-}"
  local sargs=()
  [ -n "$script" ] && sargs=(-s "$ROOT/bench/$script")
  local try best_line="" best_foreign=1000
  for try in $(seq 0 "$RETRIES"); do
    wait_quiet
    ensure_server "$name (before warm-up)" || true
    taskset -c "$CCPU" wrk -t2 -c"$CONNS" -d"${WARM}s" "${sargs[@]}" "$url" ${arg:+-- "warm$round$try$arg"} \
      >"$TMP/wrk-$name-$round-$try-warm.txt" 2>&1 || true
    local j0 j1 c0 c1 s0 s1 t0 t1 x0 x1
    ensure_server "$name (warm-up)" || continue
    j0=$(pid_jiffies "$SERVER_PID"); read -r c0 s0 < <(cpu_busy "$SCPU"); x0=$(pid_ctxsw "$SERVER_PID"); t0=$EPOCHREALTIME
    local out="$TMP/wrk-$name-$round-$try.txt"
    taskset -c "$CCPU" wrk -t2 -c"$CONNS" -d"${DUR}s" --latency "${sargs[@]}" "$url" ${arg:+-- "r$round$try$arg"} >"$out" 2>&1 || true
    ensure_server "$name (measured run)" || continue
    j1=$(pid_jiffies "$SERVER_PID"); read -r c1 s1 < <(cpu_busy "$SCPU"); x1=$(pid_ctxsw "$SERVER_PID"); t1=$EPOCHREALTIME
    local secs server_pct foreign_pct steal_pct
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
    server_pct=$(awk -v j=$((j1 - j0)) -v s="$secs" -v h="$CLK_TCK" 'BEGIN {printf "%.0f", j / h / s * 100}')
    foreign_pct=$(awk -v c=$((c1 - c0)) -v j=$((j1 - j0)) -v s="$secs" -v h="$CLK_TCK" 'BEGIN {f = (c - j) / h / s * 100; if (f < 0) f = 0; printf "%.0f", f}')
    steal_pct=$(awk -v c=$((s1 - s0)) -v s="$secs" -v h="$CLK_TCK" 'BEGIN {printf "%.0f", c / h / s * 100}')
    local rps p50 p99 reqs non2xx sockerr
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    p50=$(to_ms "$(awk '$1=="50%" {print $2}' "$out")")
    p99=$(to_ms "$(awk '$1=="99%" {print $2}' "$out")")
    reqs=$(awk '/requests in/ {print $1}' "$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out"); non2xx=${non2xx:-0}
    sockerr=$(awk -F'[ ,]+' '/Socket errors:/ {print $4+$6+$8+$10}' "$out"); sockerr=${sockerr:-0}
    if [ -z "$rps" ]; then log "wrk failed for $name:"; cat "$out" >&2; exit 1; fi
    local line cps us_per_req
    cps=$(awk -v x=$((x1 - x0)) -v r="$reqs" 'BEGIN {printf "%.1f", (r > 0 ? x / r : 0)}')
    us_per_req=$(awk -v j=$((j1 - j0)) -v h="$CLK_TCK" -v r="$reqs" 'BEGIN {printf "%.0f", (r > 0 ? j / h / r * 1e6 : 0)}')
    line=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$name" "$round" "$rps" "$p50" "$p99" "$reqs" "$non2xx" "$sockerr" "$server_pct" "$foreign_pct" "$steal_pct" "$cps" "$us_per_req")
    log "$name round $round: $rps req/s, p99 $p99 ms, server CPU $server_pct%, other $foreign_pct%, steal $steal_pct%, non-2xx $non2xx"
    if [ "$foreign_pct" -lt "$best_foreign" ]; then best_foreign=$foreign_pct; best_line=$line; fi
    if [ "$foreign_pct" -le "$MAX_FOREIGN" ]; then break; fi
    log "other processes used $foreign_pct% of core $SCPU: repeating"
  done
  if [ -z "$best_line" ]; then log "no complete run for $name"; exit 1; fi
  echo "$best_line" >>"$TMP/results.tsv"
}

# --- conditions ----------------------------------------------------------------------------
DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
CPU_MODEL="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
NCPU="$(nproc)"
MEM_GB="$(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [ -n "$(git -C "$ROOT" status --porcelain -- src 2>/dev/null)" ]; then COMMIT="$COMMIT + uncommitted changes in src/"; fi
BUILD_TYPE="$(awk -F= '/^CMAKE_BUILD_TYPE:/ {print $2}' "$(dirname "$BIN")/CMakeCache.txt" 2>/dev/null || echo '?')"

# --- seed ------------------------------------------------------------------------------------
log "seeding $TMP/pantau.db (reference + demo data)"
PANTAU_DEMO_PASSWORD="$PASSWORD" "$BIN" seed --demo --db "$TMP/pantau.db" --data "$ROOT/data" >"$TMP/seed.log" 2>&1 \
  || { cat "$TMP/seed.log" >&2; exit 1; }
REGIONS="$(grep -Eo '[0-9]+ wilayah' "$TMP/seed.log" | grep -Eo '[0-9]+' || echo '?')"
DB_KB="$(du -k "$TMP/pantau.db" | cut -f1)"

# --- start-up ------------------------------------------------------------------------------
log "start-up: $STARTUP_RUNS runs"
: >"$TMP/startup.txt"
for i in $(seq 1 "$STARTUP_RUNS"); do
  wait_quiet
  t0=$EPOCHREALTIME
  start_server
  ms=$(wait_ready "$t0") || exit 1
  echo "$ms" >>"$TMP/startup.txt"
  log "start-up run $i: $ms ms"
  stop_server
done
STARTUP_MED="$(median <"$TMP/startup.txt")"
STARTUP_RANGE="$(minmax %.0f <"$TMP/startup.txt")"
SELF_READY="$(grep -Eo 'ready in [0-9]+ ms' "$TMP/server.log" | grep -Eo '[0-9]+' | median)"

# --- load ----------------------------------------------------------------------------------
start_server
wait_ready "$EPOCHREALTIME" >/dev/null || exit 1
login
REGION_BYTES="$(curl -s -H "Cookie: $PANTAU_BENCH_COOKIE" "$BASE/api/v1/regions?parent=63" | wc -c)"
REGION_ITEMS="$(curl -s -H "Cookie: $PANTAU_BENCH_COOKIE" "$BASE/api/v1/regions?parent=63" | grep -o '"code"' | wc -l)"

: >"$TMP/results.tsv"
for r in $(seq 1 "$ROUNDS"); do
  log "round $r of $ROUNDS"
  run_wrk healthz "$r" "$BASE/healthz"
  run_wrk session "$r" "$BASE/api/v1/session" session.lua
  run_wrk regions "$r" "$BASE/api/v1/regions?parent=63" session.lua
  [ "$r" = 1 ] && RSS_READS_KB="$(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status")"
  run_wrk create "$r" "$BASE/api/v1/org-units" create_org_unit.lua "w"
done
ensure_server "the end" || log "restarted at the end: the peak RSS below is that of the new process"
RSS_PEAK_KB="$(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status")"
THREADS="$(awk '/^Threads/ {print $2}' "/proc/$SERVER_PID/status")"
RSS_SPLIT="$(awk '/^RssAnon/ {a = $2} /^RssFile/ {f = $2} /^RssShmem/ {s = $2} END {printf "anonymous %d MB, file-backed %d MB (SQLite mmap), shared %d MB", a / 1024, f / 1024, s / 1024}' "/proc/$SERVER_PID/status")"
stop_server

ROWS="?"
if command -v sqlite3 >/dev/null; then
  ROWS="$(sqlite3 "$TMP/pantau.db" "SELECT COUNT(*) FROM org_units WHERE name LIKE 'Mitra uji beban %'")"
fi
# Every create response that wrk saw as 2xx, warm-ups and repeated runs included.
CREATED_ACKED="$(cat "$TMP"/wrk-create-*.txt | awk '/requests in/ {s += $1} /Non-2xx or 3xx/ {s -= $5} END {print s + 0}')"

# --- report --------------------------------------------------------------------------------
col() { awk -F'\t' -v n="$1" -v c="$2" '$1==n {print $c}' "$TMP/results.tsv"; }
stat_med() { col "$1" "$2" | median; }
stat_rng() { col "$1" "$2" | minmax "${3:-%s}"; }
col_sum() { col "$1" "$2" | awk '{s += $1} END {print s + 0}'; }
HZ="$(stat_med healthz 3)"; RG="$(stat_med regions 3)"; RG99="$(stat_med regions 5)"
verdict() { if awk -v a="$1" -v b="$2" "BEGIN {exit !(a $3 b)}"; then echo "met"; else echo "**missed**"; fi; }
RATIO="$(awk -v a="$RG" -v b="$HZ" 'BEGIN {printf "%.1f", a / b * 100}')"

{
  echo "## Pantau benchmark — $DATE"
  echo
  echo "Binary: \`${BIN#"$ROOT/"}\` ($BUILD_TYPE build, commit $COMMIT). Machine: $NCPU × $CPU_MODEL, ${MEM_GB} GB RAM,"
  echo "load average before the run: $LOAD_BEFORE. Server pinned to CPU $SCPU (\`taskset\`), wrk to CPU $CCPU;"
  echo "\`wrk -t2 -c$CONNS -d${DUR}s --latency\` after a ${WARM} s warm-up; $ROUNDS round(s), median (min–max)."
  echo "Data: SQLite, $REGIONS reference regions + demo data (${DB_KB} KB). Access log to a file. Server defaults:"
  echo "2 I/O threads + 16 handler threads (for 2 cores), all on the one pinned core ($THREADS threads)."
  if [ "$RESTARTS" -gt 0 ]; then
    echo "The server disappeared $RESTARTS time(s) during the run (stopped by another process on this shared machine);"
    echo "it was restarted and the interrupted measurement repeated."
  fi
  echo
  echo "| case | req/s | p50 ms | p99 ms | non-2xx | server CPU | server CPU µs/req | ctx switches/req | other CPU on server core |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for n in healthz session regions create; do
    case $n in
      healthz) label="GET /healthz (no session, no DB)";;
      session) label="GET /api/v1/session (session lookup only)";;
      regions) label="GET /api/v1/regions?parent=63 (session + $REGION_ITEMS rows, $REGION_BYTES B)";;
      create)  label="POST /api/v1/org-units as admin (durable: WAL, synchronous=FULL, group commit)";;
    esac
    echo "| $label | $(fmt_int "$(stat_med $n 3)") ($(stat_rng $n 3 %.0f)) | $(stat_med $n 4) | $(stat_med $n 5) ($(stat_rng $n 5)) | $(col_sum $n 7) | $(stat_med $n 9)% | $(stat_med $n 13) | $(stat_med $n 12) | $(stat_rng $n 10)% |"
  done
  echo
  echo "Start-up of \`pantau serve\` to the first 200 on /readyz: median **${STARTUP_MED} ms** (${STARTUP_RANGE} ms, $STARTUP_RUNS runs;"
  echo "the server's own \"ready in\" log: ${SELF_READY} ms). Peak RSS of the server (VmHWM): **$((RSS_READS_KB / 1024)) MB** after"
  echo "the read cases of round 1, **$((RSS_PEAK_KB / 1024)) MB** at the end ($RSS_SPLIT at the end)."
  echo "Durability check: $CREATED_ACKED org units acknowledged (2xx) to wrk in all create runs, $ROWS rows in the database after"
  echo "shutdown (may exceed the acknowledged count by the requests still in flight when wrk stopped)."
  echo
  echo "| budget | measured | |"
  echo "|---|---|---|"
  echo "| region list ≥ 20% of /healthz's rate | ${RATIO}% | $(verdict "$RATIO" 20 '>=') |"
  echo "| region list p99 < 20 ms | ${RG99} ms | $(verdict "$RG99" 20 '<') |"
  echo "| start-up < 1 s with reference data loaded | ${STARTUP_MED} ms | $(verdict "$STARTUP_MED" 1000 '<') |"
} >"$TMP/report.md"

mkdir -p "$(dirname "$OUT")"
cp "$TMP/report.md" "$OUT"
cat "$TMP/report.md"
log "written to $OUT"
