#!/usr/bin/env bash
# The storage benchmark of issue 2, in one run:
#   (a) generate the peer benchmark's graph (outside the repository),
#   (b) bulk-import kg.nq into an empty store: facts/s, records/s, peak memory,
#   (c) compact: bytes on disk per distinct fact and per record,
#   (d) SQLite on the same data: triples(s,p,o,src,date) from kg.tsv in one
#       transaction, then covering indexes spo/pos/osp: load time and size,
#   (e) first-row and full latency of one-pattern scans (store_scan_bench).
#
#   NG_BUILD=build-store bench/store/run_store_bench.sh [TRIPLES]    (default 1000000)
#
# NG_BUILD: the build directory (default: build); NG_BENCH_DIR: where data and
# stores go (default: /tmp/newsgraph-bench). Needs node, sqlite3, /usr/bin/time.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${NG_BUILD:-build}
[[ $build = /* ]] || build=$repo/$build
triples=${1:-1000000}
work=${NG_BENCH_DIR:-/tmp/newsgraph-bench}
data=$work/data-$triples
store=$work/store-$triples
sqlite_db=$work/sqlite-$triples.db
ng=$build/tools/newsgraph
scan=$build/bench/store/store_scan_bench
mkdir -p "$work"

for tool in node sqlite3 /usr/bin/time "$ng" "$scan"; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

# Seconds from /usr/bin/time -v's "h:mm:ss" or "m:ss.ss".
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$1"; }
cpu_s() { awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$1"; }
cpu_pct() { awk -F': ' '/Percent of CPU/ {print $2}' "$1"; }
peak_mib() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
json() { node -e "const j=JSON.parse(require('fs').readFileSync(0,'utf8')); console.log(j$1)"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }

echo "== machine"
echo "nproc: $(nproc)"
echo "cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "ram: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews timings)"
echo "kernel: $(uname -r); sqlite3 $(sqlite3 --version | cut -d' ' -f1); node $(node --version)"
echo "newsgraph: $(GIT_OPTIONAL_LOCKS=0 git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(GIT_OPTIONAL_LOCKS=0 git -C "$repo" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"

echo "== (a) data"
if [[ ! -s $data/kg.nq ]]; then
  node /work/shared/bench/gen/gen.js --triples "$triples" --out "$data"
fi
records=$(json .records < "$data/params.json")
distinct=$(json .distinct_triples < "$data/params.json")
articles=$(json .articles < "$data/params.json")
echo "$data: $records records, $distinct distinct facts, $articles articles"
ls -l "$data/kg.nq" "$data/kg.tsv" | awk '{print "  " $5 " bytes  " $9}'

echo "== (b) bulk import"
rm -rf "$store"
sync
/usr/bin/time -v "$ng" import --db "$store" "$data/kg.nq" 2> "$work/import.log" || { cat "$work/import.log"; exit 1; }
grep -v '^\s' "$work/import.log" | grep -v 'Command being timed' || true
import_s=$(elapsed "$work/import.log")
import_mib=$(peak_mib "$work/import.log")
"$ng" stats --db "$store" --json > "$work/stats.json"
facts=$(json .facts < "$work/stats.json")
mentions=$(json .mentions < "$work/stats.json")
disk_before=$(json .disk_bytes < "$work/stats.json")
echo "import: ${import_s} s wall, $(cpu_s "$work/import.log") s cpu ($(cpu_pct "$work/import.log") of one core), peak ${import_mib} MiB"
echo "facts: $facts, mentions: $mentions"
echo "facts/s: $(ratio "$facts" "$import_s" | cut -d. -f1)   records/s: $(ratio "$records" "$import_s" | cut -d. -f1)"
echo "disk before compaction: $disk_before bytes"

echo "== (c) compact"
/usr/bin/time -v "$ng" compact --db "$store" 2> "$work/compact.log"
echo "compact: $(elapsed "$work/compact.log") s wall, $(cpu_s "$work/compact.log") s cpu"
"$ng" stats --db "$store" --json > "$work/stats.json"
disk=$(json .disk_bytes < "$work/stats.json")
echo "disk after compaction: $disk bytes (sst, log, manifest)"
echo "bytes per distinct fact: $(ratio "$disk" "$facts")   bytes per record: $(ratio "$disk" "$records")"
"$scan" --db="$store" --sizes | tee "$work/sizes.txt"
index_bytes=$(awk '$1 == "spo" || $1 == "pos" || $1 == "osp" {s += $2} END {print s}' "$work/sizes.txt")
echo "spo+pos+osp: $index_bytes bytes = $(ratio "$index_bytes" "$facts") bytes per distinct fact"
/usr/bin/time -v "$ng" check --db "$store" 2> "$work/check.log" | tail -n 1
echo "check: $(elapsed "$work/check.log") s wall, $(cpu_s "$work/check.log") s cpu"

echo "== (d) SQLite"
rm -f "$sqlite_db" "$sqlite_db-wal" "$sqlite_db-shm"
/usr/bin/time -v sqlite3 "$sqlite_db" 2> "$work/sqlite-load.log" > /dev/null <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
PRAGMA cache_size=-262144;
CREATE TABLE triples(s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL, src TEXT NOT NULL, date TEXT NOT NULL);
BEGIN;
.mode tabs
.import $data/kg.tsv triples
COMMIT;
SQL
/usr/bin/time -v sqlite3 "$sqlite_db" 2> "$work/sqlite-index.log" > /dev/null <<SQL
PRAGMA cache_size=-262144;
CREATE INDEX spo ON triples(s, p, o);
CREATE INDEX pos ON triples(p, o, s);
CREATE INDEX osp ON triples(o, s, p);
PRAGMA wal_checkpoint(TRUNCATE);
SQL
load_s=$(elapsed "$work/sqlite-load.log")
index_s=$(elapsed "$work/sqlite-index.log")
sqlite_s=$(awk -v a="$load_s" -v b="$index_s" 'BEGIN {print a + b}')
sqlite_rows=$(sqlite3 "$sqlite_db" 'SELECT count(*) FROM triples')
sqlite_bytes=$(( $(stat -c %s "$sqlite_db") + $(stat -c %s "$sqlite_db-wal" 2>/dev/null || echo 0) ))
echo "rows: $sqlite_rows"
echo "load (1 txn): $load_s s wall, $(cpu_s "$work/sqlite-load.log") s cpu, peak $(peak_mib "$work/sqlite-load.log") MiB"
echo "3 indexes: $index_s s wall, $(cpu_s "$work/sqlite-index.log") s cpu, peak $(peak_mib "$work/sqlite-index.log") MiB"
echo "total: $sqlite_s s wall"
echo "records/s: $(ratio "$records" "$sqlite_s" | cut -d. -f1)   facts/s: $(ratio "$distinct" "$sqlite_s" | cut -d. -f1)"
echo "file: $sqlite_bytes bytes = $(ratio "$sqlite_bytes" "$records") bytes per record, $(ratio "$sqlite_bytes" "$distinct") per distinct fact"

echo "== (e) scans"
"$scan" --db="$store" --benchmark_min_time=0.5
