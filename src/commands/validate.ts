import type { CommandModule } from 'yargs';
import { type CommonArgs, withCommon } from './common.js';
import { execute, printExecution } from './execute.js';

export const validateCommand: CommandModule<object, CommonArgs> = {
  command: 'validate [dir]',
  describe: 'load and verify every submission folder; write load/ and print the counts',
  builder: (y) => withCommon(y),
  handler: async (args) => {
    const ex = await execute(args, 'validate');
    printExecution(ex, args.json, 'validate');
    process.exitCode = ex.exitCode;
  },
};
