#!/usr/bin/env bash
# The first page on a slow mobile link (bench/web/slowlink.mjs), against a demo server of its own.
#   PANTAU_BIN=build/pantau bash bench/web/run.sh [runs]      (web/dist must be built: make web)
# Writes bench/web/results/latest.md (or BENCH_OUT).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${PANTAU_BIN:-$ROOT/build/pantau}"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN";; esac
OUT="${BENCH_OUT:-$ROOT/bench/web/results/latest.md}"
[ -x "$BIN" ] || { echo "bench: $BIN not found" >&2; exit 2; }
[ -f "$ROOT/web/dist/index.html" ] || { echo "bench: web/dist is missing (make web)" >&2; exit 2; }
[ -d "$ROOT/tests/e2e/node_modules/playwright-core" ] || bash "$ROOT/scripts/npm-install.sh" "$ROOT/tests/e2e"
TMP="$(mktemp -d /tmp/pantau-web-bench.XXXXXX)"
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
export PANTAU_DEMO_PASSWORD="Uji-Beban-2026-Pantau"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export PANTAU_URL="http://127.0.0.1:$PORT"
"$BIN" seed --demo --db "$TMP/p.db" --data "$ROOT/data" --files "$TMP/files" >"$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log" >&2; exit 1; }
"$BIN" serve --db "$TMP/p.db" --listen "127.0.0.1:$PORT" --web "$ROOT/web/dist" --files "$TMP/files" >"$TMP/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 200); do curl -s -o /dev/null "$PANTAU_URL/readyz" && break; sleep 0.1; done
json="$(node "$ROOT/bench/web/slowlink.mjs" "${1:-5}")"
entry_gz="$(grep -o 'src="/assets/[^"]*\.js"' "$ROOT/web/dist/index.html" | cut -d'"' -f2 | while read -r f; do gzip -9c "$ROOT/web/dist$f" | wc -c; done | awk '{s += $1} END {printf "%.1f", s / 1024}')"
{
  echo "### First page on a slow link — $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "\`bash bench/web/run.sh\` (commit $(git -C "$ROOT" rev-parse --short HEAD)); Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), 390 px, kab/kota operator, empty cache, 1.6 Mbit/s down / 750 kbit/s up / 150 ms RTT; load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo '```'
  echo "$json"
  echo '```'
  echo
  echo "Entry script (index.html) gzip -9: $entry_gz KB."
} >"$TMP/report.md"
mkdir -p "$(dirname "$OUT")"
cp "$TMP/report.md" "$OUT"
cat "$TMP/report.md"
