// The benchmark's helpers (scripts/bench/lib.ts): the corrected row never touches the hard-linked
// original, and the output comparison ignores only run.json's timings and report.html's timestamp.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bareScan, diffOutputs, editOneRow, linkTree, normaliseRunJson, perSelpaTableA } from '../scripts/bench/lib.js';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'bench-lib-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const put = (rel: string, text: string): void => {
  mkdirSync(join(tmp, rel, '..'), { recursive: true });
  writeFileSync(join(tmp, rel), text);
};

describe('linked copy and one corrected row', () => {
  const TABLE = '\uFEFFREPT_DATE, SELPA_CODE ,LAST_NAME,disability1,DISABILITY2\r\n'
    + '2008-12-01,1910,"Smith, Jo",290,\r\n' // quoted: skipped
    + '2008-12-01,1910,Müller,320,\r\n' // neither 290 nor 240: skipped
    + '2008-12-01,1910,Ng,290,240\r\n' // the swap would repeat DISABILITY2: skipped
    + '2008-12-01,1910,Žáček,240,\r\n'
    + '2008-12-01,1910,Lee,290,\r\n';

  it('swaps DISABILITY1 290/240 of the first plain row that allows it, in the copy only; the original keeps its bytes', () => {
    put('src/casemis/2008-12/table_a/1910.csv', TABLE);
    put('src/reference/districts.csv', 'code\n1\n');
    linkTree(join(tmp, 'src'), join(tmp, 'copy'));
    const orig = join(tmp, 'src/casemis/2008-12/table_a/1910.csv');
    const copy = join(tmp, 'copy/casemis/2008-12/table_a/1910.csv');
    expect(statSync(copy).ino).toBe(statSync(orig).ino); // a hard link before the edit
    expect(perSelpaTableA(join(tmp, 'copy'))).toEqual(['casemis/2008-12/table_a/1910.csv']);

    const edit = editOneRow(join(tmp, 'copy'), 'casemis/2008-12/table_a/1910.csv');
    expect(edit).toEqual({ rel: 'casemis/2008-12/table_a/1910.csv', line: 5, field: 'DISABILITY1', from: '240', to: '290' });
    expect(readFileSync(orig, 'utf8')).toBe(TABLE);
    expect(readFileSync(copy, 'utf8')).toBe(TABLE.replace('Žáček,240,', 'Žáček,290,'));
    expect(statSync(copy).ino).not.toBe(statSync(orig).ino);
  });

  it('a statewide folder has no per-SELPA files; a table without DISABILITY1 is refused', () => {
    put('casemis/2008-12/table_a.csv', 'A,B\n1,2\n');
    expect(perSelpaTableA(tmp)).toEqual([]);
    expect(() => editOneRow(tmp, 'casemis/2008-12/table_a.csv')).toThrow(/no DISABILITY1 column/);
  });
});

describe('diffOutputs', () => {
  const runJson = (started: string, ms: number, extra: Record<string, unknown> = {}): string =>
    JSON.stringify({ started_at: started, finished_at: started, data_dir: `/tmp/${ms}`, load_reused_from_db: ms > 5, steps_ms: { load: ms }, indicators: [{ id: '5', status: 'computed', ms }], ...extra });
  const outputs = (side: string, o: { run: string; html: string; summary: string }): void => {
    put(`${side}/run.json`, o.run);
    put(`${side}/report.html`, o.html);
    put(`${side}/tables/summary.csv`, o.summary);
  };

  it('equal but for timings, paths and the report timestamp: no difference', () => {
    outputs('b', { run: runJson('2026-01-01T00:00:00Z', 3), html: '<p>run started 2026-01-01T00:00:00Z.</p>', summary: 'a,1\n' });
    outputs('c', { run: runJson('2026-02-02T11:11:11Z', 9), html: '<p>run started 2026-02-02T11:11:11Z.</p>', summary: 'a,1\n' });
    expect(diffOutputs(join(tmp, 'b'), join(tmp, 'c'))).toEqual([]);
  });

  it('a changed figure, status, report body or a missing file is reported', () => {
    outputs('b', { run: runJson('x', 3, { measures: ['computed'] }), html: '<p>run started x.</p><td>1</td>', summary: 'a,1\n' });
    outputs('c', { run: runJson('x', 3, { measures: ['not computed'] }), html: '<p>run started x.</p><td>2</td>', summary: 'a,2\n' });
    put('c/load/rejects.csv', '');
    expect(diffOutputs(join(tmp, 'b'), join(tmp, 'c'))).toEqual(['load/rejects.csv (only in second)', 'report.html', 'run.json', 'tables/summary.csv']);
  });

  it('normaliseRunJson drops only the clock, duration, path and cache fields', () => {
    expect(normaliseRunJson({ year: '2008-09', started_at: 'a', steps_ms: {}, inputs: [{ path: 'p', bytes: 3, ms: 1 }] })).toEqual({ year: '2008-09', inputs: [{ path: 'p', bytes: 3 }] });
  });
});

describe('bareScan', () => {
  it('counts data rows (header excluded, quoted newline one row) per file', async () => {
    put('a.csv', 'x,y\n1,"two\nlines"\n3,4\n');
    put('b.csv', 'x\n1\n2\n3\n');
    const r = await bareScan(tmp, ['a.csv', 'b.csv']);
    expect(r.map((s) => [s.rel, s.rows, s.lenient])).toEqual([['a.csv', 2, undefined], ['b.csv', 3, undefined]]);
  });

  it('a file the sniffer gives up on is counted leniently and marked', async () => {
    put('bad.csv', `a,b,c\n${'1,2,3\n'.repeat(3000)}1,2,3,4\n${'1,2,3\n'.repeat(10)}`); // one row too long
    const r = await bareScan(tmp, ['bad.csv']);
    expect(r[0]?.lenient).toBe(true);
    expect(r[0]?.rows).toBeGreaterThanOrEqual(3010);
  });
});
