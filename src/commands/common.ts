import type { Argv } from 'yargs';
import * as z from 'zod';
import { Db } from '../db.js';
import { UsageError } from '../errors.js';
import { buildRunConfig } from '../engine/config.js';
import { parseParamArgs, readParamsFile } from '../engine/params.js';
import type { RunConfig } from '../engine/run.js';
import type { Format } from '../write/write.js';

export interface CommonArgs {
  dir: string;
  year?: string;
  profile: string;
  out?: string;
  param?: string[];
  params?: string;
  only?: string;
  db?: string;
  format: string;
  json: boolean;
  quiet: boolean;
  debug: boolean;
  'student-lists'?: boolean;
}

export function withCommon<T>(y: Argv<T>) {
  return y
    .positional('dir', { type: 'string', default: 'data-samples', describe: 'data folder (its files: README.md, Reference)' })
    .option('year', { type: 'string', describe: 'reporting year Y, e.g. 2008-09 (default: the profile year)' })
    .option('profile', { type: 'string', default: 'ca-ffy2008', describe: 'measurement profile' })
    .option('out', { type: 'string', describe: 'output folder (default reports/<profile>)' })
    .option('param', { type: 'string', array: true, describe: 'override a parameter: NAME=VALUE (repeatable)' })
    .option('params', { type: 'string', describe: 'JSON file of parameter overrides' })
    .option('only', { type: 'string', describe: 'compute only these indicators: ID,ID' })
    .option('db', {
      type: 'string',
      describe:
        'keep the loaded data in this DuckDB file (created mode 0600) so a later command with unchanged inputs skips loading. ' +
        'It holds district and SELPA codes, local STUDENT_IDs, Table A and Part C birthdates, codes and dates, and a keyed hash (HMAC) of name + birthdate + gender for Part C linkage; ' +
        'no names, SSNs or SSIDs. Treat it as student records (README: "The --db file")',
    })
    .option('format', { type: 'string', default: 'csv,json', describe: 'table formats: csv,json,parquet' })
    .option('json', { type: 'boolean', default: false, describe: 'print the result as one JSON document' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress output' })
    .option('debug', { type: 'boolean', default: false, describe: 'stack traces and step timings' });
}

export interface Resolved {
  cfg: RunConfig;
  formats: Format[];
  outDir: string;
}

const formatSchema = z.array(z.enum(['csv', 'json', 'parquet'])).min(1);

/** CLI text → the run configuration (src/engine/config.ts) plus where and how to write. */
export function resolveCommon(args: CommonArgs, mode: RunConfig['mode']): Resolved {
  const only = args.only === undefined ? undefined : args.only.split(',').map((s) => s.trim()).filter(Boolean);
  const cfg = buildRunConfig({
    dataDir: args.dir,
    profile: args.profile,
    year: args.year,
    paramsFile: args.params ? readParamsFile(args.params) : {},
    params: parseParamArgs(args.param ?? []),
    only,
    mode,
    reuseLoad: args.db !== undefined,
    studentLists: args['student-lists'] === true,
  });
  const fmt = formatSchema.safeParse(args.format.split(',').map((s) => s.trim()));
  if (!fmt.success) throw new UsageError(`--format takes a comma list of csv, json, parquet (got "${args.format}")`);
  return { cfg, formats: fmt.data, outDir: args.out ?? `reports/${cfg.profile.id}` };
}

/** --debug prints every SQL step over this many ms (APR_DEBUG_MS, default 50). */
const TRACE_MS = Number(process.env.APR_DEBUG_MS ?? 50);

/** The database of a command: a --db file or memory; --debug prints the slow SQL steps. */
export async function openDb(args: CommonArgs): Promise<Db> {
  const db = await Db.open(args.db ?? ':memory:');
  if (args.debug) {
    db.trace = (ms, sql) => {
      if (ms >= TRACE_MS) process.stderr.write(`  ${(ms / 1000).toFixed(2)} s  ${sql.trim().split('\n').find((l) => l.trim() && !l.trim().startsWith('--'))?.slice(0, 110) ?? ''}\n`);
    };
  }
  return db;
}
