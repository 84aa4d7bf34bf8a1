// Table B — services, one row per service (DATA-CONTRACT.md 3.2). Service, provider and location
// codes get format checks only. E201 (no Table A record) and E211 (service repeated) are set rules.
import type { FileKind } from '../schema.js';

export const tableB: FileKind = {
  id: 'table_b',
  path: 'casemis/{period}/table_b.csv',
  casemis: true,
  // No indicator reads services (DATA-CONTRACT.md 3.2): 4 million rows statewide, freed after load.
  verifyOnly: true,
  periodCode: 'E208',
  fields: [
    { name: 'REPT_DATE', type: 'date', req: 'R', code: 'E208' },
    { name: 'SELPA_CODE', type: 'text', req: 'R', pattern: '^[0-9]{4}$', aliases: ['SELPA'] },
    { name: 'STUDENT_ID', type: 'text', req: 'R', pattern: '^.{1,15}$' },
    { name: 'SERVICE', type: 'text', req: 'R', pattern: '^[0-9]{3}$', code: 'E-202' },
    { name: 'PROVIDER', type: 'text', req: 'R', pattern: '^[0-9]{3}$', code: 'E213' },
    { name: 'LOCATION', type: 'text', req: 'O', pattern: '^[0-9]{3}$', code: 'E204' },
    { name: 'FREQUENCY', type: 'code', req: 'R', codes: 'FREQUENCY', code: 'E205' },
    // Minutes per session, at least 10 (E206 covers blank, non-integer and < 10).
    { name: 'DURATION', type: 'integer', req: 'R', min: 10, code: 'E206' },
  ],
};
