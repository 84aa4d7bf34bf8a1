// Student record model: a persistent population per SELPA with entries, exits, evaluations and
// Part C transitions, from which every CASEMIS period is a snapshot.
import { Rng, weights } from './rng.ts';
import type { Day } from './dates.ts';
import { addYears, ageOn, dayOf, iso, noLeapDay, schoolDay, ymd } from './dates.ts';
import type { District, Selpa } from './geo.ts';
import {
  AGE_W, DIS_INFANT_W, DIS_PRESCHOOL_W, DIS_SCHOOL_W, DIS_YOUNG_W, ETHNICITY_W, EVLDLAY_LATE_W, FEDSET_PRS_W, FEDSET_SCH_W,
  INREG_BAND_W, LATE_DAYS_W, LOCATIONS, NATIVE_LANGS, NEW_ENTRY_AGE_W, PROVIDERS, REFR_BY, SERVICES_INFANT, SERVICES_SCHOOL,
  SERVICES_TRANSITION, TRAN_GOALS,
} from './codes.ts';
import { FIRST_F, FIRST_M, SPECIAL_LAST, SURNAME_SPACE, nameKey, surname } from './names.ts';

export interface Period {
  folder: string;
  kind: 'dec' | 'jun';
  rept: Day;
  syStart: Day;
  syEnd: Day;
  /** December 1 of the file's school year (grade normal-age reference). */
  decRef: Day;
  /** School year label, e.g. 2008-09. */
  sy: string;
}

/** The Period of a submission folder name (`YYYY-12` December count, `YYYY-06` June report). */
export function period(folder: string): Period {
  const [y, m] = folder.split('-').map(Number) as [number, number];
  const syY = m === 12 ? y : y - 1;
  return {
    folder,
    kind: m === 12 ? 'dec' : 'jun',
    rept: m === 12 ? dayOf(y, 12, 1) : dayOf(y, 6, 30),
    syStart: dayOf(syY, 7, 1),
    syEnd: dayOf(syY + 1, 6, 30),
    decRef: dayOf(syY, 12, 1),
    sy: `${syY}-${String((syY + 1) % 100).padStart(2, '0')}`,
  };
}

export const PERIODS: Period[] = [period('2008-06'), period('2008-12'), period('2009-06')];
/** School years simulated: 2007-08 (index 0) and 2008-09 (index 1). */
export const SCHOOL_YEARS = [
  { start: dayOf(2007, 7, 1), end: dayOf(2008, 6, 30), label: '2007-08' },
  { start: dayOf(2008, 7, 1), end: dayOf(2009, 6, 30), label: '2008-09' },
] as const;
export const BASE_REF = dayOf(2007, 7, 1);

export interface EvalInfo {
  refr: Day | null;
  refrBy: string;
  csnt: Day | null;
  init: Day | null;
  evlDelay: string;
  tbdDelay: string;
}

export type Service = [string, string, string, string, string];

export interface Student {
  uid: number;
  selpa: Selpa;
  id: string;
  last: string;
  first: string;
  birth: Day;
  gender: 'M' | 'F';
  eth1: string;
  eth2: string;
  dis1: string;
  dis2: string;
  low: District;
  high: District;
  servCoe: boolean;
  /** First entry to special education (null: never served). */
  entry: Day | null;
  /** Plan type once past any infant phase: 10, 30 (served) or 70, 80, 90. */
  plan: string;
  /** Part B transition IEP of a child served as an infant (PLAN_TYPE 20 before this date). */
  infantEnd: Day | null;
  infantEval: EvalInfo | null;
  ev: EvalInfo;
  exit: Day | null;
  exitReason: string;
  fedSch: string;
  inReg: number;
  fedPrs: string;
  retained: boolean;
  tran: string[];
  specTrans: 'Y' | 'N';
  gradPlan: string;
  ssn: string;
  ssid: string;
  el: 'Y' | 'N';
  lang: string;
  migrant: 'Y' | 'N';
  resid: string;
  schType: string;
  services: Service[];
  infantServices: Service[];
  iepDrift: number;
  evalDrift: number;
  /** Never draw overdue IEP/evaluation dates (planted and copied records). */
  noOverdue: boolean;
  /** Part C referral outcome when the child came from a Part C referral. */
  partc: PartCInfo | null;
  /** LAST_IEP forced per period folder (cross-SELPA copies). */
  lastIepOverride: Record<string, Day> | null;
  /** SELPA_FROM shown on this record. */
  selpaFrom: string;
  /** Restricts the student to these period folders (planted copies). */
  onlyFolders: string[] | null;
}

export interface PartCInfo {
  referralId: string;
  refr: Day;
  partcEntry: Day;
  regionalCenter: string;
  linked: boolean;
  distBlank: boolean;
  upperName: boolean;
}

export const NO_EVAL: EvalInfo = { refr: null, refrBy: '', csnt: null, init: null, evlDelay: '', tbdDelay: '' };

/** Shared state of one generation run. */
/** 32-bit FNV-1a hash of a string (name_key registry without keeping a million strings alive). */
export function hash32(str: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Set of name_keys held as 32-bit hashes (a rare false positive only causes a redraw). */
export class NameRegistry {
  private readonly set = new Set<number>();
  has(k: string): boolean {
    return this.set.has(hash32(k));
  }
  add(k: string): void {
    this.set.add(hash32(k));
  }
}

export class World {
  readonly names = new NameRegistry();
  private uid = 0;
  private readonly idSeq = new Map<string, number>();
  referralSeq = 0;
  constructor(readonly seed: number) {}

  nextUid(): number {
    return this.uid++;
  }

  studentId(selpa: Selpa): string {
    const n = (this.idSeq.get(selpa.code) ?? 0) + 1;
    this.idSeq.set(selpa.code, n);
    switch (selpa.idStyle) {
      case 0: return `${selpa.code.slice(0, 2)}${String(100000 + n * 7)}`;
      case 1: return `S${String(n).padStart(7, '0')}`;
      case 2: return `${String(2000000000 + n * 13)}`;
      default: return `LID-${String(n).padStart(6, '0')}`;
    }
  }

  /** Draws a name whose name_key is new in this run. */
  uniqueName(rng: Rng, gender: 'M' | 'F', birth: Day): { last: string; first: string } {
    for (let tries = 0; ; tries++) {
      const last = rng.chance(0.03) ? rng.pick(SPECIAL_LAST) : surname(rng.int(0, 10000), rng.int(0, 10000), rng.int(0, 10000));
      const first = rng.pick(gender === 'M' ? FIRST_M : FIRST_F);
      const k = nameKey(last, first, iso(birth), gender);
      if (!this.names.has(k)) {
        this.names.add(k);
        return { last, first };
      }
      if (tries > 1000) throw new Error(`name space exhausted (${SURNAME_SPACE})`);
    }
  }
}

function between(rng: Rng, a: Day, b: Day): Day {
  return b <= a ? a : rng.int(a, b);
}

/** An event date on a school day, never Feb 29. */
function eventDay(d: Day): Day {
  return noLeapDay(schoolDay(d));
}

/** Evaluation timeline ending at `init` (consent 15-58 days before; referral 0-14 days before consent). */
export function timelyEval(rng: Rng, init: Day, birth: Day): EvalInfo {
  let csnt = init - rng.int(15, 58);
  let refr = csnt - rng.int(0, 14);
  if (refr <= birth) refr = birth + 1;
  if (csnt < refr) csnt = refr;
  if (csnt > init) csnt = init;
  return { refr, refrBy: rng.pick(REFR_BY), csnt, init, evlDelay: '', tbdDelay: '' };
}

/** Evaluation that may be late: ~12 % exceed 60 days and then carry an EVLDLAY reason. */
export function drawEval(rng: Rng, init: Day, birth: Day, lateRate: number): EvalInfo {
  if (!rng.chance(lateRate)) return timelyEval(rng, init, birth);
  const [lo, hi] = rng.weighted(LATE_DAYS_W);
  const span = 60 + rng.int(lo, hi);
  const csnt = init - span;
  let refr = csnt - rng.int(0, 14);
  if (csnt <= birth + 1) return timelyEval(rng, init, birth);
  if (refr <= birth) refr = birth + 1;
  return { refr, refrBy: rng.pick(REFR_BY), csnt, init, evlDelay: rng.weighted(EVLDLAY_LATE_W), tbdDelay: '' };
}

/** W933 guard: a child referred before the third birthday and evaluated after it needs TBDDLAY. */
function guardTbd(rng: Rng, ev: EvalInfo, birth: Day): void {
  if (ev.refr === null || ev.init === null || ev.tbdDelay) return;
  const b3 = addYears(birth, 3);
  if (ev.refr < b3 && ev.init > b3) ev.tbdDelay = rng.pick(['20', '40', '50', '90']);
}

export const INREG: Record<'high' | 'mid' | 'low', readonly number[]> = {
  high: [80, 82, 85, 88, 90, 90, 92, 95, 95, 98, 100, 100, 100, 100],
  mid: [40, 45, 50, 55, 58, 60, 62, 65, 68, 70, 72, 75, 78, 79],
  low: [0, 0, 5, 10, 10, 15, 18, 20, 20, 25, 28, 30, 33, 35, 38, 39],
};

function disabilityFor(rng: Rng, age: number): string {
  if (age <= 2) return rng.weighted(DIS_INFANT_W);
  if (age <= 5) return rng.weighted(DIS_PRESCHOOL_W);
  if (age <= 8) return rng.weighted(DIS_YOUNG_W);
  return rng.weighted(DIS_SCHOOL_W);
}

function pickDistrict(rng: Rng, list: District[]): District {
  let total = 0;
  for (const d of list) total += d.weight;
  let r = rng.next() * total;
  for (const d of list) {
    r -= d.weight;
    if (r <= 0) return d;
  }
  return list[list.length - 1] as District;
}

function services(rng: Rng, dis: string, age: number, infant: boolean): Service[] {
  const n = rng.weighted(SVC_COUNT_W);
  const pool: string[] = infant ? [...SERVICES_INFANT] : [...SERVICES_SCHOOL];
  const first = infant ? rng.pick(SERVICES_INFANT) : dis === '240' ? '415' : dis === '290' ? '330' : rng.chance(0.5) ? '330' : rng.pick(SERVICES_SCHOOL);
  const chosen: string[] = [first];
  if (!infant && age >= 16 && rng.chance(0.6)) chosen.push(rng.pick(SERVICES_TRANSITION));
  while (chosen.length < n) {
    const c = rng.pick(pool);
    if (!chosen.includes(c)) chosen.push(c);
  }
  return chosen.map((svc): Service => {
    const freq = rng.weighted(FREQ_W);
    const dur = freq === '1' ? rng.pick([30, 45, 60, 120, 180, 240, 300]) : rng.pick([15, 20, 30, 30, 45, 60, 90]);
    return [svc, rng.pick(PROVIDERS), rng.pick(LOCATIONS), freq, String(dur)];
  });
}
const SVC_COUNT_W = weights<number>([[1, 55], [2, 30], [3, 15]]);
const FREQ_W = weights<string>([['1', 25], ['2', 60], ['3', 10], ['4', 3], ['5', 2]]);

export interface NewStudentOpts {
  birth: Day;
  entry: Day | null;
  plan: string;
  ageForDisability: number;
}

/** Fills every persistent attribute of a student. */
export function makeStudent(world: World, rng: Rng, selpa: Selpa, o: NewStudentOpts): Student {
  const gender: 'M' | 'F' = rng.chance(0.68) ? 'M' : 'F';
  const { last, first } = world.uniqueName(rng, gender, o.birth);
  const eth1 = rng.weighted(ETHNICITY_W);
  let eth2 = '';
  if (rng.chance(0.05)) {
    const e = rng.weighted(ETHNICITY_W);
    if (e !== eth1 && e !== '800' && e !== '999') eth2 = e;
  }
  let dis1 = o.plan === '90' ? '' : disabilityFor(rng, o.ageForDisability);
  let dis2 = '';
  if (dis1 && o.ageForDisability >= 3 && rng.chance(0.1)) {
    const d = disabilityFor(rng, 12);
    if (d !== dis1 && d !== '281') dis2 = d;
  }
  if (dis1 === '281') dis1 = '240';
  const low = pickDistrict(rng, selpa.low);
  const high = low.type === 'unified' || low.type === 'other' ? low : pickDistrict(rng, selpa.high);
  const fedSch = o.plan === '30' ? '600' : rng.weighted(FEDSET_SCH_W);
  const band = rng.weighted(INREG_BAND_W);
  const inReg = fedSch === '100' ? rng.pick(INREG[band]) : -1;
  const uid = world.nextUid();
  const el = eth1 === '500' || eth1.startsWith('2') ? (rng.chance(0.45) ? 'Y' : 'N') : rng.chance(0.04) ? 'Y' : 'N';
  const lang = el === 'Y' ? (eth1 === '500' ? '01' : rng.pick(NATIVE_LANGS)) : rng.chance(0.85) ? '00' : '';
  const nGoals = rng.int(1, 3);
  const age = o.ageForDisability;
  return {
    uid,
    selpa,
    id: world.studentId(selpa),
    last,
    first,
    birth: o.birth,
    gender,
    eth1,
    eth2,
    dis1,
    dis2,
    low,
    high,
    servCoe: selpa.coe !== null && (fedSch === '200' || fedSch === '300' ? rng.chance(0.6) : rng.chance(0.03)),
    entry: o.entry,
    plan: o.plan,
    infantEnd: null,
    infantEval: null,
    ev: NO_EVAL,
    exit: null,
    exitReason: '',
    fedSch,
    inReg,
    fedPrs: rng.weighted(FEDSET_PRS_W),
    retained: rng.chance(0.08),
    tran: rng.sample(TRAN_GOALS, nGoals),
    specTrans: rng.chance(0.9) ? 'Y' : 'N',
    gradPlan: rng.weighted(GRADPLAN_W),
    ssn: rng.chance(0.3) ? ssnFor(uid) : '',
    ssid: rng.chance(0.7) ? `9${String(uid * 7919 % 1000000000).padStart(9, '0')}` : '',
    el,
    lang,
    migrant: rng.chance(0.012) ? 'Y' : 'N',
    resid: rng.weighted(RESID_W),
    schType: fedSch === '200' ? '20' : '10',
    services: o.plan === '10' || o.plan === '30' ? services(rng, dis1, age, false) : [],
    infantServices: [],
    iepDrift: rng.int(0, 40),
    evalDrift: rng.int(0, 60),
    noOverdue: false,
    partc: null,
    lastIepOverride: null,
    selpaFrom: '',
    onlyFolders: null,
  };
}
const GRADPLAN_W = weights<string>([['10', 60], ['20', 25], ['30', 15]]);
const RESID_W = weights<string>([['10', 96], ['20', 2.5], ['40', 1.5]]);

/** 9-digit synthetic SSN (starts with 9: never a real number), unique per uid. */
export function ssnFor(uid: number): string {
  return `9${String((uid * 48271 + 12345) % 100000000).padStart(8, '0')}`;
}

export function makeInfantPhase(rng: Rng, s: Student, entry: Day): void {
  s.entry = entry;
  s.infantEval = timelyEval(rng, entry, s.birth);
  s.infantServices = services(rng, s.dis1, 1, true);
  const b3 = addYears(s.birth, 3);
  const t = eventDay(b3 - rng.int(3, 28));
  s.infantEnd = t > entry ? t : entry + 1;
  const ev = timelyEval(rng, s.infantEnd, s.birth);
  ev.refrBy = '30';
  s.ev = ev;
  if (s.services.length === 0) s.services = services(rng, s.dis1, 3, false);
}

export interface ExitDraw {
  date: Day;
  reason: string;
}

function gradeNum(ageDec: number, retained: boolean): number {
  if (ageDec <= 5) return 0;
  if (ageDec <= 17) return ageDec - 5 - (retained && ageDec >= 7 ? 1 : 0);
  return ageDec === 18 ? 12 : 13;
}

/** Decides whether an active student exits during school year `sy`. */
export function drawExit(rng: Rng, s: Student, sy: { start: Day; end: Day }): ExitDraw | null {
  if (s.entry === null) return null;
  const y = ymd(sy.end).y;
  const dec = dayOf(y - 1, 12, 1);
  const ageDec = ageOn(s.birth, dec);
  const g = gradeNum(ageDec, s.retained);
  const earliest = Math.max(sy.start + 14, s.entry + 30);
  const latest = sy.end - 16;
  const june = eventDay(dayOf(y, 6, rng.int(2, 12)));
  const b23 = addYears(s.birth, 23);
  if (ageOn(s.birth, sy.end) >= 22) {
    let d = Math.min(june, b23 - rng.int(5, 40));
    d = Math.max(d, Math.max(sy.start + 1, s.entry + 1));
    if (d >= b23) d = b23 - 1;
    d = noLeapDay(d);
    return { date: d, reason: ageOn(s.birth, d) >= 21 ? '73' : '72' };
  }
  if (earliest > latest) return null;
  const anyDay = (): Day => eventDay(between(rng, earliest, latest));
  if (s.infantEnd !== null && s.infantEnd > sy.start - 400) {
    return rng.chance(0.03) ? { date: anyDay(), reason: '74' } : null;
  }
  if (g === 12 && ageDec >= 17) {
    const r = rng.next();
    if (r < 0.52 && june > earliest) return { date: june, reason: '71' };
    if (r < 0.58 && june > earliest) return { date: june, reason: '72' };
    if (r < 0.59) return { date: anyDay(), reason: '81' };
    if (r < 0.65) return { date: anyDay(), reason: '78' };
  } else if (g === 13) {
    const r = rng.next();
    if (r < 0.18 && june > earliest) return { date: june, reason: '72' };
    if (r < 0.24 && ageOn(s.birth, june) >= 21 && june > earliest) return { date: june, reason: '73' };
    if (r < 0.29) return { date: anyDay(), reason: '78' };
  }
  const r = rng.next();
  if (r < 0.025 && ageDec >= 5) return { date: anyDay(), reason: '70' };
  if (r < 0.055) return { date: anyDay(), reason: '74' };
  if (r < 0.065) return { date: anyDay(), reason: '75' };
  if (r < 0.069) return { date: anyDay(), reason: '76' };
  if (r < 0.073) return { date: anyDay(), reason: '79' };
  if (r < 0.0734) return { date: anyDay(), reason: '77' };
  if (r < 0.09 && ageDec >= 16) return { date: anyDay(), reason: '78' };
  return null;
}

export interface SelpaPopulation {
  students: Student[];
  /** Children referred by Part C with no Table A record. */
  unlinked: Student[];
  /** Students who exited in 2006-07 (Table D of the 2008-06 folder only). */
  ghosts: Student[];
}

const REGIONAL_CENTERS = ['Alder Valley Regional Center', 'Coastline Regional Center', 'High Desert Regional Center', 'Redwood Bay Regional Center', 'Central Basin Regional Center'] as const;

/**
 * Generates a SELPA's population: `base` students served on 2007-07-01, plus entrants,
 * non-served evaluations and Part C transitions for 2007-08 and 2008-09.
 */
export function generateSelpa(world: World, selpa: Selpa, base: number): SelpaPopulation {
  const rng = Rng.derive(world.seed, 'selpa', selpa.code);
  const students: Student[] = [];
  const unlinked: Student[] = [];
  const ghosts: Student[] = [];

  // 1. Base population.
  for (let i = 0; i < base; i++) {
    const age = rng.weighted(AGE_W);
    const birth = addYears(BASE_REF, -age) - rng.int(0, 364);
    if (age <= 2) {
      const entry = eventDay(between(rng, birth + 30, BASE_REF - 20));
      if (entry >= BASE_REF) continue;
      const s = makeStudent(world, rng, selpa, { birth, entry, plan: '10', ageForDisability: 1 });
      makeInfantPhase(rng, s, entry);
      students.push(s);
      continue;
    }
    const s = makeStudent(world, rng, selpa, { birth, entry: null, plan: rng.chance(age >= 6 ? 0.012 : 0) ? '30' : '10', ageForDisability: age });
    const minAge = s.dis1 === '290' ? Math.min(age, 7) : 3;
    const entryAge = rng.int(minAge, age);
    let entry = eventDay(addYears(birth, entryAge) + rng.int(0, 364));
    if (entry > BASE_REF - 30) entry = eventDay(BASE_REF - rng.int(30, 200));
    if (entry <= birth + 30) entry = birth + 31;
    s.entry = entry;
    s.ev = rng.chance(0.55) ? timelyEval(rng, entry, birth) : NO_EVAL;
    guardTbd(rng, s.ev, birth);
    students.push(s);
  }

  // 2. Each school year: exits of active students, then entrants, evaluations, Part C transitions.
  for (let yi = 0; yi < SCHOOL_YEARS.length; yi++) {
    const sy = SCHOOL_YEARS[yi] as (typeof SCHOOL_YEARS)[number];
    for (const s of students) {
      if (s.entry === null || s.exit !== null || s.entry > sy.end) continue;
      const ex = drawExit(rng, s, sy);
      if (ex && ex.date > s.entry && ex.date >= sy.start && ex.date <= sy.end) {
        s.exit = ex.date;
        s.exitReason = ex.reason;
      }
    }
    // New entrants (initial evaluation inside the year).
    const nNew = Math.round(base * 0.105);
    for (let i = 0; i < nNew; i++) {
      const init = eventDay(between(rng, sy.start + 45, sy.end - 12));
      const age = rng.weighted(NEW_ENTRY_AGE_W);
      const birth = addYears(init, -age) - rng.int(0, 364);
      const s = makeStudent(world, rng, selpa, { birth, entry: init, plan: rng.chance(age >= 6 ? 0.01 : 0) ? '30' : '10', ageForDisability: age });
      s.ev = drawEval(rng, init, birth, 0.22);
      guardTbd(rng, s.ev, birth);
      students.push(s);
    }
    // Infants entering (PLAN_TYPE 20 until their Part B transition).
    const nInf = Math.max(1, Math.round(base * 0.004));
    for (let i = 0; i < nInf; i++) {
      const entry = eventDay(between(rng, sy.start + 30, sy.end - 30));
      const birth = entry - rng.int(60, 700);
      const s = makeStudent(world, rng, selpa, { birth, entry, plan: '10', ageForDisability: 1 });
      makeInfantPhase(rng, s, entry);
      students.push(s);
    }
    // Evaluated, not served: 90 not eligible, 70 parent declined, 80 parentally placed without ISP.
    const nNon = Math.round(base * 0.035);
    for (let i = 0; i < nNon; i++) {
      const init = eventDay(between(rng, sy.start + 45, sy.end - 5));
      const age = rng.int(3, 11);
      const birth = addYears(init, -age) - rng.int(0, 364);
      if (ageOn(birth, dayOf(ymd(sy.start).y, 12, 1)) > 11) continue;
      const plan = rng.weighted(NONSERVED_W);
      const s = makeStudent(world, rng, selpa, { birth, entry: null, plan, ageForDisability: age });
      s.ev = drawEval(rng, init, birth, 0.22);
      guardTbd(rng, s.ev, birth);
      students.push(s);
    }
    // Part C referrals: children whose third birthday falls in the year.
    const nPc = Math.max(2, Math.round(base * 0.02));
    for (let i = 0; i < nPc; i++) {
      const b3 = noLeapDay(between(rng, sy.start, sy.end));
      const birth = addYears(b3, -3);
      const s = makePartC(world, rng, selpa, birth, b3, sy.start);
      if (s.partc && !s.partc.linked) unlinked.push(s);
      else students.push(s);
    }
  }

  // 3. Ghosts: exited during 2006-07, reported in Table D of June 2008.
  const nGhost = Math.max(2, Math.round(base * 0.035));
  for (let i = 0; i < nGhost; i++) {
    const exit = eventDay(between(rng, dayOf(2006, 9, 1), dayOf(2007, 6, 12)));
    const age = rng.int(16, 21);
    const birth = addYears(exit, -age) - rng.int(0, 364);
    const s = makeStudent(world, rng, selpa, { birth, entry: eventDay(addYears(birth, rng.int(5, 12))), plan: '10', ageForDisability: 12 });
    s.exit = exit;
    s.exitReason = rng.weighted(GHOST_EXIT_W);
    if ((s.exitReason === '71' || s.exitReason === '72' || s.exitReason === '81') && age < 17) s.exitReason = '78';
    if (s.exitReason === '73') s.exitReason = age >= 21 ? '73' : '75';
    ghosts.push(s);
  }
  return { students, unlinked, ghosts };
}
const NONSERVED_W = weights<string>([['90', 65], ['70', 20], ['80', 15]]);
const GHOST_EXIT_W = weights<string>([['71', 45], ['72', 12], ['73', 4], ['75', 8], ['78', 25], ['79', 3], ['81', 3]]);
const PARTC_W = weights<string>([['c', 72], ['b', 5], ['d', 15], ['late', 5], ['unlinked', 2], ['ineligible', 1]]);

function makePartC(world: World, rng: Rng, selpa: Selpa, birth: Day, b3: Day, syStart: Day): Student {
  let outcome = rng.weighted(PARTC_W);
  if (outcome === 'b' && b3 - syStart < 45) outcome = 'c';
  const refr = eventDay(b3 - rng.weighted(REFR_LEAD_W) - rng.int(0, 29));
  const plan = outcome === 'b' || outcome === 'ineligible' ? '90' : outcome === 'd' && rng.chance(0.2) ? '70' : '10';
  const s = makeStudent(world, rng, selpa, { birth, entry: null, plan, ageForDisability: 3 });
  let csnt: Day;
  let init: Day;
  let evl = '';
  let tbd = '';
  switch (outcome) {
    case 'c':
    case 'unlinked':
    case 'b': {
      csnt = Math.min(refr + rng.int(3, 20), b3 - 12);
      if (csnt < refr) csnt = refr;
      const cap = outcome === 'b' ? b3 - 1 : b3;
      init = eventDay(Math.min(cap, csnt + rng.int(10, 58)));
      if (init > cap) init = noLeapDay(cap - 2);
      if (init < csnt) init = csnt;
      if (outcome === 'b' && init < syStart) init = syStart + 1;
      break;
    }
    case 'd': {
      csnt = eventDay(b3 + rng.int(-15, 45));
      if (csnt < refr) csnt = refr;
      init = eventDay(Math.max(csnt + rng.int(15, 55), b3 + 1));
      if (init <= b3) init = b3 + 1;
      tbd = '10';
      break;
    }
    default: { // late or ineligible after the birthday
      const [lo, hi] = rng.weighted(TBD_LATE_W);
      init = eventDay(b3 + rng.int(lo, hi));
      if (init <= b3) init = b3 + 1;
      csnt = Math.max(refr, init - rng.int(20, 58));
      if (init - csnt > 60) evl = rng.pick(['50', '60', '70', '90']);
      tbd = rng.pick(['20', '30', '40', '50', '90']);
    }
  }
  if (init - csnt > 60 && !evl) evl = '50';
  s.ev = { refr, refrBy: '30', csnt, init, evlDelay: evl, tbdDelay: tbd };
  if (plan === '10') {
    s.entry = init;
  }
  // 281 (EMD) only for children aged 3-4 in every file they appear in.
  if (plan === '10' && init >= dayOf(2008, 7, 1) && b3 <= dayOf(2008, 11, 1) && rng.chance(0.15)) s.dis1 = '281';
  if (s.dis2 === s.dis1) s.dis2 = '';
  s.partc = {
    referralId: `R${String(++world.referralSeq * 37 + 100000).padStart(7, '0')}`,
    refr,
    partcEntry: eventDay(between(rng, birth + 20, refr - 20)),
    regionalCenter: rng.pick(REGIONAL_CENTERS),
    linked: outcome !== 'unlinked',
    distBlank: rng.chance(0.15),
    upperName: rng.chance(0.1),
  };
  return s;
}
const REFR_LEAD_W = weights<number>([[60, 8], [95, 20], [120, 30], [150, 25], [190, 17]]);
const TBD_LATE_W = weights<[number, number]>([[[1, 14], 26], [[15, 30], 20], [[31, 60], 22], [[61, 90], 11], [[91, 180], 8], [[181, 260], 12]]);
