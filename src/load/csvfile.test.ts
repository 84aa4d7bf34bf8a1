import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { type CsvFile, inspectCsv, RecordScanner, scanRecordStarts } from './csvfile.js';

const token = fc.constantFrom('a', 'b', ',', '"', '""', '\n', ' ', '\t', 'é', '"x\ny"', ',"q"', 'z,"');

describe('RecordScanner', () => {
  test.prop([fc.array(token, { maxLength: 60 }), fc.integer({ min: 1, max: 9 })], { numRuns: 300 })(
    'record starts do not depend on how the bytes are chunked',
    (tokens, size) => {
      const buf = Buffer.from(`h1,h2\n${tokens.join('')}`);
      const whole = scanRecordStarts(buf);
      const s = new RecordScanner();
      for (let i = 0; i < buf.length; i += size) s.feed(buf.subarray(i, i + size));
      const chunked = s.finish();
      expect([...chunked.starts]).toEqual([...whole.starts]);
      expect([...chunked.duckLines]).toEqual([...whole.duckLines]);
    },
  );

  test('quoted newlines, escaped quotes, blank and whitespace-only lines', () => {
    const r = scanRecordStarts(Buffer.from('h1,h2\n1,"a\nb"\n\n2,"x""y"\n   \n3,z'));
    expect([...r.starts]).toEqual([2, 5, 7]);
    // DuckDB does not count the newline inside the quoted field
    expect([...r.duckLines]).toEqual([2, 4, 6]);
  });
});

describe('inspectCsv in chunks', () => {
  const piece = fc.constantFrom('a', ',', '"', '\r\n', '\n', '\r', 'é', '€', '𝄞', ' ', '"q\r\nr"');
  test.prop([fc.array(piece, { maxLength: 40 }), fc.boolean(), fc.integer({ min: 4, max: 13 })], { numRuns: 200 })(
    'small chunks give the same checksum, header, record starts and LF-only copy as one read',
    (pieces, bom, size) => {
      const text = `H1,H2\r\n${pieces.join('')}`;
      const file = join(mkdtempSync(join(tmpdir(), 'apr-csv-')), 'f.csv');
      writeFileSync(file, Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text)]));
      const whole = inspectCsv(file, 'f.csv', 1 << 20);
      const small = inspectCsv(file, 'f.csv', size);
      const read = (c: CsvFile): string => readFileSync(c.loadPath, 'utf8');
      expect(small.sha256).toBe(whole.sha256);
      expect(small.header).toEqual(['H1', 'H2']);
      expect([...small.recordStarts]).toEqual([...whole.recordStarts]);
      expect([...small.recordDuckLines]).toEqual([...whole.recordDuckLines]);
      expect(read(small)).toBe(read(whole));
      expect(read(small)).toBe(text.replaceAll('\r\n', '\n'));
      for (const c of [whole, small]) if (c.loadPath !== file) rmSync(c.loadPath);
    },
  );

  test('a multi-byte character split by chunks is valid; a truncated one is not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apr-csv-'));
    writeFileSync(join(dir, 'ok.csv'), 'h\n€€€€\n');
    expect(inspectCsv(join(dir, 'ok.csv'), 'ok.csv', 4).recordStarts.length).toBe(1);
    writeFileSync(join(dir, 'bad.csv'), Buffer.concat([Buffer.from('h\nx'), Buffer.from([0xe2, 0x82])]));
    expect(() => inspectCsv(join(dir, 'bad.csv'), 'bad.csv', 4)).toThrow(/not valid UTF-8/);
  });
});
