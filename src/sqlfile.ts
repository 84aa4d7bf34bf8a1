import { readFileSync } from 'node:fs';
import { DOUBLE, INTEGER, LIST, listValue, VARCHAR, BOOLEAN, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { Db, Params, ParamTypes } from './db.js';
import { IndicatorError } from './errors.js';

/** Splits a SQL file into statements (statements end with `;` at the end of a line). */
export function splitStatements(text: string): string[] {
  return text
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/--.*$/gm, '').trim() !== '');
}

/** The `$name` parameters a statement uses. */
export function paramNames(sql: string): Set<string> {
  const names = new Set<string>();
  for (const m of sql.replace(/--.*$/gm, '').replace(/'(?:[^']|'')*'/g, "''").matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    names.add(m[1]!);
  }
  return names;
}

/** Values to bind by name, with explicit types where DuckDB cannot infer one (lists). */
export interface Binding {
  values: Params;
  types: ParamTypes;
}

const SCALAR: Record<string, DuckDBType> = { VARCHAR, DOUBLE, INTEGER, BOOLEAN };

/** Adds a value under `name`; `sqlType` (`VARCHAR[]`, `DOUBLE`) types lists so they bind. */
export function bindValue(b: Binding, name: string, value: unknown, sqlType?: string): void {
  if (Array.isArray(value)) {
    const item = SCALAR[(sqlType ?? 'VARCHAR[]').replace('[]', '')] ?? VARCHAR;
    b.values[name] = listValue(value as DuckDBValue[]);
    b.types[name] = LIST(item);
    return;
  }
  b.values[name] = (value ?? null) as DuckDBValue;
}

export function emptyBinding(): Binding {
  return { values: {}, types: {} };
}

/** Binds only the parameters a statement names, and fails clearly on one that is missing. */
export function bindFor(sql: string, b: Binding, where: string): Binding {
  const out = emptyBinding();
  for (const name of paramNames(sql)) {
    if (!(name in b.values)) throw new Error(`${where}: parameter $${name} is not defined`);
    out.values[name] = b.values[name]!;
    if (b.types[name]) out.types[name] = b.types[name];
  }
  return out;
}

/** Runs one statement of a SQL file; a failure names the file and the statement. */
export async function runStatement(db: Db, sql: string, b: Binding, where: string, index: number): Promise<void> {
  const bound = bindFor(sql, b, where);
  try {
    await db.run(sql, bound.values, bound.types);
  } catch (e) {
    throw statementError(e, sql, where, index);
  }
}

export function statementError(e: unknown, sql: string, where: string, index: number): IndicatorError {
  const first = sql.split('\n').find((l) => l.trim() && !l.trim().startsWith('--')) ?? '';
  return new IndicatorError(`${where}, statement ${index + 1} (${first.trim().slice(0, 80)}): ${(e as Error).message}`, where, { cause: e });
}

export async function runSqlFile(db: Db, url: URL, b: Binding, where: string): Promise<void> {
  const stmts = splitStatements(readFileSync(url, 'utf8'));
  for (const [i, stmt] of stmts.entries()) await runStatement(db, stmt, b, where, i);
}

/** Binding of plain values (no lists): tests and fixed queries. */
export function binding(values: Record<string, unknown>): Binding {
  const b = emptyBinding();
  for (const [k, v] of Object.entries(values)) bindValue(b, k, v);
  return b;
}
