// CASEMIS Tables A-D: column layouts, period snapshots of the student model, rows.
import { Rng, weights } from './rng.ts';
import type { Day } from './dates.ts';
import { addYears, ageOn, eventDayOf } from './dates.ts';
import type { District } from './geo.ts';
import { NPS_NAMES } from './names.ts';
import type { Period, Student } from './model.ts';

export const TA_FIELDS = [
  'REPT_DATE', 'SELPA_CODE', 'DIST_SERV', 'DIST_RESI', 'SCH_CODE', 'SCH_TYPE', 'STUDENT_ID', 'SSID', 'SSN', 'LAST_NAME', 'FIRST_NAME',
  'BIRTHDATE', 'GENDER', 'ETHNICITY1', 'ETHNICITY2', 'ETHNICITY3', 'ETHNICITY4', 'EL', 'NATIV_LANG', 'MIGRANT', 'RESID_STAT', 'GRADE',
  'DISABILITY1', 'DISABILITY2', 'PLAN_TYPE', 'SELPA_FROM', 'ENTRY_DATE', 'REFR_DATE', 'REFR_BY', 'PRNT_CSNT', 'INIT_EVAL', 'EVLDLAY',
  'TBDDLAY', 'LAST_IEP', 'LAST_EVAL', 'FEDSET_PRS', 'FEDSET_SCH', 'IN_REGCLS', 'FEDSET_INF', 'INFANT_SET', 'SOLE_LOW', 'EARLY_INT',
  'IN_RFRDATE', 'IN_RFRBY', 'IN_PRNTCST', 'IN_INTEVAL', 'MHS_ELIGIB', 'MHS_LANG', 'TRAN_GOAL1', 'TRAN_GOAL2', 'TRAN_GOAL3',
  'TRAN_GOAL4', 'SPEC_TRANS', 'GRAD_PLAN', 'PARTI_ELA', 'PARTI_MATH', 'PARTI_SCI', 'PARTI_HIS', 'PARTI_WRTG', 'PARTI_CAH',
  'EXIT_DATE', 'EXIT_RESON', 'HISPANIC',
] as const;
export type TAField = (typeof TA_FIELDS)[number];

export const TA_DATE_FIELDS: ReadonlySet<string> = new Set([
  'REPT_DATE', 'BIRTHDATE', 'ENTRY_DATE', 'REFR_DATE', 'PRNT_CSNT', 'INIT_EVAL', 'LAST_IEP', 'LAST_EVAL', 'EXIT_DATE', 'IN_RFRDATE',
  'IN_PRNTCST', 'IN_INTEVAL',
]);

/** A value: text, a day number for date fields, or null (empty). Raw text in a date field is written as is. */
export type Cell = string | number | null;
export type TARow = Record<TAField, Cell>;

/** Header aliases of DATA-CONTRACT.md 3.6 (used by one file). */
export const TA_ALIASES: Partial<Record<TAField, string>> = {
  SELPA_CODE: 'SELPA',
  SCH_CODE: 'SCHOOL',
  DISABILITY1: 'DISABILIT1',
  DISABILITY2: 'DISABILIT2',
  EXIT_RESON: 'EXIT_REASON',
  TBDDLAY: 'TBDLAY',
  EVLDLAY: 'EVLDLY',
  IN_RFRDATE: 'IN_RFR_DATE',
};

export const TB_FIELDS = ['REPT_DATE', 'SELPA_CODE', 'STUDENT_ID', 'SERVICE', 'PROVIDER', 'LOCATION', 'FREQUENCY', 'DURATION'] as const;
export const TC_FIELDS = ['REPT_DATE', 'SELPA_CODE', 'STUDENT_ID', 'DIST_RESI', 'DSPL_DATE', 'DSPL_TYPE', 'DSPL_DAYS', 'DSPL_BY', 'REASON1', 'REASON2', 'REASON3', 'DSPL_STAT'] as const;
export const TD_FIELDS = [
  'REPT_DATE', 'SELPA_CODE', 'DIST_SERV', 'DIST_RESI', 'SCH_CODE', 'SCH_TYPE', 'STUDENT_ID', 'LAST_NAME', 'FIRST_NAME', 'BIRTHDATE',
  'GENDER', 'SSN', 'ETHNICITY1', 'ETHNICITY2', 'ETHNICITY3', 'ETHNICITY4', 'EXIT_DATE', 'EXIT_RESON', 'PST_SECPRG', 'PST_SECEMP',
] as const;
export type TBField = (typeof TB_FIELDS)[number];
export type TCField = (typeof TC_FIELDS)[number];
export type TDField = (typeof TD_FIELDS)[number];
export type TBRow = Record<TBField, Cell>;
export type TCRow = Record<TCField, Cell>;
export type TDRow = Record<TDField, Cell>;

/** Small integer hash in [0, 1) for per-(student, period) decisions independent of generation order. */
/**
 * A third race code for 15 % of the students with two (profile idea-2016 reads ETHNICITY2-4), from a
 * hash of the student (no PRNG draw: the other files stay as they were).
 */
export function eth3Of(s: Pick<Student, 'uid' | 'eth1' | 'eth2'>): string {
  if (!s.eth2 || unit(s.uid, 31, 7) >= 0.15) return '';
  return ['100', '301', '600', '700', '201'].find((c) => c !== s.eth1 && c !== s.eth2) ?? '';
}

/** HISPANIC (Y/N): Y with any code 500, and for 2 % of the others (Hispanic students reported by race codes only). */
export function hispanicOf(s: Pick<Student, 'uid' | 'eth1' | 'eth2'>): string {
  if (s.eth1 === '500' || s.eth2 === '500') return 'Y';
  return unit(s.uid, 37, 11) < 0.02 ? 'Y' : 'N';
}

export function unit(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c + 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}

export function gradeCode(ageDec: number, ageRept: number, retained: boolean): string {
  if (ageDec <= 2) return ageRept >= 3 ? '17' : '16';
  if (ageDec <= 4) return '17';
  if (ageDec === 5) return '18';
  if (ageDec <= 17) {
    const g = ageDec - 5 - (retained && ageDec >= 7 ? 1 : 0);
    return g < 10 ? `0${g}` : String(g);
  }
  return ageDec === 18 ? '12' : '13';
}

/** Latest anniversary (every `step` years, `drift` days early) of `anchor` on or before `ref`. */
export function lastCycle(anchor: Day, ref: Day, step: number, drift: number): { at: Day; prev: Day } {
  const span = Math.floor((ref - anchor) / 365) + 2;
  for (let k = Math.floor(span / step) + 1; k >= 1; k--) {
    const d = addYears(anchor, k * step) - drift;
    if (d <= ref && d > anchor) {
      const p = k === 1 ? anchor : addYears(anchor, (k - 1) * step) - drift;
      return { at: d, prev: p };
    }
  }
  return { at: anchor, prev: anchor };
}

function schoolFor(s: Student, d: District, grade: string): string {
  const level = grade === '16' || grade === '17' || grade === '18' ? 'pre' : grade <= '05' ? 'elem' : grade <= '08' ? 'mid' : 'high';
  let list = d.schools.filter((x) => x.level === level);
  if (list.length === 0) list = d.schools.filter((x) => x.level === (level === 'pre' || level === 'mid' ? 'elem' : 'high'));
  if (list.length === 0) list = d.schools;
  const h = Math.floor(unit(s.uid, 7, list.length) * list.length);
  return (list[h] ?? list[0])?.code ?? '0000000';
}

export interface Snap {
  row: TARow;
  s: Student;
  served: boolean;
  age: number;
  /** Table B rows belong to served records. */
  services: ReadonlyArray<readonly [string, string, string, string, string]>;
}

/** Whether the student has a record in the period's Table A. */
export function inPeriod(s: Student, p: Period): boolean {
  if (s.onlyFolders !== null && !s.onlyFolders.includes(p.folder)) return false;
  if (s.entry !== null) {
    if (s.entry > p.rept) return false;
    if (s.exit !== null) {
      if (p.kind === 'dec' && s.exit <= p.rept) return false;
      if (p.kind === 'jun' && s.exit < p.syStart) return false;
    }
    return true;
  }
  const init = s.ev.init;
  return init !== null && init >= p.syStart && init <= p.rept;
}

/** The Table A record of a student in a period (null when absent). `pIdx` salts overdue draws. */
export function snapshot(s: Student, p: Period, pIdx: number, overdue: { iep: number; evl: number }): Snap | null {
  if (!inPeriod(s, p)) return null;
  const exitShown = p.kind === 'jun' && s.exit !== null && s.exit <= p.rept ? s.exit : null;
  const ref = exitShown ?? p.rept;
  const age = ageOn(s.birth, p.rept);
  const ageDec = ageOn(s.birth, p.decRef);
  const infant = s.infantEnd !== null && ref < s.infantEnd;
  const plan = infant ? '20' : s.plan;
  const served = plan === '10' || plan === '20' || plan === '30';
  const ev = infant && s.infantEval ? s.infantEval : s.ev;
  const grade = gradeCode(ageDec, age, s.retained);
  const highLevel = grade >= '09' && grade <= '13';
  const resi = highLevel ? s.high : s.low;
  const serv = s.servCoe && s.selpa.coe ? s.selpa.coe : resi;
  let sch: string;
  if (served && age >= 6 && (s.fedSch === '200' || s.fedSch === '300') && !s.servCoe) sch = NPS_NAMES[s.uid % NPS_NAMES.length] ?? 'NEWHOPE';
  else if (served && age >= 6 && s.fedSch === '500') sch = 'JUVHALL';
  else if (served && age >= 6 && s.fedSch === '600') sch = 'STCLARE';
  else sch = schoolFor(s, serv, grade);

  let lastIep: Day | null = null;
  let lastEval: Day | null = null;
  if (served && s.entry !== null) {
    const anchor = !infant && s.infantEnd !== null ? s.infantEnd : s.entry;
    const iep = lastCycle(anchor, ref, 1, s.iepDrift);
    const evl = lastCycle(anchor, ref, 3, s.evalDrift);
    lastIep = !s.noOverdue && unit(s.uid, pIdx, 11) < overdue.iep ? iep.prev : iep.at;
    lastEval = !s.noOverdue && unit(s.uid, pIdx, 13) < overdue.evl ? evl.prev : evl.at;
    const o = s.lastIepOverride?.[p.folder];
    if (o !== undefined) lastIep = o;
  }
  const preschool = served && age >= 3 && age <= 5;
  const school = served && age >= 6;
  const tran = served && age >= 15;
  const gp = served && grade >= '08' && grade <= '13';
  const row: TARow = {
    REPT_DATE: p.rept,
    SELPA_CODE: s.selpa.code,
    DIST_SERV: serv.code,
    DIST_RESI: resi.code,
    SCH_CODE: sch,
    SCH_TYPE: s.schType,
    STUDENT_ID: s.id,
    SSID: s.ssid,
    SSN: s.ssn,
    LAST_NAME: s.last,
    FIRST_NAME: s.first,
    BIRTHDATE: s.birth,
    GENDER: s.gender,
    ETHNICITY1: s.eth1,
    ETHNICITY2: s.eth2,
    ETHNICITY3: eth3Of(s),
    ETHNICITY4: '',
    HISPANIC: hispanicOf(s),
    EL: s.el,
    NATIV_LANG: s.lang,
    MIGRANT: s.migrant,
    RESID_STAT: s.resid,
    GRADE: grade,
    DISABILITY1: plan === '90' ? '' : s.dis1,
    DISABILITY2: served ? s.dis2 : '',
    PLAN_TYPE: plan,
    SELPA_FROM: s.selpaFrom,
    ENTRY_DATE: served ? s.entry : null,
    REFR_DATE: ev.refr,
    REFR_BY: ev.refr !== null ? ev.refrBy : '',
    PRNT_CSNT: ev.csnt,
    INIT_EVAL: ev.init,
    EVLDLAY: ev.evlDelay,
    TBDDLAY: ev.tbdDelay,
    LAST_IEP: lastIep,
    LAST_EVAL: lastEval,
    FEDSET_PRS: preschool ? s.fedPrs : '',
    FEDSET_SCH: school ? s.fedSch : '',
    IN_REGCLS: school && s.fedSch === '100' ? String(s.inReg) : '',
    FEDSET_INF: '',
    INFANT_SET: '',
    SOLE_LOW: '',
    EARLY_INT: '',
    IN_RFRDATE: infant && s.infantEval ? s.infantEval.refr : null,
    IN_RFRBY: infant && s.infantEval ? s.infantEval.refrBy : '',
    IN_PRNTCST: infant && s.infantEval ? s.infantEval.csnt : null,
    IN_INTEVAL: infant && s.infantEval ? s.infantEval.init : null,
    MHS_ELIGIB: '',
    MHS_LANG: '',
    TRAN_GOAL1: tran ? (s.tran[0] ?? '') : '',
    TRAN_GOAL2: tran ? (s.tran[1] ?? '') : '',
    TRAN_GOAL3: tran ? (s.tran[2] ?? '') : '',
    TRAN_GOAL4: '',
    SPEC_TRANS: tran ? s.specTrans : '',
    GRAD_PLAN: gp ? s.gradPlan : '',
    PARTI_ELA: '',
    PARTI_MATH: '',
    PARTI_SCI: '',
    PARTI_HIS: '',
    PARTI_WRTG: '',
    PARTI_CAH: '',
    EXIT_DATE: exitShown,
    EXIT_RESON: exitShown !== null ? s.exitReason : '',
  };
  return { row, s, served, age, services: served ? (infant ? s.infantServices : s.services) : [] };
}

export function tableBRows(snap: Snap, p: Period): TBRow[] {
  return snap.services.map(([svc, prov, loc, freq, dur]) => ({
    REPT_DATE: p.rept,
    SELPA_CODE: snap.row.SELPA_CODE,
    STUDENT_ID: snap.row.STUDENT_ID,
    SERVICE: svc,
    PROVIDER: prov,
    LOCATION: loc,
    FREQUENCY: freq,
    DURATION: dur,
  }));
}

const DSPL_W = weights<string>([['20', 70], ['10', 15], ['30', 5], ['40', 6], ['50', 4]]);
const OSS_DAYS_W = weights<string>([['1', 10], ['2', 12], ['3', 15], ['4', 9], ['5', 20], ['6', 6], ['7', 5], ['8', 7], ['10', 10], ['11', 3], ['2.5', 2], ['0.5', 1]]);
const REASON_W = weights<string>([['10', 12], ['20', 8], ['30', 6], ['40', 34], ['50', 30], ['90', 10]]);

/** Table C: about `rate` of June records (ages 5+) have 1-3 disciplinary actions inside the year. */
export function tableCRows(rng: Rng, snap: Snap, p: Period, rate: number): TCRow[] {
  if (!snap.served || snap.age < 5 || snap.s.entry === null) return [];
  const ageW = snap.age >= 12 && snap.age <= 17 ? 1.6 : snap.age < 9 ? 0.35 : 0.9;
  if (unit(snap.s.uid, p.rept, 29) >= rate * ageW) return [];
  const from = Math.max(p.syStart + 30, snap.s.entry + 1);
  const exit = snap.row.EXIT_DATE;
  const to = typeof exit === 'number' ? exit - 1 : p.syEnd - 14;
  if (to <= from) return [];
  const n = rng.weighted(NACT_W);
  const out: TCRow[] = [];
  for (let i = 0; i < n; i++) {
    const type = rng.weighted(DSPL_W);
    const days = type === '30' ? (rng.chance(0.5) ? '' : String(rng.pick([30, 45, 60, 90, 180]))) :
      type === '40' || type === '50' ? String(rng.int(10, 45)) :
      type === '10' ? String(rng.int(1, 3)) : rng.weighted(OSS_DAYS_W);
    const r1 = rng.weighted(REASON_W);
    const r2c = rng.chance(0.2) ? rng.weighted(REASON_W) : '';
    out.push({
      REPT_DATE: p.rept,
      SELPA_CODE: snap.row.SELPA_CODE,
      STUDENT_ID: snap.row.STUDENT_ID,
      DIST_RESI: rng.chance(0.8) ? snap.row.DIST_RESI : '',
      DSPL_DATE: eventDayOf(rng.int(from, to)),
      DSPL_TYPE: type,
      DSPL_DAYS: days,
      DSPL_BY: type === '50' ? '20' : '10',
      REASON1: r1,
      REASON2: r2c !== r1 ? r2c : '',
      REASON3: '',
      DSPL_STAT: rng.chance(0.85) ? '10' : '20',
    });
  }
  return out;
}
const NACT_W = weights<number>([[1, 48], [2, 30], [3, 22]]);

const PRG_W = weights<string>([['10', 28], ['20', 22], ['30', 35], ['90', 15]]);
const EMP_W = weights<string>([['10', 33], ['20', 15], ['30', 37], ['90', 15]]);

/** Table D: a student who exited in the prior school year. */
export function tableDRow(rng: Rng, s: Student, p: Period): TDRow {
  const exit = s.exit ?? p.syStart - 30;
  const grade = ageOn(s.birth, exit) >= 14 ? '09' : '05';
  const resi = grade === '09' ? s.high : s.low;
  return {
    REPT_DATE: p.rept,
    SELPA_CODE: s.selpa.code,
    DIST_SERV: resi.code,
    DIST_RESI: resi.code,
    SCH_CODE: schoolFor(s, resi, '10'),
    SCH_TYPE: s.schType,
    STUDENT_ID: s.id,
    LAST_NAME: s.last,
    FIRST_NAME: s.first,
    BIRTHDATE: s.birth,
    GENDER: s.gender,
    SSN: s.ssn,
    ETHNICITY1: s.eth1,
    ETHNICITY2: s.eth2,
    ETHNICITY3: '',
    ETHNICITY4: '',
    EXIT_DATE: exit,
    EXIT_RESON: s.exitReason,
    PST_SECPRG: rng.weighted(PRG_W),
    PST_SECEMP: rng.weighted(EMP_W),
  };
}

/** Students of the population that belong in a June Table D (exited in the prior year). */
export function tableDEligible(s: Student, p: Period): boolean {
  if (p.kind !== 'jun' || s.exit === null) return false;
  const prevStart = addYears(p.syStart, -1);
  if (s.exit < prevStart || s.exit >= p.syStart) return false;
  if (s.exitReason === '70' || s.exitReason === '76' || s.exitReason === '77') return false;
  return ageOn(s.birth, s.exit) >= 14;
}
