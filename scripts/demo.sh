#!/usr/bin/env bash
# The main job: set up and build, read the example articles
# (examples/data/articles/: the seed page and three more, Arabic and English)
# into the default database (./newsgraph.db), and answer questions about them
# with the sentence behind each answer. Running it again changes nothing: the
# articles are already stored.
#   scripts/demo.sh [--build-dir DIR] [--db DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=build
db=./newsgraph.db
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build_dir="$2"; shift ;;
    --db) db="$2"; shift ;;
    *) echo "demo.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
scripts/setup.sh --build-dir "$build_dir" >&2
ng="$build_dir/tools/newsgraph"

echo "== ingesting examples/data/articles/ into $db" >&2
$ng ingest --db "$db" examples/data/articles/

echo
echo "== Who supports Khalifa Haftar? (names match any alias: حفتر works too)"
$ng query --db "$db" 'MATCH (x)-[r:supports]->({name: "حفتر"})
           RETURN x.name AS supporter, r.articles AS articles, evidence(r)[0].sentence AS evidence
           ORDER BY articles DESC, supporter'

echo
echo "== Where did Yevkurov go, and what says so?"
$ng query --db "$db" 'MATCH (p {name: "Yevkurov"})-[v:visited]->(place)
           RETURN place.name AS place, place.type AS type, v.articles AS articles,
                  v.first_seen AS first, v.last_seen AS last, evidence(v)[0].sentence AS evidence
           ORDER BY articles DESC, place'

echo
echo "== Who met whom?"
$ng query --db "$db" 'MATCH (a)-[m:met_with]->(b) WHERE a.key < b.key
           RETURN a.name AS one, b.name AS other, m.first_seen AS date, evidence(m)[0].rule AS rule
           ORDER BY date, one'
