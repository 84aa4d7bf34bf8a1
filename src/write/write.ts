import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, quoteIdent } from '../db.js';
import { findOutput, outputColumns, SUMMARY_COLUMNS as SUMMARY_DEFS } from '../engine/indicator.js';
import type { RunConfig, RunResult, SummaryRow } from '../engine/run.js';
import { renderReport } from '../report/report.js';
import { asText, suppressTable, type TableRow } from './suppress.js';
import { copyOut, type Format } from './copy.js';
import { writeLoad } from './load.js';

export { writeLoad };

export type { Format };

const SUMMARY_COLUMNS = ['id', 'indicator', 'title', 'numerator', 'denominator', 'value', 'display', 'target', 'target_met', 'status'] as const;

async function summaryTable(db: Db, rows: SummaryRow[]): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE summary_out (ord INTEGER, id VARCHAR, indicator VARCHAR, title VARCHAR, numerator BIGINT,
                  denominator BIGINT, value DOUBLE, display VARCHAR, target DOUBLE, target_met VARCHAR, status VARCHAR)`);
  // Empty cells are NULL so CSV writes them bare, not as "".
  const blank = (v: string): string | null => (v === '' ? null : v);
  const big = (v: number | null): bigint | null => (v === null ? null : BigInt(v));
  await db.appendRows(
    'summary_out',
    rows.map((r, i) => [i, r.id, r.indicator, r.title, big(r.numerator), big(r.denominator), r.value, blank(r.display), r.target, blank(r.target_met), r.status]),
  );
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
async function writePublic(db: Db, cfg: RunConfig, result: RunResult, outDir: string): Promise<void> {
  const dir = join(outDir, 'public');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'tables'), { recursive: true });
  mkdirSync(join(dir, 'districts'), { recursive: true });
  const minCell = Number(cfg.params.values['suppress.min_cell']);
  const summaryCols = [...SUMMARY_DEFS, { name: 'display', type: 'VARCHAR' as const, role: 'percent' as const, num: 'numerator', den: 'denominator' }];
  const summary = suppressTable(result.summary as unknown as TableRow[], summaryCols, { minCell });
  const names = ['id', 'indicator', 'title', 'numerator', 'denominator', 'value', 'display', 'target', 'target_met', 'status'];
  await copyText(db, names, asText(summary, names), join(dir, 'summary.csv'));
  for (const o of result.outputs) {
    if (!o.path || (o.kind !== 'table' && o.kind !== 'districts')) continue;
    const ind = cfg.indicators.find((i) => i.id === o.indicator);
    if (!ind) continue;
    const def = ind.outputs.find((x) => x.kind === o.kind && (x.name ?? ind.id) === o.name);
    const columns = o.columns ?? outputColumns(def ?? findOutput(ind, o.name));
    const rows = await db.all<TableRow>(`SELECT * FROM ${quoteIdent(o.table)}`);
    const cols = rows.length ? Object.keys(rows[0]!) : columns.map((c) => c.name);
    const published = suppressTable(rows, columns, { minCell, districts: o.kind === 'districts', sums: o.columns ? undefined : def?.sums });
    await copyText(db, cols, asText(published, cols), join(dir, `${o.path}.csv`));
  }
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
async function writeRestricted(db: Db, result: RunResult, outDir: string): Promise<number> {
  const dir = join(outDir, 'restricted');
  rmSync(dir, { recursive: true, force: true });
  let files = 0;
  for (const out of result.outputs.filter((o) => o.kind === 'restricted')) {
    const districts = await db.all<{ district: string }>(`SELECT DISTINCT district FROM ${quoteIdent(out.table)} WHERE district IS NOT NULL ORDER BY 1`);
    for (const { district } of districts) {
      // District codes come from validated input (7 digits), still never trusted as a path.
      const safe = district.replace(/[^A-Za-z0-9_-]/g, '_');
      mkdirSync(join(dir, safe), { recursive: true });
      await db.run(`COPY (SELECT * FROM ${quoteIdent(out.table)} WHERE district = $d ORDER BY ALL) TO $path (FORMAT csv, HEADER true)`, {
        d: district,
        path: join(dir, safe, `${out.name}.csv`),
      });
      files++;
    }
  }
  return files;
}

export async function writeRun(db: Db, cfg: RunConfig, result: RunResult, outDir: string, meta: WriteMeta): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await writeLoad(db, result, outDir);
  if (cfg.mode === 'run') {
    for (const sub of ['tables', 'districts']) {
      rmSync(join(outDir, sub), { recursive: true, force: true });
      mkdirSync(join(outDir, sub), { recursive: true });
    }
    await summaryTable(db, result.summary);
    const summarySql = `SELECT ${SUMMARY_COLUMNS.join(', ')} FROM summary_out ORDER BY ord`;
    await copyOut(db, summarySql, join(outDir, 'summary'), ['csv', 'json']);
    for (const out of result.outputs) {
      if (out.path) await copyOut(db, `SELECT * FROM ${quoteIdent(out.table)}`, join(outDir, out.path), meta.formats);
    }
    await writePublic(db, cfg, result, outDir);
    await renderReport(db, cfg, result, outDir);
    await copyOut(db, `SELECT ${IDENTIFICATION_COLUMNS.map((c) => quoteIdent(c)).join(', ')} FROM identification ORDER BY district, "trigger"`, join(outDir, 'identification'), ['csv', 'json']);
    if (meta.studentLists) await writeRestricted(db, result, outDir);
  }
  writeFileSync(join(outDir, 'run.json'), `${JSON.stringify(manifest(cfg, result, meta), null, 2)}\n`);
}

function manifest(cfg: RunConfig, result: RunResult, meta: WriteMeta) {
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
      Object.entries(cfg.params.values).map(([k, v]) => [k, { value: v, source: cfg.params.overridden[k] ?? 'default' }]),
    ),
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
    outputs: ['summary', 'identification', ...result.outputs.flatMap((o) => (o.path ? [o.path] : []))],
    student_lists: meta.studentLists ? result.outputs.filter((o) => o.kind === 'restricted').map((o) => `restricted/<district>/${o.name}.csv`) : [],
  };
}
