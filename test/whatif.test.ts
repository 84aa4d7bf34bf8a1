// apr whatif against apr run: a scenario equal to the defaults reproduces the baseline
// identification.csv exactly, and any scenario's trigger counts equal a separate run with the
// same parameters. One in-memory database: loaded once, reused through the load cache.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Db } from '../src/db.js';
import { UsageError } from '../src/errors.js';
import { buildRunConfig } from '../src/engine/config.js';
import { paramCatalog } from '../src/engine/params.js';
import { runPipeline } from '../src/engine/run.js';
import { decimalRange, grid, parseVary, runWhatif } from '../src/engine/whatif.js';
import { INDICATORS } from '../indicators/index.js';
import { FIXED_NOW } from './helpers/engine.js';

const fx = { log: () => undefined, now: () => FIXED_NOW };
const catalog = paramCatalog(INDICATORS);

// A sweep leaves the sentences out (never formatted); every other column must match exactly.
type Trig = { district: string; trigger: string; value: number | null; threshold: number | null; numerator: number | null; denominator: number | null };
const COLS = `district, "trigger", value, threshold, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator`;

describe('--vary parsing', () => {
  it('ranges are inclusive and exact, lists keep their order', () => {
    expect(parseVary(catalog, 'ind4.bar=0.5:5:0.5').values).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    // exact decimals, stop included when reached
    expect(decimalRange('2', '4', '0.5')).toEqual(['2', '2.5', '3', '3.5', '4']);
    expect(decimalRange('0.1', '0.3', '0.1')).toEqual(['0.1', '0.2', '0.3']);
    expect(decimalRange('0.7', '1', '0.1')).toEqual(['0.7', '0.8', '0.9', '1']);
    expect(decimalRange('1', '2', '0.3')).toEqual(['1', '1.3', '1.6', '1.9']);
    expect(decimalRange('-0.5', '0.5', '0.25')).toEqual(['-0.5', '-0.25', '0', '0.25', '0.5']);
    expect(decimalRange('2.50', '3', '0.25')).toEqual(['2.5', '2.75', '3']);
    expect(parseVary(catalog, 'ind9.k=1:10:1').labels).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(() => parseVary(catalog, 'ind4.bar=1:2:0')).toThrow(/step above 0/);
    expect(parseVary(catalog, 'ind9.k=1:10:1').values).toHaveLength(10);
    expect(parseVary(catalog, 'ind9.k=8,3,5').values).toEqual([8, 3, 5]);
    expect(parseVary(catalog, 'ind4.dspl_types=10,20|10,20,30').values).toEqual([['10', '20'], ['10', '20', '30']]);
    expect(parseVary(catalog, 'ind4.bar_method=fixed,state_rate').values).toEqual(['fixed', 'state_rate']);
  });

  it('unknown names, bad values and empty ranges are usage errors', () => {
    expect(() => parseVary(catalog, 'ind9.kk=1,2')).toThrow(UsageError);
    expect(() => parseVary(catalog, 'ind9.k=a,b')).toThrow(/ind9.k: expected a number ≥ 0, got "a" \(--vary ind9.k\)/);
    expect(() => parseVary(catalog, 'ind4.bar_method=median')).toThrow(UsageError);
    expect(() => parseVary(catalog, 'ind9.k=5:1:1')).toThrow(/start ≤ stop/);
    expect(() => parseVary(catalog, 'ind9.k')).toThrow(UsageError);
    // one load serves the whole sweep: what changes the load cannot vary inside it
    expect(() => parseVary(catalog, 'load.undup_rule=keep_one,drop_all')).toThrow(/changes what is loaded/);
    expect(() => parseVary(catalog, 'ind9.data_year_offset=0,-1')).toThrow(UsageError);
  });

  it('the grid is the cartesian product, the first --vary slowest', () => {
    const g = grid({ 'ind9.k': 8, 'ind4.bar': 1 }, [parseVary(catalog, 'ind9.k=1,2'), parseVary(catalog, 'ind4.bar=1,2,3')]);
    expect(g.scenarios.map((s) => [s.id, s.values['ind9.k'], s.values['ind4.bar']])).toEqual([
      [1, 1, 1], [2, 1, 2], [3, 1, 3], [4, 2, 1], [5, 2, 2], [6, 2, 3],
    ]);
  });
});

describe('whatif = run', () => {
  it('reproduces the baseline identification and matches separate runs scenario by scenario', async () => {
    const db = await Db.open();
    try {
      const base = buildRunConfig({ dataDir: 'data-samples', reuseLoad: true });
      const run0 = await runPipeline(db, base, fx);
      const ident = await db.all<Trig>(`SELECT ${COLS} FROM identification ORDER BY district, "trigger"`);
      expect(ident.length).toBeGreaterThan(0);

      const varies = [parseVary(base.catalog, 'ind9.k=8,3'), parseVary(base.catalog, 'ind4.bar=1,2'), parseVary(base.catalog, 'ind4.days=10,5')];
      const res = await runWhatif(db, base, varies, fx, run0.load);
      expect(res.scenarioCount).toBe(8);
      // ind4.days is a count parameter: two count groups (baseline's days=10 and days=5).
      const scen1 = await db.all<Trig>(`SELECT ${COLS} FROM whatif_triggers WHERE scenario = 1 ORDER BY district, "trigger"`);
      expect(scen1).toEqual(ident);
      const base0 = await db.all<Trig>(`SELECT ${COLS} FROM whatif_triggers WHERE scenario = 0 ORDER BY district, "trigger"`);
      expect(base0).toEqual(ident);

      const changes = await db.all<{ scenario: number; district: string; trigger: string; change: string }>(`SELECT * FROM whatif_changes`);
      for (const [id, params] of [
        [6, { 'ind9.k': '3', 'ind4.bar': '1', 'ind4.days': '5' }],
        [7, { 'ind9.k': '3', 'ind4.bar': '2', 'ind4.days': '10' }],
      ] as const) {
        const cfg = buildRunConfig({ dataDir: 'data-samples', reuseLoad: true, params });
        await runPipeline(db, cfg, fx);
        const sep = await db.all<Trig>(`SELECT ${COLS} FROM identification ORDER BY district, "trigger"`);
        const row = res.rows.find((r) => r.scenario === id)!;
        for (const t of res.triggers.filter((x) => x.evaluated)) {
          expect(row[t.id], `scenario ${id} trigger ${t.id}`).toBe(new Set(sep.filter((s) => s.trigger === t.id).map((s) => s.district)).size);
        }
        expect(row.identified).toBe(new Set(sep.map((s) => s.district)).size);
        // entered/left: the district × trigger pairs against the baseline, both ways
        const key = (x: { district: string; trigger: string }): string => `${x.district}|${x.trigger}`;
        const b = new Set(ident.map(key));
        const s = new Set(sep.map(key));
        const mine = changes.filter((c) => c.scenario === id);
        expect(mine.filter((c) => c.change === 'entered').map(key).sort()).toEqual([...s].filter((k) => !b.has(k)).sort());
        expect(mine.filter((c) => c.change === 'left').map(key).sort()).toEqual([...b].filter((k) => !s.has(k)).sort());
      }
    } finally {
      db.close();
    }
  });
});

describe('whatif = run, property', () => {
  // Random cut points: the scenario of a sweep flags exactly the districts a separate run with those
  // parameters lists in identification, trigger by trigger. One database, loaded once.
  let db: Db | undefined;
  let loaded: Awaited<ReturnType<typeof runPipeline>> | undefined;
  const cut = fc.record({
    k: fc.integer({ min: 1, max: 10 }),
    bar: fc.integer({ min: 1, max: 20 }).map((x) => x / 4),
    minSe: fc.integer({ min: 0, max: 60 }),
    timeline: fc.integer({ min: 80, max: 100 }),
  });
  test.prop([cut], { numRuns: 4 })(
    'any scenario = a separate run with the same parameters',
    async ({ k, bar, minSe, timeline }) => {
      db ??= await Db.open();
      const base = buildRunConfig({ dataDir: 'data-samples', reuseLoad: true });
      // the baseline run once: each scenario's separate run below replaces its outputs, not the load
      loaded ??= await runPipeline(db, base, fx);
      const v = (name: string, value: number) => parseVary(base.catalog, `${name}=${value}`);
      const res = await runWhatif(db, base, [v('ind9.k', k), v('ind4.bar', bar), v('ind9.min_se', minSe), v('sesr.timeline_min', timeline)], fx, loaded.load);
      const params = { 'ind9.k': String(k), 'ind4.bar': String(bar), 'ind9.min_se': String(minSe), 'sesr.timeline_min': String(timeline) };
      await runPipeline(db, buildRunConfig({ dataDir: 'data-samples', reuseLoad: true, params }), fx);
      const sep = await db.all<{ trigger: string; n: number }>(`SELECT "trigger", count(DISTINCT district)::INTEGER AS n FROM identification GROUP BY ALL`);
      const row = res.rows[0]!;
      for (const t of res.triggers.filter((x) => x.evaluated)) expect(row[t.id], t.id).toBe(sep.find((x) => x.trigger === t.id)?.n ?? 0);
    },
    120_000,
  );
});

describe('decimalRange', () => {
  const dec = (v: number, places: number): string => {
    const neg = v < 0;
    const d = Math.abs(v).toString().padStart(places + 1, '0');
    const frac = d.slice(d.length - places).replace(/0+$/, '');
    return `${neg ? '-' : ''}${d.slice(0, d.length - places)}${frac ? `.${frac}` : ''}`;
  };
  test.prop([fc.integer({ min: -500, max: 500 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 3 })])(
    'start + i × step in exact decimals, up to the last value not past stop',
    (a, s, k, r, places) => {
      const out = decimalRange(dec(a, places), dec(a + k * s + (r % s), places), dec(s, places));
      expect(out).toHaveLength(k + 1);
      expect(out).toEqual(Array.from({ length: k + 1 }, (_, i) => dec(a + i * s, places)));
    },
  );
});
