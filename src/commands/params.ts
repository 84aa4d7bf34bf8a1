import type { CommandModule } from 'yargs';
import { INDICATORS } from '../../indicators/index.js';
import { allowedText, paramCatalog, rangeText } from '../engine/params.js';
import { loadProfile } from '../engine/profile.js';
import { DOCS, epilogue } from './common.js';

interface Args {
  profile: string;
  json: boolean;
}

/** The range column: `0..22`, `≥ 0`, the choices of an enum, else the kind of value. */
function range(js: Record<string, unknown>): string {
  if (Array.isArray(js.enum)) return (js.enum as unknown[]).join(' | ');
  return rangeText(js) || (js.type === 'array' ? 'list' : typeof js.type === 'string' ? js.type : '');
}

export const paramsCommand: CommandModule<object, Args> = {
  command: 'params',
  describe: 'list every parameter: name, default, allowed range, meaning',
  builder: (y) =>
    y
      .option('profile', { type: 'string', default: 'ca-ffy2008', describe: 'show this profile\'s values where they differ from the defaults' })
      .option('json', { type: 'boolean', default: false, describe: 'print the list as JSON (with `allowed`, the accepted values in words)' })
      .epilogue(epilogue(`Every parameter, its stage and how it changes the figures: ${DOCS.parameters}.`, 'Set them with --param NAME=VALUE or --params FILE.json on run, validate, whatif and explain.')),
  handler: (args) => {
    const profile = loadProfile(args.profile);
    const rows = paramCatalog(INDICATORS).map((p) => ({
      name: p.name,
      default: p.default,
      profile_value: profile.params[p.name],
      range: range(p.jsonSchema),
      allowed: allowedText(p.jsonSchema),
      stage: p.stage,
      description: p.description,
    }));
    if (args.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    for (const r of rows) {
      // an unset per-category override (sd.threshold.DS_TOTAL) takes the general value
      const dflt = r.profile_value === undefined && r.default === undefined ? '(unset)' : JSON.stringify(r.profile_value ?? r.default);
      process.stdout.write(`${r.name.padEnd(30)} ${dflt.padEnd(16)} ${r.range.padEnd(22)} ${r.stage.padEnd(6)} ${r.description}\n`);
    }
  },
};
