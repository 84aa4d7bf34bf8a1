import type { Db } from '../db.js';

export type Format = 'csv' | 'json' | 'parquet';

const COPY_OPTIONS: Record<Format, string> = {
  csv: `(FORMAT csv, HEADER true)`,
  json: `(FORMAT json, ARRAY true)`,
  parquet: `(FORMAT parquet, COMPRESSION zstd)`,
};

/** Writes a query or table in every asked format: `<base>.csv`, `<base>.json`, … */
export async function copyOut(db: Db, source: string, base: string, formats: Format[]): Promise<void> {
  for (const f of formats) {
    await db.run(`COPY (${source}) TO $path ${COPY_OPTIONS[f]}`, { path: `${base}.${f}` });
  }
}

