#!/usr/bin/env bash
# Sets up, builds and runs every test.
#   scripts/test.sh               all tests (unit, query, differential, crash)
#   scripts/test.sh --sanitize    unit tests under AddressSanitizer + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--sanitize" ]; then
  scripts/setup.sh --sanitize
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  ctest --test-dir build-asan --output-on-failure -j2 -L unit
else
  scripts/setup.sh
  ctest --test-dir build --output-on-failure -j2
fi
