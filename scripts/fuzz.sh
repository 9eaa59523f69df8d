#!/usr/bin/env bash
# Runs the libFuzzer targets of the input parsers for SECONDS_TOTAL seconds in all (default 40),
# split evenly between the targets (a new target shares the same budget). Needs clang and
# libclang-rt (make deps-test).
#   bash scripts/fuzz.sh [SECONDS_TOTAL]
# Environment: FUZZ_BUILD (default build-fuzz), FUZZ_TARGETS (default: all six),
#              FUZZ_JOBS (build parallelism, default 2).
# The corpus in tests/fuzz/corpus/ is copied into the build folder and grows there; the repo is
# never written. Exits non-zero if any target crashed; the crash input's path is printed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOTAL="${1:-40}"
BUILD="${FUZZ_BUILD:-$ROOT/build-fuzz}"
TARGETS=(${FUZZ_TARGETS:-fuzz_json fuzz_query fuzz_multipart fuzz_csv fuzz_xlsx fuzz_image})
JOBS="${FUZZ_JOBS:-2}"

if ! [[ "$TOTAL" =~ ^[0-9]+$ ]] || [ "$TOTAL" -lt "${#TARGETS[@]}" ]; then
  echo "usage: $0 [SECONDS_TOTAL >= ${#TARGETS[@]}]" >&2
  exit 2
fi
PER=$(( TOTAL / ${#TARGETS[@]} ))

for tool in clang clang++ cmake ninja; do
  command -v "$tool" >/dev/null || { echo "fuzz: $tool not found (run: make deps-test)" >&2; exit 2; }
done

echo "fuzz: configuring and building in $BUILD"
mkdir -p "$BUILD"
if ! CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja -DPANTAU_FUZZ=ON -DPANTAU_TESTS=OFF \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$BUILD/fuzz-configure.log" 2>&1; then
  cat "$BUILD/fuzz-configure.log" >&2
  echo "fuzz: configure failed" >&2
  exit 2
fi
if ! ninja -C "$BUILD" -j "$JOBS" "${TARGETS[@]}" >"$BUILD/fuzz-build.log" 2>&1; then
  tail -50 "$BUILD/fuzz-build.log" >&2
  echo "fuzz: build failed" >&2
  exit 2
fi

export UBSAN_OPTIONS="print_stacktrace=1:${UBSAN_OPTIONS:-}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}"
failed=0
for t in "${TARGETS[@]}"; do
  work="$BUILD/fuzz-run/$t"
  mkdir -p "$work/corpus" "$work/artifacts"
  # Seeds from the repo, plus whatever earlier runs in this build folder found.
  cp -n "$ROOT/tests/fuzz/corpus/$t/"* "$work/corpus/" 2>/dev/null || true
  log="$work/last.log"
  "$BUILD/$t" "$work/corpus" -max_total_time="$PER" -timeout=5 -rss_limit_mb=1024 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$work/artifacts/" >"$log" 2>&1
  rc=$?
  if [ $rc -eq 126 ] || [ $rc -eq 127 ]; then echo "fuzz: $t could not be run (exit $rc, log $log)"; failed=1; continue; fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -Eo '(cov|ft): [0-9]+' "$log" | tail -2 | tr '\n' ' ')
  ncorp=$(find "$work/corpus" -type f | wc -l)
  if [ $rc -eq 0 ]; then
    echo "fuzz: $t OK — ${PER}s, ${execs:-?} execs, ${cov}corpus $ncorp (log $log)"
  else
    failed=1
    crash=$(grep -Eo "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //')
    reason=$(grep -E "ERROR: (AddressSanitizer|UndefinedBehaviorSanitizer|libFuzzer)|runtime error:|invariant violated" "$log" | head -1)
    echo "fuzz: $t CRASHED (exit $rc) — ${reason:-see log} — input: ${crash:-?} (log $log)"
    echo "      reproduce: $BUILD/$t ${crash:-<input>}"
  fi
done
exit $failed
