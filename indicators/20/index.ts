import * as z from 'zod';
import { type ColumnDef, dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

// Indicator 20 — timely and accurate state-reported data (INDICATORS.md "20"), and 20B, the SELPAs'
// timely, verified CASEMIS submissions [extension]. No input at module level: measure 20 needs the
// rubric and the 618 tables, 20B the SELPA submissions; the summary reads the (empty when absent)
// clean views, and a measure whose file is missing is reported "not computed" by the engine.
//
// The score is 100 × (APR total + 618 total) / (2 × APR maximum) with 618 total = 618 subtotal ×
// APR maximum / 618 maximum. The summary row carries it as an exact fraction of integers:
// numerator = APR total × 618 maximum + 618 subtotal × APR maximum, denominator = 2 × APR maximum ×
// 618 maximum (FFY 2008: 39 × 21 + 20 × 39 = 1,599 over 2 × 39 × 21 = 1,638 = 97.62 %). Table 20a
// shows the same figures in the rubric's form (76.14 of 78).

const TABLE_20A: ColumnDef[] = [
  { name: 'section', type: 'VARCHAR', role: 'key' },
  { name: 'item', type: 'VARCHAR', role: 'key' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  // Rubric cells as written: 1, 0, NA, or empty (not scored: correct calculation of 1 and 2).
  { name: 'valid_reliable', type: 'VARCHAR', role: 'text' },
  { name: 'correct_calculation', type: 'VARCHAR', role: 'text' },
  { name: 'timely', type: 'VARCHAR', role: 'text' },
  { name: 'complete', type: 'VARCHAR', role: 'text' },
  { name: 'passed_edit', type: 'VARCHAR', role: 'text' },
  { name: 'responded_notes', type: 'VARCHAR', role: 'text' },
  { name: 'due_date', type: 'DATE', role: 'value' },
  { name: 'submitted_date', type: 'DATE', role: 'value' },
  { name: 'on_time', type: 'BOOLEAN', role: 'flag' },
  { name: 'points', type: 'DOUBLE', role: 'value' },
  { name: 'max_points', type: 'DOUBLE', role: 'value' },
  { name: 'percent', type: 'DOUBLE', role: 'percent', num: 'points', den: 'max_points' },
];

const RUBRIC = [{ kind: 'apr_rubric' }, { kind: 'tables_618' }];

export default defineIndicator({
  id: '20',
  title: 'Timely and accurate data',
  description:
    'Indicator 20 scoring rubric: APR indicators valid and reliable and correctly calculated plus 5 points for a timely APR, and the 618 tables timely, complete, passing edit checks and answering data notes, weighted to the APR maximum; 20B: SELPAs whose every submission was on time and passed verification.',
  paramPrefix: 'ind20',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    timely_points: z
      .number()
      .int()
      .min(0)
      .max(100)
      .default(5)
      .meta({ description: 'Points of the APR score for an APR submitted on or before its due date (added to the maximum either way)' }),
  }),
  inputs: [],
  measures: [
    { id: '20', title: 'State-reported data (618 and SPP/APR) are timely and accurate', precision: 2, targetOp: '>=', needs: RUBRIC },
    {
      id: '20B',
      title: 'SELPAs submitting accurate data to CDE in a timely manner',
      precision: 2,
      targetOp: '>=',
      needs: [{ kind: 'selpa_submissions' }],
    },
  ],
  dir: import.meta.url,
  count: ['count.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    { kind: 'table', name: 'table-20a', file: 'table-20a.sql', columns: TABLE_20A, needs: RUBRIC },
    { kind: 'warnings', file: 'warnings.sql', needs: [{ kind: 'apr_rubric' }] },
  ],
});
