// apr explain --district CODE: one district's whole picture, read from a finished run's tables —
// every indicator's district rows, evaluated or not and why, and each trigger with its sentence.
// Generic: it reads outputs of kind `districts` and the identification table, never an indicator's SQL.
import { type Db, quoteIdent } from '../db.js';
import { UsageError } from '../errors.js';
import { outputColumns } from './indicator.js';
import type { RunResult } from './run.js';

export interface ExplainIndicator {
  indicator: string;
  title: string;
  status: string;
  /** The district's rows of each districts/ file (4B and 10 have one per group or disability). */
  files: { file: string; rows: Record<string, unknown>[]; keys: string[]; extra: string[] }[];
  note: string;
}

export interface Explanation {
  district: string;
  district_name: string | null;
  selpa: string | null;
  indicators: ExplainIndicator[];
  triggers: { trigger: string; value: number | null; threshold: number | null; numerator: number | null; denominator: number | null; explanation: string }[];
}

/** An unknown code: the closest known codes (edit distance, then shared prefix). */
export async function closestDistricts(db: Db, code: string, n = 5): Promise<{ district: string; district_name: string | null }[]> {
  return db.all(
    `SELECT district, district_name FROM district_list
     ORDER BY levenshtein(district, $c), NOT starts_with(district, left($c, 2)), district LIMIT $n`,
    { c: code, n },
  );
}

const show = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

function note(rows: Record<string, unknown>[]): string {
  if (!rows.length) return 'no row for this district';
  const r = rows[0]!;
  if (rows.length > 1) {
    const ev = rows.filter((x) => x.evaluated === true).length;
    const fl = rows.filter((x) => x.flagged === true).length;
    return `${ev} of ${rows.length} rows evaluated, ${fl} flagged`;
  }
  if (r.evaluated === false) return `not evaluated: its denominator (${show(r.denominator ?? 0)}) does not meet the indicator's minimum or it has no figure`;
  return r.flagged === true ? `flagged: value ${show(r.value)} against threshold ${show(r.threshold)}` : 'evaluated, not flagged';
}

export async function explainDistrict(db: Db, result: RunResult, code: string): Promise<Explanation> {
  const d = await db.one<{ district: string; district_name: string | null; selpa: string | null }>(
    `SELECT district, district_name, selpa FROM district_list WHERE district = $c`,
    { c: code },
  );
  if (!d) {
    const near = await closestDistricts(db, code);
    throw new UsageError(
      `unknown district "${code}". Closest codes: ${near.map((x) => `${x.district}${x.district_name ? ` (${x.district_name})` : ''}`).join(', ')}`,
    );
  }
  const indicators: ExplainIndicator[] = [];
  for (const st of result.indicators) {
    const outs = result.outputs.filter((o) => o.indicator === st.id && o.kind === 'districts');
    const files: ExplainIndicator['files'] = [];
    for (const o of outs) {
      const def = result.outputDefs?.get(o.table);
      const where = def?.explain?.where ? ` AND (${def.explain.where})` : '';
      // in the file's own order (its SELECT's ORDER BY)
      const rows = await db.all<Record<string, unknown>>(`SELECT * FROM ${quoteIdent(o.table)} WHERE district = $c${where} ORDER BY rowid`, { c: code });
      const keys = def ? outputColumns(def).filter((c) => c.role === 'key' && c.name !== 'district').map((c) => c.name) : ['group', 'disability'];
      files.push({ file: `${o.path!}.csv`, keys, extra: def?.explain?.columns ?? [], rows: rows.map(({ district: _d, district_name: _n, selpa: _s, ...rest }) => rest) });
    }
    indicators.push({
      indicator: st.id,
      title: st.title,
      status: st.status,
      files,
      note: st.status !== 'computed' ? st.status : files.length ? note(files[0]!.rows) : 'no district figures',
    });
  }
  const triggers = await db.all<Explanation['triggers'][number]>(
    `SELECT "trigger", value, threshold, numerator::INTEGER AS numerator, denominator::INTEGER AS denominator, explanation
     FROM identification WHERE district = $c ORDER BY "trigger"`,
    { c: code },
  );
  return { ...d, indicators, triggers };
}

export function explanationText(e: Explanation): string {
  const lines = [`${e.district} ${e.district_name ?? '(not in reference/districts.csv)'}  SELPA ${e.selpa ?? ''}`, ''];
  for (const i of e.indicators) {
    lines.push(`${i.indicator.padEnd(5)} ${i.title}`);
    if (i.status !== 'computed') {
      lines.push(`      ${i.status}`);
      continue;
    }
    for (const f of i.files) {
      for (const r of f.rows) {
        const key = f.keys.filter((k) => k in r).map((k) => `${k} ${show(r[k])}`).join(' ');
        const extra = f.extra.map((k) => `  ${k} ${show(r[k])}`).join('');
        lines.push(
          `      ${key ? `${key}: ` : ''}${show(r.numerator)} / ${show(r.denominator)} = ${show(r.value)}  threshold ${show(r.threshold)}  evaluated ${show(r.evaluated)}  flagged ${show(r.flagged)}${extra}`,
        );
      }
    }
    lines.push(`      ${i.note}`);
  }
  lines.push('', e.triggers.length ? `Self-review triggers (${e.triggers.length}):` : 'Self-review triggers: none');
  for (const t of e.triggers) lines.push(`  ${t.trigger.padEnd(11)} ${t.explanation}`);
  return `${lines.join('\n')}\n`;
}
