// summary.csv: one row per measure of the computed indicators, in declaration order.
import { type Db, quoteIdent } from '../db.js';
import { type IndicatorDef, outTable } from './indicator.js';
import type { ParamValues } from './params.js';
import { dataYear, missingInputs, type Status, statusText } from './plan.js';
import { type RunContext, targetOf } from './runner.js';

export interface SummaryRow {
  id: string;
  indicator: string;
  title: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  display: string;
  target: number | null;
  target_met: 'yes' | 'no' | '';
  /**
   * How the target was met or missed (`value ≤ 23.6`, `improvement ≥ 0.1 over 2006-07`); empty when
   * the target is not evaluated. A summary SQL that decides `target_met` itself also says why in a
   * `target_basis` column; otherwise it is the measure's own comparison (targetOp), negated when missed.
   */
  target_basis: string;
  status: string;
}

const OP_TEXT = { '>=': ['≥', '<'], '<=': ['≤', '>'] } as const;

/** `value ≥ 100` when met, `value < 100` when missed. */
export function comparisonBasis(op: '>=' | '<=', target: number, met: boolean): string {
  return `value ${OP_TEXT[op][met ? 0 : 1]} ${target}`;
}

function display(value: number | null, precision: number): string {
  return value === null || !Number.isFinite(value) ? '' : `${value.toFixed(precision)}%`;
}

function num(v: unknown): number | null {
  return v === null || v === undefined || v === '' ? null : Number(v);
}

export async function buildSummary(
  db: Db,
  rc: RunContext,
  values: ParamValues,
  indicators: { ind: IndicatorDef; status: Status }[],
  present: Set<string>,
): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (const { ind, status } of indicators) {
    const summaryOut = ind.outputs.find((o) => o.kind === 'summary');
    for (const m of ind.measures) {
      const base: SummaryRow = {
        id: m.id,
        indicator: m.indicator ?? ind.id,
        title: m.title,
        numerator: null,
        denominator: null,
        value: null,
        display: '',
        target: targetOf(rc, values, m),
        target_met: '',
        target_basis: '',
        status: statusText(status),
      };
      if (status.state !== 'computed' || !summaryOut) {
        rows.push(base);
        continue;
      }
      const missing = missingInputs(m.needs ?? [], dataYear(values, ind, rc.year), present);
      if (missing.length) {
        rows.push({ ...base, status: statusText({ state: 'missing', paths: missing }) });
        continue;
      }
      const r = await db.one<Record<string, unknown>>(`SELECT * FROM ${quoteIdent(outTable(ind, summaryOut))} WHERE id = $id`, { id: m.id });
      if (!r) {
        rows.push({ ...base, status: statusText({ state: 'no_result', reason: 'no result row' }) });
        continue;
      }
      const value = num(r.value);
      const st = typeof r.status === 'string' && r.status ? r.status : 'computed';
      let met: SummaryRow['target_met'] = '';
      let basis = '';
      if (st === 'computed' && value !== null && base.target !== null) {
        if (typeof r.target_met === 'string') {
          met = r.target_met === 'yes' ? 'yes' : 'no';
          // The SQL's own test: only the SQL can say which alternative decided it.
          basis = typeof r.target_basis === 'string' ? r.target_basis : '';
        } else if (m.targetOp) {
          const ok = m.targetOp === '>=' ? value >= base.target : value <= base.target;
          met = ok ? 'yes' : 'no';
          basis = comparisonBasis(m.targetOp, base.target, ok);
        }
      }
      rows.push({
        ...base,
        numerator: num(r.numerator),
        denominator: num(r.denominator),
        value: st === 'computed' ? value : null,
        display: st === 'computed' ? display(value, m.precision) : '',
        target_met: met,
        target_basis: basis,
        status: st,
      });
    }
  }
  return rows;
}
