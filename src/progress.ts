// What a person waits for, on stderr: files and rows loaded, the indicator being computed, the time
// so far. A bar only on a terminal and never with --json or --quiet, so stdout and logs stay clean.
import cliProgress from 'cli-progress';
import type { ProgressEvent } from './engine/run.js';

export type ProgressMode = 'bar' | 'lines' | 'none';

export interface ProgressChoice {
  /** Whether stderr is a terminal (`process.stderr.isTTY`). */
  isTTY: boolean | undefined;
  json: boolean;
  quiet: boolean;
  debug: boolean;
}

/**
 * A bar on a terminal; the plain step lines of before with --debug (its SQL timings would break a
 * bar); nothing otherwise, and nothing with --quiet.
 */
export function progressMode(c: ProgressChoice): ProgressMode {
  if (c.quiet) return 'none';
  if (c.debug) return 'lines';
  if (c.json || c.isTTY !== true) return 'none';
  return 'bar';
}

export interface Progress {
  log(message: string): void;
  /** A line a person must see (a load warning), even with --quiet; above the bar when there is one. */
  warn(line: string): void;
  onProgress?(event: ProgressEvent): void;
  /** Clears the bar (call it in a `finally`: its redraw timer keeps the process alive). */
  stop(): void;
}

/** m:ss, or h:mm:ss past an hour. */
export function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  const mmss = `${Math.floor((s % 3600) / 60)}:${String(s % 60).padStart(2, '0')}`;
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss.padStart(5, '0')}` : mmss;
}

const n = (x: number): string => x.toLocaleString('en-US');

/** `120/480 MB` once the inputs are large enough for it to tell something. */
function megabytes(done: number, total: number): string {
  if (total < 1e6) return '';
  const mb = (b: number): string => (total >= 1e7 ? String(Math.round(b / 1e6)) : (b / 1e6).toFixed(1));
  return `, ${mb(done)}/${mb(total)} MB`;
}

interface State {
  label: string;
  /** Share done 0..1, or null when the step has no count (derive, writing). */
  share: number | null;
  counts: string;
  detail: string;
}

/**
 * One line of the bar, at most `width` characters: a long file path loses its start first (its
 * end names the file), then the line is cut.
 */
export function renderLine(s: State, ms: number, width: number): string {
  const BAR = 20;
  const filled = s.share === null ? 0 : Math.round(Math.min(1, Math.max(0, s.share)) * BAR);
  const bar = s.share === null ? '' : `${'█'.repeat(filled)}${'░'.repeat(BAR - filled)}`;
  const time = elapsed(ms);
  const head = [s.label, bar, s.counts].filter(Boolean).join('  ');
  const room = width - head.length - time.length - 4;
  let detail = s.detail;
  if (detail.length > room) detail = room >= 8 ? `…${detail.slice(detail.length - room + 1)}` : '';
  let line = detail ? `${head}  ${detail}` : head;
  if (line.length > width - time.length - 2) line = `${line.slice(0, Math.max(0, width - time.length - 3))}…`;
  return `${line}  ${time}`;
}

export function createProgress(mode: ProgressMode, stream: NodeJS.WritableStream = process.stderr, now: () => number = Date.now): Progress {
  const warn = (line: string): void => void stream.write(`${line}\n`);
  if (mode === 'none') return { log: () => undefined, warn, stop: () => undefined };
  if (mode === 'lines') return { log: (m) => void stream.write(`${m}\n`), warn, stop: () => undefined };

  const start = now();
  const state: State = { label: 'starting', share: null, counts: '', detail: '' };
  const multi = new cliProgress.MultiBar({
    stream,
    format: (_o, params) => renderLine(state, now() - start, params.maxWidth - 1),
    clearOnComplete: true,
    hideCursor: false,
    // Its SIGINT handler would keep Ctrl-C from ending the run.
    gracefulExit: false,
    fps: 4,
  });
  multi.create(1, 0);
  let stopped = false;
  const redraw = (): void => {
    if (!stopped) multi.update();
  };
  return {
    // Step notes (`derive …`, `indicator 5 …`, the --db reuse) become the bar's label.
    log: (m) => {
      const text = m.replace(/ …$/, '');
      if (/^indicator /.test(text)) return;
      Object.assign(state, { label: text, share: null, counts: '', detail: '' });
      redraw();
    },
    warn: (line) => {
      if (stopped) warn(line);
      else multi.log(`${line}\n`);
    },
    onProgress: (e) => {
      if (e.stage === 'indicator') {
        Object.assign(state, { label: `indicator ${e.id}`, share: e.total ? e.done / e.total : 1, counts: `${e.done}/${e.total} indicators`, detail: '' });
      } else {
        Object.assign(state, {
          label: e.verifying ? 'verifying' : 'loading',
          share: e.bytesTotal ? e.bytesDone / e.bytesTotal : e.files ? e.filesDone / e.files : 1,
          counts: `${e.filesDone}/${e.files} files, ${n(e.rowsDone)} rows${megabytes(e.bytesDone, e.bytesTotal)}`,
          detail: e.verifying ?? e.file ?? '',
        });
      }
      redraw();
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      multi.stop();
    },
  };
}
