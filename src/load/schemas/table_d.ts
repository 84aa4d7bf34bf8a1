// Table D — post-secondary follow-up of students who exited in the prior year (DATA-CONTRACT.md 3.4);
// June folders only. REPT_DATE blank or unparseable is E400; not matching the folder is E-PERIOD (5.4).
// W925 (same key in the June Table A) is a set rule.
import type { FieldSpec, FileKind } from '../schema.js';

const NAME = "^[\\p{L} .'-]+$";

const ethnicity = (n: 1 | 2 | 3 | 4): FieldSpec => ({
  name: `ETHNICITY${n}`,
  type: 'code',
  req: n === 1 ? 'R' : 'O',
  codes: 'ETHNICITY',
  code: 'E411',
});

export const tableD: FileKind = {
  id: 'table_d',
  path: 'casemis/{period}/table_d.csv',
  casemis: true,
  juneOnly: true,
  periodCode: 'E-PERIOD',
  fields: [
    { name: 'REPT_DATE', type: 'date', req: 'R', code: 'E400' },
    { name: 'SELPA_CODE', type: 'text', req: 'R', pattern: '^[0-9]{4}$', code: 'E401', aliases: ['SELPA'] },
    { name: 'DIST_SERV', type: 'text', req: 'R', pattern: '^[0-9]{7}$', code: 'E402' },
    { name: 'DIST_RESI', type: 'text', req: 'R', pattern: '^[0-9]{7}$', code: 'E403' },
    { name: 'SCH_CODE', type: 'text', req: 'R', pattern: '^.{1,7}$', code: 'E404', aliases: ['SCHOOL'] },
    { name: 'SCH_TYPE', type: 'text', req: 'O', pattern: '^[0-9A-Za-z]{1,3}$', code: 'E414' },
    { name: 'STUDENT_ID', type: 'text', req: 'R', pattern: '^.{1,15}$', code: 'E407', reqCode: 'E407' },
    { name: 'LAST_NAME', type: 'text', req: 'R', pii: true, pattern: NAME, code: 'E405' },
    { name: 'FIRST_NAME', type: 'text', req: 'R', pii: true, pattern: NAME, code: 'E406' },
    { name: 'BIRTHDATE', type: 'date', req: 'R', pii: true, code: 'E409' },
    { name: 'GENDER', type: 'code', req: 'R', codes: 'GENDER', code: 'E410' },
    { name: 'SSN', type: 'text', req: 'O', pii: true, pattern: '^[0-9]{9}$', code: 'E408' },
    ethnicity(1),
    ethnicity(2),
    ethnicity(3),
    ethnicity(4),
    // Every Table D student has exited; the table excludes EXIT_RESON 70, 76, 77 (3.4), so those
    // codes fail the list (E-CODE).
    { name: 'EXIT_DATE', type: 'date', req: 'R' },
    { name: 'EXIT_RESON', type: 'code', req: 'R', codes: 'EXIT_RESON_D', aliases: ['EXIT_REASON'] },
    { name: 'PST_SECPRG', type: 'code', req: 'R', codes: 'PST_SECPRG', code: 'E412' },
    { name: 'PST_SECEMP', type: 'code', req: 'R', codes: 'PST_SECEMP', code: 'E413' },
  ],
};
