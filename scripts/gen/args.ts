// Command line of the generators: [outDir] [--seed N] (statewide also [--scale S]).
import * as path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DEFAULT_SEED } from './build.ts';

export function genArgs(defaultOut: string, opts: { scale?: boolean } = {}): { out: string; seed: number; scale: number } {
  let y = yargs(hideBin(process.argv))
    .command('$0 [outDir]', 'write the synthetic data folder', (y) =>
      y.positional('outDir', { type: 'string', default: defaultOut, describe: 'folder to write' }),
    )
    .option('seed', { type: 'number', default: DEFAULT_SEED, describe: 'PRNG seed (same seed, same bytes)' });
  if (opts.scale) {
    y = y.option('scale', { type: 'number', default: 1, describe: 'multiply the student base and what is sized by it (SELPAs, districts fixed)' });
  }
  const argv = y.strict().parseSync();
  const scale = Number((argv as { scale?: number }).scale ?? 1);
  if (!(scale > 0)) {
    console.error(`--scale: expected a number > 0, got ${String(scale)}`);
    process.exit(2);
  }
  return { out: path.resolve(String(argv.outDir)), seed: argv.seed, scale };
}
