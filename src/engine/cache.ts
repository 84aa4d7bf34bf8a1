// --db: the loaded store persists in the file, each file's verified rows keyed by its sha256. A command
// on the same folder reads only the files that changed (new, edited or gone), then re-runs the set
// rules over the union; with nothing changed it goes straight to the indicators.
import type { Db } from '../db.js';
import { loadAll, type LoadOptions, type LoadResult } from '../load/load.js';

export async function loadCached(db: Db, opts: LoadOptions, log: (m: string) => void): Promise<LoadResult> {
  const result = await loadAll(db, { ...opts, reuse: true });
  if (result.reused) log('inputs unchanged: reusing the loaded data in the --db file');
  else if (result.filesRead !== undefined && result.filesRead < result.files.length) {
    log(`--db: ${result.filesRead} of ${result.files.length} files changed and were read again; the others were reused`);
  }
  return result;
}
