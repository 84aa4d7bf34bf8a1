import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import type { Db } from '../../src/db.js';
import { outTable } from '../../src/engine/indicator.js';
import { runContext, runIndicator } from '../../src/engine/run.js';
import { decideStep, runOutput } from '../../src/engine/runner.js';
import { writeScenarios } from '../../src/engine/scenarios.js';
import { runSqlFile, emptyBinding } from '../../src/sqlfile.js';
import { DataDir, districtRow, requiredHeader, studentA } from '../../test/helpers/fixture.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';
import { type Act, aggregateDb, emptyDb, recordsDb, type Stu } from './fixture.js';

const ind4 = INDICATORS.find((i) => i.id === '4A')!;
// The profile sets ind4.data_year_offset = -1: data year 2007-08, JUN = 2008-06-30.
const JUNE = new Set(['table_a@2008-06', 'table_c@2008-06']);

interface Trig {
  scenario: number;
  district: string;
  value: number;
  threshold: number;
  numerator: number;
  denominator: number;
  explanation: string;
}

async function summary(db: Db): Promise<Record<string, [number, number, number | null]>> {
  const rows = await db.all<{ id: string; numerator: number; denominator: number; value: number | null }>(
    `SELECT id, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind4, 'summary')} ORDER BY id`,
  );
  return Object.fromEntries(rows.map((r) => [r.id, [r.numerator, r.denominator, r.value]]));
}

async function triggers(db: Db): Promise<Trig[]> {
  return db.all<Trig>(
    `SELECT scenario, district, value, threshold, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, explanation
     FROM ${outTable(ind4, 'triggers')} ORDER BY scenario, district`,
  );
}

/** The sentence of a fixed-bar trigger, rebuilt from its row's numbers. */
function fixedSentence(t: Trig, days = '10'): string {
  const rate = (100 * t.numerator) / t.denominator;
  return `${t.numerator} of ${t.denominator} students (${rate.toFixed(2)}%) were suspended or expelled for more than ${days} days; the bar is ${t.threshold.toFixed(2)}% (fixed).`;
}

describe('indicator 4A — suspension/expulsion over 10 days', () => {
  it('reproduces the seed: 95 / 895 = 10.6 %, statewide 5,776 / 862,838 = 0.67 %', async () => {
    // 95 districts of 200 with 3 over (1.5 % > 1 %): N 19,000, n 285.
    // 10 districts of 19 with 1 over (5.3 %, but N < 20: not evaluated): N 190, n 10.
    // 1 district of 1,502 with 15 over (0.999 % ≤ 1 %).
    // 672 districts of 1,054 with 7 over and 127 of 1,054 with 6 (≤ 0.67 %): N 842,146, n 5,466.
    // Evaluated 95 + 1 + 672 + 127 = 895, discrepant 95: 95 / 895 = 10.61 %.
    // ΣN = 19,000 + 190 + 1,502 + 842,146 = 862,838; Σn = 285 + 10 + 15 + 5,466 = 5,776: 0.669 %.
    const db = await aggregateDb(`
      SELECT printf('A%04d', i), 200, 3, 'WH' FROM range(95) t(i)
      UNION ALL SELECT printf('B%04d', i), 19, 1, 'HI' FROM range(10) t(i)
      UNION ALL SELECT 'C0000', 1502, 15, 'AA'
      UNION ALL SELECT printf('D%04d', i), 1054, 7, 'AS' FROM range(672) t(i)
      UNION ALL SELECT printf('E%04d', i), 1054, 6, NULL FROM range(127) t(i)`);
    try {
      // Records outside the population, with over-10-day actions: not served (7), aged 23 on
      // 2008-06-30 (11), a December record (13): none counts in N or n.
      await db.run(`
        INSERT INTO students SELECT '2008-06', true, false, false, 'A0000', '0101', 'ns-' || range, DATE '2000-01-01', 'WH' FROM range(7);
        INSERT INTO students SELECT '2008-06', true, true, false, 'A0000', '0101', 'old-' || range, DATE '1985-06-30', 'WH' FROM range(11);
        INSERT INTO students SELECT '2007-12', false, true, false, 'A0000', '0101', 'dec-' || range, DATE '2000-01-01', 'WH' FROM range(13);
        INSERT INTO clean_table_c SELECT '2008-06', '0101', id, DATE '2007-10-15', '20', 30
          FROM (SELECT 'ns-' || range AS id FROM range(7) UNION ALL SELECT 'old-' || range FROM range(11) UNION ALL SELECT 'dec-' || range FROM range(13));
      `);
      const cfg = testConfig('.', { only: ['4A'] });
      expect((await runIndicator(db, cfg, ind4, JUNE)).status).toBe('computed');
      const s = await summary(db);
      expect(s['4A']!.slice(0, 2)).toEqual([95, 895]);
      expect(s['4A']![2]!.toFixed(1)).toBe('10.6');
      expect(s['4A.state_rate']!.slice(0, 2)).toEqual([5776, 862838]);
      expect(s['4A.state_rate']![2]!.toFixed(2)).toBe('0.67');
      const t = await triggers(db);
      expect(t).toHaveLength(95);
      expect(t.every((r) => r.district.startsWith('A') && r.numerator === 3 && r.denominator === 200 && r.threshold === 1)).toBe(true);
      // Each sentence recomputed from its row: "3 of 200 students (1.50%) …; the bar is 1.00% (fixed)."
      for (const r of t) expect(r.explanation).toBe(fixedSentence(r));
      expect(t[0]!.explanation).toBe('3 of 200 students (1.50%) were suspended or expelled for more than 10 days; the bar is 1.00% (fixed).');
      const d = await db.one<{ n: number; ev: number; fl: number }>(
        `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE evaluated)::INTEGER AS ev, count(*) FILTER (WHERE flagged)::INTEGER AS fl FROM ${outTable(ind4, 'districts')}`,
      );
      expect(d).toEqual({ n: 905, ev: 895, fl: 95 });
    } finally {
      db.close();
    }
  });

  describe('which students count', () => {
    const E = '0110017';
    const F = '0110025';
    const students: Stu[] = [
      ...['e01', 'e02', 'e03', 'e04', 'e05', 'e06', 'e07', 'e08', 'e09', 'e10', 'e11'].map((id) => ({ district: E, id })),
      { district: E, id: 'e12', birth: '1986-06-30' }, // 22 on 2008-06-30: in
      { district: E, id: 'e13', birth: '1985-06-30' }, // 23 on 2008-06-30: out
      { district: E, id: 'e14', served: false }, // not served: out
      ...[15, 16, 17, 18, 19, 20, 21, 22].map((k) => ({ district: E, id: `e${k}` })),
      { district: F, id: 'e02', selpa: '0202' }, // the same STUDENT_ID in another SELPA and district
      { district: E, id: 'x1', period: '2007-12' }, // December: out
      { district: E, id: 'x2', period: '2009-06' }, // June of another year: out
    ];
    const actions: Act[] = [
      { id: 'e01', type: '20', days: 5.5, date: '2007-10-01' }, // 5.5 + 5 = 10.5 > 10
      { id: 'e01', type: '10', days: 5, date: '2007-11-01' },
      { id: 'e02', type: '20', days: 10 }, // exactly 10: not over
      { id: 'e03', type: '20', days: 0.8 }, // 0.8 + 7.4 + 1.8 = 10 exactly (10.000000000000002 in floating point): not over
      { id: 'e03', type: '20', days: 7.4 },
      { id: 'e03', type: '20', days: 1.8 },
      { id: 'e04', type: '30', days: null }, // expulsion, blank days: over
      { id: 'e05', type: '40', days: 20 }, // interim setting: not a counted type
      { id: 'e06', type: '20', days: 11, date: '2007-06-30' }, // before the data year
      { id: 'e07', type: '20', days: 11, date: '2008-07-01' }, // after the data year
      { id: 'e08', type: '20', days: 11, date: '2007-07-01' }, // first day: over
      { id: 'e09', type: '20', days: 11, date: '2008-06-30' }, // last day: over
      { id: 'e10', type: '10', days: 4, date: '2007-09-01' }, // 4 + 4 + 3 = 11 over the year: over
      { id: 'e10', type: '20', days: 4, date: '2008-01-10' },
      { id: 'e10', type: '20', days: 3, date: '2008-03-02' },
      { id: 'e11', type: '30', days: 12 }, // expulsion of 12 days: over
      { id: 'e12', type: '20', days: 11 },
      { id: 'e13', type: '20', days: 11 },
      { id: 'e14', type: '20', days: 11 },
      { id: 'e02', type: '20', days: 11, selpa: '0202' }, // F's student, not E's e02
      { id: 'x2', type: '20', days: 11, period: '2009-06', date: '2008-10-01' },
    ];

    async function run(params: Record<string, string>): Promise<{ db: Db; rows: Record<string, [number, number, boolean, boolean]> }> {
      const db = await recordsDb(students, actions);
      await runIndicator(db, testConfig('.', { only: ['4A'], params }), ind4, JUNE);
      const ds = await db.all<{ district: string; numerator: number; denominator: number; evaluated: boolean; flagged: boolean }>(
        `SELECT district, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, evaluated, flagged FROM ${outTable(ind4, 'districts')}`,
      );
      return { db, rows: Object.fromEntries(ds.map((d) => [d.district, [d.numerator, d.denominator, d.evaluated, d.flagged]])) };
    }

    it('types, dates, half days, blank expulsions, sums over the year, SELPA + STUDENT_ID join, ages', async () => {
      const { db, rows } = await run({});
      try {
        // E: N = e01..e12 + e15..e22 = 20 (e13 is 23, e14 not served); n = e01, e04, e08, e09, e10, e11, e12 = 7.
        // N = 20 = ind4.min_n: evaluated. F: N = 1 (its e02 with 11 days): 100 %, but not evaluated nor flagged.
        expect(rows[E]).toEqual([7, 20, true, true]);
        expect(rows[F]).toEqual([1, 1, false, false]);
        const t = await triggers(db);
        expect(t.map((r) => r.district)).toEqual([E]);
        expect(t[0]!.explanation).toBe('7 of 20 students (35.00%) were suspended or expelled for more than 10 days; the bar is 1.00% (fixed).');
        expect(t[0]!.explanation).toBe(fixedSentence(t[0]!));
        const list = await db.all<Record<string, unknown>>(
          `SELECT district, student_id, selpa, days_total, actions, expulsion, expulsion_days_blank, strftime(first_action, '%Y-%m-%d') AS first, strftime(last_action, '%Y-%m-%d') AS last FROM ${outTable(ind4, '4A')}`,
        );
        expect(list.map((r) => [r.district, r.student_id, r.selpa, r.days_total, r.actions, r.expulsion, r.expulsion_days_blank])).toEqual([
          [E, 'e01', '0101', 10.5, 2, false, false],
          [E, 'e04', '0101', 0, 1, true, true],
          [E, 'e08', '0101', 11, 1, false, false],
          [E, 'e09', '0101', 11, 1, false, false],
          [E, 'e10', '0101', 11, 3, false, false],
          [E, 'e11', '0101', 12, 1, true, false],
          [E, 'e12', '0101', 11, 1, false, false],
          [F, 'e02', '0202', 11, 1, false, false],
        ]);
        expect([list[0]!.first, list[0]!.last]).toEqual(['2007-10-01', '2007-11-01']);
        expect(Object.keys(list[0]!)).not.toContain('birthdate');
        const s = await summary(db);
        // 4A: 1 discrepant of 1 evaluated; state: (7 + 1) / (20 + 1).
        expect(s['4A']).toEqual([1, 1, 100]);
        expect(s['4A.state_rate']!.slice(0, 2)).toEqual([8, 21]);
      } finally {
        db.close();
      }
    });

    it('ind4.dspl_types, ind4.days and ind4.max_age change who counts', async () => {
      // Only out-of-school suspensions (20): e01 5.5, e04 and e11 (expulsions) out, e10 4 + 3 = 7: n = e08, e09, e12 = 3.
      let r = await run({ 'ind4.dspl_types': '20' });
      expect(r.rows[E]).toEqual([3, 20, true, true]);
      r.db.close();
      // More than 10.5 days: e01 (exactly 10.5) drops out: n = 6; the sentence says "10.5 days".
      r = await run({ 'ind4.days': '10.5' });
      try {
        expect(r.rows[E]).toEqual([6, 20, true, true]);
        const t = await triggers(r.db);
        expect(t[0]!.explanation).toBe(fixedSentence(t[0]!, '10.5'));
      } finally {
        r.db.close();
      }
      // Birth through 21: e12 (22) leaves N = 19 < 20: not evaluated, not flagged.
      r = await run({ 'ind4.max_age': '21' });
      expect(r.rows[E]).toEqual([6, 19, false, false]);
      r.db.close();
    });
  });

  it('every bar method; a rate exactly at the bar is not discrepant; N below min_n is not evaluated', async () => {
    // ΣN = 100 + 100 + 50 + 100 + 19 + 631 = 1,000, Σn = 2 + 1 + 3 + 5 + 9 + 0 = 20: statewide 2 %.
    // Rates: A 2 %, B 1 %, C 6 %, F 5 %, D 47 % (N 19: not evaluated at min_n 20), E 0 %.
    const db = await aggregateDb(`VALUES ('A', 100, 2, 'WH'), ('B', 100, 1, 'WH'), ('C', 50, 3, 'WH'), ('F', 100, 5, 'WH'), ('D', 19, 9, 'WH'), ('E', 631, 0, 'WH')`);
    try {
      const cfg = testConfig('.', { only: ['4A'] });
      await runIndicator(db, cfg, ind4, JUNE);
      // Baseline (fixed 1 %): A, C, F; B exactly at 1 % is not; D not evaluated. 3 of 5 evaluated.
      expect((await summary(db))['4A']).toEqual([3, 5, 60]);
      const flags = await db.all<{ district: string; evaluated: boolean; flagged: boolean; threshold: number }>(
        `SELECT district, evaluated, flagged, threshold FROM ${outTable(ind4, 'districts')} ORDER BY district`,
      );
      expect(flags.map((f) => [f.district, f.evaluated, f.flagged])).toEqual([
        ['A', true, true],
        ['B', true, false],
        ['C', true, true],
        ['D', false, false],
        ['E', true, false],
        ['F', true, true],
      ]);
      const base = cfg.params.values;
      const grid: [string, Record<string, unknown>, string[]][] = [
        ['fixed 1', {}, ['A', 'C', 'F']],
        ['fixed 5', { 'ind4.bar': 5 }, ['C']], // F exactly at 5 %
        ['fixed 1, min_n 19', { 'ind4.min_n': 19 }, ['A', 'C', 'D', 'F']],
        ['state_rate', { 'ind4.bar_method': 'state_rate' }, ['C', 'F']], // bar 2 %: A exactly at it
        ['state_rate × 2', { 'ind4.bar_method': 'state_rate_multiple' }, ['C', 'F']], // bar 4 %
        ['state_rate × 2.5', { 'ind4.bar_method': 'state_rate_multiple', 'ind4.multiple': 2.5 }, ['C']], // bar 5 %: F at it
        ['rate_ratio 2', { 'ind4.bar_method': 'rate_ratio' }, ['C', 'F']], // ratios A 1, B 0.5, C 3, F 2.5
        ['rate_ratio 2.5', { 'ind4.bar_method': 'rate_ratio', 'ind4.rate_ratio': 2.5 }, ['C']], // F at 2.5
        ['rate_ratio 3', { 'ind4.bar_method': 'rate_ratio', 'ind4.rate_ratio': 3 }, []], // C at 3
      ];
      await writeScenarios(db, cfg.catalog, grid.map(([, v], i) => ({ id: i + 1, values: { ...base, ...v } })));
      await decideStep(db, runContext(cfg), ind4, base);
      await runOutput(db, runContext(cfg), ind4, ind4.outputs.find((o) => o.kind === 'triggers')!, base);
      const t = await triggers(db);
      grid.forEach(([name, , want], i) => expect(t.filter((r) => r.scenario === i + 1).map((r) => r.district), name).toEqual(want));
      // Thresholds and sentences: the bar of each method in percent.
      const th = (sc: number) => t.find((r) => r.scenario === sc)!;
      expect(th(4).threshold).toBeCloseTo(2, 12);
      expect(th(5).threshold).toBeCloseTo(4, 12);
      expect(th(7).threshold).toBeCloseTo(4, 12);
      expect(th(4).explanation).toBe('3 of 50 students (6.00%) were suspended or expelled for more than 10 days; the bar is 2.00% (the statewide rate).');
      expect(th(6).explanation).toBe('3 of 50 students (6.00%) were suspended or expelled for more than 10 days; the bar is 5.00% (2.50 × the statewide rate of 2.00%).');
      expect(th(7).explanation).toBe('3 of 50 students (6.00%) were suspended or expelled for more than 10 days; the bar is 4.00% (2.00 times the statewide rate of 2.00%).');
      for (const r of t) {
        expect(r.value).toBeGreaterThan(r.threshold);
        expect(r.explanation.startsWith(`${r.numerator} of ${r.denominator} students (${((100 * r.numerator) / r.denominator).toFixed(2)}%)`)).toBe(true);
        expect(r.explanation).toContain(`the bar is ${r.threshold.toFixed(2)}%`);
      }
    } finally {
      db.close();
    }
  });

  describe('property: raising ind4.bar or ind4.min_n never adds a district to the 4A triggers', () => {
    const cfg = testConfig('.', { only: ['4A'] });
    const district = fc.integer({ min: 0, max: 60 }).chain((pop) => fc.record({ pop: fc.constant(pop), n: fc.integer({ min: 0, max: pop }) }));
    const scenario = fc.record({
      method: fc.constantFrom('fixed', 'state_rate', 'state_rate_multiple', 'rate_ratio'),
      bar: fc.integer({ min: 0, max: 2000 }).map((x) => x / 100),
      minN: fc.integer({ min: 0, max: 40 }),
      multiple: fc.integer({ min: 0, max: 400 }).map((x) => x / 100),
      ratio: fc.integer({ min: 0, max: 400 }).map((x) => x / 100),
      dBar: fc.integer({ min: 0, max: 1000 }).map((x) => x / 100),
      dMin: fc.integer({ min: 0, max: 30 }),
    });
    test.prop([fc.array(district, { minLength: 1, maxLength: 12 }), fc.array(scenario, { minLength: 1, maxLength: 4 })], { numRuns: 25 })(
      'subsets',
      async (districts, scenarios) => {
        const db = await emptyDb();
        try {
          await runSqlFile(db, new URL('macros.sql', ind4.dir), emptyBinding(), 'macros.sql');
          await db.run(`CREATE TEMP TABLE ind4_agg (district VARCHAR, pop BIGINT, n BIGINT)`);
          await db.appendRows('ind4_agg', districts.map((d, i) => [`D${i}`, d.pop, d.n]));
          await db.run(`CREATE TEMP TABLE ind4_state AS SELECT coalesce(sum(n), 0)::BIGINT AS n, coalesce(sum(pop), 0)::BIGINT AS pop FROM ind4_agg`);
          // Per generated scenario four rows: base, bar raised, min_n raised, both raised.
          const rows = scenarios.flatMap((s, k) =>
            [
              [0, 0],
              [s.dBar, 0],
              [0, s.dMin],
              [s.dBar, s.dMin],
            ].map(([db_, dm], j) => ({
              id: 4 * k + j,
              values: {
                ...cfg.params.values,
                'ind4.bar_method': s.method,
                'ind4.bar': s.bar + db_!,
                'ind4.min_n': s.minN + dm!,
                'ind4.multiple': s.multiple,
                'ind4.rate_ratio': s.ratio,
              },
            })),
          );
          await writeScenarios(db, cfg.catalog, rows);
          await decideStep(db, runContext(cfg), ind4, cfg.params.values);
          await runOutput(db, runContext(cfg), ind4, ind4.outputs.find((o) => o.kind === 'triggers')!, cfg.params.values);
          const t = await triggers(db);
          const set = (id: number) => new Set(t.filter((r) => r.scenario === id).map((r) => r.district));
          for (let k = 0; k < scenarios.length; k++) {
            const [base, bar, min, both] = [0, 1, 2, 3].map((j) => set(4 * k + j));
            for (const d of bar!) expect(base!.has(d)).toBe(true);
            for (const d of min!) expect(base!.has(d)).toBe(true);
            for (const d of both!) expect(bar!.has(d) && min!.has(d)).toBe(true);
          }
        } finally {
          db.close();
        }
      },
    );
  });

  it('Table 4a: findings per compliance-test item of the 4A reviews, most first (seed column: 65, 63, 58, … sum 1,120)', async () => {
    const seed = [65, 63, 58, 57, 57, 57, 56, 55, 54, 54, 54, 52, 50, 43, 42, 39, 35, 31, 29, 27, 27, 26, 25, 23, 21, 20];
    const db = await recordsDb([{ district: 'X', id: 's' }], []);
    try {
      // Item k (1..26) gets seed[k-1] districts with 1 finding each, plus one district reviewed without
      // findings; a 4B row with an item and a 4A row without one stay out.
      await db.run(`
        INSERT INTO clean_ppp_reviews
        SELECT printf('%07d', d), '4A', '2008-09', 'Y', (k + 1)::VARCHAR, 1
        FROM (SELECT unnest(range(26)) AS k, unnest([${seed.join(', ')}]) AS f), range(f) r(d);
        INSERT INTO clean_ppp_reviews SELECT '9999999', '4A', '2008-09', 'N', (k + 1)::VARCHAR, 0 FROM range(26) t(k);
        INSERT INTO clean_ppp_reviews VALUES ('9999998', '4B', '2008-09', 'Y', '1', 40), ('9999997', '4A', '2008-09', 'Y', NULL, 7);
      `);
      await runIndicator(db, testConfig('.', { only: ['4A'] }), ind4, new Set([...JUNE, 'ppp_reviews']));
      const rows = await db.all<{ item_no: string; findings: number; districts_with_findings: number; districts_reviewed: number; districts_with_findings_pct: number }>(
        `SELECT item_no, findings::INTEGER AS findings, districts_with_findings::INTEGER AS districts_with_findings, districts_reviewed::INTEGER AS districts_reviewed, districts_with_findings_pct FROM ${outTable(ind4, 'table-4a')}`,
      );
      expect(rows.map((r) => r.findings)).toEqual(seed);
      expect(rows.reduce((a, r) => a + r.findings, 0)).toBe(1120);
      // Ties in order of item number: 57 × items 4, 5, 6; 54 × 9, 10, 11.
      expect(rows.slice(3, 6).map((r) => r.item_no)).toEqual(['4', '5', '6']);
      expect(rows[0]).toEqual({ item_no: '1', findings: 65, districts_with_findings: 65, districts_reviewed: 66, districts_with_findings_pct: (100 * 65) / 66 });
    } finally {
      db.close();
    }
  });

  it('end to end from files: the June 2008 Table A + C, out-of-year actions rejected at load (E301)', async () => {
    const sA = (id: string, over: Record<string, string> = {}) => studentA({ STUDENT_ID: id, BIRTHDATE: '1995-03-15', ...over }, '2008-06');
    const ids = Array.from({ length: 20 }, (_, k) => `S${k + 1}`);
    const action = (id: string, date: string, type: string, days: string) => ({ REPT_DATE: '2008-06-30', SELPA_CODE: '0101', STUDENT_ID: id, DSPL_DATE: date, DSPL_TYPE: type, DSPL_DAYS: days, REASON1: '50' });
    const d = new DataDir()
      .districts([districtRow()])
      .tableA('2008-06', ids.map((id) => sA(id)))
      .csv('casemis/2008-06/table_c.csv', requiredHeader('table_c'), [
        action('S1', '2007-10-01', '20', '5.5'),
        action('S1', '2007-11-01', '10', '5'), // 10.5: over
        action('S2', '2008-02-01', '30', ''), // blank expulsion: over
        action('S3', '2008-02-01', '20', '10'), // exactly 10: not
        action('S4', '2007-06-30', '20', '11'), // outside 2007-08: rejected (E301), not counted
      ]);
    await withRun(testConfig(d.root, { only: ['4A'] }), async (db, result) => {
      expect(result.statuses.get('4A')).toEqual({ state: 'computed' });
      const rej = await db.all<{ code: string }>(`SELECT code FROM rejects WHERE file LIKE '%table_c%'`);
      expect(rej.map((r) => r.code)).toEqual(['E301']);
      const s = result.summary.filter((r) => r.indicator === '4A').map((r) => [r.id, r.numerator, r.denominator, r.display, r.target, r.target_met]);
      // 2 of 20 = 10 % > 1 %: 1 of 1 district; target 10.3 (≤): not met.
      expect(s).toEqual([
        ['4A', 1, 1, '100.0%', 10.3, 'no'],
        ['4A.state_rate', 2, 20, '10.00%', null, ''],
      ]);
      const t = await db.all<{ explanation: string }>(`SELECT explanation FROM ${outTable(ind4, 'triggers')}`);
      expect(t).toEqual([{ explanation: '2 of 20 students (10.00%) were suspended or expelled for more than 10 days; the bar is 1.00% (fixed).' }]);
      // No reviews file: no table-4a.
      expect(result.outputs.some((o) => o.name === 'table-4a')).toBe(false);
    });
  });
});
