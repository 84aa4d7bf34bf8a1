// public/ of a whole run on data-samples: every small count is `*`, nothing suppressed can be
// recovered by subtraction, and the analyst-only files never appear there.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../src/commands/execute.js';
import { Db } from '../src/db.js';
import { outputColumns } from '../src/engine/indicator.js';
import { type CellRef, equations, recoverable, type TableRow } from '../src/write/suppress.js';
import { INDICATORS } from '../indicators/index.js';
import { FIXED_NOW } from './helpers/engine.js';

describe('public/', () => {
  it('suppresses every small count, leaks none by subtraction, holds no identification or student list', async () => {
    const out = mkdtempSync(join(tmpdir(), 'apr-public-'));
    const ex = await execute(
      { dir: 'data-samples', out, profile: 'ca-ffy2008', format: 'csv', json: false, quiet: true, debug: false, 'student-lists': true },
      'run',
      () => FIXED_NOW,
    );
    expect(existsSync(join(out, 'public/identification.csv'))).toBe(false);
    expect(existsSync(join(out, 'public/restricted'))).toBe(false);
    const db = await Db.open();
    try {
      let checked = 0;
      for (const o of ex.result.outputs.filter((x) => x.path && (x.kind === 'table' || x.kind === 'districts'))) {
        const ind = INDICATORS.find((i) => i.id === o.indicator)!;
        const def = ind.outputs.find((x) => x.kind === o.kind && (x.name ?? ind.id) === o.name);
        const columns = o.columns ?? outputColumns(def!);
        const raw = await db.all<TableRow>(`SELECT * FROM read_csv($p, all_varchar = true, header = true)`, { p: join(out, `${o.path!}.csv`) });
        const pub = await db.all<TableRow>(`SELECT * FROM read_csv($p, all_varchar = true, header = true)`, { p: join(out, 'public', `${o.path!}.csv`) });
        expect(pub.length, o.path!).toBe(raw.length);
        for (const c of columns.filter((x) => x.role === 'count' || x.role === 'total')) {
          raw.forEach((r, i) => {
            const n = Number(r[c.name]);
            if (r[c.name] !== null && n > 0 && n < 10) expect(pub[i]![c.name], `${o.path!} ${c.name} row ${i}`).toBe('*');
          });
        }
        const opts = { minCell: 10, districts: o.kind === 'districts', sums: o.columns ? undefined : def?.sums };
        expect(recoverable(pub, columns, opts), o.path!).toEqual([]);
        // the equations suppression keeps hold on the analyst's figures (a wrong declared sum would protect nothing)
        const product = new Set((opts.sums ?? []).filter((x) => x.product).map((x) => x.total));
        const keyCol = columns.find((c) => c.role === 'key')!.name;
        for (const eq of opts.districts ? [] : equations(raw, columns, opts)) {
          const v = ([i, c]: CellRef): number => Number(raw[i]![c]);
          if (!eq.total || product.has(String(raw[eq.total[0]]![keyCol])) || raw[eq.total[0]]![eq.total[1]] === null) continue;
          expect(eq.parts.reduce((t, c) => t + v(c), 0), `${o.path!} ${JSON.stringify(eq)}`).toBe(v(eq.total));
        }
        // a printed percent next to its printed denominator gives the numerator away
        for (const c of columns.filter((x) => x.role === 'percent' && x.num && x.den)) {
          pub.forEach((r, i) => {
            if (r[c.num!] === '*') expect(r[c.name] === '*' || r[c.den!] === '*', `${o.path!} ${c.name} row ${i}`).toBe(true);
          });
        }
        checked++;
      }
      expect(checked).toBeGreaterThan(20);
    } finally {
      db.close();
    }
  });
});
