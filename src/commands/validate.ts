import type { CommandModule } from 'yargs';
import { type CommonArgs, dataOptions, DOCS, displayOptions, epilogue, outOption } from './common.js';
import { execute, printExecution } from './execute.js';

export const validateCommand: CommandModule<object, CommonArgs> = {
  command: 'validate [dir]',
  describe: 'load and verify every submission folder; write load/ and print the counts',
  builder: (y) =>
    displayOptions(outOption(dataOptions(y), 'output folder (default reports/<profile>); load/ in it is replaced')).epilogue(
      epilogue(
        `Input files, columns and verification codes: ${DOCS.inputs}.`,
        `The load/ files (summary, rejects): ${DOCS.outputs}.`,
        'Exit codes: 0 done, 2 usage error, 3 input error, 4 done but a CASEMIS table rejected more rows than load.max_reject_rate.',
      ),
    ),
  handler: async (args) => {
    const ex = await execute(args, 'validate');
    printExecution(ex, args.json, 'validate');
    process.exitCode = ex.exitCode;
  },
};
