import { existsSync, readFileSync, statSync } from 'node:fs';
import * as z from 'zod';
import { UsageError } from '../errors.js';
import type { IndicatorDef, Stage } from './indicator.js';

/** Engine-wide parameters (not tied to one indicator). */
export const engineParams = {
  load: z.strictObject({
    max_reject_rate: z.number().min(0).max(1).default(0.05).meta({ description: 'Exit 4 when rejected/read of any CASEMIS table is above this share', stage: 'load' }),
    undup_rule: z.enum(['keep_one', 'drop_all']).default('keep_one').meta({ description: 'December cross-SELPA duplicates: keep one record, or drop every copy', stage: 'load' }),
  }),
  suppress: z.strictObject({
    min_cell: z.number().int().min(0).default(10).meta({ description: 'Public tables: counts below this (other than 0) are suppressed', stage: 'load' }),
  }),
};

export interface ParamInfo {
  name: string;
  group: string;
  key: string;
  schema: z.ZodType;
  description: string;
  default: unknown;
  jsonSchema: Record<string, unknown>;
  /** The step it feeds: `count` (re-count students) or `decide` (cut points on the aggregates). */
  stage: Stage;
  /** SQL bind name: `ind9.k` → `$ind9_k`. */
  bind: string;
  /** DuckDB column type of the value (scenarios table, list binding). */
  sqlType: string;
}

export type ParamValues = Record<string, unknown>;

export interface ResolvedParams {
  values: ParamValues;
  /** Where each non-default value came from. */
  overridden: Record<string, 'profile' | 'params-file' | 'param'>;
}

export function paramCatalog(indicators: IndicatorDef[]): ParamInfo[] {
  const groups: [string, z.ZodObject][] = [
    ...Object.entries(engineParams),
    ...indicators.map((i): [string, z.ZodObject] => [i.paramPrefix, i.params]),
  ];
  const out: ParamInfo[] = [];
  for (const [group, obj] of groups) {
    for (const [key, schema] of Object.entries(obj.shape) as [string, z.ZodType][]) {
      const js = readableBounds(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>);
      const meta = z.globalRegistry.get(schema) as { description?: string; stage?: Stage } | undefined;
      out.push({
        name: `${group}.${key}`,
        group,
        key,
        schema,
        description: meta?.description ?? (js.description as string | undefined) ?? '',
        default: schema.parse(undefined),
        jsonSchema: js,
        stage: meta?.stage ?? 'count',
        bind: bindName(`${group}.${key}`),
        sqlType: sqlTypeOf(js),
      });
    }
  }
  return out;
}

/**
 * zod's `.int()` bounds a number by ±MAX_SAFE_INTEGER: that is "no bound" to a person, so drop it
 * (recursively, for the object schemas `apr indicators --json` prints).
 */
export function readableBounds<T>(js: T): T {
  if (Array.isArray(js)) return js.map(readableBounds) as T;
  if (typeof js !== 'object' || js === null) return js;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(js)) {
    if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].includes(k) && typeof v === 'number' && Math.abs(v) >= Number.MAX_SAFE_INTEGER) continue;
    out[k] = readableBounds(v);
  }
  return out as T;
}

/** The allowed range of a number as a person reads it: `0..22`, `≥ 0`, `> 0 and ≤ 100`, or ''. */
export function rangeText(js: Record<string, unknown>): string {
  const num = (k: string): number | undefined => (typeof js[k] === 'number' ? js[k] : undefined);
  const [lo, hi, xlo, xhi] = [num('minimum'), num('maximum'), num('exclusiveMinimum'), num('exclusiveMaximum')];
  if (lo !== undefined && hi !== undefined) return `${lo}..${hi}`;
  const parts = [lo !== undefined ? `≥ ${lo}` : xlo !== undefined ? `> ${xlo}` : '', hi !== undefined ? `≤ ${hi}` : xhi !== undefined ? `< ${xhi}` : ''];
  return parts.filter(Boolean).join(' and ');
}

/** What a parameter accepts, in words: `a whole number 0..22`, `one of fixed | state_rate`, `a list of codes`. */
export function allowedText(js: Record<string, unknown>): string {
  if (Array.isArray(js.enum)) return `one of ${(js.enum as unknown[]).join(' | ')}`;
  const range = rangeText(js);
  const withRange = (what: string): string => (range ? `${what} ${range}` : what);
  switch (js.type) {
    case 'integer':
      return withRange('a whole number');
    case 'number':
      return withRange('a number');
    case 'boolean':
      return 'true or false';
    case 'array': {
      const items = (js.items ?? {}) as Record<string, unknown>;
      const digits = typeof items.pattern === 'string' ? /^\^\[0-9\]\{(\d+)\}\$$/.exec(items.pattern) : null;
      const what = digits ? `${digits[1]}-digit codes` : typeof items.pattern === 'string' ? `codes matching ${items.pattern}` : items.type === 'string' ? 'codes' : allowedText(items).replace(/^an? /, '') + 's';
      const min = typeof js.minItems === 'number' && js.minItems > 0 ? `, at least ${js.minItems}` : '';
      return `a comma list of ${what}${min}`;
    }
    default:
      return 'text';
  }
}

export function bindName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/** The DuckDB type of a parameter, from its JSON schema (zod is the one source of types). */
function sqlTypeOf(js: Record<string, unknown>): string {
  const scalar = (t: unknown): string => (t === 'integer' ? 'INTEGER' : t === 'number' ? 'DOUBLE' : t === 'boolean' ? 'BOOLEAN' : 'VARCHAR');
  if (js.type === 'array') return `${scalar((js.items as { type?: string } | undefined)?.type)}[]`;
  return scalar(js.type);
}

/** A --param value is text: read numbers, booleans and lists the way the schema expects. */
function fromText(info: ParamInfo, text: string): unknown {
  const type = info.jsonSchema.type;
  if (type === 'number' || type === 'integer') return text.trim() === '' ? text : Number(text);
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (type === 'array') {
    const items = (info.jsonSchema.items as { type?: string } | undefined)?.type;
    const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
    return items === 'number' || items === 'integer' ? parts.map(Number) : parts;
  }
  return text;
}

/**
 * Rules between parameters, checked once every layer (profile, --params, --param) is applied, and
 * for every what-if scenario. Adding one is adding a line here.
 */
export interface ParamRule {
  names: [string, string];
  holds: (a: unknown, b: unknown) => boolean;
  /** The rule in words, e.g. `must be ≤`. */
  says: string;
  why: string;
}

const atMost = (a: string, b: string, why: string): ParamRule => ({ names: [a, b], holds: (x, y) => Number(x) <= Number(y), says: 'must be ≤', why });
const disjoint = (a: string, b: string, why: string): ParamRule => ({
  names: [a, b],
  holds: (x, y) => !(x as unknown[]).some((v) => (y as unknown[]).includes(v)),
  says: 'must share no code with',
  why,
});

export const PARAM_RULES: ParamRule[] = [
  atMost('ind5.min_age', 'ind5.max_age', 'the age range would be empty'),
  atMost('ind6.min_age', 'ind6.max_age', 'the age range would be empty'),
  atMost('ind9.min_age', 'ind9.max_age', 'the age range would be empty'),
  disjoint('ind11.exclude_codes', 'ind11.state_timeline_codes', 'a delay code cannot both remove a case and count it as within the timeline'),
];

/** Every rule that `values` breaks, as a usage error naming both values and where they came from. */
export function checkRules(values: ParamValues, source: (name: string) => string, where = ''): void {
  const shown = (name: string): string => `${name} = ${JSON.stringify(values[name])} (${source(name)})`;
  const broken = PARAM_RULES.filter((r) => r.names.every((n) => n in values) && !r.holds(values[r.names[0]], values[r.names[1]]));
  if (broken.length) {
    throw new UsageError(broken.map((r) => `${where}${shown(r.names[0])} ${r.says} ${shown(r.names[1])}: ${r.why}`).join('\n'));
  }
}

function unknownName(name: string, catalog: ParamInfo[]): UsageError {
  return new UsageError(`unknown parameter "${name}". Valid names:\n  ${catalog.map((p) => p.name).join('\n  ')}`);
}

export function parseParamArgs(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param takes NAME=VALUE (got "${a}")`);
    out[a.slice(0, eq).trim()] = a.slice(eq + 1);
  }
  return out;
}

export function readParamsFile(path: string): Record<string, unknown> {
  if (!existsSync(path)) throw new UsageError(`--params file not found: ${path}`);
  if (statSync(path).isDirectory()) throw new UsageError(`--params ${path} is a folder; give a JSON file of { "NAME": value }`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`--params ${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`--params ${path} must hold one JSON object of NAME: value`);
  return data as Record<string, unknown>;
}

/** Profile defaults, then the params file, then --param (which wins). */
export function resolveParams(
  catalog: ParamInfo[],
  layers: { profile: Record<string, unknown>; file: Record<string, unknown>; cli: Record<string, string> },
): ResolvedParams {
  const byName = new Map(catalog.map((p) => [p.name, p]));
  const values: ParamValues = {};
  const overridden: ResolvedParams['overridden'] = {};
  for (const p of catalog) values[p.name] = p.default;
  const groups = new Set(catalog.map((p) => p.group));
  const apply = (name: string, raw: unknown, source: 'profile' | 'params-file' | 'param'): void => {
    const info = byName.get(name);
    // A profile describes the whole APR: settings of indicators this engine does not compute yet
    // (e.g. ind4.data_year_offset) are kept as given, so the run still reads their folders.
    if (!info && source === 'profile' && !groups.has(name.split('.')[0]!)) {
      values[name] = raw;
      overridden[name] = source;
      return;
    }
    if (!info) throw unknownName(name, catalog);
    const fromCli = source === 'param' && typeof raw === 'string';
    values[name] = checkValue(info, fromCli ? fromText(info, raw) : raw, SOURCE_TEXT[source], fromCli ? raw : undefined);
    overridden[name] = source;
  };
  for (const [k, v] of Object.entries(layers.profile)) apply(k, v, 'profile');
  for (const [k, v] of Object.entries(layers.file)) apply(k, v, 'params-file');
  for (const [k, v] of Object.entries(layers.cli)) apply(k, v, 'param');
  checkRules(values, (n) => (overridden[n] ? SOURCE_TEXT[overridden[n]] : 'default'));
  return { values, overridden };
}

const SOURCE_TEXT = { profile: 'profile', 'params-file': '--params file', param: '--param' } as const;

/** How a value was given: text as typed (quoted unless a number), anything else as JSON. */
function givenText(input: unknown, text: string | undefined): string {
  if (text !== undefined) return /^-?\d+(\.\d+)?$/.test(text.trim()) ? text.trim() : JSON.stringify(text);
  return input === undefined ? 'nothing' : JSON.stringify(input);
}

/**
 * Parses one value against its schema. A bad value is a usage error saying what was given, what is
 * allowed and where it came from: `ind5.min_age: expected a whole number 0..22, got "abc" (--param)`.
 */
export function checkValue(info: ParamInfo, input: unknown, where: string, text?: string): unknown {
  const parsed = info.schema.safeParse(input);
  if (!parsed.success) {
    // a rule the JSON schema cannot say (sd.threshold: at most two decimals) speaks for itself
    const custom = parsed.error.issues.find((i) => i.code === 'custom')?.message;
    throw new UsageError(`${info.name}: expected ${allowedText(info.jsonSchema)}${custom ? ` with ${custom}` : ''}, got ${givenText(input, text)} (${where})`);
  }
  return parsed.data;
}

/** A value given as text (`--param`, `--vary`), read as the schema expects and checked. */
export function valueFromText(info: ParamInfo, text: string, where: string): unknown {
  return checkValue(info, fromText(info, text), where, text);
}

export function findParam(catalog: ParamInfo[], name: string): ParamInfo {
  const info = catalog.find((p) => p.name === name);
  if (!info) throw unknownName(name, catalog);
  return info;
}
