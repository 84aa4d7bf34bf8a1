// Data folders for the worked examples of SIGNIFICANT-DISPROPORTIONALITY.md, built from counts: per
// year, district and federal group, n served December records (in the category) and N enrolled.
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
