import * as z from 'zod';
import { type ColumnDef, dataYearOffset, decide, defineIndicator, rateColumns } from '../../src/engine/indicator.js';

// Indicator 9 — disproportionate representation of racial and ethnic groups (INDICATORS.md "9"):
// per district the disparity index (test 1) and the E-formula over the five APR groups (test 2);
// potentially disproportionate when both fail; `9` counts those whose policy review was noncompliant.

/** districts/9.csv after the common columns (OUTPUTS.md): numerator = N (ΣSE), denominator = ΣENR, value = DI. */
export const DI_DISTRICT_COLUMNS: ColumnDef[] = [
  { name: 'disparity_index', type: 'DOUBLE', role: 'value' },
  { name: 'di_benchmark', type: 'DOUBLE', role: 'value' },
  { name: 'di_fails', type: 'BOOLEAN', role: 'flag' },
  { name: 'over_groups', type: 'VARCHAR', role: 'text' },
  { name: 'under_groups', type: 'VARCHAR', role: 'text' },
];

/** Table 9a (and 10a): enrollment, special education and risk per group, the total, then the disparity index. */
export const TABLE_DI_COLUMNS: ColumnDef[] = [
  { name: 'group', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  { name: 'general_enrollment', type: 'BIGINT', role: 'count' },
  { name: 'special_education', type: 'BIGINT', role: 'count' },
  { name: 'risk', type: 'DOUBLE', role: 'percent', num: 'special_education', den: 'general_enrollment' },
  { name: 'di_position', type: 'VARCHAR', role: 'text' },
  { name: 'disparity_index', type: 'DOUBLE', role: 'value' },
];

const TABLE_9B_COLUMNS: ColumnDef[] = [
  { name: 'group', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  ...rateColumns('general_enrollment', 'general_enrollment_total', 'ge_percent'),
  ...rateColumns('special_education', 'special_education_total', 'se_percent'),
  { name: 'k', type: 'DOUBLE', role: 'value' },
  { name: 'e_min', type: 'DOUBLE', role: 'value' },
  { name: 'e_max', type: 'DOUBLE', role: 'value' },
  { name: 'over_represented', type: 'BOOLEAN', role: 'flag' },
  { name: 'under_represented', type: 'BOOLEAN', role: 'flag' },
];

export default defineIndicator({
  id: '9',
  title: 'Disproportionate representation',
  description:
    'Districts with more than 20 served December students aged 6-22 whose disparity index (highest minus lowest group risk of special education) exceeds the benchmark and whose E-formula finds a group over- or under-represented; 9 counts those whose policy review found noncompliance.',
  paramPrefix: 'ind9',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    min_age: z.number().int().min(0).max(30).default(6).meta({ description: 'Youngest age (on the December count date) counted in SE(d)' }),
    max_age: z.number().int().min(0).max(30).default(22).meta({ description: 'Oldest age (on the December count date) counted in SE(d)' }),
    min_se: decide(z.number().int().min(0).default(20), 'A district is evaluated when its served December students aged min_age..max_age (SE) are more than this'),
    min_group_enrollment: decide(z.number().int().min(1).default(1), 'A group enters the disparity index when its general enrollment is at least this'),
    disparity_benchmark: decide(z.number().min(0).default(7.5), 'Test 1 fails when the disparity index (points) is above this benchmark'),
    k: decide(z.number().min(0).default(8), 'E-formula: number of standard errors around a group\'s share of general enrollment'),
  }),
  inputs: [{ kind: 'table_a', period: 'DEC' }, { kind: 'cbeds' }],
  uses: [],
  triggers: ['9'],
  measures: [
    { id: '9.potential', title: 'Districts potentially disproportionate (disparity index and E-formula)', precision: 0 },
    {
      id: '9',
      title: 'Districts with disproportionate representation that is the result of inappropriate identification',
      precision: 0,
      targetOp: '<=',
      needs: [{ kind: 'ppp_reviews' }],
    },
  ],
  dir: import.meta.url,
  count: ['count.sql'],
  decide: ['decide.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    { kind: 'districts', file: 'districts.sql', columns: DI_DISTRICT_COLUMNS, fixedRoles: { value: 'value' } },
    { kind: 'table', name: 'table-9a', file: 'table-9a.sql', columns: TABLE_DI_COLUMNS },
    { kind: 'table', name: 'table-9b', file: 'table-9b.sql', columns: TABLE_9B_COLUMNS },
    { kind: 'triggers', file: 'triggers.sql', triggers: ['9'] },
  ],
});
