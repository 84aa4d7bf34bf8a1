import type { CommandModule } from 'yargs';
import { INDICATORS } from '../../indicators/index.js';
import { paramCatalog } from '../engine/params.js';
import { loadProfile } from '../engine/profile.js';

interface Args {
  profile: string;
  json: boolean;
}

function range(js: Record<string, unknown>): string {
  if (Array.isArray(js.enum)) return (js.enum as unknown[]).join(' | ');
  const lo = (js.minimum ?? js.exclusiveMinimum) as number | undefined;
  const hi = (js.maximum ?? js.exclusiveMaximum) as number | undefined;
  if (lo !== undefined || hi !== undefined) return `${lo ?? ''}..${hi ?? ''}`;
  return typeof js.type === 'string' ? js.type : '';
}

export const paramsCommand: CommandModule<object, Args> = {
  command: 'params',
  describe: 'list every parameter: name, default, allowed range, meaning',
  builder: (y) =>
    y
      .option('profile', { type: 'string', default: 'ca-ffy2008' })
      .option('json', { type: 'boolean', default: false }),
  handler: (args) => {
    const profile = loadProfile(args.profile);
    const rows = paramCatalog(INDICATORS).map((p) => ({
      name: p.name,
      default: p.default,
      profile_value: profile.params[p.name],
      range: range(p.jsonSchema),
      stage: p.stage,
      description: p.description,
    }));
    if (args.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    for (const r of rows) {
      const dflt = JSON.stringify(r.profile_value ?? r.default);
      process.stdout.write(`${r.name.padEnd(30)} ${dflt.padEnd(16)} ${r.range.padEnd(22)} ${r.stage.padEnd(6)} ${r.description}\n`);
    }
  },
};
