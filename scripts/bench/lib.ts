// Helpers of `npm run bench` (scripts/bench.ts): child runs with their peak RSS, the bare DuckDB scan,
// a linked copy of a data folder with one corrected row, and the comparison of two output folders.
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export interface ChildRun {
  secs: number;
  /** Peak resident set of the process tree's largest process, MiB. */
  rssMb: number;
  code: number;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs `node <args>` as a child and times it. Peak RSS from GNU time (%M: the largest process of the
 * tree, as wait4 reports the reaped descendants' maximum), else by polling VmHWM of the tree in /proc.
 */
export async function runChild(args: string[], opts: { cwd: string; timeFile: string; poll?: boolean }): Promise<ChildRun> {
  const useTime = !opts.poll && existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%e %M', '-o', opts.timeFile, process.execPath, ...args]] : [process.execPath, args];
  const t0 = performance.now();
  const child = spawn(cmd, argv, { cwd: opts.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-4000);
  });
  let polled = 0;
  const timer = useTime ? undefined : setInterval(() => (polled = Math.max(polled, treeHwmKb(child.pid!))), 100);
  const code = await new Promise<number>((res, rej) => {
    child.on('error', rej);
    child.on('close', (c) => res(c ?? 1));
  });
  const secs = (performance.now() - t0) / 1000;
  if (timer) clearInterval(timer);
  let rssKb = polled;
  if (useTime) {
    // "Command exited with non-zero status N" may come first; the figures are on the last line.
    const last = readFileSync(opts.timeFile, 'utf8').trim().split('\n').pop() ?? '';
    rssKb = Number(last.split(' ')[1] ?? NaN);
  }
  return { secs, rssMb: rssKb / 1024, code, stderr };
}

/** The largest VmHWM (kB) of `pid` and its descendants now running. */
export function treeHwmKb(pid: number): number {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command name, which may hold spaces: state, ppid, …
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (p: number): boolean => {
    for (let q: number | undefined = p, n = 0; q !== undefined && q > 1 && n < 64; q = parent.get(q), n++) if (q === pid) return true;
    return false;
  };
  let max = 0;
  for (const p of parent.keys()) {
    if (!inTree(p)) continue;
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) max = Math.max(max, Number(m[1]));
    } catch {
      // gone meanwhile
    }
  }
  return max;
}

export interface ScanResult {
  rel: string;
  rows: number;
  secs: number;
  /** The sniffer gave up (a malformed row, as data-samples plants): read with the contract's dialect, lenient. */
  lenient?: boolean;
}

// Tried in order: the plain scan, then RFC 4180 told outright with ragged rows padded or skipped.
const SCAN_OPTIONS = [
  `all_varchar = true, header = true`,
  `all_varchar = true, header = true, delim = ',', quote = '"', escape = '"', strict_mode = false, null_padding = true, ignore_errors = true`,
];

/**
 * `SELECT count(*) FROM read_csv(…, all_varchar, header)` in one fresh DuckDB instance (default
 * settings): a file at a time, except the files of a per-SELPA table folder (`table_x/*.csv`), which
 * are scanned in one call as DuckDB would read such a folder (a call a file would time 130 sniffs).
 * A group's result is named by its folder (`casemis/2008-12/table_a/`).
 */
export async function bareScan(dir: string, rels: string[]): Promise<ScanResult[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const out: ScanResult[] = [];
  const groups = new Map<string, string[]>();
  for (const rel of rels) {
    const folder = /^(.*\/table_[a-d])\/[^/]+$/i.exec(rel)?.[1];
    const key = folder ? `${folder}/` : rel;
    groups.set(key, [...(groups.get(key) ?? []), rel]);
  }
  try {
    for (const [name, files] of groups) {
      const list = `[${files.map((rel) => `'${join(dir, rel).replaceAll("'", "''")}'`).join(', ')}]`;
      for (const [i, opts] of SCAN_OPTIONS.entries()) {
        const t0 = performance.now();
        try {
          const reader = await con.runAndReadAll(`SELECT count(*) AS n FROM read_csv(${list}, ${opts})`);
          const secs = (performance.now() - t0) / 1000;
          out.push({ rel: name, rows: Number(reader.getRowsJS()[0]?.[0] ?? NaN), secs, ...(i > 0 ? { lenient: true } : {}) });
          break;
        } catch (e) {
          if (i === SCAN_OPTIONS.length - 1) throw e;
        }
      }
    }
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  return out;
}

/** Every regular file under `dir`, relative with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (abs: string): void => {
    for (const name of readdirSync(abs).sort()) {
      const p = join(abs, name);
      const st = statSync(p);
      if (st.isDirectory()) visit(p);
      else if (st.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  visit(dir);
  return out;
}

/** Reads every file once, so the runs and the scan all start from the page cache. */
export function warm(dir: string): number {
  const buf = Buffer.allocUnsafe(1 << 20);
  let bytes = 0;
  for (const rel of listFiles(dir)) {
    const fd = openSync(join(dir, rel), 'r');
    try {
      for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) bytes += n;
    } finally {
      closeSync(fd);
    }
  }
  return bytes;
}

/** A copy of `src` at `dst` whose files are hard links (copies across file systems). */
export function linkTree(src: string, dst: string): void {
  mkdirSync(dst, { recursive: true });
  for (const name of readdirSync(src)) {
    const from = join(src, name);
    const to = join(dst, name);
    const st = lstatSync(from);
    if (st.isDirectory()) linkTree(from, to);
    else if (st.isFile()) {
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    }
  }
}

/** The per-SELPA Table A files of the folder (`casemis/<p>/table_a/*.csv`, any case), relative; none in the statewide layout. */
export function perSelpaTableA(dir: string): string[] {
  return listFiles(dir).filter((rel) => /^casemis\/\d{4}-(06|12)\/table_a\/[^/]+\.csv$/i.test(rel));
}

export interface RowEdit {
  rel: string;
  line: number;
  field: string;
  from: string;
  to: string;
}

// SLD ↔ speech or language impairment: both valid at every age, and Indicator 10's counts by
// disability change, so a re-run that kept the old file's rows would show.
const SWAP: Record<string, string> = { '290': '240', '240': '290' };

/**
 * Corrects one row of `rel` under `dir` as a SELPA would: the first unquoted data row whose
 * DISABILITY1 is 290 or 240 (and DISABILITY2 neither) gets the other code (same length). The file is
 * replaced by an edited copy, so a hard-linked original is never written.
 */
export function editOneRow(dir: string, rel: string): RowEdit {
  const abs = join(dir, rel);
  const fd = openSync(abs, 'r');
  const head = Buffer.alloc(1 << 22);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const buf = head.subarray(0, n);
  const lineAt = (start: number): { end: number; text: string } | undefined => {
    const nl = buf.indexOf(0x0a, start);
    if (nl < 0) return undefined;
    return { end: nl, text: buf.toString('utf8', start, nl).replace(/\r$/, '') };
  };
  const header = lineAt(0);
  if (!header) throw new Error(`${rel}: no complete header line`);
  const columns = header.text.replace(/^\uFEFF/, '').split(',').map((c) => c.trim().toUpperCase());
  const col = columns.indexOf('DISABILITY1');
  const col2 = columns.indexOf('DISABILITY2');
  if (col < 0) throw new Error(`${rel}: no DISABILITY1 column to correct`);
  for (let start = header.end + 1, line = 2; ; line++) {
    const l = lineAt(start);
    if (!l) break;
    const fields = l.text.split(',');
    const from = fields[col] ?? '';
    if (!l.text.includes('"') && fields.length === columns.length && SWAP[from] && !SWAP[fields[col2] ?? '']) {
      // Byte offset of the field: the bytes of the fields before it and their commas.
      const offset = start + Buffer.byteLength(fields.slice(0, col).join(','), 'utf8') + (col > 0 ? 1 : 0);
      const to = SWAP[from];
      const tmp = `${abs}.bench-edit`;
      copyFileSync(abs, tmp);
      const w = openSync(tmp, 'r+');
      writeSync(w, to, offset, 'utf8');
      closeSync(w);
      renameSync(tmp, abs);
      return { rel, line, field: columns[col]!, from, to };
    }
    start = l.end + 1;
  }
  throw new Error(`${rel}: no unquoted row with DISABILITY1 290 or 240 in its first 4 MB`);
}

// run.json fields that differ between two runs of the same inputs: clock, durations, where, whether a cache served.
const RUN_VARIABLE = new Set(['started_at', 'finished_at', 'steps_ms', 'data_dir', 'load_reused_from_db', 'ms']);

export function normaliseRunJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseRunJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !RUN_VARIABLE.has(k) && !k.endsWith('_ms')).map(([k, v]) => [k, normaliseRunJson(v)]));
  }
  return value;
}

/**
 * Files that differ between two output folders (missing on one side included). run.json is compared
 * without its timing and path fields; report.html with its one timestamp ("run started …") masked.
 */
export function diffOutputs(a: string, b: string): string[] {
  const fa = listFiles(a);
  const fb = listFiles(b);
  const all = [...new Set([...fa, ...fb])].sort();
  const differ: string[] = [];
  for (const rel of all) {
    if (!fa.includes(rel) || !fb.includes(rel)) {
      differ.push(`${rel} (only in ${fa.includes(rel) ? 'first' : 'second'})`);
      continue;
    }
    const x = readFileSync(join(a, rel));
    const y = readFileSync(join(b, rel));
    let same: boolean;
    if (rel === 'run.json') {
      same = JSON.stringify(normaliseRunJson(JSON.parse(x.toString('utf8')))) === JSON.stringify(normaliseRunJson(JSON.parse(y.toString('utf8'))));
    } else if (rel === 'report.html') {
      const mask = (s: string): string => s.replace(/run started [^<]*/, 'run started …');
      same = mask(x.toString('utf8')) === mask(y.toString('utf8'));
    } else same = x.equals(y);
    if (!same) differ.push(rel);
  }
  return differ;
}
