// Which CASEMIS fields anything reads after the load: the set rules, the derived views, the
// indicators, the writers. The store keeps only those (its size is most of a statewide load's time
// and memory); every field is still read, typed and verified by the row rules in the load statement.
// Found by reading that code's text for the field names, so a new indicator that reads a field makes
// the store keep it without a list to update.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Folders holding code that reads the store after the load (the schemas and the load itself excluded). */
const READERS = ['indicators', 'sql/derive', 'sql/rules/set', 'src/engine', 'src/write', 'src/report', 'src/commands', 'profiles'];
const CODE = /\.(sql|ts|js)$/;
const NOT_CODE = /\.test\.(ts|js)$|\.d\.ts$/;

let text: string | undefined;

function readersText(): string {
  if (text !== undefined) return text;
  const parts: string[] = [];
  // the id columns of load/rejects.csv (src/load/ids.ts; ids.js in the compiled build)
  for (const f of ['src/load/ids.ts', 'src/load/ids.js']) {
    try {
      parts.push(readFileSync(join(ROOT, f), 'utf8').replace(/\/\/.*$/gm, ''));
    } catch {
      // the other form of the build
    }
  }
  for (const dir of READERS) {
    let names: string[];
    try {
      names = readdirSync(join(ROOT, dir), { recursive: true }).map(String);
    } catch {
      continue;
    }
    for (const n of names) if (CODE.test(n) && !NOT_CODE.test(n)) parts.push(readFileSync(join(ROOT, dir, n), 'utf8'));
  }
  text = parts.join('\n');
  return text;
}

/** Whether code after the load reads field `name` typed (`name`) or as written (`name__raw`). */
export function fieldUse(name: string): { typed: boolean; raw: boolean } {
  const t = readersText();
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { typed: new RegExp(`\\b${esc}\\b(?!__raw)`).test(t), raw: t.includes(`${name}__raw`) };
}
