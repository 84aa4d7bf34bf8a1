import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, type Params, quoteIdent } from '../db.js';
import { InputError } from '../errors.js';
import { CODE_LISTS, ETHNICITY_GROUP } from '../load/codes.js';
import { discover, listPeriods, loadAll, type LoadOptions, type LoadResult } from '../load/load.js';
import { FILE_KINDS } from '../load/schemas/index.js';
import { bindFor, runSqlFile, splitStatements } from '../sqlfile.js';
import { MEASURE_CATALOG } from './catalog.js';
import type { IndicatorDef, MeasureDef } from './indicator.js';
import { groupValues, type ResolvedParams } from './params.js';
import { type Profile, yearContext } from './profile.js';

export interface Effects {
  /** Progress and notes for a person (stderr); never data. */
  log(message: string): void;
  /** Injected clock: the only source of "now" in a run. */
  now(): Date;
}

export interface RunConfig {
  dataDir: string;
  profile: Profile;
  year: string;
  params: ResolvedParams;
  indicators: IndicatorDef[];
  /** Indicator ids asked for with --only (undefined = all). */
  only?: string[];
  /** validate = load and verify only. */
  mode: 'run' | 'validate';
  /** The database is a --db file: reuse its loaded data when the inputs are unchanged. */
  reuseLoad?: boolean;
}

export interface IndicatorStatus {
  id: string;
  title: string;
  status: string;
  data_year: string | null;
  ms: number;
}

export interface SummaryRow {
  id: string;
  indicator: string;
  title: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  display: string;
  target: number | null;
  target_met: 'yes' | 'no' | '';
  status: string;
}

export interface RunResult {
  startedAt: string;
  steps: Record<string, number>;
  load: LoadResult;
  periods: string[];
  indicators: IndicatorStatus[];
  summary: SummaryRow[];
  /** Output tables in the database: name → DuckDB table (e.g. `tables/table-5a` → out_5_table_5a). */
  outputs: { path: string; table: string }[];
  rejectRateExceeded: { file: string; rate: number }[];
}

// Rules and schemas are part of what a cached load depends on.
const RULES_DIR = new URL('../../sql/rules/', import.meta.url);
const ENGINE_FINGERPRINT = createHash('sha256')
  .update(JSON.stringify(FILE_KINDS))
  .update(
    readdirSync(RULES_DIR, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => `${f}\n${readFileSync(new URL(f, RULES_DIR), 'utf8')}`)
      .join('\n'),
  )
  .digest('hex');

export function paramName(measureId: string): string {
  return `t_${measureId.replace(/[^A-Za-z0-9]/g, '_')}`;
}

function selected(cfg: RunConfig): IndicatorDef[] {
  return cfg.only ? cfg.indicators.filter((i) => cfg.only!.includes(i.id)) : cfg.indicators;
}

/** Submission folders a run reads: DEC and JUN of Y, and those of every selected indicator's data year. */
function periodsFor(cfg: RunConfig, present: string[]): string[] {
  if (cfg.mode === 'validate') return present;
  const want = new Set<string>();
  const base = yearContext(cfg.year);
  want.add(base.dec_period).add(base.jun_period);
  for (const ind of selected(cfg)) {
    const ctx = yearContext(cfg.year, Number(cfg.params.values[`${ind.paramPrefix}.data_year_offset`] ?? 0));
    for (const need of ind.inputs) if (need.period) want.add(need.period === 'DEC' ? ctx.dec_period : ctx.jun_period);
  }
  // The June of every data year the profile names, also for indicators not computed here (4A/4B read Y-1).
  if (!cfg.only) {
    for (const [name, v] of Object.entries(cfg.params.values)) {
      if (name.endsWith('.data_year_offset') && typeof v === 'number' && v !== 0) want.add(yearContext(cfg.year, v).jun_period);
    }
  }
  return present.filter((p) => want.has(p));
}

function inputPath(kind: string, period?: string): string {
  const k = FILE_KINDS.find((f) => f.id === kind);
  const path = k?.path ?? kind;
  return period ? path.replace('{period}', period) : path;
}

export async function derive(db: Db): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ethnicity_groups (code VARCHAR, grp VARCHAR)`);
  await db.appendRows('ethnicity_groups', Object.entries(ETHNICITY_GROUP));
  const dir = new URL('../../sql/derive/', import.meta.url);
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.sql')).sort()) {
    await runSqlFile(db, new URL(f, dir), {}, `sql/derive/${f}`);
  }
}

function targetOf(cfg: RunConfig, ind: IndicatorDef, m: MeasureDef): number | null {
  if (m.targetParam) {
    const v = cfg.params.values[`${ind.paramPrefix}.${m.targetParam}`];
    return typeof v === 'number' ? v : null;
  }
  return cfg.profile.targets[m.id] ?? null;
}

export function outTable(ind: IndicatorDef, name: string): string {
  return `out_${ind.id}_${name}`.replace(/[^A-Za-z0-9_]/g, '_');
}

export async function runIndicator(db: Db, cfg: RunConfig, ind: IndicatorDef, present: Set<string>): Promise<{ status: string; dataYear: string }> {
  const offset = Number(cfg.params.values[`${ind.paramPrefix}.data_year_offset`] ?? 0);
  const ctx = yearContext(cfg.year, offset);
  const missing: string[] = [];
  for (const need of ind.inputs) {
    const period = need.period === 'DEC' ? ctx.dec_period : need.period === 'JUN' ? ctx.jun_period : undefined;
    if (!present.has(period ? `${need.kind}@${period}` : need.kind)) missing.push(inputPath(need.kind, period));
  }
  if (missing.length) return { status: `not computed: missing ${missing.join(', ')}`, dataYear: ctx.year };
  const params: Params = { ...ctx };
  for (const [k, v] of Object.entries(groupValues(cfg.params.values, ind.paramPrefix))) params[k] = v as Params[string];
  for (const m of ind.measures) params[paramName(m.id)] = targetOf(cfg, ind, m);
  const dir = new URL('./', ind.dir);
  const where = (f: string): string => `indicators/${ind.id}/${f}`;
  for (const f of ind.prepare ?? []) await runSqlFile(db, new URL(f, dir), params, where(f));
  for (const out of ind.outputs) {
    const stmts = splitStatements(readFileSync(new URL(out.file, dir), 'utf8'));
    const last = stmts.pop();
    if (!last) throw new Error(`${where(out.file)} is empty`);
    for (const s of stmts) await db.run(s, bindFor(s, params, where(out.file)));
    await db.run(`CREATE OR REPLACE TABLE ${quoteIdent(outTable(ind, out.name))} AS ${last}`, bindFor(last, params, where(out.file)));
  }
  return { status: 'computed', dataYear: ctx.year };
}

function display(value: number | null, precision: number): string {
  return value === null || !Number.isFinite(value) ? '' : `${value.toFixed(precision)}%`;
}

function num(v: unknown): number | null {
  return v === null || v === undefined || v === '' ? null : Number(v);
}

/**
 * --db: the loaded tables persist in the file with a fingerprint of what produced them (input paths,
 * sizes, sha256, periods, load parameters, rules). A run whose fingerprint matches skips load and verify.
 */
async function loadCached(db: Db, opts: LoadOptions, fx: Effects): Promise<LoadResult> {
  const { inputs } = discover(opts.dataDir, opts.kinds, opts.periods);
  const h = createHash('sha256');
  h.update(JSON.stringify({ periods: opts.periods, undup: opts.undupRule, jun: opts.junPeriod, codes: opts.codeLists, engine: ENGINE_FINGERPRINT }));
  for (const i of inputs) {
    const buf = readFileSync(join(opts.dataDir, i.relPath));
    h.update(`${i.relPath}\0${buf.length}\0`).update(createHash('sha256').update(buf).digest('hex'));
  }
  const fingerprint = h.digest('hex');
  await db.run(`CREATE TABLE IF NOT EXISTS apr_load_cache (fingerprint VARCHAR, result VARCHAR)`);
  const hit = await db.one<{ result: string }>(`SELECT result FROM apr_load_cache WHERE fingerprint = $f`, { f: fingerprint });
  if (hit) {
    fx.log('inputs unchanged: reusing the loaded data in the --db file');
    const r = JSON.parse(hit.result) as Omit<LoadResult, 'present'> & { present: string[] };
    return { ...r, present: new Set(r.present), reused: true };
  }
  const result = await loadAll(db, opts);
  await db.run(`DELETE FROM apr_load_cache`);
  await db.run(`INSERT INTO apr_load_cache VALUES ($f, $r)`, { f: fingerprint, r: JSON.stringify({ ...result, present: [...result.present] }) });
  return result;
}

export async function runPipeline(db: Db, cfg: RunConfig, fx: Effects): Promise<RunResult> {
  const startedAt = fx.now().toISOString();
  const steps: Record<string, number> = {};
  const time = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    fx.log(`${name} …`);
    const r = await fn();
    steps[name] = Math.round(performance.now() - t0);
    return r;
  };
  const allPeriods = listPeriods(cfg.dataDir);
  const periods = periodsFor(cfg, allPeriods);
  const codeLists = { ...CODE_LISTS, ...(cfg.profile.codeLists ?? {}) } as Record<string, readonly string[]>;
  const loadOpts = {
    dataDir: cfg.dataDir,
    kinds: FILE_KINDS,
    periods,
    codeLists,
    undupRule: cfg.params.values['load.undup_rule'] as 'keep_one' | 'drop_all',
    junPeriod: yearContext(cfg.year).jun_period,
  };
  const load = await time('load and verify', () => (cfg.reuseLoad ? loadCached(db, loadOpts, fx) : loadAll(db, loadOpts)));
  const maxRate = Number(cfg.params.values['load.max_reject_rate']);
  const casemisKinds = new Set(FILE_KINDS.filter((k) => k.casemis).map((k) => k.id));
  const rejectRateExceeded = load.files
    .filter((f) => casemisKinds.has(f.kind) && f.rows_read > 0 && f.rows_rejected / f.rows_read > maxRate)
    .map((f) => ({ file: f.file, rate: f.rows_rejected / f.rows_read }));

  const result: RunResult = { startedAt, steps, load, periods, indicators: [], summary: [], outputs: [], rejectRateExceeded };
  if (cfg.mode === 'validate') return result;

  await time('derive', () => derive(db));
  const chosen = selected(cfg);
  for (const ind of cfg.indicators) {
    if (!chosen.includes(ind)) {
      result.indicators.push({ id: ind.id, title: ind.title, status: 'not computed: not requested (--only)', data_year: null, ms: 0 });
      continue;
    }
    const t0 = performance.now();
    fx.log(`indicator ${ind.id} …`);
    const { status, dataYear } = await runIndicator(db, cfg, ind, load.present);
    const ms = Math.round(performance.now() - t0);
    steps[`indicator ${ind.id}`] = ms;
    result.indicators.push({ id: ind.id, title: ind.title, status, data_year: dataYear, ms });
    if (status !== 'computed') continue;
    for (const out of ind.outputs) {
      const table = outTable(ind, out.name);
      if (out.name === 'summary') continue;
      result.outputs.push({ path: out.name === 'districts' ? `districts/${ind.id}` : `tables/${out.name}`, table });
    }
  }
  // DATA-CONTRACT.md 1: when no input is usable for any indicator asked for, the run stops.
  const asked = result.indicators.filter((i) => chosen.some((c) => c.id === i.id));
  if (asked.length && asked.every((i) => i.status.startsWith('not computed: missing '))) {
    const missing = [...new Set(asked.flatMap((i) => i.status.replace('not computed: missing ', '').split(', ')))];
    throw new InputError(`no input is usable for the indicators asked for (${asked.map((i) => i.id).join(', ')}): missing ${missing.join(', ')}`);
  }
  result.summary = await buildSummary(db, cfg, result.indicators);
  return result;
}

async function buildSummary(db: Db, cfg: RunConfig, statuses: IndicatorStatus[]): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (const entry of MEASURE_CATALOG) {
    const ind = cfg.indicators.find((i) => i.measures.some((m) => m.id === entry.id));
    const measure = ind?.measures.find((m) => m.id === entry.id);
    const base: SummaryRow = {
      id: entry.id,
      indicator: entry.indicator,
      title: measure?.title ?? entry.title,
      numerator: null,
      denominator: null,
      value: null,
      display: '',
      target: null,
      target_met: '',
      status: `not computed: indicator ${entry.indicator} is not implemented in this engine version`,
    };
    if (!ind || !measure) {
      rows.push(base);
      continue;
    }
    base.target = targetOf(cfg, ind, measure);
    const st = statuses.find((s) => s.id === ind.id);
    if (!st || st.status !== 'computed') {
      rows.push({ ...base, status: st?.status ?? 'not computed' });
      continue;
    }
    const r = await db.one<Record<string, unknown>>(`SELECT * FROM ${quoteIdent(outTable(ind, 'summary'))} WHERE id = $id`, { id: entry.id });
    if (!r) {
      rows.push({ ...base, status: 'not computed: no result row' });
      continue;
    }
    const value = num(r.value);
    const status = typeof r.status === 'string' && r.status ? r.status : 'computed';
    let met: SummaryRow['target_met'] = '';
    if (status === 'computed' && value !== null && base.target !== null) {
      if (typeof r.target_met === 'string') met = r.target_met === 'yes' ? 'yes' : 'no';
      else if (measure.targetOp) met = (measure.targetOp === '>=' ? value >= base.target : value <= base.target) ? 'yes' : 'no';
    }
    rows.push({
      ...base,
      numerator: num(r.numerator),
      denominator: num(r.denominator),
      value: status === 'computed' ? value : null,
      display: status === 'computed' ? display(value, measure.precision) : '',
      target_met: met,
      status,
    });
  }
  return rows;
}

export function repoPath(rel: string): string {
  return fileURLToPath(new URL(`../../${rel}`, import.meta.url));
}
