// submissions/618_tables.csv — timeliness and accuracy of the 618 tables (DATA-CONTRACT.md 4, Indicator 20).
import type { FileKind } from '../schema.js';

export const tables618: FileKind = {
  id: 'tables_618',
  path: 'submissions/618_tables.csv',
  casemis: false,
  key: ['table'],
  fields: [
    { name: 'table', type: 'code', req: 'R', codes: 'TABLE_618' },
    { name: 'name', type: 'text', req: 'O' },
    { name: 'due_date', type: 'date', req: 'C' },
    { name: 'submitted_date', type: 'date', req: 'C' },
    // Blank = derived from the dates (sql/rules/tables_618.sql requires them then).
    { name: 'timely', type: 'code', req: 'C', codes: 'SCORE' },
    { name: 'complete', type: 'code', req: 'R', codes: 'SCORE' },
    { name: 'passed_edit', type: 'code', req: 'R', codes: 'SCORE' },
    { name: 'responded_notes', type: 'code', req: 'R', codes: 'SCORE' },
  ],
};
