// dispute/table7.csv — Table 7 counts of Y by row id (DATA-CONTRACT.md 4). An unknown row id is
// warning W-T7 and ignored (sql/rules/table7.sql), not a code error.
import type { FileKind } from '../schema.js';

export const table7: FileKind = {
  id: 'table7',
  path: 'dispute/table7.csv',
  casemis: false,
  key: ['row'],
  fields: [
    { name: 'row', type: 'text', req: 'R' },
    { name: 'count', type: 'integer', req: 'R', min: 0 },
  ],
};
