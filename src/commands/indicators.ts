import type { CommandModule } from 'yargs';
import * as z from 'zod';
import { INDICATORS } from '../../indicators/index.js';
import { FILE_KINDS } from '../load/schemas/index.js';
import { type FileNeed, needFiles } from '../engine/indicator.js';
import { readableBounds } from '../engine/params.js';
import { DOCS, epilogue } from './common.js';

interface Args {
  json: boolean;
}

function filePath(n: FileNeed): string {
  const path = FILE_KINDS.find((k) => k.id === n.kind)?.path ?? n.kind;
  return n.period ? path.replace('{period}', `<${n.period}>`) : path;
}

export const indicatorsCommand: CommandModule<object, Args> = {
  command: 'indicators',
  describe: 'list the indicators: id, title, input files, parameters',
  builder: (y) =>
    y
      .option('json', { type: 'boolean', default: false, describe: 'print the list as JSON, with each indicator\'s parameter schema' })
      .epilogue(epilogue(`Input files: ${DOCS.inputs}. Outputs of each indicator: ${DOCS.outputs}. Parameters: ${DOCS.parameters}.`)),
  handler: (args) => {
    const rows = INDICATORS.map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      inputs: i.inputs.map((n) => needFiles(n).map(filePath).join(' or ')),
      uses: i.uses ?? [],
      measures: i.measures.map((m) => ({ id: m.id, title: m.title, also_needs: (m.needs ?? []).map((n) => needFiles(n).map(filePath).join(' or ')) })),
      triggers: i.triggers ?? [],
      parameters: Object.keys(i.params.shape).map((k) => `${i.paramPrefix}.${k}`),
      params_schema: args.json ? readableBounds(z.toJSONSchema(i.params, { io: 'input', unrepresentable: 'any' })) : undefined,
    }));
    if (args.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    for (const r of rows) {
      const uses = r.uses.length ? `\n     uses: ${r.uses.join(', ')}` : '';
      const trig = r.triggers.length ? `\n     triggers: ${r.triggers.join(', ')}` : '';
      process.stdout.write(`${r.id.padEnd(4)} ${r.title}\n     inputs: ${r.inputs.join(', ')}${uses}${trig}\n     params: ${r.parameters.join(', ')}\n`);
    }
  },
};
