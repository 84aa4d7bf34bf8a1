import * as z from 'zod';
import { dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

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
  measures: [{ id: '1', title: 'Graduation rate, students with disabilities', precision: 1, targetOp: '>=', targetParam: 'min_rate' }],
  dir: import.meta.url,
  prepare: ['prepare.sql'],
  outputs: [
    { name: 'summary', file: 'summary.sql' },
    { name: 'districts', file: 'districts.sql' },
  ],
});
