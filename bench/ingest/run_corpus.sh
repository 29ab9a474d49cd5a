#!/bin/sh
# Throughput and memory of `newsgraph extract` on SaudiNewsNet (15,042 articles,
# read from ../shared/corpus, never copied). Prints the tool's own --stats line
# and the peak resident memory, for one day and for all eight days: the peak
# must not grow with the number of articles.
#   bench/ingest/run_corpus.sh [BUILD_DIR] [THREADS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
threads=${2:-1}
corpus=${NEWSGRAPH_CORPUS:-$root/../shared/corpus/saudinewsnet}
bin=$build/tools/newsgraph
for input in "$corpus/2015-07-23.json" "$corpus"; do
  echo "== $input ($threads thread(s))"
  /usr/bin/time -f "peak RSS %M KiB, %e s wall, %U s user, %S s sys" \
    "$bin" extract --quiet --stats --threads "$threads" "$input" > /dev/null
done
