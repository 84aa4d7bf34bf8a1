// The non-CASEMIS inputs of DATA-CONTRACT.md section 4.
import { Rng, weights } from './rng.ts';
import type { Day } from './dates.ts';
import { dayOf, DateFormatter, eventDayOf, iso } from './dates.ts';
import { CsvWriter } from './csv.ts';
import type { Geo, District } from './geo.ts';
import { CBEDS_GROUPS } from './codes.ts';

export interface Expect {
  file: string;
  line: number;
  field: string;
  code: string;
  note: string;
}

export interface DistAgg {
  /** December served, all ages. */
  served: number;
  /** December served ages 6-22 by CBEDS group. */
  se: Record<string, number>;
  /** December served in grades 09-12. */
  hs: number;
  /** December served in grades 02-11 (tested grades). */
  tested: number;
}

export function emptyAgg(): DistAgg {
  const se: Record<string, number> = {};
  for (const g of CBEDS_GROUPS) se[g] = 0;
  return { served: 0, se, hs: 0, tested: 0 };
}

export interface OtherOpts {
  root: string;
  seed: number;
  geo: Geo;
  aggs: Map<string, DistAgg>;
  /** Plant deliberate errors and format edge cases (sample). */
  plant: boolean;
  /** SELPA that submitted December late. */
  lateSelpa: string;
  /** Multiplier for case-log and finding volumes (1 = seed volumes). */
  volume: number;
  expected: Expect[];
  written: Array<{ file: string; rows: number; bytes: number }>;
}

function done(o: OtherOpts, w: CsvWriter): void {
  w.close();
  o.written.push({ file: w.rel, rows: w.rows, bytes: w.bytes });
}

const yesNo = (b: boolean): string => (b ? 'Y' : 'N');
const jit = (rng: Rng, a: number, b: number): number => a + rng.next() * (b - a);
const agg = (o: OtherOpts, d: District): DistAgg => o.aggs.get(d.code) ?? emptyAgg();

export function writeDistricts(o: OtherOpts): void {
  const w = new CsvWriter(o.root, 'reference/districts.csv', ['district', 'name', 'selpa', 'county', 'type', 'charter']);
  for (const d of o.geo.districts) w.row([d.code, d.name, d.selpa, d.county, d.type, yesNo(d.charter)]);
  done(o, w);
}

const YEARS = ['2002-03', '2003-04', '2004-05', '2005-06', '2006-07', '2007-08', '2008-09'] as const;

export function writeGradDropout(o: OtherOpts): void {
  const rng = Rng.derive(o.seed, 'grad');
  const w = new CsvWriter(o.root, 'esea/grad_dropout.csv', ['district', 'year', 'grade', 'enrollment', 'dropouts', 'graduates', 'subgroup']);
  const rates: Record<string, number> = { '09': 0.0256, '10': 0.0346, '11': 0.048, '12': 0.1469, UG: 0.05 };
  const share: Record<string, number> = { '09': 1.04, '10': 0.97, '11': 0.92, '12': 1.0, UG: 0.05 };
  let plantedOne = false;
  let allDone = false;
  for (const d of o.geo.districts) {
    if (d.type === 'elementary') continue;
    const a = agg(o, d);
    const perGrade = Math.max(d.type === 'coe' ? 2 : 4, a.hs / 4);
    const dRate = jit(rng, 0.6, 1.45);
    YEARS.forEach((year, yi) => {
      const trend = 0.93 + yi * 0.012;
      for (const g of ['09', '10', '11', '12', 'UG'] as const) {
        if (d.type === 'coe' && g !== 'UG' && g !== '12') continue;
        const e = Math.max(0, Math.round(perGrade * (share[g] ?? 1) * trend * jit(rng, 0.9, 1.1)));
        const dr = Math.min(0.6, (rates[g] ?? 0.05) * dRate * (1.06 - yi * 0.012) * jit(rng, 0.8, 1.2));
        let dropouts = String(Math.round(e * dr));
        const grads = g === '12' ? String(Math.round(e * jit(rng, 0.3, 0.44))) : '0';
        if (o.plant && !plantedOne && year === '2002-03' && g === '10' && d.type === 'unified') {
          dropouts = '-3';
          plantedOne = true;
          o.expected.push({ file: w.rel, line: w.line, field: 'dropouts', code: 'E-RANGE', note: 'negative count (year not used by indicator 1 or 2)' });
        }
        w.row([d.code, year, g, String(e), dropouts, grads, 'SWD']);
      }
      if (o.plant && !allDone && d.type === 'unified' && year === '2008-09') {
        // Rows of another subgroup: ignored, not rejected.
        allDone = true;
        for (const g of ['09', '10', '11', '12'] as const) w.row([d.code, year, g, String(Math.round(perGrade * 9)), String(Math.round(perGrade * 0.2)), g === '12' ? String(Math.round(perGrade * 7)) : '0', 'ALL']);
      }
    });
  }
  done(o, w);
}

const AMO: Record<string, [number, number]> = { elementary: [46.0, 47.5], high: [44.5, 43.5], unified: [45.0, 45.5], coe: [45.0, 45.5], other: [45.0, 45.5] };

export function writeAssessment(o: OtherOpts): void {
  const rng = Rng.derive(o.seed, 'assessment');
  const w = new CsvWriter(o.root, 'assessment/district_results.csv', [
    'district', 'year', 'subject', 'swd_enrolled', 'enrolled_window', 'participants', 'enrolled_fay', 'proficient_fay', 'met_participation',
    'met_proficiency', 'met_all_ayp', 'regular', 'regular_accom', 'modified', 'alternate',
  ]);
  for (const year of ['2007-08', '2008-09'] as const) {
    for (const d of o.geo.districts) {
      const a = agg(o, d);
      const base = Math.max(3, Math.round(a.tested * (year === '2007-08' ? 0.97 : 1) * jit(rng, 0.95, 1.05)));
      const rows: string[][] = [];
      const flags: Array<[boolean, boolean]> = [];
      for (const [si, subject] of (['ELA', 'MATH'] as const).entries()) {
        const ew = base + rng.int(0, Math.max(1, Math.round(base * 0.03)));
        const part = Math.min(ew, Math.round(ew * jit(rng, 0.92, 1.0)));
        const fay = Math.round(part * jit(rng, 0.84, 0.95));
        const pct = Math.max(0.05, Math.min(0.85, (subject === 'ELA' ? 0.33 : 0.36) + rng.normal() * 0.08));
        const prof = Math.round(fay * pct);
        const amo = (AMO[d.type] ?? [45, 45.5])[si] ?? 45;
        const mp = part / Math.max(1, ew) >= 0.95;
        const mf = 100 * pct >= amo * 0.62 ? rng.chance(0.92) : rng.chance(0.25);
        flags.push([mp, mf]);
        const alt = Math.round(part * 0.1);
        const mod = Math.round(part * 0.2);
        const acc = Math.round(part * 0.25);
        const reg = part - alt - mod - acc;
        rows.push([d.code, year, subject, String(base), String(ew), String(part), String(fay), String(prof), yesNo(mp), yesNo(mf), '', String(reg), String(acc), String(mod), String(alt)]);
      }
      const all = flags.every(([p, f]) => p && f) && rng.chance(0.8);
      for (const r of rows) {
        r[10] = yesNo(all);
        w.row(r);
      }
    }
  }
  done(o, w);
}

const RISK: Record<string, number> = { AI: 0.127, AS: 0.063, FI: 0.063, PI: 0.07, HI: 0.109, AA: 0.163, WH: 0.125, MR: 0.1, NR: 0.1 };
const GE_SHARE: Record<string, number> = { AI: 0.0077, AS: 0.085, FI: 0.027, PI: 0.006, HI: 0.507, AA: 0.075, WH: 0.288, MR: 0.02, NR: 0.01 };

export function writeCbeds(o: OtherOpts): void {
  const rng = Rng.derive(o.seed, 'cbeds');
  const w = new CsvWriter(o.root, 'enrollment/cbeds.csv', ['district', 'year', 'grade_span', 'group', 'enrollment']);
  // 2008-09 in CBEDS letters (read by 9 and 10, and by sd); its rows kept for the earlier years.
  const rows2008: { district: string; group: string; enr: number }[] = [];
  let planted = false;
  for (const d of o.geo.districts) {
    const a = agg(o, d);
    let seTotal = 0;
    for (const g of CBEDS_GROUPS) seTotal += a.se[g] ?? 0;
    const distEnr = Math.max(40, seTotal / 0.11);
    const skew = rng.chance(0.25) ? rng.pick(['HI', 'AA', 'WH', 'AS']) : '';
    for (const g of CBEDS_GROUPS) {
      const se = a.se[g] ?? 0;
      let enr: number;
      if (se > 0) {
        let r = (RISK[g] ?? 0.1) * jit(rng, 0.8, 1.25);
        if (g === skew) r *= rng.chance(0.5) ? 1.9 : 0.5;
        enr = Math.max(se, Math.round(se / r));
      } else {
        enr = Math.round(distEnr * (GE_SHARE[g] ?? 0.01) * jit(rng, 0.3, 1.2));
      }
      let v = String(enr);
      if (o.plant && !planted && g === 'NR' && d.type === 'unified') {
        v = `1,${String(enr % 1000).padStart(3, '0')}`;
        planted = true;
        o.expected.push({ file: w.rel, line: w.line, field: 'enrollment', code: 'E-TYPE', note: 'thousands separator (quoted field with a comma); group NR counts in no APR group' });
      }
      w.row([d.code, '2008-09', 'K12', g, v]);
      rows2008.push({ district: d.code, group: g, enr });
    }
  }
  if (o.plant && !planted) throw new Error('cbeds: no NR row large enough for the E-TYPE plant');
  writeCbedsHistory(o, w, rows2008);
  done(o, w);
}

/** The seven federal groups of profile idea-2016 for a CBEDS letter (FI to AS7, NR none). */
const FEDERAL: Record<string, string | null> = { AI: 'AM7', AS: 'AS7', FI: 'AS7', PI: 'PI7', HI: 'HI7', AA: 'BL7', WH: 'WH7', MR: 'MU7', NR: null };

/**
 * 2006-07 and 2007-08 (the earlier years of profile idea-2016's window), in the seven federal codes:
 * each district's 2008-09 enrollment per group, a few percent smaller the further back. Its own
 * PRNG stream, so the 2008-09 rows do not change.
 */
function writeCbedsHistory(o: OtherOpts, w: CsvWriter, rows2008: { district: string; group: string; enr: number }[]): void {
  const rng = Rng.derive(o.seed, 'cbeds-history');
  for (const [year, back] of [['2006-07', 2], ['2007-08', 1]] as const) {
    const byGroup = new Map<string, number>();
    for (const r of rows2008) {
      const g = FEDERAL[r.group];
      if (!g) continue;
      const k = `${r.district}|${g}`;
      byGroup.set(k, (byGroup.get(k) ?? 0) + r.enr);
    }
    for (const [k, enr] of byGroup) {
      const [district, g] = k.split('|') as [string, string];
      w.row([district, year, 'K12', g, String(Math.round(enr * (1 - 0.015 * back) * jit(rng, 0.97, 1.03)))]);
    }
  }
}

export function writeBreaks(o: OtherOpts): void {
  const w = new CsvWriter(o.root, 'calendar/breaks.csv', ['district', 'start_date', 'end_date', 'school_days', 'description']);
  const uni = o.geo.districts.filter((d) => d.type === 'unified');
  const d1 = uni[0];
  const d2 = uni[1] ?? uni[0];
  w.row(['*', '2007-12-24', '2008-01-04', '10', 'Winter break 2007-08']);
  w.row(['*', '2008-12-22', '2009-01-02', '10', 'Winter break']);
  if (d1) w.row([d1.code, '2009-02-09', '2009-02-27', '15', 'Year-round intersession\nTrack B, all tracks closed']);
  if (o.plant) o.expected.push({ file: w.rel, line: w.line, field: 'school_days', code: 'W-BRK', note: 'break of 3 school days: kept, ignored' });
  w.row(['*', '2008-11-26', '2008-11-28', '3', 'Thanksgiving recess']);
  w.row(['*', '2009-03-30', '2009-04-10', '10', 'Spring recess, two weeks']);
  if (d2) w.row([d2.code, '2009-06-01', '2009-06-12', '', 'Early summer recess (school_days blank: weekdays counted)']);
  if (!o.plant) {
    const rng = Rng.derive(o.seed, 'breaks');
    for (const d of rng.sample(o.geo.districts, 20)) {
      w.row([d.code, '2009-02-16', '2009-02-20', '5', 'Mid-winter recess']);
    }
  }
  done(o, w);
}

export interface Referral {
  id: string;
  last: string;
  first: string;
  birth: Day;
  gender: string;
  refr: Day;
  partcEntry: Day;
  dist: string;
  rc: string;
}

export function openReferrals(o: OtherOpts): CsvWriter {
  return new CsvWriter(o.root, 'partc/referrals.csv', ['referral_id', 'LAST_NAME', 'FIRST_NAME', 'BIRTHDATE', 'GENDER', 'REFR_DATE', 'PARTC_ENTRY', 'DIST_RESI', 'regional_center']);
}

const MDY = new DateFormatter('mdy');
export function referralFields(r: Referral): string[] {
  return [r.id, r.last, r.first, MDY.fmt(r.birth), r.gender, MDY.fmt(r.refr), MDY.fmt(r.partcEntry), r.dist, r.rc];
}

export function closeOther(o: OtherOpts, w: CsvWriter): void {
  done(o, w);
}

const SURVEY_DIS_W = weights<string>([
  ['290', 50.4], ['240', 21.8], ['320', 7.3], ['280', 7.0], ['210', 6.0], ['260', 2.7], ['270', 1.6], ['220', 0.84], ['250', 0.7],
  ['310', 0.8], ['230', 0.5], ['330', 0.36], ['300', 0.09],
]);
const SURVEY_ETH_W = weights<string>([['HI', 45.1], ['WH', 36.8], ['AA', 9.2], ['AS', 7.4], ['AI', 1.5]]);
const GROUP_TO_CODE: Record<string, readonly string[]> = { HI: ['500'], WH: ['700'], AA: ['600'], AS: ['201', '204', '400', '301'], AI: ['100'] };

export function writeSurvey(o: OtherOpts, totalResponses: number): void {
  const rng = Rng.derive(o.seed, 'survey');
  const w = new CsvWriter(o.root, 'survey/parent_survey.csv', ['response_id', 'district', 'q5', 'disability', 'ethnicity'], { crlf: o.plant });
  const dist = new CsvWriter(o.root, 'survey/distribution.csv', ['district', 'surveys_mailed'], { bom: o.plant });
  let total = 0;
  for (const d of o.geo.districts) total += agg(o, d).served;
  let seq = 0;
  let dupDone = false;
  for (const d of o.geo.districts) {
    const n = Math.round((totalResponses * agg(o, d).served) / Math.max(1, total));
    if (n === 0) continue;
    dist.row([d.code, String(Math.round(n / jit(rng, 0.21, 0.33)))]);
    for (let i = 0; i < n; i++) {
      seq++;
      const id = `PS${String(seq).padStart(6, '0')}`;
      const r = rng.next();
      let q5 = r < 0.832 ? 'Y' : r < 0.986 ? 'N' : r < 0.996 ? '' : rng.pick(['?', 'NA']);
      if (q5 !== '' && rng.chance(0.05)) q5 = q5.toLowerCase();
      const dis = rng.chance(0.97) ? rng.weighted(SURVEY_DIS_W) : '';
      const grp = rng.weighted(SURVEY_ETH_W);
      const eth = rng.chance(0.05) ? '' : rng.chance(0.4) ? rng.pick(GROUP_TO_CODE[grp] ?? ['999']) : grp;
      w.row([id, d.code, q5, dis, eth]);
      if (o.plant && !dupDone && seq === 40) {
        dupDone = true;
        o.expected.push({ file: w.rel, line: w.line, field: 'response_id', code: 'E-DUP', note: 'response_id repeated (later row rejected)' });
        w.row([id, d.code, 'Y', '240', 'HI']);
      }
    }
  }
  done(o, w);
  done(o, dist);
}

export function writeReviews(o: OtherOpts): void {
  const rng = Rng.derive(o.seed, 'reviews');
  const w = new CsvWriter(o.root, 'reviews/ppp_reviews.csv', ['district', 'indicator', 'review_year', 'noncompliant', 'item_no', 'findings']);
  let planted = false;
  for (const d of o.geo.districts) {
    if (d.type === 'coe') continue;
    if (rng.chance(0.3)) {
      const items = rng.sample([...Array(26).keys()].map((k) => k + 1), rng.int(1, 4)).sort((a, b) => a - b);
      const nc = rng.chance(0.45);
      items.forEach((it, k) => {
        const f = nc && (k === 0 || rng.chance(0.5)) ? rng.int(1, 3) : 0;
        w.row([d.code, '4A', '2008-09', yesNo(f > 0), String(it), String(f)]);
      });
    }
    for (const ind of ['4B', '9', '10'] as const) {
      if (rng.chance(ind === '4B' ? 0.12 : 0.25)) w.row([d.code, ind, '2008-09', yesNo(rng.chance(0.6)), '', String(rng.int(0, 4))]);
    }
    if (o.plant && !planted) {
      planted = true;
      o.expected.push({ file: w.rel, line: w.line, field: 'indicator', code: 'E-CODE', note: 'indicator 7 is not reviewed' });
      w.row([d.code, '7', '2008-09', 'N', '', '0']);
    }
  }
  done(o, w);
}

const CLUSTER_W = weights<string>([
  ['1-2-14', 3], ['3-7', 2], ['4A', 5], ['4B', 1], ['5-6', 6], ['8', 2], ['9-10', 4], ['11', 12], ['12', 2], ['13', 8], ['other-procedural', 45], ['other-personnel', 10],
]);

export function writeFindings(o: OtherOpts, n: number): void {
  const rng = Rng.derive(o.seed, 'findings');
  const w = new CsvWriter(o.root, 'monitoring/findings.csv', ['finding_id', 'district', 'cluster', 'component', 'source', 'notified_date', 'corrected_date']);
  const ds = o.geo.districts;
  const hot = rng.sample(ds, Math.max(3, Math.round(ds.length * 0.4)));
  for (let i = 1; i <= n; i++) {
    const d = rng.pick(hot);
    const dispute = rng.chance(0.1);
    const src = dispute ? rng.pick(['complaint', 'complaint', 'hearing']) : rng.pick(['VR', 'SESR', 'SESR', 'NPS', 'data', 'data', 'other']);
    const ffy2007 = rng.chance(0.8);
    const notified = eventDayOf(ffy2007 ? rng.int(dayOf(2007, 7, 15), dayOf(2008, 6, 20)) : rng.int(dayOf(2008, 7, 15), dayOf(2009, 6, 20)));
    const r = rng.next();
    const corrected = r < 0.955 ? iso(eventDayOf(notified + rng.int(20, 350))) : r < 0.98 ? iso(eventDayOf(notified + rng.int(380, 500))) : '';
    const id = `F${ffy2007 ? '07' : '08'}-${String(i).padStart(6, '0')}`;
    let nd = iso(notified);
    if (o.plant && i === 17) {
      nd = '2008-02-30';
      o.expected.push({ file: w.rel, line: w.line, field: 'notified_date', code: 'E-DATE', note: 'impossible date' });
    }
    w.row([id, d.code, rng.weighted(CLUSTER_W), dispute ? 'dispute' : 'monitoring', src, nd, corrected]);
    if (o.plant && i === 30) {
      o.expected.push({ file: w.rel, line: w.line, field: 'finding_id', code: 'E-DUP', note: 'finding_id repeated (later row rejected)' });
      w.row([id, d.code, '11', 'monitoring', 'data', iso(notified + 3), '']);
    }
  }
  done(o, w);
}

export function writeCycle(o: OtherOpts): void {
  const rng = Rng.derive(o.seed, 'cycle');
  const w = new CsvWriter(o.root, 'monitoring/cycle.csv', ['district', 'review_year', 'review_type']);
  for (const d of o.geo.districts) {
    if (d.type === 'coe') continue;
    w.row([d.code, rng.pick(['2006-07', '2007-08', '2008-09', '2009-10']), d.charter ? 'VR' : rng.pick(['SESR', 'SESR', 'VR'])]);
    if (rng.chance(0.08)) w.row([d.code, '2008-09', 'NPS']);
  }
  done(o, w);
}

export interface DisputeCounts {
  complaints: { total: number; issued: number; onTime: number; lateExt: number; findingsN: number; pending: number; pendingHearing: number };
  mediations: { total: number; heldDp: number; heldDpAgree: number; heldNon: number; heldNonAgree: number; notHeldBlank: number };
  hearings: { total: number; rm: number; settle: number; adj: number; adjOnTime: number; adjExt: number; resolved: number; exp: number; expRm: number; expAdj: number };
  /** Extra cases filed in the prior year (outside Y). */
  prior: number;
}

export const SEED_DISPUTES: DisputeCounts = {
  complaints: { total: 838, issued: 679, onTime: 665, lateExt: 14, findingsN: 0, pending: 0, pendingHearing: 0 },
  mediations: { total: 2706, heldDp: 1406, heldDpAgree: 852, heldNon: 179, heldNonAgree: 100, notHeldBlank: 60 },
  hearings: { total: 2709, rm: 530, settle: 140, adj: 104, adjOnTime: 12, adjExt: 84, resolved: 2332, exp: 42, expRm: 3, expAdj: 3 },
  prior: 40,
};

export const SAMPLE_DISPUTES: DisputeCounts = {
  complaints: { total: 34, issued: 27, onTime: 24, lateExt: 2, findingsN: 1, pending: 1, pendingHearing: 1 },
  mediations: { total: 60, heldDp: 31, heldDpAgree: 19, heldNon: 4, heldNonAgree: 2, notHeldBlank: 5 },
  hearings: { total: 60, rm: 12, settle: 3, adj: 4, adjOnTime: 1, adjExt: 2, resolved: 50, exp: 2, expRm: 1, expAdj: 1 },
  prior: 3,
};

export function writeDisputes(o: OtherOpts, c: DisputeCounts): void {
  const rng = Rng.derive(o.seed, 'disputes');
  const ds = o.geo.districts.filter((d) => d.type !== 'coe');
  const inY = (): Day => eventDayOf(rng.int(dayOf(2008, 7, 1), dayOf(2009, 4, 30)));
  const prior = (): Day => eventDayOf(rng.int(dayOf(2007, 9, 1), dayOf(2008, 6, 20)));

  // Complaints.
  const cw = new CsvWriter(o.root, 'dispute/complaints.csv', ['case_id', 'district', 'filed_date', 'status', 'report_date', 'findings', 'due_date', 'extended', 'extended_due_date']);
  const cc = c.complaints;
  const statuses: string[] = [];
  for (let i = 0; i < cc.issued; i++) statuses.push(i < cc.onTime ? 'on' : i < cc.onTime + cc.lateExt ? 'ext' : 'late');
  for (let i = 0; i < cc.pending; i++) statuses.push(i < cc.pendingHearing ? 'pending_hearing' : 'pending');
  while (statuses.length < cc.total) statuses.push(rng.chance(0.55) ? 'withdrawn' : 'dismissed');
  rng.shuffle(statuses);
  let findingsN = cc.findingsN;
  const rows: string[][] = [];
  statuses.forEach((st, i) => {
    const filed = inY();
    const due = filed + 60;
    const dueCell = rng.chance(0.2) ? '' : iso(due);
    const id = `C${String(i + 1).padStart(5, '0')}`;
    const d = rng.pick(ds).code;
    if (st === 'on' || st === 'ext' || st === 'late') {
      let fnd = 'Y';
      if (findingsN > 0 && st === 'on') {
        findingsN--;
        fnd = 'N';
      }
      if (st === 'on') rows.push([id, d, iso(filed), 'report_issued', iso(filed + rng.int(25, 60)), fnd, dueCell, 'N', '']);
      else if (st === 'ext') rows.push([id, d, iso(filed), 'report_issued', iso(due + rng.int(5, 25)), fnd, iso(due), 'Y', iso(due + 30)]);
      else rows.push([id, d, iso(filed), 'report_issued', iso(due + rng.int(3, 20)), fnd, iso(due), 'N', '']);
    } else rows.push([id, d, iso(filed), st, '', '', dueCell, 'N', '']);
  });
  for (let i = 0; i < c.prior; i++) {
    const filed = prior();
    rows.push([`C07-${String(i + 1).padStart(4, '0')}`, rng.pick(ds).code, iso(filed), 'report_issued', iso(filed + 50), 'Y', iso(filed + 60), 'N', '']);
  }
  rows.forEach((r) => cw.row(r));
  if (o.plant) {
    o.expected.push({ file: cw.rel, line: cw.line, field: 'status', code: 'E-CODE', note: "status 'closed' is not a listed status" });
    cw.row(['C09-0001', rng.pick(ds).code, '2008-10-14', 'closed', '2008-11-20', 'Y', '', 'N', '']);
  }
  done(o, cw);

  // Mediations.
  const mw = new CsvWriter(o.root, 'dispute/mediations.csv', ['case_id', 'district', 'request_date', 'due_process_related', 'held', 'held_date', 'agreement']);
  const mc = c.mediations;
  const kinds: Array<[boolean | null, boolean, boolean]> = []; // held, dp, agreement
  for (let i = 0; i < mc.heldDp; i++) kinds.push([true, true, i < mc.heldDpAgree]);
  for (let i = 0; i < mc.heldNon; i++) kinds.push([true, false, i < mc.heldNonAgree]);
  const notHeld = mc.total - mc.heldDp - mc.heldNon;
  for (let i = 0; i < notHeld; i++) kinds.push([i < mc.notHeldBlank ? null : false, rng.chance(0.8), false]);
  rng.shuffle(kinds);
  kinds.forEach(([held, dp, agr], i) => {
    const req = inY();
    mw.row([`M${String(i + 1).padStart(5, '0')}`, rng.pick(ds).code, iso(req), yesNo(dp), held === null ? '' : yesNo(held), held ? iso(req + rng.int(10, 45)) : '', held ? yesNo(agr) : '']);
  });
  for (let i = 0; i < c.prior; i++) mw.row([`M07-${String(i + 1).padStart(4, '0')}`, rng.pick(ds).code, iso(prior()), 'Y', 'Y', '', 'Y']);
  done(o, mw);

  // Due process hearings.
  const hw = new CsvWriter(o.root, 'dispute/hearings.csv', [
    'case_id', 'district', 'filed_date', 'expedited', 'resolution_meeting', 'settlement', 'outcome', 'decision_date', 'due_date', 'extended',
    'extended_due_date', 'placement_change',
  ]);
  const hc = c.hearings;
  interface H { outcome: string; timing: string; exp: boolean; rm: boolean; settle: boolean }
  const hs: H[] = [];
  for (let i = 0; i < hc.adj; i++) hs.push({ outcome: 'adjudicated', timing: i < hc.adjOnTime ? 'on' : i < hc.adjOnTime + hc.adjExt ? 'ext' : 'late', exp: i >= hc.adj - hc.expAdj, rm: false, settle: false });
  for (let i = 0; i < hc.resolved; i++) hs.push({ outcome: 'resolved', timing: '', exp: false, rm: false, settle: false });
  while (hs.length < hc.total) hs.push({ outcome: 'pending', timing: '', exp: false, rm: false, settle: false });
  // Expedited cases beyond the adjudicated ones, among resolved/pending.
  const nonAdj = hs.filter((h) => h.outcome !== 'adjudicated');
  for (const h of nonAdj.slice(0, hc.exp - hc.expAdj)) h.exp = true;
  const expCases = hs.filter((h) => h.exp);
  for (const h of expCases.slice(0, hc.expRm)) h.rm = true;
  const plainResolved = hs.filter((h) => !h.exp && h.outcome === 'resolved');
  for (const h of plainResolved.slice(0, hc.settle)) {
    h.rm = true;
    h.settle = true;
  }
  const others = rng.shuffle(hs.filter((h) => !h.exp && !h.rm));
  for (const h of others.slice(0, hc.rm - hc.settle - hc.expRm)) h.rm = true;
  rng.shuffle(hs);
  hs.forEach((h, i) => {
    const filed = inY();
    const due = filed + (h.exp ? 30 : 75);
    let decision = '';
    let ext = 'N';
    let extDue = '';
    if (h.outcome === 'adjudicated') {
      if (h.timing === 'on') decision = iso(due - rng.int(0, 10));
      else if (h.timing === 'ext') {
        ext = 'Y';
        extDue = iso(due + 45);
        decision = iso(due + rng.int(5, 44));
      } else decision = iso(due + rng.int(3, 30));
    }
    hw.row([
      `H${String(i + 1).padStart(5, '0')}`, rng.pick(ds).code, iso(filed), yesNo(h.exp), yesNo(h.rm), h.rm ? yesNo(h.settle) : '', h.outcome, decision, iso(due), ext,
      extDue, h.exp ? 'N' : '',
    ]);
  });
  for (let i = 0; i < c.prior; i++) {
    const filed = prior();
    hw.row([`H07-${String(i + 1).padStart(4, '0')}`, rng.pick(ds).code, iso(filed), 'N', 'N', '', 'resolved', '', iso(filed + 75), 'N', '', '']);
  }
  done(o, hw);
}

export function writeSubmissions(o: OtherOpts): void {
  const rub = new CsvWriter(o.root, 'submissions/apr_rubric.csv', ['indicator', 'valid_reliable', 'correct_calculation', 'due_date', 'submitted_date']);
  const na = new Set(['4B', '6', '7', '14']);
  for (const ind of ['1', '2', '3A', '3B', '3C', '4A', '4B', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19']) {
    if (na.has(ind)) rub.row([ind, 'NA', 'NA', '', '']);
    else rub.row([ind, '1', ind === '1' || ind === '2' ? '' : '1', '', '']);
  }
  rub.row(['APR', '', '', '2010-02-01', '2010-02-01']);
  done(o, rub);

  const t = new CsvWriter(o.root, 'submissions/618_tables.csv', ['table', 'name', 'due_date', 'submitted_date', 'timely', 'complete', 'passed_edit', 'responded_notes']);
  const names = ['Child Count', 'Personnel', 'Educational Environments', 'Exiting', 'Discipline', 'Assessment', 'Dispute Resolution'];
  const due = ['2009-02-01', '2009-11-01', '2009-02-01', '2009-11-01', '2009-11-01', '2010-02-01', '2009-11-01'];
  names.forEach((n, i) => {
    const timely = i % 3 === 0 ? '' : '1';
    t.row([String(i + 1), n, due[i] ?? '', due[i] ?? '', timely, '1', i === 5 ? '0' : '1', 'NA']);
  });
  done(o, t);

  const s = new CsvWriter(o.root, 'submissions/selpa_submissions.csv', ['selpa', 'selpa_name', 'period', 'due_date', 'submitted_date', 'passed_verification']);
  const rng = Rng.derive(o.seed, 'selpa-submissions');
  for (const sp of o.geo.selpas) {
    const lateDec = sp.code === o.lateSelpa;
    s.row([sp.code, sp.name, 'dec', '2009-01-15', lateDec ? '2009-01-27' : iso(dayOf(2009, 1, 15) - rng.int(0, 12)), 'Y']);
    const badJun = !o.plant && rng.chance(0.04);
    s.row([sp.code, sp.name, 'jun', '2009-07-31', iso(dayOf(2009, 7, 31) - rng.int(0, 20) + (badJun ? 25 : 0)), yesNo(!rng.chance(0.02))]);
  }
  done(o, s);
}

