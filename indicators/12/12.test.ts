import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { Db } from '../../src/db.js';
import { outTable } from '../../src/engine/indicator.js';
import { runIndicator, servedViews } from '../../src/engine/run.js';
import { DataDir, districtRow, fullHeader, type Rec, studentA } from '../../test/helpers/fixture.js';
import { rejectsOf, testConfig, withRun } from '../../test/helpers/engine.js';

const ind12 = INDICATORS.find((i) => i.id === '12')!;

interface Trig {
  district: string;
  value: number;
  threshold: number;
  numerator: number;
  denominator: number;
  explanation: string;
}

/** The sentence a trigger row must carry, rebuilt from the row's own numbers. */
function sentence(t: Trig): string {
  return `${t.denominator - t.numerator} of ${t.denominator} eligible children (${t.value.toFixed(2)}% compliant) did not have an IEP by their third birthday; the standard is ${t.threshold.toFixed(2)}%.`;
}

/**
 * Aggregate-shaped fixture (no file): the referrals and the June `students` rows of the FFY 2008
 * APR's Table 12a/12b, generated inside DuckDB. Each child's category fixes its June record:
 *   b   878     PLAN_TYPE 90, INIT_EVAL 1-30 days before the third birthday
 *   c   12,286  PLAN_TYPE 10, INIT_EVAL 0-29 days before (0 = on the birthday: on time)
 *   d   2,945   PLAN_TYPE 10, INIT_EVAL 5-54 days after, TBDDLAY 10
 *   late 261 / 202 / 217 / 107 / 79 / 120  PLAN_TYPE 10, INIT_EVAL 1-14, 15-30, 31-60, 61-90,
 *       91-180, 181-380 days after, TBDDLAY 40
 * a = 878 + 12,286 + 2,945 + 986 = 17,095. Plus records that must stay out of a or of the link.
 */
async function seedDb(): Promise<Db> {
  const db = await Db.open();
  await db.run(`
    CREATE TABLE kids AS
    WITH cats(cat, n, plan, lo, width, tbddlay) AS (VALUES
      ('b', 878, '90', -30, 30, NULL), ('c', 12286, '10', -29, 30, NULL), ('d', 2945, '10', 5, 50, '10'),
      ('1-14', 261, '10', 1, 14, '40'), ('15-30', 202, '10', 15, 16, '40'), ('31-60', 217, '10', 31, 30, '40'),
      ('61-90', 107, '10', 61, 30, '40'), ('91-180', 79, '10', 91, 90, '40'), ('over_180', 120, '10', 181, 200, '40'),
      -- third birthday in 2007-08, before Y: never in a (its June 2009 record would make it c)
      ('old', 40, '10', -5, 5, NULL),
      -- referred on the third birthday itself: not "before", never in a
      ('on_day', 30, '10', 3, 5, '40'))
    SELECT cat, plan, tbddlay, g,
           'K' || translate(lpad(g::VARCHAR, 6, '0'), '0123456789', 'ABCDEFGHIJ') AS last_name,
           CASE WHEN cat = 'old' THEN DATE '2004-07-01' ELSE DATE '2005-07-01' END + (g % 365)::INTEGER AS birthdate,
           CASE WHEN g % 2 = 0 THEN '0110017' ELSE '0110025' END AS district,
           lo + (i % width) AS off
    FROM (SELECT c.*, range AS i, row_number() OVER () AS g FROM cats c, range(c.n));

    CREATE TABLE clean_partc_referrals AS
    SELECT 'R' || g AS referral_id, name_key(last_name, 'Kim', birthdate, 'F') AS _name_key, birthdate AS "BIRTHDATE", 'F' AS "GENDER",
           CASE WHEN cat = 'on_day' THEN (birthdate + INTERVAL 3 YEAR)::DATE ELSE birthdate + 700 END AS "REFR_DATE",
           birthdate + 100 AS "PARTC_ENTRY",
           -- every fifth referral has no DIST_RESI: the linked record's district is used
           CASE WHEN g % 5 <> 0 THEN district END AS "DIST_RESI"
    FROM kids;

    CREATE TABLE students AS
    SELECT '2009-06' AS _period, true AS _is_june, plan IN ('10', '20', '30') AS served, false AS undup_excluded,
           name_key(last_name, 'Kim', birthdate, 'F') AS name_key, '0101' AS selpa, 'S' || g AS student_id, district,
           plan AS plan_type, ((birthdate + INTERVAL 3 YEAR)::DATE + off::INTEGER) AS init_eval, tbddlay, birthdate
    FROM kids
    -- The same children in the 2008-12 and 2008-06 submissions, found not eligible long before:
    -- linked only if the period were ignored (every c child would become b).
    UNION ALL
    SELECT p, p = '2008-06', false, false, name_key(last_name, 'Kim', birthdate, 'F'), '0101', 'S' || g, district,
           '90', (birthdate + INTERVAL 3 YEAR)::DATE - 200, NULL, birthdate
    FROM kids, (VALUES ('2008-06'), ('2008-12')) t(p) WHERE cat = 'c';

    CREATE TABLE district_list AS SELECT * FROM (VALUES ('0110017', 'Alpha', '0101', 'unified'), ('0110025', 'Beta', '0101', 'elementary')) t(district, district_name, selpa, district_type);
  `);
  await servedViews(db);
  return db;
}

describe('indicator 12 — Part C to Part B by the third birthday', () => {
  it('reproduces Table 12a and 12b: 12,286 / (17,095 − 878 − 2,945) = 92.57 %', async () => {
    const db = await seedDb();
    try {
      const cfg = testConfig('.', { only: ['12'] });
      expect((await runIndicator(db, cfg, ind12, new Set(['partc_referrals', 'table_a@2009-06']))).status).toBe('computed');
      const s = await db.one<{ numerator: number; denominator: number; value: number }>(
        `SELECT numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind12, 'summary')} WHERE id = '12'`,
      );
      // 17,095 − 878 − 2,945 = 13,272; 12,286 / 13,272 = 0.925708… → 92.57
      expect([s!.numerator, s!.denominator, s!.value.toFixed(2)]).toEqual([12286, 13272, '92.57']);

      const a = await db.all<{ item: string; count: number | null; numerator: number | null; denominator: number | null; percent: number | null }>(
        `SELECT item, count::INTEGER AS count, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, percent FROM ${outTable(ind12, 'table-12a')}`,
      );
      expect(a.map((r) => [r.item, r.count, r.numerator, r.denominator])).toEqual([
        ['a', 17095, null, null],
        ['b', 878, null, null],
        ['c', 12286, null, null],
        ['d', 2945, null, null],
        ['e', 0, null, null], // not applied by default (the source's formula has no e)
        ['percent', null, 12286, 13272],
      ]);
      expect(a[5]!.percent!.toFixed(2)).toBe('92.57');

      const b = await db.all<{ row: string; count: number; denominator: number; percent: number }>(
        `SELECT "row", count::INTEGER AS count, denominator::INTEGER AS denominator, percent FROM ${outTable(ind12, 'table-12b')}`,
      );
      // n / a with a = 17,095: 261 → 1.53 → 1.5; 202 → 1.18 → 1.2; 217 → 1.27 → 1.3; 107 → 0.63 → 0.6;
      // 79 → 0.46 → 0.5; 120 → 0.70 → 0.7; total 986 = a − b − c − d.
      expect(b.map((r) => [r.row, r.count, r.denominator, r.percent.toFixed(1)])).toEqual([
        ['1-14', 261, 17095, '1.5'],
        ['15-30', 202, 17095, '1.2'],
        ['31-60', 217, 17095, '1.3'],
        ['61-90', 107, 17095, '0.6'],
        ['91-180', 79, 17095, '0.5'],
        ['over_180', 120, 17095, '0.7'],
        ['not_eligible_late', 0, 17095, '0.0'],
        ['no_iep', 0, 17095, '0.0'],
        ['unlinked', 0, 17095, '0.0'],
        ['total', 986, 17095, '5.8'],
      ]);

      // Districts: every child of even g lives in 0110017 (by the referral, or by the record when
      // the referral has no DIST_RESI), so the two districts split a and add up to the state.
      const d = await db.all<{ district: string; a: number; numerator: number; denominator: number }>(
        `SELECT district, a::INTEGER AS a, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator FROM ${outTable(ind12, 'districts')} ORDER BY district`,
      );
      expect(d.reduce((x, r) => x + r.a, 0)).toBe(17095);
      expect(d.reduce((x, r) => x + r.numerator, 0)).toBe(12286);
      expect(d.reduce((x, r) => x + r.denominator, 0)).toBe(13272);
    } finally {
      db.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Edges through the real load: data year 2008-09 (2008-07-01 .. 2009-06-30), June 2009 Table A.

/** A June 2009 Table A record of a child around three (preschool, speech). */
function kid(over: Rec): Rec {
  return studentA(
    {
      GRADE: '17',
      DISABILITY1: '240',
      FEDSET_SCH: '',
      IN_REGCLS: '',
      FEDSET_PRS: '200',
      ENTRY_DATE: over.INIT_EVAL || '2008-06-01',
      LAST_IEP: '2009-03-01',
      LAST_EVAL: '2009-03-01',
      ...over,
    },
    '2009-06',
  );
}

function referral(over: Rec): Rec {
  return { GENDER: 'M', PARTC_ENTRY: '', DIST_RESI: '0110017', regional_center: 'Test RC', ...over };
}

const REFERRALS: Rec[] = [
  // Name, case and date-form variants: all link. c (INIT_EVAL on the birthday 2008-09-10).
  referral({ referral_id: 'R01', LAST_NAME: 'TESTPERSON', FIRST_NAME: 'alex', BIRTHDATE: '09/10/2005', REFR_DATE: '2008-05-01' }),
  // O'Neil-Smith / Mary Ann written without apostrophe, hyphen or space; MMDDYYYY. c.
  referral({ referral_id: 'R02', LAST_NAME: 'ONEIL SMITH', FIRST_NAME: 'MARYANN', BIRTHDATE: '10012005', GENDER: 'F', REFR_DATE: '2008-06-01' }),
  // ISO date, lower case with spaces. PLAN_TYPE 90 before the birthday and TBDDLAY 10: b (b before d).
  referral({ referral_id: 'R03', LAST_NAME: 'de la cruz', FIRST_NAME: 'JO', BIRTHDATE: '2005-11-15', GENDER: 'F', REFR_DATE: '2008-07-01' }),
  // IEP on the birthday and TBDDLAY 10: c (c before d).
  referral({ referral_id: 'R04', LAST_NAME: 'Refusal', FIRST_NAME: 'Rex', BIRTHDATE: '2005-12-01', REFR_DATE: '2008-08-01' }),
  // Late, TBDDLAY 10, and referred to Part C late: d (d before e).
  referral({ referral_id: 'R05', LAST_NAME: 'Lateone', FIRST_NAME: 'Lia', BIRTHDATE: '2006-01-10', GENDER: 'F', REFR_DATE: '2008-12-05', PARTC_ENTRY: '2008-12-01' }),
  // Late by 20 days, TBDDLAY 20, PARTC_ENTRY 2008-12-15 > 2009-02-01 − 90 days = 2008-11-03: late (15-30)
  // by default; e when ind12.exclude_late_referrals.
  referral({ referral_id: 'R06', LAST_NAME: 'Latetwo', FIRST_NAME: 'Leo', BIRTHDATE: '2006-02-01', REFR_DATE: '2008-12-20', PARTC_ENTRY: '2008-12-15' }),
  // Found not eligible ON the birthday (not before): counts against the percent.
  referral({ referral_id: 'R07', LAST_NAME: 'Ineligible', FIRST_NAME: 'Ivy', BIRTHDATE: '2005-08-20', GENDER: 'F', REFR_DATE: '2008-05-20' }),
  // No June record: unlinked, district from the referral.
  referral({ referral_id: 'R08', LAST_NAME: 'Nomatch', FIRST_NAME: 'Ned', BIRTHDATE: '2006-03-01', REFR_DATE: '2009-01-05', DIST_RESI: '0110025' }),
  // No June record and no DIST_RESI: statewide only.
  referral({ referral_id: 'R09', LAST_NAME: 'Nowhere', FIRST_NAME: 'Nia', BIRTHDATE: '2006-03-05', GENDER: 'F', REFR_DATE: '2009-01-05', DIST_RESI: '' }),
  // Two June records (W-LINK): SELPA 0101 late, SELPA 0102 on time → the earliest INIT_EVAL (0102): c,
  // district from that record (0110025).
  referral({ referral_id: 'R10', LAST_NAME: 'Twice', FIRST_NAME: 'Tom', BIRTHDATE: '2005-09-25', REFR_DATE: '2008-06-10', DIST_RESI: '' }),
  // Two June records with the same INIT_EVAL 2009-01-20 (92 days late) → lowest SELPA 0101 (Z9).
  // PARTC_ENTRY exactly birthday − 90 days (2008-07-22): not late, never e.
  referral({ referral_id: 'R11', LAST_NAME: 'Tie', FIRST_NAME: 'Tess', BIRTHDATE: '2005-10-20', GENDER: 'F', REFR_DATE: '2008-08-15', PARTC_ENTRY: '2008-07-22', DIST_RESI: '' }),
  // Third birthday on 2008-07-01, the first day of Y: in a; IEP before it: c.
  referral({ referral_id: 'R12', LAST_NAME: 'Edge', FIRST_NAME: 'Ed', BIRTHDATE: '2005-07-01', REFR_DATE: '2008-03-01' }),
  // Third birthday on 2009-07-01, the day after Y: not in a.
  referral({ referral_id: 'R13', LAST_NAME: 'Outside', FIRST_NAME: 'Otto', BIRTHDATE: '2006-07-01', REFR_DATE: '2009-03-01' }),
  // Referred on the third birthday: not before it, not in a.
  referral({ referral_id: 'R14', LAST_NAME: 'Onday', FIRST_NAME: 'Olga', BIRTHDATE: '2006-04-01', GENDER: 'F', REFR_DATE: '2009-04-01' }),
  // PLAN_TYPE 70 (eligible, parent declined services): no IEP, counts against the percent.
  referral({ referral_id: 'R15', LAST_NAME: 'Noiep', FIRST_NAME: 'Nat', BIRTHDATE: '2006-05-01', REFR_DATE: '2009-02-01' }),
  // Same name and birthdate as R01 but another gender: no link.
  referral({ referral_id: 'R16', LAST_NAME: 'Testperson', FIRST_NAME: 'Alex', BIRTHDATE: '2005-09-10', GENDER: 'F', REFR_DATE: '2008-05-01' }),
];

const JUNE: Rec[] = [
  kid({ STUDENT_ID: 'K01', LAST_NAME: 'Testperson', FIRST_NAME: 'Alex', BIRTHDATE: '2005-09-10', INIT_EVAL: '2008-09-10' }),
  kid({ STUDENT_ID: 'K02', LAST_NAME: "O'Neil-Smith", FIRST_NAME: 'Mary Ann', BIRTHDATE: '2005-10-01', GENDER: 'F', INIT_EVAL: '2008-09-20' }),
  kid({ STUDENT_ID: 'K03', LAST_NAME: 'De La Cruz', FIRST_NAME: 'Jo', BIRTHDATE: '2005-11-15', GENDER: 'F', PLAN_TYPE: '90', INIT_EVAL: '2008-11-01', TBDDLAY: '10', DISABILITY1: '', FEDSET_PRS: '', ENTRY_DATE: '', LAST_IEP: '', LAST_EVAL: '' }),
  kid({ STUDENT_ID: 'K04', LAST_NAME: 'Refusal', FIRST_NAME: 'Rex', BIRTHDATE: '2005-12-01', INIT_EVAL: '2008-12-01', TBDDLAY: '10' }),
  kid({ STUDENT_ID: 'K05', LAST_NAME: 'Lateone', FIRST_NAME: 'Lia', BIRTHDATE: '2006-01-10', GENDER: 'F', INIT_EVAL: '2009-01-20', TBDDLAY: '10' }),
  kid({ STUDENT_ID: 'K06', LAST_NAME: 'Latetwo', FIRST_NAME: 'Leo', BIRTHDATE: '2006-02-01', INIT_EVAL: '2009-02-21', TBDDLAY: '20' }),
  kid({ STUDENT_ID: 'K07', LAST_NAME: 'Ineligible', FIRST_NAME: 'Ivy', BIRTHDATE: '2005-08-20', GENDER: 'F', PLAN_TYPE: '90', INIT_EVAL: '2008-08-20', DISABILITY1: '', FEDSET_PRS: '', ENTRY_DATE: '', LAST_IEP: '', LAST_EVAL: '' }),
  kid({ STUDENT_ID: 'T1', LAST_NAME: 'Twice', FIRST_NAME: 'Tom', BIRTHDATE: '2005-09-25', INIT_EVAL: '2008-10-30' }),
  kid({ STUDENT_ID: 'T2', SELPA_CODE: '0102', DIST_SERV: '0110025', DIST_RESI: '0110025', LAST_NAME: 'Twice', FIRST_NAME: 'Tom', BIRTHDATE: '2005-09-25', INIT_EVAL: '2008-09-01' }),
  kid({ STUDENT_ID: 'A1', SELPA_CODE: '0102', DIST_SERV: '0110025', DIST_RESI: '0110025', LAST_NAME: 'Tie', FIRST_NAME: 'Tess', BIRTHDATE: '2005-10-20', GENDER: 'F', INIT_EVAL: '2009-01-20', TBDDLAY: '40' }),
  kid({ STUDENT_ID: 'Z9', LAST_NAME: 'Tie', FIRST_NAME: 'Tess', BIRTHDATE: '2005-10-20', GENDER: 'F', INIT_EVAL: '2009-01-20', TBDDLAY: '40' }),
  kid({ STUDENT_ID: 'K12', LAST_NAME: 'Edge', FIRST_NAME: 'Ed', BIRTHDATE: '2005-07-01', INIT_EVAL: '2008-06-20' }),
  kid({ STUDENT_ID: 'K13', LAST_NAME: 'Outside', FIRST_NAME: 'Otto', BIRTHDATE: '2006-07-01', INIT_EVAL: '2009-06-01', LAST_IEP: '2009-06-01', LAST_EVAL: '2009-06-01', GRADE: '16', FEDSET_PRS: '', REFR_DATE: '2009-03-01', REFR_BY: '10' }),
  kid({ STUDENT_ID: 'K14', LAST_NAME: 'Onday', FIRST_NAME: 'Olga', BIRTHDATE: '2006-04-01', GENDER: 'F', INIT_EVAL: '2009-05-01', LAST_IEP: '2009-05-01', LAST_EVAL: '2009-05-01' }),
  kid({ STUDENT_ID: 'K15', LAST_NAME: 'Noiep', FIRST_NAME: 'Nat', BIRTHDATE: '2006-05-01', PLAN_TYPE: '70', INIT_EVAL: '2009-04-15', DISABILITY1: '', FEDSET_PRS: '', ENTRY_DATE: '', LAST_IEP: '', LAST_EVAL: '' }),
];

function edgeDir(): DataDir {
  return new DataDir()
    .districts([districtRow(), districtRow({ district: '0110025', name: 'Beta Elementary', selpa: '0102', type: 'elementary' })])
    .tableA('2009-06', JUNE)
    .csv('partc/referrals.csv', fullHeader('partc_referrals'), REFERRALS);
}

describe('indicator 12 — rules on a small data folder', () => {
  it('links name and date variants, takes b, c, d, e in order, keeps unlinked referrals in a, picks the earliest INIT_EVAL', async () => {
    await withRun(testConfig(edgeDir().root, { only: ['12'] }), async (db, result) => {
      const rejects = await rejectsOf(db);
      expect(rejects.filter((r) => r.severity === 'error')).toEqual([]);
      // R10 (Twice) and R11 (Tie) each match two June records.
      expect(rejects.filter((r) => r.code === 'W-LINK').map((r) => r.value)).toEqual(['R10', 'R11']);

      // a = R01-R12, R15, R16 = 14 (R13: birthday after Y; R14: referred on the birthday).
      // b = R03; c = R01, R02, R04, R10, R12; d = R05; e = 0 (not applied);
      // late = R06, R07, R11, R15; unlinked = R08, R09, R16. 1 + 5 + 1 + 4 + 3 = 14.
      // Percent = 5 / (14 − 1 − 1) = 5 / 12 = 41.67 %.
      const s = result.summary.find((r) => r.id === '12')!;
      expect([s.numerator, s.denominator, s.display, s.target_met]).toEqual([5, 12, '41.67%', 'no']);

      const a = await db.all<{ item: string; count: number | null }>(`SELECT item, count::INTEGER AS count FROM ${outTable(ind12, 'table-12a')}`);
      expect(a.map((r) => [r.item, r.count])).toEqual([['a', 14], ['b', 1], ['c', 5], ['d', 1], ['e', 0], ['percent', null]]);

      // Table 12b: R06 20 days → 15-30; R11 92 days → 91-180; R07 not eligible on the birthday;
      // R15 no IEP; 3 unlinked; total 7 = 14 − 1 − 5 − 1.
      const b = await db.all<{ row: string; count: number; denominator: number }>(
        `SELECT "row", count::INTEGER AS count, denominator::INTEGER AS denominator FROM ${outTable(ind12, 'table-12b')} WHERE count > 0`,
      );
      expect(b).toEqual([
        { row: '15-30', count: 1, denominator: 14 },
        { row: '91-180', count: 1, denominator: 14 },
        { row: 'not_eligible_late', count: 1, denominator: 14 },
        { row: 'no_iep', count: 1, denominator: 14 },
        { row: 'unlinked', count: 3, denominator: 14 },
        { row: 'total', count: 7, denominator: 14 },
      ]);

      // 0110017: R01 R02 R04 R12 (c), R03 (b), R05 (d), R06 R07 R11 R15 (late; R11 by its record),
      // R16 (unlinked) → a 11, den 11 − 1 − 1 = 9, c 4 → 44.44 %.
      // 0110025: R08 (unlinked), R10 (c, by its record) → a 2, den 2, c 1 → 50 %. R09: state only.
      const d = await db.all<{ district: string; a: number; numerator: number; denominator: number; late: number; unlinked: number; evaluated: boolean; flagged: boolean }>(
        `SELECT district, a::INTEGER AS a, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, late::INTEGER AS late,
                unlinked::INTEGER AS unlinked, evaluated, flagged FROM ${outTable(ind12, 'districts')} ORDER BY district`,
      );
      expect(d).toEqual([
        { district: '0110017', a: 11, numerator: 4, denominator: 9, late: 4, unlinked: 1, evaluated: true, flagged: true },
        { district: '0110025', a: 2, numerator: 1, denominator: 2, late: 0, unlinked: 1, evaluated: true, flagged: true },
      ]);

      // Trigger 12 below sesr.timeline_min (100) with late/missing cases; the sentence from the row.
      const t = await db.all<Trig>(`SELECT district, value, threshold, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, explanation FROM identification WHERE "trigger" = '12' ORDER BY district`);
      expect(t.map((r) => [r.district, r.numerator, r.denominator, r.threshold])).toEqual([
        ['0110017', 4, 9, 100],
        ['0110025', 1, 2, 100],
      ]);
      for (const r of t) expect(r.explanation).toBe(sentence(r));
      expect(t[0]!.explanation).toBe('5 of 9 eligible children (44.44% compliant) did not have an IEP by their third birthday; the standard is 100.00%.');

      // Restricted list: linked children counted against the percent, by local STUDENT_ID; R11 by
      // the lowest SELPA of its tie (0101, Z9). No name, birthdate or third birthday.
      const list = await db.all<Record<string, unknown>>(`SELECT * FROM ${outTable(ind12, '12')}`);
      expect(list).toEqual([
        { district: '0110017', student_id: 'K06', selpa: '0101', referral_id: 'R06', plan_type: '10', status: 'iep_late', days_after_range: '15-30', tbddlay: '20' },
        { district: '0110017', student_id: 'K07', selpa: '0101', referral_id: 'R07', plan_type: '90', status: 'not_eligible_late', days_after_range: null, tbddlay: null },
        { district: '0110017', student_id: 'K15', selpa: '0101', referral_id: 'R15', plan_type: '70', status: 'no_iep', days_after_range: null, tbddlay: null },
        { district: '0110017', student_id: 'Z9', selpa: '0101', referral_id: 'R11', plan_type: '10', status: 'iep_late', days_after_range: '91-180', tbddlay: '40' },
      ]);
    });
  });

  it('e is counted only when exclude_late_referrals, after b, c and d; refusal codes are a parameter', async () => {
    const cfg = testConfig(edgeDir().root, { only: ['12'], params: { 'ind12.exclude_late_referrals': 'true', 'ind12.refusal_codes': '10,40' } });
    await withRun(cfg, async (db, result) => {
      // R06 (late Part C entry) → e; R05 stays d (d first); R11 (PARTC_ENTRY = birthday − 90) is not
      // late but has TBDDLAY 40, now a refusal code → d. R04 (TBDDLAY 10, on time) stays c.
      // a 14, b 1, c 5, d 2, e 1 → 5 / (14 − 1 − 2 − 1) = 5 / 10 = 50.00 %.
      const s = result.summary.find((r) => r.id === '12')!;
      expect([s.numerator, s.denominator, s.display]).toEqual([5, 10, '50.00%']);
      const a = await db.all<{ item: string; count: number | null }>(`SELECT item, count::INTEGER AS count FROM ${outTable(ind12, 'table-12a')}`);
      expect(a.map((r) => [r.item, r.count])).toEqual([['a', 14], ['b', 1], ['c', 5], ['d', 2], ['e', 1], ['percent', null]]);
      // Table 12b total = 14 − 1 − 5 − 2 − 1 = 5: R07, R15 and the 3 unlinked.
      const total = await db.scalar(`SELECT count FROM ${outTable(ind12, 'table-12b')} WHERE "row" = 'total'`);
      expect(Number(total)).toBe(5);
    });
  });

  it('no referral in the data year gives 0/0: computed, empty value, nobody flagged', async () => {
    // Aggregate-shaped: one referral whose third birthday (2009-07-01) is after Y, no June record.
    const db = await Db.open();
    try {
      await db.run(`
        CREATE TABLE clean_partc_referrals AS SELECT 'R1' AS referral_id, name_key('Outside', 'Otto', DATE '2006-07-01', 'M') AS _name_key,
          DATE '2006-07-01' AS "BIRTHDATE", 'M' AS "GENDER", DATE '2009-03-01' AS "REFR_DATE", NULL::DATE AS "PARTC_ENTRY", '0110017' AS "DIST_RESI";
        CREATE TABLE students AS SELECT '2009-06' AS _period, true AS _is_june, true AS served, false AS undup_excluded, NULL::VARCHAR AS name_key,
          '0101' AS selpa, 'S1' AS student_id, '0110017' AS district, '10' AS plan_type, NULL::DATE AS init_eval, NULL::VARCHAR AS tbddlay WHERE false;
        CREATE TABLE district_list AS SELECT '0110017' AS district, 'Alpha' AS district_name, '0101' AS selpa, 'unified' AS district_type;
      `);
      await servedViews(db);
      await runIndicator(db, testConfig('.', { only: ['12'] }), ind12, new Set(['partc_referrals', 'table_a@2009-06']));
      const s = await db.one<{ numerator: number; denominator: number; value: number | null }>(
        `SELECT numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind12, 'summary')}`,
      );
      expect(s).toEqual({ numerator: 0, denominator: 0, value: null });
      expect(await db.scalar(`SELECT count(*) FROM ${outTable(ind12, 'triggers')}`)).toBe(0);
      expect(await db.all(`SELECT district, denominator::INTEGER AS denominator, value, evaluated, flagged FROM ${outTable(ind12, 'districts')}`)).toEqual([
        { district: '0110017', denominator: 0, value: null, evaluated: false, flagged: false },
      ]);
      const b = await db.all<{ count: number; percent: number | null }>(`SELECT count::INTEGER AS count, percent FROM ${outTable(ind12, 'table-12b')}`);
      expect(b.every((r) => r.count === 0 && r.percent === null)).toBe(true);
    } finally {
      db.close();
    }
  });
});
