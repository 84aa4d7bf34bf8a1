import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { type Db, quoteIdent, quoteLiteral } from '../db.js';
import { binding, runSqlFile } from '../sqlfile.js';
import type { FileKind } from './schema.js';

const SET_DIR = new URL('../../sql/rules/set/', import.meta.url);

export type Stage = 'before_clean' | 'after_clean' | 'final';

interface SetRuleFile {
  url: URL;
  name: string;
  kind: string;
  stage: Stage;
}

/** Set rules declare the kind they belong to and when they run: `-- @kind table_b`, `-- @stage before_clean`. */
function setRuleFiles(): SetRuleFile[] {
  return readdirSync(SET_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const url = new URL(name, SET_DIR);
      const text = readFileSync(url, 'utf8');
      const kind = /^--\s*@kind\s+(\S+)/m.exec(text)?.[1];
      const stage = /^--\s*@stage\s+(before_clean|after_clean|final)/m.exec(text)?.[1] as Stage | undefined;
      if (!kind || !stage) throw new Error(`sql/rules/set/${name} needs "-- @kind <kind>" and "-- @stage before_clean|after_clean|final"`);
      return { url, name, kind, stage };
    });
}

const FILES = setRuleFiles();

/** The set rules' text, hashed: a --db file's verdicts made by other rules are not reused. */
export function setRulesDigest(): string {
  const h = createHash('sha256');
  for (const f of FILES) h.update(f.name).update(readFileSync(f.url, 'utf8'));
  return h.digest('hex');
}

/**
 * The kinds whose rows a kind's verification reads (`clean_X` / `typed_X` in its set rules): a load
 * of only some files (`--only`) loads these too, so its rows are judged as in a full load.
 */
export function verifiedWith(kind: string): Set<string> {
  const out = new Set<string>();
  for (const f of FILES.filter((x) => x.kind === kind)) {
    for (const k of storeTablesIn(readFileSync(f.url, 'utf8'))) if (k !== kind) out.add(k);
  }
  return out;
}

/** The kinds whose store a SQL text reads (`clean_X`, `typed_X`, `data_X`), comments left out. */
export function storeTablesIn(sql: string): Set<string> {
  const out = new Set<string>();
  for (const m of sql.replace(/--.*$/gm, '').matchAll(/\b(?:clean|typed|data)_([a-z0-9_]+)/g)) out.add(m[1]!);
  return out;
}

export interface SetRuleParams {
  undup_rule: string;
  /** June submission of the reporting year (W-LINK). */
  jun_period: string;
}

async function runFiles(db: Db, files: SetRuleFile[], params: SetRuleParams): Promise<void> {
  for (const f of files) await runSqlFile(db, f.url, binding({ ...params }), `sql/rules/set/${f.name}`);
}

/** E-DUP: the later rows of a repeated key in a non-CASEMIS file (over all files of a period, like the CASEMIS set rules). */
async function duplicateKeys(db: Db, kind: FileKind): Promise<void> {
  if (!kind.key?.length) return;
  // a blank that means a value (grade_span: K12) is that value here, or both rows would count
  const cols = kind.key.map((k) => {
    const blankIs = kind.fields.find((f) => f.name === k)?.blankIs;
    return blankIs === undefined ? quoteIdent(`${k}__raw`) : `coalesce(${quoteIdent(`${k}__raw`)}, ${quoteLiteral(blankIs)})`;
  });
  const first = kind.key[0]!;
  await db.run(
    `INSERT INTO rejects
     SELECT _file, _line, $field, v, 'E-DUP', 'error', 'duplicate key ' || $key || ': see ' || line_ref(first_file, first_line, _file), $kind
     FROM (SELECT _file, _line, ${quoteIdent(`${first}__raw`)} AS v, first_value(_file) OVER w AS first_file, first_value(_line) OVER w AS first_line,
                  row_number() OVER w AS k
           FROM ${quoteIdent(`typed_${kind.id}`)} WHERE ${cols[0]} IS NOT NULL
           WINDOW w AS (PARTITION BY _period, ${cols.join(', ')} ORDER BY _file, _line))
     WHERE k > 1`,
    { field: first, key: kind.key.join(' + '), kind: kind.id },
  );
}

/** clean_<kind> (a view of data_<kind>) keeps the rows no error rejected: the set rules' errors clear `_ok`. */
export async function markSetErrors(db: Db, kind: FileKind): Promise<void> {
  await db.run(
    `UPDATE ${quoteIdent(`data_${kind.id}`)} d SET _ok = false
     FROM (SELECT DISTINCT file, line FROM rejects WHERE severity = 'error' AND kind = $kind) r
     WHERE d._file = r.file AND d._line = r.line AND d._ok`,
    { kind: kind.id },
  );
}

/** The set rules of one kind at one stage (E-DUP for keyed files runs before the clean table). */
export async function runSetRules(db: Db, kind: FileKind, stage: Stage, params: SetRuleParams): Promise<void> {
  if (stage === 'before_clean') await duplicateKeys(db, kind);
  await runFiles(db, FILES.filter((f) => f.kind === kind.id && f.stage === stage), params);
}

/** Rules over the loaded whole (December unduplication). */
export async function runFinalRules(db: Db, params: SetRuleParams): Promise<void> {
  await runFiles(db, FILES.filter((f) => f.stage === 'final'), params);
}
