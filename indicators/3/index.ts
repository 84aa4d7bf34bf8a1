import * as z from 'zod';
import { type ColumnDef, dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

const pctCol = (name: string, num: string, den: string): ColumnDef => ({ name, type: 'DOUBLE', role: 'percent', num, den });

const TABLE_3A: ColumnDef[] = [
  { name: 'component', type: 'VARCHAR', role: 'key' },
  { name: 'area', type: 'VARCHAR', role: 'label' },
  { name: 'subject', type: 'VARCHAR', role: 'label' },
  { name: 'measured', type: 'BIGINT', role: 'total' },
  { name: 'met', type: 'BIGINT', role: 'count' },
  pctCol('percent', 'met', 'measured'),
];

const TABLE_3B: ColumnDef[] = [
  { name: 'condition', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  { name: 'ela_count', type: 'BIGINT', role: 'count' },
  { name: 'ela_denominator', type: 'BIGINT', role: 'total' },
  pctCol('ela_percent', 'ela_count', 'ela_denominator'),
  { name: 'math_count', type: 'BIGINT', role: 'count' },
  { name: 'math_denominator', type: 'BIGINT', role: 'total' },
  pctCol('math_percent', 'math_count', 'math_denominator'),
];

const TABLE_3C: ColumnDef[] = [
  { name: 'district_type', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  { name: 'ela_proficient', type: 'BIGINT', role: 'count' },
  { name: 'ela_enrolled_fay', type: 'BIGINT', role: 'total' },
  pctCol('ela_percent', 'ela_proficient', 'ela_enrolled_fay'),
  { name: 'ela_amo', type: 'DOUBLE', role: 'value' },
  { name: 'ela_met', type: 'BOOLEAN', role: 'flag' },
  { name: 'math_proficient', type: 'BIGINT', role: 'count' },
  { name: 'math_enrolled_fay', type: 'BIGINT', role: 'total' },
  pctCol('math_percent', 'math_proficient', 'math_enrolled_fay'),
  { name: 'math_amo', type: 'DOUBLE', role: 'value' },
  { name: 'math_met', type: 'BOOLEAN', role: 'flag' },
];

const DISTRICT_EXTRA: ColumnDef[] = [
  { name: 'district_type', type: 'VARCHAR', role: 'label' },
  { name: 'ela_swd_enrolled', type: 'BIGINT', role: 'count' },
  { name: 'math_swd_enrolled', type: 'BIGINT', role: 'count' },
  { name: 'met_participation_ela', type: 'BOOLEAN', role: 'flag' },
  { name: 'met_participation_math', type: 'BOOLEAN', role: 'flag' },
  { name: 'met_participation_both', type: 'BOOLEAN', role: 'flag' },
  { name: 'met_proficiency_ela', type: 'BOOLEAN', role: 'flag' },
  { name: 'met_proficiency_math', type: 'BOOLEAN', role: 'flag' },
  { name: 'met_proficiency_both', type: 'BOOLEAN', role: 'flag' },
  { name: 'ela_participants', type: 'BIGINT', role: 'count' },
  { name: 'ela_enrolled_window', type: 'BIGINT', role: 'total' },
  pctCol('ela_participation_rate', 'ela_participants', 'ela_enrolled_window'),
  { name: 'math_participants', type: 'BIGINT', role: 'count' },
  { name: 'math_enrolled_window', type: 'BIGINT', role: 'total' },
  pctCol('math_participation_rate', 'math_participants', 'math_enrolled_window'),
  { name: 'ela_proficient_fay', type: 'BIGINT', role: 'count' },
  { name: 'ela_enrolled_fay', type: 'BIGINT', role: 'total' },
  pctCol('ela_proficiency_rate', 'ela_proficient_fay', 'ela_enrolled_fay'),
  { name: 'ela_amo', type: 'DOUBLE', role: 'value' },
  { name: 'math_proficient_fay', type: 'BIGINT', role: 'count' },
  { name: 'math_enrolled_fay', type: 'BIGINT', role: 'total' },
  pctCol('math_proficiency_rate', 'math_proficient_fay', 'math_enrolled_fay'),
  { name: 'math_amo', type: 'DOUBLE', role: 'value' },
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
