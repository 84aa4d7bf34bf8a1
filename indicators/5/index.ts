import * as z from 'zod';
import { dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

export default defineIndicator({
  id: '5',
  title: 'Least restrictive environment, ages 6-21',
  description: 'Served December students aged 6-21 by setting: 5A inside the regular class 80% or more, 5B less than 40%, 5C separate settings.',
  paramPrefix: 'ind5',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    min_age: z.number().int().min(0).max(22).default(6).meta({ description: 'Youngest age (on the December count date) in the population' }),
    max_age: z.number().int().min(0).max(22).default(21).meta({ description: 'Oldest age (on the December count date) in the population' }),
  }),
  inputs: [{ kind: 'table_a', period: 'DEC' }],
  measures: [
    { id: '5A', title: 'Removed from regular class less than 21% of the day', precision: 1, targetOp: '>=' },
    { id: '5B', title: 'Removed from regular class greater than 60% of the day', precision: 1, targetOp: '<=' },
    { id: '5C', title: 'Served in separate schools, residential facilities, or homebound/hospital', precision: 1, targetOp: '<=' },
  ],
  dir: import.meta.url,
  prepare: ['prepare.sql'],
  outputs: [
    { name: 'summary', file: 'summary.sql' },
    { name: 'table-5a', file: 'table-5a.sql' },
    { name: 'districts', file: 'districts.sql' },
  ],
});
