// Which files a run reads: names ignoring case, a folder where a CSV belongs, every unread CSV
// listed, and a warning for a name that looks like a slip. No database: these run in milliseconds.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { discover, editDistance, listPeriods } from './discover.js';
import { FILE_KINDS } from './schemas/index.js';

function folder(files: string[], dirs: string[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'apr-discover-'));
  for (const d of dirs) mkdirSync(join(root, d), { recursive: true });
  for (const f of files) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), 'a,b\n1,2\n');
  }
  return root;
}

/** What discover throws for the 2009-06 submission of `root` (undefined when it does not). */
function discoverError(root: string): unknown {
  try {
    discover(root, FILE_KINDS, ['2009-06']);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('file names are matched ignoring case', () => {
  it('Casemis/2009-06/TABLE_A.CSV is Table A of 2009-06, named as it is on disk', () => {
    const root = folder(['Reference/Districts.csv', 'Casemis/2009-06/TABLE_A.CSV', 'casemis/2009-06/Table_B.csv', 'ESEA/grad_dropout.CSV']);
    expect(listPeriods(root)).toEqual(['2009-06']);
    const { inputs, ignored, warnings } = discover(root, FILE_KINDS, ['2009-06']);
    expect(inputs.map((i) => [i.kind.id, i.relPath, i.period])).toEqual([
      ['districts', 'Reference/Districts.csv', null],
      ['table_a', 'Casemis/2009-06/TABLE_A.CSV', '2009-06'],
      ['table_b', 'casemis/2009-06/Table_B.csv', '2009-06'],
      ['grad_dropout', 'ESEA/grad_dropout.CSV', null],
    ]);
    expect(ignored).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('two files whose names differ only in case stop the run, naming both', () => {
    const err = discoverError(folder(['reference/districts.csv', 'casemis/2009-06/table_a.csv', 'casemis/2009-06/TABLE_A.csv']));
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ exitCode: 3, message: expect.stringMatching(/casemis\/2009-06\/TABLE_A\.csv.*casemis\/2009-06\/table_a\.csv|casemis\/2009-06\/table_a\.csv.*casemis\/2009-06\/TABLE_A\.csv/) as unknown });
  });
});

describe('a folder where a CSV file is expected', () => {
  it.each([
    ['casemis/2009-06/table_a.csv', ['reference/districts.csv', 'casemis/2009-06/table_a.csv/3038.csv']],
    ['reference/districts.csv', ['reference/districts.csv/part1.csv']],
    ['Reference/DISTRICTS.csv', ['Reference/DISTRICTS.csv/x.txt']],
  ])('%s is a folder: exit 3 naming it', (path, files) => {
    const root = folder(files);
    expect(() => discover(root, FILE_KINDS, ['2009-06'])).toThrow(InputError);
    expect(() => discover(root, FILE_KINDS, ['2009-06'])).toThrow(`${path}: is a folder, but a CSV file is expected at this path`);
  });

  it('a pipe where a CSV file is expected: exit 3, never a wait for a writer', () => {
    const root = folder(['reference/districts.csv'], ['casemis/2009-06']);
    execFileSync('mkfifo', [join(root, 'casemis/2009-06/table_a.csv')]);
    expect(() => discover(root, FILE_KINDS, ['2009-06'])).toThrow('casemis/2009-06/table_a.csv: is not a regular file');
  });

  it('a folder named like a CSV of a year the run does not read is not opened', () => {
    const root = folder(['reference/districts.csv', 'casemis/2007-06/table_a.csv/x.csv']);
    expect(discover(root, FILE_KINDS, ['2009-06']).ignored).toEqual(['casemis/2007-06/table_a.csv/x.csv']);
  });
});

describe('per-SELPA files (a folder of files in place of a CASEMIS table)', () => {
  it('each CSV of casemis/<period>/table_a/ is an input of Table A of that period, sorted by name', () => {
    const root = folder([
      'reference/districts.csv',
      'casemis/2009-06/table_a/3038.csv',
      'casemis/2009-06/table_a/0101.csv',
      'casemis/2009-06/table_a/Readme.txt',
      'casemis/2009-06/table_a/old/0101.csv',
      'Casemis/2009-06/Table_B/0101.CSV',
      'casemis/2009-06/table_c.csv',
    ]);
    const { inputs, ignored, warnings } = discover(root, FILE_KINDS, ['2009-06']);
    expect(inputs.map((i) => [i.kind.id, i.relPath, i.period])).toEqual([
      ['districts', 'reference/districts.csv', null],
      ['table_a', 'casemis/2009-06/table_a/0101.csv', '2009-06'],
      ['table_a', 'casemis/2009-06/table_a/3038.csv', '2009-06'],
      ['table_b', 'Casemis/2009-06/Table_B/0101.CSV', '2009-06'],
      ['table_c', 'casemis/2009-06/table_c.csv', '2009-06'],
    ]);
    // A subfolder is no SELPA file; a text file is no CSV.
    expect(ignored).toEqual(['casemis/2009-06/table_a/old/0101.csv']);
    expect(warnings).toEqual([]);
  });

  it('both table_a.csv and table_a/ stop the run (exit 3), naming the folder', () => {
    const err = discoverError(folder(['reference/districts.csv', 'casemis/2009-06/table_a.csv', 'casemis/2009-06/table_a/0101.csv']));
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ exitCode: 3 });
    expect((err as Error).message).toMatch(/^casemis\/2009-06\/table_a: both casemis\/2009-06\/table_a\.csv and a folder of per-SELPA files are present/);
  });

  it('a folder holding no CSV is no input; a spreadsheet in it is named', () => {
    const root = folder(['reference/districts.csv', 'casemis/2009-06/table_a/0101.xlsx', 'casemis/2009-06/table_b/notes.txt']);
    const { inputs, warnings } = discover(root, FILE_KINDS, ['2009-06']);
    expect(inputs.map((i) => i.relPath)).toEqual(['reference/districts.csv']);
    expect(warnings.map((w) => w.message)).toEqual([
      'casemis/2009-06/table_a/0101.xlsx is not read: only CSV files are read (save it as casemis/2009-06/table_a/0101.csv)',
    ]);
  });

  it('near misses: a slip of the folder name, Table C per SELPA in a December folder', () => {
    const root = folder([
      'reference/districts.csv',
      'casemis/2009-06/table_a/0101.csv',
      'casemis/2009-06/tabel_b/0101.csv',
      'casemis/2008-12/table_c/0101.csv',
      'casemis/2007-06/table_a/0101.csv', // another year: no slip
      'reference/district/0101.csv', // districts.csv is never per SELPA
    ]);
    const { warnings } = discover(root, FILE_KINDS, ['2008-12', '2009-06']);
    expect(warnings.map((w) => w.message)).toEqual([
      'casemis/2008-12/table_c/0101.csv is not read: table_c.csv is read only from June folders (casemis/YYYY-06/)',
      'casemis/2009-06/tabel_b/0101.csv is not read: did you mean casemis/2009-06/table_b/0101.csv?',
    ]);
  });

  it('a pipe among per-SELPA files: exit 3 naming it', () => {
    const root = folder(['reference/districts.csv', 'casemis/2009-06/table_a/0101.csv']);
    execFileSync('mkfifo', [join(root, 'casemis/2009-06/table_a/0202.csv')]);
    expect(() => discover(root, FILE_KINDS, ['2009-06'])).toThrow('casemis/2009-06/table_a/0202.csv: is not a regular file');
  });
});

describe('files the run does not read', () => {
  const root = folder([
    'EXPECTED-REJECTS.csv',
    'reference/districts.csv',
    'casemis/2009-06/table_a.csv',
    'casemis/2007-06/table_a.csv', // another year: ignored, no warning
    'casemis/2007-06/Table_B.CSV',
    'casemis/2009-06/table_a .csv',
    'casemis/2009-06/tabel_b.csv',
    'casemis/2009-06/table-c.csv',
    'casemis/2008-12/table_c.csv', // Table C is a June table
    'casemis/2008-12/table_a.xlsx',
    'casemis/table_d.csv',
    'districts.csv',
    'tabel_a.csv',
    'dispute/Table_7.csv',
    'notes/budget.csv',
    'notes/readme.txt',
    // an earlier run's output folder inside the data folder: listed, never warned about
    'reports/ca-ffy2008/run.json',
    'reports/ca-ffy2008/tables/table-7.csv',
    'reports/ca-ffy2008/tables/table-2a.csv',
  ]);
  const { inputs, ignored, warnings } = discover(root, FILE_KINDS, ['2008-12', '2009-06']);

  it('reads only the expected names', () => {
    expect(inputs.map((i) => i.relPath)).toEqual(['reference/districts.csv', 'casemis/2009-06/table_a.csv']);
  });

  it('lists every CSV not read, other years included, in folder order', () => {
    expect(ignored).toEqual([
      'EXPECTED-REJECTS.csv',
      'casemis/2007-06/Table_B.CSV',
      'casemis/2007-06/table_a.csv',
      'casemis/2008-12/table_c.csv',
      'casemis/2009-06/tabel_b.csv',
      'casemis/2009-06/table-c.csv',
      'casemis/2009-06/table_a .csv',
      'casemis/table_d.csv',
      'dispute/Table_7.csv',
      'districts.csv',
      'notes/budget.csv',
      'reports/ca-ffy2008/tables/table-2a.csv',
      'reports/ca-ffy2008/tables/table-7.csv',
      'tabel_a.csv',
    ]);
  });

  it('warns about a name close to an expected one, saying which', () => {
    expect(warnings.every((w) => w.code === 'W-FILENAME')).toBe(true);
    expect(warnings.map((w) => w.message)).toEqual([
      'casemis/2008-12/table_a.xlsx is not read: only CSV files are read (save it as casemis/2008-12/table_a.csv)',
      'casemis/2008-12/table_c.csv is not read: table_c.csv is read only from June folders (casemis/YYYY-06/)',
      'casemis/2009-06/tabel_b.csv is not read: did you mean casemis/2009-06/table_b.csv?',
      'casemis/2009-06/table-c.csv is not read: did you mean casemis/2009-06/table_c.csv?',
      'casemis/2009-06/table_a .csv is not read: did you mean casemis/2009-06/table_a.csv, which is read?',
      'casemis/table_d.csv is not read: table_d.csv belongs at casemis/YYYY-06/table_d.csv',
      'dispute/Table_7.csv is not read: did you mean dispute/table7.csv?',
      'districts.csv is not read: districts.csv belongs at reference/districts.csv, which is read',
      'tabel_a.csv is not read: table_a.csv belongs at casemis/YYYY-MM/table_a.csv',
    ]);
  });
});

describe('editDistance', () => {
  it.each([
    ['tablea', 'tablea', 0],
    ['tabela', 'tablea', 1], // two neighbours swapped
    ['table', 'tablea', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
