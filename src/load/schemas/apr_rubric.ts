// submissions/apr_rubric.csv — scoring rubric rows for Indicator 20 (DATA-CONTRACT.md 4).
// Blank scores are checked by sql/rules/apr_rubric.sql.
import type { FileKind } from '../schema.js';

export const aprRubric: FileKind = {
  id: 'apr_rubric',
  path: 'submissions/apr_rubric.csv',
  casemis: false,
  key: ['indicator'],
  fields: [
    { name: 'indicator', type: 'code', req: 'R', codes: 'APR_INDICATOR' },
    { name: 'valid_reliable', type: 'code', req: 'C', codes: 'SCORE' },
    // Blank for indicators 1 and 2.
    { name: 'correct_calculation', type: 'code', req: 'C', codes: 'SCORE' },
    // Used on the `APR` row only: on time = submitted ≤ due.
    { name: 'due_date', type: 'date', req: 'O' },
    { name: 'submitted_date', type: 'date', req: 'O' },
  ],
};
