import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { outTable } from '../../src/engine/indicator.js';

const ind2 = INDICATORS.find((i) => i.id === '2')!;
import { DataDir, districtRow, type Rec, studentA } from '../../test/helpers/fixture.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';

const HEADER = ['district', 'year', 'grade', 'enrollment', 'dropouts', 'graduates', 'subgroup'];
const r = (district: string, grade: string, enrollment: number, dropouts: number, subgroup = ''): Rec => ({
  district,
  year: '2007-08',
  grade,
  enrollment: String(enrollment),
  dropouts: String(dropouts),
  graduates: '0',
  subgroup,
});

/** Table 2a of the FFY 2008 APR (2007-08 data), split over two districts. */
function seedFolder(extra: Rec[] = []): DataDir {
  return new DataDir()
    .districts([districtRow(), districtRow({ district: '0110025', name: 'Beta High', type: 'high' })])
    .csv('esea/grad_dropout.csv', HEADER, [
      r('0110017', '09', 26425, 687),
      r('0110025', '09', 20000, 500),
      r('0110017', '10', 23294, 998),
      r('0110025', '10', 20000, 500),
      r('0110017', '11', 20867, 962),
      r('0110025', '11', 20000, 1000),
      r('0110017', '12', 24645, 3557),
      r('0110025', '12', 20000, 3000),
      // another subgroup's rows are ignored
      r('0110025', '12', 999999, 99999, 'ALL'),
      ...extra,
    ]);
}

describe('indicator 2 — dropout', () => {
  it('reproduces Table 2a: factors, product 0.7640 and 23.60', async () => {
    await withRun(testConfig(seedFolder().root, { only: ['2'] }), async (db, result) => {
      const t = await db.all<{ grade: string; enrollment: number | null; dropouts: number | null; rate: number | null; one_minus_rate: number | null; four_year_rate: number | null }>(
        `SELECT grade, enrollment::INTEGER AS enrollment, dropouts::INTEGER AS dropouts, rate, one_minus_rate, four_year_rate FROM ${outTable(ind2, 'table-2a')}`,
      );
      const g = (grade: string) => t.find((x) => x.grade === grade)!;
      expect([g('09').enrollment, g('09').dropouts]).toEqual([46425, 1187]);
      expect([g('12').enrollment, g('12').dropouts]).toEqual([44645, 6557]);
      expect(g('09').rate!.toFixed(4)).toBe('0.0256');
      expect(g('09').one_minus_rate!.toFixed(4)).toBe('0.9744');
      expect(g('10').one_minus_rate!.toFixed(4)).toBe('0.9654');
      expect(g('11').one_minus_rate!.toFixed(4)).toBe('0.9520');
      expect(g('12').rate!.toFixed(4)).toBe('0.1469');
      expect(g('12').one_minus_rate!.toFixed(4)).toBe('0.8531');
      expect(g('product').one_minus_rate!.toFixed(4)).toBe('0.7640');
      expect(g('4-year rate').four_year_rate!.toFixed(2)).toBe('23.60');
      const four = result.summary.find((s) => s.id === '2.four_year')!;
      expect(four.display).toBe('23.60%');
      expect(four.numerator).toBeNull();
      expect(four.denominator).toBeNull();
      expect(four.target).toBe(23.6);
      // 23.598… ≤ 23.6
      expect(four.target_met).toBe('yes');
    });
  });

  it('one-year rate over grades 9-12 (11,204 / 175,231 = 6.39 %) and adds UG when present', async () => {
    await withRun(testConfig(seedFolder().root, { only: ['2'] }), (_db, result) => {
      const one = result.summary.find((s) => s.id === '2.one_year')!;
      expect([one.numerator, one.denominator, one.display]).toEqual([11204, 175231, '6.39%']);
    });
    await withRun(testConfig(seedFolder([r('0110017', 'UG', 769, 96)]).root, { only: ['2'] }), (_db, result) => {
      const one = result.summary.find((s) => s.id === '2.one_year')!;
      const four = result.summary.find((s) => s.id === '2.four_year')!;
      expect([one.numerator, one.denominator]).toEqual([11300, 176000]);
      // UG is not in the product
      expect(four.display).toBe('23.60%');
    });
  });

  it('a grade with zero enrollment makes the four-year rate not computed', async () => {
    const d = new DataDir().districts().csv('esea/grad_dropout.csv', HEADER, [r('0110017', '09', 10, 1), r('0110017', '10', 0, 0), r('0110017', '11', 10, 1), r('0110017', '12', 10, 1)]);
    await withRun(testConfig(d.root, { only: ['2'] }), (_db, result) => {
      const four = result.summary.find((s) => s.id === '2.four_year')!;
      expect(four.status).toMatch(/^not computed: /);
      expect(four.value).toBeNull();
      expect(result.summary.find((s) => s.id === '2.one_year')!.value).toBeCloseTo(10, 10);
    });
  });

  it('without esea/grad_dropout.csv, 1 and 2 are not computed with the missing path', async () => {
    const d = new DataDir().districts().tableA('2008-12', [studentA()]);
    await withRun(testConfig(d.root), (_db, result) => {
      for (const id of ['1', '2.one_year', '2.four_year']) {
        expect(result.summary.find((s) => s.id === id)!.status).toBe('not computed: missing esea/grad_dropout.csv');
      }
      expect(result.summary.find((s) => s.id === '5A')!.status).toBe('computed');
    });
  });

  it('exit 3 when no input is usable for the indicators asked for', async () => {
    const d = new DataDir().districts();
    await expect(withRun(testConfig(d.root, { only: ['1', '2'] }), () => undefined)).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('missing esea/grad_dropout.csv') as unknown,
    });
  });
});
