#!/usr/bin/env bash
# Time and memory of the two heaviest documents, on the national data set of bench/monitoring:
#   the national XLSX recap of a quarter (admin: 514 kab/kota rows) and
#   the governor's peta rawan konflik PDF with its map (province report of Kalimantan Selatan).
# Each is generated BENCH_RUNS times (default 5) after one warm-up; the median and the range of
# curl's time_total are reported, with the server's peak RSS (VmHWM) before and after, and each
# file is checked as a reader would (unzip -t / pdftotext).
#   PANTAU_BIN=build/pantau bash bench/documents/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${PANTAU_BIN:-$ROOT/build/pantau}"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN";; esac
RUNS="${BENCH_RUNS:-5}"
OUT="${BENCH_OUT:-$ROOT/bench/documents/results/latest.md}"
PASSWORD="Uji-Beban-2026-Pantau"
for tool in curl python3 unzip pdftotext; do command -v "$tool" >/dev/null || { echo "bench: $tool not found" >&2; exit 2; }; done
TMP="$(mktemp -d /tmp/pantau-docs-bench.XXXXXX)"
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
PANTAU_DEMO_PASSWORD="$PASSWORD" "$BIN" seed --demo --db "$TMP/p.db" --data "$ROOT/data" --files "$TMP/files" >"$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log" >&2; exit 1; }
python3 "$ROOT/bench/monitoring/generate.py" "$TMP/p.db" --years "${BENCH_YEARS:-10}" --events "${BENCH_EVENTS:-200000}" \
  --evidence "${BENCH_EVIDENCE:-50000}" >"$TMP/generate.log" 2>&1 || { cat "$TMP/generate.log" >&2; exit 1; }
"$BIN" serve --db "$TMP/p.db" --listen "127.0.0.1:$PORT" --web "$ROOT/web/dist" --files "$TMP/files" >"$TMP/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do curl -s -o /dev/null "$BASE/readyz" && break; sleep 0.1; done
login() {
  curl -s -c "$TMP/ck-$1" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/session" >"$TMP/login-$1.json"
  grep -Eo '"csrf_token":"[^"]+"' "$TMP/login-$1.json" | cut -d'"' -f4
}
login admin >/dev/null
CSRF="$(login kalsel.kabid)"
hwm() { awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$PID/status"; }
YEAR="$(date -u +%Y)"
PERIOD="${BENCH_PERIOD:-$YEAR-Q1}"
RECAP="$BASE/api/v1/monitoring/recap.xlsx?type=TRIWULAN&period=$PERIOD"
code="$(curl -s -b "$TMP/ck-kalsel.kabid" -o "$TMP/report.json" -w '%{http_code}' -H 'Content-Type: application/json' -H "X-CSRF-Token: $CSRF" \
  -d "{\"region_code\":\"63\",\"period\":\"$YEAR\"}" "$BASE/api/v1/conflict/reports")"
[ "$code" = 201 ] || { echo "bench: creating the province report answered $code" >&2; cat "$TMP/report.json" >&2; exit 1; }
REPORT_ID="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$TMP/report.json")"
PDF="$BASE/api/v1/conflict/reports/$REPORT_ID/pdf"
HWM0="$(hwm)"
timed() {  # timed NAME COOKIE URL FILE -> medians in $TMP/NAME.times
  : >"$TMP/$1.times"
  for i in $(seq 0 "$RUNS"); do
    t="$(curl -s -b "$TMP/ck-$2" -o "$TMP/$4" -w '%{http_code} %{time_total}' "$3")"
    [ "${t%% *}" = 200 ] || { echo "bench: $1 answered ${t%% *}" >&2; head -c 400 "$TMP/$4" >&2; exit 1; }
    [ "$i" -gt 0 ] && echo "${t#* }" >>"$TMP/$1.times"
  done
}
timed recap admin "$RECAP" recap.xlsx
HWM1="$(hwm)"
timed pdf kalsel.kabid "$PDF" map.pdf
HWM2="$(hwm)"
stat() { sort -g "$TMP/$1.times" | awk '{a[NR]=$1*1000} END {printf "%.0f ms (%.0f–%.0f)", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[1], a[NR]}'; }
unzip -tq "$TMP/recap.xlsx" >/dev/null || { echo "bench: the recap is not a valid workbook" >&2; exit 1; }
ROWS="$(unzip -p "$TMP/recap.xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l)"
pdftotext "$TMP/map.pdf" "$TMP/map.txt"
grep -q "Kalimantan Selatan" "$TMP/map.txt" || { echo "bench: the PDF does not name the province" >&2; exit 1; }
PAGES="$(pdfinfo "$TMP/map.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
{
  echo "### Documents — $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "\`bash bench/documents/run.sh\` (commit $(git -C "$ROOT" rev-parse --short HEAD)), national data set of bench/monitoring, $RUNS runs after a warm-up, load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| document | time (median, range) | size | checked | server peak RSS |"
  echo "|---|---|---|---|---|"
  echo "| national recap XLSX, TRIWULAN $PERIOD (admin) | $(stat recap) | $(( $(wc -c <"$TMP/recap.xlsx") / 1024 )) KB | unzip -t, $ROWS sheet rows | $HWM0 → $HWM1 MB |"
  echo "| peta rawan konflik PDF with map, province 63, $YEAR (kalsel.kabid) | $(stat pdf) | $(( $(wc -c <"$TMP/map.pdf") / 1024 )) KB | pdftotext, ${PAGES:-?} pages | $HWM1 → $HWM2 MB |"
} >"$TMP/out.md"
mkdir -p "$(dirname "$OUT")"
cp "$TMP/out.md" "$OUT"
cat "$TMP/out.md"
