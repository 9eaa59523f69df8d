#!/usr/bin/env bash
# Upgrade check: a database that an older build migrated is migrated again by this build and must
# then have exactly the schema a new database gets (tests/fixtures/schema_<dialect>.txt, compared
# by catalogue: build/tests/schema_catalogue). Run it against the previous release's binary
# before a release, or against main's binary when migrations/ or cmake/embed_migrations.cmake
# change:
#
#   tests/migrations/upgrade.sh OLD_PANTAU [NEW_PANTAU]     (NEW_PANTAU: build/pantau)
#
# SQLite always; PostgreSQL too when PANTAU_TEST_PG_URL names a throwaway database
# (scripts/pg-cluster.sh start DIR): its public schema is dropped and made again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
old=${1:?"usage: tests/migrations/upgrade.sh OLD_PANTAU [NEW_PANTAU]"}
new=${2:-$root/build/pantau}
catalogue=$(dirname "$new")/tests/schema_catalogue
[[ -x "$catalogue" ]] || catalogue=$root/build/tests/schema_catalogue
for b in "$old" "$new" "$catalogue"; do [[ -x "$b" ]] || { echo "upgrade.sh: $b is not an executable" >&2; exit 2; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

check() {  # dialect url
  local dialect=$1 url=$2
  "$old" migrate --db "$url" >"$work/old.log" 2>&1 || { cat "$work/old.log"; echo "FAIL $dialect: the old build could not migrate"; failed=1; return; }
  "$new" migrate --db "$url" >"$work/new.log" 2>&1 || { cat "$work/new.log"; echo "FAIL $dialect: this build could not upgrade"; failed=1; return; }
  "$catalogue" "$url" >"$work/$dialect.txt"
  if diff -u "$root/tests/fixtures/schema_$dialect.txt" "$work/$dialect.txt" >"$work/$dialect.diff"; then
    echo "ok $dialect: $(tail -1 "$work/new.log")"
  else
    head -40 "$work/$dialect.diff"; echo "FAIL $dialect: the upgraded schema differs from tests/fixtures/schema_$dialect.txt"; failed=1
  fi
}

check sqlite "$work/upgrade.db"
if [[ -n "${PANTAU_TEST_PG_URL:-}" ]]; then
  psql=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/psql
  command -v psql >/dev/null && psql=psql
  "$psql" -q "$PANTAU_TEST_PG_URL" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" 2>/dev/null
  check postgres "$PANTAU_TEST_PG_URL"
else
  echo "(PostgreSQL not checked: set PANTAU_TEST_PG_URL)"
fi
exit $failed
