// Who a reject belongs to: the SELPA, district and local STUDENT_ID of the rejected row, kept in
// `reject_ids` (file, line → ids) so load/rejects.csv can carry them and load/by-selpa/ can route
// each SELPA its own rejects. Never a name, SSN, SSID or birthdate: only these non-PII columns.
import { type Db, quoteIdent } from '../db.js';
import type { FieldSpec, FileKind } from './schema.js';

/** The columns a kind's rows name their owner with, first found wins (Table A: DIST_RESI, the district of every indicator). */
const ID_COLUMNS = {
  selpa: ['SELPA_CODE', 'selpa'],
  district: ['DIST_RESI', 'district'],
  student_id: ['STUDENT_ID'],
} as const;

export type IdName = keyof typeof ID_COLUMNS;

/** A PII field can never be an id column, whatever its name. */
export function idFields(kind: FileKind): Partial<Record<IdName, FieldSpec>> {
  const out: Partial<Record<IdName, FieldSpec>> = {};
  for (const [id, names] of Object.entries(ID_COLUMNS) as [IdName, readonly string[]][]) {
    const f = names.map((n) => kind.fields.find((x) => x.name === n && !x.pii)).find(Boolean);
    if (f) out[id] = f;
  }
  return out;
}

export async function createRejectIds(db: Db): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE reject_ids (file VARCHAR, line INTEGER, selpa VARCHAR, district VARCHAR, student_id VARCHAR)`);
}

/**
 * Copies the ids of every row of `kind` that has a reject and no ids yet. Called before rejected
 * the set rules run (rows of their own) and once after the last rule (warnings on kept rows).
 */
export async function captureIds(db: Db, kind: FileKind): Promise<void> {
  const f = idFields(kind);
  if (!f.selpa && !f.district && !f.student_id) return;
  const col = (spec: FieldSpec | undefined): string => (spec ? `${quoteIdent(spec.name)}::VARCHAR` : 'NULL::VARCHAR');
  // Text fields are stored trimmed under their own name; a typed one keeps its text as F__raw.
  const text = (spec: FieldSpec | undefined): string =>
    spec && spec.type !== 'text' && spec.type !== 'code' ? quoteIdent(`${spec.name}__raw`) : col(spec);
  await db.run(
    `INSERT INTO reject_ids
     SELECT d._file, d._line, ${text(f.selpa)}, ${text(f.district)}, ${text(f.student_id)}
     FROM ${quoteIdent(`data_${kind.id}`)} d
     SEMI JOIN (SELECT file, line FROM rejects WHERE kind = $kind) r ON r.file = d._file AND r.line = d._line
     ANTI JOIN reject_ids x ON x.file = d._file AND x.line = d._line`,
    { kind: kind.id },
  );
}

const PATTERNS: Record<IdName, RegExp | undefined> = { selpa: /^[0-9]{4}$/, district: /^[0-9]{7}$/, student_id: undefined };

/**
 * Ids of a record DuckDB could not parse (E-CSV), read from its text by header position. A record
 * with too many or too few fields may be shifted, so only a SELPA or district code of the exact
 * format is taken, and never the STUDENT_ID (a shifted one could be a name).
 */
export function idsFromLine(kind: FileKind, columnOf: (field: string) => number | undefined, line: string): [string | null, string | null] {
  const cells = splitRecord(line);
  const f = idFields(kind);
  const get = (id: IdName): string | null => {
    const spec = f[id];
    const i = spec ? columnOf(spec.name) : undefined;
    const v = i === undefined ? undefined : cells[i]?.trim();
    return v !== undefined && PATTERNS[id]?.test(v) ? v : null;
  };
  return [get('selpa'), get('district')];
}

/** RFC 4180 fields of one record's text (enough to find a code by position). */
function splitRecord(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}
