import * as z from 'zod';
import { type ColumnDef, dataYearOffset, defineIndicator, rateColumns } from '../../src/engine/indicator.js';

// One flag per measure beside its figures; the common `flagged` is any of them (districts.sql).
const DISTRICT_EXTRA: ColumnDef[] = [
  { name: 'flagged_5a', type: 'BOOLEAN', role: 'flag' },
  { name: 'n_5b', type: 'BIGINT', role: 'count' },
  { name: 'pct_5b', type: 'DOUBLE', role: 'percent', num: 'n_5b', den: 'denominator' },
  { name: 'threshold_5b', type: 'DOUBLE', role: 'value' },
  { name: 'flagged_5b', type: 'BOOLEAN', role: 'flag' },
  { name: 'n_5c', type: 'BIGINT', role: 'count' },
  { name: 'pct_5c', type: 'DOUBLE', role: 'percent', num: 'n_5c', den: 'denominator' },
  { name: 'threshold_5c', type: 'DOUBLE', role: 'value' },
  { name: 'flagged_5c', type: 'BOOLEAN', role: 'flag' },
];

const TABLE_COLUMNS: ColumnDef[] = [
  { name: 'category', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  ...rateColumns('count', 'denominator', 'percent'),
];

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
  trend: true,
  count: ['count.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    { kind: 'table', name: 'table-5a', file: 'table-5a.sql', columns: TABLE_COLUMNS },
    { kind: 'districts', file: 'districts.sql', columns: DISTRICT_EXTRA },
  ],
});
