import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './errors.js';
import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

export type Params = Record<string, DuckDBValue>;
/** Explicit bind types, for values DuckDB cannot infer (lists). */
export type ParamTypes = Record<string, DuckDBType>;
export type Row = Record<string, string | number | boolean | null>;

const MACROS = readFileSync(new URL('../sql/macros.sql', import.meta.url), 'utf8');

/** A DuckDB connection with our session settings and macros. */
export class Db {
  /** --debug: called with each statement's duration and its first line. */
  trace?: (ms: number, sql: string) => void;

  /** A scratch file of this process, removed when the database is closed. */
  private scratchPath?: string;

  private constructor(
    readonly instance: DuckDBInstance,
    readonly con: DuckDBConnection,
  ) {}

  /**
   * A database in memory, or in a file (--db). A file this opens anew is readable by its owner only
   * (0600); DuckDB creates its transient WAL with the process umask, but the load never writes
   * names, SSNs or SSIDs outside temporary tables (src/load/pseudonymise.ts).
   */
  static async open(path = ':memory:'): Promise<Db> {
    const isFile = path !== ':memory:' && path !== '';
    const created = isFile && !existsSync(path);
    let db = await Db.connect(path, created);
    if (isFile && !created && (await db.foreign())) {
      db.close();
      throw new UsageError(`--db ${path}: a DuckDB file apr did not write (it holds tables of its own); give a new file name`);
    }
    if (isFile && !created) {
      // An apr file loosened since (cp, umask, chmod) is restricted again; another owner's stays as it is.
      try {
        chmodSync(path, 0o600);
      } catch {
        // not ours to change
      }
    }
    if (isFile && !created && (await db.heldNames())) {
      // A load cache written before pseudonymisation: its pages (freed ones too) hold names and SSNs.
      // It is only a cache: start the file afresh.
      db.close();
      rmSync(path, { force: true });
      rmSync(`${path}.wal`, { force: true });
      db = await Db.connect(path, true);
    }
    // Marks the file as apr's from the start, so a load that stops half-way leaves a file it reuses.
    if (isFile) await db.run(`CREATE TABLE IF NOT EXISTS apr_engine (marker INTEGER)`);
    return db;
  }

  /**
   * A database in a file of the temporary folder, removed on close (or when the process exits): the
   * load's working store for a command without --db. DuckDB compresses tables kept in a file, not
   * those kept in memory; a statewide load is several times larger uncompressed than the memory
   * limit, and spilling it costs more than writing it compressed.
   */
  static async scratch(): Promise<Db> {
    const path = join(tmpdir(), `apr-engine-${process.pid}-${randomBytes(6).toString('hex')}.duckdb`);
    const remove = (): void => {
      rmSync(path, { force: true });
      rmSync(`${path}.wal`, { force: true });
    };
    process.once('exit', remove);
    const db = await Db.open(path);
    db.scratchPath = path;
    // Nothing in a scratch file outlives the command: checkpoints (which rewrite the tables updated
    // since, compressed) would only cost time; bulk inserts are written to the file compressed anyway.
    await db.run(`SET checkpoint_threshold = '1TB'`);
    await db.run(`PRAGMA disable_checkpoint_on_shutdown`);
    return db;
  }

  private static async connect(path: string, created: boolean): Promise<Db> {
    // Bounded memory keeps a statewide run well under 2 GB RSS; larger intermediates spill to disk.
    const instance = await DuckDBInstance.create(path, {
      threads: '2',
      memory_limit: process.env.APR_MEMORY_LIMIT ?? '1000MB',
      temp_directory: join(tmpdir(), `apr-engine-duckdb-${process.pid}`),
    });
    // DuckDB has just created the file (header only): restrict it before anything is written.
    if (created) chmodSync(path, 0o600);
    const con = await instance.connect();
    const db = new Db(instance, con);
    await con.run(`SET TimeZone='UTC'`);
    await con.run(MACROS);
    return db;
  }

  /** A file with tables and none of apr's own (its load cache or key): somebody else's database. */
  private async foreign(): Promise<boolean> {
    const r = await this.one<{ tables: number; ours: boolean }>(
      `SELECT count(*)::INTEGER AS tables, coalesce(bool_or(table_name IN ('apr_engine', 'apr_load_cache', 'apr_salt')), false) AS ours
       FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary`,
    );
    return (r?.tables ?? 0) > 0 && r?.ours !== true;
  }

  /** A --db file with a load cache but no pseudonymisation key: written by an engine that kept names. */
  private async heldNames(): Promise<boolean> {
    const r = await this.one<{ cache: boolean; salt: boolean }>(
      `SELECT bool_or(table_name = 'apr_load_cache') AS cache, bool_or(table_name = 'apr_salt') AS salt
       FROM duckdb_tables() WHERE database_name = current_database()`,
    );
    return r?.cache === true && r.salt !== true;
  }

  async run(sql: string, params?: Params, types?: ParamTypes): Promise<void> {
    const t0 = this.trace ? performance.now() : 0;
    await this.con.run(sql, params, types);
    this.trace?.(performance.now() - t0, sql);
  }

  /** Rows as JSON-safe objects; BIGINT/DECIMAL come back as strings, so cast in SQL. */
  async all<T = Row>(sql: string, params?: Params, types?: ParamTypes): Promise<T[]> {
    const t0 = this.trace ? performance.now() : 0;
    const reader = await this.con.runAndReadAll(sql, params, types);
    this.trace?.(performance.now() - t0, sql);
    return reader.getRowObjectsJson() as unknown as T[];
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  async scalar(sql: string, params?: Params): Promise<number> {
    const row = await this.one<Record<string, unknown>>(sql, params);
    const v = row ? Object.values(row)[0] : undefined;
    return v === null || v === undefined ? 0 : Number(v);
  }

  /** Appends rows to a table, each value converted to its column's declared type. */
  async appendRows(table: string, rows: readonly (readonly DuckDBValue[])[]): Promise<void> {
    const app = await this.con.createAppender(table);
    try {
      // Resolved once: asking the appender for a column's type builds a new type object each time.
      const types = Array.from({ length: app.columnCount }, (_, i) => app.columnType(i));
      const text = types.map((t) => t.typeId === DuckDBTypeId.VARCHAR);
      for (const row of rows) {
        row.forEach((v, i) => {
          if (v === null) app.appendNull();
          else if (text[i] && typeof v === 'string') app.appendVarchar(v);
          else app.appendValue(v, types[i]);
        });
        app.endRow();
      }
    } finally {
      app.closeSync();
    }
  }

  close(): void {
    this.con.closeSync();
    this.instance.closeSync();
    if (this.scratchPath) {
      rmSync(this.scratchPath, { force: true });
      rmSync(`${this.scratchPath}.wal`, { force: true });
    }
  }
}

/** Quote an identifier that comes from our own declarations (never from user input). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quote a string literal from our own declarations (code lists, field names). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
