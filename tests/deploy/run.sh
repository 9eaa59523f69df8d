#!/usr/bin/env bash
# Deployment tests: two `pantau serve` instances on PostgreSQL behind nginx (deploy/), with a
# streaming hot standby, and the faults an operator meets (an instance killed, the primary
# restarted, the replica lost). Starts its own PostgreSQL primary + standby under /tmp (the
# tests restart the primary) and nginx with its own prefix; nothing of the system is touched.
#
#   PANTAU_BIN=build/pantau tests/deploy/run.sh [test files...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
: "${PANTAU_BIN:?set PANTAU_BIN to the pantau binary}"
PANTAU_BIN="$(cd "$(dirname "$PANTAU_BIN")" && pwd)/$(basename "$PANTAU_BIN")"
export PANTAU_BIN
command -v nginx >/dev/null || { echo "tests/deploy/run.sh: nginx is needed (apt-get install nginx)" >&2; exit 2; }
[[ -d "$root/tests/api/node_modules" ]] || (cd "$root/tests/api" && npm ci --no-audit --no-fund)

pgdir=$(mktemp -d /tmp/pantau-deploy-pg.XXXXXX)
cleanup() { bash "$here/pg-pair.sh" stop "$pgdir"; rm -rf "$pgdir"; }
trap cleanup EXIT
read -r primary replica < <(bash "$here/pg-pair.sh" start "$pgdir")
export PANTAU_TEST_PG_URL="$primary" PANTAU_DEPLOY_REPLICA_URL="$replica" PANTAU_DEPLOY_PG_DIR="$pgdir"
export PANTAU_API_DB=postgres
echo "PostgreSQL primary $primary, hot standby $replica"
cd "$root"
if (( $# > 0 )); then files=("$@"); else files=(tests/deploy/*.test.mjs); fi
# One file at a time: the fault tests stop and start the shared primary.
node --test --test-concurrency=1 --test-reporter=spec "${files[@]}"
