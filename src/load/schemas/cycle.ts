// monitoring/cycle.csv — monitoring cycle, self-review trigger `cyclical` (DATA-CONTRACT.md 4).
import type { FileKind } from '../schema.js';

export const cycle: FileKind = {
  id: 'cycle',
  path: 'monitoring/cycle.csv',
  casemis: false,
  key: ['district', 'review_year', 'review_type'],
  fields: [
    { name: 'district', type: 'text', req: 'R', pattern: '^[0-9]{7}$' },
    { name: 'review_year', type: 'text', req: 'R', pattern: '^[0-9]{4}-[0-9]{2}$' },
    { name: 'review_type', type: 'code', req: 'R', codes: 'REVIEW_TYPE' },
  ],
};
