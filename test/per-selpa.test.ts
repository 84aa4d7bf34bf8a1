// Per-SELPA submission files (DATA-CONTRACT.md 1): `casemis/<period>/table_a/<anything>.csv` in place
// of one `table_a.csv`. The same rows give the same figures and rejects; the set rules span the files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDir, districtRow, fullHeader, type Rec, requiredHeader, studentA } from './helpers/fixture.js';
import { rejectsOf, testConfig, withRun } from './helpers/engine.js';

const DEC = '2008-12';
const s0202 = { SELPA_CODE: '0202', DIST_SERV: '0220018', DIST_RESI: '0220018' };

// December Table A by SELPA. Names differ (no D911, no unduplication) but for T4, a copy of S1 in
// SELPA 0202 with an older LAST_IEP: S1 is kept, T4 left out (W-UNDUP).
const A: Record<string, Rec[]> = {
  '0101': [
    studentA({ STUDENT_ID: 'S1', FIRST_NAME: 'Ann', LAST_IEP: '2008-11-01' }),
    studentA({ STUDENT_ID: 'S2', FIRST_NAME: 'Bob' }),
    studentA({ STUDENT_ID: 'S3', FIRST_NAME: 'Cid', GENDER: 'X' }), // E118
  ],
  '0202': [
    studentA({ ...s0202, STUDENT_ID: 'T1', FIRST_NAME: 'Dee' }),
    studentA({ ...s0202, STUDENT_ID: 'T2', FIRST_NAME: 'Eve', IN_REGCLS: '30' }),
    studentA({ ...s0202, STUDENT_ID: 'T3', FIRST_NAME: 'Fay', ETHNICITY1: '555' }), // E119
    studentA({ ...s0202, STUDENT_ID: 'T4', FIRST_NAME: 'Ann', LAST_IEP: '2008-10-01' }), // W-UNDUP
  ],
};

const bRow = (over: Rec): Rec => ({ REPT_DATE: '2008-12-01', SELPA_CODE: '0101', SERVICE: '330', PROVIDER: '100', LOCATION: '100', FREQUENCY: '2', DURATION: '30', ...over });
// Table B: S1 and T1 served; ZZ has no Table A record (E201).
const B: Record<string, Rec[]> = {
  '0101': [bRow({ STUDENT_ID: 'S1' }), bRow({ STUDENT_ID: 'ZZ' })],
  '0202': [bRow({ ...s0202, STUDENT_ID: 'T1' })],
};

function base(): DataDir {
  return new DataDir().districts([districtRow(), districtRow({ district: '0220018', name: 'Beta Elementary', selpa: '0202', county: '02' })]);
}

function statewide(): DataDir {
  return base()
    .tableA(DEC, Object.values(A).flat())
    .csv(`casemis/${DEC}/table_b.csv`, fullHeader('table_b'), Object.values(B).flat());
}

function perSelpa(): DataDir {
  const d = base();
  for (const [selpa, rows] of Object.entries(A)) d.csv(`casemis/${DEC}/table_a/${selpa}.csv`, requiredHeader('table_a'), rows);
  for (const [selpa, rows] of Object.entries(B)) d.csv(`casemis/${DEC}/table_b/${selpa}.csv`, fullHeader('table_b'), rows);
  return d;
}

function apr(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/apr.js', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const byCode = (rs: { code: string }[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of rs) out[r.code] = (out[r.code] ?? 0) + 1;
  return out;
};

describe('per-SELPA files give what one statewide file gives', () => {
  it('same summary figures and the same rejects by code', async () => {
    const run = (d: DataDir, only?: string[]) =>
      withRun(testConfig(d.root, only ? { only } : {}), async (db, result) => ({
        summary: result.summary,
        rejects: await rejectsOf(db),
        files: result.load.files.map((f) => f.file),
      }));
    const one = await run(statewide());
    const many = await run(perSelpa());
    // By hand: S1, S2, T1, T2 counted (S3, T3 rejected, T4 left out); inside >= 80 %: S1, S2, T1.
    const a5 = many.summary.find((s) => s.id === '5A')!;
    expect([a5.numerator, a5.denominator]).toEqual([3, 4]);
    expect(many.summary).toEqual(one.summary);
    // --only 5 reads the December Table A (and what verifies it), not Table B: the same 5A.
    const only5 = await run(perSelpa(), ['5']);
    expect(only5.files.some((f) => f.includes('table_b'))).toBe(false);
    expect(only5.files.filter((f) => f.includes('table_a/'))).toHaveLength(2);
    const o5 = only5.summary.find((s) => s.id === '5A')!;
    expect([o5.numerator, o5.denominator]).toEqual([3, 4]);
    // E200 (warning): served S2, T2 and T4 (loaded: W-UNDUP is a warning) have no Table B row.
    expect(byCode(many.rejects)).toEqual({ E118: 1, E119: 1, E201: 1, E200: 3, 'W-UNDUP': 1 });
    expect(byCode(many.rejects)).toEqual(byCode(one.rejects));
    // Each reject names the file its row is in.
    expect(many.rejects.find((r) => r.code === 'E118')).toMatchObject({ file: `casemis/${DEC}/table_a/0101.csv`, line: 4 });
    expect(many.rejects.find((r) => r.code === 'W-UNDUP')).toMatchObject({ file: `casemis/${DEC}/table_a/0202.csv`, line: 5, value: 'T4' });
    expect(many.rejects.find((r) => r.code === 'E201')).toMatchObject({ file: `casemis/${DEC}/table_b/0101.csv`, line: 3, value: 'ZZ' });
  });
});

describe('set rules span the files of a submission', () => {
  it('a student in two SELPA files is a duplicate (E105) naming the other file; a row needs no file of its SELPA', async () => {
    const d = base()
      .csv(`casemis/${DEC}/table_a/0101.csv`, requiredHeader('table_a'), [studentA({ STUDENT_ID: 'S1', FIRST_NAME: 'Ann' })])
      .csv(`casemis/${DEC}/table_a/0202.csv`, requiredHeader('table_a'), [
        studentA({ ...s0202, STUDENT_ID: 'T1', FIRST_NAME: 'Dee' }),
        studentA({ STUDENT_ID: 'S1', FIRST_NAME: 'Ann' }), // SELPA 0101's record again, in 0202's file
        studentA({ STUDENT_ID: 'S2', FIRST_NAME: 'Bob' }), // SELPA 0101 only here: no reject
      ])
      // The same service of S1 in two files (E211); T1's B row found in the other Table A file.
      .csv(`casemis/${DEC}/table_b/a.csv`, fullHeader('table_b'), [bRow({ STUDENT_ID: 'S1' })])
      .csv(`casemis/${DEC}/table_b/b.csv`, fullHeader('table_b'), [bRow({ STUDENT_ID: 'S1' }), bRow({ ...s0202, STUDENT_ID: 'T1' })]);
    await withRun(testConfig(d.root, { mode: 'validate' }), async (db) => {
      const errors = (await rejectsOf(db)).filter((r) => r.severity === 'error');
      expect(errors.map((r) => [r.file, r.line, r.code, r.value, r.message])).toEqual([
        [`casemis/${DEC}/table_a/0202.csv`, 3, 'E105', 'S1', `duplicate student: same SELPA_CODE and STUDENT_ID as line 2 of casemis/${DEC}/table_a/0101.csv`],
        [`casemis/${DEC}/table_b/b.csv`, 2, 'E211', '330', `service code repeated for the student: see line 2 of casemis/${DEC}/table_b/a.csv`],
      ]);
      expect(await db.scalar(`SELECT count(*)::INTEGER FROM clean_table_a`)).toBe(3);
    });
  });
});

describe('the command line', () => {
  it('load/summary.csv and run.json name each per-SELPA file with its counts', () => {
    const out = mkdtempSync(join(tmpdir(), 'apr-selpa-'));
    // The fixture rejects a third of some files: no exit 4 here.
    const r = apr('validate', perSelpa().root, '--out', out, '--quiet', '--param', 'load.max_reject_rate=1');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'load/summary.csv'), 'utf8').split('\n').filter((l) => l.startsWith('casemis/'))).toEqual([
      `casemis/${DEC}/table_a/0101.csv,3,2,1,1`, // E118; E200 on S2
      `casemis/${DEC}/table_a/0202.csv,4,3,1,3`, // E119; E200 on T2 and T4, W-UNDUP on T4
      `casemis/${DEC}/table_b/0101.csv,2,1,1,0`, // E201
      `casemis/${DEC}/table_b/0202.csv,1,1,0,0`,
    ]);
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { inputs: { path: string; rows_read: number; undup_excluded?: number }[] };
    expect(manifest.inputs.filter((i) => i.path.includes('/table_a/')).map((i) => [i.path, i.rows_read, i.undup_excluded])).toEqual([
      [`casemis/${DEC}/table_a/0101.csv`, 3, 0],
      [`casemis/${DEC}/table_a/0202.csv`, 4, 1],
    ]);
  });

  it('table_a.csv and table_a/ both present: exit 3 naming the folder', () => {
    const d = perSelpa().tableA(DEC, [studentA()]);
    const r = apr('validate', d.root, '--out', mkdtempSync(join(tmpdir(), 'apr-selpa-')), '--quiet');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`casemis/${DEC}/table_a: both casemis/${DEC}/table_a.csv and a folder of per-SELPA files are present`);
  });
});
