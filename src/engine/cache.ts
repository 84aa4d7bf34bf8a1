// --db: the loaded tables persist in the file with a fingerprint of what produced them (input paths,
// sizes, sha256, periods, load parameters, rules). A command whose fingerprint matches skips load and verify.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db.js';
import { discover, loadAll, type LoadOptions, type LoadResult } from '../load/load.js';
import { FILE_KINDS } from '../load/schemas/index.js';

// Rules and schemas are part of what a cached load depends on.
const RULES_DIR = new URL('../../sql/rules/', import.meta.url);
const ENGINE_FINGERPRINT = createHash('sha256')
  .update(JSON.stringify(FILE_KINDS))
  .update(
    readdirSync(RULES_DIR, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => `${f}\n${readFileSync(new URL(f, RULES_DIR), 'utf8')}`)
      .join('\n'),
  )
  .digest('hex');

export async function loadCached(db: Db, opts: LoadOptions, log: (m: string) => void): Promise<LoadResult> {
  const { inputs, ignored, warnings } = discover(opts.dataDir, opts.kinds, opts.periods);
  const h = createHash('sha256');
  h.update(JSON.stringify({ periods: opts.periods, undup: opts.undupRule, jun: opts.junPeriod, codes: opts.codeLists, encoding: opts.encoding ?? 'utf-8', engine: ENGINE_FINGERPRINT }));
  for (const i of inputs) {
    const buf = readFileSync(join(opts.dataDir, i.relPath));
    h.update(`${i.relPath}\0${buf.length}\0`).update(createHash('sha256').update(buf).digest('hex'));
  }
  const fingerprint = h.digest('hex');
  await db.run(`CREATE TABLE IF NOT EXISTS apr_load_cache (fingerprint VARCHAR, result VARCHAR)`);
  const hit = await db.one<{ result: string }>(`SELECT result FROM apr_load_cache WHERE fingerprint = $f`, { f: fingerprint });
  if (hit) {
    log('inputs unchanged: reusing the loaded data in the --db file');
    const r = JSON.parse(hit.result) as Omit<LoadResult, 'present'> & { present: string[] };
    // The folder's other files may have changed since: list and warn about them as they are now.
    const kept = (r.warnings ?? []).filter((w) => w.code !== 'W-FILENAME');
    return { ...r, ignored, warnings: [...warnings, ...kept], present: new Set(r.present), reused: true };
  }
  const result = await loadAll(db, opts);
  await db.run(`DELETE FROM apr_load_cache`);
  await db.run(`INSERT INTO apr_load_cache VALUES ($f, $r)`, { f: fingerprint, r: JSON.stringify({ ...result, present: [...result.present] }) });
  return result;
}
