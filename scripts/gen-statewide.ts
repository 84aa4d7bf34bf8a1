// Writes a California-sized synthetic data folder (default data-statewide/, gitignored).
// Usage: npx tsx scripts/gen-statewide.ts [outDir=data-statewide] [--seed N] [--per-selpa] [--scale S]
import * as path from 'node:path';
import { generateStatewide } from './gen/build.ts';
import { genArgs } from './gen/args.ts';

const { out, seed, perSelpa, scale } = genArgs('data-statewide', { perSelpa: true, scale: true });
if (path.basename(out) === 'data-samples') {
  console.error('refusing to write statewide data into data-samples/');
  process.exit(2);
}
const t0 = process.hrtime.bigint();
let peak = 0;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 200);
const verify = process.env.GEN_VERIFY === '1';
const s = generateStatewide(out, seed, { selpas: 130, districts: 1000, base: 790000, verify, perSelpa, scale });
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage.rss());
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
let total = 0;
for (const f of s.files) {
  total += f.bytes;
  console.log(`${f.file.padEnd(40)} ${String(f.rows).padStart(9)} rows ${String(Math.round(f.bytes / 1048576)).padStart(6)} MB`);
}
for (const [k, c] of Object.entries(s.counts)) console.log(`casemis/${k}: Table A ${c.tableA} (served ${c.served}), B ${c.tableB}, C ${c.tableC}, D ${c.tableD}`);
console.log(`Part C referrals: ${s.referrals}`);
if (s.tally) console.log('oracle findings on generated Table A rows:', s.tally);
console.log(`wrote ${out}: ${(total / 1073741824).toFixed(2)} GB in ${(ms / 1000).toFixed(1)} s, peak RSS ~${Math.round(peak / 1048576)} MB`);
