// --db re-runs (issue 9): only the files that changed are read again, the set rules re-run over the
// union, and everything the load gives is what a cold load of the same folder gives.
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.js';
import { buildRunConfig } from '../src/engine/config.js';
import { loadStage } from '../src/engine/run.js';
import type { LoadResult } from '../src/load/load.js';
import { FIXED_NOW } from './helpers/engine.js';
import { DataDir, districtRow, requiredHeader, studentA } from './helpers/fixture.js';

const work = mkdtempSync(join(tmpdir(), 'apr-rerun-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Snapshot {
  load: LoadResult;
  rejects: unknown[];
  clean: unknown[];
  undup: unknown[];
}

/** Loads `dir` into the database `file` (a --db re-run when it exists) and reads back what the load gives. */
async function load(dir: string, file: string): Promise<Snapshot> {
  const db = await Db.open(file);
  try {
    const cfg = buildRunConfig({ dataDir: dir, mode: 'validate', reuseLoad: true });
    const { load } = await loadStage(db, cfg, { log: () => undefined, now: () => FIXED_NOW }, (_n, fn) => fn());
    const rejects = await db.all(`SELECT r.*, i.selpa, i.district, i.student_id FROM rejects r LEFT JOIN reject_ids i USING (file, line) ORDER BY ALL`);
    const clean = await db.all(`SELECT _file, _line, "STUDENT_ID", "SELPA_CODE", served FROM clean_table_a ORDER BY _file, _line`);
    const undup = await db.all(`SELECT _file, _line FROM undup ORDER BY ALL`);
    return { load, rejects, clean, undup };
  } finally {
    db.close();
  }
}

const stable = (s: Snapshot) => ({ files: s.load.files, warnings: s.load.warnings, rejects: s.rejects, clean: s.clean, undup: s.undup });

/** What a cold load of a copy of `root` gives (into a new database), its paths written as `root`'s. */
async function coldOf(root: string, tag: string): Promise<unknown> {
  const copy = join(work, `${tag}-cold`);
  cpSync(root, copy, { recursive: true });
  const cold = await load(copy, join(work, `${tag}-cold.duckdb`));
  return JSON.parse(JSON.stringify(stable(cold)).replaceAll(copy, root)) as unknown;
}

describe('--db re-run after one corrected file', () => {
  const header = [...requiredHeader('table_a'), 'SSN'];
  const d = new DataDir(join(work, 'data'))
    .districts([districtRow(), districtRow({ district: '0110018', selpa: '0102' })])
    .tableA('2008-12', [studentA({ STUDENT_ID: 'D1' }), studentA({ STUDENT_ID: 'D2', SELPA_CODE: '0102', DIST_RESI: '0110018', DIST_SERV: '0110018' })])
    .tableA(
      '2009-06',
      [
        studentA({ STUDENT_ID: 'J1', SSN: '900000001' }, '2009-06'),
        // A duplicate STUDENT_ID (E105) and a duplicate SSN (E107): both set rules.
        studentA({ STUDENT_ID: 'J1', SSN: '900000002' }, '2009-06'),
        studentA({ STUDENT_ID: 'J3', SSN: '900000001' }, '2009-06'),
        studentA({ STUDENT_ID: 'J4', GRADE: 'ZZ' }, '2009-06'),
      ],
      header,
    );

  it('reads only the changed file and gives what a cold load gives', async () => {
    const db = join(work, 'apr.duckdb');
    const cold1 = await load(d.root, db);
    expect(cold1.load.filesRead).toBe(3);
    expect(cold1.rejects.map((r) => (r as { code: string }).code).sort()).toEqual(expect.arrayContaining(['E105', 'E107']));

    const same = await load(d.root, db);
    expect(same.load.reused).toBe(true);
    expect(same.load.filesRead).toBe(0);
    expect(stable(same)).toEqual(stable(cold1));

    // The June file corrected: the duplicate STUDENT_ID fixed, the SSN duplicate left, a new bad row.
    const june = join(d.root, 'casemis/2009-06/table_a.csv');
    writeFileSync(june, readFileSync(june, 'utf8').replace(/\bJ1,/, 'J9,').replace(/\bJ4,/, 'J5,'));
    const again = await load(d.root, db);
    expect(again.load.reused).toBeFalsy();
    expect(again.load.filesRead).toBe(1);

    expect(stable(again)).toEqual(await coldOf(d.root, 'first'));
    expect(stable(again)).not.toEqual(stable(cold1));
    expect(again.rejects.map((r) => (r as { code: string }).code)).not.toContain('E105');
  });

  it('forgets a file that left the folder', async () => {
    const db = join(work, 'gone.duckdb');
    const dir = join(work, 'gone');
    cpSync(d.root, dir, { recursive: true });
    await load(dir, db);
    rmSync(join(dir, 'casemis/2008-12/table_a.csv'));
    const after = await load(dir, db);
    expect(after.load.filesRead).toBe(0);
    expect(after.load.files.map((f) => f.file)).not.toContain('casemis/2008-12/table_a.csv');
    expect(after.clean.every((r) => (r as { _file: string })._file !== 'casemis/2008-12/table_a.csv')).toBe(true);
  });

  it('re-verifies only the changed submission, and the other verdicts (unduplication, Part C links) stand as a full pass gives them', async () => {
    const kid = { BIRTHDATE: '2006-03-01', ENTRY_DATE: '2008-09-01', GRADE: '17', FEDSET_SCH: '', IN_REGCLS: '', FEDSET_PRS: '200', LAST_NAME: 'Roe', FIRST_NAME: 'Ana' };
    const dir = join(work, 'scoped');
    const s = new DataDir(dir)
      .districts([districtRow(), districtRow({ district: '0220018', selpa: '0202', county: '02' }), districtRow({ district: '0330019', selpa: '0303', county: '03' })])
      .tableA('2008-12', [
        // one student in three SELPAs (W-UNDUP), a duplicate STUDENT_ID (E105)
        studentA({ STUDENT_ID: 'A', SELPA_CODE: '0101', LAST_IEP: '2008-10-01' }),
        studentA({ STUDENT_ID: 'B', SELPA_CODE: '0202', LAST_IEP: '2008-11-01', DIST_RESI: '0220018' }),
        studentA({ STUDENT_ID: 'C', SELPA_CODE: '0303', LAST_IEP: '2008-11-01', DIST_RESI: '0330019' }),
        studentA({ STUDENT_ID: 'E', FIRST_NAME: 'Eve' }),
        studentA({ STUDENT_ID: 'E', FIRST_NAME: 'Eva' }),
      ])
      .tableA('2009-06', [
        // the same child in two SELPAs: a referral matching both (W-LINK)
        studentA({ ...kid, STUDENT_ID: 'P1', SELPA_CODE: '0101' }, '2009-06'),
        studentA({ ...kid, STUDENT_ID: 'P2', SELPA_CODE: '0202', DIST_RESI: '0220018' }, '2009-06'),
        studentA({ STUDENT_ID: 'J1' }, '2009-06'),
        studentA({ STUDENT_ID: 'J1' }, '2009-06'),
      ])
      .csv('partc/referrals.csv', ['referral_id', 'LAST_NAME', 'FIRST_NAME', 'BIRTHDATE', 'GENDER', 'REFR_DATE'], [
        { referral_id: 'R1', LAST_NAME: 'Roe', FIRST_NAME: 'Ana', BIRTHDATE: '2006-03-01', GENDER: 'M', REFR_DATE: '2008-11-01' },
      ]);
    const db = join(work, 'scoped.duckdb');
    const codes = (x: Snapshot) => x.rejects.map((r) => (r as { code: string }).code).sort();
    const first = await load(s.root, db);
    expect(codes(first)).toEqual(expect.arrayContaining(['E105', 'E105', 'W-LINK', 'W-UNDUP', 'W-UNDUP']));

    // December corrected: A has the most recent IEP now, so B and C are the copies left out.
    const dec = join(s.root, 'casemis/2008-12/table_a.csv');
    writeFileSync(dec, readFileSync(dec, 'utf8').replace('2008-10-01', '2008-11-20'));
    const afterDec = await load(s.root, db);
    expect(afterDec.load.filesRead).toBe(1);
    expect(stable(afterDec)).toEqual(await coldOf(s.root, 'scoped-dec'));
    expect(afterDec.undup).not.toEqual(first.undup);
    expect(codes(afterDec)).toContain('W-LINK');

    // June corrected: P2 was another child (the link is single now) and J1's duplicate fixed.
    const jun = join(s.root, 'casemis/2009-06/table_a.csv');
    writeFileSync(jun, readFileSync(jun, 'utf8').replace(/\bP2,/, 'P2,').replace(',Ana,2006-03-01,M', ',Ana,2006-03-01,F').replace(/\bJ1,(?![\s\S]*\bJ1,)/, 'J2,'));
    const afterJun = await load(s.root, db);
    expect(afterJun.load.filesRead).toBe(1);
    expect(stable(afterJun)).toEqual(await coldOf(s.root, 'scoped-jun'));
    expect(codes(afterJun)).not.toContain('W-LINK');
    expect(codes(afterJun).filter((c) => c === 'W-UNDUP')).toHaveLength(2);
  });

  it('after a load that stopped half-way, the next one judges every submission again', async () => {
    const dir = join(work, 'halfway');
    const bHeader = requiredHeader('table_b');
    const service = { REPT_DATE: '2009-06-30', SELPA_CODE: '0101', STUDENT_ID: 'J1', SERVICE: '330', PROVIDER: '100', FREQUENCY: '1', DURATION: '30' };
    const h = new DataDir(dir)
      .districts([districtRow()])
      .tableA('2008-12', [studentA({ STUDENT_ID: 'D1' }), studentA({ STUDENT_ID: 'D1', FIRST_NAME: 'Other' })])
      .tableA('2009-06', [studentA({ STUDENT_ID: 'J1' }, '2009-06')])
      .csv('casemis/2009-06/table_b.csv', bHeader, [service]);
    const db = join(work, 'halfway.duckdb');
    const first = await load(h.root, db);
    expect(first.rejects.map((r) => (r as { code: string }).code)).toContain('E105');
    // December corrected, and in the same load a June Table B without its SERVICE column: the load stops.
    const dec = join(h.root, 'casemis/2008-12/table_a.csv');
    writeFileSync(dec, readFileSync(dec, 'utf8').replace(/\bD1,(?![\s\S]*\bD1,)/, 'D2,'));
    const tableB = join(h.root, 'casemis/2009-06/table_b.csv');
    const goodB = readFileSync(tableB, 'utf8');
    writeFileSync(tableB, goodB.replace('SERVICE,', 'SERVIC,'));
    await expect(load(h.root, db)).rejects.toThrow(/SERVICE/);
    // Fixed: only the June file changed since, yet December's new rows are judged too.
    writeFileSync(tableB, goodB);
    const fixed = await load(h.root, db);
    expect(stable(fixed)).toEqual(await coldOf(h.root, 'halfway'));
    expect(fixed.rejects.map((r) => (r as { code: string }).code)).not.toContain('E105');
  });

  it('rows read by a load that stopped before recording their file are not kept twice', async () => {
    const dir = join(work, 'unrecorded');
    const u = new DataDir(dir)
      .districts([districtRow()])
      .tableA('2008-12', [studentA({ STUDENT_ID: 'D1' })])
      .tableA('2009-06', [studentA({ STUDENT_ID: 'J1' }, '2009-06')]);
    const db = join(work, 'unrecorded.duckdb');
    await load(u.root, db);
    // Both Table A files are read in one statement; the June one, header only, stops the load after it.
    const dec = join(u.root, 'casemis/2008-12/table_a.csv');
    writeFileSync(dec, readFileSync(dec, 'utf8').replace('D1,', 'D2,'));
    const jun = join(u.root, 'casemis/2009-06/table_a.csv');
    const goodJun = readFileSync(jun, 'utf8');
    writeFileSync(jun, `${goodJun.split('\n')[0]}\n`);
    await expect(load(u.root, db)).rejects.toThrow(/no rows/);
    writeFileSync(jun, goodJun);
    const fixed = await load(u.root, db);
    expect(stable(fixed)).toEqual(await coldOf(u.root, 'unrecorded'));
    expect(fixed.clean.filter((r) => (r as { _file: string })._file === 'casemis/2008-12/table_a.csv')).toHaveLength(1);
  });

  it('sees a file rewritten with the same size and its old modification time', async () => {
    const dir = join(work, 'sametime');
    const t = new DataDir(dir).districts([districtRow()]).tableA('2008-12', [studentA({ STUDENT_ID: 'D1' })]);
    const db = join(work, 'sametime.duckdb');
    await load(t.root, db);
    const dec = join(t.root, 'casemis/2008-12/table_a.csv');
    const { atime, mtime } = statSync(dec);
    writeFileSync(dec, readFileSync(dec, 'utf8').replace('D1,', 'D9,'));
    utimesSync(dec, atime, mtime);
    const again = await load(t.root, db);
    expect(again.load.filesRead).toBe(1);
    expect(again.clean.map((r) => (r as { STUDENT_ID: string }).STUDENT_ID)).toEqual(['D9']);
  });
});
