// dispute/hearings.csv — due process complaints (DATA-CONTRACT.md 4, Table 7 sections C and D).
import type { FileKind } from '../schema.js';

export const hearings: FileKind = {
  id: 'hearings',
  path: 'dispute/hearings.csv',
  casemis: false,
  key: ['case_id'],
  fields: [
    { name: 'case_id', type: 'text', req: 'R' },
    { name: 'district', type: 'text', req: 'O', pattern: '^[0-9]{7}$' },
    { name: 'filed_date', type: 'date', req: 'R' },
    { name: 'expedited', type: 'yesno', req: 'C' },
    { name: 'resolution_meeting', type: 'yesno', req: 'C' },
    { name: 'settlement', type: 'yesno', req: 'C' },
    { name: 'outcome', type: 'code', req: 'R', codes: 'HEARING_OUTCOME' },
    { name: 'decision_date', type: 'date', req: 'C' },
    { name: 'due_date', type: 'date', req: 'C' },
    { name: 'extended', type: 'yesno', req: 'O' },
    { name: 'extended_due_date', type: 'date', req: 'O' },
    // Expedited cases only.
    { name: 'placement_change', type: 'yesno', req: 'O' },
  ],
};
