import * as z from 'zod';
import { type ColumnDef, dataYearOffset, decide, defineIndicator } from '../../src/engine/indicator.js';

// Self-review (SESR) identification (INDICATORS.md "Self-review identification list"): the cut points
// 11, 12 and 13 use for their triggers, and the record-review triggers of its own.
const DISTRICT_EXTRA: ColumnDef[] = [
  { name: 'overdue_eval', type: 'BIGINT', role: 'count' },
  { name: 'overdue_eval_pct', type: 'DOUBLE', role: 'percent', num: 'overdue_eval', den: 'denominator' },
  { name: 'overdue_eval_max', type: 'DOUBLE', role: 'value' },
  { name: 'cyclical', type: 'BOOLEAN', role: 'flag' },
  { name: 'review_types', type: 'VARCHAR', role: 'text' },
];

const LIST_COLUMNS: ColumnDef[] = [
  { name: 'selpa', type: 'VARCHAR', role: 'key' },
  { name: 'reference_date', type: 'DATE', role: 'value' },
  { name: 'last_date', type: 'DATE', role: 'value' },
  { name: 'due_date', type: 'DATE', role: 'value' },
  { name: 'days_overdue', type: 'INTEGER', role: 'value' },
];

export default defineIndicator({
  id: 'sesr',
  title: 'Self-review identification',
  description:
    'Record-review triggers of the self-review list: annual IEPs more than one calendar year old (W909), triennial evaluations more than three (W910), and the monitoring cycle; the cut points of the 11, 12 and 13 triggers.',
  paramPrefix: 'sesr',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    timeline_min: decide(z.number().min(0).max(100).default(100), 'Triggers 11 and 12: a district below this percent with at least one late or missing case'),
    transition_min: decide(z.number().min(0).max(100).default(100), 'Trigger 13: a district below this percent of students 16+ with transition goals and services'),
    overdue_iep_max: decide(z.number().min(0).max(100).default(0), 'Trigger annual_iep: a district whose share of served December records with an overdue annual IEP is above this percent'),
    overdue_eval_max: decide(z.number().min(0).max(100).default(0), 'Trigger triennial: a district whose share of served December records with an overdue triennial evaluation is above this percent'),
  }),
  inputs: [],
  triggers: ['annual_iep', 'triennial', 'cyclical'],
  measures: [],
  dir: import.meta.url,
  count: ['count.sql'],
  outputs: [
    { kind: 'districts', name: 'self-review', file: 'districts.sql', columns: DISTRICT_EXTRA, needs: [{ kind: 'table_a', period: 'DEC' }] },
    { kind: 'triggers', name: 'records', file: 'triggers-records.sql', triggers: ['annual_iep', 'triennial'], needs: [{ kind: 'table_a', period: 'DEC' }] },
    { kind: 'triggers', name: 'cycle', file: 'triggers-cycle.sql', triggers: ['cyclical'], needs: [{ kind: 'cycle' }] },
    { kind: 'restricted', name: 'annual_iep', file: 'students-annual-iep.sql', columns: LIST_COLUMNS, needs: [{ kind: 'table_a', period: 'DEC' }] },
    { kind: 'restricted', name: 'triennial', file: 'students-triennial.sql', columns: LIST_COLUMNS, needs: [{ kind: 'table_a', period: 'DEC' }] },
  ],
});
