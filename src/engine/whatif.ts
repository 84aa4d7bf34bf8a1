// apr whatif: the identification list over a grid of parameter values. Load once; each distinct
// set of count-stage values is counted once; every scenario sharing it is decided in one query over
// the scenarios table. Scenario 0 is the baseline (the run without --vary).
import { type Db, quoteIdent } from '../db.js';
import { UsageError } from '../errors.js';
import { triggersUnion } from './identification.js';
import type { LoadResult } from '../load/load.js';
import type { IndicatorDef } from './indicator.js';
import { findParam, type ParamInfo, type ParamValues, valueFromText } from './params.js';
import { dataYear, missingInputs, type Status } from './plan.js';
import { derive, type Effects, indicatorStatus, loadStage, plannedIndicators, type RunConfig, runContext, timer } from './run.js';
import { countStep, decideStep, runOutput } from './runner.js';
import { type Scenario, writeScenarios } from './scenarios.js';

export interface Vary {
  param: ParamInfo;
  /** Parsed values, in the order given. */
  values: unknown[];
  /** The values as written (column text of scenarios.csv). */
  labels: string[];
}

const MAX_SCENARIOS = 100_000;

/**
 * `NAME=LIST`: a comma list (`3,4,5,8`) or an inclusive range `start:stop:step` (`0.5:5:0.5`). A list
 * parameter takes its alternatives separated by `|` (`ind4.dspl_types=10,20|10,20,30`).
 */
/**
 * start, start + step, … up to stop (included when reached), stepped in exact decimals: the three
 * are scaled to integers, so 2:4:0.5 gives 2, 2.5, 3, 3.5, 4 and 0.1:0.3:0.1 ends at 0.3 (binary
 * arithmetic gives 0.30000000000000004 and would drop it or print it).
 */
export function decimalRange(start: string, stop: string, step: string, where = '--vary', spec = `${start}:${stop}:${step}`): string[] {
  const places = Math.max(...[start, stop, step].map((t) => t.split('.')[1]?.length ?? 0));
  const scaled = (t: string): bigint => {
    const [int, frac = ''] = t.replace('-', '').split('.');
    const v = BigInt(`${int}${frac.padEnd(places, '0')}`);
    return t.startsWith('-') ? -v : v;
  };
  const [a, b, s] = [scaled(start), scaled(stop), scaled(step)];
  if (s <= 0n || b < a) throw new UsageError(`${where}: a range needs start ≤ stop and a step above 0 (got "${spec}")`);
  const n = (b - a) / s + 1n;
  if (n > BigInt(MAX_SCENARIOS)) throw new UsageError(`${where}: ${n} values is more than ${MAX_SCENARIOS}`);
  const text = (v: bigint): string => {
    const neg = v < 0n;
    const digits = (neg ? -v : v).toString().padStart(places + 1, '0');
    const int = digits.slice(0, digits.length - places);
    const frac = digits.slice(digits.length - places).replace(/0+$/, '');
    return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
  };
  return Array.from({ length: Number(n) }, (_, i) => text(a + BigInt(i) * s));
}

export function parseVary(catalog: ParamInfo[], arg: string): Vary {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new UsageError(`--vary takes NAME=LIST or NAME=start:stop:step (got "${arg}")`);
  const param = findParam(catalog, arg.slice(0, eq).trim());
  // A sweep reuses one load: a load-stage parameter (unduplication, which folders are read, the
  // writers) cannot vary inside it. Run those as separate `apr run`s.
  if (param.stage === 'load') {
    throw new UsageError(`--vary ${param.name}: this parameter changes what is loaded or written, not identification; compare separate \`apr run --param ${param.name}=…\` runs instead`);
  }
  const spec = arg.slice(eq + 1).trim();
  const where = `--vary ${param.name}`;
  let texts: string[];
  const range = /^(-?[0-9]+(?:\.[0-9]+)?):(-?[0-9]+(?:\.[0-9]+)?):([0-9]+(?:\.[0-9]+)?)$/.exec(spec);
  if (param.sqlType.endsWith('[]')) texts = spec.split('|').map((s) => s.trim());
  else if (range) texts = decimalRange(range[1]!, range[2]!, range[3]!, where, spec);
  else texts = spec.split(',').map((s) => s.trim());
  if (!texts.length || texts.some((t) => t === '')) throw new UsageError(`${where}: empty value in "${spec}"`);
  return { param, values: texts.map((t) => valueFromText(param, t, where)), labels: texts };
}

/** The cartesian grid, the first --vary changing slowest; scenario ids from 1. */
export function grid(base: ParamValues, varies: Vary[]): { scenarios: Scenario[]; labels: string[][] } {
  let rows: { values: ParamValues; labels: string[] }[] = [{ values: { ...base }, labels: [] }];
  for (const v of varies) {
    rows = rows.flatMap((r) => v.values.map((val, i) => ({ values: { ...r.values, [v.param.name]: val }, labels: [...r.labels, v.labels[i]!] })));
  }
  if (rows.length > MAX_SCENARIOS) throw new UsageError(`the grid has ${rows.length} scenarios; at most ${MAX_SCENARIOS}`);
  return { scenarios: rows.map((r, i) => ({ id: i + 1, values: r.values })), labels: rows.map((r) => r.labels) };
}

export interface WhatifResult {
  steps: Record<string, number>;
  /** Trigger ids in column order, and whether each could be evaluated on these inputs. */
  triggers: { id: string; evaluated: boolean }[];
  varies: Vary[];
  scenarioCount: number;
  /** Distinct sets of count-stage values (each counted once). */
  countGroups: number;
  /** Indicator count steps run over all groups (only those whose values changed re-count). */
  countRuns: number;
  baseline: Record<string, number | null>;
  /** Columns the indicators add after the trigger counts (sd_pairs). */
  extraColumns: string[];
  rows: Record<string, string | number | null>[];
}

/** The count-stage values an indicator's count step depends on (its own and those it uses). */
function countSignature(cfg: RunConfig, ind: IndicatorDef, values: ParamValues): string {
  const prefixes = new Set<string>([ind.paramPrefix]);
  const add = (id: string): void => {
    const dep = cfg.indicators.find((i) => i.id === id);
    if (!dep || prefixes.has(dep.paramPrefix)) return;
    prefixes.add(dep.paramPrefix);
    (dep.uses ?? []).forEach(add);
  };
  (ind.uses ?? []).forEach(add);
  return JSON.stringify(cfg.catalog.filter((p) => p.stage === 'count' && prefixes.has(p.group)).map((p) => values[p.name]));
}

/** `loaded`: the database already holds this load (the benchmark sweeps after a run). */
export async function runWhatif(db: Db, cfg: RunConfig, varies: Vary[], fx: Effects, loaded?: LoadResult): Promise<WhatifResult> {
  const steps: Record<string, number> = {};
  const time = timer(steps, fx);
  const base = cfg.params.values;
  const { scenarios, labels } = grid(base, varies);
  const load = loaded ?? (await loadStage(db, cfg, fx, time, scenarios.map((s) => s.values))).load;
  await time('derive', () => derive(db));
  const rc = runContext(cfg);
  const all: Scenario[] = [{ id: 0, values: base }, ...scenarios];

  // Which indicators can run at all, and which trigger outputs they have on these inputs.
  const planned = plannedIndicators(cfg);
  const statuses = new Map<string, Status>();
  const runnable: IndicatorDef[] = [];
  for (const ind of planned) {
    const s = indicatorStatus(cfg, ind, load.present, statuses);
    statuses.set(ind.id, s);
    if (s.state === 'computed') runnable.push(ind);
  }
  const triggerOutputs = runnable.flatMap((ind) =>
    ind.outputs
      .filter((o) => o.kind === 'triggers' && !(o.needs && missingInputs(o.needs, dataYear(base, ind, cfg.year), load.present).length))
      .map((o) => ({ ind, out: o })),
  );
  const evaluated = new Set(triggerOutputs.flatMap(({ ind, out }) => out.triggers ?? ind.triggers ?? []));
  const triggerIds = [...new Set(cfg.indicators.flatMap((i) => i.triggers ?? []))];

  // Group scenarios by every count-stage value: each group is counted once.
  const countParams = cfg.catalog.filter((p) => p.stage === 'count');
  const groups = new Map<string, Scenario[]>();
  for (const s of all) {
    const key = JSON.stringify(countParams.map((p) => s.values[p.name]));
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  await db.run(`CREATE OR REPLACE TEMP TABLE whatif_triggers AS SELECT * FROM (${triggersUnion([])})`);
  await db.run(`CREATE OR REPLACE TEMP TABLE whatif_extra (col VARCHAR, scenario INTEGER, value BIGINT)`);
  const extras = runnable.flatMap((ind) => (ind.whatifColumns ?? []).map((c) => ({ ind, ...c })));
  const counted = new Map<string, string>();
  let countRuns = 0;
  await time('scenarios', async () => {
    for (const group of groups.values()) {
      const values = group[0]!.values;
      for (const ind of runnable) {
        const sig = countSignature(cfg, ind, values);
        if (counted.get(ind.id) !== sig) {
          await countStep(db, rc, ind, values);
          counted.set(ind.id, sig);
          countRuns++;
        }
      }
      await writeScenarios(db, cfg.catalog, group);
      for (const ind of runnable) await decideStep(db, rc, ind, values);
      for (const { ind, out } of triggerOutputs) {
        // Counts and changes need no sentences: leave them out so they are never formatted.
        const t = await runOutput(db, rc, ind, out, values, 'whatif_batch', ['scenario', 'district', 'trigger', 'value', 'threshold', 'numerator', 'denominator']);
        await db.run(`INSERT INTO whatif_triggers SELECT * FROM (${triggersUnion([t], false)})`);
      }
      for (const x of extras) {
        const t = await runOutput(db, rc, x.ind, { kind: 'table', file: x.file }, values, 'whatif_batch');
        await db.run(`INSERT INTO whatif_extra SELECT $c, scenario::INTEGER, value::BIGINT FROM ${quoteIdent(t)}`, { c: x.column });
      }
    }
  });

  // scenario × trigger counts, identified districts, entered and left against scenario 0.
  await db.run(`CREATE OR REPLACE TEMP TABLE whatif_ids AS SELECT DISTINCT scenario, district FROM whatif_triggers`);
  await db.run(`CREATE OR REPLACE TEMP TABLE whatif_changes AS
    WITH pairs AS (SELECT DISTINCT scenario, district, "trigger" FROM whatif_triggers),
    base AS (SELECT district, "trigger" FROM pairs WHERE scenario = 0),
    sc AS (SELECT range::INTEGER AS scenario FROM range(1, $n))
    SELECT p.scenario, p.district, p."trigger", 'entered' AS change
    FROM pairs p ANTI JOIN base b ON b.district = p.district AND b."trigger" = p."trigger"
    WHERE p.scenario > 0
    UNION ALL
    SELECT x.scenario, x.district, x."trigger", 'left'
    FROM (SELECT sc.scenario, b.district, b."trigger" FROM sc CROSS JOIN base b) x
    ANTI JOIN pairs p ON p.scenario = x.scenario AND p.district = x.district AND p."trigger" = x."trigger"`,
    { n: all.length });
  const counts = await db.all<{ scenario: number; trigger: string; n: number }>(
    `SELECT scenario, "trigger", count(DISTINCT district)::INTEGER AS n FROM whatif_triggers GROUP BY ALL`,
  );
  const dist = await db.all<{ scenario: number; identified: number; entered: number; left: number }>(
    `WITH b AS (SELECT district FROM whatif_ids WHERE scenario = 0), sc AS (SELECT range::INTEGER AS scenario FROM range(0, $n))
     SELECT sc.scenario,
            (SELECT count(*) FROM whatif_ids i WHERE i.scenario = sc.scenario)::INTEGER AS identified,
            (SELECT count(*) FROM whatif_ids i WHERE i.scenario = sc.scenario AND i.district NOT IN (SELECT district FROM b))::INTEGER AS entered,
            (SELECT count(*) FROM b WHERE b.district NOT IN (SELECT district FROM whatif_ids i WHERE i.scenario = sc.scenario))::INTEGER AS "left"
     FROM sc`,
    { n: all.length },
  );
  const extraRows = await db.all<{ col: string; scenario: number; value: number }>(`SELECT col, scenario, value::DOUBLE AS value FROM whatif_extra`);
  const extraOf = new Map(extraRows.map((e) => [`${e.scenario}|${e.col}`, e.value]));
  const extraCols = (id: number): Record<string, number> => Object.fromEntries(extras.map((x) => [x.column, extraOf.get(`${id}|${x.column}`) ?? 0]));
  const byScenario = new Map(dist.map((d) => [d.scenario, d]));
  const countOf = new Map(counts.map((c) => [`${c.scenario}|${c.trigger}`, c.n]));
  const triggerCols = (id: number): Record<string, number | null> =>
    Object.fromEntries(triggerIds.map((t) => [t, evaluated.has(t) ? (countOf.get(`${id}|${t}`) ?? 0) : null]));
  const rows = scenarios.map((s, i) => {
    const d = byScenario.get(s.id)!;
    return {
      scenario: s.id,
      ...Object.fromEntries(varies.map((v, k) => [v.param.name, labels[i]![k]!])),
      ...triggerCols(s.id),
      ...extraCols(s.id),
      identified: d.identified,
      entered: d.entered,
      left: d.left,
    };
  });
  const b0 = byScenario.get(0)!;
  return {
    steps,
    triggers: triggerIds.map((id) => ({ id, evaluated: evaluated.has(id) })),
    varies,
    scenarioCount: scenarios.length,
    countGroups: groups.size,
    countRuns,
    baseline: { ...triggerCols(0), ...extraCols(0), identified: b0.identified },
    extraColumns: extras.map((x) => x.column),
    rows,
  };
}

/** whatif/scenarios.csv and whatif/changes.csv (OUTPUTS.md). */
export async function writeWhatif(db: Db, res: WhatifResult, dir: string): Promise<void> {
  const cols = ['scenario', ...res.varies.map((v) => v.param.name), ...res.triggers.map((t) => t.id), ...res.extraColumns, 'identified', 'entered', 'left'];
  await db.run(`CREATE OR REPLACE TEMP TABLE whatif_scenarios (${cols.map((c, i) => `${quoteIdent(c)} ${i === 0 ? 'INTEGER' : i <= res.varies.length ? 'VARCHAR' : 'INTEGER'}`).join(', ')})`);
  await db.appendRows('whatif_scenarios', res.rows.map((r) => cols.map((c) => r[c] ?? null)));
  await db.run(`COPY (SELECT * FROM whatif_scenarios ORDER BY scenario) TO $p (FORMAT csv, HEADER true)`, { p: `${dir}/scenarios.csv` });
  await db.run(
    `COPY (SELECT c.scenario, c.district, d.district_name, c."trigger", c.change FROM whatif_changes c LEFT JOIN district_list d USING (district)
           ORDER BY c.scenario, c.district, c."trigger", c.change) TO $p (FORMAT csv, HEADER true)`,
    { p: `${dir}/changes.csv` },
  );
}
