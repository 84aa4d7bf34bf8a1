import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { Db } from '../../src/db.js';
import { findOutput, outputColumns, outTable } from '../../src/engine/indicator.js';
import { runContext, runIndicator, servedViews } from '../../src/engine/run.js';
import { runOutput } from '../../src/engine/runner.js';
import { writeScenarios } from '../../src/engine/scenarios.js';
import { DataDir, districtRow, fullHeader, requiredHeader, studentA } from '../../test/helpers/fixture.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';

const ind11 = INDICATORS.find((i) => i.id === '11')!;
const PRESENT = new Set(['table_a@2009-06']);

const D1 = '0000001';
const D2 = '0000002';
const D3 = '0000003';
const D4 = '0000004';
const D5 = '0000005'; // no consents

const q = (v: string | null): string => (v === null ? 'NULL' : `'${v}'`);

/** The tables the count step reads, built by hand: `students` (→ `june_all`), `clean_breaks`, `district_list`. */
async function baseTables(db: Db, breaks: [string, string, string, number | null][]): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE clean_breaks (district VARCHAR, start_date DATE, end_date DATE, school_days INTEGER, description VARCHAR);
    CREATE OR REPLACE TABLE district_list AS SELECT * FROM (VALUES ('${D1}', 'One', '0101', 'unified'), ('${D2}', 'Two', '0101', 'unified'),
      ('${D3}', 'Three', '0102', 'unified'), ('${D4}', 'Four', '0102', 'unified'), ('${D5}', 'Five', '0102', 'unified')) t(district, district_name, selpa, district_type);
  `);
  if (breaks.length) {
    await db.run(`INSERT INTO clean_breaks VALUES ${breaks.map(([d, s, e, n]) => `(${q(d)}, DATE '${s}', DATE '${e}', ${n ?? 'NULL'}, NULL)`).join(', ')}`);
  }
}

type Consent = { id: string; district: string; csnt: string; evl: string | null; code: string | null; period?: string; served?: boolean };

async function consentTable(db: Db, rows: Consent[]): Promise<void> {
  const values = rows.map((r, i) => {
    const period = r.period ?? '2009-06';
    return `('t', ${i + 2}, '${period}', ${period.endsWith('-06')}, ${r.served ?? true}, false, '${r.district}', '0101', '${r.id}', DATE '${r.csnt}', ${r.evl ? `DATE '${r.evl}'` : 'NULL'}, ${q(r.code)})`;
  });
  await db.run(`CREATE OR REPLACE TABLE students AS
                SELECT _file, _line, _period, _is_june, served, undup_excluded, district, selpa, student_id,
                       prnt_csnt::DATE AS prnt_csnt, init_eval::DATE AS init_eval, evldlay::VARCHAR AS evldlay
                FROM (VALUES ${values.join(',\n')})
                t(_file, _line, _period, _is_june, served, undup_excluded, district, selpa, student_id, prnt_csnt, init_eval, evldlay)`);
  await servedViews(db);
}

// Breaks of the edge fixture (school year 2008-09; JUN = 2009-06-30).
const BREAKS: [string, string, string, number | null][] = [
  ['*', '2008-12-22', '2009-01-02', 10], // B1 winter: 12 calendar days, extends
  ['*', '2008-11-26', '2008-11-28', 3], // B2 3 school days: never extends
  ['*', '2008-11-24', '2008-11-28', 5], // B3 exactly 5 school days: never extends (more than five needed)
  [D2, '2009-02-09', '2009-02-27', 15], // B4 D2 only: 19 calendar days
  ['*', '2009-03-30', '2009-04-10', null], // B5 blank school_days: Mon 3/30..Fri 4/10 = 10 weekdays → extends, 12 days
  ['*', '2009-05-22', '2009-05-26', null], // B6 blank: Fri 5/22, Mon 5/25, Tue 5/26 = 3 weekdays → never extends
  [D3, '2009-01-06', '2009-01-14', 7], // B7 D3 only: 9 days, reached only after B1 extended the due date
  [D4, '2008-12-29', '2009-01-09', 10], // B8 D4 only: overlaps B1; together 12/22..1/09 = 19 distinct days
];

// Every consent with its due date and class worked out by hand.
const CONSENTS: (Consent & { due?: string; cls?: string })[] = [
  // 10/01 + 60 = 11/30 (Oct 1→31 is 30 days, →Nov 30 is 60); B2, B3 inside the window but ≤ 5 school days
  { id: 'C01', district: D1, csnt: '2008-10-01', evl: '2008-11-30', code: null, due: '2008-11-30', cls: 'on_time' }, // on the due date
  { id: 'C02', district: D1, csnt: '2008-10-01', evl: '2008-12-01', code: '50', due: '2008-11-30', cls: 'late' }, // 1 day late
  // 11/01 + 60 = 12/31; B1 overlaps: +12 → 2009-01-12 (late without the break)
  { id: 'C03', district: D1, csnt: '2008-11-01', evl: '2009-01-12', code: null, due: '2009-01-12', cls: 'on_time' },
  // D3: 12/31 + 12 (B1) = 1/12, which now reaches B7 (1/06 > 12/31 was out of the first window): + 9 → 1/21
  { id: 'C04', district: D3, csnt: '2008-11-01', evl: '2009-02-20', code: '60', due: '2009-01-21', cls: 'late' }, // 2/20 − 1/21 = 30 days
  // D4: B1 ∪ B8 = 12/22..1/09, 19 distinct days (not 12 + 12): 12/31 + 19 = 1/19
  { id: 'C05', district: D4, csnt: '2008-11-01', evl: '2009-01-19', code: null, due: '2009-01-19', cls: 'on_time' },
  // 1/29 + 60 = 3/30 (→1/31 2, →2/28 30, →3/30 60) = B5's first day: it overlaps, + 12 → 4/11
  { id: 'C06', district: D1, csnt: '2009-01-29', evl: '2009-04-11', code: null, due: '2009-04-11', cls: 'on_time' },
  // 1/28 + 60 = 3/29, the day before B5: no extension
  { id: 'C07', district: D1, csnt: '2009-01-28', evl: '2009-03-30', code: '50', due: '2009-03-29', cls: 'late' }, // 1 day
  // consent inside B1: only its days after 12/28 count (12/29..1/02 = 5): 2/26 + 5 = 3/03
  { id: 'C08', district: D1, csnt: '2008-12-28', evl: '2009-03-03', code: null, due: '2009-03-03', cls: 'on_time' },
  // D2: the window (12/28, 2/26] holds B1 (5 days after consent) and B4 (19): 2/26 + 24 = 3/22; B5 (3/30) not reached
  { id: 'C09', district: D2, csnt: '2008-12-28', evl: '2009-03-23', code: '50', due: '2009-03-22', cls: 'late' }, // 1 day
  // 3/25 + 60 = 5/24; B5 + 12 → 6/05; B6 (3 weekdays) ignored. Not evaluated, due ≤ JUN
  { id: 'C10', district: D1, csnt: '2009-03-25', evl: null, code: null, due: '2009-06-05', cls: 'not_evaluated' },
  // 5/01 + 60 = 6/30 = JUN: counted, not evaluated
  { id: 'C11', district: D1, csnt: '2009-05-01', evl: null, code: null, due: '2009-06-30', cls: 'not_evaluated' },
  // 5/02 + 60 = 7/01 > JUN, no evaluation: not a consent of Y
  { id: 'C12', district: D1, csnt: '2009-05-02', evl: null, code: null },
  // same due date, evaluated: counted
  { id: 'C13', district: D1, csnt: '2009-05-02', evl: '2009-06-15', code: null, due: '2009-07-01', cls: 'on_time' },
  // first day of Y; 7/01 + 60 = 8/30; late with EVLDLAY 30 → b
  { id: 'C14', district: D1, csnt: '2008-07-01', evl: '2008-09-30', code: '30', due: '2008-08-30', cls: 'state_timeline' },
  // the day before Y: out
  { id: 'C15', district: D1, csnt: '2008-06-30', evl: '2008-07-15', code: null },
  // last day of Y, evaluated the same day: 6/30 + 60 = 8/29
  { id: 'C16', district: D1, csnt: '2009-06-30', evl: '2009-06-30', code: null, due: '2009-08-29', cls: 'on_time' },
  // 9/01 + 60 = 10/31; late with EVLDLAY 40 → b
  { id: 'C17', district: D1, csnt: '2008-09-01', evl: '2008-12-01', code: '40', due: '2008-10-31', cls: 'state_timeline' },
  { id: 'C18', district: D1, csnt: '2008-09-01', evl: '2008-10-15', code: '10', due: '2008-10-31', cls: 'excluded' }, // on time, still out
  { id: 'C19', district: D1, csnt: '2008-09-01', evl: null, code: '20', due: '2008-10-31', cls: 'excluded' },
  // EVLDLAY 30 without INIT_EVAL: never in b
  { id: 'C20', district: D1, csnt: '2008-09-01', evl: null, code: '30', due: '2008-10-31', cls: 'not_evaluated' },
  { id: 'C21', district: D1, csnt: '2008-09-01', evl: '2008-12-01', code: '90', due: '2008-10-31', cls: 'late' }, // 31 days
  // 10/31 → 3/30: 30 + 31 + 31 + 28 + 30 = 150 days
  { id: 'C22', district: D1, csnt: '2008-09-01', evl: '2009-03-30', code: null, due: '2008-10-31', cls: 'late' },
  { id: 'C23', district: D1, csnt: '2008-09-01', evl: '2009-03-31', code: '70', due: '2008-10-31', cls: 'late' }, // 151 days
  // a December record: not June Table A
  { id: 'C24', district: D1, csnt: '2008-09-01', evl: null, code: null, period: '2008-12' },
  // PLAN_TYPE 80 (not served) counts too: every PLAN_TYPE
  { id: 'C25', district: D1, csnt: '2008-09-01', evl: '2008-10-01', code: null, served: false, due: '2008-10-31', cls: 'on_time' },
];

async function edgeDb(): Promise<Db> {
  const db = await Db.open();
  await baseTables(db, BREAKS);
  await consentTable(db, CONSENTS);
  return db;
}

describe('indicator 11 — 60-day initial evaluation', () => {
  it('reproduces Table 11a and 11b: 109,059 / 124,522 = 87.58 %; 3,492 / 1,117 / 525 / 169 / 69 / 64', async () => {
    const db = await Db.open();
    try {
      await baseTables(db, []);
      // Aggregate-shaped fixture, no breaks: consent 2008-07-01 → due 2008-08-30.
      //   on time 105,000 (evaluated on the due date) + state timeline 4,059 (3,000 × '30', 1,059 × '40') = b 109,059
      //   late by days beyond: 1-30 3,492, 31-60 1,117, 61-90 525, 91-120 169, 121-150 69, >150 64 = 5,436
      //   not evaluated (due 2008-11-30 ≤ JUN) 10,027
      //   a = 109,059 + 5,436 + 10,027 = 124,522
      // and records that must stay out: 777 excluded (10/20), 333 due after JUN without evaluation,
      // 222 consents before Y, 111 December records.
      await db.run(`
        CREATE TABLE students AS
        WITH late(lo, hi, n) AS (VALUES (1, 30, 3492), (31, 60, 1117), (61, 90, 525), (91, 120, 169), (121, 150, 69), (151, 400, 64))
        SELECT 't' AS _file, 0 AS _line, '2009-06' AS _period, true AS _is_june, true AS served, false AS undup_excluded,
               CASE WHEN range % 2 = 0 THEN '${D1}' ELSE '${D2}' END AS district, '0101' AS selpa, 'x' || range AS student_id,
               DATE '2008-07-01' AS prnt_csnt, DATE '2008-08-30' AS init_eval, NULL::VARCHAR AS evldlay FROM range(105000)
        UNION ALL SELECT 't', 0, '2009-06', true, true, false, '${D1}', '0101', 's', DATE '2008-07-01', DATE '2008-10-01', '30' FROM range(3000)
        UNION ALL SELECT 't', 0, '2009-06', true, true, false, '${D2}', '0101', 's', DATE '2008-07-01', DATE '2008-10-01', '40' FROM range(1059)
        UNION ALL SELECT 't', 0, '2009-06', true, false, false, '${D1}', '0101', 'l', DATE '2008-07-01',
                         DATE '2008-08-30' + (lo + range % (hi - lo + 1))::INTEGER, CASE WHEN range % 3 = 0 THEN NULL ELSE '50' END FROM late, range(n)
        UNION ALL SELECT 't', 0, '2009-06', true, true, false, '${D2}', '0101', 'm', DATE '2008-10-01', NULL, NULL FROM range(10027)
        UNION ALL SELECT 't', 0, '2009-06', true, true, false, '${D1}', '0101', 'e', DATE '2008-07-01', DATE '2008-12-01', CASE WHEN range % 2 = 0 THEN '10' ELSE '20' END FROM range(777)
        UNION ALL SELECT 't', 0, '2009-06', true, true, false, '${D1}', '0101', 'f', DATE '2009-05-15', NULL, NULL FROM range(333)
        UNION ALL SELECT 't', 0, '2009-06', true, true, false, '${D1}', '0101', 'p', DATE '2008-06-30', DATE '2008-07-15', NULL FROM range(222)
        UNION ALL SELECT 't', 0, '2008-12', false, true, false, '${D1}', '0101', 'd', DATE '2008-09-01', NULL, NULL FROM range(111);
      `);
      await servedViews(db);
      expect((await runIndicator(db, testConfig('.', { only: ['11'] }), ind11, PRESENT)).status).toBe('computed');
      const s = await db.one<{ numerator: number; denominator: number; value: number }>(
        `SELECT numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind11, 'summary')}`,
      );
      expect([s!.numerator, s!.denominator, s!.value.toFixed(2)]).toEqual([109059, 124522, '87.58']);
      const a = await db.all<{ item: string; count: number | null }>(`SELECT item, count::INTEGER AS count FROM ${outTable(ind11, 'table-11a')}`);
      expect(a).toEqual([
        { item: 'consents', count: 125299 }, // 124,522 + 777 excluded
        { item: 'excluded', count: 777 },
        { item: 'a', count: 124522 },
        { item: 'on_time', count: 105000 },
        { item: 'state_timeline', count: 4059 },
        { item: 'b', count: 109059 },
        { item: 'late', count: 5436 },
        { item: 'not_evaluated', count: 10027 },
        { item: 'percent', count: null },
      ]);
      const b = await db.all<{ section: string; category: string; count: number; denominator: number | null; percent: number | null }>(
        `SELECT section, category, count::INTEGER AS count, denominator::INTEGER AS denominator, percent FROM ${outTable(ind11, 'table-11b')}`,
      );
      const days = b.filter((r) => r.section === 'days_beyond');
      expect(days.map((r) => [r.category, r.count, r.denominator])).toEqual([
        ['1-30', 3492, 5436],
        ['31-60', 1117, 5436],
        ['61-90', 525, 5436],
        ['91-120', 169, 5436],
        ['121-150', 69, 5436],
        ['over_150', 64, 5436],
        ['total', 5436, 5436],
      ]);
      // 3492/5436 = 64.238 %, 1117/5436 = 20.548, 525/5436 = 9.658, 169/5436 = 3.109, 69/5436 = 1.269,
      // 64/5436 = 1.177: the source prints 20.54, 9.65 and 1.17 (typos T9).
      expect(days.map((r) => r.percent!.toFixed(2))).toEqual(['64.24', '20.55', '9.66', '3.11', '1.27', '1.18', '100.00']);
      expect(b.find((r) => r.section === 'not_evaluated')).toEqual({ section: 'not_evaluated', category: 'not_evaluated', count: 10027, denominator: null, percent: null });
      // reasons of the 5,436 late: every third blank (range % 3 = 0 within each bucket), the rest 50
      // blanks = ceil(3492/3) + ceil(1117/3) + ceil(525/3) + ceil(169/3) + ceil(69/3) + ceil(64/3) = 1164 + 373 + 175 + 57 + 23 + 22 = 1814
      const reasons = Object.fromEntries(b.filter((r) => r.section === 'reason').map((r) => [r.category, r.count]));
      expect(reasons).toEqual({ '50': 5436 - 1814, '60': 0, '70': 0, '90': 0, blank: 1814 });
    } finally {
      db.close();
    }
  });

  it('due dates and classes: breaks, chains, exclusions, state timeline, JUN and year edges', async () => {
    const db = await edgeDb();
    try {
      await runIndicator(db, testConfig('.', { only: ['11'] }), ind11, PRESENT);
      const got = await db.all<{ student_id: string; due: string; class: string }>(
        `SELECT student_id, strftime(due, '%Y-%m-%d') AS due, class FROM ind11_consents ORDER BY student_id`,
      );
      const want = CONSENTS.filter((c) => c.cls).map((c) => ({ student_id: c.id, due: c.due!, class: c.cls! }));
      expect(got).toEqual(want);

      // D1: on time C01 C03 C06 C08 C13 C16 C25 (7), state C14 C17 (2), late C02 C07 C21 C22 C23 (5),
      // not evaluated C10 C11 C20 (3), excluded C18 C19 (2): a = 17, b = 9. D2: C09 late; D3: C04 late; D4: C05 on time.
      const dist = await db.all<Record<string, unknown>>(
        `SELECT district, numerator::INTEGER AS b, denominator::INTEGER AS a, round(value, 2) AS value, evaluated, flagged, threshold,
                consents::INTEGER AS consents, excluded::INTEGER AS excluded, late::INTEGER AS late, not_evaluated::INTEGER AS not_evaluated
         FROM ${outTable(ind11, 'districts')}`,
      );
      expect(dist).toEqual([
        { district: D1, b: 9, a: 17, value: 52.94, evaluated: true, flagged: true, threshold: 100, consents: 19, excluded: 2, late: 5, not_evaluated: 3 },
        { district: D2, b: 0, a: 1, value: 0, evaluated: true, flagged: true, threshold: 100, consents: 1, excluded: 0, late: 1, not_evaluated: 0 },
        { district: D3, b: 0, a: 1, value: 0, evaluated: true, flagged: true, threshold: 100, consents: 1, excluded: 0, late: 1, not_evaluated: 0 },
        { district: D4, b: 1, a: 1, value: 100, evaluated: true, flagged: false, threshold: 100, consents: 1, excluded: 0, late: 0, not_evaluated: 0 },
        { district: D5, b: 0, a: 0, value: null, evaluated: false, flagged: false, threshold: 100, consents: 0, excluded: 0, late: 0, not_evaluated: 0 },
      ]);
      const s = await db.one<{ n: number; d: number; v: number }>(`SELECT numerator::INTEGER AS n, denominator::INTEGER AS d, value AS v FROM ${outTable(ind11, 'summary')}`);
      expect(s).toEqual({ n: 10, d: 20, v: 50 }); // 9 + 0 + 0 + 1 of 17 + 1 + 1 + 1

      // Table 11b: late days C02 1, C07 1, C09 1, C04 30 | C21 31 | C22 150 | C23 151 → 4, 1, 0, 0, 1, 1 of 7
      const t = await db.all<{ section: string; category: string; count: number; percent: number | null }>(
        `SELECT section, category, count::INTEGER AS count, round(percent, 4) AS percent FROM ${outTable(ind11, 'table-11b')}`,
      );
      expect(t.map((r) => [r.section, r.category, r.count, r.percent])).toEqual([
        ['days_beyond', '1-30', 4, 57.1429], // 4/7
        ['days_beyond', '31-60', 1, 14.2857],
        ['days_beyond', '61-90', 0, 0],
        ['days_beyond', '91-120', 0, 0],
        ['days_beyond', '121-150', 1, 14.2857],
        ['days_beyond', 'over_150', 1, 14.2857],
        ['days_beyond', 'total', 7, 100],
        ['not_evaluated', 'not_evaluated', 3, null], // C10 C11 C20; the excluded C19 is in no row
        ['reason', '50', 3, null], // C02 C07 C09
        ['reason', '60', 1, null], // C04
        ['reason', '70', 1, null], // C23
        ['reason', '90', 1, null], // C21
        ['reason', 'blank', 1, null], // C22
      ]);

      // Restricted list: the 7 late and 3 not evaluated; days past due on JUN for the missing ones:
      // C10 6/05 → 6/30 = 25, C11 0, C20 10/31 → 6/30 = 30+31+31+28+31+30+31+30 = 242.
      const list = await db.all<{ district: string; student_id: string; due_date: string; days_late: number; status: string }>(
        `SELECT district, student_id, strftime(due_date, '%Y-%m-%d') AS due_date, days_late, status FROM ${outTable(ind11, '11')}`,
      );
      expect(list.map((r) => [r.student_id, r.days_late, r.status])).toEqual([
        ['C02', 1, 'late'],
        ['C07', 1, 'late'],
        ['C10', 25, 'not evaluated'],
        ['C11', 0, 'not evaluated'],
        ['C20', 242, 'not evaluated'],
        ['C21', 31, 'late'],
        ['C22', 150, 'late'],
        ['C23', 151, 'late'],
        ['C09', 1, 'late'],
        ['C04', 30, 'late'],
      ]);

      // Count parameters: breaks of more than 4 school days (B3 now extends; B2 merges into it:
      // 11/24..11/28 = 5 days → C01, C02 due 12/05, both on time), only 10 excluded (C19 → not
      // evaluated), only 30 on the state timeline (C17 → late, 31 days).
      const cfg2 = testConfig('.', { only: ['11'], params: { 'ind11.min_break_days': '4', 'ind11.exclude_codes': '10', 'ind11.state_timeline_codes': '30' } });
      await runIndicator(db, cfg2, ind11, PRESENT);
      const changed = await db.all<{ student_id: string; due: string; class: string }>(
        `SELECT student_id, strftime(due, '%Y-%m-%d') AS due, class FROM ind11_consents WHERE student_id IN ('C01', 'C02', 'C17', 'C19') ORDER BY student_id`,
      );
      expect(changed).toEqual([
        { student_id: 'C01', due: '2008-12-05', class: 'on_time' },
        { student_id: 'C02', due: '2008-12-05', class: 'on_time' },
        { student_id: 'C17', due: '2008-10-31', class: 'late' },
        { student_id: 'C19', due: '2008-10-31', class: 'not_evaluated' },
      ]);
    } finally {
      db.close();
    }
  });

  it('trigger 11: below sesr.timeline_min with a late or missing evaluation, in every scenario; sentences carry the row', async () => {
    const db = await edgeDb();
    try {
      const cfg = testConfig('.', { only: ['11'] });
      await runIndicator(db, cfg, ind11, PRESENT);
      const values = cfg.params.values;
      await writeScenarios(db, cfg.catalog, [
        { id: 0, values },
        { id: 1, values: { ...values, 'sesr.timeline_min': 50 } },
        { id: 2, values: { ...values, 'sesr.timeline_min': 0 } },
      ]);
      const table = await runOutput(db, runContext(cfg), ind11, findOutput(ind11, 'triggers'), values);
      const rows = await db.all<{ scenario: number; district: string; trigger: string; value: number; threshold: number; numerator: number; denominator: number; explanation: string }>(
        `SELECT scenario, district, "trigger", value, threshold, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, explanation FROM ${table}`,
      );
      // scenario 0 (100): D1 9/17 = 52.94 %, D2 0/1, D3 0/1; D4 100 % does not fire.
      // scenario 1 (50): D1 52.94 ≥ 50 leaves; scenario 2 (0): nothing is below 0.
      expect(rows.map((r) => [r.scenario, r.district, r.trigger, r.numerator, r.denominator, r.threshold])).toEqual([
        [0, D1, '11', 9, 17, 100],
        [0, D2, '11', 0, 1, 100],
        [0, D3, '11', 0, 1, 100],
        [1, D2, '11', 0, 1, 50],
        [1, D3, '11', 0, 1, 50],
      ]);
      expect(rows[0]!.explanation).toBe('8 of 17 initial evaluations (52.94% on time) were late or missing; the standard is 100.00%.');
      for (const r of rows) {
        expect(r.value).toBeCloseTo((100 * r.numerator) / r.denominator, 10);
        const sentence = `${r.denominator - r.numerator} of ${r.denominator} initial evaluations (${r.value.toFixed(2)}% on time) were late or missing; the standard is ${r.threshold.toFixed(2)}%.`;
        expect(r.explanation).toBe(sentence);
      }
    } finally {
      db.close();
    }
  });

  // Reference for the due date: walk the breaks literally — every distinct calendar day after the
  // consent of each qualifying break that starts on or before the current due date and ends after
  // the consent — until the due date stops moving.
  const DAY = 86_400_000;
  const toDay = (s: string): number => Date.parse(`${s}T00:00:00Z`) / DAY;
  const fromDay = (d: number): string => new Date(d * DAY).toISOString().slice(0, 10);
  function referenceDue(csnt: number, breaks: { s: number; e: number; n: number }[]): number {
    const due0 = csnt + 60;
    let due = due0;
    for (;;) {
      const days = new Set<number>();
      for (const b of breaks) if (b.n > 5 && b.s <= due && b.e > csnt) for (let d = Math.max(b.s, csnt + 1); d <= b.e; d++) days.add(d);
      const next = due0 + days.size;
      if (next === due) return due;
      due = next;
    }
  }

  fcTest.prop(
    [
      fc.array(fc.record({ start: fc.integer({ min: 0, max: 300 }), len: fc.integer({ min: 1, max: 25 }), n: fc.integer({ min: 3, max: 12 }) }), { maxLength: 6 }),
      fc.array(fc.integer({ min: 0, max: 364 }), { minLength: 1, maxLength: 25 }),
    ],
    { numRuns: 15 },
  )('the due date matches a literal walk of the breaks (overlaps counted once)', async (brks, csnts) => {
    const y0 = toDay('2008-07-01');
    const breaks = brks.map((b) => ({ s: y0 + b.start, e: y0 + b.start + b.len - 1, n: b.n }));
    const db = await Db.open();
    try {
      await baseTables(db, breaks.map((b) => ['*', fromDay(b.s), fromDay(b.e), b.n] as [string, string, string, number]));
      // every consent evaluated, so counted whatever its due date
      await consentTable(db, csnts.map((c, i) => ({ id: `K${String(i).padStart(3, '0')}`, district: D1, csnt: fromDay(y0 + c), evl: fromDay(y0 + c), code: null })));
      await runIndicator(db, testConfig('.', { only: ['11'] }), ind11, PRESENT);
      const got = await db.all<{ student_id: string; due: string }>(`SELECT student_id, strftime(due, '%Y-%m-%d') AS due FROM ind11_consents ORDER BY student_id`);
      expect(got).toEqual(csnts.map((c, i) => ({ student_id: `K${String(i).padStart(3, '0')}`, due: fromDay(referenceDue(y0 + c, breaks)) })));
    } finally {
      db.close();
    }
  });

  it('from data files: W-BRK rows and blank school_days, every PLAN_TYPE, declared column types; without breaks.csv plain 60 days', async () => {
    const header = [...requiredHeader('table_a'), 'PRNT_CSNT', 'INIT_EVAL', 'EVLDLAY'].filter((h, i, all) => all.indexOf(h) === i);
    const rows = [
      // winter break 12/22..1/02 (10 school days): 11/01 + 60 = 12/31 + 12 = 1/12 → on time
      studentA({ STUDENT_ID: 'S1', PRNT_CSNT: '2008-11-01', INIT_EVAL: '2009-01-12', LAST_IEP: '2009-01-12' }, '2009-06'),
      // not eligible (PLAN_TYPE 80), 10/01 + 60 = 11/30; Thanksgiving (3 school days, W-BRK) ignored → 1 day late
      studentA({ STUDENT_ID: 'S2', PLAN_TYPE: '80', PRNT_CSNT: '2008-10-01', INIT_EVAL: '2008-12-01', EVLDLAY: '50', LAST_IEP: '2008-12-01' }, '2009-06'),
      // 1/29 + 60 = 3/30, spring break 3/30..4/10 with blank school_days (10 weekdays) → 4/11 → on time
      studentA({ STUDENT_ID: 'S3', PRNT_CSNT: '2009-01-29', INIT_EVAL: '2009-04-11', LAST_IEP: '2009-04-11' }, '2009-06'),
    ];
    const make = (withBreaks: boolean): DataDir => {
      const d = new DataDir().districts([districtRow()]).tableA('2009-06', rows, header);
      if (withBreaks) {
        d.csv('calendar/breaks.csv', fullHeader('breaks'), [
          { district: '*', start_date: '2008-12-22', end_date: '2009-01-02', school_days: '10', description: 'Winter' },
          { district: '*', start_date: '2008-11-26', end_date: '2008-11-28', school_days: '3', description: 'Thanksgiving' },
          { district: '0110017', start_date: '2009-03-30', end_date: '2009-04-10', school_days: '', description: 'Spring' },
        ]);
      }
      return d;
    };
    await withRun(testConfig(make(true).root, { only: ['11'] }), async (db, result) => {
      const errors = await db.all(`SELECT * FROM rejects WHERE severity = 'error'`);
      expect(errors).toEqual([]);
      expect(await db.scalar(`SELECT count(*) FROM rejects WHERE code = 'W-BRK'`)).toBe(1);
      const s = result.summary.find((r) => r.id === '11')!;
      expect([s.numerator, s.denominator, s.display, s.target, s.target_met]).toEqual([2, 3, '66.67%', 100, 'no']); // 2/3
      const list = await db.all<{ student_id: string; due_date: string; days_late: number }>(
        `SELECT student_id, strftime(due_date, '%Y-%m-%d') AS due_date, days_late FROM ${outTable(ind11, '11')}`,
      );
      expect(list).toEqual([{ student_id: 'S2', due_date: '2008-11-30', days_late: 1 }]);
      for (const out of ind11.outputs) {
        const cols = await db.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${outTable(ind11, out)})`);
        expect(cols.map((c) => [c.column_name, c.column_type]), out.name ?? out.kind).toEqual(outputColumns(out).map((c) => [c.name, c.type]));
      }
      const trig = await db.all<{ district: string; explanation: string }>(`SELECT district, explanation FROM identification WHERE "trigger" = '11'`);
      expect(trig).toEqual([{ district: '0110017', explanation: '1 of 3 initial evaluations (66.67% on time) were late or missing; the standard is 100.00%.' }]);
    });
    await withRun(testConfig(make(false).root, { only: ['11'] }), async (db, result) => {
      // 6.13: no breaks file → S1 due 12/31 (12 days late), S2 late, S3 due 3/30 (12 days late): 0/3
      const s = result.summary.find((r) => r.id === '11')!;
      expect([s.numerator, s.denominator, s.status]).toEqual([0, 3, 'computed']);
      const list = await db.all<{ student_id: string; due_date: string; days_late: number }>(
        `SELECT student_id, strftime(due_date, '%Y-%m-%d') AS due_date, days_late FROM ${outTable(ind11, '11')}`,
      );
      expect(list).toEqual([
        { student_id: 'S1', due_date: '2008-12-31', days_late: 12 },
        { student_id: 'S2', due_date: '2008-11-30', days_late: 1 },
        { student_id: 'S3', due_date: '2009-03-30', days_late: 12 },
      ]);
    });
  });
});
