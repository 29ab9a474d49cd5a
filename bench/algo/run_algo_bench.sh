#!/bin/sh
# Graph-algorithm benchmark (BENCHMARKS.md, "Graph algorithms (issue 6)").
#
#   bench/algo/run_algo_bench.sh BUILD_DIR [TRIPLES] [WORK_DIR]
#
# Generates TRIPLES records (default 1,000,000) with the shared generator,
# imports them into a new store, runs algo_bench, then networkx on the same
# facts (skipped when python3 cannot import networkx).
set -eu
build=${1:?usage: run_algo_bench.sh BUILD_DIR [TRIPLES] [WORK_DIR]}
triples=${2:-1000000}
work=${3:-/tmp/newsgraph-algo-bench}
gen=${NEWSGRAPH_GEN_JS:-/work/shared/bench/gen/gen.js}
here=$(cd "$(dirname "$0")" && pwd)
ng="$build/tools/newsgraph"

mkdir -p "$work"
data="$work/data-$triples"
db="$work/db-$triples"
if [ ! -f "$data/kg.nq" ]; then
  node "$gen" --triples "$triples" --out "$data"
fi
if [ ! -d "$db" ]; then
  /usr/bin/time -f "import: %e s, peak RSS %M KiB" "$ng" import --db "$db" "$data/kg.nq"
fi
echo "## newsgraph ($triples records)"
"$build/bench/algo/algo_bench" "$db" 5
if python3 -c 'import networkx' 2>/dev/null; then
  "$ng" query --db "$db" --format tsv \
    "MATCH (a)-[r]->(b) WHERE b.key IS NOT NULL RETURN id(a), id(b), r.articles" > "$work/edges-$triples.tsv"
  echo "## networkx"
  python3 "$here/nx_bench.py" "$work/edges-$triples.tsv"
fi
# Kùzu, where its npm package is installed (KUZU_MODULE=…/node_modules).
if [ -n "${KUZU_MODULE:-}" ] && [ -f "$work/edges-$triples.tsv" ]; then
  echo "## Kùzu, 1 thread"
  node "$here/kuzu_bench.mjs" "$work/edges-$triples.tsv" "$work/kuzu" 1
  echo "## Kùzu, 2 threads"
  node "$here/kuzu_bench.mjs" "$work/edges-$triples.tsv" "$work/kuzu" 2
fi
