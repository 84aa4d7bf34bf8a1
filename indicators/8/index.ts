import * as z from 'zod';
import { type ColumnDef, dataYearOffset, defineIndicator, ITEM_TABLE_COLUMNS, rateColumns } from '../../src/engine/indicator.js';

// Table 8a: the source's rows (mailed, returned, percent returned, answered Q5, YES, NO, percent YES).
// A count row fills `count`; a percent row fills `numerator`, `denominator` and `percent`.

// Table 8b: one row per disability category / ethnic group, a `total` row closing each section.
const TABLE_8B: ColumnDef[] = [
  { name: 'section', type: 'VARCHAR', role: 'key' },
  { name: 'category', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  ...rateColumns('sample_n', 'sample_total', 'sample_pct'),
  ...rateColumns('state_n', 'state_total', 'state_pct'),
  { name: 'difference', type: 'DOUBLE', role: 'value' },
  { name: 'flagged', type: 'BOOLEAN', role: 'flag' },
  { name: 'sample_of_state_pct', type: 'DOUBLE', role: 'percent', num: 'sample_n', den: 'state_n' },
];

export default defineIndicator({
  id: '8',
  title: 'Parent involvement',
  description:
    'Parents answering YES to Q5 of the parent survey (schools facilitated parent involvement) among those who answered it; Table 8b compares the respondents with the December count by disability and ethnic group.',
  paramPrefix: 'ind8',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    rep_band: z
      .number()
      .min(0)
      .max(100)
      .default(3)
      .meta({ description: 'Table 8b: a row is flagged when |State % − sample %| exceeds this many points (NPSO Response Calculator ±3)' }),
  }),
  inputs: [{ kind: 'parent_survey' }],
  measures: [{ id: '8', title: 'Parents reporting that schools facilitated parent involvement', precision: 1, targetOp: '>=' }],
  dir: import.meta.url,
  count: ['count.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    {
      kind: 'table',
      name: 'table-8a',
      file: 'table-8a.sql',
      columns: ITEM_TABLE_COLUMNS,
      sums: [
        { total: 'pct_returned', totalCol: 'numerator', parts: ['returned'] },
        { total: 'pct_returned', totalCol: 'denominator', parts: ['mailed'] },
        { total: 'answered_q5', parts: ['yes_q5', 'no_q5'] },
        { total: 'pct_yes', totalCol: 'numerator', parts: ['yes_q5'] },
        { total: 'pct_yes', totalCol: 'denominator', parts: ['answered_q5'] },
      ],
    },
    { kind: 'table', name: 'table-8b', file: 'table-8b.sql', columns: TABLE_8B, needs: [{ kind: 'table_a', period: 'DEC' }] },
  ],
});
