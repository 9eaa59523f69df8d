#!/usr/bin/env bash
# API tests of a built Pantau binary: the lint of docs/openapi.yaml, then every
# tests/api/*.test.mjs with Node's built-in test runner. Each test file starts its own server
# on a temporary SQLite database, or with PANTAU_API_DB=postgres on a fresh PostgreSQL database
# of the cluster named by PANTAU_TEST_PG_URL (see scripts/pg-cluster.sh).
#
#   PANTAU_BIN=build/pantau tests/api/run.sh [test files...]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [[ -z "${PANTAU_BIN:-}" ]]; then
  echo "tests/api/run.sh: set PANTAU_BIN to the pantau binary (e.g. PANTAU_BIN=build/pantau)" >&2
  exit 2
fi
PANTAU_BIN="$(cd "$(dirname "$PANTAU_BIN")" && pwd)/$(basename "$PANTAU_BIN")"
export PANTAU_BIN
if [[ ! -x "$PANTAU_BIN" ]]; then
  echo "tests/api/run.sh: $PANTAU_BIN is not an executable" >&2
  exit 2
fi
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if (( node_major < 20 )); then
  echo "tests/api/run.sh: Node.js 20 or later is needed (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 2
fi
if ! command -v sqlite3 >/dev/null; then
  echo "tests/api/run.sh: the sqlite3 command-line tool is needed (apt-get install sqlite3)" >&2
  exit 2
fi

cd "$here"
if [[ ! -d node_modules ]]; then
  npm ci --no-audit --no-fund
fi
echo "== lint docs/openapi.yaml"
npm run --silent lint

if [[ "${PANTAU_API_DB:-sqlite}" == postgres ]]; then
  [[ -n "${PANTAU_TEST_PG_URL:-}" ]] || { echo "tests/api/run.sh: PANTAU_API_DB=postgres needs PANTAU_TEST_PG_URL" >&2; exit 2; }
  command -v psql >/dev/null || { echo "tests/api/run.sh: psql is needed (apt-get install postgresql-client)" >&2; exit 2; }
fi
echo "== API tests ($PANTAU_BIN, ${PANTAU_API_DB:-sqlite})"
cd "$root"
if (( $# > 0 )); then files=("$@"); else files=(tests/api/*.test.mjs); fi
node --test --test-reporter=spec "${files[@]}"
