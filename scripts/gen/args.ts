// Command line of the generators: [outDir] [--seed N] (gen-statewide also: [--per-selpa]).
import * as path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DEFAULT_SEED } from './build.ts';

export function genArgs(defaultOut: string, allow: { perSelpa?: boolean } = {}): { out: string; seed: number; perSelpa: boolean } {
  let y = yargs(hideBin(process.argv))
    .command('$0 [outDir]', 'write the synthetic data folder', (y) =>
      y.positional('outDir', { type: 'string', default: defaultOut, describe: 'folder to write' }),
    )
    .option('seed', { type: 'number', default: DEFAULT_SEED, describe: 'PRNG seed (same seed, same bytes)' });
  if (allow.perSelpa) {
    y = y.option('per-selpa', { type: 'boolean', default: false, describe: 'each CASEMIS table as casemis/<period>/table_x/<selpa>.csv (DATA-CONTRACT.md 1)' });
  }
  const argv = y.strict().parseSync();
  return { out: path.resolve(String(argv.outDir)), seed: argv.seed, perSelpa: argv['per-selpa'] === true };
}
