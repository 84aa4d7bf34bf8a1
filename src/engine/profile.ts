import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import { UsageError } from '../errors.js';

const YEAR = /^\d{4}-\d{2}$/;

export const profileSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  state: z.string(),
  year: z.string().regex(YEAR, { error: 'year must look like 2008-09' }),
  params: z.record(z.string(), z.unknown()).default({}),
  targets: z.record(z.string(), z.number()).default({}),
  codeLists: z.record(z.string(), z.array(z.string())).optional(),
});
export type Profile = z.infer<typeof profileSchema>;

const PROFILE_DIR = new URL('../profiles/', import.meta.url);

/** The profile ids there are (the files of src/profiles/). */
export function profileIds(): string[] {
  return readdirSync(PROFILE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** A profile is a file: adding one is adding `src/profiles/<id>.json`. */
export function loadProfile(id: string): Profile {
  const url = new URL(`${id}.json`, PROFILE_DIR);
  if (!/^[a-z0-9-]+$/i.test(id) || !existsSync(url)) {
    throw new UsageError(`unknown profile "${id}"; the profiles are: ${profileIds().join(', ')} (one file each in src/profiles/)`);
  }
  const parsed = profileSchema.safeParse(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.success) throw new UsageError(`profile ${id} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function checkYear(year: string): string {
  const m = YEAR.exec(year);
  const start = Number(year.slice(0, 4));
  if (!m || (start + 1) % 100 !== Number(year.slice(5, 7))) throw new UsageError(`--year must be a school year like 2008-09 (got "${year}")`);
  return year;
}

/** Reporting-year dates (INDICATORS.md, Conventions), shifted by a data-year offset. */
export function yearContext(year: string, offset = 0) {
  const start = Number(year.slice(0, 4)) + offset;
  const label = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  return {
    year: label,
    y_start: `${start}-07-01`,
    y_end: `${start + 1}-06-30`,
    dec_period: `${start}-12`,
    jun_period: `${start + 1}-06`,
    dec_date: `${start}-12-01`,
    jun_date: `${start + 1}-06-30`,
  };
}
