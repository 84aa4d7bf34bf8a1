import { readFileSync } from 'node:fs';
import { runPipeline, type RunConfig, type RunResult } from '../engine/run.js';
import { writeRun } from '../write/write.js';
import { type CommonArgs, openDb, resolveCommon } from './common.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface Execution {
  result: RunResult;
  outDir: string;
  exitCode: number;
}

/** `apr run` and `apr validate`: the same pipeline, the latter stopping after verification. */
export async function execute(args: CommonArgs, mode: RunConfig['mode'], now: () => Date = () => new Date()): Promise<Execution> {
  const { cfg, formats, outDir } = resolveCommon(args, mode);
  const showProgress = !args.quiet && (process.stderr.isTTY || args.debug);
  const db = await openDb(args);
  try {
    const result = await runPipeline(db, cfg, { log: (m) => showProgress && process.stderr.write(`${m}\n`), now });
    for (const w of result.load.warnings) process.stderr.write(args.json ? `${JSON.stringify({ warning: w.message, code: w.code })}\n` : `apr: warning: ${w.message}\n`);
    await writeRun(db, cfg, result, outDir, { engineVersion: VERSION, finishedAt: now().toISOString(), formats, studentLists: args['student-lists'] === true });
    return { result, outDir, exitCode: result.rejectRateExceeded.length ? 4 : 0 };
  } finally {
    db.close();
  }
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function printExecution(ex: Execution, json: boolean, mode: RunConfig['mode']): void {
  const { result } = ex;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ out: ex.outDir, exit_code: ex.exitCode, load: result.load.files, summary: mode === 'run' ? result.summary : undefined, reject_rate_exceeded: result.rejectRateExceeded }, null, 2)}\n`,
    );
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
  for (const x of result.rejectRateExceeded) lines.push(`reject rate ${(100 * x.rate).toFixed(2)}% above load.max_reject_rate in ${x.file}`);
  lines.push('', `written to ${ex.outDir}/`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
