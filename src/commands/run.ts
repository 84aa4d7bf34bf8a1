import type { CommandModule } from 'yargs';
import { type CommonArgs, dataOptions, DOCS, displayOptions, epilogue, formatOption, onlyOption, outOption } from './common.js';
import { execute, printExecution } from './execute.js';

export const runCommand: CommandModule<object, CommonArgs> = {
  command: 'run [dir]',
  describe: 'load, verify, compute every indicator and write every output',
  builder: (y) =>
    displayOptions(formatOption(outOption(onlyOption(dataOptions(y)))))
      .option('student-lists', {
        type: 'boolean',
        default: false,
        describe: 'also write restricted/<district>/<indicator>.csv: the cases behind each finding, by local STUDENT_ID only',
      })
      .epilogue(
        epilogue(
          `Input files, columns and verification codes: ${DOCS.inputs}.`,
          `Every output file and column: ${DOCS.outputs}.`,
          `Parameters: ${DOCS.parameters} (or apr params).`,
          'Exit codes: 0 done, 2 usage error, 3 input error, 4 done but a CASEMIS table rejected more rows than load.max_reject_rate.',
        ),
      ),
  handler: async (args) => {
    const ex = await execute(args, 'run');
    printExecution(ex, args.json, 'run');
    process.exitCode = ex.exitCode;
  },
};
