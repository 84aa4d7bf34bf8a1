// The pipeline of ARCHITECTURE.md: load → verify → derive → indicators (count, decide, outputs) →
// identification → summary. `apr run` is scenario 0 of the same path `apr whatif` sweeps.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db.js';
import { InputError } from '../errors.js';
import { CODE_LISTS, ETHNICITY_GROUP } from '../load/codes.js';
import { type InputFile, listPeriods, loadAll, type LoadOptions, type LoadProgress, type LoadResult } from '../load/load.js';
import { FILE_KINDS } from '../load/schemas/index.js';
import { emptyBinding, runSqlFile } from '../sqlfile.js';
import { loadCached } from './cache.js';
import { buildIdentification } from './identification.js';
import { type ColumnDef, type IndicatorDef, type OutputDef, outputPath, outTable, TREND_COLUMNS } from './indicator.js';
import type { ParamInfo, ParamValues, ResolvedParams } from './params.js';
import { closure, dataYear, missingInputs, neededFiles, ordered, periodsFor, type Status, statusText } from './plan.js';
import { type Profile, yearContext } from './profile.js';
import { countStep, decideStep, type RunContext, runOutput } from './runner.js';
import { writeScenarios } from './scenarios.js';
import { buildSummary, type SummaryRow } from './summary.js';

export type { SummaryRow } from './summary.js';

export interface Effects {
  /** Progress and notes for a person (stderr); never data. */
  log(message: string): void;
  /** Injected clock: the only source of "now" in a run. */
  now(): Date;
  /** Files and rows loaded, the indicator being computed (a terminal progress bar; optional). */
  onProgress?(event: ProgressEvent): void;
}

export type ProgressEvent = LoadProgress | { stage: 'indicator'; id: string; done: number; total: number };

export interface RunConfig {
  dataDir: string;
  profile: Profile;
  year: string;
  params: ResolvedParams;
  /** Every parameter the engine knows, with its schema, stage and bind name. */
  catalog: ParamInfo[];
  indicators: IndicatorDef[];
  /** Indicator ids asked for with --only (undefined = all). */
  only?: string[];
  /** validate = load and verify only. */
  mode: 'run' | 'validate';
  /** The database is a --db file: reuse its loaded data when the inputs are unchanged. */
  reuseLoad?: boolean;
  /** --student-lists: build the restricted outputs (skipped otherwise: they are per student). */
  studentLists?: boolean;
  /** --encoding: how an input file that is not UTF-8 is read (default: it stops the run). */
  encoding?: LoadOptions['encoding'];
}

export interface IndicatorStatus {
  id: string;
  title: string;
  status: string;
  data_year: string | null;
  ms: number;
}

export interface OutputRef {
  /** Path under --out without extension (`tables/table-5a`), or null for collected outputs. */
  path: string | null;
  table: string;
  indicator: string;
  kind: 'summary' | 'districts' | 'table' | 'triggers' | 'restricted' | 'warnings' | 'notes';
  name: string;
  /** Columns of an output the engine makes itself (trend tables); else the OutputDef's. */
  columns?: ColumnDef[];
}

export interface RunResult {
  startedAt: string;
  steps: Record<string, number>;
  load: LoadResult;
  periods: string[];
  indicators: IndicatorStatus[];
  /** Typed status of every indicator computed or planned. */
  statuses: Map<string, Status>;
  summary: SummaryRow[];
  /** Output tables in the database. */
  outputs: OutputRef[];
  rejectRateExceeded: { file: string; rate: number }[];
  /** Consistency checks that failed (outputs of kind `warnings`), for run.json. */
  warnings: { indicator: string; code: string; message: string }[];
  /** The declaration of each output table (explain reads its key columns and options). */
  outputDefs?: Map<string, OutputDef>;
  /** Outputs of kind `notes`: run.json `modules.<indicator>.<key>`. */
  notes: Record<string, Record<string, unknown>>;
}

export function runContext(cfg: RunConfig): RunContext {
  return { year: cfg.year, profile: cfg.profile, catalog: cfg.catalog };
}

export async function derive(db: Db): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ethnicity_groups (code VARCHAR, grp VARCHAR)`);
  await db.appendRows('ethnicity_groups', Object.entries(ETHNICITY_GROUP));
  // the federal group of a record with this one code (profile idea-2016's sd_group, looked up once per code)
  await db.run(`ALTER TABLE ethnicity_groups ADD COLUMN sd_one VARCHAR`);
  await db.run(`UPDATE ethnicity_groups SET sd_one = sd_group(NULL, code, NULL, NULL, NULL)`);
  const dir = new URL('../../sql/derive/', import.meta.url);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.sql')).sort()) {
    await runSqlFile(db, new URL(f, dir), emptyBinding(), `sql/derive/${f}`);
  }
}

/** The served-population views over a `students` table (aggregate-shaped test fixtures build their own). */
export async function servedViews(db: Db): Promise<void> {
  await runSqlFile(db, new URL('../../sql/derive/20_served.sql', import.meta.url), emptyBinding(), 'sql/derive/20_served.sql');
}

/** The indicators a run computes, each after those it uses. */
export function plannedIndicators(cfg: RunConfig): IndicatorDef[] {
  return ordered(closure(cfg.indicators, cfg.only));
}

/** Load (or reuse a --db load), then derive. Shared by run, whatif and explain. */
/** `extra`: the values of what-if scenarios, whose modules may read more years than the baseline. */
export async function loadStage(
  db: Db,
  cfg: RunConfig,
  fx: Effects,
  time: <T>(name: string, fn: () => Promise<T>) => Promise<T>,
  extra: ParamValues[] = [],
): Promise<{ load: LoadResult; periods: string[] }> {
  const periods = periodsFor(plannedIndicators(cfg), cfg.params.values, cfg.year, listPeriods(cfg.dataDir), cfg.mode === 'validate' || !cfg.only, extra);
  const loadOpts = {
    dataDir: cfg.dataDir,
    kinds: FILE_KINDS,
    periods: cfg.mode === 'validate' ? listPeriods(cfg.dataDir) : periods,
    codeLists: { ...CODE_LISTS, ...(cfg.profile.codeLists ?? {}) } as Record<string, readonly string[]>,
    undupRule: cfg.params.values['load.undup_rule'] as 'keep_one' | 'drop_all',
    junPeriod: yearContext(cfg.year).jun_period,
    onProgress: fx.onProgress?.bind(fx),
    encoding: cfg.encoding,
    // --only reads what the indicators asked for need; validate (and a full run) reads everything.
    ...(cfg.only && cfg.mode !== 'validate' ? { need: needOf(neededFiles(plannedIndicators(cfg), cfg.params.values, cfg.year, TREND_YEARS, extra)) } : {}),
  };
  const load = await time('load and verify', () => (cfg.reuseLoad ? loadCached(db, loadOpts, (m) => fx.log(m)) : loadAll(db, loadOpts)));
  return { load, periods: loadOpts.periods };
}

const needOf =
  (want: Set<string>) =>
  (i: InputFile): boolean =>
    want.has(i.period ? `${i.kind.id}@${i.period}` : i.kind.id);

/** Whether an indicator can run: its inputs are present and what it uses was computed. */
export function indicatorStatus(cfg: RunConfig, ind: IndicatorDef, present: Set<string>, done: Map<string, Status>): Status {
  const missing = missingInputs(ind.inputs, dataYear(cfg.params.values, ind, cfg.year), present);
  if (missing.length) return { state: 'missing', paths: missing };
  for (const u of ind.uses ?? []) {
    const s = done.get(u);
    if (s && s.state !== 'computed') return { state: 'dependency', on: u, reason: statusText(s) };
  }
  return { state: 'computed' };
}

export function timer(steps: Record<string, number>, fx: Effects) {
  return async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    fx.log(`${name} …`);
    const r = await fn();
    steps[name] = Math.round(performance.now() - t0);
    return r;
  };
}

export async function runPipeline(db: Db, cfg: RunConfig, fx: Effects): Promise<RunResult> {
  const startedAt = fx.now().toISOString();
  const steps: Record<string, number> = {};
  const time = timer(steps, fx);
  const { load, periods } = await loadStage(db, cfg, fx, time);
  const maxRate = Number(cfg.params.values['load.max_reject_rate']);
  const casemisKinds = new Set(FILE_KINDS.filter((k) => k.casemis).map((k) => k.id));
  const rejectRateExceeded = load.files
    .filter((f) => casemisKinds.has(f.kind) && f.rows_read > 0 && f.rows_rejected / f.rows_read > maxRate)
    .map((f) => ({ file: f.file, rate: f.rows_rejected / f.rows_read }));

  const loadWarnings = load.warnings.map((w) => ({ indicator: 'load', ...w }));
  const result: RunResult = { startedAt, steps, load, periods, indicators: [], statuses: new Map(), summary: [], outputs: [], rejectRateExceeded, warnings: loadWarnings, notes: {} };
  if (cfg.mode === 'validate') return result;

  await time('derive', () => derive(db));
  const rc = runContext(cfg);
  const values = cfg.params.values;
  await writeScenarios(db, cfg.catalog, [{ id: 0, values }]);
  const planned = plannedIndicators(cfg);
  const computed: { ind: IndicatorDef; status: Status }[] = [];
  for (const ind of cfg.indicators) {
    if (!planned.includes(ind)) {
      result.indicators.push({ id: ind.id, title: ind.title, status: statusText({ state: 'not_requested' }), data_year: null, ms: 0 });
    }
  }
  for (const ind of planned) {
    const t0 = performance.now();
    fx.onProgress?.({ stage: 'indicator', id: ind.id, done: planned.indexOf(ind), total: planned.length });
    fx.log(`indicator ${ind.id} …`);
    const status = indicatorStatus(cfg, ind, load.present, result.statuses);
    const ctx = dataYear(values, ind, cfg.year);
    if (status.state === 'computed') {
      await countStep(db, rc, ind, values);
      await decideStep(db, rc, ind, values);
      for (const out of ind.outputs) {
        if (out.needs && missingInputs(out.needs, ctx, load.present).length) continue;
        if (out.kind === 'restricted' && !cfg.studentLists) continue;
        const table = await runOutput(db, rc, ind, out, values);
        if (out.kind === 'warnings') {
          const rows = await db.all<{ code: string; message: string }>(`SELECT code::VARCHAR AS code, message::VARCHAR AS message FROM ${table} ORDER BY ALL`);
          result.warnings.push(...rows.map((r) => ({ indicator: ind.id, ...r })));
          continue;
        }
        if (out.kind === 'notes') {
          const rows = await db.all<{ key: string; value: string }>(`SELECT key::VARCHAR AS key, value::VARCHAR AS value FROM ${table} ORDER BY key`);
          result.notes[ind.id] = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
          continue;
        }
        if (out.skipWhenEmpty && (await db.scalar(`SELECT count(*) FROM ${table}`)) === 0) continue;
        result.outputs.push({ path: outputPath(ind, out), table, indicator: ind.id, kind: out.kind, name: out.name ?? ind.id });
        (result.outputDefs ??= new Map()).set(table, out);
      }
    }
    const ms = Math.round(performance.now() - t0);
    steps[`indicator ${ind.id}`] = ms;
    result.statuses.set(ind.id, status);
    result.indicators.push({ id: ind.id, title: ind.title, status: statusText(status), data_year: ctx.year, ms });
    computed.push({ ind, status });
  }
  await time('trends', () => trends(db, cfg, rc, result, planned, load.present));
  // Keep the manifest in declaration order.
  const order = new Map(cfg.indicators.map((i, n) => [i.id, n]));
  result.indicators.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  computed.sort((a, b) => order.get(a.ind.id)! - order.get(b.ind.id)!);

  // DATA-CONTRACT.md 1: when no input is usable for any indicator asked for, the run stops.
  // The self-review module (no measures, no required input) runs on whatever is there: it does not
  // make a folder without usable inputs a run.
  const asked = computed.filter((c) => (!cfg.only || cfg.only.includes(c.ind.id)) && c.ind.measures.length > 0);
  // An indicator is usable when it ran and at least one of its measures has its own inputs too.
  const missingOf = (c: (typeof computed)[number]): string[] => {
    if (c.status.state === 'missing') return c.status.paths;
    const ctx = dataYear(values, c.ind, cfg.year);
    const perMeasure = c.ind.measures.map((m) => missingInputs(m.needs ?? [], ctx, load.present));
    return perMeasure.every((m) => m.length > 0) ? perMeasure.flat() : [];
  };
  if (asked.length && asked.every((c) => missingOf(c).length > 0)) {
    const missing = [...new Set(asked.flatMap(missingOf))];
    throw new InputError(`no input is usable for the indicators asked for (${asked.map((c) => c.ind.id).join(', ')}): missing ${missing.join(', ')}`);
  }
  await time('identification', () => buildIdentification(db, result.outputs.filter((o) => o.kind === 'triggers').map((o) => o.table)));
  result.summary = await buildSummary(db, rc, values, computed, load.present);
  return result;
}

export { outTable };

/** How many data years before an indicator's own a trend table looks for. */
const TREND_YEARS = 3;

/**
 * tables/trend-<id>.csv for indicators declaring `trend`: the summary measures of each earlier data
 * year whose inputs are present (the same count, decide and summary SQL with the data year shifted),
 * then the run's own year. Years whose measures are not computed (e.g. a missing cohort) are left out.
 */
async function trends(db: Db, cfg: RunConfig, rc: RunContext, result: RunResult, planned: IndicatorDef[], present: Set<string>): Promise<void> {
  for (const ind of planned.filter((i) => i.trend && result.statuses.get(i.id)?.state === 'computed')) {
    const summaryOut = ind.outputs.find((o) => o.kind === 'summary');
    if (!summaryOut) continue;
    const offsetName = `${ind.paramPrefix}.data_year_offset`;
    const base = Number(cfg.params.values[offsetName] ?? 0);
    const table = `out_${ind.id}_trend`.replace(/[^A-Za-z0-9_]/g, '_');
    await db.run(`CREATE OR REPLACE TABLE ${table} (year VARCHAR, id VARCHAR, numerator BIGINT, denominator BIGINT, value DOUBLE)`);
    // A summary row joins the trend unless its own status says it is not computed.
    const collect = async (source: string, year: string): Promise<void> => {
      const hasStatus = (await db.scalar(`SELECT count(*) FROM (DESCRIBE ${source}) WHERE column_name = 'status'`)) > 0;
      await db.run(
        `INSERT INTO ${table} SELECT $year, id, numerator, denominator, value FROM ${source}
         ${hasStatus ? `WHERE coalesce(status, 'computed') = 'computed'` : ''}`,
        { year },
      );
    };
    for (let k = TREND_YEARS; k >= 1; k--) {
      const values = { ...cfg.params.values, [offsetName]: base - k };
      const ctx = dataYear(values, ind, cfg.year);
      if (missingInputs(ind.inputs, ctx, present).length) continue;
      await countStep(db, rc, ind, values);
      await decideStep(db, rc, ind, values);
      await collect(await runOutput(db, rc, ind, summaryOut, values, 'trend_batch'), ctx.year);
    }
    await collect(outTable(ind, summaryOut), dataYear(cfg.params.values, ind, cfg.year).year);
    result.outputs.push({ path: `tables/trend-${ind.id}`, table, indicator: ind.id, kind: 'table', name: `trend-${ind.id}`, columns: TREND_COLUMNS });
  }
}

/**
 * One indicator on an already-derived database (aggregate-shaped test fixtures): scenario 0,
 * count, decide and every output whose inputs are in `present`.
 */
export async function runIndicator(db: Db, cfg: RunConfig, ind: IndicatorDef, present: Set<string>): Promise<{ status: string }> {
  const status = indicatorStatus(cfg, ind, present, new Map());
  if (status.state !== 'computed') return { status: statusText(status) };
  const rc = runContext(cfg);
  const values = cfg.params.values;
  await writeScenarios(db, cfg.catalog, [{ id: 0, values }]);
  await countStep(db, rc, ind, values);
  await decideStep(db, rc, ind, values);
  const ctx = dataYear(values, ind, cfg.year);
  for (const out of ind.outputs) {
    if (out.needs && missingInputs(out.needs, ctx, present).length) continue;
    await runOutput(db, rc, ind, out, values);
  }
  return { status: 'computed' };
}

export function repoPath(rel: string): string {
  return fileURLToPath(new URL(`../../${rel}`, import.meta.url));
}
