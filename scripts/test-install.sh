#!/usr/bin/env bash
# Installs newsgraph into a temporary prefix, then builds examples/ against
# the installed package (find_package(newsgraph CONFIG)) and runs each
# program, so that the package works without the source tree's include
# paths.
#   scripts/test-install.sh [BUILD_DIR]     (default: build, made by setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
[ -d "$build_dir" ] || scripts/setup.sh --build-dir "$build_dir"
ninja -C "$build_dir" -j2 newsgraph_lib newsgraph

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build_dir" --prefix "$prefix" >/dev/null

# The installed headers must not need anything outside include/newsgraph/.
for h in "$prefix"/include/newsgraph/*.h; do
  if grep -E '^#include "' "$h" | grep -v '"newsgraph/' >/dev/null; then
    echo "test-install: $h includes a header outside newsgraph/" >&2
    exit 1
  fi
  echo "#include <newsgraph/$(basename "$h")>" | g++ -std=c++20 -fsyntax-only -I"$prefix/include" -x c++ - ||
    { echo "test-install: $h does not compile on its own" >&2; exit 1; }
done

cmake -S examples -B "$work/examples" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
ninja -C "$work/examples" -j2

db=$work/db
"$work/examples/embed_query" "$db" examples/data/seed_facts.jsonl "حفتر"
"$work/examples/ingest_folder" examples/data/articles
"$work/examples/custom_report" "$db" > "$work/report.md"
grep -q '^## Facts per predicate' "$work/report.md"
"$prefix/bin/newsgraph" query --db "$db" 'MATCH (a)-[:supports]->(b) RETURN a.name, b.name' >/dev/null
echo "install test: 4 passed, 0 failed"
