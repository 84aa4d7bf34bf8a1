// The scenarios table: one row per scenario (0 = the baseline), one column per decide-stage
// parameter named in full ("ind9.k"). Every decide step joins it, so `apr run` (scenario 0 alone)
// and `apr whatif` (many rows) run the same SQL.
import { type DuckDBValue, listValue } from '@duckdb/node-api';
import { type Db, quoteIdent } from '../db.js';
import type { ParamInfo, ParamValues } from './params.js';

export interface Scenario {
  id: number;
  values: ParamValues;
}

export function decideParams(catalog: ParamInfo[]): ParamInfo[] {
  return catalog.filter((p) => p.stage === 'decide');
}

export async function writeScenarios(db: Db, catalog: ParamInfo[], scenarios: Scenario[], table = 'scenarios'): Promise<void> {
  const cols = decideParams(catalog);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdent(table)} (scenario INTEGER${cols.map((p) => `, ${quoteIdent(p.name)} ${p.sqlType}`).join('')})`,
  );
  await db.appendRows(
    table,
    scenarios.map((s) => [s.id, ...cols.map((p) => toDuck(s.values[p.name]))]),
  );
}

function toDuck(v: unknown): DuckDBValue {
  if (Array.isArray(v)) return listValue(v as DuckDBValue[]);
  return (v ?? null) as DuckDBValue;
}
