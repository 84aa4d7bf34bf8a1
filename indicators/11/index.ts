import * as z from 'zod';
import { type ColumnDef, dataYearOffset, defineIndicator, ITEM_TABLE_COLUMNS, rateColumns } from '../../src/engine/indicator.js';

// Indicator 11 — initial evaluation within 60 days of parental consent (INDICATORS.md "11").
// June Table A of the data year, every PLAN_TYPE. The due date of every consent (60 days extended
// for school breaks) is computed once in count.sql (`ind11_consents`) and read by every output.

const DISTRICT_EXTRA: ColumnDef[] = [
  { name: 'consents', type: 'BIGINT', role: 'total' },
  { name: 'excluded', type: 'BIGINT', role: 'count' },
  { name: 'on_time', type: 'BIGINT', role: 'count' },
  { name: 'state_timeline', type: 'BIGINT', role: 'count' },
  { name: 'late', type: 'BIGINT', role: 'count' },
  { name: 'not_evaluated', type: 'BIGINT', role: 'count' },
];


const TABLE_11B: ColumnDef[] = [
  { name: 'section', type: 'VARCHAR', role: 'key' },
  { name: 'category', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  ...rateColumns('count', 'denominator', 'percent'),
];

const LIST_COLUMNS: ColumnDef[] = [
  { name: 'selpa', type: 'VARCHAR', role: 'key' },
  { name: 'prnt_csnt', type: 'DATE', role: 'value' },
  { name: 'due_date', type: 'DATE', role: 'value' },
  { name: 'init_eval', type: 'DATE', role: 'value' },
  { name: 'days_late', type: 'INTEGER', role: 'value' },
  { name: 'evldlay', type: 'VARCHAR', role: 'text' },
  { name: 'status', type: 'VARCHAR', role: 'text' },
];

export default defineIndicator({
  id: '11',
  title: 'Initial evaluation within 60 days',
  description:
    'Children with parental consent to an initial evaluation in the data year (June Table A, every PLAN_TYPE) evaluated within 60 days, extended for school breaks of more than five school days (calendar/breaks.csv), or late for a state-timeline reason.',
  paramPrefix: 'ind11',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    days: z.number().int().min(1).max(366).default(60).meta({ description: 'Calendar days from PRNT_CSNT to the due date, before school-break extensions' }),
    exclude_codes: z
      .array(z.string())
      .default(['10', '20'])
      .meta({ description: 'EVLDLAY codes removed from both a and b (10 parent failed to produce the child, 20 child enrolled in another agency)' }),
    state_timeline_codes: z
      .array(z.string())
      .default(['30', '40'])
      .meta({ description: 'EVLDLAY codes of a late evaluation that still counts in b (30 written parent extension, 40 school break)' }),
    min_break_days: z
      .number()
      .int()
      .min(0)
      .default(5)
      .meta({ description: 'A break in calendar/breaks.csv extends the due date only when it spans more than this many school days' }),
  }),
  inputs: [{ kind: 'table_a', period: 'JUN' }],
  uses: ['sesr'],
  triggers: ['11'],
  measures: [{ id: '11', title: 'Initial evaluations completed within 60 days of parental consent', precision: 2, targetOp: '>=' }],
  dir: import.meta.url,
  trend: true,
  count: ['count.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    {
      kind: 'table',
      name: 'table-11a',
      file: 'table-11a.sql',
      columns: ITEM_TABLE_COLUMNS,
      sums: [
        { total: 'consents', parts: ['excluded', 'a'] },
        { total: 'a', parts: ['b', 'late', 'not_evaluated'] },
        { total: 'b', parts: ['on_time', 'state_timeline'] },
        { total: 'percent', totalCol: 'numerator', parts: ['b'] },
        { total: 'percent', totalCol: 'denominator', parts: ['a'] },
      ],
    },
    { kind: 'table', name: 'table-11b', file: 'table-11b.sql', columns: TABLE_11B },
    { kind: 'districts', file: 'districts.sql', columns: DISTRICT_EXTRA },
    { kind: 'triggers', file: 'triggers.sql', triggers: ['11'] },
    { kind: 'restricted', name: '11', file: 'students.sql', columns: LIST_COLUMNS },
  ],
});
