// The seven federal race/ethnicity groups of profile idea-2016 (SIGNIFICANT-DISPROPORTIONALITY.md,
// "Race/ethnicity groups"), computed by the sd_group and sd_cbeds_group macros of sql/macros.sql, and
// the exact threshold test sd_exceeds ("Exact comparisons").
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.js';
import { CODE_LISTS } from '../src/load/codes.js';

let db: Db;
beforeAll(async () => {
  db = await Db.open();
});
afterAll(() => db.close());

type Codes = [string | null, string | null, string | null, string | null];
const group = async (hispanic: string | null, codes: Codes): Promise<string | null> =>
  (await db.one<{ g: string | null }>(`SELECT sd_group($h, $e1, $e2, $e3, $e4) AS g`, { h: hispanic, e1: codes[0], e2: codes[1], e3: codes[2], e4: codes[3] }))!.g;

describe('sd_group (Table A)', () => {
  it('follows the three steps of the spec', async () => {
    expect(await group(null, ['600', null, null, null])).toBe('BL7');
    expect(await group(null, ['201', '400', '299', null])).toBe('AS7'); // Filipino is Asian: one family
    expect(await group(null, ['301', null, null, null])).toBe('PI7'); // no longer added to Asian
    expect(await group(null, ['600', '700', null, null])).toBe('MU7'); // two families
    expect(await group(null, ['700', '500', null, null])).toBe('HI7'); // any 500: Hispanic first
    expect(await group('N', ['700', '500', null, null])).toBe('WH7'); // HISPANIC decides when given
    expect(await group('Y', ['700', null, null, null])).toBe('HI7');
    expect(await group('N', ['500', null, null, null])).toBeNull(); // 500 only, not Hispanic: no group
    expect(await group(null, ['999', null, null, null])).toBeNull();
    expect(await group(null, ['800', null, null, null])).toBe('MU7'); // none but an 800
    expect(await group(null, ['800', '700', null, null])).toBe('WH7'); // 800 is no family of its own
    expect(await group(null, [null, null, null, null])).toBeNull();
  });

  const code = fc.option(fc.constantFrom(...(CODE_LISTS.ETHNICITY as readonly string[])), { nil: null });
  const codes = fc.tuple(code, code, code, code);
  test.prop([fc.option(fc.constantFrom('Y', 'N'), { nil: null }), codes, fc.integer({ min: 0, max: 23 })], { numRuns: 150 })(
    'one group or none, whatever the order of ETHNICITY1-4; Hispanic overrides every race',
    async (hispanic, cs, k) => {
      const g = await group(hispanic, cs);
      const perms = [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]][k % 4]!;
      expect(await group(hispanic, perms.map((i) => cs[i]!) as Codes)).toBe(g);
      expect([null, 'HI7', 'AM7', 'AS7', 'BL7', 'PI7', 'WH7', 'MU7']).toContain(g);
      const hispanicByCode = hispanic === null && cs.includes('500');
      expect(g === 'HI7').toBe(hispanic === 'Y' || hispanicByCode);
    },
  );
});

describe('sd_cbeds_group (enrollment)', () => {
  it('maps CBEDS letters and the federal codes; NR has no group', async () => {
    const rows = await db.all<{ c: string; g: string | null }>(
      `SELECT c, sd_cbeds_group(c) AS g FROM (VALUES ('AI'), ('AS'), ('FI'), ('PI'), ('HI'), ('AA'), ('WH'), ('MR'), ('NR'), ('BL7'), ('mu7')) t(c) ORDER BY c`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.c, r.g]))).toEqual({
      AA: 'BL7', AI: 'AM7', AS: 'AS7', BL7: 'BL7', FI: 'AS7', HI: 'HI7', MR: 'MU7', NR: null, PI: 'PI7', WH: 'WH7', mu7: 'MU7',
    });
  });
});

describe('sd_exceeds', () => {
  const exceeds = async (ng: number, bigNg: number, nc: number, bigNc: number, t100: number): Promise<boolean> =>
    (await db.one<{ x: boolean }>(`SELECT sd_exceeds($a, $b, $c, $d, $t) AS x`, { a: ng, b: bigNg, c: nc, d: bigNc, t: t100 }))!.x;

  it('decides in integers: 18/120 against 44/880 is exactly 3, not above 3.0; above 2.5', async () => {
    expect((18 / 120) / (44 / 880)).not.toBe(3); // what floating point would have decided on
    expect(await exceeds(18, 120, 44, 880, 300)).toBe(false);
    expect(await exceeds(18, 120, 44, 880, 250)).toBe(true);
    expect(await exceeds(19, 120, 44, 880, 300)).toBe(true);
  });

  it('does not overflow on statewide counts', async () => {
    // 4e9 × 4e9 × 100 is beyond BIGINT
    expect(await exceeds(4_000_000_000, 4_000_000_001, 4_000_000_000, 4_000_000_000, 100)).toBe(false);
    expect(await exceeds(4_000_000_001, 4_000_000_000, 4_000_000_000, 4_000_000_000, 100)).toBe(true);
  });
});

