// Terminal progress (src/progress.ts): when a bar is shown, and what it says, on a fake stream.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, elapsed, progressMode, renderLine } from '../src/progress.js';

/** A stream that says it is a terminal of `columns` width and keeps what is written to it. */
class FakeTerminal extends Writable {
  readonly isTTY: boolean;
  readonly columns = 100;
  text = '';
  constructor(isTTY = true) {
    super();
    this.isTTY = isTTY;
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString('utf8');
    cb();
  }
  /** What a person sees last on the line: the text after the last carriage move, escapes removed. */
  get lastLine(): string {
    // eslint-disable-next-line no-control-regex
    const plain = this.text.replace(/\x1B\[\?7[hl]/g, '').replace(/\x1B\[[0-9;]*G/g, '\r').replace(/\x1B\[[0-9;]*[A-Za-z]/g, '');
    const lines = plain.split('\r').filter((l) => l.trim());
    return lines.at(-1) ?? '';
  }
}

describe('progress mode', () => {
  it('a bar only on a terminal, never with --json or --quiet; --debug keeps the plain step lines', () => {
    const base = { isTTY: true, json: false, quiet: false, debug: false };
    expect(progressMode(base)).toBe('bar');
    expect(progressMode({ ...base, isTTY: false })).toBe('none');
    expect(progressMode({ ...base, isTTY: undefined })).toBe('none');
    expect(progressMode({ ...base, json: true })).toBe('none');
    expect(progressMode({ ...base, quiet: true })).toBe('none');
    expect(progressMode({ ...base, quiet: true, debug: true })).toBe('none');
    expect(progressMode({ ...base, debug: true })).toBe('lines');
    expect(progressMode({ ...base, isTTY: false, debug: true })).toBe('lines');
  });
});

describe('progress bar', () => {
  it('shows files and rows loaded of the total, the file, then the indicator being computed, and the time so far', () => {
    const term = new FakeTerminal();
    let t = 1_000_000;
    const p = createProgress('bar', term, () => t);
    try {
      p.log('load and verify …');
      t += 12_000;
      // 2 of 7 files read (3,000 of 12,000 bytes), 1,234 rows so far, the third file starting
      p.onProgress!({ stage: 'load', file: 'casemis/2008-12/table_a.csv', filesDone: 2, files: 7, rowsDone: 1234, bytesDone: 3000, bytesTotal: 12000 });
      expect(term.lastLine).toContain('loading');
      expect(term.lastLine).toContain('2/7 files, 1,234 rows');
      expect(term.lastLine).toContain('casemis/2008-12/table_a.csv');
      expect(term.lastLine).toMatch(/0:12$/);
      // a quarter of the bytes: 5 of 20 cells filled
      expect(term.lastLine).toContain(`${'█'.repeat(5)}${'░'.repeat(15)}`);

      t += 61_000;
      p.onProgress!({ stage: 'indicator', id: '5', done: 4, total: 20 });
      p.log('indicator 5 …');
      expect(term.lastLine).toContain('indicator 5');
      expect(term.lastLine).toContain('4/20 indicators');
      expect(term.lastLine).toMatch(/1:13$/);

      p.log('writing reports/ca-ffy2008/ …');
      expect(term.lastLine).toMatch(/^writing reports\/ca-ffy2008\/ +1:13$/);
    } finally {
      p.stop();
    }
    // the bar is cleared at the end: the last thing written erases the line
    expect(term.text.endsWith('\x1B[0J')).toBe(true);
  });

  it('writes nothing in mode none, plain lines in mode lines', () => {
    const none = new FakeTerminal();
    const p = createProgress('none', none);
    p.log('load and verify …');
    p.onProgress?.({ stage: 'indicator', id: '5', done: 0, total: 1 });
    p.stop();
    expect(none.text).toBe('');
    const lines = new FakeTerminal(false);
    const q = createProgress('lines', lines);
    q.log('load and verify …');
    q.log('indicator 5 …');
    q.stop();
    expect(lines.text).toBe('load and verify …\nindicator 5 …\n');
  });

  it('a long path loses its start, never the file name; the line fits the width', () => {
    const state = { label: 'loading', share: 0.5, counts: '3/7 files, 10 rows', detail: `${'x/'.repeat(60)}casemis/2008-12/table_a.csv` };
    const line = renderLine(state, 5000, 100);
    expect(line.length).toBeLessThanOrEqual(100);
    expect(line).toMatch(/^loading {2}█{10}░{10} {2}3\/7 files, 10 rows {2}…[x/]+casemis\/2008-12\/table_a\.csv {2}0:05$/);
    const narrow = renderLine(state, 5000, 70);
    expect(narrow.length).toBeLessThanOrEqual(70);
    expect(narrow).toMatch(/…[^ ]*table_a\.csv {2}0:05$/);
    expect(elapsed(3_725_000)).toBe('1:02:05');
    expect(elapsed(59_999)).toBe('0:59');
  });
});
