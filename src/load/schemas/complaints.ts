// dispute/complaints.csv — written, signed complaints (DATA-CONTRACT.md 4, Table 7 section A).
import type { FileKind } from '../schema.js';

export const complaints: FileKind = {
  id: 'complaints',
  path: 'dispute/complaints.csv',
  casemis: false,
  key: ['case_id'],
  fields: [
    { name: 'case_id', type: 'text', req: 'R' },
    { name: 'district', type: 'text', req: 'O', pattern: '^[0-9]{7}$' },
    { name: 'filed_date', type: 'date', req: 'R' },
    { name: 'status', type: 'code', req: 'R', codes: 'COMPLAINT_STATUS' },
    { name: 'report_date', type: 'date', req: 'C' },
    { name: 'findings', type: 'yesno', req: 'C' },
    // Default filed_date + 60 days.
    { name: 'due_date', type: 'date', req: 'O' },
    { name: 'extended', type: 'yesno', req: 'O' },
    { name: 'extended_due_date', type: 'date', req: 'O' },
  ],
};
