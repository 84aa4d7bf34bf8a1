import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { Db } from '../../src/db.js';
import { outTable } from '../../src/engine/indicator.js';
import { runIndicator, servedViews } from '../../src/engine/run.js';
import { DataDir, districtRow, studentA } from '../../test/helpers/fixture.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';

const ind5 = INDICATORS.find((i) => i.id === '5')!;
const ind6 = INDICATORS.find((i) => i.id === '6')!;

/**
 * Aggregate-shaped fixture: the derived `students` table the indicators read, generated inside
 * DuckDB (no file): Table 5a of the FFY 2008 APR — 310,030 / 134,991 / 27,285 of 600,598 —
 * plus records that must stay out of the population.
 */
async function seedDb(): Promise<Db> {
  const db = await Db.open();
  await db.run(`
    CREATE TABLE students AS
    WITH cats(cat, n) AS (VALUES ('5A', 310030), ('5B', 134991), ('5C', 27285), ('40-79', 120000), ('other', 8292))
    SELECT '2008-12' AS _period, false AS _is_june, true AS served, false AS undup_excluded, 6 + (range % 16)::INTEGER AS age_rept,
           cat AS lre_cat, CASE WHEN range % 2 = 0 THEN '0110017' ELSE '0110025' END AS district, NULL::VARCHAR AS fedset_prs
    FROM cats, range(n)
    UNION ALL SELECT '2008-12', false, true, false, 5, '5A', '0110017', '200' FROM range(7)    -- age 5: preschool, not 5
    UNION ALL SELECT '2008-12', false, true, false, 22, '5A', '0110017', NULL FROM range(11)   -- age 22: not 6-21
    UNION ALL SELECT '2008-12', false, false, false, 10, '5A', '0110017', NULL FROM range(13)  -- not served
    UNION ALL SELECT '2008-12', false, true, true, 10, '5A', '0110017', NULL FROM range(17)    -- excluded by unduplication
    UNION ALL SELECT '2009-06', true, true, false, 10, '5A', '0110017', NULL FROM range(19);  -- June, not December
    CREATE TABLE district_list AS SELECT * FROM (VALUES ('0110017', 'Alpha', '0101', 'unified'), ('0110025', 'Beta', '0101', 'elementary'), ('0110033', 'Gamma', '0102', 'high')) t(district, district_name, selpa, district_type);
  `);
  await servedViews(db);
  return db;
}

describe('indicator 5 — LRE 6-21', () => {
  it('reproduces Table 5a: 310,030 / 134,991 / 27,285 of 600,598', async () => {
    const db = await seedDb();
    try {
      const cfg = testConfig('.', { only: ['5'] });
      expect((await runIndicator(db, cfg, ind5, new Set(['table_a@2008-12']))).status).toBe('computed');
      const rows = await db.all<{ id: string; numerator: number; denominator: number; value: number }>(
        `SELECT id, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind5, 'summary')} ORDER BY id`,
      );
      expect(rows.map((r) => [r.id, r.numerator, r.denominator])).toEqual([
        ['5A', 310030, 600598],
        ['5B', 134991, 600598],
        ['5C', 27285, 600598],
      ]);
      expect(rows.map((r) => r.value.toFixed(1))).toEqual(['51.6', '22.5', '4.5']);
      const districts = await db.all<{ district: string; denominator: number; evaluated: boolean }>(
        `SELECT district, denominator::INTEGER AS denominator, evaluated FROM ${outTable(ind5, 'districts')} ORDER BY district`,
      );
      expect(districts).toEqual([
        { district: '0110017', denominator: 300300, evaluated: true },
        { district: '0110025', denominator: 300298, evaluated: true },
        { district: '0110033', denominator: 0, evaluated: false },
      ]);
    } finally {
      db.close();
    }
  });

  it('ages are taken on December 1: a 21st birthday on the date is in, a 22nd is out, 6th in, Feb 29', async () => {
    const d = new DataDir().districts([districtRow()]).tableA('2008-12', [
      studentA({ STUDENT_ID: 'A', BIRTHDATE: '1987-12-01', GRADE: '13' }), // 21 on the date: in
      studentA({ STUDENT_ID: 'B', BIRTHDATE: '1986-12-01', GRADE: '13' }), // 22 on the date: out
      studentA({ STUDENT_ID: 'C', BIRTHDATE: '1986-12-02', GRADE: '13' }), // 21 until tomorrow: in
      studentA({ STUDENT_ID: 'D', BIRTHDATE: '2002-12-01', GRADE: '01' }), // 6 on the date: in
      studentA({ STUDENT_ID: 'E', BIRTHDATE: '2002-12-02', GRADE: '18', FEDSET_SCH: '', IN_REGCLS: '', FEDSET_PRS: '100' }), // 5: out of 5, in 6
      studentA({ STUDENT_ID: 'F', BIRTHDATE: '2000-02-29', GRADE: '03', IN_REGCLS: '50' }), // 8: in, 40-79
    ]);
    await withRun(testConfig(d.root, { only: ['5', '6'] }), async (db, result) => {
      const a = result.summary.find((s) => s.id === '5A')!;
      // population A, C, D, F; 5A: A, C, D (F is 40-79 %)
      expect([a.numerator, a.denominator]).toEqual([3, 4]);
      const t6 = await db.all<{ setting: string; count: number }>(`SELECT setting, count::INTEGER AS count FROM ${outTable(ind6, 'table-6')} WHERE count > 0`);
      expect(t6).toEqual([
        { setting: '100', count: 1 },
        { setting: 'total', count: 1 },
      ]);
    });
  });

  it('a December folder without students gives 0/0: computed, empty value', async () => {
    const db = await Db.open();
    try {
      await db.run(`CREATE TABLE students AS SELECT * FROM (SELECT '2008-12' AS _period, false AS _is_june, true AS served, false AS undup_excluded, 10 AS age_rept, '5A' AS lre_cat, 'x' AS district, NULL::VARCHAR AS fedset_prs) WHERE false;
                    CREATE TABLE district_list AS SELECT 'x' AS district, 'X' AS district_name, '0101' AS selpa, 'unified' AS district_type`);
      await servedViews(db);
      await runIndicator(db, testConfig('.', { only: ['5'] }), ind5, new Set(['table_a@2008-12']));
      const r = await db.one<{ numerator: number; denominator: number; value: number | null }>(`SELECT numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind5, 'summary')} WHERE id = '5A'`);
      expect(r).toEqual({ numerator: 0, denominator: 0, value: null });
    } finally {
      db.close();
    }
  });

  it('one flag per measure beside its figures, `flagged` = any; the total label follows ind5.min_age', async () => {
    const db = await Db.open();
    try {
      // Alpha: 7 5A, 1 5B, 2 5C of 10 → 70 % / 10 % / 20 %: only 5C misses (> 4.0).
      // Beta: 2 5A, 2 5B, 1 40-79 of 5 → 40 % / 40 % / 0 %: 5A misses (< 62), 5B misses (> 18).
      // Gamma: nobody, not evaluated, no flag. Two age-4 Alpha students count only when min_age ≤ 4.
      await db.run(`
        CREATE TABLE students AS
        WITH d(district, cat, n, age) AS (VALUES ('0110017', '5A', 7, 10), ('0110017', '5B', 1, 10), ('0110017', '5C', 2, 10),
                                                 ('0110025', '5A', 2, 10), ('0110025', '5B', 2, 10), ('0110025', '40-79', 1, 10),
                                                 ('0110017', '5A', 2, 4))
        SELECT '2008-12' AS _period, false AS _is_june, true AS served, false AS undup_excluded, age AS age_rept,
               cat AS lre_cat, district, NULL::VARCHAR AS fedset_prs
        FROM d, range(n);
        CREATE TABLE district_list AS SELECT * FROM (VALUES ('0110017', 'Alpha', '0101', 'unified'), ('0110025', 'Beta', '0101', 'elementary'), ('0110033', 'Gamma', '0102', 'high')) t(district, district_name, selpa, district_type);
      `);
      await servedViews(db);
      await runIndicator(db, testConfig('.', { only: ['5'] }), ind5, new Set(['table_a@2008-12']));
      const rows = await db.all(
        `SELECT district, evaluated, flagged, flagged_5a, flagged_5b, flagged_5c, round(value, 1) AS v5a, round(pct_5b, 1) AS v5b, round(pct_5c, 1) AS v5c
           FROM ${outTable(ind5, 'districts')} ORDER BY district`,
      );
      expect(rows).toEqual([
        { district: '0110017', evaluated: true, flagged: true, flagged_5a: false, flagged_5b: false, flagged_5c: true, v5a: 70, v5b: 10, v5c: 20 },
        { district: '0110025', evaluated: true, flagged: true, flagged_5a: true, flagged_5b: true, flagged_5c: false, v5a: 40, v5b: 40, v5c: 0 },
        { district: '0110033', evaluated: false, flagged: false, flagged_5a: false, flagged_5b: false, flagged_5c: false, v5a: null, v5b: null, v5c: null },
      ]);
      const total = async (): Promise<unknown> => db.one(`SELECT label, count::INTEGER AS count FROM ${outTable(ind5, 'table-5a')} WHERE category = 'total'`);
      expect(await total()).toEqual({ label: 'All served students ages 6-21', count: 15 });
      await runIndicator(db, testConfig('.', { only: ['5'], params: { 'ind5.min_age': '3', 'ind5.max_age': '20' } }), ind5, new Set(['table_a@2008-12']));
      expect(await total()).toEqual({ label: 'All served students ages 3-20', count: 17 });
    } finally {
      db.close();
    }
  });
});
