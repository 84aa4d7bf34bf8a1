// What a run writes, read as an analyst would: summary.csv's target_basis, run.json's measures and
// files_written, table labels that follow the parameters, --out keeping the analyst's own files,
// and the --format xlsx workbook. One run on data-samples, then a second one (test/cases/reject-mini,
// small) into the same folder; the assertions share them.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Execution, execute } from '../src/commands/execute.js';
import type { CommonArgs } from '../src/commands/common.js';
import { Db } from '../src/db.js';
import { INDICATORS } from '../indicators/index.js';
import { FIXED_NOW } from './helpers/engine.js';

/** Every summary id OUTPUTS.md names. */
const SUMMARY_IDS = ['1', '2.one_year', '2.four_year', '3A', '3B.ela', '3B.math', '3C.ela', '3C.math', '4A', '4A.state_rate', '4B.potential', '4B', '5A', '5B', '5C', '8', '9.potential', '9', '10.potential', '10', '11', '12', '13', '15', '16', '17', '18', '19', '20', '20B'];

/** The analyst's own files: never the run's to delete. */
const ANALYST = ['notes.txt', 'tables/my-notes.xlsx', 'districts/by-hand.csv'];

const args = (dir: string, out: string, over: Partial<CommonArgs> = {}): CommonArgs => ({ dir, out, profile: 'ca-ffy2008', format: 'csv,json', json: false, quiet: true, debug: false, ...over });

function files(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else found.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

interface Manifest {
  files_written: string[];
  measures: { id: string; indicator: string; title: string; status: string; reason: string | null }[];
}

const manifest = (out: string): Manifest => JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as Manifest;

let db: Db;
const csv = async (path: string): Promise<Record<string, string | null>[]> => db.all(`SELECT * FROM read_csv($p, all_varchar = true, header = true)`, { p: path });

let base: string;
let out: string;
let first: Execution;

beforeAll(async () => {
  db = await Db.open();
  base = mkdtempSync(join(tmpdir(), 'apr-outputs-'));
  out = join(base, 'out');
  for (const f of ANALYST) {
    mkdirSync(join(out, f, '..'), { recursive: true });
    writeFileSync(join(out, f), `the analyst's ${f}\n`);
  }
  // A previous run's manifest: its files go; paths outside the folder are never followed.
  mkdirSync(join(out, 'restricted/0000001'), { recursive: true });
  writeFileSync(join(out, 'restricted/0000001/4A.csv'), 'district,student_id\n');
  writeFileSync(join(out, 'tables/table-99.csv'), 'stale\n');
  writeFileSync(join(base, 'outside.txt'), 'not in --out\n');
  writeFileSync(
    join(out, 'run.json'),
    JSON.stringify({ files_written: ['tables/table-99.csv', 'restricted/0000001/4A.csv', '../outside.txt', join(base, 'outside.txt'), 'tables/never-written.csv'] }),
  );
  first = await execute(
    args('data-samples', out, {
      param: ['ind5.min_age=3', 'ind6.max_age=4', 'ind11.days=45', 'ind12.late_referral_days=60'],
    }),
    'run',
    () => FIXED_NOW,
  );
}, 180_000);

afterAll(() => {
  db?.close();
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('summary.csv target_basis (data-samples)', () => {
  it('follows status, is the measure comparison (negated when missed), and Indicator 1 names its alternative', async () => {
    const rows = await csv(join(out, 'summary.csv'));
    const header = readFileSync(join(out, 'summary.csv'), 'utf8').split('\n')[0];
    expect(header).toBe('id,indicator,title,numerator,denominator,value,display,target,target_met,status,target_basis');
    const ops = new Map(INDICATORS.flatMap((i) => i.measures.map((m) => [m.id, m.targetOp] as const)));
    let compared = 0;
    for (const r of rows) {
      if (!r.target_met) {
        expect(r.target_basis, r.id!).toBeNull();
        continue;
      }
      if (r.id === '1') {
        expect(r.target_basis).toMatch(/^(rate ≥ 83\.0|improvement ≥ 0\.1 over 2006-07|two-year mean improvement ≥ 0\.2|rate < 83\.0; .+)$/);
        expect(r.target_met === 'yes').toBe(!r.target_basis!.startsWith('rate <'));
        continue;
      }
      const op = ops.get(r.id!);
      const value = Number(r.value);
      const target = Number(r.target);
      const met = op === '>=' ? value >= target : value <= target;
      expect(r.target_met, r.id!).toBe(met ? 'yes' : 'no');
      const sign = op === '>=' ? (met ? '≥' : '<') : met ? '≤' : '>';
      expect(r.target_basis, r.id!).toBe(`value ${sign} ${target}`);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
    // the same column in summary.json and, as text, in public/summary.csv
    const json = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { id: string; target_basis: string | null }[];
    const pub = await csv(join(out, 'public/summary.csv'));
    expect(json.map((r) => [r.id, r.target_basis])).toEqual(rows.map((r) => [r.id, r.target_basis]));
    expect(pub.map((r) => [r.id, r.target_basis])).toEqual(rows.map((r) => [r.id, r.target_basis]));
  });

  it('2.four_year: 23.6 is the bar, stated with its comparison', async () => {
    const r = (await csv(join(out, 'summary.csv'))).find((x) => x.id === '2.four_year')!;
    expect(r.target).toBe('23.6');
    expect(r.target_basis).toBe(r.target_met === 'yes' ? 'value ≤ 23.6' : 'value > 23.6');
  });
});

describe('run.json measures', () => {
  it('lists every measure of OUTPUTS.md with its status and, when not computed, the reason', async () => {
    const m = manifest(out).measures;
    expect(m.map((x) => x.id)).toEqual(expect.arrayContaining(SUMMARY_IDS));
    const summary = new Map((await csv(join(out, 'summary.csv'))).map((r) => [r.id, r.status]));
    for (const x of m) {
      expect(['computed', 'not computed'], x.id).toContain(x.status);
      expect(x.reason === null, x.id).toBe(x.status === 'computed');
      expect(summary.get(x.id), x.id).toBe(x.status === 'computed' ? 'computed' : `not computed: ${x.reason}`);
    }
  });
});

describe('table labels follow the parameters', () => {
  it('5a and 6 print the age band, 11a the evaluation days, 12a the late-referral days', async () => {
    const label = async (table: string, key: string, value: string): Promise<string | null | undefined> =>
      (await csv(join(out, `tables/${table}.csv`))).find((r) => r[key] === value)?.label;
    expect(await label('table-5a', 'category', 'total')).toBe('All served students ages 3-21');
    expect(await label('table-6', 'setting', 'total')).toBe('All served students ages 3-4');
    expect(await label('table-11a', 'item', 'b')).toBe('B. Number of children whose evaluations were completed within 45 days (or State-established timeline)');
    expect(await label('table-11a', 'item', 'on_time')).toBe('Evaluated within 45 days (extended for school breaks)');
    expect(await label('table-12a', 'item', 'e')).toBe('Children referred to Part C less than 60 days before the third birthday (counted only when excluded)');
  });

  it('districts/5.csv: flagged is any of flagged_5a, flagged_5b, flagged_5c, each its own comparison', async () => {
    const rows = await csv(join(out, 'districts/5.csv'));
    expect(rows.length).toBeGreaterThan(10);
    const b = (v: string | null | undefined): boolean => v === 'true';
    const below = (v: string | null | undefined, t: string | null | undefined): boolean => v !== null && v !== undefined && Number(v) < Number(t);
    const above = (v: string | null | undefined, t: string | null | undefined): boolean => v !== null && v !== undefined && Number(v) > Number(t);
    let mixed = 0;
    for (const r of rows) {
      expect(b(r.flagged_5a), r.district!).toBe(below(r.value, r.threshold));
      expect(b(r.flagged_5b), r.district!).toBe(above(r.pct_5b, r.threshold_5b));
      expect(b(r.flagged_5c), r.district!).toBe(above(r.pct_5c, r.threshold_5c));
      expect(b(r.flagged), r.district!).toBe(b(r.flagged_5a) || b(r.flagged_5b) || b(r.flagged_5c));
      if (new Set([r.flagged_5a, r.flagged_5b, r.flagged_5c]).size > 1) mixed++;
    }
    // districts that miss one measure and meet another: the single flag could not say which
    expect(mixed).toBeGreaterThan(0);
  });
});

describe('--out: the run replaces only its own files', () => {
  it("keeps the analyst's files, deletes what the previous run.json listed, never outside the folder", () => {
    expect([0, 4]).toContain(first.exitCode);
    for (const f of ANALYST) expect(readFileSync(join(out, f), 'utf8'), f).toBe(`the analyst's ${f}\n`);
    expect(existsSync(join(out, 'tables/table-99.csv'))).toBe(false);
    // the emptied restricted/<district>/ folder goes too
    expect(existsSync(join(out, 'restricted'))).toBe(false);
    expect(readFileSync(join(base, 'outside.txt'), 'utf8')).toBe('not in --out\n');
  });

  it('run.json files_written is exactly what the run wrote', () => {
    const written = manifest(out).files_written;
    expect(written).toEqual([...written].sort());
    expect(written).toEqual(expect.arrayContaining(['summary.csv', 'summary.json', 'report.html', 'identification.csv', 'load/rejects.csv', 'load/summary.csv', 'tables/table-5a.csv', 'tables/table-5a.json', 'public/summary.csv', 'districts/5.csv']));
    expect(files(out)).toEqual([...written, ...ANALYST, 'run.json'].sort());
  });

  it('a second run deletes the first one\'s files it does not write again (a dropped format, indicators not asked for) and writes apr-tables.xlsx', async () => {
    const before = manifest(out).files_written;
    const second = await execute(args('test/cases/reject-mini', out, { format: 'csv,xlsx', only: '1,2,5,6' }), 'run', () => FIXED_NOW);
    expect(second.exitCode).toBe(4);
    const now = manifest(out);
    expect(files(out)).toEqual([...now.files_written, ...ANALYST, 'run.json'].sort());
    for (const f of ANALYST) expect(existsSync(join(out, f)), f).toBe(true);
    // the first run's json tables (format dropped), 11a and self-review (not asked for) are gone
    for (const gone of ['tables/table-5a.json', 'districts/5.json', 'tables/table-11a.csv', 'districts/self-review.csv', 'public/tables/table-11a.csv']) {
      expect(before, gone).toContain(gone);
      expect(existsSync(join(out, gone)), gone).toBe(false);
    }
    expect(now.files_written).toContain('apr-tables.xlsx');
    // indicators not asked for are listed with their reason
    expect(now.measures.find((x) => x.id === '11')).toMatchObject({ status: 'not computed', reason: 'not requested (--only)' });
    expect(now.measures.find((x) => x.id === '5A')).toMatchObject({ status: 'computed', reason: null });
  }, 60_000);
});

describe('--format xlsx (after the second run: reject-mini, --only 1,2,5,6)', () => {
  it('one sheet per table, district file and the summary and load summary; codes as text, counts as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'apr-tables.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    const tables = files(join(out, 'tables')).filter((f) => f.endsWith('.csv') && !f.startsWith('my-'));
    const districts = files(join(out, 'districts')).filter((f) => f.endsWith('.csv') && f !== 'by-hand.csv');
    expect(names[0]).toBe('summary');
    expect(names.at(-1)).toBe('load-summary');
    expect(names.slice(1, -1).sort()).toEqual([...tables.map((f) => f.replace(/\.csv$/, '')), ...districts.map((f) => `districts-${f.replace(/\.csv$/, '')}`)].sort());
    expect(names).toEqual(expect.arrayContaining(['table-2a', 'table-5a', 'table-6', 'trend-1', 'districts-1', 'districts-5']));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);

    const sheet = (n: string): ExcelJS.Worksheet => wb.getWorksheet(n)!;
    const header = (ws: ExcelJS.Worksheet): string[] => (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const col = (ws: ExcelJS.Worksheet, name: string): ExcelJS.Cell[] => {
      const i = header(ws).indexOf(name) + 1;
      expect(i, name).toBeGreaterThan(0);
      const cells: ExcelJS.Cell[] = [];
      for (let r = 2; r <= ws.rowCount; r++) cells.push(ws.getRow(r).getCell(i));
      return cells;
    };
    const typed = (cells: ExcelJS.Cell[]): [unknown, number][] => cells.map((c) => [c.value, c.type]);
    const S = ExcelJS.ValueType.String;
    const N = ExcelJS.ValueType.Number;
    const B = ExcelJS.ValueType.Boolean;

    // districts/5: ids and SELPA codes keep their leading zeros; 0110017 has 2 of 4 in 5A (50 % < 62),
    // 1 in 5B (25 % > 18), 1 in 5C (25 % > 4); 0110025 1 of 2 (50 %); 0220018 1 of 1 (100 %).
    const d5 = sheet('districts-5');
    expect(typed(col(d5, 'district'))).toEqual([['0110017', S], ['0110025', S], ['0220018', S]]);
    expect(typed(col(d5, 'selpa'))).toEqual([['0101', S], ['0101', S], ['0202', S]]);
    expect(typed(col(d5, 'numerator'))).toEqual([[2, N], [1, N], [1, N]]);
    expect(typed(col(d5, 'denominator'))).toEqual([[4, N], [2, N], [1, N]]);
    expect(typed(col(d5, 'flagged_5a'))).toEqual([[true, B], [true, B], [false, B]]);
    expect(typed(col(d5, 'flagged_5b'))).toEqual([[true, B], [false, B], [false, B]]);
    expect(typed(col(d5, 'flagged_5c'))).toEqual([[true, B], [false, B], [false, B]]);
    expect(d5.getColumn(1).numFmt).toBe('@');

    // table-2a: grades 09-12 as text, 100 enrolled and 5 dropouts each as numbers
    const t2 = sheet('table-2a');
    expect(typed(col(t2, 'grade')).slice(0, 4)).toEqual([['09', S], ['10', S], ['11', S], ['12', S]]);
    expect(typed(col(t2, 'enrollment')).slice(0, 4)).toEqual([[100, N], [100, N], [100, N], [100, N]]);
    expect(typed(col(t2, 'dropouts')).slice(0, 4)).toEqual([[5, N], [5, N], [5, N], [5, N]]);
    // table-6: setting codes as text
    expect(typed(col(sheet('table-6'), 'setting')).slice(0, 2)).toEqual([['100', S], ['200', S]]);

    const sum = sheet('summary');
    expect(header(sum)).toEqual(['id', 'indicator', 'title', 'numerator', 'denominator', 'value', 'display', 'target', 'target_met', 'status', 'target_basis']);
    const ids = typed(col(sum, 'id'));
    expect(ids[0]).toEqual(['1', S]);
    const one = ids.findIndex(([v]) => v === '5A') + 2;
    expect([sum.getRow(one).getCell(4).value, sum.getRow(one).getCell(5).value]).toEqual([2 + 1 + 1, 4 + 2 + 1]);

    // load summary: every file of load/summary.csv, counts as numbers (10 Table A rows, 1 rejected)
    const load = sheet('load-summary');
    const loadCsv = await csv(join(out, 'load/summary.csv'));
    expect(typed(col(load, 'file'))).toEqual(loadCsv.map((r) => [r.file, S]));
    const ta = col(load, 'file').findIndex((c) => c.value === 'casemis/2008-12/table_a.csv') + 2;
    expect((load.getRow(ta).values as unknown[]).slice(2)).toEqual([10, 9, 1, 1]);

    // every sheet from a CSV has the CSV's header and row count
    for (const f of [...tables.map((t) => `tables/${t}`), ...districts.map((d) => `districts/${d}`)]) {
      const rows = await csv(join(out, f));
      const name = f.startsWith('tables/') ? f.slice(7, -4) : `districts-${f.slice(10, -4)}`;
      const ws = sheet(name);
      expect(header(ws), f).toEqual(Object.keys(rows[0]!));
      expect(ws.rowCount - 1, f).toBe(rows.length);
    }
  });
});
