import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, quoteIdent, quoteLiteral } from '../db.js';
import { InputError } from '../errors.js';
import { type CsvFile, type Decoding, inspectCsv, NotUtf8Error, shorten } from './csvfile.js';
import { discover, type InputFile, type LoadWarning } from './discover.js';
import { captureIds, createRejectIds, idsFromLine } from './ids.js';
import { holdsPii, pseudonymise } from './pseudonymise.js';
import { genericRules, loadRuleFile, type Rule } from './rules.js';
import type { FieldSpec, FileKind } from './schema.js';
import { buildClean, runFinalRules, runSetRules } from './sets.js';

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
}

function periodContext(period: string | null): string {
  if (!period) {
    return `NULL::VARCHAR AS _period, false AS _is_june, NULL::DATE AS _rept_expected, NULL::DATE AS _sy_start, NULL::DATE AS _sy_end, NULL::DATE AS _dec_ref`;
  }
  const year = Number(period.slice(0, 4));
  const june = period.endsWith('-06');
  const syStart = june ? year - 1 : year;
  const rept = june ? `${year}-06-30` : `${year}-12-01`;
  return [
    `${quoteLiteral(period)} AS _period`,
    `${june} AS _is_june`,
    `DATE '${rept}' AS _rept_expected`,
    `DATE '${syStart}-07-01' AS _sy_start`,
    `DATE '${syStart + 1}-06-30' AS _sy_end`,
    `DATE '${syStart}-12-01' AS _dec_ref`,
  ].join(', ');
}

function typedExpr(f: FieldSpec): string {
  const raw = quoteIdent(`${f.name}__raw`);
  switch (f.type) {
    case 'date':
      return `parse_date(${raw})`;
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

function canonical(kind: FileKind): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of kind.fields) {
    m.set(f.name.toUpperCase(), f.name);
    for (const a of f.aliases ?? []) m.set(a.toUpperCase(), f.name);
  }
  return m;
}

let seq = 0;

/** Loads one file into `stg_<kind>` (all text, canonical columns) and records CSV-structure rejects. */
interface LoadedFile {
  csv: CsvFile;
  unknown: string[];
  /** SELECT of the file's rows: canonical columns (text), `_file`, `_line`, period context. */
  source: string;
  temps: string[];
  /** Records in the file: parsed ones plus malformed ones (E-CSV). */
  rowsRead: number;
}

async function loadFile(db: Db, opts: LoadOptions, input: InputFile, warnings: LoadWarning[]): Promise<LoadedFile> {
  const abs = join(opts.dataDir, input.relPath);
  let csv: CsvFile;
  try {
    csv = inspectCsv(abs, input.relPath);
  } catch (e) {
    // --encoding: a file that is not UTF-8 is converted once; UTF-8 files of the folder stay as they are.
    if (!(e instanceof NotUtf8Error) || !opts.encoding || opts.encoding === 'utf-8') throw e;
    csv = inspectCsv(abs, input.relPath, undefined, opts.encoding);
    warnings.push({ code: 'W-ENCODING', message: `${input.relPath} is not UTF-8: read as Windows-1252/Latin-1 text (--encoding) and converted to UTF-8` });
  }
  try {
    return await readFile(db, input, csv);
  } finally {
    // The LF-only copy of a BOM or CRLF file is not needed once DuckDB has read it (or failed to).
    if (csv.loadPath !== csv.absPath) rmSync(csv.loadPath, { force: true });
  }
}

async function readFile(db: Db, input: InputFile, csv: CsvFile): Promise<LoadedFile> {
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
  if (kind.fields.length > 1 && csv.header.length === 1) {
    throw new InputError('not a CSV file (the header has no comma)', relPath);
  }
  const missing = kind.fields.filter((f) => f.req !== 'O' && !mapped.has(f.name)).map((f) => f.name);
  if (missing.length) throw new InputError(`missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, relPath);

  const n = ++seq;
  const raw = `raw_${n}`;
  const columns = `{${csv.header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${raw} AS SELECT * FROM read_csv($path, auto_detect=false, header=true, delim=',',
       quote='"', escape='"', new_line='\\n', columns=${columns}, store_rejects=true,
       rejects_table='rej_${n}', rejects_scan='scan_${n}', rejects_limit=0, buffer_size=33554432)`,
    { path: csv.loadPath },
  );
  // A record is rejected once, whatever number of errors DuckDB lists for it; blank lines are not records.
  // DuckDB numbers a reject by unquoted newlines: find that record (sorted) and take its physical line.
  const physical = (duckLine: number): number | undefined => {
    const d = csv.recordDuckLines;
    let lo = 0;
    let hi = d.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (d[mid]! === duckLine) return csv.recordStarts[mid];
      if (d[mid]! < duckLine) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  // The record's text is read only to route the reject to its SELPA (ids.ts); its start is enough.
  const rejRows = await db.all<{ line: number; column_name: string | null; error_type: string; error_message: string; text: string | null }>(
    `SELECT line::INTEGER AS line, any_value(column_name ORDER BY column_idx) AS column_name,
            any_value(error_type ORDER BY column_idx) AS error_type, any_value(error_message ORDER BY column_idx) AS error_message,
            left(any_value(csv_line), 65536) AS text
     FROM rej_${n} GROUP BY line ORDER BY line`,
  );
  const csvRejects = rejRows.flatMap((r) => {
    const line = physical(r.line);
    return line === undefined ? [] : [{ ...r, line }];
  });
  const rejectedLines = new Set(csvRejects.map((r) => r.line));
  const loadedLines = csv.recordStarts.filter((l) => !rejectedLines.has(l));
  const rawCount = await db.scalar(`SELECT count(*)::INTEGER FROM ${raw}`);
  if (rawCount !== loadedLines.length) {
    throw new Error(`${relPath}: ${rawCount} records parsed but ${loadedLines.length} record starts found`);
  }
  // raw rowid i (insertion order kept while reading) is the i-th loaded record of the file.
  await db.run(`CREATE OR REPLACE TEMP TABLE lines_${n} (idx BIGINT, line INTEGER)`);
  const app = await db.con.createAppender(`lines_${n}`);
  loadedLines.forEach((line, i) => {
    app.appendBigInt(BigInt(i));
    app.appendInteger(line);
    app.endRow();
  });
  app.closeSync();

  const header = csv.header;
  await db.appendRows(
    'rejects',
    csvRejects.map((r) => {
      const idx = r.column_name ? Number(r.column_name.slice(1)) : NaN;
      const field = Number.isInteger(idx) ? (header[idx] ?? '') : '';
      return [relPath, r.line, field, '', 'E-CSV', 'error', `malformed CSV record (${r.error_type.toLowerCase()}): ${r.error_message}`, kind.id];
    }),
  );
  await db.appendRows(
    'reject_ids',
    csvRejects.map((r) => [relPath, r.line, ...idsFromLine(kind, (f) => mapped.get(f), r.text ?? ''), null]),
  );

  const selectCols = kind.fields.map((f) => {
    const i = mapped.get(f.name);
    return `${i === undefined ? 'NULL::VARCHAR' : `r.c${i}`} AS ${quoteIdent(f.name)}`;
  });
  const nulCheck = csv.header.length ? `strpos(concat(${csv.header.map((_, i) => `r.c${i}`).join(', ')}), chr(0)) > 0` : 'false';
  const source = `SELECT ${quoteLiteral(relPath)} AS _file, l.line AS _line, ${periodContext(input.period)}, ${nulCheck} AS _nul, ${selectCols.join(', ')}
     FROM ${raw} r JOIN lines_${n} l ON l.idx = r.rowid`;
  return { csv, unknown, source, temps: [raw, `lines_${n}`], rowsRead: loadedLines.length + csvRejects.length };
}

const isText = (f: FieldSpec): boolean => f.type === 'text' || f.type === 'code';

/**
 * data_<kind> holds every parsed row once: text and code fields as trimmed NFC text, other fields
 * typed, plus their text as written (`F__raw`) for the rules and the rejects report. The views
 * typed_<kind> (all rows, for the rules) and clean_<kind> (after rejected rows are deleted) add the
 * `F__raw` names of text fields, so a rule reads `F` and `F__raw` alike for every field.
 */
function typedSelect(kind: FileKind, source: string): string {
  const rawCols = kind.fields.map((f) => `clean_text(${quoteIdent(f.name)}) AS ${quoteIdent(`${f.name}__raw`)}`);
  const cols = kind.fields.map((f) => (isText(f) ? `${quoteIdent(`${f.name}__raw`)} AS ${quoteIdent(f.name)}` : `${typedExpr(f)} AS ${quoteIdent(f.name)}`));
  const rawKept = kind.fields.filter((f) => !isText(f)).map((f) => quoteIdent(`${f.name}__raw`));
  const extra =
    kind.id === 'table_a'
      ? `, "PLAN_TYPE__raw" IN ('10', '20', '30') AS served,
           age_on(parse_date("BIRTHDATE__raw"), coalesce(parse_date("REPT_DATE__raw"), _rept_expected))::INTEGER AS age_rept,
           name_key("LAST_NAME__raw", "FIRST_NAME__raw", parse_date("BIRTHDATE__raw"), "GENDER__raw") AS _name_key`
      : '';
  return `SELECT _file, _line, _period, _is_june, _rept_expected, _sy_start, _sy_end, _dec_ref, _nul,
            ${[...cols, ...rawKept].join(', ')}${extra}
     FROM (SELECT _file, _line, _period, _is_june, _rept_expected, _sy_start, _sy_end, _dec_ref, _nul, ${rawCols.join(', ')} FROM (${source}))`;
}

async function createKindStore(db: Db, kind: FileKind): Promise<void> {
  const empty = `SELECT NULL::VARCHAR AS _file, NULL::INTEGER AS _line, ${periodContext(null)}, false AS _nul,
     ${kind.fields.map((f) => `NULL::VARCHAR AS ${quoteIdent(f.name)}`).join(', ')} WHERE false`;
  // Identifying kinds stay in a temporary table (never in a --db file) until pseudonymised.
  await db.run(`CREATE OR REPLACE ${holdsPii(kind) ? 'TEMP ' : ''}TABLE ${quoteIdent(`data_${kind.id}`)} AS ${typedSelect(kind, empty)}`);
  const aliases = kind.fields.filter(isText).map((f) => `${quoteIdent(f.name)} AS ${quoteIdent(`${f.name}__raw`)}`);
  const body = `SELECT *${aliases.length ? `, ${aliases.join(', ')}` : ''} FROM ${quoteIdent(`data_${kind.id}`)}`;
  await db.run(`CREATE OR REPLACE VIEW ${quoteIdent(`typed_${kind.id}`)} AS ${body}`);
  await db.run(`CREATE OR REPLACE VIEW ${quoteIdent(`clean_${kind.id}`)} AS ${body}`);
}

/** Every row rule of a kind evaluated in one pass; each hit becomes a line of `rejects`. */
async function runRowRules(db: Db, kind: FileKind, rules: Rule[]): Promise<void> {
  const pii = new Set(kind.fields.filter((f) => f.pii).map((f) => f.name));
  const fieldNames = new Set(kind.fields.map((f) => f.name));
  const all: Rule[] = [
    { code: 'E-CSV', severity: 'error', field: '', message: 'the record contains a NUL byte', predicate: '_nul', source: 'engine' },
    ...rules,
  ];
  await db.run(`CREATE OR REPLACE TEMP TABLE rule_meta (rule_no INTEGER, code VARCHAR, severity VARCHAR, field VARCHAR, message VARCHAR)`);
  await db.appendRows('rule_meta', all.map((r, i) => [i, r.code, r.severity, r.field, r.message]));
  const caseOf = (r: Rule, i: number): string => {
    const value = pii.has(r.field) ? `'[redacted]'` : fieldNames.has(r.field) ? `${quoteIdent(`${r.field}__raw`)}` : `NULL::VARCHAR`;
    return `CASE WHEN coalesce((${r.predicate}), false) THEN {'r': ${i}, 'v': ${value}} END`;
  };
  // Planning one statement over every rule grows much faster than its size (1.8 s for Table A's
  // ~130 predicates, whatever the row count): RULE_CHUNK rules a statement keeps it small.
  for (let start = 0; start < all.length; start += RULE_CHUNK) {
    const chunk = all.slice(start, start + RULE_CHUNK).map((r, k) => ({ r, i: start + k }));
    try {
      await db.run(
        `INSERT INTO rejects
         SELECT h._file, h._line, m.field, coalesce(h.hit.v, ''), m.code, m.severity, m.message, $kind
         FROM (SELECT _file, _line, unnest(list_filter([${chunk.map(({ r, i }) => caseOf(r, i)).join(',\n')}], x -> x IS NOT NULL)) AS hit
               FROM ${quoteIdent(`typed_${kind.id}`)}
               -- most rows break nothing: test cheaply first, build the list of hits only for the rest
               WHERE ${chunk.map(({ r }) => `coalesce((${r.predicate}), false)`).join('\n OR ')}) h
         JOIN rule_meta m ON m.rule_no = h.hit.r`,
        { kind: kind.id },
      );
    } catch (e) {
      throw new Error(`rules of ${kind.id} failed to run (check sql/rules/${kind.id}.sql): ${(e as Error).message}`, { cause: e });
    }
  }
}

/** Rules per statement of the row pass (see runRowRules); APR_RULE_CHUNK overrides it for measuring. */
const RULE_CHUNK = Number(process.env.APR_RULE_CHUNK ?? 32);

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

/** Load and verify every input file present: data_<kind> tables (clean_<kind> views) and `rejects`. */
export async function loadAll(db: Db, opts: LoadOptions): Promise<LoadResult> {
  const { inputs, ignored, warnings } = discover(opts.dataDir, opts.kinds, opts.periods);
  if (!inputs.some((i) => i.kind.path === 'reference/districts.csv')) {
    throw new InputError('required file is missing', 'reference/districts.csv');
  }
  await db.run(`CREATE OR REPLACE TABLE rejects (file VARCHAR, line INTEGER, field VARCHAR, value VARCHAR, code VARCHAR,
                  severity VARCHAR, message VARCHAR, kind VARCHAR)`);
  await createRejectIds(db);
  const meta = new Map<string, { csv: CsvFile; unknown: string[]; input: InputFile; rowsRead: number }>();
  const setParams = { undup_rule: opts.undupRule, jun_period: opts.junPeriod };
  const sizes = opts.onProgress ? inputs.map((i) => statSync(join(opts.dataDir, i.relPath), { throwIfNoEntry: false })?.size ?? 0) : [];
  const done = { filesDone: 0, files: inputs.length, rowsDone: 0, bytesDone: 0, bytesTotal: sizes.reduce((a, b) => a + b, 0) };
  // Kind by kind in the contract's order (districts, Tables A-D, other inputs), so every set rule
  // finds the clean tables it references; file by file, so only one file's raw text is held at a time.
  for (const kind of opts.kinds) {
    await createKindStore(db, kind);
    for (const input of inputs.filter((i) => i.kind === kind)) {
      opts.onProgress?.({ stage: 'load', file: input.relPath, ...done });
      const loaded = await loadFile(db, opts, input, warnings);
      done.filesDone++;
      done.rowsDone += loaded.rowsRead;
      done.bytesDone += sizes[inputs.indexOf(input)] ?? 0;
      meta.set(input.relPath, { csv: loaded.csv, unknown: loaded.unknown, input, rowsRead: loaded.rowsRead });
      if (input.kind.requireRows && loaded.csv.recordStarts.length === 0) {
        throw new InputError('the file has a header but no rows', input.relPath);
      }
      // Rows carry their line, so the typed copy need not keep file order: that lets DuckDB use both threads.
      await db.run(`SET preserve_insertion_order = false`);
      try {
        await db.run(`INSERT INTO ${quoteIdent(`data_${kind.id}`)} ${typedSelect(kind, loaded.source)}`);
      } finally {
        await db.run(`SET preserve_insertion_order = true`);
      }
      for (const t of loaded.temps) await db.run(`DROP TABLE ${t}`);
    }
    if (inputs.some((i) => i.kind === kind)) opts.onProgress?.({ stage: 'load', verifying: kind.id, ...done });
    // No file of this kind: nothing to check, and planning its predicates is most of a small run's time.
    if (inputs.some((i) => i.kind === kind)) await runRowRules(db, kind, [...genericRules(kind, opts.codeLists), ...loadRuleFile(kind)]);
    await runSetRules(db, kind, 'before_clean', setParams);
    await buildClean(db, kind);
    await runSetRules(db, kind, 'after_clean', setParams);
    await db.run(`DROP VIEW ${quoteIdent(`typed_${kind.id}`)}`);
  }
  await runFinalRules(db, setParams);
  for (const kind of opts.kinds) await captureIds(db, kind);

  const counted = await db.all<{ file: string; rows_loaded: number; rows_rejected: number; warnings: number }>(
    `WITH clean AS (${opts.kinds.map((k) => `SELECT _file, count(*)::INTEGER AS n FROM ${quoteIdent(`clean_${k.id}`)} GROUP BY _file`).join(' UNION ALL ')}),
          rj AS (SELECT file, count(DISTINCT line) FILTER (WHERE severity = 'error')::INTEGER AS rejected,
                        count(*) FILTER (WHERE severity = 'warning')::INTEGER AS warnings FROM rejects GROUP BY file)
     SELECT coalesce(cl._file, rj.file) AS file, coalesce(cl.n, 0)::INTEGER AS rows_loaded,
            coalesce(rj.rejected, 0)::INTEGER AS rows_rejected, coalesce(rj.warnings, 0)::INTEGER AS warnings
     FROM clean cl FULL JOIN rj ON rj.file = cl._file`,
  );
  const byFile = new Map(counted.map((c) => [c.file, c]));
  const stats = [...meta.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, m]) => ({
      file,
      rows_read: m.rowsRead,
      rows_loaded: byFile.get(file)?.rows_loaded ?? 0,
      rows_rejected: byFile.get(file)?.rows_rejected ?? 0,
      warnings: byFile.get(file)?.warnings ?? 0,
    }));
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
  const files: FileStats[] = stats.map((s) => {
    const m = meta.get(s.file)!;
    const x = extras.get(s.file);
    const kindId = m.input.kind.id;
    return {
      ...s,
      ...(kindId === 'table_a' ? { served: x?.served ?? 0, undup_excluded: m.input.period?.endsWith('-12') ? (x?.undup ?? 0) : undefined } : {}),
      ...(kindId === 'table_b' || kindId === 'table_c' ? { rejected_for_table_a: x?.parent ?? 0 } : {}),
      kind: m.input.kind.id,
      period: m.input.period,
      bytes: m.csv.bytes,
      sha256: m.csv.sha256,
      unknown_columns: m.unknown,
    };
  });
  for (const f of files) {
    if (f.rows_read !== f.rows_loaded + f.rows_rejected) {
      throw new Error(`${f.file}: counts do not reconcile (${f.rows_read} read, ${f.rows_loaded} loaded, ${f.rows_rejected} rejected)`);
    }
  }
  await pseudonymise(db, opts.kinds);
  // Kinds no indicator reads are verified and counted (above): free their rows (Table B, the largest
  // table statewide) so the indicators and what-if sweeps keep the memory budget.
  for (const kind of opts.kinds.filter((k) => k.verifyOnly)) {
    await db.run(`CREATE OR REPLACE TABLE ${quoteIdent(`data_${kind.id}`)} AS SELECT * FROM ${quoteIdent(`data_${kind.id}`)} LIMIT 0`);
  }
  const present = new Set<string>();
  for (const i of inputs) present.add(i.period ? `${i.kind.id}@${i.period}` : i.kind.id);
  return { files, ignored, warnings, present };
}
