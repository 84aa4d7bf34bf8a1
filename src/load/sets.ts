import { readdirSync } from 'node:fs';
import { type Db, quoteIdent } from '../db.js';
import { runSqlFile } from '../sqlfile.js';
import type { FileKind } from './schema.js';

const SET_DIR = new URL('../../sql/rules/set/', import.meta.url);

function setFiles(prefix: string): URL[] {
  return readdirSync(SET_DIR)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.sql'))
    .sort()
    .map((f) => new URL(f, SET_DIR));
}

async function runGroup(db: Db, prefix: string, undupRule: string): Promise<void> {
  for (const url of setFiles(prefix)) {
    await runSqlFile(db, url, { undup_rule: undupRule }, `sql/rules/set/${url.pathname.split('/').pop()}`);
  }
}

/** E-DUP: the later rows of a repeated key in a non-CASEMIS file. */
async function duplicateKeys(db: Db, kind: FileKind): Promise<void> {
  if (!kind.key?.length) return;
  const cols = kind.key.map((k) => quoteIdent(`${k}__raw`));
  const first = kind.key[0]!;
  await db.run(
    `INSERT INTO rejects
     SELECT _file, _line, $field, v, 'E-DUP', 'error', 'duplicate key ' || $key || ': see line ' || first_line, $kind
     FROM (SELECT _file, _line, ${quoteIdent(`${first}__raw`)} AS v, first_value(_line) OVER w AS first_line, row_number() OVER w AS k
           FROM ${quoteIdent(`typed_${kind.id}`)} WHERE ${cols[0]} IS NOT NULL
           WINDOW w AS (PARTITION BY _file, ${cols.join(', ')} ORDER BY _line))
     WHERE k > 1`,
    { field: first, key: kind.key.join(' + '), kind: kind.id },
  );
}

async function buildClean(db: Db, kind: FileKind): Promise<void> {
  await db.run(
    `CREATE OR REPLACE TABLE ${quoteIdent(`clean_${kind.id}`)} AS
     SELECT t.* FROM ${quoteIdent(`typed_${kind.id}`)} t
     ANTI JOIN (SELECT DISTINCT file, line FROM rejects WHERE severity = 'error' AND kind = $kind) r
       ON r.file = t._file AND r.line = t._line`,
    { kind: kind.id },
  );
}

/**
 * Rules over sets of rows, in dependency order: duplicates inside a file (1x), the clean Table A,
 * references to it from Tables B/C/D and districts (2x), the other clean tables, unduplication (3x).
 */
export async function runSetRules(db: Db, kinds: FileKind[], undupRule: string): Promise<void> {
  await runGroup(db, '1', undupRule);
  for (const kind of kinds) await duplicateKeys(db, kind);
  const a = kinds.find((k) => k.id === 'table_a');
  const districts = kinds.find((k) => k.id === 'districts');
  if (a) await buildClean(db, a);
  if (districts) await buildClean(db, districts);
  await runGroup(db, '2', undupRule);
  for (const kind of kinds) if (kind.id !== 'table_a' && kind.id !== 'districts') await buildClean(db, kind);
  await runGroup(db, '3', undupRule);
}
