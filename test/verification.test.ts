// Every adopted verification code (DATA-CONTRACT.md 5.2): a row that breaks it is rejected (or
// warned) with that code, at its own line and field, and the valid row before it is not.
import { beforeAll, describe, expect, it } from 'vitest';
import { DataDir, districtRow, fullHeader, type Rec, studentA } from './helpers/fixture.js';
import { type Reject, rejectsOf, testConfig, withRun } from './helpers/engine.js';

interface Case {
  code: string;
  field: string;
  over: Rec;
  severity?: 'error' | 'warning';
}

const letters = (i: number): string => String.fromCharCode(65 + Math.floor(i / 26)) + String.fromCharCode(97 + (i % 26));
const infant = { BIRTHDATE: '2007-06-01', GRADE: '16', PLAN_TYPE: '20', FEDSET_SCH: '', IN_REGCLS: '', REFR_DATE: '2007-09-01', REFR_BY: '10' };
const preschool = { BIRTHDATE: '2004-06-01', GRADE: '17', FEDSET_SCH: '', IN_REGCLS: '', FEDSET_PRS: '100' };

const DEC: Case[] = [
  { code: 'E100', field: 'SELPA_CODE', over: { SELPA_CODE: '12A4' } },
  { code: 'E102', field: 'DIST_SERV', over: { DIST_SERV: '123' } },
  { code: 'E103', field: 'DIST_RESI', over: { DIST_RESI: 'abcdefg' } },
  { code: 'E104', field: 'STUDENT_ID', over: { STUDENT_ID: '' } },
  { code: 'E106', field: 'SSN', over: { SSN: '12345678X' } },
  { code: 'E108', field: 'REPT_DATE', over: { REPT_DATE: '2008-12-02' } },
  { code: 'E109', field: 'SCH_CODE', over: { SCH_CODE: '' } },
  { code: 'E111', field: 'LAST_NAME', over: { LAST_NAME: 'Sm1th' } },
  { code: 'E112', field: 'FIRST_NAME', over: { FIRST_NAME: '' } },
  { code: 'E113', field: 'BIRTHDATE', over: { BIRTHDATE: '2001-02-30' } },
  { code: 'E114', field: 'BIRTHDATE', over: { BIRTHDATE: '2009-01-01' } },
  { code: 'E115', field: 'BIRTHDATE', over: { BIRTHDATE: '1980-01-01', GRADE: '15' } },
  { code: 'E118', field: 'GENDER', over: { GENDER: 'X' } },
  { code: 'E119', field: 'ETHNICITY1', over: { ETHNICITY1: '123' } },
  { code: 'E119', field: 'ETHNICITY1', over: { ETHNICITY1: '' } },
  { code: 'E121', field: 'EL', over: { EL: 'Y', NATIV_LANG: '00' } },
  { code: 'E125', field: 'ENTRY_DATE', over: { ENTRY_DATE: '' } },
  { code: 'E126', field: 'ENTRY_DATE', over: { ENTRY_DATE: '1997-01-01' } },
  { code: 'E127', field: 'ENTRY_DATE', over: { ENTRY_DATE: '2009-01-01' } },
  { code: 'E128', field: 'LAST_IEP', over: { LAST_IEP: '' } },
  { code: 'E129', field: 'LAST_IEP', over: { LAST_IEP: '1997-01-01' } },
  { code: 'E130', field: 'LAST_IEP', over: { LAST_IEP: '2009-01-01' } },
  { code: 'E131', field: 'LAST_EVAL', over: { LAST_EVAL: '1997-01-01' } },
  { code: 'E132', field: 'LAST_EVAL', over: { LAST_EVAL: '2009-01-01' } },
  { code: 'E133', field: 'LAST_EVAL', over: { LAST_EVAL: '' } },
  { code: 'E134', field: 'DISABILITY1', over: { DISABILITY1: '999' } },
  { code: 'E134', field: 'DISABILITY1', over: { DISABILITY1: '' } },
  { code: 'E135', field: 'GRADE', over: { GRADE: '19' } },
  { code: 'E136', field: 'GRADE', over: { GRADE: '13' } },
  { code: 'E139', field: 'GRADE', over: { GRADE: '16' } },
  { code: 'E140', field: 'GRADE', over: { GRADE: '17' } },
  { code: 'E142', field: 'GRADE', over: { GRADE: '18' } },
  { code: 'E149', field: 'ETHNICITY2', over: { ETHNICITY2: '700' } },
  { code: 'E151', field: 'EXIT_DATE', over: { EXIT_DATE: '2008-11-01', EXIT_RESON: '74' } },
  { code: 'E151', field: 'EXIT_DATE', over: { EXIT_DATE: '2008-12-01', EXIT_RESON: '74' } },
  { code: 'E152', field: 'EXIT_DATE', over: { EXIT_DATE: '2008-12-02', EXIT_RESON: '74' } },
  { code: 'E153', field: 'EXIT_RESON', over: { EXIT_RESON: '74' } },
  { code: 'E155', field: 'EXIT_RESON', over: { EXIT_RESON: '99', EXIT_DATE: '2008-11-01' } },
  { code: 'E160', field: 'REFR_DATE', over: { REFR_DATE: '1997-01-01', REFR_BY: '10' } },
  { code: 'E161', field: 'REFR_DATE', over: { REFR_DATE: '2009-01-01', REFR_BY: '10' } },
  { code: 'E162', field: 'REFR_DATE', over: { ...infant, REFR_DATE: '' } },
  { code: 'E164', field: 'FEDSET_PRS', over: { ...preschool, FEDSET_PRS: '' } },
  { code: 'E164', field: 'FEDSET_PRS', over: { ...preschool, FEDSET_PRS: '999' } },
  { code: 'E165', field: 'FEDSET_PRS', over: { ...infant, FEDSET_PRS: '100' } },
  { code: 'E166', field: 'IN_REGCLS', over: { IN_REGCLS: '150' } },
  { code: 'E166', field: 'IN_REGCLS', over: { IN_REGCLS: '' } },
  { code: 'E174', field: 'PLAN_TYPE', over: { PLAN_TYPE: '55' } },
  { code: 'E186', field: 'REFR_BY', over: { REFR_DATE: '2008-09-01', REFR_BY: '' } },
  { code: 'E188', field: 'PRNT_CSNT', over: { REFR_DATE: '2008-09-01', REFR_BY: '10', PRNT_CSNT: '2008-08-01' } },
  { code: 'E189', field: 'INIT_EVAL', over: { PRNT_CSNT: '2008-09-10', INIT_EVAL: '2008-09-01' } },
  { code: 'E190', field: 'INIT_EVAL', over: { PRNT_CSNT: '2008-09-10', INIT_EVAL: '2008-10-20', LAST_IEP: '2008-10-01' } },
  { code: 'E191', field: 'DISABILITY2', over: { DISABILITY2: '999' } },
  { code: 'E192', field: 'DISABILITY2', over: { DISABILITY2: '290' } },
  { code: 'E194', field: 'FEDSET_SCH', over: { FEDSET_SCH: '', IN_REGCLS: '' } },
  { code: 'E194', field: 'FEDSET_SCH', over: { FEDSET_SCH: '999', IN_REGCLS: '' } },
  { code: 'E195', field: 'TRAN_GOAL2', over: { TRAN_GOAL1: '10', TRAN_GOAL2: '10' } },
  { code: 'E196', field: 'TRAN_GOAL1', over: { TRAN_GOAL1: '55' } },
  { code: 'E197', field: 'SPEC_TRANS', over: { SPEC_TRANS: 'X' } },
  { code: 'E198', field: 'GRAD_PLAN', over: { GRAD_PLAN: '55' } },
  { code: 'E517', field: 'EVLDLAY', over: { EVLDLAY: '55' } },
  { code: 'E518', field: 'TBDDLAY', over: { TBDDLAY: '55' } },
  { code: 'E-DATE', field: 'PRNT_CSNT', over: { PRNT_CSNT: '2008-13-01' } },
  { code: 'E137', field: 'GRADE', over: { GRADE: '08' }, severity: 'warning' },
  { code: 'E138', field: 'GRADE', over: { BIRTHDATE: '1996-03-15', GRADE: '01' }, severity: 'warning' },
  { code: 'W909', field: 'LAST_IEP', over: { LAST_IEP: '2007-11-30' }, severity: 'warning' },
  { code: 'W910', field: 'LAST_EVAL', over: { LAST_EVAL: '2005-11-30' }, severity: 'warning' },
  { code: 'W-DIST', field: 'DIST_RESI', over: { DIST_RESI: '0199999' }, severity: 'warning' },
  { code: 'W-SELPA', field: 'SELPA_CODE', over: { SELPA_CODE: '0999' }, severity: 'warning' },
];

const JUN: Case[] = [
  { code: 'E116', field: 'BIRTHDATE', over: { BIRTHDATE: '1984-01-01', GRADE: '15', EXIT_DATE: '2009-03-01', EXIT_RESON: '73' } },
  { code: 'E150', field: 'EXIT_DATE', over: { ENTRY_DATE: '2008-09-01', EXIT_DATE: '2008-08-01', EXIT_RESON: '74', LAST_IEP: '2008-07-15', LAST_EVAL: '2008-07-15' } },
  { code: 'E154', field: 'EXIT_DATE', over: { EXIT_DATE: '2008-06-01', EXIT_RESON: '74', LAST_IEP: '2007-10-01', LAST_EVAL: '2007-10-01' } },
  { code: 'E156', field: 'EXIT_RESON', over: { EXIT_DATE: '2009-03-01', EXIT_RESON: '71' } },
  { code: 'E157', field: 'EXIT_RESON', over: { EXIT_DATE: '2009-03-01', EXIT_RESON: '73' } },
  { code: 'E158', field: 'LAST_IEP', over: { EXIT_DATE: '2009-03-01', EXIT_RESON: '74', LAST_IEP: '2009-04-01' } },
  { code: 'E159', field: 'LAST_EVAL', over: { EXIT_DATE: '2009-03-01', EXIT_RESON: '74', LAST_EVAL: '2009-04-01' } },
];

function tableAFile(d: DataDir, period: string, cases: Case[]): void {
  const rows = [studentA({ STUDENT_ID: 'OK', FIRST_NAME: 'Valid' }, period), ...cases.map((c, i) => studentA({ STUDENT_ID: `X${i}`, FIRST_NAME: `Row${letters(i)}`, ...c.over }, period))];
  d.csv(`casemis/${period}/table_a.csv`, fullHeader('table_a'), rows);
}

const bRow = (over: Rec = {}): Rec => ({ REPT_DATE: '2008-12-01', SELPA_CODE: '0101', STUDENT_ID: 'OK', SERVICE: '330', PROVIDER: '100', LOCATION: '100', FREQUENCY: '2', DURATION: '30', ...over });
const B: Case[] = [
  { code: 'E201', field: 'STUDENT_ID', over: { STUDENT_ID: 'NOBODY' } },
  { code: 'E201', field: 'STUDENT_ID', over: { STUDENT_ID: 'X4' } }, // its Table A record (the E106 row) was rejected
  { code: 'E-202', field: 'SERVICE', over: { SERVICE: 'AB' } },
  { code: 'E204', field: 'LOCATION', over: { SERVICE: '331', LOCATION: '1' } },
  { code: 'E205', field: 'FREQUENCY', over: { SERVICE: '332', FREQUENCY: '9' } },
  { code: 'E206', field: 'DURATION', over: { SERVICE: '333', DURATION: '5' } },
  { code: 'E208', field: 'REPT_DATE', over: { SERVICE: '334', REPT_DATE: '2008-12-05' } },
  { code: 'E211', field: 'SERVICE', over: {} },
  { code: 'E213', field: 'PROVIDER', over: { SERVICE: '335', PROVIDER: 'x' } },
];

const cRow = (over: Rec = {}): Rec => ({ REPT_DATE: '2009-06-30', SELPA_CODE: '0101', STUDENT_ID: 'OK', DSPL_DATE: '2008-10-01', DSPL_TYPE: '20', DSPL_DAYS: '3', REASON1: '40', ...over });
const C: Case[] = [
  { code: 'E300', field: 'STUDENT_ID', over: { STUDENT_ID: 'NOBODY' } },
  { code: 'E301', field: 'DSPL_DATE', over: { DSPL_DATE: '2008-06-01' } },
  { code: 'E302', field: 'DSPL_TYPE', over: { DSPL_TYPE: '99' } },
  { code: 'E303', field: 'DSPL_DAYS', over: { DSPL_DAYS: '400' } },
  { code: 'E303', field: 'DSPL_DAYS', over: { DSPL_DAYS: '' } },
  { code: 'E304', field: 'DSPL_BY', over: { DSPL_BY: '99' } },
  { code: 'E305', field: 'REASON1', over: { REASON1: '' } },
  { code: 'E306', field: 'REASON2', over: { REASON2: '99' } },
  { code: 'E307', field: 'REASON3', over: { REASON3: '99' } },
  { code: 'E308', field: 'DSPL_STAT', over: { DSPL_STAT: '99' } },
  { code: 'E-PERIOD', field: 'REPT_DATE', over: { REPT_DATE: '2009-06-29' } },
];

const dRow = (over: Rec = {}): Rec => ({
  REPT_DATE: '2009-06-30', SELPA_CODE: '0101', DIST_SERV: '0110017', DIST_RESI: '0110017', SCH_CODE: '6000001', STUDENT_ID: 'D0',
  LAST_NAME: 'Former', FIRST_NAME: 'Student', BIRTHDATE: '1989-05-05', GENDER: 'F', ETHNICITY1: '500', EXIT_DATE: '2008-06-10',
  EXIT_RESON: '71', PST_SECPRG: '10', PST_SECEMP: '20', ...over,
});
const D: Case[] = [
  { code: 'E400', field: 'REPT_DATE', over: { REPT_DATE: 'x' } },
  { code: 'E401', field: 'SELPA_CODE', over: { SELPA_CODE: '1' } },
  { code: 'E402', field: 'DIST_SERV', over: { DIST_SERV: '1' } },
  { code: 'E403', field: 'DIST_RESI', over: { DIST_RESI: '1' } },
  { code: 'E404', field: 'SCH_CODE', over: { SCH_CODE: '' } },
  { code: 'E405', field: 'LAST_NAME', over: { LAST_NAME: '' } },
  { code: 'E406', field: 'FIRST_NAME', over: { FIRST_NAME: 'B0b' } },
  { code: 'E407', field: 'STUDENT_ID', over: { STUDENT_ID: '' } },
  { code: 'E408', field: 'SSN', over: { SSN: '12' } },
  { code: 'E409', field: 'BIRTHDATE', over: { BIRTHDATE: '1989-02-30' } },
  { code: 'E410', field: 'GENDER', over: { GENDER: 'Q' } },
  { code: 'E411', field: 'ETHNICITY1', over: { ETHNICITY1: '1' } },
  { code: 'E412', field: 'PST_SECPRG', over: { PST_SECPRG: '' } },
  { code: 'E413', field: 'PST_SECEMP', over: { PST_SECEMP: '55' } },
  { code: 'E414', field: 'SCH_TYPE', over: { SCH_TYPE: '!!' } },
  { code: 'E416', field: 'ETHNICITY2', over: { ETHNICITY2: '500' } },
  { code: 'E-PERIOD', field: 'REPT_DATE', over: { REPT_DATE: '2009-06-01' } },
  { code: 'W925', field: 'STUDENT_ID', over: { STUDENT_ID: 'OK' }, severity: 'warning' },
];

let rejects: Reject[] = [];
let files: { file: string; rows_read: number; rows_loaded: number; rows_rejected: number }[] = [];
/** CASEMIS rejects without the SELPA and STUDENT_ID of their row (load/rejects.csv, load/by-selpa/). */
let unowned: unknown[] = [];

beforeAll(async () => {
  const d = new DataDir().districts([districtRow()]);
  tableAFile(d, '2008-12', DEC);
  tableAFile(d, '2009-06', JUN);
  // E105 / E107 / D911: the later copy is the one flagged
  d.csv('casemis/2008-06/table_a.csv', fullHeader('table_a'), [
    studentA({ STUDENT_ID: 'OK', SSN: '111111111' }, '2008-06'),
    studentA({ STUDENT_ID: 'OK', FIRST_NAME: 'Other' }, '2008-06'),
    studentA({ STUDENT_ID: 'Z2', FIRST_NAME: 'Third', SSN: '111111111' }, '2008-06'),
    studentA({ STUDENT_ID: 'Z3' }, '2008-06'),
  ]);
  d.csv('casemis/2008-12/table_b.csv', fullHeader('table_b'), [bRow(), ...B.map((c, i) => bRow({ SERVICE: c.code === 'E211' ? '330' : String(340 + i), ...c.over }))]);
  d.csv('casemis/2009-06/table_c.csv', fullHeader('table_c'), [cRow(), ...C.map((c) => cRow(c.over))]);
  d.csv('casemis/2009-06/table_d.csv', fullHeader('table_d'), [dRow(), ...D.map((c, i) => dRow({ STUDENT_ID: `D${i + 1}`, ...c.over }))]);
  await withRun(testConfig(d.root, { mode: 'validate' }), async (db, result) => {
    rejects = await rejectsOf(db);
    files = result.load.files;
    unowned = await db.all(
      `SELECT r.file, r.line, r.code, i.selpa, i.student_id FROM rejects r LEFT JOIN reject_ids i USING (file, line)
       WHERE r.kind IN ('table_a', 'table_b', 'table_c', 'table_d') AND (i.selpa IS NULL OR i.student_id IS NULL)
         AND NOT (r.code = 'E104' OR r.code = 'E407' OR (r.code IN ('E100', 'E401') AND r.field = 'SELPA_CODE'))`,
    );
  });
});

function check(file: string, cases: Case[]): void {
  it.each(cases.map((c, i) => ({ ...c, line: i + 3 })))('$code on $field (line $line)', ({ code, field, line, severity }) => {
    const hit = rejects.filter((r) => r.file === file && r.line === line && r.code === code);
    expect(hit, JSON.stringify(rejects.filter((r) => r.file === file && r.line === line))).not.toHaveLength(0);
    expect(hit[0]!.field).toBe(field);
    expect(hit[0]!.severity).toBe(severity ?? 'error');
  });
  it('the valid first row is neither rejected nor warned', () => {
    expect(rejects.filter((r) => r.file === file && r.line === 2 && !['E200', 'W925'].includes(r.code))).toEqual([]);
  });
}

describe('Table A, December', () => check('casemis/2008-12/table_a.csv', DEC));
describe('Table A, June', () => check('casemis/2009-06/table_a.csv', JUN));
describe('Table B', () => check('casemis/2008-12/table_b.csv', B));
describe('Table C', () => check('casemis/2009-06/table_c.csv', C));
describe('Table D', () => check('casemis/2009-06/table_d.csv', D));

describe('duplicates (5.3)', () => {
  const f = 'casemis/2008-06/table_a.csv';
  it('E105 rejects the later duplicate and names the first line', () => {
    const r = rejects.find((x) => x.file === f && x.code === 'E105')!;
    expect([r.line, r.field, r.value]).toEqual([3, 'STUDENT_ID', 'OK']);
    expect(r.message).toContain('line 2');
  });
  it('E107 rejects the later SSN and never shows it', () => {
    const r = rejects.find((x) => x.file === f && x.code === 'E107')!;
    expect([r.line, r.value]).toEqual([4, '[redacted]']);
    expect(r.message).toContain('line 2');
  });
  it('D911 warns on the later record with the same name, birthdate and gender', () => {
    const r = rejects.filter((x) => x.file === f && x.code === 'D911');
    expect(r.map((x) => [x.line, x.severity])).toEqual([[5, 'warning']]);
  });
});

describe('reconciliation and privacy', () => {
  it('every file reconciles: read = loaded + rejected', () => {
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(f.rows_read, f.file).toBe(f.rows_loaded + f.rows_rejected);
  });
  it('every CASEMIS reject carries the SELPA and STUDENT_ID of its row (but for those two being blank)', () => {
    expect(unowned).toEqual([]);
  });
  it('B rows of a rejected Table A record fail E201', () => {
    expect(rejects.some((r) => r.file === 'casemis/2008-12/table_b.csv' && r.code === 'E201' && r.value === 'X4')).toBe(true);
  });
  it('no reject shows a name, birthdate or SSN', () => {
    const leaked = rejects.filter((r) => /Testperson|Valid|Former|1998-03-15|111111111|12345678X/.test(`${r.value} ${r.message}`));
    expect(leaked).toEqual([]);
    for (const r of rejects.filter((x) => ['LAST_NAME', 'FIRST_NAME', 'BIRTHDATE', 'SSN', 'SSID'].includes(x.field))) expect(r.value).toBe('[redacted]');
  });
});
