// Properties of the sd decision (SIGNIFICANT-DISPROPORTIONALITY.md): raising sd.threshold or
// sd.consecutive_years never adds an identified LEA; raising the cell or n-size can (a small LEA
// comparison turns an RR into an ARR).
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { runContext } from '../../src/engine/run.js';
import { decideStep } from '../../src/engine/runner.js';
import { writeScenarios } from '../../src/engine/scenarios.js';
import type { Db } from '../../src/db.js';
import { testConfig } from '../../test/helpers/engine.js';
import { type AggCell, type Grp, sdAggregateDb } from './fixture.js';

const sd = INDICATORS.find((i) => i.id === 'sd')!;
const cfg = testConfig('.', { profile: 'idea-2016' });
const GROUPS: Grp[] = ['HI7', 'AM7', 'AS7', 'BL7', 'PI7', 'WH7', 'MU7'];

/**
 * Pairs (district|group) identified per scenario, after deciding every scenario in one pass (as a
 * what-if sweep does). The property holds per pair, so per LEA: checking pairs makes it sensitive
 * with few LEAs.
 */
async function identified(db: Db, scenarios: Record<string, unknown>[], by: 'pair' | 'district' = 'pair'): Promise<Map<number, string[]>> {
  await writeScenarios(db, cfg.catalog, scenarios.map((v, i) => ({ id: i + 1, values: { ...cfg.params.values, ...v } })));
  await decideStep(db, runContext(cfg), sd, cfg.params.values);
  const key = by === 'pair' ? `district || '|' || grp` : 'district';
  const rows = await db.all<{ scenario: number; k: string }>(`SELECT DISTINCT scenario, ${key} AS k FROM sd_multi WHERE identified ORDER BY ALL`);
  return new Map(scenarios.map((_, i) => [i + 1, rows.filter((r) => r.scenario === i + 1).map((r) => r.k)]));
}

// Three years × three LEAs × three groups (another group now and then); a cell may be absent. Most
// groups pass the small test (cell 5, n-size 20 below), so ratios are calculated and compared.
const count = fc.integer({ min: 0, max: 600 }).chain((N) => fc.record({ N: fc.constant(N), n: fc.integer({ min: 0, max: Math.floor(N / 2) }) }));
const cells = fc
  .array(fc.option(count, { freq: 6 }), { minLength: 27, maxLength: 27 })
  .chain((xs) => fc.constantFrom(...GROUPS).map((extra) => ({ xs, extra })))
  .map(({ xs, extra }) =>
    xs.flatMap((c, i): AggCell[] =>
      c && c.N > 0 ? [{ k: i % 3, district: `D${Math.floor(i / 9) + 1}`, grp: (['HI7', 'BL7', i % 2 ? 'WH7' : extra] as Grp[])[Math.floor(i / 3) % 3]!, N: c.N, n: c.n }] : [],
    ).filter((c, i, all) => all.findIndex((x) => x.k === c.k && x.district === c.district && x.grp === c.grp) === i),
  );
const threshold = fc.integer({ min: 50, max: 300 }).map((x) => x / 100);

describe('module sd — properties of the decision', () => {
  test.prop([cells, threshold, threshold, fc.constantFrom(1, 2, 3), fc.constantFrom('or', 'and'), fc.constantFrom('off', 'any_decrease', 'points', 'percent')], { numRuns: 15 })(
    'raising sd.threshold never adds an identified LEA',
    async (data, a, b, k, rule, progress) => {
      const db = await sdAggregateDb(cfg, data);
      try {
        const base = { 'sd.consecutive_years': k, 'sd.small_rule': rule, 'sd.progress_rule': progress, 'sd.progress_amount': 0.1, 'sd.min_cell': 5, 'sd.min_n': 20 };
        const ids = await identified(db, [{ ...base, 'sd.threshold': Math.min(a, b) }, { ...base, 'sd.threshold': Math.max(a, b) }]);
        for (const d of ids.get(2)!) expect(ids.get(1)).toContain(d);
      } finally {
        db.close();
      }
    },
  );

  test.prop([cells, threshold, fc.constantFrom('or', 'and'), fc.constantFrom('reduce', 'wait')], { numRuns: 15 })(
    'raising sd.consecutive_years never adds an identified LEA',
    async (data, t, rule, history) => {
      const db = await sdAggregateDb(cfg, data);
      try {
        const base = { 'sd.threshold': t, 'sd.small_rule': rule, 'sd.short_history': history, 'sd.min_cell': 5, 'sd.min_n': 20 };
        const ids = await identified(db, [1, 2, 3].map((k) => ({ ...base, 'sd.consecutive_years': k })));
        for (const d of ids.get(2)!) expect(ids.get(1)).toContain(d);
        for (const d of ids.get(3)!) expect(ids.get(2)).toContain(d);
      } finally {
        db.close();
      }
    },
  );

  it('raising the cell size can add an LEA: its small comparison turns the RR into an ARR', async () => {
    // D1: BL7 20/100 against WH7 10/100 → RR 2.0. At cell 11 the comparison (10 < 11) fails → ARR
    // against the State's non-BL7 children 60/1,100 (5.45 %) → 20 / 5.4545 = 3.67 > 3.
    const db = await sdAggregateDb(cfg, [
      { k: 0, district: 'D1', grp: 'BL7', n: 20, N: 100 },
      { k: 0, district: 'D1', grp: 'WH7', n: 10, N: 100 },
      { k: 0, district: 'D2', grp: 'WH7', n: 50, N: 1000 },
    ]);
    try {
      const ids = await identified(db, [{ 'sd.consecutive_years': 1, 'sd.min_cell': 10 }, { 'sd.consecutive_years': 1, 'sd.min_cell': 11 }], 'district');
      expect(ids.get(1)).toEqual([]);
      expect(ids.get(2)).toEqual(['D1']);
      const r = await db.one<{ method: string; a: string; b: string }>(
        `SELECT method, ra::VARCHAR AS a, rb::VARCHAR AS b FROM sd_dec WHERE scenario = 2 AND district = 'D1' AND grp = 'BL7'`,
      );
      // 20 × 1,100 / (100 × 60)
      expect(r).toEqual({ method: 'ARR', a: '22000', b: '6000' });
    } finally {
      db.close();
    }
  });
});
