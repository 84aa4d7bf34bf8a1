import * as z from 'zod';
import { type ColumnDef, dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

// Indicator 13 [extension] (INDICATORS.md 13): FFY 2008 measured nothing for 13; for self-review the
// share of served June students 16+ whose IEP has a postsecondary goal (TRAN_GOAL1) and transition
// services (SPEC_TRANS = Y). Trigger 13 uses sesr.transition_min.
const DISTRICT_EXTRA: ColumnDef[] = [{ name: 'lacking', type: 'BIGINT', role: 'count' }];

const LIST_COLUMNS: ColumnDef[] = [
  { name: 'selpa', type: 'VARCHAR', role: 'key' },
  { name: 'has_goal', type: 'BOOLEAN', role: 'flag' },
  { name: 'spec_trans', type: 'VARCHAR', role: 'text' },
];

export default defineIndicator({
  id: '13',
  title: 'Secondary transition',
  description:
    'Served June students aged 16 or older on the June report date whose IEP has a postsecondary goal (TRAN_GOAL1) and transition services (SPEC_TRANS = Y) [extension].',
  paramPrefix: 'ind13',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    min_age: z.number().int().min(0).max(22).default(16).meta({ description: 'Youngest age (on the June report date) in the population' }),
  }),
  inputs: [{ kind: 'table_a', period: 'JUN' }],
  uses: ['sesr'],
  triggers: ['13'],
  measures: [{ id: '13', title: 'Students aged 16 and older with transition goals and services', precision: 2, targetOp: '>=' }],
  dir: import.meta.url,
  count: ['count.sql'],
  decide: ['decide.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    { kind: 'districts', file: 'districts.sql', columns: DISTRICT_EXTRA },
    { kind: 'triggers', file: 'triggers.sql', triggers: ['13'] },
    { kind: 'restricted', name: '13', file: 'students.sql', columns: LIST_COLUMNS },
  ],
});
