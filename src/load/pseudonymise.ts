// Student privacy at rest (a --db file keeps what the load keeps). Files with personally identifying
// fields (Table A, Table D, Part C referrals) are loaded into TEMPORARY tables: DuckDB keeps those in
// memory (spilling to its temp directory), never in the database file or its WAL. Once every
// verification that needs names, SSNs and SSIDs has run (E107, D911, W-LINK, December
// unduplication), `pseudonymise` takes them out (and, for a --db file, then moves the tables into it):
//   - LAST_NAME, FIRST_NAME, SSN, SSID and the text of BIRTHDATE as written are dropped;
//   - BIRTHDATE stays only where an indicator needs it: Table A (ages), Part C referrals (the
//     third birthday); Table D's is dropped (no indicator reads Table D);
//   - the linkage key (name_key: names, birthdate, gender) is kept as HMAC-SHA256 under a random key
//     stored in the database (`apr_salt`), for Table A and the Part C referrals (Indicator 12).
// The SSN feeds only E107 (duplicate SSN), a load-time check: no hash of it is kept, as a 9-digit
// number is as easy to recover from its keyed hash as from the key stored beside it.
import { randomBytes } from 'node:crypto';
import { type Db, quoteIdent } from '../db.js';
import type { FieldSpec, FileKind } from './schema.js';

/** Identifying fields an indicator still reads after the load, per kind. */
const KEPT: Record<string, readonly string[]> = {
  table_a: ['BIRTHDATE'], // ages (Indicators 4A, 5, 13, Table 6 …)
  partc_referrals: ['BIRTHDATE'], // third birthday (Indicator 12)
};

/** Kinds linked by identity after the load: Indicator 12 joins Part C referrals to June Table A. */
const NAME_KEYED = new Set(['table_a', 'partc_referrals']);

/** A kind whose rows carry identifying fields: the loader stages it in a temporary table. */
export function holdsPii(kind: FileKind): boolean {
  return kind.fields.some((f) => f.pii);
}

const isText = (f: FieldSpec): boolean => f.type === 'text' || f.type === 'code';

/** The database's HMAC key: 32 random bytes drawn once and stored in it (`apr_salt`). */
async function dbKey(db: Db): Promise<Buffer> {
  await db.run(`CREATE TABLE IF NOT EXISTS apr_salt (salt VARCHAR)`);
  if ((await db.scalar(`SELECT count(*)::INTEGER FROM apr_salt`)) === 0) {
    await db.run(`INSERT INTO apr_salt VALUES ($salt)`, { salt: randomBytes(32).toString('hex') });
  }
  const row = await db.one<{ salt: string }>(`SELECT salt FROM apr_salt LIMIT 1`);
  return Buffer.from(row!.salt, 'hex');
}

/** K ^ ipad and K ^ opad (hex) for the hmac_sha256 macro; K (at most 64 bytes) is zero-padded to the block. */
export function hmacPadsOf(key: Buffer): { ipad: string; opad: string } {
  if (key.length > 64) throw new Error('HMAC key longer than the SHA-256 block');
  const block = Buffer.alloc(64);
  key.copy(block);
  const xor = (b: number): string => Buffer.from(block.map((x) => x ^ b)).toString('hex');
  return { ipad: xor(0x36), opad: xor(0x5c) };
}

/**
 * Pseudonymises each identifying kind's temporary table in place (drops columns, hashes the key),
 * then, for a --db file, moves it into the file and rebuilds its clean_<kind> view; drops every other
 * temporary table of the load (staging, DuckDB's reject scans with their CSV lines) and checkpoints.
 * In memory the tables stay temporary: nothing is at rest, and the copy would cost seconds statewide.
 */
export async function pseudonymise(db: Db, kinds: readonly FileKind[]): Promise<void> {
  const pads = hmacPadsOf(await dbKey(db));
  await db.run(`SET VARIABLE apr_hmac_ipad = unhex($ipad)`, { ipad: pads.ipad });
  await db.run(`SET VARIABLE apr_hmac_opad = unhex($opad)`, { opad: pads.opad });
  try {
    await pseudonymiseKinds(db, kinds);
  } finally {
    await db.run(`RESET VARIABLE apr_hmac_ipad`);
    await db.run(`RESET VARIABLE apr_hmac_opad`);
  }
}

async function pseudonymiseKinds(db: Db, kinds: readonly FileKind[]): Promise<void> {
  const { name, file } = (await db.one<{ name: string; file: boolean }>(
    `SELECT database_name AS name, path IS NOT NULL AS file FROM duckdb_databases() WHERE database_name = current_database()`,
  ))!;
  const staged = new Set<string>();
  for (const kind of kinds.filter(holdsPii)) {
    const id = `data_${kind.id}`;
    const table = `temp.main.${quoteIdent(id)}`;
    const columns = new Set(
      (await db.all<{ c: string }>(`SELECT column_name AS c FROM duckdb_columns() WHERE database_name = 'temp' AND table_name = $t`, { t: id })).map((r) => r.c),
    );
    if (columns.size === 0) throw new Error(`pseudonymise: no temporary table ${id} (the loader stages identifying kinds there)`);
    if (NAME_KEYED.has(kind.id)) {
      if (!columns.has('_name_key')) {
        await db.run(`ALTER TABLE ${table} ADD COLUMN _name_key VARCHAR`);
        await db.run(`UPDATE ${table} SET _name_key = name_key("LAST_NAME", "FIRST_NAME", "BIRTHDATE", "GENDER")`);
      }
      // Rewrites only this column; the clear key is gone with the old one. (ALTER takes no bound
      // parameters: the key blocks are session variables, never SQL text a --debug trace could print.)
      await db.run(`ALTER TABLE ${table} ALTER COLUMN _name_key SET DATA TYPE BLOB
                    USING hmac_sha256(getvariable('apr_hmac_ipad'), getvariable('apr_hmac_opad'), _name_key)`);
    }
    const kept = new Set(KEPT[kind.id] ?? []);
    const gone = kind.fields.filter((f) => f.pii).flatMap((f) => [...(kept.has(f.name) ? [] : [f.name]), `${f.name}__raw`]);
    for (const c of gone.filter((g) => columns.has(g))) await db.run(`ALTER TABLE ${table} DROP COLUMN ${quoteIdent(c)}`);
    if (!file) {
      staged.add(id);
    } else {
      // Rows carry their file and line: the copy need not keep their order, which lets it use both threads.
      await db.run(`SET preserve_insertion_order = false`);
      try {
        await db.run(`CREATE OR REPLACE TABLE ${quoteIdent(name)}.main.${quoteIdent(id)} AS SELECT * FROM ${table}`);
      } finally {
        await db.run(`SET preserve_insertion_order = true`);
      }
      await db.run(`DROP TABLE ${table}`);
    }
    // The view adds F__raw for text fields (see typedSelect in load.ts), now only for those kept.
    const aliases = kind.fields.filter((f) => isText(f) && !gone.includes(f.name)).map((f) => `${quoteIdent(f.name)} AS ${quoteIdent(`${f.name}__raw`)}`);
    await db.run(`CREATE OR REPLACE VIEW ${quoteIdent(`clean_${kind.id}`)} AS SELECT *${aliases.length ? `, ${aliases.join(', ')}` : ''} FROM ${quoteIdent(id)}`);
  }
  // Nothing else temporary outlives the load: DuckDB's reject tables keep each malformed CSV line whole.
  for (const { t } of await db.all<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE temporary`)) {
    if (!staged.has(t)) await db.run(`DROP TABLE temp.main.${quoteIdent(t)}`);
  }
  // Write what is kept into the file now (and end the WAL), rather than when the command ends.
  if (file) await db.run(`CHECKPOINT`);
}
