// Times queries through the harness's CLI adapter (peers/cli.mjs), as
// run.mjs does: in one Node process, query after query, the first run, then
// the median and minimum of REPS more (5, as the harness; Node's own warm-up
// is part of what the harness measures).
//   node floor.mjs HARNESS_DIR DATA_DIR ENGINE QID...
import fs from 'node:fs';
import path from 'node:path';
const [harness, data, engine, ...qids] = process.argv.slice(2);
const { create } = await import(path.resolve(harness, 'peers/cli.mjs'));
const params = JSON.parse(fs.readFileSync(path.join(data, 'params.json'), 'utf8')).q;
const work = fs.mkdtempSync('/tmp/ng-floor-');
const p = await create({ engine, work });
await p.load(data);
const reps = Number(process.env.REPS || 5);
for (const id of qids) {
  const ts = [];
  let n = 0;
  for (let i = 0; i <= reps; i++) {
    const t = process.hrtime.bigint();
    n = (await p.query(id, params[id] || {})).length;
    ts.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const s = ts.slice(1).sort((a, b) => a - b);
  console.log(`${id}\trows ${n}\tfirst_ms ${ts[0].toFixed(3)}\tmedian_ms ${s[Math.floor(s.length / 2)].toFixed(3)}\tmin_ms ${s[0].toFixed(3)}`);
}
await p.close();
fs.rmSync(work, { recursive: true, force: true });
