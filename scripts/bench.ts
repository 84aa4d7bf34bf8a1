// npm run bench [dir=data-statewide] [--skip-rerun] [--skip-whatif] [--scaling [--scales 0.25,1,2,4]]
// The goals of issue 9 side by side in one run: DuckDB's bare CSV scan of the files a run reads, the
// installed `apr run` as a child process (process start included) with its peak RSS, `--only 5`,
// a --db re-run after one SELPA's corrected file, the what-if sweeps, and (opt-in) the generator's
// scales. Prints a table with ratios and goals; writes reports/bench.json. Never part of `npm test`.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { Db } from '../src/db.js';
import { buildRunConfig } from '../src/engine/config.js';
import { runPipeline } from '../src/engine/run.js';
import { parseVary, runWhatif } from '../src/engine/whatif.js';
import { bareScan, type ChildRun, diffOutputs, editOneRow, linkTree, perSelpaTableA, runChild, type ScanResult, warm } from './bench/lib.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const APR = join(ROOT, 'bin', 'apr.js');
const TSX = createRequire(import.meta.url).resolve('tsx/cli');

const argv = yargs(hideBin(process.argv))
  .scriptName('npm run bench --')
  .command('$0 [dir]', 'time apr against the bare DuckDB scan of its inputs', (y) =>
    y.positional('dir', { type: 'string', default: 'data-statewide', describe: 'data folder' }),
  )
  .option('skip-rerun', { type: 'boolean', default: false, describe: 'skip the --db re-run after one corrected file' })
  .option('skip-whatif', { type: 'boolean', default: false, describe: 'skip the in-process what-if sweeps' })
  .option('scaling', { type: 'boolean', default: false, describe: 'also generate statewide folders at --scales and time apr run on each (slow)' })
  .option('scales', { type: 'string', default: '0.25,1,2,4', describe: 'generator scales for --scaling' })
  .option('poll-rss', { type: 'boolean', default: false, hidden: true, describe: 'peak RSS from /proc even when /usr/bin/time exists' })
  .strict()
  .parseSync();

const dir = resolve(String(argv.dir));
if (!existsSync(dir)) {
  process.stderr.write(`bench: ${dir} not found — run \`npm run gen:statewide\` first\n`);
  process.exit(3);
}
const scales = argv.scales.split(',').map(Number);
if (scales.some((s) => !(s > 0))) {
  process.stderr.write(`bench: --scales: expected numbers > 0, got ${argv.scales}\n`);
  process.exit(2);
}

// Goals of issue 9 (RSS in MiB) and issue 10 (module sd after load, seconds).
const GOAL = { fullRatio: 3, fullRssMb: 1536, onlyRatio: 3, rerunRatio: 0.25, scalingDrift: 0.2, scale4RssMb: 2048, sdModuleS: 2, sdSweepS: 3 };

interface RunJson {
  year: string;
  steps_ms: Record<string, number>;
  inputs: { path: string; bytes: number; rows_read: number }[];
}

const tmp = mkdtempSync(join(tmpdir(), 'apr-bench-'));
// Interrupted: no copy of the data or --db file left behind (the children share the terminal's signal).
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  });
}
const log = (s: string): void => void process.stderr.write(`bench: ${s}\n`);
let childN = 0;

/** `node bin/apr.js <args>`; stops the bench unless it exits 0 or 4 (done, reject rate over the limit). */
async function apr(args: string[]): Promise<ChildRun> {
  const r = await runChild([APR, ...args], { cwd: ROOT, timeFile: join(tmp, `time-${childN++}`), poll: argv['poll-rss'] });
  if (r.code !== 0 && r.code !== 4) throw new Error(`apr ${args.join(' ')} exited ${r.code}:\n${r.stderr}`);
  return r;
}

const readRunJson = (out: string): RunJson => JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as RunJson;
const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
const f2 = (x: number): string => x.toFixed(2);

interface Line {
  measure: string;
  value: string;
  ratio?: string;
  goal?: string;
  met?: boolean;
}
const table: Line[] = [];
const goals: { goal: string; value: number; limit: number; met: boolean }[] = [];
const check = (goal: string, value: number, limit: number, met: boolean): boolean => {
  goals.push({ goal, value, limit, met });
  return met;
};

const report: Record<string, unknown> = { dir, when: new Date().toISOString(), cpus: cpus().length, loadavg_at_start: loadavg()[0] };

try {
  log(`warming the page cache with ${dir}`);
  warm(dir);

  // 2. The full run, first: its run.json names the files a run reads.
  log('apr run (full)');
  const fullOut = join(tmp, 'full');
  const full = await apr(['run', dir, '--out', fullOut]);
  const rj = readRunJson(fullOut);
  const inputs = rj.inputs;

  // 1. The bare scan of the same files.
  log(`bare scan of ${inputs.length} files`);
  const scan = await bareScan(dir, inputs.map((i) => i.path));
  const scanS = sum(scan.map((s) => s.secs));
  const lenient = scan.filter((s) => s.lenient).map((s) => s.rel);
  const rowsRead = sum(inputs.map((i) => i.rows_read));
  const scanRows = sum(scan.map((s) => s.rows));
  const bytes = sum(inputs.map((i) => i.bytes));
  const fullRatio = full.secs / scanS;
  const steps = rj.steps_ms;
  const loadS = (steps['load and verify'] ?? 0) / 1000;
  const indS = sum(Object.entries(steps).filter(([k]) => k.startsWith('indicator ')).map(([, v]) => v)) / 1000;
  const stepsS = sum(Object.values(steps)) / 1000;
  table.push(
    { measure: `bare scan, ${inputs.length} files read by run${lenient.length ? ` (${lenient.length} lenient)` : ''}`, value: `${f2(scanS)} s` },
    {
      measure: 'apr run (child, all outputs)',
      value: `${f2(full.secs)} s`,
      ratio: `${f2(fullRatio)}×`,
      goal: `≤ ${GOAL.fullRatio}×`,
      met: check('full run ≤ 3× bare scan', fullRatio, GOAL.fullRatio, fullRatio <= GOAL.fullRatio),
    },
    { measure: '  load and verify', value: `${f2(loadS)} s` },
    { measure: '  indicators', value: `${f2(indS)} s` },
    { measure: '  derive, trends, identification', value: `${f2(stepsS - loadS - indS)} s` },
    { measure: '  process start, writing outputs', value: `${f2(full.secs - stepsS)} s` },
    {
      measure: '  peak RSS',
      value: `${full.rssMb.toFixed(0)} MB`,
      goal: `≤ ${GOAL.fullRssMb} MB`,
      met: check('full run peak RSS ≤ 1.5 GB', full.rssMb, GOAL.fullRssMb, full.rssMb <= GOAL.fullRssMb),
    },
  );
  report.inputs = { files: inputs.length, rows_read: rowsRead, rows_scanned: scanRows, bytes };
  report.scan = { secs: scanS, files: scan, lenient };
  report.full = { secs: full.secs, rss_mb: full.rssMb, ratio: fullRatio, steps_ms: steps, run_seconds: stepsS };

  // 3. --only 5 against the scan of the files it read (run.json: the December Table A of its data
  // year and, for its trend table, those of the earlier years present, the district list).
  log('apr run --only 5');
  const dec = `${rj.year.slice(0, 4)}-12`;
  const only = await apr(['run', dir, '--only', '5', '--out', join(tmp, 'only5')]);
  const onlyRead = new Set(readRunJson(join(tmp, 'only5')).inputs.map((i) => i.path));
  const onlyScan: ScanResult[] = scan.filter((s) => onlyRead.has(s.rel));
  const onlyScanS = sum(onlyScan.map((s) => s.secs));
  const onlyRatio = only.secs / onlyScanS;
  table.push(
    { measure: `bare scan, ${onlyScan.length} files --only 5 needs`, value: `${f2(onlyScanS)} s` },
    {
      measure: 'apr run --only 5 (child)',
      value: `${f2(only.secs)} s`,
      ratio: `${f2(onlyRatio)}×`,
      goal: `≤ ${GOAL.onlyRatio}×`,
      met: check('--only 5 ≤ 3× bare scan of its files', onlyRatio, GOAL.onlyRatio, onlyRatio <= GOAL.onlyRatio),
    },
  );
  report.only5 = { secs: only.secs, rss_mb: only.rssMb, scan_secs: onlyScanS, scan_files: onlyScan.map((s) => s.rel), ratio: onlyRatio };

  // 4. Re-run with --db after one SELPA's corrected file, against cold runs; B must equal C.
  if (!argv['skip-rerun']) {
    const copy = join(tmp, 'data');
    linkTree(dir, copy);
    const perSelpa = perSelpaTableA(copy);
    const target = perSelpa.find((r) => r.toLowerCase().startsWith(`casemis/${dec}/`)) ?? perSelpa[0]
      ?? inputs.map((i) => i.path).find((p) => p.toLowerCase() === `casemis/${dec}/table_a.csv`)
      ?? inputs.map((i) => i.path).find((p) => /^casemis\/[^/]+\/table_a\.csv$/i.test(p));
    if (!target) throw new Error('no Table A file to correct');
    const dbFile = join(tmp, 'rerun.duckdb');
    log(`re-run: cold with --db (${perSelpa.length ? 'per-SELPA' : 'statewide'} layout)`);
    const a = await apr(['run', copy, '--db', dbFile, '--out', join(tmp, 'A')]);
    const edit = editOneRow(copy, target);
    log(`re-run: ${edit.rel} line ${edit.line} ${edit.field} ${edit.from} → ${edit.to}; --db re-run, then cold without --db`);
    const b = await apr(['run', copy, '--db', dbFile, '--out', join(tmp, 'B')]);
    const c = await apr(['run', copy, '--out', join(tmp, 'C')]);
    const differ = diffOutputs(join(tmp, 'B'), join(tmp, 'C'));
    // The correction must show in the outputs, or B = C would not tell a stale cache from a fresh one.
    const visible = diffOutputs(join(tmp, 'A'), join(tmp, 'C')).filter((f) => f !== 'run.json');
    // Against the faster cold run: a --db file's writes may make A slower than C.
    const cold = Math.min(a.secs, c.secs);
    const rerunRatio = b.secs / cold;
    table.push(
      { measure: `cold run with --db / without`, value: `${f2(a.secs)} / ${f2(c.secs)} s` },
      {
        measure: `re-run after 1 corrected file (${perSelpa.length ? 'per-SELPA' : 'statewide'})`,
        value: `${f2(b.secs)} s`,
        ratio: `${(rerunRatio * 100).toFixed(0)} %`,
        goal: `≤ ${GOAL.rerunRatio * 100} % of cold`,
        met: check('re-run ≤ 25 % of a cold run', rerunRatio, GOAL.rerunRatio, rerunRatio <= GOAL.rerunRatio),
      },
      {
        measure: '  outputs identical to the cold run',
        value: differ.length ? `no: ${differ.length} files` : 'yes',
        goal: 'identical',
        met: check('re-run outputs byte-identical to a cold run', differ.length, 0, differ.length === 0),
      },
      { measure: '  the correction changes outputs', value: visible.length ? `${visible.length} files` : 'none (weak check)' },
    );
    report.rerun = { layout: perSelpa.length ? 'per-selpa' : 'statewide', edit, changed_by_edit: visible, cold_db_secs: a.secs, rerun_secs: b.secs, cold_secs: c.secs, ratio: rerunRatio, rss_mb: b.rssMb, differing: differ };
    rmSync(copy, { recursive: true, force: true });
  }

  // 5. What-if sweeps on an in-process load (as before this harness).
  if (!argv['skip-whatif']) {
    log('what-if: in-process load');
    const fx = { log: () => undefined, now: () => new Date() };
    const t0 = performance.now();
    const db = await Db.open(':memory:');
    const cfg = buildRunConfig({ dataDir: dir });
    const result = await runPipeline(db, cfg, fx);
    const inProcS = (performance.now() - t0) / 1000;
    table.push({ measure: 'in-process run (no writing)', value: `${f2(inProcS)} s`, ratio: `${f2(inProcS / scanS)}×` });
    const sweeps = [
      ['ind9.k=1:10:1', 'ind4.bar=0.5:5:0.5'],
      ['ind9.k=1:10:1', 'ind4.bar=0.5:5:0.5', 'ind9.disparity_benchmark=5:14:1'],
      ['ind4.days=5,10,15', 'ind9.k=2,8'],
    ];
    const sweepRows = [];
    for (const args of sweeps) {
      log(`what-if: ${args.join(' × ')}`);
      const varies = args.map((a) => parseVary(cfg.catalog, a));
      const s0 = performance.now();
      const res = await runWhatif(db, cfg, varies, fx, result.load);
      const secs = (performance.now() - s0) / 1000;
      sweepRows.push({ sweep: args, scenarios: res.scenarioCount, count_groups: res.countGroups, secs });
      table.push({ measure: `what-if ${res.scenarioCount} scenarios, ${res.countGroups} count groups`, value: `${f2(secs)} s` });
    }
    db.close();
    report.whatif = { in_process_run_secs: inProcS, sweeps: sweepRows };

    // Module sd (profile idea-2016, issue 10): its time in a run after load, and a 20-scenario sweep
    // over threshold × cell × n-size after load (every indicator, and --only sd).
    log('sd: in-process run, profile idea-2016');
    const sdDb = await Db.open(':memory:');
    const sdCfg = buildRunConfig({ dataDir: dir, profile: 'idea-2016' });
    const sdRun = await runPipeline(sdDb, sdCfg, fx);
    const moduleS = (sdRun.steps['indicator sd'] ?? NaN) / 1000;
    table.push({
      measure: 'sd module in a run, after load',
      value: `${f2(moduleS)} s`,
      goal: `≤ ${GOAL.sdModuleS} s`,
      met: check('sd module ≤ 2 s after load', moduleS, GOAL.sdModuleS, moduleS <= GOAL.sdModuleS),
    });
    const sdSweep = ['sd.threshold=2:4:0.5', 'sd.min_cell=5,10', 'sd.min_n=20,30'];
    const sdRows = [];
    for (const only of [undefined, ['sd']]) {
      const c = only ? buildRunConfig({ dataDir: dir, profile: 'idea-2016', only }) : sdCfg;
      const s0 = performance.now();
      const res = await runWhatif(sdDb, c, sdSweep.map((a) => parseVary(c.catalog, a)), fx, sdRun.load);
      const secs = (performance.now() - s0) / 1000;
      sdRows.push({ only: only ?? null, scenarios: res.scenarioCount, secs, identified: res.rows.map((r) => r.sd) });
      table.push({
        measure: `sd what-if ${res.scenarioCount} scenarios${only ? ' (--only sd)' : ' (every indicator)'}`,
        value: `${f2(secs)} s`,
        goal: `≤ ${GOAL.sdSweepS} s`,
        met: check(`sd sweep ≤ 3 s after load${only ? ' (--only sd)' : ''}`, secs, GOAL.sdSweepS, secs <= GOAL.sdSweepS),
      });
    }
    sdDb.close();
    report.sd = { module_secs: moduleS, rows: sdRun.steps, sweeps: sdRows };
  }

  // 6. Scaling: the generator's folder at each scale, a full run each.
  if (argv.scaling) {
    const rows: { scale: number; rows: number; bytes: number; gen_secs: number; scan_secs: number; secs: number; rss_mb: number; secs_per_m_rows: number }[] = [];
    for (const scale of scales) {
      const gdir = join(tmp, `scale-${scale}`);
      log(`scaling: generating scale ${scale}`);
      const g0 = performance.now();
      const gen = await runChild([TSX, join(ROOT, 'scripts', 'gen-statewide.ts'), gdir, '--scale', String(scale)], { cwd: ROOT, timeFile: join(tmp, `time-${childN++}`) });
      if (gen.code !== 0) throw new Error(`gen-statewide --scale ${scale} exited ${gen.code}:\n${gen.stderr}`);
      const genS = (performance.now() - g0) / 1000;
      warm(gdir);
      log(`scaling: apr run at scale ${scale}`);
      const out = join(tmp, `scale-${scale}-out`);
      const r = await apr(['run', gdir, '--out', out]);
      const sj = readRunJson(out);
      const sScan = await bareScan(gdir, sj.inputs.map((i) => i.path));
      const n = sum(sj.inputs.map((i) => i.rows_read));
      rows.push({ scale, rows: n, bytes: sum(sj.inputs.map((i) => i.bytes)), gen_secs: genS, scan_secs: sum(sScan.map((s) => s.secs)), secs: r.secs, rss_mb: r.rssMb, secs_per_m_rows: r.secs / (n / 1e6) });
      rmSync(gdir, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
    const one = rows.find((r) => r.scale === 1);
    for (const r of rows) {
      const rel = one ? r.secs_per_m_rows / one.secs_per_m_rows : NaN;
      const compared = one !== undefined && r.scale !== 1;
      table.push(
        { measure: `scale ${r.scale}: ${(r.rows / 1e6).toFixed(2)} M rows, apr run`, value: `${f2(r.secs)} s`, ratio: `${f2(r.secs / r.scan_secs)}×` },
        {
          measure: '  per million rows (ratio: to scale 1)',
          value: `${f2(r.secs_per_m_rows)} s`,
          ratio: one ? f2(rel) : '',
          goal: compared ? '±20 % of scale 1' : undefined,
          met: compared ? check(`scale ${r.scale}: time per row within 20 % of scale 1`, rel, 1 + GOAL.scalingDrift, Math.abs(rel - 1) <= GOAL.scalingDrift) : undefined,
        },
        {
          measure: '  peak RSS',
          value: `${r.rss_mb.toFixed(0)} MB`,
          goal: r.scale === 4 ? `< ${GOAL.scale4RssMb} MB` : undefined,
          met: r.scale === 4 ? check('peak RSS < 2 GB at scale 4', r.rss_mb, GOAL.scale4RssMb, r.rss_mb < GOAL.scale4RssMb) : undefined,
        },
      );
    }
    report.scaling = rows;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const inp = report.inputs as { files: number; rows_read: number; rows_scanned: number; bytes: number };
const w = [Math.max(...table.map((l) => l.measure.length)), Math.max(...table.map((l) => l.value.length)), 8, 18];
const head = `${'measure'.padEnd(w[0]!)}  ${'value'.padStart(w[1]!)}  ${'ratio'.padStart(w[2]!)}  ${'goal'.padEnd(w[3]!)}  met`;
process.stdout.write(
  [
    `data: ${dir}: ${inp.files} files read, ${inp.rows_read.toLocaleString('en-US')} rows read (bare scan counted ${inp.rows_scanned.toLocaleString('en-US')}), ${(inp.bytes / 1e6).toFixed(1)} MB`,
    `machine: ${cpus().length} CPUs, load average ${(report.loadavg_at_start as number).toFixed(2)} at start`,
    '',
    head,
    ...table.map((l) => `${l.measure.padEnd(w[0]!)}  ${l.value.padStart(w[1]!)}  ${(l.ratio ?? '').padStart(w[2]!)}  ${(l.goal ?? '').padEnd(w[3]!)}  ${l.met === undefined ? '' : l.met ? 'met' : 'MISSED'}`),
    '',
  ].join('\n'),
);
const differing = (report.rerun as { differing?: string[] } | undefined)?.differing ?? [];
if (differing.length) process.stdout.write(`re-run outputs differing from the cold run: ${differing.join(', ')}\n`);
report.goals = goals;
mkdirSync(join(ROOT, 'reports'), { recursive: true });
writeFileSync(join(ROOT, 'reports', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`written to reports/bench.json\n`);
