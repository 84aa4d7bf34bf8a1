import type { CommandModule } from 'yargs';
import { explainDistrict, explanationText } from '../engine/explain.js';
import { runPipeline } from '../engine/run.js';
import { type CommonArgs, openDb, resolveCommon, withCommon } from './common.js';

interface Args extends CommonArgs {
  district: string;
}

export const explainCommand: CommandModule<object, Args> = {
  command: 'explain [dir]',
  describe: "one district's figures for every indicator, each trigger and why",
  builder: (y) =>
    withCommon(y).option('district', { type: 'string', demandOption: true, describe: 'the district code (7 digits, DIST_RESI)' }),
  handler: async (args) => {
    const { cfg } = resolveCommon(args, 'run');
    const db = await openDb(args);
    try {
      const log = (m: string): void => {
        if (!args.quiet && process.stderr.isTTY) process.stderr.write(`${m}\n`);
      };
      const result = await runPipeline(db, cfg, { log, now: () => new Date() });
      const e = await explainDistrict(db, result, args.district.trim());
      process.stdout.write(args.json ? `${JSON.stringify(e, null, 2)}\n` : explanationText(e));
    } finally {
      db.close();
    }
  },
};
