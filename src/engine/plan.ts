// Planning: which indicators a run computes (with what they use), which submission folders it
// reads, and whether each indicator, measure and output has its inputs. No SQL here.
import { readdirSync, readFileSync } from 'node:fs';
import { FILE_KINDS } from '../load/schemas/index.js';
import { storeTablesIn, verifiedWith } from '../load/sets.js';
import { type FileNeed, type IndicatorDef, type InputNeed, needFiles } from './indicator.js';
import type { ParamValues } from './params.js';
import { yearContext } from './profile.js';

/** Why something was or was not computed: typed, rendered to text only for output. */
export type Status =
  | { state: 'computed' }
  | { state: 'missing'; paths: string[] }
  | { state: 'not_requested' }
  | { state: 'dependency'; on: string; reason: string }
  | { state: 'no_result'; reason: string };

export function statusText(s: Status): string {
  switch (s.state) {
    case 'computed':
      return 'computed';
    case 'missing':
      return `not computed: missing ${s.paths.join(', ')}`;
    case 'not_requested':
      return 'not computed: not requested (--only)';
    case 'dependency':
      return `not computed: needs indicator ${s.on} (${s.reason})`;
    case 'no_result':
      return `not computed: ${s.reason}`;
  }
}

/** The indicators asked for plus everything they use, in declaration (APR) order. */
export function closure(all: IndicatorDef[], only?: string[]): IndicatorDef[] {
  if (!only) return all;
  const want = new Set<string>();
  const visit = (id: string): void => {
    if (want.has(id)) return;
    want.add(id);
    for (const u of all.find((i) => i.id === id)?.uses ?? []) visit(u);
  };
  only.forEach(visit);
  return all.filter((i) => want.has(i.id));
}

/** Declaration order with every indicator after the ones it uses. */
export function ordered(all: IndicatorDef[]): IndicatorDef[] {
  const out: IndicatorDef[] = [];
  const seen = new Set<string>();
  const visit = (ind: IndicatorDef, path: string[]): void => {
    if (seen.has(ind.id)) return;
    if (path.includes(ind.id)) throw new Error(`indicator dependency cycle: ${[...path, ind.id].join(' → ')}`);
    for (const u of ind.uses ?? []) {
      const dep = all.find((i) => i.id === u);
      if (!dep) throw new Error(`indicator ${ind.id} uses unknown indicator ${u}`);
      visit(dep, [...path, ind.id]);
    }
    seen.add(ind.id);
    out.push(ind);
  };
  for (const ind of all) visit(ind, []);
  return out;
}

export function dataYear(values: ParamValues, ind: IndicatorDef, year: string) {
  return yearContext(year, Number(values[`${ind.paramPrefix}.data_year_offset`] ?? 0));
}

function periodOf(need: FileNeed, ctx: ReturnType<typeof yearContext>): string | undefined {
  return need.period === 'DEC' ? ctx.dec_period : need.period === 'JUN' ? ctx.jun_period : undefined;
}

export function inputPath(kind: string, period?: string): string {
  const path = FILE_KINDS.find((f) => f.id === kind)?.path ?? kind;
  return period ? path.replace('{period}', period) : path;
}

/** The December and June offsets (from its data year) an indicator reads, over every set of values given. */
export function yearOffsets(ind: IndicatorDef, valueSets: ParamValues[]): { dec: number[]; jun: number[] } {
  if (!ind.years) return { dec: [0], jun: [0] };
  const dec = new Set<number>();
  const jun = new Set<number>();
  for (const v of valueSets) {
    const y = ind.years(v);
    y.dec.forEach((o) => dec.add(o));
    y.jun.forEach((o) => jun.add(o));
  }
  return { dec: [...dec].sort((a, b) => b - a), jun: [...jun].sort((a, b) => b - a) };
}

/**
 * Submission folders a run reads: DEC and JUN of Y, and those of every computed indicator's data year
 * (a module's earlier years too: `extra` holds the values of what-if scenarios, whose windows may be wider).
 */
export function periodsFor(inds: IndicatorDef[], values: ParamValues, year: string, present: string[], all: boolean, extra: ParamValues[] = []): string[] {
  // A multi-year view reads every submission folder present (DATA-CONTRACT.md 1: other years' folders
  // feed the multi-year views).
  if (inds.some((i) => i.trend)) return present;
  const want = new Set<string>();
  const base = yearContext(year);
  want.add(base.dec_period).add(base.jun_period);
  for (const ind of inds) {
    const ctx = dataYear(values, ind, year);
    for (const need of [...ind.inputs, ...ind.measures.flatMap((m) => m.needs ?? [])]) {
      for (const f of needFiles(need)) {
        const p = periodOf(f, ctx);
        if (p) want.add(p);
      }
    }
    if (ind.years) {
      const off = yearOffsets(ind, [values, ...extra]);
      for (const o of off.dec) want.add(yearContext(ctx.year, o).dec_period);
      for (const o of off.jun) want.add(yearContext(ctx.year, o).jun_period);
    }
  }
  // The June of every data year the profile names, also for indicators not computed here.
  if (all) {
    for (const [name, v] of Object.entries(values)) {
      if (name.endsWith('.data_year_offset') && typeof v === 'number' && v !== 0) want.add(yearContext(year, v).jun_period);
    }
  }
  return present.filter((p) => want.has(p));
}

/**
 * The input files a run of these indicators reads (`--only`): their inputs for each data year they
 * count (a multi-year view: the earlier ones too), the reference list, and what the verification
 * of those files reads (sets.ts verifiedWith: Table A of the same submission for Tables B-D, the June
 * Table A for the Part C referrals, the SELPA submission dates for December unduplication).
 */
export function neededFiles(inds: IndicatorDef[], values: ParamValues, year: string, trendYears: number, extra: ParamValues[] = []): Set<string> {
  const want = new Set<string>(['districts']);
  const add = (kind: string, period: string | undefined): void => {
    if (want.has(period ? `${kind}@${period}` : kind)) return;
    want.add(period ? `${kind}@${period}` : kind);
    for (const dep of verifiedWith(kind)) {
      const isCasemis = FILE_KINDS.find((k) => k.id === dep)?.casemis;
      // A CASEMIS table is checked against Table A of its own submission; the Part C referrals against the June one.
      add(dep, isCasemis ? (period ?? yearContext(year).jun_period) : undefined);
    }
  };
  for (const ind of inds) {
    const base = dataYear(values, ind, year);
    const offsets = ind.trend ? Array.from({ length: trendYears + 1 }, (_, k) => -k) : [0];
    // Optional inputs are read without being declared (11 reads calendar/breaks.csv when it is there):
    // the tables its SQL names count too, for the submissions of its data year.
    const named = [...sqlTablesOf(ind)].filter((k) => FILE_KINDS.some((f) => f.id === k));
    const needs = [...ind.inputs, ...ind.measures.flatMap((m) => m.needs ?? []), ...ind.outputs.flatMap((o) => o.needs ?? [])];
    for (const off of offsets) {
      const ctx = yearContext(base.year, off);
      for (const need of needs) for (const f of needFiles(need)) add(f.kind, periodOf(f, ctx));
      for (const k of named) {
        if (FILE_KINDS.find((f) => f.id === k)?.casemis) for (const p of [ctx.dec_period, ctx.jun_period]) add(k, p);
        else add(k, undefined);
      }
    }
    // A module's earlier years: every CASEMIS file it reads, of those submissions.
    if (ind.years) {
      const off = yearOffsets(ind, [values, ...extra]);
      const casemis = new Set([...needs.flatMap(needFiles).map((f) => f.kind), ...named].filter((k) => FILE_KINDS.find((f) => f.id === k)?.casemis));
      for (const k of casemis) {
        const juneOnly = FILE_KINDS.find((f) => f.id === k)?.juneOnly;
        if (!juneOnly) for (const o of off.dec) add(k, yearContext(base.year, o).dec_period);
        for (const o of off.jun) add(k, yearContext(base.year, o).jun_period);
      }
    }
  }
  return want;
}

/** The kinds whose store an indicator's SQL files read (`clean_X`, `typed_X`; `students` is Table A). */
function sqlTablesOf(ind: IndicatorDef): Set<string> {
  const out = new Set<string>();
  let names: string[];
  try {
    names = readdirSync(new URL('.', ind.dir)).filter((n) => n.endsWith('.sql'));
  } catch {
    return out;
  }
  for (const n of names) for (const k of storeTablesIn(readFileSync(new URL(n, ind.dir), 'utf8'))) out.add(k);
  return out;
}

/** The files of `needs` that are absent (for an anyOf, the alternatives joined by " or "). */
export function missingInputs(needs: InputNeed[], ctx: ReturnType<typeof yearContext>, present: Set<string>): string[] {
  const missing: string[] = [];
  const has = (f: FileNeed): boolean => {
    const p = periodOf(f, ctx);
    return present.has(p ? `${f.kind}@${p}` : f.kind);
  };
  for (const need of needs) {
    const files = needFiles(need);
    if (!files.some(has)) missing.push(files.map((f) => inputPath(f.kind, periodOf(f, ctx))).join(' or '));
  }
  return missing;
}
