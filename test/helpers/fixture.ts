// Small data folders built in tests: a valid record per kind, overridden field by field.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { csvLine } from '../../scripts/gen/csv.ts';
import { FILE_KINDS } from '../../src/load/schemas/index.js';

export type Rec = Record<string, string>;

export function csvText(header: string[], rows: Rec[], eol = '\n'): string {
  return [header.join(','), ...rows.map((r) => csvLine(header.map((h) => r[h] ?? '')))].join(eol) + eol;
}

/** Every column of a kind that is not optional (the minimum header a file must have). */
export function requiredHeader(kindId: string): string[] {
  const kind = FILE_KINDS.find((k) => k.id === kindId);
  if (!kind) throw new Error(`unknown kind ${kindId}`);
  return kind.fields.filter((f) => f.req !== 'O').map((f) => f.name);
}

export function fullHeader(kindId: string): string[] {
  const kind = FILE_KINDS.find((k) => k.id === kindId);
  if (!kind) throw new Error(`unknown kind ${kindId}`);
  return kind.fields.map((f) => f.name);
}

/** A valid served December student, aged 10 on 2008-12-01, in district 0110017 of SELPA 0101. */
export function studentA(over: Rec = {}, period = '2008-12'): Rec {
  const june = period.endsWith('-06');
  const year = Number(period.slice(0, 4));
  return {
    REPT_DATE: june ? `${year}-06-30` : `${year}-12-01`,
    SELPA_CODE: '0101',
    DIST_SERV: '0110017',
    DIST_RESI: '0110017',
    SCH_CODE: '6000001',
    STUDENT_ID: 'S1',
    LAST_NAME: 'Testperson',
    FIRST_NAME: 'Alex',
    BIRTHDATE: '1998-03-15',
    GENDER: 'M',
    ETHNICITY1: '700',
    GRADE: '05',
    DISABILITY1: '290',
    PLAN_TYPE: '10',
    ENTRY_DATE: '2005-09-10',
    LAST_IEP: june ? `${year - 1}-10-01` : `${year}-10-01`,
    LAST_EVAL: june ? `${year - 1}-10-01` : `${year}-10-01`,
    FEDSET_SCH: '100',
    IN_REGCLS: '85',
    ...over,
  };
}

export function districtRow(over: Rec = {}): Rec {
  return { district: '0110017', name: 'Alpha Unified', selpa: '0101', county: '01', type: 'unified', ...over };
}

export class DataDir {
  readonly root: string;
  constructor(root?: string) {
    this.root = root ?? mkdtempSync(join(tmpdir(), 'apr-test-'));
  }
  write(rel: string, text: string | Buffer): this {
    const abs = join(this.root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    return this;
  }
  csv(rel: string, header: string[], rows: Rec[], eol = '\n'): this {
    return this.write(rel, csvText(header, rows, eol));
  }
  districts(rows: Rec[] = [districtRow()]): this {
    return this.csv('reference/districts.csv', fullHeader('districts').filter((h) => h !== 'charter'), rows);
  }
  tableA(period: string, rows: Rec[], header = requiredHeader('table_a')): this {
    return this.csv(`casemis/${period}/table_a.csv`, header, rows);
  }
}
