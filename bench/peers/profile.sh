#!/usr/bin/env bash
# Instructions per request of Pantau's hot paths, counted by callgrind: the count does not depend
# on the machine's load, so before/after figures can be taken on a shared machine.
#   PANTAU_BIN=build/pantau bash bench/peers/profile.sh DB PATH [PATH...]
# DB is a database built as bench/peers/run.sh builds it (BENCH_KEEP=1 keeps it), e.g.
#   pantau seed --demo --db x.db ... && python3 bench/monitoring/generate.py x.db --years 10 --events 200000 --evidence 50000
# For each PATH (e.g. '/api/v1/monitoring/reports?region=63.71&limit=50', '/healthz') the server runs
# under callgrind; after PROFILE_WARMUP requests on one keep-alive connection (`curl -K`, the session
# cookie of PROFILE_USER), the counters are zeroed, PROFILE_N requests are sent on one connection and
# the counters are dumped. Prints the user-space instructions per request of the whole server (every
# thread) and writes the callgrind_annotate inclusive and self tables to PROFILE_OUT/<n>-*.txt.
# A PATH of the form @FILE sends the paths listed in FILE (one a line) in turn instead of one path:
# an answer a cache would keep (the recap) is then profiled as it is made.
# The report list keeps its page while nothing is written, so PATH measures the repeated read (the
# kept page); PROFILE_HEADER='Cache-Control: no-cache' makes every request run the query instead.
# Knobs: PROFILE_N (1000), PROFILE_WARMUP (50), PROFILE_WARM_PATH (the warm-up's PATH, when it must
# differ from the measured one), PROFILE_HEADER (one more request header), PROFILE_USER (banjarmasin.operator),
# PROFILE_PASSWORD (Uji-Beban-2026-Pantau), PROFILE_OUT (a new /tmp folder).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${PANTAU_BIN:-$ROOT/build/pantau}"
DB="${1:?usage: profile.sh DB PATH [PATH...]}"
shift
[ $# -gt 0 ] || { echo "usage: profile.sh DB PATH [PATH...]" >&2; exit 2; }
N="${PROFILE_N:-1000}"
WARM="${PROFILE_WARMUP:-50}"
USER_NAME="${PROFILE_USER:-banjarmasin.operator}"
PASSWORD="${PROFILE_PASSWORD:-Uji-Beban-2026-Pantau}"
OUT="${PROFILE_OUT:-$(mktemp -d /tmp/pantau-profile.XXXXXX)}"
mkdir -p "$OUT"
for tool in valgrind callgrind_control callgrind_annotate curl python3; do
  command -v "$tool" >/dev/null || { echo "profile: $tool not found" >&2; exit 2; }
done
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"

PID=""
stop() { [ -z "$PID" ] || { kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; }; }
trap stop EXIT

urls() {  # urls FILE COUNT PATH: COUNT requests of PATH (or of @FILE's paths in turn) with the session cookie, one connection
  local f="$1" n="$2" path="$3"
  local -a paths=("$path")
  if [ "${path#@}" != "$path" ]; then mapfile -t paths <"${path#@}"; fi
  : >"$f"
  echo "header = \"Cookie: $COOKIE\"" >>"$f"
  [ -z "${PROFILE_HEADER:-}" ] || echo "header = \"$PROFILE_HEADER\"" >>"$f"
  for k in $(seq 0 $((n - 1))); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "${paths[$((k % ${#paths[@]}))]}" >>"$f"; done
}

i=0
for path in "$@"; do
  i=$((i + 1))
  valgrind --tool=callgrind --callgrind-out-file="$OUT/$i.cg.%p" \
    "$BIN" serve --db "$DB" --listen "127.0.0.1:$PORT" --files "$OUT/files" --access-log "$OUT/access.log" \
    >"$OUT/$i.server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do curl -sf "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -sf "$BASE/readyz" >/dev/null || { echo "profile: server did not start" >&2; tail "$OUT/$i.server.log" >&2; exit 1; }
  COOKIE=""
  login="$(curl -s -c "$OUT/cookies" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$USER_NAME\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/session")"
  COOKIE="pantau_session=$(awk '$6 == "pantau_session" {print $7}' "$OUT/cookies")"
  [ "$COOKIE" != "pantau_session=" ] || { echo "profile: login failed: $login" >&2; exit 1; }
  first="$path"; [ "${path#@}" = "$path" ] || first="$(head -1 "${path#@}")"
  curl -s -H "Cookie: $COOKIE" "$BASE$first" >"$OUT/$i.answer"
  urls "$OUT/warm.curl" "$WARM" "${PROFILE_WARM_PATH:-$path}"
  curl -s -K "$OUT/warm.curl"
  callgrind_control -z "$PID" >/dev/null 2>&1
  urls "$OUT/run.curl" "$N" "$path"
  curl -s -K "$OUT/run.curl"
  callgrind_control -d "$PID" >/dev/null 2>&1
  stop
  dump="$(ls -t "$OUT"/$i.cg.*.1 2>/dev/null | head -1)"
  [ -n "$dump" ] || { echo "profile: no callgrind dump" >&2; exit 1; }
  total="$(awk '/^(summary|totals):/ {print $2; exit}' "$dump")"
  callgrind_annotate --inclusive=yes --threshold=100 "$dump" >"$OUT/$i-inclusive.txt" 2>/dev/null || true
  callgrind_annotate --threshold=100 "$dump" >"$OUT/$i-self.txt" 2>/dev/null || true
  printf '%s\t%s bytes\t%s instructions per request\t%s\n' "$path" "$(wc -c <"$OUT/$i.answer")" \
    "$(awk -v t="$total" -v n="$N" 'BEGIN {printf "%.0f", t / n}')" "$dump"
done
echo "profiles in $OUT" >&2
