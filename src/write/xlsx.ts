// `--format xlsx`: one workbook, apr-tables.xlsx, a sheet per table (OUTPUTS.md). Codes and district
// ids are stored as text cells, so Excel keeps their leading zeros (`0110017`, grade `09`, `010`);
// counts and rates as numbers. Written with exceljs, never hand-made XML.
import { type Db, quoteIdent } from '../db.js';
import type { ColumnDef } from '../engine/indicator.js';

/** How a column's cells are stored. */
export type CellKind = 'text' | 'number' | 'boolean';

export interface SheetColumn {
  name: string;
  kind: CellKind;
}

export interface Sheet {
  /** Wanted name; made valid and unique by `sheetName`. */
  name: string;
  columns: SheetColumn[];
  rows: unknown[][];
}

/** Excel's sheet name limit. */
const MAX_NAME = 31;

/**
 * A valid sheet name, unique (case-insensitively, as Excel compares them) among `taken`: no
 * `\ / ? * [ ] :`, no leading or trailing apostrophe, at most 31 characters, `~2`, `~3` … on a clash.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '').trim() || 'sheet';
  // Excel reserves "History" for its own change log.
  if (base.toLowerCase() === 'history') base = 'history_';
  base = base.slice(0, MAX_NAME);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `~${n}`;
    name = base.slice(0, MAX_NAME - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

const TEXT_ROLES = new Set(['key', 'label', 'text']);
const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/;

/**
 * A column's cell kind: its role first (key, label and text are text even when they look like
 * numbers), then its DuckDB type (anything not numeric or boolean, e.g. a date, is text).
 */
export function cellKind(type: string, role?: ColumnDef['role']): CellKind {
  if (role && TEXT_ROLES.has(role)) return 'text';
  if (NUMERIC_TYPE.test(type)) return 'number';
  if (type === 'BOOLEAN') return 'boolean';
  return 'text';
}

/** A value as text: lists and structs (DuckDB's JSON rows) as JSON. */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

function cell(v: unknown, kind: CellKind): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (kind === 'number') {
    // BIGINT arrives as text from DuckDB's JSON rows; NaN/Infinity have no Excel number.
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isFinite(n) ? n : text(v);
  }
  if (kind === 'boolean') return typeof v === 'boolean' ? v : text(v) === 'true';
  return text(v);
}

/** A sheet of a database table or query, cell kinds from the declared roles and the column types. */
export async function sheetOf(db: Db, source: string, name: string, declared: ColumnDef[] = []): Promise<Sheet> {
  const types = await db.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${source})`);
  const roles = new Map(declared.map((c) => [c.name, c.role]));
  const columns = types.map((t) => ({ name: t.column_name, kind: cellKind(t.column_type, roles.get(t.column_name)) }));
  const rows = await db.all<Record<string, unknown>>(`SELECT ${columns.map((c) => quoteIdent(c.name)).join(', ')} FROM ${source}`);
  return { name, columns, rows: rows.map((r) => columns.map((c) => r[c.name])) };
}

const MAX_WIDTH = 60;

/** Writes the workbook: each sheet with a bold frozen header; text columns formatted `@` (Text). */
export async function writeWorkbook(path: string, sheets: Sheet[]): Promise<void> {
  // imported here, not at the top: every other command would pay its load at start-up
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'apr-engine';
  const taken = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c, i) => {
      const longest = s.rows.reduce<number>((m, r) => Math.max(m, r[i] === null || r[i] === undefined ? 0 : text(r[i]).length), c.name.length);
      // `@` keeps a code typed over later as text too.
      return { header: c.name, key: c.name, width: Math.min(longest + 2, MAX_WIDTH), style: c.kind === 'text' ? { numFmt: '@' } : {} };
    });
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(s.columns.map((c, i) => cell(r[i], c.kind)));
  }
  await wb.xlsx.writeFile(path);
}
