// File-level problems stop the run (exit 3) naming the file; malformed records are E-CSV rejects
// at the line where the record starts; format variants (BOM, CRLF, aliases, date forms) load.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../src/errors.js';
import { buildRunConfig } from '../src/engine/config.js';
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
  it('invalid UTF-8: the line, the byte offset and what to do', async () => {
    const good = Buffer.from(csvText(header, [studentA()])); // header (line 1) and one row (line 2)
    const bytes = Buffer.concat([good, Buffer.from([0xff, 0xfe, 0x0a])]);
    await expectInputError(
      new DataDir().districts().write('casemis/2008-12/table_a.csv', bytes),
      'casemis/2008-12/table_a.csv',
      new RegExp(`^casemis/2008-12/table_a\\.csv: not valid UTF-8 text at line 3, byte offset ${good.length} \\(byte 0xFF\\): save it as UTF-8`),
    );
  });
  it.each([
    ['casemis/2008-12/table_a.csv', 'casemis/2008-12/table_a.csv/0101.csv'],
    ['reference/districts.csv', 'reference/districts.csv/all.csv'],
  ])('%s is a folder: exit 3 naming it', async (path, inside) => {
    const d = new DataDir().tableA('2009-06', [studentA({}, '2009-06')]).write(inside, 'a,b\n');
    if (!path.startsWith('reference/')) d.districts();
    await expectInputError(d, path, /is a folder, but a CSV file is expected/);
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

describe('file names and encodings', () => {
  it('file names are matched ignoring case and named as they are on disk', async () => {
    const d = new DataDir().write('Reference/Districts.CSV', csvText(fullHeader('districts').filter((h) => h !== 'charter'), [districtRow()]));
    d.csv('Casemis/2008-12/TABLE_A.CSV', header, [studentA({ GENDER: 'X' })]);
    await withRun(testConfig(d.root, { mode: 'validate' }), async (db, r) => {
      expect(r.load.files.map((f) => [f.file, f.kind, f.rows_read])).toEqual([
        ['Casemis/2008-12/TABLE_A.CSV', 'table_a', 1],
        ['Reference/Districts.CSV', 'districts', 1],
      ]);
      expect((await rejectsOf(db)).map((x) => [x.file, x.line, x.code])).toEqual([['Casemis/2008-12/TABLE_A.CSV', 2, 'E118']]);
    });
  });

  it('--encoding windows-1252 converts the files that are not UTF-8; UTF-8 files stay as they are', async () => {
    const districts = csvText(fullHeader('districts').filter((h) => h !== 'charter'), [districtRow({ name: 'Peñasco Unified' })]);
    const latin = Buffer.from(districts, 'latin1'); // ñ = 0xF1
    const utf8Rows = csvText(header, [studentA({ STUDENT_ID: 'Ñ1' })]);
    const d = new DataDir().write('reference/districts.csv', latin).write('casemis/2008-12/table_a.csv', utf8Rows);
    await expectInputError(d, 'reference/districts.csv', /not valid UTF-8 text at line 2/);
    const cfg = buildRunConfig({ dataDir: d.root, mode: 'validate', encoding: 'latin1' });
    await withRun(cfg, async (db, r) => {
      expect(await db.all(`SELECT name FROM clean_districts`)).toEqual([{ name: 'Peñasco Unified' }]);
      expect(await db.all(`SELECT "STUDENT_ID" AS s FROM clean_table_a`)).toEqual([{ s: 'Ñ1' }]);
      expect(r.load.files.find((f) => f.kind === 'districts')!.sha256).toBe(createHash('sha256').update(latin).digest('hex'));
      expect(r.warnings).toEqual([
        { indicator: 'load', code: 'W-ENCODING', message: 'reference/districts.csv is not UTF-8: read as Windows-1252/Latin-1 text (--encoding) and converted to UTF-8' },
      ]);
    });
  });

  it('--encoding takes utf-8, latin1 or windows-1252 (exit 2 otherwise)', () => {
    expect(() => buildRunConfig({ dataDir: '.', encoding: 'utf-16' })).toThrow(UsageError);
    expect(() => buildRunConfig({ dataDir: '.', encoding: 'utf-16' })).toThrow('--encoding: expected utf-8, latin1 or windows-1252, got "utf-16"');
  });
});
