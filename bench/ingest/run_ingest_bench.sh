#!/bin/sh
# End-to-end `newsgraph ingest` of SaudiNewsNet (15,042 articles, 52 MB, read
# from ../shared/corpus, never copied) into a fresh store: articles/s, facts/s
# and peak resident memory from /usr/bin/time, then the store size after
# `newsgraph compact`. Issue 4's target: >= 500 articles/s and <= 1 GB peak
# RSS on 2 cores.
#   bench/ingest/run_ingest_bench.sh [BUILD_DIR] [THREADS] [INPUT…]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
threads=${2:-2}
[ $# -ge 2 ] && shift 2 || shift $#
corpus=${NEWSGRAPH_CORPUS:-$root/../shared/corpus/saudinewsnet}
[ $# -gt 0 ] || set -- "$corpus"
bin=$build/tools/newsgraph
db=$(mktemp -d "${TMPDIR:-/tmp}/ingest-bench-XXXXXX")
trap 'rm -rf "$db"' EXIT
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load: $(uptime | sed 's/.*load average: //')"
echo "== $bin ingest --threads $threads $*"
/usr/bin/time -f "time: peak RSS %M KiB, %e s wall, %U s user, %S s sys" \
  "$bin" ingest --db "$db/store" --threads "$threads" --quiet "$@" 2>&1 | tail -n 3
before=$(du -sk "$db/store" | cut -f1)
"$bin" compact --db "$db/store" > /dev/null
after=$(du -sk "$db/store" | cut -f1)
echo "store: ${before} KiB after ingest, ${after} KiB after compact"
"$bin" stats --db "$db/store" | head -n 6
