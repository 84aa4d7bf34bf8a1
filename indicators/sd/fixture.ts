// Data folders for the worked examples of SIGNIFICANT-DISPROPORTIONALITY.md, built from counts: per
// year, district and federal group, n served December records (in the category) and N enrolled.
import { readFileSync } from 'node:fs';
import { INDICATORS } from '../index.js';
import { Db } from '../../src/db.js';
import { type RunConfig, runContext } from '../../src/engine/run.js';
import { countStep } from '../../src/engine/runner.js';
import { writeScenarios } from '../../src/engine/scenarios.js';
import { splitStatements } from '../../src/sqlfile.js';
import { DataDir, districtRow, fullHeader, type Rec, requiredHeader, studentA } from '../../test/helpers/fixture.js';

export type Grp = 'HI7' | 'AM7' | 'AS7' | 'BL7' | 'PI7' | 'WH7' | 'MU7';

/** ETHNICITY1..2 of a record of each group (MU7: two race families). */
const CODES: Record<Grp, [string, string?]> = {
  HI7: ['500'], AM7: ['100'], AS7: ['201'], BL7: ['600'], PI7: ['301'], WH7: ['700'], MU7: ['600', '700'],
};

export interface Cell {
  district: string;
  grp: Grp;
  /** Served December records of the group counted in the category (DISABILITY1 `disability`). */
  n: number;
  /** K-12 enrollment of the group (the identification denominator). */
  N: number;
  /** DISABILITY1 of the n records (default 290, SLD). */
  disability?: string;
}

/** Letters only (names allow letters): 0 → A, 25 → Z, 26 → BA. */
function letters(i: number): string {
  let s = '';
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26);
  } while (i > 0);
  return s;
}

/**
 * A data folder: reference/districts.csv (each district its own SELPA), and for each school year
 * (`2008-09`) a December Table A and the cbeds rows of its cells. Records are unique per SELPA
 * (STUDENT_ID) and across SELPAs (names), so none is unduplicated.
 */
export function sdFolder(years: Record<string, Cell[]>, dir = new DataDir()): DataDir {
  const districts = [...new Set(Object.values(years).flat().map((c) => c.district))].sort();
  const selpa = (d: string): string => String(1000 + districts.indexOf(d));
  dir.districts(districts.map((d) => districtRow({ district: d, name: `District ${letters(districts.indexOf(d))}`, selpa: selpa(d) })));
  const cbeds: Rec[] = [];
  let id = 0;
  for (const [year, cells] of Object.entries(years)) {
    const period = `${year.slice(0, 4)}-12`;
    const rows: Rec[] = [];
    for (const c of cells) {
      cbeds.push({ district: c.district, year, grade_span: 'K12', group: c.grp, enrollment: String(c.N) });
      const [e1, e2] = CODES[c.grp];
      for (let i = 0; i < c.n; i++) {
        id++;
        rows.push(
          studentA(
            {
              SELPA_CODE: selpa(c.district),
              DIST_SERV: c.district,
              DIST_RESI: c.district,
              STUDENT_ID: `S${id}`,
              LAST_NAME: `Case${letters(id)}`,
              ETHNICITY1: e1,
              ETHNICITY2: e2 ?? '',
              DISABILITY1: c.disability ?? '290',
            },
            period,
          ),
        );
      }
    }
    dir.tableA(period, rows, [...requiredHeader('table_a'), 'ETHNICITY2']);
  }
  dir.csv('enrollment/cbeds.csv', fullHeader('cbeds'), cbeds);
  return dir;
}

/** One count of sd_counts: year offset k (0 = Y), district, group, n and N of ID_ALL. */
export interface AggCell {
  k: number;
  district: string;
  grp: Grp;
  n: number;
  N: number;
}

/**
 * A database holding what the count step makes (sd_counts and the tables beside it) for ID_ALL only,
 * straight from counts: the decide step and the outputs then run on it (property tests). Every
 * year of the window has its inputs; Y is 2008-09.
 */
export async function sdAggregateDb(cfg: RunConfig, cells: AggCell[]): Promise<Db> {
  const db = await Db.open();
  await db.run(`
    CREATE TABLE load_files AS SELECT 'x' AS file, 'table_a' AS kind, p AS period FROM (VALUES ('2006-12'), ('2007-12'), ('2008-12')) t(p);
    CREATE TABLE clean_cbeds AS SELECT 'zzz' AS district, y AS year, NULL::VARCHAR AS grade_span, 'NR' AS "group", 0 AS enrollment FROM (VALUES ('2006-07'), ('2007-08'), ('2008-09')) t(y);
    CREATE TABLE served_dec (_period VARCHAR, district VARCHAR, sd_grp VARCHAR, age_rept INTEGER, disability VARCHAR, fedset_sch VARCHAR, in_regcls INTEGER, grade VARCHAR, plan_type VARCHAR);
    CREATE TABLE served_jun (_period VARCHAR, district VARCHAR, sd_grp VARCHAR, selpa VARCHAR, student_id VARCHAR, birthdate DATE, plan_type VARCHAR);
    CREATE TABLE clean_table_c (_period VARCHAR, "SELPA_CODE" VARCHAR, "STUDENT_ID" VARCHAR, "DSPL_TYPE" VARCHAR, "DSPL_DAYS" DOUBLE);
    CREATE TABLE clean_districts AS SELECT DISTINCT district AS district__raw FROM (VALUES ('x')) t(district) WHERE false;
    CREATE TABLE district_list (district VARCHAR, district_name VARCHAR, selpa VARCHAR);
  `);
  const rc = runContext(cfg);
  await writeScenarios(db, cfg.catalog, [{ id: 0, values: cfg.params.values }]);
  await countStep(db, rc, SD, cfg.params.values);
  await db.run(`CREATE OR REPLACE TEMP TABLE sd_counts (y VARCHAR, district VARCHAR, category VARCHAR, grp VARCHAR, n BIGINT, big_n BIGINT)`);
  await db.appendRows('sd_counts', cells.map((c) => [`${2008 - c.k}-${String((2009 - c.k) % 100).padStart(2, '0')}`, c.district, 'ID_ALL', c.grp, c.n, c.N]));
  // the LEA and State totals and the rows to decide, again over these counts (the last statements of count.sql)
  const stmts = splitStatements(readFileSync(new URL('count.sql', import.meta.url), 'utf8'));
  for (const s of stmts.filter((x) => /TEMP TABLE sd_(lea|state|rows) AS/.test(x))) await db.run(s);
  await db.run(`INSERT INTO clean_districts SELECT DISTINCT district FROM sd_counts`);
  return db;
}

const SD = INDICATORS.find((i) => i.id === 'sd')!;
