// load/rejects.csv names who each reject belongs to (selpa, district, local student_id) so a state
// can route it: load/by-selpa/<SELPA_CODE>.csv per SELPA, unknown.csv for the rest. Long values
// are cut; no name, SSN, SSID or birthdate reaches any file. One `apr validate` shared by every check.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommonArgs } from '../src/commands/common.js';
import { execute } from '../src/commands/execute.js';
import { Db } from '../src/db.js';
import { csvText, DataDir, districtRow, fullHeader, type Rec, studentA } from './helpers/fixture.js';
import { FIXED_NOW } from './helpers/engine.js';

type Row = Record<string, string>;
/** A written CSV read back by DuckDB, every cell as text ('' for empty). */
async function readCsv(path: string): Promise<{ header: string[]; rows: Row[] }> {
  const db = await Db.open();
  try {
    const src = `read_csv($p, all_varchar = true, header = true, auto_detect = true)`;
    const header = (await db.all<{ c: string }>(`SELECT column_name AS c FROM (DESCRIBE SELECT * FROM ${src})`, { p: path })).map((r) => r.c);
    const rows = await db.all<Record<string, string | null>>(`SELECT * FROM ${src}`, { p: path });
    return { header, rows: rows.map((r) => Object.fromEntries(header.map((h) => [h, r[h] ?? '']))) };
  } finally {
    db.close();
  }
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? allFiles(join(dir, n)) : [join(dir, n)]));
}

// Planted identifiers: none may appear in any file written or any line on stderr.
const PLANTED = ['Zyxwvut', 'Qwertyop', 'Zyx9vut', 'Plantedfirst', '123456789', '987654321', '1998-03-15', '03/15/1998'];
const LONG = 'x'.repeat(5000);

const aHeader = fullHeader('table_a');
// Names differ row to row (no D911 or December duplicate warnings), all start with the planted ones.
let n = 0;
const a = (over: Rec): Rec => {
  const k = 'abcdefgh'[n++]!;
  return studentA({ SSID: `987654321${n}`, LAST_NAME: `Zyxwvut${k}`, FIRST_NAME: `Qwertyop${k}`, ...over });
};
const tableA = [
  a({ STUDENT_ID: 'S1', SSN: '123456789' }), // 2: valid
  a({ STUDENT_ID: 'S2', GENDER: 'X' }), // 3: E118, an error: the row is not loaded
  a({ STUDENT_ID: 'T1', SELPA_CODE: '0202', DIST_SERV: '0220018', DIST_RESI: '0220018', LAST_NAME: 'Zyx9vut', FIRST_NAME: 'Plantedfirst' }), // 4: E111 on a name
  a({ STUDENT_ID: 'T2', SELPA_CODE: '0202', DIST_SERV: '0220018', DIST_RESI: '0220018', SCH_CODE: LONG }), // 5: E109, a 5,000-character value
  a({ STUDENT_ID: 'U1', SELPA_CODE: '12A4' }), // 6: E100, no valid SELPA code
  a({ STUDENT_ID: 'S3', DIST_RESI: '0199999' }), // 7: W-DIST, a warning: the row is kept
];
const tableAText = csvText(aHeader, tableA);
// 8: a record with two fields missing (E-CSV): its SELPA and district are read from its text.
const short = tableAText.split('\n')[1]!.replace('S1', 'S4').split(',').slice(0, -2).join(',');

const bHeader = fullHeader('table_b');
const b = (over: Rec): Rec => ({ REPT_DATE: '2008-12-01', SELPA_CODE: '0101', STUDENT_ID: 'S1', SERVICE: '330', PROVIDER: '100', LOCATION: '100', FREQUENCY: '2', DURATION: '30', ...over });

let out = '';
let stderr = '';
let rejects: { header: string[]; rows: Row[] };
const spy = vi.spyOn(process.stderr, 'write');

beforeAll(async () => {
  const d = new DataDir()
    .districts([districtRow(), districtRow({ district: '0220018', name: 'Beta Elementary', selpa: '0202', type: 'elementary' })])
    .write('casemis/2008-12/table_a.csv', `${tableAText}${short}\n`)
    .csv('casemis/2008-12/table_b.csv', bHeader, [b({}), b({ STUDENT_ID: 'S3' }), b({ STUDENT_ID: 'NOBODY', SELPA_CODE: '0202' })])
    .csv('enrollment/cbeds.csv', ['district', 'year', 'group', 'enrollment', LONG], [{ district: '0110017', year: '2008-09', group: 'WH', enrollment: '1,056' }])
    .write('reference/district.csv', 'district\n')
    .write('notes/budget.csv', 'a\n');
  out = mkdtempSync(join(tmpdir(), 'apr-rejects-'));
  spy.mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const args: CommonArgs = { dir: d.root, out, profile: 'ca-ffy2008', format: 'csv', json: false, quiet: true, debug: false };
  await execute(args, 'validate', () => FIXED_NOW);
  spy.mockRestore();
  rejects = await readCsv(join(out, 'load/rejects.csv'));
});
afterAll(() => spy.mockRestore());

const owner = (file: string, line: number, code: string): string[] => {
  const r = rejects.rows.find((x) => x.file === file && x.line === String(line) && x.code === code);
  return r ? [r.selpa!, r.district!, r.student_id!] : [];
};

describe('load/rejects.csv', () => {
  const A = 'casemis/2008-12/table_a.csv';
  it('has the contract columns, the owner last', () => {
    expect(rejects.header).toEqual(['file', 'line', 'field', 'value', 'code', 'severity', 'message', 'selpa', 'district', 'student_id']);
  });

  it('an error row (not loaded) and a warning row (kept) carry their SELPA, district of residence and local STUDENT_ID', () => {
    expect(owner(A, 3, 'E118')).toEqual(['0101', '0110017', 'S2']);
    expect(owner(A, 4, 'E111')).toEqual(['0202', '0220018', 'T1']);
    expect(owner(A, 7, 'W-DIST')).toEqual(['0101', '0199999', 'S3']);
  });

  it('a Table B row carries its SELPA and STUDENT_ID (Table B has no district)', () => {
    expect(owner('casemis/2008-12/table_b.csv', 4, 'E201')).toEqual(['0202', '', 'NOBODY']);
  });

  it('a malformed record: SELPA and district read from its text, never its STUDENT_ID', () => {
    expect(owner(A, 8, 'E-CSV')).toEqual(['0101', '0110017', '']);
  });

  it('a file with a district but no SELPA column: its SELPA from reference/districts.csv', () => {
    expect(owner('enrollment/cbeds.csv', 2, 'E-TYPE')).toEqual(['0101', '0110017', '']);
  });

  it('a value over 200 characters is cut to 200 with …; no line of the file is long', () => {
    const r = rejects.rows.find((x) => x.line === '5' && x.code === 'E109')!;
    expect(r.value).toBe(`${'x'.repeat(199)}…`);
    expect(Math.max(...readFileSync(join(out, 'load/rejects.csv'), 'utf8').split('\n').map((l) => l.length))).toBeLessThan(600);
  });

  it('an unknown column with a 5,000-character name is listed in run.json cut the same way', () => {
    const m = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { inputs: { path: string; unknown_columns: string[] }[] };
    expect(m.inputs.find((i) => i.path === 'enrollment/cbeds.csv')!.unknown_columns).toEqual([`${'x'.repeat(199)}…`]);
  });

  it('a name shows as [redacted]', () => {
    expect(rejects.rows.find((x) => x.line === '4' && x.code === 'E111')!.value).toBe('[redacted]');
  });
});

describe('load/by-selpa/', () => {
  it('one file per SELPA code, unknown.csv for rows without a valid one', () => {
    expect(readdirSync(join(out, 'load/by-selpa')).sort()).toEqual(['0101.csv', '0202.csv', 'unknown.csv']);
  });

  it('each holds exactly its rows of rejects.csv, same columns, same order', async () => {
    const parts = await Promise.all(['0101', '0202', 'unknown'].map((s) => readCsv(join(out, `load/by-selpa/${s}.csv`))));
    for (const p of parts) expect(p.header).toEqual(rejects.header);
    expect(parts[0]!.rows).toEqual(rejects.rows.filter((r) => r.selpa === '0101'));
    expect(parts[1]!.rows).toEqual(rejects.rows.filter((r) => r.selpa === '0202'));
    expect(parts[2]!.rows).toEqual(rejects.rows.filter((r) => r.selpa !== '0101' && r.selpa !== '0202'));
    expect(parts[2]!.rows.map((r) => [r.line, r.code, r.selpa])).toEqual([['6', 'E100', '12A4']]);
  });
});

describe('files the run does not read', () => {
  it('run.json lists every unread CSV and warns about a name close to an expected one, also on stderr', () => {
    const m = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { ignored_files: string[]; warnings: unknown[] };
    expect(m.ignored_files).toEqual(['notes/budget.csv', 'reference/district.csv']);
    const message = 'reference/district.csv is not read: did you mean reference/districts.csv, which is read?';
    expect(m.warnings).toEqual([{ indicator: 'load', code: 'W-FILENAME', message }]);
    expect(stderr).toContain(`apr: warning: ${message}\n`);
  });
});

describe('privacy', () => {
  it('no planted name, SSN, SSID or birthdate in any file written, nor on stderr', () => {
    const files = allFiles(out);
    expect(files.map((f) => relative(out, f))).toContain('load/rejects.csv');
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const p of PLANTED) expect(text.includes(p), `${p} in ${relative(out, f)}`).toBe(false);
    }
    for (const p of PLANTED) expect(stderr.includes(p), `${p} on stderr`).toBe(false);
  });
});
