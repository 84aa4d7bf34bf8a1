import { fc, test as fcTest } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import type { Db } from '../../src/db.js';
import { findOutput, outputColumns, outTable } from '../../src/engine/indicator.js';
import { runContext, runIndicator } from '../../src/engine/run.js';
import { decideStep, runOutput } from '../../src/engine/runner.js';
import { writeScenarios } from '../../src/engine/scenarios.js';
import { DataDir, districtRow, fullHeader, studentA } from '../../test/helpers/fixture.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';
import { diDb, enrollment, type EnrSpec, fmt2, type SeSpec, served } from './fixture.js';

const ind9 = INDICATORS.find((i) => i.id === '9')!;
const PRESENT = new Set(['table_a@2008-12', 'cbeds', 'ppp_reviews']);

interface DistrictRow {
  district: string;
  numerator: number;
  denominator: number;
  value: number | null;
  evaluated: boolean;
  flagged: boolean;
  threshold: number;
  di_fails: boolean;
  over_groups: string | null;
  under_groups: string | null;
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

const W = '0000001'; // Attachment 9a's worked example
const D20 = '0000020'; // SE(d) exactly 20: not evaluated
const D21 = '0000021'; // SE(d) 21: evaluated, potentially disproportionate
const ONE = '0000003'; // one group with enrollment: no DI
const DI_ONLY = '0000004'; // DI fails, E-formula passes
const E_ONLY = '0000005'; // E-formula fails, DI passes
const SHARES = '0000006'; // FI/PI, MR/NR, records with no group
const EMPTY = '0000007'; // enrollment, no special education

/**
 * Edge fixture. Attachment 9a's district: GE 0.20/40.88/40.53/10.04/8.35 % of 10,000 and SE 0/27/32/14/7
 * of N = 80 (the percents 0.00/33.75/40.00/17.50/8.75 are multiples of 1/80).
 */
function edgeSpecs(): { se: SeSpec[]; enr: EnrSpec[] } {
  const se: SeSpec[] = [
    ...served(W, [0, 27, 32, 14, 7]),
    // D20: 15 AA + 4 WH + 1 without a group aged 6..22 = 20; none of the rest is counted
    ...served(D20, [0, 0, 0, 15, 4]),
    { district: D20, grp: null, n: 1 },
    { district: D20, grp: 'AA', n: 3, age: 5 },
    { district: D20, grp: 'AA', n: 2, age: 23 },
    { district: D20, grp: 'AA', n: 2, served: false },
    { district: D20, grp: 'AA', n: 1, undup: true },
    { district: D20, grp: 'AA', n: 2, period: '2009-06' },
    // D21: 14 AA aged 10, one aged 6, one aged 22 (16) + 4 WH + 1 without a group = 21
    ...served(D21, [0, 0, 0, 14, 4]),
    { district: D21, grp: 'AA', n: 1, age: 6 },
    { district: D21, grp: 'AA', n: 1, age: 22 },
    { district: D21, grp: null, n: 1 },
    ...served(ONE, [0, 0, 0, 50, 10]),
    ...served(DI_ONLY, [0, 0, 0, 100, 20]),
    ...served(E_ONLY, [11000, 0, 0, 0, 8000]),
    ...served(SHARES, [0, 40, 0, 0, 10]),
    { district: SHARES, grp: null, n: 50 },
  ];
  const enr: EnrSpec[] = [
    ...enrollment(W, [20, 4088, 4053, 1004, 835]),
    ...enrollment(D20, [0, 0, 0, 100, 900]),
    ...enrollment(D21, [0, 0, 0, 100, 900]),
    ...enrollment(ONE, [0, 0, 0, 500, 0]),
    ...enrollment(DI_ONLY, [0, 0, 0, 1000, 1000]),
    ...enrollment(E_ONLY, [100000, 0, 0, 0, 100000]),
    { district: SHARES, group: 'AS', enrollment: 300 },
    { district: SHARES, group: 'FI', enrollment: 100 },
    { district: SHARES, group: 'PI', enrollment: 100 },
    { district: SHARES, group: 'WH', enrollment: 500 },
    { district: SHARES, group: 'MR', enrollment: 1000 },
    { district: SHARES, group: 'NR', enrollment: 1000 },
    { district: SHARES, group: 'WH', enrollment: 999, year: '2007-08' },
    ...enrollment(EMPTY, [10, 10, 10, 10, 10]),
  ];
  return { se, enr };
}

async function districtRows(db: Db): Promise<DistrictRow[]> {
  return db.all<DistrictRow>(
    `SELECT district, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value, evaluated, flagged, threshold,
            di_fails, over_groups, under_groups FROM ${outTable(ind9, 'districts')} ORDER BY district`,
  );
}

async function triggerRows(db: Db, table = outTable(ind9, 'triggers')): Promise<TriggerRow[]> {
  return db.all<TriggerRow>(
    `SELECT scenario, district, value, threshold, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, explanation
     FROM ${table} ORDER BY scenario, district`,
  );
}

const NAMES: Record<string, string> = { AI: 'Native American', AS: 'Asian', HI: 'Hispanic', AA: 'African American', WH: 'White' };

/** Recomputes a trigger sentence from the district's decide rows (scenario 0). */
async function expectedSentence(db: Db, district: string, scenario = 0): Promise<string> {
  const d = (await db.one<{ di: number; high_label: string; high_risk: number; low_label: string; low_risk: number; benchmark: number; k: number }>(
    `SELECT di, high_label, high_risk, low_label, low_risk, benchmark, k FROM ind9_decide WHERE scenario = ${scenario} AND district = '${district}'`,
  ))!;
  const groups = await db.all<{ grp: string; p: number; e_min: number; e_max: number; over_rep: boolean; under_rep: boolean }>(
    `SELECT grp, p, e_min, e_max, over_rep, under_rep FROM ind9_group_decide WHERE scenario = ${scenario} AND district = '${district}' AND (over_rep OR under_rep) ORDER BY ord`,
  );
  const parts = groups.map((g) =>
    g.over_rep
      ? `${NAMES[g.grp]} over-represented (${fmt2(g.p)}% of special education vs at most ${fmt2(g.e_max)}%)`
      : `${NAMES[g.grp]} under-represented (${fmt2(g.p)}% of special education vs at least ${fmt2(g.e_min)}%)`,
  );
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Disparity index ${fmt2(d.di)} points (${d.high_label} ${fmt2(d.high_risk)}% vs ${d.low_label} ${fmt2(d.low_risk)}%) exceeds ${fmt2(d.benchmark)}, and the E-formula (k = ${d.k}) finds ${list}.`;
}

describe('indicator 9 — disproportionate representation', () => {
  let db: Db;
  beforeAll(async () => {
    const { se, enr } = edgeSpecs();
    db = await diDb(se, enr, [
      [D21, '9', '2008-09', 'N'],
      [D21, '9', '2008-09', 'Y'], // any Y: noncompliant
      [DI_ONLY, '9', '2008-09', 'Y'], // not potentially disproportionate: not in 9
      [ONE, '10', '2008-09', 'Y'], // indicator 10's review
    ]);
  });
  afterAll(() => db.close());

  it('Attachment 9a worked example (k = 1, N = 80): AA over (17.50 > 13.40), AS under (33.75 < 35.38), the rest inside', async () => {
    const cfg = testConfig('.', { only: ['9'], params: { 'ind9.k': '1', 'ind9.disparity_benchmark': '1' } });
    expect((await runIndicator(db, cfg, ind9, PRESENT)).status).toBe('computed');
    const g = await db.all<{ grp: string; a: number; p: number; e_min: number; e_max: number; over_rep: boolean; under_rep: boolean; n: number }>(
      `SELECT grp, a, p, e_min, e_max, over_rep, under_rep, n::INTEGER AS n FROM ind9_group_decide WHERE scenario = 0 AND district = '${W}' ORDER BY ord`,
    );
    // A = 100 × ENR/10,000, P = 100 × SE/80; E = A ± sqrt(A(100 − A)/80)
    // AA: 10.04 + sqrt(10.04 × 89.96 / 80) = 10.04 + 3.3600 = 13.40; AS: 40.88 − sqrt(40.88 × 59.12 / 80) = 40.88 − 5.4964 = 35.38
    // (the source prints 35.39); AI max 0.2 + 0.4995 = 0.70 (printed 0.69), min −0.30; HI 46.02/35.04; WH 11.44/5.26; AS max 46.38; AA min 6.68
    const expected: [string, number, number, number, number, boolean, boolean][] = [
      ['AI', 0.2, 0.0, -0.3, 0.7, false, false],
      ['AS', 40.88, 33.75, 35.38, 46.38, false, true],
      ['HI', 40.53, 40.0, 35.04, 46.02, false, false],
      ['AA', 10.04, 17.5, 6.68, 13.4, true, false],
      ['WH', 8.35, 8.75, 5.26, 11.44, false, false],
    ];
    expect(g.map((r) => r.grp)).toEqual(expected.map((e) => e[0]));
    for (const [i, [, a, p, min, max, over, under]] of expected.entries()) {
      const r = g[i]!;
      expect(r.n).toBe(80);
      expect(Math.abs(r.a - a)).toBeLessThan(1e-9);
      expect(Math.abs(r.p - p)).toBeLessThan(1e-9);
      expect(Math.abs(r.e_min - min), `${r.grp} min`).toBeLessThanOrEqual(0.01);
      expect(Math.abs(r.e_max - max), `${r.grp} max`).toBeLessThanOrEqual(0.01);
      expect([r.over_rep, r.under_rep], r.grp).toEqual([over, under]);
    }
    // AA 17.50 − 13.40 = 4.10 points above the maximum (Attachment 9a text)
    expect((g[3]!.p - g[3]!.e_max).toFixed(2)).toBe('4.10');
    // DI = AA 14/1,004 = 1.3944 % − AI 0/20 = 0 % = 1.39 > 1 and the E-formula fails: flagged, with its sentence
    const trig = (await triggerRows(db)).filter((t) => t.district === W);
    expect(trig).toHaveLength(1);
    expect(trig[0]!.explanation).toBe(
      'Disparity index 1.39 points (African American 1.39% vs Native American 0.00%) exceeds 1.00, and the E-formula (k = 1) finds ' +
        'Asian under-represented (33.75% of special education vs at least 35.38%) and African American over-represented (17.50% of special education vs at most 13.40%).',
    );
    expect([trig[0]!.numerator, trig[0]!.denominator, trig[0]!.threshold]).toEqual([80, 10000, 1]);
    expect(trig[0]!.value).toBeCloseTo((100 * 14) / 1004, 10);
    // every sentence of this run recomputed from its row's numbers
    const all = await triggerRows(db);
    expect(all.length).toBeGreaterThan(1);
    for (const t of all) expect(t.explanation, t.district).toBe(await expectedSentence(db, t.district));
  });

  it('districts/9.csv: min_se boundary, ages 6..22, no DI with one group, both tests needed, shares over the five groups', async () => {
    const cfg = testConfig('.', { only: ['9'] });
    await runIndicator(db, cfg, ind9, PRESENT);
    const rows = await districtRows(db);
    const pick = (r: DistrictRow) => [r.district, r.numerator, r.denominator, r.evaluated, r.flagged, r.threshold, r.di_fails, r.over_groups, r.under_groups];
    expect(rows.map(pick)).toEqual([
      // W at k = 8: w(AA) = 8 × 3.36 = 26.9, nothing outside; DI 1.39 ≤ 7.5
      [W, 80, 10000, true, false, 7.5, false, null, null],
      // ONE: only AA has enrollment → no DI (not identifiable), although the E-formula fails: WH (A = 0, w = 0,
      //   P = 10/60) over and AA (A = 100, w = 0, P = 50/60) under
      [ONE, 60, 500, true, false, 7.5, false, 'WH', 'AA'],
      // DI_ONLY: DI = 10 − 2 = 8 > 7.5; A = 50, N = 120, w = 8 × sqrt(2500/120) = 36.51: P 83.33 and 16.67 inside
      [DI_ONLY, 120, 2000, true, false, 7.5, true, null, null],
      // E_ONLY: DI = 11 − 8 = 3; A = 50, N = 19,000, w = 8 × sqrt(2500/19000) = 2.90: P(AI) = 57.89 over, P(WH) = 42.11 under
      [E_ONLY, 19000, 200000, true, false, 7.5, false, 'AI', 'WH'],
      // SHARES: AS = 300 + FI 100 + PI 100; MR, NR and the 2007-08 row left out; 50 records without a group
      // count in SE(d) = 100 but not in N = 50. DI = 8 − 2 = 6
      [SHARES, 50, 1000, true, false, 7.5, false, null, null],
      // EMPTY: no special education: SE(d) = 0, DI = 0 − 0
      [EMPTY, 0, 50, false, false, 7.5, false, null, null],
      // D20: SE(d) = 20 (ages 5 and 23, unserved, unduplicated and June records left out) is not > 20; N = 19
      //   its tests are shown (DI 15 − 0.44 = 14.56, AA over, WH under) but it cannot be flagged
      [D20, 19, 1000, false, false, 7.5, true, 'AA', 'WH'],
      // D21: SE(d) = 21 (ages 6 and 22 in), N = 20; DI = 16 − 0.44 = 15.56; A(AA) = 10, w = 8 × sqrt(900/20) = 53.67:
      //   P(AA) = 80 > 63.67 over, P(WH) = 20 < 36.33 under
      [D21, 20, 1000, true, true, 7.5, true, 'AA', 'WH'],
    ]);
    const value = Object.fromEntries(rows.map((r) => [r.district, r.value]));
    expect(value[W]).toBeCloseTo((100 * 14) / 1004, 10);
    expect(value[ONE]).toBeNull();
    expect(value[DI_ONLY]).toBeCloseTo(8, 10);
    expect(value[E_ONLY]).toBeCloseTo(3, 10);
    expect(value[SHARES]).toBeCloseTo(6, 10);
    expect(value[EMPTY]).toBe(0);
    expect(value[D20]).toBeCloseTo(15 - 400 / 900, 10);
    expect(value[D21]).toBeCloseTo(16 - 400 / 900, 10);
    // shares: A(AS) = 500/1000, P(AS) = 40/50
    const sh = await db.all<{ grp: string; enr: number; se: number; a: number; p: number }>(
      `SELECT grp, enr::INTEGER AS enr, se::INTEGER AS se, a, p FROM ind9_group_decide WHERE scenario = 0 AND district = '${SHARES}' AND grp IN ('AS', 'WH') ORDER BY ord`,
    );
    expect(sh).toEqual([
      { grp: 'AS', enr: 500, se: 40, a: 50, p: 80 },
      { grp: 'WH', enr: 500, se: 10, a: 50, p: 20 },
    ]);
    const se = await db.one<{ se_all: number; n: number }>(`SELECT se_all::INTEGER AS se_all, n::INTEGER AS n FROM ind9_dist WHERE district = '${SHARES}'`);
    expect(se).toEqual({ se_all: 100, n: 50 });

    // Only D21 fires; its sentence, worked out by hand
    const trig = await triggerRows(db);
    expect(trig.map((t) => [t.scenario, t.district, t.numerator, t.denominator, t.threshold])).toEqual([[0, D21, 20, 1000, 7.5]]);
    expect(trig[0]!.explanation).toBe(
      'Disparity index 15.56 points (African American 16.00% vs White 0.44%) exceeds 7.50, and the E-formula (k = 8) finds ' +
        'African American over-represented (80.00% of special education vs at most 63.67%) and White under-represented (20.00% of special education vs at least 36.33%).',
    );

    // Summary: evaluated W, ONE, DI_ONLY, E_ONLY, SHARES, D21 = 6; potential D21 = 1; its review has a Y → 9 = 1/6
    const sum = await db.all<{ id: string; numerator: number; denominator: number; value: number }>(
      `SELECT id, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind9, 'summary')} ORDER BY id`,
    );
    expect(sum.map((r) => [r.id, r.numerator, r.denominator, r.value.toFixed(4)])).toEqual([
      ['9', 1, 6, '16.6667'],
      ['9.potential', 1, 6, '16.6667'],
    ]);
    // only N rows, or a Y for another indicator, do not count; a Y in any row of indicator 9 does,
    // whatever its review_year (DATA-CONTRACT.md 4: "any of its rows has noncompliant = Y")
    await db.run(`DELETE FROM clean_ppp_reviews; INSERT INTO clean_ppp_reviews VALUES ('${D21}', '9', '2008-09', 'N'), ('${D21}', '10', '2008-09', 'Y')`);
    const t = await runOutput(db, runContext(cfg), ind9, findOutput(ind9, 'summary'), cfg.params.values);
    expect(await db.scalar(`SELECT numerator FROM ${t} WHERE id = '9'`)).toBe(0);
    await db.run(`INSERT INTO clean_ppp_reviews VALUES ('${D21}', '9', '2007-08', 'Y')`);
    const t2 = await runOutput(db, runContext(cfg), ind9, findOutput(ind9, 'summary'), cfg.params.values);
    expect(await db.scalar(`SELECT numerator FROM ${t2} WHERE id = '9'`)).toBe(1);

    for (const out of ind9.outputs) {
      const cols = await db.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${outTable(ind9, out)})`);
      const declared = outputColumns(out).map((c) => [c.name, c.type]);
      expect(cols.map((c) => [c.column_name, c.column_type]).slice(0, declared.length), out.name ?? out.kind).toEqual(declared);
    }
  });

  it('min_group_enrollment: a group below it leaves the DI; raising it to leave one group gives no DI', async () => {
    const cfg = testConfig('.', { only: ['9'] });
    await runIndicator(db, cfg, ind9, PRESENT);
    const values = cfg.params.values;
    await writeScenarios(db, cfg.catalog, [
      { id: 0, values },
      { id: 1, values: { ...values, 'ind9.min_group_enrollment': 1000 } },
      { id: 2, values: { ...values, 'ind9.min_group_enrollment': 1001 } },
    ]);
    await decideStep(db, runContext(cfg), ind9, values);
    const r = await db.all<{ scenario: number; risk_groups: number; di: number | null }>(
      `SELECT scenario, risk_groups::INTEGER AS risk_groups, di FROM ind9_decide WHERE district = '${DI_ONLY}' ORDER BY scenario`,
    );
    // DI_ONLY: AA and WH have 1,000 each: both in at 1 and 1,000 (≥), none at 1,001
    expect(r).toEqual([
      { scenario: 0, risk_groups: 2, di: 8 },
      { scenario: 1, risk_groups: 2, di: 8 },
      { scenario: 2, risk_groups: 0, di: null },
    ]);
    // W at 1,000: AS 4,088, HI 4,053, AA 1,004 stay, AI (20) and WH (835) leave: DI = AA 1.394 − AS 0.660
    const w = await db.one<{ di: number; low_label: string }>(`SELECT di, low_label FROM ind9_decide WHERE scenario = 1 AND district = '${W}'`);
    expect(w!.low_label).toBe('Asian');
    expect(w!.di).toBeCloseTo((100 * 14) / 1004 - (100 * 27) / 4088, 10);
  });
});

describe('Tables 9a and 9b — statewide figures of the source', () => {
  it('reproduces Table 9a (SE of every age, FI/PI in Asian) and the E-formula bounds of Table 9b (k = 8)', async () => {
    const A = '0100001';
    const B = '0100002';
    // 678,105 served December records in five groups, some of them outside ages 6..22
    const se: SeSpec[] = [
      { district: A, grp: 'AI', n: 5000 },
      { district: B, grp: 'AI', n: 800, age: 4 },
      { district: A, grp: 'AI', n: 96, age: 24 },
      { district: A, grp: 'AS', n: 46000 },
      { district: B, grp: 'AS', n: 351, age: 3 },
      { district: A, grp: 'HI', n: 300000 },
      { district: B, grp: 'HI', n: 33346, age: 22 },
      { district: A, grp: 'AA', n: 74000 },
      { district: A, grp: 'AA', n: 64, age: 25 },
      { district: B, grp: 'WH', n: 218448, age: 15 },
      // not counted: no group, not served, June, unduplicated
      { district: A, grp: null, n: 10000 },
      { district: A, grp: 'AA', n: 5000, served: false },
      { district: A, grp: 'AA', n: 3000, period: '2009-06' },
      { district: B, grp: 'WH', n: 2000, undup: true },
    ];
    const enr: EnrSpec[] = [
      { district: A, group: 'AI', enrollment: 40000 },
      { district: B, group: 'AI', enrollment: 6446 },
      { district: A, group: 'AS', enrollment: 700000 },
      { district: A, group: 'FI', enrollment: 30000 },
      { district: B, group: 'PI', enrollment: 4025 },
      { district: A, group: 'HI', enrollment: 3000000 },
      { district: B, group: 'HI', enrollment: 64614 },
      { district: A, group: 'AA', enrollment: 454781 },
      { district: B, group: 'WH', enrollment: 1741664 },
      { district: A, group: 'MR', enrollment: 100000 },
      { district: B, group: 'NR', enrollment: 5000 },
      { district: A, group: 'AA', enrollment: 99999, year: '2007-08' },
    ];
    const db = await diDb(se, enr);
    try {
      await runIndicator(db, testConfig('.', { only: ['9'] }), ind9, PRESENT);
      const a = await db.all<{ group: string; general_enrollment: number; special_education: number; risk: number | null; di_position: string | null; disparity_index: number | null }>(
        `SELECT "group", general_enrollment::INTEGER AS general_enrollment, special_education::INTEGER AS special_education, risk, di_position, disparity_index FROM ${outTable(ind9, 'table-9a')}`,
      );
      // SEED-FIGURES rows 144-154
      expect(a.map((r) => [r.group, r.general_enrollment, r.special_education, r.risk?.toFixed(1) ?? null, r.di_position])).toEqual([
        ['AI', 46446, 5896, '12.7', null],
        ['AS', 734025, 46351, '6.3', 'low'],
        ['HI', 3064614, 333346, '10.9', null],
        ['AA', 454781, 74064, '16.3', 'high'],
        ['WH', 1741664, 218448, '12.5', null],
        ['total', 6041530, 678105, '11.2', null],
        ['disparity_index', null, null, null, null],
      ]);
      // DI = 16.2856 − 6.3146 = 9.9710 (printed 10.0)
      expect(a[6]!.disparity_index!.toFixed(4)).toBe('9.9710');
      expect(a[6]!.disparity_index!.toFixed(1)).toBe('10.0');

      const b = await db.all<{ group: string; ge_percent: number; se_percent: number; e_min: number; e_max: number; over_represented: boolean; under_represented: boolean; special_education_total: number }>(
        `SELECT "group", ge_percent, se_percent, e_min, e_max, over_represented, under_represented, special_education_total::INTEGER AS special_education_total FROM ${outTable(ind9, 'table-9b')}`,
      );
      // SEED-FIGURES rows 155-159: A, P, [min, max] with N = 678,105, k = 8; AA, AI, WH over, AS, HI under
      expect(b.map((r) => [r.group, r.ge_percent.toFixed(4), r.se_percent.toFixed(4), r.e_min.toFixed(4), r.e_max.toFixed(4), r.over_represented, r.under_represented])).toEqual([
        ['AI', '0.7688', '0.8695', '0.6839', '0.8536', true, false],
        ['AS', '12.1497', '6.8354', '11.8323', '12.4670', false, true],
        ['HI', '50.7258', '49.1585', '50.2401', '51.2115', false, true],
        ['AA', '7.5276', '10.9222', '7.2713', '7.7839', true, false],
        ['WH', '28.8282', '32.2145', '28.3881', '29.2682', true, false],
      ]);
      expect(new Set(b.map((r) => r.special_education_total))).toEqual(new Set([678105]));
    } finally {
      db.close();
    }
  });
});

describe('from data files', () => {
  it('ages on December 1 from birthdates, cbeds codes, reviews: 9.potential and 9 with their columns', async () => {
    const D = '0110017';
    const rows = [];
    // 20 African American students aged 10 + one aged 22 on 2008-12-01 (born 1986-12-01) = 21 > 20;
    // one born 2004-12-02 (3) is not counted; 4 White students aged 10 (a 23-year-old is rejected by E115)
    for (let i = 0; i < 20; i++) rows.push(studentA({ STUDENT_ID: `A${i}`, FIRST_NAME: `Aa${String.fromCharCode(65 + i)}`, ETHNICITY1: '600' }));
    rows.push(studentA({ STUDENT_ID: 'A22', FIRST_NAME: 'Old', ETHNICITY1: '600', BIRTHDATE: '1986-12-01', GRADE: '13' }));
    rows.push(studentA({ STUDENT_ID: 'A04', FIRST_NAME: 'Young', ETHNICITY1: '600', BIRTHDATE: '2004-12-02', GRADE: '17', FEDSET_SCH: '', IN_REGCLS: '', FEDSET_PRS: '100' }));
    for (let i = 0; i < 4; i++) rows.push(studentA({ STUDENT_ID: `W${i}`, FIRST_NAME: `Wh${String.fromCharCode(65 + i)}`, ETHNICITY1: '700' }));
    const d = new DataDir()
      .districts([districtRow()])
      .tableA('2008-12', rows)
      .csv('enrollment/cbeds.csv', fullHeader('cbeds'), [
        { district: D, year: '2008-09', group: 'AA', enrollment: '100' },
        { district: D, year: '2008-09', group: 'WH', enrollment: '800' },
        { district: D, year: '2008-09', group: 'PI', enrollment: '100' },
        { district: D, year: '2008-09', group: 'MR', enrollment: '500' },
      ])
      .csv('reviews/ppp_reviews.csv', fullHeader('ppp_reviews'), [{ district: D, indicator: '9', review_year: '2008-09', noncompliant: 'Y', item_no: '', findings: '' }]);
    await withRun(testConfig(d.root, { only: ['9'] }), async (db, result) => {
      expect(await db.all(`SELECT file, code, message FROM rejects WHERE severity = 'error'`)).toEqual([]);
      // SE(d) = N = 21 AA (20 aged 10, one aged 22) + 4 WH = 25; ΣENR = AA 100 + WH 800 + AS 100 (PI) = 1000 (MR out)
      // risks: AA 21 %, WH 0.5 %, AS 0 % → DI = 21 > 7.5; A(AA) = 10, w = 8 × sqrt(10 × 90/25) = 48 → max 58 < P(AA) = 84: over.
      // WH exactly on its bound: A = 80, w = 8 × sqrt(80 × 20/25) = 64 → min 16 = P(WH) 4/25: not under (strict)
      const dist = await districtRows(db);
      expect(dist.map((r) => [r.district, r.numerator, r.denominator, r.evaluated, r.flagged, r.di_fails, r.over_groups, r.under_groups])).toEqual([
        [D, 25, 1000, true, true, true, 'AA', null],
      ]);
      expect(dist[0]!.value).toBeCloseTo(21, 10);
      const s = Object.fromEntries(result.summary.filter((r) => r.indicator === '9').map((r) => [r.id, [r.numerator, r.denominator, r.display, r.status, r.target_met]]));
      expect(s).toEqual({ '9.potential': [1, 1, '100%', 'computed', ''], '9': [1, 1, '100%', 'computed', 'no'] });
      for (const out of ind9.outputs) {
        const cols = await db.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${outTable(ind9, out)})`);
        const declared = outputColumns(out).map((c) => [c.name, c.type]);
        expect(cols.map((c) => [c.column_name, c.column_type]).slice(0, declared.length), out.name ?? out.kind).toEqual(declared);
      }
    });
  });
});

describe('property: raising a cut point never adds a district', () => {
  let db: Db;
  const cfg = testConfig('.', { only: ['9'] });
  beforeAll(async () => {
    // 30 districts with varied enrollment and risks (a fixed linear congruential sequence)
    let x = 12345;
    const rnd = (m: number): number => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x % m;
    };
    const se: SeSpec[] = [];
    const enr: EnrSpec[] = [];
    for (let d = 0; d < 30; d++) {
      const code = `09${String(d).padStart(5, '0')}`;
      const ge = [rnd(60), rnd(800), rnd(1500), rnd(400), rnd(1500)];
      enr.push(...enrollment(code, ge));
      se.push(...served(code, ge.map((g) => Math.round((g * (2 + rnd(22))) / 100))));
      se.push({ district: code, grp: null, n: rnd(8) });
    }
    db = await diDb(se, enr);
    await runIndicator(db, cfg, ind9, PRESENT);
  });
  afterAll(() => db.close());

  fcTest.prop(
    [
      fc.record({
        k: fc.integer({ min: 0, max: 40 }).map((v) => v / 4),
        bench: fc.integer({ min: 0, max: 60 }).map((v) => v / 4),
        minSe: fc.integer({ min: 0, max: 120 }),
        dk: fc.integer({ min: 0, max: 20 }).map((v) => v / 4),
        dBench: fc.integer({ min: 0, max: 20 }).map((v) => v / 4),
        dMinSe: fc.integer({ min: 0, max: 60 }),
      }),
    ],
    { numRuns: 25 },
  )('ind9.k, ind9.disparity_benchmark, ind9.min_se', async (p) => {
    const values = cfg.params.values;
    const base = { ...values, 'ind9.k': p.k, 'ind9.disparity_benchmark': p.bench, 'ind9.min_se': p.minSe };
    await writeScenarios(db, cfg.catalog, [
      { id: 0, values: base },
      { id: 1, values: { ...base, 'ind9.k': p.k + p.dk } },
      { id: 2, values: { ...base, 'ind9.disparity_benchmark': p.bench + p.dBench } },
      { id: 3, values: { ...base, 'ind9.min_se': p.minSe + p.dMinSe } },
      { id: 4, values: { ...base, 'ind9.k': p.k + p.dk, 'ind9.disparity_benchmark': p.bench + p.dBench, 'ind9.min_se': p.minSe + p.dMinSe } },
    ]);
    await decideStep(db, runContext(cfg), ind9, values);
    const t = await runOutput(db, runContext(cfg), ind9, findOutput(ind9, 'triggers'), values, 'ind9_prop_triggers');
    const rows = await db.all<{ scenario: number; district: string }>(`SELECT scenario, district FROM ${t}`);
    const of = (s: number): Set<string> => new Set(rows.filter((r) => r.scenario === s).map((r) => r.district));
    const baseSet = of(0);
    for (const s of [1, 2, 3, 4]) for (const d of of(s)) expect(baseSet.has(d), `scenario ${s} adds ${d}`).toBe(true);
  });

  it('the fixture flags districts at the defaults, and each sentence matches its row', async () => {
    await writeScenarios(db, cfg.catalog, [{ id: 0, values: cfg.params.values }]);
    await decideStep(db, runContext(cfg), ind9, cfg.params.values);
    const t = await runOutput(db, runContext(cfg), ind9, findOutput(ind9, 'triggers'), cfg.params.values, 'ind9_prop_triggers');
    const rows = await triggerRows(db, t);
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) {
      expect(r.explanation).toBe(await expectedSentence(db, r.district));
      const d = await db.one<{ n: number; enr_total: number; di: number }>(`SELECT n::INTEGER AS n, enr_total::INTEGER AS enr_total, di FROM ind9_decide WHERE scenario = 0 AND district = '${r.district}'`);
      expect([r.numerator, r.denominator, r.value, r.threshold]).toEqual([d!.n, d!.enr_total, d!.di, 7.5]);
    }
  });
});
