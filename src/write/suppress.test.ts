import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { ColumnDef } from '../engine/indicator.js';
import { equations, recoverable, suppressTable, type TableRow } from './suppress.js';

const TABLE: ColumnDef[] = [
  { name: 'category', type: 'VARCHAR', role: 'key' },
  { name: 'count', type: 'BIGINT', role: 'count' },
  { name: 'denominator', type: 'BIGINT', role: 'total' },
  { name: 'percent', type: 'DOUBLE', role: 'percent', num: 'count', den: 'denominator' },
];

const row = (category: string, count: number, denominator: number): TableRow => ({ category, count, denominator, percent: (100 * count) / denominator });

describe('suppression', () => {
  it('a small count and its percent are suppressed; zero and counts of 10 or more are printed', () => {
    const rows = [row('a', 0, 500), row('b', 10, 500), row('c', 9, 500), row('d', 481, 500), row('total', 500, 500)];
    const out = suppressTable(rows, TABLE, { minCell: 10 });
    // c (9) is primary; its column has one unknown, so the next smallest non-zero part (b, 10) goes too
    expect(out.map((r) => [r.category, r.count, r.percent])).toEqual([
      ['a', 0, 0],
      ['b', '*', '*'],
      ['c', '*', '*'],
      ['d', 481, 96.2],
      ['total', 500, 100],
    ]);
    expect(recoverable(out, TABLE, { minCell: 10 })).toEqual([]);
  });

  it('a percent over a small denominator is suppressed even when its numerator is 0', () => {
    const out = suppressTable([row('a', 0, 7)], TABLE, { minCell: 10 });
    expect(out[0]).toMatchObject({ count: 0, denominator: '*', percent: '*' });
  });

  it('districts: one suppressed district in a column suppresses the next smallest (the state total is public); not evaluated is NC', () => {
    const cols: ColumnDef[] = [
      { name: 'district', type: 'VARCHAR', role: 'key' },
      { name: 'numerator', type: 'BIGINT', role: 'count' },
      { name: 'value', type: 'DOUBLE', role: 'value' },
      { name: 'evaluated', type: 'BOOLEAN', role: 'flag' },
    ];
    const rows: TableRow[] = [
      { district: '1', numerator: 3, value: 1, evaluated: true },
      { district: '2', numerator: 40, value: 2, evaluated: true },
      { district: '3', numerator: 25, value: 3, evaluated: false },
    ];
    const out = suppressTable(rows, cols, { minCell: 10, districts: true });
    expect(out.map((r) => [r.numerator, r.value])).toEqual([
      ['*', 1],
      [40, 2],
      ['*', 'NC'],
    ]);
    expect(recoverable(out, cols, { minCell: 10, districts: true })).toEqual([]);
  });

  it('a table with sections has one equation per section with a total row (Table 11b)', () => {
    const cols: ColumnDef[] = [
      { name: 'section', type: 'VARCHAR', role: 'key' },
      { name: 'category', type: 'VARCHAR', role: 'key' },
      { name: 'count', type: 'BIGINT', role: 'count' },
    ];
    const rows: TableRow[] = [
      { section: 'days', category: '1-30', count: 40 },
      { section: 'days', category: '31-60', count: 5 },
      { section: 'days', category: '61-90', count: 12 },
      { section: 'days', category: 'total', count: 57 },
      { section: 'reason', category: '50', count: 8 }, // no total row in this section: primary only
      { section: 'reason', category: '60', count: 49 },
    ];
    const out = suppressTable(rows, cols, { minCell: 10 });
    expect(out.map((r) => r.count)).toEqual([40, '*', '*', 57, '*', 49]);
    expect(recoverable(out, cols, { minCell: 10 })).toEqual([]);
  });

  it('a percent over a zero denominator is NA', () => {
    const out = suppressTable([{ category: 'a', count: 0, denominator: 0, percent: null }], TABLE, { minCell: 10 });
    expect(out[0]).toMatchObject({ count: 0, denominator: 0, percent: 'NA' });
  });

  it('a table with nothing small is unchanged', () => {
    const rows = [row('a', 20, 50), row('b', 30, 50), row('total', 50, 50)];
    expect(suppressTable(rows, TABLE, { minCell: 10 })).toEqual(rows);
  });

  const tableArb = fc
    .record({ n: fc.integer({ min: 1, max: 8 }), m: fc.integer({ min: 1, max: 4 }) })
    .chain(({ n, m }) => fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 10, max: 400 })), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }));

  test.prop([tableArb])('no suppressed cell can be recovered by subtraction; only columns with a small cell are touched', (cells) => {
    const m = cells[0]!.length;
    const cols: ColumnDef[] = [{ name: 'k', type: 'VARCHAR', role: 'key' }, ...Array.from({ length: m }, (_, j) => ({ name: `c${j}`, type: 'BIGINT' as const, role: 'count' as const }))];
    const rows: TableRow[] = cells.map((r, i) => ({ k: `r${i}`, ...Object.fromEntries(r.map((v, j) => [`c${j}`, v])) }));
    rows.push({ k: 'total', ...Object.fromEntries(Array.from({ length: m }, (_, j) => [`c${j}`, cells.reduce((s, r) => s + r[j]!, 0)])) });
    const out = suppressTable(rows, cols, { minCell: 10 });
    expect(recoverable(out, cols, { minCell: 10 })).toEqual([]);
    for (let j = 0; j < m; j++) {
      const col = `c${j}`;
      const small = rows.some((r) => typeof r[col] === 'number' && (r[col]) > 0 && (r[col]) < 10);
      if (!small) expect(out.every((r) => r[col] !== '*'), col).toBe(true);
      // every small cell is suppressed
      rows.forEach((r, i) => {
        if (typeof r[col] === 'number' && (r[col]) > 0 && (r[col]) < 10) expect(out[i]![col]).toBe('*');
      });
    }
  });

  const ITEMS: ColumnDef[] = [
    { name: 'item', type: 'VARCHAR', role: 'key' },
    { name: 'count', type: 'BIGINT', role: 'count' },
    { name: 'numerator', type: 'BIGINT', role: 'count' },
    { name: 'denominator', type: 'BIGINT', role: 'total' },
    { name: 'percent', type: 'DOUBLE', role: 'percent', num: 'numerator', den: 'denominator' },
  ];

  it('declared sums: an item table whose percent row denominator is a - b - d (Table 12a)', () => {
    const rows: TableRow[] = [
      { item: 'a', count: 51, numerator: null, denominator: null, percent: null },
      { item: 'b', count: 3, numerator: null, denominator: null, percent: null },
      { item: 'c', count: 42, numerator: null, denominator: null, percent: null },
      { item: 'd', count: 20, numerator: null, denominator: null, percent: null },
      { item: 'percent', count: null, numerator: 42, denominator: 28, percent: 150 },
    ];
    const sums = [
      { total: 'a', parts: ['b', 'd', ['percent', 'denominator'] as [string, string]] },
      { total: 'percent', totalCol: 'numerator', parts: ['c'] },
    ];
    // without the sums nothing but b is hidden, and a - d - 28 = 3 gives b away
    const plain = suppressTable(rows, ITEMS, { minCell: 10 });
    expect(recoverable(plain, ITEMS, { minCell: 10, sums })).toEqual(['1\u0000count']);
    // with them the smallest other part (d = 20, below the denominator 28) goes too
    const out = suppressTable(rows, ITEMS, { minCell: 10, sums });
    expect(out.map((r) => r.count)).toEqual([51, '*', 42, '*', null]);
    expect(out[4]).toMatchObject({ numerator: 42, denominator: 28 });
    expect(recoverable(out, ITEMS, { minCell: 10, sums })).toEqual([]);
  });

  it('a value computed from a suppressed count is suppressed; a product total is an equation like a sum (Table 2a)', () => {
    const cols: ColumnDef[] = [
      { name: 'grade', type: 'VARCHAR', role: 'key' },
      { name: 'enrollment', type: 'BIGINT', role: 'total' },
      { name: 'dropouts', type: 'BIGINT', role: 'count' },
      { name: 'one_minus_rate', type: 'DOUBLE', role: 'value', from: ['dropouts', 'enrollment'] },
    ];
    const g = (grade: string, e: number, d: number): TableRow => ({ grade, enrollment: e, dropouts: d, one_minus_rate: 1 - d / e });
    const rows = [g('09', 186, 4), g('10', 180, 15), g('11', 171, 12), g('12', 197, 24), { grade: 'product', enrollment: null, dropouts: null, one_minus_rate: 0.8 }];
    const sums = [{ total: 'product', totalCol: 'one_minus_rate', parts: ['09', '10', '11', '12'], col: 'dropouts', product: true }];
    const out = suppressTable(rows, cols, { minCell: 10, sums });
    // 09 is primary; the product would give it away, so the smallest other grade (11, 12) goes too
    expect(out.map((r) => [r.dropouts, r.one_minus_rate])).toEqual([
      ['*', '*'],
      [15, 1 - 15 / 180],
      ['*', '*'],
      [24, 1 - 24 / 197],
      [null, 0.8],
    ]);
    expect(recoverable(out, cols, { minCell: 10, sums })).toEqual([]);
  });

  it('a row total (sumOf) is an equation along its row', () => {
    const cols: ColumnDef[] = [
      { name: 'k', type: 'VARCHAR', role: 'key' },
      { name: 'x', type: 'BIGINT', role: 'count' },
      { name: 'y', type: 'BIGINT', role: 'count' },
      { name: 'z', type: 'BIGINT', role: 'count' },
      { name: 'all', type: 'BIGINT', role: 'total', sumOf: ['x', 'y', 'z'] },
    ];
    const out = suppressTable([{ k: 'r', x: 5, y: 30, z: 12, all: 47 }], cols, { minCell: 10 });
    expect(out[0]).toEqual({ k: 'r', x: '*', y: 30, z: '*', all: 47 });
    expect(recoverable(out, cols, { minCell: 10 })).toEqual([]);
  });

  // A grid with a total row and a total column: every row and every column is an equation.
  const gridArb = fc
    .record({ n: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 1, max: 5 }) })
    .chain(({ n, m }) => fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 10, max: 300 })), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }));

  test.prop([gridArb])('grid with row and column totals: nothing recoverable; every small cell hidden; every other hidden cell shares an equation with a hidden cell', (cells) => {
    const m = cells[0]!.length;
    const names = Array.from({ length: m }, (_, j) => `c${j}`);
    const cols: ColumnDef[] = [
      { name: 'k', type: 'VARCHAR', role: 'key' },
      ...names.map((name) => ({ name, type: 'BIGINT' as const, role: 'count' as const })),
      { name: 'all', type: 'BIGINT', role: 'total', sumOf: names },
    ];
    const rowOf = (k: string, vals: number[]): TableRow => ({ k, ...Object.fromEntries(vals.map((v, j) => [`c${j}`, v])), all: vals.reduce((a, b) => a + b, 0) });
    const rows = cells.map((r, i) => rowOf(`r${i}`, r));
    rows.push(rowOf('total', names.map((_, j) => cells.reduce((t, r) => t + r[j]!, 0))));
    const out = suppressTable(rows, cols, { minCell: 10 });
    expect(recoverable(out, cols, { minCell: 10 })).toEqual([]);
    const hidden = (i: number, c: string): boolean => out[i]![c] === '*';
    const eqs = equations(rows, cols, { minCell: 10 });
    rows.forEach((r, i) => {
      for (const c of [...names, 'all']) {
        const v = r[c] as number;
        if (v > 0 && v < 10) expect(hidden(i, c)).toBe(true);
        else if (hidden(i, c)) {
          const mine = eqs.filter((eq) => [...eq.parts, eq.total!].some(([ri, rc]) => ri === i && rc === c));
          expect(mine.some((eq) => [...eq.parts, eq.total!].some(([ri, rc]) => (ri !== i || rc !== c) && hidden(ri, rc)))).toBe(true);
        }
      }
    });
  });
});
