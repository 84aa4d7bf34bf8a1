import { lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type Db, quoteIdent } from '../db.js';
import { type ColumnDef, findOutput, outputColumns, SUMMARY_COLUMNS as SUMMARY_DEFS } from '../engine/indicator.js';
import type { OutputRef, RunConfig, RunResult, SummaryRow } from '../engine/run.js';
import { asText, suppressTable, type TableRow } from './suppress.js';
import { copyOut, type Format } from './copy.js';
import { writeLoad } from './load.js';
import { type Sheet, sheetOf, writeWorkbook } from './xlsx.js';

export { writeLoad };

export type { Format };

/** summary.csv's columns in order (OUTPUTS.md); target_basis follows the contract's ten. */
const SUMMARY_COLUMNS = ['id', 'indicator', 'title', 'numerator', 'denominator', 'value', 'display', 'target', 'target_met', 'status', 'target_basis'] as const;

/** Roles of summary.csv's columns beyond the numbers (src/engine/indicator.ts has those): all text. */
const SUMMARY_TEXT: ColumnDef[] = (['indicator', 'title', 'target_met', 'status', 'target_basis'] as const).map((name) => ({ name, type: 'VARCHAR', role: 'text' }));

/** The workbook of `--format xlsx`. */
export const WORKBOOK = 'apr-tables.xlsx';

async function summaryTable(db: Db, rows: SummaryRow[]): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE summary_out (ord INTEGER, id VARCHAR, indicator VARCHAR, title VARCHAR, numerator BIGINT,
                  denominator BIGINT, value DOUBLE, display VARCHAR, target DOUBLE, target_met VARCHAR, status VARCHAR, target_basis VARCHAR)`);
  // Empty cells are NULL so CSV writes them bare, not as "".
  const blank = (v: string): string | null => (v === '' ? null : v);
  const big = (v: number | null): bigint | null => (v === null ? null : BigInt(v));
  await db.appendRows(
    'summary_out',
    rows.map((r, i) => [i, r.id, r.indicator, r.title, big(r.numerator), big(r.denominator), r.value, blank(r.display), r.target, blank(r.target_met), r.status, blank(r.target_basis)]),
  );
}

/** The declared columns (with roles) of a written output. */
function declaredColumns(cfg: RunConfig, o: OutputRef): { columns: ColumnDef[]; sums: ReturnType<typeof findOutput>['sums']; sumsBy?: string[] } | null {
  if (o.columns) return { columns: o.columns, sums: undefined };
  const ind = cfg.indicators.find((i) => i.id === o.indicator);
  if (!ind) return null;
  const def = ind.outputs.find((x) => x.kind === o.kind && (x.name ?? ind.id) === o.name) ?? findOutput(ind, o.name);
  return { columns: outputColumns(def), sums: def.sums, sumsBy: def.sumsBy };
}

/** Writes rows as an all-text CSV (markers among numbers) through a scratch table and COPY. */
async function copyText(db: Db, names: string[], rows: (string | null)[][], path: string): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE public_out (${names.map((n) => `${quoteIdent(n)} VARCHAR`).join(', ')})`);
  await db.appendRows('public_out', rows);
  await db.run(`COPY public_out TO $path (FORMAT csv, HEADER true)`, { path });
}

/**
 * public/: summary.csv, tables/ and districts/ with small-cell and complementary suppression
 * (src/write/suppress.ts, driven by the column roles). identification.csv and restricted/ never go here.
 */
async function writePublic(db: Db, cfg: RunConfig, result: RunResult, outDir: string): Promise<string[]> {
  const dir = join(outDir, 'public');
  mkdirSync(join(dir, 'tables'), { recursive: true });
  mkdirSync(join(dir, 'districts'), { recursive: true });
  const written: string[] = [];
  const minCell = Number(cfg.params.values['suppress.min_cell']);
  const summaryCols = [...SUMMARY_DEFS, { name: 'display', type: 'VARCHAR' as const, role: 'percent' as const, num: 'numerator', den: 'denominator' }, ...SUMMARY_TEXT];
  const summary = suppressTable(result.summary as unknown as TableRow[], summaryCols, { minCell });
  const names = [...SUMMARY_COLUMNS];
  await copyText(db, names, asText(summary, names), join(dir, 'summary.csv'));
  written.push(join(dir, 'summary.csv'));
  for (const o of result.outputs) {
    if (!o.path || (o.kind !== 'table' && o.kind !== 'districts')) continue;
    const decl = declaredColumns(cfg, o);
    if (!decl) continue;
    const rows = await db.all<TableRow>(`SELECT * FROM ${quoteIdent(o.table)}`);
    const cols = rows.length ? Object.keys(rows[0]!) : decl.columns.map((c) => c.name);
    const published = suppressTable(rows, decl.columns, { minCell, districts: o.kind === 'districts', sums: decl.sums, sumsBy: decl.sumsBy });
    await copyText(db, cols, asText(published, cols), join(dir, `${o.path}.csv`));
    written.push(join(dir, `${o.path}.csv`));
  }
  return written;
}

export interface WriteMeta {
  engineVersion: string;
  finishedAt: string;
  formats: Format[];
  /** --student-lists: write restricted/<district>/<name>.csv. */
  studentLists?: boolean;
}

const IDENTIFICATION_COLUMNS = ['district', 'district_name', 'selpa', 'trigger', 'value', 'threshold', 'numerator', 'denominator', 'explanation'];

/**
 * restricted/<district>/<name>.csv: one file per district and list, keyed by the local STUDENT_ID
 * only (the outputs' SQL selects no other identifier). Never under public/.
 */
async function writeRestricted(db: Db, result: RunResult, outDir: string): Promise<string[]> {
  const dir = join(outDir, 'restricted');
  const written: string[] = [];
  for (const out of result.outputs.filter((o) => o.kind === 'restricted')) {
    const districts = await db.all<{ district: string }>(`SELECT DISTINCT district FROM ${quoteIdent(out.table)} WHERE district IS NOT NULL ORDER BY 1`);
    for (const { district } of districts) {
      // District codes come from validated input (7 digits), still never trusted as a path.
      const safe = district.replace(/[^A-Za-z0-9_-]/g, '_');
      mkdirSync(join(dir, safe), { recursive: true });
      const path = join(dir, safe, `${out.name}.csv`);
      await db.run(`COPY (SELECT * FROM ${quoteIdent(out.table)} WHERE district = $d ORDER BY ALL) TO $path (FORMAT csv, HEADER true)`, { d: district, path });
      written.push(path);
    }
  }
  return written;
}

/** apr-tables.xlsx: the summary, every APR table, every districts file and the load summary. */
async function writeXlsx(db: Db, cfg: RunConfig, result: RunResult, path: string): Promise<void> {
  const sheets: Sheet[] = [await sheetOf(db, `(SELECT ${SUMMARY_COLUMNS.join(', ')} FROM summary_out ORDER BY ord)`, 'summary', [...SUMMARY_DEFS, ...SUMMARY_TEXT])];
  for (const kind of ['table', 'districts'] as const) {
    for (const o of result.outputs.filter((x) => x.kind === kind && x.path)) {
      const decl = declaredColumns(cfg, o);
      sheets.push(await sheetOf(db, quoteIdent(o.table), kind === 'table' ? o.name : `districts-${o.name}`, decl?.columns));
    }
  }
  sheets.push({
    name: 'load-summary',
    columns: [{ name: 'file', kind: 'text' }, ...(['rows_read', 'rows_loaded', 'rows_rejected', 'warnings'] as const).map((name) => ({ name, kind: 'number' as const }))],
    rows: [...result.load.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((f) => [f.file, f.rows_read, f.rows_loaded, f.rows_rejected, f.warnings]),
  });
  await writeWorkbook(path, sheets);
}

/**
 * `--out` holds an analyst's own files too: delete exactly what the previous run listed in its
 * run.json `files_written` (a dropped indicator's tables go with it) and nothing else. A path that
 * is not plainly inside the folder is skipped, and so is a manifest that cannot be read.
 */
export function removePreviousRun(outDir: string): string[] {
  let listed: unknown;
  try {
    listed = (JSON.parse(readFileSync(join(outDir, 'run.json'), 'utf8')) as { files_written?: unknown }).files_written;
  } catch {
    return [];
  }
  if (!Array.isArray(listed)) return [];
  const root = resolve(outDir);
  const removed: string[] = [];
  const dirs = new Set<string>();
  for (const rel of listed) {
    if (typeof rel !== 'string' || rel === '' || isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) continue;
    const abs = resolve(root, rel);
    if (!abs.startsWith(root + sep)) continue;
    try {
      if (!lstatSync(abs).isFile()) continue;
      unlinkSync(abs);
      removed.push(rel);
      dirs.add(dirname(abs));
    } catch {
      // already gone
    }
  }
  // Folders the deleted files leave empty (restricted/<district>/), deepest first; never the root.
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
    for (let cur = d; cur.startsWith(root + sep); cur = dirname(cur)) {
      try {
        if (readdirSync(cur).length) break;
        rmdirSync(cur);
      } catch {
        break;
      }
    }
  }
  return removed;
}

export async function writeRun(db: Db, cfg: RunConfig, result: RunResult, outDir: string, meta: WriteMeta): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  removePreviousRun(outDir);
  const written: string[] = [];
  written.push(...(await writeLoad(db, result, outDir)));
  if (cfg.mode === 'run') {
    for (const sub of ['tables', 'districts']) mkdirSync(join(outDir, sub), { recursive: true });
    await summaryTable(db, result.summary);
    const summarySql = `SELECT ${SUMMARY_COLUMNS.join(', ')} FROM summary_out ORDER BY ord`;
    written.push(...(await copyOut(db, summarySql, join(outDir, 'summary'), ['csv', 'json'])));
    for (const out of result.outputs) {
      if (out.path) written.push(...(await copyOut(db, `SELECT * FROM ${quoteIdent(out.table)}`, join(outDir, out.path), meta.formats)));
    }
    if (meta.formats.includes('xlsx')) {
      await writeXlsx(db, cfg, result, join(outDir, WORKBOOK));
      written.push(join(outDir, WORKBOOK));
    }
    written.push(...(await writePublic(db, cfg, result, outDir)));
    // imported here: Observable Plot and linkedom would slow the start of every command
    const { renderReport } = await import('../report/report.js');
    await renderReport(db, cfg, result, outDir);
    written.push(join(outDir, 'report.html'));
    const identification = `SELECT ${IDENTIFICATION_COLUMNS.map((c) => quoteIdent(c)).join(', ')} FROM identification ORDER BY district, "trigger"`;
    written.push(...(await copyOut(db, identification, join(outDir, 'identification'), ['csv', 'json'])));
    if (meta.studentLists) written.push(...(await writeRestricted(db, result, outDir)));
  }
  // Relative, with `/` on every platform, sorted: the manifest reads the same wherever it ran.
  const files = [...new Set(written.map((p) => relative(outDir, p).split(sep).join('/')))].sort();
  writeFileSync(join(outDir, 'run.json'), `${JSON.stringify(manifest(cfg, result, meta, files), null, 2)}\n`);
}

/** Every measure of every indicator, computed or not, and why not (run.json `measures`). */
function measureList(cfg: RunConfig, result: RunResult) {
  if (cfg.mode !== 'run') return [];
  const rows = new Map(result.summary.map((r) => [`${r.indicator}\u0000${r.id}`, r]));
  const indicatorStatus = new Map(result.indicators.map((i) => [i.id, i.status]));
  return cfg.indicators.flatMap((ind) =>
    ind.measures.map((m) => {
      const indicator = m.indicator ?? ind.id;
      const status = rows.get(`${indicator}\u0000${m.id}`)?.status ?? indicatorStatus.get(ind.id) ?? 'not computed: not requested (--only)';
      const reason = status === 'computed' ? null : status.replace(/^not computed: /, '');
      return { id: m.id, indicator, title: m.title, status: status === 'computed' ? 'computed' : 'not computed', reason };
    }),
  );
}

function manifest(cfg: RunConfig, result: RunResult, meta: WriteMeta, filesWritten: string[]) {
  return {
    engine: { name: 'apr-engine', version: meta.engineVersion },
    command: cfg.mode,
    profile: cfg.profile.id,
    year: cfg.year,
    data_dir: cfg.dataDir,
    started_at: result.startedAt,
    finished_at: meta.finishedAt,
    steps_ms: result.steps,
    parameters: Object.fromEntries(
      Object.entries(cfg.params.values).map(([k, v]) => [k, { value: v ?? null, source: cfg.params.overridden[k] ?? 'default' }]),
    ),
    ...(Object.keys(result.notes ?? {}).length ? { modules: result.notes } : {}),
    submission_folders: result.periods,
    load_reused_from_db: result.load.reused ?? false,
    inputs: result.load.files.map((f) => ({
      path: f.file,
      bytes: f.bytes,
      sha256: f.sha256,
      rows_read: f.rows_read,
      rows_loaded: f.rows_loaded,
      rows_rejected: f.rows_rejected,
      warnings: f.warnings,
      served: f.served,
      undup_excluded: f.undup_excluded,
      rejected_for_table_a: f.rejected_for_table_a,
      unknown_columns: f.unknown_columns,
    })),
    ignored_files: result.load.ignored,
    reject_rate_exceeded: result.rejectRateExceeded,
    warnings: result.warnings,
    indicators: result.indicators,
    measures: measureList(cfg, result),
    outputs: ['summary', 'identification', ...result.outputs.flatMap((o) => (o.path ? [o.path] : []))],
    student_lists: meta.studentLists ? result.outputs.filter((o) => o.kind === 'restricted').map((o) => `restricted/<district>/${o.name}.csv`) : [],
    // What this run wrote under --out (not run.json itself): the next run into the folder deletes
    // exactly these before writing, so an analyst's own files there stay.
    files_written: filesWritten,
  };
}
