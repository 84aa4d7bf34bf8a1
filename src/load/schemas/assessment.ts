// assessment/district_results.csv — one row per district × year × subject (DATA-CONTRACT.md 4).
// participants ≤ enrolled_window and proficient_fay ≤ enrolled_fay: sql/rules/assessment.sql.
import type { FileKind } from '../schema.js';

export const assessment: FileKind = {
  id: 'assessment',
  path: 'assessment/district_results.csv',
  casemis: false,
  key: ['district', 'year', 'subject'],
  fields: [
    { name: 'district', type: 'text', req: 'R', pattern: '^[0-9]{7}$' },
    { name: 'year', type: 'text', req: 'R', pattern: '^[0-9]{4}-[0-9]{2}$' },
    { name: 'subject', type: 'code', req: 'R', codes: 'SUBJECT' },
    { name: 'swd_enrolled', type: 'integer', req: 'R', min: 0 },
    { name: 'enrolled_window', type: 'integer', req: 'R', min: 0 },
    { name: 'participants', type: 'integer', req: 'R', min: 0 },
    { name: 'enrolled_fay', type: 'integer', req: 'R', min: 0 },
    { name: 'proficient_fay', type: 'integer', req: 'R', min: 0 },
    // AYP flags: blank = not determined (INDICATORS.md 3A), but the columns must be present.
    { name: 'met_participation', type: 'yesno', req: 'C' },
    { name: 'met_proficiency', type: 'yesno', req: 'C' },
    { name: 'met_all_ayp', type: 'yesno', req: 'C' },
    { name: 'regular', type: 'integer', req: 'O', min: 0 },
    { name: 'regular_accom', type: 'integer', req: 'O', min: 0 },
    { name: 'modified', type: 'integer', req: 'O', min: 0 },
    { name: 'alternate', type: 'integer', req: 'O', min: 0 },
  ],
};
