// calendar/breaks.csv — school breaks for the Indicator 11 due-date extension (DATA-CONTRACT.md 4).
// end_date ≥ start_date (E-RANGE) and W-BRK (school_days ≤ 5): sql/rules/breaks.sql.
import type { FileKind } from '../schema.js';

export const breaks: FileKind = {
  id: 'breaks',
  path: 'calendar/breaks.csv',
  casemis: false,
  fields: [
    // 7-digit district, or `*` = every district.
    { name: 'district', type: 'text', req: 'R', pattern: '^([0-9]{7}|\\*)$' },
    { name: 'start_date', type: 'date', req: 'R' },
    { name: 'end_date', type: 'date', req: 'R' },
    { name: 'school_days', type: 'integer', req: 'O', min: 0 },
    { name: 'description', type: 'text', req: 'O' },
  ],
};
