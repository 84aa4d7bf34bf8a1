// Hand-built databases for the 4A and 4B tests: the derived tables the indicators read (`students`,
// `clean_table_c`, `clean_ppp_reviews`, `district_list`) without loading files.
import { Db } from '../../src/db.js';
import { servedViews } from '../../src/engine/run.js';

export interface Stu {
  district: string;
  id: string;
  selpa?: string;
  birth?: string;
  served?: boolean;
  group?: string | null;
  period?: string;
}

export interface Act {
  id: string;
  type: string;
  days: number | null;
  date?: string;
  selpa?: string;
  period?: string;
}

export interface Review {
  district: string;
  indicator: string;
  noncompliant: 'Y' | 'N';
  item_no?: string | null;
  findings?: number | null;
}

/** Empty fixture tables with the columns the indicators read. */
async function createTables(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE students (_period VARCHAR, _is_june BOOLEAN, served BOOLEAN, undup_excluded BOOLEAN, district VARCHAR,
                                      selpa VARCHAR, student_id VARCHAR, birthdate DATE, apr_group VARCHAR);
    CREATE OR REPLACE TABLE clean_table_c (_period VARCHAR, "SELPA_CODE" VARCHAR, "STUDENT_ID" VARCHAR, "DSPL_DATE" DATE, "DSPL_TYPE" VARCHAR, "DSPL_DAYS" DOUBLE);
    CREATE OR REPLACE TABLE clean_ppp_reviews (district VARCHAR, indicator VARCHAR, review_year VARCHAR, noncompliant VARCHAR, item_no VARCHAR, findings INTEGER);
    CREATE OR REPLACE TABLE district_list (district VARCHAR, district_name VARCHAR, selpa VARCHAR, district_type VARCHAR);
  `);
  await servedViews(db);
}

/** A database of individual records: students (June 2008 unless said), their actions and reviews. */
export async function recordsDb(students: Stu[], actions: Act[], reviews: Review[] = []): Promise<Db> {
  const db = await Db.open();
  await createTables(db);
  await db.run(`CREATE TEMP TABLE s_raw (p VARCHAR, served BOOLEAN, district VARCHAR, selpa VARCHAR, id VARCHAR, birth VARCHAR, grp VARCHAR)`);
  await db.appendRows(
    's_raw',
    students.map((s) => [s.period ?? '2008-06', s.served ?? true, s.district, s.selpa ?? '0101', s.id, s.birth ?? '1998-03-15', s.group === undefined ? 'WH' : s.group]),
  );
  await db.run(`INSERT INTO students SELECT p, p LIKE '%-06', served, false, district, selpa, id, birth::DATE, grp FROM s_raw`);
  await db.run(`CREATE TEMP TABLE c_raw (p VARCHAR, selpa VARCHAR, id VARCHAR, d VARCHAR, t VARCHAR, days DOUBLE)`);
  await db.appendRows(
    'c_raw',
    actions.map((a) => [a.period ?? '2008-06', a.selpa ?? '0101', a.id, a.date ?? '2007-10-15', a.type, a.days]),
  );
  await db.run(`INSERT INTO clean_table_c SELECT p, selpa, id, d::DATE, t, days FROM c_raw`);
  await db.appendRows(
    'clean_ppp_reviews',
    reviews.map((r) => [r.district, r.indicator, '2008-09', r.noncompliant, r.item_no ?? null, r.findings ?? null]),
  );
  await db.run(`INSERT INTO district_list SELECT DISTINCT district, 'District ' || district, '0101', 'unified' FROM students ORDER BY 1`);
  return db;
}

/**
 * An aggregate-shaped database: `specSql` selects (district, pop, n, grp); each district gets `pop`
 * served June 2008 students of group `grp`, the first `n` of them with one out-of-school
 * suspension of 11 days, and one more student each with 5 days (under the cut).
 */
export async function aggregateDb(specSql: string): Promise<Db> {
  const db = await Db.open();
  await createTables(db);
  await db.run(`
    CREATE TEMP TABLE spec AS SELECT district::VARCHAR AS district, pop::INTEGER AS pop, n::INTEGER AS n, grp::VARCHAR AS grp FROM (${specSql}) t(district, pop, n, grp);
    INSERT INTO students
    SELECT '2008-06', true, true, false, s.district, '0101', s.district || '-' || coalesce(s.grp, 'x') || '-' || r.k, DATE '2000-01-01', s.grp
    FROM spec s, range(s.pop) r(k);
    INSERT INTO clean_table_c
    SELECT '2008-06', '0101', s.district || '-' || coalesce(s.grp, 'x') || '-' || r.k, DATE '2007-10-15', '20', CASE WHEN r.k < s.n THEN 11 ELSE 5 END
    FROM spec s, range(s.pop) r(k) WHERE r.k <= s.n AND r.k < s.pop;
    INSERT INTO district_list SELECT DISTINCT district, 'District ' || district, '0101', 'unified' FROM spec ORDER BY 1;
  `);
  return db;
}

/** Just the empty tables (for tests that write the aggregates themselves). */
export async function emptyDb(): Promise<Db> {
  const db = await Db.open();
  await createTables(db);
  return db;
}
