// STUB: being written. Replace with the full declaration.
import * as z from 'zod';
import { dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

export default defineIndicator({
  id: '8',
  title: 'Parent involvement',
  description: 'Parent involvement.',
  paramPrefix: 'ind8',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
  }),
  inputs: [{ kind: 'parent_survey' }],
  measures: [],
  dir: import.meta.url,
  outputs: [],
});
