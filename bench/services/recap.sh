#!/usr/bin/env bash
# Pantau public service desk: the recap of a year of every office's service clocks (issue 13:
# 1,000,000 requests, answered under 200 ms).
#   PANTAU_BIN=build/pantau bash bench/services/recap.sh
# What it does, for SQLite and (when scripts/pg-cluster.sh can start a cluster) PostgreSQL:
# seeds the demo data, gives every province and kab/kota a Kesbangpol office with the four
# services (552 offices, 2,208 services), bulk-inserts BENCH_ROWS requests over the year by SQL
# (not through the API): registration days spread over the year, working days used from 0 to
# 1.5 times the limit (so some are late), 1 % still open; then rebuilds the kept counts with the
# same SQL as services::rebuild_times (svc_times, svc_times_year, svc_received), starts the
# server pinned to one core and asks `GET /api/v1/services/recap?year=` as a national user:
# the first call after start (cold) and BENCH_CALLS more (warm), each timed by curl (total) and
# by the server (its access log), and reports p50 and p99 (nearest rank: of 30 calls, the
# slowest). Also the province's recap (?region=63) and the XLSX.
# Knobs (environment): PANTAU_BIN (build/pantau), BENCH_ROWS (1000000), BENCH_CALLS (30),
# BENCH_YEAR (this year), BENCH_PORT (18098), BENCH_SERVER_CPU (0), BENCH_CLIENT_CPU (1),
# BENCH_PG (1: also PostgreSQL if possible; 0: SQLite only), BENCH_OUT
# (bench/services/results/recap-latest.md), BENCH_KEEP=1 keeps the temp dir.
# Needs curl, sqlite3, taskset, awk; psql for PostgreSQL. Only 127.0.0.1 is contacted.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/services"
BIN="${PANTAU_BIN:-$ROOT/build/pantau}"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN";; esac
ROWS="${BENCH_ROWS:-1000000}"
CALLS="${BENCH_CALLS:-30}"
YEAR="${BENCH_YEAR:-$(date -u +%Y)}"
PORT="${BENCH_PORT:-18098}"
SCPU="${BENCH_SERVER_CPU:-0}"
CCPU="${BENCH_CLIENT_CPU:-1}"
WANT_PG="${BENCH_PG:-1}"
OUT="${BENCH_OUT:-$HERE/results/recap-latest.md}"
BASE="http://127.0.0.1:$PORT"
PASSWORD="Bench-Recap-12345"
QUIET_WAIT=0

for tool in curl taskset awk sqlite3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "bench: $BIN not found; build it first or set PANTAU_BIN" >&2; exit 2; }
if curl -s -o /dev/null --max-time 1 "$BASE/healthz"; then echo "bench: port $PORT is in use (set BENCH_PORT)" >&2; exit 2; fi

TMP="$(mktemp -d /tmp/pantau-recap-bench.XXXXXX)"
SERVER_PID=""
PG_DIR=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=""
}
cleanup() {
  stop_server
  if [ -n "$PG_DIR" ]; then bash "$ROOT/scripts/pg-cluster.sh" stop "$PG_DIR" >/dev/null 2>&1 || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"

# ---- the data, in SQL both databases accept (dialect bits passed in) ---------------------------

# offices_sql: a Kesbangpol office for every province and kab/kota that has none, and the four
# services of each office.
offices_sql() {
  cat <<SQL
INSERT INTO org_units (name, kind, region_code, created_at, updated_at)
  SELECT 'Badan Kesatuan Bangsa dan Politik ' || r.name, 'KESBANGPOL', r.code, '$YEAR-01-01T00:00:00.000Z', '$YEAR-01-01T00:00:00.000Z'
  FROM regions r WHERE r.level IN (1, 2)
  AND NOT EXISTS (SELECT 1 FROM org_units o WHERE o.kind = 'KESBANGPOL' AND o.region_code = r.code);
INSERT INTO svc_services (org_unit_id, region_code, kind, name_id, name_en, sla_working_days, ack_working_days, updated_at)
  SELECT o.id, o.region_code, k.kind, k.kind, k.kind, k.sla, k.ack, '$YEAR-01-01T00:00:00.000Z'
  FROM org_units o CROSS JOIN (SELECT 'INFO_REQUEST' AS kind, 10 AS sla, 0 AS ack UNION ALL SELECT 'INFO_OBJECTION', 30, 0
    UNION ALL SELECT 'COMPLAINT', 60, 14 UNION ALL SELECT 'RESEARCH_PERMIT', 5, 0) k
  WHERE o.kind = 'KESBANGPOL' AND o.region_code IN (SELECT code FROM regions WHERE level IN (1, 2))
  ON CONFLICT DO NOTHING;
CREATE TABLE bench_svc AS
  SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS n, id, org_unit_id, region_code, kind, sla_working_days AS sla FROM svc_services;
SQL
}

# cases_sql WITH FROM START FINISH: the requests. WITH/FROM yield g.i = 0..ROWS-1; START turns
# the day of the year (g.i * 7919) % 358 into 'YYYY-MM-DD', FINISH adds x.used * 7 / 5 calendar
# days to x.start_date. Pseudo-random but fixed (multiplicative hashing): the service by i, the
# registration day, the working days used (0 .. 1.5 x the limit, so some are late); one request
# in a hundred is still open.
cases_sql() {
  local with="$1" from="$2" start="$3" finish="$4" n_svc
  n_svc="$5"
  cat <<SQL
$with
INSERT INTO svc_cases (service_id, org_unit_id, region_code, kind, reg_no, secret_hash, status, channel, applicant_name, subject,
                       received_at, start_date, limit_wd, created_at, updated_at, finished_date, used_wd, on_time)
  SELECT x.id, x.org_unit_id, x.region_code, x.kind, 'BENCH-' || x.i, 'x', CASE WHEN x.i % 100 = 0 THEN 'RECEIVED' ELSE 'CLOSED' END,
         'PORTAL', 'Warga', 'Uji rekap', x.start_date || 'T02:00:00.000Z', x.start_date, x.sla,
         x.start_date || 'T02:00:00.000Z', x.start_date || 'T02:00:00.000Z',
         CASE WHEN x.i % 100 = 0 THEN NULL ELSE $finish END,
         CASE WHEN x.i % 100 = 0 THEN NULL ELSE x.used END,
         CASE WHEN x.i % 100 = 0 THEN NULL WHEN x.used <= x.sla THEN 1 ELSE 0 END
  FROM (SELECT g.i, s.id, s.org_unit_id, s.region_code, s.kind, s.sla, $start AS start_date,
               (((g.i * 2654435761) % 1000) * (s.sla + s.sla / 2 + 1)) / 1000 AS used
        FROM $from JOIN bench_svc s ON s.n = g.i % $n_svc) x;
SQL
}

# The kept counts, exactly as services::rebuild_times (src/modules/services/recaps.cpp) makes them.
rebuild_sql() {
  cat <<'SQL'
DELETE FROM svc_times;
INSERT INTO svc_times (service_id, region_code, month, used_wd, finished, on_time)
  SELECT service_id, MIN(region_code), SUBSTR(finished_date, 1, 7), used_wd, COUNT(*), SUM(on_time) FROM svc_cases
  WHERE finished_date IS NOT NULL GROUP BY service_id, SUBSTR(finished_date, 1, 7), used_wd;
DELETE FROM svc_times_year;
INSERT INTO svc_times_year (service_id, region_code, year, used_wd, finished, on_time)
  SELECT service_id, MIN(region_code), CAST(SUBSTR(month, 1, 4) AS INTEGER), used_wd, SUM(finished), SUM(on_time) FROM svc_times
  GROUP BY service_id, CAST(SUBSTR(month, 1, 4) AS INTEGER), used_wd;
DELETE FROM svc_received;
INSERT INTO svc_received (service_id, region_code, month, received)
  SELECT service_id, MIN(region_code), SUBSTR(start_date, 1, 7), COUNT(*) FROM svc_cases GROUP BY service_id, SUBSTR(start_date, 1, 7);
SQL
}

ROWS_DONE=()
# measure LABEL DB: seeds DB (an SQLite path or a postgresql:// URL), loads the requests, runs
# the server and times the recap. Appends one result line to ROWS_DONE.
measure() {
  local label="$1" db="$2" run="$TMP/$1" t0 t1
  mkdir -p "$run"
  log "$label: seeding"
  PANTAU_DEMO_PASSWORD="$PASSWORD" "$BIN" seed --demo --db "$db" --data "$ROOT/data" --files "$run/files" >"$run/seed.log" 2>&1 \
    || { cat "$run/seed.log" >&2; return 1; }
  t0=$EPOCHREALTIME
  local n_svc
  if [ "$label" = sqlite ]; then
    offices_sql | sqlite3 "$db"
    n_svc="$(sqlite3 "$db" 'SELECT COUNT(*) FROM bench_svc')"
    {
      echo "PRAGMA journal_mode=WAL; BEGIN;"
      cases_sql "WITH RECURSIVE g(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < $((ROWS - 1)))" "g" \
        "date('$YEAR-01-01', '+' || ((g.i * 7919) % 358) || ' days')" "date(x.start_date, '+' || (x.used * 7 / 5) || ' days')" "$n_svc"
      rebuild_sql
      echo "DROP TABLE bench_svc; COMMIT; ANALYZE;"
    } | sqlite3 "$db"
    OFFICES="$(sqlite3 "$db" "SELECT COUNT(DISTINCT region_code) FROM svc_services")"
    LOADED="$(sqlite3 "$db" "SELECT COUNT(*) FROM svc_cases")"
    KEPT="$(sqlite3 "$db" "SELECT COUNT(*) FROM svc_times_year WHERE year = $YEAR")"
  else
    offices_sql | psql -q -v ON_ERROR_STOP=1 "$db"
    n_svc="$(psql -qAt "$db" -c 'SELECT COUNT(*) FROM bench_svc')"
    {
      echo "BEGIN;"
      cases_sql "" "generate_series(0::bigint, $((ROWS - 1))) AS g(i)" \
        "to_char(DATE '$YEAR-01-01' + ((g.i * 7919) % 358)::int, 'YYYY-MM-DD')" \
        "to_char(x.start_date::date + (x.used * 7 / 5)::int, 'YYYY-MM-DD')" "$n_svc"
      rebuild_sql
      echo "DROP TABLE bench_svc; COMMIT; VACUUM ANALYZE;"
    } | psql -q -v ON_ERROR_STOP=1 "$db"
    OFFICES="$(psql -qAt "$db" -c "SELECT COUNT(DISTINCT region_code) FROM svc_services")"
    LOADED="$(psql -qAt "$db" -c "SELECT COUNT(*) FROM svc_cases")"
    KEPT="$(psql -qAt "$db" -c "SELECT COUNT(*) FROM svc_times_year WHERE year = $YEAR")"
  fi
  t1=$EPOCHREALTIME
  log "$label: $LOADED requests over $OFFICES offices loaded in $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", b - a}') s; $KEPT kept histogram rows for $YEAR"

  taskset -c "$SCPU" "$BIN" serve --db "$db" --listen "127.0.0.1:$PORT" --files "$run/files" --access-log "$run/access.log" >"$run/server.log" 2>&1 &
  SERVER_PID=$!
  wait_http "$BASE/readyz" "$SERVER_PID"
  # A national user (Kemendagri: every office) and a province's head.
  local jar="$run/cookies" url="$BASE/api/v1/services/recap?year=$YEAR" code
  login_as() {
    : >"$jar"
    curl -s -c "$jar" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/session" >/dev/null
    grep -q pantau_session "$jar" || { log "login as $1 failed"; return 1; }
  }
  login_as pusat.analis
  # timed URL N OUTFILE: N calls, curl's total in ms per line.
  timed() {
    for _ in $(seq 1 "$2"); do
      taskset -c "$CCPU" curl -s -b "$jar" -o "$run/answer" -w '%{http_code} %{time_total}\n' "$1" >>"$3"
    done
  }
  : >"$run/cold.txt"; : >"$run/warm.txt"; : >"$run/prov.txt"; : >"$run/xlsx.txt"
  timed "$url" 1 "$run/cold.txt"
  # The server's CPU time over the warm calls (from /proc): on a shared machine the wall-clock
  # times include waiting for a core; this is what one call costs.
  local j0 j1
  j0=$(pid_jiffies "$SERVER_PID")
  timed "$url" "$CALLS" "$run/warm.txt"
  j1=$(pid_jiffies "$SERVER_PID")
  local cpu_ms
  cpu_ms=$(awk -v j=$((j1 - j0)) -v h="$CLK_TCK" -v n="$CALLS" 'BEGIN {printf "%.1f", j / h / n * 1000}')
  ITEMS="$(grep -o '"region_code"' "$run/answer" | wc -l)"
  RECEIVED="$(grep -o '"received":[0-9]*' "$run/answer" | awk -F: '{s += $2} END {print s + 0}')"
  FINISHED="$(grep -o '"finished":[0-9]*' "$run/answer" | awk -F: '{s += $2} END {print s + 0}')"
  timed "$BASE/api/v1/services/recap.xlsx?year=$YEAR" 5 "$run/xlsx.txt"
  login_as kalsel.kaban
  timed "$url&region=63" "$CALLS" "$run/prov.txt"
  sleep 1.5  # the access log is flushed every second
  stop_server
  code="$(awk '$1 != 200' "$run/cold.txt" "$run/warm.txt" "$run/prov.txt" "$run/xlsx.txt" | head -1)"
  [ -z "$code" ] || { log "$label: a call answered $code"; return 1; }
  # Server-side times from the access log, in order: cold, warm, xlsx, province.
  grep -E '"GET /api/v1/services/recap' "$run/access.log" | sed -E 's/.* ([0-9.]+)ms$/\1/' >"$run/server_ms.txt"
  local cold_srv warm_srv xlsx_srv prov_srv
  cold_srv="$(sed -n 1p "$run/server_ms.txt")"
  warm_srv="$(sed -n "2,$((CALLS + 1))p" "$run/server_ms.txt")"
  xlsx_srv="$(sed -n "$((CALLS + 2)),$((CALLS + 6))p" "$run/server_ms.txt")"
  prov_srv="$(sed -n "$((CALLS + 7)),\$p" "$run/server_ms.txt")"
  ms() { awk '{printf "%.1f\n", $2 * 1000}' "$1"; }
  pct() { sort -g | awk -v p="$1" '{a[NR]=$1} END {if (NR == 0) {print "-"; exit} r = int((p * NR + 99) / 100); if (r < 1) r = 1; print a[r]}'; }
  ROWS_DONE+=("$label|$LOADED|$OFFICES|$ITEMS|$RECEIVED|$FINISHED|$(ms "$run/cold.txt")|$cold_srv|$(ms "$run/warm.txt" | pct 50)|$(ms "$run/warm.txt" | pct 99)|$(echo "$warm_srv" | pct 50)|$(echo "$warm_srv" | pct 99)|$(ms "$run/prov.txt" | pct 50)|$(echo "$prov_srv" | pct 99)|$(ms "$run/xlsx.txt" | pct 50)|$(echo "$xlsx_srv" | pct 50)")
  log "$label: ${ROWS_DONE[-1]}"
}

measure sqlite "$TMP/pantau.db"
if [ "$WANT_PG" = 1 ] && command -v psql >/dev/null; then
  PG_DIR="$TMP/pg"
  if URL="$(bash "$ROOT/scripts/pg-cluster.sh" start "$PG_DIR" 2>"$TMP/pg.log")"; then
    measure postgres "$URL"
  else
    log "no PostgreSQL cluster (scripts/pg-cluster.sh failed; see below); SQLite only"; cat "$TMP/pg.log" >&2
  fi
fi

mkdir -p "$(dirname "$OUT")"
{
  echo "# Service-time recap benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "\`GET /api/v1/services/recap?year=$YEAR\` as a national user (every office), server pinned to CPU $SCPU, curl on CPU $CCPU;"
  echo "cold = the first call after the server started, warm = $CALLS calls after it (p99 by nearest rank); server = the"
  echo "handler's time from the access log, curl = curl's time_total; server CPU = the process's CPU time over the warm"
  echo "calls divided by their number (what a call costs without waiting for a core). Province = \`?region=63\` as its head;"
  echo "XLSX = 5 calls."
  echo
  echo "| database | requests | offices | rows answered | received | finished | cold curl ms | cold server ms | warm curl p50 | warm curl p99 | warm server p50 | warm server p99 | server CPU ms per warm call | province curl p50 | province server p99 | XLSX curl p50 | XLSX server p50 |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for r in "${ROWS_DONE[@]}"; do echo "| ${r//|/ | } |"; done
} >"$OUT"
cat "$OUT"
