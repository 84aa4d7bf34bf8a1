// Small-cell suppression for public/ (OUTPUTS.md "public/"), generic over the column roles and
// declared sums of OutputDef: it never learns a table.
//
// 1. Primary: a count (role count or total) above 0 and below min_cell becomes `*`; so does a
//    percent whose numerator or denominator column is such a count or below min_cell, and a value
//    computed `from` one.
// 2. Complementary: the table's equations (a column summing to its `total` row, a row summing to a
//    `sumOf` column, declared item sums, a districts column summing to the public state figure).
//    While an equation has exactly one suppressed cell that cell could be recovered by
//    subtraction, so the smallest other part of it is suppressed too (the total itself when
//    nothing else is left), until no equation has exactly one.
// 3. A percent computed from a suppressed count is suppressed; a percent over a zero denominator
//    is `NA`. A district not evaluated (below the minimum n) shows `NC` in its value.
import type { ColumnDef, SumDef } from '../engine/indicator.js';

export type Cell = string | number | boolean | null;
export type TableRow = Record<string, Cell>;

export const SUPPRESSED = '*';
export const NOT_CALCULATED = 'NC';
export const NOT_APPLICABLE = 'NA';

const isCount = (c: ColumnDef): boolean => c.role === 'count' || c.role === 'total';

function num(v: Cell): number | null {
  if (v === null || v === '' || typeof v === 'boolean') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

export interface SuppressOptions {
  minCell: number;
  /** A districts file: its columns sum to the state figures even without a total row. */
  districts?: boolean;
  /** Declared equations between rows (OutputDef.sums); they replace the `total` row's. */
  sums?: SumDef[];
  /** A districts file: its column equations hold within these key columns (OutputDef.sumsBy). */
  sumsBy?: string[];
}

/** Row indexes grouped by the values of `cols`. */
function blocks(rows: TableRow[], cols: string[]): number[][] {
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const g = JSON.stringify(cols.map((k) => r[k] ?? null));
    const m = groups.get(g);
    if (m) m.push(i);
    else groups.set(g, [i]);
  });
  return [...groups.values()];
}

/** A cell: row index and column name. */
export type CellRef = readonly [number, string];

/**
 * One equation: the parts add up to the total (null: a districts file, whose total is the public
 * state figure). With every cell but one known, that one can be worked out.
 */
export interface Equation {
  parts: CellRef[];
  total: CellRef | null;
}

/**
 * Equations of a table:
 * - columns: each count column of the rows that share a `total` row (a key column holding `total`;
 *   rows are grouped by the other key columns, so a table with sections has one per section);
 * - declared sums (OutputDef.sums), which replace the `total` row's equations when given;
 * - rows: a `total` column with `sumOf` is the sum of those columns in its own row;
 * - a districts file: every count column sums to the state figure, which is public.
 */
export function equations(rows: TableRow[], columns: ColumnDef[], opts: SuppressOptions): Equation[] {
  const out: Equation[] = [];
  for (const c of columns) {
    if (c.role !== 'total' || !c.sumOf?.length) continue;
    const sumOf = c.sumOf;
    rows.forEach((_, i) => out.push({ parts: sumOf.map((p) => [i, p] as const), total: [i, c.name] }));
  }
  // a `restOf` column is derived from the others (no sum of its own)
  const counts = columns.filter((c) => isCount(c) && !c.restOf);
  if (opts.districts) {
    const parts = opts.sumsBy?.length ? blocks(rows, opts.sumsBy) : [rows.map((_, i) => i)];
    for (const c of counts) for (const p of parts) out.push({ parts: p.map((i) => [i, c.name] as const), total: null });
    return out;
  }
  const keys = columns.filter((c) => c.role === 'key').map((c) => c.name);
  if (opts.sums?.length) {
    const first = keys[0];
    if (!first) return out;
    const rowOf = (v: string): number[] => rows.flatMap((r, i) => (String(r[first]) === v ? [i] : []));
    for (const sum of opts.sums) {
      const cols = sum.col === undefined ? ['count'] : typeof sum.col === 'string' ? [sum.col] : sum.col;
      for (const col of cols) {
        const parts = sum.parts.flatMap((p) => (typeof p === 'string' ? rowOf(p).map((i) => [i, col] as const) : rowOf(p[0]).map((i) => [i, p[1]] as const)));
        for (const t of rowOf(sum.total)) out.push({ parts, total: [t, sum.totalCol ?? col] });
      }
    }
    return out;
  }
  // each key column holding `total` (both of Table 15b's: clusters per component, components of the total cluster)
  const additive = columns.filter((x) => x.role === 'count' && !x.distinct);
  for (const totalKey of keys.filter((k) => rows.some((r) => r[k] === 'total'))) {
    const others = keys.filter((k) => k !== totalKey);
    for (const members of blocks(rows, others)) {
      const total = members.find((i) => rows[i]![totalKey] === 'total');
      if (total === undefined || members.length < 2) continue;
      const parts = members.filter((i) => i !== total);
      for (const c of additive) out.push({ parts: parts.map((i) => [i, c.name] as const), total: [total, c.name] });
    }
  }
  return out;
}

const cellKey = ([i, col]: CellRef): string => `${i}\u0000${col}`;

/** Cells by column, then row: no key string is built for a lookup (a public sd file has 8 million cells). */
class CellSet {
  private readonly byCol = new Map<string, Set<number>>();
  add([i, col]: CellRef): void {
    const set = this.byCol.get(col);
    if (set) set.add(i);
    else this.byCol.set(col, new Set([i]));
  }
  has([i, col]: CellRef): boolean {
    return this.byCol.get(col)?.has(i) ?? false;
  }
}

/** Returns a copy with `*` (and `NC`) markers; the input is not changed. */
export function suppressTable(rows: TableRow[], columns: ColumnDef[], opts: SuppressOptions): TableRow[] {
  const out = rows.map((r) => ({ ...r }));
  const hidden = new CellSet();
  const value = ([i, col]: CellRef): number | null => num(rows[i]?.[col] ?? null);
  const small = (v: Cell): boolean => {
    const n = num(v);
    return n !== null && n > 0 && n < opts.minCell;
  };
  // 1. primary
  out.forEach((r, i) => {
    for (const c of columns) if (isCount(c) && small(r[c.name] ?? null)) hidden.add([i, c.name]);
  });
  // 2. complementary, to a fixed point. Each equation's count of hidden cells is kept up to date
  // (a hidden cell updates the equations holding it), so a pass costs one look per equation, not
  // one per cell: sd's file has 300,000 rows in a thousand column equations.
  const eqs = equations(out, columns, opts);
  // the equations of each cell, by column then row
  const eqsOf = new Map<string, Map<number, number[]>>();
  const unknown = new Int32Array(eqs.length);
  eqs.forEach((eq, e) => {
    for (const c of eq.total === null ? eq.parts : [...eq.parts, eq.total]) {
      let byRow = eqsOf.get(c[1]);
      if (!byRow) eqsOf.set(c[1], (byRow = new Map<number, number[]>()));
      const list = byRow.get(c[0]);
      if (list) list.push(e);
      else byRow.set(c[0], [e]);
      if (hidden.has(c)) unknown[e]!++;
    }
  });
  const hide = (c: CellRef): void => {
    hidden.add(c);
    for (const e of eqsOf.get(c[1])?.get(c[0]) ?? []) unknown[e]!++;
  };
  for (let changed = true; changed; ) {
    changed = false;
    eqs.forEach((eq, e) => {
      if (unknown[e] !== 1) return;
      // the smallest published non-zero part, else a zero part, else the total
      const candidates = eq.parts
        .filter((c) => !hidden.has(c) && value(c) !== null)
        .sort((a, b) => {
          const va = value(a)!;
          const vb = value(b)!;
          return (va === 0 ? 1 : 0) - (vb === 0 ? 1 : 0) || va - vb || a[0] - b[0];
        });
      const pick = candidates[0] ?? (eq.total !== null && !hidden.has(eq.total) && value(eq.total) !== null ? eq.total : undefined);
      if (pick === undefined) return;
      hide(pick);
      changed = true;
    });
  }
  // 2b. a comparison (restOf) is hidden in every row of a block where one of its parts is hidden:
  // part + comparison is the same in each row of the block, so one row with both printed would give
  // the block's total and with it the hidden part.
  for (const c of columns.filter((x) => x.restOf)) {
    const { col, within, when } = c.restOf!;
    for (const b of blocks(out, within)) {
      if (!b.some((i) => hidden.has([i, col]))) continue;
      for (const i of b) if (!when || rows[i]![when.column] === when.equals) hidden.add([i, c.name]);
    }
  }
  for (const c of columns.filter((x) => x.hiddenIf)) {
    rows.forEach((r, i) => {
      if (r[c.hiddenIf!] === true || r[c.hiddenIf!] === 'true') hidden.add([i, c.name]);
    });
  }
  // 3. percents, derived values and markers
  out.forEach((r, i) => {
    const fromHiddenOrSmall = (cols: string[]): boolean =>
      cols.some((p) => hidden.has([i, p]) || small(rows[i]![p] ?? null));
    for (const c of columns) {
      if (hidden.has([i, c.name])) r[c.name] = SUPPRESSED;
      else if (c.role === 'percent') {
        const parts = [c.num, c.den].filter((x): x is string => !!x);
        if (fromHiddenOrSmall(parts)) r[c.name] = SUPPRESSED;
        // 0/0: no rate exists (printed empty in the analyst's files)
        else if (c.den && num(rows[i]![c.den] ?? null) === 0 && (r[c.name] === null || r[c.name] === '')) r[c.name] = NOT_APPLICABLE;
      } else if (c.role === 'value' && c.from?.length && r[c.name] !== null && r[c.name] !== '' && fromHiddenOrSmall(c.from)) r[c.name] = SUPPRESSED;
    }
    if (opts.districts && r.evaluated === false && r.value !== SUPPRESSED) r.value = NOT_CALCULATED;
  });
  return out;
}

/**
 * Cells an attacker recovers from the published table by single-unknown subtractions, repeated
 * (each recovered cell can open another equation). Used by the tests as the leak check.
 */
export function recoverable(published: TableRow[], columns: ColumnDef[], opts: SuppressOptions): string[] {
  const eqs = equations(published, columns, opts);
  const known = new Set<string>();
  published.forEach((r, i) => {
    for (const c of columns) {
      if (r[c.name] !== SUPPRESSED && num(r[c.name] ?? null) !== null) known.add(cellKey([i, c.name]));
    }
  });
  const found: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const eq of eqs) {
      // districts: the state total is public, so a column with one unknown leaks it
      const cells = eq.total === null ? eq.parts : [...eq.parts, eq.total];
      const unknown = cells.filter((c) => !known.has(cellKey(c)));
      if (unknown.length === 1 && published[unknown[0]![0]]![unknown[0]![1]] === SUPPRESSED) {
        found.push(cellKey(unknown[0]!));
        known.add(cellKey(unknown[0]!));
        changed = true;
      }
    }
  }
  return found;
}

/** Every value as text for the public CSV (`*`, `NC` markers among numbers); null stays empty. */
export function asText(rows: TableRow[], names: string[]): (string | null)[][] {
  return rows.map((r) => names.map((n) => {
    const v = r[n];
    if (v === null || v === undefined || v === '') return null;
    return typeof v === 'string' ? v : String(v);
  }));
}
