// `apr` (bin/apr.js), `npm run apr --` and `npm start --`: one command line, src/commands/main.ts.
import { hideBin } from 'yargs/helpers';
import { main } from './commands/main.js';

// `apr params | head`: a reader that stops early is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

process.exitCode = await main(hideBin(process.argv));
