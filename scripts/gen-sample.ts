// Writes the small synthetic sample data folder (default data-samples/), deterministic for a seed.
// Usage: npx tsx scripts/gen-sample.ts [outDir=data-samples] [--seed N]
import { generateSample } from './gen/build.ts';
import { genArgs } from './gen/args.ts';

const { out, seed } = genArgs('data-samples');
const t0 = process.hrtime.bigint();
const s = generateSample(out, seed);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
let total = 0;
for (const f of s.files) {
  total += f.bytes;
  console.log(`${f.file.padEnd(40)} ${String(f.rows).padStart(7)} rows ${String(Math.round(f.bytes / 1024)).padStart(6)} KB`);
}
for (const [k, c] of Object.entries(s.counts)) console.log(`casemis/${k}: Table A ${c.tableA} (served loaded ${c.served}), B ${c.tableB}, C ${c.tableC}, D ${c.tableD}`);
console.log(`expected rejects/warnings: ${s.expected.length} (EXPECTED-REJECTS.csv)`);
console.log(`wrote ${out}: ${(total / 1048576).toFixed(2)} MB in ${(ms / 1000).toFixed(1)} s (seed ${seed})`);
