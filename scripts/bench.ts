// npm run bench [dir=data-statewide]: the statewide load + verification + computed indicators, timed.
// Prints seconds per step, rows per second and peak RSS. Never part of `npm test`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Db } from '../src/db.js';
import { runPipeline } from '../src/engine/run.js';
import { buildRunConfig } from '../src/engine/config.js';

const dir = resolve(process.argv[2] ?? 'data-statewide');
if (!existsSync(dir)) {
  process.stderr.write(`bench: ${dir} not found — run \`npm run gen:statewide\` first\n`);
  process.exit(3);
}

const t0 = performance.now();
const db = await Db.open(process.env.BENCH_DB ?? ':memory:');
const result = await runPipeline(db, buildRunConfig({ dataDir: dir }), { log: () => undefined, now: () => new Date() });
const total = (performance.now() - t0) / 1000;
db.close();

const rows = result.load.files.reduce((s, f) => s + f.rows_read, 0);
const bytes = result.load.files.reduce((s, f) => s + f.bytes, 0);
const loadS = (result.steps['load and verify'] ?? 0) / 1000;
const rss = process.resourceUsage().maxRSS / 1024;
const lines = [
  `data: ${dir}`,
  `files: ${result.load.files.length}, rows read: ${rows.toLocaleString('en-US')}, ${(bytes / 1e6).toFixed(1)} MB`,
  '',
  'step                      seconds',
  ...Object.entries(result.steps).map(([k, v]) => `${k.padEnd(25)} ${(v / 1000).toFixed(2).padStart(7)}`),
  `${'total (incl. open)'.padEnd(25)} ${total.toFixed(2).padStart(7)}`,
  '',
  `load + verify: ${Math.round(rows / loadS).toLocaleString('en-US')} rows/s, ${(bytes / 1e6 / loadS).toFixed(1)} MB/s`,
  `peak RSS: ${rss.toFixed(0)} MB`,
  '',
  ...result.summary.filter((s) => s.status === 'computed').map((s) => `${s.id.padEnd(12)} ${s.display.padStart(8)}  ${s.numerator ?? ''} / ${s.denominator ?? ''}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
