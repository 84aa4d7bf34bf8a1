import * as z from 'zod';

/** An input an indicator reads: a file kind, and for CASEMIS kinds the submission it needs. */
export interface InputNeed {
  kind: string;
  /** DEC or JUN of the indicator's data year (CASEMIS kinds only). */
  period?: 'DEC' | 'JUN';
}

export interface MeasureDef {
  /** Summary id (`5A`, `2.four_year`). */
  id: string;
  title: string;
  /** Decimals of the printed form. */
  precision: number;
  /** How the target compares: value >= target or value <= target. */
  targetOp?: '>=' | '<=';
  /** The indicator parameter that is the target (else the profile's `targets[id]`). */
  targetParam?: string;
}

/** A query whose result becomes an output table. */
export interface OutputDef {
  /** `summary`, `districts`, or an APR table name (`table-5a`). */
  name: string;
  /** SQL file in the indicator's folder; the last statement is the SELECT written out. */
  file: string;
}

export interface IndicatorDef {
  id: string;
  title: string;
  description: string;
  /** Parameter namespace: `ind5` → `ind5.min_n`. */
  paramPrefix: string;
  /** zod schema of this indicator's parameters, with the INDICATORS.md defaults. */
  params: z.ZodObject;
  inputs: InputNeed[];
  measures: MeasureDef[];
  /** Folder holding the SQL files (pass `import.meta.url`). */
  dir: string;
  /** SQL run before the outputs (aggregates shared by several outputs). */
  prepare?: string[];
  outputs: OutputDef[];
}

export function defineIndicator(def: IndicatorDef): IndicatorDef {
  return def;
}

/** Every indicator reports on a data year shifted from the reporting year by this offset. */
export const dataYearOffset = z
  .number()
  .int()
  .min(-1)
  .max(0)
  .default(0)
  .meta({ description: 'Data year relative to the reporting year Y (0 = Y, -1 = Y-1)' });
