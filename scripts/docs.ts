// npm run docs: rewrite the generated blocks of docs/inputs.md, docs/outputs.md and docs/parameters.md
// from the code (src/docs.ts says what each block holds). The prose around the blocks is kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { DOCS, refreshDoc } from '../src/docs.js';

for (const doc of DOCS) {
  const url = new URL(`../${doc.path}`, import.meta.url);
  const before = readFileSync(url, 'utf8');
  const after = refreshDoc(doc, before);
  if (after !== before) writeFileSync(url, after);
  process.stdout.write(`${doc.path}: ${after === before ? 'up to date' : 'rewritten'}\n`);
}
