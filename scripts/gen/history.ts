// History folders of the sample: earlier CASEMIS submissions (casemis/2006-06, 2006-12, 2007-06,
// 2007-12) that give the multi-year views (tables/trend-<id>.csv of 4A, 5, 11, 12) several data years.
//
// The model simulates the school years 2007-08 and 2008-09. December 2007 lies inside it and is a
// plain snapshot of the model. The years before it are the model's two years replayed two years
// earlier: 2006-06 is the 2008-06 snapshot and 2006-12 / 2007-06 the 2008-12 / 2009-06 snapshots,
// every date moved back two whole years (Feb 29 becomes Feb 28), REPT_DATE included. Each history
// school year is consistent in itself (the same students in its December and June folders) and has
// its own drift (DRIFT): compliance and placements a little worse the further back.
//
// History rows are clean: no planted errors, no planted copies; only the natural overdue IEP /
// evaluation warnings. Every decision here uses labelled RNG streams (`Rng.derive(seed, 'history',
// …)`) and per-student hashes, so the generated reporting-year files do not change.
import { Rng } from './rng.ts';
import type { Day } from './dates.ts';
import { addYears, dayOf, eventDayOf, ymd } from './dates.ts';
import { LATE_DAYS_W } from './codes.ts';
import { INREG, PERIODS, period } from './model.ts';
import type { Period, SelpaPopulation, Student } from './model.ts';
import { TA_DATE_FIELDS, snapshot, tableCRows, unit } from './tables.ts';
import type { Cell, Snap, TARow, TCRow } from './tables.ts';

export interface HistoryFolder {
  /** The folder written (`casemis/<target.folder>`). */
  target: Period;
  /** The model period whose snapshot is written `shift` years later. */
  source: Period;
  /** Whole years added to every date (0 or negative). */
  shift: number;
  /** Salt of the overdue IEP / evaluation draws (the generated periods use 0-2). */
  salt: number;
  /** What reads the folder (README). */
  feeds: string;
}

/** Years the model's school years are replayed by (2007-08 → 2005-06, 2008-09 → 2006-07). */
export const REPLAY_SHIFT = -2;

export const HISTORY: readonly HistoryFolder[] = [
  { target: period('2006-06'), source: PERIODS[0] as Period, shift: REPLAY_SHIFT, salt: 3, feeds: '4A, 11, 12 (data year 2005-06)' },
  { target: period('2006-12'), source: PERIODS[1] as Period, shift: REPLAY_SHIFT, salt: 4, feeds: '5 (2006-07)' },
  { target: period('2007-06'), source: PERIODS[2] as Period, shift: REPLAY_SHIFT, salt: 5, feeds: '4A, 11, 12 (2006-07)' },
  { target: period('2007-12'), source: period('2007-12'), shift: 0, salt: 6, feeds: '5 (2007-08)' },
];

/** Referral ids of the replayed years: the source referral's number plus this (ids stay unique). */
export const SHIFTED_REFERRAL_OFFSET = 9000000;

/**
 * Year-over-year variation of a history school year. `lre` and `discipline` apply to the records of
 * the year's own folders; `lateEval` and `partcLate` to the evaluations and third birthdays that fall
 * in the year, whichever replayed folder shows them (so every file agrees on a student's dates).
 */
export interface Drift {
  /** 11: timely evaluations made late (consent moved earlier, a non-excused EVLDLAY). */
  lateEval: number;
  /** 12: Part C children with an IEP by the third birthday whose IEP comes after it instead. */
  partcLate: number;
  /** 4A: multiplier of the Table C discipline rate (June folders). */
  discipline: number;
  /** 5: records in a regular class ≥ 80 % (40-79 %) moved one band down. */
  lre: number;
}

export const DRIFT: Readonly<Record<string, Drift>> = {
  '2005-06': { lateEval: 0.075, partcLate: 0.08, discipline: 1.8, lre: 0.07 },
  '2006-07': { lateEval: 0.04, partcLate: 0.05, discipline: 1.4, lre: 0.045 },
  // Only December 2007 is written (its June is the generated 2008-06) and the model's own years keep
  // their simulated dates, so 2007-12 drifts in placements only and agrees with 2008-06 otherwise.
  '2007-08': { lateEval: 0, partcLate: 0, discipline: 1, lre: 0.02 },
};

/** EVLDLAY of a late evaluation that is not excused or on a state timeline (INDICATORS.md 11). */
const LATE_EVLDLAY = ['50', '60', '70', '90'] as const;
/** TBDDLAY of an IEP after the third birthday that is not a parent refusal (INDICATORS.md 12). */
const LATE_TBDDLAY = ['20', '40', '50', '90'] as const;

function schoolYearStart(d: Day): Day {
  const { y, m } = ymd(d);
  return dayOf(m >= 7 ? y : y - 1, 7, 1);
}

function schoolYearOf(d: Day): string {
  const y = ymd(schoolYearStart(d)).y;
  return `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
}

/**
 * The student as history folder `h` shows them: same identity, drifted placement and, in the
 * replayed years, drifted evaluation / Part C dates. A pure function of (seed, student, folder):
 * each decision is keyed by the school year it belongs to, so the folders of a year agree.
 */
export function drifted(seed: number, s: Student, h: HistoryFolder): Student {
  let out = s;

  // 5: one band less time in the regular class (this folder's school year).
  const sy = h.target.sy;
  const lre = DRIFT[sy]?.lre ?? 0;
  if (lre > 0 && s.fedSch === '100' && s.inReg >= 40 && unit(s.uid, ymd(h.target.syStart).y, 41) < lre) {
    out = { ...out, inReg: Rng.derive(seed, 'history', 'lre', sy, s.uid).pick(s.inReg >= 80 ? INREG.mid : INREG.low) };
  }
  if (h.shift === 0) return out;

  // 11: a timely evaluation becomes late. Consent (and referral with it) moves earlier inside the
  // same school year; a W933 case (referred before, evaluated after the third birthday) is left.
  const ev = s.ev;
  const b3 = addYears(s.birth, 3);
  if (ev.init !== null && ev.csnt !== null && ev.refr !== null && s.partc === null && ev.evlDelay === '' && ev.init - ev.csnt <= 60) {
    const evSy = schoolYearOf(addYears(ev.init, h.shift));
    if (unit(s.uid, ymd(ev.init).y, 43) < (DRIFT[evSy]?.lateEval ?? 0)) {
      const rng = Rng.derive(seed, 'history', 'eval', evSy, s.uid);
      const [lo, hi] = rng.weighted(LATE_DAYS_W);
      const csnt = ev.init - 60 - rng.int(lo, hi);
      const refr = csnt - (ev.csnt - ev.refr);
      const w933 = refr < b3 && ev.init > b3 && ev.tbdDelay === '';
      if (csnt >= schoolYearStart(ev.init) && refr > s.birth && !w933) out = { ...out, ev: { ...ev, refr, csnt, evlDelay: rng.pick(LATE_EVLDLAY) } };
    }
  }

  // 12: a Part C child served by the third birthday gets the IEP 5-75 days after it (same school
  // year), with a TBDDLAY reason other than parent refusal.
  if (s.partc?.linked && s.plan === '10' && ev.init !== null && ev.csnt !== null && ev.init <= b3) {
    const pcSy = schoolYearOf(addYears(b3, h.shift));
    if (unit(s.uid, ymd(b3).y, 47) < (DRIFT[pcSy]?.partcLate ?? 0)) {
      const rng = Rng.derive(seed, 'history', 'partc', pcSy, s.uid);
      const init = eventDayOf(b3 + rng.int(5, 75));
      if (init <= addYears(schoolYearStart(b3), 1) - 12) {
        const evlDelay = init - ev.csnt > 60 && ev.evlDelay === '' ? rng.pick(LATE_EVLDLAY) : ev.evlDelay;
        out = { ...out, entry: init, ev: { ...ev, init, evlDelay, tbdDelay: rng.pick(LATE_TBDDLAY) } };
      }
    }
  }
  return out;
}

/** A copy of a row with every listed date field moved `years` whole years (Feb 29 → Feb 28). */
export function shiftDates<R extends Record<string, Cell>>(row: R, fields: Iterable<string>, years: number): R {
  if (years === 0) return row;
  const out: Record<string, Cell> = { ...row };
  for (const f of fields) {
    const v = out[f];
    if (typeof v === 'number') out[f] = addYears(v, years);
  }
  return out as R;
}

const TC_DATE_FIELDS = ['REPT_DATE', 'DSPL_DATE'] as const;

export interface HistoryRows {
  a: Array<{ row: TARow; snap: Snap }>;
  c: TCRow[];
}

/**
 * Table A (and June Table C) rows of one history folder, SELPA by SELPA in population order.
 * Planted copies (students restricted to some folders) are left out.
 */
export function historyRows(
  seed: number,
  pops: Iterable<SelpaPopulation>,
  h: HistoryFolder,
  overdue: { iep: number; evl: number },
  disciplineRate: number,
  /** A stream per part (the statewide files are written SELPA by SELPA); the sample has one. */
  part?: string,
): HistoryRows {
  const drift = DRIFT[h.target.sy];
  if (!drift) throw new Error(`no drift for school year ${h.target.sy}`);
  const rngC = part === undefined ? Rng.derive(seed, 'history', 'tableC', h.target.folder) : Rng.derive(seed, 'history', 'tableC', h.target.folder, part);
  const a: HistoryRows['a'] = [];
  const c: TCRow[] = [];
  for (const pop of pops) {
    for (const s0 of pop.students) {
      if (s0.onlyFolders !== null) continue;
      const snap = snapshot(drifted(seed, s0, h), h.source, h.salt, overdue);
      if (!snap) continue;
      a.push({ row: shiftDates(snap.row, TA_DATE_FIELDS, h.shift), snap });
      if (h.target.kind === 'jun') {
        for (const r of tableCRows(rngC, snap, h.source, disciplineRate * drift.discipline)) c.push(shiftDates(r, TC_DATE_FIELDS, h.shift));
      }
    }
  }
  return { a, c };
}
