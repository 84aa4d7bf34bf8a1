import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { explainCommand } from './commands/explain.js';
import { indicatorsCommand } from './commands/indicators.js';
import { paramsCommand } from './commands/params.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { whatifCommand } from './commands/whatif.js';
import { AprError, UsageError } from './errors.js';

const argv = hideBin(process.argv);
const json = argv.includes('--json');
const debug = argv.includes('--debug');

function fail(err: unknown): void {
  if (err instanceof AprError) {
    if (json) process.stderr.write(`${JSON.stringify({ error: err.message, code: err.code })}\n`);
    else process.stderr.write(`apr: ${err.message}\n`);
    if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = err.exitCode;
    return;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  if (json) process.stderr.write(`${JSON.stringify({ error: e.message, code: 'internal' })}\n`);
  else process.stderr.write(`apr: internal error: ${e.message}\n${debug ? `${e.stack ?? ''}\n` : 'Run with --debug for the stack trace.\n'}`);
  process.exitCode = 1;
}

try {
  await yargs(argv)
    .scriptName('apr')
    .command(runCommand)
    .command(validateCommand)
    .command(whatifCommand)
    .command(explainCommand)
    .command(paramsCommand)
    .command(indicatorsCommand)
    .demandCommand(1, 'name a command: run, validate, whatif, explain, params, indicators')
    .strict()
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    })
    .help()
    .parseAsync();
} catch (err) {
  fail(err);
}
