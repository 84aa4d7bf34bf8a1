import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
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
  /**
   * No blank or space-led line and every quote paired within its line at field boundaries: the
   * n-th record (0-based, header excluded) is on line n + 2, and DuckDB numbers lines the same way.
   */
  regular: boolean;
  /** A NUL byte somewhere in the file (the rows holding one are found in SQL). */
  hasNul: boolean;
  /**
   * A space next to a comma, quote or line end (or at either end of the file): some value may
   * start or end with a space. Without one, no value of the file needs trimming.
   */
  edgeSpaces: boolean;
  /**
   * 1-based line where each data record starts (blank lines skipped), in file order: scanned only
   * for an irregular file, or when asked (`scan: 'always'`); empty otherwise.
   */
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

const CHUNK = 4 << 20;
const BOM = [0xef, 0xbb, 0xbf];
let copies = 0;

/** Encodings a file that is not UTF-8 may be read as (`--encoding`); latin1 is read as its superset windows-1252. */
export type Decoding = 'windows-1252';

const ENCODING_NAMES: Record<string, 'utf-8' | Decoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

/** The `--encoding` names accepted, as a person reads them. */
export const ENCODINGS_ALLOWED = 'utf-8, latin1 or windows-1252';

/** `--encoding` text → the encoding read, or undefined when it is not one the engine reads. */
export function parseEncoding(name: string): 'utf-8' | Decoding | undefined {
  return ENCODING_NAMES[name.trim().toLowerCase()];
}

/** Invalid UTF-8: where (line, byte offset) and what to do, never the text around it (it may be a name). */
export class NotUtf8Error extends InputError {
  constructor(
    relPath: string,
    readonly line: number,
    readonly offset: number,
    byte: number,
  ) {
    super(
      `not valid UTF-8 text at line ${line}, byte offset ${offset} (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}): save it as UTF-8 (Excel: "CSV UTF-8"), ` +
        `or run with --encoding windows-1252 (or latin1) to convert a file saved as Windows/Latin-1 text`,
      relPath,
    );
  }
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 character (overlong forms,
 * surrogates and code points above U+10FFFF are not well-formed), or -1: the offset isUtf8 rejects.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** 1-based line of a byte offset: the line feeds before it, read again in chunks (only on the error path). */
function lineAt(fd: number, offset: number): number {
  const buf = Buffer.allocUnsafe(1 << 20);
  let line = 1;
  for (let p = 0; p < offset; ) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, offset - p), p);
    if (n <= 0) break;
    for (let i = buf.indexOf(LF); i >= 0 && i < n; i = buf.indexOf(LF, i + 1)) line++;
    p += n;
  }
  return line;
}

/** Bytes of `b` up to the last complete UTF-8 character (a character split by a chunk end is carried). */
function completeUtf8(b: Buffer): number {
  const n = b.length;
  for (let k = 1; k <= Math.min(4, n); k++) {
    const c = b[n - k]!;
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? n - k : n;
  }
  return n;
}

/** Opens a file for reading; a folder, a device or a file that cannot be read is an input error. */
function openInput(absPath: string, relPath: string): number {
  let fd: number;
  try {
    fd = openSync(absPath, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'not found (a broken link?)' : (code ?? 'unknown error');
    throw new InputError(`the file cannot be opened: ${why}`, relPath);
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    throw new InputError(st.isDirectory() ? 'is a folder, but a CSV file is expected at this path' : 'is not a regular file', relPath);
  }
  return fd;
}

/**
 * Reads a CSV file's bytes once, in chunks (a statewide file is never held whole): checksum,
 * encoding and header checks, and the line where each record starts. DuckDB does the parsing;
 * this only locates record boundaries (a quoted field may span lines) so that every reject can
 * name its line. A file with a BOM or CR line ends is copied, LF-only and without BOM, for DuckDB;
 * with `decode`, the file is converted to UTF-8 in that copy (the checksum stays the original's).
 */
export function inspectCsv(absPath: string, relPath: string, chunkSize = CHUNK, decode?: Decoding, scan: 'auto' | 'always' = 'always'): CsvFile {
  const fd = openInput(absPath, relPath);
  let out: number | undefined;
  let copyPath: string | undefined;
  try {
    const bytes = fstatSync(fd).size;
    if (bytes === 0) throw new InputError('the file is empty (0 bytes)', relPath);
    const head = Buffer.alloc(2);
    readSync(fd, head, 0, 2, 0);
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
      throw new InputError('the file is UTF-16 text: save it as UTF-8 (Excel: "CSV UTF-8")', relPath);
    }
    const decoder = decode ? new TextDecoder(decode) : undefined;
    const hash = createHash('sha256');
    const scanner = scan === 'always' ? new RecordScanner() : undefined;
    const shape = new ShapeCheck();
    let hasNul = false;
    const edges = new EdgeSpaces();
    const buf = Buffer.allocUnsafe(Math.max(4, chunkSize));
    const header: Buffer[] = [];
    let headerDone = false;
    let carry = Buffer.alloc(0);
    let pendingCR = false;
    let skip = 0; // BOM bytes at the start
    let pos = 0;
    const emit = (data: Buffer): void => {
      if (!data.length) return;
      scanner?.feed(data);
      shape.feed(data);
      edges.feed(data);
      if (!hasNul && data.includes(0)) hasNul = true;
      if (!headerDone) {
        const lf = data.indexOf(LF);
        header.push(Buffer.from(lf < 0 ? data : data.subarray(0, lf)));
        headerDone = lf >= 0;
      }
      if (out !== undefined) writeSync(out, data);
    };
    // First change needed (BOM or CR): start the copy with the bytes already passed on unchanged.
    const startCopy = (upTo: number): void => {
      if (out !== undefined) return;
      copyPath = join(tmpdir(), `apr-engine-${process.pid}-${++copies}.csv`);
      out = openSync(copyPath, 'w');
      const tmp = Buffer.allocUnsafe(1 << 20);
      for (let p = skip; p < upTo; ) {
        const n = readSync(fd, tmp, 0, Math.min(tmp.length, upTo - p), p);
        writeSync(out, tmp, 0, n);
        p += n;
      }
    };
    // Converted text differs from the file's bytes from the first one: the copy holds all of it.
    if (decoder) startCopy(0);
    while (pos < bytes) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, bytes - pos), pos);
      if (n <= 0) break;
      const raw = buf.subarray(0, n);
      hash.update(raw);
      let chunk = raw;
      // A UTF-8 BOM before text that is not UTF-8 is still only a BOM: it is not converted.
      if (decoder) chunk = Buffer.from(decoder.decode(pos === 0 && BOM.every((x, i) => raw[i] === x) ? raw.subarray(3) : raw, { stream: true }), 'utf8');
      else {
        const joined = carry.length ? Buffer.concat([carry, raw]) : raw;
        const cut = completeUtf8(joined);
        if (!isUtf8(joined.subarray(0, cut))) {
          const at = pos - carry.length + firstInvalidUtf8(joined.subarray(0, cut));
          throw new NotUtf8Error(relPath, lineAt(fd, at), at, joined[at - pos + carry.length]!);
        }
        carry = Buffer.from(joined.subarray(cut));
      }
      let data: Buffer = chunk;
      if (pos === 0 && BOM.every((x, i) => data[i] === x)) {
        skip = 3;
        data = data.subarray(3);
        startCopy(0);
      }
      if (pendingCR) {
        pendingCR = false;
        if (data[0] !== LF) emit(Buffer.from([CR]));
      }
      if (data.includes(CR)) {
        startCopy(pos);
        if (data[data.length - 1] === CR) {
          pendingCR = true;
          data = data.subarray(0, data.length - 1);
        }
        data = stripCrLf(data);
      }
      emit(data);
      pos += n;
    }
    if (pendingCR) emit(Buffer.from([CR]));
    if (carry.length) throw new NotUtf8Error(relPath, lineAt(fd, bytes - carry.length), bytes - carry.length, carry[0]!);
    const headerBytes = Buffer.concat(header);
    if (headerBytes.includes(0)) throw new InputError('not a CSV file (binary content in the header)', relPath);
    const headerText = headerBytes.toString('utf8');
    if (headerText.trim() === '') throw new InputError('the file is empty (no header row)', relPath);
    const loadPath = copyPath ?? absPath;
    const regular = shape.regular();
    const edgeSpaces = edges.found();
    // Only an irregular file (quoted newlines, blank lines: rare) has its record starts scanned, from the bytes DuckDB reads.
    const { starts, duckLines } = scanner ? scanner.finish() : regular ? { starts: new Int32Array(0), duckLines: new Int32Array(0) } : scanFile(loadPath, chunkSize);
    const sha256 = hash.digest('hex');
    return { relPath, absPath, bytes, sha256, loadPath, header: splitHeader(headerText), regular, hasNul, edgeSpaces, recordStarts: starts, recordDuckLines: duckLines };
  } catch (e) {
    if (copyPath) rmSync(copyPath, { force: true });
    throw e;
  } finally {
    closeSync(fd);
    if (out !== undefined) closeSync(out);
  }
}

/** Record starts of a file already converted to what DuckDB reads (LF only, no BOM, UTF-8). */
function scanFile(path: string, chunkSize: number): { starts: Int32Array; duckLines: Int32Array } {
  const fd = openSync(path, 'r');
  try {
    const scanner = new RecordScanner();
    const buf = Buffer.allocUnsafe(Math.max(4, chunkSize));
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) scanner.feed(buf.subarray(0, n));
    return scanner.finish();
  } finally {
    closeSync(fd);
  }
}

const SPACE = 0x20;
const TAB = 0x09;

/**
 * Whether a file is regular (see CsvFile.regular), found with native searches only: a clean file
 * costs a few indexOf calls a chunk, and each quote one more. Conservative: a quote anywhere but at a
 * field boundary, a blank line or a line starting with a blank makes the file irregular (scanned).
 */
/**
 * Whether any value of the file may begin or end with a space, found with native searches: a value
 * starts after a comma, a line end, an opening quote or the file's start, and ends before a comma,
 * a line end, a closing quote or the file's end.
 */
export class EdgeSpaces {
  private prev = LF;
  private any = false;

  found(): boolean {
    return this.any || this.prev === SPACE;
  }

  feed(b: Buffer): void {
    if (this.any || b.length === 0) return;
    // DuckDB's reader also ends a record at a lone CR
    const edge = (x: number | undefined): boolean => x === COMMA || x === LF || x === CR || x === QUOTE;
    if (this.prev === SPACE && edge(b[0])) {
      this.any = true;
      return;
    }
    // Spaces are rare in CASEMIS data and memchr finds them fast; searching for ", " would stop at
    // every comma (0.4 s a Table A file).
    for (let i = b.indexOf(SPACE); i >= 0; i = b.indexOf(SPACE, i + 1)) {
      // after the chunk's last byte: the next chunk, or the file's end (found()), decides
      if (edge(i > 0 ? b[i - 1] : this.prev) || edge(b[i + 1])) {
        this.any = true;
        return;
      }
    }
    this.prev = b[b.length - 1]!;
  }
}

export class ShapeCheck {
  private inQuote = false;
  private prev = LF;
  private ok = true;

  regular(): boolean {
    return this.ok && !this.inQuote;
  }

  feed(b: Buffer): void {
    if (!this.ok || b.length === 0) return;
    const startsLine = this.prev === LF;
    if (startsLine && (b[0] === LF || b[0] === SPACE || b[0] === TAB)) return this.fail();
    if (b.includes('\n\n') || b.includes('\n ') || b.includes('\n\t')) return this.fail();
    let from = 0;
    for (let q = b.indexOf(QUOTE); q >= 0; q = b.indexOf(QUOTE, from)) {
      const before = q > 0 ? b[q - 1]! : this.prev;
      if (this.inQuote) {
        // closing (or the first of a doubled quote): no newline inside the quoted text
        const lf = b.indexOf(LF, from);
        if (lf >= 0 && lf < q) return this.fail();
        const after = b[q + 1];
        if (after !== undefined && after !== COMMA && after !== LF && after !== QUOTE) return this.fail();
      } else if (before !== COMMA && before !== LF && before !== QUOTE) {
        return this.fail();
      }
      this.inQuote = !this.inQuote;
      from = q + 1;
    }
    if (this.inQuote && b.indexOf(LF, from) >= 0) return this.fail();
    this.prev = b[b.length - 1]!;
  }

  private fail(): void {
    this.ok = false;
  }
}

/** CRLF → LF (a lone CR stays: it is data). */
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

/** Longest text of the input an output or a message shows: a 5 MB field would make a line no spreadsheet opens. */
export const MAX_SHOWN = 200;

/** `text` cut to MAX_SHOWN characters, the last one `…`. */
export function shorten(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
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
  const scanner = new RecordScanner();
  scanner.feed(buf);
  return scanner.finish();
}

const isBlank = (b: number): boolean => b === 0x20 || b === 0x09;

/**
 * Finds record boundaries chunk by chunk, so a file is never held in memory whole. A quote opens
 * a field only at its start; inside quotes `""` is a literal quote and a newline is data.
 */
export class RecordScanner {
  private starts = new Int32Array(1024);
  private duck = new Int32Array(1024);
  private n = 0;
  private line = 1;
  private uline = 1;
  private inQuote = false;
  /** Inside quotes, a quote was the last byte seen: `""` (literal) or the closing quote. */
  private quoteSeen = false;
  private fieldStart = true;
  private recordLine = 0; // 0 = no content yet on this record
  private recordULine = 0;
  private records = 0;

  private open(): void {
    if (this.recordLine === 0) {
      this.recordLine = this.line;
      this.recordULine = this.uline;
    }
  }

  private newline(): void {
    if (this.recordLine !== 0) {
      if (this.records > 0) {
        if (this.n === this.starts.length) {
          const s2 = new Int32Array(this.starts.length * 2);
          s2.set(this.starts);
          this.starts = s2;
          const d2 = new Int32Array(this.duck.length * 2);
          d2.set(this.duck);
          this.duck = d2;
        }
        this.starts[this.n] = this.recordLine;
        this.duck[this.n++] = this.recordULine;
      }
      this.records++;
    }
    this.line++;
    this.uline++;
    this.fieldStart = true;
    this.recordLine = 0;
  }

  feed(chunk: Buffer): void {
    if (!this.inQuote && !chunk.includes(QUOTE)) this.feedUnquoted(chunk);
    else this.feedQuoted(chunk);
  }

  /** No quote in the chunk: jump from newline to newline natively. */
  private feedUnquoted(chunk: Buffer): void {
    let i = 0;
    for (;;) {
      const lf = chunk.indexOf(LF, i);
      const end = lf < 0 ? chunk.length : lf;
      let last = -1;
      for (let k = end - 1; k >= i; k--) {
        if (!isBlank(chunk[k]!)) {
          last = k;
          break;
        }
      }
      if (last >= 0) {
        this.open();
        this.fieldStart = chunk[last] === COMMA;
      }
      if (lf < 0) return;
      this.newline();
      i = lf + 1;
    }
  }

  private feedQuoted(chunk: Buffer): void {
    const len = chunk.length;
    for (let i = 0; i < len; i++) {
      const b = chunk[i]!;
      if (this.inQuote) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (b === QUOTE) continue; // "" inside quotes
          this.inQuote = false; // the previous quote closed the field: b is outside quotes
        } else {
          if (b === QUOTE) this.quoteSeen = true;
          else if (b === LF) this.line++;
          continue;
        }
      }
      if (b === LF) this.newline();
      else if (b === QUOTE && this.fieldStart) {
        this.inQuote = true;
        this.fieldStart = false;
        this.open();
      } else if (b === COMMA) {
        this.fieldStart = true;
        this.open();
      } else if (!isBlank(b)) {
        this.fieldStart = false;
        this.open();
      }
    }
  }

  finish(): { starts: Int32Array; duckLines: Int32Array } {
    if (this.recordLine !== 0 && this.records > 0) {
      this.newline();
      this.line--;
      this.uline--;
    }
    return { starts: this.starts.subarray(0, this.n), duckLines: this.duck.subarray(0, this.n) };
  }
}
