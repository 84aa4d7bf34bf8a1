// Run the engine in-process the way the CLI does, with a pinned clock and no output noise.
import { Db } from '../../src/db.js';
import { buildRunConfig } from '../../src/engine/config.js';
import { type RunConfig, type RunResult, runPipeline } from '../../src/engine/run.js';

export const FIXED_NOW = new Date('2009-12-15T12:00:00Z');

/** Student lists are built in tests so their tables can be checked (the CLI builds them only with --student-lists). */
export function testConfig(dataDir: string, opts: { mode?: RunConfig['mode']; only?: string[]; params?: Record<string, string>; profile?: string; year?: string } = {}): RunConfig {
  return buildRunConfig({ dataDir, mode: opts.mode, only: opts.only, params: opts.params, studentLists: true, profile: opts.profile, year: opts.year });
}

/** Runs the pipeline on a folder and hands the open database to `fn` before closing it. */
export async function withRun<T>(cfg: RunConfig, fn: (db: Db, result: RunResult) => Promise<T> | T): Promise<T> {
  const db = await Db.open();
  try {
    const result = await runPipeline(db, cfg, { log: () => undefined, now: () => FIXED_NOW });
    return await fn(db, result);
  } finally {
    db.close();
  }
}

export interface Reject {
  file: string;
  line: number;
  field: string;
  value: string;
  code: string;
  severity: string;
  message: string;
}

export async function rejectsOf(db: Db): Promise<Reject[]> {
  return db.all<Reject>(`SELECT file, line, field, value, code, severity, message FROM rejects ORDER BY file, line, code`);
}
