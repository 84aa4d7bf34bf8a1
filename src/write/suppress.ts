// Small-cell suppression for public/ (OUTPUTS.md "public/"), generic over the column roles of
// OutputDef: it never learns a table.
//
// 1. Primary: a count (role count or total) above 0 and below min_cell becomes `*`; so does a
//    percent whose numerator or denominator column is such a count or below min_cell.
// 2. Complementary: every column of counts is one equation — its cells sum to a total (a row keyed
//    `total`, or for a districts file the state figure, which is public). While an equation has
//    exactly one suppressed cell that cell could be recovered by subtraction, so the smallest
//    other cell of it is suppressed too (the total itself when nothing else is left), until no
//    equation has exactly one.
// 3. A percent computed from a suppressed count is suppressed; a percent over a zero denominator
//    is `NA`. A district not evaluated (below the minimum n) shows `NC` in its value.
import type { ColumnDef } from '../engine/indicator.js';

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
}

/**
 * Equations of a table: for each count column, the rows that sum to a total row. The key column
 * holding `total` names the total row; rows are grouped by the other key columns (a table with
 * sections, e.g. Table 11b, has one equation per section that has a total). A districts file is one
 * group whose total is the public state figure.
 */
export function equations(rows: TableRow[], columns: ColumnDef[], opts: SuppressOptions): { col: string; parts: number[]; total: number | null }[] {
  const counts = columns.filter(isCount);
  if (opts.districts) {
    const parts = rows.map((_, i) => i);
    return counts.map((c) => ({ col: c.name, parts, total: null }));
  }
  const keys = columns.filter((c) => c.role === 'key').map((c) => c.name);
  const totalKey = keys.find((k) => rows.some((r) => r[k] === 'total'));
  if (!totalKey) return [];
  const others = keys.filter((k) => k !== totalKey);
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const g = JSON.stringify(others.map((k) => r[k] ?? null));
    groups.set(g, [...(groups.get(g) ?? []), i]);
  });
  const out: { col: string; parts: number[]; total: number | null }[] = [];
  for (const members of groups.values()) {
    const total = members.find((i) => rows[i]![totalKey] === 'total');
    if (total === undefined) continue;
    const parts = members.filter((i) => i !== total);
    for (const c of counts) out.push({ col: c.name, parts, total });
  }
  return out;
}

/** Returns a copy with `*` (and `NC`) markers; the input is not changed. */
export function suppressTable(rows: TableRow[], columns: ColumnDef[], opts: SuppressOptions): TableRow[] {
  const out = rows.map((r) => ({ ...r }));
  const hidden = new Set<string>();
  const at = (i: number, col: string): string => `${i}\u0000${col}`;
  const small = (v: Cell): boolean => {
    const n = num(v);
    return n !== null && n > 0 && n < opts.minCell;
  };
  // 1. primary
  out.forEach((r, i) => {
    for (const c of columns) if (isCount(c) && small(r[c.name] ?? null)) hidden.add(at(i, c.name));
  });
  // 2. complementary, to a fixed point
  const eqs = equations(out, columns, opts);
  for (let changed = true; changed; ) {
    changed = false;
    for (const eq of eqs) {
      const cells = eq.total === null ? eq.parts : [...eq.parts, eq.total];
      const unknown = cells.filter((i) => hidden.has(at(i, eq.col)));
      if (unknown.length !== 1) continue;
      // the smallest published non-zero part, else a zero part, else the total
      const candidates = eq.parts
        .filter((i) => !hidden.has(at(i, eq.col)) && num(out[i]![eq.col] ?? null) !== null)
        .sort((a, b) => {
          const va = num(out[a]![eq.col] ?? null)!;
          const vb = num(out[b]![eq.col] ?? null)!;
          return (va === 0 ? 1 : 0) - (vb === 0 ? 1 : 0) || va - vb || a - b;
        });
      const pick = candidates[0] ?? (eq.total !== null && !hidden.has(at(eq.total, eq.col)) ? eq.total : undefined);
      if (pick === undefined) continue;
      hidden.add(at(pick, eq.col));
      changed = true;
    }
  }
  // 3. percents and markers
  out.forEach((r, i) => {
    for (const c of columns) {
      if (hidden.has(at(i, c.name))) r[c.name] = SUPPRESSED;
      else if (c.role === 'percent') {
        const parts = [c.num, c.den].filter((x): x is string => !!x);
        const fromHidden = parts.some((p) => hidden.has(at(i, p)));
        const fromSmall = parts.some((p) => {
          const n = num(rows[i]![p] ?? null);
          return n !== null && n > 0 && n < opts.minCell;
        });
        if (fromHidden || fromSmall) r[c.name] = SUPPRESSED;
        // 0/0: no rate exists (printed empty in the analyst's files)
        else if (c.den && num(rows[i]![c.den] ?? null) === 0 && (r[c.name] === null || r[c.name] === '')) r[c.name] = NOT_APPLICABLE;
      }
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
  const known = new Map<string, number>();
  const key = (i: number, col: string): string => `${i}\u0000${col}`;
  published.forEach((r, i) => {
    for (const c of columns) {
      const n = r[c.name] === SUPPRESSED ? null : num(r[c.name] ?? null);
      if (n !== null) known.set(key(i, c.name), n);
    }
  });
  const found: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const eq of eqs) {
      if (eq.total === null) {
        // districts: the state total is public, so a column with one unknown leaks it
        const unknown = eq.parts.filter((i) => !known.has(key(i, eq.col)));
        if (unknown.length === 1 && published[unknown[0]!]![eq.col] === SUPPRESSED) {
          found.push(key(unknown[0]!, eq.col));
          known.set(key(unknown[0]!, eq.col), NaN);
          changed = true;
        }
        continue;
      }
      const cells = [...eq.parts, eq.total];
      const unknown = cells.filter((i) => !known.has(key(i, eq.col)));
      if (unknown.length === 1 && published[unknown[0]!]![eq.col] === SUPPRESSED) {
        found.push(key(unknown[0]!, eq.col));
        known.set(key(unknown[0]!, eq.col), NaN);
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
