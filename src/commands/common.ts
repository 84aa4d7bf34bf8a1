import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Argv } from 'yargs';
import * as z from 'zod';
import { Db } from '../db.js';
import { UsageError } from '../errors.js';
import { buildRunConfig } from '../engine/config.js';
import { parseParamArgs, readParamsFile } from '../engine/params.js';
import type { RunConfig } from '../engine/run.js';
import { createProgress, type Progress, progressMode } from '../progress.js';
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
  format?: string;
  json: boolean;
  quiet: boolean;
  debug: boolean;
  'student-lists'?: boolean;
  encoding?: string;
}

/** Where a command's help sends a person for the rest (files of this repository). */
export const DOCS = {
  readme: 'README.md',
  inputs: 'docs/inputs.md',
  outputs: 'docs/outputs.md',
  parameters: 'docs/parameters.md',
} as const;

export function epilogue(...lines: string[]): string {
  return [...lines, `Getting started and examples: ${DOCS.readme}.`].join('\n');
}

// Each command declares the groups it reads, so its --help lists only options it uses.

/** The data folder and what shapes the loaded data and parameters: run, validate, whatif, explain. */
export function dataOptions<T>(y: Argv<T>) {
  return y
    .positional('dir', { type: 'string', default: 'data-samples', describe: `data folder (its files: ${DOCS.inputs})` })
    .option('year', { type: 'string', requiresArg: true, describe: 'reporting year Y, e.g. 2008-09 (default: the profile year)' })
    .option('profile', { type: 'string', requiresArg: true, default: 'ca-ffy2008', describe: 'measurement profile: parameter defaults and targets (src/profiles/<id>.json)' })
    .option('param', { type: 'string', array: true, describe: `override a parameter: NAME=VALUE, repeatable (names and ranges: apr params, ${DOCS.parameters})` })
    .option('params', { type: 'string', describe: 'JSON file of parameter overrides { "NAME": value }; --param wins over it' })
    .option('db', {
      type: 'string',
      describe:
        'keep the loaded data in this DuckDB file (created mode 0600): a later command reads again only the input files that changed. ' +
        'It holds district and SELPA codes, local STUDENT_IDs, Table A and Part C birthdates, codes and dates, and a keyed hash (SHA-256) of name + birthdate + gender for Part C linkage; ' +
        'no names, SSNs or SSIDs. Treat it as student records (README: "The --db file")',
    })
    .option('encoding', { type: 'string', requiresArg: true, default: 'utf-8', describe: `input encoding: utf-8; latin1 or windows-1252 converts the files that are not UTF-8 (${DOCS.inputs})` })
    .group(['year', 'profile', 'param', 'params', 'db', 'encoding'], 'Data and parameters:');
}

export function onlyOption<T>(y: Argv<T>, describe = 'compute only these indicators (and those they use): ID,ID') {
  return y.option('only', { type: 'string', describe });
}

export function outOption<T>(y: Argv<T>, describe = 'output folder (default reports/<profile>); files the run writes are replaced') {
  return y.option('out', { type: 'string', describe });
}

export function formatOption<T>(y: Argv<T>) {
  return y.option('format', { type: 'string', requiresArg: true, default: 'csv,json', describe: `table formats: csv,json,parquet,xlsx (xlsx: one workbook apr-tables.xlsx; files and columns: ${DOCS.outputs})` });
}

/** How the result is shown: every command that loads data. */
export function displayOptions<T>(y: Argv<T>) {
  return y
    .option('json', { type: 'boolean', default: false, describe: 'print the result to stdout as one JSON document' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' })
    .option('debug', { type: 'boolean', default: false, describe: 'stack traces, step and SQL timings on stderr' });
}

export interface Resolved {
  cfg: RunConfig;
  formats: Format[];
  outDir: string;
}

const formatSchema = z.array(z.enum(['csv', 'json', 'parquet', 'xlsx'])).min(1);

/**
 * --out must name a folder that is, or can be, created: not a file, not under a file, writable.
 * Checked before loading, so a typo costs nothing.
 */
export function checkOutDir(out: string | undefined): void {
  if (out === undefined) return;
  if (out.trim() === '') throw new UsageError('--out needs a folder: --out DIR');
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file; give a folder (it is created if missing)`);
  }
  let parent = resolve(out);
  while (!existsSync(parent)) parent = dirname(parent);
  if (!statSync(parent).isDirectory()) throw new UsageError(`--out ${out}: ${parent} is a file, so the folder cannot be created`);
  try {
    accessSync(parent, constants.W_OK);
  } catch {
    throw new UsageError(`--out ${out}: ${parent} is not writable`);
  }
}

/** CLI text → the run configuration (src/engine/config.ts) plus where and how to write. */
export function resolveCommon(args: CommonArgs, mode: RunConfig['mode']): Resolved {
  checkOutDir(args.out);
  if (args.db !== undefined) {
    if (args.db.trim() === '') throw new UsageError('--db needs a file: --db FILE');
    if (existsSync(args.db) && statSync(args.db).isDirectory()) throw new UsageError(`--db ${args.db} is a folder; give a file (it is created if missing)`);
  }
  if (args.param !== undefined && args.param.length === 0) throw new UsageError('--param needs NAME=VALUE (apr params lists the names)');
  if (args.params !== undefined && args.params.trim() === '') throw new UsageError('--params needs a JSON file: --params FILE.json');
  const only = args.only === undefined ? undefined : args.only.split(',').map((s) => s.trim()).filter(Boolean);
  const cfg = buildRunConfig({
    dataDir: args.dir,
    profile: args.profile,
    year: args.year,
    paramsFile: args.params !== undefined ? readParamsFile(args.params) : {},
    params: parseParamArgs(args.param ?? []),
    only,
    mode,
    reuseLoad: args.db !== undefined,
    studentLists: args['student-lists'] === true,
    encoding: args.encoding,
  });
  const format = args.format ?? 'csv,json';
  const fmt = formatSchema.safeParse(format.split(',').map((s) => s.trim()));
  if (!fmt.success) throw new UsageError(`--format takes a comma list of csv, json, parquet, xlsx (got "${format}")`);
  return { cfg, formats: fmt.data, outDir: args.out ?? `reports/${cfg.profile.id}` };
}

/** --debug prints every SQL step over this many ms (APR_DEBUG_MS, default 50). */
const TRACE_MS = Number(process.env.APR_DEBUG_MS ?? 50);

/** The database of a command: a --db file or memory; --debug prints the slow SQL steps. */
export async function openDb(args: CommonArgs): Promise<Db> {
  let db: Db;
  try {
    db = args.db ? await Db.open(args.db) : await Db.scratch();
  } catch (e) {
    // A file that is not a DuckDB database (or is locked by another process) is the user's to fix.
    if (e instanceof UsageError) throw e;
    if (args.db !== undefined && existsSync(args.db)) throw new UsageError(`--db ${args.db} cannot be opened as a DuckDB database: ${(e as Error).message.split('\n')[0]}`);
    // The folder it would go in is missing (or not writable): the user's to fix too.
    if (args.db !== undefined) throw new UsageError(`--db ${args.db} cannot be created: ${(e as Error).message.split('\n')[0]}`);
    throw e;
  }
  if (args.debug) {
    db.trace = (ms, sql) => {
      if (ms >= TRACE_MS) process.stderr.write(`  ${(ms / 1000).toFixed(2)} s  ${sql.trim().split('\n').find((l) => l.trim() && !l.trim().startsWith('--'))?.slice(0, 110) ?? ''}\n`);
    };
  }
  return db;
}

/** The progress display of a command on stderr (src/progress.ts decides bar, lines or nothing). */
export function progressFor(args: Pick<CommonArgs, 'json' | 'quiet' | 'debug'>): Progress {
  return createProgress(progressMode({ isTTY: process.stderr.isTTY, json: args.json, quiet: args.quiet, debug: args.debug }));
}
