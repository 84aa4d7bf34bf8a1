import * as z from 'zod';
import { type ColumnDef, dataYearOffset, defineIndicator, rateColumns } from '../../src/engine/indicator.js';

const TABLE_COLUMNS: ColumnDef[] = [
  { name: 'setting', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  ...rateColumns('count', 'denominator', 'percent'),
];

export default defineIndicator({
  id: '6',
  title: 'Preschool settings, ages 3-5',
  description: 'Served December students aged 3-5 by federal preschool setting (FEDSET_PRS). No target in FFY 2008, no summary row.',
  paramPrefix: 'ind6',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    min_age: z.number().int().min(0).max(22).default(3).meta({ description: 'Youngest age (on the December count date)' }),
    max_age: z.number().int().min(0).max(22).default(5).meta({ description: 'Oldest age (on the December count date)' }),
  }),
  inputs: [{ kind: 'table_a', period: 'DEC' }],
  measures: [],
  dir: import.meta.url,
  outputs: [{ kind: 'table', name: 'table-6', file: 'table-6.sql', columns: TABLE_COLUMNS }],
});
