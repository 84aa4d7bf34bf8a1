import type { CommandModule } from 'yargs';
import { explainDistrict, explanationText } from '../engine/explain.js';
import { runPipeline } from '../engine/run.js';
import { type CommonArgs, dataOptions, DOCS, displayOptions, epilogue, onlyOption, openDb, progressFor, resolveCommon } from './common.js';

interface Args extends CommonArgs {
  district: string;
}

export const explainCommand: CommandModule<object, Args> = {
  command: 'explain [dir]',
  describe: "one district's figures for every indicator, each trigger and why",
  builder: (y) =>
    displayOptions(onlyOption(dataOptions(y), 'explain only these indicators (and those they use): ID,ID'))
      .option('district', { type: 'string', demandOption: true, requiresArg: true, describe: 'the district code (7 digits, DIST_RESI)' })
      .epilogue(epilogue(`What each figure, flag and threshold means: ${DOCS.outputs}.`, `Parameters: ${DOCS.parameters} (or apr params).`)),
  handler: async (args) => {
    const { cfg } = resolveCommon(args, 'run');
    const db = await openDb(args);
    const progress = progressFor(args);
    try {
      const result = await runPipeline(db, cfg, { log: (m) => progress.log(m), onProgress: progress.onProgress?.bind(progress), now: () => new Date() });
      progress.stop();
      const e = await explainDistrict(db, result, args.district.trim());
      process.stdout.write(args.json ? `${JSON.stringify(e, null, 2)}\n` : explanationText(e));
    } finally {
      progress.stop();
      db.close();
    }
  },
};
