import * as z from 'zod';
import { type ColumnDef, dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

const DISTRICT_EXTRA: ColumnDef[] = [{ name: 'four_year_rate', type: 'DOUBLE', role: 'value' }];

const TABLE_COLUMNS: ColumnDef[] = [
  { name: 'grade', type: 'VARCHAR', role: 'key' },
  { name: 'enrollment', type: 'BIGINT', role: 'total' },
  { name: 'dropouts', type: 'BIGINT', role: 'count' },
  { name: 'rate', type: 'DOUBLE', role: 'value', from: ['dropouts', 'enrollment'] },
  { name: 'one_minus_rate', type: 'DOUBLE', role: 'value', from: ['dropouts', 'enrollment'] },
  { name: 'four_year_rate', type: 'DOUBLE', role: 'value' },
];

export default defineIndicator({
  id: '2',
  title: 'Dropout',
  description: 'One-year dropout rate (grades 9-12 and ungraded) and the four-year derived rate 1 - prod(1 - D/E) of Table 2a.',
  paramPrefix: 'ind2',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    max_rate: z.number().min(0).max(100).default(23.6).meta({ description: 'Target: the four-year derived dropout rate is met at or below this percent' }),
  }),
  inputs: [{ kind: 'grad_dropout' }],
  measures: [
    { id: '2.one_year', title: 'One-year dropout rate, students with disabilities', precision: 2 },
    { id: '2.four_year', title: 'Four-year derived dropout rate, students with disabilities', precision: 2, targetOp: '<=', targetParam: 'ind2.max_rate' },
  ],
  dir: import.meta.url,
  trend: true,
  count: ['count.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    {
      kind: 'table',
      name: 'table-2a',
      file: 'table-2a.sql',
      columns: TABLE_COLUMNS,
      // the product of 1 - D/E gives one grade's dropouts away when the others are printed
      sums: [{ total: 'product', totalCol: 'one_minus_rate', parts: ['09', '10', '11', '12'], col: 'dropouts', product: true }],
    },
    { kind: 'districts', file: 'districts.sql', columns: DISTRICT_EXTRA },
  ],
});
