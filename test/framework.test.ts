// The indicator framework's contract: every registered indicator declares what OUTPUTS.md needs,
// and its outputs carry the declared column names and types (SQL casts its final SELECT).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../indicators/index.js';
import { MEASURE_CATALOG } from '../src/engine/catalog.js';
import { paramCatalog } from '../src/engine/params.js';
import { outTable } from '../src/engine/run.js';
import { testConfig, withRun } from './helpers/engine.js';

const COMMON = [
  ['district', 'VARCHAR'],
  ['district_name', 'VARCHAR'],
  ['selpa', 'VARCHAR'],
  ['numerator', 'BIGINT'],
  ['denominator', 'BIGINT'],
  ['value', 'DOUBLE'],
  ['evaluated', 'BOOLEAN'],
  ['flagged', 'BOOLEAN'],
  ['threshold', 'DOUBLE'],
];

describe('indicator declarations', () => {
  it.each(INDICATORS.map((i) => [i.id, i] as const))('indicator %s: ids, files, params with defaults', (_id, ind) => {
    expect(ind.paramPrefix).toMatch(/^ind[0-9a-z]+$/);
    for (const m of ind.measures) expect(MEASURE_CATALOG.map((c) => c.id)).toContain(m.id);
    for (const f of [...(ind.prepare ?? []), ...ind.outputs.map((o) => o.file)]) expect(existsSync(new URL(f, ind.dir)), f).toBe(true);
    const params = paramCatalog([ind]).filter((p) => p.group === ind.paramPrefix);
    expect(params.map((p) => p.name)).toContain(`${ind.paramPrefix}.data_year_offset`);
    for (const p of params) {
      expect(p.description, p.name).not.toBe('');
      expect(p.default, p.name).not.toBeUndefined();
    }
  });

  it('parameter names are unique across the engine', () => {
    const names = paramCatalog(INDICATORS).map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('output column types', () => {
  it('summary and districts outputs have the declared names and types', async () => {
    await withRun(testConfig('data-samples'), async (db) => {
      for (const ind of INDICATORS) {
        for (const out of ind.outputs) {
          const cols = await db.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${outTable(ind, out.name)})`);
          const pairs = cols.map((c) => [c.column_name, c.column_type]);
          if (out.name === 'summary') {
            expect(pairs.slice(0, 4), `${ind.id} summary`).toEqual([
              ['id', 'VARCHAR'],
              ['numerator', 'BIGINT'],
              ['denominator', 'BIGINT'],
              ['value', 'DOUBLE'],
            ]);
          } else if (out.name === 'districts') {
            expect(pairs.slice(0, COMMON.length), `${ind.id} districts`).toEqual(COMMON);
          } else {
            // APR tables: counts are integers and percents/rates are doubles
            for (const [name, type] of pairs) {
              if (/count|enrollment|dropouts|denominator/.test(name!)) expect(type, `${ind.id} ${out.name}.${name}`).toBe('BIGINT');
              if (/percent|rate/.test(name!)) expect(type, `${ind.id} ${out.name}.${name}`).toBe('DOUBLE');
            }
          }
        }
      }
    });
  });
});
