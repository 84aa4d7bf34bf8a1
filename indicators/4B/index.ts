import * as z from 'zod';
import { type ColumnDef, dataYearOffset, decide, defineIndicator } from '../../src/engine/indicator.js';

// Indicator 4B (INDICATORS.md "4B", an extension: not reported in FFY 2008): 4A by ethnic group.
// Each (district, group) with at least ind4b.min_n students is compared with the bar of 4A's method
// and parameters (ind4.bar_method, ind4.bar, …, 4A's statewide rate); the students are counted with
// 4A's count parameters (ind4.days, ind4.dspl_types, ind4.max_age) and 4A's macros.

const DISTRICT_EXTRA: ColumnDef[] = [
  { name: 'group', type: 'VARCHAR', role: 'key' },
  { name: 'group_name', type: 'VARCHAR', role: 'label' },
  { name: 'potential', type: 'BOOLEAN', role: 'flag' },
  { name: 'review_noncompliant', type: 'BOOLEAN', role: 'flag' },
];

export default defineIndicator({
  id: '4B',
  title: 'Suspension/expulsion over 10 days by race/ethnicity',
  description:
    'Districts where an ethnic group (N ≥ ind4b.min_n) has a rate of suspension/expulsion over ind4.days days above the 4A bar (potential), and of those the districts whose policy review for 4B found noncompliance.',
  paramPrefix: 'ind4b',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    min_n: decide(z.number().int().min(0).default(20), 'An ethnic group of a district is evaluated when it has at least this many students'),
  }),
  inputs: [
    { kind: 'table_a', period: 'JUN' },
    { kind: 'table_c', period: 'JUN' },
  ],
  uses: ['4A'],
  triggers: ['4B'],
  measures: [
    { id: '4B.potential', title: 'Districts with an ethnic group above the suspension/expulsion bar (potential)', precision: 2 },
    {
      id: '4B',
      title: 'Districts with a significant discrepancy by race/ethnicity and noncompliant policies, procedures and practices',
      precision: 2,
      targetOp: '<=',
      needs: [{ kind: 'ppp_reviews' }],
    },
  ],
  dir: import.meta.url,
  count: ['count.sql'],
  decide: ['decide.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    { kind: 'districts', file: 'districts.sql', columns: DISTRICT_EXTRA },
    { kind: 'triggers', file: 'triggers.sql', triggers: ['4B'] },
  ],
});
