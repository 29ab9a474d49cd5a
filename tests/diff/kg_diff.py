#!/usr/bin/env python3
"""Differential test: newsgraph against SQLite on the kg-bench workload.

For each size (10,000 records; also 50,000 when NEWSGRAPH_DIFF_LARGE=1) it
  1. generates the synthetic graph with the kg-bench generator
     (node BENCH/gen/gen.js --triples N --out TMP/N; deterministic),
  2. loads kg.tsv into SQLite (the sqlite3 command-line shell) as the table
     triples(s, p, o, src, date), as BENCH/peers/sqlite_runner.py does,
  3. loads kg.nq into a fresh newsgraph store (kg_diff_driver, public API),
  4. runs the ten workload queries: the SQL texts rendered by
     BENCH/lib/render.mjs from BENCH/lib/workload.mjs, and newsgraph's texts
     from bench/kg/kgql.json with {{param}} taken from params.json,
  5. compares the rows after the harness's normalisation (short ids, decimal
     numbers; a single all-null row counts as no row), as multisets; q8, which
     has a total order, in order.

The generated data lives in a temporary directory and is removed afterwards.
When node, the bench folder, kgql.json or sqlite3 is missing the test is
skipped (exit code 77) with a message saying what is missing.

  kg_diff.py --driver BUILD/tests/diff/kg_diff_driver --source-dir REPO \
             [--bench-dir DIR] [--sizes 10000,50000] [--keep]
Environment: NEWSGRAPH_KG_BENCH_DIR (default: REPO/../shared/bench),
             NEWSGRAPH_DIFF_LARGE=1 (add the 50,000-record run).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
QUERIES = ['q%d' % i for i in range(1, 11)]
ORDERED = {'q8'}  # a total order: degree DESC, id ASC, LIMIT 10


def skip(msg):
    print('SKIP: ' + msg)
    sys.exit(SKIP)


def norm(rows):
    if len(rows) == 1 and all(v is None for v in rows[0]):
        return []
    return rows


def parse_tsv(text):
    rows = []
    for line in text.splitlines():
        rows.append(tuple(None if v == '\\N' else v for v in line.split('\t')))
    return rows


def render(template, params):
    def sub(m):
        key = m.group(1)
        if key not in params:
            raise KeyError('no parameter %r in params.json' % key)
        return str(params[key])
    return re.sub(r'\{\{(\w+)\}\}', sub, template)


def sqlite_load(sqlite, db, tsv):
    script = '\n'.join([
        'CREATE TABLE triples(s TEXT NOT NULL, p TEXT NOT NULL, o TEXT NOT NULL, src TEXT NOT NULL, date TEXT NOT NULL);',
        '.mode tabs',
        '.import %s triples' % tsv,
        'CREATE INDEX spo ON triples(s, p, o);',
        'CREATE INDEX pos ON triples(p, o, s);',
        'CREATE INDEX os ON triples(o, s);',
        'CREATE INDEX src ON triples(src);',
        'CREATE INDEX dt ON triples(date);',
        'ANALYZE;',
        ''])
    subprocess.run([sqlite, '-batch', '-bail', db], input=script, text=True, check=True,
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def sqlite_query(sqlite, db, sql):
    r = subprocess.run([sqlite, '-batch', '-bail', '-tabs', '-nullvalue', '\\N', db], input=sql + ';\n',
                       text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    if r.returncode != 0:
        raise RuntimeError('sqlite3: ' + r.stderr.strip())
    return parse_tsv(r.stdout)


def newsgraph_run(driver, db, data_file, texts):
    t0 = time.perf_counter()
    r = subprocess.run([driver, db, data_file], input=''.join(texts[q] + '\n' for q in QUERIES),
                       text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=900)
    secs = time.perf_counter() - t0
    if r.returncode != 0:
        raise RuntimeError('kg_diff_driver exited with %d: %s' % (r.returncode, r.stderr.strip()))
    results, block = [], []
    for line in r.stdout.splitlines():
        if line == '%%END':
            results.append(('ok', parse_tsv('\n'.join(block))))
            block = []
        elif line.startswith('%%ERR'):
            results.append(('error', line[6:]))
            block = []
        else:
            block.append(line)
    if len(results) != len(QUERIES):
        raise RuntimeError('kg_diff_driver answered %d of %d queries; stderr: %s'
                           % (len(results), len(QUERIES), r.stderr.strip()))
    return dict(zip(QUERIES, results)), secs


def compare(qid, ng, sq):
    """Returns a list of problem lines (empty: equal)."""
    ng, sq = norm(list(ng)), norm(list(sq))
    if qid not in ORDERED:
        ng, sq = sorted(ng, key=repr), sorted(sq, key=repr)
    if ng == sq:
        return []
    out = ['rows: newsgraph %d, sqlite %d' % (len(ng), len(sq))]
    if qid in ORDERED and sorted(ng, key=repr) == sorted(sq, key=repr):
        out.append('same rows, different order')
        out += ['  newsgraph: ' + '\t'.join(map(str, r)) for r in ng[:10]]
        out += ['  sqlite:    ' + '\t'.join(map(str, r)) for r in sq[:10]]
        return out
    only_ng = [r for r in ng if r not in sq]
    only_sq = [r for r in sq if r not in ng]
    out += ['  only newsgraph: ' + '\t'.join(map(str, r)) for r in only_ng[:10]]
    out += ['  only sqlite:    ' + '\t'.join(map(str, r)) for r in only_sq[:10]]
    if not only_ng and not only_sq:
        out.append('  (same distinct rows, different multiplicities)')
    return out


def run_size(n, a, bench, kgql, sqlite, tmp):
    data = os.path.join(tmp, str(n))
    t0 = time.perf_counter()
    subprocess.run(['node', os.path.join(bench, 'gen', 'gen.js'), '--triples', str(n), '--out', data],
                   check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    params = json.load(open(os.path.join(data, 'params.json')))
    sql = json.loads(subprocess.check_output(['node', os.path.join(bench, 'lib', 'render.mjs'), 'sql', data],
                                             timeout=120))
    templates = json.load(open(kgql, encoding='utf-8'))
    texts = {}
    for q in QUERIES:
        if not templates.get(q) or not sql.get(q):
            raise RuntimeError('%s: no text in %s or in workload.mjs' % (q, kgql))
        texts[q] = render(templates[q], (params.get('q') or {}).get(q) or {})
    gen_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    sdb = os.path.join(tmp, 'sqlite-%d.db' % n)
    sqlite_load(sqlite, sdb, os.path.join(data, 'kg.tsv'))
    sq = {q: sqlite_query(sqlite, sdb, sql[q]) for q in QUERIES}
    sqlite_s = time.perf_counter() - t0

    ng, ng_s = newsgraph_run(a.driver, os.path.join(tmp, 'newsgraph-%d.db' % n), os.path.join(data, 'kg.nq'), texts)
    print('%d records: generated in %.1f s, sqlite %.1f s, newsgraph (load + queries) %.1f s'
          % (n, gen_s, sqlite_s, ng_s))
    failures = 0
    for q in QUERIES:
        status, rows = ng[q]
        if status != 'ok':
            print('FAIL %6d %-3s newsgraph error: %s\n      %s' % (n, q, rows, texts[q]))
            failures += 1
            continue
        problems = compare(q, rows, sq[q])
        if problems:
            failures += 1
            print('FAIL %6d %-3s %s\n      newsgraph: %s\n      sqlite:    %s'
                  % (n, q, problems[0], texts[q], sql[q]))
            for p in problems[1:]:
                print('      ' + p)
        else:
            print('ok   %6d %-3s %d rows' % (n, q, len(norm(list(rows)))))
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--driver', required=True)
    ap.add_argument('--source-dir', required=True)
    ap.add_argument('--bench-dir')
    ap.add_argument('--sizes')
    ap.add_argument('--keep', action='store_true', help='keep the temporary directory')
    a = ap.parse_args()

    bench = a.bench_dir or os.environ.get('NEWSGRAPH_KG_BENCH_DIR') or \
        os.path.join(a.source_dir, '..', 'shared', 'bench')
    bench = os.path.abspath(bench)
    if not shutil.which('node'):
        skip('node is not installed (needed for the kg-bench generator)')
    for f in ('gen/gen.js', 'lib/workload.mjs', 'lib/render.mjs'):
        if not os.path.isfile(os.path.join(bench, f)):
            skip('%s not found (set NEWSGRAPH_KG_BENCH_DIR to the kg-bench folder)' % os.path.join(bench, f))
    kgql = os.path.join(a.source_dir, 'bench', 'kg', 'kgql.json')
    if not os.path.isfile(kgql):
        skip('%s not found (newsgraph\'s texts of the workload queries)' % kgql)
    sqlite = shutil.which('sqlite3')
    if not sqlite:
        skip('the sqlite3 command-line shell is not installed (apt-get install sqlite3)')
    if not os.access(a.driver, os.X_OK):
        print('FAIL: %s is not an executable' % a.driver)
        return 1

    if a.sizes:
        sizes = [int(s) for s in a.sizes.split(',')]
    else:
        sizes = [10000]
        if os.environ.get('NEWSGRAPH_DIFF_LARGE') == '1':
            sizes.append(50000)
    tmp = tempfile.mkdtemp(prefix='newsgraph-diff-')
    failures = 0
    try:
        for n in sizes:
            failures += run_size(n, a, bench, kgql, sqlite, tmp)
    finally:
        if a.keep:
            print('kept ' + tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print('%s: %d mismatches' % ('FAIL' if failures else 'PASS', failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
