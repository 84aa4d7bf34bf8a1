// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian, no time zones).

export type Day = number;

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayOf(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function ymd(day: Day): Ymd {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Same month/day n years later; Feb 29 becomes Feb 28 in a non-leap target year. */
export function addYears(day: Day, n: number): Day {
  const { y, m, d } = ymd(day);
  const ty = y + n;
  return dayOf(ty, m, Math.min(d, daysInMonth(ty, m)));
}

/** Whole years completed on `at` (a Feb 29 birthday completes on Feb 28 in non-leap years). */
export function ageOn(birth: Day, at: Day): number {
  const b = ymd(birth);
  const a = ymd(at);
  let age = a.y - b.y;
  const bd = b.m === 2 && b.d === 29 && !isLeap(a.y) ? 28 : b.d;
  if (a.m < b.m || (a.m === b.m && a.d < bd)) age--;
  return age;
}

export function parseIso(s: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`bad ISO date ${s}`);
  return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

export type DateFormat = 'iso' | 'mdy' | 'mdy8';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function fmtDate(day: Day, f: DateFormat): string {
  const { y, m, d } = ymd(day);
  if (f === 'iso') return `${y}-${pad2(m)}-${pad2(d)}`;
  if (f === 'mdy') return `${pad2(m)}/${pad2(d)}/${y}`;
  return `${pad2(m)}${pad2(d)}${y}`;
}

/** Impossible calendar date text in the given format (e.g. 2001-02-30). */
export function fmtRaw(y: number, m: number, d: number, f: DateFormat): string {
  if (f === 'iso') return `${y}-${pad2(m)}-${pad2(d)}`;
  if (f === 'mdy') return `${pad2(m)}/${pad2(d)}/${y}`;
  return `${pad2(m)}${pad2(d)}${y}`;
}

/** Cached formatter: statewide output formats millions of dates. */
export class DateFormatter {
  private readonly cache = new Map<number, string>();
  constructor(readonly format: DateFormat) {}
  fmt(day: Day): string {
    let s = this.cache.get(day);
    if (s === undefined) {
      s = fmtDate(day, this.format);
      this.cache.set(day, s);
    }
    return s;
  }
}

export function iso(day: Day): string {
  return fmtDate(day, 'iso');
}

/** Avoid Feb 29 for event dates (keeps "minus one year" comparisons unambiguous). */
export function noLeapDay(day: Day): Day {
  const { m, d } = ymd(day);
  return m === 2 && d === 29 ? day - 1 : day;
}

/** Weekday 0 = Sunday .. 6 = Saturday. */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Move a weekend date to the following Monday (school events happen on school days). */
export function schoolDay(day: Day): Day {
  const w = weekday(day);
  if (w === 6) return day + 2;
  if (w === 0) return day + 1;
  return day;
}

/** An event date: a school day, never Feb 29. */
export function eventDayOf(day: Day): Day {
  return noLeapDay(schoolDay(day));
}
