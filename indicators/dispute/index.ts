// STUB: being written. Replace with the full declaration.
import * as z from 'zod';
import { dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

export default defineIndicator({
  id: 'dispute',
  title: 'Dispute resolution: Table 7 and Indicators 16-19',
  description: 'Dispute resolution: Table 7 and Indicators 16-19.',
  paramPrefix: 'dispute',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
  }),
  inputs: [{ anyOf: [{ kind: 'table7' }, { kind: 'complaints' }, { kind: 'mediations' }, { kind: 'hearings' }] }],
  measures: [],
  dir: import.meta.url,
  outputs: [],
});
