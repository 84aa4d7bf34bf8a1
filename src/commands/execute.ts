import { readFileSync } from 'node:fs';
import { runPipeline, type RunConfig, type RunResult } from '../engine/run.js';
import { writeRun } from '../write/write.js';
import { type CommonArgs, openDb, progressFor, resolveCommon } from './common.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface Execution {
  result: RunResult;
  outDir: string;
  exitCode: number;
  /** load.max_reject_rate of the run (the limit behind exit 4). */
  maxRejectRate: number;
}

/** `apr run` and `apr validate`: the same pipeline, the latter stopping after verification. */
export async function execute(args: CommonArgs, mode: RunConfig['mode'], now: () => Date = () => new Date()): Promise<Execution> {
  const { cfg, formats, outDir } = resolveCommon(args, mode);
  const progress = progressFor(args);
  const db = await openDb(args);
  try {
    const result = await runPipeline(db, cfg, { log: (m) => progress.log(m), onProgress: progress.onProgress?.bind(progress), now });
    progress.log(`writing ${outDir}/ …`);
    for (const w of result.load.warnings) progress.warn(args.json ? JSON.stringify({ warning: w.message, code: w.code }) : `apr: warning: ${w.message}`);
    await writeRun(db, cfg, result, outDir, { engineVersion: VERSION, finishedAt: now().toISOString(), formats, studentLists: args['student-lists'] === true });
    return { result, outDir, exitCode: result.rejectRateExceeded.length ? 4 : 0, maxRejectRate: Number(cfg.params.values['load.max_reject_rate']) };
  } finally {
    progress.stop();
    db.close();
  }
}

const percent = (share: number, digits: number): string => `${Number((100 * share).toFixed(digits))}%`;

/** `table_a` → `Table A`; other kinds keep their file name. */
function tableName(kind: string): string {
  const m = /^table_([a-d])$/.exec(kind);
  return m ? `CASEMIS Table ${m[1]!.toUpperCase()}` : kind;
}

/** Why the exit is 4, one line per CASEMIS table over the limit: the table, its rate, the limit. */
export function rejectRateLines(ex: Execution): string[] {
  return ex.result.rejectRateExceeded.map((x) => {
    const f = ex.result.load.files.find((s) => s.file === x.file);
    const what = f ? `${tableName(f.kind)}${f.period ? ` of ${f.period}` : ''}` : 'CASEMIS table';
    const counts = f ? ` (${f.rows_rejected} of ${f.rows_read} rows)` : '';
    return `${x.file} (${what}): ${percent(x.rate, 2)} of its rows rejected${counts}, above the limit load.max_reject_rate = ${percent(ex.maxRejectRate, 4)} (exit 4; the rows are in ${ex.outDir}/load/rejects.csv)`;
  });
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function printExecution(ex: Execution, json: boolean, mode: RunConfig['mode']): void {
  const { result } = ex;
  // The reject-rate lines explain a non-zero exit: stderr, like every other reason for one.
  const rejects = rejectRateLines(ex);
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ out: ex.outDir, exit_code: ex.exitCode, load: result.load.files, summary: mode === 'run' ? result.summary : undefined, reject_rate_exceeded: result.rejectRateExceeded, max_reject_rate: ex.maxRejectRate }, null, 2)}\n`,
    );
    for (const [i, line] of rejects.entries()) process.stderr.write(`${JSON.stringify({ warning: line, code: 'reject_rate', ...result.rejectRateExceeded[i], limit: ex.maxRejectRate })}\n`);
    return;
  }
  const lines: string[] = [];
  lines.push('file                                         read  loaded  rejected  warnings');
  for (const f of result.load.files) {
    lines.push(`${pad(f.file, 42)} ${String(f.rows_read).padStart(7)} ${String(f.rows_loaded).padStart(7)} ${String(f.rows_rejected).padStart(9)} ${String(f.warnings).padStart(9)}`);
  }
  if (mode === 'run') {
    lines.push('', 'measure       value     numerator / denominator   target  met  status');
    for (const s of result.summary) {
      const nd = s.numerator === null ? '' : `${s.numerator} / ${s.denominator}`;
      lines.push(`${pad(s.id, 13)} ${pad(s.display, 9)} ${pad(nd, 25)} ${pad(s.target === null ? '' : String(s.target), 7)} ${pad(s.target_met, 4)} ${s.status}`);
    }
  }
  lines.push('', `written to ${ex.outDir}/`);
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const line of rejects) process.stderr.write(`apr: ${line}\n`);
}
