// esea/grad_dropout.csv — students with disabilities, one row per district × year × grade (× subgroup).
// graduates only on grade 12 rows: rule in sql/rules/grad_dropout.sql.
import type { FileKind } from '../schema.js';

export const gradDropout: FileKind = {
  id: 'grad_dropout',
  path: 'esea/grad_dropout.csv',
  casemis: false,
  key: ['district', 'year', 'grade', 'subgroup'],
  fields: [
    { name: 'district', type: 'text', req: 'R', pattern: '^[0-9]{7}$' },
    { name: 'year', type: 'text', req: 'R', pattern: '^[0-9]{4}-[0-9]{2}$' },
    { name: 'grade', type: 'code', req: 'R', codes: 'GD_GRADE' },
    { name: 'enrollment', type: 'integer', req: 'R', min: 0 },
    { name: 'dropouts', type: 'integer', req: 'R', min: 0 },
    { name: 'graduates', type: 'integer', req: 'C', min: 0 },
    // Default SWD; rows of other subgroups are loaded and ignored by the indicators.
    { name: 'subgroup', type: 'text', req: 'O' },
  ],
};
