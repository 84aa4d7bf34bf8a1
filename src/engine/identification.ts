// The self-review identification list: the union of every computed indicator's trigger output.
// Generic: it reads the TRIGGER_COLUMNS of OutputDef kind `triggers`, never an indicator's tables.
import { type Db, quoteIdent } from '../db.js';

const EMPTY = `SELECT NULL::INTEGER AS scenario, NULL::VARCHAR AS district, NULL::VARCHAR AS "trigger", NULL::DOUBLE AS value,
  NULL::DOUBLE AS threshold, NULL::BIGINT AS numerator, NULL::BIGINT AS denominator, NULL::VARCHAR AS explanation WHERE false`;

/** All trigger rows of the given tables (every scenario in them) as one relation. */
export function triggersUnion(tables: string[], withExplanation = true): string {
  const cols = `scenario::INTEGER AS scenario, district::VARCHAR AS district, "trigger"::VARCHAR AS "trigger", value::DOUBLE AS value,
    threshold::DOUBLE AS threshold, numerator::BIGINT AS numerator, denominator::BIGINT AS denominator,
    ${withExplanation ? 'explanation' : 'NULL'}::VARCHAR AS explanation`;
  return tables.length ? tables.map((t) => `SELECT ${cols} FROM ${quoteIdent(t)}`).join(' UNION ALL ') : EMPTY;
}

/** `identification`: scenario 0's triggers with the district's name and SELPA, sorted (OUTPUTS.md). */
export async function buildIdentification(db: Db, tables: string[]): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE identification AS
    SELECT t.district, d.district_name, d.selpa, t."trigger", t.value, t.threshold, t.numerator, t.denominator, t.explanation
    FROM (${triggersUnion(tables)}) t LEFT JOIN district_list d USING (district)
    WHERE t.scenario = 0
    ORDER BY t.district, t."trigger"`);
}
