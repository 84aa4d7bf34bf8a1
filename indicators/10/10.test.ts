import { fc, test as fcTest } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import type { Db } from '../../src/db.js';
import { findOutput, outputColumns, outTable } from '../../src/engine/indicator.js';
import { type RunConfig, runContext, runIndicator } from '../../src/engine/run.js';
import { decideStep, runOutput } from '../../src/engine/runner.js';
import { writeScenarios } from '../../src/engine/scenarios.js';
import { DataDir, districtRow, fullHeader, studentA } from '../../test/helpers/fixture.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';
import { diDb, enrollment, type EnrSpec, fmt2, type SeSpec } from '../9/fixture.js';

const ind9 = INDICATORS.find((i) => i.id === '9')!;
const ind10 = INDICATORS.find((i) => i.id === '10')!;
const PRESENT = new Set(['table_a@2008-12', 'cbeds', 'ppp_reviews']);

const X1 = '0000011'; // fails only with A from general enrollment
const X2 = '0000012'; // fails only with A from special education (the default)
const X3 = '0000013'; // a pair fails but the DI test passes
const X5 = '0000015'; // SE(d) = 20: not evaluated

const se = (district: string, grp: string, disability: string, n: number): SeSpec => ({ district, grp, disability, n });

function specs(): { se: SeSpec[]; enr: EnrSpec[] } {
  return {
    se: [
      // X1: AA 150 (MR 120, SLD 30), WH 50 (MR 40, SLD 10); no SLI, ED, OHI, autism
      se(X1, 'AA', '290', 30), se(X1, 'AA', '210', 120), se(X1, 'WH', '290', 10), se(X1, 'WH', '210', 40),
      // X2: AA 100 (SLD 5, hard of hearing 95 — not tested), WH 100 (SLD 95, HH 5)
      se(X2, 'AA', '290', 5), se(X2, 'WH', '290', 95), se(X2, 'AA', '220', 95), se(X2, 'WH', '220', 5),
      se(X3, 'AA', '290', 5), se(X3, 'WH', '290', 95), se(X3, 'AA', '220', 95), se(X3, 'WH', '220', 5),
      se(X5, 'AA', '290', 15), se(X5, 'WH', '290', 5),
    ],
    enr: [
      ...enrollment(X1, [0, 0, 0, 1000, 9000]),
      ...enrollment(X2, [0, 0, 0, 500, 1500]),
      ...enrollment(X3, [0, 0, 0, 1000, 1000]),
      ...enrollment(X5, [0, 0, 0, 100, 900]),
    ],
  };
}

async function run(db: Db, cfg: RunConfig): Promise<void> {
  expect((await runIndicator(db, cfg, ind9, PRESENT)).status).toBe('computed');
  expect((await runIndicator(db, cfg, ind10, PRESENT)).status).toBe('computed');
}

interface TriggerRow {
  scenario: number;
  district: string;
  value: number;
  threshold: number;
  numerator: number;
  denominator: number;
  explanation: string;
}

async function triggerRows(db: Db, table = outTable(ind10, 'triggers')): Promise<TriggerRow[]> {
  return db.all<TriggerRow>(
    `SELECT scenario, district, value, threshold, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, explanation FROM ${table} ORDER BY scenario, district`,
  );
}

const NAMES: Record<string, string> = { AI: 'Native American', AS: 'Asian', HI: 'Hispanic', AA: 'African American', WH: 'White' };
const SHORT: Record<string, string> = { '210': 'MR', '290': 'SLD', '260': 'ED', '240': 'SLI', '280': 'OHI', '320': 'AUT' };

/** Recomputes a trigger sentence from 9's decide row and 10's pair rows of the district. */
async function expectedSentence(db: Db, district: string, scenario = 0): Promise<string> {
  const d = (await db.one<{ di: number; high_label: string; high_risk: number; low_label: string; low_risk: number; benchmark: number }>(
    `SELECT di, high_label, high_risk, low_label, low_risk, benchmark FROM ind9_decide WHERE scenario = ${scenario} AND district = '${district}'`,
  ))!;
  const pairs = await db.all<{ grp: string; disability: string; n_c: number; p: number; e_min: number; e_max: number; over_rep: boolean; k: number; a_base: string }>(
    `SELECT grp, disability, n_c::INTEGER AS n_c, p, e_min, e_max, over_rep, k, a_base FROM ind10_pair_decide
     WHERE scenario = ${scenario} AND district = '${district}' AND (over_rep OR under_rep) ORDER BY d_ord, ord`,
  );
  const parts = pairs.map((g) => {
    const c = SHORT[g.disability];
    return g.over_rep
      ? `${NAMES[g.grp]} over-represented in ${c} (${fmt2(g.p)}% of ${g.n_c} ${c} students vs at most ${fmt2(g.e_max)}%)`
      : `${NAMES[g.grp]} under-represented in ${c} (${fmt2(g.p)}% of ${g.n_c} ${c} students vs at least ${fmt2(g.e_min)}%)`;
  });
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return (
    `Disparity index ${fmt2(d.di)} points (${d.high_label} ${fmt2(d.high_risk)}% vs ${d.low_label} ${fmt2(d.low_risk)}%) exceeds ${fmt2(d.benchmark)}, ` +
    `and the E-formula (k = ${pairs[0]!.k}, A from ${pairs[0]!.a_base.replace('_', ' ')}) finds ${list}.`
  );
}

describe('indicator 10 — disproportionate representation by disability', () => {
  let db: Db;
  beforeAll(async () => {
    const { se: s, enr } = specs();
    db = await diDb(s, enr, [
      [X2, '10', '2008-09', 'Y'],
      [X1, '10', '2008-09', 'Y'], // not potentially disproportionate with the default base
      [X2, '9', '2008-09', 'N'],
    ]);
  });
  afterAll(() => db.close());

  it('A from special education (default): pairs, N = 0 skipped, districts/10.csv, summary and the trigger sentence', async () => {
    const cfg = testConfig('.', { only: ['10'] });
    await run(db, cfg);
    // X1: A = 100 × SE_e/ΣSE = 75 (AA), 25 (WH); SLD P = 30/40 = 75 %, MR 120/160 = 75 %: exactly A, inside
    const x1 = await db.all<{ disability: string; grp: string; n_c: number; a: number; p: number; e_min: number; e_max: number; over_rep: boolean; under_rep: boolean }>(
      `SELECT disability, grp, n_c::INTEGER AS n_c, a, p, e_min, e_max, over_rep, under_rep FROM ind10_pair_decide
       WHERE scenario = 0 AND district = '${X1}' AND grp IN ('AA', 'WH') ORDER BY d_ord, ord`,
    );
    // only MR and SLD have N > 0: SLI, ED, OHI and autism pairs are skipped
    expect(x1.map((r) => [r.disability, r.grp, r.n_c, r.a, r.p, r.over_rep, r.under_rep])).toEqual([
      ['210', 'AA', 160, 75, 75, false, false],
      ['210', 'WH', 160, 25, 25, false, false],
      ['290', 'AA', 40, 75, 75, false, false],
      ['290', 'WH', 40, 25, 25, false, false],
    ]);
    // SLD AA: w = 8 × sqrt(75 × 25 / 40) = 54.77
    expect(x1[2]!.e_max).toBeCloseTo(75 + 8 * Math.sqrt((75 * 25) / 40), 10);
    expect(await db.scalar(`SELECT count(*) FROM ind10_pair_decide WHERE district = '${X1}' AND disability IN ('240', '260', '280', '320')`)).toBe(0);

    const rows = await db.all<{ district: string; disability: string; numerator: number; denominator: number; value: number | null; evaluated: boolean; flagged: boolean; di_fails: boolean; over_groups: string | null; under_groups: string | null }>(
      `SELECT district, disability, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value, evaluated, flagged, di_fails, over_groups, under_groups
       FROM ${outTable(ind10, 'districts')}`,
    );
    const x2 = rows.filter((r) => r.district === X2);
    // X2: DI = AA 100/500 = 20 % − WH 100/1,500 = 6.67 % = 13.33; SLD N = 100, A = 50, w = 8 × sqrt(2500/100) = 40:
    // AA 5 % < 10 under, WH 95 % > 90 over. MR and the others: N = 0
    expect(x2.map((r) => [r.disability, r.numerator, r.denominator, r.evaluated, r.flagged, r.di_fails, r.over_groups, r.under_groups])).toEqual([
      ['210', 0, 2000, true, false, true, null, null],
      ['290', 100, 2000, true, true, true, 'WH', 'AA'],
      ['260', 0, 2000, true, false, true, null, null],
      ['240', 0, 2000, true, false, true, null, null],
      ['280', 0, 2000, true, false, true, null, null],
      ['320', 0, 2000, true, false, true, null, null],
    ]);
    expect(x2[1]!.value).toBeCloseTo(20 - 100 / 15, 10);
    const flat = (d: string) => rows.filter((r) => r.district === d).map((r) => [r.disability, r.numerator, r.evaluated, r.flagged]);
    expect(flat(X1)).toEqual([['210', 160, true, false], ['290', 40, true, false], ['260', 0, true, false], ['240', 0, true, false], ['280', 0, true, false], ['320', 0, true, false]]);
    // X3: SLD fails (as X2) but DI = 10 − 10 = 0: not flagged
    expect(rows.filter((r) => r.district === X3 && r.disability === '290').map((r) => [r.di_fails, r.flagged, r.over_groups, r.under_groups])).toEqual([[false, false, 'WH', 'AA']]);
    // X5: SE(d) = 20, not evaluated (9's rule)
    expect(new Set(rows.filter((r) => r.district === X5).map((r) => r.evaluated))).toEqual(new Set([false]));
    expect(await db.all(`SELECT district, evaluated FROM ind10_decide WHERE scenario = 0 EXCEPT SELECT district, evaluated FROM ind9_decide WHERE scenario = 0`)).toEqual([]);

    // evaluated X1, X2, X3; potential X2; its review (indicator 10) says Y; X1's Y does not count
    const sum = await db.all<{ id: string; numerator: number; denominator: number }>(
      `SELECT id, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator FROM ${outTable(ind10, 'summary')} ORDER BY id`,
    );
    expect(sum).toEqual([
      { id: '10', numerator: 1, denominator: 3 },
      { id: '10.potential', numerator: 1, denominator: 3 },
    ]);

    const trig = await triggerRows(db);
    expect(trig.map((t) => [t.scenario, t.district, t.numerator, t.denominator, t.threshold])).toEqual([[0, X2, 200, 2000, 7.5]]);
    expect(trig[0]!.explanation).toBe(
      'Disparity index 13.33 points (African American 20.00% vs White 6.67%) exceeds 7.50, and the E-formula (k = 8, A from special education) finds ' +
        'African American under-represented in SLD (5.00% of 100 SLD students vs at least 10.00%) and White over-represented in SLD (95.00% of 100 SLD students vs at most 90.00%).',
    );
    expect(trig[0]!.explanation).toBe(await expectedSentence(db, X2));
  });

  it('ind10.a_base=general_enrollment: A = 100 × ENR_e/ΣENR', async () => {
    const cfg = testConfig('.', { only: ['10'], params: { 'ind10.a_base': 'general_enrollment' } });
    await run(db, cfg);
    const trig = await triggerRows(db);
    // X1: A(AA) = 10, A(WH) = 90. MR N = 160: w = 8 × sqrt(900/160) = 18.97 → AA 75 > 28.97, WH 25 < 71.03;
    // SLD N = 40: w = 8 × sqrt(900/40) = 37.95 → AA 75 > 47.95, WH 25 < 52.05. DI = 15 − 0.56 = 14.44.
    // X2: A = 25/75, SLD w = 8 × sqrt(25 × 75/100) = 34.64: 5 and 95 inside → no longer flagged.
    expect(trig.map((t) => t.district)).toEqual([X1]);
    expect(trig[0]!.explanation).toBe(
      'Disparity index 14.44 points (African American 15.00% vs White 0.56%) exceeds 7.50, and the E-formula (k = 8, A from general enrollment) finds ' +
        'African American over-represented in MR (75.00% of 160 MR students vs at most 28.97%), White under-represented in MR (25.00% of 160 MR students vs at least 71.03%), ' +
        'African American over-represented in SLD (75.00% of 40 SLD students vs at most 47.95%) and White under-represented in SLD (25.00% of 40 SLD students vs at least 52.05%).',
    );
    expect(trig[0]!.explanation).toBe(await expectedSentence(db, X1));
    const a = await db.all<{ grp: string; a: number }>(`SELECT grp, a FROM ind10_pair_decide WHERE scenario = 0 AND district = '${X1}' AND disability = '290' AND grp IN ('AA', 'WH') ORDER BY ord`);
    expect(a).toEqual([{ grp: 'AA', a: 10 }, { grp: 'WH', a: 90 }]);
    const sum = await db.all<{ id: string; numerator: number }>(`SELECT id, numerator::INTEGER AS numerator FROM ${outTable(ind10, 'summary')} ORDER BY id`);
    // X1 potential and its review says Y
    expect(sum).toEqual([{ id: '10', numerator: 1 }, { id: '10.potential', numerator: 1 }]);
  });

  it('Tables 10a and 10b: the statewide DI as 9a, the pairs over every district; the disability list is a parameter', async () => {
    const cfg = testConfig('.', { only: ['10'], params: { 'ind10.disabilities': '290,220' } });
    await run(db, cfg);
    expect(await db.all(`SELECT * FROM ${outTable(ind10, 'table-10a')}`)).toEqual(await db.all(`SELECT * FROM ${outTable(ind9, 'table-9a')}`));
    const b = await db.all<{ disability: string; group: string; special_education: number; disability_total: number; base_count: number; base_total: number; se_percent: number; base_percent: number; e_min: number; under_represented: boolean }>(
      `SELECT disability, "group", special_education::INTEGER AS special_education, disability_total::INTEGER AS disability_total,
              base_count::INTEGER AS base_count, base_total::INTEGER AS base_total, se_percent, base_percent, e_min, under_represented
       FROM ${outTable(ind10, 'table-10b')} WHERE "group" IN ('AA', 'WH')`,
    );
    // SLD: AA 30 + 5 + 5 + 15 = 55, WH 10 + 95 + 95 + 5 = 205, N = 260; base SE: AA 150 + 100 + 100 + 15 = 365, WH 50 + 100 + 100 + 5 = 255
    // HH (220): AA 95 + 95 = 190, WH 5 + 5 = 10, N = 200
    expect(b.map((r) => [r.disability, r.group, r.special_education, r.disability_total, r.base_count, r.base_total])).toEqual([
      ['290', 'AA', 55, 260, 365, 620],
      ['290', 'WH', 205, 260, 255, 620],
      ['220', 'AA', 190, 200, 365, 620],
      ['220', 'WH', 10, 200, 255, 620],
    ]);
    const a = (100 * 365) / 620;
    expect(b[0]!.base_percent).toBeCloseTo(a, 10);
    expect(b[0]!.se_percent).toBeCloseTo((100 * 55) / 260, 10);
    expect(b[0]!.e_min).toBeCloseTo(a - 8 * Math.sqrt((a * (100 - a)) / 260), 10); // 58.87 − 24.41 = 34.46 > 21.15: under
    expect(b[0]!.under_represented).toBe(true);
    // districts/10.csv has one row per district × listed disability
    expect(await db.all(`SELECT DISTINCT disability FROM ${outTable(ind10, 'districts')} ORDER BY disability`)).toEqual([{ disability: '220' }, { disability: '290' }]);
    for (const out of ind10.outputs) {
      const cols = await db.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${outTable(ind10, out)})`);
      const declared = outputColumns(out).map((c) => [c.name, c.type]);
      expect(cols.map((c) => [c.column_name, c.column_type]).slice(0, declared.length), out.name ?? out.kind).toEqual(declared);
    }
  });
});

describe('property: raising a cut point never adds a district to the 10 list', () => {
  let db: Db;
  const cfg = testConfig('.', { only: ['10'] });
  beforeAll(async () => {
    // 30 districts, five groups, students spread over four tested disabilities and one untested (220)
    let x = 4242;
    const rnd = (m: number): number => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x % m;
    };
    const s: SeSpec[] = [];
    const enr: EnrSpec[] = [];
    for (let d = 0; d < 30; d++) {
      const code = `10${String(d).padStart(5, '0')}`;
      const ge = [rnd(60), rnd(800), rnd(1500), rnd(400), rnd(1500)];
      enr.push(...enrollment(code, ge));
      ['AI', 'AS', 'HI', 'AA', 'WH'].forEach((grp, i) => {
        let left = Math.round((ge[i]! * (2 + rnd(22))) / 100);
        for (const c of ['290', '210', '240', '260']) {
          const n = rnd(left + 1);
          if (n) s.push(se(code, grp, c, n));
          left -= n;
        }
        if (left) s.push(se(code, grp, '220', left));
      });
    }
    db = await diDb(s, enr);
    await run(db, cfg);
  });
  afterAll(() => db.close());

  fcTest.prop(
    [
      fc.record({
        k10: fc.integer({ min: 0, max: 40 }).map((v) => v / 4),
        bench: fc.integer({ min: 0, max: 40 }).map((v) => v / 4),
        dk10: fc.integer({ min: 0, max: 20 }).map((v) => v / 4),
        dBench: fc.integer({ min: 0, max: 20 }).map((v) => v / 4),
        dMinSe: fc.integer({ min: 0, max: 200 }),
        base: fc.constantFrom('special_education', 'general_enrollment'),
      }),
    ],
    { numRuns: 20 },
  )('ind10.k, ind9.disparity_benchmark, ind9.min_se; every sentence matches its row', async (p) => {
    const rc = runContext(cfg);
    const base = { ...cfg.params.values, 'ind10.k': p.k10, 'ind9.disparity_benchmark': p.bench, 'ind10.a_base': p.base };
    await writeScenarios(db, cfg.catalog, [
      { id: 0, values: base },
      { id: 1, values: { ...base, 'ind10.k': p.k10 + p.dk10 } },
      { id: 2, values: { ...base, 'ind9.disparity_benchmark': p.bench + p.dBench } },
      { id: 3, values: { ...base, 'ind9.min_se': 20 + p.dMinSe } },
    ]);
    await decideStep(db, rc, ind9, cfg.params.values);
    await decideStep(db, rc, ind10, cfg.params.values);
    const t = await runOutput(db, rc, ind10, findOutput(ind10, 'triggers'), cfg.params.values, 'ind10_prop_triggers');
    const rows = await triggerRows(db, t);
    const of = (sc: number): Set<string> => new Set(rows.filter((r) => r.scenario === sc).map((r) => r.district));
    for (const sc of [1, 2, 3]) for (const d of of(sc)) expect(of(0).has(d), `scenario ${sc} adds ${d}`).toBe(true);
    for (const r of rows.filter((r) => r.scenario === 0).slice(0, 3)) expect(r.explanation).toBe(await expectedSentence(db, r.district, r.scenario));
  });

  it('the fixture flags districts at the defaults', async () => {
    await writeScenarios(db, cfg.catalog, [{ id: 0, values: cfg.params.values }]);
    await decideStep(db, runContext(cfg), ind9, cfg.params.values);
    await decideStep(db, runContext(cfg), ind10, cfg.params.values);
    const t = await runOutput(db, runContext(cfg), ind10, findOutput(ind10, 'triggers'), cfg.params.values, 'ind10_prop_triggers');
    expect((await triggerRows(db, t)).length).toBeGreaterThan(2);
  });
});

describe('from data files', () => {
  it('without reviews/ppp_reviews.csv: 9 and 10 not computed, 9.potential and 10.potential computed', async () => {
    const rows = [];
    // 22 served African American students with SLD and 3 White with autism, aged 10, in one district
    for (let i = 0; i < 22; i++) rows.push(studentA({ STUDENT_ID: `A${i}`, FIRST_NAME: `Aa${String.fromCharCode(65 + i)}`, ETHNICITY1: '600' }));
    for (let i = 0; i < 3; i++) rows.push(studentA({ STUDENT_ID: `W${i}`, FIRST_NAME: `Wh${String.fromCharCode(65 + i)}`, DISABILITY1: '320' }));
    const d = new DataDir()
      .districts([districtRow()])
      .tableA('2008-12', rows)
      .csv('enrollment/cbeds.csv', fullHeader('cbeds'), [
        { district: '0110017', year: '2008-09', group: 'AA', enrollment: '200' },
        { district: '0110017', year: '2008-09', group: 'WH', enrollment: '300' },
      ]);
    await withRun(testConfig(d.root, { only: ['10'] }), async (db, result) => {
      const s = Object.fromEntries(result.summary.filter((r) => r.indicator === '9' || r.indicator === '10').map((r) => [r.id, [r.numerator, r.denominator, r.status]]));
      // SE(d) = 25 > 20: evaluated. DI = 22/200 = 11 % − 3/300 = 1 % = 10 > 7.5. 9: A(AA) = 40, N = 25,
      // w = 8 × sqrt(40 × 60/25) = 78.4: inside. 10 (A from SE: 88/12): SLD N = 22 all AA: P = 100, w = 8 × sqrt(88 × 12/22)
      // = 55 → inside; autism all WH (N = 3): inside. Nothing is potentially disproportionate.
      expect(s).toEqual({
        '9.potential': [0, 1, 'computed'],
        '9': [null, null, 'not computed: missing reviews/ppp_reviews.csv'],
        '10.potential': [0, 1, 'computed'],
        '10': [null, null, 'not computed: missing reviews/ppp_reviews.csv'],
      });
      const dist = await db.all<{ disability: string; numerator: number; evaluated: boolean; value: number }>(
        `SELECT disability, numerator::INTEGER AS numerator, evaluated, value FROM ${outTable(ind10, 'districts')} WHERE numerator > 0 ORDER BY disability`,
      );
      expect(dist.map((r) => [r.disability, r.numerator, r.evaluated, r.value.toFixed(2)])).toEqual([
        ['290', 22, true, '10.00'],
        ['320', 3, true, '10.00'],
      ]);
    });
  });
});
