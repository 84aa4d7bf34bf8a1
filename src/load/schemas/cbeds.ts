// enrollment/cbeds.csv — general enrollment ages 6-22, one row per district × group (DATA-CONTRACT.md 4).
import type { FileKind } from '../schema.js';

export const cbeds: FileKind = {
  id: 'cbeds',
  path: 'enrollment/cbeds.csv',
  casemis: false,
  key: ['district', 'year', 'group'],
  fields: [
    { name: 'district', type: 'text', req: 'R', pattern: '^[0-9]{7}$' },
    { name: 'year', type: 'text', req: 'R', pattern: '^[0-9]{4}-[0-9]{2}$' },
    { name: 'group', type: 'code', req: 'R', codes: 'CBEDS_GROUP' },
    { name: 'enrollment', type: 'integer', req: 'R', min: 0 },
  ],
};
