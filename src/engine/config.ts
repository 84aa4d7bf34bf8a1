import { resolve } from 'node:path';
import { INDICATORS } from '../../indicators/index.js';
import { UsageError } from '../errors.js';
import { ENCODINGS_ALLOWED, parseEncoding } from '../load/csvfile.js';
import { paramCatalog, resolveParams } from './params.js';
import { checkYear, loadProfile, profileIds } from './profile.js';
import type { RunConfig } from './run.js';

export interface ConfigInput {
  dataDir: string;
  profile?: string;
  year?: string;
  /** Overrides from a --params file (typed JSON values). */
  paramsFile?: Record<string, unknown>;
  /** --param NAME=VALUE overrides (text, read as the schema expects). */
  params?: Record<string, string>;
  only?: string[];
  mode?: RunConfig['mode'];
  reuseLoad?: boolean;
  studentLists?: boolean;
  /** --encoding: utf-8 (default), latin1 or windows-1252. */
  encoding?: string;
}

/** An extension module asked for under a profile without it: which profiles have it. */
function notInProfile(module: string, profile: string): string {
  const withIt = profileIds().filter((id) => loadProfile(id).modules.includes(module));
  return `module ${module} is not part of profile ${profile}; run it with --profile ${withIt.join(' or ') || '(no profile has it)'}`;
}

/** The one place a run's configuration is assembled: the CLI, the tests and the benchmark use it. */
export function buildRunConfig(input: ConfigInput): RunConfig {
  const encoding = parseEncoding(input.encoding ?? 'utf-8');
  if (!encoding) throw new UsageError(`--encoding: expected ${ENCODINGS_ALLOWED}, got "${input.encoding}"`);
  const profile = loadProfile(input.profile ?? 'ca-ffy2008');
  const year = checkYear(input.year ?? profile.year);
  // Extension modules (sd) run only under a profile naming them; their parameters are refused elsewhere.
  const indicators = INDICATORS.filter((i) => !i.extension || profile.modules.includes(i.id));
  const unknownModule = profile.modules.filter((m) => !INDICATORS.some((i) => i.extension && i.id === m));
  if (unknownModule.length) throw new UsageError(`profile ${profile.id} names unknown module ${unknownModule.join(', ')}; the modules are ${INDICATORS.filter((i) => i.extension).map((i) => i.id).join(', ')}`);
  for (const name of [...Object.keys(input.paramsFile ?? {}), ...Object.keys(input.params ?? {})]) {
    const ext = INDICATORS.find((i) => i.extension && !indicators.includes(i) && name.startsWith(`${i.paramPrefix}.`));
    if (ext) {
      throw new UsageError(`${name}: ${notInProfile(ext.id, profile.id)}`);
    }
  }
  const catalog = paramCatalog(indicators);
  const params = resolveParams(catalog, { profile: profile.params, file: input.paramsFile ?? {}, cli: input.params ?? {} });
  // --only takes indicator ids and, for a module publishing several, its measure ids (16 → Table 7's module).
  for (const id of input.only ?? []) {
    const ext = INDICATORS.find((i) => i.extension && i.id === id && !indicators.includes(i));
    if (ext) throw new UsageError(`--only ${id}: ${notInProfile(id, profile.id)}`);
  }
  const only = input.only?.map((id) => indicators.find((i) => i.id === id)?.id ?? indicators.find((i) => i.measures.some((m) => (m.indicator ?? m.id) === id))?.id ?? id);
  if (input.only) {
    const known = indicators.map((i) => i.id);
    const bad = only!.filter((id) => !known.includes(id));
    if (bad.length || !input.only.length) throw new UsageError(`--only: unknown indicator ${bad.join(', ') || '(none given)'}; the indicators are ${known.join(', ')}`);
  }
  // An indicator reads the tables of those it uses (4B compares with 4A's statewide bar, 10 takes
  // 9's districts): both must count the same data year.
  for (const ind of indicators) {
    for (const u of ind.uses ?? []) {
      const dep = indicators.find((i) => i.id === u)!;
      const a = params.values[`${ind.paramPrefix}.data_year_offset`];
      const b = params.values[`${dep.paramPrefix}.data_year_offset`];
      if (dep.inputs.length > 0 && a !== b) {
        throw new UsageError(`${ind.paramPrefix}.data_year_offset (${String(a)}) must equal ${dep.paramPrefix}.data_year_offset (${String(b)}): indicator ${ind.id} uses ${dep.id}'s figures`);
      }
    }
  }
  return {
    dataDir: resolve(input.dataDir),
    profile,
    year,
    params,
    catalog,
    indicators,
    only: only ? [...new Set(only)] : undefined,
    mode: input.mode ?? 'run',
    reuseLoad: input.reuseLoad,
    studentLists: input.studentLists,
    encoding,
  };
}
