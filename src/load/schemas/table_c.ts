// Table C — discipline, one row per disciplinary action (DATA-CONTRACT.md 3.3); June folders only.
// REPT_DATE not matching the folder is E-PERIOD (5.4); E300 (no Table A record) is a set rule.
import type { FileKind } from '../schema.js';

export const tableC: FileKind = {
  id: 'table_c',
  path: 'casemis/{period}/table_c.csv',
  casemis: true,
  juneOnly: true,
  periodCode: 'E-PERIOD',
  fields: [
    { name: 'REPT_DATE', type: 'date', req: 'R' },
    { name: 'SELPA_CODE', type: 'text', req: 'R', pattern: '^[0-9]{4}$', aliases: ['SELPA'] },
    { name: 'STUDENT_ID', type: 'text', req: 'R', pattern: '^.{1,15}$' },
    { name: 'DIST_RESI', type: 'text', req: 'O', pattern: '^[0-9]{7}$' },
    { name: 'DSPL_DATE', type: 'date', req: 'R' },
    { name: 'DSPL_TYPE', type: 'code', req: 'R', codes: 'DSPL_TYPE', code: 'E302' },
    // Blank allowed only for expulsion (30): rule E303 in sql/rules/table_c.sql.
    { name: 'DSPL_DAYS', type: 'decimal', req: 'C', min: 0.5, max: 365, code: 'E303' },
    { name: 'DSPL_BY', type: 'code', req: 'O', codes: 'DSPL_BY', code: 'E304' },
    { name: 'REASON1', type: 'code', req: 'R', codes: 'REASON', code: 'E305' },
    { name: 'REASON2', type: 'code', req: 'O', codes: 'REASON', code: 'E306' },
    { name: 'REASON3', type: 'code', req: 'O', codes: 'REASON', code: 'E307' },
    { name: 'DSPL_STAT', type: 'code', req: 'O', codes: 'DSPL_STAT', code: 'E308' },
  ],
};
