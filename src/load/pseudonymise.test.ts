import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Db } from '../db.js';
import { testConfig, withRun } from '../../test/helpers/engine.js';
import { DataDir, districtRow, requiredHeader, studentA } from '../../test/helpers/fixture.js';

describe('keyed_sha256 (sql/macros.sql)', () => {
  it('is SHA-256 of the key digits followed by the text; NULL text gives NULL', async () => {
    const db = await Db.open();
    try {
      const key = 'ab'.repeat(32);
      const h = await db.one<{ h: string }>(`SELECT lower(hex(keyed_sha256($key, $msg))) AS h`, { key, msg: 'NUNEZ|ANA|2006-03-01|M' });
      expect(h!.h).toBe(createHash('sha256').update(`${key}NUNEZ|ANA|2006-03-01|M`).digest('hex'));
      expect(await db.scalar(`SELECT count(*) FROM (SELECT keyed_sha256($key, NULL::VARCHAR) AS h) WHERE h IS NULL`, { key })).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('pseudonymisation (in the load statement)', () => {
  it('keeps no names, SSN or SSID; the Part C and June keys are the keyed SHA-256 of the same identity under the stored key', async () => {
    const kid = { BIRTHDATE: '2006-03-01', ENTRY_DATE: '2008-09-01', GRADE: '17', FEDSET_SCH: '', IN_REGCLS: '', FEDSET_PRS: '200', LAST_NAME: 'Ñúñez', FIRST_NAME: 'Ana' };
    const header = [...requiredHeader('table_a'), 'SSID', 'SSN'];
    const d = new DataDir()
      .districts([districtRow()])
      .tableA('2009-06', [studentA({ ...kid, STUDENT_ID: 'P1', SSID: '1234567890', SSN: '900000001' }, '2009-06')], header)
      .csv('partc/referrals.csv', ['referral_id', 'LAST_NAME', 'FIRST_NAME', 'BIRTHDATE', 'GENDER', 'REFR_DATE'], [
        { referral_id: 'R1', LAST_NAME: 'NUNEZ', FIRST_NAME: 'ANA', BIRTHDATE: '03/01/2006', GENDER: 'M', REFR_DATE: '2008-11-01' },
        { referral_id: 'R2', LAST_NAME: ' ÑÚÑEZ', FIRST_NAME: 'ana', BIRTHDATE: '2006-03-01', GENDER: 'M', REFR_DATE: '2008-11-01' },
      ]);
    await withRun(testConfig(d.root, { mode: 'validate' }), async (db) => {
      const cols = async (t: string) => (await db.all<{ c: string }>(`SELECT column_name AS c FROM duckdb_columns() WHERE table_name = $t`, { t })).map((r) => r.c);
      const a = await cols('data_table_a');
      for (const c of ['LAST_NAME', 'FIRST_NAME', 'SSN', 'SSID', 'BIRTHDATE__raw']) expect(a).not.toContain(c);
      expect(a).toContain('BIRTHDATE');
      const p = await cols('data_partc_referrals');
      for (const c of ['LAST_NAME', 'FIRST_NAME', 'BIRTHDATE__raw']) expect(p).not.toContain(c);
      expect(p).toEqual(expect.arrayContaining(['BIRTHDATE', '_name_key']));
      // Identifying fields never reach the store, so nothing is staged: no temporary table outlives the load.
      const temps = await db.all<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE temporary ORDER BY 1`);
      expect(temps.map((r) => r.t)).toEqual([]);
      const d = await cols('data_table_d');
      for (const c of ['LAST_NAME', 'FIRST_NAME', 'SSN', 'BIRTHDATE', 'BIRTHDATE__raw']) expect(d).not.toContain(c);
      // The SSN is kept only as a hash under a key of this load, never stored: not its SHA-256 alone.
      expect(a).toContain('_ssn_key');
      expect(await db.scalar(`SELECT count(*) FROM data_table_a WHERE _ssn_key = unhex(sha256('900000001'))`)).toBe(0);

      const salt = (await db.one<{ s: string }>(`SELECT salt AS s FROM apr_salt`))!.s;
      expect(salt).toMatch(/^[0-9a-f]{64}$/);
      // The identity as name_key writes it, by hand: letters only, upper case, ISO birthdate, gender.
      const expected = createHash('sha256').update(`${salt}ÑÚÑEZ|ANA|2006-03-01|M`).digest('hex');
      const keys = await db.all<{ k: string }>(`SELECT lower(hex(_name_key)) AS k FROM clean_table_a UNION ALL SELECT lower(hex(_name_key)) FROM clean_partc_referrals WHERE referral_id = 'R2'`);
      expect(keys).toEqual([{ k: expected }, { k: expected }]);
      // Without the accents the letters differ: another key (as the clear name_key did).
      expect(await db.scalar(`SELECT count(*) FROM clean_partc_referrals WHERE referral_id = 'R1' AND lower(hex(_name_key)) <> $e`, { e: expected })).toBe(1);
    });
  });

  it('draws a new key for each database', async () => {
    const salt = async () => {
      const d = new DataDir().districts([districtRow()]).tableA('2009-06', [studentA({}, '2009-06')]);
      return withRun(testConfig(d.root, { mode: 'validate' }), async (db) => (await db.one<{ s: string }>(`SELECT salt AS s FROM apr_salt`))!.s);
    };
    expect(await salt()).not.toBe(await salt());
  });
});
