// Student privacy at rest (a --db file keeps what the load keeps). Identifying fields never reach the
// store: the load reads each file straight into it (src/load/load.ts), and names, SSNs and SSIDs are
// used only inside that statement, by the row rules and to hash them:
//   - LAST_NAME, FIRST_NAME, SSN, SSID and the text of BIRTHDATE as written are not stored;
//   - BIRTHDATE is stored (typed) only where an indicator needs it: Table A (ages), Part C referrals
//     (the third birthday); Table D's is not;
//   - the linkage key (name_key: names, birthdate, gender) is stored as SHA-256 under a random key
//     kept in the database (`apr_salt`), for Table A and the Part C referrals (Indicator 12, D911,
//     December unduplication);
//   - the SSN is stored only as SHA-256 under a key drawn for each load and never stored (E107, a
//     check within one file): a 9-digit number is easy to recover from a hash whose key is known, not
//     from one whose key is gone.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db.js';
import type { FileKind } from './schema.js';

/** Identifying fields an indicator still reads after the load, per kind. */
const KEPT: Record<string, readonly string[]> = {
  table_a: ['BIRTHDATE'], // ages (Indicators 4A, 5, 13, Table 6 …)
  partc_referrals: ['BIRTHDATE'], // third birthday (Indicator 12)
};

/** Kinds linked by identity after the load: Indicator 12 joins Part C referrals to June Table A. */
export const NAME_KEYED = new Set(['table_a', 'partc_referrals']);


/** The database's name key: 32 random bytes drawn once and stored in it (`apr_salt`). */
async function dbKey(db: Db): Promise<Buffer> {
  await db.run(`CREATE TABLE IF NOT EXISTS apr_salt (salt VARCHAR)`);
  if ((await db.scalar(`SELECT count(*)::INTEGER FROM apr_salt`)) === 0) {
    await db.run(`INSERT INTO apr_salt VALUES ($salt)`, { salt: randomBytes(32).toString('hex') });
  }
  const row = await db.one<{ salt: string }>(`SELECT salt FROM apr_salt LIMIT 1`);
  return Buffer.from(row!.salt, 'hex');
}

/** Identifying fields a kind's store keeps (typed, never as written). */
export function keptPii(kind: FileKind): Set<string> {
  return new Set(KEPT[kind.id] ?? []);
}

/** Bound values of the load statement: the database's name key and this load's SSN key (hex). */
export interface LoadKeys {
  params: Record<string, string>;
  types: Record<string, never>;
}

/**
 * The keys the load hashes with: the database's name key (the name key must match across loads of
 * one --db file) and, for E107, a key drawn for this load and never stored, so the SSN hashes kept
 * in the store cannot be tested against guesses.
 */
export async function loadKeys(db: Db): Promise<LoadKeys> {
  return { params: { name_key: (await dbKey(db)).toString('hex'), ssn_key: randomBytes(32).toString('hex') }, types: {} };
}
