// December unduplication across SELPAs (DATA-CONTRACT.md 5.3) and its effect on the counts.
import { describe, expect, it } from 'vitest';
import { DataDir, districtRow, type Rec, studentA } from './helpers/fixture.js';
import { rejectsOf, testConfig, withRun } from './helpers/engine.js';

const copies = (period = '2008-12'): Rec[] => [
  studentA({ STUDENT_ID: 'A', SELPA_CODE: '0101', LAST_IEP: '2008-10-01' }, period),
  studentA({ STUDENT_ID: 'B', SELPA_CODE: '0202', LAST_IEP: '2008-11-01', DIST_RESI: '0220018' }, period),
  studentA({ STUDENT_ID: 'C', SELPA_CODE: '0303', LAST_IEP: '2008-11-01', DIST_RESI: '0330019' }, period),
  studentA({ STUDENT_ID: 'D', SELPA_CODE: '0101', FIRST_NAME: 'Other' }, period),
];

function folder(): DataDir {
  return new DataDir().districts([
    districtRow(),
    districtRow({ district: '0220018', selpa: '0202', county: '02' }),
    districtRow({ district: '0330019', selpa: '0303', county: '03' }),
  ]);
}

async function kept(d: DataDir, params: Record<string, string> = {}): Promise<{ ids: string[]; warned: string[]; pop: number | null }> {
  return withRun(testConfig(d.root, { only: ['5'], params }), async (db, result) => {
    const ids = (await db.all<{ id: string }>(`SELECT student_id AS id FROM students WHERE _period = '2008-12' AND NOT undup_excluded ORDER BY 1`)).map((r) => r.id);
    const warned = (await rejectsOf(db)).filter((r) => r.code === 'W-UNDUP').map((r) => r.value);
    return { ids, warned, pop: result.summary.find((s) => s.id === '5A')!.denominator };
  });
}

describe('December unduplication', () => {
  it('keeps the most recent LAST_IEP, then the lowest SELPA_CODE; the others are warned and not counted', async () => {
    const r = await kept(folder().tableA('2008-12', copies()));
    expect(r.ids).toEqual(['B', 'D']);
    expect(r.warned.sort()).toEqual(['A', 'C']);
    expect(r.pop).toBe(2);
  });

  it('prefers the SELPA that submitted December on time', async () => {
    const d = folder()
      .tableA('2008-12', copies())
      .csv('submissions/selpa_submissions.csv', ['selpa', 'period', 'due_date', 'submitted_date', 'passed_verification'], [
        { selpa: '0101', period: 'dec', due_date: '2009-01-15', submitted_date: '2009-01-15', passed_verification: 'Y' },
        { selpa: '0202', period: 'dec', due_date: '2009-01-15', submitted_date: '2009-01-20', passed_verification: 'Y' },
        { selpa: '0303', period: 'dec', due_date: '2009-01-15', submitted_date: '', passed_verification: 'N' },
      ]);
    const r = await kept(d);
    expect(r.ids).toEqual(['A', 'D']);
    expect(r.warned.sort()).toEqual(['B', 'C']);
  });

  it('load.undup_rule=drop_all excludes every copy', async () => {
    const r = await kept(folder().tableA('2008-12', copies()), { 'load.undup_rule': 'drop_all' });
    expect(r.ids).toEqual(['D']);
    expect(r.pop).toBe(1);
  });

  it('June keeps every copy (cumulative)', async () => {
    const d = folder().tableA('2008-12', [studentA({ STUDENT_ID: 'Z', FIRST_NAME: 'Zed' })]).tableA('2009-06', copies('2009-06'));
    await withRun(testConfig(d.root, { mode: 'validate' }), async (db) => {
      expect((await rejectsOf(db)).filter((r) => r.code === 'W-UNDUP')).toEqual([]);
      expect(await db.scalar(`SELECT count(*)::INTEGER FROM clean_table_a WHERE _period = '2009-06'`)).toBe(4);
    });
  });
});

describe('Part C linkage (W-LINK)', () => {
  it('warns on a referral that matches several June Table A records, not on one with a single match', async () => {
    const kid = { BIRTHDATE: '2006-03-01', ENTRY_DATE: '2008-09-01', GRADE: '17', FEDSET_SCH: '', IN_REGCLS: '', FEDSET_PRS: '200', LAST_NAME: 'Ñúñez', FIRST_NAME: 'Ana' };
    const d = folder()
      .tableA('2009-06', [
        studentA({ ...kid, STUDENT_ID: 'P1', SELPA_CODE: '0101' }, '2009-06'),
        studentA({ ...kid, STUDENT_ID: 'P2', SELPA_CODE: '0202', DIST_RESI: '0220018' }, '2009-06'),
        studentA({ ...kid, STUDENT_ID: 'P3', FIRST_NAME: 'Bea' }, '2009-06'),
      ])
      .csv('partc/referrals.csv', ['referral_id', 'LAST_NAME', 'FIRST_NAME', 'BIRTHDATE', 'GENDER', 'REFR_DATE'], [
        { referral_id: 'R1', LAST_NAME: 'NUNEZ', FIRST_NAME: 'ANA', BIRTHDATE: '03/01/2006', GENDER: 'M', REFR_DATE: '2008-11-01' },
        { referral_id: 'R2', LAST_NAME: 'Ñúñez', FIRST_NAME: 'Ana', BIRTHDATE: '2006-03-01', GENDER: 'M', REFR_DATE: '2008-11-01' },
        { referral_id: 'R3', LAST_NAME: 'Ñúñez', FIRST_NAME: 'Bea', BIRTHDATE: '2006-03-01', GENDER: 'M', REFR_DATE: '2008-11-01' },
      ]);
    await withRun(testConfig(d.root, { mode: 'validate' }), async (db) => {
      const w = (await rejectsOf(db)).filter((r) => r.code === 'W-LINK');
      // R1 spells the name without accents: letters differ, so it links to nothing (no warning)
      expect(w.map((r) => [r.line, r.value, r.severity])).toEqual([[3, 'R2', 'warning']]);
    });
  });
});
