#!/usr/bin/env bash
# Instructions per fast-report submission, counted by callgrind (load-independent), split between
# the database writer thread (the serial resource) and the other threads (HTTP I/O, handler pool).
#   PANTAU_BIN=build/pantau bash bench/peers/profile_submit.sh [N=2000] [CONNECTIONS=16]
# Seeds a demo database, starts Pantau under `valgrind --tool=callgrind --separate-threads=yes`,
# warms up with 200 submissions, zeroes the counters, sends N, and prints instructions per
# submission for each thread. Keeps the callgrind files when PROFILE_KEEP=1 (prints the folder).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${PANTAU_BIN:-$ROOT/build/pantau}"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN";; esac
N="${1:-2000}"
C="${2:-16}"
PASSWORD="Uji-Beban-2026-Pantau"
TMP="$(mktemp -d /tmp/pantau-submit-profile.XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
SPID=""
cleanup() {
  [ -n "$SPID" ] && { kill -TERM "$SPID" 2>/dev/null || true; wait "$SPID" 2>/dev/null || true; }
  if [ "${PROFILE_KEEP:-0}" = 1 ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
PANTAU_DEMO_PASSWORD="$PASSWORD" "$BIN" seed --demo --db "$TMP/p.db" --data "$ROOT/data" --files "$TMP/files" >"$TMP/seed.log" 2>&1
valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$TMP/cg.out" \
  "$BIN" serve --db "$TMP/p.db" --listen "127.0.0.1:$PORT" --files "$TMP/files" --access-log "$TMP/access.log" \
  >"$TMP/server.log" 2>&1 &
SPID=$!
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz" || true)" = 200 ] && break
  sleep 0.2
done
curl -s -c "$TMP/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"banjarmasin.operator\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/v1/session" >"$TMP/login.json"
PANTAU_BENCH_CSRF="$(grep -Eo '"csrf_token":"[^"]+"' "$TMP/login.json" | cut -d'"' -f4)"
PANTAU_BENCH_COOKIE="pantau_session=$(awk '$6 == "pantau_session" {print $7}' "$TMP/cookies")"
PANTAU_BENCH_REGIONS="$(sqlite3 "$TMP/p.db" "SELECT group_concat(code) FROM regions WHERE parent_code = '63.71'")"
export PANTAU_BENCH_COOKIE PANTAU_BENCH_CSRF PANTAU_BENCH_REGIONS
URL="http://127.0.0.1:$PORT/api/v1/monitoring/events"
PANTAU_BENCH_LABEL=warm node "$ROOT/bench/peers/submit_client.mjs" "$URL" 200 "$C" >&2
callgrind_control -z "$SPID" >/dev/null
PANTAU_BENCH_LABEL=measured node "$ROOT/bench/peers/submit_client.mjs" "$URL" "$N" "$C"
callgrind_control -d "$SPID" >/dev/null
sleep 1
stored="$(sqlite3 "$TMP/p.db" "SELECT COUNT(*) FROM political_events WHERE title LIKE 'Uji beban lapor cepat measured %'")"
echo "stored: $stored of $N"
# One dump file per thread: the writer is the thread whose profile holds run_batch or run_group.
total=0; writer=0
for f in "$TMP"/cg.out.*-*; do
  ir="$(awk '/^summary:/ {print $2}' "$f")"
  [ -n "$ir" ] || continue
  total=$((total + ir))
  if grep -q "SqliteDatabase::run_batch\|SqliteDatabase::run_group" "$f"; then writer=$((writer + ir)); fi
done
echo "instructions per submission: writer thread $((writer / N)), other threads $(((total - writer) / N)), all $((total / N))"
