import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db.js';
import type { RunResult } from '../engine/run.js';
import { copyOut } from './copy.js';

/**
 * load/summary.csv and load/rejects.csv: written by `run` and `validate` alike. Returns the paths
 * written (run.json `files_written`: the next run deletes exactly those, never an analyst's file).
 */
export async function writeLoad(db: Db, result: RunResult, outDir: string): Promise<string[]> {
  const dir = join(outDir, 'load');
  mkdirSync(dir, { recursive: true });
  await db.run(`CREATE OR REPLACE TEMP TABLE load_summary (file VARCHAR, rows_read INTEGER, rows_loaded INTEGER, rows_rejected INTEGER, warnings INTEGER)`);
  await db.appendRows('load_summary', result.load.files.map((f) => [f.file, f.rows_read, f.rows_loaded, f.rows_rejected, f.warnings]));
  const written = await copyOut(db, `SELECT * FROM load_summary ORDER BY file`, join(dir, 'summary'), ['csv']);
  written.push(...(await copyOut(
    db,
    `SELECT file, line, field, value, code, severity, message FROM rejects ORDER BY file, line, severity, code, field`,
    join(dir, 'rejects'),
    ['csv'],
  )));
  return written;
}

