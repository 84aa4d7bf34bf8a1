// npm run bench [dir=data-statewide]: the statewide load + verification + every indicator, then
// what-if sweeps on the loaded data, timed. Prints seconds per step, rows/s and peak RSS.
// Never part of `npm test`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Db } from '../src/db.js';
import { buildRunConfig } from '../src/engine/config.js';
import { runPipeline } from '../src/engine/run.js';
import { parseVary, runWhatif } from '../src/engine/whatif.js';
import { renderReport } from '../src/report/report.js';
import { writeRun } from '../src/write/write.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = resolve(process.argv[2] ?? 'data-statewide');
if (!existsSync(dir)) {
  process.stderr.write(`bench: ${dir} not found — run \`npm run gen:statewide\` first\n`);
  process.exit(3);
}

const fx = { log: () => undefined, now: () => new Date() };
const t0 = performance.now();
const db = await Db.open(process.env.BENCH_DB ?? ':memory:');
const cfg = buildRunConfig({ dataDir: dir });
const result = await runPipeline(db, cfg, fx);
const total = (performance.now() - t0) / 1000;

// Writing every output (CSV, JSON, public/, the report) and the report alone.
const outDir = mkdtempSync(join(tmpdir(), 'apr-bench-'));
const w0 = performance.now();
await writeRun(db, cfg, result, outDir, { engineVersion: 'bench', finishedAt: new Date().toISOString(), formats: ['csv', 'json'] });
const writeS = (performance.now() - w0) / 1000;
const r0 = performance.now();
await renderReport(db, cfg, result, join(outDir, 'again'));
const reportS = (performance.now() - r0) / 1000;

const sweeps = [
  ['ind9.k=1:10:1', 'ind4.bar=0.5:5:0.5'],
  ['ind9.k=1:10:1', 'ind4.bar=0.5:5:0.5', 'ind9.disparity_benchmark=5:14:1'],
  ['ind4.days=5,10,15', 'ind9.k=2,8'],
];
const sweepLines: string[] = [];
for (const args of sweeps) {
  const varies = args.map((a) => parseVary(cfg.catalog, a));
  const s0 = performance.now();
  const res = await runWhatif(db, cfg, varies, fx, result.load);
  const secs = (performance.now() - s0) / 1000;
  sweepLines.push(`${String(res.scenarioCount).padStart(5)} scenarios  ${secs.toFixed(2).padStart(6)} s  (${res.countGroups} count groups)  ${args.join(' × ')}`);
}
db.close();

const rows = result.load.files.reduce((s, f) => s + f.rows_read, 0);
const bytes = result.load.files.reduce((s, f) => s + f.bytes, 0);
const loadS = (result.steps['load and verify'] ?? 0) / 1000;
const afterLoad = Object.entries(result.steps).filter(([k]) => k !== 'load and verify').reduce((s, [, v]) => s + v, 0) / 1000;
const rss = process.resourceUsage().maxRSS / 1024;
const lines = [
  `data: ${dir}`,
  `files: ${result.load.files.length}, rows read: ${rows.toLocaleString('en-US')}, ${(bytes / 1e6).toFixed(1)} MB`,
  '',
  'step                      seconds',
  ...Object.entries(result.steps).map(([k, v]) => `${k.padEnd(25)} ${(v / 1000).toFixed(2).padStart(7)}`),
  `${'total (incl. open)'.padEnd(25)} ${total.toFixed(2).padStart(7)}`,
  `${'after load'.padEnd(25)} ${afterLoad.toFixed(2).padStart(7)}`,
  '',
  `load + verify: ${Math.round(rows / loadS).toLocaleString('en-US')} rows/s, ${(bytes / 1e6 / loadS).toFixed(1)} MB/s`,
  `${'write all outputs'.padEnd(25)} ${writeS.toFixed(2).padStart(7)}`,
  `${'  of which report.html'.padEnd(25)} ${reportS.toFixed(2).padStart(7)}`,
  '',
  'what-if sweeps on the loaded data (derive + counts + decisions):',
  ...sweepLines,
  '',
  `peak RSS: ${rss.toFixed(0)} MB`,
  '',
  ...result.summary.filter((s) => s.status === 'computed').map((s) => `${s.id.padEnd(14)} ${s.display.padStart(8)}  ${s.numerator ?? ''} / ${s.denominator ?? ''}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
