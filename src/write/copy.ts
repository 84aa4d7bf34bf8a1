import type { Db } from '../db.js';

/** `--format`: file formats of each table, and `xlsx`, one workbook of every table (src/write/xlsx.ts). */
export type Format = 'csv' | 'json' | 'parquet' | 'xlsx';

const COPY_OPTIONS: Record<Exclude<Format, 'xlsx'>, string> = {
  csv: `(FORMAT csv, HEADER true)`,
  json: `(FORMAT json, ARRAY true)`,
  parquet: `(FORMAT parquet, COMPRESSION zstd)`,
};

/**
 * Writes a query or table in every asked per-table format: `<base>.csv`, `<base>.json`, … (xlsx is
 * not per table). Returns the paths written, for run.json `files_written`.
 */
export async function copyOut(db: Db, source: string, base: string, formats: readonly Format[]): Promise<string[]> {
  const written: string[] = [];
  for (const f of formats) {
    if (f === 'xlsx') continue;
    const path = `${base}.${f}`;
    await db.run(`COPY (${source}) TO $path ${COPY_OPTIONS[f]}`, { path });
    written.push(path);
  }
  return written;
}
