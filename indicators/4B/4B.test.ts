import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { outTable } from '../../src/engine/indicator.js';
import { runContext, runIndicator } from '../../src/engine/run.js';
import { decideStep, runOutput } from '../../src/engine/runner.js';
import { writeScenarios } from '../../src/engine/scenarios.js';
import { DataDir, districtRow, requiredHeader, studentA } from '../../test/helpers/fixture.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';
import { aggregateDb } from '../4A/fixture.js';

const ind4 = INDICATORS.find((i) => i.id === '4A')!;
const ind4b = INDICATORS.find((i) => i.id === '4B')!;
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

describe('indicator 4B — suspension/expulsion over 10 days by race/ethnicity', () => {
  it('groups against the 4A bar; potential; final with the 4B reviews; 4A parameters and every scenario', async () => {
    // X: HI 1 of 30 (3.33 %), WH 0 of 30, AA 5 of 10 (N < 20), no group 5 of 5 → potential (HI).
    // Y: WH 0 of 25, HI 0 of 25 → evaluated, not potential. Z: AI 3 of 10 → no evaluated group.
    // W: AS 1 of 40 (2.5 %) → potential. V: HI 1 of 100 = exactly the 1 % bar → not potential.
    // 4A statewide: N = 75 + 50 + 10 + 40 + 100 = 275, n = 11 + 0 + 3 + 1 + 1 = 16 (5.82 %).
    const db = await aggregateDb(`VALUES ('X', 30, 1, 'HI'), ('X', 30, 0, 'WH'), ('X', 10, 5, 'AA'), ('X', 5, 5, NULL),
      ('Y', 25, 0, 'WH'), ('Y', 25, 0, 'HI'), ('Z', 10, 3, 'AI'), ('W', 40, 1, 'AS'), ('V', 100, 1, 'HI')`);
    try {
      // Reviews: X noncompliant (one Y row among N rows), Y noncompliant but not potential, W compliant;
      // W's 4A review is another indicator's.
      await db.run(`INSERT INTO clean_ppp_reviews VALUES ('X', '4B', '2008-09', 'N', NULL, 0), ('X', '4B', '2008-09', 'Y', NULL, 2),
        ('Y', '4B', '2008-09', 'Y', NULL, 1), ('W', '4B', '2008-09', 'N', NULL, 0), ('W', '4A', '2008-09', 'Y', '3', 1)`);
      const cfg = testConfig('.', { only: ['4B'] });
      const present = new Set([...JUNE, 'ppp_reviews']);
      expect((await runIndicator(db, cfg, ind4, present)).status).toBe('computed');
      expect((await runIndicator(db, cfg, ind4b, present)).status).toBe('computed');

      // Evaluated X, Y, W, V = 4; potential X, W = 2 (50 %); final X = 1 (25 %).
      const s = await db.all<{ id: string; numerator: number; denominator: number; value: number }>(
        `SELECT id, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind4b, 'summary')} ORDER BY id`,
      );
      expect(s).toEqual([
        { id: '4B', numerator: 1, denominator: 4, value: 25 },
        { id: '4B.potential', numerator: 2, denominator: 4, value: 50 },
      ]);
      // 4A counts the group-less records in X's total: 11 of 75.
      expect(await db.one(`SELECT numerator::INTEGER AS n, denominator::INTEGER AS d FROM ${outTable(ind4, 'districts')} WHERE district = 'X'`)).toEqual({ n: 11, d: 75 });

      const rows = await db.all<Record<string, unknown>>(
        `SELECT district, "group", numerator::INTEGER AS n, denominator::INTEGER AS d, evaluated, flagged, threshold, potential, review_noncompliant
         FROM ${outTable(ind4b, 'districts')}`,
      );
      expect(rows).toHaveLength(25); // 5 districts × 5 groups
      expect(rows.slice(0, 5).map((r) => r.district)).toEqual(['V', 'V', 'V', 'V', 'V']);
      expect(rows.filter((r) => r.district === 'X').map((r) => [r.group, r.n, r.d, r.evaluated, r.flagged, r.threshold, r.potential, r.review_noncompliant])).toEqual([
        ['AI', 0, 0, false, false, 1, true, true],
        ['AS', 0, 0, false, false, 1, true, true],
        ['HI', 1, 30, true, true, 1, true, true],
        ['AA', 5, 10, false, false, 1, true, true], // 50 % but N 10 < 20: not evaluated, not flagged
        ['WH', 0, 30, true, false, 1, true, true],
      ]);
      expect(rows.find((r) => r.district === 'V' && r.group === 'HI')).toMatchObject({ n: 1, d: 100, evaluated: true, flagged: false, potential: false });
      expect(rows.find((r) => r.district === 'Y' && r.group === 'HI')).toMatchObject({ evaluated: true, potential: false, review_noncompliant: true });

      // Scenarios: 4B follows 4A's bar parameters and its own min_n.
      const base = cfg.params.values;
      const grid: [string, Record<string, unknown>, string[]][] = [
        ['baseline', {}, ['W', 'X']],
        ['ind4b.min_n 10', { 'ind4b.min_n': 10 }, ['W', 'X', 'Z']], // X AA 50 %, Z AI 30 %
        ['ind4.bar 3', { 'ind4.bar': 3 }, ['X']], // X HI 3.33 > 3; W 2.5 not
        ['state_rate', { 'ind4.bar_method': 'state_rate' }, []], // bar 16/275 = 5.82 %
        ['state_rate, min_n 10', { 'ind4.bar_method': 'state_rate', 'ind4b.min_n': 10 }, ['X', 'Z']],
        ['rate_ratio 0.5', { 'ind4.bar_method': 'rate_ratio', 'ind4.rate_ratio': 0.5 }, ['X']], // X 3.33/5.82 = 0.57; W 0.43
        ['ind4.min_n does not apply to groups', { 'ind4.min_n': 1000 }, ['W', 'X']],
      ];
      await writeScenarios(db, cfg.catalog, grid.map(([, v], i) => ({ id: i + 1, values: { ...base, ...v } })));
      await decideStep(db, runContext(cfg), ind4b, base);
      await runOutput(db, runContext(cfg), ind4b, ind4b.outputs.find((o) => o.kind === 'triggers')!, base);
      const t = await db.all<Trig>(
        `SELECT scenario, district, value, threshold, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, explanation FROM ${outTable(ind4b, 'triggers')} ORDER BY scenario, district`,
      );
      grid.forEach(([name, , want], i) => expect(t.filter((r) => r.scenario === i + 1).map((r) => r.district), name).toEqual(want));
      // The row carries the group with the highest rate above the bar.
      const x1 = t.find((r) => r.scenario === 1 && r.district === 'X')!;
      expect(x1.explanation).toBe('1 of 30 Hispanic students (3.33%) were suspended or expelled for more than 10 days; the bar is 1.00% (fixed); groups above the bar: 1 of 2 evaluated.');
      const x2 = t.find((r) => r.scenario === 2 && r.district === 'X')!;
      expect(x2.explanation).toBe('5 of 10 African American students (50.00%) were suspended or expelled for more than 10 days; the bar is 1.00% (fixed); groups above the bar: 2 of 3 evaluated.');
      expect(t.find((r) => r.scenario === 6 && r.district === 'X')!.threshold).toBeCloseTo((100 * 16 * 0.5) / 275, 12);
      // Every sentence against its row's numbers.
      for (const r of t) {
        expect(r.value).toBeGreaterThan(r.threshold);
        expect(r.explanation).toMatch(new RegExp(`^${r.numerator} of ${r.denominator} [A-Za-z ]+ students \\(${((100 * r.numerator) / r.denominator).toFixed(2)}%\\) were suspended or expelled for more than 10 days; the bar is ${r.threshold.toFixed(2)}% \\(`));
      }
    } finally {
      db.close();
    }
  });

  it('end to end: --only 4B pulls in 4A; without the reviews file 4B is not computed, 4B.potential is', async () => {
    // District 0110017: 20 Hispanic students (ETHNICITY1 500), one over 10 days → 5 % > 1 %.
    const ids = Array.from({ length: 20 }, (_, k) => `S${k + 1}`);
    const d = new DataDir()
      .districts([districtRow()])
      .tableA('2008-06', ids.map((id) => studentA({ STUDENT_ID: id, ETHNICITY1: '500', BIRTHDATE: '1995-03-15' }, '2008-06')))
      .csv('casemis/2008-06/table_c.csv', requiredHeader('table_c'), [
        { REPT_DATE: '2008-06-30', SELPA_CODE: '0101', STUDENT_ID: 'S1', DSPL_DATE: '2008-01-15', DSPL_TYPE: '20', DSPL_DAYS: '12', REASON1: '40' },
      ]);
    await withRun(testConfig(d.root, { only: ['4B'] }), async (db, result) => {
      expect(result.statuses.get('4A')).toEqual({ state: 'computed' });
      const s = result.summary.filter((r) => r.indicator === '4B').map((r) => [r.id, r.numerator, r.denominator, r.status]);
      expect(s).toEqual([
        ['4B.potential', 1, 1, 'computed'],
        ['4B', null, null, 'not computed: missing reviews/ppp_reviews.csv'],
      ]);
      const t = await db.all<{ district: string; explanation: string }>(`SELECT district, explanation FROM ${outTable(ind4b, 'triggers')}`);
      expect(t).toEqual([
        {
          district: '0110017',
          explanation: '1 of 20 Hispanic students (5.00%) were suspended or expelled for more than 10 days; the bar is 1.00% (fixed); groups above the bar: 1 of 1 evaluated.',
        },
      ]);
    });
  });
});
