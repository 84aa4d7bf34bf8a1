// Every input kind, in load order: districts first, then the CASEMIS tables A-D, then the other inputs.
import type { FileKind } from '../schema.js';
import { districts } from './districts.js';
import { tableA } from './table_a.js';
import { tableB } from './table_b.js';
import { tableC } from './table_c.js';
import { tableD } from './table_d.js';
import { gradDropout } from './grad_dropout.js';
import { assessment } from './assessment.js';
import { cbeds } from './cbeds.js';
import { breaks } from './breaks.js';
import { partcReferrals } from './partc_referrals.js';
import { parentSurvey } from './parent_survey.js';
import { surveyDistribution } from './survey_distribution.js';
import { pppReviews } from './ppp_reviews.js';
import { findings } from './findings.js';
import { cycle } from './cycle.js';
import { table7 } from './table7.js';
import { complaints } from './complaints.js';
import { mediations } from './mediations.js';
import { hearings } from './hearings.js';
import { aprRubric } from './apr_rubric.js';
import { tables618 } from './tables_618.js';
import { selpaSubmissions } from './selpa_submissions.js';

export {
  districts, tableA, tableB, tableC, tableD, gradDropout, assessment, cbeds, breaks, partcReferrals,
  parentSurvey, surveyDistribution, pppReviews, findings, cycle, table7, complaints, mediations, hearings,
  aprRubric, tables618, selpaSubmissions,
};

export const FILE_KINDS: FileKind[] = [
  districts,
  tableA,
  tableB,
  tableC,
  tableD,
  gradDropout,
  assessment,
  cbeds,
  breaks,
  partcReferrals,
  parentSurvey,
  surveyDistribution,
  pppReviews,
  findings,
  cycle,
  table7,
  complaints,
  mediations,
  hearings,
  aprRubric,
  tables618,
  selpaSubmissions,
];

/** The kind with this id (staging table name), or undefined. */
export function fileKind(id: string): FileKind | undefined {
  return FILE_KINDS.find((k) => k.id === id);
}
