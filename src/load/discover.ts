// Which files of a data folder a run reads. Names are matched ignoring case (`Casemis/2009-06/TABLE_A.CSV`
// is Table A of 2009-06); every other CSV is listed as ignored, with a warning when its name looks
// like a slip for an expected one (`tabel_a.csv`, `table-a.csv`, `districts.csv` in the wrong folder).
// A CASEMIS table may also be a folder of per-SELPA files (`casemis/2009-06/table_a/3038.csv`, sorted by name).
import { readdirSync, type Stats, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { InputError } from '../errors.js';
import type { FileKind } from './schema.js';

export interface InputFile {
  kind: FileKind;
  /** The path as it is on disk (relative, `/` separators): the name in every message and output. */
  relPath: string;
  period: string | null;
}

/** A note for run.json `warnings` and stderr: the run goes on. */
export interface LoadWarning {
  code: string;
  message: string;
}

export interface Discovery {
  inputs: InputFile[];
  /** Every CSV under the folder the run does not read, other years' submission folders included. */
  ignored: string[];
  warnings: LoadWarning[];
}

export const PERIOD_RE = /^\d{4}-(06|12)$/;

interface Entry {
  rel: string;
  dir: boolean;
  /** Neither a folder nor a regular file (a pipe, a device): opening it could wait forever. */
  special: boolean;
  /** Inside an engine output folder (one holding run.json, e.g. reports/ under the data folder): no input. */
  output: boolean;
}

/** Every entry under `root` (dot-files and node_modules skipped), folders included; a link loop is entered once. */
function walk(root: string): Entry[] {
  const out: Entry[] = [];
  const seen = new Set<string>();
  const visit = (abs: string, prefix: string, inOutput: boolean): void => {
    try {
      const st = statSync(abs);
      const id = `${st.dev}:${st.ino}`;
      if (seen.has(id)) return;
      seen.add(id);
    } catch {
      return;
    }
    const list = names(abs).sort();
    const output = inOutput || (prefix !== '' && list.includes('run.json'));
    for (const name of list) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const rel = prefix ? `${prefix}/${name}` : name;
      // A broken link counts as a file: opening it says what is wrong.
      const st = statOf(join(abs, name));
      const dir = st?.isDirectory() ?? false;
      out.push({ rel, dir, special: st !== undefined && !dir && !st.isFile(), output });
      if (dir) visit(join(abs, name), rel, output);
    }
  };
  visit(root, '', false);
  return out;
}

function statOf(abs: string): Stats | undefined {
  try {
    return statSync(abs);
  } catch {
    return undefined;
  }
}

const isDirectory = (abs: string): boolean => statOf(abs)?.isDirectory() ?? false;

/** A folder's names, none when it cannot be read (a file named `casemis`, no permission). */
function names(abs: string): string[] {
  try {
    return readdirSync(abs);
  } catch {
    return [];
  }
}

/** CASEMIS submission folders present under casemis/ (any case), as `YYYY-MM`. */
export function listPeriods(dataDir: string): string[] {
  const periods = new Set<string>();
  for (const c of names(dataDir).filter((n) => n.toLowerCase() === 'casemis')) {
    for (const p of names(join(dataDir, c))) if (PERIOD_RE.test(p) && isDirectory(join(dataDir, c, p))) periods.add(p);
  }
  return [...periods].sort();
}

const isCsv = (rel: string): boolean => rel.trimEnd().toLowerCase().endsWith('.csv');

/** Every input file the contract names that exists (names matched ignoring case), for the given CASEMIS periods. */
export function discover(dataDir: string, kinds: FileKind[], periods: string[]): Discovery {
  if (!isDirectory(dataDir)) throw new InputError(`data folder not found: ${dataDir}`);
  const entries = walk(dataDir);
  const byLower = new Map<string, Entry[]>();
  for (const e of entries) {
    const k = e.rel.toLowerCase();
    byLower.set(k, [...(byLower.get(k) ?? []), e]);
  }
  const find = (expected: string): Entry | undefined => {
    const hits = byLower.get(expected) ?? [];
    if (hits.length > 1) {
      throw new InputError(`${hits.slice(1).map((h) => h.rel).join(', ')} has the same name but for case: keep one of them (names are matched ignoring case)`, hits[0]!.rel);
    }
    const hit = hits[0];
    if (hit?.dir) throw new InputError('is a folder, but a CSV file is expected at this path', hit.rel);
    if (hit?.special) throw new InputError('is not a regular file (a pipe or a device?), but a CSV file is expected at this path', hit.rel);
    return hit;
  };
  // Per-SELPA layout: `casemis/<period>/table_a/<anything>.csv` instead of `table_a.csv`, never both.
  const perSelpa = (expected: string): Entry[] | undefined => {
    const folder = expected.replace(/\.csv$/, '');
    const hits = (byLower.get(folder) ?? []).filter((h) => h.dir);
    if (hits.length > 1) {
      throw new InputError(`${hits.slice(1).map((h) => h.rel).join(', ')} has the same name but for case: keep one of them (names are matched ignoring case)`, hits[0]!.rel);
    }
    const dir = hits[0];
    if (!dir) return undefined;
    const files = entries.filter((e) => posix.dirname(e.rel) === dir.rel && isCsv(e.rel));
    for (const f of files) {
      if (f.dir) throw new InputError('is a folder, but a CSV file is expected at this path', f.rel);
      if (f.special) throw new InputError('is not a regular file (a pipe or a device?), but a CSV file is expected at this path', f.rel);
    }
    return files.length ? files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0)) : undefined;
  };
  const inputs: InputFile[] = [];
  for (const kind of kinds) {
    if (kind.path.includes('{period}')) {
      for (const period of periods) {
        if (kind.juneOnly && !period.endsWith('-06')) continue;
        const expected = kind.path.replace('{period}', period);
        const hit = find(expected);
        const parts = perSelpa(expected);
        if (hit && parts) {
          throw new InputError(
            `both ${hit.rel} and a folder of per-SELPA files are present: keep one of them (one statewide file or one file per SELPA)`,
            posix.dirname(parts[0]!.rel),
          );
        }
        if (hit) inputs.push({ kind, relPath: hit.rel, period });
        for (const p of parts ?? []) inputs.push({ kind, relPath: p.rel, period });
      }
    } else {
      const hit = find(kind.path);
      if (hit) inputs.push({ kind, relPath: hit.rel, period: null });
    }
  }
  const read = new Set(inputs.map((i) => i.relPath));
  const ignored = entries.filter((e) => !e.dir && isCsv(e.rel) && !read.has(e.rel)).map((e) => e.rel);
  const expected = expectedPaths(kinds, [...new Set([...periods, ...listPeriods(dataDir)])]);
  const warnings: LoadWarning[] = [];
  for (const e of entries.filter((x) => !x.dir && !x.output && !read.has(x.rel))) {
    const message = nearMiss(e.rel, kinds, expected, read);
    if (message) warnings.push({ code: 'W-FILENAME', message });
  }
  return { inputs, ignored, warnings };
}

/** Every path a kind may have in this folder (lower case): its period folders instantiated. */
function expectedPaths(kinds: FileKind[], periods: string[]): { path: string; kind: FileKind }[] {
  return kinds.flatMap((kind) =>
    kind.path.includes('{period}')
      ? periods.filter((p) => !kind.juneOnly || p.endsWith('-06')).map((p) => ({ path: kind.path.replace('{period}', p), kind }))
      : [{ path: kind.path, kind }],
  );
}

/** The file name without folder and `.csv` (repeated), lower case, without spaces, `_`, `-` and dots. */
function stem(rel: string): string {
  return posix
    .basename(rel.toLowerCase().trimEnd())
    .replace(/(\s*\.csv)+$/, '')
    .replace(/[\s_.-]+/g, '');
}

/** Edits (insert, delete, substitute, swap two neighbours) turning a into b. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** How many edits still count as a slip: none for very short names, one or two for longer ones. */
const slack = (s: string): number => (s.length <= 4 ? 0 : s.length <= 7 ? 1 : 2);

const PERIOD_SEGMENT = /(?:^|\/)(\d{4}-(?:06|12))(?:\/|$)/;

/**
 * Why an unread file looks like a slip for an expected one, or undefined. Another year's submission
 * folder is no slip (the run does not need it), nor is a file far from every expected name.
 */
function nearMiss(rel: string, kinds: FileKind[], expected: { path: string; kind: FileKind }[], read: Set<string>): string | undefined {
  const lower = rel.toLowerCase();
  const dir = posix.dirname(lower);
  // A CASEMIS table in a submission folder the run does not read, or Table C/D in a December folder.
  for (const kind of kinds.filter((k) => k.path.includes('{period}'))) {
    const [pre, post] = kind.path.split('{period}') as [string, string];
    // the statewide file, or a per-SELPA file (`…/table_c/0101.csv`) in the table's folder
    const postDir = `${post.replace(/\.csv$/, '')}/`;
    const tail = lower.endsWith(post) ? post : isCsv(lower) && dir.endsWith(postDir.slice(0, -1)) ? lower.slice(dir.length - postDir.length + 1) : '';
    const period = tail && lower.startsWith(pre) ? lower.slice(pre.length, lower.length - tail.length) : '';
    if (PERIOD_RE.test(period)) {
      return kind.juneOnly && period.endsWith('-12') ? `${rel} is not read: ${posix.basename(kind.path)} is read only from June folders (casemis/YYYY-06/)` : undefined;
    }
  }
  const isRead = (p: string): string => ([...read].some((r) => r.toLowerCase() === p) ? `, which is read` : '');
  if (!isCsv(rel)) {
    // table_a.xlsx beside where table_a.csv belongs: the engine reads CSV only.
    const base = posix.basename(lower).replace(/\.(xlsx|xls|xlsm|txt|tsv)$/, '');
    if (base === posix.basename(lower)) return undefined;
    const same = expected.find((e) => posix.dirname(e.path) === dir && stem(e.path) === stem(base));
    if (same) return `${rel} is not read: only CSV files are read (save it as ${same.path})`;
    // A spreadsheet among per-SELPA files (3038.xlsx); a README.txt there is no slip.
    const sheet = /\.(xlsx|xls|xlsm)$/.exec(lower);
    const folder = sheet && expected.some((e) => e.path.replace(/\.csv$/, '') === dir);
    return folder ? `${rel} is not read: only CSV files are read (save it as ${rel.slice(0, rel.length - sheet[0].length)}.csv)` : undefined;
  }
  const s = stem(rel);
  // A per-SELPA file in a slip of its table's folder name (`casemis/2009-06/tabel_a/0101.csv`).
  for (const e of expected.filter((x) => x.kind.path.includes('{period}'))) {
    const folder = e.path.replace(/\.csv$/, '');
    if (posix.dirname(dir) === posix.dirname(folder) && dir !== folder && editDistance(stem(dir), stem(folder)) <= slack(stem(folder))) {
      return `${rel} is not read: did you mean ${folder}/${posix.basename(rel)}?`;
    }
  }
  // 1. A slip of the name in the right folder; 2. a slip anywhere in the path (a folder name).
  let best: { path: string; d: number } | undefined;
  for (const e of expected) {
    const target = stem(e.path);
    const d = posix.dirname(e.path) === dir ? editDistance(s, target) : Infinity;
    const whole = editDistance(lower, e.path);
    const score = Math.min(d <= slack(target) ? d : Infinity, whole <= 2 ? whole : Infinity);
    if (score < (best?.d ?? Infinity)) best = { path: e.path, d: score };
  }
  if (best) return `${rel} is not read: did you mean ${best.path}${isRead(best.path)}?`;
  // 3. An expected file name (or a slip of it) in another folder: districts.csv at the top, table_a.csv outside a submission folder.
  const kind = kinds.find((k) => stem(k.path) === s) ?? kinds.find((k) => editDistance(s, stem(k.path)) <= slack(stem(k.path)));
  if (kind) {
    let where = kind.path;
    if (where.includes('{period}')) {
      const seg = PERIOD_SEGMENT.exec(lower)?.[1];
      where = where.replace('{period}', seg && (!kind.juneOnly || seg.endsWith('-06')) ? seg : kind.juneOnly ? 'YYYY-06' : 'YYYY-MM');
    }
    return `${rel} is not read: ${posix.basename(kind.path)} belongs at ${where}${isRead(where)}`;
  }
  return undefined;
}
