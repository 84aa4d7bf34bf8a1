// STUB: being written. Replace with the full declaration.
import * as z from 'zod';
import { dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

export default defineIndicator({
  id: '3',
  title: 'Statewide assessment',
  description: 'Statewide assessment.',
  paramPrefix: 'ind3',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
  }),
  inputs: [{ kind: 'assessment' }],
  measures: [],
  dir: import.meta.url,
  outputs: [],
});
