// The command line in-process (src/commands/main.ts, what `apr` and `npm start --` run): routing,
// usage errors a person can act on, per-command help, the reject-rate lines. Spawned end-to-end
// checks are in cli.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main, routeArgv } from '../src/commands/main.js';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    out.push(String(c));
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    err.push(String(c));
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const noStack = (s: string): void => expect(s).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
const tmp = (): string => mkdtempSync(join(tmpdir(), 'apr-usage-'));

describe('routing: npm start -- <anything> is apr <anything>', () => {
  it('no arguments run data-samples; a folder first is run <folder>; options alone are run', () => {
    expect(routeArgv([])).toEqual(['run']);
    expect(routeArgv(['validate', 'x'])).toEqual(['validate', 'x']);
    expect(routeArgv(['/my/folder', '--quiet'], () => false)).toEqual(['run', '/my/folder', '--quiet']);
    expect(routeArgv(['samples'], (p) => p === 'samples')).toEqual(['run', 'samples']);
    expect(routeArgv(['--only', '5', '--param', 'ind5.min_age=3'])).toEqual(['run', '--only', '5', '--param', 'ind5.min_age=3']);
    expect(routeArgv(['--quiet', 'validate', 'x'])).toEqual(['--quiet', 'validate', 'x']);
    expect(routeArgv(['--help'])).toEqual(['--help']);
    expect(routeArgv(['help', 'run'])).toEqual(['run', '--help']);
  });

  it('an unknown command says so and lists the commands (exit 2)', async () => {
    const r = await cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^apr: unknown command: frobnicate\n/);
    for (const c of ['run [dir]', 'validate [dir]', 'whatif [dir]', 'explain [dir]', 'params', 'indicators']) expect(r.stderr).toContain(`apr ${c}`);
    noStack(r.stderr);
  });

  it('an unknown option is named once, as an option', async () => {
    const r = await cli('run', '--bogus-opt', '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('apr: unknown option --bogus-opt (apr run --help lists the options)\n');
    const two = await cli('validate', 'a', 'b');
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('unexpected argument "b"');
  });
});

describe('--out and other options without their value (exit 2 naming the option)', () => {
  it('without a value, at a file, under a file', async () => {
    const dir = tmp();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'mine');
    const none = await cli('run', 'test/cases/reject-mini', '--out');
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('apr: --out needs a folder: --out DIR\n');
    const atFile = await cli('validate', 'test/cases/reject-mini', '--out', file);
    expect(atFile.code).toBe(2);
    expect(atFile.stderr).toContain(`--out ${file} is a file`);
    const under = await cli('whatif', 'test/cases/reject-mini', '--out', join(file, 'sub'), '--vary', 'ind9.k=1,2');
    expect(under.code).toBe(2);
    expect(under.stderr).toContain(`--out ${join(file, 'sub')}: ${file} is a file`);
    noStack(under.stderr);
    // the other options that need a value say so too
    expect((await cli('run', 'test/cases/reject-mini', '--param')).stderr).toBe('apr: --param needs NAME=VALUE (apr params lists the names)\n');
    expect((await cli('run', 'test/cases/reject-mini', '--params')).stderr).toBe('apr: --params needs a JSON file: --params FILE.json\n');
    expect((await cli('run', 'test/cases/reject-mini', '--db')).stderr).toBe('apr: --db needs a file: --db FILE\n');
    // given twice, an option would reach the command as a list
    const twice = await cli('run', 'test/cases/reject-mini', '--out', 'a', '--out', 'b');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('apr: --out is given 2 times (a, b); give it once\n');
  });
});

describe('parameter errors say what was given and what is allowed', () => {
  it('a value of the wrong kind or out of range, from --param or a --params file', async () => {
    const abc = await cli('run', 'test/cases/reject-mini', '--param', 'ind5.min_age=abc');
    expect(abc.code).toBe(2);
    expect(abc.stderr).toBe('apr: ind5.min_age: expected a whole number 0..22, got "abc" (--param)\n');
    const neg = await cli('run', 'test/cases/reject-mini', '--param', 'ind3.min_n=-1');
    expect(neg.stderr).toBe('apr: ind3.min_n: expected a whole number ≥ 0, got -1 (--param)\n');
    const frac = await cli('run', 'test/cases/reject-mini', '--param', 'ind11.days=2.5');
    expect(frac.stderr).toBe('apr: ind11.days: expected a whole number 1..366, got 2.5 (--param)\n');
    const rate = await cli('run', 'test/cases/reject-mini', '--param', 'load.max_reject_rate=5');
    expect(rate.stderr).toBe('apr: load.max_reject_rate: expected a number 0..1, got 5 (--param)\n');
    const method = await cli('run', 'test/cases/reject-mini', '--param', 'ind4.bar_method=median');
    expect(method.stderr).toBe('apr: ind4.bar_method: expected one of fixed | state_rate | state_rate_multiple | rate_ratio, got "median" (--param)\n');
    const codes = await cli('run', 'test/cases/reject-mini', '--param', 'ind10.disabilities=210,abc');
    expect(codes.stderr).toBe('apr: ind10.disabilities: expected a comma list of 3-digit codes, at least 1, got "210,abc" (--param)\n');
    const file = join(tmp(), 'p.json');
    writeFileSync(file, JSON.stringify({ 'ind12.exclude_late_referrals': 'yes' }));
    const fromFile = await cli('run', 'test/cases/reject-mini', '--params', file);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toBe('apr: ind12.exclude_late_referrals: expected true or false, got "yes" (--params file)\n');
    for (const r of [abc, neg, frac, rate, method, codes, fromFile]) expect(r.stderr).not.toContain('9007199254740991');
  });

  it('cross-field rules: min_age ≤ max_age (also per what-if scenario), disjoint Indicator 11 code lists', async () => {
    const r = await cli('run', 'test/cases/reject-mini', '--param', 'ind5.min_age=10', '--param', 'ind5.max_age=5');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('apr: ind5.min_age = 10 (--param) must be ≤ ind5.max_age = 5 (--param): the age range would be empty\n');
    // ind6's default range is 3..5
    const six = await cli('validate', 'test/cases/reject-mini', '--param', 'ind6.min_age=6');
    expect(six.code).toBe(2);
    expect(six.stderr).toContain('ind6.min_age = 6 (--param) must be ≤ ind6.max_age = 5 (default)');
    const eleven = await cli('run', 'test/cases/reject-mini', '--param', 'ind11.exclude_codes=10,30');
    expect(eleven.code).toBe(2);
    expect(eleven.stderr).toContain('ind11.exclude_codes = ["10","30"] (--param) must share no code with ind11.state_timeline_codes = ["30","40"] (default)');
    // ind9's default max_age is 22: the scenario ind9.min_age=25 is impossible
    const w = await cli('whatif', 'test/cases/reject-mini', '--vary', 'ind9.min_age=6,25');
    expect(w.code).toBe(2);
    expect(w.stderr).toBe('apr: --vary, scenario 2: ind9.min_age = 25 (--vary) must be ≤ ind9.max_age = 22 (default): the age range would be empty\n');
  });

  it('--profile nope lists the profiles there are', async () => {
    const r = await cli('params', '--profile', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('apr: unknown profile "nope"; the profiles are: ca-ffy2008, idea-2016 (one file each in src/profiles/)\n');
  });

  it('apr params shows ranges a person reads', async () => {
    const r = await cli('params', '--json');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('9007199254740991');
    const rows = JSON.parse(r.stdout) as { name: string; range: string; allowed: string }[];
    const by = (n: string) => rows.find((x) => x.name === n);
    expect(by('ind3.min_n')).toMatchObject({ range: '≥ 0', allowed: 'a whole number ≥ 0' });
    expect(by('ind9.min_group_enrollment')).toMatchObject({ range: '≥ 1' });
    expect(by('ind5.min_age')).toMatchObject({ range: '0..22', allowed: 'a whole number 0..22' });
    expect(by('ind15.findings_year_offset')).toMatchObject({ range: '-3..0' });
    const text = await cli('params');
    expect(text.stdout).toMatch(/^ind3\.min_n +100 +≥ 0 +count /m);
    const ind = await cli('indicators', '--json');
    expect(ind.stdout).not.toContain('9007199254740991');
  });
});

describe('--help of each command: only the options it uses, each described, pointing to the docs', () => {
  /** Option names in a help text, and those printed without a description. */
  function options(help: string): { names: string[]; bare: string[] } {
    const lines = help.split('\n').filter((l) => /^\s+(-\w, )?--[\w-]+/.test(l));
    const names = lines.map((l) => /--([\w-]+)/.exec(l)![1]!);
    const bare = lines.filter((l) => /^\s+(-\w, )?--[\w-]+\s+\[/.test(l) || /^\s+(-\w, )?--[\w-]+\s*$/.test(l)).map((l) => l.trim());
    return { names, bare };
  }
  const common = ['help', 'version'];
  const data = ['year', 'profile', 'param', 'params', 'db', 'encoding'];
  const display = ['json', 'quiet', 'debug'];
  const expected: Record<string, string[]> = {
    run: [...data, 'only', 'out', 'format', ...display, 'student-lists'],
    validate: [...data, 'out', ...display],
    whatif: [...data, 'only', 'out', ...display, 'vary'],
    explain: [...data, 'only', ...display, 'district'],
    params: ['profile', 'json'],
    indicators: ['json'],
  };

  for (const [command, want] of Object.entries(expected)) {
    it(command, async () => {
      const r = await cli(command, '--help');
      expect(r.code).toBe(0);
      const { names, bare } = options(r.stdout);
      expect(names.sort()).toEqual([...common, ...want].sort());
      expect(bare).toEqual([]);
      expect(r.stdout).toContain('README.md');
      expect(r.stdout).not.toContain('../shared');
    });
  }

  it('the docs each command points to', async () => {
    const top = await cli('--help');
    for (const d of ['README.md', 'docs/inputs.md', 'docs/outputs.md', 'docs/parameters.md']) expect(top.stdout).toContain(d);
    expect(top.stdout).toContain('apr <folder> is apr run <folder>');
    const run = await cli('run', '--help');
    for (const d of ['docs/inputs.md', 'docs/outputs.md', 'docs/parameters.md']) expect(run.stdout).toContain(d);
    expect((await cli('validate', '--help')).stdout).toContain('docs/inputs.md');
    expect((await cli('explain', '--help')).stdout).toContain('docs/outputs.md');
    expect((await cli('params', '--help')).stdout).toContain('docs/parameters.md');
  });
});

describe('exit 4: the reject-rate lines go to stderr with the limit and the table', () => {
  // test/cases/reject-mini: casemis/2008-12/table_a.csv has 10 records, 1 rejected (10%), above the default 0.05.
  it('text: stdout keeps the counts, stderr says which table, its rate and the limit', async () => {
    const out = tmp();
    const r = await cli('validate', 'test/cases/reject-mini', '--out', out);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('casemis/2008-12/table_a.csv                     10       9         1         1');
    expect(r.stdout).not.toMatch(/reject rate|max_reject_rate/);
    expect(r.stderr).toBe(
      `apr: casemis/2008-12/table_a.csv (CASEMIS Table A of 2008-12): 10% of its rows rejected (1 of 10 rows), above the limit load.max_reject_rate = 5% (exit 4; the rows are in ${out}/load/rejects.csv)\n`,
    );
  });

  it('a folder as the first argument is apr run <folder>; --json keeps stdout one document and puts the line on stderr as JSON', async () => {
    const out = tmp();
    const r = await cli('test/cases/reject-mini', '--out', out, '--json', '--param', 'load.max_reject_rate=0.025');
    expect(r.code).toBe(4);
    const doc = JSON.parse(r.stdout) as { summary: { id: string; display: string }[]; max_reject_rate: number };
    expect(doc.summary.find((s) => s.id === '5A')!.display).toBe('57.1%');
    expect(doc.max_reject_rate).toBe(0.025);
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { code: string; file: string; rate: number; limit: number; warning: string });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ code: 'reject_rate', file: 'casemis/2008-12/table_a.csv', rate: 0.1, limit: 0.025 });
    expect(lines[0]!.warning).toContain('above the limit load.max_reject_rate = 2.5%');
  });
});

describe('options without their value and --db files that are not apr\'s: exit 2, never internal', () => {
  it('--profile, --format, --encoding, --year and --district need a value', async () => {
    for (const [args, name] of [
      [['run', '--profile'], 'profile'],
      [['run', 'data-samples', '--format'], 'format'],
      [['validate', '--encoding'], 'encoding'],
      [['run', '--year'], 'year'],
      [['explain', '--district'], 'district'],
    ] as const) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`--${name} needs a value`);
      noStack(r.stderr);
    }
  });

  it('--db in a missing folder, or at a DuckDB file apr did not write, is refused before loading', async () => {
    const dir = tmp();
    const missing = await cli('validate', 'test/cases/reject-mini', '--db', join(dir, 'nope', 'x.db'), '--quiet');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot be created');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const foreign = join(dir, 'theirs.db');
    const inst = await DuckDBInstance.create(foreign);
    const con = await inst.connect();
    await con.run('CREATE TABLE mine AS SELECT 1 AS a');
    con.closeSync();
    inst.closeSync();
    const r = await cli('validate', 'test/cases/reject-mini', '--db', foreign, '--quiet', '--out', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a DuckDB file apr did not write');
    noStack(r.stderr);
  });
});
