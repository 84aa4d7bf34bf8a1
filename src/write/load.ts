import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db.js';
import type { RunResult } from '../engine/run.js';
import { MAX_SHOWN } from '../load/csvfile.js';
import { FILE_KINDS } from '../load/schemas/index.js';
import { copyOut } from './copy.js';

const REJECT_COLUMNS = ['file', 'line', 'field', 'value', 'code', 'severity', 'message', 'selpa', 'district', 'student_id'];

/** The text of `col` cut to MAX_SHOWN characters, the last one `…` (shorten() in SQL). */
const cut = (col: string): string => `CASE WHEN length(${col}) > ${MAX_SHOWN} THEN left(${col}, ${MAX_SHOWN - 1}) || '…' ELSE ${col} END`;

/**
 * load/summary.csv, load/rejects.csv and load/by-selpa/<SELPA_CODE>.csv (one SELPA's rejects, to send
 * back to it; rows with no SELPA code in unknown.csv): written by `run` and `validate` alike. Returns
 * the paths written (run.json `files_written`: the next run deletes exactly those, never an analyst's file).
 */
export async function writeLoad(db: Db, result: RunResult, outDir: string): Promise<string[]> {
  const dir = join(outDir, 'load');
  mkdirSync(join(dir, 'by-selpa'), { recursive: true });
  await db.run(`CREATE OR REPLACE TEMP TABLE load_summary (file VARCHAR, rows_read INTEGER, rows_loaded INTEGER, rows_rejected INTEGER, warnings INTEGER)`);
  await db.appendRows('load_summary', result.load.files.map((f) => [f.file, f.rows_read, f.rows_loaded, f.rows_rejected, f.warnings]));
  const written = await copyOut(db, `SELECT * FROM load_summary ORDER BY file`, join(dir, 'summary'), ['csv']);

  // The rules already show PII values as [redacted]; this holds whatever a future rule forgets.
  await db.run(`CREATE OR REPLACE TEMP TABLE pii_fields (kind VARCHAR, field VARCHAR)`);
  await db.appendRows('pii_fields', FILE_KINDS.flatMap((k) => k.fields.filter((f) => f.pii).map((f) => [k.id, f.name])));
  // A --db file loaded by an earlier version has no ids: its rejects are written without them.
  await db.run(`CREATE TABLE IF NOT EXISTS reject_ids (file VARCHAR, line INTEGER, selpa VARCHAR, district VARCHAR, student_id VARCHAR)`);
  const districtsKnown =
    (await db.scalar(`SELECT count(*) FROM (SELECT view_name AS n FROM duckdb_views() UNION ALL SELECT table_name FROM duckdb_tables()) WHERE n = 'clean_districts'`)) > 0;
  if (districtsKnown) await db.run(`CREATE OR REPLACE TEMP TABLE district_selpa AS SELECT district__raw AS district, selpa__raw AS selpa FROM clean_districts`);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE rejects_out AS
     SELECT row_number() OVER (ORDER BY r.file, r.line, r.severity, r.code, r.field, r.message) AS ord,
            r.file, r.line, ${cut('r.field')} AS field,
            ${cut(`CASE WHEN p.field IS NOT NULL AND coalesce(r.value, '') <> '' THEN '[redacted]' ELSE r.value END`)} AS value,
            r.code, r.severity, ${cut('r.message')} AS message,
            ${cut('coalesce(i.selpa, d.selpa)')} AS selpa, ${cut('i.district')} AS district, ${cut('i.student_id')} AS student_id,
            CASE WHEN regexp_full_match(coalesce(i.selpa, d.selpa), '[0-9]{4}') THEN coalesce(i.selpa, d.selpa) END AS route
     FROM rejects r
     LEFT JOIN reject_ids i ON i.file = r.file AND i.line = r.line
     LEFT JOIN pii_fields p ON p.kind = r.kind AND p.field = r.field
     -- a file without a SELPA column (Part C, complaints, findings …) is routed by its district's SELPA
     LEFT JOIN (SELECT DISTINCT ON (district) district, selpa FROM ${districtsKnown ? 'district_selpa' : '(SELECT NULL::VARCHAR AS district, NULL::VARCHAR AS selpa)'}) d
       ON i.selpa IS NULL AND d.district = i.district`,
  );
  const cols = REJECT_COLUMNS.join(', ');
  written.push(...(await copyOut(db, `SELECT ${cols} FROM rejects_out ORDER BY ord`, join(dir, 'rejects'), ['csv'])));
  // `route` is a 4-digit code, so it is safe as a file name.
  const selpas = await db.all<{ route: string | null }>(`SELECT DISTINCT route FROM rejects_out ORDER BY route NULLS LAST`);
  for (const { route } of selpas) {
    const path = join(dir, 'by-selpa', `${route ?? 'unknown'}.csv`);
    const where = route === null ? 'route IS NULL' : 'route = $route';
    await db.run(`COPY (SELECT ${cols} FROM rejects_out WHERE ${where} ORDER BY ord) TO $path (FORMAT csv, HEADER true)`, route === null ? { path } : { route, path });
    written.push(path);
  }
  return written;
}
