// `apr` (bin/apr.js), `npm run apr --` and `npm start --`: one command line, src/commands/main.ts.
import { hideBin } from 'yargs/helpers';
import { main } from './commands/main.js';

process.exitCode = await main(hideBin(process.argv));
