// CSV writing (RFC 4180) with buffered synchronous writes and physical line tracking.
import * as fs from 'node:fs';
import * as path from 'node:path';

const NEEDS_QUOTE = /[",\r\n]/;

export function csvField(v: string): string {
  if (v === '') return v;
  if (NEEDS_QUOTE.test(v) || v.startsWith(' ') || v.endsWith(' ')) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

export function csvLine(fields: readonly string[]): string {
  let s = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) s += ',';
    s += csvField(fields[i] as string);
  }
  return s;
}

export interface WriterOptions {
  bom?: boolean;
  crlf?: boolean;
  /** Flush threshold in characters. */
  bufferChars?: number;
}

function countNewlines(s: string): number {
  let n = 0;
  let i = s.indexOf('\n');
  while (i !== -1) {
    n++;
    i = s.indexOf('\n', i + 1);
  }
  return n;
}

/**
 * Appends records to a file. `line` is the 1-based physical line where the next record starts
 * (header = line 1), counting newlines inside quoted fields.
 */
export class CsvWriter {
  readonly file: string;
  readonly rel: string;
  private fd: number;
  private buf: string[] = [];
  private bufLen = 0;
  private readonly eol: string;
  private readonly limit: number;
  private nextLine = 1;
  rows = 0;
  bytes = 0;

  constructor(root: string, rel: string, header: readonly string[] | null, opts: WriterOptions = {}) {
    this.rel = rel;
    this.file = path.join(root, rel);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    this.fd = fs.openSync(this.file, 'w');
    this.eol = opts.crlf ? '\r\n' : '\n';
    this.limit = opts.bufferChars ?? 1 << 20;
    if (opts.bom) this.push('\uFEFF');
    if (header) this.rawLine(csvLine(header));
  }

  /** Line number at which the next record will start. */
  get line(): number {
    return this.nextLine;
  }

  private push(s: string): void {
    this.buf.push(s);
    this.bufLen += s.length;
    if (this.bufLen >= this.limit) this.flush();
  }

  /** Write an already-formatted record; returns the line it starts on. */
  rawLine(text: string): number {
    const start = this.nextLine;
    const body = this.eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text;
    this.push(body + this.eol);
    this.nextLine += 1 + countNewlines(text);
    return start;
  }

  /** Write one record of fields; returns the line it starts on. */
  row(fields: readonly string[]): number {
    this.rows++;
    return this.rawLine(csvLine(fields));
  }

  /** Fast path for records known to contain no newline inside fields. */
  rowNoNl(fields: readonly string[]): void {
    this.rows++;
    this.push(csvLine(fields) + this.eol);
    this.nextLine++;
  }

  flush(): void {
    if (this.buf.length === 0) return;
    const s = this.buf.join('');
    this.buf = [];
    this.bufLen = 0;
    const b = Buffer.from(s, 'utf8');
    let off = 0;
    while (off < b.length) off += fs.writeSync(this.fd, b, off, b.length - off);
    this.bytes += b.length;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/**
 * One CASEMIS table: a single file, or with `perSelpa` one file per SELPA in a folder named after it
 * (`table_a.csv` → `table_a/<selpa>.csv`, DATA-CONTRACT.md 1). A SELPA's file is opened at its first
 * row, so no SELPA gets a header-only Table A (that would stop the run).
 */
export class TableWriter {
  /** The file, or the folder (`…/table_a/`) of per-SELPA files. */
  readonly rel: string;
  private w: CsvWriter | null = null;
  private selpaCode = '';
  private done = { rows: 0, bytes: 0 };

  constructor(
    private readonly root: string,
    rel: string,
    private readonly header: readonly string[],
    private readonly perSelpa: boolean,
    private readonly opts: WriterOptions = {},
  ) {
    this.rel = perSelpa ? `${rel.replace(/\.csv$/, '')}/` : rel;
    if (!perSelpa) this.w = new CsvWriter(root, rel, header, opts);
  }

  /** Rows from here on belong to this SELPA (its own file when per SELPA). */
  selpa(code: string): void {
    if (!this.perSelpa || code === this.selpaCode) return;
    this.end();
    this.selpaCode = code;
  }

  rowNoNl(fields: readonly string[]): void {
    this.w ??= new CsvWriter(this.root, `${this.rel}${this.selpaCode}.csv`, this.header, this.opts);
    this.w.rowNoNl(fields);
  }

  get rows(): number {
    return this.done.rows + (this.w?.rows ?? 0);
  }

  get bytes(): number {
    return this.done.bytes + (this.w?.bytes ?? 0);
  }

  private end(): void {
    if (!this.w) return;
    this.w.close();
    this.done.rows += this.w.rows;
    this.done.bytes += this.w.bytes;
    this.w = null;
  }

  close(): void {
    this.end();
  }
}
