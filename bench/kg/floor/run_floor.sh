#!/usr/bin/env bash
# The floor of the kg-bench CLI contract, next to newsgraph's own times, in
# one run: each query is answered (a) by newsgraph_kg and (b) by
# replay_engine.py, which writes newsgraph's recorded rows back at once.
# (b) is what any engine behind the contract pays before doing any work.
#   NG_BUILD=build-perf bench/kg/floor/run_floor.sh HARNESS_DIR SCALE [QID...]
# REPS (default 5, as the harness) timed runs follow the first of each query.
# HARNESS_DIR is a copy of ../shared/bench with data generated (run_peers.sh
# leaves one); SCALE e.g. 1m. Needs node and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
harness=$(cd "$1" && pwd)
data=$harness/data/$2
shift 2
qids=${*:-q1 q2 q3 q4 q5 q6 q7 q8 q9 q10}
build=$(cd "$root/${NG_BUILD:-build}" && pwd)
kg=$build/bench/kg/newsgraph_kg
work=$(mktemp -d /tmp/ng-floor-XXXX)
trap 'rm -rf "$work"' EXIT

"$kg" load --db "$work/db" --input "$data" 2>/dev/null
# Query texts with their parameters, one "qid<TAB>text" a line, and
# newsgraph's answer to each.
node -e '
const fs = require("fs");
const t = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const p = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).q;
for (const id of process.argv.slice(3)) {
  const text = t[id].replace(/\{\{(\w+)\}\}/g, (_, k) => String(p[id][k])).replace(/\n/g, " ");
  console.log(id + "\t" + text);
}' "$root/bench/kg/kgql.json" "$data/params.json" $qids > "$work/queries.tsv"
while IFS=$'\t' read -r id text; do
  printf '%s\n' "$text" | "$kg" shell --db "$work/db" > "$work/$id.tsv"
done < "$work/queries.tsv"

cat > "$work/newsgraph.sh" <<SH
#!/bin/sh
[ "\$1" = load ] && exit 0
exec "$kg" shell --db "$work/db"
SH
chmod +x "$work/newsgraph.sh"
echo "== newsgraph_kg (engine + contract)"
ENGINE_QUERIES=$root/bench/kg/kgql.json node "$here/floor.mjs" "$harness" "$data" "$work/newsgraph.sh" $qids
echo "== replay_engine.py (contract only: recorded rows, no engine work)"
FLOOR_QUERIES=$work/queries.tsv FLOOR_ANSWERS=$work ENGINE_QUERIES=$root/bench/kg/kgql.json \
  node "$here/floor.mjs" "$harness" "$data" "python3 $here/replay_engine.py" $qids
