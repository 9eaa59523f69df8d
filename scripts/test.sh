#!/usr/bin/env bash
# `make test`: installs what is missing, builds, and runs every test:
#   unit + store suite on SQLite and on a throwaway PostgreSQL cluster (ctest),
#   API tests against a running server (node) on SQLite and on PostgreSQL, the OpenAPI lint,
#   the deployment tests (two instances on PostgreSQL behind nginx, a hot standby, faults),
#   web UI unit tests (vitest) and end-to-end tests in Debian's chromium (playwright-core) on
#   SQLite and on PostgreSQL,
#   and a short libFuzzer run of each parser of outside input.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${BUILD:-build}
JOBS=${JOBS:-$(nproc)}
FUZZ_SECONDS=${FUZZ_SECONDS:-40}

passed=0; failed=0; failures=()
step() {  # step NAME COMMAND...: runs a test step, counts it, never stops the run
  local name=$1; shift
  echo; echo "=== $name"
  local t0=$SECONDS
  if "$@"; then passed=$((passed+1)); echo "--- ok: $name ($((SECONDS-t0)) s)";
  else failed=$((failed+1)); failures+=("$name"); echo "--- FAILED: $name ($((SECONDS-t0)) s)"; fi
}

bash scripts/install-deps.sh --test || { echo "dependency installation failed"; exit 1; }
step "source rules (JSON by the writer, module borders)" bash scripts/check-source.sh

echo "=== build ($BUILD, Release)"
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null || exit 1
cmake --build "$BUILD" -j "$JOBS" || { echo "build failed"; exit 1; }
export PANTAU_BIN="$ROOT/$BUILD/pantau"

PGDIR="$ROOT/$BUILD/pgtest"
cleanup() { bash scripts/pg-cluster.sh stop "$PGDIR"; }
trap cleanup EXIT
PANTAU_TEST_PG_URL=$(bash scripts/pg-cluster.sh start "$PGDIR") || { echo "could not start PostgreSQL"; exit 1; }
export PANTAU_TEST_PG_URL
echo "PostgreSQL test cluster: $PANTAU_TEST_PG_URL"

step "unit and store suite (SQLite + PostgreSQL)" ctest --test-dir "$BUILD" --output-on-failure
if [[ -x tests/api/run.sh ]]; then step "API tests" bash tests/api/run.sh; fi
if [[ -x tests/api/run.sh ]]; then step "API tests on PostgreSQL" env PANTAU_API_DB=postgres bash tests/api/run.sh; fi
if [[ -x tests/deploy/run.sh ]]; then step "deployment: two instances behind nginx, replica, faults" bash tests/deploy/run.sh; fi
if [[ -f web/package.json ]]; then
  step "web build and unit tests" bash -c "bash scripts/npm-install.sh web && cd web && npm run build && npm test"
fi
if [[ -x tests/e2e/run.sh ]]; then
  step "end-to-end (chromium)" bash tests/e2e/run.sh
  # On PostgreSQL every workflow runs again; the screens check (every page at two widths as three
  # roles: words, dates, layout; about three minutes) reads what the web app draws, which the
  # database does not change, and the API suite checks both databases' answers field by field.
  pg_e2e=$(cd tests/e2e && ls ./*.test.mjs | grep -v '^./screens.test.mjs$' | tr '\n' ' ')
  step "end-to-end on PostgreSQL (chromium; workflows)" env PANTAU_E2E_DB=postgres E2E_TESTS="$pg_e2e" bash tests/e2e/run.sh
fi
if [[ -x scripts/fuzz.sh ]]; then step "fuzzing (${FUZZ_SECONDS}s)" bash scripts/fuzz.sh "$FUZZ_SECONDS"; fi

echo
echo "=== summary"
for f in "${failures[@]}"; do echo "failed: $f"; done
echo "(each step below is a whole suite; their own counts are printed above)"
echo "steps: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
