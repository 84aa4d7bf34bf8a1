// File-level problems stop the run (exit 3) naming the file; malformed records are E-CSV rejects
// at the line where the record starts; format variants (BOM, CRLF, aliases, date forms) load.
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { csvText, DataDir, districtRow, fullHeader, requiredHeader, studentA } from './helpers/fixture.js';
import { rejectsOf, testConfig, withRun } from './helpers/engine.js';

async function expectInputError(d: DataDir, file: string, problem: RegExp): Promise<void> {
  const run = withRun(testConfig(d.root, { mode: 'validate' }), () => undefined);
  await expect(run).rejects.toBeInstanceOf(InputError);
  await expect(run).rejects.toMatchObject({ exitCode: 3, file, message: expect.stringMatching(problem) as unknown });
}

const header = requiredHeader('table_a');

describe('file errors (exit 3)', () => {
  it('missing data folder', async () => {
    await expect(withRun(testConfig('/nonexistent/apr-data', { mode: 'validate' }), () => undefined)).rejects.toMatchObject({ exitCode: 3 });
  });
  it('a full run on a folder with nothing but reference/districts.csv stops (the self-review module does not count)', async () => {
    const run = withRun(testConfig(new DataDir().districts().root), () => undefined);
    await expect(run).rejects.toMatchObject({ exitCode: 3, message: expect.stringMatching(/^no input is usable for the indicators asked for/) as unknown });
  });
  it('missing reference/districts.csv', async () => {
    await expectInputError(new DataDir().tableA('2008-12', [studentA()]), 'reference/districts.csv', /missing/);
  });
  it('empty file (0 bytes)', async () => {
    await expectInputError(new DataDir().districts().write('casemis/2008-12/table_a.csv', ''), 'casemis/2008-12/table_a.csv', /empty/);
  });
  it('header only in Table A', async () => {
    await expectInputError(new DataDir().districts().tableA('2008-12', []), 'casemis/2008-12/table_a.csv', /header but no rows/);
  });
  it('a header-only file other than Table A is valid with 0 rows', async () => {
    const d = new DataDir().districts().tableA('2008-12', [studentA()]).csv('casemis/2008-12/table_b.csv', fullHeader('table_b'), []);
    await withRun(testConfig(d.root, { mode: 'validate' }), (_db, r) => {
      expect(r.load.files.find((f) => f.file === 'casemis/2008-12/table_b.csv')).toMatchObject({ rows_read: 0, rows_loaded: 0 });
    });
  });
  it('invalid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from(csvText(header, [studentA()])), Buffer.from([0xff, 0xfe, 0x0a])]);
    await expectInputError(new DataDir().districts().write('casemis/2008-12/table_a.csv', bytes), 'casemis/2008-12/table_a.csv', /UTF-8/);
  });
  it('binary content', async () => {
    await expectInputError(new DataDir().districts().write('casemis/2008-12/table_a.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a, 0x01])), 'casemis/2008-12/table_a.csv', /not a CSV/);
  });
  it('not CSV: no comma in the header', async () => {
    await expectInputError(new DataDir().districts().write('casemis/2008-12/table_a.csv', 'REPT_DATE;SELPA_CODE;STUDENT_ID\n1;2;3\n'), 'casemis/2008-12/table_a.csv', /not a CSV/);
  });
  it('missing required column, named', async () => {
    const d = new DataDir().districts().tableA('2008-12', [studentA()], header.filter((h) => h !== 'BIRTHDATE'));
    await expectInputError(d, 'casemis/2008-12/table_a.csv', /missing required column BIRTHDATE/);
  });
  it('duplicate column names (also through an alias)', async () => {
    const d = new DataDir().districts().tableA('2008-12', [studentA()], [...header, 'DISABILIT1']);
    await expectInputError(d, 'casemis/2008-12/table_a.csv', /DISABILITY1 appears twice/);
  });
});

describe('CSV format', () => {
  it('BOM, CRLF, aliases, any order, case-insensitive header, the three date forms, quoted newline', async () => {
    const rows = [
      studentA({ STUDENT_ID: 'A1', BIRTHDATE: '03/15/1998' }),
      studentA({ STUDENT_ID: 'A2', BIRTHDATE: '03151998' }),
      studentA({ STUDENT_ID: 'A3', BIRTHDATE: '3/5/1998', FIRST_NAME: 'Zoë' }),
    ];
    const hdr = [...header].reverse().map((h) => (h === 'DISABILITY1' ? 'disabilit1' : h === 'SELPA_CODE' ? 'Selpa' : h));
    const text = csvText(hdr, rows.map((r) => ({ ...r, disabilit1: r.DISABILITY1!, Selpa: r.SELPA_CODE! })), '\r\n');
    const d = new DataDir()
      .districts([districtRow({ name: 'Alpha\r\nUnified, "North"' })])
      .write('casemis/2008-12/table_a.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    await withRun(testConfig(d.root, { mode: 'validate' }), async (db, r) => {
      expect(r.load.files.find((f) => f.kind === 'table_a')).toMatchObject({ rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
      const births = await db.all<{ id: string; b: string; line: number }>(`SELECT "STUDENT_ID" AS id, strftime("BIRTHDATE", '%Y-%m-%d') AS b, _line AS line FROM clean_table_a ORDER BY _line`);
      expect(births).toEqual([
        { id: 'A1', b: '1998-03-15', line: 2 },
        { id: 'A2', b: '1998-03-15', line: 3 },
        { id: 'A3', b: '1998-03-05', line: 4 },
      ]);
      expect(await db.scalar(`SELECT count(*)::INTEGER FROM clean_districts WHERE name = 'Alpha' || chr(10) || 'Unified, "North"'`)).toBe(1);
    });
  });

  it('malformed records are E-CSV rejects at their first line; blank lines are not rows', async () => {
    const good = csvText(header, [studentA({ STUDENT_ID: 'G1' })]).split('\n')[1]!;
    const cells = good.split(',');
    const lines = [
      header.join(','),
      good, // 2
      '', // 3 blank
      [...cells, 'extra'].join(','), // 4 too many
      cells.slice(0, -2).join(','), // 5 too few
      good.replace('G1', 'G2').replace('Testperson', '"Test\nperson"').replace('Alex', 'Al\u0000ex'), // 6-7: NUL byte, quoted newline
      good.replace('G1', 'G3').replace('Alex', 'Alexa'), // 8
      '   ', // 9 whitespace only
      good.replace('G1', 'G4').replace('Alex', 'Alexis'), // 10
    ];
    const d = new DataDir().districts().write('casemis/2008-12/table_a.csv', `${lines.join('\n')}\n`);
    await withRun(testConfig(d.root, { mode: 'validate' }), async (db, r) => {
      const rej = (await rejectsOf(db)).filter((x) => x.code === 'E-CSV');
      expect(rej.map((x) => x.line)).toEqual([4, 5, 6]);
      expect(rej.every((x) => x.severity === 'error' && x.value === '')).toBe(true);
      expect(r.load.files.find((f) => f.kind === 'table_a')).toMatchObject({ rows_read: 6, rows_loaded: 3, rows_rejected: 3 });
      const loaded = await db.all<{ id: string; line: number }>(`SELECT "STUDENT_ID" AS id, _line AS line FROM clean_table_a ORDER BY _line`);
      expect(loaded).toEqual([
        { id: 'G1', line: 2 },
        { id: 'G3', line: 8 },
        { id: 'G4', line: 10 },
      ]);
    });
  });

  it('an unterminated quote swallows the rest of the file as one rejected record', async () => {
    const rows = csvText(header, [studentA({ STUDENT_ID: 'G1' }), studentA({ STUDENT_ID: 'G2' })]).split('\n');
    const text = [rows[0], rows[1], rows[2]!.replace('G2', '"G2'), rows[2]!.replace('G2', 'G3'), ''].join('\n');
    const d = new DataDir().districts().write('casemis/2008-12/table_a.csv', text);
    await withRun(testConfig(d.root, { mode: 'validate' }), async (db, r) => {
      const rej = (await rejectsOf(db)).filter((x) => x.code === 'E-CSV');
      expect(rej.map((x) => x.line)).toEqual([3]);
      expect(r.load.files.find((f) => f.kind === 'table_a')).toMatchObject({ rows_read: 2, rows_loaded: 1, rows_rejected: 1 });
    });
  });

  it('unknown columns are ignored and listed; codes keep leading zeros', async () => {
    const d = new DataDir().districts([districtRow({ district: '0110017' })]).tableA('2008-12', [{ ...studentA(), NOTES: 'x' }], [...header, 'NOTES']);
    await withRun(testConfig(d.root, { mode: 'validate' }), async (db, r) => {
      expect(r.load.files.find((f) => f.kind === 'table_a')!.unknown_columns).toEqual(['NOTES']);
      expect(await db.scalar(`SELECT count(*)::INTEGER FROM clean_table_a WHERE "DIST_RESI" = '0110017'`)).toBe(1);
    });
  });
});
