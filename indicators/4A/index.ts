import * as z from 'zod';
import { type ColumnDef, dataYearOffset, decide, defineIndicator, rateColumns } from '../../src/engine/indicator.js';

// Indicator 4A (INDICATORS.md "4A"): districts whose rate of students with IEPs suspended or expelled
// for more than `ind4.days` days in the data year is above the bar. 4B reads this folder's macros
// (macros.sql), its statewide counts (`ind4_state`) and its bar parameters.

const DISTRICT_EXTRA: ColumnDef[] = [
  { name: 'state_rate', type: 'DOUBLE', role: 'value' },
  { name: 'ratio_to_state', type: 'DOUBLE', role: 'value' },
  { name: 'bar_method', type: 'VARCHAR', role: 'text' },
];

const TABLE_4A: ColumnDef[] = [
  { name: 'item_no', type: 'VARCHAR', role: 'key' },
  { name: 'findings', type: 'BIGINT', role: 'count' },
  ...rateColumns('districts_with_findings', 'districts_reviewed', 'districts_with_findings_pct'),
];

const LIST_COLUMNS: ColumnDef[] = [
  { name: 'selpa', type: 'VARCHAR', role: 'key' },
  { name: 'days_total', type: 'DOUBLE', role: 'value' },
  { name: 'actions', type: 'INTEGER', role: 'count' },
  { name: 'expulsion', type: 'BOOLEAN', role: 'flag' },
  { name: 'expulsion_days_blank', type: 'BOOLEAN', role: 'flag' },
  { name: 'first_action', type: 'DATE', role: 'value' },
  { name: 'last_action', type: 'DATE', role: 'value' },
];

export default defineIndicator({
  id: '4A',
  title: 'Suspension/expulsion over 10 days',
  description:
    'Percent of districts (served June students, birth through 22, N ≥ ind4.min_n) whose rate of students suspended or expelled for more than ind4.days days in the data year is above the bar (ind4.bar_method); also the statewide rate.',
  paramPrefix: 'ind4',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    days: z.number().min(0).default(10).meta({ description: 'A student counts when the days of their counted actions in the data year sum to more than this' }),
    dspl_types: z
      .array(z.string())
      .default(['10', '20', '30'])
      .meta({ description: 'Table C DSPL_TYPE codes that count as suspension or expulsion (10 in-school, 20 out-of-school suspension, 30 expulsion)' }),
    max_age: z.number().int().min(0).max(22).default(22).meta({ description: 'Oldest age (on the June report date) in the population: birth through this age' }),
    min_n: decide(z.number().int().min(0).default(20), 'A district is evaluated when its population N is at least this'),
    bar_method: decide(
      z.enum(['fixed', 'state_rate', 'state_rate_multiple', 'rate_ratio']).default('fixed'),
      'How the bar is set: fixed (ind4.bar), state_rate (the statewide rate), state_rate_multiple (statewide rate × ind4.multiple), rate_ratio (district rate / statewide rate above ind4.rate_ratio)',
    ),
    bar: decide(z.number().min(0).max(100).default(1.0), 'Bar of the fixed method: a district whose rate (percent) is above it is discrepant'),
    multiple: decide(z.number().min(0).default(2.0), 'state_rate_multiple: the bar is the statewide rate times this'),
    rate_ratio: decide(z.number().min(0).default(2.0), 'rate_ratio: a district is discrepant when its rate divided by the statewide rate is above this'),
  }),
  inputs: [
    { kind: 'table_a', period: 'JUN' },
    { kind: 'table_c', period: 'JUN' },
  ],
  uses: [],
  triggers: ['4A'],
  measures: [
    { id: '4A', title: 'Districts with a significant discrepancy in suspensions/expulsions over 10 days', precision: 1, targetOp: '<=' },
    { id: '4A.state_rate', title: 'Statewide rate of students with IEPs suspended/expelled over 10 days', precision: 2 },
  ],
  dir: import.meta.url,
  trend: true,
  count: ['macros.sql', 'count.sql'],
  decide: ['decide.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    { kind: 'districts', file: 'districts.sql', columns: DISTRICT_EXTRA },
    { kind: 'table', name: 'table-4a', file: 'table-4a.sql', columns: TABLE_4A, needs: [{ kind: 'ppp_reviews' }], skipWhenEmpty: true },
    { kind: 'triggers', file: 'triggers.sql', triggers: ['4A'] },
    { kind: 'restricted', name: '4A', file: 'students.sql', columns: LIST_COLUMNS },
  ],
});
