#!/usr/bin/env node
// The installed `apr` command (and `npm start`): the compiled CLI in dist/, in this process, when it is
// built and no source is newer; otherwise the TypeScript in src/ through tsx, so an edit is never run
// stale. `npm run build` (run by `npm ci`) builds dist/.
import { distIsFresh } from './fresh.js';

if (distIsFresh()) {
  await import('../dist/src/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
