import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { Db } from '../../src/db.js';
import { outTable } from '../../src/engine/indicator.js';
import { runIndicator, servedViews } from '../../src/engine/run.js';
import { ETHNICITY_GROUP } from '../../src/load/codes.js';
import { DataDir, districtRow, studentA } from '../../test/helpers/fixture.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';

const ind8 = INDICATORS.find((i) => i.id === '8')!;

interface Row8b {
  section: string;
  category: string;
  label: string;
  sample_n: number;
  sample_total: number;
  sample_pct: number | null;
  state_n: number;
  state_total: number;
  state_pct: number | null;
  difference: number | null;
  flagged: boolean;
  sample_of_state_pct: number | null;
}

const Q8B = (db: Db): Promise<Row8b[]> =>
  db.all<Row8b>(
    `SELECT section, category, label, sample_n::INTEGER AS sample_n, sample_total::INTEGER AS sample_total, sample_pct,
            state_n::INTEGER AS state_n, state_total::INTEGER AS state_total, state_pct, difference, flagged, sample_of_state_pct
     FROM ${outTable(ind8, 'table-8b')}`,
  );
const Q8A = (db: Db): Promise<{ item: string; count: number | null; numerator: number | null; denominator: number | null; percent: number | null }[]> =>
  db.all(
    `SELECT item, count::INTEGER AS count, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, percent FROM ${outTable(ind8, 'table-8a')}`,
  );

// Table 8b of the source (SEED-FIGURES.md rows 65-141): code, label, sample N, State N, and the
// printed sample %, State %, difference and sample as % of State.
const DISABILITY: [string, string, number, number, number, number, number, number][] = [
  ['210', 'Mental Retardation', 1943, 42646, 5.99, 6.29, 0.3, 4.56],
  ['220', 'Hard of Hearing', 271, 9016, 0.84, 1.33, 0.49, 3.0],
  ['230', 'Deaf', 167, 4162, 0.51, 0.61, 0.1, 4.01],
  ['240', 'Speech or Language Impairment', 7057, 172669, 21.76, 25.46, 3.7, 4.09],
  ['250', 'Visual Impairment', 229, 4588, 0.7, 0.68, -0.03, 4.98],
  ['260', 'Emotional Disturbance', 886, 27124, 2.73, 4.0, 1.27, 3.27],
  ['270', 'Orthopedic Impairment', 509, 15404, 1.57, 2.27, 0.7, 3.31],
  ['280', 'Other Health Impairment', 2263, 50614, 6.98, 7.46, 0.49, 4.47],
  ['290', 'Specific Learning Disability', 16343, 291456, 50.39, 42.98, -7.41, 5.61],
  ['300', 'Deaf-Blindness', 29, 182, 0.09, 0.03, -0.06, 15.93],
  ['310', 'Multiple Disabilities', 260, 5210, 0.8, 0.77, -0.03, 4.99],
  ['320', 'Autism', 2358, 53183, 7.27, 7.84, 0.57, 4.43],
  ['330', 'Traumatic Brain Injury', 116, 1851, 0.36, 0.27, -0.09, 6.28],
];
const ETHNIC: [string, string, number, number, number, number, number, number][] = [
  ['AI', 'Native American', 497, 5896, 1.53, 0.87, -0.66, 8.42],
  ['HI', 'Hispanic', 14628, 333346, 45.1, 49.16, 4.05, 4.39],
  ['AA', 'African-American', 2988, 74064, 9.21, 10.92, 1.71, 4.03],
  ['WH', 'White', 11920, 218448, 36.76, 32.21, -4.54, 5.46],
  ['AS', 'Asian', 2398, 46351, 7.4, 6.84, -0.56, 5.17],
];

/** |x rounded to 2 decimals (as printed) − the printed figure| ≤ 0.01 (SEED-FIGURES.md T20: 8 cells are 0.01 off). */
const near = (x: number | null, printed: number): boolean => Math.abs(Math.round(x! * 100) - Math.round(printed * 100)) <= 1;

const values = (rows: [string, string, number, number, ...number[]][], pick: 2 | 3): string =>
  rows.map((r, i) => `(${i}, '${r[0]}', ${r[pick]})`).join(', ');

/**
 * Aggregate-shaped fixture of the FFY 2008 survey: 32,431 returned surveys (26,996 YES, 4,991 NO,
 * 444 without an answer), 120,652 mailed, and a December count of 678,105 served records with an
 * ethnic group. Each survey/record gets its disability and its group from its row number (the
 * marginals are all Table 8b reads). Some surveys carry an ethnicity code instead of the group,
 * some answers are lower case; noise records must stay out of the State side.
 */
async function seedDb(): Promise<Db> {
  const db = await Db.open();
  await db.run(`CREATE TABLE ethnicity_groups (code VARCHAR, grp VARCHAR)`);
  await db.appendRows('ethnicity_groups', Object.entries(ETHNICITY_GROUP));
  await db.run(`
    CREATE TABLE dis_s AS SELECT o, c, sum(n) OVER (ORDER BY o) - n AS lo, sum(n) OVER (ORDER BY o) AS hi FROM (VALUES ${values(DISABILITY, 2)}) t(o, c, n);
    CREATE TABLE eth_s AS SELECT o, c, sum(n) OVER (ORDER BY o) - n AS lo, sum(n) OVER (ORDER BY o) AS hi FROM (VALUES ${values(ETHNIC, 2)}) t(o, c, n);
    CREATE TABLE dis_p AS SELECT o, c, sum(n) OVER (ORDER BY o) - n AS lo, sum(n) OVER (ORDER BY o) AS hi FROM (VALUES ${values(DISABILITY, 3)}) t(o, c, n);
    CREATE TABLE eth_p AS SELECT o, c, sum(n) OVER (ORDER BY o) - n AS lo, sum(n) OVER (ORDER BY o) AS hi FROM (VALUES ${values(ETHNIC, 3)}) t(o, c, n);
    CREATE TABLE clean_parent_survey AS
    WITH r AS (SELECT range AS i FROM range(32431))
    SELECT 'R' || i AS response_id, CASE WHEN i % 2 = 0 THEN '0110017' ELSE '0110025' END AS district,
           -- 26,996 YES (every 10th lower case), 4,991 NO (every 7th lower case), 400 blank, 44 'maybe'
           CASE WHEN i < 26996 THEN (CASE WHEN i % 10 = 0 THEN 'y' ELSE 'Y' END)
                WHEN i < 31987 THEN (CASE WHEN i % 7 = 0 THEN 'n' ELSE 'N' END)
                WHEN i < 32387 THEN NULL ELSE 'maybe' END AS q5,
           d.c AS disability,
           -- a code instead of the group for part of WH (700), AS (400 Filipino, 201, 301) and HI (500)
           CASE WHEN e.c = 'WH' AND i - e.lo < 5000 THEN '700'
                WHEN e.c = 'AS' AND i - e.lo < 400 THEN '400'
                WHEN e.c = 'AS' AND i - e.lo < 700 THEN '201'
                WHEN e.c = 'AS' AND i - e.lo < 798 THEN '301'
                WHEN e.c = 'HI' AND i - e.lo < 3000 THEN '500'
                ELSE e.c END AS ethnicity
    FROM r JOIN dis_s d ON i >= d.lo AND i < d.hi JOIN eth_s e ON i >= e.lo AND i < e.hi;
    CREATE TABLE clean_survey_distribution AS SELECT * FROM (VALUES ('0110017', 60000), ('0110025', 60652)) t(district, surveys_mailed);
    CREATE TABLE students AS
    WITH r AS (SELECT range AS i FROM range(678105))
    SELECT '2008-12' AS _period, false AS _is_june, true AS served, false AS undup_excluded, d.c AS disability, e.c AS apr_group,
           CASE WHEN i % 2 = 0 THEN '0110017' ELSE '0110025' END AS district
    FROM r JOIN dis_p d ON i >= d.lo AND i < d.hi JOIN eth_p e ON i >= e.lo AND i < e.hi
    UNION ALL SELECT '2008-12', false, true, false, '290', NULL, '0110017' FROM range(1000)   -- no ethnic group (800/999)
    UNION ALL SELECT '2008-12', false, false, false, '290', 'WH', '0110017' FROM range(300)  -- not served
    UNION ALL SELECT '2008-12', false, true, true, '290', 'WH', '0110017' FROM range(200)    -- removed by unduplication
    UNION ALL SELECT '2009-06', true, true, false, '290', 'WH', '0110017' FROM range(500)    -- June
    UNION ALL SELECT '2007-12', false, true, false, '290', 'WH', '0110017' FROM range(100);  -- another year's December
  `);
  await servedViews(db);
  return db;
}

describe('indicator 8 — parent involvement', () => {
  it('reproduces the FFY 2008 figures: 26,996 / 31,987 = 84.4 %, Table 8a and Table 8b', async () => {
    const db = await seedDb();
    try {
      const cfg = testConfig('.', { only: ['8'] });
      const present = new Set(['parent_survey', 'survey_distribution', 'table_a@2008-12']);
      expect((await runIndicator(db, cfg, ind8, present)).status).toBe('computed');

      const s = await db.one<{ id: string; numerator: number; denominator: number; value: number }>(
        `SELECT id, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind8, 'summary')}`,
      );
      // 26,996 YES (lower-case y included) of 26,996 + 4,991 answered; 100 × 26,996 / 31,987 = 84.397…
      expect([s!.id, s!.numerator, s!.denominator, s!.value.toFixed(1)]).toEqual(['8', 26996, 31987, '84.4']);

      const a = await Q8A(db);
      expect(a.map((r) => [r.item, r.count, r.numerator, r.denominator])).toEqual([
        ['mailed', 120652, null, null], // 60,000 + 60,652
        ['returned', 32431, null, null],
        ['pct_returned', null, 32431, 120652],
        ['answered_q5', 31987, null, null], // 444 returned without an answer ('maybe' and blank)
        ['yes_q5', 26996, null, null],
        ['no_q5', 4991, null, null],
        ['pct_yes', null, 26996, 31987],
      ]);
      expect(a[2]!.percent!.toFixed(1)).toBe('26.9'); // 100 × 32,431 / 120,652 = 26.879
      expect(a[6]!.percent!.toFixed(1)).toBe('84.4');

      const b = await Q8B(db);
      const eth = b.filter((r) => r.section === 'ethnicity');
      expect(eth.map((r) => [r.category, r.label, r.sample_n, r.sample_total, r.state_n, r.state_total])).toEqual([
        ...ETHNIC.map(([c, l, sn, pn]) => [c, l, sn, 32431, pn, 678105]),
        ['total', 'Total', 32431, 32431, 678105, 678105],
      ]);
      // Printed figures within ±0.01 once rounded (the source's AI 8.42 is 8.43, White 36.76 is 36.75, Asian 7.40 is 7.39).
      for (const [i, [, , , , sp, pp, diff, sos]] of ETHNIC.entries()) {
        const r = eth[i]!;
        expect(near(r.sample_pct, sp), `${r.category} sample_pct`).toBe(true);
        expect(near(r.state_pct, pp), `${r.category} state_pct`).toBe(true);
        expect(near(r.difference, diff), `${r.category} difference`).toBe(true);
        expect(near(r.sample_of_state_pct, sos), `${r.category} sample_of_state_pct`).toBe(true);
        // flagged iff |State % − sample %| > 3: Hispanic (+4.05) and White (−4.54) only
        expect(r.flagged).toBe(Math.abs(diff) > 3);
      }
      // White: 100 × 218,448 / 678,105 − 100 × 11,920 / 32,431 = 32.2146 − 36.7550 = −4.540 (over-represented)
      const wh = eth.find((r) => r.category === 'WH')!;
      expect(wh.difference!).toBeCloseTo(100 * 218448 / 678105 - 100 * 11920 / 32431, 9);
      expect(wh.difference!.toFixed(2)).toBe('-4.54');
      expect(wh.flagged).toBe(true);
      expect(eth.filter((r) => r.flagged).map((r) => r.category)).toEqual(['HI', 'WH']);
      const etot = eth.at(-1)!;
      expect([etot.sample_pct, etot.state_pct, etot.difference, etot.flagged]).toEqual([100, 100, 0, false]);
      expect(etot.sample_of_state_pct!.toFixed(2)).toBe('4.78'); // 100 × 32,431 / 678,105 = 4.7826

      const dis = b.filter((r) => r.section === 'disability');
      // 13 federal rows + total, no 281 row (none in sample or State)
      expect(dis.map((r) => [r.category, r.label, r.sample_n, r.state_n])).toEqual([
        ...DISABILITY.map(([c, l, sn, pn]) => [c, l, sn, pn]),
        ['total', 'Total', 32431, 678105],
      ]);
      for (const [i, [, , , , sp, pp, diff, sos]] of DISABILITY.entries()) {
        const r = dis[i]!;
        expect([r.sample_total, r.state_total]).toEqual([32431, 678105]);
        expect(near(r.sample_pct, sp), `${r.category} sample_pct`).toBe(true);
        expect(near(r.state_pct, pp), `${r.category} state_pct`).toBe(true);
        expect(near(r.difference, diff), `${r.category} difference`).toBe(true);
        expect(near(r.sample_of_state_pct, sos), `${r.category} sample_of_state_pct`).toBe(true);
      }
      // SLI +3.70 and SLD −7.41 are the flagged disability rows
      expect(dis.filter((r) => r.flagged).map((r) => r.category)).toEqual(['240', '290']);
    } finally {
      db.close();
    }
  });

  it('edges: no distribution file, attribute-less surveys, the 281 row, the band boundary, 0 answers, missing inputs', async () => {
    const db = await Db.open();
    try {
      await db.run(`CREATE TABLE ethnicity_groups (code VARCHAR, grp VARCHAR)`);
      await db.appendRows('ethnicity_groups', Object.entries(ETHNICITY_GROUP));
      // 4 surveys: 2 with disability 290, 1 with 281, 1 without; ethnicity WH, '700', '800', NULL.
      // q5: 'y' (yes), 'N' (no), 'Yes' (not Y or N: no answer), NULL.
      await db.run(`
        CREATE TABLE clean_parent_survey AS SELECT * FROM (VALUES
          ('1', '0110017', 'y', '290', 'WH'), ('2', '0110017', 'N', '290', '700'),
          ('3', '0110017', 'Yes', '281', '800'), ('4', '0110017', NULL, NULL, NULL)) t(response_id, district, q5, disability, ethnicity);
        CREATE TABLE clean_survey_distribution (district VARCHAR, surveys_mailed INTEGER);
        -- State: 100 records with a group: 53 WH (290), 47 HI (240); 9 without a group (290).
        CREATE TABLE students AS
        SELECT '2008-12' AS _period, false AS _is_june, true AS served, false AS undup_excluded,
               CASE WHEN range < 53 THEN '290' ELSE '240' END AS disability, CASE WHEN range < 53 THEN 'WH' ELSE 'HI' END AS apr_group, '0110017' AS district
        FROM range(100)
        UNION ALL SELECT '2008-12', false, true, false, '290', NULL, '0110017' FROM range(9);
      `);
      await servedViews(db);
      const all = new Set(['parent_survey', 'table_a@2008-12']);

      expect((await runIndicator(db, testConfig('.', { only: ['8'] }), ind8, all)).status).toBe('computed');
      const s = await db.one<{ numerator: number; denominator: number; value: number }>(
        `SELECT numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind8, 'summary')}`,
      );
      expect(s).toEqual({ numerator: 1, denominator: 2, value: 50 }); // y of (y, N)
      const a = await Q8A(db);
      // no distribution rows: mailed and the percent returned are empty
      expect(a.map((r) => [r.item, r.count, r.numerator, r.denominator, r.percent])).toEqual([
        ['mailed', null, null, null, null],
        ['returned', 4, null, null, null],
        ['pct_returned', null, 4, null, null],
        ['answered_q5', 2, null, null, null],
        ['yes_q5', 1, null, null, null],
        ['no_q5', 1, null, null, null],
        ['pct_yes', null, 1, 2, 50],
      ]);
      let b = await Q8B(db);
      const pick = (rows: Row8b[], sec: string, cat: string): Row8b => rows.find((r) => r.section === sec && r.category === cat)!;
      // disability base = the 3 surveys with a disability; the 281 row appears (sample 1, State 0)
      expect(b.filter((r) => r.section === 'disability').map((r) => r.category)).toEqual([
        '210', '220', '230', '240', '250', '260', '270', '280', '290', '300', '310', '320', '330', '281', 'total',
      ]);
      expect(pick(b, 'disability', '281')).toMatchObject({ sample_n: 1, sample_total: 3, state_n: 0, state_total: 100, state_pct: 0, sample_of_state_pct: null });
      // ethnicity base = WH and 700 → 2 WH; 800 and blank have no group. State base = 100 (group only).
      const wh = pick(b, 'ethnicity', 'WH');
      expect(wh).toMatchObject({ sample_n: 2, sample_total: 2, sample_pct: 100, state_n: 53, state_total: 100, state_pct: 53 });
      expect(wh.difference).toBe(-47);
      expect(pick(b, 'ethnicity', 'HI')).toMatchObject({ sample_n: 0, sample_pct: 0, state_pct: 47, difference: 47, flagged: true });
      // disability 290: sample 2 / 3 = 66.67 %, State 53 / 100 (the 9 group-less records are out) → −13.67
      expect(pick(b, 'disability', '290')).toMatchObject({ sample_n: 2, state_n: 53, flagged: true });
      expect(pick(b, 'disability', '290').difference!).toBeCloseTo(53 - 200 / 3, 9);
      // a row with 0 on both sides is 0 − 0 = 0, not flagged
      expect(pick(b, 'disability', '210')).toMatchObject({ sample_pct: 0, state_pct: 0, difference: 0, flagged: false });

      // Band boundary: a difference exactly equal to the band is not flagged (> band), one just under it is.
      // disability 240: sample 0 / 3 = 0 %, State 47 %: difference 47.
      await runIndicator(db, testConfig('.', { only: ['8'], params: { 'ind8.rep_band': '47' } }), ind8, all);
      b = await Q8B(db);
      expect(pick(b, 'disability', '240')).toMatchObject({ difference: 47, flagged: false });
      expect(pick(b, 'ethnicity', 'WH')).toMatchObject({ difference: -47, flagged: false });
      await runIndicator(db, testConfig('.', { only: ['8'], params: { 'ind8.rep_band': '46.99' } }), ind8, all);
      b = await Q8B(db);
      expect([pick(b, 'disability', '240').flagged, pick(b, 'ethnicity', 'WH').flagged]).toEqual([true, true]);

      // Without the December Table A, Table 8b is not built; without the survey, 8 is not computed.
      await db.run(`DROP TABLE ${outTable(ind8, 'table-8b')}`);
      await runIndicator(db, testConfig('.', { only: ['8'] }), ind8, new Set(['parent_survey']));
      expect(await db.scalar(`SELECT count(*) FROM information_schema.tables WHERE table_name = '${outTable(ind8, 'table-8b')}'`)).toBe(0);
      expect((await runIndicator(db, testConfig('.', { only: ['8'] }), ind8, new Set(['table_a@2008-12']))).status).toBe(
        'not computed: missing survey/parent_survey.csv',
      );

      // No answered Q5: 0/0, empty value.
      await db.run(`UPDATE clean_parent_survey SET q5 = NULL`);
      await runIndicator(db, testConfig('.', { only: ['8'] }), ind8, all);
      const z = await db.one<{ numerator: number; denominator: number; value: number | null }>(
        `SELECT numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind8, 'summary')}`,
      );
      expect(z).toEqual({ numerator: 0, denominator: 0, value: null });
    } finally {
      db.close();
    }
  });

  it('end to end on a data folder: loaded survey columns, lower-case answers, codes, table 8b from Table A', async () => {
    const d = new DataDir()
      .districts([districtRow()])
      .tableA('2008-12', [
        studentA({ STUDENT_ID: 'A', ETHNICITY1: '700', DISABILITY1: '290' }),
        studentA({ STUDENT_ID: 'B', ETHNICITY1: '500', DISABILITY1: '240' }),
        studentA({ STUDENT_ID: 'C', ETHNICITY1: '999', DISABILITY1: '240' }), // no group: out of the State base
        studentA({ STUDENT_ID: 'D', ETHNICITY1: '400', DISABILITY1: '290' }), // Filipino → AS
      ])
      .csv('survey/parent_survey.csv', ['response_id', 'district', 'q5', 'disability', 'ethnicity'], [
        { response_id: 'P1', district: '0110017', q5: 'y', disability: '290', ethnicity: '700' },
        { response_id: 'P2', district: '0110017', q5: 'Y', disability: '240', ethnicity: 'HI' },
        { response_id: 'P3', district: '0110017', q5: 'n', disability: '290', ethnicity: '999' },
        { response_id: 'P4', district: '0110017', q5: '', disability: '', ethnicity: '' },
      ])
      .csv('survey/distribution.csv', ['district', 'surveys_mailed'], [{ district: '0110017', surveys_mailed: '10' }]);
    await withRun(testConfig(d.root, { only: ['8'] }), async (db, result) => {
      const s = result.summary.find((r) => r.id === '8')!;
      // YES: P1, P2; answered: P1, P2, P3 → 2 / 3 = 66.7 %, below the target 82
      expect([s.numerator, s.denominator, s.display, s.target, s.target_met, s.status]).toEqual([2, 3, '66.7%', 82, 'no', 'computed']);
      const a = await Q8A(db);
      expect(a.find((r) => r.item === 'pct_returned')).toMatchObject({ numerator: 4, denominator: 10, percent: 40 });
      const b = await Q8B(db);
      const eth = Object.fromEntries(b.filter((r) => r.section === 'ethnicity').map((r) => [r.category, [r.sample_n, r.sample_total, r.state_n, r.state_total]]));
      // sample: 700 → WH, HI; 999 and blank have no group (base 2). State: A WH, B HI, D AS (base 3).
      expect(eth).toEqual({ AI: [0, 2, 0, 3], HI: [1, 2, 1, 3], AA: [0, 2, 0, 3], WH: [1, 2, 1, 3], AS: [0, 2, 1, 3], total: [2, 2, 3, 3] });
      const dis = Object.fromEntries(b.filter((r) => r.section === 'disability' && r.sample_n + r.state_n > 0).map((r) => [r.category, [r.sample_n, r.state_n]]));
      // sample 290: P1, P3; 240: P2 (base 3). State 290: A, D; 240: B (C has no group).
      expect(dis).toEqual({ '240': [1, 1], '290': [2, 2], total: [3, 3] });
    });
  });
});
