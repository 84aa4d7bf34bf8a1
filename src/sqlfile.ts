import { readFileSync } from 'node:fs';
import type { Db, Params } from './db.js';

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

/** Binds only the parameters a statement names, and fails clearly on one that is missing. */
export function bindFor(sql: string, params: Params, where: string): Params {
  const out: Params = {};
  for (const name of paramNames(sql)) {
    if (!(name in params)) throw new Error(`${where}: parameter $${name} is not defined`);
    out[name] = params[name]!;
  }
  return out;
}

export async function runSqlFile(db: Db, url: URL, params: Params, where: string): Promise<void> {
  for (const stmt of splitStatements(readFileSync(url, 'utf8'))) {
    await db.run(stmt, bindFor(stmt, params, where));
  }
}
