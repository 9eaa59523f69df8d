#!/usr/bin/env bash
# Meetings over HTTP against a running server made here (demo data on a fresh SQLite database):
#  (a) 100 participants checking in within a minute from ONE address (bench/meetings/checkin.mjs);
#  (b) the first page of the national tracker over 50,000 action items at 8 clients (wrk, p99,
#      budget 20 ms), as the ministry's analyst.
# Knobs: PANTAU_BIN (build/pantau), BENCH_PARTICIPANTS (100), BENCH_SPREAD (0 = all at once),
# BENCH_CONNS (8), BENCH_DURATION (10 s), BENCH_ITEMS (50000).
#   PANTAU_BIN=build/pantau bash bench/meetings/http.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${PANTAU_BIN:-$ROOT/build/pantau}"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN";; esac
for tool in curl node wrk sqlite3 python3; do command -v "$tool" >/dev/null || { echo "bench: $tool not found" >&2; exit 2; }; done
PASSWORD="Uji-Beban-2026-Pantau"
TMP="$(mktemp -d /tmp/pantau-meetings-http.XXXXXX)"
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
PANTAU_DEMO_PASSWORD="$PASSWORD" "$BIN" seed --demo --db "$TMP/p.db" --data "$ROOT/data" --files "$TMP/files" >"$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log" >&2; exit 1; }
# The national tracker's load: action items over the 38 provinces, due over three years, one in
# five done (as bench_meetings does in-process).
sqlite3 "$TMP/p.db" "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${BENCH_ITEMS:-50000})
  INSERT INTO action_items (region_code, action, due_date, status, created_at, updated_at)
  SELECT CAST(11 + i % 38 AS TEXT), 'Rencana aksi ' || i, date('2025-01-01', '+' || (i % 1000) || ' days'),
         CASE WHEN i % 5 = 0 THEN 'DONE' ELSE 'OPEN' END, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z' FROM n;
  ANALYZE;"
"$BIN" serve --db "$TMP/p.db" --listen "127.0.0.1:$PORT" --files "$TMP/files" >"$TMP/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do curl -s -o /dev/null "$BASE/readyz" && break; sleep 0.1; done
echo "meetings over HTTP: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
node "$ROOT/bench/meetings/checkin.mjs" "$BASE" kalsel.kabid "$PASSWORD" "${BENCH_PARTICIPANTS:-100}" "${BENCH_SPREAD:-0}"
# The tracker: the analyst of the ministry (national scope), first page of 50.
curl -s -c "$TMP/ck" -H 'Content-Type: application/json' -d "{\"username\":\"pusat.analis\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/session" >/dev/null
export PANTAU_BENCH_COOKIE="pantau_session=$(awk '$6 == "pantau_session" {print $7}' "$TMP/ck")"
URL="$BASE/api/v1/meetings/tracker?limit=50"
code="$(curl -s -o "$TMP/page.json" -w '%{http_code}' -H "Cookie: $PANTAU_BENCH_COOKIE" "$URL")"
[ "$code" = 200 ] || { echo "bench: the tracker answered $code" >&2; cat "$TMP/page.json" >&2; exit 1; }
ITEMS="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$TMP/page.json")"
wrk -t2 -c"${BENCH_CONNS:-8}" -d2s -s "$ROOT/bench/session.lua" "$URL" >/dev/null 2>&1 || true
wrk -t2 -c"${BENCH_CONNS:-8}" -d"${BENCH_DURATION:-10}s" --latency -s "$ROOT/bench/session.lua" "$URL" >"$TMP/wrk.txt" 2>&1
awk -v items="$ITEMS" -v conns="${BENCH_CONNS:-8}" '
  $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2} /^Requests\/sec:/ {rps = $2} /Non-2xx/ {bad = $5}
  END {printf "tracker: national first page (%s items) at %s clients: %s req/s, p50 %s, p99 %s (budget 20 ms), non-2xx %s\n", items, conns, rps, p50, p99, bad ? bad : 0}' "$TMP/wrk.txt"
