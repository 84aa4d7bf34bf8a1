// public/ of a whole run on data-samples: every small count is `*`, nothing suppressed can be
// recovered by subtraction, and the analyst-only files never appear there. Profile idea-2016 is
// ca-ffy2008 plus module sd: one run covers every output.
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
      { dir: 'data-samples', out, profile: 'idea-2016', format: 'csv', json: false, quiet: true, debug: false, 'student-lists': true },
      'run',
      () => FIXED_NOW,
    );
    expect(existsSync(join(out, 'public/identification.csv'))).toBe(false);
    expect(existsSync(join(out, 'public/restricted'))).toBe(false);
    const db = await Db.open();
    try {
      let checked = 0;
      let checkedRest = 0;
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
        const opts = { minCell: 10, districts: o.kind === 'districts', sums: o.columns ? undefined : def?.sums, sumsBy: def?.sumsBy };
        expect(recoverable(pub, columns, opts), o.path!).toEqual([]);
        // the equations suppression keeps hold on the analyst's figures (a wrong declared sum would protect nothing)
        const product = new Set((opts.sums ?? []).filter((x) => x.product).map((x) => x.total));
        const keyCol = columns.find((c) => c.role === 'key')!.name;
        for (const eq of opts.districts ? [] : equations(raw, columns, opts)) {
          const v = ([i, c]: CellRef): number => Number(raw[i]![c]);
          if (!eq.total || product.has(String(raw[eq.total[0]]![keyCol])) || raw[eq.total[0]]![eq.total[1]] === null) continue;
          expect(eq.parts.reduce((t, c) => t + v(c), 0), `${o.path!} ${JSON.stringify(eq)}`).toBe(v(eq.total));
        }
        // a comparison that is the rest of a block (sd: the LEA's other groups): part + rest = the block's
        // total T (the sum of every row's part) in each row where it applies, so one such row with both
        // printed gives T, and then one hidden part, or a row with one of its two hidden, leaks
        for (const c of columns.filter((x) => x.restOf)) {
          const { col, within, when } = c.restOf!;
          const byBlock = new Map<string, number[]>();
          pub.forEach((r, i) => {
            const k = within.map((w) => r[w]).join('|');
            byBlock.set(k, [...(byBlock.get(k) ?? []), i]);
          });
          for (const [k, rowsOf] of byBlock) {
            const applies = rowsOf.filter((i) => !when || raw[i]![when.column] === when.equals);
            const hiddenOf = (i: number): number => [col, c.name].filter((x) => pub[i]![x] === '*').length;
            if (!applies.some((i) => hiddenOf(i) === 0)) continue;
            expect(rowsOf.filter((i) => pub[i]![col] === '*').length, `${o.path!} ${c.name} block ${k}: one hidden ${col} with the total printed`).not.toBe(1);
            expect(applies.filter((i) => hiddenOf(i) === 1), `${o.path!} ${c.name} block ${k}`).toEqual([]);
          }
          checkedRest++;
        }
        // a column hidden on the rows its flag marks (sd: a State comparison built on a small State count)
        for (const c of columns.filter((x) => x.hiddenIf)) {
          pub.forEach((r, i) => {
            if (raw[i]![c.hiddenIf!] === 'true' && raw[i]![c.name] !== null) expect(r[c.name], `${o.path!} ${c.name} row ${i}`).toBe('*');
          });
        }
        // a value computed from counts (sd's ratio) is printed only with all of them
        for (const c of columns.filter((x) => x.role === 'value' && x.from?.length)) {
          pub.forEach((r, i) => {
            if (r[c.name] !== null && r[c.name] !== '*' && r[c.name] !== 'NC') for (const f of c.from!) expect(r[f], `${o.path!} ${c.name} row ${i} with ${f}`).not.toBe('*');
          });
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
      expect(checkedRest).toBe(2);
    } finally {
      db.close();
    }
  });
});
