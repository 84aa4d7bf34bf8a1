import * as z from 'zod';
import { type ColumnDef, dataYearOffset, defineIndicator, ITEM_TABLE_COLUMNS } from '../../src/engine/indicator.js';

// Indicator 15 — correction of noncompliance within one year (INDICATORS.md "15").
// monitoring/findings.csv: a = findings whose district was notified in the findings year (Y−1 by
// default: FFY 2007 = 2007-07-01..2008-06-30 for Y = 2008-09), b = those whose correction was
// verified no later than `correction_days` (365) after the notification. count.sql aggregates once
// per district × cluster × component (`ind15_agg`); every output reads it.


const TABLE_15B: ColumnDef[] = [
  { name: 'cluster', type: 'VARCHAR', role: 'key' },
  { name: 'component', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  { name: 'component_label', type: 'VARCHAR', role: 'label' },
  { name: 'districts', type: 'BIGINT', role: 'count', distinct: true },
  // a count, not a repeated denominator: the total rows sum it like `corrected`
  { name: 'findings', type: 'BIGINT', role: 'count' },
  { name: 'corrected', type: 'BIGINT', role: 'count' },
  { name: 'percent', type: 'DOUBLE', role: 'percent', num: 'corrected', den: 'findings' },
];

export default defineIndicator({
  id: '15',
  title: 'Correction of noncompliance within one year',
  description:
    'Findings of noncompliance notified in the findings year (Y−1) whose correction was verified within 365 days of the notification, by APR indicator cluster and by general supervision component (monitoring, dispute resolution).',
  paramPrefix: 'ind15',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    findings_year_offset: z
      .number()
      .int()
      .min(-3)
      .max(0)
      .default(-1)
      .meta({ description: 'Year of notification of the findings counted, relative to the data year (−1 = FFY 2007 for the 2008-09 APR)' }),
    correction_days: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .default(365)
      .meta({ description: 'Correction is timely when verified no later than this many days after the notification' }),
  }),
  inputs: [{ kind: 'findings' }],
  measures: [{ id: '15', title: 'Noncompliance corrected within one year of identification', precision: 2, targetOp: '>=' }],
  dir: import.meta.url,
  count: ['count.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    {
      kind: 'table',
      name: 'table-15a',
      file: 'table-15a.sql',
      columns: ITEM_TABLE_COLUMNS,
      sums: [
        { total: 'a', parts: ['b', 'corrected_late', 'uncorrected'] },
        { total: 'percent', totalCol: 'numerator', parts: ['b'] },
        { total: 'percent', totalCol: 'denominator', parts: ['a'] },
      ],
    },
    { kind: 'table', name: 'table-15b', file: 'table-15b.sql', columns: TABLE_15B },
  ],
});
