import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors.js';

export interface CsvFile {
  /** Path relative to the data folder, `/` separators. */
  relPath: string;
  absPath: string;
  bytes: number;
  sha256: string;
  /** What DuckDB reads: the file itself, or an LF-only copy without BOM. */
  loadPath: string;
  /** Header names as written (trimmed, quotes removed). */
  header: string[];
  /** 1-based line where each data record starts (blank lines skipped), in file order. */
  recordStarts: Int32Array;
  /**
   * The same records numbered the way DuckDB's rejects table numbers them: newlines inside
   * quoted fields are not counted. Used to map a DuckDB reject back to its physical line.
   */
  recordDuckLines: Int32Array;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * Reads a CSV file's bytes once: checksum, encoding and header checks, and the line where each
 * record starts. DuckDB does the parsing; this only locates record boundaries (a quoted field may
 * span lines) so that every reject can name its line, using the same quote rule DuckDB applies
 * (a quote opens a field only at its start; `""` inside quotes is a literal quote).
 */
export function inspectCsv(absPath: string, relPath: string): CsvFile {
  let buf: Buffer = readFileSync(absPath);
  const bytes = buf.length;
  const sha256 = createHash('sha256').update(buf).digest('hex');
  if (bytes === 0) throw new InputError('the file is empty (0 bytes)', relPath);
  if (!isUtf8(buf)) throw new InputError('the file is not valid UTF-8 text', relPath);
  let changed = false;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    buf = buf.subarray(3);
    changed = true;
  }
  if (buf.includes(CR)) {
    buf = stripCrLf(buf);
    changed = true;
  }
  const headerEnd = buf.indexOf(LF);
  const headerBytes = headerEnd < 0 ? buf : buf.subarray(0, headerEnd);
  if (headerBytes.includes(0)) throw new InputError('not a CSV file (binary content in the header)', relPath);
  const headerText = headerBytes.toString('utf8');
  if (headerText.trim() === '') throw new InputError('the file is empty (no header row)', relPath);
  const header = splitHeader(headerText);
  let loadPath = absPath;
  if (changed) {
    // Removed by the loader as soon as DuckDB has read it.
    loadPath = join(tmpdir(), `apr-engine-${process.pid}-${sha256.slice(0, 16)}.csv`);
    writeFileSync(loadPath, buf);
  }
  const { starts, duckLines } = scanRecordStarts(buf);
  return { relPath, absPath, bytes, sha256, loadPath, header, recordStarts: starts, recordDuckLines: duckLines };
}

function stripCrLf(buf: Buffer): Buffer {
  const out = Buffer.allocUnsafe(buf.length);
  let j = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b === CR && buf[i + 1] === LF) continue;
    out[j++] = b;
  }
  return out.subarray(0, j);
}

/** Header names: comma separated, optional surrounding quotes. Header names never contain commas. */
function splitHeader(text: string): string[] {
  return text.split(',').map((h) => {
    const t = h.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replaceAll('""', '"').trim() : t;
  });
}

/** Start lines of the data records (the header record, line 1, excluded): physical and as DuckDB counts. */
export function scanRecordStarts(buf: Buffer): { starts: Int32Array; duckLines: Int32Array } {
  return buf.includes(QUOTE) ? scanQuoted(buf) : scanUnquoted(buf);
}

/** Without a quote character every line is its own record: jump from newline to newline natively. */
function scanUnquoted(buf: Buffer): { starts: Int32Array; duckLines: Int32Array } {
  let starts = new Int32Array(1024);
  let n = 0;
  let line = 1;
  let pos = buf.indexOf(LF);
  while (pos >= 0 && pos < buf.length - 1) {
    line++;
    const next = buf.indexOf(LF, pos + 1);
    const end = next < 0 ? buf.length : next;
    let blank = true;
    for (let i = pos + 1; i < end; i++) {
      const b = buf[i]!;
      if (b !== 0x20 && b !== 0x09) {
        blank = false;
        break;
      }
    }
    if (!blank) {
      if (n === starts.length) {
        const s2 = new Int32Array(starts.length * 2);
        s2.set(starts);
        starts = s2;
      }
      starts[n++] = line;
    }
    pos = next;
  }
  const out = starts.subarray(0, n);
  return { starts: out, duckLines: out };
}

function scanQuoted(buf: Buffer): { starts: Int32Array; duckLines: Int32Array } {
  let starts = new Int32Array(1024);
  let duck = new Int32Array(1024);
  let n = 0;
  let line = 1;
  let uline = 1;
  let inQuote = false;
  let fieldStart = true;
  let recordLine = 0; // 0 = no content yet on this record
  let recordULine = 0;
  let records = 0;
  const push = (): void => {
    if (n === starts.length) {
      const s2 = new Int32Array(starts.length * 2);
      s2.set(starts);
      starts = s2;
      const d2 = new Int32Array(duck.length * 2);
      d2.set(duck);
      duck = d2;
    }
    starts[n] = recordLine;
    duck[n++] = recordULine;
  };
  const open = (): void => {
    if (recordLine === 0) {
      recordLine = line;
      recordULine = uline;
    }
  };
  const len = buf.length;
  for (let i = 0; i < len; i++) {
    const b = buf[i]!;
    if (inQuote) {
      if (b === QUOTE) {
        if (buf[i + 1] === QUOTE) i++;
        else inQuote = false;
      } else if (b === LF) line++;
      continue;
    }
    if (b === LF) {
      if (recordLine !== 0) {
        if (records > 0) push();
        records++;
      }
      line++;
      uline++;
      fieldStart = true;
      recordLine = 0;
      continue;
    }
    if (b === QUOTE && fieldStart) {
      inQuote = true;
      fieldStart = false;
      open();
    } else if (b === COMMA) {
      fieldStart = true;
      open();
    } else if (b !== 0x20 && b !== 0x09) {
      fieldStart = false;
      open();
    }
  }
  if (recordLine !== 0 && records > 0) push();
  return { starts: starts.subarray(0, n), duckLines: duck.subarray(0, n) };
}
