// Module sd on records: exclusive groups, each category's population, the profile's inputs, what-if
// against separate runs, run.json notes and warnings.
import { describe, expect, it } from 'vitest';
import { outTable } from '../../src/engine/indicator.js';
import { parseVary, runWhatif } from '../../src/engine/whatif.js';
import { FIXED_NOW, testConfig, withRun } from '../../test/helpers/engine.js';
import { DataDir, districtRow, fullHeader, type Rec, requiredHeader, studentA } from '../../test/helpers/fixture.js';
import { sdFolder } from './fixture.js';
import { EX1, EX2, ONE_YEAR, runSd, sd } from './run.js';

describe('module sd — exclusive groups, populations and ages', () => {
  it('a student with two race families is MU7 only: BL7 24/150 against 44/850 (not 30/150 → 3.864)', async () => {
    // BL7 24 records, WH7 38, MU7 6 (codes 600 + 700); enrollment BL7 150, WH7 700, MU7 150.
    const r = await runSd(
      {
        '2008-09': [
          { district: '0600006', grp: 'BL7', n: 24, N: 150 },
          { district: '0600006', grp: 'WH7', n: 38, N: 700 },
          { district: '0600006', grp: 'MU7', n: 6, N: 150 },
        ],
      },
      ONE_YEAR,
    );
    expect(r.row('0600006', 'ID_ALL', 'BL7')).toMatchObject({ numerator: 24, comp_numerator: 44, comp_denominator: 850, value: (24 * 850) / (150 * 44), display: '3.09', flagged: true });
    expect(r.row('0600006', 'ID_ALL', 'MU7')).toMatchObject({ numerator: 6, denominator: 150, method: 'NC', nc_reason: 'group_small' });
    // placement: the seven denominators (served December records aged 6-21) add up to the records with a group
    const pl = r.rows.filter((x) => x.category === 'PL_LT40' && x.year === '2008-09' && x.district === '0600006');
    expect(pl.reduce((s, x) => s + x.denominator, 0)).toBe(24 + 38 + 6);
  });
});

describe('module sd — populations from the records: HISPANIC, ages, placement, discipline', () => {
  it('counts each category by its rule, on the December and June records and Table C', async () => {
    const D = '0700007';
    const dir = new DataDir().districts([districtRow({ district: D, selpa: '0101' })]);
    let id = 0;
    const rec = (over: Rec, period: string): Rec => studentA({ DIST_SERV: D, DIST_RESI: D, STUDENT_ID: `S${++id}`, LAST_NAME: `Edge${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[id % 26]}${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(id / 26)]}`, ...over }, period);
    const dec: Rec[] = [
      // 12 WH7 aged 10: 2 in a regular class < 40 %, 1 in a separate school, 1 at home/hospital
      ...Array.from({ length: 12 }, (_, i) =>
        rec(i < 2 ? { IN_REGCLS: '30' } : i === 2 ? { FEDSET_SCH: '200', IN_REGCLS: '' } : i === 3 ? { FEDSET_SCH: '400', IN_REGCLS: '' } : {}, '2008-12'),
      ),
      // HISPANIC decides: race code 700 with HISPANIC Y is HI7; 500 with HISPANIC N has no group; 999 none
      ...Array.from({ length: 3 }, () => rec({ HISPANIC: 'Y' }, '2008-12')),
      ...Array.from({ length: 2 }, () => rec({ ETHNICITY1: '500', HISPANIC: 'N' }, '2008-12')),
      rec({ ETHNICITY1: '999' }, '2008-12'),
      // ages on December 1: 22 today (out), 21 (in); a 4-year-old in preschool (GRADE 14): in ID_ALL, not in placement
      rec({ BIRTHDATE: '1986-12-01', GRADE: '12' }, '2008-12'),
      rec({ BIRTHDATE: '1987-12-02', GRADE: '12' }, '2008-12'),
      rec({ BIRTHDATE: '2004-06-01', GRADE: '14', FEDSET_SCH: '', IN_REGCLS: '', FEDSET_PRS: '100', DISABILITY1: '240' }, '2008-12'),
      // PLAN_TYPE 30 (parentally placed) is left out by default
      rec({ PLAN_TYPE: '30', FEDSET_SCH: '600', IN_REGCLS: '' }, '2008-12'),
    ];
    const header = [...requiredHeader('table_a'), 'HISPANIC'];
    dir.tableA('2008-12', dec, header);
    // June: 15 WH7 records aged 3-21 on December 1, 2008 (the base); J1-J6 have actions
    const jun = Array.from({ length: 15 }, (_, i) => rec({ STUDENT_ID: `J${i + 1}` }, '2009-06'));
    dir.tableA('2009-06', jun, header);
    const act = (sid: string, type: string, days: string): Rec => ({ REPT_DATE: '2009-06-30', SELPA_CODE: '0101', STUDENT_ID: sid, DSPL_DATE: '2009-01-15', DSPL_TYPE: type, DSPL_DAYS: days, REASON1: '10' });
    dir.csv('casemis/2009-06/table_c.csv', requiredHeader('table_c').includes('DSPL_DAYS') ? requiredHeader('table_c') : [...requiredHeader('table_c'), 'DSPL_DAYS'], [
      act('J1', '20', '5.5'), act('J1', '20', '5'), // 10.5 days OSS: over 10
      act('J2', '20', '5.5'), act('J2', '20', '4.5'), // exactly 10: not over
      act('J3', '30', ''), // expulsion without days: over 10
      act('J4', '10', '3'), act('J4', '10', '8'), act('J4', '20', '2'), // ISS 11 (over) and OSS 2
      act('J5', '40', '45'), // IAES: DS_TOTAL only
      act('J6', '10', '1'), act('J6', '10', '1'), // ISS 2
    ]);
    dir.csv('enrollment/cbeds.csv', fullHeader('cbeds'), [
      { district: D, year: '2008-09', grade_span: 'K12', group: 'WH', enrollment: '200' },
      { district: D, year: '2008-09', grade_span: '', group: 'HI7', enrollment: '50' },
    ]);
    const run = async (params: Record<string, string>) =>
      withRun(testConfig(dir.root, { profile: 'idea-2016', only: ['sd'], params: { 'sd.consecutive_years': '1', ...params } }), async (db) => {
        expect(await db.all(`SELECT file, line, code, message FROM rejects WHERE severity = 'error'`)).toEqual([]);
        const rows = await db.all<{ category: string; group: string; n: number; d: number }>(
          `SELECT category, "group", numerator::INTEGER AS n, denominator::INTEGER AS d FROM ${outTable(sd, 'districts')} WHERE district = '${D}' AND year = '2008-09' AND denominator > 0`,
        );
        return Object.fromEntries(rows.map((r) => [`${r.category} ${r.group}`, [r.n, r.d]]));
      });
    const c = await run({});
    // ID_ALL WH7: 12 + the 21-year-old + the preschooler = 14; N = 200 K-12 + the 1 served preschooler without a K-12 grade
    expect(c['ID_ALL WH7']).toEqual([14, 201]);
    expect(c['ID_ALL HI7']).toEqual([3, 50]);
    expect(c['ID_SLI WH7']).toEqual([1, 201]);
    // placement, aged 6-21: 12 + the 21-year-old
    expect(c['PL_LT40 WH7']).toEqual([2, 13]);
    expect(c['PL_SEP WH7']).toEqual([1, 13]);
    expect(c['PL_LT40 HI7']).toEqual([0, 3]);
    // discipline: base 15 June records
    expect(c['DS_OSS_LE10 WH7']).toEqual([2, 15]);
    expect(c['DS_OSS_GT10 WH7']).toEqual([2, 15]);
    expect(c['DS_ISS_LE10 WH7']).toEqual([1, 15]);
    expect(c['DS_ISS_GT10 WH7']).toEqual([1, 15]);
    expect(c['DS_TOTAL WH7']).toEqual([6, 15]);
    // removals instead of children: 2 + 2 + 1 + 3 + 1 + 2; ages 6-21: the preschooler leaves ID and enrollment's PK part
    const r = await run({ 'sd.total_removals': 'removals', 'sd.id_ages': '6-21', 'sd.plan_types': '10,20,30' });
    expect(r['DS_TOTAL WH7']).toEqual([11, 15]);
    expect(r['ID_ALL WH7']).toEqual([14, 200]); // 12 + 21-year-old + the PLAN_TYPE 30 record
  });
});

describe('module sd — what-if, run.json and warnings', () => {
  it('a sweep over threshold × cell size counts the LEAs and pairs `apr run` identifies with the same values', async () => {
    const dir = sdFolder({ '2008-09': [...EX1, ...EX2] });
    const cfg = testConfig(dir.root, { profile: 'idea-2016', only: ['sd'], params: ONE_YEAR });
    const res = await withRun(cfg, (db, run) =>
      runWhatif(db, cfg, ['sd.threshold=2.5:3:0.5', 'sd.min_cell=10,20'].map((a) => parseVary(cfg.catalog, a)), { log: () => undefined, now: () => FIXED_NOW }, run.load),
    );
    expect(res.extraColumns).toEqual(['sd_pairs']);
    const got = res.rows.map((r) => [r['sd.threshold'], r['sd.min_cell'], r.sd, r.sd_pairs]);
    // Each scenario run on its own: LEAs with a trigger sd, pairs identified.
    const expected = [];
    for (const [t, c] of [['2.5', '10'], ['3', '20']]) {
      const r = await withRun(testConfig(dir.root, { profile: 'idea-2016', only: ['sd'], params: { ...ONE_YEAR, 'sd.threshold': t!, 'sd.min_cell': c! } }), async (db) => ({
        leas: await db.scalar(`SELECT count(*) FROM ${outTable(sd, 'triggers')} WHERE scenario = 0`),
        pairs: await db.scalar(`SELECT count(*) FROM ${outTable(sd, 'districts')} WHERE identified`),
      }));
      expected.push([t, c, r.leas, r.pairs]);
    }
    expect([got[0], got[3]]).toEqual(expected);
    // by hand: at 2.5 LEA A (BL7 RR 3 on ID_ALL and ID_SLD) and LEA B (BL7 ARR 3, the same two) are
    // identified; at cell 20 both BL7 groups (18) are small; at 3.0 the ratios of 3 do not exceed
    expect(got).toEqual([['2.5', '10', 2, 4], ['2.5', '20', 0, 0], ['3', '10', 0, 0], ['3', '20', 0, 0]]);
  });

  it('run.json modules.sd: standards per category, years used, rationale notes above 10 / 30; W-SD-MR before 2009-10', async () => {
    const dir = sdFolder({ '2007-08': EX1, '2008-09': EX1 });
    dir.csv('enrollment/cbeds.csv', fullHeader('cbeds'), [
      ...EX1.flatMap((c) => ['2007-08', '2008-09'].map((year) => ({ district: c.district, year, grade_span: 'K12', group: c.grp, enrollment: String(c.N) }))),
      { district: '0100001', year: '2008-09', grade_span: 'K12', group: 'MR', enrollment: '40' },
    ]);
    const cfg = testConfig(dir.root, { profile: 'idea-2016', only: ['sd'], params: { 'sd.min_cell': '12', 'sd.min_n.DS_TOTAL': '40', 'sd.threshold.ID_ALL': '2.5' } });
    await withRun(cfg, (_db, run) => {
      const notes = run.notes.sd as { standards: { category: string; threshold: number; min_cell: number; min_n: number }[]; years_used: Record<string, string[]>; rationale_notes: string[] };
      expect(notes.standards[0]).toEqual({ category: 'ID_ALL', threshold: 2.5, min_cell: 12, min_n: 30 });
      expect(notes.standards.find((x) => x.category === 'DS_TOTAL')).toEqual({ category: 'DS_TOTAL', threshold: 3, min_cell: 12, min_n: 40 });
      // no June folders: discipline has no year; 2006-07 has no December folder
      expect(notes.years_used).toEqual({ discipline: [], identification: ['2007-08', '2008-09'], placement: ['2007-08', '2008-09'] });
      expect(notes.rationale_notes).toHaveLength(15);
      expect(notes.rationale_notes).toContain('DS_TOTAL: minimum n-size 40 is above the presumptively reasonable 30; 34 CFR 300.647(b)(7) requires a detailed rationale');
      expect(run.warnings.filter((w) => w.code === 'W-SD-MR').map((w) => w.message)).toEqual([
        'enrollment/cbeds.csv: 1 MR row(s) of 2008-09 (40 enrolled) are counted as two or more races (MU7); before 2009-10 CBEDS MR meant "multiple or no response"',
      ]);
    });
  });
});

describe('module sd — inputs of the profile', () => {
  it('a bad HISPANIC warns and reads as blank (the record stays); a blank grade_span is K12 for the duplicate check', async () => {
    const dir = sdFolder({ '2008-09': [{ district: '0800008', grp: 'WH7', n: 12, N: 100 }] });
    dir.tableA('2008-12', [
      studentA({ DIST_SERV: '0800008', DIST_RESI: '0800008', SELPA_CODE: '1000', STUDENT_ID: 'H1', LAST_NAME: 'Hone', ETHNICITY1: '500', HISPANIC: 'U' }),
      studentA({ DIST_SERV: '0800008', DIST_RESI: '0800008', SELPA_CODE: '1000', STUDENT_ID: 'H2', LAST_NAME: 'Htwo', ETHNICITY1: '700', HISPANIC: 'Y' }),
    ], [...requiredHeader('table_a'), 'HISPANIC']);
    dir.csv('enrollment/cbeds.csv', fullHeader('cbeds'), [
      { district: '0800008', year: '2008-09', grade_span: '', group: 'HI7', enrollment: '50' },
      { district: '0800008', year: '2008-09', grade_span: 'K12', group: 'HI7', enrollment: '50' },
      { district: '0800008', year: '2008-09', grade_span: 'PK', group: 'HI7', enrollment: '5' },
    ]);
    await withRun(testConfig(dir.root, { profile: 'idea-2016', only: ['sd'], params: ONE_YEAR }), async (db) => {
      const rejects = await db.all<{ file: string; line: number; code: string; severity: string }>(`SELECT file, line, code, severity FROM rejects ORDER BY file, line`);
      expect(rejects).toEqual([
        { file: 'casemis/2008-12/table_a.csv', line: 2, code: 'W-HISPANIC', severity: 'warning' },
        { file: 'enrollment/cbeds.csv', line: 3, code: 'E-DUP', severity: 'error' },
      ]);
      // H1 (500, HISPANIC unreadable → by its codes) and H2 (HISPANIC Y) are HI7; N = 50 K-12 + 5 PK
      const r = await db.one<{ n: number; d: number }>(
        `SELECT numerator::INTEGER AS n, denominator::INTEGER AS d FROM ${outTable(sd, 'districts')} WHERE district = '0800008' AND category = 'ID_ALL' AND "group" = 'HI7'`,
      );
      expect(r).toEqual({ n: 2, d: 55 });
    });
  });
});

describe('module sd — parameters', () => {
  it('a threshold has at most two decimals (T100 is an integer); sd.* and --only sd need the profile', () => {
    expect(() => testConfig('.', { profile: 'idea-2016', params: { 'sd.threshold': '2.555' } })).toThrow('sd.threshold: expected a number > 0 with at most two decimals, got 2.555 (--param)');
    expect(testConfig('.', { profile: 'idea-2016', params: { 'sd.threshold': '2.55' } }).params.values['sd.threshold']).toBe(2.55);
    expect(() => testConfig('.', { params: { 'sd.threshold': '2.5' } })).toThrow('sd.threshold: module sd is not part of profile ca-ffy2008; run it with --profile idea-2016');
    expect(() => testConfig('.', { only: ['sd'] })).toThrow('--only sd: module sd is not part of profile ca-ffy2008; run it with --profile idea-2016');
  });
});
