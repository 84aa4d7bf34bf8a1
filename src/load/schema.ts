// The declared shape of every input file (DATA-CONTRACT.md sections 3 and 4).
// Field specs are data: the loader turns them into typed SQL and into the generic
// format/required/code-list checks; cross-field CASEMIS rules live in sql/rules/<kind>.sql.

export type FieldType = 'text' | 'code' | 'date' | 'integer' | 'decimal' | 'yesno';

/**
 * R = always required; S = required when the record is served (PLAN_TYPE 10/20/30);
 * C = conditionally required (column must exist; the condition is a rule in sql/rules);
 * O = optional (the column may be absent).
 */
export type Req = 'R' | 'S' | 'C' | 'O';

export interface FieldSpec {
  /** Canonical column name (CASEMIS upper case; other inputs as the contract spells them). */
  name: string;
  type: FieldType;
  req: Req;
  /** Personally identifying: value is `[redacted]` in every output. */
  pii?: boolean;
  /** Name of a code list in src/load/codes.ts; a value outside it fails `code`. */
  codes?: string;
  /** Regular expression (DuckDB regexp_full_match) the trimmed text must match. */
  pattern?: string;
  /** Inclusive numeric range for integer/decimal fields. */
  min?: number;
  max?: number;
  /** Verification code for a bad value (unparseable, not in list, pattern or range). */
  code?: string;
  /** Verification code for a blank required value (default: `code`, else E-REQ). */
  reqCode?: string;
  /** What a blank value means (cbeds grade_span: K12): the duplicate-key check compares it so. */
  blankIs?: string;
  /** A bad value is a warning and reads as blank (an optional field only one profile reads: HISPANIC). */
  warnOnly?: boolean;
  /** Accepted alternative header names (DATA-CONTRACT.md 3.6). */
  aliases?: string[];
}

export interface FileKind {
  /** Staging table name and rules file stem, e.g. `table_a`, `districts`. */
  id: string;
  /** Path relative to the data folder; `{period}` stands for a CASEMIS `YYYY-MM` folder. */
  path: string;
  /** CASEMIS submission table (reject rate counts toward exit 4). */
  casemis: boolean;
  /** Only present in June folders (Tables C and D). */
  juneOnly?: boolean;
  /** A header-only file stops the run (Table A). */
  requireRows?: boolean;
  fields: FieldSpec[];
  /** Code for REPT_DATE not matching the folder (E108, E208, E-PERIOD). */
  periodCode?: string;
  /** Columns forming the unique key of a non-CASEMIS file (duplicate = E-DUP on the later row). */
  key?: string[];
  /** Verified and counted but read by no indicator: its rows are freed once the load is counted. */
  verifyOnly?: boolean;
}
