// The compiled CLI (dist/, `npm run build`, run by `npm ci`) finds the files its modules read beside them:
// package.json (read by every command), the profiles, sql/macros.sql, the row and set rules, sql/derive/ and the indicators' SQL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distIsFresh } from '../bin/fresh.js';

const fresh = distIsFresh();
if (!fresh && process.env.CI === 'true') throw new Error('dist/ is not built or older than the sources (npm run build)');

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

const dist = (...args: string[]) => spawnSync(process.execPath, ['dist/src/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });

describe.skipIf(!fresh)('the compiled CLI (skipped when dist/ is not built or older than src/: npm run build)', () => {
  it('apr run test/cases/reject-mini writes the golden files', () => {
    const out = mkdtempSync(join(tmpdir(), 'apr-dist-'));
    const r = dist('run', 'test/cases/reject-mini', '--out', out, '--format', 'csv,json', '--quiet');
    expect(r.status, r.stderr).toBe(4);
    const written = files(out);
    expect(written).toContain('report.html');
    // run.json holds the clock and timings (test/golden.test.ts pins them); every other file is the golden's
    const compared = written.filter((f) => f !== 'run.json' && f !== 'report.html');
    expect(compared).toEqual(files('test/golden/reject-mini').filter((f) => f !== 'run.json'));
    for (const f of compared) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join('test/golden/reject-mini', f), 'utf8'));
    rmSync(out, { recursive: true, force: true });
  });
});
