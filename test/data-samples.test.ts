// The bundled data-samples/ against the generator's own independent reading of the rules:
// data-samples/EXPECTED-REJECTS.csv lists every planted error and warning (file, line, code).
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../src/commands/execute.js';
import { Db } from '../src/db.js';
import { FIXED_NOW, rejectsOf, testConfig, withRun } from './helpers/engine.js';

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

describe('data-samples', () => {
  it('rejects and warnings are exactly the planted ones, every file reconciles, no PII leaves', async () => {
    const expected = readFileSync('data-samples/EXPECTED-REJECTS.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .map(([file, line, , code]) => `${file}:${line}:${code}`)
      .sort();
    await withRun(testConfig('data-samples'), async (db, result) => {
      const got = (await rejectsOf(db)).map((r) => `${r.file}:${r.line}:${r.code}`).sort();
      expect([...new Set(got)]).toEqual([...new Set(expected)]);
      for (const f of result.load.files) expect(f.rows_read, f.file).toBe(f.rows_loaded + f.rows_rejected);
      expect(result.rejectRateExceeded).toEqual([]);
      // (the load keeps no names: read them from the input)
      const names = await db.all<{ v: string }>(
        `SELECT DISTINCT v FROM (SELECT "LAST_NAME" AS v FROM read_csv('data-samples/casemis/2009-06/table_a.csv', all_varchar = true, delim = ',')) WHERE v IS NOT NULL ORDER BY v LIMIT 50`,
      );
      const rejects = JSON.stringify(await rejectsOf(db));
      for (const { v } of names) expect(rejects).not.toContain(v);
      expect(result.summary.filter((s) => s.status === 'computed').map((s) => s.id)).toEqual([
        ...['1', '2.one_year', '2.four_year', '3A', '3B.ela', '3B.math', '3C.ela', '3C.math', '4A', '4A.state_rate', '4B.potential', '4B'],
        ...['5A', '5B', '5C', '8', '9.potential', '9', '10.potential', '10', '11', '12', '13', '15', '16', '17', '18', '19', '20', '20B'],
      ]);
    });
  });
});

describe('privacy', () => {
  it('no output file of a run holds a student name, birthdate, SSN or SSID of the inputs; identity fields show [redacted]', async () => {
    const out = mkdtempSync(join(tmpdir(), 'apr-pii-'));
    await execute(
      { dir: 'data-samples', out, profile: 'ca-ffy2008', format: 'csv,json,parquet', json: false, quiet: true, debug: false, 'student-lists': true },
      'run',
      () => FIXED_NOW,
    );
    // The restricted lists are part of what is scanned.
    expect(allFiles(out).filter((f) => f.includes('/restricted/')).length).toBeGreaterThan(10);
    const db = await Db.open();
    const pii = await db.all<{ v: string }>(
      `SELECT DISTINCT v FROM (
         SELECT unnest([LAST_NAME, FIRST_NAME, SSN, SSID]) AS v
         FROM read_csv(['data-samples/casemis/2008-06/table_a.csv', 'data-samples/casemis/2008-12/table_a.csv', 'data-samples/casemis/2009-06/table_a.csv'],
                       all_varchar = true, union_by_name = true, ignore_errors = true))
       WHERE length(v) >= 5`,
    );
    db.close();
    expect(pii.length).toBeGreaterThan(1000);
    const text = allFiles(out)
      .filter((f) => !f.endsWith('.parquet'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const leaked = pii.map((r) => r.v).filter((v) => text.includes(v));
    expect(leaked).toEqual([]);
    // Birthdates look like any other date (a LAST_IEP may equal someone's birthdate): check the fields.
    const rejects = readFileSync(join(out, 'load/rejects.csv'), 'utf8').split('\n');
    const birth = rejects.filter((l) => /^[^,]+,\d+,(BIRTHDATE|LAST_NAME|FIRST_NAME|SSN|SSID),/.test(l));
    expect(birth.length).toBeGreaterThan(0);
    for (const l of birth) expect(l.split(',')[3]).toBe('[redacted]');
    // The self-review sentences name no student: no local STUDENT_ID of the inputs appears in them.
    const ids = await (async () => {
      const d = await Db.open();
      try {
        return await d.all<{ v: string }>(
          `SELECT DISTINCT STUDENT_ID AS v FROM read_csv(['data-samples/casemis/2008-12/table_a.csv', 'data-samples/casemis/2009-06/table_a.csv'],
             all_varchar = true, union_by_name = true, ignore_errors = true) WHERE length(STUDENT_ID) >= 6`,
        );
      } finally {
        d.close();
      }
    })();
    expect(ids.length).toBeGreaterThan(100);
    const ident = readFileSync(join(out, 'identification.csv'), 'utf8');
    expect(ident.split('\n').length).toBeGreaterThan(10);
    expect(ids.map((r) => r.v).filter((v) => ident.includes(v))).toEqual([]);
    // Restricted lists: keyed by the local STUDENT_ID, no identity column of any kind.
    for (const f of allFiles(out).filter((x) => x.includes('/restricted/'))) {
      const header = readFileSync(f, 'utf8').split('\n')[0]!;
      expect(header, f).toMatch(/^district,student_id,/);
      expect(header, f).not.toMatch(/birth|name|ssn|ssid/i);
    }
  });
});
