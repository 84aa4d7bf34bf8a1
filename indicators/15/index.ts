// STUB: being written. Replace with the full declaration.
import * as z from 'zod';
import { dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

export default defineIndicator({
  id: '15',
  title: 'Correction of noncompliance within one year',
  description: 'Correction of noncompliance within one year.',
  paramPrefix: 'ind15',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
  }),
  inputs: [{ kind: 'findings' }],
  measures: [],
  dir: import.meta.url,
  outputs: [],
});
