// enrollment/cbeds.csv — general enrollment ages 6-22, one row per district × year × grade span × group
// (DATA-CONTRACT.md 4). Several years and the PK span are read by profile idea-2016's module sd.
import type { FileKind } from '../schema.js';

export const cbeds: FileKind = {
  id: 'cbeds',
  path: 'enrollment/cbeds.csv',
  casemis: false,
  key: ['district', 'year', 'grade_span', 'group'],
  fields: [
    { name: 'district', type: 'text', req: 'R', pattern: '^[0-9]{7}$' },
    { name: 'year', type: 'text', req: 'R', pattern: '^[0-9]{4}-[0-9]{2}$' },
    // K12 (blank = K12) or PK (preschool enrollment aged 3-5).
    { name: 'grade_span', type: 'code', req: 'O', codes: 'CBEDS_GRADE_SPAN', blankIs: 'K12' },
    { name: 'group', type: 'code', req: 'R', codes: 'CBEDS_GROUP' },
    { name: 'enrollment', type: 'integer', req: 'R', min: 0 },
  ],
};
