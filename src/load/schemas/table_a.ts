// Table A — student data (DATA-CONTRACT.md 3.1). Cross-field rules: sql/rules/table_a.sql.
import type { FieldSpec, FileKind } from '../schema.js';

/** Unicode letters, space, hyphen, apostrophe and period (after NFC). RE2 syntax. */
const NAME = "^[\\p{L} .'-]+$";
/** Format-only code for fields the contract lists as "other CASEMIS fields" without a code list. */
const SHORT_CODE = '^[0-9A-Za-z]{1,3}$';

const ethnicity = (n: 1 | 2 | 3 | 4): FieldSpec => ({
  name: `ETHNICITY${n}`,
  type: 'code',
  req: n === 1 ? 'R' : 'O',
  codes: 'ETHNICITY',
  code: 'E119',
});

const tranGoal = (n: 1 | 2 | 3 | 4): FieldSpec => ({
  name: `TRAN_GOAL${n}`,
  type: 'code',
  req: 'C',
  codes: 'TRAN_GOAL',
  code: 'E196',
});

const formatOnly = (name: string, code?: string): FieldSpec => ({
  name,
  type: 'text',
  req: 'O',
  pattern: SHORT_CODE,
  ...(code ? { code } : {}),
});

export const tableA: FileKind = {
  id: 'table_a',
  path: 'casemis/{period}/table_a.csv',
  casemis: true,
  requireRows: true,
  periodCode: 'E108',
  fields: [
    { name: 'REPT_DATE', type: 'date', req: 'R', code: 'E108' },
    { name: 'SELPA_CODE', type: 'text', req: 'R', pattern: '^[0-9]{4}$', code: 'E100', aliases: ['SELPA'] },
    { name: 'DIST_SERV', type: 'text', req: 'R', pattern: '^[0-9]{7}$', code: 'E102' },
    { name: 'DIST_RESI', type: 'text', req: 'R', pattern: '^[0-9]{7}$', code: 'E103' },
    { name: 'SCH_CODE', type: 'text', req: 'R', pattern: '^.{1,7}$', code: 'E109', aliases: ['SCHOOL'] },
    { name: 'STUDENT_ID', type: 'text', req: 'R', pattern: '^.{1,15}$', code: 'E104', reqCode: 'E104' },
    { name: 'SSID', type: 'text', req: 'O', pii: true, pattern: '^[0-9]{10}$' },
    { name: 'SSN', type: 'text', req: 'O', pii: true, pattern: '^[0-9]{9}$', code: 'E106' },
    { name: 'LAST_NAME', type: 'text', req: 'R', pii: true, pattern: NAME, code: 'E111' },
    { name: 'FIRST_NAME', type: 'text', req: 'R', pii: true, pattern: NAME, code: 'E112' },
    { name: 'BIRTHDATE', type: 'date', req: 'R', pii: true, code: 'E113' },
    { name: 'GENDER', type: 'code', req: 'R', codes: 'GENDER', code: 'E118' },
    ethnicity(1),
    ethnicity(2),
    ethnicity(3),
    ethnicity(4),
    // Profile idea-2016 (HI7): decides Hispanic/Latino when present and non-blank. Read by no other
    // indicator, so a bad value warns and reads as blank instead of rejecting the record.
    { name: 'HISPANIC', type: 'yesno', req: 'O', code: 'W-HISPANIC', warnOnly: true },
    { name: 'GRADE', type: 'code', req: 'R', codes: 'GRADE', code: 'E135' },
    { name: 'DISABILITY1', type: 'code', req: 'S', codes: 'DISABILITY', code: 'E134', aliases: ['DISABILIT1'] },
    { name: 'DISABILITY2', type: 'code', req: 'O', codes: 'DISABILITY', code: 'E191', aliases: ['DISABILIT2'] },
    { name: 'PLAN_TYPE', type: 'code', req: 'R', codes: 'PLAN_TYPE', code: 'E174' },
    { name: 'ENTRY_DATE', type: 'date', req: 'S', code: 'E125' },
    { name: 'REFR_DATE', type: 'date', req: 'C' },
    { name: 'REFR_BY', type: 'code', req: 'C', pattern: SHORT_CODE, code: 'E187' },
    { name: 'PRNT_CSNT', type: 'date', req: 'C' },
    { name: 'INIT_EVAL', type: 'date', req: 'C' },
    { name: 'EVLDLAY', type: 'code', req: 'C', codes: 'EVLDLAY', code: 'E517', aliases: ['EVLDLY'] },
    { name: 'TBDDLAY', type: 'code', req: 'C', codes: 'TBDDLAY', code: 'E518', aliases: ['TBDLAY'] },
    { name: 'LAST_IEP', type: 'date', req: 'S', code: 'E128' },
    { name: 'LAST_EVAL', type: 'date', req: 'S', code: 'E133' },
    { name: 'FEDSET_PRS', type: 'code', req: 'C', codes: 'FEDSET_PRS', code: 'E164' },
    { name: 'FEDSET_SCH', type: 'code', req: 'C', codes: 'FEDSET_SCH', code: 'E194' },
    { name: 'IN_REGCLS', type: 'integer', req: 'C', min: 0, max: 100, code: 'E166' },
    tranGoal(1),
    tranGoal(2),
    tranGoal(3),
    tranGoal(4),
    { name: 'SPEC_TRANS', type: 'yesno', req: 'C', code: 'E197' },
    { name: 'GRAD_PLAN', type: 'code', req: 'O', codes: 'GRAD_PLAN', code: 'E198' },
    { name: 'EXIT_DATE', type: 'date', req: 'C' },
    { name: 'EXIT_RESON', type: 'code', req: 'C', codes: 'EXIT_RESON', code: 'E155', aliases: ['EXIT_REASON'] },

    // Other CASEMIS fields: format checks only (3.1 last row; 5.2 "not adopted except as format checks").
    { name: 'SELPA_FROM', type: 'text', req: 'O', pattern: '^[0-9]{4}$', code: 'E101' },
    formatOnly('SCH_TYPE', 'E110'),
    { name: 'EL', type: 'yesno', req: 'O', code: 'E120' },
    { name: 'NATIV_LANG', type: 'text', req: 'O', pattern: '^[0-9]{2}$', code: 'E122' },
    { name: 'MIGRANT', type: 'yesno', req: 'O', code: 'E123' },
    { name: 'RESID_STAT', type: 'text', req: 'O', pattern: '^[0-9]{2}$', code: 'E124' },
    formatOnly('FEDSET_INF', 'E193'),
    formatOnly('INFANT_SET', 'E181'),
    formatOnly('SOLE_LOW', 'E163'),
    formatOnly('EARLY_INT', 'E185'),
    { name: 'IN_RFRDATE', type: 'date', req: 'O', aliases: ['IN_RFR_DATE'] },
    formatOnly('IN_RFRBY', 'E508'),
    { name: 'IN_PRNTCST', type: 'date', req: 'O' },
    { name: 'IN_INTEVAL', type: 'date', req: 'O' },
    formatOnly('MHS_ELIGIB', 'E182'),
    formatOnly('MHS_LANG', 'E183'),
    formatOnly('PARTI_ELA', 'E514'),
    formatOnly('PARTI_MATH', 'E512'),
    formatOnly('PARTI_SCI', 'E513'),
    formatOnly('PARTI_HIS', 'E515'),
    formatOnly('PARTI_WRTG', 'E516'),
    formatOnly('PARTI_CAH', 'E511'),
  ],
};
