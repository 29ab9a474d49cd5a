#!/usr/bin/env bash
# The main job: set up and build, read the example articles into the default
# database (./newsgraph.db), and answer questions about them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >&2
ng=build/tools/newsgraph

echo "== importing examples/data/seed_facts.jsonl into ./newsgraph.db" >&2
$ng import examples/data/seed_facts.jsonl

echo
echo "== Who supports Khalifa Haftar? (names match any alias: حفتر works too)"
$ng query 'MATCH (x)-[r:supports]->({name: "حفتر"}) RETURN x.name AS supporter, r.articles AS articles'

echo
echo "== Where did Yevkurov go, and what says so?"
$ng query 'MATCH (p {name: "Yevkurov"})-[v:visited]->(place)
           RETURN place.name AS place, place.type AS type, v.first_seen AS date,
                  evidence(v)[0].sentence AS evidence'
