// Shared by the sd tests: a worked-example folder run under profile idea-2016, its rows by key.
import { INDICATORS } from '../index.js';
import { outTable } from '../../src/engine/indicator.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';
import { type Cell, sdFolder } from './fixture.js';

export const sd = INDICATORS.find((i) => i.id === 'sd')!;

export interface Row {
  district: string;
  year: string;
  category: string;
  group: string;
  numerator: number;
  denominator: number;
  value: number | null;
  evaluated: boolean;
  flagged: boolean;
  threshold: number;
  risk: number | null;
  comp_scope: string | null;
  comp_numerator: number | null;
  comp_denominator: number | null;
  method: string;
  method_reason: string | null;
  nc_reason: string | null;
  years_exceeded: number | null;
  years_available: number | null;
  history: string | null;
  persistent: boolean | null;
  progress: string | null;
  identified: boolean | null;
  display: string;
}

export interface Result {
  rows: Row[];
  row(district: string, category: string, group: string, year?: string): Row;
  triggers: { district: string; value: number; threshold: number; numerator: number; denominator: number; explanation: string }[];
  summary: { id: string; numerator: number; denominator: number }[];
}

export async function runSd(years: Record<string, Cell[]>, params: Record<string, string> = {}): Promise<Result> {
  const dir = sdFolder(years);
  const cfg = testConfig(dir.root, { profile: 'idea-2016', only: ['sd'], params });
  return withRun(cfg, async (db) => {
    const rows = await db.all<Row>(
      `SELECT district, year, category, "group", numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, value, evaluated, flagged,
              threshold, risk, comp_scope, comp_numerator::INTEGER AS comp_numerator, comp_denominator::INTEGER AS comp_denominator, method,
              method_reason, nc_reason, years_exceeded, years_available, history, persistent, progress, identified, display
       FROM ${outTable(sd, 'districts')}`,
    );
    const triggers = await db.all<Result['triggers'][number]>(
      `SELECT district, value, threshold, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, explanation
       FROM ${outTable(sd, 'triggers')} WHERE scenario = 0 ORDER BY district`,
    );
    const summary = await db.all<Result['summary'][number]>(
      `SELECT id, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator FROM ${outTable(sd, 'summary')} ORDER BY id`,
    );
    const last = [...new Set(rows.map((r) => r.year))].sort().at(-1)!;
    const row = (district: string, category: string, group: string, year = last): Row => {
      const r = rows.find((x) => x.district === district && x.category === category && x.group === group && x.year === year);
      if (!r) throw new Error(`no row ${district} ${year} ${category} ${group}`);
      return r;
    };
    return { rows, row, triggers, summary };
  });
}

// Worked example 1: LEA A, ID_ALL (every served record of the group aged 3-21), year Y = 2008-09.
export const EX1: Cell[] = [
  { district: '0100001', grp: 'BL7', n: 18, N: 120 },
  { district: '0100001', grp: 'HI7', n: 20, N: 400 },
  { district: '0100001', grp: 'WH7', n: 16, N: 300 },
  { district: '0100001', grp: 'AS7', n: 8, N: 180 },
];
export const ONE_YEAR = { 'sd.consecutive_years': '1' };

// Worked example 2: LEA B, BL7 18/120 and WH7 2/8; the rest of the State (other LEAs) brings the
// State's non-BL7 children to 5,000 / 100,000 (5.00 %).
export const EX2: Cell[] = [
  { district: '0200002', grp: 'BL7', n: 18, N: 120 },
  { district: '0200002', grp: 'WH7', n: 2, N: 8 },
  { district: '0299999', grp: 'WH7', n: 4998, N: 99992 },
];

