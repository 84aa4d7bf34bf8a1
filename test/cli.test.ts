// The command line as a user meets it: exit codes, messages without stack traces, --json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function apr(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/apr.js', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const noStack = (s: string): void => expect(s).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);

describe('apr CLI', () => {
  it('exit 3 for a missing data folder, one message, no stack trace', () => {
    const r = apr('run', '/nonexistent/folder', '--quiet');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('data folder not found: /nonexistent/folder');
    noStack(r.stderr);
  });

  it('exit 2 for an unknown parameter, listing the valid names', () => {
    const r = apr('run', 'test/cases/reject-mini', '--param', 'ind9.kk=3');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown parameter "ind9.kk"');
    expect(r.stderr).toContain('ind5.min_age');
    noStack(r.stderr);
  });

  it('exit 2 for a bad parameter value, an unknown command, an unknown option', () => {
    expect(apr('run', 'test/cases/reject-mini', '--param', 'ind1.min_rate=high').code).toBe(2);
    expect(apr('run', 'test/cases/reject-mini', '--param', 'load.undup_rule=some').code).toBe(2);
    expect(apr('frobnicate').code).toBe(2);
    expect(apr('run', '--no-such-option').code).toBe(2);
  });

  it('run --json: exit 4 when a CASEMIS table rejects more than load.max_reject_rate; summary on stdout', () => {
    const out = mkdtempSync(join(tmpdir(), 'apr-cli-'));
    const r = apr('run', 'test/cases/reject-mini', '--out', out, '--json', '--format', 'csv,parquet');
    expect(r.code).toBe(4);
    const doc = JSON.parse(r.stdout) as { summary: { id: string; display: string }[]; reject_rate_exceeded: { file: string }[] };
    expect(doc.summary.find((s) => s.id === '5A')!.display).toBe('57.1%');
    expect(doc.reject_rate_exceeded.map((x) => x.file)).toEqual(['casemis/2008-12/table_a.csv']);
    expect(existsSync(join(out, 'tables/table-5a.parquet'))).toBe(true);
    expect(existsSync(join(out, 'tables/table-5a.json'))).toBe(false);
  });

  it('--param overrides win and are marked in run.json', () => {
    const out = mkdtempSync(join(tmpdir(), 'apr-cli-'));
    const r = apr('run', 'test/cases/reject-mini', '--out', out, '--quiet', '--param', 'load.max_reject_rate=0.2', '--param', 'ind5.min_age=7');
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { parameters: Record<string, { value: unknown; source: string }> };
    expect(manifest.parameters['ind5.min_age']).toEqual({ value: 7, source: 'param' });
    expect(manifest.parameters['ind1.data_year_offset']).toEqual({ value: -1, source: 'profile' });
  });

  it('--db keeps the loaded data and a second run with unchanged inputs skips loading', () => {
    const out = mkdtempSync(join(tmpdir(), 'apr-cli-'));
    const db = join(out, 'apr.duckdb');
    const read = (): { load_reused_from_db: boolean } => JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { load_reused_from_db: boolean };
    expect(apr('run', 'test/cases/reject-mini', '--out', out, '--db', db, '--quiet').code).toBe(4);
    expect(read().load_reused_from_db).toBe(false);
    const first = readFileSync(join(out, 'summary.csv'), 'utf8');
    expect(apr('run', 'test/cases/reject-mini', '--out', out, '--db', db, '--quiet').code).toBe(4);
    expect(read().load_reused_from_db).toBe(true);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe(first);
    expect(readFileSync(join(out, 'load/rejects.csv'), 'utf8')).toContain('E118');
  });

  it('validate writes load/ only', () => {
    const out = mkdtempSync(join(tmpdir(), 'apr-cli-'));
    const r = apr('validate', 'test/cases/reject-mini', '--out', out);
    expect(r.code).toBe(4);
    expect(readFileSync(join(out, 'load/summary.csv'), 'utf8')).toContain('casemis/2008-12/table_a.csv,10,9,1,1');
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);
  });

  it('npm start -- <args> is apr <args> (the script hard-codes no command); help and errors are the same', () => {
    const out = mkdtempSync(join(tmpdir(), 'apr-cli-'));
    const r = spawnSync('npm', ['start', '--', 'validate', 'test/cases/reject-mini', '--out', out], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    expect(r.status, r.stderr).toBe(4);
    expect(r.stdout).toContain('casemis/2008-12/table_a.csv                     10       9         1         1');
    expect(r.stderr).toContain('casemis/2008-12/table_a.csv (CASEMIS Table A of 2008-12): 10% of its rows rejected');
    expect(existsSync(join(out, 'summary.csv'))).toBe(false);
    expect(readFileSync(join(out, 'load/summary.csv'), 'utf8')).toContain('casemis/2008-12/table_a.csv,10,9,1,1');
  });

  it('params and indicators list the declarations', () => {
    const p = apr('params', '--json');
    expect(p.code).toBe(0);
    const params = JSON.parse(p.stdout) as { name: string; default: unknown; range: string }[];
    expect(params.find((x) => x.name === 'ind2.max_rate')).toMatchObject({ default: 23.6, range: '0..100' });
    const i = apr('indicators');
    expect(i.code).toBe(0);
    expect(i.stdout).toMatch(/^5 +Least restrictive environment/m);
    expect(i.stdout).toContain('casemis/<DEC>/table_a.csv');
  });

  it('whatif, explain and --student-lists share one --db load; explain of an unknown code suggests the closest', () => {
    const out = mkdtempSync(join(tmpdir(), 'apr-cli-'));
    const db = join(out, 'apr.duckdb');
    const run = apr('run', 'test/cases/reject-mini', '--out', out, '--db', db, '--student-lists', '--quiet');
    expect(run.code).toBe(4);
    expect(readFileSync(join(out, 'identification.csv'), 'utf8').split('\n')[0]).toBe(
      'district,district_name,selpa,trigger,value,threshold,numerator,denominator,explanation',
    );

    const w = apr('whatif', 'test/cases/reject-mini', '--out', out, '--db', db, '--vary', 'sesr.overdue_iep_max=0,50', '--vary', 'ind5.min_age=3:4:1', '--quiet');
    expect(w.code, w.stderr).toBe(0);
    const scen = readFileSync(join(out, 'whatif/scenarios.csv'), 'utf8').trim().split('\n');
    expect(scen[0]).toBe('scenario,sesr.overdue_iep_max,ind5.min_age,4A,4B,9,10,11,12,13,annual_iep,triennial,cyclical,identified,entered,left');
    // 2 × 2 scenarios; inputs without June data or cbeds leave 4A-13 and cyclical unevaluated (empty)
    expect(scen.slice(1)).toEqual(['1,0,3,,,,,,,,0,0,,0,0,0', '2,0,4,,,,,,,,0,0,,0,0,0', '3,50,3,,,,,,,,0,0,,0,0,0', '4,50,4,,,,,,,,0,0,,0,0,0']);
    expect(readFileSync(join(out, 'whatif/changes.csv'), 'utf8').trim()).toBe('scenario,district,district_name,trigger,change');
    // ind5.min_age is a count parameter: the baseline's 6, then 3 and 4
    expect(w.stdout).toContain('4 scenarios in 3 count group(s)');

    const e = apr('explain', 'test/cases/reject-mini', '--db', db, '--district', '0110017', '--json');
    expect(e.code, e.stderr).toBe(0);
    const ex = JSON.parse(e.stdout) as { district: string; district_name: string; indicators: { indicator: string; status: string }[]; triggers: unknown[] };
    expect(ex.district_name).toBe('Alpha Unified');
    expect(ex.indicators.find((i) => i.indicator === '11')?.status).toBe('not computed: missing casemis/2009-06/table_a.csv');
    expect(ex.triggers).toEqual([]);

    const bad = apr('explain', 'test/cases/reject-mini', '--db', db, '--district', '0110018');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown district "0110018". Closest codes: 0110017 \(Alpha Unified\)/);
    noStack(bad.stderr);
    expect(apr('whatif', 'test/cases/reject-mini', '--db', db, '--vary', 'ind9.k=x').code).toBe(2);
    expect(apr('whatif', 'test/cases/reject-mini', '--db', db).code).toBe(2);
  }, 240_000);
});
