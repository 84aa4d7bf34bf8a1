import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { Db } from '../../src/db.js';
import { outTable } from '../../src/engine/indicator.js';
import { runIndicator } from '../../src/engine/run.js';
import { DataDir, districtRow, fullHeader } from '../../test/helpers/fixture.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';

const ind3 = INDICATORS.find((i) => i.id === '3')!;
const PRESENT = new Set(['assessment']);

/** clean_assessment as the loader types it (integers INTEGER, Y/N flags VARCHAR or NULL). */
const CLEAN_COLS = `district VARCHAR, year VARCHAR, subject VARCHAR, swd_enrolled INTEGER, enrolled_window INTEGER,
  participants INTEGER, enrolled_fay INTEGER, proficient_fay INTEGER, met_participation VARCHAR, met_proficiency VARCHAR,
  met_all_ayp VARCHAR, regular INTEGER, regular_accom INTEGER, modified INTEGER, alternate INTEGER`;

interface T3a { component: string; measured: number; met: number; percent: number | null }

async function table3a(db: Db): Promise<T3a[]> {
  return db.all<T3a>(`SELECT component, measured::INTEGER AS measured, met::INTEGER AS met, percent FROM ${outTable(ind3, 'table-3a')}`);
}

async function summary(db: Db): Promise<Record<string, [number, number, number | null]>> {
  const rows = await db.all<{ id: string; n: number; d: number; value: number | null }>(
    `SELECT id, numerator::INTEGER AS n, denominator::INTEGER AS d, value FROM ${outTable(ind3, 'summary')} ORDER BY id`,
  );
  return Object.fromEntries(rows.map((r) => [r.id, [r.n, r.d, r.value]]));
}

/**
 * Aggregate-shaped fixture for Table 3a of the FFY 2008 APR. District i (code 1000000 + i):
 *  - G1, i 0..494: ELA and Math swd_enrolled 150 (both ≥ 100).
 *      participation (ELA, Math): i<443 (Y,Y) | <448 (Y,N) | <463 (N,Y) | <477 (N,N) | <491 (Y,-) | <495 (-,Y)
 *      proficiency   (ELA, Math): i<201 (Y,Y) | <251 (Y,N) | <258 (N,Y) | <264 (N,N) | <269 (-,Y) | else (-,-)
 *      all AYP       (both rows): i<190 Y | <481 N | else blank
 *  - G2, i 495..504: ELA n 50 (< 100), Math n 150; participation (Y,Y), proficiency (N,Y), all AYP N.
 *  - G4, i 505..507: both rows n 99, every flag Y: determined for nothing.
 *  - 2007-08 rows of i 0..99 (flags Y): another year, ignored.
 * Every 2008-09 row: enrolled_window 10, participants 9 (ELA) / 8 (Math), enrolled_fay 10,
 * proficient_fay 3 (ELA) / 4 (Math).
 */
async function seedDb(): Promise<Db> {
  const db = await Db.open();
  await db.run(`
    CREATE TABLE clean_assessment (${CLEAN_COLS});
    INSERT INTO clean_assessment
    WITH d AS (
      SELECT range AS i, printf('%07d', 1000000 + range) AS district,
        CASE WHEN range < 495 THEN 150 WHEN range < 505 THEN 50 ELSE 99 END AS e_n,
        CASE WHEN range < 505 THEN 150 ELSE 99 END AS m_n,
        CASE WHEN range < 448 THEN 'Y' WHEN range < 477 THEN 'N' WHEN range < 491 THEN 'Y' WHEN range < 495 THEN NULL ELSE 'Y' END AS e_p,
        CASE WHEN range < 443 THEN 'Y' WHEN range < 448 THEN 'N' WHEN range < 463 THEN 'Y' WHEN range < 477 THEN 'N' WHEN range < 491 THEN NULL ELSE 'Y' END AS m_p,
        CASE WHEN range < 251 THEN 'Y' WHEN range < 264 THEN 'N' WHEN range < 495 THEN NULL WHEN range < 505 THEN 'N' ELSE 'Y' END AS e_r,
        CASE WHEN range < 201 THEN 'Y' WHEN range < 251 THEN 'N' WHEN range < 258 THEN 'Y' WHEN range < 264 THEN 'N' WHEN range < 269 THEN 'Y' WHEN range < 495 THEN NULL ELSE 'Y' END AS m_r,
        CASE WHEN range < 190 THEN 'Y' WHEN range < 481 THEN 'N' WHEN range < 495 THEN NULL WHEN range < 505 THEN 'N' ELSE 'Y' END AS a
      FROM range(508)
    )
    SELECT district, '2008-09', 'ELA', e_n, 10, 9, 10, 3, e_p, e_r, a, 9, 0, 0, 0 FROM d
    UNION ALL SELECT district, '2008-09', 'MATH', m_n, 10, 8, 10, 4, m_p, m_r, a, 8, 0, 0, 0 FROM d
    UNION ALL SELECT district, '2007-08', s, 150, 10, 10, 10, 10, 'Y', 'Y', 'Y', 10, 0, 0, 0 FROM d, (VALUES ('ELA'), ('MATH')) v(s) WHERE i < 100;
    CREATE TABLE district_list AS
      SELECT printf('%07d', 1000000 + range) AS district, 'D' || range AS district_name, '0101' AS selpa, 'unified' AS district_type FROM range(508);
  `);
  return db;
}

describe('indicator 3 — statewide assessment', () => {
  it('reproduces Table 3a of FFY 2008: 462/491 … 190/491 = 38.70 %', async () => {
    const db = await seedDb();
    try {
      expect((await runIndicator(db, testConfig('.', { only: ['3'] }), ind3, PRESENT)).status).toBe('computed');
      const t = await table3a(db);
      // Worked out from the group layout above:
      //  part ELA  det G1 i<491 = 491; met i<448 + 477..490 = 448 + 14 = 462
      //  part Math det G1 i<477 + 491..494 + G2 = 477 + 4 + 10 = 491; met 443 + 15 + 4 + 10 = 472
      //  part both det G1 i<477 + G2 = 487; met (Y,Y) 443 + 10 = 453
      //  prof ELA  det G1 i<264 = 264 (G2's ELA n 50 < 100); met i<251 = 251
      //  prof Math det G1 i<269 + G2 = 279; met 201 + 7 + 5 + 10 = 223
      //  prof both det G1 i<264 + G2 (Math at min n, both rows Y/N) = 274; met i<201 = 201 (G2's ELA is N)
      //  all AYP   det G1 i<481 + G2 = 491; met i<190 = 190
      expect(t.map((r) => [r.component, r.met, r.measured])).toEqual([
        ['participation_ela', 462, 491],
        ['participation_math', 472, 491],
        ['participation_both', 453, 487],
        ['proficiency_ela', 251, 264],
        ['proficiency_math', 223, 279],
        ['proficiency_both', 201, 274],
        ['all_ayp', 190, 491],
      ]);
      // printed percents: 94.09, 96.13, 93.02, 95.08, 79.93, 73.36, 38.70
      expect(t.map((r) => r.percent!.toFixed(2))).toEqual(['94.09', '96.13', '93.02', '95.08', '79.93', '73.36', '38.70']);
      const s = await summary(db);
      expect(s['3A']!.slice(0, 2)).toEqual([190, 491]);
      expect(s['3A']![2]!.toFixed(2)).toBe('38.70'); // 100 × 190 / 491 = 38.696…
      // 3B/3C over all 508 districts of 2008-09 (the 2007-08 rows stay out): 9×508 / 10×508 …
      expect(s['3B.ela']).toEqual([4572, 5080, 90]);
      expect(s['3B.math']).toEqual([4064, 5080, 80]);
      expect(s['3C.ela']).toEqual([1524, 5080, 30]);
      expect(s['3C.math']).toEqual([2032, 5080, 40]);
    } finally {
      db.close();
    }
  });

  it('rule edges: min n on the boundary, one row at min n, blank flags, one subject only, AMO met on the boundary', async () => {
    const db = await Db.open();
    try {
      // district, subject, swd_enrolled, window, participants, fay, proficient, part, prof, all, regular, accom, modified, alternate
      await db.run(`
        CREATE TABLE clean_assessment (${CLEAN_COLS});
        INSERT INTO clean_assessment VALUES
          ('0000001', '2008-09', 'ELA',  100, 120, 110, 100,  46, 'Y', 'Y', 'Y', 50, 30, 20, 10),
          ('0000001', '2008-09', 'MATH', 100, 120, 100, 100,  47, 'Y', 'N', 'Y', 40, 30, 20, 10),
          ('0000002', '2008-09', 'ELA',   99, 100, 100,  90,  30, 'Y', 'Y', 'N', NULL, NULL, NULL, NULL),
          ('0000002', '2008-09', 'MATH', 100, 100,  90,  90,  50, 'Y', 'Y', 'N', 60, 20, 10, 10),
          ('0000003', '2008-09', 'ELA',   99,  99,  99,  99,  33, 'Y', 'Y', 'Y', 99, 0, 0, 0),
          ('0000003', '2008-09', 'MATH',  99,  99,  99,  99,  33, 'Y', 'Y', 'Y', 99, 0, 0, 0),
          ('0000004', '2008-09', 'ELA',  200, 200, 180, 190,  95, 'Y', NULL, 'Y', 100, 40, 30, 10),
          ('0000004', '2008-09', 'MATH', 200, 200, 200, 190, 100, 'N', 'Y', 'Y', 100, 50, 30, 20),
          ('0000005', '2008-09', 'ELA',  300, 300, 290, 280, 140, 'Y', 'Y', 'Y', 200, 50, 30, 10),
          ('0000006', '2008-09', 'ELA',  150, 150, 150, 150,  60, 'Y', 'Y', 'Y', 150, 0, 0, 0),
          ('0000006', '2008-09', 'MATH', 150, 150, 150, 150,  75, 'Y', 'Y', 'N', 150, 0, 0, 0),
          ('0000008', '2008-09', 'ELA',   10,  10,   5,  10,   2, 'Y', 'Y', 'Y', NULL, NULL, NULL, NULL),
          ('0000001', '2007-08', 'ELA',  500, 1000,  0, 1000,  0, 'N', 'N', 'N', 0, 0, 0, 0);
        CREATE TABLE district_list AS SELECT * FROM (VALUES
          ('0000001', 'One', '0101', 'elementary'), ('0000002', 'Two', '0101', 'high'), ('0000003', 'Three', '0101', 'unified'),
          ('0000004', 'Four', '0101', 'unified'), ('0000005', 'Five', '0102', 'coe'), ('0000006', 'Six', '0102', 'other'),
          ('0000007', 'Seven', '0102', 'unified')) t(district, district_name, selpa, district_type);
      `);
      await runIndicator(db, testConfig('.', { only: ['3'] }), ind3, PRESENT);
      // D1 n 100 = min n: every row determined. D2 ELA 99 < 100, Math 100. D3 both 99: nothing.
      // D4 blank ELA proficiency flag. D5 ELA only. D6 all AYP Y on ELA, N on Math. D8 n 10, no type.
      //  part ELA:  D1 Y, D4 Y, D5 Y, D6 Y                         → 4 of 4
      //  part Math: D1 Y, D2 Y, D4 N, D6 Y                         → 3 of 4
      //  part both: D1 YY, D2 YY (Math at min n), D4 YN, D6 YY     → 3 of 4 (D5 has no Math row)
      //  prof ELA:  D1 Y, D5 Y, D6 Y (D4 blank, D2 below n)        → 3 of 3
      //  prof Math: D1 N, D2 Y, D4 Y, D6 Y                         → 3 of 4
      //  prof both: D1 YN, D2 YY, D6 YY (D4 blank ELA)             → 2 of 3
      //  all AYP:   D1 YY, D2 NN, D4 YY, D6 YN                     → 2 of 4
      expect((await table3a(db)).map((r) => [r.component, r.met, r.measured])).toEqual([
        ['participation_ela', 4, 4],
        ['participation_math', 3, 4],
        ['participation_both', 3, 4],
        ['proficiency_ela', 3, 3],
        ['proficiency_math', 3, 4],
        ['proficiency_both', 2, 3],
        ['all_ayp', 2, 4],
      ]);
      const s = await summary(db);
      expect(s['3A']).toEqual([2, 4, 50]);
      // 3B.ela = (110+100+99+180+290+150+5) / (120+100+99+200+300+150+10) = 934 / 979 (2007-08 out)
      expect(s['3B.ela']!.slice(0, 2)).toEqual([934, 979]);
      expect(s['3B.ela']![2]).toBeCloseTo((100 * 934) / 979, 10);
      expect(s['3B.math']!.slice(0, 2)).toEqual([100 + 90 + 99 + 200 + 150, 120 + 100 + 99 + 200 + 150]); // 639 / 669
      expect(s['3C.ela']!.slice(0, 2)).toEqual([46 + 30 + 33 + 95 + 140 + 60 + 2, 100 + 90 + 99 + 190 + 280 + 150 + 10]); // 406 / 919
      expect(s['3C.math']!.slice(0, 2)).toEqual([47 + 50 + 33 + 100 + 75, 100 + 90 + 99 + 190 + 150]); // 305 / 629

      // Table 3b: condition rows over participants, total/not_tested over the testing window.
      const t3b = await db.all<{ condition: string; ec: number; ed: number; mc: number; md: number }>(
        `SELECT condition, ela_count::INTEGER AS ec, ela_denominator::INTEGER AS ed, math_count::INTEGER AS mc, math_denominator::INTEGER AS md FROM ${outTable(ind3, 'table-3b')}`,
      );
      expect(t3b.map((r) => [r.condition, r.ec, r.ed, r.mc, r.md])).toEqual([
        ['regular', 50 + 99 + 100 + 200 + 150, 934, 40 + 60 + 99 + 100 + 150, 639], // 599 | 449
        ['regular_accom', 30 + 40 + 50, 934, 30 + 20 + 50, 639], // 120 | 100
        ['modified', 20 + 30 + 30, 934, 20 + 10 + 30, 639], // 80 | 60
        ['alternate', 10 + 10 + 10, 934, 10 + 10 + 20, 639], // 30 | 40
        ['not_reported', 100 + 5, 934, 0, 639], // D2 ELA and D8 report no condition; D2 Math's exceed (clamped 0)
        ['total', 934, 979, 639, 669],
        ['not_tested', 45, 979, 30, 669],
        ['enrolled', 979, 979, 669, 669],
      ]);

      // Table 3c: AMO met when percent ≥ AMO (D1 ELA 46/100 = 46.0 = elementary AMO 46.0 → met).
      const t3c = await db.all<{ district_type: string; en: number; ed: number; ep: number | null; ea: number | null; em: boolean | null; mn: number; md: number; mm: boolean | null }>(
        `SELECT district_type, ela_proficient::INTEGER AS en, ela_enrolled_fay::INTEGER AS ed, ela_percent AS ep, ela_amo AS ea, ela_met AS em,
                math_proficient::INTEGER AS mn, math_enrolled_fay::INTEGER AS md, math_met AS mm FROM ${outTable(ind3, 'table-3c')}`,
      );
      expect(t3c.map((r) => [r.district_type, r.en, r.ed, r.ea, r.em, r.mn, r.md, r.mm])).toEqual([
        ['elementary', 46, 100, 46.0, true, 47, 100, false], // 46.0 ≥ 46.0; 47.0 < 47.5
        ['high', 30, 90, 44.5, false, 50, 90, true], // 33.3 < 44.5; 55.6 ≥ 43.5
        ['unified', 128, 289, 45.0, false, 133, 289, true], // D3+D4 (D7 no rows): 44.29 < 45.0; 46.02 ≥ 45.5
        ['coe', 140, 280, 45.0, true, 0, 0, null], // 50.0; no Math rows: 0/0, not judged
        ['other', 60, 150, 45.0, false, 75, 150, true], // 40.0; 50.0
        ['unknown', 2, 10, null, null, 0, 0, null], // D8 is not in districts.csv
        ['total', 406, 919, null, null, 305, 629, null],
      ]);
      expect(t3c[0]!.ep).toBe(46);

      // districts/3.csv: 1/1 met, 0/1 not met (flagged), 0/0 not evaluated; D8 is not in district_list.
      const dist = await db.all<{ district: string; numerator: number; denominator: number; value: number | null; evaluated: boolean; flagged: boolean; pb: boolean | null; rela: boolean | null; ep: number; ew: number }>(
        `SELECT district, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value, evaluated, flagged,
                met_participation_both AS pb, met_proficiency_ela AS rela, ela_participants::INTEGER AS ep, ela_enrolled_window::INTEGER AS ew
         FROM ${outTable(ind3, 'districts')}`,
      );
      expect(dist.map((r) => [r.district, r.numerator, r.denominator, r.value, r.evaluated, r.flagged, r.pb, r.rela, r.ep, r.ew])).toEqual([
        ['0000001', 1, 1, 100, true, false, true, true, 110, 120],
        ['0000002', 0, 1, 0, true, true, true, null, 100, 100], // ELA below min n: its proficiency not determined
        ['0000003', 0, 0, null, false, false, null, null, 99, 99],
        ['0000004', 1, 1, 100, true, false, false, null, 180, 200], // blank ELA proficiency flag
        ['0000005', 0, 0, null, false, false, null, true, 290, 300], // ELA only: no both / all AYP
        ['0000006', 0, 1, 0, true, true, true, true, 150, 150], // all AYP Y / N: not met
        ['0000007', 0, 0, null, false, false, null, null, 0, 0],
      ]);

      const warn = await db.all<{ code: string; message: string }>(`SELECT code, message FROM ${outTable(ind3, 'warnings')}`);
      expect(warn.map((w) => w.code)).toEqual(['W3-AYP', 'W3-COND']);
      expect(warn[0]!.message).toContain('1 district(s)');
      expect(warn[0]!.message).toContain('0000006');
      expect(warn[1]!.message).toContain('0000002');

      // min_n 99: D2's ELA and D3 now count. part ELA 6 of 6 (D1-D6); all AYP D1, D2, D3, D4, D6 → 3 (D1, D3, D4) of 5.
      await runIndicator(db, testConfig('.', { only: ['3'], params: { 'ind3.min_n': '99' } }), ind3, PRESENT);
      const t99 = await table3a(db);
      expect([t99[0]!.met, t99[0]!.measured]).toEqual([6, 6]);
      expect([t99[6]!.met, t99[6]!.measured]).toEqual([3, 5]);
    } finally {
      db.close();
    }
  });

  it('no rows for the data year: 0/0 with empty values, every Table 3a row present', async () => {
    const db = await Db.open();
    try {
      await db.run(`CREATE TABLE clean_assessment (${CLEAN_COLS});
        INSERT INTO clean_assessment VALUES ('0000001', '2007-08', 'ELA', 150, 10, 9, 10, 3, 'Y', 'Y', 'Y', 9, 0, 0, 0);
        CREATE TABLE district_list AS SELECT '0000001' AS district, 'One' AS district_name, '0101' AS selpa, 'unified' AS district_type`);
      await runIndicator(db, testConfig('.', { only: ['3'] }), ind3, PRESENT);
      const s = await summary(db);
      for (const id of ['3A', '3B.ela', '3B.math', '3C.ela', '3C.math']) expect(s[id]).toEqual([0, 0, null]);
      const t = await table3a(db);
      expect(t).toHaveLength(7);
      expect(t.every((r) => r.measured === 0 && r.met === 0 && r.percent === null)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('runs end to end from a CSV (lower-case flags, blank flags, no test-condition columns)', async () => {
    const header = fullHeader('assessment').filter((h) => !['regular', 'regular_accom', 'modified', 'alternate'].includes(h));
    const row = (district: string, subject: string, n: string, flags: [string, string, string]) => ({
      district, year: '2008-09', subject, swd_enrolled: n, enrolled_window: '120', participants: '114', enrolled_fay: '100', proficient_fay: '30',
      met_participation: flags[0], met_proficiency: flags[1], met_all_ayp: flags[2],
    });
    const d = new DataDir()
      .districts([districtRow(), districtRow({ district: '0110025', name: 'Beta Elementary', type: 'elementary' })])
      .csv('assessment/district_results.csv', header, [
        row('0110017', 'ELA', '150', ['y', 'y', 'y']),
        row('0110017', 'MATH', '150', ['Y', 'N', 'Y']),
        row('0110025', 'ELA', '150', ['Y', '', 'N']),
        row('0110025', 'MATH', '40', ['Y', '', 'N']),
      ]);
    await withRun(testConfig(d.root, { only: ['3'] }), async (db, result) => {
      const a = result.summary.find((x) => x.id === '3A')!;
      // 0110017: Y/Y met; 0110025: ELA at min n, N/N → determined, not met → 1 of 2
      expect([a.numerator, a.denominator]).toEqual([1, 2]);
      const b = result.summary.find((x) => x.id === '3B.ela')!;
      expect([b.numerator, b.denominator]).toEqual([228, 240]); // 2 × 114 / 2 × 120 = 95 %
      const t = await table3a(db);
      // proficiency ELA: 0110017 Y (0110025 blank) → 1 of 1; proficiency both: 0110017 Y/N → 0 of 1
      expect(t.find((r) => r.component === 'proficiency_ela')).toMatchObject({ met: 1, measured: 1 });
      expect(t.find((r) => r.component === 'proficiency_both')).toMatchObject({ met: 0, measured: 1 });
      const t3b = await db.all<{ c: number }>(`SELECT ela_count::INTEGER AS c FROM ${outTable(ind3, 'table-3b')} WHERE condition = 'not_reported'`);
      expect(t3b[0]!.c).toBe(228);
    });
  });
});
