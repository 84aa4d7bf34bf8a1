// Golden-folder tests of whole `apr run`s: each folder of test/cases/ is a data folder; its expected
// output tree is test/golden/<case>/ (run.json compared without timings, paths and checksums).
// A missing golden is generated locally (never under CI=true); a mismatch writes <case>-changed/.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../src/commands/execute.js';
import type { CommonArgs } from '../src/commands/common.js';
import { FIXED_NOW } from './helpers/engine.js';

const CASES = 'test/cases';
const GOLDEN = 'test/golden';

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** run.json without what changes from run to run or machine to machine. */
function normaliseManifest(text: string): string {
  const m = JSON.parse(text) as Record<string, unknown>;
  delete m.steps_ms;
  delete m.data_dir;
  m.engine = '(engine)';
  m.inputs = (m.inputs as Record<string, unknown>[]).map(({ sha256: _s, ...rest }) => rest);
  m.indicators = (m.indicators as Record<string, unknown>[]).map(({ ms: _ms, ...rest }) => rest);
  return `${JSON.stringify(m, null, 2)}\n`;
}

const args = (dir: string, out: string): CommonArgs => ({ dir, out, profile: 'ca-ffy2008', format: 'csv,json', json: false, quiet: true, debug: false });

describe('golden runs', () => {
  for (const name of readdirSync(CASES).filter((n) => !n.startsWith('.'))) {
    it(`apr run ${CASES}/${name}`, async () => {
      const out = mkdtempSync(join(tmpdir(), `apr-golden-${name}-`));
      const ex = await execute(args(join(CASES, name), out), 'run', () => FIXED_NOW);
      expect(ex.exitCode).toBe(name.startsWith('reject-') ? 4 : 0);
      const expectedDir = join(GOLDEN, name);
      // The page is checked by test/report.test.ts (in a browser); its size would drown the golden diff.
      rmSync(join(out, 'report.html'), { force: true });
      if (!existsSync(expectedDir)) {
        if (process.env.CI === 'true') throw new Error(`missing golden ${expectedDir}`);
        cpSync(out, expectedDir, { recursive: true });
        console.warn(`! generating ${expectedDir}: review it by hand before committing`);
      }
      const actual = files(out);
      expect(actual).toEqual(files(expectedDir));
      const changed: string[] = [];
      for (const f of actual) {
        let a = readFileSync(join(out, f), 'utf8');
        let e = readFileSync(join(expectedDir, f), 'utf8');
        if (f === 'run.json') {
          a = normaliseManifest(a);
          e = normaliseManifest(e);
        }
        if (a !== e) changed.push(f);
      }
      if (changed.length && process.env.CI !== 'true') cpSync(out, `${expectedDir}-changed`, { recursive: true });
      else rmSync(`${expectedDir}-changed`, { recursive: true, force: true });
      expect(changed).toEqual([]);
      rmSync(out, { recursive: true, force: true });
    });
  }
});
