import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../index.js';
import { outTable, outputColumns } from '../../src/engine/indicator.js';
import type { RunResult } from '../../src/engine/run.js';
import type { Db } from '../../src/db.js';
import { DataDir, districtRow, fullHeader, type Rec } from '../../test/helpers/fixture.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';

const ind = INDICATORS.find((i) => i.id === 'dispute')!;

/** The source APR's Table 7 (Appendix 1, 2008-09), in its order. */
const SEED_T7: [string, number][] = [
  ['1', 838], ['1.1', 679], ['1.1a', 679], ['1.1b', 665], ['1.1c', 14], ['1.2', 0], ['1.2a', 0], ['1.3', 159],
  ['2', 2706], ['2.1', 1585], ['2.1a', 1406], ['2.1a.i', 852], ['2.1b', 179], ['2.1b.i', 100], ['2.2', 1121],
  ['3', 2709], ['3.1', 530], ['3.1a', 140], ['3.2', 104], ['3.2a', 12], ['3.2b', 84], ['3.3', 2332],
  ['4', 42], ['4.1', 3], ['4.1a', 0], ['4.2', 3], ['4.2a', 0],
];

function table7(d: DataDir, rows: [string, number][]): DataDir {
  return d.csv('dispute/table7.csv', ['row', 'count'], rows.map(([row, n]) => ({ row, count: String(n) })));
}

/**
 * Case logs with exactly the seed counts of DATA-CONTRACT.md 4 (filed inside 2008-09), plus cases
 * filed the day before and the day after the year, which no row may count.
 */
function caseLogs(d: DataDir): DataDir {
  const complaints: Rec[] = [];
  const c = (status: string, over: Rec = {}) =>
    complaints.push({ case_id: `C${complaints.length}`, district: '0110017', filed_date: '2008-09-01', status, ...over });
  // 665 reports within the timeline: the default due date is filed + 60 = 2008-10-31 (September has 30 days);
  // 300 of them on that very day (on time), 365 a week earlier.
  for (let i = 0; i < 665; i++) c('report_issued', { report_date: i < 300 ? '2008-10-31' : '2008-10-24', findings: 'Y' });
  // 14 late against 2008-10-31 but within an extension (one on the extended due date itself).
  for (let i = 0; i < 14; i++) {
    c('report_issued', { report_date: i === 0 ? '2008-11-30' : '2008-11-15', findings: 'Y', due_date: '2008-10-31', extended: 'Y', extended_due_date: '2008-11-30' });
  }
  for (let i = 0; i < 159; i++) c(i < 100 ? 'withdrawn' : 'dismissed'); // 1.3 = 159
  // Outside the year: late reports and pending cases that would change 1, 1.1 and 1.2.
  c('report_issued', { filed_date: '2008-06-30', report_date: '2008-12-31', findings: 'N' });
  c('pending', { filed_date: '2009-07-01' });

  const mediations: Rec[] = [];
  const m = (n: number, over: Rec) => {
    for (let i = 0; i < n; i++) mediations.push({ case_id: `M${mediations.length}`, district: '0110017', request_date: '2009-01-15', ...over });
  };
  m(852, { held: 'Y', held_date: '2009-02-01', due_process_related: 'Y', agreement: 'Y' }); // 2.1a.i
  m(1406 - 852, { held: 'Y', held_date: '2009-02-01', due_process_related: 'Y', agreement: 'N' }); // 2.1a = 1,406
  m(100, { held: 'Y', held_date: '2009-02-01', due_process_related: 'N', agreement: 'Y' }); // 2.1b.i
  m(179 - 100, { held: 'Y', held_date: '2009-02-01', due_process_related: 'N', agreement: 'N' }); // 2.1b = 179
  m(1000, { held: 'N', due_process_related: 'Y' }); // not held
  m(121, { due_process_related: 'N' }); // pending (held blank): 2.2 = 1,000 + 121 = 1,121
  m(1, { request_date: '2008-06-30', held: 'Y', due_process_related: 'Y', agreement: 'Y' }); // outside the year
  m(1, { request_date: '2009-07-01', held: 'Y', due_process_related: 'N', agreement: 'Y' }); // outside the year

  // Due process complaints by index i of 2,709:
  //   adjudicated i < 104: i < 12 on time (decision on the due date), 12..95 within an extension
  //   (84), 96..103 late (8: 4 not extended, 4 past the extended date); resolved 104..2435 (2,332);
  //   pending 2436..2708 (273). Resolution meetings 104..633 (530), settled 104..243 (140).
  //   Expedited: 0..2 (adjudicated, 4.2 = 3, no placement change), 300..302 (meetings not settled,
  //   4.1 = 3, 4.1a = 0) and 2000..2035 (resolved; 36): 4 = 42.
  const hearings: Rec[] = [];
  for (let i = 0; i < 2709; i++) {
    const r: Rec = { case_id: `H${i}`, district: '0110017', filed_date: '2008-08-01', due_date: '2008-09-15' };
    r.expedited = i < 3 || (i >= 300 && i < 303) || (i >= 2000 && i < 2036) ? 'Y' : 'N';
    r.resolution_meeting = i >= 104 && i < 634 ? 'Y' : 'N';
    r.settlement = i >= 104 && i < 244 ? 'Y' : 'N';
    if (i < 104) {
      r.outcome = 'adjudicated';
      if (i < 12) r.decision_date = '2008-09-15';
      else if (i < 96) Object.assign(r, { decision_date: i === 12 ? '2008-10-31' : '2008-10-10', extended: 'Y', extended_due_date: '2008-10-31' });
      else if (i < 100) Object.assign(r, { decision_date: '2008-09-16', extended: 'N' });
      else Object.assign(r, { decision_date: '2008-11-01', extended: 'Y', extended_due_date: '2008-10-31' });
      if (r.expedited === 'Y') r.placement_change = 'N';
    } else r.outcome = i < 2436 ? 'resolved' : 'pending';
    hearings.push(r);
  }
  // Outside the year: an expedited adjudicated hearing with a placement change, settled.
  hearings.push({ case_id: 'H-out', filed_date: '2009-07-01', expedited: 'Y', resolution_meeting: 'Y', settlement: 'Y', outcome: 'adjudicated', decision_date: '2009-07-10', due_date: '2009-08-01', placement_change: 'Y' });

  return d
    .csv('dispute/complaints.csv', fullHeader('complaints'), complaints)
    .csv('dispute/mediations.csv', fullHeader('mediations'), mediations)
    .csv('dispute/hearings.csv', fullHeader('hearings'), hearings);
}

async function table7Rows(db: Db): Promise<{ row: string; count: number | null; source: string | null }[]> {
  return db.all(`SELECT "row", count::INTEGER AS count, source FROM ${outTable(ind, 'table-7')}`);
}

function measures(result: RunResult) {
  return ['16', '17', '18', '19'].map((id) => {
    const s = result.summary.find((r) => r.id === id)!;
    return { id, indicator: s.indicator, n: s.numerator, d: s.denominator, display: s.display, status: s.status };
  });
}

/** 16 = (665 + 14) / 679, 17 = (12 + 84) / 104, 18 = 140 / 530, 19 = (852 + 100) / 1,585. */
const SEED_MEASURES = [
  { id: '16', indicator: '16', n: 679, d: 679, display: '100%', status: 'computed' }, // 100.00
  { id: '17', indicator: '17', n: 96, d: 104, display: '92%', status: 'computed' }, // 92.31
  { id: '18', indicator: '18', n: 140, d: 530, display: '26%', status: 'computed' }, // 26.42
  { id: '19', indicator: '19', n: 952, d: 1585, display: '60%', status: 'computed' }, // 60.06
];

describe('dispute — Table 7 and indicators 16-19', () => {
  it('reproduces 16-19 from the source Table 7 given as dispute/table7.csv', async () => {
    const d = table7(new DataDir().districts([districtRow()]), [...SEED_T7, ['9.9', 5]]);
    await withRun(testConfig(d.root, { only: ['dispute'] }), async (db, result) => {
      expect(measures(result)).toEqual(SEED_MEASURES);
      const v18 = result.summary.find((r) => r.id === '18')!.value!;
      expect(v18).toBeCloseTo((100 * 140) / 530, 10); // full precision
      const rows = await table7Rows(db);
      // every row of the source in its order, from table7.csv; the unknown id 9.9 is ignored
      expect(rows.map((r) => [r.row, r.count])).toEqual(SEED_T7);
      expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['table7']));
      // the source Table 7 passes every check
      expect(result.warnings).toEqual([]);
      // every output has exactly its declared names and types
      for (const out of ind.outputs) {
        const cols = await db.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${outTable(ind, out)})`);
        expect(cols.map((c) => [c.column_name, c.column_type]), out.file).toEqual(outputColumns(out).map((c) => [c.name, c.type]));
      }
      const loadW = await db.all<{ code: string }>(`SELECT code FROM rejects WHERE file = 'dispute/table7.csv'`);
      expect(loadW.map((r) => r.code)).toEqual(['W-T7']);
    });
  });

  it('derives the same Table 7 and 16-19 from the case logs (cases outside the year left out)', async () => {
    const d = caseLogs(new DataDir().districts([districtRow()]));
    await withRun(testConfig(d.root, { only: ['dispute'] }), async (db, result) => {
      expect(result.load.files.every((f) => f.rows_rejected === 0)).toBe(true);
      expect(measures(result)).toEqual(SEED_MEASURES);
      const rows = await table7Rows(db);
      expect(rows.map((r) => [r.row, r.count])).toEqual(SEED_T7);
      expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['derived']));
      expect(result.warnings).toEqual([]);
    });
  });

  it('with table7.csv and the logs: table7.csv wins, every difference is W-T7, a failed sum is a warning', async () => {
    // table7.csv says 1 = 840 and 1.1b = 660 (logs: 838, 665) and lacks row 1.2a (logs: 0).
    const given = SEED_T7.filter(([r]) => r !== '1.2a').map(([r, n]): [string, number] => [r, r === '1' ? 840 : r === '1.1b' ? 660 : n]);
    const d = caseLogs(table7(new DataDir().districts([districtRow()]), given));
    await withRun(testConfig(d.root, { only: ['dispute'] }), async (db, result) => {
      const m16 = measures(result)[0]!;
      expect([m16.n, m16.d, m16.display]).toEqual([674, 679, '99%']); // (660 + 14) / 679 = 99.26
      // run.json lists warnings sorted by code, then message
      expect(result.warnings).toEqual([
        { indicator: 'dispute', code: 'W-T7', message: 'Table 7 row 1.1b: dispute/table7.csv has 660, the case logs give 665.' },
        { indicator: 'dispute', code: 'W-T7', message: 'Table 7 row 1.2a is missing from dispute/table7.csv; the case logs give 0, which is used.' },
        { indicator: 'dispute', code: 'W-T7', message: 'Table 7 row 1: dispute/table7.csv has 840, the case logs give 838.' },
        { indicator: 'dispute', code: 'W-T7-CHECK', message: 'Table 7 row (1) is 840 but 1.1 + 1.2 + 1.3 = 679 + 0 + 159 = 838.' },
      ]);
      const rows = await table7Rows(db);
      expect(rows.find((r) => r.row === '1.2a')).toEqual({ row: '1.2a', count: 0, source: 'derived' });
      expect(rows.find((r) => r.row === '1.1b')).toEqual({ row: '1.1b', count: 660, source: 'table7' });
    });
  });

  it('0/0 is computed with an empty value; a missing row makes its measure not computed; bounds are checked', async () => {
    // Section A all zero (16 = 0/0); 3.1 = 0 with 3.1a = 2 (18 = 2/0 and 3.1a > 3.1); section B absent.
    const rows: [string, number][] = [
      ['1', 0], ['1.1', 0], ['1.1a', 0], ['1.1b', 0], ['1.1c', 0], ['1.2', 0], ['1.2a', 0], ['1.3', 0],
      ['3', 10], ['3.1', 0], ['3.1a', 2], ['3.2', 4], ['3.2a', 3], ['3.2b', 2], ['3.3', 6],
      ['4', 0], ['4.1', 0], ['4.1a', 0], ['4.2', 0], ['4.2a', 0],
    ];
    const d = table7(new DataDir().districts([districtRow()]), rows);
    await withRun(testConfig(d.root, { only: ['dispute'] }), async (db, result) => {
      const m = measures(result);
      expect(m[0]).toEqual({ id: '16', indicator: '16', n: 0, d: 0, display: '', status: 'computed' });
      expect(result.summary.find((r) => r.id === '16')!.value).toBeNull();
      expect(m[1]).toEqual({ id: '17', indicator: '17', n: 5, d: 4, display: '125%', status: 'computed' }); // (3 + 2) / 4
      expect(m[2]).toEqual({ id: '18', indicator: '18', n: 2, d: 0, display: '', status: 'computed' });
      expect(m[3]!.status).toBe('not computed: no Table 7 row 2.1, 2.1a.i, 2.1b.i');
      expect(m[3]!.display).toBe('');
      // sorted by code, then message: the seven section B rows are missing (W-T7); 3.1a > 3.1 and
      // 3.2a + 3.2b > 3.2 fail; 3.2 + 3.3 = 10 does not exceed (3) = 10.
      expect(result.warnings.map((w) => `${w.code} ${w.message}`)).toEqual([
        ...['2', '2.1', '2.1a', '2.1a.i', '2.1b', '2.1b.i', '2.2'].map((r) => `W-T7 Table 7 row ${r} is missing from dispute/table7.csv.`),
        'W-T7-CHECK Table 7 row 3.1a (2) exceeds 3.1 (0).',
        'W-T7-CHECK Table 7 rows 3.2a + 3.2b = 3 + 2 = 5 exceed 3.2 (4).',
      ]);
      const t = await table7Rows(db);
      expect(t.find((r) => r.row === '2.1')).toEqual({ row: '2.1', count: null, source: null });
    });
  });

  it('hearings alone: 17 and 18 are computed, 16 and 19 are not (their inputs are missing)', async () => {
    const hearings: Rec[] = [
      // adjudicated on the due date; adjudicated past an unextended due date; a settled meeting; an unsettled one
      { case_id: 'H1', filed_date: '2008-07-01', outcome: 'adjudicated', decision_date: '2008-08-15', due_date: '2008-08-15' },
      { case_id: 'H2', filed_date: '2009-06-30', outcome: 'adjudicated', decision_date: '2009-08-16', due_date: '2009-08-15', extended: 'N' },
      { case_id: 'H3', filed_date: '2008-10-01', outcome: 'resolved', resolution_meeting: 'Y', settlement: 'Y' },
      { case_id: 'H4', filed_date: '2008-10-01', outcome: 'pending', resolution_meeting: 'Y', settlement: 'N' },
    ];
    const d = new DataDir().districts([districtRow()]).csv('dispute/hearings.csv', fullHeader('hearings'), hearings);
    await withRun(testConfig(d.root, { only: ['dispute'] }), async (db, result) => {
      const m = measures(result);
      expect(m.map((r) => [r.id, r.n, r.d, r.status])).toEqual([
        ['16', null, null, 'not computed: missing dispute/table7.csv or dispute/complaints.csv'],
        ['17', 1, 2, 'computed'], // H1 on time (decision = due date), H2 late
        ['18', 1, 2, 'computed'], // H3 settled of H3, H4
        ['19', null, null, 'not computed: missing dispute/table7.csv or dispute/mediations.csv'],
      ]);
      const t = await table7Rows(db);
      expect(t.filter((r) => r.row.startsWith('3')).map((r) => [r.row, r.count, r.source])).toEqual([
        ['3', 4, 'derived'], ['3.1', 2, 'derived'], ['3.1a', 1, 'derived'], ['3.2', 2, 'derived'],
        ['3.2a', 1, 'derived'], ['3.2b', 0, 'derived'], ['3.3', 1, 'derived'],
      ]);
      expect(t.find((r) => r.row === '1')).toEqual({ row: '1', count: null, source: null });
      expect(result.warnings).toEqual([]);
    });
  });
});
