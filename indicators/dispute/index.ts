// Table 7 (Report of Dispute Resolution) and Indicators 16-19 (INDICATORS.md "16-19"; DATA-CONTRACT.md 4).
import * as z from 'zod';
import { type ColumnDef, dataYearOffset, defineIndicator } from '../../src/engine/indicator.js';

const TABLE_7: ColumnDef[] = [
  { name: 'row', type: 'VARCHAR', role: 'key' },
  { name: 'section', type: 'VARCHAR', role: 'label' },
  { name: 'label', type: 'VARCHAR', role: 'label' },
  { name: 'count', type: 'BIGINT', role: 'count' },
  // `table7` (dispute/table7.csv), `derived` (the case logs) or empty (neither gives the row).
  { name: 'source', type: 'VARCHAR', role: 'text' },
];

export default defineIndicator({
  id: 'dispute',
  title: 'Dispute resolution: Table 7 and Indicators 16-19',
  description:
    'Table 7 from dispute/table7.csv or derived from the complaint, mediation and due process logs; 16 complaint reports on time, 17 hearing decisions on time, 18 resolution meetings settled, 19 mediations with agreements.',
  paramPrefix: 'dispute',
  params: z.strictObject({
    data_year_offset: dataYearOffset,
  }),
  inputs: [{ anyOf: [{ kind: 'table7' }, { kind: 'complaints' }, { kind: 'mediations' }, { kind: 'hearings' }] }],
  measures: [
    {
      id: '16',
      indicator: '16',
      title: 'Signed written complaints with reports issued within the timeline or an extended timeline',
      precision: 0,
      targetOp: '>=',
      needs: [{ anyOf: [{ kind: 'table7' }, { kind: 'complaints' }] }],
    },
    {
      id: '17',
      indicator: '17',
      title: 'Fully adjudicated due process hearings decided within the timeline or an extended timeline',
      precision: 0,
      targetOp: '>=',
      needs: [{ anyOf: [{ kind: 'table7' }, { kind: 'hearings' }] }],
    },
    {
      id: '18',
      indicator: '18',
      title: 'Resolution meetings that resulted in written settlement agreements',
      precision: 0,
      targetOp: '>=',
      needs: [{ anyOf: [{ kind: 'table7' }, { kind: 'hearings' }] }],
    },
    {
      id: '19',
      indicator: '19',
      title: 'Mediations held that resulted in mediation agreements',
      precision: 0,
      targetOp: '>=',
      needs: [{ anyOf: [{ kind: 'table7' }, { kind: 'mediations' }] }],
    },
  ],
  dir: import.meta.url,
  count: ['count.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql', columns: [{ name: 'status', type: 'VARCHAR', role: 'text' }] },
    {
      kind: 'table',
      name: 'table-7',
      file: 'table-7.sql',
      columns: TABLE_7,
      // the equalities among the rows (the other checks of warnings.sql are bounds, which give nothing away)
      sums: [
        { total: '1', parts: ['1.1', '1.2', '1.3'] },
        { total: '2', parts: ['2.1', '2.2'] },
        { total: '2.1', parts: ['2.1a', '2.1b'] },
      ],
    },
    { kind: 'warnings', file: 'warnings.sql' },
  ],
});
