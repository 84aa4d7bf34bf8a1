import * as z from 'zod';
import { type ColumnDef, dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

const DISTRICT_EXTRA: ColumnDef[] = [
  { name: 'rate_prev_year', type: 'DOUBLE', role: 'value' },
  { name: 'rate_two_years_before', type: 'DOUBLE', role: 'value' },
  { name: 'missing_years', type: 'VARCHAR', role: 'text' },
  // which alternative of the target test met it, or why each failed (as summary.csv's target_basis)
  { name: 'target_basis', type: 'VARCHAR', role: 'text' },
];

export default defineIndicator({
  id: '1',
  title: 'Graduation',
  description: 'Graduation rate of students with disabilities: G / (G + D9(y-3) + D10(y-2) + D11(y-1) + D12(y)).',
  paramPrefix: 'ind1',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    min_rate: z.number().min(0).max(100).default(83.0).meta({ description: 'Target: minimum graduation rate (or the improvement alternatives)' }),
  }),
  inputs: [{ kind: 'grad_dropout' }],
  measures: [{ id: '1', title: 'Graduation rate, students with disabilities', precision: 1, targetOp: '>=', targetParam: 'ind1.min_rate' }],
  dir: import.meta.url,
  trend: true,
  count: ['count.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    { kind: 'districts', file: 'districts.sql', columns: DISTRICT_EXTRA },
  ],
});
