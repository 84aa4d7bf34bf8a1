// Load and verification of every input file (ARCHITECTURE.md, stages 1-2), built for speed:
// - each CSV's bytes are read once in JS for what DuckDB cannot tell (sha256, UTF-8, BOM/CRLF, the
//   file's shape), with native searches only; DuckDB then reads the file once, straight into the
//   typed store, evaluating every row rule in the same pass (each row carries its hits as bits);
// - identifying fields never reach the store: names feed the rules and the keyed hash (_name_key)
//   in that pass and are gone (src/load/pseudonymise.ts says what is kept);
// - rows are never deleted: `_ok` says whether a row is clean, so a --db file keeps each file's
//   verified rows keyed by its sha256, and a re-run reads only the files that changed, then re-runs
//   the set rules (duplicates, unduplication, cross-table references) over the union.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BIGINT, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { type Db, type Params, type ParamTypes, quoteIdent } from '../db.js';
import { paramNames } from '../sqlfile.js';
import { InputError } from '../errors.js';
import { type CsvFile, type Decoding, inspectCsv, NotUtf8Error, shorten } from './csvfile.js';
import { discover, type InputFile, type LoadWarning } from './discover.js';
import { captureIds, createRejectIds, idsFromLine } from './ids.js';
import { keptPii, loadKeys, NAME_KEYED, type LoadKeys } from './pseudonymise.js';
import { genericRules, loadRuleFile, type Rule } from './rules.js';
import { fieldUse } from './usage.js';
import type { FieldSpec, FileKind } from './schema.js';
import { markSetErrors, runFinalRules, runSetRules, setRulesDigest, type SetRuleParams } from './sets.js';

export { discover, listPeriods, type InputFile, type LoadWarning } from './discover.js';

export interface FileStats {
  file: string;
  kind: string;
  period: string | null;
  bytes: number;
  sha256: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  warnings: number;
  unknown_columns: string[];
  /** Table A: served records loaded; December: records left out by unduplication. */
  served?: number;
  undup_excluded?: number;
  /** Tables B/C: rows rejected only because their Table A record was (E201/E300). */
  rejected_for_table_a?: number;
}

export interface LoadResult {
  files: FileStats[];
  ignored: string[];
  /** Near-miss file names, files converted from another encoding: run.json `warnings` and stderr. */
  warnings: LoadWarning[];
  /** Kinds (and kind@period for CASEMIS) that were loaded. */
  present: Set<string>;
  /** Taken from a --db file whose inputs were unchanged. */
  reused?: boolean;
  /** Files read and verified by this load (the others were unchanged in the --db file). */
  filesRead?: number;
}

export interface LoadOptions {
  dataDir: string;
  kinds: FileKind[];
  periods: string[];
  codeLists: Record<string, readonly string[]>;
  undupRule: 'keep_one' | 'drop_all';
  /** June submission folder of the reporting year, e.g. 2009-06 (Part C linkage check). */
  junPeriod: string;
  /** --encoding: how a file that is not UTF-8 is read (default: it stops the run). */
  encoding?: 'utf-8' | Decoding;
  /** Keep the verified rows of unchanged files from an earlier load in this database (--db). */
  reuse?: boolean;
  /** Only the files this accepts are read (`--only`: what the indicators asked for need); default all. */
  need?: (input: InputFile) => boolean;
  /** Told before each file is read and before each kind's rules run (a terminal progress bar). */
  onProgress?: (event: LoadProgress) => void;
}

export interface LoadProgress {
  stage: 'load';
  /** The file about to be read, or the kind whose rules are about to run. */
  file?: string;
  verifying?: string;
  filesDone: number;
  files: number;
  rowsDone: number;
  bytesDone: number;
  bytesTotal: number;
}

// ---------------------------------------------------------------------------------------------
// The typed store of a kind

const isText = (f: FieldSpec): boolean => f.type === 'text' || f.type === 'code';

function typedExpr(f: FieldSpec): string {
  const raw = quoteIdent(`${f.name}__raw`);
  switch (f.type) {
    case 'date':
      // YYYY-MM-DD (nearly every value) is cast directly; the other forms go through the macro
      return `CASE WHEN length(${raw}) = 10 AND ${raw}[5] = '-' AND ${raw}[8] = '-' AND ${raw}[1] BETWEEN '0' AND '9'
                   THEN try_cast(${raw} AS DATE) ELSE parse_date(${raw}) END`;
    case 'integer':
      return `parse_int(${raw})`;
    case 'decimal':
      return `parse_decimal(${raw})`;
    case 'yesno':
      return `parse_yesno(${raw})`;
    default:
      return raw;
  }
}

/**
 * Trimmed NFC text, blank = NULL. Most values are ASCII with no space at an end: they are passed on
 * as they are (no copy); trim and NFC run only for the others (strlen counts bytes, length characters).
 * In a file with no space next to a comma, quote or line end (`edgeSpaces`, found while its bytes
 * were read) no value needs trimming, and the test for it (most of this expression's cost) is left out.
 */
const cleanExpr = (c: string, edgeSpaces: boolean): string =>
  edgeSpaces
    ? `CASE WHEN starts_with(${c}, ' ') OR ends_with(${c}, ' ') THEN NULLIF(trim(nfc_normalize(${c})), '')
            WHEN strlen(${c}) <> length(${c}) THEN nfc_normalize(${c}) ELSE ${c} END`
    : `CASE WHEN strlen(${c}) <> length(${c}) THEN nfc_normalize(${c}) ELSE ${c} END`;

interface Layout {
  kind: FileKind;
  rules: Rule[];
  /** Non-identifying fields a rule names: their text as written, kept for the rows a rule hits (`_hitv`). */
  hitFields: FieldSpec[];
  /** UBIGINT columns holding the rule bits (`_rh0`, `_rh1` …). */
  words: number;
  /** Fields stored typed (PII ones only when an indicator reads them, and never as text). */
  stored: FieldSpec[];
  /** Fields whose text as written is stored beside the typed value (`F__raw`, non-text, non-PII). */
  rawKept: FieldSpec[];
}

const ENGINE_NUL: Rule = { code: 'E-CSV', severity: 'error', field: '', message: 'the record contains a NUL byte', predicate: '_nul', source: 'engine' };

function layoutOf(kind: FileKind, codeLists: Record<string, readonly string[]>): Layout {
  const rules = [ENGINE_NUL, ...genericRules(kind, codeLists), ...loadRuleFile(kind)];
  const kept = keptPii(kind);
  // A CASEMIS table keeps only the fields read after the load (usage.ts); the small files keep all.
  const read = (f: FieldSpec, how: 'typed' | 'raw' | 'any'): boolean => {
    if (!kind.casemis) return true;
    const u = fieldUse(f.name);
    return how === 'any' ? u.typed || u.raw : u[how];
  };
  const stored = kind.fields.filter((f) => (!f.pii || kept.has(f.name)) && read(f, isText(f) ? 'any' : 'typed'));
  const rawKept = kind.fields.filter((f) => !f.pii && !isText(f) && read(f, 'raw'));
  const named = new Set(rules.map((r) => r.field));
  const hitFields = kind.fields.filter((f) => !f.pii && named.has(f.name));
  return { kind, rules, hitFields, words: Math.max(1, Math.ceil(rules.length / 64)), stored, rawKept };
}

/** SQL: no error rule's bit is set in the row (its `_ok` before the set rules). */
function noErrors(l: Layout): string {
  return Array.from({ length: l.words }, (_, w) => {
    let mask = 0n;
    l.rules.forEach((r, i) => {
      if (r.severity === 'error' && Math.floor(i / 64) === w) mask |= 1n << BigInt(i % 64);
    });
    return `(_rh${w} & ${mask.toString()}::UBIGINT) = 0`;
  }).join(' AND ');
}

const word = (i: number): string => `_rh${Math.floor(i / 64)}`;
const bit = (i: number): string => `${(1n << BigInt(i % 64)).toString()}::UBIGINT`;

/**
 * The one statement that reads a group of files into the store: text cleaned, fields typed, every
 * row rule evaluated (bits), identity hashed. `source` yields `_fidx` (the file's index in `$files`),
 * `_line` (NULL when it is set afterwards from the row order) and c0 … cN.
 */
function fusedSelect(l: Layout, source: string, mapped: Map<string, number>, hasNul: boolean, edgeSpaces: boolean, ncols: number): string {
  const { kind } = l;
  const rawCols = kind.fields.map((f) => {
    const i = mapped.get(f.name);
    return `${i === undefined ? 'NULL::VARCHAR' : cleanExpr(`c${i}`, edgeSpaces)} AS ${quoteIdent(`${f.name}__raw`)}`;
  });
  const nul = hasNul && ncols ? `strpos(concat(${Array.from({ length: ncols }, (_, i) => `c${i}`).join(', ')}), chr(0)) > 0` : 'false';
  const withPeriod = kind.path.includes('{period}');
  const periods = withPeriod
    ? `SELECT *, CASE WHEN _is_june THEN _y - 1 ELSE _y END AS _sy FROM (SELECT *, left(_period, 4)::INTEGER AS _y, right(_period, 2) = '06' AS _is_june
       FROM (SELECT *, ($periods)[_fidx + 1] AS _period FROM (${source})))`
    : source;
  const l1 = `SELECT ($files)[_fidx + 1] AS _file, _line::INTEGER AS _line, ${periodContext(withPeriod)}, ${nul} AS _nul, ${rawCols.join(', ')} FROM (${periods})`;
  const typed = kind.fields.map((f) => `${isText(f) ? quoteIdent(`${f.name}__raw`) : typedExpr(f)} AS ${quoteIdent(f.name)}`);
  const typedRow = `SELECT *, ${typed.join(', ')} FROM (${l1})`;
  // Table A's derived fields, from the typed values (parsed once)
  const l2 =
    kind.id === 'table_a'
      ? `SELECT *, "PLAN_TYPE__raw" IN ('10', '20', '30') AS served, age_on("BIRTHDATE", coalesce("REPT_DATE", _rept_expected))::INTEGER AS age_rept FROM (${typedRow})`
      : typedRow;
  const words = Array.from({ length: l.words }, (_, w) => {
    const terms = l.rules.map((r, i) => ({ r, i })).filter(({ i }) => Math.floor(i / 64) === w);
    return `(${terms.map(({ r, i }) => `CASE WHEN (${r.predicate}) THEN ${bit(i)} ELSE 0::UBIGINT END`).join('\n | ')}) AS ${word(w * 64)}`;
  });
  const keys: string[] = [];
  if (NAME_KEYED.has(kind.id)) {
    keys.push(`keyed_sha256($name_key, name_key("LAST_NAME__raw", "FIRST_NAME__raw", "BIRTHDATE", "GENDER__raw")) AS _name_key`);
  }
  // E107 compares SSNs within a file: a hash under a key drawn for this load and never stored.
  if (kind.id === 'table_a') keys.push(`keyed_sha256($ssn_key, "SSN__raw") AS _ssn_key`);
  const l3 = `SELECT *, ${[...words, ...keys].join(',\n')} FROM (${l2})`;
  const out = [
    '_file',
    '_line',
    '_period',
    '_is_june',
    '_rept_expected',
    '_sy_start',
    '_sy_end',
    '_dec_ref',
    `(${noErrors(l)}) AS _ok`,
    ...Array.from({ length: l.words }, (_, w) => `_rh${w}`),
    ...l.stored.map((f) => quoteIdent(f.name)),
    ...l.rawKept.map((f) => quoteIdent(`${f.name}__raw`)),
    ...(kind.id === 'table_a' ? ['served', 'age_rept', '_ssn_key'] : []),
    ...(NAME_KEYED.has(kind.id) ? ['_name_key'] : []),
    // the text of the fields the rules name, for the few rows a rule hits (the rejects' values)
    `CASE WHEN ${Array.from({ length: l.words }, (_, w) => `_rh${w} <> 0`).join(' OR ')} THEN [${l.hitFields.map((f) => quoteIdent(`${f.name}__raw`)).join(', ')}]::VARCHAR[] END AS _hitv`,
  ];
  return `SELECT ${out.join(', ')} FROM (${l3})`;
}

/**
 * The submission context of a row, from its file's period (`$periods`, by file index): one statement
 * reads the files of several submissions. NULL for files outside casemis/.
 */
function periodContext(withPeriod: boolean): string {
  if (!withPeriod) {
    return `NULL::VARCHAR AS _period, false AS _is_june, NULL::DATE AS _rept_expected, NULL::DATE AS _sy_start, NULL::DATE AS _sy_end, NULL::DATE AS _dec_ref`;
  }
  return `_period, _is_june, CASE WHEN _is_june THEN make_date(_y, 6, 30) ELSE make_date(_y, 12, 1) END AS _rept_expected,
          make_date(_sy, 7, 1) AS _sy_start, make_date(_sy + 1, 6, 30) AS _sy_end, make_date(_sy, 12, 1) AS _dec_ref`;
}

const emptySource = (n: number): string =>
  `SELECT 0 AS _fidx, NULL::INTEGER AS _line${Array.from({ length: n }, (_, i) => `, NULL::VARCHAR AS c${i}`).join('')} WHERE false`;

/** data_<kind> and its views: typed_<kind> (every row) and clean_<kind> (rows no error rejected). */
async function createStore(db: Db, l: Layout, keys: LoadKeys): Promise<void> {
  const n = l.kind.fields.length;
  const mapped = new Map(l.kind.fields.map((f, i) => [f.name, i]));
  await runWith(
    db,
    `CREATE TABLE IF NOT EXISTS ${quoteIdent(`data_${l.kind.id}`)} AS ${fusedSelect(l, emptySource(n), mapped, false, true, n)}`,
    { ...keys.params, files: listValue([]), periods: listValue([]) },
    { ...keys.types, files: LIST(VARCHAR), periods: LIST(VARCHAR) },
  );
  await storeViews(db, l);
}

/**
 * typed_<kind> and clean_<kind>. With `where`, TEMP views of the same names narrow both for this
 * connection (a re-run's set rules over the changed submissions); the stored ones stay untouched.
 */
async function storeViews(db: Db, l: Layout, where?: string): Promise<void> {
  // A text field is stored once: F__raw names the same column, so a rule reads F and F__raw alike.
  const aliases = l.stored.filter(isText).map((f) => `${quoteIdent(f.name)} AS ${quoteIdent(`${f.name}__raw`)}`);
  const body = `SELECT *${aliases.length ? `, ${aliases.join(', ')}` : ''} FROM ${quoteIdent(`data_${l.kind.id}`)}`;
  const verb = where ? 'CREATE OR REPLACE TEMP VIEW' : 'CREATE OR REPLACE VIEW';
  await db.run(`${verb} ${quoteIdent(`typed_${l.kind.id}`)} AS ${body}${where ? ` WHERE ${where}` : ''}`);
  await db.run(`${verb} ${quoteIdent(`clean_${l.kind.id}`)} AS ${body} WHERE _ok${where ? ` AND ${where}` : ''}`);
}

async function dropNarrowViews(db: Db, l: Layout): Promise<void> {
  for (const v of [`typed_${l.kind.id}`, `clean_${l.kind.id}`]) await db.run(`DROP VIEW IF EXISTS temp.${quoteIdent(v)}`);
}

/** Runs a statement with the values of `params` it uses (DuckDB refuses a value it has no place for). */
async function runWith(db: Db, sql: string, params: Params, types: ParamTypes): Promise<void> {
  const used = paramNames(sql);
  const pick = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(o).filter(([k]) => used.has(k)));
  await db.run(sql, pick(params), pick(types));
}

// ---------------------------------------------------------------------------------------------
// Reading files

interface Prepared {
  input: InputFile;
  /** The file's status before it was read (statKey). */
  stat: string;
  csv: CsvFile;
  mapped: Map<string, number>;
  unknown: string[];
  warning?: LoadWarning;
}

function canonical(kind: FileKind): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of kind.fields) {
    m.set(f.name.toUpperCase(), f.name);
    for (const a of f.aliases ?? []) m.set(a.toUpperCase(), f.name);
  }
  return m;
}

/**
 * Size, modification and change times (ns) and inode: a file whose status is unchanged since it was
 * read is not hashed again (git's test). Writing a file always sets its change time, which no tool
 * can set back, so a rewrite that restores the modification time is still seen.
 */
function statKey(path: string): string {
  const s = statSync(path, { bigint: true, throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}` : '';
}

function prepare(opts: LoadOptions, input: InputFile): Prepared {
  const abs = join(opts.dataDir, input.relPath);
  // taken before reading: a file changed while it is read shows a new status next time
  const stat = statKey(abs);
  let csv: CsvFile;
  let warning: LoadWarning | undefined;
  try {
    csv = inspectCsv(abs, input.relPath, undefined, undefined, 'auto');
  } catch (e) {
    // --encoding: a file that is not UTF-8 is converted once; UTF-8 files of the folder stay as they are.
    if (!(e instanceof NotUtf8Error) || !opts.encoding || opts.encoding === 'utf-8') throw e;
    csv = inspectCsv(abs, input.relPath, undefined, opts.encoding, 'auto');
    warning = { code: 'W-ENCODING', message: `${input.relPath} is not UTF-8: read as Windows-1252/Latin-1 text (--encoding) and converted to UTF-8` };
  }
  try {
    const { kind, relPath } = input;
    const names = canonical(kind);
    const mapped = new Map<string, number>();
    const unknown: string[] = [];
    csv.header.forEach((h, i) => {
      const name = names.get(h.toUpperCase());
      if (!name) {
        unknown.push(shorten(h));
        return;
      }
      if (mapped.has(name)) throw new InputError(`column ${name} appears twice in the header`, relPath);
      mapped.set(name, i);
    });
    if (kind.fields.length > 1 && csv.header.length === 1) throw new InputError('not a CSV file (the header has no comma)', relPath);
    const missing = kind.fields.filter((f) => f.req !== 'O' && !mapped.has(f.name)).map((f) => f.name);
    if (missing.length) throw new InputError(`missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, relPath);
    return { input, stat, csv, mapped, unknown, ...(warning ? { warning } : {}) };
  } catch (e) {
    dispose(csv);
    throw e;
  }
}

/** The LF-only copy of a BOM or CRLF file is not needed once DuckDB has read it. */
function dispose(csv: CsvFile): void {
  if (csv.loadPath !== csv.absPath) rmSync(csv.loadPath, { force: true });
}

let seq = 0;

interface CsvReject {
  file: string;
  line: number;
  column_name: string | null;
  error_type: string;
  error_message: string;
  text: string | null;
}

const readCsv = (header: string[], n: number, paths: string): string =>
  `read_csv(${paths}, auto_detect=false, header=true, delim=',', quote='"', escape='"', new_line='\\n',
     columns={${header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}, store_rejects=true,
     rejects_table='rej_${n}', rejects_scan='scan_${n}', rejects_limit=0, buffer_size=33554432)`;

/**
 * Reads files of one kind, period and header into the store in one statement. Regular files are read
 * in parallel and their lines follow from the row order; an irregular file (quoted newlines, blank
 * lines) goes alone, through a raw table joined to its scanned record starts.
 */
async function loadGroup(db: Db, l: Layout, group: Prepared[], keys: LoadKeys): Promise<Map<string, number>> {
  const n = ++seq;
  const first = group[0]!;
  const { header } = first.csv;
  const kind = l.kind;
  const table = quoteIdent(`data_${kind.id}`);
  const files = group.map((p) => p.input.relPath);
  const byLoadPath = new Map(group.map((p) => [p.csv.loadPath, p]));
  const regular = first.csv.regular;
  const temps: string[] = [];
  let source: string;
  const params = {
    ...keys.params,
    files: listValue(files),
    paths: listValue(group.map((p) => p.csv.loadPath)),
    periods: listValue(group.map((p) => p.input.period)),
  };
  const types = { ...keys.types, files: LIST(VARCHAR), paths: LIST(VARCHAR), periods: LIST(VARCHAR) };
  if (regular) {
    source = `SELECT file_index::INTEGER AS _fidx, NULL::INTEGER AS _line, * EXCLUDE (file_index) FROM (SELECT file_index, * FROM ${readCsv(header, n, '$paths')})`;
  } else {
    await db.run(`CREATE OR REPLACE TEMP TABLE raw_${n} AS SELECT * FROM ${readCsv(header, n, '$path')}`, { path: first.csv.loadPath });
    temps.push(`raw_${n}`);
    source = '';
  }
  const insert = async (): Promise<void> => {
    const sql = fusedSelect(l, source, first.mapped, group.some((p) => p.csv.hasNul), group.some((p) => p.csv.edgeSpaces), header.length);
    // DuckDB turns each long IN list into a join: with a code list per field that is some twenty
    // joins a statement, seconds of set-up for a small file. Compared in place, they cost nothing.
    await db.run(`SET disabled_optimizers = 'in_clause'`);
    try {
      await runWith(db, `INSERT INTO ${table} ${sql}`, params, types);
    } catch (e) {
      throw new Error(`reading ${kind.id} failed (check its rules in sql/rules/${kind.id}.sql): ${(e as Error).message}`, { cause: e });
    } finally {
      await db.run(`RESET disabled_optimizers`);
    }
  };
  let rejects: CsvReject[];
  {
    if (regular) {
      await insert();
      rejects = await csvRejects(db, n, byLoadPath);
      await setLines(db, l, files, rejects);
    } else {
      rejects = await csvRejects(db, n, byLoadPath);
      // DuckDB numbers a reject by unquoted newlines: find that record (sorted) and take its physical line.
      const { recordStarts: starts, recordDuckLines: duck } = first.csv;
      const physical = (duckLine: number): number | undefined => {
        let lo = 0;
        let hi = duck.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (duck[mid]! === duckLine) return starts[mid];
          if (duck[mid]! < duckLine) lo = mid + 1;
          else hi = mid - 1;
        }
        return undefined;
      };
      const kept = rejects.flatMap((r) => {
        const line = physical(r.line);
        return line === undefined ? [] : [{ ...r, line }];
      });
      rejects = kept;
      const rejected = new Set(rejects.map((r) => r.line));
      const loadedLines = starts.filter((s) => !rejected.has(s));
      const rawCount = await db.scalar(`SELECT count(*)::INTEGER FROM raw_${n}`);
      if (rawCount !== loadedLines.length) throw new Error(`${first.input.relPath}: ${rawCount} records parsed but ${loadedLines.length} record starts found`);
      // raw rowid i (insertion order kept while reading) is the i-th loaded record of the file.
      await db.run(`CREATE OR REPLACE TEMP TABLE lines_${n} (idx BIGINT, line INTEGER)`);
      temps.push(`lines_${n}`);
      const app = await db.con.createAppender(`lines_${n}`);
      loadedLines.forEach((line, i) => {
        app.appendBigInt(BigInt(i));
        app.appendInteger(line);
        app.endRow();
      });
      app.closeSync();
      source = `SELECT 0 AS _fidx, l.line AS _line, r.* FROM raw_${n} r JOIN lines_${n} l ON l.idx = r.rowid`;
      await insert();
    }
    for (const t of temps) await db.run(`DROP TABLE ${t}`);
    await db.run(`DROP TABLE IF EXISTS rej_${n}`);
    await db.run(`DROP TABLE IF EXISTS scan_${n}`);
    await recordCsvRejects(db, kind, group, rejects);
    await rowRuleRejects(db, l, files);
  }
  const loaded = await db.all<{ file: string; n: number }>(
    `SELECT _file AS file, count(*)::INTEGER AS n FROM ${table} WHERE _file IN (SELECT unnest($files)) GROUP BY ALL`,
    { files: listValue(files) },
    { files: LIST(VARCHAR) },
  );
  const read = new Map(files.map((f) => [f, 0]));
  for (const r of loaded) read.set(r.file, r.n);
  for (const r of rejects) read.set(r.file, (read.get(r.file) ?? 0) + 1);
  return read;
}

async function csvRejects(db: Db, n: number, byLoadPath: Map<string, Prepared>): Promise<CsvReject[]> {
  // A record is rejected once, whatever number of errors DuckDB lists for it. Its text is read only
  // to route the reject to its SELPA (ids.ts); its start is enough.
  const rows = await db.all<{ path: string; line: number; column_name: string | null; error_type: string; error_message: string; text: string | null }>(
    `SELECT s.file_path AS path, r.line::INTEGER AS line, any_value(r.column_name ORDER BY r.column_idx) AS column_name,
            any_value(r.error_type ORDER BY r.column_idx) AS error_type, any_value(r.error_message ORDER BY r.column_idx) AS error_message,
            left(any_value(r.csv_line), 65536) AS text
     FROM rej_${n} r JOIN scan_${n} s USING (scan_id, file_id) GROUP BY ALL ORDER BY path, line`,
  );
  return rows.map((r) => {
    const p = byLoadPath.get(r.path);
    if (!p) throw new Error(`DuckDB rejected a line of ${r.path}, a file this load did not read`);
    return { file: p.input.relPath, line: r.line, column_name: r.column_name, error_type: r.error_type, error_message: r.error_message, text: r.text };
  });
}

/**
 * Sets `_line` of the rows just read from regular files: the k-th loaded row of a file (rowid order,
 * which is file order) is on line k + 2, plus one for each malformed record DuckDB took out before it.
 */
async function setLines(db: Db, l: Layout, files: string[], rejects: CsvReject[]): Promise<void> {
  const table = quoteIdent(`data_${l.kind.id}`);
  const spans = await db.all<{ file: string; lo: number; hi: number; n: number }>(
    `SELECT _file AS file, min(rowid)::BIGINT AS lo, max(rowid)::BIGINT AS hi, count(*)::BIGINT AS n FROM ${table} WHERE _file IN (SELECT unnest($files)) GROUP BY ALL`,
    { files: listValue(files) },
    { files: LIST(VARCHAR) },
  );
  // The rows of each file must be one run of rowids, in the order the files were listed.
  const order = new Map(files.map((f, i) => [f, i]));
  spans.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
  spans.forEach((s, i) => {
    const prev = spans[i - 1];
    if (Number(s.hi) - Number(s.lo) + 1 !== Number(s.n) || (prev && Number(prev.hi) >= Number(s.lo))) {
      throw new Error(`${s.file}: rows were not stored in file order; line numbers cannot be given`);
    }
  });
  // Malformed record j (1-based, by line r_j) shifts every loaded row from ordinal r_j - 1 - j on.
  const shifts = new Map<string, number[]>();
  for (const r of rejects) {
    const list = shifts.get(r.file) ?? [];
    list.push(r.line - 1 - (list.length + 1));
    shifts.set(r.file, list);
  }
  // Files without malformed records (nearly all): one statement, each row's file start found by a join.
  const plain = spans.filter((sp) => !shifts.has(sp.file));
  if (plain.length) {
    await db.run(`CREATE OR REPLACE TEMP TABLE line_spans (file VARCHAR, lo BIGINT)`);
    await db.appendRows('line_spans', plain.map((sp) => [sp.file, BigInt(sp.lo)]));
    await db.run(
      `UPDATE ${table} d SET _line = (d.rowid - s.lo + 2)::INTEGER FROM line_spans s WHERE d._file = s.file`,
    );
    await db.run(`DROP TABLE line_spans`);
  }
  // The others one rowid range at a time, shifted past each malformed record.
  for (const span of spans.filter((sp) => shifts.has(sp.file))) {
    const ts = shifts.get(span.file)!;
    const k = '(rowid - $lo)';
    const shift = ts.length <= 64 ? ts.map((t) => ` + (${k} >= ${t})::INTEGER`).join('') : ` + (SELECT count(*) FROM unnest($ts) x(t) WHERE t <= ${k})::INTEGER`;
    await db.run(
      `UPDATE ${table} SET _line = (${k} + 2${shift})::INTEGER WHERE rowid BETWEEN $lo AND $hi`,
      { lo: BigInt(span.lo), hi: BigInt(span.hi), ...(ts.length > 64 ? { ts: listValue(ts.map((t) => BigInt(t))) } : {}) },
      ts.length > 64 ? { ts: LIST(BIGINT) } : undefined,
    );
  }
}

async function recordCsvRejects(db: Db, kind: FileKind, group: Prepared[], rejects: CsvReject[]): Promise<void> {
  const byFile = new Map(group.map((p) => [p.input.relPath, p]));
  await db.appendRows(
    'file_rejects',
    rejects.map((r) => {
      const header = byFile.get(r.file)!.csv.header;
      const idx = r.column_name ? Number(r.column_name.slice(1)) : NaN;
      const field = Number.isInteger(idx) ? (header[idx] ?? '') : '';
      return [r.file, r.line, field, '', 'E-CSV', 'error', `malformed CSV record (${r.error_type.toLowerCase()}): ${r.error_message}`, kind.id];
    }),
  );
  await db.appendRows(
    'file_reject_ids',
    rejects.map((r) => {
      const mapped = byFile.get(r.file)!.mapped;
      return [r.file, r.line, ...idsFromLine(kind, (f) => mapped.get(f), r.text ?? ''), null];
    }),
  );
}

/** Every rule hit of the rows just read becomes a line of `file_rejects` (the value: the field as written). */
async function rowRuleRejects(db: Db, l: Layout, files: string[]): Promise<void> {
  const { kind, rules } = l;
  const pii = new Set(kind.fields.filter((f) => f.pii).map((f) => f.name));
  const hitIndex = new Map(l.hitFields.map((f, i) => [f.name, i + 1]));
  await db.run(`CREATE OR REPLACE TEMP TABLE rule_meta (rule_no INTEGER, w INTEGER, mask UBIGINT, code VARCHAR, severity VARCHAR, field VARCHAR,
                  message VARCHAR, redacted BOOLEAN, hit_idx INTEGER)`);
  await db.appendRows(
    'rule_meta',
    rules.map((r, i) => [i, Math.floor(i / 64), 1n << BigInt(i % 64), r.code, r.severity, r.field, r.message, pii.has(r.field), hitIndex.get(r.field) ?? null]),
  );
  const any = Array.from({ length: l.words }, (_, w) => `_rh${w} <> 0`).join(' OR ');
  const wordOf = `CASE m.w ${Array.from({ length: l.words }, (_, w) => `WHEN ${w} THEN h._rh${w}`).join(' ')} END`;
  // The few rows with a hit, joined to the rules whose bit they carry.
  await db.run(
    `INSERT INTO file_rejects
     SELECT h._file, h._line, m.field, CASE WHEN m.redacted THEN '[redacted]' ELSE coalesce(h._hitv[m.hit_idx], '') END,
            m.code, m.severity, m.message, $kind
     FROM (SELECT _file, _line, _hitv, ${Array.from({ length: l.words }, (_, w) => `_rh${w}`).join(', ')}
           FROM ${quoteIdent(`data_${kind.id}`)} WHERE _file IN (SELECT unnest($files)) AND (${any})) h
     JOIN rule_meta m ON (${wordOf} & m.mask) <> 0`,
    { kind: kind.id, files: listValue(files) },
    { files: LIST(VARCHAR) },
  );
}

// ---------------------------------------------------------------------------------------------
// The load

/** Per-file state of the store: what was read, from which bytes, with what result. */
async function createFileTables(db: Db, fresh: boolean): Promise<void> {
  const verb = fresh ? 'CREATE OR REPLACE TABLE' : 'CREATE TABLE IF NOT EXISTS';
  await db.run(`${verb} load_files (file VARCHAR, kind VARCHAR, period VARCHAR, bytes BIGINT, sha256 VARCHAR, rows_read INTEGER,
                  unknown_columns VARCHAR[], warning VARCHAR, stat VARCHAR)`);
  await db.run(`${verb} file_rejects (file VARCHAR, line INTEGER, field VARCHAR, value VARCHAR, code VARCHAR,
                  severity VARCHAR, message VARCHAR, kind VARCHAR)`);
  await db.run(`${verb} file_reject_ids (file VARCHAR, line INTEGER, selpa VARCHAR, district VARCHAR, student_id VARCHAR)`);
  await db.run(`${verb} load_state (key VARCHAR, value VARCHAR)`);
}

/** sha256 of a file, read in chunks (the check of a --db re-run: a file whose digest is unchanged is not read again). */
function sha256Of(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(4 << 20);
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) h.update(buf.subarray(0, n));
    return h.digest('hex');
  } finally {
    closeSync(fd);
  }
}

/** What a stored load depends on besides the files: rules, schemas, code lists, encoding. */
function engineKey(opts: LoadOptions, layouts: Layout[]): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        v: 6,
        kinds: opts.kinds,
        rules: layouts.map((l) => l.rules),
        stored: layouts.map((l) => [l.stored.map((f) => f.name), l.rawKept.map((f) => f.name)]),
        codes: opts.codeLists,
        encoding: opts.encoding ?? 'utf-8',
      }),
    )
    .digest('hex');
}

/** Load and verify every input file present: data_<kind> tables (clean_<kind> views) and `rejects`. */
export async function loadAll(db: Db, opts: LoadOptions): Promise<LoadResult> {
  const { inputs, ignored, warnings } = discover(opts.dataDir, opts.kinds, opts.periods);
  if (!inputs.some((i) => i.kind.path === 'reference/districts.csv')) {
    throw new InputError('required file is missing', 'reference/districts.csv');
  }
  const layouts = opts.kinds.map((k) => layoutOf(k, opts.codeLists));
  const key = engineKey(opts, layouts);
  let reuse = opts.reuse === true;
  if (reuse) {
    await createFileTables(db, false);
    const stored = await db.one<{ value: string }>(`SELECT value FROM load_state WHERE key = 'engine'`);
    reuse = stored?.value === key;
  }
  if (!reuse) {
    for (const l of layouts) await db.run(`DROP TABLE IF EXISTS ${quoteIdent(`data_${l.kind.id}`)} CASCADE`);
    await createFileTables(db, true);
    await db.run(`INSERT INTO load_state VALUES ('engine', $key)`, { key });
  }
  const keys = await loadKeys(db);
  for (const l of layouts) await createStore(db, l, keys);
  // Line numbers come from the rowids of rows just read; a checkpoint after deletes may renumber
  // rows, so none runs during the load (a --db file is checkpointed once at its end).
  const threshold = (await db.one<{ v: string }>(`SELECT current_setting('checkpoint_threshold') AS v`))!.v;
  await db.run(`SET checkpoint_threshold = '1TB'`);
  try {
    return await loadFiles(db, opts, layouts, keys, reuse, inputs, ignored, warnings);
  } finally {
    await db.run(`SET checkpoint_threshold = '${threshold.replace(/[^0-9A-Za-z. ]/g, '')}'`);
  }
}

async function loadFiles(
  db: Db,
  opts: LoadOptions,
  layouts: Layout[],
  keys: LoadKeys,
  reuse: boolean,
  inputs: InputFile[],
  ignored: string[],
  warnings: LoadWarning[],
): Promise<LoadResult> {

  // Which files must be read: new or changed ones (by sha256); files gone from the folder are dropped.
  const stored = await db.all<{ file: string; sha256: string; kind: string; period: string | null; stat: string | null }>(
    `SELECT file, sha256, kind, period, stat FROM load_files`,
  );
  const before = new Map(stored.map((r) => [r.file, r.sha256]));
  const statBefore = new Map(stored.map((r) => [r.file, r.stat]));
  const current = new Set(inputs.map((i) => i.relPath));
  const digests = new Map<string, string>();
  if (reuse) {
    for (const i of inputs) {
      if (!before.has(i.relPath)) continue;
      const abs = join(opts.dataDir, i.relPath);
      digests.set(i.relPath, statKey(abs) === statBefore.get(i.relPath) ? before.get(i.relPath)! : sha256Of(abs));
    }
  }
  const stale = [...before.keys()].filter((f) => !current.has(f) || digests.get(f) !== before.get(f));
  const staleSet = new Set(stale);
  const toRead = inputs.filter((i) => (opts.need?.(i) ?? true) && (!before.has(i.relPath) || staleSet.has(i.relPath)));
  // The set rules' verdicts stand only for the store they were made on: the marker goes before the
  // store changes, so a load that stops half-way is followed by a full pass, never a partial one.
  const setsBefore = (await db.one<{ value: string }>(`SELECT value FROM load_state WHERE key = 'sets'`))?.value;
  if (toRead.length || stale.length) await db.run(`DELETE FROM load_state WHERE key = 'sets'`);
  if (stale.length) await forget(db, layouts, stale);
  // Rows of files a stopped load read but never recorded (load_files is written after a group) go too.
  if (reuse) await forgetUnrecorded(db, layouts);
  // A re-run whose changes are all CASEMIS submission files re-runs the set rules of those periods only.
  const periodKind = new Set(layouts.filter((l) => l.kind.path.includes('{period}')).map((l) => l.kind.id));
  const changed = [
    ...toRead.map((i) => ({ kind: i.kind.id, period: i.period })),
    ...stored.filter((r) => staleSet.has(r.file)).map((r) => ({ kind: r.kind, period: r.period })),
  ];
  const scope = reuse && changed.every((c) => periodKind.has(c.kind) && c.period) ? new Set(changed.map((c) => c.period!)) : undefined;

  const sizes = toRead.map((i) => statSync(join(opts.dataDir, i.relPath), { throwIfNoEntry: false })?.size ?? 0);
  const done = { filesDone: 0, files: toRead.length, rowsDone: 0, bytesDone: 0, bytesTotal: sizes.reduce((a, b) => a + b, 0) };
  // Kind by kind in the contract's order, file groups of one period and header together.
  for (const l of layouts) {
    const mine = toRead.filter((i) => i.kind === l.kind);
    if (!mine.length) continue;
    const read = new Map<string, number>();
    const prepared: Prepared[] = [];
    try {
      for (const input of mine) {
        opts.onProgress?.({ stage: 'load', file: input.relPath, ...done });
        const p = prepare(opts, input);
        prepared.push(p);
        done.filesDone++;
        done.bytesDone += sizes[toRead.indexOf(input)] ?? 0;
      }
      const groups = new Map<string, Prepared[]>();
      for (const p of prepared) {
        // One statement (one plan) for every regular file of the kind with this header, whatever its submission.
        const g = p.csv.regular ? `regular\u0000${p.csv.header.join('\u0001')}` : `irregular\u0000${p.input.relPath}`;
        groups.set(g, [...(groups.get(g) ?? []), p]);
      }
      opts.onProgress?.({ stage: 'load', verifying: l.kind.id, ...done });
      for (const group of groups.values()) {
        for (const [f, n] of await loadGroup(db, l, group, keys)) read.set(f, n);
        for (const p of group) {
          const rows = read.get(p.input.relPath) ?? 0;
          if (p.input.kind.requireRows && rows === 0) throw new InputError('the file has a header but no rows', p.input.relPath);
          done.rowsDone += rows;
        }
        // One append a group: a statement a file cost seconds with per-SELPA files.
        await db.appendRows(
          'load_files',
          group.map((p) => [
            p.input.relPath,
            l.kind.id,
            p.input.period,
            BigInt(p.csv.bytes),
            p.csv.sha256,
            read.get(p.input.relPath) ?? 0,
            listValue(p.unknown),
            p.warning ? p.warning.message : null,
            p.stat,
          ]),
        );
      }
    } finally {
      for (const p of prepared) dispose(p.csv);
    }
  }
  await db.run(`DROP TABLE IF EXISTS rule_meta`);
  await verifySets(db, layouts, opts, toRead.length > 0 || stale.length > 0, setsBefore, scope);
  const result = await summarize(db, opts, ignored, warnings);
  if (opts.reuse) await db.run('CHECKPOINT');
  return { ...result, ...(reuse && toRead.length === 0 && stale.length === 0 ? { reused: true } : {}), filesRead: toRead.length };
}

async function forgetUnrecorded(db: Db, layouts: Layout[]): Promise<void> {
  for (const t of [...layouts.map((l) => quoteIdent(`data_${l.kind.id}`)), 'file_rejects', 'file_reject_ids']) {
    const col = t.startsWith('"data_') ? '_file' : 'file';
    await db.run(`DELETE FROM ${t} WHERE ${col} NOT IN (SELECT file FROM load_files)`);
  }
}

/** Drops what the store holds of files that changed or left the folder. */
async function forget(db: Db, layouts: Layout[], files: string[]): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE forget_files AS SELECT unnest($f) AS file`, { f: listValue(files) }, { f: LIST(VARCHAR) });
  for (const l of layouts) await db.run(`DELETE FROM ${quoteIdent(`data_${l.kind.id}`)} WHERE _file IN (SELECT file FROM forget_files)`);
  for (const t of ['file_rejects', 'file_reject_ids', 'load_files']) await db.run(`DELETE FROM ${t} WHERE file IN (SELECT file FROM forget_files)`);
  await db.run(`DROP TABLE forget_files`);
}

/**
 * The set rules over the union of every loaded file, kind by kind (each finds the clean tables it
 * references): `rejects` = the files' own rejects + the set rules' ones; `_ok` follows both.
 */
async function verifySets(
  db: Db,
  layouts: Layout[],
  opts: LoadOptions,
  changed: boolean,
  last: string | undefined,
  scope: Set<string> | undefined,
): Promise<void> {
  const setParams = { undup_rule: opts.undupRule, jun_period: opts.junPeriod };
  // The rules' text is part of the key: verdicts made by other rules are not kept.
  const setKey = JSON.stringify({ ...setParams, rules: setRulesDigest() });
  const done = last === setKey && (await db.scalar(`SELECT count(*) FROM duckdb_tables() WHERE table_name = 'rejects' AND NOT temporary`)) > 0;
  if (!changed && done) return;
  // Rejects carry their file and line (outputs sort them): their order need not be kept, which lets
  // DuckDB spill the set rules' joins instead of running out of memory past California's size.
  await db.run(`SET preserve_insertion_order = false`);
  try {
    if (done && scope) await runSetsIn(db, layouts, setParams, scope);
    else await runSets(db, layouts, setParams);
  } finally {
    await db.run(`SET preserve_insertion_order = true`);
  }
  await db.run(`DELETE FROM load_state WHERE key = 'sets'`);
  await db.run(`INSERT INTO load_state VALUES ('sets', $v)`, { v: setKey });
}

/** One kind's set rules: those judged before its clean view, their errors marked, then the rest. */
async function judgeKind(db: Db, l: Layout, setParams: SetRuleParams): Promise<void> {
  await runSetRules(db, l.kind, 'before_clean', setParams);
  await markSetErrors(db, l.kind);
  await runSetRules(db, l.kind, 'after_clean', setParams);
}

async function runSets(db: Db, layouts: Layout[], setParams: SetRuleParams): Promise<void> {
  await db.run(`DROP TABLE IF EXISTS undup`);
  await db.run(`CREATE OR REPLACE TABLE rejects AS SELECT * FROM file_rejects`);
  await createRejectIds(db);
  await db.run(`INSERT INTO reject_ids SELECT * FROM file_reject_ids`);
  for (const l of layouts) {
    // Rows a set rule rejected last time are judged again from their own rule bits.
    await db.run(`UPDATE ${quoteIdent(`data_${l.kind.id}`)} SET _ok = true WHERE NOT _ok AND ${noErrors(l)}`);
  }
  for (const l of layouts) await judgeKind(db, l, setParams);
  await runFinalRules(db, setParams);
  for (const l of layouts) await captureIds(db, l.kind);
}

/**
 * The set rules of a --db re-run whose changed files all belong to some CASEMIS submissions (`scope`):
 * every set rule of a CASEMIS table reads and judges the rows of one submission (E105, E211, E201 …;
 * the December unduplication), so the verdicts of the other submissions stand. Those rules run over
 * views showing only the changed submissions; the rules of the other files (duplicate keys, the Part C
 * links to June Table A) run over everything, as in a full pass. The result is that of a full pass
 * (test/rerun.test.ts), at the cost of the changed submissions: a third of it for one of three.
 */
async function runSetsIn(db: Db, layouts: Layout[], setParams: SetRuleParams, scope: Set<string>): Promise<void> {
  const inScope = layouts.filter((l) => l.kind.path.includes('{period}'));
  const others = layouts.filter((l) => !inScope.includes(l));
  await db.run(`CREATE OR REPLACE TEMP TABLE set_scope AS SELECT unnest($p) AS period`, { p: listValue([...scope]) }, { p: LIST(VARCHAR) });
  // The files whose verdicts are made anew: those of the changed submissions and the other kinds' files.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE redo_files AS SELECT file FROM load_files
     WHERE period IN (SELECT period FROM set_scope) OR kind IN (SELECT unnest($k))`,
    { k: listValue(others.map((l) => l.kind.id)) },
    { k: LIST(VARCHAR) },
  );
  for (const t of ['rejects', 'reject_ids']) {
    await db.run(`DELETE FROM ${t} WHERE file IN (SELECT file FROM redo_files) OR file NOT IN (SELECT file FROM load_files)`);
  }
  await db.run(`INSERT INTO rejects SELECT * FROM file_rejects WHERE file IN (SELECT file FROM redo_files)`);
  await db.run(`INSERT INTO reject_ids SELECT * FROM file_reject_ids WHERE file IN (SELECT file FROM redo_files)`);
  try {
    for (const l of inScope) {
      const where = `_period IN (SELECT period FROM set_scope)`;
      await db.run(`UPDATE ${quoteIdent(`data_${l.kind.id}`)} SET _ok = true WHERE NOT _ok AND ${noErrors(l)} AND ${where}`);
      await storeViews(db, l, where);
    }
    for (const l of inScope) await judgeKind(db, l, setParams);
    await db.run(`DELETE FROM undup WHERE _period IN (SELECT period FROM set_scope) OR _file NOT IN (SELECT file FROM load_files)`);
    await runFinalRules(db, setParams);
  } finally {
    for (const l of inScope) await dropNarrowViews(db, l);
  }
  // The other kinds' rules read the CASEMIS tables whole (W-LINK: the June Table A).
  for (const l of others) {
    await db.run(`UPDATE ${quoteIdent(`data_${l.kind.id}`)} SET _ok = true WHERE NOT _ok AND ${noErrors(l)}`);
    await judgeKind(db, l, setParams);
  }
  for (const l of layouts) await captureIds(db, l.kind);
  await db.run(`DROP TABLE set_scope`);
  await db.run(`DROP TABLE redo_files`);
}

async function summarize(db: Db, opts: LoadOptions, ignored: string[], warnings: LoadWarning[]): Promise<Omit<LoadResult, 'filesRead'>> {
  const counted = await db.all<{ file: string; rows_loaded: number; rows_rejected: number; warnings: number }>(
    `WITH clean AS (${opts.kinds.map((k) => `SELECT _file, count(*)::INTEGER AS n FROM ${quoteIdent(`clean_${k.id}`)} GROUP BY _file`).join(' UNION ALL ')}),
          rj AS (SELECT file, count(DISTINCT line) FILTER (WHERE severity = 'error')::INTEGER AS rejected,
                        count(*) FILTER (WHERE severity = 'warning')::INTEGER AS warnings FROM rejects GROUP BY file)
     SELECT coalesce(cl._file, rj.file) AS file, coalesce(cl.n, 0)::INTEGER AS rows_loaded,
            coalesce(rj.rejected, 0)::INTEGER AS rows_rejected, coalesce(rj.warnings, 0)::INTEGER AS warnings
     FROM clean cl FULL JOIN rj ON rj.file = cl._file`,
  );
  const byFile = new Map(counted.map((c) => [c.file, c]));
  const extras = new Map(
    (
      await db.all<{ file: string; served: number | null; undup: number | null; parent: number | null }>(
        `WITH a AS (SELECT _file AS file, count(*) FILTER (WHERE served)::INTEGER AS served FROM clean_table_a GROUP BY ALL),
              u AS (SELECT _file AS file, count(*)::INTEGER AS undup FROM undup GROUP BY ALL),
              p AS (SELECT file, count(*)::INTEGER AS parent FROM (
                      SELECT file, line FROM rejects WHERE severity = 'error' AND kind IN ('table_b', 'table_c')
                      GROUP BY ALL HAVING bool_and(code IN ('E201', 'E300'))) GROUP BY ALL)
         SELECT coalesce(a.file, u.file, p.file) AS file, a.served, u.undup, p.parent
         FROM a FULL JOIN u USING (file) FULL JOIN p USING (file)`,
      )
    ).map((r) => [r.file, r]),
  );
  const meta = await db.all<{ file: string; kind: string; period: string | null; bytes: number; sha256: string; rows_read: number; unknown_columns: string[]; warning: string | null }>(
    `SELECT file, kind, period, bytes::DOUBLE AS bytes, sha256, rows_read, unknown_columns, warning FROM load_files ORDER BY file`,
  );
  const files: FileStats[] = meta.map((m) => {
    const c = byFile.get(m.file);
    const x = extras.get(m.file);
    return {
      file: m.file,
      rows_read: m.rows_read,
      rows_loaded: c?.rows_loaded ?? 0,
      rows_rejected: c?.rows_rejected ?? 0,
      warnings: c?.warnings ?? 0,
      ...(m.kind === 'table_a' ? { served: x?.served ?? 0, undup_excluded: m.period?.endsWith('-12') ? (x?.undup ?? 0) : undefined } : {}),
      ...(m.kind === 'table_b' || m.kind === 'table_c' ? { rejected_for_table_a: x?.parent ?? 0 } : {}),
      kind: m.kind,
      period: m.period,
      bytes: m.bytes,
      sha256: m.sha256,
      unknown_columns: m.unknown_columns,
    };
  });
  for (const f of files) {
    if (f.rows_read !== f.rows_loaded + f.rows_rejected) {
      throw new Error(`${f.file}: counts do not reconcile (${f.rows_read} read, ${f.rows_loaded} loaded, ${f.rows_rejected} rejected)`);
    }
  }
  const encodingWarnings = meta.filter((m) => m.warning).map((m) => ({ code: 'W-ENCODING', message: m.warning! }));
  const present = new Set(meta.map((m) => (m.period ? `${m.kind}@${m.period}` : m.kind)));
  return { files, ignored, warnings: [...warnings, ...encodingWarnings], present };
}
