#!/usr/bin/env bash
# Pantau monitoring benchmark on a national data set: recap, a region's report list, full-text
# search, durable fast-report submissions, peak RSS. Builds nothing.
#   PANTAU_BIN=build-bench/pantau bash bench/monitoring/run.sh
# Knobs (environment): PANTAU_BIN (build/pantau), BENCH_ROUNDS (3), BENCH_DURATION (10 s),
# BENCH_WARMUP (3 s), BENCH_CONNECTIONS (64), BENCH_PORT (18090), BENCH_SERVER_CPU (0),
# BENCH_CLIENT_CPU (1), BENCH_OUT (bench/monitoring/results/latest.md), BENCH_QUIET_WAIT (120 s),
# BENCH_EVENTS (200000), BENCH_EVIDENCE (50000), BENCH_YEARS (10), BENCH_KEEP=1 keeps the temp dir.
# Method as bench/run.sh: server pinned to one core, wrk to the other, warm-up before each
# measured run, wait for a quiet machine, repeat a run when other processes used more than 25%
# of the server's core. Only 127.0.0.1 is contacted. Needs wrk, curl, taskset, python3, sqlite3.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/monitoring"
BIN="${PANTAU_BIN:-$ROOT/build/pantau}"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN";; esac
PORT="${BENCH_PORT:-18090}"
ROUNDS="${BENCH_ROUNDS:-3}"
DUR="${BENCH_DURATION:-10}"
WARM="${BENCH_WARMUP:-3}"
CONNS="${BENCH_CONNECTIONS:-64}"
SCPU="${BENCH_SERVER_CPU:-0}"
CCPU="${BENCH_CLIENT_CPU:-1}"
OUT="${BENCH_OUT:-$HERE/results/latest.md}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-120}"
MAX_FOREIGN=25
RETRIES=2
BASE="http://127.0.0.1:$PORT"
PASSWORD="Uji-Beban-2026-Pantau"
RECAP_PERIOD="2026-Q1"
REGION="63.71"
Q1="hoaks"
Q2="hoaks kondusif"

for tool in wrk curl taskset awk sort python3 sqlite3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "bench: $BIN not found; build it first or set PANTAU_BIN" >&2; exit 2; }
if curl -s -o /dev/null --max-time 1 "$BASE/healthz"; then
  echo "bench: something already listens on port $PORT (set BENCH_PORT)" >&2
  exit 2
fi

TMP="$(mktemp -d /tmp/pantau-mon-bench.XXXXXX)"
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
trap cleanup EXIT
trap "exit 130" INT TERM

# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

start_server() {
  taskset -c "$SCPU" "$BIN" serve --db "$TMP/pantau.db" --listen "127.0.0.1:$PORT" --web "$ROOT/web/dist" \
    --files "$TMP/files" --access-log "$TMP/access.log" >>"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
}
wait_ready() {
  local code
  for _ in $(seq 1 3000); do
    code=$(taskset -c "$CCPU" curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/readyz" || true)
    [ "$code" = 200 ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { log "server exited during start-up:"; tail -20 "$TMP/server.log" >&2; return 1; }
    sleep 0.05
  done
  log "server not ready"
  return 1
}

# login USER -> writes $TMP/session-USER (cookie and CSRF token).
login() {
  local user="$1"
  curl -s -c "$TMP/cookies-$user" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/session" >"$TMP/login-$user.json"
  local csrf token
  csrf="$(grep -Eo '"csrf_token":"[^"]+"' "$TMP/login-$user.json" | cut -d'"' -f4)"
  token="$(awk '$6 == "pantau_session" {print $7}' "$TMP/cookies-$user")"
  if [ -z "$csrf" ] || [ -z "$token" ]; then log "login of $user failed:"; cat "$TMP/login-$user.json" >&2; exit 1; fi
  printf 'pantau_session=%s\t%s\n' "$token" "$csrf" >"$TMP/session-$user"
}
login_all() { for u in admin banjarmasin.operator kalsel.analis; do login "$u"; done; }
use_session() {
  PANTAU_BENCH_COOKIE="$(cut -f1 "$TMP/session-$1")"; PANTAU_BENCH_CSRF="$(cut -f2 "$TMP/session-$1")"
  export PANTAU_BENCH_COOKIE PANTAU_BENCH_CSRF
}
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
  wait_ready || exit 1
  login_all
  return 1
}

# run_wrk NAME ROUND USER URL SCRIPT [ARG] -> one line in $TMP/results.tsv:
# name, round, req/s, p50 ms, p99 ms, requests, non-2xx, socket errors, server CPU %, other CPU %, steal %, CPU µs/req, p90 ms
run_wrk() {
  local name="$1" round="$2" user="$3" url="$4" script="$5" arg="${6:-}"
  local try best_line="" best_foreign=1000 conns="${RUN_CONNS:-$CONNS}" threads=2
  [ "$conns" -lt 2 ] && threads=1
  for try in $(seq 0 "$RETRIES"); do
    wait_quiet
    ensure_server "$name (before warm-up)" || true
    use_session "$user"
    taskset -c "$CCPU" wrk -t"$threads" -c"$conns" -d"${WARM}s" --timeout 30s -s "$HERE/$script" "$url" ${arg:+-- "warm$round$try$arg"} \
      >"$TMP/wrk-$name-$round-$try-warm.txt" 2>&1 || true
    ensure_server "$name (warm-up)" || continue
    use_session "$user"
    local j0 j1 c0 c1 s0 s1 t0 t1
    j0=$(pid_jiffies "$SERVER_PID"); read -r c0 s0 < <(cpu_busy "$SCPU"); t0=$EPOCHREALTIME
    local out="$TMP/wrk-$name-$round-$try.txt"
    taskset -c "$CCPU" wrk -t"$threads" -c"$conns" -d"${DUR}s" --timeout 30s --latency -s "$HERE/$script" "$url" ${arg:+-- "r$round$try$arg"} >"$out" 2>&1 || true
    ensure_server "$name (measured run)" || continue
    j1=$(pid_jiffies "$SERVER_PID"); read -r c1 s1 < <(cpu_busy "$SCPU"); t1=$EPOCHREALTIME
    local secs server_pct foreign_pct steal_pct
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
    server_pct=$(awk -v j=$((j1 - j0)) -v s="$secs" -v h="$CLK_TCK" 'BEGIN {printf "%.0f", j / h / s * 100}')
    foreign_pct=$(awk -v c=$((c1 - c0)) -v j=$((j1 - j0)) -v s="$secs" -v h="$CLK_TCK" 'BEGIN {f = (c - j) / h / s * 100; if (f < 0) f = 0; printf "%.0f", f}')
    steal_pct=$(awk -v c=$((s1 - s0)) -v s="$secs" -v h="$CLK_TCK" 'BEGIN {printf "%.0f", c / h / s * 100}')
    local rps p50 p90 p99 reqs non2xx sockerr us_per_req
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    p50=$(to_ms "$(awk '$1=="50%" {print $2}' "$out")")
    p90=$(to_ms "$(awk '$1=="90%" {print $2}' "$out")")
    p99=$(to_ms "$(awk '$1=="99%" {print $2}' "$out")")
    reqs=$(awk '/requests in/ {print $1}' "$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out"); non2xx=${non2xx:-0}
    sockerr=$(awk -F'[ ,]+' '/Socket errors:/ {print $4+$6+$8+$10}' "$out"); sockerr=${sockerr:-0}
    if [ -z "$rps" ]; then log "wrk failed for $name:"; cat "$out" >&2; exit 1; fi
    us_per_req=$(awk -v j=$((j1 - j0)) -v h="$CLK_TCK" -v r="$reqs" 'BEGIN {printf "%.0f", (r > 0 ? j / h / r * 1e6 : 0)}')
    local line
    line=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$name" "$round" "$rps" "$p50" "$p99" "$reqs" "$non2xx" "$sockerr" "$server_pct" "$foreign_pct" "$steal_pct" "$us_per_req" "$p90")
    log "$name round $round: $rps req/s, p50 $p50 ms, p99 $p99 ms, server CPU $server_pct%, other $foreign_pct%, steal $steal_pct%, non-2xx $non2xx"
    if [ "$foreign_pct" -lt "$best_foreign" ]; then best_foreign=$foreign_pct; best_line=$line; fi
    if [ "$foreign_pct" -le "$MAX_FOREIGN" ]; then break; fi
    log "other processes used $foreign_pct% of core $SCPU: repeating"
  done
  if [ -z "$best_line" ]; then log "no complete run for $name"; exit 1; fi
  echo "$best_line" >>"$TMP/results.tsv"
}

# --- conditions ------------------------------------------------------------------------------
DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
CPU_MODEL="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
NCPU="$(nproc)"
MEM_GB="$(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [ -n "$(git -C "$ROOT" status --porcelain -- src migrations 2>/dev/null)" ]; then COMMIT="$COMMIT + uncommitted changes in src/ or migrations/"; fi
BUILD_TYPE="$(awk -F= '/^CMAKE_BUILD_TYPE:/ {print $2}' "$(dirname "$BIN")/CMakeCache.txt" 2>/dev/null || echo '?')"

# --- data set --------------------------------------------------------------------------------
log "seeding $TMP/pantau.db (reference + demo data)"
PANTAU_DEMO_PASSWORD="$PASSWORD" "$BIN" seed --demo --db "$TMP/pantau.db" --data "$ROOT/data" >"$TMP/seed.log" 2>&1 \
  || { cat "$TMP/seed.log" >&2; exit 1; }
log "generating the national data set"
GEN_T0=$EPOCHREALTIME
python3 "$HERE/generate.py" "$TMP/pantau.db" --years "${BENCH_YEARS:-10}" --events "${BENCH_EVENTS:-200000}" \
  --evidence "${BENCH_EVIDENCE:-50000}" 2>&1 | tee "$TMP/generate.log" >&2
GEN_S="$(awk -v a="$GEN_T0" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.0f", b - a}')"
sq() { sqlite3 "$TMP/pantau.db" "$1"; }
N_REPORTS="$(sq 'SELECT COUNT(*) FROM periodic_reports')"
N_EVENTS="$(sq 'SELECT COUNT(*) FROM political_events')"
N_EVIDENCE="$(sq 'SELECT COUNT(*) FROM evidence_files')"
N_DOCS="$(sq 'SELECT COUNT(*) FROM search_docs')"
N_UNITS="$(sq "SELECT COUNT(*) FROM org_units WHERE kind = 'KESBANGPOL'")"
DB_MB="$(du -m "$TMP/pantau.db" | cut -f1)"
EVENTS_BEFORE="$(sq "SELECT COUNT(*) FROM political_events WHERE title LIKE 'Uji beban lapor cepat %'")"
KEC="$(sq "SELECT group_concat(code) FROM regions WHERE parent_code = '$REGION'")"
export PANTAU_BENCH_REGIONS="$KEC"

# --- load ------------------------------------------------------------------------------------
start_server
wait_ready || exit 1
login_all
urlenc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
U_RECAP="$BASE/api/v1/monitoring/recap?type=TRIWULAN&period=$RECAP_PERIOD"
U_RECAP_P="$U_RECAP"
U_LIST="$BASE/api/v1/monitoring/reports?region=$REGION&limit=50"
U_S1="$BASE/api/v1/search?q=$(urlenc "$Q1")"
U_S2="$BASE/api/v1/search?q=$(urlenc "$Q2")"
U_EVENTS="$BASE/api/v1/monitoring/events"
probe() {  # probe USER URL KEY -> "bytes items status" (items: occurrences of "KEY")
  use_session "$1"
  curl -s -o "$TMP/probe.json" -w '%{http_code}' -H "Cookie: $PANTAU_BENCH_COOKIE" "$2" >"$TMP/probe.code"
  printf '%s %s %s' "$(wc -c <"$TMP/probe.json")" "$(grep -o "\"$3\"" "$TMP/probe.json" | wc -l)" "$(cat "$TMP/probe.code")"
}
read -r RECAP_B RECAP_N RECAP_C <<<"$(probe admin "$U_RECAP" region_code)"
read -r RECAPR_B RECAPR_N RECAPR_C <<<"$(probe kalsel.analis "$U_RECAP_P" region_code)"
read -r LIST_B LIST_N LIST_C <<<"$(probe banjarmasin.operator "$U_LIST" region_code)"
read -r S1_B S1_N S1_C <<<"$(probe admin "$U_S1" link)"
read -r S2_B S2_N S2_C <<<"$(probe admin "$U_S2" link)"
read -r S3_B S3_N S3_C <<<"$(probe banjarmasin.operator "$U_S1" link)"
S1_MATCH="$(sq "SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH '\"hoaks\"'")"
S2_MATCH="$(sq "SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH '\"hoaks\" \"kondusif\"'")"
log "recap: $RECAP_C, $RECAP_B B; list: $LIST_C, $LIST_B B; search: $S1_C/$S2_C ($S1_MATCH / $S2_MATCH matching documents)"
for c in "$RECAP_C" "$RECAPR_C" "$LIST_C" "$S1_C" "$S2_C" "$S3_C"; do
  [ "$c" = 200 ] || { log "a probe answered $c"; cat "$TMP/probe.json" >&2; exit 1; }
done

: >"$TMP/results.tsv"
for r in $(seq 1 "$ROUNDS"); do
  log "round $r of $ROUNDS"
  run_wrk recap "$r" admin "$U_RECAP" get.lua
  run_wrk recap_prov "$r" kalsel.analis "$U_RECAP_P" get.lua
  run_wrk list "$r" banjarmasin.operator "$U_LIST" get.lua
  run_wrk search1 "$r" admin "$U_S1" get.lua
  run_wrk search2 "$r" admin "$U_S2" get.lua
  run_wrk search3 "$r" banjarmasin.operator "$U_S1" get.lua
  [ "$r" = 1 ] && RSS_READS_KB="$(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status")"
  run_wrk submit "$r" banjarmasin.operator "$U_EVENTS" create_event.lua "w"
done
# Service time without queueing: the read cases once more with a single connection.
for n in recap list search1 search2 search3; do
  case $n in
    recap) RUN_CONNS=1 run_wrk "${n}_c1" 1 admin "$U_RECAP" get.lua;;
    list) RUN_CONNS=1 run_wrk "${n}_c1" 1 banjarmasin.operator "$U_LIST" get.lua;;
    search1) RUN_CONNS=1 run_wrk "${n}_c1" 1 admin "$U_S1" get.lua;;
    search2) RUN_CONNS=1 run_wrk "${n}_c1" 1 admin "$U_S2" get.lua;;
    search3) RUN_CONNS=1 run_wrk "${n}_c1" 1 banjarmasin.operator "$U_S1" get.lua;;
  esac
done
# Office load: the read cases with OFFICE_CONNS clients (default 8) — a province's officers all
# refreshing at once. At 64 clients on one core the latency is set by throughput (Little's law:
# mean = 64 / req/s); this run shows the latency users see at a busy but realistic load.
OFFICE_CONNS="${BENCH_OFFICE_CONNECTIONS:-8}"
for r in $(seq 1 "$ROUNDS"); do
  for n in recap list search1 search2 search3; do
    case $n in
      recap) RUN_CONNS=$OFFICE_CONNS run_wrk "${n}_c8" "$r" admin "$U_RECAP" get.lua;;
      list) RUN_CONNS=$OFFICE_CONNS run_wrk "${n}_c8" "$r" banjarmasin.operator "$U_LIST" get.lua;;
      search1) RUN_CONNS=$OFFICE_CONNS run_wrk "${n}_c8" "$r" admin "$U_S1" get.lua;;
      search2) RUN_CONNS=$OFFICE_CONNS run_wrk "${n}_c8" "$r" admin "$U_S2" get.lua;;
      search3) RUN_CONNS=$OFFICE_CONNS run_wrk "${n}_c8" "$r" banjarmasin.operator "$U_S1" get.lua;;
    esac
  done
done
ensure_server "the end" || log "restarted at the end: the peak RSS below is that of the new process"
RSS_PEAK_KB="$(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status")"
THREADS="$(awk '/^Threads/ {print $2}' "/proc/$SERVER_PID/status")"
RSS_SPLIT="$(awk '/^RssAnon/ {a = $2} /^RssFile/ {f = $2} /^RssShmem/ {s = $2} END {printf "anonymous %d MB, file-backed %d MB (SQLite mmap), shared %d MB", a / 1024, f / 1024, s / 1024}' "/proc/$SERVER_PID/status")"
stop_server
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# Durability: every 2xx the clients saw (warm-ups and repeated runs included) must be a row.
ACKED="$(cat "$TMP"/wrk-submit-*.txt | awk '/requests in/ {s += $1} /Non-2xx or 3xx/ {s -= $5} END {print s + 0}')"
STORED="$(( $(sq "SELECT COUNT(*) FROM political_events WHERE title LIKE 'Uji beban lapor cepat %'") - EVENTS_BEFORE ))"
INDEXED="$(sq "SELECT COUNT(*) FROM search_docs d JOIN political_events e ON d.entity = 'political_event' AND d.entity_id = CAST(e.id AS TEXT) WHERE e.title LIKE 'Uji beban lapor cepat %'")"
AUDITED="$(sq "SELECT COUNT(*) FROM audit_log WHERE entity = 'political_event' AND action = 'create'")"
if [ "$STORED" -ge "$ACKED" ]; then DURABLE="all $ACKED acknowledged submissions are in the database ($STORED rows; the surplus, if any, are requests in flight when wrk stopped)"; else DURABLE="**$((ACKED - STORED)) acknowledged submissions are missing** ($ACKED acknowledged, $STORED rows)"; fi

# --- report ----------------------------------------------------------------------------------
col() { awk -F'\t' -v n="$1" -v c="$2" '$1==n {print $c}' "$TMP/results.tsv"; }
stat_med() { col "$1" "$2" | median; }
stat_rng() { col "$1" "$2" | minmax "${3:-%s}"; }
col_sum() { col "$1" "$2" | awk '{s += $1} END {print s + 0}'; }
verdict() { if awk -v a="$1" -v b="$2" "BEGIN {exit !(a $3 b)}"; then echo "met"; else echo "**missed**"; fi; }
RSS_MB=$((RSS_PEAK_KB / 1024))

{
  echo "### Monitoring run — $DATE"
  echo
  echo "Binary: \`${BIN#"$ROOT/"}\` ($BUILD_TYPE build, commit $COMMIT). Machine: $NCPU × $CPU_MODEL, ${MEM_GB} GB RAM;"
  echo "load average before / after: $LOAD_BEFORE / $LOAD_AFTER. Server pinned to CPU $SCPU, wrk to CPU $CCPU;"
  echo "\`wrk -t2 -c$CONNS -d${DUR}s --timeout 30s --latency\` after a ${WARM} s warm-up; $ROUNDS round(s), median (min–max)."
  echo "Data (SQLite, ${DB_MB} MB, generated in ${GEN_S} s): $N_REPORTS periodic reports, $N_EVENTS fast reports,"
  echo "$N_EVIDENCE evidence files, $N_DOCS search documents, $N_UNITS KESBANGPOL org units. $THREADS server threads."
  if [ "$RESTARTS" -gt 0 ]; then echo "The server disappeared $RESTARTS time(s) during the run and was restarted; the interrupted measurement was repeated."; fi
  echo
  echo "| case | req/s | p50 ms | p90 ms | p99 ms | non-2xx / socket errors | server CPU | CPU µs/req | other CPU on server core |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for n in recap recap_prov list search1 search2 search3 submit; do
    case $n in
      recap) label="recap TRIWULAN $RECAP_PERIOD, national (admin; $RECAP_N regions, $RECAP_B B)";;
      recap_prov) label="recap TRIWULAN $RECAP_PERIOD, one province (kalsel.analis; $RECAPR_N regions, $RECAPR_B B)";;
      list) label="reports?region=$REGION&limit=50 (banjarmasin.operator; $LIST_N items, $LIST_B B)";;
      search1) label="search q=$Q1 (admin; $S1_MATCH matching docs, top 50, $S1_B B)";;
      search2) label="search q=$Q2 (admin; $S2_MATCH matching docs, top 50, $S2_B B)";;
      search3) label="search q=$Q1 as a kab/kota (banjarmasin.operator; $S3_N hits in its area, $S3_B B)";;
      submit) label="POST monitoring/events (banjarmasin.operator; durable)";;
    esac
    echo "| $label | $(fmt_int "$(stat_med $n 3)") ($(stat_rng $n 3 %.0f)) | $(stat_med $n 4) | $(stat_med $n 13) | $(stat_med $n 5) ($(stat_rng $n 5)) | $(col_sum $n 7) / $(col_sum $n 8) | $(stat_med $n 9)% | $(stat_med $n 12) | $(stat_rng $n 10)% |"
  done
  echo
  echo "One connection (no queueing; one 10 s run after the rounds), p50 / p99 ms: recap $(stat_med recap_c1 4) / $(stat_med recap_c1 5),"
  echo "report list $(stat_med list_c1 4) / $(stat_med list_c1 5), search \"$Q1\" $(stat_med search1_c1 4) / $(stat_med search1_c1 5),"
  echo "search \"$Q2\" $(stat_med search2_c1 4) / $(stat_med search2_c1 5), kab/kota search $(stat_med search3_c1 4) / $(stat_med search3_c1 5); that is $(fmt_int "$(stat_med recap_c1 3)"), $(fmt_int "$(stat_med list_c1 3)"), $(fmt_int "$(stat_med search1_c1 3)"), $(fmt_int "$(stat_med search2_c1 3)") req/s."
  echo
  echo "Peak RSS (VmHWM): **$((RSS_READS_KB / 1024)) MB** after the read cases of round 1, **${RSS_MB} MB** at the end ($RSS_SPLIT at the end)."
  echo "Durability: $DURABLE; $INDEXED of them in the search index; $AUDITED create audit rows for fast reports."
  echo
  echo "| budget | p99 with $OFFICE_CONNS clients (office load) | | p99 with $CONNS clients (saturation) | |"
  echo "|---|---|---|---|---|"
  for spec in "recap:50:recap p99 < 50 ms (national)" "list:20:region's report list p99 < 20 ms" \
              "search1:50:search p99 < 50 ms (\"$Q1\")" "search2:50:search p99 < 50 ms (\"$Q2\")" \
              "search3:50:search p99 < 50 ms (\"$Q1\", kab/kota)"; do
    n="${spec%%:*}"; rest="${spec#*:}"; lim="${rest%%:*}"; label="${rest#*:}"
    echo "| $label | $(stat_med "${n}_c8" 5) ms ($(fmt_int "$(stat_med "${n}_c8" 3)") req/s) | $(verdict "$(stat_med "${n}_c8" 5)" "$lim" '<') | $(stat_med "$n" 5) ms | $(verdict "$(stat_med "$n" 5)" "$lim" '<') |"
  done
  echo
  echo "| budget | measured | |"
  echo "|---|---|---|"
  echo "| ≥ 1,000 durable submissions/s, 64 clients | $(fmt_int "$(stat_med submit 3)")/s | $(verdict "$(stat_med submit 3)" 1000 '>=') |"
  echo "| peak RSS < 300 MB | ${RSS_MB} MB | $(verdict "$RSS_MB" 300 '<') |"
  echo "| acknowledged submissions all stored | $STORED / $ACKED | $(verdict "$STORED" "$ACKED" '>=') |"
} >"$TMP/report.md"

mkdir -p "$(dirname "$OUT")"
cp "$TMP/report.md" "$OUT"
cat "$TMP/report.md"
log "written to $OUT"
