// Deliberately invalid rows and warning cases of the sample (each breaks exactly one rule).
import { Rng } from './rng.ts';
import type { DateFormat } from './dates.ts';
import { addYears, dayOf, fmtRaw, ymd } from './dates.ts';
import type { Period, Student, World } from './model.ts';
import { snapshot } from './tables.ts';
import type { Snap, TARow, TBRow, TCRow } from './tables.ts';
import { checkTableA } from './verify.ts';
import type { Finding } from './verify.ts';

export interface AItem {
  row: TARow;
  student: Student | null;
  /** Planted finding of this row (null: an ordinary row). */
  planted: Finding | null;
  /** Services of the record (Table B rows are written for loaded served records). */
  snap: Snap | null;
  /** Transforms the formatted fields (malformed CSV rows). */
  raw?: (fields: string[]) => string[];
  /** Date format override for this row. */
  fmt?: DateFormat;
}

export interface BItem {
  row: TBRow;
  planted: Finding | null;
  raw?: (fields: string[]) => string[];
}

export interface CItem {
  row: TCRow;
  planted: Finding | null;
}

interface Mut {
  code: string;
  field: string;
  pred: (x: Snap, p: Period) => boolean;
  mutate: (r: TARow, x: Snap, p: Period, fmt: DateFormat) => void;
  /** Checked at file level (E105, E107), not by the row oracle. */
  fileLevel?: boolean;
}

const num = (c: unknown): number | null => (typeof c === 'number' ? c : null);
const school = (x: Snap): boolean => x.served && x.age >= 7 && x.age <= 17 && x.row.EXIT_DATE === null;
const hasEval = (x: Snap): boolean => num(x.row.PRNT_CSNT) !== null && num(x.row.INIT_EVAL) !== null && num(x.row.REFR_DATE) !== null;

const MUTS: Record<string, Mut> = {
  E108: { code: 'E108', field: 'REPT_DATE', pred: (x) => school(x) && x.age >= 8 && x.age <= 13, mutate: (r, _x, p) => { r.REPT_DATE = p.kind === 'dec' ? p.rept + 1 : p.rept - 1; } },
  E111: { code: 'E111', field: 'LAST_NAME', pred: school, mutate: (r) => { r.LAST_NAME = `${String(r.LAST_NAME)}2`; } },
  E112: { code: 'E112', field: 'FIRST_NAME', pred: school, mutate: (r) => { r.FIRST_NAME = `${String(r.FIRST_NAME)}7`; } },
  E113: {
    code: 'E113', field: 'BIRTHDATE', pred: (x) => school(x) && x.age >= 8 && x.age <= 14,
    mutate: (r, x, _p, fmt) => { r.BIRTHDATE = fmtRaw(ymd(x.s.birth).y, 2, 30, fmt); },
  },
  E114: {
    code: 'E114', field: 'BIRTHDATE', pred: (x) => x.row.PLAN_TYPE === '90',
    mutate: (r, _x, p) => {
      r.BIRTHDATE = p.rept + 20;
      r.REFR_DATE = null; r.REFR_BY = ''; r.PRNT_CSNT = null; r.INIT_EVAL = null; r.EVLDLAY = ''; r.TBDDLAY = '';
      r.GRADE = '16';
    },
  },
  E115: {
    code: 'E115', field: 'BIRTHDATE', pred: (x) => x.served && x.age >= 19 && x.age <= 21 && x.row.EXIT_DATE === null,
    mutate: (r, _x, p) => { r.BIRTHDATE = addYears(p.rept, -23) - 40; r.GRADE = '13'; },
  },
  E118: { code: 'E118', field: 'GENDER', pred: school, mutate: (r) => { r.GENDER = 'X'; } },
  E119: { code: 'E119', field: 'ETHNICITY1', pred: school, mutate: (r) => { r.ETHNICITY1 = '555'; } },
  E149: { code: 'E149', field: 'ETHNICITY2', pred: school, mutate: (r) => { r.ETHNICITY2 = r.ETHNICITY1; } },
  E134: { code: 'E134', field: 'DISABILITY1', pred: school, mutate: (r) => { r.DISABILITY1 = '215'; r.DISABILITY2 = ''; } },
  E135: { code: 'E135', field: 'GRADE', pred: school, mutate: (r) => { r.GRADE = '19'; } },
  E174: { code: 'E174', field: 'PLAN_TYPE', pred: school, mutate: (r) => { r.PLAN_TYPE = '40'; } },
  E192: { code: 'E192', field: 'DISABILITY2', pred: school, mutate: (r) => { r.DISABILITY2 = r.DISABILITY1; } },
  E126: {
    code: 'E126', field: 'ENTRY_DATE', pred: (x, p) => school(x) && (num(x.row.ENTRY_DATE) ?? 0) < p.syStart && num(x.row.REFR_DATE) === null,
    mutate: (r, x) => { r.ENTRY_DATE = x.s.birth - 10; },
  },
  E127: {
    code: 'E127', field: 'ENTRY_DATE', pred: (x) => school(x) && hasEval(x),
    mutate: (r, _x, p) => { r.ENTRY_DATE = p.rept + 8; },
  },
  E129: {
    code: 'E129', field: 'LAST_IEP', pred: (x) => x.row.PLAN_TYPE === '20',
    mutate: (r, _x, p) => {
      const birth = p.rept - 200;
      r.BIRTHDATE = birth; r.ENTRY_DATE = birth + 30; r.REFR_DATE = birth + 5; r.REFR_BY = '30';
      r.PRNT_CSNT = null; r.INIT_EVAL = null; r.EVLDLAY = ''; r.TBDDLAY = '';
      r.IN_RFRDATE = null; r.IN_RFRBY = ''; r.IN_PRNTCST = null; r.IN_INTEVAL = null;
      r.LAST_IEP = birth - 3; r.LAST_EVAL = birth + 30; r.GRADE = '16'; r.FEDSET_PRS = '';
    },
  },
  E130: { code: 'E130', field: 'LAST_IEP', pred: school, mutate: (r, _x, p) => { r.LAST_IEP = p.rept + 3; } },
  E150: {
    code: 'E150', field: 'EXIT_DATE', pred: (x) => school(x) && x.age >= 8,
    mutate: (r, _x, p) => {
      const y = ymd(p.syStart).y;
      r.REFR_DATE = dayOf(y, 8, 1); r.REFR_BY = '20'; r.PRNT_CSNT = dayOf(y, 8, 11); r.INIT_EVAL = dayOf(y, 9, 10);
      r.EVLDLAY = ''; r.TBDDLAY = '';
      r.LAST_IEP = dayOf(y, 9, 10); r.LAST_EVAL = dayOf(y, 9, 10);
      r.EXIT_DATE = dayOf(y, 9, 22); r.EXIT_RESON = '74'; r.ENTRY_DATE = dayOf(y, 9, 26);
    },
  },
  E151: {
    code: 'E151', field: 'EXIT_DATE',
    pred: (x, p) => school(x) && (num(x.row.LAST_IEP) ?? p.rept) <= p.rept - 20 && (num(x.row.LAST_EVAL) ?? p.rept) <= p.rept - 20 && (num(x.row.ENTRY_DATE) ?? p.rept) <= p.rept - 20,
    mutate: (r, _x, p) => { r.EXIT_DATE = p.rept - 16; r.EXIT_RESON = '74'; },
  },
  E153: { code: 'E153', field: 'EXIT_RESON', pred: school, mutate: (r) => { r.EXIT_RESON = '74'; } },
  E154: {
    code: 'E154', field: 'EXIT_DATE',
    pred: (x, p) => school(x) && (num(x.row.ENTRY_DATE) ?? p.rept) < p.syStart - 400 && (num(x.row.INIT_EVAL) ?? 0) < p.syStart - 120,
    mutate: (r, _x, p) => { r.EXIT_DATE = p.syStart - 17; r.EXIT_RESON = '74'; r.LAST_IEP = p.syStart - 112; r.LAST_EVAL = p.syStart - 400; },
  },
  E155: { code: 'E155', field: 'EXIT_RESON', pred: (x) => x.served && x.row.EXIT_DATE !== null && x.age >= 6, mutate: (r) => { r.EXIT_RESON = '80'; } },
  E156: {
    code: 'E156', field: 'EXIT_RESON', pred: (x) => x.served && x.row.EXIT_DATE !== null && x.age >= 8 && x.age <= 14,
    mutate: (r) => { r.EXIT_RESON = '71'; },
  },
  E157: {
    code: 'E157', field: 'EXIT_RESON', pred: (x) => x.served && x.row.EXIT_DATE !== null && x.age >= 16 && x.age <= 19,
    mutate: (r) => { r.EXIT_RESON = '73'; },
  },
  E158: {
    code: 'E158', field: 'LAST_IEP', pred: (x, p) => x.served && num(x.row.EXIT_DATE) !== null && (num(x.row.EXIT_DATE) ?? p.rept) <= p.rept - 10 && x.age >= 6,
    mutate: (r) => { r.LAST_IEP = (num(r.EXIT_DATE) ?? 0) + 3; },
  },
  E162: {
    code: 'E162', field: 'REFR_DATE', pred: (x) => x.row.PLAN_TYPE === '20',
    mutate: (r, _x, p) => {
      const birth = p.rept - 500;
      const entry = birth + 60;
      r.BIRTHDATE = birth; r.ENTRY_DATE = entry; r.REFR_DATE = null; r.REFR_BY = ''; r.PRNT_CSNT = null; r.INIT_EVAL = null;
      r.EVLDLAY = ''; r.TBDDLAY = ''; r.IN_RFRDATE = null; r.IN_RFRBY = ''; r.IN_PRNTCST = null; r.IN_INTEVAL = null;
      r.LAST_IEP = addYears(entry, 1) - 5; r.LAST_EVAL = entry; r.GRADE = '16'; r.FEDSET_PRS = '';
    },
  },
  E164: { code: 'E164', field: 'FEDSET_PRS', pred: (x) => x.served && x.age >= 3 && x.age <= 5, mutate: (r) => { r.FEDSET_PRS = ''; } },
  E165: { code: 'E165', field: 'FEDSET_PRS', pred: (x) => x.served && x.age <= 2, mutate: (r) => { r.FEDSET_PRS = '200'; } },
  E166: { code: 'E166', field: 'IN_REGCLS', pred: (x) => school(x) && x.row.FEDSET_SCH === '100', mutate: (r) => { r.IN_REGCLS = '150'; } },
  E194: { code: 'E194', field: 'FEDSET_SCH', pred: school, mutate: (r) => { r.FEDSET_SCH = ''; r.IN_REGCLS = ''; } },
  E195: { code: 'E195', field: 'TRAN_GOAL2', pred: (x) => x.served && x.age >= 16 && x.row.TRAN_GOAL1 !== '', mutate: (r) => { r.TRAN_GOAL2 = r.TRAN_GOAL1; } },
  E186: { code: 'E186', field: 'REFR_BY', pred: (x) => school(x) && hasEval(x), mutate: (r) => { r.REFR_BY = ''; } },
  E188: {
    code: 'E188', field: 'PRNT_CSNT', pred: (x) => school(x) && hasEval(x) && x.row.EVLDLAY === '' && (num(x.row.INIT_EVAL) ?? 0) - (num(x.row.REFR_DATE) ?? 0) <= 50,
    mutate: (r) => { r.PRNT_CSNT = (num(r.REFR_DATE) ?? 0) - 5; },
  },
  E189: { code: 'E189', field: 'INIT_EVAL', pred: (x) => school(x) && hasEval(x), mutate: (r) => { r.PRNT_CSNT = (num(r.INIT_EVAL) ?? 0) + 3; r.EVLDLAY = ''; } },
  E190: {
    code: 'E190', field: 'INIT_EVAL', pred: (x, p) => school(x) && hasEval(x) && (num(x.row.LAST_IEP) ?? p.rept) <= p.rept - 30,
    mutate: (r) => {
      const init = (num(r.LAST_IEP) ?? 0) + 10;
      r.INIT_EVAL = init; r.PRNT_CSNT = init - 30; r.REFR_DATE = init - 33; r.EVLDLAY = '';
    },
  },
  E517: { code: 'E517', field: 'EVLDLAY', pred: (x) => school(x) && hasEval(x), mutate: (r) => { r.EVLDLAY = '55'; } },
  E518: { code: 'E518', field: 'TBDDLAY', pred: school, mutate: (r) => { r.TBDDLAY = '60'; } },
  E106: { code: 'E106', field: 'SSN', pred: school, mutate: (r) => { r.SSN = '9876X4321'; } },
};

/** Which planted codes go into which Table A file. */
export const PLAN_A: Record<string, string[]> = {
  '2008-06': [
    'E105', 'E113', 'E118', 'E119', 'E135', 'E111', 'E150', 'E155', 'E156', 'E157', 'E164', 'E166', 'E192', 'E195', 'E517', 'E158', 'E189',
    'E106', 'E149', 'E174', 'E-CSV', 'E108', 'E134', 'E153', 'E112', 'E194', 'E188', 'E186', 'E119', 'E118',
  ],
  '2008-12': ['E105', 'E108', 'E113', 'E114', 'E118', 'E119', 'E134', 'E135', 'E174', 'E111', 'E112', 'E126', 'E129', 'E151', 'E153', 'E164', 'E165', 'E194', 'E166', 'E192', 'E195', 'E517', 'E518', 'E115', 'E127', 'E130', 'E162', 'E186', 'E188', 'E190', 'E107', 'E-CSV'],
  '2009-06': ['E105', 'E108', 'E113', 'E114', 'E118', 'E119', 'E134', 'E135', 'E174', 'E111', 'E126', 'E150', 'E153', 'E154', 'E155', 'E156', 'E157', 'E158', 'E164', 'E165', 'E194', 'E166', 'E192', 'E195', 'E517', 'E518', 'E188', 'E189', 'E190', 'E186', 'E162', 'E107', 'E112', 'E119', 'E134'],
};

export interface PlantCtx {
  world: World;
  rng: Rng;
  p: Period;
  pIdx: number;
  fmt: DateFormat;
  districts: ReadonlySet<string>;
  selpas: ReadonlySet<string>;
}

/** A copy of a student with a fresh identity (same attributes, so its records stay valid). */
export function cloneStudent(world: World, rng: Rng, s: Student): Student {
  const uid = world.nextUid();
  const { last, first } = world.uniqueName(rng, s.gender, s.birth);
  return { ...s, uid, id: world.studentId(s.selpa), last, first, ssn: '', noOverdue: true, lastIepOverride: null, partc: null };
}

function sameFindings(a: Finding[], b: Finding[]): boolean {
  if (a.length !== b.length) return false;
  const k = (f: Finding): string => `${f.field}:${f.code}`;
  const sa = a.map(k).sort();
  const sb = b.map(k).sort();
  return sa.every((x, i) => x === sb[i]);
}

/** Inserts the planted Table A rows of period `ctx.p` into `items` (in place). */
export function plantTableA(ctx: PlantCtx, items: AItem[]): void {
  const { rng, p } = ctx;
  const codes = PLAN_A[p.folder] ?? [];
  const overdue = { iep: 0, evl: 0 };
  const ordinary = (): Array<{ i: number; x: Snap }> => {
    const out: Array<{ i: number; x: Snap }> = [];
    items.forEach((it, i) => {
      if (!it.planted && it.snap && it.student && !it.student.noOverdue && it.student.partc === null) out.push({ i, x: it.snap });
    });
    return out;
  };
  for (const code of codes) {
    const mut = MUTS[code];
    const pool = ordinary().filter((b) => (mut ? mut.pred(b.x, p) : school(b.x)));
    if (pool.length === 0) throw new Error(`no base record for ${code} in ${p.folder}`);
    let done = false;
    for (let attempt = 0; attempt < 400 && !done; attempt++) {
      const base = rng.pick(pool);
      const clone = cloneStudent(ctx.world, rng, base.x.s);
      const snap = snapshot(clone, p, ctx.pIdx, overdue);
      if (!snap) continue;
      const row: TARow = { ...snap.row };
      if (code === 'E105' || code === 'E107') {
        if (!school(base.x)) continue;
        if (code === 'E107') {
          const ssn = base.x.row.SSN;
          if (typeof ssn !== 'string' || ssn === '') continue;
          row.SSN = ssn;
        } else {
          row.STUDENT_ID = base.x.row.STUDENT_ID;
        }
        if (checkTableA(row, p, ctx.districts, ctx.selpas).length > 0) continue;
        const at = rng.int(base.i + 1, items.length);
        items.splice(at, 0, { row, student: clone, planted: { field: code === 'E105' ? 'STUDENT_ID' : 'SSN', code }, snap: null, fmt: ctx.fmt });
        done = true;
        continue;
      }
      if (code === 'E-CSV') {
        if (!school(base.x)) continue;
        items.splice(rng.int(0, items.length), 0, {
          row, student: clone, planted: { field: '', code: 'E-CSV' }, snap: null, fmt: ctx.fmt,
          raw: (f) => f.slice(0, f.length - 9),
        });
        done = true;
        continue;
      }
      const m = MUTS[code];
      if (!m) throw new Error(`no mutation for ${code}`);
      if (!m.pred(snap, p)) continue;
      const fmt: DateFormat = ctx.fmt;
      m.mutate(row, snap, p, fmt);
      const got = checkTableA(row, p, ctx.districts, ctx.selpas);
      const want: Finding[] = [{ field: m.field, code: m.code }];
      if (!sameFindings(got, want)) continue;
      items.splice(rng.int(0, items.length), 0, { row, student: clone, planted: want[0] ?? null, snap: null, fmt });
      done = true;
    }
    if (!done) throw new Error(`could not plant ${code} in ${p.folder}`);
  }
}

/** W-DIST: DIST_RESI of a few loaded records set to a well-formed code missing from districts.csv. */
export function plantWDist(rng: Rng, items: AItem[], n: number): void {
  const codes = ['4568999', '0761999', '5472999'];
  for (let k = 0; k < n; k++) {
    for (let t = 0; t < 100; t++) {
      const it = rng.pick(items);
      if (it.planted || !it.snap || !it.snap.served || it.snap.age < 6 || it.row.DIST_RESI !== it.row.DIST_SERV) continue;
      it.row = { ...it.row, DIST_RESI: codes[k % codes.length] ?? '4568999' };
      break;
    }
  }
}
