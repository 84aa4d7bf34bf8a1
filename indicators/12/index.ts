import * as z from 'zod';
import { type ColumnDef, dataYearOffset, defineIndicator, ITEM_TABLE_COLUMNS, rateColumns } from '../../src/engine/indicator.js';

// Indicator 12 (INDICATORS.md 12): Part C referrals linked to the June Table A of the data year by
// name_key; percent = c / (a − b − d [− e]). Trigger 12 uses sesr.timeline_min.
const DISTRICT_EXTRA: ColumnDef[] = [
  { name: 'a', type: 'BIGINT', role: 'total' },
  { name: 'b', type: 'BIGINT', role: 'count' },
  { name: 'd', type: 'BIGINT', role: 'count' },
  { name: 'e', type: 'BIGINT', role: 'count' },
  { name: 'late', type: 'BIGINT', role: 'count' },
  { name: 'unlinked', type: 'BIGINT', role: 'count' },
];


const TABLE_12B: ColumnDef[] = [
  { name: 'row', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  { name: 'days_min', type: 'INTEGER', role: 'value' },
  { name: 'days_max', type: 'INTEGER', role: 'value' },
  ...rateColumns('count', 'denominator', 'percent'),
];

const LIST_COLUMNS: ColumnDef[] = [
  { name: 'selpa', type: 'VARCHAR', role: 'key' },
  { name: 'referral_id', type: 'VARCHAR', role: 'key' },
  { name: 'plan_type', type: 'VARCHAR', role: 'text' },
  { name: 'status', type: 'VARCHAR', role: 'text' },
  { name: 'days_after_range', type: 'VARCHAR', role: 'label' },
  { name: 'tbddlay', type: 'VARCHAR', role: 'text' },
];

export default defineIndicator({
  id: '12',
  title: 'Part C to Part B by the third birthday',
  description:
    'Children referred by Part C before age 3 (third birthday in the data year), linked to the June Table A by name, birthdate and gender: IEP by the third birthday c / (a - b - d [- e]).',
  paramPrefix: 'ind12',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    refusal_codes: z
      .array(z.string())
      .default(['10'])
      .meta({ description: 'TBDDLAY codes that count a linked child in d (parent refusal to consent delayed evaluation or services)' }),
    late_referral_days: z
      .number()
      .int()
      .min(0)
      .max(1095)
      .default(90)
      .meta({ description: 'e: a child whose PARTC_ENTRY is later than the third birthday minus this many days was referred to Part C late' }),
    exclude_late_referrals: z
      .boolean()
      .default(false)
      .meta({ description: 'Count e and take it out of the denominator (the FFY 2008 source did not)' }),
  }),
  inputs: [{ kind: 'partc_referrals' }, { kind: 'table_a', period: 'JUN' }],
  uses: ['sesr'],
  triggers: ['12'],
  measures: [{ id: '12', title: 'Children referred by Part C with an IEP by their third birthday', precision: 2, targetOp: '>=' }],
  dir: import.meta.url,
  trend: true,
  count: ['count.sql'],
  decide: ['decide.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    {
      kind: 'table',
      name: 'table-12a',
      file: 'table-12a.sql',
      columns: ITEM_TABLE_COLUMNS,
      // the percent row's denominator is a - b - d - e
      sums: [
        { total: 'a', parts: ['b', 'd', 'e', ['percent', 'denominator']] },
        { total: 'percent', totalCol: 'numerator', parts: ['c'] },
      ],
    },
    { kind: 'table', name: 'table-12b', file: 'table-12b.sql', columns: TABLE_12B },
    { kind: 'districts', file: 'districts.sql', columns: DISTRICT_EXTRA },
    { kind: 'triggers', file: 'triggers.sql', triggers: ['12'] },
    { kind: 'restricted', name: '12', file: 'students.sql', columns: LIST_COLUMNS },
  ],
});
