import { existsSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import { UsageError } from '../errors.js';
import type { IndicatorDef } from './indicator.js';

/** Engine-wide parameters (not tied to one indicator). */
export const engineParams = {
  load: z.strictObject({
    max_reject_rate: z.number().min(0).max(1).default(0.05).meta({ description: 'Exit 4 when rejected/read of any CASEMIS table is above this share' }),
    undup_rule: z.enum(['keep_one', 'drop_all']).default('keep_one').meta({ description: 'December cross-SELPA duplicates: keep one record, or drop every copy' }),
  }),
  suppress: z.strictObject({
    min_cell: z.number().int().min(0).default(10).meta({ description: 'Public tables: counts below this (other than 0) are suppressed' }),
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
      out.push({
        name: `${group}.${key}`,
        group,
        key,
        schema,
        description: (z.globalRegistry.get(schema)?.description) ?? (js.description as string | undefined) ?? '',
        default: schema.parse(undefined),
        jsonSchema: js,
      });
    }
  }
  return out;
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
    const input = source === 'param' && typeof raw === 'string' ? fromText(info, raw) : raw;
    const parsed = info.schema.safeParse(input);
    if (!parsed.success) {
      const where = source === 'param' ? '--param' : source === 'params-file' ? '--params file' : 'profile';
      throw new UsageError(`bad value for ${name} (${where}): ${z.prettifyError(parsed.error).replace(/\n\s*→.*$/gm, '').replace(/^✖ /, '')}`);
    }
    values[name] = parsed.data;
    overridden[name] = source;
  };
  for (const [k, v] of Object.entries(layers.profile)) apply(k, v, 'profile');
  for (const [k, v] of Object.entries(layers.file)) apply(k, v, 'params-file');
  for (const [k, v] of Object.entries(layers.cli)) apply(k, v, 'param');
  return { values, overridden };
}

/** The values of one group without its prefix: `ind5.min_age` → `min_age`. */
export function groupValues(values: ParamValues, group: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith(`${group}.`)) out[k.slice(group.length + 1)] = v;
  return out;
}
