import { describe, expect, it } from 'vitest';
import { parseVary, runWhatif } from '../../src/engine/whatif.js';
import { FIXED_NOW, testConfig, withRun } from '../../test/helpers/engine.js';
import { type Cell, sdFolder } from './fixture.js';
import { EX1, EX2, ONE_YEAR, runSd } from './run.js';

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

// Worked example 2 (EX2 in run.ts)
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
    // Every progress rule in one sweep over the same load (the sweep equals separate runs: below).
    const dir = sdFolder(EX3);
    const cfg = testConfig(dir.root, { profile: 'idea-2016', only: ['sd'] });
    const byScenario = await withRun(cfg, async (db, run) => {
      const res = await runWhatif(db, cfg, ['sd.progress_rule=any_decrease,points,percent', 'sd.progress_amount=0.1,0.15,0.2,2.9,5'].map((a) => parseVary(cfg.catalog, a)), { log: () => undefined, now: () => FIXED_NOW }, run.load);
      const rows = await db.all<{ scenario: number; persistent: boolean; progress: string; identified: boolean }>(
        `SELECT scenario, persistent, progress, identified FROM sd_multi WHERE district = '0500005' AND category = 'ID_ALL' AND grp = 'BL7'`,
      );
      return new Map(res.rows.map((r) => [`${String(r['sd.progress_rule'])} ${String(r['sd.progress_amount'])}`, rows.find((x) => x.scenario === r.scenario)]));
    });
    const cases: [string, string, boolean][] = [
      ['any_decrease 0.1', 'yes', false],
      ['points 0.15', 'no', true],
      // 0.2 ≥ 0.2 exactly, but 0.1 < 0.2
      ['points 0.2', 'no', true],
      ['points 0.1', 'yes', false],
      // 5.56 % and 2.94 %
      ['percent 5', 'no', true],
      ['percent 2.9', 'yes', false],
    ];
    for (const [key, progress, identified] of cases) expect(byScenario.get(key), key).toMatchObject({ persistent: true, progress, identified });
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

