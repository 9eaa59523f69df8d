#!/usr/bin/env bash
# Browser tests of the web app against a real Pantau server.
#   PANTAU_BIN=/path/to/pantau [PANTAU_WEB_DIST=dir] [E2E_TESTS="x.test.mjs"] tests/e2e/run.sh
#   PANTAU_E2E_DB=postgres PANTAU_TEST_PG_URL=postgresql://... tests/e2e/run.sh   (the same tests on a
#     fresh database of that PostgreSQL cluster, see scripts/pg-cluster.sh)
# Needs: web/dist built, Debian chromium (/usr/bin/chromium or $CHROMIUM), node >= 20.
# Creates a throw-away database, seeds the demo data, serves it on a free local port,
# runs tests/e2e/*.test.mjs with node --test. Screenshots, axe reports, timings and the
# server log go to tests/e2e/artifacts/.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
: "${PANTAU_BIN:?set PANTAU_BIN to the pantau server binary}"
[[ -x "$PANTAU_BIN" ]] || { echo "e2e: PANTAU_BIN=$PANTAU_BIN is not executable" >&2; exit 2; }
WEB_DIST="${PANTAU_WEB_DIST:-$REPO/web/dist}"
[[ -f "$WEB_DIST/index.html" ]] || { echo "e2e: $WEB_DIST is missing; build the web app first (cd web && npm ci && npm run build)" >&2; exit 2; }
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
[[ -x "$CHROMIUM" ]] || { echo "e2e: chromium not found at $CHROMIUM" >&2; exit 2; }
if [[ ! -d "$HERE/node_modules/playwright-core" ]]; then
  bash "$REPO/scripts/npm-install.sh" "$HERE"
fi

ARTIFACTS="$HERE/artifacts"
mkdir -p "$ARTIFACTS"
TMP="$(mktemp -d -t pantau-e2e.XXXXXX)"
PORT="${PANTAU_E2E_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')}"
export PANTAU_DEMO_PASSWORD="${PANTAU_DEMO_PASSWORD:-Pantau-e2e-2025}"
export PANTAU_URL="http://127.0.0.1:$PORT"
# The browser tests run without the internet: no base map unless a test asks for one (it then
# answers the tile requests itself). PANTAU_MAP_TILES=... runs them against a real tile server.
export PANTAU_MAP_TILES="${PANTAU_MAP_TILES:-off}"

SERVER_PID=""
PG_DB=""
# The URL of database $1 on the cluster of PANTAU_TEST_PG_URL.
pg_url() { local base=${PANTAU_TEST_PG_URL%/*}; echo "$base/$1"; }
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ -n "$PG_DB" ]]; then psql -X -q -d "$PANTAU_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

if [[ "${PANTAU_E2E_DB:-sqlite}" == postgres ]]; then
  : "${PANTAU_TEST_PG_URL:?PANTAU_E2E_DB=postgres needs PANTAU_TEST_PG_URL (scripts/pg-cluster.sh start DIR)}"
  PG_DB="pantau_e2e_$$"
  psql -X -q -v ON_ERROR_STOP=1 -d "$PANTAU_TEST_PG_URL" -c "CREATE DATABASE $PG_DB" >/dev/null
  DB="$(pg_url "$PG_DB")"
else
  DB="$TMP/e2e.db"
fi

echo "e2e: preparing database ${PANTAU_E2E_DB:-sqlite} ($DB)"
"$PANTAU_BIN" migrate --db "$DB" > "$ARTIFACTS/migrate.log" 2>&1 || { cat "$ARTIFACTS/migrate.log" >&2; exit 1; }
"$PANTAU_BIN" seed --demo --db "$DB" --files "$TMP/files" > "$ARTIFACTS/seed.log" 2>&1 || { cat "$ARTIFACTS/seed.log" >&2; exit 1; }

echo "e2e: starting server on $PANTAU_URL"
"$PANTAU_BIN" serve --db "$DB" --listen "127.0.0.1:$PORT" --web "$WEB_DIST" --files "$TMP/files" > "$ARTIFACTS/server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 120); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "e2e: server exited early; log:" >&2
    cat "$ARTIFACTS/server.log" >&2
    exit 1
  fi
  code="$(curl -s -o /dev/null -w '%{http_code}' "$PANTAU_URL/readyz" || true)"
  [[ "$code" == "200" ]] && break
  sleep 0.5
done
[[ "${code:-}" == "200" ]] || { echo "e2e: server not ready after 60 s" >&2; cat "$ARTIFACTS/server.log" >&2; exit 1; }

cd "$HERE"
# E2E_TESTS="a.test.mjs b.test.mjs" runs only those files.
node --test --test-concurrency=1 --test-reporter=spec ${E2E_TESTS:-./*.test.mjs}
