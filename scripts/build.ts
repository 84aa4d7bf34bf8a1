// npm run build (and `npm ci`, through `prepare`): compiles src/ and indicators/ to dist/ in the repo's
// layout, then copies beside them the files the modules read through `new URL('…', import.meta.url)`
// (sql/, the indicators' .sql, src/profiles/, package.json), so every such URL resolves the same in
// dist/. bin/apr.js runs dist/ when dist/.built is newer than every source (BUILD_SOURCES).
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = `${root}dist/`;
// Taken before compiling: a source saved during the build leaves dist/ stale, not wrongly fresh.
const started = new Date();

// A clean dist/: sql/derive/ and sql/rules/set/ are read by listing their folder, so a deleted file must go.
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);

// Every file of these folders that tsc does not compile (the .ts sources, tests included, are not copied).
for (const dir of ['src', 'indicators', 'sql']) {
  cpSync(`${root}${dir}`, `${dist}${dir}`, { recursive: true, filter: (src) => !src.endsWith('.ts') });
}
cpSync(`${root}package.json`, `${dist}package.json`);

writeFileSync(`${dist}.built`, `${started.toISOString()}\n`);
utimesSync(`${dist}.built`, started, started);
