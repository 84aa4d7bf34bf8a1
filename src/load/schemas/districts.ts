// reference/districts.csv — one row per district (DATA-CONTRACT.md 4). Required: a missing file stops the run.
import type { FileKind } from '../schema.js';

export const districts: FileKind = {
  id: 'districts',
  path: 'reference/districts.csv',
  casemis: false,
  key: ['district'],
  fields: [
    { name: 'district', type: 'text', req: 'R', pattern: '^[0-9]{7}$' },
    { name: 'name', type: 'text', req: 'R' },
    { name: 'selpa', type: 'text', req: 'R', pattern: '^[0-9]{4}$' },
    { name: 'county', type: 'text', req: 'R', pattern: '^[0-9]{2}$' },
    { name: 'type', type: 'code', req: 'R', codes: 'DISTRICT_TYPE' },
    { name: 'charter', type: 'yesno', req: 'O' },
  ],
};
