import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { outTable } from '../../src/engine/indicator.js';
import { DataDir, districtRow, type Rec, studentA } from '../../test/helpers/fixture.js';
import { rejectsOf, testConfig, withRun } from '../../test/helpers/engine.js';

const sesr = INDICATORS.find((i) => i.id === 'sesr')!;

interface Trig {
  district: string;
  trigger: string;
  value: number | null;
  threshold: number | null;
  numerator: number | null;
  denominator: number | null;
  explanation: string;
}

/** Half away from zero, as `display` and the sentences print (3.125 → 3.13). */
const two = (x: number): string => (Math.round(x * 100 + 1e-9) / 100).toFixed(2);

/** The sentence a row must carry, rebuilt from its own numbers. */
function sentence(t: Trig): string {
  if (t.trigger === 'annual_iep') {
    return `${t.numerator} of ${t.denominator} served students (${two(t.value!)}%) had no IEP meeting within one year of the December count or their exit; the allowed share is ${two(t.threshold!)}%.`;
  }
  if (t.trigger === 'triennial') {
    return `${t.numerator} of ${t.denominator} served students (${two(t.value!)}%) had no evaluation within three years of the December count or their exit; the allowed share is ${two(t.threshold!)}%.`;
  }
  return 'The monitoring cycle schedules this district for review in 2008-09 (SESR, VR).';
}

// December 2008 (DEC = 2008-12-01). W909: LAST_IEP < reference − 1 year; W910: LAST_EVAL < reference − 3 years.
const DEC: Rec[] = [
  studentA({ STUDENT_ID: 'A', LAST_IEP: '2007-12-01', LAST_EVAL: '2005-12-01' }), // both exactly on the date: not overdue
  studentA({ STUDENT_ID: 'B', LAST_IEP: '2007-11-30', LAST_EVAL: '2005-11-30' }), // one day more: both overdue
  studentA({ STUDENT_ID: 'C', LAST_IEP: '2008-06-01', LAST_EVAL: '2007-01-01' }), // current
  studentA({ STUDENT_ID: 'D', LAST_IEP: '2008-06-01', LAST_EVAL: '2007-01-01' }), // current
  studentA({ STUDENT_ID: 'E', LAST_IEP: '2007-10-01', PLAN_TYPE: '70', FEDSET_SCH: '', IN_REGCLS: '' }), // not served: out
  // 0110025: 1 of 3 overdue (33.33 %): F's IEP of 2007-02-28 was due 2008-02-28 (277 days before DEC)
  studentA({ STUDENT_ID: 'F', DIST_RESI: '0110025', DIST_SERV: '0110025', LAST_IEP: '2007-02-28' }),
  studentA({ STUDENT_ID: 'G', DIST_RESI: '0110025', DIST_SERV: '0110025', LAST_IEP: '2008-02-29' }),
  studentA({ STUDENT_ID: 'H', DIST_RESI: '0110025', DIST_SERV: '0110025', LAST_IEP: '2008-02-29' }),
];

describe('sesr — self-review record triggers', () => {
  it('annual IEP by calendar year, triennial by three, cyclical from the monitoring cycle; sentences match their rows', async () => {
    const d = new DataDir()
      .districts([districtRow(), districtRow({ district: '0110025', name: 'Beta' }), districtRow({ district: '0110033', name: 'Gamma' })])
      .tableA('2008-12', DEC)
      .csv('monitoring/cycle.csv', ['district', 'review_year', 'review_type'], [
        { district: '0110033', review_year: '2008-09', review_type: 'SESR' },
        { district: '0110033', review_year: '2008-09', review_type: 'VR' },
        { district: '0110017', review_year: '2009-10', review_type: 'SESR' }, // another year: not this one
      ]);
    await withRun(testConfig(d.root, { only: ['sesr'] }), async (db) => {
      expect((await rejectsOf(db)).filter((r) => r.severity === 'error')).toEqual([]);
      const trig = await db.all<Trig>(
        `SELECT district, "trigger", value, threshold, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, explanation
         FROM identification ORDER BY district, "trigger"`,
      );
      // 0110017: served A-D; B overdue for both (1 / 4 = 25 %); 0110025: F overdue (1 / 3); 0110033: cyclical.
      expect(trig.map((t) => [t.district, t.trigger, t.numerator, t.denominator])).toEqual([
        ['0110017', 'annual_iep', 1, 4],
        ['0110017', 'triennial', 1, 4],
        ['0110025', 'annual_iep', 1, 3],
        ['0110033', 'cyclical', null, null],
      ]);
      expect(trig[2]!.value).toBeCloseTo(100 / 3, 10);
      for (const t of trig) expect(t.explanation, t.district).toBe(sentence(t));

      const lists = await db.all<{ district: string; student_id: string; days_overdue: number }>(
        `SELECT district, student_id, days_overdue FROM ${outTable(sesr, 'annual_iep')} ORDER BY ALL`,
      );
      // B: due 2008-11-30, one day late on DEC; F: due 2008-02-28, 277 days late on 2008-12-01.
      expect(lists).toEqual([
        { district: '0110017', student_id: 'B', days_overdue: 1 },
        { district: '0110025', student_id: 'F', days_overdue: 277 },
      ]);
      const dist = await db.all<Record<string, unknown>>(
        `SELECT district, numerator::INTEGER AS n, denominator::INTEGER AS d, evaluated, flagged, cyclical FROM ${outTable(sesr, 'districts')} ORDER BY district`,
      );
      expect(dist).toEqual([
        { district: '0110017', n: 1, d: 4, evaluated: true, flagged: true, cyclical: false },
        { district: '0110025', n: 1, d: 3, evaluated: true, flagged: true, cyclical: false },
        { district: '0110033', n: 0, d: 0, evaluated: true, flagged: true, cyclical: true },
      ]);
    });
  });

  it('the cut point is a parameter: the share must be above it', async () => {
    const d = new DataDir().districts([districtRow()]).tableA('2008-12', [
      studentA({ STUDENT_ID: 'A', LAST_IEP: '2007-11-30' }),
      studentA({ STUDENT_ID: 'B' }),
      studentA({ STUDENT_ID: 'C' }),
      studentA({ STUDENT_ID: 'D' }),
    ]);
    // 1 of 4 = 25 % overdue: flagged at 0 and at 24.99, not at 25 (the share must be above the cut point)
    for (const [max, fired] of [
      ['24.99', true],
      ['25', false],
    ] as const) {
      await withRun(testConfig(d.root, { only: ['sesr'], params: { 'sesr.overdue_iep_max': max } }), async (db) => {
        const n = await db.scalar(`SELECT count(*) FROM identification WHERE "trigger" = 'annual_iep'`);
        expect(n, max).toBe(fired ? 1 : 0);
      });
    }
  });
});
