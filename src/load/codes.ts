// Code lists of DATA-CONTRACT.md 3.5 (CASEMIS tables) and section 4 (other inputs).
// A field spec names a list by its key (`FieldSpec.codes`); a value outside the list fails with the
// field's `code` (else E-CODE). Codes are text: leading zeros matter (`01` ≠ `1`).

export const CODE_LISTS = {
  // ---- Table A / D (3.5) ----
  GENDER: ['M', 'F'],
  /** 100 AI; 201-208, 299 Asian; 301-304, 399 Pacific Islander; 400 Filipino; 500 HI; 600 AA; 700 WH; 800 two or more; 999 declined/unknown. */
  ETHNICITY: [
    '100',
    '201', '202', '203', '204', '205', '206', '207', '208', '299',
    '301', '302', '303', '304', '399',
    '400', '500', '600', '700', '800', '999',
  ],
  /** 01-12 grades, 13 12+/transition, 14 adult/other, 15 ungraded, 16 infant, 17 preschool, 18 kindergarten. */
  GRADE: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18'],
  PLAN_TYPE: ['10', '20', '30', '70', '80', '90'],
  DISABILITY: ['210', '220', '230', '240', '250', '260', '270', '280', '281', '290', '300', '310', '320', '330'],
  FEDSET_SCH: ['100', '200', '300', '400', '500', '600'],
  FEDSET_PRS: ['100', '200', '300', '400', '500', '600', '700', '800'],
  EVLDLAY: ['10', '20', '30', '40', '50', '60', '70', '90'],
  TBDDLAY: ['10', '20', '30', '40', '50', '90'],
  EXIT_RESON: ['70', '71', '72', '73', '74', '75', '76', '77', '78', '79', '81', '82'],
  /** Table D population: students who exited, not 70 (returned to general education), 76 (transferred), 77 (deceased). */
  EXIT_RESON_D: ['71', '72', '73', '74', '75', '78', '79', '81', '82'],
  TRAN_GOAL: ['10', '20', '30', '40', '90'],
  GRAD_PLAN: ['10', '20', '30'],
  PST_SECPRG: ['10', '20', '30', '90'],
  PST_SECEMP: ['10', '20', '30', '90'],

  // ---- Table B (3.2) ----
  /** 1 daily, 2 weekly, 3 monthly, 4 yearly, 5 once. */
  FREQUENCY: ['1', '2', '3', '4', '5'],

  // ---- Table C (3.3, 3.5) ----
  DSPL_TYPE: ['10', '20', '30', '40', '50'],
  DSPL_BY: ['10', '20'],
  REASON: ['10', '20', '30', '40', '50', '90'],
  DSPL_STAT: ['10', '20'],

  // ---- Other inputs (section 4) ----
  APR_GROUP: ['AI', 'AS', 'HI', 'AA', 'WH'],
  DISTRICT_TYPE: ['elementary', 'high', 'unified', 'coe', 'other'],
  GD_GRADE: ['09', '10', '11', '12', 'UG'],
  SUBJECT: ['ELA', 'MATH'],
  /**
   * CBEDS groups: the five APR groups, FI and PI (added to AS), MR and NR (no group); and the seven
   * federal groups of profile idea-2016 (ca-ffy2008 reads them as its five: PI7 to AS, MU7 none).
   */
  CBEDS_GROUP: ['AI', 'AS', 'HI', 'AA', 'WH', 'FI', 'PI', 'MR', 'NR', 'HI7', 'AM7', 'AS7', 'BL7', 'PI7', 'WH7', 'MU7'],
  CBEDS_GRADE_SPAN: ['K12', 'PK'],
  /** Parent survey `ethnicity`: an APR group or an ethnicity code. */
  SURVEY_ETHNICITY: [
    'AI', 'AS', 'HI', 'AA', 'WH',
    '100',
    '201', '202', '203', '204', '205', '206', '207', '208', '299',
    '301', '302', '303', '304', '399',
    '400', '500', '600', '700', '800', '999',
  ],
  PPP_INDICATOR: ['4A', '4B', '9', '10'],
  FINDING_CLUSTER: [
    '1-2-14', '3-7', '4A', '4B', '5-6', '8', '9-10', '11', '12', '13', 'other-procedural', 'other-personnel',
  ],
  FINDING_COMPONENT: ['monitoring', 'dispute'],
  FINDING_SOURCE: ['VR', 'SESR', 'NPS', 'data', 'complaint', 'hearing', 'other'],
  REVIEW_TYPE: ['SESR', 'VR', 'NPS'],
  /** Row ids of `dispute/table7.csv` (unknown ids are warning W-T7, not a code error). */
  TABLE7_ROW: [
    '1', '1.1', '1.1a', '1.1b', '1.1c', '1.2', '1.2a', '1.3',
    '2', '2.1', '2.1a', '2.1a.i', '2.1b', '2.1b.i', '2.2',
    '3', '3.1', '3.1a', '3.2', '3.2a', '3.2b', '3.3',
    '4', '4.1', '4.1a', '4.2', '4.2a',
  ],
  COMPLAINT_STATUS: ['report_issued', 'pending', 'pending_hearing', 'withdrawn', 'dismissed'],
  HEARING_OUTCOME: ['adjudicated', 'resolved', 'pending'],
  APR_INDICATOR: [
    '1', '2', '3A', '3B', '3C', '4A', '4B', '5', '6', '7', '8', '9', '10',
    '11', '12', '13', '14', '15', '16', '17', '18', '19', 'APR',
  ],
  /** Rubric / 618 scores. */
  SCORE: ['1', '0', 'NA'],
  TABLE_618: ['1', '2', '3', '4', '5', '6', '7'],
  SUBMISSION_PERIOD: ['dec', 'jun'],
} as const satisfies Record<string, readonly string[]>;

export type CodeListName = keyof typeof CODE_LISTS;

export type AprGroup = 'AI' | 'AS' | 'HI' | 'AA' | 'WH';

/** ETHNICITY1 code → APR group (3.5); 800 (two or more) and 999 (declined/unknown) have no group. */
export const ETHNICITY_GROUP: Record<string, AprGroup | null> = {
  '100': 'AI',
  '201': 'AS', '202': 'AS', '203': 'AS', '204': 'AS', '205': 'AS', '206': 'AS', '207': 'AS', '208': 'AS',
  '299': 'AS',
  '301': 'AS', '302': 'AS', '303': 'AS', '304': 'AS', '399': 'AS',
  '400': 'AS',
  '500': 'HI',
  '600': 'AA',
  '700': 'WH',
  '800': null,
  '999': null,
};
