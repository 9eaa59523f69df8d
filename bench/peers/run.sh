#!/usr/bin/env bash
# Pantau beside its peers, in one run on the national data set of the monitoring benchmark:
#   pantau  — the product (build/pantau)
#   node    — the same report list and fast-report submission in Node.js (fastify + better-sqlite3),
#             bench/peers/node/server.mjs: same database, session lookup, scope filter and answer
#   beast   — a bare Boost.Beast server (one thread, sqlite3 C API, RapidJSON writer): a "hello" and
#             the same report list, bench/peers/beast/beast_peer.cpp — the limit of the stack
# Each round measures, on the same data: hello (/healthz for Pantau), the region's report list
# (64 connections), durable fast-report submissions (64 clients, Pantau and Node). Pantau's list is
# measured twice: as a repeated read is answered (its kept page, "list") and with the query run on
# every request ("list-query": Cache-Control: no-cache, get_fresh.lua); the peers keep nothing, so
# their list is always the query. Before measuring,
# the three list answers are compared byte for byte. Afterwards every acknowledged submission must
# be a row. Ratios against the peers go into the report.
#   PANTAU_BIN=build/pantau bash bench/peers/run.sh
# Knobs: BENCH_ROUNDS (3), BENCH_DURATION (10), BENCH_WARMUP (3), BENCH_CONNECTIONS (64),
# BENCH_SERVER_CPU (0), BENCH_CLIENT_CPU (1), BENCH_QUIET_WAIT (120), BENCH_EVENTS (200000),
# BENCH_EVIDENCE (50000), BENCH_YEARS (10), BENCH_OUT (bench/peers/results/latest.md), BENCH_KEEP=1.
# Needs wrk, curl, taskset, python3, sqlite3, node >= 20, g++ and the Boost/SQLite/libsodium headers
# (the packages `make test` installs); installs the Node peer's packages from npm on first use.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/peers"
MON="$ROOT/bench/monitoring"
BIN="${PANTAU_BIN:-$ROOT/build/pantau}"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN";; esac
ROUNDS="${BENCH_ROUNDS:-3}"
DUR="${BENCH_DURATION:-10}"
WARM="${BENCH_WARMUP:-3}"
CONNS="${BENCH_CONNECTIONS:-64}"
SCPU="${BENCH_SERVER_CPU:-0}"
CCPU="${BENCH_CLIENT_CPU:-1}"
QUIET_WAIT="${BENCH_QUIET_WAIT:-120}"
OUT="${BENCH_OUT:-$HERE/results/latest.md}"
PASSWORD="Uji-Beban-2026-Pantau"
REGION="63.71"
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

for tool in wrk curl taskset awk python3 sqlite3 node g++; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "bench: $BIN not found; build it first or set PANTAU_BIN" >&2; exit 2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
declare -A PORT=([pantau]="$(free_port)" [node]="$(free_port)" [beast]="$(free_port)")
declare -A PID=()

TMP="$(mktemp -d /tmp/pantau-peers-bench.XXXXXX)"
cleanup() {
  for p in "${PID[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap "exit 130" INT TERM

# --- the peers -------------------------------------------------------------------------------
if [ ! -d "$HERE/node/node_modules/better-sqlite3" ] || [ ! -d "$HERE/node/node_modules/fastify" ]; then
  log "installing the Node peer's packages (fastify, better-sqlite3)"
  (cd "$HERE/node" && npm ci --no-audit --no-fund >"$TMP/npm.log" 2>&1) || { cat "$TMP/npm.log" >&2; exit 1; }
fi
log "building the Beast peer"
g++ -O2 -std=c++20 "$HERE/beast/beast_peer.cpp" -lsqlite3 -lsodium -pthread -o "$TMP/beast_peer"

# --- data set (bench/monitoring's national data set) ----------------------------------------
log "seeding $TMP/pantau.db"
PANTAU_DEMO_PASSWORD="$PASSWORD" "$BIN" seed --demo --db "$TMP/pantau.db" --data "$ROOT/data" --files "$TMP/files" >"$TMP/seed.log" 2>&1 \
  || { cat "$TMP/seed.log" >&2; exit 1; }
log "generating the national data set"
python3 "$MON/generate.py" "$TMP/pantau.db" --years "${BENCH_YEARS:-10}" --events "${BENCH_EVENTS:-200000}" \
  --evidence "${BENCH_EVIDENCE:-50000}" >"$TMP/generate.log" 2>&1 || { cat "$TMP/generate.log" >&2; exit 1; }
sq() { sqlite3 "$TMP/pantau.db" "$1"; }
N_REPORTS="$(sq 'SELECT COUNT(*) FROM periodic_reports')"
N_EVENTS="$(sq 'SELECT COUNT(*) FROM political_events')"
export PANTAU_BENCH_REGIONS="$(sq "SELECT group_concat(code) FROM regions WHERE parent_code = '$REGION'")"

# --- servers (all on the server core; only the measured one is busy) -------------------------
taskset -c "$SCPU" "$BIN" serve --db "$TMP/pantau.db" --listen "127.0.0.1:${PORT[pantau]}" --web "$ROOT/web/dist" \
  --files "$TMP/files" --access-log "$TMP/access.log" >"$TMP/pantau.log" 2>&1 &
PID[pantau]=$!
wait_http "http://127.0.0.1:${PORT[pantau]}/readyz" "${PID[pantau]}"
taskset -c "$SCPU" node "$HERE/node/server.mjs" --db "$TMP/pantau.db" --port "${PORT[node]}" >"$TMP/node.log" 2>&1 &
PID[node]=$!
wait_http "http://127.0.0.1:${PORT[node]}/hello" "${PID[node]}"
taskset -c "$SCPU" "$TMP/beast_peer" --db "$TMP/pantau.db" --port "${PORT[beast]}" >"$TMP/beast.log" 2>&1 &
PID[beast]=$!
wait_http "http://127.0.0.1:${PORT[beast]}/hello" "${PID[beast]}"

# The session: made by Pantau, read by all three from the same sessions table.
curl -s -c "$TMP/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"banjarmasin.operator\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:${PORT[pantau]}/api/v1/session" >"$TMP/login.json"
PANTAU_BENCH_CSRF="$(grep -Eo '"csrf_token":"[^"]+"' "$TMP/login.json" | cut -d'"' -f4)"
PANTAU_BENCH_COOKIE="pantau_session=$(awk '$6 == "pantau_session" {print $7}' "$TMP/cookies")"
[ -n "$PANTAU_BENCH_CSRF" ] || { log "login failed"; cat "$TMP/login.json" >&2; exit 1; }
export PANTAU_BENCH_COOKIE PANTAU_BENCH_CSRF

LIST_PATH="/api/v1/monitoring/reports?region=$REGION&limit=50"
for s in pantau node beast; do
  curl -s -H "Cookie: $PANTAU_BENCH_COOKIE" "http://127.0.0.1:${PORT[$s]}$LIST_PATH" >"$TMP/list-$s.json"
done
LIST_BYTES="$(wc -c <"$TMP/list-pantau.json")"
LIST_ITEMS="$(grep -o '"region_code"' "$TMP/list-pantau.json" | wc -l)"
curl -s -H "Cookie: $PANTAU_BENCH_COOKIE" -H 'Cache-Control: no-cache' "http://127.0.0.1:${PORT[pantau]}$LIST_PATH" >"$TMP/list-pantau-query.json"
for s in node beast pantau-query; do
  cmp -s "$TMP/list-pantau.json" "$TMP/list-$s.json" || { log "the $s report list differs from Pantau's:"; diff <(tr ',' '\n' <"$TMP/list-pantau.json") <(tr ',' '\n' <"$TMP/list-$s.json") | head >&2; exit 1; }
done
LIST_ETAG="$(curl -s -D - -o /dev/null -H "Cookie: $PANTAU_BENCH_COOKIE" "http://127.0.0.1:${PORT[pantau]}$LIST_PATH" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')"
LIST_304="$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -H "Cookie: $PANTAU_BENCH_COOKIE" -H "If-None-Match: $LIST_ETAG" "http://127.0.0.1:${PORT[pantau]}$LIST_PATH")"
[ "$LIST_304" = "304 0" ] || { log "the list asked again with its ETag $LIST_ETAG answered $LIST_304, not 304 without a body"; exit 1; }
log "report list: $LIST_ITEMS items, $LIST_BYTES bytes, identical from all three"

# --- rounds ----------------------------------------------------------------------------------
hello_path() { [ "$1" = pantau ] && echo /healthz || echo /hello; }
: >"$TMP/results.tsv"
measure() {  # measure SERVER CASE ROUND URL SCRIPT [ARG]
  local line
  line="$(wrk_measure "$TMP/wrk-$1-$2-$3" "${PID[$1]}" "$CONNS" "$DUR" "$WARM" "$4" "$5" "${6:-}")" || exit 1
  kill -0 "${PID[$1]}" 2>/dev/null || { log "the $1 server died during $2"; tail -5 "$TMP/$1.log" >&2; exit 1; }
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$line" >>"$TMP/results.tsv"
  log "$1 $2 round $3: $(echo "$line" | awk -F'\t' '{printf "%s req/s, p50 %s ms, p99 %s ms, server CPU %s%%, other %s%%", $1, $2, $3, $7, $8}')"
}
for r in $(seq 1 "$ROUNDS"); do
  log "round $r of $ROUNDS"
  for s in pantau node beast; do
    base="http://127.0.0.1:${PORT[$s]}"
    measure "$s" hello "$r" "$base$(hello_path "$s")" "$MON/get.lua"
    measure "$s" list "$r" "$base$LIST_PATH" "$MON/get.lua"
    [ "$s" != pantau ] || measure "$s" list-query "$r" "$base$LIST_PATH" "$HERE/get_fresh.lua"
    [ "$s" = beast ] || measure "$s" submit "$r" "$base/api/v1/monitoring/events" "$MON/create_event.lua" "$s-r$r"
  done
done

# --- durability: every acknowledged submission is a row ------------------------------------
DURABLE=""
for s in pantau node; do
  acked="$(cat "$TMP"/wrk-"$s"-submit-*.txt | awk '/requests in/ {n += $1} /Non-2xx or 3xx/ {n -= $5} END {print n + 0}')"
  stored="$(sq "SELECT COUNT(*) FROM political_events WHERE title LIKE 'Uji beban lapor cepat %$s-r%'")"
  audited="$(sq "SELECT COUNT(*) FROM audit_log WHERE entity = 'political_event' AND action = 'create' AND entity_id IN (SELECT CAST(id AS TEXT) FROM political_events WHERE title LIKE 'Uji beban lapor cepat %$s-r%')")"
  verdict=met; [ "$stored" -ge "$acked" ] || verdict="**$((acked - stored)) missing**"
  DURABLE+="$s: $acked acknowledged, $stored stored, $audited audited ($verdict); "
done
AUDIT_OK="$("$BIN" audit verify --db "$TMP/pantau.db" 2>&1 | tail -1)"

# --- report ----------------------------------------------------------------------------------
col() { awk -F'\t' -v s="$1" -v c="$2" -v k="$3" '$1==s && $2==c {print $k}' "$TMP/results.tsv"; }
med() { col "$1" "$2" "$3" | median; }
rng() { col "$1" "$2" "$3" | minmax "${4:-%s}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }
verdict() { if awk -v a="$1" -v b="$2" "BEGIN {exit !(a $3 b)}"; then echo "met"; else echo "**missed**"; fi; }
# p99 / p50 per run, median over the rounds
tail_ratio() { awk -F'\t' -v s="$1" -v c="$2" '$1==s && $2==c && $5 > 0 {printf "%.1f\n", $6 / $5}' "$TMP/results.tsv" | median; }
{
  echo "### Peers run — $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Pantau \`${BIN#"$ROOT/"}\` (commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')); Node $(node --version) + fastify $(node -p "require('$HERE/node/node_modules/fastify/package.json').version") + better-sqlite3 $(node -p "require('$HERE/node/node_modules/better-sqlite3/package.json').version"); Beast (Boost $(grep -m1 '#define BOOST_LIB_VERSION' /usr/include/boost/version.hpp | cut -d'"' -f2))."
  echo "Machine: $(nproc) × $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Each server pinned to CPU $SCPU, wrk to CPU $CCPU; \`wrk -t2 -c$CONNS -d${DUR}s --latency\` after ${WARM} s warm-up; $ROUNDS rounds, median (min–max)."
  echo "Data: $N_REPORTS periodic reports, $N_EVENTS fast reports (bench/monitoring/generate.py). Report list: \`$LIST_PATH\` as banjarmasin.operator, $LIST_ITEMS items, $LIST_BYTES bytes, byte-identical from the three servers (and from Pantau's kept page and its query); asked again with its ETag, 304 without a body."
  echo "Pantau's \`list\` is a repeated read, answered from the page it keeps while nothing is written; \`list-query\` sends \`Cache-Control: no-cache\`, so the query runs on every request. The peers keep nothing."
  echo
  echo "| server | case | req/s | p50 ms | p99 ms | p99 / p50 | CPU µs/req | server CPU | other CPU on its core |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for s in pantau node beast; do
    for c in hello list list-query submit; do
      [ -n "$(col "$s" "$c" 4)" ] || continue
      label=$c; [ "$c" = hello ] && label="$(hello_path "$s")"
      [ "$s/$c" = pantau/list ] && label="list (kept page)"
      [ "$c" = list-query ] && label="list (query)"
      echo "| $s | $label | $(fmt_int "$(med "$s" "$c" 4)") ($(rng "$s" "$c" 4 %.0f)) | $(med "$s" "$c" 5) | $(med "$s" "$c" 6) | $(tail_ratio "$s" "$c") | $(med "$s" "$c" 12) | $(med "$s" "$c" 10)% | $(rng "$s" "$c" 11)% |"
    done
  done
  echo
  L_P="$(med pantau list 4)"; L_N="$(med node list 4)"; L_B="$(med beast list 4)"; L_Q="$(med pantau list-query 4)"
  H_P="$(med pantau hello 4)"; H_B="$(med beast hello 4)"; S_P="$(med pantau submit 4)"; S_N="$(med node submit 4)"
  C_LP="$(med pantau list 12)"; C_LQ="$(med pantau list-query 12)"; C_LN="$(med node list 12)"; C_LB="$(med beast list 12)"; C_HP="$(med pantau hello 12)"; C_HB="$(med beast hello 12)"
  C_SP="$(med pantau submit 12)"; C_SN="$(med node submit 12)"
  # Two readings of each ratio: throughput (what the target names; on a shared machine it also
  # measures how much of the core each server won from the other processes) and CPU time per
  # request (the server's own cost, which the other processes barely change).
  echo "| target | by req/s | by CPU per request | |"
  echo "|---|---|---|---|"
  for k in kept query; do
    if [ $k = kept ]; then lp="$L_P"; cq="$C_LP"; what="repeated read (kept page)"; else lp="$L_Q"; cq="$C_LQ"; what="query on every request"; fi
    echo "| report list ≥ 5× the Node peer: $what | $(ratio "$lp" "$L_N")× | $(ratio "$C_LN" "$cq")× ($cq vs $C_LN µs) | $(verdict "$(ratio "$lp" "$L_N")" 5 '>=') / $(verdict "$(ratio "$C_LN" "$cq")" 5 '>=') |"
    echo "| report list ≥ 50% of bare Beast + RapidJSON: $what | $(awk -v a="$lp" -v b="$L_B" 'BEGIN {printf "%.0f", a / b * 100}')% | $(awk -v a="$C_LB" -v b="$cq" 'BEGIN {printf "%.0f", a / b * 100}')% ($cq vs $C_LB µs) | $(verdict "$(ratio "$lp" "$L_B")" 0.5 '>=') / $(verdict "$(ratio "$C_LB" "$cq")" 0.5 '>=') |"
  done
  echo "| /healthz ≥ 80% of the bare Beast hello | $(awk -v a="$H_P" -v b="$H_B" 'BEGIN {printf "%.0f", a / b * 100}')% | $(awk -v a="$C_HB" -v b="$C_HP" 'BEGIN {printf "%.0f", a / b * 100}')% ($C_HP vs $C_HB µs) | $(verdict "$(ratio "$H_P" "$H_B")" 0.8 '>=') / $(verdict "$(ratio "$C_HB" "$C_HP")" 0.8 '>=') |"
  TAIL_MAX="$(printf '%s\n%s\n%s\n' "$(tail_ratio pantau hello)" "$(tail_ratio pantau list)" "$(tail_ratio pantau list-query)" | sort -g | tail -1)"
  echo "| p99 ≤ 4× p50, Pantau's read endpoints | /healthz $(tail_ratio pantau hello)×, list $(tail_ratio pantau list)× (query $(tail_ratio pantau list-query)×) | | $(verdict "$TAIL_MAX" 4 '<=') |"
  echo "| durable submissions ≥ 5,000/s (64 clients) | $(fmt_int "$S_P")/s (Node peer $(fmt_int "$S_N")/s, $(ratio "$S_P" "$S_N")×) | $C_SP vs $C_SN µs ($(ratio "$C_SN" "$C_SP")×) | $(verdict "$S_P" 5000 '>=') |"
  echo
  echo "Durability (stored may exceed acknowledged: requests in flight when wrk stops): ${DURABLE%; }. Audit chain after both writers: $AUDIT_OK"
} >"$TMP/report.md"
mkdir -p "$(dirname "$OUT")"
cp "$TMP/report.md" "$OUT"
cat "$TMP/report.md"
log "written to $OUT"
