// monitoring/findings.csv — one row per finding of noncompliance (DATA-CONTRACT.md 4, Indicator 15).
import type { FileKind } from '../schema.js';

export const findings: FileKind = {
  id: 'findings',
  path: 'monitoring/findings.csv',
  casemis: false,
  key: ['finding_id'],
  fields: [
    { name: 'finding_id', type: 'text', req: 'R' },
    // District or agency: not necessarily a 7-digit district code.
    { name: 'district', type: 'text', req: 'R' },
    { name: 'cluster', type: 'code', req: 'R', codes: 'FINDING_CLUSTER' },
    { name: 'component', type: 'code', req: 'R', codes: 'FINDING_COMPONENT' },
    { name: 'source', type: 'code', req: 'R', codes: 'FINDING_SOURCE' },
    { name: 'notified_date', type: 'date', req: 'R' },
    // Blank = correction not yet verified; the column must exist.
    { name: 'corrected_date', type: 'date', req: 'C' },
  ],
};
