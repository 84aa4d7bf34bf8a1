import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { Db } from '../../src/db.js';
import { outTable } from '../../src/engine/indicator.js';
import { indicatorStatus, runIndicator } from '../../src/engine/run.js';
import { statusText } from '../../src/engine/plan.js';
import { DataDir, fullHeader } from '../../test/helpers/fixture.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';

const ind15 = INDICATORS.find((i) => i.id === '15')!;

/**
 * Table 15b of the FFY 2008 APR (SEED-FIGURES rows 208-229): cluster, component, LEAs, a, b.
 * The qualified-personnel monitoring row is printed as 362 / 370 (b > a, impossible: SEED-FIGURES
 * T3); here it is 370 / 354, the values that make the column sums the printed Table 15a figures:
 *   Σa of the other 18 rows = 32,894 − 362 = 32,532 → 32,902 − 32,532 = 370,
 *   Σb of the other 18 rows = 32,257 − 370 = 31,887 → 32,241 − 31,887 = 354.
 * Rows the source prints as 0 LEAs / 0 findings (3-7, 9-10, 12 dispute) have no findings here.
 */
const SEED: [string, string, number, number, number][] = [
  ['1-2-14', 'monitoring', 52, 3186, 3182],
  ['1-2-14', 'dispute', 126, 665, 574],
  ['3-7', 'monitoring', 59, 494, 489],
  ['4A', 'monitoring', 44, 1099, 1090],
  ['4A', 'dispute', 12, 29, 25],
  ['5-6', 'monitoring', 173, 8061, 7840],
  ['5-6', 'dispute', 10, 32, 29],
  ['8', 'monitoring', 181, 2459, 2429],
  ['8', 'dispute', 36, 80, 74],
  ['9-10', 'monitoring', 143, 3836, 3776],
  ['11', 'monitoring', 194, 1114, 1076],
  ['11', 'dispute', 50, 223, 167],
  ['12', 'monitoring', 32, 167, 167],
  ['13', 'monitoring', 92, 1843, 1824],
  ['13', 'dispute', 5, 14, 6],
  ['other-procedural', 'monitoring', 35, 8757, 8752],
  ['other-procedural', 'dispute', 99, 442, 357],
  ['other-personnel', 'monitoring', 29, 370, 354],
  ['other-personnel', 'dispute', 10, 31, 30],
];

const CLUSTERS = ['1-2-14', '3-7', '4A', '4B', '5-6', '8', '9-10', '11', '12', '13', 'other-procedural', 'other-personnel'];

const FINDINGS_COLUMNS = `finding_id VARCHAR, district VARCHAR, cluster VARCHAR, component VARCHAR, source VARCHAR,
  notified_date DATE, corrected_date DATE`;

/**
 * Aggregate-shaped `clean_findings`: for each seed row, `a` findings numbered i = 0..a−1, district
 * i mod LEAs (so exactly LEAs districts), notified on 2007-07-01 + (i mod 366) days (all inside FFY
 * 2007, 2007-07-01..2008-06-30); the first b corrected 0..365 days after notification (in time), the
 * others corrected 366+ days after (even i) or not yet (odd i).
 */
async function seedDb(): Promise<Db> {
  const db = await Db.open();
  const values = SEED.map(([c, p, l, a, b]) => `('${c}', '${p}', ${l}, ${a}, ${b})`).join(', ');
  await db.run(`
    CREATE TABLE clean_findings AS
    WITH seed(cluster, component, leas, a, b) AS (VALUES ${values})
    SELECT printf('F-%s-%s-%d', cluster, component, i) AS finding_id, printf('%07d', i % leas) AS district,
           cluster, component, 'VR' AS source, notified_date,
           CASE WHEN i < b THEN notified_date + (i % 366)::INTEGER
                WHEN i % 2 = 0 THEN notified_date + 366 + (i % 30)::INTEGER END AS corrected_date
    FROM (SELECT *, range AS i, DATE '2007-07-01' + (range % 366)::INTEGER AS notified_date FROM seed, range(a))`);
  return db;
}

interface Row15b {
  cluster: string;
  component: string;
  districts: number;
  findings: number;
  corrected: number;
  percent: number | null;
}

async function table15b(db: Db): Promise<Row15b[]> {
  return db.all<Row15b>(
    `SELECT cluster, component, districts::INTEGER AS districts, findings::INTEGER AS findings, corrected::INTEGER AS corrected, percent
     FROM ${outTable(ind15, 'table-15b')}`,
  );
}

describe('indicator 15 — correction within one year', () => {
  it('reproduces Table 15a (32,241 / 32,902 = 97.99 %) and the rows of Table 15b', async () => {
    const db = await seedDb();
    try {
      const cfg = testConfig('.', { only: ['15'] });
      expect((await runIndicator(db, cfg, ind15, new Set(['findings']))).status).toBe('computed');
      const s = await db.one<{ id: string; numerator: number; denominator: number; value: number }>(
        `SELECT id, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind15, 'summary')}`,
      );
      expect([s!.id, s!.numerator, s!.denominator]).toEqual(['15', 32241, 32902]);
      expect(s!.value.toFixed(2)).toBe('97.99'); // 100 × 32,241 / 32,902 = 97.991

      const t15a = await db.all<{ item: string; count: number | null; numerator: number | null; denominator: number | null; percent: number | null }>(
        `SELECT item, count::INTEGER AS count, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, percent FROM ${outTable(ind15, 'table-15a')}`,
      );
      expect(t15a.map((r) => r.item)).toEqual(['a', 'b', 'percent', 'corrected_late', 'uncorrected']);
      expect(t15a[0]!.count).toBe(32902);
      expect(t15a[1]!.count).toBe(32241);
      expect([t15a[2]!.numerator, t15a[2]!.denominator, t15a[2]!.percent!.toFixed(2)]).toEqual([32241, 32902, '97.99']);
      // a − b = 661 findings not corrected in time (the source's text says 680: SEED-FIGURES row 234)
      expect(t15a[3]!.count! + t15a[4]!.count!).toBe(661);

      const t15b = await table15b(db);
      // 12 clusters × 2 components, then the totals by component and overall, in the contract's order
      expect(t15b.map((r) => `${r.cluster}/${r.component}`)).toEqual([
        ...CLUSTERS.flatMap((c) => [`${c}/monitoring`, `${c}/dispute`]),
        'total/monitoring',
        'total/dispute',
        'total/total',
      ]);
      const byKey = new Map(t15b.map((r) => [`${r.cluster}/${r.component}`, r]));
      for (const [c, p, leas, a, b] of SEED) {
        const r = byKey.get(`${c}/${p}`)!;
        expect([r.districts, r.findings, r.corrected], `${c}/${p}`).toEqual([leas, a, b]);
        expect(r.percent).toBeCloseTo((100 * b) / a, 10);
      }
      // 4A: 1,090 / 1,099 = 99.18 % over 44 LEAs; dispute 25 / 29 = 86.21 % over 12
      expect(byKey.get('4A/monitoring')!.percent!.toFixed(2)).toBe('99.18');
      expect(byKey.get('4A/dispute')!.percent!.toFixed(2)).toBe('86.21');
      // 3-7 dispute and 4B (not in the source) are empty rows: 0 LEAs, 0 findings, no percent
      expect(byKey.get('3-7/dispute')).toMatchObject({ districts: 0, findings: 0, corrected: 0, percent: null });
      expect(byKey.get('4B/monitoring')).toMatchObject({ districts: 0, findings: 0, corrected: 0, percent: null });
      // Totals: dispute a = 665 + 29 + 32 + 80 + 223 + 14 + 442 + 31 = 1,516, b = 574 + 25 + 29 + 74 +
      // 167 + 6 + 357 + 30 = 1,262; monitoring a = 32,902 − 1,516 = 31,386, b = 32,241 − 1,262 = 30,979.
      // Distinct LEAs: district ids 0..LEAs−1 are shared across rows, so the largest LEAs count:
      // monitoring 194 (cluster 11), dispute 126 (1-2-14), overall 194.
      expect(byKey.get('total/monitoring')).toMatchObject({ districts: 194, findings: 31386, corrected: 30979 });
      expect(byKey.get('total/dispute')).toMatchObject({ districts: 126, findings: 1516, corrected: 1262 });
      expect(byKey.get('total/total')).toMatchObject({ districts: 194, findings: 32902, corrected: 32241 });
    } finally {
      db.close();
    }
  });

  it('edges: the findings-year boundaries, 365 days across a leap day, blank correction; parameters move them', async () => {
    const db = await Db.open();
    try {
      await db.run(`CREATE TABLE clean_findings (${FINDINGS_COLUMNS});
        INSERT INTO clean_findings VALUES
          ('e1', 'D1', '11', 'monitoring', 'VR', '2007-06-30', '2007-07-15'),   -- notified the day before FFY 2007: out
          ('e2', 'D1', '11', 'monitoring', 'VR', '2007-07-01', '2008-06-30'),   -- first day; +365 days: in time
          ('e3', 'D2', '11', 'dispute', 'complaint', '2008-06-30', '2009-06-30'), -- last day; +365 days: in time
          ('e4', 'D2', '4B', 'monitoring', 'VR', '2008-07-01', '2008-08-01'),   -- FFY 2008: out
          ('e5', 'D3', '4B', 'dispute', 'hearing', '2008-02-01', '2009-01-31'), -- +365 days (Feb 29 between): in time
          ('e6', 'D3', '4B', 'dispute', 'hearing', '2008-02-01', '2009-02-01'), -- one calendar year = 366 days: late
          ('e7', 'D4', '13', 'monitoring', 'SESR', '2007-09-10', NULL)          -- not yet corrected
      `);
      const summary = async (params: Record<string, string> = {}) => {
        await runIndicator(db, testConfig('.', { only: ['15'], params }), ind15, new Set(['findings']));
        return db.one<{ numerator: number; denominator: number }>(
          `SELECT numerator::INTEGER AS numerator, denominator::INTEGER AS denominator FROM ${outTable(ind15, 'summary')}`,
        );
      };
      // a = e2, e3, e5, e6, e7 = 5; b = e2, e3, e5 = 3
      expect(await summary()).toEqual({ numerator: 3, denominator: 5 });
      const t15a = await db.all<{ item: string; count: number | null }>(`SELECT item, count::INTEGER AS count FROM ${outTable(ind15, 'table-15a')}`);
      expect(t15a.filter((r) => r.count !== null).map((r) => [r.item, r.count])).toEqual([
        ['a', 5],
        ['b', 3],
        ['corrected_late', 1], // e6
        ['uncorrected', 1], // e7
      ]);
      const t15b = new Map((await table15b(db)).map((r) => [`${r.cluster}/${r.component}`, r]));
      expect(t15b.get('11/monitoring')).toMatchObject({ districts: 1, findings: 1, corrected: 1, percent: 100 }); // e2
      expect(t15b.get('4B/dispute')).toMatchObject({ districts: 1, findings: 2, corrected: 1, percent: 50 }); // e5, e6 of D3
      expect(t15b.get('4B/monitoring')).toMatchObject({ findings: 0, percent: null }); // e4 is out
      // 4 districts overall (D1 e2, D2 e3, D3 e5/e6, D4 e7); monitoring D1, D4; dispute D2, D3
      expect(t15b.get('total/total')).toMatchObject({ districts: 4, findings: 5, corrected: 3, percent: 60 });
      expect(t15b.get('total/monitoring')).toMatchObject({ districts: 2, findings: 2, corrected: 1 });

      // 366 days: e6 is in time too → 4 / 5
      expect(await summary({ 'ind15.correction_days': '366' })).toEqual({ numerator: 4, denominator: 5 });
      // findings notified in the data year itself (FFY 2008): only e4, corrected after 31 days → 1 / 1
      expect(await summary({ 'ind15.findings_year_offset': '0' })).toEqual({ numerator: 1, denominator: 1 });
      // reporting on 2007-08 data: findings of FFY 2006 (2006-07-01..2007-06-30): only e1, corrected after 15 days → 1 / 1
      await runIndicator(db, testConfig('.', { only: ['15'], params: { 'ind15.data_year_offset': '-1' } }), ind15, new Set(['findings']));
      expect(await db.one(`SELECT numerator::INTEGER AS n, denominator::INTEGER AS d, value FROM ${outTable(ind15, 'summary')}`)).toEqual({ n: 1, d: 1, value: 100 });
    } finally {
      db.close();
    }
  });

  it('runs from monitoring/findings.csv through the loader; without the file it is not computed', async () => {
    const d = new DataDir().districts().csv('monitoring/findings.csv', fullHeader('findings'), [
      { finding_id: 'F1', district: '0110017', cluster: '5-6', component: 'monitoring', source: 'VR', notified_date: '2007-10-01', corrected_date: '2008-03-01' },
      { finding_id: 'F2', district: '0110017', cluster: '5-6', component: 'monitoring', source: 'VR', notified_date: '2007-10-01', corrected_date: '' },
      { finding_id: 'F3', district: 'NPS-0042', cluster: 'other-personnel', component: 'dispute', source: 'complaint', notified_date: '2008-01-15', corrected_date: '2009-01-20' },
      { finding_id: 'F4', district: '0110017', cluster: '12', component: 'monitoring', source: 'data', notified_date: '2008-09-01', corrected_date: '2008-10-01' },
    ]);
    await withRun(testConfig(d.root, { only: ['15'] }), async (db, result) => {
      // a = F1, F2, F3 (F4 is FFY 2008); b = F1 (F3 is 371 days late, F2 open) → 1 / 3 = 33.33 %
      const s = result.summary.find((r) => r.id === '15')!;
      expect([s.numerator, s.denominator, s.display, s.target, s.target_met, s.status]).toEqual([1, 3, '33.33%', 100, 'no', 'computed']);
      const rows = await table15b(db);
      expect(rows.find((r) => r.cluster === 'other-personnel' && r.component === 'dispute')).toMatchObject({ districts: 1, findings: 1, corrected: 0 });
    });
    expect(statusText(indicatorStatus(testConfig(d.root, { only: ['15'] }), ind15, new Set(), new Map()))).toBe(
      'not computed: missing monitoring/findings.csv',
    );
  });
});
