import * as z from 'zod';
import { dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

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
    { id: '2.four_year', title: 'Four-year derived dropout rate, students with disabilities', precision: 2, targetOp: '<=', targetParam: 'max_rate' },
  ],
  dir: import.meta.url,
  prepare: ['prepare.sql'],
  outputs: [
    { name: 'summary', file: 'summary.sql' },
    { name: 'table-2a', file: 'table-2a.sql' },
    { name: 'districts', file: 'districts.sql' },
  ],
});
