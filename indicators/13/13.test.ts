import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { Db } from '../../src/db.js';
import { outTable } from '../../src/engine/indicator.js';
import { runIndicator, servedViews } from '../../src/engine/run.js';
import { DataDir, districtRow, type Rec, studentA } from '../../test/helpers/fixture.js';
import { rejectsOf, testConfig, withRun } from '../../test/helpers/engine.js';

const ind13 = INDICATORS.find((i) => i.id === '13')!;

interface Trig {
  district: string;
  value: number;
  threshold: number;
  numerator: number;
  denominator: number;
  explanation: string;
}

/** The sentence a trigger row must carry, rebuilt from the row's own numbers (min_age 16). */
function sentence(t: Trig): string {
  return `${t.denominator - t.numerator} of ${t.denominator} students aged 16 or older (${t.value.toFixed(2)}% compliant) lack transition goals and services; the standard is ${t.threshold.toFixed(2)}%.`;
}

/** A served June 2009 record of a high-school student with a goal and transition services. */
function teen(over: Rec): Rec {
  return studentA({ GRADE: '11', TRAN_GOAL1: '10', SPEC_TRANS: 'Y', ...over }, '2009-06');
}

const JUNE: Rec[] = [
  teen({ STUDENT_ID: 'A', BIRTHDATE: '1993-06-30' }), // 16th birthday on JUN (2009-06-30): in, compliant
  teen({ STUDENT_ID: 'B', BIRTHDATE: '1993-07-01', GRADE: '10', TRAN_GOAL1: '', SPEC_TRANS: 'N' }), // 15 on JUN: out
  teen({ STUDENT_ID: 'C', BIRTHDATE: '1992-01-01', TRAN_GOAL1: '20', SPEC_TRANS: 'N' }), // 17, no services: not compliant
  teen({ STUDENT_ID: 'D', BIRTHDATE: '1991-05-05', TRAN_GOAL1: '', SPEC_TRANS: 'Y' }), // 18, no goal: not compliant
  teen({ STUDENT_ID: 'E', BIRTHDATE: '1990-02-02', TRAN_GOAL1: '30', SPEC_TRANS: '' }), // 19, SPEC_TRANS missing: not compliant
  teen({ STUDENT_ID: 'F', BIRTHDATE: '1992-03-03', PLAN_TYPE: '70', TRAN_GOAL1: '', SPEC_TRANS: '' }), // not served: out
  teen({ STUDENT_ID: 'G', BIRTHDATE: '1992-04-04', DIST_SERV: '0110025', DIST_RESI: '0110025' }), // 0110025: compliant
  teen({ STUDENT_ID: 'H', BIRTHDATE: '1998-04-04', GRADE: '05', TRAN_GOAL1: '', SPEC_TRANS: '', DIST_SERV: '0110033', DIST_RESI: '0110033' }), // 11: out
];

describe('indicator 13 — secondary transition [extension]', () => {
  it('counts served June students 16+ on JUN; a missing goal, SPEC_TRANS N or blank is not compliant', async () => {
    const d = new DataDir()
      .districts([districtRow(), districtRow({ district: '0110025', name: 'Beta' }), districtRow({ district: '0110033', name: 'Gamma' })])
      .tableA('2009-06', JUNE);
    await withRun(testConfig(d.root, { only: ['13'] }), async (db, result) => {
      expect((await rejectsOf(db)).filter((r) => r.severity === 'error')).toEqual([]);
      // In: A, C, D, E (0110017) and G (0110025); compliant A and G → 2 / 5 = 40.00 %.
      const s = result.summary.find((r) => r.id === '13')!;
      expect([s.numerator, s.denominator, s.display, s.target_met]).toEqual([2, 5, '40.00%', 'no']);

      // 0110017: 1 / 4 = 25 %, flagged; 0110025: 1 / 1 = 100 %, not flagged (not below 100);
      // 0110033: no student 16+ → 0/0, not evaluated, not flagged.
      const dist = await db.all<Record<string, unknown>>(
        `SELECT district, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value, evaluated, flagged, threshold, lacking::INTEGER AS lacking
         FROM ${outTable(ind13, 'districts')} ORDER BY district`,
      );
      expect(dist).toEqual([
        { district: '0110017', numerator: 1, denominator: 4, value: 25, evaluated: true, flagged: true, threshold: 100, lacking: 3 },
        { district: '0110025', numerator: 1, denominator: 1, value: 100, evaluated: true, flagged: false, threshold: 100, lacking: 0 },
        { district: '0110033', numerator: 0, denominator: 0, value: null, evaluated: false, flagged: false, threshold: 100, lacking: 0 },
      ]);

      const t = await db.all<Trig>(
        `SELECT district, value, threshold, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, explanation FROM identification WHERE "trigger" = '13'`,
      );
      expect(t.map((r) => [r.district, r.numerator, r.denominator])).toEqual([['0110017', 1, 4]]);
      for (const r of t) expect(r.explanation).toBe(sentence(r));
      expect(t[0]!.explanation).toBe('3 of 4 students aged 16 or older (25.00% compliant) lack transition goals and services; the standard is 100.00%.');

      const list = await db.all<Record<string, unknown>>(`SELECT * FROM ${outTable(ind13, '13')}`);
      expect(list).toEqual([
        { district: '0110017', student_id: 'C', selpa: '0101', has_goal: true, spec_trans: 'N' },
        { district: '0110017', student_id: 'D', selpa: '0101', has_goal: false, spec_trans: 'Y' },
        { district: '0110017', student_id: 'E', selpa: '0101', has_goal: true, spec_trans: null },
      ]);
    });
  });

  it('no student 16+ gives 0/0: computed, empty value, no trigger; the cut point is sesr.transition_min', async () => {
    const db = await Db.open();
    try {
      // Aggregate-shaped: 3 served June students aged 15 on JUN (out), 2 in December (out).
      await db.run(`
        CREATE TABLE students AS
        SELECT '2009-06' AS _period, true AS _is_june, true AS served, false AS undup_excluded, DATE '1993-07-01' AS birthdate,
               '0110017' AS district, '0101' AS selpa, 'S' || range AS student_id, NULL::VARCHAR AS tran_goal1, NULL::VARCHAR AS spec_trans
        FROM range(3)
        UNION ALL SELECT '2008-12', false, true, false, DATE '1990-01-01', '0110017', '0101', 'D' || range, NULL, NULL FROM range(2);
        CREATE TABLE district_list AS SELECT '0110017' AS district, 'Alpha' AS district_name, '0101' AS selpa, 'unified' AS district_type;
      `);
      await servedViews(db);
      await runIndicator(db, testConfig('.', { only: ['13'] }), ind13, new Set(['table_a@2009-06']));
      const s = await db.one(`SELECT numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind13, 'summary')}`);
      expect(s).toEqual({ numerator: 0, denominator: 0, value: null });
      expect(await db.scalar(`SELECT count(*) FROM ${outTable(ind13, 'triggers')}`)).toBe(0);

      // min_age 15: the three are in, none compliant → 0 / 3; with transition_min 0 nothing is below the cut point.
      const cfg = testConfig('.', { only: ['13'], params: { 'ind13.min_age': '15', 'sesr.transition_min': '0' } });
      await runIndicator(db, cfg, ind13, new Set(['table_a@2009-06']));
      const s15 = await db.one(`SELECT numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value FROM ${outTable(ind13, 'summary')}`);
      expect(s15).toEqual({ numerator: 0, denominator: 3, value: 0 });
      expect(await db.scalar(`SELECT count(*) FROM ${outTable(ind13, 'triggers')}`)).toBe(0);
      const cfg1 = testConfig('.', { only: ['13'], params: { 'ind13.min_age': '15', 'sesr.transition_min': '0.5' } });
      await runIndicator(db, cfg1, ind13, new Set(['table_a@2009-06']));
      // 0 % < 0.5 %: flagged; the sentence now says "aged 15".
      expect(await db.all(`SELECT district, explanation FROM ${outTable(ind13, 'triggers')}`)).toEqual([
        { district: '0110017', explanation: '3 of 3 students aged 15 or older (0.00% compliant) lack transition goals and services; the standard is 0.50%.' },
      ]);
    } finally {
      db.close();
    }
  });
});
