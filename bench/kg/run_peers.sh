#!/usr/bin/env bash
# The peer benchmark of ../shared/bench with newsgraph plugged in, in one run:
# newsgraph, SQLite, DuckDB, Kùzu, Oxigraph, Virtuoso and LevelGraph on the
# same generated graphs. The harness writes data and results beside itself,
# so it runs from a copy.
#   bench/kg/run_peers.sh [SCALES] [WORKDIR]     e.g. 100k,1m /tmp/kgbench
# Environment: NG_BUILD (build directory, default build), PEERS (default all
# below), QUERY_TIMEOUT (seconds one query may run, default 120).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
scales=${1:-100k,1m}
work=${2:-/tmp/newsgraph-kgbench}
shared=$(cd "$root/../shared/bench" && pwd)
build=$(cd "$root/${NG_BUILD:-build}" && pwd)
peers=${PEERS:-ref,cli,sqlite,duckdb,kuzu,oxigraph,virtuoso,levelgraph}

mkdir -p "$work"
# Copy the harness (not its data, databases or node_modules).
rsync -a --exclude data --exclude tmp --exclude logs --exclude node_modules "$shared/" "$work/" 2>/dev/null ||
  (cd "$shared" && tar cf - --exclude=data --exclude=tmp --exclude=logs --exclude=node_modules .) | (cd "$work" && tar xf -)
chmod -R u+w "$work"
cd "$work"
[ -d peers/node_modules ] || bash setup.sh
for s in ${scales//,/ }; do
  n=$(echo "$s" | sed 's/k$/000/; s/m$/000000/')
  [ -f "data/$s/kg.nq" ] || node gen/gen.js --triples "$n" >/dev/null
done
ninja -C "$build" newsgraph_kg >/dev/null
out="results/all-$(date +%F-%H%M).jsonl"
ENGINE_QUERIES="$here/kgql.json" ENGINE_NAME=newsgraph \
  node run_all.mjs --scales "$scales" --peers "$peers" \
  --engine "$build/bench/kg/newsgraph_kg" --timeout 900 --query-timeout "${QUERY_TIMEOUT:-120}" --out "$out"
node compare.mjs "$out" --require newsgraph | tee "${out%.jsonl}.md"
