// Command line of the generators: [outDir] [--seed N] (gen-statewide also: [--per-selpa] [--scale S]).
import * as path from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DEFAULT_SEED } from './build.ts';

export function genArgs(
  defaultOut: string,
  allow: { perSelpa?: boolean; scale?: boolean } = {},
): { out: string; seed: number; perSelpa: boolean; scale: number } {
  let y = yargs(hideBin(process.argv))
    .command('$0 [outDir]', 'write the synthetic data folder', (y) =>
      y.positional('outDir', { type: 'string', default: defaultOut, describe: 'folder to write' }),
    )
    .option('seed', { type: 'number', default: DEFAULT_SEED, describe: 'PRNG seed (same seed, same bytes)' });
  if (allow.perSelpa) {
    y = y.option('per-selpa', { type: 'boolean', default: false, describe: 'each CASEMIS table as casemis/<period>/table_x/<selpa>.csv (DATA-CONTRACT.md 1)' });
  }
  if (allow.scale) {
    y = y.option('scale', { type: 'number', default: 1, describe: 'multiply the student base and what is sized by it (SELPAs, districts fixed)' });
  }
  const argv = y.strict().parseSync();
  const scale = Number((argv as { scale?: number }).scale ?? 1);
  if (!(scale > 0)) {
    console.error(`--scale: expected a number > 0, got ${String(scale)}`);
    process.exit(2);
  }
  return { out: path.resolve(String(argv.outDir)), seed: argv.seed, perSelpa: (argv as { 'per-selpa'?: boolean })['per-selpa'] === true, scale };
}
