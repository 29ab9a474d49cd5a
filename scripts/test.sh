#!/usr/bin/env bash
# Sets up, builds and runs every test.
#   scripts/test.sh               all tests (unit, query, differential, crash)
#   scripts/test.sh --sanitize    unit tests under AddressSanitizer + UBSan (clang), then each
#                                 fuzz target for NEWSGRAPH_FUZZ_SECONDS (default 20) seconds
#   scripts/test.sh --sanitize-all  the same with every test, not only the unit label (longer
#                                 than the CI budget allows; see RELIABILITY.md)
#   scripts/test.sh --tsan        the concurrency tests under ThreadSanitizer (clang, build-tsan)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--tsan" ]; then
  cmake -S . -B build-tsan -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSGRAPH_TSAN=ON -DNEWSGRAPH_BUILD_BENCH=OFF >/dev/null
  ninja -C build-tsan -j2 concurrency_test
  export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/tests/concurrency/tsan.supp"
  # By name: a second label does not reach CTest through gtest_discover_tests.
  ctest --test-dir build-tsan --output-on-failure -j2 -R "^Concurrency\\."
elif [ "${1:-}" = "--sanitize" ] || [ "${1:-}" = "--sanitize-all" ]; then
  scripts/setup.sh --sanitize
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  if [ "$1" = "--sanitize-all" ]; then
    ctest --test-dir build-asan --output-on-failure -j2
  else
    ctest --test-dir build-asan --output-on-failure -j2 -L unit
  fi
  seconds=${NEWSGRAPH_FUZZ_SECONDS:-20}
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  for target in build-asan/tests/fuzz/fuzz_*; do
    name=$(basename "$target")
    mkdir -p "$work/$name"
    cp tests/fuzz/corpus/"$name"/* "$work/$name"/ 2>/dev/null || true
    echo "fuzz: $name for ${seconds}s" >&2
    # A crash leaves crash-* in $work; copy it into tests/fuzz/corpus/$name as a regression case.
    (cd "$work" && "$OLDPWD/$target" -max_total_time="$seconds" -rss_limit_mb=3072 -timeout=10 \
       -print_final_stats=1 "$name" 2>&1 | grep -E "^(Done|stat::number_of_executed_units|==.*ERROR|SUMMARY)" || true)
    if ls "$work"/crash-* >/dev/null 2>&1; then
      echo "fuzz: $name found a crash; inputs kept in $work" >&2
      trap - EXIT
      exit 1
    fi
  done
else
  scripts/setup.sh
  ctest --test-dir build --output-on-failure -j2
fi
