import type { CommandModule } from 'yargs';
import { type CommonArgs, withCommon } from './common.js';
import { execute, printExecution } from './execute.js';

export const runCommand: CommandModule<object, CommonArgs> = {
  command: 'run [dir]',
  describe: 'load, verify, compute every indicator and write every output',
  builder: (y) =>
    withCommon(y).option('student-lists', {
      type: 'boolean',
      default: false,
      describe: 'also write restricted/<district>/<indicator>.csv: the cases behind each finding, by local STUDENT_ID only',
    }),
  handler: async (args) => {
    const ex = await execute(args, 'run');
    printExecution(ex, args.json, 'run');
    process.exitCode = ex.exitCode;
  },
};
