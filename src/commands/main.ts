// The command line as one function, so `apr`, `npm start --` and the tests take the same path.
import { existsSync, readFileSync, statSync } from 'node:fs';
import yargs, { type CommandModule } from 'yargs';
import { AprError, UsageError } from '../errors.js';
import { DOCS } from './common.js';
import { explainCommand } from './explain.js';
import { indicatorsCommand } from './indicators.js';
import { paramsCommand } from './params.js';
import { runCommand } from './run.js';
import { validateCommand } from './validate.js';
import { whatifCommand } from './whatif.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const COMMANDS = [runCommand, validateCommand, whatifCommand, explainCommand, paramsCommand, indicatorsCommand] as CommandModule[];
const usage = (c: CommandModule): string => String(c.command);
export const COMMAND_NAMES = COMMANDS.map((c) => usage(c).split(' ')[0]!);

function commandList(): string {
  const width = Math.max(...COMMANDS.map((c) => usage(c).length));
  return COMMANDS.map((c) => `  apr ${usage(c).padEnd(width)}  ${String(c.describe)}`).join('\n');
}

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();

/**
 * `apr` alone is `apr run` (on data-samples/, as `npm start` does); `apr <folder> …` and
 * `apr --option …` are `apr run …`. Any other first word is an unknown command.
 */
export function routeArgv(argv: string[], dirExists: (p: string) => boolean = isDir): string[] {
  const first = argv[0];
  if (first === undefined) return ['run'];
  if (COMMAND_NAMES.includes(first)) return argv;
  if (first === 'help') return argv.length > 1 ? [...argv.slice(1), '--help'] : ['--help'];
  if (first.startsWith('-')) {
    if (['--help', '-h', '--version'].includes(first)) return argv;
    // Options before the command (`apr --quiet validate x`) are read by yargs as they are.
    return argv.some((a) => COMMAND_NAMES.includes(a)) ? argv : ['run', ...argv];
  }
  // A path (it has a slash) is a folder even when missing: `apr run` then says it is not found (exit 3).
  if (dirExists(first) || /[/\\]/.test(first)) return ['run', ...argv];
  throw new UsageError(`unknown command: ${first}\nThe commands are:\n${commandList()}\n(a data folder as the first argument means apr run <folder>)`);
}

/**
 * yargs names an unknown option once per spelling and has no word for it being an option: say
 * `unknown option --bogus-opt`, or `unexpected argument "x"` for a word no positional takes.
 */
export function unknownArgumentMessage(msg: string, argv: string[], command: string | undefined): string {
  const m = /^Unknown arguments?: (.*)$/s.exec(msg);
  if (!m) return msg;
  const names = [...new Set(m[1]!.split(', ').map((s) => s.trim()))];
  const asOption = (n: string): boolean => argv.some((a) => a === `--${n}` || a.startsWith(`--${n}=`) || a === `--no-${n}` || a === `-${n}`);
  const parts = names.map((n) => (asOption(n) ? `unknown option ${n.length === 1 ? '-' : '--'}${n}` : `unexpected argument "${n}"`));
  return `${parts.join('; ')} (apr ${command ?? ''}${command ? ' ' : ''}--help lists the options)`;
}

/** Options a person repeats on purpose (declared `array: true`). */
const REPEATABLE = new Set(['param', 'vary']);

/** `--out a --out b` would reach a command as a list: say so instead. A repeated flag is harmless. */
function singleValues(args: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(args)) {
    if (k !== '_' && Array.isArray(v) && !REPEATABLE.has(k) && v.some((x) => typeof x !== 'boolean')) {
      throw new UsageError(`--${k} is given ${v.length} times (${v.join(', ')}); give it once`);
    }
  }
}

function fail(err: unknown, json: boolean, debug: boolean): number {
  if (err instanceof AprError) {
    if (json) process.stderr.write(`${JSON.stringify({ error: err.message, code: err.code })}\n`);
    else process.stderr.write(`apr: ${err.message}\n`);
    if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
    return err.exitCode;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  if (json) process.stderr.write(`${JSON.stringify({ error: e.message, code: 'internal' })}\n`);
  else process.stderr.write(`apr: internal error: ${e.message}\n${debug ? `${e.stack ?? ''}\n` : 'Run with --debug for the stack trace.\n'}`);
  return 1;
}

/** Runs one command line (without `node apr`) and returns its exit code; output goes to stdout/stderr. */
export async function main(rawArgv: string[]): Promise<number> {
  const json = rawArgv.includes('--json');
  const debug = rawArgv.includes('--debug');
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    const argv = routeArgv(rawArgv);
    const command = COMMAND_NAMES.find((c) => argv.includes(c));
    let help = '';
    let y = yargs(argv)
      .scriptName('apr')
      .usage('apr <command> [dir] [options]\n\nThe IDEA Part B Annual Performance Report from CASEMIS data.')
      // One spelling per option: `--student-lists`, never also `--studentLists` (nor twice in errors).
      .parserConfiguration({ 'camel-case-expansion': false });
    for (const c of COMMANDS) y = y.command(c);
    await y
      // `--out a --out b` would reach a command as a list: say so instead (--param, --vary repeat by design).
      .middleware(singleValues, true)
      .strict()
      .fail((msg, err) => {
        // yargs' own complaints (an option given without its value) are usage errors too
        if (err?.name === 'YError') throw new UsageError(err.message.replace(/^Not enough arguments following: (.+)$/, '--$1 needs a value'));
        if (err) throw err;
        throw new UsageError(unknownArgumentMessage(msg, argv, command));
      })
      .help()
      .alias('help', 'h')
      .version(VERSION)
      .epilogue(
        [
          'apr alone (and npm start) runs every indicator on data-samples/; apr <folder> is apr run <folder>.',
          'npm start -- <anything> is apr <anything>. apr <command> --help lists the options of a command.',
          '',
          'Documentation in this repository:',
          `  ${DOCS.readme.padEnd(18)}  getting started, examples`,
          `  ${DOCS.inputs.padEnd(18)}  input files, columns, code lists, verification codes`,
          `  ${DOCS.outputs.padEnd(18)}  every output file and column`,
          `  ${DOCS.parameters.padEnd(18)}  every parameter`,
        ].join('\n'),
      )
      .wrap(Math.min(120, process.stdout.columns || 100))
      // With a callback yargs hands over help and version text instead of printing it and exiting.
      .parseAsync(argv, {}, (_err, _args, output) => {
        help = output;
      });
    if (help) process.stdout.write(`${help}\n`);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return fail(err, json, debug);
  } finally {
    process.exitCode = before;
  }
}
