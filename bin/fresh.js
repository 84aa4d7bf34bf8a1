// Whether dist/ may be run: `npm run build` stamped dist/.built, and no source is newer (bin/apr.js, test/build.test.ts).
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** dist/.built is newer than every file and folder the build reads (a folder's time catches a deleted file); tests are not read. */
export function distIsFresh() {
  const stamp = statSync(`${root}dist/.built`, { throwIfNoEntry: false })?.mtimeMs;
  if (stamp === undefined) return false;
  // string paths: URLs make the ~250 stats several times slower
  const newer = (path) => statSync(path).mtimeMs > stamp;
  const tree = (dir) =>
    newer(dir) ||
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? tree(`${dir}/${e.name}`) : !e.name.endsWith('.test.ts') && newer(`${dir}/${e.name}`),
    );
  return (
    !['package.json', 'tsconfig.json', 'tsconfig.build.json'].some((f) => newer(root + f)) &&
    !['src', 'indicators', 'sql'].some((d) => tree(root + d))
  );
}
