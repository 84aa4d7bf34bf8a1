// survey/distribution.csv — surveys mailed per district (DATA-CONTRACT.md 4, table 8a).
import type { FileKind } from '../schema.js';

export const surveyDistribution: FileKind = {
  id: 'survey_distribution',
  path: 'survey/distribution.csv',
  casemis: false,
  key: ['district'],
  fields: [
    { name: 'district', type: 'text', req: 'R', pattern: '^[0-9]{7}$' },
    { name: 'surveys_mailed', type: 'integer', req: 'R', min: 0 },
  ],
};
