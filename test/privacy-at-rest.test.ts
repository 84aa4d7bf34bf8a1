// Student privacy at rest: a --db file keeps the load for later commands, but no name, SSN or SSID
// (src/load/pseudonymise.ts). One load of data-samples/ into a file, then a second command reusing it.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../indicators/index.js';
import { Db, quoteIdent } from '../src/db.js';
import { buildRunConfig } from '../src/engine/config.js';
import { outTable } from '../src/engine/indicator.js';
import { type RunResult, runPipeline } from '../src/engine/run.js';
import { FIXED_NOW } from './helpers/engine.js';

const dir = mkdtempSync(join(tmpdir(), 'apr-db-'));
const file = join(dir, 'apr.duckdb');
const TABLE_A = ['2008-06', '2008-12', '2009-06'].map((p) => `data-samples/casemis/${p}/table_a.csv`);
const TABLE_D = ['2008-06', '2009-06'].map((p) => `data-samples/casemis/${p}/table_d.csv`);
const ind12 = INDICATORS.find((i) => i.id === '12')!;

interface Pass {
  result: RunResult;
  mode: number;
  /** Every VARCHAR or BLOB value of every table in the file that equals an identifying input value. */
  found: string[];
  /** Persistent tables with an identifying column. */
  columns: string[];
  /** Referrals counted in a that were linked to a June record (Σ a − unlinked over districts). */
  linked: number;
  a: number;
  rejectValues: string[];
}

/** Names, SSNs and SSIDs of the inputs, read from the CSVs themselves (upper-cased names too). */
async function identifying(db: Db): Promise<void> {
  const list = (files: string[]) => `[${files.map((f) => `'${f}'`).join(', ')}]`;
  await db.run(`CREATE TEMP TABLE pii AS
    SELECT DISTINCT v FROM (
      SELECT unnest([LAST_NAME, FIRST_NAME, upper(LAST_NAME), SSN, SSID]) AS v
      FROM read_csv(${list(TABLE_A)}, all_varchar = true, delim = ',', union_by_name = true, normalize_names = true, ignore_errors = true)
      UNION ALL
      SELECT unnest([last_name, first_name, upper(last_name), ssn])
      FROM read_csv(${list(TABLE_D)}, all_varchar = true, delim = ',', union_by_name = true, normalize_names = true, ignore_errors = true)
      UNION ALL
      SELECT unnest([last_name, first_name, upper(last_name)])
      FROM read_csv('data-samples/partc/referrals.csv', all_varchar = true, delim = ',', normalize_names = true, ignore_errors = true))
    -- (at least 3 distinct characters: the SSID 9000000000 also reads in a column of one-digit codes)
    WHERE length(trim(v)) >= 4 AND length(list_distinct(string_split(v, ''))) >= 3`);
}

/** One command on the --db file: its result plus what the file then holds. */
async function pass(): Promise<Pass> {
  const db = await Db.open(file);
  try {
    // Uncompressed storage: a value left anywhere in the file shows as its own bytes.
    await db.run(`SET force_compression = 'uncompressed'`);
    const cfg = buildRunConfig({ dataDir: 'data-samples', reuseLoad: true, studentLists: true });
    const result = await runPipeline(db, cfg, { log: () => undefined, now: () => FIXED_NOW });
    await identifying(db);
    const cols = await db.all<{ t: string; c: string; type: string }>(
      `SELECT table_name AS t, column_name AS c, data_type AS type FROM duckdb_columns()
       WHERE database_name = current_database() AND NOT internal
         AND table_name IN (SELECT table_name FROM duckdb_tables() WHERE database_name = current_database())
       ORDER BY ALL`,
    );
    const text = cols.filter((c) => c.type === 'VARCHAR');
    const found = await db.all<{ v: string }>(
      `SELECT DISTINCT v FROM (${text.map((c) => `SELECT ${quoteIdent(c.c)} AS v FROM ${quoteIdent(c.t)}`).join(' UNION ALL ')}) SEMI JOIN pii USING (v)`,
    );
    const columns = cols
      .filter((c) => /^(LAST_NAME|FIRST_NAME|SSN|SSID)(__raw)?$|^BIRTHDATE__raw$/i.test(c.c) || (c.c === 'BIRTHDATE' && !['data_table_a', 'data_partc_referrals'].includes(c.t)))
      .map((c) => `${c.t}.${c.c}`);
    const d = (await db.one<{ a: number; linked: number }>(
      `SELECT sum(a)::INTEGER AS a, sum(a - unlinked)::INTEGER AS linked FROM ${outTable(ind12, 'districts')}`,
    ))!;
    const rejectValues = (await db.all<{ v: string }>(`SELECT DISTINCT value AS v FROM rejects WHERE field IN ('LAST_NAME', 'FIRST_NAME', 'BIRTHDATE', 'SSN', 'SSID')`)).map((r) => r.v);
    return { result, mode: statSync(file).mode & 0o777, found: found.map((r) => r.v), columns, ...d, rejectValues };
  } finally {
    db.close();
  }
}

/**
 * Independent reading of the linkage on data-samples: referrals (less the E-DUP row) whose third
 * birthday falls in 2008-09 and who were referred before it, and those among them whose name,
 * birthdate and gender match a June 2009 Table A record the oracle of EXPECTED-REJECTS.csv keeps.
 */
async function linkageOracle(): Promise<{ a: number; linked: number }> {
  const db = await Db.open();
  try {
    const norm = (s: string) => `upper(regexp_replace(nfc_normalize(trim(${s})), '[^\\p{L}]', '', 'g'))`;
    const date = (s: string) => `coalesce(try_strptime(${s}, '%Y-%m-%d'), try_strptime(${s}, '%m/%d/%Y'), try_strptime(${s}, '%m%d%Y'))::DATE`;
    const r = await db.one<{ a: number; linked: number }>(
      `WITH bad AS (SELECT file, line FROM read_csv('data-samples/EXPECTED-REJECTS.csv', all_varchar = true) WHERE severity = 'error'),
       june AS (SELECT DISTINCT ${norm('LAST_NAME')} AS l, ${norm('FIRST_NAME')} AS f, ${date('BIRTHDATE')} AS b, upper(trim(GENDER)) AS g
                FROM (SELECT *, row_number() OVER () + 1 AS line FROM read_csv('${TABLE_A[2]}', all_varchar = true, delim = ','))
                WHERE line::VARCHAR NOT IN (SELECT line FROM bad WHERE file = 'casemis/2009-06/table_a.csv')),
       ref AS (SELECT ${norm('LAST_NAME')} AS l, ${norm('FIRST_NAME')} AS f, ${date('BIRTHDATE')} AS b, upper(trim(GENDER)) AS g,
                      ${date('REFR_DATE')} AS refr
               FROM (SELECT *, row_number() OVER () + 1 AS line FROM read_csv('data-samples/partc/referrals.csv', all_varchar = true, delim = ','))
               WHERE line::VARCHAR NOT IN (SELECT line FROM bad WHERE file = 'partc/referrals.csv')),
       a AS (SELECT * FROM ref WHERE refr < b + INTERVAL 3 YEAR AND (b + INTERVAL 3 YEAR)::DATE BETWEEN DATE '2008-07-01' AND DATE '2009-06-30')
       SELECT count(*)::INTEGER AS a, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM june j WHERE j.l = a.l AND j.f = a.f AND j.b = a.b AND j.g = a.g))::INTEGER AS linked FROM a`,
    );
    return r!;
  } finally {
    db.close();
  }
}

let first: Pass;
let again: Pass;

beforeAll(async () => {
  first = await pass();
  again = await pass();
}, 180_000);

afterAll(() => { if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true }); });

describe('privacy at rest: the --db file', () => {
  it('is created readable by its owner only (0600)', () => {
    expect(first.mode.toString(8)).toBe('600');
    expect(again.mode.toString(8)).toBe('600');
  });

  it('the second command reuses the load and gives the same figures, Indicator 12 linked as an independent reading does', async () => {
    expect(first.result.load.reused).toBeFalsy();
    expect(again.result.load.reused).toBe(true);
    const figures = (r: RunResult) => r.summary.map((s) => [s.id, s.status, s.numerator, s.denominator, s.value]);
    expect(figures(again.result)).toEqual(figures(first.result));
    const oracle = await linkageOracle();
    expect(oracle.linked).toBeGreaterThan(30); // the sample links most referrals: a real check, not 0 = 0
    expect({ a: first.a, linked: first.linked }).toEqual(oracle);
    expect({ a: again.a, linked: again.linked }).toEqual(oracle);
  });

  it('no table holds a name, SSN or SSID column or value; birthdates only where an indicator needs them; rejects redact them', () => {
    for (const p of [first, again]) {
      expect(p.columns).toEqual([]);
      expect(p.found).toEqual([]);
      expect(p.rejectValues).toEqual(['[redacted]']);
    }
  });

  it('no name, SSN or SSID of the inputs is found in the bytes of the file', async () => {
    const db = await Db.open();
    let needles: string[];
    try {
      await identifying(db);
      needles = (await db.all<{ v: string }>(`SELECT v FROM pii ORDER BY v`)).map((r) => r.v);
    } finally {
      db.close();
    }
    expect(needles.length).toBeGreaterThan(5000);
    // Every tenth value (names, upper-cased surnames, SSNs, SSIDs alike): the table scan above
    // already sees every value; this looks at the bytes, freed pages included, at ~1 ms a search.
    needles = needles.filter((_, i) => i % 10 === 0);
    expect(existsSync(`${file}.wal`)).toBe(false);
    // Runs of zero bytes (most of a DuckDB file: empty block space) cannot hold a value: collapse them
    // so thousands of searches stay fast.
    const bytes = readFileSync(file);
    const packed = Buffer.alloc(bytes.length);
    let n = 0;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0 || (n > 0 && packed[n - 1] !== 0)) packed[n++] = bytes[i]!;
    const text = packed.subarray(0, n);
    const leaked = needles.filter((v) => text.includes(Buffer.from(v, 'utf8')));
    expect(leaked).toEqual([]);
  });

  it('a load cache written by an engine that kept names is started afresh; another DuckDB file is refused and left alone', async () => {
    const legacy = join(dir, 'legacy.duckdb');
    const other = join(dir, 'other.duckdb');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    for (const [path, tables] of [[legacy, ['apr_load_cache', 'data_table_a']], [other, ['mine']]] as const) {
      const inst = await DuckDBInstance.create(path);
      const con = await inst.connect();
      for (const t of tables) await con.run(`CREATE TABLE ${t} AS SELECT 'Wickadsen' AS v`);
      con.closeSync();
      inst.closeSync();
    }
    const names = async (path: string) => {
      const db = await Db.open(path);
      try {
        return (await db.all<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() ORDER BY 1`)).map((r) => r.t);
      } finally {
        db.close();
      }
    };
    // started afresh: only apr's marker table, no trace of the old pages
    expect(await names(legacy)).toEqual(['apr_engine']);
    expect(readFileSync(legacy).includes('Wickadsen')).toBe(false);
    await expect(Db.open(other)).rejects.toThrow(/a DuckDB file apr did not write/);
    const inst = await DuckDBInstance.create(other);
    const con = await inst.connect();
    const left = (await con.runAndReadAll(`SELECT table_name FROM duckdb_tables() ORDER BY 1`)).getRows().map((r) => r[0]);
    con.closeSync();
    inst.closeSync();
    expect(left).toEqual(['mine']);
  });
});
