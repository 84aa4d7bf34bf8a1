// Command line of the generators: [outDir] [--seed N].
import * as path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DEFAULT_SEED } from './build.ts';

export function genArgs(defaultOut: string): { out: string; seed: number } {
  const argv = yargs(hideBin(process.argv))
    .command('$0 [outDir]', 'write the synthetic data folder', (y) =>
      y.positional('outDir', { type: 'string', default: defaultOut, describe: 'folder to write' }),
    )
    .option('seed', { type: 'number', default: DEFAULT_SEED, describe: 'PRNG seed (same seed, same bytes)' })
    .strict()
    .parseSync();
  return { out: path.resolve(String(argv.outDir)), seed: argv.seed };
}
