#!/usr/bin/env node
// Kùzu (npm `kuzu`, its algo extension is built in) on the same facts as
// algo_bench: load, project, PageRank (20 iterations), WCC.
//
//   node kuzu_bench.mjs EDGES.tsv WORK_DIR [THREADS]
//
// EDGES.tsv: subject id, object id, articles, with a header line (as
// run_algo_bench.sh writes it). `kuzu` is resolved from NODE_PATH-style
// KUZU_MODULE (a node_modules directory) or normally. Prints a Markdown table.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [edgesPath, work, threadsArg] = process.argv.slice(2);
const require = createRequire(path.join(process.env.KUZU_MODULE || process.cwd(), 'x.js'));
const kuzu = require('kuzu');
const threads = Number(threadsArg || 0);

fs.mkdirSync(work, { recursive: true });
const nodesCsv = path.join(work, 'nodes.csv');
const edgesCsv = path.join(work, 'edges.csv');
const lines = fs.readFileSync(edgesPath, 'utf8').split('\n').slice(1).filter(Boolean);
const ids = new Set();
const out = [];
for (const l of lines) {
  const [s, o, a] = l.split('\t');
  ids.add(s); ids.add(o);
  out.push(`${s},${o},${a}`);
}
fs.writeFileSync(nodesCsv, [...ids].join('\n') + '\n');
fs.writeFileSync(edgesCsv, out.join('\n') + '\n');

const dbdir = path.join(work, 'kuzu.db');
fs.rmSync(dbdir, { recursive: true, force: true });
fs.rmSync(dbdir + '.wal', { force: true });
const db = new kuzu.Database(dbdir);
const con = new kuzu.Connection(db);
if (threads > 0) await con.setMaxNumThreadForExec(threads);
const q = async (s) => {
  const r = await con.query(s);
  const x = Array.isArray(r) ? r[r.length - 1] : r;
  return x.getAll();
};
const time = async (s) => {
  const t0 = process.hrtime.bigint();
  const rows = await q(s);
  return [Number(process.hrtime.bigint() - t0) / 1e6, rows];
};
const median = (v) => v.slice().sort((a, b) => a - b)[Math.floor(v.length / 2)];

await q('CREATE NODE TABLE E(id INT64, PRIMARY KEY(id))');
await q('CREATE REL TABLE R(FROM E TO E, articles INT64)');
const [loadN] = await time(`COPY E FROM '${nodesCsv}' (HEADER=false)`);
const [loadE] = await time(`COPY R FROM '${edgesCsv}' (HEADER=false)`);
const [proj] = await time("CALL project_graph('G', ['E'], ['R'])");
const pr = [], wcc = [];
let groups = 0;
for (let i = 0; i < 5; i++) {
  pr.push((await time("CALL page_rank('G', maxIterations := 20, tolerance := 0.0) RETURN count(*)"))[0]);
  const [ms, rows] = await time("CALL weakly_connected_components('G') RETURN count(DISTINCT group_id) AS n");
  wcc.push(ms);
  groups = rows[0].n;
}
const v = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('kuzu')), 'package.json'), 'utf8')).version;
console.log(`| measure | Kùzu ${v}, ${threads > 0 ? threads : 'default'} threads | notes |\n|---|---|---|`);
console.log(`| load (COPY nodes + facts) | ${(loadN + loadE).toFixed(0)} ms | ${ids.size} nodes, ${lines.length} facts |`);
console.log(`| project_graph | ${proj.toFixed(0)} ms | |`);
console.log(`| PageRank, 20 iterations | ${median(pr).toFixed(0)} ms | median of 5, incl. returning count(*) |`);
console.log(`| WCC | ${median(wcc).toFixed(0)} ms | ${groups} components |`);
