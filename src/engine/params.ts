import { existsSync, readFileSync } from 'node:fs';
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
      const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
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
    values[name] = checkValue(info, source === 'param' && typeof raw === 'string' ? fromText(info, raw) : raw, source === 'param' ? '--param' : source === 'params-file' ? '--params file' : 'profile');
    overridden[name] = source;
  };
  for (const [k, v] of Object.entries(layers.profile)) apply(k, v, 'profile');
  for (const [k, v] of Object.entries(layers.file)) apply(k, v, 'params-file');
  for (const [k, v] of Object.entries(layers.cli)) apply(k, v, 'param');
  return { values, overridden };
}

/** Parses one value against its schema; a bad value is a usage error naming where it came from. */
export function checkValue(info: ParamInfo, input: unknown, where: string): unknown {
  const parsed = info.schema.safeParse(input);
  if (!parsed.success) {
    throw new UsageError(`bad value for ${info.name} (${where}): ${z.prettifyError(parsed.error).replace(/\n\s*→.*$/gm, '').replace(/^✖ /, '')}`);
  }
  return parsed.data;
}

/** A value given as text (`--param`, `--vary`), read as the schema expects and checked. */
export function valueFromText(info: ParamInfo, text: string, where: string): unknown {
  return checkValue(info, fromText(info, text), where);
}

export function findParam(catalog: ParamInfo[], name: string): ParamInfo {
  const info = catalog.find((p) => p.name === name);
  if (!info) throw unknownName(name, catalog);
  return info;
}
