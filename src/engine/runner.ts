// Runs one indicator's SQL: the count step (students → aggregates), the decide step (aggregates ×
// scenarios → decisions), then its outputs. Every value reaches SQL as a bound `$name`.
import { readFileSync } from 'node:fs';
import { type Db, quoteIdent } from '../db.js';
import { type Binding, bindValue, emptyBinding, runSqlFile, runStatement, splitStatements } from '../sqlfile.js';
import { type IndicatorDef, type MeasureDef, type OutputDef, outTable } from './indicator.js';
import type { ParamInfo, ParamValues } from './params.js';
import { dataYear } from './plan.js';
import type { Profile } from './profile.js';

export interface RunContext {
  year: string;
  profile: Profile;
  catalog: ParamInfo[];
}

/** `$t_5A`: the target of a measure. */
export function targetBind(measureId: string): string {
  return `t_${measureId.replace(/[^A-Za-z0-9]/g, '_')}`;
}

export function targetOf(rc: RunContext, values: ParamValues, m: MeasureDef): number | null {
  if (m.targetParam) {
    const v = values[m.targetParam];
    return typeof v === 'number' ? v : null;
  }
  return rc.profile.targets[m.id] ?? null;
}

/**
 * What an indicator's SQL can bind: its data year's dates (`$year`, `$dec_period`, `$jun_date`, …),
 * every parameter by full name (`$ind9_min_se`, so 10 reads 9's) and its measures' targets.
 */
export function bindingFor(rc: RunContext, ind: IndicatorDef, values: ParamValues): Binding {
  const b = emptyBinding();
  for (const [k, v] of Object.entries(dataYear(values, ind, rc.year))) bindValue(b, k, v);
  for (const p of rc.catalog) bindValue(b, p.bind, values[p.name], p.sqlType);
  for (const m of ind.measures) bindValue(b, targetBind(m.id), targetOf(rc, values, m));
  return b;
}

function where(ind: IndicatorDef, f: string): string {
  return `indicators/${ind.id}/${f}`;
}

async function runFiles(db: Db, ind: IndicatorDef, files: string[] | undefined, b: Binding): Promise<void> {
  for (const f of files ?? []) await runSqlFile(db, new URL(f, ind.dir), b, where(ind, f));
}

export async function countStep(db: Db, rc: RunContext, ind: IndicatorDef, values: ParamValues): Promise<void> {
  await runFiles(db, ind, ind.count, bindingFor(rc, ind, values));
}

/** Reads the `scenarios` table the caller wrote. */
export async function decideStep(db: Db, rc: RunContext, ind: IndicatorDef, values: ParamValues): Promise<void> {
  await runFiles(db, ind, ind.decide, bindingFor(rc, ind, values));
}

/**
 * Runs an output's SQL; its last SELECT becomes `table`. `columns`: keep only these (the optimizer
 * then never computes the others: a what-if sweep needs no trigger sentences).
 */
export async function runOutput(
  db: Db,
  rc: RunContext,
  ind: IndicatorDef,
  out: OutputDef,
  values: ParamValues,
  table = outTable(ind, out),
  columns?: string[],
): Promise<string> {
  const b = bindingFor(rc, ind, values);
  const stmts = splitStatements(readFileSync(new URL(out.file, ind.dir), 'utf8'));
  const last = stmts.pop();
  if (!last) throw new Error(`${where(ind, out.file)} is empty`);
  for (const [i, s] of stmts.entries()) await runStatement(db, s, b, where(ind, out.file), i);
  const select = columns ? `SELECT ${columns.map((c) => quoteIdent(c)).join(', ')} FROM (${last})` : last;
  await runStatement(db, `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS ${select}`, b, where(ind, out.file), stmts.length);
  return table;
}
