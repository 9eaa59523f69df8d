#!/usr/bin/env bash
# Installs a folder's npm packages from its package-lock.json.
# `npm ci` is tried first. The registry this project builds against serves only Linux builds of
# packages with per-platform optional dependencies (e.g. rollup's native binaries), so `npm ci`
# can refuse a lock file that names the others; `npm install` then installs the same locked
# versions for this platform.
set -euo pipefail
dir=${1:?folder with package.json}
cd "$dir"
if ! npm ci --no-audit --no-fund --loglevel=error >/tmp/npm-ci-$$.log 2>&1; then
  if grep -q "Missing: .* from lock file" /tmp/npm-ci-$$.log; then
    npm install --no-audit --no-fund --loglevel=error
  else
    cat /tmp/npm-ci-$$.log >&2
    rm -f /tmp/npm-ci-$$.log
    exit 1
  fi
fi
rm -f /tmp/npm-ci-$$.log
