import * as z from 'zod';
import { type ColumnDef, dataYearOffset, decide, defineIndicator } from '../../src/engine/indicator.js';
import type { ParamValues } from '../../src/engine/params.js';

// Module sd (profile idea-2016): significant disproportionality under 34 CFR 300.646-647, the rules of
// SIGNIFICANT-DISPROPORTIONALITY.md. Count once per window year (count.sql: n and N per year ×
// district × category × federal group), decide per scenario (decide.sql: RR / ARR / NC, the
// multi-year and progress rules), publish (districts/sd.csv, tables/table-sd.csv, trigger sd).

/** The 14 categories of 300.647(b)(3)-(4), in table order. */
export const SD_CATEGORIES = [
  'ID_ALL', 'ID_ID', 'ID_SLD', 'ID_ED', 'ID_SLI', 'ID_OHI', 'ID_AUT',
  'PL_LT40', 'PL_SEP',
  'DS_OSS_LE10', 'DS_OSS_GT10', 'DS_ISS_LE10', 'DS_ISS_GT10', 'DS_TOTAL',
] as const;

/** At most two decimals: T100 = 100 × threshold is an integer (the test is made in integers). */
const twoDecimals = (v: number): boolean => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9;

const threshold = z.number().positive().refine(twoDecimals, { error: 'at most two decimals' });
const count = z.number().int().min(0);

// sd.<threshold|min_cell|min_n>.<category>: a State may set its standards per category (300.647(b)(2)).
const overrides = Object.fromEntries(
  SD_CATEGORIES.flatMap((c) => [
    [`threshold.${c}`, decide(threshold.optional(), `Risk-ratio threshold for ${c} only (default: sd.threshold)`)],
    [`min_cell.${c}`, decide(count.optional(), `Minimum cell size for ${c} only (default: sd.min_cell)`)],
    [`min_n.${c}`, decide(count.optional(), `Minimum n-size for ${c} only (default: sd.min_n)`)],
  ]),
) as Record<string, z.ZodType>;

/** The ratio and its printed form are computed from the row's four counts: hidden with any of them. */
const SD_FROM = ['numerator', 'denominator', 'comp_numerator', 'comp_denominator'];

const BLOCK = ['district', 'year', 'category'];

const DISTRICT_EXTRA: ColumnDef[] = [
  { name: 'year', type: 'VARCHAR', role: 'key' },
  { name: 'category', type: 'VARCHAR', role: 'key' },
  { name: 'group', type: 'VARCHAR', role: 'key' },
  { name: 'risk', type: 'DOUBLE', role: 'percent', num: 'numerator', den: 'denominator' },
  { name: 'comp_scope', type: 'VARCHAR', role: 'text' },
  // the LEA's other groups: hidden in a district-year-category block where a group's count is
  // (State scope: hidden where the State figures of the year and category hold a small group count)
  { name: 'comp_numerator', type: 'BIGINT', role: 'count', restOf: { col: 'numerator', within: BLOCK, when: { column: 'comp_scope', equals: 'LEA' } }, hiddenIf: 'comp_state_small' },
  { name: 'comp_denominator', type: 'BIGINT', role: 'count', restOf: { col: 'denominator', within: BLOCK, when: { column: 'comp_scope', equals: 'LEA' } }, hiddenIf: 'comp_state_small' },
  { name: 'comp_risk', type: 'DOUBLE', role: 'percent', num: 'comp_numerator', den: 'comp_denominator' },
  { name: 'method', type: 'VARCHAR', role: 'text' },
  { name: 'method_reason', type: 'VARCHAR', role: 'text' },
  { name: 'nc_reason', type: 'VARCHAR', role: 'text' },
  { name: 'years_exceeded', type: 'INTEGER', role: 'value' },
  { name: 'years_available', type: 'INTEGER', role: 'value' },
  { name: 'history', type: 'VARCHAR', role: 'text' },
  { name: 'persistent', type: 'BOOLEAN', role: 'flag' },
  { name: 'progress', type: 'VARCHAR', role: 'text' },
  { name: 'identified', type: 'BOOLEAN', role: 'flag' },
  { name: 'display', type: 'VARCHAR', role: 'value', from: SD_FROM },
  { name: 'comp_state_small', type: 'BOOLEAN', role: 'flag' },
];

/** How the LEAs of a table-sd row split by method and NC reason (they add up to `leas`). */
const LEA_SPLIT = ['rr', 'arr', 'nc_group_absent', 'nc_group_small', 'nc_zero_comparison_risk', 'nc_state_comparison_small', 'nc_zero_state_risk', 'nc_no_data'];
/** LEAs counted per row: each a count of districts, not a sum over the rows. */
const leaCount = (name: string): ColumnDef => ({ name, type: 'BIGINT', role: 'count', distinct: true });

const TABLE_COLUMNS: ColumnDef[] = [
  { name: 'category', type: 'VARCHAR', role: 'key' },
  { name: 'group', type: 'VARCHAR', role: 'key' },
  { name: 'group_name', type: 'VARCHAR', role: 'label' },
  { name: 'state_numerator', type: 'BIGINT', role: 'count' },
  { name: 'state_denominator', type: 'BIGINT', role: 'count' },
  { name: 'state_risk', type: 'DOUBLE', role: 'percent', num: 'state_numerator', den: 'state_denominator' },
  { name: 'leas', type: 'BIGINT', role: 'total', sumOf: LEA_SPLIT },
  ...[...LEA_SPLIT, 'exceeding', 'persistent', 'exempted_by_progress', 'identified'].map(leaCount),
];

/** The window m = max(K, 3 when a progress rule is on): the data years read, and their discipline years. */
function years(values: ParamValues): { dec: number[]; jun: number[] } {
  const k = Number(values['sd.consecutive_years'] ?? 3);
  const m = Math.max(k, values['sd.progress_rule'] && values['sd.progress_rule'] !== 'off' ? 3 : 1);
  const off = Number(values['sd.discipline_year_offset'] ?? 0);
  const dec = Array.from({ length: m }, (_, i) => -i);
  return { dec, jun: dec.map((o) => o + off) };
}

export default defineIndicator({
  id: 'sd',
  title: 'Significant disproportionality (34 CFR 300.647)',
  description:
    'Risk ratios (RR, or the alternate risk ratio against the State when the LEA comparison is small) for 7 race/ethnicity groups × 14 categories of identification, placement and discipline, per LEA and year of a window of up to three years; LEAs whose ratio exceeds sd.threshold for sd.consecutive_years years (less reasonable progress) are identified. Profile idea-2016 only.',
  paramPrefix: 'sd',
  extension: true,
  years,
  params: z.strictObject({
    data_year_offset: dataYearOffset,
    threshold: decide(threshold.default(3.0), 'Risk-ratio threshold: a ratio above it (strictly) exceeds; at most two decimals [state choice]'),
    min_cell: decide(count.default(10), 'Minimum cell size: a numerator minimum, for the group and for its comparison (above 10 needs a rationale)'),
    min_n: decide(count.default(30), 'Minimum n-size: a denominator minimum, for the group and for its comparison (above 30 needs a rationale)'),
    small_rule: decide(z.enum(['or', 'and']).default('or'), 'A group or comparison is too small when n < cell OR N < n-size (or), or only when both (and: CDE\'s RR-era rule)'),
    zero_comparison: decide(z.enum(['arr', 'nc']).default('arr'), 'An LEA comparison that passes the small test with risk 0: alternate risk ratio (arr) or not calculated (nc)'),
    consecutive_years: decide(z.number().int().min(1).max(3).default(3), 'K: consecutive years (ending at Y) a ratio must exceed the threshold'),
    short_history: decide(z.enum(['reduce', 'wait']).default('reduce'), 'Fewer years available than K: reduce K to them, or wait (not persistent)'),
    progress_rule: decide(z.enum(['off', 'any_decrease', 'points', 'percent']).default('off'), 'Reasonable progress (300.647(d)(2)) exempting a persistent pair: the ratio decreased in each of the two years ending at Y'),
    progress_amount: decide(z.number().min(0).default(0), 'X of the progress rule: the decrease in points (points) or percent of the earlier ratio (percent)'),
    id_ages: z.enum(['3-21', '6-21']).default('3-21').meta({ description: 'Ages of the identification categories (6-21 for data years before July 1, 2020)', stage: 'count' }),
    placement_ages: z.enum(['6-21']).default('6-21').meta({ description: 'Ages of the placement categories (300.647(b)(4))', stage: 'count' }),
    plan_types: z
      .array(z.enum(['10', '20', '30']))
      .min(1)
      .default(['10', '20'])
      .meta({ description: 'PLAN_TYPEs of the population (30, parentally placed private-school students, is left out by default)', stage: 'count' }),
    ohi_codes: z
      .array(z.string().regex(/^[0-9]{3}$/))
      .min(1)
      .default(['280'])
      .meta({ description: 'DISABILITY1 codes of ID_OHI (add 281 EMD if it is reported as OHI federally)', stage: 'count' }),
    total_removals: z.enum(['children', 'removals']).default('children').meta({ description: 'DS_TOTAL counts children with at least one removal, or removals', stage: 'count' }),
    discipline_base: z.enum(['jun', 'dec']).default('jun').meta({ description: 'Denominator of discipline: served June records aged 3-21 (jun) or the December count (dec)', stage: 'count' }),
    discipline_year_offset: z
      .number()
      .int()
      .min(-1)
      .max(0)
      .default(0)
      .meta({ description: 'Discipline of year y + offset is paired with the counts of year y (-1: the discipline of Y-1 with the child count of Y)', stage: 'load' }),
    ...overrides,
  }),
  inputs: [{ kind: 'table_a', period: 'DEC' }],
  triggers: ['sd'],
  measures: [
    { id: 'sd.identified', title: 'LEAs identified with significant disproportionality (of LEAs with a ratio calculated in Y)', precision: 2 },
    { id: 'sd.exceeding', title: 'LEAs with a ratio above the threshold in Y (of LEAs with a ratio calculated in Y)', precision: 2 },
  ],
  whatifColumns: [{ column: 'sd_pairs', file: 'whatif-pairs.sql', description: 'district × group × category pairs identified' }],
  dir: import.meta.url,
  count: ['count.sql'],
  decide: ['decide.sql'],
  outputs: [
    { kind: 'summary', file: 'summary.sql' },
    { kind: 'districts', file: 'districts.sql', columns: DISTRICT_EXTRA, fixedRoles: { value: 'value' }, fixedFrom: { value: SD_FROM },
      // each group's counts add up over the districts of a year and category (the State figure)
      sumsBy: ['year', 'category', 'group'],
      // its pairs: the year-Y rows of the groups present, with the method and the multi-year decision
      explain: { where: 'years_exceeded IS NOT NULL AND denominator > 0', columns: ['method', 'nc_reason', 'display', 'years_exceeded', 'years_available', 'persistent', 'progress', 'identified'] } },
    { kind: 'table', name: 'table-sd', file: 'table-sd.sql', columns: TABLE_COLUMNS },
    { kind: 'triggers', file: 'triggers.sql', triggers: ['sd'] },
    { kind: 'warnings', file: 'warnings.sql' },
    { kind: 'notes', file: 'notes.sql' },
  ],
});
