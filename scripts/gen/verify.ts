// An independent oracle of DATA-CONTRACT.md section 5 for the rules the generator exercises.
// The sample generator runs it on every CASEMIS row: planted rows must raise exactly their planted
// code, other rows only the warnings it plants on purpose; its findings become EXPECTED-REJECTS.csv.
import type { Day } from './dates.ts';
import { addYears, ageOn } from './dates.ts';
import { DISABILITY, DSPL_TYPES, ETHNICITY, EVLDLAY, EXIT_RESON, FEDSET_PRS, FEDSET_SCH, GRADES, GRAD_PLAN, PLAN_TYPES, PST_SECEMP, PST_SECPRG, REASONS, TBDDLAY, TRAN_GOALS } from './codes.ts';
import { nameKey } from './names.ts';
import type { Period } from './model.ts';
import type { Cell, TARow, TBRow, TCRow, TDRow } from './tables.ts';
import { iso } from './dates.ts';

export interface Finding {
  field: string;
  code: string;
}

const setOf = (xs: readonly string[]): ReadonlySet<string> => new Set(xs);
const DIS = setOf(DISABILITY);
const ETH = setOf(ETHNICITY);
const GRD = setOf(GRADES);
const PLN = setOf(PLAN_TYPES);
const FSCH = setOf(FEDSET_SCH);
const FPRS = setOf(FEDSET_PRS);
const EVL = setOf(EVLDLAY);
const TBD = setOf(TBDDLAY);
const EXR = setOf(EXIT_RESON);
const TRG = setOf(TRAN_GOALS);
const GPL = setOf(GRAD_PLAN);
const NAME_RE = /^\p{L}[\p{L} \-'.]*$/u;

type D = Day | null | 'bad';
function dv(c: Cell): D {
  if (c === null || c === '') return null;
  if (typeof c === 'number') return c;
  return 'bad';
}
function sv(c: Cell): string {
  return c === null ? '' : typeof c === 'number' ? String(c) : c.trim();
}
const isD = (x: D): x is Day => typeof x === 'number';

export function checkTableA(r: TARow, p: Period, districts: ReadonlySet<string>, selpas: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  const add = (field: string, code: string): void => {
    out.push({ field, code });
  };
  const rept = dv(r.REPT_DATE);
  if (rept !== p.rept) add('REPT_DATE', 'E108');
  const selpa = sv(r.SELPA_CODE);
  if (!/^\d{4}$/.test(selpa)) add('SELPA_CODE', 'E100');
  else if (!selpas.has(selpa)) add('SELPA_CODE', 'W-SELPA');
  if (!/^\d{7}$/.test(sv(r.DIST_SERV))) add('DIST_SERV', 'E102');
  const resi = sv(r.DIST_RESI);
  if (!/^\d{7}$/.test(resi)) add('DIST_RESI', 'E103');
  else if (!districts.has(resi)) add('DIST_RESI', 'W-DIST');
  const sch = sv(r.SCH_CODE);
  if (sch === '' || sch.length > 7) add('SCH_CODE', 'E109');
  const id = sv(r.STUDENT_ID);
  if (id === '' || id.length > 15) add('STUDENT_ID', 'E104');
  const ssn = sv(r.SSN);
  if (ssn !== '' && !/^\d{9}$/.test(ssn)) add('SSN', 'E106');
  if (!NAME_RE.test(sv(r.LAST_NAME).normalize('NFC'))) add('LAST_NAME', 'E111');
  if (!NAME_RE.test(sv(r.FIRST_NAME).normalize('NFC'))) add('FIRST_NAME', 'E112');
  const birth = dv(r.BIRTHDATE);
  const P = p.rept;
  if (!isD(birth)) add('BIRTHDATE', 'E113');
  else if (birth > P) add('BIRTHDATE', 'E114');
  const gender = sv(r.GENDER);
  if (gender !== 'M' && gender !== 'F') add('GENDER', 'E118');
  const eths = [sv(r.ETHNICITY1), sv(r.ETHNICITY2), sv(r.ETHNICITY3), sv(r.ETHNICITY4)];
  if (!ETH.has(eths[0] ?? '')) add('ETHNICITY1', 'E119');
  for (let i = 1; i < 4; i++) {
    const e = eths[i] ?? '';
    if (e !== '' && !ETH.has(e)) add(`ETHNICITY${i + 1}`, 'E119');
  }
  const nonBlank = eths.filter((e) => e !== '');
  if (new Set(nonBlank).size !== nonBlank.length) add('ETHNICITY2', 'E149');
  const grade = sv(r.GRADE);
  if (!GRD.has(grade)) add('GRADE', 'E135');
  const plan = sv(r.PLAN_TYPE);
  if (!PLN.has(plan)) add('PLAN_TYPE', 'E174');
  const served = plan === '10' || plan === '20' || plan === '30';
  const dis1 = sv(r.DISABILITY1);
  const dis2 = sv(r.DISABILITY2);
  if (served && !DIS.has(dis1)) add('DISABILITY1', 'E134');
  if (dis2 !== '' && !DIS.has(dis2)) add('DISABILITY2', 'E191');
  if (dis2 !== '' && dis2 === dis1) add('DISABILITY2', 'E192');
  const el = sv(r.EL);
  const lang = sv(r.NATIV_LANG);
  if (el === 'Y' && (lang === '' || lang === '00')) add('EL', 'E121');

  const exit = dv(r.EXIT_DATE);
  const reason = sv(r.EXIT_RESON);
  const age = isD(birth) ? ageOn(birth, P) : null;
  const entry = dv(r.ENTRY_DATE);
  if (served && !isD(entry)) add('ENTRY_DATE', 'E125');
  if (isD(entry) && isD(birth) && entry < birth) add('ENTRY_DATE', 'E126');
  if (isD(entry) && entry > P) add('ENTRY_DATE', 'E127');
  const refr = dv(r.REFR_DATE);
  if (isD(refr) && isD(birth) && refr < birth) add('REFR_DATE', 'E160');
  if (isD(refr) && refr > P) add('REFR_DATE', 'E161');
  if (refr === null && age !== null && age >= 0 && age <= 2) add('REFR_DATE', 'E162');
  if (isD(refr) && sv(r.REFR_BY) === '') add('REFR_BY', 'E186');
  const csnt = dv(r.PRNT_CSNT);
  if (isD(csnt) && ((isD(refr) && csnt < refr) || (isD(birth) && csnt < birth))) add('PRNT_CSNT', 'E188');
  const init = dv(r.INIT_EVAL);
  const lastIep = dv(r.LAST_IEP);
  const lastEval = dv(r.LAST_EVAL);
  if (isD(init) && ((isD(csnt) && init < csnt) || (isD(birth) && init < birth))) add('INIT_EVAL', 'E189');
  if (isD(init) && isD(lastIep) && init > lastIep) add('INIT_EVAL', 'E190');
  const evl = sv(r.EVLDLAY);
  const tbd = sv(r.TBDDLAY);
  if (evl !== '' && !EVL.has(evl)) add('EVLDLAY', 'E517');
  if (tbd !== '' && !TBD.has(tbd)) add('TBDDLAY', 'E518');
  if (served && !isD(lastIep)) add('LAST_IEP', 'E128');
  if (isD(lastIep) && isD(birth) && lastIep < birth) add('LAST_IEP', 'E129');
  if (isD(lastIep) && lastIep > P) add('LAST_IEP', 'E130');
  if (isD(lastIep) && isD(exit) && lastIep > exit) add('LAST_IEP', 'E158');
  if (served && !isD(lastEval)) add('LAST_EVAL', 'E133');
  if (isD(lastEval) && isD(birth) && lastEval < birth) add('LAST_EVAL', 'E131');
  if (isD(lastEval) && lastEval > P) add('LAST_EVAL', 'E132');
  if (isD(lastEval) && isD(exit) && lastEval > exit) add('LAST_EVAL', 'E159');
  const prs = sv(r.FEDSET_PRS);
  const fsch = sv(r.FEDSET_SCH);
  const inreg = sv(r.IN_REGCLS);
  if (served && age !== null && age >= 3 && age <= 5 && !FPRS.has(prs)) add('FEDSET_PRS', 'E164');
  else if (prs !== '' && !FPRS.has(prs)) add('FEDSET_PRS', 'E164');
  if (prs !== '' && age !== null && age < 3) add('FEDSET_PRS', 'E165');
  if (served && age !== null && age >= 6 && age <= 22 && !FSCH.has(fsch)) add('FEDSET_SCH', 'E194');
  else if (fsch !== '' && !FSCH.has(fsch)) add('FEDSET_SCH', 'E194');
  if (inreg !== '' && (!/^\d+$/.test(inreg) || Number(inreg) > 100)) add('IN_REGCLS', 'E166');
  else if (served && fsch === '100' && inreg === '') add('IN_REGCLS', 'E166');
  const goals = [sv(r.TRAN_GOAL1), sv(r.TRAN_GOAL2), sv(r.TRAN_GOAL3), sv(r.TRAN_GOAL4)];
  goals.forEach((g, i) => {
    if (g !== '' && !TRG.has(g)) add(`TRAN_GOAL${i + 1}`, 'E196');
  });
  const gnb = goals.filter((g) => g !== '');
  if (new Set(gnb).size !== gnb.length) add('TRAN_GOAL2', 'E195');
  const st = sv(r.SPEC_TRANS);
  if (st !== '' && st !== 'Y' && st !== 'N') add('SPEC_TRANS', 'E197');
  const gp = sv(r.GRAD_PLAN);
  if (gp !== '' && !GPL.has(gp)) add('GRAD_PLAN', 'E198');

  // Exit rules.
  if (isD(exit) && isD(entry) && exit < entry) add('EXIT_DATE', 'E150');
  if (isD(exit) && p.kind === 'dec') add('EXIT_DATE', exit <= P ? 'E151' : 'E152');
  if (isD(exit) && p.kind === 'jun' && exit < p.syStart) add('EXIT_DATE', 'E154');
  if (isD(exit) && p.kind === 'jun' && exit > P) add('EXIT_DATE', 'E152');
  if (reason !== '' && !EXR.has(reason)) add('EXIT_RESON', 'E155');
  if ((exit === null) !== (reason === '')) add('EXIT_RESON', 'E153');
  if (isD(birth) && isD(exit) && birth > exit) add('BIRTHDATE', 'E117');
  const exitAge = isD(birth) && isD(exit) ? ageOn(birth, exit) : null;
  const refAge = exitAge ?? age;
  if (refAge !== null && (reason === '71' || reason === '72' || reason === '81') && refAge < 16) add('EXIT_RESON', 'E156');
  if (refAge !== null && reason === '73' && refAge < 21) add('EXIT_RESON', 'E157');
  if (reason === '82') add('EXIT_RESON', 'W927');
  if (exit === null && age !== null && age >= 23) add('BIRTHDATE', 'E115');
  if (exitAge !== null && exitAge > 23) add('BIRTHDATE', 'E116');

  // Age / grade plausibility (warnings E137/E138 and W903-W907, errors E136, E139-E142).
  if (isD(birth) && age !== null && GRD.has(grade)) {
    const ageDec = ageOn(birth, p.decRef);
    const g = Number(grade);
    if (g >= 1 && g <= 12) {
      if (ageDec <= g + 5 - 3) add('GRADE', 'E137');
      else if (ageDec <= g + 5 - 2) add('GRADE', 'W904');
      if (ageDec >= g + 5 + 5) add('GRADE', 'E138');
    }
    if (grade === '13' && age < 16) add('GRADE', 'E136');
    else if (grade === '13' && age < 17) add('GRADE', 'W903');
    if (grade === '16' && age > 4) add('GRADE', 'E139');
    else if (grade === '16' && age > 3) add('GRADE', 'W905');
    if (grade === '17' && (age < 2 || age > 7)) add('GRADE', 'E140');
    else if (grade === '17' && age > 6) add('GRADE', 'W906');
    if (grade === '18' && age < 3) add('GRADE', 'E141');
    else if (grade === '18' && age > 10) add('GRADE', 'E142');
    else if (grade === '18' && age < 4) add('GRADE', 'W907');
  }

  // Warnings of 5.2.
  const ref: Day = isD(exit) ? exit : P;
  if (served && isD(lastIep) && lastIep < addYears(ref, -1)) add('LAST_IEP', 'W909');
  if (served && isD(lastEval) && lastEval < addYears(ref, -3)) add('LAST_EVAL', 'W910');
  if (served && isD(entry) && entry >= p.syStart && entry <= p.syEnd) {
    if (csnt === null) add('PRNT_CSNT', 'W916');
    if (init === null) add('INIT_EVAL', 'W917');
    if (refr === null) add('REFR_DATE', 'W918');
  }
  if (served && age !== null && age >= 15 && sv(r.TRAN_GOAL1) === '') add('TRAN_GOAL1', 'W919');
  if (served && grade >= '08' && grade <= '13' && gp === '') add('GRAD_PLAN', 'W920');
  if ((dis1 === '281' || dis2 === '281') && age !== null && (age < 3 || age > 4)) add('DISABILITY1', 'W926');
  if (isD(csnt) && evl === '') {
    const due = csnt + 60;
    if ((isD(init) && init > due) || (init === null && due <= p.syEnd)) add('EVLDLAY', 'W935');
  }
  if (isD(refr) && isD(init) && isD(birth) && tbd === '') {
    const b3 = addYears(birth, 3);
    if (refr < b3 && init > b3) add('TBDDLAY', 'W933');
  }
  return out;
}

export interface Located<T> {
  row: T;
  line: number;
}

export interface FileFinding extends Finding {
  line: number;
}

/** Cross-row checks of one Table A file: E105, E107, D911, W-UNDUP (December), E200 (only when the period has a Table B: `bKeys` not null). */
export function checkTableAFile(
  rows: Array<Located<TARow> & { rejected: boolean }>,
  p: Period,
  bKeys: ReadonlySet<string> | null,
  onTimeDec: ReadonlySet<string>,
): FileFinding[] {
  const out: FileFinding[] = [];
  const ids = new Set<string>();
  const ssns = new Set<string>();
  const names = new Map<string, string>();
  const loaded: Array<Located<TARow>> = [];
  for (const x of rows) {
    const r = x.row;
    const key = `${sv(r.SELPA_CODE)}|${sv(r.STUDENT_ID)}`;
    if (ids.has(key)) {
      out.push({ line: x.line, field: 'STUDENT_ID', code: 'E105' });
      continue;
    }
    ids.add(key);
    const ssn = sv(r.SSN);
    if (ssn !== '' && ssns.has(ssn)) {
      out.push({ line: x.line, field: 'SSN', code: 'E107' });
      continue;
    }
    if (ssn !== '') ssns.add(ssn);
    if (x.rejected) continue;
    loaded.push(x);
    const b = dv(r.BIRTHDATE);
    const nk = `${sv(r.SELPA_CODE)}#${nameKey(sv(r.LAST_NAME), sv(r.FIRST_NAME), isD(b) ? iso(b) : '', sv(r.GENDER))}`;
    const prev = names.get(nk);
    if (prev !== undefined && prev !== sv(r.STUDENT_ID)) out.push({ line: x.line, field: 'STUDENT_ID', code: 'D911' });
    else if (prev === undefined) names.set(nk, sv(r.STUDENT_ID));
    const plan = sv(r.PLAN_TYPE);
    if (bKeys && (plan === '10' || plan === '20' || plan === '30') && !bKeys.has(key)) out.push({ line: x.line, field: 'STUDENT_ID', code: 'E200' });
  }
  if (p.kind === 'dec') {
    const groups = new Map<string, Array<Located<TARow>>>();
    for (const x of loaded) {
      const r = x.row;
      const b = dv(r.BIRTHDATE);
      const nk = nameKey(sv(r.LAST_NAME), sv(r.FIRST_NAME), isD(b) ? iso(b) : '', sv(r.GENDER));
      const g = groups.get(nk) ?? [];
      g.push(x);
      groups.set(nk, g);
    }
    for (const g of groups.values()) {
      const selpas = new Set(g.map((x) => sv(x.row.SELPA_CODE)));
      if (selpas.size < 2) continue;
      const ranked = g.slice().sort((a, b) => {
        const ta = onTimeDec.has(sv(a.row.SELPA_CODE)) ? 1 : 0;
        const tb = onTimeDec.has(sv(b.row.SELPA_CODE)) ? 1 : 0;
        if (ta !== tb) return tb - ta;
        const ia = dv(a.row.LAST_IEP);
        const ib = dv(b.row.LAST_IEP);
        const na = isD(ia) ? ia : -1e9;
        const nb = isD(ib) ? ib : -1e9;
        if (na !== nb) return nb - na;
        return sv(a.row.SELPA_CODE) < sv(b.row.SELPA_CODE) ? -1 : 1;
      });
      for (const x of ranked.slice(1)) out.push({ line: x.line, field: 'STUDENT_ID', code: 'W-UNDUP' });
    }
  }
  return out;
}

export function checkTableB(r: TBRow, p: Period, aKeys: ReadonlySet<string>, seen: Set<string>): Finding[] {
  const out: Finding[] = [];
  if (dv(r.REPT_DATE) !== p.rept) out.push({ field: 'REPT_DATE', code: 'E208' });
  const key = `${sv(r.SELPA_CODE)}|${sv(r.STUDENT_ID)}`;
  if (!aKeys.has(key)) out.push({ field: 'STUDENT_ID', code: 'E201' });
  const svc = sv(r.SERVICE);
  if (!/^\d{3}$/.test(svc)) out.push({ field: 'SERVICE', code: 'E-202' });
  else if (seen.has(`${key}|${svc}`)) out.push({ field: 'SERVICE', code: 'E211' });
  if (!/^\d{3}$/.test(sv(r.PROVIDER))) out.push({ field: 'PROVIDER', code: 'E213' });
  if (!/^\d{3}$/.test(sv(r.LOCATION))) out.push({ field: 'LOCATION', code: 'E204' });
  if (!['1', '2', '3', '4', '5'].includes(sv(r.FREQUENCY))) out.push({ field: 'FREQUENCY', code: 'E205' });
  const dur = sv(r.DURATION);
  if (!/^\d+$/.test(dur) || Number(dur) < 10) out.push({ field: 'DURATION', code: 'E206' });
  if (out.length === 0) seen.add(`${key}|${svc}`);
  return out;
}

const DT = setOf(DSPL_TYPES);
const RS = setOf(REASONS);
export function checkTableC(r: TCRow, p: Period, aKeys: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  if (dv(r.REPT_DATE) !== p.rept) out.push({ field: 'REPT_DATE', code: 'E-PERIOD' });
  if (!aKeys.has(`${sv(r.SELPA_CODE)}|${sv(r.STUDENT_ID)}`)) out.push({ field: 'STUDENT_ID', code: 'E300' });
  const d = dv(r.DSPL_DATE);
  if (!isD(d) || d < p.syStart || d > p.syEnd) out.push({ field: 'DSPL_DATE', code: 'E301' });
  const t = sv(r.DSPL_TYPE);
  if (!DT.has(t)) out.push({ field: 'DSPL_TYPE', code: 'E302' });
  const days = sv(r.DSPL_DAYS);
  if (days === '' ? t !== '30' : !/^\d+(\.\d+)?$/.test(days) || Number(days) < 0.5 || Number(days) > 365) out.push({ field: 'DSPL_DAYS', code: 'E303' });
  const by = sv(r.DSPL_BY);
  if (by !== '' && by !== '10' && by !== '20') out.push({ field: 'DSPL_BY', code: 'E304' });
  if (!RS.has(sv(r.REASON1))) out.push({ field: 'REASON1', code: 'E305' });
  if (sv(r.REASON2) !== '' && !RS.has(sv(r.REASON2))) out.push({ field: 'REASON2', code: 'E306' });
  if (sv(r.REASON3) !== '' && !RS.has(sv(r.REASON3))) out.push({ field: 'REASON3', code: 'E307' });
  const stt = sv(r.DSPL_STAT);
  if (stt !== '' && stt !== '10' && stt !== '20') out.push({ field: 'DSPL_STAT', code: 'E308' });
  return out;
}

const PSP = setOf(PST_SECPRG);
const PSE = setOf(PST_SECEMP);
export function checkTableD(r: TDRow, p: Period, juneAKeys: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  if (dv(r.REPT_DATE) !== p.rept) out.push({ field: 'REPT_DATE', code: 'E-PERIOD' });
  if (!ETH.has(sv(r.ETHNICITY1))) out.push({ field: 'ETHNICITY1', code: 'E411' });
  if (!NAME_RE.test(sv(r.LAST_NAME).normalize('NFC'))) out.push({ field: 'LAST_NAME', code: 'E405' });
  if (!NAME_RE.test(sv(r.FIRST_NAME).normalize('NFC'))) out.push({ field: 'FIRST_NAME', code: 'E406' });
  const g = sv(r.GENDER);
  if (g !== 'M' && g !== 'F') out.push({ field: 'GENDER', code: 'E410' });
  if (!PSP.has(sv(r.PST_SECPRG))) out.push({ field: 'PST_SECPRG', code: 'E412' });
  if (!PSE.has(sv(r.PST_SECEMP))) out.push({ field: 'PST_SECEMP', code: 'E413' });
  if (juneAKeys.has(`${sv(r.SELPA_CODE)}|${sv(r.STUDENT_ID)}`)) out.push({ field: 'STUDENT_ID', code: 'W925' });
  return out;
}

export function isError(code: string): boolean {
  return code.startsWith('E');
}
