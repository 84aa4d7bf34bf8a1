// Code lists of DATA-CONTRACT.md 3.5 and the distributions the generator draws from.
import { weights } from './rng.ts';

export const DISABILITY = ['210', '220', '230', '240', '250', '260', '270', '280', '281', '290', '300', '310', '320', '330'] as const;
export const ETHNICITY = ['100', '201', '202', '203', '204', '205', '206', '207', '208', '299', '301', '302', '303', '304', '399', '400', '500', '600', '700', '800', '999'] as const;
export const GRADES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18'] as const;
export const PLAN_TYPES = ['10', '20', '30', '70', '80', '90'] as const;
export const SERVED_PLANS = new Set(['10', '20', '30']);
export const FEDSET_SCH = ['100', '200', '300', '400', '500', '600'] as const;
export const FEDSET_PRS = ['100', '200', '300', '400', '500', '600', '700', '800'] as const;
export const EVLDLAY = ['10', '20', '30', '40', '50', '60', '70', '90'] as const;
export const TBDDLAY = ['10', '20', '30', '40', '50', '90'] as const;
export const EXIT_RESON = ['70', '71', '72', '73', '74', '75', '76', '77', '78', '79', '81', '82'] as const;
export const TRAN_GOALS = ['10', '20', '30', '40', '90'] as const;
export const GRAD_PLAN = ['10', '20', '30'] as const;
export const DSPL_TYPES = ['10', '20', '30', '40', '50'] as const;
export const REASONS = ['10', '20', '30', '40', '50', '90'] as const;
export const PST_SECPRG = ['10', '20', '30', '90'] as const;
export const PST_SECEMP = ['10', '20', '30', '90'] as const;

/** APR group of an ETHNICITY1 code (DATA-CONTRACT.md 3.5); '' = no group. */
export function aprGroup(eth: string): string {
  if (eth === '100') return 'AI';
  if (eth === '500') return 'HI';
  if (eth === '600') return 'AA';
  if (eth === '700') return 'WH';
  if (eth === '400' || eth.startsWith('2') || eth.startsWith('3')) return 'AS';
  return '';
}

/** CBEDS group of an ethnicity code (AS split into AS, FI, PI; MR two or more; NR unknown). */
export function cbedsGroup(eth: string): string {
  if (eth === '400') return 'FI';
  if (eth.startsWith('3')) return 'PI';
  if (eth.startsWith('2')) return 'AS';
  if (eth === '800') return 'MR';
  if (eth === '999') return 'NR';
  return aprGroup(eth);
}

export const CBEDS_GROUPS = ['AI', 'AS', 'HI', 'AA', 'WH', 'FI', 'PI', 'MR', 'NR'] as const;

export const ETHNICITY_W = weights<string>([
  ['500', 49.0], ['700', 28.0], ['600', 11.0],
  ['201', 1.4], ['202', 0.4], ['203', 0.6], ['204', 1.4], ['205', 0.7], ['206', 0.3], ['207', 0.3], ['208', 0.5], ['299', 0.4],
  ['400', 1.5], ['301', 0.15], ['302', 0.1], ['303', 0.15], ['304', 0.05], ['399', 0.1],
  ['100', 0.9], ['800', 2.0], ['999', 1.3],
]);

/** Disability by age band; overall mix ≈ 43 % SLD, 25 % SLI, 8 % AUT, 7 % OHI, 6 % MR. */
export const DIS_INFANT_W = weights<string>([
  ['270', 30], ['220', 14], ['230', 10], ['250', 12], ['300', 2], ['310', 14], ['210', 10], ['280', 8],
]);
export const DIS_PRESCHOOL_W = weights<string>([
  ['240', 62], ['320', 16], ['280', 5], ['210', 4], ['270', 3], ['220', 2], ['230', 1], ['250', 1], ['310', 2], ['260', 0.3], ['330', 0.2], ['290', 1],
]);
export const DIS_YOUNG_W = weights<string>([ // 6-8
  ['240', 40], ['290', 31], ['320', 10], ['280', 6], ['210', 5], ['270', 2], ['220', 1.5], ['230', 0.6], ['250', 0.6], ['260', 1.5], ['310', 1], ['330', 0.2], ['300', 0.03],
]);
export const DIS_SCHOOL_W = weights<string>([ // 9+
  ['290', 60], ['240', 9], ['320', 6.5], ['280', 7.5], ['210', 6.5], ['260', 5.2], ['270', 2], ['220', 1.3], ['230', 0.6], ['250', 0.6], ['310', 0.8], ['330', 0.35], ['300', 0.03],
]);

/** FEDSET_SCH for ages 6-22 (≈ 4.5 % in 200/300/400). */
export const FEDSET_SCH_W = weights<string>([
  ['100', 95.2], ['200', 3.1], ['300', 0.3], ['400', 0.7], ['500', 0.3], ['600', 0.4],
]);
/** IN_REGCLS band when FEDSET_SCH = 100: ≥80 ≈ 54.5 %, 40-79 ≈ 21.7 %, <40 ≈ 23.8 % of the 100s. */
export const INREG_BAND_W = weights<'high' | 'mid' | 'low'>([
  ['high', 54.0], ['mid', 21.5], ['low', 24.5],
]);
export const FEDSET_PRS_W = weights<string>([
  ['100', 30], ['200', 34], ['300', 3], ['400', 9], ['500', 0.3], ['600', 3], ['700', 18], ['800', 3],
]);

/** Age (on 2007-07-01) of the base served population. */
export const AGE_W = weights<number>([
  [0, 0.12], [1, 0.3], [2, 0.45], [3, 2.0], [4, 2.9], [5, 3.8], [6, 4.6], [7, 5.6], [8, 6.6], [9, 7.2], [10, 7.6],
  [11, 7.7], [12, 7.6], [13, 7.4], [14, 7.1], [15, 6.7], [16, 6.3], [17, 5.6], [18, 3.4], [19, 1.6], [20, 1.1], [21, 0.8], [22, 0.2],
]);
/** Age at entry of new (non Part C) entrants. */
export const NEW_ENTRY_AGE_W = weights<number>([
  [3, 8], [4, 12], [5, 14], [6, 13], [7, 12], [8, 11], [9, 9], [10, 7], [11, 5], [12, 4], [13, 3], [14, 2], [15, 1.5], [16, 1],
]);

/** Days beyond the 60-day due date of late evaluations (Table 11b shape). */
export const LATE_DAYS_W = weights<[number, number]>([
  [[1, 30], 64], [[31, 60], 21], [[61, 90], 10], [[91, 120], 3], [[121, 150], 1.3], [[151, 220], 1.2],
]);
export const EVLDLAY_LATE_W = weights<string>([
  ['10', 12], ['20', 6], ['30', 14], ['40', 6], ['50', 22], ['60', 18], ['70', 14], ['90', 8],
]);

export const SERVICES_SCHOOL = ['330', '415', '425', '435', '445', '450', '460', '510', '515', '520', '530', '535', '540', '610', '710', '720', '730', '740', '900'] as const;
export const SERVICES_TRANSITION = ['820', '830', '840', '850', '860', '870', '890'] as const;
export const SERVICES_INFANT = ['210', '220', '230', '240', '250'] as const;
export const PROVIDERS = ['100', '100', '100', '100', '200', '300', '400', '500'] as const;
export const LOCATIONS = ['100', '200', '300', '400', '500', '600'] as const;

export const REFR_BY = ['10', '20', '30', '40'] as const;
export const NATIVE_LANGS = ['01', '01', '01', '01', '01', '02', '03', '04', '05', '07', '08', '11', '12', '99'] as const;
