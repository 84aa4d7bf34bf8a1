// Orchestration shared by gen-sample.ts and gen-statewide.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Rng } from './rng.ts';
import type { DateFormat } from './dates.ts';
import { addYears, ageOn, dayOf, DateFormatter, iso } from './dates.ts';
import { CsvWriter, TableWriter } from './csv.ts';
import { sampleGeo, statewideGeo } from './geo.ts';
import type { Geo, Selpa } from './geo.ts';
import { PERIODS, SCHOOL_YEARS, World, generateSelpa } from './model.ts';
import type { Period, SelpaPopulation, Student } from './model.ts';
import { TA_ALIASES, TA_FIELDS, TB_FIELDS, TC_FIELDS, TD_FIELDS, snapshot, tableBRows, tableCRows, tableDEligible, tableDRow, unit } from './tables.ts';
import type { Cell, Snap, TAField, TARow, TBRow, TCRow, TDRow } from './tables.ts';
import { cbedsGroup, SERVICES_SCHOOL } from './codes.ts';
import { cloneStudent, plantTableA, plantWDist } from './plant.ts';
import type { AItem, BItem, CItem } from './plant.ts';
import { checkTableA, checkTableAFile, checkTableB, checkTableC, checkTableD, isError } from './verify.ts';
import type { Finding } from './verify.ts';
import {
  SAMPLE_DISPUTES, SEED_DISPUTES, closeOther, emptyAgg, openReferrals, referralFields, writeAssessment, writeBreaks, writeCbeds,
  writeCycle, writeDisputes, writeDistricts, writeFindings, writeGradDropout, writeReviews, writeSubmissions, writeSurvey,
} from './others.ts';
import type { DistAgg, Expect, OtherOpts, Referral } from './others.ts';
import { nameKey } from './names.ts';
import { DRIFT, HISTORY, REPLAY_SHIFT, SHIFTED_REFERRAL_OFFSET, historyRows } from './history.ts';

export const DEFAULT_SEED = 20081201;
const OVERDUE = { iep: 0.025, evl: 0.015 };
const DISCIPLINE_RATE = 0.02;

/** Folders and files this generator owns inside an output directory. */
const OWNED = ['reference', 'casemis', 'esea', 'assessment', 'enrollment', 'calendar', 'partc', 'survey', 'reviews', 'monitoring', 'dispute', 'submissions', 'README.md', 'EXPECTED-REJECTS.csv'];

export function cleanOutput(root: string): void {
  fs.mkdirSync(root, { recursive: true });
  for (const f of OWNED) fs.rmSync(path.join(root, f), { recursive: true, force: true });
}

function fmtFields(row: Record<string, Cell>, cols: readonly string[], f: DateFormatter): string[] {
  const out: string[] = new Array<string>(cols.length);
  for (let i = 0; i < cols.length; i++) {
    const v = row[cols[i] as string];
    out[i] = v === null || v === undefined ? '' : typeof v === 'number' ? f.fmt(v) : v;
  }
  return out;
}

interface ALayout {
  cols: TAField[];
  headers: string[];
  extra: string | null;
  fmt: DateFormat;
  mixed8: number;
  crlf: boolean;
}

function aLayout(folder: string, sample: boolean): ALayout {
  const all = [...TA_FIELDS];
  if (!sample || folder === '2009-06') return { cols: all, headers: all, extra: null, fmt: 'iso', mixed8: 0, crlf: false };
  if (folder === '2008-06') {
    const cols: TAField[] = ['STUDENT_ID', 'SELPA_CODE', ...all.filter((c) => c !== 'STUDENT_ID' && c !== 'SELPA_CODE')];
    const lower = new Set<string>(['REPT_DATE', 'LAST_NAME', 'GRADE', 'PLAN_TYPE']);
    const headers = cols.map((c) => TA_ALIASES[c] ?? (lower.has(c) ? c.toLowerCase() : c));
    return { cols, headers, extra: 'LOCAL_FLAG', fmt: 'mdy', mixed8: 0, crlf: true };
  }
  // HISPANIC (profile idea-2016) only in the history folders and the statewide files: the sample's
  // own folders show that ETHNICITY codes alone decide HI7 when the column is absent.
  const drop = new Set<string>(['PARTI_SCI', 'PARTI_HIS', 'PARTI_WRTG', 'PARTI_CAH', 'MHS_ELIGIB', 'MHS_LANG', 'ETHNICITY4', 'SOLE_LOW', 'HISPANIC']);
  const cols = all.filter((c) => !drop.has(c));
  return { cols, headers: cols, extra: null, fmt: 'iso', mixed8: 0.08, crlf: false };
}

function key(r: { SELPA_CODE: Cell; STUDENT_ID: Cell }): string {
  return `${String(r.SELPA_CODE)}|${String(r.STUDENT_ID)}`;
}

function addAgg(aggs: Map<string, DistAgg>, snap: Snap, row: TARow): void {
  if (!snap.served) return;
  const d = String(row.DIST_RESI);
  let a = aggs.get(d);
  if (!a) {
    a = emptyAgg();
    aggs.set(d, a);
  }
  a.served++;
  if (snap.age >= 6 && snap.age <= 22) {
    const g = cbedsGroup(String(row.ETHNICITY1));
    a.se[g] = (a.se[g] ?? 0) + 1;
  }
  const gr = String(row.GRADE);
  if (gr >= '09' && gr <= '12') a.hs++;
  if (gr >= '02' && gr <= '11') a.tested++;
}

/** The Part C referral of a child whose third birthday falls in school year `sy` (default 2008-09). */
function referralOf(s: Student, fold: (x: string) => string, sy: { start: number; end: number } = SCHOOL_YEARS[1]): Referral | null {
  if (!s.partc) return null;
  const b3 = addYears(s.birth, 3);
  if (b3 < sy.start || b3 > sy.end) return null;
  return {
    id: s.partc.referralId,
    last: s.partc.upperName ? fold(s.last).toUpperCase() : fold(s.last),
    first: fold(s.first),
    birth: s.birth,
    gender: s.gender,
    refr: s.partc.refr,
    partcEntry: s.partc.partcEntry,
    dist: s.partc.distBlank ? '' : s.low.code,
    rc: s.partc.regionalCenter,
  };
}

export interface RunSummary {
  files: Array<{ file: string; rows: number; bytes: number }>;
  counts: Record<string, { tableA: number; served: number; tableB: number; tableC: number; tableD: number }>;
  expected: Expect[];
  referrals: number;
  /** Referrals of the history years (sample). */
  olderReferrals?: number;
  /** Oracle findings per period and code on ordinary rows (statewide with verify). */
  tally?: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// Sample

function selpaBase(geo: Geo, total: number): Map<string, number> {
  let w = 0;
  for (const s of geo.selpas) for (const d of s.districts) w += d.weight;
  const out = new Map<string, number>();
  for (const s of geo.selpas) {
    let sw = 0;
    for (const d of s.districts) sw += d.weight;
    out.set(s.code, Math.max(30, Math.round((total * sw) / w)));
  }
  return out;
}

/** Cross-SELPA December duplicates (W-UNDUP) and same-SELPA duplicates (D911). */
function plantCopies(world: World, rng: Rng, geo: Geo, pops: Map<string, SelpaPopulation>, late: string): string[] {
  const notes: string[] = [];
  const dec = PERIODS[1] as Period;
  const decIdx = 1;
  const exitDay = dayOf(2008, 12, 10);
  const onTime = geo.selpas.filter((s) => s.code !== late);
  const lateSelpa = geo.selpas.find((s) => s.code === late) as Selpa;
  const designs: Array<{ from: Selpa; to: Selpa; shift: number; note: string }> = [
    { from: lateSelpa, to: onTime[0] as Selpa, shift: -30, note: 'copy in an on-time SELPA kept although its LAST_IEP is older' },
    { from: onTime[0] as Selpa, to: onTime[1] as Selpa, shift: 20, note: 'both on time: more recent LAST_IEP (the copy) kept' },
    { from: onTime[1] as Selpa, to: onTime[2] as Selpa, shift: -25, note: 'both on time: more recent LAST_IEP (the original) kept' },
    { from: onTime[2] as Selpa, to: onTime[0] as Selpa, shift: 0, note: 'both on time, same LAST_IEP: lowest SELPA_CODE kept' },
    { from: onTime[1] as Selpa, to: lateSelpa, shift: 15, note: 'copy in the late SELPA excluded although its LAST_IEP is more recent' },
  ];
  const used = new Set<number>();
  for (const dz of designs) {
    const pop = pops.get(dz.from.code) as SelpaPopulation;
    let done = false;
    for (let t = 0; t < 2000 && !done; t++) {
      const s = rng.pick(pop.students);
      if (used.has(s.uid) || s.partc || s.infantEnd !== null || s.entry === null || s.exit !== null || s.plan !== '10') continue;
      if (s.entry > dayOf(2006, 7, 1)) continue;
      const a = ageOn(s.birth, dec.rept);
      if (a < 8 || a > 15) continue;
      const was = s.noOverdue;
      s.noOverdue = true;
      const snap = snapshot(s, dec, decIdx, OVERDUE);
      if (!snap) {
        s.noOverdue = was;
        continue;
      }
      const L = snap.row.LAST_IEP;
      const E = snap.row.LAST_EVAL;
      const I = snap.row.INIT_EVAL;
      if (typeof L !== 'number' || typeof E !== 'number') {
        s.noOverdue = was;
        continue;
      }
      const ok = L >= dec.rept - 300 && L <= dec.rept - 40 && (I === null || (typeof I === 'number' && I <= L - 31)) && E >= addYears(exitDay, -3) + 5;
      if (!ok) {
        s.noOverdue = was;
        continue;
      }
      used.add(s.uid);
      const to = dz.to;
      const low = to.low[0];
      const high = to.high[0];
      if (!low || !high) throw new Error('SELPA without districts');
      const copy: Student = {
        ...s,
        uid: world.nextUid(),
        selpa: to,
        id: world.studentId(to),
        low,
        high,
        servCoe: false,
        ssn: '',
        noOverdue: true,
        exit: exitDay,
        exitReason: '74',
        selpaFrom: '',
        onlyFolders: ['2008-12', '2009-06'],
        lastIepOverride: { '2008-12': L + dz.shift, '2009-06': L + dz.shift },
      };
      (pops.get(to.code) as SelpaPopulation).students.push(copy);
      notes.push(`${s.selpa.code}/${s.id} and ${to.code}/${copy.id}: ${dz.note}`);
      done = true;
    }
    if (!done) throw new Error('could not place a cross-SELPA duplicate');
  }
  // D911: same person twice in one SELPA file with different STUDENT_ID.
  PERIODS.forEach((p, pIdx) => {
    const sp = geo.selpas[(pIdx + 1) % geo.selpas.length] as Selpa;
    const pop = pops.get(sp.code) as SelpaPopulation;
    for (let t = 0; t < 2000; t++) {
      const s = rng.pick(pop.students);
      if (used.has(s.uid) || s.partc || s.plan !== '10' || s.onlyFolders) continue;
      const snap = snapshot(s, p, pIdx, OVERDUE);
      if (!snap || !snap.served || snap.age < 6 || snap.row.EXIT_DATE !== null) continue;
      used.add(s.uid);
      s.noOverdue = true;
      const copy: Student = { ...s, uid: world.nextUid(), id: world.studentId(sp), ssn: '', onlyFolders: [p.folder], noOverdue: true, exit: null, exitReason: '' };
      pop.students.push(copy);
      notes.push(`${sp.code}/${s.id} and ${sp.code}/${copy.id} in ${p.folder}: same name, birthdate and gender (D911)`);
      break;
    }
  });
  return notes;
}

interface PeriodData {
  a: AItem[];
  b: BItem[];
  c: CItem[];
  d: Array<{ row: TDRow; planted: Finding | null }>;
}

function buildPeriod(world: World, geo: Geo, pops: Map<string, SelpaPopulation>, p: Period, pIdx: number, seed: number): PeriodData {
  const rngC = Rng.derive(seed, 'tableC', p.folder);
  const rngD = Rng.derive(seed, 'tableD', p.folder);
  const a: AItem[] = [];
  const c: CItem[] = [];
  const d: PeriodData['d'] = [];
  for (const sp of geo.selpas) {
    const pop = pops.get(sp.code) as SelpaPopulation;
    for (const s of pop.students) {
      const snap = snapshot(s, p, pIdx, OVERDUE);
      if (!snap) continue;
      a.push({ row: snap.row, student: s, planted: null, snap });
      if (p.kind === 'jun') for (const r of tableCRows(rngC, snap, p, DISCIPLINE_RATE)) c.push({ row: r, planted: null });
    }
    if (p.kind === 'jun') {
      const src = pIdx === 0 ? pop.ghosts : pop.students.filter((s) => tableDEligible(s, p));
      for (const s of src) d.push({ row: tableDRow(rngD, s, p), planted: null });
    }
  }
  void world;
  return { a, b: [], c, d };
}

function bFromA(items: AItem[], p: Period): BItem[] {
  const out: BItem[] = [];
  for (const it of items) {
    if (it.planted || !it.snap) continue;
    for (const r of tableBRows(it.snap, p)) out.push({ row: r, planted: null });
  }
  return out;
}

function plantB(rng: Rng, p: Period, b: BItem[], a: AItem[]): void {
  const loaded = b.filter((x) => !x.planted);
  const pick = (): TBRow => ({ ...(rng.pick(loaded).row) });
  const insert = (row: TBRow, f: Finding, raw?: (x: string[]) => string[]): void => {
    const item: BItem = raw ? { row, planted: f, raw } : { row, planted: f };
    b.splice(rng.int(0, b.length), 0, item);
  };
  const freshService = (r: TBRow): string => {
    const have = new Set(b.filter((x) => key(x.row) === key(r)).map((x) => String(x.row.SERVICE)));
    return SERVICES_SCHOOL.find((s) => !have.has(s)) ?? '900';
  };
  {
    const r = pick();
    r.STUDENT_ID = 'ZZ9999999';
    insert(r, { field: 'STUDENT_ID', code: 'E201' });
  }
  {
    const r = pick();
    r.SERVICE = freshService(r);
    r.FREQUENCY = '7';
    insert(r, { field: 'FREQUENCY', code: 'E205' });
  }
  {
    const r = pick();
    r.SERVICE = freshService(r);
    r.DURATION = '5';
    insert(r, { field: 'DURATION', code: 'E206' });
  }
  {
    // E211: a later row repeating a service of the same student.
    const i = b.findIndex((x, k) => !x.planted && k > 10);
    const src = b[i];
    if (src) b.splice(rng.int(i + 1, b.length), 0, { row: { ...src.row, PROVIDER: '400' }, planted: { field: 'SERVICE', code: 'E211' } });
  }
  if (p.folder !== '2008-06') {
    const r = pick();
    r.SERVICE = '41';
    insert(r, { field: 'SERVICE', code: 'E-202' });
  }
  if (p.folder === '2008-12') {
    const r = pick();
    r.SERVICE = freshService(r);
    r.REPT_DATE = p.rept + 1;
    insert(r, { field: 'REPT_DATE', code: 'E208' });
    // A service row of a Table A record that was itself rejected (E118): E201.
    const rej = a.find((x) => x.planted?.code === 'E118');
    if (rej) insert({ ...r, REPT_DATE: p.rept, SELPA_CODE: rej.row.SELPA_CODE, STUDENT_ID: rej.row.STUDENT_ID, SERVICE: '330' }, { field: 'STUDENT_ID', code: 'E201' });
  }
  if (p.folder === '2009-06') {
    const r = pick();
    r.SERVICE = freshService(r);
    insert(r, { field: '', code: 'E-CSV' }, (f) => [...f, 'EXTRA']);
  }
}

function plantC(rng: Rng, p: Period, c: CItem[], a: AItem[]): void {
  // Few plants per file: Table C files are small and must stay far below a 5 % reject rate.
  const pick = (): TCRow => ({ ...(rng.pick(c.filter((x) => !x.planted)).row) });
  const insert = (row: TCRow, f: Finding): void => {
    c.splice(rng.int(0, c.length), 0, { row, planted: f });
  };
  let r: TCRow;
  if (p.folder === '2008-06') {
    r = pick();
    r.DSPL_DATE = p.syStart - 41;
    insert(r, { field: 'DSPL_DATE', code: 'E301' });
    r = pick();
    r.DSPL_TYPE = '20';
    r.DSPL_DAYS = '400';
    insert(r, { field: 'DSPL_DAYS', code: 'E303' });
    return;
  }
  r = pick();
  r.STUDENT_ID = 'ZZ9999998';
  insert(r, { field: 'STUDENT_ID', code: 'E300' });
  r = pick();
  r.DSPL_TYPE = '60';
  insert(r, { field: 'DSPL_TYPE', code: 'E302' });
  const rej = a.find((x) => x.planted?.code === 'E119');
  if (rej) {
    r = pick();
    insert({ ...r, SELPA_CODE: rej.row.SELPA_CODE, STUDENT_ID: rej.row.STUDENT_ID, DIST_RESI: '' }, { field: 'STUDENT_ID', code: 'E300' });
  }
}

function sameFindings(a: Finding[], b: Finding[]): boolean {
  const k = (f: Finding): string => `${f.field}:${f.code}`;
  const sa = a.map(k).sort().join(',');
  const sb = b.map(k).sort().join(',');
  return sa === sb;
}

/**
 * Writes each row, runs the oracle on it, insists the findings are exactly the planted one (or
 * none), and records them as expected rejects at the row's physical line.
 */
function writeChecked<R>(
  w: CsvWriter,
  items: readonly { row: R; planted?: Finding | null }[],
  format: (row: R) => string[],
  check: (row: R) => Finding[],
  expected: Expect[],
): void {
  for (const it of items) {
    const line = w.row(format(it.row));
    const got = check(it.row);
    if (!sameFindings(got, it.planted ? [it.planted] : [])) throw new Error(`${w.rel} line ${line}: expected ${JSON.stringify(it.planted)} got ${JSON.stringify(got)}`);
    for (const g of got) expected.push({ file: w.rel, line, field: g.field, code: g.code, note: '' });
  }
  w.close();
}

/** Every non-CASEMIS input, in a fixed order (the PRNG stream depends on it), sized by volume. */
function writeOtherInputs(o: OtherOpts, size: { surveys: number; findings: number; disputes: Parameters<typeof writeDisputes>[1] }): void {
  writeDistricts(o);
  writeGradDropout(o);
  writeAssessment(o);
  writeCbeds(o);
  writeBreaks(o);
  writeSurvey(o, size.surveys);
  writeReviews(o);
  writeFindings(o, size.findings);
  writeCycle(o);
  writeDisputes(o, size.disputes);
  writeSubmissions(o);
}

const NATURAL_OK = new Set(['W909', 'W910', 'W-DIST', 'D911', 'W-UNDUP']);

interface HistoryCtx {
  root: string;
  seed: number;
  pops: Map<string, SelpaPopulation>;
  districts: ReadonlySet<string>;
  selpas: ReadonlySet<string>;
  onTimeDec: ReadonlySet<string>;
  summary: RunSummary;
  expected: Expect[];
}

/**
 * The history folders (history.ts): plain ISO layout, Table A and, in June, Table C; no Table B or
 * D (optional in the contract). Every row goes through the oracle: ordinary warnings only.
 */
function writeHistory(x: HistoryCtx): void {
  const f = new DateFormatter('iso');
  for (const h of HISTORY) {
    const p = h.target;
    const data = historyRows(x.seed, x.pops.values(), h, OVERDUE, DISCIPLINE_RATE);
    const wa = new CsvWriter(x.root, `casemis/${p.folder}/table_a.csv`, [...TA_FIELDS]);
    const aRows: Array<{ row: TARow; line: number; rejected: boolean }> = [];
    let served = 0;
    for (const it of data.a) {
      const line = wa.row(fmtFields(it.row, TA_FIELDS, f));
      const got = checkTableA(it.row, p, x.districts, x.selpas);
      const bad = got.filter((g) => !NATURAL_OK.has(g.code));
      if (bad.length > 0) throw new Error(`${wa.rel} line ${line} (${String(it.row.STUDENT_ID)}): unexpected ${JSON.stringify(bad)}`);
      for (const g of got) x.expected.push({ file: wa.rel, line, field: g.field, code: g.code, note: '' });
      aRows.push({ row: it.row, line, rejected: false });
      if (it.snap.served) served++;
    }
    wa.close();
    x.summary.files.push({ file: wa.rel, rows: wa.rows, bytes: wa.bytes });
    for (const ff of checkTableAFile(aRows, p, null, x.onTimeDec)) {
      if (!NATURAL_OK.has(ff.code)) throw new Error(`${wa.rel} line ${ff.line}: unexpected file-level ${ff.code}`);
      x.expected.push({ file: wa.rel, line: ff.line, field: ff.field, code: ff.code, note: '' });
    }
    if (p.kind === 'jun') {
      const aKeys = new Set(data.a.map((it) => key(it.row)));
      const wc = new CsvWriter(x.root, `casemis/${p.folder}/table_c.csv`, [...TC_FIELDS]);
      writeChecked(wc, data.c.map((row) => ({ row })), (row) => fmtFields(row, TC_FIELDS, f), (row) => checkTableC(row, p, aKeys), x.expected);
      x.summary.files.push({ file: wc.rel, rows: wc.rows, bytes: wc.bytes });
    }
    x.summary.counts[p.folder] = { tableA: data.a.length, served, tableB: 0, tableC: data.c.length, tableD: 0 };
  }
}

/** A referral replayed `years` whole years earlier (history folders), under a new id. */
function shiftReferral(r: Referral, years: number): Referral {
  const n = Number(r.id.slice(1));
  if (!/^R\d{7}$/.test(r.id) || n >= SHIFTED_REFERRAL_OFFSET) throw new Error(`referral id ${r.id} outside the shiftable range`);
  return {
    ...r,
    id: `R${String(n + SHIFTED_REFERRAL_OFFSET)}`,
    birth: addYears(r.birth, years),
    refr: addYears(r.refr, years),
    partcEntry: addYears(r.partcEntry, years),
  };
}

export function generateSample(root: string, seed: number = DEFAULT_SEED): RunSummary {
  cleanOutput(root);
  const world = new World(seed);
  const rng = Rng.derive(seed, 'sample');
  const geo = sampleGeo(Rng.derive(seed, 'geo'));
  const bases = selpaBase(geo, 2550);
  const pops = new Map<string, SelpaPopulation>();
  for (const sp of geo.selpas) pops.set(sp.code, generateSelpa(world, sp, bases.get(sp.code) ?? 100));
  const late = (geo.selpas[2] as Selpa).code;
  const copyNotes = plantCopies(world, rng, geo, pops, late);
  const onTimeDec = new Set(geo.selpas.filter((s) => s.code !== late).map((s) => s.code));
  const districts = new Set(geo.districts.map((d) => d.code));
  const selpas = new Set(geo.selpas.map((s) => s.code));

  // One linked Part C child whose Table A name is written decomposed (NFD): the engine normalises to NFC.
  const nfd = new Set<number>();
  for (const pop of pops.values()) {
    const s = pop.students.find((x) => x.partc && x.plan === '10' && x.entry !== null && x.entry >= dayOf(2008, 7, 1) && x.entry <= dayOf(2009, 6, 1) && !x.partc.upperName);
    if (s) {
      const k = nameKey('Muñoz-Peña', s.first, iso(s.birth), s.gender);
      if (!world.names.has(k)) {
        world.names.add(k);
        s.last = 'Muñoz-Peña';
        nfd.add(s.uid);
        break;
      }
    }
  }

  const expected: Expect[] = [];
  const summary: RunSummary = { files: [], counts: {}, expected, referrals: 0 };
  const aggs = new Map<string, DistAgg>();

  PERIODS.forEach((p, pIdx) => {
    const data = buildPeriod(world, geo, pops, p, pIdx, seed);
    const lay = aLayout(p.folder, true);
    const prng = Rng.derive(seed, 'plant', p.folder);
    plantTableA({ world, rng: prng, p, pIdx, fmt: lay.fmt, districts, selpas }, data.a);
    if (p.folder !== '2008-06') plantWDist(prng, data.a, p.folder === '2008-12' ? 2 : 1);
    // Table C carries DIST_RESI equal to its Table A record's (after the W-DIST plants).
    const resiOf = new Map<string, Cell>();
    for (const it of data.a) if (!it.planted) resiOf.set(key(it.row), it.row.DIST_RESI);
    for (const it of data.c) if (it.row.DIST_RESI !== '') it.row = { ...it.row, DIST_RESI: resiOf.get(key(it.row)) ?? it.row.DIST_RESI };
    data.b = bFromA(data.a, p);
    plantB(prng, p, data.b, data.a);
    if (p.kind === 'jun') plantC(prng, p, data.c, data.a);
    if (p.kind === 'jun') {
      const i = prng.int(0, data.d.length - 1);
      const src = data.d[i];
      if (src) {
        const f: Finding = pIdx === 0 ? { field: 'PST_SECEMP', code: 'E413' } : { field: 'PST_SECPRG', code: 'E412' };
        const row = { ...src.row, STUDENT_ID: `${String(src.row.STUDENT_ID)}9` };
        if (f.code === 'E413') row.PST_SECEMP = '50';
        else row.PST_SECPRG = '40';
        data.d.splice(i + 1, 0, { row, planted: f });
      }
      const src2 = data.d[prng.int(0, data.d.length - 1)];
      if (src2 && p.folder === '2009-06') {
        const row = { ...src2.row, STUDENT_ID: `${String(src2.row.STUDENT_ID)}8`, REPT_DATE: dayOf(2009, 6, 15) };
        data.d.splice(prng.int(0, data.d.length), 0, { row, planted: { field: 'REPT_DATE', code: 'E-PERIOD' } });
      }
    }

    // ---- write Table A
    const dir = `casemis/${p.folder}`;
    const header = lay.extra ? [...lay.headers, lay.extra] : lay.headers;
    const wa = new CsvWriter(root, `${dir}/table_a.csv`, header, { crlf: lay.crlf });
    const fIso = new DateFormatter(lay.fmt);
    const f8 = new DateFormatter('mdy8');
    const lines: number[] = [];
    for (const it of data.a) {
      const useF = it.fmt ? (it.fmt === lay.fmt ? fIso : new DateFormatter(it.fmt)) : it.student && lay.mixed8 > 0 && unit(it.student.uid, 3, 5) < lay.mixed8 ? f8 : fIso;
      let fields = fmtFields(it.row, lay.cols, useF);
      if (it.student && nfd.has(it.student.uid)) fields = fields.map((v, i) => (lay.cols[i] === 'LAST_NAME' ? v.normalize('NFD') : v));
      if (lay.extra) fields.push(it.student && it.student.uid % 97 === 0 ? 'Y' : '');
      if (it.raw) fields = it.raw(fields);
      lines.push(wa.row(fields));
    }
    wa.close();
    summary.files.push({ file: wa.rel, rows: wa.rows, bytes: wa.bytes });

    // ---- verify Table A
    const aRows: Array<{ row: TARow; line: number; rejected: boolean }> = [];
    const aFindings: Array<{ line: number; f: Finding }> = [];
    data.a.forEach((it, i) => {
      const line = lines[i] as number;
      if (it.raw) {
        aFindings.push({ line, f: it.planted ?? { field: '', code: 'E-CSV' } });
        return;
      }
      const got = checkTableA(it.row, p, districts, selpas);
      if (it.planted) {
        const fileLevel = it.planted.code === 'E105' || it.planted.code === 'E107';
        if (!sameFindings(got, fileLevel ? [] : [it.planted])) throw new Error(`${p.folder} line ${line}: planted ${it.planted.code} but oracle says ${JSON.stringify(got)}`);
      } else {
        const bad = got.filter((g) => !NATURAL_OK.has(g.code));
        if (bad.length > 0) throw new Error(`${p.folder} line ${line} (${String(it.row.STUDENT_ID)}): unexpected ${JSON.stringify(bad)}`);
      }
      for (const g of got) aFindings.push({ line, f: g });
      aRows.push({ row: it.row, line, rejected: got.some((g) => isError(g.code)) });
    });
    const bKeys = new Set<string>();
    for (const x of data.b) if (!x.planted) bKeys.add(key(x.row));
    const fileF = checkTableAFile(aRows, p, bKeys, onTimeDec);
    for (const ff of fileF) {
      const it = data.a[lines.indexOf(ff.line)];
      if (it?.planted && it.planted.code !== ff.code) throw new Error(`${p.folder} line ${ff.line}: file-level ${ff.code} on planted ${it.planted.code}`);
      if (!it?.planted && !NATURAL_OK.has(ff.code)) throw new Error(`${p.folder} line ${ff.line}: unexpected file-level ${ff.code}`);
      aFindings.push({ line: ff.line, f: { field: ff.field, code: ff.code } });
    }
    for (const it of data.a) {
      if (it.planted && (it.planted.code === 'E105' || it.planted.code === 'E107')) {
        const ln = lines[data.a.indexOf(it)] as number;
        if (!fileF.some((x) => x.line === ln && x.code === it.planted?.code)) throw new Error(`${p.folder}: planted ${it.planted.code} at ${ln} not found by the oracle`);
      }
    }
    const rejectedLines = new Set<number>();
    for (const x of aFindings) if (isError(x.f.code)) rejectedLines.add(x.line);
    const aKeys = new Set<string>();
    data.a.forEach((it, i) => {
      if (!it.raw && !rejectedLines.has(lines[i] as number)) aKeys.add(key(it.row));
    });
    for (const x of aFindings) expected.push({ file: wa.rel, line: x.line, field: x.f.field, code: x.f.code, note: '' });
    const served = data.a.filter((it, i) => !rejectedLines.has(lines[i] as number) && it.snap?.served).length;

    // ---- Table B
    const fb = new DateFormatter(p.folder === '2008-06' ? 'mdy8' : 'iso');
    const wb = new CsvWriter(root, `${dir}/table_b.csv`, [...TB_FIELDS], { bom: p.folder === '2008-12' });
    const seen = new Set<string>();
    for (const it of data.b) {
      let fields = fmtFields(it.row, TB_FIELDS, fb);
      if (it.raw) fields = it.raw(fields);
      const line = wb.row(fields);
      if (it.raw) {
        expected.push({ file: wb.rel, line, field: '', code: 'E-CSV', note: 'too many fields' });
        continue;
      }
      const got = checkTableB(it.row, p, aKeys, seen);
      if (!sameFindings(got, it.planted ? [it.planted] : [])) throw new Error(`${wb.rel} line ${line}: expected ${JSON.stringify(it.planted)} got ${JSON.stringify(got)}`);
      for (const g of got) expected.push({ file: wb.rel, line, field: g.field, code: g.code, note: '' });
    }
    wb.close();
    summary.files.push({ file: wb.rel, rows: wb.rows, bytes: wb.bytes });

    // ---- Tables C and D
    if (p.kind === 'jun') {
      const fc = new DateFormatter(p.folder === '2008-06' ? 'mdy' : 'iso');
      const wc = new CsvWriter(root, `${dir}/table_c.csv`, [...TC_FIELDS]);
      writeChecked(wc, data.c, (row) => fmtFields(row, TC_FIELDS, fc), (row) => checkTableC(row, p, aKeys), expected);
      summary.files.push({ file: wc.rel, rows: wc.rows, bytes: wc.bytes });
      const dHeader = p.folder === '2008-06' ? TD_FIELDS.map((h) => h.toLowerCase()) : TD_FIELDS.map((h) => (h === 'GENDER' ? ' GENDER ' : h));
      const wd = new CsvWriter(root, `${dir}/table_d.csv`, dHeader);
      const fd = new DateFormatter('iso');
      writeChecked(wd, data.d, (row) => fmtFields(row, TD_FIELDS, fd), (row) => checkTableD(row, p, aKeys), expected);
      summary.files.push({ file: wd.rel, rows: wd.rows, bytes: wd.bytes });
    }
    summary.counts[p.folder] = { tableA: data.a.length, served, tableB: data.b.length, tableC: data.c.length, tableD: data.d.length };
    if (p.folder === '2008-12') {
      data.a.forEach((it, i) => {
        if (it.snap && !rejectedLines.has(lines[i] as number)) addAgg(aggs, it.snap, it.row);
      });
    }
  });

  writeHistory({ root, seed, pops, districts, selpas, onTimeDec, summary, expected });

  // ---- Part C referrals
  const o: OtherOpts = { root, seed, geo, aggs, plant: true, lateSelpa: late, volume: 1, expected, written: summary.files };
  const wr = openReferrals(o);
  const refs: Referral[] = [];
  for (const sp of geo.selpas) {
    const pop = pops.get(sp.code) as SelpaPopulation;
    for (const s of [...pop.students, ...pop.unlinked]) {
      const r = referralOf(s, (x) => x);
      if (r) refs.push(r);
    }
  }
  refs.sort((x, y) => (x.id < y.id ? -1 : 1));
  refs.forEach((r, i) => {
    wr.row(referralFields(r));
    if (i === 7) {
      expected.push({ file: wr.rel, line: wr.line, field: 'referral_id', code: 'E-DUP', note: 'same referral sent twice (later row rejected)' });
      wr.row(referralFields(r));
    }
  });
  // Then the history years: children with a third birthday in 2007-08 (linked to 2008-06) and the
  // referrals of both simulated years replayed two years earlier (2005-06, 2006-07).
  const older: Referral[] = [];
  for (const sp of geo.selpas) {
    const pop = pops.get(sp.code) as SelpaPopulation;
    for (const s of [...pop.students, ...pop.unlinked]) {
      const r0 = referralOf(s, (x) => x, SCHOOL_YEARS[0]);
      if (r0) older.push(r0, shiftReferral(r0, REPLAY_SHIFT));
      const r1 = referralOf(s, (x) => x);
      if (r1) older.push(shiftReferral(r1, REPLAY_SHIFT));
    }
  }
  older.sort((x, y) => (x.id < y.id ? -1 : 1));
  for (const r of older) wr.row(referralFields(r));
  summary.referrals = refs.length;
  summary.olderReferrals = older.length;
  closeOther(o, wr);

  let totalServed = 0;
  for (const a of aggs.values()) totalServed += a.served;
  writeOtherInputs(o, { surveys: Math.round(totalServed * 0.048), findings: 140, disputes: SAMPLE_DISPUTES });

  // ---- EXPECTED-REJECTS.csv and README.md
  expected.sort((x, y) => (x.file === y.file ? x.line - y.line || (x.code < y.code ? -1 : 1) : x.file < y.file ? -1 : 1));
  const ew = new CsvWriter(root, 'EXPECTED-REJECTS.csv', ['file', 'line', 'field', 'code', 'severity']);
  for (const e of expected) ew.row([e.file, String(e.line), e.field, e.code, isError(e.code) ? 'error' : 'warning']);
  ew.close();
  writeReadme(root, seed, summary, geo, late, copyNotes);
  return summary;
}

const CODE_NOTES: Record<string, string> = {
  E105: 'STUDENT_ID repeated in the SELPA; later row rejected',
  E106: 'SSN not numeric',
  E107: 'SSN repeated in the file; later row rejected',
  E108: 'REPT_DATE one day off',
  E111: 'digit in LAST_NAME',
  E112: 'digit in FIRST_NAME',
  E113: 'impossible birthdate (Feb 30)',
  E114: 'birthdate after REPT_DATE (PLAN_TYPE 90 record without other dates)',
  E115: 'age 23 with no EXIT_DATE',
  E118: "GENDER 'X'",
  E119: "ETHNICITY1 '555'",
  E126: 'ENTRY_DATE before BIRTHDATE',
  E127: 'ENTRY_DATE after REPT_DATE',
  E129: 'LAST_IEP before BIRTHDATE (infant)',
  E130: 'LAST_IEP after REPT_DATE',
  E134: "DISABILITY1 '215' on a served record",
  E135: "GRADE '19'",
  E149: 'ETHNICITY2 = ETHNICITY1',
  E150: 'EXIT_DATE before ENTRY_DATE',
  E151: 'December record with EXIT_DATE before REPT_DATE',
  E153: 'EXIT_RESON without EXIT_DATE',
  E154: 'June EXIT_DATE before the school year',
  E155: "EXIT_RESON '80'",
  E156: 'EXIT_RESON 71 under age 16',
  E157: 'EXIT_RESON 73 under age 21',
  E158: 'LAST_IEP after EXIT_DATE',
  E162: 'infant without REFR_DATE',
  E164: 'FEDSET_PRS blank, served age 3-5',
  E165: 'FEDSET_PRS given under age 3',
  E166: 'IN_REGCLS 150',
  E174: "PLAN_TYPE '40'",
  E186: 'REFR_BY blank with REFR_DATE',
  E188: 'PRNT_CSNT before REFR_DATE',
  E189: 'INIT_EVAL before PRNT_CSNT',
  E190: 'INIT_EVAL after LAST_IEP',
  E192: 'DISABILITY2 = DISABILITY1',
  E194: 'FEDSET_SCH blank, served age 6-22',
  E195: 'TRAN_GOAL2 = TRAN_GOAL1',
  E517: "EVLDLAY '55'",
  E518: "TBDDLAY '60'",
  'E-CSV': 'malformed row: wrong number of fields',
  E201: 'Table B row without a loaded Table A record',
  E205: "FREQUENCY '7'",
  E206: 'DURATION 5',
  E208: 'REPT_DATE one day off',
  E211: 'SERVICE repeated for the student',
  'E-202': "SERVICE '41'",
  E300: 'Table C row without a loaded Table A record',
  E301: 'DSPL_DATE before the school year',
  E302: "DSPL_TYPE '60'",
  E303: 'DSPL_DAYS 400',
  'E-PERIOD': 'REPT_DATE not the folder date',
  E412: "PST_SECPRG '40'",
  E413: "PST_SECEMP '50'",
  'W-DIST': 'DIST_RESI not in districts.csv',
  'W-UNDUP': 'December cross-SELPA duplicate excluded',
  D911: 'same name/birthdate/gender twice in one SELPA',
};

function writeReadme(root: string, seed: number, s: RunSummary, geo: Geo, late: string, copyNotes: string[]): void {
  const planted = s.expected.filter((e) => !['W909', 'W910'].includes(e.code));
  const natural = s.expected.filter((e) => ['W909', 'W910'].includes(e.code));
  const byCode = new Map<string, number>();
  for (const e of natural) byCode.set(`${e.file} ${e.code}`, (byCode.get(`${e.file} ${e.code}`) ?? 0) + 1);
  const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
  const pct = (x: number): string => (x === 0 ? '—' : `${+(x * 100).toFixed(1)} %`);
  const total = s.files.reduce((a, f) => a + f.bytes, 0);
  const L: string[] = [];
  L.push('# data-samples — synthetic CASEMIS and APR inputs (reporting year 2008-09)', '');
  L.push('**Entirely synthetic.** No record describes a real person, school or district: names are drawn from small made-up lists,');
  L.push('SSNs start with 9 (never issued), codes are random. The data is nevertheless shaped like PII: treat it as such in outputs.', '');
  L.push(`Generated by \`npm run gen:sample\` (= \`npx tsx scripts/gen-sample.ts [outDir]\`), seed ${seed}. The generator is`);
  L.push('deterministic: running it again gives byte-identical files. Do not edit files by hand; change `scripts/gen/` and regenerate.', '');
  L.push('## Structure', '');
  L.push(`- ${geo.districts.length} districts in ${geo.selpas.length} SELPAs (${geo.selpas.map((x) => `${x.code}: ${x.districts.length}`).join(', ')}); types: ${[...new Set(geo.districts.map((d) => d.type))].join(', ')}.`);
  L.push(`- SELPA ${late} submitted December late (submissions/selpa_submissions.csv).`);
  L.push('- The same students persist across `casemis/2008-06`, `2008-12` and `2009-06` (same SELPA_CODE + STUDENT_ID, ages advancing).');
  L.push('- `casemis/2006-06`, `2006-12`, `2007-06` and `2007-12` are clean history folders for the multi-year views (see below).', '');
  L.push('| period | Table A rows | served loaded | Table B | Table C | Table D |', '|---|---|---|---|---|---|');
  for (const [k, c] of Object.entries(s.counts).sort(([a], [b]) => (a < b ? -1 : 1))) L.push(`| ${k} | ${c.tableA} | ${c.served} | ${c.tableB || '—'} | ${c.tableC || '—'} | ${c.tableD || '—'} |`);
  L.push('', `Part C referrals: ${s.referrals} (+1 duplicate) with a third birthday in 2008-09, and ${s.olderReferrals ?? 0} of the history years. Total size ${kb(total)}.`, '');
  L.push('Format variety on purpose: `casemis/2008-06/table_a.csv` uses header aliases (SELPA, SCHOOL, DISABILIT1/2, EXIT_REASON,');
  L.push('EVLDLY, TBDLAY, IN_RFR_DATE), lower-case headers, another column order, an unknown column LOCAL_FLAG, CRLF line ends and');
  L.push('MM/DD/YYYY dates; `2008-12/table_a.csv` omits some optional columns and writes ~8 % of rows with MMDDYYYY dates;');
  L.push('`2008-06/table_b.csv` uses MMDDYYYY; `2008-12/table_b.csv` and `survey/distribution.csv` start with a UTF-8 BOM;');
  L.push('`survey/parent_survey.csv` has CRLF; `calendar/breaks.csv` has a quoted newline and quoted commas; a district name and');
  L.push('an enrollment value contain quoted commas; `2009-06/table_d.csv` has a header with spaces; names carry accents, apostrophes,');
  L.push('hyphens, spaces and periods, and one June 2009 LAST_NAME is written in NFD (decomposed) form while its Part C referral uses NFC;');
  L.push('10 % of referral surnames are upper case.', '');
  L.push('## History folders (multi-year views)', '');
  L.push('`tables/trend-<id>.csv` gives 4A, 5, 11 and 12 (1 and 2 come from the ESEA file) for the run\'s data year and up to three');
  L.push('earlier data years whose folders are present. Four earlier CASEMIS submissions give them content. They are **clean**');
  L.push('(no planted errors or duplicates; only the natural W909/W910 warnings, listed in EXPECTED-REJECTS.csv), in the plain layout');
  L.push('(every Table A column, ISO dates, LF) and hold only `table_a.csv` and, in June, `table_c.csv` (Tables B and D are optional,');
  L.push('left out to keep the folder small). They change nothing in the 2008-09 figures.', '');
  L.push('| folder | school year | made from | feeds (data year) |', '|---|---|---|---|');
  for (const h of HISTORY) {
    const from = h.shift === 0 ? `the model on ${iso(h.source.rept)} (the students of 2008-06)` : `the ${h.source.folder} snapshot, every date ${-h.shift} years earlier`;
    L.push(`| casemis/${h.target.folder} | ${h.target.sy} | ${from} | ${h.feeds} |`);
  }
  L.push('');
  L.push('The model simulates 2007-08 and 2008-09, so December 2007 is an ordinary snapshot of it. 2005-06 and 2006-07 are the model\'s');
  L.push('two years replayed two years earlier: the snapshot of the source period with every date field, REPT_DATE included, moved back');
  L.push('two whole years (Feb 29 becomes Feb 28), so ages, grades and intervals stay as they were. 2005-06 and 2006-07 are consistent with');
  L.push('each other (the same students, STUDENT_IDs and names, birthdates two years earlier), not with the 2007-08 / 2008-09 people who');
  L.push('carry the same STUDENT_ID. Planted copies (D911, W-UNDUP) are left out. Overdue IEP / evaluation draws are salted per folder.', '');
  L.push('Year-over-year drift, worse further back, decided per student from seeded hashes and keyed by the school year it belongs to');
  L.push('(placements and discipline: the folder\'s; a late evaluation: its INIT_EVAL\'s; a late Part C IEP: the third birthday\'s), so');
  L.push('every folder showing a student agrees on the student\'s dates:', '');
  L.push('| school year | 11: timely evaluations made late | 12: Part C IEPs moved after the 3rd birthday | 4A: Table C discipline rate | 5: records one regular-class band lower |', '|---|---|---|---|---|');
  for (const [sy, d] of Object.entries(DRIFT)) L.push(`| ${sy} | ${pct(d.lateEval)} | ${pct(d.partcLate)} | ${d.discipline === 1 ? '—' : `× ${d.discipline}`} | ${pct(d.lre)} |`);
  L.push('');
  L.push('A late evaluation moves PRNT_CSNT (and REFR_DATE with it) earlier inside the school year, 61-280 days before INIT_EVAL, with');
  L.push('EVLDLAY 50/60/70/90; a late Part C IEP comes 5-75 days after the third birthday, in the same school year, with TBDDLAY');
  L.push('20/40/50/90 (ENTRY_DATE and the IEP dates follow). The model\'s own years keep their simulated dates: 2007-12 drifts only in');
  L.push('placements and otherwise agrees with 2008-06.', '');
  L.push('`partc/referrals.csv` holds the 2008-09 referrals first (the duplicate among them), then those of children whose third');
  L.push(`birthday fell in 2007-08 (linked to 2008-06), then the referrals of both simulated years replayed two years earlier, under the`);
  L.push(`source id plus ${SHIFTED_REFERRAL_OFFSET} (R0100518 → R${100518 + SHIFTED_REFERRAL_OFFSET}): third birthdays in 2005-06 and 2006-07, linked to 2006-06 and 2007-06 by`);
  L.push('the shifted name, birthdate and gender.', '');
  L.push('## Expected rejects and warnings', '');
  L.push('`EXPECTED-REJECTS.csv` lists every error and warning the engine should report (`file,line,field,code,severity`; `line` is');
  L.push('the physical line where the record starts, header = line 1). It is produced by an independent rule oracle');
  L.push('(`scripts/gen/verify.ts`) run over every CASEMIS row, and the generator fails if any planted row raises anything other than');
  L.push('its one planted code or any ordinary row raises anything other than the warnings below. `field` is advisory for file-level');
  L.push('codes (E105, E107, D911, W-UNDUP: STUDENT_ID / SSN of the later row; E-CSV: empty).', '');
  L.push(`Natural warnings (overdue IEP / evaluation, ≈2.5 % / 1.5 % of served records): ${[...byCode.entries()].map(([k, n]) => `${k}: ${n}`).join('; ')}.`, '');
  L.push('Cross-SELPA December duplicates (W-UNDUP on the excluded record) and same-SELPA duplicates (D911 on the later row):', '');
  for (const n of copyNotes) L.push(`- ${n}`);
  L.push('', 'Deliberately invalid rows and planted warnings (W909/W910 omitted, see EXPECTED-REJECTS.csv):', '');
  L.push('| file | line | field | code |', '|---|---|---|---|');
  for (const e of planted) {
    const note = e.note || (e.file.startsWith('casemis/') ? (CODE_NOTES[e.code] ?? '') : '');
    L.push(`| ${e.file} | ${e.line} | ${e.field} | ${e.code}${note ? ` (${note})` : ''} |`);
  }
  L.push('', 'Consequential rejects: a Table B row of the rejected E118 record of 2008-12 (E201) and a Table C row of a rejected');
  L.push('E119 record of 2009-06 (E300) are planted on purpose. Every CASEMIS table stays far below a 5 % reject rate.', '');
  fs.writeFileSync(path.join(root, 'README.md'), `${L.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------
// Statewide

/** `scale` multiplies the student base and the volumes sized by it (survey responses, findings); disputes stay at the seed's counts. */
export function generateStatewide(
  root: string,
  seed: number = DEFAULT_SEED,
  opts: { selpas: number; districts: number; base: number; verify?: boolean; perSelpa?: boolean; scale?: number } = { selpas: 130, districts: 1000, base: 790000 },
): RunSummary {
  cleanOutput(root);
  const scale = opts.scale ?? 1;
  const world = new World(seed);
  const geo = statewideGeo(Rng.derive(seed, 'geo'), opts.selpas, opts.districts);
  const bases = selpaBase(geo, Math.round(opts.base * scale));
  const late = (geo.selpas[7] as Selpa).code;
  const summary: RunSummary = { files: [], counts: {}, expected: [], referrals: 0 };
  const aggs = new Map<string, DistAgg>();
  const perSelpa = opts.perSelpa ?? false;
  const writers = PERIODS.map((p) => ({
    a: new TableWriter(root, `casemis/${p.folder}/table_a.csv`, [...TA_FIELDS], perSelpa, { bufferChars: 1 << 19 }),
    b: new TableWriter(root, `casemis/${p.folder}/table_b.csv`, [...TB_FIELDS], perSelpa, { bufferChars: 1 << 19 }),
    c: p.kind === 'jun' ? new TableWriter(root, `casemis/${p.folder}/table_c.csv`, [...TC_FIELDS], perSelpa) : null,
    d: p.kind === 'jun' ? new TableWriter(root, `casemis/${p.folder}/table_d.csv`, [...TD_FIELDS], perSelpa) : null,
    served: 0,
  }));
  // The earlier years of profile idea-2016's window (2006-07 and 2007-08): December 2006 and 2007,
  // June 2007 (history.ts: the model's years replayed). June 2006 feeds only trends: not written.
  const history = HISTORY.filter((h) => h.target.folder !== '2006-06').map((h) => ({
    h,
    a: new TableWriter(root, `casemis/${h.target.folder}/table_a.csv`, [...TA_FIELDS], perSelpa, { bufferChars: 1 << 19 }),
    c: h.target.kind === 'jun' ? new TableWriter(root, `casemis/${h.target.folder}/table_c.csv`, [...TC_FIELDS], perSelpa) : null,
    served: 0,
  }));
  const f = new DateFormatter('iso');
  const o: OtherOpts = { root, seed, geo, aggs, plant: false, lateSelpa: late, volume: 1, expected: [], written: summary.files };
  const wr = openReferrals(o);
  const sprinkle = Rng.derive(seed, 'sprinkle');
  const tally = opts.verify ? new Map<string, number>() : null;
  const districtSet = new Set(geo.districts.map((d) => d.code));
  const selpaSet = new Set(geo.selpas.map((x) => x.code));
  geo.selpas.forEach((sp, si) => {
    const pop = generateSelpa(world, sp, bases.get(sp.code) ?? 100);
    PERIODS.forEach((p, pIdx) => {
      const w = writers[pIdx] as (typeof writers)[number];
      // Per SELPA: every row below carries sp's SELPA_CODE (the planted ones too) and goes to sp's file.
      for (const x of [w.a, w.b, w.c, w.d]) x?.selpa(sp.code);
      const rngC = Rng.derive(seed, 'tableC', p.folder, sp.code);
      const rngD = Rng.derive(seed, 'tableD', p.folder, sp.code);
      for (const s of pop.students) {
        const snap = snapshot(s, p, pIdx, OVERDUE);
        if (!snap) continue;
        if (tally) for (const x of checkTableA(snap.row, p, districtSet, selpaSet)) tally.set(`${p.folder} ${x.code}`, (tally.get(`${p.folder} ${x.code}`) ?? 0) + 1);
        w.a.rowNoNl(fmtFields(snap.row, TA_FIELDS, f));
        if (snap.served) w.served++;
        for (const r of tableBRows(snap, p)) w.b.rowNoNl(fmtFields(r, TB_FIELDS, f));
        if (w.c) for (const r of tableCRows(rngC, snap, p, DISCIPLINE_RATE)) w.c.rowNoNl(fmtFields(r, TC_FIELDS, f));
        if (pIdx === 1) addAgg(aggs, snap, snap.row);
      }
      if (w.d) {
        const src = pIdx === 0 ? pop.ghosts : pop.students.filter((s) => tableDEligible(s, p));
        for (const s of src) w.d.rowNoNl(fmtFields(tableDRow(rngD, s, p), TD_FIELDS, f));
      }
      // A tiny sprinkle of invalid rows in the first SELPA.
      if (si === 0) {
        const cands = pop.students.filter((s) => s.plan === '10' && s.entry !== null && s.entry < p.syStart && s.exit === null && s.infantEnd === null);
        for (const [field, bad] of [['GENDER', 'X'], ['ETHNICITY1', '555'], ['GRADE', '19']] as const) {
          const base = sprinkle.pick(cands);
          const snap = snapshot(cloneStudent(world, sprinkle, base), p, pIdx, OVERDUE);
          if (!snap) continue;
          const row: TARow = { ...snap.row, [field]: bad };
          w.a.rowNoNl(fmtFields(row, TA_FIELDS, f));
        }
        w.b.rowNoNl([f.fmt(p.rept), sp.code, 'ZZ9999999', '330', '100', '100', '2', '30']);
      }
    });
    for (const hw of history) {
      for (const x of [hw.a, hw.c]) x?.selpa(sp.code);
      const data = historyRows(seed, [pop], hw.h, OVERDUE, DISCIPLINE_RATE, sp.code);
      for (const it of data.a) {
        hw.a.rowNoNl(fmtFields(it.row, TA_FIELDS, f));
        if (it.snap.served) hw.served++;
      }
      if (hw.c) for (const r of data.c) hw.c.rowNoNl(fmtFields(r, TC_FIELDS, f));
    }
    for (const s of [...pop.students, ...pop.unlinked]) {
      const r = referralOf(s, (x) => x);
      if (r) {
        wr.rowNoNl(referralFields(r));
        summary.referrals++;
      }
    }
  });
  for (const hw of history) {
    for (const x of [hw.a, hw.c]) {
      if (!x) continue;
      x.close();
      summary.files.push({ file: x.rel, rows: x.rows, bytes: x.bytes });
    }
    summary.counts[hw.h.target.folder] = { tableA: hw.a.rows, served: hw.served, tableB: 0, tableC: hw.c?.rows ?? 0, tableD: 0 };
  }
  writers.forEach((w, pIdx) => {
    const p = PERIODS[pIdx] as Period;
    for (const x of [w.a, w.b, w.c, w.d]) {
      if (!x) continue;
      x.close();
      summary.files.push({ file: x.rel, rows: x.rows, bytes: x.bytes });
    }
    summary.counts[p.folder] = { tableA: w.a.rows, served: w.served, tableB: w.b.rows, tableC: w.c?.rows ?? 0, tableD: w.d?.rows ?? 0 };
  });
  closeOther(o, wr);
  writeOtherInputs(o, { surveys: Math.round(32431 * scale), findings: Math.round(41000 * scale), disputes: SEED_DISPUTES });
  if (tally) summary.tally = Object.fromEntries([...tally.entries()].sort());
  return summary;
}
