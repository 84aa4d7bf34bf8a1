import * as z from 'zod';
import { type ColumnDef, dataYearOffset, decide, defineIndicator, rateColumns } from '../../src/engine/indicator.js';
import { DI_DISTRICT_COLUMNS, TABLE_DI_COLUMNS } from '../9/index.js';

// Indicator 10 — disproportionate representation by disability (INDICATORS.md "10"): 9's evaluated
// districts and disparity-index test, and the E-formula for every (group, disability) pair.

const TABLE_10B_COLUMNS: ColumnDef[] = [
  { name: 'disability', type: 'VARCHAR', role: 'key' },
  { name: 'disability_label', type: 'VARCHAR', role: 'label' },
  { name: 'group', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  ...rateColumns('special_education', 'disability_total', 'se_percent'),
  ...rateColumns('base_count', 'base_total', 'base_percent'),
  { name: 'a_base', type: 'VARCHAR', role: 'text' },
  { name: 'k', type: 'DOUBLE', role: 'value' },
  { name: 'e_min', type: 'DOUBLE', role: 'value' },
  { name: 'e_max', type: 'DOUBLE', role: 'value' },
  { name: 'over_represented', type: 'BOOLEAN', role: 'flag' },
  { name: 'under_represented', type: 'BOOLEAN', role: 'flag' },
];

export default defineIndicator({
  id: '10',
  title: 'Disproportionate representation by disability',
  description:
    "Indicator 9's evaluated districts whose disparity index exceeds the benchmark and whose E-formula finds a group over- or under-represented in one of six disabilities (MR, SLD, ED, SLI, OHI, autism) against its share of special education; 10 counts those whose policy review found noncompliance.",
  paramPrefix: 'ind10',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    disabilities: z
      .array(z.string().regex(/^[0-9]{3}$/))
      .min(1)
      .default(['210', '290', '260', '240', '280', '320'])
      .meta({ description: 'Disability codes (DISABILITY1) whose (group, disability) pairs the E-formula tests' }),
    k: decide(z.number().min(0).default(8), 'E-formula: number of standard errors around a group\'s share (A) for each (group, disability) pair'),
    a_base: decide(
      z.enum(['special_education', 'general_enrollment']).default('special_education'),
      "E-formula A: the group's share of the district's special education (the Indicator 10 text) or of its general enrollment (Attachment 9a)",
    ),
  }),
  inputs: [{ kind: 'table_a', period: 'DEC' }, { kind: 'cbeds' }],
  uses: ['9'],
  triggers: ['10'],
  measures: [
    { id: '10.potential', title: 'Districts potentially disproportionate by disability (disparity index and E-formula)', precision: 0 },
    {
      id: '10',
      title: 'Districts with disproportionate representation in specific disability categories that is the result of inappropriate identification',
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
    { kind: 'districts', file: 'districts.sql', columns: [...DI_DISTRICT_COLUMNS, { name: 'disability', type: 'VARCHAR', role: 'key' }], fixedRoles: { value: 'value' } },
    { kind: 'table', name: 'table-10a', file: 'table-10a.sql', columns: TABLE_DI_COLUMNS },
    { kind: 'table', name: 'table-10b', file: 'table-10b.sql', columns: TABLE_10B_COLUMNS },
    { kind: 'triggers', file: 'triggers.sql', triggers: ['10'] },
  ],
});
