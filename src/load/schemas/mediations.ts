// dispute/mediations.csv — mediation requests (DATA-CONTRACT.md 4, Table 7 section B).
import type { FileKind } from '../schema.js';

export const mediations: FileKind = {
  id: 'mediations',
  path: 'dispute/mediations.csv',
  casemis: false,
  key: ['case_id'],
  fields: [
    { name: 'case_id', type: 'text', req: 'R' },
    { name: 'district', type: 'text', req: 'O', pattern: '^[0-9]{7}$' },
    { name: 'request_date', type: 'date', req: 'R' },
    { name: 'due_process_related', type: 'yesno', req: 'C' },
    // Blank = pending.
    { name: 'held', type: 'yesno', req: 'C' },
    { name: 'held_date', type: 'date', req: 'O' },
    { name: 'agreement', type: 'yesno', req: 'C' },
  ],
};
