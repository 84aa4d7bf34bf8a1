// survey/parent_survey.csv — one row per returned survey (DATA-CONTRACT.md 4, Indicator 8).
import type { FileKind } from '../schema.js';

export const parentSurvey: FileKind = {
  id: 'parent_survey',
  path: 'survey/parent_survey.csv',
  casemis: false,
  key: ['response_id'],
  fields: [
    { name: 'response_id', type: 'text', req: 'R' },
    { name: 'district', type: 'text', req: 'R', pattern: '^[0-9]{7}$' },
    // `Y`, `N` (any case); blank or anything else = no answer, never an error. The column must exist.
    { name: 'q5', type: 'text', req: 'C' },
    { name: 'disability', type: 'code', req: 'O', codes: 'DISABILITY' },
    { name: 'ethnicity', type: 'code', req: 'O', codes: 'SURVEY_ETHNICITY' },
  ],
};
