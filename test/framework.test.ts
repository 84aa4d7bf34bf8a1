// The indicator framework's contract: every registered indicator declares what OUTPUTS.md needs,
// and every output carries exactly its declared column names and types (SQL casts its final SELECT).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../indicators/index.js';
import { Db } from '../src/db.js';
import { IndicatorError } from '../src/errors.js';
import { outputColumns, outTable } from '../src/engine/indicator.js';
import { paramCatalog } from '../src/engine/params.js';
import { closure, ordered } from '../src/engine/plan.js';
import { binding, bindValue, emptyBinding, runStatement } from '../src/sqlfile.js';
import { testConfig, withRun } from './helpers/engine.js';

describe('indicator declarations', () => {
  it.each(INDICATORS.map((i) => [i.id, i] as const))('indicator %s: files, params with defaults, descriptions and stages', (_id, ind) => {
    expect(ind.paramPrefix).toMatch(/^[a-z][a-z0-9]*$/);
    for (const f of [...(ind.count ?? []), ...(ind.decide ?? []), ...ind.outputs.map((o) => o.file)]) expect(existsSync(new URL(f, ind.dir)), f).toBe(true);
    const params = paramCatalog([ind]).filter((p) => p.group === ind.paramPrefix);
    expect(params.map((p) => p.name)).toContain(`${ind.paramPrefix}.data_year_offset`);
    for (const p of params) {
      expect(p.description, p.name).not.toBe('');
      // An unset per-category override (sd.threshold.DS_TOTAL) falls back to the general value.
      if (p.default === undefined) expect(p.schema.safeParse(undefined).success && /default: /.test(p.description), p.name).toBe(true);
      expect(['load', 'count', 'decide']).toContain(p.stage);
    }
    for (const m of ind.measures) if (m.targetParam) expect(paramCatalog(INDICATORS).map((p) => p.name)).toContain(m.targetParam);
    for (const u of ind.uses ?? []) expect(INDICATORS.map((i) => i.id)).toContain(u);
    for (const o of ind.outputs) if (o.kind === 'table') expect(o.columns?.length, `${ind.id} ${o.name}`).toBeGreaterThan(0);
  });

  it('measure ids and parameter names are unique across the engine', () => {
    const names = paramCatalog(INDICATORS).map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    const ids = INDICATORS.flatMap((i) => i.measures.map((m) => m.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('--only pulls in what an indicator uses, and it runs first', () => {
    const fake = [
      { ...INDICATORS[0]!, id: 'x', uses: ['y'] },
      { ...INDICATORS[0]!, id: 'y', uses: [] },
      { ...INDICATORS[0]!, id: 'z', uses: [] },
    ];
    expect(ordered(closure(fake, ['x'])).map((i) => i.id)).toEqual(['y', 'x']);
    expect(() => ordered([{ ...fake[0]!, uses: ['x'] }])).toThrow(/cycle/);
  });
});

describe('configuration', () => {
  it('an indicator and the one it uses must count the same data year', async () => {
    const { buildRunConfig } = await import('../src/engine/config.js');
    expect(() => buildRunConfig({ dataDir: '.', params: { 'ind4b.data_year_offset': '0' } })).toThrow(/ind4b.data_year_offset \(0\) must equal ind4.data_year_offset \(-1\)/);
    expect(() => buildRunConfig({ dataDir: '.', params: { 'ind4b.data_year_offset': '0', 'ind4.data_year_offset': '0' } })).not.toThrow();
  });
});

describe('binding', () => {
  it('list parameters bind as typed lists', async () => {
    const db = await Db.open();
    try {
      const b = emptyBinding();
      bindValue(b, 'codes', ['10', '20'], 'VARCHAR[]');
      bindValue(b, 'ks', [1.5, 2], 'DOUBLE[]');
      await runStatement(db, `CREATE TABLE t AS SELECT '20' = ANY($codes) AS a, '30' = ANY($codes) AS b, list_sum($ks) AS s`, b, 'test.sql', 0);
      expect(await db.one(`SELECT a, b, s FROM t`)).toEqual({ a: true, b: false, s: 3.5 });
    } finally {
      db.close();
    }
  });

  it('a failing statement names its SQL file and statement', async () => {
    const db = await Db.open();
    try {
      const err = await runStatement(db, `-- header\nSELECT * FROM no_such_table`, binding({}), 'indicators/x/count.sql', 2).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IndicatorError);
      expect((err as Error).message).toMatch(/^indicators\/x\/count\.sql, statement 3 \(SELECT \* FROM no_such_table\): Catalog Error/);
    } finally {
      db.close();
    }
  });
});

describe('output column types', () => {
  it('every output has exactly the declared names and types', async () => {
    await withRun(testConfig('data-samples'), async (db, result) => {
      for (const ind of INDICATORS) {
        if (result.statuses.get(ind.id)?.state !== 'computed') continue;
        for (const out of ind.outputs) {
          const exists = await db.scalar(`SELECT count(*) FROM duckdb_tables() WHERE table_name = $t`, { t: outTable(ind, out) });
          if (!exists) continue;
          const cols = await db.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${outTable(ind, out)})`);
          const pairs = cols.map((c) => [c.column_name, c.column_type]);
          const declared = outputColumns(out).map((c) => [c.name, c.type]);
          if (out.kind === 'summary') expect(pairs.slice(0, declared.length), `${ind.id} summary`).toEqual(declared);
          else expect(pairs, `${ind.id} ${out.kind} ${out.name ?? ''}`).toEqual(declared);
        }
      }
    });
  });
});

describe('stages', () => {
  it('decide and trigger SQL read decide-stage parameters from the scenarios table, never as $binds', async () => {
    const { readFileSync } = await import('node:fs');
    const { paramNames } = await import('../src/sqlfile.js');
    const decideBinds = new Set(paramCatalog(INDICATORS).filter((p) => p.stage === 'decide').map((p) => p.bind));
    for (const ind of INDICATORS) {
      const files = [...(ind.decide ?? []), ...ind.outputs.filter((o) => o.kind === 'triggers').map((o) => o.file), ...(ind.count ?? [])];
      for (const f of files) {
        const used = [...paramNames(readFileSync(new URL(f, ind.dir), 'utf8'))].filter((n) => decideBinds.has(n));
        expect(used, `indicators/${ind.id}/${f}`).toEqual([]);
      }
    }
  });
});
