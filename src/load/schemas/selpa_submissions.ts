// submissions/selpa_submissions.csv — SELPA December/June submissions of Y (DATA-CONTRACT.md 4):
// Indicator 20B and the December unduplication tie-break (5.3).
import type { FileKind } from '../schema.js';

export const selpaSubmissions: FileKind = {
  id: 'selpa_submissions',
  path: 'submissions/selpa_submissions.csv',
  casemis: false,
  key: ['selpa', 'period'],
  fields: [
    { name: 'selpa', type: 'text', req: 'R', pattern: '^[0-9]{4}$' },
    { name: 'selpa_name', type: 'text', req: 'O' },
    { name: 'period', type: 'code', req: 'R', codes: 'SUBMISSION_PERIOD' },
    { name: 'due_date', type: 'date', req: 'R' },
    // Blank = not submitted (not on time).
    { name: 'submitted_date', type: 'date', req: 'C' },
    { name: 'passed_verification', type: 'yesno', req: 'R' },
  ],
};
