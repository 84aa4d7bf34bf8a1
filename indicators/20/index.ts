// STUB: being written. Replace with the full declaration.
import * as z from 'zod';
import { dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

export default defineIndicator({
  id: '20',
  title: 'Timely and accurate data',
  description: 'Timely and accurate data.',
  paramPrefix: 'ind20',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
  }),
  inputs: [],
  measures: [],
  dir: import.meta.url,
  outputs: [],
});
