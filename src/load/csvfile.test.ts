import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { type CsvFile, EdgeSpaces, firstInvalidUtf8, inspectCsv, NotUtf8Error, parseEncoding, RecordScanner, scanRecordStarts } from './csvfile.js';

const token = fc.constantFrom('a', 'b', ',', '"', '""', '\n', ' ', '\t', 'é', '"x\ny"', ',"q"', 'z,"');

describe('EdgeSpaces', () => {
  const found = (text: string, size: number): boolean => {
    const e = new EdgeSpaces();
    const buf = Buffer.from(text);
    for (let i = 0; i < buf.length; i += size) e.feed(buf.subarray(i, i + size));
    return e.found();
  };
  const value = fc.array(fc.constantFrom('a', ' ', ',', '"', '\n', 'é'), { maxLength: 6 }).map((cs) => cs.join(''));
  const field = fc.tuple(value, fc.boolean()).map(([v, quoteAnyway]) => ({
    v,
    text: quoteAnyway || /[,"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v,
  }));
  test.prop([fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { maxLength: 8 }), fc.integer({ min: 1, max: 7 })], { numRuns: 400 })(
    'finds every value that starts or ends with a space, however the bytes are chunked',
    (rows, size) => {
      const text = `h1,h2\n${rows.map((r) => r.map((f) => f.text).join(',')).join('\n')}`;
      const edgy = rows.some((r) => r.some((f) => f.v.startsWith(' ') || f.v.endsWith(' ')));
      if (edgy) expect(found(text, size)).toBe(true);
      if (!text.includes(' ')) expect(found(text, size)).toBe(false);
    },
  );

  test('spaces inside values are not edges; at the start or end of the file they are', () => {
    expect(found('h1,h2\na b,"c d"\n', 3)).toBe(false);
    expect(found(' h1,h2\na,b', 4)).toBe(true);
    expect(found('h1,h2\na,b ', 4)).toBe(true);
    expect(found('h1,h2\na,b \n', 64)).toBe(true);
    expect(found('h1,h2\na,"b"\n', 1)).toBe(false);
    // a lone CR ends a record for DuckDB: the value before it ends with a space
    expect(found('h1,h2\na,b \r', 2)).toBe(true);
    expect(found('h1,h2\na,b \r\nc,d', 64)).toBe(true);
  });
});

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

describe('invalid UTF-8 and --encoding', () => {
  // Valid characters of every length mixed with stray bytes.
  const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 3 }).map((s) => Buffer.from(s)), fc.uint8Array({ maxLength: 2 }).map((a) => Buffer.from(a)));
  test.prop([fc.array(piece, { maxLength: 8 })], { numRuns: 2000 })('firstInvalidUtf8 finds the byte isUtf8 rejects', (pieces) => {
    const b = Buffer.concat(pieces);
    const at = firstInvalidUtf8(b);
    expect(at === -1).toBe(isUtf8(b));
    if (at >= 0) {
      expect(isUtf8(b.subarray(0, at))).toBe(true);
      expect(isUtf8(b.subarray(0, at + 1))).toBe(false);
    }
  });

  test('the error names the line and the byte offset, whatever the chunk size, and never the text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apr-csv-'));
    // "h1,h2\n" (6 bytes) "ab,é\n" (6: é is 2 bytes) "x,Ren" (5) then 0xE9 (latin-1 é) at offset 17, line 3
    const file = join(dir, 'bad.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('h1,h2\nab,é\nx,Ren'), Buffer.from([0xe9]), Buffer.from('e\n')]));
    for (const size of [4, 5, 7, 13, 1 << 20]) {
      let err: unknown;
      try {
        inspectCsv(file, 'casemis/2008-12/table_a.csv', size);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(NotUtf8Error);
      expect(err).toMatchObject({ line: 3, offset: 17, exitCode: 3 });
      const message = (err as Error).message;
      expect(message).toMatch(/^casemis\/2008-12\/table_a\.csv: not valid UTF-8 text at line 3, byte offset 17 \(byte 0xE9\): save it as UTF-8/);
      expect(message).toContain('--encoding windows-1252');
      expect(message).not.toContain('Ren');
    }
  });

  test('a character cut short at the end of the file: its first byte is named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apr-csv-'));
    writeFileSync(join(dir, 'cut.csv'), Buffer.concat([Buffer.from('h\nab\nc'), Buffer.from([0xe2, 0x82])]));
    expect(() => inspectCsv(join(dir, 'cut.csv'), 'cut.csv', 4)).toThrow('cut.csv: not valid UTF-8 text at line 3, byte offset 6 (byte 0xE2)');
  });

  test('UTF-16 is named as such', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apr-csv-'));
    writeFileSync(join(dir, 'u16.csv'), Buffer.from('\ufeffh1,h2\n', 'utf16le'));
    expect(() => inspectCsv(join(dir, 'u16.csv'), 'u16.csv')).toThrow('u16.csv: the file is UTF-16 text: save it as UTF-8');
  });

  test('windows-1252 is converted once into the copy DuckDB reads; the checksum is the original file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apr-csv-'));
    const file = join(dir, 'latin.csv');
    // é = 0xE9, € = 0x80 and ’ = 0x92 in windows-1252; CRLF line ends
    const bytes = Buffer.concat([Buffer.from('name,price\r\nRen'), Buffer.from([0xe9]), Buffer.from('e,5'), Buffer.from([0x80]), Buffer.from('\r\nO'), Buffer.from([0x92]), Buffer.from('Hara,1\r\n')]);
    writeFileSync(file, bytes);
    for (const size of [4, 1 << 20]) {
      const c = inspectCsv(file, 'latin.csv', size, 'windows-1252');
      expect(c.loadPath).not.toBe(file);
      expect(readFileSync(c.loadPath, 'utf8')).toBe('name,price\nRenée,5€\nO’Hara,1\n');
      expect(c.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect([...c.recordStarts]).toEqual([2, 3]);
      rmSync(c.loadPath);
    }
  });

  test('a UTF-8 BOM before Windows-1252 text is dropped, not converted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apr-csv-'));
    const file = join(dir, 'bom.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name\nRen'), Buffer.from([0xe9]), Buffer.from('e\n')]));
    const c = inspectCsv(file, 'bom.csv', 4, 'windows-1252');
    expect(c.header).toEqual(['name']);
    expect(readFileSync(c.loadPath, 'utf8')).toBe('name\nRenée\n');
    rmSync(c.loadPath);
  });

  test('--encoding names', () => {
    expect(['utf-8', 'UTF8', 'latin1', 'Latin-1', 'ISO-8859-1', 'windows-1252', 'cp1252', 'ebcdic'].map(parseEncoding)).toEqual([
      'utf-8', 'utf-8', 'windows-1252', 'windows-1252', 'windows-1252', 'windows-1252', 'windows-1252', undefined,
    ]);
  });
});
