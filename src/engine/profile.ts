import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import { UsageError } from '../errors.js';

const YEAR = /^\d{4}-\d{2}$/;

const fileSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  /** Another profile this one adds to: its params, targets and code lists first, then these. */
  extends: z.string().optional(),
  state: z.string().optional(),
  year: z.string().regex(YEAR, { error: 'year must look like 2008-09' }).optional(),
  /** Extension modules this profile runs (an indicator declaring `extension`, e.g. `sd`). */
  modules: z.array(z.string()).default([]),
  params: z.record(z.string(), z.unknown()).default({}),
  targets: z.record(z.string(), z.number()).default({}),
  codeLists: z.record(z.string(), z.array(z.string())).optional(),
});

export const profileSchema = fileSchema.required({ state: true, year: true });
export type Profile = z.infer<typeof profileSchema>;

const PROFILE_DIR = new URL('../profiles/', import.meta.url);

/** The profile ids there are (the files of src/profiles/). */
export function profileIds(): string[] {
  return readdirSync(PROFILE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/**
 * A profile is a file: adding one is adding `src/profiles/<id>.json`. One that `extends` another
 * (idea-2016 = ca-ffy2008 + the module sd) takes the other's values and lays its own over them.
 */
export function loadProfile(id: string, seen: string[] = []): Profile {
  const url = new URL(`${id}.json`, PROFILE_DIR);
  if (!/^[a-z0-9-]+$/i.test(id) || !existsSync(url)) {
    throw new UsageError(`unknown profile "${id}"; the profiles are: ${profileIds().join(', ')} (one file each in src/profiles/)`);
  }
  if (seen.includes(id)) throw new UsageError(`profile ${seen[0]} extends itself: ${[...seen, id].join(' → ')}`);
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.success) throw new UsageError(`profile ${id} is invalid:\n${z.prettifyError(parsed.error)}`);
  const own = parsed.data;
  const base = own.extends ? loadProfile(own.extends, [...seen, id]) : undefined;
  const merged = {
    ...own,
    state: own.state ?? base?.state,
    year: own.year ?? base?.year,
    modules: [...new Set([...(base?.modules ?? []), ...own.modules])],
    params: { ...base?.params, ...own.params },
    targets: { ...base?.targets, ...own.targets },
    codeLists: base?.codeLists || own.codeLists ? { ...base?.codeLists, ...own.codeLists } : undefined,
  };
  const full = profileSchema.safeParse(merged);
  if (!full.success) throw new UsageError(`profile ${id} is invalid (state and year are needed, its own or those of the profile it extends):\n${z.prettifyError(full.error)}`);
  return full.data;
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
