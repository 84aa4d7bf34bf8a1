import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { checkRules } from '../engine/params.js';
import { grid, parseVary, runWhatif, type WhatifResult, writeWhatif } from '../engine/whatif.js';
import { type CommonArgs, dataOptions, DOCS, displayOptions, epilogue, onlyOption, openDb, outOption, progressFor, resolveCommon } from './common.js';

interface Args extends CommonArgs {
  vary?: string[];
}

function table(res: WhatifResult): string {
  const cols = [...res.varies.map((v) => v.param.name), ...res.triggers.map((t) => t.id), ...res.extraColumns, 'identified', 'entered', 'left'];
  const width = (c: string): number => Math.max(c.length, 4);
  const fmt = (v: unknown, c: string): string => (v === null || v === undefined ? '–' : (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : JSON.stringify(v))).padStart(width(c));
  const lines = [`${'scenario'.padStart(8)} ${cols.map((c) => c.padStart(width(c))).join(' ')}`];
  const base: Record<string, unknown> = { ...res.baseline };
  lines.push(`${'baseline'.padStart(8)} ${cols.map((c) => fmt(res.varies.some((v) => v.param.name === c) ? '' : base[c], c)).join(' ')}`);
  for (const r of res.rows) lines.push(`${String(r.scenario).padStart(8)} ${cols.map((c) => fmt(r[c], c)).join(' ')}`);
  const skipped = res.triggers.filter((t) => !t.evaluated).map((t) => t.id);
  if (skipped.length) lines.push('', `not evaluated on these inputs (–): ${skipped.join(', ')}`);
  return lines.join('\n');
}

export const whatifCommand: CommandModule<object, Args> = {
  command: 'whatif [dir]',
  describe: 're-run identification over a grid of parameter values (--vary NAME=LIST, repeatable)',
  builder: (y) =>
    displayOptions(onlyOption(outOption(dataOptions(y), 'output folder (default reports/<profile>); writes whatif/ in it'), 'sweep only these indicators (and those they use): ID,ID; the others\' triggers show –'))
      .option('vary', {
        type: 'string',
        array: true,
        describe: 'NAME=a,b,c or NAME=start:stop:step (inclusive); several make a grid. List parameters: alternatives split by |',
      })
      .epilogue(
        epilogue(
          `Parameter names, ranges and stages: ${DOCS.parameters} (or apr params).`,
          `whatif/scenarios.csv and whatif/changes.csv: ${DOCS.outputs}.`,
        ),
      ),
  handler: async (args) => {
    const { cfg, outDir } = resolveCommon(args, 'run');
    const varies = (args.vary ?? []).map((v) => parseVary(cfg.catalog, v));
    if (!varies.length) throw new UsageError('whatif needs at least one --vary NAME=LIST (see `apr params` for the names)');
    const names = varies.map((v) => v.param.name);
    if (new Set(names).size !== names.length) throw new UsageError(`--vary names a parameter twice: ${names.join(', ')}`);
    // A scenario breaking a rule between parameters (min_age above max_age) is not a scenario.
    for (const s of grid(cfg.params.values, varies).scenarios) {
      checkRules(s.values, (n) => (names.includes(n) ? '--vary' : (cfg.params.overridden[n] ?? 'default')), `--vary, scenario ${s.id}: `);
    }
    const db = await openDb(args);
    const progress = progressFor(args);
    try {
      const res = await runWhatif(db, cfg, varies, { log: (m) => progress.log(m), onProgress: progress.onProgress?.bind(progress), now: () => new Date() });
      progress.stop();
      const dir = join(outDir, 'whatif');
      mkdirSync(dir, { recursive: true });
      await writeWhatif(db, res, dir);
      if (args.json) process.stdout.write(`${JSON.stringify({ out: dir, scenarios: res.scenarioCount, baseline: res.baseline, rows: res.rows, steps_ms: res.steps }, null, 2)}\n`);
      else process.stdout.write(`${table(res)}\n\n${res.scenarioCount} scenarios in ${res.countGroups} count group(s) (${res.countRuns} indicator count steps); written to ${dir}/\n`);
    } finally {
      progress.stop();
      db.close();
    }
  },
};
