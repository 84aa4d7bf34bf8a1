import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { Db } from '../../src/db.js';
import { outTable } from '../../src/engine/indicator.js';
import { runContext, runIndicator } from '../../src/engine/run.js';
import { buildSummary } from '../../src/engine/summary.js';
import { DataDir, fullHeader, type Rec } from '../../test/helpers/fixture.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';

const ind20 = INDICATORS.find((i) => i.id === '20')!;

interface Row20a {
  section: string;
  item: string;
  valid_reliable: string | null;
  correct_calculation: string | null;
  timely: string | null;
  on_time: boolean | null;
  points: number | null;
  max_points: number | null;
  percent: number | null;
}

async function table20a(db: Db): Promise<Map<string, Row20a>> {
  const rows = await db.all<Row20a>(
    `SELECT section, item, valid_reliable, correct_calculation, timely, on_time, points, max_points, percent FROM ${outTable(ind20, 'table-20a')}`,
  );
  return new Map(rows.map((r) => [`${r.section}/${r.item}`, r]));
}

/** Attachment 20a of the FFY 2008 APR: every scored indicator 1 (1 and 2 have no correct-calculation cell), 13 and 14 NA. */
function seedRubric(): Rec[] {
  const scored = ['3A', '3B', '3C', '4A', '5', '7', '8', '9', '10', '11', '12', '15', '16', '17', '18', '19'];
  return [
    { indicator: '1', valid_reliable: '1' },
    { indicator: '2', valid_reliable: '1' },
    ...scored.map((indicator) => ({ indicator, valid_reliable: '1', correct_calculation: '1' })),
    { indicator: '13', valid_reliable: 'NA', correct_calculation: 'NA' },
    { indicator: '14', valid_reliable: 'NA', correct_calculation: 'NA' },
    // "Timely Submission Points (5 pts for submission of APR/SPP by February 2, 2009)": on the due date is on time
    { indicator: 'APR', due_date: '2009-02-02', submitted_date: '2009-02-02' },
  ];
}

/**
 * The 618 part of Attachment 20a with the dates of Table 20a (used as written: SEED-FIGURES T18).
 * Table 1's timely is blank and derived (submitted on the due date → 1); Table 7's too (November 19
 * after November 1 → 0, the one late report).
 */
function seed618(): Rec[] {
  const t = (table: string, name: string, due: string, sub: string, timely: string, complete: string, edit: string, notes: string): Rec => ({
    table, name, due_date: due, submitted_date: sub, timely, complete, passed_edit: edit, responded_notes: notes,
  });
  return [
    t('1', 'Child Count', '2009-02-01', '2009-02-01', '', '1', '1', '1'),
    t('2', 'Personnel', '2009-11-01', '2009-10-30', '1', '1', '1', 'NA'),
    t('3', 'Ed. Environments', '2008-02-01', '2008-01-30', '1', '1', '1', '1'),
    t('4', 'Exiting', '2008-11-01', '2008-10-30', '1', '1', '1', 'NA'),
    t('5', 'Discipline', '2008-11-01', '2008-10-30', '1', '1', '1', 'NA'),
    t('6', 'State Assessment', '2008-02-01', '2008-01-30', '1', 'NA', 'NA', 'NA'),
    t('7', 'Dispute Resolution', '2008-11-01', '2008-11-19', '', '1', '1', 'NA'),
  ];
}

/** 20B: 1910 both on time and passed (December on its due date); 3010 December late; 3710 June not verified; 4010 June not submitted. */
const SELPAS: Rec[] = [
  { selpa: '1910', period: 'dec', due_date: '2009-01-15', submitted_date: '2009-01-15', passed_verification: 'Y' },
  { selpa: '1910', period: 'jun', due_date: '2009-07-31', submitted_date: '2009-07-24', passed_verification: 'Y' },
  { selpa: '3010', period: 'dec', due_date: '2009-01-15', submitted_date: '2009-01-16', passed_verification: 'Y' },
  { selpa: '3010', period: 'jun', due_date: '2009-07-31', submitted_date: '2009-07-20', passed_verification: 'Y' },
  { selpa: '3710', period: 'dec', due_date: '2009-01-15', submitted_date: '2009-01-10', passed_verification: 'Y' },
  { selpa: '3710', period: 'jun', due_date: '2009-07-31', submitted_date: '2009-07-20', passed_verification: 'N' },
  { selpa: '4010', period: 'dec', due_date: '2009-01-15', submitted_date: '2009-01-10', passed_verification: 'Y' },
  { selpa: '4010', period: 'jun', due_date: '2009-07-31', submitted_date: '', passed_verification: 'Y' },
  { selpa: '5010', period: 'dec', due_date: '2009-01-15', submitted_date: '2009-01-02', passed_verification: 'Y' },
];

describe('indicator 20 — timely and accurate data', () => {
  it('reproduces Attachment 20a through the loader: APR 34 + 5 = 39 of 39, 618 20 of 21 → 37.14, 76.14 / 78 = 97.62 %', async () => {
    const d = new DataDir()
      .districts()
      .csv('submissions/apr_rubric.csv', fullHeader('apr_rubric'), seedRubric())
      .csv('submissions/618_tables.csv', fullHeader('tables_618'), seed618())
      .csv('submissions/selpa_submissions.csv', fullHeader('selpa_submissions'), SELPAS);
    await withRun(testConfig(d.root, { only: ['20'] }), async (db, result) => {
      expect(result.load.files.filter((f) => f.rows_rejected > 0)).toEqual([]);
      const s = result.summary.find((r) => r.id === '20')!;
      // score = 100 × (39 + 20 × 39/21) / 78 = 100 × (39 × 21 + 20 × 39) / (2 × 39 × 21) = 100 × 1,599 / 1,638
      expect([s.numerator, s.denominator, s.display, s.target, s.target_met, s.status]).toEqual([1599, 1638, '97.62%', 100, 'no', 'computed']);
      expect(s.value).toBeCloseTo((100 * 76.14285714285714) / 78, 10);
      // 20B: 1910 and 5010 of 5 SELPAs
      const b = result.summary.find((r) => r.id === '20B')!;
      expect([b.indicator, b.numerator, b.denominator, b.display, b.status]).toEqual(['20', 2, 5, '40.00%', 'computed']);

      const t = await table20a(db);
      const pts = (k: string) => [t.get(k)!.points, t.get(k)!.max_points];
      expect(pts('APR/1')).toEqual([1, 1]);
      expect(t.get('APR/1')!.correct_calculation).toBeNull();
      expect(pts('APR/3A')).toEqual([2, 2]);
      expect([t.get('APR/13')!.valid_reliable, ...pts('APR/13')]).toEqual(['NA', 0, 0]);
      expect(pts('APR/subtotal')).toEqual([34, 34]); // 1 + 1 + 16 × 2; 13 and 14 NA
      expect([t.get('APR/timely')!.on_time, ...pts('APR/timely')]).toEqual([true, 5, 5]);
      expect(pts('APR/total')).toEqual([39, 39]);
      // 618 rows: 4, 3, 4, 3, 3, 1, 2 of 4, 3, 4, 3, 3, 1, 3
      expect(['1', '2', '3', '4', '5', '6', '7'].map((n) => pts(`618/${n}`))).toEqual([[4, 4], [3, 3], [4, 4], [3, 3], [3, 3], [1, 1], [2, 3]]);
      expect([t.get('618/1')!.timely, t.get('618/1')!.on_time]).toEqual(['1', true]); // derived: submitted on the due date
      expect([t.get('618/7')!.timely, t.get('618/7')!.on_time]).toEqual(['0', false]); // derived: 18 days late
      expect(pts('618/subtotal')).toEqual([20, 21]);
      expect(t.get('618/total')!.points).toBeCloseTo((20 * 39) / 21, 10); // 37.142857
      expect(t.get('618/total')!.points!.toFixed(2)).toBe('37.14');
      expect(t.get('618/total')!.max_points).toBe(39);
      const score = t.get('20/total')!;
      expect(score.points!.toFixed(2)).toBe('76.14');
      expect(score.max_points).toBe(78);
      expect(score.percent!.toFixed(2)).toBe('97.62');
      expect(result.warnings).toEqual([]);
    });
  });

  it('rules: NA out of score and maximum, derived timeliness, a late APR keeps its 5 in the maximum, 20B; a missing file', async () => {
    const db = await Db.open();
    try {
      await db.run(`
        CREATE TABLE clean_apr_rubric (indicator VARCHAR, valid_reliable VARCHAR, correct_calculation VARCHAR, due_date DATE, submitted_date DATE);
        INSERT INTO clean_apr_rubric VALUES
          ('1', '0', '1', NULL, NULL),      -- 1 is scored on valid_reliable only: 0 of 1
          ('3A', '1', 'NA', NULL, NULL),    -- 1 of 1
          ('4B', 'NA', 'NA', NULL, NULL),   -- 0 of 0
          ('5', '0', '0', NULL, NULL),      -- 0 of 2
          ('APR', NULL, NULL, '2009-02-02', '2009-02-03');  -- a day late: 0 of 5
        CREATE TABLE clean_tables_618 ("table" VARCHAR, name VARCHAR, due_date DATE, submitted_date DATE, timely VARCHAR,
                                       complete VARCHAR, passed_edit VARCHAR, responded_notes VARCHAR);
        INSERT INTO clean_tables_618 VALUES
          ('1', 'Child Count', '2008-11-01', NULL, NULL, '1', 'NA', '0'),          -- not submitted: timely 0; 1 of 3
          ('2', 'Personnel', '2008-11-01', '2008-11-01', NULL, 'NA', 'NA', 'NA'),  -- on the due date: timely 1; 1 of 1
          ('3', 'Environments', '2008-02-01', '2008-02-09', '1', '1', '1', '1');   -- timely as given wins over the dates; 4 of 4
        CREATE TABLE clean_selpa_submissions (selpa VARCHAR, selpa_name VARCHAR, period VARCHAR, due_date DATE, submitted_date DATE, passed_verification VARCHAR);
      `);
      const values = SELPAS.map((r) => `('${r.selpa}', NULL, '${r.period}', '${r.due_date}', ${r.submitted_date ? `'${r.submitted_date}'` : 'NULL'}, '${r.passed_verification}')`);
      await db.run(`INSERT INTO clean_selpa_submissions VALUES ${values.join(', ')}`);
      const cfg = testConfig('.', { only: ['20'] });
      const all = new Set(['apr_rubric', 'tables_618', 'selpa_submissions']);
      await runIndicator(db, cfg, ind20, all);
      const summary = () =>
        db.all<{ id: string; numerator: number | null; denominator: number | null; value: number | null }>(
          `SELECT id, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind20, 'summary')} ORDER BY id`,
        );
      // APR subtotal 1 of 4, late: total 1 of 4 + 5 = 9; 618 subtotal 6 of 8 → 6 × 9/8 = 6.75;
      // score 100 × (1 + 6.75) / 18 = 43.06 %, as integers (1 × 8 + 6 × 9) / (2 × 9 × 8) = 62 / 144
      let s = await summary();
      expect(s[0]).toMatchObject({ id: '20', numerator: 62, denominator: 144 });
      expect(s[0]!.value).toBeCloseTo((100 * 7.75) / 18, 10);
      expect(s[1]).toMatchObject({ id: '20B', numerator: 2, denominator: 5, value: 40 });
      let t = await table20a(db);
      expect([t.get('APR/1')!.points, t.get('APR/1')!.max_points, t.get('APR/1')!.correct_calculation]).toEqual([0, 1, null]);
      expect([t.get('APR/subtotal')!.points, t.get('APR/subtotal')!.max_points]).toEqual([1, 4]);
      expect([t.get('APR/timely')!.on_time, t.get('APR/timely')!.points, t.get('APR/timely')!.max_points]).toEqual([false, 0, 5]);
      expect([t.get('APR/total')!.points, t.get('APR/total')!.max_points]).toEqual([1, 9]);
      expect([t.get('618/1')!.timely, t.get('618/1')!.points, t.get('618/1')!.max_points]).toEqual(['0', 1, 3]);
      expect([t.get('618/2')!.timely, t.get('618/2')!.points, t.get('618/2')!.max_points]).toEqual(['1', 1, 1]);
      expect([t.get('618/3')!.timely, t.get('618/3')!.on_time, t.get('618/3')!.points]).toEqual(['1', false, 4]);
      expect(t.get('618/total')!.points).toBeCloseTo(6.75, 10);
      expect([t.get('20/total')!.points, t.get('20/total')!.max_points]).toEqual([7.75, 18]);
      expect(await db.all(`SELECT code FROM ${outTable(ind20, 'warnings')}`)).toEqual([]);

      // A file missing: measure 20 is not computed, 20B is.
      const rows = await buildSummary(db, runContext(cfg), cfg.params.values, [{ ind: ind20, status: { state: 'computed' } }], new Set(['apr_rubric', 'selpa_submissions']));
      expect(rows.map((r) => [r.id, r.status])).toEqual([
        ['20', 'not computed: missing submissions/618_tables.csv'],
        ['20B', 'computed'],
      ]);

      // No APR row: 0 timely points, a warning; the maximum keeps the 5. Every 618 cell NA: no score.
      await db.run(`DELETE FROM clean_apr_rubric WHERE indicator = 'APR'; UPDATE clean_tables_618 SET timely = 'NA', complete = 'NA', passed_edit = 'NA', responded_notes = 'NA'`);
      await runIndicator(db, cfg, ind20, all);
      s = await summary();
      expect(s[0]).toEqual({ id: '20', numerator: 0, denominator: 0, value: null }); // 1 × 0 + 0 × 9; 2 × 9 × 0
      t = await table20a(db);
      expect([t.get('APR/timely')!.on_time, t.get('APR/timely')!.points, t.get('APR/total')!.max_points]).toEqual([null, 0, 9]);
      expect([t.get('618/subtotal')!.points, t.get('618/subtotal')!.max_points, t.get('618/total')!.points]).toEqual([0, 0, null]);
      expect(await db.all(`SELECT code FROM ${outTable(ind20, 'warnings')}`)).toEqual([{ code: 'W-20-APR' }]);
    } finally {
      db.close();
    }
  });
});
