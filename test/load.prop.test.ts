// Property tests: corrupt input never crashes the loader and the counts always reconcile; the age
// macro agrees with a plain reference on any dates, Feb 29 included.
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { Db } from '../src/db.js';
import { InputError } from '../src/errors.js';
import { DataDir, requiredHeader, studentA } from './helpers/fixture.js';
import { testConfig, withRun } from './helpers/engine.js';

const header = requiredHeader('table_a');
const base = studentA();

// Cells a broken export produces: valid values, blanks, stray quotes, separators, newlines, NUL, non-ASCII.
const junk = fc.oneof(
  fc.constantFrom('', ' ', '"', '""', '"a""b"', 'a"b', '"x,y"', '"multi\nline"', 'x\ty', '\u0000', 'ñ', '2008-02-30', '13/45/2008', '-1', '999'),
  fc.string({ maxLength: 6 }),
);

const rowArb = fc.record({
  kind: fc.constantFrom('valid', 'cells', 'ragged', 'blank'),
  edits: fc.array(fc.tuple(fc.nat({ max: header.length - 1 }), junk), { maxLength: 4 }),
  drop: fc.integer({ min: -3, max: 3 }),
});

interface RowSpec {
  kind: string;
  edits: [number, string][];
  drop: number;
}

function renderRow(r: RowSpec, i: number): string {
  if (r.kind === 'blank') return '';
  const cells = header.map((h) => (h === 'STUDENT_ID' ? `P${i}` : (base[h] ?? '')));
  if (r.kind !== 'valid') for (const [col, v] of r.edits) cells[col] = v;
  if (r.kind === 'ragged') {
    if (r.drop < 0) cells.splice(r.drop);
    else for (let k = 0; k < r.drop; k++) cells.push('x');
  }
  return cells.join(',');
}

describe('loader properties', () => {
  test.prop([fc.array(rowArb, { minLength: 1, maxLength: 12 }), fc.boolean()], { numRuns: 15 })(
    'arbitrary corrupt rows: no crash, read = loaded + rejected, every reject names a line of the file',
    async (rows, crlf) => {
      const eol = crlf ? '\r\n' : '\n';
      const text = [header.join(','), ...rows.map(renderRow)].join(eol) + eol;
      const d = new DataDir().districts().write('casemis/2008-12/table_a.csv', text);
      const physicalLines = text.split('\n').length;
      try {
        await withRun(testConfig(d.root, { mode: 'validate' }), async (db, result) => {
          for (const f of result.load.files) expect(f.rows_read).toBe(f.rows_loaded + f.rows_rejected);
          const bad = await db.scalar(`SELECT count(*)::INTEGER FROM rejects WHERE line < 2 OR line > $n`, { n: physicalLines });
          expect(bad).toBe(0);
        });
      } catch (e) {
        // A file-level problem is a legitimate outcome (e.g. a header-only Table A); a crash is not.
        expect(e).toBeInstanceOf(InputError);
      }
    },
    // Each case is a whole validate run (~2 s on the 2-core machine).
    120_000,
  );
});

/** Reference: whole years from b to d; a Feb 29 birthday completes on Feb 28 of a common year. */
function refAge(b: Date, d: Date): number {
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const bm = b.getUTCMonth();
  let bd = b.getUTCDate();
  if (bm === 1 && bd === 29 && !leap(d.getUTCFullYear())) bd = 28;
  if (d.getUTCMonth() < bm || (d.getUTCMonth() === bm && d.getUTCDate() < bd)) age--;
  return age;
}

const iso = (x: Date): string => x.toISOString().slice(0, 10);

describe('age_on', () => {
  let db: Db;
  beforeAll(async () => {
    db = await Db.open();
  });
  afterAll(() => db.close());

  const day = fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2012-12-31T00:00:00Z'), noInvalidDate: true }).map((x) => new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate())));
  const leapBirth = fc.integer({ min: 1980, max: 2008 }).filter((y) => y % 4 === 0).map((y) => new Date(Date.UTC(y, 1, 29)));

  test.prop([fc.array(fc.tuple(fc.oneof(day, leapBirth), day), { minLength: 1, maxLength: 200 })], { numRuns: 30 })('matches the reference on any pair of dates', async (pairs) => {
    const valid = pairs.filter(([b, d]) => b <= d);
    if (!valid.length) return;
    const rows = await db.all<{ a: number }>(
      `SELECT age_on(b, d)::INTEGER AS a FROM (SELECT unnest(from_json($b, '["DATE"]')) AS b, unnest(from_json($d, '["DATE"]')) AS d)`,
      { b: JSON.stringify(valid.map(([b]) => iso(b))), d: JSON.stringify(valid.map(([, d]) => iso(d))) },
    );
    expect(rows.map((r) => r.a)).toEqual(valid.map(([b, d]) => refAge(b, d)));
  });

  test('edges: birthday on the date, the day before, Feb 29 in common and leap years', async () => {
    const cases: [string, string, number][] = [
      ['2000-12-01', '2008-12-01', 8],
      ['2000-12-02', '2008-12-01', 7],
      ['2004-02-29', '2009-02-28', 5],
      ['2004-02-29', '2009-02-27', 4],
      ['2004-02-29', '2008-02-28', 3],
      ['2004-02-29', '2008-02-29', 4],
      ['2005-06-30', '2008-06-30', 3],
    ];
    for (const [b, d, want] of cases) {
      expect(await db.scalar(`SELECT age_on($b::DATE, $d::DATE)::INTEGER`, { b, d }), `${b} on ${d}`).toBe(want);
    }
  });
});
