// The declaration every indicator folder exports (indicators/<id>/index.ts). The engine reads only
// these declarations: nothing in src/ knows an indicator's id, tables or rules.
import * as z from 'zod';
import type { ParamValues } from './params.js';

/** An input file an indicator or measure reads: a file kind, and for CASEMIS kinds the submission. */
export interface FileNeed {
  kind: string;
  /** DEC or JUN of the indicator's data year (CASEMIS kinds only). */
  period?: 'DEC' | 'JUN';
}

/** One file, or any one of several alternatives (16-19 read table7.csv or the case logs). */
export type InputNeed = FileNeed | { anyOf: FileNeed[] };

export interface MeasureDef {
  /** Summary id (`5A`, `2.four_year`). */
  id: string;
  title: string;
  /** Decimals of the printed form. */
  precision: number;
  /** How the target compares: value >= target or value <= target. */
  targetOp?: '>=' | '<=';
  /** The parameter (full name) that is the target (else the profile's `targets[id]`). */
  targetParam?: string;
  /** Inputs this measure needs beyond the indicator's own (`9` needs the reviews; `9.potential` not). */
  needs?: InputNeed[];
  /** The APR indicator of the summary row when a module publishes several (Table 7 → 16, 17, 18, 19). */
  indicator?: string;
}

/**
 * What a column holds, so the generic writers (identification, public suppression, the report)
 * never learn a table: `key` identifies the row, `label` describes it, `count` is a number of
 * students/districts/cases, `total` a count that sums others, `percent` 100 × num/den (with the
 * columns it is computed from), `value` another figure (a rate, an index, a threshold), `flag` a
 * yes/no, `text` anything else.
 */
export type ColumnRole = 'key' | 'label' | 'count' | 'total' | 'percent' | 'value' | 'flag' | 'text';
export type ColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'INTEGER' | 'DATE';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  role: ColumnRole;
  /** For `percent`: the numerator and denominator columns it is computed from. */
  num?: string;
  den?: string;
  /** For `value`: columns of the same row it is computed from (Table 2a's rate from dropouts and enrollment); suppressed with them. */
  from?: string[];
  /** For `total`: the columns of the same row it is the sum of (a row total); one suppression equation per row. */
  sumOf?: string[];
  /** For `count`: distinct things (districts with findings) whose `total` row is not the sum of the rows. */
  distinct?: boolean;
  /**
   * For `count`: the sum of column `col` over the rows sharing the `within` columns, less this row's
   * (sd's LEA comparison: the LEA's other groups), on rows where `when` holds. Every row of a block
   * where one `col` cell is hidden hides it too, or the block's total would give that cell away.
   */
  restOf?: { col: string; within: string[]; when?: { column: string; equals: string } };
  /** Hidden in public/ on rows where this BOOLEAN column of the row is true (sd: a State comparison built on a small State count). */
  hiddenIf?: string;
}

/**
 * Cells that add up to another cell of the same table, where no `total` row says so (the APR's item
 * tables: 11a's a = b + late + not evaluated). Rows are named by their first key column; `col`
 * defaults to `count` (a list gives one equation per column) and `totalCol` to the same column.
 * The total may be any function of the parts that gives one part away when the others are known
 * (Table 2a's product of 1 - D/E, marked `product`). When an output declares sums, they replace the equations its
 * `total` row implies. Public suppression (src/write/suppress.ts) keeps no equation with exactly one
 * suppressed cell.
 */
export interface SumDef {
  total: string;
  /** Rows (in `col`), or `[row, column]` for a part in another column (12a's a = b + d + e + the percent row's denominator). */
  parts: (string | [string, string])[];
  col?: string | string[];
  totalCol?: string;
  /** The total is not the plain sum of the parts (Table 2a's product); tests check the others add up. */
  product?: boolean;
}

/**
 * An output: a SQL file whose last statement is a SELECT.
 * - `summary`: rows `id, numerator, denominator, value [, target_met, target_basis, status]` for the
 *   measures (`target_basis` says how the SQL's own target_met was decided; src/engine/summary.ts).
 * - `districts`: `districts/<name>.csv`, the common columns of OUTPUTS.md then `columns`.
 * - `table`: `tables/<name>.csv` with `columns`.
 * - `triggers`: self-review triggers over every scenario (`scenario, district, trigger, value,
 *   threshold, numerator, denominator, explanation`); read by identification and what-if.
 * - `restricted`: `restricted/<district>/<name>.csv` with `--student-lists`: `district, student_id`
 *   then `columns`; never names, birthdates or state identifiers.
 * - `warnings`: rows `code, message` (a failed consistency check, e.g. Table 7's sums) listed in
 *   run.json under `warnings`.
 * - `notes`: rows `key, value` (value = JSON text) recorded in run.json under `modules.<id>.<key>`
 *   (sd: the standards used per category, the years of data per family, rationale notes).
 */
export interface OutputDef {
  kind: 'summary' | 'districts' | 'table' | 'triggers' | 'restricted' | 'warnings' | 'notes';
  /** File name (`table-5a`, `4B`); districts/restricted default to the indicator id. */
  name?: string;
  /** SQL file in the indicator's folder; the last statement is the SELECT written out. */
  file: string;
  /** Columns after the kind's fixed ones (districts, restricted) or all of them (table). */
  columns?: ColumnDef[];
  /** Inputs without which this output is not written (table-4a needs the reviews). */
  needs?: InputNeed[];
  /** A table with no rows is not written (e.g. table-4a when the reviews carry no item findings). */
  skipWhenEmpty?: boolean;
  /** For `triggers`: the trigger ids it evaluates (a trigger whose output did not run is "not evaluated"). */
  triggers?: string[];
  /** Roles of the kind's fixed columns where this output differs (9's `value` is an index, not a percent). */
  fixedRoles?: Partial<Record<string, ColumnRole>>;
  /** `from` of a fixed `value` column computed from counts of its row (sd's ratio), so it hides with them. */
  fixedFrom?: Partial<Record<string, string[]>>;
  /** Equations between rows beyond the `total` row (item tables); see SumDef. */
  sums?: SumDef[];
  /** A districts file with several rows per district: its counts add up to a public figure within these key columns (sd: year, category, group). */
  sumsBy?: string[];
  /**
   * `apr explain` of a districts output: `where`, a SQL predicate over its columns choosing the rows
   * shown (sd: the year-Y rows of the groups present, its pairs); `columns`, shown after the figures.
   */
  explain?: { where?: string; columns?: string[] };
}

export interface IndicatorDef {
  id: string;
  title: string;
  description: string;
  /** Parameter namespace: `ind5` → `ind5.min_age`, bound in SQL as `$ind5_min_age`. */
  paramPrefix: string;
  /** zod schema of this indicator's parameters, with the INDICATORS.md defaults and a stage each. */
  params: z.ZodObject;
  inputs: InputNeed[];
  /** Indicators whose results or parameters this one reads; `--only` pulls them in, they run first. */
  uses?: string[];
  /** Trigger ids this indicator can emit (for what-if columns and explain). */
  triggers?: string[];
  measures: MeasureDef[];
  /** Folder holding the SQL files (pass `import.meta.url`). */
  dir: string;
  /** Count step: students → small aggregates. Binds count-stage parameters and the data-year dates. */
  count?: string[];
  /**
   * Decide step: aggregates × the `scenarios` table (one row per scenario, a column per
   * decide-stage parameter named in full, `s."ind9.k"`) → decisions keyed by `scenario`.
   */
  decide?: string[];
  outputs: OutputDef[];
  /**
   * Multi-year view: the summary measures are also computed for each earlier data year whose inputs
   * are present (up to three years back) and written to `tables/trend-<id>.csv`.
   */
  trend?: boolean;
  /**
   * An extension module: computed only under a profile that lists it in `modules` (sd, profile
   * idea-2016). Its parameters are refused under the other profiles.
   */
  extension?: boolean;
  /**
   * Data years read besides the module's own, as offsets from it: the December and the June
   * submissions (sd's window of up to three years, its discipline shifted by an offset). The count
   * step finds them itself; the plan loads them and `--only` reads their files.
   */
  years?: (values: ParamValues) => { dec: number[]; jun: number[] };
  /**
   * Extra columns of what-if scenarios.csv after the trigger counts: a SQL file run after the decide
   * step whose last SELECT gives `scenario, value` (sd_pairs: pairs identified per scenario).
   */
  whatifColumns?: { column: string; file: string; description: string }[];
}

export function defineIndicator(def: IndicatorDef): IndicatorDef {
  return def;
}

/**
 * The step a parameter feeds. `load` changes what is loaded or written (the folders read, the
 * unduplication, suppression): a what-if sweep, which reuses one load, cannot vary it. `count`
 * changes which students are counted (re-count on change); `decide` applies to the aggregates (a
 * sweep varies it without re-counting).
 */
export type Stage = 'load' | 'count' | 'decide';

/** Marks a parameter as a decide-step cut point (count is the default). */
export function decide<T extends z.ZodType>(schema: T, description: string): T {
  return schema.meta({ description, stage: 'decide' });
}

/** Every indicator reports on a data year shifted from the reporting year by this offset. */
export const dataYearOffset = z
  .number()
  .int()
  .min(-1)
  .max(0)
  .default(0)
  .meta({ description: 'Data year relative to the reporting year Y (0 = Y, -1 = Y-1)', stage: 'load' });

export function outputName(ind: IndicatorDef, out: OutputDef): string {
  return out.name ?? (out.kind === 'summary' ? 'summary' : out.kind === 'triggers' ? 'triggers' : ind.id);
}

/** Where an output is written, relative to --out (triggers and restricted lists are collected). */
export function outputPath(ind: IndicatorDef, out: OutputDef): string | null {
  if (out.kind === 'districts') return `districts/${outputName(ind, out)}`;
  if (out.kind === 'table') return `tables/${outputName(ind, out)}`;
  return null;
}

/** An output by its name (`table-5a`, `4B`) or, failing that, by its kind (`summary`, `districts`). */
export function findOutput(ind: IndicatorDef, key: string): OutputDef {
  const out = ind.outputs.find((o) => o.name === key) ?? ind.outputs.find((o) => o.kind === key);
  if (!out) throw new Error(`indicator ${ind.id} has no output ${key}`);
  return out;
}

/** The DuckDB table holding an output of the baseline run. */
export function outTable(ind: IndicatorDef, out: OutputDef | string): string {
  const o = typeof out === 'string' ? findOutput(ind, out) : out;
  return `out_${ind.id}_${o.kind}_${outputName(ind, o)}`.replace(/[^A-Za-z0-9_]/g, '_');
}

/** A count, the total it is out of, and 100 × count / total beside them: the APR's usual triple. */
export function rateColumns(count: string, total: string, percent: string): ColumnDef[] {
  return [
    { name: count, type: 'BIGINT', role: 'count' },
    { name: total, type: 'BIGINT', role: 'total' },
    { name: percent, type: 'DOUBLE', role: 'percent', num: count, den: total },
  ];
}

/** The common leading columns of every districts/<id>.csv (OUTPUTS.md). */
export const DISTRICT_COLUMNS: ColumnDef[] = [
  { name: 'district', type: 'VARCHAR', role: 'key' },
  { name: 'district_name', type: 'VARCHAR', role: 'label' },
  { name: 'selpa', type: 'VARCHAR', role: 'label' },
  { name: 'numerator', type: 'BIGINT', role: 'count' },
  { name: 'denominator', type: 'BIGINT', role: 'total' },
  { name: 'value', type: 'DOUBLE', role: 'percent', num: 'numerator', den: 'denominator' },
  { name: 'evaluated', type: 'BOOLEAN', role: 'flag' },
  { name: 'flagged', type: 'BOOLEAN', role: 'flag' },
  { name: 'threshold', type: 'DOUBLE', role: 'value' },
];

export const SUMMARY_COLUMNS: ColumnDef[] = [
  { name: 'id', type: 'VARCHAR', role: 'key' },
  { name: 'numerator', type: 'BIGINT', role: 'count' },
  { name: 'denominator', type: 'BIGINT', role: 'total' },
  { name: 'value', type: 'DOUBLE', role: 'percent', num: 'numerator', den: 'denominator' },
];

export const TRIGGER_COLUMNS: ColumnDef[] = [
  { name: 'scenario', type: 'INTEGER', role: 'key' },
  { name: 'district', type: 'VARCHAR', role: 'key' },
  { name: 'trigger', type: 'VARCHAR', role: 'key' },
  { name: 'value', type: 'DOUBLE', role: 'value' },
  { name: 'threshold', type: 'DOUBLE', role: 'value' },
  { name: 'numerator', type: 'BIGINT', role: 'count' },
  { name: 'denominator', type: 'BIGINT', role: 'total' },
  { name: 'explanation', type: 'VARCHAR', role: 'text' },
];

/**
 * The APR's a / b / percent tables (8a, 11a, 12a, 15a): one row per item, a count on count rows and
 * numerator, denominator and percent on the percent rows.
 */
export const ITEM_TABLE_COLUMNS: ColumnDef[] = [
  { name: 'item', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  { name: 'count', type: 'BIGINT', role: 'count' },
  { name: 'numerator', type: 'BIGINT', role: 'count' },
  { name: 'denominator', type: 'BIGINT', role: 'total' },
  { name: 'percent', type: 'DOUBLE', role: 'percent', num: 'numerator', den: 'denominator' },
];

/** tables/trend-<id>.csv: one row per data year and measure. */
export const TREND_COLUMNS: ColumnDef[] = [
  { name: 'year', type: 'VARCHAR', role: 'key' },
  { name: 'id', type: 'VARCHAR', role: 'key' },
  { name: 'numerator', type: 'BIGINT', role: 'count' },
  { name: 'denominator', type: 'BIGINT', role: 'total' },
  { name: 'value', type: 'DOUBLE', role: 'percent', num: 'numerator', den: 'denominator' },
];

export const WARNING_COLUMNS: ColumnDef[] = [
  { name: 'code', type: 'VARCHAR', role: 'key' },
  { name: 'message', type: 'VARCHAR', role: 'text' },
];

export const NOTE_COLUMNS: ColumnDef[] = [
  { name: 'key', type: 'VARCHAR', role: 'key' },
  { name: 'value', type: 'VARCHAR', role: 'text' },
];

export const RESTRICTED_COLUMNS: ColumnDef[] = [
  { name: 'district', type: 'VARCHAR', role: 'key' },
  { name: 'student_id', type: 'VARCHAR', role: 'key' },
];

/** Every column of an output in order (fixed ones of its kind, then its own). */
export function outputColumns(out: OutputDef): ColumnDef[] {
  const own = out.columns ?? [];
  const fixed = (cols: ColumnDef[]): ColumnDef[] =>
    cols.map((c) => {
      const role = out.fixedRoles?.[c.name];
      if (!role) return c;
      const from = out.fixedFrom?.[c.name];
      return { name: c.name, type: c.type, role, ...(from ? { from } : {}) };
    });
  switch (out.kind) {
    case 'summary':
      return [...fixed(SUMMARY_COLUMNS), ...own];
    case 'districts':
      return [...fixed(DISTRICT_COLUMNS), ...own];
    case 'triggers':
      return fixed(TRIGGER_COLUMNS);
    case 'restricted':
      return [...fixed(RESTRICTED_COLUMNS), ...own];
    case 'warnings':
      return WARNING_COLUMNS;
    case 'notes':
      return NOTE_COLUMNS;
    case 'table':
      return own;
  }
}

export function needFiles(need: InputNeed): FileNeed[] {
  return 'anyOf' in need ? need.anyOf : [need];
}
