import * as z from 'zod';
import { type ColumnDef, dataYearOffset, defineIndicator, rateColumns } from '../../src/engine/indicator.js';

const TABLE_3A: ColumnDef[] = [
  { name: 'component', type: 'VARCHAR', role: 'key' },
  { name: 'area', type: 'VARCHAR', role: 'label' },
  { name: 'subject', type: 'VARCHAR', role: 'label' },
  { name: 'measured', type: 'BIGINT', role: 'total' },
  { name: 'met', type: 'BIGINT', role: 'count' },
  { name: 'percent', type: 'DOUBLE', role: 'percent', num: 'met', den: 'measured' },
];

const SUBJECTS = ['ela', 'math'] as const;

const TABLE_3B: ColumnDef[] = [
  { name: 'condition', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  ...SUBJECTS.flatMap((s) => rateColumns(`${s}_count`, `${s}_denominator`, `${s}_percent`)),
];

const TABLE_3C: ColumnDef[] = [
  { name: 'district_type', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  ...SUBJECTS.flatMap((s): ColumnDef[] => [
    ...rateColumns(`${s}_proficient`, `${s}_enrolled_fay`, `${s}_percent`),
    { name: `${s}_amo`, type: 'DOUBLE', role: 'value' },
    { name: `${s}_met`, type: 'BOOLEAN', role: 'flag' },
  ]),
];

const DISTRICT_EXTRA: ColumnDef[] = [
  { name: 'district_type', type: 'VARCHAR', role: 'label' },
  ...SUBJECTS.map((s): ColumnDef => ({ name: `${s}_swd_enrolled`, type: 'BIGINT', role: 'count' })),
  ...['participation', 'proficiency'].flatMap((t) => [...SUBJECTS, 'both'].map((s): ColumnDef => ({ name: `met_${t}_${s}`, type: 'BOOLEAN', role: 'flag' }))),
  ...SUBJECTS.flatMap((s) => rateColumns(`${s}_participants`, `${s}_enrolled_window`, `${s}_participation_rate`)),
  ...SUBJECTS.flatMap((s): ColumnDef[] => [
    ...rateColumns(`${s}_proficient_fay`, `${s}_enrolled_fay`, `${s}_proficiency_rate`),
    { name: `${s}_amo`, type: 'DOUBLE', role: 'value' },
  ]),
];

export default defineIndicator({
  id: '3',
  title: 'Statewide assessment',
  description:
    'Students with IEPs on statewide assessments: 3A districts meeting AYP for the disability subgroup, 3B participation and 3C proficiency rates in ELA and Math.',
  paramPrefix: 'ind3',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    min_n: z.number().int().min(0).default(100).meta({
      description: 'AYP minimum n: a subject row counts for Table 3a when its swd_enrolled is at least this',
    }),
  }),
  inputs: [{ kind: 'assessment' }],
  measures: [
    { id: '3A', title: 'Districts meeting the AYP objectives for the disability subgroup', precision: 2, targetOp: '>=' },
    { id: '3B.ela', title: 'Participation rate, English language arts', precision: 1, targetOp: '>=' },
    { id: '3B.math', title: 'Participation rate, mathematics', precision: 1, targetOp: '>=' },
    { id: '3C.ela', title: 'Proficiency rate, English language arts', precision: 1, targetOp: '>=' },
    { id: '3C.math', title: 'Proficiency rate, mathematics', precision: 1, targetOp: '>=' },
  ],
  dir: import.meta.url,
  count: ['count.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    { kind: 'table', name: 'table-3a', file: 'table-3a.sql', columns: TABLE_3A },
    {
      kind: 'table',
      name: 'table-3b',
      file: 'table-3b.sql',
      columns: TABLE_3B,
      sums: [
        { total: 'total', parts: ['regular', 'regular_accom', 'modified', 'alternate', 'not_reported'], col: ['ela_count', 'math_count'] },
        { total: 'enrolled', parts: ['total', 'not_tested'], col: ['ela_count', 'math_count'] },
      ],
    },
    { kind: 'table', name: 'table-3c', file: 'table-3c.sql', columns: TABLE_3C },
    { kind: 'districts', file: 'districts.sql', columns: DISTRICT_EXTRA },
    { kind: 'warnings', file: 'warnings.sql' },
  ],
});
