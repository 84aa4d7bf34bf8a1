import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { outTable } from '../../src/engine/indicator.js';
import { parseVary, runWhatif } from '../../src/engine/whatif.js';
import { FIXED_NOW } from '../../test/helpers/engine.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';
import { DataDir, districtRow, fullHeader, type Rec, requiredHeader, studentA } from '../../test/helpers/fixture.js';
import { type Cell, sdFolder } from './fixture.js';

const sd = INDICATORS.find((i) => i.id === 'sd')!;

interface Row {
  district: string;
  year: string;
  category: string;
  group: string;
  numerator: number;
  denominator: number;
  value: number | null;
  evaluated: boolean;
  flagged: boolean;
  threshold: number;
  risk: number | null;
  comp_scope: string | null;
  comp_numerator: number | null;
  comp_denominator: number | null;
  method: string;
  method_reason: string | null;
  nc_reason: string | null;
  years_exceeded: number | null;
  years_available: number | null;
  history: string | null;
  persistent: boolean | null;
  progress: string | null;
  identified: boolean | null;
  display: string;
}

interface Result {
  rows: Row[];
  row(district: string, category: string, group: string, year?: string): Row;
  triggers: { district: string; value: number; threshold: number; numerator: number; denominator: number; explanation: string }[];
  summary: { id: string; numerator: number; denominator: number }[];
}

async function runSd(years: Record<string, Cell[]>, params: Record<string, string> = {}): Promise<Result> {
  const dir = sdFolder(years);
  const cfg = testConfig(dir.root, { profile: 'idea-2016', only: ['sd'], params });
  return withRun(cfg, async (db) => {
    const rows = await db.all<Row>(
      `SELECT district, year, category, "group", numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value, evaluated, flagged,
              threshold, risk, comp_scope, comp_numerator::INTEGER AS comp_numerator, comp_denominator::INTEGER AS comp_denominator, method,
              method_reason, nc_reason, years_exceeded, years_available, history, persistent, progress, identified, display
       FROM ${outTable(sd, 'districts')}`,
    );
    const triggers = await db.all<Result['triggers'][number]>(
      `SELECT district, value, threshold, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, explanation
       FROM ${outTable(sd, 'triggers')} WHERE scenario = 0 ORDER BY district`,
    );
    const summary = await db.all<Result['summary'][number]>(
      `SELECT id, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator FROM ${outTable(sd, 'summary')} ORDER BY id`,
    );
    const last = [...new Set(rows.map((r) => r.year))].sort().at(-1)!;
    const row = (district: string, category: string, group: string, year = last): Row => {
      const r = rows.find((x) => x.district === district && x.category === category && x.group === group && x.year === year);
      if (!r) throw new Error(`no row ${district} ${year} ${category} ${group}`);
      return r;
    };
    return { rows, row, triggers, summary };
  });
}

// Worked example 1: LEA A, ID_ALL (every served record of the group aged 3-21), year Y = 2008-09.
const EX1: Cell[] = [
  { district: '0100001', grp: 'BL7', n: 18, N: 120 },
  { district: '0100001', grp: 'HI7', n: 20, N: 400 },
  { district: '0100001', grp: 'WH7', n: 16, N: 300 },
  { district: '0100001', grp: 'AS7', n: 8, N: 180 },
];
const ONE_YEAR = { 'sd.consecutive_years': '1' };

describe('module sd — worked example 1 (RR)', () => {
  it('RR 3 exactly does not exceed 3.0; 5/7; 56/69; NC group_small; NC group_absent', async () => {
    const r = await runSd({ '2008-09': EX1 }, ONE_YEAR);
    const bl = r.row('0100001', 'ID_ALL', 'BL7');
    // 15840/5280 = 3: equal, not above (floating point would say 2.9999999999999996).
    expect(bl).toMatchObject({ numerator: 18, denominator: 120, comp_scope: 'LEA', comp_numerator: 44, comp_denominator: 880, method: 'RR', evaluated: true, flagged: false, display: '3.00' });
    expect(bl.value).toBe(3);
    expect(bl.risk).toBe(15);
    expect(r.row('0100001', 'ID_ALL', 'HI7')).toMatchObject({ value: 5 / 7, comp_numerator: 42, comp_denominator: 600, method: 'RR', display: '0.71' });
    expect(r.row('0100001', 'ID_ALL', 'WH7')).toMatchObject({ value: 56 / 69, comp_numerator: 46, comp_denominator: 700, display: '0.81' });
    expect(r.row('0100001', 'ID_ALL', 'AS7')).toMatchObject({ method: 'NC', nc_reason: 'group_small', value: null, evaluated: false, display: 'NC', comp_scope: null });
    for (const g of ['AM7', 'PI7', 'MU7']) expect(r.row('0100001', 'ID_ALL', g)).toMatchObject({ numerator: 0, denominator: 0, method: 'NC', nc_reason: 'group_absent', value: null });
    expect(r.triggers).toEqual([]);
    expect(r.summary).toEqual([
      { id: 'sd.exceeding', numerator: 0, denominator: 1 },
      { id: 'sd.identified', numerator: 0, denominator: 1 },
    ]);
  });

  it('at threshold 2.5 BL7 exceeds and, with K = 1, the LEA is identified with its sentence', async () => {
    const r = await runSd({ '2008-09': EX1 }, { ...ONE_YEAR, 'sd.threshold': '2.5' });
    expect(r.row('0100001', 'ID_ALL', 'BL7')).toMatchObject({ flagged: true, years_exceeded: 1, years_available: 1, history: 'complete', persistent: true, progress: 'n/a', identified: true });
    // The same records are SLD (DISABILITY1 290): ID_SLD has the same counts and ratio.
    expect(r.triggers).toEqual([
      {
        district: '0100001', value: 3, threshold: 2.5, numerator: 18, denominator: 120,
        explanation: 'Significant disproportionality in 2 pairs: BL7 ID_ALL: RR 3.00 > 2.50 in 2008-09; BL7 ID_SLD: RR 3.00 > 2.50 in 2008-09.',
      },
    ]);
  });

  it('rule `and`, cell 10, n-size 20: AS7 passes (180 ≥ 20) and its RR is 164/243', async () => {
    const r = await runSd({ '2008-09': EX1 }, { ...ONE_YEAR, 'sd.small_rule': 'and', 'sd.min_n': '20' });
    expect(r.row('0100001', 'ID_ALL', 'AS7')).toMatchObject({ method: 'RR', comp_numerator: 54, comp_denominator: 820, value: 164 / 243, display: '0.67' });
  });
});

// Worked example 2: LEA B, BL7 18/120 and WH7 2/8; the rest of the State (other LEAs) brings the
// State's non-BL7 children to 5,000 / 100,000 (5.00 %).
const EX2: Cell[] = [
  { district: '0200002', grp: 'BL7', n: 18, N: 120 },
  { district: '0200002', grp: 'WH7', n: 2, N: 8 },
  { district: '0299999', grp: 'WH7', n: 4998, N: 99992 },
];

describe('module sd — worked example 2 (ARR) and the zero-comparison edges', () => {
  it('the LEA comparison fails (2 < 10): ARR against the State = 3.0, not above 3.0', async () => {
    const r = await runSd({ '2008-09': EX2 }, ONE_YEAR);
    const bl = r.row('0200002', 'ID_ALL', 'BL7');
    expect(bl).toMatchObject({ method: 'ARR', method_reason: 'comparison_small', comp_scope: 'State', comp_numerator: 5000, comp_denominator: 100000, value: 3, flagged: false, display: '3.00' });
    expect(r.row('0200002', 'ID_ALL', 'WH7')).toMatchObject({ method: 'NC', nc_reason: 'group_small' });
    // the same with `and`, n-size 20 (2 < 10 and 8 < 20)
    const a = await runSd({ '2008-09': EX2 }, { ...ONE_YEAR, 'sd.small_rule': 'and', 'sd.min_n': '20', 'sd.threshold': '2.5' });
    expect(a.row('0200002', 'ID_ALL', 'BL7')).toMatchObject({ method: 'ARR', value: 3, flagged: true, identified: true });
  });

  it('a State comparison of 6 / 1,000 (6 < 10) → NC state_comparison_small', async () => {
    const small: Cell[] = [EX2[0]!, EX2[1]!, { district: '0299999', grp: 'WH7', n: 4, N: 992 }];
    const r = await runSd({ '2008-09': small }, ONE_YEAR);
    expect(r.row('0200002', 'ID_ALL', 'BL7')).toMatchObject({ method: 'NC', nc_reason: 'state_comparison_small', method_reason: 'comparison_small', comp_scope: 'State', comp_numerator: 6, comp_denominator: 1000, value: null, display: 'NC' });
  });

  // LEA C: HI7 12/40, the others 0/25; the State's non-HI7 children 300 / 10,000.
  const EDGE: Cell[] = [
    { district: '0300003', grp: 'HI7', n: 12, N: 40 },
    { district: '0300003', grp: 'WH7', n: 0, N: 25 },
    { district: '0399999', grp: 'WH7', n: 300, N: 9975 },
  ];
  const AND20 = { ...ONE_YEAR, 'sd.small_rule': 'and', 'sd.min_n': '20' };

  it('zero LEA comparison risk under `and`: ARR 10.0 (zero_comparison=arr) or NC zero_comparison_risk (nc)', async () => {
    const arr = await runSd({ '2008-09': EDGE }, AND20);
    expect(arr.row('0300003', 'ID_ALL', 'HI7')).toMatchObject({ method: 'ARR', method_reason: 'zero_comparison_risk', comp_numerator: 300, comp_denominator: 10000, value: 10, flagged: true, identified: true });
    const nc = await runSd({ '2008-09': EDGE }, { ...AND20, 'sd.zero_comparison': 'nc' });
    expect(nc.row('0300003', 'ID_ALL', 'HI7')).toMatchObject({ method: 'NC', nc_reason: 'zero_comparison_risk', comp_scope: 'LEA', comp_numerator: 0, comp_denominator: 25, value: null, flagged: false });
    expect(nc.triggers).toEqual([]);
  });

  it('under `or` the same comparison fails (0 < 10): ARR 10.0, comparison_small', async () => {
    const r = await runSd({ '2008-09': EDGE }, ONE_YEAR);
    expect(r.row('0300003', 'ID_ALL', 'HI7')).toMatchObject({ method: 'ARR', method_reason: 'comparison_small', value: 10, flagged: true });
  });

  it('a zero State comparison: NC state_comparison_small under `or`, NC zero_state_risk under `and` or with cell 0', async () => {
    // ID_ID: only LEA E's HI7 records have DISABILITY1 210; 0 of the State's 5,025 others.
    const years = {
      '2008-09': [
        { district: '0400004', grp: 'HI7', n: 12, N: 40, disability: '210' },
        { district: '0400004', grp: 'WH7', n: 0, N: 25 },
        { district: '0499999', grp: 'WH7', n: 20, N: 5000 },
      ] as Cell[],
    };
    const or = await runSd(years, ONE_YEAR);
    expect(or.row('0400004', 'ID_ID', 'HI7')).toMatchObject({ method: 'NC', nc_reason: 'state_comparison_small', comp_numerator: 0, comp_denominator: 5025 });
    const and = await runSd(years, AND20);
    expect(and.row('0400004', 'ID_ID', 'HI7')).toMatchObject({ method: 'NC', nc_reason: 'zero_state_risk', method_reason: 'zero_comparison_risk', value: null });
    const cell0 = await runSd(years, { ...ONE_YEAR, 'sd.min_cell': '0' });
    expect(cell0.row('0400004', 'ID_ID', 'HI7')).toMatchObject({ method: 'NC', nc_reason: 'zero_state_risk' });
    // A calculated ratio may be 0 (step 6): with cell 0 the other LEA's WH7 (0 of 5,000) passes; its LEA
    // has no other group (0/0 < 30) → ARR against the State's non-WH7 12/40 → 0, which does not exceed.
    expect(cell0.row('0499999', 'ID_ID', 'WH7')).toMatchObject({ numerator: 0, denominator: 5000, method: 'ARR', comp_numerator: 12, comp_denominator: 40, value: 0, display: '0.00', flagged: false });
  });
});

// Worked example 3: LEA D, BL7 N = 200 each year, n 36, 34, 33; the LEA comparison 100 / 2,000.
const year3 = (bl: number): Cell[] => [
  { district: '0500005', grp: 'BL7', n: bl, N: 200 },
  { district: '0500005', grp: 'WH7', n: 100, N: 2000 },
];
const EX3 = { '2006-07': year3(36), '2007-08': year3(34), '2008-09': year3(33) };

describe('module sd — worked example 3 (multi-year and reasonable progress)', () => {
  it('RR 3.6, 3.4, 3.3: years_exceeded 3, persistent at K 3; each progress rule', async () => {
    const off = await runSd(EX3);
    expect(off.row('0500005', 'ID_ALL', 'BL7', '2006-07')).toMatchObject({ value: 3.6, flagged: true, years_exceeded: null, identified: null });
    expect(off.row('0500005', 'ID_ALL', 'BL7', '2007-08')).toMatchObject({ value: 3.4, flagged: true });
    expect(off.row('0500005', 'ID_ALL', 'BL7')).toMatchObject({ value: 3.3, years_exceeded: 3, years_available: 3, history: 'complete', persistent: true, progress: 'n/a', identified: true });
    expect(off.triggers.map((t) => t.explanation)).toEqual([
      'Significant disproportionality in 2 pairs: BL7 ID_ALL: RR 3.30 > 3.00 in 2006-07, 2007-08, 2008-09; BL7 ID_SLD: RR 3.30 > 3.00 in 2006-07, 2007-08, 2008-09.',
    ]);
    const cases: [Record<string, string>, string, boolean][] = [
      [{ 'sd.progress_rule': 'any_decrease' }, 'yes', false],
      [{ 'sd.progress_rule': 'points', 'sd.progress_amount': '0.15' }, 'no', true],
      // 0.2 ≥ 0.2 exactly, but 0.1 < 0.2
      [{ 'sd.progress_rule': 'points', 'sd.progress_amount': '0.2' }, 'no', true],
      [{ 'sd.progress_rule': 'points', 'sd.progress_amount': '0.1' }, 'yes', false],
      // 5.56 % and 2.94 %
      [{ 'sd.progress_rule': 'percent', 'sd.progress_amount': '5' }, 'no', true],
      [{ 'sd.progress_rule': 'percent', 'sd.progress_amount': '2.9' }, 'yes', false],
    ];
    for (const [params, progress, identified] of cases) {
      const r = await runSd(EX3, params);
      expect(r.row('0500005', 'ID_ALL', 'BL7'), JSON.stringify(params)).toMatchObject({ persistent: true, progress, identified });
    }
  });

  it('Y-1 at 9/200 (NC group_small) breaks the run: not identified at K 3, identified at K 1', async () => {
    const gap = { '2006-07': year3(36), '2007-08': year3(9), '2008-09': year3(33) };
    const k3 = await runSd(gap);
    expect(k3.row('0500005', 'ID_ALL', 'BL7', '2007-08')).toMatchObject({ method: 'NC', nc_reason: 'group_small', flagged: false });
    expect(k3.row('0500005', 'ID_ALL', 'BL7')).toMatchObject({ years_exceeded: 1, persistent: false, identified: false });
    const k1 = await runSd(gap, ONE_YEAR);
    expect(k1.row('0500005', 'ID_ALL', 'BL7')).toMatchObject({ years_exceeded: 1, persistent: true, identified: true });
    // any_decrease needs a ratio in each of the three years: n/a
    const prog = await runSd(gap, { 'sd.progress_rule': 'any_decrease' });
    expect(prog.row('0500005', 'ID_ALL', 'BL7')).toMatchObject({ progress: 'n/a', identified: false });
  });

  it('only year Y present: reduce → K_eff 1, identified; wait → insufficient_years', async () => {
    const only = { '2008-09': year3(33) };
    const reduce = await runSd(only);
    expect(reduce.rows.map((r) => r.year).filter((y, i, a) => a.indexOf(y) === i)).toEqual(['2006-07', '2007-08', '2008-09']);
    expect(reduce.row('0500005', 'ID_ALL', 'BL7', '2006-07')).toMatchObject({ method: 'NC', nc_reason: 'no_data' });
    expect(reduce.row('0500005', 'ID_ALL', 'BL7')).toMatchObject({ years_exceeded: 1, years_available: 1, history: 'reduced', persistent: true, identified: true });
    const wait = await runSd(only, { 'sd.short_history': 'wait' });
    expect(wait.row('0500005', 'ID_ALL', 'BL7')).toMatchObject({ years_available: 1, history: 'insufficient_years', persistent: false, identified: false });
  });
});

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
    for (const [t, c] of [['2.5', '10'], ['2.5', '20'], ['3', '10'], ['3', '20']]) {
      const r = await withRun(testConfig(dir.root, { profile: 'idea-2016', only: ['sd'], params: { ...ONE_YEAR, 'sd.threshold': t!, 'sd.min_cell': c! } }), async (db) => ({
        leas: await db.scalar(`SELECT count(*) FROM ${outTable(sd, 'triggers')} WHERE scenario = 0`),
        pairs: await db.scalar(`SELECT count(*) FROM ${outTable(sd, 'districts')} WHERE identified`),
      }));
      expected.push([t, c, r.leas, r.pairs]);
    }
    expect(got).toEqual(expected);
    // by hand: at 2.5 LEA A (BL7 RR 3 on ID_ALL and ID_SLD) and LEA B (BL7 ARR 3, the same two) are identified; at cell 20 A's BL7 (18) is small
    expect(expected[0]).toEqual(['2.5', '10', 2, 4]);
    expect(expected[2]).toEqual(['3', '10', 0, 0]);
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
